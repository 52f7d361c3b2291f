"""Political talk is not force or a request: verbal attacks, questions, wins at the polls.

Each sentence is our own, about real people and events, and states the fact of language the
rule encodes (found in judging round 10 on US election coverage).
"""

from __future__ import annotations

from functools import partial

from code_sentences import by_trigger, events

_events = partial(events, published="2016-04-12")
_by_trigger = partial(by_trigger, published="2016-04-12")


def test_a_politician_attacking_a_rival_criticises_him(processor):
    # (a politician the KB knows: "Jeb Bush" is not George W. Bush, and no one the KB knows)
    text = "Hillary Clinton attacked Donald Trump, calling him unfit to lead."
    ev = _by_trigger(processor, text, "attacked")
    assert ev.plover.type == "ACCUSE" and ev.cameo.code == "111"


def test_going_on_the_offensive_against_a_rival_is_criticism(processor):
    text = "Hillary Clinton went on the offensive against Donald Trump on Thursday."
    assert _by_trigger(processor, text, "offensive").plover.type == "ACCUSE"


def test_an_attack_with_a_knife_stays_an_assault(processor):
    text = "A man attacked the senator with a knife in Oslo."
    assert _by_trigger(processor, text, "attacked").plover.type == "ASSAULT"


def test_a_state_attacking_a_state_stays_an_assault(processor):
    text = "Russia attacked Ukraine in February 2022."
    assert _by_trigger(processor, text, "attacked").plover.type == "ASSAULT"


def test_asking_why_is_a_question_not_a_request(processor):
    text = "A reporter asked Senator Susan Collins why she voted against the bill."
    assert all(e.cameo.root != "02" for e in _events(processor, text))


def test_asking_someone_to_act_is_a_request(processor):
    ev = _by_trigger(processor, "Mali asked Russia to send instructors in 2021.", "asked")
    assert ev.cameo.root == "02"


def test_beating_a_rival_in_an_election_is_no_assault(processor):
    text = "Bernie Sanders crushed Hillary Clinton in the New Hampshire primary."
    assert all(e.plover.type != "ASSAULT" for e in _events(processor, text))
    text = "Analysts said Sanders was best placed to beat Donald Trump in the general election."
    assert all(e.plover.type != "ASSAULT" for e in _events(processor, text))


def test_a_win_by_a_score_or_between_politicians_is_no_assault(processor):
    # judging round 13: a score ("62% to 37%", "by 20 points") or two politicians and no weapon
    for text in [
        "Donald Trump beat Ted Cruz 53% to 37% in Indiana.",
        "Hillary Clinton beat Bernie Sanders by 20 points in New York.",
        "Many Republicans thought Marco Rubio could beat Hillary Clinton.",
    ]:
        assert all(e.plover.type != "ASSAULT" for e in _events(processor, text)), text
    text = "Police beat the protesters in Nairobi on Tuesday."
    assert _by_trigger(processor, text, "beat").plover.type == "ASSAULT"


def test_a_politicians_clash_or_pounding_of_a_policy_is_words(processor):
    # judging round 13: "clashed with" a rival, "pounded" a policy
    text = "Ted Cruz clashed with Donald Trump over immigration on Tuesday."
    assert _by_trigger(processor, text, "clashed").plover.type == "ACCUSE"
    text = "Republicans pounded Barack Obama's foreign policy as weak."
    assert _by_trigger(processor, text, "pounded").plover.type == "ACCUSE"
    text = "Kenyan troops clashed with al-Shabaab fighters near Lamu."
    assert _by_trigger(processor, text, "clashed").plover.type == "ASSAULT"


def test_appealing_to_voters_is_campaigning_not_a_request(processor):
    text = "Both candidates will appeal to the state's voters in a debate on Thursday."
    assert all(e.cameo.root != "02" for e in _events(processor, text))


def test_the_one_criticised_for_a_killing_did_it_not_the_critic(processor):
    text = "Clinton criticized the Tulsa police officer for shooting and killing an unarmed man."
    ev = _by_trigger(processor, text, "killing")
    assert [a.sector for a in ev.source] == ["COP"]


