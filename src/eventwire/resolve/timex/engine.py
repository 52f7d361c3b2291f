"""Running the grammar: ranges built from the point rules, scanning text, resolving one phrase.

Every rule has two patterns, each compiled once, on first use: a scanner for free text and a
phrase pattern that also allows a leading preposition ("on 26 July"). The preposition may
license a match ("in May") or flag it ("until March") but is not part of the reported span,
following TimeML extents.

Scanning keeps the longest non-overlapping matches a handler accepts, then reads the text in
order a second time so that expressions pointing back ("that year", "a year earlier") see the
last date named before them. A rule is only run near the cheap cues it needs (a digit, a month
name, a unit word), so text without time words costs a few regex passes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from . import lexicon as lx
from . import model as mk
from .anaphora import RULES as ANAPHORA_RULES
from .anaphora import names_closing_day
from .base import Ctx, Rule, capitalised, preposition, raw_word_after
from .model import APPROXIMATE, PRECISIONS, UNANCHORED, Resolution
from .named import RULES as NAMED_RULES
from .named import bare_year_ok
from .relative import RULES as RELATIVE_RULES
from .tense import tense_at

#: Prepositions that qualify a point without changing it, kept as a flag on the resolution.
PREPOSITION_FLAGS: dict[str, str] = {
    "until": "until",
    "till": "until",
    "before": "before",
    "after": "after",
    "by": "by",
}
#: Precisions of a resolution that "that year" or "a year earlier" may point back at.
FOCUS_PRECISIONS = frozenset(PRECISIONS[: PRECISIONS.index("year") + 1])
#: How far either side of a cue a rule is run (longer than any expression the grammar reads).
WINDOW = 100
_NAME_WORD = re.compile(rf"\b(?:{lx.MONTH_FULL}|{lx.MONTH_ABBR}|{lx.WEEKDAY})\b", re.IGNORECASE)
Compiled = tuple[tuple[Rule, "LazyPattern"], ...]
_DAY_ONLY = re.compile(lx.DAY, re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-]\d{4}(?!\d)")
_RANKS = {p: i for i, p in enumerate(PRECISIONS)}
_TRAILING = re.compile(r"(?<=\D)'s?$|[\s.,;:!?\"\u201c\u201d()\[\]]+$")
_WORD_CHAR = re.compile(r"\w")


class LazyPattern:
    """A rule's regular expression, compiled on its first use. Compiling all ~200 of them at
    import took 0.2 s of every start-up, and a short text needs only the few whose cues it
    shows (a rule is run only near its cues)."""

    __slots__ = ("source", "_compiled")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, re.IGNORECASE)
        return self._compiled


def _scanner(core: str) -> LazyPattern:
    """For finditer over free text: the expression alone, on word boundaries."""
    return LazyPattern(rf"(?<!\w)(?P<core>{core})(?!\w)")


def _phrase(core: str) -> LazyPattern:
    """For fullmatch on one phrase: the expression, optionally after a preposition."""
    return LazyPattern(rf"(?:(?P<pre>{lx.PREPOSITION})\s+)?(?P<core>{core})")


def _ungrouped(pattern: str) -> str:
    """A rule's core without its named groups, to embed in a larger pattern."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_POINT_RULES = tuple(r for r in (*NAMED_RULES, *RELATIVE_RULES) if r.point)
_POINT_PHRASES = tuple((r, _phrase(r.core)) for r in _POINT_RULES)
_SIMPLE = "(?:" + "|".join(_ungrouped(r.core) for r in _POINT_RULES) + ")"


# -- ranges ---------------------------------------------------------------------------------------
def _side(text: str, ctx: Ctx) -> Resolution | None:
    """One end of a range, read like a stand-alone phrase."""
    return _fullmatch(text, replace(ctx, strict=False), _POINT_PHRASES)


def _names_ok(*texts: str) -> bool:
    """In running text, month and weekday names inside a range must be capitalised."""
    return all(w[0].isupper() for t in texts for w in _NAME_WORD.findall(t))


