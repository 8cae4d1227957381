"""Attachments (citizens' photos) the server stores: thumbnails and files fetched on demand and
kept in the local cache, so what was seen once is there offline too.

Blocking (cache and network): the UI calls it off its thread (`aio.in_net`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from cur_desktop.models.cache.attachment_cache import AttachmentCache, cache_key

from .client import ApiClient, AuthFailed, RequestRejected, SyncError

log = logging.getLogger(__name__)

#: Why a file could not be shown
OFFLINE, MISSING = "offline", "missing"


@dataclass(frozen=True)
class Fetched:
    data: bytes | None
    #: None when `data` is there; else OFFLINE (not cached, no server) or MISSING (the server
    #: has no such file or thumbnail, or the incident is no longer readable).
    why: str | None = None
    from_cache: bool = False


class AttachmentSource:
    def __init__(self, client: ApiClient, cache: AttachmentCache):
        self.client, self.cache = client, cache

    def cached(self, attachment_id: int, *, thumbnail: bool) -> bytes | None:
        """From the cache only (no network)."""
        return self.cache.get(cache_key(attachment_id, thumbnail=thumbnail))

    def fetch(self, incident_id: int, attachment_id: int, *, thumbnail: bool) -> Fetched:
        key = cache_key(attachment_id, thumbnail=thumbnail)
        data = self.cache.get(key)
        if data is not None:
            return Fetched(data, from_cache=True)
        try:
            data = self.client.attachment(incident_id, attachment_id, thumbnail=thumbnail)
        except RequestRejected as exc:
            log.info("attachment %s of incident %s: %s", attachment_id, incident_id, exc.code)
            return Fetched(None, MISSING)
        except (AuthFailed, SyncError) as exc:  # no network, server busy, signed out
            log.info("attachment %s not fetched: %s", attachment_id, type(exc).__name__)
            return Fetched(None, OFFLINE)
        self.cache.put(key, data)
        return Fetched(data)
