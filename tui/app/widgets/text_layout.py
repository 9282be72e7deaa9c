"""Plain layout helpers for the reading view: paragraphs, word wrap with offsets, sentences.

No Textual here — these are pure functions the widget calls, and the tests can check directly.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph as displayed: its text, kind and offset into `Document.text` (if any)."""

    text: str
    kind: str
    """"title", "date", "paragraph", "subheading", "removed" or "raw"."""
    start: int | None
    """Offset of `text[0]` in `Document.text`; None for removed blocks and raw lines."""
    note: str = ""
    """For removed blocks: why the cleaner removed it."""


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line: a slice `[start:end]` of paragraph `para` (-1 for a blank gap line)."""

    para: int
    start: int
    end: int


def document_paras(document: Any, reveal_removed: bool, raw: str | None = None) -> list[Para]:
    """Paragraphs of a cleaned document, with removed blocks (dimmed) in their original place:
    in document order, so what stood above the headline in the page (`raw`) shows above it."""
    text: str = document.text
    blocks = list(document.blocks)
    head_end = blocks[0].start if blocks else len(text)
    paras: list[Para] = []
    removed = sorted(document.removed, key=lambda r: r.raw_start) if reveal_removed else []
    r = 0
    if removed:
        head_raw = _headline_in_raw(document, raw, blocks)
        while r < len(removed) and removed[r].raw_start < head_raw:
            paras.append(_removed_para(removed[r]))
            r += 1
    offset = 0
    lead = text[blocks[0].start : blocks[0].end] if blocks else ""
    for index, chunk in enumerate(text[:head_end].split("\n\n")):
        if chunk.strip() and not (index == 0 and title_repeats_lead(chunk.strip(), lead)):
            paras.append(Para(chunk.strip("\n"), "title" if index == 0 else "date", offset))
        offset += len(chunk) + 2
    for block in blocks:
        while r < len(removed) and removed[r].raw_start < block.raw_start:
            paras.append(_removed_para(removed[r]))
            r += 1
        paras.append(Para(text[block.start : block.end], block.kind, block.start))
    paras.extend(_removed_para(item) for item in removed[r:])
    return paras


def _headline_in_raw(document: Any, raw: str | None, blocks: list[Any]) -> int:
    """Where the page's headline starts in the raw text: the title's first occurrence before
    the first kept block (a title the cleaner made from the lead is the lead's place)."""
    first_block = blocks[0].raw_start if blocks else len(raw or "")
    title = (document.title or "").strip()
    if raw and title:
        found = raw.find(title[:200], 0, first_block + len(title))
        if found != -1:
            return min(found, first_block)
    return first_block


def title_repeats_lead(title: str, lead: str) -> bool:
    """A title the cleaner made from the lead's first sentence (the page had no headline): the
    reading view shows the lead itself rather than the same words twice."""
    head = title.rstrip("…").rstrip()
    return len(head) >= 12 and lead.startswith(head)


def _removed_para(item: Any) -> Para:
    reason = str(getattr(item, "reason", "") or "removed")
    text = item.text.strip("\n")
    return Para(f"✂ {text}  ({reason})", "removed", None, note=reason)


def raw_paras(raw: str) -> list[Para]:
    """The raw text, one paragraph per source line."""
    return [Para(line, "raw", None) for line in raw.split("\n")]


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of `text` to `width` cells; returns `(start, end)` slices, one per line.

    Newlines force a break; words longer than the width are cut. Trailing spaces stay on the line
    they follow (so offsets cover the whole text), the renderer strips them.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw_line in text.split("\n"):
        line_start = pos
        line_end = pos + len(raw_line)
        if not raw_line:
            lines.append((line_start, line_start))
            pos = line_end + 1
            continue
        start = line_start
        used = 0
        for match in re.finditer(r"\S+\s*", raw_line):
            w_start = line_start + match.start()
            word = match.group()
            word_cells = cell_len(word.rstrip())
            if used and used + word_cells > width:
                lines.append((start, w_start))
                start, used = w_start, 0
            while word_cells > width:  # a word longer than a line: cut it
                cut = _cut_at_cells(text, w_start, width - used)
                lines.append((start, cut))
                start, used = cut, 0
                w_start = cut
                word_cells = cell_len(text[cut : line_start + match.end()].rstrip())
            used += cell_len(word)
        lines.append((start, line_end))
        pos = line_end + 1
    return lines


def layout_lines(paras: list[Para], width: int) -> list[Line]:
    """Every screen line of `paras` at `width`, with a blank line between cleaned paragraphs."""
    lines: list[Line] = []
    gap = bool(paras) and paras[0].kind != "raw"
    for index, para in enumerate(paras):
        if index and gap:
            lines.append(Line(-1, 0, 0))
        lines.extend(Line(index, start, end) for start, end in wrap_offsets(para.text, width))
    return lines


def _cut_at_cells(text: str, start: int, cells: int) -> int:
    used = 0
    index = start
    while index < len(text) and used + cell_len(text[index]) <= max(1, cells):
        used += cell_len(text[index])
        index += 1
    return max(index, start + 1)


def sentences(document: Any) -> list[tuple[int, int]]:
    """Sentence spans in `Document.text`, within paragraphs and subheadings (split by
    `tui.lang.sentences`, as compare and the cleaner split them)."""
    from tui.lang.sentences import split

    spans: list[tuple[int, int]] = []
    text: str = document.text
    for block in document.blocks:
        chunk = text[block.start : block.end]
        for start, end in split(chunk):
            _add_span(spans, chunk, block.start, start, end)
    return spans


def _add_span(spans: list[tuple[int, int]], chunk: str, base: int, start: int, end: int) -> None:
    piece = chunk[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    spans.append((base + start + lead, base + start + lead + len(stripped)))


def line_of_offset(lines: list[Line], paras: list[Para], offset: int) -> int | None:
    """Index of the screen line showing `Document.text[offset]`, if it is on screen at all."""
    starts: list[int] = []
    indexes: list[int] = []
    for index, line in enumerate(lines):
        if line.para < 0:
            continue
        para_start = paras[line.para].start
        if para_start is None:
            continue
        starts.append(para_start + line.start)
        indexes.append(index)
    if not starts:
        return None
    position = bisect_right(starts, offset) - 1
    return indexes[max(0, position)]
