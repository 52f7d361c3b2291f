"""``eventwire report ACTOR``: one self-contained HTML file about a country's relations.

Everything is inline (CSS and SVG charts; no script, no font, no CDN), so the file opens
offline and can be mailed. It holds: events per month by QuadClass with summed Goldstein, the
partners table, the partnership shift between two periods (cooperation and conflict shares
with Fisher's exact test; how the split was chosen, and a warning when a period holds too few
events to say much), and the evidence sentence of every event behind a shift.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import Any

from eventwire.analyse.dyads import aggregate
from eventwire.analyse.shifts import Shift, partners, shifts
from eventwire.query import EventQuery, country_name, resolve_country
from eventwire.records import PUBLICATION_FLAG
from eventwire.store.db import Store

QUAD_COLOURS = {1: "#6baed6", 2: "#2171b5", 3: "#fd8d3c", 4: "#d94801"}
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:980px;color:#222;padding:0 1em}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.5em 0}
td,th{border-bottom:1px solid #eee;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f6f6f6}.num{text-align:right;font-variant-numeric:tabular-nums}
.up{color:#1a7f37}.down{color:#b42318}.muted{color:#777}.legend span{margin-right:1em}
.sw{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em}
blockquote{margin:.2em 0 .6em 1em;color:#333}
.warn{background:#fff4e5;border-left:3px solid #d94801;padding:.4em .8em}
"""
#: Fewer cooperative events than this in a period and the report warns that its shares say little.
FEW_EVENTS = 10


def _name(code: str | None) -> str:
    return f"{country_name(code)} ({code})" if code else "?"


def _timeline_svg(rows: list[dict[str, Any]]) -> str:
    """Stacked bars of events per month by QuadClass, with summed Goldstein as a line."""
    if not rows:
        return '<p class="muted">No dated events.</p>'
    w, h, pad, bottom = 900, 260, 40, 50
    n = len(rows)
    bw = (w - 2 * pad) / n
    top = max(r["events"] for r in rows) or 1
    gmax = max(abs(r["goldstein"] or 0) for r in rows) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" '
        'role="img" aria-label="events per month by QuadClass">'
    ]
    base = h - bottom
    scale = (h - bottom - 20) / top
    for i, r in enumerate(rows):
        x = pad + i * bw
        y = base
        for q in (1, 2, 3, 4):
            c = r[f"q{q}"]
            if not c:
                continue
            hh = c * scale
            y -= hh
            parts.append(
                f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{max(bw - 2, 1):.1f}" '
                f'height="{hh:.1f}" fill="{QUAD_COLOURS[q]}"><title>{escape(r["month"])}: '
                f"{c} {QUAD_NAMES[q]}</title></rect>"
            )
        if n <= 40 or i % max(1, n // 20) == 0:
            parts.append(
                f'<text x="{x + bw / 2:.1f}" y="{base + 14}" font-size="10" '
                f'text-anchor="end" transform="rotate(-45 {x + bw / 2:.1f} {base + 14})">'
                f"{escape(r['month'][:7])}</text>"
            )
    mid = (h - bottom) / 2 + 10
    pts = " ".join(
        f"{pad + (i + 0.5) * bw:.1f},{mid - (r['goldstein'] or 0) / gmax * (mid - 20):.1f}"
        for i, r in enumerate(rows)
    )
    parts.append(f'<polyline points="{pts}" fill="none" stroke="#333" stroke-width="1.5"/>')
    parts.append(f'<line x1="{pad}" y1="{base}" x2="{w - pad}" y2="{base}" stroke="#999"/>')
    parts.append(f'<text x="4" y="14" font-size="11">{top} events</text>')
    parts.append("</svg>")
    legend = "".join(
        f'<span><i class="sw" style="background:{QUAD_COLOURS[q]}"></i>{QUAD_NAMES[q]}</span>'
        for q in (1, 2, 3, 4)
    )
    return "".join(parts) + f'<p class="legend">{legend}<span>— summed Goldstein</span></p>'


def _shift_svg(shift: Shift) -> str:
    """Cooperation share before and after the split, one pair of bars per partner."""
    rows = [p for p in shift.partners if p.cooperation.before or p.cooperation.after][:12]
    if not rows:
        return '<p class="muted">No cooperative events with a partner.</p>'
    w, rh, label = 900, 26, 180
    h = rh * len(rows) + 30
    span = w - label - 80
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" '
        'role="img" aria-label="cooperation share before and after">'
    ]
    for i, p in enumerate(rows):
        y = 10 + i * rh
        c = p.cooperation
        parts.append(
            f'<text x="{label - 6}" y="{y + 14}" font-size="12" text-anchor="end">'
            f"{escape(_name(p.partner))}</text>"
        )
        for j, (share, colour) in enumerate(((c.share_before, "#bbb"), (c.share_after, "#2171b5"))):
            parts.append(
                f'<rect x="{label}" y="{y + j * 10}" width="{share * span:.1f}" height="9" '
                f'fill="{colour}"><title>{share:.0%}</title></rect>'
            )
        parts.append(
            f'<text x="{label + max(c.share_before, c.share_after) * span + 6:.1f}" '
            f'y="{y + 14}" font-size="11">{c.share_before:.0%} → {c.share_after:.0%}</text>'
        )
    parts.append("</svg>")
    legend = (
        '<p class="legend"><span><i class="sw" style="background:#bbb"></i>before</span>'
        '<span><i class="sw" style="background:#2171b5"></i>after</span></p>'
    )
    return "".join(parts) + legend


