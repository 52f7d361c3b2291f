"""plover_gsr: PLOVER event type and source/target actors of single sentences.

Gold: ``plover_gsr.jsonl`` (one PLOVER gold-standard record per line: text, event, source[],
target[] with ``code`` = ISO3/IGO and an optional ``sector``). Our answer for a sentence is its
highest-confidence event, or "none" when the pipeline codes nothing.

* event_type_accuracy and event_type_macro_f1 (mean F1 over the gold classes);
* source_country_f1 / target_country_f1: micro F1 of the per-sentence country sets;
* sector_f1: micro F1 of (role, sector) pairs, only for roles whose gold actors carry a sector
  (country-only gold actors such as "Jordan" say nothing about sector).

Actor codes: the GSR codes every international organisation - UN bodies, the EU, NATO, the Red
Cross, Amnesty - as ``IGO``; we keep ``UNO`` (the UN system), ``EUR`` (the EU) and ``NGO`` apart,
so :func:`gold_code` maps those three to ``IGO`` before comparing (:data:`IGO_CODES`).

Baseline: the majority event type, source country, target country and per-role sector.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from eventwire.eval import system
from eventwire.eval.base import EvalSet, Miss, Score, find_file, read_jsonl
from eventwire.eval.metrics import PRF, macro_f1, majority, per_class_prf, set_prf, sum_prf
from eventwire.records import COUNTED_MODALITIES

NONE = "none"
ROLES = ("source", "target")
#: Our non-state actor codes that the GSR writes as ``IGO``.
IGO_CODES = frozenset({"IGO", "UNO", "EUR", "NGO"})


def gold_code(country: str) -> str:
    """Our actor country in the GSR's convention (UN bodies, the EU and NGOs are ``IGO``)."""
    return "IGO" if country in IGO_CODES else country


@dataclass(frozen=True, slots=True)
class Coded:
    """One sentence's coding, gold or ours, reduced to what is scored."""

    type: str
    source: frozenset[str] = frozenset()
    target: frozenset[str] = frozenset()
    #: (role, sector) pairs.
    sectors: frozenset[tuple[str, str]] = frozenset()
    #: our confidence in the coding (None for gold and baseline answers)
    confidence: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "source": sorted(self.source),
            "target": sorted(self.target),
            "sectors": sorted(f"{r}:{s}" for r, s in self.sectors),
        }


@dataclass(frozen=True, slots=True)
class Sentence:
    id: str
    text: str
    gold: Coded


class PloverGSR(EvalSet[Sentence, Coded]):
    name: ClassVar[str] = "plover_gsr"
    baseline_label: ClassVar[str] = "majority type, countries and sectors"

    def load(self, path: Path) -> list[Sentence]:
        out = []
        for f in find_file(path, "*.jsonl"):
            for n, rec in enumerate(read_jsonl(f), 1):
                if not rec.get("text") or not rec.get("event"):
                    continue
                roles = {r: _actors(rec.get(r)) for r in ROLES}
                gold = Coded(
                    str(rec["event"]).upper(),
                    frozenset(c for c, _ in roles["source"] if c),
                    frozenset(c for c, _ in roles["target"] if c),
                    frozenset((r, s) for r in ROLES for _, s in roles[r] if s),
                )
                out.append(Sentence(str(rec.get("id") or f"{f.name}:{n}"), rec["text"], gold))
        return out

    def item_id(self, item: Sentence) -> str:
        return item.id

    def predict(self, items: Sequence[Sentence]) -> list[Coded]:
        results = system.process_texts((s.text, None) for s in items)
        return [coded(doc) for doc in results]

    def baseline(self, items: Sequence[Sentence]) -> list[Coded]:
        typ = majority(s.gold.type for s in items)
        src = majority(c for s in items for c in s.gold.source)
        tgt = majority(c for s in items for c in s.gold.target)
        sectors = set()
        for role in ROLES:
            sec = majority(x for s in items for r, x in s.gold.sectors if r == role)
            if isinstance(sec, str):
                sectors.add((role, sec))
        guess = Coded(
            str(typ),
            frozenset([src]) if isinstance(src, str) else frozenset(),
            frozenset([tgt]) if isinstance(tgt, str) else frozenset(),
            frozenset(sectors),
        )
        return [guess for _ in items]

    def score(self, items: Sequence[Sentence], preds: Sequence[Coded]) -> Score:
        gold_types = [s.gold.type for s in items]
        pred_types = [p.type for p in preds]
        src = sum_prf(set_prf(s.gold.source, p.source) for s, p in zip(items, preds, strict=True))
        tgt = sum_prf(set_prf(s.gold.target, p.target) for s, p in zip(items, preds, strict=True))
        sec: list[PRF] = []
        misses = []
        for s, p in zip(items, preds, strict=True):
            roles = {r for r, _ in s.gold.sectors}
            sec.append(set_prf(s.gold.sectors, {x for x in p.sectors if x[0] in roles}))
            bad = 2.0 * (s.gold.type != p.type)
            bad += 0.5 * (s.gold.source != p.source) + 0.5 * (s.gold.target != p.target)
            if bad:
                misses.append(Miss(bad, s.id, s.text, s.gold.as_dict(), p.as_dict()))
        n = len(items)
        metrics: dict[str, float | int | None] = {
            "event_type_accuracy": sum(g == p for g, p in zip(gold_types, pred_types, strict=True))
            / n,
            "event_type_macro_f1": macro_f1(gold_types, pred_types),
            "source_country_f1": src.f1,
            "target_country_f1": tgt.f1,
            "sector_f1": sum_prf(sec).f1,
            "uncoded_rate": sum(t == NONE for t in pred_types) / n,
            **calibration(
                [
                    (p.confidence, g == p.type)
                    for g, p in zip(gold_types, preds, strict=True)
                    if p.confidence is not None
                ]
            ),
        }
        table = per_class_prf(gold_types, pred_types)
        per_class = {
            c: {
                "precision": x.precision,
                "recall": x.recall,
                "f1": x.f1,
                "support": int(x.tp + x.fn),
            }
            for c, x in sorted(table.items())
        }
        return Score(metrics, per_class, misses)


