"""Scoring functions shared by the gold-set adapters.

Kept free of eventwire imports and of numpy so that every definition here can be unit-tested on a
handful of hand-made values, and so that a reader can check each formula against the paper or the
benchmark it comes from (cited in each docstring) without running anything.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

#: Half the Earth's circumference in km: the largest possible great-circle error. Gritta et al.
#: (2018, 2019) normalise the log error curve by log(20039).
MAX_KM = 20039.0
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts and the precision/recall/F1 they give; 0.0 (not NaN) when a denominator is empty."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def set_prf(gold: Iterable[Hashable], pred: Iterable[Hashable]) -> PRF:
    """Micro counts of one item's gold set against its predicted set (duplicates collapse)."""
    g, p = set(gold), set(pred)
    return PRF(len(g & p), len(p - g), len(g - p))


def multiset_prf(gold: Iterable[Hashable], pred: Iterable[Hashable]) -> PRF:
    """Like :func:`set_prf` but a value predicted twice must be gold twice to count twice."""
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return PRF(tp, sum(p.values()) - tp, sum(g.values()) - tp)


def sum_prf(parts: Iterable[PRF]) -> PRF:
    total = PRF(0, 0, 0)
    for part in parts:
        total = total + part
    return total


def accuracy(pairs: Iterable[tuple[object, object]]) -> float:
    """Share of (gold, predicted) pairs that are equal; 0.0 for no pairs."""
    n = hits = 0
    for gold, pred in pairs:
        n += 1
        hits += gold == pred
    return hits / n if n else 0.0


def per_class_prf(gold: Sequence[str], pred: Sequence[str]) -> dict[str, PRF]:
    """One-vs-rest counts per class for single-label classification."""
    classes = sorted(set(gold) | set(pred))
    out: dict[str, PRF] = {}
    for c in classes:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        out[c] = PRF(tp, fp, fn)
    return out


def macro_f1(
    gold: Sequence[str], pred: Sequence[str], *, labels: Iterable[str] | None = None
) -> float:
    """Unweighted mean of per-class F1 over ``labels`` (default: the classes present in gold).

    Averaging over gold classes only (not over every class the system can emit) follows the
    usual scikit-learn ``labels=`` practice for event-type coding: a spurious class the system
    invents costs precision on the gold classes it steals from, not an extra zero in the mean.
    """
    table = per_class_prf(gold, pred)
    keys = sorted(set(labels) if labels is not None else set(gold))
    if not keys:
        return 0.0
    return sum(table.get(k, PRF(0, 0, 0)).f1 for k in keys) / len(keys)


def majority(values: Iterable[Hashable]) -> Hashable | None:
    """Most frequent value, ties broken by sort order of ``repr`` so the baseline is stable."""
    counts = Counter(values)
    if not counts:
        return None
    best = max(counts.values())
    return min((v for v, c in counts.items() if c == best), key=repr)


# ---- spans ----------------------------------------------------------------------------------

Span = tuple[int, int]


def overlaps(a: Span, b: Span) -> bool:
    """Half-open character spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def match_spans(
    gold: Sequence[Span], pred: Sequence[Span], *, relaxed: bool
) -> list[tuple[int, int]]:
    """One-to-one alignment of predicted to gold spans, as (gold index, pred index) pairs.

    Strict = identical offsets; relaxed = any overlap (TempEval-3's definition). Each span is used
    at most once, greedily by largest overlap then position, so one long system span covering two
    gold spans earns one match, not two.
    """
    candidates: list[tuple[int, int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if (g == p) if not relaxed else overlaps(g, p):
                inter = min(g[1], p[1]) - max(g[0], p[0])
                candidates.append((-inter, gi, pi, abs(g[0] - p[0])))
    candidates.sort(key=lambda c: (c[0], c[3], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi, _ in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def span_prf(gold: Sequence[Span], pred: Sequence[Span], *, relaxed: bool) -> PRF:
    """TempEval-3 style extent counts: matched pairs are TP, the rest FP (pred) or FN (gold)."""
    n = len(match_spans(gold, pred, relaxed=relaxed))
    return PRF(n, len(pred) - n, len(gold) - n)


# ---- geography ------------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a spherical Earth (mean radius), the usual geoparsing metric."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def acc_at_km(errors_km: Sequence[float], km: float = 161.0) -> float:
    """Share of errors within ``km`` (161 km = 100 miles, the literature's accuracy threshold)."""
    return sum(1 for e in errors_km if e <= km) / len(errors_km) if errors_km else 0.0


def median_km(errors_km: Sequence[float]) -> float | None:
    return float(statistics.median(errors_km)) if errors_km else None


def geo_auc(errors_km: Sequence[float]) -> float | None:
    """Area under the curve of sorted, log-scaled errors (Gritta et al. 2018, CamCoder; 2019).

    Each error becomes ``log(1 + km) / log(20039)`` capped at 1 (so 0 = exact, 1 = antipode),
    errors are sorted ascending and the curve is integrated with the trapezoidal rule over unit
    steps, then divided by the number of steps (n - 1) so the area lies in [0, 1]. Lower is
    better. With one error the area is that single scaled error.
    """
    if not errors_km:
        return None
    ys = sorted(min(1.0, math.log1p(max(0.0, e)) / math.log(MAX_KM)) for e in errors_km)
    if len(ys) == 1:
        return ys[0]
    area = sum((a + b) / 2 for a, b in zip(ys, ys[1:], strict=False))
    return area / (len(ys) - 1)


# ---- article bodies -------------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Counts of word n-grams (``\\w+`` tokens); a text shorter than n is one short shingle."""
    tokens = _WORD.findall(text or "")
    out: Counter[tuple[str, ...]] = Counter()
    for i in range(max(1, len(tokens) - n + 1)):
        gram = tuple(tokens[i : i + n])
        if gram:
            out[gram] += 1
    return out


def shingle_prf(gold: str, pred: str, n: int = 4) -> PRF:
    """Per-page shingle counts normalised to sum to 1, as in the Zyte extraction benchmark.

    Normalising makes every page weigh the same whatever its length; page scores are then averaged
    by :func:`page_averaged`.
    """
    g, p = shingles(gold, n), shingles(pred, n)
    tp = float(sum((g & p).values()))
    fp = float(sum(p.values()) - tp)
    fn = float(sum(g.values()) - tp)
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return PRF(tp, fp, fn)


def page_averaged(parts: Sequence[PRF]) -> tuple[float, float, float]:
    """Benchmark aggregation: mean page precision and recall, F1 of the two means.

    A page with nothing on either side scores 1 (both empty) and a page where one side is empty
    is left out of that side's mean, matching the benchmark's evaluate.py semantics.
    """

    def prec(x: PRF) -> float:
        if x.fp == 0 and x.fn == 0:
            return 1.0
        return x.precision

    def rec(x: PRF) -> float:
        if x.fp == 0 and x.fn == 0:
            return 1.0
        return x.recall

    ps = [prec(x) for x in parts if x.tp + x.fp > 0]
    rs = [rec(x) for x in parts if x.tp + x.fn > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
