"""Roles that hold on running text: pronouns, idioms, attack nouns, no borrowed actors.

Each sentence is our own, about real places and people, and states the fact of language the
rule encodes.
"""

from __future__ import annotations

from code_sentences import by_trigger as _by_trigger
from code_sentences import countries as _countries
from code_sentences import events as _events


def test_he_is_the_person_named_last_before_it(processor):
    # a personal pronoun stands for the last person named, across sentences
    ev = _by_trigger(processor, "Macron arrived in Dakar on Monday. He met President Faye.", "met")
    assert _countries(ev.source) == ["FRA"] and ev.source[0].text == "He"
    assert ev.source[0].name  # the entity the pronoun stands for


def test_pronoun_in_a_later_clause_keeps_the_speaker(processor):
    text = (
        "Antony Blinken spoke in Cairo on Tuesday about the war in Gaza, as he urged Israel to "
        "let more aid in."
    )
    ev = _by_trigger(processor, text, "urged")
    assert _countries(ev.source) == ["USA"]


def test_no_actor_is_borrowed_from_another_event_in_the_sentence(processor):
    # the addressee of the appeal is no source of the appeal
    ev = _by_trigger(processor, "He urged both generals to accept a truce.", "urged")
    assert ev.source == () or all(a.text != "both generals" for a in ev.source)


def test_coming_to_someones_aid_helps_the_possessor(processor):
    ev = _by_trigger(processor, "Chad came to Niger's aid after the raid on Diffa.", "aid")
    assert (_countries(ev.source), _countries(ev.target)) == (["TCD"], ["NER"])


def test_the_author_of_an_attack_noun_is_the_source(processor):
    text = "A suicide bombing claimed by al-Shabaab killed five Kenyan police officers."
    ev = _by_trigger(processor, text, "killed")
    assert ev.source and ev.source[0].text == "al-Shabaab"
    assert _countries(ev.target) == ["KEN"]
    ev = _by_trigger(processor, "An Israeli air strike killed three Hezbollah fighters.", "killed")
    assert _countries(ev.source) == ["ISR"] and ev.source[0].sector == "MIL"


def test_nature_kills_no_one_politically(processor):
    assert not [e for e in _events(processor, "The storm killed ten people in Dhaka.")]
    assert not [e for e in _events(processor, "A cholera outbreak killed 40 people in Kasai.")]


def test_pushing_an_armed_group_back_is_fighting(processor):
    ev = _by_trigger(
        processor, "Al-Shabaab was pushed back by Somali troops near Baidoa.", "pushed"
    )
    assert ev.plover.type == "ASSAULT" and _countries(ev.source) == ["SOM"]
    # postponing is no fight, and pushing back against criticism names no one acted on
    assert not _events(processor, "The electoral commission pushed back the elections to March.")
    assert not [
        e
        for e in _events(processor, "The minister pushed back against criticism of the budget.")
        if e.plover.type in {"ASSAULT", "REQUEST"}
    ]


def test_a_vow_of_violence_is_a_threat(processor):
    ev = _by_trigger(processor, "The Burkinabe junta vowed to crush the insurgents.", "vowed")
    assert ev.plover.type == "THREATEN" and ev.cameo.root == "13"
    ev = _by_trigger(processor, "The rebels pledged to respect the ceasefire.", "pledged")
    assert ev.plover.type == "AGREE"


def test_an_attack_spoken_of_but_not_made_is_hypothetical(processor):
    ev = _by_trigger(
        processor, "Kurdish leaders fear a potential Turkish attack on Kobani.", "attack"
    )
    assert ev.modality == "hypothetical"
    # an attack prevented has not happened, and the one who prevents it did not make it
    for ev in _events(processor, "Kenya deployed troops to prevent an attack on Lamu."):
        if ev.trigger.text == "attack":
            assert ev.modality == "hypothetical" and "KEN" not in _countries(ev.source)
    ev = _by_trigger(processor, "The Turkish attack on Afrin began on Saturday.", "attack")
    assert ev.modality == "asserted"


def test_an_unidentified_attacker_takes_no_country_from_the_article(processor):
    text = "Kenyan police patrolled Mandera on Tuesday. A gunman attacked a market near the town."
    ev = _by_trigger(processor, text, "attacked")
    assert "KEN" not in _countries(ev.source)


def test_his_stands_for_the_person_named_before(processor):
    text = "Ruto met Museveni in Kampala. Ruto praised his new cooperation with Uganda."
    ev = _by_trigger(processor, text, "cooperation")
    assert (_countries(ev.source), _countries(ev.target)) == (["KEN"], ["UGA"])


def test_talks_between_two_states_run_both_ways(processor):
    text = "Talks between Ethiopia and Egypt on the dam ended without a deal."
    dyads = {
        (e.source[0].country, e.target[0].country)
        for e in _events(processor, text)
        if e.source and e.target
    }
    assert dyads == {("ETH", "EGY"), ("EGY", "ETH")}


def test_a_demand_that_someone_act_is_aimed_at_them(processor):
    text = "Washington's demand that Niger expel the Russian instructors went unanswered."
    ev = _by_trigger(processor, text, "demand")
    assert (_countries(ev.source), _countries(ev.target)) == (["USA"], ["NER"])


def test_generic_local_people_belong_to_the_place_of_the_event(processor):
    text = "President Biden spoke on Sunday. Police arrested two protesters in Paris."
    ev = _by_trigger(processor, text, "arrested")
    assert (_countries(ev.source), _countries(ev.target)) == (["FRA"], ["FRA"])


def test_the_victim_of_a_named_attack_is_its_target(processor):
    ev = _by_trigger(processor, "Two Malian soldiers died in an ambush near Gao.", "ambush")
    assert ev.source == () and _countries(ev.target) == ["MLI"]


def test_an_act_inside_a_noun_phrase_is_not_its_governors(processor):
    text = "Kenya's president paid tribute to the soldiers killed in Somalia."
    assert all(
        "president" not in a.text
        for e in _events(processor, text)
        if e.trigger.text == "killed"
        for a in e.source
    )


def test_his_soldiers_are_the_soldiers_of_the_person_named_before(processor):
    text = (
        "General Abdourahamane Tiani was named head of a new military government on Friday, "
        "two days after his soldiers detained President Mohamed Bazoum."
    )
    ev = _by_trigger(processor, text, "detained")
    assert (_countries(ev.source), _countries(ev.target)) == (["NER"], ["NER"])


def test_a_pronoun_prefers_the_last_sentences_subject(processor):
    text = (
        "Xi Jinping told Joe Biden that Taiwan was the most dangerous issue. "
        "He also urged Washington to stop arming Taiwan."
    )
    ev = _by_trigger(processor, text, "urged")
    assert (_countries(ev.source), _countries(ev.target)) == (["CHN"], ["USA"])


def test_a_clause_with_its_own_subject_borrows_no_actor(processor):
    text = "Beijing suspended military contacts after a US delegation visited Taipei."
    ev = _by_trigger(processor, text, "visited")
    assert "CHN" not in _countries(ev.source)


def test_an_event_called_possible_or_held_off_is_hypothetical(processor):
    for text, trigger in [
        (
            "Direct clashes between Kenyan and Somali troops are now a distinct possibility.",
            "clashes",
        ),
        ("He did not think a military clash with Ethiopia was likely.", "clash"),
        ("Ghana persuaded Togo to hold off from an attack on the rebels.", "attack"),
    ]:
        assert _by_trigger(processor, text, trigger).modality == "hypothetical", text
    ev = _by_trigger(processor, "Clashes between Kenyan and Somali troops broke out.", "Clashes")
    assert ev.modality == "asserted"


def test_an_attack_on_an_area_is_aimed_at_the_country_it_lies_in(processor):
    ev = _by_trigger(
        processor,
        "Burkina Faso resumed shelling a rebel enclave inside Mali on Tuesday.",
        "shelling",
    )
    assert (_countries(ev.source), _countries(ev.target)) == (["BFA"], ["MLI"])


def test_one_mention_keeps_one_identity_across_the_events_of_a_sentence(processor):
    text = (
        "The junta revoked the accord with the United States on March 16, and thousands of "
        "people marched in Niamey in April to demand the Americans' departure."
    )
    for ev in _events(processor, text):
        for a in (*ev.source, *ev.target):
            if a.text == "thousands of people":
                assert a.country == "NER", (ev.trigger.text, a)


def test_a_dateline_city_is_no_actor(processor):
    ev = _by_trigger(
        processor, "DOHA — Hamas released 24 hostages from Gaza on Friday.", "released"
    )
    assert [a.text for a in ev.source] == ["Hamas"]


