"""A small modal that picks one value (an outlet, a language) or "all"."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.app.keymap import bindings_for
from tui.corpus.sanitize import sanitize_line

_ALL = "\x00all"


class PickScreen(ModalScreen[Any]):
    """Choose one of `choices` (value, count); dismisses with the value, None for all."""

    CANCELLED: ClassVar[object] = object()
    """What the screen dismisses with when Escape is pressed."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("pick")

    def __init__(self, title: str, choices: list[tuple[str, int]], current: str | None) -> None:
        super().__init__()
        self._title = title
        self._choices = choices
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-dialog"):
            yield Label(Text(f"{self._title}: Enter chooses, Esc cancels"), id="pick-title")
            total = sum(count for _, count in self._choices)
            options = [Option(Text(f"All ({total})"), id=_ALL)]
            options += [
                Option(Text(f"{sanitize_line(value)} ({count})"), id=value)
                for value, count in self._choices
            ]
            yield OptionList(*options, id="pick-options")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self._current is not None:
            for index, (value, _) in enumerate(self._choices, start=1):
                if value == self._current:
                    options.highlighted = index
        options.focus()

    def action_cursor(self, direction: str) -> None:
        """Move the highlight (vim keys)."""
        options = self.query_one(OptionList)
        if direction == "down":
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(self.CANCELLED)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(None if event.option.id == _ALL else event.option.id)
