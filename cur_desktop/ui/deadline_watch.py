"""Deadline warnings for the window's user: once when one of their open incidents comes under
threat («под угрозой»), once more when it is overdue — in the status bar and the tray. States
are counted by the server's time (`SlaView.now`), like everything the window shows."""

from __future__ import annotations

from cur_desktop.models.sla import SlaState

from .aio import in_db
from .i18n import tr


class DeadlineWatch:
    def __init__(self, window):
        self.window = window
        self._warned: dict[int, str] = {}  # incident id → the state last warned about

    async def check(self) -> None:
        w = self.window
        mine = await in_db(w.service.my_open_deadlines)
        now = w.sla.now()
        for row in mine:
            shown = w.sla.show(row["sla_due"], row.get("sla_risk_at"), now)
            if shown.state not in (SlaState.at_risk, SlaState.overdue):
                continue
            if self._warned.get(row["id"]) == shown.state.value:
                continue
            self._warned[row["id"]] = shown.state.value
            w.notified.emit(row["id"], shown.state.value)
            title = (
                tr("Срок под угрозой") if shown.state is SlaState.at_risk else tr("Срок нарушен")
            )
            w.status.notify(title, f"{row['number']}: {shown.text}")
