"""The dashboard in a real headless Chromium (Debian's `chromium`, driven by Playwright through
``executable_path``; Playwright never downloads a browser here), served by uvicorn over the
demo database (the real pipeline over examples/corpus). Screenshots go to tests/artifacts/."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def chromium_path() -> str | None:
    """Debian's chromium (``make test`` installs it), or $EVENTWIRE_CHROMIUM."""
    given = os.environ.get("EVENTWIRE_CHROMIUM")
    if given:
        return given if Path(given).exists() else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def base_url(corpus_db, tmp_path_factory) -> Iterator[str]:
    """The API and dashboard served over HTTP on a free loopback port."""
    import uvicorn

    from eventwire.serve.app import create_app

    app = create_app(corpus_db, snapshot_dir=tmp_path_factory.mktemp("snap"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def test_dashboard_in_chromium_filters_to_niger_and_shows_map_timeline_network_evidence(
    base_url,
):
    exe = chromium_path()
    if exe is None:
        pytest.skip(
            "chromium not found (make test installs Debian's chromium with apt-get; "
            "or set EVENTWIRE_CHROMIUM to a Chromium binary)"
        )
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    outside: list[str] = []
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1100})
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on(
                "request",
                lambda req: None if req.url.startswith(base_url) else outside.append(req.url),
            )
            page.goto(base_url + "/")
            page.fill("input[name=actor]", "Niger")
            page.click("#filters button")
            page.wait_for_url("**/?*actor=Niger*")
            assert "cursor" not in page.url and "text=" not in page.url  # empty fields dropped

            # the map: country outlines and event points, zoomed on them
            page.wait_for_selector("#map circle.pt")
            assert page.locator("#map path.land").count() > 150
            assert page.locator("#map circle.pt").count() >= 2
            # the timeline: bars per week by QuadClass
            page.wait_for_selector("#timeline rect")
            quads = page.eval_on_selector_all(
                "#timeline rect", "rs => [...new Set(rs.map(r => r.getAttribute('class')))]"
            )
            assert {"q1", "q4"} <= set(quads)
            # the network: Niger and its partners
            page.wait_for_selector("#network circle[data-id=NER]")
            assert page.locator("#network .node").count() >= 3
            assert page.locator("#network path.edge").count() >= 2
            # the table: every row has Niger on one side
            rows = page.locator("#events tbody tr")
            assert rows.count() >= 5
            for i in range(rows.count()):
                cells = rows.nth(i).locator("td")
                assert "NER" in cells.nth(1).inner_text() + cells.nth(3).inner_text()
            page.screenshot(path=str(ARTIFACTS / "dashboard-niger.png"), full_page=True)

            # the view is shared by its address
            shared = browser.new_page()
            shared.goto(page.url)
            assert shared.input_value("input[name=actor]") == "Niger"
            shared.close()

            # click through to an event's evidence
            rows.first.locator("a").click()
            page.wait_for_selector("#evidence mark.t")
            assert page.locator("#evidence mark.s, #evidence mark.g").count() >= 1
            assert "NER" in page.inner_text("table.facts")
            if page.locator("#eventmap").count():
                page.wait_for_selector("#eventmap circle.pt")
            page.screenshot(path=str(ARTIFACTS / "event-evidence.png"), full_page=True)
            page.click("text=back to the dashboard")
            page.wait_for_url("**/?*actor=Niger*")
        finally:
            browser.close()
    print(f"screenshots in {ARTIFACTS}")
    assert not errors, errors
    assert not outside, f"the dashboard fetched from outside: {outside}"
