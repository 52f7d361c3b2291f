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

from eventwire.code.grammar import ATTACK_NOUNS, LEXICON, POINTING_DETS, VIOLENT_ROOTS
from eventwire.records import Actor, Event, Place

#: How many sentences back an attack's author is still the one a toll refers to.
WINDOW = 4
#: Sectors of people an attack befalls: an event that gives them as its source was misread.
VICTIM_SECTORS = frozenset({"CVL", "REF"})
#: A claim of responsibility names the author of the attack it claims.
CLAIM_CODES = frozenset({"015"})
_UNIDENTIFIED = LEXICON.words("unidentified_attackers")
_CASUALTY = LEXICON.words("casualty_words")
_ATTACK = "|".join(sorted((re.escape(w) for w in ATTACK_NOUNS), key=len, reverse=True))

#: "the attack", "this week's bombing", "the suicide blast", "Sunday's deadly explosion"
_DEFINITE_ATTACK = re.compile(
    rf"\b(?:(?:{POINTING_DETS})|\w+day's|\w+'s)\s+(?:[\w-]+\s+){{0,2}}(?:{_ATTACK})s?\b", re.I
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
    if ev.source and all(_definite_attacker(ev, a) for a in ev.source):
        return True  # "the bomber struck", "the gunmen fled": attackers already introduced
    # the definite noun must name this event: in "the strike followed an attack on ...", the
    # strike points back, the attack is a new one
    at = ev.trigger.start - ev.evidence_start
    return any(m.start() <= at < m.end() for m in _DEFINITE_ATTACK.finditer(ev.evidence))


def _definite_attacker(ev: Event, actor: Actor) -> bool:
    """An attacker the text does not identify, told with a definite article ("the bomber",
    "the gunmen"): someone the story has introduced, not a new party."""
    words = actor.text.lower().split()
    if not words or words[-1] not in _UNIDENTIFIED or actor.country:
        return False
    before = ev.evidence[: max(0, actor.start - ev.evidence_start)].lower().split()
    article = words[0] if len(words) > 1 else (before[-1] if before else "")
    return article in {"the", "this", "these", "those"}


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


#: Words right after a claim's trigger that name the attack it claims as one told before
#: ("claimed the attack", "claimed responsibility for the bombing").
_CLAIMED = re.compile(
    rf"^\s+(?:responsibility\s+for\s+|credit\s+for\s+)?(?:{POINTING_DETS})\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_ATTACK})s?\b",
    re.I,
)


def _claims_told_attack(ev: Event) -> bool:
    """A claim ("claimed the attack", "claim responsibility for the bombing") of an attack the
    text has told: its author is the claimant."""
    if not ev.trigger.text.lower().startswith("claim") or not _identified(ev.source):
        return False
    if not (_violent(ev) or (ev.cameo.code or "") in CLAIM_CODES):
        return False
    after = ev.evidence[ev.trigger.end - ev.evidence_start :]
    return bool(_CLAIMED.match(after))


def claimed_authors(events: list[Event]) -> list[Event]:
    """Events of one document, with the attacks a later claim owns given the claimant as
    their author ("Gunmen killed six soldiers near Tillabéri. ... The Islamic State in the
    Sahel claimed the attack"): the attacks with no author the text identifies, told within
    the last few sentences before the claim; the claim is aimed at whom they were aimed at."""
    order = sorted(range(len(events)), key=lambda i: (events[i].sentence, events[i].trigger.start))
    out = list(events)
    for n, i in enumerate(order):
        claim = out[i]
        if not _claims_told_attack(claim):
            continue
        owned = [
            j
            for j in order[:n]
            if claim.sentence - WINDOW <= out[j].sentence <= claim.sentence
            and out[j].trigger.start < claim.trigger.start
            and _violent(out[j])
            and not _claims_told_attack(out[j])
            and _unknown_author(out[j].source)
        ]
        if not owned:
            continue
        author = tuple(replace(a, confidence=min(a.confidence, 0.5)) for a in claim.source)
        for j in owned:
            out[j] = replace(out[j], source=author)
        if not claim.target:
            aimed = next((out[j].target for j in reversed(owned) if _identified(out[j].target)), ())
            if aimed:
                claim = replace(claim, target=aimed)
        where = next((out[j].place for j in reversed(owned) if _stated(out[j].place)), None)
        if where is not None and not _stated(claim.place):
            # a claim of an attack is told where the attack happened
            claim = replace(claim, place=replace(where, inferred=True))
        out[i] = claim
    return out


def _stated(place: Place | None) -> bool:
    """A place the text states for the event, finer than a country or a region."""
    return place is not None and not place.inferred and place.precision not in {"country", "region"}
