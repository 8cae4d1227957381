"""The wire contract of the administrator's list of rejected channel messages
(`GET /api/v1/admin/channel-rejects`): what the channels (e-mail, Telegram, VK, OK, ПОС) kept
without making an incident, newest first, page by page. Like `contract.py`, fields are only
ever added."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from .contract import API_PREFIX, WireModel

CHANNEL_REJECTS_PATH = f"{API_PREFIX}/admin/channel-rejects"
DEFAULT_PAGE = 50
MAX_PAGE = 500
#: Characters of the kept message shown in `preview`; the whole stays in the database.
PREVIEW_CHARS = 2000


class ChannelRejectOut(WireModel):
    id: int
    channel: str = Field(description="The channel it came from (email, telegram, vk, ok, pos)")
    source_id: str = Field(description="Its id in the channel (an e-mail's Message-ID, ...)")
    received_at: datetime
    reason: str = Field(
        description="Why it is not an incident: malformed, empty, too_large, unreadable, "
        "unknown_municipality, unknown_code, no_sender; text_shortened for an incident whose "
        "text was cut (the whole message is kept here)"
    )
    detail: str = Field(description="The reason in words (English, for the administrator)")
    size: int = Field(description="Bytes of the message as received")
    kept_bytes: int = Field(description="Bytes kept (above the size limit: the headers only)")
    preview: str = Field(
        description=f"The start of what is kept, as plain text (at most {PREVIEW_CHARS} "
        "characters, bytes that are not UTF-8 replaced, control characters removed)"
    )


class ChannelRejectPage(WireModel):
    items: list[ChannelRejectOut] = Field(description="Newest first")
    next_before_id: int | None = Field(
        description="Pass as `before_id` for the next, older page; None: this is the last"
    )
