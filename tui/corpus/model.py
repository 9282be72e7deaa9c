"""What the corpus reader hands out: an `Article` (decoded, sanitised text and its metadata) or
a `Skipped` file and why."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tui.corpus.sanitize import escape_name, needs_escape

__all__ = ["Article", "Skipped", "printable_path"]


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its decoded, sanitised text and metadata."""

    id: str
    path: Path
    raw: str
    encoding: str
    title: str
    outlet: str
    language: str
    date: str | None
    words: int
    size: int
    mtime: float
    sha1: str
    url: str | None = None

    def meta(self) -> dict[str, object]:
        """The JSON-able metadata (everything but the text)."""
        return {
            "id": self.id,
            "path": printable_path(self.path),
            "title": self.title,
            "outlet": self.outlet,
            "language": self.language,
            "date": self.date,
            "words": self.words,
            "encoding": self.encoding,
            "url": self.url,
        }


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that was not loaded, and why."""

    path: Path
    reason: str


def printable_path(path: Path | str) -> str:
    """A path as text any output can hold: undecodable bytes and control characters escaped
    as `ls -b` shows them (`escape_name`); an ordinary path is unchanged."""
    text = str(path)
    return escape_name(text) if needs_escape(text.replace("\\", "")) else text
