"""A bad record is a reject, never a failed batch: real pipeline, real DuckDB file."""

from __future__ import annotations

import json
import os

import duckdb
import pytest

from eventwire.ingest.sources import iter_documents
from eventwire.records import Article, DocumentResult, Reject
from eventwire.runner import run
from eventwire.store.db import Store

GOOD = "Niger revoked its military accord with the United States on Saturday, officials said."
OTHER = "France withdrew its troops from Niger on Friday, a government spokesman said."


def _rejects(db) -> dict[str, tuple[str, str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT origin, stage, reason FROM rejects").fetchall()
    finally:
        con.close()
    return {origin: (stage, reason) for origin, stage, reason in rows}


def test_lone_surrogate_and_control_characters_are_rejects_naming_file_and_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": GOOD, "title": "bad "})[:-2] + '\\udfff"}',  # a lone surrogate escape
        json.dumps({"text": OTHER, "url": "http://example.org/\x00"}),
        json.dumps({"text": "Mali expelled the French ambassador on Monday, a minister said."}),
        json.dumps({"text": "Chad closed\x07 its border with Sudan on Sunday."}),
        '{"html": "<p>\\ud800</p>"}',
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    for _ in range(2):  # a re-run neither fails nor duplicates anything
        summary = run([feed], db)
        assert summary.articles + summary.duplicates == 1
        reasons = {r.origin: r.reason for r in summary.reject_list}
        assert set(reasons) == {f"{feed}:1", f"{feed}:2", f"{feed}:4", f"{feed}:5"}
        assert reasons[f"{feed}:1"].startswith("title contains a lone surrogate U+DFFF")
        assert reasons[f"{feed}:2"].startswith("url contains a NUL character U+0000")
        assert reasons[f"{feed}:4"].startswith("text contains a control character U+0007")
        assert reasons[f"{feed}:5"].startswith("html contains a lone surrogate U+D800")
    assert set(_rejects(db)) == set(reasons)


def _result(article_id: str, title: str, origin: str) -> DocumentResult:
    return DocumentResult(
        article=Article(article_id=article_id, text=GOOD, title=title, origin=origin)
    )


def test_store_stores_the_rest_of_a_batch_and_rejects_the_record_it_refuses(tmp_path):
    db = tmp_path / "s.duckdb"
    good = _result("a1", "fine", "good.txt")
    bad = _result("a2", "bad \udfff", "bad.jsonl:7")
    other = Reject(origin="odd\udcff.txt", stage="ingest", reason="empty file")
    with Store(db) as store:
        failed = store.write_batch([good, bad], [other])
        assert [(res.article.article_id, rej.origin, rej.stage) for res, rej in failed] == [
            ("a2", "bad.jsonl:7", "store")
        ]
        assert "surrogate" in failed[0][1].reason
        assert store.has_article("a1") and not store.has_article("a2")
    rejects = _rejects(db)
    assert rejects["bad.jsonl:7"][0] == "store"
    assert rejects["odd\\xff.txt"] == ("ingest", "empty file")


def test_file_name_that_is_not_utf8_is_stored_escaped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(GOOD + "\n", encoding="utf-8")
    (folder / os.fsdecode(b"empty\xff.txt")).write_bytes(b"")
    db = tmp_path / "s.duckdb"
    summary = run([folder], db)
    assert summary.articles == 1
    assert [r.origin for r in summary.reject_list] == [f"{folder}/empty\\xff.txt"]
    assert set(_rejects(db)) == {f"{folder}/empty\\xff.txt"}


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_utf16_without_a_bom_is_a_reject_that_says_so(tmp_path, codec, suffix):
    """Issue 17: such a file was rejected as "binary file"; we still do not guess an
    encoding, but the reason says what the file is and what to do."""
    path = tmp_path / f"story{suffix}"
    body = GOOD if suffix == ".txt" else f"<html><body><p>{GOOD}</p></body></html>"
    path.write_bytes(body.encode(codec))
    (rej,) = list(iter_documents([path]))
    order = "little-endian" if codec.endswith("le") else "big-endian"
    assert isinstance(rej, Reject)
    assert rej.reason.startswith(f"looks like UTF-16 ({order}) without a byte-order mark")
    noise = tmp_path / f"noise{suffix}"
    noise.write_bytes(bytes(range(256)) * 8)
    (other,) = list(iter_documents([noise]))
    assert isinstance(other, Reject) and other.reason == "binary file, not text"
