"""Reading files into Articles, and turning every bad input into a Reject that says why."""

from __future__ import annotations

import gzip
import json
import logging
import os
import random
import tracemalloc
from pathlib import Path

import pytest

from eventwire.errors import ConfigError, IngestError
from eventwire.ingest.dedup import article_id
from eventwire.ingest.sources import document_from_html, document_from_text, iter_documents
from eventwire.records import Article, Reject

BODY = (
    "The foreign ministers of France and Germany met in Geneva on Saturday to discuss a "
    "ceasefire proposal for the region, officials said.\n\n"
    "The German delegation said further meetings were planned for next month, but declined "
    "to give details about the venue."
)

HTML = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Ministers meet | Daily Planet</title>
<meta property="article:published_time" content="2024-03-17T09:15:00+01:00">
<meta property="og:site_name" content="Daily Planet"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers meet in Geneva</h1>
<p>{BODY.split(chr(10) * 2)[0]}</p>
<p>{BODY.split(chr(10) * 2)[1]}</p>
<p>"We are making progress," the French minister told reporters after the talks.</p>
</article><footer><p>Copyright Daily Planet. All rights reserved.</p></footer></body></html>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only(items: list[Article | Reject]) -> Article | Reject:
    assert len(items) == 1, items
    return items[0]


def read_one(
    path: Path, *, published: str | None = None, max_bytes: int = 20_000_000
) -> Article | Reject:
    return only(list(iter_documents([path], published=published, max_bytes=max_bytes)))


def read_article(path: Path, *, published: str | None = None) -> Article:
    item = read_one(path, published=published)
    assert isinstance(item, Article), item
    return item


def read_reject(path: Path, *, max_bytes: int = 20_000_000) -> Reject:
    item = read_one(path, max_bytes=max_bytes)
    assert isinstance(item, Reject), item
    assert item.origin == str(path)
    assert item.stage == "ingest"
    return item


# -- plain text and Markdown --------------------------------------------------------------------


def test_front_matter_sets_metadata_and_is_removed_from_the_text(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.txt",
        '---\ntitle: "Talks: a new round"\npublished: 2024-03-17T09:15:00+01:00\n'
        "source: 'Wire Service'\nurl: https://example.org/talks\nauthor: ignored\n---\n" + BODY,
    )
    article = read_article(path)
    assert article.text == BODY
    assert article.title == "Talks: a new round"
    assert article.source == "Wire Service"
    assert article.url == "https://example.org/talks"
    assert article.published == "2024-03-17T09:15:00+01:00"
    assert article.published_source == "front-matter"
    assert article.fmt == "text"
    assert article.language == "en"
    assert article.origin == str(path)
    assert article.article_id == article_id(BODY)


def test_front_matter_date_key_is_an_alias_of_published() -> None:
    article = document_from_text("---\ndate: July 28, 2023\n---\n" + BODY)
    assert (article.published, article.published_source) == ("2023-07-28", "front-matter")


def test_unclosed_front_matter_is_body_text() -> None:
    text = "---\ntitle: nothing closes this\n\n" + BODY
    assert document_from_text(text).text == text


def test_newlines_and_trailing_spaces_are_normalised() -> None:
    article = document_from_text(
        "First para.  \r\nsame para.\r\n\r\n\r\n\r\n  \nSecond para.\t\n\n"
    )
    assert article.text == "First para.\nsame para.\n\nSecond para."


def test_short_first_line_without_punctuation_becomes_title_and_stays_in_text() -> None:
    article = document_from_text("Ministers meet in Geneva\n\n" + BODY)
    assert article.title == "Ministers meet in Geneva"
    assert article.text.split("\n\n")[0] == "Ministers meet in Geneva"


@pytest.mark.parametrize(
    "first",
    [
        "The ministers met in Geneva.",  # a sentence, not a headline
        "Who will pay for the ceasefire?",
        "A" * 200,  # too long
        "Ministers meet\nin Geneva",  # more than one line
        "2024",  # no letters
    ],
)
def test_first_paragraph_that_is_not_a_headline_gives_no_title(first: str) -> None:
    assert document_from_text(first + "\n\n" + BODY).title is None


