"""A province or city whose name holds another country's ("New Jersey", "British Columbia")
is that place, never the country inside its name."""

from __future__ import annotations

from eventwire.kb import build_compound_places
from eventwire.kb.loader import load_kb


def _sources(processor, text: str) -> set[str | None]:
    result = processor.process_text(text, published="2016-09-20")
    return {a.country for e in result.events for a in e.source}


def test_the_list_is_current_with_the_gazetteer_and_the_kb():
    assert build_compound_places.main(["--check"]) == 0
    places = load_kb().compound_places
    assert places["New Jersey"] == "USA" and places["British Columbia"] == "CAN"


def test_a_us_states_governor_is_american_not_from_jersey(processor):
    text = "The New Jersey governor criticised the mayor of Newark on Monday."
    assert _sources(processor, text) == {"USA"}
    result = processor.process_text(text, published="2016-09-20")
    assert [m.text for m in result.mentions if m.label == "GPE"][0] == "New Jersey"


def test_a_provinces_police_are_its_countrys(processor):
    assert _sources(processor, "British Columbia police arrested two men in Vancouver.") == {"CAN"}
    assert _sources(processor, "New Mexico police arrested a man in Santa Fe.") == {"USA"}


def test_the_country_alone_is_still_the_country(processor):
    text = "The Jersey government criticised France over fishing rights in May 2021."
    assert _sources(processor, text) == {"JEY"}
