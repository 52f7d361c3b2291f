"""Who: resolve actor phrases to a country (ISO alpha-3 or IGO code) and a PLOVER sector.

:mod:`eventwire.resolve.actor_match` reads one phrase against the knowledge base on the
article's date. The document-level :class:`ActorContext` adds what one article teaches:

* roles given by appositives and titles ("Goita, leader of Mali's military government",
  "Malian Foreign Minister Jane Doe"), so that later mentions - the surname alone, "the
  general" - resolve to the same actor;
* the country a bare "the government", "the junta", "the state broadcaster" or "the country"
  refers to (the article's most mentioned country, one under military rule for a junta, never
  a country already on the other side of the event), and the office holder a bare "the
  president" names on the article's date;
* a definite noun seen before with a country ("Russian instructors" ... "the instructors");
* a definite "the group", "the militants" with no name of its own: the armed group named last
  within a few sentences ("Boko Haram abducted ... the militants");
* a country for a named group the KB does not know (never for an unknown person).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from eventwire.kb import KnowledgeBase, Organization, normalise
from eventwire.kb.lexicon import load_lexicon
from eventwire.records import CONTEXT_KB_ID, COUNTRY_KB_PREFIX, Actor, ParsedSentence, Token
from eventwire.resolve.actor_match import (
    RANK,
    ActorResolver,
    Finding,
    Word,
    confidence,
    core_end,
    drop_period,
    words_of,
)
from eventwire.resolve.fuzzy_names import similar_org_name
from eventwire.resolve.subdivisions import subdivision_country
from eventwire.syntax import SentenceView

__all__ = [
    "ActorContext",
    "ActorResolver",
    "Word",
    "build_context",
    "resolve_phrase",
    "words_of",
    "words_of_tokens",
]

#: The English word classes the rules below depend on (lang/en/lexicon.yaml).
LEXICON = load_lexicon("en")

#: Heads that need the document to tell which country they belong to.
_DEICTIC_HEADS = LEXICON.words("deictic_heads")
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
#: Heads a "military" modifier does not make a junta ("the military", "the army" are MIL).
_MILITARY_HEADS = LEXICON.words("military_heads")
#: Nouns for armed forces: "those forces" may stand for "the troops" named before.
_FORCE_NOUNS = LEXICON.words("force_nouns")
#: States that English calls "the kingdom".
_KINGDOMS = frozenset(w.upper() for w in LEXICON.words("kingdom_states"))
#: States whose legislature is a Congress, and the words that name one.
_CONGRESS_STATES = frozenset(w.upper() for w in LEXICON.words("congress_states"))
_CONGRESS_WORDS = LEXICON.words("congress_words")
_DEMONSTRATIVES = frozenset({"those", "these"})
_NAMED_ENTITIES = frozenset({"PERSON", "ORG"})
#: Heads of a definite description that stands for the armed group named last.
_GROUP_ANAPHORS = LEXICON.words("group_anaphors")
_DEFINITE_DETS = LEXICON.words("definite_dets")
#: Sectors of a named organisation that "the group", "the militants" may stand for.
_ARMED_SECTORS = frozenset({"REB", "PRM", "UAF"})
#: How many sentences back "the group" may reach for its name.
GROUP_REACH = 3
#: Pronouns that stand for one person named before them ("his" as a possessor).
#: "it": a state or organisation named before (``ActorContext.body_before``).
BODY_PRONOUNS = frozenset({"it"})
#: "they": the armed group named last, within a few sentences (militants, rebels, a militia)
GROUP_PRONOUNS = frozenset({"they", "them"})
#: Deals, policies and plans: a country modifying one names its topic ("the Iran deal").
IDEA_NOUNS = LEXICON.words("idea_nouns")
#: "the wars in Ukraine and Gaza", "the crisis in Syria": a place where something goes on
_SITUATION_NOUNS = LEXICON.words("conflict_nouns") | LEXICON.words("situation_nouns")
#: Verbs whose object is what was talked about ("discussed Taiwan")
_DISCUSSING = LEXICON.words("discussing_lemmas")
#: Sectors of a state or organisation that "it" may stand for.
_BODY_SECTORS = frozenset(
    {"GOV", "MIL", "REB", "PTY", "LEG", "JUD", "SPY", "COP", "BUS", "NGO", "JRN"}
)
PERSONAL_PRONOUNS = LEXICON.words("personal_pronouns")
#: Nouns for an attacker whom the text does not identify: such a person belongs to no country
#: until the text says so, least of all the country the article is mostly about (a suicide
#: bomber in Manbij in a story about US troops is not American).
_UNIDENTIFIED_ATTACKERS = LEXICON.words("unidentified_attackers")
_FOREIGN_WORDS = LEXICON.words("foreign_words")
_MISSION_NOUNS = LEXICON.words("mission_nouns")


#: ISO 3166 entries with no government or permanent population of their own: places, not actors.
UNGOVERNED = frozenset({"ATA", "BVT", "HMD", "SGS", "UMI", "ATF"})


@dataclass(frozen=True, slots=True)
class Learnt:
    """What the document said an actor is."""

    country: str | None
    sector: str | None
    name: str | None = None
    kb_id: str | None = None
    titles: tuple[str, ...] = ()
    start: int = -1


def resolve_phrase(
    text: str,
    *,
    date: str | None = None,
    context: str | None = None,
    kb: KnowledgeBase | None = None,
) -> Actor | None:
    """Resolve a short actor phrase ("three Omani sailors", "Nigerian jets") without a parse.

    ``context`` is text around the phrase (a sentence, or a country name): the countries it
    names place the phrase when its own words do not. Returns ``None`` when neither a
    country nor a sector is found.
    """
    words = words_of(text)
    if not words:
        return None
    ctx = ActorContext(ActorResolver(kb, _parse_day(date)))
    if context:
        for iso3 in ctx.resolver.resolve_words(words_of(context)).mentioned:
            ctx.note_country(iso3)
    capitalised = any(w.text[:1].isupper() for w in words)
    return ctx.resolve(
        words, text=text, start=0, end=len(text), entity="ORG" if capitalised else None
    )


def _parse_day(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass(slots=True)
class ActorContext:
    """What one article teaches about its actors, gathered before coding its events."""

    resolver: ActorResolver
    #: Names (normalised, full and surname) -> what the document said they are.
    roles: dict[str, Learnt] = field(default_factory=dict)
    country_counts: Counter[str] = field(default_factory=Counter)
    #: Titled people in the order they are mentioned, for "the general", "the minister".
    titled: list[Learnt] = field(default_factory=list)
    #: Head nouns seen with a country ("instructors" -> RUS, MIL), for later bare mentions.
    heads: dict[str, list[Learnt]] = field(default_factory=dict)
    #: International bodies the article names (EUR, IGO, UNO), by code.
    bodies: Counter[str] = field(default_factory=Counter)
    #: Named people with an identity, in text order: what "he" and "she" may stand for.
    people: list[Learnt] = field(default_factory=list)
    #: Offsets of the people above who are the subject of their clause.
    subjects: set[int] = field(default_factory=set)
    #: Start offsets of the article's sentences, in order.
    sentence_starts: list[int] = field(default_factory=list)
    #: The countries each sentence names (by name, adjective or capital), in the same order.
    sentence_countries: list[set[str]] = field(default_factory=list)
    #: per sentence, the countries its place names (a country or a town by name, not an
    #: adjective: "rebels in Mali", "near Gao")
    sentence_places: list[set[str]] = field(default_factory=list)
    #: Armed groups the KB knows, in the order the article names them: what "the group" and
    #: "the militants" stand for.
    armed: list[Learnt] = field(default_factory=list)

    #: (offset, country) of every country named, by name, adjective, capital or a known
    #: person, in text order: what "the two countries" and "both sides" stand for.
    country_mentions: list[tuple[int, str]] = field(default_factory=list)
    #: States and organisations named as the subject of their clause, in text order: what
    #: "it" may stand for.
    subject_bodies: list[Learnt] = field(default_factory=list)
    #: Every state or organisation named, in text order (the subjects among them above).
    named_bodies: list[Learnt] = field(default_factory=list)
    #: Countries of the places the article names (towns, provinces): where its people live.
    place_counts: Counter[str] = field(default_factory=Counter)

    def body_before(self, start: int, skip: frozenset[int | str] = frozenset()) -> Learnt | None:
        """ "it": in the pronoun's own sentence, the state or organisation named last before
        it; else the one named as a subject in the sentence before, when that sentence names
        only one such subject; none further back. ``skip``: mentions and names an object "it"
        cannot stand for (its own clause's subject)."""
        own = bisect.bisect_right(self.sentence_starts, start) - 1
        first = self.sentence_starts[max(own - 1, 0)] if self.sentence_starts else 0
        here = self.sentence_starts[own] if own >= 0 else 0
        mine = [
            b
            for b in self.named_bodies
            if here <= b.start < start and b.start not in skip and b.name not in skip
        ]
        if mine:
            return mine[-1]
        before = [b for b in self.subject_bodies if first <= b.start < here]
        if len({b.country for b in before}) == 1:
            return before[-1]
        return None

    def pair_before(self, start: int) -> list[str]:
        """The two countries "the two sides", "both countries" stand for: the last two
        distinct ones named before ``start`` within :data:`GROUP_REACH` sentences; none when
        fewer than two are named there."""
        own = bisect.bisect_right(self.sentence_starts, start) - 1
        first = self.sentence_starts[max(own - GROUP_REACH, 0)] if self.sentence_starts else 0
        pair: list[str] = []
        for at, country in reversed(self.country_mentions):
            if at >= start or at < first or country in pair:
                continue
            pair.append(country)
            if len(pair) == 2:
                return pair[::-1]
        return []

    def pair(self, text: str, start: int, end: int) -> list[Actor]:
        """ "the two sides", "both countries": one actor for each of the pair, each carrying
        the phrase's offsets (the mentions that name them came before)."""
        return [
            Actor(
                text=text,
                start=start,
                end=end,
                country=country,
                sector="GOV",
                name=None,
                kb_id=CONTEXT_KB_ID,
                confidence=0.5,
            )
            for country in self.pair_before(start)
        ]

    def group_before(self, start: int) -> Learnt | None:
        """The armed group named last before ``start``, within :data:`GROUP_REACH`
        sentences."""
        own = bisect.bisect_right(self.sentence_starts, start) - 1
        first = self.sentence_starts[max(own - GROUP_REACH, 0)] if self.sentence_starts else 0
        before = [g for g in self.armed if first <= g.start < start]
        return before[-1] if before else None

    def person_before(
        self, start: int, skip: frozenset[int | str] = frozenset(), *, subject: bool = False
    ) -> Learnt | None:
        """The person a pronoun at ``start`` most likely stands for: in its own sentence the
        nearest person named before it, though a subject pronoun ("he", "she") or "his" goes
        on about the sentence's first subject ("Ryan visited Netanyahu in Israel, where he met
        reporters": Ryan; "Museveni wanted Kabila out of office, and as part of his pact
        with Kenya ...": Museveni); else, in the last sentence that names someone, the first
        person who is a subject there (news goes on about whoever acted last), else the last
        one named.
        ``skip``: mentions (start offsets) and names the pronoun cannot stand for (an object
        pronoun is never its own clause's subject: "Macron accused him")."""
        own = bisect.bisect_right(self.sentence_starts, start) - 1
        here = self.sentence_starts[own] if own >= 0 else 0
        before = [
            p for p in self.people if p.start < start and p.start not in skip and p.name not in skip
        ]
        if not before:
            return None
        if before[-1].start >= here:
            if subject:
                # the first subject, the one the sentence is about, rather than the subject of
                # a small clause inside it ("wanted Kabila out of office")
                acting = [p for p in before if p.start >= here and p.start in self.subjects]
                if acting:
                    return acting[0]
            return before[-1]
        last = bisect.bisect_right(self.sentence_starts, before[-1].start) - 1
        begin = self.sentence_starts[last] if last >= 0 else 0
        there = [p for p in before if p.start >= begin]
        subjects = [p for p in there if p.start in self.subjects]
        return subjects[0] if subjects else there[-1]

    @property
    def focus_country(self) -> str | None:
        """The country the article is mostly about: the most mentioned (first on ties)."""
        if not self.country_counts:
            return None
        return self.country_counts.most_common(1)[0][0]

    def note_country(self, iso3: str | None) -> None:
        if iso3 and iso3 in self.resolver.kb.countries:
            self.country_counts[iso3] += 1

    def learn(self, name: str, description: list[Word] | Finding, start: int = -1) -> None:
        """Remember that ``name`` is what ``description`` says it is (an appositive, a title)."""
        found = (
            description
            if isinstance(description, Finding)
            else self._resolved(description, start=start, entity=None)[0]
        )
        if found.country is None and found.sector is None:
            return
        learnt = Learnt(
            found.country,
            found.sector,
            found.name,
            found.kb_id,
            tuple(found.titles),
            start,
        )
        key = normalise(name)
        self.roles[key] = learnt
        parts = key.split()
        if len(parts) > 1 and not found.kb_id:
            self.roles.setdefault(parts[-1], learnt)  # the surname alone, later
        if found.titles:
            self.titled.append(learnt)

    def remember_head(self, head: str, found: Finding, start: int) -> None:
        if found.country and found.sector and found.country_rank <= RANK["metonym"]:
            learnt = Learnt(found.country, found.sector, start=start)
            self.heads.setdefault(normalise(head), []).append(learnt)

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
        determiner: str | None = None,
        not_people: frozenset[int | str] = frozenset(),
    ) -> Actor | None:
        """Resolve one actor phrase in context; ``None`` when nothing identifies it.

        A phrase that names no country ("the junta", "the government") takes one from the
        document; ``exclude`` keeps it off the countries already on the other side of the event.
        ``determiner``: the word before the phrase, when the phrase leaves it out ("the").
        ``not_people``: mentions and names a personal pronoun cannot stand for.
        """
        if len(words) == 1 and words[0].text.lower() in PERSONAL_PRONOUNS:
            # "he", "she" and "his" go on about the clause's subject ("Museveni wanted Kabila
            # out of office, and as part of his pact with Kenya he ...": Museveni)
            nominative = words[0].text.lower() in {"he", "she", "his"}
            return _stand_in(
                text, start, end, self.person_before(start, not_people, subject=nominative)
            )
        if _age_anaphor(text, determiner):
            # "the 31-year-old was arrested": news names a person it has introduced by age
            return _stand_in(text, start, end, self.person_before(start, not_people))
        if len(words) == 1 and words[0].text.lower() in BODY_PRONOUNS:
            return _stand_in(text, start, end, self.body_before(start, not_people))
        if len(words) == 1 and words[0].text.lower() in GROUP_PRONOUNS:
            return _stand_in(text, start, end, self.group_before(start))
        found, from_context = self._resolved(
            words,
            start=start,
            head=head,
            entity=entity,
            exclude=exclude,
            definite=(determiner or words[0].text.lower()) in _DEFINITE_DETS,
        )
        if (from_context or found.country is None) and found.name is None:
            variant = self._variant_spelling(words, entity)
            if variant is not None:
                found, from_context = variant, False
        if found.empty or (
            found.country in UNGOVERNED and found.kb_id == f"{COUNTRY_KB_PREFIX}{found.country}"
        ):
            return None  # "Antarctica" is a place, never an actor
        if self._stray_acronym(found, words):
            return None  # "AMI management" in a takeover story is no Mauritanian news agency
        if found.kb_id == "country:BEL" and [w.text for w in words] == ["Brussels"]:
            if self.bodies.get("EUR"):  # "Brussels wants ...", in a story on the EC: the EC
                found.country, found.sector, found.kb_id = "EUR", "GOV", "org:eu"
        return Actor(
            text=text,
            start=start,
            end=end,
            country=found.country,
            sector=found.sector,
            name=found.name,
            kb_id=CONTEXT_KB_ID if from_context else found.kb_id,
            confidence=confidence(found, from_context=from_context),
        )

    def _stray_acronym(self, found: Finding, words: list[Word]) -> bool:
        """A short acronym naming a state news agency or broadcaster (AMI, ACP, KBS) is as
        often a company's: trust it only in a text that names the agency's country."""
        kb_id = found.kb_id or ""
        if not kb_id.startswith("org:") or not found.country:
            return False
        org = self.resolver.kb.org(kb_id.split(":", 1)[1], self.resolver.day)
        if org is None or not any(_agency_acronym(org, w.text) for w in words):
            return False
        return self.country_counts.get(found.country, 0) == 0

    def _variant_spelling(self, words: list[Word], entity: str | None) -> Finding | None:
        """A capitalised name the KB knows under another spelling ("Ahlu Sunnah Wa-Jama")."""
        if entity not in {None, "ORG", "NORP"} or len(words) < 2:
            return None
        if not all(w.text[:1].isupper() or len(w.text) <= 3 for w in words):
            return None
        name = similar_org_name(self.resolver.kb, " ".join(w.text for w in words))
        if name is None:
            return None
        found = self.resolver.resolve_words(words_of(name), places=False)
        return found if found.name else None

    def _resolved(
        self,
        words: list[Word],
        *,
        start: int,
        head: str | None = None,
        entity: str | None = None,
        exclude: frozenset[str] = frozenset(),
        definite: bool = False,
    ) -> tuple[Finding, bool]:
        found = self.resolver.resolve_words(
            words, head=head, places=entity != "PERSON", home=entity == "PERSON"
        )
        if not words:
            return found, False
        core = words[: core_end(words)]
        head_norm = normalise(head or core[-1].text)
        self._ethnic(found, words)
        # a people's state is chosen from the context, and redone once the other side is known
        by_people = self._stateless_people(found, words, start, exclude)
        learnt = self._learnt(words, entity)
        if learnt is None and found.country is None and found.name is None and found.titles:
            learnt = self._titled_person(found, core, start)
        if (
            learnt is None
            and found.name is None
            and found.country_rank > RANK["org"]
            and head_norm in _GROUP_ANAPHORS
            and (definite or words[0].text.lower() in _DEFINITE_DETS)
        ):
            learnt = self.group_before(start)  # "Boko Haram ... the militants"
        seen_head = False
        if (
            learnt is None
            and found.country is None
            and head_norm in _FORCE_NOUNS
            and words[0].text.lower() in _DEMONSTRATIVES
        ):
            # "those forces" after "Syrian government troops": the force named last, whatever
            # word named it
            learnt = self._seen_heads(_FORCE_NOUNS, start, exclude)
            seen_head = learnt is not None
        if learnt is None and found.country is None:
            learnt = self._seen_head(head_norm, start, exclude)
            seen_head = learnt is not None
        if learnt is not None and found.country_rank > RANK["org"]:
            found.country = learnt.country or found.country
            found.country_rank = RANK["learnt"]
            found.sector = learnt.sector or found.sector
            if learnt.name:
                found.name, found.kb_id = learnt.name, learnt.kb_id
        if found.country is None and entity != "PERSON" and len(words) >= 3:
            # "Aboriginal Medical Services Alliance Northern Territory": named after a state
            country = subdivision_country([w.text for w in words])
            if country:
                found.country, found.country_rank = country, RANK["context"]
        # a bare noun that takes the country of an earlier mention is a guess from context
        from_context = seen_head or by_people
        if found.country is None and self._wants_context(found, head_norm, entity, words):
            military = found.sector == "MIL" and head_norm not in _MILITARY_HEADS
            # a state is not on both sides of its own event, but its rebels, protesters and
            # parties are its own: only state actors avoid the other side's country
            state = found.sector is None or found.sector in _STATE_SECTORS
            country = self.context_country(
                exclude if state else frozenset(),
                military_rule=military,
                local=not state,
                here=self._places_here(start),
                kingdom=head_norm == "kingdom",
            )
            if country:
                found.country, found.country_rank = country, RANK["context"]
                from_context = True
                if found.role and not found.unknown_name and _bare_title(found, core):
                    self.resolver.fill_office(found)  # "the president": who held it then
                if found.sector is None and head_norm in {
                    "country",
                    "nation",
                    "state",
                    "capital",
                    "kingdom",
                }:
                    found.sector = "GOV"
        if found.country and found.sector is None and found.head_is_country:
            found.sector = self._state_sector(found, words)
        if (
            from_context
            and found.country not in _CONGRESS_STATES
            and any(w.text.lower() in _CONGRESS_WORDS for w in words)
        ):
            found.country = "USA"  # "members of Congress" in a story on Turkey: the US Congress
        return found, from_context

    # -- what the document taught ------------------------------------------------------------
    def _learnt(self, words: list[Word], entity: str | None) -> Learnt | None:
        key = normalise(" ".join(w.text for w in words))
        learnt = self.roles.get(key)
        if learnt is None and key and (entity in _NAMED_ENTITIES or words[-1].text[:1].isupper()):
            # a surname-only or partial later mention of a learnt name
            for name, role in self.roles.items():
                if name.endswith(" " + key) or name.startswith(key + " "):
                    return role
            if entity == "PERSON" or words[-1].text[:1].isupper():
                # "Senate Minority Leader Harry Reid": a title before a learnt full name
                for name, role in self.roles.items():
                    if " " in name and key.endswith(" " + name):
                        return role
        return learnt

    def _titled_person(self, found: Finding, core: list[Word], start: int) -> Learnt | None:
        """ "the general", "the foreign minister": the last person given that title before."""
        if not _bare_title(found, core):
            return None
        title = found.titles[-1]
        people = [p for p in self.titled if title in p.titles]
        before = [p for p in people if p.start < start] or people
        if before:
            return before[-1]
        return self._office_holder_before(found.role, start)

    def _office_holder_before(self, role: str | None, start: int) -> Learnt | None:
        """ "Mr Trump's administration ... the president's order": a bare title stands for
        the last person named before it who held that office on the article's date."""
        if not role:
            return None
        kb, day = self.resolver.kb, self.resolver.day
        for p in reversed([p for p in self.people if p.start < start]):
            if not (p.kb_id or "").startswith("person:"):
                continue
            person = kb.person((p.kb_id or "").split(":", 1)[1], day)
            if person is not None and person.role == role and person.holds_office_on(day):
                return p
        return None

    def _seen_heads(
        self, heads: frozenset[str], start: int, exclude: frozenset[str]
    ) -> Learnt | None:
        seen = [
            h
            for head in heads
            for h in self.heads.get(head, [])
            if h.start < start and h.country not in exclude
        ]
        return max(seen, key=lambda h: h.start) if seen else None

    def _seen_head(self, head: str, start: int, exclude: frozenset[str]) -> Learnt | None:
        seen = [h for h in self.heads.get(head, []) if h.start < start and h.country not in exclude]
        return seen[-1] if seen else None

    def _wants_context(
        self, found: Finding, head: str, entity: str | None, words: list[Word]
    ) -> bool:
        if head in _UNIDENTIFIED_ATTACKERS or head in _MISSION_NOUNS:
            return False  # an embassy's state is never the country it stands in
        if found.sector not in _STATE_SECTORS and any(
            w.text.lower() in _FOREIGN_WORDS for w in words
        ):
            return False  # "foreign fighters in Syria" are by definition not Syria's (but the
            # "foreign minister" is a country's own)
        if head in _DEICTIC_HEADS:
            return True
        if found.sector in _STATE_SECTORS and found.role:
            return True  # "the foreign minister", "the army chief"
        # an unknown named group: the article's country is the best guess, when the article
        # is about one country more than any other (a story on Brazil's debt talks in
        # Washington names Americans and Brazilians alike); an unknown person is not - a man
        # struck by a drone in an article about Britain may be of any country until the text
        # says which (issue 13: no country from the focus the text does not tie to him)
        named = entity in _NAMED_ENTITIES and words[-1].text[:1].isupper()
        if named and found.kb_id is None:
            # ... unless a state office's title ties him to a state ("Sen. Bernie Sanders",
            # "General Ali Ahmed"): then the state the article is about, when it clearly is
            titled = bool(found.titles) and found.sector in _STATE_SECTORS
            return (entity != "PERSON" or titled) and self._dominant_country()
        # a domestic actor named by its sector alone ("rebels", "protesters", "police"): most
        # likely the article's country, never one already on the other side of the event
        return found.sector is not None and found.sector != "UNK" and found.kb_id is None

    def _dominant_country(self) -> bool:
        """Whether one country leads the article's mentions clearly (at least twice the next,
        or the only one)."""
        ranked = self.country_counts.most_common(2)
        if not ranked:
            return False
        return len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]

    def _ethnic(self, found: Finding, words: list[Word]) -> None:
        """ "ethnic Albanians" in Macedonia are not Albania's: no country, civilians."""
        ethnic = any(w.text.lower() == "ethnic" for w in words)
        if ethnic and found.country_rank == RANK["adjective"]:
            found.country, found.country_rank = None, 99
            found.kb_id = found.name = None
            found.sector = found.sector or "CVL"

    def _stateless_people(
        self, found: Finding, words: list[Word], start: int, exclude: frozenset[str]
    ) -> bool:
        """ "Kurdish fighters", "Tuareg rebels": a people without a state acts in the state it
        lives in; of those, the one its sentence names ("Kurdish villages inside Iraq"), else
        the one the article is about, never the article's focus when that is not one of them;
        a state already on the other side of the event ("Iran shelled Kurdish villages inside
        Iraq": not Iran) is the least likely."""
        if found.country is not None:
            return False
        peoples = self.resolver.kb.peoples
        here: set[str] = set()
        if self.sentence_countries and start >= 0:
            at = bisect.bisect_right(self.sentence_starts, start) - 1
            if 0 <= at < len(self.sentence_countries):
                here = self.sentence_countries[at]
        for w in words:
            states = peoples.get(w.text.lower())
            if states:
                named = self.resolver.named_place_country(words, states)
                if named:  # "the Kurdish city of Afrin": the place's state
                    found.country, found.country_rank = named, RANK["adjective"]
                    return True
                counts = self.country_counts
                places = self.place_counts
                best = max(
                    states,
                    key=lambda c: (
                        c not in exclude,
                        places.get(c, 0),
                        c in here,
                        counts.get(c, 0),
                        -states.index(c),
                    ),
                )
                found.country, found.country_rank = best, RANK["adjective"]
                return True
        return False

    def _state_sector(self, found: Finding, words: list[Word]) -> str | None:
        """A country named as the agent acts through its government; its people, when the
        phrase is a demonym alone ("Palestinians")."""
        if found.country_rank == RANK["adjective"]:
            return "CVL"
        return "GOV"

    def _places_here(self, start: int) -> frozenset[str]:
        """The countries the sentence at ``start`` names as places."""
        if start < 0 or not self.sentence_places:
            return frozenset()
        at = bisect.bisect_right(self.sentence_starts, start) - 1
        if 0 <= at < len(self.sentence_places):
            return frozenset(self.sentence_places[at])
        return frozenset()

    def context_country(
        self,
        exclude: frozenset[str],
        *,
        military_rule: bool,
        local: bool = False,
        here: frozenset[str] = frozenset(),
        kingdom: bool = False,
    ) -> str | None:
        """The most mentioned country not excluded; for "the junta", one under military rule;
        for ``local`` actors (rebels, protesters, police), the country whose towns the article
        names most comes first: they belong where the story is set; and before it, the one
        their own sentence names as a place when it names one ("Tuareg rebels in Mali
        ambushed jihadists": Mali's jihadists, in an article about France)."""
        ranked = [c for c, _ in self.country_counts.most_common() if c not in exclude]
        if local and len(here) == 1:
            # a country their own sentence names only through its towns is still where local
            # actors are ("strikes near Raqqa killed 30 militants")
            ranked += [c for c in here if c not in exclude and c not in ranked]
        if local and self.place_counts:
            places = self.place_counts
            ranked.sort(key=lambda c: -places.get(c, 0))  # stable: mentions break ties
        if local and len(here) == 1:
            ranked.sort(key=lambda c: c not in here)
        if kingdom:  # "the kingdom": the monarchy among the countries told
            reigned = [c for c in ranked if c in _KINGDOMS]
            return reigned[0] if reigned else None
        if military_rule:
            ruled = [c for c in ranked if self.resolver.military_ruled(c)]
            if ruled:
                return ruled[0]
        return ranked[0] if ranked else None