def test_blue_helmets_are_un_peacekeepers(processor):
    text = "The military government demanded that the blue helmets leave Mali."
    ev = _by_trigger(processor, text, "demanded")
    assert _countries(ev.target) == ["UNO"]


def test_a_refusal_is_aimed_at_the_object_of_the_refused_act(processor):
    # with a control verb the event is the embedded act: its object is the target
    ev = _by_trigger(
        processor, "Sweden has refused to repatriate its citizens from Syria.", "refused"
    )
    assert (_countries(ev.source), _countries(ev.target)) == (["SWE"], ["SWE"])
    ev = _by_trigger(processor, "Denmark vowed to bring its own citizens to court.", "vowed")
    assert _countries(ev.target) == ["DNK"]


def test_an_embedded_object_that_says_nothing_of_its_side_is_no_target(processor):
    # "troops" alone would take a country from the context (here Mali, the wrong side)
    ev = _by_trigger(processor, "France agreed to send troops to Mali.", "agreed")
    assert "MLI" not in _countries(ev.target) or ev.target[0].text != "troops"


ATTACK_STORY = (
    "Al-Shabaab claimed responsibility for a bombing at a hotel in Mogadishu on Friday. "
    "At least 12 people were killed in the attack."
)


def test_a_toll_told_after_the_attack_has_the_attacks_author(processor):
    # news names an attack's author once; the toll that follows refers back to that attack
    ev = _by_trigger(processor, ATTACK_STORY, "killed")
    assert [a.text for a in ev.source] == ["Al-Shabaab"]
    # the actor keeps the offsets of the mention that names it, in the earlier sentence
    assert ATTACK_STORY[ev.source[0].start : ev.source[0].end] == "Al-Shabaab"
    assert ev.source[0].start < ev.evidence_start


def test_a_toll_is_not_given_an_author_when_two_attackers_were_named(processor):
    text = (
        "Al-Shabaab attacked a police post in Mogadishu on Friday. "
        "Kenyan jets bombed a camp near Kismayo on Saturday. "
        "At least 12 people were killed."
    )
    ev = _by_trigger(processor, text, "killed")
    assert ev.source == ()


def test_the_attackers_own_fighters_killed_are_not_its_victims(processor):
    text = (
        "Boko Haram fighters attacked an army base near Maiduguri on Sunday. "
        "Twenty Boko Haram fighters were killed."
    )
    ev = _by_trigger(processor, text, "killed")
    assert all(a.text != "Boko Haram fighters" for a in ev.source)


def test_what_a_speaker_says_another_actor_should_do_is_a_demand(processor):
    ev = _by_trigger(
        processor, "Obama tweeted on Friday that China should free the activists.", "should"
    )
    assert ev.plover.type == "REQUEST"
    assert (_countries(ev.source), _countries(ev.target)) == (["USA"], ["CHN"])
    # and the act asked for is not a plan of the one asked
    evs = _events(processor, "The minister said Japan should apologise to Korea.")
    assert all(e.modality != "planned" for e in evs if e.trigger.text == "apologise")


def test_calling_for_someone_to_act_is_a_request_to_them(processor):
    # the parser makes "for" the mark of a clause whose subject is the one asked
    text = "The Brazilian president called for the G7 members to cancel the debt."
    ev = _by_trigger(processor, text, "called")
    assert ev.plover.type == "REQUEST" and _countries(ev.source) == ["BRA"]
    assert ev.target and ev.target[0].text == "G7 members"


def test_the_subject_of_face_undergoes_the_act(processor):
    ev = _by_trigger(
        processor, "The Kenyan president faces criticism from the opposition.", "criticism"
    )
    assert _countries(ev.target) == ["KEN"] and ev.target[0].sector == "GOV"
    # the critic is the one named after "from", never the one who faces it
    assert [a.text for a in ev.source] == ["opposition"] and ev.source[0].sector == "OPP"


def test_the_pope_is_the_holy_see():
    from eventwire.resolve.actors import resolve_phrase

    for text in ("Pope Francis", "the Pope", "the pontiff"):
        actor = resolve_phrase(text, date="2020-03-01")
        assert actor is not None and actor.country == "VAT", text


def test_a_stateless_people_acts_in_the_state_the_text_places_it(processor):
    # Kurds live in four states: the one the sentence names, never the attacker's
    ev = _by_trigger(processor, "Turkish jets bombed Kurdish fighters in northern Iraq.", "bombed")
    assert _countries(ev.target) == ["IRQ"]
    ev = _by_trigger(
        processor, "Iranian artillery shelled Kurdish villages inside Iraq on Monday.", "shelled"
    )
    assert _countries(ev.target) == ["IRQ"]
    ev = _by_trigger(processor, "Tuareg rebels attacked an army post in Mali.", "attacked")
    assert _countries(ev.source) == ["MLI"]


def test_a_participle_describing_a_noun_reports_no_cooperation(processor):
    text = (
        "Last year, a Chadian officer working with the UN mission in northern Mali was shot "
        "dead by jihadists."
    )
    evs = _events(processor, text)
    assert [e.trigger.text for e in evs] == ["shot"]
    assert _countries(evs[0].target) == ["TCD"]


def test_whoever_a_clause_is_about_took_part_in_the_meeting_it_is_set_at(processor):
    text = (
        "The Kenyan president spoke to reporters ahead of a meeting in Nairobi with the Ugandan "
        "foreign minister."
    )
    ev = _by_trigger(processor, text, "meeting")
    assert (_countries(ev.source), _countries(ev.target)) == (["KEN"], ["UGA"])
    text = "The Nigerian president raised the issue at a meeting with Chinese officials."
    ev = _by_trigger(processor, text, "meeting")
    assert (_countries(ev.source), _countries(ev.target)) == (["NGA"], ["CHN"])


def test_a_report_set_at_a_meeting_is_not_a_participant(processor):
    # "reported" tells of the meeting; the agency did not take part in it
    text = "The Kenyan news agency reported during a meeting of Ugandan and Kenyan ministers."
    evs = [e for e in _events(processor, text) if e.trigger.text == "meeting"]
    assert all(a.text != "Kenyan news agency" for e in evs for a in e.source)


def test_what_is_given_names_its_giver_only_by_its_own_words(processor):
    # "Russian drones" are Russia's; "F-35 jets" say nothing of who sells them
    ev = _by_trigger(processor, "The delivery of Russian drones to Mali began in May.", "delivery")
    assert _countries(ev.source) == ["RUS"]
    text = "Egypt protested. Congress approved the sale of F-35 jets to Turkey on Monday."
    ev = _by_trigger(processor, text, "sale")
    assert all(a.text != "F-35 jets" for a in ev.source)


def test_a_thwarted_act_has_not_happened(processor):
    evs = _events(processor, "Kenyan police thwarted an attack on a church in Mombasa.")
    assert all(e.modality != "asserted" for e in evs if e.trigger.text == "attack")


def test_a_meeting_to_be_held_is_planned(processor):
    text = (
        "A meeting between Egypt, Sudan and Ethiopia to be held in Cairo next week was postponed."
    )
    evs = [e for e in _events(processor, text) if e.trigger.text == "meeting"]
    assert evs and all(e.modality == "planned" for e in evs)


def test_fighting_a_named_enemy_is_no_toll_of_an_earlier_attack(processor):
    text = (
        "Russian jets bombed a market in Idlib on Monday. "
        "Volunteers from Iraq joined the Kurdish units that spent years fighting Islamic State."
    )
    evs = [e for e in _events(processor, text) if e.trigger.text == "fighting"]
    assert all("RUS" not in _countries(e.source) for e in evs)


def test_a_speaker_at_a_meeting_took_part_in_it(processor):
    text = "The US president told reporters during a meeting with the emir of Kuwait."
    ev = _by_trigger(processor, text, "meeting")
    assert (_countries(ev.source), _countries(ev.target)) == (["USA"], ["KWT"])


def test_foreign_fighters_are_not_of_the_country_they_fight_in(processor):
    text = "Hundreds of foreign fighters have travelled to Syria to fight against Isis."
    ev = _by_trigger(processor, text, "fight")
    assert "SYR" not in _countries(ev.source)
    # a foreign minister is a country's own
    ev = _by_trigger(processor, "Kenya's foreign minister met Uganda's president.", "met")
    assert _countries(ev.source) == ["KEN"]


def test_its_in_an_infinitive_belongs_to_the_controlling_subject(processor):
    ev = _by_trigger(
        processor, "Denmark vowed on Friday to bring its foreign fighters to court.", "vowed"
    )
    assert _countries(ev.target) == ["DNK"]


