"""Verb lemmas the model's rule lemmatizer gets wrong are corrected when its output becomes
our tokens; each form below is one the pinned model gets wrong (checked when the table was
written), so these tests fail if the correction is lost."""

from __future__ import annotations

from eventwire.nlp.convert import doc_to_sentences
from eventwire.nlp.model import get_nlp


def _lemma(text: str, form: str) -> str:
    sents = doc_to_sentences(get_nlp()(text), "t")
    return next(t.lemma for s in sents for t in s.tokens if t.text == form)


def test_wrong_verb_lemmas_are_corrected():
    assert _lemma("Mali hoped to reopen its embassy in Algiers.", "hoped") == "hope"
    assert _lemma("The rebels waged a long war on the army.", "waged") == "wage"
    assert _lemma("Protesters staged a sit-in outside parliament.", "staged") == "stage"


def test_a_noun_keeps_its_own_lemma():
    # "wages" as pay is a noun: the verb table does not touch it
    assert _lemma("Teachers said their wages had not been paid.", "wages") == "wage"


def test_a_hope_to_act_is_a_plan_not_an_act(processor):
    text = "Niger's prime minister said his government hoped to work with Russian companies."
    evs = [e for e in processor.process_text(text, published="2024-01-16").events]
    assert evs and all(e.modality != "asserted" for e in evs if e.trigger.text == "work")
