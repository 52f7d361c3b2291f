"""What the coder's passes share: dependency labels, the English word classes they ask the
lexicon for (lang/en/lexicon.yaml), the sets of CAMEO roots and sectors the rules test, and
small helpers over the parse (the subject that controls a clause, the verb a noun event is the
object of)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from eventwire.kb.lexicon import load_lexicon
from eventwire.records import (
    Actor,
    Token,
)
from eventwire.syntax import SentenceView

#: Resolve the tokens of a noun phrase and its head to an actor, or None; countries in the
#: optional third argument are not to be guessed from context for it.
ActorFn = Callable[..., Actor | None]
SUBJ = ("nsubj", "csubj")
PASSIVE_SUBJ = ("nsubjpass",)
OBJ = ("dobj", "obj", "attr", "oprd")
#: The English word classes the rules below depend on (lang/en/lexicon.yaml).
LEXICON = load_lexicon("en")
LIGHT_VERBS = LEXICON.words("light_verbs")
#: Verbs whose "Y must Z" complement is a demand on Y.
DECLARING = LEXICON.words("declaring")
#: Nouns that name an institution or a programme: a trigger noun modifying one is part of
#: its name, not an event.
BODY_NOUNS = LEXICON.words("body_nouns")
#: Natural disasters: a state of emergency declared for one is no coercion.
DISASTER_WORDS = LEXICON.words("disaster_words")
#: Demands, refusals and policies: their owner is the target of what answers them.
CLAIM_NOUNS = LEXICON.words("claim_nouns")
#: Verbs of a purpose clause that press a demand on someone ("rallied to demand ...").
PRESSING_VERBS = LEXICON.words("pressing_verbs")
#: Nouns through which an act answers something ("in protest against", "in response to").
ANSWER_NOUNS = LEXICON.words("answer_nouns")
#: Places named after the people they shelter or serve ("a camp for refugees").
SHELTER_NOUNS = LEXICON.words("shelter_nouns")
#: Branches of a state that act on its executive and on each other.
BRANCHES = frozenset({"LEG", "JUD"})
#: Verbs whose object, not their subject, would do what the infinitive after them names.
OBJECT_CONTROL = LEXICON.words("object_control")
#: Texts that "say" what must be: a law, a report, a treaty is no one making a demand.
TEXT_NOUNS = LEXICON.words("text_nouns")
#: CAMEO roots of violence: only there does a place stand for the people in it.
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
#: Areas and positions an attack can be aimed at (lexicon: attacked_areas).
ATTACKED_AREAS = LEXICON.words("attacked_areas")
#: Places that, attacked, stand for the civilians in them (the sector terms say CVL/REL).
ATTACKED_PLACES = LEXICON.words("attacked_places")


def two_named(a: Actor, b: Actor) -> bool:
    """Two different named people or bodies of one side ("Energy Minister Subroto met
    President Suharto"): a domestic event, not one actor acting on itself."""

    def name(x: Actor) -> str:
        return (x.name or " ".join(w for w in x.text.split() if w[:1].isupper())).lower()

    first, second = name(a), name(b)
    return bool(first and second) and first != second and a.text.lower() != b.text.lower()


def agrees(pronoun: str, noun: Token) -> bool:
    """Whether a possessive pronoun can stand for ``noun``: "its" a singular thing, "their"
    a plural (or a country or body, which news writes either way), "his"/"her" a person."""
    plural = noun.tag in {"NNS", "NNPS"}
    if pronoun == "its":
        return not plural and noun.ent != "PERSON"
    if pronoun == "their":
        return plural or noun.ent in {"GPE", "ORG", "NORP"}
    return noun.ent == "PERSON" or noun.pos == "PROPN"


def head_word(text: str) -> str:
    words = text.lower().split()
    return words[-1] if words else ""


#: What reporters press or ask for: no demand on an actor.
ASKED_FOR_WORDS = LEXICON.words("asked_for_words")
#: Entity labels whose capitalised words are a name, never a trigger.
NAME_ENTITIES = frozenset({"ORG", "WORK_OF_ART", "LAW", "FAC", "PRODUCT"})
#: Entity labels that name a place.
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
#: Entity labels of a modifier that can be the agent of its noun ("the US decision").
AGENT_ENTITIES = frozenset({"NORP", "GPE", "ORG"})
#: Entity labels of names that are not places (bodies, peoples, laws, events, works).
NOT_PLACE_ENTITIES = frozenset({"ORG", "NORP", "LAW", "EVENT", "WORK_OF_ART", "PRODUCT"})
#: Determiners that make a noun phrase generic ("each country", "any government").
GENERIC_DETS = LEXICON.words("generic_dets")
#: Clause links from a claimed act up to the verb of claiming.
CLAIM_LINKS = frozenset({"ccomp", "conj", "xcomp"})
#: Roots whose target may be named inside a complement clause or the object's agent.
ADDRESSED_ROOTS = frozenset({"02", "10", "11", "12", "13"})
#: Nouns that count people rather than name them ("thousands of students").
QUANTITY_NOUNS = LEXICON.words("quantity_nouns")
#: Modifiers that name who acts in a noun event ("a military coup", "a rebel offensive").
ACTOR_MODIFIERS = LEXICON.words("actor_modifiers")
#: Roots of verbs that comment on an event named as their object, which stays an event.
COMMENT_ROOTS = frozenset({"01", "05", "11"})
#: Prepositions that date one event by another instead of naming its object.
TIME_PREPS = LEXICON.words("time_preps")
#: Nouns that name a place by its country ("the Rwandan capital", "a Malian town").
PLACE_NOUNS = LEXICON.words("place_nouns")
TERRAIN_NOUNS = LEXICON.words("terrain_nouns")
PART_NOUNS = LEXICON.words("part_nouns")
#: Sectors of the state itself.
STATE = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
#: Sectors that alone do not make an event political (a company, an unknown "it").
NON_POLITICAL = frozenset({None, "BUS"})
REPORTING = LEXICON.words("reporting")
#: Words that make a killing or attack a bombing (CAMEO 183), not conventional fighting.
BOMB_WORDS = LEXICON.words("bomb_words")
HARM_WORDS = LEXICON.words("harm_words")
QUESTION_WORDS = LEXICON.words("question_words")
ELECTION_WORDS = LEXICON.words("election_words")
CONTEST_LEMMAS = LEXICON.words("contest_lemmas")
VERBAL_ATTACK_LEMMAS = LEXICON.words("verbal_attack_lemmas")
#: Nouns naming an attack, whose author is the actor when they are a violent verb's subject.
ATTACK_NOUNS = LEXICON.words("attack_nouns")
#: Nouns of intent through which an embedded act stays its governor's ("plans to send").
PLAN_NOUNS = LEXICON.words("plan_nouns")
#: Verbs whose subject suffers an attack named after them ("died in an ambush").
VICTIM_VERBS = LEXICON.words("victim_verbs")
#: Subjects of "killed", "destroyed", "hit" that are no actor: nature, illness, accidents.
NATURAL_CAUSES = LEXICON.words("natural_causes")
#: Motion verbs of the idiom "come to X's aid / rescue / defence".
RESCUE_MOTION = LEXICON.words("rescue_motion")
#: Pronouns the actor resolver is asked about (lexicon ``resolved_pronouns``): "one" (a
#: count), "he" and "she" (the person named last), "it" (a state or body), "they" (an armed
#: group); the others ("we", "you") are left unresolved.
RESOLVED_PRONOUNS = LEXICON.words("resolved_pronouns")
#: "while" before a progressive: the activity going on when the main event happened.
ONGOING_MARKS = LEXICON.words("ongoing_marks")
#: Decisions, policies and words: what can be attacked only with words.
IDEA_NOUNS = LEXICON.words("idea_nouns")
#: What a warner may warn of as their own answer: a warning of these is a threat.
REPRISAL_WORDS = LEXICON.words("reprisal_words")
#: Subjects through which a speaker announces their own act ("warned it would respond").
SPEAKER_PRONOUNS = LEXICON.words("speaker_pronouns")
PERSONAL_PRONOUNS = LEXICON.words("personal_pronouns")
OBJECT_PRONOUNS = LEXICON.words("object_pronouns")
PAIR_HEADS = LEXICON.words("pair_heads")
JUDGING_VERBS = LEXICON.words("judging_verbs")
REACTION_VERBS = LEXICON.words("reaction_verbs")
MESSAGE_NOUNS = LEXICON.words("message_nouns")
#: Sectors of people who belong to the place where they are: a generic noun of these sectors
#: ("residents", "police", "rebels") takes the event's place's country over the article's.
LOCAL_SECTORS = frozenset({"CVL", "COP", "REB", "OPP", "REF", "JRN", "MED", "EDU", "LAB", "REL"})
#: Determiners that point back ("the attack", "this move"), as a regex alternation.
POINTING_DETS = "|".join(sorted(re.escape(w) for w in LEXICON.words("pointing_determiners")))
#: Buildings and plants fixed in one place: whose they are is where they stand.
FIXED_FACILITIES = LEXICON.words("fixed_facilities")


def mentions(
    view: SentenceView, words: frozenset[str] | set[str], skip: Collection[int] = ()
) -> bool:
    """Whether the sentence has one of ``words`` (as written or as a lemma), outside the token
    positions in ``skip``."""
    return any(
        t.i not in skip and (t.text.lower() in words or t.lemma.lower() in words)
        for t in view.tokens
    )


GERUND_SUBJECT_PREPS = LEXICON.words("gerund_subject_preps")


def gerund_subject(view: SentenceView, tok: Token) -> list[Token]:
    """The understood subject of a gerund after a preposition: the subject of the clause the
    preposition hangs on ("After meeting Putin in Moscow, Macron flew to Kyiv": Macron; "the
    mission was successful in pushing the militants out": the mission). Only for prepositions
    of :data:`GERUND_SUBJECT_PREPS`, and for "by" and "in" only when that clause's verb has no
    object, which could be the doer instead; empty otherwise."""
    prep = view.head(tok)
    if tok.dep != "pcomp" or tok.pos != "VERB" or prep is None:
        return []
    word = prep.text.lower()
    if word not in GERUND_SUBJECT_PREPS:
        return []
    gov = view.head(prep)
    if gov is not None and gov.pos == "ADJ" and gov.dep == "acomp":
        gov = view.head(gov)  # "was successful in pushing": the clause's verb
    if gov is None or gov.pos not in {"VERB", "AUX"}:
        return []
    if word in {"by", "in"} and view.children(gov, "dobj"):
        return []
    return view.children(gov, *SUBJ, *PASSIVE_SUBJ)


def controller_subject(view: SentenceView, tok: Token) -> list[Token]:
    """The subject of the verb that governs ``tok`` through xcomp/acl/conj ("plans to"), or
    of the clause a gerund's preposition hangs on ("after meeting Putin, Macron ...")."""
    found = gerund_subject(view, tok)
    if found:
        return found
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
        }:  # "Kenya is ready to contribute": ready -> is -> Kenya
            return []
        if head.pos == "NOUN":
            owner = view.children(head, "poss")
            if owner:
                return owner
            if (
                cur.dep == "acl"
                and head.lemma.lower() in PLAN_NOUNS
                and any(k.text.lower() == "to" for k in view.children(cur, "aux"))
            ):
                # "the British decision to leave": a nationality or a named body before
                # a noun of intent is whose decision it is, as a possessive would be
                named = [
                    k for k in view.children(head, "amod", "compound") if k.ent in AGENT_ENTITIES
                ]
                # "decisions by Emmanuel Macron to withdraw": the by-phrase is whose decision
                named = named or view.prep_objects(head, ("by",))
                if named:
                    return named
        if cur.dep == "ccomp" and head.lemma.lower() in DECLARING | REPORTING:
            return []  # "..., killing nine people, the Red Cross said": not the Red Cross
        if view.children(head, *PASSIVE_SUBJ):
            agents = [o for a in view.children(head, "agent") for o in view.children(a, "pobj")]
            if agents:  # "were ambushed by gunmen ..., killing nine": the attackers
                return agents
        if (
            (cur.dep == "xcomp" or (cur.dep == "advcl" and to_infinitive(view, cur)))
            and head.lemma.lower() in OBJECT_CONTROL
            and not phoned_to(view, head, cur)
        ):
            # "called on the US to ease curbs", "urged Mali to hold elections": the one
            # asked is the one who would act (the parse may hang the infinitive as an adverbial)
            asked = view.children(head, "dobj") or view.prep_objects(head, ("on", "upon"))
            if asked:
                return asked
        subj = view.children(head, *SUBJ)
        if subj:
            return subj
        cur = head
    return []


