"""SLA clock tests. Expected values come from the official production calendars, not the code."""

import json
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest

from cur_desktop.models.domain import Importance
from cur_desktop.models.sla import (
    SLA_STATE_LABELS,
    SlaClock,
    SlaPolicy,
    SlaState,
    WorkingCalendar,
)

MSK = ZoneInfo("Europe/Moscow")
YEKT = ZoneInfo("Asia/Yekaterinburg")
KALT = ZoneInfo("Europe/Kaliningrad")


def msk(*args: int) -> datetime:
    return datetime(*args, tzinfo=MSK)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar()


@pytest.fixture(scope="module")
def clock(cal: WorkingCalendar) -> SlaClock:
    return SlaClock(cal)


# --- calendar days ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day",
    [
        "2024-06-15",  # plain Saturday
        "2024-06-16",  # plain Sunday
        "2024-01-01",
        "2024-01-06",  # Saturday inside the New Year block: stays off despite a transfer
        "2024-01-08",
        "2024-02-23",
        "2024-04-29",  # substituted day off
        "2024-04-30",
        "2024-05-10",
        "2024-06-12",
        "2024-11-04",
        "2024-12-30",
        "2024-12-31",
        "2025-01-08",
        "2025-05-02",
        "2025-05-08",
        "2025-06-13",
        "2025-11-03",
        "2025-12-31",
        "2026-01-09",
        "2026-03-09",  # Mar 8 falls on Sunday
        "2026-05-11",  # May 9 falls on Saturday
        "2026-12-31",
    ],
)
def test_days_off(cal: WorkingCalendar, day: str) -> None:
    assert not cal.is_working_day(date.fromisoformat(day))
    assert cal.working_interval(date.fromisoformat(day)) is None


@pytest.mark.parametrize(
    "day",
    [
        "2024-04-27",  # transferred working Saturdays
        "2024-11-02",
        "2024-12-28",
        "2025-11-01",
        "2022-03-05",
        "2021-02-20",
        "2024-06-10",
        "2024-01-09",
        "2025-01-09",
        "2026-01-12",
    ],
)
def test_working_days(cal: WorkingCalendar, day: str) -> None:
    assert cal.is_working_day(date.fromisoformat(day))


@pytest.mark.parametrize(
    ("day", "end_hour"),
    [
        ("2024-06-10", 18),
        ("2024-02-22", 17),  # eve of Feb 23
        ("2024-03-07", 17),
        ("2024-05-08", 17),
        ("2024-06-11", 17),
        ("2024-11-01", 18),  # Friday, but Saturday Nov 2 is a working day
        ("2024-11-02", 17),  # transferred Saturday standing in for Apr 30, the eve of May 1
        ("2024-04-27", 18),  # stands in for Apr 29, whose next day is only a day off
        ("2024-12-28", 18),
        ("2025-11-01", 17),
        ("2025-02-21", 18),  # weekend between it and Feb 23
        ("2025-05-07", 18),  # next day is a substituted day off, not a holiday
        ("2025-12-30", 18),
        ("2022-03-05", 17),
        ("2021-02-20", 17),
        ("2019-12-31", 17),
        ("2026-04-30", 17),
        ("2026-03-06", 18),  # next days off are a weekend and an "(observed)" day
    ],
)
def test_working_interval_and_short_days(cal: WorkingCalendar, day: str, end_hour: int) -> None:
    d = date.fromisoformat(day)
    assert cal.working_interval(d) == (
        datetime.combine(d, time(9), MSK),
        datetime.combine(d, time(end_hour), MSK),
    )
    assert cal.working_interval(d)[0].tzinfo == MSK


@pytest.mark.parametrize(
    ("year", "days", "hours"),
    [
        (2019, 247, 1970),
        (2021, 247, 1972),
        (2022, 247, 1973),
        (2023, 247, 1973),
        (2024, 248, 1979),
        (2025, 247, 1972),
    ],
)
def test_official_year_totals(year: int, days: int, hours: int) -> None:
    cal = WorkingCalendar(day_start=time(9), day_end=time(17))  # 8-hour day = 40-hour week
    d, n, secs = date(year, 1, 1), 0, 0.0
    while d.year == year:
        if (iv := cal.working_interval(d)) is not None:
            n += 1
            secs += (iv[1] - iv[0]).total_seconds()
        d += timedelta(days=1)
    assert (n, secs / 3600) == (days, hours)


def test_2026_working_day_count(cal: WorkingCalendar) -> None:
    # Decree of 2025 for 2026: 247 working days (hours not asserted: not yet verified).
    d, n = date(2026, 1, 1), 0
    while d.year == 2026:
        n += cal.is_working_day(d)
        d += timedelta(days=1)
    assert n == 247


