"""Deep structures (dependency chains, nested JSON-LD): walks are iterative, so nothing
overflows the stack."""

from __future__ import annotations

import pytest

from eventwire.ingest.sources import iter_documents
from eventwire.records import Article, DocumentResult, ParsedSentence, Sentence, Token
from eventwire.syntax import SentenceView

LONG = "Officials said " + "U.S. " * 1000 + "troops attacked rebels."


def test_a_thousand_stacked_modifiers_are_coded_not_rejected(processor):
    res = processor.process_text(LONG, published="2024-03-17")
    assert isinstance(res, DocumentResult), res
    assert res.events


def _chain(n: int, dep: str, pos: str = "PROPN") -> ParsedSentence:
    """Token k's head is token k+1; the last token is the root."""
    tokens = tuple(
        Token(
            i=k, text="U.S.", idx=5 * k, lemma="U.S.", pos=pos, tag="NNP", dep=dep,
            head=min(k + 1, n - 1), ent="GPE", ent_iob="B" if k % 2 == 0 else "I",
        )
        for k in range(n)
    )  # fmt: skip
    text = " ".join(t.text for t in tokens)
    return ParsedSentence(
        sentence=Sentence(article_id="a", index=0, paragraph=0, start=0, end=len(text), text=text),
        tokens=tokens,
    )


def test_walks_over_a_10000_token_chain():
    view = SentenceView(_chain(10_000, "compound"))
    root = view.tokens[-1]
    assert len(view.subtree(root)) == 10_000
    assert len(view.noun_phrase(root)) == 10_000
    conj = SentenceView(_chain(10_000, "conj"))
    assert [t.i for t in conj.conjuncts(conj.tokens[-1])] == list(range(9_999, -1, -1))


@pytest.mark.parametrize(
    "block",
    [
        "[" * 100_000 + "]" * 100_000,  # too deep for json.loads
        '{"@graph": ' * 990
        + '{"@type": "NewsArticle", "datePublished": "2024-03-17"}'
        + "}" * 990,  # parsed, then walked
    ],
)
def test_deeply_nested_json_ld_does_not_sink_the_page(tmp_path, block):
    words = " ".join(["word"] * 40)
    page = tmp_path / "p.html"
    page.write_text(
        f'<html><head><script type="application/ld+json">{block}</script></head>'
        f"<body><article><p>{words}</p><p>{words}</p></article></body></html>",
        encoding="utf-8",
    )
    (article,) = iter_documents([page])
    assert isinstance(article, Article), article
