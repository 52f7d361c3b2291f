"""The KB files generated from packages are current, and a stale one is told apart."""

from __future__ import annotations

from eventwire.kb import build_countries
from eventwire.kb.regenerate import regenerate


def test_countries_tsv_is_current_with_its_sources():
    assert build_countries.main(["--check"]) == 0


def test_a_stale_file_fails_the_check_and_is_rewritten(tmp_path, capsys):
    out = tmp_path / "data.tsv"
    out.write_text("name\told\n", encoding="utf-8")
    render = lambda: "# generated\nname\nnew\n"  # noqa: E731
    assert regenerate(["--check", "--output", str(out)], "t", out, render) == 1
    assert "out of date" in capsys.readouterr().err
    assert regenerate(["--output", str(out)], "t", out, render) == 0
    assert out.read_text(encoding="utf-8") == "# generated\nname\nnew\n"
    assert "wrote 1 rows" in capsys.readouterr().out
    assert regenerate(["--check", "--output", str(out)], "t", out, render) == 0
