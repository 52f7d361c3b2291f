"""Places as the press spells them: Arabic articles levelled, and our list of press names.

* :func:`article_key` levels the Arabic definite article in an index key. GeoNames writes it
  as the name is pronounced ("Ar Raqqah", "As Suwayda'", "Al Qāmishlī"); the press drops it
  ("Raqqa", "Qamishli"), writes it as "al-" before any letter ("al-Raqqa"), or in its Egyptian
  or French form ("El Arish", "Deir ez-Zor", "Ras el-Ain"). The leading article goes and an
  inner one is written "al": "ar raqqah" -> "raqqah", "ras el ain" -> "ras al ain". The
  gazetteer indexes this second key for the places of :data:`ARTICLE_COUNTRIES` and looks a
  query's up among those places only, so "El Paso" never finds a "Paso" in Syria.
* :func:`read_press_names` reads ``data/press_names.tsv``: the English and French press
  spellings of well-known places in conflict zones that the packages spell otherwise
  ("Hodeidah" for Al Ḩudaydah, "Tal Abyad" for Tall Abyaḑ), validated line by line. A line
  with a GeoNames id adds its names to that GeoNames place (its point and subdivision stay
  GeoNames'); a line without one, or whose place is not in the chosen city table, is a place
  of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from eventwire.errors import KBError
from eventwire.resolve import tsvdata

PRESS_NAMES_TSV = Path(__file__).resolve().parent / "data" / "press_names.tsv"

#: Countries (ISO alpha-3) whose place names carry the Arabic article: the Arab League less
#: Somalia, Djibouti and the Comoros (Somali "El"/"Ceel" means "well", no article), plus
#: Western Sahara and Israel (Arabic towns: "Umm al-Fahm", "Umm el-Fahm").
ARTICLE_COUNTRIES = frozenset(
    "DZA BHR EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SDN SYR TUN ARE YEM ESH ISR".split()
)

#: The article's written forms: "al"/"el" and the forms assimilated to a sun letter, in
#: English ("ar", "as", "ad", "ash", "az", "an", "at", "ath", "adh") and French ("er", "es",
#: "ed", "ech", "esh", "ez", "en", "et") transliteration.
ARTICLES = frozenset("al el ar er as es ad ed adh ash esh ech az ez an en at et ath".split())


def article_key(key: str) -> str | None:
    """``key`` (an index key, see :func:`~eventwire.resolve.gazetteer.normalize`) with its
    Arabic articles levelled, or None when it has none: the leading article is dropped
    ("al qamishli" -> "qamishli"), an inner one written "al" ("deir ez zor" -> "deir al
    zor"). A name that is an article and one short word ("Al Ba") keeps it (None)."""
    words = key.split()
    if len(words) < 2 or ARTICLES.isdisjoint(words):
        return None
    if words[0] in ARTICLES:
        del words[0]
    out = " ".join("al" if w in ARTICLES else w for w in words)
    if out == key or len(out) < 3 or words[0] == "al":
        return None
    return out


_COLUMNS = ("name", "alternates", "country", "admin1", "kind", "geonameid", "lat", "lon")
#: "city": a town or city; "area": a district or region with no subdivision of its own (the
#: Eastern Ghouta); "admin1": names of a first-level subdivision the gazetteer has.
KINDS = ("city", "area", "admin1")


class PressName(NamedTuple):
    name: str
    alternates: tuple[str, ...]
    #: ISO 3166-1 alpha-3.
    country: str
    #: The gazetteer's first-level subdivision name.
    admin1: str
    kind: str
    #: The GeoNames place these are names of (None: not in GeoNames' city tables).
    geonameid: int | None
    lat: float
    lon: float
    #: Where it is written (``file:line``), for messages.
    where: str


def read_press_names(path: Path = PRESS_NAMES_TSV) -> list[PressName]:
    """Every line of ``path`` ('#' comments, one header line); a bad line raises
    :class:`KBError` as ``file:line: what is wrong``."""
    return list(_read(str(path)))


@lru_cache(maxsize=4)
def _read(path: str) -> tuple[PressName, ...]:
    out: list[PressName] = []
    seen: dict[tuple[str, str], str] = {}
    for where, cells in tsvdata.rows(path, _COLUMNS):
        name, alts, country, admin1, kind, gid_s, lat_s, lon_s = cells
        tsvdata.place_fields(where, name, country, admin1)
        if kind not in KINDS:
            raise KBError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if gid_s and not gid_s.isdigit():
            raise KBError(f"{where}: geonameid must be a number or empty, not {gid_s!r}")
        if gid_s and kind != "city":
            raise KBError(f"{where}: only a city has a geonameid")
        lat, lon = tsvdata.point(where, lat_s, lon_s)
        alternates = tsvdata.alternates(alts)
        for form in (name, *alternates):
            if re.search(r"[0-9]", form) or len(form) < 3:
                raise KBError(f"{where}: {form!r}: a name has 3 or more letters, no digits")
            other = seen.setdefault((country, form.casefold()), where)
            if other != where:
                raise KBError(f"{where}: {form!r} is already a name of {other}")
        gid = int(gid_s) if gid_s else None
        out.append(PressName(name, alternates, country, admin1, kind, gid, lat, lon, where))
    return tuple(out)
