"""A focal actor's partners, and how its partnerships shifted between two periods.

A partner is the country on the other side of an event the focal country is on (either
direction). Only the states count: a side that is an armed group, a criminal, civilians or
refugees (sectors REB, UAF, CRM, CVL, REF) is not its country, so French aircraft striking
insurgents in Niger is no conflict between France and Niger. Within a period, a partner's
*cooperation share* is its part of the focal country's cooperative (QuadClass 1-2)
event-partner pairs, and its *conflict share* the same for QuadClass 3-4; a withdrawal of
troops (CAMEO 087) counts in neither, since between partners it ends a cooperation rather than
being one.

The periods are the events before ``split`` and those on or after it. An event belongs to a
period only when its whole date range lies in it: one dated "July 2023" is neither before nor
after a split on 26 July 2023, and is left out of both (listed as ``straddling``). Without a
split, the median day of the events is used, so both periods hold about as many events; that
is a statistical default, not a date that means anything, and the result says which rule was
used. Each share's change is tested with Fisher's exact test (two-sided), which stays right
on the handful of events a period often holds; the two-proportion z statistic is given beside
it. Partners are ranked by the size of the change in their cooperation share (then conflict
share). Each change keeps the event ids behind it, so every number can be traced to its
evidence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from eventwire.query import EventQuery, dyad_sql, resolve_country
from eventwire.store.db import Store

COOPERATION = (1, 2)
#: CAMEO 087: military de-escalation, troops withdrawn. QuadClass 2 between adversaries, but
#: between partners the end of a cooperation: left out of both shares.
WITHDRAWAL_CODE = "087"
CONFLICT = (3, 4)
#: Sectors of a side that is not its country's state: armed groups (rebels, unidentified armed
#: forces), criminals, civilians and refugees. A pair with such a side is no partnership.
NONSTATE_SECTORS = ("REB", "UAF", "CRM", "CVL", "REF")


def _log_choose(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def fisher_exact(a: int, b: int, c: int, d: int) -> float:
    """Two-sided p-value of Fisher's exact test on the 2x2 table ``[[a, b], [c, d]]``: the
    probability, with the margins fixed, of a table at most as likely as the observed one."""
    row1, row2, col1 = a + b, c + d, a + c
    n = row1 + row2
    lo, hi = max(0, col1 - row2), min(row1, col1)

    def logp(x: int) -> float:
        return _log_choose(row1, x) + _log_choose(row2, col1 - x) - _log_choose(n, col1)

    observed = logp(a)
    total = sum(math.exp(lp) for x in range(lo, hi + 1) if (lp := logp(x)) <= observed + 1e-7)
    return min(1.0, total)


@dataclass(slots=True)
class Share:
    """One partner's share of the focal actor's cooperation or conflict in the two periods."""

    before: int
    before_total: int
    after: int
    after_total: int

    @property
    def share_before(self) -> float:
        return self.before / self.before_total if self.before_total else 0.0

    @property
    def share_after(self) -> float:
        return self.after / self.after_total if self.after_total else 0.0

    @property
    def change(self) -> float:
        return self.share_after - self.share_before

    @property
    def z(self) -> float | None:
        """Two-proportion z statistic (pooled); None when a period has no events."""
        n1, n2 = self.before_total, self.after_total
        if not n1 or not n2:
            return None
        p = (self.before + self.after) / (n1 + n2)
        se = math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
        return self.change / se if se else 0.0

    @property
    def p_value(self) -> float | None:
        """Two-sided p-value of Fisher's exact test of the change; None when a period has no
        events. (The normal approximation behind :attr:`z` is far off on few events: one
        cooperative event of one before against none of thirteen after gives z's p = 0.0002,
        the exact test 0.07.)"""
        if not self.before_total or not self.after_total:
            return None
        return fisher_exact(
            self.before,
            self.before_total - self.before,
            self.after,
            self.after_total - self.after,
        )

    def as_dict(self) -> dict[str, Any]:
        z, p = self.z, self.p_value
        return {
            "before": self.before,
            "before_total": self.before_total,
            "after": self.after,
            "after_total": self.after_total,
            "share_before": round(self.share_before, 4),
            "share_after": round(self.share_after, 4),
            "change": round(self.change, 4),
            "z": None if z is None else round(z, 3),
            "p_value": None if p is None else round(p, 4),
        }


@dataclass(slots=True)
class PartnerShift:
    partner: str
    cooperation: Share
    conflict: Share
    #: event ids behind the partner's counts: "before" and "after"
    events: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "partner": self.partner,
            "cooperation": self.cooperation.as_dict(),
            "conflict": self.conflict.as_dict(),
            "events": self.events,
        }


@dataclass(slots=True)
class Shift:
    focal: str
    split: str | None
    since: str | None
    until: str | None
    partners: list[PartnerShift]
    #: how the split was chosen: "given" (``--split``), "median" (the default) or "none"
    split_rule: str = "given"
    #: ids of the events whose date range spans the split, left out of both periods
    straddling: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "focal": self.focal,
            "split": self.split,
            "split_rule": self.split_rule,
            "since": self.since,
            "until": self.until,
            "straddling": self.straddling,
            "partners": [p.as_dict() for p in self.partners],
        }


def _pairs(store: Store, focal: str, query: EventQuery) -> list[dict[str, Any]]:
    """Distinct (event, partner, day, day_end, quad_class, goldstein) for the focal country,
    both sides states (neither side's sector in :data:`NONSTATE_SECTORS`)."""
    q = replace(query, actor=(focal,)).resolved()
    sql, args = dyad_sql(q)
    nonstate = ", ".join("?" for _ in NONSTATE_SECTORS)
    return store.fetch(
        f"WITH d AS ({sql}) "
        "SELECT DISTINCT event_id, day, day_end, quad_class, goldstein, cameo_code, "
        "CASE WHEN source_country = ? THEN target_country ELSE source_country END AS partner "
        "FROM d WHERE (source_country = ? OR target_country = ?) "
        "AND coalesce(source_country, '') <> coalesce(target_country, '') "
        f"AND coalesce(source_sector, '') NOT IN ({nonstate}) "
        f"AND coalesce(target_sector, '') NOT IN ({nonstate}) "
        "ORDER BY day, event_id",
        [*args, focal, focal, focal, *NONSTATE_SECTORS, *NONSTATE_SECTORS],
    )


def partners(store: Store, focal: str, *, query: EventQuery | None = None) -> list[dict[str, Any]]:
    """The focal country's partners with event counts per QuadClass and summed Goldstein,
    most events first."""
    code = resolve_country(focal)
    out: dict[str, dict[str, Any]] = {}
    for r in _pairs(store, code, query or EventQuery()):
        if r["partner"] is None:
            continue
        p = out.setdefault(
            r["partner"],
            {
                "partner": r["partner"],
                "events": 0,
                "q1": 0,
                "q2": 0,
                "q3": 0,
                "q4": 0,
                "goldstein": 0.0,
            },
        )
        p["events"] += 1
        p[f"q{r['quad_class']}"] += 1
        p["goldstein"] = round(p["goldstein"] + (r["goldstein"] or 0.0), 2)
    return sorted(out.values(), key=lambda p: (-p["events"], p["partner"]))


def median_day(store: Store, focal: str, query: EventQuery | None = None) -> str | None:
    """The median day of the focal country's dated events with a partner: the default split,
    so both periods hold about as many events."""
    days = sorted(
        r["day"]
        for r in _pairs(store, resolve_country(focal), query or EventQuery())
        if r["day"] is not None and r["partner"] is not None
    )
    return days[len(days) // 2].isoformat() if days else None


def shifts(
    store: Store,
    focal: str,
    *,
    split: str | None = None,
    query: EventQuery | None = None,
) -> Shift:
    """How the focal country's partners' cooperation and conflict shares changed between the
    events before ``split`` and those on or after it (default: :func:`median_day`). An event
    whose date range spans the split is in neither period (:attr:`Shift.straddling`)."""
    code = resolve_country(focal)
    q = query or EventQuery()
    rule = "given" if split else "median"
    split = split or median_day(store, code, q)
    if split is None:
        rule = "none"
    cut = date.fromisoformat(split) if split else date.max
    coop = {"before": 0, "after": 0}
    conf = {"before": 0, "after": 0}
    counts: dict[str, dict[str, int]] = {}
    events: dict[str, dict[str, list[str]]] = {}
    straddling: list[str] = []
    for r in _pairs(store, code, q):
        if r["day"] is None or r["partner"] is None:
            continue
        if str(r.get("cameo_code") or "").startswith(WITHDRAWAL_CODE):
            continue  # a partner pulling its forces out ends cooperation; it is not cooperation
        end = r.get("day_end") or r["day"]
        if end < cut:
            period = "before"
        elif r["day"] >= cut:
            period = "after"
        else:
            if r["event_id"] not in straddling:
                straddling.append(r["event_id"])
            continue
        kind = "coop" if r["quad_class"] in COOPERATION else "conf"
        (coop if kind == "coop" else conf)[period] += 1
        c = counts.setdefault(r["partner"], {})
        c[f"{kind}_{period}"] = c.get(f"{kind}_{period}", 0) + 1
        events.setdefault(r["partner"], {"before": [], "after": []})[period].append(r["event_id"])
    out = [
        PartnerShift(
            partner=p,
            cooperation=Share(
                before=c.get("coop_before", 0),
                before_total=coop["before"],
                after=c.get("coop_after", 0),
                after_total=coop["after"],
            ),
            conflict=Share(
                before=c.get("conf_before", 0),
                before_total=conf["before"],
                after=c.get("conf_after", 0),
                after_total=conf["after"],
            ),
            events=events[p],
        )
        for p, c in counts.items()
    ]
    out.sort(key=lambda s: (-abs(s.cooperation.change), -abs(s.conflict.change), s.partner))
    return Shift(
        focal=code,
        split=split,
        since=q.since,
        until=q.until,
        partners=out,
        split_rule=rule,
        straddling=straddling,
    )
