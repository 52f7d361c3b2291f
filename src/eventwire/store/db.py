"""The embedded DuckDB store: write document results one transaction per batch, read events back.

Rows are keyed by content-derived ids and written with ``INSERT OR IGNORE``, so storing the
same input twice leaves the file identical, and a crash mid-batch loses only that batch.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import StoreError
from eventwire.records import (
    Acled,
    Actor,
    Article,
    Cameo,
    DocumentResult,
    Event,
    Place,
    Plover,
    Reject,
    Span,
    TimeSpan,
)
from eventwire.safetext import escape

log = logging.getLogger(__name__)

SCHEMA = Path(__file__).with_name("schema.sql")
SCHEMA_VERSION = "1"
#: Rows per INSERT statement.
_ROWS_PER_STATEMENT = 256
#: Tables written per batch, in the order their rows are inserted.
DATA_TABLES = ("articles", "sentences", "events", "event_actors", "places", "quotes", "rejects")
#: Errors about a value DuckDB refuses (a lone surrogate, a bad number), not about the database.
_DATA_ERRORS = (
    duckdb.InvalidInputException,
    duckdb.ConversionException,
    duckdb.ConstraintException,
    duckdb.DataError,
)


def _one_line(exc: BaseException) -> str:
    """DuckDB's message on one line, with control characters escaped."""
    return escape(" ".join(str(exc).split()))


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


