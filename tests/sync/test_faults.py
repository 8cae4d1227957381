"""The workstation core on a bad connection loses nothing.

Two workstations write at random while their links reset, cut answers short, stall, crawl and
refuse connections, and the server itself answers 500/503 and restarts. Once the faults stop and
both have synced to quiescence, the server and both caches must agree, and every mutation either
took effect exactly once or is kept for the user with the server's reason. A change the
workstation refuses before writing anything (an operator's reply on a colleague's case) is not a
mutation at all: nothing was accepted, and nothing of it may reach the server.

Reproduce a failing run with ``CUR_FAULT_SEED=<seed> pytest tests/sync/test_faults.py``.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import secrets
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import create_engine, select

from cur_desktop.models.domain import MutationType
from cur_desktop.sync.client import DEFAULT_TIMEOUT, SyncError
from cur_desktop.sync.engine import SyncEngine, SyncState
from cur_desktop.sync.outbox import InvalidAction, Outbox
from cur_server.embedded import EmbeddedServer
from cur_server.tables import AppliedMutation, Event, Reply
from tests.server.api import Api
from tests.support.faultproxy import FaultProxy, Faults
from tests.sync.harness import Workstation

SEEDS = [int(os.environ["CUR_FAULT_SEED"])] if "CUR_FAULT_SEED" in os.environ else [7, 1913, 40417]
ROUNDS = 24
#: Short timeouts: a stalled link costs a second, not the production half-minute.
CLIENT_TIMEOUT = (1.0, 1.0)


# --- the server's own faults -------------------------------------------------------------------


@dataclass
class Trouble:
    """What the server does wrong, decided per request: shared by every server started."""

    #: Answer 503 with Retry-After before the app sees the request.
    busy: float = 0.0
    #: Let the app do the work (a mutation commits), then answer 500 instead.
    crash: float = 0.0
    retry_after: int = 1
    rng: random.Random = field(default_factory=random.Random)
    counts: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def draw(self) -> str | None:
        with self.lock:
            roll = self.rng.random()
            kind = (
                "busy" if roll < self.busy else "crash" if roll < self.busy + self.crash else None
            )
            if kind:
                self.counts[kind] += 1
            return kind


class ServerTrouble:
    """Test-only ASGI middleware that applies a :class:`Trouble` to every HTTP request."""

    def __init__(self, app: Any, trouble: Trouble):
        self.app, self.trouble = app, trouble

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        kind = self.trouble.draw() if scope["type"] == "http" else None
        if kind is None:
            return await self.app(scope, receive, send)
        if kind == "crash":

            async def lost(message: dict) -> None:
                pass

            await self.app(scope, receive, lost)
        status = 503 if kind == "busy" else 500
        body = json.dumps({"error": kind, "message": "test trouble", "details": None}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
        if kind == "busy":
            headers.append((b"retry-after", str(self.trouble.retry_after).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class Site:
    """The server on one database, restartable (on a new port), with proxies kept pointed at it."""

    def __init__(self, db_url: str):
        self.db_url = db_url
        self.trouble = Trouble()
        self.server: EmbeddedServer | None = None
        self.proxies: list[FaultProxy] = []

    def start(self) -> None:
        server = EmbeddedServer(self.db_url)
        server.app.add_middleware(ServerTrouble, trouble=self.trouble)
        self.server = server.start()
        for proxy in self.proxies:
            proxy.retarget(server.host, server.port)

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    def proxy(self) -> FaultProxy:
        assert self.server is not None
        proxy = FaultProxy(self.server.host, self.server.port).start()
        self.proxies.append(proxy)
        return proxy

    def close(self) -> None:
        for proxy in self.proxies:
            proxy.stop()
        self.stop()


@pytest.fixture
def site(server_url) -> Iterator[Site]:
    running = Site(server_url)
    running.start()
    yield running
    running.close()


@pytest.fixture
def open_workstation(tmp_path) -> Iterator[Callable[..., Workstation]]:
    made: list[Workstation] = []

    def make(url: str, username: str, key: str | None = None) -> Workstation:
        ws = Workstation(url, username, tmp_path / username, key=key or secrets.token_hex(32))
        ws.client.timeout = CLIENT_TIMEOUT
        made.append(ws)
        return ws

    yield make
    for ws in made:
        ws.close()


# --- checks shared with the crash tests ---------------------------------------------------------


def assert_cache_matches_server(ws: Workstation, server_url: str) -> None:
    """Every incident in the user's scope is cached at the server's state, nothing local left."""
    truth = Api(server_url, ws.username).all_incidents()
    cached = ws.incidents()
    assert set(cached) == set(truth), f"{ws.username}: cached ids differ from the server's"
    fields = (
        "version",
        "status",
        "assignee_id",
        "sector",
        "category_id",
        "importance",
        "agency_id",
    )
    wrong = []
    for iid, row in sorted(cached.items()):
        want = truth[iid]
        if row["pending"] or any(row[f] != want[f] for f in fields):
            wrong.append((iid, {f: (row[f], want[f]) for f in fields if row[f] != want[f]}))
        mine = [(r["id"], r["text"], r["approval_state"], r["local"]) for r in ws.replies(iid)]
        theirs = [(r["id"], r["text"], r["approval_state"], 0) for r in want["replies"]]
        if mine != theirs:
            wrong.append((iid, {"replies": (mine, theirs)}))
        if [(e["id"], e["kind"]) for e in ws.events(iid)] != [
            (e["id"], e["kind"]) for e in want["events"]
        ]:
            wrong.append((iid, "events differ"))
    assert not wrong, f"{ws.username}: cache and server disagree: {wrong[:5]}"


def server_rows(db_url: str) -> tuple[dict[str, Any], Counter, Counter]:
    """Straight from the server's database: applied mutation ids, note texts, reply client ids."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            applied = {r.mutation_id: r for r in conn.execute(select(AppliedMutation.__table__))}
            notes = Counter(
                data["text"]
                for (data,) in conn.execute(select(Event.data).where(Event.kind == "note"))
            )
            replies = Counter(
                client_id
                for (client_id,) in conn.execute(select(Reply.client_id))
                if client_id is not None
            )
    finally:
        engine.dispose()
    return applied, notes, replies


