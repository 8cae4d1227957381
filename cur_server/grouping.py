"""Several GROUP BYs over the same rows: one pass on PostgreSQL, one query per grouping on SQLite.

At 250k incidents the cost of an analytics request is the number of passes over the period's
rows, so on PostgreSQL the groupings go into one statement with GROUPING SETS (hash aggregates
filled side by side from one scan). SQLite has no GROUPING SETS; a small centre's database is
fast enough with one query each. Either way the caller gets the rows of each grouping apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, Row, Subquery, func, select, text, tuple_
from sqlalchemy.orm import Session


def tune_for_analytics(s: Session) -> None:
    """PostgreSQL: no JIT (compiling costs more than it saves on these queries, ~60 ms each)
    and room to sort and hash in memory; for this transaction only."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SET LOCAL jit = off"))
        s.execute(text("SET LOCAL work_mem = '32MB'"))


def grouped(
    s: Session,
    rows: Subquery,
    sets: dict[str, Sequence[str]],
    measures: Sequence[ColumnElement],
) -> dict[str, list[Row]]:
    """For each named set of `rows`' column names, the rows `(*keys, *measures)` of
    `SELECT keys, measures FROM rows GROUP BY keys`."""
    if s.get_bind().dialect.name != "postgresql":
        out = {}
        for name, keys in sets.items():
            stmt = select(*(rows.c[k] for k in keys), *measures).group_by(
                *(rows.c[k] for k in keys)
            )
            out[name] = s.execute(stmt).all()
        return out
    names = list(dict.fromkeys(k for keys in sets.values() for k in keys))
    columns = [rows.c[k] for k in names]
    # GROUPING(a, b, ...) has a bit set for each argument *not* grouped, the first one highest.
    mask = {
        sum(1 << (len(names) - 1 - i) for i, k in enumerate(names) if k not in keys): name
        for name, keys in sets.items()
    }
    stmt = select(func.grouping(*columns), *columns, *measures).group_by(
        func.grouping_sets(*(tuple_(*(rows.c[k] for k in keys)) for keys in sets.values()))
    )
    out: dict[str, list] = {name: [] for name in sets}
    first_measure = 1 + len(names)
    picks = {m: (out[name], [1 + names.index(k) for k in sets[name]]) for m, name in mask.items()}
    for row in s.execute(stmt):
        rows_of_set, keys = picks[row[0]]
        rows_of_set.append((*[row[i] for i in keys], *row[first_measure:]))
    return out
