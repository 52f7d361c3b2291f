"""The REST API with FastAPI's TestClient over real DuckDB files."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest
from fastapi.testclient import TestClient

from eventwire.serve.app import MAX_PAGE, create_app


@pytest.fixture()
def db(tmp_path, make_event, make_db):
    evs = [
        make_event(
            f"e{i}",
            "NER" if i % 2 else "RUS",
            "RUS" if i % 2 else "NER",
            day=f"2024-0{1 + i % 9}-1{i % 10}",
            article_id=f"a{i}",
            quad=1 + i % 4,
        )
        for i in range(25)
    ]
    evs.append(make_event("cand", "NER", "FRA", article_id="ac", counted=False, probability=0.05))
    return make_db(tmp_path / "api.duckdb", evs)


@pytest.fixture()
def client(db, tmp_path):
    app = create_app(db, token="s3cret", snapshot_dir=tmp_path / "snap")
    with TestClient(app) as c:
        yield c


def test_events_pages_with_a_cursor_and_limits_page_size(client):
    seen, cursor = [], None
    while True:
        params = {"limit": 10, **({"cursor": cursor} if cursor else {})}
        res = client.get("/v1/events", params=params)
        assert res.status_code == 200
        body = res.json()
        seen += [e["event_id"] for e in body["data"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 25 and "cand" not in seen
    res = client.get("/v1/events", params={"limit": MAX_PAGE + 1})
    assert res.status_code == 422
    assert res.json()["error"]["code"] == "invalid_parameters"


def test_events_filters_are_the_cli_filters(client):
    res = client.get("/v1/events", params={"source": "Niger", "quad_class": [1, 2]})
    body = res.json()
    assert body["notes"] == ["'Niger' -> NER"]
    assert body["data"] and all(
        e["source"][0]["country"] == "NER" and e["cameo"]["quad_class"] in (1, 2)
        for e in body["data"]
    )
    assert body["data"][0]["article"]["url"].startswith("https://example.org/")
    assert client.get("/v1/events", params={"all": True, "limit": 100}).json()["data"][-1]
    res = client.get("/v1/events", params={"actor": "Nigr"})
    assert res.status_code == 400
    assert "NER (Niger)" in res.json()["error"]["message"]


def test_one_event_with_its_evidence_and_highlights(client):
    res = client.get("/v1/events/cand")  # candidates are reachable by id
    assert res.status_code == 200
    ev = res.json()
    assert ev["evidence"] == "NER met FRA." and ev["counted"] is False
    assert ev["highlights"]["trigger"] == [4, 7]
    missing = client.get("/v1/events/nope")
    assert missing.status_code == 404
    assert missing.json() == {
        "error": {
            "status": 404,
            "code": "not_found",
            "message": "no event 'nope'; list ids with GET /v1/events",
        }
    }


def test_timeline_partners_and_stats(client):
    tl = client.get("/v1/dyads/NER/Russia/timeline", params={"freq": "year"}).json()
    assert tl["data"] == [
        {
            "period": "2024-01-01",
            "q1": 7,
            "q2": 6,
            "q3": 6,
            "q4": 6,
            "events": 25,
            "goldstein": 47.5,
        }
    ]
    bad = client.get("/v1/dyads/NER/RUS/timeline", params={"freq": "hour"})
    assert bad.status_code == 400
    partners = client.get("/v1/actors/NER/partners").json()
    assert partners["partners"][0]["partner"] == "RUS"
    assert partners["shift"]["partners"][0]["events"]["before"]
    stats = client.get("/v1/stats").json()
    assert stats["tables"]["events"] == 26 and stats["events_counted"] == 25
    assert stats["first_day"] == "2024-01-10"


def test_openapi_and_unknown_routes_use_the_error_shape(client):
    spec = client.get("/openapi.json").json()
    assert "/v1/events" in spec["paths"] and "/v1/articles" in spec["paths"]
    res = client.get("/v2/nothing")
    assert res.status_code == 404 and res.json()["error"]["code"] == "not_found"


def test_posting_an_article_needs_the_token_and_stores_its_events(client):
    story = {
        "text": "Niger expelled French troops on Wednesday, the government said.",
        "published": "2024-04-12",
        "url": "https://example.org/expel",
    }
    assert client.post("/v1/articles", json=story).status_code == 401
    wrong = client.post("/v1/articles", json=story, headers={"Authorization": "Bearer x"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "unauthorized"
    res = client.post("/v1/articles", json=story, headers={"Authorization": "Bearer s3cret"})
    assert res.status_code == 201, res.text
    body = res.json()
    assert body["events"] and body["already_stored"] is False
    eid = body["events"][0]["event_id"]
    got = client.get(f"/v1/events/{eid}").json()
    assert got["article"]["url"] == "https://example.org/expel"
    again = client.post("/v1/articles", json=story, headers={"Authorization": "Bearer s3cret"})
    assert again.json()["already_stored"] is True


def test_writes_are_refused_without_a_configured_token(db):
    with TestClient(create_app(db)) as c:
        res = c.post("/v1/articles", json={"text": "x"})
    assert res.status_code == 403 and "EVENTWIRE_API_TOKEN" in res.json()["error"]["message"]


HOLDER = textwrap.dedent(
    """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])  # a writer, as `eventwire run` is
    print("held", flush=True)
    sys.stdin.readline()
    con.close()
    """
)


def test_reads_go_on_from_a_snapshot_while_another_process_writes(db, tmp_path):
    app = create_app(db, token="t", snapshot_dir=tmp_path / "snap")
    with TestClient(app) as c:
        assert c.get("/v1/stats").status_code == 200  # the live file; snapshot taken
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
            res = c.get("/v1/events", params={"limit": 5})
            assert res.status_code == 200 and len(res.json()["data"]) == 5
            assert res.headers["X-Eventwire-Snapshot"]
            again = c.get("/v1/stats")  # the file is tried once more, then the snapshot
            assert again.status_code == 200 and again.headers["X-Eventwire-Snapshot"]
            busy = c.post(
                "/v1/articles",
                json={"text": "Niger met Mali."},
                headers={"Authorization": "Bearer t"},
            )
            assert busy.status_code == 503 and busy.json()["error"]["code"] == "busy"
        finally:
            holder.communicate("\n", timeout=30)
        res = c.get("/v1/events", params={"limit": 5})
        assert res.status_code == 200 and "X-Eventwire-Snapshot" not in res.headers


def test_without_a_snapshot_a_held_file_is_a_503(db, tmp_path):
    fresh = tmp_path / "fresh.duckdb"
    shutil.copyfile(db, fresh)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(fresh)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with TestClient(create_app(fresh, snapshot_dir=tmp_path / "s2")) as c:
            res = c.get("/v1/stats")
        assert res.status_code == 503 and res.headers["Retry-After"] == "5"
    finally:
        holder.communicate("\n", timeout=30)


def test_dashboard_lists_events_and_shows_evidence(client):
    page = client.get("/", params={"actor": "Niger", "quad_class": ["1", "2"], "text": ""})
    assert page.status_code == 200 and '<table id="events">' in page.text
    # the filters of the address go to the API as they are, empty ones dropped
    assert 'data-api="actor=Niger&amp;quad_class=1&amp;quad_class=2"' in page.text
    assert 'name="quad_class" value="2" checked' in page.text
    head = page.text.split("</head>")[0]
    assert "http" not in head and 'src="/static/dashboard.js"' in head  # nothing from a CDN
    assert client.get("/", params={"actor": "Nigr"}).text.count("did you mean NER") == 1
    ev = client.get("/events/e1", params={"actor": "Niger"})
    assert ev.status_code == 200 and '<mark class="t">met</mark>' in ev.text
    assert 'href="/?actor=Niger"' in ev.text  # back to the same view
    assert client.get("/events/nope").status_code == 404


def test_dashboard_assets_are_served_by_the_package(client):
    for path, kind in (
        ("/static/dashboard.js", "javascript"),
        ("/static/dashboard.css", "text/css"),
        ("/static/world.geojson", ""),
    ):
        res = client.get(path)
        assert res.status_code == 200 and kind in res.headers["content-type"]
        assert "https://" not in res.text.replace("http://www.w3.org/2000/svg", "")
    world = client.get("/static/world.geojson").json()
    assert len(world["features"]) > 170
    names = {f["properties"]["name"] for f in world["features"]}
    assert {"Niger", "France", "Russia"} <= names


def test_agg_groups_events_like_the_agg_command(client):
    res = client.get("/v1/agg", params={"by": "week,quad_class", "actor": "Niger"})
    assert res.status_code == 200
    body = res.json()
    assert body["by"] == ["week", "quad_class"] and body["notes"] == ["'Niger' -> NER"]
    assert sum(r["events"] for r in body["data"]) == 25
    assert all(r["week"] and r["quad_class"] in (1, 2, 3, 4) for r in body["data"])
    pairs = client.get("/v1/agg", params={"by": ["source_country", "target_country"]}).json()
    assert {(r["source_country"], r["target_country"]) for r in pairs["data"]} == {
        ("NER", "RUS"),
        ("RUS", "NER"),
    }
    bad = client.get("/v1/agg", params={"by": "colour"})
    assert bad.status_code == 400 and "cannot group by 'colour'" in bad.json()["error"]["message"]


def test_serve_command_refuses_a_missing_database(tmp_path):
    from typer.testing import CliRunner

    from eventwire.cli.app import app

    res = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 1 and "eventwire run" in res.output


def test_posted_wire_copies_join_one_canonical_event(client):
    """Three copies of one story posted one by one: each joins the event the first founded."""
    import json
    from pathlib import Path

    wires = Path(__file__).parents[1] / "data" / "wires" / "biden_xi.jsonl"
    auth = {"Authorization": "Bearer s3cret"}
    for line in wires.read_text().splitlines():
        rec = json.loads(line)
        res = client.post("/v1/articles", json=rec, headers=auth)
        assert res.status_code == 201, res.text
    params = {"dyad": "USA:CHN", "plover": "CONSULT"}
    reports = client.get("/v1/events", params={**params, "canonical": "false"}).json()["data"]
    assert len(reports) == 3
    (event,) = client.get("/v1/events", params=params).json()["data"]
    assert event["canonical"]["num_articles"] == 3
    assert event["canonical"]["num_sources"] == 3
    assert event["canonical"]["first_seen"] == "2023-11-15"


def test_lists_and_counts_default_to_canonical_events_as_the_cli_does(client):
    """Wire copies of one story: the API's default is one event (as `eventwire events` and
    the run summary), ``canonical=false`` the reports (the CLI's ``--mentions``)."""
    import json
    from pathlib import Path

    wires = Path(__file__).parents[1] / "data" / "wires" / "biden_xi.jsonl"
    auth = {"Authorization": "Bearer s3cret"}
    for line in wires.read_text().splitlines():
        assert client.post("/v1/articles", json=json.loads(line), headers=auth).status_code == 201
    params = {"dyad": "USA:CHN", "plover": "CONSULT"}
    (event,) = client.get("/v1/events", params=params).json()["data"]
    assert event["canonical"]["num_articles"] == 3
    reports = client.get("/v1/events", params={**params, "canonical": "false"}).json()["data"]
    assert len(reports) == 3
    timeline = client.get("/v1/dyads/USA/CHN/timeline", params={"plover": "CONSULT"}).json()
    assert sum(r["events"] for r in timeline["data"]) == 1
    agg = client.get("/v1/agg", params={**params, "by": "plover_type"}).json()["data"]
    assert [r["events"] for r in agg] == [1]
    stats = client.get("/v1/stats").json()
    listed = len(client.get("/v1/events", params={"limit": 1000}).json()["data"])
    every = client.get("/v1/events", params={"limit": 1000, "canonical": "false"}).json()
    assert stats["events_counted"] == listed < stats["reports_counted"] == len(every["data"])
    assert sum(stats["by_quad_class"].values()) == listed
