"""Code events from parsed sentences: trigger patterns + roles from syntax -> CAMEO and PLOVER.

For each token whose (lemma, pos) has patterns, the first pattern whose constraints hold codes
the event. Source and target come from the dependency parse (active, passive, "X's expulsion of
Y", light verbs such as "held talks with"); actors, places and times are resolved by callables
the pipeline passes in, so this stage never imports another stage.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from eventwire.code.acled import acled_view
from eventwire.code.eventplace import PlaceFn, rank_place
from eventwire.code.modality import forecast, modality_of, refused
from eventwire.code.patterns import Pattern, PatternIndex, get_index
from eventwire.kb import KnowledgeBase, load_kb
from eventwire.kb.lexicon import load_lexicon
from eventwire.records import (
    CONTEXT_KB_ID,
    Actor,
    Cameo,
    Event,
    ParsedSentence,
    Place,
    Plover,
    Span,
    TimeSpan,
    Token,
)
from eventwire.syntax import SentenceView

CODER_VERSION = "eventwire-coder/0.1"

#: Resolve the tokens of a noun phrase and its head to an actor, or None; countries in the
#: optional third argument are not to be guessed from context for it.
ActorFn = Callable[..., Actor | None]

_SUBJ = ("nsubj", "csubj")
_PASSIVE_SUBJ = ("nsubjpass",)
_OBJ = ("dobj", "obj", "attr", "oprd")
#: The English word classes the rules below depend on (lang/en/lexicon.yaml).
LEXICON = load_lexicon("en")

_LIGHT_VERBS = LEXICON.words("light_verbs")
#: Verbs whose "Y must Z" complement is a demand on Y.
_DECLARING = LEXICON.words("declaring")
#: Nouns that name an institution or a programme: a trigger noun modifying one is part of
#: its name, not an event.
_BODY_NOUNS = LEXICON.words("body_nouns")
#: Natural disasters: a state of emergency declared for one is no coercion.
_DISASTER_WORDS = LEXICON.words("disaster_words")
#: Demands, refusals and policies: their owner is the target of what answers them.
_CLAIM_NOUNS = LEXICON.words("claim_nouns")
#: Verbs of a purpose clause that press a demand on someone ("rallied to demand ...").
_PRESSING_VERBS = LEXICON.words("pressing_verbs")
#: Nouns through which an act answers something ("in protest against", "in response to").
_ANSWER_NOUNS = LEXICON.words("answer_nouns")
#: Places named after the people they shelter or serve ("a camp for refugees").
_SHELTER_NOUNS = LEXICON.words("shelter_nouns")
#: Branches of a state that act on its executive and on each other.
_BRANCHES = frozenset({"LEG", "JUD"})
#: Verbs whose object, not their subject, would do what the infinitive after them names.
_OBJECT_CONTROL = LEXICON.words("object_control")
#: Texts that "say" what must be: a law, a report, a treaty is no one making a demand.
_TEXT_NOUNS = LEXICON.words("text_nouns")
#: CAMEO roots of violence: only there does a place stand for the people in it.
_VIOLENT_ROOTS = frozenset({"18", "19", "20"})
#: Places that, attacked, stand for the civilians in them (the sector terms say CVL/REL).
_ATTACKED_PLACES = LEXICON.words("attacked_places")


def _two_named(a: Actor, b: Actor) -> bool:
    """Two different named people or bodies of one side ("Energy Minister Subroto met
    President Suharto"): a domestic event, not one actor acting on itself."""

    def name(x: Actor) -> str:
        return (x.name or " ".join(w for w in x.text.split() if w[:1].isupper())).lower()

    first, second = name(a), name(b)
    return bool(first and second) and first != second and a.text.lower() != b.text.lower()


def _agrees(pronoun: str, noun: Token) -> bool:
    """Whether a possessive pronoun can stand for ``noun``: "its" a singular thing, "their"
    a plural (or a country or body, which news writes either way), "his"/"her" a person."""
    plural = noun.tag in {"NNS", "NNPS"}
    if pronoun == "its":
        return not plural and noun.ent != "PERSON"
    if pronoun == "their":
        return plural or noun.ent in {"GPE", "ORG", "NORP"}
    return noun.ent == "PERSON" or noun.pos == "PROPN"


def _head_word(text: str) -> str:
    words = text.lower().split()
    return words[-1] if words else ""


#: What reporters press or ask for: no demand on an actor.
_ASKED_FOR_WORDS = LEXICON.words("asked_for_words")
#: Entity labels whose capitalised words are a name, never a trigger.
_NAME_ENTITIES = frozenset({"ORG", "WORK_OF_ART", "LAW", "FAC", "PRODUCT"})
#: Determiners that make a noun phrase generic ("each country", "any government").
_GENERIC_DETS = LEXICON.words("generic_dets")
#: The pattern a deontic "must" codes (CAMEO 10: demand).
_DEONTIC = Pattern(id="deontic-must", lemmas=frozenset({"must"}), pos="VERB", code="100")
#: Verbs that report a hostile act as one side's claim ("the US claimed that ISIL attacked").
_CLAIMING = LEXICON.words("claiming")
#: What such a claim codes: of one's own act, responsibility (015); of another's, an accusation.
_CLAIM_OWN = Pattern(id="claim-own-act", lemmas=_CLAIMING, pos="VERB", code="015")
_CLAIM_OTHER = Pattern(id="claim-other-act", lemmas=_CLAIMING, pos="VERB", code="112")
#: Clause links from a claimed act up to the verb of claiming.
_CLAIM_LINKS = frozenset({"ccomp", "conj", "xcomp"})
#: Roots whose target may be named inside a complement clause or the object's agent.
_ADDRESSED_ROOTS = frozenset({"02", "10", "11", "12", "13"})
#: Nouns that count people rather than name them ("thousands of students").
_QUANTITY_NOUNS = LEXICON.words("quantity_nouns")
#: Modifiers that name who acts in a noun event ("a military coup", "a rebel offensive").
_ACTOR_MODIFIERS = LEXICON.words("actor_modifiers")
#: Roots of verbs that comment on an event named as their object, which stays an event.
_COMMENT_ROOTS = frozenset({"01", "05", "11"})
#: Prepositions that date one event by another instead of naming its object.
_TIME_PREPS = LEXICON.words("time_preps")
#: Nouns that name a place by its country ("the Rwandan capital", "a Malian town").
_PLACE_NOUNS = LEXICON.words("place_nouns")
#: Sectors of the state itself.
_STATE = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
#: Sectors that alone do not make an event political (a company, an unknown "it").
_NON_POLITICAL = frozenset({None, "BUS"})
_REPORTING = LEXICON.words("reporting")


@dataclass(frozen=True, slots=True)
class _Roles:
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    light_verb: Token | None
    inferred: bool = False


@lru_cache(maxsize=1)
def _modal_table() -> dict[str, tuple[str, str]]:
    """prefix -> (code when planned, code when refused), from kb/ontologies/modal_codes.tsv."""
    path = Path(__file__).resolve().parents[1] / "kb" / "ontologies" / "modal_codes.tsv"
    rows = [
        ln.split("\t")
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    return {r[0]: (r[1].strip(), r[2].strip()) for r in rows[1:]}


def modal_code(code: str, modality: str) -> str | None:
    """The CAMEO code for announcing ("planned") or refusing ("refused") the act ``code``."""
    column = {"planned": 0, "refused": 1}.get(modality)
    if column is None:
        return None
    table = _modal_table()
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            mapped = table[code[:n]][column]
            return None if mapped == "-" else mapped
    return None


#: Words that make a killing or attack a bombing (CAMEO 183), not conventional fighting.
_BOMB_WORDS = LEXICON.words("bomb_words")


#: Nouns naming an attack, whose author is the actor when they are a violent verb's subject.
_ATTACK_NOUNS = LEXICON.words("attack_nouns")

#: Nouns of intent through which an embedded act stays its governor's ("plans to send").
_PLAN_NOUNS = LEXICON.words("plan_nouns")

#: Verbs whose subject suffers an attack named after them ("died in an ambush").
_VICTIM_VERBS = LEXICON.words("victim_verbs")

#: Subjects of "killed", "destroyed", "hit" that are no actor: nature, illness, accidents.
_NATURAL_CAUSES = LEXICON.words("natural_causes")

#: Motion verbs of the idiom "come to X's aid / rescue / defence".
_RESCUE_MOTION = LEXICON.words("rescue_motion")

#: Pronouns the actor resolver is asked about: "one" (a count), "he" and "she" (the person
#: named last); "it" and "they" are left unresolved.
_RESOLVED_PRONOUNS = LEXICON.words("resolved_pronouns")


#: Sectors of people who belong to the place where they are: a generic noun of these sectors
#: ("residents", "police", "rebels") takes the event's place's country over the article's.
_LOCAL_SECTORS = frozenset({"CVL", "COP", "REB", "OPP", "REF", "JRN", "MED", "EDU", "LAB", "REL"})


def _localised(actors: list[Actor], country: str) -> list[Actor]:
    """Actors whose country was guessed from the article, moved to the event's country."""
    return [
        replace(a, country=country)
        if a.kb_id == CONTEXT_KB_ID and a.name is None and a.sector in _LOCAL_SECTORS
        else a
        for a in actors
    ]


def _mentions(view: SentenceView, words: frozenset[str] | set[str]) -> bool:
    return any(t.text.lower() in words or t.lemma.lower() in words for t in view.tokens)


def _drop_restatements(events: list[Event]) -> list[Event]:
    """Drop a target-less event when another in the sentence has the same root and source,
    and the demand a protest makes ("marched to demand reforms"): the protest is the event."""
    protests = {a.country for e in events if e.cameo.root == "14" for a in e.source}
    out = []
    for ev in events:
        if (
            ev.cameo.root == "10"
            and protests
            and (not ev.source or {a.country for a in ev.source} <= protests)
        ):
            continue
        if not ev.target and _restated(ev, events):
            continue
        out.append(ev)
    return out


def _ultimatum(view: SentenceView, tok: Token) -> bool:
    """A promised act made conditional on the other side's ("... unless X resumes talks")."""
    for clause in view.children(tok, "advcl"):
        if any(m.text.lower() == "unless" for m in view.children(clause, "mark")):
            return True
    return False


def _with_code(pattern: Pattern, code: str) -> Pattern:
    """The pattern with another CAMEO code: a solo exercise is a show of force, not
    cooperation, and needs the place as its target."""
    return replace(pattern, code=code, solo_code=None, target_from_place=True, reciprocal=False)


def _restated(ev: Event, events: list[Event]) -> bool:
    """Another event of the same root, with a target, has the same actors as sources (split
    reciprocal events together count: "met ... to discuss")."""
    mine = {a.country for a in ev.source}
    same = [o for o in events if o is not ev and o.target and o.cameo.root == ev.cameo.root]
    if any({a.country for a in o.source} == mine for o in same):
        return True
    return bool(mine) and mine <= {a.country for o in same for a in o.source}


def event_id(article_id: str, sentence: int, trigger_start: int, code: str, part: int = 0) -> str:
    """Content id; ``part`` tells apart the events one reciprocal trigger is split into."""
    raw = f"{article_id}:{sentence}:{trigger_start}:{code}" + (f":{part}" if part else "")
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


def _reciprocal(
    pattern: Pattern, source: list[Actor], target: list[Actor]
) -> list[tuple[list[Actor], list[Actor]]]:
    """ "The US, Russia and Switzerland met": with no target, each party of a reciprocal
    event meets the others - one event per party, so dyads run both ways."""
    countries = {a.country for a in source if a.country}
    if not pattern.reciprocal or target or len(countries) < 2:
        return [(source, target)]
    out: list[tuple[list[Actor], list[Actor]]] = []
    for a in source:
        others = [b for b in source if b.country != a.country]
        if a.country and others:
            out.append(([a], others))
    return out or [(source, target)]


class Coder:
    """Codes the sentences of one article. Cheap to build; the pattern index is shared."""

    def __init__(self, kb: KnowledgeBase | None = None, index: PatternIndex | None = None) -> None:
        self.kb = kb or load_kb()
        self.index = index or get_index()

    # -- pattern matching -------------------------------------------------------------------
    def match(self, view: SentenceView, tok: Token) -> Pattern | None:
        pos = "NOUN" if tok.pos in {"NOUN", "PROPN"} else tok.pos
        if pos not in {"VERB", "NOUN"}:
            return None
        if pos == "VERB" and (
            tok.dep in {"amod", "compound", "nmod"}
            or (tok.tag == "VBG" and tok.dep == "acl" and tok.head > tok.i)
        ):
            return None  # "the visiting minister": a description, not an event
        if (
            pos == "VERB"
            and tok.dep in {"dobj", "nsubj", "nsubjpass", "pobj"}
            and any(k.text.lower() in {"the", "a", "an"} for k in view.children(tok, "det"))
        ):
            return None  # "evacuated the wounded": a participle used as a noun names people
        if tok.ent in _NAME_ENTITIES and tok.text[:1].isupper():
            return None  # "the Organization for Economic Cooperation": a word of a name
        if tok.lemma.lower() in {"press", "ask", "push"} and any(
            o.lemma.lower() in _ASKED_FOR_WORDS for o in view.prep_objects(tok, ("for",))
        ):
            return None  # "when pressed for comment": a reporter's question, no demand
        if pos == "NOUN" and self._names_a_body(view, tok):
            return None  # "the industry aid review body", "the Meet the Press programme"
        if pos == "VERB" and tok.text[:1].isupper() and self._title_inside(view, tok):
            return None  # "appeared on Meet the Press": a capitalised verb names a programme
        for pattern in self.index.candidates(tok.lemma, pos):
            if self._holds(view, tok, pattern):
                return pattern
        return None

    @staticmethod
    def _title_inside(view: SentenceView, tok: Token) -> bool:
        """A capitalised verb with no subject inside a sentence in ordinary case (not a
        headline in title case): the first word of a quoted title ("on "Meet the Press,"")."""
        at = next((k for k, t in enumerate(view.tokens) if t is tok), 0)
        if at == 0 or view.children(tok, *_SUBJ):
            return False  # a verb with a subject is a verb, whatever its case
        words = [t.text for t in view.tokens if t.text[:1].isalpha()]
        capitalised = sum(w[:1].isupper() for w in words)
        return capitalised * 2 < len(words)

    @staticmethod
    def _clause_verbs(view: SentenceView, tok: Token) -> list[Token]:
        """The verbs of ``tok``'s clause complement, through "continue to" and conjuncts
        ("vowed to crush", "vowed he would continue to clear", "vowed to hunt down and kill")."""
        out: list[Token] = []
        todo = list(view.children(tok, "xcomp", "ccomp"))
        while todo and len(out) < 8:
            c = todo.pop()
            out.append(c)
            todo.extend(view.children(c, "xcomp", "conj"))
        return out

    def _names_a_body(self, view: SentenceView, tok: Token) -> bool:
        """A noun that (alone or in a coordination) modifies the name of an institution is
        part of that name ("the industry aid and protection review body")."""
        cur = tok
        while cur.dep == "conj":
            up = view.head(cur)
            if up is None:
                return False
            cur = up
        head = view.head(cur)
        return (
            cur.dep in {"compound", "nmod", "amod"}
            and head is not None
            and head.lemma.lower() in _BODY_NOUNS
        )

    def _holds(self, view: SentenceView, tok: Token, p: Pattern) -> bool:
        # the parser tags a particle as an adverb as often as not ("pushed back")
        if p.prt and not any(k.text.lower() in p.prt for k in view.children(tok, "prt", "advmod")):
            return False
        if p.prep and not any(
            k.text.lower() in p.prep for k in view.children(tok, "prep", "agent")
        ):
            return False
        if p.mod and not any(
            k.lemma.lower() in p.mod or k.text.lower() in p.mod
            for k in view.children(tok, "compound", "amod", "nmod")
        ):
            return False
        if p.not_mod and any(
            k.lemma.lower() in p.not_mod or k.text.lower() in p.not_mod
            for k in view.children(tok, "compound", "amod", "nmod")
        ):
            return False
        if p.obj or p.not_obj:
            words = self._object_words(view, tok)
            if p.not_obj and not view.children(tok, *_OBJ):
                # "had their demands met": with no object, the subject is what is met; "the
                # offensive was met by artillery fire": the agent is what it met
                words |= {w.lemma.lower() for w in view.children(tok, *_SUBJ)}
                words |= {
                    o.lemma.lower()
                    for a in view.children(tok, "agent")
                    for o in view.children(a, "pobj")
                }
            if p.obj and not words & p.obj:
                return False
            if words & p.not_obj:
                return False
        if p.clause and not view.children(tok, "xcomp", "ccomp"):
            return False
        if p.clause_lemma and not any(
            c.lemma.lower() in p.clause_lemma for c in self._clause_verbs(view, tok)
        ):
            return False
        if p.not_that and not view.children(tok, "xcomp", *_OBJ, "prep"):
            clauses = view.children(tok, "ccomp")
            if any(m.text.lower() == "that" for c in clauses for m in view.children(c, "mark")):
                return False  # "agreed that the outlook was poor": an opinion
        if p.governor:
            gov = view.head(tok)
            if gov is not None and gov.dep == "prep" and tok.dep == "pobj":
                gov = view.head(gov)  # "agreed on an accord", "a ceremony for the treaty"
            if gov is None or gov.lemma.lower() not in p.governor or gov.pos != "VERB":
                return False
        if p.subj:
            subj = view.children(tok, *_SUBJ) or self._controller_subject(view, tok)
            heads = [*subj, *(o for h in subj for o in view.prep_objects(h, ("of",)))]
            words = {  # "hundreds of UN troops" has troops for a subject
                w
                for h in heads
                for t in view.conjuncts(h)
                for w in (t.lemma.lower(), t.text.lower())
            }
            if not words & p.subj:
                return False
        return True

    def _object_words(self, view: SentenceView, tok: Token) -> set[str]:
        """Lemmas that count as the trigger's object for pattern constraints."""
        heads: list[Token] = []
        if tok.pos == "VERB":
            direct = view.children(tok, *_OBJ, "nsubjpass")
            heads += direct
            for obj in direct:  # "suspended part of a training programme"
                heads += view.prep_objects(obj, ("of",))
            if tok.lemma.lower() in {"arrive", "land"}:
                heads += view.children(tok, *_SUBJ)
            for xc in view.children(tok, "xcomp"):  # "allow refugees to return"
                heads += [xc, *view.children(xc, *_OBJ)]
            heads += view.prep_objects(tok, ("for", "on", "to", "of"))
        else:
            heads += view.prep_objects(tok, ("of", "to", "for", "on"))
            heads += view.children(tok, "compound", "amod")
            verb = view.head(tok)
            if tok.dep == "dobj" and verb is not None and verb.pos == "VERB":
                heads += view.children(verb, *_SUBJ)  # "the forces completed their withdrawal"
            for acl in view.children(tok, "acl"):  # "commitment to strengthen X's capabilities"
                heads += view.children(acl, *_OBJ)
        words: set[str] = set()
        for h in heads:
            for t in view.conjuncts(h):
                words.add(t.lemma.lower())
                words.add(t.text.lower())
                for m in view.children(t, "compound", "amod"):
                    words.add(m.lemma.lower())
        return words

    # -- roles -----------------------------------------------------------------------------
    def _actors(
        self, view: SentenceView, heads: list[Token], actor_fn: ActorFn, possessor: bool = True
    ) -> list[Actor]:
        """Actors headed by ``heads`` and their conjuncts; ``possessor``: a possessive pronoun
        ("its forces") may give the actor its owner's country."""
        out: list[Actor] = []
        for h in heads:
            shared = self._shared_nationality(view, h, actor_fn)
            for t in view.conjuncts(h):
                if t.pos == "PRON" and t.text.lower() not in _RESOLVED_PRONOUNS:
                    continue  # "it", "they": not resolved; "he", "she": the last person named
                if any(k.text.lower() in _GENERIC_DETS for k in view.children(t, "det")):
                    continue  # "each country must negotiate": no one in particular
                actor = actor_fn(view.noun_phrase(t), t)
                if actor is None and t.lemma.lower() in _SHELTER_NOUNS:
                    # "a camp for Congolese refugees was attacked": the people it shelters
                    for sheltered in view.prep_objects(t, ("for", "of")):
                        actor = actor_fn(view.noun_phrase(sheltered), sheltered)
                        if actor is not None:
                            t = sheltered
                            break
                if actor is None and t.lemma.lower() in _QUANTITY_NOUNS:
                    # "tens of thousands of students": the people counted are the actor
                    for counted in view.prep_objects(t, ("of",)):
                        t = counted
                        actor = actor_fn(view.noun_phrase(t), t)
                if actor is None or actor.kb_id in {None, CONTEXT_KB_ID}:
                    actor = self._named_apposition(view, t, actor_fn) or actor
                if actor is not None and (actor.country is None or actor.kb_id == CONTEXT_KB_ID):
                    actor = self._located(view, t, actor, actor_fn)
                if (
                    possessor
                    and actor is not None
                    and (actor.country is None or actor.kb_id == CONTEXT_KB_ID)
                ):
                    actor = self._speakers_own(view, t, actor, actor_fn)
                if (
                    shared
                    and t is not h
                    and actor is not None
                    and (actor.country is None or actor.kb_id == CONTEXT_KB_ID)
                ):
                    # "U.S. government and industry officials": the nationality before the
                    # first noun stands for the coordinated ones that name none of their own
                    actor = replace(actor, country=shared, kb_id=None)
                if actor is not None and all(a.start != actor.start for a in out):
                    out.append(actor)
                    out.extend(self._coordinated_modifiers(view, t, actor, actor_fn))
        return out

    def _shared_nationality(self, view: SentenceView, head: Token, actor_fn: ActorFn) -> str | None:
        """The country a nationality modifier of the first of coordinated nouns names ("U.S.
        government and industry officials"), when the nouns are coordinated at all."""
        if not view.children(head, "conj"):
            return None
        for mod in view.children(head, "compound", "amod", "nmod"):
            if mod.ent in {"GPE", "NORP"} and mod.i < head.i:
                found = actor_fn([mod], mod)
                if found is not None and found.country:
                    return found.country
        return None

    def _speakers_own(
        self, view: SentenceView, head: Token, actor: Actor, actor_fn: ActorFn
    ) -> Actor:
        """ "Iran said its forces captured ...": a possessive pronoun in a reported clause is
        the speaker's, so the forces are Iran's, not the country the article mentions most."""
        if not any(
            k.pos == "PRON" and k.text.lower() in {"its", "their", "his", "her"}
            for k in view.children(head, "poss")
        ):
            return actor
        cur = view.head(head)
        poss = next(k.text.lower() for k in view.children(head, "poss") if k.pos == "PRON")
        if head.dep not in {"nsubj", "nsubjpass"}:
            # "Iraq must withdraw its troops": the clause's own subject owns them, when the
            # pronoun agrees with it ("Iranian Guards attacked its troops": not theirs)
            if cur is None:
                return actor
            for subj in view.children(cur, *_SUBJ):
                if subj.pos == "PRON" or not _agrees(poss, subj):
                    continue
                owner = actor_fn(view.noun_phrase(subj), subj)
                if owner is not None and owner.country and owner.kb_id != CONTEXT_KB_ID:
                    return replace(actor, country=owner.country, kb_id=None)
                return actor
        for _ in range(3):
            if cur is None:
                break
            gov = view.head(cur)
            if gov is None or cur.dep not in {"ccomp", "xcomp", "conj"}:
                break
            if gov.lemma.lower() in _DECLARING | _REPORTING:
                for speaker in view.children(gov, *_SUBJ):
                    if speaker.pos == "PRON":
                        continue
                    said = actor_fn(view.noun_phrase(speaker), speaker)
                    if said is not None and said.country and said.kb_id != CONTEXT_KB_ID:
                        return replace(actor, country=said.country, kb_id=None)
                break
            cur = gov
        if poss in {"his", "her"}:
            # "his soldiers detained the president": the soldiers of the person named before
            pron = next(k for k in view.children(head, "poss") if k.pos == "PRON")
            owner = actor_fn([pron], pron)
            if owner is not None and owner.country:
                return replace(actor, country=owner.country, kb_id=None)
        return actor

    def _named_apposition(self, view: SentenceView, head: Token, actor_fn: ActorFn) -> Actor | None:
        """ "the militant group al-Shabab", "the president, Mahamat Deby": the name in
        apposition says who the description is."""
        for kid in view.children(head, "appos"):
            if kid.ent in {"ORG", "PERSON", "NORP", "GPE"}:
                named = actor_fn(view.noun_phrase(kid), kid)
                if named is not None and named.kb_id not in {None, CONTEXT_KB_ID}:
                    return named
        return None

    def _coordinated_modifiers(
        self, view: SentenceView, head: Token, actor: Actor, actor_fn: ActorFn
    ) -> list[Actor]:
        """ "U.S. and Russian negotiators", "French and Egyptian warships": one noun, several
        countries; each coordinated nationality is an actor of its own with the noun's sector."""
        out: list[Actor] = []
        for mod in view.children(head, "amod", "nmod", "compound"):
            if mod.ent not in {"GPE", "NORP"}:
                continue
            stack = view.children(mod, "conj")
            while stack:
                c = stack.pop(0)
                stack.extend(view.children(c, "conj"))
                if c.ent not in {"GPE", "NORP"}:
                    continue
                found = actor_fn([c], c)
                if found is None or not found.country or found.country == actor.country:
                    continue
                end = head.idx + len(head.text)
                out.append(
                    replace(
                        actor,
                        text=f"{c.text} {head.text}",
                        start=c.idx,
                        end=end,
                        country=found.country,
                        name=None,
                        kb_id=found.kb_id,
                    )
                )
        return out

    def _located(self, view: SentenceView, head: Token, actor: Actor, actor_fn: ActorFn) -> Actor:
        """ "Rebels in the Ivory Coast", "security forces in Guinea": an actor named with no
        country takes the one its locative modifier names."""
        objs = view.prep_objects(head, ("in", "from", "throughout", "across"))
        if head.lemma.lower() in _PLACE_NOUNS:  # "the town of Afrin": where the town is
            objs += view.prep_objects(head, ("of",))
        for acl in view.children(head, "acl"):  # "a report released in Kigali"
            objs += view.prep_objects(acl, ("in",))
        for obj in objs:
            prep = view.head(obj)
            from_group = prep is not None and prep.text.lower() == "from"
            place_noun = obj.lemma.lower() in _PLACE_NOUNS  # "in the Rwandan capital"
            if obj.ent not in {"GPE", "LOC"} and not from_group and not place_noun:
                continue  # "doctors from two American aid groups" counts too
            where = actor_fn(view.noun_phrase(obj), obj)
            if where is not None and where.country:
                return replace(actor, country=where.country)
        return actor

    def roles(self, view: SentenceView, tok: Token, p: Pattern, actor_fn: ActorFn) -> _Roles:
        light: Token | None = None
        inferred = False
        if tok.pos == "VERB":
            passive = bool(view.children(tok, *_PASSIVE_SUBJ))
            if passive:
                src_heads = [
                    o for a in view.children(tok, "agent") for o in view.children(a, "pobj")
                ]
                obj_heads = view.children(tok, *_PASSIVE_SUBJ)
            else:
                src_heads = view.children(tok, *_SUBJ)
                obj_heads = view.children(tok, *_OBJ)
                if not src_heads:  # "X plans to install", "X agreed to withdraw"
                    src_heads = self._controller_subject(view, tok)
            src_heads = self._speaker_for_pronoun(view, tok, src_heads)
            source = self._actors(view, src_heads, actor_fn)
            if p.code[:2] in _VIOLENT_ROOTS and any(
                h.lemma.lower() in _ATTACK_NOUNS for h in src_heads
            ):
                # "a bombing claimed by al-Shabaab killed ...": the attack's author acts
                source = [a for h in src_heads for a in self._attack_author(view, h, actor_fn)]
            target = self._objects(view, obj_heads, p, actor_fn)
            if p.recipient_subject:  # "demonstrators received weapons from the government"
                givers = view.prep_objects(tok, p.source_preps)
                for obj in obj_heads:
                    givers += view.prep_objects(obj, p.source_preps)
                return _Roles(tuple(self._actors(view, givers, actor_fn)), tuple(source), None)
            if not target and p.target_preps:
                target = self._actors(view, view.prep_objects(tok, p.target_preps), actor_fn)
            if not target and p.target_preps:  # "deepening ties with Moscow"
                for obj in obj_heads:
                    target = self._actors(view, view.prep_objects(obj, p.target_preps), actor_fn)
                    if target:
                        break
            if not target and p.code[:2] in _ADDRESSED_ROOTS:
                target = self._addressee(view, tok, obj_heads, actor_fn)
        else:
            rescuer = self._came_to_aid(view, tok)
            if rescuer is not None:  # "Chad came to Niger's aid": Chad helps Niger
                source = self._actors(view, view.children(rescuer, *_SUBJ), actor_fn)
                target = self._actors(view, view.children(tok, "poss"), actor_fn)
                return _Roles(tuple(source), tuple(target), rescuer, inferred)
            of_objs = view.prep_objects(tok, ("of",))
            src_heads = view.children(tok, "poss")
            src_heads += [o for a in view.children(tok, "agent") for o in view.children(a, "pobj")]
            src_heads += view.prep_objects(tok, ("by", *p.source_preps))
            for theme in of_objs if p.of_role == "theme" else ():
                for t in view.conjuncts(theme):
                    src_heads += view.prep_objects(t, p.source_preps)
            if p.of_role == "source":
                src_heads += of_objs
            modifiers = [
                m
                for m in view.children(tok, "amod", "compound")
                if m.ent in {"NORP", "GPE", "ORG", "PERSON"} and not self._venue(m)
            ]
            src_heads += modifiers
            source = self._actors(view, src_heads, actor_fn)
            if p.code[:2] in _VIOLENT_ROOTS:
                # "the Iranian offensive", "Israeli strikes": a nation's attack is its forces'
                starts = {m.idx for m in modifiers}
                source = [
                    replace(a, sector="MIL") if a.start in starts and a.sector == "CVL" else a
                    for a in source
                ]
            if not source:  # "a military coup", "the ousting ... in a military coup"
                for head in [tok, *view.prep_objects(tok, p.source_preps)]:
                    mods = [
                        m
                        for m in view.children(head, "amod", "compound")
                        if m.lemma.lower() in _ACTOR_MODIFIERS
                    ]
                    source = self._actors(view, mods, actor_fn)
                    if source:
                        break
            if not source and p.of_role == "theme":  # "the delivery of Russian drones"
                themes = [a for a in self._actors(view, of_objs, actor_fn) if a.country]
                source, inferred = themes[:1], bool(themes)
            target = self._objects(view, of_objs, p, actor_fn) if p.of_role == "target" else []
            if not target and p.code[:2] in _ADDRESSED_ROOTS:
                # "Washington's demand that Niger expel ...": the one asked to act
                for clause in view.children(tok, "acl", "ccomp", "relcl"):
                    if any(m.text.lower() == "that" for m in view.children(clause, "mark")):
                        target = self._actors(view, view.children(clause, *_SUBJ), actor_fn)
                        if target:
                            break
            if not target:  # "Turkey's commitment to train Somalia's army"
                for acl in view.children(tok, "acl"):
                    target = [
                        a
                        for a in self._actors(view, view.children(acl, *_OBJ), actor_fn)
                        if a.country
                    ]
                    if target:
                        break
            if not target and p.target_preps:
                target = self._actors(view, view.prep_objects(tok, p.target_preps), actor_fn)
            if not target and tok.dep == "pobj":  # "engaged the peacekeepers in a firefight"
                prep = view.head(tok)
                verb = view.head(prep) if prep is not None else None
                if prep is not None and prep.text.lower() == "in" and verb is not None:
                    if verb.pos == "VERB":
                        target = self._actors(view, view.children(verb, "dobj"), actor_fn)
            if not source and p.reciprocal:
                # "talks between Ethiopia and Egypt": both parties act, each on the other
                parties = self._actors(view, view.prep_objects(tok, ("between",)), actor_fn)
                if len({a.country for a in parties if a.country}) >= 2:
                    source = parties
                    target = [a for a in target if all(a.start != b.start for b in parties)]
            light = self._light_verb(view, tok)
            if light is not None and p.code[:2] in _VIOLENT_ROOTS and self._suffers(view, light):
                # "two soldiers died in an ambush", "were wounded in the attack": the
                # subject is the victim of the attack, not its author
                if not target:
                    target = self._actors(view, view.children(light, *_SUBJ), actor_fn)
                light = None
            if light is not None:
                if not source:
                    heads = view.children(light, *_SUBJ) or self._controller_subject(view, light)
                    source = self._actors(view, heads, actor_fn)
                if not target and p.target_preps:
                    target = self._actors(view, view.prep_objects(light, p.target_preps), actor_fn)
        if not target:
            target = self._owner_of_claim(view, tok, actor_fn, light)
        source = [a for a in source if all(a.start != b.start for b in target)]
        return _Roles(tuple(source), tuple(target), light, inferred)

    def _attack_author(self, view: SentenceView, noun: Token, actor_fn: ActorFn) -> list[Actor]:
        """Who carried out an attack named by a noun ("a bombing claimed by al-Shabaab", "an
        Israeli strike", "Russia's missile attack"): the attack is the instrument, its author
        the actor. Only nouns of violence qualify; "the plan by X" is no attack."""
        if noun.lemma.lower() not in _ATTACK_NOUNS:
            return []
        heads = list(view.children(noun, "poss"))
        heads += [o for a in view.children(noun, "agent") for o in view.children(a, "pobj")]
        heads += view.prep_objects(noun, ("by",))
        for acl in view.children(noun, "acl"):  # "claimed by", "carried out by"
            heads += [o for a in view.children(acl, "agent") for o in view.children(a, "pobj")]
        heads += [
            m
            for m in view.children(noun, "amod", "compound")
            if m.ent in {"NORP", "GPE", "ORG"} and not self._venue(m)
        ]
        found = self._actors(view, heads, actor_fn)
        return [replace(a, sector="MIL") if a.sector in {None, "CVL"} else a for a in found]

    @staticmethod
    def _embedded_in(view: SentenceView, tok: Token, gov: Token) -> bool:
        """Whether ``tok`` is an act inside ``gov``'s own clause ("pledged support, with plans
        to send trainers"), not inside a noun phrase that names someone ("paid tribute to the
        soldiers killed in Somalia": the killing is not the tribute-payer's)."""
        for anc in view.ancestors(tok):
            if anc.i == gov.i:
                return True
            if anc.pos in {"NOUN", "PROPN"} and anc.lemma.lower() not in _PLAN_NOUNS:
                return False
        return False

    @staticmethod
    def _suffers(view: SentenceView, verb: Token) -> bool:
        """A verb whose subject undergoes what happens: "die", "perish", or any passive."""
        return verb.lemma.lower() in _VICTIM_VERBS or bool(view.children(verb, *_PASSIVE_SUBJ))

    @staticmethod
    def _natural_cause(view: SentenceView, tok: Token) -> bool:
        """The subject of a harm verb is a force of nature, an illness or an accident."""
        if tok.pos != "VERB":
            return False
        return any(s.lemma.lower() in _NATURAL_CAUSES for s in view.children(tok, *_SUBJ))

    @staticmethod
    def _came_to_aid(view: SentenceView, tok: Token) -> Token | None:
        """The verb of "came to X's aid", "rushed to X's defence": in these idioms the
        possessor is the one helped, not the helper, and the subject of the motion verb helps."""
        if tok.dep != "pobj" or not view.children(tok, "poss"):
            return None
        prep = view.head(tok)
        if prep is None or prep.text.lower() != "to":
            return None
        verb = view.head(prep)
        if verb is None or verb.pos != "VERB" or verb.lemma.lower() not in _RESCUE_MOTION:
            return None
        return verb

    def _venue(self, mod: Token) -> bool:
        """A city before a noun event names where it happens ("the London talks", "the Geneva
        accords"), unlike a country or a people ("US-China talks", "Iranian strikes")."""
        if mod.ent != "GPE":
            return False
        kinds = {h.kind for h in self.kb.lookup(mod.text)}
        return bool(kinds) and not kinds & {"country", "adjective", "org", "person"}

    def _owner_of_claim(
        self, view: SentenceView, tok: Token, actor_fn: ActorFn, light: Token | None = None
    ) -> list[Actor]:
        """ "conceded to demands from UNITA", "in protest against violations by the security
        forces", "in protest of the government's refusal", "staged demonstrations to demand
        reforms by Suharto's government": the act answers (or presses) a demand, a refusal
        or a policy, and whoever owns it is the target."""
        heads: list[Token] = []
        for verb in (tok, light):
            if verb is None:
                continue
            heads += view.children(verb, *_OBJ, *_PASSIVE_SUBJ)  # "the demand was rejected"
            for prep in view.children(verb, "prep"):
                if prep.text.lower() not in _TIME_PREPS:
                    heads += view.children(prep, "pobj")
            for purpose in view.children(verb, "xcomp", "advcl"):
                if purpose.lemma.lower() in _PRESSING_VERBS:  # "... to demand reforms by X"
                    heads += view.children(purpose, *_OBJ)
        for head in list(heads):
            if head.lemma.lower() in _ANSWER_NOUNS:  # "in protest against X", "in response to"
                heads += [
                    o for pr in view.children(head, "prep") for o in view.children(pr, "pobj")
                ]
        for head in heads:
            if head.lemma.lower() not in _CLAIM_NOUNS:
                continue
            found = [a for a in self._claim_owners(view, head, actor_fn) if a.country]
            if found:
                return found
        return []

    def _claim_owners(self, view: SentenceView, claim: Token, actor_fn: ActorFn) -> list[Actor]:
        """Who made a demand, a refusal or a policy: its possessor or its "from"/"by"/"of"
        noun ("the unions' demand", "demands from UNITA"; "the decision of sending troops"
        names no owner)."""
        owners = [
            o
            for o in view.children(claim, "poss") + view.prep_objects(claim, ("from", "by", "of"))
            if o.pos in {"NOUN", "PROPN"}
        ]
        return self._actors(view, owners, actor_fn)

    def _speaker_for_pronoun(
        self, view: SentenceView, tok: Token, heads: list[Token]
    ) -> list[Token]:
        """ "Iraq said it would allow ...": a pronoun subject of a reported clause is the
        subject of the verb that reports it."""
        if not heads or any(h.pos != "PRON" for h in heads):
            return heads
        if heads[0].text.lower() not in {"it", "they", "he", "she", "we", "i"}:
            return heads
        cur = view.head(heads[0]) or tok  # the clause the pronoun is subject of
        for _ in range(3):
            gov = view.head(cur)
            if gov is None or cur.dep not in {"ccomp", "xcomp", "conj"}:
                break
            if gov.lemma.lower() in _DECLARING | _REPORTING:
                return view.children(gov, *_SUBJ) or heads
            cur = gov
        return heads

    def _claims(
        self,
        view: SentenceView,
        pending: list[tuple[Token, Pattern, _Roles]],
        actor_fn: ActorFn,
    ) -> list[tuple[Token, Pattern, _Roles]]:
        """ "The US claimed that ISIL had attacked Iraq": the claim is itself an event - an
        accusation of ISIL (112); "claimed that they had attacked Iraq", of the claimant's own
        act, a claim of responsibility (015) aimed at the act's target."""
        out: list[tuple[Token, Pattern, _Roles]] = []
        seen: set[int] = {t.i for t, _, _ in pending}  # a claim verb coded on its own
        for tok, pattern, roles in pending:
            entry = self.kb.cameo.get(pattern.code)
            if entry is None or entry.quad_class < 3:
                continue
            cur, verb = tok, None
            for _ in range(3):
                gov = view.head(cur)
                if gov is None or cur.dep not in _CLAIM_LINKS:
                    break
                if gov.lemma.lower() in _CLAIMING and gov.pos == "VERB":
                    verb = gov
                    break
                cur = gov
            if verb is None or verb.i in seen:
                continue
            claimant = self._actors(view, view.children(verb, *_SUBJ), actor_fn)
            if not claimant:
                continue
            seen.add(verb.i)
            own = {a.country for a in claimant}
            if roles.source and {a.country for a in roles.source} <= own:
                out.append((verb, _CLAIM_OWN, _Roles(tuple(claimant), roles.target, None)))
            elif roles.source:
                out.append((verb, _CLAIM_OTHER, _Roles(tuple(claimant), roles.source, None)))
        return out

    def _deontic(
        self, view: SentenceView, actor_fn: ActorFn
    ) -> list[tuple[Token, Pattern, _Roles]]:
        """ "X said (that) Y must Z": a demand by X on Y, whatever Z is."""
        out = []
        for tok in view.tokens:
            musts = [k for k in view.children(tok, "aux") if k.text.lower() == "must"]
            if not musts or tok.dep not in {"ccomp", "xcomp"}:
                continue
            gov = view.head(tok)
            if gov is None or gov.lemma.lower() not in _DECLARING:
                continue
            # a law or a report that "says" what must be is no one making a demand
            speakers = view.children(gov, *_SUBJ)
            if any(
                sp.ent in {"LAW", "WORK_OF_ART"} or sp.lemma.lower() in _TEXT_NOUNS
                for sp in speakers
            ):
                continue
            source = self._actors(view, speakers, actor_fn)
            target = self._actors(view, view.children(tok, "nsubj", "nsubjpass"), actor_fn)
            if source or target:
                out.append((musts[0], _DEONTIC, _Roles(tuple(source), tuple(target), None)))
        return out

    def _addressee(
        self, view: SentenceView, tok: Token, obj_heads: list[Token], actor_fn: ActorFn
    ) -> list[Actor]:
        """Who a demand, accusation or threat is aimed at when it has no direct object actor:
        the subject of its clause ("demanded that the US cancel ...") or the agent of its
        object ("demanded the withdrawal of Serbian forces", "an admission by Moscow")."""
        for clause in view.children(tok, "ccomp", "xcomp"):
            subj = view.children(clause, "nsubj", "nsubjpass")
            found = self._actors(view, subj, actor_fn)
            if found:
                return found
        for obj in obj_heads:
            found = self._actors(view, view.prep_objects(obj, ("of", "by", "from")), actor_fn)
            if found:
                return found
        return []

    def _objects(
        self, view: SentenceView, heads: list[Token], p: Pattern, actor_fn: ActorFn
    ) -> list[Actor]:
        """Objects as targets, except the pattern's own object word ("joined forces")."""
        keep = []
        for h in heads:
            if h.lemma.lower() in _CLAIM_NOUNS:
                # "the unions' demand was rejected": whoever made the demand is the target
                found = [a for a in self._claim_owners(view, h, actor_fn) if a.country or a.sector]
                if found:
                    keep.extend(found)
                    continue
            if h.lemma.lower() in p.obj or h.text.lower() in p.obj:
                # the pattern's own object word is the thing acted with, not an actor, unless
                # the phrase names one ("expelled the French ambassador"); whose it is ("withdraw
                # their peacekeeping force") is no target of the act
                named = [
                    t for t in view.noun_phrase(h) if t.i != h.i and t.pos not in {"DET", "PRON"}
                ]
                # what is given is named after its giver ("a World Bank loan", "Russian jets"),
                # never after whom it is given to
                if not named or p.code.startswith("07"):
                    continue
                actors = self._actors(view, [h], actor_fn, possessor=False)
                keep.extend(a for a in actors if a.country)
                continue
            keep.extend(self._actors(view, [h], actor_fn))
        return keep

    def _controller_subject(self, view: SentenceView, tok: Token) -> list[Token]:
        """The subject of the verb that governs ``tok`` through xcomp/acl/conj ("plans to")."""
        cur = tok
        for _ in range(4):
            head = view.head(cur)
            if head is None or cur.dep not in {
                "xcomp",
                "conj",
                "advcl",
                "acl",
                "dobj",
                "ccomp",
                "acomp",
            }:  # "France is ready to contribute": ready -> is -> France
                return []
            if head.pos == "NOUN":
                owner = view.children(head, "poss")
                if owner:
                    return owner
            if cur.dep == "ccomp" and head.lemma.lower() in _DECLARING | _REPORTING:
                return []  # "..., killing 156 people, the agency reported": not the agency
            if view.children(head, *_PASSIVE_SUBJ):
                agents = [o for a in view.children(head, "agent") for o in view.children(a, "pobj")]
                if agents:  # "was attacked by militiamen ..., killing 156": the attackers
                    return agents
            if cur.dep == "xcomp" and head.lemma.lower() in _OBJECT_CONTROL:
                # "called on the US to ease curbs", "urged Mali to hold elections": the one
                # asked is the one who would act
                asked = view.children(head, "dobj") or view.prep_objects(head, ("on", "upon"))
                if asked:
                    return asked
            subj = view.children(head, *_SUBJ)
            if subj:
                return subj
            cur = head
        return []

    def _light_verb(self, view: SentenceView, tok: Token) -> Token | None:
        """The verb a noun trigger is the object of ("held talks", "engaged in a conversation")."""
        head = view.head(tok)
        if head is None:
            return None
        if tok.dep in _OBJ and head.pos == "VERB":
            return head
        if tok.dep == "pobj" and head.dep == "prep":
            verb = view.head(head)
            if (
                verb is not None
                and verb.pos == "VERB"
                and (
                    verb.lemma.lower() in _LIGHT_VERBS
                    or head.text.lower() in {"for", "in", "on", "into"}
                )
                and verb.lemma.lower() not in _REPORTING
            ):
                return verb  # "engaged in talks", "converged for a rally"
        return None

    # -- time and place ----------------------------------------------------------------------
    def _attached_time(
        self, view: SentenceView, triggers: set[int], tok: Token, times: list[TimeSpan]
    ) -> TimeSpan | None:
        """The time expression the parse attaches to this trigger, else the nearest unclaimed."""
        best: TimeSpan | None = None
        nearest: tuple[int, TimeSpan] | None = None
        for ts in times:
            anchor = self._token_at(view, ts.char_start)
            if anchor is None or self._modifies_other_noun(view, anchor, ts, triggers):
                continue  # "the coup last year" dates the coup, not the clause's event
            owner = None
            for anc in view.ancestors(anchor):
                if anc.i in triggers:
                    owner = anc
                    break
                if anc.lemma.lower() in _REPORTING and anc.pos == "VERB":
                    break
            if owner is not None and owner.i == tok.i:
                best = ts
                break
            if owner is None and not self._report_time(view, anchor):
                dist = abs(anchor.i - tok.i)
                if nearest is None or dist < nearest[0]:
                    nearest = (dist, ts)
        if best is not None:
            return best
        return nearest[1] if nearest else None

    def _modifies_other_noun(
        self, view: SentenceView, anchor: Token, ts: TimeSpan, triggers: set[int]
    ) -> bool:
        """True for "the coup last year" / "last year's coup": the time dates another noun."""
        end = ts.char_end if ts.char_end is not None else anchor.idx + len(anchor.text)
        inside = [t for t in view.tokens if anchor.idx <= t.idx < end]
        for t in inside:
            head = view.head(t)
            if head is None or head in inside:
                continue
            if head.dep == "prep":  # "in late March": look through the preposition
                head = view.head(head) or head
            return head.pos in {"NOUN", "PROPN"} and head.i not in triggers
        return False

    def _report_time(self, view: SentenceView, anchor: Token) -> bool:
        for anc in view.ancestors(anchor):
            if anc.pos == "VERB":
                return anc.lemma.lower() in _REPORTING
        return False

    @staticmethod
    def _token_at(view: SentenceView, offset: int | None) -> Token | None:
        if offset is None:
            return None
        for t in view.tokens:
            if t.idx <= offset < t.idx + max(len(t.text), 1):
                return t
        return None

    # -- the whole sentence ----------------------------------------------------------------------
    def code(
        self,
        parsed: ParsedSentence,
        *,
        article_id: str,
        actor_fn: ActorFn,
        place_fn: PlaceFn,
        times: Sequence[TimeSpan] = (),
        fallback_place: Place | None = None,
    ) -> list[Event]:
        """Every event a sentence states, with roles, modality, date, place and confidence."""
        view = SentenceView(parsed)
        matched = [(t, p) for t in view.tokens if (p := self.match(view, t)) is not None]
        matched = self._merge_nested(view, matched)
        triggers = {t.i for t, _ in matched}
        events: list[Event] = []
        pending: list[tuple[Token, Pattern, _Roles]] = []
        for tok, pattern in matched:
            pending.append((tok, pattern, self.roles(view, tok, pattern, actor_fn)))
        pending.extend(self._deontic(view, actor_fn))
        pending.extend(self._claims(view, pending, actor_fn))
        for tok, pattern, roles in pending:
            if pattern.code == "1724" and _mentions(view, _DISASTER_WORDS):
                continue  # an emergency after an earthquake is relief, not repression
            source, target, inferred = list(roles.source), list(roles.target), roles.inferred
            ranked = rank_place(view, tok, triggers, place_fn, fallback=fallback_place)
            place = ranked[1] if ranked else None
            if (
                place is not None
                and place.char_start is not None
                and any(a.start <= place.char_start < a.end for a in (*roles.source, *roles.target))
            ):
                ranked, place = None, None  # "joined forces with Cameroon": an actor, not a place
            if (
                ranked
                and ranked[1] is not fallback_place
                and ranked[1].char_start is not None
                and ranked[1].country
            ):
                # "local officials", "residents", "police" with no country of their own are
                # people of the place where the event happens, not of the article's focus
                source = _localised(source, ranked[1].country)
                target = _localised(target, ranked[1].country)
            if pattern.code == "015" and not (ranked and ranked[0] == 0):
                # "claimed responsibility for an attack at a mall in Nairobi": the claimed
                # event's place, wherever its clause names it
                for other_tok, _, _ in pending:
                    if other_tok.i != tok.i and any(
                        a.i == tok.i for a in view.ancestors(other_tok)
                    ):
                        nested = rank_place(view, other_tok, triggers, place_fn)
                        if nested and nested[1].country:
                            ranked, place = (0, nested[1]), nested[1]
                            break
            # The place names the target of a movement only when the parse attaches it to the
            # trigger; the article's focus country only when a source is known.
            if (
                pattern.solo_code
                and not target
                and len({a.country for a in source if a.country}) == 1
            ):
                pattern = _with_code(pattern, pattern.solo_code)
            where = place if ranked and ranked[0] == 0 else (fallback_place if source else None)
            if not target and pattern.target_from_place and where and where.country:
                place_ = where
                if all(a.country != place_.country for a in source):
                    # offsets -1: inferred from the place, not named in the text
                    start_ = place_.char_start if place_.char_start is not None else -1
                    end_ = place_.char_end if place_.char_end is not None else -1
                    target = [
                        Actor(
                            text=place_.text,
                            start=start_,
                            end=end_,
                            country=place_.country,
                            sector="GOV",
                            name=None,
                            confidence=0.4,
                        )
                    ]
                    inferred = True
            if pattern.code[:2] in _VIOLENT_ROOTS and self._natural_cause(view, tok):
                continue  # "the storm killed ten people": no one acted
            if not source and tok.pos == "VERB" and not view.children(tok, *_PASSIVE_SUBJ, *_SUBJ):
                # an act embedded in another event's phrase, with no subject of its own, is done
                # by that event's actors ("X pledged support to Y, with plans to send
                # trainers"); never the other way round, never from a sibling clause, and never
                # when its own subject is just unknown ("after Pelosi visited Taiwan")
                for other_tok, _, other in pending:
                    if other.source and self._embedded_in(view, tok, other_tok):
                        source = list(other.source)
                        target = target or list(other.target)
                        inferred = True
                        break
            if not pattern.domestic:
                source, target = self._separate_sides(view, source, target, actor_fn)
            if pattern.code[:2] not in _VIOLENT_ROOTS:
                # a market or a hotel stands for the people in it only when it is attacked;
                # "assistance to the money market" is no aid to civilians
                kept = [a for a in target if _head_word(a.text) not in _ATTACKED_PLACES]
                if target and not kept and pattern.code.startswith("07"):
                    continue  # "assistance to the money market": given to no one
                target = kept
            if not source and not target:
                continue
            if pattern.needs_target and not target:
                continue
            if all(a.sector in _NON_POLITICAL for a in source + target):
                continue  # companies buying and selling are not political events
            if (
                source
                and target
                and {a.country for a in source} == {a.country for a in target}
                and len(source) == len(target) == 1
                and source[0].sector == target[0].sector
                and not _two_named(source[0], target[0])
            ):
                continue  # an actor acting on itself is a parse error, not an event
            pairs = _reciprocal(pattern, source, target)
            for part, (src, tgt) in enumerate(pairs):
                events.append(
                    self._event(
                        parsed,
                        view,
                        tok,
                        pattern,
                        src,
                        tgt,
                        inferred,
                        roles.light_verb,
                        triggers,
                        times,
                        place or fallback_place,
                        article_id,
                        part,
                        reciprocal=len(pairs) > 1,
                    )
                )
        return _drop_restatements(events)

    def _separate_sides(
        self, view: SentenceView, source: list[Actor], target: list[Actor], actor_fn: ActorFn
    ) -> tuple[list[Actor], list[Actor]]:
        """A country guessed from context must not put the same state on both sides
        ("the withdrawal of American troops from the country")."""

        def redo(actors: list[Actor], other: list[Actor]) -> list[Actor]:
            # only a state on the other side rules its country out ("the rebels" and the
            # government they fight share one)
            out = []
            for a in actors:
                # ... but a legislature or a court faces its own executive ("Congress is
                # asking Obama"): branches of one state are two sides of a domestic event
                banned = frozenset(
                    o.country
                    for o in other
                    if o.country
                    and o.sector in _STATE
                    and not ({a.sector, o.sector} & _BRANCHES and a.sector != o.sector)
                )
                # ... and civilians, protesters or rebels face their own state's police and army
                if (
                    a.kb_id == CONTEXT_KB_ID
                    and a.country in banned
                    and a.sector not in _LOCAL_SECTORS
                ):
                    toks = [t for t in view.tokens if a.start <= t.idx < a.end]
                    head = next(
                        (
                            t
                            for t in toks
                            if t.head == t.i or not a.start <= view.tokens[t.head].idx < a.end
                        ),
                        None,
                    )
                    if not toks or head is None:
                        continue
                    again = actor_fn(toks, head, banned)
                    if again is not None:
                        out.append(again)
                    continue
                out.append(a)
            return out

        target = redo(target, source)
        source = redo(source, target)
        return source, target

    def _merge_nested(
        self, view: SentenceView, matched: list[tuple[Token, Pattern]]
    ) -> list[tuple[Token, Pattern]]:
        """A noun trigger that is the object of a verb trigger ("deepened cooperation",
        "cut assistance") is one event: keep the verb, with the more specific code
        when both codes share a root."""
        by_index = {t.i: (t, p) for t, p in matched}
        drop: set[int] = set()
        upgrade: dict[int, Pattern] = {}
        for tok, pattern in matched:
            if tok.pos == "VERB":
                continue
            owner = view.head(tok)
            if owner is not None and owner.dep == "prep" and tok.dep == "pobj":
                if owner.text.lower() in _TIME_PREPS:
                    continue  # "since the ousting of the president, Niger turned ...": two events
                owner = view.head(owner)
            if owner is None or owner.i not in by_index or by_index[owner.i][0].pos != "VERB":
                continue
            if tok.dep not in {*_OBJ, "pobj", "nsubjpass"}:
                continue
            verb_root = by_index[owner.i][1].code[:2]
            if verb_root in _COMMENT_ROOTS and verb_root != pattern.code[:2]:
                continue  # "condemned the coup": the coup is an event of its own
            drop.add(tok.i)
            verb_pattern = upgrade.get(owner.i, by_index[owner.i][1])
            if pattern.code[:2] == verb_pattern.code[:2] and len(pattern.code) > len(
                verb_pattern.code
            ):
                upgrade[owner.i] = pattern
        for tok, pattern in matched:
            # "the ousting of the president in a military coup": one event, named twice
            prep = view.head(tok)
            owner = view.head(prep) if prep is not None and tok.dep == "pobj" else None
            if (
                tok.pos == "NOUN"
                and owner is not None
                and owner.i in by_index
                and prep is not None
                and prep.text.lower() in {"in", "during"}
                and by_index[owner.i][1].code[:2] == pattern.code[:2]
            ):
                drop.add(tok.i)
            # "agreed to lift the sanctions": the promise is the lifting, coded as intent
            if tok.pos == "VERB" and pattern.code == "030":
                if any(k.i in by_index for k in view.children(tok, "xcomp")):
                    drop.add(tok.i)
        out = []
        for tok, pattern in matched:
            if tok.i in drop:
                continue
            if tok.i in upgrade:
                better = upgrade[tok.i]
                pattern = replace(pattern, code=better.code, id=f"{pattern.id}+{better.id}")
            out.append((tok, pattern))
        return out

    def _event(
        self,
        parsed: ParsedSentence,
        view: SentenceView,
        tok: Token,
        pattern: Pattern,
        source: list[Actor],
        target: list[Actor],
        inferred: bool,
        light: Token | None,
        triggers: set[int],
        times: Sequence[TimeSpan],
        place: Place | None,
        article_id: str,
        part: int = 0,
        *,
        reciprocal: bool = False,
    ) -> Event:
        synthetic = pattern is _DEONTIC or pattern is _CLAIM_OWN or pattern is _CLAIM_OTHER
        modality = "asserted" if synthetic else modality_of(view, tok, light)
        if modality == "planned" and forecast(view, tok, light):
            modality = "hypothetical"  # an economist's "will" is a forecast, not a plan
        code = pattern.code
        if code[:2] == "19" and _mentions(view, _BOMB_WORDS):
            code = "1831" if _mentions(view, {"suicide"}) else "183"
        if modality == "planned" and _ultimatum(view, tok):
            code = "139"  # "will withdraw its troops unless the talks resume": an ultimatum
        elif modality == "planned":
            code = modal_code(code, "planned") or code
        elif modality == "negated" and refused(view, tok, light):
            # "refused to lift the curfew" is a rejection that happened, not a non-event
            code = modal_code(code, "refused") or code
            modality = "asserted" if code != pattern.code else modality
        entry = self.kb.cameo[code]
        cameo = Cameo(
            code=entry.code,
            root=entry.root,
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            name=entry.name,
        )
        plover = Plover(
            type=(pattern.plover_type if code == pattern.code else None) or entry.plover_type,
            mode=pattern.mode or entry.plover_mode or None,
            context=pattern.context or entry.plover_context,
        )
        trigger_toks = [tok] + [
            k for k in view.children(tok, "prt", "compound") if k.i == tok.i - 1 or k.dep == "prt"
        ]
        trigger_toks.sort(key=lambda t: t.i)
        text, start, end = view.span_text(trigger_toks)
        date = self._attached_time(view, triggers, tok, list(times))
        confidence = 0.45 + 0.05 * pattern.specificity
        confidence += 0.2 if source else 0.0
        # the other parties of a reciprocal event are no more certain a target than none
        confidence += 0.2 if target and not reciprocal else 0.0
        confidence -= 0.15 if inferred else 0.0
        actors = source + target
        if actors:
            confidence *= 0.7 + 0.3 * (sum(a.confidence for a in actors) / len(actors))
        sentence = parsed.sentence
        return Event(
            event_id=event_id(article_id, sentence.index, start, cameo.code, part),
            article_id=article_id,
            sentence=sentence.index,
            evidence=sentence.text,
            evidence_start=sentence.start,
            trigger=Span(text=text, start=start, end=end),
            source=tuple(source),
            target=tuple(target),
            cameo=cameo,
            plover=plover,
            modality=modality,
            date=date,
            place=place,
            confidence=round(max(0.05, min(confidence, 0.99)), 2),
            pattern=pattern.id,
            coder_version=CODER_VERSION,
            acled=acled_view(cameo.code, tuple(source), tuple(target)),
        )
