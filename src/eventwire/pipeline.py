"""Compose the stages: ingest -> nlp -> resolve -> code, in batches, in one or many processes.

Each stage is a plain function over records; this module is the only one that imports several
stages. The spaCy model loads once per process. Documents stream through ``nlp.pipe`` in
batches, and with ``workers > 1`` a bounded number of batches is in flight at once, so memory
stays flat whatever the corpus size.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import islice

from eventwire.code.coder import Coder
from eventwire.code.discourse import attack_authors, claimed_authors
from eventwire.code.event_country import actors_country
from eventwire.code.eventplace import attached_place, refers_back, refers_to_event
from eventwire.code.quotes import find_quotes
from eventwire.code.reactions import reaction_targets
from eventwire.code.scoring import Calibration, load_calibration, score_events
from eventwire.heap import no_collection
from eventwire.ingest.dedup import article_id as content_id
from eventwire.kb import load_kb
from eventwire.nlp.convert import doc_to_sentences
from eventwire.nlp.model import get_nlp
from eventwire.records import (
    PUBLICATION_FLAG,
    Actor,
    Article,
    DocumentResult,
    Event,
    ParsedSentence,
    Place,
    Quote,
    Reject,
    TimeSpan,
    Token,
)
from eventwire.resolve.actors import (
    ActorContext,
    ActorResolver,
    build_context,
    words_of_tokens,
)
from eventwire.resolve.localities import hierarchy_after, resolve_within
from eventwire.resolve.places import PlaceResolver, find_toponyms
from eventwire.resolve.times import find_times, resolve_time, to_timespan
from eventwire.settings import Settings, current, install
from eventwire.syntax import SentenceView
from eventwire.watchdog import DocumentTimeout, time_limit

# worker processes live in eventwire.workers (importable without spaCy, for the main process)
from eventwire.workers import WorkerPool as WorkerPool
from eventwire.workers import process_parallel as process_parallel

log = logging.getLogger(__name__)

#: Seconds the coding of one document may take (after its parse) before it becomes a reject.
DOC_TIME_LIMIT = 60.0

#: Texts longer than this are parsed in paragraph-aligned chunks (spaCy's memory grows with length).
CHUNK_CHARS = 100_000


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split a long text at paragraph breaks into (offset, chunk) pieces of at most ``limit``."""
    if len(text) <= limit:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + limit // 2, end)
            end = cut + 1 if cut > 0 else end
        out.append((start, text[start:end]))
        start = end
    return out


def batches(articles: Iterable[Article], size: int, chars: int = 0) -> Iterator[list[Article]]:
    """Consecutive batches of at most ``size`` articles and, beyond a batch's first article,
    at most ``chars`` characters of text (0: no limit), in input order.

    A worker's memory while it parses and analyses a batch grows with the batch's characters
    (about 3.3 MB a thousand on Reuters stories): bounded by documents alone, one batch of
    long stories was the peak of a whole run."""
    if not chars:
        it = iter(articles)
        while chunk := list(islice(it, size)):
            yield chunk
        return
    batch: list[Article] = []
    held = 0
    for art in articles:
        if batch and (len(batch) >= size or held + len(art.text) > chars):
            yield batch
            batch, held = [], 0
        batch.append(art)
        held += len(art.text)
    if batch:
        yield batch


@dataclass(frozen=True, slots=True)
class ArticleActors:
    """What the coder calls to turn tokens into actors, with what the article taught (its
    ``ActorContext``): one phrase to one actor, and a pair phrase ("the two sides") to the two
    states the text named before."""

    ctx: ActorContext
    text: str

    def __call__(
        self,
        toks: list[Token],
        head: Token,
        exclude: frozenset[str] = frozenset(),
        not_people: frozenset[int | str] = frozenset(),
    ) -> Actor | None:
        toks = [t for t in toks if t.pos not in {"PUNCT", "SPACE"}]
        if not toks:
            return None
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        # the noun phrase leaves its article out; "the militants" points back, "militants" not
        before = self.text[max(start - 12, 0) : start].split()
        return self.ctx.resolve(
            words_of_tokens(toks),
            text=self.text[start:end],
            start=start,
            end=end,
            head=head.text,
            entity=head.ent or None,
            exclude=exclude,
            determiner=before[-1].lower() if before else None,
            not_people=not_people,
        )

    def pair(self, toks: list[Token]) -> list[Actor]:
        """ "the two sides", "both countries": the pair the text named just before."""
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        return self.ctx.pair(self.text[start:end], start, end)


