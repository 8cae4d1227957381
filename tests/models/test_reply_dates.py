"""Replies must not promise a day that has gone, and the template offered first must fit the
complaint (issue 14, items 3 and 4)."""

from __future__ import annotations

from datetime import date, datetime

from cur_desktop.models.reply_checks import check_reply
from cur_desktop.models.reply_fill import placeholder_values, rank_templates
from cur_server.demo.content import TEMPLATES

TODAY = date(2026, 12, 4)
FINAL = (
    "Здравствуйте! По вашему обращению специалисты выедут по адресу ул. Ленина, д. 5, "
    "работы будут выполнены до {when}. Оператор ЦУР."
)


def _values(due: date, today: date) -> dict:
    stamp = int(datetime(due.year, due.month, due.day, 18).timestamp())
    return placeholder_values(
        {"number": "ЦУР-1", "final_answer_due": stamp},
        operator_name="Оператор",
        agency=None,
        municipality=None,
        category=None,
        today=today,
    )


def test_a_past_due_date_is_not_offered_as_the_promised_date():
    assert _values(date(2026, 11, 30), TODAY)["deadline_date"] is None
    assert _values(date(2026, 12, 4), TODAY)["deadline_date"] == "04.12.2026"
    assert _values(date(2026, 12, 15), TODAY)["deadline_date"] == "15.12.2026"


def test_a_date_before_today_blocks_sending_with_a_russian_message():
    text = FINAL.format(when="30.11.2026")
    found = [f for f in check_reply(text, "final", today=TODAY) if f.code == "past_date"]
    assert len(found) == 1 and found[0].blocking
    assert "30.11.2026" in found[0].message and "прошла" in found[0].message
    assert text[found[0].start : found[0].end] == "30.11.2026"
    for fine in ("04.12.2026", "15.01.2027"):
        codes = [f.code for f in check_reply(FINAL.format(when=fine), "final", today=TODAY)]
        assert "past_date" not in codes
    # «31.02.2026» is no date at all: not a past one either.
    assert "past_date" not in [
        f.code for f in check_reply(FINAL.format(when="31.02.2026"), "final", today=TODAY)
    ]


def test_the_complaints_category_ranks_first_then_similarity():
    categories = {code: i for i, code in enumerate({t["category"] for t in TEMPLATES}, 1)}
    finals = [
        {**t, "id": n, "category_id": categories[t["category"]] if t["category"] else None}
        for n, t in enumerate(TEMPLATES)
        if t["kind"] == "final" and t["sector"] in (None, "other")
    ]
    message = "Мобильный интернет не работает с начала месяца, дети не могут делать домашку."
    ranked = rank_templates(finals, message, category_id=categories["mobile_internet"])
    titles = [t["title"] for _score, t in ranked]
    assert titles[0] == "Связь: базовая станция в плане", titles
    assert titles[0] != "Нарушение не подтвердилось"
