"""Load and validate the knowledge base: countries, sector words, people, organisations, CAMEO.

The knowledge is data (``kb/data/*.tsv|jsonl``, ``kb/ontologies/*.tsv``); this module only reads
it, checks every line, and builds lookup indexes. A bad line raises :class:`KBError` as
``file:line: reason`` so a user extending the KB with their own files sees where to look.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

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
class SectorTerm:
    term: str
    sector: str
    cameo: str = ""


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
        """True when the office covers ``day`` (or when no day is known)."""
        if day is None:
            return True
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

    kind: str  # "country", "adjective", "metonym", "person", "org"
    key: str  # iso3, person id or org id


@dataclass(slots=True)
class KnowledgeBase:
    countries: dict[str, Country] = field(default_factory=dict)
    sectors: dict[str, SectorTerm] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    orgs: dict[str, Organization] = field(default_factory=dict)
    cameo: dict[str, CameoCode] = field(default_factory=dict)
    names: dict[str, list[NameHit]] = field(default_factory=lambda: defaultdict(list))
    people_by_id: dict[str, list[Person]] = field(default_factory=lambda: defaultdict(list))

    def lookup(self, text: str) -> list[NameHit]:
        """Every KB entry a surface form (any case, accents, quotes) can stand for."""
        return self.names.get(normalise(text), [])

    def person(self, person_id: str, day: date | None = None) -> Person | None:
        """The office a person held on ``day`` (the latest one when no office covers it)."""
        offices = self.people_by_id.get(person_id, [])
        if not offices:
            return None
        current = [p for p in offices if p.holds_office_on(day)]
        pool = current or offices
        return max(pool, key=lambda p: p.start or date.min)

    def sector_of(self, term: str) -> SectorTerm | None:
        return self.sectors.get(normalise(term))

    def country_codes(self) -> frozenset[str]:
        return frozenset(self.countries) | NONSTATE_CODES


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-"})


def normalise(text: str) -> str:
    """Casefold, strip accents and typographic quotes, collapse spaces: the key of every index."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\s+", " ", text).strip().casefold()
    return text


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _date(value: object, where: str) -> date | None:
    if value in (None, "", "null"):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise KBError(f"{where}: bad date {value!r}; use YYYY-MM-DD") from None


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8") as fh:
        lines = [
            (n, line) for n, line in enumerate(fh, 1) if line.strip() and not line.startswith("#")
        ]
    if not lines:
        return
    header_no, header = lines[0]
    cols = header.rstrip("\n").split("\t")
    for n, line in lines[1:]:
        cells = line.rstrip("\n").split("\t")
        if len(cells) != len(cols):
            raise KBError(
                f"{path}:{n}: expected {len(cols)} tab-separated columns, got {len(cells)}"
            )
        yield n, dict(zip(cols, cells, strict=True))


