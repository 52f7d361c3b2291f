"""Fit the scoring pass's table: ``python -m eventwire.eval.calibrate [--write]``.

Runs the pipeline with no table on fold A of ``real_news_events``, labels each counted
prediction 1 when it matches a gold event at the *full* level (type and actors) and 0 when it
is a false event (a split part of a matched act is left out, as the scorer does), and sets each
cell's probability (:data:`eventwire.code.scoring.FEATURES`) to its share of right events,
shrunk towards the overall share by :data:`PRIOR` pseudo-events. The threshold is the cell
probability that maximises F0.5 on fold A (precision first: it weighs precision twice as much
as recall). Fold B is never used for fitting: the printed fold-B figures are the check, and
``docs/quality.md`` reports both folds.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from eventwire.code.scoring import FEATURES, IDENTITY, TABLE, Calibration, features
from eventwire.eval import system
from eventwire.eval.base import default_data
from eventwire.eval.runner import in_fold
from eventwire.eval.sets.real_news import (
    COUNTED_MODALITIES,
    FULL,
    Doc,
    PredEvent,
    Tally,
    greedy_match,
    pred_event,
    score_doc,
    split_parts,
)

#: Pseudo-events at the overall rate added to each cell.
PRIOR = 5.0
#: Weight of recall against precision in the threshold's objective (F-beta).
BETA = 0.5
#: Reliability-table bins over the probability.
BINS = 5

Cell = tuple[bool, bool]


def raw_events(docs: Sequence[Doc]) -> list[list[Any]]:
    """The system's events (with the scoring pass switched off), counted modalities only."""
    proc = system.processor()
    saved = proc.calibration
    proc.calibration = IDENTITY
    try:
        results = system.process_texts((d.text, d.published) for d in docs)
        return [
            [e for e in getattr(r, "events", ()) or () if e.modality in COUNTED_MODALITIES]
            for r in results
        ]
    finally:
        proc.calibration = saved


def outcomes(docs: Sequence[Doc], events: Sequence[list[Any]]) -> list[tuple[Cell, float]]:
    """(cell, 1 if fully right else 0) for each scored event."""
    out: list[tuple[Cell, float]] = []
    for d, evs in zip(docs, events, strict=True):
        ps = [pred_event(e) for e in evs]
        hits = greedy_match(d.gold, ps, FULL)
        skip = split_parts(ps, hits)
        out += [(features(e), float(i in hits)) for i, e in enumerate(evs) if i not in skip]
    return out


def predictions(table: Calibration, events: Sequence[list[Any]]) -> list[list[PredEvent]]:
    out = []
    for evs in events:
        row = []
        for e in evs:
            p = pred_event(e)
            prob = table.probability(e)
            row.append(replace(p, confidence=prob, counted=prob >= table.threshold))
        out.append(row)
    return out


def metrics(docs: Sequence[Doc], preds: Sequence[list[PredEvent]]) -> dict[str, Any]:
    tally = Tally()
    for d, ps in zip(docs, preds, strict=True):
        score_doc(d.gold, ps, tally)
    return tally.metrics()


def f_beta(m: dict[str, Any], beta: float = BETA) -> float:
    p, r = float(m["full_precision"] or 0.0), float(m["full_recall"] or 0.0)
    return (1 + beta * beta) * p * r / (beta * beta * p + r) if p + r else 0.0


def fit(docs: Sequence[Doc], events: Sequence[list[Any]]) -> Calibration:
    seen = outcomes(docs, events)
    base = sum(y for _, y in seen) / max(1, len(seen))
    n: Counter[Cell] = Counter(c for c, _ in seen)
    right: Counter[Cell] = Counter()
    for c, y in seen:
        right[c] += int(y)
    cells = {c: round((right[c] + PRIOR * base) / (n[c] + PRIOR), 4) for c in n}
    best = (-1.0, 0.0)
    for t in sorted({0.0, *cells.values()}):
        score = f_beta(metrics(docs, predictions(Calibration(cells, t, base), events)))
        if score > best[0]:
            best = (score, t)
    return Calibration(cells, best[1], round(base, 4))


def reliability(
    docs: Sequence[Doc], preds: Sequence[list[PredEvent]]
) -> tuple[list[dict[str, Any]], float]:
    """Per bin of probability: events, mean probability, share fully right; and the ECE."""
    pairs = []
    for d, ps in zip(docs, preds, strict=True):
        hits = greedy_match(d.gold, ps, FULL)
        skip = split_parts(ps, hits)
        pairs += [(p.confidence, float(i in hits)) for i, p in enumerate(ps) if i not in skip]
    rows, ece = [], 0.0
    for b in range(BINS):
        lo, hi = b / BINS, (b + 1) / BINS
        members = [(c, y) for c, y in pairs if lo <= c < hi or (b == BINS - 1 and c == 1.0)]
        if not members:
            continue
        conf = sum(c for c, _ in members) / len(members)
        acc = sum(y for _, y in members) / len(members)
        ece += len(members) / len(pairs) * abs(conf - acc)
        rows.append(
            {"bin": f"{lo:.1f}-{hi:.1f}", "events": len(members), "mean_p": conf, "right": acc}
        )
    return rows, ece


def table_json(table: Calibration, docs: Sequence[Doc], events: Sequence[list[Any]]) -> str:
    seen = outcomes(docs, events)
    cells = []
    for cell, prob in sorted(table.cells.items()):
        ys = [y for c, y in seen if c == cell]
        cells.append(
            {
                **dict(zip(FEATURES, cell, strict=True)),
                "probability": prob,
                "events": len(ys),
                "right": int(sum(ys)),
            }
        )
    data = {
        "about": "probability that an event is fully right (type and actors) by cell, fitted "
        "on real_news_events fold A by `python -m eventwire.eval.calibrate --write`; events "
        "under the threshold are candidates (counted: false)",
        "cells": cells,
        "default": table.default,
        "threshold": table.threshold,
    }
    return json.dumps(data, indent=1) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Fit the event probability table on fold A.")
    ap.add_argument("--write", action="store_true", help=f"write the table to {TABLE}")
    args = ap.parse_args(argv)
    from eventwire.eval.sets.real_news import RealNewsEvents

    docs = RealNewsEvents().load(default_data("real_news_events"))
    folds = {f: in_fold(docs, f, lambda d: d.doc) for f in ("A", "B")}
    events = {f: raw_events(folds[f]) for f in folds}
    table = fit(folds["A"], events["A"])
    report: dict[str, Any] = {"cells": {str(k): v for k, v in table.cells.items()}}
    report["threshold"] = table.threshold
    keys = ("full_precision", "full_recall", "full_f1", "type_precision", "predictions")
    for f in folds:
        before = metrics(folds[f], predictions(Calibration({}, 0.0, 1.0), events[f]))
        preds = predictions(table, events[f])
        after = metrics(folds[f], preds)
        rows, ece = reliability(folds[f], [[p for p in ps] for ps in preds])
        report[f] = {
            "all events": {k: before[k] for k in keys},
            "counted": {k: after[k] for k in keys},
            "f0.5": [round(f_beta(before), 4), round(f_beta(after), 4)],
            "ece": round(ece, 4),
            "reliability": rows,
        }
    print(json.dumps(report, indent=1))
    if args.write:
        TABLE.parent.mkdir(parents=True, exist_ok=True)
        TABLE.write_text(table_json(table, folds["A"], events["A"]), encoding="utf-8")


if __name__ == "__main__":
    main()
