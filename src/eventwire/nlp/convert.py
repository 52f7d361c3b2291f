"""spaCy Doc -> eventwire records. The only module, with model.py, that touches spaCy objects.

Everything downstream (resolvers, coder) reads plain :class:`Token` records, so it runs the same
in a worker process, on Spark, or in a test that builds tokens by hand.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, ORTH, POS, SPACY, TAG
from spacy.tokens import Doc

from eventwire.kb.lexicon import load_lexicon
from eventwire.nlp.model import PARAGRAPH_BREAK
from eventwire.records import Mention, ParsedSentence, Sentence, Token

#: Verb forms the model's rule lemmatizer gets wrong ("hoped" -> "hop", "waged" -> "wag"):
#: form -> lemma, for tokens tagged as verbs (the noun "wages" keeps its own lemma).
VERB_LEMMA_FIXES = dict(load_lexicon("en").pairs("verb_lemma_fixes"))


def doc_to_sentences(
    doc: Doc, article_id: str, offset: int = 0, first_index: int = 0, first_paragraph: int = 0
) -> list[ParsedSentence]:
    """Split a parsed Doc into sentences of plain tokens; offsets shifted by ``offset``.

    Token attributes are read in one ``to_array`` call and their strings looked up once per
    distinct value: per-token property access would cost as much as the parser.
    """
    arr = doc.to_array([ORTH, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, ENT_IOB, IDX, SPACY])
    store = doc.vocab.strings
    cache: dict[int, str] = {}

    def string(h: int) -> str:
        if h not in cache:
            cache[h] = store[h] if h else ""
        return cache[h]

    rows = arr.tolist()
    ents = [(e.start, e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(doc.text)]
    out: list[ParsedSentence] = []
    index = first_index
    text = doc.text
    for sent_start, sent_end in [(s.start, s.end) for s in doc.sents]:
        content = [i for i in range(sent_start, sent_end) if string(rows[i][2]) != "SPACE"]
        if not content:
            continue
        first, last = rows[content[0]], rows[content[-1]]
        start = first[8]
        end = last[8] + len(string(last[0]))
        sentence = Sentence(
            article_id=article_id,
            index=index,
            paragraph=first_paragraph + bisect_right(breaks, start),
            start=start + offset,
            end=end + offset,
            text=text[start:end],
        )
        toks = tuple(
            Token(
                i=i - sent_start,
                text=string(r[0]),
                idx=r[8] + offset,
                lemma=_lemma(string(r[0]), string(r[1]), string(r[2])),
                pos=string(r[2]),
                tag=string(r[3]),
                dep=string(r[4]),
                head=i + _signed(r[5]) - sent_start,
                ent=string(r[6]),
                ent_iob=_IOB[r[7]],
                ws=" " if r[9] else "",
            )
            for i, r in ((i, rows[i]) for i in range(sent_start, sent_end))
        )
        mentions = tuple(
            Mention(text=et, start=ec + offset, end=ee + offset, label=el, sentence=index)
            for es, ec, ee, et, el in ents
            if sent_start <= es < sent_end
        )
        out.append(ParsedSentence(sentence=sentence, tokens=toks, mentions=mentions))
        index += 1
    return out


def _signed(value: int) -> int:
    """``to_array`` returns HEAD offsets as unsigned 64-bit integers."""
    return value - (1 << 64) if value >= 1 << 63 else value


#: spaCy's ENT_IOB integers.
_IOB = ("", "I", "O", "B")
_PARAGRAPH_BREAK = PARAGRAPH_BREAK


def _lemma(form: str, lemma: str, pos: str) -> str:
    if pos == "VERB":
        return VERB_LEMMA_FIXES.get(form.lower(), lemma)
    return lemma
