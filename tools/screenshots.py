"""Take the dashboard screenshots of docs/img/ with Debian's chromium.

eventwire serve --db eventwire.duckdb --port 8000 &     # after `make demo`
python tools/screenshots.py http://127.0.0.1:8000 docs/img
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright


def main(base: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe)
        page = browser.new_page(viewport={"width": 1200, "height": 1000})
        page.goto(base + "/?actor=Niger")
        page.wait_for_selector("#map circle.pt")
        page.wait_for_selector("#timeline rect")
        page.wait_for_selector("#network .node")
        page.screenshot(path=str(out / "dashboard.png"))
        # the first event whose evidence marks all five: trigger, source, target, time, place
        links = page.eval_on_selector_all("#events tbody a", "as => as.map(a => a.href)")
        for link in links:
            page.goto(link)
            page.wait_for_selector("#evidence mark.t")
            kinds = page.eval_on_selector_all(
                "#evidence mark", "ms => [...new Set(ms.map(m => m.className))]"
            )
            if len(kinds) == 5:
                break
        if page.locator("#eventmap").count():
            page.wait_for_selector("#eventmap circle.pt")
        page.set_viewport_size({"width": 1200, "height": 560})
        page.screenshot(path=str(out / "event.png"))
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
