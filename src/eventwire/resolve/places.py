"""Resolve toponym mentions to :class:`~eventwire.records.Place` records.

:class:`PlaceResolver` cleans the mention text, looks it up in the
:class:`~eventwire.resolve.gazetteer.Gazetteer` (see there for the data and the
disambiguation rules) and maps the entry to a ``Place``:

* The whole text is tried first, so gazetteer names that contain a designator win
  ("Niger State" is the Nigerian state, "Washington State" the US state).
* Otherwise a trailing designator is peeled off (at most two, e.g. "Niamey international
  airport"):

  - *facility* words (airport, air base, base, border, port, camp, bridge, ...): the place is
    resolved without the word; a city then gets ``precision="point"`` **with the city's
    coordinates** (we know the event happened at a site in or near that city, not where the
    site is); a country or subdivision keeps its own precision ("Niger border" -> country);
  - *subdivision* words (state, province, region, governorate, district, ...): subdivisions
    are preferred; if only a city matches, its admin1 is returned instead ("Donetsk region"
    -> the Donetsk oblast, "Paris region" -> Ile-de-France);
  - *settlement* words (city, town, village): cities are preferred.

  Leading "the", "city of", "province of", ... and a possessive "'s" are dropped too.
* "Paris, Texas" style mentions resolve the part after the comma first and pick the
  candidate for the head inside it.

``Place.country`` is always ISO 3166-1 alpha-3; ``precision`` is "point", "city", "admin1"
(also used for the second-level units some countries' data lists, e.g. French departments)
or "country".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from eventwire.records import ParsedSentence, Place, Token
from eventwire.resolve.gazetteer import Entry, Gazetteer, get_gazetteer, normalize
from eventwire.syntax import SentenceView

__all__ = ["PlaceResolver", "find_toponyms", "abbreviated_state"]

_FACILITY = (
    "international airport", "airport", "airfield", "airstrip", "air base", "airbase",
    "military base", "army base", "naval base", "base", "barracks", "garrison", "camp",
    "refugee camp", "border crossing", "border post", "border", "frontier", "crossing",
    "checkpoint", "port", "harbour", "harbor", "seaport", "bridge", "dam", "prison", "jail",
    "station", "railway station", "bus station", "stadium", "university", "hospital",
    "market", "mosque", "church", "cathedral", "palace", "embassy", "consulate", "refinery",
    "oil field", "oilfield", "mine", "power plant", "power station", "city hall",
    "town hall", "parliament", "square", "district court", "court",
)  # fmt: skip
_ADMIN = (
    "state", "province", "region", "governorate", "district", "department", "prefecture",
    "county", "oblast", "territory", "division", "municipality", "area",
)  # fmt: skip
_SETTLEMENT = ("city", "town", "village", "capital", "city centre", "city center", "outskirts")
_LEADING = {
    "city of": "city", "town of": "city", "village of": "city", "outskirts of": "city",
    "suburbs of": "city", "capital of": "city",
    "state of": "admin", "province of": "admin", "region of": "admin",
    "governorate of": "admin", "district of": "admin", "department of": "admin",
}  # fmt: skip

#: Seats of government and landmarks that news names as places; each stands at its city
#: (precision "point", the city's coordinates).  Keys are normalised names.
_LANDMARKS = {
    "white house": "Washington", "capitol hill": "Washington", "pentagon": "Arlington",
    "kremlin": "Moscow", "red square": "Moscow", "downing street": "London",
    "whitehall": "London", "westminster": "London", "elysee": "Paris",
    "elysee palace": "Paris", "zhongnanhai": "Beijing", "tiananmen square": "Beijing",
    "blue house": "Seoul", "wall street": "New York City", "trump tower": "New York City",
    "tahrir square": "Cairo", "green zone": "Baghdad", "maidan": "Kyiv",
}  # fmt: skip

_SUFFIXES = sorted(
    [(w, "facility") for w in _FACILITY]
    + [(w, "admin") for w in _ADMIN]
    + [(w, "city") for w in _SETTLEMENT],
    key=lambda item: -len(item[0]),
)
_DESIGNATORS = frozenset(w for w, _ in _SUFFIXES) | {lead.split()[0] for lead in _LEADING}
_TRIM = " \t\r\n\"'“”‘’`«»()[]{}.,;:!?-–—"
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)  # "Niamey's"; "Wales'" loses the ' in _TRIM

_ADMIN_KINDS = ("admin1", "admin2")
_CITY_KINDS = ("city",)


class PlaceResolver:
    """Toponym text -> :class:`Place`, over a :class:`Gazetteer` (the shared one by default)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else get_gazetteer()

    # -- public -------------------------------------------------------------------------

    def resolve(
        self,
        text: str,
        *,
        countries: Sequence[str] = (),
        char_start: int | None = None,
        char_end: int | None = None,
        admins: Sequence[tuple[str, str]] = (),
    ) -> Place | None:
        """Resolve one toponym mention; ``None`` when nothing in the gazetteer fits.

        ``countries``: ISO codes (alpha-3 or alpha-2) the document is about, used to
        disambiguate ("Tripoli" with ``("LBN",)`` is Tripoli, Lebanon); ``admins``:
        (alpha-3, admin1 name) pairs it is about ("Red Oak" with ``(("USA", "Iowa"),)``).
        """
        found = self._find(text, tuple(countries), tuple(admins))
        if found is None:
            return None
        entry, role = found
        precision = _PRECISION[entry.kind]
        if role == "facility" and entry.kind == "city":
            precision = "point"
        return _place(entry, precision, text, char_start, char_end)

    def admin1_place(
        self,
        iso3: str,
        name: str,
        text: str = "",
        *,
        char_start: int | None = None,
        char_end: int | None = None,
    ) -> Place | None:
        """The first-level subdivision ``name`` of ``iso3`` as a place ("Md." -> Maryland)."""
        entry = self.gazetteer.admin1(iso3, name)
        if entry is None:
            return None
        return _place(entry, "admin1", text or entry.name, char_start, char_end)

    def country_place(
        self,
        iso3: str,
        text: str = "",
        *,
        char_start: int | None = None,
        char_end: int | None = None,
    ) -> Place:
        """The country as a place: its centroid, ``precision="country"``.

        Accepts alpha-3 or alpha-2; raises ``KeyError`` for a code the gazetteer lacks
        (IGO codes such as "UNO" are not places).
        """
        try:
            entry = self.gazetteer.country(iso3)
        except KeyError:
            raise KeyError(f"no country with ISO code {iso3!r} in the gazetteer") from None
        return Place(
            text=text or entry.name,
            name=entry.name,
            country=entry.country,
            admin1=None,
            lat=entry.lat,
            lon=entry.lon,
            precision="country",
            geonameid=entry.geonameid,
            char_start=char_start,
            char_end=char_end,
        )

    # -- internals ----------------------------------------------------------------------

    def _find(
        self,
        text: str,
        countries: tuple[str, ...],
        admins: tuple[tuple[str, str], ...] = (),
    ) -> tuple[Entry, str] | None:
        state = _dotted_state(text)
        if state is not None:  # "Calif.", "N.M.": AP abbreviations of states and provinces
            entry = self.gazetteer.admin1(*state)
            if entry is not None:
                return entry, ""
        name = _clean(text)
        key = normalize(name)
        if not key or key in _DESIGNATORS:
            return None  # "airport" alone is not a toponym (though a Hawaiian CDP is so named)
        gaz = self.gazetteer
        role = ""
        for lead, lead_role in _LEADING.items():
            if key.startswith(lead + " "):
                name = " ".join(name.split()[len(lead.split()) :])
                role = lead_role
                break

        landmark = _LANDMARKS.get(normalize(name))
        if landmark is not None:
            city = gaz.lookup(landmark, kinds=_CITY_KINDS)
            if city is not None:
                return city, "facility"

        entry = gaz.lookup(name, countries=countries, kinds=_kinds(role), admins=admins)
        if entry is not None:
            return self._fit(entry, role)

        if "," in name:
            head, _, tail = name.partition(",")
            found = self._find_in(head, tail, countries)
            if found is not None:
                return found

        # "West Wales", "northern Iraq": the place named after the compass word.
        words = name.split()
        if len(words) > 1 and words[0].lower() in _COMPASS:
            rest = self._find(" ".join(words[1:]), countries, admins)
            if rest is not None:
                return rest

        # Peel off up to two trailing designators ("Niamey international airport").
        for _ in range(2):
            stripped = _strip_suffix(name)
            if stripped is None:
                break
            name, suffix_role = stripped
            if suffix_role == "facility" or role in ("", "city"):
                role = suffix_role
            if not normalize(name):
                return None
            entry = gaz.lookup(name, countries=countries, kinds=_kinds(role), admins=admins)
            if entry is not None:
                if (
                    key.endswith(" county")
                    and entry.kind == "city"
                    and (entry.country, entry.admin1) not in admins
                ):
                    return None  # "Morris County" is not the county around any town Morris
                return self._fit(entry, role)
        return None

    def _fit(self, entry: Entry, role: str) -> tuple[Entry, str]:
        """An admin word on a city match means the city's subdivision ("Paris region")."""
        if role == "admin" and entry.kind == "city" and entry.admin1:
            admin = self.gazetteer.admin1(entry.country, entry.admin1)
            if admin is not None:
                return admin, role
        return entry, role

    def _find_in(
        self, head: str, tail: str, countries: tuple[str, ...]
    ) -> tuple[Entry, str] | None:
        """For "Paris, Texas": the best candidate for the head inside what the tail names."""
        gaz = self.gazetteer
        container = gaz.lookup(_clean(tail), countries=countries)
        if container is None or not normalize(head):
            return None
        inside = [
            e
            for e in gaz.candidates(_clean(head))
            if e.kind != "country"
            and e.country == container.country
            and (container.kind != "admin1" or e.admin1 == container.name)
        ]
        return (inside[0], "") if inside else None  # candidates() is best-first


