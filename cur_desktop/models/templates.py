"""Placeholder rendering for answer templates, shared by the server and the workstation.

Syntax, deliberately small so that operators can type it by hand:

* ``{name}`` is a placeholder when ``name`` is an ASCII identifier ``[a-z_][a-z0-9_]*``;
* ``{{`` and ``}}`` are a literal ``{`` and ``}``;
* anything else in braces (``{Иван}``, ``{ x }``, ``{Name}``) is ordinary text, never an error.

Values are inserted verbatim and are never expanded again, so a citizen's name or an address that
happens to contain ``{address}`` cannot pull other data into the reply. A placeholder without a
usable value (absent, ``None``, empty or whitespace only) stays in the text as ``{name}`` and is
reported in :attr:`Rendered.missing` and :attr:`Rendered.spans`, so the editor can highlight it
and the reply cannot silently go out half-filled.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

KNOWN_PLACEHOLDERS: dict[str, str] = {
    "citizen_name": "Имя заявителя",
    "citizen_name_dative": "Имя заявителя (кому)",
    "greeting": "Обращение",
    "address": "Адрес",
    "agency": "Ведомство",
    "deadline_date": "Срок",
    "incident_number": "Номер обращения",
    "operator_name": "Оператор",
    "municipality": "Муниципальное образование",
    "category": "Тема",
}


def placeholder_title(name: str) -> str:
    """How a person calls a placeholder in a sentence: «ведомство» for {agency}; an unknown
    one is shown as it stands in the text, «{name}», which is what the user sees there."""
    label = KNOWN_PLACEHOLDERS.get(name)
    if label is None:
        return f"«{{{name}}}»"
    return f"«{label[:1].lower()}{label[1:]}»"


# One alternation scanned left to right: escapes win over a placeholder starting at the same
# position, which gives "{{name}}" -> "{name}" as literal text, the same as str.format.
_TOKEN = re.compile(r"\{\{|\}\}|\{([a-z_][a-z0-9_]*)\}")
# In a finished reply there are no escapes left: any "{name}" is what a placeholder looks like.
_UNFILLED = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


class TemplateError(ValueError):
    """A template uses placeholders that are not allowed; the message is for people to read."""

    def __init__(self, message: str, unknown: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.unknown = unknown


@dataclass(frozen=True)
class Rendered:
    text: str
    missing: tuple[str, ...]
    """Names left unfilled, unique, in order of first appearance."""
    spans: tuple[tuple[int, int, str], ...]
    """``(start, end, name)`` of every unfilled ``{name}`` in :attr:`text`."""

    @property
    def complete(self) -> bool:
        return not self.missing


def _names(text: str) -> Iterator[str]:
    for match in _TOKEN.finditer(text):
        name = match.group(1)
        if name is not None:
            yield name


def placeholders(text: str) -> list[str]:
    """Placeholder names used in ``text``, unique, in order of first appearance."""
    return list(dict.fromkeys(_names(text)))


def render(text: str, values: Mapping[str, str | None]) -> Rendered:
    """Fill the placeholders of ``text`` from ``values`` and unescape ``{{``/``}}``."""
    parts: list[str] = []
    length = 0
    missing: dict[str, None] = {}
    spans: list[tuple[int, int, str]] = []
    position = 0

    def emit(piece: str) -> None:
        nonlocal length
        parts.append(piece)
        length += len(piece)

    for match in _TOKEN.finditer(text):
        emit(text[position : match.start()])
        position = match.end()
        name = match.group(1)
        if name is None:
            emit(match.group(0)[0])  # "{{" -> "{", "}}" -> "}"
            continue
        value = values.get(name)
        if value is not None and value.strip():
            emit(value)
        else:
            missing.setdefault(name)
            spans.append((length, length + len(name) + 2, name))
            emit("{" + name + "}")
    emit(text[position:])
    return Rendered(text="".join(parts), missing=tuple(missing), spans=tuple(spans))


def validate_template(text: str, allowed: Iterable[str] = KNOWN_PLACEHOLDERS) -> None:
    """Raise :class:`TemplateError` if ``text`` uses a placeholder outside ``allowed``."""
    allowed_names = set(allowed)
    unknown = tuple(name for name in placeholders(text) if name not in allowed_names)
    if not unknown:
        return
    listed = ", ".join("{" + name + "}" for name in unknown)
    if len(unknown) == 1:
        message = f"Неизвестное поле подстановки в шаблоне: {listed}"
    else:
        message = f"Неизвестные поля подстановки в шаблоне: {listed}"
    raise TemplateError(message, unknown)


def unfilled_spans(text: str, known: Iterable[str] | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of every ``{name}`` left in a finished reply, in order.

    A reply is rendered text, so ``{{`` is not an escape here. With ``known`` only those names
    count: the server refuses the placeholder names it knows (an operator may legitimately type
    other braces), while the workstation's editor, stricter, passes ``None`` to flag any.
    """
    names = None if known is None else set(known)
    return [
        (m.start(), m.end(), m.group(1))
        for m in _UNFILLED.finditer(text)
        if names is None or m.group(1) in names
    ]


def unfilled_placeholders(text: str) -> list[str]:
    """Known placeholder names still unfilled in a finished reply, unique, in order."""
    return list(dict.fromkeys(name for _s, _e, name in unfilled_spans(text, KNOWN_PLACEHOLDERS)))
