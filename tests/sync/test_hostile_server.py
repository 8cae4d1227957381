"""The workstation against a hostile or broken server.

A small HTTP server on 127.0.0.1 relays every call to the real reference server and, when told
to, answers one endpoint with something the contract does not allow: invalid JSON, wrong types,
a monstrous body, a gzip stream cut short, a Content-Length that lies. Each time the client must
raise a typed error, leave the cache exactly as it was (no half-applied page, no cursor moved,
the outbox intact), and the next good sync must work.
"""

from __future__ import annotations

import copy
import gzip
import http.client
import io
import json
import threading
import time
import tracemalloc
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import text

from cur_desktop import cli
from cur_desktop.sync.client import ApiClient, ProtocolError, SyncError, Unreachable
from cur_desktop.sync.outbox import Outbox
from tests.conftest import SEED_INCIDENTS
from tests.server.api import Api, mutation
from tests.sync.seeded import seeded_copy

MB = 1024 * 1024
HOSTILE_HTML = (
    "<script>alert('x')</script><b>Яма</b> на ул. Ленина &amp; <img src=x onerror=alert(1)>"
    "<!-- comment --> <?xml?> ]]> \u202e"
)


# --- the hostile server ------------------------------------------------------------------------


@dataclass
class Upstream:
    """What the real server answered (always uncompressed)."""

    status: int
    headers: dict[str, str]
    body: bytes
    query: str

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})
    #: Sent instead of the true length (a lie); None: the true length of a bytes body.
    content_length: int | None = None
    chunked: bool = False
    #: After a lying Content-Length, keep the connection open this long instead of closing it.
    hold_open: float = 0.0


Rule = Callable[[Upstream], Reply]


class HostileServer:
    """A relay to `upstream` that answers chosen endpoints through a rule instead."""

    def __init__(self, upstream: str):
        self.upstream = urlsplit(upstream)
        self.rules: dict[str, Rule] = {}
        self.hits: Counter[str] = Counter()
        #: Bytes of hostile bodies actually written, and whether the client hung up on one.
        self.sent: dict[str, int] = {}
        self.aborted: set[str] = set()
        self.release = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.hostile = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def corrupt(self, endpoint: str, rule: Rule) -> None:
        """Answer requests whose path ends with `endpoint` (e.g. "/changes") through `rule`."""
        self.release.clear()
        self.rules[endpoint] = rule

    def heal(self) -> None:
        self.rules.clear()
        self.release.set()

    def bytes_sent(self, endpoint: str, timeout: float = 5.0) -> int:
        """Bytes of the last hostile answer on `endpoint`, once the relay is done writing it."""
        deadline = time.monotonic() + timeout
        while endpoint not in self.sent:
            assert time.monotonic() < deadline, f"the relay is still writing {endpoint}"
            time.sleep(0.01)
        return self.sent[endpoint]

    def rule_for(self, path: str) -> tuple[str, Rule] | None:
        for endpoint, rule in self.rules.items():
            if path.endswith(endpoint):
                return endpoint, rule
        return None

    def forward(
        self, method: str, target: str, headers, body: bytes | None, *, full: bool
    ) -> Upstream:
        """The upstream's answer; `full` asks for a whole document (no 304) for a rule to edit."""
        conn = http.client.HTTPConnection(self.upstream.hostname, self.upstream.port, timeout=30)
        try:
            keep = ("Authorization", "Content-Type", "User-Agent")
            keep += () if full else ("If-None-Match",)
            fwd = {k: headers[k] for k in keep if headers.get(k)}
            fwd["Accept-Encoding"] = "identity"
            conn.request(method, target, body=body, headers=fwd)
            response = conn.getresponse()
            return Upstream(
                response.status,
                {k: v for k, v in response.getheaders()},
                response.read(),
                urlsplit(target).query,
            )
        finally:
            conn.close()

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Any

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._relay()

    def do_POST(self) -> None:  # noqa: N802
        self._relay()

    def _relay(self) -> None:
        hostile: HostileServer = self.server.hostile
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        path = urlsplit(self.path).path
        found = hostile.rule_for(path)
        upstream = hostile.forward(
            self.command, self.path, self.headers, body, full=found is not None
        )
        if found is None:
            passed = {k: v for k, v in upstream.headers.items() if k.lower() in ("etag",)}
            passed["Content-Type"] = upstream.headers.get("content-type", "application/json")
            self._send(path, Reply(upstream.status, upstream.body, passed), hostile=False)
            return
        endpoint, rule = found
        hostile.hits[endpoint] += 1
        self._send(endpoint, rule(upstream), hostile=True)

    def _send(self, name: str, reply: Reply, *, hostile: bool) -> None:
        hostile_server: HostileServer = self.server.hostile
        self.send_response(reply.status)
        for key, value in reply.headers.items():
            self.send_header(key, value)
        if reply.chunked:
            self.send_header("Transfer-Encoding", "chunked")
        elif reply.status != 304:
            true_length = len(reply.body) if isinstance(reply.body, bytes) else None
            length = reply.content_length if reply.content_length is not None else true_length
            self.send_header("Content-Length", str(length))
        if hostile:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        pieces = [reply.body] if isinstance(reply.body, bytes) else reply.body
        sent = 0
        try:
            for piece in pieces:
                if reply.chunked:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                else:
                    self.wfile.write(piece)
                sent += len(piece)
            if reply.chunked:
                self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
            if reply.hold_open:
                hostile_server.release.wait(reply.hold_open)
        except (BrokenPipeError, ConnectionResetError):
            hostile_server.aborted.add(name)
        if hostile:
            hostile_server.sent[name] = sent


