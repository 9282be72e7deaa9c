"""The help screen, generated from the binding table (so it can never go stale).

It shows the keys in force — after the user's `[keymap]` — and each binding's id, which is what
the config file uses to remap it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.keymap import GROUPS, KEYS, keys_for

# How key names are shown to people.
_KEY_NAMES: dict[str, str] = {
    "question_mark": "?",
    "slash": "/",
    "right_parenthesis": ")",
    "left_parenthesis": "(",
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "space": "Space",
    "backspace": "Backspace",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "home": "Home",
    "end": "End",
    "up": "↑",
    "down": "↓",
    "shift+up": "Shift+↑",
    "shift+down": "Shift+↓",
}


def display_keys(keys: str) -> str:
    """`"down,j"` → `"↓ j"`; `"ctrl+p"` → `"Ctrl+P"`."""
    shown = []
    for key in keys.split(","):
        key = key.strip()
        if key in _KEY_NAMES:
            shown.append(_KEY_NAMES[key])
        elif key.startswith("ctrl+"):
            shown.append("Ctrl+" + key[5:].upper())
        else:
            shown.append(key)
    return " ".join(shown)


def help_table(keymap: Mapping[str, str]) -> Table:
    """Every binding, grouped by where it works."""
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False, expand=True)
    table.add_column("Keys", no_wrap=True, min_width=12)
    table.add_column("Does")
    table.add_column(Text("Id (config [keymap])"), style="dim", no_wrap=True)
    for group, title in GROUPS.items():
        table.add_row(Text(title, style="bold underline"), "", "")
        for spec in KEYS:
            if spec.group == group:
                table.add_row(
                    Text(display_keys(keys_for(spec, keymap))),
                    Text(spec.title),
                    Text(spec.id),
                )
        table.add_row("", "", "")
    return table


class HelpScreen(ModalScreen[None]):
    """Every key, where it works, and its id for remapping."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
        Binding("j,down", "scroll('down')", show=False),
        Binding("k,up", "scroll('up')", show=False),
    ]

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self._keymap = dict(keymap)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(
                Text("Sverka — keys (Esc closes; Ctrl+P lists every command)", style="bold"),
                id="help-title",
            )
            yield Static(help_table(self._keymap), id="help-table")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_scroll(self, direction: str) -> None:
        """Scroll the help text."""
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_relative(y=1 if direction == "down" else -1, animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help screen."""
        self.dismiss(None)
