"""Golden test: the reference article, published 2024-04-12, through the real pipeline."""

from __future__ import annotations

import pytest

from eventwire.records import DocumentResult, Event


@pytest.fixture(scope="module")
def result(processor, reference_text) -> DocumentResult:
    return processor.process_text(reference_text, published="2024-04-12")


def _countries(actors) -> set[str]:
    return {a.country for a in actors if a.country}


def _find(result: DocumentResult, src: str, tgt: str, roots: set[str]) -> list[Event]:
    return [
        e
        for e in result.events
        if src in _countries(e.source) and tgt in _countries(e.target) and e.cameo.root in roots
    ]


def test_russia_delivers_military_aid_to_niger_at_niamey_on_wednesday(result):
    hits = [
        e
        for e in _find(result, "RUS", "NER", {"06", "07"})
        if e.date and e.date.start == "2024-04-10"
    ]
    assert hits, [(e.trigger.text, e.date) for e in result.events]
    assert any(e.place and e.place.name == "Niamey" and e.place.country == "NER" for e in hits)


def test_niger_expels_french_forces(result):
    hits = [e for e in _find(result, "NER", "FRA", {"16"}) if e.cameo.code.startswith("166")]
    assert hits
    assert all(e.plover.type == "SANCTION" for e in hits)


def test_tiani_putin_phone_call_in_late_march(result):
    hits = [e for e in _find(result, "NER", "RUS", {"04"}) if e.cameo.code == "041"]
    assert hits
    ev = hits[0]
    assert ev.date is not None
    assert (ev.date.start, ev.date.end) == ("2024-03-21", "2024-03-31")
    assert ev.plover.type == "CONSULT" and ev.plover.mode == "phone"
    assert any(a.sector == "MIL" for a in ev.source)  # Tiani heads a military government


def test_niger_joins_mali_and_burkina_faso(result):
    hits = _find(result, "NER", "MLI", {"06"})
    assert hits and "BFA" in _countries(hits[0].target)


def test_united_states_reduces_assistance_to_niger(result):
    hits = _find(result, "USA", "NER", {"16"})
    assert hits and hits[0].cameo.code.startswith("162")


def test_last_years_coup_against_the_elected_president(result):
    hits = [e for e in _find(result, "NER", "NER", {"17"}) if e.cameo.code == "170"]
    assert hits, [(e.trigger.text, e.cameo.code) for e in result.events]
    ev = hits[0]
    assert {a.sector for a in ev.source} == {"MIL"} and {a.sector for a in ev.target} == {"GOV"}
    assert ev.date is not None and ev.date.value == "2023"
    assert ev.plover.type == "COERCE"


def test_russian_commitment_to_niger_air_defence(result):
    # the article reports Russia's commitment to Niger's air defence, and the plan to install a
    # system in a participle clause that the parse hangs on "the report": the commitment is
    # Russia's to Niger; the plan names no actor of its own, so it borrows none from a sibling
    hits = [e for e in result.events if e.trigger.text == "commitment"]
    assert hits and hits[0].cameo.code == "0332" and hits[0].counted
    assert (_countries(hits[0].source), _countries(hits[0].target)) == ({"RUS"}, {"NER"})
    installs = [e for e in result.events if e.trigger.text.lower().startswith("install")]
    assert all(e.modality == "planned" for e in installs)


def test_russian_instructor_is_quoted(result):
    quotes = [q for q in result.quotes if "train the Niger army" in q.text]
    assert quotes
    speaker = quotes[0].speaker
    assert speaker is not None and (speaker.country, speaker.sector) == ("RUS", "MIL")


def test_no_event_is_dated_by_the_publication_date_silently(result):
    # a date the text does not state says so: flagged as inferred from the publication day
    for ev in result.events:
        if ev.date is not None:
            assert ev.date.text or {"inferred", "publication"} <= set(ev.date.flags), ev


def test_without_publication_date_relative_times_stay_unresolved(processor, reference_text):
    res = processor.process_text(reference_text)
    dated = [e.date for e in res.events if e.date is not None]
    assert dated, "the phone call and the arrival still carry their time expressions"
    assert all(d.start is None and "unanchored" in d.flags for d in dated)


def test_offsets_point_at_the_trigger_and_actors(result, reference_text):
    for ev in result.events:
        assert reference_text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
        for actor in ev.source + ev.target:
            if actor.start < 0:  # inferred from the event's place, not named
                assert actor.end < 0
                continue
            assert reference_text[actor.start : actor.end] == actor.text
