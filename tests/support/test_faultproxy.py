"""The fault-injecting proxy, against a real (tiny) HTTP server and a raw TCP server."""

from __future__ import annotations

import asyncio
import socket
import socketserver
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from tests.support.faultproxy import CHUNK, THREAD_PREFIX, FaultProxy, Faults, ProxyStats

TIMEOUT = 5


def payload(size: int) -> bytes:
    return bytes(i % 251 for i in range(size))


class _Handler(BaseHTTPRequestHandler):
    """``GET /bytes/N``: N bytes of :func:`payload`; ``X-Upstream`` names the server."""

    protocol_version = "HTTP/1.1"  # keep-alive

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        parts = self.path.strip("/").split("/")
        if len(parts) != 2 or parts[0] != "bytes" or not parts[1].isdigit():
            self.send_error(404)
            return
        body = payload(int(parts[1]))
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Upstream", self.server.label)  # type: ignore[attr-defined]
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class QuietHTTPServer(ThreadingHTTPServer):
    """Connections the proxy resets or cuts on purpose are not worth a traceback."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


class QuietTCPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


class Upstream:
    def __init__(self, label: str):
        self.server = QuietHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.label = label  # type: ignore[attr-defined]
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(2)


@pytest.fixture
def upstream() -> Iterator[Upstream]:
    server = Upstream("first")
    yield server
    server.close()


@pytest.fixture
def proxy(upstream: Upstream) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", upstream.port) as fault_proxy:
        yield fault_proxy


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with requests.Session() as http:
        yield http


def proxy_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(THREAD_PREFIX)]


def get(http: requests.Session, proxy: FaultProxy, size: int, **kwargs) -> requests.Response:
    kwargs.setdefault("timeout", TIMEOUT)
    return http.get(f"{proxy.url}/bytes/{size}", **kwargs)


def test_clean_passthrough_is_byte_exact_and_keeps_alive(proxy, session):
    for size in (0, 1, 4096, 300_000):
        response = get(session, proxy, size)
        assert response.status_code == 200
        assert response.content == payload(size)
    stats = proxy.stats()
    assert isinstance(stats, ProxyStats)
    assert stats.connections == 1  # one keep-alive connection for all four requests
    assert stats.active == 1
    assert stats.bytes_down > 300_000 + 4096 + 1
    assert stats.bytes_up > 0
    assert (stats.resets, stats.truncations) == (0, 0)
    assert stats.as_dict()["connections"] == 1


def test_latency_is_added_each_way(proxy, session):
    get(session, proxy, 10)  # connection set up outside the measurement
    proxy.set_faults(latency=0.25)
    started = time.monotonic()
    response = get(session, proxy, 10_000)
    elapsed = time.monotonic() - started
    assert response.content == payload(10_000)
    assert 0.5 <= elapsed < 1.5  # request one way + response the other
    proxy.clear()
    started = time.monotonic()
    get(session, proxy, 10)
    assert time.monotonic() - started < 0.25


def test_bandwidth_cap_paces_the_download(proxy, session):
    proxy.set_faults(bandwidth=32_000)  # 256 kbit/s
    started = time.monotonic()
    response = get(session, proxy, 64_000)
    elapsed = time.monotonic() - started
    assert response.content == payload(64_000)
    assert 1.8 <= elapsed < 4.0


def test_reset_gives_connection_error(proxy, session):
    proxy.set_faults(reset_probability=1.0)
    with pytest.raises(requests.ConnectionError):
        get(session, proxy, 100)
    assert proxy.stats().resets == 1
    proxy.clear()
    assert get(session, proxy, 100).content == payload(100)


def test_reset_is_a_real_rst(proxy):
    proxy.set_faults(reset_probability=1.0)
    with socket.create_connection((proxy.host, proxy.port), timeout=TIMEOUT) as raw:
        raw.sendall(b"GET /bytes/10 HTTP/1.1\r\nHost: x\r\n\r\n")
        with pytest.raises(ConnectionResetError):
            raw.recv(100)


def test_truncation_from_the_first_chunk(proxy):
    """The answer stops within its first block, with a FIN: recv() ends, it does not raise.

    (Seen through requests, a cut inside the headers can even pass for a whole, empty answer:
    http.client takes EOF as the end of the headers. So the bytes are checked here.)
    """
    proxy.set_faults(truncate_probability=1.0, seed=7)
    received = bytearray()
    with socket.create_connection((proxy.host, proxy.port), timeout=TIMEOUT) as raw:
        raw.sendall(b"GET /bytes/50000 HTTP/1.1\r\nHost: x\r\n\r\n")
        while chunk := raw.recv(65536):
            received += chunk
    assert len(received) < CHUNK
    assert b"HTTP/1.1 200 OK".startswith(bytes(received[:15]))
    _, _, body = bytes(received).partition(b"\r\n\r\n")
    assert body == payload(50_000)[: len(body)]
    assert proxy.stats().truncations == 1


def test_truncation_mid_body_is_shorter_than_content_length(proxy, session):
    size = 64_000
    proxy.set_faults(bandwidth=128_000)  # slow enough to change the faults mid-body
    response = get(session, proxy, size, stream=True)
    assert int(response.headers["Content-Length"]) == size
    proxy.set_faults(truncate_probability=1.0)
    received = bytearray()
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        for part in response.iter_content(1024):
            received += part
    assert len(received) < size
    assert bytes(received) == payload(size)[: len(received)]
    assert proxy.stats().truncations == 1


def test_clear_calls_off_a_truncation_already_decided(proxy, session):
    """The cut falls somewhere in the first 4 KiB block; a short first answer can end before
    it, leaving it armed on the keep-alive connection. A clean link must not fire it."""
    proxy.set_faults(truncate_probability=1.0, seed=7)
    assert get(session, proxy, 10).content == payload(10)
    assert proxy.stats().truncations == 0  # seed 7 cuts after the first answer
    proxy.clear()
    assert get(session, proxy, 50_000).content == payload(50_000)
    assert (proxy.stats().connections, proxy.stats().truncations) == (1, 0)


def test_stall_times_out_reads_and_clearing_it_recovers(proxy, session):
    get(session, proxy, 10)
    proxy.set_faults(stall=True)
    cpu = proxy.cpu_seconds()
    with pytest.raises(requests.exceptions.ReadTimeout):
        get(session, proxy, 10, timeout=(1, 0.5))
    assert proxy.cpu_seconds() - cpu < 0.2  # the stall waits, it does not spin
    proxy.clear()
    assert get(session, proxy, 1000).content == payload(1000)


def test_stall_applies_to_live_transfers(proxy, session):
    proxy.set_faults(bandwidth=200_000)
    response = get(session, proxy, 100_000, stream=True)
    proxy.set_faults(stall=True)
    threading.Timer(0.6, proxy.set_faults, kwargs={"stall": False}).start()
    started = time.monotonic()
    assert response.content == payload(100_000)
    assert time.monotonic() - started >= 0.6


def test_refuse_then_clear(proxy, session):
    assert get(session, proxy, 10).ok  # an open keep-alive connection ...
    proxy.set_faults(refuse=True)  # ... is reset too
    with pytest.raises(requests.ConnectionError):
        get(session, proxy, 10)
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{proxy.url}/bytes/10", timeout=TIMEOUT)
    stats = proxy.stats()
    assert stats.refused >= 2
    assert stats.resets >= 3
    proxy.clear()
    assert get(session, proxy, 10).content == payload(10)


def test_reset_all_breaks_a_request_in_flight(proxy, session):
    proxy.set_faults(stall=True)
    errors: list[BaseException] = []

    def fetch() -> None:
        try:
            get(session, proxy, 10)
        except requests.RequestException as exc:
            errors.append(exc)

    worker = threading.Thread(target=fetch)
    worker.start()
    deadline = time.monotonic() + TIMEOUT
    while proxy.stats().active == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    proxy.reset_all()
    worker.join(TIMEOUT)
    assert time.monotonic() - started < 1.0
    assert len(errors) == 1 and isinstance(errors[0], requests.ConnectionError)
    assert proxy.stats().resets == 1


def test_retarget_to_a_restarted_server(proxy, upstream, session):
    assert get(session, proxy, 10).headers["X-Upstream"] == "first"
    second = Upstream("second")
    try:
        proxy.retarget("127.0.0.1", second.port)
        with requests.Session() as fresh:
            response = get(fresh, proxy, 10)
            assert response.headers["X-Upstream"] == "second"
            assert response.content == payload(10)
    finally:
        second.close()


def test_unreachable_upstream_looks_like_a_server_down(proxy, upstream, session):
    upstream.close()
    with pytest.raises(requests.ConnectionError):
        get(session, proxy, 10)
    assert proxy.stats().upstream_failures == 1


def test_half_close_is_passed_on():
    """The client shuts its sending side; the server still answers, then the proxy's FIN."""

    class Reverse(socketserver.StreamRequestHandler):
        def handle(self) -> None:
            data = self.rfile.read()  # until the client's FIN
            self.wfile.write(data[::-1])

    server = QuietTCPServer(("127.0.0.1", 0), Reverse)
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    try:
        with FaultProxy("127.0.0.1", server.server_address[1], Faults(latency=0.05)) as proxy:
            with socket.create_connection((proxy.host, proxy.port), timeout=TIMEOUT) as raw:
                raw.sendall(b"abc" * 5000)
                raw.shutdown(socket.SHUT_WR)
                answer = bytearray()
                while chunk := raw.recv(65536):
                    answer += chunk
            assert bytes(answer) == (b"abc" * 5000)[::-1]
    finally:
        server.shutdown()
        server.server_close()


