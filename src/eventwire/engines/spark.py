"""The Spark engine: the same Processor mapped over partitions, Parquet tables out.

``eventwire run --engine spark [--master URL] INPUT... --out DIR``:

1. The driver lists the inputs (folders walked as the local engine walks them). JSONL files
   are read line by line by Spark (a record's origin is ``path:line``, as locally), Parquet
   files row by row (each row read as a JSON object, so ``--field`` applies), any other file
   (HTML, text, Markdown, and whatever else :func:`~eventwire.ingest.sources.iter_documents`
   reads) whole, in one task per file.
2. Exact duplicates (same content id) keep their first copy in input order.
3. ``mapPartitions`` codes each partition with one :class:`~eventwire.pipeline.Processor` per
   executor process, built once from the driver's :class:`~eventwire.settings.Settings`
   (pickled into the task) and kept for the next partitions.
4. Every coded document becomes the store's rows (:func:`eventwire.mapping.document_rows`),
   written as one Parquet folder per table under ``DIR`` with the store's column types.

``eventwire load DIR --db FILE`` (:func:`eventwire.engines.tables.load`) then imports them,
links near duplicates and merges canonical events. Requires the ``[spark]`` extra.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from eventwire.engines.tables import MANIFEST, ORDER_COLUMN, run_id, store_columns
from eventwire.errors import ConfigError
from eventwire.ingest.sources import iter_documents, jsonl_record
from eventwire.ingest.walk import walk
from eventwire.mapping import document_rows
from eventwire.records import Article, Reject
from eventwire.safetext import escape
from eventwire.settings import Settings, child_environment

log = logging.getLogger(__name__)

#: Records of one file are numbered below this; the order key is file * STRIDE + record.
STRIDE = 1 << 32


@dataclass(slots=True)
class SparkSummary:
    """What a Spark run wrote (counted on the driver from the coded partitions)."""

    articles: int = 0
    duplicates: int = 0
    rejects: int = 0
    events: int = 0
    seconds: float = 0.0


# -- executors ----------------------------------------------------------------------------------

_processors: dict[Settings, Any] = {}


def _processor(settings: Settings) -> Any:
    """This executor process's Processor for ``settings``: built on its first partition, kept
    for the next (Spark reuses its Python workers), never built per document."""
    if settings not in _processors:
        from eventwire.pipeline import Processor

        _processors[settings] = Processor(settings=settings)
    return _processors[settings]


def _coerce(value: Any, kind: str) -> Any:
    """A mapping value as Spark's type for a DuckDB column type (ints for DOUBLE columns)."""
    if value is None:
        return None
    if kind == "DOUBLE":
        return float(value)
    if kind in {"INTEGER", "BIGINT"}:
        return int(value)
    if kind == "BLOB":
        return bytearray(value)
    if kind.endswith("[]"):
        return list(value)
    return value


def _code_partition(
    items: Iterable[tuple[int, Article | Reject]],
    settings: Settings,
    columns: Mapping[str, list[tuple[str, str]]],
) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """(table, row values) for every row of a partition's documents."""
    order: dict[str, int] = {}
    articles: list[Article] = []
    rejects: list[Reject] = []
    for key, item in items:
        if isinstance(item, Reject):
            rejects.append(item)
        else:
            order[item.article_id] = key
            articles.append(item)
    results = []
    if articles:
        for res in _processor(settings).process_articles(articles):
            if isinstance(res, Reject):
                rejects.append(res)
            else:
                results.append(res)
    rows = document_rows(results, rejects, {})
    for table, cols in columns.items():
        for row in rows.get(table, []):
            if table == "articles":
                row = {**row, ORDER_COLUMN: order[row["article_id"]]}
            yield table, tuple(_coerce(row.get(name), kind) for name, kind in cols)


def _file_documents(
    item: tuple[int, str], published: str | None, fields: dict[str, str], follow: bool
) -> Iterator[tuple[int, Article | Reject]]:
    """Every document of one file, read by the local engine's reader."""
    file_no, path = item
    docs = iter_documents([path], published=published, fields=fields, follow_symlinks=follow)
    for n, doc in enumerate(docs):
        yield file_no * STRIDE + n, doc


def _line_document(
    item: tuple[bytes, int], file_no: int, origin: str, published: str | None, fields: dict
) -> list[tuple[int, Article | Reject]]:
    line, index = item
    doc = jsonl_record(line, f"{origin}:{index + 1}", published=published, fields=fields)
    return [] if doc is None else [(file_no * STRIDE + index, doc)]


def _row_line(row: Any) -> bytes:
    """A Parquet row as the JSON object a JSONL line would hold."""

    def plain(value: Any) -> Any:
        if isinstance(value, datetime | date):
            return value.isoformat()
        return str(value) if not isinstance(value, str | int | float | bool | type(None)) else value

    return json.dumps({k: plain(v) for k, v in row.asDict().items()}).encode()


# -- driver -------------------------------------------------------------------------------------


def _plan(paths: Iterable[str | Path], follow: bool) -> tuple[list[str], list[Reject]]:
    """Input files in the local engine's order, and rejects for what a walk refused."""
    files: list[str] = []
    rejects: list[Reject] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            root = None if follow else os.path.realpath(path)
            for item in walk(path, root):
                if isinstance(item, tuple):
                    origin = escape(str(item[0]))
                    rejects.append(Reject(origin=origin, stage="ingest", reason=item[1]))
                else:
                    files.append(str(item))
        else:
            files.append(str(path))
    return files, rejects


def _nonempty(path: str) -> bool:
    """A regular file with bytes (the local reader rejects an empty one; Spark would read
    nothing)."""
    p = Path(path)
    return p.is_file() and p.stat().st_size > 0


