"""``eventwire eval SET``: score a stage against a gold set, next to a trivial baseline.

Registered on the main app by :func:`register` so that the lead's app.py stays the only place
that assembles commands. Heavy imports (adapters, the pipeline) happen inside the command.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from eventwire.errors import EvalError

SET_HELP = (
    "Gold set: plover_gsr, cameo_petrarch_validation, ngec_actor_resolution_tests, tempeval3, "
    "geowebnews, event_location_halterman, pubdate_htmldate_eval, article_extraction, "
    "real_news_events, or all."
)


def eval_command(
    set_name: Annotated[str, typer.Argument(metavar="SET", help=SET_HELP)],
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="Gold file or folder in the set's format (for 'all': the folder of set "
            "folders). Default: $EVENTWIRE_EVAL_DATA/SET or ../shared/eval/SET.",
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", min=1, help="Score a deterministic sample of N items."),
    ] = None,
    errors: Annotated[int, typer.Option("--errors", min=0, help="List the N worst misses.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    fold: Annotated[
        str | None,
        typer.Option(
            "--fold",
            help="Score one of the two fixed folds (A or B, by a hash of the item id): write "
            "rules from A's misses, keep them only when B does not get worse.",
        ),
    ] = None,
    curve: Annotated[
        bool,
        typer.Option(
            "--curve",
            help="Also print precision and recall at each confidence threshold (real_news_events).",
        ),
    ] = False,
) -> None:
    """Score eventwire on a gold set and show the baseline beside it."""
    from eventwire.eval.runner import run_all, run_set

    try:
        if set_name == "all":
            result = run_all(data=data, limit=limit, errors=errors, fold=fold)
        else:
            result = run_set(
                set_name, data=data, limit=limit, errors=errors, fold=fold, curve=curve
            )
    except EvalError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, default=str))
    else:
        console = Console()
        for res in result["sets"].values() if set_name == "all" else [result]:
            show(console, res)
    if set_name != "all" and result.get("system_error"):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the ``eval`` command to the main CLI."""
    app.command("eval", help="Score eventwire against a gold set (or 'all').")(eval_command)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 100 else f"{value:.0f}"
    return "-" if value is None else str(value)


def show(console: Console, res: dict[str, Any]) -> None:
    """Human-readable form of one set's result: metrics vs baseline, per class, worst misses."""
    if "error" in res:
        console.print(f"[bold]{res['set']}[/]: [red]{res['error']}[/]")
        return
    console.print(f"[bold]{res['set']}[/] - {res['items']} items")
    for key in ("system_error", "baseline_error"):
        if res.get(key):
            console.print(f"  [yellow]{res[key]}[/]")
    table = Table(show_edge=False)
    for col in ("metric", "eventwire", "baseline", "diff"):
        table.add_column(col, justify="left" if col == "metric" else "right")
    names = list(res["metrics"]) + [k for k in res["baseline"] if k not in res["metrics"]]
    for name in names:
        ours, base = res["metrics"].get(name), res["baseline"].get(name)
        diff = (
            ours - base if isinstance(ours, int | float) and isinstance(base, int | float) else None
        )
        table.add_row(name, _fmt(ours), _fmt(base), "" if diff is None else f"{diff:+.3f}")
    console.print(table)
    if res.get("per_class"):
        pc = Table(title="per class", show_edge=False)
        keys = sorted({k for v in res["per_class"].values() for k in v})
        pc.add_column("class")
        for k in keys:
            pc.add_column(k, justify="right")
        for cls, vals in res["per_class"].items():
            pc.add_row(cls, *(_fmt(vals.get(k)) for k in keys))
        console.print(pc)
    if res.get("curve"):
        title = "by probability threshold (candidates included)"
        if res.get("threshold_in_use") is not None:
            title += f"; events count from {res['threshold_in_use']:.3f}"
        cv = Table(title=title, show_edge=False)
        cols = list(res["curve"][0])
        for k in cols:
            cv.add_column(k, justify="right")
        for row in res["curve"]:
            cv.add_row(*(_fmt(row[k]) for k in cols))
        console.print(cv)
    for n, miss in enumerate(res.get("errors", []), 1):
        console.print(f"[bold]{n}. {miss['id']}[/]", highlight=False)
        console.print(f"   text: {miss['text']}", highlight=False, markup=False)
        console.print(f"   gold: {miss['gold']}", highlight=False, markup=False)
        console.print(f"   ours: {miss['ours']}", highlight=False, markup=False)
