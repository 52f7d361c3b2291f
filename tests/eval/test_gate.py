"""The quality gate: every floor in src/eventwire/eval/floors.toml holds on the dev gold sets.

Needs ../shared/eval (CI has it); skips with a message saying so when it is absent. Each set
runs on the deterministic sample its floors were measured on (``limit`` in floors.toml).
"""

from __future__ import annotations

import pytest

from eventwire.eval import gate
from eventwire.eval.base import ENV_DATA, data_root
from eventwire.eval.runner import run_set

FLOORS = gate.load_floors()


def test_floors_file_is_valid() -> None:
    assert FLOORS, "floors.toml guards no set"
    for fl in FLOORS.values():
        assert fl.floors, f"[{fl.name}] has no floors"


def test_no_floor_lowered_without_a_reason() -> None:
    committed = gate.committed_floors()
    if not committed:
        pytest.skip("floors.toml has no committed version to compare with (no git history)")
    problems = []
    for text in committed:
        problems += gate.unexplained_lowerings(gate.load_floors(text), FLOORS)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_gate(name: str) -> None:
    if data_root() is None:
        pytest.skip(
            f"gold data not found: ../shared/eval beside the repository (or ${ENV_DATA}) is "
            "absent, so the quality gate cannot run here"
        )
    fl = FLOORS[name]
    result = run_set(name, limit=fl.limit)
    failures = gate.check(result, fl)
    assert not failures, "\n".join(failures)
