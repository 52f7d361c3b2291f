"""article_extraction: body text from raw HTML, scored like the Zyte extraction benchmark.

Gold: ``ground-truth.json`` ({id: {url, articleBody}}) plus ``html/<id>.html.gz`` (or ``.html``).
Precision/recall/F1 of word 4-gram shingles per page, averaged over pages (the benchmark's own
definition, so our number sits next to trafilatura's and readability's published ones).
Baseline: the whole visible page text, which shows what boilerplate removal buys.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

from eventwire.errors import EvalError, IngestError
from eventwire.eval import system
from eventwire.eval.base import EvalSet, Miss, Score
from eventwire.eval.metrics import page_averaged, shingle_prf

#: Pages whose shingle F1 reaches this are counted as near-exact ("accuracy" in the benchmark).
NEAR_EXACT = 0.9


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    url: str | None
    html: bytes
    body: str


class ArticleExtraction(EvalSet[Page, str]):
    name: ClassVar[str] = "article_extraction"
    baseline_label: ClassVar[str] = "whole page text"

    def load(self, path: Path) -> list[Page]:
        gt = path / "ground-truth.json" if path.is_dir() else path
        if not gt.is_file():
            raise EvalError(f"{path}: no ground-truth.json")
        truth = json.loads(gt.read_text(encoding="utf-8"))
        pages = []
        for key in sorted(truth):
            rec = truth[key]
            html = _read_html(gt.parent / "html", key)
            pages.append(Page(key, rec.get("url"), html, rec.get("articleBody") or ""))
        return pages

    def item_id(self, item: Page) -> str:
        return item.id

    def predict(self, items: Sequence[Page]) -> list[str]:
        out = []
        for p in items:
            try:
                out.append(system.extract_html(p.html, url=p.url).text or "")
            except IngestError:  # the extractor refused the page: it extracted nothing
                out.append("")
        return out

    def baseline(self, items: Sequence[Page]) -> list[str]:
        return [visible_text(p.html) for p in items]

    def score(self, items: Sequence[Page], preds: Sequence[str]) -> Score:
        parts = [shingle_prf(p.body, pred) for p, pred in zip(items, preds, strict=True)]
        prec, rec, f1 = page_averaged(parts)
        near = sum(1 for x in parts if x.f1 >= NEAR_EXACT) / len(parts)
        misses = [
            Miss(1 - x.f1, p.id, p.url or p.id, _clip(p.body), _clip(pred))
            for p, pred, x in zip(items, preds, parts, strict=True)
            if x.f1 < 1
        ]
        return Score({"precision": prec, "recall": rec, "f1": f1, "near_exact": near}, {}, misses)


def _read_html(folder: Path, key: str) -> bytes:
    for name in (f"{key}.html.gz", f"{key}.html"):
        f = folder / name
        if f.is_file():
            data = f.read_bytes()
            return gzip.decompress(data) if name.endswith(".gz") else data
    raise EvalError(f"{folder}: no HTML for {key}")


def _clip(text: str, n: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n] + " …"


class _Text(HTMLParser):
    """Collects text outside script/style/noscript/template elements."""

    SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in self.SKIP:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def visible_text(html: bytes | str) -> str:
    """Every text node of the page outside scripts and styles: the trivial extractor."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    parser = _Text()
    parser.feed(html)
    parser.close()
    return re.sub(r"[ \t\r\f\v]+", " ", "\n".join(parser.parts)).strip()
