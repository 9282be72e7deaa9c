"""The list pane: search box, status line and the virtual article list, plus the query state.

The pane owns how the list is sorted, filtered and searched (`query_state`); the screen hands it
the library and forwards the keys. A text query goes to the catalogue's full-text search in a
thread worker; sorts and filters are indexed queries and run at once.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from time import monotonic
from typing import Any

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from tui.app.library import SORT_KEYS, ViewQuery
from tui.app.widgets.article_list import ArticleList, column_at, header_text
from tui.corpus.sanitize import sanitize_line

SEARCH_DEBOUNCE = 0.15
"""Seconds of quiet typing before the search runs."""


BUSY_AFTER = 0.15
"""Seconds a list rebuild may take before the status line says «sorting…» / «searching…»."""


class ListPane(Vertical):
    """Search box, status line and article list."""

    query_state: var[ViewQuery] = var(ViewQuery)
    """How the list is sorted, filtered and searched."""

    scan_state: var[str] = var("opening…")
    """What the catalogue scan is doing ("" when idle); shown in the status line."""

    @dataclass
    class ViewReady(Message):
        """The rows for `query` (a sorted, filtered view or search hits)."""

        query: ViewQuery
        view: Any

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library: Any | None = None
        self.last_refresh = 0.0
        """When the rows were last asked for (the scan refreshes at most every few seconds)."""
        self._pending: object | None = None
        """The rebuild under way (a token), until its rows are shown."""
        self._busy = ""
        self._filter_timer: Timer | None = None
        self._select_id: str | None = None
        self._open_best: ViewQuery | None = None
        """Enter in the search box: open the best hit of this query once its rows are shown."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Search text (word forms; Enter: keep, Esc: clear)", id="filter")
        yield Static(Text("Opening corpus…"), id="list-status")
        yield Static(Text(""), id="list-header")
        yield ArticleList(id="articles")

    def on_mount(self) -> None:
        self.query_one("#filter").display = False

    @property
    def article_list(self) -> ArticleList:
        """The virtual list."""
        return self.query_one(ArticleList)

    @property
    def filter_input(self) -> Input:
        """The search box."""
        return self.query_one("#filter", Input)

    def set_status(self, message: str) -> None:
        """Replace the status line (errors)."""
        self.query_one("#list-status", Static).update(Text(message))

    def set_library(
        self,
        library: Any,
        select_id: str | None = None,
        first: tuple[ViewQuery, Any] | None = None,
    ) -> None:
        """Show rows from `library` from now on, the cursor on `select_id` if it is listed.

        `first` is a (query, view) pair already built off the UI thread: shown at once if the
        query is still the current one.
        """
        self.library = library
        self._select_id = select_id
        if first is not None and first[0] == self.query_state:
            self.last_refresh = monotonic()
            self._show_view(first[1])
        else:
            self.refresh_view()
        self.update_header()

    # -- rows ---------------------------------------------------------------------------------

    def watch_query_state(self) -> None:
        self.refresh_view()
        self.update_header()

    @on(events.Resize)
    def _resized(self) -> None:
        self.call_after_refresh(self.update_header)

    @on(events.Click, "#list-header")
    def _header_clicked(self, event: events.Click) -> None:
        """Click a column title to sort by it; click it again to reverse."""
        width = self.article_list.scrollable_content_region.width or self.size.width
        key = column_at(width, event.x)
        if key == self.query_state.sort:
            self.reverse_sort()
        else:
            self.set_query(sort=key, descending=key in ("date", "words"))

    def update_header(self) -> None:
        """Column titles matching the list's current width; the sort column marked."""
        width = self.article_list.scrollable_content_region.width or self.size.width
        query = self.query_state
        ranked = bool(query.text) and hasattr(self.library, "search_view")
        # Search hits come best first, whatever the sort.
        sort = "" if ranked else query.sort
        title = "Title (best matches first)" if ranked else "Title"
        header = header_text(width, sort, query.descending, title)
        self.query_one("#list-header", Static).update(Text(header, no_wrap=True, overflow="crop"))

    def watch_scan_state(self) -> None:
        self.update_status()

    def refresh_view(self) -> None:
        """Ask the library for rows matching the query and show them."""
        if self.library is None:
            return
        self.last_refresh = monotonic()
        if hasattr(self.library, "search_view"):  # a catalogue: any query may take a while
            token = self._pending = object()
            self.set_timer(BUSY_AFTER, lambda: self._mark_busy(token))
            self._view_worker(self.query_state)
            return
        self._show_view(self.library.view(self.query_state))

    def _mark_busy(self, token: object) -> None:
        """Say the list is being rebuilt when it takes a while (a first sort of 1M rows: seconds)."""
        if self._pending is token:
            self._busy = "searching…" if self.query_state.text else "sorting…"
            self.update_status()

    def _not_busy(self) -> None:
        self._pending = None
        if self._busy:
            self._busy = ""
            self.update_status()

    def _show_view(self, view: Any) -> None:
        self._pending = None
        self._busy = ""
        keep = self.article_list.highlighted_row
        keep_id = self._select_id or (keep.id if keep else None)
        if self.query_state.text and not self._select_id:
            keep_id = None  # search hits: the cursor starts on the best one
        self._select_id = None
        self.article_list.set_source(view, keep_id=keep_id)
        self.update_status()
        self._maybe_open_best()

    def _maybe_open_best(self) -> None:
        """After Enter in the search box: open the best hit once the rows for it are shown."""
        if self._open_best is None or self._open_best != self.query_state or self._pending:
            return
        self._open_best = None
        articles = self.article_list
        if len(articles.source):
            articles.cursor = 0
            row = articles.highlighted_row
            if row is not None:
                self.post_message(ArticleList.Selected(articles, row))

    @work(thread=True, exclusive=True, group="view")
    def _view_worker(self, query: ViewQuery) -> None:
        """Build the rows for `query` off the UI thread (1M rowids take a few hundred ms)."""
        assert self.library is not None
        try:
            build = self.library.search_view if query.text else self.library.view
            view = build(query)
        except Exception as exc:  # noqa: BLE001 - a bad query is a message, not a crash
            message = sanitize_line(str(exc)) or type(exc).__name__
            self.app.call_from_thread(self._not_busy)
            self.app.call_from_thread(
                self.notify,
                message,
                title="Cannot list the articles",
                severity="error",
                markup=False,
            )
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.ViewReady(query, view))

    @on(ViewReady)
    def _view_ready(self, event: ViewReady) -> None:
        event.stop()
        if event.query == self.query_state:
            self._show_view(event.view)

    def update_status(self) -> None:
        """Count, scan progress and query, in one line."""
        if self.library is None:
            return
        source = self.article_list.source
        shown = len(source)
        total = len(self.library)
        filtered = bool(self.query_state.describe())
        # Unfiltered, the list shows every article it has loaded (while a scan adds more, the
        # catalogue may be a commit ahead of the list: not «0 of 2,048», which reads as a filter).
        count = f"{shown:,} of {total:,} articles" if filtered else f"{shown:,} articles"
        matches = getattr(source, "total", None)
        if matches is not None:
            best = f"best {shown:,} of " if matches > shown else ""
            count = f"{best}{matches:,} matching · {getattr(source, 'took_ms', 0.0):.0f} ms"
        parts = [count, self._busy, self.scan_state, self.query_state.describe()]
        self.set_status(" · ".join(p for p in parts if p))
        hint = ""
        if shown == 0 and filtered and not self._busy:
            ways = []
            if self.query_state.text:
                ways.append("Esc clears the search")
            if self.query_state.outlet or self.query_state.language:
                ways.append("o or l, then «All», lifts the filter")
            hint = f"Nothing matches {self.query_state.describe()}: {'; '.join(ways)}."
        if hint != self.article_list.empty_hint:
            self.article_list.empty_hint = hint
            self.article_list.refresh()

    # -- search box ---------------------------------------------------------------------------

    def open_filter(self) -> None:
        """Show the search box and focus it."""
        self.filter_input.display = True
        self.filter_input.focus()

    def close_filter(self, clear: bool) -> None:
        """Hide the search box (keeping its query unless `clear`) and focus the list."""
        if clear:
            self.filter_input.value = ""
            self.set_query(text="")
        self.filter_input.display = bool(self.filter_input.value)
        self.article_list.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._filter_timer is not None:
            self._filter_timer.stop()
        # Blank is no search; a trailing space stays (it tells the engine the word is complete).
        value = event.value if event.value.strip() else ""
        self._filter_timer = self.set_timer(SEARCH_DEBOUNCE, lambda: self.set_query(text=value))

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        """Enter: search for the text as typed (the last word complete) and open the best hit."""
        event.stop()
        if self._filter_timer is not None:
            self._filter_timer.stop()
        text = event.value if event.value.strip() else ""
        self.close_filter(clear=False)
        if not text:
            self.set_query(text="")
            return
        self._open_best = dataclasses.replace(self.query_state, text=text)
        if self._open_best == self.query_state:  # the rows are those of this query already
            self._maybe_open_best()
        else:
            self.set_query(text=text)

    # -- sorting and filtering ----------------------------------------------------------------

    def set_query(self, **changes: Any) -> None:
        """Change some fields of the query (a no-op if nothing changes)."""
        new = dataclasses.replace(self.query_state, **changes)
        if new != self.query_state:
            self.query_state = new

    def cycle_sort(self) -> None:
        """Sort by the next key (date, title, outlet, language, words)."""
        current = self.query_state.sort
        index = SORT_KEYS.index(current) if current in SORT_KEYS else -1
        sort = SORT_KEYS[(index + 1) % len(SORT_KEYS)]
        self.set_query(sort=sort, descending=sort in ("date", "words"))

    def reverse_sort(self) -> None:
        """Reverse the sort order."""
        self.set_query(descending=not self.query_state.descending)
