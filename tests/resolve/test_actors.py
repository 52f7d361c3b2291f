"""Actor phrases resolve to a country and the sector of their head noun, on the article's date;
an article teaches roles that later mentions resolve to."""

from __future__ import annotations

import pytest

from eventwire.kb import load_kb
from eventwire.nlp.convert import doc_to_sentences
from eventwire.records import CONTEXT_KB_ID
from eventwire.resolve.actors import (
    ActorContext,
    ActorResolver,
    build_context,
    resolve_phrase,
    words_of,
)


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("Russian military instructors", "RUS", "MIL"),
        ("French forces", "FRA", "MIL"),
        ("Niger's military government", "NER", "MIL"),
        ("head of Mali's military government", "MLI", "MIL"),
        ("one of the Turkish instructors", "TUR", "MIL"),
        ("Washington", "USA", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("Burkinabe soldiers", "BFA", "MIL"),
        ("Nigerien police", "NER", "COP"),
        ("Palestinians", "PSE", "CVL"),  # a demonym alone: the people
        ("rebels in Darfur", None, "REB"),  # the head is before "in"
        ("trade unions in Norway", "NOR", "LAB"),
        ("Boko Haram gunmen", "NGA", "REB"),  # an armed group's members keep its sector
        ("UN peacekeepers", "UNO", "MIL"),  # an IGO's soldiers are soldiers
        ("a Hindu community leader", None, "REL"),  # a leader takes the community's sector
        ("President of the Nigerian Bar Association", "NGA", "SOC"),
        ("Director of Central Intelligence", None, "SPY"),
        ("Shanghai police", "CHN", "COP"),  # a known place, not a country name
        ("Kano State government", "NGA", "GOV"),
        ("Abkhazia", "GEO", "PRE"),  # a breakaway region belongs to the state it left
    ],
)
def test_phrase_resolves_country_and_sector(phrase, country, sector):
    actor = resolve_phrase(phrase, date="2024-04-12")
    assert actor is not None
    assert (actor.country, actor.sector) == (country, sector)


def test_modifier_alone_does_not_give_a_sector():
    actor = resolve_phrase("Russian cargo plane")
    assert actor is not None and actor.country == "RUS" and actor.sector is None
    airport = resolve_phrase("Niamey airport")  # a capital before a noun is not the government
    assert airport is not None and airport.country == "NER" and airport.sector is None


def test_known_person_resolves_by_office_on_the_date():
    actor = resolve_phrase("Vladimir Putin", date="2024-04-12")
    assert actor is not None
    assert (actor.country, actor.sector, actor.name) == ("RUS", "GOV", "Vladimir Putin")
    assert actor.kb_id == "person:putin" and actor.confidence >= 0.85


def test_person_out_of_office_on_the_date_is_a_former_office_holder():
    then = resolve_phrase("Angela Merkel", date="2017-04-01")
    later = resolve_phrase("Angela Merkel", date="2022-01-10")
    assert then is not None and later is not None
    assert (then.country, then.sector) == ("DEU", "GOV")
    assert (later.country, later.sector) == ("DEU", "ELI")


def test_title_before_a_known_name_says_what_they_are_in_the_text():
    actor = resolve_phrase("General Thierry Burkhard", date="2026-01-01")  # retired in 2025
    assert actor is not None and (actor.country, actor.sector) == ("FRA", "MIL")


@pytest.mark.parametrize(
    ("phrase", "day", "name"),
    [
        ("the French president", "2016-05-01", "François Hollande"),
        ("the French president", "2024-05-01", "Emmanuel Macron"),
        ("Russia's defence minister", "2020-01-01", "Sergei Shoigu"),
        ("Russia's defence minister", "2025-01-01", "Andrei Belousov"),
        ("the Nigerien head of state", "2022-01-01", "Mohamed Bazoum"),
        ("the Nigerien head of state", "2024-01-01", "Abdourahamane Tiani"),
    ],
)
def test_an_office_resolves_to_its_holder_on_the_articles_date(phrase, day, name):
    actor = resolve_phrase(phrase, date=day)
    assert actor is not None and actor.name == name
    assert actor.kb_id is not None and actor.kb_id.startswith("person:")


def test_a_military_head_of_state_keeps_the_military_sector():
    actor = resolve_phrase("the Nigerien head of state", date="2024-01-01")
    assert actor is not None and actor.sector == "MIL"