def _place(
    entry: Entry, precision: str, text: str, char_start: int | None, char_end: int | None
) -> Place:
    return Place(
        text=text,
        name=entry.name,
        country=entry.country or None,
        admin1=entry.admin1,
        lat=entry.lat,
        lon=entry.lon,
        precision=precision,
        geonameid=entry.geonameid,
        char_start=char_start,
        char_end=char_end,
    )


_PRECISION = {
    "city": "city",
    "admin1": "admin1",
    "admin2": "admin1",
    "country": "country",
    "region": "region",
}


def _kinds(role: str) -> tuple[str, ...] | None:
    if role == "admin":
        return _ADMIN_KINDS
    if role == "city":
        return _CITY_KINDS
    return None


def _clean(text: str) -> str:
    name = " ".join(text.split()).strip(_TRIM)
    name = _POSSESSIVE.sub("", name).strip(_TRIM)
    words = name.split()
    if len(words) > 1 and words[0].casefold() == "the":
        name = " ".join(words[1:])
    return name


def _strip_suffix(name: str) -> tuple[str, str] | None:
    """``("Niamey airport")`` -> ``("Niamey", "facility")``; ``None`` if no designator."""
    key = normalize(name)
    for suffix, role in _SUFFIXES:
        if key.endswith(" " + suffix):
            words = name.split()
            n = len(suffix.split())
            if len(words) > n:
                return " ".join(words[:-n]).strip(_TRIM), role
    return None


