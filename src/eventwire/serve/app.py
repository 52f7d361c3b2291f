"""The REST API (FastAPI): events, dyad timelines, partners, stats, and coding one article.

Every error is answered in one JSON shape::

    {"error": {"status": 404, "code": "not_found", "message": "no event 'x' ..."}}

Reads follow :mod:`eventwire.serve.db` (per-request read-only connections, a snapshot while
``eventwire run`` holds the file). ``POST /v1/articles`` needs ``Authorization: Bearer TOKEN``
with the token given to :func:`create_app` (``eventwire serve`` reads it from
``EVENTWIRE_API_TOKEN``); without a configured token, writes are refused.
"""

from __future__ import annotations

import hmac
import threading
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire.errors import ConfigError, EventwireError, IngestError
from eventwire.query import STATED_START, EventQuery, build_query
from eventwire.records import Event, to_dict
from eventwire.serve.db import Database
from eventwire.store.canonical import merge
from eventwire.store.db import StoreBusyError

API_VERSION = "1"
MAX_PAGE = 1000
DEFAULT_PAGE = 100
_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_parameters",
    503: "busy",
}


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "code": _CODES.get(status, "error"), "message": message}}


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message), status_code=status, headers=headers)


class ArticleIn(BaseModel):
    """One article to code and store."""

    text: str = Field(min_length=1, max_length=1_000_000, description="The article body.")
    title: str | None = None
    url: str | None = None
    source: str | None = Field(default=None, description="The publisher.")
    published: str | None = Field(default=None, description="Publication date, YYYY-MM-DD.")


def event_json(ev: Event, article: dict[str, Any] | None = None) -> dict[str, Any]:
    """The event JSON of docs/data-model.md, with its article's metadata."""
    out = to_dict(ev)
    if article is not None:
        out["article"] = {k: article.get(k) for k in ("published", "url", "title", "source")}
        if article.get("canonical_id"):
            out["canonical"] = {
                k: _iso_day(article.get(k))
                for k in (
                    "canonical_id",
                    "num_mentions",
                    "num_articles",
                    "num_sources",
                    "first_seen",
                    "last_seen",
                )
            }
    return out


