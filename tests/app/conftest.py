"""Fixtures for the app's Pilot and snapshot tests: a small corpus with one hostile article."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tui.app.app import SverkaApp
from tui.config import Config

HOSTILE_TITLE = "[@click=app.quit]Нажми сюда[/] и [b]жирный[/b]"

HOSTILE_TEXT = (
    f"{HOSTILE_TITLE}\n\n"
    "Враждебная статья \x1b]52;c;ZXZpbA==\x07проверяет, что разметка [@click=app.quit]выход[/] "
    "и escape-последовательности \x1b[2J\x1b[31mникогда не доходят до терминала. "
    "Второе предложение тоже здесь. Третье предложение завершает абзац.\n\n"
    "Ещё один абзац с [link=https://example.com]ссылкой[/link] и текстом, который должен "
    "остаться просто текстом, без разметки и без управляющих символов \u202eвнутри.\n"
)


@pytest.fixture
def corpus(tmp_path: Path, seeds_dir: Path) -> Path:
    """The five seeds plus one hostile article."""
    folder = tmp_path / "corpus"
    shutil.copytree(seeds_dir, folder)
    (folder / "zz_hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    return folder


@pytest.fixture
def make_app(corpus: Path) -> Callable[..., SverkaApp]:
    """Build the real app on the fixture corpus (catalogue in the test's cache folder)."""

    def make(config: Config | None = None, **kwargs: object) -> SverkaApp:
        return SverkaApp(config or Config(), corpus, **kwargs)  # type: ignore[arg-type]

    return make
