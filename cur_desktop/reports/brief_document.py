"""The brief as a file: PDF or XLSX by the file's suffix, written to a temporary file beside the
target and renamed at the end, so a failed run leaves no half-written brief behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .brief import BriefData

WRITERS = (".pdf", ".xlsx")


def write_brief(brief: BriefData, out: Path) -> None:
    from .brief_pdf import write_brief_pdf
    from .brief_xlsx import write_brief_xlsx

    write = write_brief_pdf if out.suffix.lower() == ".pdf" else write_brief_xlsx
    fd, tmp = tempfile.mkstemp(prefix=".brief-", suffix=out.suffix, dir=out.parent)
    os.close(fd)
    try:
        write(brief, tmp)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
