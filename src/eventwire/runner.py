"""The main job: ingest inputs, skip what is already stored, code the rest, store in batches.

Exact duplicates (same normalised body) are processed once: later copies, in this run or in the
database, are counted and skipped. Near duplicates are coded and stored with a pointer to the
article they repeat. Rejects are stored with their reason; the batch goes on.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.code.coder import CODER_VERSION
from eventwire.ingest.dedup import NearDuplicateIndex
from eventwire.ingest.sources import iter_documents
from eventwire.records import Article, DocumentResult, Reject
from eventwire.store.db import Store
from eventwire.workers import WorkerPool, process_parallel

log = logging.getLogger(__name__)

#: Modalities that count as events by default (negated and hypothetical ones are kept apart).
COUNTED_MODALITIES = frozenset({"asserted", "planned", "claimed"})


@dataclass(slots=True)
class RunSummary:
    articles: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    rejects: int = 0
    #: asserted and planned events; negated and hypothetical ones are stored but not counted
    events: int = 0
    uncounted: int = 0
    quotes: int = 0
    words: int = 0
    reject_list: list[Reject] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "articles": self.articles,
            "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates,
            "rejects": self.rejects,
            "events": self.events,
            "uncounted": self.uncounted,
            "quotes": self.quotes,
            "words": self.words,
        }


def run(
    paths: Iterable[str | Path],
    db: str | Path,
    *,
    published: str | None = None,
    workers: int = 1,
    batch_size: int = 16,
    commit_every: int = 64,
    on_progress: Callable[[int], None] | None = None,
    fields: Mapping[str, str] | None = None,
    pool: WorkerPool | None = None,
) -> RunSummary:
    """Ingest, code and store ``paths`` into the DuckDB file ``db``; returns what happened.

    ``fields`` maps our JSONL field names to the input's (``{"text": "body"}``); ``pool`` is an
    already started :class:`WorkerPool` to code with (``workers`` is then ignored)."""
    inputs = [str(p) for p in paths]
    summary = RunSummary()
    near_index = NearDuplicateIndex()
    near: dict[str, str] = {}
    pending_rejects: list[Reject] = []
    with Store(db) as store:
        seen: set[str] = set()

        def fresh_articles() -> Iterator[Article]:
            for item in iter_documents(inputs, published=published, fields=fields):
                if isinstance(item, Reject):
                    pending_rejects.append(item)
                    summary.rejects += 1
                    summary.reject_list.append(item)
                    if on_progress:
                        on_progress(1)
                    continue
                if item.article_id in seen or store.has_article(item.article_id):
                    summary.duplicates += 1
                    if on_progress:
                        on_progress(1)
                    continue
                seen.add(item.article_id)
                earlier = near_index.add(item.article_id, item.text)
                if earlier:
                    near[item.article_id] = earlier
                    summary.near_duplicates += 1
                yield item

        batch: list[DocumentResult] = []
        for res in process_parallel(fresh_articles(), workers, batch_size=batch_size, pool=pool):
            if isinstance(res, Reject):
                pending_rejects.append(res)
                summary.rejects += 1
                summary.reject_list.append(res)
            else:
                batch.append(res)
                summary.articles += 1
                counted = sum(e.modality in COUNTED_MODALITIES for e in res.events)
                summary.events += counted
                summary.uncounted += len(res.events) - counted
                summary.quotes += len(res.quotes)
                summary.words += len(res.article.text.split())
            if on_progress:
                on_progress(1)
            if len(batch) >= commit_every:
                store.write_batch(batch, pending_rejects, near)
                batch, pending_rejects = [], []
        store.write_batch(batch, pending_rejects, near)
        options: dict[str, object] = {"published": published}
        if fields:
            options["fields"] = dict(sorted(fields.items()))
        run_id = hashlib.sha1(json.dumps([sorted(inputs), options, CODER_VERSION]).encode())
        store.record_run(run_id.hexdigest()[:16], inputs, options, summary.counts(), CODER_VERSION)
    return summary