def _coarser(a: str | None, b: str | None) -> str | None:
    return max((p for p in (a, b) if p), key=lambda p: _RANKS.get(p, 0), default=None)


def _part(m: re.Match[str], first: str, last: str, res: Resolution) -> tuple[int, int, Resolution]:
    """One expression inside a range: its offsets from groups ``first`` to ``last``, relative to
    the start of the whole match."""
    base = m.start("core")
    return m.start(first) - base, m.end(last) - base, res


def interval(a: Resolution, b: Resolution, *flags: str) -> Resolution | None:
    """From the start of ``a`` to the end of ``b``; value in ISO 8601 interval notation."""
    value = f"{a.value}/{b.value}" if a.value and b.value else None
    merged = tuple(dict.fromkeys(("interval", *flags, *a.flags, *b.flags)))
    precision = _coarser(a.precision, b.precision)
    if a.start is None or b.end is None:
        return Resolution(
            None,
            None,
            precision,
            value,
            "DATE",
            merged if UNANCHORED in merged else (*merged, UNANCHORED),
        )
    if a.start > b.end:
        return None
    return Resolution(a.start, b.end, precision, value, "DATE", merged)


def _with_parts(res: Resolution | None, *parts: tuple[int, int, Resolution]) -> Resolution | None:
    return None if res is None else replace(res, parts=parts)


