"""The wire contract between the workstation and the central server.

Both sides import these models: the server validates requests and renders its OpenAPI spec from
them, the client validates every response with them. A change here is a change of the protocol,
so fields are only ever added with defaults, never renamed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

from .domain import (
    ApprovalState,
    Channel,
    DeliveryState,
    Importance,
    MutationType,
    Outcome,
    ReplyKind,
    Role,
    Sector,
)
from .statuses import Status

API_PREFIX = "/api/v1"

#: Caps that keep one request or one page from exhausting either side.
MAX_TEXT_CHARS = 20_000
MAX_REPLY_CHARS = 10_000
MAX_NOTE_CHARS = 5_000
MAX_MUTATIONS_PER_BATCH = 200
MAX_INGEST_PER_BATCH = 500
MAX_CHANGES_PAGE = 1_000
DEFAULT_CHANGES_PAGE = 200
MAX_REQUEST_BYTES = 2 * 1024 * 1024
#: Attachments (photos) the server stores: the largest file kept, the long side of a thumbnail
#: in pixels, and files per incident.
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
THUMBNAIL_SIZE = 320
MAX_FILES_PER_INCIDENT = 20
#: A message cannot have been received before the centres existed, nor later than the server's
#: clock plus a day of a collector's clock skew. Further dates are typos or attacks: a year 9998
#: deadline would make every board walk the calendar for millennia. The server checks these
#: (400 `bad_date`): "ahead of now" is more than a JSON schema can say.
EARLIEST_RECEIVED_AT = datetime(2000, 1, 1, tzinfo=UTC)
MAX_RECEIVED_AHEAD = timedelta(days=1)

#: The largest integer every JSON reader holds exactly (JavaScript, validators that go through
#: float); a bound above it cannot be checked the same way on both sides. Caps the change cursor.
MAX_SAFE_INT = 2**53 - 1
#: Ids and versions are `integer` columns, 32-bit on PostgreSQL: a larger one is refused here
#: instead of failing in the database.
MAX_DB_INT = 2**31 - 1

#: Every answer says when the server sent it (milliseconds since the epoch, as an integer), so
#: a workstation whose own clock is off still counts deadlines by the server's time. Finer than
#: HTTP's `Date` (whole seconds), which the client falls back to when this header is missing.
SERVER_TIME_HEADER = "X-Server-Time"


def server_time_value(epoch_seconds: float) -> str:
    return str(round(epoch_seconds * 1000))


def parse_server_time(value: str | None) -> float | None:
    """Seconds since the epoch, or None for a missing or malformed header."""
    if value is None or not value.isdigit() or len(value) > 15:
        return None
    return int(value) / 1000


def server_time_of(headers: Mapping[str, str]) -> float | None:
    """When the server sent an answer (seconds since the epoch): SERVER_TIME_HEADER, else the
    standard `Date` (taken at the middle of its second), else None."""
    exact = parse_server_time(headers.get(SERVER_TIME_HEADER))
    if exact is not None:
        return exact
    try:
        return parsedate_to_datetime(headers["Date"]).timestamp() + 0.5
    except (KeyError, TypeError, ValueError, IndexError):
        return None


def _json_integer(value: Any) -> Any:
    """JSON Schema's `integer`: 7 and 7.0, but not `true` or `"7"`, which lax pydantic would take
    (a mutation on incident `true` would change incident 1)."""
    if isinstance(value, bool | str | bytes):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


# The bounds come before the validator, or pydantic leaves them out of the JSON schema.
Id = Annotated[int, Field(ge=1, le=MAX_DB_INT), BeforeValidator(_json_integer)]
Version = Annotated[int, Field(ge=0, le=MAX_DB_INT), BeforeValidator(_json_integer)]
#: PostgreSQL text cannot hold NUL: refused with the request rather than failing in the database.
NO_NUL = r"^[^\x00]*$"
#: Unicode White_Space, what pydantic's `strip_whitespace` trims; spelled out because `\s`
#: differs between Python's, Rust's and JSON Schema's (ECMAScript) regular expressions.
_SPACE = r"\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
#: At least one visible character and no NUL: the schema itself says a blank text is refused,
#: so what the server trims to nothing is never "schema-valid".
NOT_BLANK = rf"^[^\x00]*[^\x00{_SPACE}][^\x00]*$"


def not_blank(max_length: int) -> Any:
    """A trimmed text that must say something (notes, reasons, names)."""
    return Annotated[
        str,
        StringConstraints(
            pattern=NOT_BLANK, min_length=1, max_length=max_length, strip_whitespace=True
        ),
    ]


ShortText = not_blank(200)
#: No spaces or control characters; spelled out because `\S` means different things in Python's
#: and in JSON Schema's (ECMAScript) regular expressions.
Url = Annotated[
    str, StringConstraints(max_length=2_000, pattern=r"^https?://[^\x00-\x20\x7f-\xa0]+$")
]


class WireModel(BaseModel):
    """Unknown fields are refused so a typo in a client never passes silently."""

    model_config = ConfigDict(extra="forbid")


# --- workstation versions -----------------------------------------------------------------

#: The header every workstation request carries its version in; the server refuses mutations
#: from a version older than its minimum with 426 and `CLIENT_TOO_OLD`.
CLIENT_VERSION_HEADER = "X-Client-Version"
CLIENT_TOO_OLD = "client_too_old"
VERSION_PATTERN = r"^\d+(\.\d+){0,3}$"


def version_key(version: str) -> tuple[int, ...]:
    """`"0.10.2"` → `(0, 10, 2)`, padded so that "1.2" equals "1.2.0"; a version that is not
    dotted numbers sorts before every real one."""
    parts = version.strip().split(".")
    if not all(p.isdigit() for p in parts):
        return (-1,)
    numbers = [int(p) for p in parts]
    return tuple(numbers + [0] * (4 - len(numbers)))


class ClientVersion(WireModel):
    """The workstation versions the server works with. A workstation only says so: nothing is
    downloaded or installed by itself."""

    current: str = Field(pattern=VERSION_PATTERN, description="The newest workstation version")
    minimum: str = Field(
        pattern=VERSION_PATTERN,
        description="Older workstations may read but not write (mutations answer 426)",
    )


class ErrorBody(WireModel):
    error: str = Field(description="Machine-readable code, e.g. `not_found`, `invalid_request`")
    message: str = Field(description="Human-readable explanation (Russian)")
    details: Any = None


# --- auth -----------------------------------------------------------------------------------


class LoginRequest(WireModel):
    username: not_blank(64)
    password: Annotated[str, StringConstraints(min_length=1, max_length=256)]


class RefreshRequest(WireModel):
    refresh_token: Annotated[str, StringConstraints(min_length=10, max_length=512)]


class UserOut(WireModel):
    id: int
    username: str
    full_name: str
    role: Role
    municipality_ids: list[int] = Field(
        default_factory=list, description="Scope of a district official; empty for others"
    )
    needs_approval: bool = False


class TokenPair(WireModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Seconds until the access token expires")
    user: UserOut


class LogoutResult(WireModel):
    revoked: bool


# --- reference data -------------------------------------------------------------------------


class RegionOut(WireModel):
    code: str
    name: str
    timezone: str


class NamedCode(WireModel):
    code: str
    name: str


class StatusOut(WireModel):
    code: Status
    name: str
    targets: list[Status]


class CategoryOut(WireModel):
    id: int
    code: str
    name: str
    sector: Sector


class MunicipalityOut(WireModel):
    id: int
    code: str
    name: str
    kind: str


class AgencyOut(WireModel):
    id: int
    code: str
    name: str
    sector: Sector | None = None
    municipality_id: int | None = None


class PublicUserOut(WireModel):
    id: int
    username: str
    full_name: str
    role: Role
    municipality_ids: list[int] = Field(default_factory=list)


class TemplateOut(WireModel):
    id: int
    code: str
    title: str
    sector: Sector | None = None
    category_id: int | None = None
    kind: ReplyKind
    text: str
    version: int
    active: bool


class Reference(WireModel):
    region: RegionOut
    sectors: list[NamedCode]
    channels: list[NamedCode]
    statuses: list[StatusOut]
    categories: list[CategoryOut]
    municipalities: list[MunicipalityOut]
    agencies: list[AgencyOut]
    users: list[PublicUserOut]
    templates: list[TemplateOut]
    sla_policy: dict[str, Any]
    calendar: dict[str, Any]


# --- incidents ------------------------------------------------------------------------------


class ReplyOut(WireModel):
    id: int
    client_id: str | None = Field(None, description="mutation_id of the add_reply that made it")
    kind: ReplyKind
    text: str
    author_id: int
    template_id: int | None = None
    approval_state: ApprovalState
    created_at: datetime
    reviewed_by: int | None = None
    reviewed_at: datetime | None = None
    review_comment: str | None = None
    delivery_state: DeliveryState | None = Field(
        None, description="For a reply the server delivers to the citizen's channel; else None"
    )
    delivery_error: str | None = Field(None, description="Why the channel refused the reply")
    delivered_at: datetime | None = Field(None, description="When the channel accepted it")


class EventOut(WireModel):
    id: int
    version: int
    at: datetime
    actor_id: int | None = None
    kind: str
    data: dict[str, Any] = Field(default_factory=dict)


class AttachmentOut(WireModel):
    """A file the server stores for an incident (a citizen's photo). Its bytes are fetched by
    `attachment_path`, its thumbnail (JPEG) by `attachment_path(..., thumbnail=True)`, read
    with the same rights as the incident itself."""

    id: int
    name: str = Field(description="The name it came under (the sender's, untrusted text)")
    media_type: str
    size: int
    thumbnail: bool = Field(description="Whether a thumbnail exists (images the server read)")


def attachment_path(incident_id: int, attachment_id: int, *, thumbnail: bool = False) -> str:
    """Where one stored file of an incident is fetched (under API_PREFIX)."""
    tail = "/thumbnail" if thumbnail else ""
    return f"/incidents/{incident_id}/attachments/{attachment_id}{tail}"


class IncidentOut(WireModel):
    id: int
    number: str
    channel: Channel
    source_id: str
    source_url: str | None = None
    author_name: str | None = Field(None, description="None for an anonymous author")
    text: str
    attachments: list[str] = Field(
        default_factory=list, description="Links to files elsewhere (as collectors sent them)"
    )
    files: list[AttachmentOut] = Field(
        default_factory=list, description="Files the server stores (photos), with thumbnails"
    )
    received_at: datetime
    municipality_id: int
    sector: Sector
    category_id: int | None = None
    importance: Importance
    status: Status
    assignee_id: int | None = None
    agency_id: int | None = None
    sla_started_at: datetime
    first_answer_due: datetime | None = None
    first_answered_at: datetime | None = None
    final_answer_due: datetime | None = None
    final_answered_at: datetime | None = None
    version: int
    updated_at: datetime
    training_session_id: int | None = None
    replies: list[ReplyOut] = Field(default_factory=list)
    events: list[EventOut] = Field(default_factory=list)


class ChangesPage(WireModel):
    items: list[IncidentOut]
    removed: list[int] = Field(description="Incidents that left the caller's scope")
    cursor: int = Field(description="Pass back as `cursor` to get what came after this page")
    has_more: bool


# --- mutations ------------------------------------------------------------------------------

Reason = not_blank(1_000)


class EmptyPayload(WireModel):
    pass


class AssignPayload(WireModel):
    assignee_id: Id | None = Field(None, description="None leaves the incident unassigned")


class SetStatusPayload(WireModel):
    status: Status
    reason: Reason | None = Field(None, description="Required when rejecting")
    confirmation: Reason | None = Field(
        None, description="Required for `resolved`: what was actually done"
    )


class SetCategoryPayload(WireModel):
    sector: Sector
    category_id: Id | None = None
    importance: Importance | None = None


class SetMunicipalityPayload(WireModel):
    municipality_id: Id
    reason: Reason | None = None


class RoutePayload(WireModel):
    agency_id: Id
    note: Annotated[str, StringConstraints(pattern=NO_NUL, max_length=MAX_NOTE_CHARS)] | None = None


ReplyText = Annotated[
    str, StringConstraints(pattern=NO_NUL, min_length=1, max_length=MAX_REPLY_CHARS)
]


class AddReplyPayload(WireModel):
    kind: ReplyKind
    text: ReplyText
    template_id: Id | None = None


class ApproveReplyPayload(WireModel):
    reply_id: Id
    text: ReplyText | None = Field(
        None,
        description="Approve with a correction: the text to publish instead of the author's "
        "(the same rules as a new reply; the author's text stays in the event)",
    )


class ReturnReplyPayload(WireModel):
    reply_id: Id
    comment: Reason


class NotePayload(WireModel):
    text: not_blank(MAX_NOTE_CHARS)


class ReviewQualityPayload(WireModel):
    """A supervisor's checklist on the incident's latest published answer: true means met."""

    polite: StrictBool
    concrete_action: StrictBool = Field(description="Says what will be done, by whom and when")
    correct_agency: StrictBool
    on_time: StrictBool
    no_brush_off: StrictBool = Field(description="Not a formal reply that answers nothing")
    comment: not_blank(MAX_NOTE_CHARS) | None = None


class _MutationBase(WireModel):
    mutation_id: UUID = Field(description="Client-made UUID; resending it is harmless")
    incident_id: Id
    base_version: Version | None = Field(
        None, description="Incident version the user saw; stale → `conflict`"
    )


class ClaimMutation(_MutationBase):
    type: Literal[MutationType.CLAIM]
    payload: EmptyPayload = Field(default_factory=EmptyPayload)


class ReleaseMutation(_MutationBase):
    type: Literal[MutationType.RELEASE]
    payload: EmptyPayload = Field(default_factory=EmptyPayload)


class AssignMutation(_MutationBase):
    type: Literal[MutationType.ASSIGN]
    payload: AssignPayload


class SetStatusMutation(_MutationBase):
    type: Literal[MutationType.SET_STATUS]
    payload: SetStatusPayload


class SetCategoryMutation(_MutationBase):
    type: Literal[MutationType.SET_CATEGORY]
    payload: SetCategoryPayload


class SetMunicipalityMutation(_MutationBase):
    type: Literal[MutationType.SET_MUNICIPALITY]
    payload: SetMunicipalityPayload


class RouteMutation(_MutationBase):
    type: Literal[MutationType.ROUTE]
    payload: RoutePayload


class AddReplyMutation(_MutationBase):
    type: Literal[MutationType.ADD_REPLY]
    payload: AddReplyPayload


class ApproveReplyMutation(_MutationBase):
    type: Literal[MutationType.APPROVE_REPLY]
    payload: ApproveReplyPayload


class ReturnReplyMutation(_MutationBase):
    type: Literal[MutationType.RETURN_REPLY]
    payload: ReturnReplyPayload


class AddNoteMutation(_MutationBase):
    type: Literal[MutationType.ADD_NOTE]
    payload: NotePayload


class ReviewQualityMutation(_MutationBase):
    type: Literal[MutationType.REVIEW_QUALITY]
    payload: ReviewQualityPayload


Mutation = Annotated[
    ClaimMutation
    | ReleaseMutation
    | AssignMutation
    | SetStatusMutation
    | SetCategoryMutation
    | SetMunicipalityMutation
    | RouteMutation
    | AddReplyMutation
    | ApproveReplyMutation
    | ReturnReplyMutation
    | AddNoteMutation
    | ReviewQualityMutation,
    Field(discriminator="type"),
]


class MutationBatch(WireModel):
    mutations: list[Mutation] = Field(min_length=1, max_length=MAX_MUTATIONS_PER_BATCH)


class MutationResult(WireModel):
    mutation_id: UUID
    outcome: Outcome
    first_outcome: Outcome | None = Field(
        None, description="For `duplicate`: what the first delivery of this mutation got"
    )
    reason: str | None = Field(None, description="Why it was rejected or conflicted (Russian)")
    error: str | None = Field(None, description="Machine-readable reason code")
    incident: IncidentOut | None = Field(
        None, description="Current state of the incident, when the caller may see it"
    )


class MutationResults(WireModel):
    results: list[MutationResult]


# --- ingest ---------------------------------------------------------------------------------


class IngestItem(WireModel):
    channel: Channel
    source_id: Annotated[str, StringConstraints(pattern=NO_NUL, min_length=1, max_length=200)]
    source_url: Url | None = None
    author_name: Annotated[str, StringConstraints(pattern=NO_NUL, max_length=200)] | None = None
    text: Annotated[str, StringConstraints(pattern=NO_NUL, min_length=1, max_length=MAX_TEXT_CHARS)]
    attachments: list[Url] = Field(default_factory=list, max_length=20)
    received_at: AwareDatetime
    municipality_code: ShortText
    sector: Sector = Sector.OTHER
    category_code: ShortText | None = None
    importance: Importance = Importance.NORMAL


class IngestRequest(WireModel):
    items: list[IngestItem] = Field(min_length=1, max_length=MAX_INGEST_PER_BATCH)


class IngestItemResult(WireModel):
    channel: Channel
    source_id: str
    outcome: Literal["created", "duplicate"]
    incident_id: int
    number: str


class IngestResult(WireModel):
    results: list[IngestItemResult]
