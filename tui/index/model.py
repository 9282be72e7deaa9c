"""Small value types the catalogue hands out: list rows, scan reports, search results."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SORTS: tuple[str, ...] = ("title", "outlet", "language", "date", "words", "id")
"""Sort keys `Catalogue.view` accepts (each backed by an index)."""


class CatalogueError(Exception):
    """A catalogue request that cannot be served (bad sort key, unknown article)."""


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the article list: what the list shows, plus where the file is."""

    rowid: int
    id: str
    title: str
    outlet: str
    language: str
    date: str | None
    words: int
    path: Path


@dataclass(slots=True)
class ScanReport:
    """What one `Catalogue.refresh` did."""

    total: int = 0
    """Articles in the catalogue after the scan."""
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    read: int = 0
    """Files actually opened and read (new or changed ones, including ones then skipped)."""
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """(relative path, reason) of files newly found unreadable as articles."""
    seconds: float = 0.0
    cancelled: bool = False
    notes: list[str] = field(default_factory=list)
    """Things about rows that were read anyway (a dataset row not in UTF-8, with its number)."""

    def summary(self) -> str:
        """One line for people."""
        parts = [f"{self.total} articles"]
        for name in ("added", "updated", "removed"):
            if getattr(self, name):
                parts.append(f"{getattr(self, name)} {name}")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        rate = f", {self.read / self.seconds:,.0f} files/s" if self.read and self.seconds else ""
        return ", ".join(parts) + f" in {self.seconds:.2f} s{rate}"


@dataclass(frozen=True, slots=True)
class Hit:
    """One search hit: the article and a short passage around the first match."""

    id: str
    title: str
    snippet: str
    rowid: int = 0


@dataclass(slots=True)
class SearchResult:
    """A search answer: total matches, the first `limit` hits best first, and how long it took."""

    query: str
    took_ms: float
    total: int
    hits: list[Hit]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `sverka search --json`."""
        return {
            "query": self.query,
            "took_ms": round(self.took_ms, 2),
            "total": self.total,
            "hits": [{k: v for k, v in asdict(h).items() if k != "rowid"} for h in self.hits],
        }
