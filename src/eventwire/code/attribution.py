"""Accusations made by attributing blame or a name, with no verb of accusing.

"Moscow said Washington was responsible for the escalation", "Kenya held al-Shabaab
responsible for the attack", "Ankara considers the YPG a terrorist organisation": each is an
accusation (CAMEO 112) by whoever says, holds or considers it, aimed at whom it is said of.
The trigger is the word that carries the judgement ("responsible", "considers"). A pure
function of the parse and the actors, like the deontic pass in ``roles.py``.
"""

from __future__ import annotations

from collections.abc import Callable

from eventwire.code.grammar import DECLARING, SUBJ, controller_subject
from eventwire.code.patterns import Pattern
from eventwire.kb.lexicon import load_lexicon
from eventwire.records import Actor, Token
from eventwire.syntax import SentenceView

LEXICON = load_lexicon("en")
RESPONSIBLE = LEXICON.words("responsibility_words")
LABELLING = LEXICON.words("labelling_verbs")
TERROR = LEXICON.words("terror_words")
BLAMED_ACTS = LEXICON.words("blamed_acts")
#: What an attribution codes: an accusation of a crime.
ATTRIBUTED = Pattern(id="attributed-blame", lemmas=RESPONSIBLE | LABELLING, pos="ADJ", code="112")

ActorsOf = Callable[[SentenceView, list[Token]], list[Actor]]


def attributions(
    view: SentenceView, actors: ActorsOf
) -> list[tuple[Token, list[Actor], list[Actor]]]:
    """(trigger, accuser, accused) for every attribution of blame or terror in the sentence."""
    out: list[tuple[Token, list[Actor], list[Actor]]] = []
    for tok in view.tokens:
        found = (
            _responsible_said(view, tok)
            or _bears_responsibility_said(view, tok)
            or _held_responsible(view, tok)
            or _labelled(view, tok)
        )
        if found is None:
            continue
        trigger, accusers, accused = found
        source, target = actors(view, accusers), actors(view, accused)
        if source and target:
            out.append((trigger, source, target))
    return out


def _responsible_said(
    view: SentenceView, tok: Token
) -> tuple[Token, list[Token], list[Token]] | None:
    """ "X said (that) Y was responsible for Z": the adjective of a be-clause that a verb of
    saying governs."""
    if tok.lemma.lower() not in RESPONSIBLE or tok.dep != "acomp":
        return None
    be = view.head(tok)
    gov = view.head(be) if be is not None else None
    if be is None or gov is None or be.dep != "ccomp" or gov.lemma.lower() not in DECLARING:
        return None
    if any(k.dep == "neg" for k in view.children(be)) or not _for_harm(view, tok):
        return None  # "said Y was not responsible": a defence, not an accusation
    accused = view.children(be, "nsubj", "nsubjpass")
    accusers = view.children(gov, *SUBJ) or controller_subject(view, gov)
    return (tok, accusers, accused) if accused and accusers else None


def bears_responsibility_said(view: SentenceView, tok: Token) -> bool:
    """ "Tillerson said Moscow bears responsibility for the victims": responsibility borne,
    in what another speaker says, is laid on the bearer, not claimed by it."""
    return _bears_responsibility_said(view, tok) is not None


def _bears_responsibility_said(
    view: SentenceView, tok: Token
) -> tuple[Token, list[Token], list[Token]] | None:
    if tok.lemma.lower() not in {"bear", "carry"} or tok.pos != "VERB" or tok.dep != "ccomp":
        return None
    if not any(o.lemma.lower() == "responsibility" for o in view.children(tok, "dobj")):
        return None
    gov = view.head(tok)
    if gov is None or gov.lemma.lower() not in DECLARING:
        return None
    if any(k.dep == "neg" for k in view.children(tok)):
        return None  # "said Y bears no responsibility": a defence
    accused = view.children(tok, "nsubj")
    accusers = view.children(gov, *SUBJ) or controller_subject(view, gov)
    return (tok, accusers, accused) if accused and accusers else None


def _held_responsible(
    view: SentenceView, tok: Token
) -> tuple[Token, list[Token], list[Token]] | None:
    """ "X held Y responsible for Z", "X holds Y accountable"."""
    if tok.lemma.lower() != "hold" or tok.pos != "VERB":
        return None
    judged = [
        k for k in view.children(tok) if k.lemma.lower() in RESPONSIBLE and _for_harm(view, k)
    ]
    accused = view.children(tok, "dobj")
    if not judged or not accused or any(k.dep == "neg" for k in view.children(tok)):
        return None
    accusers = view.children(tok, *SUBJ) or controller_subject(view, tok)
    return (tok, accusers, accused) if accusers else None


def _labelled(view: SentenceView, tok: Token) -> tuple[Token, list[Token], list[Token]] | None:
    """ "X considers Y a terrorist organisation", "X branded Y (as) terrorists": a name of
    terror given to someone."""
    if tok.lemma.lower() not in LABELLING or tok.pos != "VERB":
        return None
    if any(k.dep == "neg" for k in view.children(tok)):
        return None
    names = [*view.children(tok, "ccomp", "oprd", "xcomp", "dobj", "attr")]
    names += view.prep_objects(tok, ("as",))
    for name in names:
        words = [name, *view.children(name, "amod", "compound")]
        if not any(w.lemma.lower() in TERROR or w.text.lower() in TERROR for w in words):
            continue
        if name.dep == "dobj":  # "branded them terrorists" parsed with the name as object
            accused = [k for k in view.children(tok, "dobj") if k is not name]
        else:
            accused = view.children(name, "nsubj") or [
                k for k in view.children(tok, "dobj") if k is not name
            ]
        accusers = view.children(tok, *SUBJ) or controller_subject(view, tok)
        if accused and accusers:
            return tok, accusers, accused
    return None


def _for_harm(view: SentenceView, adjective: Token) -> bool:
    """Responsible for a harm ("for the attack"), or for nothing named; not for a duty
    ("responsible for security at the stadium")."""
    things = view.prep_objects(adjective, ("for",))
    return not things or any(
        t.lemma.lower() in BLAMED_ACTS or t.text.lower() in BLAMED_ACTS for t in things
    )