def test_an_attack_noun_aimed_at_an_area_is_aimed_at_its_country(processor):
    ev = _by_trigger(
        processor,
        "The Israeli assault on the border enclave in Lebanon began on Saturday.",
        "assault",
    )
    assert (_countries(ev.source), _countries(ev.target)) == (["ISR"], ["LBN"])
    ev = _by_trigger(processor, "Turkey launched an incursion into Syria on Sunday.", "incursion")
    assert _countries(ev.target) == ["SYR"]


def test_demonstrating_something_is_no_protest(processor):
    text = "Putin met Sisi in Cairo, demonstrating Russia’s new clout in Egypt."
    assert all(e.plover.type != "PROTEST" for e in _events(processor, text))


def test_what_an_actor_can_do_has_not_happened(processor):
    text = "Assad knows he can bomb the Syrian opposition from its last redoubts."
    evs = [e for e in _events(processor, text) if e.trigger.text == "bomb"]
    assert all(e.modality == "hypothetical" for e in evs)


def test_civilians_as_a_source_are_not_carried_to_a_later_toll(processor):
    # civilians given as an attack's source are most often its victims misread; a toll in the
    # next sentence is not pinned on them
    text = "Villagers attacked a police post in Kilis. Two Turkish soldiers were killed."
    assert [a.sector for a in _by_trigger(processor, text, "attacked").source] == ["CVL"]
    ev = _by_trigger(processor, text, "killed")
    assert ev.source == ()


def test_its_in_a_clause_of_its_own_is_the_state_named_before_it(processor):
    text = "The village is under threat from Rwanda after its army attacked Goma."
    ev = _by_trigger(processor, text, "attacked")
    assert _countries(ev.source) == ["RWA"]


def test_he_after_an_unknown_person_is_that_person(processor):
    # the last person named is the one "he" stands for, even when we cannot tell who it is
    text = (
        "Bashar al-Assad spoke on Monday. Joe Bloggs, a volunteer from Leeds, flew home. "
        "He was arrested by police at the airport."
    )
    evs = [e for e in _events(processor, text) if e.trigger.text == "arrested"]
    assert all("SYR" not in _countries(e.target) for e in evs)


def test_the_militants_are_the_armed_group_named_before(processor):
    text = (
        "Boko Haram abducted 276 schoolgirls from Chibok in April 2014. Two years later "
        "Nigerian troops attacked the militants in the Sambisa forest."
    )
    ev = _by_trigger(processor, text, "attacked")
    assert [(a.country, a.sector) for a in ev.target] == [("NGA", "REB")]
    assert ev.target[0].name == "Boko Haram"


def test_the_group_reaches_back_only_a_few_sentences(processor):
    text = (
        "Al-Shabaab bombed a hotel in Mogadishu in 2022. The city rebuilt the hotel. Tourists "
        "returned in 2023. Trade grew. Ports reopened. Kenyan troops later pushed the group out "
        "of Kismayo."
    )
    ev = _by_trigger(processor, text, "pushed")
    assert all(a.name != "Al-Shabaab" for a in ev.target)


def test_militants_without_the_are_not_the_group_named_before(processor):
    # a bare plural introduces new people; only "the militants" points back
    text = (
        "Boko Haram abducted 276 schoolgirls from Chibok in April 2014. Militants attacked a "
        "market in Maiduguri in 2015."
    )
    ev = _by_trigger(processor, text, "attacked")
    assert all(a.name != "Boko Haram" for a in ev.source)


def test_an_indefinite_attack_is_a_new_one_not_the_strike_told_before(processor):
    # "The strike" points back to France's strike; "an attack on gendarmes" is another act,
    # whose author the text does not give
    text = (
        "French jets struck a militant camp near Tera in Niger in June 2022. The strike "
        "followed an attack on a unit of Nigerien gendarmes."
    )
    for ev in _events(processor, text):
        if ev.trigger.text == "attack":
            assert "FRA" not in _countries(ev.source)


def test_joint_operations_against_a_group_attack_it(processor):
    text = "Chadian and Cameroonian soldiers conducted joint operations against Boko Haram in 2015."
    ev = _by_trigger(processor, text, "operations")
    assert ev.plover.type == "ASSAULT"
    assert set(_countries(ev.source)) == {"TCD", "CMR"}


def test_the_two_sides_are_the_two_states_named_before(processor):
    text = (
        "Russia and Niger signed military documents in Niamey in December 2023. "
        "Both sides agreed to intensify cooperation."
    )
    ev = _by_trigger(processor, text, "agreed")
    pair = {ev.source[0].country, *(a.country for a in ev.target)}
    assert pair == {"RUS", "NER"}


def test_the_two_countries_accusing_each_other_act_both_ways(processor):
    text = (
        "Mali and Algeria signed a peace accord in 2015. "
        "The two countries later accused each other of bad faith."
    )
    dyads = {
        (e.source[0].country, e.target[0].country)
        for e in _events(processor, text)
        if e.trigger.text == "accused" and e.source and e.target
    }
    assert dyads == {("MLI", "DZA"), ("DZA", "MLI")}


def test_two_sides_with_nothing_named_before_stay_unknown(processor):
    evs = _events(processor, "The two sides agreed to meet again in May.")
    assert all(not e.source for e in evs)


def test_two_people_counted_are_not_a_pair_told_before(processor):
    text = (
        "Kenya and Uganda signed a border deal in 2023. "
        "Police later arrested two opposition leaders in Kampala."
    )
    ev = _by_trigger(processor, text, "arrested")
    assert all(a.text != "two opposition leaders" or a.country == "UGA" for a in ev.target)


def test_governments_in_both_countries_are_the_pair_named_before(processor):
    text = (
        "France left Mali in 2022 and Burkina Faso in 2023, after the military governments "
        "in both countries turned to Russia for security support."
    )
    ev = _by_trigger(processor, text, "turned")
    assert set(_countries(ev.source)) == {"MLI", "BFA"}


def test_a_passive_relative_clause_acts_on_the_noun_it_modifies(processor):
    # "who was arrested by police": the relative pronoun stands for the minister, the patient
    text = "The Kenyan minister, who was arrested by police on Friday, denied the charges."
    ev = _by_trigger(processor, text, "arrested")
    assert _countries(ev.target) == ["KEN"] and ev.target[0].text == "Kenyan minister"


def test_a_past_participle_modifying_a_noun_acts_on_that_noun(processor):
    # "a Nigerian soldier killed by ...": a reduced passive relative, its patient the noun
    text = "Mourners buried a Nigerian soldier killed by Boko Haram fighters near Maiduguri."
    ev = _by_trigger(processor, text, "killed")
    assert _countries(ev.target) == ["NGA"]
    assert ev.source and ev.source[0].text == "Boko Haram fighters"


def test_a_participle_that_only_describes_is_no_accusation(processor):
    # "journalists accused of spying": a description of the journalists; the court that freed
    # them is not said to accuse them
    text = "The court freed three journalists accused of spying on Monday."
    assert all(e.trigger.text != "accused" for e in _events(processor, text))


def test_the_activity_a_killing_interrupted_is_no_event_of_its_own(processor):
    # "while patrolling": the scene of the ambush, not a second act by the victims
    text = "Two Malian soldiers were killed by jihadists while patrolling near Menaka."
    triggers = {e.trigger.text for e in _events(processor, text)}
    assert "killed" in triggers and "patrolling" not in triggers


def test_an_object_relative_pronoun_is_the_noun_it_modifies(processor):
    # "whom the junta had accused": the relative pronoun is the object, the rebel leaders
    text = "Algeria hosted the Tuareg rebel leaders, whom the Malian junta had accused of treason."
    ev = _by_trigger(processor, text, "accused")
    assert _countries(ev.source) == ["MLI"]
    assert ev.target and ev.target[0].text == "Tuareg rebel leaders"


def test_a_possessive_in_an_opening_phrase_is_the_subject_after_it(processor):
    # cataphora: "In his talks with Tinubu, Macron said ...": "his" is Macron
    text = "In his talks with Bola Tinubu, Emmanuel Macron said France would reduce its troops."
    ev = _by_trigger(processor, text, "talks")
    assert _countries(ev.source) == ["FRA"] and _countries(ev.target) == ["NGA"]


def test_a_threat_to_act_against_someone_aims_at_them(processor):
    # the threatened act's "against" phrase names whom the threat is aimed at
    ev = _by_trigger(processor, "Hezbollah threatened to retaliate against Israel.", "threatened")
    assert _countries(ev.target) == ["ISR"]


