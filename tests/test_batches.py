"""Batches bounded by characters as well as documents: a worker's memory while it parses
grows with the characters of its batch, so one batch of long stories must not be a run's
peak; the results do not depend on how the documents were batched."""

from __future__ import annotations

from eventwire.ingest.dedup import article_id
from eventwire.pipeline import batches
from eventwire.records import Article
from eventwire.settings import load

TEXTS = [
    "Niger's army attacked rebels near Niamey on Monday.",
    "France condemned the coup in Mali on Tuesday. " * 4,
    "Nigerian police arrested 12 protesters in Lagos on Friday.",
    "Kenya and Ethiopia signed a border agreement in Nairobi on 3 May.",
    "Mali accused Algeria of supporting rebels on Monday.",
]


def _articles(texts: list[str] = TEXTS) -> list[Article]:
    return [
        Article(article_id=article_id(t), text=t, published="2021-03-03", origin=f"t:{n}")
        for n, t in enumerate(texts)
    ]


def _lengths(groups: list[list[Article]]) -> list[list[int]]:
    return [[len(a.text) for a in g] for g in groups]


def test_batches_hold_at_most_size_documents_and_chars_characters():
    arts = _articles(["a" * n for n in (30, 30, 50, 10, 10, 10, 100, 5)])
    assert _lengths(list(batches(arts, 16, 0))) == [[30, 30, 50, 10, 10, 10, 100, 5]]
    assert _lengths(list(batches(arts, 3, 0))) == [[30, 30, 50], [10, 10, 10], [100, 5]]
    # a batch closes before the article that would take it over the bound; an article longer
    # than the bound is a batch of its own, never dropped nor split
    assert _lengths(list(batches(arts, 16, 60))) == [[30, 30], [50, 10], [10, 10], [100], [5]]
    assert _lengths(list(batches(arts, 2, 60))) == [[30, 30], [50, 10], [10, 10], [100], [5]]
    assert [a for g in batches(arts, 2, 45) for a in g] == arts  # input order, every article
    assert list(batches([], 16, 60)) == []


def test_batch_chars_setting_default_and_environment():
    assert load(env={}).batch_chars == 8000
    assert load(env={"EVENTWIRE_BATCH_CHARS": "0"}).batch_chars == 0
    assert load(env={}, overrides={"batch_chars": 20000}).batch_chars == 20000


def test_character_bounded_batches_code_as_document_bounded_ones(processor):
    saved = processor.batch_chars
    try:
        processor.batch_chars = 0
        whole = list(processor.process_articles(_articles()))
        processor.batch_chars = 60  # every article in a batch of its own
        assert len(list(batches(_articles(), processor.batch_size, 60))) == len(TEXTS)
        alone = list(processor.process_articles(_articles()))
    finally:
        processor.batch_chars = saved
    assert alone == whole
    assert sum(len(r.events) for r in whole) >= 4  # type: ignore[union-attr]
