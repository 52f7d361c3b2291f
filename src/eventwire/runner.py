"""The main job: ingest inputs, skip what is already stored, code the rest, store in batches.

Exact duplicates (same normalised body) are processed once: later copies, in this run or in the
database, are counted and skipped. Near duplicates are coded and stored with a pointer to the
article they repeat, found in this run or among the articles of earlier runs: the MinHash
signature of every indexed article is stored with it and loaded at start; an input already in
the database is indexed too, so re-running a killed run stores what one clean run stores. At
the end the run's counted reports are merged into canonical events
(:mod:`eventwire.store.canonical`), and the summary counts those. Rejects are stored with their
reason as they come (at most ``commit_every`` wait in memory); the batch goes on.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from eventwire.code.coder import CODER_VERSION
from eventwire.ingest.dedup import NearDuplicateIndex
from eventwire.ingest.sources import iter_documents
from eventwire.records import COUNTED_MODALITIES, Article, DocumentResult, Reject
from eventwire.safetext import escape
from eventwire.settings import Settings
from eventwire.store.canonical import canonical_count, merge
from eventwire.store.db import Store, signature_row
from eventwire.workers import WorkerPool, process_parallel

log = logging.getLogger(__name__)

#: Rejects kept in the summary for printing; beyond them rejects are counted and stored, not
#: held in memory (a corpus of a million bad lines must not grow the process).
LISTED_REJECTS = 1_000


@dataclass(slots=True)
class RunSummary:
    articles: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    rejects: int = 0
    #: canonical events reported by this run's articles (one event reported by three articles
    #: is one); set by the merge at the end of the run
    events: int = 0
    #: counted reports (asserted, planned and claimed events above the threshold) in this
    #: run's articles; negated and hypothetical ones are stored but not counted
    mentions: int = 0
    #: canonical events this run founded (the rest of ``events`` existed before)
    new_events: int = 0
    #: seconds the merge into canonical events took
    merge_seconds: float = 0.0
    uncounted: int = 0
    quotes: int = 0
    words: int = 0
    #: the first :data:`LISTED_REJECTS` rejects; all of them are in the store
    reject_list: list[Reject] = field(default_factory=list)

    def note_reject(self, rej: Reject) -> None:
        self.rejects += 1
        if len(self.reject_list) < LISTED_REJECTS:
            self.reject_list.append(rej)

    def counts(self) -> dict[str, int]:
        return {
            "articles": self.articles,
            "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates,
            "rejects": self.rejects,
            "events": self.events,
            "mentions": self.mentions,
            "uncounted": self.uncounted,
            "quotes": self.quotes,
            "words": self.words,
        }


def run(
    paths: Iterable[str | Path],
    db: str | Path,
    *,
    published: str | None = None,
    follow_symlinks: bool = False,
    workers: int = 1,
    batch_size: int = 16,
    commit_every: int = 64,
    on_progress: Callable[[int], None] | None = None,
    fields: Mapping[str, str] | None = None,
    pool: WorkerPool | None = None,
    settings: Settings | None = None,
) -> RunSummary:
    """Ingest, code and store ``paths`` into the DuckDB file ``db``; returns what happened.

    ``follow_symlinks`` lets a link inside an input folder lead outside it (see
    :func:`~eventwire.ingest.sources.iter_documents`). ``fields`` maps our JSONL field names to
    the input's (``{"text": "body"}``); ``pool`` is an already started :class:`WorkerPool` to
    code with (``workers`` is then ignored); ``settings`` go to the processors (default: each
    process's own, :func:`eventwire.settings.current`)."""
    inputs = [str(p) for p in paths]
    summary = RunSummary()
    near: dict[str, str] = {}
    signatures: dict[str, dict[str, object]] = {}
    stored_ids: list[str] = []
    pending_rejects: list[Reject] = []
    with Store(db) as store:
        # earlier runs' articles stay in the database, looked up by band: the index holds
        # only this run's articles until their batch is written
        near_index = store.near_duplicate_index()
        seen: set[str] = set()

        def reject(rej: Reject) -> None:
            """Count a reject and store it with the next batch, or now if many are waiting."""
            summary.note_reject(rej)
            pending_rejects.append(rej)
            if len(pending_rejects) >= commit_every:
                _store(store, summary, [], pending_rejects, near, near_index)
                pending_rejects.clear()

        def fresh_articles() -> Iterator[Article]:
            """The documents to code, in input order. Read a batch at a time, so the store is
            asked once a batch which ids it holds and which stored articles share a band."""
            docs = iter_documents(
                inputs, published=published, follow_symlinks=follow_symlinks, fields=fields
            )
            while chunk := list(islice(docs, batch_size)):
                ids = {i.article_id for i in chunk if isinstance(i, Article)} - seen
                stored = store.stored_articles(ids)
                fresh: list[Article] = []
                to_index: list[tuple[str, str]] = []
                for item in chunk:
                    if isinstance(item, Reject):
                        reject(item)
                        if on_progress:
                            on_progress(1)
                        continue
                    if item.article_id in seen or item.article_id in stored:
                        summary.duplicates += 1
                        if item.article_id not in seen:
                            # stored by an earlier (perhaps killed) run: indexed as that run
                            # would have, so a later near copy points where a clean run does
                            seen.add(item.article_id)
                            to_index.append((item.article_id, item.text))
                        if on_progress:
                            on_progress(1)
                        continue
                    seen.add(item.article_id)
                    fresh.append(item)
                    to_index.append((item.article_id, item.text))
                found = dict(
                    zip([a for a, _ in to_index], near_index.add_many(to_index), strict=True)
                )
                for item in fresh:
                    earlier = found[item.article_id]
                    if earlier:
                        near[item.article_id] = earlier
                        summary.near_duplicates += 1
                    elif near_index.order(item.article_id) is not None:
                        signatures[item.article_id] = signature_row(near_index, item.article_id)
                    yield item

        batch: list[DocumentResult] = []
        for res in process_parallel(
            fresh_articles(), workers, batch_size=batch_size, pool=pool, settings=settings
        ):
            if isinstance(res, Reject):
                reject(res)
            else:
                batch.append(res)
                stored_ids.append(res.article.article_id)
                _count(summary, res, 1)
            if on_progress:
                on_progress(1)
            if len(batch) >= commit_every:
                _store(store, summary, batch, pending_rejects, near, near_index, signatures)
                batch = []
                pending_rejects.clear()
        _store(store, summary, batch, pending_rejects, near, near_index, signatures)
        merged = merge(store)
        summary.new_events = merged.founded
        summary.merge_seconds = merged.seconds
        summary.events, summary.mentions = canonical_count(store, stored_ids)
        options: dict[str, object] = {"published": published}
        if follow_symlinks:  # only when set, so earlier runs keep their ids
            options["follow_symlinks"] = True
        if fields:
            options["fields"] = dict(sorted(fields.items()))
        run_id = hashlib.sha1(json.dumps([sorted(inputs), options, CODER_VERSION]).encode())
        stored_inputs = [escape(i) for i in inputs]  # a path may not be valid UTF-8
        store.record_run(
            run_id.hexdigest()[:16], stored_inputs, options, summary.counts(), CODER_VERSION
        )
    return summary


def _count(summary: RunSummary, res: DocumentResult, sign: int) -> None:
    """Add (``sign=1``) or take back (``sign=-1``) one stored result's counts."""
    counted = sum(e.counted and e.modality in COUNTED_MODALITIES for e in res.events)
    summary.articles += sign
    summary.mentions += sign * counted
    summary.uncounted += sign * (len(res.events) - counted)
    summary.quotes += sign * len(res.quotes)
    summary.words += sign * len(res.article.text.split())


def _store(
    store: Store,
    summary: RunSummary,
    batch: list[DocumentResult],
    rejects: list[Reject],
    near: dict[str, str],
    index: NearDuplicateIndex,
    signatures: dict[str, dict[str, object]] | None = None,
) -> None:
    """Write one batch; a result the store refused is counted as a reject, not an article.
    The signatures written leave memory: later bodies find them in the store."""
    refused = set()
    for res, rej in store.write_batch(batch, rejects, near, signatures):
        _count(summary, res, -1)
        summary.note_reject(rej)
        refused.add(res.article.article_id)
    if signatures:  # written (or refused with their article): not held for the whole run
        written = [
            aid
            for res in batch
            if signatures.pop(aid := res.article.article_id, None) is not None
            and aid not in refused
        ]
        index.forget(written)
