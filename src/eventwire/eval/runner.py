"""Run adapters: deterministic sampling, system vs baseline, the JSON shape ``--json`` prints.

Sampling, timing, error listing and the output shape live here once, so every set reports the
same way and the CLI, the gate and the report share them.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from eventwire.errors import EvalError
from eventwire.eval import registry
from eventwire.eval.base import EvalSet, default_data

T = TypeVar("T")


# ---- running --------------------------------------------------------------------------------


def stable_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def sample(items: Sequence[T], limit: int | None, key: Any) -> list[T]:
    """The ``limit`` items with the smallest id hash, kept in file order; all when no limit.

    Hashing ids (rather than taking the head of the file) spreads the sample over every source
    in a file that is sorted by source, and keeps it identical across runs and machines.
    """
    if not limit or limit >= len(items):
        return list(items)
    chosen = set(sorted(range(len(items)), key=lambda i: (stable_hash(key(items[i])), i))[:limit])
    return [it for i, it in enumerate(items) if i in chosen]


#: The two fixed folds of every development set: rules are written from fold A's misses and kept
#: only when fold B does not get worse.
FOLDS = ("A", "B")


def fold_of(item_id: str) -> str:
    """The fixed fold of an item: by the parity of its id's hash, so it never depends on order."""
    return FOLDS[int(stable_hash(item_id)[:8], 16) % 2]


def in_fold(items: Sequence[T], fold: str | None, key: Any) -> list[T]:
    """The items of ``fold`` ("A" or "B"), or all of them when ``fold`` is None."""
    if fold is None:
        return list(items)
    fold = fold.upper()
    if fold not in FOLDS:
        raise EvalError(f"unknown fold {fold!r}; choose A or B")
    return [it for it in items if fold_of(key(it)) == fold]


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _round(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_round(v) for v in value]
    return value


def score_run(
    adapter: EvalSet[Any, Any], items: Sequence[Any], preds: Sequence[Any], *, errors: int = 0
) -> dict[str, Any]:
    """The system half of a result: ``metrics``, ``per_class`` and ``errors``.

    ``errors`` lists the worst ``errors`` misses of ``preds`` against ``items`` (the key is absent
    when ``errors`` is 0); numbers are rounded as ``--json`` prints them. Pure: no pipeline call,
    so it can be checked on hand-made predictions.
    """
    ours = adapter.score(items, preds)
    out: dict[str, Any] = {"metrics": _round(ours.metrics), "per_class": _round(ours.per_class)}
    if errors:
        worst = sorted(ours.misses, key=lambda m: (-m.badness, m.item_id))[:errors]
        out["errors"] = [
            {"id": m.item_id, "text": m.text, "gold": m.gold, "ours": m.ours} for m in worst
        ]
    return out


def run_set(
    adapter: EvalSet[Any, Any] | str,
    *,
    data: Path | None = None,
    limit: int | None = None,
    errors: int = 0,
    fold: str | None = None,
    curve: bool = False,
) -> dict[str, Any]:
    """Score the system and the baseline on one set; the dict is what ``--json`` prints.

    ``fold`` keeps one of the two fixed folds (:func:`fold_of`); ``curve`` adds the adapter's
    precision/recall by confidence threshold when it has one.

    When the system cannot run yet (a module it needs is missing) the baseline is still scored
    and ``system_error`` says what is missing, so ``eval all`` reports every set it can.
    """
    if isinstance(adapter, str):
        adapter = registry.get(adapter)
    path = data if data is not None else default_data(adapter.name)
    items = sample(in_fold(adapter.load(path), fold, adapter.item_id), limit, adapter.item_id)
    if not items:
        raise EvalError(f"{path}: no gold items for {adapter.name}")
    out: dict[str, Any] = {"set": adapter.name, "items": len(items), "metrics": {}, "baseline": {}}
    if fold:
        out["fold"] = fold.upper()
    out["per_class"] = {}
    try:
        out["baseline"] = _round(adapter.score(items, adapter.baseline(items)).metrics)
    except ImportError as exc:
        out["baseline_error"] = f"baseline not available yet: {exc}"
    t0 = time.perf_counter()
    try:
        preds = adapter.predict(items)
    except ImportError as exc:
        out["system_error"] = f"system not available yet: {exc}"
        return out
    ours = score_run(adapter, items, preds, errors=errors)
    out["metrics"] = ours["metrics"]
    out["per_class"] = ours["per_class"]
    out["seconds"] = round(time.perf_counter() - t0, 2)
    if curve and hasattr(adapter, "curve"):
        out["curve"] = _round(adapter.curve(items, preds))
        out["threshold_in_use"] = adapter.threshold() if hasattr(adapter, "threshold") else None
    if "errors" in ours:
        out["errors"] = ours["errors"]
    return out


def run_all(
    *,
    data: Path | None = None,
    limit: int | None = None,
    errors: int = 0,
    fold: str | None = None,
) -> dict[str, Any]:
    """Every set in registry order, as one JSON object keyed by set name.

    ``data`` here is the folder holding the set folders (like ../shared/eval).
    """
    out: dict[str, Any] = {"set": "all", "items": 0, "metrics": {}, "baseline": {}}
    out["per_class"] = {}
    out["sets"] = {}
    for name in registry.SETS:
        try:
            res = run_set(
                name, data=data / name if data else None, limit=limit, errors=errors, fold=fold
            )
        except EvalError as exc:
            out["sets"][name] = {"set": name, "error": str(exc)}
            continue
        out["sets"][name] = res
        out["items"] += res["items"]
        for key in ("metrics", "baseline", "per_class"):
            out[key][name] = res[key]
    return out
