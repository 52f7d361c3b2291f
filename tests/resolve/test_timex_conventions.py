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
        ("The licences, which expire Nov. 21, will not be renewed.", "Nov. 21", "1989-11-21"),
        ("The grant is payable Jan. 2 to farmers on the roll Dec. 15.", "Jan. 2", "1990-01-02"),
        ("The grant is payable Jan. 2 to farmers on the roll Dec. 15.", "Dec. 15", "1989-12-15"),
        ("The acquisition was completed on Dec. 15.", "Dec. 15", "1988-12-15"),
        ("The firm said it will shut the mill in January.", "January", "1990-01"),
        ("Sales fell in January, the company said.", "January", "1989-01"),
        ("The queen will meet Mitterrand on Monday.", "Monday", "1989-11-06"),
        ("The chancellor met Walesa on Monday.", "Monday", "1989-10-30"),
        ("The trial was postponed until Tuesday.", "Tuesday", "1989-11-07"),
        ("The ceasefire had been scheduled to start Friday.", "Friday", "1989-10-27"),
        ("A ruling to be handed down in early November will decide the case.", "early November",
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
        ("The loan must be repaid by [X].", "future"),
        ("It could have sunk [X] off the coast.", "past"),
        ("They agreed to meet [X].", "future"),
        ("The meeting is [X].", None),
        ("Aid would reach the towns where the floods killed 300 people [X].", "past"),
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
        ("Mugabe on [X] tried to win over other African leaders.", "past"),
        ("On [X], the ministry planned to open the new bridge.", "past"),
        ("On [X], the federation plans to march.", "future"),
        ("On [X], the vote is expected to pass.", "future"),
        # a possessive name dates its noun; only "ahead of" / "before" it looks forward
        ("Lawyers said they would appeal [X]'s verdict.", None),
        ("Delegates arrived ahead of [X]'s summit.", "future"),
        # a participle of planning after its noun has no tense: the main verb decides
        ("A rally planned in the capital for [X] was banned.", "past"),
        ("A rally planned in the capital for [X] will draw crowds.", "future"),
        ("The rally scheduled for [X] drew crowds.", "past"),
        ("The rally scheduled for [X] is open to all.", "future"),
        ("Farmers planned a march on [X].", "future"),
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
        ("Third-quarter sales fell 4%.", "Third-quarter", "1989-Q3"),
        ("The carmaker expects a third-quarter deficit.", "third-quarter", "1989-Q3"),
        ("The bank will book a fourth-quarter gain.", "fourth-quarter", "1989-Q4"),
        ("Losses mounted in the 1988 third quarter.", "the 1988 third quarter", "1988-Q3"),
        ("The merger may close in next year's first quarter.", "next year's first quarter",
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
        "Acme reported a 25% rise in third-quarter earnings, which reached $64 million "
        "against $51 million a year ago. After a weak second quarter, the firm said revenue in "
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
        "The gold miner's third-quarter output grew. Over the first nine months it earned $7 "
        "million against $6 million a year earlier. The year-earlier nine months held a tax "
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
        "Profit jumped in the fiscal first quarter. For the quarter ended Sept. 30, the retailer "
        "earned $48 million, up from $41 million a year earlier."
    )
    assert found(text, date(1989, 10, 26)) == [
        ("the fiscal first quarter", "1989-Q1"),
        ("the quarter", "1989-Q3"),
        ("Sept. 30", "1989-09-30"),
        ("a year earlier", "1988-Q3"),
    ]


def test_the_previous_or_following_weekday_counts_from_the_day_the_text_is_at() -> None:
    monday = date(1989, 10, 30)
    text = "The pound rose Friday, 2% above the previous Friday."
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
    assert found("The third port strike in two weeks ended.", day) == [("two weeks", "P2W")]


def test_spans_of_quarters() -> None:
    text = "Losses in the past two quarters and over the past several quarters hurt the miner."
    assert found(text, RESULTS_DAY) == [
        ("the past two quarters", "P2Q"),
        ("the past several quarters", "PXQ"),
    ]
    text = "Weak demand should persist through the first two quarters of 1991."
    assert found(text, RESULTS_DAY) == [("the first two quarters of 1991", "1991-H1")]


def test_without_a_quarter_named_a_year_ago_is_the_year_before() -> None:
    assert found("Rents were higher a year ago.", RESULTS_DAY) == [("a year ago", "1988")]
    assert found("The latest quarter was weak.", RESULTS_DAY) == [("The latest quarter", "1989-Q3")]


def test_the_year_is_the_year_under_report_unless_it_ended_on_a_date() -> None:
    assert found("For the year, output was steady.", RESULTS_DAY) == [("the year", "1989")]
    text = "Exports for the year ended March 31 fell."
    hits = {text[s:e]: r for s, e, r in find_times(text, RESULTS_DAY)}
    assert (hits["the year"].value, hits["the year"].type) == ("P1Y", "DURATION")
    text = "Profit in the latest fiscal year slipped."
    assert value_of(text, "the latest fiscal year", RESULTS_DAY) == "1988"


# -- expressions that point back ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("She moved abroad in May 2003 and came back later that year.", "later that year",
         "2003"),
        ("She was elected in 2005, and the following year she resigned.", "the following year",
         "2006"),
        ("The bridge collapsed on Aug. 1, 2007. Earlier that day, traffic was heavy.",
         "Earlier that day", "2007-08-01"),
        ("The vote was on March 3, 1999. The next day, protests began.", "The next day",
         "1999-03-04"),
        ("The bridge collapsed on Aug. 1, 2007 at 6 p.m. in Minneapolis.", "6 p.m.",
         "2007-08-01T18:00"),
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
        ("The bank was robbed at 9 p.m. Wednesday.", "9 p.m. Wednesday", "2024-04-10T21:00"),
        ("The strike ended at noon Thursday.", "noon Thursday", "2024-04-11T12:00"),
        ("The tender expires at 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", "2024-11-09T17:00"),
        ("He was found around 8:40 p.m., police said.", "around 8:40 p.m.", "2024-04-12T20:40"),
        ("Trading stopped at mid-afternoon yesterday.", "mid-afternoon yesterday", "2024-04-11TAF"),
        ("The ceremony ended at midnight.", "midnight", "2024-04-12T24:00"),
    ],
)
def test_clock_times_are_timex_times_on_their_day(text: str, surface: str, value: str) -> None:
    assert value_of(text, surface) == value