class Processor:
    """Turns articles into :class:`DocumentResult` records. One per process; reuse it."""

    def __init__(
        self,
        batch_size: int | None = None,
        time_limit: float | None = -1.0,
        *,
        settings: Settings | None = None,
    ) -> None:
        """``settings`` (default: this process's, :func:`eventwire.settings.current`) choose the
        model, the KB folders, the caches and the batch size; given, they become this
        process's, so the stages that read no parameter (the KB loader, the gazetteer) agree.
        An explicit ``batch_size`` or ``time_limit`` (seconds, None: no limit) wins over the
        settings' (``-1``: the settings')."""
        if settings is not None:
            install(settings)
        self.settings = settings if settings is not None else current()
        with no_collection():
            self.kb = load_kb()
            self.nlp = get_nlp(self.settings.model)
            self.coder = Coder(self.kb)
            self.places = PlaceResolver()
        self.batch_size = batch_size if batch_size is not None else self.settings.batch_size
        #: characters a batch holds beyond its first document (0: no limit)
        self.batch_chars = self.settings.batch_chars
        #: the scoring pass's table: raw confidence -> probability, and the counting threshold
        self.calibration: Calibration = load_calibration()
        #: seconds one document's coding may take before it becomes a reject (None: no limit)
        self.time_limit = self.settings.time_limit if time_limit == -1.0 else time_limit

    # -- public entry points ------------------------------------------------------------
    def process_text(
        self, text: str, *, published: str | None = None, title: str | None = None
    ) -> DocumentResult:
        """Code one text (no ingest step, no database)."""
        article = Article(
            article_id=content_id(text), text=text, title=title, published=published, origin="-"
        )
        return next(iter(self.process_articles([article])))  # type: ignore[return-value]

    def process_texts(
        self, items: Iterable[tuple[str, str | None]]
    ) -> Iterator[DocumentResult | Reject]:
        """Code (text, published) pairs; one result per item, in order (a Reject on failure)."""
        arts = (
            Article(article_id=content_id(t), text=t, published=p, origin=f"-:{n}")
            for n, (t, p) in enumerate(items, 1)
        )
        yield from self.process_articles(arts)

    def process_articles(self, articles: Iterable[Article]) -> Iterator[DocumentResult | Reject]:
        """Parse in batches through ``nlp.pipe`` (at most ``batch_size`` documents and, beyond
        the first, ``batch_chars`` characters); a failing document becomes a Reject."""
        for batch in batches(articles, self.batch_size, self.batch_chars):
            pieces = [(n, off, chunk) for n, a in enumerate(batch) for off, chunk in chunks(a.text)]
            docs = self.nlp.pipe([c for _, _, c in pieces], batch_size=self.batch_size)
            parsed: list[list[ParsedSentence]] = [[] for _ in batch]
            for (n, off, _), doc in zip(pieces, docs, strict=True):
                sents = parsed[n]
                first = sents[-1].sentence.index + 1 if sents else 0
                sents.extend(
                    doc_to_sentences(doc, batch[n].article_id, offset=off, first_index=first)
                )
            for art, sents in zip(batch, parsed, strict=True):
                try:
                    with time_limit(self.time_limit):
                        result = self.analyse(art, sents)
                    yield result
                except DocumentTimeout as exc:  # a pathological text never stalls the run
                    log.warning("coding %s: %s", art.origin, exc)
                    yield Reject(origin=art.origin, stage="code", reason=str(exc))
                except Exception as exc:  # one bad document never stops the batch
                    log.exception("coding failed for %s", art.origin)
                    yield Reject(
                        origin=art.origin, stage="code", reason=f"{type(exc).__name__}: {exc}"
                    )

    def locate(
        self, text: str, trigger_start: int, trigger_end: int, *, published: str | None = None
    ) -> Place | None:
        """The place of the event whose trigger is at ``trigger_start:trigger_end``."""
        article = Article(article_id=content_id(text), text=text, published=published)
        sents = doc_to_sentences(self.nlp(text), article.article_id)
        ctx = self._context(article, sents)
        for ps in sents:
            if not ps.sentence.start <= trigger_start < ps.sentence.end:
                continue
            view = SentenceView(ps)
            tok = next((t for t in ps.tokens if t.idx <= trigger_start < t.idx + len(t.text)), None)
            if tok is None:
                return None
            triggers = {t.i for t in ps.tokens if self.coder.match(view, t)} | {tok.i}
            fallback = self._fallback(article.text, ctx, [])
            place_fn = self._place_fn(ctx, article.text)
            return attached_place(view, tok, triggers, place_fn, fallback=fallback)
        return None

    def fallback_place(self, text: str, *, published: str | None = None) -> Place | None:
        """Where an event of ``text`` with no place of its own is put: the dateline, else the
        focus country's point (``inferred``)."""
        article = Article(article_id=content_id(text), text=text, published=published)
        sents = doc_to_sentences(self.nlp(text), article.article_id)
        ctx = self._context(article, sents)
        places = find_toponyms(sents, self.places, countries=_top_countries(ctx))
        return self._fallback(text, ctx, places)

    # -- one document -----------------------------------------------------------------------
    def _context(self, article: Article, sents: list[ParsedSentence]) -> ActorContext:
        """Pre-pass over the document: the countries it is about and the roles it teaches."""
        return build_context(sents, ActorResolver(self.kb, _day(article.published)))

    def _actor_fn(self, ctx: ActorContext, text: str) -> ArticleActors:
        return ArticleActors(ctx, text)

    def _fallback(self, text: str, ctx: ActorContext, places: list[Place]) -> Place | None:
        """Where an event with no place of its own is put: the dateline ("NIAMEY — ..."),
        else the country the article is about; marked ``inferred`` either way, since the
        text does not state it for the event."""
        found = _dateline(text, places)
        if found is None and ctx.focus_country:
            try:
                found = self.places.country_place(ctx.focus_country)
            except KeyError:
                return None
        return replace(found, inferred=True) if found is not None else None

    def _place_fn(self, ctx: ActorContext, doc: str) -> Callable[[str, int, int], Place | None]:
        countries = _top_countries(ctx)

        def resolve(text: str, start: int, end: int) -> Place | None:
            # "the commune of Botou (Kantchari, Tapoa)": the hierarchy written after the name
            return resolve_within(
                self.places,
                text,
                within=hierarchy_after(doc, end),
                countries=countries,
                char_start=start,
                char_end=end,
            )

        return resolve

    def _times(self, article: Article, sents: list[ParsedSentence]) -> list[TimeSpan]:
        """Our grammar over the whole text (so "that year" sees the year named before it),
        plus spaCy DATE/TIME spans it did not cover."""
        anchor = _day(article.published)
        text = article.text
        spans = [to_timespan(text[s:e], s, e, res) for s, e, res in find_times(text, anchor)]
        covered = [(t.char_start or 0, t.char_end or 0) for t in spans]
        for ps in sents:
            for m in ps.mentions:
                if m.label not in {"DATE", "TIME"}:
                    continue
                if any(s < m.end and m.start < e for s, e in covered):
                    continue
                extra = resolve_time(m.text, anchor)
                if extra is not None:
                    spans.append(to_timespan(m.text, m.start, m.end, extra))
        return sorted(spans, key=lambda t: t.char_start or 0)

    def analyse(self, article: Article, sents: list[ParsedSentence]) -> DocumentResult:
        ctx = self._context(article, sents)
        actor_fn = self._actor_fn(ctx, article.text)
        place_fn = self._place_fn(ctx, article.text)
        times = self._times(article, sents)
        places = find_toponyms(sents, self.places, countries=_top_countries(ctx))
        fallback = self._fallback(article.text, ctx, places)
        events: list[Event] = []
        told: Place | None = None  # the place of the last event told with a town of its own
        for ps in sents:
            s_times = [
                t for t in times if ps.sentence.start <= (t.char_start or -1) < ps.sentence.end
            ]
            # "... killed there", "... attacked the town": the place named just before is the
            # one the text points back to (stated, so not inferred); "killed in the attack":
            # the place of the event told before
            view = SentenceView(ps)
            before = _antecedent(places, ps.sentence.start)
            here = fallback
            again = told is not None and refers_to_event(view)
            if before is not None and refers_back(view):
                here = before
            elif again:
                here = told
            coded = self.coder.code(
                ps,
                article_id=article.article_id,
                actor_fn=actor_fn,
                place_fn=place_fn,
                times=s_times,
                fallback_place=here,
            )
            if told is not None and (again or refers_to_event(view, strict=False)):
                # "killed in the raid, the worst in Niger this year": the country named around the
                # event told before does not beat the town it happened in
                coded = [_refined(ev, told) for ev in coded]
            events.extend(coded)
            told = _told_place(coded, ps.sentence.start) or told
        events = actors_country(_same_story(_lede_places(events, sents)), self.places)
        quotes = find_quotes(article.text, sents, article_id=article.article_id, actor_fn=actor_fn)
        events = _speaker_as_source(events, quotes)
        events = reaction_targets(attack_authors(claimed_authors(events)))
        events = score_events(events, self.calibration)
        events = _report_week(events, _day(article.published))
        mentions = tuple(m for ps in sents for m in ps.mentions)
        return DocumentResult(
            article=article,
            sentences=tuple(ps.sentence for ps in sents),
            mentions=mentions,
            events=tuple(events),
            quotes=tuple(quotes),
            times=tuple(times),
            places=tuple(places),
        )


