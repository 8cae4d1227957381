"""Run the server inside another program: the workstation's demo mode and every test."""

from __future__ import annotations

import socket
import threading
import time

import uvicorn

from .app import create_app
from .context import ServerContext, load_context


class EmbeddedServer:
    """uvicorn on a background thread, on a port of its own choosing on 127.0.0.1.

    With `ssl_certfile` and `ssl_keyfile` (PEM) it serves HTTPS, as a production server would.
    """

    def __init__(
        self,
        server: ServerContext | str,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        ssl_certfile: str | None = None,
        ssl_keyfile: str | None = None,
    ):
        self.context = server if isinstance(server, ServerContext) else load_context(server)
        self.app = create_app(self.context)
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((host, port))
        self.host, self.port = self._sock.getsockname()[:2]
        self.scheme = "https" if ssl_certfile else "http"
        config = uvicorn.Config(
            self.app,
            log_level="warning",
            access_log=False,
            lifespan="on",  # the training release ticker runs in it
            ssl_certfile=ssl_certfile,
            ssl_keyfile=ssl_keyfile,
        )
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"

    def start(self, timeout: float = 10.0) -> EmbeddedServer:
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._sock]}, daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("embedded server did not start")
            time.sleep(0.01)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        self._sock.close()
        self.context.db.dispose()

    def __enter__(self) -> EmbeddedServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
