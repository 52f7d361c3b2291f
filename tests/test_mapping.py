"""mapping.py: one Event <-> row mapping, by column name, for the store and every export."""

from __future__ import annotations

import duckdb

from eventwire.mapping import FLAT_COLUMNS, actor_rows, event_from_row, event_row, flat_row
from eventwire.store.db import SCHEMA, Store


def test_event_row_names_every_column_of_the_events_table(tmp_path, make_event):
    con = duckdb.connect(str(tmp_path / "s.duckdb"))
    con.execute(SCHEMA.read_text())
    table = [r[0] for r in con.execute("DESCRIBE events").fetchall()]
    row = event_row(make_event("e1", "NER", "FRA"))
    assert set(row) <= set(table)
    assert set(table) == set(row)


def test_event_round_trips_through_its_rows(make_event):
    ev = make_event("e1", "NER", "FRA")
    row = {**event_row(ev), "evidence_text": ev.evidence}
    actors = {"source": [], "target": []}
    for r in actor_rows(ev):
        from eventwire.mapping import actor_from_row

        actors[r["role"]].append(actor_from_row(r))
    back = event_from_row(row, actors)
    # dates come back as ISO strings from DATE columns too
    assert back == ev


def test_store_writes_by_column_name_whatever_the_column_order(tmp_path, make_event, make_db):
    """A file whose events table has its columns in another order, plus one we do not know
    (as another branch's migration would add), still takes rows and reads them back."""
    db = tmp_path / "s.duckdb"
    with Store(db):
        pass
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE events ADD COLUMN some_later_column VARCHAR")
    cols = [(r[0], r[1]) for r in con.execute("DESCRIBE events").fetchall()]
    ddl = ", ".join(f"{name} {kind}" for name, kind in reversed(cols))
    con.execute("DROP TABLE events")
    con.execute(f"CREATE TABLE events ({ddl}, PRIMARY KEY (event_id))")
    con.close()
    ev = make_event("e1", "NER", "FRA")
    make_db(db, [ev])
    with Store(db, read_only=True) as store:
        (back,) = list(store.events())
    assert back == ev


def test_flat_row_has_every_export_column_in_order(make_event):
    ev = make_event("e1", "NER", "FRA")
    row = flat_row(ev, {"url": "https://x", "published": "2024-04-12", "source": "Wire"})
    assert list(row) == list(FLAT_COLUMNS)
    assert row["source_country"] == "NER" and row["target_country"] == "FRA"
    assert row["date_start"] == "2024-04-10" and row["date_precision"] == "day"
    assert row["quad_class"] == 1 and row["goldstein"] == 1.9
    assert row["url"] == "https://x" and row["publisher"] == "Wire"
    assert row["evidence"] == "NER met FRA." and row["probability"] == 0.8
    assert row["lat"] == 13.5 and row["counted"] is True