#: How many sentences after the lede may name the town it summarises.
_LEDE_REACH = 2


def _lede_places(events: list[Event], sents: list[ParsedSentence]) -> list[Event]:
    """A news story's first sentence sums up the event with its country ("six policemen were
    killed in northern Iraq") and the next ones tell it with the town ("gunmen opened fire on
    a checkpoint in the town of Tal Afar"): the lede's events whose place is only that country
    (stated, or the fallback) take the first town in it stated for an event of the same type in
    the next sentences."""
    if len(sents) < 2:
        return events
    lede_end = sents[0].sentence.end
    reach_end = sents[min(_LEDE_REACH, len(sents) - 1)].sentence.end
    towns = [
        (ev.plover.type, ev.place)
        for ev in events
        if lede_end <= ev.trigger.start < reach_end
        and ev.place is not None
        and not ev.place.inferred
        and ev.place.char_start is not None
        and ev.place.char_start >= lede_end
        and ev.place.precision in {"city", "point", "admin1"}
    ]
    out = []
    for ev in events:
        if ev.trigger.start < lede_end and ev.place is not None:
            # the incident the lede sums up is told again with the same kind of verb; a
            # withdrawal in the lede is not the attack told next
            town = next(
                (
                    t
                    for kind, t in towns
                    if t.country == ev.place.country and kind == ev.plover.type
                ),
                None,
            )
            if town is not None and ev.place.precision == "country":
                ev = replace(ev, place=replace(town, inferred=ev.place.inferred))
        out.append(ev)
    return out


