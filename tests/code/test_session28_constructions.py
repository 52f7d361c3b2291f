"""Names and constructions of news English added in session 28: ministries named by their
building or short name, words coordinated inside a name.

Each sentence is our own, about real bodies and events, and states the fact the rule encodes.
"""

from __future__ import annotations

from functools import partial

from code_sentences import by_trigger, events

from eventwire.resolve.actors import resolve_phrase

_by_trigger = partial(by_trigger, published="2022-03-10")
_events = partial(events, published="2022-03-10")


def _sides(ev):
    return [a.country for a in ev.source], [a.country for a in ev.target]


def test_the_foreign_office_is_britains_foreign_ministry():
    # in the English-language press "the Foreign Office" alone is the British one
    assert resolve_phrase("the Foreign Office").country == "GBR"


def test_a_nationality_before_a_ministrys_name_says_whose_it_is():
    # "the German Foreign Office" is Germany's, though "Foreign Office" alone is Britain's
    assert resolve_phrase("the German Foreign Office").country == "DEU"
    assert resolve_phrase("the Russian State Department").country == "RUS"
    # a capital in a phrase still names its country ("Moscow officials")
    assert resolve_phrase("Moscow officials").country == "RUS"


def test_a_name_written_with_commas_is_still_the_name():
    actor = resolve_phrase("the Foreign, Commonwealth and Development Office")
    assert actor.country == "GBR" and actor.sector == "GOV"


def test_words_coordinated_inside_a_name_are_no_list_of_countries(processor):
    text = "The Foreign and Commonwealth Office summoned the Russian ambassador."
    ev = _by_trigger(processor, text, "summoned")
    assert _sides(ev) == (["GBR"], ["RUS"])
    # nationalities coordinated before one noun are still one actor each
    text = "Indian and Chinese commanders met in Ladakh on Monday."
    ev = _by_trigger(processor, text, "met")
    assert {a.country for a in (*ev.source, *ev.target)} == {"IND", "CHN"}


def test_a_peoples_name_before_its_own_groups_name_qualifies_it():
    # the Kurds live where the YPG fights: "Kurdish" says whose militia it is
    actor = resolve_phrase("the Kurdish People's Protection Units")
    assert (actor.country, actor.sector) == ("SYR", "REB")
    assert resolve_phrase("the Kurdish YPG").kb_id == "org:ypg"
    # before the name of a party elsewhere it makes another, longer name
    actor = resolve_phrase("the Kurdish Democratic Party")
    assert actor is None or actor.country != "USA"


def test_a_nationality_closing_a_persons_name_is_a_family_name():
    # "Toby French" is a man called French, not a Frenchman
    assert resolve_phrase("Toby French") is None
    # a people in the plural is still a people, capitalised first word or not
    assert resolve_phrase("Young Algerians").country == "DZA"
    # a known person keeps the KB's identity
    assert resolve_phrase("Bill English").country == "NZL"


def test_an_object_pushed_after_an_as_phrase_is_still_the_object(processor):
    # heavy noun phrase shift: what was denounced comes after "as a crime"
    text = "Ukraine denounced as a crime Russia's blockade of the Black Sea ports."
    ev = _by_trigger(processor, text, "denounced")
    assert _sides(ev) == (["UKR"], ["RUS"])


def test_a_call_made_to_congratulate_is_the_callers_act_and_happened(processor):
    # "call" with no "on" and an infinitive of what one does on the phone: a phone call
    text = "Biden called Olaf Scholz to congratulate him on the election result."
    ev = _by_trigger(processor, text, "congratulate", published="2021-09-28")
    assert ev.modality == "asserted" and _sides(ev) == (["USA"], ["DEU"])
    # "called on" someone to act is still a request of them
    text = "Biden called on Olaf Scholz to congratulate the winners."
    ev = _by_trigger(processor, text, "called", published="2021-09-28")
    assert ev.plover.type == "REQUEST" and _sides(ev) == (["USA"], ["DEU"])


def test_what_an_attack_hits_is_its_target(processor):
    text = "A Turkish attack hit a Kurdish village near Afrin."
    ev = _by_trigger(processor, text, "attack")
    assert _sides(ev) == (["TUR"], ["SYR"])
    # a town the attack pounds is the country attacked
    text = "The Russian bombardment pounded Idlib for weeks."
    ev = _by_trigger(processor, text, "bombardment", published="2019-06-01")
    assert _sides(ev) == (["RUS"], ["SYR"])
    # an attack that only moves someone reaches no one
    text = "The Turkish attack on the convoy shocked the French government."
    ev = _by_trigger(processor, text, "attack")
    assert "FRA" not in [a.country for a in ev.target]


def test_seizing_a_town_is_taking_territory_from_whoever_held_it(processor):
    text = "Ethiopian troops seized two towns from Tigrayan forces in 2021."
    ev = _by_trigger(processor, text, "seized")
    assert ev.cameo.code == "192" and ev.target[0].text == "Tigrayan forces"
    # seizing goods stays a seizure of property
    text = "Police seized the opposition newspaper's printing presses in Harare."
    assert _by_trigger(processor, text, "seized").cameo.code == "171"


def test_a_relative_clause_acts_on_the_noun_it_modifies(processor):
    # the object of "seized" is "the towns", whether "that" is written or left out
    for text in (
        "These are the towns that Ethiopian troops seized from Tigrayan forces in 2021.",
        "He visited the towns the Ethiopian army seized from Tigrayan forces in 2021.",
    ):
        assert _by_trigger(processor, text, "seized").cameo.code == "192"


