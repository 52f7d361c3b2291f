"""Resolve toponym mentions to :class:`~eventwire.records.Place` records.

:class:`PlaceResolver` cleans the mention text, looks it up in the
:class:`~eventwire.resolve.gazetteer.Gazetteer` (see there for the data and the
disambiguation rules) and maps the entry to a ``Place``:

* The whole text is tried first, so gazetteer names that contain a designator win
  ("Niger State" is the Nigerian state, "Washington State" the US state).
* Otherwise a trailing designator is peeled off (at most two, e.g. "Niamey international
  airport"):

  - *facility* words (airport, air base, base, border, port, camp, bridge, ...): the place is
    resolved without the word; a city then gets ``precision="point"`` **with the city's
    coordinates** (we know the event happened at a site in or near that city, not where the
    site is); a country or subdivision keeps its own precision ("Niger border" -> country);
  - *subdivision* words (state, province, region, governorate, district, ...): subdivisions
    are preferred; if only a city matches, its admin1 is returned instead ("Donetsk region"
    -> the Donetsk oblast, "Paris region" -> Ile-de-France);
  - *settlement* words (city, town, village): cities are preferred.

  Leading "the", "city of", "province of", ... and a possessive "'s" are dropped too.
* "Paris, Texas" style mentions resolve the part after the comma first and pick the
  candidate for the head inside it.

``Place.country`` is always ISO 3166-1 alpha-3; ``precision`` is "point", "city", "admin1"
(also used for the second-level units some countries' data lists, e.g. French departments)
or "country".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventwire.records import ParsedSentence, Place
from eventwire.resolve.gazetteer import Entry, Gazetteer, get_gazetteer, normalize

__all__ = ["PlaceResolver"]

_FACILITY = (
    "international airport", "airport", "airfield", "airstrip", "air base", "airbase",
    "military base", "army base", "naval base", "base", "barracks", "garrison", "camp",
    "refugee camp", "border crossing", "border post", "border", "frontier", "crossing",
    "checkpoint", "port", "harbour", "harbor", "seaport", "bridge", "dam", "prison", "jail",
    "station", "railway station", "bus station", "stadium", "university", "hospital",
    "market", "mosque", "church", "cathedral", "palace", "embassy", "consulate", "refinery",
    "oil field", "oilfield", "mine", "power plant", "power station", "city hall",
    "town hall", "parliament", "square", "district court", "court",
)  # fmt: skip
_ADMIN = (
    "state", "province", "region", "governorate", "district", "department", "prefecture",
    "county", "oblast", "territory", "division", "municipality", "area",
)  # fmt: skip
_SETTLEMENT = ("city", "town", "village", "capital", "city centre", "city center", "outskirts")
_LEADING = {
    "city of": "city", "town of": "city", "village of": "city", "outskirts of": "city",
    "suburbs of": "city", "capital of": "city",
    "state of": "admin", "province of": "admin", "region of": "admin",
    "governorate of": "admin", "district of": "admin", "department of": "admin",
}  # fmt: skip

_SUFFIXES = sorted(
    [(w, "facility") for w in _FACILITY]
    + [(w, "admin") for w in _ADMIN]
    + [(w, "city") for w in _SETTLEMENT],
    key=lambda item: -len(item[0]),
)
_DESIGNATORS = frozenset(w for w, _ in _SUFFIXES) | {lead.split()[0] for lead in _LEADING}
_TRIM = " \t\r\n\"'“”‘’`«»()[]{}.,;:!?-–—"
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)  # "Niamey's"; "Wales'" loses the ' in _TRIM

_ADMIN_KINDS = ("admin1", "admin2")
_CITY_KINDS = ("city",)


class PlaceResolver:
    """Toponym text -> :class:`Place`, over a :class:`Gazetteer` (the shared one by default)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else get_gazetteer()

    # -- public -------------------------------------------------------------------------

    def resolve(
        self,
        text: str,
        *,
        countries: Sequence[str] = (),
        char_start: int | None = None,
        char_end: int | None = None,
    ) -> Place | None:
        """Resolve one toponym mention; ``None`` when nothing in the gazetteer fits.

        ``countries``: ISO codes (alpha-3 or alpha-2) the document is about, used to
        disambiguate ("Tripoli" with ``("LBN",)`` is Tripoli, Lebanon).
        """
        found = self._find(text, tuple(countries))
        if found is None:
            return None
        entry, role = found
        precision = _PRECISION[entry.kind]
        if role == "facility" and entry.kind == "city":
            precision = "point"
        return Place(
            text=text,
            name=entry.name,
            country=entry.country,
            admin1=entry.admin1,
            lat=entry.lat,
            lon=entry.lon,
            precision=precision,
            geonameid=entry.geonameid,
            char_start=char_start,
            char_end=char_end,
        )

    def country_place(
        self,
        iso3: str,
        text: str = "",
        *,
        char_start: int | None = None,
        char_end: int | None = None,
    ) -> Place:
        """The country as a place: its centroid, ``precision="country"``.

        Accepts alpha-3 or alpha-2; raises ``KeyError`` for a code the gazetteer lacks
        (IGO codes such as "UNO" are not places).
        """
        try:
            entry = self.gazetteer.country(iso3)
        except KeyError:
            raise KeyError(f"no country with ISO code {iso3!r} in the gazetteer") from None
        return Place(
            text=text or entry.name,
            name=entry.name,
            country=entry.country,
            admin1=None,
            lat=entry.lat,
            lon=entry.lon,
            precision="country",
            geonameid=entry.geonameid,
            char_start=char_start,
            char_end=char_end,
        )

    # -- internals ----------------------------------------------------------------------

    def _find(self, text: str, countries: tuple[str, ...]) -> tuple[Entry, str] | None:
        name = _clean(text)
        key = normalize(name)
        if not key or key in _DESIGNATORS:
            return None  # "airport" alone is not a toponym (though a Hawaiian CDP is so named)
        gaz = self.gazetteer
        role = ""
        for lead, lead_role in _LEADING.items():
            if key.startswith(lead + " "):
                name = " ".join(name.split()[len(lead.split()) :])
                role = lead_role
                break

        entry = gaz.lookup(name, countries=countries, kinds=_kinds(role))
        if entry is not None:
            return self._fit(entry, role)

        if "," in name:
            head, _, tail = name.partition(",")
            found = self._find_in(head, tail, countries)
            if found is not None:
                return found

        # Peel off up to two trailing designators ("Niamey international airport").
        for _ in range(2):
            stripped = _strip_suffix(name)
            if stripped is None:
                break
            name, suffix_role = stripped
            if suffix_role == "facility" or role in ("", "city"):
                role = suffix_role
            if not normalize(name):
                return None
            entry = gaz.lookup(name, countries=countries, kinds=_kinds(role))
            if entry is not None:
                return self._fit(entry, role)
        return None

    def _fit(self, entry: Entry, role: str) -> tuple[Entry, str]:
        """An admin word on a city match means the city's subdivision ("Paris region")."""
        if role == "admin" and entry.kind == "city" and entry.admin1:
            admin = self.gazetteer.admin1(entry.country, entry.admin1)
            if admin is not None:
                return admin, role
        return entry, role

    def _find_in(
        self, head: str, tail: str, countries: tuple[str, ...]
    ) -> tuple[Entry, str] | None:
        """For "Paris, Texas": the best candidate for the head inside what the tail names."""
        gaz = self.gazetteer
        container = gaz.lookup(_clean(tail), countries=countries)
        if container is None or not normalize(head):
            return None
        inside = [
            e
            for e in gaz.candidates(_clean(head))
            if e.kind != "country"
            and e.country == container.country
            and (container.kind != "admin1" or e.admin1 == container.name)
        ]
        return (inside[0], "") if inside else None  # candidates() is best-first


