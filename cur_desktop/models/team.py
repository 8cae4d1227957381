"""The wire contract of the supervisor's console: presence, the team board, shift handover and
quality figures (`/api/v1/presence`, `/team`, `/handover`, `/quality`).

Like `contract.py`, both sides import these models and fields are only ever added with defaults.
Days ("answered today", quality periods) are the region's local days.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints

from .contract import MAX_NOTE_CHARS, MAX_REPLY_CHARS, NO_NUL, Id, WireModel, not_blank
from .domain import ReplyKind, Role
from .statuses import Status

#: The workstation reports itself this often, and at once when the user opens an incident or
#: starts typing a reply.
HEARTBEAT_SECONDS = 30
#: A heartbeat older than this no longer says who has an incident open (three missed beats).
PRESENCE_FRESH_SECONDS = 90
#: Seen within this: «в сети»; within AWAY_SECONDS: «отошёл»; else «не в сети».
ONLINE_SECONDS = 120
AWAY_SECONDS = 15 * 60
#: The longest quality period one request may cover.
MAX_QUALITY_DAYS = 732
#: Incidents listed in a handover, most urgent first; the count says how many there are in all.
MAX_HANDOVER_INCIDENTS = 500


class Activity(StrEnum):
    VIEWING = "viewing"
    WRITING = "writing"
    IDLE = "idle"


ACTIVITY_LABELS: dict[Activity, str] = {
    Activity.VIEWING: "просматривает",
    Activity.WRITING: "пишет ответ",
    Activity.IDLE: "не активен",
}


class PresenceState(StrEnum):
    ONLINE = "online"
    AWAY = "away"
    OFFLINE = "offline"
    #: Only on a board built from the local cache (no server to ask).
    UNKNOWN = "unknown"


PRESENCE_LABELS: dict[PresenceState, str] = {
    PresenceState.ONLINE: "В сети",
    PresenceState.AWAY: "Отошёл",
    PresenceState.OFFLINE: "Не в сети",
    PresenceState.UNKNOWN: "Нет данных",
}


class QualityItem(StrEnum):
    """The checklist of a quality review; the names are the fields of `ReviewQualityPayload`."""

    POLITE = "polite"
    CONCRETE_ACTION = "concrete_action"
    CORRECT_AGENCY = "correct_agency"
    ON_TIME = "on_time"
    NO_BRUSH_OFF = "no_brush_off"


QUALITY_ITEM_LABELS: dict[QualityItem, str] = {
    QualityItem.POLITE: "Вежливо",
    QualityItem.CONCRETE_ACTION: "Конкретные действия и сроки",
    QualityItem.CORRECT_AGENCY: "Верное ведомство",
    QualityItem.ON_TIME: "В срок",
    QualityItem.NO_BRUSH_OFF: "Без отписки",
}


# --- presence -------------------------------------------------------------------------------


class DraftIn(WireModel):
    """The reply a trainee is writing on the heartbeat's incident, as it stands now.

    Shared only in training, for the trainer's live view; an empty text withdraws it. A real
    operator's drafts never leave the workstation (the server refuses them).
    """

    kind: ReplyKind
    text: Annotated[str, StringConstraints(pattern=NO_NUL, max_length=MAX_REPLY_CHARS)]


class PresenceIn(WireModel):
    """A heartbeat: what the user is doing now (`incident_id` None: no incident open)."""

    incident_id: Id | None = None
    activity: Activity
    draft: DraftIn | None = Field(
        None, description="Training only: the trainee's current draft on this incident"
    )


class Colleague(WireModel):
    """Someone else who has the incident open, seen within PRESENCE_FRESH_SECONDS."""

    user_id: int
    full_name: str
    role: Role
    activity: Activity
    seen_at: datetime


class PresenceOut(WireModel):
    incident_id: int | None
    others: list[Colleague] = Field(
        description="Others viewing or writing to the incident now, writers first"
    )


# --- team board -----------------------------------------------------------------------------


class Load(WireModel):
    """Open incidents by where their running SLA deadline stands (the server's SLA clock)."""

    assigned: int = Field(description="Open incidents held")
    in_work: int = Field(description="Of those: in progress, routed or with an interim answer")
    at_risk: int = Field(description="In the last quarter of the allowed working time")
    overdue: int


class TeamMember(WireModel):
    user_id: int
    username: str
    full_name: str
    role: Role
    active: bool = Field(description="False: the account is disabled (it may still hold cases)")
    presence: PresenceState
    last_seen_at: datetime | None = None
    activity: Activity | None = Field(None, description="From the latest fresh heartbeat")
    current_incident_id: int | None = Field(
        None, description="Open on their screen now (only if the caller may see it)"
    )
    load: Load
    answered_today: int = Field(description="First answers they published today")
    median_first_answer_minutes: float | None = Field(
        None,
        description="Median wall-clock minutes from the start of the SLA clock (receipt or "
        "reopening) to today's first answers; None if none",
    )


class TeamBoard(WireModel):
    as_of: datetime
    day: date = Field(description="«Today» for the figures: the region's local date")
    members: list[TeamMember]
    unassigned: Load = Field(description="Open incidents nobody holds (`assigned` = their count)")
    from_cache: bool = Field(
        False, description="Built by the workstation from its cache, offline: presence unknown"
    )


# --- shift handover -------------------------------------------------------------------------


class HandoverIn(WireModel):
    text: not_blank(MAX_NOTE_CHARS)


class HandoverNote(WireModel):
    id: int
    text: str
    author_id: int
    author_name: str
    created_at: datetime


class LeftIncident(WireModel):
    """An open incident at risk or overdue: what the next shift must see to first."""

    id: int
    number: str
    status: Status
    overdue: bool
    due: datetime = Field(description="The running deadline: first answer, or final answer")
    assignee_id: int | None = None
    assignee_name: str | None = None


class Handover(WireModel):
    note: HandoverNote | None = Field(description="None when no note was written yet")
    as_of: datetime = Field(description="When the incident list was made: at this request")
    total: int = Field(description="Incidents at risk or overdue in all")
    incidents: list[LeftIncident] = Field(
        description=f"Overdue first, then at risk, by due time; at most {MAX_HANDOVER_INCIDENTS}"
    )


# --- quality --------------------------------------------------------------------------------


class QualityShares(WireModel):
    """Share of reviews (0..1) in which each checklist item was met."""

    polite: float = Field(ge=0, le=1)
    concrete_action: float = Field(ge=0, le=1)
    correct_agency: float = Field(ge=0, le=1)
    on_time: float = Field(ge=0, le=1)
    no_brush_off: float = Field(ge=0, le=1)


class OperatorQuality(WireModel):
    user_id: int
    full_name: str
    reviewed: int
    shares: QualityShares
    score: float = Field(ge=0, le=1, description="Items met over items checked, all reviews")


class QualityReport(WireModel):
    date_from: date
    date_to: date
    reviewed: int
    operators: list[OperatorQuality] = Field(description="Lowest score first")