#: Entity labels that name places (demonyms, NORP, are actors, not places).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Labels the small model often gives to places it does not know ("Boise" ORG, "Klamath
#: Falls" PERSON): such a mention counts when the gazetteer knows it and the grammar agrees.
_MISLABELLED = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT", ""})
#: Prepositions that introduce a place ("in Boise", "from Almelo").
_PLACE_PREPS = frozenset(
    {"in", "at", "near", "from", "to", "outside", "across", "around", "throughout", "into",
     "towards", "toward", "via", "between", "inside", "through"}
)  # fmt: skip
#: Verbs whose subject speaks or acts for a state: a capital or country there is metonymic
#: ("Washington said", "Moscow accused") and is left to the actor resolver.
_AGENT_VERBS = frozenset(
    {"say", "tell", "announce", "accuse", "deny", "warn", "urge", "condemn", "agree", "reject",
     "demand", "claim", "insist", "call", "threaten", "respond", "sign", "decide", "refuse",
     "want", "hope", "plan", "argue", "believe", "expect", "seek", "vow", "pledge", "ask",
     "welcome", "criticise", "criticize", "blame", "recognise", "recognize", "declare",
     "impose", "sanction", "expel", "order", "approve", "veto", "propose", "offer"}
)  # fmt: skip
#: AP-style abbreviations of US states and Canadian provinces, read only right after
#: "City," ("Severn, Md.", "RALEIGH, N.C.").
_STATE_ABBREV = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California",
    "colo": "Colorado", "conn": "Connecticut", "del": "Delaware", "fla": "Florida",
    "ga": "Georgia", "ill": "Illinois", "ind": "Indiana", "kan": "Kansas", "kans": "Kansas",
    "ky": "Kentucky", "la": "Louisiana", "md": "Maryland", "mass": "Massachusetts",
    "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi", "mo": "Missouri",
    "mont": "Montana", "neb": "Nebraska", "nev": "Nevada", "nh": "New Hampshire",
    "nj": "New Jersey", "nm": "New Mexico", "ny": "New York", "nc": "North Carolina",
    "nd": "North Dakota", "okla": "Oklahoma", "ore": "Oregon", "pa": "Pennsylvania",
    "ri": "Rhode Island", "sc": "South Carolina", "sd": "South Dakota", "tenn": "Tennessee",
    "tex": "Texas", "vt": "Vermont", "va": "Virginia", "wash": "Washington",
    "wva": "West Virginia", "wis": "Wisconsin", "wyo": "Wyoming", "dc": "District of Columbia",
}  # fmt: skip
_PROVINCE_ABBREV = {
    "bc": "British Columbia", "alta": "Alberta", "ont": "Ontario", "que": "Quebec",
    "sask": "Saskatchewan", "man": "Manitoba", "ns": "Nova Scotia", "nb": "New Brunswick",
}  # fmt: skip
#: A dateline: capitals at the start of a paragraph, then a comma, dash or "(".
_DATELINE = re.compile(r"^\s*([A-Z][A-Z.'’ -]{2,40}?)(?=\s*(?:,|\(|—|--|-\s|–))")


