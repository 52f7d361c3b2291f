"""Pass 2, eventhood: what a matched trigger does not make an event - a killing by a force of
nature, a target-less restatement of another event of the sentence, the demand a protest
makes. (Word sense lives in the patterns' constraints; what is hypothetical, negated or
cancelled is modality.py.)"""

from __future__ import annotations

from eventwire.code.grammar import (
    NATURAL_CAUSES,
    SUBJ,
)
from eventwire.records import (
    Event,
    Token,
)
from eventwire.syntax import SentenceView


def drop_restatements(events: list[Event]) -> list[Event]:
    """Drop a target-less event when another in the sentence has the same root and source,
    and the demand a protest makes ("marched to demand reforms"): the protest is the event."""
    protests = {a.country for e in events if e.cameo.root == "14" for a in e.source}
    out = []
    for ev in events:
        if (
            ev.cameo.root == "10"
            and protests
            and (not ev.source or {a.country for a in ev.source} <= protests)
        ):
            continue
        if not ev.target and _restated(ev, events):
            continue
        out.append(ev)
    return out


def _restated(ev: Event, events: list[Event]) -> bool:
    """Another event of the same root, with a target, has the same actors as sources (split
    reciprocal events together count: "met ... to discuss")."""
    mine = {a.country for a in ev.source}
    same = [o for o in events if o is not ev and o.target and o.cameo.root == ev.cameo.root]
    if any({a.country for a in o.source} == mine for o in same):
        return True
    return bool(mine) and mine <= {a.country for o in same for a in o.source}


def natural_cause(view: SentenceView, tok: Token) -> bool:
    """The subject of a harm verb is a force of nature, an illness or an accident."""
    if tok.pos != "VERB":
        return False
    return any(s.lemma.lower() in NATURAL_CAUSES for s in view.children(tok, *SUBJ))
