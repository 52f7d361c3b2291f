"""Common constructions of news English that coded nothing or the wrong thing (session 25).

Each sentence is our own, about real places and events, and states the fact of English or of
the world the pattern or rule encodes.
"""

from __future__ import annotations

from functools import partial

from code_sentences import by_trigger, events

_by_trigger = partial(by_trigger, published="2019-05-02")
_events = partial(events, published="2019-05-02")


def _sides(ev):
    return [a.country for a in ev.source], [a.country for a in ev.target]


def test_tear_gas_fired_at_protesters_is_violent_repression(processor):
    ev = _by_trigger(processor, "Police fired tear gas at protesters in Nairobi.", "fired")
    assert ev.cameo.code == "175" and _sides(ev) == (["KEN"], ["KEN"])


def test_control_taken_from_someone_is_taken_by_force(processor):
    ev = _by_trigger(processor, "The army regained control of Kidal from the rebels.", "regained")
    assert ev.cameo.code == "192" and [a.sector for a in ev.target] == ["REB"]


def test_a_resolution_blocked_is_vetoed(processor):
    text = "Russia and China blocked a UN resolution on Myanmar."
    ev = _by_trigger(processor, text, "blocked")
    assert ev.plover.type == "REJECT" and set(_sides(ev)[0]) == {"RUS", "CHN"}


def test_a_loan_approved_for_a_state_is_aid(processor):
    text = "The World Bank approved a $500 million loan to Ghana."
    ev = _by_trigger(processor, text, "approved")
    assert ev.plover.type == "AID" and _sides(ev)[1] == ["GHA"]


def test_an_internet_shutdown_restricts_freedoms(processor):
    text = "Authorities shut down the internet in the Tigray region."
    ev = _by_trigger(processor, text, "shut down")
    assert ev.cameo.code == "1721" and _sides(ev)[1] == ["ETH"]


def test_relations_restored_by_two_states_are_each_ones(processor):
    text = "Ethiopia and Eritrea restored diplomatic relations in 2018."
    pairs = {
        tuple(map(tuple, _sides(e))) for e in _events(processor, text) if e.cameo.code == "054"
    }
    assert pairs == {(("ETH",), ("ERI",)), (("ERI",), ("ETH",))}


def test_a_mediator_works_between_the_parties(processor):
    text = "Qatar mediated talks between the United States and Iran."
    ev = _by_trigger(processor, text, "mediated")
    assert _sides(ev) == (["QAT"], ["USA", "IRN"])


def test_a_raid_on_a_bodys_offices_targets_the_body_and_a_police_raid_coerces(processor):
    text = "Police raided the offices of the opposition party in Harare."
    ev = _by_trigger(processor, text, "raided")
    assert ev.plover.type == "COERCE" and [a.sector for a in ev.target] == ["OPP"]
    text = "Soldiers stormed the home of the opposition leader in Kampala."
    ev = _by_trigger(processor, text, "stormed")
    assert ev.plover.type == "ASSAULT" and [a.sector for a in ev.target] == ["OPP"]


def test_a_weapons_test_is_a_show_of_force_not_an_attack(processor):
    for text in (
        "Pakistan test-fired a ballistic missile.",
        "North Korea fired two missiles into the sea in a test.",
    ):
        ev = _by_trigger(processor, text, "fired")
        assert ev.plover.type == "MOBILIZE" and ev.target == (), text
    ev = _by_trigger(processor, "Hamas fired rockets at Israel.", "fired")
    assert ev.plover.type == "ASSAULT"


def test_meeting_opposition_leaders_is_a_meeting_meeting_opposition_is_not(processor):
    # a word the object must not be ("opposition": resistance met) is the object's head, not a
    # word before it
    ev = _by_trigger(processor, "The UN envoy met opposition leaders in Geneva.", "met")
    assert ev.plover.type == "CONSULT" and [a.sector for a in ev.target] == ["OPP"]
    assert _events(processor, "The plan was met with opposition from Congress.") == []