def test_title_before_an_unknown_name_gives_the_sector_not_the_office_holder():
    actor = resolve_phrase("Malian Foreign Minister Jane Doe-Example", date="2024-01-01")
    assert actor is not None and (actor.country, actor.sector) == ("MLI", "GOV")
    assert actor.name is None  # Abdoulaye Diop held the office, but the text names someone else


def test_phrase_with_nothing_known_is_unresolved():
    assert resolve_phrase("a goat called Lulu") is None
    assert resolve_phrase("a goat called Lulu that chewed through the garden fence") is None


def test_acronyms_match_only_in_capitals():
    assert resolve_phrase("what the US wants") is not None
    assert resolve_phrase("what they told us") is None  # "us" is not the USA
    who = resolve_phrase("a man who ran")
    assert who is None or who.country is None  # "who" is not the WHO
    car = resolve_phrase("car theft syndicate")
    assert car is not None and car.country is None and car.sector == "CRM"  # nor "car" CAR


def test_possessive_is_part_of_a_name_when_the_name_has_it():
    actor = resolve_phrase("People's Republic of China")
    assert actor is not None and actor.country == "CHN"


def test_anti_and_pro_do_not_give_their_country():
    actor = resolve_phrase("an anti-Iran journalist")
    assert actor is not None and actor.country is None and actor.sector == "JRN"


def test_organisation_sector_follows_the_date():
    rebels = resolve_phrase("the Rwandan Patriotic Front", date="1990-06-01")
    party = resolve_phrase("the Rwandan Patriotic Front", date="2020-06-01")
    assert rebels is not None and party is not None
    assert (rebels.sector, party.sector) == ("REB", "PTY")


def test_context_text_places_a_phrase_that_names_no_country():
    assert resolve_phrase("the National Guard").country is None  # type: ignore[union-attr]
    actor = resolve_phrase("the National Guard", context="Saudi")
    assert actor is not None and (actor.country, actor.sector) == ("SAU", "MIL")
    assert actor.kb_id == CONTEXT_KB_ID


def test_region_is_the_kb_entry_but_not_a_country():
    actor = resolve_phrase("West African leaders")
    assert actor is not None and actor.country is None and actor.sector == "GOV"
    assert actor.kb_id == "region:west_africa"


# -- what one article teaches ---------------------------------------------------------------


def _ctx(*countries: str, day: str = "2024-04-12") -> ActorContext:
    from datetime import date

    ctx = ActorContext(ActorResolver(load_kb(), date.fromisoformat(day)))
    for c in countries:
        ctx.note_country(c)
    return ctx


def _resolve(ctx: ActorContext, phrase: str, *, start: int = 1000, entity=None, exclude=()):
    return ctx.resolve(
        words_of(phrase),
        text=phrase,
        start=start,
        end=start + len(phrase),
        entity=entity,
        exclude=frozenset(exclude),
    )


def test_bare_government_takes_the_articles_country_but_not_the_other_sides():
    ctx = _ctx("NER", "NER", "USA")
    gov = _resolve(ctx, "the government")
    assert gov is not None and (gov.country, gov.kb_id) == ("NER", CONTEXT_KB_ID)
    other = _resolve(ctx, "the government", exclude={"NER"})
    assert other is not None and other.country == "USA"
    assert gov.confidence < 0.6


def test_the_junta_is_the_militarily_ruled_country():
    ctx = _ctx("USA", "USA", "USA", "NER")
    junta = _resolve(ctx, "the junta")
    assert junta is not None and (junta.country, junta.sector) == ("NER", "MIL")


def test_the_president_is_the_holder_in_the_articles_country():
    ctx = _ctx("FRA", "FRA", day="2016-05-01")
    actor = _resolve(ctx, "the president")
    assert actor is not None and actor.country == "FRA" and actor.name == "François Hollande"
    assert _resolve(ctx, "the elected president").name is None  # type: ignore[union-attr]


def test_an_appositive_teaches_a_role_for_later_mentions():
    ctx = _ctx("MLI")
    ctx.learn("Jane Doe-Example", words_of("Mali's foreign minister"), start=10)
    full = _resolve(ctx, "Jane Doe-Example", entity="PERSON")
    surname = _resolve(ctx, "Doe-Example", entity="PERSON")
    assert full is not None and (full.country, full.sector) == ("MLI", "GOV")
    assert surname is not None and (surname.country, surname.sector) == ("MLI", "GOV")


