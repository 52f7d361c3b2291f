"""Toponym resolution over the package-built gazetteer (real data, no mocks)."""

from __future__ import annotations

import pytest

from eventwire.records import Place
from eventwire.resolve import gazetteer as gazetteer_module
from eventwire.resolve.gazetteer import Gazetteer, get_gazetteer, normalize
from eventwire.resolve.places import PlaceResolver


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(get_gazetteer())


def resolve(resolver: PlaceResolver, text: str, *countries: str) -> Place:
    place = resolver.resolve(text, countries=countries)
    assert place is not None, f"{text!r} did not resolve"
    return place


# --------------------------------------------------------------------------- facilities


def test_niamey_airport_is_a_point_at_niamey_in_niger(resolver):
    place = resolve(resolver, "Niamey airport")
    assert place.name == "Niamey"
    assert place.country == "NER"
    assert place.precision == "point"
    assert place.lat == pytest.approx(13.5, abs=0.1)
    assert place.lon == pytest.approx(2.1, abs=0.1)
    assert place.text == "Niamey airport"


def test_multiword_facility_and_leading_article_are_stripped(resolver):
    place = resolve(resolver, "the Niamey International Airport")
    assert (place.name, place.country, place.precision) == ("Niamey", "NER", "point")


def test_plain_city_mention_has_city_precision(resolver):
    place = resolve(resolver, "Niamey")
    assert (place.country, place.precision) == ("NER", "city")
    assert place.geonameid is not None


def test_facility_word_on_a_country_keeps_country_precision(resolver):
    place = resolve(resolver, "Niger border")
    assert (place.country, place.precision) == ("NER", "country")


def test_possessive_is_stripped(resolver):
    assert resolve(resolver, "Niamey's").name == "Niamey"
    assert resolve(resolver, "Niamey’s").name == "Niamey"
    assert resolve(resolver, "Lagos'").name == "Lagos"


# --------------------------------------------------------------------------- countries


def test_bare_niger_is_the_country_not_the_nigerian_state(resolver):
    place = resolve(resolver, "Niger")
    assert (place.country, place.precision, place.admin1) == ("NER", "country", None)


def test_niger_state_is_the_nigerian_subdivision(resolver):
    place = resolve(resolver, "Niger State")
    assert (place.name, place.country, place.precision) == ("Niger", "NGA", "admin1")


def test_niger_follows_context_only_when_the_country_is_absent(resolver):
    assert resolve(resolver, "Niger", "NGA").country == "NGA"
    assert resolve(resolver, "Niger", "NGA", "NER").country == "NER"


def test_georgia_is_the_country_unless_the_article_is_about_the_us(resolver):
    assert resolve(resolver, "Georgia").country == "GEO"
    us = resolve(resolver, "Georgia", "USA")
    assert (us.country, us.precision) == ("USA", "admin1")


def test_bare_congo_is_the_drc_unless_brazzaville_is_in_context(resolver):
    assert resolve(resolver, "Congo").country == "COD"
    assert resolve(resolver, "Congo", "COG").country == "COG"
    assert resolve(resolver, "Republic of Congo").country == "COG"


def test_country_aliases_and_abbreviations(resolver):
    assert resolve(resolver, "U.S.").country == "USA"
    assert resolve(resolver, "Ivory Coast").country == "CIV"
    assert resolve(resolver, "the Gambia").country == "GMB"


def test_informal_country_alias_yields_to_a_city_of_that_name(resolver):
    gaza = resolve(resolver, "Gaza")
    assert (gaza.country, gaza.precision) == ("PSE", "city")


# --------------------------------------------------------------------------- cities


