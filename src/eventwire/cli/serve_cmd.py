"""``eventwire serve``: the REST API and dashboard over a DuckDB file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.app import DbOpt, _fail, console
from eventwire.errors import EventwireError

#: The environment variable holding the bearer token for POST /v1/articles.
TOKEN_ENV = "EVENTWIRE_API_TOKEN"


def serve(
    db: DbOpt = Path("eventwire.duckdb"),
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port.")] = 8000,
) -> None:
    """Serve the REST API (/v1/..., OpenAPI at /openapi.json) and the dashboard (/).

    Writing (POST /v1/articles) needs a bearer token, read from EVENTWIRE_API_TOKEN."""
    try:
        import uvicorn

        from eventwire.serve.app import create_app
    except ImportError:
        raise _fail(
            EventwireError("the API needs FastAPI and uvicorn: pip install 'eventwire[serve]'")
        ) from None
    if not db.exists():
        raise _fail(EventwireError(f"no database at {db}; create one with `eventwire run`"))
    from eventwire.settings import current

    token = current().api_token
    app = create_app(db, token=token)
    console.print(
        f"serving {db} on http://{host}:{port}/ (writes "
        f"{'enabled' if token else 'disabled: set ' + TOKEN_ENV})",
        markup=False,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
