"""Files citizens send with their messages (photos), stored by the server with a thumbnail.

Where the bytes live: in the database (`attachments.data`), not in a folder beside it. A
PostgreSQL server has no "beside it" the workstation's server process can be sure to share
with every worker and channel process; in the database a file is stored in the same
transaction as the incident that names it, a backup (pg_dump, a copy of the SQLite file) holds
everything, and dedupe by content is a unique index. The price is a bigger database: bounded
by `MAX_FILE_BYTES` per file and stored once per content (sha256).

A thumbnail is made at intake for images Pillow reads (JPEG, PNG, GIF, WebP, BMP): at most
`THUMBNAIL_SIZE` pixels on its long side, JPEG. A file that is not an image, too many pixels to
decode safely, or broken is kept as a file without a thumbnail (`thumbnail_note` says why); a
file over the size limit is refused with a reason (`AttachmentRefused`); nothing raises else.

An incident names its stored files in its `attachments` JSON list as references
(`{"id", "name", "media_type", "size", "thumbnail"}`) beside the URL strings older data holds;
the wire splits them (`IncidentOut.attachments` the URLs, `IncidentOut.files` the stored ones).
"""

from __future__ import annotations

import hashlib
import io
import logging
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cur_desktop.models import contract as c

from .tables import Attachment

log = logging.getLogger(__name__)

MAX_FILE_BYTES = c.MAX_ATTACHMENT_BYTES
#: Images with more pixels are not decoded (a "decompression bomb" of a few KB can claim GBs).
MAX_IMAGE_PIXELS = 50_000_000
THUMBNAIL_SIZE = c.THUMBNAIL_SIZE
#: Image formats a thumbnail is made of, and the media type each is served as.
IMAGE_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "GIF": "image/gif",
    "WEBP": "image/webp",
    "BMP": "image/bmp",
}
#: Media types the full file is served as (an image the browser of a viewer shows); any other
#: file goes as application/octet-stream.
SERVED_TYPES = frozenset(IMAGE_TYPES.values())


class AttachmentRefused(ValueError):
    """A file that is not stored, and why (English, for the administrator's log)."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason


@dataclass(frozen=True)
class IncomingFile:
    """A file as a channel brought it: its name and type as the sender said (untrusted)."""

    name: str
    media_type: str
    data: bytes


@dataclass(frozen=True)
class MissingFile:
    """A file a message brought or named that is not stored: its name, why (`reason`: too_large,
    empty, too_many, not_fetched, bad_content) and the details for the administrator (English,
    never a URL with a token in it). The message itself is kept all the same."""

    name: str
    reason: str
    detail: str


#: How the incident's text names a file that is not stored (`refused_note`).
_WHY = {
    "too_large": f"больше {MAX_FILE_BYTES // (1024 * 1024)} МБ",
    "empty": "пустой файл",
    "too_many": f"больше {c.MAX_FILES_PER_INCIDENT} файлов",
    "not_fetched": "не удалось получить",
    "bad_content": "повреждён",
}


def _clean_name(name: str | None) -> str:
    name = (name or "").replace("\x00", "").strip()
    name = name.replace("\\", "/").rsplit("/", 1)[-1]  # a path is not a name
    return name[:255] or "file"


def _image(data: bytes) -> tuple[str | None, tuple[int, int] | None, bytes | None, str | None]:
    """(media type, (width, height), JPEG thumbnail, why none) for an image; never raises."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Opening reads the header only; the pixel count is checked below, before decoding.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                kind = IMAGE_TYPES.get(img.format or "")
                if kind is None:
                    return (
                        None,
                        None,
                        None,
                        f"not an image format thumbnails are made of ({img.format})",
                    )
                size = img.size
                if size[0] * size[1] > MAX_IMAGE_PIXELS:
                    return kind, size, None, f"too many pixels ({size[0]}x{size[1]})"
                img.draft("RGB", (THUMBNAIL_SIZE * 2, THUMBNAIL_SIZE * 2))  # JPEG: decode small
                img.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE))
                img = ImageOps.exif_transpose(img)  # a phone's portrait photo stands upright
                if img.mode in ("RGBA", "LA", "P"):
                    rgba = img.convert("RGBA")
                    flat = Image.new("RGB", rgba.size, (255, 255, 255))
                    flat.paste(rgba, mask=rgba.getchannel("A"))
                    img = flat
                elif img.mode != "RGB":
                    img = img.convert("RGB")
                out = io.BytesIO()
                img.save(out, "JPEG", quality=82)
                return kind, size, out.getvalue(), None
    except Image.DecompressionBombError as exc:
        return None, None, None, f"too many pixels: {exc}"[:300]
    except UnidentifiedImageError:
        return None, None, None, "not an image"
    except Exception as exc:  # noqa: BLE001 - a broken image is kept as a file, never a crash
        return None, None, None, f"unreadable image: {type(exc).__name__}: {exc}"[:300]