def _dotted_state(text: str) -> tuple[str, str] | None:
    """The state an abbreviation *with its period(s)* names ("Ga.", "N.M."; not "GA", "Miss")."""
    text = text.strip(" \t\r\n\"'“”‘’()[],;:")
    if "." not in text or len(text) > 7 or not text[:1].isupper():
        return None
    return abbreviated_state(text)


def abbreviated_state(text: str) -> tuple[str, str] | None:
    """("USA", "Maryland") for "Md.", ("CAN", "British Columbia") for "B.C."; else None."""
    key = normalize(text).replace(" ", "")
    if key in _STATE_ABBREV:
        return "USA", _STATE_ABBREV[key]
    if key in _PROVINCE_ABBREV:
        return "CAN", _PROVINCE_ABBREV[key]
    return None


class _Cand:
    """A span that may name a place, with what the text says for and against it."""

    __slots__ = ("start", "end", "text", "strong", "cue", "qualifier", "place", "sent", "expand")

    def __init__(self, start: int, end: int, text: str, strong: bool, cue: bool, sent: int):
        self.start, self.end, self.text = start, end, text
        self.strong = strong  # a GPE/LOC/FAC mention
        self.cue = cue  # the grammar puts it in a place slot
        self.qualifier: tuple[str, str] | None = None  # "Boise, Idaho" -> ("USA", "Idaho")
        self.place: Place | None = None
        self.sent = sent
        self.expand: tuple[str, str] | None = None  # "Md." -> ("USA", "Maryland")


