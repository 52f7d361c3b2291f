"""Which way a name without a year points: the tense of the clause around it.

"The licences expire Nov. 21" and "the talks resume Monday" look ahead; "he arrived Monday" and "it
was signed on 26 July" look back. A careful reader settles which Monday or which 26 July from the
verb that governs the expression, so ``tense_at`` reads the words of the sentence outward from the
match: first backwards to the start of the sentence (the verb usually comes first: "met on
Monday"), then forwards ("On Monday, the council voted"). The first cue met decides:

* a modal or scheduling word (will, would, may, expected, scheduled, due, payable, resume ...)
  means "future";
* a past form (was, said, irregular pasts, any -ed verb) means "past", unless an auxiliary just
  before a participle says otherwise ("must be repaid by Jan. 14" is future, "has been
  postponed" past);
* "postponed until Tuesday", "extended to Nov. 30": a delay verb before until/to/till/through
  points ahead whatever its own tense;
* "supposed to", "likely to", a verb or noun of intention before "to" ("agreed to", "a deal to
  buy the mine in June", "a plan to repay the loan by March") points ahead;
* a negated "could"/"would" ("could not be reached Monday", "nobody ... could be found") is
  past: news reports a failure or a refusal already met;
* an infinitive after a verb of directing ("ordered him to appear on March 3") has no tense of
  its own: only what follows the expression may still tell.

The noun a name modifies ("the Friday deadline", "Monday's verdict") is no verb of the clause
and gives no cue. A run of capitalised words ("the National
Rifle Association") counts as one word of the reach: a name is one constituent.

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
    expires expiring resume resumes reconvene reconvenes intends intend intending upcoming
    soon deadline tomorrow begins starts convene convenes""".split()
)
#: Words that are future only when the next word agrees ("due to" is a cause, "plan to" is not).
FUTURE_BEFORE: dict[str, frozenset[str]] = {
    "due": frozenset(["on", "in", "by", "for", "out", "back", "at", "this", "next", "to"]),
    "going": frozenset(["to"]),
    "plans": frozenset(["to"]),
    "plan": frozenset(["to"]),
    "set": frozenset(["to", "for"]),
    "supposed": frozenset(["to"]),
    "poised": frozenset(["to"]),
    "likely": frozenset(["to"]),
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
    plan planned plans intend intended intends hope hoped hopes hoping want wanted wants ask asked
    asks urge urged urges order ordered orders prepare prepared prepares aim aimed aims seek
    seeks sought try tried tries attempt attempted attempts propose proposed proposes arrange
    arranged arranges expect expected expects schedule scheduled""".split()
)
#: Verbs that direct someone to do something ("ordered them to leave", "summoned her to appear"):
#: the infinitive after their object governs the date, and it carries no tense of its own.
DIRECTIVE_VERBS = frozenset(
    """ordered summoned subpoenaed invited told asked urged called required forced allowed
    authorized authorised directed instructed encouraged persuaded permitted compelled
    ordering summoning inviting telling asking urging requiring forcing allowing""".split()
)
#: Before a fronted expression's verb, these keep a participle of planning in the future ("on
#: Monday the vote is expected to ...").
_PRESENT_AUX = FUTURE_AUX | PASSIVE_AUX | {"am"}
#: Participles of planning that, after their noun ("the vote scheduled for Monday"), head a
#: reduced relative clause: it has no tense, and the main verb after the expression decides.
_PARTICIPLE_PLANS = frozenset("planned scheduled slated".split())
#: Words before such a participle that make it a finite verb or a verbal group ("has scheduled a
#: conference", "they planned for it") rather than a reduced relative.
_FINITE = (
    _PRESENT_AUX
    | PAST_AUX
    | frozenset(
        "he she it they we i you who which that and also had previously originally already".split()
    )
)
#: What follows such a participle in a reduced relative ("planned for", "scheduled at"); an
#: object instead ("planned a demonstration") makes it the finite verb.
_PREPS = frozenset("for at on in during by".split())
_NOT_VERBS = frozenset("the a an his her their its our this that these those be".split())
#: Nouns of intention: "a deal to buy the mine in June", "a plan to vote by March": what
#: the infinitive after them names is still to come.
INTENT_NOUNS = frozenset(
    """agreement agreements accord deal plan proposal bid offer offers pledge promise commitment
    decision effort efforts attempt intention option program programme deadline timetable
    schedule ultimatum""".split()
)
#: Prepositions that put what follows them before the clause's own event ("after talks on
#: April 19", "following a vote in March").
_EARLIER = frozenset(["after", "following", "since"])
#: Modals that, negated, report a refusal or a failure already met in news ("officials would not
#: say Monday", "he could not be reached Friday"): past, not future.
_REPORTED_MODALS = frozenset(["could", "would", "couldn't", "wouldn't"])
_NEGATIONS = frozenset(["not", "never"])
_NEGATIVE_SUBJECTS = frozenset(["neither", "nor", "nobody", "none"])
#: A name between a determiner and a noun modifies the noun ("a March accord", "the Dec. 7
#: vote"): it dates that thing, whatever the tense of the clause around the noun phrase.
_ATTRIBUTIVE_DETERMINERS = frozenset("a an the its their his her our your".split())
#: What makes a possessive name ("ahead of Thursday's summit") look forward.
_POSSESSIVE_AHEAD = ("ahead of", "before", "until", "till", "awaiting", "await")
_NOUN_AFTER = re.compile(r"\s+([a-z]+)\b")
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s\s+[a-z]")
_NOT_NOUNS = frozenset(
    """on of in to for at by with from and or but is was are were be been has have had will
    would that which who as than before after when""".split()
)
#: Words that may stand before a fronted expression ("And on Monday, the council voted"): only
#: then do the words after a comma belong to its clause; otherwise what follows the comma is an
#: aside ("the talks begin in April, officials said") whose verb does not date it.
_FRONTING = frozenset(
    "on in at by during since until till from before after early late also and but then so".split()
)
#: A sentence opening with a subordinate clause ("When the board meets on Monday, it will ...")
#: has its main clause after the comma.
_SUBORDINATORS = frozenset(
    "when while if once after before until as because although though since unless".split()
)
#: Words that open a new clause: a cue beyond one governs another verb ("aid would go to the
#: towns where the March floods killed 300"), so it is read only after the words that follow.
CLAUSE_OPENERS = frozenset(
    "where which who whom whose when while because although though whereas if unless".split()
)

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
#: A sentence ends at . ! ? (after any closing quote) before a capital, unless the dot closes an
#: abbreviation ("Jan.", "Mr.", "U.S.", "p.m."); a semicolon or a blank line also ends the clause.
#: A single line break does not: wire copy is often wrapped mid-sentence.
_BOUNDARY = re.compile(
    r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\b[A-Z][a-z]{3})(?<!\.[A-Za-z])"
    r"[.!?][\"'`\u201d)]*\s+(?=[\"'`\u201c(]*[A-Z])|;|\n[ \t]*\n"
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


def _words(text: str) -> list[str]:
    """The words of ``text``, a run of capitalised words ("the National Rifle Association")
    counted once: a name is one constituent, and the reach is in constituents."""
    words = _WORD.findall(text)
    out: list[str] = []
    for word in words:
        if out and word[0].isupper() and out[-1][0].isupper():
            continue
        out.append(word)
    return out


def _attributive(before: list[str], after_text: str) -> bool:
    """Whether the expression modifies a noun: after a determiner and before a noun ("a June
    accord"), or in the possessive ("Monday's verdict"). It then dates that thing, and the
    tense of the clause around the noun phrase says nothing about which June."""
    if _POSSESSIVE_AFTER.match(after_text):
        return True
    found = _NOUN_AFTER.match(after_text)
    return (
        bool(before)
        and before[-1].lower() in _ATTRIBUTIVE_DETERMINERS
        and found is not None
        and found.group(1) not in _NOT_NOUNS
    )


def _past_form(word: str) -> bool:
    key = word.lower()
    if key in PAST_WORDS:
        return True
    return len(key) > 4 and key.endswith("ed") and key not in NOT_PAST_ED and not word[0].isupper()


def _word_cue(words: list[str], i: int, until: bool = False, ahead: bool = False) -> str | None:
    """The cue of ``words[i]`` read in its place: 'future', 'past', 'skip' (a participle whose
    auxiliary says nothing), 'reduced' (a participle after its noun) or None. ``ahead``: the
    word comes after the expression, so the expression is fronted before the verb it dates."""
    word = words[i]
    key = word.lower()
    following = words[i + 1].lower() if i + 1 < len(words) else ""
    previous = words[i - 1].lower() if i > 0 else ""
    if ahead and _past_form(word) and previous not in _PRESENT_AUX:
        # "On Friday, the ministry planned to open", "Mugabe on Friday tried to": the plan
        # or attempt was made that day; what it aimed at is not what the expression dates
        if key in FUTURE_WORDS or key in INTENT_VERBS or key in FUTURE_BEFORE:
            return "past"
    if not ahead and key in _PARTICIPLE_PLANS and following in _PREPS and previous not in _FINITE:
        return "reduced"  # "a rally planned for Saturday was banned": the main verb decides
    if key in FUTURE_AUX and following == "have":
        return "past"  # "could have sunk", "would have been": a modal perfect looks back
    if key in _REPORTED_MODALS and not until and _negated(words, i):
        return "past"  # "could not be reached Tuesday", "would not comment": what was said
    if key in FUTURE_WORDS or key.endswith("'ll"):
        if _after_had(words, i):
            return "past"  # "had been scheduled to start Friday": a plan already past
        return "future"
    if (key in INTENT_VERBS or key in INTENT_NOUNS) and following == "to":
        if not ahead and any(w.lower() in _EARLIER for w in words[i + 2 :]):
            # "agreed to pull out after talks on April 19": the expression dates what came
            # before the agreement, so the agreement's own tense decides
            return "past" if _past_form(word) else None
        return "future"  # "agreed to sell it in January", "a deal to buy it in June"
    if i >= 2 and words[i - 1].lower() == "to" and word.islower() and key not in _NOT_VERBS:
        if any(w.lower() in DIRECTIVE_VERBS for w in words[max(0, i - 6) : i - 1]):
            return "stop"  # "ordered him to appear on March 3": an infinitive has no tense
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
        return None  # "a yet undisclosed date", "the planned merger": an adjective
    passive = False
    for back in range(i - 1, max(-1, i - 4), -1):  # an auxiliary governs a participle
        aux = words[back].lower()
        if aux in FUTURE_AUX:
            refused = aux in _REPORTED_MODALS and not until and _negated(words, back)
            return "past" if refused else "future"
        if aux in PAST_AUX:
            return "past"
        if aux == "be" and back > 0 and words[back - 1].lower() == "to":
            return "future"  # "a ruling to be handed down in early November"
        passive = passive or aux in PASSIVE_AUX
    return "skip" if passive else "past"


def _negated(words: list[str], i: int) -> bool:
    """Whether the modal ``words[i]`` is negated: "could not", "couldn't", "neither ... could"."""
    key = words[i].lower()
    if key.endswith("n't") or (i + 1 < len(words) and words[i + 1].lower() in _NEGATIONS):
        return True
    return any(w.lower() in _NEGATIVE_SUBJECTS for w in words[max(0, i - 6) : i])


def _after_had(words: list[str], i: int) -> bool:
    return any(w.lower() == "had" for w in words[max(0, i - 4) : i])


def tense_at(text: str, start: int, end: int) -> str | None:
    """'future', 'past' or None for the expression at ``text[start:end]`` (see module doc)."""
    before_text, after_text = _clause(text, start, end)
    before = _words(before_text)
    if _POSSESSIVE_AFTER.match(after_text):
        # "appeal Wednesday's verdict": the name dates its noun, not the clause's verb; only
        # "ahead of" / "before" it looks forward
        lead = " ".join(w.lower() for w in before[-2:])
        return "future" if lead.endswith(_POSSESSIVE_AHEAD) else None
    if before and before[-1].lower() in _UNTIL:
        reach = 2 if before[-1].lower() in ("to", "by", "through") else 6
        if any(w.lower() in DELAY_VERBS for w in before[-reach:-1]):
            return "future"  # "postponed until Tuesday", "gave them until 6 p.m. Tuesday"
    lo = max(0, len(before) - REACH_BEFORE)
    opener = lo
    for i in range(len(before) - 1, lo - 1, -1):
        if before[i].lower() in CLAUSE_OPENERS:
            opener = i
            break
    fronted = not before or before[0].lower() in _SUBORDINATORS
    if not fronted and any(w.lower() not in _FRONTING for w in before):
        after_text = after_text.split(",", 1)[0]  # "... in April, officials said": an aside
    after = _words(after_text)[: REACH_AFTER + 1]
    if after and _attributive(before, after_text):
        after = after[1:]  # "the Friday deadline": the noun it dates is no verb of the clause
    until = bool(before) and before[-1].lower() in ("until", "till")
    near = _first_cue(before, range(len(before) - 1, opener - 1, -1), until)
    following = _first_cue(after, range(min(len(after), REACH_AFTER)), ahead=True)
    if following == "stop":
        following = None
    if near == "stop":  # a tenseless infinitive governs it: only what follows may tell
        return following
    if near == "reduced":  # "a rally planned for Saturday was banned"
        return "past" if following == "past" else "future"
    found = near or following or _first_cue(before, range(opener - 1, lo - 1, -1), until)
    if found == "reduced":
        return "future"
    return None if found == "stop" else found


def adjacent_tense(text: str, start: int, end: int) -> str | None:
    """'future', 'past' or None from the verb right next to an adverb ("was soon freed", "soon
    reached", "will soon move"): three words back, then the word after, within the clause."""
    before_text, after_text = _clause(text, start, end)
    before, after = _words(before_text), _words(after_text)
    found = _first_cue(before, range(len(before) - 1, max(-1, len(before) - 4), -1))
    found = found or _first_cue(after, range(min(len(after), 1)))
    if found == "reduced":
        return "future"
    return None if found == "stop" else found


def _first_cue(
    words: list[str], order: range, until: bool = False, ahead: bool = False
) -> str | None:
    """The first cue met in ``order``; ``until``: the expression follows until/till, so a
    negated modal still looks ahead ("would not decide until April"); ``ahead``: the words
    follow the expression."""
    for i in order:
        found = _word_cue(words, i, until, ahead)
        if found and found != "skip":
            return found
    return None
