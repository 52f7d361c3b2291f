"""Which events: one query object and its SQL, shared by the CLI, the Python API and REST.

:class:`EventQuery` holds the filters; :func:`where_clause` turns it into a SQL condition over
``events e JOIN articles a``. Countries are given by code (ISO 3166 alpha-3, alpha-2, or a
non-state code such as IGO) or by name, alias or demonym, resolved through the KB
(:func:`resolve_country`); a name that resolves to nothing is an error with the nearest names.

With ``canonical`` a query gives one row per canonical event (one event reported by several
articles, see :mod:`eventwire.store.canonical`): the event's first report, the filters applied
to it; the CLI asks for that by default.

By default a query leaves out candidates (``counted`` false), negated and hypothetical events,
as ``eventwire events`` always has; ``include_all`` keeps them. An explicit ``modality``
filter replaces the modality part of that default (``modality=("negated",)`` finds negated
events), while candidates stay out unless ``include_all``.
"""

from __future__ import annotations

import base64
import difflib
import json
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from eventwire.errors import ConfigError
from eventwire.kb import load_kb, normalise
from eventwire.kb.loader import NONSTATE_CODES
from eventwire.records import PUBLICATION_FLAG, UNCOUNTED_MODALITIES

MODALITIES = frozenset({"asserted", "planned", "claimed", "negated", "hypothetical"})
ROLES = ("source", "target", "either")
#: An event's dates as its text states them: a date only inferred from the publication day
#: (flag ``publication``: "the week before the article") counts as no date here, so an
#: undated event keeps its article's day, as it always has, in sorting, filters and timelines.
_INFERRED = f"list_contains(e.date_flags, '{PUBLICATION_FLAG}')"
STATED_START = f"CASE WHEN {_INFERRED} THEN NULL ELSE e.date_start END"
STATED_END = f"CASE WHEN {_INFERRED} THEN NULL ELSE e.date_end END"
#: The day an event is sorted by: its start, else its article's publication day, else last.
SORT_DAY = f"coalesce({STATED_START}, a.published_day, DATE '9999-12-31')"
#: Keyset order; the last column makes it total, so cursors never skip or repeat an event.
ORDER_BY = f"{SORT_DAY}, e.article_id, e.sentence, e.trigger_start, e.event_id"


@dataclass(frozen=True, slots=True, kw_only=True)
class EventQuery:
    """Filters over stored events; every field is optional and they all must hold (AND).

    Tuples mean "any of". Country fields take resolved codes (see :meth:`resolved`).
    """

    #: country codes on either side of the event
    actor: tuple[str, ...] = ()
    #: country codes of the source / the target
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    #: two countries, one on each side, in either direction
    dyad: tuple[str, str] | None = None
    plover: tuple[str, ...] = ()
    #: CAMEO codes or prefixes: "19" (a root) matches 190, 193, 1951 ...
    cameo: tuple[str, ...] = ()
    quad_class: tuple[int, ...] = ()
    #: actor sectors (GOV, MIL, REB ...), on the side given by ``sector_role``
    sector: tuple[str, ...] = ()
    sector_role: str = "either"
    place_country: tuple[str, ...] = ()
    #: west, south, east, north (longitude, latitude, longitude, latitude)
    bbox: tuple[float, float, float, float] | None = None
    since: str | None = None
    until: str | None = None
    modality: tuple[str, ...] = ()
    min_probability: float | None = None
    include_all: bool = False
    event_ids: tuple[str, ...] | None = None
    #: words that must occur in the evidence sentence (case-insensitive)
    text: str | None = None
    #: one row per canonical event (its first report, with the counts of all its reports)
    #: instead of one per report; the CLI's default, ``--mentions`` turns it off
    canonical: bool = False
    #: notes from resolving names (``"Niger" -> NER``), for the caller to show
    notes: tuple[str, ...] = field(default=(), compare=False)

    def resolved(self) -> EventQuery:
        """The query with every country name turned into its code, and values checked.

        Raises ConfigError with a hint for a name that matches no country."""
        notes: list[str] = []

        def codes(values: tuple[str, ...]) -> tuple[str, ...]:
            out = []
            for v in values:
                code = resolve_country(v)
                if code != v:
                    notes.append(f"{v!r} -> {code}")
                out.append(code)
            return tuple(out)

        for d in (self.since, self.until):
            if d is not None:
                try:
                    date.fromisoformat(d)
                except ValueError:
                    raise ConfigError(f"{d!r} is not a date; use YYYY-MM-DD") from None
        bad = [m for m in self.modality if m not in MODALITIES]
        if bad:
            raise ConfigError(
                f"unknown modality {bad[0]!r}; use one of {', '.join(sorted(MODALITIES))}"
            )
        if any(q not in (1, 2, 3, 4) for q in self.quad_class):
            raise ConfigError("QuadClass is 1 (verbal cooperation) to 4 (material conflict)")
        if self.sector_role not in ROLES:
            raise ConfigError(f"role must be one of {', '.join(ROLES)}")
        if self.bbox is not None:
            w, s, e, n = self.bbox
            if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= n <= 90):
                raise ConfigError(
                    "bounding box is west,south,east,north in degrees, south <= north"
                )
        if self.min_probability is not None and not 0 <= self.min_probability <= 1:
            raise ConfigError("minimum probability must be between 0 and 1")
        dyad = None
        if self.dyad is not None:
            a, b = codes(self.dyad)
            dyad = (a, b)
        return replace(
            self,
            actor=codes(self.actor),
            source=codes(self.source),
            target=codes(self.target),
            dyad=dyad,
            place_country=codes(self.place_country),
            plover=tuple(p.upper() for p in self.plover),
            sector=tuple(s.upper() for s in self.sector),
            notes=(*self.notes, *notes),
        )


