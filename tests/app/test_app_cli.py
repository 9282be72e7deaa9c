"""`sverka [--config F] [--notes F] [--theme NAME] [CORPUS]`: a bad corpus argument never starts the
app; an unusable config starts it with the defaults and says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main
from tui.cli.app_cmd import run_app


@pytest.mark.parametrize("content", ["theme = 3\n", "corpus = [broken\n", None])
def test_an_unusable_config_starts_the_app_with_defaults_and_one_clear_message(
    tmp_path: Path,
    seeds_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    content: str | None,
) -> None:
    config = tmp_path / "config.toml"
    if content is not None:  # None: the named file does not exist
        config.write_text(content, encoding="utf-8")
    before = config.read_bytes() if content is not None else None
    seen = {}

    def fake_run(self):  # type: ignore[no-untyped-def]
        seen.update(problems=self._startup_problems, theme=self.config.theme)
        return 0

    monkeypatch.setattr("tui.app.app.SverkaApp.run", fake_run)
    assert run_app(["--config", str(config), str(seeds_dir)]) == 0
    (problem,) = seen["problems"]
    assert str(config) in problem and "default settings" in problem
    assert "theme" in problem or content != "theme = 3\n"
    assert "Traceback" not in capsys.readouterr().err
    assert (config.read_bytes() if content is not None else None) == before  # left as it was


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