def test_a_day_after_an_aside_dates_the_clock_but_stays_its_own_expression() -> None:
    text = "The fire began at about 11:20 a.m. (0820 GMT) Friday, gutting a warehouse."
    assert found(text, date(1998, 8, 8)) == [
        ("about 11:20 a.m.", "1998-08-07T11:20"),
        ("Friday", "1998-08-07"),
    ]


def test_film_titles_are_not_clock_times() -> None:
    assert found('The festival opened with the western "High Noon."') == []


@pytest.mark.parametrize(
    ("text", "surface", "anchor", "value"),
    [
        ("The hostages were freed on Thanksgiving Day.", "Thanksgiving Day", date(2000, 1, 7),
         "1999-11-25"),
        ("She retired last Thanksgiving.", "last Thanksgiving", date(2000, 2, 10), "1999-11-25"),
        ("Hotels filled up during Easter week.", "Easter week", date(2000, 4, 17), "2000-W16"),
        ("Shops close on Christmas Eve.", "Christmas Eve", date(2023, 12, 1), "2023-12-24"),
    ],
)  # fmt: skip
def test_holidays(text: str, surface: str, anchor: date, value: str) -> None:
    assert value_of(text, surface, anchor) == value


# -- spoken years, rates, references --------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("In nineteen ninety-one the Soviet Union collapsed.", "nineteen ninety-one", "1991"),
        ("January nineteen ninety-seven. Snow again.", "January nineteen ninety-seven",
         "1997-01"),
        ("By the year two thousand every village will have power.", "the year two thousand",
         "2000"),
        ("Crime fell through the nineties.", "the nineties", "199"),
        ("He was imprisoned in 1898 by the Spanish.", "1898", "1898"),
    ],
)  # fmt: skip
def test_years_read_aloud_and_old_years(text: str, surface: str, value: str) -> None:
    assert value_of(text, surface) == value


def test_amounts_per_period_are_sets_but_kinds_of_report_are_not() -> None:
    assert value_of("Nepali workers send $8 billion a year home.", "a year") == "P1Y"
    assert found("Coca-Cola raised its quarterly dividend.") == []
    assert found("Exports should grow 6% annually.") == []
    assert found("Ferries sail almost daily.") == [("daily", "P1D")]


def test_weekday_nights_in_the_plural_are_a_weekly_set() -> None:
    text = "Buses to Accra run on Tuesday nights."
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
    assert found("The current constitution has been amended.") == [("current", "PRESENT_REF")]
    assert found("The current account deficit widened.") == []
    assert found("Lower costs will lift margins in future quarters.") == [
        ("future quarters", "FUTURE_REF")
    ]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The speech went on for nearly an hour.", "nearly an hour", "PT1H"),
        (
            "The border will stay closed for at least two more weeks.",
            "at least two more weeks",
            "P2W",
        ),
        ("A week or so ago, the council set a date.", "A week or so ago", "2024-W14"),
        ("It was a decades-long feud.", "decades-long", "PXY"),
        ("They met during a day-long session.", "day-long", "P1D"),
        ("The index fell over the past year.", "the past year", "2023"),
        ("Six trading days later it recovered.", "Six trading days", "P6D"),
    ],
)
def test_lengths_keep_their_hedges(text: str, surface: str, value: str) -> None:
    assert value_of(text, surface) == value


def test_the_week_of_a_date_and_the_day_before_a_day() -> None:
    assert value_of("A vote is set for the week of March 13.", "the week of March 13",
                    date(2000, 2, 24)) == "2000-W11"  # fmt: skip
    text = "The day before last Tuesday's summit, the envoys met."
    assert value_of(text, "The day before last Tuesday", date(2000, 2, 24)) == "2000-02-21"


# -- TimeML extents and datelines -----------------------------------------------------------------
def test_find_timexes_splits_ranges_into_their_ends() -> None:
    text = "She ran the agency between 1978 and 1981, toured from Sept. 14 to Thursday, spoke on April 24 and 25, and has lived there since 1949."  # noqa: E501
    assert [(text[s:e], r.value) for s, e, r in find_timexes(text, date(1989, 10, 27))] == [
        ("1978", "1978"),
        ("1981", "1981"),
        ("Sept. 14", "1989-09-14"),
        ("Thursday", "1989-10-26"),
        ("April 24", "1989-04-24"),
        ("25", "1989-04-25"),
        ("1949", "1949"),
    ]
    whole = [text[s:e] for s, e, _ in find_times(text, date(1989, 10, 27))]
    assert "between 1978 and 1981" in whole and "since 1949" in whole


def test_a_dateline_date_is_flagged() -> None:
    text = "BEIJING, August 11 (Xinhua) -- The minister met envoys on August 10."
    hits = {text[s:e]: r for s, e, r in find_times(text, date(1998, 8, 11))}
    assert hits["August 11"].flags == ("dateline",)
    assert hits["August 10"].flags == ()
