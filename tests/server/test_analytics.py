"""Analytics endpoints against constructed data whose every figure is known.

Each test starts from the demo reference data (municipalities, categories, agencies, staff) with
no incidents, inserts incidents with chosen sectors, places, times and answers straight into the
database, serves it, and compares the server's answer with a plain Python count of the same
rows. Runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import random
import statistics
from collections import Counter, defaultdict
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import create_engine, insert, select

from cur_desktop.models.fingerprint import address_key, text_key
from cur_desktop.models.statuses import OPEN_STATUSES, Status
from cur_server.embedded import EmbeddedServer
from cur_server.security import hash_password
from cur_server.seed import seed_demo
from cur_server.tables import Agency, Category, Incident, Municipality, User
from tests.server.api import Api

MSK = timedelta(hours=3)
SUMMARY, SPIKES, CLUSTERS = (f"/api/v1/analytics/{p}" for p in ("summary", "spikes", "clusters"))


def local_today() -> date:
    return (datetime.now(UTC) + MSK).date()


def msk(day: date, hour: float = 0) -> datetime:
    """The UTC instant of `hour` o'clock Moscow time on `day`."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC) - MSK + timedelta(hours=hour)


class World:
    """Reference ids of the demo region, and a way to add incidents to it."""

    def __init__(self, url: str):
        self.url = url
        seed_demo(url, 0)
        self.engine = create_engine(url)
        with self.engine.begin() as conn:
            self.mun = dict(conn.execute(select(Municipality.code, Municipality.id)).all())
            self.categories = conn.execute(select(Category.id, Category.sector)).all()
            self.users = dict(conn.execute(select(User.username, User.id)).all())
            self.agencies = list(conn.scalars(select(Agency.id).limit(3)))
            conn.execute(
                insert(User),
                [
                    {
                        "username": "trainee1",
                        "full_name": "Слушатель",
                        "password_hash": hash_password("demo"),
                        "role": "trainee",
                        "needs_approval": True,
                        "active": True,
                        "created_at": datetime.now(UTC),
                    }
                ],
            )
        self.serial = 0

    def add(self, rows: list[dict]) -> list[dict]:
        """Insert incidents (keys computed from the text as on creation); returns them with ids."""
        full = []
        for row in rows:
            self.serial += 1
            received = row["received_at"]
            text = row.get("text", f"Сообщение номер {self.serial}")
            full.append(
                {
                    "number": f"T-{self.serial:06d}",
                    "channel": "vk",
                    "source_id": f"t-{self.serial}",
                    "source_url": None,
                    "author_name": None,
                    "attachments": [],
                    "sector": "other",
                    "category_id": None,
                    "importance": "normal",
                    "status": "new",
                    "assignee_id": None,
                    "agency_id": None,
                    "sla_started_at": received,
                    "first_answer_due": received + timedelta(hours=9),
                    "first_answered_at": None,
                    "final_answer_due": None,
                    "final_answered_at": None,
                    "version": 1,
                    "seq": self.serial,
                    "created_at": received,
                    "updated_at": received,
                    "training_session_id": None,
                    **row,
                    "text": text,
                    "address_key": address_key(text),
                    "text_key": text_key(text),
                }
            )
        with self.engine.begin() as conn:
            for row in full:
                row["id"] = conn.execute(insert(Incident).values(row)).inserted_primary_key[0]
        return full

    @contextmanager
    def serve(self):
        with EmbeddedServer(self.url) as server:
            yield lambda user: Api(server.url, user)

    def close(self):
        self.engine.dispose()


@pytest.fixture
def world(db_url):
    w = World(db_url)
    yield w
    w.close()


# --- the summary ------------------------------------------------------------------------------


