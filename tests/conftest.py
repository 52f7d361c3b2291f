"""Shared fixtures: the real pipeline (model loaded once per test session) and shared paths."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REFERENCE = SHARED / "reference" / "article.txt"
EXAMPLES = REPO / "examples" / "corpus"


@pytest.fixture(scope="session")
def processor():
    from eventwire.pipeline import Processor

    return Processor()


@pytest.fixture(scope="session")
def reference_text() -> str:
    if not REFERENCE.exists():
        pytest.skip(f"reference article not found at {REFERENCE} (../shared is absent)")
    return REFERENCE.read_text(encoding="utf-8")
