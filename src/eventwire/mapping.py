"""One mapping between an :class:`~eventwire.records.Event` and flat rows, by column name.

Three shapes, all built here and nowhere else:

* :func:`event_row` / :func:`actor_rows`: the ``events`` and ``event_actors`` table rows the
  store writes (a dict per row: the store inserts by column name, so columns added to the table
  later, in any order, need only a new entry here);
* :func:`event_from_row`: the inverse, an Event back from an ``events`` row and its actors;
  columns a file does not have yet (older files) read as their defaults;
* :func:`flat_row`: one flat row per event with every field, for the CSV, JSONL and Parquet
  exports and the API's table views; :data:`FLAT_COLUMNS` is its column order and types;
* :func:`canonical_row`: the ``canonical_events`` row a report founds;
* :func:`document_rows`: every table's rows for a batch of coded documents (the store's
  ``write_batch`` and the Spark engine's Parquet tables).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from eventwire.records import (
    Acled,
    Actor,
    Cameo,
    DocumentResult,
    Event,
    Place,
    Plover,
    Reject,
    Span,
    TimeSpan,
)

#: The tables :func:`document_rows` fills, in the order the store inserts them.
DOCUMENT_TABLES = (
    "articles",
    "sentences",
    "events",
    "event_actors",
    "places",
    "quotes",
    "rejects",
    "article_minhash",
)


def day(value: str | None) -> date | None:
    """The date of an ISO date or datetime string; None when there is none or it is no date."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def event_row(e: Event) -> dict[str, Any]:
    """The ``events`` table row of an event, by column name."""
    d, p, a = e.date, e.place, e.acled
    return {
        "event_id": e.event_id,
        "article_id": e.article_id,
        "sentence": e.sentence,
        "evidence_start": e.evidence_start,
        "trigger_text": e.trigger.text,
        "trigger_start": e.trigger.start,
        "trigger_end": e.trigger.end,
        "cameo_code": e.cameo.code,
        "cameo_root": e.cameo.root,
        "quad_class": e.cameo.quad_class,
        "goldstein": e.cameo.goldstein,
        "cameo_name": e.cameo.name,
        "plover_type": e.plover.type,
        "plover_mode": e.plover.mode,
        "plover_context": list(e.plover.context),
        "modality": e.modality,
        "date_start": day(d.start) if d else None,
        "date_end": day(d.end) if d else None,
        "date_precision": d.precision if d else None,
        "date_value": d.value if d else None,
        "date_text": d.text if d else None,
        "date_char_start": d.char_start if d else None,
        "date_char_end": d.char_end if d else None,
        "date_flags": list(d.flags) if d else None,
        "place_name": p.name if p else None,
        "place_country": p.country if p else None,
        "place_admin1": p.admin1 if p else None,
        "lat": p.lat if p else None,
        "lon": p.lon if p else None,
        "place_precision": p.precision if p else None,
        "place_text": p.text if p else None,
        "place_geonameid": p.geonameid if p else None,
        "place_char_start": p.char_start if p else None,
        "place_char_end": p.char_end if p else None,
        "confidence": e.confidence,
        "pattern": e.pattern,
        "coder_version": e.coder_version,
        "acled_type": a.event_type if a else None,
        "acled_subtype": a.sub_event_type if a else None,
        "counted": e.counted,
        "probability": e.probability,
        "place_inferred": p.inferred if p else None,
    }


def canonical_row(r: Any) -> dict[str, Any]:
    """The ``canonical_events`` row founded by a report (a
    :class:`~eventwire.store.canonical.Report`); the counts are filled in by the merge."""
    return {
        "canonical_id": r.event_id,
        "dyad": r.dyad,
        "source_country": r.source or None,
        "target_country": r.target or None,
        "source_sector": r.source_sector or None,
        "target_sector": r.target_sector or None,
        "cameo_code": r.cameo_code,
        "cameo_root": r.cameo_root,
        "plover_type": r.plover_type,
        "date_start": r.start,
        "date_end": r.end,
        "place_country": r.place_country,
        "place_admin1": r.place_admin1,
        "place_name": r.place_name,
        "num_mentions": 1,
        "num_articles": 1,
        "num_sources": 0,
        "first_seen": None,
        "last_seen": None,
    }


def actor_rows(e: Event) -> list[dict[str, Any]]:
    """The ``event_actors`` rows of an event: sources then targets, with their position."""
    rows = []
    for role, actors in (("source", e.source), ("target", e.target)):
        for pos, act in enumerate(actors):
            rows.append(
                {
                    "event_id": e.event_id,
                    "role": role,
                    "position": pos,
                    "text": act.text,
                    "start_char": act.start,
                    "end_char": act.end,
                    "country": act.country,
                    "sector": act.sector,
                    "name": act.name,
                    "kb_id": act.kb_id,
                    "confidence": act.confidence,
                }
            )
    return rows