def _random_incidents(
    world: World, rng: random.Random, start: datetime, end: datetime, n: int, **extra
) -> list[dict]:
    """`n` incidents with random place, topic, status, assignee, agency and answer times."""
    now = datetime.now(UTC)
    places = [world.mun["ryazan"], world.mun["kasimov"], world.mun["shilovsky_district"]]
    topics = [(sector, cid) for cid, sector in world.categories[:12]] + [("other", None)]
    people = [world.users["operator1"], world.users["operator2"], None]
    rows = []
    for _ in range(n):
        received = start + (end - start) * rng.random()
        sector, category = rng.choice(topics)
        due = received + timedelta(hours=rng.uniform(1, 30))
        if abs(due - now) < timedelta(hours=2):  # the server's "now" is a moment later
            due -= timedelta(hours=4)
        answered = (
            received + timedelta(minutes=rng.uniform(5, 3_000)) if rng.random() < 0.6 else None
        )
        final_due = final_at = None
        if answered and rng.random() < 0.5:
            final_due = answered + timedelta(days=rng.choice([-30, -3, 3, 30]))
            final_at = final_due - timedelta(hours=1) if rng.random() < 0.4 else None
        rows.append(
            {
                "received_at": received,
                "municipality_id": rng.choice(places),
                "sector": sector,
                "category_id": category,
                "status": rng.choice(list(Status)).value,
                "assignee_id": rng.choice(people),
                "agency_id": rng.choice([*world.agencies, None]),
                "first_answer_due": due,
                "first_answered_at": answered,
                "final_answer_due": final_due,
                "final_answered_at": final_at,
                **extra,
            }
        )
    return world.add(rows)


def _expected_sla(rows: list[dict], key: str | None, now: datetime) -> dict:
    groups: dict = defaultdict(list)
    for r in rows:
        groups[r[key] if key else None].append(r)
    out = {}
    for k, items in groups.items():
        answered = [r for r in items if r["first_answered_at"] is not None]
        on_time = [r for r in answered if r["first_answered_at"] <= r["first_answer_due"]]
        overdue = [
            r
            for r in items
            if r["first_answered_at"] is None
            and Status(r["status"]) in OPEN_STATUSES
            and r["first_answer_due"] <= now
        ]
        minutes = [
            (r["first_answered_at"] - r["received_at"]).total_seconds() / 60 for r in answered
        ]
        judged = len(answered) + len(overdue)
        out[k] = {
            "incidents": len(items),
            "answered": len(answered),
            "answered_on_time": len(on_time),
            "overdue": len(overdue),
            "compliance": len(on_time) / judged if judged else None,
            "median": statistics.median(minutes) if minutes else None,
        }
    return out


def _check_sla(got: list[dict], expected: dict) -> None:
    assert {row["id"] for row in got} == set(expected)
    for row in got:
        want = expected[row["id"]]
        for field in ("incidents", "answered", "answered_on_time", "overdue"):
            assert row[field] == want[field], (row["id"], field)
        assert row["compliance"] == pytest.approx(want["compliance"])
        assert row["median_first_answer_minutes"] == pytest.approx(want["median"], abs=1e-3)


def _is_overdue_now(r: dict, now: datetime) -> bool:
    if Status(r["status"]) not in OPEN_STATUSES:
        return False
    if r["first_answered_at"] is None:
        return r["first_answer_due"] <= now
    return (
        r["final_answered_at"] is None
        and r["final_answer_due"] is not None
        and (r["final_answer_due"] <= now)
    )


