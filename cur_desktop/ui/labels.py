"""Names for codes and ids, from the cached reference data (the server's Russian labels)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from cur_desktop.models import contract as c
from cur_desktop.models.reply_fill import placeholder_values

from .code_labels import code_name
from .i18n import QT_TR_NOOP, tr

_REPLY_KINDS = {
    "interim": QT_TR_NOOP("промежуточный"),
    "final": QT_TR_NOOP("окончательный"),
    "clarification": QT_TR_NOOP("уточнение"),
}
_APPROVAL_STATES = {
    "draft": QT_TR_NOOP("черновик"),
    "pending_approval": QT_TR_NOOP("на согласовании"),
    "approved": QT_TR_NOOP("согласован"),
    "returned": QT_TR_NOOP("возвращён на доработку"),
    "published": QT_TR_NOOP("опубликован"),
}

_DELIVERY_STATES = {
    "queued": QT_TR_NOOP("в очереди"),
    "sent": QT_TR_NOOP("отправлено"),
}

#: Official municipality names shortened the way Russian documents abbreviate them, for narrow
#: columns: «городской округ город Рязань» → «г. Рязань», «Шиловский муниципальный район» →
#: «Шиловский р-н». The part that tells them apart comes first.
_SHORT_MUNICIPALITY = [
    (re.compile(r"^городской округ город\s+(.+)$"), r"г. \1"),
    (re.compile(r"^городской округ\s+(.+)$"), r"г.о. \1"),
    (re.compile(r"^(.+?)\s+(?:муниципальный\s+)?район$"), r"\1 р-н"),
    (re.compile(r"^(.+?)\s+муниципальный округ$"), r"\1 м.о."),
    (re.compile(r"^(.+?)\s+городской округ$"), r"\1 г.о."),
]


def short_municipality(name: str) -> str:
    for pattern, short in _SHORT_MUNICIPALITY:
        if pattern.match(name):
            return pattern.sub(short, name)
    return name


@dataclass
class Labels:
    statuses: dict[str, str] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    channels: dict[str, str] = field(default_factory=dict)
    municipalities: dict[int, str] = field(default_factory=dict)
    categories: dict[int, str] = field(default_factory=dict)
    agencies: dict[int, str] = field(default_factory=dict)
    users: dict[int, str] = field(default_factory=dict)

    @classmethod
    def from_reference(cls, ref: c.Reference | None) -> Labels:
        if ref is None:
            return cls()
        return cls(
            statuses={s.code: code_name("status", s.code, s.name) for s in ref.statuses},
            sectors={s.code: code_name("sector", s.code, s.name) for s in ref.sectors},
            channels={s.code: code_name("channel", s.code, s.name) for s in ref.channels},
            municipalities={m.id: m.name for m in ref.municipalities},
            categories={x.id: x.name for x in ref.categories},
            agencies={a.id: a.name for a in ref.agencies},
            users={u.id: u.full_name for u in ref.users},
        )

    def status(self, code: str | None) -> str:
        return self._named("status", self.statuses, code)

    def sector(self, code: str | None) -> str:
        return self._named("sector", self.sectors, code)

    def channel(self, code: str | None) -> str:
        return self._named("channel", self.channels, code)

    @staticmethod
    def _named(kind: str, names: dict[str, str], code: str | None) -> str:
        if not code:
            return ""
        return names.get(code) or code_name(kind, code)

    def municipality(self, mid: int | None) -> str:
        return self.municipalities.get(mid, "") if mid is not None else ""

    def municipality_short(self, mid: int | None) -> str:
        return short_municipality(self.municipality(mid))

    def placeholders(
        self, incident: dict, operator_name: str, today: date | None = None
    ) -> dict[str, str | None]:
        """A reply template's values for this incident, names from the reference (plain
        lookups: callable in the db thread). `today`: the clock's, so a past due date is not
        offered."""
        return placeholder_values(
            incident,
            operator_name=operator_name,
            agency=self.agency(incident.get("agency_id")),
            municipality=self.municipality(incident.get("municipality_id")),
            category=self.category(incident.get("category_id")),
            today=today,
        )

    def category(self, cid: int | None) -> str:
        return self.categories.get(cid, "") if cid is not None else ""

    def agency(self, aid: int | None) -> str:
        return self.agencies.get(aid, "") if aid is not None else ""

    def user(self, uid: int | None) -> str:
        if uid is None:
            return ""
        return self.users.get(uid, tr("сотрудник №{id}").format(id=uid))

    @staticmethod
    def reply_kind(code: str) -> str:
        return tr(_REPLY_KINDS[code]) if code in _REPLY_KINDS else code

    @staticmethod
    def approval(code: str) -> str:
        return tr(_APPROVAL_STATES[code]) if code in _APPROVAL_STATES else code

    @staticmethod
    def delivery(code: str | None, error: str | None = None) -> str:
        """«в очереди», «отправлено», «ошибка: …» for a reply the server delivers; else ""."""
        if code == "failed":
            return tr("ошибка: {reason}").format(reason=error or tr("причина не указана"))
        return tr(_DELIVERY_STATES[code]) if code in _DELIVERY_STATES else ""

    @staticmethod
    def importance(code: str | None) -> str:
        return tr("Высокая") if code == "high" else tr("Обычная")
