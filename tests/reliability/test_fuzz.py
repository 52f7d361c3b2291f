"""Property tests (hypothesis) over the stages that meet untrusted text: ingest, the coder
through the real pipeline, and the time and place resolvers.

Example counts are bounded and fixed (``derandomize``: the same examples every run, so the
suite is repeatable and a failure reproduces); the whole file runs in well under a minute.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.ingest.sources import iter_documents
from eventwire.records import Article, Reject
from eventwire.safetext import bad_char

FAST = settings(
    max_examples=60,
    deadline=2_000,  # ms per example: a hang fails the test instead of stalling the suite
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# -- ingest ----------------------------------------------------------------------------------

HTMLISH = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<script>",
            "<!--",
            "-->",
            "<![CDATA[",
            "&amp;",
            "&#0;",
            "&#xD800;",
            "<meta charset='utf-16'>",
            "<html lang='fr'>",
            "\x00",
            "\ufeff",
            "<title>",
            "</title>",
            "<article>",
            "Niger expelled the ambassador of Mali. ",
            '<script type="application/ld+json">{"@graph": [',
            "]}</script>",
            "http://x.y/",
        ]
    )
    | st.text(max_size=20),
    max_size=40,
).map("".join)


def _items(data: bytes, suffix: str) -> list[Article | Reject]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"doc{suffix}"
        path.write_bytes(data)
        items = list(iter_documents([path]))
        for item in items:
            assert isinstance(item, Article | Reject)
            assert item.origin.startswith(str(path))
            if isinstance(item, Reject):
                assert "internal error" not in item.reason, item.reason  # an unexpected crash
            else:
                assert item.text.strip() and bad_char(item.text) is None
                for value in (item.title, item.url, item.source):
                    assert value is None or bad_char(value) is None
        return items


@FAST
@given(
    data=st.binary(max_size=2_000) | st.text(max_size=500).map(str.encode),
    suffix=st.sampled_from([".txt", ".md", ".html"]),
)
def test_ingest_of_any_bytes_as_a_document_is_one_article_or_one_reject(data, suffix):
    assert len(_items(data, suffix)) == 1


@FAST
@given(page=HTMLISH, encoding=st.sampled_from(["utf-8", "utf-16", "latin-1"]))
def test_ingest_of_html_like_soup_is_one_article_or_one_reject(page, encoding):
    assert len(_items(page.encode(encoding, "replace"), ".html")) == 1


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=60),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "text": st.text(max_size=300) | JSON_VALUES,
        "html": HTMLISH | JSON_VALUES,
        "title": st.text(max_size=40) | JSON_VALUES,
        "published": st.text(max_size=30) | st.sampled_from(["2024-02-30", "1999-12-31T25:00"]),
        "url": st.text(max_size=30),
    },
)


@FAST
@given(lines=st.lists(RECORDS.map(json.dumps).map(str.encode) | st.binary(max_size=80), max_size=8))
def test_ingest_of_any_jsonl_is_one_item_per_non_blank_line(lines):
    data = b"\n".join(lines)
    wanted = sum(1 for line in data.split(b"\n") if line.strip()) or 1  # or "empty file"
    assert len(_items(data, ".jsonl")) == wanted


# -- the coder, through the real pipeline ------------------------------------------------------


@cache
def _processor():
    from eventwire.pipeline import Processor

    return Processor()


ACTORS = [
    "Niger",
    "Mali",
    "the government of Chad",
    "Russian troops",
    "rebels",
    "police",
    "President Biden",
    "the United Nations",
    "Hamas",
    "Israel's army",
    "protesters",
    "the European Union",
    "he",
    "they",
    "Kenya's foreign minister",
]
ACTS = [
    "attacked",
    "expelled the ambassador of",
    "met",
    "accused",
    "signed a deal with",
    "threatened to sanction",
    "did not attack",
    "may visit",
    "killed 12 civilians in",
    "demanded that",
    "praised",
    "shelled",
    "arrested",
    "said it would help",
]
WORDS = [
    "on Monday",
    "in Bamako",
    "last week",
    "near the border",
    ",",
    "and",
    "'",
    '"',
    "—",
    "(",
    ")",
    "said",
    "officials said on Tuesday",
    "NIAMEY —",
    "\n\n",
    "U.S.",
    "of",
    "2019",
]
SENTENCES = st.lists(
    st.sampled_from(ACTORS)
    | st.sampled_from(ACTS)
    | st.sampled_from(WORDS)
    | st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=12),
    min_size=1,
    max_size=30,
).map(lambda ws: " ".join(ws).strip() + ".")


@settings(FAST, max_examples=80, deadline=10_000)
@given(text=SENTENCES, published=st.sampled_from([None, "2020-02-29", "1999-01-01"]))
def test_the_coder_on_random_sentences_never_fails_and_its_offsets_point_at_their_text(
    text, published
):
    proc = _processor()
    article = Article(article_id="x", text=text, published=published, origin="fuzz")
    (res,) = list(proc.process_articles([article]))
    assert not isinstance(res, Reject), res.reason
    for s in res.sentences:
        assert text[s.start : s.end] == s.text
    for ev in res.events:
        assert text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
        assert text[ev.evidence_start : ev.evidence_start + len(ev.evidence)] == ev.evidence
        assert ev.evidence_start <= ev.trigger.start < ev.evidence_start + len(ev.evidence)
        for actor in (*ev.source, *ev.target):
            assert text[actor.start : actor.end] == actor.text, actor
        for span in (ev.date, ev.place):
            start = getattr(span, "char_start", None)
            if span is not None and start is not None:
                assert text[start : span.char_end] == span.text, span
    for q in res.quotes:
        assert text[q.start : q.end] == q.text


# -- the time and place resolvers --------------------------------------------------------------

TIMEISH = st.lists(
    st.sampled_from(
        [
            "Monday",
            "last",
            "next",
            "week",
            "March",
            "2019",
            "29",
            "February",
            "late",
            "early",
            "night",
            "the",
            "ago",
            "3",
            "years",
            "-",
            "/",
            "Q4",
            "2024-02-30",
            "since",
            "until",
            "mid",
            "1st",
            "of",
            "Thursday's",
            "a.m.",
            "noon",
            "9999",
        ]
    )
    | st.text(max_size=8),
    max_size=25,
).map(" ".join)
ANCHORS = st.none() | st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@settings(FAST, max_examples=150)
@given(text=TIMEISH, anchor=ANCHORS)
def test_time_resolver_never_fails_nor_hangs(text, anchor):
    from eventwire.resolve.times import find_times, resolve_time

    for start, end, _ in find_times(text, anchor):
        assert 0 <= start < end <= len(text)
    resolve_time(text, anchor)
    resolve_time(text, anchor, future=True)


@cache
def _places():
    from eventwire.resolve.places import PlaceResolver

    return PlaceResolver()


@settings(FAST, max_examples=150)
@given(
    name=st.text(max_size=40)
    | st.sampled_from(
        [
            "Paris",
            "Georgia",
            "Kyiv",
            "Washington D.C.",
            "the West Bank",
            "Idlib province",
            "São Paulo",
        ]
    ),
    countries=st.lists(st.sampled_from(["FRA", "USA", "GEO", "SYR", "XXX", ""]), max_size=3),
)
def test_place_resolver_never_fails_nor_hangs(name, countries):
    place = _places().resolve(name, countries=countries, char_start=0, char_end=len(name))
    assert place is None or isinstance(place.name, str)