def test_single_paragraph_document_has_no_title() -> None:
    assert document_from_text("Ministers meet in Geneva").title is None


def test_markdown_heading_is_the_title(tmp_path: Path) -> None:
    article = read_article(
        write(tmp_path / "story.md", "# Ministers meet\nin Geneva today\n\n" + BODY)
    )
    assert article.fmt == "markdown"
    assert article.title == "Ministers meet"


def test_front_matter_title_wins_over_detected_title() -> None:
    article = document_from_text("---\ntitle: From front matter\n---\nHeadline here\n\n" + BODY)
    assert article.title == "From front matter"


def test_keyword_metadata_fills_only_what_the_document_lacks() -> None:
    text = "---\nsource: Own Source\n---\n" + BODY
    article = document_from_text(text, source="Default", url="https://x.org/a", title="T")
    assert (article.source, article.url, article.title) == ("Own Source", "https://x.org/a", "T")
    assert article.origin == "-"


def test_cli_date_is_used_only_without_a_date_of_its_own() -> None:
    dated = document_from_text("---\npublished: 2024-01-02\n---\n" + BODY, published="2020-05-05")
    undated = document_from_text(BODY, published="2020-05-05")
    assert (dated.published, dated.published_source) == ("2024-01-02", "front-matter")
    assert (undated.published, undated.published_source) == ("2020-05-05", "cli")


def test_unreadable_document_date_is_logged_and_skipped(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="eventwire.ingest.sources"):
        article = document_from_text(
            "---\npublished: next week\n---\n" + BODY, published="2020-05-05"
        )
    assert (article.published, article.published_source) == ("2020-05-05", "cli")
    assert "next week" in caplog.text


def test_invalid_cli_date_is_a_config_error_raised_at_once() -> None:
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        iter_documents([], published="17/03/2024")
    with pytest.raises(ConfigError):
        document_from_text(BODY, published="tomorrow")


def test_text_without_body_is_an_ingest_error() -> None:
    with pytest.raises(IngestError, match="no text after front matter"):
        document_from_text("---\ntitle: only metadata\n---\n\n")


def test_very_long_text_within_the_limit_is_read(tmp_path: Path) -> None:
    paragraph = BODY + "\n\n"
    path = write(tmp_path / "long.txt", paragraph * 20_000)  # about 5 MB
    # a text this long is over the default character limit for the NLP stage (tested in
    # tests/reliability/test_limits.py); raised here, the byte path reads it whole
    article = only(list(iter_documents([path], max_chars=10_000_000)))
    assert isinstance(article, Article), article
    assert article.text.count("\n\n") == 2 * 20_000 - 1


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + BODY.encode()))
    assert article.text == BODY


# -- HTML ---------------------------------------------------------------------------------------


def test_html_file_becomes_an_article_with_time_zoned_date(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "page.html", HTML), published="2000-01-01")
    assert article.fmt == "html"
    assert BODY.split("\n\n")[0] in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.published == "2024-03-17T09:15:00+01:00"
    assert article.published_source == "meta"
    assert article.source == "Daily Planet"
    assert article.article_id == article_id(article.text)


def test_document_from_html_uses_cli_date_only_when_page_has_none() -> None:
    undated = HTML.replace(
        '<meta property="article:published_time" content="2024-03-17T09:15:00+01:00">', ""
    )
    article = document_from_html(undated, origin="mem", published="2022-02-02")
    assert (article.published, article.published_source) == ("2022-02-02", "cli")
    assert article.origin == "mem"


def test_html_cut_mid_tag_with_paragraphs_is_still_an_article(tmp_path: Path) -> None:
    cut = HTML[: HTML.index('<p>"We are')] + '<p class="la'
    article = read_article(write(tmp_path / "cut.htm", cut))
    assert BODY.split("\n\n")[1] in article.text


def test_html_with_only_markup_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.html", "<html><head><title>t</title></head><body><div><sp")
    reject = read_one(path)
    assert reject == Reject(
        origin=str(path), stage="ingest", reason="no article text found in HTML"
    )


