"""Pass 1, candidate triggers: for each token whose (lemma, part of speech) has patterns, the
first pattern whose constraints hold (object, particle, preposition, modifier, clause ...); a
noun trigger that is the object of a verb trigger ("deepened cooperation") is merged into it."""

from __future__ import annotations

from dataclasses import replace

from eventwire.code.clauses import RELATIVE_PRONOUNS
from eventwire.code.grammar import (
    ASKED_FOR_WORDS,
    ATTACKED_AREAS,
    BODY_NOUNS,
    COMMENT_ROOTS,
    FEELING_PARTICIPLES,
    NAME_ENTITIES,
    NOT_PLACE_ENTITIES,
    OBJ,
    ONGOING_MARKS,
    PART_NOUNS,
    PLACE_ENTITIES,
    PLACE_NOUNS,
    QUESTION_WORDS,
    SUBJ,
    TERRAIN_NOUNS,
    TIME_PREPS,
    VIOLENT_ROOTS,
    controller_subject,
    reduced_passive,
)
from eventwire.code.patterns import Pattern, PatternIndex
from eventwire.records import (
    Token,
)
from eventwire.syntax import SentenceView

#: Where an adjective is said of a subject ("Berlin is worried about ...", "said it was
#: alarmed by ..."), not put before a noun ("concerned citizens").
PREDICATIVE_DEPS = frozenset({"acomp", "ROOT", "ccomp", "conj", "xcomp"})

#: Quotation marks: a quotation told before "asked" is the question asked.
QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``"})


def _names_place(view: SentenceView, tok: Token) -> bool:
    """A named place, a place or terrain noun, or part of one ("the edge of the desert",
    "Iraq's western fringe")."""
    if tok.lemma.lower() in PART_NOUNS:
        # "the edge of the desert", "Iraq's western fringe": the whole names the place
        wholes = view.prep_objects(tok, ("of",)) or view.children(tok, "poss")
        if wholes:
            return _names_place(view, wholes[0])
    return (
        tok.ent in PLACE_ENTITIES
        or tok.lemma.lower() in PLACE_NOUNS | TERRAIN_NOUNS | ATTACKED_AREAS
        # the parser calls many towns persons ("from Kherson"); no one withdraws from a
        # person, and bodies, accords and events carry labels of their own
        or (tok.text[:1].isupper() and tok.ent not in NOT_PLACE_ENTITIES)
    )


