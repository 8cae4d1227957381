"""One answer template for a whole cluster, against the real server: every incident of the
cluster gets its own reply (its citizen's name, address and number filled in) as one user action,
and each lands exactly once although the server's answer to the push is lost; an incident whose
placeholders cannot be filled is listed and skipped, and a second press answers nobody twice."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import create_engine, func, select

from cur_desktop.models.analytics import AnalyticsQuery
from cur_desktop.models.cache.analytics import local_clusters
from cur_desktop.models.cache.schema import outbox
from cur_desktop.models.reply_fill import placeholder_values
from cur_desktop.sync.bulk_reply import plan_replies, send_replies
from cur_desktop.sync.client import Unreachable
from cur_desktop.sync.outbox import InvalidAction
from cur_server.tables import Reply
from tests.conftest import SEED_NOW
from tests.server.api import Api
from tests.sync.test_bulk_reassign import site  # noqa: F401 - the fixture

AUTHORS = [
    "Иванов Иван Петрович",
    "Петрова Мария Сергеевна",
    "Сидоров Алексей Николаевич",
    "Кузнецова Ольга Викторовна",
    "Смирнов Павел Андреевич",
    None,  # anonymous: {citizen_name_dative} cannot be filled
]
TEXT = "На улице Садовая 7 третий день не горят фонари во дворе, вечером темно и опасно ходить"
TEMPLATE_TEXT = (
    "{greeting}! Сообщаем {citizen_name_dative}: обращение № {incident_number} о проблеме по "
    "адресу {address} принято, специалисты проверят освещение и сообщат о результате."
)


def plant(base_url: str) -> list[int]:
    stamp = time.monotonic_ns()
    items = [
        {
            "channel": "vk",
            "source_id": f"cluster-reply-{stamp}-{k}",
            "author_name": author,
            "text": TEXT,
            "received_at": f"2026-11-24T0{k + 1}:10:00+03:00",
            "municipality_code": "ryazan",
            "sector": "housing",
        }
        for k, author in enumerate(AUTHORS)
    ]
    r = Api(base_url, "collector").post("/api/v1/ingest", json={"items": items})
    assert r.status_code == 200, r.text
    return [x["incident_id"] for x in r.json()["results"]]


def values_for(row):
    return placeholder_values(
        row, operator_name="Оператор", agency=None, municipality="Рязань", category=None
    )


def template_of(ws) -> dict:
    """A real interim template (the server checks the id), with a text of this test's."""
    with ws.store.read() as conn:
        templates = ws.store.get_meta(conn, "reference")["templates"]
    real = next(t for t in templates if t["kind"] == "interim")
    return {**real, "text": TEMPLATE_TEXT}


def server_replies(server_url: str, ids: list[int]) -> list[tuple]:
    engine = create_engine(server_url)
    try:
        with engine.connect() as conn:
            return conn.execute(
                select(Reply.incident_id, Reply.text, Reply.template_id).where(
                    Reply.incident_id.in_(ids)
                )
            ).all()
    finally:
        engine.dispose()


def test_a_cluster_gets_one_reply_each_exactly_once(site, server_url, workstation):  # noqa: F811
    server, proxy, plan = site
    planted = plant(server.url)
    sup = workstation("supervisor1", base_url=proxy.url)
    sup.sync()
    day = (SEED_NOW.date(), SEED_NOW.date())
    clusters = local_clusters(sup.store, AnalyticsQuery(date_from=day[0], date_to=day[1]))
    (cluster,) = [c for c in clusters.items if set(planted) <= set(c.incident_ids)]
    ids = list(cluster.incident_ids)
    assert len(ids) == len(AUTHORS)
    template = template_of(sup)

    preview = plan_replies(sup.store, ids, template, values_for)
    assert [p.incident_id for p in preview] == ids
    ok = [p for p in preview if p.ok]
    (skipped,) = [p for p in preview if not p.ok]
    assert skipped.incident_id == planted[-1]  # the anonymous one
    assert any("Имя заявителя" in m for m in skipped.problems)
    first = sup.incident(planted[0])
    assert "Ивану Петровичу" in ok[0].text and first["number"] in ok[0].text
    assert "ул. Садовая, д. 7" in ok[0].text and "{" not in ok[0].text

    plan.calls, plan.lose = 0, {1}
    done = send_replies(sup.actions, ids, template, values_for)
    assert done.sent == [p.incident_id for p in ok] and done.skipped == [skipped.incident_id]
    assert all(len(sup.replies(i)) == 1 for i in done.sent)  # shown at once
    with pytest.raises(Unreachable):  # the server applied the push; its answer is lost
        sup.sync()
    summary = sup.sync()
    assert summary.duplicates == 2 * len(ok) and (summary.conflicts, summary.rejected) == (0, 0)

    landed = server_replies(server_url, ids)
    assert sorted(i for i, _, _ in landed) == sorted(done.sent)  # one each, none for the skipped
    texts = {i: text for i, text, _ in landed}
    assert texts == {p.incident_id: p.text for p in ok}
    assert {t for _, _, t in landed} == {template["id"]}
    with sup.store.read() as conn:
        assert conn.execute(select(func.count()).select_from(outbox)).scalar_one() == 0
    assert sup.core.outbox.problems() == []

    # A second press: those answered are listed as such and nothing more is queued.
    again = send_replies(sup.actions, ids, template, values_for)
    assert again.sent == [] and sorted(again.skipped) == sorted(ids)
    assert any(
        "уже есть" in m for m in plan_replies(sup.store, ids, template, values_for)[0].problems
    )
    sup.sync()
    assert len(server_replies(server_url, ids)) == len(ok)


def test_a_bad_item_writes_nothing(server, workstation):
    sup = workstation("supervisor1")
    sup.sync()
    with pytest.raises(InvalidAction):
        send_replies(sup.actions, [], template_of(sup), values_for)
    ids = sorted(sup.incidents())[:3]
    preview = plan_replies(sup.store, [*ids, 999_999], template_of(sup), values_for)
    assert preview[-1].problems == ["Обращения нет в локальном кэше"]
