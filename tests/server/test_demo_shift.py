"""The embedded demo opens on a shift under way: a trainee's replies wait for approval and last
week's answers carry quality reviews, all made through the server's own mutations (so the
supervisor's console reads them back over the API), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from cur_server.context import load_context
from cur_server.demo.shift import stage_demo_shift
from cur_server.embedded import EmbeddedServer
from cur_server.seed import seed_demo
from cur_server.tables import Event, QualityReview, Reply, User
from tests.server.api import Api


def test_demo_shift_fills_the_approval_queue_and_quality_figures(db_url):
    seed_demo(db_url, 600, now=datetime.now(UTC), days=10)
    context = load_context(db_url)
    try:
        staged = stage_demo_shift(context, reviews=12)
        with context.db.read() as s:
            trainee = s.scalar(select(User.id).where(User.username == "operator3"))
            pending = s.scalars(
                select(Reply).where(Reply.approval_state == "pending_approval")
            ).all()
            reviews = s.scalar(select(func.count()).select_from(QualityReview))
            review_events = s.scalar(
                select(func.count()).select_from(Event).where(Event.kind == "quality_reviewed")
            )
    finally:
        context.db.dispose()
    assert staged["pending"] == len(pending) > 0
    assert {r.author_id for r in pending} == {trainee}
    assert staged["reviewed"] == reviews == review_events == 12

    with EmbeddedServer(db_url) as server:
        lead = Api(server.url, "supervisor1")
        quality = lead.get("/api/v1/quality").json()
        assert quality["reviewed"] == 12
        assert sum(o["reviewed"] for o in quality["operators"]) == 12
        waiting = [
            r
            for item in lead.all_incidents().values()
            for r in item["replies"]
            if r["approval_state"] == "pending_approval"
        ]
        assert len(waiting) == staged["pending"]