def test_summary_equals_a_plain_count(world):
    rng = random.Random(5)
    date_to = local_today() - timedelta(days=2)
    date_from = date_to - timedelta(days=13)
    prev_from = date_from - timedelta(days=14)
    rows = _random_incidents(world, rng, msk(prev_from - timedelta(days=5)), msk(date_to, 30), 400)
    # On the edges of the period by Moscow time: 00:00 of the first day is in, 00:00 after the
    # last day is out, and so is the last moment before the previous period.
    edges = world.add(
        [
            {"received_at": msk(date_from), "municipality_id": world.mun["ryazan"]},
            {"received_at": msk(date_to, 23.99), "municipality_id": world.mun["ryazan"]},
            {"received_at": msk(date_to, 24), "municipality_id": world.mun["ryazan"]},
            {"received_at": msk(prev_from), "municipality_id": world.mun["kasimov"]},
            {"received_at": msk(prev_from, -0.01), "municipality_id": world.mun["kasimov"]},
        ]
    )
    # Training data in the same days and places: it must change nothing.
    _random_incidents(world, rng, msk(prev_from), msk(date_to, 24), 80, training_session_id=3)
    rows += edges
    start, end, prev_start = msk(date_from), msk(date_to + timedelta(days=1)), msk(prev_from)
    current = [r for r in rows if start <= r["received_at"] < end]
    previous = [r for r in rows if prev_start <= r["received_at"] < start]
    assert edges[0] in current and edges[1] in current and edges[2] not in current
    assert edges[3] in previous and edges[4] not in previous

    with world.serve() as api:
        now = datetime.now(UTC)
        r = api("supervisor1").get(
            SUMMARY,
            params={"date_from": date_from.isoformat(), "date_to": date_to.isoformat(), "top": 5},
        )
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["total"], body["total_previous"]) == (len(current), len(previous))
    period = body["period"]
    assert period["previous_from"] == prev_from.isoformat()
    assert period["previous_to"] == (date_from - timedelta(days=1)).isoformat()
    assert period["utc_offset_minutes"] == 180 and period["municipality_ids"] == []

    places = Counter((r["sector"], r["municipality_id"]) for r in current)
    places_before = Counter((r["sector"], r["municipality_id"]) for r in previous)
    assert {
        (x["sector"], x["municipality_id"]): (x["count"], x["previous"])
        for x in body["by_sector_municipality"]
    } == {k: (places[k], places_before[k]) for k in places | places_before}

    days = Counter((r["received_at"] + MSK).date().isoformat() for r in current)
    assert [(d["day"], d["count"]) for d in body["by_day"]] == [
        (
            (date_from + timedelta(days=k)).isoformat(),
            days[(date_from + timedelta(days=k)).isoformat()],
        )
        for k in range(14)
    ]
    weeks: Counter = Counter()
    for k in range(14):
        day = date_from + timedelta(days=k)
        weeks[(day - timedelta(days=day.weekday())).isoformat()] += days[day.isoformat()]
    assert {w["week_start"]: w["count"] for w in body["by_week"]} == weeks
    assert sum(w["days"] for w in body["by_week"]) == 14
    assert {s["status"]: s["count"] for s in body["by_status"]} == Counter(
        r["status"] for r in current
    )

    topics = Counter((r["category_id"], r["sector"]) for r in current)
    topics_before = Counter((r["category_id"], r["sector"]) for r in previous)
    top = body["top_categories"]
    assert len(top) == 5
    counts = [t["count"] for t in top]
    assert counts == sorted(counts, reverse=True) and counts[0] == max(topics.values())
    assert min(counts) >= sorted(topics.values(), reverse=True)[4]
    for t in top:
        key = (t["category_id"], t["sector"])
        assert (t["count"], t["previous"]) == (topics[key], topics_before[key])

    _check_sla(body["sla_by_operator"], _expected_sla(current, "assignee_id", now))
    _check_sla(body["sla_by_agency"], _expected_sla(current, "agency_id", now))
    _check_sla(body["sla_by_municipality"], _expected_sla(current, "municipality_id", now))
    _check_sla([body["sla_total"]], _expected_sla(current, None, now))

    overdue = [r for r in rows if _is_overdue_now(r, now)]
    assert body["overdue_now"] == len(overdue) > 0
    assert set(body["overdue_ids"]) <= {r["id"] for r in overdue}
    assert len(body["overdue_ids"]) == min(50, len(overdue))


def test_district_official_sees_only_own_municipalities(world):
    rng = random.Random(8)
    date_to = local_today() - timedelta(days=1)
    date_from = date_to - timedelta(days=6)
    rows = _random_incidents(world, rng, msk(date_from), msk(date_to, 23), 150)
    own = world.mun["shilovsky_district"]
    params = {"date_from": date_from.isoformat(), "date_to": date_to.isoformat()}
    with world.serve() as api:
        official = api("official1")
        narrowed = official.get(SUMMARY, params=params)
        explicit = official.get(SUMMARY, params={**params, "municipality_ids": [own]})
        other = official.get(
            SUMMARY, params={**params, "municipality_ids": [own, world.mun["ryazan"]]}
        )
        supervisor_one = api("supervisor1").get(
            SUMMARY, params={**params, "municipality_ids": [own]}
        )
        clusters = official.get(CLUSTERS, params={**params, "min_size": 2})
        spikes = official.get(SPIKES, params={**params, "min_count": 1, "factor": 1})
    mine = [r for r in rows if r["municipality_id"] == own]
    assert 0 < len(mine) < len(rows)
    for r in (narrowed, explicit, supervisor_one):
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["total"] == len(mine)
        assert body["period"]["municipality_ids"] == [own]
        assert {x["municipality_id"] for x in body["by_sector_municipality"]} == {own}
    assert other.status_code == 403 and other.json()["error"] == "forbidden"
    assert {c["municipality_id"] for c in clusters.json()["items"]} <= {own}
    assert {s["municipality_id"] for s in spikes.json()["items"]} == {own}


