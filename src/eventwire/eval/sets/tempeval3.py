"""tempeval3: TIMEX3 extents and normalised values against the document creation time.

Gold: ``documents.jsonl`` ({docid, dct, text}) and ``timex3_gold.jsonl`` ({docid, start, end,
type, value}) in one folder (or the documents file, with the timex file beside it).
Definitions follow TempEval-3 (UzZaman et al. 2013): strict = identical extent, relaxed = any
overlap; value accuracy is over relaxed matches; value F1 counts a system timex as correct when it
overlaps a gold one with the same value. Baseline: a few regexes (month/day names, years,
today/yesterday, this/last/next week...) with every value set to the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from eventwire.errors import EvalError
from eventwire.eval import system
from eventwire.eval.base import EvalSet, Miss, Score, read_jsonl
from eventwire.eval.metrics import PRF, match_spans, span_prf, sum_prf
from eventwire.eval.system import TimexGuess


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    type: str
    value: str | None


@dataclass(slots=True)
class TDoc:
    docid: str
    dct: str
    text: str
    gold: list[Timex] = field(default_factory=list)

    @property
    def anchor(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.dct[:10])
        except ValueError:
            return None


class TempEval3(EvalSet[TDoc, list[TimexGuess]]):
    name: ClassVar[str] = "tempeval3"
    baseline_label: ClassVar[str] = "date regexes, every value = publication date"

    def load(self, path: Path) -> list[TDoc]:
        folder = path if path.is_dir() else path.parent
        docs_file = path if path.is_file() else folder / "documents.jsonl"
        tx_file = folder / "timex3_gold.jsonl"
        if not docs_file.is_file() or not tx_file.is_file():
            raise EvalError(f"{path}: needs documents.jsonl and timex3_gold.jsonl")
        docs = {
            r["docid"]: TDoc(r["docid"], r.get("dct") or "", r["text"])
            for r in read_jsonl(docs_file)
        }
        for n, r in enumerate(read_jsonl(tx_file), 1):
            doc = docs.get(r.get("docid", ""))
            if doc is None:
                raise EvalError(f"{tx_file}:{n}: unknown docid {r.get('docid')!r}")
            doc.gold.append(
                Timex(int(r["start"]), int(r["end"]), r.get("type", ""), r.get("value"))
            )
        return list(docs.values())

    def item_id(self, item: TDoc) -> str:
        return item.docid

    def predict(self, items: Sequence[TDoc]) -> list[list[TimexGuess]]:
        return [system.find_times(d.text, d.anchor) for d in items]

    def baseline(self, items: Sequence[TDoc]) -> list[list[TimexGuess]]:
        return [regex_times(d.text, d.anchor) for d in items]

    def score(self, items: Sequence[TDoc], preds: Sequence[list[TimexGuess]]) -> Score:
        strict: list[PRF] = []
        relaxed: list[PRF] = []
        value_ok = matched = type_ok = n_pred = n_gold = 0
        by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # gold, found, value ok
        misses: list[Miss] = []
        for doc, pred in zip(items, preds, strict=True):
            gspans = [(t.start, t.end) for t in doc.gold]
            pspans = [(p.start, p.end) for p in pred]
            strict.append(span_prf(gspans, pspans, relaxed=False))
            relaxed.append(span_prf(gspans, pspans, relaxed=True))
            n_pred += len(pred)
            n_gold += len(doc.gold)
            found: set[int] = set()
            used: set[int] = set()
            for gi, pi in match_spans(gspans, pspans, relaxed=True):
                g, p = doc.gold[gi], pred[pi]
                found.add(gi)
                used.add(pi)
                matched += 1
                same = _norm(p.value) == _norm(g.value)
                value_ok += same
                type_ok += p.type == g.type
                by_type[g.type][1] += 1
                by_type[g.type][2] += same
                if not same:
                    misses.append(self._miss(1.0, doc, g, p))
            for gi, g in enumerate(doc.gold):
                by_type[g.type][0] += 1
                if gi not in found:
                    misses.append(self._miss(2.0, doc, g, None))
            for pi, p in enumerate(pred):
                if pi not in used:
                    misses.append(self._miss(0.5, doc, None, p))
        s, r = sum_prf(strict), sum_prf(relaxed)
        vp = value_ok / n_pred if n_pred else 0.0
        vr = value_ok / n_gold if n_gold else 0.0
        metrics: dict[str, float | int | None] = {
            "span_f1_strict": s.f1,
            "span_f1_relaxed": r.f1,
            "span_precision_relaxed": r.precision,
            "span_recall_relaxed": r.recall,
            "value_accuracy": value_ok / matched if matched else 0.0,
            "value_precision": vp,
            "value_recall": vr,
            "value_f1": 2 * vp * vr / (vp + vr) if vp + vr else 0.0,
            "type_accuracy": type_ok / matched if matched else 0.0,
            "gold_timexes": n_gold,
        }
        per_class = {
            t: {
                "gold": g,
                "recall_relaxed": f / g if g else 0.0,
                "value_accuracy": v / f if f else 0.0,
            }
            for t, (g, f, v) in sorted(by_type.items())
        }
        return Score(metrics, per_class, misses)

    @staticmethod
    def _miss(bad: float, doc: TDoc, gold: Timex | None, ours: TimexGuess | None) -> Miss:
        at = gold.start if gold is not None else ours.start if ours is not None else 0
        lo, hi = max(0, at - 80), at + 80
        text = " ".join(doc.text[lo:hi].split())
        g = (
            None
            if gold is None
            else f"{doc.text[gold.start : gold.end]!r} {gold.type} {gold.value}"
        )
        o = (
            None
            if ours is None
            else f"{doc.text[ours.start : ours.end]!r} {ours.type} {ours.value}"
        )
        return Miss(bad, f"{doc.docid}@{at}", f"[DCT {doc.dct}] …{text}…", g, o)


def _norm(value: str | None) -> str | None:
    return value.strip().upper() if value else value


_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
)
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_BASELINE = re.compile(
    rf"\b(?:(?:{_MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d\d)?"
    rf"|(?:{_DAYS})"
    r"|(?:19|20)\d\d"
    r"|(?i:today|yesterday|tomorrow|tonight|now"
    r"|(?:this|last|next|the past|the last)\s+(?:week|month|year|quarter|weekend)))(?!\w)",
)


def regex_times(text: str, anchor: dt.date | None) -> list[TimexGuess]:
    """The trivial baseline: obvious date words, all valued as the publication date."""
    value = anchor.isoformat() if anchor else None
    return [TimexGuess(m.start(), m.end(), "DATE", value) for m in _BASELINE.finditer(text)]
