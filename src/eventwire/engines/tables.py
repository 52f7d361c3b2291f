"""The Parquet tables an engine writes and ``eventwire load`` imports, without Spark.

A table folder holds the rows of :func:`eventwire.mapping.document_rows`, typed by the DuckDB
store's own schema (read from a fresh in-memory store, so a column added to ``schema.sql`` or a
migration is written without a change here). ``articles`` carries one extra column,
``input_order``: the input's order (file, then record), which the local engine has by reading
serially and ``load`` needs to link near duplicates and settle exact ones the same way.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.code.coder import CODER_VERSION
from eventwire.errors import StoreError
from eventwire.ingest.dedup import NearDuplicateIndex
from eventwire.mapping import DOCUMENT_TABLES
from eventwire.store.canonical import canonical_count, merge
from eventwire.store.db import Store, signature_row

log = logging.getLogger(__name__)

#: Written by the engine: article_minhash is filled by ``load`` (near duplicates are linked
#: in input order, one index for the whole corpus).
ENGINE_TABLES = tuple(t for t in DOCUMENT_TABLES if t != "article_minhash")
#: The extra ``articles`` column giving the input order.
ORDER_COLUMN = "input_order"
#: What the engine knows of the run: inputs, options and counts (JSON).
MANIFEST = "_eventwire.json"


def store_columns() -> dict[str, list[tuple[str, str]]]:
    """table -> [(column, DuckDB type)] of the current store schema, for the engine tables."""
    with Store(":memory:") as store:
        return {
            t: [(r[0], r[1]) for r in store.con.execute(f"DESCRIBE {t}").fetchall()]
            for t in ENGINE_TABLES
        }


def run_id(inputs: list[str], options: dict[str, Any]) -> str:
    """The local engine's run fingerprint (inputs, options, coder version)."""
    digest = hashlib.sha1(json.dumps([sorted(inputs), options, CODER_VERSION]).encode())
    return digest.hexdigest()[:16]


@dataclass(slots=True)
class LoadSummary:
    articles: int = 0
    rejects: int = 0
    near_duplicates: int = 0
    events: int = 0
    mentions: int = 0
    new_events: int = 0
    seconds: float = 0.0


def _parquet(folder: Path, table: str) -> str | None:
    """The glob of a table's Parquet files, or None when the engine wrote none."""
    files = sorted((folder / table).glob("*.parquet"))
    return str(folder / table / "*.parquet") if files else None


def load(folder: str | Path, db: str | Path) -> LoadSummary:
    """Import an engine's Parquet tables into the DuckDB file ``db``, link near duplicates in
    input order, merge the counted reports into canonical events and record the run.

    Idempotent: every row is keyed by content ids and inserted ``OR IGNORE``, an article already
    indexed is not linked again, and the merge places only reports not placed before; loading
    the same folder twice leaves every table as the first load left it."""
    t0 = time.perf_counter()
    folder = Path(folder)
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise StoreError(
            f"{folder} holds no eventwire tables ({MANIFEST} missing); write them with "
            "`eventwire run --engine spark ... --out DIR`"
        )
    manifest = json.loads(manifest_path.read_text())
    summary = LoadSummary()
    with Store(db) as store:
        con = store.con
        before = store.count("articles")
        rejects_before = store.count("rejects")
        # the stored signatures first: the new articles are indexed in input order below
        index = store.near_duplicate_index()
        con.execute("BEGIN TRANSACTION")
        try:
            for table in ENGINE_TABLES:
                glob = _parquet(folder, table)
                if glob is None:
                    continue
                ours = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
                theirs = {
                    r[0]
                    for r in con.execute(
                        "DESCRIBE SELECT * FROM read_parquet(?)", [glob]
                    ).fetchall()
                }
                cols = ", ".join(f'"{c}"' for c in ours if c in theirs)
                con.execute(
                    f"INSERT OR IGNORE INTO {table} ({cols}) SELECT {cols} FROM read_parquet(?)",
                    [glob],
                )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        summary.articles = store.count("articles") - before
        summary.rejects = store.count("rejects") - rejects_before
        summary.near_duplicates = _link_near_duplicates(store, folder, index)
        merged = merge(store)
        summary.new_events = merged.founded
        glob = _parquet(folder, "articles")
        ids = (
            [r[0] for r in con.execute("SELECT article_id FROM read_parquet(?)", [glob]).fetchall()]
            if glob
            else []
        )
        summary.events, summary.mentions = canonical_count(store, ids)
        counts = dict(manifest.get("counts", {}))
        counts.update(
            near_duplicates=summary.near_duplicates,
            events=summary.events,
            mentions=summary.mentions,
        )
        store.record_run(
            manifest.get("run_id") or run_id(manifest["inputs"], manifest["options"]),
            manifest["inputs"],
            manifest["options"],
            counts,
            CODER_VERSION,
        )
    summary.seconds = time.perf_counter() - t0
    return summary


def _link_near_duplicates(store: Store, folder: Path, index: NearDuplicateIndex) -> int:
    """Index the folder's articles in input order into ``index`` (holding the database's
    earlier articles), as the local runner does while reading: a near copy of an earlier
    article points at it, any other article's signature is stored. Returns the near copies
    linked."""
    glob = _parquet(folder, "articles")
    if glob is None:
        return 0
    rows = store.con.execute(
        f"SELECT article_id, text FROM read_parquet(?) ORDER BY {ORDER_COLUMN}", [glob]
    ).fetchall()
    linked = {
        r[0]
        for r in store.con.execute(
            "SELECT article_id FROM articles WHERE near_duplicate_of IS NOT NULL"
        ).fetchall()
    }
    near: list[tuple[str, str]] = []
    signatures: list[dict[str, Any]] = []
    for article_id, text in rows:
        known = article_id in index
        earlier = index.add(article_id, text or "")
        if known or article_id in linked:
            continue
        if earlier is not None:
            near.append((earlier, article_id))
        elif article_id in index:
            signatures.append(signature_row(index, article_id))
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        if near:
            con.executemany(
                "UPDATE articles SET near_duplicate_of = ? "
                "WHERE article_id = ? AND near_duplicate_of IS NULL",
                near,
            )
        if signatures:
            store.insert_signatures(signatures)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(near)
