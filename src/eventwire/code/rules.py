"""Named code rewrites driven by data: a planned act becomes the CAMEO code for announcing it and
a refused one the code for refusing it (kb/ontologies/modal_codes.tsv); an act promised unless
the other side acts is an ultimatum; a lone party's exercise is a show of force."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from eventwire.code.patterns import Pattern
from eventwire.records import (
    Token,
)
from eventwire.syntax import SentenceView


@lru_cache(maxsize=1)
def _modal_table() -> dict[str, tuple[str, str]]:
    """prefix -> (code when planned, code when refused), from kb/ontologies/modal_codes.tsv."""
    path = Path(__file__).resolve().parents[1] / "kb" / "ontologies" / "modal_codes.tsv"
    rows = [
        ln.split("\t")
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    return {r[0]: (r[1].strip(), r[2].strip()) for r in rows[1:]}


def modal_code(code: str, modality: str) -> str | None:
    """The CAMEO code for announcing ("planned") or refusing ("refused") the act ``code``."""
    column = {"planned": 0, "refused": 1}.get(modality)
    if column is None:
        return None
    table = _modal_table()
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            mapped = table[code[:n]][column]
            return None if mapped == "-" else mapped
    return None


def ultimatum(view: SentenceView, tok: Token) -> bool:
    """A promised act made conditional on the other side's ("... unless X resumes talks")."""
    for clause in view.children(tok, "advcl"):
        if any(m.text.lower() == "unless" for m in view.children(clause, "mark")):
            return True
    return False


def with_code(pattern: Pattern, code: str) -> Pattern:
    """The pattern with another CAMEO code: a solo exercise is a show of force, not
    cooperation, and needs the place as its target."""
    return replace(pattern, code=code, solo_code=None, target_from_place=True, reciprocal=False)
