"""Which way a name without a year points: the tense of the clause around it.

"The rights expire Nov. 21" and "the talks resume Monday" look ahead; "he arrived Monday" and "it
was signed on 26 July" look back. A careful reader settles which Monday or which 26 July from the
verb that governs the expression, so ``tense_at`` reads the words of the sentence outward from the
match: first backwards to the start of the sentence (the verb usually comes first: "met on
Monday"), then forwards ("On Monday, the council voted"). The first cue met decides:

* a modal or scheduling word (will, would, may, expected, scheduled, due, payable, resume ...)
  means "future";
* a past form (was, said, irregular pasts, any -ed verb) means "past", unless an auxiliary just
  before a participle says otherwise ("must be returned by Jan. 14" is future, "has been
  postponed" past);
* "postponed until Tuesday", "extended to Nov. 16": a delay verb before until/to/till/through
  points ahead whatever its own tense.

No cue within reach gives None, and the caller falls back on its news default. Pure regex and
word sets: no parser, so it stays cheap inside ``find_times``.
"""

from __future__ import annotations

import re

#: How many words before / after the expression are read for a cue.
REACH_BEFORE = 12
REACH_AFTER = 8

FUTURE_WORDS = frozenset(
    """will ll shall wo won't would may might could should must expected expects expect
    expecting scheduled schedule schedules slated planned planning payable effective expire
    expires expiring resume resumes reconvene reconvenes intends intend intending aims hopes
    hoping upcoming soon deadline tomorrow begins starts convene convenes""".split()
)
#: Words that are future only when the next word agrees ("due to" is a cause, "plan to" is not).
FUTURE_BEFORE: dict[str, frozenset[str]] = {
    "due": frozenset(["on", "in", "by", "for", "out", "back", "at", "this", "next", "to"]),
    "going": frozenset(["to"]),
    "plans": frozenset(["to"]),
    "plan": frozenset(["to"]),
    "set": frozenset(["to", "for"]),
    "is": frozenset(["to", "due", "set", "scheduled", "expected", "slated"]),
    "are": frozenset(["to", "due", "set", "scheduled", "expected", "slated"]),
}
#: Irregular past forms common in news (regular ones are caught by their -ed ending).
PAST_WORDS = frozenset(
    """was were had did said saying told ago last yesterday earlier began came went met made
    took gave left fell rose won lost held sent spoke saw got found became brought bought sold
    paid led ran wrote chose struck stood thought shot broke beat fled fought sought caught
    kept felt heard meant flew threw grew knew drew spent built rang sank sat slept stole swore
    tore woke wore withdrew overthrew undertook forbade arose awoke bore bled bound dealt dug fed
    forgave froze hung hid laid lit overcame rode sang shook slid sprang stuck stung strove
    swept swung taught understood upheld wept""".split()
)
#: Words ending in -ed that are not past verbs (or are as often adjectives in news).
NOT_PAST_ED = frozenset(
    """need speed feed seed bed red shed hundred indeed proceed exceed succeed breed greed based
    so-called united limited related alleged armed detailed advanced supposed interested
    concerned unidentified unnamed named assorted elected beloved wicked naked sacred rugged
    ragged crooked learned aged tired embattled""".split()
)
#: Auxiliaries that settle the tense of the participle after them.
FUTURE_AUX = frozenset("will ll shall would may might could should must wo".split())
PAST_AUX = frozenset("was were had has have".split())
PASSIVE_AUX = frozenset("is are be been being".split())
#: A delay verb before until/to/till/through looks ahead: "postponed until Tuesday".
DELAY_VERBS = frozenset(
    """postponed extended delayed adjourned deferred moved pushed put set rescheduled recessed
    postpone extend delay adjourn defer given gave granted allowed""".split()
)
_UNTIL = frozenset(["until", "till", "to", "through", "by"])
_DETERMINERS = frozenset("a an the this that these those its their his her our your".split())
_DEGREE = frozenset("still already newly recently once long so very much".split())
#: Verbs of intention: what follows "agreed to", "voted to" is still to come.
INTENT_VERBS = frozenset(
    """agree agreed agrees decide decided decides vote voted votes promise promised promises
    pledge pledged pledges vow vowed vows threaten threatened threatens offer offered offers
    plan planned plans intend intended intends hope hoped hopes want wanted wants ask asked
    asks urge urged urges order ordered orders prepare prepared prepares aim aimed aims seek
    seeks sought try tried tries attempt attempted attempts propose proposed proposes arrange
    arranged arranges expect expected expects schedule scheduled""".split()
)
#: Words that open a new clause: a cue beyond one governs another verb ("aid would come to the
#: countries where the Aug. 7 blasts killed 257"), so it is read only after the words that follow.
CLAUSE_OPENERS = frozenset(
    "where which who whom whose when while because although though whereas if unless".split()
)

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
#: A sentence ends at . ! ? (after any closing quote) before a capital, unless the dot closes an
#: abbreviation ("Jan.", "Mr.", "U.S.", "p.m."); a semicolon or line break also ends the clause.
_BOUNDARY = re.compile(
    r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\b[A-Z][a-z]{3})(?<!\.[A-Za-z])"
    r"[.!?][\"'`\u201d)]*\s+(?=[\"'`\u201c(]*[A-Z])|[;\n]"
)


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the sentence before and after the expression (at most ~160 chars each way)."""
    lo = max(0, start - 160)
    before = text[lo:start]
    cuts = list(_BOUNDARY.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    after = text[end : end + 160]
    stop = _BOUNDARY.search(after)
    if stop is not None:
        after = after[: stop.start()]
    return before, after


def _past_form(word: str) -> bool:
    key = word.lower()
    if key in PAST_WORDS:
        return True
    return len(key) > 4 and key.endswith("ed") and key not in NOT_PAST_ED and not word[0].isupper()


def _word_cue(words: list[str], i: int) -> str | None:
    """The cue of ``words[i]`` read in its place: 'future', 'past', 'skip' (a participle whose
    auxiliary says nothing) or None."""
    word = words[i]
    key = word.lower()
    following = words[i + 1].lower() if i + 1 < len(words) else ""
    if key in FUTURE_AUX and following == "have":
        return "past"  # "could have emerged", "would have been": a modal perfect looks back
    if key in FUTURE_WORDS or key.endswith("'ll"):
        if _after_had(words, i):
            return "past"  # "had been scheduled to expire Friday": a plan already past
        return "future"
    if key in INTENT_VERBS and following == "to":
        return "future"  # "agreed to acquire it in January"
    if key.endswith("ing") and i > 0 and words[i - 1].lower() in ("is", "are", "am"):
        return "future"  # "is holding the vote on Dec. 7": an arrangement
    if key in FUTURE_BEFORE:
        if following not in FUTURE_BEFORE[key]:
            return None
        return "past" if _after_had(words, i) else "future"
    if not _past_form(word):
        return None
    j = i - 1
    while j >= 0 and (words[j].lower() in _DEGREE or words[j].lower().endswith("ly")):
        j -= 1
    if j >= 0 and words[j].lower() in _DETERMINERS:
        return None  # "a still unspecified date", "the planned merger": an adjective
    passive = False
    for back in range(i - 1, max(-1, i - 4), -1):  # an auxiliary governs a participle
        aux = words[back].lower()
        if aux in FUTURE_AUX:
            return "future"
        if aux in PAST_AUX:
            return "past"
        if aux == "be" and back > 0 and words[back - 1].lower() == "to":
            return "future"  # "rules to be issued in early November"
        passive = passive or aux in PASSIVE_AUX
    return "skip" if passive else "past"


def _after_had(words: list[str], i: int) -> bool:
    return any(w.lower() == "had" for w in words[max(0, i - 4) : i])


def tense_at(text: str, start: int, end: int) -> str | None:
    """'future', 'past' or None for the expression at ``text[start:end]`` (see module doc)."""
    before_text, after_text = _clause(text, start, end)
    before = _WORD.findall(before_text)
    if before and before[-1].lower() in _UNTIL:
        reach = 2 if before[-1].lower() in ("to", "by", "through") else 6
        if any(w.lower() in DELAY_VERBS for w in before[-reach:-1]):
            return "future"  # "postponed until Tuesday", "gave them until 9 a.m. Tuesday"
    lo = max(0, len(before) - REACH_BEFORE)
    opener = lo
    for i in range(len(before) - 1, lo - 1, -1):
        if before[i].lower() in CLAUSE_OPENERS:
            opener = i
            break
    after = _WORD.findall(after_text)[: REACH_AFTER + 1]
    return (
        _first_cue(before, range(len(before) - 1, opener - 1, -1))
        or _first_cue(after, range(min(len(after), REACH_AFTER)))
        or _first_cue(before, range(opener - 1, lo - 1, -1))
    )


def _first_cue(words: list[str], order: range) -> str | None:
    for i in order:
        found = _word_cue(words, i)
        if found and found != "skip":
            return found
    return None
