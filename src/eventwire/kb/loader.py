"""Load and validate the knowledge base: countries, regions, sector words, organisations, people.

The knowledge is data (``kb/data/*.tsv|jsonl``, ``kb/ontologies/*.tsv``); this module only reads
it, checks every line, and builds lookup indexes. A bad line raises :class:`KBError` as
``file:line: reason`` so a user extending the KB with their own files sees where to look;
:func:`validate` collects every such reason instead of stopping at the first (``eventwire kb
validate``). The file formats are described in ``docs/kb.md``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire.errors import KBError

KB_DIR = Path(__file__).parent
DATA_DIR = KB_DIR / "data"
ONTOLOGY_DIR = KB_DIR / "ontologies"

#: PLOVER actor sectors, and the non-state "country" codes used for IGOs and the like.
SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP "
    "PRE REL SOC".split()
)
NONSTATE_CODES = frozenset("IGO UNO EUR NGO ISM IMG MNC".split())
#: Offices every state has, with their default sector: the roles :meth:`KnowledgeBase.holders`
#: answers for title phrases ("the French president", "Russia's defence minister").
OFFICE_SECTORS = {
    "head of state": "GOV",
    "head of government": "GOV",
    "vice president": "GOV",
    "foreign minister": "GOV",
    "defence minister": "GOV",
    "interior minister": "GOV",
    "finance minister": "GOV",
    "central bank governor": "GOV",
    "chief of defence staff": "MIL",
    "army chief": "MIL",
    "intelligence chief": "SPY",
    "speaker": "LEG",
    # heads of the governments of states, provinces and regions (an Indian chief minister, a
    # Nigerian state governor): one country may have many at once, so they never answer
    # "the president" or "the prime minister", only their own names
    "regional head of government": "GOV",
    # a legislature has many members at once: never "the speaker", only their own names
    "legislator": "LEG",
}

_kw = dict(frozen=True, slots=True, kw_only=True)


@dataclass(**_kw)
class Country:
    iso3: str
    iso2: str
    name: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    capital: str = ""
    metonyms: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None


@dataclass(**_kw)
class Region:
    """A named group of countries ("the Sahel", "the Gulf"); not a state, not an actor's country."""

    id: str
    name: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]
    #: the code an actor named by the region takes (Europe: EUR), if event data has one
    actor_code: str | None = None


@dataclass(**_kw)
class SectorTerm:
    term: str
    sector: str
    cameo: str = ""
    #: The office a title names ("president" -> "head of state"), when it names one.
    role: str = ""


