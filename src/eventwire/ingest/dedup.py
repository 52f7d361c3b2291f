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
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

__all__ = [
    "SCHEME",
    "NearDuplicateIndex",
    "StoredSignatures",
    "article_id",
    "band_keys",
    "lsh_shape",
    "minhash",
    "normalise_for_id",
]

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


class StoredSignatures(Protocol):
    """Where an index finds the articles indexed before it was made: the store's
    ``article_minhash`` rows and their band keys (:func:`band_keys`), queried by band."""

    def candidates(self, keys: Sequence[int]) -> list[tuple[int, str, int, bytes]]:
        """(band key, article id, order, signature) of the stored articles sharing one of
        ``keys``, once per key shared."""
        ...

    def contains(self, article_id: str) -> bool: ...

    def count(self) -> int: ...

    def next_order(self) -> int:
        """One past the largest stored order (0 when none is stored)."""
        ...


# The signature scheme: each shingle's SHA-1 (its first 4 bytes, little-endian) mixed by the
# 32-bit MurmurHash3 finaliser, then permuted by h -> a*h + b mod 2**32 (a odd, so a bijection)
# with (a, b) drawn from ``np.random.RandomState(seed)``; a signature is the minimum of each
# permutation over the shingles. "affine32" is the name datasketch 2.0.0 gives this scheme (the
# stores written before kept it in ``article_minhash.scheme``), and the values are the same.
SCHEME = "affine32"
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)
# rows of shingles permuted at once: bounds the (rows x num_perm) working array to 2 MB
_CHUNK = 4096


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int = 1) -> tuple[Any, Any]:
    """The (a, b) uint32 parameters of the ``num_perm`` permutations: the same draws from the
    seeded generator as datasketch's, so stored signatures stay comparable."""
    rng = np.random.RandomState(seed)
    a = rng.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = rng.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def shingle_hashes(shingles: Iterable[bytes]) -> Any:
    """uint32 hashes of the shingles, mixed (fmix32) so that every bit of the permuted value
    depends on every bit of the hash."""
    digests = b"".join(hashlib.sha1(s).digest() for s in shingles)
    h = np.frombuffer(digests, dtype="<u4").reshape(-1, 5)[:, 0].astype(np.uint32)
    s1, m1, s2, m2, s3 = _FMIX32
    h ^= h >> np.uint32(s1)
    h *= np.uint32(m1)
    h ^= h >> np.uint32(s2)
    h *= np.uint32(m2)
    h ^= h >> np.uint32(s3)
    return h


def minhash(shingles: Sequence[bytes], num_perm: int, seed: int = 1) -> Any:
    """The MinHash signature (``num_perm`` uint32) of a non-empty set of shingles: every
    permutation applied to every shingle hash in one array operation, not a loop."""
    a, b = permutations(num_perm, seed)
    hashes = shingle_hashes(shingles)
    out = np.full(num_perm, 0xFFFFFFFF, dtype=np.uint32)
    for start in range(0, len(hashes), _CHUNK):
        chunk = hashes[start : start + _CHUNK, None]
        np.minimum(out, (chunk * a + b).min(axis=0), out=out)
    return out


