"""Article body and metadata from an HTML page.

This is the only module that calls trafilatura, so a change of extractor touches one file.
Trafilatura finds the body and drops boilerplate (navigation, cookie banners, footers, related
links); we rebuild its paragraphs with blank lines between them because later stages number
paragraphs. Its date is day-only, while a publication time and offset decide which calendar day
"yesterday" means, so the publication date is read by our own small parser of the page's
metadata first.

No network, ever: trafilatura and htmldate are only ever given a parsed tree. Given a string
that starts with ``http`` and has no ASCII space, htmldate (and trafilatura before 2.0) take it
for a URL and download it, so a hostile page would make us send requests.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import lxml.html
from lxml import etree

from eventwire.errors import IngestError
from eventwire.ingest.dates import date_from_url, dates_in_text, normalise_date
from eventwire.ingest.encoding import decode_html

__all__ = ["MAX_ELEMENTS", "MIN_WORDS", "Extracted", "extract_html", "extract_pubdate"]

logger = logging.getLogger(__name__)

#: Fewer words than this is not an article (an error page, a paywall stub, bare markup).
MIN_WORDS = 20
#: More elements than this is not a news page, and trafilatura's time grows faster than the
#: element count (40,000 ``<p>`` took 7 s, 100,000 ``<span>`` 11 s; a news page has a few
#: thousand), so such a page is rejected before extraction.
MAX_ELEMENTS = 30_000

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_WORD = re.compile(r"\w+")

#: Meta tags naming the publication time, best first; matched on name, property or itemprop.
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article.published",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "originalpublicationdate",
)
_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "socialmediaposting",
    "liveblogposting",
    "report",
    "webpage",
}
_BOILERPLATE_MARK = re.compile(
    r"cookie|consent|banner|newsletter|subscri|related|share|social|promo|advert|"
    r"footer|navigation|menu|breadcrumb|comment|sidebar",
    re.I,
)
_BLOCK_TAGS = {"p", "head", "quote", "list", "item", "table", "row", "code", "div", "section"}
_FALLBACK_DROP = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "template",
)


@dataclass(frozen=True, slots=True)
class Extracted:
    """What we keep from a page: body text and the metadata an Article needs."""

    text: str
    title: str | None = None
    url: str | None = None
    #: The site name (``og:site_name`` or similar).
    source: str | None = None
    #: ISO 8601 date or datetime; time and offset kept when the page gives them.
    published: str | None = None
    #: "url", "visible", "meta", "jsonld" or "htmldate" (see ``_pubdate_from_tree``).
    published_source: str | None = None


def extract_html(html: str | bytes, *, url: str | None = None) -> Extracted:
    """Extract the article from ``html``; raise IngestError when there is no usable body.

    ``url`` is where the page came from; it helps trafilatura and the URL-date fallback and
    wins over the page's own canonical URL.
    """
    text = _as_text(html)
    tree = _parse(text)
    if tree is None:
        raise IngestError("no article text found in HTML (cannot parse the markup)")
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_ELEMENTS:
        raise IngestError(
            f"HTML too complex ({elements} elements > limit {MAX_ELEMENTS}); "
            "extract the article first or split the page"
        )
    doc = _trafilatura(_trafilatura_tree(text), url)
    body = _body_text(doc) if doc is not None else ""
    if _word_count(body) < MIN_WORDS:
        fallback = _fallback_text(tree)
        if _word_count(fallback) > _word_count(body):
            logger.debug("trafilatura found little text; using <p> fallback")
            body = fallback
    if _word_count(body) < MIN_WORDS:
        raise IngestError("no article text found in HTML")
    page_url = url or _meta_url(tree) or (_clean(doc.url) if doc is not None else None)
    published, published_source = _pubdate_from_tree(tree, text, page_url)
    return Extracted(
        text=body,
        title=(_clean(doc.title) if doc is not None else None) or _html_title(tree),
        url=page_url,
        source=_clean(doc.sitename) if doc is not None else None,
        published=published,
        published_source=published_source,
    )


def extract_pubdate(html: str | bytes, *, url: str | None = None) -> tuple[str | None, str | None]:
    """Publication date of a page and where it was found, e.g. ``("2024-03-17T09:15:00+01:00",
    "meta")``; ``(None, None)`` when the page has none."""
    try:
        text = _as_text(html)
    except IngestError:
        if isinstance(html, str):
            raise
        # A body we cannot decode faithfully can still show its date, which is ASCII.
        text = html.decode("cp1252", errors="replace")
    tree = _parse(text)
    if tree is None:
        return None, None
    return _pubdate_from_tree(tree, text, url or _meta_url(tree))


# -- publication date ---------------------------------------------------------------------------


def _pubdate_from_tree(
    tree: lxml.html.HtmlElement, text: str, url: str | None
) -> tuple[str | None, str | None]:
    """The publication day, read the way a careful reader would, with the metadata's time.

    Which day, best first:

    1. a full date in the URL (``/2023/11/08/``) when the metadata has none or is at most a day
       off: the publisher's own date in local time, where a UTC timestamp may already show the
       next day (a URL far from the metadata is more often a reused slug);
    2. the date printed by the headline or in the byline ("24. April 2020 | Pressemitteilung",
       ``<time>``, ``class="date"``): what readers are told, where metadata is often a template
       default or the last modification;
    3. metadata: ``article:published_time``, JSON-LD ``datePublished``, other publication meta
       tags;
    4. htmldate's quick (not extensive) guess.

    When the metadata names the same day, its value is returned, so time and UTC offset are
    kept ("2024-03-17T09:15:00+01:00"); otherwise the bare day. The source says which signal
    decided: "url", "visible", "meta", "jsonld" or "htmldate".
    """
    meta, meta_source = _metadata_date(tree)
    from_url = date_from_url(url)
    if from_url and (meta is None or _days_apart(from_url, meta) <= 1):
        return (meta if meta and meta[:10] == from_url else from_url), "url"
    shown = _visible_date(tree)
    if shown:
        return (meta if meta and meta[:10] == shown else shown), "visible"
    if meta:
        return meta, meta_source
    value = _htmldate(text)
    if value:
        return value, "htmldate"
    return None, None


def _days_apart(a: str, b: str) -> int:
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)


def _metadata_date(tree: lxml.html.HtmlElement) -> tuple[str | None, str | None]:
    """Meta ``article:published_time`` > JSON-LD ``datePublished`` > other publication meta."""
    metas = _meta_values(tree)
    first = _first_valid(metas.get("article:published_time", []))
    if first:
        return first, "meta"
    found = _jsonld_published(tree)
    if found:
        return found, "jsonld"
    for key in _PUBLISHED_META[1:]:
        value = _first_valid(metas.get(key, []))
        if value:
            return value, "meta"
    return None, None


def _meta_values(tree: lxml.html.HtmlElement) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content") or meta.get("datetime")
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key:
                values.setdefault(key, []).append(content)
    return values


def _first_valid(candidates: list[str]) -> str | None:
    for candidate in candidates:
        value = normalise_date(candidate)
        if value:
            return value
        logger.debug("ignoring unreadable date %r", candidate)
    return None


def _jsonld_published(tree: lxml.html.HtmlElement) -> str | None:
    fallback: str | None = None
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):  # nested too deeply is malformed too
            logger.debug("ignoring malformed JSON-LD block")
            continue
        for obj in _jsonld_objects(data):
            value = normalise_date(_as_str(obj.get("datePublished")))
            if not value:
                continue
            types = obj.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in names):
                return value
            fallback = fallback or value
    return fallback


def _jsonld_objects(data: Any) -> Iterator[dict[str, Any]]:
    """JSON-LD objects in document order, with those in ``@graph`` and ``mainEntity``;
    iterative, as a page may nest them hundreds deep."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            keys = ("@graph", "mainEntity", "mainEntityOfPage")
            stack.extend(item[key] for key in reversed(keys) if key in item)


