"""Article ids ignore cosmetic differences; near-copies of a story are found, others are not."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from eventwire.ingest.dedup import SCHEME, NearDuplicateIndex, article_id, lsh_shape

# Signatures and LSH shapes computed once by datasketch 2.0.0 (MinHash with its default scheme
# and seed, MinHashLSH's parameter search with equal weights), which the stores written before
# our own MinHash hold: ours must give the same values, or stored near duplicates go unseen.
DATASKETCH = json.loads(
    (Path(__file__).parents[1] / "data" / "minhash_datasketch.json").read_text("utf-8")
)

VOCABULARY = (
    "minister government talks ceasefire border troops rebels parliament election protest "
    "police capital city army general president spokesman agreement sanctions aid refugees "
    "village province court judge opposition party leader vote coalition budget embassy "
    "delegation summit treaty negotiations officials residents attack convoy airport port "
    "market prices fuel shortage strike workers union students university hospital doctors"
).split()


def story(seed: int, sentences: int = 40) -> list[str]:
    """A deterministic article of about 600 distinct-looking words."""
    rng = random.Random(seed)
    return [
        " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(12, 18))).capitalize() + "."
        for _ in range(sentences)
    ]


def test_article_id_ignores_whitespace_case_quotes_and_dashes() -> None:
    plain = 'The minister said "we will talk" - and left.\n\nTalks resume Monday.'
    styled = (
        "  The Minister said \u201cwe will talk\u201d \u2014 and left.\r\n  Talks resume\tMonday. "
    )
    assert article_id(plain) == article_id(styled)


def test_article_id_applies_nfkc() -> None:
    assert article_id("\ufb01nal talks\u00a0today") == article_id("final talks today")


def test_article_id_differs_for_different_text_and_is_16_hex_digits() -> None:
    first, second = article_id("Talks resume Monday."), article_id("Talks resume Tuesday.")
    assert first != second
    assert len(first) == 16 and int(first, 16) >= 0


def test_copy_with_one_sentence_changed_is_a_near_duplicate() -> None:
    original = story(1)
    edited = list(original)
    edited[17] = "A spokesman for the delegation declined to comment on the reported agreement."
    index = NearDuplicateIndex()
    assert index.add("orig", " ".join(original)) is None
    assert index.add("edit", " ".join(edited)) == "orig"


def test_unrelated_story_is_not_a_near_duplicate() -> None:
    index = NearDuplicateIndex()
    assert index.add("one", " ".join(story(1))) is None
    assert index.add("two", " ".join(story(2))) is None
    assert len(index) == 2


def test_near_duplicates_are_not_indexed_themselves() -> None:
    original = story(3)
    index = NearDuplicateIndex()
    index.add("orig", " ".join(original))
    index.add("copy", " ".join(original[:-1]))
    assert "orig" in index and "copy" not in index


def test_re_adding_a_known_id_returns_it() -> None:
    index = NearDuplicateIndex()
    text = " ".join(story(4))
    assert index.add("same", text) is None
    assert index.add("same", text) == "same"


def test_text_without_words_is_neither_matched_nor_indexed() -> None:
    index = NearDuplicateIndex()
    assert index.add("blank", " ... ") is None
    assert index.add("blank2", " ... ") is None
    assert len(index) == 0


def test_short_texts_compare_as_a_whole() -> None:
    index = NearDuplicateIndex()
    assert index.add("a", "Talks resume Monday") is None
    assert index.add("b", "talks  resume   MONDAY") == "a"
    assert index.add("c", "Talks resume Tuesday") is None


def test_add_many_answers_as_adding_one_at_a_time() -> None:
    original = story(5)
    edited = list(original)
    edited[3] = "The talks were described by one delegate as long and difficult."
    items = [
        ("orig", " ".join(original)),
        ("edit", " ".join(edited)),  # finds the one added just before it in the same call
        ("other", " ".join(story(6))),
        ("orig", " ".join(original)),
        ("blank", " ... "),
    ]
    one_by_one = NearDuplicateIndex()
    expected = [one_by_one.add(a, t) for a, t in items]
    assert expected == [None, "orig", None, "orig", None]
    assert NearDuplicateIndex().add_many(items) == expected


def test_forget_needs_a_store() -> None:
    index = NearDuplicateIndex()
    index.add("one", " ".join(story(7)))
    with pytest.raises(ValueError, match="store"):
        index.forget(["one"])
    assert "one" in index


@pytest.mark.parametrize("case", DATASKETCH["signatures"], ids=lambda c: f"{c['num_perm']}")
def test_signatures_equal_the_stored_datasketch_ones(case: dict[str, Any]) -> None:
    index = NearDuplicateIndex(num_perm=case["num_perm"], shingle=case["shingle"])
    assert [int(v) for v in index._minhash(case["text"])] == case["values"]
    assert index.scheme == DATASKETCH["scheme"] == SCHEME


@pytest.mark.parametrize(
    "case", DATASKETCH["lsh_shapes"], ids=lambda c: f"{c['threshold']}-{c['num_perm']}"
)
def test_lsh_shape_is_datasketchs(case: dict[str, Any]) -> None:
    lsh_shape.cache_clear()
    if case["bands"] < 2:  # datasketch refuses a single band too
        with pytest.raises(ValueError, match="bands"):
            lsh_shape(case["threshold"], case["num_perm"])
    else:
        assert lsh_shape(case["threshold"], case["num_perm"]) == (case["bands"], case["rows"])