def test_stop_closes_everything_and_leaves_no_threads(upstream, session):
    proxy = FaultProxy("127.0.0.1", upstream.port).start()
    assert get(session, proxy, 10).ok
    proxy.set_faults(stall=True)
    with pytest.raises(requests.exceptions.ReadTimeout):
        get(requests.Session(), proxy, 10, timeout=(1, 0.2))
    assert proxy_threads()
    started = time.monotonic()
    proxy.stop()
    assert time.monotonic() - started < 2.0
    assert proxy_threads() == []
    with pytest.raises(requests.ConnectionError):
        get(session, proxy, 10)
    # Restartable, on the same port; the faults outlive a restart until cleared.
    assert proxy.faults.stall
    proxy.clear()
    port = proxy.port
    with proxy:
        assert proxy.port == port
        assert get(requests.Session(), proxy, 10).content == payload(10)
    assert proxy_threads() == []


def test_usable_from_asyncio(proxy):
    async def exchange() -> bytes:
        reader, writer = await asyncio.open_connection(proxy.host, proxy.port)
        writer.write(b"GET /bytes/5000 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), TIMEOUT)
        writer.close()
        await writer.wait_closed()
        return data

    proxy.set_faults(latency=0.05, bandwidth=100_000)
    data = asyncio.run(exchange())
    assert data.startswith(b"HTTP/1.1 200")
    assert data.endswith(payload(5000))


def test_seeded_randomness_is_repeatable(upstream):
    def outcomes() -> list[bool]:
        results = []
        with FaultProxy("127.0.0.1", upstream.port, Faults(reset_probability=0.5, seed=42)) as p:
            for _ in range(12):
                try:
                    # A fresh connection each time; request and answer are one block each, so
                    # two decisions (one per direction) settle each exchange.
                    requests.get(
                        f"{p.url}/bytes/10", timeout=TIMEOUT, headers={"Connection": "close"}
                    )
                    results.append(True)
                except requests.ConnectionError:
                    results.append(False)
        return results

    first = outcomes()
    assert True in first and False in first
    assert outcomes() == first


def test_bad_arguments(upstream, proxy):
    with pytest.raises(ValueError):
        proxy.set_faults(reset_probability=1.5)
    with pytest.raises(ValueError):
        proxy.set_faults(bandwidth=0)
    with pytest.raises(TypeError):
        proxy.set_faults(jitter=0.1)
    with pytest.raises(ValueError):
        proxy.retarget("10.0.0.1", 80)
    with pytest.raises(ValueError):
        FaultProxy("example.org", 80)
    with pytest.raises(RuntimeError):
        proxy.start()
    assert proxy.faults == Faults()
