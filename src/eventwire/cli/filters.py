"""The event filters every reading command shares (events, export, agg), as typer options.

:func:`with_filters` adds the options to a command and hands it one
:class:`~eventwire.query.EventQuery` as its ``query`` argument, so each command states them
once and they mean the same everywhere (and the same as the REST API's parameters).
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from typing import Annotated, Any

import typer

from eventwire.errors import ConfigError
from eventwire.query import build_query

_FILTERS: list[inspect.Parameter] = []


def _opt(name: str, annotation: Any, default: Any) -> None:
    _FILTERS.append(
        inspect.Parameter(
            name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
        )
    )


Many = list[str] | None
_opt(
    "actor",
    Annotated[
        Many,
        typer.Option(
            help="Country on either side: a code (NER) or a name (Niger, French). Repeatable.",
            rich_help_panel="Filters",
        ),
    ],
    None,
)
_opt(
    "source",
    Annotated[Many, typer.Option(help="Source country (code or name).", rich_help_panel="Filters")],
    None,
)
_opt(
    "target",
    Annotated[Many, typer.Option(help="Target country (code or name).", rich_help_panel="Filters")],
    None,
)
_opt(
    "dyad",
    Annotated[
        str | None,
        typer.Option(
            help="Two countries A:B, one on each side, either way.", rich_help_panel="Filters"
        ),
    ],
    None,
)
_opt(
    "plover",
    Annotated[Many, typer.Option(help="PLOVER event type, e.g. AGREE.", rich_help_panel="Filters")],
    None,
)
_opt(
    "cameo",
    Annotated[
        Many,
        typer.Option(
            help="CAMEO code or root prefix: 19 matches 190, 1951 ...", rich_help_panel="Filters"
        ),
    ],
    None,
)
_opt(
    "quad_class",
    Annotated[
        list[int] | None,
        typer.Option(
            help="QuadClass 1-4 (verbal/material cooperation/conflict).", rich_help_panel="Filters"
        ),
    ],
    None,
)
_opt(
    "sector",
    Annotated[
        Many, typer.Option(help="Actor sector, e.g. MIL, GOV, REB.", rich_help_panel="Filters")
    ],
    None,
)
_opt(
    "sector_role",
    Annotated[
        str,
        typer.Option(
            help="Side the sector is on: source, target or either.", rich_help_panel="Filters"
        ),
    ],
    "either",
)
_opt(
    "place_country",
    Annotated[Many, typer.Option(help="Country of the event's place.", rich_help_panel="Filters")],
    None,
)
_opt(
    "bbox",
    Annotated[
        str | None,
        typer.Option(
            help="Bounding box WEST,SOUTH,EAST,NORTH in degrees.", rich_help_panel="Filters"
        ),
    ],
    None,
)
_opt(
    "since",
    Annotated[
        str | None,
        typer.Option(
            "--since", "--from", help="Earliest date, YYYY-MM-DD.", rich_help_panel="Filters"
        ),
    ],
    None,
)
_opt(
    "until",
    Annotated[
        str | None,
        typer.Option("--until", "--to", help="Latest date, YYYY-MM-DD.", rich_help_panel="Filters"),
    ],
    None,
)
_opt(
    "modality",
    Annotated[
        Many,
        typer.Option(
            help="asserted, planned, claimed, negated or hypothetical (replaces the default).",
            rich_help_panel="Filters",
        ),
    ],
    None,
)
_opt(
    "min_probability",
    Annotated[
        float | None,
        typer.Option(help="Only events at least this probable (0-1).", rich_help_panel="Filters"),
    ],
    None,
)
_opt(
    "text",
    Annotated[
        str | None, typer.Option(help="Words in the evidence sentence.", rich_help_panel="Filters")
    ],
    None,
)
_opt(
    "include_all",
    Annotated[
        bool,
        typer.Option(
            "--all",
            help="Include candidates under the threshold, negated and hypothetical events.",
            rich_help_panel="Filters",
        ),
    ],
    False,
)
_opt(
    "canonical",
    Annotated[
        bool,
        typer.Option(
            "--canonical/--mentions",
            help="One row per event however many articles reported it (default), "
            "or one per report.",
            rich_help_panel="Filters",
        ),
    ],
    True,
)
_NAMES = [p.name for p in _FILTERS]


def with_filters(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Add the filter options to a typer command; it receives ``query: EventQuery``.

    A bad filter value (an unknown country name, a malformed box) is a usage error (exit 2)
    with a hint."""
    sig = inspect.signature(fn)
    hints = typing.get_type_hints(fn, include_extras=True)
    own = [
        p.replace(annotation=hints.get(p.name, p.annotation))
        for p in sig.parameters.values()
        if p.name != "query"
    ]

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {k: kwargs.pop(k) for k in _NAMES if k in kwargs}
        try:
            query = build_query(**values).resolved()
        except ConfigError as exc:
            raise typer.BadParameter(str(exc)) from None
        return fn(*args, query=query, **kwargs)

    wrapper.__signature__ = sig.replace(parameters=[*own, *_FILTERS])  # type: ignore[attr-defined]
    return wrapper
