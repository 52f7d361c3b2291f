"""Paths, printed names, damaged databases and exit codes, through the real command line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli.app import EXIT_MISSING_INPUT, EXIT_NOTHING_STORED, app
from eventwire.ingest.sources import iter_documents
from eventwire.runner import run

cli = CliRunner()
GOOD = "Niger revoked its military accord with the United States on Saturday, officials said.\n"
OTHER = "France withdrew its troops from Niger on Friday, a government spokesman said.\n"


def _corpus(tmp_path: Path) -> tuple[Path, Path]:
    """A folder with a link leading out of it (to a private file) and a link within it."""
    private = tmp_path / "private.txt"
    private.write_text(OTHER, encoding="utf-8")
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "out.txt").symlink_to(private)
    (folder / "outdir").symlink_to(tmp_path)
    (folder / "in.txt").symlink_to(folder / "sub" / "a.txt")
    return folder, private


def test_symlink_leaving_the_input_folder_is_rejected(tmp_path):
    folder, _ = _corpus(tmp_path)
    summary = run([folder], tmp_path / "s.duckdb")
    reasons = {r.origin: r.reason for r in summary.reject_list}
    assert reasons == {
        str(folder / "out.txt"): "symlink leaves the input folder",
        str(folder / "outdir"): "symlink leaves the input folder",
    }
    assert (summary.articles, summary.duplicates) == (1, 1)  # in.txt repeats sub/a.txt


def test_follow_symlinks_reads_links_that_leave_the_folder(tmp_path):
    folder, _ = _corpus(tmp_path)
    res = cli.invoke(app, ["run", str(folder / "out.txt"), "--db", str(tmp_path / "a.duckdb")])
    assert res.exit_code == 0, res.output  # a file named explicitly is always read
    res = cli.invoke(
        app, ["run", str(folder), "--db", str(tmp_path / "b.duckdb"), "--follow-symlinks"]
    )
    assert res.exit_code == 0, res.output
    assert "symlink leaves" not in res.output
    assert "articles: 2" in res.output


def test_names_with_markup_and_control_characters_print_safely(tmp_path):
    folder = tmp_path / "in[/x]"  # folders "in[" and "x]": printed, the path holds "[/x]"
    folder.mkdir(parents=True)
    (folder / "a[b].txt").write_text(GOOD, encoding="utf-8")
    (folder / "e[i]\x1b[31m.txt").write_bytes(b"")
    (tmp_path / "d[").mkdir()
    db = tmp_path / "d[/x].duckdb"
    res = cli.invoke(app, ["run", str(folder), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert f"-> {db}" in res.output
    assert f"rejected {folder}/e[i]\\x1b[31m.txt (ingest): empty file" in res.output
    assert "\x1b" not in res.output


@pytest.mark.parametrize("keep", [0.1, 0.3, 0.5, 0.8])
def test_damaged_database_is_a_one_line_error(tmp_path, keep):
    text = tmp_path / "a.txt"
    text.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    run([text], db)
    size = db.stat().st_size
    with db.open("r+b") as fh:
        fh.truncate(int(size * keep))
    other = tmp_path / "b.txt"
    other.write_text(OTHER, encoding="utf-8")
    for args in (["run", str(other)], ["events"]):
        res = cli.invoke(app, [*args, "--db", str(db)])
        assert res.exit_code == 1, res.output
        assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
        lines = res.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), res.output
        assert str(db) in lines[0]


def test_exit_codes_say_what_happened(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    db = str(tmp_path / "s.duckdb")
    res = cli.invoke(app, ["run", str(good), str(missing), "--db", db])
    assert res.exit_code == EXIT_MISSING_INPUT, res.output
    assert "articles: 1" in res.output  # the rest of the batch went on
    assert f"no such input: {missing}" in res.output
    res = cli.invoke(app, ["run", str(empty), "--db", db])
    assert res.exit_code == EXIT_NOTHING_STORED, res.output
    assert "every input was rejected" in res.output
    res = cli.invoke(app, ["run", str(tmp_path / "none"), "--db", db])
    assert res.exit_code == EXIT_MISSING_INPUT, res.output
    (tmp_path / "nothing").mkdir()
    res = cli.invoke(app, ["run", str(tmp_path / "nothing"), "--db", db])
    assert res.exit_code == EXIT_NOTHING_STORED, res.output
    assert "no documents found" in res.output
    res = cli.invoke(app, ["run", str(good), str(empty), "--db", db])
    assert res.exit_code == 0, res.output  # stored before: a duplicate, and one reject


def test_non_utf8_names_print(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"e\xff.txt")).write_bytes(b"")
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    res = cli.invoke(app, ["run", str(folder), "--db", str(tmp_path / "s.duckdb")])
    assert res.exit_code == 0, res.output
    assert f"rejected {folder}/e\\xff.txt" in res.output


def test_folders_nested_thousands_deep_are_walked(tmp_path):
    top = tmp_path / "deep"
    top.mkdir()
    _nest(top, 1500)
    try:
        items = list(iter_documents([top]))
        assert [type(i).__name__ for i in items] == ["Article", "Reject"]
        assert items[1].origin.endswith("/d/e.txt")
    finally:
        _unnest(top, 1500)  # shutil.rmtree (pytest's clean-up) recurses and would overflow


def _nest(top: Path, depth: int) -> None:
    """``depth`` folders ``d/d/d/...`` under ``top``, a story and an empty file at the bottom;
    made by relative steps, as the absolute path outgrows what one call may take."""
    cwd = os.getcwd()
    os.chdir(top)
    try:
        for _ in range(depth):
            os.mkdir("d")
            os.chdir("d")
        Path("a.txt").write_text(GOOD, encoding="utf-8")
        Path("e.txt").write_bytes(b"")
    finally:
        os.chdir(cwd)


def _unnest(top: Path, depth: int) -> None:
    cwd = os.getcwd()
    os.chdir(top)
    try:
        for _ in range(depth):
            os.chdir("d")
        for name in os.listdir("."):
            os.remove(name)
        for _ in range(depth):
            os.chdir("..")
            os.rmdir("d")
    finally:
        os.chdir(cwd)


def test_a_path_the_system_cannot_have_is_a_reject(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    items = list(iter_documents([tmp_path / "a\x00b.txt", good]))
    assert [type(i).__name__ for i in items] == ["Reject", "Article"]
    assert items[0].reason == "invalid path: embedded null byte"
    assert items[0].origin == f"{tmp_path}/a\\x00b.txt"
