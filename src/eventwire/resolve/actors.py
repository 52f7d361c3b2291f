"""Who: resolve actor phrases to a country (ISO alpha-3 or IGO code) and a PLOVER sector.

A phrase is read as words; n-grams are matched against the knowledge base (people with their
office on the article's date, organisations, country names, demonyms, capitals standing for
governments) and against sector vocabulary. The document-level :class:`ActorContext` adds what
one article teaches: roles given by appositives ("Tiani, head of Niger's military government"),
and the country a bare "the government" or "the country" refers to.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from eventwire.kb import KnowledgeBase, NameHit, load_kb, normalise
from eventwire.records import CONTEXT_KB_ID, Actor, ParsedSentence, Token
from eventwire.syntax import SentenceView

#: Longest n-gram tried against the KB.
_MAX_NGRAM = 6
#: Heads that a "military" modifier turns into the military sector (juntas).
_JUNTA_HEADS = frozenset(
    {
        "government",
        "regime",
        "leader",
        "leaders",
        "ruler",
        "rulers",
        "authorities",
        "administration",
        "council",
        "leadership",
    }
)
#: Heads that need the document to tell which country they belong to.
_DEICTIC_HEADS = frozenset(
    {
        "government",
        "country",
        "nation",
        "junta",
        "regime",
        "authorities",
        "state",
        "administration",
        "army",
        "military",
        "capital",
        "leadership",
        "president",
        "leader",
        "people",
    }
)
#: Heads that say nothing of the sector themselves: look at their "of" complement.
_GENERIC_HEADS = frozenset(
    {
        "head",
        "one",
        "some",
        "many",
        "group",
        "member",
        "members",
        "chief",
        "leader",
        "leaders",
        "part",
        "unit",
        "units",
        "team",
        "body",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "delegation",
        "most",
        "all",
        "several",
        "two",
        "three",
        "dozens",
        "hundreds",
        "thousands",
        "personnel",
        "staff",
        "men",
        "women",
        "officials",
        "official",
        "representatives",
        "delegates",
        "envoys",
    }
)
_WORD = re.compile(r"[\w][\w'\u2019.\-]*", re.UNICODE)
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int


def words_of(text: str, offset: int = 0) -> list[Word]:
    """Split a phrase into words with offsets; possessive endings are dropped from the word."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group()
        stripped = _POSSESSIVE.sub("", w) if len(w) > 2 else w
        stripped = stripped.rstrip(".") if not re.fullmatch(r"(?:[A-Z]\.)+", stripped) else stripped
        if stripped:
            out.append(Word(stripped, m.start() + offset, m.start() + offset + len(stripped)))
    return out


@dataclass(slots=True)
class _Finding:
    country: str | None = None
    country_rank: int = 99
    sector: str | None = None
    sector_rank: int = 99
    name: str | None = None
    kb_id: str | None = None
    evidence: list[str] = field(default_factory=list)


# Lower rank wins: a known person beats an organisation beats a country name, and so on.
_COUNTRY_RANK = {"person": 0, "org": 1, "country": 2, "adjective": 3, "metonym": 4, "context": 6}


