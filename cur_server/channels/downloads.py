"""Fetching a citizen's photo from the link a channel's API gives (Telegram, VK, OK).

The link is the channel's: only https (its photo servers), or a link on the API's own host (a
local emulation, a test). At most `MAX_ATTACHMENT_BYTES` are read, streamed, so a huge file
costs no more memory than the limit. A failure is an `AttachmentRefused` whose text names the
host only, never the path or query (a link may carry a signature or a token).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import requests

from cur_desktop.models.contract import MAX_ATTACHMENT_BYTES

from ..attachments import AttachmentRefused


def link_name(url: str, fallback: str) -> str:
    """The file name a link ends in, if it looks like one (`…/photo.jpg`), else `fallback`."""
    last = urlsplit(url).path.rsplit("/", 1)[-1]
    return last if "." in last.strip(".") else fallback


def download(http: requests.Session, url: str, *, timeout: float, api_url: str) -> bytes:
    """The file at `url`, or AttachmentRefused (`not_fetched`, `too_large`)."""
    parts = urlsplit(url)
    if parts.scheme != "https" and parts.netloc != urlsplit(api_url).netloc:
        raise AttachmentRefused("not_fetched", f"link refused (not https): {parts.netloc}")
    try:
        with http.get(url, timeout=timeout, stream=True) as resp:
            if resp.status_code != 200:
                raise AttachmentRefused(
                    "not_fetched", f"{parts.netloc} answered HTTP {resp.status_code}"
                )
            data = resp.raw.read(MAX_ATTACHMENT_BYTES + 1, decode_content=True)
    except (OSError, requests.RequestException) as exc:
        raise AttachmentRefused(
            "not_fetched", f"{parts.netloc} unreachable ({type(exc).__name__})"
        ) from None
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise AttachmentRefused(
            "too_large", f"the file at {parts.netloc} has more than {MAX_ATTACHMENT_BYTES} bytes"
        )
    if not data:
        raise AttachmentRefused("empty", f"the file at {parts.netloc} is empty")
    return data
