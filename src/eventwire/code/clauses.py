"""Clauses that stand for a noun: relative clauses ("the journalist who was shot"), reduced
ones ("a soldier killed in Gao"), a possessive that points forward ("In his talks with Scholz,
Macron ..."), and lists of parties in pairs. Pure functions of the parse, used by the roles
pass."""

from __future__ import annotations

from eventwire.code.grammar import (
    LEXICON,
    PASSIVE_SUBJ,
    PERSONAL_PRONOUNS,
    SUBJ,
    main_verb_as_modifier,
    reduced_passive,
)
from eventwire.records import Actor, Token
from eventwire.syntax import SentenceView

#: Pronouns that open a relative clause and stand for the noun it modifies.
RELATIVE_PRONOUNS = LEXICON.words("relative_pronouns")


def relative_antecedent(
    view: SentenceView, tok: Token, patients: list[Token], fill: bool = True
) -> list[Token]:
    """``patients`` (a relative clause verb's subject or object heads) with a relative
    pronoun replaced by the noun the clause modifies ("the journalist who was shot by the army",
    "the rebels, whom Bamako accused", "Ankara, which said ..."); with ``fill``, a reduced
    relative's missing patient is the noun its participle modifies ("a Briton killed in
    Raqqa")."""
    head = view.head(tok)
    if head is None or head.pos not in {"NOUN", "PROPN"}:
        return patients
    if (
        tok.dep == "relcl"
        and patients
        and all(p.text.lower() in RELATIVE_PRONOUNS for p in patients)
    ):
        return [head]
    if fill and tok.dep == "acl" and not patients:
        return [head]
    return patients


def active_participle_subject(view: SentenceView, tok: Token) -> list[Token]:
    """ "a gunman targeting and killing five officers", "troops guarding the border": a present
    participle that modifies a noun (or is coordinated with one that does) and acts on a
    direct object is done by that noun."""
    part = tok
    for _ in range(3):
        if part.dep != "conj":
            break
        up = view.head(part)
        if up is None or up is part:
            break
        part = up
    head = view.head(part)
    if part.dep != "acl" or part.tag != "VBG" or head is None:
        return []
    if not view.children(tok, "dobj"):
        return []  # "volunteers fighting with the Kurds": a description, and "with" is ambiguous
    return [head] if head.pos in {"NOUN", "PROPN"} else []


def finite_acl_subject(view: SentenceView, tok: Token) -> list[Token]:
    """ "The UN secretary-general, António Guterres, called on Israel ...": a verb in the past
    tense (not a participle) that the parse hangs on a noun as a modifier is the main verb of
    a sentence whose subject is that noun, the parse having found no other; a past participle
    there ("five soldiers killed in Gao") is a passive and is left alone."""
    head = view.head(tok)
    return [head] if head is not None and main_verb_as_modifier(view, tok) else []


def cataphor(view: SentenceView, pron: Token) -> Token:
    """ "In his talks with Scholz, Macron said ...": a possessive pronoun in a phrase that
    opens the sentence, before its subject, stands for that subject when it names a person."""
    if pron.text.lower() not in PERSONAL_PRONOUNS:
        return pron
    chain = list(view.ancestors(pron))
    if len(chain) < 2 or chain[-2].dep != "prep":
        return pron  # only in an adjunct phrase of the main clause
    clause = chain[-1]
    subjects = [s for s in view.children(clause, *SUBJ) if s.ent == "PERSON"]
    if len(subjects) == 1 and pron.i < subjects[0].i:
        return subjects[0]
    return pron


def listed_pairs(view: SentenceView, parties: list[Actor]) -> tuple[tuple[int, int], ...]:
    """ "between Ethiopia and Eritrea, Sudan and Chad, and Kenya and Somalia": an even
    list whose members are joined by a bare "and" within a pair and by a comma between
    pairs is a list of pairs."""
    ordered = sorted(parties, key=lambda a: a.start)
    if len(ordered) < 4 or len(ordered) % 2:
        return ()

    def gap(a: Actor, b: Actor) -> str:
        words = [t.text.lower() for t in view.tokens if a.end <= t.idx < b.start]
        return " ".join(w for w in words if w not in {"the", "a", "an"})

    for k in range(len(ordered) - 1):
        between = gap(ordered[k], ordered[k + 1])
        if k % 2 == 0 and between != "and":
            return ()
        if k % 2 == 1 and "," not in between:
            return ()
    return tuple((a.start, k // 2) for k, a in enumerate(ordered))


def subject_undergoes(view: SentenceView, verb: Token) -> bool:
    """A passive verb, written out or reduced ("a Briton killed in Raqqa"): its
    grammatical subject, the one an adverbial clause's act belongs to, is its patient."""
    return verb.pos == "VERB" and (
        bool(view.children(verb, *PASSIVE_SUBJ)) or reduced_passive(view, verb)
    )
