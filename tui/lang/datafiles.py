"""The loader of every language's word lists: data files inside the language packages.

A language package `tui/lang/<code>/` holds its word lists as files beside its `__init__.py`:

- `*.txt` — one entry a line; blank lines and lines starting with `#` are skipped, a `#` after an
  entry starts a comment; entries are stripped (inner spaces kept: «как минимум»);
- `*.toml` — any table; read with `tomllib` into a dict.

`data(code, name)` returns the file's content (a tuple of lines for `.txt`, a dict for `.toml`),
read once per process. `words(code, name)` is the `.txt` list as a frozenset. A missing file raises
`FileNotFoundError` unless `default` is given, so a language that lacks a list can say so:
`data("kk", "measures.toml", default={})`.

Other parts of Sverka add their own lists the same way (e.g. `tui/lang/uk/measures.toml`, read with
`tui.lang.data("uk", "measures.toml")`); nothing needs registering.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
_MISSING: Any = object()


def path(code: str, name: str) -> Path:
    """Where the data file `name` of language `code` lives (it may not exist)."""
    if not code.isalpha() or "/" in name or "\\" in name or name.startswith("."):
        raise ValueError(f"not a language data file: {code!r}/{name!r}")
    return ROOT / code / name


def data(code: str, name: str, default: Any = _MISSING) -> Any:
    """The content of `tui/lang/<code>/<name>`: a tuple of entries (`.txt`) or a dict (`.toml`)."""
    try:
        return _load(code, name)
    except FileNotFoundError:
        if default is _MISSING:
            raise
        return default


def words(code: str, name: str, default: frozenset[str] | None = None) -> frozenset[str]:
    """A `.txt` list of `code` as a frozenset (empty, or `default`, when the file is missing)."""
    try:
        return _words(code, name)
    except FileNotFoundError:
        return default if default is not None else frozenset()


@lru_cache(maxsize=512)
def _words(code: str, name: str) -> frozenset[str]:
    return frozenset(_load(code, name))


@lru_cache(maxsize=512)
def _load(code: str, name: str) -> Any:
    file = path(code, name)
    text = file.read_text(encoding="utf-8")
    if file.suffix == ".toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"{file}: {exc}") from exc
    if file.suffix == ".txt":
        return parse_list(text)
    raise ValueError(f"{file}: language data files are .txt or .toml")


def parse_list(text: str) -> tuple[str, ...]:
    """The entries of a `.txt` word list (see the module docstring), in file order."""
    out: list[str] = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(entry)
    return tuple(out)
