"""`sverka [--config F] [--notes F] [--theme NAME] [CORPUS]`: argument errors never start the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main
from tui.cli.app_cmd import run_app


def test_bad_config_is_one_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("theme = 3\n", encoding="utf-8")
    assert run_app(["--config", str(config), "seeds"]) == 2
    err = capsys.readouterr().err
    assert str(config) in err and "theme" in err
    assert "Traceback" not in err


def test_missing_corpus_is_one_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "nowhere" in err and err.count("\n") == 1


def test_help_lists_the_app_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run_app(["--help"])
    out = capsys.readouterr().out
    for option in ("--config", "--notes", "--theme", "CORPUS"):
        assert option in out


def test_run_app_builds_the_app_from_arguments(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = {}

    def fake_run(self):  # type: ignore[no-untyped-def]
        seen.update(corpus=self.corpus_path, notes=self.notes_path, theme=self._cli_theme)
        return 0

    monkeypatch.setattr("tui.app.app.SverkaApp.run", fake_run)
    notes = tmp_path / "n.toml"
    assert run_app(["--notes", str(notes), "--theme", "sverka-light", str(seeds_dir)]) == 0
    assert seen == {"corpus": seeds_dir, "notes": notes, "theme": "sverka-light"}
