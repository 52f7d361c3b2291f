"""Village-level places: our own list of towns, and how a note names a village's place.

* :func:`read_localities` reads ``data/localities.tsv`` (towns and villages of the central
  Sahel that the registry packages lack, with French and English spellings), validated line
  by line; the gazetteer compiles them in as cities.
* :func:`hierarchy_after` reads the administrative hierarchy written after a name, in the
  style of conflict notes: "the commune of Botou (Kantchari, Tapoa)", "Tin Orar (N'tillit,
  Gao)" - innermost first.
* :func:`axis_parts` splits a road between two towns: "the axis Pensa-Barsalogho".
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from eventwire.records import Place
from eventwire.resolve import tsvdata

if TYPE_CHECKING:
    from eventwire.resolve.places import PlaceResolver

LOCALITIES_TSV = Path(__file__).resolve().parent / "data" / "localities.tsv"

_COLUMNS = ("name", "alternates", "country", "admin1", "admin2", "lat", "lon")


class Locality(NamedTuple):
    name: str
    alternates: tuple[str, ...]
    #: ISO 3166-1 alpha-3.
    country: str
    #: The gazetteer's first-level subdivision name.
    admin1: str
    #: Cercle, province or department, as written in notes.
    admin2: str
    lat: float
    lon: float


def read_localities(path: Path = LOCALITIES_TSV) -> list[Locality]:
    """Every line of ``path`` ('#' comments, one header line); a bad line raises
    :class:`KBError` as ``file:line: what is wrong``."""
    return list(_read(str(path)))


@lru_cache(maxsize=4)
def _read(path: str) -> tuple[Locality, ...]:
    out: list[Locality] = []
    for where, cells in tsvdata.rows(path, _COLUMNS):
        name, alts, country, admin1, admin2, lat_s, lon_s = cells
        lat, lon = tsvdata.point(where, lat_s, lon_s)
        tsvdata.place_fields(where, name, country, admin1)
        alternates = tsvdata.alternates(alts)
        out.append(Locality(name, alternates, country, admin1, admin2, lat, lon))
    return tuple(out)


#: "(Kantchari, Tapoa)", "(N'tillit, Gao)": capitalised names, comma-separated, in brackets.
_HIERARCHY = re.compile(
    r"\s*\(\s*((?:[A-Z][\w'’.\- ]{1,40}?)(?:\s*,\s*[A-Z][\w'’.\- ]{1,40}?){0,3})\s*\)"
)


#: "the Kurdistan region of Iraq", "Tillabéri region of Niger": a unit noun and the place it
#: lies in, written after the name.
_UNIT_OF = re.compile(
    r"\s+(?:region|province|state|district|governorate|department|county|prefecture|oblast)"
    r"\s+of\s+(?:the\s+)?([A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3})"
)


def hierarchy_after(text: str, end: int) -> list[str]:
    """The names of an administrative hierarchy right after ``text[:end]``: bracketed
    ("Botou (Kantchari, Tapoa)") or told with a unit noun ("Kurdistan region of Iraq")."""
    m = _HIERARCHY.match(text, end)
    if m is not None:
        return [p.strip() for p in m.group(1).split(",") if p.strip()]
    m = _UNIT_OF.match(text, end)
    return [m.group(1).strip().rstrip(".")] if m is not None else []


_AXIS = re.compile(r"^([A-Z][\w'’ ]+?)\s*[-–—/]\s*([A-Z][\w'’ ]+)$")


def axis_parts(name: str) -> tuple[str, str] | None:
    """ "Pensa-Barsalogho" -> ("Pensa", "Barsalogho"); None for a name with no such join."""
    m = _AXIS.match(name.strip())
    return (m.group(1).strip(), m.group(2).strip()) if m else None


#: Two towns further apart than this (km) are no road's ends: the first one is taken.
AXIS_KM = 150.0


def resolve_within(
    resolver: PlaceResolver,
    text: str,
    *,
    within: Sequence[str] = (),
    countries: Sequence[str] = (),
    char_start: int | None = None,
    char_end: int | None = None,
) -> Place | None:
    """A toponym with the hierarchy written after it (``within``, innermost first).

    The hierarchy's places put their countries and subdivisions first in the context; a
    match outside every country they name is a namesake elsewhere and is refused. A name
    the gazetteer lacks takes the point of the innermost place of the hierarchy it knows
    (precision "city" for a town, "admin1" for a subdivision). A road between two towns
    ("Pensa-Barsalogho") is put halfway between them when both are known and near.
    """
    frame = _frame(resolver, within, countries)
    own = tuple(dict.fromkeys(p.country for p in frame if p.country))
    admins: tuple[tuple[str, str], ...] = tuple(
        dict.fromkeys((p.country, p.admin1) for p in frame if p.country and p.admin1)
    )
    ctx = own + tuple(c for c in countries if c not in own)
    place = resolver.resolve(
        text, countries=ctx, admins=admins, char_start=char_start, char_end=char_end
    )
    if place is None:
        place = _axis(resolver, text, ctx, admins, char_start, char_end)
    if place is not None and (not own or place.country in own):
        return place
    if not frame:
        return None
    inner = frame[0]  # the village lies somewhere in the unit named, not at its seat
    return Place(
        text=text,
        name=text,
        country=inner.country,
        admin1=inner.admin1,
        lat=inner.lat,
        lon=inner.lon,
        precision="admin1" if inner.precision in {"city", "point"} else inner.precision,
        char_start=char_start,
        char_end=char_end,
    )


#: Kinds a hierarchy's names are read as first: cercles, provinces, regions.
_ADMIN_KINDS = ("admin1", "admin2")


def _frame(resolver: PlaceResolver, within: Sequence[str], countries: Sequence[str]) -> list[Place]:
    """The hierarchy's places, innermost first, read outermost first: each name is looked
    up as a subdivision where one fits, inside the countries of the names around it ("Soum,
    Sahel" is Burkina Faso's province in its Sahel region, not a town in Senegal)."""
    gaz = resolver.gazetteer
    out: list[Place] = []
    ctx = tuple(countries)
    for name in reversed(within):
        entry = gaz.lookup(name, countries=ctx, kinds=_ADMIN_KINDS)
        if entry is None or entry.kind == "region":
            continue
        place = Place(
            text=name,
            name=entry.name,
            country=entry.country or None,
            admin1=entry.admin1,
            lat=entry.lat,
            lon=entry.lon,
            precision="city"
            if entry.kind == "city"
            else _ADMIN_PRECISION.get(entry.kind, "admin1"),
            geonameid=entry.geonameid,
        )
        if place.country:
            ctx = (place.country, *(c for c in ctx if c != place.country))
        out.append(place)
    return out[::-1]


_ADMIN_PRECISION = {"admin1": "admin1", "admin2": "admin1", "country": "country"}


def _axis(
    resolver: PlaceResolver,
    text: str,
    countries: tuple[str, ...],
    admins: tuple[tuple[str, str], ...],
    char_start: int | None,
    char_end: int | None,
) -> Place | None:
    parts = axis_parts(text)
    if parts is None:
        return None
    ends = [resolver.resolve(p, countries=countries) for p in parts]
    # each end in the other's country first: "Pensa" beside Barsalogho is not Penza, Russia
    ends = [
        resolver.resolve(p, countries=(o.country, *countries)) if o and o.country else e
        for p, e, o in zip(parts, ends, ends[::-1], strict=True)
    ]
    known = [p for p in ends if p is not None and p.precision in {"city", "point"}]
    if not known:
        return None
    first = known[0]
    if first.lat is None or first.lon is None:
        return None
    lat, lon = first.lat, first.lon
    if len(known) == 2:
        other = known[1]
        if (
            other.lat is not None
            and other.lon is not None
            and other.country == first.country
            and km(lat, lon, other.lat, other.lon) <= AXIS_KM
        ):
            lat, lon = (lat + other.lat) / 2, (lon + other.lon) / 2
    return replace(
        first,
        text=text,
        name=text,
        lat=round(lat, 5),
        lon=round(lon, 5),
        geonameid=None,
        char_start=char_start,
        char_end=char_end,
    )


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p = math.pi / 180.0
    a = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