@pytest.mark.parametrize(
    ("text", "country", "lat", "lon"),
    [
        ("Bamako", "MLI", 12.6, -8.0),
        ("Ouagadougou", "BFA", 12.4, -1.5),
        ("Kyiv", "UKR", 50.45, 30.5),
        ("Kiev", "UKR", 50.45, 30.5),
    ],
)
def test_capitals_resolve_to_their_city(resolver, text, country, lat, lon):
    place = resolve(resolver, text)
    assert (place.country, place.precision) == (country, "city")
    assert (place.lat, place.lon) == (pytest.approx(lat, abs=0.2), pytest.approx(lon, abs=0.2))


def test_kiev_and_kyiv_are_the_same_place(resolver):
    assert resolve(resolver, "Kiev").geonameid == resolve(resolver, "Kyiv").geonameid


def test_washington_is_the_us_capital_unless_the_state_is_named(resolver):
    city = resolve(resolver, "Washington")
    assert (city.country, city.precision, city.admin1) == ("USA", "city", "District of Columbia")
    assert city.lat == pytest.approx(38.9, abs=0.1)
    state = resolve(resolver, "Washington State")
    assert (state.country, state.precision, state.name) == ("USA", "admin1", "Washington")
    assert state.lat > 45
    assert resolve(resolver, "Washington, D.C.").geonameid == city.geonameid


def test_tripoli_is_libya_unless_lebanon_is_in_context(resolver):
    assert resolve(resolver, "Tripoli").country == "LBY"
    lebanon = resolve(resolver, "Tripoli", "LBN")
    assert lebanon.country == "LBN"
    assert lebanon.lat == pytest.approx(34.4, abs=0.1)


def test_alpha2_context_codes_are_accepted(resolver):
    assert resolve(resolver, "Tripoli", "LB").country == "LBN"


def test_paris_is_france_not_texas(resolver):
    assert resolve(resolver, "Paris").country == "FRA"
    # a small same-named town in the context country does not beat a national capital
    assert resolve(resolver, "Paris", "USA").country == "FRA"


def test_comma_qualifier_selects_the_place_inside(resolver):
    place = resolve(resolver, "Paris, Texas")
    assert (place.country, place.admin1) == ("USA", "Texas")


# --------------------------------------------------------------------------- admin1


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        ("Niamey", "NER", "Niamey"),
        ("Lagos", "NGA", "Lagos"),
        ("Maiduguri", "NGA", "Borno"),
        ("Agadez", "NER", "Agadez"),
        ("Bamako", "MLI", "Bamako"),
        ("Paris", "FRA", "Île-de-France"),
        ("Barcelona", "ESP", "Catalonia"),
        ("Montreal", "CAN", "Quebec"),
    ],
)
def test_cities_carry_their_admin1_name(resolver, text, country, admin1):
    place = resolve(resolver, text)
    assert (place.country, place.admin1) == (country, admin1)


def test_same_named_city_beats_its_own_state(resolver):
    lagos = resolve(resolver, "Lagos")
    assert (lagos.country, lagos.precision) == ("NGA", "city")
    state = resolve(resolver, "Lagos State")
    assert (state.country, state.precision) == ("NGA", "admin1")


@pytest.mark.parametrize("text", ["Donetsk region", "Donetsk oblast", "province of Donetsk"])
def test_region_word_after_a_city_gives_its_admin1(resolver, text):
    place = resolve(resolver, text)
    assert (place.country, place.precision) == ("UKR", "admin1")
    assert place.name == place.admin1 != "Donetsk"  # the oblast ("Donetska"), not the city


def test_city_known_by_an_alternate_name_beats_its_own_province(resolver):
    basra = resolve(resolver, "Basra")  # GeoNames calls the city "Basrah"
    assert (basra.country, basra.precision) == ("IRQ", "city")


def test_alternate_names_weigh_less_than_primary_names(resolver):
    # "Victoria" is among Hong Kong's GeoNames alternate names
    assert resolve(resolver, "Victoria").country != "HKG"
    assert resolve(resolver, "Bombay").name == "Mumbai"


def test_big_subdivision_beats_a_small_foreign_city_of_the_same_name(resolver):
    bali = resolve(resolver, "Bali")  # not the Indian town of Bali
    assert (bali.country, bali.precision) == ("IDN", "admin1")


