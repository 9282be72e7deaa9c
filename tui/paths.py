"""Where Sverka keeps the user's config, notes and caches.

One module answers every "where does this live" question. Each folder can be overridden by an
environment variable (tests use these so they never touch the tester's own files).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_cache_dir, user_config_dir, user_data_dir

APP_NAME = "sverka"


def _dir(env: str, default: str) -> Path:
    value = os.environ.get(env)
    return Path(value).expanduser() if value else Path(default)


def config_dir() -> Path:
    """Folder holding `config.toml` (SVERKA_CONFIG_DIR overrides)."""
    return _dir("SVERKA_CONFIG_DIR", user_config_dir(APP_NAME))


def data_dir() -> Path:
    """Folder holding the user's own data: notes, persisted UI state (SVERKA_DATA_DIR overrides)."""
    return _dir("SVERKA_DATA_DIR", user_data_dir(APP_NAME))


def cache_dir() -> Path:
    """Folder holding caches that can be rebuilt: catalogue, facts (SVERKA_CACHE_DIR overrides)."""
    return _dir("SVERKA_CACHE_DIR", user_cache_dir(APP_NAME))


def use_cache_dir(folder: Path | None) -> None:
    """Make the config's `cache_dir` the cache folder of this process and its workers (an
    SVERKA_CACHE_DIR already set wins), so the CLI, the app and the fact cache share it."""
    if folder is not None and not os.environ.get("SVERKA_CACHE_DIR"):
        os.environ["SVERKA_CACHE_DIR"] = str(Path(folder).expanduser())


def default_config_file() -> Path:
    """The config file read when `--config` is not given."""
    return config_dir() / "config.toml"


def default_notes_file() -> Path:
    """The notes file used when neither `--notes` nor the config names one."""
    return data_dir() / "notes.toml"


def state_file() -> Path:
    """Small persisted UI state (chosen theme, last article)."""
    return data_dir() / "state.toml"


def project_themes_dir() -> Path:
    """The shipped themes: `themes/` beside the package in a source checkout (and its editable
    install), else `<prefix>/share/sverka/themes`, where a wheel install puts them."""
    checkout = Path(__file__).resolve().parent.parent / "themes"
    if checkout.is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "sverka" / "themes"


def user_themes_dir() -> Path:
    """User themes: `<config dir>/themes/*.toml`."""
    return config_dir() / "themes"
