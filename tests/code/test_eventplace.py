"""Event place from the parse: the real model and gazetteer, sentences written for the test."""

from __future__ import annotations

import pytest

from eventwire.code.eventplace import attached_place, rank_place
from eventwire.records import Place
from eventwire.syntax import SentenceView


def _where(processor, text: str, verb: str, *, fallback: Place | None = None) -> Place | None:
    """The place the event place finder gives the first ``verb`` of ``text``."""
    from eventwire.nlp.convert import doc_to_sentences

    start = text.index(verb)
    sents = doc_to_sentences(processor.nlp(text), "t")
    ps = next(p for p in sents if p.sentence.start <= start < p.sentence.end)
    view = SentenceView(ps)
    tok = next(t for t in ps.tokens if t.idx == start)

    def place_fn(t: str, s: int, e: int) -> Place | None:
        return processor.places.resolve(t, char_start=s, char_end=e)

    return attached_place(view, tok, {tok.i}, place_fn, fallback=fallback)


def _span(text: str, place: Place | None) -> str | None:
    if place is None or place.char_start is None or place.char_end is None:
        return None
    return text[place.char_start : place.char_end]


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Gunmen killed three soldiers in Fallujah on Monday.", "killed", "Fallujah"),
        ("Protesters marched through central Kano on Friday.", "marched", "Kano"),
        ("Rebels captured the town of Gao after a day of fighting.", "captured", "Gao"),
        ("A bomb exploded at the Niamey airport on Sunday.", "exploded", "Niamey"),
        ("Soldiers were killed in the town of Menaka, officials said.", "killed", "Menaka"),
    ],
)
def test_the_attached_place_is_the_toponym_span(processor, text, verb, expected):
    assert _span(text, _where(processor, text, verb)) == expected


def test_lowercase_designator_is_not_part_of_the_span(processor):
    text = "A grenade exploded in the Agadez region on Thursday."
    place = _where(processor, text, "exploded")
    assert _span(text, place) == "Agadez"


def test_the_city_beats_its_country_container(processor):
    text = "Thousands demonstrated in the Niger capital Niamey on Sunday."
    place = _where(processor, text, "demonstrated")
    assert _span(text, place) == "Niamey"
    assert place is not None and place.precision == "city"


def test_a_country_doing_something_is_an_actor_not_a_place(processor):
    text = "Mali condemned the attack on Tuesday."
    assert _where(processor, text, "condemned") is None


def test_no_place_in_the_sentence_gives_none(processor):
    text = "The minister said the talks were useful."
    assert _where(processor, text, "said") is None


def test_a_nationality_is_not_a_place(processor):
    text = "Three fighters were killed in a U.S. airstrike."
    assert _where(processor, text, "killed") is None


def test_unknown_village_takes_its_container_coordinates(processor):
    text = "Soldiers liberated the village of Zzyzxabad in Borno state on Monday."
    place = _where(processor, text, "liberated")
    assert _span(text, place) == "Zzyzxabad"
    assert place is not None
    assert (place.country, place.precision) == ("NGA", "admin1")
    assert place.lat is not None and place.geonameid is None


def test_a_village_named_beside_a_town_s_countryside_is_the_place(processor):
    text = "Two rebels died in the village of Umm Kharaz in the countryside of Manbij."
    place = _where(processor, text, "died")
    assert _span(text, place) == "Umm Kharaz"
    assert place is not None and place.country == "SYR"  # at Manbij, which contains it


def test_villages_before_a_comma_and_their_town_s_suburbs_are_the_place(processor):
    text = (
        "Three soldiers were killed in clashes in the villages of Tal Jihan and Umm Kharaz, in "
        "Qamishli's western suburbs."
    )
    place = _where(processor, text, "killed")
    assert _span(text, place) == "Tal Jihan"
    assert place is not None and place.country == "SYR" and place.lat is not None


def test_unknown_place_without_container_takes_the_fallback(processor):
    text = "Fighters attacked the village of Zzyzxabad on Monday."
    fallback = processor.places.country_place("NER")
    place = _where(processor, text, "attacked", fallback=fallback)
    assert _span(text, place) == "Zzyzxabad"
    assert place is not None and (place.country, place.precision) == ("NER", "country")
    bare = _where(processor, text, "attacked")
    assert bare is not None and bare.lat is None and bare.precision == "region"


def test_rank_zero_only_for_places_the_parse_attaches(processor):
    from eventwire.nlp.convert import doc_to_sentences

    text = "In Mopti, police arrested a man who had travelled to Bamako."
    ps = doc_to_sentences(processor.nlp(text), "t")[0]
    view = SentenceView(ps)
    tok = next(t for t in ps.tokens if t.text == "arrested")

    def place_fn(t: str, s: int, e: int) -> Place | None:
        return processor.places.resolve(t, char_start=s, char_end=e)

    ranked = rank_place(view, tok, {tok.i}, place_fn)
    assert ranked is not None
    rank, place = ranked
    assert rank == 0 and place.name == "Mopti"


def test_part_of_an_organisation_name_is_not_a_place(processor):
    res = processor.process_text(
        "Mali, Burkina Faso and Niger formed the Alliance of Sahel States in Bamako in September."
    )
    names = {e.place.name for e in res.events if e.place}
    assert "Alliance" not in names and "Bamako" in names


def test_a_known_organisation_is_not_a_town(processor):
    res = processor.process_text("Israel said it would destroy Hamas in Gaza.")
    assert all(e.place is None or e.place.country != "DEU" for e in res.events)


