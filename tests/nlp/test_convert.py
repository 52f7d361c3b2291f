"""The conversion reads spaCy's arrays column by column and fills the Token records' slots
directly (for speed); these tests compare it with the plain reading, token by token through
spaCy's own attributes and the records' constructors, so a shortcut that changes any value
fails here."""

from __future__ import annotations

import pickle

from eventwire.nlp.convert import VERB_LEMMA_FIXES, doc_to_sentences
from eventwire.nlp.model import get_nlp
from eventwire.records import Mention, ParsedSentence, Sentence, Token

TEXT = (
    "DAMASCUS, March 3 - Syrian troops and rebels clashed near Daraa on Tuesday, a spokesman "
    "said.\n\n  The rebels  hoped to hold the town.\u2014 Police \u201cwithdrew\u201d.\n\n"
    "The United Nations said 14 people were killed.  "
)


def _plain(text: str, offset: int, first_index: int) -> list[ParsedSentence]:
    """The straightforward conversion: spaCy's Token and Span attributes, one by one."""
    doc = get_nlp()(text)
    out = []
    index = first_index
    for sent in doc.sents:
        content = [t for t in sent if t.pos_ != "SPACE"]
        if not content:
            continue
        start, end = content[0].idx, content[-1].idx + len(content[-1].text)
        paragraph = doc.text.count("\n\n", 0, start)
        toks = tuple(
            Token(
                i=t.i - sent.start,
                text=t.text,
                idx=t.idx + offset,
                lemma=VERB_LEMMA_FIXES.get(t.text.lower(), t.lemma_)
                if t.pos_ == "VERB"
                else t.lemma_,
                pos=t.pos_,
                tag=t.tag_,
                dep=t.dep_,
                head=t.head.i - sent.start,
                ent=t.ent_type_,
                ent_iob=t.ent_iob_,
                ws=t.whitespace_,
            )
            for t in sent
        )
        mentions = tuple(
            Mention(
                text=e.text,
                start=e.start_char + offset,
                end=e.end_char + offset,
                label=e.label_,
                sentence=index,
            )
            for e in doc.ents
            if sent.start <= e.start < sent.end
        )
        sentence = Sentence(
            article_id="t",
            index=index,
            paragraph=paragraph,
            start=start + offset,
            end=end + offset,
            text=doc.text[start:end],
        )
        out.append(ParsedSentence(sentence=sentence, tokens=toks, mentions=mentions))
        index += 1
    return out


def test_conversion_equals_the_plain_reading() -> None:
    got = doc_to_sentences(get_nlp()(TEXT), "t", offset=40, first_index=2)
    assert got == _plain(TEXT, 40, 2)
    assert len(got) == 4 and any(t.ent for s in got for t in s.tokens)


def test_converted_tokens_hash_and_pickle_as_constructed_ones() -> None:
    got = doc_to_sentences(get_nlp()(TEXT), "t")
    built = _plain(TEXT, 0, 0)
    for mine, theirs in zip(got[0].tokens, built[0].tokens, strict=True):
        assert hash(mine) == hash(theirs) and repr(mine) == repr(theirs)
        assert pickle.loads(pickle.dumps(mine)) == theirs


def test_an_empty_doc_has_no_sentences() -> None:
    assert doc_to_sentences(get_nlp()(""), "t") == []
