"""The embedded DuckDB store: write document results one transaction per batch, read events back.

Rows are keyed by content-derived ids and written with ``INSERT OR IGNORE``, so storing the
same input twice leaves the file identical, and a crash mid-batch loses only that batch.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from eventwire.errors import StoreError
from eventwire.faults import fault
from eventwire.ingest.dedup import NearDuplicateIndex, band_keys
from eventwire.mapping import DOCUMENT_TABLES, actor_from_row, document_rows, event_from_row
from eventwire.query import (
    ORDER_BY,
    SORT_DAY,
    EventQuery,
    after_cursor,
    decode_cursor,
    encode_cursor,
    where_clause,
)
from eventwire.records import Actor, Article, DocumentResult, Event, Reject
from eventwire.safetext import escape

log = logging.getLogger(__name__)

SCHEMA = Path(__file__).with_name("schema.sql")
#: Versioned migrations, applied in order to a file of an older version when it is opened for
#: writing (``meta.schema_version``); schema.sql itself stays the version 1 tables.
MIGRATIONS: tuple[tuple[int, Path], ...] = (
    (2, Path(__file__).with_name("migrate_002_canonical.sql")),
)
SCHEMA_VERSION = str(MIGRATIONS[-1][0])
#: Rows per INSERT statement.
_ROWS_PER_STATEMENT = 2048
#: Tables written per batch, in the order their rows are inserted.
DATA_TABLES = DOCUMENT_TABLES
#: Errors about a value DuckDB refuses (a lone surrogate, a bad number), not about the database.
_DATA_ERRORS = (
    duckdb.InvalidInputException,
    duckdb.ConversionException,
    duckdb.ConstraintException,
    duckdb.DataError,
)


#: The band keys of the stored near-duplicate signatures, which the index looks candidates up
#: by (:meth:`Store.near_duplicate_index`). Derived from ``article_minhash`` and filled from it
#: when rows are missing, so it needs no schema version: a file without it is still current.
_BAND_TABLE = (
    "CREATE TABLE IF NOT EXISTS article_minhash_band (article_id VARCHAR, band SMALLINT, "
    "key BIGINT, PRIMARY KEY (article_id, band))",
    "CREATE INDEX IF NOT EXISTS article_minhash_band_key ON article_minhash_band (key)",
)


#: What a query row carries of its canonical event, beside the article's metadata.
#: DuckDB rewrites an IN list of more than a handful of values into a hash join over a scan of
#: the whole table; the batch look-ups (stored ids, band keys, signatures by id) name a few
#: hundred values, so with it they read every row of ``article_minhash_band`` (170,000 at
#: 19,000 stories) and its blocks stay cached. With the rewrite off they are answered from the
#: tables' indexes (the same rows).
_INDEXED_LOOKUP = ("SET disabled_optimizers = 'in_clause'", "RESET disabled_optimizers")
#: The buffer manager may keep this much more than DuckDB cannot evict (indexes, uncommitted
#: rows), and at least ``_CACHE_FLOOR`` in all: the cached blocks of the tables, which grew
#: with the file (34 MB at 18,000 stories), stay bounded; see :meth:`Store._bound_cache`.
_CACHE_ROOM = 40 * 2**20
_CACHE_FLOOR = 64 * 2**20


def lookup(con: duckdb.DuckDBPyConnection, sql: str, args: Sequence[Any]) -> list[Any]:
    """Rows of a batch look-up by key (``... WHERE key IN (?, ?, ...)``), read through the
    table's index (:data:`_INDEXED_LOOKUP`)."""
    con.execute(_INDEXED_LOOKUP[0])
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.execute(_INDEXED_LOOKUP[1])


CANONICAL_KEYS = (
    "canonical_id",
    "num_mentions",
    "num_articles",
    "num_sources",
    "first_seen",
    "last_seen",
)


@dataclass(slots=True)
class Page:
    """One page of a query: events with their article's metadata, and the next cursor."""

    rows: list[tuple[Event, dict[str, Any]]] = field(default_factory=list)
    next_cursor: str | None = None
    query: EventQuery | None = None

    @property
    def events(self) -> list[Event]:
        return [ev for ev, _ in self.rows]


class StoreBusyError(StoreError):
    """Another process holds the database file (DuckDB allows one writer, and no reader
    beside it)."""