@lru_cache(maxsize=1)
def _country_index() -> tuple[dict[str, str], dict[str, str]]:
    """(normalised name, alias, demonym or code -> code; code -> display name)."""
    kb = load_kb()
    index: dict[str, str] = {}
    names: dict[str, str] = {}
    for c in kb.countries.values():
        names[c.iso3] = c.name
        for form in (c.name, *c.aliases, *c.adjectives):
            index.setdefault(normalise(form), c.iso3)
    for code in NONSTATE_CODES:
        names.setdefault(code, code)
    return index, names


def country_name(code: str) -> str:
    """The KB's name of a country code (the code itself when it has none)."""
    return _country_index()[1].get(code, code)


def resolve_country(text: str) -> str:
    """A country code from a code (NER, NE, IGO) or a name, alias or demonym (Niger, French).

    Raises ConfigError naming the nearest countries when nothing matches."""
    value = text.strip()
    index, names = _country_index()
    up = value.upper()
    if up in names:
        return up
    if len(up) == 2:
        kb = load_kb()
        for c in kb.countries.values():
            if c.iso2 == up:
                return c.iso3
    hit = index.get(normalise(value))
    if hit:
        return hit
    close = difflib.get_close_matches(normalise(value), list(index), n=3, cutoff=0.6)
    hint = ", ".join(dict.fromkeys(f"{index[c]} ({names[index[c]]})" for c in close))
    raise ConfigError(
        f"no country matches {text!r}; "
        + (f"did you mean {hint}? " if hint else "")
        + "give an ISO 3166 code (NER) or a country name (Niger); "
        "`eventwire kb lookup NAME` shows how a name resolves"
    )


def _in(column: str, values: tuple[Any, ...], args: list[Any]) -> str:
    args.extend(values)
    return f"{column} IN ({', '.join('?' * len(values))})"


def _side(role: str | None, cond: str) -> str:
    """EXISTS an actor of the event (on ``role``'s side, or either) meeting ``cond``."""
    on_role = f" AND x.role = '{role}'" if role in ("source", "target") else ""
    return (
        f"EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.event_id{on_role} AND {cond})"
    )


def where_clause(q: EventQuery) -> tuple[str, list[Any]]:
    """The SQL condition (over ``events e JOIN articles a``) and its arguments."""
    where: list[str] = []
    args: list[Any] = []
    if q.actor:
        where.append(_side(None, _in("x.country", q.actor, args)))
    if q.source:
        where.append(_side("source", _in("x.country", q.source, args)))
    if q.target:
        where.append(_side("target", _in("x.country", q.target, args)))
    if q.dyad:
        a, b = q.dyad
        ab = f"({_side('source', 'x.country = ?')} AND {_side('target', 'x.country = ?')})"
        where.append(f"({ab} OR {ab})")
        args.extend([a, b, b, a])
    if q.plover:
        where.append(_in("e.plover_type", q.plover, args))
    if q.cameo:
        where.append("(" + " OR ".join("starts_with(e.cameo_code, ?)" for _ in q.cameo) + ")")
        args.extend(q.cameo)
    if q.quad_class:
        where.append(_in("e.quad_class", q.quad_class, args))
    if q.sector:
        where.append(_side(q.sector_role, _in("x.sector", q.sector, args)))
    if q.place_country:
        where.append(_in("e.place_country", q.place_country, args))
    if q.bbox:
        w, s, east, n = q.bbox
        where.append("e.lat BETWEEN ? AND ?")
        args.extend([s, n])
        if w <= east:
            where.append("e.lon BETWEEN ? AND ?")
            args.extend([w, east])
        else:  # across the antimeridian
            where.append("(e.lon >= ? OR e.lon <= ?)")
            args.extend([w, east])
    if q.since:
        where.append(f"coalesce({STATED_END}, a.published_day) >= CAST(? AS DATE)")
        args.append(q.since)
    if q.until:
        where.append(f"coalesce({STATED_START}, a.published_day) <= CAST(? AS DATE)")
        args.append(q.until)
    if q.modality:
        where.append(_in("e.modality", q.modality, args))
    elif not q.include_all:
        where.append(f"e.modality NOT IN {UNCOUNTED_MODALITIES!r}")
    if not q.include_all:
        where.append("coalesce(e.counted, true)")
    if q.min_probability is not None:
        where.append("e.probability >= ?")
        args.append(q.min_probability)
    if q.event_ids is not None:
        where.append("list_contains(?, e.event_id)")
        args.append(list(q.event_ids))
    if q.canonical:  # an unplaced report (a candidate under --all) stands for itself
        where.append("(e.canonical_id IS NULL OR e.canonical_id = e.event_id)")
    if q.text:
        where.append(
            "EXISTS (SELECT 1 FROM sentences t WHERE t.article_id = e.article_id "
            "AND t.idx = e.sentence AND contains(lower(t.text), lower(?)))"
        )
        args.append(q.text)
    return (" AND ".join(where) or "true"), args