@dataclass(**_kw)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str
    role: str
    start: date | None
    end: date | None

    def holds_office_on(self, day: date | None) -> bool:
        """True when the office covers ``day``; with no day, when the office has not ended."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(**_kw)
class Organization:
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str
    kind: str
    members: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    #: The capitalised word a party's members and offices carry ("a Tory minister", "a
    #: Republican senator"): read as the party only before a title (kb/data docs).
    adjectives: tuple[str, ...] = ()

    def active_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(**_kw)
class CameoCode:
    code: str
    root: str
    quad_class: int
    goldstein: float
    name: str
    plover_type: str
    plover_mode: str
    plover_context: tuple[str, ...]


@dataclass(**_kw)
class NameHit:
    """What a surface form can refer to."""

    kind: str  # "country", "adjective", "metonym", "person", "org", "region"
    key: str  # iso3, person id, org id or region id
    #: The KB spelling when it has acronym words ("WHO", "the US") that must be written in
    #: capitals to match: "who" and "us" are not the WHO and the USA.
    form: str = ""


@dataclass(slots=True)
class KnowledgeBase:
    countries: dict[str, Country] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    #: A stateless people's word (lower case: "kurdish") -> the states it lives in, in order.
    peoples: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: A province or city whose name holds another country's ("New Jersey") -> its country.
    compound_places: dict[str, str] = field(default_factory=dict)
    #: A party's member adjective, as written ("Tory", "Lib Dem") -> the party's id.
    party_adjectives: dict[str, str] = field(default_factory=dict)
    sectors: dict[str, SectorTerm] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    #: Organisation id -> its latest period; ``org_periods`` has every period.
    orgs: dict[str, Organization] = field(default_factory=dict)
    org_periods: dict[str, list[Organization]] = field(default_factory=lambda: defaultdict(list))
    cameo: dict[str, CameoCode] = field(default_factory=dict)
    names: dict[str, list[NameHit]] = field(default_factory=lambda: defaultdict(list))
    people_by_id: dict[str, list[Person]] = field(default_factory=lambda: defaultdict(list))
    #: (country, role) -> offices, for title phrases resolved by date.
    offices: dict[tuple[str, str], list[Person]] = field(default_factory=lambda: defaultdict(list))
    #: Data files read, in order.
    files: list[Path] = field(default_factory=list)
    #: When a list, bad lines are collected here instead of raising (see :func:`validate`).
    errors: list[str] | None = None
    #: (len(names), len(sectors), opening words): see :meth:`opening_words`
    _openers: tuple[int, int, frozenset[str], frozenset[str]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def opening_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """The first words of every name key and of every sector-term key (normalised).

        A phrase scanned for names can only match a key whose first word is its own, so a word
        that opens none is looked up alone, not as the start of longer n-grams. Recomputed when
        a key is added."""
        sizes = (len(self.names), len(self.sectors))
        if self._openers is None or self._openers[:2] != sizes:
            names = frozenset(k.split(" ", 1)[0] for k in self.names)
            terms = frozenset(k.split(" ", 1)[0] for k in self.sectors)
            self._openers = (*sizes, names, terms)
        return self._openers[2], self._openers[3]

    def lookup(self, text: str, *, surface: str | None = None) -> list[NameHit]:
        """Every KB entry a form (any case, accents, quotes) can stand for.

        Acronym entries ("WHO", "US") match only when the ``surface`` text (default: ``text``)
        writes them in capitals.
        """
        hits = self.names.get(normalise(text), [])
        seen = text if surface is None else surface
        return [h for h in hits if not h.form or _acronyms_match(h.form, seen)]

    def person(self, person_id: str, day: date | None = None) -> Person | None:
        """The office a person held on ``day`` (the latest one when no office covers it)."""
        offices = self.people_by_id.get(person_id, [])
        if not offices:
            return None
        current = [p for p in offices if p.holds_office_on(day)]
        pool = current or offices
        # a head of state who also chairs ECOWAS or the AU is still first his country's: a
        # state office wins over a concurrent one in an international body
        return max(
            pool,
            key=lambda p: (
                not current or p.country not in NONSTATE_CODES,
                p.start or date.min,
                p.end or date.max,
            ),
        )

    def in_public_life_by(self, person_id: str, day: date | None) -> bool:
        """Whether the person had taken up a KB office by ``day``: a surname alone ("Yunus")
        before someone's first office is more likely someone else of that name."""
        offices = self.people_by_id.get(person_id, [])
        return day is None or any(p.start is None or p.start <= day for p in offices)

    def org(self, org_id: str, day: date | None = None) -> Organization | None:
        """An organisation as it was on ``day`` (its sector can change: rebels who took power)."""
        periods = self.org_periods.get(org_id, [])
        if not periods:
            return self.orgs.get(org_id)
        current = [o for o in periods if o.active_on(day)]
        return max(current or periods, key=lambda o: o.start or date.min)

    def holders(self, country: str, role: str, day: date | None = None) -> list[Person]:
        """Who held ``role`` in ``country`` on ``day`` (with no day: who holds it now)."""
        found = [p for p in self.offices.get((country, role), []) if p.holds_office_on(day)]
        return list({p.id: p for p in found}.values())  # a term written in two files is one

    def military_ruled(self, country: str, day: date | None = None) -> bool:
        """True when the head of state on ``day`` is a soldier who took power (sector MIL)."""
        return any(p.sector == "MIL" for p in self.holders(country, "head of state", day))

    def sector_of(self, term: str) -> SectorTerm | None:
        return self.sectors.get(normalise(term))

    def country_codes(self) -> frozenset[str]:
        return frozenset(self.countries) | NONSTATE_CODES

    def fail(self, message: str) -> None:
        """Report a bad line: raise, or collect when validating."""
        if self.errors is None:
            raise KBError(message)
        self.errors.append(message)


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-"})
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){1,5}$|^[A-Z][A-Z&]{1,4}$")


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Casefold, strip accents and typographic quotes, collapse spaces: the key of every index.

    Cached: the same few thousand words are looked up over and over in a corpus."""
    if text.isascii():
        return _SPACES.sub(" ", text).strip().casefold()
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACES.sub(" ", text).strip().casefold()


_SPACES = re.compile(r"\s+")


def _acronym_form(form: str) -> bool:
    return any(_ACRONYM.match(w) for w in form.split())


def _acronyms_match(form: str, surface: str) -> bool:
    """Each acronym word of ``form`` is written in capitals in ``surface`` (or, from four
    letters on, capitalised: "Nato")."""
    # "EU's": the possessive ending is no lower-case letter of the acronym
    got = [re.sub(r"['\u2019]s?$", "", g) or g for g in surface.split()]
    surface = " ".join(got)
    want = form.split()
    if len(got) != len(want):
        return surface.isupper() or not surface.islower()
    return all(
        not _ACRONYM.match(w) or g.isupper() or (len(w) >= 4 and g[:1].isupper())
        for w, g in zip(want, got, strict=True)
    )


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _date(value: object, where: str) -> date | None:
    if value in (None, "", "null"):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise KBError(f"{where}: bad date {value!r}; use YYYY-MM-DD") from None


def _period(obj: dict[str, Any], where: str) -> tuple[date | None, date | None]:
    start, end = _date(obj.get("from"), where), _date(obj.get("to"), where)
    if start and end and end < start:
        raise KBError(f"{where}: 'to' {end} is before 'from' {start}")
    return start, end


def _rows(kb: KnowledgeBase, path: Path, required: Iterable[str]) -> Iterator[tuple[str, dict]]:
    """(``file:line``, row) for each data line of a tab-separated file with a header line."""
    with path.open(encoding="utf-8") as fh:
        lines = [
            (n, line) for n, line in enumerate(fh, 1) if line.strip() and not line.startswith("#")
        ]
    if not lines:
        return
    header_no, header = lines[0]
    cols = header.rstrip("\n").split("\t")
    missing = [c for c in required if c not in cols]
    if missing:
        kb.fail(f"{path}:{header_no}: header lacks column(s) {', '.join(missing)}")
        return
    for n, line in lines[1:]:
        cells = line.rstrip("\n").split("\t")
        if len(cells) != len(cols):
            kb.fail(f"{path}:{n}: expected {len(cols)} tab-separated columns, got {len(cells)}")
            continue
        yield f"{path}:{n}", dict(zip(cols, cells, strict=True))


def _jsonl(kb: KnowledgeBase, path: Path) -> Iterator[tuple[str, dict]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                kb.fail(f"{path}:{n}: malformed JSON ({exc.msg})")
                continue
            if not isinstance(obj, dict):
                kb.fail(f"{path}:{n}: expected a JSON object")
                continue
            yield f"{path}:{n}", obj


def _each(kb: KnowledgeBase, rows: Iterator[tuple[str, dict]], fn: Callable) -> None:
    """Apply ``fn(where, row)`` to each row; a KBError is reported through ``kb.fail``."""
    for where, row in rows:
        try:
            fn(where, row)
        except KBError as exc:
            kb.fail(str(exc))


def _require(obj: dict, keys: Iterable[str], where: str) -> None:
    missing = [k for k in keys if not str(obj.get(k) or "").strip()]
    if missing:
        raise KBError(f"{where}: missing field(s) {', '.join(missing)}")


def _coordinate(value: str, where: str) -> float | None:
    try:
        return float(value) if value.strip() else None
    except ValueError:
        raise KBError(f"{where}: bad coordinate {value!r}") from None


def _check_country(kb: KnowledgeBase, code: str, where: str) -> None:
    if kb.countries and code not in kb.countries and code not in NONSTATE_CODES:
        raise KBError(f"{where}: unknown country code {code!r}")


def _check_sector(sector: str, where: str) -> None:
    if sector not in SECTORS:
        raise KBError(f"{where}: unknown sector {sector!r}; use one of {' '.join(sorted(SECTORS))}")


def _aliases(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return _split(value)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KBError(f"{where}: aliases must be a list of strings")
    return tuple(v for v in value if v.strip())


# -- one loader per file kind --------------------------------------------------------------


def _load_countries(kb: KnowledgeBase, path: Path) -> None:
    def row(where: str, r: dict[str, str]) -> None:
        iso3 = r.get("iso3", "").strip()
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            raise KBError(f"{where}: iso3 must be three capital letters, got {iso3!r}")
        _require(r, ("name",), where)
        kb.countries[iso3] = Country(
            iso3=iso3,
            iso2=r.get("iso2", "").strip(),
            name=r["name"].strip(),
            aliases=_split(r.get("aliases", "")),
            adjectives=_split(r.get("adjectives", "")),
            capital=r.get("capital", "").strip(),
            metonyms=_split(r.get("metonyms", "")),
            lat=_coordinate(r.get("lat", ""), where),
            lon=_coordinate(r.get("lon", ""), where),
        )

    _each(kb, _rows(kb, path, ("iso3", "name")), row)


def _known_countries(
    kb: KnowledgeBase, codes: tuple[str, ...], where: str, what: str
) -> tuple[str, ...]:
    """``codes`` when every one is a country of the KB; else an error naming the first one."""
    for code in codes:
        if code not in kb.countries:
            raise KBError(f"{where}: unknown {what} {code!r}")
    return codes


def _load_regions(kb: KnowledgeBase, path: Path) -> None:
    def row(where: str, r: dict[str, str]) -> None:
        _require(r, ("id", "name", "members"), where)
        members = _known_countries(kb, _split(r["members"]), where, "member country")
        actor_code = (r.get("actor_code") or "").strip() or None
        if actor_code is not None and actor_code not in NONSTATE_CODES:
            raise KBError(
                f"{where}: actor_code {actor_code!r} is not one of {sorted(NONSTATE_CODES)}"
            )
        kb.regions[r["id"].strip()] = Region(
            id=r["id"].strip(),
            name=r["name"].strip(),
            aliases=_split(r.get("aliases", "")),
            members=members,
            actor_code=actor_code,
        )

    _each(kb, _rows(kb, path, ("id", "name", "members")), row)


def _load_peoples(kb: KnowledgeBase, path: Path) -> None:
    def row(where: str, r: dict[str, str]) -> None:
        _require(r, ("id", "words", "countries"), where)
        countries = _known_countries(kb, _split(r["countries"]), where, "country")
        for word in _split(r["words"]):
            key = word.lower()
            if key in kb.peoples:
                raise KBError(f"{where}: {word!r} is listed twice")
            kb.peoples[key] = countries

    _each(kb, _rows(kb, path, ("id", "words", "countries")), row)


def _load_compound_places(kb: KnowledgeBase, path: Path) -> None:
    def row(where: str, r: dict[str, str]) -> None:
        _require(r, ("name", "country", "contains"), where)
        (country,) = _known_countries(kb, (r["country"].strip(),), where, "country")
        kb.compound_places[r["name"].strip()] = country

    _each(kb, _rows(kb, path, ("name", "country", "contains")), row)


def _load_sectors(kb: KnowledgeBase, path: Path) -> None:
    def row(where: str, r: dict[str, str]) -> None:
        _require(r, ("term",), where)
        sector = r.get("sector", "").strip()
        _check_sector(sector, where)
        role = r.get("role", "").strip()
        if role and role not in OFFICE_SECTORS:
            raise KBError(f"{where}: unknown role {role!r}; use one of {sorted(OFFICE_SECTORS)}")
        term = normalise(r["term"])
        kb.sectors[term] = SectorTerm(
            term=term, sector=sector, cameo=r.get("cameo", "").strip(), role=role
        )

    _each(kb, _rows(kb, path, ("term", "sector")), row)


def _add_person(kb: KnowledgeBase, person: Person) -> None:
    kb.people.append(person)
    kb.people_by_id[person.id].append(person)
    if person.role in OFFICE_SECTORS:
        kb.offices[(person.country, person.role)].append(person)


def _load_people(kb: KnowledgeBase, path: Path) -> None:
    def row(where: str, obj: dict[str, Any]) -> None:
        _require(obj, ("id", "name", "country", "sector"), where)
        _check_country(kb, obj["country"], where)
        _check_sector(obj["sector"], where)
        start, end = _period(obj, where)
        _add_person(
            kb,
            Person(
                id=str(obj["id"]),
                name=obj["name"],
                aliases=_aliases(obj.get("aliases"), where),
                country=obj["country"],
                sector=obj["sector"],
                role=obj.get("role") or "",
                start=start,
                end=end,
            ),
        )

    _each(kb, _jsonl(kb, path), row)


def person_id(name: str) -> str:
    """The id an ``offices.tsv`` row gets from its name: ``Abdourahamane Tiani`` ->
    ``abdourahamane_tiani``."""
    return re.sub(r"[^a-z0-9]+", "_", normalise(name)).strip("_")


def _load_offices(kb: KnowledgeBase, path: Path) -> None:
    """``offices.tsv``: one office term a line (country, role, from, to, name, aliases, sector).

    A person keeps one id across rows (and across ``people.jsonl``, matched by name), so
    "Putin" is one person with several offices, resolved by date.
    """
    by_name = {normalise(p.name): p.id for p in kb.people}

    def row(where: str, r: dict[str, str]) -> None:
        _require(r, ("country", "role", "name"), where)
        country, role, name = r["country"].strip(), r["role"].strip(), r["name"].strip()
        _check_country(kb, country, where)
        sector = r.get("sector", "").strip() or OFFICE_SECTORS.get(role, "")
        if not sector:
            raise KBError(f"{where}: no sector, and role {role!r} has no default sector")
        _check_sector(sector, where)
        start, end = _period({"from": r.get("from"), "to": r.get("to")}, where)
        pid = r.get("id", "").strip() or by_name.get(normalise(name)) or person_id(name)
        by_name.setdefault(normalise(name), pid)
        _add_person(
            kb,
            Person(
                id=pid,
                name=name,
                aliases=_split(r.get("aliases", "")),
                country=country,
                sector=sector,
                role=role,
                start=start,
                end=end,
            ),
        )

    _each(kb, _rows(kb, path, ("country", "role", "from", "to", "name")), row)


def _load_orgs(kb: KnowledgeBase, path: Path) -> None:
    def row(where: str, obj: dict[str, Any]) -> None:
        _require(obj, ("id", "name", "country", "sector"), where)
        _check_country(kb, obj["country"], where)
        _check_sector(obj["sector"], where)
        members = obj.get("members") or []
        if not isinstance(members, list):
            raise KBError(f"{where}: members must be a list of country codes")
        for member in members:
            _check_country(kb, member, where)
        start, end = _period(obj, where)
        adjectives = obj.get("adjectives") or []
        if not isinstance(adjectives, list) or not all(
            isinstance(a, str) and a[:1].isupper() for a in adjectives
        ):
            raise KBError(f"{where}: adjectives must be a list of capitalised words")
        for adjective in adjectives:
            other = kb.party_adjectives.get(adjective)
            if other is not None and other != str(obj["id"]):
                raise KBError(f"{where}: adjective {adjective!r} is already {other}'s")
            kb.party_adjectives[adjective] = str(obj["id"])
        org = Organization(
            id=str(obj["id"]),
            name=obj["name"],
            aliases=_aliases(obj.get("aliases"), where),
            country=obj["country"],
            sector=obj["sector"],
            kind=obj.get("kind") or "",
            members=tuple(members),
            start=start,
            end=end,
            adjectives=tuple(adjectives),
        )
        kb.org_periods[org.id].append(org)
        kb.orgs[org.id] = max(kb.org_periods[org.id], key=lambda o: o.start or date.min)

    _each(kb, _jsonl(kb, path), row)


def _load_cameo(kb: KnowledgeBase, path: Path) -> None:
    def row(where: str, r: dict[str, str]) -> None:
        code = r["code"].strip()
        if not re.fullmatch(r"\d{2,4}", code) or not code.startswith(r["root"]):
            raise KBError(f"{where}: bad CAMEO code {code!r} for root {r['root']!r}")
        try:
            quad, gold = int(r["quad_class"]), float(r["goldstein"])
        except ValueError:
            raise KBError(f"{where}: quad_class and goldstein must be numbers") from None
        kb.cameo[code] = CameoCode(
            code=code,
            root=r["root"],
            quad_class=quad,
            goldstein=gold,
            name=r["name"],
            plover_type=r["plover_type"],
            plover_mode=r["plover_mode"],
            plover_context=_split(r["plover_context"]),
        )

    cols = ("code", "root", "quad_class", "goldstein", "name", "plover_type", "plover_mode")
    _each(kb, _rows(kb, path, (*cols, "plover_context")), row)


def _index(kb: KnowledgeBase) -> None:
    def add(form: str, kind: str, key: str) -> None:
        norm = normalise(form)
        if not norm:
            return
        hit = NameHit(kind=kind, key=key, form=form if _acronym_form(form) else "")
        # "al-Shabab" read from tokens arrives as "al Shabab", and "Foreign, Commonwealth and
        # Development Office" without its comma: index every spelling
        for n in {norm, norm.replace("-", " "), norm.replace(",", "")}:
            if hit not in kb.names[n]:
                kb.names[n].append(hit)

    for c in kb.countries.values():
        for form in (c.name, *c.aliases):
            add(form, "country", c.iso3)
        for form in c.adjectives:
            add(form, "adjective", c.iso3)
        for form in c.metonyms:  # the capital counts only where the metonyms column lists it
            add(form, "metonym", c.iso3)
    for r in kb.regions.values():
        for form in (r.name, *r.aliases):
            add(form, "region", r.id)
    for o in kb.orgs.values():
        for form in (o.name, *o.aliases):
            add(form, "org", o.id)
    for p in kb.people:
        for form in (p.name, *p.aliases):
            add(form, "person", p.id)


#: Data file names, in load order (countries first: the others refer to them).
LOADERS: tuple[tuple[str, Callable[[KnowledgeBase, Path], None]], ...] = (
    ("countries.tsv", _load_countries),
    ("regions.tsv", _load_regions),
    ("peoples.tsv", _load_peoples),
    ("compound_places.tsv", _load_compound_places),
    ("sectors.tsv", _load_sectors),
    ("organizations.jsonl", _load_orgs),
    ("people.jsonl", _load_people),
    ("offices.tsv", _load_offices),
)


def _loader_for(path: Path) -> Callable[[KnowledgeBase, Path], None] | None:
    """The loader of a data file, by name: ``offices.tsv`` or ``my-offices.tsv`` and so on."""
    for name, loader in LOADERS:
        stem, suffix = name.rsplit(".", 1)
        if path.suffix == f".{suffix}" and (path.name == name or path.stem.endswith(stem)):
            return loader
    return None


def _files(paths: Iterable[Path]) -> list[Path]:
    """Data files under the given folders or files, in load order."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            found.extend(f for f in sorted(p.iterdir()) if _loader_for(f))
        else:
            found.append(p)
    order = [name for name, _ in LOADERS]

    def rank(f: Path) -> int:
        loader = _loader_for(f)
        return next((i for i, (_, fn) in enumerate(LOADERS) if fn is loader), len(order))

    return sorted(found, key=rank)  # stable: packaged files before a user's of the same kind


