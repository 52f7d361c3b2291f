"""The country an event with no place of its own is put in: the one its actors tell, before
the article's focus.

News names a country's actors more often than its towns: "Kenyan police arrested three Kenyan
activists" in a story about Germany happened in Kenya, and an air strike on a state's forces
in that state. The place stays a country and ``inferred``: the text does not state it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from eventwire.kb.loader import NONSTATE_CODES
from eventwire.records import CONTEXT_KB_ID, Event, Place

#: CAMEO roots of acts done where their target is: coercion, assault, fighting, mass violence.
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
#: Sectors of armed actors that fight in their own country: rebels, militias, insurgents
#: and police (a state's army also fights abroad, so its country tells nothing).
HOME_FIGHTERS = frozenset({"REB", "UAF", "INS", "COP"})


class CountryPlaces(Protocol):
    def country_place(self, iso3: str) -> Place: ...


def _a_state(code: str) -> bool:
    return code not in NONSTATE_CODES


def actors_country(events: Sequence[Event], places: CountryPlaces) -> list[Event]:
    """Each event whose place is none or a country-level fallback, put in the country its
    actors tell when they tell one: the state of the one attacked, arrested or coerced, the
    state a retreat leaves, or the one state both sides belong to; an attack on no state, the
    home state of the rebels, militia or police who make it. The parts one reciprocal
    trigger is split into ("A and B fought") share one place, so they keep the fallback."""
    parts: dict[tuple[int, int], set[str]] = defaultdict(set)
    for ev in events:
        if ev.cameo.root in FORCE_ROOTS or ev.plover.type == "RETREAT":
            # "... departed the country": a retreat happens where it leaves
            key = (ev.sentence, ev.trigger.start)
            # an actor whose country is only the article's guess tells nothing of where
            parts[key] |= {
                a.country
                for a in ev.target
                if a.country and _a_state(a.country) and a.kb_id != CONTEXT_KB_ID
            }
            if not parts[key] and ev.cameo.root in FORCE_ROOTS:
                # "the SDF are battling Isis's last fighters": an attack on no state happens
                # where the rebels or the police who make it are at home
                parts[key] |= {
                    a.country
                    for a in ev.source
                    if a.country and _a_state(a.country) and a.sector in HOME_FIGHTERS
                }
    out = []
    for ev in events:
        p = ev.place
        if p is not None and (not p.inferred or p.precision != "country"):
            out.append(ev)
            continue
        states: set[str]
        if ev.cameo.root in FORCE_ROOTS or ev.plover.type == "RETREAT":
            states = parts[(ev.sentence, ev.trigger.start)]
        else:
            src = {a.country for a in ev.source if a.country}
            tgt = {a.country for a in ev.target if a.country}
            states = {c for c in src if _a_state(c)} if src == tgt else set()
        if len(states) == 1 and (p is None or p.country not in states):
            try:
                here = places.country_place(next(iter(states)))
            except KeyError:
                here = None
            if here is not None:
                ev = replace(ev, place=replace(here, inferred=True))
        out.append(ev)
    return out
