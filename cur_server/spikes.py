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

from cur_desktop.models.analytics import SpikeReport
from cur_desktop.models.analytics_rules import detect_spikes, monday, spike_rule

from .daily import weekly_place_counts
from .periods import Window, as_date


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
    found = detect_spikes(
        series,
        window.query.date_from,
        window.query.date_to,
        min_count=min_count,
        factor=factor,
        baseline_weeks=baseline_weeks,
    )
    return SpikeReport(
        period=window.period(),
        rule=spike_rule(min_count, factor, baseline_weeks),
        min_count=min_count,
        factor=factor,
        baseline_weeks=baseline_weeks,
        items=found,
    )
