"""The coder's passes on sentences whose parse is written by hand (no model): each pass alone."""

from __future__ import annotations

from eventwire.code.candidates import CandidateFinder
from eventwire.code.eventhood import natural_cause
from eventwire.code.grammar import controller_subject, light_verb
from eventwire.code.patterns import get_index
from eventwire.records import ParsedSentence, Sentence, Token
from eventwire.syntax import SentenceView


def parse(words: list[tuple[str, str, str, str, int]]) -> SentenceView:
    """(text, lemma, pos, dep, head) per token; offsets follow from single spaces."""
    toks, at = [], 0
    for i, (text, lemma, pos, dep, head) in enumerate(words):
        toks.append(
            Token(i=i, text=text, idx=at, lemma=lemma, pos=pos, tag="", dep=dep, head=head, ws=" ")
        )
        at += len(text) + 1
    text = " ".join(w[0] for w in words)
    sent = Sentence(article_id="t", index=0, paragraph=0, start=0, end=len(text), text=text)
    return SentenceView(ParsedSentence(sentence=sent, tokens=tuple(toks)))


STORM = parse(
    [
        ("The", "the", "DET", "det", 1),
        ("storm", "storm", "NOUN", "nsubj", 2),
        ("killed", "kill", "VERB", "ROOT", 2),
        ("ten", "ten", "NUM", "nummod", 4),
        ("people", "people", "NOUN", "dobj", 2),
    ]
)
EXPEL = parse(
    [
        ("Niger", "Niger", "PROPN", "nsubj", 1),
        ("expelled", "expel", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 4),
        ("French", "french", "ADJ", "amod", 4),
        ("ambassador", "ambassador", "NOUN", "dobj", 1),
    ]
)
HELD_TALKS = parse(
    [
        ("Mali", "Mali", "PROPN", "nsubj", 2),
        ("will", "will", "AUX", "aux", 2),
        ("hold", "hold", "VERB", "ROOT", 2),
        ("talks", "talk", "NOUN", "dobj", 2),
        ("with", "with", "ADP", "prep", 3),
        ("Algeria", "Algeria", "PROPN", "pobj", 4),
    ]
)
AGREED_TO_WITHDRAW = parse(
    [
        ("France", "France", "PROPN", "nsubj", 1),
        ("agreed", "agree", "VERB", "ROOT", 1),
        ("to", "to", "PART", "aux", 3),
        ("withdraw", "withdraw", "VERB", "xcomp", 1),
        ("troops", "troop", "NOUN", "dobj", 3),
    ]
)


def test_candidates_pass_picks_the_constrained_pattern() -> None:
    finder = CandidateFinder(get_index())
    pattern = finder.match(EXPEL, EXPEL.tokens[1])
    assert pattern is not None and pattern.code.startswith("16")
    assert finder.match(EXPEL, EXPEL.tokens[4]) is None  # "ambassador" is no trigger


def test_eventhood_pass_knows_a_force_of_nature() -> None:
    assert natural_cause(STORM, STORM.tokens[2])
    assert not natural_cause(EXPEL, EXPEL.tokens[1])


def test_light_verb_and_controlling_subject() -> None:
    assert light_verb(HELD_TALKS, HELD_TALKS.tokens[3]) is HELD_TALKS.tokens[2]
    subj = controller_subject(AGREED_TO_WITHDRAW, AGREED_TO_WITHDRAW.tokens[3])
    assert [t.text for t in subj] == ["France"]
