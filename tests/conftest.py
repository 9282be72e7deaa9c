"""Shared fixtures: every test runs with its own empty config, data and cache folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hide the tester's own config, notes and caches from every test."""
    base = tmp_path_factory.mktemp("user")
    for name in ("CONFIG", "DATA", "CACHE"):
        folder = base / name.lower()
        folder.mkdir()
        monkeypatch.setenv(f"SVERKA_{name}_DIR", str(folder))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five seed articles shipped with the repository."""
    return SEEDS
