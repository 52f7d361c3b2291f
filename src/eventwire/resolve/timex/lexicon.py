"""Word tables and regex fragments for English time expressions.

What the grammar knows about words lives here as data, so a new spelling is a table edit rather
than a regex edit. Fragments are uncompiled, group-free pattern sources meant for re.IGNORECASE;
the rule modules wrap them in named groups.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
#: Spellings that may stand alone as a month ("in Sept." yes, "in Jan" could be a person).
BARE_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "sept.",
    ]
)
#: Month names that are also English verbs, refused lower case and alone ("may", "march").
VERB_MONTHS = frozenset(["may", "march"])
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
#: TIMEX3 season codes; northern-hemisphere meteorological seasons (see calendar.SEASON_MONTH).
SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}
#: TIMEX3 time-of-day codes, appended as "T" + code to a day value.
TIMES_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}
#: Surface unit -> canonical unit.
UNITS: dict[str, str] = {
    "minute": "minute",
    "minutes": "minute",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "fortnight": "fortnight",
    "fortnights": "fortnight",
    "month": "month",
    "months": "month",
    "quarter": "quarter",
    "quarters": "quarter",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
}
#: Canonical unit -> (ISO 8601 designator, multiplier, is a clock unit) for duration values.
DURATION_CODES: dict[str, tuple[str, int, bool]] = {
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "week": ("W", 1, False),
    "fortnight": ("W", 2, False),
    "month": ("M", 1, False),
    "quarter": ("Q", 1, False),
    "year": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
}
#: Canonical unit -> the precision of a point found by counting such units ("3 weeks ago").
UNIT_PRECISION: dict[str, str] = {
    "minute": "day",
    "hour": "day",
    "day": "day",
    "week": "week",
    "fortnight": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "year",
    "century": "year",
}
#: Frequency adverbs -> SET value.
FREQUENCY_ADVERBS: dict[str, str] = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "biannually": "P6M",
    "biennially": "P2Y",
}
#: How a set-phrase names how often ("twice a week").
FREQUENCY_WORDS: dict[str, int] = {"once": 1, "twice": 2, "thrice": 3}
#: PRESENT_REF / PAST_REF / FUTURE_REF phrases (whitespace normalised, lower case).
REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at this time": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "in recent times": "PAST_REF",
    "the other day": "PAST_REF",
    "current": "PRESENT_REF",
    "then current": "PAST_REF",
    "then-current": "PAST_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "soon": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF",
    "a later date": "FUTURE_REF",
    "shortly": "FUTURE_REF",
}

NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
#: Vague quantities -> the count we assume; results built from them carry "approximate".
#: Counts written as words that are exact: "a couple of years" is two (TimeML P2Y).
EXACT_PHRASES: dict[str, int] = {"a couple": 2, "a couple of": 2, "couple of": 2, "a pair of": 2}
VAGUE_COUNTS: dict[str, int] = {
    "few": 3,
    "a few": 3,
    "several": 3,
    "some": 3,
    "many": 5,
}
ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty first": 21,
    "twenty-second": 22,
}
#: Words that narrow a period to part of it; keys are normalised by part_key().
PART_KEYS: dict[str, str] = {
    "early": "early",
    "start": "early",
    "beginning": "early",
    "mid": "mid",
    "middle": "mid",
    "late": "late",
    "end": "late",
    "first half": "h1",
    "second half": "h2",
    "latter half": "h2",
    "last half": "h2",
    "first two quarters": "h1",
    "last two quarters": "h2",
    "final two quarters": "h2",
}
#: Relative modifiers of a named period -> occurrence mode used by calendar.pick_year.
REL_MODES: dict[str, str] = {
    "last": "last",
    "past": "last",
    "this past": "last",
    "previous": "last",
    "next": "next",
    "coming": "next",
    "this coming": "next",
    "upcoming": "next",
    "this": "this",
    "current": "this",
    "the current": "this",
}
#: Relative modifiers of a calendar unit ("last week") -> offset in units.
REL_OFFSETS: dict[str, int] = {
    "last": -1,
    "this past": -1,
    "past": -1,
    "previous": -1,
    "this": 0,
    "current": 0,
    "the current": 0,
    "next": 1,
    "coming": 1,
    "this coming": 1,
    "upcoming": 1,
}

# -- false-positive filters (find_times only) ---------------------------------------------------
#: A capitalised word after a weekday that makes it a title ("Sunday Times").
WEEKDAY_TITLE_NEXT = frozenset(
    [
        "times",
        "telegraph",
        "express",
        "mirror",
        "post",
        "herald",
        "independent",
        "observer",
        "mail",
        "people",
        "star",
        "sport",
        "tribune",
        "world",
        "business",
        "live",
        "night",
        "morning",
        "service",
        "school",
        "club",
        "league",
        "review",
        "magazine",
        "edition",
    ]
)
#: A word before a weekday that makes it a named day rather than a recent one ("Good Friday").
WEEKDAY_NAMED_PREV = frozenset(
    [
        "good",
        "black",
        "bloody",
        "ash",
        "palm",
        "easter",
        "holy",
        "maundy",
        "cyber",
        "super",
        "blue",
        "whit",
        "man",
        "girl",
        "shrove",
        "great",
        "clean",
        "mothering",
        "low",
        "trinity",
        "pentecost",
        "giving",
        "small",
        "manic",
    ]
)
#: Prepositions that let a bare month name stand as a date ("in March", not "a March").
MONTH_PREPS = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "by",
        "before",
        "after",
        "during",
        "through",
        "throughout",
        "of",
        "from",
        "to",
        "on",
        "for",
        "around",
        "between",
        "last",
        "next",
        "this",
    ]
)
#: Months that are also given names: "April's", "June's" may be a person's.
NAME_MONTHS = frozenset(["april", "may", "june"])
#: Words that open a noun phrase, before a month used as a modifier ("the October vote").
DETERMINERS = frozenset("the a an this that its their his her our your last next".split())
#: Words after a capitalised month that show it is not modifying a noun ("The March on ...").
FUNCTION_WORDS = frozenset(
    """on of in to for at by with from and or but is was are were be been has have had will
    would that which who as than""".split()
)
#: Prepositions before which a number older than 1900 is still a year ("in 1898").
YEAR_PREPS = frozenset(["in", "since", "until", "till", "by", "from", "of", "before", "after"])
#: "May" is also a modal verb and a surname: fewer cues are enough for it.
MAY_PREPS = frozenset(["in", "since", "until", "till", "by", "during", "through", "throughout"])
SEASON_PREPS = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "by",
        "during",
        "through",
        "throughout",
        "over",
        "before",
        "after",
        "from",
        "around",
        "into",
    ]
)
#: An article duration ("a week") is only a time expression after one of these.
ARTICLE_DURATION_PREPS = frozenset(["for", "over", "within", "after", "around", "about"])
#: A bare number that precedes one of these nouns is a count, not a year ("2000 troops").
COUNT_NOUNS = frozenset(
    """people persons men women children kids troops soldiers police officers protesters
    demonstrators civilians refugees migrants fighters militants rebels workers students members
    residents families households homes houses buildings vehicles cars tanks rockets missiles
    drones shells rounds weapons guns rifles votes voters seats delegates cases deaths casualties
    dead wounded injured prisoners detainees hostages arrests jobs tonnes tons kilometres
    kilometers km miles metres meters feet ft hectares acres dollars euros pounds yuan rupees yen
    barrels units pages words times hours minutes points percent per cent square sq mw megawatts
    kg kilograms litres liters gallons lbs rupiah naira dinars riyals marks francs pesos
    villages towns schools hospitals flights passengers sheep cattle animals trees boats ships
    aircraft planes companies firms employees staff jobs others more gmt utc hrs local est edt
    bst cet""".split()
)
#: Words before a bare number that make it a quantity ("at least 2000").
COUNT_PREV = frozenset(
    [
        "than",
        "least",
        "some",
        "nearly",
        "almost",
        "approximately",
        "roughly",
        "about",
        "over",
        "under",
        "total",
        "additional",
        "another",
        "extra",
        "no.",
        "number",
        "killing",
        "killed",
        "wounding",
        "injuring",
        "of",
        "to",
        "up",
    ]
)
#: Words before "in N years" that make it a span, not a future point ("the first time in").
SPAN_PREV = re.compile(
    r"(?:\w+est(?:\s+\w+)?|first|second|third|fourth|fifth|latest|last|time|times|level|levels|record|"
    r"once|twice|only|ever|nothing|none|"
    r"ended|fell|rose|grew|increase|decrease|rise|fall|drop|jump)\W*$",
    re.IGNORECASE,
)


def alternation(words: Iterable[str]) -> str:
    """Non-capturing alternation, longest first so a prefix never shadows a longer word."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