PHONE_PURPOSES = LEXICON.words("phone_purposes")
#: "France was alarmed by the incursion": participles of disapproval read as the adjective.
FEELING_PARTICIPLES = LEXICON.words("feeling_participles")


def phoned_to(view: SentenceView, verb: Token, infinitive: Token) -> bool:
    """ "Biden called Olaf Scholz to congratulate him", "he called to thank them": "call"
    with no "on", "upon" or "for", followed by an infinitive of what one does on the phone,
    is a telephone call made for that purpose: the caller congratulates, and it happened."""
    if verb.lemma.lower() != "call" or infinitive.lemma.lower() not in PHONE_PURPOSES:
        return False
    if not to_infinitive(view, infinitive):
        return False
    asking = {"on", "upon", "for"}
    return not any(k.text.lower() in asking for k in view.children(verb, "prt", "prep"))


def binding_subjects(view: SentenceView, tok: Token) -> list[Token]:
    """The subjects an object pronoun ``tok`` cannot stand for: those of the verb it is the
    object of ("Macron accused him", "met X and urged him to", "wants to meet him"). Empty
    when ``tok`` is no object pronoun or its verb has no subject in the sentence."""
    if tok.text.lower() not in OBJECT_PRONOUNS or tok.dep not in {*OBJ, "dative", "pobj"}:
        return []
    verb = view.head(tok)
    if verb is not None and tok.dep == "pobj" and verb.dep == "prep":
        verb = view.head(verb)  # "spoke to him"
    for _ in range(4):
        if verb is None or verb.pos not in {"VERB", "AUX"}:
            return []
        subjects = view.children(verb, *SUBJ)
        if subjects:
            return subjects
        # "met to condemn it": a purpose infinitive's subject is the governing verb's
        if verb.dep == "xcomp" or (verb.dep == "advcl" and to_infinitive(view, verb)):
            return controller_subject(view, verb)
        if verb.dep != "conj":
            return []
        verb = view.head(verb)  # "met the leader and urged him": the first verb's subject
    return []