# -- cursors: an opaque token naming the last event of a page ---------------------------------


def encode_cursor(key: tuple[Any, ...]) -> str:
    day_, article_id, sentence, trigger_start, event_id = key
    raw = json.dumps([day_.isoformat(), article_id, sentence, trigger_start, event_id])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(token: str) -> tuple[Any, ...]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        day_, article_id, sentence, trigger_start, event_id = json.loads(raw)
        return (
            date.fromisoformat(day_),
            str(article_id),
            int(sentence),
            int(trigger_start),
            str(event_id),
        )
    except (ValueError, TypeError):
        raise ConfigError(
            f"cursor {token!r} is not one this server gave; start again without a cursor"
        ) from None


def after_cursor(key: tuple[Any, ...], args: list[Any]) -> str:
    """SQL condition: strictly after ``key`` in :data:`ORDER_BY`."""
    args.extend(key)
    return f"({SORT_DAY}, e.article_id, e.sentence, e.trigger_start, e.event_id) > (?, ?, ?, ?, ?)"


def dyad_sql(q: EventQuery) -> tuple[str, list[Any]]:
    """SQL of one row per (event, source actor, target actor) for the events of ``q``: the
    event's day (:data:`SORT_DAY`; NULL when it has none) and the last day of its date range
    (``day_end``: a date "in July" runs to 31 July), codes, and both actors' country and sector
    (NULL for a missing side). Analysis groups over it."""
    where, args = where_clause(q)
    sql = (
        "SELECT e.event_id, "
        f"CASE WHEN {SORT_DAY} < DATE '9999-01-01' THEN {SORT_DAY} END AS day, "
        f"CASE WHEN {SORT_DAY} < DATE '9999-01-01' "
        f"THEN coalesce({STATED_END}, {STATED_START}, a.published_day) END AS day_end, "
        "e.quad_class, e.goldstein, e.cameo_code, e.cameo_root, e.plover_type, e.modality, "
        "e.place_country, e.probability, "
        "s.country AS source_country, s.sector AS source_sector, "
        "t.country AS target_country, t.sector AS target_sector "
        "FROM events e JOIN articles a USING (article_id) "
        "LEFT JOIN event_actors s ON s.event_id = e.event_id AND s.role = 'source' "
        "LEFT JOIN event_actors t ON t.event_id = e.event_id AND t.role = 'target' "
        f"WHERE {where}"
    )
    return sql, args


# -- from flat parameters (CLI options, URL query parameters) ----------------------------------


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        w, s, e, n = (float(v) for v in value.split(","))
    except ValueError:
        raise ConfigError(
            f"bounding box {value!r} is not WEST,SOUTH,EAST,NORTH, e.g. 0,11,16,24"
        ) from None
    return (w, s, e, n)


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = value.split(":")
    if len(parts) != 2 or not all(p.strip() for p in parts):
        raise ConfigError(f"dyad {value!r} is not A:B, e.g. NER:FRA")
    return (parts[0].strip(), parts[1].strip())


def build_query(**kw: Any) -> EventQuery:
    """An EventQuery from the filter options' values (unresolved: the store resolves names)."""
    return EventQuery(
        actor=tuple(kw.get("actor") or ()),
        source=tuple(kw.get("source") or ()),
        target=tuple(kw.get("target") or ()),
        dyad=parse_dyad(kw.get("dyad")),
        plover=tuple(kw.get("plover") or ()),
        cameo=tuple(kw.get("cameo") or ()),
        quad_class=tuple(kw.get("quad_class") or ()),
        sector=tuple(kw.get("sector") or ()),
        sector_role=kw.get("sector_role") or "either",
        place_country=tuple(kw.get("place_country") or ()),
        bbox=parse_bbox(kw.get("bbox")),
        since=kw.get("since"),
        until=kw.get("until"),
        modality=tuple(kw.get("modality") or ()),
        min_probability=kw.get("min_probability"),
        text=kw.get("text"),
        include_all=bool(kw.get("include_all")),
        canonical=bool(kw.get("canonical", False)),
    )