def test_ousting_fighters_from_a_place_is_force(processor):
    text = "Kurdish fighters dislodged Isis from the town of Kobani in 2015."
    ev = _by_trigger(processor, text, "dislodged")
    assert ev.plover.type == "ASSAULT" and _sides(ev) == (["SYR"], ["IMG"])
    # ousted from an office is no fight
    text = "The board ousted the chief executive from the company in May."
    assert all(e.trigger.text != "ousted" for e in _events(processor, text))


def test_an_act_named_after_a_preposition_of_time_is_no_part_of_the_plan(processor):
    # "after the capture" dates the patrols; the capture itself happened
    text = (
        "The army said it would continue its patrols after the Malian capture of the town of Kidal."
    )
    ev = _by_trigger(processor, text, "capture", published="2023-12-01")
    assert ev.modality == "asserted" and ev.plover.type == "ASSAULT"
    # a light verb's own complement is still part of it ("continued with the attacks")
    text = "The rebels will continue with the attacks on Gao."
    assert _by_trigger(processor, text, "attacks").modality == "planned"


def test_a_gerund_after_a_preposition_is_done_by_the_clauses_subject(processor):
    text = "After meeting Putin in Moscow, Macron flew to Kyiv."
    ev = _by_trigger(processor, text, "meeting")
    assert _sides(ev) == (["FRA"], ["RUS"])
    # with an object that could be the doer, "in" is left alone
    text = "Russia helped Syria in defeating the rebels near Aleppo."
    assert all(
        [a.country for a in e.source] != ["RUS"]
        for e in _events(processor, text)
        if e.trigger.text == "defeating"
    )


def test_conflict_regions_and_english_names_of_provinces_are_places(processor):
    # regions the press names that GeoNames lists under other names or not at all
    for text, country in (
        ("Militias burned a village in Darfur on Monday.", "SDN"),
        ("Rebels attacked an army post in North Kivu on Monday.", "COD"),
        ("Soldiers clashed with separatist rebels in Casamance on Monday.", "SEN"),
        ("Nationalists bombed a police station in Corsica on Monday.", "FRA"),
    ):
        evs = _events(processor, text)
        assert evs and all(e.place is not None and e.place.country == country for e in evs)


def test_a_checkpoint_attacked_with_no_owner_named_is_the_countrys(processor):
    text = "Islamic State militants attacked a checkpoint near Raqqa on Monday."
    ev = _by_trigger(processor, text, "attacked", published="2017-03-01")
    assert _sides(ev) == (["IMG"], ["SYR"])


def test_taking_up_positions_is_a_deployment_not_a_capture(processor):
    text = "Malian troops took up positions around Kidal in November."
    ev = _by_trigger(processor, text, "took up", published="2023-12-01")
    assert ev.plover.type == "MOBILIZE"
    text = "Rebels took three army positions near Kidal on Monday."
    assert _by_trigger(processor, text, "took", published="2023-12-01").cameo.code == "192"


def test_a_possessive_pronoun_in_a_reported_clause_is_the_speakers(processor):
    text = "The Saudi-led coalition said its strikes killed 30 Houthi fighters."
    ev = _by_trigger(processor, text, "killed", published="2017-06-01")
    assert _sides(ev) == (["SAU"], ["YEM"])


def test_local_fighters_belong_where_their_sentence_is_set(processor):
    # the article names Syria only through a town: its militants are still Syria's, not
    # the country of the coalition that reports killing them
    text = (
        "The US-led coalition has carried out air strikes near Raqqa for months. "
        "The coalition said its strikes killed 30 militants."
    )
    evs = [
        e for e in _events(processor, text, published="2017-06-01") if e.trigger.text == "killed"
    ]
    assert evs and [a.country for a in evs[0].target] == ["SYR"]


def test_a_named_person_arrested_somewhere_is_taken_by_that_places_police(processor):
    text = "Maria Lopez was arrested on Friday at a bank in Houston."
    ev = _by_trigger(processor, text, "arrested", published="2018-03-01")
    assert _sides(ev) == (["USA"], ["USA"]) and ev.target[0].text == "Maria Lopez"
    # with no place stated there is no police to name
    text = "Maria Lopez was arrested on Friday."
    assert all(e.trigger.text != "arrested" for e in _events(processor, text))


def test_a_sector_word_opening_a_sentence_is_no_town(processor):
    # "Farmers" is also a small town in the gazetteer; opening a sentence it names people
    text = "Farmers marched in Delhi to demand higher prices from the government."
    ev = _by_trigger(processor, text, "marched", published="2024-07-01")
    assert [a.country for a in ev.source] == ["IND"]


def test_a_stance_said_of_a_subject_disapproves_of_the_act_it_is_about(processor):
    text = "Berlin is worried about Russia's military build-up near the Ukrainian border."
    ev = _by_trigger(processor, text, "worried", published="2021-12-01")
    assert ev.plover.type == "ACCUSE" and _sides(ev) == (["DEU"], ["RUS"])
    # before a noun the adjective is an attribute, and a worry about no one is no event
    for text in (
        "Concerned citizens protested in Paris on Sunday.",
        "Germany is worried about the situation in Syria.",
    ):
        assert all(e.plover.type != "ACCUSE" for e in _events(processor, text))


def test_a_feeling_told_in_the_passive_is_the_subjects(processor):
    # "was angered by X's act": the subject disapproves, the "by" phrase names the act
    text = "Germany was angered by Russia's expulsion of its diplomats."
    ev = _by_trigger(processor, text, "angered", published="2022-04-10")
    assert ev.plover.type == "ACCUSE" and _sides(ev) == (["DEU"], ["RUS"])
    # a participle as often literal keeps its ordinary passive and is no stance
    text = "The rebels were disturbed by the army during the night."
    assert all(e.plover.type != "ACCUSE" for e in _events(processor, text))
