"""cameo_petrarch_validation: CAMEO (source, target, root) triples of single sentences.

Gold: ``cameo_gold_sentences.jsonl`` lines {source_file, id, date (YYYYMMDD), category, text,
gold_events[{sourcecode, targetcode, eventcode} | {noevents}]}. Records from the UniversalPetrarch
GSR file are real or realistic text (scored as ``gsr_*``); the petrarch2 unit-test records use
fictional actors (Arnor, Gondor...) resolvable only with PETRARCH's toy dictionaries, so their
``unit_*`` scores stay near zero by design and are reported for completeness only.

Triples compare the first three letters of each gold actor code (country ISO3, IGO, or ``---``
for "no country") with our actors' countries (``---`` when we have none; our ``UNO`` and ``EUR``
are written ``IGO``, as CAMEO codes them) and the two-digit CAMEO root. ``*_root_f1`` compares
the per-sentence sets of roots only; ``gsr_code_f1`` the full (source, target, code) triples.
Baseline: the most frequent gold triple of each part.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from eventwire.eval import system
from eventwire.eval.base import EvalSet, Miss, Score, find_file, read_jsonl
from eventwire.eval.metrics import PRF, majority, set_prf, sum_prf

NO_COUNTRY = "---"
#: (source country, target country, CAMEO code) - the root is code[:2].
Triple = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class CameoSentence:
    id: str
    part: str  # "gsr" or "unit"
    category: str
    date: str | None
    text: str
    gold: frozenset[Triple]


class CameoValidation(EvalSet[CameoSentence, frozenset[Triple]]):
    name: ClassVar[str] = "cameo_petrarch_validation"
    baseline_label: ClassVar[str] = "majority triple"

    def load(self, path: Path) -> list[CameoSentence]:
        out = []
        for f in find_file(path, "*.jsonl"):
            for n, rec in enumerate(read_jsonl(f), 1):
                if not rec.get("text"):
                    continue
                part = (
                    "gsr"
                    if "universalpetrarch" in str(rec.get("source_file", "")).lower()
                    else "unit"
                )
                gold = set()
                for ev in rec.get("gold_events") or []:
                    code = str(ev.get("eventcode") or "").strip()
                    if not code or ev.get("noevents"):
                        continue
                    gold.add((_country(ev.get("sourcecode")), _country(ev.get("targetcode")), code))
                raw = str(rec.get("date") or "")
                date = (
                    f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}" if len(raw) == 8 and raw.isdigit() else None
                )
                out.append(
                    CameoSentence(
                        str(rec.get("id") or f"{f.name}:{n}"),
                        part,
                        str(rec.get("category", "")),
                        date,
                        rec["text"],
                        frozenset(gold),
                    )
                )
        return out

    def item_id(self, item: CameoSentence) -> str:
        return f"{item.part}:{item.id}"

    def predict(self, items: Sequence[CameoSentence]) -> list[frozenset[Triple]]:
        docs = system.process_texts((s.text, s.date) for s in items)
        return [triples(doc) for doc in docs]

    def baseline(self, items: Sequence[CameoSentence]) -> list[frozenset[Triple]]:
        best = {
            part: majority(t for s in items if s.part == part for t in s.gold)
            for part in ("gsr", "unit")
        }
        return [frozenset([best[s.part]]) if best[s.part] else frozenset() for s in items]  # type: ignore[list-item]

    def score(self, items: Sequence[CameoSentence], preds: Sequence[frozenset[Triple]]) -> Score:
        parts: dict[str, dict[str, list[PRF]]] = defaultdict(lambda: defaultdict(list))
        by_cat: dict[str, list[PRF]] = defaultdict(list)
        coded: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        misses = []
        for s, pred in zip(items, preds, strict=True):
            triple = set_prf(_roots3(s.gold), _roots3(pred))
            parts[s.part]["triple"].append(triple)
            parts[s.part]["root"].append(
                set_prf({t[2][:2] for t in s.gold}, {t[2][:2] for t in pred})
            )
            parts[s.part]["code"].append(set_prf(s.gold, pred))
            by_cat[f"{s.part}:{s.category}"].append(triple)
            coded[s.part][0] += bool(pred)
            coded[s.part][1] += 1
            if triple.fp or triple.fn:
                misses.append(
                    Miss(
                        triple.fp + triple.fn + (s.part == "gsr"),
                        s.id,
                        s.text,
                        sorted("-".join(t) for t in s.gold),
                        sorted("-".join(t) for t in pred),
                    )
                )
        metrics: dict[str, float | int | None] = {}
        for part in ("gsr", "unit"):
            if part not in parts:
                continue
            for kind in ("triple", "root", "code"):
                total = sum_prf(parts[part][kind])
                metrics[f"{part}_{kind}_f1"] = total.f1
                if kind == "triple":
                    metrics[f"{part}_triple_precision"] = total.precision
                    metrics[f"{part}_triple_recall"] = total.recall
            metrics[f"{part}_coded_rate"] = coded[part][0] / coded[part][1]
            metrics[f"{part}_items"] = coded[part][1]
        per_class: dict[str, Any] = {}
        for cat, prfs in sorted(by_cat.items()):
            t = sum_prf(prfs)
            per_class[cat] = {"items": len(prfs), "triple_f1": t.f1, "gold": int(t.tp + t.fn)}
        return Score(metrics, per_class, misses)


def _country(code: object) -> str:
    text = str(code or "").strip().upper()[:3]
    return text if text and text != "---" else NO_COUNTRY


#: Our codes for the UN system and the EU; CAMEO actor codes for them start with ``IGO``.
_IGO = frozenset({"UNO", "EUR", "IGO"})


def _cameo_actor(country: str | None) -> str:
    if not country:
        return NO_COUNTRY
    return "IGO" if country in _IGO else country


def _roots3(triples: frozenset[Triple]) -> set[Triple]:
    return {(s, t, code[:2]) for s, t, code in triples}


#: Events a CAMEO coding of the sentence leaves out: denied or conditional acts (also left out of
#: our default counts), and acts only reported as one side's claim - CAMEO codes the claim itself
#: (015 or 112), which we emit as its own event.
_NOT_CODED = frozenset({"negated", "hypothetical", "claimed"})


def triples(doc: Any) -> frozenset[Triple]:
    """(source, target, code) for every pair of source and target actors of every coded event."""
    out: set[Triple] = set()
    for ev in getattr(doc, "events", ()) or ():
        if ev.modality in _NOT_CODED:
            continue
        code = str(ev.cameo.code)
        sources = {_cameo_actor(a.country) for a in ev.source} or {NO_COUNTRY}
        targets = {_cameo_actor(a.country) for a in ev.target} or {NO_COUNTRY}
        out.update((s[:3].upper(), t[:3].upper(), code) for s in sources for t in targets)
    return frozenset(out)
