"""Who arrests and sentences when the text does not say: the authorities of where it happened.

Each sentence is our own, about real places, and states the fact the rule encodes: only a
state's police arrest and only its courts sentence.
"""

from __future__ import annotations

from code_sentences import by_trigger, events


def test_an_arrest_in_the_passive_was_made_by_the_police_of_the_place(processor):
    ev = by_trigger(processor, "A man was arrested in Leeds on Friday.", "arrested")
    assert [(a.country, a.sector, a.start) for a in ev.source] == [("GBR", "COP", -1)]
    assert [a.country for a in ev.target] == ["GBR"]  # a local man
    ev = by_trigger(processor, "Five Britons were arrested in Antalya on Friday.", "arrested")
    assert [(a.country, a.sector) for a in ev.source] == [("TUR", "COP")]
    assert [a.country for a in ev.target] == ["GBR"]  # they keep their own country


def test_a_sentence_is_passed_by_a_court(processor):
    ev = by_trigger(processor, "A man was sentenced to ten years in prison in Lagos.", "sentenced")
    assert [(a.country, a.sector) for a in ev.source] == [("NGA", "JUD")]


def test_an_agent_named_or_no_place_stated_leaves_the_source_to_the_text(processor):
    ev = by_trigger(processor, "A man was arrested by soldiers in Leeds on Friday.", "arrested")
    assert [a.sector for a in ev.source] == ["MIL"]
    # no place in the sentence: the article's country is no evidence of who arrested him
    for ev in events(processor, "A man was arrested on Friday."):
        assert ev.source == ()
    # an attack left unnamed stays unknown: anyone can attack
    ev = by_trigger(processor, "A man was attacked in Leeds on Friday.", "attacked")
    assert ev.source == ()


def test_people_deported_from_a_country_were_deported_by_its_government(processor):
    text = "Two Afghan men were deported from Germany on Friday."
    ev = next(e for e in processor.process_text(text, published="2024-05-10").events)
    assert ev.source and (ev.source[0].country, ev.source[0].sector) == ("DEU", "GOV")
    assert [a.country for a in ev.target] == ["AFG"]


def test_what_a_passive_subject_was_hit_with_is_aimed_at_it(processor):
    text = "Iran was hit with new US sanctions on Friday."
    ev = next(e for e in processor.process_text(text, published="2024-05-10").events)
    assert [a.country for a in ev.source] == ["USA"] and [a.country for a in ev.target] == ["IRN"]
