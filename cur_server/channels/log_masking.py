"""Tokens kept out of the logs: urllib3 logs every request's path and query at DEBUG level, and a
channel API that takes its token in the URL (Telegram's `/bot<token>/`, OK's `access_token=`)
would put it there."""

from __future__ import annotations

import logging
import re


class MaskInUrl(logging.Filter):
    """Rewrites a record whose text contains `marker` with `pattern` replaced by `replacement`."""

    def __init__(self, marker: str, pattern: str, replacement: str):
        super().__init__()
        self.marker = marker
        self.pattern = re.compile(pattern)
        self.replacement = replacement

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            text = record.getMessage()
        except Exception:  # noqa: BLE001 - a record that cannot format is left to logging
            return True
        if self.marker in text:
            record.msg, record.args = self.pattern.sub(self.replacement, text), ()
        return True


def mask_in_request_logs(marker: str, pattern: str, replacement: str) -> None:
    logging.getLogger("urllib3.connectionpool").addFilter(MaskInUrl(marker, pattern, replacement))