def test_official_subdivision_names_yield_their_short_form(resolver):
    crimea = resolve(resolver, "Crimea")
    assert (crimea.country, crimea.precision) == ("UKR", "admin1")


def test_subdivision_names_resolve_to_admin1(resolver):
    place = resolve(resolver, "Borno")
    assert (place.country, place.precision) == ("NGA", "admin1")
    assert place.lat == pytest.approx(11.9, abs=1.5)


# --------------------------------------------------------------------------- misc


@pytest.mark.parametrize("text", ["Xyzzyville", "", "   ", "the", "airport"])
def test_unknown_or_empty_names_give_none(resolver, text):
    assert resolver.resolve(text) is None


def test_character_offsets_are_passed_through(resolver):
    place = resolver.resolve("Bamako", char_start=10, char_end=16)
    assert place is not None
    assert (place.char_start, place.char_end) == (10, 16)


def test_country_place_is_the_centroid(resolver):
    place = resolver.country_place("NER")
    assert (place.name, place.country, place.precision) == ("Niger", "NER", "country")
    assert place.text == "Niger"
    assert 11.5 < place.lat < 23.5 and 0.0 < place.lon < 16.0
    assert resolver.country_place("NE", "Nigerien").text == "Nigerien"
    assert resolver.country_place("USA").lat == pytest.approx(38.0, abs=5)


def test_country_place_rejects_unknown_codes(resolver):
    with pytest.raises(KeyError):
        resolver.country_place("XYZ")


def test_lookup_prefers_context_countries(resolver):
    gaz = resolver.gazetteer
    assert gaz.lookup("Hyderabad").country == "IND"
    assert gaz.lookup("Hyderabad", countries=["PAK"]).country == "PAK"


def test_candidates_list_every_reading(resolver):
    kinds = {(e.country, e.kind) for e in resolver.gazetteer.candidates("Niger")}
    assert {("NER", "country"), ("NGA", "admin1")} <= kinds


def test_normalize_folds_accents_abbreviations_and_initialisms():
    assert normalize("St. Étienne") == "saint etienne"
    assert normalize("Washington, D.C.") == "washington dc"
    assert normalize("The Hague") == "hague"
    assert normalize("Łódź") == "lodz"


def test_cache_reload_gives_identical_results(tmp_path, monkeypatch):
    built = Gazetteer.load(cache=tmp_path, cities=15000)
    assert list(tmp_path.glob("gazetteer-*.marshal")), "cache file not written"

    def no_build(*args, **kwargs):
        raise AssertionError("rebuilt although a cache file exists")

    monkeypatch.setattr(gazetteer_module, "_build", no_build)
    loaded = Gazetteer.load(cache=tmp_path, cities=15000)
    assert loaded.entries == built.entries
    names = ["Niamey", "Niger", "Tripoli", "Washington", "Georgia", "Kiev", "Lagos State"]
    for name in names:
        for ctx in ((), ("LBN",), ("USA",)):
            assert loaded.lookup(name, countries=ctx) == built.lookup(name, countries=ctx)
    a, b = PlaceResolver(built), PlaceResolver(loaded)
    assert a.resolve("Niamey airport") == b.resolve("Niamey airport")


def test_cache_key_depends_on_the_city_table(tmp_path):
    assert Gazetteer.cache_path(cache=tmp_path, cities=5000) != Gazetteer.cache_path(
        cache=tmp_path, cities=15000
    )
    with pytest.raises(ValueError):
        Gazetteer.cache_path(cache=tmp_path, cities=1234)


# --------------------------------------------------------------------------- regions


def test_continents_carry_geonames_points_and_region_precision(resolver):
    africa = resolve(resolver, "Africa")
    assert (africa.precision, africa.country) == ("region", None)
    assert africa.geonameid is not None
    assert resolve(resolver, "Asia").precision == "region"  # not the Philippine town