@pytest.mark.parametrize(
    ("user", "status"),
    [
        ("operator1", 403),
        ("operator3", 403),
        ("trainer1", 403),
        ("trainee1", 403),
        ("collector", 403),
        ("supervisor1", 200),
        ("admin", 200),
        ("official1", 200),
        (None, 401),
    ],
)
def test_access_per_role(world, user, status):
    params = {"date_from": "2026-11-01", "date_to": "2026-11-30"}
    with world.serve() as api:
        client = api(user)
        for path in (SUMMARY, SPIKES, CLUSTERS):
            r = client.get(path, params=params)
            assert r.status_code == status, (path, r.text)
            if status != 200:
                assert r.json()["error"] in ("forbidden", "unauthorized")


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2026-11-10", "date_to": "2026-11-09"},  # ends before it starts
        {"date_from": "2024-01-01", "date_to": "2026-01-03"},  # 734 days
        {"date_from": "2026-13-01", "date_to": "2026-11-09"},
        {"date_from": "0001-01-01", "date_to": "0001-01-31"},  # before 2000
        {"date_from": "9999-12-01", "date_to": "9999-12-31"},  # after 2099
        {"date_from": "вчера", "date_to": "2026-11-09"},
        {"date_to": "2026-11-09"},
        {"date_from": "2026-11-01", "date_to": "2026-11-09", "municipality_ids": "abc"},
        {"date_from": "2026-11-01", "date_to": "2026-11-09", "municipality_ids": 0},
        {"date_from": "2026-11-01", "date_to": "2026-11-09", "municipality_ids": 99_999},
        {"date_from": "2026-11-01", "date_to": "2026-11-09", "top": 0},
        {"date_from": "2026-11-01", "date_to": "2026-11-09", "factor": 0.5},
        {"date_from": "2026-11-01", "date_to": "2026-11-09", "baseline_weeks": 0},
        {"date_from": "2026-11-01", "date_to": "2026-11-09", "min_size": 1},
        {"date_from": "2026-11-01", "date_to": "2026-11-09", "kind": "phone"},
    ],
)
def test_bad_input_is_a_clear_422(world, params):
    path = SUMMARY
    if {"factor", "baseline_weeks"} & set(params):
        path = SPIKES
    if {"min_size", "kind"} & set(params):
        path = CLUSTERS
    with world.serve() as api:
        r = api("supervisor1").get(path, params=params)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["error"] in ("invalid_request", "unknown_municipality") and body["message"]


def test_longest_period_is_accepted(world):
    with world.serve() as api:
        r = api("supervisor1").get(
            SUMMARY,
            params={"date_from": "2024-01-01", "date_to": "2026-01-01"},  # 732 days
        )
    assert r.status_code == 200, r.text
    assert r.json()["total"] == 0 and len(r.json()["by_day"]) == 732


# --- spikes -----------------------------------------------------------------------------------