def test_the_one_accused_of_shelling_shelled(processor):
    text = "The UN accused Russia of shelling civilian areas in Kharkiv in May 2024."
    ev = _by_trigger(processor, text, "shelling")
    assert [a.country for a in ev.source] == ["RUS"]
    assert [a.country for a in ev.target] == ["UKR"]


def test_an_ad_attacking_a_candidate_criticises_him(processor):
    text = "A super PAC is running a TV spot attacking the former governor for tax increases."
    assert _by_trigger(processor, text, "attacking").plover.type == "ACCUSE"


def test_neither_nor_subjects_deny_the_act(processor):
    text = "Neither Tehran nor Baghdad has given permission for the incursions."
    ev = _by_trigger(processor, text, "given")
    assert ev.modality == "negated"
    text = "Tehran has given permission for the flights."
    assert _by_trigger(processor, text, "given").modality == "asserted"


def test_an_adverb_with_its_own_modifier_is_no_particle(processor):
    # "upside down" is a manner adverb; "turned down" with a bare particle is a refusal
    text = "Putin turned Ukraine's plan upside down."
    assert all(e.plover.type != "REJECT" for e in _events(processor, text))
    ev = _by_trigger(processor, "Niger turned down the offer of mediation.", "turned down")
    assert ev.plover.type == "REJECT"


def test_endangering_interests_is_no_threat(processor):
    # "threatens British interests": a danger described, not a threat made
    text = "Critics said the president's policy threatens British interests and peace."
    assert all(e.plover.type != "THREATEN" for e in _events(processor, text))


def test_a_warning_about_a_danger_is_no_threat(processor):
    # a warning addressed to no one, about what may happen, threatens no one
    text = (
        "The charity's director warns that more children could end up in the hands of traffickers."
    )
    assert all(e.plover.type != "THREATEN" for e in _events(processor, text))
    # ... but a warning to someone, or of one's own answer, is a threat
    ev = _by_trigger(processor, "Iran warned Israel against any attack on its territory.", "warned")
    assert ev.plover.type == "THREATEN"
    ev = _by_trigger(processor, "Russia warned it would respond to any strike.", "warned")
    assert ev.plover.type == "THREATEN"


def test_ceasing_an_act_is_not_doing_it(processor):
    text = "When Iran and the US ceased arming the Kurdish rebels in 1975, their revolt collapsed."
    assert all(e.modality != "asserted" for e in _events(processor, text) if e.plover.type == "AID")


def test_refusing_to_deny_is_no_rejection(processor):
    text = "The group's leader refused to deny that the militia plans to seize the highway."
    assert all(e.plover.type != "REJECT" for e in _events(processor, text))


def test_jets_sent_with_no_one_to_receive_them_are_no_aid(processor):
    # military aid has a recipient; planes sent to a war are a deployment
    text = "Kurdish fighters held the town of Kobani, and the United States sent jets."
    assert all(e.plover.type != "AID" for e in _events(processor, text))


def test_an_act_ordered_is_not_yet_done(processor):
    # an order commands the act; the withdrawal has not happened when it is ordered
    ev = _by_trigger(
        processor, "Biden ordered the withdrawal of all US troops from Kabul.", "withdrawal"
    )
    assert ev.modality == "planned"


def test_a_foreign_envoy_summoned_stands_for_their_state(processor):
    text = "Senegal summoned Ukraine's ambassador in Dakar after he praised the attack."
    ev = _by_trigger(processor, text, "summoned")
    assert [a.country for a in ev.target] == ["UKR"]
    # one's own envoys recalled from a capital: the capital's state is the target
    ev = _by_trigger(processor, "Mali recalled its ambassador from Algiers.", "recalled")
    assert [a.country for a in ev.target] == ["DZA"]


