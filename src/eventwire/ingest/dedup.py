"""Article identity and near-duplicate detection.

Wire stories are republished with cosmetic edits (curly vs straight quotes, re-flowed lines,
a changed byline sentence). Counting each copy would inflate event counts, so the id is a hash
of a normalised body, and near-copies are found with MinHash LSH over word 5-shingles.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from typing import Any

__all__ = ["NearDuplicateIndex", "article_id", "normalise_for_id"]

logger = logging.getLogger(__name__)

_PUNCT_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\ufeff": None,
    }
)
_WORD = re.compile(r"\w+")


def normalise_for_id(text: str) -> str:
    """The form of a body that identity is computed on: NFKC, casefolded, plain punctuation,
    single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT_MAP).casefold()
    return " ".join(text.split())


def article_id(text: str) -> str:
    """Stable id of an article body: 16 hex digits of SHA-1 over :func:`normalise_for_id`."""
    return hashlib.sha1(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]


class NearDuplicateIndex:
    """Remembers article bodies and tells whether a new one nearly repeats an earlier one.

    Candidates from the LSH buckets are confirmed by their estimated Jaccard similarity, so the
    answer does not depend on bucket collisions. Not thread-safe; one index per run, filled at
    start from the signatures the store keeps (:meth:`load`), so near copies are found across
    runs; :meth:`signature` is what the store keeps of each indexed body.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128, shingle: int = 5) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        from datasketch import MinHash

        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._scheme = str(MinHash(num_perm=1).scheme)
        self._hashes: dict[str, Any] = {}
        self._order: dict[str, int] = {}
        self._next = 0

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._hashes

    @property
    def params(self) -> tuple[float, int, int]:
        """(threshold, permutations, shingle size): signatures made with others do not mix."""
        return (self.threshold, self.num_perm, self.shingle)

    @property
    def scheme(self) -> str:
        """datasketch's hashing scheme of the signatures (stored with them)."""
        return self._scheme

    def signature(self, article_id: str) -> bytes | None:
        """The MinHash values of an indexed article as bytes (None when it is not indexed)."""
        minhash = self._hashes.get(article_id)
        return None if minhash is None else bytes(minhash.hashvalues.astype("<u8").tobytes())

    def order(self, article_id: str) -> int | None:
        """The position an indexed article was added at (ties go to the earliest)."""
        return self._order.get(article_id)

    def load(self, article_id: str, signature: bytes, order: int) -> None:
        """Index a stored signature (from :meth:`signature`) at its stored position."""
        import numpy as np
        from datasketch import LeanMinHash

        if article_id in self._hashes:
            return
        values = np.frombuffer(signature, dtype="<u8").astype(np.uint64)
        if len(values) != self.num_perm:
            return
        # the lean kind: a full MinHash would build its permutations again for each signature
        minhash = LeanMinHash(seed=1, hashvalues=values, scheme=self.scheme)
        self._lsh.insert(article_id, minhash)
        self._hashes[article_id] = minhash
        self._order[article_id] = order
        self._next = max(self._next, order + 1)

    def add(self, article_id: str, text: str) -> str | None:
        """Return the id of an earlier near-duplicate of ``text``, or None after indexing it.

        Re-adding a known id returns that id. Texts without words are neither matched nor
        indexed: an empty body says nothing about duplication.
        """
        if article_id in self._hashes:
            return article_id
        minhash = self._minhash(text)
        if minhash is None:
            return None
        best: tuple[float, int, str] | None = None
        for candidate in self._lsh.query(minhash):
            similarity = minhash.jaccard(self._hashes[candidate])
            if similarity < self.threshold:
                continue
            key = (-similarity, self._order[candidate], candidate)
            if best is None or key < best:
                best = key
        if best is not None:
            logger.debug("%s nearly duplicates %s (J~%.2f)", article_id, best[2], -best[0])
            return best[2]
        # kept lean: a MinHash carries its own permutation tables (2 KB at 128 permutations),
        # which only hashing needs; the index holds one signature per article of every run
        from datasketch import LeanMinHash

        lean = LeanMinHash(minhash)
        self._lsh.insert(article_id, lean)
        self._hashes[article_id] = lean
        self._order[article_id] = self._next
        self._next += 1
        return None

    def _minhash(self, text: str) -> Any:
        from datasketch import MinHash

        words = _WORD.findall(normalise_for_id(text))
        if not words:
            return None
        n = self.shingle
        if len(words) <= n:
            shingles = {" ".join(words)}
        else:
            shingles = {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}
        minhash = MinHash(num_perm=self.num_perm)
        minhash.update_batch([s.encode("utf-8") for s in sorted(shingles)])
        return minhash