def _htmldate(text: str) -> str | None:
    from htmldate import find_date
    from htmldate.utils import load_html

    try:
        # UTF-8 bytes parse exactly as the string would, but bytes are never taken for a URL
        tree = load_html(text.encode("utf-8", errors="replace"))
        if tree is None:
            return None
        value = find_date(tree, extensive_search=False, original_date=True)
    except Exception:  # a third-party guesser must not sink the document
        logger.debug("htmldate failed", exc_info=True)
        return None
    return normalise_date(value) if value else None


# -- dates shown on the page ----------------------------------------------------------------------

#: class/id/itemprop words of elements that carry a date line ("Datum", "posted-on", "byline").
_DATE_MARK = re.compile(
    r"date|datum|time|zeit|publish|posted|byline|dateline|meta|info|tagline|subtitle|caption|"
    r"stand|entry-header|article-header|author|autor|fecha|data",
    re.I,
)
#: Ancestors whose dates are not the article's: comments, teasers, calendars, other articles.
_OTHER_DATES = re.compile(
    r"comment|kommentar|related|sidebar|footer|teaser|widget|recommend|weitere|archive|"
    r"calendar|kalender|event|termin|newsletter|share|social|nav|menu|breadcrumb|reply|"
    r"similar|popular|latest|more-|ticker",
    re.I,
)
#: Words just before a date that make it an update, not the publication.
_UPDATED = re.compile(
    r"(?:updated?|modified|aktualisiert|geändert|zuletzt|stand|last\s+edit|mis\s+à\s+jour|"
    r"actualizado|aggiornato)\W{0,12}(?:\w+\W{0,3}){0,2}$",
    re.I,
)
_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "option", "select", "input"}


