"""The English lexicon: every word class the rules use, validated on load."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eventwire.errors import KBError
from eventwire.kb.lexicon import LANG_DIR, load_lexicon, parse


def test_the_english_lexicon_loads_with_its_classes() -> None:
    lex = load_lexicon("en")
    assert "storm" in lex.words("natural_causes")
    assert "probably" in lex.words("hedges")
    assert all(lex.about[name] for name in lex.classes)


def test_every_class_is_used_by_the_code() -> None:
    src = "\n".join(
        p.read_text(encoding="utf-8")
        for p in (LANG_DIR.parent).rglob("*.py")
        if "lang" not in p.parts
    )
    unused = [name for name in load_lexicon("en").classes if f'"{name}"' not in src]
    assert not unused, f"classes no rule asks for: {unused}"


def test_a_missing_class_or_language_is_an_error_naming_the_file() -> None:
    with pytest.raises(KBError, match="no word class 'nonsense'"):
        load_lexicon("en").words("nonsense")
    with pytest.raises(KBError, match="no lexicon for language 'xx'"):
        load_lexicon("xx")


@pytest.mark.parametrize(
    "text, message",
    [
        ("[]", "mapping of word classes"),
        ("Hedges: {about: x, words: [maybe]}", "lower-case identifier"),
        ("hedges: {words: [maybe]}", "about"),
        ("hedges: {about: x, words: maybe}", "list of 'words'"),
        ("hedges: {about: x, words: [Maybe]}", "lower-case strings"),
        ("hedges: {about: x, words: [maybe, maybe]}", "repeated words"),
    ],
)
def test_bad_lexicon_files_are_rejected(text: str, message: str) -> None:
    with pytest.raises(KBError, match=message):
        parse(yaml.safe_load(text), Path("lexicon.yaml"), "en")


def test_pairs_are_two_words() -> None:
    lex = parse({"holds": {"about": "x", "words": ["hold off", "stop"]}}, Path("l.yaml"), "en")
    with pytest.raises(KBError, match="not two words"):
        lex.pairs("holds")