def test_an_unknown_named_group_gets_the_articles_country():
    ctx = _ctx("BFA")
    actor = _resolve(ctx, "Koglweogo Example Front", entity="ORG")
    assert actor is not None and actor.country == "BFA" and actor.kb_id == CONTEXT_KB_ID
    assert _resolve(_ctx(), "Koglweogo Example Front", entity="ORG") is None


def test_an_unknown_person_gets_no_country_from_the_article():
    # a drone strike on a man the text never ties to a country is not aimed at the country
    # the article is about: the person stays unknown (issue 13)
    assert _resolve(_ctx("BFA"), "Jane Doe-Example", entity="PERSON") is None


@pytest.fixture(scope="module")
def nlp():
    from eventwire.nlp.model import get_nlp

    return get_nlp()


def _context(nlp, text: str, day: str = "2024-04-12") -> ActorContext:
    from datetime import date

    sents = doc_to_sentences(nlp(text), "t")
    return build_context(sents, ActorResolver(load_kb(), date.fromisoformat(day)))


def test_build_context_learns_titles_so_the_general_is_the_same_man(nlp):
    text = (
        "General Abdourahamane Tiani met the ambassador in Niamey. "
        "Later the general said Niger would not yield."
    )
    ctx = _context(nlp, text)
    start = text.index("the general") + 4
    actor = _resolve(ctx, "general", start=start)
    assert actor is not None and actor.name == "Abdourahamane Tiani"
    assert (actor.country, actor.sector) == ("NER", "MIL")


def test_build_context_learns_an_appositive_for_an_unknown_broadcaster(nlp):
    text = (
        "Niger's junta spoke on Monday. Radio Example Sahel, the state broadcaster, "
        "said Niamey would hold talks. Radio Example Sahel later aired the speech."
    )
    ctx = _context(nlp, text)
    later = _resolve(ctx, "Radio Example Sahel", entity="ORG", start=text.rindex("Radio"))
    assert later is not None and (later.country, later.sector) == ("NER", "GOV")
    bare = _resolve(ctx, "the state broadcaster", start=text.rindex("Radio"))
    assert bare is not None and bare.country == "NER"


def test_build_context_carries_a_nouns_country_to_its_bare_mention(nlp):
    text = "Russian military advisers reached Bamako on Monday. The advisers will train the army."
    ctx = _context(nlp, text)
    actor = _resolve(ctx, "The advisers", start=text.index("The advisers"))
    assert actor is not None and (actor.country, actor.sector) == ("RUS", "MIL")
    assert actor.kb_id == CONTEXT_KB_ID


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("Association of Farmers of Western Australia", "AUS"),
        ("Friends of the Northern Territory Museum", "AUS"),
    ],
)
def test_an_unknown_organisation_named_after_a_state_takes_its_country(phrase, country):
    actor = resolve_phrase(phrase, date="2024-04-12")
    assert actor is not None and actor.country == country


def test_a_generic_region_name_decides_nothing():
    # "Central Region" names a province in several countries
    actor = resolve_phrase("Teachers Union of the Central Region", date="2024-04-12")
    assert actor is None or actor.country is None


def test_a_variant_spelling_of_a_known_group_is_that_group():
    actor = resolve_phrase("Jamaat Nusrat al Islam wal Muslimin", date="2024-04-12")
    assert actor is not None and actor.kb_id == "org:jnim"
    assert resolve_phrase("Jamaat Example al Islam", date="2024-04-12") is None


def test_a_known_name_inside_a_longer_unknown_name_is_not_that_organisation():
    actor = resolve_phrase("Social Democratic Party", date="2024-04-12")
    assert actor is None or (actor.country is None and actor.name is None)
    possessed = resolve_phrase("Osama bin Laden's al-Qaeda", date="2001-10-01")
    assert possessed is not None and possessed.kb_id == "org:al_qaeda"


def test_an_ungoverned_territory_is_a_place_not_an_actor():
    assert resolve_phrase("Antarctica", date="2024-04-12") is None


def test_health_workers_have_the_medical_sector():
    actor = resolve_phrase("Malian doctors", date="2024-04-12")
    assert actor is not None and (actor.country, actor.sector) == ("MLI", "MED")


def test_a_foreign_creed_party_is_not_the_us_democratic_party():
    for phrase, country in (
        ("Italian Christian Democrats", "ITA"),
        ("Swedish Social Democrats", "SWE"),
    ):
        actor = resolve_phrase(phrase, date="1987-03-01")
        assert actor is not None and (actor.country, actor.sector, actor.name) == (
            country,
            "PTY",
            None,
        )


