"""The files a ПОС message carries (docs/pos-exchange.md, «Attachments»).

A message's `attachments` is a list of `{"name", "media_type", "content_base64"}` or
`{"name", "media_type", "file"}`, the file a path relative to the inbox (in a subfolder such as
`inbox/files/`: the server takes only `*.json` directly in `inbox/`). Whatever cannot be read
(bad base64, a file missing or outside the inbox, more than the size limit) is a `MissingFile`:
the message is taken all the same, its incident's text names the file, and the administrator
sees why. The server only reads a referenced file; the integration removes it once its batch is
in `processed/` or `rejected/`.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path, PurePosixPath

from cur_desktop.models.contract import MAX_ATTACHMENT_BYTES, MAX_FILES_PER_INCIDENT

from ..attachments import IncomingFile, MissingFile

#: Characters of base64 that can hold at most MAX_ATTACHMENT_BYTES (4 per 3 bytes, padded).
_MAX_BASE64 = (MAX_ATTACHMENT_BYTES + 2) // 3 * 4


def _name(entry: dict, n: int) -> str:
    name = entry.get("name")
    if isinstance(name, str) and name.strip():
        return name.strip()[:255]
    file = entry.get("file")
    if isinstance(file, str) and file.strip():
        return PurePosixPath(file.replace("\\", "/")).name[:255] or f"attachment-{n}"
    return f"attachment-{n}"


def _inbox_file(inbox: Path, relative: str) -> bytes:
    """The bytes of a file named relative to the inbox, or ValueError/OSError saying why."""
    rel = PurePosixPath(relative.replace("\\", "/"))
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        raise ValueError("file must be a path relative to the inbox, without '..'")
    root = inbox.resolve()
    path = (root / rel).resolve()
    if not path.is_relative_to(root):
        raise ValueError("file leads outside the inbox")
    if not path.is_file():
        raise FileNotFoundError("no such file in the inbox")
    if path.stat().st_size > MAX_ATTACHMENT_BYTES:
        raise OverflowError(f"{path.stat().st_size} bytes")
    return path.read_bytes()


def read_attachments(
    value: object, inbox: Path
) -> tuple[tuple[IncomingFile, ...], tuple[MissingFile, ...]]:
    """The files of a message's `attachments`, and those that could not be taken."""
    if value is None:
        return (), ()
    if not isinstance(value, list):
        return (), (MissingFile("attachments", "bad_content", "attachments must be a list"),)
    files: list[IncomingFile] = []
    missing: list[MissingFile] = []
    for n, entry in enumerate(value[: MAX_FILES_PER_INCIDENT + 1], start=1):
        if not isinstance(entry, dict):
            missing.append(MissingFile(f"attachment-{n}", "bad_content", "not a JSON object"))
            continue
        name = _name(entry, n)
        kind = entry.get("media_type")
        kind = kind if isinstance(kind, str) else "application/octet-stream"
        content, file = entry.get("content_base64"), entry.get("file")
        try:
            if isinstance(content, str) and file is None:
                if len(content) > _MAX_BASE64:
                    raise OverflowError(f"{len(content)} characters of base64")
                try:
                    data = base64.b64decode(content, validate=True)
                except ValueError:  # binascii.Error, or characters that are not ASCII
                    raise binascii.Error from None
            elif isinstance(file, str) and content is None:
                data = _inbox_file(inbox, file)
            else:
                raise ValueError("either content_base64 or file (a string) is needed")
        except OverflowError as exc:
            missing.append(
                MissingFile(name, "too_large", f"more than {MAX_ATTACHMENT_BYTES} bytes ({exc})")
            )
            continue
        except binascii.Error:
            missing.append(MissingFile(name, "bad_content", "content_base64 is not base64"))
            continue
        except (OSError, ValueError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            missing.append(MissingFile(name, "not_fetched", why))
            continue
        files.append(IncomingFile(name, kind, data))
    # More than the limit: `store_files` names the extra one as refused.
    return tuple(files), tuple(missing)
