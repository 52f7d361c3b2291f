"""``eventwire kb``: check the knowledge base and ask it what a name means.

* ``kb validate [PATH...]`` loads the packaged KB, the folders in ``EVENTWIRE_KB`` and the given
  files or folders, and prints every bad line as ``file:line: reason`` (exit 1 when any).
* ``kb lookup TEXT [--date D] [--context C]`` resolves a phrase as the coder would and shows
  the KB entries its words name.
* ``kb stats`` prints what the KB covers.

Registered on the main app by :func:`register`, like ``eval``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

kb_app = typer.Typer(help="Check the knowledge base and look names up in it.", no_args_is_help=True)


@kb_app.command("validate")
def validate_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Extra KB files or folders to check (files are named like the packaged ones: "
            "countries.tsv, regions.tsv, sectors.tsv, organizations.jsonl, people.jsonl, "
            "offices.tsv, or end so: my-offices.tsv)."
        ),
    ] = None,
) -> None:
    """Check every KB file; print each bad line as file:line: reason."""
    from eventwire.kb import coverage, validate

    kb, errors = validate(paths or [])
    for err in errors:
        typer.echo(err)
    counts = coverage(kb)
    typer.echo(
        f"{len(kb.files)} files, {counts['countries']} countries, {counts['organisations']} "
        f"organisations, {counts['people']} people: "
        + (f"{len(errors)} problem(s)" if errors else "ok"),
        err=True,
    )
    if errors:
        raise typer.Exit(1)


@kb_app.command("lookup")
def lookup_command(
    text: Annotated[str, typer.Argument(help="A name or actor phrase: 'the French president'.")],
    date: Annotated[
        str | None, typer.Option("--date", help="Resolve offices on this day (YYYY-MM-DD).")
    ] = None,
    context: Annotated[
        str | None, typer.Option("--context", help="Text around the phrase (names a country).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Resolve a phrase to country, sector and KB entry, and list what its words name."""
    from eventwire.kb import load_kb
    from eventwire.records import to_dict
    from eventwire.resolve.actors import resolve_phrase

    kb = load_kb()
    actor = resolve_phrase(text, date=date, context=context, kb=kb)
    entries = [
        {"kind": h.kind, "key": h.key, "name": _entry_name(kb, h.kind, h.key)}
        for h in kb.lookup(text)
    ]
    result = {"actor": to_dict(actor) if actor else None, "entries": entries}
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    console = Console()
    if actor is None:
        console.print(f"{text!r}: nothing known", markup=False)
    else:
        console.print(
            f"{text!r}: country {actor.country or '-'}, sector {actor.sector or '-'}, "
            f"entry {actor.kb_id or '-'} ({actor.name or 'no name'}), "
            f"confidence {actor.confidence:.2f}"
        )
    if entries:
        table = Table("kind", "key", "name")
        for e in entries:
            table.add_row(e["kind"], e["key"], e["name"])
        console.print(table)


@kb_app.command("stats")
def stats_command() -> None:
    """What the KB covers: countries, regions, organisations, armed groups, people, offices."""
    from eventwire.kb import coverage, load_kb

    for key, value in coverage(load_kb()).items():
        typer.echo(f"{key}\t{value}")


def _entry_name(kb: object, kind: str, key: str) -> str:
    from eventwire.kb import KnowledgeBase

    assert isinstance(kb, KnowledgeBase)
    if kind == "person":
        person = kb.person(key)
        return f"{person.name} ({person.role}, {person.country})" if person else key
    if kind == "org":
        org = kb.orgs.get(key)
        return f"{org.name} ({org.kind}, {org.country})" if org else key
    if kind == "region":
        region = kb.regions[key]
        return f"{region.name}: {' '.join(region.members)}"
    return kb.countries[key].name if key in kb.countries else key


def register(app: typer.Typer) -> None:
    """Add the ``kb`` command group to the main CLI."""
    app.add_typer(kb_app, name="kb")
