"""spaCy Doc -> eventwire records. The only module, with model.py, that touches spaCy objects.

Everything downstream (resolvers, coder) reads plain :class:`Token` records, so it runs the same
in a worker process, on Spark, or in a test that builds tokens by hand.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import deque
from dataclasses import fields
from typing import Any

import numpy as np
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

    Token attributes are read in one ``to_array`` call, column by column, and each distinct
    string is looked up once: per-token property access (``doc.text`` too, which makes a
    Token object per token) would cost as much as the parser.
    """
    arr = doc.to_array([ORTH, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, ENT_IOB, IDX, SPACY])
    if not len(arr):
        return []
    store = doc.vocab.strings
    cols = arr.T.tolist()
    names: dict[int, str] = {0: ""}
    for column in (cols[0], cols[1], cols[2], cols[3], cols[4], cols[6]):
        for h in set(column).difference(names):
            names[h] = store[h]
    get = names.__getitem__
    orth, lemmas, pos, tag, dep, ent = (list(map(get, cols[c])) for c in (0, 1, 2, 3, 4, 6))
    # HEAD comes as unsigned 64-bit offsets: the same bits read as signed
    heads = np.ascontiguousarray(arr[:, 5]).view(np.int64).tolist()
    iob = [_IOB[v] for v in cols[7]]
    idx = cols[8]
    ws = [" " if v else "" for v in cols[9]]
    # what ``doc.text`` joins, from the columns already read
    text = "".join([o + w for o, w in zip(orth, ws, strict=True)])
    ents = [(e.start, e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    bounds = [(s.start, s.end) for s in doc.sents]
    within = [0] * len(orth)  # a token's index within its sentence
    for sent_start, sent_end in bounds:
        within[sent_start:sent_end] = range(sent_end - sent_start)
    tokens = _make_tokens(
        len(orth),
        i=within,
        text=orth,
        idx=[v + offset for v in idx] if offset else idx,
        lemma=list(map(_lemma, orth, lemmas, pos)),
        pos=pos,
        tag=tag,
        dep=dep,
        head=[w + h for w, h in zip(within, heads, strict=True)],
        ent=ent,
        ent_iob=iob,
        ws=ws,
    )
    out: list[ParsedSentence] = []
    index = first_index
    for sent_start, sent_end in bounds:
        content = [i for i in range(sent_start, sent_end) if pos[i] != "SPACE"]
        if not content:
            continue
        start = idx[content[0]]
        end = idx[content[-1]] + len(orth[content[-1]])
        sentence = Sentence(
            article_id=article_id,
            index=index,
            paragraph=first_paragraph + bisect_right(breaks, start),
            start=start + offset,
            end=end + offset,
            text=text[start:end],
        )
        toks = tuple(tokens[sent_start:sent_end])
        mentions = tuple(
            Mention(text=et, start=ec + offset, end=ee + offset, label=el, sentence=index)
            for es, ec, ee, et, el in ents
            if sent_start <= es < sent_end
        )
        out.append(ParsedSentence(sentence=sentence, tokens=toks, mentions=mentions))
        index += 1
    return out


_TOKEN_FIELDS = tuple(f.name for f in fields(Token))
_SLOT_SETTERS = tuple(getattr(Token, name).__set__ for name in _TOKEN_FIELDS)
if "__post_init__" in vars(Token) or not hasattr(Token, "__slots__"):
    raise TypeError("_make_tokens fills Token's slots directly: it needs a plain slotted record")


def _make_tokens(n: int, **columns: list[Any]) -> list[Token]:
    """``n`` Tokens from one list per field. The slots are filled a field at a time for all
    tokens (``map`` over the slot's setter, in C) rather than by the frozen dataclass's
    ``__init__``, whose eleven ``object.__setattr__`` calls per token cost as much as the rest
    of the conversion; the records are the same (equal, same hash, same pickle)."""
    tokens = [_new(Token) for _ in range(n)]
    for name, setter in zip(_TOKEN_FIELDS, _SLOT_SETTERS, strict=True):
        deque(map(setter, tokens, columns[name]), maxlen=0)
    return tokens


_new = object.__new__
#: spaCy's ENT_IOB integers.
_IOB = ("", "I", "O", "B")
_PARAGRAPH_BREAK = PARAGRAPH_BREAK


def _lemma(form: str, lemma: str, pos: str) -> str:
    if pos == "VERB":
        return VERB_LEMMA_FIXES.get(form.lower(), lemma)
    return lemma