def test_parties_listed_in_pairs_clash_with_their_own_partner(processor):
    # "between A and B, C and D": pairs, not parties all fighting each other
    text = (
        "The drought led to clashes between Ethiopia and Eritrea, Sudan and Chad, and Kenya "
        "and Somalia."
    )
    evs = [e for e in _events(processor, text) if e.trigger.text == "clashes"]
    dyads = {(e.source[0].country, e.target[0].country) for e in evs if e.source and e.target}
    pairs = {("ETH", "ERI"), ("SDN", "TCD"), ("KEN", "SOM")}
    assert {("ETH", "ERI"), ("ERI", "ETH"), ("SDN", "TCD"), ("TCD", "SDN")} <= dyads
    assert all(d in pairs or d[::-1] in pairs for d in dyads)
    assert all(len(e.target) == 1 for e in evs)


def test_a_country_named_before_a_withdrawal_with_its_author_is_the_place_left(processor):
    ev = _by_trigger(
        processor, "Biden's Afghanistan withdrawal alarmed NATO allies.", "Afghanistan withdrawal"
    )
    assert _countries(ev.source) == ["USA"] and _countries(ev.target) == ["AFG"]


def test_attacking_a_decision_is_criticism(processor):
    # only words reach a withdrawal or a plan: an attack on one is ACCUSE, not ASSAULT
    ev = _by_trigger(
        processor, "Senators attacked the withdrawal from Niger as reckless.", "attacked"
    )
    assert ev.plover.type == "ACCUSE"


def test_a_declared_intent_to_attack_is_not_an_attack(processor):
    text = "Aliyev declared his intent to attack the Armenian enclave in Karabakh."
    ev = _by_trigger(processor, text, "attack")
    assert ev.modality == "planned" and ev.plover.type == "THREATEN"


def test_killed_in_an_attack_names_the_attacks_author(processor):
    # the attack is the instrument: "killed in a Russian raid" was done by Russia's forces
    ev = _by_trigger(
        processor, "Two soldiers were wounded in a Russian raid near Idlib.", "wounded"
    )
    assert _countries(ev.source) == ["RUS"]


def test_whose_subject_belongs_to_the_noun_the_clause_modifies(processor):
    text = "ECOWAS suspended Guinea, whose junta had rejected the election timetable."
    ev = _by_trigger(processor, text, "rejected")
    assert _countries(ev.source) == ["GIN"] and ev.source[0].sector == "MIL"


def test_a_bare_title_is_the_office_holder_named_before(processor):
    # "the president" after "Mr Trump": the person named who held that office on the date
    text = (
        "Mr Trump's administration thrives on daily spectacles. "
        "The president's order to withdraw US troops from Syria surprised his generals."
    )
    ev = _by_trigger(processor, text, "withdraw", published="2018-12-21")
    assert _countries(ev.source) == ["USA"]


def test_a_peoples_place_named_in_the_phrase_gives_its_state(processor):
    # in an article about Iran, "the Kurdish city of Erbil" is still in Iraq
    text = (
        "Iran has long opposed the KDPI. Iranian officials met in Tehran on Monday. "
        "Two days later, Iranian missiles struck the Kurdish city of Erbil."
    )
    ev = _by_trigger(processor, text, "struck", published="2024-01-16")
    assert _countries(ev.target) == ["IRQ"]


def test_it_is_the_state_named_as_subject_just_before(processor):
    text = (
        "Washington backed the Kurdish-led SDF for years. "
        "It also sent weapons to the Kurdish fighters in 2017."
    )
    ev = _by_trigger(processor, text, "sent")
    assert _countries(ev.source) == ["USA"]


def test_it_after_two_states_as_subjects_stays_unresolved(processor):
    text = (
        "Russia backed Damascus while Turkey armed the rebels. "
        "It also sent weapons to the Kurdish fighters in 2017."
    )
    ev = _by_trigger(processor, text, "sent")
    assert not ev.source


def test_a_people_lives_where_the_articles_towns_are(processor):
    # an article about Turkey's offensive names Syrian towns: its Kurds are Syria's
    text = (
        "Turkish troops and their allies shelled Afrin and Manbij on Monday. "
        "Turkey said its operation would go on. Ankara summoned the US envoy. "
        "On Sunday Kurdish forces pulled out of the town."
    )
    ev = _by_trigger(processor, text, "pulled", published="2018-03-18")
    assert _countries(ev.source) == ["SYR"]


def test_it_in_its_own_sentence_is_the_body_named_just_before(processor):
    text = (
        "The Pentagon announced new funds for the SDF. "
        "The plan angered Ankara, which said it would strike the militia."
    )
    ev = _by_trigger(processor, text, "strike")
    assert _countries(ev.source) == ["TUR"]


def test_those_forces_are_the_force_named_last_whatever_the_word(processor):
    # "those forces" after "Syrian government troops": the troops, not earlier US forces
    text = (
        "US forces remain in the east of the country. "
        "As the rebels bargained for protection from Syrian government troops, those forces "
        "were seizing other villages nearby."
    )
    ev = _by_trigger(processor, text, "seizing", published="2018-07-06")
    assert _countries(ev.source) == ["SYR"]


def test_rebels_belong_where_the_story_is_set(processor):
    # the article names Syrian towns; its first sentence is about US forces: the rebels are
    # Syria's, not the most mentioned country's
    text = (
        "US forces remain in the east of the country. Even as the rebels negotiated with "
        "Russia for protection from Syrian troops near Daraa, the army kept shelling."
    )
    ev = _by_trigger(processor, text, "negotiated", published="2018-07-06")
    assert _countries(ev.source) == ["SYR"]


def test_an_object_pronoun_is_never_its_own_clauses_subject(processor):
    # "him" cannot be Ruto, the subject of its clause, so it is the other man named before
    text = (
        "William Ruto met Yoweri Museveni in Kampala on Friday and urged him to reopen the border."
    )
    ev = _by_trigger(processor, text, "urged")
    assert (_countries(ev.source), _countries(ev.target)) == (["KEN"], ["UGA"])
    text = "Yoweri Museveni hosted William Ruto in Kampala. He later accused him of meddling."
    ev = _by_trigger(processor, text, "accused")
    assert (_countries(ev.source), _countries(ev.target)) == (["UGA"], ["KEN"])


def test_who_reacts_to_an_act_is_not_its_author(processor):
    # the subject of "condemned" or "welcomed" did not carry out the act it reacts to
    for text, trigger in [
        ("Senegal's president condemned the attack on the army post near Kidira.", "attack"),
        ("The African Union welcomed the ceasefire in Sudan.", "ceasefire"),
    ]:
        for ev in _events(processor, text):
            if ev.trigger.text == trigger:
                assert _countries(ev.source) not in (["SEN"], ["AFR"]), text


def test_a_country_naming_a_deals_topic_is_not_one_of_the_two_sides(processor):
    # judging round 13: "the Iran deal" is about Iran; the two sides are the two leaders' states
    text = (
        "Narendra Modi met Xi Jinping in Wuhan on Friday. With the Bhutan deal signed, "
        "the two sides talked about trade."
    )
    evs = [e for e in _events(processor, text) if e.trigger.text == "talked"]
    assert evs and {c for e in evs for c in _countries(e.source)} == {"IND", "CHN"}


def test_a_threat_is_aimed_at_whom_the_threatened_act_or_its_condition_names(processor):
    # a threatened act aimed by "to"; a threat made on a condition about someone
    text = "Russia threatened to cut off gas supplies to Moldova."
    ev = _by_trigger(processor, text, "threatened")
    assert (_countries(ev.source), _countries(ev.target)) == (["RUS"], ["MDA"])
    text = "North Korea threatened to close the border if South Korea holds the drills."
    ev = _by_trigger(processor, text, "threatened")
    assert (_countries(ev.source), _countries(ev.target)) == (["PRK"], ["KOR"])
    # a pledge keeps its stricter reading: "to" there often names a place or a recipient
    text = "Kenya pledged to send troops to the region."
    assert all(a.country != "KEN" for a in _by_trigger(processor, text, "pledged").target)


def test_whoever_staged_a_protest_or_got_an_ultimatum_is_the_target(processor):
    text = "Ugandan police broke up a march staged by students in Kampala."
    evs = [e for e in _events(processor, text) if e.cameo.root == "17"]
    assert evs and all(_countries(e.target) == ["UGA"] for e in evs)
    text = "ECOWAS issued an ultimatum to the junta in Niamey."
    ev = _by_trigger(processor, text, "ultimatum")
    assert _countries(ev.target) == ["NER"]