# --- rules ---------------------------------------------------------------------------------


def raw(body: bytes, status: int = 200, content_type: str = "application/json") -> Rule:
    return lambda up: Reply(status, body, {"Content-Type": content_type})


def edited(edit: Callable[[Any], Any]) -> Rule:
    """The real answer, edited as JSON (`edit` changes it in place or returns a replacement)."""

    def rule(up: Upstream) -> Reply:
        doc = up.json()
        replaced = edit(doc)
        return Reply(200, json.dumps(doc if replaced is None else replaced).encode())

    return rule


def gzipped_cut(up: Upstream) -> Reply:
    """A gzip stream that stops in the middle, with a Content-Length matching what is sent."""
    packed = gzip.compress(up.body)
    cut = packed[: len(packed) // 2]
    return Reply(200, cut, {"Content-Type": "application/json", "Content-Encoding": "gzip"})


def gzip_garbage(up: Upstream) -> Reply:
    body = b"\x1f\x8b\x08\x00" + b"this is not deflate data" * 20
    return Reply(200, body, {"Content-Type": "application/json", "Content-Encoding": "gzip"})


def length_lie(declared: int, hold_open: float = 0.0) -> Rule:
    """A short, valid body under a Content-Length promising far more."""

    def rule(up: Upstream) -> Reply:
        return Reply(200, up.body[:200], content_length=declared, hold_open=hold_open)

    return rule


def _huge_text_page(up: Upstream, size: int) -> tuple[bytes, bytes]:
    """The real page with the last item's text replaced by `size` bytes: (prefix, suffix)."""
    page = up.json()
    assert page["items"], "the hostile page needs a real incident to bloat"
    marker = "@@HUGE@@"
    page["items"][-1]["text"] = marker
    before, after = json.dumps(page).encode().split(marker.encode())
    return before, after


def _filler(size: int, piece: int = MB) -> Iterator[bytes]:
    block = b"x" * piece
    for _ in range(size // piece):
        yield block
    yield b"x" * (size % piece)


def huge_text(size: int, how: str) -> Rule:
    """A page whose last incident has a text field of `size` bytes, sent three ways: with its
    true Content-Length, chunked (no length up front), or as a small gzip that inflates to it."""

    def rule(up: Upstream) -> Reply:
        before, after = _huge_text_page(up, size)

        def body() -> Iterator[bytes]:
            yield before
            yield from _filler(size)
            yield after

        if how == "length":
            return Reply(200, body(), content_length=len(before) + size + len(after))
        if how == "chunked":
            return Reply(200, body(), chunked=True)
        packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip framing
        packed = b"".join(packer.compress(p) for p in body()) + packer.flush()
        headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        return Reply(200, packed, headers)

    return rule


def _item_edit(change: Callable[[dict], None]) -> Callable[[Any], None]:
    """Change only the LAST item of the page, so the items before it are valid: a client that
    applied items one by one would be caught half-way."""

    def edit(page: Any) -> None:
        assert len(page["items"]) >= 2, "need valid items before the bad one"
        change(page["items"][-1])

    return edit


CHANGES_CASES: dict[str, tuple[Rule, type[SyncError]]] = {
    "invalid_json": (raw(b'{"items": [{"id": 1, "number": '), ProtocolError),
    "html_error_page": (
        raw(b"<html><body><h1>502 Bad Gateway</h1></body></html>", content_type="text/html"),
        ProtocolError,
    ),
    "empty_body": (raw(b""), ProtocolError),
    "json_null": (raw(b"null"), ProtocolError),
    "version_as_string": (
        edited(_item_edit(lambda item: item.update(version="seven"))),
        ProtocolError,
    ),
    "items_not_a_list": (
        edited(lambda page: page.update(items={"0": page["items"][0]})),
        ProtocolError,
    ),
    "missing_cursor": (edited(lambda page: page.pop("cursor")), ProtocolError),
    "cursor_as_text": (edited(lambda page: page.update(cursor="next")), ProtocolError),
    "item_missing_id": (edited(_item_edit(lambda item: item.pop("id"))), ProtocolError),
    "reply_text_not_a_string": (
        edited(_item_edit(lambda item: item.update(replies=[{"text": ["a"]}]))),
        ProtocolError,
    ),
    "unknown_status": (
        edited(_item_edit(lambda item: item.update(status="<b>hacked</b>"))),
        ProtocolError,
    ),
    "truncated_gzip": (gzipped_cut, ProtocolError),
    "gzip_garbage": (gzip_garbage, ProtocolError),
    "content_length_lie_huge": (length_lie(10**12, hold_open=8.0), ProtocolError),
    "content_length_lie_then_close": (length_lie(100_000), Unreachable),
}


# --- fixtures and helpers ----------------------------------------------------------------------


@pytest.fixture
def server_url(tmp_path) -> str:
    return seeded_copy(tmp_path / "server")


@pytest.fixture
def hostile(server):
    with HostileServer(server.url) as running:
        yield running


@pytest.fixture
def lead(server) -> Api:
    """The supervisor, talking to the real server: changes things and tells the truth."""
    return Api(server.url, "supervisor1")


def snapshot(ws) -> dict[str, Counter]:
    """Every row of every table of the cache (the outbox's retry bookkeeping left out)."""
    out: dict[str, Counter] = {}
    with ws.store.read() as conn:
        names = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
        for name in list(names.scalars()):
            result = conn.execute(text(f'SELECT * FROM "{name}"'))
            kept = [i for i, k in enumerate(result.keys()) if k not in ("attempts", "last_error")]
            out[name] = Counter(tuple(row[i] for i in kept) for row in result)
    return out


def cursor_of(ws) -> int:
    with ws.store.read() as conn:
        return ws.store.get_meta(conn, "cursor", 0)


def change_on_server(lead: Api, importance: dict[int, str]) -> dict[int, int]:
    """The supervisor flips the importance of some incidents in one batch (`importance` holds
    their current values and is updated); returns their new versions."""
    flipped = {i: "normal" if v == "high" else "high" for i, v in importance.items()}
    results = lead.mutate(
        *(
            mutation("set_category", i, {"sector": "housing", "importance": v})
            for i, v in flipped.items()
        )
    )
    assert {r["outcome"] for r in results} == {"applied"}, results
    importance.update(flipped)
    return {r["incident"]["id"]: r["incident"]["version"] for r in results}


def importance_of(incidents: dict[int, dict], count: int) -> dict[int, str]:
    return {i: incidents[i]["importance"] for i in sorted(incidents)[:count]}


def assert_caught_up(ws, versions: dict[int, int]) -> None:
    cached = ws.incidents()
    assert len(cached) == SEED_INCIDENTS
    assert {i: cached[i]["version"] for i in versions} == versions


# --- /changes ----------------------------------------------------------------------------------


def test_bad_changes_pages_are_refused_and_leave_cache_alone(workstation, lead, hostile):
    ws = workstation("operator1", base_url=hostile.url)
    ws.sync()
    importance = importance_of(ws.incidents(), 6)
    for case, (rule, error) in CHANGES_CASES.items():
        versions = change_on_server(lead, importance)
        before, cursor = snapshot(ws), cursor_of(ws)
        hostile.hits.clear()
        hostile.corrupt("/changes", rule)
        started = time.monotonic()
        with pytest.raises(error) as caught:
            ws.sync()
        elapsed = time.monotonic() - started
        assert hostile.hits["/changes"] == 1, case
        assert caught.value.message and "\n" not in caught.value.message, case
        assert elapsed < 4.5, f"{case}: took {elapsed:.1f} s to give up"  # read timeout: 5 s
        assert cursor_of(ws) == cursor, case
        assert snapshot(ws) == before, case

        hostile.heal()
        summary = ws.sync()
        assert summary.pulled == len(importance), case
        assert_caught_up(ws, versions)


def test_bad_second_page_keeps_the_first_page_and_its_cursor(workstation, lead, hostile):
    ws = workstation("operator1", base_url=hostile.url)
    ws.sync()
    versions = change_on_server(lead, importance_of(ws.incidents(), 12))
    ws.core.page_size = 5
    pages_seen: list[dict] = []

    def second_page_bad(up: Upstream) -> Reply:
        page = up.json()
        pages_seen.append(copy.deepcopy(page))
        if len(pages_seen) == 2:
            page["items"][-1]["version"] = "seven"
        return Reply(200, json.dumps(page).encode())

    hostile.corrupt("/changes", second_page_bad)
    with pytest.raises(ProtocolError):
        ws.sync()
    first, second = pages_seen
    assert len(first["items"]) == len(second["items"]) == 5
    assert cursor_of(ws) == first["cursor"]
    cached = ws.incidents()
    for item in first["items"]:
        assert cached[item["id"]]["version"] == item["version"] == versions[item["id"]]
    for item in second["items"]:
        assert cached[item["id"]]["version"] < versions[item["id"]], "half of page 2 applied"

    hostile.heal()
    ws.sync()
    assert_caught_up(ws, versions)


def test_page_that_never_advances_is_refused_not_looped_forever(workstation, hostile):
    ws = workstation("operator1", base_url=hostile.url)
    ws.sync()
    before, cursor = snapshot(ws), cursor_of(ws)

    def stuck(up: Upstream) -> Reply:
        if hostile.hits["/changes"] > 20:  # a client that loops is stopped here, and fails below
            return Reply(400, b'{"error": "enough", "message": "stop"}')
        same = parse_qs(up.query)["cursor"][0]
        page = {"items": [], "removed": [], "cursor": int(same), "has_more": True}
        return Reply(200, json.dumps(page).encode())

    hostile.corrupt("/changes", stuck)
    with pytest.raises(ProtocolError):
        ws.sync()
    assert hostile.hits["/changes"] == 1
    assert (cursor_of(ws), snapshot(ws)) == (cursor, before)


def test_50_mb_text_field_is_refused_by_the_size_cap(workstation, lead, hostile):
    ws = workstation("operator1", base_url=hostile.url)
    ws.sync()
    importance = importance_of(ws.incidents(), 3)
    cap = ws.client.max_response_bytes
    assert cap < 50 * MB
    for how in ("length", "chunked", "gzip"):
        versions = change_on_server(lead, importance)
        before, cursor = snapshot(ws), cursor_of(ws)
        hostile.sent.clear()
        hostile.corrupt("/changes", huge_text(50 * MB, how))
        tracemalloc.start()
        try:
            with pytest.raises(ProtocolError) as caught:
                ws.sync()
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert "велик" in caught.value.message, how
        # Never the whole body in memory: at most the cap, plus the relay's own small buffers.
        assert peak < cap + 8 * MB, f"{how}: peak {peak / MB:.0f} MB"
        if how == "length":  # refused from the header: the relay could not send it all
            assert hostile.bytes_sent("/changes") < cap, how
        if how == "chunked":  # read up to the cap, then hung up on
            assert hostile.bytes_sent("/changes") < 50 * MB, how
        assert (cursor_of(ws), snapshot(ws)) == (cursor, before), how

        hostile.heal()
        ws.sync()
        assert_caught_up(ws, versions)


def test_markup_in_texts_is_stored_verbatim_as_plain_text(workstation, lead, hostile):
    with_reply = next(i for i in lead.all_incidents().values() if i["replies"])

    def inject(page: Any) -> None:
        for item in page["items"]:
            item["text"] = HOSTILE_HTML
            item["author_name"] = "<i>Иван</i> &lt;admin&gt;"
            for reply in item["replies"]:
                reply["text"] = HOSTILE_HTML + " ответ"

    hostile.corrupt("/changes", edited(inject))
    ws = workstation("operator1", base_url=hostile.url)
    ws.sync()
    cached = ws.incidents()
    assert len(cached) == SEED_INCIDENTS
    assert {r["text"] for r in cached.values()} == {HOSTILE_HTML}
    assert {r["author_name"] for r in cached.values()} == {"<i>Иван</i> &lt;admin&gt;"}
    replies = ws.replies(with_reply["id"])
    assert replies and {r["text"] for r in replies} == {HOSTILE_HTML + " ответ"}


# --- /mutations, /reference, /auth/login ---------------------------------------------------------


def _answers_for_strangers(up: Upstream) -> Reply:
    """Well-formed results, but for mutation ids the client never sent."""
    doc = up.json()
    for result in doc["results"]:
        result["mutation_id"] = "00000000-0000-4000-8000-000000000000"
    return Reply(200, json.dumps(doc).encode())


MUTATION_CASES: dict[str, Rule] = {
    "invalid_json": raw(b'{"results": [{"mutation_id": '),
    "results_not_a_list": edited(lambda doc: doc.update(results="applied")),
    "outcome_unknown": edited(lambda doc: doc["results"][0].update(outcome="<script>")),
    "answers_for_mutations_never_sent": _answers_for_strangers,
    "truncated_gzip": gzipped_cut,
}


def test_bad_mutation_results_keep_the_outbox_for_the_next_sync(workstation, lead, hostile):
    ws = workstation("operator1", base_url=hostile.url)
    ws.sync()
    free = sorted(i for i, r in ws.incidents().items() if r["status"] == "new")
    assert len(free) >= len(MUTATION_CASES)
    for case, rule in MUTATION_CASES.items():
        iid = free.pop(0)
        ws.actions.add_note(iid, f"Заметка: {case}")
        before, cursor = snapshot(ws), cursor_of(ws)

        def guarded(up: Upstream, rule: Rule = rule) -> Reply:
            if hostile.hits["/mutations"] > 5:  # a client looping on one batch fails below
                return Reply(400, b'{"error": "enough", "message": "stop"}')
            return rule(up)

        hostile.hits.clear()
        hostile.corrupt("/mutations", guarded)
        with pytest.raises(ProtocolError):
            ws.sync()
        assert hostile.hits["/mutations"] == 1, case
        outbox = Outbox(ws.store)
        assert outbox.pending_count() == 1, case
        assert outbox.next_batch()[0]["attempts"] == 1, case
        assert (cursor_of(ws), snapshot(ws)) == (cursor, before), case
        assert ws.incident(iid)["pending"] == 1, case

        hostile.heal()
        summary = ws.sync()  # the server did apply it: the resend is answered "duplicate"
        assert (summary.pushed, summary.duplicates) == (1, 1), case
        assert outbox.pending_count() == 0 and ws.incident(iid)["pending"] == 0, case
        events = lead.get(f"/api/v1/incidents/{iid}").json()["events"]
        assert [e["data"].get("text") for e in events if e["kind"] == "note"] == [
            f"Заметка: {case}"
        ], case


REFERENCE_CASES: dict[str, Rule] = {
    "invalid_json": raw(b'{"sectors": ['),
    "sectors_not_a_list": edited(lambda doc: doc.update(sectors="roads")),
    "missing_calendar": edited(lambda doc: doc.pop("calendar")),
    "truncated_gzip": gzipped_cut,
}


def test_bad_reference_keeps_the_cached_reference(workstation, hostile):
    ws = workstation("operator1", base_url=hostile.url)
    ws.sync()
    with ws.store.read() as conn:
        reference = ws.store.get_meta(conn, "reference")
        etag = ws.store.get_meta(conn, "reference_etag")
    assert reference and etag
    for case, rule in REFERENCE_CASES.items():
        before = snapshot(ws)
        hostile.corrupt("/reference", rule)
        with pytest.raises(ProtocolError):
            ws.sync()
        assert snapshot(ws) == before, case

        hostile.heal()
        assert ws.sync().reference_updated is False, case  # 304: the cached one is current
        with ws.store.read() as conn:
            assert ws.store.get_meta(conn, "reference") == reference, case
            assert ws.store.get_meta(conn, "reference_etag") == etag, case


LOGIN_CASES: dict[str, Rule] = {
    "invalid_json": raw(b"{'access_token': nope}"),
    "token_is_a_number": edited(lambda doc: doc.update(access_token=12345)),
    "user_missing": edited(lambda doc: doc.pop("user")),
    "html_page": raw(b"<html>Sign in via portal</html>", content_type="text/html"),
}


def test_bad_login_answer_signs_nobody_in(hostile):
    client = ApiClient(hostile.url, timeout=(2.0, 5.0))
    for case, rule in LOGIN_CASES.items():
        hostile.corrupt("/auth/login", rule)
        with pytest.raises(ProtocolError):
            client.login("operator1", "demo")
        assert (client.access_token, client.refresh_token, client.user) == (None,) * 3, case
    hostile.heal()
    client.login("operator1", "demo")
    assert client.user is not None and client.user.username == "operator1"


# --- the headless command --------------------------------------------------------------------


def run_cli(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO("demo\n"))
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


CLI_CASES: list[tuple[str, str, Rule, str]] = [
    ("wrong_type", "/changes", edited(_item_edit(lambda i: i.update(version="7x"))), "протокол"),
    ("invalid_json", "/changes", raw(b'{"items": ['), "протокол"),
    ("huge", "/changes", huge_text(50 * MB, "chunked"), "велик"),
    ("bad_login", "/auth/login", edited(lambda doc: doc.pop("user")), "протокол"),
]


def test_cli_sync_fails_with_one_clear_line(lead, hostile, tmp_path, monkeypatch, capsys):
    data_dir = str(tmp_path / "cli")
    sync = ["sync", "--server", hostile.url, "--username", "operator1", "--data-dir", data_dir]
    code, out, err = run_cli(monkeypatch, capsys, *sync, "--password-stdin")
    assert code == 0, err
    assert json.loads(out)["pulled"] == SEED_INCIDENTS
    importance = importance_of(lead.all_incidents(), 4)

    for case, endpoint, rule, words in CLI_CASES:
        versions = change_on_server(lead, importance)
        hostile.corrupt(endpoint, rule)
        # A fresh sign-in only where the login answer is the hostile one; else the remembered.
        password = ["--password-stdin"] if endpoint == "/auth/login" else []
        code, out, err = run_cli(monkeypatch, capsys, *sync, *password)
        assert code == 1 and out == "", case
        lines = err.strip("\n").split("\n")
        assert len(lines) == 1, f"{case}: {err}"
        assert lines[0].startswith("cur-desktop: ") and words in lines[0], case
        assert len(lines[0]) < 400, case

        hostile.heal()
        code, out, err = run_cli(monkeypatch, capsys, "cache-info", "--data-dir", data_dir)
        assert code == 0, f"{case}: {err}"
        info = json.loads(out)
        assert info["incidents_cached"] == SEED_INCIDENTS, case
        code, out, err = run_cli(monkeypatch, capsys, *sync)  # the remembered sign-in
        assert code == 0, f"{case}: {err}"
        assert json.loads(out)["pulled"] == len(versions), case


def test_relay_is_transparent_when_healed(workstation, hostile):
    """The relay itself changes nothing: a sync through it equals one against the server."""
    through = workstation("operator1", base_url=hostile.url, name="through")
    direct = workstation("operator1", name="direct")
    through.sync()
    direct.sync()
    a = {k: v for k, v in snapshot(through).items() if k != "meta"}
    b = {k: v for k, v in snapshot(direct).items() if k != "meta"}
    assert a == b and sum(len(rows) for rows in a.values()) > SEED_INCIDENTS
    assert not hostile.hits