def _split_note(shift: Shift) -> str:
    if shift.split_rule == "median":
        return (
            f"The split, {escape(shift.split or '-')}, is the median day of the events (the "
            "default), so both periods hold about as many events; it is not the date of "
            "anything. To compare before and after an event, such as a coup, give its date "
            "with <code>--split</code>."
        )
    if shift.split_rule == "none":
        return "No dated events: no split."
    return f"The split, {escape(shift.split or '-')}, was given with <code>--split</code>."


def _warnings(shift: Shift) -> list[str]:
    out = []
    totals = next(
        ((p.cooperation.before_total, p.cooperation.after_total) for p in shift.partners),
        (0, 0),
    )
    for period, n in zip(("before", "after"), totals, strict=True):
        if n < FEW_EVENTS:
            out.append(
                f'<p class="warn">Only {n} cooperative event-partner pair'
                f"{'' if n == 1 else 's'} {period} the split: shares from so few events are "
                "fragile, and one event coded wrongly or missed moves them a lot.</p>"
            )
    if shift.straddling:
        n = len(shift.straddling)
        out.append(
            f'<p class="muted">{n} event{"" if n == 1 else "s"} dated only to a period that '
            "spans the split (e.g. a month) "
            f"{'is' if n == 1 else 'are'} left out of both periods: "
            + ", ".join(f"<a href='#e-{escape(e)}'>{escape(e)}</a>" for e in shift.straddling)
            + ".</p>"
        )
    return out


def _evidence(row: tuple[Any, dict[str, Any]], eid: str, period: str) -> str:
    """One event behind a share: its date as precise as the text gave it, who did what to
    whom, the evidence sentence and the article's link."""
    ev, art = row
    stated = ev.date if ev.date and PUBLICATION_FLAG not in ev.date.flags else None
    value = stated.value if stated and (stated.value or "")[:1].isdigit() else None
    day = (value or (stated.start if stated else None)) or (
        f"{(art.get('published') or '')[:10]} (published)" if art.get("published") else None
    )
    src = ", ".join(_name(a.country) for a in ev.source) or "?"
    tgt = ", ".join(_name(a.country) for a in ev.target) or "?"
    link = f' <a href="{escape(art["url"])}">source</a>' if art.get("url") else ""
    return (
        f"<p id='e-{escape(eid)}'><b>{escape(day or 'undated')}</b> ({escape(period)}) "
        f"{escape(src)} → <b>{escape(ev.cameo.code)} {escape(ev.cameo.name)}</b>"
        f" → {escape(tgt)} <span class=muted>[{escape(ev.plover.type or '')}, "
        f"QuadClass {ev.cameo.quad_class}, p={ev.probability}, {escape(eid)}]"
        f"</span>{link}<blockquote>{escape(ev.evidence)}</blockquote></p>"
    )


def _pct(x: float) -> str:
    return f"{x:.0%}"