# --- add_working_hours -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "hours", "expected"),
    [
        (msk(2024, 6, 5, 10), 9, msk(2024, 6, 6, 10)),
        (msk(2024, 6, 5, 9), 9, msk(2024, 6, 5, 18)),  # ends exactly at closing time
        (msk(2024, 6, 5, 2, 30), 9, msk(2024, 6, 5, 18)),  # night receipt
        (msk(2024, 6, 5, 20), 9, msk(2024, 6, 6, 18)),  # evening receipt
        (msk(2024, 6, 5, 20), 0, msk(2024, 6, 6, 9)),
        (msk(2024, 6, 7, 19), 9, msk(2024, 6, 10, 18)),  # Friday evening
        (msk(2024, 6, 7, 15), 9, msk(2024, 6, 10, 15)),
        (msk(2024, 6, 10, 10), 9, msk(2024, 6, 11, 10)),  # Jun 11 is short, Jun 12 a holiday
        (msk(2024, 6, 11, 13), 9, msk(2024, 6, 13, 14)),
        (msk(2024, 6, 12, 11), 9, msk(2024, 6, 13, 18)),  # receipt on a holiday
        (msk(2024, 2, 22, 13), 4, msk(2024, 2, 22, 17)),
        (msk(2024, 2, 22, 13), 4.5, msk(2024, 2, 26, 9, 30)),
        (msk(2024, 11, 1, 10), 9, msk(2024, 11, 2, 10)),  # working Saturday
        (msk(2024, 11, 2, 15), 4, msk(2024, 11, 5, 11)),
        (msk(2024, 4, 27, 16), 9, msk(2024, 5, 2, 16)),  # May holidays
        (msk(2024, 12, 28, 12), 9, msk(2025, 1, 9, 12)),  # New Year block
        (msk(2024, 12, 27, 17), 4, msk(2024, 12, 28, 12)),
        (msk(2024, 12, 31, 12), 9, msk(2025, 1, 9, 18)),
    ],
)
def test_add_working_hours(
    cal: WorkingCalendar, start: datetime, hours: float, expected: datetime
) -> None:
    result = cal.add_working_hours(start, hours)
    assert result == expected
    assert result.tzinfo is UTC


def test_add_working_hours_utc_value(cal: WorkingCalendar) -> None:
    assert cal.add_working_hours(utc(2024, 6, 5, 7), 9) == utc(2024, 6, 6, 7)


def test_naive_datetimes_rejected(cal: WorkingCalendar, clock: SlaClock) -> None:
    naive = datetime(2024, 6, 5, 10)
    with pytest.raises(ValueError):
        cal.add_working_hours(naive, 1)
    with pytest.raises(ValueError):
        cal.end_of_working_day_after(naive, 7)
    with pytest.raises(ValueError):
        cal.working_seconds_between(naive, msk(2024, 6, 5, 12))
    with pytest.raises(ValueError):
        clock.first_answer_due(naive, "normal")


def test_bad_arguments(cal: WorkingCalendar, clock: SlaClock) -> None:
    with pytest.raises(ValueError):
        cal.add_working_hours(msk(2024, 6, 5, 10), -1)
    with pytest.raises(ValueError):
        cal.end_of_working_day_after(msk(2024, 6, 5, 10), 0)
    with pytest.raises(ValueError):
        clock.first_answer_due(msk(2024, 6, 5, 10), "urgent")
    with pytest.raises(ValueError):
        WorkingCalendar(day_start=time(18), day_end=time(9))


# --- time zones ------------------------------------------------------------------------------


def test_time_zones_local_working_hours() -> None:
    moscow, yekat, kalin = (WorkingCalendar(tz) for tz in (MSK.key, YEKT.key, KALT.key))
    received = utc(2024, 6, 5, 3, 30)  # 06:30 MSK, 08:30 YEKT, 05:30 Kaliningrad
    assert moscow.add_working_hours(received, 9) == utc(2024, 6, 5, 15)
    assert yekat.add_working_hours(received, 9) == utc(2024, 6, 5, 13)
    assert kalin.add_working_hours(received, 9) == utc(2024, 6, 5, 16)
    friday_evening = utc(2024, 6, 7, 16, 30)  # after hours everywhere
    assert moscow.add_working_hours(friday_evening, 9) == utc(2024, 6, 10, 15)
    assert kalin.add_working_hours(friday_evening, 9) == utc(2024, 6, 10, 16)
    # 11:00 in Yekaterinburg is 09:00 in Moscow: the whole Moscow day is still ahead.
    assert moscow.add_working_hours(datetime(2024, 6, 5, 11, tzinfo=YEKT), 9) == msk(2024, 6, 5, 18)
    # 10:00 in Vladivostok is 03:00 in Moscow, before the day starts.
    vlad = datetime(2024, 6, 5, 10, tzinfo=ZoneInfo("Asia/Vladivostok"))
    assert moscow.add_working_hours(vlad, 9) == msk(2024, 6, 5, 18)
    assert yekat.working_interval(date(2024, 6, 5)) == (
        datetime(2024, 6, 5, 9, tzinfo=YEKT),
        datetime(2024, 6, 5, 18, tzinfo=YEKT),
    )


