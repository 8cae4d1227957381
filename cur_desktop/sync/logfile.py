"""The workstation's log file: rotating, in the user's log folder, with secrets blotted out.

Support staff ask for this file, so it must be safe to send: no tokens, no passwords, and no
citizens' texts (152-ФЗ). The code logs codes, ids and error types, never message texts; the
filter here is the second line of defence for what slips through (a library's message, an
exception quoting a request): bearer tokens, JWTs, refresh tokens, passwords and long opaque
keys are replaced by «***» before a record is written.
"""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_dir

from cur_desktop.sync.profile import APP_NAME

LOG_FILE = "cur-desktop.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"
MASK = "***"

_SECRETS = [
    # Authorization headers and the like: "Bearer <anything>".
    re.compile(r"(?i)(\bbearer\s+)[^\s'\",;]+"),
    # key=value or "key": "value" for anything named like a secret.
    re.compile(
        r"(?i)((?:access_token|refresh_token|token|password|passphrase|secret|api_key|key)"
        r"['\"]?\s*[:=]\s*['\"]?)[^\s'\",;&}]+"
    ),
    # JWTs: three base64url parts, the first a JSON header ("eyJ").
    re.compile(r"()\beyJ[\w-]+\.[\w-]+\.[\w-]*"),
    # Long opaque strings (refresh tokens, cache keys): 32+ url-safe characters with a digit.
    re.compile(r"()\b(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{32,}\b"),
]


def redact(text: str) -> str:
    for pattern in _SECRETS:
        text = pattern.sub(lambda m: m.group(1) + MASK, text)
    return text


class RedactSecrets(logging.Filter):
    """Formats the record's message (and traceback) once, with the secrets blotted out."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not lose the record
            message = str(record.msg)
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        record.exc_info = None if record.exc_text else record.exc_info
        return True


def log_folder() -> Path:
    return Path(user_log_dir(APP_NAME, appauthor=False))


def install_log_file(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Send the program's log (INFO and above) to a rotating file; once per process. Returns the
    file, or None when the folder cannot be written (the program works on without it)."""
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and getattr(handler, "cur_log", False):
            return Path(handler.baseFilename)
    folder = folder or log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            folder / LOG_FILE, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as exc:
        logging.getLogger(__name__).warning("no log file in %s: %s", folder, exc)
        return None
    handler.cur_log = True
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RedactSecrets())
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    for other in root.handlers:  # the console keeps showing warnings only, as before
        if other.level == logging.NOTSET and not getattr(other, "cur_log", False):
            other.setLevel(logging.WARNING)
    return Path(handler.baseFilename)


def remove_log_file() -> None:
    """Close and detach the file handler (tests, or before a data folder is wiped)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "cur_log", False):
            root.removeHandler(handler)
            handler.close()
