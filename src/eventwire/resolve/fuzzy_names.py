"""Organisation names spelled another way: "Ahlu Sunnah Wa-Jama" for "Ahlu Sunna Waljama'a".

Names transliterated from Arabic, Somali or Hausa reach the news in many spellings; an exact
look-up misses most of them. Only when nothing else identifies a capitalised name of two or
more words is it compared, as a whole, with the KB's organisation names and aliases; a close
match (edit-distance similarity of at least ``CUTOFF`` on the normalised strings, and the same
first letter) is taken. Short names and acronyms are never matched this way: "NDA" is not "NDC".
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from eventwire.kb import KnowledgeBase, normalise

#: Similarity (0-100) a spelling must reach to count as the same name.
CUTOFF = 88.0
#: Shorter strings (acronyms, one short word) are never matched fuzzily.
MIN_CHARS = 12


_CACHE: dict[int, tuple[KnowledgeBase, list[str], list[str]]] = {}


def _choices(kb: KnowledgeBase) -> tuple[list[str], list[str]]:
    """Normalised organisation names and aliases, and the name each stands for (built once per
    knowledge base)."""
    cached = _CACHE.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1], cached[2]
    keys: list[str] = []
    names: list[str] = []
    for org in kb.orgs.values():
        for form in (org.name, *org.aliases):
            key = normalise(form).replace("-", " ").replace("'", "")
            if len(key) >= MIN_CHARS and " " in key:
                keys.append(key)
                names.append(org.name)
    _CACHE[id(kb)] = (kb, keys, names)
    return keys, names


def similar_org_name(kb: KnowledgeBase, text: str) -> str | None:
    """The KB name of the organisation ``text`` is a variant spelling of, if one is close."""
    key = normalise(text).replace("-", " ").replace("'", "")
    if len(key) < MIN_CHARS or " " not in key:
        return None
    keys, names = _choices(kb)
    hit = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=CUTOFF)
    if hit is None or hit[0][0] != key[0]:
        return None
    return names[hit[2]]
