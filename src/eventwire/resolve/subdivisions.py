"""Which country a named organisation belongs to when its name carries a province or state.

"Aboriginal Medical Services Alliance Northern Territory", "Borno Elders Forum": an unknown
organisation named after a first-level subdivision is of that subdivision's country. The names
come from pycountry's ISO 3166-2 table (a registry package, read once and cached); only names of
two or more words that belong to one country alone are used, so "Central Region" (a dozen
countries) or a bare "Victoria" never decide anything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

import pycountry

from eventwire.kb.loader import normalise

#: Words that alone make no name: compass points and the designators many countries reuse
#: ("North West", "Central Region", "Eastern Province").
_GENERIC = frozenset(
    """north south east west northern southern eastern western central north-east north-west
    south-east south-west northeast northwest southeast southwest upper lower middle greater
    new region province district department governorate county division zone area
    municipality prefecture""".split()
)
#: Longest subdivision name tried, in words.
MAX_WORDS = 4


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """Normalised subdivision name -> ISO alpha-3 of its only country."""
    owners: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        name = normalise(sub.name)
        words = name.split()
        if len(words) < 2 or all(w in _GENERIC for w in words):
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is not None:
            owners[name].add(country.alpha_3)
    return {name: next(iter(c)) for name, c in owners.items() if len(c) == 1}


def subdivision_country(words: Sequence[str]) -> str | None:
    """The country of the longest subdivision name inside ``words``, if exactly one."""
    index = _index()
    norm = [normalise(w) for w in words]
    for size in range(min(MAX_WORDS, len(norm)), 1, -1):
        for i in range(len(norm) - size + 1):
            hit = index.get(" ".join(norm[i : i + size]))
            if hit:
                return hit
    return None