@dataclass
class Written:
    type: str
    incident_id: int
    text: str | None = None


def assert_each_write_accounted_for(
    db_url: str, ws: Workstation, ledger: dict[str, Written]
) -> Counter:
    """Each mutation this workstation wrote reached the server once and ended visibly:
    applied, or kept as a problem with the server's outcome and reason. Returns the outcomes."""
    applied, notes, replies = server_rows(db_url)
    outbox = Outbox(ws.store)
    assert outbox.pending_count() == 0, f"{ws.username}: outbox not drained"
    problems = {p["mutation_id"]: p for p in outbox.problems(include_resolved=True)}
    mine = {mid for mid, row in applied.items() if row.user_id == ws.user_id}
    assert mine == set(ledger), (
        f"{ws.username}: never reached the server: {sorted(set(ledger) - mine)[:5]}; "
        f"unknown to the client: {sorted(mine - set(ledger))[:5]}"
    )
    assert set(problems) <= set(ledger)
    outcomes: Counter = Counter()
    note_texts: Counter = Counter()  # a note retried after a refusal has the same text
    for mid, written in ledger.items():
        row = applied[mid]
        outcomes[row.outcome] += 1
        if row.outcome == "applied":
            assert mid not in problems, f"{mid} applied on the server but kept as a problem"
        else:
            kept = problems.get(mid)
            assert kept is not None, f"{mid} {row.outcome} on the server, silently gone locally"
            assert (kept["outcome"], kept["error"]) == (row.outcome, row.error)
            assert kept["reason"], f"{mid} kept without the server's reason"
        took_effect = int(row.outcome == "applied")
        if written.type == MutationType.ADD_NOTE:
            note_texts[written.text] += took_effect
        if written.type == MutationType.ADD_REPLY:
            assert replies[mid] == took_effect, f"reply {mid}: {replies[mid]}x on the server"
    for text, times in note_texts.items():
        assert notes[text] == times, f"note {text!r}: {notes[text]}x on the server, not {times}x"
    return outcomes


# --- a random user ------------------------------------------------------------------------------

#: What the card offers only on a case the user holds (cur_desktop.models.holder.HOLDER_ONLY).
HOLDER_ACTIONS = frozenset({"reply", "status", "category", "route"})


