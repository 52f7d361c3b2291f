"""Event places on our own Sahel notes (tests/data/sahel_notes.jsonl), through the real
pipeline and gazetteer, against the focus-country baseline."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.eval.place_notes import read_notes, run_notes, score

DATA = Path(__file__).resolve().parents[1] / "data"

#: Measured 2026-12-07 (docs/places.md); floors a little under, so one note more or less
#: parsed differently does not fail the suite, but losing village places does.
FLOORS = {
    "sahel_notes.jsonl": {"within_25km": 0.98, "right_country": 0.98},
    "sahel_notes_heldout.jsonl": {"within_25km": 0.80, "right_country": 0.90},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_sahel_notes_are_placed_within_25_km_well_above_the_country_baseline(processor, name):
    notes = read_notes(DATA / name)
    assert len(notes) >= 20
    assert {n.country for n in notes} == {"MLI", "BFA", "NER"}
    m = score(run_notes(processor, notes))
    for metric, floor in FLOORS[name].items():
        assert m["system"][metric] >= floor, (metric, m["system"])
    # a country's centroid is never within 25 km of a village: the baseline places nothing
    assert m["baseline"]["within_25km"] <= 0.05


def test_a_note_whose_trigger_is_not_where_it_says_is_refused(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id": "x", "text": "Gunmen attacked Djibo.", "trigger": "attacked", '
        '"trigger_start": 0, "place": "Djibo", "country": "BFA", "lat": 14.1, "lon": -1.63}\n'
    )
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        read_notes(bad)