def test_a_habit_told_in_the_present_is_no_event(processor):
    # judging round 13: "frequently meets"; a past "often" reports acts that happened
    text = "The German chancellor frequently meets with French ministers."
    assert not any(e.cameo.root == "04" for e in _events(processor, text))
    text = "Angela Merkel met French ministers in Paris on Monday."
    assert any(e.cameo.root == "04" for e in _events(processor, text))


def test_what_has_yet_to_happen_is_negated(processor):
    text = "Paul Ryan has yet to endorse Donald Trump."
    assert _by_trigger(processor, text, "endorse").modality == "negated"


def test_a_supposition_or_a_simulation_is_no_act(processor):
    # judging round 13: "Say Mexico demanded ...", "simulated an attack"
    text = "Say Canada demanded that the United States pay for the wall."
    assert _by_trigger(processor, text, "demanded").modality == "hypothetical"
    text = "Russian bombers simulated an attack on the Swedish island of Gotland."
    assert _by_trigger(processor, text, "attack").modality == "hypothetical"
    text = "Canada demanded that the United States pay for the wall."
    assert _by_trigger(processor, text, "demanded").modality == "asserted"


def test_meeting_with_opposition_is_an_idiom(processor):
    text = "The governor was met with opposition from both parties."
    assert not any(e.cameo.root == "04" for e in _events(processor, text))
    text = "Macron met with opposition leaders in Dakar."
    assert any(e.cameo.root == "04" for e in _events(processor, text))


def test_a_forecast_or_hindsight_with_should_demands_nothing(processor):
    # judging round 13: "should get a boost" forecasts, "should have been" looks back
    for text in [
        "Clinton should also get a boost from the win in Nevada, her aides said.",
        "The senator said Britain should have been the first to recognise the new government.",
    ]:
        assert not any(e.cameo.code == "100" for e in _events(processor, text)), text
    text = "The senator said Britain must recognise the new government."
    assert any(e.cameo.code == "100" for e in _events(processor, text))


def test_whom_a_complaint_is_made_to_is_not_its_target(processor):
    # judging round 13: the hearer of a complaint is not whom it is about
    text = "The Israeli prime minister complained to a British diplomat afterwards."
    assert "GBR" not in [a.country for a in _by_trigger(processor, text, "complained").target]
    text = "Kenya complained to the United Nations about Somali incursions."
    ev = _by_trigger(processor, text, "complained")
    assert [a.country for a in ev.target] == ["SOM"]


def test_asking_someone_after_a_quotation_is_a_question(processor):
    # judging round 13: a reporter's quoted question, then "asked Trump"
    text = "“Will you release your tax returns before the vote?” the reporter asked Donald Trump."
    assert all(e.cameo.root != "02" for e in _events(processor, text))
    text = "“We need more troops,” Kenya asked Uganda for help."
    assert any(e.cameo.root == "02" for e in _events(processor, text))


def test_pushing_a_policy_promotes_it_and_presses_no_one(processor):
    # judging round 13: "pushing Obama's foreign policies" abroad
    text = "As secretary of state, Clinton travelled the world pushing Obama's foreign policy."
    assert all(e.cameo.root != "10" for e in _events(processor, text))
    text = "The European Union pushed Serbia for reforms in 2015."
    assert any(e.cameo.root == "10" for e in _events(processor, text))


def test_an_act_made_easier_is_not_done(processor):
    # judging round 13: a bill "making it easier for families to sue" a state
    text = "Congress passed a law making it easier for victims' families to sue Iran."
    assert _by_trigger(processor, text, "sue").modality == "hypothetical"
    text = "Victims' families sued Iran in a federal court in 2016."
    assert _by_trigger(processor, text, "sued").modality == "asserted"


def test_an_undated_report_is_dated_to_the_week_before_publication(processor):
    text = "Kenyan police arrested two opposition leaders in Nairobi."
    ev = _by_trigger(processor, text, "arrested")
    assert (ev.date.start, ev.date.end) == ("2016-04-06", "2016-04-12")
    assert {"inferred", "publication"} <= set(ev.date.flags)
    text = "Kenyan police arrested two opposition leaders in Nairobi on Monday."
    ev = _by_trigger(processor, text, "arrested")
    assert "inferred" not in ev.date.flags and ev.date.start == "2016-04-11"
    text = "Kenyan police will arrest two opposition leaders in Nairobi."
    assert _by_trigger(processor, text, "arrest").date is None  # what is planned is not dated