def _band_errors(threshold: float, num_perm: int) -> tuple[Any, Any, Any]:
    """For every (bands, rows) with bands * rows <= num_perm, in the order (bands, then rows)
    ascending: the areas under the chance of becoming candidates below ``threshold`` (false
    positives) and of not becoming candidates above it (false negatives).

    The chance, 1 - (1 - s**rows)**bands, is a polynomial of degree bands * rows <= num_perm in
    the similarity s, so Gauss-Legendre quadrature with num_perm // 2 + 1 nodes on each side of
    the threshold integrates it exactly (up to rounding): no adaptive integration needed."""
    pairs = [(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)]
    bands = np.array([p[0] for p in pairs], dtype=np.float64)[:, None]
    rows = np.array([p[1] for p in pairs], dtype=np.float64)[:, None]
    nodes, weights = np.polynomial.legendre.leggauss(num_perm // 2 + 1)

    def integral(lo: float, hi: float, negative: bool) -> Any:
        s = (hi - lo) / 2 * nodes + (hi + lo) / 2
        candidate = 1.0 - (1.0 - s**rows) ** bands
        values = 1.0 - candidate if negative else candidate
        return (values * weights).sum(axis=1) * (hi - lo) / 2

    return np.array(pairs), integral(0.0, threshold, False), integral(threshold, 1.0, True)


@lru_cache(maxsize=8)
def lsh_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) for ``threshold``: the shape with the least false-positive plus
    false-negative area, the first of equals in (bands, rows) order, as datasketch's
    ``MinHashLSH`` picks it with equal weights (stored band keys depend on it). Two
    signatures are candidates when they agree on every row of one band."""
    if not 0.0 <= threshold <= 1.0 or num_perm < 2:
        raise ValueError(f"no LSH shape for threshold {threshold} and {num_perm} permutations")
    pairs, false_pos, false_neg = _band_errors(threshold, num_perm)
    best = int(np.argmin(false_pos * 0.5 + false_neg * 0.5))
    bands, rows = (int(v) for v in pairs[best])
    if bands < 2:
        raise ValueError(f"threshold {threshold} needs fewer than 2 bands of {num_perm}")
    return bands, rows


def band_keys(values: Any, threshold: float, num_perm: int) -> list[int]:
    """One signed 64-bit key per band of the signature ``values`` (``num_perm`` uint64): the
    band's number, its width and its values hashed. Equal bands give equal keys, so the
    candidates of a signature are the articles sharing one of its keys, in memory or in the
    database alike; a rare collision of unequal bands only adds a candidate, and every
    candidate is confirmed by its estimated Jaccard similarity."""
    bands, rows = lsh_shape(threshold, num_perm)
    raw = values.astype("<u8").tobytes()
    width = rows * 8
    out = []
    for band in range(bands):
        digest = hashlib.blake2b(raw[band * width : (band + 1) * width], digest_size=8)
        digest.update(b"%d:%d" % (band, rows))
        out.append(int.from_bytes(digest.digest(), "little", signed=True))
    return out


class NearDuplicateIndex:
    """Remembers article bodies and tells whether a new one nearly repeats an earlier one.

    Candidates share a band of their MinHash signature (LSH) and are confirmed by their
    estimated Jaccard similarity, so the answer does not depend on bucket collisions. Not
    thread-safe. In memory alone by default; with :meth:`use_store`, the articles indexed
    before live in the database and are looked up by band for each new body, so only the
    articles indexed since and not yet stored are held in memory (:meth:`forget` drops those
    the store has written): a run's memory no longer grows with the database. :meth:`signature`
    is what the store keeps of each indexed body.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128, shingle: int = 5) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self._stored: StoredSignatures | None = None
        # the bodies indexed here and not yet forgotten: values, order and band keys
        self._values: dict[str, Any] = {}
        self._order: dict[str, int] = {}
        self._keys: dict[str, list[int]] = {}
        self._buckets: dict[int, list[str]] = {}
        self._next = 0

    def use_store(self, stored: StoredSignatures) -> None:
        """Look earlier articles up in ``stored``; new ones are ordered after its last."""
        self._stored = stored
        self._next = max(self._next, stored.next_order())

    def __len__(self) -> int:
        return len(self._values) + (self._stored.count() if self._stored else 0)

    def __contains__(self, article_id: str) -> bool:
        if article_id in self._values:
            return True
        return self._stored is not None and self._stored.contains(article_id)

    @property
    def params(self) -> tuple[float, int, int]:
        """(threshold, permutations, shingle size): signatures made with others do not mix."""
        return (self.threshold, self.num_perm, self.shingle)

    @property
    def scheme(self) -> str:
        """The hashing scheme of the signatures (stored with them; :data:`SCHEME`)."""
        return SCHEME

    @property
    def held(self) -> int:
        """Bodies held in memory (indexed here and not yet forgotten)."""
        return len(self._values)

    def signature(self, article_id: str) -> bytes | None:
        """The MinHash values of an article indexed here as bytes (None when it is not held)."""
        values = self._values.get(article_id)
        return None if values is None else bytes(values.astype("<u8").tobytes())

    def order(self, article_id: str) -> int | None:
        """The position an article held here was added at (ties go to the earliest)."""
        return self._order.get(article_id)

    def forget(self, article_ids: Iterable[str]) -> None:
        """Drop articles the store now holds (with their signatures) from memory; later
        bodies find them in the store. Only with :meth:`use_store`."""
        if self._stored is None:
            raise ValueError("forget() needs a store to find the forgotten articles in")
        for article_id in article_ids:
            if self._values.pop(article_id, None) is None:
                continue
            del self._order[article_id]
            for key in self._keys.pop(article_id):
                bucket = self._buckets[key]
                bucket.remove(article_id)
                if not bucket:
                    del self._buckets[key]

    def add(self, article_id: str, text: str) -> str | None:
        """Return the id of an earlier near-duplicate of ``text``, or None after indexing it.

        Re-adding a known id returns that id (a stored one is found by its own bands). Texts
        without words are neither matched nor indexed: an empty body says nothing about
        duplication.
        """
        return self.add_many([(article_id, text)])[0]

    def add_many(self, items: Sequence[tuple[str, str]]) -> list[str | None]:
        """:meth:`add` for each (id, text) in turn, with one look-up in the store for all of
        them: a query costs DuckDB about a millisecond of CPU whatever it finds, a signature
        about a millisecond to compute, and the run's main process shares the cores with its
        workers."""
        prepared: list[tuple[str, Any, list[int]]] = []
        wanted: set[int] = set()
        for article_id, text in items:
            values = None if article_id in self._values else self._minhash(text)
            if values is None:
                prepared.append((article_id, None, []))
                continue
            keys = band_keys(values, self.threshold, self.num_perm)
            wanted.update(keys)
            prepared.append((article_id, values, keys))
        stored: dict[int, list[tuple[str, int, Any]]] = {}
        if self._stored is not None and wanted:
            for band_key, candidate, order, blob in self._stored.candidates(sorted(wanted)):
                other = np.frombuffer(blob, dtype="<u8")
                if len(other) == self.num_perm:
                    stored.setdefault(band_key, []).append((candidate, order, other))
        return [self._place(a, values, keys, stored) for a, values, keys in prepared]

    def _place(
        self,
        article_id: str,
        values: Any,
        keys: list[int],
        stored: dict[int, list[tuple[str, int, Any]]],
    ) -> str | None:
        """The earlier near-duplicate of one body among the held and the ``stored``
        candidates (by band key), else None after holding it."""
        if article_id in self._values:
            return article_id
        if values is None:
            return None
        found: dict[str, tuple[int, Any]] = {}
        for band_key in keys:
            for candidate in self._buckets.get(band_key, ()):
                found[candidate] = (self._order[candidate], self._values[candidate])
            for candidate, order, other in stored.get(band_key, ()):
                if candidate == article_id:  # stored before: its own bands find it
                    return article_id
                found.setdefault(candidate, (order, other))
        best: tuple[float, int, str] | None = None
        for candidate, (order, other) in found.items():
            # the estimated Jaccard similarity: the share of equal values
            similarity = float(np.count_nonzero(values == other)) / self.num_perm
            if similarity < self.threshold:
                continue
            rank = (-similarity, order, candidate)
            if best is None or rank < best:
                best = rank
        if best is not None:
            logger.debug("%s nearly duplicates %s (J~%.2f)", article_id, best[2], -best[0])
            return best[2]
        self._values[article_id] = values
        self._order[article_id] = self._next
        self._keys[article_id] = keys
        for band_key in keys:
            self._buckets.setdefault(band_key, []).append(article_id)
        self._next += 1
        return None

    def _minhash(self, text: str) -> Any:
        """The signature of a body's word shingles (the whole body when it is shorter than
        one shingle), or None when it has no words."""
        words = _WORD.findall(normalise_for_id(text))
        if not words:
            return None
        n = self.shingle
        if len(words) <= n:
            shingles = {" ".join(words)}
        else:
            shingles = {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}
        return minhash([s.encode("utf-8") for s in shingles], self.num_perm)