def _actors(value: object) -> list[tuple[str | None, str | None]]:
    """(country, sector) of each gold actor; sector codes are cut to the three-letter root."""
    if not isinstance(value, list):
        return []
    out = []
    for a in value:
        if not isinstance(a, dict):
            continue
        code = str(a.get("code") or "").strip().upper() or None
        sector = str(a.get("sector") or "").strip()[:3].upper()
        out.append((code, sector if sector.isalpha() else None))
    return out


def calibration(pairs: Sequence[tuple[float, bool]], bins: int = 5) -> dict[str, float | None]:
    """How well event confidence predicts a correct type: expected calibration error over
    equal-width bins, and the Brier score. Lower is better for both."""
    if not pairs:
        return {"confidence_ece": None, "confidence_brier": None}
    n = len(pairs)
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        members = [(c, ok) for c, ok in pairs if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if members:
            conf = sum(c for c, _ in members) / len(members)
            acc = sum(ok for _, ok in members) / len(members)
            ece += len(members) / n * abs(conf - acc)
    brier = sum((c - ok) ** 2 for c, ok in pairs) / n
    return {"confidence_ece": round(ece, 4), "confidence_brier": round(brier, 4)}


def legacy_type(ev: Any) -> str:
    """Our PLOVER type in the GSR's label set, an earlier PLOVER draft with 18 types.

    The current manual renamed DEMAND to REQUEST, folded DISAPPROVE and INVESTIGATE into ACCUSE
    (as its modes) and FIGHT (conventional military force, CAMEO 19) into ASSAULT; the CAMEO
    root each event carries tells the older label apart.
    """
    typ = str(ev.plover.type or NONE).upper()
    root = str(ev.cameo.root)
    if typ == "REQUEST":
        return "DEMAND"
    if typ == "ACCUSE":
        return "INVESTIGATE" if root == "09" else "DISAPPROVE"
    if root == "19":
        return "FIGHT"
    code = str(ev.cameo.code)
    if code.startswith("081"):  # easing curfews and emergencies was CONCEDE before 2021
        return "CONCEDE"
    if code.startswith("163"):  # sanctions and embargoes were SANCTION, not COERCE
        return "SANCTION"
    return typ


#: Events that can be the sentence's main one ahead of denied or conditional ones.
_MAIN = COUNTED_MODALITIES


def coded(doc: Any) -> Coded:
    """Our coding of one sentence: its most confident event's type, actors and sectors.

    ``doc`` is the sentence's DocumentResult, or None when the pipeline rejected it.
    """
    events = list(getattr(doc, "events", ()) or ())
    if not events:
        return Coded(NONE)
    # The sentence's main event: what happened (or was announced) before what was demanded or
    # only conditional, then the most confident.
    ev = max(events, key=lambda e: (e.modality in _MAIN, e.confidence))
    # A reciprocal trigger ("X and Y met") is split into one event per party; the GSR codes
    # all parties as sources of one event.
    parts = [e for e in events if e.trigger.start == ev.trigger.start and e.cameo == ev.cameo]
    source = [a for e in parts for a in e.source]
    target = [a for e in parts for a in e.target]
    if len(parts) > 1:
        target = [a for a in target if all(a.country != b.country for b in source)]
    roles = {"source": source, "target": target}
    sectors = {(role, a.sector[:3].upper()) for role in ROLES for a in roles[role] if a.sector}
    return Coded(
        legacy_type(ev),
        frozenset(gold_code(a.country) for a in source if a.country),
        frozenset(gold_code(a.country) for a in target if a.country),
        frozenset(sectors),
        confidence=ev.confidence,
    )