#: Prepositions of time, cause or concession ("after", "despite"): what they govern is no
#: complement of the verb they hang on.
ADJUNCT_PREPS = LEXICON.words("adjunct_preps")


def light_verb(view: SentenceView, tok: Token) -> Token | None:
    """The verb a noun trigger is the object of ("held talks", "engaged in a conversation")."""
    head = view.head(tok)
    if head is None:
        return None
    if tok.dep in OBJ and head.pos == "VERB":
        return head
    if tok.dep == "pobj" and head.dep == "prep":
        if head.text.lower() in ADJUNCT_PREPS:
            return None  # "will continue its patrols after the capture of X": a time, no act
        verb = view.head(head)
        if (
            verb is not None
            and verb.dep in OBJ
            and head.text.lower() == "in"
            and tok.lemma.lower() in ANSWER_NOUNS
        ):
            # "blocked roads in protest": the idiom tells the manner of the verb's act, however
            # the parse attaches it to the object
            verb = view.head(verb)
        if (
            verb is not None
            and verb.pos == "VERB"
            and (
                verb.lemma.lower() in LIGHT_VERBS
                or head.text.lower() in {"for", "in", "on", "into"}
            )
            and verb.lemma.lower() not in REPORTING
        ):
            return verb  # "engaged in talks", "converged for a rally"
        if (
            verb is not None
            and verb.pos == "VERB"
            and head.text.lower() == "with"
            and view.children(verb, *PASSIVE_SUBJ)
        ):
            return verb  # "Iran was hit with new sanctions": what the subject underwent
    return None


