"""The cleaned document: title, date line, blocks with offsets, and what was removed and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
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


class Piece:
    """A block before assembly: kind, text and its raw span (a plain slotted class: the cleaner
    makes one per paragraph and never changes it)."""

    __slots__ = ("kind", "text", "raw_start", "raw_end")

    def __init__(self, kind: BlockKind, text: str, raw_start: int, raw_end: int) -> None:
        self.kind: BlockKind = kind
        self.text = text
        self.raw_start = raw_start
        self.raw_end = raw_end


# Frozen dataclasses set each field through object.__setattr__ in __init__ (~1 µs a block); the
# builders below set the slots directly, giving equal objects (a test compares them with the
# classes' own constructors and checks the field order).
_new = object.__new__
_BLOCK_SLOTS = tuple(getattr(Block, name).__set__ for name in Block.__slots__)
_REMOVED_SLOTS = tuple(getattr(Removed, name).__set__ for name in Removed.__slots__)


def new_block(
    kind: BlockKind, text: str, start: int, end: int, raw_start: int, raw_end: int
) -> Block:
    """`Block(kind, text, start, end, raw_start, raw_end)`, built faster."""
    block = _new(Block)
    set_kind, set_text, set_start, set_end, set_raw_start, set_raw_end = _BLOCK_SLOTS
    set_kind(block, kind)
    set_text(block, text)
    set_start(block, start)
    set_end(block, end)
    set_raw_start(block, raw_start)
    set_raw_end(block, raw_end)
    return block


def new_removed(text: str, raw_start: int, raw_end: int, reason: str) -> Removed:
    """`Removed(text, raw_start, raw_end, reason)`, built faster."""
    removed = _new(Removed)
    set_text, set_raw_start, set_raw_end, set_reason = _REMOVED_SLOTS
    set_text(removed, text)
    set_raw_start(removed, raw_start)
    set_raw_end(removed, raw_end)
    set_reason(removed, reason)
    return removed


_RAW_SPAN = attrgetter("raw_start", "raw_end")


def assemble(
    title: str, date_line: str | None, pieces: list[Piece], removed: list[Removed]
) -> Document:
    """Join title, date line and blocks with blank lines and record each block's offsets."""
    parts: list[str] = [title]
    if date_line:
        parts.append(date_line)
    offset = sum(len(part) for part in parts) + len(SEPARATOR) * len(parts)
    blocks: list[Block] = []
    step = len(SEPARATOR)
    for piece in pieces:
        text = piece.text
        end = offset + len(text)
        blocks.append(new_block(piece.kind, text, offset, end, piece.raw_start, piece.raw_end))
        offset = end + step
        parts.append(text)
    return Document(title, date_line, blocks, sorted(removed, key=_RAW_SPAN), SEPARATOR.join(parts))