class ActorResolver:
    """Resolve phrases against the KB on a given date (the article's publication day)."""

    def __init__(self, kb: KnowledgeBase | None = None, day: date | None = None) -> None:
        self.kb = kb or load_kb()
        self.day = day
        self._juntas: set[str] | None = None

    def military_ruled(self, iso3: str) -> bool:
        """True when the KB has a military head of state for ``iso3`` on the resolver's date."""
        if self._juntas is None:
            self._juntas = {
                p.country
                for p in self.kb.people
                if p.sector == "MIL" and p.role == "head of state" and p.holds_office_on(self.day)
            }
        return iso3 in self._juntas

    def resolve_words(self, words: list[Word], *, head: str | None = None) -> _Finding:
        """Scan n-grams longest first; each KB hit proposes a country, sector terms a sector."""
        found = _Finding()
        n = len(words)
        i = 0
        sector_hits: list[tuple[int, int, str]] = []  # (first word, last word, sector)
        while i < n:
            step = 1
            for size in range(min(_MAX_NGRAM, n - i), 0, -1):
                form = " ".join(w.text for w in words[i : i + size])
                hits = self.kb.lookup(form)
                term = self._sector_term(form)
                if hits:
                    self._apply_hits(found, hits, form, whole=(size == n))
                if term:
                    sector_hits.append((i, i + size - 1, term))
                if hits or (term and size > 1):
                    step = size
                    break
            i += step
        if sector_hits and found.sector_rank > 1:
            sector = self._head_sector(sector_hits, words)
            if sector:
                found.sector, found.sector_rank = sector, 2
        return found

    def _sector_term(self, form: str) -> str | None:
        term = self.kb.sector_of(form)
        if term is None and len(form) > 3 and form.lower().endswith("s"):
            term = self.kb.sector_of(form[:-1])  # "instructor" <-> "instructors"
        if term is None and not form.lower().endswith("s"):
            term = self.kb.sector_of(form + "s")
        return term.sector if term else None

    def _head_sector(self, hits: list[tuple[int, int, str]], words: list[Word]) -> str | None:
        """The sector of the phrase's head noun, not of any modifier in it.

        "military cooperation" has no sector (its head is not an agent); "Niger's military
        government" is MIL (a junta); "head of Niger's army" and "one of the Russian
        instructors" take their sector from the "of" complement; a title before a name
        ("Russian President Vladimir Putin") gives the name its sector.
        """
        cut = next((k for k, w in enumerate(words) if w.text.lower() == "of"), len(words))
        for lo, hi in ((0, cut), (cut + 1, len(words))):
            if hi <= lo:
                continue
            head_pos = hi - 1
            part = [h for h in hits if lo <= h[0] and h[1] < hi]
            at_head = [h for h in part if h[1] == head_pos]
            head_word = words[head_pos].text
            if at_head:
                sector = max(at_head, key=lambda h: h[1] - h[0])[2]
                if (
                    sector == "GOV"
                    and normalise(head_word) in _JUNTA_HEADS
                    and any(h[2] == "MIL" and h[1] < head_pos for h in part)
                ):
                    return "MIL"
                return sector
            if part and (head_word[:1].isupper() or normalise(head_word) in _GENERIC_HEADS):
                return max(part, key=lambda h: h[1])[2]  # a title before a name, "military staff"
            if normalise(head_word) not in _GENERIC_HEADS:
                return None
        return None

    def _apply_hits(self, found: _Finding, hits: list[NameHit], form: str, whole: bool) -> None:
        for hit in hits:
            kind = hit.kind
            if kind == "metonym" and not whole:
                kind = "country"  # "Moscow's envoy": the capital names the country
            rank = _COUNTRY_RANK[kind]
            country: str | None
            sector: str | None
            name: str | None
            if kind == "person":
                person = self.kb.person(hit.key, self.day)
                if person is None:
                    continue
                country, sector, name = person.country, person.sector, person.name
                if not person.holds_office_on(self.day):
                    sector = "ELI" if person.sector in {"GOV", "MIL"} else person.sector
                    rank = 1
            elif kind == "org":
                org = self.kb.orgs[hit.key]
                country, sector, name = org.country, org.sector, org.name
            else:
                country, sector, name = hit.key, ("GOV" if kind == "metonym" else None), None
            if rank < found.country_rank:
                found.country, found.country_rank = country, rank
                if name:
                    found.name, found.kb_id = name, hit.key
            if sector and rank < found.sector_rank:
                found.sector, found.sector_rank = sector, rank
            found.evidence.append(f"{kind}:{form}")
            break  # first hit of an ambiguous form is its preferred reading


def resolve_phrase(
    text: str, *, date: str | None = None, kb: KnowledgeBase | None = None
) -> Actor | None:
    """Resolve a short actor phrase ("four Saudi men", "American warplanes") without a parse.

    Returns ``None`` when neither a country nor a sector is found.
    """
    day = _parse_day(date)
    words = words_of(text)
    if not words:
        return None
    found = ActorResolver(kb, day).resolve_words(words)
    if found.country is None and found.sector is None:
        return None
    return Actor(
        text=text,
        start=0,
        end=len(text),
        country=found.country,
        sector=found.sector,
        name=found.name,
        kb_id=found.kb_id,
        confidence=_confidence(found),
    )


def _confidence(found: _Finding) -> float:
    score = 0.3
    if found.country:
        score += 0.4 - 0.05 * min(found.country_rank, 6)
    if found.sector:
        score += 0.2
    return round(min(score, 0.95), 2)


