"""Issue 17's mixed run: one folder of every kind of bad input we know, the bombs, and good
stories, through ``eventwire run``; checks every outcome and prints a table.

The folder holds ``--stories`` Reuters stories (default 600, from
``../shared/corpora/reuters21578.jsonl.gz``, read at run time: a third as the corpus's own
JSONL records, a third gzipped, a third as ``.txt`` files; ``--field text=body``) and the
hostile inputs of :data:`KINDS`, each with the outcome we promise (docs/reliability.md): a
reject with its reason, a story stored, a duplicate (stored once), or not read at all. Where
the test suite already has the payload (foreign-language texts, the stacked-modifier sentence,
the URL-looking page) it is taken from there. Then it runs ``eventwire run DIR --db DB --field
text=body`` in a child process, sampling the resident memory of its whole process tree every
0.1 s, with a local HTTP server that records any request (there must be none), and checks:

- every good story is stored (or is an exact copy of one stored: Reuters has a few);
- every hostile input has its promised outcome and reason;
- peak memory (all processes) under 1 GB;
- no document ran into the 60 s watchdog, and the longest wait between two progress lines;
- the exit code is 0 (something was stored; docs/cli.md).

Prints the table and figures; exits 1 when a check fails. ``tests/reliability/test_hostile_mix.py``
runs the same folder builder with a few stories of its own.

    python bench/hostile_mix.py [--stories 600] [--workers 1] [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import importlib.util
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import duckdb

from eventwire.bench import default_corpus, tree_rss_kb
from eventwire.ingest.extract import MAX_ELEMENTS
from eventwire.ingest.sources import MAX_RUN_WORDS, MAX_TEXT_CHARS

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests" / "reliability"

#: A short story of our own, for kinds that need good text (never the corpus's).
OWN = (
    "Niger revoked its military accord with the United States on Saturday, a government "
    "spokesman said on state television, two weeks after talks in Niamey broke down."
)


def _test_module(name: str) -> ModuleType:
    """A module of the test suite, for its payloads (loaded by path: tests are no package)."""
    spec = importlib.util.spec_from_file_location(f"_hostile_{name}", TESTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(slots=True)
class Expect:
    """What must become of one input: ``reject`` (with ``reason`` matching), ``stored``,
    ``duplicate`` (not stored again), ``skipped`` (not read at all: no article, no reject),
    or ``coded`` (stored, or a reject of the watchdog: either way the run goes on)."""

    kind: str
    origin: str
    want: str
    reason: str = ""
    #: what happened, filled by :func:`check`
    got: str = ""
    ok: bool = False


@dataclass(slots=True)
class Mix:
    folder: Path
    expects: list[Expect] = field(default_factory=list)
    #: origin -> whitespace-normalised body of each good story
    good: dict[str, str] = field(default_factory=dict)
    #: URL the local server listens on (for the URL-looking page)
    url: str = ""

    def expect(self, kind: str, path: Path | str, want: str, reason: str = "") -> None:
        self.expects.append(Expect(kind, str(path), want, reason))


Builder = Callable[[Mix], None]
KINDS: list[tuple[str, Builder]] = []


def kind(name: str) -> Callable[[Builder], Builder]:
    def add(fn: Builder) -> Builder:
        KINDS.append((name, fn))
        return fn

    return add


def _w(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# -- the hostile inputs ---------------------------------------------------------------------------


@kind("binary bytes (.txt)")
def _binary(m: Mix) -> None:
    p = _w(m.folder / "bin" / "random.txt", random.Random(1).randbytes(8192))
    m.expect("binary bytes (.txt)", p, "reject", "binary file")


@kind("binary bytes (.html)")
def _binary_html(m: Mix) -> None:
    p = _w(m.folder / "bin" / "image.html", bytes(range(256)) * 20)
    m.expect("binary bytes (.html)", p, "reject", "binary file")


@kind("empty file")
def _empty(m: Mix) -> None:
    for name in ("empty.txt", "empty.html", "empty.jsonl"):
        p = _w(m.folder / "empty" / name, b"")
        m.expect("empty file", p, "reject", "empty")


@kind("whitespace only")
def _blank(m: Mix) -> None:
    p = _w(m.folder / "empty" / "blank.txt", "\n \t\n" * 200)
    m.expect("whitespace only", p, "reject", "empty")


@kind("huge file (50 MB, sparse)")
def _huge(m: Mix) -> None:
    p = m.folder / "huge" / "huge.txt"
    p.parent.mkdir(parents=True, exist_ok=True)
    with p.open("wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    m.expect("huge file (50 MB, sparse)", p, "reject", "too large")


@kind("one JSONL line over 20 MB")
def _long_line(m: Mix) -> None:
    p = m.folder / "huge" / "longline.jsonl"
    p.parent.mkdir(parents=True, exist_ok=True)
    with p.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"body": "word " * 4_300_000}) + "\n")
        fh.write(json.dumps({"body": OWN + " After the long line."}) + "\n")
    m.expect("one JSONL line over 20 MB", f"{p}:1", "reject", "line too large")
    m.expect("one JSONL line over 20 MB", f"{p}:2", "stored")


@kind("broken HTML (cut off in the navigation)")
def _truncated(m: Mix) -> None:
    p = _w(m.folder / "html" / "truncated.html", "<html><body><div class='nav'><a href='/'>Home")
    m.expect("broken HTML (cut off in the navigation)", p, "reject", "")


@kind("HTML with only markup")
def _markup(m: Mix) -> None:
    p = _w(
        m.folder / "html" / "markup.html",
        "<html><head><title></title></head><body>" + "<div></div>" * 50 + "</body></html>",
    )
    m.expect("HTML with only markup", p, "reject", "")


@kind("HTML cut mid-tag after its paragraphs")
def _cut(m: Mix) -> None:
    p = _w(
        m.folder / "html" / "cut.html", f"<html><body><article><p>{OWN}</p><p>More to come<span cla"
    )
    m.expect("HTML cut mid-tag after its paragraphs", p, "stored")


@kind("Latin-1 text file (not UTF-8)")
def _latin1(m: Mix) -> None:
    p = _w(
        m.folder / "enc" / "latin1.txt",
        ("Le pr\xe9sident du Niger a d\xe9clar\xe9. " * 5).encode("latin-1"),
    )
    m.expect("Latin-1 text file (not UTF-8)", p, "reject", "not valid UTF-8")


@kind("HTML declaring windows-1252")
def _cp1252(m: Mix) -> None:
    body = (
        '<html><head><meta charset="iso-8859-1"></head><body><article>'
        f"<p>{OWN} \u201cWe leave,\u201d he said.</p></article></body></html>"
    )
    p = _w(m.folder / "enc" / "cp1252.html", body.encode("cp1252"))
    m.expect("HTML declaring windows-1252", p, "stored")


@kind("UTF-16 without BOM")
def _utf16(m: Mix) -> None:
    p = _w(m.folder / "enc" / "utf16le.txt", OWN.encode("utf-16-le"))
    q = _w(
        m.folder / "enc" / "utf16be.html",
        f"<html><body><p>{OWN}</p></body></html>".encode("utf-16-be"),
    )
    m.expect(
        "UTF-16 without BOM",
        p,
        "reject",
        r"looks like UTF-16 \(little-endian\) without a byte-order mark",
    )
    m.expect(
        "UTF-16 without BOM",
        q,
        "reject",
        r"looks like UTF-16 \(big-endian\) without a byte-order mark",
    )


@kind("UTF-16 with BOM")
def _utf16_bom(m: Mix) -> None:
    p = _w(m.folder / "enc" / "utf16bom.txt", (OWN + " Read as UTF-16.").encode("utf-16"))
    m.expect("UTF-16 with BOM", p, "stored")


@kind("surrogate bytes in a .txt (CESU-8)")
def _cesu(m: Mix) -> None:
    p = _w(m.folder / "enc" / "cesu.txt", OWN.encode() + b" \xed\xb0\x80 end.")
    m.expect("surrogate bytes in a .txt (CESU-8)", p, "reject", "not valid UTF-8")


@kind("NUL byte in a text file")
def _nul(m: Mix) -> None:
    p = _w(m.folder / "ctl" / "nul.txt", OWN + "\x00 hidden")
    m.expect("NUL byte in a text file", p, "reject", "binary file")


@kind("control character (ESC) in a text file")
def _esc(m: Mix) -> None:
    p = _w(m.folder / "ctl" / "esc.txt", OWN + " \x1b[31mred")
    m.expect("control character (ESC) in a text file", p, "reject", r"control character")


JSONL_LINES: list[tuple[str, str, str, str]] = [
    # (kind, raw line, outcome, reason)
    ("malformed JSON line", '{"body": "Niger said', "reject", "JSON"),
    ("JSON line that is not an object", "[1, 2, 3]", "reject", ""),
    ("JSON line that is a number", "42", "reject", ""),
    ("JSON record without the text field", '{"headline": "no body here"}', "reject", ""),
    ("JSON text field not a string", '{"body": 12345}', "reject", ""),
    (
        "lone surrogate in a JSON title",
        json.dumps({"body": OWN + " T."})[:-1] + ', "title": "bad \\udfff"}',
        "reject",
        "lone surrogate",
    ),
    (
        "lone surrogate in a JSON body",
        '{"body": "Niger said \\ud800 that talks resumed on Monday in Niamey."}',
        "reject",
        "lone surrogate",
    ),
    (
        "NUL in a JSON body",
        '{"body": "Niger said \\u0000 that talks resumed on Monday in Niamey."}',
        "reject",
        r"NUL|control",
    ),
    (
        "control character in a JSON body",
        '{"body": "Niger said \\u001b[2J that talks resumed on Monday."}',
        "reject",
        "control character",
    ),
    ("JSON body of whitespace", '{"body": "   \\n  "}', "reject", ""),
]


@kind("malformed and odd JSONL records")
def _jsonl(m: Mix) -> None:
    p = m.folder / "jsonl" / "odd.jsonl"
    lines = [raw for _, raw, _, _ in JSONL_LINES] + [json.dumps({"body": OWN + " From odd.jsonl."})]
    _w(p, "\n".join(lines) + "\n")
    for n, (name, _, want, reason) in enumerate(JSONL_LINES, 1):
        m.expect(name, f"{p}:{n}", want, reason)
    m.expect("good record after bad ones", f"{p}:{len(lines)}", "stored")


@kind("gzip bomb of newlines")
def _bomb_newlines(m: Mix) -> None:
    p = m.folder / "bombs" / "newlines.jsonl.gz"
    p.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(p, "wb", compresslevel=9) as fh:
        fh.write((json.dumps({"body": OWN + " Before the bomb."}) + "\n").encode())
        block = b"\n" * (1 << 20)
        for _ in range(256):  # 256 MiB of blank lines from about 250 KB
            fh.write(block)
    m.expect("gzip bomb of newlines", f"{p}:1", "stored")
    m.expect("gzip bomb of newlines", f"{p}:", "reject", r"compression ratio over 100:1")


@kind("gzip bomb of duplicate lines")
def _bomb_dups(m: Mix) -> None:
    p = m.folder / "bombs" / "duplicates.jsonl.gz"
    p.parent.mkdir(parents=True, exist_ok=True)
    line = (json.dumps({"body": OWN + " The same line, again and again."}) + "\n").encode()
    block = line * ((1 << 20) // len(line))
    with gzip.open(p, "wb", compresslevel=9) as fh:
        for _ in range(256):  # about 256 MiB of one record
            fh.write(block)
    m.expect("gzip bomb of duplicate lines", f"{p}:1", "stored")
    m.expect("gzip bomb of duplicate lines", f"{p}:", "reject", r"compression ratio over 100:1")


@kind("corrupt gzip")
def _corrupt_gz(m: Mix) -> None:
    data = gzip.compress((json.dumps({"body": OWN + " Corrupt."}) + "\n").encode() * 50)
    p = _w(m.folder / "bombs" / "corrupt.jsonl.gz", data[: len(data) // 2])
    m.expect("corrupt gzip", f"{p}:", "reject", "corrupt or unreadable")


@kind("1M tiny HTML elements")
def _elements(m: Mix) -> None:
    p = m.folder / "bombs" / "elements.html"
    p.parent.mkdir(parents=True, exist_ok=True)
    with p.open("w", encoding="utf-8") as fh:
        fh.write("<html><body>")
        for _ in range(1000):
            fh.write("<b>x</b>" * 1000)
        fh.write("</body></html>")
    m.expect(
        "1M tiny HTML elements",
        p,
        "reject",
        rf"HTML too complex \(\d+ elements > limit {MAX_ELEMENTS}\)",
    )


def _no_punctuation(words: int, seed: int) -> str:
    rng = random.Random(seed)
    vocab = "army minister border talks police rebels market village troops water aid road".split()
    return " ".join(rng.choice(vocab) for _ in range(words))


@kind("200k words without punctuation")
def _nopunct_big(m: Mix) -> None:
    p = _w(m.folder / "bombs" / "nopunct200k.txt", _no_punctuation(200_000, 2))
    m.expect(
        "200k words without punctuation",
        p,
        "reject",
        rf"text too long \(\d+ characters > limit {MAX_TEXT_CHARS}\)",
    )


@kind("60k words without punctuation (under the length limit)")
def _nopunct(m: Mix) -> None:
    p = _w(m.folder / "bombs" / "nopunct60k.txt", _no_punctuation(60_000, 3))
    m.expect(
        "60k words without punctuation (under the length limit)",
        p,
        "reject",
        rf"60000 words without a sentence end \(limit {MAX_RUN_WORDS}\)",
    )


@kind("a thousand stacked modifiers")
def _stacked(m: Mix) -> None:
    p = _w(m.folder / "parse" / "stacked.txt", _test_module("test_deep_parse").LONG)
    m.expect("a thousand stacked modifiers", p, "stored")


@kind("JSON-LD nested 990 deep")
def _jsonld(m: Mix) -> None:
    block = '{"@graph": ' * 990 + '{"@type": "NewsArticle"}' + "}" * 990
    page = (
        f'<html><head><script type="application/ld+json">{block}</script></head>'
        f"<body><article><p>{OWN}</p><p>{OWN}</p></article></body></html>"
    )
    p = _w(m.folder / "parse" / "jsonld.html", page.replace("Saturday", "Sunday"))
    m.expect("JSON-LD nested 990 deep", p, "stored")


@kind("URL-looking HTML (must not be fetched)")
def _url(m: Mix) -> None:
    words = _test_module("test_no_network").WORDS
    p = _w(m.folder / "net" / "url.html", f"{m.url}/x\n<p>{words}</p>\n")
    m.expect("URL-looking HTML (must not be fetched)", p, "coded")


@kind("text in languages we do not code")
def _languages(m: Mix) -> None:
    foreign = _test_module("test_languages").FOREIGN
    for name in ("Arabic", "Chinese", "Russian"):
        p = _w(m.folder / "lang" / f"{name}.txt", foreign[name] + "\n")
        m.expect("text in languages we do not code", p, "reject", rf"language is {name}")


@kind("symlink leaving the folder")
def _symlink_out(m: Mix) -> None:
    p = m.folder / "links" / "hostname.txt"
    p.parent.mkdir(parents=True, exist_ok=True)
    p.symlink_to("/etc/hostname")
    m.expect("symlink leaving the folder", p, "reject", "symlink leaves the input folder")


@kind("symlink within the folder")
def _symlink_in(m: Mix) -> None:
    target = _w(m.folder / "links" / "original.txt", OWN + " Linked within.")
    p = m.folder / "links" / "z-alias.txt"
    p.symlink_to(target)
    m.expect("symlink within the folder", target, "stored")
    m.expect("symlink within the folder", p, "duplicate")


@kind("broken symlink")
def _symlink_broken(m: Mix) -> None:
    p = m.folder / "links" / "broken.txt"
    p.symlink_to(m.folder / "links" / "nowhere.txt")
    m.expect("broken symlink", p, "reject", "broken symbolic link")


@kind("hard link to a file outside the folder")
def _hard_out(m: Mix) -> None:
    outside = _w(m.folder.parent / "outside" / "secret.txt", OWN + " Outside the folder.")
    p = m.folder / "links" / "hard-out.txt"
    os.link(outside, p)
    # a hard link is the file itself: read (docs/reliability.md, Paths)
    m.expect("hard link to a file outside the folder", p, "stored")


@kind("two hard links to one file in the folder")
def _hard_in(m: Mix) -> None:
    a = _w(m.folder / "links" / "hard-a.txt", OWN + " Two names.")
    b = m.folder / "links" / "hard-b.txt"
    os.link(a, b)
    m.expect("two hard links to one file in the folder", a, "stored")
    m.expect("two hard links to one file in the folder", b, "duplicate")


@kind("named pipe (FIFO)")
def _fifo(m: Mix) -> None:
    p = m.folder / "special" / "pipe.txt"
    p.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(p)
    m.expect("named pipe (FIFO)", p, "reject", "not a regular file")


@kind("unsupported file type")
def _pdf(m: Mix) -> None:
    p = _w(m.folder / "special" / "report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    m.expect("unsupported file type", p, "reject", "unsupported file type")


@kind("file name with markup, control and non-UTF-8 bytes")
def _names(m: Mix) -> None:
    folder = os.fsencode(m.folder / "names")
    os.makedirs(folder, exist_ok=True)
    raw = os.path.join(folder, b"bad\xff[red]\x1b.txt")
    with open(raw, "wb") as fh:
        fh.write((OWN + " Odd name.").encode())
    shown = str(m.folder / "names") + "/bad\\xff[red]\\x1b.txt"
    m.expect("file name with markup, control and non-UTF-8 bytes", shown, "stored")


@kind("folders nested 400 deep")
def _deep(m: Mix) -> None:
    p = m.folder / "deep"
    for _ in range(400):
        p = p / "d"
    _w(p / "bottom.txt", OWN + " At the bottom.")
    m.expect("folders nested 400 deep", p / "bottom.txt", "stored")


@kind("hidden file and README")
def _hidden(m: Mix) -> None:
    p = _w(m.folder / "special" / ".hidden.txt", OWN + " Hidden.")
    q = _w(m.folder / "special" / "README.md", OWN + " Readme.")
    m.expect("hidden file and README", p, "skipped")
    m.expect("hidden file and README", q, "skipped")


# -- the good stories -----------------------------------------------------------------------------


def reuters(n: int, corpus: Path | None = None) -> list[dict[str, Any]]:
    """The first ``n`` Reuters records with a non-empty body (read now, never stored here)."""
    corpus = corpus or default_corpus()
    if corpus is None or not corpus.exists():
        raise SystemExit("the Reuters corpus is not in ../shared/corpora")
    out = []
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if isinstance(rec.get("body"), str) and rec["body"].strip():
                out.append(
                    {"body": rec["body"], "date": rec.get("date"), "title": rec.get("title")}
                )
                if len(out) == n:
                    break
    return out


def add_good(m: Mix, stories: list[dict[str, Any]]) -> None:
    """A third as a JSONL file, a third gzipped, a third as .txt files."""
    third = max(1, len(stories) // 3)
    parts = [stories[:third], stories[third : 2 * third], stories[2 * third :]]
    plain = m.folder / "good" / "stories.jsonl"
    _w(plain, "".join(json.dumps(r) + "\n" for r in parts[0]))
    for n, r in enumerate(parts[0], 1):
        m.good[f"{plain}:{n}"] = " ".join(r["body"].split())
    packed = m.folder / "good" / "stories.jsonl.gz"
    packed.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in parts[1]).encode()))
    for n, r in enumerate(parts[1], 1):
        m.good[f"{packed}:{n}"] = " ".join(r["body"].split())
    for n, r in enumerate(parts[2]):
        p = _w(m.folder / "good" / "txt" / f"{n:04d}.txt", r["body"])
        m.good[str(p)] = " ".join(r["body"].split())


def build(folder: Path, stories: list[dict[str, Any]], url: str) -> Mix:
    """The mixed folder: ``stories`` as good input, every kind of :data:`KINDS`."""
    m = Mix(folder=folder, url=url)
    folder.mkdir(parents=True)
    add_good(m, stories)
    for _, make in KINDS:
        make(m)
    return m


# -- the run and the checks -----------------------------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"<html><body><p>fetched</p></body></html>")

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def recorder() -> Iterator[tuple[str, list[str]]]:
    """A local server that records every request (the run must make none)."""
    _Recorder.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", _Recorder.hits
    finally:
        server.shutdown()
        server.server_close()


@dataclass(slots=True)
class Outcome:
    returncode: int
    wall_s: float
    peak_rss_mb: float
    longest_gap_s: float
    stdout: str
    stderr: str


def run_eventwire(folder: Path, db: Path, workers: int = 1) -> Outcome:
    """``eventwire run`` in a child process; peak summed RSS of its tree; progress-line gaps."""
    exe = Path(sys.executable).with_name("eventwire")
    cmd = [str(exe), "run", str(folder), "--db", str(db), "--field", "text=body"]
    cmd += ["--workers", str(workers)]
    t0 = time.monotonic()
    peak, stop = 0, threading.Event()
    stamps: list[float] = []
    err_lines: list[str] = []
    with subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:  # closes the pipes

        def watch() -> None:
            nonlocal peak
            while not stop.is_set():
                peak = max(peak, tree_rss_kb(proc.pid))
                stop.wait(0.1)

        def read_err() -> None:
            assert proc.stderr is not None
            for line in proc.stderr:
                err_lines.append(line)
                if line.startswith("eventwire: "):
                    stamps.append(time.monotonic())

        threads = [threading.Thread(target=watch, daemon=True), threading.Thread(target=read_err)]
        for t in threads:
            t.start()
        assert proc.stdout is not None
        out = proc.stdout.read()
        proc.wait()
        stop.set()
        for t in threads:
            t.join()
    wall = time.monotonic() - t0
    marks = [t0, *stamps, t0 + wall]
    gap = max(b - a for a, b in zip(marks, marks[1:], strict=False))
    return Outcome(proc.returncode, wall, peak / 1024, gap, out, "".join(err_lines))


def check(m: Mix, db: Path) -> list[Expect]:
    """Fill in what happened to each expected input and to each good story."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles = {
            o: " ".join(t.split())
            for o, t in con.execute("SELECT origin, text FROM articles").fetchall()
        }
        rejects = con.execute("SELECT origin, stage, reason FROM rejects").fetchall()
    finally:
        con.close()
    by_origin: dict[str, list[tuple[str, str]]] = {}
    for origin, stage, reason in rejects:
        by_origin.setdefault(origin, []).append((stage, reason))
    stored_texts = set(articles.values())
    for e in m.expects:
        if e.origin.endswith(":"):  # a reject somewhere in a file (a gzip stopped at a line)
            hits = [(o, s, r) for o, s, r in rejects if o.startswith(e.origin)]
            rej = [(s, r) for _, s, r in hits]
        else:
            rej = by_origin.get(e.origin, [])
        if rej:
            e.got = f"reject ({rej[0][0]}): {rej[0][1]}"
        elif e.origin in articles:
            e.got = "stored"
        else:
            e.got = "not stored, no reject"
        if e.want == "reject":
            e.ok = bool(rej) and bool(re.search(e.reason, rej[0][1])) if e.reason else bool(rej)
        elif e.want == "stored":
            e.ok = e.origin in articles and not rej
        elif e.want == "duplicate":
            e.ok = e.origin not in articles and not rej
            e.got = "duplicate (stored once, under its other name)" if e.ok else e.got
        elif e.want == "skipped":
            e.ok = e.origin not in articles and not rej
            e.got = "not read" if e.ok else e.got
        elif e.want == "coded":
            e.ok = e.origin in articles or bool(rej and "took over" in rej[0][1])
    good: list[Expect] = []
    for origin, body in m.good.items():
        g = Expect("Reuters story", origin, "stored")
        if origin in articles:
            g.got, g.ok = "stored", True
        elif origin in by_origin:
            g.got = f"reject: {by_origin[origin][0][1]}"
        elif body in stored_texts:
            g.got, g.ok = "exact copy of a stored story", True
        else:
            g.got = "lost"
        good.append(g)
    return good