def test_spikes_find_the_planted_burst_and_not_the_noise(world):
    week0 = local_today() - timedelta(days=local_today().weekday() + 14)  # a Monday
    m = world.mun
    cat1, cat2 = world.categories[0], world.categories[1]
    rows: list[dict] = []

    def weekly(place: int, cat, week: date, n: int, **extra) -> None:
        for k in range(n):  # spread over Monday..Saturday, Moscow time
            rows.append(
                {
                    "received_at": msk(week + timedelta(days=k % 6), 10 + k % 8),
                    "municipality_id": place,
                    "sector": cat[1],
                    "category_id": cat[0],
                    **extra,
                }
            )

    for back in range(1, 9):
        week = week0 - timedelta(weeks=back)
        weekly(m["ryazan"], cat1, week, 2)  # A: 2 a week, then 12
        weekly(m["ryazan"], cat2, week, 6)  # B: a steady 6
        weekly(m["skopin"], cat1, week, 3)  # E: 3 a week, then 8
    weekly(m["ryazan"], cat1, week0, 12)
    weekly(m["ryazan"], cat2, week0, 6)
    weekly(m["skopin"], cat1, week0, 8)
    weekly(m["kasimov"], cat1, week0, 4)  # C: 4 out of nowhere, under the minimum
    # ...and a fifth at 00:30 on the next Monday in Moscow (still Sunday in UTC): next week.
    rows.append({**rows[-1], "received_at": msk(week0 + timedelta(days=7), 0.5)})
    weekly(m["sasovo"], cat2, week0, 4)  # D: 4, plus a fifth at 00:30 on this Monday
    rows.append({**rows[-1], "received_at": msk(week0, 0.5)})
    weekly(m["skopin"], cat2, week0, 10, training_session_id=1)  # training never counts
    world.add(rows)

    params = {"date_from": week0.isoformat(), "date_to": (week0 + timedelta(days=6)).isoformat()}
    with world.serve() as api:
        supervisor = api("supervisor1")
        default = supervisor.get(SPIKES, params=params).json()
        lenient = supervisor.get(SPIKES, params={**params, "factor": 2}).json()
        low = supervisor.get(SPIKES, params={**params, "min_count": 4}).json()

    def found(body):
        return [
            (s["municipality_id"], s["category_id"], s["week_start"], s["count"], s["ratio"])
            for s in body["items"]
        ]

    w0 = week0.isoformat()
    a_spike = (m["ryazan"], cat1[0], w0, 12, 6.0)
    d_spike = (m["sasovo"], cat2[0], w0, 5, None)
    assert found(default) == [d_spike, a_spike]  # no baseline first, then by ratio
    a = default["items"][1]
    assert a["baseline"] == 2.0 and a["sector"] == cat1[1]
    assert default["rule"] == (
        "Всплеск: за неделю (с понедельника) не меньше 5 обращений одной рубрики в одном "
        "муниципальном образовании и в 3 раза больше среднего за 8 предыдущих недель"
    )
    assert (default["min_count"], default["factor"], default["baseline_weeks"]) == (5, 3.0, 8)
    assert found(lenient) == [d_spike, a_spike, (m["skopin"], cat1[0], w0, 8, 2.67)]
    assert "в 2 раза" in lenient["rule"]
    assert found(low) == [d_spike, (m["kasimov"], cat1[0], w0, 4, None), a_spike]


# --- clusters ---------------------------------------------------------------------------------

_OUTAGE = (
    "Нет отопления во всём доме {a}, батареи ледяные!",
    "Когда дадут тепло? {a}. Дети болеют, дома 15 градусов",
    "ОТОПЛЕНИЯ НЕТ ({a})!!! УК НЕ БЕРЁТ ТРУБКУ",
    "Здравствуйте, по адресу {a} вторые сутки холодные батареи",
    "{a} — тепла нет, пенсионеры сидят в пальто",
    "Почему отключили отопление? {a}, никого не предупредили",
    "Прошу разобраться: отопление не работает, адрес {a}",
    "Холодно в квартирах, батареи чуть тёплые. {a}",
    "Третий день без отопления!!! {a}",
    "Котельная не греет, {a}, сколько можно ждать",
)
_SPELLINGS = ("ул. Есенина, д. 7", "улица Есенина 7", "ул Есенина, дом 7", "ул.Есенина, д.7")
_WORDS = (
    "скамейка фонарь урна забор крыша подвал лифт подъезд парковка остановка автобус "
    "маршрут светофор тротуар газон детская площадка больница аптека поликлиника школа "
    "садик библиотека рынок магазин пенсия субсидия выплата справка очередь запись "
    "ремонт покраска уборка вывоз снег гололёд яма трещина люк колодец"
).split()