@pytest.mark.parametrize(
    ("phrase", "day", "expected"),
    [
        ("Federal Reserve Chairman Paul Volcker", "1987-03-10", ("USA", "GOV", "Paul Volcker")),
        ("Federal Reserve Chairman", "1987-03-10", ("USA", "GOV", "Federal Reserve")),
        ("Bank of England Governor", "1987-03-10", ("GBR", "GOV", "Bank of England")),
        ("Nakasone", "1986-05-01", ("JPN", "GOV", "Yasuhiro Nakasone")),
        ("U.S. Treasury Secretary", "1987-03-10", ("USA", "GOV", "James Baker")),
        # a director general heads a body; "General" alone would make him a soldier
        (
            "Director General of the OECD",
            "1987-03-10",
            ("IGO", "GOV", "Organisation for Economic Co-operation and Development"),
        ),
        ("its 13-bank advisory committee", "1987-03-10", (None, "BUS", None)),
        # people who share a name: the one in office on the date
        ("Bush", "1990-03-01", ("USA", "GOV", "George H. W. Bush")),
        ("Bush", "2005-03-01", ("USA", "GOV", "George W. Bush")),
        ("Marcos", "1985-03-01", ("PHL", "GOV", "Ferdinand Marcos")),
        ("Marcos", "2024-03-01", ("PHL", "GOV", "Ferdinand Marcos Jr.")),
        # ministers of an international body are government people, whatever the body's sector
        (
            "OPEC ministers",
            "1987-03-10",
            ("IGO", "GOV", "Organization of the Petroleum Exporting Countries"),
        ),
    ],
)
def test_officers_of_a_body_and_office_holders_of_the_1980s(phrase, day, expected):
    # an officer's title after a body's name makes no longer name of it
    actor = resolve_phrase(phrase, date=day)
    assert actor is not None
    assert (actor.country, actor.sector, actor.name) == expected


def test_an_unknown_group_takes_the_articles_country_only_when_one_leads_clearly():
    # a story on Brazil's debt talks in Washington names Brazilians and Americans alike
    even = _resolve(_ctx("BRA", "USA", "BRA", "USA"), "Jose Quixada", entity="PERSON")
    assert even is None or even.country is None
    led = _resolve(_ctx("BRA", "BRA", "USA", "BRA", "BRA"), "Jose Quixada", entity="PERSON")
    assert led is None or led.country is None  # a person is not the article's country either
    group = _resolve(_ctx("BRA", "BRA", "USA", "BRA", "BRA"), "Quixada Example Front", entity="ORG")
    assert group is not None and group.country == "BRA" and group.kb_id == CONTEXT_KB_ID


def test_a_count_at_the_start_of_a_sentence_begins_no_name():
    # capitalised only because it opens the sentence: "Twenty" is no first name of a "Boko"
    actor = resolve_phrase("Twenty Boko Haram fighters", date="2024-04-12")
    assert actor is not None and (actor.country, actor.sector) == ("NGA", "REB")
    assert resolve_phrase("One Nation senators") is not None  # a party named with a number


def test_europe_as_an_actor_has_europes_code():
    # event data codes Europe acting or acted on as EUR ("criticised Europe", "European allies")
    for text in ("Europe", "European allies", "European leaders"):
        actor = resolve_phrase(text, date="2019-01-01")
        assert actor is not None and actor.country == "EUR", text
    # a name built on the region's is another name, as for organisations
    assert resolve_phrase("the Europe Bridge", date="2019-01-01") is None
    # regions without an event-data code keep no country
    actor = resolve_phrase("West African leaders", date="2019-01-01")
    assert actor is not None and actor.country is None


def test_the_coalition_against_islamic_state_is_coded_by_its_leader():
    for text in ("US-led coalition", "the international coalition against Islamic State"):
        actor = resolve_phrase(text, date="2018-01-01")
        assert actor is not None and actor.country == "USA", text


def test_an_acronym_body_keeps_its_identity_in_the_possessive():
    from datetime import date

    from eventwire.resolve.actor_match import ActorResolver

    resolver = ActorResolver(load_kb(), date(2018, 1, 1))
    found = resolver.resolve_words(words_of("the EU's foreign policy chief"))
    assert found.country == "EUR"
    found = resolver.resolve_words(words_of("the UN's envoy for Yemen"))
    assert found.country == "UNO"


