"""The dashboard at ``/``: a map of events, a timeline by QuadClass, a partner network and the
event table, all for the filters in the URL (so a view can be shared by its address), and one
page per event with its evidence sentence, trigger, source, target, time and place marked.

The page and the table are rendered here; the map, timeline and network are drawn by a small
hand-written script (``static/dashboard.js``, SVG, no library) from the ``/v1`` endpoints.
Everything is served by the package: the country outlines (``static/world.geojson``, Natural
Earth through the npm package world-atlas, see ``static/README.md``), the script and the
style sheet. Nothing is fetched from outside; without a script the table and the evidence
pages still work.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from eventwire.query import EventQuery, build_query
from eventwire.records import Event
from eventwire.serve.db import Database

STATIC = Path(__file__).parent / "static"
#: filters of the form, in the order shown; the ones in LISTS take several values (comma list)
FIELDS = (
    "actor",
    "source",
    "target",
    "dyad",
    "plover",
    "cameo",
    "place_country",
    "since",
    "until",
    "text",
)
LISTS = ("actor", "source", "target", "plover", "cameo", "place_country", "modality", "sector")
#: filters kept in the URL and passed on to the API as they are
EXTRA = ("bbox", "modality", "sector", "min_probability", "canonical")
QUADS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
FREQS = ("day", "week", "month")
PAGE = 100


def _page(title: str, body: str, *, script: bool = True) -> HTMLResponse:
    js = '<script src="/static/dashboard.js" defer></script>' if script else ""
    return HTMLResponse(
        f"<!doctype html><html lang=en><head><meta charset=utf-8>"
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{escape(title)}</title><link rel=icon href="data:,">'
        f'<link rel="stylesheet" href="/static/dashboard.css">{js}</head>'
        f"<body>{body}</body></html>"
    )


def _actors(actors: tuple[Any, ...]) -> str:
    return "; ".join(f"{a.country or '?'}{'/' + a.sector if a.sector else ''}" for a in actors)


def _highlight(ev: Event) -> str:
    """The evidence sentence with trigger, source, target, time and place marked."""
    base = ev.evidence_start
    marks: list[tuple[int, int, str]] = [(ev.trigger.start - base, ev.trigger.end - base, "t")]
    marks += [(a.start - base, a.end - base, "s") for a in ev.source]
    marks += [(a.start - base, a.end - base, "g") for a in ev.target]
    for span, cls in ((ev.date, "d"), (ev.place, "p")):
        if span is not None and span.char_start is not None and span.char_end is not None:
            marks.append((span.char_start - base, span.char_end - base, cls))
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


def url_filters(request: Request) -> dict[str, list[str]]:
    """The filters in the page's address: list filters split on commas, empty values dropped."""
    out: dict[str, list[str]] = {}
    for key in (*FIELDS, *EXTRA, "quad_class", "all"):
        values = [v.strip() for v in request.query_params.getlist(key)]
        if key in LISTS:
            values = [p.strip() for v in values for p in v.split(",")]
        values = [v for v in values if v]
        if values:
            out[key] = values
    return out


def to_query(params: dict[str, list[str]]) -> EventQuery:
    """The EventQuery of the address's filters (raises ConfigError or ValueError on a bad one)."""
    kw: dict[str, Any] = {"canonical": True}  # as the API and the CLI: one row per event
    for key, values in params.items():
        if key == "quad_class":
            kw[key] = [int(v) for v in values]
        elif key == "all":
            kw["include_all"] = values[-1].lower() in ("1", "true", "yes", "on")
        elif key == "canonical":
            kw["canonical"] = values[-1].lower() in ("1", "true", "yes", "on")
        elif key == "min_probability":
            kw[key] = float(values[-1])
        elif key in LISTS:
            kw[key] = values
        else:
            kw[key] = values[-1]
    return build_query(**kw).resolved()


