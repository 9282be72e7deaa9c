"""Where Sverka finds its shipped themes: the checkout's `themes/`, else where a wheel put them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tui import paths

REPO = Path(__file__).resolve().parents[2]


def test_shipped_themes_come_from_the_checkout_when_run_from_it() -> None:
    assert paths.project_themes_dir() == REPO / "themes"
    assert (paths.project_themes_dir() / "sverka-dark.toml").is_file()


def test_shipped_themes_come_from_the_install_prefix_outside_a_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = tmp_path / "venv" / "lib" / "site-packages" / "tui" / "paths.py"
    monkeypatch.setattr(paths, "__file__", str(installed))
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "venv"))
    assert paths.project_themes_dir() == tmp_path / "venv" / "share" / "sverka" / "themes"
