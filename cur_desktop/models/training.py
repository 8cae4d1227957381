"""Wire models of training mode (issue 6), shared by the server and the workstation.

Times named `*_minute` are scenario minutes from the session's start on its virtual clock;
`datetime` fields are wall-clock UTC.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .contract import NO_NUL

Speed = Literal[1, 2, 5]
MAX_CODES = 50


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SessionState(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"


SESSION_STATE_LABELS: dict[SessionState, str] = {
    SessionState.READY: "Готово к началу",
    SessionState.RUNNING: "Идёт",
    SessionState.PAUSED: "Пауза",
    SessionState.STOPPED: "Завершено",
}


class SlaState(StrEnum):
    """A training incident's first-answer deadline on the session's clock."""

    RUNNING = "running"
    AT_RISK = "at_risk"
    OVERDUE = "overdue"
    MET = "met"
    MISSED = "missed"


class ScenarioInfo(BaseModel):
    name: str
    title: str
    description: str
    duration: float
    default_speed: Speed
    incidents: int


class ScenarioList(BaseModel):
    scenarios: list[ScenarioInfo]


class SessionCreate(_In):
    """A bundled scenario by `scenario` name, or the YAML itself in `scenario_text`: exactly one
    (the server answers 422 `invalid_scenario` otherwise)."""

    scenario: str | None = Field(default=None, max_length=100, pattern=NO_NUL)
    #: No pattern here: the scenario parser refuses NUL, with its line.
    scenario_text: str | None = Field(default=None, max_length=512 * 1024)
    title: str | None = Field(default=None, min_length=1, max_length=200, pattern=NO_NUL)
    speed: Speed | None = None


class Participant(BaseModel):
    user_id: int
    username: str
    full_name: str
    comment: str | None = None


class SessionOut(BaseModel):
    id: int
    title: str
    scenario_name: str | None
    state: SessionState
    speed: Speed
    trainer_id: int
    minute: float = Field(description="scenario minutes elapsed now")
    duration: float
    released: int
    total: int
    trainees: list[Participant]
    created_at: datetime
    started_at: datetime | None
    stopped_at: datetime | None


class SessionList(BaseModel):
    sessions: list[SessionOut]


class AddTrainees(_In):
    usernames: list[Annotated[str, Field(max_length=64, pattern=NO_NUL)]] = Field(
        min_length=1, max_length=200
    )


class CodesRequest(_In):
    count: int = Field(ge=1, le=MAX_CODES)


class CodesOut(BaseModel):
    """Shown once: the server keeps only their hashes."""

    codes: list[str]


class RedeemRequest(_In):
    """`device_secret`: a random secret the workstation makes once per sign-in attempt and sends
    again on a retry, so a retry after a lost answer (or a local failure) gets the same account
    back instead of «code used»; without it the code still works exactly once."""

    code: str = Field(min_length=4, max_length=32, pattern=NO_NUL)
    full_name: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    device_secret: str | None = Field(None, min_length=16, max_length=128, pattern=NO_NUL)


class SpeedIn(_In):
    speed: Speed


class CommentIn(_In):
    text: str = Field(max_length=4000, pattern=NO_NUL)


class ReplyView(BaseModel):
    id: int
    kind: str
    approval_state: str
    text: str
    created_at: datetime
    minute: float | None


class DraftView(BaseModel):
    """A reply still being written by a trainee (shared with the presence heartbeat)."""

    user_id: int
    full_name: str
    kind: str
    text: str
    updated_at: datetime
    minute: float | None
    writing_now: bool = Field(
        True,
        description="its author has the incident open now (a fresh heartbeat on it); false: "
        "they moved on and left the reply unsent",
    )


class IncidentView(BaseModel):
    id: int
    number: str
    key: str
    status: str
    importance: str
    released_minute: float
    due_minute: float
    sla: SlaState
    municipality_id: int
    sector: str
    category_id: int | None
    agency_id: int | None
    assignee_id: int | None
    replies: list[ReplyView]
    drafts: list[DraftView] = Field(
        default_factory=list, description="Replies being written now, by trainee"
    )


class TraineeLive(BaseModel):
    user_id: int
    username: str
    full_name: str
    claimed: int
    answered: int
    routed: int
    overdue: int
    incidents: list[IncidentView]


class LiveView(BaseModel):
    """What the trainer watches. Replies are those sent to the server (any approval state, the
    latest text of each); drafts are the replies trainees are writing now, as their
    workstations last reported them with the presence heartbeat."""

    session: SessionOut
    unassigned: list[IncidentView]
    trainees: list[TraineeLive]


class ScoreRow(BaseModel):
    user_id: int
    username: str
    full_name: str
    handled: int
    sla_met: int
    sla_due: int
    median_first_answer_minutes: float | None
    routing_correct: int
    routing_checked: int
    reply_kind_correct: int
    reply_kind_checked: int
    facts_present: int
    facts_expected: int
    forbidden_used: int
    replies: int
    replies_failed_checks: int
    comment: str | None


class Scorecard(BaseModel):
    session: SessionOut
    rows: list[ScoreRow]
