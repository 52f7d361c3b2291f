"""Discourse pass: a reaction to "the decision" is aimed at whoever made it.

News tells an act and then the reactions to it with a definite noun that points back: "The
White House said it would not send the missiles. Ukrainian officials criticised the
decision." A sentence-by-sentence coder finds the criticism with no target, although any
reader knows it is aimed at the White House. This pass gives such a reaction (an accusation,
a show of support, a rejection) the author of the act it points back to, when that is
unambiguous:

- the reaction has no target, and the words right after its trigger are a pointing determiner
  and an act noun ("the decision", "this move", "the new rule": ``act_nouns`` in the lexicon);
- the act is the last event before it, in its own sentence or the one before, whose author is
  identified and is not the reacting side itself.

The inherited actor keeps the offsets of the mention that names it: the evidence for the
identity is the earlier sentence, never a guess from the article's focus.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventwire.code.grammar import LEXICON, POINTING_DETS
from eventwire.records import Event

#: How many sentences back the act a reaction points to may be told.
WINDOW = 1
#: The PLOVER types of reactions to someone's act.
REACTION_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
_ACTS = "|".join(sorted(re.escape(w) for w in LEXICON.words("act_nouns")))
#: right after the trigger: "the decision", "this latest move", "the new rules"
_POINTING_ACT = re.compile(rf"^\s+(?:{POINTING_DETS})\s+(?:[\w-]+\s+){{0,2}}?(?:{_ACTS})\b", re.I)


def points_to_act(ev: Event) -> bool:
    """Whether the words right after the event's trigger name an act told before."""
    after = ev.evidence[ev.trigger.end - ev.evidence_start :]
    return bool(_POINTING_ACT.match(after))


def reaction_targets(events: list[Event]) -> list[Event]:
    """Events of one document, with reactions to "the decision" aimed at its author."""
    order = sorted(range(len(events)), key=lambda i: (events[i].sentence, events[i].trigger.start))
    out = list(events)
    for n, i in enumerate(order):
        ev = events[i]
        if ev.target or ev.plover.type not in REACTION_TYPES or not points_to_act(ev):
            continue
        mine = {a.country for a in ev.source if a.country}
        for j in reversed(order[:n]):
            act = events[j]
            if act.sentence < ev.sentence - WINDOW:
                break
            if act.sentence == ev.sentence and act.trigger.start >= ev.trigger.start:
                continue
            authors = tuple(a for a in act.source if a.country)
            if not authors:
                continue
            if {a.country for a in authors} & mine and not _told_apart(act, ev):
                break  # the reacting side's own act: a defence, not a reaction to another
            target = tuple(replace(a, confidence=min(a.confidence, 0.5)) for a in authors)
            out[i] = replace(ev, target=target)
            break
    return out


def _told_apart(act: Event, ev: Event) -> bool:
    """Same country, other body: the opposition reacting to the government's decision."""
    return {(a.country, a.sector) for a in act.source} != {(a.country, a.sector) for a in ev.source}
