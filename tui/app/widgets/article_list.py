"""The article list: a virtual, Line-API list that asks its source for rows on demand.

There is never one widget per article. `render_line(y)` maps the screen line to a row index,
fetches the page holding it from the source (`rows(start, count)`), and keeps a few pages in a
small LRU cache — so a million-row catalogue costs what a five-row one does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.keymap import bindings_for
from tui.app.library import RowSource
from tui.app.widgets.styling import component_style
from tui.corpus.sanitize import sanitize_line

OPEN_MARK = "▶"
"""Drawn in the first cell of the article open in the reading view."""

_BOLD = Style(bold=True)

PAGE_SIZE = 128
"""Rows fetched from the source at a time."""


class _EmptySource:
    def __len__(self) -> int:
        return 0

    def rows(self, start: int, count: int) -> list[Any]:
        return []


class ArticleList(ScrollView, can_focus=True):
    """A scrolling list of articles with a cursor; Enter or a click opens one."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("list")

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--meta",
        "article-list--open",
    }

    DEFAULT_CSS = """
    ArticleList {
        background: $surface;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        & > .article-list--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .article-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .article-list--meta { color: $foreground-muted; }
        & > .article-list--open { color: $text-accent; text-style: bold; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True)
    """Index of the highlighted row in the current source."""

    open_id: reactive[str | None] = reactive(None)
    """Id of the article shown in the reading view (marked ▶ and drawn bold)."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved to a row."""

        article_list: ArticleList
        row: Any

    @dataclass
    class Selected(Message):
        """A row was chosen (Enter or click)."""

        article_list: ArticleList
        row: Any

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._source: RowSource = _EmptySource()
        self._pages: LRUCache[int, list[Any]] = LRUCache(maxsize=16)
        self._line_cache: LRUCache[tuple[Any, ...], Strip] = LRUCache(maxsize=256)
        self._row_styles: dict[bool, tuple[Style, Style, Style, Style]] = {}
        """Base, meta, open and cursor styles by focus; dropped with the line cache."""
        self._generation = 0
        self._row_height = 1
        self.empty_hint = ""
        """Shown (muted) when the list is empty: why, and how to widen it."""
        """2 while the source has search snippets: the title line and a line of the text."""

    # -- data ---------------------------------------------------------------------------------

    @property
    def source(self) -> RowSource:
        """The rows being shown."""
        return self._source

    def set_source(self, source: RowSource, keep_id: str | None = None) -> None:
        """Show `source`; put the cursor on `keep_id` if it is in the first pages, else on top."""
        self._source = source
        self._pages.clear()
        self._line_cache.clear()
        self._generation += 1
        self._row_height = 2 if getattr(source, "snippets", None) else 1
        self.virtual_size = Size(
            self.scrollable_content_region.width, len(source) * self._row_height
        )
        index = 0
        if keep_id is not None:
            finder = getattr(source, "index_of", None)
            found = finder(keep_id) if finder else None
            if found is not None:
                index = found
        self.cursor = min(index, max(0, len(source) - 1))
        self.refresh()

    def row_at(self, index: int) -> Any | None:
        """The row at `index`, fetched through the page cache."""
        if index < 0 or index >= len(self._source):
            return None
        page_no = index // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            page = list(self._source.rows(page_no * PAGE_SIZE, PAGE_SIZE))
            self._pages[page_no] = page
        offset = index - page_no * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    @property
    def highlighted_row(self) -> Any | None:
        """The row under the cursor."""
        return self.row_at(self.cursor)

    # -- cursor -------------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._source) - 1)) if len(self._source) else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        height = self._row_height
        self.scroll_to_region(Region(0, new * height, 1, height), animate=False, force=True)
        row = self.highlighted_row
        if row is not None:
            self.post_message(self.Highlighted(self, row))

    def watch_open_id(self) -> None:
        self.refresh()

    def action_cursor_down(self) -> None:
        """Next article."""
        self.cursor += 1

    def action_cursor_up(self) -> None:
        """Previous article."""
        self.cursor -= 1

    def action_cursor_first(self) -> None:
        """First article."""
        self.cursor = 0

    def action_cursor_last(self) -> None:
        """Last article."""
        self.cursor = len(self._source) - 1

    def action_page_down(self) -> None:
        """One screen down."""
        self.cursor += max(1, self.scrollable_content_region.height // self._row_height - 1)

    def action_page_up(self) -> None:
        """One screen up."""
        self.cursor -= max(1, self.scrollable_content_region.height // self._row_height - 1)

    def action_open(self) -> None:
        """Open the highlighted article."""
        row = self.highlighted_row
        if row is not None:
            self.post_message(self.Selected(self, row))

    def on_click(self, event: events.Click) -> None:
        index = (int(self.scroll_offset.y) + event.y) // self._row_height
        if 0 <= index < len(self._source):
            self.cursor = index
            self.action_open()

    # -- rendering ----------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._line_cache.clear()
        self.virtual_size = Size(
            self.scrollable_content_region.width, len(self._source) * self._row_height
        )

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._line_cache.clear()
        self._row_styles.clear()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index, part = divmod(scroll_y + y, self._row_height)
        width = self.scrollable_content_region.width
        row = self.row_at(index)
        if row is None:
            if not len(self._source) and self.empty_hint and scroll_y + y == 1:
                _base, meta, _open, _cursor = self._styles()
                text = _fit(" " + self.empty_hint, width)
                return Strip([Segment(text, meta)]).apply_style(self.rich_style)
            return Strip.blank(width, self.rich_style)
        is_cursor = index == self.cursor
        key = (
            self._generation,
            index,
            part,
            width,
            is_cursor,
            row.id == self.open_id,
            self.has_focus,
        )
        strip = self._line_cache.get(key)
        if strip is None:
            if part:
                strip = self._render_snippet(row, width, is_cursor)
            else:
                strip = self._render_row(row, width, is_cursor)
            self._line_cache[key] = strip
        return strip

    def _render_snippet(self, row: Any, width: int, is_cursor: bool) -> Strip:
        """The second line of a search hit: its text around the match, muted."""
        base, meta_style, _open, cursor_style = self._styles()
        snippets = getattr(self._source, "snippets", None) or {}
        text = _fit(sanitize_line(snippets.get(row.id, "")), max(0, width - 3))
        strip = Strip([Segment("   "), Segment(text, meta_style)])
        strip = strip.extend_cell_length(width).crop(0, width).apply_style(base)
        if is_cursor:
            strip = Strip(Segment.apply_style(strip, post_style=cursor_style), width)
        return strip.simplify()

    def _styles(self) -> tuple[Style, Style, Style, Style]:
        """(base, meta, open, cursor) rich styles, computed once per style change and focus
        (`rich_style` walks the ancestors: a few tenths of a ms per call). Colours are resolved
        as drawn (`styling.component_style`): «auto 60%» is a grey, not white."""
        styles = self._row_styles.get(self.has_focus)
        if styles is None:
            styles = self._row_styles[self.has_focus] = (
                self.rich_style,
                component_style(self, "article-list--meta"),
                component_style(self, "article-list--open"),
                component_style(self, "article-list--cursor"),
            )
        return styles

    def _render_row(self, row: Any, width: int, is_cursor: bool) -> Strip:
        # Segments straight from the fitted cells (no rich Text per row and per cell: a screenful
        # of rows is part of the first frame).
        base, meta_style, open_style, cursor_style = self._styles()
        columns = _columns(width)
        title_width = width - sum(w + 1 for _, w in columns) - 1
        is_open = row.id == self.open_id
        # The open article: a mark in the first cell and a bold title (the cursor is a background).
        segments = [Segment(OPEN_MARK, open_style) if is_open else Segment(" ")]
        title = _fit(sanitize_line(row.title or row.id), title_width)
        if title:
            segments.append(Segment(title, _BOLD if is_open else None))
        for name, col_width in columns:
            cell = _fit(_column_value(row, name), col_width)
            segments.append(Segment(" "))
            if cell:
                segments.append(
                    Segment(cell.strip().rjust(col_width) if name == "words" else cell, meta_style)
                )
        strip = Strip(segments).extend_cell_length(width).crop(0, width).apply_style(base)
        if is_cursor:  # over every cell's own colours: the whole row takes the cursor's
            strip = Strip(Segment.apply_style(strip, post_style=cursor_style), width)
        return strip.simplify()


COLUMN_TITLES: dict[str, str] = {
    "title": "Title",
    "outlet": "Outlet",
    "language": "Lang",
    "date": "Date",
    "words": "Words",
}


def header_text(width: int, sort: str, descending: bool, title: str = "Title") -> str:
    """The column titles for a list `width` cells wide, the sorted one marked ↓ or ↑."""
    columns = _columns(width)
    title_width = width - sum(w + 1 for _, w in columns) - 1
    arrow = "↓" if descending else "↑"

    def name(key: str, col_width: int) -> str:
        label = (title if key == "title" else COLUMN_TITLES[key]) + (arrow if key == sort else "")
        return _fit(label, col_width)

    parts = [" " + name("title", title_width)]
    for key, col_width in columns:
        label = name(key, col_width)
        parts.append(label.strip().rjust(col_width) if key == "words" else label)
    return " ".join(parts)


def column_at(width: int, x: int) -> str:
    """Which column ("title", "outlet", …) cell `x` of a `width`-wide header falls in."""
    columns = _columns(width)
    edge = width - sum(w + 1 for _, w in columns)
    if x < edge:
        return "title"
    for key, col_width in columns:
        edge += col_width + 1
        if x < edge:
            return key
    return columns[-1][0] if columns else "title"


def _columns(width: int) -> list[tuple[str, int]]:
    """Metadata columns that fit beside a title given most of the room (at least ~30 cells:
    a title cut at 24 says little), the least needed dropped first: words, then language."""
    if width >= 88:
        return [("outlet", 12), ("language", 4), ("date", 10), ("words", 5)]
    if width >= 72:
        return [("outlet", 12), ("language", 4), ("date", 10)]
    if width >= 52:
        return [("outlet", 10), ("date", 10)]
    if width >= 42:
        return [("outlet", 10)]
    return []


def _column_value(row: Any, name: str) -> str:
    value = getattr(row, name)
    if value is None:
        return "—"
    return sanitize_line(str(value))


def _fit(value: str, width: int) -> str:
    """Pad or cut `value` to exactly `width` cells (ellipsis when cut), as rich's
    `Text.truncate(width, overflow="ellipsis", pad=True)` does."""
    if width <= 0:
        return ""
    length = cell_len(value)
    if length > width:
        return set_cell_size(value, width - 1) + "…"
    return value + " " * (width - length)
