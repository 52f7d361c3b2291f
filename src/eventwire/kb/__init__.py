"""The knowledge base: data files plus the loader that validates and indexes them."""

from eventwire.kb.loader import (
    CameoCode,
    Country,
    KnowledgeBase,
    NameHit,
    Organization,
    Person,
    SectorTerm,
    load_kb,
    load_kb_from,
    normalise,
)

__all__ = [
    "CameoCode",
    "Country",
    "KnowledgeBase",
    "NameHit",
    "Organization",
    "Person",
    "SectorTerm",
    "load_kb",
    "load_kb_from",
    "normalise",
]
