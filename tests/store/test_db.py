"""The DuckDB store round-trips records and ignores repeated writes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.errors import StoreError
from eventwire.records import (
    Actor,
    Article,
    Cameo,
    DocumentResult,
    Event,
    Place,
    Plover,
    Reject,
    Sentence,
    Span,
    TimeSpan,
)
from eventwire.store.db import Store

TEXT = "Niger expelled French forces on Wednesday."


def _result() -> DocumentResult:
    art = Article(article_id="a1", text=TEXT, published="2024-04-12", origin="x.txt")
    ev = Event(
        event_id="e1",
        article_id="a1",
        sentence=0,
        evidence=TEXT,
        evidence_start=0,
        trigger=Span(text="expelled", start=6, end=14),
        source=(Actor(text="Niger", start=0, end=5, country="NER", sector="GOV"),),
        target=(Actor(text="French forces", start=15, end=28, country="FRA", sector="MIL"),),
        cameo=Cameo(code="166", root="16", quad_class=4, goldstein=-7.0, name="Expel"),
        plover=Plover(type="SANCTION", mode="expel", context=("military",)),
        date=TimeSpan(
            text="Wednesday",
            start="2024-04-10",
            end="2024-04-10",
            precision="day",
            value="2024-04-10",
            char_start=32,
            char_end=41,
        ),
        place=Place(
            text="Niger", name="Niger", country="NER", lat=17.6, lon=8.1, precision="country"
        ),
        confidence=0.8,
    )
    sent = Sentence(article_id="a1", index=0, paragraph=0, start=0, end=len(TEXT), text=TEXT)
    return DocumentResult(article=art, sentences=(sent,), events=(ev,))


def test_event_round_trips_through_the_store(tmp_path):
    res = _result()
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([res])
        (back,) = list(store.events())
    assert back == res.events[0]


def test_writing_the_same_batch_twice_stores_it_once(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([_result()], [Reject(origin="bad.bin", stage="ingest", reason="binary")])
        store.write_batch([_result()], [Reject(origin="bad.bin", stage="ingest", reason="binary")])
        assert (store.count("events"), store.count("rejects"), store.count("articles")) == (1, 1, 1)


def test_filters_by_actor_and_date(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([_result()])
        assert len(list(store.events(actor="fra"))) == 1
        assert list(store.events(actor="USA")) == []
        assert list(store.events(since="2024-04-11")) == []
        assert len(list(store.events(until="2024-04-10"))) == 1


def test_a_date_inferred_from_publication_filters_as_its_articles_day(tmp_path):
    # the pipeline dates an undated report to the week before publication (flagged); queries
    # keep using the article's day for it, as for an event with no date at all
    res = _result()
    week = TimeSpan(
        text="",
        start="2024-04-06",
        end="2024-04-12",
        precision="week",
        flags=("inferred", "publication"),
    )
    res = DocumentResult(
        article=res.article,
        sentences=res.sentences,
        events=(replace(res.events[0], date=week),),
    )
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([res])
        (back,) = list(store.events())
        assert back.date == week
        assert list(store.events(until="2024-04-10")) == []  # not from the 6th
        assert len(list(store.events(since="2024-04-12", until="2024-04-12"))) == 1


def test_opening_a_missing_database_read_only_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="eventwire run"):
        Store(tmp_path / "none.duckdb", read_only=True)


def test_candidates_are_stored_but_left_out_of_default_queries(tmp_path):
    from dataclasses import replace

    res = _result()
    cand = replace(res.events[0], event_id="e2", counted=False, probability=0.07)
    res = replace(res, events=(res.events[0], cand))
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([res])
        assert [e.event_id for e in store.events(include_all=False)] == ["e1"]
        both = {e.event_id: e for e in store.events(include_all=True)}
    assert both["e2"].counted is False and both["e2"].probability == 0.07
    assert both["e1"].counted is True


def test_an_inferred_place_round_trips_and_a_stated_one_stays_stated(tmp_path):
    from dataclasses import replace

    res = _result()
    ev = res.events[0]
    assert ev.place is not None
    guessed = replace(ev, event_id="e2", place=replace(ev.place, inferred=True))
    res = replace(res, events=(ev, guessed))
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([res])
        back = {e.event_id: e for e in store.events(include_all=True)}
        row = store.con.execute(
            "SELECT event_id, place_inferred FROM events ORDER BY event_id"
        ).fetchall()
    assert back["e1"].place is not None and back["e1"].place.inferred is False
    assert back["e2"].place is not None and back["e2"].place.inferred is True
    assert row == [("e1", False), ("e2", True)]


def _many(n: int, start: int = 0) -> list[DocumentResult]:
    """``n`` results of distinct long articles, each with its event."""
    base = _result()
    out = []
    for k in range(start, start + n):
        aid = f"m{k:07d}"
        text = f"{TEXT} " + " ".join(f"word{k}x{j}" for j in range(3000))
        art = Article(article_id=aid, text=text, published="2024-04-12", origin=f"{aid}.txt")
        ev = replace(base.events[0], event_id=f"e{aid}", article_id=aid)
        sent = replace(base.sentences[0], article_id=aid)
        out.append(DocumentResult(article=art, sentences=(sent,), events=(ev,)))
    return out


def test_a_writing_store_bounds_duckdbs_memory(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch(_many(3))
        limit = store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        assert store._limit is not None and limit.endswith("MiB")


def test_a_batch_the_memory_bound_cannot_hold_is_written_without_it(tmp_path, monkeypatch):
    import eventwire.store.db as db

    monkeypatch.setattr(db, "_CACHE_FLOOR", 2**20)
    monkeypatch.setattr(db, "_CACHE_ROOM", 0)
    with Store(tmp_path / "s.duckdb") as store:
        for start in range(0, 1200, 300):
            assert store.write_batch(_many(300, start)) == []
        assert store._limit_lifted
        assert (store.count("articles"), store.count("events")) == (1200, 1200)