def test_clusters_group_one_outage_and_leave_noise_alone(world):
    rng = random.Random(11)
    date_to = local_today() - timedelta(days=1)
    date_from = date_to - timedelta(days=13)
    ryazan, kasimov = world.mun["ryazan"], world.mun["kasimov"]

    def at(day_offset: float) -> datetime:
        return msk(date_to - timedelta(days=3), 9) + timedelta(days=day_offset)

    outage = world.add(
        [
            {
                "text": _OUTAGE[k % len(_OUTAGE)].format(a=_SPELLINGS[k % len(_SPELLINGS)]),
                "received_at": at(k / 15),
                "municipality_id": ryazan,
                "sector": "housing",
                "status": "answered" if k < 10 else "new",
            }
            for k in range(40)
        ]
    )
    pothole = world.add(
        [
            {"text": t, "received_at": at(1 + k), "municipality_id": ryazan, "sector": "roads"}
            for k, t in enumerate(
                (
                    "Яма у дома ул. Есенина, д. 7, пробил колесо",
                    "Глубокая яма на дороге, улица Есенина 7",
                    "Асфальт провалился возле ул. Есенина д.7",
                )
            )
        ]
    )
    bus = world.add(
        [
            {"text": t, "received_at": at(k), "municipality_id": kasimov, "sector": "transport"}
            for k, t in enumerate(
                (
                    "Верните автобус № 12 в деревню Полково! Без него не добраться до больницы.",
                    "верните автобус №12 в деревню Полково, без него не добраться до больницы",
                    "ВЕРНИТЕ АВТОБУС 12 В ДЕРЕВНЮ ПОЛКОВО!!! БЕЗ НЕГО НЕ ДОБРАТЬСЯ ДО БОЛЬНИЦЫ!!!",
                    "Здравствуйте! Верните автобус 12 в деревню Полково, без него не добраться "
                    "до больницы.",
                )
            )
        ]
    )
    world.add(
        [  # below the minimum: two at a neighbouring house, two at the same address elsewhere
            {
                "text": "Нет отопления, ул. Есенина, д. 9",
                "received_at": at(0),
                "municipality_id": ryazan,
                "sector": "housing",
            },
            {
                "text": "Холодные батареи ул. Есенина 9",
                "received_at": at(1),
                "municipality_id": ryazan,
                "sector": "housing",
            },
            {
                "text": "Нет отопления, ул. Есенина, д. 7",
                "received_at": at(0),
                "municipality_id": kasimov,
                "sector": "housing",
            },
            {
                "text": "Холодные батареи ул. Есенина 7",
                "received_at": at(1),
                "municipality_id": kasimov,
                "sector": "housing",
            },
        ]
    )
    world.add(  # the same outage before the period, and in training: neither counts
        [
            {
                "text": "Нет отопления ул. Есенина, д. 7",
                "received_at": msk(date_from, -1),
                "municipality_id": ryazan,
                "sector": "housing",
            },
            *(
                {
                    "text": "Нет отопления ул. Есенина, д. 7",
                    "received_at": at(0.5),
                    "municipality_id": ryazan,
                    "sector": "housing",
                    "training_session_id": 2,
                }
                for _ in range(5)
            ),
        ]
    )
    noise = []
    for k in range(150):  # ordinary traffic: different topics and houses
        words = rng.sample(_WORDS, 6)
        street = rng.choice(["Ленина", "Гагарина", "Есенина"])
        noise.append(
            {
                "text": f"{' '.join(words).capitalize()}, ул. {street}, д. {20 + k}",
                "received_at": msk(date_from) + (msk(date_to, 24) - msk(date_from)) * rng.random(),
                "municipality_id": rng.choice([ryazan, kasimov]),
                "sector": rng.choice(["roads", "housing", "other"]),
            }
        )
    world.add(noise)
    params = {"date_from": date_from.isoformat(), "date_to": date_to.isoformat()}
    with world.serve() as api:
        supervisor = api("supervisor1")
        body = supervisor.get(CLUSTERS, params=params).json()
        pairs = supervisor.get(CLUSTERS, params={**params, "min_size": 2, "kind": "address"}).json()

    assert [(c["kind"], c["municipality_id"], c["count"]) for c in body["items"]] == [
        ("address", ryazan, 40),
        ("text", kasimov, 4),
        ("address", ryazan, 3),
    ]
    heating, buses, holes = body["items"]
    assert heating["key"] == "ул. Есенина, д. 7" and heating["sector"] == "housing"
    assert heating["incident_ids"] == [r["id"] for r in outage]  # oldest first
    assert heating["open_count"] == 30
    assert datetime.fromisoformat(heating["first_received_at"]) == outage[0]["received_at"]
    assert datetime.fromisoformat(heating["last_received_at"]) == outage[-1]["received_at"]
    assert holes["incident_ids"] == [r["id"] for r in pothole] and holes["sector"] == "roads"
    assert buses["incident_ids"] == [r["id"] for r in bus] and buses["sector"] is None
    assert buses["key"].startswith("Верните автобус № 12")
    assert body["min_size"] == 3 and "не меньше 3 обращений" in body["rule"]

    assert sorted((c["municipality_id"], c["key"], c["count"]) for c in pairs["items"]) == sorted(
        [
            (ryazan, "ул. Есенина, д. 7", 40),
            (ryazan, "ул. Есенина, д. 7", 3),
            (ryazan, "ул. Есенина, д. 9", 2),
            (kasimov, "ул. Есенина, д. 7", 2),
        ]
    )


