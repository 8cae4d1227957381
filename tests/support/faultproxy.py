"""A fault-injecting TCP proxy for tests of the sync engine over bad links.

Put a :class:`FaultProxy` between a client and a server on 127.0.0.1 and change the faults
(:class:`Faults`) while traffic flows: one-way latency, a bandwidth cap, connection resets (RST),
truncated responses (FIN in the middle of a body), a stalled link and a server that refuses
connections.

Everything runs in plain threads, so the proxy works the same from synchronous pytest code and
from asyncio tests (``start()`` and ``stop()`` only block briefly; ``stop()`` at most ~2 s).

Per connection there are four threads: for each direction, a *reader* that takes chunks off the
source socket into a bounded queue, stamped with the time they were read, and a *writer* that
sends each chunk once ``read_at + latency`` has passed, paced to the bandwidth cap.  So latency is
a one-way delay that neither serialises the two directions nor throttles throughput, and a stall
only stops the writers (the readers stop too once the queue is full).  All waits are on a
:class:`threading.Condition`, notified on every fault change, so nothing spins.

Random faults are decided per 4 KiB block of each direction's byte stream, by a generator of that
direction seeded from the proxy's own generator when the connection is accepted.  So with a seed,
the same traffic meets the same faults however TCP happens to split it into segments.

Upstream "client -> server" traffic is *up*, "server -> client" traffic is *down*.
"""

from __future__ import annotations

import itertools
import os
import random
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

__all__ = ["THREAD_PREFIX", "FaultProxy", "Faults", "ProxyStats"]

#: Every thread the proxy starts is named ``faultproxy-...``.
THREAD_PREFIX = "faultproxy"
#: Largest chunk read from a socket, and the block size of the random fault decisions.
CHUNK = 4096
#: Bytes a direction may hold before its reader stops reading (backpressure).
MAX_BUFFER = 256 * 1024
#: How often blocked socket calls look at the connection state (they are also woken directly).
POLL = 0.2
#: Pacing granularity under a bandwidth cap: pieces of about this many seconds of traffic.
PACE_SLICE = 0.02
#: ``stop()`` (and ``reset_all()``) wait at most this long for threads and sockets.
STOP_TIMEOUT = 2.0
LOCALHOST = "127.0.0.1"


