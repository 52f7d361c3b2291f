"""Reading our own place tables (``resolve/data/*.tsv``): comments, one header line, cells
checked for count, and the coordinates every row ends with; a bad line is a ``KBError`` naming
``file:line``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from eventwire.errors import KBError


def rows(path: Path | str, columns: tuple[str, ...]) -> Iterator[tuple[str, list[str]]]:
    """(``file:line``, stripped cells) for every data line after the header."""
    header_seen = False
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            where = f"{path}:{n}"
            if not header_seen:
                if tuple(cells) != columns:
                    raise KBError(f"{where}: header must be the columns {', '.join(columns)}")
                header_seen = True
                continue
            if len(cells) != len(columns):
                raise KBError(f"{where}: {len(cells)} columns, expected {len(columns)}")
            yield where, [c.strip() for c in cells]


def place_fields(where: str, name: str, country: str, admin1: str) -> None:
    """A place row needs a name, an ISO alpha-3 country and its admin1."""
    if not name or not re.fullmatch(r"[A-Z]{3}", country) or not admin1:
        raise KBError(f"{where}: name, an ISO alpha-3 country and admin1 are needed")


def point(where: str, lat_s: str, lon_s: str) -> tuple[float, float]:
    """Decimal degrees, in range."""
    try:
        lat, lon = float(lat_s), float(lon_s)
    except ValueError:
        raise KBError(f"{where}: lat/lon must be numbers, not {lat_s!r}, {lon_s!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise KBError(f"{where}: coordinates out of range: {lat}, {lon}")
    return lat, lon


def alternates(cell: str) -> tuple[str, ...]:
    """The '|'-separated alternate names of a cell."""
    return tuple(a.strip() for a in cell.split("|") if a.strip())
