"""Scoring event places on short conflict notes with known coordinates (our own Sahel set).

Each note (JSONL: ``id, text, trigger, trigger_start, place, country, lat, lon``) names one
event, its trigger and where it happened. The system's place is the one the pipeline gives
that trigger (:meth:`Processor.locate`, the same choice the coder makes, fallback included);
the baseline puts every event at the centroid of the article's focus country, which is what
an event with no place of its own gets.

Metrics, for the system and the baseline:

* ``within_25km``: share of notes whose place lies within 25 km of the gold point;
* ``right_country``: share whose place is in the gold country;
* ``inferred``: share whose place is a fallback the text does not state for the event;
* ``no_place``: share with no place at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.records import Place
from eventwire.resolve.localities import km

if TYPE_CHECKING:
    from eventwire.pipeline import Processor

#: Kilometres within which a place counts as right.
RADIUS_KM = 25.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Note:
    id: str
    text: str
    trigger: str
    trigger_start: int
    place: str
    country: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True, kw_only=True)
class NoteResult:
    note: Note
    system: Place | None
    baseline: Place | None


def read_notes(path: Path | str) -> list[Note]:
    """The notes of a JSONL file, checked: the trigger and the place are in the text."""
    notes = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            note = Note(**row)
            end = note.trigger_start + len(note.trigger)
            if note.text[note.trigger_start : end] != note.trigger or note.place not in note.text:
                raise ValueError(f"{path}:{n}: trigger or place not where the note says")
            notes.append(note)
    return notes


def run_notes(processor: Processor, notes: Iterable[Note]) -> list[NoteResult]:
    out = []
    for note in notes:
        end = note.trigger_start + len(note.trigger)
        baseline = processor.fallback_place(note.text)
        # as the coder does: the event's own place, else the fallback
        system = processor.locate(note.text, note.trigger_start, end) or baseline
        out.append(NoteResult(note=note, system=system, baseline=baseline))
    return out


def _within(place: Place | None, note: Note) -> bool:
    return (
        place is not None
        and place.lat is not None
        and place.lon is not None
        and km(place.lat, place.lon, note.lat, note.lon) <= RADIUS_KM
    )


def score(results: list[NoteResult]) -> dict[str, dict[str, float]]:
    """``{"system": {...}, "baseline": {...}}`` with the metrics of the module docstring."""
    n = len(results) or 1
    out: dict[str, dict[str, float]] = {}
    for side in ("system", "baseline"):
        places = [(getattr(r, side), r.note) for r in results]
        out[side] = {
            "within_25km": sum(_within(p, note) for p, note in places) / n,
            "right_country": sum(p is not None and p.country == note.country for p, note in places)
            / n,
            "inferred": sum(p is not None and p.inferred for p, _ in places) / n,
            "no_place": sum(p is None for p, _ in places) / n,
            "notes": float(len(results)),
        }
    return out