def _form(params: dict[str, list[str]], freq: str) -> str:
    inputs = "".join(
        f'<label>{k.replace("_", " ")} <input name="{k}" '
        f'value="{escape(", ".join(params.get(k, [])))}"'
        f"{' placeholder=YYYY-MM-DD' if k in ('since', 'until') else ''}></label>"
        for k in FIELDS
    )
    quads = "".join(
        f'<label class="q q{n}"><input type="checkbox" name="quad_class" value="{n}"'
        f"{' checked' if str(n) in params.get('quad_class', []) else ''}> {n} {name}</label>"
        for n, name in QUADS.items()
    )
    freqs = "".join(f"<option{' selected' if f == freq else ''}>{f}</option>" for f in FREQS)
    hidden = "".join(
        f'<input type="hidden" name="{k}" value="{escape(v)}">'
        for k in (*EXTRA, "all")
        if k not in LISTS
        for v in params.get(k, [])
    ) + "".join(
        f'<input type="hidden" name="{k}" value="{escape(", ".join(params[k]))}">'
        for k in EXTRA
        if k in LISTS and k in params
    )
    box = ""
    if "bbox" in params:
        rest = urlencode(
            [*_pairs({k: v for k, v in params.items() if k != "bbox"}), ("freq", freq)]
        )
        box = (
            f'<span class="chip">place box {escape(params["bbox"][-1])} '
            f'<a href="/?{escape(rest)}">remove</a></span>'
        )
    return (
        f'<form id="filters" method="get" action="/">{inputs}{box}'
        f'<span class="quads">{quads}</span>'
        f'<label>timeline per <select name="freq">{freqs}</select></label>{hidden}'
        '<button>filter</button> <a href="/">clear</a></form>'
    )


def _table(rows: list[tuple[Event, dict[str, Any]]], back: str) -> str:
    out = []
    for ev, art in rows:
        day = escape((ev.date.start or "") if ev.date else "")
        if not day and art.get("published"):  # no date of its own: its article's day
            day = (
                f'<span class="muted" title="the article\'s day: the event has no date of its'
                f' own">{escape(str(art["published"])[:10])}</span>'
            )
        out.append(
            f'<tr><td class="nowrap">{day}</td><td>{escape(_actors(ev.source))}</td>'
            f'<td><span class="dot q{ev.cameo.quad_class}"></span>'
            f'<a href="/events/{escape(ev.event_id)}{back}">{escape(ev.cameo.code)} '
            f"{escape(ev.cameo.name)}</a></td><td>{escape(_actors(ev.target))}</td>"
            f"<td>{escape(ev.place.name if ev.place else '')}</td>"
            f"<td>{escape(ev.evidence[:160])}</td></tr>"
        )
    return (
        '<table id="events"><thead><tr><th>date</th><th>source</th><th>event</th>'
        "<th>target</th><th>place</th><th>evidence</th></tr></thead>"
        f"<tbody>{''.join(out)}</tbody></table>"
    )


def _pairs(params: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(k, v) for k, values in params.items() for v in values]