def _between(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'between May and July', 'from 2019 to 2021', 'from 10 to 12 April'.

    The first end is placed relative to the second ("from December to February": the December
    before that February).
    """
    if ctx.strict and not (_names_ok(m["a"], m["b"]) and _years_ok(m, m["a"], m["b"])):
        return None
    b = _side(m["b"], ctx)
    if b is None:
        return None
    if _DAY_ONLY.fullmatch(m["a"]):
        first = _first_day(lx.day_number(m["a"]), b)
        if first is None:
            return None
        return _with_parts(interval(first, b), _part(m, "a", "a", first), _part(m, "b", "b", b))
    a = _side(m["a"], replace(ctx, ref=b.end or ctx.ref, tense=None, future=False))
    if a is None:
        return None
    return _with_parts(interval(a, b), _part(m, "a", "a", a), _part(m, "b", "b", b))


def _first_day(first: int, b: Resolution) -> Resolution | None:
    """'from 10 to 12 April': the first end borrows the month and year of the second."""
    if b.precision != "day":
        return None
    if b.start is None:
        return mk.unanchored("day")
    if first >= b.start.day:
        return None
    return mk.day(b.start.replace(day=first))


def _years_ok(m: re.Match[str], *sides: str) -> bool:
    """'between 1000 and 2000 people' is a count: bare years must look like years."""
    numbers = [int(t) for t in sides if t.isdigit() and len(t) == 4]
    return not numbers or (
        all(1900 <= n <= 2099 for n in numbers) and raw_word_after(m).lower() not in lx.COUNT_NOUNS
    )


def _since(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'since 2021': from the start of 2021 to the publication date, flagged 'since'."""
    if ctx.strict and not _names_ok(m["x"]):
        return None
    x = _side(m["x"], ctx)
    if x is None:
        return None
    flags = tuple(dict.fromkeys((*x.flags, "since")))
    part = _part(m, "x", "x", x)
    if x.start is None or ctx.anchor is None:
        flags = flags if UNANCHORED in flags else (*flags, UNANCHORED)
        return Resolution(x.start, None, x.precision, x.value, x.type, flags, (part,))
    if x.start > ctx.anchor:
        return None
    return Resolution(x.start, ctx.anchor, x.precision, x.value, x.type, flags, (part,))


def _day_range(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'10-12 April 2024', 'April 10-12', 'April 24 and 25': both days in one month."""
    if ctx.strict and not _names_ok(m["mon"]):
        return None
    year = f" {m['y']}" if m["y"] else ""
    b = _side(f"{lx.day_number(m['d2'])} {m['mon']}{year}", ctx)
    if b is None:
        return None
    a = _first_day(lx.day_number(m["d1"]), b)
    if a is None:
        return None
    if m.start("mon") < m.start("d1"):  # "April 24 and 25"
        parts = (_part(m, "mon", "d1", a), _part(m, "d2", "core", b))
    else:  # "10-12 April 2024"
        parts = (_part(m, "d1", "d1", a), _part(m, "d2", "core", b))
    return _with_parts(interval(a, b), *parts)


def _month_range(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'April-June 2024', 'May to July': the first month placed before the second."""
    if ctx.strict and not _names_ok(m["a"], m["b"]):
        return None
    b = _side(f"{m['b']} {m['y']}" if m["y"] else m["b"], ctx)
    if b is None:
        return None
    a = _side(m["a"], replace(ctx, ref=b.end or ctx.ref, tense=None, future=False))
    if a is None:
        return None
    return _with_parts(interval(a, b), _part(m, "a", "a", a), _part(m, "b", "core", b))


def _year_range(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'2019-2021', '2019 to 2021', '2023/24'."""
    first, second = int(m["a"]), m["b"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if last <= first or (ctx.strict and not bare_year_ok(m, first)):
        return None
    a, b = mk.year(first), mk.year(last)
    return _with_parts(interval(a, b), _part(m, "a", "a", a), _part(m, "b", "b", b))


# -- composites: clock times, the week of a date, the day before a date ---------------------------
_TIME_ZONES = r"(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|local\s+time)"
_CLOCK = (
    r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?"
    rf"|(?P<h24>[01]?\d|2[0-3])[:.](?P<mi24>[0-5]\d)(?=\s*(?:{_TIME_ZONES}|h\b|hrs\b|hours\b))"
    r"|(?P<word>noon|midnight|midday)"
    r"|(?P<ho>1[0-2]|0?[1-9])\s+o['\u2019]clock"
    r"|(?P<hm>1[0-2]|0?[1-9])\s+in\s+the\s+(?P<tod>morning|afternoon|evening))"
)
_CLOCK_DAY = (
    rf"(?:,?\s+(?:on\s+)?(?P<day>{lx.WEEKDAY}|today|tonight|yesterday|tomorrow|"
    rf"{lx.MONTH}\s+{lx.DAY}(?!\d)|{lx.DAY}\s+{lx.MONTH}))?"
)
_CLOCK_CORE = (
    rf"(?:(?:about|around|approximately|roughly)\s+)?{_CLOCK}"
    rf"(?:\s*\(?{_TIME_ZONES}\)?)?{_CLOCK_DAY}"
    # "9:40 a.m. (0640 GMT) Friday": the day after an aside dates the time but is its own TIMEX
    rf"(?:(?=\s*\([^()]{{1,24}}\)\s*,?\s*(?:on\s+)?(?P<later>{lx.WEEKDAY}|today|yesterday)\b))?"
)


def _clock(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'9 p.m. Wednesday', '5 p.m. EST Nov. 9', 'noon Thursday', '8:40 p.m.', '14:30 GMT':
    a TIMEX3 TIME on that day (the publication day when none is named)."""
    if m["h"]:
        hour, minute = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0), int(m["mi"] or 0)
    elif m["h24"]:
        hour, minute = int(m["h24"]), int(m["mi24"])
    elif m["word"]:
        if ctx.strict and (capitalised(m["word"]) or m.string[: m.start("core")].endswith("high ")):
            return None  # the film "High Noon"
        hour, minute = (24 if m["word"].lower() == "midnight" else 12), 0
    elif m["ho"]:
        hour, minute = int(m["ho"]), 0
    else:
        hour, minute = int(m["hm"]) % 12 + (0 if m["tod"].lower() == "morning" else 12), 0
    clock = f"T{hour:02d}:{minute:02d}"
    day = m["day"] or m["later"]
    if day:
        if ctx.strict and not _names_ok(day):
            return None
        on = _side(day, ctx)
        if on is None:
            return None
    elif ctx.focus is not None and ctx.focus.precision == "day":
        on = ctx.focus  # "The bridge collapsed on Aug. 1 ... at 6 p.m.": the day just named
    else:
        on = None if ctx.anchor is None else mk.day(ctx.anchor)
    if on is None or on.start is None:
        return mk.unanchored("day", f"XXXX-XX-XX{clock}", type_="TIME")
    return Resolution(on.start, on.start, "day", f"{on.start.isoformat()}{clock}", "TIME")


def _week_of(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'the week of March 6': the ISO week containing that day."""
    if ctx.strict and not _names_ok(m["x"]):
        return None
    x = _side(m["x"], ctx)
    if x is None or x.precision != "day":
        return None
    if x.start is None:
        return mk.unanchored("week")
    return mk.week(x.start)


def _day_next_to(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'the day before last Tuesday', 'the day after Christmas': one day off that day."""
    if ctx.strict and not _names_ok(m["x"]):
        return None
    x = _side(m["x"], ctx)
    if x is None or x.precision != "day":
        return None
    if x.start is None:
        return mk.unanchored("day")
    step = -1 if m["dir"].lower() == "before" else 1
    return mk.day(x.start.fromordinal(x.start.toordinal() + step))


_RANGE_WORD = r"(?:and|to|until|till|through|thru|-|\u2013|\u2014)"
_DASH = r"(?:-|\u2013|\u2014|to|and)"
_ANY_POINT = (
    "year",
    "decade",
    "qcode",
    "month",
    "weekday",
    "season",
    "unit",
    "time-of-day",
    "deictic",
    "holiday",
    "clock",
)
COMPOSITE_RULES: tuple[Rule, ...] = (
    Rule(
        "between",
        rf"(?:between|from)\s+(?P<a>{_SIMPLE}|{lx.DAY})\s*{_RANGE_WORD}\s*"
        rf"(?P<b>{_SIMPLE})",
        _between,
        point=False,
        needs=_ANY_POINT,
        tensed=True,
    ),
    Rule("since", rf"since\s+(?P<x>{_SIMPLE})", _since, point=False, needs=_ANY_POINT),
    Rule(
        "day-range",
        rf"(?P<d1>{lx.DAY})\s*{_DASH}\s*(?P<d2>{lx.DAY})(?:\s+of)?\s+"
        rf"(?P<mon>{lx.MONTH})(?:,?\s+(?P<y>{lx.YEAR})(?!\d))?",
        _day_range,
        point=False,
        needs=("month",),
        tensed=True,
    ),
    Rule(
        "month-day-range",
        rf"(?P<mon>{lx.MONTH})\s+(?P<d1>{lx.DAY})\s*{_DASH}\s*"
        rf"(?P<d2>{lx.DAY})(?!\d)(?:,?\s+(?P<y>{lx.YEAR})(?!\d))?",
        _day_range,
        point=False,
        needs=("month",),
        tensed=True,
    ),
    Rule(
        "month-range",
        rf"(?P<a>{lx.MONTH_FULL})\s*(?:-|\u2013|\u2014|to|through|until)\s*"
        rf"(?P<b>{lx.MONTH_FULL})(?:,?\s+(?P<y>{lx.YEAR})(?!\d))?",
        _month_range,
        point=False,
        needs=("month",),
        tensed=True,
    ),
    Rule(
        "year-range",
        rf"(?P<a>{lx.YEAR})\s*(?:-|\u2013|\u2014|/|to)\s*"
        rf"(?P<b>{lx.YEAR}|\d{{2}})(?![-/]\d)",
        _year_range,
        point=False,
        needs=("year",),
    ),
    Rule("clock", _CLOCK_CORE, _clock, point=False, needs=("clock",), tensed=True, anaphoric=True),
    Rule(
        "week-of",
        rf"the\s+week\s+of\s+(?P<x>(?:{lx.MONTH}\s+{lx.DAY}(?!\d)|{lx.DAY}\s+(?:of\s+)?"
        rf"{lx.MONTH})(?:,?\s+{lx.YEAR}(?!\d))?)",
        _week_of,
        point=False,
        needs=("month",),
        tensed=True,
    ),
    Rule(
        "day-next-to",
        rf"(?:the\s+)?day\s+(?P<dir>before|after)\s+(?P<x>{_SIMPLE})",
        _day_next_to,
        point=False,
        needs=("unit",),
        tensed=True,
    ),
)
RANGE_RULES = COMPOSITE_RULES  # the name older callers used

RULES: tuple[Rule, ...] = (*COMPOSITE_RULES, *ANAPHORA_RULES, *NAMED_RULES, *RELATIVE_RULES)
_SCANNERS = tuple((r, _scanner(r.core)) for r in RULES)
_PHRASES = tuple((r, _phrase(r.core)) for r in RULES)
_CUES = {name: re.compile(source, re.IGNORECASE) for name, source in lx.CUES.items()}


# -- running rules --------------------------------------------------------------------------------
def _apply(rule: Rule, m: re.Match[str], ctx: Ctx) -> Resolution | None:
    if rule.tensed and ctx.strict and not ctx.future:
        ctx = replace(ctx, tense=tense_at(m.string, m.start("core"), m.end("core")))
    try:
        res = rule.handle(m, ctx)
    except (ValueError, OverflowError):  # "3000 centuries ago": outside datetime's years 1-9999
        return None
    pre = preposition(m)
    if res is not None and pre in PREPOSITION_FLAGS:
        res = res.flagged(PREPOSITION_FLAGS[pre])
    return res


def _fullmatch(text: str, ctx: Ctx, phrases: Compiled | None = None) -> Resolution | None:
    """The first rule (in priority order) that matches the whole phrase and accepts it."""
    cues = set(_cue_hits(text))
    for rule, pattern in _PHRASES if phrases is None else phrases:
        if rule.needs and cues.isdisjoint(rule.needs):
            continue
        m = pattern.compiled.fullmatch(text)
        if m is not None:
            res = _apply(rule, m, ctx)
            if res is not None:
                return res
    return None


_TOKEN = re.compile(r"\w+")
_CLOCK_AFTER = re.compile(r"\s*[ap]\.?\s?m\b|[:.][0-5]\d", re.IGNORECASE)
#: Words that open a multi-word cue ("these days", "two thousand", "good Friday").
_FIRST_WORDS: dict[str, tuple[str, ...]] = {
    "these": ("reference",),
    "other": ("reference",),
    "two": ("spoken-year",),
    "new": ("holiday",),
    "good": ("holiday",),
    "palm": ("holiday",),
    "ash": ("holiday",),
    "whit": ("holiday",),
    "may": ("holiday",),
    "o": ("clock",),
}
#: What a word with digits in it may be part of.
_NUMBER_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("year", re.compile(r"(?:1[6-9]|20)\d\d(?:q[1-4])?|q[1-4](?:1[6-9]|20)\d\d")),
    ("decade", re.compile(r"(?:1[6-9]|20)?\d0s")),
    ("qcode", re.compile(r"(?:(?:1[6-9]|20)\d\d)?q[1-4](?:(?:1[6-9]|20)\d\d)?")),
    ("hcode", re.compile(r"h[12]")),
    ("clock", re.compile(r"\d{1,2}(?:am|pm)")),
)


@lru_cache(maxsize=20_000)
def _word_cues(word: str) -> tuple[str, ...]:
    """The cues one word (lower case) shows: the lexicon's cue patterns read on the word alone,
    plus the first words of multi-word cues; a word with digits says what number it could be
    (a year, a decade, a quarter code)."""
    if any(c.isdigit() for c in word):
        return tuple(name for name, form in _NUMBER_CUES if form.fullmatch(word))
    names = [name for name, cue in _CUES.items() if cue.match(word)]
    return tuple(dict.fromkeys((*names, *_FIRST_WORDS.get(word, ()))))


def _cue_hits(text: str) -> dict[str, list[int]]:
    """Where each cue occurs (word start offsets), for the cues that occur at all. One pass over
    the words with a cached lookup, rather than one regex pass per cue."""
    hits: dict[str, list[int]] = {}
    for m in _TOKEN.finditer(text):
        word = m.group()
        for name in _word_cues(word.lower()):
            hits.setdefault(name, []).append(m.start())
        if word.isdigit() and len(word) <= 2 and _CLOCK_AFTER.match(text, m.end()):
            hits.setdefault("clock", []).append(m.start())  # "5 p.m.", "10:35"
    return hits


def _windows(
    hits: dict[str, list[int]], needs: tuple[str, ...], size: int
) -> list[tuple[int, int]]:
    """Stretches of the text around the cues a rule needs, merged; the whole text if it needs
    none, or if the stretches would cover most of it anyway."""
    if not needs:
        return [(0, size)]
    points = sorted(p for name in needs for p in hits.get(name, ()))
    out: list[tuple[int, int]] = []
    for p in points:
        lo, hi = max(0, p - WINDOW), min(size, p + WINDOW)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    if sum(hi - lo for lo, hi in out) > size * 0.6:
        return [(0, size)]
    return out


def _can_focus(res: Resolution) -> bool:
    """Whether a resolution is a date later expressions may point back at."""
    return (
        res.start is not None
        and res.type in ("DATE", "TIME")
        and res.precision in FOCUS_PRECISIONS
        and not (res.value or "").endswith("_REF")
        and not {"interval", "since", APPROXIMATE} & set(res.flags)
    )


def scan(text: str, ctx: Ctx) -> list[tuple[int, int, Resolution]]:
    """Longest accepted matches first, then rule order, then leftmost; no two overlap. Then, in
    text order, expressions that point back are read again against the last date before them."""
    hits = _cue_hits(text)
    if not hits:
        return []
    size = len(text)
    found: list[tuple[int, int, int, re.Match[str]]] = []
    windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for index, (rule, pattern) in enumerate(_SCANNERS):
        if rule.needs and not any(name in hits for name in rule.needs):
            continue
        if rule.needs not in windows:
            windows[rule.needs] = _windows(hits, rule.needs, size)
        seen = -1
        finditer = pattern.compiled.finditer
        for lo, hi in windows[rule.needs]:
            for m in finditer(text, lo, hi):
                start, end = m.span("core")
                if start <= seen:
                    continue  # already found from the window before
                if end == hi < size and _WORD_CHAR.match(text, hi):
                    continue  # cut off by the window's edge, not by a word boundary
                seen = start
                found.append((start - end, index, start, m))
    found.sort(key=lambda c: c[:3])
    taken: list[tuple[int, int, Resolution, int, re.Match[str]]] = []
    for _, index, start, m in found:
        end = m.end("core")
        if any(start < e and s < end for s, e, *_ in taken):
            continue
        res = _apply(_SCANNERS[index][0], m, ctx)
        if res is not None:
            taken.append((start, end, res, index, m))
    taken.sort(key=lambda t: t[0])
    return _read_back(taken, ctx)


def _reported_quarter(res: Resolution, anchor: date | None) -> bool:
    """A quarter a report can be about: named first, and begun within the fifteen months up to
    the anchor (not "the 1984 third quarter" in a story's background)."""
    if res.precision != "quarter" or res.start is None:
        return False
    if anchor is None:
        return True
    return 0 <= (anchor - res.start).days <= 460


def _read_back(
    taken: list[tuple[int, int, Resolution, int, re.Match[str]]], ctx: Ctx
) -> list[tuple[int, int, Resolution]]:
    """Second reading in text order: anaphoric rules see the last date named and the quarter the
    text reports on (the first recent one it names)."""
    out: list[tuple[int, int, Resolution]] = []
    focus: Resolution | None = None
    focus_quarter: Resolution | None = None
    span_focus = False
    for start, end, res, index, m in taken:
        rule = _SCANNERS[index][0]
        if rule.anaphoric:
            again = _apply(
                rule,
                m,
                replace(ctx, focus=focus, focus_quarter=focus_quarter, span_focus=span_focus),
            )
            res = again if again is not None else res
            if res.precision == "quarter" and names_closing_day(m):
                focus_quarter = res  # "for the quarter ended Sept. 30": the report says which
        elif _can_focus(res):
            focus = res
            if focus_quarter is None and _reported_quarter(res, ctx.anchor):
                focus_quarter = res
        if res.precision == "quarter":
            span_focus = False
        elif _reporting_span(m.string, start, res):
            span_focus = True
        out.append((start, end, res))
    return out


#: "for the nine months", "in the first six months": a company's year-to-date reporting period.
_SPAN_BEFORE = re.compile(r"\bthe\s+(?:(?:first|latest|past|last)\s+)?$", re.IGNORECASE)


def _reporting_span(text: str, start: int, res: Resolution) -> bool:
    """Whether ``res`` names a stretch of months a report covers ("the first nine months"):
    after it, "a year earlier" compares with the same stretch a year back, not a quarter."""
    return (
        res.type == "DURATION"
        and res.value in ("P6M", "P9M")
        and _SPAN_BEFORE.search(text, max(0, start - 20), start) is not None
    )


def as_day(anchor: date | datetime | None) -> date | None:
    return anchor.date() if isinstance(anchor, datetime) else anchor


def normalise(text: str) -> str:
    """One phrase as the grammar expects it: plain apostrophes, single spaces, no trailing
    punctuation or possessive ("last year's" -> "last year")."""
    flat = " ".join(text.replace("\u2019", "'").split()).lstrip('"\u201c([')
    return _TRAILING.sub("", _TRAILING.sub("", flat))


def resolve(text: str, anchor: date | datetime | None, future: bool = False) -> Resolution | None:
    """The grammar on the whole phrase, else the longest phrase inside it, else dateparser."""
    return _resolve(text, as_day(anchor), future)


@lru_cache(maxsize=4096)
def _resolve(text: str, day: date | None, future: bool) -> Resolution | None:
    """:func:`resolve` on a day. Pure (a Resolution is frozen), so it is cached: news repeats
    its phrases ('annual', 'the week', a month's name; 45 % of the phrases of 1,000 Reuters
    stories read again on the same day), and each reading tries every rule."""
    phrase = normalise(text)
    if not phrase:
        return None
    res = _fullmatch(phrase, Ctx(day, day, future, strict=False))
    if res is not None:
        return res
    inside = scan(phrase, Ctx(day, day, future, strict=True))
    if inside:
        return max(inside, key=lambda t: t[1] - t[0])[2]
    return _absolute_fallback(phrase)


# -- dateparser fallback --------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _date_parser() -> Any:
    """Built on first use: importing dateparser costs about a second."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "RELATIVE_BASE": datetime(2000, 1, 1),
            "REQUIRE_PARTS": ["year"],
            "PREFER_DATES_FROM": "past",
        },
    )


def _absolute_fallback(phrase: str) -> Resolution | None:
    """Odd absolute formats ('10/04/2024'); only phrases that carry a four-digit year, so no
    relative phrase is ever read against the clock. Flagged 'dateparser', plus
    'ambiguous-order' when day and month could be swapped (dateparser reads month first)."""
    if not re.search(r"(?<!\d)[12]\d{3}(?!\d)", phrase):
        return None
    data = _date_parser().get_date_data(phrase)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        res = mk.year(d.year)
    elif period == "month":
        res = mk.month(d.year, d.month)
    elif period == "week":
        res = mk.week(d)
    else:
        res = mk.day(d)
    numeric = _NUMERIC_DATE.search(phrase)
    if (
        numeric
        and len({int(numeric[1]), int(numeric[2])}) == 2
        and max(int(numeric[1]), int(numeric[2])) <= 12
    ):
        return res.flagged("dateparser", "ambiguous-order")  # 10/04: October or April?
    return res.flagged("dateparser")