def find_toponyms(
    sentences: Sequence[ParsedSentence],
    resolver: PlaceResolver,
    *,
    countries: Sequence[str] = (),
) -> list[Place]:
    """Every place an article names, resolved in the article's context.

    Candidates are spaCy's GPE/LOC/FAC mentions, plus proper names the small model labelled
    otherwise (or not at all) when the gazetteer knows them *and* the grammar puts them in a
    place slot: after a locative preposition, qualified by a state or country ("Boise,
    Idaho"), coordinated with a place, or as a dateline ("RALEIGH, N.C. (AP) -"). Demonyms
    are never places; a country or capital that is the subject of a verb of saying or
    deciding ("Washington said") is metonymic and left out.

    Also read: a dateline at the start of any sentence (extraction often runs paragraphs
    together); a nationality word that begins a known name ("the Persian Gulf"); two
    neighbouring mentions that make one gazetteer name ("Washington, D.C."); a state
    abbreviation with its period standing alone ("the Talbot County (Md.) sheriff"). Left
    out: a seat of government standing for its office ("a White House spokesman", "the
    Kremlin denied"), a one-word place name right after a given name ("Kevin Chad"), and
    lowercase words.

    Resolution runs twice: first with ``countries`` (the article's countries from the actor
    pre-pass), then, for ambiguous names, with the countries and first-level subdivisions of
    the places resolved the first time (the unambiguous ones weigh most) and of the state
    abbreviations that qualify names ("Dillon County, SC", "Jackson, Miss."), so that
    "Newport" among Nenagh and Ballina is the Irish one and "Red Oak" in an Iowa story is in
    Iowa. A name's own readings are left out of its own context: "Saint-Louis" said three
    times next to Louga does not vote itself into Missouri.
    """
    gaz = resolver.gazetteer
    cands: list[_Cand] = []
    for ps in sentences:
        cands.extend(_candidates(ps, gaz))
    if not cands:
        return []
    ctx = tuple(countries)
    # Pass 1: context from the actor pre-pass only.
    for c in cands:
        if c.expand is not None:  # "Md.": the state it abbreviates, with the text as written
            c.place = resolver.admin1_place(*c.expand, c.text, char_start=c.start, char_end=c.end)
            continue
        c.place = resolver.resolve(c.text, countries=ctx, char_start=c.start, char_end=c.end)
    weights: dict[str, float] = defaultdict(float, {iso: 2.0 for iso in ctx})
    admin_weights: dict[tuple[str, str], float] = defaultdict(float)
    # What each name's own readings add, so that a name is re-resolved in the context of
    # the *other* places only: three mentions of an ambiguous "Saint-Louis" must not vote
    # for the country of its own most populous namesake.
    own: dict[str, list[tuple[str, tuple[str, str] | None, float]]] = defaultdict(list)
    for iso, state in _state_hints(sentences):
        weights[iso] += 3
        admin_weights[(iso, state)] += 3
    for c in cands:
        if c.qualifier is not None:
            weights[c.qualifier[0]] += 3
            admin_weights[c.qualifier] += 3
        p = c.place
        if p is None or not p.country or not (c.strong or c.cue):
            continue
        w = 1.0 if len(gaz.candidates(c.text)) <= 1 else 0.5
        weights[p.country] += w
        admin = None
        if p.admin1 and p.precision in {"city", "point", "admin1"}:
            admin = (p.country, p.admin1)
            admin_weights[admin] += w
        own[normalize(_clean(c.text))].append((p.country, admin, w))
    doc_countries, doc_admins = _top_context(weights, admin_weights)
    out: list[Place] = []
    for c in cands:
        if c.expand is None and (len(gaz.candidates(_clean(c.text))) > 1 or c.qualifier):
            mine = own.get(normalize(_clean(c.text)))
            countries, admins_ctx = doc_countries, doc_admins
            if mine:
                w_c, w_a = defaultdict(float, weights), defaultdict(float, admin_weights)
                for iso, admin, w in mine:
                    w_c[iso] -= w
                    if admin is not None:
                        w_a[admin] -= w
                countries, admins_ctx = _top_context(w_c, w_a)
            c.place = resolver.resolve(
                c.text,
                countries=((c.qualifier[0],) if c.qualifier else ()) + countries,
                admins=((c.qualifier,) if c.qualifier else ()) + admins_ctx,
                char_start=c.start,
                char_end=c.end,
            )
        p = c.place
        if p is None:
            continue
        if not c.strong and not _plausible(c, p, doc_countries):
            continue
        out.append(p)
    return out