def _bare_title(found: Finding, core: list[Word]) -> bool:
    """The phrase is a title and nothing else ("the general", "the foreign minister"), not
    "the elected president" or "a former minister", who are someone else."""
    if not found.titles:
        return False
    words = [w.text.lower() for w in core if w.text.lower() not in {"the", "a", "an", "its"}]
    return " ".join(words) in {found.titles[-1], found.titles[-1] + "s"} or (
        normalise(" ".join(words)) == found.titles[-1]
    )


def words_of_tokens(toks: list[Token]) -> list[Word]:
    """The words of a noun phrase's tokens, without punctuation and possessive markers."""
    out: list[Word] = []
    for t in toks:
        if t.text in {"'s", "\u2019s", "'", "\u2019"} and out:
            prev = out[-1]
            out[-1] = Word(prev.text, prev.start, prev.end, prev.text + t.text)
            continue
        if t.pos in {"PUNCT", "SPACE", "PART"} and t.text not in {"-"}:
            continue
        if t.text == "-":
            continue
        # "Sen.", "Gov.": the title as words_of spells it
        text = drop_period(t.text) if len(t.text) > 2 else t.text
        out.append(Word(text, t.idx, t.idx + len(t.text), t.text if text != t.text else ""))
    return out


def _agency_acronym(org: Organization, text: str) -> bool:
    """Whether ``text`` is a news agency's or broadcaster's short acronym (AMI, ACP, KBS),
    a form companies often share."""
    return org.kind == "media" and text.isupper() and len(text) <= 4 and text in org.aliases