def _is_lock_error(exc: BaseException) -> bool:
    text = str(exc)
    return "lock" in text.lower() and ("Conflicting" in text or "Could not set lock" in text)


def _one_line(exc: BaseException) -> str:
    """DuckDB's message on one line, with control characters escaped."""
    return escape(" ".join(str(exc).split()))


class Store:
    """One DuckDB file. Use as a context manager, or call :meth:`close`."""

    def __init__(
        self, path: str | Path, *, read_only: bool = False, lock_timeout: float = 5.0
    ) -> None:
        """Open (or create) the file. DuckDB lets one process write a file, and no other
        process open it meanwhile, even to read: while another process holds it, opening is
        retried for ``lock_timeout`` seconds, then StoreBusyError is raised."""
        self.path = Path(path)
        self._types: dict[str, dict[str, str]] = {}
        #: the memory bound set by :meth:`_bound_cache` (None: DuckDB's default), and whether
        #: a batch needed more, after which none is set
        self._limit: int | None = None
        self._limit_lifted = False
        if read_only and not self.path.exists():
            raise StoreError(f"no database at {self.path}; create one with `eventwire run`")
        deadline = time.monotonic() + lock_timeout
        wait = 0.02
        while True:
            try:
                self.con = duckdb.connect(str(self.path), read_only=read_only)
                break
            except duckdb.Error as exc:
                if not _is_lock_error(exc):
                    raise StoreError(
                        f"cannot open database {self.path}: {_one_line(exc)}"
                    ) from None
                if time.monotonic() >= deadline:
                    raise StoreBusyError(
                        f"database {self.path} is in use by another process (a running "
                        "`eventwire run`?); try again when it is done"
                    ) from None
                time.sleep(wait)
                wait = min(wait * 2, 0.5)
        try:  # a truncated or corrupt file may open and fail on first read
            if not read_only:
                self._create_schema()
                self._migrate()
                for statement in _BAND_TABLE:
                    self.con.execute(statement)
            self.con.execute("SELECT count(*) FROM articles").fetchone()
            self.version = self._version()
        except duckdb.Error as exc:
            self.con.close()
            raise StoreError(
                f"cannot use database {self.path} (damaged or not an eventwire database?): "
                f"{_one_line(exc)}"
            ) from None

    def _create_schema(self) -> None:
        """Create the tables and add the columns of later releases, all in one transaction: a
        process killed half way leaves the file as it was (a kill between statements, each
        committed on its own, once left a file whose WAL could not be replayed)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            for statement in _statements(SCHEMA.read_text()):
                fault("schema")
                self.con.execute(statement)
            # schema.sql holds the version 1 tables; migrations record the versions after it
            self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', '1')")
            fault("schema-commit")
            self.con.execute("COMMIT")
        except BaseException:
            try:
                self.con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            raise

    def _version(self) -> int:
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 1

    def _migrate(self) -> None:
        """Bring a file of an older schema version up to :data:`SCHEMA_VERSION`, one
        migration per transaction, each recording the version it reached."""
        version = self._version()
        for target, script in MIGRATIONS:
            if target <= version:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(script.read_text())
                self.con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(target)]
                )
                self.con.execute("COMMIT")
            except duckdb.Error:
                self.con.execute("ROLLBACK")
                raise
            log.info("migrated %s to schema version %d", self.path, target)
            version = target

    def require_current(self) -> None:
        """Raise StoreError when the file predates the current schema (opened read-only)."""
        if self.version < int(SCHEMA_VERSION):
            raise StoreError(
                f"database {self.path} is of schema version {self.version}, older than this "
                f"release's {SCHEMA_VERSION}; `eventwire merge --db {self.path}` upgrades it"
            )

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        fault("close")
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

    def stored_articles(self, article_ids: Iterable[str]) -> set[str]:
        """Which of ``article_ids`` are stored (one query for a batch)."""
        ids = list(article_ids)
        if not ids:
            return set()
        try:
            rows = lookup(
                self.con,
                "SELECT article_id FROM articles WHERE article_id IN "
                f"({', '.join('?' for _ in ids)})",
                ids,
            )
        except duckdb.Error as exc:
            raise StoreError(f"reading {self.path} failed: {_one_line(exc)}") from None
        return {r[0] for r in rows}

    def write_batch(
        self,
        results: Sequence[DocumentResult],
        rejects: Sequence[Reject] = (),
        near_duplicates: dict[str, str] | None = None,
        signatures: dict[str, dict[str, Any]] | None = None,
    ) -> list[tuple[DocumentResult, Reject]]:
        """Store a batch of results and rejects in one transaction.

        One bad record must not sink the batch nor fail every re-run at the same place: when
        the batch is refused for its data, it is written again record by record, and a result
        that cannot be stored becomes a Reject (stage "store") naming its origin. Those results
        and their rejects are returned so the caller can count them. Raises StoreError when
        the database itself fails (disk, memory, a corrupt file).
        """
        near = near_duplicates or {}
        sigs = signatures or {}
        try:
            self._write(_rows(results, rejects, near, sigs))
            return []
        except duckdb.Error as exc:
            self._fatal(exc)
            log.warning("batch refused by %s (%s); storing record by record", self.path, exc)
        failed: list[tuple[DocumentResult, Reject]] = []
        for res in results:
            try:
                self._write(_rows([res], (), near, sigs))
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

    def _write(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        """All rows in one transaction; rolled back on any error."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, data in rows.items():
                if table == "article_minhash":
                    self.insert_signatures(data)
                else:
                    self._insert(table, data)
            fault("commit")
            self.con.execute("COMMIT")
            fault("committed")
        except duckdb.OutOfMemoryException:
            try:
                self.con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            if self._limit is None:
                raise
            # the bound was too tight for this batch: lift it and write the batch again
            self.con.execute("RESET memory_limit")
            self._limit, self._limit_lifted = None, True
            self._write(rows)
            return
        except duckdb.Error:
            try:
                self.con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            raise
        self._bound_cache()

    def _bound_cache(self) -> None:
        """Bound DuckDB's memory to what it cannot evict plus :data:`_CACHE_ROOM`.

        A writing run's process grew with the file, about 4 MB a thousand stories, mostly
        table blocks DuckDB keeps cached after writing them (no look-up needs them again: the
        look-ups go through the indexes). A fixed ``memory_limit`` would stop a long run once
        the indexes, which must stay in memory, outgrow it; this one is set again after each
        batch from DuckDB's own account, so it follows the indexes and leaves out the cache.
        """
        if self._limit_lifted:
            return
        rows = self.con.execute("SELECT tag, memory_usage_bytes FROM duckdb_memory()").fetchall()
        pinned = sum(int(b) for tag, b in rows if tag != "BASE_TABLE")
        limit = max(_CACHE_FLOOR, pinned + _CACHE_ROOM) // 2**20 * 2**20
        if limit != self._limit:
            self.con.execute(f"SET memory_limit = '{limit // 2**20}MB'")
            self._limit = limit

    def _fatal(self, exc: duckdb.Error) -> None:
        """Raise StoreError unless ``exc`` is about the data (a value DuckDB refuses)."""
        if not isinstance(exc, _DATA_ERRORS):
            raise StoreError(f"writing a batch to {self.path} failed: {_one_line(exc)}") from None

    def _insert(self, table: str, data: list[dict[str, Any]]) -> None:
        """INSERT OR IGNORE many rows by column name: one list parameter per column, zipped
        back into rows by ``unnest``, up to a few thousand rows per statement.

        ``executemany`` runs one statement per row and was a third of the whole run; a
        ``VALUES`` list of one placeholder per value binds slowly (2,048 rows of 41 columns:
        2.9 s in statements of 256 rows, 0.36 s as column lists). Columns are named, never
        positional: other branches add columns to a table in any order, and a column the rows
        do not mention takes its default. Each list is cast to its column's type, so a column
        of all NULLs or of mixed ints and floats binds as the table says."""
        if not data:
            return
        cols = list(data[0])
        types = self._column_types(table)
        names = ", ".join(f'"{c}"' for c in cols)
        lists = ", ".join(f"unnest(?::{types[c]}[])" for c in cols)
        sql = f"INSERT OR IGNORE INTO {table} ({names}) SELECT {lists}"
        for i in range(0, len(data), _ROWS_PER_STATEMENT):
            chunk = data[i : i + _ROWS_PER_STATEMENT]
            fault("insert")
            self.con.execute(sql, [[r[c] for r in chunk] for c in cols])

    def _column_types(self, table: str) -> dict[str, str]:
        """``{column: SQL type}`` of ``table``, read once per open store (the schema does not
        change while it is open)."""
        cache = self._types
        if table not in cache:
            cache[table] = {
                name: str(kind)
                for name, kind in self.con.execute(
                    "SELECT column_name, data_type FROM information_schema.columns "
                    "WHERE table_name = ? AND table_schema = 'main'",
                    [table],
                ).fetchall()
            }
        return cache[table]

    def record_run(
        self,
        run_id: str,
        inputs: list[str],
        options: dict[str, Any],
        counts: dict[str, int],
        coder_version: str,
    ) -> None:
        fault("record-run")
        row = {
            "run_id": run_id,
            "inputs": inputs,
            "options": json.dumps(options, sort_keys=True),
            "articles": counts.get("articles", 0),
            "duplicates": counts.get("duplicates", 0),
            "near_duplicates": counts.get("near_duplicates", 0),
            "rejects": counts.get("rejects", 0),
            "events": counts.get("events", 0),
            "mentions": counts.get("mentions", 0),
            "coder_version": coder_version,
        }
        try:
            self._insert("runs", [row])
        except duckdb.Error as exc:
            raise StoreError(f"recording the run in {self.path} failed: {_one_line(exc)}") from None

    # -- reading -----------------------------------------------------------------------------
    def near_duplicate_index(self) -> NearDuplicateIndex:
        """A near-duplicate index whose earlier articles stay in this database, looked up by
        band for each new body (:class:`StoreSignatures`), so a run holds in memory only what
        it indexed and has not yet written. Signatures stored without band keys (files
        written before them) get their keys here; articles stored before signatures were kept
        (schema version 1) are indexed from their text, in the order they were stored."""
        index = NearDuplicateIndex()
        index.use_store(StoreSignatures(self, index))
        threshold, num_perm, shingle = index.params
        try:
            unbanded = self.con.execute(
                "SELECT article_id, threshold, num_perm, hashvalues FROM article_minhash m "
                "WHERE NOT EXISTS (SELECT 1 FROM article_minhash_band b "
                "WHERE b.article_id = m.article_id) ORDER BY seq, article_id"
            ).fetchall()
            if unbanded:
                self._write({"article_minhash_band": band_rows(unbanded)})
            legacy = self.con.execute(
                "SELECT article_id, text FROM articles a WHERE near_duplicate_of IS NULL "
                "AND NOT EXISTS (SELECT 1 FROM article_minhash m WHERE m.article_id = "
                "a.article_id) ORDER BY rowid"
            ).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"indexing {self.path} failed: {_one_line(exc)}") from None
        backfill = []
        for article_id, text in legacy:
            if index.add(article_id, text or "") is None and index.order(article_id) is not None:
                backfill.append(signature_row(index, article_id))
        if backfill:
            try:
                self._write({"article_minhash": backfill})
            except duckdb.Error as exc:
                raise StoreError(f"writing to {self.path} failed: {_one_line(exc)}") from None
            index.forget(r["article_id"] for r in backfill)
        return index

    def insert_signatures(self, rows: list[dict[str, Any]]) -> None:
        """Insert ``article_minhash`` rows (:func:`signature_row`) and their band keys, inside
        the caller's transaction."""
        self._insert("article_minhash", rows)
        self._insert(
            "article_minhash_band",
            band_rows(
                [(r["article_id"], r["threshold"], r["num_perm"], r["hashvalues"]) for r in rows]
            ),
        )

    def count(self, table: str) -> int:
        if table not in (*DATA_TABLES, "runs", "canonical_events"):
            raise StoreError(f"unknown table {table!r}")
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def events(
        self,
        query: EventQuery | None = None,
        *,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        event_ids: Iterable[str] | None = None,
        include_all: bool = True,
        limit: int | None = None,
    ) -> Iterator[Event]:
        """Events in date order: those of ``query``, or filtered by an actor country (code or
        name, on either side) and a date range."""
        if query is None:
            query = EventQuery(
                actor=(actor,) if actor else (),
                since=since,
                until=until,
                event_ids=tuple(event_ids) if event_ids is not None else None,
                include_all=include_all,
            )
        for ev, _ in self.query(query, limit=limit).rows:
            yield ev

    def query(
        self, query: EventQuery, *, limit: int | None = None, cursor: str | None = None
    ) -> Page:
        """One page of events matching ``query`` in date order, each with its article's
        metadata (``published``, ``url``, ``title``, ``source``), and the cursor of the next
        page (None on the last). Country names in the query are resolved first."""
        q = query.resolved()
        where, args = where_clause(q)
        if cursor:
            where += " AND " + after_cursor(decode_cursor(cursor), args)
        if self.version >= 2:
            canon = (
                "c.num_mentions, c.num_articles, c.num_sources, c.first_seen, c.last_seen "
                "FROM events e LEFT JOIN canonical_events c ON c.canonical_id = e.canonical_id"
            )
        else:
            if q.canonical:
                self.require_current()
            canon = (
                "NULL AS canonical_id, NULL AS num_mentions, NULL AS num_articles, "
                "NULL AS num_sources, NULL AS first_seen, NULL AS last_seen FROM events e"
            )
        sql = (
            f"SELECT e.*, {SORT_DAY} AS sort_day, a.published, a.url, a.title, "
            f"a.source AS publisher, s.text AS evidence_text, {canon} "
            f"JOIN articles a USING (article_id) LEFT JOIN sentences s "
            f"ON s.article_id = e.article_id AND s.idx = e.sentence "
        )
        try:
            if limit is not None:
                # the page's ids first, over events and articles alone, then its rows: DuckDB
                # joined the sentences and canonical events of every matching event before
                # keeping a page (100,000 events: 0.95 s a page, the ids alone 0.11 s)
                page = self.con.execute(
                    "SELECT e.event_id FROM events e JOIN articles a USING (article_id) "
                    f"WHERE {where} ORDER BY {ORDER_BY} LIMIT {int(limit) + 1}",
                    args,
                ).fetchall()
                sql += "WHERE e.event_id IN (SELECT unnest(?::VARCHAR[])) "
                args = [[r[0] for r in page]]
            else:
                sql += f"WHERE {where} "
            cur = self.con.execute(sql + f"ORDER BY {ORDER_BY}", args)
            cols = [d[0] for d in cur.description]
            rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
            more = limit is not None and len(rows) > limit
            rows = rows[:limit] if limit is not None else rows
            actors = self._actors([r["event_id"] for r in rows])
        except duckdb.Error as exc:
            raise StoreError(f"query on {self.path} failed: {_one_line(exc)}") from None
        page = [
            (
                event_from_row(r, actors.get(r["event_id"], {})),
                {
                    "published": r["published"],
                    "url": r["url"],
                    "title": r["title"],
                    "source": r["publisher"],
                    **{k: r[k] for k in CANONICAL_KEYS},
                },
            )
            for r in rows
        ]
        nxt = None
        if more and rows:
            last = rows[-1]
            nxt = encode_cursor(
                (
                    last["sort_day"],
                    last["article_id"],
                    last["sentence"],
                    last["trigger_start"],
                    last["event_id"],
                )
            )
        return Page(rows=page, next_cursor=nxt, query=q)

    def count_events(self, query: EventQuery) -> int:
        """How many events match ``query``."""
        q = query.resolved()
        if q.canonical:
            self.require_current()
        where, args = where_clause(q)
        sql = f"SELECT count(*) FROM events e JOIN articles a USING (article_id) WHERE {where}"
        try:
            row = self.con.execute(sql, args).fetchone()
        except duckdb.Error as exc:
            raise StoreError(f"query on {self.path} failed: {_one_line(exc)}") from None
        return int(row[0]) if row else 0

    def fetch(self, sql: str, args: list[Any] | None = None) -> list[dict[str, Any]]:
        """Rows of a read-only SQL statement as dicts (for the analysis modules)."""
        if "canonical_id" in sql:
            self.require_current()
        try:
            cur = self.con.execute(sql, args or [])
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"query on {self.path} failed: {_one_line(exc)}") from None

    def _actors(self, ids: list[str]) -> dict[str, dict[str, list[Actor]]]:
        out: dict[str, dict[str, list[Actor]]] = {}
        if not ids:
            return out
        cur = self.con.execute(
            "SELECT * FROM event_actors WHERE list_contains(?, event_id) "
            "ORDER BY event_id, role, position",
            [ids],
        )
        cols = [d[0] for d in cur.description]
        for values in cur.fetchall():
            r = dict(zip(cols, values, strict=True))
            out.setdefault(r["event_id"], {}).setdefault(r["role"], []).append(actor_from_row(r))
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