def test_final_answer_counts_from_local_date() -> None:
    interim = utc(2024, 6, 6, 21, 30)  # Friday 00:30 in Moscow, still Thursday in Kaliningrad
    # Moscow counts from Jun 8: 10, 11, 13, 14, 17, 18, 19.
    assert SlaClock(WorkingCalendar(MSK.key)).final_answer_due(interim) == msk(2024, 6, 19, 18)
    # Kaliningrad counts from Jun 7: 7, 10, 11, 13, 14, 17, 18.
    kalin = SlaClock(WorkingCalendar(KALT.key)).final_answer_due(interim)
    assert kalin == datetime(2024, 6, 18, 18, tzinfo=KALT)
    assert kalin == utc(2024, 6, 18, 16)


# --- SLA clock -------------------------------------------------------------------------------


def test_first_answer_due_normal_and_high(clock: SlaClock) -> None:
    received = msk(2024, 6, 3, 16)
    assert clock.first_answer_due(received, "normal") == msk(2024, 6, 4, 16)
    assert clock.first_answer_due(received, "high") == msk(2024, 6, 4, 11)
    assert clock.first_answer_due(received, Importance.HIGH) == msk(2024, 6, 4, 11)
    assert clock.first_answer_due(msk(2024, 3, 7, 15), "high") == msk(2024, 3, 11, 11)


@pytest.mark.parametrize(
    ("interim", "expected"),
    [
        (msk(2024, 4, 26, 15), msk(2024, 5, 13, 18)),  # 27.04, 2, 3, 6, 7, 8, 13 May
        (msk(2025, 4, 29, 10), msk(2025, 5, 14, 18)),  # 30.04, 5, 6, 7, 12, 13, 14 May
        (msk(2024, 2, 13, 12), msk(2024, 2, 22, 17)),  # 7th day is a shortened day
        (msk(2024, 12, 29, 12), msk(2025, 1, 17, 18)),  # New Year block
        (msk(2024, 6, 7, 23, 59), msk(2024, 6, 19, 18)),  # late evening: count from Jun 8
    ],
)
def test_final_answer_due(clock: SlaClock, interim: datetime, expected: datetime) -> None:
    result = clock.final_answer_due(interim)
    assert result == expected
    assert result.tzinfo is UTC


def test_working_seconds_between(cal: WorkingCalendar) -> None:
    assert cal.working_seconds_between(msk(2024, 6, 7, 17), msk(2024, 6, 10, 10)) == 7200
    assert cal.working_seconds_between(msk(2024, 6, 10, 10), msk(2024, 6, 7, 17)) == -7200
    # Jun 11 is a shortened day (8 h), Jun 12 a holiday.
    assert cal.working_seconds_between(msk(2024, 6, 11, 0), msk(2024, 6, 13, 0)) == 8 * 3600
    assert (
        cal.working_seconds_between(utc(2024, 6, 5, 6), datetime(2024, 6, 5, 14, tzinfo=YEKT))
        == 3 * 3600
    )


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (msk(2024, 6, 3, 8), SlaState.ok),
        (msk(2024, 6, 3, 9), SlaState.ok),
        (msk(2024, 6, 3, 15, 44), SlaState.ok),
        (msk(2024, 6, 3, 15, 45), SlaState.at_risk),  # 2h15m = 25% of 9h left
        (msk(2024, 6, 3, 17, 59), SlaState.at_risk),
        (msk(2024, 6, 3, 18), SlaState.overdue),
        (msk(2024, 6, 4, 10), SlaState.overdue),
    ],
)
def test_state_boundaries(clock: SlaClock, now: datetime, expected: SlaState) -> None:
    started = msk(2024, 6, 3, 9)
    due = clock.first_answer_due(started, "normal")
    assert due == msk(2024, 6, 3, 18)
    assert clock.state(started, due, now) is expected


def test_state_done_and_weekend(clock: SlaClock) -> None:
    started, due = msk(2024, 6, 7, 9), msk(2024, 6, 10, 18)  # 18 working hours
    assert clock.state(started, None, msk(2024, 6, 8, 12)) is SlaState.done
    assert clock.state(started, due, msk(2024, 6, 11, 12), msk(2024, 6, 7, 10)) is SlaState.done
    assert clock.state(started, due, msk(2024, 6, 8, 12)) is SlaState.ok  # 9 h left on Saturday
    assert clock.state(started, due, msk(2024, 6, 10, 13, 29)) is SlaState.ok
    assert clock.state(started, due, msk(2024, 6, 10, 13, 30)) is SlaState.at_risk
    strict = SlaClock(clock.calendar, SlaPolicy(at_risk_fraction=0.5))
    assert strict.state(started, due, msk(2024, 6, 8, 12)) is SlaState.at_risk