def test_an_official_of_a_body_named_beside_her_name_is_the_bodys(nlp):
    # issue 13: officials of an IGO are the IGO, not their own country
    ctx = _context(nlp, "Jane Doe-Example, the EU's foreign policy chief, flew to Kyiv.")
    actor = ctx.resolve(words_of("Jane Doe-Example"), text="Jane Doe-Example", start=0, end=16)
    assert actor is not None and actor.country == "EUR"


def test_a_surname_before_the_persons_first_office_is_someone_else():
    from datetime import date

    from eventwire.resolve.actor_match import ActorResolver

    kb = load_kb()
    # Muhammad Yunus led Bangladesh's interim government from August 2024
    before = ActorResolver(kb, date(2024, 1, 17)).resolve_words(words_of("Yunus"))
    after = ActorResolver(kb, date(2024, 9, 1)).resolve_words(words_of("Yunus"))
    assert before.country is None
    assert after.country == "BGD"


def test_an_embassy_is_never_the_country_it_stands_in():
    ctx = _ctx("COD", "COD", "COD")
    actor = _resolve(ctx, "embassies")
    assert actor is None or actor.country is None


def test_a_surname_inside_a_longer_unknown_name_is_someone_else():
    from datetime import date

    from eventwire.resolve.actor_match import ActorResolver

    resolver = ActorResolver(load_kb(), date(2016, 9, 22))
    # "Lamont" is a KB surname, but "Keith Lamont Scott" is another man altogether
    assert resolver.resolve_words(words_of("Keith Lamont Scott")).kb_id is None
    # a title before a surname is no longer name ("French President Macron")
    later = ActorResolver(load_kb(), date(2018, 9, 22))
    assert later.resolve_words(words_of("President Macron")).country == "FRA"


def test_a_party_name_in_lower_case_is_a_leaning():
    from datetime import date

    from eventwire.resolve.actor_match import ActorResolver

    resolver = ActorResolver(load_kb(), date(2016, 9, 22))
    assert resolver.resolve_words(words_of("conservatives")).kb_id is None
    assert resolver.resolve_words(words_of("the Conservatives")).country == "GBR"


def test_a_party_adjective_before_a_title_names_the_party_country():
    from datetime import date

    from eventwire.resolve.actor_match import ActorResolver

    resolver = ActorResolver(load_kb(), date(2018, 5, 15))

    def country(text: str) -> str | None:
        return resolver.resolve_words(words_of(text)).country

    # the office belongs to the party, and the party to its country
    assert country("the former Liberal Democrat leader") == "GBR"
    assert country("a Tory minister") == "GBR"
    assert country("a Democratic presidential candidate") == "USA"
    # only the whole run of capitalised words, and only before a title
    assert country("the Social Democrat leader") is None
    assert country("the Republican Guard") is None
    assert country("the Democratic Reform party") is None


def test_kurdish_forces_of_iraq_and_syria_are_told_apart():
    # the peshmerga are the Kurdistan Region of Iraq's forces; the YPJ and the PYD are Syrian
    assert resolve_phrase("the peshmerga", date="2017-10-16").country == "IRQ"
    assert resolve_phrase("Kurdish peshmerga", date="2017-10-16").country == "IRQ"
    assert resolve_phrase("the YPJ", date="2018-02-01").country == "SYR"
    assert resolve_phrase("the PYD", date="2018-02-01").country == "SYR"


def test_a_person_of_a_province_or_city_is_of_its_country():
    # "Senator Chris Murphy of Connecticut": the place a person is of or from is theirs
    actor = _resolve(_ctx(), "Senator Chris Murphy of Connecticut", entity="PERSON")
    assert actor is not None and actor.country == "USA"
    actor = _resolve(_ctx(), "Mayor Anne Hidalgo of Paris", entity="PERSON")
    assert actor is not None and actor.country == "FRA"
    # a place named inside a person's name is not read as one
    assert _resolve(_ctx(), "Jane Doe-Example", entity="PERSON") is None


def test_a_lower_case_word_is_no_country_or_capital(processor):
    # judging round 16: "male troops" read as Male, the capital of the Maldives
    text = "In Syria, male fighters of the militia attacked a checkpoint near Aleppo in 2015."
    result = processor.process_text(text, published="2015-06-10")
    assert all(a.country != "MDV" for e in result.events for a in (*e.source, *e.target))


def test_a_place_based_noun_is_of_that_place(processor):
    # judging round 16: "an Istanbul-based college professor" given the article's country
    text = (
        "Donald Trump spoke in Ohio on Monday. An Istanbul-based academic was accused by the "
        "Turkish government of plotting the failed coup of July 2016."
    )
    result = processor.process_text(text, published="2016-08-24")
    accused = [e for e in result.events if e.trigger.text == "accused"]
    assert accused and [a.country for a in accused[0].target] == ["TUR"]