def test_arms_exports_suspended_are_military_aid_stopped(processor):
    text = "Germany suspended arms exports to Saudi Arabia in 2018."
    ev = _by_trigger(processor, text, "suspended")
    assert ev.cameo.code == "1622" and _sides(ev) == (["DEU"], ["SAU"])


def test_military_advisers_sent_are_military_aid(processor):
    ev = _by_trigger(processor, "Iran sent military advisers to Syria.", "sent")
    assert ev.plover.type == "AID" and _sides(ev) == (["IRN"], ["SYR"])


def test_a_town_handed_over_is_a_military_retreat_to_whom_it_goes(processor):
    text = "The rebels handed over the town of Bunagana to the Congolese army."
    ev = _by_trigger(processor, text, "handed over")
    assert ev.plover.type == "RETREAT" and [a.sector for a in ev.target] == ["MIL"]


def test_people_counted_alone_are_people(processor):
    # "thousands" with no "of" is the people counted; "thousands of troops" are troops
    ev = _by_trigger(processor, "Thousands marched in Khartoum to demand civilian rule.", "marched")
    assert [(a.country, a.sector) for a in ev.source] == [("SDN", "CVL")]
    ev = _by_trigger(processor, "Thousands of Turkish troops attacked Afrin.", "attacked")
    assert [(a.country, a.sector) for a in ev.source] == [("TUR", "MIL")]


def test_two_parties_agreeing_with_no_one_else_named_agree_with_each_other(processor):
    text = "Britain and France agreed to share intelligence on jihadists."
    pairs = {(e.source[0].country, e.target[0].country) for e in _events(processor, text)}
    assert pairs == {("GBR", "FRA"), ("FRA", "GBR")}
    # with a third party named, it is theirs
    ev = _by_trigger(processor, "Russia and China pledged support for Iran.", "pledged")
    assert _sides(ev)[1] == ["IRN"]


def test_a_treaty_named_after_a_city_is_neither_actor_nor_place(processor):
    # "the Paris climate agreement": a modifier between the city and the treaty noun changes
    # nothing; the city is where the treaty was signed, not a party nor where this happened
    ev = _by_trigger(processor, "The US withdrew from the Paris climate agreement.", "withdrew")
    assert "FRA" not in _sides(ev)[1]
    assert ev.place is None or ev.place.name != "Paris"


def test_a_pastor_or_an_activist_freed_is_released(processor):
    text = "Turkey freed the American pastor after two years in detention."
    ev = _by_trigger(processor, text, "freed")
    assert ev.plover.type == "RETREAT" and _sides(ev) == (["TUR"], ["USA"])


def test_talks_ruled_out_are_refused_to_the_other_side(processor):
    text = "Iran's supreme leader ruled out talks with the United States."
    ev = _by_trigger(processor, text, "ruled out")
    assert ev.plover.type == "REJECT" and _sides(ev) == (["IRN"], ["USA"])


def test_blame_attributed_without_a_verb_of_accusing_is_an_accusation(processor):
    ev = _by_trigger(
        processor, "Moscow said Washington was responsible for the escalation.", "responsible"
    )
    assert ev.plover.type == "ACCUSE" and _sides(ev) == (["RUS"], ["USA"])
    ev = _by_trigger(processor, "Kenya held al-Shabaab responsible for the attack.", "held")
    assert ev.plover.type == "ACCUSE" and _sides(ev) == (["KEN"], ["SOM"])
    text = "Ankara considers the YPG a terrorist organisation."
    ev = _by_trigger(processor, text, "considers")
    assert ev.plover.type == "ACCUSE" and _sides(ev) == (["TUR"], ["SYR"])
    # a duty is no blame, and a denial accuses no one
    for text in (
        "The minister said the police were responsible for security at the stadium.",
        "Iran said it was not responsible for the attack.",
    ):
        assert all(e.plover.type != "ACCUSE" for e in _events(processor, text)), text


