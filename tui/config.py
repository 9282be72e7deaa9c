"""Sverka's settings: a typed config where every field has a default, read from one TOML file.

A broken file never becomes a traceback: `load_config` raises `ConfigError` with one sentence that
names the file, the key and what was expected. The app shows it and carries on with defaults.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui import paths


class ConfigError(Exception):
    """The config file is unreadable or holds a bad value; the message is meant for the user."""


@dataclass(frozen=True)
class CleanConfig:
    """The `[clean]` table: user rules added to the shipped boilerplate rules."""

    rules: tuple[dict[str, Any], ...] = ()
    """Extra rules, each a `[[clean.rules]]` table (see config.example.toml)."""


@dataclass(frozen=True)
class Config:
    """Every setting Sverka reads, with its default."""

    corpus: Path | None = None
    """Folder of articles opened when none is given on the command line (default: ./seeds)."""
    notes: Path | None = None
    """Notes file (default: notes.toml in the per-user data folder)."""
    theme: str = "sverka-dark"
    """Name of the colour theme (a file in themes/ or a built-in Textual theme)."""
    cache_dir: Path | None = None
    """Where the catalogue and fact caches live (default: the per-user cache folder)."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id → keys, e.g. `"app.quit" = "ctrl+q"`. Ids are listed on the help screen (?)."""
    clean: CleanConfig = field(default_factory=CleanConfig)
    """Cleaning options."""
    outlets: tuple[dict[str, Any], ...] = ()
    """Extra outlets, each an `[[outlets]]` table (name, names, forms, domains, kind), added to
    the shipped table (tui/corpus/outlets.toml); one with a shipped name replaces it."""
    follow_symlinks_outside: bool = False
    """Follow symbolic links that lead out of the corpus folder (default: such a link is listed
    as skipped, never read — a link to /etc/passwd is not an article)."""
    dataset: dict[str, str] = field(default_factory=dict)
    """`[dataset]`: which column of a JSONL/CSV/Parquet corpus holds each article field
    (text, title, url, date, outlet, language, id), e.g. `text = "body"`."""
    source: Path | None = None
    """The file this config was read from (None: defaults only)."""

    def effective_cache_dir(self) -> Path:
        """The cache folder actually used."""
        return self.cache_dir or paths.cache_dir()


_TOP_KEYS = {
    "corpus", "notes", "theme", "cache_dir", "keymap", "clean", "outlets",
    "follow_symlinks_outside", "dataset",
}  # fmt: skip
_DATASET_KEYS = ("text", "title", "url", "date", "outlet", "language", "id")
_CLEAN_KEYS = {"rules"}


def _expect(file: Path, key: str, value: Any, kind: type, what: str) -> Any:
    if not isinstance(value, kind):
        got = type(value).__name__
        raise ConfigError(f"{file}: `{key}` must be {what}, got {got} {value!r}")
    return value


def _path(file: Path, key: str, value: Any) -> Path:
    text = _expect(file, key, value, str, "a path (a string)")
    if not text.strip():
        raise ConfigError(f"{file}: `{key}` must be a path, got an empty string")
    path = Path(text).expanduser()
    # Relative paths are relative to the config file's folder.
    return path if path.is_absolute() else (file.parent / path)


def parse_config(data: dict[str, Any], file: Path) -> Config:
    """Validate an already-parsed TOML table into a Config (raises ConfigError)."""
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise ConfigError(
            f"{file}: unknown key `{unknown[0]}` (expected one of: {', '.join(sorted(_TOP_KEYS))})"
        )
    kwargs: dict[str, Any] = {"source": file}
    for key in ("corpus", "notes", "cache_dir"):
        if key in data:
            kwargs[key] = _path(file, key, data[key])
    if "theme" in data:
        theme = _expect(file, "theme", data["theme"], str, "a theme name (a string)")
        if not theme.strip():
            raise ConfigError(f"{file}: `theme` must be a theme name, got an empty string")
        kwargs["theme"] = theme.strip()
    if "follow_symlinks_outside" in data:
        kwargs["follow_symlinks_outside"] = _expect(
            file, "follow_symlinks_outside", data["follow_symlinks_outside"], bool, "true or false"
        )
    if "keymap" in data:
        table = _expect(file, "keymap", data["keymap"], dict, "a table of binding id = keys")
        keymap: dict[str, str] = {}
        for binding_id, keys in table.items():
            _expect(
                file, f"keymap.{binding_id}", keys, str, 'a key list such as "ctrl+q" or "j,down"'
            )
            keymap[binding_id] = keys
        kwargs["keymap"] = keymap
    if "dataset" in data:
        table = _expect(file, "dataset", data["dataset"], dict, "a table of field = column")
        mapping: dict[str, str] = {}
        for key, column in table.items():
            if key not in _DATASET_KEYS:
                raise ConfigError(
                    f"{file}: unknown key `dataset.{key}` (expected one of: {', '.join(_DATASET_KEYS)})"
                )
            mapping[key] = _expect(file, f"dataset.{key}", column, str, "a column name (a string)")
        kwargs["dataset"] = mapping
    if "clean" in data:
        clean = _expect(file, "clean", data["clean"], dict, "a table")
        bad = sorted(set(clean) - _CLEAN_KEYS)
        if bad:
            raise ConfigError(f"{file}: unknown key `clean.{bad[0]}` (expected: rules)")
        rules = _expect(file, "clean.rules", clean.get("rules", []), list, "an array of tables")
        for i, rule in enumerate(rules):
            _expect(file, f"clean.rules[{i}]", rule, dict, "a table")
        _validate_clean_rules(file, rules)
        kwargs["clean"] = CleanConfig(rules=tuple(rules))
    if "outlets" in data:
        items = _expect(file, "outlets", data["outlets"], list, "an array of tables")
        from tui.corpus.outlets import validate_outlets

        try:
            kwargs["outlets"] = tuple(validate_outlets(items))
        except ValueError as exc:
            raise ConfigError(f"{file}: in [[outlets]]: {exc}") from None
    return Config(**kwargs)


def _validate_clean_rules(file: Path, rules: list[dict[str, Any]]) -> None:
    """Let the cleaner check the user's rules now, so a bad regex is reported at start-up."""
    if not rules:
        return
    try:
        from tui.clean.rules import rules_from_config
    except ImportError:  # pragma: no cover - the cleaner ships with the package
        return
    try:
        rules_from_config(rules)
    except ValueError as exc:
        raise ConfigError(f"{file}: in [[clean.rules]]: {exc}") from None


def load_config(path: Path | None = None) -> Config:
    """Read `path` (or the per-user config file if it exists) into a Config.

    An explicitly given file that does not exist is an error; a missing per-user file just means
    defaults.
    """
    explicit = path is not None
    file = Path(path) if path is not None else paths.default_config_file()
    if not file.exists():
        if explicit:
            raise ConfigError(f"{file}: config file not found")
        return Config()
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read config file ({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{file}: config file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: not valid TOML ({exc})") from None
    return parse_config(data, file)