# -- fragments ------------------------------------------------------------------------------------
_FULL_MONTHS = [w for w in MONTHS if len(w) > 4 or w in ("may", "june", "july")]
MONTH_FULL = alternation(_FULL_MONTHS)
MONTH_ABBR = alternation(w for w in MONTHS if w not in _FULL_MONTHS)
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR}\.?)"
WEEKDAY = alternation(WEEKDAYS)
WEEKDAY_ANY = rf"(?:{WEEKDAY}|{alternation(WEEKDAY_ABBREVIATIONS)}\.?)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"[12]\d{3}"
SEASON = alternation(SEASONS)
TIME_OF_DAY = alternation(TIMES_OF_DAY)
UNIT = alternation(UNITS)
APOSTROPHE = "['\u2019]"
_SMALL = alternation(w for w, n in NUMBER_WORDS.items() if n < 20 and w not in ("a", "an"))
_TENS = alternation(w for w, n in NUMBER_WORDS.items() if 20 <= n < 100 and n % 10 == 0)
NUMBER_WORD = (
    rf"(?:(?:a|one|two)\s+thousand|(?:a|one)\s+hundred|{_TENS}(?:[\s-]{_SMALL})?|{_SMALL}|"
    r"a\s+couple(?:\s+of)?|couple\s+of|a\s+pair\s+of|a\s+few|a\s+dozen|few|several|an?)"
)
#: A count: digits (not inside a longer number) or number words.
NUMBER = (
    rf"(?:(?<![\d.,/])\d{{1,3}}(?:,\d{{3}})+|(?<![\d.,/])\d+(?:\s+1/2|\s*\u00bd|\.\d+)?|"
    rf"{NUMBER_WORD})"
)
ORDINAL = rf"(?:{alternation(ORDINAL_WORDS)}|\d{{1,2}}(?:st|nd|rd|th))"
JOIN = r"(?:\s*-\s*|\s+)"
PART = (
    r"(?:early|late|mid|(?:the\s+)?(?:start|beginning|middle|end)\s+of|"
    r"(?:the\s+)?(?:first|second|latter|last)\s+half\s+of)"
)
REL = r"(?:this\s+past|this\s+coming|last|next|this|coming|past)"
YEAR_EXPR = rf"(?:{YEAR}|(?:last|this|next)\s+year|the\s+(?:current\s+)?year)"
PREPOSITIONS = (
    "on",
    "in",
    "at",
    "during",
    "by",
    "before",
    "after",
    "until",
    "till",
    "through",
    "throughout",
    "of",
    "for",
    "over",
    "within",
    "around",
    "about",
    "from",
    "since",
    "and",
    "or",
    "to",
    "into",
)
PREPOSITION = alternation(PREPOSITIONS)

