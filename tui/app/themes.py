"""Themes are files: `themes/*.toml` → validated → `textual.theme.Theme` → `App.register_theme`.

A theme file looks like this (every colour is parsed; an unknown key is named in the error):

    name = "sverka-dark"          # optional, defaults to the file name
    dark = true
    primary = "#4FA3E0"
    background = "#15181D"
    [variables]                    # optional Textual design variables
    block-cursor-background = "#4FA3E0"

Broken files never stop the app: `load_themes` returns the good themes and one readable problem
per broken file, which the app shows in a single notification.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.theme import Theme

from tui import paths

COLOUR_KEYS: tuple[str, ...] = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
    "warning",
    "error",
    "success",
)
OTHER_KEYS: frozenset[str] = frozenset(
    {"name", "dark", "luminosity_spread", "text_alpha", "variables"}
)

DEFAULT_THEME = "sverka-dark"
"""Used when the configured theme is missing or broken."""


class ThemeError(ValueError):
    """A theme file is unreadable or invalid; the message names the file and the key."""


@dataclass
class ThemeLoad:
    """The result of reading theme folders: good themes and one problem per bad file."""

    themes: dict[str, Theme] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)
    """Names of themes left out because some text would be hard to read (contrast)."""


def _colour(file: Path, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ThemeError(f"{file.name}: `{key}` must be a colour string, got {value!r}")
    try:
        Color.parse(value.split()[0] if value.strip() else value)
    except ColorParseError:
        raise ThemeError(f"{file.name}: `{key}` is not a colour: {value!r}") from None
    return value


def parse_theme(data: dict[str, Any], file: Path) -> Theme:
    """Validate one parsed theme table (raises ThemeError)."""
    unknown = sorted(set(data) - set(COLOUR_KEYS) - OTHER_KEYS)
    if unknown:
        raise ThemeError(
            f"{file.name}: unknown key `{unknown[0]}` (expected: name, dark, {', '.join(COLOUR_KEYS)}, variables)"
        )
    if "primary" not in data:
        raise ThemeError(f"{file.name}: `primary` colour is required")
    name = data.get("name", file.stem)
    if not isinstance(name, str) or not name.strip():
        raise ThemeError(f"{file.name}: `name` must be a non-empty string")
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeError(f"{file.name}: `dark` must be true or false, got {dark!r}")
    colours: dict[str, Any] = {
        key: _colour(file, key, data[key]) for key in COLOUR_KEYS if key in data
    }
    variables_in = data.get("variables", {})
    if not isinstance(variables_in, dict):
        raise ThemeError(f"{file.name}: `variables` must be a table")
    variables: dict[str, str] = {}
    for key, value in variables_in.items():
        if not isinstance(value, str):
            raise ThemeError(f"{file.name}: `variables.{key}` must be a string, got {value!r}")
        variables[key] = value if "text-style" in key else _colour(file, f"variables.{key}", value)
    extra: dict[str, Any] = {}
    for key in ("luminosity_spread", "text_alpha"):
        if key in data:
            value = data[key]
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise ThemeError(f"{file.name}: `{key}` must be a number, got {value!r}")
            extra[key] = float(value)
    return Theme(name=name.strip(), dark=dark, variables=variables, **colours, **extra)


def load_theme_file(file: Path) -> Theme:
    """Read and validate one theme file (raises ThemeError)."""
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ThemeError(f"{file.name}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ThemeError(f"{file.name}: not valid TOML ({exc})") from None
    return parse_theme(data, file)


def theme_dirs() -> list[Path]:
    """Where themes are looked for: the shipped `themes/` folder, then the user's."""
    return [paths.project_themes_dir(), paths.user_themes_dir()]


def load_themes(folders: Iterable[Path] | None = None) -> ThemeLoad:
    """Every `*.toml` theme in `folders`; later folders override earlier ones by name.

    A theme from outside the shipped `themes/` folder (whose themes the test suite checks) must
    pass the contrast check (`tui.app.contrast`): one that would draw hard-to-read text is left
    out with a problem naming the worst pair, and the app keeps its default theme.
    """
    result = ThemeLoad()
    shipped = paths.project_themes_dir()
    for folder in theme_dirs() if folders is None else folders:
        if not folder.is_dir():
            continue
        for file in sorted(folder.glob("*.toml")):
            try:
                theme = load_theme_file(file)
            except ThemeError as exc:
                result.problems.append(str(exc))
                continue
            if folder.resolve() != shipped:
                problem = contrast_problem(theme, file)
                if problem:
                    result.problems.append(problem)
                    result.unreadable.add(theme.name)
                    result.themes.pop(theme.name, None)
                    continue
            result.unreadable.discard(theme.name)
            result.themes[theme.name] = theme
    return result


def contrast_problem(theme: Theme, file: Path) -> str:
    """One sentence about the pairs of `theme` under the WCAG minimum ("" when it is readable)."""
    from tui.app.contrast import check_theme

    failures = sorted(check_theme(theme), key=lambda f: f.ratio / f.pair.minimum)
    if not failures:
        return ""
    more = f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""
    return f"{file.name}: {theme.name!r} not used, text would be hard to read — {failures[0]}{more}"
