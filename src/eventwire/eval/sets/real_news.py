"""real_news_events: every event in whole news articles, false events counted as well as misses.

Gold (``articles.jsonl`` + ``events.jsonl``, rules in the set's README and GUIDELINES): one record
per event mention, with the sentence copied from the article, the PLOVER type and acceptable
alternatives, source and target actors as lists of acceptable country codes, modality, date,
place and whether the event is ``core`` (headline-worthy). An item here is one article with all
its gold mentions, so folds and samples split by article, never inside one.

Scoring follows the README exactly (:func:`match_level`, :func:`greedy_match`, :func:`score_doc`):
predictions are the counted events with modality asserted, planned or claimed; a pair matches at
the *sentence*, *type* or *full* level; matching is greedy one to one per level, best level first;
an unmatched prediction that shares its evidence and trigger with a matched one (one act split into
one event per party) is neither a hit nor a false positive.

Baseline: one ASSAULT event per sentence that contains "killed" or "attack", with no actors.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, ClassVar

from eventwire.errors import EvalError
from eventwire.eval import system
from eventwire.eval.base import EvalSet, Miss, Score, read_jsonl
from eventwire.records import COUNTED_MODALITIES

#: Types whose two sides may be swapped: the act is mutual.
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: Match levels, weakest first.
NONE, SENTENCE, TYPE, FULL = 0, 1, 2, 3
#: Thresholds printed by ``--curve``.
CURVE_STEPS = tuple(round(x * 0.05, 2) for x in range(0, 20))

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
#: The baseline's sentence splitter: end punctuation followed by space (no model).
_SENT_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    sentence: str
    trigger: str
    plover: str
    alt: frozenset[str]
    source: frozenset[str]
    target: frozenset[str]
    core: bool
    date: tuple[str, str] | None
    place: tuple[str, str] | None  # (text, country)

    def as_dict(self) -> dict[str, Any]:
        return {
            "trigger": self.trigger,
            "type": self.plover,
            "alt": sorted(self.alt),
            "source": sorted(self.source),
            "target": sorted(self.target),
            "core": self.core,
            "date": self.date,
            "place": self.place,
        }


@dataclass(frozen=True, slots=True)
class PredEvent:
    """One system event reduced to what the README scores."""

    sentence: str
    trigger_start: int
    trigger: str
    type: str
    source: frozenset[str] = frozenset()
    target: frozenset[str] = frozenset()
    date: tuple[str, str] | None = None
    #: (country, name, text) of the event's place
    place: tuple[str | None, str, str] | None = None
    confidence: float = 1.0
    counted: bool = True
    modality: str = "asserted"

    def as_dict(self) -> dict[str, Any]:
        return {
            "trigger": self.trigger,
            "type": self.type,
            "source": sorted(self.source),
            "target": sorted(self.target),
            "modality": self.modality,
            "confidence": self.confidence,
            "date": self.date,
            "place": self.place[:2] if self.place else None,
        }


@dataclass(frozen=True, slots=True)
class Doc:
    doc: str
    published: str | None
    text: str
    gold: tuple[GoldEvent, ...] = field(default=())


# ---- the scoring rules ------------------------------------------------------------------------


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def same_sentence(a: str, b: str) -> bool:
    """Rule 2 *sentence*: one normalised text contains the other, or word-set Jaccard >= 0.6."""
    x, y = _norm(a), _norm(b)
    if not x or not y:
        return False
    if x in y or y in x:
        return True
    wx, wy = set(_WORD.findall(x)), set(_WORD.findall(y))
    union = wx | wy
    return bool(union) and len(wx & wy) / len(union) >= 0.6


def _side_ok(gold: frozenset[str], ours: frozenset[str]) -> bool:
    return not gold or bool(gold & ours)


def actors_agree(g: GoldEvent, p: PredEvent) -> bool:
    """Rule 2 *full*: each side the gold fills has one of its acceptable countries in ours."""
    if _side_ok(g.source, p.source) and _side_ok(g.target, p.target):
        return True
    if g.plover in SYMMETRIC or p.type in SYMMETRIC:
        return _side_ok(g.source, p.target) and _side_ok(g.target, p.source)
    return False


def match_level(g: GoldEvent, p: PredEvent) -> int:
    """The highest level at which ``p`` matches ``g``: NONE, SENTENCE, TYPE or FULL."""
    if not same_sentence(p.sentence, g.sentence):
        return NONE
    if p.type != g.plover and p.type not in g.alt:
        return SENTENCE
    return FULL if actors_agree(g, p) else TYPE


def greedy_match(
    gold: Sequence[GoldEvent], preds: Sequence[PredEvent], level: int
) -> dict[int, int]:
    """Rule 3: pairs at or above ``level``, best level first (then file order), one to one.

    Returns {prediction index: gold index}.
    """
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            lv = match_level(g, p)
            if lv >= level:
                pairs.append((-lv, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    out: dict[int, int] = {}
    for _, gi, pi in pairs:
        if gi in used_g or pi in out:
            continue
        used_g.add(gi)
        out[pi] = gi
    return out


def split_parts(preds: Sequence[PredEvent], matched: Iterable[int]) -> set[int]:
    """Unmatched predictions with the evidence and trigger offset of a matched one (rule 3)."""
    keys = {(_norm(preds[i].sentence), preds[i].trigger_start) for i in matched}
    taken = set(matched)
    return {
        i
        for i, p in enumerate(preds)
        if i not in taken and (_norm(p.sentence), p.trigger_start) in keys
    }


def dates_overlap(gold: tuple[str, str], ours: tuple[str, str] | None) -> bool:
    return ours is not None and ours[0] <= gold[1] and gold[0] <= ours[1]


def _place_key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def place_agrees(gold: tuple[str, str], ours: tuple[str | None, str, str] | None) -> bool:
    """Same country and the same place named: one place name contains the other (the gold
    carries no coordinates, so the README's 50 km alternative never applies here)."""
    if ours is None or ours[0] != gold[1]:
        return False
    g = _place_key(gold[0])
    if not g:
        return False
    for name in ours[1:]:
        n = _place_key(name or "")
        if n and (n in g or g in n):
            return True
    return False


def wilson(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval for a proportion (95% by default); (0, 0) for no trials."""
    if n <= 0:
        return (0.0, 0.0)
    p = hits / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass(slots=True)
class Tally:
    """Counts summed over documents; the metrics are ratios of these."""

    preds: int = 0
    gold: int = 0
    core: int = 0
    type_hits: int = 0
    type_split: int = 0
    full_hits: int = 0
    full_split: int = 0
    core_hits: int = 0
    dated: int = 0
    date_hits: int = 0
    placed: int = 0
    place_hits: int = 0
    per_type: Counter[tuple[str, str]] = field(default_factory=Counter)

    def metrics(self) -> dict[str, float | int | None]:
        tp_n = self.preds - self.type_split
        fp_n = self.preds - self.full_split
        full_p = self.full_hits / fp_n if fp_n else 0.0
        full_r = self.full_hits / self.gold if self.gold else 0.0
        t_lo, t_hi = wilson(self.type_hits, tp_n)
        f_lo, f_hi = wilson(self.full_hits, fp_n)
        return {
            "type_precision": self.type_hits / tp_n if tp_n else 0.0,
            "type_recall": self.type_hits / self.gold if self.gold else 0.0,
            "full_precision": full_p,
            "full_recall": full_r,
            "full_f1": 2 * full_p * full_r / (full_p + full_r) if full_p + full_r else 0.0,
            "core_recall": self.core_hits / self.core if self.core else 0.0,
            "actor_accuracy": self.full_hits / self.type_hits if self.type_hits else 0.0,
            "date_accuracy": self.date_hits / self.dated if self.dated else None,
            "place_accuracy": self.place_hits / self.placed if self.placed else None,
            "type_precision_low": t_lo,
            "type_precision_high": t_hi,
            "full_precision_low": f_lo,
            "full_precision_high": f_hi,
            "predictions": self.preds,
            "gold_events": self.gold,
        }


def score_doc(
    gold: Sequence[GoldEvent], preds: Sequence[PredEvent], tally: Tally
) -> tuple[dict[int, int], dict[int, int]]:
    """Add one document's counts to ``tally``; returns the type and full matchings."""
    preds = [p for p in preds if p.counted and p.modality in COUNTED_MODALITIES]
    by_type = greedy_match(gold, preds, TYPE)
    by_full = greedy_match(gold, preds, FULL)
    tally.preds += len(preds)
    tally.gold += len(gold)
    tally.core += sum(g.core for g in gold)
    tally.type_hits += len(by_type)
    tally.type_split += len(split_parts(preds, by_type))
    tally.full_hits += len(by_full)
    tally.full_split += len(split_parts(preds, by_full))
    for pi, gi in by_full.items():
        g, p = gold[gi], preds[pi]
        tally.core_hits += g.core
        if g.date:
            tally.dated += 1
            tally.date_hits += dates_overlap(g.date, p.date)
        if g.place:
            tally.placed += 1
            tally.place_hits += place_agrees(g.place, p.place)
    for gi, g in enumerate(gold):
        tally.per_type[(g.plover, "gold")] += 1
        tally.per_type[(g.plover, "hit")] += gi in by_type.values()
    for pi, p in enumerate(preds):
        tally.per_type[(p.type, "pred")] += 1
        tally.per_type[(p.type, "correct")] += pi in by_type
    return by_type, by_full


# ---- the adapter ------------------------------------------------------------------------------


class RealNewsEvents(EvalSet[Doc, list[PredEvent]]):
    name: ClassVar[str] = "real_news_events"
    baseline_label: ClassVar[str] = 'one ASSAULT per sentence with "killed" or "attack"'

    def load(self, path: Path) -> list[Doc]:
        folder = path if path.is_dir() else path.parent
        arts_file, events_file = folder / "articles.jsonl", folder / "events.jsonl"
        for f in (arts_file, events_file):
            if not f.is_file():
                raise EvalError(f"{folder}: {f.name} is missing")
        gold: dict[str, list[GoldEvent]] = {}
        for n, rec in enumerate(read_jsonl(events_file), 1):
            if rec.get("done"):
                continue
            try:
                gold.setdefault(str(rec["doc"]), []).append(_gold(rec))
            except (KeyError, TypeError, ValueError) as exc:
                raise EvalError(f"{events_file}:{n}: bad event record ({exc})") from exc
        docs = []
        for n, rec in enumerate(read_jsonl(arts_file), 1):
            if not isinstance(rec.get("text"), str) or not rec.get("doc"):
                raise EvalError(f"{arts_file}:{n}: an article needs doc and text")
            doc = str(rec["doc"])
            pub = rec.get("published")
            docs.append(Doc(doc, str(pub) if pub else None, rec["text"], tuple(gold.get(doc, ()))))
        return docs

    def item_id(self, item: Doc) -> str:
        return item.doc

    def predict(self, items: Sequence[Doc]) -> list[list[PredEvent]]:
        results = system.process_texts((d.text, d.published) for d in items)
        return [[pred_event(ev) for ev in getattr(res, "events", ()) or ()] for res in results]

    def baseline(self, items: Sequence[Doc]) -> list[list[PredEvent]]:
        out = []
        for d in items:
            preds = []
            for m in _sentences(d.text):
                s = m.group(0)
                low = s.lower()
                if "killed" in low or "attack" in low:
                    at = low.find("killed") if "killed" in low else low.find("attack")
                    preds.append(PredEvent(s, m.start() + at, s[at : at + 6], "ASSAULT"))
            out.append(preds)
        return out

    def score(self, items: Sequence[Doc], preds: Sequence[list[PredEvent]]) -> Score:
        tally = Tally()
        misses: list[Miss] = []
        for d, ps in zip(items, preds, strict=True):
            counted = [p for p in ps if p.counted and p.modality in COUNTED_MODALITIES]
            by_type, by_full = score_doc(d.gold, counted, tally)
            misses.extend(_misses(d, counted, by_type, by_full))
        per_class: dict[str, Any] = {}
        for typ in sorted({t for t, _ in tally.per_type}):
            c = tally.per_type
            per_class[typ] = {
                "precision": c[(typ, "correct")] / c[(typ, "pred")] if c[(typ, "pred")] else 0.0,
                "recall": c[(typ, "hit")] / c[(typ, "gold")] if c[(typ, "gold")] else 0.0,
                "support": c[(typ, "gold")],
                "predicted": c[(typ, "pred")],
            }
        return Score(tally.metrics(), per_class, misses)

    def threshold(self) -> float:
        """The counting threshold the scoring pass uses now (kb/calibration)."""
        from eventwire.code.scoring import load_calibration

        return load_calibration().threshold

    def curve(
        self, items: Sequence[Doc], preds: Sequence[list[PredEvent]]
    ) -> list[dict[str, float]]:
        """Precision and recall when only events at or above each confidence count.

        Candidates (``counted: false``) are scored here too, so the curve shows what a lower
        threshold would add.
        """
        rows = []
        for t in CURVE_STEPS:
            tally = Tally()
            for d, ps in zip(items, preds, strict=True):
                kept = [
                    replace(p, counted=True)
                    for p in ps
                    if p.confidence >= t and p.modality in COUNTED_MODALITIES
                ]
                score_doc(d.gold, kept, tally)
            m = tally.metrics()
            rows.append(
                {
                    "threshold": t,
                    "events": tally.preds,
                    "type_precision": float(m["type_precision"] or 0.0),
                    "full_precision": float(m["full_precision"] or 0.0),
                    "full_recall": float(m["full_recall"] or 0.0),
                    "full_f1": float(m["full_f1"] or 0.0),
                    "core_recall": float(m["core_recall"] or 0.0),
                }
            )
        return rows


def _sentences(text: str) -> Iterable[re.Match[str]]:
    return re.finditer(r"[^\n]+?(?:[.!?](?=\s)|$)", text, flags=re.M)


def _codes(value: object) -> frozenset[str]:
    out: set[str] = set()
    for a in value if isinstance(value, list) else []:
        if isinstance(a, dict):
            codes = a.get("country") or []
            if isinstance(codes, str):
                codes = [codes]
            out.update(str(c).upper() for c in codes if c)
    return frozenset(out)


def _gold(rec: dict[str, Any]) -> GoldEvent:
    date = rec.get("date")
    place = rec.get("place")
    return GoldEvent(
        sentence=str(rec["sentence"]),
        trigger=str(rec.get("trigger") or ""),
        plover=str(rec["plover"]).upper(),
        alt=frozenset(str(x).upper() for x in rec.get("alt_plover") or ()),
        source=_codes(rec.get("source")),
        target=_codes(rec.get("target")),
        core=bool(rec.get("core")),
        date=(str(date["start"]), str(date.get("end") or date["start"]))
        if isinstance(date, dict) and date.get("start")
        else None,
        place=(str(place.get("text") or ""), str(place.get("country") or "").upper())
        if isinstance(place, dict) and place.get("country")
        else None,
    )


def pred_event(ev: Any) -> PredEvent:
    """Our Event reduced to what is scored (``counted`` defaults to True for older events)."""
    date = None
    if ev.date is not None and ev.date.start:
        date = (str(ev.date.start), str(ev.date.end or ev.date.start))
    place = None
    if ev.place is not None:
        place = (ev.place.country, str(ev.place.name or ""), str(ev.place.text or ""))
    return PredEvent(
        sentence=ev.evidence,
        trigger_start=ev.trigger.start,
        trigger=ev.trigger.text,
        type=str(ev.plover.type or "").upper(),
        source=frozenset(a.country for a in ev.source if a.country),
        target=frozenset(a.country for a in ev.target if a.country),
        date=date,
        place=place,
        confidence=float(ev.probability if ev.probability is not None else ev.confidence),
        counted=bool(getattr(ev, "counted", True)),
        modality=ev.modality,
    )


def _misses(
    d: Doc, preds: Sequence[PredEvent], by_type: dict[int, int], by_full: dict[int, int]
) -> Iterable[Miss]:
    """Missed gold events, false predictions and right-type events with the wrong actors."""
    type_gold = set(by_type.values())
    full_gold = set(by_full.values())
    splits = split_parts(preds, by_type)
    for gi, g in enumerate(d.gold):
        if gi not in type_gold:
            near = [p.as_dict() for p in preds if same_sentence(p.sentence, g.sentence)]
            yield Miss(2.0 + g.core, f"{d.doc} missed", g.sentence, g.as_dict(), near or None)
        elif gi not in full_gold:
            pi = next(i for i, x in by_type.items() if x == gi)
            yield Miss(
                1.0 + g.core, f"{d.doc} actors", g.sentence, g.as_dict(), preds[pi].as_dict()
            )
    for pi, p in enumerate(preds):
        if pi not in by_type and pi not in splits:
            near = [g.as_dict() for g in d.gold if same_sentence(p.sentence, g.sentence)]
            yield Miss(1.5, f"{d.doc} false", p.sentence, near or None, p.as_dict())