def test_a_crackdown_told_with_a_verb_is_repression(processor):
    text = "Ethiopian authorities cracked down on opposition supporters in Addis Ababa."
    ev = _by_trigger(processor, text, "cracked down")
    assert ev.cameo.code == "175" and _sides(ev) == (["ETH"], ["ETH"])


def test_a_deal_struck_is_no_blow(processor):
    evs = _events(processor, "Iran struck a deal with world powers in 2015.")
    assert all(e.plover.type != "ASSAULT" for e in evs)
    ev = _by_trigger(processor, "Militants struck a police post near Gao.", "struck")
    assert ev.plover.type == "ASSAULT"


def test_an_envoy_recalled_from_a_post_is_recalled_from_that_state(processor):
    ev = _by_trigger(processor, "South Africa recalled its ambassador to Israel.", "recalled")
    assert ev.plover.type == "SANCTION" and _sides(ev) == (["ZAF"], ["ISR"])


def test_a_town_that_falls_to_someone_is_taken_by_them(processor):
    ev = _by_trigger(processor, "The town of Kidal fell to the army in November 2023.", "fell")
    assert ev.cameo.code == "192" and [a.sector for a in ev.source] == ["MIL"]
    assert _events(processor, "The dollar fell to a record low.") == []


def test_fire_exchanged_and_an_advance_on_a_town_are_fighting(processor):
    text = "Indian and Pakistani troops exchanged fire along the Line of Control."
    pairs = {(e.source[0].country, e.target[0].country) for e in _events(processor, text)}
    assert pairs == {("IND", "PAK"), ("PAK", "IND")}
    ev = _by_trigger(processor, "Russian forces advanced on Bakhmut in 2023.", "advanced")
    assert _sides(ev) == (["RUS"], ["UKR"])
    ev = _by_trigger(processor, "Rebels laid siege to the city of El Fasher.", "siege")
    assert _sides(ev)[1] == ["SDN"]


def test_two_parties_of_one_country_sign_with_each_other(processor):
    text = "The government and the rebels signed a peace deal in Juba."
    sides = {(e.source[0].sector, e.target[0].sector) for e in _events(processor, text)}
    assert sides == {("GOV", "REB"), ("REB", "GOV")}


def test_economic_measures_against_a_state_sanction_it(processor):
    for text, trigger, target in (
        ("The United States imposed tariffs on Chinese steel in 2018.", "imposed", "CHN"),
        ("Britain froze the assets of five Russian businessmen in 2022.", "froze", "RUS"),
        ("India banned imports of Chinese apps in 2020.", "banned", "CHN"),
    ):
        ev = _by_trigger(processor, text, trigger)
        assert ev.cameo.code == "163" and _sides(ev)[1] == [target], text


def test_entry_denied_to_people_is_refused_to_them(processor):
    ev = _by_trigger(processor, "Israel denied entry to two US congresswomen.", "denied")
    assert ev.plover.type == "REJECT" and _sides(ev) == (["ISR"], ["USA"])


def test_an_embassy_closed_or_reopened_in_a_capital_concerns_that_state(processor):
    ev = _by_trigger(processor, "Canada closed its embassy in Tehran in 2012.", "closed")
    assert ev.cameo.code == "161" and _sides(ev) == (["CAN"], ["IRN"])
    ev = _by_trigger(processor, "The UAE reopened its embassy in Damascus in 2018.", "reopened")
    assert ev.cameo.code == "054" and _sides(ev) == (["ARE"], ["SYR"])


def test_money_pledged_to_a_state_is_aid_promised_and_an_invited_visit_is_not_made(processor):
    ev = _by_trigger(processor, "Germany pledged 500 million euros to Ukraine.", "pledged")
    assert ev.plover.type == "AGREE" and _sides(ev) == (["DEU"], ["UKR"])
    ev = _by_trigger(processor, "Macron invited Zelensky to visit Paris.", "visit")
    assert ev.modality != "asserted"