UNDER_VERBS = LEXICON.words("under_verbs")


def under_verb(view: SentenceView, tok: Token) -> Token | None:
    """The verb of "came under attack", "remained under siege", "is under investigation": its
    subject undergoes the act named after "under" (a verb that puts someone under something,
    "placed him under arrest", is not one)."""
    prep = view.head(tok)
    if tok.dep != "pobj" or prep is None or prep.text.lower() != "under":
        return None
    verb = view.head(prep)
    if verb is None or verb.pos not in {"VERB", "AUX"} or verb.lemma.lower() not in UNDER_VERBS:
        return None
    return verb


#: Dashes that close a wire dateline ("NIAMEY —").
DATELINE_DASHES = frozenset({"\u2014", "\u2013", "-", "--"})


def is_dateline(view: SentenceView, tok: Token) -> bool:
    """``tok`` is the upper-case city of a dateline opening the sentence ("DOHA — ..."): where
    the story was filed, never an actor of its events."""
    if tok.i > 4 or not tok.text.isupper() or len(tok.text) < 3:
        return False
    if any(not (t.text.isupper() or t.pos == "PUNCT") for t in view.tokens[: tok.i]):
        return False
    after = view.tokens[tok.i + 1 : tok.i + 8]
    in_brackets = False
    for t in after:
        if t.text in DATELINE_DASHES and not in_brackets:
            return True
        if t.text in {"(", ")"}:
            in_brackets = t.text == "("  # "MACAU (Reuters) –": the agency in brackets
            continue
        if not (in_brackets or t.text.isupper() or t.text == ","):
            return False
    return False