def build_context(sentences: list[ParsedSentence], resolver: ActorResolver) -> ActorContext:
    """Pre-pass over one article: the countries it mentions (its focus), then the roles it
    teaches - appositives ("Colonel Assimi Goita, leader of Mali's military
    government"), titles before names, and nouns seen with a country."""
    ctx = ActorContext(resolver)
    kb = resolver.kb
    named_countries: list[tuple[str, str]] = []
    for ps in sentences:  # people named in full anywhere: their surname alone is them
        for m in ps.mentions:
            if m.label == "PERSON" and " " in m.text.strip():
                resolver.named_in_full.update(
                    h.key for h in kb.lookup(m.text) if h.kind == "person"
                )
    for ps in sentences:
        ctx.sentence_countries.append(set())
        ctx.sentence_places.append(set())
        for m in ps.mentions:
            before = [t for t in ps.tokens if t.idx < m.start]
            if before and before[-1].text.lower() == "ethnic":
                continue  # "ethnic Albanians" in Macedonia do not make it about Albania
            for hit in kb.lookup(m.text):
                if hit.kind in {"country", "adjective", "metonym"}:
                    ctx.note_country(hit.key)
                    if hit.kind == "country":
                        named_countries.append((m.text, hit.key))
                        if _in_locative(ps, m.start):  # "rebels in Mali", not "met Russia"
                            ctx.sentence_places[-1].add(hit.key)
                    if not _names_a_topic(ps, m.start, m.end):
                        ctx.country_mentions.append((m.start, hit.key))
                    ctx.sentence_countries[-1].add(hit.key)
                    break
                if hit.kind == "person":
                    if (
                        " " not in m.text.strip()
                        and hit.key not in resolver.named_in_full
                        and not kb.in_public_life_by(hit.key, resolver.day)
                    ):
                        continue  # a surname before the person's first office: someone else
                    person = kb.person(hit.key, resolver.day)
                    ctx.note_country(person.country if person else None)
                    if person is not None and person.country in kb.countries:
                        ctx.country_mentions.append((m.start, person.country))
                    break
                if hit.kind == "org":  # a national body says where the story is
                    org = kb.orgs[hit.key]
                    if org.sector in _ARMED_SECTORS:
                        ctx.armed.append(
                            Learnt(org.country, org.sector, org.name, hit.key, (), m.start)
                        )
                    if not _agency_acronym(org, m.text):  # "AMI" may be a company
                        ctx.note_country(org.country)
                    if org.country not in kb.countries:
                        ctx.bodies[org.country] += 1
                    break
    ctx.sentence_starts = [ps.sentence.start for ps in sentences]
    for ps in sentences:
        view = SentenceView(ps)
        for m in ps.mentions:
            if m.label in _NAMED_ENTITIES:
                _learn_entity(ctx, view, m.start, m.end, m.text)
            if m.label == "PERSON":
                _note_person(ctx, m.start, m.text, _is_subject(view, m.start, m.end))
            elif m.label in {"GPE", "ORG", "LOC"}:
                found = resolver.resolve_words(words_of(m.text))
                if found.country and found.sector in _BODY_SECTORS:
                    body = Learnt(found.country, found.sector, found.name, found.kb_id, (), m.start)
                    ctx.named_bodies.append(body)
                    if _is_subject(view, m.start, m.end):
                        ctx.subject_bodies.append(body)
                elif not found.kb_id and found.sector is None:
                    # the tagger calls many towns ORG ("Daraa"); a word that names a sector
                    # ("Farmers" opening a sentence) is no town, whatever the gazetteer lists
                    place = resolver.place_country(m.text)
                    if place:  # "Afrin", "Aleppo": a town says where the story is set
                        ctx.place_counts[place] += 1
                        ctx.sentence_places[len(ctx.sentence_countries) - 1].add(place)
        for tok in ps.tokens:
            if tok.pos == "NOUN" and tok.ent_iob == "O":
                found = resolver.resolve_words(words_of_tokens(view.noun_phrase(tok)))
                ctx.remember_head(tok.lemma or tok.text, found, tok.idx)
                if tok.lemma and tok.lemma != tok.text:
                    ctx.remember_head(tok.text, found, tok.idx)
    _states_named_like_countries(ctx, named_countries)
    return ctx


