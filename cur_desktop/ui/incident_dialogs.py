"""The forms that ask what an incident action needs before it is done: the agency to route to,
the sector and category, the new status with its reason, a note. Each answers the LocalActions
call to make, or None when the user called it off."""

from __future__ import annotations

from cur_desktop.models.statuses import Status, allowed_targets

from .dialogs import FormDialog
from .i18n import tr


def ask_action(window, name: str, incident_id: int) -> tuple | None:
    """(function, *arguments) for `window.act`, asking the user where the action needs it."""
    a, lb, card = window.ws.actions, window.labels, window.card.incident or {}
    if name == "claim":
        return (a.claim, incident_id)
    if name == "release":
        return (a.release, incident_id)
    if name == "route":
        d = FormDialog(tr("Направить в ведомство"), window)
        sector = card.get("sector")
        agencies = window.reference.agencies if window.reference else []
        items = sorted(
            ((x.name, x.id) for x in agencies if x.sector in (None, sector)),
            key=lambda x: x[0],
        )
        d.choice("agency_id", tr("Ведомство"), items, card.get("agency_id"))
        d.text("note", tr("Комментарий"))
        v = d.ask()
        return (a.route, incident_id, v["agency_id"], v["note"]) if v else None
    if name == "category":
        d = FormDialog(tr("Сфера и рубрика"), window)
        d.choice("sector", tr("Сфера"), [(n, c) for c, n in lb.sectors.items()], card.get("sector"))
        cats = [(f"{lb.sector(x.sector)}: {x.name}", x.id) for x in window.reference.categories]
        d.choice("category_id", tr("Рубрика"), [(tr("—"), None), *cats], card.get("category_id"))
        d.choice(
            "importance",
            tr("Важность"),
            [(tr("Обычная"), "normal"), (tr("Высокая"), "high")],
            card.get("importance"),
        )
        v = d.ask()
        return (
            (a.set_category, incident_id, v["sector"], v["category_id"], v["importance"])
            if v
            else None
        )
    if name in ("status", "reject"):
        targets = allowed_targets(Status(card["status"]))
        if name == "reject":
            targets = {Status.REJECTED} & targets
        d = FormDialog(tr("Сменить статус") if name == "status" else tr("Отклонить"), window)
        d.choice("status", tr("Новый статус"), [(lb.status(s), s.value) for s in sorted(targets)])
        d.text("reason", tr("Причина (для отклонения и возобновления)"), required=name == "reject")
        d.text("confirmation", tr("Что сделано (для «Решено»)"))
        v = d.ask()
        return (
            (a.set_status, incident_id, v["status"], v["reason"], v["confirmation"]) if v else None
        )
    if name == "note":
        d = FormDialog(tr("Внутренняя заметка"), window)
        d.text("text", tr("Текст"), required=True)
        v = d.ask()
        return (a.add_note, incident_id, v["text"]) if v else None
    return None
