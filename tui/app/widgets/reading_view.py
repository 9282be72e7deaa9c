"""The reading view: the cleaned article, entities highlighted by type, sentences selectable.

A Line-API `ScrollView`: the text is wrapped once per width into `Line`s (slices of paragraphs),
and each screen line is styled on demand. Article text only ever becomes `rich.text.Text` built
from plain strings — it is never parsed as markup, so `[@click=app.quit]` in an article is text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from tui.app.keymap import bindings_for
from tui.app.widgets.styling import component_style
from tui.app.widgets.text_layout import (
    Line,
    Para,
    document_paras,
    layout_lines,
    line_of_offset,
    raw_paras,
    sentences,
)
from tui.corpus.sanitize import sanitize_line

# Fact kind → component class used to highlight it.
HIGHLIGHT_CLASSES: dict[str, str] = {
    "PER": "reading-view--per",
    "ORG": "reading-view--org",
    "LOC": "reading-view--loc",
    "date": "reading-view--date",
    "quantity": "reading-view--quantity",
    "source": "reading-view--source",
}

# Control characters and bidi overrides; the corpus reader already strips them, this is a second
# line of defence that keeps offsets intact (one replacement character per character removed).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _defuse(text: str) -> str:
    return _CONTROL.sub("\ufffd", text)


ASYNC_WRAP_CHARS = 200_000
"""Articles longer than this are wrapped in a thread worker (about 0.3 s per MB)."""

PLACEHOLDER = "Choose an article in the list and press Enter.\n\nPress ? for every key."


class ReadingView(ScrollView, can_focus=True):
    """One article, wrapped to the pane's width."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("reader")

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reading-view--title",
        "reading-view--date-line",
        "reading-view--subheading",
        "reading-view--removed",
        "reading-view--placeholder",
        "reading-view--sentence",
        "reading-view--mention",
        "reading-view--noted",
        "reading-view--match",
        *HIGHLIGHT_CLASSES.values(),
    }

    DEFAULT_CSS = """
    ReadingView {
        background: $surface;
        padding: 0 1;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        & > .reading-view--title { text-style: bold; color: $text-primary; }
        & > .reading-view--date-line { color: $foreground-muted; }
        & > .reading-view--subheading { text-style: bold; }
        & > .reading-view--removed { color: $foreground-muted; text-style: italic; }
        & > .reading-view--placeholder { color: $foreground-muted; }
        & > .reading-view--sentence { background: $primary 35%; color: $foreground; }
        & > .reading-view--mention { background: $warning 40%; color: $foreground; text-style: bold; }
        & > .reading-view--noted {
            background: $secondary 25%;
            color: $foreground;
            text-style: underline;
        }
        & > .reading-view--match { background: $accent 40%; color: $foreground; text-style: bold; }
        & > .reading-view--per { color: $text-accent; text-style: bold; }
        & > .reading-view--org { color: $text-secondary; text-style: bold; }
        & > .reading-view--loc { color: $text-success; }
        & > .reading-view--date { color: $text-warning; }
        & > .reading-view--quantity { color: $text-warning; text-style: bold; }
        & > .reading-view--source { color: $text-error; }
    }
    """

    raw: reactive[bool] = reactive(False)
    """Show the raw text instead of the cleaned one."""

    reveal_removed: reactive[bool] = reactive(False)
    """Show the blocks the cleaner removed, dimmed, where they were."""

    @dataclass
    class MatchChanged(Message):
        """The search matches or the current one changed (`index` None: none current)."""

        reading_view: ReadingView
        index: int | None
        count: int

    @dataclass
    class FindRequested(Message):
        """`/` in the reading view: the screen opens the find box."""

        reading_view: ReadingView

    @dataclass
    class SentenceChanged(Message):
        """The selected sentence changed (None: no selection)."""

        reading_view: ReadingView
        span: tuple[int, int] | None

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article: Any | None = None
        self.document: Any | None = None
        self._facts: Any | None = None
        self._spans: list[tuple[int, int, str]] = []
        self._paras: list[Para] = [Para(PLACEHOLDER, "placeholder", None)]
        self._lines: list[Line] = []
        self._sentence_spans: list[tuple[int, int]] | None = []
        self._sentence: int | None = None
        self._mention: tuple[int, int] | None = None
        self._noted: list[tuple[int, int]] = []
        """Passages that carry a note (marked: underlined on a tint)."""
        self._matches: list[tuple[int, int]] = []
        """Search matches in the text (highlighted; `n`/`N` go from one to the next)."""
        self._match: int | None = None
        self._para_text: dict[int, Text] = {}
        self._strips: LRUCache[tuple[int, int], Strip] = LRUCache(maxsize=512)
        self._wrapped_width = -1
        self._pending_width = -1
        self._chars = 0

    # -- content ------------------------------------------------------------------------------

    def show(self, article: Any, document: Any) -> None:
        """Show an article and its cleaned document (facts arrive later via `set_facts`)."""
        self.article = article
        self.document = document
        self._facts = None
        self._spans = []
        self._sentence_spans = None  # found on first use (a regex pass over the whole text)
        self._sentence = None
        self._mention = None
        self._noted = []
        self._matches = []
        self._match = None
        self._rebuild()
        self.scroll_to(0, 0, animate=False, force=True)
        self.post_message(self.SentenceChanged(self, None))

    def clear(self, message: str = PLACEHOLDER) -> None:
        """Show a message instead of an article."""
        self.article = None
        self.document = None
        self._facts = None
        self._spans = []
        self._sentence_spans = []
        self._sentence = None
        self._mention = None
        self._rebuild(placeholder=message)

    def set_facts(self, facts: Any) -> None:
        """Highlight the facts of the shown article (offsets into `Document.text`)."""
        self._facts = facts
        spans: list[tuple[int, int, str]] = []
        for entity in facts.entities:
            spans.append((entity.start, entity.end, entity.type))
        spans.extend((d.start, d.end, "date") for d in facts.dates)
        spans.extend((q.start, q.end, "quantity") for q in facts.quantities)
        spans.extend((s.start, s.end, "source") for s in facts.sources)
        self._spans = spans
        self._restyle()

    # -- search matches -------------------------------------------------------------------------

    def find(self, query: str, jump: bool = True) -> int:
        """Highlight the words of the cleaned text that `query` matches (word forms, as the
        corpus search finds them; a literal match when the query has no words) and, with
        `jump`, show the first one at or below the top of the view. Returns the count."""
        spans: list[tuple[int, int]] = []
        text = self.document.text if self.document is not None else ""
        if query.strip() and text:
            from tui.index.search import match_finder, match_spans

            finder = match_finder(query)
            if finder is not None:
                spans = match_spans(text, finder)
            else:
                needle = re.compile(re.escape(query.strip()), re.IGNORECASE)
                spans = [(m.start(), m.end()) for m in needle.finditer(text)]
        self._matches = spans
        self._match = None
        if self.raw and spans:
            self.raw = False
        self._restyle()
        if jump and spans:
            self._go_to_match(self._first_match_below_top())
        else:
            self.post_message(self.MatchChanged(self, None, len(spans)))
        return len(spans)

    @property
    def marked_span(self) -> tuple[int, int] | None:
        """The passage marked by a fact, quote, note or search match (None if none)."""
        return self._mention

    @property
    def matches(self) -> list[tuple[int, int]]:
        """The highlighted search matches (offsets into `Document.text`)."""
        return list(self._matches)

    @property
    def current_match(self) -> int | None:
        """Index of the match `n`/`N` last went to."""
        return self._match

    def _first_match_below_top(self) -> int:
        top = int(self.scroll_offset.y)
        for index, (start, _end) in enumerate(self._matches):
            line = line_of_offset(self._lines, self._paras, start)
            if line is None or line >= top:
                return index
        return 0

    def _go_to_match(self, index: int) -> None:
        self._match = index
        self._mention = self._matches[index]
        self._restyle()
        self._scroll_to_offset(self._matches[index][0])
        self.post_message(self.MatchChanged(self, index, len(self._matches)))

    def action_next_match(self) -> None:
        """Go to the next match (wraps around)."""
        if self._matches:
            index = 0 if self._match is None else (self._match + 1) % len(self._matches)
            self._go_to_match(index)

    def action_previous_match(self) -> None:
        """Go to the previous match (wraps around)."""
        if self._matches:
            count = len(self._matches)
            index = count - 1 if self._match is None else (self._match - 1) % count
            self._go_to_match(index)

    def action_find(self) -> None:
        """Ask the screen for the find box."""
        self.post_message(self.FindRequested(self))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`n`/`N` go through matches only while there are some (else they add or list notes)."""
        if action in ("next_match", "previous_match"):
            return bool(self._matches)
        if action == "find":
            return self.document is not None
        return True

    def set_noted(self, spans: list[tuple[int, int]]) -> None:
        """Mark the passages of the shown article that carry a note."""
        self._noted = sorted(spans)
        self._restyle()

    @property
    def noted(self) -> list[tuple[int, int]]:
        """The passages marked as noted."""
        return list(self._noted)

    @property
    def _sentences(self) -> list[tuple[int, int]]:
        if self._sentence_spans is None:
            self._sentence_spans = sentences(self.document) if self.document is not None else []
        return self._sentence_spans

    @property
    def selected_span(self) -> tuple[int, int] | None:
        """The selected sentence as offsets into `Document.text`."""
        if self._sentence is None:
            return None
        return self._sentences[self._sentence]

    def highlight_styles(self) -> dict[str, Style]:
        """The style of each highlighted kind ("PER", "ORG", "LOC", "date", …), for legends."""
        styles = {kind: self._style(cls) for kind, cls in HIGHLIGHT_CLASSES.items()}
        styles["muted"] = self._style("reading-view--date-line")  # a colour, not SGR «dim»
        return styles

    @property
    def line_count(self) -> int:
        """Number of wrapped lines (for tests and the status bar)."""
        return len(self._lines)

    def visible_text(self) -> str:
        """The wrapped text as plain lines (tests, e2e checks)."""
        return "\n".join(self._line_text(index).plain.rstrip() for index in range(len(self._lines)))

    def watch_raw(self) -> None:
        self._sentence = None
        self._mention = None
        self._rebuild()

    def watch_reveal_removed(self) -> None:
        self._rebuild()

    def _rebuild(self, placeholder: str | None = None) -> None:
        if placeholder is not None:
            self._paras = [Para(placeholder, "placeholder", None)]
        elif self.article is None or self.document is None:
            self._paras = [Para(PLACEHOLDER, "placeholder", None)]
        elif self.raw:
            self._paras = raw_paras(self.article.raw)
        else:
            self._paras = document_paras(
                self.document, self.reveal_removed, getattr(self.article, "raw", None)
            )
            if not self.document.blocks and not self.reveal_removed:
                self._paras.append(Para(self._nothing_kept(), "placeholder", None))
            url = getattr(self.article, "url", None)
            if url:  # the source, under the headline and date (u opens it)
                at = 0
                while at < len(self._paras) and self._paras[at].kind in ("title", "date"):
                    at += 1
                while at == 0 and at < len(self._paras) and self._paras[at].kind == "removed":
                    at += 1  # what stood above the headline stays above it
                self._paras.insert(at, Para(sanitize_line(str(url)), "url", None))
        self._chars = sum(len(p.text) for p in self._paras)
        self._wrapped_width = self._pending_width = -1
        self._lines = []
        self._rewrap()

    def _nothing_kept(self) -> str:
        """What to say when the cleaner kept nothing of a page (a list of headlines, a menu)."""
        removed = list(self.document.removed) if self.document is not None else []
        keys = getattr(self.app, "keymap_in_force", {})
        raw_key = keys.get("main.toggle-raw", "r")
        removed_key = keys.get("main.toggle-removed", "x")
        if not removed:
            return f"This page holds no article text. {raw_key} shows the file as read."
        reasons = ", ".join(dict.fromkeys(r.reason for r in removed))
        return (
            f"No article text was found on this page: the cleaner removed {len(removed)} "
            f"block(s) ({reasons}). {removed_key} shows them in place, {raw_key} the file as read."
        )

    def _rewrap(self) -> None:
        if not self.scrollable_content_region.width:  # not laid out yet: wait for a size
            return
        width = max(10, self.scrollable_content_region.width)
        if width in (self._wrapped_width, self._pending_width):
            return
        paras = self._paras
        if self._chars > ASYNC_WRAP_CHARS:  # a huge page: lay it out off the UI thread
            self._pending_width = width
            self._wrap_worker(paras, width)
            return
        self._apply_wrap(paras, width, layout_lines(paras, width))

    @work(thread=True, exclusive=True, group="wrap")
    def _wrap_worker(self, paras: list[Para], width: int) -> None:
        lines = layout_lines(paras, width)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._apply_wrap, paras, width, lines)

    def _apply_wrap(self, paras: list[Para], width: int, lines: list[Line]) -> None:
        if paras is not self._paras:  # laid out for an article no longer shown
            return
        self._pending_width = -1
        self._wrapped_width = width
        self._lines = lines
        self.virtual_size = Size(width, len(lines))
        self._restyle()

    def _restyle(self) -> None:
        self._para_text.clear()
        self._strips.clear()
        self.refresh()

    # -- rendering ----------------------------------------------------------------------------

    def on_resize(self) -> None:
        self._rewrap()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._para_text.clear()
        self._strips.clear()

    def _style(self, name: str) -> Style:
        """A component's style with its colours as drawn (see `styling.component_style`)."""
        return component_style(self, name)

    def _para_styled(self, index: int) -> Text:
        cached = self._para_text.get(index)
        if cached is not None:
            return cached
        para = self._paras[index]
        base = {
            "title": "reading-view--title",
            "date": "reading-view--date-line",
            "url": "reading-view--date-line",
            "subheading": "reading-view--subheading",
            "removed": "reading-view--removed",
            "placeholder": "reading-view--placeholder",
        }.get(para.kind)
        text = Text(_defuse(para.text), style=self._style(base) if base else "", end="")
        if para.start is not None:
            p_start, p_end = para.start, para.start + len(para.text)
            for start, end, kind in self._spans:
                if end > p_start and start < p_end:
                    text.stylize(
                        self._style(HIGHLIGHT_CLASSES[kind]), start - p_start, end - p_start
                    )
            for start, end in self._noted:
                if end > p_start and start < p_end:
                    text.stylize(self._style("reading-view--noted"), start - p_start, end - p_start)
            for start, end in self._matches:
                if end > p_start and start < p_end:
                    text.stylize(self._style("reading-view--match"), start - p_start, end - p_start)
            for span, cls in (
                (self.selected_span, "reading-view--sentence"),
                (self._mention, "reading-view--mention"),
            ):
                if span and span[1] > p_start and span[0] < p_end:
                    text.stylize(self._style(cls), span[0] - p_start, span[1] - p_start)
        self._para_text[index] = text
        return text

    def _line_text(self, index: int) -> Text:
        line = self._lines[index]
        if line.para < 0:
            return Text("", end="")
        text = self._para_styled(line.para)[line.start : line.end]
        text.rstrip()
        return text

    def render_line(self, y: int) -> Strip:
        self._rewrap()
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        key = (index, width)
        strip = self._strips.get(key)
        if strip is None:
            segments = list(self._line_text(index).render(self.app.console))
            strip = Strip(segments).extend_cell_length(width).crop(0, width)
            strip = strip.apply_style(self.rich_style).simplify()
            self._strips[key] = strip
        return strip

    # -- movement -----------------------------------------------------------------------------

    def _scroll_to_offset(self, offset: int, center: bool = True) -> None:
        self._rewrap()
        line = line_of_offset(self._lines, self._paras, offset)
        if line is not None:
            self.scroll_to_region(Region(0, line, 1, 1), animate=False, center=center, force=True)

    def show_mention(self, start: int, end: int) -> None:
        """Mark `Document.text[start:end]` and scroll it into view (switches off raw mode)."""
        if self.raw:
            self.raw = False
        self._mention = (start, end)
        self._restyle()
        self._scroll_to_offset(start)

    def _select(self, index: int | None) -> None:
        if self.raw and index is not None:
            self.raw = False
        self._sentence = index
        self._restyle()
        span = self.selected_span
        if span:
            self._scroll_to_offset(span[0], center=False)
        self.post_message(self.SentenceChanged(self, span))

    def _first_visible_sentence(self) -> int:
        top = int(self.scroll_offset.y)
        for index, line in enumerate(self._lines[top:], start=top):
            para = self._paras[line.para] if line.para >= 0 else None
            if para is not None and para.start is not None:
                offset = para.start + line.start
                for s_index, (_start, e) in enumerate(self._sentences):
                    if e > offset:
                        return s_index
            if index - top > self.size.height:
                break
        return 0

    def offset_at(self, x: int, y: int) -> int | None:
        """The `Document.text` offset under screen cell (x, y) of this widget, if any."""
        index = int(self.scroll_offset.y) + y
        if not 0 <= index < len(self._lines):
            return None
        line = self._lines[index]
        para = self._paras[line.para] if line.para >= 0 else None
        if para is None or para.start is None:
            return None
        column = max(0, x - self.styles.padding.left)
        return para.start + min(line.end, line.start + column)

    def on_click(self, event: events.Click) -> None:
        """A click selects the sentence under the mouse."""
        offset = self.offset_at(event.x, event.y)
        if offset is None:
            return
        for index, (start, end) in enumerate(self._sentences):
            if start <= offset < end:
                self._select(index)
                return

    def action_next_sentence(self) -> None:
        """Select the next sentence (for a note on a passage)."""
        if not self._sentences:
            return
        if self._sentence is None:
            self._select(self._first_visible_sentence())
        else:
            self._select(min(self._sentence + 1, len(self._sentences) - 1))

    def action_previous_sentence(self) -> None:
        """Select the previous sentence."""
        if not self._sentences:
            return
        if self._sentence is None:
            self._select(self._first_visible_sentence())
        else:
            self._select(max(self._sentence - 1, 0))

    def action_clear_selection(self) -> None:
        """Drop the sentence selection and the mention mark."""
        self._mention = None
        self._select(None)

    def clear_matches(self) -> None:
        """Drop the search matches."""
        if self._matches:
            self._matches = []
            self._match = None
            self._mention = None
            self._restyle()
            self.post_message(self.MatchChanged(self, None, 0))

    def action_scroll_down(self) -> None:
        """One line down."""
        self.scroll_relative(y=1, animate=False)

    def action_scroll_up(self) -> None:
        """One line up."""
        self.scroll_relative(y=-1, animate=False)

    def action_scroll_home(self) -> None:
        """Top of the article."""
        self.scroll_to(y=0, animate=False)

    def action_scroll_end(self) -> None:
        """End of the article."""
        self.scroll_to(y=self.max_scroll_y, animate=False)

    def action_page_down(self) -> None:
        """One screen down."""
        self.scroll_relative(y=max(1, self.size.height - 1), animate=False)

    def action_page_up(self) -> None:
        """One screen up."""
        self.scroll_relative(y=-max(1, self.size.height - 1), animate=False)
