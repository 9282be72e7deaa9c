"""Where the notes file lives: `--notes FILE`, else the config's `notes`, else the per-user default."""

from __future__ import annotations

from os import PathLike
from pathlib import Path

from tui import paths


def resolve_notes_path(
    cli_value: str | PathLike[str] | None, config_value: str | PathLike[str] | None
) -> Path:
    """The notes file to use: the command-line value, else the config value, else
    `tui.paths.default_notes_file()` (in the per-user data folder; SVERKA_DATA_DIR overrides).

    `~` is expanded; a relative path is taken relative to the current folder.
    """
    for value in (cli_value, config_value):
        if value is not None and str(value).strip():
            return Path(value).expanduser()
    return paths.default_notes_file()
