"""One column of the comparison screen: an article's cleaned text, aligned passages highlighted.

The text is cut into pieces — at paragraph breaks and at the edges of aligned passages — and each
piece is a `Static` holding a `rich.text.Text` built from plain strings (never markup). Passage
pieces carry the classes `-same` or `-similar` (a tinted background and a bar in the margin — solid
for `same`, dashed for `similar`, so the kind shows in any terminal's colours) and `-current`
when they belong to the pair being looked at, so the screen can scroll both columns to the same pair.

The column's header is one line — which side it is and where the article comes from; the title is
not repeated there: the text itself starts with it (shown as a heading), then the date line (muted).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.app.keymap import bindings_for


@dataclass(slots=True)
class Piece:
    """A stretch of the text: plain, or part of one or more aligned passages."""

    start: int
    end: int
    kind: str | None = None
    pairs: set[int] = field(default_factory=set)


def cut_pieces(text: str, passages: Sequence[tuple[int, int, int, str]]) -> list[Piece]:
    """Cut `text` at paragraph breaks and passage edges.

    `passages` are (start, end, pair index, kind). Blank separators between paragraphs are dropped.
    A piece inside several passages takes the strongest kind (`same` over `similar`).
    """
    bounds = {0, len(text)}
    for start, end, _, _ in passages:
        bounds.update((start, end))
    pos = 0
    for para in text.split("\n\n"):
        bounds.update((pos, pos + len(para)))
        pos += len(para) + 2
    edges = sorted(b for b in bounds if 0 <= b <= len(text))
    pieces: list[Piece] = []
    for start, end in zip(edges, edges[1:], strict=False):
        chunk = text[start:end]
        if not chunk.strip():
            continue
        piece = Piece(start, end)
        for p_start, p_end, index, kind in passages:
            if p_start <= start and end <= p_end:
                piece.pairs.add(index)
                if piece.kind != "same":
                    piece.kind = kind
        pieces.append(piece)
    return pieces


class PassageColumn(VerticalScroll, can_focus=True):
    """An article's text with aligned passages highlighted; scrolls to a pair or an offset."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("compare-column")

    DEFAULT_CSS = """
    PassageColumn {
        padding: 0 1;
        scrollbar-size-vertical: 1;
        & > .piece { width: 1fr; border-left: blank; }
        & > .piece.-para-start { margin-top: 1; }
        & > .piece.-same { background: $success 25%; border-left: heavy $success; }
        & > .piece.-similar { background: $warning 25%; border-left: dashed $warning; }
        & > .piece.-current {
            background: $accent 40%;
            text-style: bold;
            border-left: thick $accent;
        }
        & > .column-header {
            dock: top;
            color: $text-muted;
            background: $panel;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
        & > .piece.-heading { text-style: bold; color: $text-primary; }
        & > .piece.-repeat { display: none; }
        & > .piece.-dateline { color: $text-muted; }
    }
    """

    def __init__(
        self,
        side: str,
        meta: str,
        text: str,
        passages: Sequence[tuple[int, int, int, str]],
        *,
        heading_end: int = 0,
        date_line: tuple[int, int] | None = None,
        hide_heading: bool = False,
        id: str | None = None,  # noqa: A002 - Textual's own name
    ) -> None:
        """`side` («A»/«B») and `meta` (outlet, language, date, id) make the one-line header;
        `text[:heading_end]` is the title, `date_line` the span of the date line."""
        super().__init__(id=id)
        self.side = side
        self.meta = meta
        self.text = text
        self.heading_end = heading_end
        self.date_line = date_line
        self.hide_heading = hide_heading
        """The title is the lead's first sentence (the page had no headline): not shown twice."""
        self.pieces = cut_pieces(text, passages)
        self._current: set[int] = set()
        self._marked: list[int] = []

    def compose(self) -> ComposeResult:
        header = Text(self.side, style="bold")
        header.append(" · " + self.meta)
        yield Static(header, classes="column-header")
        para_starts = {0}
        pos = 0
        for para in self.text.split("\n\n"):
            para_starts.add(pos)
            pos += len(para) + 2
        for i, piece in enumerate(self.pieces):
            classes = ["piece"]
            if piece.kind:
                classes.append(f"-{piece.kind}")
            if piece.start in para_starts and piece.start > 0:
                classes.append("-para-start")
            if piece.end <= self.heading_end:
                classes.append("-heading")
                if self.hide_heading:
                    classes.append("-repeat")
            elif self.date_line and self.date_line[0] <= piece.start < self.date_line[1]:
                classes.append("-dateline")
            yield Static(self._render_piece(piece), id=f"piece-{i}", classes=" ".join(classes))

    def _render_piece(self, piece: Piece, marks: Sequence[tuple[int, int]] = ()) -> Text:
        raw = self.text[piece.start : piece.end]
        offset = piece.start + len(raw) - len(raw.lstrip())
        text = Text(raw.strip())
        for start, end in marks:
            text.stylize("reverse", max(0, start - offset), max(0, end - offset))
        return text

    def piece_widget(self, index: int) -> Static:
        """The Static showing piece `index`."""
        return self.query_one(f"#piece-{index}", Static)

    def show_pair(self, pair: int | None) -> None:
        """Mark the pieces of `pair` as current and scroll the first one to the top."""
        for i in self._current_pieces():
            self.piece_widget(i).remove_class("-current")
        self._current = {pair} if pair is not None else set()
        first: Static | None = None
        for i in self._current_pieces():
            widget = self.piece_widget(i)
            widget.add_class("-current")
            first = first or widget
        if first is not None:
            self.call_after_refresh(self._scroll_to_top, first)  # after a hidden column shows

    def _scroll_to_top(self, widget: Static) -> None:
        """Scroll so `widget`'s first line is the column's first (under the header), not the blank
        margin above a paragraph — both columns then show a pair on the same row."""
        self.scroll_to_region(
            widget.virtual_region, spacing=widget.dock_gutter, top=True, animate=False
        )

    def _current_pieces(self) -> list[int]:
        return [i for i, p in enumerate(self.pieces) if p.pairs & self._current]

    def piece_at(self, offset: int) -> int | None:
        """Index of the piece containing `offset` (None if it falls between pieces)."""
        for i, piece in enumerate(self.pieces):
            if piece.start <= offset < piece.end:
                return i
        return None

    def mark(self, spans: Sequence[tuple[int, int]]) -> None:
        """Show `spans` (offsets into the text) in reverse video and scroll to the first."""
        for i in self._marked:
            self.piece_widget(i).update(self._render_piece(self.pieces[i]))
        self._marked = []
        by_piece: dict[int, list[tuple[int, int]]] = {}
        for start, end in spans:
            index = self.piece_at(start)
            if index is not None:
                by_piece.setdefault(index, []).append((start, end))
        for index, marks in by_piece.items():
            self.piece_widget(index).update(self._render_piece(self.pieces[index], marks))
            self._marked.append(index)
        if by_piece:
            first = min(by_piece)
            self.call_after_refresh(self._scroll_to_top, self.piece_widget(first))