def test_calling_someone_a_terrorist_denounces_them(processor):
    ev = _by_trigger(processor, "Ankara labelled the YPG a terrorist organisation.", "labelled")
    assert ev.cameo.code == "111" and [a.country for a in ev.target] == ["SYR"]
    assert not _events(processor, "Emmanuel Macron called Olaf Scholz a friend.")


def test_a_speakers_act_of_force_on_a_condition_is_a_threat(processor):
    text = "Putin said Russia would strike Kyiv if the attacks on Belgorod continued."
    ev = _by_trigger(processor, text, "strike")
    assert (ev.plover.type, ev.modality) == ("THREATEN", "planned")
    text = "Analysts said Russia would strike Kyiv if the attacks on Belgorod continued."
    assert _by_trigger(processor, text, "strike").modality == "hypothetical"


def test_a_vow_of_force_is_one_threat_not_two(processor):
    evs = _events(processor, "Museveni vowed to crush the ADF rebels in Congo.")
    assert [e.plover.type for e in evs] == ["THREATEN"]


def test_an_act_in_a_clause_of_time_or_cause_happened(processor):
    # "after"/"because"/"although" clauses tell what happened, whatever their governor asks
    for mark in ("after", "because"):
        text = f"Kenya demanded an inquiry {mark} Somali troops attacked the border post."
        assert _by_trigger(processor, text, "attacked").modality == "asserted", mark
    text = "Kenya will demand an inquiry if Somali troops attack the border post."
    assert _by_trigger(processor, text, "attack").modality == "hypothetical"


def test_no_longer_doing_something_is_negated(processor):
    text = "Turkish officials no longer demand that Assad step down."
    assert _by_trigger(processor, text, "demand").modality == "negated"


def test_a_campaign_rally_is_no_protest(processor):
    # judging round 14: "appeared at a Trump rally", "his rallies draw hundreds"
    for text in [
        "On Sunday the senator appeared at a Donald Trump rally in Ohio.",
        "Supporters held a campaign rally in Dakar on Saturday.",
    ]:
        assert all(e.cameo.root != "14" for e in _events(processor, text)), text
    text = "Thousands joined a rally against the junta in Bamako."
    assert any(e.cameo.root == "14" for e in _events(processor, text))


def test_a_poll_share_backing_someone_is_no_event(processor):
    # judging round 14: "backed by 34% of GOP voters" is a poll finding
    assert not _events(processor, "Donald Trump is backed by 34% of Republican voters.")
    text = "Most of the rebels rejected the peace deal."
    assert any(e.cameo.root == "12" for e in _events(processor, text))


def test_a_time_clause_of_a_future_is_still_to_come(processor):
    # judging round 14: "even after he steps down, he will ..." - the resignation is to come
    text = "Ban Ki-moon will keep pressing for the climate deal after he steps down."
    assert _by_trigger(processor, text, "steps down").modality == "planned"
    text = "Ban Ki-moon kept pressing for the climate deal after he stepped down."
    assert _by_trigger(processor, text, "stepped").modality == "asserted"


def test_a_politicians_attack_in_a_debate_or_speech_is_words(processor):
    # judging round 14: "her attack on Sanders in Sunday's debate"
    text = "Hillary Clinton's attack on Bernie Sanders in Sunday's debate was a stretch."
    assert _by_trigger(processor, text, "attack").plover.type == "ACCUSE"
    text = "Russia attacked Ukraine in February 2022, Putin said in a speech."
    assert _by_trigger(processor, text, "attacked").plover.type == "ASSAULT"


def test_declining_to_criticise_someone_rejects_nothing(processor):
    # judging round 14: "declined to criticize Clinton" is no rejection of her
    text = "Gary Johnson declined to criticize Hillary Clinton at the town hall."
    assert all(e.cameo.root != "12" for e in _events(processor, text))
    text = "Poland refused to take in migrants from Belarus."
    assert any(e.cameo.root == "12" for e in _events(processor, text))


