"""A ``.gz`` file read line by line within limits.

A few kilobytes of gzip can inflate to gigabytes of blank lines, which a line reader would
read to the end; so reading stops (IngestError) past a decompressed size or at a compression
ratio no corpus has.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from eventwire.errors import IngestError

__all__ = ["DEFAULT_MAX_INFLATED", "MAX_RATIO", "Inflated"]

#: Decompressed bytes read from one ``.gz`` file at most.
DEFAULT_MAX_INFLATED = 4 << 30
#: Decompressed bytes per compressed byte beyond which a ``.gz`` is a bomb, not a corpus (JSONL
#: of news compresses 3-10 times; a file of blank lines, a thousand times), checked once
#: :data:`RATIO_FLOOR` bytes are out.
MAX_RATIO = 100
RATIO_FLOOR = 1 << 20


class Inflated:
    """A ``.gz`` file read line by line that stops (IngestError) past ``max_inflated``
    decompressed bytes or at a compression ratio over :data:`MAX_RATIO`."""

    def __init__(self, path: Path, max_inflated: int) -> None:
        self._raw = path.open("rb")
        self._gz = gzip.GzipFile(fileobj=self._raw, mode="rb")
        self._max = max_inflated

    def readline(self, size: int = -1) -> bytes:
        line = self._gz.readline(size)
        out = self._gz.tell()
        if out > self._max:
            raise IngestError(
                f"decompressed size over limit ({self._max} bytes); stopped reading, split the file"
            )
        if out > RATIO_FLOOR and out > MAX_RATIO * max(1, self._raw.tell()):
            raise IngestError(
                f"compression ratio over {MAX_RATIO}:1 ({out} bytes from "
                f"{self._raw.tell()}); stopped reading, not a corpus (a decompression bomb?)"
            )
        return line

    def __enter__(self) -> Inflated:
        return self

    def __exit__(self, *exc: object) -> None:
        self._gz.close()
        self._raw.close()