def test_an_investigation_against_someone_targets_them(processor):
    text = "Kenya's anti-graft agency opened an investigation against two Ugandan ministers."
    ev = _by_trigger(processor, text, "investigation")
    assert _countries(ev.target) == ["UGA"]


def test_a_place_named_before_a_visit_is_where_it_went(processor):
    # "his Moscow visit": the city is the destination (target and place), not a visitor
    text = "Modi's Moscow visit angered Washington."
    ev = _by_trigger(processor, text, "Moscow visit")
    assert (_countries(ev.source), _countries(ev.target)) == (["IND"], ["RUS"])
    assert ev.place is not None and ev.place.country == "RUS"
    text = "Erdogan began his UK state visit on Sunday."
    ev = _by_trigger(processor, text, "state visit")
    assert (_countries(ev.source), _countries(ev.target)) == (["TUR"], ["GBR"])
    # ... named by no one's possessive too: the visitor is whoever the clause is about
    text = "Emmanuel Macron gave a speech in Tokyo in June 2019 during a Japan state visit."
    ev = _by_trigger(processor, text, "state visit")
    assert (_countries(ev.source), _countries(ev.target)) == (["FRA"], ["JPN"])


def test_a_present_participle_acting_on_an_object_is_done_by_its_noun(processor):
    text = "Ugandan troops expelling Congolese rebels from the border area were praised by Kampala."
    ev = _by_trigger(processor, text, "expelling")
    assert (_countries(ev.source), _countries(ev.target)) == (["UGA"], ["COD"])


def test_they_is_the_armed_group_named_last(processor):
    text = "Al-Shabaab fighters stormed a hotel in Mogadishu on Friday. They killed ten guests."
    ev = _by_trigger(processor, text, "killed")
    assert _countries(ev.source) == ["SOM"] and ev.source[0].text == "They"
    # with no armed group named, "they" stays unresolved
    text = "Kenya and Uganda signed a trade deal. They later attacked the plan."
    assert all(not e.source for e in _events(processor, text) if e.trigger.text == "attacked")


def test_an_attack_on_someone_else_is_not_the_attack_told_before(processor):
    text = (
        "Turkish artillery shelled Kurdish villages near Afrin on Monday. "
        "Washington armed the Kurdish fighters who spearheaded the offensive on Islamic State "
        "positions in Tabqa."
    )
    ev = _by_trigger(processor, text, "offensive")
    assert "TUR" not in _countries(ev.source)
    # a toll still belongs to the attack told before, whoever its victims were
    text = (
        "Islamic State fighters attacked a Malian army base near Gao on Monday. "
        "Five soldiers were killed in the attack."
    )
    assert _countries(_by_trigger(processor, text, "killed").source) == ["IMG"]


def test_a_militia_guessed_from_context_never_fights_the_group_it_was_guessed_to_be(processor):
    # "militia" was learnt as Islamic State's word; a militia fighting Islamic State is not it
    text = (
        "An Islamic State militia attacked a checkpoint near Idlib on Friday. Deghayes, whose "
        "militia have been fighting Islamic State since 2016, condemned the raid."
    )
    ev = _by_trigger(processor, text, "fighting")
    assert "IMG" not in _countries(ev.source) and _countries(ev.target)[0] == "IMG"


def test_a_surname_after_the_full_name_is_that_person_even_before_office(processor):
    # "Trump" alone in 2016 could be anyone; after "Donald Trump" in the article it is him
    text = "Donald Trump spoke in Ohio on Monday. Mitt Romney criticised Trump on Tuesday."
    ev = _by_trigger(processor, text, "criticised", published="2016-03-01")
    assert _countries(ev.target) == ["USA"] and ev.target[0].name == "Donald Trump"


def test_all_sides_are_the_parties_told_before(processor):
    # "urged all sides to ...": the states of the conflict the sentence has named
    text = (
        "In September 2020 Armenia and Azerbaijan went to war, and the EU urged all sides to "
        "agree a ceasefire."
    )
    ev = _by_trigger(processor, text, "urged")
    assert sorted(_countries(ev.target)) == ["ARM", "AZE"]


def test_a_body_formed_is_no_party_to_its_forming(processor):
    # judging round 16: "German authorities ... forming a new task force" gave the task force
    # the United States; the body formed is what is made, its partners come after "with"
    text = "Chad formed a joint force with Niger to fight Boko Haram in 2015."
    ev = _by_trigger(processor, text, "formed")
    assert (_countries(ev.source), _countries(ev.target)) == (["TCD"], ["NER"])
    assert ev.target[0].text == "Niger"


def test_the_age_used_as_a_noun_points_back_to_the_person(processor):
    # "the 31-year-old" is the person the article has just introduced; "a 31-year-old" is not
    text = (
        "Evan Gershkovich, an American reporter, went to Russia in 2022. "
        "In March, the 31-year-old was arrested by the FSB."
    )
    ev = _by_trigger(processor, text, "arrested")
    assert (_countries(ev.source), _countries(ev.target)) == (["RUS"], ["USA"])
    assert ev.target[0].text.endswith("31-year-old") and ev.target[0].name
    text = (
        "Evan Gershkovich, an American reporter, went to Russia. "
        "Police in Kenya detained a 31-year-old."
    )
    assert "USA" not in _countries(_by_trigger(processor, text, "detained").target)


def test_a_bombardment_is_an_attack_by_whoever_it_is_from(processor):
    # "bombardment" named only with "air" before it was no trigger; a bombardment by artillery
    # or "from" a country is an attack all the same
    text = "Intense artillery bombardment from Turkey hit Afrin on Sunday."
    ev = _by_trigger(processor, text, "artillery bombardment")
    assert ev.plover.type == "ASSAULT" and _countries(ev.source) == ["TUR"]
    ev = _by_trigger(
        processor, "The Russian bombardment of Aleppo went on for weeks.", "bombardment"
    )
    assert (_countries(ev.source), _countries(ev.target)) == (["RUS"], ["SYR"])


def test_a_vow_of_force_is_aimed_at_the_clauses_object_not_its_own_side(processor):
    # "vowed he would ...", "vowed that its army would ...": the clause's subject is the one
    # who vows, so the threat is aimed at whom the force would be used on
    ev = _by_trigger(
        processor, "Museveni vowed he would keep hunting the ADF rebels in Congo.", "vowed"
    )
    assert ev.plover.type == "THREATEN" and ev.modality == "asserted"
    assert (_countries(ev.source), _countries(ev.target)) == (["UGA"], ["COD"])
    # a demand that the speaker's own legislature act is aimed at it all the same
    ev = _by_trigger(processor, "Ruto demanded that parliament pass the budget.", "demanded")
    assert [a.sector for a in ev.target] == ["LEG"]


def test_a_pledge_to_help_someone_do_something_is_made_to_them(processor):
    # "help X rebuild": the parser makes X the subject of the helped act, not help's object
    ev = _by_trigger(processor, "Japan pledged to help Kenya rebuild its railways.", "pledged")
    assert (_countries(ev.source), _countries(ev.target)) == (["JPN"], ["KEN"])


def test_each_people_counted_after_a_quantity_is_a_target(processor):
    # "dozens of X and Y refugees": both peoples, also when one is named in two words
    text = "Police in Chad beat dozens of Sudanese and Central African refugees."
    ev = _by_trigger(processor, text, "beat", published="2001-01-25")
    assert set(_countries(ev.target)) == {"SDN", "CAF"}
    text = "Soldiers in Mali detained scores of Burkinabe and Ivorian migrants near Sikasso."
    ev = _by_trigger(processor, text, "detained", published="2021-01-25")
    assert set(_countries(ev.target)) == {"BFA", "CIV"}


def test_forces_reinforced_or_massed_abroad_are_aimed_at_that_country(processor):
    ev = _by_trigger(processor, "Rwanda massed troops in eastern Congo.", "massed")
    assert (_countries(ev.source), _countries(ev.target)) == (["RWA"], ["COD"])
    text = "Russia reinforced its troops in Belarus in January 2022."
    ev = _by_trigger(processor, text, "reinforced", published="2022-01-25")
    assert _countries(ev.target) == ["BLR"]
    # at home, no one is the target
    text = "India strengthened its forces in Ladakh in 2020."
    assert _by_trigger(processor, text, "strengthened").target == ()