def _top_context(
    weights: dict[str, float], admin_weights: dict[tuple[str, str], float]
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The five heaviest countries and up to eight subdivisions weighing at least 1."""
    countries = tuple(k for k in sorted(weights, key=lambda k: -weights[k]) if weights[k] > 0)
    admins = tuple(k for k in sorted(admin_weights, key=lambda k: -admin_weights[k])[:8]
                   if admin_weights[k] >= 1)  # fmt: skip
    return countries[:5], admins


#: A state abbreviation after a comma ("Dillon County, SC", "Jackson, Miss.") or in brackets
#: after a name ("the Talbot County (Md.) sheriff"): the article is about that state even
#: when the name before it is not in the gazetteer. A bare two-capital code only counts
#: after a name in capitals (a dateline), so that "John Smith, MD" is no Maryland.
_ABBR = r"(?:[A-Z]\.){2,3}|[A-Z][a-z]{1,4}\."
_STATE_HINT = re.compile(
    rf"\b[A-Z][\w'’.-]*,\s*({_ABBR})(?=[\s,;:)(—–-]|$)"
    rf"|\b[A-Z][\w'’-]*\s+\(({_ABBR})\)"
    r"|\b[A-Z][A-Z'’.-]+,\s*([A-Z]{2})(?=[\s,;:)(—–-]|$)"
)


def _state_hints(sentences: Sequence[ParsedSentence]) -> list[tuple[str, str]]:
    """(alpha-3, state) for every state abbreviation that qualifies a name in the text."""
    out = []
    for ps in sentences:
        for m in _STATE_HINT.finditer(ps.sentence.text):
            found = abbreviated_state(m.group(m.lastindex or 1))
            if found is not None:
                out.append(found)
    return out


def _plausible(c: _Cand, place: Place, doc_countries: tuple[str, ...]) -> bool:
    """A proper name the NER did not call a place: keep it only with a place cue and a
    reading that fits the article (its country, or a big city, or a region)."""
    if not c.cue:
        return False
    if place.precision in {"country", "region", "admin1"} or c.qualifier is not None:
        return True
    return bool(place.country and place.country in doc_countries)


def _candidates(ps: ParsedSentence, gaz: Gazetteer) -> list[_Cand]:
    view = SentenceView(ps)
    toks = ps.tokens
    out: list[_Cand] = []
    taken: set[int] = set()
    text = ps.sentence.text
    base = ps.sentence.start

    def span_toks(start: int, end: int) -> list[Token]:
        return [t for t in toks if start <= t.idx < end]

    # A dateline opens the paragraph, or a sentence when the extraction ran paragraphs
    # together: "RALEIGH, N.C. (AP) -", "NAIROBI, Kenya (CNN)".
    m = _DATELINE.match(text)
    if m:
        start, end = base + m.start(1), base + m.end(1)
        word = m.group(1).strip()
        if word.isupper() and len(word) >= 3 and gaz.candidates(word.title()):
            c = _Cand(start, start + len(word), word, False, True, ps.sentence.index)
            out.append(c)
            taken.update(t.i for t in span_toks(start, start + len(word)))

    for men in ps.mentions:
        mt = span_toks(men.start, men.end)
        if not mt or any(t.i in taken for t in mt):
            continue
        if men.label in PLACE_LABELS:
            taken.update(t.i for t in mt)
            mt = _trim(mt)
            if not mt or _metonymic(view, mt) or _inside_name(view, mt) or _surname(view, mt, gaz):
                continue
            if not mt[0].text[:1].isupper() and not mt[0].text[:1].isdigit():
                continue  # "molly and tina": a lowercase word is no place name
            if normalize(_clean(men.text)) in _LANDMARKS and _institution(view, mt):
                continue  # "a White House spokesman", "the Kremlin denied": the office
            mt = _widen(view, mt, gaz, taken)
            taken.update(t.i for t in mt)
            start, end = mt[0].idx, mt[-1].idx + len(mt[-1].text)
            name = text[start - base : end - base]
            out.append(_Cand(start, end, name, True, True, ps.sentence.index))
        elif men.label in _MISLABELLED and _is_name(mt) and gaz.candidates(_clean(men.text)):
            cue = _cue(view, mt)
            out.append(_Cand(men.start, men.end, men.text, False, cue, ps.sentence.index))
            taken.update(t.i for t in mt)
    # Proper names outside any mention.
    i = 0
    while i < len(toks):
        t = toks[i]
        if i in taken or t.pos != "PROPN" or t.ent not in ("",) or not t.text[:1].isupper():
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and toks[j + 1].pos == "PROPN" and toks[j + 1].ent == "":
            j += 1
        run = list(toks[i : j + 1])
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        name = text[start - base : end - base]
        # A nationality word that begins a place name ("the Arabian Sea", "the Persian
        # Gulf"): the NER tagged the adjective NORP and left the noun out.
        k = i
        while k > 0 and toks[k - 1].ent == "NORP" and k - 1 not in taken:
            k -= 1
        if k < i:
            wide = text[toks[k].idx - base : end - base]
            entry = gaz.lookup(_clean(wide)) if _is_name(toks[k : j + 1]) else None
            if entry is not None and entry.kind != "city":
                out.append(_Cand(toks[k].idx, end, wide, True, True, ps.sentence.index))
                taken.update(range(k, j + 1))
                i = j + 1
                continue
        if gaz.candidates(_clean(name)) and _is_name(run):
            out.append(_Cand(start, end, name, False, _cue(view, run), ps.sentence.index))
            taken.update(range(i, j + 1))
        i = j + 1
    out.sort(key=lambda c: c.start)
    # Two neighbours that together are one gazetteer name ("Washington" +
    # "D.C.") are one place.
    k = 0
    while k + 1 < len(out):
        a, b = out[k], out[k + 1]
        gap = text[a.end - base : b.start - base]
        whole = text[a.start - base : b.end - base]
        if b.start >= a.end and re.fullmatch(r" ?,? ?", gap) and gaz.candidates(_clean(whole)):
            out[k] = _Cand(a.start, b.end, whole, a.strong or b.strong, a.cue or b.cue, a.sent)
            del out[k + 1]
        else:
            k += 1
    # "Boise, Idaho" / "Severn, Md.": the second part qualifies the first.
    for k, c in enumerate(out):
        after = text[c.end - base :]
        mq = re.match(r"\s*,\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)", after)
        if not mq:
            continue
        qual = mq.group(1).rstrip(",")
        abbrev = abbreviated_state(qual)
        if abbrev is not None:
            c.qualifier = abbrev
            c.cue = True
            q_start = c.end + mq.start(1)
            same = [o for o in out if o.start == q_start]
            if not same:
                out.append(_Cand(q_start, q_start + len(qual), qual, False, True, c.sent))
                same = [out[-1]]
            for o in same:
                o.expand, o.cue = abbrev, True
            continue
        nxt = out[k + 1] if k + 1 < len(out) else None
        if nxt is not None and nxt.start == c.end + mq.start(1):
            e = gaz.lookup(nxt.text)
            if e is not None and e.kind in {"admin1", "country"}:
                c.qualifier = (e.country, e.name if e.kind == "admin1" else "")
                c.cue = True
                nxt.cue = True
    # A state abbreviation standing alone ("the Talbot County (Md.) sheriff") names the state.
    for c in out:
        if c.expand is None and c.strong:
            state = _dotted_state(c.text)
            if state is not None:
                c.expand, c.cue = state, True
    # Lists: a name coordinated with a place is a place ("Gao, Kidal, Menaka and Timbuktu").
    strong_heads = {t.i for c in out if c.strong for t in span_toks(c.start, c.end)}
    for c in out:
        if c.cue:
            continue
        for t in span_toks(c.start, c.end):
            head = view.head(t)
            if t.dep == "conj" and head is not None and head.i in strong_heads:
                c.cue = True
            if any(k.dep == "conj" and k.i in strong_heads for k in view.children(t)):
                c.cue = True
    out.sort(key=lambda c: c.start)
    return out


_COMPASS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "central", "northeast", "northwest", "southeast", "southwest", "upper", "lower"}
)  # fmt: skip


def _trim(toks: list[Token]) -> list[Token]:
    """Without a leading "the" or a trailing possessive ("the North West", "New York's")."""
    while toks and toks[0].text.lower() == "the":
        toks = toks[1:]
    while toks and (toks[-1].text in {"'s", "’s", "'", "’"} or toks[-1].pos == "PUNCT"):
        toks = toks[:-1]
    return toks


def _widen(view: SentenceView, toks: list[Token], gaz: Gazetteer, taken: set[int]) -> list[Token]:
    """Take in a capitalised word the NER left out when the longer name is a place
    ("New" + "Jersey", "South" + "America", "West" + "Wales")."""
    first = toks[0].i
    if first == 0:
        return toks
    prev = view.tokens[first - 1]
    if prev.pos != "PROPN" or not prev.text[:1].isupper() or prev.i in taken - {t.i for t in toks}:
        return toks
    longer = [prev, *toks]
    name = " ".join(t.text for t in longer)
    if gaz.candidates(name) or prev.text.lower() in _COMPASS:
        return longer
    return toks


def _surname(view: SentenceView, toks: Sequence[Token], gaz: Gazetteer) -> bool:
    """A one-word place name right after a given name: "Kevin Chad", "Samuel Kenya".

    The word before is a capitalised proper noun that the NER put in a PERSON name or in
    no entity, that names no place itself, and that makes no place name with the word.
    """
    first = toks[0].i
    if first == 0 or len(toks) != 1:
        return False
    prev = view.tokens[first - 1]
    if prev.pos != "PROPN" or prev.ent not in ("PERSON", "") or not prev.text[:1].isupper():
        return False
    if prev.text.isupper() or prev.text.lower() in _COMPASS or normalize(prev.text) in _DESIGNATORS:
        return False
    return not gaz.candidates(prev.text) and not gaz.candidates(f"{prev.text} {toks[0].text}")


#: Nouns for the people and voice of an institution: "a White House spokesman", "Kremlin sources".
_INSTITUTION_HEADS = frozenset(
    {"aide", "staffer", "staff", "official", "spokesman", "spokeswoman", "spokesperson",
     "secretary", "chief", "correspondent", "adviser", "advisor", "counsel", "lawyer", "press",
     "source", "insider", "reporter", "team", "officer", "statement", "memo", "briefing"}
)  # fmt: skip


def _institution(view: SentenceView, toks: Sequence[Token]) -> bool:
    """A seat of government standing for its office: the subject of a verb ("the White House
    denied") or the modifier of its people ("a White House spokesman", "Kremlin officials")."""
    inside = {t.i for t in toks}
    anchor = next((t for t in toks if t.head not in inside or t.head == t.i), toks[-1])
    head = view.head(anchor)
    if anchor.dep in ("nsubj", "nsubjpass"):
        return True
    return (
        anchor.dep in ("compound", "nmod", "amod", "poss")
        and head is not None
        and head.lemma.lower() in _INSTITUTION_HEADS
    )


def _inside_name(view: SentenceView, toks: Sequence[Token]) -> bool:
    """Part of a longer proper name that is not a place: "Washington Square", "Manila
    Cathedral", "Bank of Mexico", "Commonwealth of Independent States"."""
    inside = {t.i for t in toks}
    anchor = next((t for t in toks if t.head not in inside or t.head == t.i), toks[-1])
    head = view.head(anchor)
    if head is None:
        return False
    if anchor.dep == "compound" and head.pos == "PROPN" and head.text[:1].isupper():
        return head.ent not in PLACE_LABELS
    if anchor.dep == "pobj" and head.text.lower() == "of":
        owner = view.head(head)
        return (
            owner is not None
            and owner.text[:1].isupper()
            and owner.pos == "PROPN"
            and owner.ent not in PLACE_LABELS
        )
    return False


def _is_name(toks: Sequence[Token]) -> bool:
    """Capitalised words only (not "the", not a lowercase common noun, not an acronym such
    as "CHU" that happens to spell a town)."""
    words = [t for t in toks if t.pos not in {"DET", "PUNCT"}]
    if len(words) == 1 and words[0].text.isupper() and len(words[0].text) <= 4:
        return False
    return bool(words) and all(t.text[:1].isupper() or not t.text[:1].isalpha() for t in words)


def _cue(view: SentenceView, toks: Sequence[Token]) -> bool:
    """The grammar puts the name where a place goes: after "in", "from", "near"..."""
    inside = {t.i for t in toks}
    anchor = next((t for t in toks if t.head not in inside or t.head == t.i), toks[-1])
    head = view.head(anchor)
    if head is None:
        return False
    if anchor.dep == "pobj" and head.text.lower() in _PLACE_PREPS:
        return True
    while anchor.dep == "conj" and head is not None:  # "in Boise and Klamath Falls"
        anchor, head = head, view.head(head)
        if head is not None and anchor.dep == "pobj" and head.text.lower() in _PLACE_PREPS:
            return True
    return False


def _metonymic(view: SentenceView, toks: Sequence[Token]) -> bool:
    """A place as the subject of a verb of saying or deciding: "Washington said"."""
    inside = {t.i for t in toks}
    anchor = next((t for t in toks if t.head not in inside or t.head == t.i), toks[-1])
    head = view.head(anchor)
    return (
        anchor.dep == "nsubj"
        and head is not None
        and head.pos == "VERB"
        and head.lemma.lower() in _AGENT_VERBS
    )
