"""Exports: every field in csv/jsonl/parquet, and the GDELT 2.0 and ACLED layouts."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.analyse.export import ACLED_COLUMNS, GDELT_COLUMNS, to_string, write
from eventwire.cli.app import app
from eventwire.mapping import FLAT_COLUMNS
from eventwire.query import EventQuery
from eventwire.records import Acled, Actor
from eventwire.store.db import Store

runner = CliRunner()

#: GDELT 2.0's event table as its codebook defines it (types as GDELT's BigQuery table).
GDELT_DDL = """
CREATE TABLE gdelt_events (
 GLOBALEVENTID BIGINT, SQLDATE INTEGER, MonthYear INTEGER, Year INTEGER, FractionDate DOUBLE,
 Actor1Code VARCHAR, Actor1Name VARCHAR, Actor1CountryCode VARCHAR, Actor1KnownGroupCode VARCHAR,
 Actor1EthnicCode VARCHAR, Actor1Religion1Code VARCHAR, Actor1Religion2Code VARCHAR,
 Actor1Type1Code VARCHAR, Actor1Type2Code VARCHAR, Actor1Type3Code VARCHAR,
 Actor2Code VARCHAR, Actor2Name VARCHAR, Actor2CountryCode VARCHAR, Actor2KnownGroupCode VARCHAR,
 Actor2EthnicCode VARCHAR, Actor2Religion1Code VARCHAR, Actor2Religion2Code VARCHAR,
 Actor2Type1Code VARCHAR, Actor2Type2Code VARCHAR, Actor2Type3Code VARCHAR,
 IsRootEvent INTEGER, EventCode VARCHAR, EventBaseCode VARCHAR, EventRootCode VARCHAR,
 QuadClass INTEGER, GoldsteinScale DOUBLE, NumMentions INTEGER, NumSources INTEGER,
 NumArticles INTEGER, AvgTone DOUBLE,
 Actor1Geo_Type INTEGER, Actor1Geo_FullName VARCHAR, Actor1Geo_CountryCode VARCHAR,
 Actor1Geo_ADM1Code VARCHAR, Actor1Geo_ADM2Code VARCHAR, Actor1Geo_Lat DOUBLE,
 Actor1Geo_Long DOUBLE, Actor1Geo_FeatureID VARCHAR,
 Actor2Geo_Type INTEGER, Actor2Geo_FullName VARCHAR, Actor2Geo_CountryCode VARCHAR,
 Actor2Geo_ADM1Code VARCHAR, Actor2Geo_ADM2Code VARCHAR, Actor2Geo_Lat DOUBLE,
 Actor2Geo_Long DOUBLE, Actor2Geo_FeatureID VARCHAR,
 ActionGeo_Type INTEGER, ActionGeo_FullName VARCHAR, ActionGeo_CountryCode VARCHAR,
 ActionGeo_ADM1Code VARCHAR, ActionGeo_ADM2Code VARCHAR, ActionGeo_Lat DOUBLE,
 ActionGeo_Long DOUBLE, ActionGeo_FeatureID VARCHAR,
 DATEADDED BIGINT, SOURCEURL VARCHAR
)
"""


@pytest.fixture()
def rows(tmp_path, make_event, make_db):
    from dataclasses import replace

    two = make_event("e1", "NER", "FRA", day="2023-08-01", code="112", quad=3, goldstein=-2.0)
    two = replace(
        two,
        target=(*two.target, Actor(text="US", start=0, end=2, country="USA", sector="GOV")),
    )
    fight = make_event(
        "e2",
        "NER",
        "MLI",
        day="2024-08-05",
        code="190",
        quad=4,
        goldstein=-10.0,
        article_id="a2",
        place=("MLI", 19.9, 0.0),
        source_sector="MIL",
        target_sector="REB",
    )
    fight = replace(fight, acled=Acled(event_type="Battles", sub_event_type="Armed clash"))
    igo = make_event("e3", "IGO", "NER", day="2023-08-02", code="163", quad=4, article_id="a3")
    db = make_db(tmp_path / "x.duckdb", [two, fight, igo])
    with Store(db, read_only=True) as store:
        return store.query(EventQuery()).rows


def test_csv_and_jsonl_carry_every_field(rows):
    table = list(csv.DictReader(io.StringIO(to_string(rows, "csv"))))
    assert list(table[0]) == list(FLAT_COLUMNS)
    first = table[0]
    assert first["date_start"] == "2023-08-01" and first["date_end"] == "2023-08-01"
    assert first["date_precision"] == "day" and first["lat"] == "13.5"
    assert first["target_country"] == "FRA; USA" and first["quad_class"] == "3"
    assert first["goldstein"] == "-2.0" and first["url"] == "https://example.org/a1"
    assert first["evidence"] == "NER met FRA." and first["probability"] == "0.8"
    lines = [json.loads(x) for x in to_string(rows, "jsonl").splitlines()]
    assert lines[0]["quad_class"] == 3 and lines[0]["counted"] is True


def test_parquet_keeps_types(rows, tmp_path):
    out = tmp_path / "e.parquet"
    assert write(rows, "parquet", out) == 3
    got = duckdb.sql(f"SELECT date_start, lat, quad_class FROM '{out}' ORDER BY event_id")
    assert str(got.types[0]) == "DATE"
    assert got.fetchall()[0][1:] == (13.5, 3)


def test_gdelt_export_loads_into_gdelt_schema_one_row_per_dyad(rows, tmp_path):
    out = tmp_path / "g.tsv"
    assert write(rows, "gdelt", out) == 4  # e1 has two targets
    assert len(GDELT_COLUMNS) == 61
    con = duckdb.connect()
    con.execute(GDELT_DDL)
    assert [r[0] for r in con.execute("DESCRIBE gdelt_events").fetchall()] == list(GDELT_COLUMNS)
    con.execute(
        "INSERT INTO gdelt_events SELECT * FROM read_csv(?, delim='\t', header=false, "
        "columns=?, quote='', escape='')",
        [str(out), {k: v for k, v in GDELT_COLUMNS.items()}],
    )
    got = con.execute(
        "SELECT SQLDATE, MonthYear, Actor1Code, Actor1CountryCode, Actor2CountryCode, "
        "EventCode, EventBaseCode, EventRootCode, QuadClass, GoldsteinScale, ActionGeo_Type, "
        "ActionGeo_CountryCode, SOURCEURL FROM gdelt_events ORDER BY SQLDATE, Actor2CountryCode"
    ).fetchall()
    assert got[0] == (
        20230801,
        202308,
        "NERGOV",
        "NER",
        "FRA",
        "112",
        "112",
        "11",
        3,
        -2.0,
        4,
        "NG",
        "https://example.org/a1",
    )
    assert got[1][4] == "USA"
    igo = con.execute(
        "SELECT Actor1CountryCode, Actor1KnownGroupCode FROM gdelt_events WHERE EventCode='163'"
    ).fetchone()
    assert igo == (None, "IGO")
    ids = con.execute("SELECT count(DISTINCT GLOBALEVENTID) FROM gdelt_events").fetchone()
    assert ids == (4,)


def test_acled_export_has_acled_columns_for_conflict_events(rows):
    table = list(csv.DictReader(io.StringIO(to_string(rows, "acled"))))
    assert list(table[0]) == list(ACLED_COLUMNS)
    (fight,) = table
    assert fight["event_type"] == "Battles" and fight["sub_event_type"] == "Armed clash"
    assert fight["event_date"] == "2024-08-05" and fight["iso"] == "466"
    assert fight["inter1"] == "8" and fight["inter2"] == "2"  # Niger's army fighting in Mali
    assert fight["interaction"] == "28" and fight["disorder_type"] == "Political violence"
    assert fight["country"] == "Mali" and fight["notes"] == "NER met MLI."


def test_export_command_on_the_demo_corpus(corpus_db, tmp_path):
    out = tmp_path / "ner.tsv"
    res = runner.invoke(
        app,
        [
            "export",
            "--db",
            str(corpus_db),
            "--format",
            "gdelt",
            "--actor",
            "Niger",
            "--out",
            str(out),
        ],
    )
    assert res.exit_code == 0, res.output
    lines = out.read_text().splitlines()
    assert lines and all(len(x.split("\t")) == 61 for x in lines)
    res = runner.invoke(app, ["export", "--db", str(corpus_db), "--format", "parquet"])
    assert res.exit_code == 2 and "--out" in res.output