def test_an_act_blamed_on_someone_is_theirs_and_the_blame_is_aimed_at_them(processor):
    # "blamed the attack on X": X is blamed and made the attack; the one who blames did not
    text = "Kenya blamed the bombing in Mombasa on al-Shabaab."
    ev = _by_trigger(processor, text, "blamed")
    assert (_countries(ev.source), _countries(ev.target)) == (["KEN"], ["SOM"])
    bombing = _by_trigger(processor, text, "bombing")
    assert _countries(bombing.source) == ["SOM"] and "KEN" not in _countries(bombing.target)
    # a judge of an act is not its author either
    text = "Nigeria praised the bombing of Boko Haram camps by Chadian jets."
    ev = _by_trigger(processor, text, "bombing")
    assert "NGA" not in _countries(ev.source)


def test_a_state_named_like_a_country_counts_for_its_own_country(processor):
    # judging round 19: "Georgia" in an article about US voting made the article Georgian,
    # and a body named without a country took Georgia's
    text = (
        "The mayor of Phoenix complained about long lines at polling stations in Arizona and "
        "Georgia. The mayor asked the Justice Department to investigate."
    )
    evs = _events(processor, text, published="2016-04-09")
    assert evs
    for ev in evs:
        assert "GEO" not in _countries(ev.source) + _countries(ev.target)
        assert ev.place is None or ev.place.country != "GEO"


def test_who_tries_to_stop_an_act_is_not_its_author(processor):
    # judging round 19: the bombing of Aleppo given to the two presidents negotiating to halt it
    text = "The UN tried to stop the shelling of Idlib."
    assert all(
        "UNO" not in _countries(e.source)
        for e in _events(processor, text, published="2016-09-05")
        if e.plover.type == "ASSAULT"
    )
    text = "The UN tried to stop the Syrian army's shelling of Idlib."
    ev = _by_trigger(processor, text, "shelling", published="2016-09-05")
    assert _countries(ev.source) == ["SYR"]


def test_the_two_sides_are_the_parties_not_the_topics_or_the_places_of_wars(processor):
    # "discussed Taiwan" and "the wars in Ukraine and Gaza" name what was talked about and
    # where wars go on; "the two sides" are the two leaders' countries
    text = (
        "Emmanuel Macron met Narendra Modi in Paris on Friday. The leaders discussed Ukraine, "
        "climate finance and the wars in Sudan and Gaza. The two sides agreed to expand "
        "defence cooperation."
    )
    sides = [
        {a.country for a in (*e.source, *e.target)}
        for e in _events(processor, text, published="2023-07-15")
        if e.trigger.text in {"agreed", "expand"}
    ]
    assert sides and all(s == {"FRA", "IND"} for s in sides)


def test_it_in_a_clause_of_time_is_the_main_clauses_subject(processor):
    # "it" in "since it expelled ..." is the junta, not the last state named (Russia)
    text = "The Burkinabe junta has moved closer to Russia since it expelled French troops."
    ev = _by_trigger(processor, text, "expelled", published="2023-07-01")
    assert _countries(ev.source) == ["BFA"]


def test_coordinated_verbs_share_the_object_after_both(processor):
    # right-node raising: "beat and arrested the traders" beat the traders too
    text = "Kenyan police beat and arrested dozens of Ugandan traders in Busia."
    ev = _by_trigger(processor, text, "beat")
    assert _countries(ev.target) == ["UGA"]
    ev = _by_trigger(processor, "Turkish jets bombed and destroyed a Kurdish depot.", "bombed")
    assert _countries(ev.target) == ["SYR"]
    # each verb with an object of its own keeps it
    text = "The Kenyan police beat the guards and arrested the Ugandan traders."
    assert "UGA" not in _countries(_by_trigger(processor, text, "beat").target)


def test_a_generic_determiner_keeps_the_nationality_it_is_told_with(processor):
    text = "Indonesia will prosecute any Australian fishermen who enter its waters."
    assert _countries(_by_trigger(processor, text, "prosecute").target) == ["AUS"]
    # with no nationality, "each country" is no one in particular
    text = "Each country must negotiate with Brazil."
    assert _by_trigger(processor, text, "negotiate").source == ()


def test_a_past_tense_verb_misparsed_as_a_modifier_is_the_main_verb(processor):
    # the parse hangs "called" on the name in apposition; a past tense (not a participle)
    # there is still the sentence's verb, and the people called on are the ones to agree
    text = "The Kenyan defence minister, Aden Duale, called on Sudan and Chad to agree a truce."
    ev = _by_trigger(processor, text, "called")
    assert _countries(ev.source) == ["KEN"]
    agree = [e for e in _events(processor, text) if e.trigger.text == "agree"]
    assert all(set(_countries(e.source)) <= {"SDN", "TCD"} for e in agree)


def test_general_after_an_office_is_no_military_rank(processor):
    text = "The UN secretary-general called on Chad to open its border."
    assert _by_trigger(processor, text, "called").source[0].sector == "GOV"
    text = "Brazil's prosecutor general charged two Paraguayan smugglers."
    assert _by_trigger(processor, text, "charged").source[0].sector == "JUD"


def test_a_plant_or_prison_attacked_is_aimed_at_the_country_it_lies_in(processor):
    text = "Ukrainian drones struck a fuel depot in the Russian region of Kursk."
    ev = _by_trigger(processor, text, "struck")
    assert _countries(ev.target) == ["RUS"] and ev.target[0].sector == "BUS"
    text = "Armed gangs attacked two prisons in Port-au-Prince on Saturday."
    ev = _by_trigger(processor, text, "attacked")
    assert _countries(ev.target) == ["HTI"] and ev.target[0].sector == "GOV"


def test_who_draws_or_receives_an_act_undergoes_it(processor):
    text = "Tanzania postponed its local elections, drawing criticism from the opposition."
    ev = _by_trigger(processor, text, "criticism")
    assert (_countries(ev.source), _countries(ev.target)) == (["TZA"], ["TZA"])
    assert ev.source[0].sector == "OPP" and ev.target[0].sector == "GOV"
    ev = _by_trigger(
        processor, "Ghana received a visit from the Chinese foreign minister.", "visit"
    )
    assert (_countries(ev.source), _countries(ev.target)) == (["CHN"], ["GHA"])


def test_an_act_done_in_protest_is_the_doers_protest(processor):
    # the idiom tells the manner of the act, however the parse attaches it
    text = "Spanish farmers blocked motorways in protest against the government."
    ev = _by_trigger(processor, text, "protest")
    assert ev.plover.type == "PROTEST"
    assert (_countries(ev.source), _countries(ev.target)) == (["ESP"], ["ESP"])


def test_the_one_judged_owns_the_act_judged_with_its(processor):
    ev = _by_trigger(processor, "Chad criticised Sudan for its raid on Adré.", "raid")
    assert _countries(ev.source) == ["SDN"]


def test_refusing_to_let_someone_act_is_a_rejection_aimed_at_them(processor):
    text = "Azerbaijan refused to let OSCE monitors visit the Lachin corridor."
    evs = _events(processor, text)
    refusal = _by_trigger(processor, text, "refused")
    assert refusal.plover.type == "REJECT" and _countries(refusal.source) == ["AZE"]
    assert refusal.target and refusal.target[0].text == "OSCE monitors"
    # the visit was not made, and not by Azerbaijan's leave: no event of the monitors
    assert all(e.trigger.text != "visit" for e in evs)


def test_critics_of_a_government_are_its_opposition(processor):
    text = "Nicaragua stripped 94 government critics of their citizenship."
    ev = _by_trigger(processor, text, "stripped")
    assert _countries(ev.target) == ["NIC"] and ev.target[0].sector == "OPP"


def test_supplying_someone_with_arms_or_aid_gives_to_them(processor):
    # supply, provide, furnish, equip: the one supplied as the object, the thing after "with"
    ev = _by_trigger(processor, "Iran supplied the Houthis with drones.", "supplied")
    assert ev.plover.type == "AID" and (_countries(ev.source), _countries(ev.target)) == (
        ["IRN"],
        ["YEM"],
    )
    ev = _by_trigger(processor, "Japan provided Kenya with food aid.", "provided")
    assert ev.plover.type == "AID" and _countries(ev.target) == ["KEN"]
    # a statement given to the press is no aid
    assert not _events(processor, "The ministry provided journalists with a statement.")


def test_a_counterpart_is_an_official(processor):
    # an office holder's equal in another state: a government actor, so the meeting counts
    ev = _by_trigger(processor, "Ruto met his Somali counterpart in Nairobi.", "met")
    assert _countries(ev.target) == ["SOM"] and ev.target[0].sector == "GOV"