def _visible_date(tree: lxml.html.HtmlElement) -> str | None:
    """The publication date a reader sees near the headline or in the byline.

    Looked for, best first: ``<time>`` elements, short elements whose class or id says "date"
    (``class="date"``, ``id="datum"``, ``class="entry-meta"``), then the text right after the
    first ``<h1>``. Dates in comments, teasers, calendars and sidebars are not the article's;
    one labelled "updated"/"aktualisiert" ranks below a plain one.
    """
    month_first = _month_first(tree)
    found: list[tuple[int, int, str]] = []
    order = 0
    for el in tree.iter("time"):
        if _elsewhere(el):
            continue
        value = normalise_date(el.get("datetime")) if el.get("datetime") else None
        if value:
            found.append((0, order, value[:10]))
        else:
            found.extend((1, order, v) for _, v in _dates_in(el.text_content(), month_first))
        order += 1
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS or el.tag == "time":
            continue
        marks = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}"
        if not _DATE_MARK.search(marks) or _OTHER_DATES.search(marks):
            continue
        text = el.text_content()
        if len(text) > 600 or _elsewhere(el):
            continue
        found.extend((2, order + i, v) for i, (_, v) in enumerate(_dates_in(text, month_first)))
        order += 10
    heading = next(tree.iter("h1"), None)
    if heading is not None:  # the headline is the article's whatever its wrappers are called
        near = _text_before(heading, 150) + " | " + _text_after(heading, 600)
        found.extend((3, order + i, v) for i, (_, v) in enumerate(_dates_in(near, month_first)))
    return min(found)[2] if found else None


def _dates_in(text: str, month_first: bool | None) -> list[tuple[int, str]]:
    """Dates in an element's text, those labelled as updates pushed back."""
    text = " ".join(text.split())
    out = []
    for offset, value in dates_in_text(text, month_first=month_first):
        out.append(
            (offset + (10_000 if _UPDATED.search(text[max(0, offset - 40) : offset]) else 0), value)
        )
    return sorted(out)


def _text_after(element: lxml.html.HtmlElement, size: int) -> str:
    """Text that follows ``element`` in document order (its tail, then the next elements)."""
    parts: list[str] = [element.tail or ""]
    total = len(parts[0])
    for following in element.itersiblings():
        if total >= size:
            break
        if isinstance(following.tag, str) and not _aside(following):
            chunk = following.text_content()
            parts.append(chunk)
            total += len(chunk)
        parts.append(following.tail or "")
    if total < size and element.getparent() is not None:
        parent = element.getparent()
        parts.append(_text_after(parent, size - total) if parent.tag != "body" else "")
    return " ".join(parts)[:size]


def _text_before(element: lxml.html.HtmlElement, size: int) -> str:
    """Text just before ``element`` among its siblings (a kicker or date line above a headline)."""
    parts: list[str] = []
    for previous in element.itersiblings(preceding=True):
        if isinstance(previous.tag, str) and not _aside(previous):
            parts.insert(0, previous.text_content() + (previous.tail or ""))
        if sum(map(len, parts)) >= size:
            break
    parent = element.getparent()
    if parent is not None and parent.text:
        parts.insert(0, parent.text)
    return " ".join(parts)[-size:]


def _aside(element: lxml.html.HtmlElement) -> bool:
    """An element whose own tag or class marks it as not the article (comments, teasers...)."""
    if element.tag in _SKIP_TAGS:
        return True
    marks = f"{element.get('class') or ''} {element.get('id') or ''}"
    if element.tag in ("footer", "aside", "nav"):  # unless it is the article's own meta line
        return not _DATE_MARK.search(marks)
    return bool(_OTHER_DATES.search(marks))


def _elsewhere(element: lxml.html.HtmlElement) -> bool:
    return any(_aside(parent) for parent in element.iterancestors())


