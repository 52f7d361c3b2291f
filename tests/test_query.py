"""query.py: one set of filters for the CLI, the Python API and REST, over a real DuckDB file."""

from __future__ import annotations

import pytest

from eventwire.errors import ConfigError
from eventwire.query import EventQuery, resolve_country
from eventwire.store.db import Store


@pytest.fixture()
def db(tmp_path, make_event, make_db):
    evs = [
        make_event(
            "e1",
            "NER",
            "FRA",
            day="2023-08-01",
            code="112",
            quad=3,
            goldstein=-2.0,
            plover="ACCUSE",
            place=("NER", 13.5, 2.1),
        ),
        make_event(
            "e2",
            "FRA",
            "NER",
            day="2023-12-01",
            code="087",
            quad=2,
            goldstein=9.0,
            plover="RETREAT",
            sentence=1,
            place=("NER", 13.5, 2.1),
        ),
        make_event(
            "e3",
            "NER",
            "RUS",
            day="2024-01-15",
            code="042",
            quad=1,
            article_id="a2",
            place=("RUS", 55.75, 37.6),
            target_sector="MIL",
        ),
        make_event(
            "e4",
            "RUS",
            "NER",
            day="2024-04-10",
            code="062",
            quad=2,
            plover="AGREE",
            article_id="a2",
            sentence=1,
            probability=0.4,
        ),
        make_event(
            "e5",
            "NER",
            "USA",
            day="2024-03-16",
            code="160",
            quad=4,
            goldstein=-4.0,
            article_id="a3",
            counted=False,
            probability=0.1,
        ),
        make_event(
            "e6",
            "NER",
            "USA",
            day="2024-03-20",
            code="160",
            quad=4,
            goldstein=-4.0,
            article_id="a3",
            sentence=1,
            modality="negated",
        ),
    ]
    return make_db(tmp_path / "q.duckdb", evs)


def ids(db, **kw) -> list[str]:
    with Store(db, read_only=True) as store:
        return [e.event_id for e in store.events(EventQuery(**kw))]


def test_country_names_codes_and_demonyms_resolve_through_the_kb():
    assert resolve_country("Niger") == "NER"
    assert resolve_country("ner") == "NER"
    assert resolve_country("NE") == "NER"
    assert resolve_country("French") == "FRA"
    assert resolve_country("IGO") == "IGO"


def test_a_name_that_matches_nothing_gets_a_hint():
    with pytest.raises(ConfigError, match=r"did you mean NER \(Niger\)"):
        resolve_country("Nigerr")


def test_default_leaves_out_candidates_negated_and_hypothetical(db):
    assert ids(db) == ["e1", "e2", "e3", "e4"]
    assert ids(db, include_all=True) == ["e1", "e2", "e3", "e5", "e6", "e4"]
    # an explicit modality replaces the modality default; candidates stay out
    assert ids(db, modality=("negated",)) == ["e6"]


def test_role_filters_and_dyads(db):
    assert ids(db, actor=("Niger",)) == ["e1", "e2", "e3", "e4"]
    assert ids(db, source=("Niger",)) == ["e1", "e3"]
    assert ids(db, target=("France",)) == ["e1"]
    assert ids(db, dyad=("RUS", "NER")) == ["e3", "e4"]
    assert ids(db, source=("NER",), target=("RUS",)) == ["e3"]


def test_type_code_quad_sector_place_bbox_date_probability(db):
    assert ids(db, plover=("agree",)) == ["e4"]
    assert ids(db, cameo=("08",)) == ["e2"]
    assert ids(db, cameo=("112", "042")) == ["e1", "e3"]
    assert ids(db, quad_class=(1, 2)) == ["e2", "e3", "e4"]
    assert ids(db, sector=("MIL",)) == ["e3"]
    assert ids(db, sector=("MIL",), sector_role="source") == []
    assert ids(db, place_country=("Russia",)) == ["e3"]
    assert ids(db, bbox=(0.0, 10.0, 5.0, 15.0)) == ["e1", "e2", "e4"]
    assert ids(db, since="2024-01-01", until="2024-03-31") == ["e3"]
    assert ids(db, min_probability=0.5) == ["e1", "e2", "e3"]
    assert ids(db, text="moscow") == [] and ids(db, text="RUS met") == ["e4"]


def test_bad_values_are_refused_with_what_to_do():
    for bad in (
        EventQuery(since="last year"),
        EventQuery(quad_class=(5,)),
        EventQuery(modality=("rumoured",)),
        EventQuery(bbox=(0, 20, 10, 10)),
        EventQuery(min_probability=2),
    ):
        with pytest.raises(ConfigError):
            bad.resolved()


def test_cursor_pages_cover_every_event_once(db):
    seen = []
    with Store(db, read_only=True) as store:
        cursor = None
        while True:
            page = store.query(EventQuery(include_all=True), limit=2, cursor=cursor)
            seen += [e.event_id for e in page.events]
            cursor = page.next_cursor
            if cursor is None:
                break
    assert seen == ["e1", "e2", "e3", "e5", "e6", "e4"]


def test_a_forged_cursor_is_refused(db):
    with Store(db, read_only=True) as store, pytest.raises(ConfigError, match="cursor"):
        store.query(EventQuery(), cursor="bm9wZQ")
