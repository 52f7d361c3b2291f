"""The scoring pass: the probability table is validated data, and candidates are not counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.code.scoring import (
    IDENTITY,
    TABLE,
    Calibration,
    features,
    load_calibration,
    parse,
    score_events,
)
from eventwire.errors import KBError
from eventwire.records import Actor, Cameo, Event, Plover, Span


def _event(source: bool, target: bool, modality: str = "asserted") -> Event:
    actor = Actor(text="Chad", start=0, end=4, country="TCD", sector="GOV")
    return Event(
        event_id="e",
        article_id="a",
        sentence=0,
        evidence="Chad met Niger.",
        evidence_start=0,
        trigger=Span(text="met", start=5, end=8),
        source=(actor,) if source else (),
        target=(actor,) if target else (),
        cameo=Cameo(code="040", root="04", quad_class=1, goldstein=1.0),
        plover=Plover(type="CONSULT"),
        modality=modality,
        confidence=0.7,
    )


def test_cells_and_threshold_decide_what_counts() -> None:
    table = Calibration({(True, False): 0.5, (False, False): 0.1}, threshold=0.4, default=0.2)
    dyad, one_sided, planned = score_events(
        [_event(True, True), _event(True, False), _event(True, True, "planned")], table
    )
    assert (dyad.probability, dyad.counted) == (0.5, True)
    assert (one_sided.probability, one_sided.counted) == (0.1, False)
    assert (planned.probability, planned.counted) == (0.2, False)  # a cell the table lacks
    assert features(planned) == (True, True)


def test_identity_counts_everything_with_the_coder_confidence() -> None:
    (ev,) = score_events([_event(False, False)], IDENTITY)
    assert ev.counted and ev.probability == 0.7


@pytest.mark.parametrize(
    "data, message",
    [
        ([], "JSON object"),
        ({"cells": []}, "threshold"),
        ({"cells": [{"both_sides": "yes", "planned": False}], "threshold": 0.3}, "true/false"),
        ({"cells": [{"both_sides": True, "planned": False}], "threshold": 0.3}, "probability"),
        (
            {"cells": [{"both_sides": True, "planned": False, "probability": 2}], "threshold": 0},
            r"not in \[0, 1\]",
        ),
        ({"cells": [], "threshold": 1.5}, "threshold"),
    ],
)
def test_a_bad_table_is_reported_with_its_place(data: object, message: str) -> None:
    with pytest.raises(KBError, match=message):
        parse(data, "t.json")


def test_the_packaged_table_is_valid_and_fitted() -> None:
    assert TABLE.is_file(), "run python -m eventwire.eval.calibrate --write"
    table = load_calibration()
    assert table is not IDENTITY and 0.0 < table.threshold < 1.0
    data = json.loads(Path(TABLE).read_text(encoding="utf-8"))
    assert all(c["events"] >= c["right"] >= 0 for c in data["cells"])
    # a dyad is more often right than an event with a side missing: the reason for the cells
    assert table.cells[(True, False)] > table.cells[(False, False)]


def test_pipeline_keeps_candidates_with_their_evidence(processor) -> None:
    res = processor.process_text(
        "Chadian troops attacked. Niger expelled the French ambassador on Friday.",
        published="2024-04-12",
    )
    counted = [e for e in res.events if e.counted]
    assert counted and all(e.source and e.target for e in counted)
    assert all(e.probability is not None for e in res.events)
    candidates = [e for e in res.events if not e.counted]
    assert all(e.evidence for e in candidates)


def test_a_retreat_with_its_source_is_complete_without_a_target(processor):
    # withdrawals and resignations are one party's act: they count like a dyad
    ev = next(
        e
        for e in processor.process_text(
            "The American army pulled out in August 2021.", published="2024-04-12"
        ).events
        if e.plover.type == "RETREAT"
    )
    from eventwire.code.scoring import features

    assert features(ev)[0] is True