def test_a_us_party_and_state_tag_makes_a_politician_american(processor):
    # judging round 16: "Senate Minority Leader Harry Reid (D-Nev.)" given no country
    text = "Rep. Adam Schiff (D-Calif.) accused the White House of a cover-up in 2019."
    result = processor.process_text(text, published="2019-10-02")
    accused = [e for e in result.events if e.trigger.text == "accused"]
    assert accused and [a.country for a in accused[0].source] == ["USA"]


def test_an_ordinary_first_word_or_a_first_name_is_no_place_or_person():
    # judging round 16: "Free trade really helps ..." read as Free State; "Anwar al-Awlaki"
    # as Malaysia's Anwar Ibrahim
    assert resolve_phrase("Free trade", date="2016-04-27") is None
    actor = resolve_phrase("Anwar al-Awlaki", date="2011-10-01")
    assert actor is None or actor.country != "MYS"


def test_a_state_before_an_abbreviated_title_makes_a_politician_american(processor):
    # judging round 16: "Vermont Sen. Bernie Sanders" given no country (the abbreviated title
    # was no title, and a place before a person's title was not read)
    text = "Vermont Sen. Bernie Sanders criticised Hillary Clinton in a debate in February 2016."
    result = processor.process_text(text, published="2016-02-12")
    ev = next(e for e in result.events if e.trigger.text == "criticised")
    assert [(a.country, a.sector) for a in ev.source] == [("USA", "LEG")]


def test_a_treaty_named_after_a_capital_is_no_actor_of_its_country():
    # judging round 17: candidates who "criticized the Paris agreement" were coded as
    # criticising France; the city names where the treaty was signed
    assert resolve_phrase("the Paris agreement", date="2017-06-01") is None
    assert resolve_phrase("the Minsk accords", date="2015-02-12") is None
    actor = resolve_phrase("the Paris government", date="2017-06-01")
    assert actor is not None and actor.country == "FRA"


def test_a_person_with_a_state_title_takes_the_articles_clear_country(processor):
    # judging rounds 16-17: "Sen. Bernie Sanders" with no country in US election stories; a
    # state office's title ties the person to a state, the one the article is clearly about
    # (an untitled unknown person still gets none: test_an_unknown_person_gets_no_country_...)
    text = (
        "The United States Senate met in Washington on Monday. American voters watched the "
        "vote. Sen. Jane Doe-Example criticised China over its steel exports."
    )
    result = processor.process_text(text, published="2016-03-01")
    ev = next(e for e in result.events if e.trigger.text == "criticised")
    assert [(a.country, a.sector) for a in ev.source] == [("USA", "LEG")]


def test_new_york_is_new_york_not_york_in_england():
    # judging round 18: a state attorney general "of New York" read as British: the city's
    # name opens "New York City", and a one-word part of a longer name was skipped for York
    for text in ("the New York state attorney general", "New York police"):
        actor = resolve_phrase(text, date="2016-06-01")
        assert actor is not None and actor.country == "USA", text
    assert resolve_phrase("Free trade", date="2016-04-27") is None


def test_a_jury_convicts_as_a_court_and_a_sheriff_polices():
    assert resolve_phrase("the jury", date="2018-05-02").sector == "JUD"
    assert resolve_phrase("the county sheriff", date="2018-05-02").sector == "COP"


def test_acronyms_regions_and_popes_round_19():
    # judging round 19: "the BLM group" as Brazilian (a code the gazetteer lists for Belém),
    # "New England delegates" as British, the pope as American
    assert resolve_phrase("the BLM group", date="2016-02-11") is None
    actor = resolve_phrase("New England delegates", date="2016-06-16")
    assert actor is None or actor.country != "GBR"
    actor = resolve_phrase("Pope Francis", date="2016-02-17")
    assert actor is not None and (actor.country, actor.sector) == ("VAT", "REL")
    assert actor.name == "Pope Francis"


def test_a_candidate_before_taking_office_is_a_public_figure():
    # in 2016 coverage "Trump" alone was no one: he held no office before 2017
    actor = resolve_phrase("Trump", date="2016-05-01")
    assert actor is not None and (actor.country, actor.sector) == ("USA", "ELI")
    actor = resolve_phrase("the president", date="2016-05-01", context="United States")
    assert actor is not None and actor.name == "Barack Obama"
