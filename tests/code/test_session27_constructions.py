"""Constructions of news English added in session 27: acts undergone "under" something, the
capture of a place, "in case" clauses.

Each sentence is our own, about real places and events, and states the fact of English the
rule encodes.
"""

from __future__ import annotations

from functools import partial

from code_sentences import by_trigger, events

_by_trigger = partial(by_trigger, published="2018-01-25")
_events = partial(events, published="2018-01-25")


def _sides(ev):
    return [a.country for a in ev.source], [a.country for a in ev.target]


def test_who_comes_under_an_attack_undergoes_it(processor):
    text = "Kurdish fighters in Afrin came under heavy shelling from the Turkish army."
    ev = _by_trigger(processor, text, "shelling")
    assert ev.plover.type == "ASSAULT" and _sides(ev) == (["TUR"], ["SYR"])
    text = "The former minister is under investigation by prosecutors in Dakar."
    ev = _by_trigger(processor, text, "investigation")
    assert _sides(ev) == (["SEN"], ["SEN"]) and ev.target[0].text.endswith("minister")


def test_under_a_deal_names_a_framework_not_an_act_undergone(processor):
    text = "Under the deal with Ankara, Greece returned migrants to Turkey."
    assert all(e.trigger.text != "deal" for e in _events(processor, text))


def test_the_capture_of_a_place_is_a_military_takeover_not_an_arrest(processor):
    ev = _by_trigger(processor, "The capture of Mosul by Iraqi forces ended the siege.", "capture")
    assert ev.cameo.code == "192" and _sides(ev) == (["IRQ"], ["IRQ"])
    text = "The capture of two British fighters by Kurdish forces was confirmed on Friday."
    assert all(e.cameo.code != "192" for e in _events(processor, text))


def test_what_is_guarded_against_in_case_it_happens_has_not_happened(processor):
    text = "Villagers near Idlib hid their phones in case the militants raided their homes."
    ev = _by_trigger(processor, text, "raided")
    assert ev.modality == "hypothetical"
    text = "In any case, Turkish jets bombed Kurdish positions in Afrin on Monday."
    assert _by_trigger(processor, text, "bombed").modality == "asserted"
    text = "Judges in Strasbourg backed Poland in one such case in March."
    assert _by_trigger(processor, text, "backed").modality == "asserted"


def test_a_part_of_a_country_named_with_a_possessive_is_a_place(processor):
    text = "Kenyan troops pushed the militants to Somalia's southern fringe in 2012."
    ev = _by_trigger(processor, text, "pushed")
    assert ev.plover.type == "ASSAULT" and _sides(ev)[0] == ["KEN"]
