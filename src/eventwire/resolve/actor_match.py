"""Match an actor phrase's words against the knowledge base, on the article's date.

n-grams, longest first, are looked up as names (people with their office on the date,
organisations as they were on the date, countries, demonyms, capitals standing for
governments, regions) and as sector vocabulary. The sector is the phrase's head noun's, not
a modifier's ("military cooperation" has none). A title with an office ("the French
president", "Russia's defence minister") resolves to whoever held that office on the date.
Capitalised words the KB does not know are tried as place names ("Shanghai police").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from eventwire.kb import KnowledgeBase, NameHit, load_kb, normalise
from eventwire.kb.lexicon import load_lexicon
from eventwire.kb.loader import NONSTATE_CODES
from eventwire.records import COUNTRY_KB_PREFIX
from eventwire.syntax import accord_follows


def _possessive(word: Word) -> bool:
    """ "Niger's", "the rebels'": the word as written carried a possessive ending."""
    return (word.raw or "").endswith(("'s", "\u2019s", "'", "\u2019"))


#: Sectors of adjectives that also begin party and movement names ("Christian Democrats").
_NAME_SECTORS = frozenset({"REL", "CVL", "SOC", "LAB", "AGR"})
#: Capitalised words that open a sentence or a name without being part of it.
#: Officers' titles that follow a body's name without making a longer name of it.
_OFFICER_WORDS = frozenset(
    """chairman chairwoman chair chief head director spokesman spokeswoman spokesperson
    official officials officer governor secretary president""".split()
)
_NAME_GLUE = frozenset({"the", "a", "an", "and", "of", "in", "for", "new", "former", "ex"})
#: Longest n-gram tried against the KB.
_MAX_NGRAM = 7
_NUMBER_WORDS = load_lexicon("en").words("number_words")
#: "food", "fuel": goods in the singular, never the plural of a sector word ("Foods")
_MASS_NOUNS = load_lexicon("en").words("mass_nouns")
#: A count glued to a noun ("13-bank", "five-nation"): the noun says the sector.
_COUNTED_PREFIX = re.compile(r"^\d+-(?=[a-z])")
#: Capitalised words that qualify a title rather than name the body it belongs to.
_TITLE_MODIFIERS = frozenset(
    """deputy acting former interim vice first chief senior assistant associate executive
    general under junior outgoing incoming then late""".split()
)
#: Heads that a "military" modifier turns into the military sector (juntas).
_JUNTA_HEADS = frozenset(
    "government regime leader leaders ruler rulers authorities administration council "
    "leadership".split()
)
#: Heads that say nothing of the sector themselves: look at their "of" complement.
GENERIC_HEADS = frozenset(
    "head one some many group groups member members chief leader leaders part unit units team "
    "body spokesman spokeswoman spokesperson delegation most all several two three four five "
    "dozens hundreds thousands personnel staff officials official representatives delegates "
    "envoys number majority director chairman chairwoman chair founder boss coordinator "
    "committee committees adviser advisers advisor advisors officer officers".split()
)
#: Titles whose "of" complement names the body they lead ("President of the Chadian Human
#: Rights League" is SOC; "President of France" stays GOV).
_LEADER_TITLES = frozenset(
    "head chief leader leaders director chairman chairwoman chair president secretary "
    "secretary-general founder boss coordinator commissioner spokesman spokeswoman "
    "spokesperson member members".split()
)
#: Heads whose sector is their modifier's when they have one: a leader of rebels is a rebel.
_DEFERRING_HEADS = frozenset(
    "leader leaders leadership chief chiefs member members candidate candidates spokesman "
    "spokeswoman spokesperson representative representatives official officials executive "
    "executives".split()
)
#: Modifiers that make media state media.
_STATE_WORDS = frozenset({"official", "state", "state-run", "state-owned", "government"})
#: Words that never start a place name in an actor phrase.
_NOT_PLACES = frozenset(
    "the a an of and in on at for from with by to his her their its our president minister "
    "general colonel captain lieutenant commander governor senator mayor judge king queen "
    "prince sheikh sir mr mrs ms dr".split()
)
#: Words after the head noun that start a qualifier, not part of the name: "rebels in Darfur".
_QUALIFIERS = frozenset(
    "in at from near across inside outside around based living operating who which that "
    "whose with against on".split()
)
#: "Somalia-based", "U.S.-led": a name glued to a participle is two words.
_GLUED = re.compile(
    r"^(.+?)-(based|led|backed|born|allied|linked|sponsored|funded|run|owned|aligned|affiliated)$"
    r"|^(anti|pro|non)-(.+)$",
    re.IGNORECASE,
)
#: "anti-Iran journalist", "pro-Russian separatists": the name is not the actor's country.
_NOT_OF = frozenset({"anti", "pro", "non", "ex"})
_PLACE_PREPS = frozenset("in at from near across of to".split())
#: Nouns of treaties and negotiations, often named after the city that hosted them.
#: Lower-case particles that open a family name ("al-Awlaki", "el-Sisi", "bin Salman").
_NAME_PARTICLE = re.compile(r"^(?:al|el|ad|ash|as|at|az|ar)-[A-Z]|^(?:bin|ibn|abu|ould|ag)$")
_WORD = re.compile(r"[\w][\w'\u2019.\-&]*", re.UNICODE)
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")

# Lower rank wins: a known person beats an organisation beats a country name, and so on.
RANK = {
    "person": 0,
    "org": 1,
    "learnt": 1,
    "country": 2,
    "adjective": 3,
    "metonym": 4,
    "place": 5,
    "region": 5,
    "context": 6,
}


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int
    #: The word as written, possessive included ("People's"), when ``text`` dropped it.
    raw: str = ""


def drop_period(word: str) -> str:
    """A word without its trailing full stop ("Sen." -> "Sen"), unless it is initials ("U.S.")."""
    return word if re.fullmatch(r"(?:[A-Z]\.)+", word) else word.rstrip(".")


def words_of(text: str, offset: int = 0) -> list[Word]:
    """Split a phrase into words with offsets; possessive endings are dropped from the word."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group()
        stripped = _POSSESSIVE.sub("", w) if len(w) > 2 else w
        stripped = drop_period(stripped)
        if not stripped:
            continue
        start = m.start() + offset
        glued = _GLUED.match(stripped)
        if glued:
            name, tail = glued.group(1) or glued.group(3), glued.group(2) or glued.group(4)
            out.append(Word(name, start, start + len(name)))
            out.append(Word(tail, start + len(name) + 1, start + len(stripped)))
            continue
        raw = w.rstrip(".") if w != stripped else ""
        out.append(Word(stripped, start, start + len(stripped), raw))
    return out


