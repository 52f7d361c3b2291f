"""News conventions of the time grammar that need context: tense, reporting periods, expressions
that point back, clock times, holidays, spoken years, TimeML extents.

Anchors: Thursday 2 November 1989 (a day of company results), Friday 12 April 2024.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.resolve.times import find_times, find_timexes, resolve_time
from eventwire.resolve.timex.tense import tense_at

RESULTS_DAY = date(1989, 11, 2)  # Thursday, ISO week 1989-W44
FRI = date(2024, 4, 12)


def found(text: str, anchor: date | None = FRI) -> list[tuple[str, str | None]]:
    return [(text[s:e], r.value) for s, e, r in find_times(text, anchor)]


def value_of(text: str, surface: str, anchor: date | None = FRI) -> str | None:
    values = [v for t, v in found(text, anchor) if t == surface]
    assert values, (surface, found(text, anchor))
    return values[0]


# -- tense of the clause --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The warrants, which expire Nov. 21, may still be used.", "Nov. 21", "1989-11-21"),
        ("The bonus is payable Jan. 2 to holders of record Dec. 15.", "Jan. 2", "1990-01-02"),
        ("The bonus is payable Jan. 2 to holders of record Dec. 15.", "Dec. 15", "1989-12-15"),
        ("The acquisition was completed on Dec. 15.", "Dec. 15", "1988-12-15"),
        ("The firm said it will shut the mill in January.", "January", "1990-01"),
        ("Sales fell in January, the company said.", "January", "1989-01"),
        ("The queen will meet Mitterrand on Monday.", "Monday", "1989-11-06"),
        ("The king met Bush on Monday.", "Monday", "1989-10-30"),
        ("The hearing was postponed until Tuesday.", "Tuesday", "1989-11-07"),
        ("The offer had been scheduled to expire Friday.", "Friday", "1989-10-27"),
        ("New rules to be issued in early November will settle it.", "early November",
         "1989-11"),
        ("Talks resume Thursday in Geneva.", "Thursday", "1989-11-02"),  # published that day
    ],
)  # fmt: skip
def test_names_without_a_year_follow_the_tense_of_their_clause(
    text: str, surface: str, value: str
) -> None:
    assert value_of(text, surface, RESULTS_DAY) == value


def test_without_a_verb_a_near_future_month_still_counts() -> None:
    # 42 days after the anchor: within the two months an uncued name may look ahead.
    assert found("The January figures.", date(2023, 11, 20)) == [("January", "2024-01")]
    assert found("The June figures.", date(2023, 11, 20)) == [("June", "2023-06")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He arrived on [X].", "past"),
        ("She will arrive on [X].", "future"),
        ("The vote, which was held [X], was close.", "past"),
        ("Officials said [X] that talks would resume.", "past"),
        ("It must be returned by [X].", "future"),
        ("It could have emerged [X] from the woods.", "past"),
        ("They agreed to meet [X].", "future"),
        ("The meeting is [X].", None),
        ("Aid would reach the countries where the blasts killed 257 people [X].", "past"),
    ],
)
def test_tense_at_reads_the_governing_verb(sentence: str, expected: str | None) -> None:
    start = sentence.index("[X]")
    assert tense_at(sentence, start, start + 3) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what is meant or arranged to happen looks ahead
        ("The transition is supposed to end by [X].", "future"),
        ("Mali signed an agreement to buy the transport jets in [X].", "future"),
        ("Niger launched a program to clear its fuel arrears by [X].", "future"),
        # a negated could/would reports what already failed ... unless "not ... until"
        ("The defence minister could not be reached [X].", "past"),
        ("Neither the envoy nor the mediators could be found [X] in Bamako.", "past"),
        ("The junta would not set a date until [X].", "future"),
        # an infinitive after a verb of directing has no tense: "summoned" does not decide
        ("Parliament summoned the minister to appear on [X].", None),
        # a long name is one constituent: the verb after it is still within reach
        ("On [X], the Sahel Regional Farmers Cooperative Federation Executive Board plans to "
         "march.", "future"),
        # the noun a name modifies is no verb of the clause
        ("The [X] deadline passed quietly.", "past"),
        # after a comma, a reporting verb is an aside ... unless a subordinate clause came first
        ("The mission ends in [X], officials said.", None),
        ("When the assembly meets on [X], it will elect a speaker.", "future"),
        # wire copy wraps lines mid-sentence; only a blank line ends a paragraph
        ("Elections will be held\nin [X].", "future"),
        ("Elections will be held\n\nin [X].", None),
        # "hopes" as a noun is no plan
        ("Officials voiced high hopes at a briefing on [X].", "past"),
        # after a fronted expression, a plan or attempt in the past was made that day
        ("Saddam Hussein on [X] tried to scare other Arab leaders.", "past"),
        ("On [X], the government planned to pay the first claims.", "past"),
        ("On [X], the federation plans to march.", "future"),
        ("On [X], the vote is expected to pass.", "future"),
        # a possessive name dates its noun; only "ahead of" / "before" it looks forward
        ("They said they would look for ways around [X]'s ruling.", None),
        ("Delegates arrived ahead of [X]'s summit.", "future"),
        # a participle of planning after its noun has no tense: the main verb decides
        ("A memorial planned at the university for [X] was canceled.", "past"),
        ("A memorial planned at the university for [X] will draw crowds.", "future"),
        ("The memorial scheduled for [X] drew crowds.", "past"),
        ("The memorial scheduled for [X] is open to all.", "future"),
        ("Protesters planned a march on [X].", "future"),
        # what came "after" or "following" something is dated by the agreement's own tense
        ("Kenya agreed to reopen the border after talks in Nairobi on [X].", "past"),
        ("Kenya agreed to reopen the border on [X].", "future"),
    ],
)  # fmt: skip
def test_tense_at_cues_of_intention_refusal_and_structure(
    sentence: str, expected: str | None
) -> None:
    start = sentence.index("[X]")
    assert tense_at(sentence, start, start + 3) == expected


def test_a_date_in_the_publication_month_is_this_years_whatever_the_tense() -> None:
    # past tense, 16 days ahead: a date of last April would have named its year
    assert found("The junta set the referendum for April 28.") == [("April 28", "2024-04-28")]
    assert found("The council paid the arrears on April 28.") == [("April 28", "2024-04-28")]


def test_a_future_clause_keeps_a_month_that_just_ended() -> None:
    # "said it would pay in March", read in April: that March, not next year's
    assert found("The council said it would pay the arrears in March.") == [("March", "2024-03")]
    assert found("The council said it would pay the arrears in May.") == [("May", "2024-05")]
    r = resolve_time("March", FRI, future=True)  # the caller's own future stays strict
    assert r is not None and r.value == "2025-03"


def test_a_negated_modal_dates_the_weekday_in_the_past() -> None:
    assert found("The defence minister could not be reached Tuesday.") == [
        ("Tuesday", "2024-04-09")
    ]
    assert found("The defence minister will be reached Tuesday.") == [("Tuesday", "2024-04-16")]


def test_the_caller_can_still_force_a_future_reading() -> None:
    r = resolve_time("Monday", RESULTS_DAY, future=True)
    assert r is not None and r.value == "1989-11-06"
    r = resolve_time("Monday", RESULTS_DAY)
    assert r is not None and r.value == "1989-10-30"


# -- quarters and reporting periods ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Third-quarter profit rose 11%.", "Third-quarter", "1989-Q3"),
        ("The group expects a third-quarter loss.", "third-quarter", "1989-Q3"),
        ("It will take a fourth-quarter charge.", "fourth-quarter", "1989-Q4"),
        ("Losses mounted in the 1988 third quarter.", "the 1988 third quarter", "1988-Q3"),
        ("It may be effective in next year's first quarter.", "next year's first quarter",
         "1990-Q1"),
        ("Earnings were higher in the year-ago third quarter.", "the year-ago third quarter",
         "1988-Q3"),
        ("Revenue climbed in the quarter ended Sept. 30.", "the quarter", "1989-Q3"),
        ("Revenue climbed in the quarter ended July 31.", "the quarter", "1989-Q2"),
    ],
)  # fmt: skip
def test_quarters(text: str, surface: str, value: str) -> None:
    assert value_of(text, surface, RESULTS_DAY) == value


def test_a_results_story_reads_its_comparisons_against_the_quarter_it_reports() -> None:
    text = (
        "Acme reported a 20% rise in third-quarter earnings, which reached $108 million "
        "against $90 million a year ago. After a flat second quarter, the firm said revenue in "
        "the latest quarter grew. In the year-ago quarter it took charges, and year-earlier "
        "figures were revised. Profit for the corresponding period last year was lower."
    )
    assert found(text, RESULTS_DAY) == [
        ("third-quarter", "1989-Q3"),
        ("a year ago", "1988-Q3"),
        ("second quarter", "1989-Q2"),
        ("the latest quarter", "1989-Q3"),
        ("the year-ago quarter", "1988-Q3"),
        ("year-earlier", "1988-Q3"),
        ("the corresponding period last year", "1988-Q3"),
    ]


def test_after_the_nine_months_a_year_earlier_is_that_stretch_a_year_back() -> None:
    text = (
        "The gold miner's third-quarter output grew. Over the first nine months it earned $5 "
        "million against $4 million a year earlier. The year-earlier nine months held a tax "
        "credit, unlike the 1988 period. In the third quarter, ore sales beat those of a year ago."
    )
    assert found(text, RESULTS_DAY) == [
        ("third-quarter", "1989-Q3"),
        ("nine months", "P9M"),
        ("a year earlier", "1988"),  # the first nine months of 1988: its year
        ("The year-earlier nine months", "P9M"),
        ("the 1988 period", "1988"),
        ("the third quarter", "1989-Q3"),
        ("a year ago", "1988-Q3"),  # a quarter named again: the quarter a year back
    ]


def test_a_quarter_named_by_its_closing_day_is_the_one_reported() -> None:
    # a fiscal quarter named first says nothing sure of the calendar; the closing day does
    text = (
        "Earnings soared in the fiscal first quarter. For the quarter ended Sept. 30, the airline "
        "earned $133 million, up from $100 million a year earlier."
    )
    assert found(text, date(1989, 10, 26)) == [
        ("the fiscal first quarter", "1989-Q1"),
        ("the quarter", "1989-Q3"),
        ("Sept. 30", "1989-09-30"),
        ("a year earlier", "1988-Q3"),
    ]


def test_the_previous_or_following_weekday_counts_from_the_day_the_text_is_at() -> None:
    monday = date(1989, 10, 30)
    text = "The index fell Friday, 4.5% below the previous Friday."
    assert found(text, monday) == [("Friday", "1989-10-27"), ("the previous Friday", "1989-10-20")]
    text = "The talks opened Monday and closed the following Thursday."
    assert found(text, monday) == [
        ("Monday", "1989-10-30"),
        ("the following Thursday", "1989-11-02"),
    ]


def test_in_a_count_of_weeks_is_ahead_only_in_a_clause_that_looks_ahead() -> None:
    day = date(2000, 2, 16)
    assert found("The first round will be held in two weeks.", day) == [
        ("in two weeks", "2000-W09")
    ]
    # a past clause or an ordinal noun phrase: how long it took, or the span counted
    assert found("Rebels captured the town in two weeks.", day) == [("two weeks", "P2W")]
    assert found("The third report to Parliament in two weeks was released.", day) == [
        ("two weeks", "P2W")
    ]


def test_spans_of_quarters() -> None:
    text = "Losses in the past two quarters and over the past several quarters hurt the miner."
    assert found(text, RESULTS_DAY) == [
        ("the past two quarters", "P2Q"),
        ("the past several quarters", "PXQ"),
    ]
    text = "The slump will last through the first two quarters of 1990."
    assert found(text, RESULTS_DAY) == [("the first two quarters of 1990", "1990-H1")]


def test_without_a_quarter_named_a_year_ago_is_the_year_before() -> None:
    assert found("Prices were lower a year ago.", RESULTS_DAY) == [("a year ago", "1988")]
    assert found("The latest quarter was weak.", RESULTS_DAY) == [("The latest quarter", "1989-Q3")]


def test_the_year_is_the_year_under_report_unless_it_ended_on_a_date() -> None:
    assert found("For the year, volume was flat.", RESULTS_DAY) == [("the year", "1989")]
    text = "Revenue for the year ended March 31 rose."
    hits = {text[s:e]: r for s, e, r in find_times(text, RESULTS_DAY)}
    assert (hits["the year"].value, hits["the year"].type) == ("P1Y", "DURATION")
    text = "Sales in the latest fiscal year rose."
    assert value_of(text, "the latest fiscal year", RESULTS_DAY) == "1988"


# -- expressions that point back ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("He fled in June 1998 and returned later that year.", "later that year", "1998"),
        ("He was promoted in 1995, and the following year he left.", "the following year",
         "1996"),
        ("He was shot on Oct. 23, 1998. Earlier that day, a fax arrived.", "Earlier that day",
         "1998-10-23"),
        ("The vote was on March 3, 1999. The next day, protests began.", "The next day",
         "1999-03-04"),
        ("He was shot on Oct. 23, 1998 at 10 p.m. at home.", "10 p.m.", "1998-10-23T22:00"),
    ],
)  # fmt: skip
def test_expressions_pointing_back_use_the_date_named_before(
    text: str, surface: str, value: str
) -> None:
    assert value_of(text, surface) == value


def test_with_nothing_named_before_the_publication_date_stands_in() -> None:
    assert value_of("That year, nothing changed.", "That year") == "2024"
    assert value_of("The next day, protests began.", "The next day") == "2024-04-13"


def test_over_the_next_year_is_a_stretch_not_the_year_after() -> None:
    r = dict(((t, v) for t, v in found("The border post stays shut over the next year.")))
    assert r == {"the next year": "P1Y"}


# -- clock times, parts of the day, holidays ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The store was robbed at 10 p.m. Wednesday.", "10 p.m. Wednesday", "2024-04-10T22:00"),
        ("Talks broke off at noon Thursday.", "noon Thursday", "2024-04-11T12:00"),
        ("The tender expires at 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", "2024-11-09T17:00"),
        ("He was found around 7:15 p.m., police said.", "around 7:15 p.m.", "2024-04-12T19:15"),
        ("Shares rose at mid-afternoon yesterday.", "mid-afternoon yesterday", "2024-04-11TAF"),
        ("The ceremony ended at midnight.", "midnight", "2024-04-12T24:00"),
    ],
)
def test_clock_times_are_timex_times_on_their_day(text: str, surface: str, value: str) -> None:
    assert value_of(text, surface) == value


def test_a_day_after_an_aside_dates_the_clock_but_stays_its_own_expression() -> None:
    text = "The fire began at about 9:40 a.m. (0640 GMT) Friday, gutting a warehouse."
    assert found(text, date(1998, 8, 8)) == [
        ("about 9:40 a.m.", "1998-08-07T09:40"),
        ("Friday", "1998-08-07"),
    ]


def test_film_titles_are_not_clock_times() -> None:
    assert found('It showed a picture from the film "High Noon."') == []


@pytest.mark.parametrize(
    ("text", "surface", "anchor", "value"),
    [
        ("Elian was found on Thanksgiving Day.", "Thanksgiving Day", date(2000, 1, 7),
         "1999-11-25"),
        ("He was found last Thanksgiving.", "last Thanksgiving", date(2000, 2, 10), "1999-11-25"),
        ("Protesters prayed as Easter week began.", "Easter week", date(2000, 4, 17), "2000-W16"),
        ("Shops close on Christmas Eve.", "Christmas Eve", date(2023, 12, 1), "2023-12-24"),
    ],
)  # fmt: skip
def test_holidays(text: str, surface: str, anchor: date, value: str) -> None:
    assert value_of(text, surface, anchor) == value


# -- spoken years, rates, references --------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("In nineteen ninety-one he was convicted.", "nineteen ninety-one", "1991"),
        ("January nineteen ninety-seven. Snow again.", "January nineteen ninety-seven",
         "1997-01"),
        ("By the year two thousand unemployment will halve.", "the year two thousand", "2000"),
        ("Numbers dropped through the nineties.", "the nineties", "199"),
        ("He was imprisoned in 1898 by the Spanish.", "1898", "1898"),
    ],
)  # fmt: skip
def test_years_read_aloud_and_old_years(text: str, surface: str, value: str) -> None:
    assert value_of(text, surface) == value


def test_amounts_per_period_are_sets_but_kinds_of_report_are_not() -> None:
    assert value_of("They send $1 billion a year home.", "a year") == "P1Y"
    assert found("Du Pont raised its quarterly dividend.") == []
    assert found("Sales should rise 8.5% annually.") == []
    assert found("Rallies are held almost daily.") == [("daily", "P1D")]


def test_weekday_nights_in_the_plural_are_a_weekly_set() -> None:
    text = "Flights to Dakar leave on Tuesday nights."
    hits = {text[s:e]: r for s, e, r in find_times(text, FRI)}
    assert (hits["Tuesday nights"].value, hits["Tuesday nights"].type) == (
        "XXXX-WXX-2TNI",
        "SET",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoy will soon return to Khartoum.", [("soon", "FUTURE_REF")]),
        ("The journalist was soon freed by the junta.", []),  # soon after the arrest
        ("The protests soon reached Gao.", []),
        ("The army will withdraw as soon as possible.", [("as soon as possible", "FUTURE_REF")]),
        ("The bank may raise capital at a later date.", [("a later date", "FUTURE_REF")]),
        ("Funds may be withdrawn in the weeks ahead.", [("the weeks ahead", "PXW")]),
    ],
)
def test_near_future_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_current_as_an_adjective_is_the_present() -> None:
    assert found("The current system has evolved.") == [("current", "PRESENT_REF")]
    assert found("The current account deficit widened.") == []
    assert found("The tax cut will help in future quarters.") == [("future quarters", "FUTURE_REF")]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The talk lasted nearly an hour.", "nearly an hour", "PT1H"),
        ("The envoy will remain for at least two more weeks.", "at least two more weeks", "P2W"),
        ("A week or so ago, the council set a date.", "A week or so ago", "2024-W14"),
        ("It was a decades-long battle.", "decades-long", "PXY"),
        ("They met during a day-long session.", "day-long", "P1D"),
        ("The index fell over the past year.", "the past year", "2023"),
        ("Eight trading days later it recovered.", "Eight trading days", "P8D"),
    ],
)
def test_lengths_keep_their_hedges(text: str, surface: str, value: str) -> None:
    assert value_of(text, surface) == value


def test_the_week_of_a_date_and_the_day_before_a_day() -> None:
    assert value_of("A hearing is set for the week of March 6.", "the week of March 6",
                    date(2000, 2, 24)) == "2000-W10"  # fmt: skip
    text = "The day before last Tuesday's hearing, he flew in."
    assert value_of(text, "The day before last Tuesday", date(2000, 2, 24)) == "2000-02-21"


# -- TimeML extents and datelines -----------------------------------------------------------------
def test_find_timexes_splits_ranges_into_their_ends() -> None:
    text = "He sold shares between 1985 and 1987, bought more from Sept. 14 to Thursday, met on April 24 and 25, and has lived there since 1949."  # noqa: E501
    assert [(text[s:e], r.value) for s, e, r in find_timexes(text, date(1989, 10, 27))] == [
        ("1985", "1985"),
        ("1987", "1987"),
        ("Sept. 14", "1989-09-14"),
        ("Thursday", "1989-10-26"),
        ("April 24", "1989-04-24"),
        ("25", "1989-04-25"),
        ("1949", "1949"),
    ]
    whole = [text[s:e] for s, e, _ in find_times(text, date(1989, 10, 27))]
    assert "between 1985 and 1987" in whole and "since 1949" in whole


def test_a_dateline_date_is_flagged() -> None:
    text = "WASHINGTON, August 11 (Xinhua) -- The secretary met envoys on August 10."
    hits = {text[s:e]: r for s, e, r in find_times(text, date(1998, 8, 11))}
    assert hits["August 11"].flags == ("dateline",)
    assert hits["August 10"].flags == ()
