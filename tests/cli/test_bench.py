"""`eventwire bench`: real model, real DuckDB, real child processes; figures are checked for
shape and sign only (never for speed)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwire.bench import default_corpus
from eventwire.cli.app import app

runner = CliRunner()
KEYS = (
    "articles_per_s",
    "words_per_s",
    "spacy_words_per_s",
    "ratio_vs_spacy",
    "startup_s",
    "peak_rss_mb",
)


def _json(output: str) -> dict:
    return json.loads(next(line for line in output.splitlines() if line.startswith("{")))


def test_bench_json_on_the_default_corpus():
    if default_corpus() is None:
        pytest.skip("../shared/corpora/reuters21578.jsonl.gz is absent")
    res = runner.invoke(app, ["bench", "--articles", "5", "--json"])
    assert res.exit_code == 0, res.output
    got = _json(res.output)
    for key in KEYS:
        assert isinstance(got[key], float | int) and got[key] > 0, key
    assert got["articles"] == 5 and got["workers"] == 1
    # the ratio is the two words/s figures' quotient, not an independent number
    assert got["ratio_vs_spacy"] == pytest.approx(
        got["words_per_s"] / got["spacy_words_per_s"], rel=0.01
    )


def test_bench_with_own_field_names_and_two_workers(tmp_path):
    stories = [
        "Niger's army attacked rebels near Niamey on Monday, the government said.",
        "France condemned the coup in Mali on Tuesday and suspended its aid.",
        "Nigerian police arrested 12 protesters in Lagos on Friday.",
        "Kenya and Ethiopia signed a border agreement in Nairobi on 3 May.",
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(json.dumps({"story": s, "date": "2021-03-03"}) + "\n" for s in stories),
        encoding="utf-8",
    )
    res = runner.invoke(
        app,
        [
            "bench",
            "--corpus",
            str(corpus),
            "--field",
            "text=story",
            "--articles",
            "3",
            "--workers",
            "2",
            "--json",
        ],
    )
    assert res.exit_code == 0, res.output
    got = _json(res.output)
    assert got["articles"] == 3 and got["workers"] == 2 and got["events"] > 0
    assert all(got[key] > 0 for key in KEYS)
    assert got["words"] == sum(len(s.split()) for s in stories[:3])


def test_bench_without_a_readable_document_exits_1(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"story": "Mali accused Algeria."}) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["bench", "--corpus", str(corpus), "--articles", "2"])
    assert res.exit_code == 1
    assert "--field text=NAME" in res.output
    missing = runner.invoke(app, ["bench", "--corpus", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 3 and "no such input" in missing.output
