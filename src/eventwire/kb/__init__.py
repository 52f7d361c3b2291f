"""The knowledge base: data files plus the loader that validates and indexes them."""

from eventwire.kb.loader import (
    OFFICE_SECTORS,
    SECTORS,
    CameoCode,
    Country,
    KnowledgeBase,
    NameHit,
    Organization,
    Person,
    Region,
    SectorTerm,
    coverage,
    load_kb,
    load_kb_from,
    normalise,
    validate,
)

__all__ = [
    "OFFICE_SECTORS",
    "SECTORS",
    "CameoCode",
    "Country",
    "KnowledgeBase",
    "NameHit",
    "Organization",
    "Person",
    "Region",
    "SectorTerm",
    "coverage",
    "load_kb",
    "load_kb_from",
    "normalise",
    "validate",
]
