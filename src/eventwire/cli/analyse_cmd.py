"""``eventwire export``, ``agg``, ``timeline``, ``partners`` and ``report``: answers from the
store, with the same filters as ``eventwire events``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from eventwire.cli.app import DbOpt, _fail, console, explain, out
from eventwire.cli.filters import with_filters
from eventwire.errors import EventwireError
from eventwire.query import EventQuery

OutOpt = Annotated[Path | None, typer.Option("--out", help="Write to this file (default stdout).")]


def _print_rows(rows: list[dict], fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n")
        return
    if fmt == "csv":
        import csv

        w = csv.writer(sys.stdout)
        if rows:
            w.writerow(rows[0])
        for r in rows:
            w.writerow(["" if v is None else v for v in r.values()])
        return
    table = Table()
    for col in rows[0] if rows else ["(none)"]:
        table.add_column(col)
    for r in rows:
        table.add_row(*(Text("" if v is None else str(v)) for v in r.values()))
    out.print(table)


def _check_fmt(fmt: str) -> None:
    if fmt not in {"table", "csv", "json"}:
        raise typer.BadParameter("--format must be table, csv or json")


@with_filters
def export(
    fmt: Annotated[
        str, typer.Option("--format", help="csv, parquet, jsonl, gdelt or acled.")
    ] = "csv",
    db: DbOpt = Path("eventwire.duckdb"),
    out_file: OutOpt = None,
    *,
    query: EventQuery,
) -> None:
    """Export events with every field (csv, parquet, jsonl), or in GDELT 2.0's event table
    layout (one tab-separated row per dyad) or ACLED's (conflict events)."""
    from eventwire.analyse.export import FORMATS, write
    from eventwire.store.db import Store

    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    if fmt == "parquet" and out_file is None:
        raise typer.BadParameter("parquet is binary: give --out FILE")
    try:
        with Store(db, read_only=True) as store:
            page = store.query(query)
        explain(query, len(page.rows))
        n = write(page.rows, fmt, out_file if out_file is not None else sys.stdout)
    except EventwireError as exc:
        raise _fail(exc) from None
    if out_file is not None:
        console.print(f"{n} rows -> {out_file}", markup=False)


@with_filters
def agg(
    by: Annotated[
        str,
        typer.Option(
            help="Comma-separated groups: source_country, target_country, source_sector, "
            "target_sector, plover_type, cameo_code, cameo_root, quad_class, modality, "
            "place_country, day, week, month, quarter, year."
        ),
    ] = "source_country,target_country",
    db: DbOpt = Path("eventwire.duckdb"),
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    limit: Annotated[int | None, typer.Option(help="At most this many groups.")] = None,
    *,
    query: EventQuery,
) -> None:
    """Event counts, counts per QuadClass and Goldstein sums grouped by any columns."""
    from eventwire.analyse.dyads import aggregate
    from eventwire.store.db import Store

    _check_fmt(fmt)
    try:
        with Store(db, read_only=True) as store:
            rows = aggregate(
                store, [b.strip() for b in by.split(",") if b.strip()], query=query, limit=limit
            )
    except EventwireError as exc:
        raise _fail(exc) from None
    explain(query, len(rows))
    _print_rows(rows, fmt)


@with_filters
def timeline(
    a: Annotated[str, typer.Argument(help="A country (code or name).")],
    b: Annotated[str, typer.Argument(help="The other country.")],
    freq: Annotated[str, typer.Option(help="day, week, month, quarter or year.")] = "month",
    directed: Annotated[bool, typer.Option(help="Only A acting on B.")] = False,
    db: DbOpt = Path("eventwire.duckdb"),
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    *,
    query: EventQuery,
) -> None:
    """A dyad's timeline: events per period by QuadClass, and summed Goldstein."""
    from eventwire.analyse.dyads import timeline as dyad_timeline
    from eventwire.store.db import Store

    _check_fmt(fmt)
    try:
        with Store(db, read_only=True) as store:
            rows = dyad_timeline(store, a, b, freq=freq, query=query, directed=directed)
    except EventwireError as exc:
        raise _fail(exc) from None
    explain(query, len(rows))
    _print_rows(rows, fmt)


@with_filters
def partners(
    focal: Annotated[str, typer.Argument(help="The focal country (code or name).")],
    split: Annotated[
        str | None,
        typer.Option(help="Compare before and after this date (default: the median event day)."),
    ] = None,
    db: DbOpt = Path("eventwire.duckdb"),
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    *,
    query: EventQuery,
) -> None:
    """A country's partners and the shift of its cooperation and conflict shares between two
    periods (Fisher's exact test), with the events behind each change."""
    from eventwire.analyse.shifts import shifts
    from eventwire.store.db import Store

    try:
        with Store(db, read_only=True) as store:
            shift = shifts(store, focal, split=split, query=query)
    except EventwireError as exc:
        raise _fail(exc) from None
    if fmt == "json":
        sys.stdout.write(json.dumps(shift.as_dict(), indent=1) + "\n")
        return
    rows = []
    for p in shift.partners:
        c, k = p.cooperation, p.conflict
        rows.append(
            {
                "partner": p.partner,
                "coop before": f"{c.share_before:.0%} ({c.before}/{c.before_total})",
                "coop after": f"{c.share_after:.0%} ({c.after}/{c.after_total})",
                "coop change": f"{c.change:+.0%}",
                "coop p": "-" if c.p_value is None else f"{c.p_value:.3f}",
                "conflict before": f"{k.share_before:.0%}",
                "conflict after": f"{k.share_after:.0%}",
                "conflict p": "-" if k.p_value is None else f"{k.p_value:.3f}",
            }
        )
    rule = {"median": " (the median day; choose one with --split)", "none": ""}
    out.print(
        f"{shift.focal}: before / after {shift.split}{rule.get(shift.split_rule, '')}",
        markup=False,
    )
    if shift.straddling:
        out.print(
            f"{len(shift.straddling)} event(s) dated only to a period spanning the split: "
            "in neither period",
            markup=False,
        )
    _print_rows(rows, "table")


def report(
    actor: Annotated[str, typer.Argument(help="The focal country (code or name).")],
    db: DbOpt = Path("eventwire.duckdb"),
    since: Annotated[str | None, typer.Option("--from", "--since", help="YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--to", "--until", help="YYYY-MM-DD.")] = None,
    split: Annotated[
        str | None,
        typer.Option(help="Compare before and after this date (default: the median event day)."),
    ] = None,
    out_file: Annotated[Path, typer.Option("--out", help="The HTML file to write.")] = Path(
        "report.html"
    ),
) -> None:
    """One self-contained offline HTML report on a country: timeline, partners, the shift of
    its partnerships between two periods, and the evidence."""
    from eventwire.analyse.report import render
    from eventwire.store.db import Store

    try:
        query = EventQuery(since=since, until=until, canonical=True).resolved()
        with Store(db, read_only=True) as store:
            html = render(store, actor, since=since, until=until, split=split, query=query)
    except EventwireError as exc:
        raise _fail(exc) from None
    out_file.write_text(html, encoding="utf-8")
    console.print(f"report -> {out_file}", markup=False)


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("agg")(agg)
    app.command("timeline")(timeline)
    app.command("partners")(partners)
    app.command("report")(report)
