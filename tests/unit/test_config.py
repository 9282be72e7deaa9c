"""Config: defaults, documented example, and one clear message for every broken file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tui.config import Config, ConfigError, load_config

DATA = Path(__file__).resolve().parent.parent / "data" / "config"
EXAMPLE = Path(__file__).resolve().parents[2] / "config.example.toml"


def test_missing_per_user_config_means_defaults() -> None:
    config = load_config()
    assert config == Config()
    assert config.theme == "sverka-dark"


def test_explicit_missing_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("not_toml.toml", "not valid TOML"),
        ("extra_key.toml", "unknown key `colour`"),
        ("bad_type.toml", "`theme` must be a theme name"),
        ("bad_keymap.toml", "`keymap.app.quit` must be a key list"),
        ("not_utf8.toml", "not UTF-8"),
    ],
)
def test_broken_config_gives_one_message_naming_file_and_key(name: str, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(DATA / name)
    message = str(info.value)
    assert name in message and fragment in message
    assert "\n" not in message


def test_relative_paths_are_relative_to_the_config_file(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text('corpus = "articles"\nnotes = "~/n.toml"\n', encoding="utf-8")
    config = load_config(file)
    assert config.corpus == tmp_path / "articles"
    assert config.notes == Path("~/n.toml").expanduser()


def test_example_config_is_valid_and_documents_every_option() -> None:
    text = EXAMPLE.read_text("utf-8")
    tomllib.loads(text)
    load_config(EXAMPLE)
    uncommented = "\n".join(line.lstrip("# ") for line in text.splitlines())
    for key in ("corpus", "notes", "theme", "cache_dir", "[keymap]", "[[clean.rules]]"):
        assert key in uncommented, key