#: How many sentences on an event of the same type still tells the same incident.
_STORY_REACH = 3


def _same_story(events: list[Event]) -> list[Event]:
    """News tells one incident over several sentences with the same kind of verb ("militants
    killed five soldiers in Kidal ... the ministry confirmed that five soldiers were
    killed"): an event with no place of its own takes the town of the last event of the same
    type stated a few sentences before. The text does not state it for this event, so it
    stays ``inferred``."""
    told: dict[str, tuple[int, Place]] = {}
    out = []
    for ev in events:
        p = ev.place
        if p is not None and not p.inferred and p.precision in {"city", "point", "admin1"}:
            told[ev.plover.type] = (ev.sentence, p)
        elif p is None or p.inferred:
            last = told.get(ev.plover.type)
            if last is not None and 0 < ev.sentence - last[0] <= _STORY_REACH:
                ev = replace(ev, place=replace(last[1], inferred=True))
        out.append(ev)
    return out


#: Days before publication that an undated news event is put in: news reports what happened
#: since the last edition, and a weekly digest the past week.
REPORT_WINDOW_DAYS = 6
#: Modalities of events that took place (or are said to have): the ones a report dates.
_TOOK_PLACE = frozenset({"asserted", "claimed"})


def _report_week(events: list[Event], published: date | None) -> list[Event]:
    """An asserted event whose text gives no time of its own happened at the latest on the day
    the article was published, and in news most likely in the days just before: it is dated to
    that week, flagged ``inferred`` (the text does not state it) and ``publication``."""
    if published is None:
        return events
    week = TimeSpan(
        text="",
        start=(published - timedelta(days=REPORT_WINDOW_DAYS)).isoformat(),
        end=published.isoformat(),
        precision="week",
        flags=("inferred", PUBLICATION_FLAG),
    )
    return [
        replace(ev, date=week) if ev.date is None and ev.modality in _TOOK_PLACE else ev
        for ev in events
    ]


