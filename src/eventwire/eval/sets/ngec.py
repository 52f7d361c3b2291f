"""ngec_actor_resolution_tests: short actor phrase -> country + PLOVER sector.

Gold: ``ngec_actor_resolution_cases.jsonl`` lines {test, method, args, expected, xfail}, parsed
from NGEC's own pytest file. Each case becomes the checks its expectation names:

* ``country`` (agent_to_code, short_text_to_agent) or ``cc`` (search_nat): our Actor.country;
  an expected ``''`` means "no country", matched by None.
* ``code_1`` (or ``code_1__In``, a list of acceptable codes): our Actor.sector.
* ``result: None`` (unknown people, nonsense phrases): we must return no actor, or one with
  neither country nor sector.
* ``wiki``: our Actor.name, reported as ``name_accuracy`` (a bonus; NGEC gets it from Wikipedia).

Each case's ``context`` argument (a country name or a sentence, for a few cases) is passed on to
the resolver, and its date argument ("2022-01-01", "10 May 2015") becomes the date offices are
resolved on. "today" is read as 2025-08-13, the date of the NGEC commit the cases come from (NGEC
resolves it to its run date; the cases were written on or before that day). With no date the
resolver does not know when the text was written: a known person keeps the sector of their
latest office rather than being called a former office holder.

``query_wiki`` cases test NGEC's Wikipedia search, not resolution, and are skipped. Cases NGEC
marks xfail (its own known failures) are scored separately under ``per_class["xfail"]`` and kept
out of the headline numbers. Baseline: the majority country and the majority sector of the cases.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from eventwire.eval import system
from eventwire.eval.base import EvalSet, Miss, Score, find_file, read_jsonl
from eventwire.eval.metrics import majority

SCORED_METHODS = frozenset(
    {"agent_to_code", "short_text_to_agent", "search_nat", "trf_agent_match"}
)


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    method: str
    text: str
    date: str | None
    expected: dict[str, Any]
    xfail: bool
    context: str | None = None
    #: The case says "today" (``date`` stays None): resolved on :data:`TODAY`.
    today: bool = False

    @property
    def on(self) -> str | None:
        """The date offices are resolved on."""
        return TODAY if self.today else self.date

    @property
    def country(self) -> str | None | bool:
        """Expected country, None for "none expected", False when the case does not say."""
        for key in ("country", "cc"):
            if key in self.expected:
                return self.expected[key] or None
        return False

    @property
    def sectors(self) -> tuple[str, ...]:
        if "code_1__In" in self.expected:
            return tuple(self.expected["code_1__In"])
        code = self.expected.get("code_1")
        return (code,) if code else ()

    @property
    def expects_none(self) -> bool:
        return "result" in self.expected and self.expected["result"] is None


@dataclass(frozen=True, slots=True)
class Guess:
    found: bool
    country: str | None = None
    sector: str | None = None
    name: str | None = None


class NgecActors(EvalSet[Case, Guess]):
    name: ClassVar[str] = "ngec_actor_resolution_tests"
    baseline_label: ClassVar[str] = "majority country and sector"

    def load(self, path: Path) -> list[Case]:
        out = []
        for f in find_file(path, "*.jsonl"):
            seen: dict[str, int] = {}
            for rec in read_jsonl(f):
                if rec.get("method") not in SCORED_METHODS:
                    continue
                args = list(rec.get("args") or [])
                base = f"{rec.get('test')}:{args[0] if args else ''}"
                seen[base] = seen.get(base, 0) + 1
                date = args[2] if len(args) > 2 and isinstance(args[2], str) else None
                context = args[1] if len(args) > 1 and isinstance(args[1], str) else None
                out.append(
                    Case(
                        base if seen[base] == 1 else f"{base}#{seen[base]}",
                        rec["method"],
                        str(args[0]) if args else "",
                        iso_date(date),
                        dict(rec.get("expected") or {}),
                        bool(rec.get("xfail")),
                        context or None,
                        str(date or "").strip().lower() == "today",
                    )
                )
        return out

    def item_id(self, item: Case) -> str:
        return item.id

    def predict(self, items: Sequence[Case]) -> list[Guess]:
        takes_context = "context" in inspect.signature(system.resolve_phrase).parameters
        out = []
        for c in items:
            extra = {"context": c.context} if takes_context and c.context else {}
            out.append(guess(system.resolve_phrase(c.text, date=c.on, **extra)))
        return out

    def baseline(self, items: Sequence[Case]) -> list[Guess]:
        country = majority(c.country for c in items if c.country is not False and c.country)
        sector = majority(c.sectors[0] for c in items if c.sectors)
        guess = Guess(
            True,
            country if isinstance(country, str) else None,
            sector if isinstance(sector, str) else None,
        )
        return [guess for _ in items]

    def score(self, items: Sequence[Case], preds: Sequence[Guess]) -> Score:
        main = _Tally()
        xfail = _Tally()
        by_method: dict[str, _Tally] = {}
        misses = []
        for case, guess in zip(items, preds, strict=True):
            tally = xfail if case.xfail else main
            wrong = tally.add(case, guess)
            if not case.xfail:
                by_method.setdefault(case.method, _Tally()).add(case, guess)
            if wrong:
                gold = {k: v for k, v in case.expected.items() if k in _SHOWN}
                ours = (
                    None
                    if not guess.found
                    else {"country": guess.country, "sector": guess.sector, "name": guess.name}
                )
                misses.append(Miss(wrong - 0.5 * case.xfail, case.id, case.text, gold, ours))
        metrics = main.metrics()
        metrics["xfail_cases"] = xfail.cases
        per_class: dict[str, Any] = {m: t.metrics() for m, t in sorted(by_method.items())}
        per_class["xfail"] = xfail.metrics()
        return Score(metrics, per_class, misses)


#: What "today" means in the cases: the date of the NGEC commit they were taken from.
TODAY = "2025-08-13"


def iso_date(value: str | None) -> str | None:
    """The case's date argument as YYYY-MM-DD ("1 july 2021" -> "2021-07-01"); None for no
    date, "today" (see :attr:`Case.on`) or a date we cannot read."""
    if not value or value.strip().lower() == "today":
        return None
    text = re.sub(r"\s+", " ", value.strip())
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%B %d %Y"):
        try:
            return (
                datetime.strptime(text.title() if "%B" in fmt or "%b" in fmt else text, fmt)
                .date()
                .isoformat()
            )
        except ValueError:
            continue
    return None


def guess(actor: Any) -> Guess:
    """Our answer for one case from the Actor the resolver returned (None: nothing found).

    An actor placed in a country with no sector ("regions across Indonesia") has PLOVER's
    unknown sector, ``UNK``; we leave the sector empty, so it is written ``UNK`` here."""
    if actor is None:
        return Guess(False)
    sector = actor.sector or ("UNK" if actor.country else None)
    return Guess(True, actor.country, sector, getattr(actor, "name", None))


_SHOWN = frozenset({"country", "cc", "code_1", "code_1__In", "code_2", "result", "wiki"})


class _Tally:
    """Counts right answers per check kind."""

    def __init__(self) -> None:
        self.cases = 0
        self.n = {"country": 0, "sector": 0, "joint": 0, "none": 0, "name": 0}
        self.ok = dict.fromkeys(self.n, 0)

    def _check(self, kind: str, good: bool) -> float:
        self.n[kind] += 1
        self.ok[kind] += good
        return 0.0 if good else 0.25 if kind == "name" else 1.0

    def add(self, case: Case, guess: Guess) -> float:
        """Record one case; returns how badly it failed (1 per failed check, 0.25 for names)."""
        self.cases += 1
        wrong = 0.0
        country_ok = sector_ok = None
        if case.country is not False:
            country_ok = guess.country == case.country
            wrong += self._check("country", country_ok)
        if case.sectors:
            sector_ok = guess.sector in case.sectors
            wrong += self._check("sector", sector_ok)
        if country_ok is not None and sector_ok is not None:
            self._check("joint", country_ok and sector_ok)
        if case.expects_none:
            wrong += self._check("none", not guess.found or not (guess.country or guess.sector))
        if case.expected.get("wiki"):
            wrong += self._check("name", guess.name == case.expected["wiki"])
        return wrong

    def metrics(self) -> dict[str, float | int | None]:
        out: dict[str, float | int | None] = {}
        for kind in ("country", "sector", "joint", "none", "name"):
            out[f"{kind}_accuracy"] = self.ok[kind] / self.n[kind] if self.n[kind] else None
            out[f"{kind}_cases"] = self.n[kind]
        return out
