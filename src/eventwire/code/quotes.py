"""Direct quotations and who said them.

A quotation is text between double quotes (straight or typographic) of at least four words; its
speaker is the subject of a speech verb in the sentence where the quote closes or opens
("..., said a spokesman for the ministry"; "Tinubu said: ...").
"""

from __future__ import annotations

import hashlib
import re

from eventwire.code.coder import ActorFn
from eventwire.records import ParsedSentence, Quote
from eventwire.syntax import SentenceView

CUE_LEMMAS = frozenset(
    {
        "say",
        "tell",
        "add",
        "remark",
        "state",
        "declare",
        "insist",
        "warn",
        "note",
        "explain",
        "write",
        "stress",
        "argue",
        "claim",
        "announce",
        "recall",
        "ask",
        "reply",
        "respond",
        "affirm",
        "assert",
        "comment",
    }
)
_QUOTE = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{10,2000}?)[\"\u201d]")


def find_quotes(
    text: str, sentences: list[ParsedSentence], *, article_id: str, actor_fn: ActorFn
) -> list[Quote]:
    """Every direct quotation of four words or more, with its cue verb and resolved speaker."""
    out: list[Quote] = []
    for m in _QUOTE.finditer(text):
        body = m.group(1).strip()
        if len(body.split()) < 4:
            continue
        start, end = m.start(1), m.end(1)
        speaker, cue, sent_index = None, None, _sentence_at(sentences, start)
        for ps in _around(sentences, start, end):
            view = SentenceView(ps)
            for tok in view.tokens:
                if tok.pos != "VERB" or tok.lemma.lower() not in CUE_LEMMAS:
                    continue
                if start <= tok.idx < end:
                    continue  # a speech verb inside the quotation is not its cue
                cue = tok.text
                subj = view.child(tok, "nsubj")
                if subj is None or subj.pos == "PRON" and subj.idx < tok.idx < start:
                    # inverted speech: "..., remarked one of the instructors"
                    after = [
                        k
                        for k in view.children(tok, "dobj", "attr", "npadvmod", "nsubj")
                        if k.idx > tok.idx
                    ]
                    subj = after[0] if after else subj
                if subj is not None:
                    speaker = actor_fn(view.noun_phrase(subj), subj)
                break
            if cue:
                break
        qid = hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:16]
        out.append(
            Quote(
                quote_id=qid,
                article_id=article_id,
                sentence=sent_index,
                text=body,
                start=start,
                end=end,
                speaker=speaker,
                cue=cue,
            )
        )
    return out


def _sentence_at(sentences: list[ParsedSentence], offset: int) -> int:
    for ps in sentences:
        if ps.sentence.start <= offset < ps.sentence.end + 2:
            return ps.sentence.index
    return 0


def _around(sentences: list[ParsedSentence], start: int, end: int) -> list[ParsedSentence]:
    """The sentence holding the closing quote first, then the one holding the opening quote."""
    closing = [ps for ps in sentences if ps.sentence.start <= end <= ps.sentence.end + 2]
    opening = [ps for ps in sentences if ps.sentence.start <= start <= ps.sentence.end]
    seen: set[int] = set()
    out = []
    for ps in closing + opening:
        if ps.sentence.index not in seen:
            seen.add(ps.sentence.index)
            out.append(ps)
    return out
