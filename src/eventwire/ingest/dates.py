"""Publication-date parsing shared by the ingest readers.

Dates arrive as free strings (HTML meta tags, JSON-LD, front matter, JSONL fields, the CLI).
Everything downstream anchors relative time expressions on ``Article.published``, so we accept
only values we can read unambiguously and hand back ISO 8601: a date stays a date, a datetime
keeps its time and UTC offset. Ambiguous forms such as ``03/04/2024`` are refused rather than
guessed.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

__all__ = ["date_from_url", "normalise_date"]

_MIN_YEAR = 1900
_MAX_YEAR = 2100

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{8}")
_WEEKDAY_PREFIX = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE
)
#: Day-first/month-first ambiguity is avoided: every format names the month or leads with the year.
_TEXT_FORMATS = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%B %d %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%d %B, %Y",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y%m%d",
)

_URL_DATE_PATTERNS = (
    # /2024/03/17/ or /2024/3/17/
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$|[^\d])"),
    # /2024-03-17-slug or _2024-03-17
    re.compile(r"[/_-](?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?:$|[^\d])"),
    # /20240317/ or /20240317-slug
    re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?:/|$|[^\d])"),
)


def normalise_date(value: str | None) -> str | None:
    """Return ``value`` as an ISO date or datetime, or ``None`` when it cannot be read safely.

    Accepts ISO 8601 (``Z`` and offsets kept), RFC 2822 (``Mon, 17 Mar 2024 09:15:00 +0100``)
    and month-name forms (``July 28, 2023``, ``28 July 2023``).
    """
    if value is None:
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    if _ISO_DATE.fullmatch(text):
        try:
            return _checked_date(date.fromisoformat(text))
        except ValueError:
            return None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        if ":" not in text and "T" not in text.upper():  # e.g. week date "2024-W11-1"
            return _checked_date(parsed.date())
        return _checked_datetime(parsed)
    try:
        return _checked_datetime(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    bare = _WEEKDAY_PREFIX.sub("", text)
    for fmt in _TEXT_FORMATS:
        try:
            return _checked_date(datetime.strptime(bare, fmt).date())
        except ValueError:
            continue
    return None


def date_from_url(url: str | None) -> str | None:
    """A full calendar date in a URL path: ``/2024/03/17/``, ``-2024-03-17``, ``/20240317/``."""
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url.strip(), flags=re.IGNORECASE)
    for pattern in _URL_DATE_PATTERNS:
        for match in pattern.finditer(path):
            try:
                found = date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
            checked = _checked_date(found)
            if checked:
                return checked
    return None


def _checked_date(value: date) -> str | None:
    if not _MIN_YEAR <= value.year <= _MAX_YEAR:
        return None
    return value.isoformat()


def _checked_datetime(value: datetime) -> str | None:
    if not _MIN_YEAR <= value.year <= _MAX_YEAR:
        return None
    return value.isoformat(timespec="seconds")