def test_html_declaring_latin1_is_decoded_as_windows_1252(tmp_path: Path) -> None:
    html = HTML.replace('charset="utf-8"', 'charset="ISO-8859-1"').replace("said.", "said \u2013")
    article = read_article(write(tmp_path / "old.html", html.encode("cp1252")))
    assert "officials said \u2013" in article.text


# -- JSONL --------------------------------------------------------------------------------------


def test_jsonl_malformed_line_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": BODY, "title": "One", "published": "2024-03-01", "id": "a1"}),
        '{"text": "broken',
        json.dumps({"html": HTML, "url": "https://example.org/p", "source": "Feed"}),
    ]
    path = write(tmp_path / "file.jsonl", "\n".join(lines) + "\n")
    items = list(iter_documents([path]))
    assert [type(item) for item in items] == [Article, Reject, Article]
    first, bad, third = items
    assert isinstance(first, Article) and isinstance(third, Article)
    assert isinstance(bad, Reject) and bad.origin == f"{path}:2"
    assert bad.reason.startswith("malformed JSON: ")
    assert (first.origin, first.fmt, first.title) == (f"{path}:1", "jsonl", "One")
    assert (first.published, first.published_source) == ("2024-03-01", "jsonl")
    assert third.origin == f"{path}:3"
    assert (third.url, third.source) == ("https://example.org/p", "Feed")
    assert (third.published, third.published_source) == ("2024-03-17T09:15:00+01:00", "meta")


def test_jsonl_gz_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i in range(3):
            fh.write(json.dumps({"text": f"Story {i}. {BODY}", "date": "2023-07-28"}) + "\n")
    items = list(iter_documents([path], published="2000-01-01"))
    assert [item.origin for item in items] == [f"{path}:{i}" for i in (1, 2, 3)]
    assert all(isinstance(i, Article) and i.published == "2023-07-28" for i in items)


def test_jsonl_bad_objects_are_rejected_by_line(tmp_path: Path) -> None:
    lines = ["[1, 2]", "", json.dumps({"title": "no body"}), json.dumps({"text": BODY})]
    path = write(tmp_path / "mixed.jsonl", "\n".join(lines) + "\n")
    items = list(iter_documents([path]))
    assert [(type(i).__name__, i.origin) for i in items] == [
        ("Reject", f"{path}:1"),
        ("Reject", f"{path}:3"),
        ("Article", f"{path}:4"),
    ]
    first, second = items[0], items[1]
    assert isinstance(first, Reject) and "expected an object" in first.reason
    assert isinstance(second, Reject) and 'no "text" or "html"' in second.reason


def test_jsonl_line_over_the_limit_is_rejected_alone(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "x " * 500}), json.dumps({"text": BODY})]
    path = write(tmp_path / "big.jsonl", "\n".join(lines) + "\n")
    items = list(iter_documents([path], max_bytes=300))
    assert isinstance(items[0], Reject) and items[0].origin == f"{path}:1"
    assert items[0].reason.startswith("line too large (")
    assert isinstance(items[1], Article) and items[1].text == BODY


