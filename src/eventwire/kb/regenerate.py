"""The command line shared by the scripts that regenerate a KB data file from packages."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def regenerate(
    argv: list[str] | None, description: str, output: Path, render: Callable[[], str]
) -> int:
    """Write ``render()`` to the file (``--output``), or with ``--check`` exit 1 when the file
    differs from it: a stale data file fails its test instead of going unnoticed."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--output", type=Path, default=output)
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date; rerun without --check", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    rows = sum(1 for line in text.splitlines() if line and not line.startswith("#")) - 1
    print(f"wrote {rows} rows to {args.output}")
    return 0
