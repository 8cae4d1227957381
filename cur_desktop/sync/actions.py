"""The user's actions, as the UI calls them: each is one local transaction (the visible change
and its outbox entry together), returns at once, and wakes the sync engine. The UI never waits
for the network."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from cur_desktop.models.cache.schema import drafts, incidents, problems
from cur_desktop.models.cache.store import CacheStore
from cur_desktop.models.clock import Clock
from cur_desktop.models.contract import MAX_REPLY_CHARS
from cur_desktop.models.domain import MutationType
from cur_desktop.models.holder import HOLDER_ONLY, holder_refusal, refusal_message
from cur_desktop.models.said import said

from .outbox import InvalidAction, Outbox


class LocalActions:
    def __init__(
        self,
        store: CacheStore,
        on_change: Callable[[], None] | None = None,
        clock: Clock | None = None,
    ):
        self.store = store
        self.outbox = Outbox(store, clock)
        self.on_change = on_change or (lambda: None)

    def _do(self, type_: MutationType, incident_id: int, payload: dict[str, Any] | None = None):
        with self.store.write() as conn:
            if type_ in HOLDER_ONLY:
                self._require_holder(conn, incident_id)
            try:
                mutation_id = self.outbox.record(conn, type_, incident_id, payload or {})
            except KeyError as exc:
                raise InvalidAction(
                    said("not_cached", "Обращение не найдено в локальном кэше")
                ) from exc
            if type_ is MutationType.ADD_REPLY:
                conn.execute(
                    delete(drafts).where(
                        drafts.c.incident_id == incident_id, drafts.c.kind == payload["kind"]
                    )
                )
        self.on_change()
        return mutation_id

    def _require_holder(self, conn, incident_id: int) -> None:
        """The server's holder rule, before anything is written: a reply to a colleague's
        case is refused here, not accepted and then parked among unsaved edits."""
        assignee = conn.execute(
            select(incidents.c.assignee_id).where(incidents.c.id == incident_id)
        ).first()
        if assignee is None:
            return  # not in the cache: `record` says so
        me = self.outbox.me(conn)
        if me.get("id") is None:
            return  # no signed-in user recorded (a bare cache): the server decides
        refusal = holder_refusal(me.get("role", "operator"), me.get("id"), assignee[0])
        # Only a colleague's case is refused here; an unclaimed one the server still refuses
        # by itself (kept in «Не принятые сервером правки» with its reason).
        if refusal is not None and refusal.holder_id is not None:
            users = (self.store.get_meta(conn, "reference", {}) or {}).get("users", [])
            names = {u["id"]: u.get("full_name") for u in users}
            raise InvalidAction(refusal_message(refusal, names.get(refusal.holder_id)))

    def claim(self, incident_id: int) -> str:
        return self._do(MutationType.CLAIM, incident_id)

    def release(self, incident_id: int) -> str:
        return self._do(MutationType.RELEASE, incident_id)

    def assign(self, incident_id: int, assignee_id: int | None) -> str:
        return self._do(MutationType.ASSIGN, incident_id, {"assignee_id": assignee_id})

    def assign_many(self, incident_ids: Iterable[int], assignee_id: int | None) -> list[str]:
        """Reassign many incidents as one user action: every local change and outbox entry in
        one transaction, so either all of them wait for the server or (bad input) none does.
        The engine pushes them in batches; each lands on the server exactly once."""
        ids = list(dict.fromkeys(incident_ids))  # in order, each once
        if not ids:
            raise InvalidAction(said("none_chosen", "Не выбрано ни одного обращения"))
        payload = {"assignee_id": assignee_id}
        with self.store.write() as conn:
            try:
                done = self.outbox.record_many(
                    conn, [(MutationType.ASSIGN, i, payload) for i in ids]
                )
            except KeyError as exc:
                raise InvalidAction(
                    said(
                        "number_not_cached",
                        f"Обращение {exc.args[0]} не найдено в локальном кэше",
                        number=exc.args[0],
                    )
                ) from exc
        self.on_change()
        return done

    def unassign_many(self, incident_ids: Iterable[int]) -> list[str]:
        return self.assign_many(incident_ids, None)

    def set_status(
        self,
        incident_id: int,
        status: str,
        reason: str | None = None,
        confirmation: str | None = None,
    ) -> str:
        payload = {"status": status, "reason": reason, "confirmation": confirmation}
        return self._do(MutationType.SET_STATUS, incident_id, payload)

    def set_category(
        self, incident_id: int, sector: str, category_id: int | None, importance: str | None = None
    ) -> str:
        payload = {"sector": sector, "category_id": category_id, "importance": importance}
        return self._do(MutationType.SET_CATEGORY, incident_id, payload)

    def set_municipality(self, incident_id: int, municipality_id: int, reason: str | None = None):
        payload = {"municipality_id": municipality_id, "reason": reason}
        return self._do(MutationType.SET_MUNICIPALITY, incident_id, payload)

    def route(self, incident_id: int, agency_id: int, note: str | None = None) -> str:
        return self._do(MutationType.ROUTE, incident_id, {"agency_id": agency_id, "note": note})

    def add_reply(
        self, incident_id: int, kind: str, text: str, template_id: int | None = None
    ) -> str:
        payload = {"kind": kind, "text": text, "template_id": template_id}
        return self._do(MutationType.ADD_REPLY, incident_id, payload)

    def approve_reply(self, incident_id: int, reply_id: int, text: str | None = None) -> str:
        """Publish a pending reply; with `text`, corrected to it («согласовать с правкой»)."""
        payload: dict = {"reply_id": reply_id}
        if text is not None:
            payload["text"] = text
        return self._do(MutationType.APPROVE_REPLY, incident_id, payload)

    def return_reply(self, incident_id: int, reply_id: int, comment: str) -> str:
        payload = {"reply_id": reply_id, "comment": comment}
        return self._do(MutationType.RETURN_REPLY, incident_id, payload)

    def add_note(self, incident_id: int, text: str) -> str:
        return self._do(MutationType.ADD_NOTE, incident_id, {"text": text})

    def review_quality(
        self,
        incident_id: int,
        *,
        polite: bool,
        concrete_action: bool,
        correct_agency: bool,
        on_time: bool,
        no_brush_off: bool,
        comment: str | None = None,
    ) -> str:
        """A supervisor's checklist on the incident's latest published answer."""
        payload = {
            "polite": polite,
            "concrete_action": concrete_action,
            "correct_agency": correct_agency,
            "on_time": on_time,
            "no_brush_off": no_brush_off,
            "comment": (comment or "").strip() or None,
        }
        return self._do(MutationType.REVIEW_QUALITY, incident_id, payload)

    # --- kept work ------------------------------------------------------------------------

    def retry_problem(self, problem_id: int) -> str:
        """Kept work applied again meets the same holder rule as new work: a case a colleague
        took meanwhile refuses it here (the work stays kept), not after a round trip."""
        with self.store.write() as conn:
            kept = conn.execute(
                select(problems.c.type, problems.c.incident_id).where(problems.c.id == problem_id)
            ).first()
            if kept is not None and kept.type in HOLDER_ONLY:
                self._require_holder(conn, kept.incident_id)
            mutation_id = self.outbox.retry_problem(conn, problem_id)
        self.on_change()
        return mutation_id

    def discard_problem(self, problem_id: int) -> None:
        with self.store.write() as conn:
            self.outbox.discard_problem(conn, problem_id)

    # --- drafts: saved as typed (the UI debounces), so a crash loses seconds at most -------

    def save_draft(
        self, incident_id: int, kind: str, text: str, template_id: int | None = None
    ) -> None:
        if len(text) > MAX_REPLY_CHARS:
            raise InvalidAction(
                said("reply_too_long", f"Ответ длиннее {MAX_REPLY_CHARS} знаков", n=MAX_REPLY_CHARS)
            )
        stmt = sqlite_insert(drafts).values(
            incident_id=incident_id,
            kind=kind,
            text=text,
            template_id=template_id,
            updated_at=int(self.outbox.clock.timestamp()),
        )
        with self.store.write(touches_queue=False) as conn:  # drafts are not in the queue
            conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=["incident_id", "kind"],
                    set_={
                        "text": stmt.excluded.text,
                        "template_id": stmt.excluded.template_id,
                        "updated_at": stmt.excluded.updated_at,
                    },
                )
            )

    def load_draft(self, incident_id: int, kind: str) -> dict[str, Any] | None:
        with self.store.read() as conn:
            row = (
                conn.execute(
                    select(drafts).where(drafts.c.incident_id == incident_id, drafts.c.kind == kind)
                )
                .mappings()
                .first()
            )
            return dict(row) if row else None
