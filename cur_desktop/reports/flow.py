"""Headings stay with what follows them, on the same page.

reportlab honours `keepWithNext` only between plain flowables: a heading followed by a
`KeepTogether` (an example message kept in one piece) is left alone at the bottom of a page,
because containers are not joined (`doctemplate._ktAllow`). So the documents join such runs
themselves: a flowable marked `keepWithNext`, any further marked ones and spacers after it, and
the first real piece of content (a container's contents taken out of it) go into one
`KeepTogether`.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.platypus import Flowable, KeepTogether, Spacer


def keep_with_next(story: Iterable[Flowable]) -> list[Flowable]:
    out: list[Flowable] = []
    run: list[Flowable] = []
    for item in story:
        if not run and not item.getKeepWithNext():
            out.append(item)
            continue
        run.extend(item._content if isinstance(item, KeepTogether) else [item])
        if item.getKeepWithNext() or isinstance(item, Spacer):
            continue
        out.append(KeepTogether(run))
        run = []
    out.extend(run)  # a heading at the very end has nothing to keep with
    return out
