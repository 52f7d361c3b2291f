"""pubdate_htmldate_eval: publication date from raw HTML, day-level accuracy.

Gold: ``pubdate_gold.jsonl`` lines {set, url, html_gz, gold_date}; ``html_gz`` (or ``html``) is
a path relative to the JSONL's folder. An answer is right when its first ten characters equal
the gold day; no answer is wrong. Baseline: the first well-formed ISO-like date (YYYY-MM-DD or
YYYY/MM/DD) in the URL, else in the HTML, which is what a naive scraper would take.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from eventwire.errors import EvalError, IngestError
from eventwire.eval import system
from eventwire.eval.base import EvalSet, Miss, Score, find_file, read_jsonl


@dataclass(frozen=True, slots=True)
class PageDate:
    id: str
    group: str
    url: str | None
    html_path: Path
    gold: str

    def html(self) -> bytes:
        data = self.html_path.read_bytes()
        return gzip.decompress(data) if self.html_path.suffix == ".gz" else data


class PubDate(EvalSet[PageDate, str | None]):
    name: ClassVar[str] = "pubdate_htmldate_eval"
    baseline_label: ClassVar[str] = "first ISO-like date in URL or page"

    def load(self, path: Path) -> list[PageDate]:
        out = []
        for f in find_file(path, "*.jsonl"):
            for n, rec in enumerate(read_jsonl(f), 1):
                rel = rec.get("html_gz") or rec.get("html")
                if not rel:
                    raise EvalError(f"{f}:{n}: needs html_gz (or html)")
                if not isinstance(rec.get("gold_date"), str) or not rec["gold_date"]:
                    continue  # no gold date (NaN in the source JSON): nothing to score
                page = f.parent / rel
                if not page.is_file():
                    raise EvalError(f"{f}:{n}: {page} is missing")
                out.append(
                    PageDate(
                        f"{rel}", rec.get("set", ""), rec.get("url"), page, rec["gold_date"][:10]
                    )
                )
        return out

    def item_id(self, item: PageDate) -> str:
        return item.id

    def predict(self, items: Sequence[PageDate]) -> list[str | None]:
        out: list[str | None] = []
        for p in items:
            try:
                out.append(system.extract_pubdate(p.html(), url=p.url)[0])
            except IngestError:  # an undecodable page is a page without an answer
                out.append(None)
        return out

    def baseline(self, items: Sequence[PageDate]) -> list[str | None]:
        return [first_iso_date(p.url or "") or first_iso_date(p.html()) for p in items]

    def score(self, items: Sequence[PageDate], preds: Sequence[str | None]) -> Score:
        hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        misses = []
        right = found = 0
        for p, pred in zip(items, preds, strict=True):
            day = pred[:10] if pred else None
            ok = day == p.gold
            right += ok
            found += day is not None
            hits[p.group][0] += ok
            hits[p.group][1] += 1
            if not ok:
                misses.append(Miss(_days_off(p.gold, day), p.id, p.url or p.id, p.gold, pred))
        n = len(items)
        per_class = {g: {"accuracy": h / t, "items": t} for g, (h, t) in sorted(hits.items())}
        metrics: dict[str, float | int | None] = {"accuracy": right / n, "answered": found / n}
        return Score(metrics, per_class, misses)


_DATE = re.compile(rb"(?<!\d)((?:19|20)\d\d)[-/](\d\d)[-/](\d\d)(?!\d)")


def first_iso_date(data: str | bytes) -> str | None:
    """First valid calendar date written year-month-day with - or / separators."""
    raw = data.encode("utf-8", "replace") if isinstance(data, str) else data
    for m in _DATE.finditer(raw):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            continue
    return None


def _days_off(gold: str, day: str | None) -> float:
    """How far off an answer is; a missing answer ranks with the worst."""
    if day is None:
        return 1e6
    try:
        return float(abs((dt.date.fromisoformat(gold) - dt.date.fromisoformat(day)).days))
    except ValueError:
        return 1e6
