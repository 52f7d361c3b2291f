"""Shared fixtures: the real pipeline (model loaded once per test session) and shared paths."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REFERENCE = SHARED / "reference" / "article.txt"
EXAMPLES = REPO / "examples" / "corpus"

# -- no network: eventwire promises never to reach out (docs/reliability.md) -------------------

#: Attempts to resolve or reach a non-loopback address during the current test.
_OUTSIDE: list[str] = []
_REAL_CONNECT = socket.socket.connect
_REAL_CONNECT_EX = socket.socket.connect_ex
_REAL_GETADDRINFO = socket.getaddrinfo


def _is_loopback(host: Any) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _guard(sock: socket.socket, address: Any) -> None:
    if sock.family == getattr(socket, "AF_UNIX", None):
        return
    host = address[0] if isinstance(address, tuple) else address
    if not _is_loopback(host):
        _OUTSIDE.append(f"connect to {address!r}")
        raise ConnectionRefusedError(f"tests may not reach {address!r} (network guard)")


def _guarded_connect(self: socket.socket, address: Any) -> None:
    _guard(self, address)
    return _REAL_CONNECT(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> int:
    _guard(self, address)
    return _REAL_CONNECT_EX(self, address)


def _guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    if host is not None and not _is_loopback(host):
        _OUTSIDE.append(f"resolve {host!r}")
        raise socket.gaierror(socket.EAI_NONAME, f"tests may not resolve {host!r} (network guard)")
    return _REAL_GETADDRINFO(host, *args, **kwargs)


def pytest_configure(config: pytest.Config) -> None:
    """Patch the socket layer for the whole session: a connection or name lookup beyond
    loopback raises (so nothing leaves the machine) and is recorded (so the test fails even
    when the caller swallows the exception, as htmldate's fetcher does)."""
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = _guarded_getaddrinfo


@pytest.fixture(autouse=True)
def _no_network():
    """Fail any test during which code tried to leave loopback."""
    _OUTSIDE.clear()
    yield
    if _OUTSIDE:
        found = list(_OUTSIDE)
        _OUTSIDE.clear()
        pytest.fail(f"network access attempted: {found}")


@pytest.fixture(autouse=True)
def _settings_from_environment():
    """Each test starts with the environment's settings: a CLI command run in-process installs
    its own for the process, which must not leak into the next test."""
    from eventwire.settings import install

    install(None)
    yield
    install(None)


@pytest.fixture(scope="session")
def processor():
    from eventwire.pipeline import Processor

    return Processor()


@pytest.fixture(scope="session")
def reference_text() -> str:
    if not REFERENCE.exists():
        pytest.skip(f"reference article not found at {REFERENCE} (../shared is absent)")
    return REFERENCE.read_text(encoding="utf-8")


# -- databases for the query, analysis, export and API tests -----------------------------------


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    """A real DuckDB file: the real pipeline run over examples/corpus (as `make demo` does).
    Tests only read it (copy it first to write)."""
    from eventwire.runner import run

    db = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    run([EXAMPLES], db)
    return db


def hand_event(
    event_id: str,
    source: str | None,
    target: str | None,
    *,
    day: str = "2024-04-10",
    code: str = "042",
    quad: int = 1,
    goldstein: float = 1.9,
    plover: str = "CONSULT",
    article_id: str = "a1",
    sentence: int = 0,
    counted: bool = True,
    probability: float | None = 0.8,
    modality: str = "asserted",
    place: tuple[str, float, float] | None = ("NER", 13.5, 2.1),
    source_sector: str | None = "GOV",
    target_sector: str | None = "GOV",
) -> Any:
    """An Event made by hand: ``source`` did ``code`` to ``target`` on ``day``."""
    from eventwire.records import Actor, Cameo, Event, Place, Plover, Span, TimeSpan

    text = f"{source} met {target}."
    return Event(
        event_id=event_id,
        article_id=article_id,
        sentence=sentence,
        evidence=text,
        evidence_start=0,
        trigger=Span(text="met", start=4, end=7),
        source=(Actor(text=source, start=0, end=3, country=source, sector=source_sector),)
        if source
        else (),
        target=(Actor(text=target, start=8, end=11, country=target, sector=target_sector),)
        if target
        else (),
        cameo=Cameo(code=code, root=code[:2], quad_class=quad, goldstein=goldstein, name="x"),
        plover=Plover(type=plover),
        modality=modality,
        date=TimeSpan(text=day, start=day, end=day, precision="day", value=day),
        place=Place(
            text=place[0],
            name=place[0],
            country=place[0],
            lat=place[1],
            lon=place[2],
            precision="city",
        )
        if place
        else None,
        counted=counted,
        probability=probability,
    )


def store_events(db: Path, events: list[Any], *, published: str = "2024-04-12") -> Path:
    """Store hand-made events (one article per article id, one sentence per event)."""
    from eventwire.records import Article, DocumentResult, Sentence
    from eventwire.store.db import Store

    results = []
    by_article: dict[str, list[Any]] = {}
    for ev in events:
        by_article.setdefault(ev.article_id, []).append(ev)
    for aid, evs in by_article.items():
        text = " ".join(e.evidence for e in evs)
        art = Article(
            article_id=aid,
            text=text,
            published=published,
            origin=f"{aid}.txt",
            url=f"https://example.org/{aid}",
            title=f"Story {aid}",
        )
        sents = tuple(
            Sentence(
                article_id=aid,
                index=e.sentence,
                paragraph=0,
                start=0,
                end=len(e.evidence),
                text=e.evidence,
            )
            for e in {e.sentence: e for e in evs}.values()
        )
        results.append(DocumentResult(article=art, sentences=sents, events=tuple(evs)))
    with Store(db) as store:
        store.write_batch(results)
    return db


@pytest.fixture(scope="session")
def make_event():
    """:func:`hand_event`, for tests (conftest is not importable under importlib mode)."""
    return hand_event


@pytest.fixture(scope="session")
def make_db():
    """:func:`store_events`, for tests."""
    return store_events