def _statements(script: str) -> list[str]:
    """The statements of a SQL script with ``--`` comments and no ``;`` inside a statement."""
    text = "\n".join(line.split("--", 1)[0] for line in script.splitlines())
    return [st.strip() for st in text.split(";") if st.strip()]


def band_rows(signatures: Iterable[tuple[str, float, int, bytes]]) -> list[dict[str, Any]]:
    """The ``article_minhash_band`` rows of (article id, threshold, permutations, values)."""
    out = []
    for article_id, threshold, num_perm, blob in signatures:
        values = np.frombuffer(bytes(blob), dtype="<u8")
        if len(values) != num_perm:
            continue
        for band, key in enumerate(band_keys(values, threshold, num_perm)):
            out.append({"article_id": article_id, "band": band, "key": key})
    return out


class StoreSignatures:
    """The stored signatures of one index's parameters, queried by band key (the
    :class:`~eventwire.ingest.dedup.StoredSignatures` of a :class:`Store`)."""

    def __init__(self, store: Store, index: NearDuplicateIndex) -> None:
        threshold, num_perm, shingle = index.params
        self._con = store.con
        self._path = store.path
        self._params = [threshold, num_perm, shingle, index.scheme]
        self._where = "m.threshold = ? AND m.num_perm = ? AND m.shingle = ? AND m.scheme = ?"
        self._by_key = "SELECT key, article_id FROM article_minhash_band WHERE key IN ("

    def _query(self, sql: str, args: list[Any]) -> list[Any]:
        try:
            return lookup(self._con, sql, args)
        except duckdb.Error as exc:
            raise StoreError(f"reading {self._path} failed: {_one_line(exc)}") from None

    def candidates(self, keys: Sequence[int]) -> list[tuple[int, str, int, bytes]]:
        # two queries: the ids by band key (a list of parameters, answered from the key's
        # index), then, for the few there are, their signatures by id; one join of the two
        # scanned every signature (70 ms at 20,000 articles)
        pairs = self._query(self._by_key + ", ".join("?" for _ in keys) + ")", [*keys])
        if not pairs:
            return []
        ids = sorted({a for _, a in pairs})
        signatures = {
            a: (int(seq), bytes(blob))
            for a, seq, blob in self._query(
                "SELECT m.article_id, m.seq, m.hashvalues FROM article_minhash m WHERE "
                f"{self._where} AND m.article_id IN ({', '.join('?' for _ in ids)})",
                [*self._params, *ids],
            )
        }
        return [(k, a, *signatures[a]) for k, a in sorted(pairs) if a in signatures]

    def contains(self, article_id: str) -> bool:
        return bool(
            self._query(
                f"SELECT 1 FROM article_minhash m WHERE m.article_id = ? AND {self._where}",
                [article_id, *self._params],
            )
        )

    def count(self) -> int:
        return int(
            self._query(
                f"SELECT count(*) FROM article_minhash m WHERE {self._where}", self._params
            )[0][0]
        )

    def next_order(self) -> int:
        row = self._query("SELECT max(seq) FROM article_minhash", [])
        return 0 if row[0][0] is None else int(row[0][0]) + 1


def signature_row(index: NearDuplicateIndex, article_id: str) -> dict[str, Any]:
    """The ``article_minhash`` row of an indexed article."""
    threshold, num_perm, shingle = index.params
    return {
        "article_id": article_id,
        "seq": index.order(article_id),
        "threshold": threshold,
        "num_perm": num_perm,
        "shingle": shingle,
        "scheme": index.scheme,
        "hashvalues": index.signature(article_id),
    }


def _rows(
    results: Iterable[DocumentResult],
    rejects: Iterable[Reject],
    near: dict[str, str],
    sigs: dict[str, dict[str, Any]] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Rows per table (:data:`DATA_TABLES`, in that order) of a batch: the one mapping in
    :func:`eventwire.mapping.document_rows`, which the Spark engine uses too."""
    return document_rows(results, rejects, near, sigs)