def test_an_attack_for_a_stand_on_guns_is_criticism(processor):
    # judging round 15: a candidate attacked the president years before over guns - a
    # weapon named in the reason for the attack is what it was about, not what it was made with
    text = "Hillary Clinton attacked Bernie Sanders in 2016 for voting against gun control laws."
    assert _by_trigger(processor, text, "attacked").plover.type == "ACCUSE"
    text = "A man attacked the senator with a gun in Oslo."
    assert _by_trigger(processor, text, "attacked").plover.type == "ASSAULT"


def test_what_a_president_must_do_is_a_rule_not_a_demand(processor):
    # judging round 15: a candidate's view of what any president must be ready to do
    text = "Hillary Clinton said a president must be ready to act from the first day."
    assert not _events(processor, text)
    text = "The French president said Russia must withdraw its troops from Ukraine."
    assert any(e.cameo.root == "10" for e in _events(processor, text))


def test_what_someone_has_to_do_is_not_done(processor):
    # judging round 15: what a bill would oblige Congress to approve
    text = "Under the new law, the Senate has to approve the peace treaty with Iran."
    assert all(e.modality != "asserted" for e in _events(processor, text))
    text = "The Malian army had to withdraw from Kidal in May 2014."
    assert _by_trigger(processor, text, "withdraw").modality == "asserted"


def _counted(processor, text: str) -> list:
    return [e for e in _events(processor, text) if e.counted and e.modality != "hypothetical"]


def test_a_share_of_voters_backing_someone_is_a_poll(processor):
    # judging round 15: a share of one candidate's voters backing another
    text = "A Gallup poll found 78 percent of Bernie Sanders voters backing Hillary Clinton."
    assert not _events(processor, text)


def test_agreeing_that_someone_is_best_shares_a_view(processor):
    # judging round 15: a commentator sharing another's view of the best candidate
    text = "Mike Pence agrees with Newt Gingrich that Donald Trump is the best candidate."
    assert not _events(processor, text)
    text = "Russia and Turkey agreed on a ceasefire in Idlib in March 2020."
    assert any(e.plover.type == "AGREE" for e in _events(processor, text))


def test_what_voters_consistently_do_is_a_habit(processor):
    # judging round 15: a quoted generalisation of what voters always do
    text = "Iowa voters consistently reject candidates who skip the state fair."
    assert not _events(processor, text)


def test_a_sense_or_a_belief_that_someone_acts_is_a_view(processor):
    # judging round 15: union members' feeling about a candidate's manner
    text = "Union members have a sense that Donald Trump rejects the Republican Party's rules."
    assert not _counted(processor, text)


def test_how_hard_it_is_to_blame_someone_blames_no_one(processor):
    # judging round 15: a columnist finding it hard to blame a candidate
    text = "It's hard to blame Hillary Clinton for being angry, the columnist wrote."
    assert _by_trigger(processor, text, "blame").modality == "hypothetical"


def test_whether_someone_acts_is_a_question(processor):
    # judging round 15: whether one candidate raises a topic before the other
    text = "The only question is whether Bernie Sanders criticizes Hillary Clinton first."
    assert _by_trigger(processor, text, "criticizes").modality == "hypothetical"


def test_a_body_named_by_whom_it_backs_is_no_support_event(processor):
    # judging round 15: a super PAC named by the candidate it backs
    text = "Iranian militias backing the Syrian government attacked rebels near Aleppo in 2016."
    assert [e.cameo.root for e in _events(processor, text)] == ["19"]
    text = "Iran backed the Syrian government throughout the war."
    assert any(e.cameo.root == "05" for e in _events(processor, text))


def test_a_strategy_to_fight_is_a_plan_not_a_battle(processor):
    # judging round 15: the president's strategy against Isis, questioned
    text = "Obama's strategy to fight Islamic State is not working, critics said."
    assert not [e for e in _counted(processor, text) if e.cameo.root in {"18", "19"}]


