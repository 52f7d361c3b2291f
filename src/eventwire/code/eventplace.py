"""Where: the place of one event, read from the parse.

A locative phrase ("in Niger", "at Niamey airport", "near the border") attached to the trigger
wins; otherwise the nearest one in the sentence that belongs to no other trigger. The pipeline
falls back to the article's focus country when the sentence names no place.
"""

from __future__ import annotations

from collections.abc import Callable

from eventwire.records import Place, Token
from eventwire.syntax import SentenceView

#: Resolve a locative phrase (text, start, end) to a place, or None.
PlaceFn = Callable[[str, int, int], Place | None]

_LOCATIVE = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "across", "into", "from", "over"}
)


def attached_place(
    view: SentenceView, tok: Token, triggers: set[int], place_fn: PlaceFn
) -> Place | None:
    """A locative phrase attached to this trigger ("landed in Niger", "at Niamey airport"),
    else the nearest one in the sentence that belongs to no other trigger."""
    ranked = rank_place(view, tok, triggers, place_fn)
    return ranked[1] if ranked else None


def rank_place(
    view: SentenceView, tok: Token, triggers: set[int], place_fn: PlaceFn
) -> tuple[int, Place] | None:
    """(rank, place): rank 0 when the parse attaches the place to this trigger."""
    candidates: list[tuple[int, Place]] = []
    for prep in view.tokens:
        if prep.dep != "prep" or prep.text.lower() not in _LOCATIVE:
            continue
        for obj in view.children(prep, "pobj"):
            np = view.noun_phrase(obj)
            if not any(t.ent in {"GPE", "LOC", "FAC"} for t in np):
                continue
            owner = next((a for a in view.ancestors(obj) if a.i in triggers), None)
            if owner is not None and owner.i != tok.i:
                continue
            toks = [t for t in np if t.dep != "det" and t.pos != "DET"]
            text, start, end = view.span_text(toks)
            place = place_fn(text, start, end)
            if place is not None:
                rank = 0 if owner is not None else 1 + abs(obj.i - tok.i)
                candidates.append((rank, place))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])