def test_a_country_visited_is_where_the_visit_happens(processor):
    # the visited country is the target and the place; the article's other country is neither
    text = "Beijing suspended military contacts after Nancy Pelosi visited Taiwan in August 2022."
    ev = next(
        e
        for e in processor.process_text(text, published="2022-08-10").events
        if e.trigger.text == "visited"
    )
    assert [a.country for a in ev.target] == ["TWN"]
    assert ev.place is not None and ev.place.country == "TWN" and not ev.place.inferred


def test_where_a_coordinated_act_points_is_not_where_the_first_happened(processor):
    # "turned to Russia" is the direction of the second act, not the place of the expulsion
    text = (
        "Burkina Faso's junta expelled French troops last year and has turned to Russia "
        "for military support."
    )
    ev = next(
        e
        for e in processor.process_text(text, published="2024-01-10").events
        if e.trigger.text == "expelled"
    )
    assert ev.place is None or ev.place.country != "RUS"


def _event_place(processor, text: str, trigger: str, published: str) -> Place | None:
    result = processor.process_text(text, published=published)
    return next(e.place for e in result.events if e.trigger.text == trigger)


def test_an_event_with_no_place_is_put_in_its_actors_country_not_the_focus(processor):
    # an article about Germany: the Kenyan arrest names no place, and Kenya, not Germany,
    # is where its actors say it happened (still only inferred, at country level)
    text = (
        "Germany's foreign minister Annalena Baerbock spoke about Germany's policy in Berlin "
        "on Monday. German officials said Germany would send more aid to Africa. Kenyan police "
        "arrested three Kenyan activists on Tuesday, the officials said."
    )
    place = _event_place(processor, text, "arrested", "2023-05-03")
    assert place is not None and (place.country, place.precision, place.inferred) == (
        "KEN",
        "country",
        True,
    )


def test_the_parts_of_a_fight_between_two_states_share_one_place(processor):
    text = "Armenia and Azerbaijan fought over Nagorno-Karabakh in the autumn of 2020."
    result = processor.process_text(text, published="2020-11-12")
    fought = [e for e in result.events if e.trigger.text == "fought"]
    assert len(fought) == 2 and len({e.place for e in fought}) == 1


def test_the_topic_of_a_criticism_is_not_where_it_was_made(processor):
    # "over her policy on Syria", "of weakness on Iran": what the words are about
    text = "Donald Trump criticised Angela Merkel over her policy on Syria in 2018."
    place = _event_place(processor, text, "criticised", "2018-07-12")
    assert place is None or place.country != "SYR"
    text = "Joe Biden accused Donald Trump of weakness on Iran during a rally in Ohio in 2019."
    place = _event_place(processor, text, "accused", "2019-10-02")
    assert place is not None and place.name == "Ohio"


def test_a_town_named_in_the_country_is_the_place_not_the_country(processor):
    # the country comes from "a UK state visit"; the sentence names the town it happened in
    text = "Ruto addressed investors in Manchester during a two-day UK state visit."
    ev = next(e for e in processor.process_text(text, published="2018-05-15").events)
    assert ev.place is not None and ev.place.name == "Manchester"
    # two towns of the country: no telling which, the country stays
    text = "Ruto visited the UK, stopping in Leeds and Manchester."
    for ev in processor.process_text(text, published="2018-05-15").events:
        assert ev.place is None or ev.place.name in {"United Kingdom", "Leeds", "Manchester"}


def test_forces_are_withdrawn_from_abroad(processor):
    # an article about the United States: the withdrawal names no place of its own, and the
    # country the sentence names abroad is where the troops leave, not the United States
    text = (
        "Joe Biden spoke in Washington on Monday. American officials said Washington would "
        "keep its promises. A drone killed two American soldiers in eastern Iraq, weeks after "
        "Biden announced he was withdrawing American troops."
    )
    place = _event_place(processor, text, "withdrawing", "2021-08-02")
    assert place is not None and place.country == "IRQ"


def test_a_lede_takes_the_town_of_the_same_incident_told_next(processor):
    text = (
        "Gunmen killed four soldiers in northern Burkina Faso, days after the French "
        "withdrew their special forces. The soldiers were killed near the town of Djibo."
    )
    result = processor.process_text(text, published="2023-02-20")
    killed = next(e for e in result.events if e.trigger.text == "killed")
    assert killed.place is not None and killed.place.name == "Djibo"
    # the withdrawal the lede also tells is no part of the attack told next
    withdrew = [e for e in result.events if e.trigger.text == "withdrew"]
    assert all(e.place is None or e.place.name != "Djibo" for e in withdrew)


def test_an_attack_on_no_state_is_where_the_rebels_making_it_are_at_home(processor):
    # an article about France: rebels fighting jihadists, with no place said, fight at home
    text = (
        "France's president Emmanuel Macron spoke in Paris on Monday. French officials said "
        "France would send more aid to the Sahel. Tuareg rebels in Mali ambushed jihadists "
        "on Sunday, the officials said."
    )
    place = _event_place(processor, text, "ambushed", "2023-05-03")
    assert place is not None and (place.country, place.inferred) == ("MLI", True)


def test_a_unit_of_a_country_written_after_the_name_is_in_that_country(processor):
    # Kurdistan is also a province of Iran; "region of Iraq" says which
    text = "Angelina Jolie visited a camp in the Kurdistan region of Iraq in 2018."
    result = processor.process_text(text, published="2018-03-10")
    places = [e.place for e in result.events if e.place is not None]
    assert places and all(p.country == "IRQ" for p in places)


def test_a_word_in_lower_case_is_no_place_name(processor):
    # March is a town in England; "the march route" is a route
    text = (
        "Activists staged a sit-in along the march route in Philadelphia, demanding that the "
        "state flag be removed."
    )
    result = processor.process_text(text, published="2016-07-27")
    assert result.events and all(e.place and e.place.country == "USA" for e in result.events)
