"""What the packaged knowledge base covers: the floor the issue set for it."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.kb import coverage, load_kb

#: The 54 African states.
AFRICA = (
    "DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COG COD DJI EGY GNQ ERI SWZ ETH GAB GMB GHA GIN "
    "GNB CIV KEN LSO LBR LBY MDG MWI MLI MRT MUS MAR MOZ NAM NER NGA RWA STP SEN SYC SLE SOM ZAF "
    "SSD SDN TZA TGO TUN UGA ZMB ZWE"
).split()
#: The permanent five and the G20 states.
P5_G20 = "CHN FRA GBR RUS USA ARG AUS BRA CAN DEU IND IDN ITA JPN KOR MEX SAU ZAF TUR".split()
#: The 27 EU member states.
EU = (
    "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU "
    "SVK SVN ESP SWE"
).split()


def test_every_country_and_territory_is_in_the_kb():
    kb = load_kb()
    assert len(kb.countries) >= 249
    assert all(c.adjectives and c.name for c in kb.countries.values())


@pytest.mark.parametrize("iso3", sorted(set(AFRICA + P5_G20 + EU)))
def test_a_head_of_state_or_government_is_known_for_every_year_since_2012(iso3):
    kb = load_kb()
    missing = [
        year
        for year in range(2012, 2026)
        if not kb.holders(iso3, "head of state", date(year, 7, 1))
        and not kb.holders(iso3, "head of government", date(year, 7, 1))
    ]
    assert not missing, f"{iso3}: no head of state or government on 1 July of {missing}"


@pytest.mark.parametrize("iso3", P5_G20)
def test_p5_and_g20_have_foreign_ministers(iso3):
    kb = load_kb()
    assert kb.offices.get((iso3, "foreign minister")), iso3


def test_coverage_counts():
    counts = coverage(load_kb())
    assert counts["regions"] >= 30
    assert counts["international organisations"] >= 100
    assert counts["armed groups"] >= 100
    assert counts["people"] >= 1300
    assert counts["countries with office holders"] >= 150


#: The G7 states: older wire stories (the 1980s and 1990s) name their leaders and ministers.
G7 = "USA GBR FRA DEU JPN ITA CAN".split()


@pytest.mark.parametrize("iso3", G7)
@pytest.mark.parametrize("role", ["head of government", "foreign minister", "finance minister"])
def test_g7_offices_are_known_back_to_1980(iso3, role):
    kb = load_kb()
    if iso3 == "USA" and role == "head of government":
        role = "head of state"  # one office in a presidential system
    missing = [year for year in range(1980, 2010) if not kb.holders(iso3, role, date(year, 7, 1))]
    assert len(missing) <= 2, f"{iso3} {role}: no holder on 1 July of {missing}"


def test_central_banks_are_government_actors_and_their_governors_are_dated():
    kb = load_kb()
    for name in ("Federal Reserve", "Bank of England", "Bundesbank", "Bank of Japan"):
        (hit,) = [h for h in kb.lookup(name) if h.kind == "org"][:1]
        assert kb.org(hit.key).sector == "GOV", name
    (volcker,) = kb.holders("USA", "central bank governor", date(1987, 3, 10))
    (greenspan,) = kb.holders("USA", "central bank governor", date(1990, 3, 10))
    assert (volcker.name, greenspan.name) == ("Paul Volcker", "Alan Greenspan")