def test_a_local_group_with_no_country_is_of_the_place_its_sentence_names(processor):
    # an article about France: the jihadists the Tuareg rebels in Mali fought are in Mali
    text = (
        "France's president Emmanuel Macron spoke in Paris on Monday. French officials said "
        "France would send more aid to the Sahel. Tuareg rebels in Mali ambushed jihadists "
        "on Sunday, the officials said."
    )
    ev = _by_trigger(processor, text, "ambushed", "2023-05-03")
    # two armed groups of one country and sector, told apart by name: no actor acting on
    # itself, but a fight between them
    assert (_countries(ev.source), _countries(ev.target)) == (["MLI"], ["MLI"])
    assert ev.target[0].text == "jihadists"


def test_a_subject_pronoun_goes_on_about_the_sentences_subject(processor):
    text = (
        "Paul Ryan visited Benjamin Netanyahu in Israel, where he met Israeli opposition leaders."
    )
    ev = _by_trigger(processor, text, "met", "2016-04-10")
    assert _countries(ev.source) == ["USA"]
    # an object pronoun still stands for the one acted on
    ev = _by_trigger(processor, "Macron met Scholz and praised him.", "praised")
    assert _countries(ev.target) == ["DEU"]


def test_meeting_the_press_with_with_is_no_meeting(processor):
    text = "Paul Ryan visited Jerusalem, where he met with local reporters."
    assert all(e.trigger.text != "met" for e in _events(processor, text, "2016-04-10"))


def test_pressing_a_claim_or_a_plan_presses_no_one(processor):
    for text in (
        "Sanders has consistently pushed his promise of free college.",
        "Sanders is now pressing his attack that Clinton is unqualified.",
    ):
        assert all(e.plover.type != "REQUEST" for e in _events(processor, text, "2016-04-10"))


def test_a_complementiser_parsed_as_an_object_makes_no_verb_transitive(processor):
    text = "A farmer told the governor that she had driven from Tulsa to hear him."
    assert all(e.plover.type != "ASSAULT" for e in _events(processor, text, "2016-04-10"))


def test_a_blessing_or_a_seal_of_approval_is_an_endorsement(processor):
    text = "The Arab League gave its blessing to the Saudi peace plan."
    ev = _by_trigger(processor, text, "gave")
    assert ev.plover.type == "SUPPORT" and _countries(ev.source) == ["IGO"]


def test_an_object_it_is_never_its_own_clauses_subject(processor):
    text = "When Russia bombed the hospital, the UN security council met to condemn it."
    ev = _by_trigger(processor, text, "condemn", "2018-03-10")
    assert "UNO" not in _countries(ev.target)


def test_a_demonstration_staged_by_a_state_shows_its_power(processor):
    text = "China flew 500 drones over Shenzhen in a demonstration at a trade fair."
    ev = _by_trigger(processor, text, "demonstration", "2018-03-10")
    assert ev.plover.type != "PROTEST" and ev.cameo.code == "150"
    text = "Students staged a demonstration against the government in Dhaka."
    assert _by_trigger(processor, text, "demonstration").plover.type == "PROTEST"


def test_the_international_community_is_of_no_country(processor):
    text = "The UN refugee agency in Damascus urged the international community to act."
    ev = _by_trigger(processor, text, "urged", "2018-03-10")
    assert _countries(ev.target) == [None]


def test_who_leads_a_force_names_it_and_who_backs_it_does_not(processor):
    ev = _by_trigger(processor, "Kurdish-led forces fought Isis in Deir ez-Zor.", "fought")
    assert _countries(ev.source) == ["SYR"]
    # the parse hangs "bombed" on the subject; with an object of its own it is the verb
    ev = _by_trigger(processor, "The Saudi-led coalition bombed Sanaa.", "bombed")
    assert (_countries(ev.source), _countries(ev.target)) == (["SAU"], ["YEM"])
    # a force the US backs is not American
    ev = _by_trigger(processor, "US-backed forces attacked Raqqa.", "attacked")
    assert "USA" not in _countries(ev.source)


def test_a_judgement_of_an_act_of_force_is_aimed_at_its_author(processor):
    text = "France and Britain criticised the Turkish invasion of northern Syria."
    ev = _by_trigger(processor, text, "criticised", "2019-10-12")
    assert _countries(ev.target) == ["TUR"]
    ev = _by_trigger(processor, "The EU condemned Russia's annexation of Crimea.", "condemned")
    assert _countries(ev.target) == ["RUS"]


def test_a_prison_term_is_a_courts_and_where_one_came_from_is_not_where(processor):
    text = "A Dutch aid worker has been jailed for eight years in Iran."
    ev = _by_trigger(processor, text, "jailed", "2019-01-10")
    assert ev.source and (ev.source[0].sector, ev.source[0].country) == ("JUD", "IRN")
    # arrested upon coming back: not by the police of the country they came from
    text = "Several Dutch women have been arrested upon returning from Syria."
    ev = _by_trigger(processor, text, "arrested", "2019-01-10")
    assert "SYR" not in _countries(ev.source)
    assert ev.place is None or ev.place.country != "SYR"


def test_an_invited_act_is_not_done_and_a_due_one_is_planned(processor):
    text = "Ruto has received an invitation to visit Turkey in 2025."
    assert _by_trigger(processor, text, "visit", "2024-06-01").modality == "hypothetical"
    text = "Senator Corker was due to meet the president on Friday."
    assert _by_trigger(processor, text, "meet", "2019-01-10").modality == "planned"


def test_a_known_name_in_apposition_says_who_the_description_is(processor):
    text = "Rebel fighters in Daraa tried to negotiate with Assad's backer, Russia."
    ev = _by_trigger(processor, text, "negotiate", "2018-07-01")
    assert _countries(ev.target) == ["RUS"]


def test_the_home_office_is_britains(processor):
    text = "The Home Office suspended its cooperation with the US on the case."
    ev = _by_trigger(processor, text, "suspended", "2018-07-01")
    assert _countries(ev.source) == ["GBR"]


def test_congress_in_a_story_on_a_state_without_one_is_the_us_congress(processor):
    text = "Turkey's president met Putin in Sochi. Members of Congress accused Erdogan of lying."
    ev = _by_trigger(processor, text, "accused", "2018-12-10")
    assert _countries(ev.source) == ["USA"]


def test_forces_meeting_forces_is_no_consultation_nor_a_feeling_a_demand(processor):
    text = "Turkish troops met Russian troops near Manbij on Sunday."
    assert all(e.trigger.text != "met" for e in _events(processor, text, "2018-12-10"))
    text = "Assad should be relieved by the decision, said an analyst in Washington."
    assert all(e.plover.type != "REQUEST" for e in _events(processor, text, "2018-12-10"))


def test_a_home_hit_or_a_building_destroyed_stands_for_its_people(processor):
    ev = _by_trigger(
        processor, "A rocket fired from Gaza hit a home in Sderot.", "hit", "2023-02-10"
    )
    # where the rocket was fired from is who fired it; the home is of the place it stands in
    assert (_countries(ev.source), _countries(ev.target)) == (["PSE"], ["ISR"])
    text = "Russian missiles destroyed an apartment building in Dnipro."
    ev = _by_trigger(processor, text, "destroyed", "2023-02-10")
    assert (_countries(ev.source), _countries(ev.target)) == (["RUS"], ["UKR"])
    assert ev.source[0].sector == "MIL" and ev.target[0].sector == "CVL"


def test_agreeing_with_someone_or_outdoing_a_predecessor_is_no_event(processor):
    text = "Macron said that several European leaders agree with him."
    assert not _events(processor, text, "2016-06-13")
    text = "Ethiopia agrees with Egypt to resume talks."
    assert _by_trigger(processor, text, "agrees").plover.type == "AGREE"
    text = "The Turkish government has jailed more reporters than any government before it."
    assert not _events(processor, text, "2016-02-12")


def test_a_purpose_a_possibility_or_a_states_own_policy_is_no_act(processor):
    # the fight is what the training is for, not a fight reported
    text = "EU instructors trained Malian army battalions to fight jihadists."
    assert _by_trigger(processor, text, "fight", "2019-01-16").modality == "hypothetical"
    # a prosecution that is a challenge has not happened
    text = "Denmark has the option to prosecute its citizens who fought in Syria."
    assert _by_trigger(processor, text, "prosecute", "2019-01-16").modality == "hypothetical"
    # a state's own minister saying what the state must do presses no one
    text = "Germany must be able to try its citizens, the German defence minister said."
    assert all(e.plover.type != "REQUEST" for e in _events(processor, text, "2019-02-16"))
    text = "Kenya must withdraw its troops from Somalia, the Somali president said."
    assert _by_trigger(processor, text, "must", "2019-02-16").plover.type == "REQUEST"


