"""The main screen: article list, reading view and facts pane.

State flows down (the screen's reactives decide what the panes show), events flow up (the panes
post messages handled here with `@on`). Slow work — opening the corpus, cleaning, extracting
facts, looking up other mentions — runs in thread workers that post messages back.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from tui.app.background import run_cancellable
from tui.app.keymap import bindings_for
from tui.app.library import ViewQuery
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.facts_pane import FactsPane
from tui.app.widgets.list_pane import ListPane
from tui.app.widgets.reading_view import ReadingView
from tui.cancel import Cancelled, cancellable
from tui.corpus.sanitize import sanitize_line

if TYPE_CHECKING:
    from tui.app.app import SverkaApp

PRELOAD_WAIT = 0.2
"""Seconds the first frame may wait for the catalogue opened at start (else a worker opens it)."""

NARROW_WIDTH = 100

WATCH_DEBOUNCE_MS = 300
"""Changes to the corpus folder are gathered this long before the list is brought up to date."""

POLL_SECONDS = 2.0
"""Where the folder cannot be watched, how often it is re-scanned instead."""


def _corpus_file(change: Any, path: str) -> bool:
    """Whether a change concerns the corpus: article files and their sidecars."""
    name = path.rsplit("/", 1)[-1].lower()
    return not name.startswith(".") and name.endswith((".txt", ".md", ".toml"))


"""Below this many columns the panes collapse: list or article, one at a time."""


def browser_available() -> bool:
    """Whether a graphical browser can be started from here (else a console browser would take
    over the terminal the app is drawing on): $BROWSER set, a display, or macOS/Windows."""
    import os
    import sys

    if os.environ.get("BROWSER"):
        return True
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def skipped_summary(skipped: list[tuple[str, str]]) -> str:
    """One readable line about the files a scan could not read as articles."""
    from tui.corpus.reader import count_reasons  # only when files were skipped

    counts = count_reasons(reason for _path, reason in skipped)
    return sanitize_line(f"{len(skipped)} file(s) not loaded: {counts} (e.g. {skipped[0][0]})")


class MainScreen(Screen[None]):
    """List, article and facts side by side (or one at a time on a narrow terminal)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("main")
    HELP_TITLE = "main screen"
    HELP_GROUPS = ("list", "reader", "facts")
    """Listed by `?` even before the panes holding them are mounted."""
    AUTO_FOCUS = "ArticleList"
    """Focus starts on the list (Textual's default, the first focusable widget, is the hidden
    search box: focusing it and then the list restyled both before the first frame)."""

    show_facts: var[bool] = var(False)
    """Whether the facts pane is shown."""

    reading: var[bool] = var(False)
    """On a narrow terminal: the article is shown instead of the list."""

    narrow: var[bool] = var(False)
    """The terminal is too narrow for side-by-side panes."""

    @dataclass
    class LibraryReady(Message):
        """The corpus is open (with the rows for `query` when they were cheap to get)."""

        library: Any
        query: ViewQuery | None = None
        view: Any | None = None

    @dataclass
    class ScanProgress(Message):
        """The catalogue scan read `done` of `total` files."""

        done: int
        total: int

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, MainScreen.ScanProgress)

    @dataclass
    class LibraryRefreshed(Message):
        """The catalogue is up to date with the folder."""

        summary: str

    @dataclass
    class FolderChanged(Message):
        """Files of the corpus folder were added, changed or removed (`None`: watching failed,
        poll instead)."""

        error: str | None = None

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, MainScreen.FolderChanged)

    @dataclass
    class LibraryFailed(Message):
        """The corpus could not be opened."""

        error: str

    @dataclass
    class ArticleReady(Message):
        """An article was read and cleaned."""

        article: Any
        document: Any

    @dataclass
    class NotesFound(Message):
        """The passages of an article that carry notes."""

        article_id: str
        spans: list[tuple[int, int]]

    @dataclass
    class ArticleFailed(Message):
        """An article could not be read or cleaned."""

        error: str

    @dataclass
    class FactsReady(Message):
        """Facts of an article were extracted (or failed: `error`)."""

        article_id: str
        facts: Any | None
        error: str = ""

    @dataclass
    class MentionsReady(Message):
        """Other articles mentioning a fact."""

        item: Any
        rows: list[tuple[str, str]] | None

    def __init__(self) -> None:
        super().__init__()
        self.library: Any | None = None
        self.article: Any | None = None
        self.document: Any | None = None
        self.facts: Any | None = None
        self._facts_pane: FactsPane | None = None
        self._match_state = ""
        """«match 2/7» while the reading view shows search matches."""
        self._last_facts_state = ""
        self._watch_stop = threading.Event()
        self._watching: Any | None = None
        """The library whose folder is watched (a new corpus gets a new watcher)."""
        self._refreshing = False
        self._refresh_again = False
        self._skipped_shown = -1
        self._poll_timer: Any | None = None
        self._land: tuple[str, tuple[int, int] | None, tuple[str, str] | None] | None = None
        """Where to land in the article being opened: (id, a span of its text, or a fact's
        (kind, key) whose first mention is shown once its facts are extracted)."""

    @property
    def sverka(self) -> SverkaApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield ListPane(id="list-pane")
            with Vertical(id="reader-pane"):
                yield Static(Text(""), id="reader-status")
                yield ReadingView(id="reader")
                yield Input(placeholder="Find in this article (Enter: go, Esc: clear)", id="find")
            # The facts pane (hidden until F) is mounted after the first frame: see facts_pane.
        yield Footer(compact=True)

    @property
    def list_pane(self) -> ListPane:
        return self.query_one(ListPane)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def query_state(self) -> ViewQuery:
        """How the list is sorted, filtered and searched (held by the list pane)."""
        return self.list_pane.query_state

    @property
    def reader(self) -> ReadingView:
        return self.query_one(ReadingView)

    @property
    def facts_pane(self) -> FactsPane:
        """The facts pane, mounted on first use (at the latest just after the first frame: its
        tree and lists cost a tenth of the start-up while hidden)."""
        pane = self._facts_pane
        if pane is None:
            pane = self._facts_pane = FactsPane(id="facts-pane")
            self.query_one("#panes", Horizontal).mount(pane)
        return pane

    @property
    def find_input(self) -> Input:
        """The find-in-article box (`/` in the reading view)."""
        return self.query_one("#find", Input)

    def on_mount(self) -> None:
        self.find_input.display = False
        self.narrow = self.app.size.width < NARROW_WIDTH
        self.article_list.focus()
        # The preload thread is usually done by now, or needs only the interpreter for a moment
        # (imports kept it waiting): a short wait beats an empty first frame and a worker round.
        preloaded = self.sverka.preloaded_library(timeout=PRELOAD_WAIT)
        if preloaded is None:
            self.load_library(self.query_state)
        else:  # opened while Textual loaded: the first frame already shows the rows
            library, view = preloaded
            self._show_library(library, self.query_state if view is not None else None, view)
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        self.facts_pane  # noqa: B018 - mounts it
        self.sverka.first_frame_painted()

    def on_resize(self, event: events.Resize) -> None:
        self.narrow = event.size.width < NARROW_WIDTH
        self.call_after_refresh(self._refit_reader_status)

    def watch_narrow(self, narrow: bool) -> None:
        self.set_class(narrow, "-narrow")

    def watch_reading(self, reading: bool) -> None:
        self.set_class(reading, "-reading")

    def watch_show_facts(self, show: bool) -> None:
        self.set_class(show, "-facts")
        if self.is_mounted:  # the reader got narrower or wider: fit its status line again
            self.call_after_refresh(self._refit_reader_status)

    # -- opening the corpus -------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="library")
    def load_library(self, query: ViewQuery) -> None:
        """Open the corpus in a thread, with the rows for `query` if it is a catalogue."""
        try:
            library = self.sverka.open_library()
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            self.post_message(self.LibraryFailed(sanitize_line(str(exc)) or type(exc).__name__))
            return
        view = None
        if hasattr(library, "search_view"):  # a catalogue: build the first view here, one hop less
            try:
                view = library.view(query)
            except Exception:  # noqa: BLE001 - the list pane asks again and reports it
                view = None
        self.post_message(self.LibraryReady(library, query if view is not None else None, view))

    @on(LibraryReady)
    def _library_ready(self, event: LibraryReady) -> None:
        self._show_library(event.library, event.query, event.view)

    def _show_library(self, library: Any, query: ViewQuery | None, view: Any | None) -> None:
        """Show rows from `library` (`view` holds them for `query` if given), then, once they are
        painted, bring the catalogue up to date with the folder."""
        self.library = library
        scans = hasattr(library, "refresh")
        self.list_pane.scan_state = "checking files…" if scans else ""
        self.list_pane.set_library(
            library,
            select_id=self._last_article(library),
            first=(query, view) if query is not None and view is not None else None,
        )
        self.refresh_bindings()
        for message in getattr(library, "messages", []):
            self.notify(sanitize_line(message), severity="warning", markup=False)
        if scans:
            # After the first paint: the scan competes with the UI thread for the interpreter.
            self.call_after_refresh(self.refresh_library, library)

    def rescan(self) -> None:
        """Bring the list up to date with the folder (at once, or after the scan under way)."""
        library = self.library
        if library is None or not hasattr(library, "refresh"):
            return
        if self._refreshing:
            self._refresh_again = True
            return
        self.refresh_library(library)

    @work(thread=True, exclusive=True, group="library")
    def refresh_library(self, library: Any) -> None:
        """Read new and changed files into the catalogue, posting progress (a thread worker)."""
        self._refreshing = True
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            self.post_message(self.ScanProgress(done, total))

        try:
            summary = library.refresh(progress, lambda: worker.is_cancelled)
        except Exception as exc:  # noqa: BLE001
            self.post_message(self.LibraryFailed(sanitize_line(str(exc)) or type(exc).__name__))
            return
        self.post_message(self.LibraryRefreshed(summary))

    def _last_article(self, library: Any) -> str | None:
        """The article last read in this corpus (the cursor goes back to it; Enter reopens it).

        Only the cursor: opening would load the language model right after the first paint.
        """
        if not self.sverka.remember:
            return None
        from tui.app.state import last_article

        return last_article(library.root)

    @on(ScanProgress)
    def _scan_progress(self, event: ScanProgress) -> None:
        pane = self.list_pane
        pane.scan_state = (
            f"indexing {event.done:,}/{event.total:,}" if event.total else "checking files…"
        )
        # Every 2 s while a scan runs; every 0.3 s while the list is still empty (a cold scan's
        # first rows appear as soon as they are committed).
        wait = 0.3 if len(pane.article_list.source) == 0 else 2.0
        if monotonic() - pane.last_refresh > wait or (event.total and event.done == event.total):
            pane.refresh_view()

    @on(LibraryRefreshed)
    def _library_refreshed(self, event: LibraryRefreshed) -> None:
        self._refreshing = False
        self.list_pane.scan_state = ""
        self.list_pane.refresh_view()
        if len(self.library or ()) == 0 and self.article is None:
            self.reader.clear("No articles found in this folder.")
        skipped = getattr(self.library, "skipped", None)
        if skipped and len(skipped) != self._skipped_shown:  # said once, not at every rescan
            self.notify(
                skipped_summary(skipped), title="Files skipped", severity="warning", markup=False
            )
        self._skipped_shown = len(skipped or ())
        if self._watching is not self.library:
            self._start_watching()
        if self._refresh_again:
            self._refresh_again = False
            self.rescan()

    # -- the live folder ----------------------------------------------------------------------

    def _start_watching(self) -> None:
        """Watch the corpus folder: files added, changed or removed show within a second or two."""
        library = self.library
        self._watch_stop.set()  # the previous corpus's watcher, if any
        self._watch_stop = threading.Event()
        self._watching = library
        if library is not None and hasattr(library, "refresh"):
            # A daemon thread, not a Textual worker: it never finishes while the app runs (a
            # worker would keep `workers.wait_for_complete` waiting); the stop event ends it.
            threading.Thread(
                target=self._watch,
                args=(Path(library.root), self._watch_stop),
                name="sverka-watch",
                daemon=True,
            ).start()

    def _watch(self, root: Path, stop: threading.Event) -> None:
        """Post `FolderChanged` for each batch of changes to article files and sidecars."""
        try:
            from watchfiles import watch

            for _changes in watch(
                root,
                watch_filter=_corpus_file,
                debounce=WATCH_DEBOUNCE_MS,
                step=50,
                stop_event=stop,
                rust_timeout=500,
                yield_on_timeout=False,
                raise_interrupt=False,
            ):
                if stop.is_set():
                    return
                self.post_message(self.FolderChanged())
        except Exception as exc:  # noqa: BLE001 - no inotify (limits, network disks): poll
            if not stop.is_set():
                self.post_message(self.FolderChanged(sanitize_line(str(exc)) or type(exc).__name__))

    @on(FolderChanged)
    def _folder_changed(self, event: FolderChanged) -> None:
        if event.error is not None:
            if self._poll_timer is None:
                self._poll_timer = self.set_interval(POLL_SECONDS, self.rescan)
            return
        self.rescan()

    def on_unmount(self) -> None:
        self._watch_stop.set()

    def switch_corpus(self) -> None:
        """Open the app's (new) corpus folder in place of the current one."""
        self._watch_stop.set()
        self._watching = None
        self._refreshing = False
        self._refresh_again = False
        self._skipped_shown = -1
        self.library = None
        self.article = self.document = self.facts = None
        self.article_list.open_id = None
        self.reader.clear()
        self.facts_pane.show_facts(None)
        self.query_one("#reader-status", Static).update(Text(""))
        pane = self.list_pane
        pane.library = None  # no rows asked of the old corpus from here on
        pane.filter_input.value = ""
        pane.filter_input.display = False
        pane.set_query(outlet=None, language=None, text="")
        pane.scan_state = "opening…"
        self._focus_pane(self.article_list)
        self.refresh_bindings()
        self.load_library(self.query_state)

    @on(LibraryFailed)
    def _library_failed(self, event: LibraryFailed) -> None:
        self._refreshing = False
        self.list_pane.set_status(event.error)
        self.reader.clear(event.error)
        self.notify(
            event.error, title="Cannot open the corpus", severity="error", timeout=10, markup=False
        )

    # -- opening an article -------------------------------------------------------------------

    @on(ArticleList.Selected)
    def _row_selected(self, event: ArticleList.Selected) -> None:
        self.open_article(event.row.id)

    def open_article(
        self,
        article_id: str,
        span: tuple[int, int] | None = None,
        fact: tuple[str, str] | None = None,
    ) -> None:
        """Read and clean an article in a worker, then show it (and focus the reader); with
        `span`, at that passage of its cleaned text; with `fact` (kind, key), at its first
        mention once the facts are known."""
        if self.library is None:
            return
        self._land = (article_id, span, fact) if span or fact else None
        self.reading = True
        self.reader.focus()
        self.query_one("#reader-status", Static).update(Text("Opening…"))
        # the article being left: its facts and mention look-ups stop (the open is exclusive)
        self.workers.cancel_group(self, "facts")
        self.workers.cancel_group(self, "mentions")
        self._open_worker(article_id)

    @work(thread=True, exclusive=True, group="open")
    def _open_worker(self, article_id: str) -> None:
        library = self.library
        assert library is not None
        worker = get_current_worker()
        try:
            # Here, not in a thread of its own: the catalogue keeps a connection per thread, and
            # the worker threads are few and reused. The cleaner checks often, so a cancelled
            # open stops within milliseconds.
            with cancellable(lambda: worker.is_cancelled):
                article = library.article(article_id)
                document = self.sverka.clean_article(article)
        except Cancelled:
            return  # another article was opened, or the app is quitting
        except Exception as exc:  # noqa: BLE001 - a file that vanished or cannot be read
            self.post_message(self.ArticleFailed(sanitize_line(str(exc)) or type(exc).__name__))
            return
        if not worker.is_cancelled:
            self.post_message(self.ArticleReady(article, document))
            self.post_message(self.NotesFound(article.id, self.sverka.noted_spans(article.id)))
            if self.sverka.remember:
                from tui.app.state import remember_article

                remember_article(library.root, article.id)

    @on(ArticleReady)
    def _article_ready(self, event: ArticleReady) -> None:
        self.article, self.document, self.facts = event.article, event.document, None
        self.article_list.open_id = event.article.id
        self.reader.show(event.article, event.document)
        self._match_state = ""
        search = self.query_state.text.strip()
        if search:  # opened from search hits: the words found, highlighted; n/N go through them
            self.reader.find(search)
        land = self._land
        if land is not None and land[0] == event.article.id and land[1] is not None:
            self.reader.show_mention(*land[1])
        self.facts_pane.show_facts(None)
        self.facts_pane.set_status("Extracting facts (loading the language model)…", busy=True)
        self._update_reader_status("extracting facts…")
        self.refresh_bindings()
        self._facts_worker(event.article, event.document)

    @on(ReadingView.MatchChanged)
    def _match_changed(self, event: ReadingView.MatchChanged) -> None:
        if event.count == 0:
            self._match_state = "no match" if self.find_input.value.strip() else ""
        elif event.index is None:
            self._match_state = f"{event.count} matches · n next"
        else:
            self._match_state = f"match {event.index + 1}/{event.count} · n/N"
        self._refit_reader_status()
        self.refresh_bindings()

    @on(ReadingView.FindRequested)
    def _find_requested(self) -> None:
        box = self.find_input
        box.display = True
        box.focus()

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.reader.find(event.value)

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.find_input.display = False
        self.reader.focus()
        if event.value.strip() and self.reader.matches and self.reader.current_match is None:
            self.reader.action_next_match()

    def close_find(self) -> None:
        """Hide the find box and drop its matches."""
        box = self.find_input
        box.value = ""
        box.display = False
        self.reader.clear_matches()
        self._focus_pane(self.reader)

    @on(NotesFound)
    def _notes_found(self, event: NotesFound) -> None:
        if self.article is not None and self.article.id == event.article_id:
            self.reader.set_noted(event.spans)

    def refresh_note_marks(self) -> None:
        """Mark the open article's noted passages again (a note was added, edited or deleted)."""
        if self.article is not None:
            self.reader.set_noted(self.sverka.noted_spans(self.article.id))

    @on(ArticleFailed)
    def _article_failed(self, event: ArticleFailed) -> None:
        self.query_one("#reader-status", Static).update(Text(""))
        self.notify(event.error, title="Cannot open the article", severity="error", markup=False)

    def _refit_reader_status(self) -> None:
        self._update_reader_status(self._last_facts_state)

    def _update_reader_status(self, facts_state: str) -> None:
        self._last_facts_state = facts_state
        article = self.article
        if article is None:
            return
        parts = [
            article.outlet,
            article.language,
            article.date or "no date",
            f"{article.words} words",
        ]
        if self.reader.raw:
            parts.append("RAW")
        if self.reader.reveal_removed:
            parts.append("removed shown")
        if self._match_state:
            parts.append(self._match_state)
        if facts_state:
            parts.append(facts_state)
        status = self.query_one("#reader-status", Static)
        shown = [sanitize_line(str(p)) for p in parts]
        room = status.size.width - 2  # its padding
        # Too long for the pane (the facts pane open): the word count, then the language and
        # the date give way — what the app is doing («37 facts», «match 2/5») stays whole.
        for drop in (3, 1, 2):
            if room <= 0 or len(" · ".join(p for p in shown if p)) <= room:
                break
            shown[drop] = ""
        status.update(Text(" · ".join(p for p in shown if p)))

    @work(thread=True, exclusive=True, group="facts")
    def _facts_worker(self, article: Any, document: Any) -> None:
        worker = get_current_worker()
        try:
            facts = run_cancellable(
                lambda: self.sverka.extract_facts(article, document), lambda: worker.is_cancelled
            )
        except Cancelled:
            return  # the article was left
        except Exception as exc:  # noqa: BLE001 - shown in the pane
            self.post_message(
                self.FactsReady(article.id, None, sanitize_line(str(exc)) or type(exc).__name__)
            )
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.FactsReady(article.id, facts))

    @on(FactsReady)
    def _facts_ready(self, event: FactsReady) -> None:
        if self.article is None or event.article_id != self.article.id:
            return
        if event.facts is None:
            self.facts_pane.set_status(f"Facts unavailable: {event.error}")
            self._update_reader_status("facts unavailable")
            return
        self.facts = event.facts
        self.reader.set_facts(event.facts)
        self.facts_pane.show_facts(event.facts, self.reader.highlight_styles())
        land, self._land = self._land, None
        if land is not None and land[0] == event.article_id and land[2] is not None:
            span = self.facts_pane.first_mention(*land[2])
            if span is not None:
                self.reader.show_mention(*span)
        n = sum(
            len(getattr(event.facts, k))
            for k in ("entities", "dates", "quantities", "quotes", "sources")
        )
        self._update_reader_status(f"{n} facts")

    # -- facts pane ---------------------------------------------------------------------------

    @on(FactsPane.MentionChosen)
    def _mention_chosen(self, event: FactsPane.MentionChosen) -> None:
        self.reader.show_mention(*event.span)
        if self.narrow:  # one pane at a time: show the mention; `f` goes back to the facts
            self.show_facts = False
            self._focus_pane(self.reader)
        if event.item.kind != "quotes" and self.article is not None:
            self.facts_pane.show_others(event.item, [])
            self.facts_pane.set_status("Looking for other mentions…", busy=True)
            self._mentions_worker(event.item, self.article.id)

    @work(thread=True, exclusive=True, group="mentions")
    def _mentions_worker(self, item: Any, exclude: str) -> None:
        assert self.library is not None
        finder = getattr(self.library, "mentions", None)
        worker = get_current_worker()
        try:
            with cancellable(lambda: worker.is_cancelled):  # the catalogue: in this thread
                rows = finder(item.kind, item.key, exclude) if finder else None
        except Cancelled:
            return
        except Exception:  # noqa: BLE001 - an unreadable article: say "not known", never crash
            rows = None
        if not get_current_worker().is_cancelled:
            self.post_message(self.MentionsReady(item, rows))

    @on(MentionsReady)
    def _mentions_ready(self, event: MentionsReady) -> None:
        self.facts_pane.set_status("")
        self.facts_pane.show_others(event.item, event.rows)

    @on(FactsPane.ArticleChosen)
    def _other_article(self, event: FactsPane.ArticleChosen) -> None:
        """Open an article from «Also mentioned in» at the fact's first mention in it."""
        item = event.item
        self.open_article(event.article_id, fact=(item.kind, item.key) if item else None)

    # -- panes and focus ----------------------------------------------------------------------

    def _panes(self) -> list[Widget]:
        panes: list[Widget] = [self.article_list, self.reader]
        if self.show_facts:
            panes.append(self.facts_pane.facts_tree)
            if self.facts_pane.others_list.display:  # «Also mentioned in»: Tab reaches it
                panes.append(self.facts_pane.others_list)
        return panes

    def _focus_pane(self, pane: Widget) -> None:
        if self.narrow:
            if pane is self.article_list:
                self.reading = False
                self.show_facts = False
            elif pane is self.reader:
                self.reading = True
                self.show_facts = False
            else:
                self.reading = True
        pane.focus()

    def _current_pane(self) -> int:
        focused = self.focused
        for index, pane in enumerate(self._panes()):
            if focused is pane or (focused is not None and pane in focused.ancestors):
                return index
        if focused is not None and self.facts_pane in focused.ancestors_with_self:
            return 2
        return 0

    def open_note(self, note: Any) -> None:
        """Open a note's article at its passage (the whole article for an article note or an
        orphaned passage)."""
        anchor = getattr(note, "anchor", None)
        span = None
        if anchor is not None and not getattr(note, "orphaned", False):
            span = (anchor.start, anchor.end)
        self._focus_pane(self.reader)
        self.open_article(note.article_id, span=span)

    def action_focus_next_pane(self) -> None:
        """Move focus to the next pane."""
        panes = self._panes()
        self._focus_pane(panes[(self._current_pane() + 1) % len(panes)])

    def action_focus_previous_pane(self) -> None:
        """Move focus to the previous pane."""
        panes = self._panes()
        self._focus_pane(panes[(self._current_pane() - 1) % len(panes)])

    def action_back(self) -> None:
        """Go back one step: close the filter, leave the facts, leave the article."""
        focused = self.focused
        if focused is self.list_pane.filter_input:
            self.list_pane.close_filter(clear=True)
            return
        if focused is self.find_input:
            self.close_find()
            return
        if focused is not None and self.facts_pane in focused.ancestors_with_self:
            if self.narrow:
                self.show_facts = False
            self._focus_pane(self.reader)
            return
        if focused is self.reader:
            if self.reader.selected_span is not None:
                self.reader.action_clear_selection()
                return
            if self.reader.matches:
                self.reader.clear_matches()
                return
            self._focus_pane(self.article_list)
            return
        if self.query_state.text:
            self.list_pane.close_filter(clear=True)

    # -- filtering and sorting (the list pane does the work) ----------------------------------

    def action_filter(self) -> None:
        """Search the articles' text."""
        self._focus_pane(self.article_list)
        self.list_pane.open_filter()

    def action_cycle_sort(self) -> None:
        """Sort by the next key (date, title, outlet, language, words)."""
        self.list_pane.cycle_sort()

    def action_reverse_sort(self) -> None:
        """Reverse the sort order."""
        self.list_pane.reverse_sort()

    def action_pick_outlet(self) -> None:
        """Show only one outlet's articles."""
        self._pick("outlet", "Outlet")

    def action_pick_language(self) -> None:
        """Show only one language's articles."""
        self._pick("language", "Language")

    def _pick(self, field: str, title: str) -> None:
        """Let the user choose one outlet or language (or all) for the list."""
        pane = self.list_pane
        if pane.library is None:
            return
        from tui.app.screens.pick import PickScreen  # a dialog: not needed for the first frame

        choices = pane.library.facet(field)

        def chosen(value: str | None) -> None:
            if value is not PickScreen.CANCELLED:
                pane.set_query(**{field: value})

        current = getattr(pane.query_state, field)
        self.app.push_screen(PickScreen(title, choices, current), chosen)

    # -- reading ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out what needs an open article until one is open."""
        if (
            action in ("toggle_raw", "toggle_removed", "compare", "add_note", "copy")
            and self.article is None
        ):
            return None
        if action == "open_url" and not getattr(self.article, "url", None):
            return None
        if (
            action
            in (
                "pick_outlet",
                "pick_language",
                "cycle_sort",
                "reverse_sort",
                "filter",
                "show_numbers",
            )
            and self.library is None
        ):
            return None
        return True

    def action_toggle_facts(self) -> None:
        """Show or hide the facts pane."""
        self.show_facts = not self.show_facts
        if self.show_facts:
            self._focus_pane(self.facts_pane.facts_tree)
        elif (
            self.focused is None
            or self.facts_pane in self.focused.ancestors_with_self
            or self.focused is self.facts_pane
        ):
            self._focus_pane(self.reader)

    def action_toggle_raw(self) -> None:
        """Show the raw file text instead of the cleaned text."""
        self.reader.raw = not self.reader.raw
        self._update_reader_status(
            f"{self._fact_count()} facts" if self.facts else self._last_facts_state
        )

    def action_toggle_removed(self) -> None:
        """Reveal the blocks the cleaner removed, dimmed, in place."""
        self.reader.reveal_removed = not self.reader.reveal_removed
        self._update_reader_status(
            f"{self._fact_count()} facts" if self.facts else self._last_facts_state
        )

    def _fact_count(self) -> int:
        return sum(
            len(getattr(self.facts, k))
            for k in ("entities", "dates", "quantities", "quotes", "sources")
        )

    # -- comparison and notes (screens owned by their issues) ---------------------------------

    def action_copy(self) -> None:
        """Copy the selected sentence, else the marked passage (a quote or fact chosen in the
        facts pane, a note's passage, a search match) to the terminal's clipboard (OSC 52)."""
        document = self.document
        span = self.reader.selected_span or self.reader.marked_span
        if document is None or span is None:
            self.notify(
                "Select a sentence with ) first, or choose a quote in the facts pane (f).",
                severity="warning",
                markup=False,
            )
            return
        text = str(document.text[span[0] : span[1]])
        self.app.copy_to_clipboard(text)
        preview = sanitize_line(text if len(text) <= 60 else text[:59] + "…")
        self.notify(f"«{preview}»", title=f"Copied {len(text)} characters", timeout=4, markup=False)

    def action_open_url(self) -> None:
        """Open the article's source in the browser (copied instead where there is none)."""
        url = getattr(self.article, "url", None)
        if not url:
            self.notify("This article has no source URL.", severity="warning", markup=False)
            return
        url = str(url).strip()
        if not url.lower().startswith(("http://", "https://")):
            self.notify(
                f"Not opened: only http(s) links are ({sanitize_line(url)[:80]}).",
                severity="warning",
                markup=False,
            )
            return
        if not browser_available():
            self._copy_url(url, "No browser on this terminal")
            return
        self._browser_worker(url)

    @work(thread=True, exclusive=True, group="browser")
    def _browser_worker(self, url: str) -> None:
        import webbrowser

        try:
            opened = webbrowser.open(url)
        except Exception:  # noqa: BLE001 - no browser: fall back to the clipboard
            opened = False
        if opened:
            self.app.call_from_thread(
                self.notify, sanitize_line(url), title="Opened in the browser", markup=False
            )
        else:
            self.app.call_from_thread(self._copy_url, url, "No browser could open it")

    def _copy_url(self, url: str, why: str) -> None:
        self.app.copy_to_clipboard(url)
        self.notify(
            sanitize_line(url), title=f"{why}: the URL is copied instead", timeout=6, markup=False
        )

    def action_compare(self) -> None:
        """Compare the open article with another one."""
        self.sverka.open_compare(self.article)

    def action_add_note(self) -> None:
        """Add a note to the open article, or to the selected sentence."""
        self.sverka.open_note_editor(self.article, self.document, self.reader.selected_span)

    def action_show_notes(self) -> None:
        """Show the notes pane."""
        self.sverka.open_notes()

    def action_show_numbers(self) -> None:
        """Show the numbers ledger of the articles in the list."""
        from tui.app.screens.numbers import NumbersScreen

        if self.library is None or not hasattr(self.library, "ledger"):
            return

        def chosen(landing: tuple[str, tuple[int, int]] | None) -> None:
            if landing is not None:
                article_id, span = landing
                self._focus_pane(self.reader)
                self.open_article(article_id, span=span)

        screen = NumbersScreen(self.library, self.article_list.source, self.query_state.describe())
        self.app.push_screen(screen, chosen)
