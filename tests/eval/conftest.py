"""The pipeline the eval adapters call, loaded once per test session."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session")
def eval_system() -> Any:
    """``eventwire.eval.system.processor()``: the real spaCy pipeline the adapters share.

    It is cached by the system module itself; asking for it here loads the model up front, once,
    so the first test that uses it does not carry the load time alone.
    """
    from eventwire.eval import system

    return system.processor()