def test_a_negation_stays_in_its_own_clause(processor):
    text = "Kenya did not attack Somalia, and Ethiopia deployed 3,000 troops to Baidoa."
    sent = _by_trigger(processor, text, "deployed", "2019-01-16")
    assert sent.modality == "asserted" and sent.plover.type == "MOBILIZE"
    # the count names no one: the troops' target is the place they are sent to
    assert _countries(sent.target) == ["SOM"]
    assert _by_trigger(processor, text, "attack", "2019-01-16").modality == "negated"


def test_an_act_someone_is_allowed_to_do_is_not_reported_done(processor):
    text = "The accord allows Rwanda to deploy its troops in Cabo Delgado."
    assert _by_trigger(processor, text, "deploy", "2021-07-16").modality == "hypothetical"


def test_the_kingdom_is_the_monarchy_named_before(processor):
    text = "Saudi Arabia and Iran restored relations in March. The kingdom reopened its embassy."
    ev = _by_trigger(processor, text, "reopened", "2023-05-10")
    assert _countries(ev.source) == ["SAU"]


def test_forces_entering_a_country_move_in_on_it(processor):
    ev = _by_trigger(processor, "Kenyan troops entered Somalia in October 2011.", "entered")
    assert (_countries(ev.source), _countries(ev.target)) == (["KEN"], ["SOM"])
    assert ev.cameo.code == "192"
    assert not _events(processor, "The minister entered parliament in 2010.")


def test_nouns_of_rejection_appeal_arrest_expulsion_and_agreement(processor):
    ev = _by_trigger(processor, "Israel's rejection of the truce plan angered Egypt.", "rejection")
    assert ev.plover.type == "REJECT" and _countries(ev.source) == ["ISR"]
    ev = _by_trigger(
        processor, "An appeal by the Pope for a truce in Gaza went unheeded.", "appeal"
    )
    assert ev.plover.type == "REQUEST" and _countries(ev.source) == ["VAT"]
    assert not _events(processor, "The senator's broad appeal to voters helped him.")
    # the agent the parse hangs on the noun's "of" object
    text = "The arrest of the opposition leader by Senegalese police sparked protests."
    assert _countries(_by_trigger(processor, text, "arrest").source) == ["SEN"]
    text = "The expulsion of Russian diplomats from Germany was announced on Tuesday."
    assert _countries(_by_trigger(processor, text, "expulsion").source) == ["DEU"]
    # the parties of an agreement between them are both its sides
    text = "An agreement between Serbia and Kosovo on licence plates was reached in Brussels."
    ev = _by_trigger(processor, text, "agreement")
    assert (_countries(ev.source), _countries(ev.target)) in (
        (["SRB"], ["XKX"]),
        (["XKX"], ["SRB"]),
    )


def test_an_act_told_as_a_participle_of_what_it_acts_on(processor):
    # "sanctions imposed by the EU on Belarus": the EU imposed them, on Belarus
    text = "Sanctions imposed by the EU on Belarus took effect on Monday."
    ev = _by_trigger(processor, text, "imposed", "2024-05-10")
    assert (_countries(ev.source), _countries(ev.target)) == (["EUR"], ["BLR"])


def test_a_country_named_as_a_party_is_no_place_for_a_local_group(processor):
    # rebels negotiating with Russia in a story set in Syria are not Russian rebels
    text = (
        "Syrian government forces shelled Daraa on Monday. Rebel fighters are trying to "
        "negotiate with Russia."
    )
    ev = _by_trigger(processor, text, "negotiate", "2018-07-01")
    assert _countries(ev.source) == ["SYR"]


def test_mediators_broker_between_others_and_responsibility_laid_is_blame(processor):
    ev = _by_trigger(processor, "The talks were brokered by Russia and Turkey.", "brokered")
    # the two mediators do not mediate with each other
    assert set(_countries(ev.source)) == {"RUS", "TUR"} and not ev.target
    text = "Blinken said Moscow bears responsibility for the attacks."
    ev = _by_trigger(processor, text, "bears", "2023-01-20")
    assert ev.plover.type == "ACCUSE"
    assert (_countries(ev.source), _countries(ev.target)) == (["USA"], ["RUS"])


def test_only_i_or_we_in_a_quotation_make_the_speaker_the_actor(processor):
    text = '"We came to help the Malian army against the terrorists," the Russian commander said.'
    ev = _by_trigger(processor, text, "help", "2022-03-01")
    assert _countries(ev.source) == ["RUS"]
    # attacks the speaker only tells of are not the speaker's
    text = '"The initial attacks on Afrin were brutal," Erdogan said.'
    ev = _by_trigger(processor, text, "attacks", "2023-03-01")
    assert "TUR" not in _countries(ev.source)


def test_a_general_present_the_tagger_calls_a_base_form_is_no_event(processor):
    text = (
        "The host defended his remarks. When guests said that people other than Muslims kill "
        "civilians in shootings, the host objected."
    )
    assert all(e.trigger.text != "kill" for e in _events(processor, text, "2016-06-18"))


def test_prince_mohammed_is_the_saudi_crown_prince(processor):
    text = "The US Senate accused Prince Mohammed of ordering the killing."
    ev = _by_trigger(processor, text, "accused", "2019-01-02")
    assert _countries(ev.target) == ["SAU"]


def test_an_agreement_to_act_is_aimed_at_the_partner_or_the_receiver(processor):
    ev = _by_trigger(processor, "Russia agreed to extend the grain deal with Ukraine.", "agreed")
    assert _countries(ev.target) == ["UKR"]
    ev = _by_trigger(processor, "Kenya agreed to send troops to Haiti.", "agreed", "2023-11-20")
    assert _countries(ev.target) == ["HTI"]


def test_a_stab_in_the_back_is_a_betrayal_no_assault(processor):
    text = "Erdogan said the US had stabbed Turkey in the back."
    assert all(e.plover.type != "ASSAULT" for e in _events(processor, text, "2018-04-12"))
    text = "A man stabbed two police officers in Brussels."
    assert _by_trigger(processor, text, "stabbed", "2018-04-12").plover.type == "ASSAULT"


def test_agreeing_what_someone_has_or_poses_shares_a_view(processor):
    text = "Macron and Biden agreed the Russian regime had a pattern of dangerous behaviour."
    assert all(e.plover.type != "AGREE" for e in _events(processor, text, "2023-04-12"))
    text = "Macron and Biden agreed to send more air defence systems to Ukraine."
    assert any(e.plover.type == "AGREE" for e in _events(processor, text, "2023-04-12"))


def test_he_and_his_go_on_about_the_first_subject_not_a_small_clauses(processor):
    text = (
        "Although Museveni wanted to see Joseph Kabila out of office, as part of his new "
        "cooperation with Kenya he softened his tone. He also called on the AU to reform."
    )
    ev = _by_trigger(processor, text, "cooperation", "2018-05-10")
    assert _countries(ev.source) == ["UGA"]
    ev = _by_trigger(processor, text, "called", "2018-05-10")
    assert _countries(ev.source) == ["UGA"]
    text = "Jake Sullivan has been pressing upon Biden that the war in Sudan must end."
    ev = _by_trigger(processor, text, "pressing", "2023-05-10")
    assert _countries(ev.target) == ["USA"]


def test_blocking_a_ban_or_a_law_rejects_it_and_suspending_ones_own_eases_it(processor):
    text = "A Kenyan court blocked the government's ban on protests in Nairobi."
    ev = _by_trigger(processor, text, "blocked", "2024-05-10")
    assert ev.plover.type == "REJECT" and _countries(ev.source) == ["KEN"]
    text = "Kenya suspended its ban on GMO imports."
    assert all(e.plover.type != "REJECT" for e in _events(processor, text, "2024-05-10"))


def test_an_act_named_as_a_threat_is_threatened_not_done(processor):
    text = "China's threat to invade Taiwan alarmed Japan."
    ev = _by_trigger(processor, text, "invade", "2024-02-10")
    assert ev.plover.type == "THREATEN" and ev.modality != "asserted"


def test_ordering_someone_to_leave_expels_them_and_a_suspended_member_is_sanctioned(processor):
    text = "Mali's junta ordered the UN peacekeeping mission to leave the country."
    ev = _by_trigger(processor, text, "ordered", "2023-06-20")
    assert ev.cameo.code == "166" and _countries(ev.target) == ["UNO"]
    ev = _by_trigger(processor, "The African Union suspended Niger after the coup.", "suspended")
    assert ev.plover.type == "SANCTION" and _countries(ev.target) == ["NER"]
    # the specific senses keep their codes
    ev = _by_trigger(processor, "Denmark suspended its cooperation with Burkina Faso.", "suspended")
    assert ev.cameo.code == "162"
