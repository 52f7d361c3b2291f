"""An arrest or a sentence told with no agent was made by the authorities of where it happened.

"A man was arrested in Leeds", "she was sentenced to ten years": only a state's police arrest
and only its courts sentence, so the passive leaves no doubt about who acted, only about which
state; that is the state of the place the sentence names for the event, else the article's own
(its dateline or main country). The source is marked as inferred (offsets -1: no words of the
text name it). A person arrested who has no country of their own is taken to be of the place
too, as local officials and residents are. An attacker left unnamed stays unknown: many people
can attack, only the authorities arrest.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.code.grammar import LOCAL_SECTORS
from eventwire.kb.lexicon import load_lexicon
from eventwire.records import Actor, Token
from eventwire.syntax import SentenceView

LEXICON = load_lexicon("en")
#: lemma -> the sector that alone performs the act (police: COP, courts: JUD)
AUTHORITY_ACTS = {act: sector.upper() for act, sector in LEXICON.pairs("authority_acts")}
_PASSIVE = frozenset({"auxpass", "nsubjpass"})


def implied_authority(view: SentenceView, tok: Token, country: str | None) -> Actor | None:
    """The police or the court of ``country`` as the agent of an arrest or a sentence told in
    the passive ("was arrested", "has been sentenced") or as a bare noun ("the arrest of X");
    None for any other trigger, with an agent named, or with no country."""
    sector = AUTHORITY_ACTS.get(tok.lemma.lower())
    if sector is None or not country:
        return None
    if tok.pos == "VERB":
        passive = bool(view.children(tok, *_PASSIVE)) or (tok.tag == "VBN" and tok.dep == "acl")
        if not passive or view.children(tok, "agent"):
            return None
    elif tok.pos != "NOUN" or view.prep_objects(tok, ("by",)):
        return None
    if sector == "COP" and _a_term(view, tok):
        sector = "JUD"  # "jailed for eight years": a term of prison is a court's sentence
    word = {"COP": "police", "JUD": "court"}.get(sector, "government")
    return Actor(text=word, start=-1, end=-1, country=country, sector=sector, confidence=0.4)


#: Words of a length of time: a prison term ("for eight years", "for life").
_TERM_WORDS = frozenset(
    {"year", "years", "month", "months", "week", "weeks", "day", "days", "life"}
)


def _a_term(view: SentenceView, tok: Token) -> bool:
    """The act is told with a term ("jailed for eight years", "imprisoned for life")."""
    return any(
        t.text.lower() in _TERM_WORDS
        for o in view.prep_objects(tok, ("for",))
        for t in view.noun_phrase(o)
    )


def of_the_place(actors: list[Actor], country: str) -> list[Actor]:
    """People with no country of their own, arrested or sentenced somewhere, as its people."""
    return [
        replace(a, country=country)
        if a.country is None
        and a.name is None
        and (a.sector in LOCAL_SECTORS or a.sector in {None, "UNK"})
        else a
        for a in actors
    ]


def arrested_people(view: SentenceView, tok: Token, country: str) -> list[Actor]:
    """Named people an arrest or a sentence told with no agent acts on, when the KB knows
    none of them ("Lopez, 41, was arrested at a bank in Houston", "the arrest of Maria
    Lopez"): people of the place where it happened, as :func:`of_the_place` takes an unnamed
    man to be. Only names the parser marks as people; pronouns and nouns are left to the
    resolver."""
    if tok.pos == "VERB":
        heads = view.children(tok, "nsubjpass")
    else:
        heads = view.prep_objects(tok, ("of",))
    out: list[Actor] = []
    for head in heads:
        for h in view.conjuncts(head):
            name = [t for t in view.noun_phrase(h) if t.ent == "PERSON"]
            if not name or h.ent != "PERSON":
                continue
            text, start, end = view.span_text([name[0], name[-1]])
            out.append(
                Actor(text=text, start=start, end=end, country=country, sector=None, confidence=0.3)
            )
    return out