def _month_first(tree: lxml.html.HtmlElement) -> bool | None:
    """How to read 03/04/2024 on this page: month first for US English, day first for other
    languages, undecided when the page does not say."""
    lang = (tree.get("lang") or "").lower().replace("_", "-")
    if not lang:
        return None
    if lang in ("en-us", "en"):
        return True if lang == "en-us" else None
    return False


# -- body ---------------------------------------------------------------------------------------


def _trafilatura_tree(text: str) -> lxml.html.HtmlElement | None:
    """The page parsed by trafilatura's own loader, exactly as ``bare_extraction`` would parse
    the string (a string, not bytes: bytes would be tried as gzip, brotli and zlib streams).
    trafilatura 2.x's loader never fetches; the tree is what we hand on."""
    from trafilatura.utils import load_html

    try:
        tree = load_html(text)
    except Exception:
        logger.debug("trafilatura could not parse the page", exc_info=True)
        return None
    return tree if isinstance(tree, lxml.html.HtmlElement) else None


def _trafilatura(tree: lxml.html.HtmlElement | None, url: str | None) -> Any:
    from trafilatura import bare_extraction

    if tree is None:
        return None
    try:
        return bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            favor_precision=True,
        )
    except Exception:  # fall back to our own <p> reader
        logger.debug("trafilatura failed", exc_info=True)
        return None


def _body_text(doc: Any) -> str:
    body = getattr(doc, "body", None)
    if body is None:
        return _tidy_paragraphs((getattr(doc, "text", None) or "").split("\n"))
    return _tidy_paragraphs(_blocks(body))


def _blocks(element: etree._Element) -> Iterator[str]:
    """One string per paragraph-like element of trafilatura's XML body."""
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("list", "table", "div", "section") or (
            tag == "quote" and any(c.tag in _BLOCK_TAGS for c in child)
        ):
            yield from _blocks(child)
        elif tag == "row":
            cells = (_inline_text(cell) for cell in child)
            yield " | ".join(cell for cell in cells if cell)
        elif tag in ("graphic", "image"):
            pass
        elif tag:
            yield _inline_text(child)
        if child.tail and child.tail.strip():
            yield child.tail


def _inline_text(element: etree._Element) -> str:
    """Text of an element in document order, with ``<lb/>`` as a newline."""
    parts: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            parts.append("\n" if node.tag == "lb" else node.text or "")
        elif node is not element and node.tail:
            parts.append(node.tail)
    return "".join(parts)


def _fallback_text(tree: lxml.html.HtmlElement) -> str:
    """Text of the page's ``<p>`` elements outside navigation, header, footer and asides."""
    paragraphs: list[str] = []
    for p in tree.iter("p"):
        if any(_is_boilerplate(a) for a in p.iterancestors()):
            continue
        paragraphs.append(p.text_content())
    return _tidy_paragraphs(paragraphs)


def _is_boilerplate(element: lxml.html.HtmlElement) -> bool:
    if element.tag in _FALLBACK_DROP:
        return True
    marks = f"{element.get('class') or ''} {element.get('id') or ''} {element.get('role') or ''}"
    return bool(_BOILERPLATE_MARK.search(marks))


def _tidy_paragraphs(paragraphs: Iterator[str] | list[str]) -> str:
    """Collapse spaces inside lines and join non-empty paragraphs with one blank line."""
    out: list[str] = []
    for paragraph in paragraphs:
        lines = (" ".join(line.split()) for line in paragraph.split("\n"))
        cleaned = "\n".join(line for line in lines if line)
        if cleaned:
            out.append(cleaned)
    return "\n\n".join(out)


# -- helpers ------------------------------------------------------------------------------------


def _as_text(html: str | bytes) -> str:
    return decode_html(html) if isinstance(html, bytes) else html


def _parse(text: str) -> lxml.html.HtmlElement | None:
    """Parse leniently (truncated pages are common); None when there is nothing to parse."""
    cleaned = _XML_DECLARATION.sub("", text, count=1)
    if not cleaned.strip():
        return None
    try:
        return lxml.html.document_fromstring(cleaned)
    except (etree.ParserError, ValueError):
        return None


def _meta_url(tree: lxml.html.HtmlElement) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return _clean(link.get("href"))
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:url":
            return _clean(meta.get("content"))
    return None


def _html_title(tree: lxml.html.HtmlElement) -> str | None:
    title = tree.find(".//title")
    return _clean(title.text_content()) if title is not None else None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = " ".join(value.split())
    return cleaned or None


def _as_str(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    return value if isinstance(value, str) else None


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))