def core_end(words: list[Word]) -> int:
    """Where the phrase's head part ends: before "in Darfur", "operating in Iraq"..."""
    for k, w in enumerate(words):
        if k > 0 and w.text.lower() in _QUALIFIERS:
            return k
    return len(words)


@dataclass(slots=True)
class Finding:
    """What the words of one phrase say, with how sure each part is (lower rank: surer)."""

    country: str | None = None
    country_rank: int = 99
    sector: str | None = None
    sector_rank: int = 99
    name: str | None = None
    kb_id: str | None = None
    #: The office a title in the phrase names ("head of state"), and where it ends.
    role: str | None = None
    #: Words after the title that the KB does not know: an unknown person is named.
    unknown_name: bool = False
    #: The country comes from a country name, demonym or capital that is the phrase's head
    #: ("Niger", "Palestinians"), not a modifier of another noun ("Niamey airport").
    head_is_country: bool = False
    #: Index of the last word of the name that gave the country (-1: none).
    country_at: int = -1
    #: Titles (sector terms) seen in the phrase, normalised: "general", "foreign minister".
    titles: list[str] = field(default_factory=list)
    #: Every country a name in the phrase points to, in order.
    mentioned: list[str] = field(default_factory=list)
    #: (country, last word index) of each country name, demonym or capital, in order.
    evidence: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.country is None and self.sector is None


@dataclass(frozen=True, slots=True)
class _Hit:
    lo: int
    hi: int  # inclusive
    sector: str
    role: str
    term: str


