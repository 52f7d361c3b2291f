"""Limits that become rejects: a document too big for the slow stages is refused up front,
a gzip bomb stops, and rejects go to the store as they happen instead of piling up."""

from __future__ import annotations

import gzip
import json

import duckdb

from eventwire.ingest.extract import MAX_ELEMENTS
from eventwire.ingest.sources import MAX_RATIO, MAX_RUN_WORDS, MAX_TEXT_CHARS, iter_documents
from eventwire.records import Article, Reject
from eventwire.runner import LISTED_REJECTS, run

GOOD = "Niger revoked its military accord with the United States on Saturday, officials said."


def _only(items: list) -> Article | Reject:
    assert len(items) == 1, items
    return items[0]


def test_html_with_too_many_elements_is_rejected_before_extraction(tmp_path):
    page = tmp_path / "huge.html"
    paragraphs = "".join(f"<p>Paragraph {i} has some words in it.</p>" for i in range(40_000))
    page.write_text(f"<html><body>{paragraphs}</body></html>", encoding="utf-8")
    rej = _only(list(iter_documents([page])))
    assert isinstance(rej, Reject)
    assert rej.reason.startswith(f"HTML too complex (40002 elements > limit {MAX_ELEMENTS})")


def test_text_over_the_character_limit_is_rejected_before_the_nlp(tmp_path):
    long = tmp_path / "long.txt"
    long.write_text((GOOD + "\n\n") * (MAX_TEXT_CHARS // len(GOOD) + 1), encoding="utf-8")
    rej = _only(list(iter_documents([long])))
    assert isinstance(rej, Reject)
    assert rej.reason.startswith("text too long (") and f"> limit {MAX_TEXT_CHARS})" in rej.reason


def test_gzip_bomb_stops_with_a_reject_and_keeps_what_came_before(tmp_path):
    bomb = tmp_path / "bomb.jsonl.gz"
    with gzip.open(bomb, "wb") as fh:
        fh.write((json.dumps({"text": GOOD}) + "\n").encode())
        fh.write(b"\n" * (8 << 20))  # 8 MiB of blank lines from about 8 KiB
        fh.write((json.dumps({"text": "Never read."}) + "\n").encode())
    assert bomb.stat().st_size < 200_000
    first, rej = list(iter_documents([bomb]))
    assert isinstance(first, Article) and first.text == GOOD
    assert isinstance(rej, Reject) and rej.origin.startswith(f"{bomb}:")
    assert rej.reason.startswith(f"compression ratio over {MAX_RATIO}:1")


def test_gzip_stops_at_the_decompressed_size_limit(tmp_path):
    feed = tmp_path / "feed.jsonl.gz"
    lines = [json.dumps({"text": f"{GOOD} Item {i}."}) for i in range(100)]
    feed.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    items = list(iter_documents([feed], max_inflated=5_000))
    assert all(isinstance(a, Article) for a in items[:-1]) and 40 < len(items) < 60
    assert isinstance(items[-1], Reject)
    assert items[-1].reason.startswith("decompressed size over limit (5000 bytes)")


def test_rejects_are_stored_as_they_come_and_listed_up_to_a_bound(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    total = LISTED_REJECTS + 100
    for i in range(total):
        (folder / f"{i:05d}.txt").write_bytes(b"")
    db = tmp_path / "s.duckdb"
    calls = [0]
    stored_midway: list[int] = []

    def stored() -> int:
        con = duckdb.connect(str(db))  # the same process shares the open database
        try:
            row = con.execute("SELECT count(*) FROM rejects").fetchone()
            return int(row[0]) if row else 0
        finally:
            con.close()

    def progress(n: int) -> None:
        calls[0] += n
        if calls[0] == total // 2:
            stored_midway.append(stored())

    summary = run([folder], db, commit_every=64, on_progress=progress)
    assert summary.rejects == total
    assert len(summary.reject_list) == LISTED_REJECTS
    assert stored() == total
    assert stored_midway and stored_midway[0] >= total // 2 - 64


def test_prose_without_sentence_ends_is_rejected_before_the_nlp(tmp_path):
    """60,000 words without punctuation (under the length limit) took 1.4 GB and a minute of
    parsing before the watchdog; the longest run in the shared corpora is 133 words."""
    words = "army minister border talks police rebels market village troops".split()
    flood = tmp_path / "flood.txt"
    flood.write_text(" ".join(words[i % 9] for i in range(60_000)), encoding="utf-8")
    rej = _only(list(iter_documents([flood])))
    assert isinstance(rej, Reject)
    assert rej.reason.startswith(f"60000 words without a sentence end (limit {MAX_RUN_WORDS})")
    under = tmp_path / "list.txt"  # a long list, but under the limit, and the rest punctuated
    under.write_text(GOOD + " " + ", ".join(["Niamey"] * (MAX_RUN_WORDS - 1)) + ".\n" + GOOD)
    assert isinstance(_only(list(iter_documents([under]))), Article)
