"""Where: the place of one event, read from the parse.

Every toponym of the sentence is a candidate: spaCy GPE/LOC/FAC mentions, and proper names
in a place slot whatever their entity label ("the village of Solhan", "the town of Beledweyne":
the small model often calls obscure villages persons). Each candidate is linked to the
trigger through the dependency tree and ranked:

* **0 - attached**: the toponym heads (or names, "the village of X", "X district", "X's
  streets") a locative phrase of the trigger ("killed *in Fallujah*", "demonstrated *outside
  the Elysee Palace*"), the object of a verb that acts on a place ("captured *Kidal*",
  "patrolled *Menaka*", "shelled *the suburbs of Kharkiv*"), or the passive subject of
  one ("*the Strait of Hormuz* is patrolled").
* **1+ - nested**: further down the trigger's tree - a locative inside a locative ("in
  clashes *in Ansongo district*"), a place inside a subordinate clause of the trigger
  ("killed when gunmen raided a market *in Menaka*"); each hop and each container
  step ("*Mali's* city of Gao", "*near Kidal*") costs one.
* **8+ - governing clause**: a locative of the verb that governs the trigger's own clause
  ("a wounded driver was flown out *from Gao*").

A toponym that belongs to another event trigger, that is part of an organisation's name
("Islamic State of *Iraq*"), or that only qualifies a person ("students *in Spain*") is
not this event's place. Lowest rank wins; ties go to the earlier toponym.

The answer is the toponym's own span without determiners or lowercase designators ("the
Kidal region" -> "Kidal"), resolved by ``place_fn``. A toponym the gazetteer
does not know keeps its span and takes the coordinates of a place that contains it in the
same sentence ("the Hamdallaye district of central *Bamako*": the place is Hamdallaye with
Bamako's point and precision "city"), else those of ``fallback`` (the article's dateline or
focus country), else none: its precision then says "region" (somewhere the article is about).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eventwire.code.grammar import LEXICON
from eventwire.kb import load_kb
from eventwire.records import Place, Token
from eventwire.syntax import SentenceView, accord_follows

#: Resolve a locative phrase (text, start, end) to a place, or None.
PlaceFn = Callable[[str, int, int], Place | None]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

#: Prepositions that put an event somewhere.
_LOCATIVE = frozenset(
    {
        "in", "at", "near", "outside", "inside", "around", "across", "into", "from", "over",
        "on", "off", "through", "throughout", "along", "within", "towards", "toward", "to",
        "between", "among", "onto", "beyond", "past", "via", "nearby", "by", "under", "behind",
        "beside", "outside of", "during", "amid", "amidst",
    }
)  # fmt: skip
#: Prepositions whose object is not where the event happened.
#: Prepositions of direction: another trigger's "to X" is where that act goes.
_DIRECTIONAL = frozenset({"to", "towards", "toward", "into", "from", "onto", "via"})
_NON_LOCATIVE = frozenset(
    {"with", "for", "against", "about", "of", "than", "like", "as", "despite", "since", "after",
     "before", "until", "because", "per", "including", "except", "on behalf"}
)  # fmt: skip
#: Verbs whose object (or passive subject) is the place acted upon.
_PLACE_VERBS = frozenset(
    {
        "capture", "seize", "overrun", "overran", "liberate", "take", "retake", "retook",
        "recapture",
        "occupy", "enter", "shell", "bomb", "attack", "raid", "storm", "besiege", "patrol",
        "invade", "control", "destroy", "hit", "strike", "target", "surround", "encircle",
        "free", "clear", "reach", "visit", "tour", "cross", "flee", "leave", "evacuate",
        "bombard", "blockade", "rock", "shake", "pound", "march", "infiltrate",
        "annex", "recover", "conquer", "loot", "burn", "ransack", "damage", "hold", "defend",
        "guard", "secure", "sweep", "comb", "search", "land",
    }
)  # fmt: skip
#: Common nouns that name a kind of place: "the village of X", "X province".
PLACE_NOUNS = frozenset(
    {
        "city", "town", "village", "hamlet", "province", "district", "region", "governorate",
        "state", "area", "neighbourhood", "neighborhood", "suburb", "suburbs", "outskirts",
        "capital", "county", "municipality", "camp", "settlement", "settlements", "island",
        "islands", "valley", "border", "border town", "port", "countryside", "prefecture",
        "department", "territory", "oblast", "quarter", "zone", "strip", "enclave",
        "refugee", "airport", "base", "market", "square", "street", "road", "highway", "coast",
        "river", "lake", "mountain", "mountains", "desert", "peninsula", "archipelago",
        "locality", "commune", "subdistrict", "sub-district", "township", "compound", "centre",
        "center", "hotel", "embassy", "mosque", "church", "hospital", "school", "university",
        "palace", "stadium", "prison", "checkpoint", "crossing", "bridge", "harbour", "harbor",
        "heartland", "stronghold", "hometown", "vicinity", "perimeter", "farm", "farms",
        "battlefields", "streets", "parts", "part", "areas", "towns", "villages", "cities",
        "axis", "route", "corridor", "stretch", "cercle", "sector", "entrance", "entrances",
        "gates", "edge",
    }
)  # fmt: skip
#: People named by where they live: "residents of X" (a weak tie to the event's place).
_RESIDENTS = frozenset({"residents", "inhabitants", "villagers", "townspeople", "population"})
#: Entity labels that can never be a toponym.
_NOT_PLACES = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP", "LANGUAGE"}
)
#: Dependencies that keep a token inside the noun phrase of its head.
_NP_DEPS = frozenset({"compound", "amod", "nmod", "appos", "conj", "npadvmod", "nummod", "poss"})
_ORG_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})


#: Nouns for people and forces: a place modifying one is their nationality, not a location
#: ("U.S. forces captured", "Haiti's police chief resigned").
_AGENT_NOUNS = frozenset(
    {
        "forces", "force", "troops", "troop", "army", "soldier", "soldiers", "police",
        "policeman", "policemen", "officer", "officers", "official", "officials", "government",
        "leader", "leaders", "chief", "commander", "commanders", "minister", "president",
        "spokesman", "spokeswoman", "militants", "militant", "rebels", "rebel", "authorities",
        "citizens", "citizen", "nationals", "national", "diplomat", "diplomats", "envoy",
        "ambassador", "military", "navy", "warships", "jets", "aircraft", "planes", "fighters",
        "peacekeepers", "guards", "agents", "adviser", "advisers", "embassy", "delegation",
        "team", "coalition", "regime", "parliament", "speaker", "company", "firm",
        "movement", "movements", "faction", "factions", "militia", "militias",
    }
)  # fmt: skip
#: Sites a country owns abroad: a country naming one ("a US base") is its owner, not where it
#: lies ("Mali's base" is still in Mali: possessives are judged as containers).
_OWNED_SITES = frozenset(
    {"base", "bases", "embassy", "embassies", "consulate", "outpost", "warship", "warships",
     "ship", "vessel", "compound", "mission"}
)  # fmt: skip
#: Protest verbs and the prepositions that give their grievance: a place inside the grievance
#: ("protesting against the offensive in Tigray") is where the grievance is, not the protest.
_PROTEST = frozenset({"protest", "demonstrate", "rally", "march", "strike", "riot", "picket"})
_GRIEVANCE = frozenset({"against", "over", "about"})
#: Acts of words: what their "over", "about", "on" or "of" phrase names is their topic
#: ("criticised Merkel over her policy on Syria", "accused him of weakness on Iran").
_SPEECH_ACTS = LEXICON.words("speech_act_lemmas")
#: "upon returning from Syria": where someone came from is not where another act happened.
_COMING = LEXICON.words("coming_verbs")
_TOPIC_PREPS = frozenset({"over", "about", "on", "of", "regarding", "concerning"})
#: People named by where they are from; protesting, they protest there.
_PEOPLE = frozenset({"people", "residents", "students", "workers", "farmers", "villagers"})
#: Nouns of going somewhere: a country naming one is where it goes ("a UK state visit").
_VISITS = frozenset({"visit", "visits", "trip", "tour", "mission"})
#: Words that make a place a reference point ("60 km northeast of Monrovia", "far from X").
_REFERENCE = frozenset(
    {
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "northeastern", "northwestern", "southeastern", "southwestern", "northern", "southern",
        "eastern", "western", "far", "away", "kilometers", "kilometres", "km", "miles", "mile",
        "kilometer", "kilometre", "short", "distance", "outside",
    }
)  # fmt: skip
#: Verbs of saying: a place in their arguments is a source of news, not of the event.
_REPORTING = frozenset(
    {"say", "tell", "report", "quote", "announce", "state", "claim", "add", "confirm",
     "cite", "accord", "write", "broadcast"}
)  # fmt: skip
_CONNECTORS = frozenset({"of", "de", "del", "la", "las", "los", "al", "el", "du", "des", "da"})


@dataclass(frozen=True, slots=True)
class _Candidate:
    toks: tuple[Token, ...]
    anchor: Token
    #: A GPE/LOC/FAC mention (else a proper name found in a place slot).
    labelled: bool
    #: "strict" ("the village of X", "X district"), "loose" ("in X", "captured X") or "".
    slot: str


def attached_place(
    view: SentenceView,
    tok: Token,
    triggers: set[int],
    place_fn: PlaceFn,
    *,
    fallback: Place | None = None,
) -> Place | None:
    """The place of the event whose trigger is ``tok`` (see the module docstring)."""
    ranked = rank_place(view, tok, triggers, place_fn, fallback=fallback)
    return ranked[1] if ranked else None


def rank_place(
    view: SentenceView,
    tok: Token,
    triggers: set[int],
    place_fn: PlaceFn,
    *,
    fallback: Place | None = None,
) -> tuple[int, Place] | None:
    """(rank, place): rank 0 when the parse attaches the place to this trigger."""
    cands = candidates(view)
    if not cands:
        return None
    resolved: dict[int, Place | None] = {}

    def resolve(cand: _Candidate) -> Place | None:
        if cand.anchor.i not in resolved:
            text, start, end = view.span_text(list(cand.toks))
            resolved[cand.anchor.i] = place_fn(text, start, end)
        return resolved[cand.anchor.i]

    scored: list[tuple[int, int, _Candidate]] = []
    for cand in cands:
        if _names_an_accord(view, cand):
            continue  # "withdrew from the Paris climate agreement": not where it happened
        place = resolve(cand)
        if place is None and not _acceptable_unknown(view, cand):
            continue
        rank = _rank(view, cand, tok, triggers, place)
        if rank is not None and rank <= MAX_RANK:
            scored.append((rank, cand.anchor.i, cand))
    if not scored:
        return None
    # Ties: the finer place ("the Kenyan capital Nairobi"), then the earlier one; a name the
    # gazetteer lacks is as fine as a town when a town noun introduces it ("killed in the
    # village of X in the countryside of Y": X).
    rank, _, best = min(
        scored,
        key=lambda s: (
            s[0],
            0 if _named_town(view, s[2]) else _FINENESS.get(_precision(resolve(s[2])), 1),
            s[1],
        ),
    )
    best = _town_within(view, best, [s[2] for s in scored], resolve)
    towns = _towns_before_container(view, best, [s[2] for s in scored])
    around = resolve(best) if towns is not best else None  # "..., in Z's suburbs": Z
    best = towns
    if around is None and resolve(best) is None:
        # "in the village of X in the countryside of Y": a town named with it lies in Y
        around = next(
            (p for r, _, c in sorted(scored, key=lambda s: s[1])
             if r == rank and c is not best and (p := resolve(c)) is not None
             and p.precision in {"city", "point", "admin1"}),
            None,
        )  # fmt: skip
    best = _named_site(view, best, [s[2] for s in scored])
    # For callers, rank 0 means "the parse attaches the place to this trigger".
    if rank <= ATTACHED_RANK and (
        _under(view, best.anchor, tok) or _under_light_verb(view, best.anchor, tok)
    ):
        rank = 0
    else:
        rank = max(rank, 1)
    place = resolve(best)
    if place is not None:
        return rank, place
    text, start, end = view.span_text(list(best.toks))
    container = _container(view, best, cands, resolve) or around or fallback
    return rank, _unresolved(text, start, end, container)


_FINENESS = {"point": 0, "city": 0, "admin1": 1, "": 1, "country": 2, "region": 3}


#: Place nouns for settlements and units: a name in apposition to one is its container.
_SETTLEMENTS = frozenset(
    {"city", "town", "village", "hamlet", "province", "district", "region", "governorate",
     "state", "county", "municipality", "commune", "prefecture", "department", "territory",
     "oblast", "township", "locality", "subdistrict", "cercle", "capital", "suburb"}
)  # fmt: skip


def _named_site(view: SentenceView, best: _Candidate, scored: list[_Candidate]) -> _Candidate:
    """ "the Herat army base, Camp Zafar Heights": the site's own name, in apposition to
    the place noun the town modifies, is the finer place (the town stays its container)."""
    if best.anchor.dep not in {"nmod", "compound", "amod"}:
        return best
    head = view.head(best.anchor)
    if head is None or head.text.lower() not in PLACE_NOUNS - _SETTLEMENTS:
        return best  # "Jolo town, Sulu": after a settlement the apposition contains it
    for cand in scored:
        if cand.anchor.dep == "appos" and cand.anchor.head == head.i:
            return cand
    return best


def _town_within(
    view: SentenceView,
    best: _Candidate,
    scored: list[_Candidate],
    resolve: Callable[[_Candidate], Place | None],
) -> _Candidate:
    """A country does not beat a town inside it in the same phrase, tied to the event too
    ("shelled the town of Tal Tamr in northern Syria"): the first such town."""
    place = resolve(best)
    if place is None or place.precision != "country":
        return best
    near = _neighbourhood(view, best.anchor)
    for cand in sorted(scored, key=lambda c: c.anchor.i):
        other = resolve(cand)
        if (
            cand.anchor.i in near
            and other is not None
            and other.country == place.country
            and other.precision in {"city", "point", "admin1"}
        ):
            return cand
    return best


#: Nouns naming a settlement no bigger than a town.
_TOWN_NOUNS = frozenset({"village", "town", "hamlet", "locality", "suburb"})


def _named_town(view: SentenceView, cand: _Candidate) -> bool:
    """ "the village of X", "the towns of X and Y": X is named as a town."""
    first = cand.anchor
    while first.dep == "conj" and (up := view.head(first)) is not None:
        first = up
    of = view.head(first)
    noun = view.head(of) if of is not None and of.text.lower() == "of" else None
    return noun is not None and noun.lemma.lower() in _TOWN_NOUNS


def _towns_before_container(
    view: SentenceView, best: _Candidate, scored: list[_Candidate]
) -> _Candidate:
    """ "in the villages of X and Y, in Z's western suburbs": the settlements named right
    before the comma lie inside Z and are the finer place, whichever verb the parse hangs
    "in Z" on; the first of them is taken."""
    prep = next((a for a in view.ancestors(best.anchor) if a.dep == "prep"), None)
    if prep is None or prep.i < 2 or view.tokens[prep.i - 1].text != ",":
        return best
    for cand in scored:
        ends = {cand.toks[-1].i, *(c.i for c in view.conjuncts(cand.anchor))}
        if cand is best or prep.i - 2 not in ends:
            continue
        if not _named_town(view, cand):
            continue
        first = cand.anchor
        while first.dep == "conj" and (up := view.head(first)) is not None:
            first = up
        return next((c for c in scored if c.anchor.i == first.i), cand)
    return best


def _precision(place: Place | None) -> str:
    return place.precision if place is not None else ""


def _root_dep(view: SentenceView, tok: Token) -> str:
    """The dependency of the first conjunct of a coordination ("the United States and
    Britain weighed" -> nsubj)."""
    cur = tok
    while cur.dep == "conj":
        head = view.head(cur)
        if head is None:
            break
        cur = head
    return cur.dep


#: Internal ranks up to this, for a place inside the trigger's own phrase, are reported as 0.
ATTACHED_RANK = 2


def _under(view: SentenceView, tok: Token, trigger: Token) -> bool:
    return any(a.i == trigger.i for a in view.ancestors(tok))


def _under_light_verb(view: SentenceView, tok: Token, trigger: Token) -> bool:
    """ "staged a protest in Budapest": the place hangs on the verb whose object the trigger is."""
    if trigger.pos != "NOUN" or trigger.dep != "dobj":
        return False
    verb = view.head(trigger)
    if verb is None or verb.pos not in {"VERB", "AUX"}:
        return False
    prep = view.head(tok)
    return prep is not None and prep.dep == "prep" and view.head(prep) is verb


#: Candidates ranked above this are not taken (a place only loosely tied to the event).
MAX_RANK = 8


def _acceptable_unknown(view: SentenceView, cand: _Candidate) -> bool:
    """May a toponym the gazetteer lacks still be named as the place?"""
    if cand.anchor.ent == "NORP":
        return False  # "targeting Christians": people, unless the gazetteer knows a place
    if cand.slot == "strict":
        # "a VDP checkpoint", "the FAMa camp": a body's name before a place noun is the
        # owner, not a place name, unless the gazetteer knows it
        return not (cand.anchor.dep == "compound" and cand.anchor.ent in _ORG_LABELS)
    if cand.slot != "loose":
        return False
    if cand.anchor.dep == "pobj":
        return cand.labelled or _appos_place(view, cand.anchor)
    # "Mali's army captured Kidal": the object of a verb that acts on places
    head = view.head(cand.anchor)
    return (
        head is not None
        and head.lemma.lower() in _PLACE_VERBS
        and cand.anchor.ent not in _ORG_LABELS - {"ORG"}
    )


def _owns_site(view: SentenceView, anchor: Token, place: Place | None) -> bool:
    """Is this country the owner of the site it modifies ("a US base", "the French embassy")?"""
    head = view.head(anchor)
    return (
        place is not None
        and place.precision == "country"
        and anchor.dep in {"compound", "nmod", "amod"}
        and head is not None
        and head.text.lower() in _OWNED_SITES
    )


def _in_locative(view: SentenceView, noun: Token) -> bool:
    """Is the event noun the object of a locative preposition ("killed in the Raqqa
    offensive", "during the raid")? Then what happens there happens in its place too."""
    head = view.head(noun)
    return noun.dep == "pobj" and head is not None and head.text.lower() in _LOCATIVE


#: Nouns of time that measure an event ("two days of fighting").
_SPANS = frozenset({"day", "week", "month", "year", "hour", "night", "weekend", "round"})


def _of_object(view: SentenceView, noun: Token) -> bool:
    """Is the event noun what another noun is "of" ("the anniversary of the massacre")? Its
    place is then that event's, not one ours happens in ("captured after fighting in
    Kherson", "killed in clashes in Ansongo" still share theirs)."""
    head = view.head(noun)
    if noun.dep != "pobj" or head is None or head.text.lower() != "of":
        return False
    owner = view.head(head)
    # "two days of fighting", "a night of clashes": the span of the event itself
    return owner is None or (owner.ent not in {"DATE", "TIME"} and owner.lemma not in _SPANS)


def _appos_place(view: SentenceView, anchor: Token) -> bool:
    """ "in Basti Kharan Wala, a small village 60 km from X": an appositive place noun says
    a place, whatever the NER called it."""
    return any(
        k.dep == "appos" and k.pos == "NOUN" and k.text.lower() in PLACE_NOUNS
        for k in view.children(anchor)
    )


def names_place(actor_text: str, offset: int) -> bool:
    """Is the toponym at ``offset`` in an actor's phrase the name of a place that phrase
    is ("raided *the village of Tin Orar*": the village is the target and Tin Orar is still
    where it happened), not the actor itself ("joined forces with Cameroon")?"""
    before = actor_text[:offset].lower().split()
    return len(before) >= 2 and before[-1] == "of" and before[-2] in PLACE_NOUNS


#: Place nouns that, bare and definite, point back to a place named before ("the town").
_BACK_NOUNS = frozenset({"town", "city", "village", "camp", "locality", "commune", "area"})


def refers_back(view: SentenceView) -> bool:
    """Does the sentence point back to a place named before it, as where something happens:
    "there" after a verb ("two soldiers were killed there"), or a bare definite place noun
    after a locative preposition or as a place verb's object ("fighting in the town",
    "militants stormed the village")?"""
    for t in view.tokens:
        if t.text.lower() == "there" and t.dep == "advmod":
            head = view.head(t)
            if head is not None and head.pos == "VERB":
                return True
        if t.text.lower() not in _BACK_NOUNS or t.pos != "NOUN":
            continue
        kids = list(view.children(t))
        if not any(k.dep == "det" and k.text.lower() == "the" for k in kids):
            continue
        if any(k.dep in {"compound", "prep", "appos", "amod", "poss", "nmod"} for k in kids):
            continue  # "the border town of X", "the town's", "the northern town": not bare
        head = view.head(t)
        if head is None:
            continue
        if t.dep == "pobj" and head.text.lower() in _LOCATIVE - {"from", "to", "towards"}:
            return True
        if t.dep == "dobj" and head.lemma.lower() in _PLACE_VERBS:
            return True
    return False


#: Nouns that name an event: bare and definite ("the attack", "the blast") they refer to one
#: the article has already told, so they share its place.
_EVENT_NOUNS = frozenset(
    {
        "attack", "attacks", "bombing", "bombings", "blast", "blasts", "explosion", "raid",
        "raids", "strike", "strikes", "airstrike", "airstrikes", "assault", "ambush", "clash",
        "clashes", "fighting", "shooting", "massacre", "killings", "offensive", "battle",
        "protest", "protests", "demonstration", "demonstrations", "rally", "meeting", "talks",
        "summit", "incident", "violence", "shelling", "siege", "operation",
    }
)  # fmt: skip
_BACK_DETS = frozenset({"the", "this", "that", "these", "those"})


def refers_to_event(view: SentenceView, *, strict: bool = True) -> bool:
    """Does the sentence take up an event told before? A bare definite event noun, with
    nothing of its own saying where or which (no place, no name, no adjective but "same",
    "deadly" or "latest"), refers back to it. ``strict``: only as the subject or the locative
    of a verb ("the attack killed nine", "nine were killed in the attack", "during the raid"),
    where the sentence's events happen in it; else anywhere ("condemning the raid, the
    army said soldiers were killed in Syria"), which only says which incident is meant."""
    for t in view.tokens:
        if t.text.lower() not in _EVENT_NOUNS or t.pos != "NOUN":
            continue
        kids = list(view.children(t))
        if not any(k.dep == "det" and k.text.lower() in _BACK_DETS for k in kids):
            continue
        if any(
            k.dep in {"compound", "prep", "appos", "poss", "nmod", "acl", "relcl", "nummod"}
            or (k.dep == "amod" and k.text.lower() not in {"same", "deadly", "latest"})
            for k in kids
        ):
            continue  # "the attack on X", "the Raqqa attack", "the first attack": its own
        head = view.head(t)
        if head is None:
            continue
        if not strict:
            return True
        if t.dep in {"nsubj", "nsubjpass"} and head.pos in {"VERB", "AUX"}:
            return True
        if t.dep == "pobj" and head.text.lower() in {"in", "during", "amid", "at"}:
            return True
    return False


# --------------------------------------------------------------------------- candidates


def _names_an_accord(view: SentenceView, cand: _Candidate) -> bool:
    """The place names a treaty ("the Paris climate agreement"), not where anything happened."""
    last = cand.toks[-1].i
    return accord_follows([t.text for t in view.tokens[last + 1 : last + 4]])


def abroad_place(view: SentenceView, place_fn: PlaceFn, home: set[str]) -> Place | None:
    """The first place the sentence names outside the ``home`` countries: forces withdrawn
    are withdrawn from abroad, so "killed four Americans in eastern Syria, weeks after Trump
    said he was withdrawing American forces" withdrew them from Syria, not from the United
    States the article is mostly about. A place the sentence states, so not ``inferred``."""
    for cand in candidates(view):
        text, start, end = view.span_text(list(cand.toks))
        place = place_fn(text, start, end)
        if place is not None and place.country and place.country not in home:
            return place
    return None


def candidates(view: SentenceView) -> list[_Candidate]:
    """The toponyms of a sentence: place mentions and proper names in place slots."""
    toks = view.tokens
    out: list[_Candidate] = []
    taken: set[int] = set()
    by_idx = {t.idx: t.i for t in toks}
    for m in view.parsed.mentions:
        if m.label not in PLACE_LABELS:
            continue
        first = by_idx.get(m.start)
        if first is None:
            first = next((t.i for t in toks if t.idx >= m.start), None)
            if first is None:
                continue
        span = [t for t in toks[first:] if t.idx < _unbracketed_end(m.text, m.start)]
        if not span or span[0].i in taken:
            continue
        span = _extend(view, span)
        if not span:
            continue
        span = _glue(view, span)
        cand = _make(view, span, labelled=True)
        if cand is not None:
            out.append(cand)
            taken.update(t.i for t in span)
    # Proper names in a place slot, whatever their label: "the village of Solhan".
    i = 0
    while i < len(toks):
        t = toks[i]
        if (
            i in taken
            or t.pos != "PROPN"
            # "along the march route": a word in lower case is no place name, whatever the
            # tagger calls it (March is also a town in England)
            or t.text.islower()
            or (t.ent in _NOT_PLACES and not _norp_place(view, t))
        ):
            i += 1
            continue
        j = i
        # "Sardinia Friday": a date that follows a name is not part of it
        while (
            j + 1 < len(toks)
            and toks[j + 1].pos == "PROPN"
            and j + 1 not in taken
            and toks[j + 1].ent not in _NOT_PLACES
        ):
            j += 1
        run = _glue(view, list(toks[i : j + 1]))
        # "Anefis (Kidal)", "the town of Djibo": a written hierarchy or a place noun says it
        # is a place, whatever person or body shares the name
        cand = _make(view, run, labelled=False)
        placed = cand is not None and (cand.slot == "strict" or _bracketed(view, run))
        if any(t.i in taken for t in run) or (not placed and _inside_longer_name(view, run)):
            i = j + 1
            continue
        if cand is not None and cand.slot and (placed or not _person_object(view, cand)):
            out.append(cand)
        i = j + 1
    return out


def _norp_place(view: SentenceView, t: Token) -> bool:
    """ "shot in Kidal": a proper noun the NER calls a nationality is a place name when a
    locative preposition governs it (a demonym there is no place: the gazetteer decides)."""
    if t.ent != "NORP":
        return False
    head = view.head(t)
    if head is None:
        return False
    if t.dep == "dobj":  # "retook Kidal"
        return head.lemma.lower() in _PLACE_VERBS or head.text.lower() in _PLACE_VERBS
    if t.dep == "pobj" and head.text.lower() == "of":  # "the town of Kidal"
        owner = view.head(head)
        return owner is not None and owner.text.lower() in PLACE_NOUNS
    return t.dep == "pobj" and head.text.lower() in _LOCATIVE


def _inside_longer_name(view: SentenceView, run: list[Token]) -> bool:
    """ "Alliance" of "Alliance of Sahel States": part of an organisation's name, not a town;
    "Hamas": a known organisation or person, whatever town shares its spelling."""
    text = " ".join(t.text for t in run)
    if any(hit.kind in {"org", "person"} for hit in load_kb().lookup(text)):
        return True
    start, end = run[0].idx, run[-1].idx + len(run[-1].text)
    return any(
        m.label in _ORG_LABELS
        and m.start <= start
        and end <= m.end
        and (_unbracketed_end(m.text, m.start) - m.start) > end - start
        for m in view.parsed.mentions
    )


def _bracketed(view: SentenceView, run: list[Token]) -> bool:
    """Is the name followed by a bracketed hierarchy of proper names ("Anefis (Kidal)")?"""
    toks = view.tokens
    k = run[-1].i + 1
    if k >= len(toks) or toks[k].text != "(":
        return False
    names = 0
    for t in toks[k + 1 :]:
        if t.text == ")":
            return names > 0
        if t.pos == "PROPN" and t.text[:1].isupper():
            names += 1
        elif t.text not in {",", "-", "'"}:
            return False
    return False


def _unbracketed_end(text: str, start: int) -> int:
    """Where a mention ends before a bracket it swallowed ("Seytenga (Seno, Sahel": the NER
    runs a note's hierarchy into the name)."""
    cut = text.find(" (")
    return start + (cut if cut > 0 else len(text))


def _person_object(view: SentenceView, cand: _Candidate) -> bool:
    """ "Dubois was kidnapped": a name the NER calls a person, as a verb's object, is one -
    unless an appositive says it is a place ("captured Bunia, the capital of ...")."""
    a = cand.anchor
    if a.dep not in {"dobj", "nsubjpass"} or a.ent != "PERSON":
        return False
    return not any(k.dep == "appos" and k.text.lower() in PLACE_NOUNS for k in view.children(a))


def _extend(view: SentenceView, span: list[Token]) -> list[Token]:
    """Mend a name the NER cut short: "The Gulf of" + "Aden", "San Cristobal De" + "Las Casas",
    "Gaza" + "City"."""
    toks = view.tokens
    end = span[-1].i
    while end + 1 < len(toks):
        nxt = toks[end + 1]
        if nxt.pos == "PROPN" and nxt.ent not in _NOT_PLACES and nxt.ent not in _ORG_LABELS:
            end += 1
            continue
        if (
            nxt.text.lower() in _CONNECTORS
            and end + 2 < len(toks)
            and toks[end + 2].pos == "PROPN"
            and toks[end + 2].ent in PLACE_LABELS
        ):
            end += 2
            continue
        break
    if span[-1].text.lower() in _CONNECTORS:  # "The Gulf of" with nothing after
        span = span[:-1]
    if not span:
        return span
    return list(toks[span[0].i : end + 1]) if end > span[-1].i else span


def _glue(view: SentenceView, span: list[Token]) -> list[Token]:
    """Take in the pieces of a hyphenated name the tokenizer split ("Mazar-e-Sharif",
    "Bir-Lehlou", "Brest-Litovsk"): tokens written without a space between them."""
    toks = view.tokens

    def piece(t: Token) -> bool:
        return t.text == "-" or t.text.isalpha()

    first, last = span[0].i, span[-1].i
    while first > 0 and not toks[first - 1].ws and piece(toks[first - 1]):
        first -= 1
    while last + 1 < len(toks) and not toks[last].ws and piece(toks[last + 1]):
        last += 1
    while first < last and toks[first].text == "-":
        first += 1
    while last > first and toks[last].text == "-":
        last -= 1
    return list(toks[first : last + 1])


def _make(view: SentenceView, span: Sequence[Token], *, labelled: bool) -> _Candidate | None:
    toks = list(span)
    while toks and (toks[0].pos in {"DET", "PUNCT"} or toks[0].text.lower() == "the"):
        toks = toks[1:]
    while toks and (toks[-1].pos in {"PUNCT", "PART"} or toks[-1].text in {"'s", "’s"}):
        toks = toks[:-1]
    # "Kidal region", "Sadr city": lowercase designators are not the name
    while len(toks) > 1 and toks[-1].text.islower() and toks[-1].text in PLACE_NOUNS:
        toks = toks[:-1]
    if not toks or not any(t.text[:1].isalpha() for t in toks):
        return None
    inside = {t.i for t in toks}
    anchor = next((t for t in toks if t.head not in inside or t.head == t.i), toks[-1])
    return _Candidate(tuple(toks), anchor, labelled, _slot(view, anchor))


def _slot(view: SentenceView, a: Token) -> str:
    """Where the grammar puts a name: "strict" in "the village of X" / "X district" / "the
    capital, X"; "loose" after a locative preposition or as a verb's object; else ""."""
    head = view.head(a)
    if head is None:
        return ""
    word = head.text.lower()
    if a.dep == "pobj" and head.dep == "prep":
        owner = view.head(head)
        if word == "of":
            if owner is not None and owner.text.lower() in PLACE_NOUNS and owner.ent == "":
                return "strict"
            if owner is not None and owner.text.lower() in _RESIDENTS:
                return "loose"  # "residents of Djenne protested": where they live
            return ""
        return "loose" if word in _LOCATIVE else ""
    if a.dep in {"compound", "nmod", "appos"} and word in PLACE_NOUNS and head.ent == "":
        return "strict"
    if a.dep == "poss" and word in PLACE_NOUNS and head.ent == "":
        return "loose"  # "Kabul's streets" (but "Macron's hotel")
    if a.dep == "compound" and head.pos == "NOUN" and _in_locative(view, head):
        return "loose"  # "wounded in the Raqqa offensive": a known place naming the fighting
    if a.dep in {"dobj", "nsubjpass"} and head.pos == "VERB":
        return "loose"
    return ""


# --------------------------------------------------------------------------- ranking


def _same_event(view: SentenceView, a: Token, b: Token) -> bool:
    """Coordinated verbs of one clause ("shot and killed") report one event."""
    return (a.dep == "conj" and a.head == b.i) or (b.dep == "conj" and b.head == a.i)


#: Subordinators of a clause that happens at the same time as its head.
_WHILE = frozenset({"while", "when", "as"})


def _meanwhile(view: SentenceView, clause: Token, tok: Token) -> bool:
    """Is ``clause`` what the trigger's actors were doing when it happened ("killed while
    guarding a checkpoint in Mali", "shot as they crossed the bridge")? It is in the same
    place."""
    if clause.dep != "advcl" or clause.head != tok.i or clause.pos != "VERB":
        return False
    return any(k.dep == "mark" and k.text.lower() in _WHILE for k in view.children(clause))


def _lead_verb(view: SentenceView, tok: Token) -> Token | None:
    """The verb whose place a trigger shares: the first of coordinated verbs ("raided the
    village of X and killed two herders") or the verb a participle follows ("attacked a bus
    on the axis X-Y, killing five")."""
    head = view.head(tok)
    if head is None or head.pos != "VERB" or tok.pos != "VERB":
        return None
    if tok.dep == "conj" or (tok.dep == "advcl" and tok.tag == "VBG"):
        return head
    return None


def _rank(
    view: SentenceView, cand: _Candidate, tok: Token, triggers: set[int], place: Place | None
) -> int | None:
    """How closely the parse ties the toponym to the trigger; None: not this event's place."""
    if tok.i in {t.i for t in cand.toks}:
        return None
    if cand.anchor.dep in {"nsubj", "csubj"} or (
        cand.anchor.dep == "conj" and _root_dep(view, cand.anchor) == "nsubj"
    ):
        return None  # a place doing something is an actor ("China may use", "Israel demanded")
    is_country = place is not None and place.precision == "country"
    cost = 0
    clause = False  # the path went through a clause of its own
    cur = cand.anchor
    top: Token | None = None  # the node right under the trigger
    lead = _lead_verb(view, tok)
    while True:
        head = view.head(cur)
        if head is None:
            break
        if head.i == tok.i:
            top = cur
            break
        if lead is not None and head.i == lead.i and cur.i != tok.i:
            top, tok = cur, lead  # judged as the lead verb's place, one step further
            cost += 1
            break
        if (
            head.i in triggers
            and head.i != tok.i
            and cur.dep == "prep"
            and cur.text.lower() in _DIRECTIONAL
        ):
            return None  # "expelled the French and turned to Russia": where the other act
            # points, not where this one happened
        if (
            head.i in triggers
            and not _same_event(view, head, tok)
            and not _meanwhile(view, head, tok)
        ):
            if head.pos not in {"NOUN", "PROPN"} or not any(
                a.i == tok.i for a in view.ancestors(head)
            ):
                return None  # another event's place
            if _of_object(view, head):
                return None  # "marched to mark the anniversary of the X massacre": its place
            cost += 1  # "killed in clashes in Ansongo": the clashes happen there too
        if head.lemma.lower() in _REPORTING and head.pos == "VERB" or head.text == "according":
            return None  # "the source told Xinhua", "according to Kenyan television"
        word = head.text.lower()
        if (
            cur.dep == "pobj"
            and word in _TOPIC_PREPS - {"on", "of"}
            and tok.lemma.lower() in _SPEECH_ACTS
        ):
            return None  # "criticised Merkel over her policy on Syria": the topic
        if cur.dep == "pobj" and head.dep in {"prep", "agent"}:
            owner = view.head(head)
            owner_word = owner.text.lower() if owner is not None else ""
            if (
                word == "from"
                and owner is not None
                and owner.i != tok.i
                and owner.pos == "VERB"
                and owner.lemma.lower() in _COMING
            ):
                return None  # "arrested upon returning from Syria": where they came from
            if word == "of" and owner is not None and owner.ent in _ORG_LABELS:
                return None  # "Islamic State of Iraq": part of a name
            if word in {"of", "from"} and owner_word in _REFERENCE:
                cost += 4  # "60 km northeast of Monrovia": a reference point
            elif owner is not None and owner.i == tok.i:
                pass  # the trigger's own phrase: its preposition is judged below
            elif word in _NON_LOCATIVE and word != "of":
                cost += 2
            elif word != "of":
                cost += 1  # a locative inside a locative
        elif cur.dep in {"compound", "poss", "amod", "nmod"}:
            if word in _AGENT_NOUNS or head.ent in _ORG_LABELS or head.ent == "NORP":
                return None  # "U.S. forces", "Haiti's police chief": who, not where
            if cur is cand.anchor and _owns_site(view, cur, place):
                return None  # "the US military base in X", "the French embassy": the owner
            if cur.dep == "poss":
                cost += 1  # "Mali's northern city of Gao": Mali contains the place
            elif word not in PLACE_NOUNS and head.ent not in PLACE_LABELS:
                if word in _PEOPLE and tok.lemma.lower() in _PROTEST and head.dep == "nsubj":
                    cost += 1  # "Taiwan students demonstrated": people protest where they live
                elif is_country and not (head.i == tok.i and word in _VISITS):
                    return None  # "a US convoy", "Syria's civil war": a nationality
                else:
                    cost += 2  # "Paris's metro network", "the Kherson campaign"
        elif cur.dep == "appos" and word in _REFERENCE:
            cost += 4
        elif cur.dep == "appos" and cur.text.lower() in PLACE_NOUNS:
            cost += 1  # "Bunia, the capital of Ituri": Ituri contains Bunia
        elif cur.dep == "conj" and cur.pos in {"VERB", "AUX"}:
            cost += 1 if cur.i in triggers else 3  # "arrested, and confessed ... in Lisbon"
        elif cur.dep in {"advcl", "relcl", "acl", "ccomp", "xcomp", "conj", "pcomp"}:
            cost += 1
            clause = clause or cur.dep in {"relcl", "acl"}
        elif cur.dep not in _NP_DEPS and cur.dep not in {
            "pobj", "prep", "dobj", "nsubjpass", "attr", "agent", "oprd", "dative", "case",
        }:  # fmt: skip
            cost += 1
        cur = head
    if top is None:
        return _governing_rank(view, cand, tok, triggers)
    # The relation of the phrase to the trigger.
    word = top.text.lower()
    if top.dep == "agent":
        return None if cand.anchor.head == top.i else cost + 1  # "kidnapped by JNIM"
    if top.dep == "prep":
        if word in _TOPIC_PREPS and tok.lemma.lower() in _SPEECH_ACTS:
            return None  # "accused him of weakness on Iran": the topic, not where
        if word in _LOCATIVE or (word == "of" and tok.pos == "NOUN"):
            return cost  # "arrival of a plane at Niamey airport": the noun's own argument
        if word in _GRIEVANCE and tok.lemma.lower() in _PROTEST:
            return None  # "protested against the war in X": what they protest, not where
        return cost + 3
    if top.dep in {"dobj", "nsubjpass", "attr", "oprd"}:
        if tok.lemma.lower() in _PLACE_VERBS or tok.text.lower() in _PLACE_VERBS:
            # a name the NER did not call a place is a less certain object
            return cost if cand.labelled or top.i != cand.anchor.i else cost + 1
        return cost + 3
    if top.dep in {"nsubj", "csubj", "expl"}:
        if top.i == cand.anchor.i or word in _AGENT_NOUNS or cost > 1 or clause:
            return None  # the actor ("Mali's army captured Kidal"), or said of the actor
        return cost + 5  # "Gaza residents demonstrated": where the actors come from
    if top.dep in {"npadvmod", "advmod"}:
        return cost + 1
    if top.dep in {"poss", "compound", "amod", "nmod"}:
        return cost + 4
    return cost + 2


def _governing_rank(
    view: SentenceView, cand: _Candidate, tok: Token, triggers: set[int]
) -> int | None:
    """A locative of the verb that governs the trigger's clause ("a wounded driver was
    flown out from Gao")."""
    gov = None
    for anc in view.ancestors(tok):
        if anc.pos in {"VERB", "AUX"}:
            gov = anc
            break
    if gov is None:
        return None
    head = view.head(cand.anchor)
    if cand.anchor.dep != "pobj" or head is None or head.text.lower() not in _LOCATIVE:
        return None
    if view.head(head) is not gov:
        # "speaking at the Lowy Institute in Sydney during a state visit": a locative
        # inside the verb's own locative phrase ("at X in Sydney")
        if tok.pos != "NOUN" or not _nested_locative(view, head, gov):
            return None
        return MAX_RANK
    if tok.pos == "NOUN" and tok.dep == "dobj" and view.head(tok) is gov:
        return 1  # "staged a protest in Budapest", "held talks in Moscow": the light verb's place
    return MAX_RANK


def _nested_locative(view: SentenceView, prep: Token, gov: Token) -> bool:
    """Is ``prep`` ("in" of "at X in Sydney") inside a locative phrase of ``gov``: its head
    a noun that is the object of a locative preposition of ``gov``?"""
    noun = view.head(prep)
    if noun is None or noun.dep != "pobj" or prep.dep != "prep":
        return False
    outer = view.head(noun)
    return (
        outer is not None
        and outer.text.lower() in _LOCATIVE
        and outer.dep == "prep"
        and view.head(outer) is gov
    )


# --------------------------------------------------------------------------- unresolved


def _container(
    view: SentenceView,
    cand: _Candidate,
    cands: list[_Candidate],
    resolve: Callable[[_Candidate], Place | None],
) -> Place | None:
    """A resolved toponym tied to this one in the parse: its possessor, a locative under it,
    the phrase it qualifies ("the Hamdallaye district of central Bamako")."""
    near = _neighbourhood(view, cand.anchor)
    best: tuple[int, Place] | None = None
    for other in cands:
        if other is cand or other.anchor.i not in near:
            continue
        place = resolve(other)
        if place is None or _owns_site(view, other.anchor, place):
            continue
        dist = near[other.anchor.i]
        if best is None or dist < best[0]:
            best = (dist, place)
    return best[1] if best else None


def _neighbourhood(view: SentenceView, anchor: Token, hops: int = 4) -> dict[int, int]:
    """Token index -> tree distance, for tokens within ``hops`` of ``anchor`` that stay in
    noun phrases and locative prepositions (no crossing into another clause)."""
    dist = {anchor.i: 0}
    frontier = [anchor]
    for d in range(1, hops + 1):
        nxt = []
        for t in frontier:
            links = list(view.children(t))
            head = view.head(t)
            if head is not None:
                links.append(head)
            for u in links:
                if u.i in dist or u.pos in {"VERB", "AUX"}:
                    continue
                dist[u.i] = d
                nxt.append(u)
        frontier = nxt
    return dist


def _unresolved(text: str, start: int, end: int, container: Place | None) -> Place:
    """A toponym the gazetteer lacks: its own span, the container's point and precision."""
    if container is None:
        return Place(text=text, name=text, precision="region", char_start=start, char_end=end)
    return Place(
        text=text,
        name=text,
        country=container.country,
        admin1=container.admin1 if container.precision in {"city", "point", "admin1"} else None,
        lat=container.lat,
        lon=container.lon,
        precision="city" if container.precision == "point" else container.precision,
        geonameid=None,
        char_start=start,
        char_end=end,
        inferred=container.inferred,
    )


def finer_in_country(view: SentenceView, place: Place, place_fn: PlaceFn) -> Place | None:
    """A town or province the sentence names inside ``place``, a country the event is put in
    ("addressed investors in Manchester during a two-day UK state visit": Manchester, not
    the UK); None when it names none, or more than one."""
    if _precision(place) != "country" or not place.country:
        return None
    found: dict[str, Place] = {}
    for cand in candidates(view):
        if _names_an_accord(view, cand):
            continue
        text, start, end = view.span_text(list(cand.toks))
        other = place_fn(text, start, end)
        if (
            other is not None
            and other.country == place.country
            and not other.inferred
            and _FINENESS.get(_precision(other), 1) < _FINENESS["country"]
        ):
            found[other.name] = other
    return next(iter(found.values())) if len(found) == 1 else None
