"""real_news_events scoring on hand-made gold and predictions: each README rule in turn.

Sentences are our own; no text of the gold set appears here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.eval.runner import fold_of, in_fold, score_run
from eventwire.eval.sets.real_news import (
    GoldEvent,
    PredEvent,
    RealNewsEvents,
    match_level,
    place_agrees,
    same_sentence,
    wilson,
)

S1 = "Chadian troops shelled a rebel camp near Abeche on Tuesday."
S2 = "The foreign ministers of Ghana and Togo met in Lome to discuss border security."
S3 = "Weather in the capital was mild."


def gold(sentence: str, typ: str, src: list[str], tgt: list[str], **kw: object) -> GoldEvent:
    return GoldEvent(
        sentence=sentence,
        trigger=str(kw.get("trigger", "")),
        plover=typ,
        alt=frozenset(kw.get("alt", ())),  # type: ignore[arg-type]
        source=frozenset(src),
        target=frozenset(tgt),
        core=bool(kw.get("core", False)),
        date=kw.get("date"),  # type: ignore[arg-type]
        place=kw.get("place"),  # type: ignore[arg-type]
    )


def pred(sentence: str, typ: str, src: list[str], tgt: list[str], at: int = 8, **kw: object):
    return PredEvent(
        sentence=sentence,
        trigger_start=at,
        trigger="x",
        type=typ,
        source=frozenset(src),
        target=frozenset(tgt),
        **kw,  # type: ignore[arg-type]
    )


def test_same_sentence_by_containment_and_jaccard() -> None:
    assert same_sentence("  Chadian troops  SHELLED a rebel camp", S1)
    assert same_sentence(S1.replace("Tuesday", "Monday"), S1)  # 9 of 11 words shared
    assert not same_sentence(S2, S1)
    assert not same_sentence("", S1)


def test_levels_type_alternatives_and_swapped_sides() -> None:
    g = gold(S1, "ASSAULT", ["TCD"], [], alt=["COERCE"])
    assert match_level(g, pred(S1, "COERCE", ["TCD"], ["SDN"])) == 3  # no gold target: any
    assert match_level(g, pred(S1, "ASSAULT", ["SDN"], [])) == 2
    assert match_level(g, pred(S1, "PROTEST", ["TCD"], [])) == 1
    assert match_level(g, pred(S3, "ASSAULT", ["TCD"], [])) == 0
    meet = gold(S2, "CONSULT", ["GHA"], ["TGO"])
    assert match_level(meet, pred(S2, "CONSULT", ["TGO"], ["GHA"])) == 3
    accuse = gold(S2, "ACCUSE", ["GHA"], ["TGO"])
    assert match_level(accuse, pred(S2, "ACCUSE", ["TGO"], ["GHA"])) == 2


def _doc(events: list[GoldEvent]):
    from eventwire.eval.sets.real_news import Doc

    return Doc("d1", "2024-05-01", S1 + " " + S2 + " " + S3, tuple(events))


def test_scores_split_parts_as_neither_hit_nor_false() -> None:
    adapter = RealNewsEvents()
    g = [gold(S2, "CONSULT", ["GHA", "TGO"], [], core=True), gold(S1, "ASSAULT", ["TCD"], [])]
    preds = [
        pred(S2, "CONSULT", ["GHA"], ["TGO"], at=40),
        pred(S2, "CONSULT", ["TGO"], ["GHA"], at=40),  # the other party of the same act
        pred(S1, "ASSAULT", ["NER"], []),  # right type, wrong actor
        pred(S3, "AID", [], []),  # false event
        pred(S3, "AID", [], [], modality="hypothetical"),  # not a prediction
        pred(S3, "AID", [], [], counted=False),  # a candidate: not counted
    ]
    m = score_run(adapter, [_doc(g)], [preds])["metrics"]
    assert m["predictions"] == 4
    assert m["type_precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["type_recall"] == 1.0
    assert m["full_precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["full_recall"] == 0.5
    assert m["core_recall"] == 1.0
    assert m["actor_accuracy"] == 0.5


def test_date_and_place_accuracy_over_full_matches() -> None:
    adapter = RealNewsEvents()
    g = [
        gold(
            S1, "ASSAULT", ["TCD"], [], date=("2024-04-30", "2024-04-30"), place=("Abeche", "TCD")
        ),
        gold(S2, "CONSULT", ["GHA"], [], date=("2024-04-29", "2024-04-29"), place=("Lome", "TGO")),
    ]
    preds = [
        pred(
            S1,
            "ASSAULT",
            ["TCD"],
            [],
            date=("2024-04-28", "2024-05-02"),
            place=("TCD", "Abéché", "Abeche"),
        ),
        pred(
            S2,
            "CONSULT",
            ["GHA"],
            [],
            date=("2024-05-01", "2024-05-01"),
            place=("GHA", "Ghana", "Ghana"),
        ),
    ]
    m = score_run(adapter, [_doc(g)], [preds])["metrics"]
    assert m["date_accuracy"] == 0.5
    assert m["place_accuracy"] == 0.5
    assert place_agrees(("the town of Abeche", "TCD"), ("TCD", "Abeche", "Abeche"))
    assert not place_agrees(("Abeche", "TCD"), ("SDN", "Abeche", "Abeche"))


def test_wilson_interval() -> None:
    lo, hi = wilson(8, 50)
    assert lo == pytest.approx(0.0834, abs=1e-3) and hi == pytest.approx(0.2852, abs=1e-3)
    assert wilson(0, 0) == (0.0, 0.0)


def test_folds_are_fixed_and_cover_every_item() -> None:
    ids = [f"doc-{i}" for i in range(200)]
    a, b = in_fold(ids, "A", str), in_fold(ids, "b", str)
    assert sorted(a + b) == sorted(ids) and not set(a) & set(b)
    assert 70 < len(a) < 130
    assert fold_of("doc-7") == fold_of("doc-7")


def test_load_reads_articles_and_done_lines(tmp_path: Path) -> None:
    (tmp_path / "articles.jsonl").write_text(
        json.dumps({"doc": "d1", "published": "2024-05-01", "text": S1, "title": "t"})
        + "\n"
        + json.dumps({"doc": "d2", "published": None, "text": S3, "title": "t"})
        + "\n"
    )
    ev = {
        "doc": "d1",
        "sentence": S1,
        "trigger": "shelled",
        "plover": "ASSAULT",
        "alt_plover": [],
        "source": [{"text": "Chadian troops", "country": ["TCD"], "sector": "MIL"}],
        "target": [],
        "modality": "asserted",
        "date": None,
        "place": None,
        "background": False,
        "core": True,
        "event": "e1",
    }
    (tmp_path / "events.jsonl").write_text(
        json.dumps(ev)
        + "\n"
        + json.dumps({"doc": "d1", "done": True, "events": 1})
        + "\n"
        + json.dumps({"doc": "d2", "done": True, "events": 0})
        + "\n"
    )
    docs = RealNewsEvents().load(tmp_path)
    assert [d.doc for d in docs] == ["d1", "d2"]
    assert docs[0].gold[0].source == frozenset({"TCD"}) and docs[1].gold == ()
    base = RealNewsEvents().baseline(docs)
    assert base == [[], []]