class ActorResolver:
    """Resolve phrases against the KB on a given date (the article's publication day)."""

    def __init__(self, kb: KnowledgeBase | None = None, day: date | None = None) -> None:
        self.kb = kb or load_kb()
        self.day = day
        #: KB people the article names in full: its bare surname is them, in office or not
        #: ("Donald Trump ... Trump" in 2016)
        self.named_in_full: set[str] = set()

    def military_ruled(self, iso3: str) -> bool:
        """True when the KB has a military head of state for ``iso3`` on the resolver's date."""
        return self.kb.military_ruled(iso3, self.day)

    @cached_property
    def _gazetteer(self) -> Any:
        try:
            from eventwire.resolve.gazetteer import get_gazetteer

            return get_gazetteer()
        except Exception:  # pragma: no cover - the gazetteer's packages are pinned
            return None

    # -- the scan ---------------------------------------------------------------------------
    def resolve_words(
        self,
        words: list[Word],
        *,
        head: str | None = None,
        places: bool = True,
        home: bool = False,
    ) -> Finding:
        """Scan n-grams longest first; each KB hit proposes a country, sector terms a sector.

        ``places=False`` skips reading unknown capitalised words as place names (for a
        mention the parser already knows to be a person); ``home`` then still reads the place
        a person is "of" or "from" ("Senator Chris Murphy of Connecticut").
        """
        found = Finding()
        n = len(words)
        i = 0
        sector_hits: list[_Hit] = []
        known = [False] * n
        named: tuple[str, int, int] | None = None  # (kind, first, last word) of the best name
        openers = self.kb.opening_words()
        while i < n:
            step = 1
            if words[i].text.lower() in _NUMBER_WORDS and i + 1 < n:
                i += 1  # "Twenty Boko Haram fighters": a count, never the first word of a name
                continue  # ("thousands" alone is the people counted: sectors.tsv)
            top = min(_MAX_NGRAM, n - i)
            if top > 1 and not self._may_open(words[i], openers):
                top = 1  # no KB name or sector term of two words or more starts so
            for size in range(top, 0, -1):
                chunk = words[i : i + size]
                hits, form = self._names(chunk)
                if hits and form.islower():
                    # "conservatives", "socialists": in lower case a party's name is a leaning
                    # (unless the KB writes the name so: "blue helmets"); a country's or a
                    # capital's name in lower case is an ordinary word ("male troops", "turkey")
                    hits = [
                        h
                        for h in hits
                        if h.kind not in {"country", "metonym", "org"}
                        or self._written_so(h.kind, h.key, form)
                    ]
                if hits and (
                    all(h.kind in {"org", "region"} for h in hits)
                    or (size == 1 and all(h.kind == "person" for h in hits))
                ):
                    if self._inside_longer_name(words, i, i + size, hits):
                        hits = []  # "Social Democratic Party" is not the Democratic Party,
                        # "the Europe Bridge" not Europe, "Keith Lamont Scott" not Lord Lamont
                if hits and self._surname(words, i, size, hits, known):
                    hits = []  # "Toby French": a family name, not a nationality
                if hits and self._inside_place_name(words, i, i + size, hits):
                    hits = []  # "New Jersey", "British Columbia": a province, not the country
                if (
                    hits
                    and all(h.kind == "metonym" for h in hits)
                    and accord_follows([w.text for w in words[i + size :]])
                ):
                    hits = []  # "the Paris agreement", "the Minsk accords": where it was signed
                term = self._sector_term(" ".join(w.text for w in chunk))
                negated = i > 0 and words[i - 1].text.lower() in _NOT_OF
                if hits and not negated:
                    rank = found.country_rank
                    kind = self._apply_hits(found, hits, form, whole=size == n, at=i + size - 1)
                    if kind in {"person", "org"} and found.country_rank < rank:
                        named = (kind, i, i + size - 1)
                if term:
                    sector_hits.append(_Hit(i, i + size - 1, term[0], term[1], normalise(form)))
                if hits or term:
                    known[i : i + size] = [True] * size
                if hits or (term and size > 1):
                    step = size
                    break
            i += step
        self._titles(found, sector_hits, words, known, named)
        if found.country is None and sector_hits:
            self._party_adjective(found, words, sector_hits)
        if found.country is None and (places or home):
            self._place(found, words, known, home_only=not places)
        return found

    @staticmethod
    def _may_open(word: Word, openers: tuple[frozenset[str], frozenset[str]]) -> bool:
        """Whether an n-gram of two words or more starting with ``word`` could be a KB name or
        a sector term: the key of every form :meth:`_names` and :meth:`_sector_term` look up
        for it (as written, without the possessive, without a count prefix, with a plural's
        ending changed: only its last word changes) starts with this word's own key."""
        names, terms = openers
        for form, keys in (
            (word.text, names),
            (word.raw or word.text, names),
            (_COUNTED_PREFIX.sub("", word.text), terms),
        ):
            key = normalise(form)
            if not key or key.split(" ", 1)[0] in keys:
                return True  # (an empty key: the n-gram's key starts with the next word's)
        return False

    def _party_adjective(self, found: Finding, words: list[Word], hits: list[_Hit]) -> None:
        """ "a Tory minister", "the Liberal Democrat leader", "a Republican senator": the
        capitalised words right before the title that heads the phrase name the party whose
        office it is, and so its country. Only all of them, and only there: "Republican"
        alone, "the Republican Guard" or "the Social Democrat leader" is no US party."""
        end = core_end(words)
        heads = [h for h in hits if h.hi < end]
        if not heads:
            return
        title_at = heads[-1].lo
        # over up to two lower-case modifiers first ("a Democratic presidential candidate")
        for _ in range(2):
            if title_at > 1 and words[title_at - 1].text[:1].islower():
                title_at -= 1
        lo = title_at
        while lo > 0 and words[lo - 1].text[:1].isupper():
            lo -= 1
        form = " ".join(w.text for w in words[lo:title_at])
        org_id = self.kb.party_adjectives.get(form)
        org = self.kb.org(org_id, self.day) if org_id else None
        if org is not None:
            found.country, found.country_rank = org.country, RANK["org"]
            found.mentioned.append(org.country)

    def _written_so(self, kind: str, key: str, form: str) -> bool:
        """The KB spells one of the organisation's or country's names exactly as ``form``
        ("blue helmets", "the pontiff")."""
        if kind == "org":
            org = self.kb.orgs.get(key)
            return org is not None and form in {org.name, *org.aliases}
        c = self.kb.countries.get(key)
        names = {c.name, *c.aliases, *c.metonyms, c.capital} if c is not None else set()
        return form in names or f"the {form}" in names

    def _surname(
        self, words: list[Word], i: int, size: int, hits: list[NameHit], known: list[bool]
    ) -> bool:
        """A nationality word that ends a name after a capitalised word nothing else
        explains is a family name ("Toby French", "Bill English" when the KB does not know
        him): a nationality adjective qualifies what follows it, it does not close a name."""
        if size != 1 or i != len(words) - 1 or i == 0:
            return False
        last = words[i].text
        if not all(h.kind == "adjective" for h in hits) or not last[:1].isupper():
            return False
        if last.endswith("s"):
            return False  # "Young Algerians", "Ethnic Albanians": a people, plural
        before = words[i - 1]
        return (
            before.text[:1].isupper()
            and before.text.isalpha()
            and not before.text.isupper()  # "US Marines", "UN": an acronym is known or a body
            and not known[i - 1]
            and before.text.lower() not in _NAME_GLUE | _OFFICER_WORDS | _NUMBER_WORDS
            and not self._sector_term(before.text)
        )

    def _peoples_own(self, word: str, hits: Sequence[NameHit]) -> bool:
        """Whether ``word`` names a people ("Kurdish") living where the organisations of
        ``hits`` belong: it qualifies their name ("the Kurdish YPG") rather than making a
        longer one ("the Kurdish Democratic Party" is not the American party)."""
        lands = self.kb.peoples.get(word.lower())
        if not lands or not hits:
            return False
        for h in hits:
            org = self.kb.org(h.key, self.day) if h.kind == "org" else None
            if org is None or org.country not in lands:
                return False
        return True

    def _inside_longer_name(
        self, words: list[Word], first: int, end: int, hits: Sequence[NameHit] = ()
    ) -> bool:
        """An organisation's name with an unknown capitalised word glued to it is another,
        longer name ("National Democratic Alliance", "Social Democrats")."""
        possessor = _possessive(words[end - 1])
        for j in (first - 1, end):
            if not 0 <= j < len(words) or (j == end and possessor):
                continue  # "the Northern Fleet's Arctic Group": the name owns what follows
            w = words[j]
            if _NAME_PARTICLE.match(w.text) and j == end:
                return True  # "Anwar al-Awlaki" is not Anwar Ibrahim: an Arabic family name
            if not w.text[:1].isupper() or w.text.lower() in _NAME_GLUE | _OFFICER_WORDS:
                continue  # "Federal Reserve Chairman": an officer of the body, not a new name
            if w.text.lower() in _NUMBER_WORDS:
                continue  # "Twenty Boko Haram fighters": a count, not part of the name
            if j < first and _possessive(w):
                continue  # "bin Laden's al-Qaeda": a possessor, not part of the name
            if self._names([w])[0]:
                continue  # "Malian", "Niger": a qualifier, not part of the name
            if j < first and self._peoples_own(w.text, hits):
                continue  # "the Kurdish People's Protection Units": a people's name qualifies
            term = self._sector_term(w.text)
            if term and (term[1] or term[0] not in _NAME_SECTORS):
                continue  # "President", "Rebel": a title or sector, not part of the name
            return True
        return False

    def _inside_place_name(
        self, words: list[Word], first: int, end: int, hits: list[NameHit]
    ) -> bool:
        """A country's name or adjective with a capitalised word glued to it that together
        name a province or city of another country ("New Jersey", "New Mexico", "British
        Columbia": ``kb.compound_places``): the words are that place, not the country."""
        if not all(h.kind in _COUNTRY_KINDS for h in hits):
            return False
        places = self.kb.compound_places
        for lo in range(max(0, first - 2), first + 1):
            for hi in range(end, min(len(words), end + 2) + 1):
                if hi - lo > end - first and " ".join(w.text for w in words[lo:hi]) in places:
                    return True
        return False

    def _names(self, chunk: list[Word]) -> tuple[list[NameHit], str]:
        """KB names for an n-gram: as written ("People's Republic of China"), then without
        possessive endings ("Niger's" -> "Niger")."""
        stripped = " ".join(w.text for w in chunk)
        raw = " ".join(w.raw or w.text for w in chunk)
        if raw != stripped:
            hits = self.kb.lookup(raw)
            if hits:
                return hits, raw
        return self.kb.lookup(stripped, surface=raw), stripped

    def _sector_term(self, form: str) -> tuple[str, str] | None:
        kb = self.kb
        form = _COUNTED_PREFIX.sub("", form)  # "13-bank committee": a committee of banks
        term = kb.sector_of(form)
        low = form.lower()
        if term is None and len(form) > 3 and low.endswith("s"):
            term = kb.sector_of(form[:-1])  # "instructor" <-> "instructors"
            if term is None and low.endswith("es"):
                term = kb.sector_of(form[:-2])
        if term is None and not low.endswith("s") and low not in _MASS_NOUNS:
            term = kb.sector_of(form + "s")
        return (term.sector, term.role) if term else None

    # -- names --------------------------------------------------------------------------------
    def _apply_hits(
        self, found: Finding, hits: list[NameHit], form: str, *, whole: bool, at: int
    ) -> str | None:
        for hit in self._by_office(hits):
            kind = hit.kind
            if kind == "metonym" and not whole and found.country is None:
                # "Moscow's envoy": the capital names the country; but a nationality before
                # an institution's name says whose it is ("the German Foreign Office")
                kind = "country"
            rank = RANK[kind]
            country: str | None
            sector: str | None
            name: str | None = None
            kb_id = f"{kind if kind != 'adjective' else 'country'}:{hit.key}"
            if kind == "person":
                person = self.kb.person(hit.key, self.day)
                if person is None:
                    continue
                if (
                    " " not in form.strip()
                    and hit.key not in self.named_in_full
                    and not self.kb.in_public_life_by(hit.key, self.day)
                ):
                    continue  # "Yunus" in January 2024 is not Bangladesh's later leader
                country, sector, name = person.country, person.sector, person.name
                kb_id = f"person:{person.id}"
                if self.day is not None and not person.holds_office_on(self.day):
                    # out of office on the article's date: a former office holder (with no
                    # date we cannot tell, and keep the office's sector)
                    sector = "ELI" if person.sector in {"GOV", "MIL", "LEG", "JUD"} else sector
            elif kind == "org":
                org = self.kb.org(hit.key, self.day)
                if org is None:
                    continue
                country, sector, name = org.country, org.sector, org.name
            elif kind == "region":
                region = self.kb.regions[hit.key]
                if found.kb_id is None:
                    found.name, found.kb_id = region.name, kb_id
                if region.actor_code and found.country is None:
                    found.country, found.country_rank = region.actor_code, RANK["org"]
                found.evidence.append(f"region:{form}")
                return kind
            else:
                country, sector = hit.key, ("GOV" if kind == "metonym" else None)
                kb_id = f"{COUNTRY_KB_PREFIX}{hit.key}"
            if country:
                found.mentioned.append(country)
            if rank < found.country_rank:
                found.country, found.country_rank = country, rank
                found.country_at = at if kind in {"country", "adjective", "metonym"} else -1
                if name or found.kb_id is None or found.kb_id.startswith("region:"):
                    found.name, found.kb_id = name, kb_id
            if sector and rank < found.sector_rank:
                found.sector, found.sector_rank = sector, rank
            found.evidence.append(f"{kind}:{form}")
            return kind  # first hit of an ambiguous form is its preferred reading
        return None

    def _by_office(self, hits: list[NameHit]) -> list[NameHit]:
        """People who share a name ("Bush", "Marcos", "Kenyatta"): the one in office on the
        article's date first, then the one whose office ended last."""
        if len(hits) < 2 or any(h.kind != "person" for h in hits):
            return hits

        def rank(hit: NameHit) -> tuple[int, int]:
            offices = self.kb.people_by_id.get(hit.key, [])
            holds = any(p.holds_office_on(self.day) for p in offices)
            last = max(((p.end or date.max).toordinal() for p in offices), default=0)
            return (0 if holds else 1, -last)

        return sorted(hits, key=rank)

    # -- titles and sectors -----------------------------------------------------------------
    def _titles(
        self,
        found: Finding,
        hits: list[_Hit],
        words: list[Word],
        known: list[bool],
        named: tuple[str, int, int] | None,
    ) -> None:
        end = core_end(words)
        found.head_is_country = found.country_at == end - 1
        core_hits = [h for h in hits if h.hi < end]
        found.titles = [h.term for h in hits]
        head_sector = self._head_sector(core_hits, words[:end]) if core_hits else None
        if named is not None:
            kind, lo, hi = named
            if hi < end - 1 and head_sector:
                # the name only modifies the head: "Putin's spokesman", "UN peacekeepers"
                head_is_title = any(h.hi == end - 1 for h in core_hits)
                international = found.country in NONSTATE_CODES  # "OPEC ministers": GOV
                if head_is_title and (kind == "person" or found.sector == "GOV" or international):
                    found.sector = head_sector
                    if kind == "person":
                        found.name, found.kb_id = None, None
                return
            # An explicit title before a known person's name says what they are in this
            # text ("Senator Marco Rubio", "General Michel Aoun", "President Laurent Gbagbo").
            before = [h for h in hits if h.hi == lo - 1]
            if kind == "person" and not before and hi > lo:
                lead = self._sector_term(words[lo].text)  # an alias with its title
                if lead:
                    before = [_Hit(lo, lo, lead[0], lead[1], normalise(words[lo].text))]
            if kind == "person" and before:
                title = before[-1]
                keep_mil = found.sector == "MIL" and title.sector == "GOV"
                if title.sector != found.sector and not keep_mil:
                    found.sector = title.sector
            return
        if head_sector and found.sector_rank > RANK["org"]:
            found.sector, found.sector_rank = head_sector, 2
        roles = [h for h in core_hits if h.role]
        if not roles:
            return
        title = roles[-1]
        # Capitalised words after the title that the KB does not know name someone else
        # ("Malian Foreign Minister Jane Doe"): the office holder is not the one meant.
        found.unknown_name = any(
            not known[k] and words[k].text[:1].isupper() for k in range(title.hi + 1, end)
        )
        found.role = title.role
        before_title = title.lo - 1
        if (
            0 <= before_title
            and not known[before_title]
            and words[before_title].text[:1].isupper()
            and words[before_title].text.lower() not in _TITLE_MODIFIERS
            and found.country is None
        ):
            # "former Home State president": an unknown name before the title is the body the
            # office belongs to (a bank, a club), not the state
            found.role = None
            if found.sector == title.sector:
                found.sector = None
            return
        if any(h.lo > title.hi for h in core_hits):
            # "President of the Nigerian Bar Association" leads a body, not the state
            found.role = None
        elif found.country and not found.unknown_name and found.country_rank >= RANK["country"]:
            self.fill_office(found)

    def fill_office(self, found: Finding) -> None:
        """The holder of the titled office in the found country on the resolver's date."""
        if not found.role or not found.country:
            return
        holders = self.kb.holders(found.country, found.role, self.day)
        if not holders and found.role == "head of state":
            # where the president heads the government under a supreme leader (Iran), or the
            # KB lacks the head of state
            holders = self.kb.holders(found.country, "head of government", self.day)
        if len(holders) != 1:
            return
        holder = holders[0]
        found.name, found.kb_id = holder.name, f"person:{holder.id}"
        if holder.sector == "MIL" or found.sector is None:
            found.sector = holder.sector
        found.evidence.append(f"office:{found.role}")

    def _head_sector(self, hits: list[_Hit], words: list[Word]) -> str | None:
        """The sector of the phrase's head noun, not of any modifier in it.

        "military cooperation" has no sector (its head is not an agent); "Niger's military
        government" is MIL (a junta); "head of Niger's army" and "one of the Turkish
        instructors" take their sector from the "of" complement, and so does a leader of a
        body ("President of the Nigerian Bar Association"); a title before a name
        ("Russian President Vladimir Putin") gives the name its sector.
        """
        cut = next((k for k, w in enumerate(words) if w.text.lower() == "of"), len(words))
        if any(h.lo < cut < h.hi for h in hits):  # "chief of defence staff"
            return max(hits, key=lambda h: h.hi - h.lo).sector
        first, defers = self._part_sector(hits, words, 0, cut)
        if cut >= len(words):
            return first
        rest, _ = self._part_sector(hits, words, cut + 1, len(words))
        if first is None and defers:
            return rest
        if cut > 0 and normalise(words[cut - 1].text) in _LEADER_TITLES and rest:
            return rest
        return first

    def _part_sector(
        self, hits: list[_Hit], words: list[Word], lo: int, hi: int
    ) -> tuple[str | None, bool]:
        """(sector of words[lo:hi]'s head, whether a sectorless head defers to "of" X)."""
        if hi <= lo:
            return None, True
        head_pos = hi - 1
        part = [h for h in hits if lo <= h.lo and h.hi < hi]
        at_head = [h for h in part if h.hi == head_pos]
        head_word = words[head_pos].text
        generic = normalise(head_word) in GENERIC_HEADS
        if at_head:
            best = max(at_head, key=lambda h: h.hi - h.lo)
            head_norm = normalise(head_word)
            modifiers = [h for h in part if h.hi < best.lo]
            if best.sector == "GOV" and head_norm in _JUNTA_HEADS:
                if any(h.sector == "MIL" for h in modifiers):
                    return "MIL", False
            if head_norm in _DEFERRING_HEADS and modifiers:
                # "rebel leader", "Hindu community leader", "opposition candidates"
                return modifiers[-1].sector, False
            if best.sector == "JRN" and any(w.text.lower() in _STATE_WORDS for w in words[lo:hi]):
                return "GOV", False  # "the official news agency": state media
            return best.sector, False
        if part and (head_word[:1].isupper() or generic):
            return max(part, key=lambda h: h.hi).sector, False  # a title before a name
        return None, generic

    # -- places -------------------------------------------------------------------------------
    def place_country(self, name: str) -> str | None:
        """The country of a town or province the gazetteer knows by ``name`` (not a country)."""
        gaz = self._gazetteer
        entry = gaz.lookup(name) if gaz is not None else None
        if entry is None or entry.kind == "country":
            return None
        return str(entry.country) if entry.country else None

    def province_of(self, name: str, countries: list[str]) -> str | None:
        """The country, among ``countries``, one of whose provinces ``name`` is, read as the
        place resolver reads it with those countries in context ("Georgia" with the US:
        USA); None when the name is read otherwise."""
        gaz = self._gazetteer
        entry = gaz.lookup(name, countries=countries) if gaz is not None and countries else None
        if entry is None or entry.kind != "admin1" or entry.country not in countries:
            return None
        return str(entry.country)

    def named_place_country(self, words: list[Word], among: tuple[str, ...]) -> str | None:
        """The country, among ``among``, of a place the phrase names after "of" or "in" ("the
        Kurdish city of Afrin", "Tuareg rebels in Kidal"); None when it names none."""
        for k, w in enumerate(words[:-1]):
            if w.text.lower() not in {"of", "in"}:
                continue
            run = []
            for nxt in words[k + 1 :]:
                if not nxt.text[:1].isupper():
                    break
                run.append(nxt.text)
            country = self.place_country(" ".join(run)) if run else None
            if country in among:
                return country
        return None

    def _place(
        self, found: Finding, words: list[Word], known: list[bool], *, home_only: bool = False
    ) -> None:
        """A capitalised run the KB does not know, read as a place where a place is expected:
        before a noun ("Shanghai police", "Kano State government"), after "in" ("University
        of St. Andrews in Scotland"), or as the whole phrase ("Puerto Penasco"). Only
        prominent places (a city of 100,000, a capital or a province); a name after a
        title ("Foreign Minister Park Jin") is a person, not a place."""
        gaz = self._gazetteer
        if gaz is None:
            return
        n = len(words)
        i = 0
        while i < n:
            if known[i] or not words[i].text[:1].isupper() or words[i].text.lower() in _NOT_PLACES:
                i += 1
                continue
            j = i
            while j + 1 < n and not known[j + 1] and words[j + 1].text[:1].isupper():
                j += 1
            k = i - 1
            while k >= 0 and words[k].text.lower() in {"the", "a", "an"}:
                k -= 1
            before = words[k].text.lower() if k >= 0 else ""
            modifier = j + 1 < n and (known[j + 1] or words[j + 1].text[:1].islower())
            if accord_follows([w.text for w in words[j + 1 :]]):
                modifier = False  # "the Paris agreement": named after a host city, no actor
            located = before in _PLACE_PREPS
            alone = i == 0 and j == n - 1
            if home_only:  # a person's own place: "Senator X of Connecticut", "Y from Texas",
                # "Vermont Sen. Bernie Sanders" (a place before a title)
                modifier = (
                    j + 1 < n and known[j + 1] and self._sector_term(words[j + 1].text) is not None
                )
                alone = False
                located = before in {"of", "from"} and j == n - 1
            if modifier or located or alone:
                sizes = range(j - i + 1, 0, -1) if not alone or located else [j - i + 1]
                for size in sizes:
                    for lo in range(i, j - size + 2):
                        name = " ".join(w.text for w in words[lo : lo + size])
                        entry = gaz.lookup(name)
                        if entry is None or not _prominent(entry, 50_000 if alone else 100_000):
                            continue
                        if alone and normalise(entry.name) != normalise(name):
                            continue  # a whole phrase must be the place's own name
                        if size == 1 and _stray_code(name, entry.name):
                            continue  # "BLM" is no code for Belém; "NYC" is New York City
                        if size == 1 and normalise(entry.name).startswith(normalise(name) + " "):
                            # "Free trade" is not Free State: one word that only opens a
                            # longer name; "New York" (New York City) is a name of its own
                            continue
                        found.country, found.country_rank = entry.country, RANK["place"]
                        found.evidence.append(f"place:{name}")
                        return
            i = j + 1