def session(master: str, app_name: str = "eventwire") -> Any:
    """A SparkSession for ``master``; local masters bind to 127.0.0.1 and run executors with
    this Python (a cluster's come from spark-submit and its ``spark.pyspark.python``)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise ConfigError(
            "the Spark engine needs pyspark: pip install 'eventwire[spark]'"
        ) from None
    builder = SparkSession.builder.appName(app_name).master(master)
    env: dict[str, str] = {}
    if master.startswith("local"):
        builder = (
            builder.config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
        )
        # the executors' Python is read from the environment when the context starts
        env = {
            "PYSPARK_PYTHON": sys.executable,
            "PYSPARK_DRIVER_PYTHON": sys.executable,
            "SPARK_LOCAL_IP": "127.0.0.1",
        }
    with child_environment(env, keep_given=True):
        return builder.getOrCreate()


def _spark_type(kind: str) -> Any:
    from pyspark.sql import types as T

    simple = {
        "VARCHAR": T.StringType(),
        "INTEGER": T.IntegerType(),
        "BIGINT": T.LongType(),
        "DOUBLE": T.DoubleType(),
        "BOOLEAN": T.BooleanType(),
        "DATE": T.DateType(),
        "BLOB": T.BinaryType(),
    }
    if kind.endswith("[]"):
        return T.ArrayType(_spark_type(kind[:-2]))
    if kind not in simple:
        raise ConfigError(f"no Spark type for the store's column type {kind}")
    return simple[kind]


def run(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    settings: Settings,
    published: str | None = None,
    fields: Mapping[str, str] | None = None,
    follow_symlinks: bool = False,
    partitions: int | None = None,
    spark: Any = None,
) -> SparkSummary:
    """Code ``paths`` on Spark (``settings.spark_master``, or the given ``spark`` session) and
    write the store's tables as Parquet under ``out`` (replaced). See the module docstring."""
    import time

    from pyspark import StorageLevel
    from pyspark.sql import types as T

    t0 = time.perf_counter()
    inputs = [str(p) for p in paths]
    fields = dict(sorted((fields or {}).items()))
    own = spark is None
    if own:
        spark = session(settings.spark_master)
    sc = spark.sparkContext
    try:
        files, walk_rejects = _plan(inputs, follow_symlinks)
        columns = store_columns()
        columns["articles"] = [*columns["articles"], (ORDER_COLUMN, "BIGINT")]
        parts: list[Any] = []
        whole: list[tuple[int, str]] = []
        for file_no, path in enumerate(files, 1):
            lower = path.lower()
            origin = escape(path)
            # a .jsonl.gz is read whole by the local reader (it cannot be split, and its
            # decompression limits apply); a plain .jsonl is split by Spark, line by line
            if lower.endswith(".jsonl") and _nonempty(path):
                lines = sc.textFile(path, use_unicode=False).zipWithIndex()
                parts.append(
                    lines.flatMap(
                        lambda it, n=file_no, o=origin: _line_document(it, n, o, published, fields)
                    )
                )
            elif lower.endswith(".parquet") and Path(path).exists():
                rows = spark.read.parquet(path).rdd.map(_row_line).zipWithIndex()
                parts.append(
                    rows.flatMap(
                        lambda it, n=file_no, o=origin: _line_document(it, n, o, published, fields)
                    )
                )
            else:
                whole.append((file_no, path))
        if whole:
            parts.append(
                sc.parallelize(whole, max(1, len(whole))).flatMap(
                    lambda it: _file_documents(it, published, fields, follow_symlinks)
                )
            )
        parts.append(sc.parallelize([(0, r) for r in walk_rejects], 1))
        # read once: the counts below and the coding both use the ingested documents
        docs = sc.union(parts).persist(StorageLevel.MEMORY_AND_DISK)
        n = partitions or max(sc.defaultParallelism, 1)
        articles = docs.filter(lambda kv: isinstance(kv[1], Article))
        # exact duplicates: the first copy in input order, as the local engine keeps
        unique = (
            articles.map(lambda kv: (kv[1].article_id, kv))
            .reduceByKey(lambda a, b: a if a[0] <= b[0] else b, n)
            .values()
        )
        rejected = docs.filter(lambda kv: isinstance(kv[1], Reject))
        todo = unique.union(rejected).repartition(n)
        coded = todo.mapPartitions(lambda items: _code_partition(items, settings, columns)).persist(
            StorageLevel.MEMORY_AND_DISK
        )
        out_dir = Path(out)
        for table, cols in columns.items():
            schema = T.StructType(
                [T.StructField(name, _spark_type(kind), True) for name, kind in cols]
            )
            rows = coded.filter(lambda tr, t=table: tr[0] == t).map(lambda tr: tr[1])
            frame = spark.createDataFrame(rows, schema)
            frame.write.mode("overwrite").parquet(str(out_dir / table))
            log.info("%s written (%.1f s)", table, time.perf_counter() - t0)
        counts = coded.map(lambda tr: tr[0]).countByValue()
        duplicates = articles.count() - unique.count()
        coded.unpersist()
        docs.unpersist()
        summary = SparkSummary(
            articles=counts.get("articles", 0),
            duplicates=duplicates,
            rejects=counts.get("rejects", 0),
            events=counts.get("events", 0),
        )
        options: dict[str, object] = {"published": published}
        if follow_symlinks:
            options["follow_symlinks"] = True
        if fields:
            options["fields"] = fields
        manifest = {
            "engine": "spark",
            "run_id": run_id(inputs, options),
            "inputs": [escape(i) for i in inputs],
            "options": options,
            "counts": {
                "articles": summary.articles,
                "duplicates": summary.duplicates,
                "rejects": summary.rejects,
            },
        }
        (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    finally:
        if own:
            spark.stop()
    summary.seconds = time.perf_counter() - t0
    return summary
