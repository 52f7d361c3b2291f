"""The time resolver: news conventions, TIMEX3 values, and free-text finding.

Most cases are anchored on Friday 12 April 2024; boundary cases use 3 January 2024.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from eventwire.records import TimeSpan
from eventwire.resolve.times import (
    PRECISIONS,
    Resolution,
    find_times,
    resolve_time,
    to_timespan,
)
from eventwire.resolve.timex import calendar as cal

FRI = date(2024, 4, 12)  # a Friday, ISO week 2024-W15
NEW_YEAR = date(2024, 1, 3)  # a Wednesday, ISO week 2024-W01
D = date.fromisoformat


def res(text: str, anchor: date | datetime | None = FRI, **kw: bool) -> Resolution:
    found = resolve_time(text, anchor, **kw)
    assert found is not None, text
    return found


def span(r: Resolution) -> tuple[str | None, str | None]:
    return (r.start.isoformat() if r.start else None, r.end.isoformat() if r.end else None)


def found(text: str, anchor: date | None = FRI) -> list[tuple[str, str | None]]:
    """(surface text, value) of every expression find_times reports, checking the offsets."""
    return [(text[s:e], r.value) for s, e, r in find_times(text, anchor)]


# -- absolute expressions -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "10 April 2024",
        "April 10, 2024",
        "2024-04-10",
        "2024/04/10",
        "the 10th of April, 2024",
        "Wednesday, April 10, 2024",
        "10 Apr. 2024",
        "10-Apr-2024",
        "on 10 April 2024",
    ],
)
def test_absolute_day_formats_resolve_to_that_day(text: str) -> None:
    r = res(text)
    assert span(r) == ("2024-04-10", "2024-04-10")
    assert (r.precision, r.value, r.type, r.flags) == ("day", "2024-04-10", "DATE", ())


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "value"),
    [
        ("April 2024", "2024-04-01", "2024-04-30", "month", "2024-04"),
        ("March 2023", "2023-03-01", "2023-03-31", "month", "2023-03"),
        ("February 2024", "2024-02-01", "2024-02-29", "month", "2024-02"),
        ("2024", "2024-01-01", "2024-12-31", "year", "2024"),
        ("Q1 2024", "2024-01-01", "2024-03-31", "quarter", "2024-Q1"),
        ("2024 Q3", "2024-07-01", "2024-09-30", "quarter", "2024-Q3"),
        ("the first quarter of 2024", "2024-01-01", "2024-03-31", "quarter", "2024-Q1"),
        ("the fourth quarter of last year", "2023-10-01", "2023-12-31", "quarter", "2023-Q4"),
        ("the first half of 2024", "2024-01-01", "2024-06-30", "half-year", "2024-H1"),
        ("H2 2023", "2023-07-01", "2023-12-31", "half-year", "2023-H2"),
        ("summer 2023", "2023-06-01", "2023-08-31", "season", "2023-SU"),
        ("the summer of 2023", "2023-06-01", "2023-08-31", "season", "2023-SU"),
        ("autumn 2022", "2022-09-01", "2022-11-30", "season", "2022-FA"),
        ("the 1990s", "1990-01-01", "1999-12-31", "decade", "199"),
        ("1990s", "1990-01-01", "1999-12-31", "decade", "199"),
        ("the '90s", "1990-01-01", "1999-12-31", "decade", "199"),
        ("the 2000s", "2000-01-01", "2009-12-31", "decade", "200"),
        ("the 20th century", "1900-01-01", "1999-12-31", "century", "19"),
        ("the twenty-first century", "2000-01-01", "2099-12-31", "century", "20"),
    ],
)
def test_absolute_periods(text: str, start: str, end: str, precision: str, value: str) -> None:
    r = res(text)
    assert span(r) == (start, end)
    assert (r.precision, r.value, r.type) == (precision, value, "DATE")


def test_winter_runs_from_december_into_the_next_year() -> None:
    assert span(res("winter 2023")) == ("2023-12-01", "2024-02-29")


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("early 2024", "2024-01-01", "2024-04-30", "part-of-year"),
        ("mid-2023", "2023-05-01", "2023-08-31", "part-of-year"),
        ("the end of 2023", "2023-09-01", "2023-12-31", "part-of-year"),
        ("the early 2000s", "2000-01-01", "2003-12-31", "part-of-decade"),
        ("the late 1990s", "1997-01-01", "1999-12-31", "part-of-decade"),
    ],
)
def test_parts_of_years_and_decades_narrow_the_interval_but_keep_the_value(
    text: str, start: str, end: str, precision: str
) -> None:
    r = res(text)
    assert span(r) == (start, end)
    assert r.precision == precision
    assert r.value == res(text.split()[-1].removeprefix("mid-")).value


@pytest.mark.parametrize(
    "text",
    [
        "10 April 2024",
        "April 2024",
        "2024",
        "the 1990s",
        "Q1 2024",
        "summer 2023",
        "from 2019 to 2021",
    ],
)
def test_absolute_expressions_resolve_without_an_anchor(text: str) -> None:
    assert res(text, None) == res(text, FRI)
    assert "unanchored" not in res(text, None).flags


# -- a day and month without a year ---------------------------------------------------------------
@pytest.mark.parametrize("text", ["on 26 July", "26 July", "July 26", "the 26th of July"])
def test_day_month_without_year_is_the_most_recent_past_occurrence(text: str) -> None:
    assert span(res(text)) == ("2023-07-26", "2023-07-26")


def test_day_month_a_few_days_after_the_anchor_is_this_year() -> None:
    assert res("April 14").value == "2024-04-14"
    assert res("April 19").value == "2024-04-19"  # a week ahead: still this year
    assert res("April 30").value == "2024-04-30"  # later in the anchor's month: still this year
    assert res("May 3").value == "2023-05-03"  # three weeks ahead, in another month: last year's


def test_day_month_on_the_anchor_day_is_the_anchor() -> None:
    assert res("12 April").value == "2024-04-12"


def test_day_month_with_future_is_the_next_occurrence() -> None:
    assert res("on 26 July", future=True).value == "2024-07-26"
    assert res("10 April", future=True).value == "2025-04-10"


def test_day_month_across_the_new_year() -> None:
    assert res("30 December", NEW_YEAR).value == "2023-12-30"
    assert res("January 5", NEW_YEAR).value == "2024-01-05"


def test_29_february_finds_a_leap_year() -> None:
    assert res("29 February", date(2025, 6, 1)).value == "2024-02-29"


def test_impossible_dates_are_not_resolved() -> None:
    assert resolve_time("31 April", FRI) is None
    assert resolve_time("2023-02-29", FRI) is None


def test_a_weekday_that_disagrees_with_the_date_is_flagged() -> None:
    r = res("Monday, 10 April 2024")  # 10 April 2024 was a Wednesday
    assert r.value == "2024-04-10"
    assert r.flags == ("weekday-mismatch",)


# -- weekdays -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Thursday", "2024-04-11"),
        ("on Wednesday", "2024-04-10"),
        ("Friday", "2024-04-12"),
        ("Saturday", "2024-04-06"),
        ("Monday", "2024-04-08"),
        ("late Thursday", "2024-04-11"),
        ("early Monday", "2024-04-08"),
        ("late on Thursday", "2024-04-11"),
        ("this Tuesday", "2024-04-09"),
    ],
)
def test_bare_weekday_is_most_recent_up_to_pubdate(text: str, day: str) -> None:
    r = res(text)
    assert span(r) == (day, day)
    assert (r.precision, r.value, r.type) == ("day", day, "DATE")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Wednesday night", "2024-04-10TNI"),
        ("Thursday morning", "2024-04-11TMO"),
        ("Monday afternoon", "2024-04-08TAF"),
        ("Tuesday evening", "2024-04-09TEV"),
    ],
)
def test_weekday_with_time_of_day_is_a_timex_time_on_that_day(text: str, value: str) -> None:
    r = res(text)
    assert (r.value, r.type, r.precision) == (value, "TIME", "day")
    assert span(r) == (value[:10], value[:10])


def test_last_weekday_is_strictly_before_the_anchor() -> None:
    assert res("last Tuesday").value == "2024-04-09"
    assert res("last Friday").value == "2024-04-05"
    assert res("this past Monday").value == "2024-04-08"


def test_next_weekday_is_strictly_after_the_anchor() -> None:
    assert res("next Tuesday").value == "2024-04-16"
    assert res("next Friday").value == "2024-04-19"


def test_bare_weekday_with_future_is_the_next_on_or_after_the_anchor() -> None:
    assert res("Friday", future=True).value == "2024-04-12"  # "talks resume Friday", on a Friday
    assert res("Monday", future=True).value == "2024-04-15"
    assert res("Saturday", future=True).value == "2024-04-13"
    assert res("next Friday", future=True).value == "2024-04-19"


# -- days relative to the anchor ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value", "type_"),
    [
        ("today", "2024-04-12", "DATE"),
        ("yesterday", "2024-04-11", "DATE"),
        ("tomorrow", "2024-04-13", "DATE"),
        ("tonight", "2024-04-12TNI", "TIME"),
        ("this morning", "2024-04-12TMO", "TIME"),
        ("this evening", "2024-04-12TEV", "TIME"),
        ("last night", "2024-04-11TNI", "TIME"),
        ("yesterday afternoon", "2024-04-11TAF", "TIME"),
        ("late yesterday", "2024-04-11", "DATE"),
        ("the day before yesterday", "2024-04-10", "DATE"),
        ("the day after tomorrow", "2024-04-14", "DATE"),
    ],
)
def test_days_relative_to_the_publication_date(text: str, value: str, type_: str) -> None:
    r = res(text)
    assert (r.value, r.type, r.precision) == (value, type_, "day")
    assert span(r) == (value[:10], value[:10])


def test_a_datetime_anchor_is_read_as_its_date() -> None:
    assert res("yesterday", datetime(2024, 4, 12, 23, 59)).value == "2024-04-11"


# -- parts of months and bare months --------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("early March", "2024-03-01", "2024-03-10"),
        ("mid-March", "2024-03-11", "2024-03-20"),
        ("mid March", "2024-03-11", "2024-03-20"),
        ("late March", "2024-03-21", "2024-03-31"),
        ("the end of March", "2024-03-21", "2024-03-31"),
        ("the beginning of March", "2024-03-01", "2024-03-10"),
        ("late February", "2024-02-21", "2024-02-29"),
        ("the first half of March", "2024-03-01", "2024-03-15"),
        ("the last week of March", "2024-03-25", "2024-03-31"),
    ],
)
def test_part_of_month_is_a_third_of_the_month_valued_as_the_month(
    text: str, start: str, end: str
) -> None:
    r = res(text)
    assert span(r) == (start, end)
    assert (r.precision, r.value) == ("part-of-month", start[:7])


def test_month_without_year_is_the_most_recent_including_the_current() -> None:
    assert res("March").value == "2024-03"
    assert res("in April").value == "2024-04"
    assert res("May").value == "2023-05"
    assert span(res("late April")) == ("2024-04-21", "2024-04-30")
    assert span(res("late March", date(2024, 3, 15))) == ("2024-03-21", "2024-03-31")


def test_late_december_seen_in_january_is_last_year() -> None:
    r = res("late December", NEW_YEAR)
    assert span(r) == ("2023-12-21", "2023-12-31")
    assert r.value == "2023-12"


def test_month_with_future_is_the_next_not_yet_over() -> None:
    assert res("May", future=True).value == "2024-05"
    assert res("April", future=True).value == "2024-04"
    assert res("late March", future=True).value == "2025-03"


def test_last_and_next_named_month() -> None:
    assert res("last March").value == "2024-03"
    assert res("last April").value == "2023-04"
    assert res("next April").value == "2025-04"
    assert res("next May").value == "2024-05"
    assert res("March last year").value == "2023-03"


# -- calendar units relative to the anchor --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "value"),
    [
        ("last year", "2023-01-01", "2023-12-31", "year", "2023"),
        ("this year", "2024-01-01", "2024-12-31", "year", "2024"),
        ("next year", "2025-01-01", "2025-12-31", "year", "2025"),
        ("last month", "2024-03-01", "2024-03-31", "month", "2024-03"),
        ("this month", "2024-04-01", "2024-04-30", "month", "2024-04"),
        ("next month", "2024-05-01", "2024-05-31", "month", "2024-05"),
        ("last week", "2024-04-01", "2024-04-07", "week", "2024-W14"),
        ("this week", "2024-04-08", "2024-04-14", "week", "2024-W15"),
        ("next week", "2024-04-15", "2024-04-21", "week", "2024-W16"),
        ("last quarter", "2024-01-01", "2024-03-31", "quarter", "2024-Q1"),
        ("the last quarter", "2024-01-01", "2024-03-31", "quarter", "2024-Q1"),
        ("this decade", "2020-01-01", "2029-12-31", "decade", "202"),
        ("earlier this month", "2024-04-01", "2024-04-12", "part-of-month", "2024-04"),
        ("later this month", "2024-04-12", "2024-04-30", "part-of-month", "2024-04"),
        ("earlier this year", "2024-01-01", "2024-04-12", "part-of-year", "2024"),
        ("earlier this week", "2024-04-08", "2024-04-12", "part-of-week", "2024-W15"),
        ("late last month", "2024-03-21", "2024-03-31", "part-of-month", "2024-03"),
        ("early next week", "2024-04-15", "2024-04-16", "part-of-week", "2024-W16"),
        ("the end of the year", "2024-09-01", "2024-12-31", "part-of-year", "2024"),
        ("the first half of next year", "2025-01-01", "2025-06-30", "half-year", "2025-H1"),
    ],
)
def test_calendar_units_relative_to_the_anchor(
    text: str, start: str, end: str, precision: str, value: str
) -> None:
    r = res(text)
    assert span(r) == (start, end)
    assert (r.precision, r.value, r.type) == (precision, value, "DATE")


def test_last_month_and_last_week_across_the_new_year() -> None:
    assert res("last month", NEW_YEAR).value == "2023-12"
    assert span(res("last month", NEW_YEAR)) == ("2023-12-01", "2023-12-31")
    assert res("last week", NEW_YEAR).value == "2023-W52"
    assert res("last year", NEW_YEAR).value == "2023"
    assert res("last quarter", NEW_YEAR).value == "2023-Q4"


def test_weekends() -> None:
    assert res("the weekend").value == "2024-W14-WE"  # on a Friday, the one just past
    assert span(res("the weekend")) == ("2024-04-06", "2024-04-07")
    assert res("the weekend", future=True).value == "2024-W15-WE"
    assert res("this weekend").value == "2024-W15-WE"
    assert res("last weekend").value == "2024-W14-WE"
    assert res("next weekend").value == "2024-W16-WE"
    assert res("the weekend", date(2024, 4, 14)).value == "2024-W15-WE"  # read on the Sunday


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "value"),
    [
        ("three days ago", "2024-04-09", "2024-04-09", "day", "2024-04-09"),
        ("two weeks ago", "2024-03-25", "2024-03-31", "week", "2024-W13"),
        ("a month ago", "2024-03-01", "2024-03-31", "month", "2024-03"),
        ("a year ago", "2023-01-01", "2023-12-31", "year", "2023"),
        ("three years ago", "2021-01-01", "2021-12-31", "year", "2021"),
        ("in two weeks", "2024-04-22", "2024-04-28", "week", "2024-W17"),
        ("in three days", "2024-04-15", "2024-04-15", "day", "2024-04-15"),
        ("two years from now", "2026-01-01", "2026-12-31", "year", "2026"),
    ],
)
def test_counted_units_before_or_after_the_anchor(
    text: str, start: str, end: str, precision: str, value: str
) -> None:
    r = res(text)
    assert span(r) == (start, end)
    assert (r.precision, r.value, r.flags) == (precision, value, ())


def test_vague_counts_are_approximate() -> None:
    # "a few days ago" names no day: the value says only "past", the interval says how far
    r = res("a few days ago")
    assert r.value == "PAST_REF"
    assert r.flags == ("approximate",)
    assert span(r) == ("2024-04-05", "2024-04-10")
    assert r.precision == "part-of-month"
    r = res("several years ago")
    assert (r.value, span(r), r.precision) == (
        "PAST_REF",
        ("2017-01-01", "2022-12-31"),
        "part-of-decade",
    )
    assert res("years ago").value == "PAST_REF"
    assert res("three years ago").value == "2021"  # a count is exact: that year


def test_expression_inside_a_longer_phrase_is_found() -> None:
    assert res("last year's coup").value == "2023"
    assert res("last year\u2019s").value == "2023"
    assert res("the attack on Thursday morning").value == "2024-04-11TMO"


# -- seasons --------------------------------------------------------------------------------------
def test_seasons_relative_to_the_anchor() -> None:
    assert res("summer").value == "2023-SU"  # April 2024: this year's summer has not begun
    assert res("last summer").value == "2023-SU"
    assert res("this summer").value == "2024-SU"
    assert res("spring").value == "2024-SP"  # begun in March: the current one
    assert res("summer", date(2024, 7, 15)).value == "2024-SU"
    assert res("last summer", date(2024, 7, 15)).value == "2023-SU"
    assert res("winter", NEW_YEAR).value == "2023-WI"
    assert res("last winter", NEW_YEAR).value == "2022-WI"
    assert res("this summer", NEW_YEAR).value == "2024-SU"
    assert res("summer", future=True).value == "2024-SU"
    assert span(res("early summer")) == ("2023-06-01", "2023-06-30")


# -- ranges ---------------------------------------------------------------------------------------
def test_since_runs_from_the_start_of_the_period_to_the_anchor() -> None:
    r = res("since 2021")
    assert span(r) == ("2021-01-01", "2024-04-12")
    assert (r.precision, r.value) == ("year", "2021")
    assert "since" in r.flags
    assert span(res("since March")) == ("2024-03-01", "2024-04-12")
    assert span(res("since last year")) == ("2023-01-01", "2024-04-12")
    assert span(res("since Tuesday")) == ("2024-04-09", "2024-04-12")


def test_since_without_anchor_keeps_the_start_and_no_end() -> None:
    r = res("since 2021", None)
    assert span(r) == ("2021-01-01", None)
    assert {"since", "unanchored"} <= set(r.flags)


@pytest.mark.parametrize(
    ("text", "start", "end", "value"),
    [
        ("between May and July", "2023-05-01", "2023-07-31", "2023-05/2023-07"),
        ("between May and July 2024", "2024-05-01", "2024-07-31", "2024-05/2024-07"),
        ("from 2019 to 2021", "2019-01-01", "2021-12-31", "2019/2021"),
        ("between 2019 and 2021", "2019-01-01", "2021-12-31", "2019/2021"),
        ("2019-2021", "2019-01-01", "2021-12-31", "2019/2021"),
        ("2023/24", "2023-01-01", "2024-12-31", "2023/2024"),
        ("from December to February", "2023-12-01", "2024-02-29", "2023-12/2024-02"),
        ("April-June", "2023-04-01", "2023-06-30", "2023-04/2023-06"),
        ("from Monday to Wednesday", "2024-04-08", "2024-04-10", "2024-04-08/2024-04-10"),
        ("from 10 to 12 April", "2024-04-10", "2024-04-12", "2024-04-10/2024-04-12"),
        ("10-12 April 2024", "2024-04-10", "2024-04-12", "2024-04-10/2024-04-12"),
        ("April 10-12", "2024-04-10", "2024-04-12", "2024-04-10/2024-04-12"),
    ],
)
def test_ranges_are_intervals_from_first_start_to_second_end(
    text: str, start: str, end: str, value: str
) -> None:
    r = res(text)
    assert span(r) == (start, end)
    assert r.value == value
    assert "interval" in r.flags


def test_backwards_ranges_are_not_read_as_ranges() -> None:
    for text in ("from 2021 to 2019", "between 12 and 10 April"):
        r = resolve_time(text, FRI)
        assert r is None or "interval" not in r.flags


# -- durations and sets ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "end", "value"),
    [
        ("the past two years", "2022-04-13", "2024-04-12", "P2Y"),
        ("the past week", "2024-04-06", "2024-04-12", "P1W"),
        ("the last three months", "2024-01-13", "2024-04-12", "P3M"),
        ("the past 24 hours", "2024-04-11", "2024-04-12", "PT24H"),
        ("the past decade", "2014-04-13", "2024-04-12", "P10Y"),
        ("the next two weeks", "2024-04-12", "2024-04-25", "P2W"),
    ],
)
def test_anchored_durations_end_or_start_at_the_anchor(
    text: str, start: str, end: str, value: str
) -> None:
    r = res(text)
    assert span(r) == (start, end)
    assert (r.value, r.type, r.precision) == (value, "DURATION", "duration")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("for three months", "P3M"),
        ("three months", "P3M"),
        ("48 hours", "PT48H"),
        ("a 30-day", "P30D"),
        ("two and a half years", "P2Y6M"),
        ("a year and a half", "P1Y6M"),
        ("2 1/2 years", "P2Y6M"),
        ("a minute and a half", "PT1M30S"),
        ("5 1/2 hours", "PT5H30M"),
        ("a couple of years", "P2Y"),
        ("two quarters", "P2Q"),
        ("a fortnight", "P2W"),
        ("a decade", "P10Y"),
    ],
)
def test_plain_durations_have_a_value_but_no_interval(text: str, value: str) -> None:
    r = res(text)
    assert span(r) == (None, None)
    assert (r.value, r.type, r.flags) == (value, "DURATION", ())


def test_vague_durations_use_x_and_are_approximate() -> None:
    r = res("the past few years")
    assert (r.value, r.flags) == ("PXY", ("approximate",))
    assert r.start is not None and r.end == FRI
    assert res("recent weeks").value == "PXW"
    assert res("for years").value == "PXY"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("every Monday", "XXXX-WXX-1"),
        ("on Fridays", "XXXX-WXX-5"),
        ("weekly", "P1W"),
        ("daily", "P1D"),
        ("annually", "P1Y"),
        ("every two weeks", "P2W"),
        ("every other month", "P2M"),
        ("each year", "P1Y"),
        ("every March", "XXXX-03"),
        ("every summer", "XXXX-SU"),
        ("twice a week", "P1W"),
    ],
)
def test_sets(text: str, value: str) -> None:
    r = res(text)
    assert (r.value, r.type, r.precision) == (value, "SET", "set")
    assert span(r) == (None, None)


def test_frequency_is_kept_as_a_flag() -> None:
    assert res("twice a week").flags == ("freq=2",)
    assert res("three times a year").flags == ("freq=3",)


# -- references -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["now", "currently", "at present", "right now", "nowadays"])
def test_present_reference_is_the_publication_day(text: str) -> None:
    r = res(text)
    assert r.value == "PRESENT_REF"
    assert span(r) == ("2024-04-12", "2024-04-12")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("recently", "PAST_REF"),
        ("in the past", "PAST_REF"),
        ("lately", "PAST_REF"),
        ("the future", "FUTURE_REF"),
        ("in the near future", "FUTURE_REF"),
        ("soon", "FUTURE_REF"),
    ],
)
def test_past_and_future_references_have_no_interval(text: str, value: str) -> None:
    r = res(text)
    assert (r.value, r.start, r.end, r.precision) == (value, None, None, None)


# -- no anchor ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Thursday",
        "late Thursday",
        "Wednesday night",
        "yesterday",
        "today",
        "last year",
        "last week",
        "this month",
        "earlier this month",
        "late March",
        "on 26 July",
        "summer",
        "last summer",
        "two weeks ago",
        "in two weeks",
        "the past two years",
        "the weekend",
        "the first quarter",
        "Q3",
        "between May and July",
        "since last year",
        "now",
    ],
)
def test_relative_expressions_without_anchor_are_flagged_not_guessed(text: str) -> None:
    r = res(text, None)
    assert (r.start, r.end) == (None, None)
    assert "unanchored" in r.flags


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Thursday", "XXXX-WXX-4"),
        ("Wednesday night", "XXXX-WXX-3TNI"),
        ("late March", "XXXX-03"),
        ("26 July", "XXXX-07-26"),
        ("summer", "XXXX-SU"),
        ("the first quarter", "XXXX-Q1"),
        ("last year", None),
        ("the past two years", "P2Y"),
    ],
)
def test_unanchored_expressions_keep_what_the_words_say(text: str, value: str | None) -> None:
    assert res(text, None).value == value


def test_durations_and_sets_need_no_anchor() -> None:
    assert res("for three months", None).flags == ()
    assert res("every Monday", None).flags == ()


# -- not time expressions -------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["", "   ", "banana", "the government", "may", "march", "42"])
def test_non_time_text_resolves_to_none(text: str) -> None:
    assert resolve_time(text, FRI) is None


def test_odd_absolute_formats_fall_back_to_dateparser_and_say_so() -> None:
    r = res("25/04/2024")
    assert r.value == "2024-04-25"
    assert r.flags == ("dateparser",)
    assert "ambiguous-order" in res("10/04/2024").flags


def test_relative_phrases_never_reach_dateparser() -> None:
    assert resolve_time("in a fortnight or so maybe", None) is not None  # "a fortnight": ours
    assert resolve_time("some day", None) is None


# -- find_times -----------------------------------------------------------------------------------
PARAGRAPH = (
    "Security forces opened fire late Thursday on protesters who had gathered since Wednesday "
    "night, officials said on Friday. The ceasefire, agreed two weeks ago, will be reviewed in "
    "two weeks. Over the past two years some 2000 troops were deployed for three months. Last "
    "year's coup ended a decade of military rule; in the 1990s the army ruled too. Elections "
    "may be held in May, and talks may resume between May and July 2025. Inflation rose 3.2% in "
    "the first quarter of 2024, the highest in two years. Since 2021, prices have doubled."
)


def test_find_times_paragraph_offsets_and_values() -> None:
    assert found(PARAGRAPH) == [
        ("late Thursday", "2024-04-11"),
        ("since Wednesday night", "2024-04-10TNI"),
        ("Friday", "2024-04-12"),
        ("two weeks ago", "2024-W13"),
        ("in two weeks", "2024-W17"),
        ("the past two years", "P2Y"),
        ("three months", "P3M"),
        ("Last year", "2023"),
        ("the 1990s", "199"),
        ("May", "2024-05"),  # "may be held in May": the modal looks ahead
        ("between May and July 2025", "2025-05/2025-07"),
        ("the first quarter of 2024", "2024-Q1"),
        ("two years", "P2Y"),  # "the highest in two years" is a span, not a future date
        ("Since 2021", "2021"),
    ]


def test_find_times_offsets_index_the_original_text() -> None:
    text = "Le\u00e7on: on Thursday\u2019s vote, late March."
    hits = find_times(text, FRI)
    assert [text[s:e] for s, e, _ in hits] == ["Thursday", "late March"]
    assert hits[0][:2] == (text.index("Thursday"), text.index("Thursday") + len("Thursday"))


@pytest.mark.parametrize(
    "text",
    [
        "Talks may meet resistance.",
        "They may march on Washington.",
        "A protest march was held.",
        "The Sunday Times reported it.",
        "Theresa May said so.",
        "Ms May spoke.",
        "The Good Friday Agreement holds.",
        "After the Arab Spring, reform stalled.",
        "The fall of Kabul shocked them.",
        "The company had 2000 employees.",
        "More than 1500 troops arrived.",
        "He is in his 90s.",
        "A two-year-old girl died.",
        "The Daily Mail reported it.",
        "It rose 2024%.",
        "She signed it as soon as possible.",
        "The March on Washington.",
        "It was the Winter Olympics.",
        "A summer-long campaign.",
        "The spring water was clean.",
        "He used a week of leave.",
        "They met shortly after the vote.",
    ],
)
def test_find_times_rejects_false_positives(text: str) -> None:
    assert find_times(text, FRI) == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("It happened in March.", "March", "2024-03"),
        ("Prices have risen since May.", "since May", "2023-05"),
        ("Talks resumed in late March.", "late March", "2024-03"),
        ("Protests on 5 May turned violent.", "5 May", "2023-05-05"),
        ("The March 15 rally was large.", "March 15", "2024-03-15"),
        ("The vote was in May 2023.", "May 2023", "2023-05"),
        ("The strike lasted until March.", "March", "2024-03"),
        ("Protests in March and April spread.", "April", "2024-04"),
        ("In the spring, talks resumed.", "the spring", "2024-SP"),
        ("In the 2024 election, turnout fell.", "2024", "2024"),
        ("It was founded in 1998.", "1998", "1998"),
        ("They met on Thursday.", "Thursday", "2024-04-11"),
        ("Thursday's attack killed five.", "Thursday", "2024-04-11"),
    ],
)
def test_find_times_accepts_names_with_a_date_cue(text: str, surface: str, value: str) -> None:
    assert (surface, value) in found(text)


def test_find_times_prefers_the_longest_match_and_never_overlaps() -> None:
    text = "It began late Thursday night and ended the first quarter of 2024, two weeks ago."
    hits = find_times(text, FRI)
    assert [text[s:e] for s, e, _ in hits] == [
        "late Thursday night",
        "the first quarter of 2024",
        "two weeks ago",
    ]
    assert all(e1 <= s2 for (_, e1, _), (s2, _, _) in zip(hits, hits[1:], strict=False))


def test_find_times_keeps_prepositions_out_of_the_span_but_flags_bounds() -> None:
    text = "The curfew lasts until March; it began on Monday."
    hits = find_times(text, FRI)
    assert [text[s:e] for s, e, _ in hits] == ["March", "Monday"]
    assert hits[0][2].flags == ("until",)


def test_find_times_without_anchor_flags_relative_and_resolves_absolute() -> None:
    hits = {PARAGRAPH[s:e]: r for s, e, r in find_times(PARAGRAPH, None)}
    assert hits["late Thursday"].start is None and "unanchored" in hits["late Thursday"].flags
    assert hits["the 1990s"].start == D("1990-01-01")
    assert hits["the first quarter of 2024"].value == "2024-Q1"


def test_find_times_on_text_without_time_words_is_empty() -> None:
    assert find_times("The minister met the envoy in the capital.", FRI) == []
    assert find_times("", FRI) == []


# -- records and invariants -----------------------------------------------------------------------
def test_to_timespan_carries_iso_dates_offsets_and_flags() -> None:
    r = res("since 2021")
    ts = to_timespan("since 2021", 10, 20, r)
    assert ts == TimeSpan(
        text="since 2021",
        start="2021-01-01",
        end="2024-04-12",
        precision="year",
        value="2021",
        char_start=10,
        char_end=20,
        flags=("since",),
    )
    unanchored = to_timespan("Thursday", 0, 8, res("Thursday", None))
    assert (unanchored.start, unanchored.end, unanchored.flags) == (None, None, ("unanchored",))


SAMPLES = [
    "10 April 2024",
    "late Thursday",
    "Wednesday night",
    "late March",
    "the weekend",
    "earlier this century",
    "later this quarter",
    "early summer",
    "the late 1990s",
    "the past two years",
    "every Monday",
    "now",
    "recently",
    "since 2021",
    "April-June",
    "H1 2024",
    "the 20th century",
    "a few days ago",
    "the end of last year",
    "tonight",
]


@pytest.mark.parametrize("anchor", [FRI, NEW_YEAR, None])
def test_every_resolution_has_a_known_precision_and_ordered_bounds(anchor: date | None) -> None:
    results = [r for _, _, r in find_times(PARAGRAPH, anchor)]
    results += [res(text, anchor) for text in SAMPLES]
    for r in results:
        assert r.precision is None or r.precision in PRECISIONS
        assert r.type in ("DATE", "TIME", "DURATION", "SET")
        if r.start is not None and r.end is not None:
            assert r.start <= r.end


def test_dates_beyond_the_calendar_are_not_dated_and_do_not_raise() -> None:
    r = resolve_time("3000 centuries ago", FRI)
    assert r is not None and (r.start, r.value) == (None, "PAST_REF")  # only "centuries ago"
    assert all(r.start is None for _, _, r in find_times("It began 3000 centuries ago.", FRI))


def test_resolution_is_frozen() -> None:
    with pytest.raises(AttributeError):
        res("today").value = "x"  # type: ignore[misc]


# -- calendar conventions, directly ---------------------------------------------------------------
def test_pick_year_modes() -> None:
    def march(y: int) -> cal.Bounds:
        return cal.month_bounds(y, 3)

    ref = D("2024-03-15")
    assert cal.pick_year(march, ref, "recent") == 2024
    assert cal.pick_year(march, ref, "last") == 2023
    assert cal.pick_year(march, ref, "next") == 2025
    assert cal.pick_year(march, ref, "future") == 2024
    assert cal.pick_year(march, ref, "this") == 2024
    april = D("2024-04-20")
    assert cal.pick_year(march, april, "future") == 2025  # March is over: the next one
    assert cal.pick_year(march, april, "future", grace=31) == 2024  # ended 20 days ago

    def day_28(y: int) -> cal.Bounds:
        return D(f"{y}-03-28"), D(f"{y}-03-28")

    assert cal.pick_year(day_28, ref, "recent") == 2024  # later in March: still this March
    assert cal.pick_year(day_28, D("2024-02-25"), "recent", grace=7) == 2023  # next month's


def test_pick_weekday_modes() -> None:
    assert cal.pick_weekday(FRI, 4, "recent") == FRI
    assert cal.pick_weekday(FRI, 4, "last") == D("2024-04-05")
    assert cal.pick_weekday(FRI, 4, "future") == FRI
    assert cal.pick_weekday(FRI, 4, "next") == D("2024-04-19")
    assert cal.pick_weekday(FRI, 0, "next") == D("2024-04-15")


def test_part_bounds() -> None:
    feb = cal.month_bounds(2023, 2)
    assert cal.part_bounds(feb, "month", "late") == (D("2023-02-21"), D("2023-02-28"))
    assert cal.part_bounds(feb, "month", "h2") == (D("2023-02-16"), D("2023-02-28"))
    assert cal.part_bounds(cal.year_bounds(2024), "year", "mid") == (
        D("2024-05-01"),
        D("2024-08-31"),
    )


def test_add_months_clamps_to_month_end() -> None:
    assert cal.add_months(D("2024-01-31"), 1) == D("2024-02-29")
    assert cal.add_months(D("2024-03-31"), -13) == D("2023-02-28")