def _build(paths: Iterable[Path], kb: KnowledgeBase, ontology_dir: Path | None) -> None:
    for f in _files(paths):
        loader = _loader_for(f)
        if loader is None:
            kb.fail(f"{f}:0: not a KB data file (name it like {', '.join(n for n, _ in LOADERS)})")
            continue
        if not f.exists():
            kb.fail(f"{f}:0: no such file")
            continue
        kb.files.append(f)
        loader(kb, f)
    if ontology_dir is not None and (ontology_dir / "cameo.tsv").exists():
        kb.files.append(ontology_dir / "cameo.tsv")
        _load_cameo(kb, ontology_dir / "cameo.tsv")
    _index(kb)


def load_kb_from(data_dirs: Iterable[Path], ontology_dir: Path = ONTOLOGY_DIR) -> KnowledgeBase:
    """Build a knowledge base from the packaged data plus any user folders or files."""
    kb = KnowledgeBase()
    _build([Path(d) for d in data_dirs], kb, ontology_dir)
    return kb


def validate(paths: Iterable[Path] = ()) -> tuple[KnowledgeBase, list[str]]:
    """Load the packaged KB, ``EVENTWIRE_KB`` and ``paths``; every bad line as ``file:line:
    reason`` (an empty list when all is well)."""
    kb = KnowledgeBase(errors=[])
    _build([DATA_DIR, *user_dirs(), *(Path(p) for p in paths)], kb, ONTOLOGY_DIR)
    kb.errors = kb.errors or []
    errors = list(kb.errors) + _duplicate_offices(kb)
    return kb, errors


