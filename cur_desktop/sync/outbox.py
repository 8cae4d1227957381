"""The outbox: every local write waiting for the server, in the same file as the cache.

An entry is written in the same transaction as the local change it describes, and leaves the
outbox only when the server has answered for it. Work the server refused (a conflict, a
rejection) moves to `problems` with the server's reason, to be applied again or discarded by the
user: nothing a user wrote is dropped silently.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import Connection, delete, func, insert, select, update

from cur_desktop.models import contract as c
from cur_desktop.models.cache.bulk import materialize_many, server_states
from cur_desktop.models.cache.incidents import ensure_base, materialize, set_base, set_bases
from cur_desktop.models.cache.schema import incident_base, outbox, problems
from cur_desktop.models.cache.store import CacheStore
from cur_desktop.models.clock import Clock
from cur_desktop.models.domain import MutationType, Outcome
from cur_desktop.models.said import said

log = logging.getLogger(__name__)
_mutation = TypeAdapter(c.Mutation)


class InvalidAction(ValueError):
    """A local action that could never be sent (bad values): nothing is written."""


@dataclass
class Settled:
    applied: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    incidents: set[int] = field(default_factory=set)


def validate(type_: MutationType | str, incident_id: int, payload: dict[str, Any]) -> dict:
    """The wire form of a mutation, checked against the contract before anything is stored."""
    try:
        m = _mutation.validate_python(
            {
                "mutation_id": uuid.uuid4(),
                "type": MutationType(type_),
                "incident_id": incident_id,
                "payload": payload,
            }
        )
    except (ValidationError, ValueError) as exc:
        raise InvalidAction(said("invalid_action", f"Некорректное действие: {exc}")) from exc
    return m.model_dump(mode="json")


class Outbox:
    def __init__(self, store: CacheStore, clock: Clock | None = None):
        """`clock` stamps entries and problems by the server's time: a local reply is shown
        among the server's ones in the card, in the order they happened."""
        self.store = store
        self.clock = clock or Clock()

    def me(self, conn: Connection) -> dict[str, Any]:
        return self.store.get_meta(conn, "user", {}) or {}

    def record(
        self, conn: Connection, type_: MutationType | str, incident_id: int, payload: dict
    ) -> str:
        """Queue one mutation and show its effect locally, inside the caller's transaction."""
        wire = validate(type_, incident_id, payload)
        base = conn.execute(
            select(incident_base.c.json).where(incident_base.c.incident_id == incident_id)
        ).scalar()
        server_state = json.loads(base) if base is not None else ensure_base(conn, incident_id)
        conn.execute(
            insert(outbox).values(
                mutation_id=wire["mutation_id"],
                type=wire["type"],
                incident_id=incident_id,
                base_version=server_state["version"],
                payload=json.dumps(wire["payload"], ensure_ascii=False),
                created_at=int(self.clock.timestamp()),
            )
        )
        materialize(conn, incident_id, self.me(conn))
        return wire["mutation_id"]

    def record_many(
        self, conn: Connection, items: Sequence[tuple[MutationType | str, int, dict]]
    ) -> list[str]:
        """Queue many mutations `(type, incident_id, payload)`, in order, and show their
        effect locally, inside the caller's transaction: the same rows as `record` for each in
        turn, in a few statements. Every one is checked before anything is written
        (InvalidAction); KeyError names the first incident not in the cache."""
        wires = [validate(t, i, p) for t, i, p in items]
        ids = list(dict.fromkeys(i for _, i, _ in items))
        if not ids:
            return []
        states, based = server_states(conn, ids)
        set_bases(conn, {i: states[i] for i in ids if i not in based})
        now = int(self.clock.timestamp())
        conn.execute(
            insert(outbox),
            [
                {
                    "mutation_id": w["mutation_id"],
                    "type": w["type"],
                    "incident_id": w["incident_id"],
                    "base_version": states[w["incident_id"]]["version"],
                    "payload": json.dumps(w["payload"], ensure_ascii=False),
                    "created_at": now,
                }
                for w in wires
            ],
        )
        materialize_many(conn, {i: states[i] for i in ids}, self.me(conn))
        return [w["mutation_id"] for w in wires]

    def next_batch(self, limit: int = 100) -> list[dict[str, Any]]:
        with self.store.read() as conn:
            rows = conn.execute(select(outbox).order_by(outbox.c.seq).limit(limit)).mappings()
            return [dict(r) for r in rows]

    def pending_count(self) -> int:
        with self.store.read() as conn:
            return conn.execute(select(func.count()).select_from(outbox)).scalar_one()

    @staticmethod
    def wire(entries: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "mutations": [
                {
                    "mutation_id": e["mutation_id"],
                    "type": e["type"],
                    "incident_id": e["incident_id"],
                    "base_version": e["base_version"],
                    "payload": json.loads(e["payload"]),
                }
                for e in entries
            ]
        }

    def settle(self, entries: list[dict[str, Any]], results: c.MutationResults) -> Settled:
        """Apply the server's answers in one transaction: done, kept as a problem, or rebased."""
        sent = {e["mutation_id"]: e for e in entries}
        out = Settled()
        with self.store.write() as conn:
            me = self.me(conn)
            for result in results.results:
                entry = sent.get(str(result.mutation_id))
                if entry is None:
                    continue  # an answer for something we did not send: ignore, never apply
                outcome = result.outcome
                if outcome is Outcome.DUPLICATE:
                    out.duplicates += 1
                    outcome = result.first_outcome or Outcome.APPLIED
                if outcome is Outcome.APPLIED:
                    out.applied += result.outcome is not Outcome.DUPLICATE
                else:
                    out.conflicts += outcome is Outcome.CONFLICT
                    out.rejected += outcome is Outcome.REJECTED
                    self._keep_problem(conn, entry, outcome, result)
                conn.execute(delete(outbox).where(outbox.c.seq == entry["seq"]))
                if result.incident is not None:
                    set_base(conn, entry["incident_id"], result.incident.model_dump(mode="json"))
                out.incidents.add(entry["incident_id"])
            for incident_id in out.incidents:
                materialize(conn, incident_id, me)
        return out

    def _keep_problem(self, conn: Connection, entry: dict, outcome: Outcome, result) -> None:
        exists = conn.execute(
            select(problems.c.id).where(problems.c.mutation_id == entry["mutation_id"])
        ).first()
        if exists:
            return
        conn.execute(
            insert(problems).values(
                mutation_id=entry["mutation_id"],
                type=entry["type"],
                incident_id=entry["incident_id"],
                payload=entry["payload"],
                outcome=outcome.value,
                error=result.error,
                reason=result.reason,
                created_at=int(self.clock.timestamp()),
            )
        )
        log.info("mutation %s kept as %s (%s)", entry["mutation_id"], outcome.value, result.error)

    def note_failure(self, entries: list[dict[str, Any]], error: str) -> None:
        seqs = [e["seq"] for e in entries]
        with self.store.write() as conn:
            conn.execute(
                update(outbox)
                .where(outbox.c.seq.in_(seqs))
                .values(attempts=outbox.c.attempts + 1, last_error=error[:500])
            )

    # --- problems: the user's kept work -----------------------------------------------------

    def problems(self, include_resolved: bool = False) -> list[dict[str, Any]]:
        with self.store.read() as conn:
            q = select(problems).order_by(problems.c.id)
            if not include_resolved:
                q = q.where(problems.c.resolved_at.is_(None))
            return [dict(r) for r in conn.execute(q).mappings()]

    def retry_problem(self, conn: Connection, problem_id: int) -> str:
        """Apply kept work again, as a new mutation on top of the current server state."""
        row = conn.execute(select(problems).where(problems.c.id == problem_id)).mappings().first()
        if row is None or row["resolved_at"] is not None:
            raise InvalidAction(said("no_such_edit", "Нет такой неотправленной правки"))
        mutation_id = self.record(conn, row["type"], row["incident_id"], json.loads(row["payload"]))
        self._resolve(conn, problem_id)
        return mutation_id

    def discard_problem(self, conn: Connection, problem_id: int) -> None:
        self._resolve(conn, problem_id)

    def _resolve(self, conn: Connection, problem_id: int) -> None:
        conn.execute(
            update(problems)
            .where(problems.c.id == problem_id)
            .values(resolved_at=int(self.clock.timestamp()))
        )