def test_world_regions_and_seas_are_regions(resolver):
    mideast = resolve(resolver, "Middle East")
    assert mideast.precision == "region" and 20 < mideast.lat < 40
    assert resolve(resolver, "the Sahel").name == "Sahel"
    atlantic = resolve(resolver, "Atlantic", "USA")  # not Atlantic, Iowa
    assert (atlantic.precision, atlantic.country) == ("region", None)


def test_compass_named_subdivisions_need_their_country_in_context(resolver):
    assert resolver.resolve("West") is None or resolver.resolve("West").country != "CMR"
    assert resolve(resolver, "North West", "ZAF").country == "ZAF"


def test_subdivision_context_picks_the_namesake_inside_it(resolver):
    plain = resolve(resolver, "Parkland", "USA")
    florida = resolver.resolve("Parkland", countries=("USA",), admins=(("USA", "Florida"),))
    assert florida is not None and florida.admin1 == "Florida"
    assert plain.admin1 != "Florida"  # the test would not show anything otherwise


def test_landmarks_stand_at_their_city(resolver):
    wh = resolve(resolver, "White House")
    assert (wh.name, wh.country, wh.precision) == ("Washington", "USA", "point")
    assert resolve(resolver, "the Kremlin").name == "Moscow"


def test_compass_word_before_a_place_keeps_the_place(resolver):
    assert resolve(resolver, "West Wales").name == "Wales"


def test_county_named_like_a_far_town_is_not_resolved(resolver):
    assert resolver.resolve("Morris County") is None


def test_ap_state_abbreviations():
    from eventwire.resolve.places import abbreviated_state

    assert abbreviated_state("Md.") == ("USA", "Maryland")
    assert abbreviated_state("N.C.") == ("USA", "North Carolina")
    assert abbreviated_state("B.C.") == ("CAN", "British Columbia")
    assert abbreviated_state("Paris") is None


# --------------------------------------------------------------------------- find_toponyms


def _toponyms(processor, text: str, countries: tuple[str, ...] = ()) -> dict[str, Place]:
    from eventwire.nlp.convert import doc_to_sentences
    from eventwire.resolve.places import find_toponyms

    sents = doc_to_sentences(processor.nlp(text), "t")
    found = find_toponyms(sents, processor.places, countries=countries)
    return {text[p.char_start : p.char_end]: p for p in found}


def test_find_toponyms_reads_a_dateline_and_its_state(processor):
    text = "RALEIGH, N.C. (AP) - State officials said on Monday that schools would reopen."
    found = _toponyms(processor, text)
    assert "RALEIGH" in found and found["RALEIGH"].admin1 == "North Carolina"
    assert found["N.C."].precision == "admin1"


def test_find_toponyms_skips_demonyms_and_speaking_capitals(processor):
    text = "Washington said on Monday that American troops would stay in Syria."
    found = _toponyms(processor, text)
    assert "Syria" in found
    assert "American" not in found
    assert "Washington" not in found


def test_find_toponyms_trims_articles_and_possessives(processor):
    text = "Mining spread across the North West and into Limpopo, South Africa's richest areas."
    found = _toponyms(processor, text, ("ZAF",))
    assert "North West" in found and found["North West"].country == "ZAF"
    assert not any(k.startswith("the ") for k in found)


def test_find_toponyms_uses_the_other_places_for_context(processor):
    text = "Officials from Tuscaloosa and Huntsville met in Birmingham on Monday."
    found = _toponyms(processor, text)
    assert found["Tuscaloosa"].admin1 == "Alabama"
    assert (found["Birmingham"].country, found["Birmingham"].admin1) == ("USA", "Alabama")
    alone = _toponyms(processor, "Officials met in Birmingham on Monday.")
    assert alone["Birmingham"].country == "GBR"


def test_find_toponyms_leaves_out_names_inside_other_names(processor):
    text = "He studied at Washington University and walked to Washington Square."
    found = _toponyms(processor, text)
    assert "Washington" not in found


