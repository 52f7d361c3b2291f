"""One event from many reports: merge the stored reports of one event into a canonical event.

Wire copies, rewrites and follow-ups report the same event many times; each report is an
``events`` row of its own (its article, sentence and offsets). The merge gives every counted
report (``counted`` true, modality asserted, planned or claimed) a ``canonical_id``: the
``event_id`` of the first report of its event. Two reports are of one event when

* their dyad is the same: the same countries on the source side and on the target side, in
  either order when both are of a symmetric PLOVER type (CONSULT, AGREE, COOPERATE); when the
  dyad is not two different countries (a domestic event, or a side without a country) the
  sides' sectors must be the same too;
* their codes are compatible: the same CAMEO root or the same PLOVER type;
* their dates are within :data:`WINDOW_DAYS` of each other: the report's date interval (else,
  or when it is longer than :data:`MAX_SPAN_DAYS`, its article's publication day) overlaps
  the first report's, or is that close to it;
* their places nest: the same country when both are known, and the same first-level
  division (admin1, so the same place or one inside the other's admin1) when both are known.

A report is compared with the *first* report of each canonical event, not with every report
joined since, so a daily series of strikes on one dyad does not chain into one event.
The merge is incremental: only reports without a ``canonical_id`` are placed, each joining
the best matching canonical event (the nearest in time, then the same CAMEO root, then the
earliest) or founding one; re-running on the same database changes nothing. Reports are placed
in date order (then article, sentence, trigger, id), so one state of the database always
merges the same way. All writes happen in one transaction.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import duckdb

from eventwire.errors import StoreError
from eventwire.mapping import canonical_row
from eventwire.records import COUNTED_MODALITIES, PUBLICATION_FLAG

if TYPE_CHECKING:
    from eventwire.store.db import Store

log = logging.getLogger(__name__)

#: PLOVER types whose two sides are interchangeable ("A and B met" is "B and A met").
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: Reports at most this many days apart may be of one event.
WINDOW_DAYS = 2
#: An event's date interval longer than this ("in 1987", "in March") says too little to merge
#: on: such a report is dated by its article's publication day instead.
MAX_SPAN_DAYS = 7


@dataclass(frozen=True, slots=True)
class Report:
    """What the merge needs of one stored event row."""

    event_id: str
    article_id: str
    source: str
    target: str
    cameo_code: str | None
    cameo_root: str | None
    plover_type: str | None
    start: date | None
    end: date | None
    place_country: str | None
    place_admin1: str | None
    place_name: str | None
    #: the sides' sectors (sorted, ';'-joined); they tell a domestic or one-sided event apart
    source_sector: str = ""
    target_sector: str = ""

    @property
    def dyad(self) -> str:
        return "|".join(sorted((self.source, self.target)))


@dataclass(slots=True)
class MergeResult:
    """What one merge did."""

    placed: int = 0
    founded: int = 0
    joined: int = 0
    seconds: float = 0.0


def _compatible(r: Report, c: Report) -> bool:
    """Whether report ``r`` reports the event whose first report is ``c`` (same dyad)."""
    symmetric = r.plover_type in SYMMETRIC_TYPES and r.plover_type == c.plover_type
    sides = [(c.source, c.target, c.source_sector, c.target_sector)]
    if symmetric:
        sides.append((c.target, c.source, c.target_sector, c.source_sector))
    # two different countries name the dyad; a domestic or one-sided one needs the sectors too
    international = bool(r.source and r.target and r.source != r.target)
    if not any(
        (r.source, r.target) == (s, t)
        and (international or (r.source_sector, r.target_sector) == (ss, ts))
        for s, t, ss, ts in sides
    ):
        return False
    same_root = r.cameo_root is not None and r.cameo_root == c.cameo_root
    same_type = r.plover_type is not None and r.plover_type == c.plover_type
    if not (same_root or same_type):
        return False
    if r.start is None or c.start is None or r.end is None or c.end is None:
        return False
    window = timedelta(days=WINDOW_DAYS)
    if r.start > c.end + window or c.start > r.end + window:
        return False
    if r.place_country and c.place_country and r.place_country != c.place_country:
        return False
    return not (r.place_admin1 and c.place_admin1 and r.place_admin1 != c.place_admin1)


def _gap(r: Report, c: Report) -> int:
    assert r.start and r.end and c.start and c.end
    return max(0, (r.start - c.end).days, (c.start - r.end).days)


_REPORT_SQL = """
SELECT e.event_id, e.article_id,
    coalesce((SELECT string_agg(DISTINCT x.country, ';' ORDER BY x.country)
              FROM event_actors x WHERE x.event_id = e.event_id AND x.role = 'source'), '')
        AS source,
    coalesce((SELECT string_agg(DISTINCT x.country, ';' ORDER BY x.country)
              FROM event_actors x WHERE x.event_id = e.event_id AND x.role = 'target'), '')
        AS target,
    e.cameo_code, e.cameo_root, e.plover_type,
    CASE WHEN {precise} THEN e.date_start ELSE a.published_day END AS start,
    CASE WHEN {precise} THEN coalesce(e.date_end, e.date_start) ELSE a.published_day END
        AS "end",
    e.place_country, e.place_admin1, e.place_name,
    coalesce((SELECT string_agg(DISTINCT x.sector, ';' ORDER BY x.sector)
              FROM event_actors x WHERE x.event_id = e.event_id AND x.role = 'source'), '')
        AS source_sector,
    coalesce((SELECT string_agg(DISTINCT x.sector, ';' ORDER BY x.sector)
              FROM event_actors x WHERE x.event_id = e.event_id AND x.role = 'target'), '')
        AS target_sector
