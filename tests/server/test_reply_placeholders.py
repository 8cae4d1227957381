"""No citizen reads «{greeting}! … {deadline_date}»: the server refuses a reply with a known
placeholder left unfilled, and the demo seed publishes only filled replies, on SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from cur_desktop.models.reply_checks import check_reply
from cur_desktop.models.templates import KNOWN_PLACEHOLDERS, unfilled_placeholders
from cur_server.context import load_context
from cur_server.demo.shift import stage_demo_shift
from cur_server.seed import seed_demo
from cur_server.tables import Reply

HALF_FILLED = (
    "Уважаемый Иван Петрович! Ваше обращение передано в администрацию, ответ по существу "
    "будет дан до {deadline_date}."
)
FILLED = HALF_FILLED.replace("{deadline_date}", "25.11.2026")


def _claimed(api):
    op = api("operator1")
    inc = min(
        (i for i in op.all_incidents().values() if i["status"] == "new"), key=lambda i: i["id"]
    )
    assert op.one("claim", inc["id"])["outcome"] == "applied"
    return op, op.all_incidents()[inc["id"]]


def test_reply_with_unfilled_placeholder_is_refused_and_changes_nothing(api):
    op, before = _claimed(api)

    r = op.one("add_reply", before["id"], {"kind": "interim", "text": HALF_FILLED})

    assert (r["outcome"], r["error"]) == ("rejected", "unfilled_placeholder")
    assert "{deadline_date}" in r["reason"] and "не заполнено" in r["reason"]
    after = op.all_incidents()[before["id"]]
    assert (after["status"], after["version"]) == (before["status"], before["version"])
    assert after["replies"] == before["replies"] == []

    r = op.one("add_reply", before["id"], {"kind": "interim", "text": FILLED})
    assert r["outcome"] == "applied", r
    assert r["incident"]["status"] == "interim_answer"
    assert [x["text"] for x in r["incident"]["replies"]] == [FILLED]


def test_every_unfilled_name_is_listed_and_other_braces_pass(api):
    op, inc = _claimed(api)
    text = "{greeting}! Обращение № {incident_number} передано в {agency}, ответ до 25.11."
    r = op.one("add_reply", inc["id"], {"kind": "interim", "text": text})
    assert r["error"] == "unfilled_placeholder"
    assert all("{" + name + "}" in r["reason"] for name in ("greeting", "incident_number"))

    # Braces an operator typed on purpose are not a placeholder the server knows.
    typed = "Здравствуйте! Код вашего обращения {Иван} {x_1}; ответ будет дан до 25.11.2026."
    r = op.one("add_reply", inc["id"], {"kind": "interim", "text": typed})
    assert r["outcome"] == "applied", r


def test_workstation_blocks_everything_the_server_refuses():
    for name in KNOWN_PLACEHOLDERS:
        text = f"Здравствуйте! Ответ по обращению будет дан до 25.11.2026, {{{name}}}. " * 2
        assert unfilled_placeholders(text) == [name]
        assert any(f.code == "placeholder" and f.blocking for f in check_reply(text, "interim"))


def test_demo_seed_publishes_no_reply_with_a_placeholder(db_url):
    seed_demo(db_url, 400, now=datetime.now(UTC), days=10)
    context = load_context(db_url)
    try:
        stage_demo_shift(context, reviews=4)
        with context.db.read() as s:
            texts = s.scalars(select(Reply.text)).all()
    finally:
        context.db.dispose()
    assert len(texts) > 50
    left = [t for t in texts if unfilled_placeholders(t) or "{" in t]
    assert left == [], left[:3]