def _states_named_like_countries(ctx: ActorContext, named: list[tuple[str, str]]) -> None:
    """ "Georgia" in an article about the United States is the state: a country's name that
    is also a province of another country whose towns and provinces the article names counts
    for that country (the place resolver reads it the same way). Only towns and provinces
    count as such evidence: "Beijing" before "Taiwan" does not make Taiwan a Chinese
    province."""
    for text, iso3 in named:
        others = sorted(c for c, n in ctx.place_counts.items() if n > 0 and c != iso3)
        owner = ctx.resolver.province_of(text, others)
        if owner is not None:
            ctx.country_counts[iso3] -= 1
            if ctx.country_counts[iso3] <= 0:
                del ctx.country_counts[iso3]
            ctx.country_counts[owner] += 1


#: Prepositions that put what follows as where something is.
_LOCATIVE_PREPS = frozenset({"in", "inside", "near", "across", "throughout", "at", "within"})


def _in_locative(ps: ParsedSentence, start: int) -> bool:
    """The mention at ``start`` follows a locative preposition ("in Mali", "across Syria"):
    a country named as a party ("negotiate with Russia") says nothing of where people are."""
    before = [t for t in ps.tokens if t.idx < start]
    return bool(before) and before[-1].text.lower() in _LOCATIVE_PREPS


