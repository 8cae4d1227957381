"""What the workstation's own layers (sync/, models/) tell the user: a Russian sentence — for
logs, the command line and the Russian UI — that carries its code and parameters, so the UI
can say it in its own language (ui/problem_text.py holds the words per code).

`Said` is a `str`, so everything that took the sentence before keeps working; an exception
raised with one keeps it in `args[0]` (and in SyncError's `message`)."""

from __future__ import annotations

from typing import Any


class Said(str):
    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, text: str, **params: Any) -> Said:
        said = super().__new__(cls, text)
        said.code = code
        said.params = params
        return said

    def __reduce__(self):  # pickles (a task's result across processes) as code, text, params
        return (_said, (self.code, str(self), self.params))


def _said(code: str, text: str, params: dict[str, Any]) -> Said:
    return Said(code, text, **params)


def said(code: str, text: str, **params: Any) -> Said:
    """`text` said by `code` with `params` (the values the text names)."""
    return Said(code, text, **params)
