"""Named word classes of one language, loaded from ``lang/<code>/lexicon.yaml`` and validated.

The coder's passes and the modality reader ask for a class by name ("hedges", "attack_nouns")
instead of holding their own word lists, so that every English word the rules depend on is in
one file, and a second language is a second folder (``lang/fr/lexicon.yaml``) with the same
class names. A class is ``name: {about: why the words belong together, words: [...]}``; words are
lower-case lemmas or word forms. A missing class, an empty or duplicated word, a word that is not
lower case, or a class asked for that the file lacks is a :class:`KBError` naming the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from eventwire.errors import KBError
from eventwire.yamltext import safe_load

LANG_DIR = Path(__file__).resolve().parents[1] / "lang"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word classes of one language."""

    language: str
    path: Path
    classes: dict[str, frozenset[str]]
    about: dict[str, str]

    def words(self, name: str) -> frozenset[str]:
        """The words of class ``name``; KBError when the lexicon has no such class."""
        try:
            return self.classes[name]
        except KeyError:
            raise KBError(f"{self.path}: no word class {name!r}") from None

    def pairs(self, name: str) -> frozenset[tuple[str, str]]:
        """A class of two-word entries ("hold off") as (first, second) pairs."""
        out = set()
        for entry in self.words(name):
            parts = entry.split()
            if len(parts) != 2:
                raise KBError(f"{self.path}: {name}: {entry!r} is not two words")
            out.add((parts[0], parts[1]))
        return frozenset(out)


def parse(data: object, path: Path, language: str) -> Lexicon:
    """A Lexicon from the YAML document ``data`` read from ``path``."""
    if not isinstance(data, dict) or not data:
        raise KBError(f"{path}: expected a mapping of word classes")
    classes: dict[str, frozenset[str]] = {}
    about: dict[str, str] = {}
    for name, entry in data.items():
        where = f"{path}: {name}"
        if not isinstance(name, str) or not name.isidentifier() or name != name.lower():
            raise KBError(f"{path}: class name {name!r} must be a lower-case identifier")
        if not isinstance(entry, dict) or not isinstance(entry.get("words"), list):
            raise KBError(f"{where}: needs 'about' and a list of 'words'")
        if not str(entry.get("about") or "").strip():
            raise KBError(f"{where}: says nothing 'about' why the words belong together")
        words = [w for w in entry["words"]]
        bad = [w for w in words if not isinstance(w, str) or not w.strip() or w != w.lower()]
        if bad:
            raise KBError(f"{where}: words must be non-empty lower-case strings, not {bad[:3]}")
        dupes = sorted({w for w in words if words.count(w) > 1})
        if dupes:
            raise KBError(f"{where}: repeated words {dupes[:5]}")
        classes[name] = frozenset(words)
        about[name] = str(entry["about"]).strip()
    return Lexicon(language, path, classes, about)


@lru_cache(maxsize=4)
def load_lexicon(language: str = "en") -> Lexicon:
    """The packaged lexicon of ``language`` (``lang/<language>/lexicon.yaml``)."""
    path = LANG_DIR / language / "lexicon.yaml"
    if not path.is_file():
        raise KBError(f"no lexicon for language {language!r}: {path} is missing")
    try:
        data = safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KBError(f"{path}: not valid YAML ({exc})") from None
    return parse(data, path, language)


def words(name: str, language: str = "en") -> frozenset[str]:
    """Shorthand for ``load_lexicon(language).words(name)``."""
    return load_lexicon(language).words(name)


def dump(classes: Iterable[tuple[str, str, Iterable[str]]]) -> str:
    """YAML text for (name, about, words) triples, words sorted: how the file is written."""
    out = []
    for name, about, ws in classes:
        out.append(f"{name}:\n  about: {json.dumps(about, ensure_ascii=False)}\n")
        items = ", ".join(json.dumps(w, ensure_ascii=False) for w in sorted(set(ws)))
        out.append(f"  words: [{items}]\n")
    return "".join(out)