def test_what_someone_said_he_d_do_is_planned(processor):
    # judging round 16: a candidate who would welcome a rival into the race: 'd is would
    text = "Donald Trump said he'd welcome Michael Bloomberg's entry into the race."
    assert _by_trigger(processor, text, "welcome").modality == "planned"


def test_calling_a_debate_is_no_call_on_anyone(processor):
    # judging round 16: a parliament calling a debate about banning a candidate
    text = (
        "Pressure from voters led the Dutch parliament to call a debate on Monday on whether to "
        "expel the Russian envoy."
    )
    assert all(e.cameo.root != "02" for e in _events(processor, text))


def test_an_attack_on_television_is_words(processor):
    # judging round 16: candidates who "went on the attack on television"
    text = "Four candidates went on the attack on television in Iowa in January 2016."
    assert _by_trigger(processor, text, "attack").plover.type == "ACCUSE"


def test_a_legal_or_a_nomination_battle_is_no_force(processor):
    # judging round 16: "her tough nomination battle with Sanders"
    text = "Hillary Clinton lost her long nomination battle with Barack Obama in 2008."
    assert not _events(processor, text)
    text = "The battle for Mosul between Iraqi forces and Islamic State began in October 2016."
    assert any(e.cameo.root == "19" for e in _events(processor, text))


def test_a_refusal_only_considered_is_not_made(processor):
    # judging round 16: a candidate weighing whether to refuse his endorsement
    text = "In 2016 John Kasich was considering announcing that he would not endorse Donald Trump."
    assert all(e.cameo.root != "12" for e in _events(processor, text))
    text = "In 2016 John Kasich announced that he would not endorse Donald Trump."
    assert any(e.cameo.root == "12" for e in _events(processor, text))


def test_an_act_for_someone_to_do_is_not_done(processor):
    # judging round 16: "reason enough for Clinton to visit the state"
    text = "In 2022 Western leaders said it was time for Russia to withdraw from Ukraine."
    assert _by_trigger(processor, text, "withdraw").modality == "hypothetical"


def test_backing_by_a_score_of_percents_is_a_poll(processor):
    # judging round 16: a poll of troops backing a candidate by a score of percents
    text = "In the poll, veterans backed Donald Trump, 57 percent to 22 percent, in August 2016."
    assert all(e.cameo.root != "05" for e in _events(processor, text))


def test_what_a_party_has_historically_done_is_a_record(processor):
    # judging round 16: what a party has done over decades to two companies
    text = "Republicans have historically criticised Barack Obama over his health care law."
    assert not _events(processor, text)
    text = "Republicans criticised Barack Obama over his health care law in March 2010."
    assert _events(processor, text)


def test_quitting_an_activity_is_no_resignation(processor):
    # judging round 16: a candidate who stopped giving paid speeches
    text = "Hillary Clinton quit giving paid speeches before she announced her run in 2015."
    assert all(e.plover.type != "RETREAT" for e in _events(processor, text))
    text = "Theresa May quit as prime minister of Britain in July 2019."
    assert any(e.plover.type == "RETREAT" for e in _events(processor, text))


def test_an_appeal_in_a_question_is_no_appeal(processor):
    # judging round 17: "He then asked the crowd, 'Can she stay?'", "why don't they call on him?"
    text = 'At the rally in Iowa, Donald Trump asked the crowd, "Should she stay?"'
    assert all(e.cameo.root != "02" for e in _events(processor, text))
    text = "Why didn't Hillary Clinton call on Congress to pass the bill in 2015?"
    assert all(e.cameo.root != "02" for e in _events(processor, text))


def test_a_condition_with_inversion_is_not_done(processor):
    # judging round 17: a candidate saying it would have been good had his rival praised him
    text = "Bernie Sanders said it would have been fair had Hillary Clinton praised him."
    assert _by_trigger(processor, text, "praised").modality == "hypothetical"