_ONES = alternation(w for w, n in NUMBER_WORDS.items() if 1 <= n <= 9 and w not in ("a", "an"))
_TEENS = alternation(w for w, n in NUMBER_WORDS.items() if 10 <= n <= 19)
_SPOKEN_TAIL = rf"(?:{_TENS}(?:[\s-]+{_ONES})?|{_TEENS})"
#: A year read aloud, as broadcast transcripts write it: "nineteen ninety-six", "nineteen oh
#: five", "two thousand", "two thousand and three", "twenty twenty-one".
SPOKEN_YEAR = (
    rf"(?:nineteen[\s-]+(?:hundred|oh[\s-]+{_ONES}|{_SPOKEN_TAIL})|"
    rf"two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?:{_SPOKEN_TAIL}|{_ONES}))?|"
    rf"twenty[\s-]+{_SPOKEN_TAIL})"
)
#: Fixed and movable feasts news dates events by, as month-day or a rule over the year. Only
#: holidays whose date does not depend on the country are listed (no "Independence Day"), plus
#: the US Thanksgiving, which news outside the US does not use as a date.
HOLIDAY_NAMES: tuple[str, ...] = (
    "new year's day",
    "new year's eve",
    "christmas day",
    "christmas eve",
    "christmas",
    "boxing day",
    "valentine's day",
    "halloween",
    "thanksgiving day",
    "thanksgiving",
    "easter sunday",
    "easter monday",
    "easter",
    "good friday",
    "palm sunday",
    "ash wednesday",
    "pentecost",
    "whit monday",
    "may day",
)
HOLIDAY = alternation(HOLIDAY_NAMES).replace("'", APOSTROPHE).replace(r"\ ", r"\s+")