# --- keys on creation and in the migration -----------------------------------------------------


def test_ingest_stores_the_keys(world):
    item = {
        "channel": "pos",
        "source_id": "keys-1",
        "text": "Нет света на улице Гагарина 15 с утра, холодильник потёк",
        "received_at": "2026-11-20T10:00:00+03:00",
        "municipality_code": "ryazan",
        "sector": "energy",
    }
    with world.serve() as api:
        r = api("collector").post("/api/v1/ingest", json={"items": [item]})
    assert r.status_code == 200, r.text
    with world.engine.connect() as conn:
        keys = conn.execute(select(Incident.address_key, Incident.text_key)).one()
    assert keys == ("ул. Гагарина, д. 15", text_key(item["text"])) and keys[1]


def test_migration_backfills_the_keys(tmp_path):
    from sqlalchemy import text as sql

    from cur_server.migrate import upgrade

    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "0002")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            sql("INSERT INTO municipalities (id, code, name, kind) VALUES (1, 'x', 'X', 'city')")
        )
        for n, body in enumerate(("Яма, ул. Ленина, д. 5, третий месяц", "Спасибо")):
            conn.execute(
                sql(
                    "INSERT INTO incidents (id, number, channel, source_id, text, attachments, "
                    "received_at, municipality_id, sector, importance, status, sla_started_at, "
                    "version, seq, created_at, updated_at) VALUES (:id, :num, 'vk', :num, :text, "
                    "'[]', '2026-11-01 10:00:00', 1, 'roads', 'normal', 'new', "
                    "'2026-11-01 10:00:00', 1, :id, '2026-11-01 10:00:00', '2026-11-01 10:00:00')"
                ),
                {"id": n + 1, "num": f"n{n}", "text": body},
            )
    upgrade(url)
    with engine.connect() as conn:
        rows = conn.execute(sql("SELECT address_key, text_key FROM incidents ORDER BY id")).all()
    engine.dispose()
    assert rows[0] == ("ул. Ленина, д. 5", text_key("Яма, ул. Ленина, д. 5, третий месяц"))
    assert rows[1] == (None, None)


def test_demo_seed_shows_its_planted_outage(tmp_path):
    """The demo region's heating outage in Шиловский район is a cluster and a spike."""
    from cur_server.migrate import upgrade

    url = f"sqlite:///{tmp_path / 'demo.db'}"
    upgrade(url)
    seed_demo(url, 3_000, now=datetime(2026, 11, 24, 12, tzinfo=UTC))
    params = {"date_from": "2026-11-18", "date_to": "2026-11-24"}
    with EmbeddedServer(url) as server:
        official = Api(server.url, "official1")  # Шиловский район is theirs
        clusters = official.get(CLUSTERS, params={**params, "kind": "address"}).json()["items"]
        spikes = official.get(SPIKES, params=params).json()["items"]
    outage = clusters[0]
    assert outage["key"] == "р.п. Шилово, ул. Советская, д. 12" and outage["count"] >= 40
    assert outage["sector"] == "housing"
    assert any(s["sector"] == "housing" and s["count"] >= 10 for s in spikes)