def _parse_day(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass(slots=True)
class ActorContext:
    """What one article teaches about its actors, gathered before coding its events."""

    resolver: ActorResolver
    #: Person or organisation names (normalised) -> (country, sector) learnt from appositives.
    roles: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    country_counts: Counter[str] = field(default_factory=Counter)

    @property
    def focus_country(self) -> str | None:
        """The country the article is mostly about: the most mentioned (first on ties)."""
        if not self.country_counts:
            return None
        return self.country_counts.most_common(1)[0][0]

    def note_country(self, iso3: str | None) -> None:
        if iso3 and iso3 in self.resolver.kb.countries:
            self.country_counts[iso3] += 1

    def learn(self, name: str, description: list[Word]) -> None:
        """Remember an appositive: ``name`` is what ``description`` says it is."""
        found = self.resolver.resolve_words(description)
        if found.country or found.sector:
            self.roles[normalise(name)] = (found.country, found.sector)

    def resolve(
        self,
        words: list[Word],
        *,
        text: str,
        start: int,
        end: int,
        head: str | None = None,
        entity: str | None = None,
        exclude: frozenset[str] = frozenset(),
    ) -> Actor | None:
        """Resolve one actor phrase in context; ``None`` when nothing identifies it.

        A phrase that names no country ("the junta", "the government") takes one from the
        document; ``exclude`` keeps it off the countries already on the other side of the event.
        """
        found = self.resolver.resolve_words(words, head=head)
        key = normalise(" ".join(w.text for w in words))
        learnt = self.roles.get(key)
        if learnt is None and entity in {"PERSON", "ORG"}:
            # surname-only or partial later mention of a learnt name
            for name, role in self.roles.items():
                if key and (name.endswith(" " + key) or name.startswith(key + " ")):
                    learnt = role
                    break
        if learnt and found.country_rank > 1:
            if learnt[0]:
                found.country, found.country_rank = learnt[0], 1
            if learnt[1]:
                found.sector, found.sector_rank = learnt[1], 1
        head_norm = normalise(head or (words[-1].text if words else ""))
        from_context = False
        if found.country is None and head_norm in _DEICTIC_HEADS:
            military = found.sector == "MIL" and head_norm not in {"army", "military"}
            country = self.context_country(exclude, military_rule=military)
            if country:
                found.country, found.country_rank = country, _COUNTRY_RANK["context"]
                from_context = True
        if from_context:
            if found.sector is None:
                found.sector = (
                    "GOV" if head_norm in {"country", "nation", "state", "capital"} else None
                )
        if found.country and found.sector is None and found.country_rank in (2, 4):
            found.sector = "GOV"  # a state named as an agent acts through its government
        if found.country is None and found.sector is None:
            return None
        return Actor(
            text=text,
            start=start,
            end=end,
            country=found.country,
            sector=found.sector,
            name=found.name,
            kb_id=CONTEXT_KB_ID if from_context else found.kb_id,
            confidence=_confidence(found),
        )

    def context_country(self, exclude: frozenset[str], *, military_rule: bool) -> str | None:
        """The most mentioned country not excluded; for "the junta", one under military rule."""
        ranked = [c for c, _ in self.country_counts.most_common() if c not in exclude]
        if military_rule:
            ruled = [c for c in ranked if self.resolver.military_ruled(c)]
            if ruled:
                return ruled[0]
        return ranked[0] if ranked else None


def words_of_tokens(toks: list[Token]) -> list[Word]:
    """The words of a noun phrase's tokens, without punctuation and possessive markers."""
    return [
        Word(t.text, t.idx, t.idx + len(t.text))
        for t in toks
        if t.pos not in {"PUNCT", "SPACE", "PART"} and t.text not in {"'s", "\u2019s"}
    ]


def build_context(sentences: list[ParsedSentence], resolver: ActorResolver) -> ActorContext:
    """Pre-pass over one article: the countries it mentions (its focus) and appositive roles
    ("General Abdourahamane Tiani, head of Niger's military government")."""
    ctx = ActorContext(resolver)
    kb = resolver.kb
    for ps in sentences:
        for m in ps.mentions:
            for hit in kb.lookup(m.text):
                if hit.kind in {"country", "adjective", "metonym"}:
                    ctx.note_country(hit.key)
                    break
        view = SentenceView(ps)
        for tok in ps.tokens:
            if tok.ent in {"PERSON", "ORG"} and tok.ent_iob in {"B", "I"}:
                for appos in view.children(tok, "appos"):
                    text, _, _ = view.span_text(view.noun_phrase(tok))
                    ctx.learn(text, words_of_tokens(view.noun_phrase(appos)))
    return ctx
