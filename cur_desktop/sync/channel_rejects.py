"""The administrator's list of rejected channel messages, page by page (admins only: anyone
else gets `RequestRejected` with status 403)."""

from __future__ import annotations

from collections.abc import Iterator

from cur_desktop.models import channel_rejects as cr

from .client import ApiClient

_PATH = cr.CHANNEL_REJECTS_PATH.removeprefix("/api/v1")


def rejects_page(
    client: ApiClient,
    *,
    limit: int = cr.DEFAULT_PAGE,
    before_id: int | None = None,
    channel: str | None = None,
) -> cr.ChannelRejectPage:
    params: dict[str, object] = {"limit": limit}
    if before_id is not None:
        params["before_id"] = before_id
    if channel:
        params["channel"] = channel
    return client.get(_PATH, cr.ChannelRejectPage, params)


def all_rejects(
    client: ApiClient, *, page: int = cr.DEFAULT_PAGE, channel: str | None = None
) -> Iterator[cr.ChannelRejectOut]:
    """Every reject, newest first, a page per request."""
    before: int | None = None
    while True:
        got = rejects_page(client, limit=page, before_id=before, channel=channel)
        yield from got.items
        if got.next_before_id is None:
            return
        before = got.next_before_id