def _refined(event: Event, town: Place) -> Event:
    """The event with ``town`` for a place that is only the country ``town`` lies in."""
    p = event.place
    if p is None or p.precision != "country" or p.country != town.country:
        return event
    return replace(event, place=town)


def _told_place(events: list[Event], start: int) -> Place | None:
    """The last town or subdivision a sentence states as an event's own place."""
    found = None
    for ev in events:
        p = ev.place
        if p is None or p.inferred or p.char_start is None or p.char_start < start:
            continue
        if p.precision in {"city", "point", "admin1"} and p.lat is not None:
            if found is None or (found.char_start or 0) < p.char_start:
                found = p
    return found


def _antecedent(places: list[Place], start: int) -> Place | None:
    """The last town or subdivision named before ``start`` (the sentence's start)."""
    found = None
    for p in places:
        if p.char_start is None or p.char_start >= start:
            continue
        if p.precision in {"city", "point", "admin1"} and p.lat is not None:
            found = p
    return found


def _dateline(text: str, places: list[Place]) -> Place | None:
    """The place of a wire dateline: an upper-case toponym opening a paragraph."""
    for p in places:
        if p.char_start is None or p.char_end is None:
            continue
        name = text[p.char_start : p.char_end]
        para_start = text.rfind("\n", 0, p.char_start) + 1
        if name.isupper() and len(name) > 2 and not text[para_start : p.char_start].strip():
            return p
    return None


def _top_countries(ctx: ActorContext) -> tuple[str, ...]:
    """The article's most mentioned countries: context for place names."""
    return tuple(c for c, _ in ctx.country_counts.most_common(5))


#: Subject pronouns: in a quotation, "I" and "we" are the speaker; the others someone else.
_SUBJECT_PRONOUNS = re.compile(r"\b(i|we|he|she|it|they)\b", re.I)


def _speaker_acts(ev: Event, quote: Quote) -> bool:
    """The last subject pronoun before the trigger inside the quotation is "I" or "we"
    ("We came to help the army"); "It captures her" or "the initial attacks on Afrin" are
    no act of the one quoted."""
    start = max(quote.start, ev.evidence_start)
    before = ev.evidence[start - ev.evidence_start : ev.trigger.start - ev.evidence_start]
    found = _SUBJECT_PRONOUNS.findall(before)
    return bool(found) and found[-1].lower() in {"i", "we"}


def _speaker_as_source(events: list[Event], quotes: list[Quote]) -> list[Event]:
    """An event stated inside a quotation with no source, told with "I" or "we" ("We came to
    help the army"), was done by the speaker."""
    out = []
    for ev in events:
        if not ev.source:
            q = next(
                (
                    q
                    for q in quotes
                    if q.speaker is not None and q.start <= ev.trigger.start < q.end
                ),
                None,
            )
            if q is not None and q.speaker is not None and _speaker_acts(ev, q):
                if all(q.speaker.country != a.country for a in ev.target) or not ev.target:
                    ev = replace(ev, source=(q.speaker,), confidence=round(ev.confidence * 0.9, 2))
        out.append(ev)
    return out