class CandidateFinder:
    """Candidate triggers: the first pattern whose constraints hold on a token; nested ones
    merged."""

    def __init__(self, index: PatternIndex) -> None:
        self.index = index

    # -- pattern matching -------------------------------------------------------------------
    def match(self, view: SentenceView, tok: Token) -> Pattern | None:
        pos = "NOUN" if tok.pos in {"NOUN", "PROPN"} else tok.pos
        if pos not in {"VERB", "NOUN", "ADJ"}:
            return None
        if pos == "ADJ" and tok.dep not in PREDICATIVE_DEPS:
            return None  # "concerned citizens": an attribute, no one's stance
        if pos == "VERB" and (
            tok.dep in {"amod", "compound", "nmod"}
            or (tok.tag == "VBG" and tok.dep == "acl" and tok.head > tok.i)
        ):
            return None  # "the visiting minister": a description, not an event
        if (
            pos == "VERB"
            and tok.tag == "VBG"
            and tok.dep == "advcl"
            and any(m.lemma.lower() in ONGOING_MARKS for m in view.children(tok, "mark"))
        ):
            return None  # "was killed while fighting Isis": the activity it interrupted
        if (
            pos == "VERB"
            and tok.dep in {"dobj", "nsubj", "nsubjpass", "pobj"}
            and any(k.text.lower() in {"the", "a", "an"} for k in view.children(tok, "det"))
        ):
            return None  # "treated the wounded": a participle used as a noun names people
        if tok.ent in NAME_ENTITIES and tok.text[:1].isupper():
            return None  # "the Organization for Economic Cooperation": a word of a name
        if tok.lemma.lower() in {"press", "ask", "push"} and any(
            o.lemma.lower() in ASKED_FOR_WORDS for o in view.prep_objects(tok, ("for",))
        ):
            return None  # "when pressed for comment": a reporter's question, no demand
        if tok.lemma.lower() in {"ask", "question"} and self._asks_a_question(view, tok):
            return None  # "asked whether the deals required ...": a question, no request
        if pos == "NOUN" and self._names_a_body(view, tok):
            return None  # "the industry aid review body", "the Meet the Press programme"
        if pos == "VERB" and tok.text[:1].isupper() and self._title_inside(view, tok):
            return None  # "appeared on Meet the Press": a capitalised verb names a programme
        found = list(self.index.candidates(tok.lemma, pos))
        if (
            pos == "VERB"
            and tok.tag == "VBN"
            and view.children(tok, "auxpass")
            and tok.text.lower() in FEELING_PARTICIPLES
        ):
            # "France was alarmed by the incursion": a participle of feeling in the passive
            # says what its subject feels, as the adjective would ("was concerned about")
            found += self.index.candidates(tok.text.lower(), "ADJ")
        for pattern in found:
            if self._holds(view, tok, pattern):
                if (
                    reduced_passive(view, tok)
                    and not view.children(tok, "agent")
                    and pattern.code[:2] not in VIOLENT_ROOTS
                ):
                    # "journalists accused of spying": the participle describes the noun;
                    # no one is said to accuse them here. Violence is told this way too ("a
                    # soldier killed in Gao"), and so is any act whose agent is named.
                    return None
                return pattern
        return None

    @staticmethod
    def _asks_a_question(view: SentenceView, tok: Token) -> bool:
        """The verb governs an indirect question ("asked whether ...", "asked her why ..."), or
        only a person with a quotation before it (“"Will you run?" she asked him”): a
        request names what is asked for (an infinitive, a clause, "for", a thing)."""
        if (
            tok.lemma.lower() == "ask"
            and not view.children(tok, "dative")
            # the quotation before the verb is parsed as its clause; what is asked for follows
            and not [c for c in view.children(tok, "ccomp", "xcomp", "advcl") if c.i > tok.i]
            and not view.prep_objects(tok, ("for", "about"))
            and (
                any(t.text in QUOTE_MARKS for t in view.tokens if t.i < tok.i)
                # the splitter ended the sentence at the quotation: the rest starts in lower case
                or view.tokens[0].text[:1].islower()
            )
            and all(o.ent == "PERSON" or o.pos == "PRON" for o in view.children(tok, "dobj"))
        ):
            return True
        for clause in view.children(tok, "ccomp", "xcomp", "advcl"):
            lead = min([clause, *view.subtree(clause)], key=lambda t: t.i)
            if lead.text.lower() in QUESTION_WORDS:
                return True
        return False

    @staticmethod
    def _title_inside(view: SentenceView, tok: Token) -> bool:
        """A capitalised verb with no subject inside a sentence in ordinary case (not a
        headline in title case): the first word of a quoted title ("on "Meet the Press,"")."""
        at = next((k for k, t in enumerate(view.tokens) if t is tok), 0)
        if at == 0 or view.children(tok, *SUBJ):
            return False  # a verb with a subject is a verb, whatever its case
        words = [t.text for t in view.tokens if t.text[:1].isalpha()]
        capitalised = sum(w[:1].isupper() for w in words)
        return capitalised * 2 < len(words)

    @staticmethod
    def _called(view: SentenceView, tok: Token) -> set[str]:
        """What the verb calls its object, and the words modifying it: an object predicate
        ("labelled the group a terrorist organisation", "called the vote illegal"), an "as"
        phrase ("referred to the junta as usurpers") or an attribute clause the parser made."""
        heads = list(view.children(tok, "oprd", "acomp", "attr"))
        heads += view.prep_objects(tok, ("as",))
        for obj in view.children(tok, "dobj", "ccomp", "xcomp"):
            heads += view.children(obj, "attr", "oprd", "acomp")
            heads += view.prep_objects(obj, ("as",))
            if obj.dep in {"ccomp", "xcomp"}:
                heads.append(obj)
        for prep in view.children(tok, "prep"):  # "referred to the junta as usurpers"
            for pobj in view.children(prep, "pobj"):
                heads += view.prep_objects(pobj, ("as",))
        words: set[str] = set()
        for h in heads:
            words.add(h.lemma.lower())
            words.update(k.lemma.lower() for k in view.children(h, "amod", "compound"))
        return words

    @staticmethod
    def _clause_verbs(view: SentenceView, tok: Token) -> list[Token]:
        """The verbs of ``tok``'s clause complement, through "continue to" and conjuncts
        ("vowed to crush", "vowed he would keep hunting", "vowed to track down and punish")."""
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
            and head.lemma.lower() in BODY_NOUNS
        )

    def _holds(self, view: SentenceView, tok: Token, p: Pattern) -> bool:
        if p.reported and tok.dep in {"acl", "amod"}:
            return False
        if p.intransitive and view.children(tok, "dobj"):
            return False
        if p.transitive and not [
            # "told the governor that she drove from Tulsa": the parse may make the
            # complementiser the verb's object
            o
            for o in view.children(tok, "dobj")
            if not (o.text.lower() == "that" and o.i < tok.i)
        ]:
            return False
        if p.not_prep and view.prep_objects(tok, p.not_prep):
            return False
        # the parser tags a particle as an adverb as often as not ("pushed back")
        if p.prt and not any(
            k.text.lower() in p.prt
            for k in view.children(tok, "prt", "advmod", "prep")
            # ... or as a preposition with no object ("will pull out by December"), not one that
            # heads a phrase ("pushed out of Sirte")
            if (k.dep != "prep" or not view.children(k, "pobj", "prep"))
            # ... and not an adverb with a modifier of its own ("turned the market upside down")
            and not (k.dep == "advmod" and view.children(k, "advmod"))
        ):
            return False
        if (
            p.prep
            and not any(k.text.lower() in p.prep for k in view.children(tok, "prep", "agent"))
            and not any(
                # "called for the G7 to cancel the debt": the parser makes "for" the mark of a
                # clause whose subject is the one asked
                m.text.lower() in p.prep
                for c in view.children(tok, "advcl", "ccomp", "xcomp")
                for m in view.children(c, "mark")
            )
        ):
            return False
        if p.mod and not any(
            k.lemma.lower() in p.mod or k.text.lower() in p.mod
            # an adverb qualifies a verb the way an adjective does a noun ("intervened militarily")
            for k in view.children(tok, "compound", "amod", "nmod", "advmod")
        ):
            return False
        if p.not_mod and any(
            k.lemma.lower() in p.not_mod or k.text.lower() in p.not_mod
            for k in view.children(tok, "compound", "amod", "nmod")
        ):
            return False
        if p.obj or p.not_obj:
            # "pressed Tokyo to open its market": what is pressed is Tokyo; the object of the
            # act asked for says nothing of the sense
            embedded = not (
                p.not_obj and not p.obj and tok.pos == "VERB" and view.children(tok, "dobj")
            )
            words = self._object_words(view, tok, embedded=embedded)
            # what an object must not be is its head: "met opposition leaders" met people,
            # "was met with opposition" met resistance
            head_words = self._object_words(view, tok, embedded=embedded, modifiers=False)
            if p.prep:  # "spoke by telephone": the object of the required preposition
                words |= {o.lemma.lower() for o in view.prep_objects(tok, p.prep)}
                head_words |= {o.lemma.lower() for o in view.prep_objects(tok, p.prep)}
            if p.not_obj:  # "the plan was met with opposition": what it met comes after "with"
                for o in view.prep_objects(tok, ("with",)):
                    head_words |= {o.lemma.lower(), o.text.lower()}
            if p.not_obj and not view.children(tok, *OBJ):
                # "had their demands met": with no object, the subject is what is met; "the
                # offensive was met by artillery fire": the agent is what it met
                head_words |= {w.lemma.lower() for w in view.children(tok, *SUBJ)}
                head_words |= {
                    o.lemma.lower()
                    for a in view.children(tok, "agent")
                    for o in view.children(a, "pobj")
                }
            if p.obj and not words & p.obj:
                return False
            if head_words & p.not_obj:
                return False
        if p.place_obj and not self._place_objects(view, tok, p):
            return False
        if p.clause and not view.children(tok, "xcomp", "ccomp"):
            return False
        if p.infinitive and not any(
            k.text.lower() == "to"
            for c in view.children(tok, "xcomp", "ccomp")
            for k in view.children(c, "aux")
        ):
            return False
        if p.as_obj and not self._called(view, tok) & p.as_obj:
            return False
        if p.clause_lemma and not any(
            c.lemma.lower() in p.clause_lemma for c in self._clause_verbs(view, tok)
        ):
            return False
        if p.not_that and not view.children(tok, "xcomp", *OBJ, "prep"):
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
            subj = view.children(tok, *SUBJ) or controller_subject(view, tok)
            heads = [*subj, *(o for h in subj for o in view.prep_objects(h, ("of",)))]
            words = {  # "dozens of French troops" has troops for a subject
                w
                for h in heads
                for t in view.conjuncts(h)
                for w in (t.lemma.lower(), t.text.lower())
            }
            if not words & p.subj:
                return False
        return True

    @staticmethod
    def _place_objects(view: SentenceView, tok: Token, p: Pattern) -> bool:
        """What the trigger's target prepositions govern names places: a named place or a
        place noun ("withdrew from Kherson", "pulled out of the town"), not an accord or a
        race. A verb needs such an object; a noun needs none, but no "of" object either
        ("the withdrawal of support" is no retreat), unless "of" is how it names the place
        ("the capture of Mosul"): then it needs one."""
        objects = view.prep_objects(tok, p.target_preps)
        if (tok.pos == "VERB" or "of" in p.target_preps) and not objects:
            return False
        if tok.pos != "VERB" and "of" not in p.target_preps and view.prep_objects(tok, ("of",)):
            return False
        return all(_names_place(view, o) for o in objects)

    def _object_words(
        self, view: SentenceView, tok: Token, embedded: bool = True, modifiers: bool = True
    ) -> set[str]:
        """Lemmas that count as the trigger's object for pattern constraints; ``embedded``:
        with the objects of a clause the verb governs ("allow observers to enter");
        ``modifiers``: with the words before the object's head ("military aid")."""
        heads: list[Token] = []
        if tok.pos == "VERB":
            direct = view.children(tok, *OBJ, "nsubjpass")
            modified = view.head(tok)
            if modified is not None and reduced_passive(view, tok):
                direct = [*direct, modified]  # "sanctions imposed by the EU": what is imposed
            if (
                tok.dep == "relcl"
                and modified is not None
                and all(d.text.lower() in RELATIVE_PRONOUNS for d in direct)
                and not view.children(tok, "nsubjpass")
            ):
                # "the towns (that) the army seized": the relative pronoun, or the gap where
                # it is left out, is the noun the clause modifies
                direct = [*direct, modified]
            heads += direct
            for obj in direct:  # "suspended part of a training programme"
                heads += view.prep_objects(obj, ("of",))
            if tok.lemma.lower() in {"arrive", "land"}:
                heads += view.children(tok, *SUBJ)
            for xc in view.children(tok, "xcomp") if embedded else ():  # "allow observers to enter"
                heads += [xc, *view.children(xc, *OBJ)]
            heads += view.prep_objects(tok, ("for", "on", "to", "of"))
        else:
            heads += view.prep_objects(tok, ("of", "to", "for", "on"))
            heads += view.children(tok, "compound", "amod")
            verb = view.head(tok)
            if tok.dep == "dobj" and verb is not None and verb.pos == "VERB":
                heads += view.children(verb, *SUBJ)  # "the brigade completed its withdrawal"
            for acl in view.children(tok, "acl"):  # "commitment to strengthen X's capabilities"
                heads += view.children(acl, *OBJ)
        words: set[str] = set()
        for h in heads:
            for t in view.conjuncts(h):
                words.add(t.lemma.lower())
                words.add(t.text.lower())
                for m in view.children(t, "compound", "amod") if modifiers else ():
                    words.add(m.lemma.lower())
        return words

    def merge_nested(
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
                if owner.text.lower() in TIME_PREPS:
                    continue  # "since the ousting of the president, Niger turned ...": two events
                owner = view.head(owner)
            if owner is None or owner.i not in by_index or by_index[owner.i][0].pos != "VERB":
                continue
            if tok.dep not in {*OBJ, "pobj", "nsubjpass"}:
                continue
            verb_root = by_index[owner.i][1].code[:2]
            if verb_root in COMMENT_ROOTS and verb_root != pattern.code[:2]:
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
            # "agreed to ease the embargo": the promise is the easing, coded as intent
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
