"""Spikes: a (municipality, category) whose weekly count jumps far above its recent weeks.

The rule is deliberately simple enough to state in one sentence next to the list: a week is a
spike when it has at least `min_count` incidents and at least `factor` times the mean of the
`baseline_weeks` weeks before it (weeks without incidents count as zero). The weeks examined are
those whose Monday falls in the period; each is counted whole, so the current week counts what
came so far.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy.orm import Session

from cur_desktop.models.analytics import Spike, SpikeReport

from .daily import weekly_place_counts
from .periods import Window, as_date, monday

MAX_SPIKES = 500


def _plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _times(factor: float) -> str:
    """«в 3 раза», «в 5 раз», «в 2,5 раза»."""
    if factor != int(factor):
        return f"в {f'{factor:g}'.replace('.', ',')} раза"
    n = int(factor)
    return f"в {n} {_plural(n, 'раз', 'раза', 'раз')}"


def spike_rule(min_count: int, factor: float, baseline_weeks: int) -> str:
    incidents = _plural(min_count, "обращения", "обращений", "обращений")
    if baseline_weeks == 1:
        weeks = "предыдущую неделю"
    else:
        weeks = f"{baseline_weeks} " + _plural(
            baseline_weeks, "предыдущую неделю", "предыдущие недели", "предыдущих недель"
        )
    return (
        f"Всплеск: за неделю (с понедельника) не меньше {min_count} {incidents} одной рубрики "
        f"в одном муниципальном образовании и {_times(factor)} больше среднего за {weeks}"
    )


def find_spikes(
    s: Session, window: Window, *, min_count: int, factor: float, baseline_weeks: int
) -> SpikeReport:
    first_week = monday(window.query.date_from)
    last_week = monday(window.query.date_to)
    since = first_week - timedelta(weeks=baseline_weeks)
    rows = weekly_place_counts(s, window, since, last_week + timedelta(days=6))
    series: dict[tuple, dict[date, int]] = defaultdict(dict)
    for municipality_id, sector, category_id, w, n in rows:
        series[(municipality_id, sector, category_id)][as_date(w)] = n
    examined = [
        first_week + timedelta(weeks=k) for k in range((last_week - first_week).days // 7 + 1)
    ]
    weeks_before = {
        w: [w - timedelta(weeks=k) for k in range(1, baseline_weeks + 1)] for w in examined
    }
    found: list[Spike] = []
    for (municipality_id, sector, category_id), counts in series.items():
        for w in examined:
            n = counts.get(w, 0)
            if n < min_count:
                continue
            baseline = sum(counts.get(b, 0) for b in weeks_before[w]) / baseline_weeks
            if n >= factor * baseline:
                found.append(
                    Spike(
                        municipality_id=municipality_id,
                        sector=sector,
                        category_id=category_id,
                        week_start=w,
                        count=n,
                        baseline=round(baseline, 3),
                        ratio=round(n / baseline, 2) if baseline else None,
                    )
                )
    found.sort(
        key=lambda x: (
            x.ratio is not None,
            -(x.ratio or 0),
            -x.count,
            x.week_start,
            x.municipality_id,
            x.category_id or 0,
        )
    )
    return SpikeReport(
        period=window.period(),
        rule=spike_rule(min_count, factor, baseline_weeks),
        min_count=min_count,
        factor=factor,
        baseline_weeks=baseline_weeks,
        items=found[:MAX_SPIKES],
    )