def _is_subject(view: SentenceView, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` heads (or is named in) its clause's subject."""
    toks = [t for t in view.tokens if start <= t.idx < end]
    inside = {t.i for t in toks}
    for t in toks:
        cur = t
        for _ in range(3):  # "Secretary of State Antony Blinken", "Blinken, the ..."
            if cur.dep in {"nsubj", "nsubjpass"}:
                return True
            if cur.dep not in {"compound", "appos", "pobj", "prep", "flat"} and cur.i not in inside:
                break
            up = view.head(cur)
            if up is None or up is cur:
                break
            cur = up
    return False


def _names_a_topic(ps: ParsedSentence, start: int, end: int) -> bool:
    """A country named as the modifier of a deal, a policy or a plan ("the Iran deal", "the
    Syria policy") is what they are about, not one of two parties the text goes on about."""
    toks = [t for t in ps.tokens if start <= t.idx < end]
    if not toks:
        return False
    last = toks[-1]
    while last.dep == "conj" and last.head != last.i:  # "the wars in Ukraine and Gaza"
        last = ps.tokens[last.head]
    if last.dep == "dobj" and ps.tokens[last.head].lemma.lower() in _DISCUSSING:
        return True  # "the leaders discussed Taiwan, trade and ...": what was talked about
    if last.dep == "pobj":
        # "the wars in Ukraine", "the crisis in Syria": where a situation is, not a party
        prep = ps.tokens[last.head]
        noun = ps.tokens[prep.head]
        return prep.text.lower() in {"in", "over"} and noun.lemma.lower() in _SITUATION_NOUNS
    if last.dep not in {"compound", "nmod", "amod"}:
        return False
    head = ps.tokens[last.head]
    return head.lemma.lower() in IDEA_NOUNS


def _note_person(ctx: ActorContext, start: int, text: str, subject: bool = False) -> None:
    """Remember a named person, for pronouns: with the country the KB or the document gives,
    or with none, since "he" after an unknown person is that person, not an earlier one we
    happen to know."""
    words = words_of(text)
    learnt = ctx._learnt(words, "PERSON")
    if learnt is None:
        found = ctx.resolver.resolve_words(words, places=False)
        if found.country is None or found.kb_id is None:
            learnt = Learnt(None, None, text)
        else:
            learnt = Learnt(found.country, found.sector, found.name, found.kb_id)
    ctx.people.append(replace(learnt, start=start, name=learnt.name or text))
    if subject:
        ctx.subjects.add(start)


#: "Harry Reid (D-Nev.)", "Ted Cruz (R-Texas)": the party and state tag of US politics.
_US_PARTY_TAG = re.compile(r"^\((?:D|R|I)[-\u2013]([A-Z][A-Za-z.]{1,12}(?:[A-Z][A-Za-z.]+)?)\)")


def _us_party_tag(view: SentenceView, end: int) -> bool:
    """The name ending at ``end`` is followed by a US party-and-state tag."""
    after = [t for t in view.tokens if t.idx >= end][:7]
    return bool(_US_PARTY_TAG.match("".join(t.text for t in after)))


def _learn_entity(ctx: ActorContext, view: SentenceView, start: int, end: int, text: str) -> None:
    toks = [t for t in view.tokens if start <= t.idx < end]
    if not toks:
        return
    if _us_party_tag(view, end) and not ctx.resolver.resolve_words(words_of(text)).kb_id:
        ctx.learn(text, words_of("American lawmaker"), start)  # "Harry Reid (D-Nev.)"
        return
    inside = {t.i for t in toks}
    head = next((t for t in toks if t.head not in inside or t.head == t.i), toks[-1])
    appos = view.children(head, "appos")
    if appos:
        desc = words_of_tokens(view.noun_phrase(appos[0]))
        found, _ = ctx._resolved(desc, start=start)
        name_found = ctx.resolver.resolve_words(words_of_tokens(toks))
        office_of_body = (
            found.country is not None
            and found.country not in ctx.resolver.kb.countries
            and (bool(found.titles) or found.sector in _STATE_SECTORS)
        )
        if name_found.kb_id and name_found.country:  # a KB name keeps its identity ...
            found.name, found.kb_id = name_found.name, name_found.kb_id
            if not office_of_body:  # ... but an official of the EU or the UN is that body's
                found.country = name_found.country
        found.titles = (
            found.titles
            + ctx.resolver.resolve_words(words_of_tokens(view.noun_phrase(head))).titles
        )
        ctx.learn(text, found, start)
        return
    found = ctx.resolver.resolve_words(words_of_tokens(view.noun_phrase(head)))
    if found.titles or (found.country and not found.kb_id):
        ctx.learn(text, found, start)


#: "the 31-year-old", "the two-year-old": a person referred to by age alone
_AGE_NOUN = re.compile(r"(?:the\s+)?(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[-\s]year[-\s]old", re.I)


def _age_anaphor(text: str, determiner: str | None) -> bool:
    """An age used as a noun with "the" points back to a person the article has named; "a
    31-year-old" introduces someone new and is left alone."""
    if not _AGE_NOUN.fullmatch(text.strip()):
        return False
    first = text.split(maxsplit=1)[0].lower()
    return first == "the" or (first != "a" and first != "an" and determiner == "the")


def _stand_in(text: str, start: int, end: int, antecedent: Learnt | None) -> Actor | None:
    """A pronoun ("he", "it") as the actor it stands for, carrying that actor's identity (the
    mention that proves it is the pronoun's, ``name`` says whose); None with no antecedent."""
    if antecedent is None or not antecedent.country:
        return None
    return Actor(
        text=text,
        start=start,
        end=end,
        country=antecedent.country,
        sector=antecedent.sector,
        name=antecedent.name,
        kb_id=CONTEXT_KB_ID,
        confidence=0.5,
    )
