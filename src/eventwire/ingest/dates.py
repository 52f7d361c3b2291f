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

__all__ = ["date_from_url", "dates_in_text", "normalise_date"]

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

#: Month names as pages write them (English, German, French, Spanish, Italian, Portuguese,
#: Dutch), lower case, with common abbreviations; "mai"/"may" etc. overlap harmlessly.
MONTH_NAMES: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar janvier enero gennaio janeiro januari jänner jän",
        "february feb februar fevrier février febrero febbraio fevereiro februari",
        "march mar märz maerz mars marzo março maart mrz",
        "april apr avril abril aprile",
        "may mai mayo maggio maio mei",
        "june jun juni juin junio giugno junho",
        "july jul juli juillet julio luglio julho",
        "august aug août aout agosto augustus",
        "september sep sept septembre septiembre settembre setembro",
        "october oct oktober octobre octubre ottobre outubro okt",
        "november nov novembre noviembre novembro",
        "december dec dezember décembre decembre diciembre dicembre dezembro dez",
    ),
    start=1,
):
    for _name in _names.split():
        MONTH_NAMES[_name] = _number
_MONTH_WORD = "|".join(sorted(map(re.escape, MONTH_NAMES), key=len, reverse=True))
_YEAR4 = r"((?:19|20)\d\d)"
#: Dates written out on a page: (pattern, order of the groups as y/m/d, whether ambiguous).
_TEXT_DATES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"(?<![\d.]){_YEAR4}-([01]?\d)-([0-3]?\d)(?!\d)"), "ymd"),
    (re.compile(rf"(?<![\d.]){_YEAR4}[/.]([01]?\d)[/.]([0-3]?\d)(?![\d.])"), "ymd"),
    (re.compile(rf"(?<![\d.])([0-3]?\d)\.\s?([01]?\d)\.\s?{_YEAR4}(?!\d)"), "dmy"),
    (re.compile(rf"(?<![\d/])([0-3]?\d)/([0-3]?\d)/{_YEAR4}(?!\d)"), "slash"),
    (re.compile(rf"(?<![\d-])([0-3]?\d)-([01]?\d)-{_YEAR4}(?!\d)"), "dmy"),
    (
        re.compile(
            rf"(?<![\d.])([0-3]?\d)(?:\.|st|nd|rd|th|er|º)?\s+(?:de\s+)?({_MONTH_WORD})\.?,?"
            rf"\s+(?:de\s+)?{_YEAR4}(?!\d)",
            re.IGNORECASE,
        ),
        "d-name-y",
    ),
    (
        re.compile(
            rf"\b({_MONTH_WORD})\.?\s+([0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR4}(?!\d)",
            re.IGNORECASE,
        ),
        "name-d-y",
    ),
)

_URL_DATE_PATTERNS = (
    # /2024/03/17/ or /2024/3/17/
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$|[^\d])"),
    # /2024-03-17-slug or _2024-03-17
    re.compile(r"[/_-](?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?:$|[^\d])"),
    # /20240317/ or /20240317-slug
    re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?:/|$|[^\d])"),
    # /29-10-2021 or /29.10.2021 (day first, as German and most European sites write it)
    re.compile(r"[/_-](?P<d>[0-3]\d)[-.](?P<m>[01]\d)[-.](?P<y>(?:19|20)\d{2})(?:$|[^\d])"),
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
    """A full calendar date in a URL path: ``/2024/03/17/``, ``-2024-03-17``, ``/20240317/``,
    ``/17-03-2024``. Web archive addresses (``/web/20120216182711/``) give the crawl, not the
    publication, and are skipped."""
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url.strip(), flags=re.IGNORECASE)
    path = re.sub(r"^/web/\d{8,14}[a-z_]*/", "/", path)
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


def dates_in_text(text: str, *, month_first: bool | None = False) -> list[tuple[int, str]]:
    """Calendar dates written in ``text`` as (offset, ISO date), in text order.

    Reads ISO and year-first forms, day-first numeric forms (``24.04.2020``, ``24-04-2020``) and
    month names in several languages (``24. April 2020``, ``April 24, 2020``, ``24 avril
    2020``). ``03/04/2024`` is read month first when ``month_first`` is True (a US page), day
    first when False, and skipped when None unless one number is over 12.
    """
    found: dict[int, str] = {}
    for pattern, order in _TEXT_DATES:
        for m in pattern.finditer(text):
            if m.start() in found:
                continue
            parts = _ymd(m.groups(), order, month_first)
            if parts is None:
                continue
            try:
                value = _checked_date(date(*parts))
            except ValueError:
                continue
            if value:
                found[m.start()] = value
    return sorted(found.items())


def _ymd(
    groups: tuple[str, ...], order: str, month_first: bool | None
) -> tuple[int, int, int] | None:
    if order == "ymd":
        return int(groups[0]), int(groups[1]), int(groups[2])
    if order == "dmy":
        return int(groups[2]), int(groups[1]), int(groups[0])
    if order == "d-name-y":
        return int(groups[2]), MONTH_NAMES[groups[1].lower()], int(groups[0])
    if order == "name-d-y":
        return int(groups[2]), MONTH_NAMES[groups[0].lower()], int(groups[1])
    a, b, year = int(groups[0]), int(groups[1]), int(groups[2])  # "slash"
    if a > 12 >= b:
        return year, b, a
    if b > 12 >= a:
        return year, a, b
    if month_first is None:
        return None
    return (year, a, b) if month_first else (year, b, a)


def _checked_date(value: date) -> str | None:
    if not _MIN_YEAR <= value.year <= _MAX_YEAR:
        return None
    return value.isoformat()


def _checked_datetime(value: datetime) -> str | None:
    if not _MIN_YEAR <= value.year <= _MAX_YEAR:
        return None
    return value.isoformat(timespec="seconds")