class Store:
    """One DuckDB file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"no database at {self.path}; create one with `eventwire run`")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {_one_line(exc)}") from None
        try:  # a truncated or corrupt file may open and fail on first read
            if not read_only:
                self.con.execute(SCHEMA.read_text())
                self.con.execute(
                    "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION]
                )
            self.con.execute("SELECT count(*) FROM articles").fetchone()
        except duckdb.Error as exc:
            self.con.close()
            raise StoreError(
                f"cannot use database {self.path} (damaged or not an eventwire database?): "
                f"{_one_line(exc)}"
            ) from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- writing -----------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        try:
            row = self.con.execute(
                "SELECT 1 FROM articles WHERE article_id = ?", [article_id]
            ).fetchone()
        except duckdb.Error as exc:
            raise StoreError(f"reading {self.path} failed: {_one_line(exc)}") from None
        return row is not None

    def write_batch(
        self,
        results: Sequence[DocumentResult],
        rejects: Sequence[Reject] = (),
        near_duplicates: dict[str, str] | None = None,
    ) -> list[tuple[DocumentResult, Reject]]:
        """Store a batch of results and rejects in one transaction.

        One bad record must not sink the batch nor fail every re-run at the same place: when
        the batch is refused for its data, it is written again record by record, and a result
        that cannot be stored becomes a Reject (stage "store") naming its origin. Those results
        and their rejects are returned so the caller can count them. Raises StoreError when
        the database itself fails (disk, memory, a corrupt file).
        """
        near = near_duplicates or {}
        try:
            self._write(_rows(results, rejects, near))
            return []
        except duckdb.Error as exc:
            self._fatal(exc)
            log.warning("batch refused by %s (%s); storing record by record", self.path, exc)
        failed: list[tuple[DocumentResult, Reject]] = []
        for res in results:
            try:
                self._write(_rows([res], (), near))
            except duckdb.Error as exc:
                self._fatal(exc)
                reason = f"cannot be stored: {escape(str(exc))}"
                failed.append(
                    (res, Reject(origin=res.article.origin, stage="store", reason=reason))
                )
        for rej in [*rejects, *(r for _, r in failed)]:
            try:
                self._write(_rows((), [rej], near))
            except duckdb.Error as exc:
                self._fatal(exc)
                safe = Reject(origin=escape(rej.origin), stage=rej.stage, reason=escape(rej.reason))
                try:
                    self._write(_rows((), [safe], near))
                except duckdb.Error as again:
                    raise StoreError(f"cannot record a reject in {self.path}: {again}") from None
        return failed

    def _write(self, rows: dict[str, list[tuple[Any, ...]]]) -> None:
        """All rows in one transaction; rolled back on any error."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, data in rows.items():
                self._insert(table, data)
            self.con.execute("COMMIT")
        except duckdb.Error:
            try:
                self.con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            raise

    def _fatal(self, exc: duckdb.Error) -> None:
        """Raise StoreError unless ``exc`` is about the data (a value DuckDB refuses)."""
        if not isinstance(exc, _DATA_ERRORS):
            raise StoreError(f"writing a batch to {self.path} failed: {_one_line(exc)}") from None

    def _insert(self, table: str, data: list[tuple[Any, ...]]) -> None:
        """INSERT OR IGNORE many rows, a few hundred per statement (``executemany`` runs one
        statement per row and was a third of the whole run)."""
        if not data:
            return
        row = "(" + ", ".join("?" * len(data[0])) + ")"
        for i in range(0, len(data), _ROWS_PER_STATEMENT):
            chunk = data[i : i + _ROWS_PER_STATEMENT]
            sql = f"INSERT OR IGNORE INTO {table} VALUES " + ", ".join([row] * len(chunk))
            self.con.execute(sql, [v for r in chunk for v in r])

    def record_run(
        self,
        run_id: str,
        inputs: list[str],
        options: dict[str, Any],
        counts: dict[str, int],
        coder_version: str,
    ) -> None:
        try:
            self.con.execute(
                "INSERT OR IGNORE INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    run_id,
                    inputs,
                    json.dumps(options, sort_keys=True),
                    counts.get("articles", 0),
                    counts.get("duplicates", 0),
                    counts.get("near_duplicates", 0),
                    counts.get("rejects", 0),
                    counts.get("events", 0),
                    coder_version,
                ],
            )
        except duckdb.Error as exc:
            raise StoreError(f"recording the run in {self.path} failed: {_one_line(exc)}") from None

    # -- reading -----------------------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in (*DATA_TABLES, "runs"):
            raise StoreError(f"unknown table {table!r}")
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def events(
        self,
        *,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        event_ids: Iterable[str] | None = None,
        include_all: bool = True,
        limit: int | None = None,
    ) -> Iterator[Event]:
        """Events in date order, filtered by an actor country code and a date range."""
        where, args = ["1=1"], []
        if actor:
            where.append("event_id IN (SELECT event_id FROM event_actors WHERE country = ?)")
            args.append(actor.upper())
        if since:
            where.append("coalesce(date_end, published_day) >= CAST(? AS DATE)")
            args.append(since)
        if until:
            where.append("coalesce(date_start, published_day) <= CAST(? AS DATE)")
            args.append(until)
        if event_ids is not None:
            ids = list(event_ids)
            where.append(f"event_id IN ({', '.join('?' * len(ids)) or 'NULL'})")
            args.extend(ids)
        if not include_all:
            where.append("modality NOT IN ('negated', 'hypothetical')")
            where.append("coalesce(counted, true)")
        sql = (
            f"SELECT e.*, a.published_day, s.text AS evidence_text FROM events e "
            f"JOIN articles a USING (article_id) LEFT JOIN sentences s "
            f"ON s.article_id = e.article_id AND s.idx = e.sentence "
            f"WHERE {' AND '.join(where)} "
            f"ORDER BY coalesce(e.date_start, a.published_day), e.article_id, e.sentence, "
            f"e.trigger_start"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        try:
            cur = self.con.execute(sql, args)
            cols = [d[0] for d in cur.description]
            rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
            actors = self._actors([r["event_id"] for r in rows])
        except duckdb.Error as exc:
            raise StoreError(f"query on {self.path} failed: {_one_line(exc)}") from None
        for r in rows:
            yield _event_from_row(r, actors.get(r["event_id"], {}))

    def _actors(self, ids: list[str]) -> dict[str, dict[str, list[Actor]]]:
        out: dict[str, dict[str, list[Actor]]] = {}
        if not ids:
            return out
        cur = self.con.execute(
            "SELECT event_id, role, text, start_char, end_char, country, sector, name, kb_id, "
            "confidence FROM event_actors WHERE event_id IN (SELECT unnest(?)) "
            "ORDER BY event_id, role, position",
            [ids],
        )
        for eid, role, text, s, e, country, sector, name, kb_id, conf in cur.fetchall():
            out.setdefault(eid, {}).setdefault(role, []).append(
                Actor(
                    text=text,
                    start=s,
                    end=e,
                    country=country,
                    sector=sector,
                    name=name,
                    kb_id=kb_id,
                    confidence=conf,
                )
            )
        return out

    def article(self, article_id: str) -> Article | None:
        cur = self.con.execute(
            "SELECT article_id, text, title, url, source, published, "
            "published_source, origin, fmt, language FROM articles "
            "WHERE article_id = ?",
            [article_id],
        )
        row = cur.fetchone()
        if row is None:
            return None
        keys = (
            "article_id",
            "text",
            "title",
            "url",
            "source",
            "published",
            "published_source",
            "origin",
            "fmt",
            "language",
        )
        return Article(**dict(zip(keys, row, strict=True)))


def _rows(
    results: Iterable[DocumentResult], rejects: Iterable[Reject], near: dict[str, str]
) -> dict[str, list[tuple[Any, ...]]]:
    """Rows per table for a batch of results and rejects."""
    rows: dict[str, list[tuple[Any, ...]]] = {k: [] for k in DATA_TABLES}
    for res in results:
        a = res.article
        rows["articles"].append(
            (
                a.article_id,
                a.title,
                a.url,
                a.source,
                a.published,
                _day(a.published),
                a.published_source,
                a.origin,
                a.fmt,
                a.language,
                near.get(a.article_id),
                a.text,
            )
        )
        for s in res.sentences:
            rows["sentences"].append((s.article_id, s.index, s.paragraph, s.start, s.end, s.text))
        for e in res.events:
            rows["events"].append(_event_row(e))
            for role, actors in (("source", e.source), ("target", e.target)):
                for pos, act in enumerate(actors):
                    rows["event_actors"].append(
                        (
                            e.event_id,
                            role,
                            pos,
                            act.text,
                            act.start,
                            act.end,
                            act.country,
                            act.sector,
                            act.name,
                            act.kb_id,
                            act.confidence,
                        )
                    )
        for p in res.places:
            rows["places"].append(
                (
                    a.article_id,
                    p.char_start,
                    p.char_end,
                    p.text,
                    p.name,
                    p.country,
                    p.admin1,
                    p.lat,
                    p.lon,
                    p.precision,
                    p.geonameid,
                )
            )
        for q in res.quotes:
            sp = q.speaker
            rows["quotes"].append(
                (
                    q.quote_id,
                    q.article_id,
                    q.sentence,
                    q.text,
                    q.start,
                    q.end,
                    sp.text if sp else None,
                    sp.country if sp else None,
                    sp.sector if sp else None,
                    sp.name if sp else None,
                    q.cue,
                )
            )
    for r in rejects:
        rows["rejects"].append((r.origin, r.stage, r.reason))
    return rows


def _event_row(e: Event) -> tuple[Any, ...]:
    d, p = e.date, e.place
    return (
        e.event_id,
        e.article_id,
        e.sentence,
        e.evidence_start,
        e.trigger.text,
        e.trigger.start,
        e.trigger.end,
        e.cameo.code,
        e.cameo.root,
        e.cameo.quad_class,
        e.cameo.goldstein,
        e.cameo.name,
        e.plover.type,
        e.plover.mode,
        list(e.plover.context),
        e.modality,
        _day(d.start) if d else None,
        _day(d.end) if d else None,
        d.precision if d else None,
        d.value if d else None,
        d.text if d else None,
        d.char_start if d else None,
        d.char_end if d else None,
        list(d.flags) if d else None,
        p.name if p else None,
        p.country if p else None,
        p.admin1 if p else None,
        p.lat if p else None,
        p.lon if p else None,
        p.precision if p else None,
        p.text if p else None,
        p.geonameid if p else None,
        p.char_start if p else None,
        p.char_end if p else None,
        e.confidence,
        e.pattern,
        e.coder_version,
        e.acled.event_type if e.acled else None,
        e.acled.sub_event_type if e.acled else None,
        e.counted,
        e.probability,
        p.inferred if p else None,
    )


def _event_from_row(r: dict[str, Any], actors: dict[str, list[Actor]]) -> Event:
    date_ = None
    if r["date_text"] is not None:
        date_ = TimeSpan(
            text=r["date_text"],
            start=r["date_start"].isoformat() if r["date_start"] else None,
            end=r["date_end"].isoformat() if r["date_end"] else None,
            precision=r["date_precision"],
            value=r["date_value"],
            char_start=r["date_char_start"],
            char_end=r["date_char_end"],
            flags=tuple(r["date_flags"] or ()),
        )
    place = None
    if r["place_name"] is not None:
        place = Place(
            text=r["place_text"] or "",
            name=r["place_name"],
            country=r["place_country"],
            admin1=r["place_admin1"],
            lat=r["lat"],
            lon=r["lon"],
            precision=r["place_precision"] or "country",
            geonameid=r["place_geonameid"],
            char_start=r["place_char_start"],
            char_end=r["place_char_end"],
            inferred=bool(r.get("place_inferred")),
        )
    return Event(
        event_id=r["event_id"],
        article_id=r["article_id"],
        sentence=r["sentence"],
        evidence=r.get("evidence_text") or "",
        evidence_start=r["evidence_start"],
        trigger=Span(text=r["trigger_text"], start=r["trigger_start"], end=r["trigger_end"]),
        source=tuple(actors.get("source", [])),
        target=tuple(actors.get("target", [])),
        cameo=Cameo(
            code=r["cameo_code"],
            root=r["cameo_root"],
            quad_class=r["quad_class"],
            goldstein=r["goldstein"],
            name=r["cameo_name"] or "",
        ),
        plover=Plover(
            type=r["plover_type"], mode=r["plover_mode"], context=tuple(r["plover_context"] or ())
        ),
        modality=r["modality"],
        date=date_,
        place=place,
        confidence=r["confidence"],
        pattern=r["pattern"],
        coder_version=r["coder_version"],
        acled=(
            Acled(event_type=r["acled_type"], sub_event_type=r["acled_subtype"])
            if r.get("acled_type")
            else None
        ),
        counted=r.get("counted") is not False,
        probability=r.get("probability"),
    )
