"""Event place rules of issue 16's second round: sentences written for the test, the real
model and gazetteer, through ``Processor.locate`` (so every trigger of the sentence counts)."""

from __future__ import annotations

import pytest


def _span(processor, text: str, verb: str) -> str | None:
    start = text.index(verb)
    place = processor.locate(text, start, start + len(verb))
    if place is None or place.char_start is None or place.char_end is None:
        return None
    return text[place.char_start : place.char_end]


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        # a date after a name is not part of it
        ("Dock workers rallied outside the port in Sardinia Friday to back a strike.", "rallied",
         "Sardinia"),
        # an appositive place noun says an unknown name is a place
        ("Police detained four suspects in Basti Kharan Wala, a small village some 60 "
         "kilometres east of Bahawalpur, officials said.", "detained", "Basti Kharan Wala"),
        # a country naming a site it owns abroad is its owner, not where the site is
        ("A mine wounded two marines on a road outside the US air base in Bagram on Monday.",
         "wounded", "Bagram"),
        # a known place naming the fighting the event happens in
        ("At least nine fighters were killed in the Raqqa offensive last week.", "killed",
         "Raqqa"),
    ],
)  # fmt: skip
def test_place_found(processor, text, verb, expected):
    assert _span(processor, text, verb) == expected


@pytest.mark.parametrize(
    ("text", "verb", "wrong"),
    [
        # a place in a relative clause of the subject says what the actor is, not where it acts
        ("The militia, which holds most of Kidal and Gao, seized two army posts on Monday.",
         "seized", "Kidal"),
        # a place inside another event's name, not reached through a locative of ours
        ("Hundreds of Sarajevo residents marched on Saturday in memory of the Srebrenica "
         "massacre.", "marched", "Srebrenica"),
        # a place inside a protest's grievance
        ("Students were protesting on Monday against the bombing campaign in Yemen.",
         "protesting", "Yemen"),
        # a place qualifying the person captured, not where the capture happened
        ("Police captured a senior commander of Peru's main rebel movement on Tuesday.",
         "captured", "Peru"),
    ],
)  # fmt: skip
def test_place_refused(processor, text, verb, wrong):
    assert _span(processor, text, verb) != wrong


def _places(processor, text: str) -> dict[str, tuple[str | None, bool]]:
    """Trigger word -> (the event's place name, inferred) for every event of ``text``."""
    result = processor.process_text(text, published="2024-03-02")
    return {
        ev.trigger.text: (ev.place.text if ev.place else None, bool(ev.place and ev.place.inferred))
        for ev in result.events
    }


def test_the_lede_country_yields_to_the_town_said_next(processor):
    text = (
        "A car bomb killed six policemen in northern Iraq on Friday, officials said.\n\n"
        "Gunmen attacked a checkpoint in the city of Tikrit before dawn, police said."
    )
    assert _places(processor, text).get("killed", (None, False))[0] == "Tikrit"


def test_an_event_told_again_takes_its_town(processor):
    text = (
        "Gunmen stormed a police station in the town of Tillaberi on Monday.\n\n"
        "The gunmen killed four officers in the attack, the worst in Niger this year, the army "
        "said."
    )
    place, inferred = _places(processor, text).get("killed", (None, True))
    assert place == "Tillaberi" and not inferred


def test_a_visit_takes_the_country_it_goes_to_or_a_nested_locative(processor):
    text = (
        "The prime minister was speaking at the Lowy Institute in Sydney on the last day of an "
        "Australian state visit."
    )
    start = text.index("visit")
    place = processor.locate(text, start, start + len("visit"))
    assert place is not None and place.country == "AUS"


def test_an_event_right_after_another_shares_its_place(processor):
    text = "Troops captured the commander after two days of fighting in Helmand province."
    assert _span(processor, text, "captured") == "Helmand"


def test_an_event_done_while_doing_something_shares_its_place(processor):
    text = (
        'The army said: "Three soldiers were killed by a mine while they were guarding a '
        'checkpoint in Mali yesterday."'
    )
    start = text.index("killed")
    place = processor.locate(text, start, start + len("killed"))
    assert place is not None and place.country == "MLI" and not place.inferred


def test_the_same_incident_told_again_keeps_its_town_marked_inferred(processor):
    text = (
        "Militants killed five soldiers in the town of Kidal on Tuesday.\n\n"
        "The defence ministry confirmed that five soldiers were killed by the militants.\n\n"
        "The ministry said two civilians were injured."
    )
    result = processor.process_text(text, published="2024-03-02")
    second = [ev for ev in result.events if ev.sentence == 1 and ev.plover.type == "ASSAULT"]
    assert second, [(ev.sentence, ev.trigger.text, ev.plover.type) for ev in result.events]
    assert all(ev.place and ev.place.text == "Kidal" and ev.place.inferred for ev in second)


def test_people_protest_where_they_are_from(processor):
    text = "About 2,000 Taiwan students demonstrated on Saturday against the new labour law."
    start = text.index("demonstrated")
    place = processor.locate(text, start, start + len("demonstrated"))
    assert place is not None and place.country == "TWN"


def test_naming_the_incident_narrows_a_country_to_its_town(processor):
    text = (
        "Gunmen stormed a police station in the town of Tillaberi on Monday.\n\n"
        'Condemning the attack, the ministry said: "The gunmen killed four officers in Niger '
        'yesterday."'
    )
    places = _places(processor, text)
    assert places.get("killed", (None, True))[0] == "Tillaberi"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a site's own name in apposition is finer than the town naming the site
        ("On Friday government troops captured the old Herat army base, Camp Zafar Heights, "
         "after a short fight.", "Camp Zafar Heights"),
        # after a settlement noun the apposition is its container: the town stays
        ("Gunmen captured a police post in Jolo town, Sulu, on Sunday.", "Jolo"),
    ],
)  # fmt: skip
def test_named_site(processor, text, expected):
    assert _span(processor, text, "captured") == expected
