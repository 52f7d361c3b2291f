"""ACLED's view of a conflict event, derived from its CAMEO code and its actors.

One coding, three views: CAMEO and PLOVER come from the pattern; ACLED's event and sub-event
types follow from the CAMEO code (``kb/ontologies/acled.tsv``), refined by who the actors are:
violence aimed only at civilians is "Violence against civilians", and territory taken by a state
is "Government regains territory".
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from eventwire.records import Acled, Actor

_TABLE = Path(__file__).resolve().parents[1] / "kb" / "ontologies" / "acled.tsv"
#: Sectors of people who are not parties to fighting.
CIVILIAN_SECTORS = frozenset({"CVL", "REF", "JRN", "EDU", "MED", "REL", "LAB", "AGR", "BUS"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    rows = [
        ln.split("\t")
        for ln in _TABLE.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    return {r[0]: (r[1].strip(), r[2].strip()) for r in rows[1:]}


def acled_view(code: str, source: tuple[Actor, ...], target: tuple[Actor, ...]) -> Acled | None:
    """ACLED type and sub-type for a conflict event; None for events ACLED does not record."""
    table = _table()
    hit = next((code[:n] for n in range(len(code), 1, -1) if code[:n] in table), None)
    if hit is None:
        return None
    event_type, sub_type = table[hit]
    violent = code[:2] in {"18", "19", "20"}
    if violent and target and all(a.sector in CIVILIAN_SECTORS for a in target):
        if event_type in {"Battles", "Violence against civilians"}:
            event_type, sub_type = (
                "Violence against civilians",
                (sub_type if event_type == "Violence against civilians" else "Attack"),
            )
    if hit == "192" and source and all(a.sector in _STATE_SECTORS for a in source):
        sub_type = "Government regains territory"
    return Acled(event_type=event_type, sub_event_type=sub_type)