def add_dashboard(app: FastAPI, database: Database) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(
        request: Request,
        cursor: Annotated[str | None, Query()] = None,
        freq: Annotated[str, Query()] = "week",
    ) -> HTMLResponse:
        params = url_filters(request)
        freq = freq if freq in FREQS else "week"
        try:
            query = to_query(params)
        except Exception as exc:  # a bad filter: show it, do not fail the page
            query, error = EventQuery(), str(exc)
        else:
            error = ""
        with database.read() as db_:
            page = db_.store.query(query, limit=PAGE, cursor=cursor)
            total = db_.store.count_events(query)
        api = "" if error else urlencode(_pairs(params))
        view = urlencode([*_pairs(params), ("freq", freq)])
        back = f"?{escape(view)}" if params or freq != "week" else ""
        more = (
            f'<a href="/?{escape(urlencode([*_pairs(params), ("freq", freq)]))}'
            f'&amp;cursor={escape(page.next_cursor)}">next {PAGE} events</a>'
            if page.next_cursor
            else ""
        )
        notes = "; ".join(query.notes)
        snapshot = (
            f'<p class="muted">answered from a snapshot of {escape(db_.snapshot)}</p>'
            if db_.snapshot
            else ""
        )
        legend = "".join(f'<span class="key q{n}">{n} {name}</span>' for n, name in QUADS.items())
        body = (
            '<header><h1><a href="/">eventwire</a></h1>'
            f'<span class="muted">{"filter not understood: all " if error else ""}'
            f"{total} events{'' if error else ' match'}"
            f"{' (' + escape(notes) + ')' if notes else ''}</span></header>"
            + _form(params, freq)
            + (f'<p class="error">{escape(error)}</p>' if error else "")
            + snapshot
            + f'<main id="dashboard" data-api="{escape(api)}" data-freq="{freq}" '
            f'data-error="{1 if error else 0}">'
            '<section class="panel wide"><h2>Map <small id="map-note" class="muted"></small>'
            '</h2><svg id="map" role="img" aria-label="map of events"></svg></section>'
            f'<section class="panel"><h2>Timeline <small class="muted">events per {freq} by '
            'QuadClass</small></h2><svg id="timeline" role="img" aria-label="timeline"></svg>'
            f'<p class="legend">{legend}</p></section>'
            '<section class="panel"><h2>Partner network <small class="muted">green '
            "cooperation, red conflict; click a country to filter</small></h2>"
            '<svg id="network" role="img" aria-label="partner network"></svg></section>'
            f'<section class="panel wide"><h2>Events <small class="muted">{total} in date '
            f"order{', this page ' + str(len(page.rows)) if total > PAGE else ''}</small>"
            f"</h2>{_table(page.rows, back)}<p>{more}</p></section></main>"
            '<footer class="muted">JSON: <a href="/v1/events">/v1/events</a>, '
            '<a href="/v1/stats">/v1/stats</a>; API description: '
            '<a href="/openapi.json">/openapi.json</a>. Map: Natural Earth.</footer>'
        )
        return _page("eventwire", body)

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(event_id: str, request: Request) -> HTMLResponse:
        with database.read() as db_:
            page = db_.store.query(EventQuery(event_ids=(event_id,), include_all=True))
        if not page.rows:
            raise HTTPException(404, f"no event {event_id!r}")
        ev, art = page.rows[0]
        back = "/" + (f"?{request.url.query}" if request.url.query else "")
        link = (
            f'<a href="{escape(art["url"])}" rel="noreferrer">{escape(art["url"])}</a>'
            if art.get("url")
            else "-"
        )
        d, p = ev.date, ev.place
        facts = [
            (
                "event",
                f"{ev.cameo.code} {ev.cameo.name} (QuadClass {ev.cameo.quad_class} "
                f"{QUADS.get(ev.cameo.quad_class, '')}, Goldstein {ev.cameo.goldstein}); "
                f"PLOVER {ev.plover.type or '-'}",
            ),
            ("trigger", ev.trigger.text),
            ("source", _actors(ev.source) or "-"),
            ("target", _actors(ev.target) or "-"),
            ("modality", ev.modality),
            (
                "time",
                "-"
                if d is None
                else f"'{d.text}': not resolved to days ({d.precision or 'no precision'})"
                if d.start is None and d.end is None
                else f"{d.start or '?'} .. {d.end or '?'} ({d.precision}, '{d.text}')",
            ),
            (
                "place",
                f"{p.name}, {p.country or '?'} ({p.lat}, {p.lon}; {p.precision})" if p else "-",
            ),
            ("probability", f"{ev.probability} ({'counted' if ev.counted else 'candidate'})"),
            ("article", f"{art.get('title') or '-'} ({art.get('published') or 'undated'})"),
            ("publisher", art.get("source") or "-"),
        ]
        rows = "".join(f"<tr><th>{k}</th><td>{escape(str(v))}</td></tr>" for k, v in facts)
        rows += f"<tr><th>link</th><td>{link}</td></tr>"
        legend = (
            '<p class="legend"><mark class="t">trigger</mark> <mark class="s">source</mark> '
            '<mark class="g">target</mark> <mark class="d">time</mark> '
            '<mark class="p">place</mark></p>'
        )
        point = (
            f'<svg id="eventmap" data-lat="{p.lat}" data-lon="{p.lon}" '
            f'data-name="{escape(p.name)}" data-quad="{ev.cameo.quad_class}" role="img" '
            'aria-label="where"></svg>'
            if p is not None and p.lat is not None and p.lon is not None
            else ""
        )
        body = (
            f'<header><h1><a href="{escape(back)}">eventwire</a></h1>'
            f'<a href="{escape(back)}">&larr; back to the dashboard</a></header>'
            f'<main class="event"><section class="panel wide"><h2>Evidence <small '
            f'class="muted">{escape(ev.event_id)}</small></h2>'
            f'<blockquote id="evidence">{_highlight(ev)}</blockquote>{legend}</section>'
            f'<section class="panel"><table class="facts">{rows}</table></section>'
            f'<section class="panel">{point}</section></main>'
        )
        return _page(f"{ev.event_id} - eventwire", body)