def test_remaining_seconds(clock: SlaClock) -> None:
    due = msk(2024, 6, 10, 18)
    assert clock.remaining_seconds(due, msk(2024, 6, 7, 17)) == 10 * 3600
    assert clock.remaining_seconds(due, msk(2024, 6, 10, 20)) == 0
    assert clock.remaining_seconds(due, msk(2024, 6, 11, 10)) == -3600


def test_labels() -> None:
    assert SLA_STATE_LABELS == {
        SlaState.ok: "В срок",
        SlaState.at_risk: "Под угрозой",
        SlaState.overdue: "Просрочено",
        SlaState.done: "Завершено",
    }
    assert SlaState("at_risk") is SlaState.at_risk


def test_policy_json() -> None:
    policy = SlaPolicy(first_answer_hours=8, final_answer_days=10, at_risk_fraction=0.3)
    assert SlaPolicy.from_json(json.loads(json.dumps(policy.to_json()))) == policy
    assert SlaPolicy.from_json({"final_answer_days": 5, "future_field": 1}) == SlaPolicy(
        final_answer_days=5
    )
    assert SlaPolicy().to_json() == {
        "first_answer_hours": 9,
        "first_answer_hours_high": 4,
        "final_answer_days": 7,
        "at_risk_fraction": 0.25,
    }


# --- serialisation ---------------------------------------------------------------------------


def test_calendar_to_json(cal: WorkingCalendar) -> None:
    data = json.loads(json.dumps(cal.to_json([2024])))
    assert (data["timezone"], data["day_start"], data["day_end"]) == (
        "Europe/Moscow",
        "09:00",
        "18:00",
    )
    assert data["holidays"]["2024-01-01"] == "New Year Holidays"
    assert "2024-04-29" in data["holidays"]
    assert all(k.startswith("2024-") for k in data["holidays"])
    assert data["working_weekends"] == ["2024-04-27", "2024-11-02", "2024-12-28"]
    assert data["short_days"] == [
        "2024-02-22",
        "2024-03-07",
        "2024-05-08",
        "2024-06-11",
        "2024-11-02",
    ]


def test_calendar_round_trip_without_package(monkeypatch: pytest.MonkeyPatch) -> None:
    original = WorkingCalendar("Asia/Yekaterinburg", time(8), time(17))
    payload = json.loads(json.dumps(original.to_json([2024, 2025])))

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("holidays package consulted")

    monkeypatch.setattr(holidays, "Russia", refuse)
    copy = WorkingCalendar.from_json(payload)
    assert copy.timezone == "Asia/Yekaterinburg"
    clocks = [SlaClock(original), SlaClock(copy)]
    start = utc(2024, 1, 1)
    for i in range(0, 2 * 365 * 24 - 24 * 20, 7):  # every 7 hours, staying inside 2024-2025
        t = start + timedelta(hours=i)
        a, b = ((c.first_answer_due(t, "normal"), c.final_answer_due(t)) for c in clocks)
        assert a == b
    d = date(2024, 1, 1)
    while d.year < 2026:
        assert original.working_interval(d) == copy.working_interval(d)
        d += timedelta(days=1)


def test_from_json_trusts_server_data() -> None:
    payload = WorkingCalendar().to_json([2024])
    payload["holidays"]["2024-06-10"] = "Regional holiday"
    cal = WorkingCalendar.from_json(payload)
    assert not cal.is_working_day(date(2024, 6, 10))
    assert cal.add_working_hours(msk(2024, 6, 7, 17), 2) == msk(2024, 6, 11, 10)


def test_unparseable_substitution_label_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = {
        date(2030, 1, 1): "New Year Holidays",
        date(2030, 5, 6): "Day off (substituted from 13/45/2030)",
        date(2030, 5, 7): "Day off (substituted from someday)",
        date(2030, 5, 14): "Victory Day (observed)",
        date(2030, 5, 21): "Russia Day",
    }
    monkeypatch.setattr(holidays, "Russia", lambda **kwargs: fake)
    cal = WorkingCalendar()
    assert not cal.is_working_day(date(2030, 5, 6))
    assert not cal.is_working_day(date(2030, 5, 7))
    assert cal.is_working_day(date(2030, 5, 8))
    assert not cal.is_working_day(date(2030, 5, 11))  # Saturday, never made a working day
    assert cal.working_interval(date(2030, 5, 13))[1] == msk(2030, 5, 13, 18)  # eve of observed
    assert cal.working_interval(date(2030, 5, 20))[1] == msk(2030, 5, 20, 17)  # eve of holiday
