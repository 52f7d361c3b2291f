"""Discourse pass: what a sentence leaves unsaid because an earlier one said it.

News tells an attack once with its author ("al-Shabaab claimed the bombing") and then reports
its toll and aftermath without repeating who did it ("a dozen people died in the blast", "the
gunmen fled"). An event coder that reads sentence by sentence leaves those
events without a source, although any reader knows it. This pass links such an agentless attack
to the attack the text refers back to, when that is unambiguous:

- the event is violent (CAMEO 18-20) and its source is missing or an unidentified attacker
  ("the bomber", "gunmen");
- the sentence points back: a definite attack noun ("the attack", "this bombing", "Sunday's
  blast") or a toll with no agent ("three soldiers were killed");
- within the last few sentences exactly one author of an attack (or of a claim of one) is
  stated, and it is not among the victims.

The inherited actor keeps the offsets of the mention that names it, so the evidence for the
identity is the earlier sentence, never a guess from the article's focus.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventwire.code.grammar import ATTACK_NOUNS, LEXICON, VIOLENT_ROOTS
from eventwire.records import Actor, Event

#: How many sentences back an attack's author is still the one a toll refers to.
WINDOW = 4
#: Sectors of people an attack befalls: an event that gives them as its source was misread.
VICTIM_SECTORS = frozenset({"CVL", "REF"})
#: A claim of responsibility names the author of the attack it claims.
CLAIM_CODES = frozenset({"015"})
_UNIDENTIFIED = LEXICON.words("unidentified_attackers")
_CASUALTY = LEXICON.words("casualty_words")
_POINTING = LEXICON.words("pointing_determiners")
_ATTACK = "|".join(sorted((re.escape(w) for w in ATTACK_NOUNS), key=len, reverse=True))
_DETS = "|".join(sorted(re.escape(w) for w in _POINTING))
#: "the attack", "this week's bombing", "the suicide blast", "Sunday's deadly explosion"
_DEFINITE_ATTACK = re.compile(
    rf"\b(?:(?:{_DETS})|\w+day's|\w+'s)\s+(?:[\w-]+\s+){{0,2}}(?:{_ATTACK})s?\b", re.I
)


def _identified(actors: tuple[Actor, ...]) -> bool:
    return any(a.country for a in actors)


def _unknown_author(actors: tuple[Actor, ...]) -> bool:
    """No source, or only attackers the text does not identify ("a gunman")."""
    return all(
        not a.country and (a.text.lower().split() or [""])[-1] in _UNIDENTIFIED for a in actors
    )


def _violent(ev: Event) -> bool:
    return (ev.cameo.code or "")[:2] in VIOLENT_ROOTS


def points_back(ev: Event) -> bool:
    """Whether the event's sentence refers to an attack already told: a definite attack noun,
    or a toll ("three soldiers were killed": victims and no author), which always belongs to
    some attack in the story. Fighting with a named enemy and no author is no toll."""
    if ev.target and not ev.source and ev.trigger.text.lower() in _CASUALTY:
        return True
    # the definite noun must name this event: in "the strike followed an attack on ...", the
    # strike points back, the attack is a new one
    at = ev.trigger.start - ev.evidence_start
    return any(m.start() <= at < m.end() for m in _DEFINITE_ATTACK.finditer(ev.evidence))


def attack_authors(events: list[Event]) -> list[Event]:
    """Events of one document, with agentless attacks given the author the text refers to."""
    order = sorted(range(len(events)), key=lambda i: (events[i].sentence, events[i].trigger.start))
    authors: list[tuple[int, tuple[Actor, ...], frozenset[str]]] = []
    out = list(events)
    for i in order:
        ev = events[i]
        stated = _identified(ev.source)
        if stated and (_violent(ev) or (ev.cameo.code or "") in CLAIM_CODES):
            if not any(a.sector in VICTIM_SECTORS for a in ev.source):
                # civilians are no attack's author
                aimed = frozenset(a.country for a in ev.target if a.country)
                authors.append((ev.sentence, ev.source, aimed))
            continue
        if stated or not _violent(ev) or not _unknown_author(ev.source) or not points_back(ev):
            continue
        # a toll's victims may be anyone caught in the attack; an attack noun's target is whom
        # that attack was on
        toll = ev.trigger.text.lower() in _CASUALTY
        mine = frozenset() if toll else frozenset(a.country for a in ev.target if a.country)
        recent = [
            a
            for s, a, aimed in authors
            if ev.sentence - WINDOW <= s < ev.sentence
            # "the ground assault on Isis strongholds" after shelling of Kurdish towns: an
            # attack on someone else is another attack
            and not (mine and aimed and not mine & aimed)
        ]
        identities = {frozenset(x.country for x in a if x.country) for a in recent}
        if len(identities) != 1:
            continue  # no attack told just before, or several authors: the text does not say
        author = recent[-1]
        if any((v.country, v.sector) == (a.country, a.sector) for v in ev.target for a in author):
            continue  # the author's own fighters killed: someone else's attack
        source = tuple(replace(a, confidence=min(a.confidence, 0.5)) for a in author)
        out[i] = replace(ev, source=source)
    return out