def after_dateline(view: SentenceView, toks: list[Token]) -> list[Token]:
    """A noun phrase without the dateline the parse joined to it ("ROME - Bernie Sanders"
    is Bernie Sanders)."""
    if not toks or not is_dateline(view, toks[0]):
        return toks
    for t in view.tokens[toks[0].i + 1 :]:
        if t.text in DATELINE_DASHES:  # the phrase leaves the dash itself out
            rest = [k for k in toks if k.i > t.i]
            return rest or toks
    return toks


def reduced_passive(view: SentenceView, tok: Token) -> bool:
    """ "a soldier killed in Gao", "journalists accused of spying": a past participle that
    modifies a noun is a passive whose patient is that noun, whatever the main verb says."""
    head = view.head(tok)
    return (
        tok.pos == "VERB"
        and tok.tag == "VBN"
        and tok.dep == "acl"
        and head is not None
        and head.pos in {"NOUN", "PROPN"}
        and not view.children(tok, *SUBJ)
        and not main_verb_as_modifier(view, tok)
    )


def to_infinitive(view: SentenceView, tok: Token) -> bool:
    """``tok`` is a verb told with "to" ("urged Mali to hold", "met to condemn it")."""
    return any(k.text.lower() == "to" for k in view.children(tok, "aux"))