def test_hosting_a_debate_or_refugees_is_no_visit_received(processor):
    # judging round 17: "a debate hosted by ABC News", "laments hosting ... refugees"
    text = "In 2016 Turkey hosted almost three million refugees from Syria."
    assert all(e.cameo.code != "043" for e in _events(processor, text))
    text = "CNN hosted a Democratic primary debate in Michigan in March 2016."
    assert all(e.cameo.code != "043" for e in _events(processor, text))


def test_a_race_for_a_place_or_votes_is_no_fight(processor):
    # judging round 18: rivals "battling ... for second place", a win "among black voters"
    text = "Ted Cruz was battling with Marco Rubio for third place in New Hampshire."
    assert events(processor, text, published="2016-02-09") == []
    text = "Hillary Clinton has beaten Bernie Sanders among older voters in Florida."
    assert all(e.plover.type != "ASSAULT" for e in _events(processor, text))
    # people beaten "among" a crowd are beaten all the same; a war for a city is a war
    text = "Soldiers have beaten protesters among the crowd in Harare."
    assert any(e.plover.type == "ASSAULT" for e in _events(processor, text))
    text = "Rebels are fighting the Congolese army for control of Goma."
    assert any(e.plover.type == "ASSAULT" for e in _events(processor, text))


def test_a_law_struck_down_is_annulled_not_attacked(processor):
    # judging round 18: a court "struck down" a state's law coded as an assault
    text = "The Supreme Court struck down a North Carolina voting law in 2016."
    assert all(e.plover.type != "ASSAULT" for e in _events(processor, text))
    text = "Riot police struck down a protester with batons in Minsk."
    assert any(e.plover.type == "ASSAULT" for e in _events(processor, text))


def test_rallying_supporters_is_no_protest(processor):
    # judging round 18: a premier "rallying a coalition", an aide who "rallied supporters"
    text = "Matteo Renzi rallied his supporters in Florence on Sunday."
    assert all(e.plover.type != "PROTEST" for e in _events(processor, text))
    text = "Thousands of people rallied in Warsaw against the government on Sunday."
    assert any(e.plover.type == "PROTEST" for e in _events(processor, text))


def test_press_requests_and_studio_visits_are_no_politics(processor):
    # judging round 18: an interview request declined; a candidate "visited" a TV show
    text = "Al Gore declined an interview request from CNN on Sunday."
    assert all(e.plover.type != "REJECT" for e in _events(processor, text))
    text = "Iran declined a request from the IAEA to inspect the site."
    assert any(e.plover.type == "REJECT" for e in _events(processor, text))
    text = "Bernie Sanders visited CNN's studios in Atlanta to talk about the debate."
    assert all(e.cameo.code != "042" for e in _events(processor, text))


def test_a_course_of_action_argued_over_is_not_done(processor):
    # judging round 18: voters who "oppose cutting off" federal funds: no funds cut
    text = "Most Americans oppose cutting off military aid to Egypt, a new poll finds."
    assert all(
        e.modality != "asserted" or e.plover.type != "SANCTION" for e in _events(processor, text)
    )
    text = "The United States cut off military aid to Egypt in 2013."
    assert any(
        e.plover.type == "SANCTION" and e.modality == "asserted" for e in _events(processor, text)
    )


def test_a_dateline_is_not_part_of_the_first_actor(processor):
    # judging round 18: "MACAU (Reuters) - <donor>" made an American Macanese, "ROME - Sanders"
    # made him Italian
    text = "MOSCOW (Reuters) - Secretary of State John Kerry met Sergei Lavrov on Tuesday."
    ev = by_trigger(processor, text, "met", published="2015-12-15")
    assert "RUS" not in {a.country for a in ev.source}
    assert ev.source[0].text.startswith("Secretary")
    text = "PARIS - John Kerry met Laurent Fabius on Tuesday."
    ev = by_trigger(processor, text, "met", published="2015-12-15")
    assert [a.country for a in ev.source] == ["USA"] and ev.source[0].text == "John Kerry"


