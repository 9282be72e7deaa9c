"""The Numbers screen: the numbers ledger of the articles in the current list.

Every figure of the listed articles (a search, an outlet or language filter, or the whole corpus),
grouped by measure (погибшие, задержанные, эвакуированные, …) and in time order within each: date,
outlet, the figure as written, its as-of time and source, its place, and a mark for a figure the
article reports as superseded («earlier») or that differs from what two other outlets agree on
the same day («≠»). Enter opens the article at that figure's sentence; `]`/`[` jump between
measures.

The ledger is gathered in a thread worker (`library.ledger(source, progress, cancelled)`: the
catalogue's stored claims, extracting a few articles first if needed) while the screen shows
progress; the screen itself opens at once. Every string is put into `rich.text.Text` as plain
text after `sanitize_line` (article text is never markup).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.app.keymap import bindings_for
from tui.corpus.sanitize import sanitize_line

Landing = tuple[str, tuple[int, int]]
"""What the screen dismisses with: an article id and the span (its cleaned text) to show."""


def _cell(value: str | None, width: int) -> str:
    text = sanitize_line(value or "—")
    return text if len(text) <= width else text[: width - 1] + "…"


def entry_line(entry: Any) -> Text:
    """One ledger entry as a list line (plain text, styled by status)."""
    line = Text()
    line.append(f"{_cell(entry.date, 10):<10}  ", style="dim")
    line.append(f"{_cell(entry.outlet, 18):<18}  ")
    figure = " ".join(sanitize_line(entry.text).split())
    line.append(figure, style="dim" if entry.status == "superseded" else "bold")
    framing = " · ".join(
        sanitize_line(p) for p in (entry.as_of, entry.attribution, entry.place) if p
    )
    if framing:
        line.append(f"  {framing}", style="italic")
    if entry.status == "superseded":
        line.append("  earlier", style="dim")
    if entry.diverges:
        line.append("  ≠ differs from other outlets", style="bold red")
    return line


class NumbersScreen(Screen["Landing | None"]):
    """Claims of the listed articles by measure, in time order (see the module docstring)."""

    CSS_PATH = "numbers.tcss"
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("numbers")
    HELP_TITLE = "numbers ledger"

    @dataclass
    class Progress(Message):
        """`done` of `total` articles had their facts extracted."""

        done: int
        total: int

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, NumbersScreen.Progress)

    @dataclass
    class Ready(Message):
        """The ledger is gathered (`note`: what the reader should know about it, or "")."""

        measures: list[Any]
        note: str

    @dataclass
    class Failed(Message):
        """The ledger could not be gathered."""

        error: str

    def __init__(self, library: Any, source: Any, described: str = "") -> None:
        super().__init__()
        self.library = library
        self.source = source
        self.described = described
        self.entries: dict[str, Any] = {}
        """Option id → ledger entry."""
        self.headers: list[int] = []
        """Option indexes of the measure headers."""
        self.measures: list[Any] | None = None

    def compose(self) -> ComposeResult:
        count = len(self.source) if self.source is not None else 0
        scope = f" · {sanitize_line(self.described)}" if self.described else ""
        yield Static(Text(f"Numbers · {count:,} article(s){scope}"), id="numbers-title")
        yield Static(Text("Collecting the figures…"), id="numbers-status")
        yield OptionList(id="numbers-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._collect()

    @work(thread=True, exclusive=True, group="numbers")
    def _collect(self) -> None:
        worker = get_current_worker()
        try:
            measures, note = self.library.ledger(
                self.source,
                progress=lambda done, total: self.post_message(self.Progress(done, total)),
                cancelled=lambda: worker.is_cancelled,
            )
        except Exception as exc:  # noqa: BLE001 - a broken catalogue is a message, not a crash
            self.post_message(self.Failed(sanitize_line(str(exc)) or type(exc).__name__))
            return
        if not worker.is_cancelled:
            self.post_message(self.Ready(measures, note))

    @on(Progress)
    def _progress(self, event: Progress) -> None:
        self._status(f"Extracting facts: {event.done}/{event.total} article(s)…")

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        self._status(f"Cannot gather the figures: {event.error}")

    @on(Ready)
    def _ready(self, event: Ready) -> None:
        self.measures = event.measures
        options = self.query_one(OptionList)
        options.clear_options()
        self.entries.clear()
        self.headers.clear()
        items: list[Option] = []
        for m in event.measures:
            shown = len(m.entries)
            more = f", the last {shown}" if shown < m.total else ""
            header = Text()
            header.append(sanitize_line(m.label), style="bold underline")
            header.append(f"  {m.total} figure(s){more}", style="dim")
            self.headers.append(len(items))
            items.append(Option(header, id=f"h{len(self.headers)}", disabled=True))
            for e in m.entries:
                oid = f"e{len(self.entries)}"
                self.entries[oid] = e
                items.append(Option(entry_line(e), id=oid))
        options.add_options(items)
        total = sum(m.total for m in event.measures)
        status = (
            f"{total:,} figure(s) in {len(event.measures)} measure(s)"
            if total
            else ("No figures in these articles.")
        )
        if event.note:
            status += f" · {event.note}"
        self._status(status + (" · Enter opens the article at the figure" if total else ""))
        if self.entries:
            options.highlighted = 1

    def _status(self, text: str) -> None:
        self.query_one("#numbers-status", Static).update(Text(sanitize_line(text)))

    # -- keys --------------------------------------------------------------------------------

    @property
    def current_entry(self) -> Any | None:
        """The ledger entry under the cursor, if any."""
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None:
            return None
        option = options.get_option_at_index(index)
        return self.entries.get(option.id or "")

    def action_open_claim(self) -> None:
        """Open the article of the highlighted figure at its sentence."""
        entry = self.current_entry
        if entry is not None:
            self.dismiss((entry.article, (entry.sentence_start, entry.sentence_end)))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self.entries.get(event.option.id or "")
        if entry is not None:
            self.dismiss((entry.article, (entry.sentence_start, entry.sentence_end)))

    def action_next_measure(self) -> None:
        """Move to the first figure of the next measure."""
        self._step_measure(1)

    def action_previous_measure(self) -> None:
        """Move to the first figure of the previous measure."""
        self._step_measure(-1)

    def _step_measure(self, step: int) -> None:
        if not self.headers:
            return
        options = self.query_one(OptionList)
        here = options.highlighted or 0
        current = max((i for i, h in enumerate(self.headers) if h <= here), default=0)
        target = (current + step) % len(self.headers)
        options.highlighted = self.headers[target] + 1
        options.scroll_to_highlight(top=True)

    def action_cursor(self, direction: str) -> None:
        """Move the highlight (vim keys)."""
        options = self.query_one(OptionList)
        if direction == "down":
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_close(self) -> None:
        """Back to the articles."""
        self.workers.cancel_group(self, "numbers")
        self.dismiss(None)
