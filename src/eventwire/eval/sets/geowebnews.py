"""geowebnews: toponym recognition and geocoding in whole news articles.

Gold: any JSONL whose lines carry ``text`` and ``toponyms[{start, end, text, lat, lon}]``.
GeoWebNews lines also carry the pragmatic ``type`` and ``nonLocational`` of Gritta et al. (2019);
when present they decide what counts:

* scored (locational) toponyms: the paper's *literal* types - Literal, Literal_Modifier, Mixed,
  Embedded_Literal, Coercion - unless ``nonLocational`` is "Yes";
* ignored: the *associative* types (Metonymic "Washington said", Demonym, Non_Literal_Modifier,
  Language, Embedded_Non_Lit, Homonym): a prediction on exactly such a span is neither right nor
  wrong, since whether a geoparser should output it depends on the application;
* Literal_Expression / Non_Lit_Expression / Non_Toponym mark context, not toponyms: a
  prediction there is a false positive.

Without ``type`` every toponym is scored. Metrics:

* span_precision / span_recall / span_f1: exact character-span match with scored toponyms;
* acc_161, median_km, auc over the matched toponyms that have gold coordinates (a match we could
  not geocode counts as the maximal error, 20,039 km). ``auc`` is the area under the sorted
  log(1 + km) / log(20039) error curve (Gritta et al. 2018), 0 = perfect, 1 = worst;
* gold_span_acc_161 / gold_span_median_km / gold_span_auc: geocoding alone - our place
  resolver on every gold toponym's text.

Baseline: recognise capitalised word runs that name a gazetteer entry, and geocode every name
to its most populous namesake.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from eventwire.eval import system
from eventwire.eval.base import EvalSet, Miss, Score, find_file, read_jsonl
from eventwire.eval.metrics import (
    MAX_KM,
    PRF,
    acc_at_km,
    geo_auc,
    haversine_km,
    median_km,
    sum_prf,
)

LITERAL = frozenset({"Literal", "Literal_Modifier", "Mixed", "Embedded_Literal", "Coercion"})
ASSOCIATIVE = frozenset(
    {"Metonymic", "Demonym", "Non_Literal_Modifier", "Language", "Embedded_Non_Lit", "Homonym"}
)


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    kind: str  # "scored" or "ignored"
    type: str = ""


@dataclass(slots=True)
class GeoDoc:
    id: str
    text: str
    toponyms: list[Toponym] = field(default_factory=list)

    @property
    def scored(self) -> list[Toponym]:
        return [t for t in self.toponyms if t.kind == "scored"]


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class GeoPred:
    places: tuple[Found, ...]
    #: Coordinates our resolver gives each ``doc.scored`` toponym's text (gold spans).
    on_gold: tuple[tuple[float, float] | None, ...]


class GeoWebNews(EvalSet[GeoDoc, GeoPred]):
    name: ClassVar[str] = "geowebnews"
    lower_is_better: ClassVar[frozenset[str]] = frozenset(
        {"median_km", "auc", "gold_span_median_km", "gold_span_auc"}
    )
    baseline_label: ClassVar[str] = "capitalised gazetteer names, most populous namesake"

    def load(self, path: Path) -> list[GeoDoc]:
        out = []
        for f in find_file(path, "*.jsonl"):
            for n, rec in enumerate(read_jsonl(f), 1):
                if not isinstance(rec.get("text"), str):
                    continue
                did = str(rec.get("docid") or rec.get("id") or f"{f.name}:{n}")
                out.append(GeoDoc(did, rec["text"], _toponyms(rec.get("toponyms") or [])))
        return out

    def item_id(self, item: GeoDoc) -> str:
        return item.id

    def predict(self, items: Sequence[GeoDoc]) -> list[GeoPred]:
        docs = system.process_texts((d.text, None) for d in items)
        out = []
        for doc, res in zip(items, docs, strict=True):
            out.append(GeoPred(found_places(res), tuple(_resolve(t.text) for t in doc.scored)))
        return out

    def baseline(self, items: Sequence[GeoDoc]) -> list[GeoPred]:
        gaz = system.gazetteer()
        return [
            GeoPred(
                tuple(capitalised_places(d.text, gaz)),
                tuple(_most_populous(gaz, t.text) for t in d.scored),
            )
            for d in items
        ]

    def score(self, items: Sequence[GeoDoc], preds: Sequence[GeoPred]) -> Score:
        spans: list[PRF] = []
        errors: list[float] = []
        gold_errors: list[float] = []
        found_by_type: Counter[str] = Counter()
        total_by_type: Counter[str] = Counter()
        misses = []
        for doc, pred in zip(items, preds, strict=True):
            by_span = {(t.start, t.end): t for t in doc.toponyms}
            scored = {(t.start, t.end): t for t in doc.scored}
            hit: set[tuple[int, int]] = set()
            fp = 0
            for p in pred.places:
                key = (p.start, p.end)
                gold = by_span.get(key)
                if gold is not None and gold.kind == "ignored":
                    continue
                if key not in scored or key in hit:
                    fp += 1
                    misses.append(
                        Miss(
                            0.5,
                            f"{doc.id}@{p.start}",
                            _ctx(doc.text, p.start, p.end),
                            None,
                            doc.text[p.start : p.end],
                        )
                    )
                    continue
                hit.add(key)
                if gold is not None and gold.lat is not None and gold.lon is not None:
                    km = _km(gold, p.lat, p.lon)
                    errors.append(km)
                    if km > 161:
                        misses.append(
                            Miss(
                                1 + km / MAX_KM,
                                f"{doc.id}@{p.start}",
                                _ctx(doc.text, p.start, p.end),
                                f"{gold.text} ({gold.lat}, {gold.lon})",
                                f"({p.lat}, {p.lon}) {km:.0f} km",
                            )
                        )
            predicted = {(p.start, p.end) for p in pred.places}
            for t in doc.toponyms:
                total_by_type[t.type or "toponym"] += 1
                found_by_type[t.type or "toponym"] += (t.start, t.end) in predicted
            for key, t in scored.items():
                if key not in hit:
                    misses.append(
                        Miss(
                            1.0, f"{doc.id}@{t.start}", _ctx(doc.text, t.start, t.end), t.text, None
                        )
                    )
            spans.append(PRF(len(hit), fp, len(scored) - len(hit)))
            for t, guess in zip(doc.scored, pred.on_gold, strict=True):
                if t.lat is not None and t.lon is not None:
                    gold_errors.append(_km(t, *(guess or (None, None))))
        total = sum_prf(spans)
        metrics: dict[str, float | int | None] = {
            "span_precision": total.precision,
            "span_recall": total.recall,
            "span_f1": total.f1,
            "acc_161": acc_at_km(errors),
            "median_km": median_km(errors),
            "auc": geo_auc(errors),
            "geocoded": len(errors),
            "gold_span_acc_161": acc_at_km(gold_errors),
            "gold_span_median_km": median_km(gold_errors),
            "gold_span_auc": geo_auc(gold_errors),
            "gold_toponyms": len(gold_errors),
        }
        per_class = {
            k: {"gold": total_by_type[k], "found": found_by_type[k]} for k in sorted(total_by_type)
        }
        return Score(metrics, per_class, misses)


def found_places(res: Any) -> tuple[Found, ...]:
    """The places of one DocumentResult (None: rejected) that carry a character span."""
    return tuple(
        Found(p.char_start, p.char_end, p.lat, p.lon)
        for p in getattr(res, "places", ()) or ()
        if p.char_start is not None and p.char_end is not None
    )


def _toponyms(raw: list[dict[str, Any]]) -> list[Toponym]:
    """One entry per distinct span; a span both locational and something else is locational."""
    best: dict[tuple[int, int], Toponym] = {}
    for t in raw:
        typ = t.get("type")
        if typ is None:
            kind = "scored"
        elif typ in LITERAL and str(t.get("nonLocational", "No")).lower() != "yes":
            kind = "scored"
        elif typ in ASSOCIATIVE or typ in LITERAL:
            kind = "ignored"
        else:
            continue  # expressions and non-toponyms: predictions there are false positives
        lat, lon = t.get("lat"), t.get("lon")
        top = Toponym(
            int(t["start"]),
            int(t["end"]),
            str(t.get("text", "")),
            float(lat) if lat is not None else None,
            float(lon) if lon is not None else None,
            kind,
            typ or "",
        )
        key = (top.start, top.end)
        if key not in best or (kind == "scored" and best[key].kind != "scored"):
            best[key] = top
    return sorted(best.values(), key=lambda t: (t.start, t.end))


def _km(gold: Toponym, lat: float | None, lon: float | None) -> float:
    if lat is None or lon is None or gold.lat is None or gold.lon is None:
        return MAX_KM
    return haversine_km(gold.lat, gold.lon, lat, lon)


def _ctx(text: str, start: int, end: int, width: int = 70) -> str:
    left = " ".join(text[max(0, start - width) : start].split())
    right = " ".join(text[end : end + width].split())
    return f"…{left} [{text[start:end]}] {right}…"


def _resolve(name: str) -> tuple[float, float] | None:
    place = system.place_resolver().resolve(name)
    if place is None or place.lat is None or place.lon is None:
        return None
    return (place.lat, place.lon)


def _most_populous(gaz: Any, name: str) -> tuple[float, float] | None:
    cands = [c for c in gaz.candidates(name) if c.lat is not None and c.lon is not None]
    if not cands:
        return None
    top = max(cands, key=lambda c: c.population or 0)
    return (top.lat, top.lon)


_CAPS = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w'’.-]*)*")


def capitalised_places(text: str, gaz: Any) -> list[Found]:
    """Baseline recogniser: capitalised runs (or their single words) that a gazetteer knows."""
    out = []
    for m in _CAPS.finditer(text):
        run = m.group().rstrip(".")
        spans = [(m.start(), m.start() + len(run))]
        if " " in run:
            spans += [
                (m.start() + w.start(), m.start() + w.end()) for w in re.finditer(r"\S+", run)
            ]
        for s, e in spans:
            hit = _most_populous(gaz, text[s:e])
            if hit is not None:
                out.append(Found(s, e, *hit))
                if (s, e) == spans[0]:
                    break
    return out