#: KB entries that name a country: its name, its adjective, a metonym of its government.
_COUNTRY_KINDS = frozenset({"country", "adjective", "metonym"})


def _stray_code(word: str, place: str) -> bool:
    """An upper-case word of up to four letters that the gazetteer lists for a place whose
    name it neither is nor abbreviates by initials ("BLM" for Belém; "NYC" is New York
    City's initials)."""
    if not (word.isupper() and len(word) <= 4) or normalise(place) == normalise(word):
        return False
    initials = "".join(w[0] for w in place.replace("-", " ").split() if w[:1].isalpha())
    return initials.upper() != word


def _prominent(entry: Any, city_population: int = 100_000) -> bool:
    if entry.kind == "country":
        return False  # the KB's country names are the ones to trust
    if entry.kind == "admin1":
        return bool(entry.population >= 50_000)
    return entry.kind == "city" and (entry.capital or entry.population >= city_population)


def confidence(found: Finding, *, from_context: bool = False) -> float:
    """How sure a resolution is: named KB entries most, a context guess least."""
    if from_context:
        base = 0.45
    else:
        base = {0: 0.9, 1: 0.85, 2: 0.8, 3: 0.75, 4: 0.7, 5: 0.6}.get(found.country_rank, 0.4)
    if found.sector is None:
        base -= 0.15
    return round(max(base, 0.2), 2)
