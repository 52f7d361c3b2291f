"""Read input files into Articles, one document at a time.

A corpus run must not stop at one bad file, and must not quietly lose it either: every input
that cannot be used becomes a :class:`~eventwire.records.Reject` naming the input and saying
what to do. Files are walked lazily and read one at a time (JSONL line by line), so memory
stays flat whatever the corpus size.
"""

from __future__ import annotations

import json
import logging
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any

from eventwire.errors import ConfigError, IngestError
from eventwire.ingest.dates import normalise_date
from eventwire.ingest.dedup import article_id
from eventwire.ingest.encoding import decode_html, decode_text, decode_utf8
from eventwire.ingest.extract import extract_html
from eventwire.ingest.inflate import DEFAULT_MAX_INFLATED, MAX_RATIO, Inflated
from eventwire.ingest.language import language_reason
from eventwire.ingest.walk import walk
from eventwire.records import Article, Reject
from eventwire.safetext import bad_char, escape

__all__ = [
    "DEFAULT_MAX_INFLATED",
    "FORMATS",
    "JSONL_FIELDS",
    "MAX_RATIO",
    "MAX_RUN_WORDS",
    "MAX_TEXT_CHARS",
    "document_from_html",
    "document_from_text",
    "iter_documents",
    "jsonl_record",
    "parse_fields",
]

logger = logging.getLogger(__name__)

STAGE = "ingest"
DEFAULT_MAX_BYTES = 20_000_000
#: Characters of text per document at most. The NLP stage's time grows a little faster than
#: the text (400,000 characters took 25 s); a news article has a few thousand.
MAX_TEXT_CHARS = 500_000
#: Words in a row without a sentence end (``.!?;:`` or a line break) at most. spaCy parses
#: such a run as one sentence and the coder's passes over a sentence grow faster than its
#: length: 60,000 words of prose without punctuation (390,000 characters, under the length
#: limit) took 1.4 GB and ran into the 60 s watchdog after a minute of parsing. The longest
#: run in the shared corpora (20,000 articles) is 133 words, a list of names.
MAX_RUN_WORDS = 1_000
_SENTENCE_END = re.compile(r"[.!?;:\n\u2026\u3002]")
#: File name ending (lower case) -> Article.fmt.
FORMATS = {
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".jsonl": "jsonl",
    ".jsonl.gz": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
}
_FMT_VALUES = {"html", "text", "markdown", "jsonl"}
_FRONT_MATTER_KEYS = {"title", "published", "date", "source", "url"}
_TITLE_MAX = 200
_TERMINAL = ".!?…;:,"
_CLOSERS = "\"'”’»)]*_ "

