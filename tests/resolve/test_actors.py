"""Actor phrases resolve to a country and a sector of the head noun."""

from __future__ import annotations

import pytest

from eventwire.resolve.actors import resolve_phrase


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("Russian military instructors", "RUS", "MIL"),
        ("French forces", "FRA", "MIL"),
        ("Niger's military government", "NER", "MIL"),
        ("head of Niger's military government", "NER", "MIL"),
        ("one of the Russian instructors", "RUS", "MIL"),
        ("Washington", "USA", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("Burkinabe soldiers", "BFA", "MIL"),
        ("Nigerien police", "NER", "COP"),
    ],
)
def test_phrase_resolves_country_and_sector(phrase, country, sector):
    actor = resolve_phrase(phrase, date="2024-04-12")
    assert actor is not None
    assert (actor.country, actor.sector) == (country, sector)


def test_modifier_alone_does_not_give_a_sector():
    actor = resolve_phrase("Russian transport plane")
    assert actor is not None and actor.country == "RUS" and actor.sector is None


def test_known_person_resolves_by_office_on_the_date():
    actor = resolve_phrase("Vladimir Putin", date="2024-04-12")
    assert actor is not None
    assert (actor.country, actor.sector, actor.name) == ("RUS", "GOV", "Vladimir Putin")


def test_title_before_an_unknown_name_gives_the_sector():
    actor = resolve_phrase("Malian Foreign Minister Jane Doe-Example")
    assert actor is not None and (actor.country, actor.sector) == ("MLI", "GOV")


def test_phrase_with_nothing_known_is_unresolved():
    assert resolve_phrase("a cat named Frank") is None