_PRECISION = {"city": "city", "admin1": "admin1", "admin2": "admin1", "country": "country"}


def _kinds(role: str) -> tuple[str, ...] | None:
    if role == "admin":
        return _ADMIN_KINDS
    if role == "city":
        return _CITY_KINDS
    return None


def _clean(text: str) -> str:
    name = " ".join(text.split()).strip(_TRIM)
    name = _POSSESSIVE.sub("", name).strip(_TRIM)
    words = name.split()
    if len(words) > 1 and words[0].casefold() == "the":
        name = " ".join(words[1:])
    return name


def _strip_suffix(name: str) -> tuple[str, str] | None:
    """``("Niamey airport")`` -> ``("Niamey", "facility")``; ``None`` if no designator."""
    key = normalize(name)
    for suffix, role in _SUFFIXES:
        if key.endswith(" " + suffix):
            words = name.split()
            n = len(suffix.split())
            if len(words) > n:
                return " ".join(words[:-n]).strip(_TRIM), role
    return None


#: Entity labels that name places (demonyms, NORP, are actors, not places).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def find_toponyms(
    sentences: Sequence[ParsedSentence],
    resolver: PlaceResolver,
    *,
    countries: Sequence[str] = (),
) -> list[Place]:
    """Every place an article names, resolved with the article's countries as context."""
    out = []
    for ps in sentences:
        for m in ps.mentions:
            if m.label in PLACE_LABELS:
                place = resolver.resolve(
                    m.text, countries=countries, char_start=m.start, char_end=m.end
                )
                if place is not None:
                    out.append(place)
    return out
