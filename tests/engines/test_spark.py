"""The Spark engine in local[2] gives the local engine's tables, and loading is idempotent.

Real Spark (Java 17, pyspark from the dev lock), real DuckDB, the real model, through the CLI as
a user runs it. The inputs are our own sentences (JSONL, Parquet, a WARC crawl) and two of our
example articles.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import duckdb
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.store.db import DATA_TABLES

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"
EVENTWIRE = [str(Path(sys.executable).with_name("eventwire"))]
#: every table a run fills; ``runs`` and ``meta`` hold run bookkeeping, not data
COMPARED = (*DATA_TABLES, "canonical_events")

RECORDS = [
    {
        "text": "Chad's president met the leader of Sudan in N'Djamena on Tuesday to discuss "
        "border security and the refugees crossing into Ouaddai.",
        "published": "2025-03-04",
        "source": "Desk A",
    },
    {
        "text": "Kenyan police arrested twelve protesters outside parliament in Nairobi on "
        "Thursday, witnesses said.",
        "published": "2025-06-26",
    },
    "this line is not JSON",
    {  # an exact copy of the first story: kept once, counted as a duplicate
        "text": "Chad's president met the leader of Sudan in N'Djamena on Tuesday to discuss "
        "border security and the refugees crossing into Ouaddai.",
        "published": "2025-03-04",
    },
    "",
    {  # a near copy of the first story from another desk: linked to it, merged with it
        "text": "Chad's president met the leader of Sudan in N'Djamena on Tuesday to discuss "
        "border security and the refugees crossing into Ouaddai, officials said.",
        "published": "2025-03-04",
        "source": "Desk B",
    },
    {
        "text": "Brazil and Argentina signed a trade agreement in Brasilia on Monday. Argentina "
        "will cut tariffs on Brazilian machinery next year, the ministers said.",
        "published": "2025-05-12",
    },
]
PARQUET_ROWS = [
    (
        "Vietnam protested to China on Friday after a coast guard ship rammed a fishing boat "
        "near the Paracel Islands.",
        "2025-08-15",
    ),
    (
        "Norway's foreign minister will visit Ethiopia next week to discuss the drought.",
        "2025-09-01",
    ),
]


#: A crawled page of our own, for the WARC input.
PAGE = """<html><head><title>Peru and Bolivia agree to share data on Lake Titicaca</title>
<meta property="article:published_time" content="2025-10-07"></head><body><article>
<h1>Peru and Bolivia agree to share data on Lake Titicaca</h1>
<p>Peru and Bolivia signed an agreement in La Paz on Tuesday to share water-level data from
Lake Titicaca, the two foreign ministries said.</p>
<p>Bolivian officials accused a Peruvian mining company of polluting the lake last year.</p>
</article></body></html>"""


def _warc(path: Path) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, kind, body in (
            ("https://lakes.example/logo.png", "image/png", "PNG"),
            ("https://lakes.example/2025/titicaca-data", "text/html", PAGE),
        ):
            data = body.encode()
            http = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=BytesIO(data), length=len(data), http_headers=http
                )
            )


def _inputs(folder: Path) -> tuple[list[str], list[str]]:
    """(local inputs, Spark inputs): the same documents, but the second of the three files is
    JSONL for the local engine and Parquet for Spark (the local engine reads no Parquet)."""
    folder.mkdir()
    jsonl = folder / "wire.jsonl"
    jsonl.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in RECORDS))
    feed = folder / "feed.jsonl"
    feed.write_text(
        "".join(json.dumps({"text": t, "published": p}) + "\n" for t, p in PARQUET_ROWS)
    )
    parquet = folder / "feed.parquet"
    con = duckdb.connect()
    con.execute("CREATE TABLE feed (text VARCHAR, published VARCHAR)")
    con.executemany("INSERT INTO feed VALUES (?, ?)", PARQUET_ROWS)
    con.execute(f"COPY feed TO '{parquet}' (FORMAT parquet)")
    con.close()
    pages = folder / "pages"
    pages.mkdir()
    for name in ("2023-07-28-niger-coup.txt", "2023-08-01-ecowas-sanctions-niger.html"):
        shutil.copy(EXAMPLES / name, pages / name)
    (pages / "empty.md").write_text("")
    _warc(pages / "crawl.warc.gz")
    return [str(jsonl), str(feed), str(pages)], [str(jsonl), str(parquet), str(pages)]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    res = subprocess.run([*EVENTWIRE, *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert res.returncode == 0, f"eventwire {' '.join(args)}:\n{res.stdout}\n{res.stderr[-3000:]}"
    return res


def _tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every compared table's rows, sorted; a Parquet row's origin (``feed.parquet:N``) read as
    the same record's JSONL origin (``feed.jsonl:N``)."""
    con = duckdb.connect(str(db), read_only=True)
    select = {
        "articles": "SELECT * REPLACE (replace(origin, 'feed.parquet:', 'feed.jsonl:') AS origin)"
    }
    try:
        return {
            t: con.execute(f"{select.get(t, 'SELECT *')} FROM {t} ORDER BY ALL").fetchall()
            for t in COMPARED
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def both_engines(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("spark")
    local_in, spark_in = _inputs(work / "in")
    # relative paths, so each engine names the origins (path:line) alike
    local_rel = [str(Path(p).relative_to(work)) for p in local_in]
    spark_rel = [str(Path(p).relative_to(work)) for p in spark_in]
    _cli("run", *local_rel, "--db", "local.duckdb", cwd=work)
    _cli("run", *spark_rel, "--engine", "spark", "--master", "local[2]", "--out", "out", cwd=work)
    _cli("load", "out", "--db", "spark.duckdb", cwd=work)
    return {"work": work, "local": work / "local.duckdb", "spark": work / "spark.duckdb"}


def test_spark_engine_tables_equal_the_local_engines(both_engines):
    local, spark = _tables(both_engines["local"]), _tables(both_engines["spark"])
    assert local["events"], "the input must give events for the comparison to mean anything"
    assert {r[0] for r in local["rejects"]} >= {"in/wire.jsonl:3", "in/pages/empty.md"}
    assert any(r[7] == "in/pages/crawl.warc.gz:2" for r in local["articles"])
    near = [r for r in local["articles"] if r[10] is not None]
    assert len(near) == 1  # the other desk's copy points at the first story
    for table in COMPARED:
        assert spark[table] == local[table], f"table {table} differs"


def test_spark_engine_writes_parquet_with_the_store_columns(both_engines):
    out = both_engines["work"] / "out"
    con = duckdb.connect(str(both_engines["local"]), read_only=True)
    try:
        for table in ("articles", "events", "event_actors", "sentences"):
            ours = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
            written = [
                r[0]
                for r in con.execute(
                    f"DESCRIBE SELECT * FROM read_parquet('{out / table}/*.parquet')"
                ).fetchall()
            ]
            assert [c for c in written if c != "input_order"] == ours
    finally:
        con.close()


def test_load_twice_changes_nothing(both_engines):
    db = both_engines["spark"]
    before = _tables(db)
    res = _cli("load", "out", "--db", db.name, cwd=both_engines["work"])
    assert "articles: 0 new" in res.stdout and "near-duplicates: 0" in res.stdout
    assert _tables(db) == before