def _arrow(change: float) -> str:
    if change > 0:
        return f'<span class="up">+{change:.0%}</span>'
    if change < 0:
        return f'<span class="down">{change:.0%}</span>'
    return "0"


def render(
    store: Store,
    actor: str,
    *,
    since: str | None = None,
    until: str | None = None,
    split: str | None = None,
    query: EventQuery | None = None,
) -> str:
    """The report on ``actor`` (a code or a country name) as one HTML document."""
    code = resolve_country(actor)
    base = replace(query or EventQuery(), since=since, until=until)
    focal_q = replace(base, actor=(code,))
    months = aggregate(store, ["month"], query=focal_q)
    months = sorted((r for r in months if r["month"]), key=lambda r: r["month"])
    part = partners(store, code, query=base)
    shift = shifts(store, code, split=split, query=base)
    page = store.query(focal_q)
    by_id = {ev.event_id: (ev, art) for ev, art in page.rows}
    title = f"{country_name(code)} ({code}): relations"
    window = f"{since or 'the first event'} to {until or 'the last event'}"
    out = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="muted">Events from {escape(window)}: {len(page.rows)} counted events '
        "(candidates, negated and hypothetical events left out). Made by eventwire from the "
        "stored events; every figure links to its evidence below.</p>",
        "<h2>Events per month</h2>",
        _timeline_svg(months),
        "<h2>Partners</h2>",
        "<table><tr><th>partner</th><th class=num>events</th>"
        + "".join(f"<th class=num>{escape(QUAD_NAMES[q])}</th>" for q in (1, 2, 3, 4))
        + "<th class=num>Goldstein</th></tr>",
    ]
    for row in part:
        out.append(
            f"<tr><td>{escape(_name(row['partner']))}</td><td class=num>{row['events']}</td>"
            + "".join(f"<td class=num>{row[f'q{q}']}</td>" for q in (1, 2, 3, 4))
            + f"<td class=num>{row['goldstein']:.1f}</td></tr>"
        )
    out.append("</table>")
    out.append(f"<h2>Shift: before and after {escape(shift.split or '-')}</h2>")
    out.append(f"<p>{_split_note(shift)}</p>")
    out.append(
        "<p>Each partner's share of the focal country's cooperative (QuadClass 1-2) and "
        "conflictual (3-4) events in each period, with the counts; a troop withdrawal (CAMEO "
        "087) counts in neither, and only states count as the two sides (not armed groups, "
        "criminals, civilians or refugees). The change is tested with Fisher's exact test "
        "(two-sided; p under 0.05 is marked).</p>"
    )
    out.extend(_warnings(shift))
    out.append(_shift_svg(shift))
    out.append(
        "<table><tr><th>partner</th><th class=num>cooperation before</th>"
        "<th class=num>after</th><th class=num>change</th><th class=num>p</th>"
        "<th class=num>conflict before</th><th class=num>after</th><th class=num>change</th>"
        "<th class=num>p</th></tr>"
    )
    for p in shift.partners:
        cells = []
        for s in (p.cooperation, p.conflict):
            pv = s.p_value
            mark = "" if pv is None else (f"{pv:.3f}" + (" *" if pv < 0.05 else ""))
            cells.append(
                f"<td class=num>{_pct(s.share_before)} ({s.before}/{s.before_total})</td>"
                f"<td class=num>{_pct(s.share_after)} ({s.after}/{s.after_total})</td>"
                f"<td class=num>{_arrow(s.change)}</td><td class=num>{mark or '-'}</td>"
            )
        out.append(f"<tr><td>{escape(_name(p.partner))}</td>{''.join(cells)}</tr>")
    out.append("</table><h2>Evidence</h2>")
    for p in shift.partners:
        out.append(f"<h3 id='p-{escape(p.partner)}'>{escape(_name(p.partner))}</h3>")
        for period in ("before", "after"):
            out.extend(
                _evidence(by_id[e], e, period) for e in p.events.get(period, []) if e in by_id
            )
    if shift.straddling:
        out.append("<h3>Left out: dated only to a period that spans the split</h3>")
        out.extend(
            _evidence(by_id[e], e, "spans the split") for e in shift.straddling if e in by_id
        )
    out.append("</body></html>")
    return "\n".join(out)
