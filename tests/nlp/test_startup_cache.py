"""The start-up cache of the KB entity ruler: keyed by the data, atomic, and invisible in the
results (a cached pipeline finds the same entities and events as one built the old way)."""

from __future__ import annotations

import json
import os

import pytest
import spacy

from eventwire import cache
from eventwire.kb import load_kb
from eventwire.kb.loader import DATA_DIR, load_kb_from
from eventwire.nlp.model import (
    MODEL_NAME,
    build_nlp,
    load_ruler_patterns,
    ruler_cache_path,
    ruler_patterns,
)

SENTENCES = [
    "Niger's army attacked rebels near Niamey on Monday, the government said.",
    "The United Nations Security Council condemned the coup in Burkina Faso.",
    "French President Emmanuel Macron met Nigerian officials in Abuja on 3 March 2021.",
    "Boko Haram fighters killed 12 villagers in Borno State, local police said.",
    "Turkey and Jordan signed a trade deal in Ankara; China may join later.",
]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(folder))
    return folder


def _org_file(folder, name: str) -> None:
    folder.mkdir(exist_ok=True)
    row = {
        "id": "zq",
        "name": name,
        "aliases": [],
        "country": "NER",
        "sector": "REB",
        "kind": "armed_group",
        "members": [],
        "from": None,
        "to": None,
    }
    (folder / "my-organizations.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")


def test_cache_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path / "a"))
    assert cache.cache_dir() == tmp_path / "a"
    monkeypatch.delenv("EVENTWIRE_CACHE_DIR")
    monkeypatch.delenv("EVENTWIRE_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert cache.cache_dir() == tmp_path / "x" / "eventwire"


def test_changed_data_misses_the_old_cache_and_rebuilds(tmp_path, cache_home):
    user = tmp_path / "kb"
    nlp = spacy.blank("en")
    _org_file(user, "Zaqqara Liberation Front")
    kb1 = load_kb_from([DATA_DIR, user])
    builds: list[int] = []
    first = load_ruler_patterns(nlp, kb1, on_build=lambda: builds.append(1))
    assert builds == [1] and ruler_cache_path(kb1).exists()
    # same data: read from the cache, no rebuild, same patterns
    assert load_ruler_patterns(nlp, kb1, on_build=lambda: builds.append(2)) == first
    assert builds == [1]

    _org_file(user, "Zaqqara Freedom Army")  # the data changes: a new key, a rebuild
    kb2 = load_kb_from([DATA_DIR, user])
    assert ruler_cache_path(kb2) != ruler_cache_path(kb1)
    second = load_ruler_patterns(nlp, kb2, on_build=lambda: builds.append(3))
    assert builds == [1, 3]
    texts = {text for _, text, _ in second}
    assert "Zaqqara Freedom Army" in texts and "Zaqqara Liberation Front" not in texts


def test_a_stale_file_under_the_current_key_is_not_trusted(tmp_path, cache_home):
    kb = load_kb_from([DATA_DIR])
    nlp = spacy.blank("en")
    path = ruler_cache_path(kb)
    cache.write_marshal(path, {"key": "ruler-0000000000000000.marshal", "patterns": []})
    builds: list[int] = []
    entries = load_ruler_patterns(nlp, kb, on_build=lambda: builds.append(1))
    assert builds == [1] and len(entries) > 1000
    path.write_bytes(b"not marshal data")  # a damaged file: rebuilt, not an error
    assert load_ruler_patterns(nlp, kb, on_build=lambda: builds.append(2)) == entries
    assert builds == [1, 2]


def test_unwritable_cache_dir_still_builds(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(blocker / "sub"))  # a folder under a file
    kb = load_kb_from([DATA_DIR])
    entries = load_ruler_patterns(spacy.blank("en"), kb)
    assert len(entries) > 1000
    assert not cache.write_atomic(blocker / "sub" / "x.marshal", b"1")


def test_atomic_write_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "c" / "thing-123.marshal"
    assert cache.write_marshal(target, {"a": [1, 2]})
    assert cache.read_marshal(target) == {"a": [1, 2]}
    assert os.listdir(target.parent) == ["thing-123.marshal"]


def _stock_nlp():
    """The pipeline as it was built before the cache: spaCy's own ruler and add_patterns."""
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("eventwire_paragraphs", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"validate": False})
    ruler.add_patterns(ruler_patterns(load_kb()))  # type: ignore[attr-defined]
    return nlp


@pytest.fixture(scope="module")
def stock_nlp():
    return _stock_nlp()


def test_cached_pipeline_finds_the_same_entities_as_a_fresh_one(tmp_path, monkeypatch, stock_nlp):
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path))
    build_nlp()  # writes the cache
    assert list(tmp_path.glob("ruler-*.marshal"))
    cached = build_nlp()  # reads it
    ruler = cached.get_pipe("entity_ruler")
    stock = stock_nlp.get_pipe("entity_ruler")
    assert len(ruler) == len(stock) and ruler.labels == tuple(sorted(stock.labels))
    assert sorted(ruler.patterns, key=str) == sorted(stock.patterns, key=str)
    for text in SENTENCES:
        got = [(e.start_char, e.end_char, e.label_) for e in cached(text).ents]
        want = [(e.start_char, e.end_char, e.label_) for e in stock_nlp(text).ents]
        assert got == want, text
    assert any(e.label_ == "GPE" and e.text == "Niamey" for e in cached(SENTENCES[0]).ents)


def test_cached_pipeline_codes_the_same_events(processor, stock_nlp):
    from eventwire.pipeline import Processor

    fresh = Processor()
    fresh.nlp = stock_nlp
    for text in SENTENCES:
        a = processor.process_text(text, published="2021-03-04")
        b = fresh.process_text(text, published="2021-03-04")
        assert a.events == b.events and a.mentions == b.mentions, text
    assert processor.process_text(SENTENCES[0]).events