def test_coordinated_nouns_share_a_party_named_before_the_first(processor):
    # judging round 18: "GOP voters, lawmakers and thinkers": the lawmakers given the country
    # the article mentioned most (Canada) instead of the party's
    text = (
        "Canada and Mexico were also named. Lindsey Graham attacked GOP voters, lawmakers and "
        "donors for backing Trump."
    )
    ev = by_trigger(processor, text, "attacked", published="2016-03-14")
    assert {a.country for a in ev.target} == {"USA"}


def test_thanks_to_ones_own_family_is_private(processor):
    # judging round 18: a candidate who "thanked his parents, his siblings, his wife ..."
    text = (
        "Donald Trump won the New Hampshire primary on Tuesday, a big night for the Republican "
        "front-runner in the United States. Trump thanked his parents, his sister and his wife."
    )
    assert all(e.trigger.text != "thanked" for e in events(processor, text, published="2016-02-10"))
    text = "The junta in Niger released the wife of President Bazoum."
    assert any(e.plover.type == "RETREAT" for e in events(processor, text, published="2024-01-08"))


def test_being_anxious_to_talk_is_no_talk_held(processor):
    # judging round 18: "anxious to engage these people in a dialogue" coded as talks held
    text = "Ted Cruz is anxious to engage the Iranian leaders in a dialogue."
    assert all(e.modality != "asserted" for e in _events(processor, text))


def test_workers_going_on_strike_protest(processor):
    # a labour strike is gone on, staged or called; a strike that is launched on a place is an
    # attack, left to the attack patterns
    text = "Thousands of teachers in Kaduna went on strike over unpaid salaries."
    ev = by_trigger(processor, text, "strike", published="2018-05-02")
    assert ev.plover.type == "PROTEST" and [a.sector for a in ev.source] == ["EDU"]
    text = "Port workers in Mombasa staged a strike over pay on Monday."
    assert by_trigger(processor, text, "strike", published="2018-05-02").plover.type == "PROTEST"


def test_what_someone_does_in_general_is_no_event(processor):
    # judging round 19: "Putin kills journalists", "our presidents kill terrorists", "the
    # federal government offers loans to parents": the simple present with a bare plural
    # object, after the headline and with no date, is a general statement
    for line in (
        "Mitt Romney wrote that Putin jails journalists while American presidents hunt terrorists.",
        "The federal government offers loans to parents.",
    ):
        text = "Campaign notes. " + line
        assert events(processor, text, published="2016-09-05") == [], line
    # a headline in the present, or the present with a date, reports an event
    ev = by_trigger(
        processor, "Police arrest protesters in Nairobi.", "arrest", published="2016-09-05"
    )
    assert ev.plover.type == "COERCE"
    text = "Campaign notes. Kenya deploys troops to Somalia on Monday."
    assert by_trigger(processor, text, "deploys", published="2016-09-05").plover.type == "MOBILIZE"


def test_a_campaign_stop_at_home_is_no_visit(processor):
    # judging round 19: a candidate "visiting Richmond, Virginia, ... for a rally and private
    # fundraiser" coded as a visit
    text = "Hillary Clinton visited Tampa, Florida, on Monday for a rally with supporters."
    assert all(e.cameo.code != "042" for e in events(processor, text, published="2016-08-31"))
    text = "Barack Obama visited Havana on Monday."
    ev = by_trigger(processor, text, "visited", published="2016-03-21")
    assert [a.country for a in ev.target] == ["CUB"]


def test_persuading_someone_to_act_is_not_their_act(processor):
    # judging round 19: people a supporter tried to persuade to back a campaign were coded as
    # backing it
    text = "Qatar persuaded Hamas to accept the truce."
    ev = by_trigger(processor, text, "accept", published="2016-04-11")
    assert ev.modality != "asserted"


def test_a_body_described_as_backed_by_someone_is_no_act_of_support(processor):
    # judging round 19: "the ruling party, which is backed by the military" coded as support
    text = "Leaders of the ruling party, which is backed by the army, lost their seats in Yangon."
    assert all(e.plover.type != "SUPPORT" for e in events(processor, text, published="2015-11-09"))