def _duplicate_offices(kb: KnowledgeBase) -> list[str]:
    """Two holders of one single-holder office on overlapping dates: a typo in a date."""
    out = []
    for (country, role), terms in kb.offices.items():
        if role not in {"head of state", "head of government"}:
            continue
        terms = sorted(terms, key=lambda p: p.start or date.min)
        for a, b in zip(terms, terms[1:], strict=False):
            if a.id == b.id or a.end is None and b.start is None:
                continue
            if a.end is None or (b.start is not None and b.start < a.end):
                out.append(
                    f"{country} {role}: {a.name} ({a.start}..{a.end or ''}) overlaps "
                    f"{b.name} (from {b.start})"
                )
    return out


def user_dirs() -> list[Path]:
    """The folders or files of the ``kb`` setting (``EVENTWIRE_KB``, os.pathsep-separated)."""
    from eventwire.settings import current

    return list(current().kb)


def load_kb() -> KnowledgeBase:
    """The packaged KB plus the folders of the ``kb`` setting (``EVENTWIRE_KB``); cached."""
    return _load_kb(tuple(user_dirs()))


@lru_cache(maxsize=2)
def _load_kb(user: tuple[Path, ...]) -> KnowledgeBase:
    return load_kb_from([DATA_DIR, *user])


def coverage(kb: KnowledgeBase) -> dict[str, int]:
    """Counts of what the KB holds, for ``eventwire kb stats`` and docs/kb.md."""
    armed = {"armed_group", "pmc", "junta"}
    return {
        "countries": len(kb.countries),
        "regions": len(kb.regions),
        "organisations": len(kb.orgs),
        "international organisations": sum(
            o.kind in {"igo", "un_body", "alliance"} for o in kb.orgs.values()
        ),
        "armed groups": sum(o.kind in armed for o in kb.orgs.values()),
        "people": len(kb.people_by_id),
        "offices": len(kb.people),
        "countries with office holders": len({p.country for p in kb.people}),
        "sector terms": len(kb.sectors),
    }