# --------------------------------------------------------------------------- country points


def test_countries_stand_at_geonames_points(resolver):
    # GeoNames' own points (data/country_points.tsv), not the packages' rough centroids
    # (Canada 60 N 95 W, the US 38 N 97 W), so a country and its GeoNames cities agree.
    canada = resolver.country_place("CAN")
    assert (canada.lat, canada.lon) == pytest.approx((60.10867, -113.64258), abs=1e-4)
    usa = resolve(resolver, "United States")
    assert (usa.lat, usa.lon) == pytest.approx((39.76, -98.5), abs=1e-4)
    for iso3, lat, lon in (("NER", 18.0, 9.0), ("MLI", 18.0, -2.0), ("BFA", 12.5, -1.66667)):
        place = resolver.country_place(iso3)
        assert (place.lat, place.lon) == pytest.approx((lat, lon), abs=1e-4), iso3


def test_country_points_cover_the_sovereign_states_and_lie_inside_them():
    from eventwire.eval.metrics import haversine_km

    points = gazetteer_module._read_country_points()
    assert len(points) >= 190
    gaz = get_gazetteer()
    for iso3 in ("NGA", "SEN", "TCD", "MRT", "GHA", "CIV", "IND", "AUS", "JPN", "FRA"):
        assert iso3 in points, iso3
    # every point is the country's own (the other centroid source is never > 1,100 km away)
    from countrystatecity_countries import get_countries

    centroids = {c.iso3: (float(c.latitude), float(c.longitude)) for c in get_countries()}
    for iso3, (lat, lon) in points.items():
        assert haversine_km(lat, lon, *centroids[iso3]) < 1100, iso3
        assert gaz.country(iso3).lat == lat


def test_a_country_missing_from_the_points_file_keeps_its_centroid(resolver):
    points = gazetteer_module._read_country_points()
    assert "PRI" not in points
    puerto_rico = resolver.country_place("PRI")
    assert 17.5 < puerto_rico.lat < 19 and -68 < puerto_rico.lon < -65


def test_country_points_file_is_parsed_strictly(tmp_path):
    f = tmp_path / "points.tsv"
    f.write_text("# comment\niso3\tlat\tlon\nner\t18\t9\nMLI\tx\t-2\nTCD\t95\t19\nSEN\t14.5\n")
    assert gazetteer_module._read_country_points(f) == {"NER": (18.0, 9.0)}
    assert gazetteer_module._read_country_points(tmp_path / "missing.tsv") == {}


def test_cache_key_depends_on_the_country_points(tmp_path, monkeypatch):
    before = Gazetteer.cache_path(cache=tmp_path)
    f = tmp_path / "points.tsv"
    f.write_text("iso3\tlat\tlon\nNER\t17\t9\n")
    monkeypatch.setattr(gazetteer_module, "_COUNTRY_POINTS", f)
    assert Gazetteer.cache_path(cache=tmp_path) != before


# --------------------------------------------------------------------------- subdivisions


def test_state_named_like_a_small_city_by_alternate_name_is_the_state(resolver):
    # GeoNames lists "Maryland" as an alternate name of Maryland City (16,000 people)
    assert ("Maryland City", "city") in {
        (e.name, e.kind) for e in resolver.gazetteer.candidates("Maryland")
    }
    place = resolve(resolver, "Maryland", "USA")
    assert (place.name, place.precision) == ("Maryland", "admin1")
    assert resolve(resolver, "Kano").precision == "city"  # the city still wins its state


def test_dotted_state_abbreviations_resolve_to_the_state(resolver):
    for text, name in (("Calif.", "California"), ("N.M.", "New Mexico"), ("Ga.", "Georgia")):
        place = resolve(resolver, text)
        assert (place.name, place.country, place.precision) == (name, "USA", "admin1"), text
        assert place.text == text
    assert resolve(resolver, "B.C.").country == "CAN"
    assert resolver.resolve("Miss") is None  # no period: not an abbreviation
    assert resolver.resolve("GA") is None


