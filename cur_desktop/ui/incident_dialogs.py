"""The forms that ask what an incident action needs before it is done: the agency to route to,
the sector and category, the new status with its reason, a note. `open_action` opens the form
with `open()` (never a modal loop under the qasync loop) and hands the LocalActions call to
make, (function, *arguments), to `on_chosen` once the user has answered."""

from __future__ import annotations

from collections.abc import Callable

from cur_desktop.models.suggest import Suggested, rank_agencies

from .dialogs import FormDialog
from .i18n import tr
from .status_dialog import status_dialog

#: The mark of a suggested entry in a choice list.
SUGGESTED = "★ "


def marked(ranked: list[Suggested]) -> list[tuple[str, int]]:
    """(label, id) for a combo box: suggested entries first, marked with a star."""
    return [((SUGGESTED if s.suggested else "") + s.name, s.id) for s in ranked]


def agency_choice(dialog: FormDialog, reference, sector, municipality_id, current=None) -> None:
    """The agency field: nothing chosen, those fitting the sector and municipality on top."""
    agencies = reference.agencies if reference else []
    ranked = rank_agencies(agencies, sector, municipality_id)
    dialog.choice(
        "agency_id",
        tr("Ведомство") + " *",
        marked(ranked),
        current,
        placeholder=tr("— выберите ведомство —"),
    )
    if any(s.suggested for s in ranked):
        dialog.form.addRow("", dialog.hint(tr("★ — подходит по сфере и муниципалитету")))


def open_action(window, name: str, incident_id: int, on_chosen: Callable[[tuple], None]) -> None:
    """Ask the user where the action needs it, then `on_chosen((function, *arguments))`."""
    a, lb, card = window.ws.actions, window.labels, window.card.incident or {}
    if name in ("claim", "release"):
        on_chosen((a.claim if name == "claim" else a.release, incident_id))
        return
    if name in ("status", "reject"):
        dialog = status_dialog(window, card["status"], reject=name == "reject")
        if dialog is None:
            window.status.showMessage(tr("Из этого статуса отклонить нельзя"), 5000)
            return
        dialog.chosen.connect(lambda *v: on_chosen((a.set_status, incident_id, *v)))
        window.action_dialog = dialog
        dialog.open()
        return
    d = FormDialog(tr("Направить в ведомство"), window)
    if name == "route":
        agency_choice(d, window.reference, card.get("sector"), card.get("municipality_id"))
        d.text("note", tr("Комментарий"))

        def call(v):
            return (a.route, incident_id, v["agency_id"], v["note"])

    elif name == "category":
        d.setWindowTitle(tr("Сфера и рубрика"))
        d.choice("sector", tr("Сфера"), [(n, c) for c, n in lb.sectors.items()], card.get("sector"))
        cats = [(f"{lb.sector(x.sector)}: {x.name}", x.id) for x in window.reference.categories]
        d.choice("category_id", tr("Рубрика"), [(tr("—"), None), *cats], card.get("category_id"))
        d.choice(
            "importance",
            tr("Важность"),
            [(tr("Обычная"), "normal"), (tr("Высокая"), "high")],
            card.get("importance"),
        )

        def call(v):
            return (a.set_category, incident_id, v["sector"], v["category_id"], v["importance"])

    elif name == "note":
        d.setWindowTitle(tr("Внутренняя заметка"))
        d.text("text", tr("Текст") + " *", required=True)

        def call(v):
            return (a.add_note, incident_id, v["text"])

    else:
        return
    d.form.addRow(d.error)
    d.form.addRow(d.buttons)
    d.accepted.connect(lambda: on_chosen(call(d.values())))
    window.action_dialog = d
    d.open()
