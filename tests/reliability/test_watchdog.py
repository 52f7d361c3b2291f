"""One document's coding is bounded in time: over the limit it becomes a reject, the run goes on."""

from __future__ import annotations

import threading
import time

import pytest

from eventwire.records import Article, DocumentResult, Reject
from eventwire.watchdog import DocumentTimeout, time_limit

TEXT = "Chad expelled the French ambassador on Friday. " * 40


def _articles() -> list[Article]:
    return [
        Article(article_id="slow", text=TEXT, published="2024-04-12", origin="slow.txt"),
        Article(
            article_id="ok",
            text="Niger expelled the French ambassador.",
            published="2024-04-12",
            origin="ok.txt",
        ),
    ]


def test_a_document_over_the_limit_is_a_reject_and_the_next_is_coded(processor) -> None:
    saved = processor.time_limit
    try:
        processor.time_limit = 0.001  # far below what 40 sentences take to code
        slow, _ = list(processor.process_articles(_articles()))
        processor.time_limit = saved
        (ok,) = list(processor.process_articles(_articles()[1:]))
    finally:
        processor.time_limit = saved
    assert isinstance(slow, Reject) and slow.origin == "slow.txt"
    assert "took over 0.001 s to code" in slow.reason
    assert isinstance(ok, DocumentResult) and ok.events


def test_the_timer_is_disarmed_after_the_block() -> None:
    with time_limit(0.05):
        pass
    time.sleep(0.1)  # an alarm left armed would raise here


def test_the_limit_fires_in_the_main_thread_only() -> None:
    with pytest.raises(DocumentTimeout, match="took over"):
        with time_limit(0.01):
            time.sleep(0.5)
    done: list[bool] = []

    def work() -> None:
        with time_limit(0.01):  # signals reach the main thread only: no limit here
            time.sleep(0.05)
        done.append(True)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert done == [True]
