"""Worker processes: the same results as one process, in input order, from a pool started
once (each worker builds its processor from the start-up cache)."""

from __future__ import annotations

from eventwire.ingest.dedup import article_id
from eventwire.pipeline import WorkerPool, process_parallel
from eventwire.records import Article, DocumentResult

TEXTS = [
    "Niger's army attacked rebels near Niamey on Monday.",
    "France condemned the coup in Mali on Tuesday.",
    "Nigerian police arrested 12 protesters in Lagos on Friday.",
    "Kenya and Ethiopia signed a border agreement in Nairobi on 3 May.",
    "Mali accused Algeria of supporting rebels on Monday.",
]


def _articles() -> list[Article]:
    return [
        Article(article_id=article_id(t), text=t, published="2021-03-03", origin=f"t:{n}")
        for n, t in enumerate(TEXTS)
    ]


def test_two_workers_give_one_process_results_in_input_order(processor):
    one = list(processor.process_articles(_articles()))
    with WorkerPool(2, batch_size=2, in_flight=1) as pool:
        assert pool.wait_ready(timeout=300)
        two = list(process_parallel(_articles(), 2, pool=pool))
        again = list(pool.process(_articles()[:2]))  # the pool is reused, not rebuilt
    assert [r.article.origin for r in two if isinstance(r, DocumentResult)] == [
        f"t:{n}" for n in range(len(TEXTS))
    ]
    assert [r.events for r in two] == [r.events for r in one]  # type: ignore[union-attr]
    assert [r.events for r in again] == [r.events for r in one[:2]]  # type: ignore[union-attr]
    assert sum(len(r.events) for r in two) >= 4  # type: ignore[union-attr]


def test_wait_ready_times_out_while_workers_load():
    with WorkerPool(1) as pool:
        assert not pool.wait_ready(timeout=0)  # a fresh worker is still loading its model
        assert pool.wait_ready(timeout=300)


def test_a_worker_that_cannot_start_raises_its_error_instead_of_hanging(tmp_path, monkeypatch):
    import pytest

    from eventwire.errors import KBError

    bad = tmp_path / "kb"
    bad.mkdir()
    (bad / "my-organizations.jsonl").write_text('{"id": "a",\n', encoding="utf-8")
    monkeypatch.setenv("EVENTWIRE_KB", str(bad))  # read by the spawned workers' load_kb
    with WorkerPool(1) as pool:
        assert pool.wait_ready(timeout=300)
        with pytest.raises(KBError, match="malformed JSON"):
            list(pool.process(_articles()[:1]))


def test_a_recycled_worker_is_replaced_and_results_are_unchanged(processor):
    one = list(processor.process_articles(_articles()))
    # one worker, replaced after every two documents: three processes code the five
    with WorkerPool(1, batch_size=1, in_flight=1, recycle_after=2) as pool:
        assert pool.tasks_per_worker == 2
        recycled = list(pool.process(_articles()))
        assert pool.processors_built >= 3
    assert recycled == one
    assert sum(len(r.events) for r in recycled) >= 4  # type: ignore[union-attr]


def test_worker_documents_setting_bounds_a_workers_batches():
    from eventwire.settings import Settings

    never = WorkerPool(2, batch_size=16, settings=Settings(worker_documents=0))
    assert never.tasks_per_worker is None
    assert (
        WorkerPool(2, batch_size=16, settings=Settings(worker_documents=2000)).tasks_per_worker
        == 125
    )
    assert WorkerPool(2, batch_size=16, recycle_after=17).tasks_per_worker == 2
