"""Dyad timelines and aggregates: counts per QuadClass and summed Goldstein, by any grouping.

Both work on one row per (event, source actor, target actor) (:func:`eventwire.query.dyad_sql`)
and count each event once per group, so an event with two targets adds one to each target's
row but never two to one row.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.errors import ConfigError
from eventwire.query import EventQuery, dyad_sql
from eventwire.store.db import Store

FREQS = ("day", "week", "month", "quarter", "year")
#: What ``agg`` may group by: a column of the dyad rows, or a period of the event's day.
GROUPS = {
    "source_country": "source_country",
    "target_country": "target_country",
    "source_sector": "source_sector",
    "target_sector": "target_sector",
    "plover_type": "plover_type",
    "cameo_code": "cameo_code",
    "cameo_root": "cameo_root",
    "quad_class": "quad_class",
    "modality": "modality",
    "place_country": "place_country",
    **{f: f"CAST(date_trunc('{f}', day) AS DATE)" for f in FREQS},
}


def _freq(freq: str) -> str:
    if freq not in FREQS:
        raise ConfigError(f"unknown period {freq!r}; use one of {', '.join(FREQS)}")
    return freq


def timeline(
    store: Store,
    a: str,
    b: str,
    *,
    freq: str = "month",
    query: EventQuery | None = None,
    directed: bool = False,
) -> list[dict[str, Any]]:
    """Per period (``freq``): events between countries ``a`` and ``b`` (``a`` acting on ``b``
    only, when ``directed``) by QuadClass (``q1`` .. ``q4``), their total and summed Goldstein.
    Undated events are left out. Country names are resolved like every query's."""
    base = query or EventQuery()
    q = replace(base, source=(a,), target=(b,)) if directed else replace(base, dyad=(a, b))
    q = q.resolved()
    sql, args = dyad_sql(q)
    if q.dyad:
        x, y = q.dyad
        pair = (
            "((source_country = ? AND target_country = ?) "
            "OR (source_country = ? AND target_country = ?))"
        )
        pair_args: list[Any] = [x, y, y, x]
    else:
        pair = "source_country = ? AND target_country = ?"
        pair_args = [q.source[0], q.target[0]]
    rows = store.fetch(
        f"WITH d AS ({sql}), ev AS (SELECT DISTINCT event_id, day, quad_class, goldstein "
        f"FROM d WHERE day IS NOT NULL AND {pair}) "
        f"SELECT CAST(date_trunc('{_freq(freq)}', day) AS DATE) AS period, "
        "count(*) FILTER (WHERE quad_class = 1) AS q1, "
        "count(*) FILTER (WHERE quad_class = 2) AS q2, "
        "count(*) FILTER (WHERE quad_class = 3) AS q3, "
        "count(*) FILTER (WHERE quad_class = 4) AS q4, "
        "count(*) AS events, round(sum(goldstein), 2) AS goldstein "
        "FROM ev GROUP BY ALL ORDER BY period",
        [*args, *pair_args],
    )
    for r in rows:
        r["period"] = r["period"].isoformat()
    return rows


def aggregate(
    store: Store, by: list[str], *, query: EventQuery | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Event counts, per-QuadClass counts and summed and mean Goldstein per group of ``by``
    (names from :data:`GROUPS`), largest groups first."""
    if not by:
        raise ConfigError(f"group by at least one of {', '.join(GROUPS)}")
    bad = [g for g in by if g not in GROUPS]
    if bad:
        raise ConfigError(f"cannot group by {bad[0]!r}; use {', '.join(GROUPS)}")
    q = (query or EventQuery()).resolved()
    sql, args = dyad_sql(q)
    keys = ", ".join(f"{GROUPS[g]} AS {g}" for g in by)
    names = ", ".join(by)
    rows = store.fetch(
        f"WITH d AS ({sql}), g AS (SELECT DISTINCT event_id, quad_class, goldstein, {keys} "
        "FROM d) "
        f"SELECT {names}, count(*) AS events, "
        "count(*) FILTER (WHERE quad_class = 1) AS q1, "
        "count(*) FILTER (WHERE quad_class = 2) AS q2, "
        "count(*) FILTER (WHERE quad_class = 3) AS q3, "
        "count(*) FILTER (WHERE quad_class = 4) AS q4, "
        "round(sum(goldstein), 2) AS goldstein, round(avg(goldstein), 2) AS goldstein_mean "
        f"FROM g GROUP BY ALL ORDER BY events DESC, {names}"
        + (f" LIMIT {int(limit)}" if limit else ""),
        args,
    )
    for r in rows:
        for g in by:
            if hasattr(r[g], "isoformat"):
                r[g] = r[g].isoformat()
    return rows