def main_verb_as_modifier(view: SentenceView, tok: Token) -> bool:
    """ "The Saudi-led coalition bombed Sanaa": the parse found no verb for the sentence and
    hung its verb on the subject noun as a modifier. A past tense there is the main verb, and
    so is a participle with a direct object of its own (a passive participle takes none)."""
    head = view.head(tok)
    if tok.dep != "acl" or head is None or head.pos not in {"NOUN", "PROPN"}:
        return False
    if head.dep != "ROOT":
        return False
    return tok.tag == "VBD" or (tok.tag == "VBN" and bool(view.children(tok, "dobj")))


#: What may stand between a verb and the verb coordinated with it when the two share the
#: object that follows ("beat and arrested the traders", "accept but prosecute any fishermen").
_SHARING_DEPS = frozenset({"cc", "conj", "advmod", "punct", "aux", "neg"})


def shared_object(view: SentenceView, tok: Token) -> list[Token]:
    """The direct object a verb shares with the verb coordinated with it (right-node raising):
    in "the police beat and arrested the traders" the traders were beaten too, and in "will
    accept but prosecute the fishermen" the parse may hang the object on either verb. Only when
    the two verbs stand side by side with one object after both, so that "arrived and
    arrested them" (nothing shared: "arrived" takes none) is left to the pattern, and "beat
    the guards and arrested the traders" keeps its own objects."""
    if tok.pos != "VERB" or view.children(tok, *OBJ):
        return []
    head = view.head(tok)
    partners = [c for c in view.children(tok, "conj") if c.pos == "VERB" and c.i > tok.i]
    if tok.dep == "conj" and head is not None and head.pos == "VERB" and head.i < tok.i:
        partners.append(head)
    for other in partners:
        if view.children(other, *SUBJ) and other.i > tok.i:
            continue  # "the police beat them and the army arrested ...": a clause of its own
        objs = [o for o in view.children(other, "dobj") if o.i > max(tok.i, other.i)]
        if not objs:
            continue
        first, second = sorted((tok, other), key=lambda t: t.i)
        between = [
            k
            for k in view.children(first)
            if first.i < k.i < objs[0].i and k.i != second.i and k.dep not in _SHARING_DEPS
        ]
        if not between:
            return objs
    return []


def shifted_object(view: SentenceView, tok: Token) -> list[Token]:
    """The object a verb's "as" phrase pushed to the end (heavy noun phrase shift): in
    "denounced as a crime Russia's blockade of the ports" what was denounced is the
    blockade, which the parse hangs on "a crime" as an apposition with no comma between
    them. An apposition set off by a comma ("described as a victory, a word ...") is a true
    one and is left alone."""
    if tok.pos != "VERB" or view.children(tok, *OBJ):
        return []
    for prep in view.children(tok, "prep"):
        if prep.text.lower() != "as" or prep.i < tok.i:
            continue
        for complement in view.children(prep, "pobj"):
            for appos in view.children(complement, "appos"):
                span = view.noun_phrase(appos)
                gap = view.tokens[complement.i + 1 : span[0].i] if span else []
                if span and not any(t.pos == "PUNCT" for t in gap):
                    return [appos]
    return []


#: "the bombardment pounded Bakhmut": verbs by which an attack reaches its object
STRIKING_VERBS = LEXICON.words("striking_verbs")


def reached_objects(view: SentenceView, noun: Token) -> list[Token]:
    """What an attack named by a noun reaches when it is the subject of a verb of striking
    ("a Turkish attack hit a Kurdish village", "the bombardment pounded Bakhmut"): the
    verb's direct objects; none for any other subject ("the attack shocked Paris")."""
    verb = view.head(noun)
    if noun.pos != "NOUN" or noun.dep != "nsubj" or verb is None:
        return []
    if verb.lemma.lower() not in STRIKING_VERBS:
        return []
    return view.children(verb, "dobj")
