"""spaCy Doc -> eventwire records. The only module, with model.py, that touches spaCy objects.

Everything downstream (resolvers, coder) reads plain :class:`Token` records, so it runs the same
in a worker process, on Spark, or in a test that builds tokens by hand.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from eventwire.nlp.model import PARAGRAPH_BREAK
from eventwire.records import Mention, ParsedSentence, Sentence, Token


def doc_to_sentences(
    doc: Doc, article_id: str, offset: int = 0, first_index: int = 0, first_paragraph: int = 0
) -> list[ParsedSentence]:
    """Split a parsed Doc into sentences of plain tokens; offsets shifted by ``offset``."""
    out: list[ParsedSentence] = []
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(doc.text)]
    index = first_index
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        start_tok, end_tok = tokens[0], tokens[-1]
        start = start_tok.idx
        end = end_tok.idx + len(end_tok.text)
        text = doc.text[start:end]
        paragraph = first_paragraph + bisect_right(breaks, start)
        sentence = Sentence(
            article_id=article_id,
            index=index,
            paragraph=paragraph,
            start=start + offset,
            end=end + offset,
            text=text,
        )
        base = sent.start
        toks = tuple(
            Token(
                i=t.i - base,
                text=t.text,
                idx=t.idx + offset,
                lemma=t.lemma_,
                pos=t.pos_,
                tag=t.tag_,
                dep=t.dep_,
                head=t.head.i - base,
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
            for e in sent.ents
        )
        out.append(ParsedSentence(sentence=sentence, tokens=toks, mentions=mentions))
        index += 1
    return out


_PARAGRAPH_BREAK = PARAGRAPH_BREAK
