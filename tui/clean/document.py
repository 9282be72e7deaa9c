"""The cleaned document: title, date line, blocks with offsets, and what was removed and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "subheading"]

SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph or subheading of the cleaned text.

    `start`/`end` index `Document.text`; `raw_start`/`raw_end` index the raw page text the block
    came from (the block text may differ slightly from that raw slice: whitespace is collapsed
    and glued sentences are repaired).
    """

    kind: BlockKind
    text: str
    start: int
    end: int
    raw_start: int
    raw_end: int


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the raw page left out of the cleaned text; `reason` names the rule or heuristic."""

    text: str
    raw_start: int
    raw_end: int
    reason: str


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned article. `text` is exactly what `sverka show` prints; offsets refer to it."""

    title: str
    date_line: str | None
    blocks: list[Block] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    text: str = ""

    @property
    def paragraphs(self) -> list[str]:
        """The block texts, in order (subheadings included)."""
        return [block.text for block in self.blocks]


@dataclass(frozen=True, slots=True)
class Piece:
    """A block before assembly: kind, text and its raw span."""

    kind: BlockKind
    text: str
    raw_start: int
    raw_end: int


def assemble(
    title: str, date_line: str | None, pieces: list[Piece], removed: list[Removed]
) -> Document:
    """Join title, date line and blocks with blank lines and record each block's offsets."""
    parts: list[str] = [title]
    if date_line:
        parts.append(date_line)
    offset = sum(len(part) for part in parts) + len(SEPARATOR) * len(parts)
    blocks: list[Block] = []
    for piece in pieces:
        blocks.append(
            Block(
                kind=piece.kind,
                text=piece.text,
                start=offset,
                end=offset + len(piece.text),
                raw_start=piece.raw_start,
                raw_end=piece.raw_end,
            )
        )
        offset += len(piece.text) + len(SEPARATOR)
        parts.append(piece.text)
    text = SEPARATOR.join(parts)
    removed_sorted = sorted(removed, key=lambda r: (r.raw_start, r.raw_end))
    return Document(
        title=title, date_line=date_line, blocks=blocks, removed=removed_sorted, text=text
    )
