"""WARC files: each HTML response record is an article; other records are skipped."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest.sources import iter_documents
from eventwire.records import Article, Reject

PAGE = """<html><head><title>Ghana and Togo open a joint border post</title>
<meta property="article:published_time" content="2025-02-11"></head><body><article>
<h1>Ghana and Togo open a joint border post</h1>
<p>Ghana and Togo opened a joint border post at Aflao on Tuesday, customs officials said.</p>
<p>The post will let traders clear goods once instead of twice, the two ministers said.</p>
</article></body></html>"""


def write_warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    """A WARC of (url, content type, body) responses, gzipped per record like a crawler's."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for url, kind, body in pages:
            data = body.encode()
            http = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(data), length=len(data), http_headers=http
            )
            writer.write_record(record)


def test_warc_html_responses_become_articles_and_other_records_are_skipped(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(
        warc,
        [
            ("https://news.example/style.css", "text/css", "body { color: red }"),
            ("https://news.example/2025/ghana-togo", "text/html; charset=utf-8", PAGE),
        ],
    )
    docs = list(iter_documents([warc]))
    assert len(docs) == 1 and isinstance(docs[0], Article)
    art = docs[0]
    assert art.origin == f"{warc}:2" and art.fmt == "warc"
    assert art.url == "https://news.example/2025/ghana-togo"
    assert "joint border post at Aflao" in art.text
    assert art.published and art.published.startswith("2025-02-11")


def test_warc_corrupt_file_is_a_reject_naming_the_record(tmp_path):
    warc = tmp_path / "broken.warc.gz"
    warc.write_bytes(gzip.compress(b"GET / HTTP/1.1\r\nthis is no WARC at all\r\n\r\n"))
    docs = list(iter_documents([warc]))
    assert len(docs) == 1 and isinstance(docs[0], Reject)
    assert docs[0].origin == f"{warc}:1" and "corrupt WARC file" in docs[0].reason


def test_warc_without_html_pages_is_a_reject(tmp_path):
    warc = tmp_path / "images.warc"
    write_warc(warc, [("https://news.example/logo.png", "image/png", "PNG")])
    docs = list(iter_documents([warc]))
    assert len(docs) == 1 and isinstance(docs[0], Reject)
    assert docs[0].origin == str(warc) and "no HTML response" in docs[0].reason
