"""Checks a reply must pass before it is sent, as findings the editor can underline.

A reply is the centre's word to a citizen: no unfilled placeholders, not a one-liner, no
brush-off («принято к сведению» and nothing after it), and a final answer must say what will be
done and by when. The rules are plain data so a centre can tune them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .templates import placeholder_title, unfilled_spans

MIN_LENGTH = 60
#: Phrases that on their own answer nothing; configurable per centre.
BRUSH_OFF_PHRASES = (
    "ваше обращение принято к сведению",
    "информация принята к сведению",
    "обращение рассмотрено",
    "ваше мнение очень важно для нас",
    "обратитесь в управляющую компанию",
    "вопрос не относится к компетенции",
)
#: Words that show a concrete action in a final answer.
ACTION_WORDS = re.compile(
    r"\b(выполнен|устранен|устранён|отремонтир|заменен|заменён|вывез|установлен|проведен|"
    r"проведён|восстановлен|направлен|организован|запланирован|будет|будут|включ|"
    r"начат|завершен|завершён|исправлен|закреплен|передан|проверк|решен|решён)\w*",
    re.IGNORECASE,
)
DATE_PATTERN = re.compile(
    r"\b(\d{1,2}[./]\d{1,2}([./]\d{2,4})?|\d{1,2}\s+(январ|феврал|март|апрел|ма[яй]|июн|июл|"
    r"август|сентябр|октябр|ноябр|декабр)\w*|до\s+конца\s+\w+|в\s+течение\s+\w+|сегодня|завтра|"
    r"на\s+этой\s+неделе|до\s+\d{1,2})",
    re.IGNORECASE,
)
#: A full calendar date as replies write it: «30.11.2026».
FULL_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
#: A promise rather than a report: a final answer that promises must say by when.
FUTURE_WORDS = re.compile(r"\b(будет|будут|запланирован|планиру|намечен)\w*", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    start: int = 0
    end: int = 0
    blocking: bool = True
    #: What the message names (the field, the length, the date…), so the UI can say it in its
    #: own language from `code`; `message` is the Russian text.
    params: tuple[tuple[str, str], ...] = ()


def check_reply(
    text: str,
    kind: str,
    *,
    min_length: int = MIN_LENGTH,
    brush_off: Iterable[str] = BRUSH_OFF_PHRASES,
    today: date | None = None,
) -> list[Finding]:
    """`today`: the server's date (from the workstation clock); with it, a date before today
    blocks sending — a reply must not promise a day that has already gone."""
    found: list[Finding] = []
    if today is not None:
        found.extend(past_dates(text, today))
    # Any «{name}», known or not: stricter than the server, which refuses only known names.
    for start, end, name in unfilled_spans(text):
        title = placeholder_title(name)
        found.append(
            Finding(
                "placeholder",
                f"Не заполнено поле {title}",
                start,
                end,
                params=(("field", name),),
            )
        )
    stripped = text.strip()
    if len(stripped) < min_length:
        found.append(
            Finding(
                "too_short", f"Ответ короче {min_length} знаков", params=(("n", str(min_length)),)
            )
        )
    lowered = text.lower()
    for phrase in brush_off:
        at = lowered.find(phrase)
        if at < 0:
            continue
        rest = re.sub(r"[\s.,!;:—-]+", " ", lowered[at + len(phrase) :]).strip()
        # A brush-off phrase is fine when the answer goes on to say something real.
        if len(rest) < 40:
            found.append(
                Finding(
                    "brush_off",
                    f"Отписка: «{text[at : at + len(phrase)]}» без сути ответа",
                    at,
                    at + len(phrase),
                    blocking=False,
                    params=(("phrase", text[at : at + len(phrase)]),),
                )
            )
    if kind == "final" and stripped:
        if not ACTION_WORDS.search(text):
            found.append(
                Finding("no_action", "В окончательном ответе не названо действие", blocking=False)
            )
        # «Выполнена регулировка» reports work done and needs no date; «будет выполнено» does.
        done = any(not FUTURE_WORDS.match(m.group()) for m in ACTION_WORDS.finditer(text))
        promises = FUTURE_WORDS.search(text) is not None
        if (promises or not done) and not DATE_PATTERN.search(text):
            found.append(
                Finding("no_date", "В окончательном ответе не назван срок или дата", blocking=False)
            )
    return found


def past_dates(text: str, today: date) -> list[Finding]:
    """Dates «дд.мм.гггг» in the text that are before `today` (impossible dates are left alone:
    they are not a promise of a past day)."""
    found = []
    for m in FULL_DATE.finditer(text):
        day, month, year = (int(g) for g in m.groups())
        try:
            when = date(year, month, day)
        except ValueError:
            continue
        if when < today:
            message = f"Дата {m.group()} уже прошла: укажите срок не раньше сегодняшнего дня"
            found.append(
                Finding("past_date", message, m.start(), m.end(), params=(("date", m.group()),))
            )
    return found
