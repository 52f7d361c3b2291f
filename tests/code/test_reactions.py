"""Reactions to "the decision" are aimed at whoever made it (code/reactions.py).

Sentences of our own, about real events, run through the real pipeline.
"""

from __future__ import annotations

from code_sentences import by_trigger, countries


def test_a_criticism_of_the_decision_told_before_is_aimed_at_its_author(processor):
    text = (
        "Denmark said on Monday that it would not extradite the Russian activist to Moscow. "
        "Russian officials criticised the decision."
    )
    ev = by_trigger(processor, text, "criticised")
    assert countries(ev.target) == ["DNK"]
    # the identity comes from the earlier sentence, not from the article's focus
    assert ev.target[0].start < text.index("Russian officials")


def test_a_reaction_in_the_same_sentence_points_to_the_act_before_it(processor):
    text = "Iran banned women from attending football matches, the UN said, condemning the rule."
    ev = by_trigger(processor, text, "condemning")
    assert countries(ev.target) == ["IRN"]


def test_a_side_defending_its_own_decision_reacts_to_no_one(processor):
    text = "Kenya expelled two Somali diplomats. Kenya defended the decision."
    ev = by_trigger(processor, text, "defended")
    assert ev.target == ()


def test_without_a_pointing_noun_there_is_nothing_to_point_back_to(processor):
    text = "Denmark refused to extradite the activist. Russian officials criticised Copenhagen."
    ev = by_trigger(processor, text, "criticised")
    assert countries(ev.target) == ["DNK"]  # named, as it was
    text = "Denmark refused to extradite the activist. Russian officials criticised a ruling."
    assert by_trigger(processor, text, "criticised").target == ()


def test_dissolving_parties_bans_them(processor):
    ev = by_trigger(processor, "Burkina Faso's junta dissolved all political parties.", "dissolved")
    assert ev.cameo.code == "1722" and countries(ev.target) == ["BFA"]
    ev = by_trigger(processor, "Iran banned women from attending football matches.", "banned")
    assert ev.plover.type == "COERCE" and countries(ev.target) == ["IRN"]


def test_a_later_claim_of_the_attack_names_its_author(processor):
    text = (
        "Gunmen killed six Nigerien soldiers near Tillaberi on Sunday. The attackers fled on "
        "motorbikes. The Islamic State in the Sahel claimed the attack on Monday."
    )
    events = processor.process_text(text, published="2023-03-14").events
    killed = next(e for e in events if e.trigger.text == "killed")
    claim = next(e for e in events if e.trigger.text == "claimed")
    # the gunmen were the claimant's, and the claim is aimed at the soldiers attacked
    assert (
        countries(killed.source) == ["IMG"] and killed.source[0].start > text.index("Monday") - 60
    )
    assert countries(claim.target) == ["NER"]
    assert claim.place is not None and claim.place.country == "NER"


def test_a_claim_of_another_attack_owns_none_of_the_earlier_ones(processor):
    text = (
        "Gunmen killed six soldiers near Tillaberi on Sunday. The Islamic State in the Sahel "
        "claimed responsibility on Monday for a bombing in Menaka."
    )
    events = processor.process_text(text, published="2023-03-14").events
    killed = next(e for e in events if e.trigger.text == "killed")
    assert "IMG" not in countries(killed.source)


def test_the_bomber_is_the_author_of_the_attack_told_before(processor):
    text = (
        "Al-Shabaab claimed responsibility for a bombing at a hotel in Mogadishu on Friday. "
        "The bomber struck the hotel gate."
    )
    struck = by_trigger(processor, text, "struck", "2023-03-14")
    assert countries(struck.source) == ["SOM"] and struck.source[0].text == "Al-Shabaab"
    # "a bomber" introduces someone new
    text = (
        "Al-Shabaab claimed responsibility for a bombing at a hotel in Mogadishu on Friday. "
        "A bomber struck a market in Baidoa on Sunday."
    )
    assert by_trigger(processor, text, "struck", "2023-03-14").source[0].text == "bomber"
