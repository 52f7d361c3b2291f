"""event_location_halterman: which place in the sentence is where the marked verb's event happened.

Gold: ``gold_RELABEL_test.jsonl`` (or any JSONL of the same shape) lines {_id, text,
verb[{start,end}], event_locations[{start,end,text}]}; an empty list means "no location stated",
which is a class of its own. We ask the pipeline for the place of the verb span.

* exact_match: we say "none" and gold is empty, or our span equals one of the gold spans;
* partial_match: the same with overlap instead of equality;
* location_precision / location_recall: over items where we, resp. gold, name a place (partial),
  the figures Halterman (2019) reports.

Baseline: the majority answer, "no location" (every located item has its own span).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from eventwire.eval import system
from eventwire.eval.base import EvalSet, Miss, Score, find_file, read_jsonl
from eventwire.eval.metrics import Span, overlaps


@dataclass(frozen=True, slots=True)
class VerbItem:
    id: str
    text: str
    verb: Span
    gold: tuple[Span, ...]
    published: str | None = None


Answer = Span | None


class EventLocation(EvalSet[VerbItem, Answer]):
    name: ClassVar[str] = "event_location_halterman"
    baseline_label: ClassVar[str] = "always 'no location' (majority answer)"

    def load(self, path: Path) -> list[VerbItem]:
        out = []
        for f in find_file(path, "*.jsonl"):
            for n, rec in enumerate(read_jsonl(f), 1):
                verbs = rec.get("verb") or []
                if not verbs:  # nothing to ask about
                    continue
                v = verbs[0]
                gold = tuple(
                    (int(s["start"]), int(s["end"])) for s in rec.get("event_locations") or []
                )
                rid = str(rec.get("_id") or f"{f.name}:{n}").strip()
                out.append(VerbItem(rid, rec["text"], (int(v["start"]), int(v["end"])), gold))
        return out

    def item_id(self, item: VerbItem) -> str:
        return item.id

    def predict(self, items: Sequence[VerbItem]) -> list[Answer]:
        return [
            answer(system.locate(it.text, it.verb[0], it.verb[1], published=it.published))
            for it in items
        ]

    def baseline(self, items: Sequence[VerbItem]) -> list[Answer]:
        return [None for _ in items]

    def score(self, items: Sequence[VerbItem], preds: Sequence[Answer]) -> Score:
        exact = partial = said = said_ok = located = located_ok = 0
        none_items = none_ok = 0
        misses = []
        for it, ans in zip(items, preds, strict=True):
            if ans is None:
                e = p = not it.gold
            else:
                e = ans in it.gold
                p = any(overlaps(ans, g) for g in it.gold)
            exact += e
            partial += p
            if ans is not None:
                said += 1
                said_ok += p
            if it.gold:
                located += 1
                located_ok += p and ans is not None
            else:
                none_items += 1
                none_ok += ans is None
            if not e:
                gold = [it.text[a:b] for a, b in it.gold] or "no location"
                ours = it.text[ans[0] : ans[1]] if ans else "no location"
                verb = it.text[it.verb[0] : it.verb[1]]
                misses.append(Miss(1.0 if not p else 0.5, it.id, f"[{verb}] {it.text}", gold, ours))
        n = len(items)
        lp = said_ok / said if said else 0.0
        lr = located_ok / located if located else 0.0
        metrics: dict[str, float | int | None] = {
            "exact_match": exact / n,
            "partial_match": partial / n,
            "location_precision": lp,
            "location_recall": lr,
            "location_f1": 2 * lp * lr / (lp + lr) if lp + lr else 0.0,
        }
        per_class = {
            "location": {"items": located, "partial_match": lr},
            "no location": {
                "items": none_items,
                "accuracy": none_ok / none_items if none_items else 0.0,
            },
        }
        return Score(metrics, per_class, misses)


def answer(place: Any) -> Answer:
    """Our answer from the Place the pipeline located: its span, or None ("no location")."""
    if place is None or place.char_start is None or place.char_end is None:
        return None
    return (place.char_start, place.char_end)
