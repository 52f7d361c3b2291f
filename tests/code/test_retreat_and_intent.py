"""Leaving a place is a retreat, and a nation named before a noun of intent is who intends.

Each sentence is our own, about real events, and states the fact of language the rule encodes.
"""

from __future__ import annotations

from code_sentences import by_trigger as _by_trigger
from code_sentences import events as _events


def test_withdrawing_from_a_town_is_a_retreat(processor):
    # the parser labels Kherson a person; a town is what one withdraws from
    ev = _by_trigger(processor, "Russia withdrew from Kherson in November 2022.", "withdrew")
    assert ev.plover.type == "RETREAT" and ev.cameo.code == "087"
    assert [a.country for a in ev.source] == ["RUS"]
    assert [a.country for a in ev.target] == ["UKR"]


def test_pulling_out_of_a_country_reads_through_out_of(processor):
    ev = _by_trigger(processor, "The Malian army pulled out of Tessalit in 2022.", "pulled")
    assert ev.cameo.code == "087"
    assert [a.country for a in ev.source] == ["MLI"]


def test_withdrawing_from_an_accord_is_not_a_retreat(processor):
    ev = _by_trigger(
        processor, "Washington withdrew from the Iran nuclear deal in 2018.", "withdrew"
    )
    assert ev.plover.type != "RETREAT"


def test_withdrawing_staff_from_a_country_is_no_troop_retreat(processor):
    # a direct object that is not a force: the act is about the staff, not a retreat
    text = "The United Nations withdrew its aid workers from Kabul in August 2021."
    assert all(
        e.cameo.code != "087" or e.pattern != "withdraw-place" for e in _events(processor, text)
    )


def test_a_nations_withdrawal_is_its_forces_retreat(processor):
    ev = _by_trigger(
        processor, "The French withdrawal from Mali ended in August 2022.", "withdrawal"
    )
    assert ev.plover.type == "RETREAT"
    assert [(a.country, a.sector) for a in ev.source] == [("FRA", "MIL")]
    assert [a.country for a in ev.target] == ["MLI"]


def test_a_withdrawal_of_support_is_no_retreat(processor):
    text = "The Danish withdrawal of support for the project came in May."
    assert all(e.plover.type != "RETREAT" for e in _events(processor, text))


def test_nationality_before_a_decision_is_who_decides(processor):
    text = "The American decision to impose sanctions on Iran angered Tehran in 2018."
    ev = _by_trigger(processor, text, "impose")
    assert [(a.country, a.sector) for a in ev.source] == [("USA", "GOV")]
    assert [a.country for a in ev.target] == ["IRN"]


def test_a_participle_after_the_noun_names_what_was_done_to_it(processor):
    # "officials accused of ...": the officials are accused, the nationality accuses nobody
    text = "Rwanda wants the French officers accused of aiding the killers to stand trial."
    for ev in _events(processor, text):
        if ev.trigger.text == "accused":
            assert "FRA" not in [a.country for a in ev.source]


def test_pushing_fighters_into_a_forest_is_force(processor):
    text = "Nigerian troops pushed Boko Haram fighters into the Sambisa forest in 2016."
    ev = _by_trigger(processor, text, "pushed")
    assert ev.plover.type == "ASSAULT"


def test_pushed_to_the_edge_of_a_desert_reads_the_place_through_edge(processor):
    text = "Colombian troops pushed the guerrillas to the edge of the jungle in 2008."
    assert _by_trigger(processor, text, "pushed").plover.type == "ASSAULT"


def test_pushed_towards_an_idea_is_no_force(processor):
    text = "Sanctions pushed Caracas towards closer ties with Beijing in 2019."
    assert all(e.plover.type != "ASSAULT" for e in _events(processor, text))


def test_pressing_a_government_to_open_a_market_is_pressure(processor):
    # "market" belongs to the act asked for, not to what is pressed
    ev = _by_trigger(processor, "Washington pressed Tokyo to open its rice market.", "pressed")
    assert ev.cameo.root == "10"
    assert [a.country for a in ev.target] == ["JPN"]


def test_pulling_out_a_military_is_a_retreat(processor):
    ev = _by_trigger(
        processor, "Russia pulled its troops out of Kherson in November 2022.", "pulled"
    )
    assert ev.cameo.code == "087"


def test_fighters_pushed_out_of_a_country_describes_them(processor):
    # a participle after the noun says what the fighters are, it reports no attack
    text = "Chad took in dozens of Sudanese soldiers pushed out of Darfur in 2023."
    assert all(e.pattern != "push-to-place" for e in _events(processor, text))


def test_pulling_out_with_nothing_named_is_a_retreat(processor):
    ev = _by_trigger(processor, "France will pull out by December.", "pull out")
    assert ev.plover.mode == "withdraw" or ev.cameo.code in {"087", "0356"}


def test_pulling_out_of_a_race_is_no_retreat(processor):
    text = "The senator pulled out of the race in March."
    assert all(e.cameo.code != "087" for e in _events(processor, text))


def test_a_decision_by_someone_to_act_is_theirs(processor):
    text = "Kyiv condemned the 2023 decision by Vladimir Putin to quit the Black Sea grain deal."
    ev = _by_trigger(processor, text, "quit")
    assert [a.country for a in ev.source] == ["RUS"]
    text = "Allies regretted the plan by Washington to withdraw from the Paris climate accord."
    ev = _by_trigger(processor, text, "withdraw")
    assert [a.country for a in ev.source] == ["USA"]


def test_what_led_someone_to_resign_is_not_who_resigned(processor):
    # "led X to resign": X resigns (object control), not the scandal
    ev = _by_trigger(processor, "The dispute prompted Jim Mattis to quit his post.", "quit")
    assert [a.country for a in ev.source] == ["USA"]


def test_a_convoy_leaving_a_country_is_a_retreat(processor):
    ev = _by_trigger(processor, "The last US convoy left Syria on Friday.", "left")
    assert ev.cameo.code == "087" and [a.country for a in ev.source] == ["USA"]


def test_fighters_pushed_out_of_a_town_are_not_pressed(processor):
    text = "Dozens of gunmen pushed out of Sirte regrouped in the desert."
    assert all(e.cameo.root != "10" for e in _events(processor, text))


def test_training_units_is_military_cooperation(processor):
    ev = _by_trigger(
        processor, "European instructors trained Malian battalions from 2013.", "trained"
    )
    assert ev.plover.type == "COOPERATE"
    assert [a.country for a in ev.target] == ["MLI"]


def test_a_reception_for_a_visitor_is_one_meeting(processor):
    text = (
        "Vietnam's president spoke at a reception for visiting Chinese leader Xi Jinping in Hanoi."
    )
    consults = [e for e in _events(processor, text) if e.cameo.root == "04"]
    assert len(consults) == 1
    assert [a.country for a in consults[0].source] == ["VNM"]
    assert [a.country for a in consults[0].target] == ["CHN"]


def test_the_troops_withdrawn_are_moved_the_country_left_is_the_target(processor):
    # the troops are what is moved (their own state's), the country they leave is acted on
    text = "In December 2018 Donald Trump announced he was withdrawing US troops from Syria."
    ev = _by_trigger(processor, text, "withdrawing", published="2018-12-20")
    assert [a.country for a in ev.target] == ["SYR"]