def _jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise KBError(f"{path}:{n}: malformed JSON ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise KBError(f"{path}:{n}: expected a JSON object")
            yield n, obj


def _require(obj: dict, keys: Iterable[str], where: str) -> None:
    missing = [k for k in keys if not obj.get(k)]
    if missing:
        raise KBError(f"{where}: missing field(s) {', '.join(missing)}")


def _coordinate(value: str, where: str) -> float | None:
    try:
        return float(value) if value.strip() else None
    except ValueError:
        raise KBError(f"{where}: bad coordinate {value!r}") from None


def _load_countries(kb: KnowledgeBase, path: Path) -> None:
    for n, row in _rows(path):
        where = f"{path}:{n}"
        iso3 = row.get("iso3", "").strip()
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            raise KBError(f"{where}: iso3 must be three capital letters, got {iso3!r}")

        kb.countries[iso3] = Country(
            iso3=iso3,
            iso2=row.get("iso2", "").strip(),
            name=row["name"].strip(),
            aliases=_split(row.get("aliases", "")),
            adjectives=_split(row.get("adjectives", "")),
            capital=row.get("capital", "").strip(),
            metonyms=_split(row.get("metonyms", "")),
            lat=_coordinate(row.get("lat", ""), where),
            lon=_coordinate(row.get("lon", ""), where),
        )


def _load_sectors(kb: KnowledgeBase, path: Path) -> None:
    for n, row in _rows(path):
        sector = row.get("sector", "").strip()
        if sector not in SECTORS:
            raise KBError(f"{path}:{n}: unknown sector {sector!r}; use one of {sorted(SECTORS)}")
        term = normalise(row["term"])
        kb.sectors[term] = SectorTerm(term=term, sector=sector, cameo=row.get("cameo", "").strip())


def _check_country(kb: KnowledgeBase, code: str, where: str) -> None:
    if kb.countries and code not in kb.countries and code not in NONSTATE_CODES:
        raise KBError(f"{where}: unknown country code {code!r}")


def _load_people(kb: KnowledgeBase, path: Path) -> None:
    for n, obj in _jsonl(path):
        where = f"{path}:{n}"
        _require(obj, ("id", "name", "country", "sector"), where)
        _check_country(kb, obj["country"], where)
        if obj["sector"] not in SECTORS:
            raise KBError(f"{where}: unknown sector {obj['sector']!r}")
        person = Person(
            id=str(obj["id"]),
            name=obj["name"],
            aliases=tuple(obj.get("aliases") or ()),
            country=obj["country"],
            sector=obj["sector"],
            role=obj.get("role") or "",
            start=_date(obj.get("from"), where),
            end=_date(obj.get("to"), where),
        )
        kb.people.append(person)
        kb.people_by_id[person.id].append(person)


def _load_orgs(kb: KnowledgeBase, path: Path) -> None:
    for n, obj in _jsonl(path):
        where = f"{path}:{n}"
        _require(obj, ("id", "name", "country", "sector"), where)
        _check_country(kb, obj["country"], where)
        if obj["sector"] not in SECTORS:
            raise KBError(f"{where}: unknown sector {obj['sector']!r}")
        for member in obj.get("members") or ():
            _check_country(kb, member, where)
        kb.orgs[str(obj["id"])] = Organization(
            id=str(obj["id"]),
            name=obj["name"],
            aliases=tuple(obj.get("aliases") or ()),
            country=obj["country"],
            sector=obj["sector"],
            kind=obj.get("kind") or "",
            members=tuple(obj.get("members") or ()),
            start=_date(obj.get("from"), where),
            end=_date(obj.get("to"), where),
        )


def _load_cameo(kb: KnowledgeBase, path: Path) -> None:
    for n, row in _rows(path):
        code = row["code"].strip()
        if not re.fullmatch(r"\d{2,4}", code) or not code.startswith(row["root"]):
            raise KBError(f"{path}:{n}: bad CAMEO code {code!r} for root {row['root']!r}")
        try:
            quad, gold = int(row["quad_class"]), float(row["goldstein"])
        except ValueError:
            raise KBError(f"{path}:{n}: quad_class and goldstein must be numbers") from None
        kb.cameo[code] = CameoCode(
            code=code,
            root=row["root"],
            quad_class=quad,
            goldstein=gold,
            name=row["name"],
            plover_type=row["plover_type"],
            plover_mode=row["plover_mode"],
            plover_context=_split(row["plover_context"]),
        )


def _index(kb: KnowledgeBase) -> None:
    def add(form: str, hit: NameHit) -> None:
        key = normalise(form)
        if key and hit not in kb.names[key]:
            kb.names[key].append(hit)

    for c in kb.countries.values():
        for form in (c.name, *c.aliases):
            add(form, NameHit(kind="country", key=c.iso3))
        for form in c.adjectives:
            add(form, NameHit(kind="adjective", key=c.iso3))
        for form in c.metonyms:  # the capital counts only where the metonyms column lists it
            if form:
                add(form, NameHit(kind="metonym", key=c.iso3))
    for o in kb.orgs.values():
        for form in (o.name, *o.aliases):
            add(form, NameHit(kind="org", key=o.id))
    for p in kb.people:
        for form in (p.name, *p.aliases):
            add(form, NameHit(kind="person", key=p.id))


def load_kb_from(data_dirs: Iterable[Path], ontology_dir: Path = ONTOLOGY_DIR) -> KnowledgeBase:
    """Build a knowledge base from the packaged data plus any user folders (same file names)."""
    kb = KnowledgeBase()
    dirs = [Path(d) for d in data_dirs]
    loaders = (
        ("countries.tsv", _load_countries),
        ("sectors.tsv", _load_sectors),
        ("organizations.jsonl", _load_orgs),
        ("people.jsonl", _load_people),
    )
    for name, loader in loaders:
        for d in dirs:
            if (d / name).exists():
                loader(kb, d / name)
    cameo = ontology_dir / "cameo.tsv"
    if cameo.exists():
        _load_cameo(kb, cameo)
    _index(kb)
    return kb


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The packaged KB plus the folders in ``EVENTWIRE_KB`` (os.pathsep-separated); cached."""
    extra = [Path(p) for p in os.environ.get("EVENTWIRE_KB", "").split(os.pathsep) if p]
    return load_kb_from([DATA_DIR, *extra])
