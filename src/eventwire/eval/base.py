"""The contract every gold-set adapter follows, and the runner that drives one.

An adapter only knows how to read its format, ask the system (and a trivial baseline) for
answers, and score answers against gold. Sampling, timing, error listing and the JSON shape live
here once, so every set reports the same way and the CLI, the gate and the report share them.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from eventwire.errors import EvalError

Item = TypeVar("Item")
Pred = TypeVar("Pred")

#: Environment variable naming the folder that holds one sub-folder per gold set.
ENV_DATA = "EVENTWIRE_EVAL_DATA"


@dataclass(frozen=True, slots=True)
class Miss:
    """One scored item where the system was wrong; ``badness`` orders the --errors listing."""

    badness: float
    item_id: str
    text: str
    gold: Any
    ours: Any


@dataclass(slots=True)
class Score:
    metrics: dict[str, float | int | None]
    per_class: dict[str, Any] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)


class EvalSet(ABC, Generic[Item, Pred]):
    """One gold set. Subclasses set ``name`` and implement the five methods below."""

    name: ClassVar[str]
    #: Metrics where a smaller number is better (the gate treats their floor as a ceiling).
    lower_is_better: ClassVar[frozenset[str]] = frozenset()
    #: One line for the report: what the baseline answers.
    baseline_label: ClassVar[str] = "baseline"

    @abstractmethod
    def load(self, path: Path) -> list[Item]:
        """Read gold items from the set's folder, or from any file/folder in the same format."""

    @abstractmethod
    def item_id(self, item: Item) -> str:
        """A stable id: sampling hashes it, so the sample never depends on file order."""

    @abstractmethod
    def predict(self, items: Sequence[Item]) -> list[Pred]:
        """Our system's answers. Raises ImportError while a module it needs is not written yet."""

    @abstractmethod
    def baseline(self, items: Sequence[Item]) -> list[Pred]:
        """The trivial baseline's answers, in the same form as :meth:`predict`."""

    @abstractmethod
    def score(self, items: Sequence[Item], preds: Sequence[Pred]) -> Score:
        """Metrics, per-class breakdown and the misses of ``preds`` against the gold items."""


# ---- where the data lives -------------------------------------------------------------------


def repo_root() -> Path:
    """The checkout this module sits in (the folder with pyproject.toml), else the cwd."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file():
            return parent
    return Path.cwd()


def data_root(repo: Path | None = None) -> Path | None:
    """The folder with one sub-folder per gold set, or None when none is found.

    Order: $EVENTWIRE_EVAL_DATA, then ``shared/eval`` beside the repository ``repo`` (default:
    this checkout, the layout CI has), then ``../shared/eval`` from the working directory (an
    installed, non-editable package).
    """
    from eventwire.settings import current

    env = current().eval_data
    candidates = [env] if env else []
    checkout = repo if repo is not None else repo_root()
    candidates += [checkout.parent / "shared" / "eval", Path.cwd().parent / "shared" / "eval"]
    for cand in candidates:
        if cand.is_dir():
            return cand.resolve()
    return None


def default_data(name: str, *, repo: Path | None = None) -> Path:
    """The folder of gold set ``name`` under :func:`data_root` (looked up from ``repo``)."""
    root = data_root(repo)
    if root is None:
        raise EvalError(
            f"no gold data for {name!r}: set ${ENV_DATA} to the folder holding the gold sets, "
            "or pass --data PATH (expected ../shared/eval beside the repository)"
        )
    path = root / name
    if not path.exists():
        raise EvalError(f"gold set folder {path} is missing; pass --data PATH")
    return path


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSONL file; a bad line is an EvalError naming ``file:line``."""
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalError(f"{path}:{n}: not JSON ({exc.msg})") from exc
            if not isinstance(rec, dict):
                raise EvalError(f"{path}:{n}: expected a JSON object")
            yield rec


def find_file(path: Path, pattern: str) -> list[Path]:
    """``path`` itself when it is a file, else the files under it matching ``pattern``."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise EvalError(f"{path} does not exist")
    found = sorted(path.glob(pattern))
    if not found:
        raise EvalError(f"{path} holds no {pattern} file")
    return found