def test_a_subdivision_named_centre_needs_its_country_in_context(resolver):
    assert resolver.resolve("Centre") is None  # "the Centre" of Indian politics
    place = resolve(resolver, "Centre", "BFA")
    assert (place.country, place.precision) == ("BFA", "admin1")


# --------------------------------------------------------------------------- find_toponyms (2)


def test_find_toponyms_does_not_let_a_name_vote_for_its_own_reading(processor):
    text = (
        "Floods hit Saint-Louis on Monday. Fishermen in Saint-Louis said the river rose, "
        "and aid reached Saint-Louis from Louga."
    )
    found = _toponyms(processor, text)
    assert found["Louga"].country == "SEN"
    assert found["Saint-Louis"].country == "SEN"  # not St. Louis, Missouri, said three times
    assert _toponyms(processor, "Floods hit Saint-Louis.")["Saint-Louis"].country == "USA"


def test_find_toponyms_reads_a_state_abbreviation_in_brackets(processor):
    text = "The Talbot County (Md.) sheriff's office said deputies searched a farm near Easton."
    found = _toponyms(processor, text)
    assert (found["Easton"].country, found["Easton"].admin1) == ("USA", "Maryland")
    assert (found["Md."].name, found["Md."].precision) == ("Maryland", "admin1")
    alone = _toponyms(processor, "Deputies searched a farm near Easton.")
    assert alone["Easton"].admin1 != "Maryland"


def test_state_hints_need_a_name_before_the_abbreviation():
    from eventwire.resolve.places import _STATE_HINT

    def hints(text: str) -> list[str]:
        return [m.group(m.lastindex or 1) for m in _STATE_HINT.finditer(text)]

    assert hints("DILLON COUNTY, SC - Deputies searched a farm") == ["SC"]
    assert hints("in Jackson, Miss., on Monday") == ["Miss."]
    assert hints("the Talbot County (Md.) jail") == ["Md."]
    assert hints("John Smith, MD, said") == []  # a bare code only after a name in capitals


def test_find_toponyms_joins_a_nationality_word_to_the_place_it_begins(processor):
    found = _toponyms(processor, "Tankers crossed the Persian Gulf on Monday.")
    assert found["Persian Gulf"].precision == "region"
    assert "Persian" not in found


def test_find_toponyms_reads_a_dateline_inside_a_paragraph(processor):
    text = (
        "Talks resumed on Monday in the capital. NIAMEY (Reuters) - Niger's ruling council "
        "said it would free the detained ministers."
    )
    found = _toponyms(processor, text)
    assert (found["NIAMEY"].name, found["NIAMEY"].country) == ("Niamey", "NER")


def test_find_toponyms_joins_neighbours_that_make_one_name(processor):
    found = _toponyms(processor, "Protesters marched in Washington, D.C., on Saturday.")
    assert set(found) == {"Washington, D.C."}
    assert (found["Washington, D.C."].name, found["Washington, D.C."].precision) == (
        "Washington",
        "city",
    )


def test_find_toponyms_leaves_out_seats_of_government_standing_for_their_office(processor):
    text = (
        "A White House spokesman said the envoy would travel to Dakar. Kremlin officials said "
        "Moscow would send grain."
    )
    found = _toponyms(processor, text)
    assert {"Dakar", "Moscow"} <= set(found)
    assert "White House" not in found and "Kremlin" not in found
    dinner = _toponyms(processor, "The president hosted a dinner at the White House.")
    assert dinner["White House"].precision == "point"


def test_find_toponyms_skips_surnames_and_lowercase_words(processor):
    assert _toponyms(processor, "Midfielder Kevin Chad scored twice on Sunday.") == {}
    assert _toponyms(processor, "Striker Samuel Kenya scored on Sunday.") == {}
    found = _toponyms(processor, "The smugglers moved molly and tina through niger last year.")
    assert "tina" not in found
