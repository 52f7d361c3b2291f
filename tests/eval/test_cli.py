"""The ``eval`` command on a tiny gold file, with the real pipeline: JSON shape, exit codes,
the human table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from eventwire.cli.app import app as main_app

#: Sentences the system codes right, in the GSR's labels: FIGHT RUS -> UKR, DISAPPROVE MLI -> DZA.
RUS_UKR = "Russian troops attacked Ukrainian positions near Kharkiv on Monday."
MLI_DZA = "Mali accused Algeria of supporting rebels."


@pytest.fixture
def app() -> typer.Typer:
    """The real ``eventwire`` app, which registers ``eval`` itself."""
    return main_app


def _gold(path: Path, assault: str, accuse: str) -> Path:
    rows = [
        {"id": "1", "text": RUS_UKR, "event": assault, "source": [{"code": "RUS"}]},
        {"id": "2", "text": MLI_DZA, "event": accuse, "source": [{"code": "MLI"}]},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    return _gold(tmp_path / "p.jsonl", "FIGHT", "DISAPPROVE")


@pytest.mark.usefixtures("eval_system")
def test_json_is_one_object(app: typer.Typer, gold: Path) -> None:
    res = CliRunner().invoke(app, ["eval", "plover_gsr", "--data", str(gold), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert {"set", "items", "metrics", "baseline", "per_class", "seconds"} <= out.keys()
    assert out["set"] == "plover_gsr" and out["items"] == 2 and "errors" not in out
    assert out["metrics"]["event_type_accuracy"] == 1.0
    assert out["metrics"]["source_country_f1"] == 1.0
    assert out["baseline"]["event_type_accuracy"] == 0.5


@pytest.mark.usefixtures("eval_system")
def test_table_and_errors(app: typer.Typer, tmp_path: Path) -> None:
    # Labels swapped on purpose, so both sentences are misses and --errors 1 must cut the list.
    swapped = _gold(tmp_path / "swapped.jsonl", "DISAPPROVE", "FIGHT")
    args = ["eval", "plover_gsr", "--data", str(swapped), "--errors", "1", "--limit", "2"]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    assert "event_type_accuracy" in res.stdout and "baseline" in res.stdout
    assert "1. " in res.stdout and "2. " not in res.stdout and "gold:" in res.stdout
    assert "per class" in res.stdout


def test_bad_set_and_missing_data(app: typer.Typer, tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["eval", "nope", "--data", str(tmp_path)])
    assert res.exit_code == 2 and "unknown gold set" in res.stderr
    res = CliRunner().invoke(app, ["eval", "plover_gsr", "--data", str(tmp_path / "none")])
    assert res.exit_code == 2 and "does not exist" in res.stderr


@pytest.mark.usefixtures("eval_system")
def test_all_runs_every_set_folder(app: typer.Typer, gold: Path, tmp_path: Path) -> None:
    root = tmp_path / "sets"
    (root / "plover_gsr").mkdir(parents=True)
    (root / "plover_gsr" / "p.jsonl").write_bytes(gold.read_bytes())
    res = CliRunner().invoke(app, ["eval", "all", "--data", str(root), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["set"] == "all" and out["items"] == 2
    assert out["metrics"]["plover_gsr"]["event_type_accuracy"] == 1.0
    assert "error" in out["sets"]["tempeval3"]  # no folder for it here
