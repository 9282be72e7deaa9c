"""The help screen, generated from the bindings of the screen it is opened on (so it can never
go stale, and lists exactly the keys that work there).

It shows the keys that work everywhere, then those of the screen below it and of every widget
on that screen — each after the user's `[keymap]` — with each binding's id, which is what the
config file uses to remap it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.app.keymap import BY_ID, GROUPS, KEYS, bindings_for, keys_for

# How key names are shown to people.
_KEY_NAMES: dict[str, str] = {
    "question_mark": "?",
    "slash": "/",
    "right_parenthesis": ")",
    "left_parenthesis": "(",
    "number_sign": "#",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "right_curly_bracket": "}",
    "left_curly_bracket": "{",
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


def binding_ids(node: DOMNode) -> list[str]:
    """The ids of every binding of `node` and of the widgets below it, in DOM order."""
    ids: dict[str, None] = {}
    for each in (node, *node.walk_children(with_self=False)):
        for bindings in each._bindings.key_to_bindings.values():
            for binding in bindings:
                if binding.id:
                    ids[binding.id] = None
    return list(ids)


def screen_groups(screen: Screen[object]) -> list[str]:
    """The binding groups to list for `screen`: "app", then those its bindings belong to."""
    found = {BY_ID[binding_id].group for binding_id in binding_ids(screen) if binding_id in BY_ID}
    extra = getattr(screen, "HELP_GROUPS", ())
    return ["app", *(g for g in GROUPS if g != "app" and (g in found or g in extra))]


def help_table(keymap: Mapping[str, str], groups: Iterable[str] | None = None) -> Table:
    """The bindings of `groups` (default: all), grouped by where they work."""
    wanted = list(GROUPS) if groups is None else list(groups)
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False, expand=True)
    table.add_column("Keys", no_wrap=True, min_width=12)
    table.add_column("Does")
    table.add_column(Text("Id (config [keymap])"), no_wrap=True)
    for group, title in GROUPS.items():
        if group not in wanted:
            continue
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

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("help")

    def __init__(
        self, keymap: Mapping[str, str], groups: Iterable[str] | None = None, where: str = ""
    ) -> None:
        super().__init__()
        self._keymap = dict(keymap)
        self.groups = list(GROUPS) if groups is None else list(groups)
        """The binding groups listed (the screen's, see `screen_groups`)."""
        self._where = where

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            title = f"Sverka — keys{' of the ' + self._where if self._where else ''}"
            yield Static(
                Text(f"{title} (Esc closes; Ctrl+P lists every command)", style="bold"),
                id="help-title",
            )
            yield Static(help_table(self._keymap, self.groups), id="help-table")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_scroll(self, direction: str) -> None:
        """Scroll the help text."""
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_relative(y=1 if direction == "down" else -1, animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help screen."""
        self.dismiss(None)