def reference(row: Attachment, name: str | None = None) -> dict[str, Any]:
    """What an incident keeps of a stored file (its `attachments` entry)."""
    return {
        "id": row.id,
        "name": name or row.name,
        "media_type": row.media_type,
        "size": row.size,
        "thumbnail": row.thumbnail_note is None,
    }


def store_file(s: Session, file: IncomingFile, now: datetime | None = None) -> dict[str, Any]:
    """Store one file (once per content) and return the incident's reference to it.

    Raises AttachmentRefused for a file over the size limit or an empty one."""
    data = file.data
    name = _clean_name(file.name)
    if not data:
        raise AttachmentRefused("empty", f"{name!r} is empty")
    if len(data) > MAX_FILE_BYTES:
        raise AttachmentRefused(
            "too_large", f"{name!r} has {len(data)} bytes; at most {MAX_FILE_BYTES} are kept"
        )
    digest = hashlib.sha256(data).hexdigest()
    found = s.scalar(select(Attachment).where(Attachment.sha256 == digest))
    if found is not None:
        return reference(found, name)
    kind, size, thumb, note = _image(data)
    if kind is None:
        declared = (file.media_type or "").split(";")[0].strip().lower()[:100]
        # Told "image/…" but not an image Pillow reads: it is not served as one.
        kind = (
            declared
            if declared and not declared.startswith("image/")
            else ("application/octet-stream")
        )
    row = Attachment(
        sha256=digest,
        media_type=kind,
        size=len(data),
        name=name,
        data=data,
        thumbnail=thumb,
        thumbnail_note=note if thumb is None else None,
        width=size[0] if size else None,
        height=size[1] if size else None,
        created_at=now or datetime.now(UTC),
    )
    if thumb is None and row.thumbnail_note is None:
        row.thumbnail_note = "no thumbnail"
    try:
        with s.begin_nested():
            s.add(row)
    except IntegrityError:  # stored by a concurrent intake of the same content
        row = s.scalars(select(Attachment).where(Attachment.sha256 == digest)).one()
    if note:
        log.info("attachment %s (%s) kept without a thumbnail: %s", row.id, name, note)
    return reference(row, name)


def store_files(
    s: Session, files: list[IncomingFile], now: datetime | None = None
) -> tuple[list[dict[str, Any]], list[MissingFile]]:
    """Store what can be stored: (references, the files refused and why)."""
    refs, refused = [], []
    for f in files[: c.MAX_FILES_PER_INCIDENT]:
        try:
            refs.append(store_file(s, f, now))
        except AttachmentRefused as exc:
            log.warning("attachment refused: %s", exc)
            refused.append(MissingFile(_clean_name(f.name), exc.reason, str(exc)))
    for f in files[c.MAX_FILES_PER_INCIDENT :]:
        limit = f"more than {c.MAX_FILES_PER_INCIDENT} files in one message"
        refused.append(MissingFile(_clean_name(f.name), "too_many", limit))
    return refs, refused


def refused_note(refused: list[MissingFile]) -> str:
    """A line for the incident's text naming files that were not kept."""
    if not refused:
        return ""
    named = [f"{_clean_name(m.name)} ({_WHY.get(m.reason, 'не сохранён')})" for m in refused]
    return "\n\n[Не сохранены вложения: " + "; ".join(named) + "]"


def files_of(attachments: list[Any] | None) -> list[dict[str, Any]]:
    """The stored-file references of an incident's `attachments` list."""
    return [a for a in attachments or [] if isinstance(a, dict) and "id" in a]


def urls_of(attachments: list[Any] | None) -> list[str]:
    """The URL strings of an incident's `attachments` list (older data, collectors' links)."""
    return [a for a in attachments or [] if isinstance(a, str)]


def load(s: Session, attachment_id: int, *, full: bool) -> Attachment | None:
    """The row with its bytes (`full`) or its thumbnail loaded."""
    from sqlalchemy.orm import undefer

    column = Attachment.data if full else Attachment.thumbnail
    return s.scalar(
        select(Attachment).where(Attachment.id == attachment_id).options(undefer(column))
    )
