"""A minimal dashboard at ``/``: an event table with the filters as a form, and one page per
event with its evidence highlighted. Server-rendered HTML with inline CSS: no script, no
external asset, nothing fetched from a CDN."""

from __future__ import annotations

from html import escape
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from eventwire.query import EventQuery, build_query
from eventwire.records import Event
from eventwire.serve.db import Database

CSS = """
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:3px 6px;
text-align:left;vertical-align:top}th{background:#f6f6f6}form input{width:8em;margin-right:.5em}
.muted{color:#777}mark.t{background:#fde68a}mark.s{background:#bfdbfe}mark.g{background:#f5d0fe}
"""
FIELDS = ("actor", "source", "target", "plover", "cameo", "since", "until", "text")


def _page(title: str, body: str) -> HTMLResponse:
    return HTMLResponse(
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{escape(title)}"
        f"</title><style>{CSS}</style></head><body>{body}</body></html>"
    )


def _actors(actors: tuple[Any, ...]) -> str:
    return "; ".join(f"{a.country or '?'}{'/' + a.sector if a.sector else ''}" for a in actors)


def _highlight(ev: Event) -> str:
    """The evidence sentence with trigger, source and target marked."""
    base = ev.evidence_start
    marks: list[tuple[int, int, str]] = [(ev.trigger.start - base, ev.trigger.end - base, "t")]
    marks += [(a.start - base, a.end - base, "s") for a in ev.source]
    marks += [(a.start - base, a.end - base, "g") for a in ev.target]
    marks = sorted(m for m in marks if 0 <= m[0] < m[1] <= len(ev.evidence))
    out, pos = [], 0
    for start, end, cls in marks:
        if start < pos:
            continue
        out.append(escape(ev.evidence[pos:start]))
        out.append(f'<mark class="{cls}">{escape(ev.evidence[start:end])}</mark>')
        pos = end
    out.append(escape(ev.evidence[pos:]))
    return "".join(out)


def add_dashboard(app: FastAPI, database: Database) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(
        request: Request,
        cursor: Annotated[str | None, Query()] = None,
    ) -> HTMLResponse:
        params = {k: v for k in FIELDS if (v := request.query_params.get(k))}
        try:
            query = build_query(
                **{
                    k: [v] if k in ("actor", "source", "target", "plover", "cameo") else v
                    for k, v in params.items()
                }
            ).resolved()
        except Exception as exc:  # a bad filter: show it, do not fail the page
            query, error = EventQuery(), str(exc)
        else:
            error = ""
        with database.read() as db_:
            page = db_.store.query(query, limit=100, cursor=cursor)
        form = "".join(
            f'<label>{k} <input name="{k}" value="{escape(params.get(k, ""))}"></label>'
            for k in FIELDS
        )
        rows = "".join(
            f"<tr><td>{escape((ev.date.start or '') if ev.date else '')}</td>"
            f"<td>{escape(_actors(ev.source))}</td>"
            f'<td><a href="/events/{escape(ev.event_id)}">{escape(ev.cameo.code)} '
            f"{escape(ev.cameo.name)}</a></td><td>{escape(_actors(ev.target))}</td>"
            f"<td>{escape(ev.place.name if ev.place else '')}</td>"
            f"<td>{escape(ev.evidence[:160])}</td></tr>"
            for ev, _ in page.rows
        )
        more = (
            f'<p><a href="/?{escape(urlencode({**params, "cursor": page.next_cursor}))}">'
            "next page</a></p>"
            if page.next_cursor
            else ""
        )
        note = (
            f'<p class="muted">answered from a snapshot of {escape(db_.snapshot)}</p>'
            if (db_.snapshot)
            else ""
        )
        body = (
            "<h1>eventwire</h1><form method=get>"
            + form
            + "<button>filter</button></form>"
            + (f'<p style="color:#b42318">{escape(error)}</p>' if error else "")
            + note
            + "<table><tr><th>date</th><th>source</th><th>event</th><th>target</th>"
            + f"<th>place</th><th>evidence</th></tr>{rows}</table>{more}"
            + '<p class="muted">JSON: <a href="/v1/events">/v1/events</a>, '
            + 'API description: <a href="/openapi.json">/openapi.json</a></p>'
        )
        return _page("eventwire", body)

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(event_id: str) -> HTMLResponse:
        with database.read() as db_:
            page = db_.store.query(EventQuery(event_ids=(event_id,), include_all=True))
        if not page.rows:
            raise HTTPException(404, f"no event {event_id!r}")
        ev, art = page.rows[0]
        link = f'<a href="{escape(art["url"])}">{escape(art["url"])}</a>' if art.get("url") else ""
        facts = [
            (
                "event",
                f"{ev.cameo.code} {ev.cameo.name} (QuadClass {ev.cameo.quad_class}, "
                f"Goldstein {ev.cameo.goldstein}); PLOVER {ev.plover.type or '-'}",
            ),
            ("source", _actors(ev.source) or "-"),
            ("target", _actors(ev.target) or "-"),
            ("modality", ev.modality),
            (
                "date",
                f"{ev.date.start}..{ev.date.end} ({ev.date.precision}, '{ev.date.text}')"
                if ev.date
                else "-",
            ),
            (
                "place",
                f"{ev.place.name}, {ev.place.country} ({ev.place.lat}, {ev.place.lon})"
                if ev.place
                else "-",
            ),
            ("probability", f"{ev.probability} ({'counted' if ev.counted else 'candidate'})"),
            ("article", f"{art.get('title') or '-'} ({art.get('published') or 'undated'})"),
        ]
        rows = "".join(f"<tr><th>{k}</th><td>{escape(str(v))}</td></tr>" for k, v in facts)
        body = (
            f'<p><a href="/">all events</a></p><h1>{escape(ev.event_id)}</h1>'
            f"<blockquote>{_highlight(ev)}</blockquote><table>{rows}</table><p>{link}</p>"
        )
        return _page(ev.event_id, body)
