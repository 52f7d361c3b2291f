"""Navigation over a parsed sentence's plain tokens: children, subtrees, noun phrases.

Kept apart from the coder so quotes, modality and the coder share one view of the parse.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cached_property

from eventwire.kb.lexicon import load_lexicon
from eventwire.records import ParsedSentence, Token

#: Dependents that leave a noun phrase: clauses and punctuation are not part of an actor's name.
_NP_STOP = frozenset(
    {
        "relcl",
        "acl",
        "advcl",
        "punct",
        "appos",
        "cc",
        "conj",
        "mark",
        "ccomp",
        "parataxis",
        "dep",
        "xcomp",
        "advmod",
        "npadvmod",
    }
)
_NP_PREPS = frozenset({"of"})

#: Adverbs the parser makes the head of a two-word preposition ("out of", "away from").
COMPOUND_PREP_HEADS = load_lexicon("en").words("compound_prep_heads")


class SentenceView:
    """Children and subtree look-ups over the tokens of one sentence."""

    def __init__(self, parsed: ParsedSentence) -> None:
        self.parsed = parsed
        self.tokens = parsed.tokens

    @cached_property
    def _children(self) -> list[list[Token]]:
        kids: list[list[Token]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i:
                kids[t.head].append(t)
        return kids

    def children(self, tok: Token, *deps: str) -> list[Token]:
        kids = self._children[tok.i]
        return [k for k in kids if k.dep in deps] if deps else list(kids)

    def child(self, tok: Token, *deps: str) -> Token | None:
        kids = self.children(tok, *deps)
        return kids[0] if kids else None

    def head(self, tok: Token) -> Token | None:
        return None if tok.head == tok.i else self.tokens[tok.head]

    def ancestors(self, tok: Token) -> Iterator[Token]:
        seen = {tok.i}
        cur = self.head(tok)
        while cur is not None and cur.i not in seen:
            seen.add(cur.i)
            yield cur
            cur = self.head(cur)

    def subtree(self, tok: Token, stop: frozenset[str] = frozenset()) -> list[Token]:
        """``tok`` and its dependents in text order, leaving out branches whose relation is in
        ``stop``. Iterative, like every walk here: a parse may be a chain of thousands of
        tokens ("U.S. U.S. U.S. ...") and recursion would overflow."""
        out: dict[int, Token] = {}
        stack = [tok]
        while stack:
            cur = stack.pop()
            if cur.i in out:  # a malformed parse with a cycle must not loop
                continue
            out[cur.i] = cur
            stack.extend(kid for kid in self._children[cur.i] if kid.dep not in stop)
        return sorted(out.values(), key=lambda t: t.i)

    def noun_phrase(self, head: Token) -> list[Token]:
        """The tokens naming an entity: modifiers, compounds, possessors, "of" complements."""
        out: dict[int, Token] = {}
        seen: set[int] = set()
        stack = [head]
        while stack:
            cur = stack.pop()
            if cur.i in seen:
                continue
            seen.add(cur.i)
            out[cur.i] = cur
            stack.extend(
                kid
                for kid in self._children[cur.i]
                if self._in_phrase(kid)
                # "an Istanbul-based professor": where the phrase's noun is based names it;
                # "Kurdish-led forces", "the Saudi-led coalition": so does who leads it
                or (kid.dep == "npadvmod" and cur.text.lower() in {"based", "led"})
            )
            if cur.ent:  # a name the parser split ("al", "-", "Shabab" as three subjects)
                for tok in self._entity_rest(cur):
                    out.setdefault(tok.i, tok)
        return sorted(out.values(), key=lambda t: t.i)

    @staticmethod
    def _in_phrase(kid: Token) -> bool:
        """Whether a dependent belongs to its head's noun phrase."""
        if kid.dep in _NP_STOP or kid.pos == "SPACE":
            return False
        if kid.dep == "prep" and kid.text.lower() not in _NP_PREPS:
            return False
        return not (kid.dep == "det" and kid.text.lower() in {"the", "a", "an"})

    def _entity_rest(self, tok: Token) -> Iterator[Token]:
        """The other tokens of the entity ``tok`` is in, determiners left out."""
        i = tok.i
        while self.tokens[i].ent_iob == "I" and i > 0:
            i -= 1
            if self.tokens[i].pos != "DET":
                yield self.tokens[i]
        j = tok.i + 1
        while j < len(self.tokens) and self.tokens[j].ent_iob == "I":
            if self.tokens[j].pos != "DET":
                yield self.tokens[j]
            j += 1

    def conjuncts(self, tok: Token) -> list[Token]:
        """``tok`` and the heads coordinated with it ("Mali and Burkina Faso"), in the order a
        depth-first walk meets them."""
        out: list[Token] = []
        seen: set[int] = set()
        stack = [tok]
        while stack:
            cur = stack.pop()
            if cur.i in seen:
                continue
            seen.add(cur.i)
            out.append(cur)
            stack.extend(reversed(self._coordinated(cur)))
        return out

    def _coordinated(self, tok: Token) -> list[Token]:
        """Heads coordinated directly with ``tok``: conjuncts, then list-like appositions."""
        found = [k for k in self.children(tok, "conj") if k.pos in {"PROPN", "NOUN", "PRON"}]
        for kid in self.children(tok, "appos"):
            # "Mali, Niger, and Burkina Faso": the parser hangs a list on its first item as
            # an apposition; a list it is when the apposition itself opens a coordination.
            if (
                kid.ent
                and kid.ent == tok.ent
                and any(c.ent == kid.ent for c in self.children(kid, "conj"))
            ):
                found.append(kid)
        return found

    def prep_objects(self, tok: Token, preps: tuple[str, ...] | frozenset[str]) -> list[Token]:
        """Objects of the given prepositions under ``tok`` ("with Moscow" -> Moscow)."""
        out = []
        for prep in self.children(tok, "prep", "agent", "dative"):
            word = prep.text.lower()
            if word in preps:
                out.extend(self.children(prep, "pobj", "pcomp"))
            if word in COMPOUND_PREP_HEADS and not self.children(prep, "pobj"):
                # "pulled out of Syria", "moved away from Moscow": the parser hangs the
                # preposition under the adverb; the object is the relation's all the same
                for inner in self.children(prep, "prep"):
                    if word in preps or inner.text.lower() in preps:
                        out.extend(self.children(inner, "pobj", "pcomp"))
        return out

    def span_text(self, toks: list[Token]) -> tuple[str, int, int]:
        """Text and article offsets of a contiguous run of tokens."""
        first, last = toks[0], toks[-1]
        start, end = first.idx, last.idx + len(last.text)
        rel = self.parsed.sentence.start
        return self.parsed.sentence.text[start - rel : end - rel], start, end


_ACCORD_NOUNS = load_lexicon("en").words("accord_nouns")


def accord_follows(texts: Sequence[str]) -> bool:
    """A treaty or talks noun first in ``texts`` (the words after a place name), or after one
    or two lower-case modifiers: "the Paris climate agreement", "the Minsk peace accords" name
    where the treaty was signed, not a party or the place of an event."""
    for text in texts[:3]:
        if text.lower() in _ACCORD_NOUNS:
            return True
        if not text[:1].islower():
            return False
    return False
