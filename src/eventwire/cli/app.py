"""The ``eventwire`` command line: a thin layer over the library.

Errors print one line saying what failed and what to do, and exit 1; usage errors exit 2.
``run`` and ``code`` exit 3 when an input path does not exist and 4 when nothing was stored or
coded (see docs/cli.md). Names and messages are printed escaped: a file name may hold rich markup
(``[/x]``) or control characters.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from eventwire.cli.filters import with_filters
from eventwire.errors import EventwireError
from eventwire.query import EventQuery
from eventwire.records import DocumentResult, Event, Reject, to_dict
from eventwire.safetext import escape, for_console

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Political event data from news text: who did what to whom, when and where.",
)
console = Console(stderr=True)
#: Tables stay readable when piped (rich would fall back to 80 columns).
out = Console(width=None if sys.stdout.isatty() else 160)

DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB file.")]

#: ``eventwire run`` / ``code`` exit codes beyond 0 (done), 1 (error) and 2 (usage).
EXIT_MISSING_INPUT = 3
EXIT_NOTHING_STORED = 4
FieldOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--field",
        metavar="OURS=THEIRS",
        help="Read a JSONL field under another name, e.g. --field text=body "
        "--field published=date (repeatable; ours: text, html, title, published, url, source).",
    ),
]


class Engine(StrEnum):
    """Where ``run`` codes: this machine (into --db) or Spark (Parquet into --out)."""

    local = "local"
    spark = "spark"


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None
    return value


@app.callback()
def main_options(
    verbose: Annotated[
        int, typer.Option("-v", "--verbose", count=True, help="-v info, -vv debug.")
    ] = 0,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help="TOML settings file (else $EVENTWIRE_CONFIG); see docs/settings.md.",
        ),
    ] = None,
) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    from eventwire.settings import install, load

    try:  # built once for the whole command; flags are applied on top by the command
        install(load(config))
    except EventwireError as exc:
        raise _fail(exc) from None


def _settings(**flags: Any) -> Any:
    """This command's settings: the process's with the flags that were given."""
    from eventwire.settings import current, install, with_values

    try:
        return install(with_values(current(), **{k: v for k, v in flags.items() if v is not None}))
    except EventwireError as exc:
        raise _fail(exc) from None


def _fail(exc: Exception, code: int = 1) -> typer.Exit:
    console.print(f"[red]error:[/red] {for_console(str(exc))}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _fields(specs: list[str] | None) -> dict[str, str]:
    from eventwire.errors import ConfigError
    from eventwire.ingest.sources import parse_fields

    try:
        return parse_fields(specs or [])
    except ConfigError as exc:
        raise typer.BadParameter(str(exc)) from None


def _missing(paths: list[str]) -> list[str]:
    """Input paths that do not exist (a typo, most often)."""
    return [p for p in paths if p != "-" and not os.path.lexists(p)]


def _fail_missing(missing: list[str]) -> typer.Exit:
    return _fail(EventwireError(f"no such input: {', '.join(missing)}"), EXIT_MISSING_INPUT)


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to ingest.")],
    db: DbOpt = Path("eventwire.duckdb"),
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none.")
    ] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker processes (setting: workers; 1).")
    ] = None,
    batch_size: Annotated[
        int | None,
        typer.Option(min=1, help="Documents per spaCy batch (setting: batch_size; 16)."),
    ] = None,
    engine: Annotated[
        Engine,
        typer.Option(
            help="local: this machine, into --db; spark: Parquet tables into --out "
            "(then `eventwire load`).",
        ),
    ] = Engine.local,
    master: Annotated[
        str | None,
        typer.Option(help="Spark master URL (setting: spark_master; local[*])."),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out", help="Folder for the Spark engine's Parquet tables (replaced)."),
    ] = None,
    commit_every: Annotated[
        int,
        typer.Option(min=1, help="Documents per transaction: what a killed run loses at most."),
    ] = 64,
    follow_symlinks: Annotated[
        bool,
        typer.Option(
            "--follow-symlinks", help="Read links in input folders that lead outside them."
        ),
    ] = False,
    field: FieldOpt = None,
) -> None:
    """Ingest, code and store documents; prints what was found.

    Exits 3 when an input path is missing (the others are still read and stored), 4 when nothing
    was stored (every input rejected, or none found). Progress goes to stderr: a live display on
    a terminal, else a line every 1,000 documents or 30 seconds."""
    from eventwire.cli.progress import RunProgress
    from eventwire.runner import run as run_job

    _check_date(published)
    fields = _fields(field)
    missing = _missing([str(p) for p in paths])
    settings = _settings(workers=workers, batch_size=batch_size, spark_master=master)
    if engine is Engine.spark:
        _run_spark(paths, out_dir, settings, published, fields, follow_symlinks, missing)
        return
    if out_dir is not None:
        raise typer.BadParameter("--out is for --engine spark; the local engine writes --db")
    try:
        with RunProgress(paths, console) as progress:
            summary = run_job(
                paths,
                db,
                published=published,
                follow_symlinks=follow_symlinks,
                workers=settings.workers,
                batch_size=settings.batch_size,
                commit_every=commit_every,
                on_progress=progress.advance,
                fields=fields,
                settings=settings,
            )
    except EventwireError as exc:
        raise _fail(exc) from None
    out.print(
        f"articles: {summary.articles}  duplicates: {summary.duplicates}  "
        f"near-duplicates: {summary.near_duplicates}  rejects: {summary.rejects}  "
        f"events: {summary.events} ({summary.mentions} reports, {summary.new_events} new; "
        f"+{summary.uncounted} candidates, negated or hypothetical)  "
        f"quotes: {summary.quotes}  -> {escape(str(db))}",
        markup=False,
        soft_wrap=True,
    )
    for rej in summary.reject_list:
        out.print(
            f"  rejected {escape(rej.origin)} ({rej.stage}): {escape(rej.reason)}",
            markup=False,
            soft_wrap=True,
        )
    if summary.rejects > len(summary.reject_list):
        out.print(
            f"  ... and {summary.rejects - len(summary.reject_list)} more rejects; "
            "all are in the rejects table",
            markup=False,
        )
    if missing:
        names = ", ".join(escape(m) for m in missing)
        raise _fail(EventwireError(f"no such input: {names}"), EXIT_MISSING_INPUT)
    if summary.articles + summary.duplicates == 0:
        what = "every input was rejected" if summary.rejects else "no documents found"
        raise _fail(EventwireError(f"nothing stored: {what}"), EXIT_NOTHING_STORED)


def _run_spark(
    paths: list[Path],
    out_dir: Path | None,
    settings: Any,
    published: str | None,
    fields: dict[str, str],
    follow_symlinks: bool,
    missing: list[str],
) -> None:
    """``run --engine spark``: Parquet tables into ``out_dir``."""
    if out_dir is None:
        raise typer.BadParameter("--engine spark writes Parquet tables: give --out DIR")
    try:
        from eventwire.engines.spark import run as spark_run

        summary = spark_run(
            paths,
            out_dir,
            settings=settings,
            published=published,
            fields=fields,
            follow_symlinks=follow_symlinks,
        )
    except EventwireError as exc:
        raise _fail(exc) from None
    out.print(
        f"articles: {summary.articles}  duplicates: {summary.duplicates}  "
        f"rejects: {summary.rejects}  events: {summary.events} reports  "
        f"({summary.seconds:.1f} s on {settings.spark_master}) -> {escape(str(out_dir))}; "
        f"import with: eventwire load {escape(str(out_dir))} --db FILE",
        markup=False,
        soft_wrap=True,
    )
    if missing:
        raise _fail_missing([escape(m) for m in missing])
    if summary.articles + summary.duplicates == 0:
        what = "every input was rejected" if summary.rejects else "no documents found"
        raise _fail(EventwireError(f"nothing written: {what}"), EXIT_NOTHING_STORED)


@app.command()
def load(
    folder: Annotated[Path, typer.Argument(help="Folder written by `run --engine spark --out`.")],
    db: DbOpt = Path("eventwire.duckdb"),
) -> None:
    """Import the Spark engine's Parquet tables into a DuckDB file, link near duplicates and
    merge canonical events. Loading the same folder twice changes nothing."""
    from eventwire.engines.tables import load as load_tables

    try:
        summary = load_tables(folder, db)
    except EventwireError as exc:
        raise _fail(exc) from None
    out.print(
        f"articles: {summary.articles} new  near-duplicates: {summary.near_duplicates}  "
        f"rejects: {summary.rejects} new  events: {summary.events} ({summary.mentions} reports, "
        f"{summary.new_events} new)  ({summary.seconds:.1f} s) -> {escape(str(db))}",
        markup=False,
        soft_wrap=True,
    )


@app.command("settings")
def show_settings() -> None:
    """Print the settings in force (defaults < config file < environment), as JSON."""
    from eventwire.settings import as_dict, current

    out.print_json(json.dumps(as_dict(current())))


@app.command()
def merge(db: DbOpt = Path("eventwire.duckdb")) -> None:
    """Upgrade a database to this release's schema and merge the reports not yet merged into
    canonical events (`eventwire run` does both itself)."""
    from eventwire.store.canonical import merge as merge_reports
    from eventwire.store.db import Store

    try:
        with Store(db) as store:
            store.near_duplicate_index()  # indexes a version 1 file's articles
            done = merge_reports(store)
            total = store.count("canonical_events")
    except EventwireError as exc:
        raise _fail(exc) from None
    out.print(
        f"reports placed: {done.placed}  new events: {done.founded}  joined: {done.joined}  "
        f"canonical events: {total}  ({done.seconds:.2f} s) -> {escape(str(db))}",
        markup=False,
        soft_wrap=True,
    )


@app.command()
def code(
    file: Annotated[
        str, typer.Argument(help="A text, HTML, Markdown or JSONL file, or - for stdin.")
    ] = "-",
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or table.")] = "jsonl",
    field: FieldOpt = None,
) -> None:
    """Code documents without a database (for pipes and quick looks): every record of a JSONL
    file, in order. Rejected records are reported on stderr; exits 3 for a missing file, 4 when
    no record could be coded."""
    from eventwire.heap import no_collection
    from eventwire.ingest.sources import document_from_text, iter_documents
    from eventwire.records import Article

    with no_collection():  # importing spaCy and the stages: many objects, no garbage cycles
        from eventwire.pipeline import Processor

    _check_date(published)
    if fmt not in {"jsonl", "table"}:
        raise typer.BadParameter("--format must be jsonl or table")
    fields = _fields(field)
    if _missing([file]):
        raise _fail_missing([file])
    rejected = coded = 0
    table: list[Event] = []

    def reject(item: Reject) -> None:
        nonlocal rejected
        rejected += 1
        console.print(
            "[yellow]rejected[/yellow] "
            + for_console(f"{item.origin} ({item.stage}): {item.reason}"),
            highlight=False,
            soft_wrap=True,
        )

    def articles() -> Iterator[Article]:
        if file == "-":
            yield document_from_text(sys.stdin.read(), origin="-", published=published)
            return
        for item in iter_documents([file], published=published, fields=fields):
            if isinstance(item, Reject):
                reject(item)
            else:
                yield item

    try:
        for res in _lazy(articles(), Processor):
            if isinstance(res, Reject):
                reject(res)
                continue
            coded += 1
            if fmt == "table":
                table.extend(res.events)
                continue
            for ev in res.events:
                sys.stdout.write(json.dumps(to_dict(ev), ensure_ascii=False) + "\n")
            for q in res.quotes:
                sys.stdout.write(json.dumps({"quote": to_dict(q)}, ensure_ascii=False) + "\n")
            sys.stdout.flush()
    except EventwireError as exc:
        raise _fail(exc) from None
    if fmt == "table" and coded:
        _table(table)
    if not coded:
        what = "every input was rejected" if rejected else "no documents found"
        raise _fail(EventwireError(f"nothing coded: {what}"), EXIT_NOTHING_STORED)


def _lazy(articles: Iterator[Any], make: Callable[[], Any]) -> Iterator[DocumentResult | Reject]:
    """Code ``articles`` with a processor built only once the first one is read (a file whose
    every record is rejected costs no model load)."""
    first = next(articles, None)
    if first is None:
        return
    yield from make().process_articles(itertools.chain([first], articles))


@app.command()
def bench(
    corpus: Annotated[
        Path | None,
        typer.Option(
            help="JSONL (or any input `run` reads); default ../shared/corpora/reuters21578.jsonl.gz"
        ),
    ] = None,
    articles: Annotated[int, typer.Option(min=1, help="The first N readable documents.")] = 300,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes for eventwire.")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per spaCy batch.")] = 16,
    field: FieldOpt = None,
    spacy_processes: Annotated[
        int,
        typer.Option(
            min=1, help="Processes for the spaCy baseline (set to --workers to compare scaling)."
        ),
    ] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
    engine: Annotated[
        Engine, typer.Option(help="Time the local engine or the Spark engine (run + load).")
    ] = Engine.local,
    master: Annotated[
        str | None, typer.Option(help="Spark master for --engine spark (default local[WORKERS]).")
    ] = None,
) -> None:
    """Throughput end to end next to spaCy alone on the same texts, start-up time, peak memory.

    Without --field, a corpus whose records carry their text in `body` is read from there."""
    from eventwire.bench import bench as run_bench
    from eventwire.bench import report

    fields = _fields(field)
    if corpus is not None and _missing([str(corpus)]):
        raise _fail_missing([str(corpus)])
    try:
        result = run_bench(
            corpus,
            articles=articles,
            workers=workers,
            fields=fields,
            batch_size=batch_size,
            engine=engine.value,
            master=master,
            spacy_processes=spacy_processes,
        )
    except (EventwireError, RuntimeError) as exc:
        raise _fail(exc) from None
    if as_json:
        sys.stdout.write(json.dumps(result.as_json()) + "\n")
    else:
        out.print(report(result), markup=False, highlight=False)


@app.command()
@with_filters
def events(
    db: DbOpt = Path("eventwire.duckdb"),
    fmt: Annotated[str, typer.Option("--format", help="table, csv or jsonl.")] = "table",
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    *,
    query: EventQuery,
) -> None:
    """List stored events (counted asserted, planned and claimed ones unless --all), one row
    per event however many articles reported it unless --mentions.

    CSV rows carry every field (the columns of `eventwire export`); JSONL is the event JSON."""
    from eventwire.analyse.export import write
    from eventwire.store.db import Store

    if fmt not in {"table", "csv", "jsonl"}:
        raise typer.BadParameter("--format must be table, csv or jsonl")
    try:
        with Store(db, read_only=True) as store:
            page = store.query(query, limit=limit)
    except EventwireError as exc:
        raise _fail(exc) from None
    explain(query, len(page.rows))
    if fmt == "jsonl":  # the nested Event JSON of docs/data-model.md
        for ev, art in page.rows:
            obj = to_dict(ev)
            if art.get("canonical_id"):
                obj["canonical"] = _canonical_json(art)
            sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        write(page.rows, fmt, sys.stdout)
    else:
        _table(page.events, [art for _, art in page.rows])


def _canonical_json(art: dict) -> dict:
    """The ``canonical`` object of an event's JSON: its canonical event's id and counts."""
    out_: dict = {k: art.get(k) for k in ("canonical_id", "num_mentions", "num_articles")}
    out_["num_sources"] = art.get("num_sources")
    for k in ("first_seen", "last_seen"):
        v = art.get(k)
        out_[k] = v.isoformat() if v is not None else None
    return out_


def explain(query: EventQuery, found: int) -> None:
    """On stderr: how names were resolved, and a hint when nothing matched."""
    for note in query.notes:
        console.print(f"[dim]{escape(note)}[/dim]", soft_wrap=True)
    if found == 0:
        hint = "no events match"
        if not query.include_all:
            hint += "; --all also shows candidates, negated and hypothetical events"
        console.print(f"[yellow]{hint}[/yellow]", soft_wrap=True)


@app.command()
def show(event_id: str, db: DbOpt = Path("eventwire.duckdb")) -> None:
    """One event with its evidence sentence, trigger, source and target highlighted."""
    from eventwire.store.db import Store

    try:
        with Store(db, read_only=True) as store:
            found = list(store.events(event_ids=[event_id]))
            article = store.article(found[0].article_id) if found else None
    except EventwireError as exc:
        raise _fail(exc) from None
    if not found:
        raise _fail(
            EventwireError(
                f"no event {event_id!r} in {db}; list ids with `eventwire events --format csv`"
            )
        )
    ev = found[0]
    text = Text(ev.evidence)
    base = ev.evidence_start
    for spans, style in (
        (ev.source, "bold blue"),
        (ev.target, "bold magenta"),
        ((ev.trigger,), "bold reverse"),
    ):
        for s in spans:
            text.stylize(style, s.start - base, s.end - base)
    out.print(
        f"[bold]{ev.event_id}[/bold]  {ev.cameo.code} {ev.cameo.name} | PLOVER "
        f"{ev.plover.type}{'/' + ev.plover.mode if ev.plover.mode else ''}  "
        f"({ev.modality}, probability {_probability(ev):.2f}"
        f"{'' if ev.counted else ', a candidate: not counted'})"
    )
    out.print(
        f"source: {_actors(ev.source) or '-'}   target: {_actors(ev.target) or '-'}",
        markup=False,
    )
    if ev.date:
        out.print(
            f"date: {ev.date.start}..{ev.date.end} ({ev.date.precision}, '{escape(ev.date.text)}')",
            markup=False,
        )
    if ev.place:
        out.print(
            f"place: {ev.place.name}, {ev.place.admin1 or '-'}, {ev.place.country} "
            f"({ev.place.lat}, {ev.place.lon}; {ev.place.precision})"
            + (
                " - inferred: the article's dateline or main country, not stated"
                if ev.place.inferred
                else ""
            ),
            markup=False,
        )
    if article:
        out.print(
            f"article: {escape(article.title or '-')} ({article.published or 'undated'}; "
            f"{escape(article.origin)})",
            markup=False,
        )
    out.print(text)


def _actors(actors: tuple) -> str:
    return "; ".join(
        f"{a.country or '?'}{'/' + a.sector if a.sector else ''}"
        f"{' (' + a.name + ')' if a.name else ''}"
        for a in actors
    )


def _place_cell(ev: Event) -> str:
    """The event's place; in brackets when it is only the article's fallback (inferred), so a
    table never presents a dateline as where the event happened."""
    if ev.place is None:
        return "-"
    return f"({ev.place.name})" if ev.place.inferred else ev.place.name


def _table(evs: list[Event], meta: list[dict] | None = None) -> None:
    table = Table(show_lines=False)
    cols = ("date", "source", "event", "target", "modality", "place", "prob", "reports", "trigger")
    for col in cols:
        table.add_column(col)
    for i, ev in enumerate(evs):
        art = meta[i] if meta else {}
        table.add_row(
            *(
                Text(cell)  # plain text: article words are not markup
                for cell in (
                    ev.date.start if ev.date and ev.date.start else "-",
                    _actors(ev.source),
                    f"{ev.cameo.code} {ev.plover.type}",
                    _actors(ev.target),
                    ev.modality,
                    _place_cell(ev),
                    f"{_probability(ev):.2f}",
                    str(art.get("num_mentions") or 1),
                    escape(ev.trigger.text),
                )
            )
        )
    out.print(table)
    if any(ev.place is not None and ev.place.inferred for ev in evs):
        out.print(
            "(place) = the article's dateline or main country, not a place stated for the event"
        )
    # CAMEO statements with no PLOVER counterpart (015 claims of responsibility) are named
    by_type = Counter(ev.plover.type or f"CAMEO {ev.cameo.code} only" for ev in evs)
    dyads = Counter(
        f"{ev.source[0].country or '?'}->{ev.target[0].country or '?'}"
        for ev in evs
        if ev.source and ev.target
    )
    out.print(
        f"{len(evs)} events; by PLOVER type: "
        + ", ".join(f"{k} {v}" for k, v in by_type.most_common())
    )
    if dyads:
        out.print("top dyads: " + ", ".join(f"{k} {v}" for k, v in dyads.most_common(8)))


def _register_optional() -> None:
    from eventwire.cli import analyse_cmd, kb_cmd, serve_cmd

    kb_cmd.register(app)
    analyse_cmd.register(app)
    serve_cmd.register(app)
    try:
        from eventwire.cli import eval_cmd
    except ImportError:  # pragma: no cover - eval extras not installed
        return
    eval_cmd.register(app)


_register_optional()


def main() -> None:
    app()


if __name__ == "__main__":
    main()


def _probability(ev: Event) -> float:
    """The calibrated probability, or the coder's confidence for events stored before it."""
    return ev.probability if ev.probability is not None else ev.confidence