def actor_from_row(r: Mapping[str, Any]) -> Actor:
    return Actor(
        text=r["text"],
        start=r["start_char"],
        end=r["end_char"],
        country=r["country"],
        sector=r["sector"],
        name=r["name"],
        kb_id=r["kb_id"],
        confidence=r["confidence"],
    )


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def event_from_row(r: Mapping[str, Any], actors: Mapping[str, Iterable[Actor]]) -> Event:
    """An Event from an ``events`` row (plus ``evidence_text`` from the sentences table)."""
    date_ = None
    if r.get("date_text") is not None:
        date_ = TimeSpan(
            text=r["date_text"],
            start=_iso(r["date_start"]),
            end=_iso(r["date_end"]),
            precision=r["date_precision"],
            value=r["date_value"],
            char_start=r["date_char_start"],
            char_end=r["date_char_end"],
            flags=tuple(r["date_flags"] or ()),
        )
    place = None
    if r.get("place_name") is not None:
        place = Place(
            text=r["place_text"] or "",
            name=r["place_name"],
            country=r["place_country"],
            admin1=r["place_admin1"],
            lat=r["lat"],
            lon=r["lon"],
            precision=r["place_precision"] or "country",
            geonameid=r["place_geonameid"],
            char_start=r["place_char_start"],
            char_end=r["place_char_end"],
            inferred=bool(r.get("place_inferred")),
        )
    return Event(
        event_id=r["event_id"],
        article_id=r["article_id"],
        sentence=r["sentence"],
        evidence=r.get("evidence_text") or "",
        evidence_start=r["evidence_start"],
        trigger=Span(text=r["trigger_text"], start=r["trigger_start"], end=r["trigger_end"]),
        source=tuple(actors.get("source", ())),
        target=tuple(actors.get("target", ())),
        cameo=Cameo(
            code=r["cameo_code"],
            root=r["cameo_root"],
            quad_class=r["quad_class"],
            goldstein=r["goldstein"],
            name=r["cameo_name"] or "",
        ),
        plover=Plover(
            type=r["plover_type"], mode=r["plover_mode"], context=tuple(r["plover_context"] or ())
        ),
        modality=r["modality"],
        date=date_,
        place=place,
        confidence=r["confidence"],
        pattern=r["pattern"],
        coder_version=r["coder_version"],
        acled=(
            Acled(event_type=r["acled_type"], sub_event_type=r["acled_subtype"])
            if r.get("acled_type")
            else None
        ),
        counted=r.get("counted") is not False,
        probability=r.get("probability"),
    )


#: Flat export columns, in order, with their DuckDB type (Parquet and the GDELT test use it).
#: Several actors on one side are joined with "; " in the same order in every actor column.
FLAT_COLUMNS: dict[str, str] = {
    "event_id": "VARCHAR",
    "article_id": "VARCHAR",
    "date_start": "DATE",
    "date_end": "DATE",
    "date_precision": "VARCHAR",
    "date_value": "VARCHAR",
    "date_text": "VARCHAR",
    "source_country": "VARCHAR",
    "source_sector": "VARCHAR",
    "source_name": "VARCHAR",
    "source_text": "VARCHAR",
    "target_country": "VARCHAR",
    "target_sector": "VARCHAR",
    "target_name": "VARCHAR",
    "target_text": "VARCHAR",
    "cameo_code": "VARCHAR",
    "cameo_root": "VARCHAR",
    "cameo_name": "VARCHAR",
    "quad_class": "INTEGER",
    "goldstein": "DOUBLE",
    "plover_type": "VARCHAR",
    "plover_mode": "VARCHAR",
    "plover_context": "VARCHAR",
    "acled_type": "VARCHAR",
    "acled_subtype": "VARCHAR",
    "modality": "VARCHAR",
    "counted": "BOOLEAN",
    "probability": "DOUBLE",
    "confidence": "DOUBLE",
    "place_name": "VARCHAR",
    "place_country": "VARCHAR",
    "place_admin1": "VARCHAR",
    "lat": "DOUBLE",
    "lon": "DOUBLE",
    "place_precision": "VARCHAR",
    "place_geonameid": "BIGINT",
    "place_text": "VARCHAR",
    "place_inferred": "BOOLEAN",
    "trigger_text": "VARCHAR",
    "trigger_start": "INTEGER",
    "trigger_end": "INTEGER",
    "sentence": "INTEGER",
    "evidence": "VARCHAR",
    "evidence_start": "INTEGER",
    "published": "VARCHAR",
    "url": "VARCHAR",
    "title": "VARCHAR",
    "publisher": "VARCHAR",
    "pattern": "VARCHAR",
    "coder_version": "VARCHAR",
    "canonical_id": "VARCHAR",
    "num_mentions": "INTEGER",
    "num_articles": "INTEGER",
    "num_sources": "INTEGER",
    "first_seen": "DATE",
    "last_seen": "DATE",
}


