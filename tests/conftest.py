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


@pytest.fixture(scope="session")
def processor():
    from eventwire.pipeline import Processor

    return Processor()


@pytest.fixture(scope="session")
def reference_text() -> str:
    if not REFERENCE.exists():
        pytest.skip(f"reference article not found at {REFERENCE} (../shared is absent)")
    return REFERENCE.read_text(encoding="utf-8")
