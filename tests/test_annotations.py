"""Our hand judgements of coded Reuters events stay well formed (they back reported figures)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

DATA = Path(__file__).parent / "data" / "reuters_judged_events.jsonl"
VERDICTS = {"correct", "partial", "wrong-actors", "wrong"}


def test_every_judgement_names_story_event_and_verdict():
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 350
    for row in rows:
        assert row["story"] and row["event_id"] and row["cameo"] and row["why"]
        assert row["verdict"] in VERDICTS
        assert "text" not in row and "evidence" not in row  # no article text is stored
    rounds = Counter(row["round"] for row in rows)
    assert rounds == {1: 50, 2: 50, 3: 50, 4: 50, 5: 50, 6: 50, 7: 50}


def test_reported_round_figures_match_the_file():
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    reported = {  # tests/data/README.md
        2: (8, 15, 3, 24),
        3: (8, 13, 7, 22),
        4: (5, 23, 10, 12),
        5: (4, 21, 8, 17),
        6: (9, 18, 9, 14),
        7: (8, 16, 12, 14),
    }
    for n, figures in reported.items():
        got = Counter(r["verdict"] for r in rows if r["round"] == n)
        assert (got["correct"], got["partial"], got["wrong-actors"], got["wrong"]) == figures


GUARDIAN = Path(__file__).parent / "data" / "guardian_judged_events.jsonl"


def test_guardian_round_is_well_formed_and_matches_the_readme():
    rows = [json.loads(line) for line in GUARDIAN.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        assert row["story"].startswith("guardian-") and row["event_id"] and row["why"]
        assert row["verdict"] in VERDICTS
        assert "text" not in row and "evidence" not in row  # no article text is stored
    got = Counter(r["verdict"] for r in rows if r["round"] == 8)
    # tests/data/README.md, round 8
    assert (got["correct"], got["partial"], got["wrong-actors"], got["wrong"]) == (45, 12, 15, 14)
    got = Counter(r["verdict"] for r in rows if r["round"] == 9)
    # tests/data/README.md, round 9
    assert (got["correct"], got["partial"], got["wrong-actors"], got["wrong"]) == (25, 6, 20, 19)
    # round 9 judged no article of round 8, nor one kept for development reading
    r8 = {r["story"] for r in rows if r["round"] == 8}
    devread = {"guardian-284", "guardian-93", "guardian-694", "guardian-130", "guardian-605"}
    assert not any(r["story"] in r8 | devread for r in rows if r["round"] == 9)
    got = Counter(r["verdict"] for r in rows if r["round"] == 12)
    # tests/data/README.md, round 12
    assert (got["correct"], got["partial"], got["wrong-actors"], got["wrong"]) == (15, 15, 22, 12)
    # round 12 judged no article of rounds 8-9, nor one of the 10 kept for development reading
    r89 = {r["story"] for r in rows if r["round"] in (8, 9)}
    aside = {f"guardian-{n}" for n in (201, 581, 327, 720, 533, 138, 55, 530, 617, 588)}
    assert not any(r["story"] in r89 | aside for r in rows if r["round"] == 12)
    # never an article of real_news_events' development half
    assert not any(r["story"] in {"guardian-118", "guardian-112", "guardian-303"} for r in rows)


ELECTION = Path(__file__).parent / "data" / "election_judged_events.jsonl"


def test_election_rounds_are_well_formed_and_match_the_readme():
    rows = [json.loads(line) for line in ELECTION.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        # a story is named by its corpus line: the corpus's ids carry headline words
        assert row["story"].startswith("us_election_2016.jsonl:") and row["event_id"]
        assert row["verdict"] in VERDICTS and row["why"]
        assert "text" not in row and "evidence" not in row  # no article text is stored
    rounds = {
        10: (31, 4, 4, 31),
        11: (23, 5, 10, 27),
        13: (29, 5, 9, 21),
        14: (27, 4, 10, 23),
        15: (23, 3, 6, 32),
        16: (25, 10, 7, 22),
        17: (27, 8, 7, 23),
        18: (29, 8, 8, 19),
        19: (29, 9, 7, 18),
    }
    for n, figures in rounds.items():
        got = Counter(r["verdict"] for r in rows if r["round"] == n)
        assert (got["correct"], got["partial"], got["wrong-actors"], got["wrong"]) == figures
    # each round judged no article an earlier round judged
    order = sorted({r["round"] for r in rows})
    for earlier, later in zip(order, order[1:], strict=False):
        before = {r["story"] for r in rows if r["round"] <= earlier}
        assert not any(r["story"] in before for r in rows if r["round"] == later), later
