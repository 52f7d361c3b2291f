"""Quality floors: the numbers ``tests/eval/test_gate.py`` holds the system to.

floors.toml has one table per gold set: ``limit`` (how many items the gate samples, 0 = all,
chosen so the whole gate fits in five minutes on two cores; the floors were measured on the same
sample) and one ``metric = floor`` line per guarded metric. For metrics where lower is better
(km errors, geocoding AUC) the number is a ceiling. Raising a floor is a one-line edit; lowering
one also needs ``metric = "why"`` in the set's ``[SET.lowered]`` table, which
:func:`unexplained_lowerings` enforces against the committed file.

``python -m eventwire.eval.gate`` runs the gate and prints what it measured as TOML, ready to be
pasted in when a floor should go up.
"""

from __future__ import annotations

import math
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import EvalError
from eventwire.eval import registry
from eventwire.eval.runner import run_set

FLOORS = Path(__file__).with_name("floors.toml")


@dataclass(slots=True)
class SetFloors:
    name: str
    limit: int | None
    floors: dict[str, float]
    lowered: dict[str, str] = field(default_factory=dict)


def load_floors(text: str | None = None) -> dict[str, SetFloors]:
    """Parse floors.toml (or ``text``); EvalError on unknown sets or non-numeric floors."""
    raw = tomllib.loads(text if text is not None else FLOORS.read_text(encoding="utf-8"))
    out = {}
    for name, table in raw.items():
        if name not in registry.SETS:
            raise EvalError(f"floors.toml: unknown gold set [{name}]")
        floors: dict[str, float] = {}
        lowered: dict[str, str] = {}
        limit = None
        for key, value in table.items():
            if key == "limit":
                limit = int(value) or None
            elif key == "lowered":
                lowered = {str(k): str(v) for k, v in value.items()}
            elif isinstance(value, int | float) and not isinstance(value, bool):
                floors[key] = float(value)
            else:
                raise EvalError(f"floors.toml: [{name}] {key} must be a number")
        out[name] = SetFloors(name, limit, floors, lowered)
    return out


def check(result: dict[str, Any], floors: SetFloors) -> list[str]:
    """Every guarded metric of one run that is missing or on the wrong side of its floor."""
    if result.get("system_error"):
        return [f"{floors.name}: {result['system_error']}"]
    lower = registry.get(floors.name).lower_is_better
    failures = []
    for metric, floor in sorted(floors.floors.items()):
        value = result["metrics"].get(metric)
        if not isinstance(value, int | float):
            failures.append(f"{floors.name}.{metric}: no value (floor {floor})")
        elif metric in lower and value > floor + 1e-9:
            failures.append(f"{floors.name}.{metric} = {value} rose above its ceiling {floor}")
        elif metric not in lower and value < floor - 1e-9:
            failures.append(f"{floors.name}.{metric} = {value} fell below its floor {floor}")
    return failures


def unexplained_lowerings(old: dict[str, SetFloors], new: dict[str, SetFloors]) -> list[str]:
    """Floors that ``new`` weakens (or drops) relative to ``old`` without a [SET.lowered] reason."""
    out = []
    for name, before in old.items():
        after = new.get(name)
        lower = registry.get(name).lower_is_better
        for metric, was in before.floors.items():
            now = after.floors.get(metric) if after else None
            reason = after.lowered.get(metric, "").strip() if after else ""
            weaker = now is None or (now > was if metric in lower else now < was)
            if weaker and not reason:
                out.append(
                    f'{name}.{metric}: floor {was} -> {now}; add `{metric} = "why"` '
                    f"under [{name}.lowered] in floors.toml"
                )
    return out


def committed_floors() -> list[str]:
    """floors.toml as committed at HEAD and at HEAD~1 (whichever git can show)."""
    out = []
    for rev in ("HEAD", "HEAD~1"):
        try:
            proc = subprocess.run(
                ["git", "show", f"{rev}:./{FLOORS.name}"],
                cwd=FLOORS.parent,
                capture_output=True,
                text=True,
                timeout=20,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            break
        if proc.returncode == 0:
            out.append(proc.stdout)
    return out


def run_gate(floors: dict[str, SetFloors] | None = None) -> tuple[list[str], dict[str, Any]]:
    """Run every set that has floors on its gate sample; (failures, results by set)."""
    floors = floors if floors is not None else load_floors()
    failures: list[str] = []
    results: dict[str, Any] = {}
    for name, fl in floors.items():
        res = run_set(name, limit=fl.limit)
        results[name] = res
        failures += check(res, fl)
    return failures, results


def as_toml(results: dict[str, Any], floors: dict[str, SetFloors]) -> str:
    """The measured values as floors.toml tables (values cut, not rounded, to 3 decimals)."""
    lines = []
    for name, res in results.items():
        lines.append(f"[{name}]")
        lines.append(f"limit = {floors[name].limit or 0}")
        for metric in floors[name].floors:
            value = res.get("metrics", {}).get(metric)
            if isinstance(value, int | float):
                up = metric in registry.get(name).lower_is_better
                cut = (math.ceil if up else math.floor)(value * 1000) / 1000
                lines.append(f"{metric} = {cut}")
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    floors = load_floors()
    failures, results = run_gate(floors)
    print(as_toml(results, floors))
    for f in failures:
        print("FAIL", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