class RandomUser:
    """Clicks around one workstation: everything goes to the local cache and its outbox."""

    def __init__(self, ws: Workstation, rng: random.Random, hot: list[int], tag: str):
        self.ws, self.rng, self.hot, self.tag = ws, rng, hot, tag
        self.ledger: dict[str, Written] = {}
        self.serial = 0
        with ws.store.read() as conn:
            reference = ws.store.get_meta(conn, "reference")
        self.categories = reference["categories"]
        self.agencies = [a["id"] for a in reference["agencies"]]
        self.handlers = [
            u["id"] for u in reference["users"] if u["role"] in ("operator", "supervisor")
        ]
        self.lead = ws.client.user.role == "supervisor"
        #: changes on a colleague's case the workstation refused before writing anything
        self.refused_locally = 0

    def text(self, what: str) -> str:
        self.serial += 1
        return f"{self.tag} {self.ws.username} {what} {self.serial}"

    def act(self) -> None:
        ws, rng = self.ws, self.rng
        cached = ws.incidents()
        iid = rng.choice(self.hot) if rng.random() < 0.8 else rng.choice(sorted(cached))
        if iid not in cached:  # left the scope: nothing to click on
            return
        choices = ["note"] * 5 + ["claim"] * 2 + ["reply"] * 3 + ["status"] * 3 + ["category"] * 2
        choices += ["release", "route", "problem"]
        if self.lead:
            choices += ["assign"] * 2 + ["review"] * 2
        what = rng.choice(choices)
        if what in HOLDER_ACTIONS and not self.lead:
            what = self.as_an_operator(what, iid, cached[iid]["assignee_id"])
            if what is None:
                return
        self.do(what, iid)

    def as_an_operator(self, what: str, iid: int, assignee: int | None) -> str | None:
        """An operator changes only a case they hold, as the card allows: an unassigned one is
        mostly taken first; on a colleague's the card offers a note instead, and now and then
        the change is tried anyway (a stale screen, a keyboard shortcut) and must be refused
        before anything is written. Returns what to do, or None when it is done."""
        if assignee is None:
            # Mostly claimed first; otherwise the server refuses «not_claimed» and the change
            # is kept for the user with that reason (still accounted for below).
            if self.rng.random() < 0.7:
                self.do("claim", iid)
            return what
        if assignee == self.ws.user_id:
            return what
        if self.rng.random() < 0.5:
            return "note"
        try:
            self.do(what, iid)
        except InvalidAction as exc:
            # Nothing was accepted, so nothing can be lost: no ledger entry. Had anything
            # reached the outbox anyway, the server would hold a mutation the ledger does not
            # know, and assert_each_write_accounted_for fails.
            assert "в работе у" in str(exc), exc
            self.refused_locally += 1
        # No refusal: a sync pulled a release meanwhile and the change went through (`do`
        # kept it in the ledger like any other).
        return None

    def do(self, what: str, iid: int) -> None:
        ws, rng, a = self.ws, self.rng, self.ws.actions
        if what == "note":
            text = self.text("note")
            self.keep(a.add_note(iid, text), MutationType.ADD_NOTE, iid, text)
        elif what == "claim":
            self.keep(a.claim(iid), MutationType.CLAIM, iid)
        elif what == "release":
            self.keep(a.release(iid), MutationType.RELEASE, iid)
        elif what == "reply":
            text = self.text("reply")
            kind = rng.choice(["interim", "final", "clarification"])
            self.keep(a.add_reply(iid, kind, text), MutationType.ADD_REPLY, iid, text)
        elif what == "status":
            target = rng.choice(
                ["in_progress", "new", "answered", "resolved", "rejected", "reopened"]
            )
            mid = a.set_status(iid, target, reason=self.text("reason"), confirmation="Сделано")
            self.keep(mid, MutationType.SET_STATUS, iid)
        elif what == "category":
            category = rng.choice(self.categories)
            importance = rng.choice([None, "normal", "high"])
            mid = a.set_category(iid, category["sector"], category["id"], importance)
            self.keep(mid, MutationType.SET_CATEGORY, iid)
        elif what == "route":
            self.keep(a.route(iid, rng.choice(self.agencies)), MutationType.ROUTE, iid)
        elif what == "assign":
            target = rng.choice([*self.handlers, None])
            self.keep(a.assign(iid, target), MutationType.ASSIGN, iid)
        elif what == "review":
            waiting = [
                r
                for r in ws.replies(iid)
                if r["approval_state"] == "pending_approval" and r["id"] > 0
            ]
            if waiting:
                reply = rng.choice(waiting)
                if rng.random() < 0.7:
                    mid = a.approve_reply(iid, reply["id"])
                    self.keep(mid, MutationType.APPROVE_REPLY, iid)
                else:
                    mid = a.return_reply(iid, reply["id"], "Переформулируйте")
                    self.keep(mid, MutationType.RETURN_REPLY, iid)
        elif what == "problem":
            kept = Outbox(ws.store).problems()
            if kept:
                problem = rng.choice(kept)
                if rng.random() < 0.5:
                    mid = a.retry_problem(problem["id"])
                    self.keep(
                        mid, problem["type"], problem["incident_id"], self.retried_text(problem)
                    )
                else:
                    a.discard_problem(problem["id"])

    def keep(self, mid: str, type_: str, incident_id: int, text: str | None = None) -> None:
        self.ledger[mid] = Written(str(type_), incident_id, text)

    @staticmethod
    def retried_text(problem: dict) -> str | None:
        return json.loads(problem["payload"]).get("text")


