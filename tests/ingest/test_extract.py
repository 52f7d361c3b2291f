"""HTML extraction: body without boilerplate, metadata, and publication dates that keep time."""

from __future__ import annotations

import json

import pytest

from eventwire.errors import IngestError
from eventwire.ingest.dates import date_from_url, dates_in_text, normalise_date
from eventwire.ingest.extract import Extracted, extract_html, extract_pubdate

PARAGRAPHS = [
    "The foreign ministers of France and Germany met in Geneva on Saturday to discuss a "
    "ceasefire proposal for the region, officials said.",
    '"We are making progress," the French minister told reporters after the talks, which '
    "lasted more than six hours.",
    "The German delegation said further meetings were planned for next month, but declined "
    "to give details about the venue.",
]


def page(head: str = "", *, body_extra: str = "", byline: str = "", lang: str = "") -> str:
    """A news page with the usual boilerplate around a three-paragraph article; ``byline`` is
    HTML placed right under the headline."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html{f' lang="{lang}"' if lang else ""}><head><meta charset="utf-8">
<title>Ministers meet in Geneva | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
{head}
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience
on our website. By continuing you accept all cookies.</p><button>Accept</button></div>
<article><h1>Ministers meet in Geneva</h1>
{byline}
{paragraphs}
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Storm hits the coast overnight</a></li>
<li><a href="/b">Election results announced in the capital</a></li></ul></aside>
{body_extra}
<footer><p>Copyright 2024 Daily Planet. All rights reserved. Contact us. Privacy policy.</p>
</footer>
</body></html>"""


def test_body_keeps_article_paragraphs_and_drops_boilerplate() -> None:
    result = extract_html(page())
    assert isinstance(result, Extracted)
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text
    for junk in ("cookies", "Home", "Related stories", "Storm hits", "Copyright", "Privacy"):
        assert junk not in result.text


def test_paragraphs_are_separated_by_blank_lines() -> None:
    result = extract_html(page())
    paragraphs = result.text.split("\n\n")
    assert paragraphs[-3:] == PARAGRAPHS


def test_title_and_site_name_come_from_page_metadata() -> None:
    result = extract_html(page())
    assert result.title == "Ministers meet in Geneva"
    assert result.source == "Daily Planet"


def test_article_published_time_keeps_time_and_offset() -> None:
    head = '<meta property="article:published_time" content="2024-03-17T09:15:00+01:00">'
    result = extract_html(page(head))
    assert result.published == "2024-03-17T09:15:00+01:00"
    assert result.published_source == "meta"


def test_jsonld_date_published_is_used_when_there_is_no_meta_tag() -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Daily Planet"},
            {"@type": "NewsArticle", "datePublished": "2024-03-16T22:40:00Z"},
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    result = extract_html(page(head))
    assert result.published == "2024-03-16T22:40:00+00:00"
    assert result.published_source == "jsonld"


def test_meta_published_time_wins_over_jsonld() -> None:
    ld = {"@type": "NewsArticle", "datePublished": "2020-01-01"}
    head = (
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        '<meta property="article:published_time" content="2024-03-17T09:15:00+01:00">'
    )
    assert extract_pubdate(page(head)) == ("2024-03-17T09:15:00+01:00", "meta")


def test_meta_name_date_is_read() -> None:
    head = '<meta name="date" content="2024-03-15">'
    assert extract_pubdate(page(head)) == ("2024-03-15", "meta")


def test_malformed_jsonld_is_ignored() -> None:
    head = '<script type="application/ld+json">{"datePublished": </script>'
    assert extract_pubdate(page(head)) == (None, None)


def test_date_in_url_is_the_last_resort() -> None:
    url = "https://example.org/world/2024/03/17/ministers-meet-in-geneva"
    assert extract_pubdate(page(), url=url) == ("2024-03-17", "url")
    result = extract_html(page(), url=url)
    assert (result.published, result.published_source) == ("2024-03-17", "url")
    assert result.url == url


