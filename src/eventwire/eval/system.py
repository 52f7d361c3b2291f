"""The only place the evaluation harness calls the rest of eventwire.

Adapters ask this module for answers instead of importing pipeline modules themselves, so that
(a) the spaCy pipeline is loaded once per process even when ``eval all`` runs eight sets, (b) a
module that does not exist yet fails as an ImportError the runner reports as "not available",
and (c) swapping one stage for another (say, spaCy DATE/TIME spans instead of the rule-based
time finder) is a one-line change here, not an edit to an adapter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any, NamedTuple


class TimexGuess(NamedTuple):
    """A time expression found by the system: half-open char span plus TIMEX3 type/value."""

    start: int
    end: int
    type: str | None
    value: str | None


@lru_cache(maxsize=1)
def processor() -> Any:
    """The lead's pipeline (loads spaCy once); ImportError until eventwire.pipeline exists."""
    from eventwire.pipeline import Processor

    return Processor()


def process_texts(items: Iterable[tuple[str, str | None]]) -> Iterator[Any]:
    """One DocumentResult (or None when the pipeline rejected it) per (text, published) pair.

    Each text gets its own ``origin`` so results stay aligned with items even when the pipeline
    drops a rejected document or two items share the same text.
    """
    from eventwire.records import Article

    proc = processor()
    pairs = list(items)
    arts = [
        Article(article_id=f"eval-{i}", text=t, published=p, origin=f"eval:{i}")
        for i, (t, p) in enumerate(pairs)
    ]
    found: dict[str, Any] = {}
    for res in proc.process_articles(arts):
        article = getattr(res, "article", None)
        origin = str(getattr(article, "origin", None) or getattr(res, "origin", ""))
        found[origin] = res if hasattr(res, "events") else None
    for art in arts:
        yield found.get(art.origin)


def locate(text: str, start: int, end: int, *, published: str | None = None) -> Any:
    """The event's Place for the verb at text[start:end], or None ("no location stated")."""
    return processor().locate(text, start, end, published=published)


def resolve_phrase(text: str, *, date: str | None = None, context: str | None = None) -> Any:
    """An actor phrase resolved on a date, with the sentence it came from as context."""
    from eventwire.resolve.actors import resolve_phrase as _resolve

    return _resolve(text, date=date, context=context)


def extract_html(html: str | bytes, *, url: str | None = None) -> Any:
    from eventwire.ingest.extract import extract_html as _extract

    return _extract(html, url=url)


def extract_pubdate(html: str | bytes, *, url: str | None = None) -> tuple[str | None, str | None]:
    from eventwire.ingest.extract import extract_pubdate as _pubdate

    return _pubdate(html, url=url)


def rule_time_finder(text: str, anchor: dt.date | None) -> list[TimexGuess]:
    """Time expressions from eventwire.resolve.times (rules, no spaCy), with TimeML extents:
    each end of a range is its own TIMEX3, as in the gold sets."""
    from eventwire.resolve.times import find_timexes

    out = []
    for start, end, res in find_timexes(text, anchor):
        out.append(TimexGuess(start, end, getattr(res, "type", None), getattr(res, "value", None)))
    return out


def pipeline_time_finder(text: str, anchor: dt.date | None) -> list[TimexGuess]:
    """Time expressions as the whole pipeline keeps them (rules plus spaCy DATE/TIME spans)."""
    doc = processor().process_text(text, published=anchor.isoformat() if anchor else None)
    return [
        TimexGuess(t.char_start, t.char_end, None, t.value)
        for t in doc.times
        if t.char_start is not None and t.char_end is not None
    ]


#: The span finder the tempeval3 adapter scores. Swap it (e.g. for one that takes spaCy DATE/TIME
#: entities and resolves each with find_times) by assigning another function of the same shape.
time_finder: Callable[[str, dt.date | None], list[TimexGuess]] = rule_time_finder


def find_times(text: str, anchor: dt.date | None) -> list[TimexGuess]:
    return time_finder(text, anchor)


def gazetteer() -> Any:
    from eventwire.resolve.gazetteer import get_gazetteer

    return get_gazetteer()


@lru_cache(maxsize=1)
def place_resolver() -> Any:
    from eventwire.resolve.places import PlaceResolver

    return PlaceResolver()