_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_BLANK_RUN = re.compile(r"\n{3,}")
_KEY_VALUE = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)(?:\s+#+)?\s*$")


@dataclass(frozen=True, slots=True)
class _Limits:
    """Bytes per document (file or JSONL line), decompressed bytes per ``.gz`` file,
    characters of text per document."""

    max_bytes: int
    max_inflated: int
    max_chars: int


@dataclass(frozen=True, slots=True)
class _Meta:
    """Metadata carried by a document itself (JSONL fields) or supplied as defaults."""

    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    published_source: str | None = None


#: Our JSONL field names, which ``fields`` may map to a corpus's own names.
JSONL_FIELDS = ("text", "html", "title", "published", "url", "source")


def parse_fields(specs: Iterable[str]) -> dict[str, str]:
    """``["text=body", "published=date"]`` -> ``{"text": "body", "published": "date"}``.

    Raises ConfigError for a spec that is not ``ours=theirs`` or names an unknown field."""
    out: dict[str, str] = {}
    for spec in specs:
        ours, sep, theirs = spec.partition("=")
        ours, theirs = ours.strip(), theirs.strip()
        if not sep or not ours or not theirs:
            raise ConfigError(f"--field {spec!r}: expected OURS=THEIRS, e.g. text=body")
        if ours not in JSONL_FIELDS:
            raise ConfigError(f"--field {spec!r}: {ours!r} is not one of {', '.join(JSONL_FIELDS)}")
        out[ours] = theirs
    return out


def iter_documents(
    paths: Iterable[str | Path],
    *,
    published: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    follow_symlinks: bool = False,
    max_inflated: int = DEFAULT_MAX_INFLATED,
    max_chars: int = MAX_TEXT_CHARS,
    fields: Mapping[str, str] | None = None,
) -> Iterator[Article | Reject]:
    """Walk files and directories (recursive, sorted for determinism), yield one Article per
    document or a Reject naming the input and the reason. Never raises for a bad document.

    When walking a directory, hidden entries (``.name``) and files named ``README.md`` /
    ``README.txt`` (any case) are skipped silently; files named explicitly are always read.
    ``.html``/``.htm``, ``.txt``, ``.md``/``.markdown``, ``.jsonl``/``.jsonl.gz`` and
    ``.warc``/``.warc.gz`` (each HTML response record an article) are read; any other file is
    rejected as unsupported. ``max_bytes`` bounds one document: a whole file, a WARC record, or
    one JSONL line (JSONL files themselves may be any size, but a ``.jsonl.gz``
    stops with a reject after ``max_inflated`` decompressed bytes or at a compression ratio
    over :data:`MAX_RATIO`). A document with more than ``max_chars`` characters of text,
    or an HTML page of more than ``extract.MAX_ELEMENTS`` elements, is rejected before the
    slow stages see it. ``published`` (YYYY-MM-DD) is used only for documents without a date
    of their own. A symbolic link
    inside a folder that points outside that folder is rejected ("symlink leaves the input
    folder"; a link in a corpus must not read ``/etc`` or a home folder) unless
    ``follow_symlinks``; paths named explicitly are always read. ``fields`` maps our JSONL
    field names (:data:`JSONL_FIELDS`) to the input's own (``{"text": "body"}``); a record
    without the mapped field falls back to our name.

    Raises ConfigError at once (not on first iteration) for an invalid ``published`` or a
    limit that is not positive.
    """
    fallback = _cli_date(published)
    if min(max_bytes, max_inflated, max_chars) <= 0:
        raise ConfigError(
            f"max_bytes, max_inflated and max_chars must be positive, got {max_bytes}, "
            f"{max_inflated} and {max_chars}"
        )
    if isinstance(paths, (str, Path)):
        paths = [paths]
    mapping = dict(fields or {})
    unknown = set(mapping) - set(JSONL_FIELDS)
    if unknown:
        raise ConfigError(f"unknown JSONL field(s) {sorted(unknown)}; use {JSONL_FIELDS}")
    return _iter_paths(
        paths, fallback, _Limits(max_bytes, max_inflated, max_chars), follow_symlinks, mapping
    )


def document_from_text(
    text: str,
    *,
    origin: str = "-",
    published: str | None = None,
    fmt: str = "text",
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Article:
    """Build an Article from plain text or Markdown (e.g. stdin).

    Front matter in the text wins; the keyword values are defaults for what it lacks, and
    ``published`` is recorded with ``published_source="cli"``. Raises IngestError when there
    is no text and ConfigError for an invalid ``published`` or ``fmt``.
    """
    if fmt not in _FMT_VALUES:
        raise ConfigError(f"unknown document format {fmt!r}; use one of {sorted(_FMT_VALUES)}")
    article = _text_article(
        text,
        origin=origin,
        fmt=fmt,
        own=_Meta(),
        defaults=_Meta(title=title, url=url, source=source),
        cli_published=_cli_date(published),
    )
    return _check_length(article, MAX_TEXT_CHARS)


def document_from_html(
    html: str | bytes,
    *,
    origin: str,
    published: str | None = None,
    url: str | None = None,
) -> Article:
    """Build an Article from an HTML page; ``published`` applies only if the page has no date.

    ``url`` is where the page was fetched from and wins over its canonical URL. Raises
    IngestError when the page has no article text (or bytes that are not text).
    """
    article = _html_article(
        html, origin=origin, fmt="html", own=_Meta(url=url), cli_published=_cli_date(published)
    )
    return _check_length(article, MAX_TEXT_CHARS)


# -- walking ------------------------------------------------------------------------------------


def _iter_paths(
    paths: Iterable[str | Path],
    fallback: str | None,
    limits: _Limits,
    follow_symlinks: bool,
    fields: Mapping[str, str] | None = None,
) -> Iterator[Article | Reject]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            root = None if follow_symlinks else os.path.realpath(path)
            for item in walk(path, root):
                if isinstance(item, tuple):
                    yield _reject(escape(str(item[0])), item[1])
                else:
                    yield from _read_file(item, fallback, limits, fields)
        else:
            yield from _read_file(path, fallback, limits, fields)


# -- one file -----------------------------------------------------------------------------------


def _read_file(
    path: Path, fallback: str | None, limits: _Limits, fields: Mapping[str, str] | None = None
) -> Iterator[Article | Reject]:
    origin = escape(str(path))
    max_bytes = limits.max_bytes
    try:
        info = path.stat()
    except FileNotFoundError:
        reason = "broken symbolic link" if path.is_symlink() else "no such file or directory"
        yield _reject(origin, reason)
        return
    except OSError as exc:
        yield _reject(origin, f"cannot read file: {exc.strerror or exc}")
        return
    except ValueError as exc:  # "embedded null byte": not a path the system can have
        yield _reject(origin, f"invalid path: {exc}")
        return
    if not stat.S_ISREG(info.st_mode):
        yield _reject(origin, "not a regular file")
        return
    fmt = _format_of(path.name)
    if fmt is None:
        suffix = "".join(path.suffixes[-2:]) if path.suffix.lower() == ".gz" else path.suffix
        kind = suffix or "(no extension)"
        yield _reject(origin, f"unsupported file type {kind}; expected one of {', '.join(FORMATS)}")
        return
    if info.st_size == 0:
        yield _reject(origin, "empty file")
        return
    if fmt == "jsonl":
        yield from _read_jsonl(path, fallback, limits, fields)
        return
    if fmt == "warc":
        yield from _read_warc(path, fallback, limits)
        return
    if info.st_size > max_bytes:
        yield _reject(origin, _too_large("file", info.st_size, max_bytes))
        return
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        yield _reject(origin, f"cannot read file: {exc.strerror or exc}")
        return
    if len(data) > max_bytes:  # the file grew after stat()
        yield _reject(origin, _too_large("file", len(data), max_bytes))
        return
    build = partial(_article_from_bytes, data, origin, fmt, fallback)
    yield _guarded(origin, partial(_limited, build, limits.max_chars))


def _article_from_bytes(data: bytes, origin: str, fmt: str, fallback: str | None) -> Article:
    if fmt == "html":
        html = decode_html(data)
        if not html.strip():
            raise IngestError("empty file")
        return _html_article(html, origin=origin, fmt=fmt, own=_Meta(), cli_published=fallback)
    text = decode_text(data)
    if not text.strip():
        raise IngestError("empty file")
    return _text_article(
        text, origin=origin, fmt=fmt, own=_Meta(), defaults=_Meta(), cli_published=fallback
    )


def _format_of(name: str) -> str | None:
    lower = name.lower()
    for ending in sorted(FORMATS, key=len, reverse=True):
        if lower.endswith(ending) and len(lower) > len(ending):
            return FORMATS[ending]
    return None


# -- JSONL --------------------------------------------------------------------------------------


def _read_jsonl(
    path: Path, fallback: str | None, limits: _Limits, fields: Mapping[str, str] | None = None
) -> Iterator[Article | Reject]:
    """One document per line; a bad line is rejected as ``path:line`` and reading goes on."""
    origin = escape(str(path))
    max_bytes = limits.max_bytes
    lineno = 0
    emitted = False
    try:
        fh: IO[bytes] | Inflated = (
            Inflated(path, limits.max_inflated)
            if path.name.lower().endswith(".gz")
            else path.open("rb")
        )
    except OSError as exc:
        yield _reject(origin, f"cannot read file: {exc.strerror or exc}")
        return
    with fh:
        while True:
            try:
                line, size = _read_line(fh, max_bytes)
            except (OSError, EOFError, zlib.error) as exc:
                yield _reject(f"{origin}:{lineno + 1}", f"corrupt or unreadable file: {exc}")
                return
            except IngestError as exc:  # a decompression limit: what came before is kept
                yield _reject(f"{origin}:{lineno + 1}", str(exc))
                return
            if line is None and size == 0:
                break
            lineno += 1
            line_origin = f"{origin}:{lineno}"
            if line is None:
                emitted = True
                yield _reject(line_origin, _too_large("line", size, max_bytes))
                continue
            if not line.strip():
                continue
            emitted = True
            build = partial(_jsonl_article, line, line_origin, fallback, fields)
            yield _guarded(line_origin, partial(_limited, build, limits.max_chars))
    if not emitted:
        yield _reject(origin, "empty file")


def jsonl_record(
    line: bytes,
    origin: str,
    *,
    published: str | None = None,
    fields: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = MAX_TEXT_CHARS,
) -> Article | Reject | None:
    """One JSONL line (without its line break) read as :func:`iter_documents` reads it: an
    Article, a Reject naming ``origin`` (``path:line``), or None for a blank line. For engines
    that split a file themselves (Spark reads a file's lines in many tasks)."""
    if len(line) > max_bytes:
        return _reject(origin, _too_large("line", len(line), max_bytes))
    if not line.strip():
        return None
    build = partial(_jsonl_article, line, origin, _cli_date(published), fields)
    return _guarded(origin, partial(_limited, build, max_chars))


# -- WARC ---------------------------------------------------------------------------------------

#: Content types of the WARC responses read as articles; other responses (images, scripts,
#: style sheets: most of a crawl) are skipped without a reject.
_WARC_HTML = ("text/html", "application/xhtml+xml")


def _read_warc(path: Path, fallback: str | None, limits: _Limits) -> Iterator[Article | Reject]:
    """One article per HTML response record, its origin ``path:N`` (the N-th record), its URL
    the record's target URI. WARC files may be any size; ``max_bytes`` bounds one record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    origin = escape(str(path))
    number = 0
    pages = 0
    try:
        with path.open("rb") as fh:
            for number, record in enumerate(ArchiveIterator(fh), 1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                kind = (record.http_headers.get_header("Content-Type") or "").lower()
                if not kind.startswith(_WARC_HTML):
                    continue
                pages += 1
                where = f"{origin}:{number}"
                data = record.content_stream().read(limits.max_bytes + 1)
                if len(data) > limits.max_bytes:
                    yield _reject(where, _too_large("record", len(data), limits.max_bytes))
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                build = partial(_warc_article, data, where, url, fallback)
                yield _guarded(where, partial(_limited, build, limits.max_chars))
    except OSError as exc:
        yield _reject(origin, f"cannot read file: {exc.strerror or exc}")
        return
    except (ArchiveLoadFailed, EOFError, ValueError, zlib.error) as exc:
        reason = " ".join(str(exc).split())[:200]
        yield _reject(f"{origin}:{number + 1}", f"corrupt WARC file: {reason}")
        return
    if not pages:
        yield _reject(origin, "no HTML response records in the WARC file")


def _warc_article(data: bytes, origin: str, url: str | None, fallback: str | None) -> Article:
    html = decode_html(data)
    if not html.strip():
        raise IngestError("empty response")
    own = _Meta(url=url)
    return _html_article(html, origin=origin, fmt="warc", own=own, cli_published=fallback)


def _read_line(fh: IO[bytes] | Inflated, max_bytes: int) -> tuple[bytes | None, int]:
    """Next line and its size; ``(None, size)`` for a line over the limit (skipped, not kept),
    ``(None, 0)`` at end of file."""
    line = fh.readline(max_bytes + 1)
    if not line:
        return None, 0
    if len(line.rstrip(b"\r\n")) <= max_bytes:
        return line, len(line)
    size = len(line)
    while not line.endswith(b"\n"):
        line = fh.readline(1 << 20)
        if not line:
            break
        size += len(line)
    return None, size


def _jsonl_article(
    line: bytes, origin: str, fallback: str | None, fields: Mapping[str, str] | None = None
) -> Article:
    try:
        obj = json.loads(decode_utf8(line, hint="re-encode the file as UTF-8"))
    except json.JSONDecodeError as exc:
        raise IngestError(
            f"malformed JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}"
        ) from None
    except RecursionError:
        raise IngestError("malformed JSON: nested too deeply") from None
    if not isinstance(obj, dict):
        raise IngestError(f"malformed JSON: expected an object, got {type(obj).__name__}")
    if fields:
        obj = {**obj, **{ours: obj[theirs] for ours, theirs in fields.items() if theirs in obj}}
    own = _Meta(
        title=_field(obj, "title", origin),
        url=_field(obj, "url", origin),
        source=_field(obj, "source", origin),
        published=_field(obj, "published", origin) or _field(obj, "date", origin),
        published_source="jsonl",
    )
    text = obj.get("text")
    html = obj.get("html")
    for name, value in (("text", text), ("html", html)):  # before anything hashes or parses it
        reason = bad_char(value, controls=False) if isinstance(value, str) else None
        if reason:
            raise IngestError(f"{name} contains {reason}; fix or drop the character")
    if isinstance(text, str) and text.strip():
        return _text_article(
            text, origin=origin, fmt="jsonl", own=own, defaults=_Meta(), cli_published=fallback
        )
    if isinstance(html, str) and html.strip():
        return _html_article(html, origin=origin, fmt="jsonl", own=own, cli_published=fallback)
    if fields and ("text" in fields or "html" in fields):
        named = " or ".join(f'"{fields[k]}"' for k in ("text", "html") if k in fields)
        raise IngestError(f'no {named} (or "text"/"html") string in the object')
    raise IngestError(
        'no "text" or "html" string in the object; name the text field with --field text=NAME'
    )


def _field(obj: dict[str, Any], key: str, origin: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        logger.warning("%s: ignoring non-string %r value %r", origin, key, value)
        return None
    return value.strip() or None


# -- building Articles --------------------------------------------------------------------------


def _text_article(
    text: str,
    *,
    origin: str,
    fmt: str,
    own: _Meta,
    defaults: _Meta,
    cli_published: str | None,
) -> Article:
    """Precedence: the document's own fields, then its front matter, then defaults/detection."""
    text = _NEWLINES.sub("\n", text.lstrip("\ufeff"))
    front, text = _split_front_matter(text)
    body = _tidy(text)
    if not body:
        raise IngestError("no text after front matter" if front else "empty document")
    published, published_source = _pick_date(
        origin,
        (own.published, own.published_source),
        (front.get("published") or front.get("date"), "front-matter"),
        (cli_published, "cli"),
    )
    title = own.title or front.get("title") or defaults.title or _detect_title(body, fmt)
    url = own.url or front.get("url") or defaults.url
    source = own.source or front.get("source") or defaults.source
    _check_text(text=body, title=title, url=url, source=source)
    return Article(
        article_id=article_id(body),
        text=body,
        title=title,
        url=url,
        source=source,
        published=published,
        published_source=published_source,
        origin=origin,
        fmt=fmt,
    )


def _html_article(
    html: str | bytes, *, origin: str, fmt: str, own: _Meta, cli_published: str | None
) -> Article:
    extracted = extract_html(html, url=own.url)
    published, published_source = _pick_date(
        origin,
        (own.published, own.published_source),
        (extracted.published, extracted.published_source),
        (cli_published, "cli"),
    )
    title = own.title or extracted.title
    url = own.url or extracted.url
    source = own.source or extracted.source
    _check_text(text=extracted.text, title=title, url=url, source=source)
    return Article(
        article_id=article_id(extracted.text),
        text=extracted.text,
        title=title,
        url=url,
        source=source,
        published=published,
        published_source=published_source,
        origin=origin,
        fmt=fmt,
    )


def _check_text(**fields: str | None) -> None:
    """Refuse text that cannot be stored or shown faithfully: lone surrogates (a JSON
    ``"\\udfff"`` escape), NUL and other control characters (tab and newline are fine)."""
    for name, value in fields.items():
        reason = bad_char(value) if value else None
        if reason:
            raise IngestError(f"{name} contains {reason}; fix or drop the character")


def _limited(build: Callable[[], Article], max_chars: int) -> Article:
    return _check_length(build(), max_chars)


def _check_length(article: Article, max_chars: int) -> Article:
    """Refuse a text the NLP stage would spend minutes on (see :data:`MAX_TEXT_CHARS`), or
    in a language the coder does not code (see :mod:`eventwire.ingest.language`)."""
    if len(article.text) > max_chars:
        raise IngestError(
            f"text too long ({len(article.text)} characters > limit {max_chars}); split it"
        )
    run = longest_run(article.text)
    if run > MAX_RUN_WORDS:
        raise IngestError(
            f"{run} words without a sentence end (limit {MAX_RUN_WORDS}); not prose we can "
            "parse: punctuate or split it"
        )
    reason = language_reason(article.text)
    if reason:
        raise IngestError(reason)
    return article


def longest_run(text: str) -> int:
    """The most words in ``text`` between two sentence ends (see :data:`MAX_RUN_WORDS`)."""
    return max((len(part.split()) for part in _SENTENCE_END.split(text)), default=0)


def _pick_date(
    origin: str, *candidates: tuple[str | None, str | None]
) -> tuple[str | None, str | None]:
    """First readable date among ``(value, source)`` pairs; unreadable ones are logged, skipped."""
    for value, source in candidates:
        if not value:
            continue
        iso = normalise_date(value)
        if iso:
            return iso, source
        logger.warning("%s: ignoring unreadable publication date %r (%s)", origin, value, source)
    return None, None


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``---``-fenced ``key: value`` lines at the very top; anything else is body text."""
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return {}, text
    found: dict[str, str] = {}
    pairs = 0
    for line in lines[1:end]:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _KEY_VALUE.match(line)
        if not match:
            continue
        pairs += 1
        key = match.group(1).lower()
        if key in _FRONT_MATTER_KEYS:
            value = _unquote(match.group(2))
            if value:
                found[key] = value
    if pairs == 0:
        return {}, text
    return found, "\n".join(lines[end + 1 :])


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


def _tidy(text: str) -> str:
    lines = (line.rstrip() for line in text.split("\n"))
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip()


def _detect_title(body: str, fmt: str) -> str | None:
    """A short first line standing alone as a paragraph, without closing punctuation, is a
    headline; it stays in the text as paragraph 0."""
    first, sep, _rest = body.partition("\n\n")
    if not sep:
        return None
    if fmt == "markdown":
        heading = _MD_HEADING.match(first.split("\n", 1)[0])
        if heading:
            return heading.group(1).strip()
    if "\n" in first or len(first) >= _TITLE_MAX:
        return None
    candidate = first.strip()
    core = candidate.rstrip(_CLOSERS)
    if not core or core[-1] in _TERMINAL or not any(ch.isalpha() for ch in core):
        return None
    return candidate


# -- helpers ------------------------------------------------------------------------------------


def _cli_date(value: str | None) -> str | None:
    if value is None:
        return None
    iso = normalise_date(value)
    if iso is None:
        raise ConfigError(f"invalid publication date {value!r}; use YYYY-MM-DD")
    return iso


def _guarded(origin: str, build: Callable[[], Article]) -> Article | Reject:
    """Run one document's reader; any failure becomes a Reject so the run goes on."""
    try:
        return build()
    except IngestError as exc:
        return _reject(origin, str(exc))
    except Exception as exc:  # never let one document stop a corpus run
        logger.error("unexpected error reading %s", origin, exc_info=True)
        return _reject(origin, f"internal error while reading: {type(exc).__name__}: {exc}")


def _reject(origin: str, reason: str) -> Reject:
    logger.info("rejected %s: %s", origin, reason)
    return Reject(origin=origin, stage=STAGE, reason=reason)


def _too_large(what: str, size: int, limit: int) -> str:
    return f"{what} too large ({size} bytes > limit {limit}); split it"