def _iso_day(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def filters(
    actor: Annotated[list[str] | None, Query(description="Country on either side.")] = None,
    source: Annotated[list[str] | None, Query(description="Source country.")] = None,
    target: Annotated[list[str] | None, Query(description="Target country.")] = None,
    dyad: Annotated[str | None, Query(description="A:B, either direction.")] = None,
    plover: Annotated[list[str] | None, Query(description="PLOVER type.")] = None,
    cameo: Annotated[list[str] | None, Query(description="CAMEO code or root prefix.")] = None,
    quad_class: Annotated[list[int] | None, Query(description="QuadClass 1-4.")] = None,
    sector: Annotated[list[str] | None, Query(description="Actor sector.")] = None,
    sector_role: Annotated[str, Query(description="source, target or either.")] = "either",
    place_country: Annotated[list[str] | None, Query(description="Place country.")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north")] = None,
    since: Annotated[str | None, Query(description="Earliest date YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="Latest date YYYY-MM-DD.")] = None,
    modality: Annotated[list[str] | None, Query(description="Modality.")] = None,
    min_probability: Annotated[float | None, Query(ge=0, le=1)] = None,
    text: Annotated[str | None, Query(description="Words in the evidence.")] = None,
    include_all: Annotated[
        bool, Query(alias="all", description="Include candidates, negated, hypothetical.")
    ] = False,
    canonical: Annotated[
        bool,
        Query(
            description="One row per canonical event however many articles reported it "
            "(default, as on the command line); false: one row per report."
        ),
    ] = True,
) -> EventQuery:
    """The shared event filters (the CLI's options, same names and defaults: counts and lists
    are of canonical events unless ``canonical=false``, the CLI's ``--mentions``)."""
    return build_query(**locals()).resolved()


Filters = Annotated[EventQuery, Depends(filters)]


def create_app(
    db: str | Path,
    *,
    token: str | None = None,
    snapshot_dir: Path | None = None,
    snapshots: bool = True,
) -> FastAPI:
    """The API over the DuckDB file ``db``."""
    database = Database(Path(db), snapshot_dir=snapshot_dir, snapshots=snapshots)
    app = FastAPI(
        title="eventwire",
        version=API_VERSION,
        description="Political event data: who did what to whom, when and where, with the "
        "evidence. Errors: {error: {status, code, message}}.",
        # FastAPI's /docs and /redoc pages load their scripts from a CDN: off, nothing here
        # fetches from outside; the description is at /openapi.json
        docs_url=None,
        redoc_url=None,
    )
    app.state.database = database
    processor_lock = threading.Lock()
    processor: list[Any] = []

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "body"))
            parts.append(f"{where}: {e.get('msg')}")
        return _error(422, "; ".join(parts) or "invalid parameters")

    @app.exception_handler(StoreBusyError)
    async def _busy(_: Request, exc: StoreBusyError) -> JSONResponse:
        return _error(503, str(exc), {"Retry-After": "5"})

    @app.exception_handler(ConfigError)
    async def _bad(_: Request, exc: ConfigError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(IngestError)
    async def _ingest(_: Request, exc: IngestError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(EventwireError)
    async def _other(_: Request, exc: EventwireError) -> JSONResponse:
        return _error(500, str(exc))

    def mark(response: Response, snapshot: str | None) -> None:
        if snapshot:
            response.headers["X-Eventwire-Snapshot"] = snapshot

    @app.get("/v1/events", summary="Events matching the filters, in date order, paged")
    def list_events(
        response: Response,
        query: Filters,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
        cursor: Annotated[str | None, Query(description="next_cursor of the last page")] = None,
    ) -> dict[str, Any]:
        with database.read() as db_:
            page = db_.store.query(query, limit=limit, cursor=cursor)
        mark(response, db_.snapshot)
        return {
            "data": [event_json(ev, art) for ev, art in page.rows],
            "next_cursor": page.next_cursor,
            "notes": list(query.notes),
        }

    @app.get("/v1/events/{event_id}", summary="One event with its evidence and article")
    def get_event(event_id: str, response: Response) -> dict[str, Any]:
        with database.read() as db_:
            page = db_.store.query(EventQuery(event_ids=(event_id,), include_all=True))
        mark(response, db_.snapshot)
        if not page.rows:
            raise HTTPException(404, f"no event {event_id!r}; list ids with GET /v1/events")
        ev, art = page.rows[0]
        out = event_json(ev, art)
        base = ev.evidence_start
        out["highlights"] = {
            "trigger": [ev.trigger.start - base, ev.trigger.end - base],
            "source": [[a.start - base, a.end - base] for a in ev.source],
            "target": [[a.start - base, a.end - base] for a in ev.target],
        }
        return out

    @app.get("/v1/dyads/{a}/{b}/timeline", summary="Events between two countries per period")
    def dyad_timeline(
        a: str,
        b: str,
        response: Response,
        query: Filters,
        freq: Annotated[str, Query(description="day, week, month, quarter, year")] = "month",
        directed: Annotated[bool, Query(description="only a acting on b")] = False,
    ) -> dict[str, Any]:
        from eventwire.analyse.dyads import timeline

        with database.read() as db_:
            rows = timeline(db_.store, a, b, freq=freq, query=query, directed=directed)
        mark(response, db_.snapshot)
        return {"a": a, "b": b, "freq": freq, "directed": directed, "data": rows}

    @app.get("/v1/actors/{code}/partners", summary="A country's partners and their shift")
    def actor_partners(
        code: str,
        response: Response,
        query: Filters,
        split: Annotated[str | None, Query(description="YYYY-MM-DD; default median")] = None,
    ) -> dict[str, Any]:
        from eventwire.analyse.shifts import partners, shifts

        with database.read() as db_:
            found = partners(db_.store, code, query=query)
            shift = shifts(db_.store, code, split=split, query=query)
        mark(response, db_.snapshot)
        return {"actor": shift.focal, "partners": found, "shift": shift.as_dict()}

    @app.get("/v1/agg", summary="Events per group (the `agg` command): day, week, country ...")
    def agg(
        response: Response,
        query: Filters,
        by: Annotated[
            list[str],
            Query(description="Comma list of groups: source_country, quad_class, week, ..."),
        ],
        limit: Annotated[int | None, Query(ge=1, le=100_000)] = None,
    ) -> dict[str, Any]:
        from eventwire.analyse.dyads import aggregate

        groups = [g.strip() for value in by for g in value.split(",") if g.strip()]
        with database.read() as db_:
            rows = aggregate(db_.store, groups, query=query, limit=limit)
        mark(response, db_.snapshot)
        return {"by": groups, "data": rows, "notes": list(query.notes)}

    @app.get("/v1/stats", summary="What the database holds")
    def stats(response: Response) -> dict[str, Any]:
        from eventwire.analyse.dyads import aggregate

        with database.read() as db_:
            s = db_.store
            counts = {t: s.count(t) for t in ("articles", "events", "quotes", "rejects")}
            counted = s.count_events(EventQuery(canonical=True))
            reports = s.count_events(EventQuery())
            span = s.fetch(
                f"SELECT min(coalesce({STATED_START}, a.published_day)) AS first, "
                f"max(coalesce({STATED_START}, a.published_day)) AS last "
                "FROM events e JOIN articles a USING (article_id)"
            )[0]
            canonical = EventQuery(canonical=True)
            by_quad = aggregate(s, ["quad_class"], query=canonical)
            dyads = aggregate(s, ["source_country", "target_country"], limit=10, query=canonical)
        mark(response, db_.snapshot)
        return {
            "tables": counts,
            "events_counted": counted,
            "reports_counted": reports,
            "first_day": span["first"].isoformat() if span["first"] else None,
            "last_day": span["last"].isoformat() if span["last"] else None,
            "by_quad_class": {str(r["quad_class"]): r["events"] for r in by_quad},
            "top_dyads": dyads,
            "snapshot": db_.snapshot,
        }

    def authorised(authorization: Annotated[str | None, Header()] = None) -> None:
        if not token:
            raise HTTPException(
                403, "writing is disabled: start the server with EVENTWIRE_API_TOKEN set"
            )
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not authorization or not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(
                401,
                "missing or wrong bearer token: send 'Authorization: Bearer TOKEN'",
                headers={"WWW-Authenticate": "Bearer"},
            )

    @app.post(
        "/v1/articles",
        status_code=201,
        dependencies=[Depends(authorised)],
        summary="Code one article and store it with its events",
    )
    def post_article(body: ArticleIn) -> dict[str, Any]:
        from eventwire.ingest.sources import document_from_text
        from eventwire.pipeline import Processor
        from eventwire.records import Reject

        article = document_from_text(
            body.text,
            origin=body.url or "api",
            published=body.published,
            title=body.title,
            url=body.url,
            source=body.source,
        )
        with processor_lock:  # the model is loaded once, on the first article
            if not processor:
                processor.append(Processor())
            (res,) = list(processor[0].process_articles([article]))
        if isinstance(res, Reject):
            raise HTTPException(400, f"article refused ({res.stage}): {res.reason}")
        with database.write() as store:
            existed = store.has_article(res.article.article_id)
            failed = store.write_batch([res])
            if not failed:  # its reports join the canonical events already stored
                merge(store)
        if failed:
            raise HTTPException(400, f"article cannot be stored: {failed[0][1].reason}")
        return {
            "article_id": res.article.article_id,
            "already_stored": existed,
            "events": [event_json(ev) for ev in res.events],
        }

    from eventwire.serve.dashboard import add_dashboard

    add_dashboard(app, database)
    return app