def _join(values: Iterable[str | None]) -> str | None:
    vals = [v or "" for v in values]
    return "; ".join(vals) if any(vals) else None


def flat_row(e: Event, article: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Every field of an event in one flat row (:data:`FLAT_COLUMNS`), with the article's
    ``published``, ``url``, ``title`` and ``source`` (as ``publisher``) when given."""
    row = event_row(e)
    art = article or {}
    flat: dict[str, Any] = {
        k: row[k] for k in FLAT_COLUMNS if k in row and k not in {"date_start", "date_end"}
    }
    for side, actors in (("source", e.source), ("target", e.target)):
        flat[f"{side}_country"] = _join(a.country for a in actors)
        flat[f"{side}_sector"] = _join(a.sector for a in actors)
        flat[f"{side}_name"] = _join(a.name for a in actors)
        flat[f"{side}_text"] = _join(a.text for a in actors)
    flat.update(
        date_start=e.date.start if e.date else None,
        date_end=e.date.end if e.date else None,
        plover_context=_join(e.plover.context),
        evidence=e.evidence,
        published=art.get("published"),
        url=art.get("url"),
        title=art.get("title"),
        publisher=art.get("source"),
        canonical_id=art.get("canonical_id"),
        num_mentions=art.get("num_mentions"),
        num_articles=art.get("num_articles"),
        num_sources=art.get("num_sources"),
        first_seen=_iso(art.get("first_seen")),
        last_seen=_iso(art.get("last_seen")),
    )
    return {k: flat.get(k) for k in FLAT_COLUMNS}


def document_rows(
    results: Iterable[DocumentResult],
    rejects: Iterable[Reject],
    near: dict[str, str],
    sigs: dict[str, dict[str, Any]] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Rows per table (:data:`DOCUMENT_TABLES`), by column name, for a batch of results and
    rejects (and the near-duplicate signatures of the batch's articles, in ``sigs`` by article
    id). The store writes these; the Spark engine writes the same rows to Parquet."""
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in DOCUMENT_TABLES}
    for res in results:
        a = res.article
        if sigs and a.article_id in sigs:
            rows["article_minhash"].append(sigs[a.article_id])
        rows["articles"].append(
            {
                "article_id": a.article_id,
                "title": a.title,
                "url": a.url,
                "source": a.source,
                "published": a.published,
                "published_day": day(a.published),
                "published_source": a.published_source,
                "origin": a.origin,
                "fmt": a.fmt,
                "language": a.language,
                "near_duplicate_of": near.get(a.article_id),
                "text": a.text,
            }
        )
        for s in res.sentences:
            rows["sentences"].append(
                {
                    "article_id": s.article_id,
                    "idx": s.index,
                    "paragraph": s.paragraph,
                    "start_char": s.start,
                    "end_char": s.end,
                    "text": s.text,
                }
            )
        for e in res.events:
            rows["events"].append(event_row(e))
            rows["event_actors"].extend(actor_rows(e))
        for p in res.places:
            rows["places"].append(
                {
                    "article_id": a.article_id,
                    "start_char": p.char_start,
                    "end_char": p.char_end,
                    "text": p.text,
                    "name": p.name,
                    "country": p.country,
                    "admin1": p.admin1,
                    "lat": p.lat,
                    "lon": p.lon,
                    "precision": p.precision,
                    "geonameid": p.geonameid,
                }
            )
        for q in res.quotes:
            sp = q.speaker
            rows["quotes"].append(
                {
                    "quote_id": q.quote_id,
                    "article_id": q.article_id,
                    "sentence": q.sentence,
                    "text": q.text,
                    "start_char": q.start,
                    "end_char": q.end,
                    "speaker_text": sp.text if sp else None,
                    "speaker_country": sp.country if sp else None,
                    "speaker_sector": sp.sector if sp else None,
                    "speaker_name": sp.name if sp else None,
                    "cue": q.cue,
                }
            )
    for r in rejects:
        rows["rejects"].append({"origin": r.origin, "stage": r.stage, "reason": r.reason})
    return rows
