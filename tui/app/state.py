"""The persisted UI state (theme, the article last read in each corpus): a small TOML file.

Failures are ignored: state is a convenience, never a reason to stop."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from tui import paths

__all__ = [
    "MAX_REMEMBERED_CORPORA",
    "STATE_MAX_BYTES",
    "last_article",
    "read_state",
    "remember_article",
    "write_state",
]


def read_state() -> dict[str, Any]:
    """The persisted UI state ({} if missing or unreadable)."""
    try:
        with paths.state_file().open("rb") as f:
            raw = f.read(STATE_MAX_BYTES + 1)
        if len(raw) > STATE_MAX_BYTES:  # not a state file Sverka wrote
            return {}
        return tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


STATE_MAX_BYTES = 1024 * 1024
"""The state file holds a theme and a few remembered articles; a larger one is not read."""


MAX_REMEMBERED_CORPORA = 20
"""The state file remembers the last article of at most this many corpus folders."""


def last_article(corpus: Path) -> str | None:
    """The id of the article last opened in `corpus`, if remembered."""
    last = read_state().get("last_article", {})
    value = last.get(str(corpus.resolve())) if isinstance(last, dict) else None
    return value if isinstance(value, str) else None


def remember_article(corpus: Path, article_id: str) -> None:
    """Remember the article last opened in `corpus` (call from a worker: it writes a file)."""
    last = read_state().get("last_article", {})
    if not isinstance(last, dict):
        last = {}
    key = str(corpus.resolve())
    last.pop(key, None)
    last[key] = article_id
    while len(last) > MAX_REMEMBERED_CORPORA:
        last.pop(next(iter(last)))
    write_state({"last_article": last})


def write_state(changes: dict[str, Any]) -> None:
    """Merge `changes` into the state file (failures are ignored: state is a convenience)."""
    import tomli_w

    state = read_state()
    state.update(changes)
    file = paths.state_file()
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_suffix(".tmp")
        tmp.write_text(tomli_w.dumps(state), encoding="utf-8")
        tmp.replace(file)
    except OSError:
        pass
