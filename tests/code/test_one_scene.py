"""An attack and its toll in one sentence happen in one place; a town attacked is that place.

Each sentence is our own, about real events, and states the fact the rule encodes.
"""

from __future__ import annotations

from code_sentences import by_trigger as _by_trigger
from code_sentences import events as _events


def test_a_town_attacked_is_where_the_attack_happened(processor):
    ev = _by_trigger(
        processor, "The Russian missile attack on Kharkiv came at dawn.", "missile attack"
    )
    assert ev.place is not None and ev.place.country == "UKR" and not ev.place.inferred


def test_the_toll_of_an_attack_on_a_town_is_the_towns_people(processor):
    # the victims are not Russians because Russia is the only country the text names
    text = "A Russian missile attack on Kharkiv killed five people in January 2024."
    ev = _by_trigger(processor, text, "killed")
    assert [a.country for a in ev.target] == ["UKR"]
    assert ev.place is not None and ev.place.country == "UKR"


def test_a_named_town_shelled_is_the_target_country(processor):
    ev = _by_trigger(processor, "Turkey shelled Afrin in January 2018.", "shelled")
    assert [a.country for a in ev.target] == ["SYR"]


def test_a_missile_attack_on_a_town_is_aimed_at_its_country(processor):
    text = "The Russian missile attack on Kharkiv came at dawn."
    ev = _by_trigger(processor, text, "missile attack")
    assert [a.country for a in ev.target] == ["UKR"]
    assert [a.country for a in ev.source] == ["RUS"]


def test_a_retreat_happens_at_the_place_it_leaves(processor):
    ev = _by_trigger(processor, "Russia withdrew from Kherson in November 2022.", "withdrew")
    assert ev.place is not None and ev.place.country == "UKR" and not ev.place.inferred


def test_pushing_someone_to_a_place_is_not_pressure(processor):
    # pressure asks for an act ("pushed Tokyo to open"); a noun after "to" is a destination
    text = "Sanctions pushed Caracas towards the arms of Beijing in 2019."
    assert all(e.cameo.root != "10" for e in _events(processor, text))