def sync_quietly(ws: Workstation, results: list[str], crashes: list[BaseException]) -> None:
    """One sync on a bad link: its failures are expected; anything else is a bug."""
    try:
        ws.sync()
        results.append("ok")
    except SyncError as exc:
        results.append(type(exc).__name__)
    except BaseException as exc:  # noqa: BLE001 - reported by the test
        crashes.append(exc)


LINK_FAULTS: list[Callable[[random.Random], Faults]] = [
    lambda r: Faults(),
    lambda r: Faults(latency=r.uniform(0.02, 0.1)),
    lambda r: Faults(latency=0.02, bandwidth=r.choice([16_000, 64_000])),
    lambda r: Faults(reset_probability=r.uniform(0.1, 0.5)),
    lambda r: Faults(truncate_probability=r.uniform(0.3, 0.8)),
    lambda r: Faults(reset_probability=0.2, truncate_probability=0.3, latency=0.03),
    lambda r: Faults(stall=True),
    lambda r: Faults(refuse=True),
]


@pytest.mark.parametrize("seed", SEEDS)
def test_random_faults_lose_nothing(seed, site, open_workstation, server_url):
    print(f"fault seed {seed} (rerun with CUR_FAULT_SEED={seed})")
    rng = random.Random(seed)
    site.trouble.rng.seed(seed)
    proxies = [site.proxy(), site.proxy()]
    pair = [
        open_workstation(proxies[0].url, "operator1"),
        open_workstation(proxies[1].url, "supervisor1"),
    ]
    for ws in pair:  # the first fill is set-up, not under test: a loaded machine may be slow
        ws.client.timeout = (5.0, 30.0)
        ws.sync()
        ws.client.timeout = CLIENT_TIMEOUT
    open_ids = [
        iid for iid, r in pair[0].incidents().items() if r["status"] in ("new", "in_progress")
    ]
    hot = rng.sample(sorted(open_ids), 8)
    users = [RandomUser(ws, rng, hot, f"s{seed}") for ws in pair]
    results: list[str] = []
    crashes: list[BaseException] = []

    def stop_server() -> None:
        for proxy in proxies:  # a request stuck half-forwarded would hold up uvicorn's exit
            proxy.set_faults(stall=False)
        site.stop()

    restart_rounds = set(rng.sample(range(2, ROUNDS), 2))
    down_rounds = set(rng.sample(sorted(set(range(2, ROUNDS)) - restart_rounds), 2))

    for number in range(ROUNDS):
        if number in down_rounds:
            stop_server()
        for proxy in proxies:
            proxy.set_faults(rng.choice(LINK_FAULTS)(rng), seed=rng.getrandbits(32))
        site.trouble.busy, site.trouble.crash = rng.choice([(0, 0), (0, 0), (0.3, 0), (0, 0.3)])
        syncs = [threading.Thread(target=sync_quietly, args=(ws, results, crashes)) for ws in pair]
        for thread in syncs:
            thread.start()
        for _ in range(rng.randint(2, 6)):
            rng.choice(users).act()  # the user does not wait for the network
        if number in restart_rounds:  # with requests in flight
            stop_server()
            site.start()
        for thread in syncs:
            thread.join(30)
            assert not thread.is_alive(), "a sync hung despite the timeouts"
        if number in down_rounds:
            site.start()
        assert not crashes, "sync failed with an unexpected error:\n" + "".join(
            traceback.format_exception(crashes[0])
        )

    for proxy in proxies:
        proxy.clear()
    site.trouble.busy = site.trouble.crash = 0
    for ws in pair:  # a clean link now: a slow answer from a busy test machine is no fault
        ws.client.timeout = DEFAULT_TIMEOUT
    for _ in range(6):
        summaries = [ws.sync() for ws in pair]
        if all(s.pushed == 0 and s.pulled == 0 for s in summaries):
            break
    else:
        pytest.fail("no quiescence after six clean rounds of sync")

    errors = Counter(results)
    print(f"sync results {dict(errors)}, server trouble {dict(site.trouble.counts)}")
    print(f"proxies {[p.stats().as_dict() for p in proxies]}")
    assert errors["ok"] and len(results) > errors["ok"], "the faults did not bite"
    assert sum(p.stats().resets + p.stats().truncations for p in proxies) > 0
    outcomes: Counter = Counter()
    for ws, user in zip(pair, users, strict=True):
        assert len(user.ledger) > 20
        outcomes += assert_each_write_accounted_for(server_url, ws, user.ledger)
        assert_cache_matches_server(ws, site.server.url)
        assert ws.store.integrity_ok()
    refused = sum(user.refused_locally for user in users)
    print(f"outcomes {dict(outcomes)}, refused locally {refused}")
    assert outcomes["applied"] > 10
    assert refused, "no change on a colleague's case was tried"