FROM events e JOIN articles a USING (article_id)
WHERE {where}
ORDER BY start NULLS LAST, e.article_id, e.sentence, e.trigger_start, e.event_id
"""

#: Counted reports not yet placed.
_UNPLACED = (
    f"e.canonical_id IS NULL AND coalesce(e.counted, true) AND e.modality IN {COUNTED_MODALITIES!r}"
)


#: An event date precise enough to merge on: stated by the text (not inferred from the
#: publication day) and at most :data:`MAX_SPAN_DAYS` long.
_PRECISE = (
    "e.date_start IS NOT NULL AND NOT coalesce(list_contains(e.date_flags, "
    f"'{PUBLICATION_FLAG}'), false)"
    " AND datediff('day', e.date_start, coalesce(e.date_end, e.date_start)) <= {span}"
)


def _reports(store: Store, where: str, args: list[Any]) -> list[Report]:
    precise = _PRECISE.format(span=MAX_SPAN_DAYS)
    cur = store.con.execute(_REPORT_SQL.format(where=where, precise=precise), args)
    return [Report(*row) for row in cur.fetchall()]


def merge(store: Store) -> MergeResult:
    """Place every counted report that has no canonical event yet; returns the counts."""
    t0 = time.perf_counter()
    result = MergeResult()
    try:
        new = _reports(store, _UNPLACED, [])
        if not new:
            result.seconds = time.perf_counter() - t0
            return result
        dyads = sorted({r.dyad for r in new if r.source or r.target})
        # the first reports of the canonical events already on these dyads
        cur = store.con.execute(
            "SELECT canonical_id, canonical_id, coalesce(source_country, ''), "
            "coalesce(target_country, ''), cameo_code, cameo_root, plover_type, date_start, "
            "date_end, place_country, place_admin1, place_name, coalesce(source_sector, ''), "
            "coalesce(target_sector, '') FROM canonical_events "
            "WHERE dyad IN (SELECT unnest(?::VARCHAR[])) ORDER BY canonical_id",
            [dyads],
        )
        known = [Report(*row) for row in cur.fetchall()]
    except duckdb.Error as exc:
        raise StoreError(f"reading {store.path} for the merge failed: {exc}") from None
    by_dyad: dict[str, list[Report]] = defaultdict(list)
    for c in known:
        by_dyad[c.dyad].append(c)
    assign: list[tuple[str, str]] = []
    founded: list[Report] = []
    for r in new:
        best: tuple[int, int, str] | None = None
        if r.source or r.target:
            for c in by_dyad[r.dyad]:
                if _compatible(r, c):
                    key = (_gap(r, c), int(r.cameo_root != c.cameo_root), c.event_id)
                    if best is None or key < best:
                        best = key
        if best is None:
            founded.append(r)
            if r.source or r.target:
                by_dyad[r.dyad].append(r)
            assign.append((r.event_id, r.event_id))
        else:
            assign.append((r.event_id, best[2]))
            result.joined += 1
    result.placed = len(assign)
    result.founded = len(founded)
    _write(store, assign, founded)
    result.seconds = time.perf_counter() - t0
    log.info(
        "merged %d reports: %d new canonical events, %d joined (%.2f s)",
        result.placed,
        result.founded,
        result.joined,
        result.seconds,
    )
    return result


def _write(store: Store, assign: Sequence[tuple[str, str]], founded: Sequence[Report]) -> None:
    """Assign canonical ids, insert the new canonical events, and recount every touched one."""
    touched = sorted({c for _, c in assign})
    con = store.con
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute(  # one statement: executemany runs one per row
            "CREATE OR REPLACE TEMP TABLE _assign AS SELECT unnest(?::VARCHAR[]) AS event_id, "
            "unnest(?::VARCHAR[]) AS canonical_id",
            [[e for e, _ in assign], [c for _, c in assign]],
        )
        con.execute(
            "UPDATE events SET canonical_id = _assign.canonical_id FROM _assign "
            "WHERE events.event_id = _assign.event_id"
        )
        con.execute("DROP TABLE _assign")
        store._insert("canonical_events", [canonical_row(r) for r in founded])
        con.execute(
            "UPDATE canonical_events SET num_mentions = s.n, num_articles = s.na, "
            "num_sources = s.ns, first_seen = s.f, last_seen = s.l FROM ("
            "SELECT e.canonical_id, count(*) AS n, count(DISTINCT e.article_id) AS na, "
            "count(DISTINCT a.source) AS ns, min(a.published_day) AS f, "
            "max(a.published_day) AS l FROM events e JOIN articles a USING (article_id) "
            "WHERE e.canonical_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY e.canonical_id) s "
            "WHERE canonical_events.canonical_id = s.canonical_id",
            [touched],
        )
        con.execute("COMMIT")
    except duckdb.Error as exc:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass
        raise StoreError(f"merging reports in {store.path} failed: {exc}") from None


def canonical_count(store: Store, article_ids: Sequence[str]) -> tuple[int, int]:
    """(canonical events, counted reports) of the given articles' events."""
    if not article_ids:
        return (0, 0)
    row = store.con.execute(
        "SELECT count(DISTINCT canonical_id), count(canonical_id) FROM events "
        "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [list(article_ids)],
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)
