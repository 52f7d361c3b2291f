"""Frozen records passed between stages.

Stages exchange these dataclasses, never spaCy objects or free-form dicts, so that the local
runner, a process pool and Spark all move the same picklable values, and tests can build them
without loading a model. Character offsets are always into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar, dataclass_transform

_T = TypeVar("_T")


@dataclass_transform(frozen_default=True, kw_only_default=True)
def record(cls: type[_T]) -> type[_T]:
    """Frozen, slotted, keyword-only dataclass: the shape of every record."""
    return dataclass(frozen=True, slots=True, kw_only=True)(cls)


#: ``Actor.kb_id`` of an actor whose country came from the document context, not its words.
CONTEXT_KB_ID = "context"
#: How an actor that is a country named as such is keyed (``country:IRN``), as against its
#: officials or bodies.
COUNTRY_KB_PREFIX = "country:"
#: Modalities of a claim of fact (what happened, is planned, or one side says happened): these
#: are counted; negated and hypothetical events are not (a tuple, so it reads as SQL too).
COUNTED_MODALITIES = ("asserted", "planned", "claimed")
UNCOUNTED_MODALITIES = ("negated", "hypothetical")
#: ``TimeSpan.flags`` of a date the text does not state, given by the article's publication
#: day (the week before it): queries, exports and the merge of reports treat it as no date.
PUBLICATION_FLAG = "publication"


@record
class Article:
    """One ingested document: cleaned body text plus metadata."""

    article_id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    #: ISO 8601 date or datetime (keeps time and offset when the input had them).
    published: str | None = None
    #: Where the publication date came from: "meta", "jsonld", "url", "front-matter", "cli", ...
    published_source: str | None = None
    #: Where the document came from: a path, "path:line" for JSONL, or "-" for stdin.
    origin: str = ""
    fmt: str = "text"
    language: str = "en"


@record
class Reject:
    """An input that could not be processed, and why. Stored, counted, never silently dropped."""

    origin: str
    stage: str
    reason: str


@record
class Span:
    """A piece of the article text: a trigger, a quote, a mention."""

    text: str
    start: int
    end: int


@record
class Sentence:
    article_id: str
    index: int
    paragraph: int
    start: int
    end: int
    text: str


@record
class Token:
    """One token of a parsed sentence: what the coder needs from spaCy, as plain values."""

    i: int  # index within the sentence
    text: str
    idx: int  # character offset in the article text
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index within the sentence; the root points to itself
    ent: str = ""  # entity label ("" outside entities)
    ent_iob: str = "O"
    ws: str = ""


@record
class ParsedSentence:
    """A sentence with its tokens and entity spans: the coder's whole input."""

    sentence: Sentence
    tokens: tuple[Token, ...]
    mentions: tuple[Mention, ...] = ()


@record
class Mention:
    """An entity mention found by the NLP stage (spaCy NER or the gazetteer ruler)."""

    text: str
    start: int
    end: int
    label: str
    sentence: int = 0


@record
class Actor:
    """Who: a mention resolved to a country (ISO 3166 alpha-3 or an IGO code) and a sector."""

    text: str
    start: int
    end: int
    country: str | None = None
    sector: str | None = None
    #: Canonical name of a known person or organisation, when the mention is one.
    name: str | None = None
    kb_id: str | None = None
    confidence: float = 0.5


@record
class Place:
    """Where: a toponym resolved to a gazetteer entry (or a country) with its precision."""

    text: str
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    #: "point", "city", "admin1", "country", "region".
    precision: str = "city"
    geonameid: int | None = None
    char_start: int | None = None
    char_end: int | None = None
    #: True when the place is a fallback the text does not state for this event (the
    #: article's focus country or its dateline), not a place named for it.
    inferred: bool = False


@record
class TimeSpan:
    """When: a time expression resolved to an inclusive interval of days with a precision.

    ``start``/``end`` are ISO dates; they stay ``None`` when the expression is relative and no
    anchor (publication date) is known, in which case ``flags`` contains ``"unanchored"``.
    """

    text: str
    start: str | None = None
    end: str | None = None
    #: "day", "week", "part-of-month", "month", "quarter", "season", "year", "decade", ...
    precision: str | None = None
    #: TIMEX3-style value, e.g. "2024-04-10", "2024-03", "P2W", "XXXX-SU".
    value: str | None = None
    char_start: int | None = None
    char_end: int | None = None
    flags: tuple[str, ...] = ()


@record
class Cameo:
    code: str
    root: str
    quad_class: int
    goldstein: float
    name: str = ""


@record
class Plover:
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()


@record
class Acled:
    """ACLED's event and sub-event type, for conflict events."""

    event_type: str
    sub_event_type: str


@record
class Event:
    """Who did what to whom, when and where, with the evidence that says so."""

    event_id: str
    article_id: str
    sentence: int
    evidence: str
    evidence_start: int
    trigger: Span
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    cameo: Cameo
    plover: Plover
    #: "asserted", "planned", "claimed" (one side's word), "negated", "hypothetical".
    modality: str = "asserted"
    date: TimeSpan | None = None
    place: Place | None = None
    #: the coder's confidence: a ranking score, not a probability
    confidence: float = 0.5
    pattern: str = ""
    coder_version: str = ""
    acled: Acled | None = None
    #: the calibrated probability that the event is right, type and actors (code/scoring.py)
    probability: float | None = None
    #: False for a candidate below the counting threshold: stored with its evidence, left out
    #: of default queries, counts and exports (shown with --all)
    counted: bool = True


@record
class Quote:
    quote_id: str
    article_id: str
    sentence: int
    text: str
    start: int
    end: int
    speaker: Actor | None = None
    cue: str | None = None


@record
class DocumentResult:
    """Everything the pipeline learnt from one article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeSpan, ...] = ()
    places: tuple[Place, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


def to_dict(rec: Any) -> Any:
    """Plain JSON-able form of a record (tuples become lists)."""
    return _jsonable(asdict(rec))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value