@dataclass
class Faults:
    """What is wrong with the link.  All-defaults is a clean link."""

    #: Seconds added once per chunk forwarded, in each direction (one-way delay).
    latency: float = 0.0
    #: Bytes per second per direction per connection (``None``: unlimited); 256 kbit/s = 32_000.
    bandwidth: int | None = None
    #: Per 4 KiB block of either direction (the first one included): reset both sides (RST).
    reset_probability: float = 0.0
    #: Per 4 KiB block of the responses: cut the stream at a random point of it, then FIN.
    truncate_probability: float = 0.0
    #: Forward nothing (sockets stay open) until cleared.
    stall: bool = False
    #: New connections are accepted and reset at once; setting it resets open ones too.
    refuse: bool = False
    #: Seed for the proxy's random decisions (applied when given).
    seed: int | None = None

    def validate(self) -> None:
        if self.latency < 0:
            raise ValueError(f"latency must be >= 0, got {self.latency!r}")
        if self.bandwidth is not None and self.bandwidth <= 0:
            raise ValueError(f"bandwidth must be > 0 or None, got {self.bandwidth!r}")
        for name in ("reset_probability", "truncate_probability"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be within [0, 1], got {value!r}")


@dataclass(frozen=True)
class ProxyStats:
    """A snapshot of the proxy's counters (since construction)."""

    #: Client connections accepted (including refused ones).
    connections: int = 0
    #: Connections currently open.
    active: int = 0
    #: Bytes forwarded client -> server.
    bytes_up: int = 0
    #: Bytes forwarded server -> client.
    bytes_down: int = 0
    #: Connections reset by the proxy on purpose (reset_probability, reset_all, refuse).
    resets: int = 0
    #: Responses truncated (truncate_probability).
    truncations: int = 0
    #: Of ``connections``, those refused because ``refuse`` was set.
    refused: int = 0
    #: Connections reset because the upstream could not be reached.
    upstream_failures: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def _loopback(host: str) -> str:
    """The proxy only ever talks to 127.0.0.1."""
    if host in ("localhost", LOCALHOST):
        return LOCALHOST
    raise ValueError(f"FaultProxy only connects to {LOCALHOST}, not {host!r}")


def _quietly(call: Callable[..., object], *args: object) -> None:
    """A socket call whose failure only means the socket is already gone."""
    try:
        call(*args)
    except OSError:
        pass


def _set_rst_on_close(sock: socket.socket) -> None:
    _quietly(sock.setsockopt, socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def _rst(sock: socket.socket) -> None:
    """Close a socket that no other thread uses with a RST."""
    _set_rst_on_close(sock)
    _quietly(sock.close)


def _chance(rng: random.Random, probability: float) -> bool:
    return probability > 0 and (probability >= 1 or rng.random() < probability)


class _Pipe:
    """One direction of a connection: a reader thread and a writer thread around a queue."""

    def __init__(self, conn: _Connection, src: socket.socket, dst: socket.socket, down: bool):
        self.conn, self.proxy = conn, conn.proxy
        self.src, self.dst, self.down = src, dst, down
        #: Only this direction's writer draws from it, so its decisions do not depend on timing.
        self.rng = random.Random(conn.seeds[down])
        self.cond = threading.Condition()
        #: (monotonic time read, data); ``b""`` marks EOF from ``src``.
        self.queue: deque[tuple[float, bytes]] = deque()
        self.buffered = 0
        #: Bytes of this direction's stream forwarded so far.
        self.offset = 0
        #: Stream offset where a decided truncation cuts the response.
        self.cut_at: int | None = None
        #: When the capped link has finished "transmitting" what was sent so far.
        self.link_free_at = 0.0

    def wake(self) -> None:
        with self.cond:
            self.cond.notify_all()

    def read_loop(self) -> None:
        conn = self.conn
        while not conn.closing:
            try:
                data = self.src.recv(CHUNK)
            except TimeoutError:
                continue
            except OSError:
                conn.abort()  # the peer reset: pass it on
                return
            if conn.closing:
                return
            with self.cond:
                self.queue.append((time.monotonic(), data))
                self.buffered += len(data)
                self.cond.notify_all()
                if not data:
                    return
                while self.buffered >= MAX_BUFFER and not conn.closing:
                    self.cond.wait()

    def write_loop(self) -> None:
        conn = self.conn
        while True:
            with self.cond:
                while True:
                    if conn.closing:
                        return
                    faults = self.proxy.faults
                    if self.queue and not faults.stall:
                        read_at, data = self.queue[0]
                        delay = read_at + faults.latency - time.monotonic()
                        if delay <= 0:
                            break
                        self.cond.wait(delay)
                    else:
                        self.cond.wait()
                self.queue.popleft()
                self.buffered -= len(data)
                self.cond.notify_all()
            if not data:
                conn.half_close(self.dst)
                return
            if not self._forward(data):
                return

    def _forward(self, data: bytes) -> bool:
        """Send one chunk, unless a fault decided at a block start ends the connection here."""
        faults, start = self.proxy.faults, self.offset
        end = start + len(data)
        if not faults.truncate_probability:
            self.cut_at = None  # a cut decided before the faults were cleared is called off
        block = -(-start // CHUNK) * CHUNK  # the first block boundary at or after `start`
        if block < end:  # this chunk starts a new block
            if _chance(self.rng, faults.reset_probability):
                self.proxy._count(resets=1)
                self.conn.abort()
                return False
            if self.down and self.cut_at is None:
                if _chance(self.rng, faults.truncate_probability):
                    self.cut_at = block + self.rng.randrange(CHUNK)
        cut = self.cut_at is not None and self.cut_at < end
        if cut:
            data = data[: self.cut_at - start]
        view = memoryview(data)
        while view:
            bandwidth = self.proxy.faults.bandwidth
            if bandwidth:
                piece = view[: max(256, min(CHUNK, int(bandwidth * PACE_SLICE)))]
                self.link_free_at = (
                    max(time.monotonic(), self.link_free_at) + len(piece) / bandwidth
                )
                due = self.link_free_at
            else:
                piece, due = view, 0.0
            if not self._wait_until(due) or not self._send(piece):
                return False
            view = view[len(piece) :]
        self.offset += len(data)
        if cut:
            self.proxy._count(truncations=1)
            self.conn.truncate()
            return False
        return True

    def _wait_until(self, due: float) -> bool:
        """Wait until ``due`` and the link is not stalled; False if the connection is closing."""
        with self.cond:
            while not self.conn.closing:
                if self.proxy.faults.stall:
                    self.cond.wait()
                    continue
                remaining = due - time.monotonic()
                if remaining <= 0:
                    return True
                self.cond.wait(remaining)
        return False

    def _send(self, data: memoryview) -> bool:
        while data:
            if self.conn.closing:
                return False
            try:
                sent = self.dst.send(data)
            except TimeoutError:
                continue
            except OSError:
                self.conn.abort()
                return False
            data = data[sent:]
            self.proxy._count(**{"bytes_down" if self.down else "bytes_up": sent})
        return True


class _Connection:
    """One client connection and its upstream connection.

    The sockets are closed by the last of the connection's threads to leave, so no thread ever
    uses a closed (and maybe reused) descriptor; ``closed`` is set then.
    """

    def __init__(self, proxy: FaultProxy, client: socket.socket, number: int, seeds: list[int]):
        self.proxy, self.client, self.number, self.seeds = proxy, client, number, seeds
        self.upstream: socket.socket | None = None
        self.lock = threading.Lock()
        #: Set once the connection is being torn down; every thread then leaves.
        self.closing = False
        self.closed = threading.Event()
        self.pipes: list[_Pipe] = []
        self._running = 0

    def run(self) -> None:
        """Connect upstream, start the other three threads, then become the "up" reader."""
        try:
            upstream = socket.create_connection(self.proxy.upstream, timeout=STOP_TIMEOUT)
        except OSError:
            self.proxy._count(upstream_failures=1)
            self.abort()
            with self.lock:
                self._finish_locked()
            return
        with self.lock:
            self.upstream = upstream
            if self.closing:  # stopped or reset while connecting
                _set_rst_on_close(upstream)
                self._finish_locked()
                return
            for sock in (self.client, upstream):
                sock.settimeout(POLL)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            up = _Pipe(self, self.client, upstream, down=False)
            down = _Pipe(self, upstream, self.client, down=True)
            self.pipes = [up, down]
            self._running = 4
            for target, label in (
                (down.read_loop, "down-reader"),
                (up.write_loop, "up-writer"),
                (down.write_loop, "down-writer"),
            ):
                self.proxy._spawn(self._counted(target), f"{self.number}-{label}")
        self._counted(up.read_loop)()

    def _counted(self, target: Callable[[], None]) -> Callable[[], None]:
        def body() -> None:
            try:
                target()
            except BaseException:
                self.abort()  # a proxy bug must not leave the connection open
                raise
            finally:
                with self.lock:
                    self._running -= 1
                    if self._running == 0:
                        self._finish_locked()

        return body

    def _finish_locked(self) -> None:
        self.closing = True
        for sock in (self.client, self.upstream):
            if sock is not None:
                _quietly(sock.close)
        self.proxy._forget(self)
        self.closed.set()

    def wake(self) -> None:
        """Make every waiting thread look at the faults (and the connection state) again."""
        for pipe in self.pipes:
            pipe.wake()

    def abort(self) -> None:
        """Reset both sides (RST): SO_LINGER 0 now, the last thread out closes the sockets."""
        with self.lock:
            if self.closing:
                return
            self.closing = True
            for sock in (self.client, self.upstream):
                if sock is not None:
                    _set_rst_on_close(sock)
                    _quietly(sock.shutdown, socket.SHUT_RD)  # wakes a reader in recv()
        self.wake()

    def truncate(self) -> None:
        """Close both sides cleanly (FIN), whatever is still in flight."""
        with self.lock:
            if self.closing:
                return
            self.closing = True
            for sock in (self.client, self.upstream):
                _quietly(sock.shutdown, socket.SHUT_RDWR)
        self.wake()

    def half_close(self, dst: socket.socket) -> None:
        """The other side of ``dst`` sent EOF: pass it on."""
        with self.lock:
            if not self.closing:
                _quietly(dst.shutdown, socket.SHUT_WR)


class FaultProxy:
    """A TCP proxy on 127.0.0.1 that injects :class:`Faults` between a client and its upstream.

    ::

        with FaultProxy("127.0.0.1", server_port) as proxy:
            proxy.set_faults(latency=0.2, bandwidth=32_000)
            requests.get(proxy.url + "/health", timeout=5)

    Faults survive ``stop()`` and ``start()``; ``clear()`` removes them.
    """

    def __init__(
        self,
        upstream_host: str,
        upstream_port: int,
        faults: Faults | None = None,
        listen_port: int = 0,
    ):
        self.host = LOCALHOST
        self.port = listen_port
        self._upstream = (_loopback(upstream_host), int(upstream_port))
        faults = replace(faults) if faults is not None else Faults()
        faults.validate()
        self._faults = faults
        self._rng = random.Random(faults.seed)
        self._lock = threading.Lock()
        self._stats = {f.name: 0 for f in fields(ProxyStats)}
        self._connections: set[_Connection] = set()
        self._threads: set[threading.Thread] = set()
        self._listener: socket.socket | None = None
        self._running = False
        self._numbers = itertools.count(1)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def upstream(self) -> tuple[str, int]:
        return self._upstream

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> FaultProxy:
        """Listen (on the same port again after a ``stop()``) and start accepting."""
        with self._lock:
            if self._running:
                raise RuntimeError("FaultProxy is already running")
            listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            try:
                listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                listener.bind((self.host, self.port))
                listener.listen(128)
                listener.settimeout(POLL)
            except OSError:
                listener.close()
                raise
            self.port = listener.getsockname()[1]
            self._listener = listener
            self._running = True
            self._spawn_locked(lambda: self._accept_loop(listener), "accept")
        return self

    def stop(self) -> None:
        """Close the listener and every connection (RST); wait up to ~2 s for all threads."""
        with self._lock:
            if not self._running:
                return
            self._running = False
            listener, self._listener = self._listener, None
        deadline = time.monotonic() + STOP_TIMEOUT
        _quietly(listener.shutdown, socket.SHUT_RDWR)  # wakes accept()
        self._join(deadline, lambda t: t.name.endswith("-accept"))
        _quietly(listener.close)
        for conn in self._snapshot():
            conn.abort()
        self._join(deadline)

    def __enter__(self) -> FaultProxy:
        if not self._running:
            self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self._running else "stopped"
        host, port = self._upstream
        return f"<FaultProxy {self.url} -> {host}:{port} {state} {self._faults}>"

    # --- faults -----------------------------------------------------------------------------

    @property
    def faults(self) -> Faults:
        """The faults in force (a copy is stored; do not mutate it)."""
        return self._faults

    def set_faults(self, faults: Faults | None = None, **changes: Any) -> None:
        """Replace the faults (``faults``) and/or change some (``**changes``); live at once."""
        new = replace(faults if faults is not None else self._faults, **changes)
        new.validate()
        with self._lock:
            old, self._faults = self._faults, new
            if new.seed is not None and ("seed" in changes or faults is not None):
                self._rng.seed(new.seed)
        if new.refuse and not old.refuse:
            self.reset_all()
        for conn in self._snapshot():
            conn.wake()

    def clear(self) -> None:
        """Back to a clean link (open connections carry on)."""
        self.set_faults(Faults())

    def reset_all(self) -> None:
        """Reset (RST) every open connection; when this returns, the RSTs have been sent."""
        deadline = time.monotonic() + STOP_TIMEOUT
        aborted = [conn for conn in self._snapshot() if not conn.closing]
        for conn in aborted:
            self._count(resets=1)
            conn.abort()
        for conn in aborted:
            conn.closed.wait(max(0.0, deadline - time.monotonic()))

    def retarget(self, upstream_host: str, upstream_port: int) -> None:
        """Send new connections to another upstream (open ones stay where they are)."""
        self._upstream = (_loopback(upstream_host), int(upstream_port))

    def stats(self) -> ProxyStats:
        with self._lock:
            return ProxyStats(**self._stats)

    def cpu_seconds(self) -> float:
        """CPU time of the proxy's live threads (Linux): unlike the process's, other threads
        in the test process (servers, leftovers of earlier tests) do not count."""
        with self._lock:
            ids = [t.native_id for t in self._threads if t.is_alive() and t.native_id]
        ticks = 0
        for tid in ids:
            try:
                with open(f"/proc/self/task/{tid}/stat", encoding="ascii") as stat:
                    fields_after_name = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue  # finished meanwhile
            ticks += int(fields_after_name[11]) + int(fields_after_name[12])  # utime + stime
        return ticks / os.sysconf("SC_CLK_TCK")

    # --- internals --------------------------------------------------------------------------

    def _accept_loop(self, listener: socket.socket) -> None:
        while self._running:
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                if not self._running:
                    return
                time.sleep(0.05)  # e.g. EMFILE: do not spin
                continue
            with self._lock:
                if not self._running:
                    _rst(client)
                    return
                self._stats["connections"] += 1
                if self._faults.refuse:
                    self._stats["refused"] += 1
                    self._stats["resets"] += 1
                    _rst(client)
                    continue
                seeds = [self._rng.getrandbits(64), self._rng.getrandbits(64)]
                conn = _Connection(self, client, next(self._numbers), seeds)
                self._connections.add(conn)
                self._stats["active"] += 1
                self._spawn_locked(conn.run, f"{conn.number}-up-reader")

    def _spawn(self, target: Callable[[], None], label: str) -> None:
        with self._lock:
            self._spawn_locked(target, label)

    def _spawn_locked(self, target: Callable[[], None], label: str) -> None:
        name = f"{THREAD_PREFIX}-{self.port}-{label}"
        thread = threading.Thread(target=target, name=name, daemon=True)
        # Finished threads are forgotten here, live ones only once joined: stop() waits for all.
        self._threads = {t for t in self._threads if t.is_alive()}
        self._threads.add(thread)
        thread.start()

    def _join(self, deadline: float, which: Callable[[threading.Thread], bool] | None = None):
        while True:
            with self._lock:
                threads = [t for t in self._threads if which is None or which(t)]
            threads = [t for t in threads if t.is_alive() and t is not threading.current_thread()]
            if not threads or time.monotonic() >= deadline:
                return
            for thread in threads:
                thread.join(max(0.0, deadline - time.monotonic()))

    def _snapshot(self) -> list[_Connection]:
        with self._lock:
            return list(self._connections)

    def _forget(self, conn: _Connection) -> None:
        with self._lock:
            if conn in self._connections:
                self._connections.discard(conn)
                self._stats["active"] -= 1

    def _count(self, **increments: int) -> None:
        with self._lock:
            for name, value in increments.items():
                self._stats[name] += value
