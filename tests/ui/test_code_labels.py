"""No internal code reaches the screen: every status, history event kind (found in the server's
source, so a new one cannot slip by), edit kind and placeholder has a human name, in Russian and
in English; kept work in «Не принятые сервером правки» and the card's unsent lines use them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication, QTranslator

import cur_server
from cur_desktop.models.domain import MutationType
from cur_desktop.models.reply_checks import check_reply
from cur_desktop.models.statuses import Status
from cur_desktop.models.templates import KNOWN_PLACEHOLDERS, placeholder_title
from cur_desktop.ui.code_labels import event_label, mutation_label, status_label
from cur_desktop.ui.conflicts_panel import describe
from cur_desktop.ui.i18n import TRANSLATIONS
from cur_desktop.ui.incident_card import IncidentCard
from cur_desktop.ui.labels import Labels

_EVENT_CALLS = (
    r"\.event\(\s*\"(\w+)\"",  # op.event("routed", …)
    r"_take\(op, [^,]+, \"(\w+)\"\)",  # claimed / assigned
    r"kind=\"(\w+)\"",  # arrivals: received
)


def server_event_kinds() -> set[str]:
    kinds = {"status_changed"}
    for path in Path(cur_server.__file__).parent.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for pattern in _EVENT_CALLS:
            kinds |= set(re.findall(pattern, source))
    return kinds


def all_labels() -> dict[str, str]:
    shown = {f"status:{s.value}": status_label(s.value) for s in Status}
    shown |= {f"event:{k}": event_label(k) for k in server_event_kinds()}
    shown |= {f"mutation:{m.value}": mutation_label(m.value) for m in MutationType}
    shown |= {f"local:{m.value}": event_label(f"local_{m.value}") for m in MutationType}
    shown |= {f"placeholder:{p}": placeholder_title(p) for p in KNOWN_PLACEHOLDERS}
    return shown


def assert_human(shown: dict[str, str], generic: set[str]) -> None:
    for key, label in shown.items():
        code = key.split(":", 1)[1]
        assert label and code not in label and label not in generic, (key, label)


def test_every_code_has_a_label_that_is_not_the_code(qapp):
    assert {"claimed", "assigned", "received", "routed"} <= server_event_kinds()
    assert_human(all_labels(), {"Правка", "Событие", "другой статус"})
    assert check_reply("Ваш вопрос передан в {agency}.", "final")[0].message == (
        "Не заполнено поле «ведомство»"
    )


def test_every_label_is_translated_to_english(qapp):
    translator = QTranslator()
    assert translator.load("cur_desktop_en", str(TRANSLATIONS))
    QCoreApplication.installTranslator(translator)
    try:
        shown = {k: v for k, v in all_labels().items() if k.split(":")[0] in ("event", "mutation")}
        assert_human(shown, {"Edit", "Event"})
        for key, label in shown.items():
            assert label.isascii(), (key, label)
    finally:
        QCoreApplication.removeTranslator(translator)


def test_kept_work_and_unsent_lines_speak_human(qapp):
    problem = {
        "type": "set_status",
        "payload": json.dumps({"status": "resolved", "confirmation": "Яма заделана"}),
        "outcome": "rejected",
        "incident_id": 7,
        "reason": "Обращение в работе у Новикова А. И.",
    }
    text = describe(problem, "ЦУР-2026-000007")
    assert "set_status" not in text and "resolved" not in text
    assert "Сменить статус" in text and "Решено" in text

    card = SimpleNamespace(labels=Labels())  # the history needs only names
    detail = {
        "events": [
            {"kind": "local_add_note", "at": 1_800_000_000, "data": {"text": "Позвонить"}},
            {"kind": "local_review_quality", "at": 1_800_000_060, "data": {}, "local": True},
        ],
        "replies": [],
    }
    history = IncidentCard._history_text(card, detail)
    assert "local_" not in history and "add_note" not in history, history
    assert "Заметка" in history and "Оценка ответа" in history