def test_canonical_link_gives_url_and_its_date() -> None:
    head = '<link rel="canonical" href="https://example.org/news/2023-07-28-talks.html">'
    result = extract_html(page(head))
    assert result.url == "https://example.org/news/2023-07-28-talks.html"
    assert result.published == "2023-07-28"
    assert result.published_source == "url"


def test_page_without_any_date_has_none() -> None:
    assert extract_pubdate(page()) == (None, None)
    assert extract_html(page()).published is None


def test_unreadable_meta_date_falls_through_to_next_candidate() -> None:
    head = (
        '<meta property="article:published_time" content="yesterday-ish">'
        '<meta name="date" content="2024-03-15T08:00:00-05:00">'
    )
    assert extract_pubdate(page(head)) == ("2024-03-15T08:00:00-05:00", "meta")


def test_bytes_with_declared_windows_1252_charset_are_decoded() -> None:
    html = page().replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    html = html.replace("officials said.", "officials said \u2013 caf\u00e9 talks.")
    result = extract_html(html.encode("cp1252"))
    assert "said \u2013 caf\u00e9 talks." in result.text


def test_bytes_that_are_not_utf8_without_declaration_are_refused() -> None:
    html = page().replace('<meta charset="utf-8">', "").replace("Geneva on", "Gen\xe8ve on")
    with pytest.raises(IngestError, match=r"not valid UTF-8 \(byte 0xe8 at offset \d+\)"):
        extract_html(html.encode("latin-1"))


def test_page_with_only_markup_is_refused() -> None:
    html = "<html><head><title>x</title></head><body><div><span></span></div></body></html>"
    with pytest.raises(IngestError, match="no article text found in HTML"):
        extract_html(html)


def test_page_cut_mid_tag_still_gives_its_paragraphs() -> None:
    html = page()
    cut = html[: html.index(PARAGRAPHS[2][:20]) - 2]  # inside the third <p> tag
    assert cut.endswith("<")
    result = extract_html(cut)
    assert PARAGRAPHS[0] in result.text
    assert PARAGRAPHS[1] in result.text


def test_short_page_over_twenty_words_is_accepted() -> None:
    # Too short for trafilatura's own minimum; our <p> fallback still finds it.
    html = (
        f"<html><body><p>{PARAGRAPHS[0]}</p>"
        "<p>Talks resume on Monday in the Swiss city.</p></body></html>"
    )
    result = extract_html(html)
    assert result.text == f"{PARAGRAPHS[0]}\n\nTalks resume on Monday in the Swiss city."


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-17T09:15:00+01:00", "2024-03-17T09:15:00+01:00"),
        ("2024-03-17T08:15:00Z", "2024-03-17T08:15:00+00:00"),
        ("2024-03-17", "2024-03-17"),
        ("Sun, 17 Mar 2024 09:15:00 +0100", "2024-03-17T09:15:00+01:00"),
        ("July 28, 2023", "2023-07-28"),
        ("Friday, July 28, 2023", "2023-07-28"),
        ("28 July 2023", "2023-07-28"),
        ("03/04/2024", None),  # day-first or month-first: refused, not guessed
        ("2024-02-30", None),
        ("soon", None),
        ("", None),
    ],
)
def test_normalise_date_reads_common_forms_and_refuses_ambiguous_ones(
    value: str, expected: str | None
) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/world/2024/03/17/story", "2024-03-17"),
        ("https://example.org/news/story-2024-03-17.html", "2024-03-17"),
        ("https://example.org/20240317/story", "2024-03-17"),
        ("https://example.org/2024/13/45/story", None),
        ("https://example.org/story?id=20240317", None),
        ("https://example.org/meldungen/29-10-2021", "2021-10-29"),
        ("https://web.archive.org/web/20120216182711/http://example.org/story", None),
        (None, None),
    ],
)
def test_date_from_url_finds_full_dates_in_the_path_only(url: str | None, expected: str) -> None:
    assert date_from_url(url) == expected


# -- dates shown on the page ----------------------------------------------------------------------


def test_date_line_under_the_headline_is_read_in_german() -> None:
    byline = '<p class="rte-paragraph__caption">21. Januar 2022 | Mobilit\u00e4t</p>'
    assert extract_pubdate(page(byline=byline, lang="de")) == ("2022-01-21", "visible")


