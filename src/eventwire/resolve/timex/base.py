"""What every rule shares: the resolution context, the rule record and small match helpers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .lexicon import PREPOSITION, REL_MODES, squash
from .model import Resolution


@dataclass(frozen=True, slots=True)
class Ctx:
    """How to read one match.

    ``anchor`` (the publication date) resolves deictic words ("yesterday", "last week");
    ``ref`` resolves calendar names without a year ("26 July", "Thursday") and is the anchor
    except inside a range, where the other end serves ("from May to July 2023"). ``strict`` is
    set while scanning free text, where a bare "May" or "Sunday Times" must be turned down.
    ``tense`` is what the clause around a scanned match says ("future", "past" or None, see
    ``tense.tense_at``); ``future`` is the caller's own say-so and wins. ``focus`` is the last
    date the text named before this match and ``focus_quarter`` the quarter it reports on: what
    "that year", "a year earlier" or "the latest quarter" refer back to (see ``anaphora``).
    ``span_focus`` says the reporting period named last is a stretch of months ("for the nine
    months"), not a quarter: "a year earlier" then compares with that stretch a year back.
    """

    anchor: date | None
    ref: date | None
    future: bool = False
    strict: bool = False
    tense: str | None = None
    focus: Resolution | None = None
    focus_quarter: Resolution | None = None
    span_focus: bool = False

    def mode(self, rel: str | None = None, default: str = "recent") -> str:
        """Occurrence mode for a named period: from its modifier, else from the tense (future:
        the next one; past: the most recent one), else ``default``."""
        if rel:
            return REL_MODES[squash(rel)]
        if self.future or self.tense == "future":
            return "future"
        if self.tense == "past":
            return "recent"
        return default


Handler = Callable[[re.Match[str], Ctx], Resolution | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named regex for the expression itself (``core``) and the function that reads a match.

    ``point`` rules name one period and may stand inside "since X" / "between X and Y";
    ``needs`` names the lexicon.CUES of which a text must show one for the rule to be tried
    (empty: always tried); ``tensed`` rules read a name without a year (a weekday, a month), so
    while scanning they are told the tense of the clause around the match.
    """

    name: str
    core: str
    handle: Handler
    point: bool = True
    needs: tuple[str, ...] = ()
    tensed: bool = False
    anaphoric: bool = False


def group(m: re.Match[str], name: str) -> str | None:
    """A named group that may be absent from this rule's pattern."""
    try:
        return m.group(name)
    except IndexError:
        return None


def capitalised(word: str | None) -> bool:
    return bool(word) and word[0].isupper()  # type: ignore[index]


def word_before(m: re.Match[str], name: str = "core") -> str:
    """The word just before a group, lower case ("" at the start)."""
    head = m.string[max(0, m.start(name) - 40) : m.start(name)]
    found = re.search(r"([\w.]+)\W*$", head)
    return found.group(1).lower() if found else ""


def raw_word_after(m: re.Match[str], name: str = "core") -> str:
    """The word just after a group, as written ("" at the end)."""
    found = re.match(r"\s+(\w+)", m.string[m.end(name) : m.end(name) + 40])
    return found.group(1) if found else ""


def text_after(m: re.Match[str], size: int = 20) -> str:
    return m.string[m.end("core") : m.end("core") + size]


_PREPOSITION_BEFORE = re.compile(rf"(?<!\w)({PREPOSITION})\s+$", re.IGNORECASE)


def _preposition_match(m: re.Match[str]) -> re.Match[str] | None:
    start = m.start("core")
    return _PREPOSITION_BEFORE.search(m.string, max(0, start - 16), start)


def preposition(m: re.Match[str]) -> str | None:
    """The preposition right before the expression ("in" for "in March"), lower case."""
    found = _preposition_match(m)
    return found.group(1).lower() if found else None


def text_before(m: re.Match[str], size: int = 40) -> str:
    """Text before the expression and its preposition."""
    found = _preposition_match(m)
    start = found.start() if found else m.start("core")
    return m.string[max(0, start - size) : start]