# --- the engine: the outbox drains by itself ----------------------------------------------------


async def eventually(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting until {what}")
        await asyncio.sleep(0.02)


def test_outbox_drains_by_itself_when_the_server_comes_back(site, open_workstation, server_url):
    """Server down, then back (busy for a moment), and no new local write: the engine's own
    retries drain the outbox. The timer interval is far longer than the test, so only the
    backoff after failures can do it; a 503's Retry-After is honoured, not hammered."""
    proxy = site.proxy()
    ws = open_workstation(proxy.url, "operator1")
    # No stalls here, so no short timeouts: a cold server on a busy machine may take over a
    # second for the first answer, and that is not the fault under test.
    ws.client.timeout = DEFAULT_TIMEOUT
    ws.sync()
    inc = ws.first(status="new", assignee_id=None)
    ledger = {ws.actions.claim(inc["id"]): Written(MutationType.CLAIM, inc["id"])}
    for n in range(3):
        text = f"drain note {n}"
        ledger[ws.actions.add_note(inc["id"], text)] = Written(
            MutationType.ADD_NOTE, inc["id"], text
        )
    outbox = Outbox(ws.store)
    site.stop()
    states: list[SyncState] = []
    executor = ThreadPoolExecutor(1, thread_name_prefix="test-sync")
    engine = SyncEngine(
        ws.core,
        interval=60.0,
        backoff_base=0.05,
        backoff_cap=0.2,
        on_state=lambda state, message: states.append(state),
        executor=executor,
        rand=random.Random(5).random,
    )

    async def scenario() -> int:
        loop = asyncio.get_running_loop()
        runner = asyncio.create_task(engine.run())
        try:
            await eventually(lambda: engine.failures >= 3, 10, "three failed rounds")
            assert engine.state is SyncState.OFFLINE
            assert outbox.pending_count() == len(ledger)
            site.trouble.busy = 1.0
            await loop.run_in_executor(None, site.start)
            await eventually(lambda: site.trouble.counts["busy"] >= 1, 10, "the server answers")
            await asyncio.sleep(1.5)
            busy_answers = site.trouble.counts["busy"]
            assert outbox.pending_count() == len(ledger)
            site.trouble.busy = 0.0
            await eventually(lambda: outbox.pending_count() == 0, 10, "the outbox drains")
            await eventually(lambda: engine.state is SyncState.ONLINE, 5, "the engine is online")
            return busy_answers
        finally:
            engine.stop()
            await asyncio.wait_for(runner, 10)

    try:
        busy_answers = asyncio.run(scenario())
    finally:
        executor.shutdown(wait=True)
    # Backoff alone would have asked about 10 times in 1.5 s; Retry-After: 1 allows two.
    assert busy_answers <= 2, f"{busy_answers} requests while the server asked to wait 1 s"
    assert engine.failures == 0 and engine.last_error is None
    assert SyncState.OFFLINE in states and states[-1] is SyncState.ONLINE
    outcomes = assert_each_write_accounted_for(server_url, ws, ledger)
    assert outcomes == Counter(applied=len(ledger))
    assert_cache_matches_server(ws, site.server.url)