def test_plain_paragraph_after_the_headline_counts_as_its_date_line() -> None:
    byline = "<p>Von Anna Muster, 04.02.2022</p>"
    assert extract_pubdate(page(byline=byline, lang="de")) == ("2022-02-04", "visible")


def test_time_element_is_the_best_visible_date() -> None:
    byline = '<p>Filed <time datetime="2024-03-16T22:40:00Z">16 March</time></p>'
    assert extract_pubdate(page(byline=byline)) == ("2024-03-16", "visible")


def test_printed_date_beats_metadata_that_disagrees() -> None:
    head = '<meta property="article:published_time" content="2021-12-20T11:02:44+01:00">'
    byline = '<div class="date">27.01.2022</div>'
    assert extract_pubdate(page(head, byline=byline)) == ("2022-01-27", "visible")


def test_metadata_of_the_printed_day_keeps_its_time() -> None:
    head = '<meta property="article:published_time" content="2022-01-27T08:00:00+01:00">'
    byline = '<div class="date">27. Januar 2022</div>'
    assert extract_pubdate(page(head, byline=byline)) == ("2022-01-27T08:00:00+01:00", "visible")


def test_updated_and_comment_dates_are_not_the_publication() -> None:
    byline = '<div class="meta">Aktualisiert am 30.01.2022, ver\u00f6ffentlicht am 27.01.2022</div>'
    comments = '<div class="comments"><p class="date">01.02.2022</p></div>'
    assert extract_pubdate(page(byline=byline, body_extra=comments)) == ("2022-01-27", "visible")
    head = '<meta name="date" content="2022-01-27">'
    assert extract_pubdate(page(head, body_extra=comments)) == ("2022-01-27", "meta")


def test_url_day_wins_over_a_utc_timestamp_one_day_later() -> None:
    head = '<meta property="article:published_time" content="2023-11-09T05:30:59+00:00">'
    url = "https://example.org/2023/11/08/mayor-elected/"
    assert extract_pubdate(page(head), url=url) == ("2023-11-08", "url")


def test_url_and_metadata_of_the_same_day_keep_the_time() -> None:
    head = '<meta property="article:published_time" content="2023-11-08T20:30:00-05:00">'
    url = "https://example.org/2023/11/08/mayor-elected/"
    assert extract_pubdate(page(head), url=url) == ("2023-11-08T20:30:00-05:00", "url")


def test_url_far_from_the_metadata_is_not_trusted() -> None:
    head = '<meta property="article:published_time" content="2021-07-14T09:30:00Z">'
    url = "https://example.org/2020/05/06/floods"
    assert extract_pubdate(page(head), url=url) == ("2021-07-14T09:30:00+00:00", "meta")


def test_undecodable_bytes_still_give_their_date() -> None:
    head = '<meta name="date" content="2010-12-08">'
    html = page(head).replace('<meta charset="utf-8">', "").replace("Geneva on", "Gen\xe8ve on")
    assert extract_pubdate(html.encode("latin-1")) == ("2010-12-08", "meta")


@pytest.mark.parametrize(
    ("text", "month_first", "expected"),
    [
        ("Samstag, 3. Dezember 2011 um 12 Uhr", False, ["2011-12-03"]),
        ("Stand: 12.01.2017", False, ["2017-01-12"]),
        ("22/11/2020 - 04:30", None, ["2020-11-22"]),
        ("03/04/2024", None, []),  # which is the month is not said
        ("03/04/2024", True, ["2024-03-04"]),
        ("03/04/2024", False, ["2024-04-03"]),
        ("le 24 avril 2020", False, ["2020-04-24"]),
        ("April 24, 2020 and 2020-04-25", True, ["2020-04-24", "2020-04-25"]),
        ("31.02.2020 or 4. 2. 2022", False, ["2022-02-04"]),
        ("version 3.1.2020 build", False, ["2020-01-03"]),
    ],
)
def test_dates_in_text(text: str, month_first: bool | None, expected: list[str]) -> None:
    assert [value for _, value in dates_in_text(text, month_first=month_first)] == expected