def table(m: Mix, good: list[Expect]) -> str:
    rows = ["| input | promised | outcome | ok |", "|---|---|---|---|"]
    for e in m.expects:
        name = e.kind if e.origin.endswith(":") or ":" not in Path(e.origin).name else e.kind
        where = Path(e.origin.rstrip(":")).name
        rows.append(
            f"| {name} (`{where}`) | {e.want} | {e.got[:110]} | {'yes' if e.ok else 'NO'} |"
        )
    stored = sum(g.got == "stored" for g in good)
    copies = sum(g.got == "exact copy of a stored story" for g in good)
    bad = [g for g in good if not g.ok]
    rows.append(
        f"| {len(good)} Reuters stories | stored | {stored} stored, {copies} exact copies of a "
        f"stored story, {len(bad)} lost or rejected | {'yes' if not bad else 'NO'} |"
    )
    return "\n".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=600)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--keep", type=Path, default=None, help="build the folder here and keep it")
    args = ap.parse_args()
    stories = reuters(args.stories)
    with tempfile.TemporaryDirectory(prefix="eventwire-hostile-") as tmp, recorder() as (url, hits):
        base = args.keep or Path(tmp)
        t0 = time.monotonic()
        m = build(base / "mix", stories, url)
        print(
            f"built {len(m.expects)} hostile inputs of {len(KINDS)} kinds and {len(m.good)} "
            f"stories in {time.monotonic() - t0:.0f} s",
            flush=True,
        )
        load0 = os.getloadavg()[0]
        out = run_eventwire(m.folder, base / "mix.duckdb", workers=args.workers)
        load1 = os.getloadavg()[0]
        good = check(m, base / "mix.duckdb")
        print(table(m, good))
        summary = out.stdout.splitlines()[0] if out.stdout else out.stderr[-500:]
        print(f"\nsummary: {summary}")
        timeouts = out.stdout.count("took over")
        checks = {
            "every hostile input as promised": all(e.ok for e in m.expects),
            "every good story stored": all(g.ok for g in good),
            f"peak memory under 1 GB ({out.peak_rss_mb:.0f} MB, all processes)": out.peak_rss_mb
            < 1024,
            f"no document over the 60 s watchdog ({timeouts} rejected by it; longest wait "
            f"between progress lines {out.longest_gap_s:.0f} s)": timeouts == 0,
            f"no request to the local server ({len(hits)} made)": not hits,
            f"exit code 0 (got {out.returncode})": out.returncode == 0,
        }
        print(
            f"\nwall {out.wall_s:.0f} s, workers {args.workers}, load average {load0:.2f} at "
            f"the start, {load1:.2f} at the end"
        )
        for what, ok in checks.items():
            print(f"{'PASS' if ok else 'FAIL'}  {what}")
        return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
