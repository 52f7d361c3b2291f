"""No network, ever: content that looks like a URL is text, never something to fetch.

htmldate (and older trafilatura) take a string that starts with ``http`` and has no ASCII
space for a URL and download it. A local server records any contact; the real pipeline runs
over such pages and must never reach it.
"""

from __future__ import annotations

import http.server
import json
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.ingest.extract import extract_html, extract_pubdate
from eventwire.runner import run

WORDS = "\t".join(["word"] * 25)


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        self.hits.append(self.path)
        body = b"<html><body><p>fetched</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A bounded HTTP server on 127.0.0.1 that records every request it gets."""
    hits: list[str] = []
    handler = type("Handler", (_Recorder,), {"hits": hits})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.timeout = 5
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/x", hits
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_url_like_html_file_is_never_fetched(tmp_path, server):
    url, hits = server
    page = tmp_path / "p.html"
    page.write_text(f"{url}\n<p>{WORDS}</p>\n", encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"html": f"{url}\n<p>{WORDS}</p>"}) + "\n", encoding="utf-8")
    run([page, feed], tmp_path / "s.duckdb")
    assert hits == []


def test_extractors_never_fetch(server):
    url, hits = server
    html = f"{url}\n<p>{WORDS}</p>\n"
    extract_pubdate(html)
    extract_pubdate(html.encode("utf-8"))
    try:
        extract_html(html)
    except Exception:
        pass
    assert hits == []


def test_suite_guard_fails_a_test_that_reaches_beyond_loopback(tmp_path):
    """The socket patch in tests/conftest.py, run in a fresh pytest: a test that connects to
    a non-loopback address (even swallowing the error) or resolves a name fails; loopback is
    fine."""
    conftest = Path(__file__).resolve().parents[1] / "conftest.py"
    shutil.copy(conftest, tmp_path / "conftest.py")
    (tmp_path / "test_reach.py").write_text(
        "import socket\n"
        "def _try(address):\n"
        "    with socket.socket() as s:\n"
        "        s.settimeout(1)\n"
        "        try:\n"
        "            s.connect(address)\n"
        "        except OSError:\n"
        "            pass\n"
        "def test_outside():\n"
        "    _try(('192.0.2.1', 80))\n"
        "def test_lookup():\n"
        "    try:\n"
        "        socket.getaddrinfo('example.org', 80)\n"
        "    except OSError:\n"
        "        pass\n"
        "def test_loopback():\n"
        "    with socket.socket() as server:\n"
        "        server.bind(('127.0.0.1', 0))\n"
        "        server.listen()\n"
        "        _try(server.getsockname())\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0 and "3 passed, 2 errors" in done.stdout, done.stdout
    assert "ERROR test_reach.py::test_outside" in done.stdout
    assert "ERROR test_reach.py::test_lookup" in done.stdout
    assert "ERROR test_reach.py::test_loopback" not in done.stdout
    assert "connect to ('192.0.2.1', 80)" in done.stdout
    assert "resolve 'example.org'" in done.stdout