def test_corrupt_gzip_is_rejected(tmp_path: Path) -> None:
    data = gzip.compress((json.dumps({"text": BODY}) + "\n").encode())
    path = write(tmp_path / "broken.jsonl.gz", data[: len(data) // 2])
    items = list(iter_documents([path]))
    assert isinstance(items[-1], Reject)
    assert "corrupt or unreadable file" in items[-1].reason


# -- bad inputs ---------------------------------------------------------------------------------


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.txt", "")
    assert read_one(path) == Reject(origin=str(path), stage="ingest", reason="empty file")
    assert read_reject(write(tmp_path / "blank.md", " \n\n\t\n")).reason == "empty file"
    assert read_reject(write(tmp_path / "empty.jsonl", "\n\n")).reason == "empty file"


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    data = random.Random(7).randbytes(4096) + b"\x00\x00"
    reject = read_reject(write(tmp_path / "image.txt", data))
    assert reject.reason == "binary file, not text"
    assert read_reject(write(tmp_path / "image.html", data)).reason == "binary file, not text"


def test_invalid_utf8_text_file_is_rejected_with_the_offending_byte(tmp_path: Path) -> None:
    path = write(tmp_path / "latin.txt", "Caf\u00e9 talks in Gen\u00e8ve".encode("latin-1"))
    reject = read_reject(path)
    assert reject.origin == str(path)
    assert reject.reason == "not valid UTF-8 (byte 0xe9 at offset 3); re-encode it as UTF-8"


def test_file_over_max_bytes_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", BODY)
    reject = read_reject(path, max_bytes=100)
    assert reject.reason == f"file too large ({len(BODY.encode())} bytes > limit 100); split it"


def test_50_mb_file_is_rejected_by_default_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    chunk = (BODY + "\n\n").encode() * 4000
    with path.open("wb") as fh:
        while fh.tell() < 50_000_000:
            fh.write(chunk)
    tracemalloc.start()
    try:
        reject = read_one(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(reject, Reject)
    assert reject.reason.startswith(
        f"file too large ({path.stat().st_size} bytes > limit 20000000)"
    )
    assert peak < 2_000_000


def test_unsupported_extension_is_rejected(tmp_path: Path) -> None:
    reject = read_reject(write(tmp_path / "table.xyz", "a,b\n"))
    assert reject.reason.startswith("unsupported file type .xyz")
    reject = read_reject(write(tmp_path / "notes", BODY))
    assert reject.reason.startswith("unsupported file type (no extension)")


def test_missing_path_and_broken_symlink_are_rejected(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    items = list(iter_documents([missing, link]))
    assert items == [
        Reject(origin=str(missing), stage="ingest", reason="no such file or directory"),
        Reject(origin=str(link), stage="ingest", reason="broken symbolic link"),
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", BODY)
    path.chmod(0)
    try:
        reject = read_one(path)
    finally:
        path.chmod(0o644)
    assert isinstance(reject, Reject)
    assert reject.reason.startswith("cannot read file")


# -- walking ------------------------------------------------------------------------------------


def test_directory_walk_is_sorted_recursive_and_skips_hidden_and_readme(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for name in ["b.txt", "a/z.md", "a/c.txt", "c.html", ".hidden.txt", ".git/x.txt", "README.md"]:
        write(corpus / name, HTML if name.endswith(".html") else f"{name}\n\n{BODY}")
    items = list(iter_documents([corpus]))
    assert [Path(item.origin).relative_to(corpus).as_posix() for item in items] == [
        "a/c.txt",
        "a/z.md",
        "b.txt",
        "c.html",
    ]
    assert all(isinstance(item, Article) for item in items)


def test_files_named_explicitly_are_read_even_if_hidden(tmp_path: Path) -> None:
    path = write(tmp_path / ".draft.txt", BODY)
    assert isinstance(read_one(path), Article)


def test_a_single_string_path_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path / "one.txt", BODY)
    documents = iter_documents(str(path))  # a str is an Iterable[str]; it must not be split
    assert isinstance(only(list(documents)), Article)


def test_walk_is_lazy(tmp_path: Path) -> None:
    write(tmp_path / "a" / "1.txt", BODY)
    (tmp_path / "b").mkdir()
    documents = iter_documents([tmp_path])
    first = next(documents)
    write(tmp_path / "b" / "2.txt", BODY)  # appears after iteration started
    rest = list(documents)
    assert [Path(d.origin).name for d in [first, *rest]] == ["1.txt", "2.txt"]


def test_mixed_bad_inputs_never_raise(tmp_path: Path) -> None:
    paths = [
        write(tmp_path / "e.txt", ""),
        write(tmp_path / "b.html", b"\x00\x01\x02"),
        write(tmp_path / "j.jsonl", "{oops\n"),
        tmp_path / "missing.md",
        write(tmp_path / "ok.txt", BODY),
    ]
    items = list(iter_documents(paths))
    assert [type(i).__name__ for i in items] == ["Reject"] * 4 + ["Article"]
    assert all(i.stage == "ingest" for i in items if isinstance(i, Reject))
