"""Places as the press spells them (issue 16): the Arabic article levelled in gazetteer keys,
and our list of press spellings of places in conflict zones. Real data, no mocks."""

from __future__ import annotations

import pytest

from eventwire.errors import KBError
from eventwire.resolve.gazetteer import get_gazetteer
from eventwire.resolve.localities import km
from eventwire.resolve.places import PlaceResolver
from eventwire.resolve.press_names import article_key, read_press_names

HEADER = "name\talternates\tcountry\tadmin1\tkind\tgeonameid\tlat\tlon\n"


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver()


@pytest.mark.parametrize(
    ("key", "levelled"),
    [
        ("al qamishli", "qamishli"),
        ("ar raqqah", "raqqah"),
        ("ash shaddadah", "shaddadah"),
        ("el arish", "arish"),
        ("deir ez zor", "deir al zor"),
        ("ras el ain", "ras al ain"),
        ("jisr ash shughur", "jisr al shughur"),
        ("qamishli", None),
        ("ras al ain", None),
        ("al", None),
        ("el al", None),
    ],
)
def test_article_key_drops_a_leading_article_and_writes_inner_ones_al(key, levelled):
    assert article_key(key) == levelled


@pytest.mark.parametrize(
    ("name", "geonameid"),
    [
        ("Qamishli", 173377),  # GeoNames: Al Qāmishlī
        ("Al Raqqa", 172955),  # GeoNames: Ar Raqqah, alternate Raqqa
        ("Ar-Raqqa", 172955),
        ("Diwaniyah", 99762),  # GeoNames: Al Diwaniyah
        ("El Khums", 2219905),  # GeoNames: Al Khums
    ],
)
def test_the_arabic_article_may_be_dropped_or_spelled_another_way(resolver, name, geonameid):
    place = resolver.resolve(name)
    assert place is not None and place.geonameid == geonameid


def test_a_dropped_article_finds_only_places_where_the_article_is_written():
    gaz = get_gazetteer()
    # "El Paso", "Al Gore": no "Paso" or "Gore" of an Arabic-speaking country is found
    assert {e.country for e in gaz.candidates("El Paso")} <= {"USA", "ESP", "COL", "ARG"}
    assert not gaz.candidates("Al Gore")
    assert not gaz.candidates("Al Qaeda")


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Hodeidah", "YEM", 14.80, 42.95),
        ("Hodeida", "YEM", 14.80, 42.95),
        ("Qamishly", "SYR", 37.05, 41.23),
        ("Tal Abyad", "SYR", 36.70, 38.95),
        ("Tell Abyad", "SYR", 36.70, 38.95),
        ("Ras al-Ain", "SYR", 36.85, 40.07),
        ("Ras el-Ain", "SYR", 36.85, 40.07),
        ("Serekaniye", "SYR", 36.85, 40.07),
        ("Eastern Ghouta", "SYR", 33.55, 36.42),
        ("Ghouta", "SYR", 33.55, 36.42),
        ("Kobani", "SYR", 36.89, 38.35),
        ("Kobane", "SYR", 36.89, 38.35),
        ("Deir Ezzor", "SYR", 35.34, 40.14),
        ("Maarat al-Numan", "SYR", 35.64, 36.67),
        ("Tal Afar", "IRQ", 36.38, 42.45),
        ("Hawija", "IRQ", 35.33, 43.77),
        ("Ninawa", "IRQ", 36.0, 42.5),
        ("Ras Lanuf", "LBY", 30.50, 18.53),
        ("Kufra", "LBY", 24.20, 23.29),
        ("Musa Qala", "AFG", 32.45, 64.76),
        ("Spin Boldak", "AFG", 31.01, 66.40),
        ("Barawe", "SOM", 1.11, 44.03),
        ("El Geneina", "SDN", 13.45, 22.44),
        ("Robotyne", "UKR", 47.44, 35.84),
        ("Avdeyevka", "UKR", 48.14, 37.74),
        ("Shejaiya", "PSE", 31.50, 34.48),
        ("Bint Jbeil", "LBN", 33.12, 35.43),
        ("Malam Fatori", "NGA", 13.68, 13.34),
        ("Kitchanga", "COD", -1.18, 29.08),
        ("Humera", "ETH", 14.29, 36.61),
    ],
)
def test_press_spellings_of_places_in_conflict_zones(resolver, name, country, lat, lon):
    place = resolver.resolve(name)
    assert place is not None and place.country == country, place
    assert place.lat is not None and place.lon is not None
    # a subdivision's point is its centroid; a town's lies within a few km of ours
    assert km(lat, lon, place.lat, place.lon) < (150 if place.precision == "admin1" else 10)


def test_a_press_name_of_a_geonames_place_is_that_place_not_a_second_one():
    gaz = get_gazetteer()
    yemen = [e for e in gaz.candidates("Hodeidah") if e.country == "YEM" and e.kind == "city"]
    assert [e.geonameid for e in yemen] == [79415]  # GeoNames' Al Ḩudaydah, no copy
    assert [e.geonameid for e in gaz.candidates("Hudaydah") if e.kind == "city"] == [79415]


def test_kobani_is_the_syrian_town_not_mkoani_in_tanzania():
    gaz = get_gazetteer()
    assert gaz.candidates("Kobani")[0].country == "SYR"  # ours is a primary name there
    entry = gaz.lookup("Kobani")
    assert entry is not None and entry.country == "SYR"


def test_every_press_name_line_fits_the_gazetteer():
    gaz = get_gazetteer()
    lines = read_press_names()
    assert len(lines) >= 150
    by_gid = {e.geonameid: e for e in gaz.entries if e.kind == "city" and e.geonameid}
    for p in lines:
        admin = gaz.admin1(p.country, p.admin1)
        assert admin is not None, p
        assert km(p.lat, p.lon, admin.lat, admin.lon) < 600, p
        linked = by_gid.get(p.geonameid)
        if linked is not None:  # our point agrees with GeoNames'
            assert linked.country == p.country, p
            assert km(p.lat, p.lon, linked.lat, linked.lon) < 5, (p, linked)
        found = gaz.lookup(p.name, countries=[p.country])
        assert found is not None and found.country == p.country, p


def test_a_bad_press_name_line_is_reported_with_its_file_and_line(tmp_path):
    path = tmp_path / "names.tsv"
    path.write_text(f"# comment\n{HEADER}Tal Abyad\t\tSYR\tAl-Raqqah\ttown\t\t36.70\t38.95\n")
    with pytest.raises(KBError, match=r"names.tsv:3: kind must be one of"):
        read_press_names(path)
    path.write_text(f"{HEADER}Ghouta\tGhuta\tSYR\tRif Dimashq\tarea\t\t33.55\t36.42\n"
                    "Eastern Ghouta\tGhouta\tSYR\tRif Dimashq\tarea\t\t33.55\t36.42\n")  # fmt: skip
    with pytest.raises(KBError, match=r"names.tsv:3: 'Ghouta' is already a name of .*:2"):
        read_press_names(path)
    path.write_text(f"{HEADER}Hodeidah\t\tYEM\tAl Hudaydah\tcity\tx79415\t14.80\t42.95\n")
    with pytest.raises(KBError, match=r"names.tsv:2: geonameid must be a number"):
        read_press_names(path)
