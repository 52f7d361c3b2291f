"""Our own village list and the village-level gazetteer (issue 16): real data, no mocks."""

from __future__ import annotations

import pytest

from eventwire.errors import KBError
from eventwire.resolve.gazetteer import get_gazetteer, normalize
from eventwire.resolve.localities import (
    axis_parts,
    hierarchy_after,
    km,
    read_localities,
    resolve_within,
)
from eventwire.resolve.places import PlaceResolver


def test_every_locality_is_in_its_country_and_admin1_as_the_gazetteer_knows_them():
    gaz = get_gazetteer()
    locs = read_localities()
    assert len(locs) >= 25
    for loc in locs:
        admin = gaz.admin1(loc.country, loc.admin1)
        assert admin is not None, loc
        # a town lies within a few hundred km of its region's point (a typo in lat/lon or a
        # swapped sign would put it a country away)
        assert km(loc.lat, loc.lon, admin.lat, admin.lon) < 400, loc


def test_no_locality_duplicates_a_geonames_place_of_the_same_name_and_country():
    gaz = get_gazetteer()
    for loc in read_localities():
        same = [
            e
            for e in gaz.candidates(loc.name)
            if e.country == loc.country and e.kind == "city" and e.geonameid is not None
        ]
        assert not same, (loc.name, same)


def test_a_bad_locality_line_is_reported_with_its_file_and_line(tmp_path):
    path = tmp_path / "loc.tsv"
    path.write_text(
        "# comment\nname\talternates\tcountry\tadmin1\tadmin2\tlat\tlon\n"
        "Botou\t\tBFA\tEst\tTapoa\tnorth\t2.03\n"
    )
    with pytest.raises(KBError, match=r"loc.tsv:3: lat/lon must be numbers"):
        read_localities(path)


@pytest.mark.parametrize(
    ("spelling", "lat", "lon"),
    [
        ("Tinzaouaten", 19.95, 2.97),
        ("Tin Zaouatene", 19.95, 2.97),
        ("Tin-Zaouatene", 19.95, 2.97),
        ("Menaka", 15.92, 2.40),
        ("Ménaka", 15.92, 2.40),
        ("N'Guigmi", 14.25, 13.11),
        ("Nguigmi", 14.25, 13.11),
        ("Ke-Macina", 13.96, -5.36),
    ],
)
def test_french_and_english_spellings_resolve_to_one_town(spelling, lat, lon):
    place = PlaceResolver().resolve(spelling, countries=("MLI", "NER"))
    assert place is not None and place.lat is not None and place.lon is not None
    assert km(place.lat, place.lon, lat, lon) < 5


def test_small_sahel_towns_of_geonames_cities500_are_in_the_default_gazetteer():
    # Tessalit (population 0 in GeoNames) and Oursi are in cities500 only
    gaz = get_gazetteer()
    assert any(e.country == "MLI" for e in gaz.candidates("Tessalit"))
    assert any(e.country == "BFA" for e in gaz.candidates("Oursi"))


def test_an_apostrophe_joins_in_index_keys():
    assert normalize("N'Guigmi") == normalize("Nguigmi") == "nguigmi"


def test_hierarchy_after_reads_the_bracket_right_after_a_name():
    text = "fighting in the commune of Botou (Kantchari, Tapoa) on Monday"
    end = text.index("Botou") + len("Botou")
    assert hierarchy_after(text, end) == ["Kantchari", "Tapoa"]
    assert hierarchy_after(text, end + 3) == []
    assert hierarchy_after("Niamey (AFP) -", len("Niamey")) == ["AFP"]


def test_axis_parts_split_a_road_between_two_towns():
    assert axis_parts("Pensa-Barsalogho") == ("Pensa", "Barsalogho")
    assert axis_parts("Kaya – Dori") == ("Kaya", "Dori")
    assert axis_parts("Gao") is None


def test_the_hierarchy_refuses_a_namesake_outside_its_country():
    r = PlaceResolver()
    chinese = r.resolve("Botou")
    assert chinese is not None and chinese.country == "CHN"
    place = resolve_within(r, "Botou", within=["Kantchari", "Tapoa"])
    assert place is not None and place.country == "BFA" and place.admin1 == "Est"


def test_a_village_the_gazetteer_lacks_takes_the_innermost_known_unit():
    place = resolve_within(PlaceResolver(), "Tin Orar", within=["N'tillit", "Gao"])
    assert place is not None and place.name == "Tin Orar" and place.country == "MLI"
    assert place.precision == "admin1" and place.admin1 == "Gao"


def test_provinces_in_a_hierarchy_are_read_inside_their_region():
    # "Soum" alone is a Senegalese town; inside Burkina Faso's Sahel region it is the province
    place = resolve_within(PlaceResolver(), "Arbinda", within=["Soum", "Sahel"])
    assert place is not None and place.country == "BFA"