def test_unrest_and_coups_told_with_common_phrases(processor):
    text = "Thousands of people took to the streets of Khartoum on Thursday."
    assert _by_trigger(processor, text, "took").plover.type == "PROTEST"
    text = "Rioters set fire to police stations in Nairobi."
    ev = _by_trigger(processor, text, "set")
    assert ev.cameo.code == "1712" and [a.sector for a in ev.target] == ["COP"]
    text = "Security forces fired live rounds at demonstrators in Conakry."
    assert _by_trigger(processor, text, "fired").cameo.code == "175"
    text = "Soldiers seized power in Gabon in August 2023."
    assert _by_trigger(processor, text, "seized").cameo.code == "170"
    text = "Kenya's electoral commission disqualified the main opposition candidate."
    ev = _by_trigger(processor, text, "disqualified")
    assert [(a.country, a.sector) for a in ev.source] == [("KEN", "GOV")]


def test_a_protest_to_a_state_is_a_formal_complaint_and_a_ship_sunk_is_attacked(processor):
    text = "Vietnam protested to China over the seizure of its fishing boats."
    ev = _by_trigger(processor, text, "protested", published="2005-05-01")
    assert ev.cameo.code == "114" and _sides(ev) == (["VNM"], ["CHN"])
    text = "The Sri Lankan navy sank two Tamil Tiger boats off the northeast coast."
    ev = _by_trigger(processor, text, "sank", published="2005-05-01")
    assert ev.plover.type == "ASSAULT" and _sides(ev) == (["LKA"], ["LKA"])
    assert [a.sector for a in ev.target] == ["REB"]


def test_goods_in_the_singular_are_not_a_company(processor):
    # "food" was read as the plural company word "Foods" and made the target of an airlift
    ev = _by_trigger(processor, "The UN airlifted food to refugees in southern Sudan.", "airlifted")
    assert all(a.sector != "BUS" for a in ev.target)


def test_legal_and_parliamentary_steps_against_someone_are_accusations(processor):
    text = "The Ugandan parliament impeached the vice president in 2021."
    assert _by_trigger(processor, text, "impeached").plover.type == "ACCUSE"
    text = "The Senate committee subpoenaed the attorney general."
    assert _by_trigger(processor, text, "subpoenaed").plover.type == "ACCUSE"
    text = "Residents of Flint filed a lawsuit against the state of Michigan."
    ev = _by_trigger(processor, text, "filed")
    assert ev.cameo.code == "115" and _sides(ev)[1] == ["USA"]


def test_who_names_an_act_a_coup_did_not_make_it(processor):
    # the demo coded "the United States formally designated the takeover a coup" as a US coup
    text = "Britain labelled the takeover in Gabon a coup on Thursday."
    evs = _events(processor, text, published="2023-09-01")
    assert evs  # the coup itself is still coded, with no British author
    for ev in evs:
        assert "GBR" not in [a.country for a in ev.source], ev.trigger.text


def test_part_of_an_aid_cut_to_a_state_is_cut_to_that_state(processor):
    text = "The EU suspended most of its assistance to Mali in 2021."
    ev = _by_trigger(processor, text, "suspended", published="2023-09-01")
    assert ev.plover.type == "SANCTION" and _sides(ev) == (["EUR"], ["MLI"])


def test_an_act_someone_is_accused_of_planning_is_not_done(processor):
    # the demo counted "the junta accused France of planning to intervene militarily" as a
    # French intervention, claimed
    text = "Niger's junta accused France of planning to intervene militarily in Niger."
    ev = _by_trigger(processor, text, "intervene", published="2023-08-01")
    assert ev.modality == "hypothetical"
    text = "Kenya accused al-Shabaab of attacking a bus in Lamu."
    assert _by_trigger(processor, text, "attacking").modality == "claimed"
