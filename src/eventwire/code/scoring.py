"""The last pass of the coder: a calibrated probability per event, and whether it is counted.

Event datasets are dyadic: ICEWS, GDELT and PETRARCH record who did what to whom, and a row
with one side missing is a partial record. On whole articles (``real_news_events``) an event
whose source and target are both named is fully right about half the time, one with a side
missing about one time in ten (a retreat or a resignation has no other side: its source is
enough, :data:`SOLO_TYPES`), and a plan (what someone will do) less often than an act. The
probability is read from a small table of those cells, fitted on fold A of
``real_news_events`` by ``python -m eventwire.eval.calibrate --write`` and checked on fold B;
events under its threshold are kept as candidates (``counted=False``): stored with their
evidence, left out of default queries and counts, shown with ``--all``.

The coder's own ``confidence`` stays as it was (a ranking score); ``probability`` is the
calibrated number. The table is data (``kb/calibration/event_probability.json``), validated on
load.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from eventwire.errors import KBError
from eventwire.kb.loader import KB_DIR
from eventwire.records import Event

TABLE = KB_DIR / "calibration" / "event_probability.json"
#: The features a cell is keyed by, in key order.
FEATURES = ("both_sides", "planned")


#: PLOVER types that are one party's act, complete without a target: a withdrawal or a
#: resignation has no other side ("the French decision to withdraw", "the minister quit").
SOLO_TYPES = frozenset({"RETREAT"})


def features(ev: Event) -> tuple[bool, bool]:
    """The cell of an event: are its sides named (both, or the one a solo act has), is it only
    planned."""
    sides = bool(ev.source) and (bool(ev.target) or ev.plover.type in SOLO_TYPES)
    return (sides, ev.modality == "planned")


@dataclass(frozen=True, slots=True)
class Calibration:
    """Cell -> probability that the event is fully right (type and actors), and the threshold
    under which an event is a candidate rather than counted."""

    cells: Mapping[tuple[bool, bool], float]
    threshold: float
    #: the probability of a cell the table lacks
    default: float = 0.5

    def probability(self, ev: Event) -> float:
        return self.cells.get(features(ev), self.default)


#: No table: every event counts (the probability is then the coder's confidence).
IDENTITY = Calibration({}, 0.0, -1.0)


def parse(data: object, where: str = "calibration") -> Calibration:
    """A Calibration from its JSON form; KBError naming ``where`` when it is malformed."""
    if not isinstance(data, dict):
        raise KBError(f"{where}: expected a JSON object")
    try:
        threshold = float(data["threshold"])
        default = float(data.get("default", 0.5))
        rows = list(data["cells"])
    except (KeyError, TypeError, ValueError) as exc:
        raise KBError(f"{where}: needs cells and threshold ({exc})") from None
    cells: dict[tuple[bool, bool], float] = {}
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict) or any(not isinstance(row.get(f), bool) for f in FEATURES):
            raise KBError(f"{where}: cell {n} needs true/false for {', '.join(FEATURES)}")
        try:
            prob = float(row["probability"])
        except (KeyError, TypeError, ValueError):
            raise KBError(f"{where}: cell {n} needs a probability") from None
        if not 0.0 <= prob <= 1.0:
            raise KBError(f"{where}: cell {n}: probability {prob} is not in [0, 1]")
        cells[(row["both_sides"], row["planned"])] = prob
    if not 0.0 <= threshold <= 1.0 or not 0.0 <= default <= 1.0:
        raise KBError(f"{where}: threshold and default must lie in [0, 1]")
    return Calibration(cells, threshold, default)


@lru_cache(maxsize=4)
def load_calibration(path: Path = TABLE) -> Calibration:
    """The packaged table (or ``path``); :data:`IDENTITY` when none has been fitted."""
    if not path.is_file():
        return IDENTITY
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise KBError(f"{path}: not JSON ({exc.msg})") from None
    return parse(data, str(path))


def score_events(events: Iterable[Event], table: Calibration) -> list[Event]:
    """Each event with its ``probability`` and its ``counted`` flag."""
    out = []
    for ev in events:
        prob = ev.confidence if table is IDENTITY else table.probability(ev)
        out.append(replace(ev, probability=round(prob, 3), counted=prob >= table.threshold))
    return out