# -- parsers --------------------------------------------------------------------------------------
def squash(text: str) -> str:
    """Lower case, single spaces, hyphens as spaces: the key form of a phrase."""
    return " ".join(text.lower().replace("-", " ").split())


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    key = word.lower().rstrip(".")
    return WEEKDAYS[key] if key in WEEKDAYS else WEEKDAY_ABBREVIATIONS[key]


def day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def part_key(text: str) -> str:
    """'the end of' -> 'late', 'mid-' -> 'mid', 'the first half of' -> 'h1'."""
    words = [w for w in squash(text).split() if w not in ("the", "of")]
    return PART_KEYS[" ".join(words)]


def parse_count(text: str) -> tuple[float, bool] | None:
    """A count and whether it is vague: '3' -> (3, False), 'a few' -> (3, True), '2 1/2' ->
    (2.5, False), 'a couple of' -> (2, False)."""
    key = squash(text).replace(",", "").replace("\u00bd", " 1/2").strip()
    if key in VAGUE_COUNTS:
        return float(VAGUE_COUNTS[key]), True
    if key in EXACT_PHRASES:
        return float(EXACT_PHRASES[key]), False
    if key.endswith("1/2"):
        whole = key.removesuffix("1/2").strip()
        return (float(whole) if whole.isdigit() else 0.0) + 0.5, False
    try:
        return float(key), False
    except ValueError:
        pass
    words = key.split()
    if words and words[-1] in ("hundred", "thousand"):
        scale = 100.0 if words[-1] == "hundred" else 1000.0
        head = words[:-1]
        if head in ([], ["a"], ["one"]):
            return scale, False
        if len(head) == 1 and NUMBER_WORDS.get(head[0], 0) < 10:
            return NUMBER_WORDS[head[0]] * scale, False
        return None
    if words[:1] == ["a"] and len(words) > 1:  # "a dozen"
        words = words[1:]
    if not words or any(w not in NUMBER_WORDS for w in words):
        return None
    return float(sum(NUMBER_WORDS[w] for w in words)), False


def year_number(text: str) -> int:
    """'1996' -> 1996, 'nineteen ninety-six' -> 1996, 'two thousand and three' -> 2003."""
    key = squash(text)
    if key.isdigit():
        return int(key)
    words = [w for w in key.split() if w != "and"]
    if words[0] == "nineteen":
        rest = words[1:]
        if rest == ["hundred"]:
            return 1900
        return 1900 + sum(NUMBER_WORDS[w] for w in rest if w != "oh")
    rest = words[2:] if words[:2] == ["two", "thousand"] else words[1:]
    return 2000 + sum(NUMBER_WORDS[w] for w in rest)


def parse_ordinal(text: str) -> int | None:
    key = squash(text)
    if key in ORDINAL_WORDS:
        return ORDINAL_WORDS[key]
    digits = re.sub(r"\D", "", key)
    return int(digits) if digits else None


#: Cheap cues a rule needs (any one of its ``needs``) before its full pattern is worth running;
#: matched as word prefixes, so "week" covers "weeks" and "weekend", "Monday" covers "Mondays".
CUES: dict[str, str] = {
    "month": rf"(?<!\w){MONTH}",
    "weekday": rf"(?<!\w){WEEKDAY}",
    "season": rf"(?<!\w){SEASON}",
    "unit": r"(?<!\w)(?:minute|hour|day|week|fortnight|month|quarter|year|decade|centur)",
    "time-of-day": rf"(?<!\w){TIME_OF_DAY}",
    "deictic": r"(?<!\w)(?:today|tonight|yesterday|tomorrow)",
    "reporting": r"(?<!\w)period",
    "spoken-decade": r"(?<!\w)(?:twen|thir|for|fif|six|seven|eigh|nine)ties",
    "spoken-year": r"(?<!\w)(?:nineteen|two\s+thousand|twenty)(?!\w)",
    "holiday": r"(?<!\w)(?:new\s+year|christmas|boxing|valentine|halloween|thanksgiving|easter|"
    r"good\s+friday|palm\s+sunday|ash\s+wednesday|pentecost|whit|may\s+day)",
    "clock": r"\d\s*[ap]\.?\s?m\b|\d[:.]\d\d|(?<!\w)(?:noon|midnight|midday|o'clock)",
    "reference": r"(?<!\w)(?:now|current|present|moment|time|these\s+days|recent|lately|past|"
    r"term|"
    r"other\s+day|future|soon|shortly|later)",
    "frequency": rf"(?<!\w){alternation(FREQUENCY_ADVERBS)}",
}
