"""Every key binding of the app, as data.

Each binding has a stable id (`group.name`) that the config file's `[keymap]` table can remap:

    [keymap]
    "main.toggle-facts" = "f,F2"

The widgets build their `BINDINGS` from `bindings_for(group)`, the help screen and the command
palette read the same table, so the three never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One binding: its stable id, default keys, the action it runs and how it is described."""

    id: str
    keys: str
    action: str
    description: str
    group: str
    show: bool = True
    palette: bool = True
    priority: bool = False

    @property
    def title(self) -> str:
        """The longer name shown on the help screen and in the command palette."""
        return TITLES.get(self.id, self.description)

    @property
    def target(self) -> str:
        """Where the action runs: the id's prefix ("app", "main", "list", "reader", "facts")."""
        return self.id.split(".", 1)[0]


# Group titles, in the order the help screen shows them.
GROUPS: dict[str, str] = {
    "app": "Everywhere",
    "main": "Main screen",
    "list": "Article list",
    "reader": "Reading view",
    "facts": "Facts pane",
}

KEYS: tuple[KeySpec, ...] = (
    # Everywhere
    KeySpec("app.help", "question_mark", "help", "Help", "app"),
    KeySpec("app.quit", "q", "quit", "Quit", "app"),
    KeySpec(
        "app.palette", "ctrl+p", "command_palette", "Commands", "app", show=False, palette=False
    ),
    # Main screen
    KeySpec("main.focus-next", "tab", "focus_next_pane", "Next pane", "main", show=False),
    KeySpec(
        "main.focus-previous",
        "shift+tab",
        "focus_previous_pane",
        "Previous pane",
        "main",
        show=False,
    ),
    KeySpec("main.back", "escape", "back", "Back", "main"),
    KeySpec("main.filter", "slash", "filter", "Search", "main"),
    KeySpec("main.toggle-facts", "f", "toggle_facts", "Facts", "main"),
    KeySpec("main.toggle-raw", "r", "toggle_raw", "Raw", "main", show=False),
    KeySpec("main.toggle-removed", "x", "toggle_removed", "Removed blocks", "main", show=False),
    KeySpec("main.sort", "s", "cycle_sort", "Sort", "main", show=False),
    KeySpec("main.sort-reverse", "S", "reverse_sort", "Reverse sort", "main", show=False),
    KeySpec("main.outlet", "o", "pick_outlet", "Outlet", "main", show=False),
    KeySpec("main.language", "l", "pick_language", "Language", "main", show=False),
    KeySpec("main.compare", "c", "compare", "Compare", "main"),
    KeySpec("main.note", "n", "add_note", "Note", "main"),
    KeySpec("main.notes", "N", "show_notes", "Notes", "main", show=False),
    # Article list
    KeySpec("list.down", "down,j", "cursor_down", "Next article", "list", show=False),
    KeySpec("list.up", "up,k", "cursor_up", "Previous article", "list", show=False),
    KeySpec("list.first", "home,g", "cursor_first", "First article", "list", show=False),
    KeySpec("list.last", "end,G", "cursor_last", "Last article", "list", show=False),
    KeySpec("list.page-down", "pagedown,ctrl+d", "page_down", "Page down", "list", show=False),
    KeySpec("list.page-up", "pageup,ctrl+u", "page_up", "Page up", "list", show=False),
    KeySpec("list.open", "enter", "open", "Open", "list", show=False),
    # Reading view
    KeySpec("reader.down", "down,j", "scroll_down", "Scroll down", "reader", show=False),
    KeySpec("reader.up", "up,k", "scroll_up", "Scroll up", "reader", show=False),
    KeySpec("reader.top", "home,g", "scroll_home", "Top", "reader", show=False),
    KeySpec("reader.bottom", "end,G", "scroll_end", "Bottom", "reader", show=False),
    KeySpec(
        "reader.page-down", "pagedown,space,ctrl+d", "page_down", "Page down", "reader", show=False
    ),
    KeySpec("reader.page-up", "pageup,ctrl+u", "page_up", "Page up", "reader", show=False),
    KeySpec(
        "reader.next-sentence",
        "right_parenthesis,shift+down",
        "next_sentence",
        "Sentence",
        "reader",
    ),
    KeySpec(
        "reader.previous-sentence",
        "left_parenthesis,shift+up",
        "previous_sentence",
        "Previous sentence",
        "reader",
        show=False,
    ),
    KeySpec(
        "reader.clear-selection",
        "backspace",
        "clear_selection",
        "Clear selection",
        "reader",
        show=False,
    ),
    # Facts pane
    KeySpec("facts.down", "down,j", "cursor_down", "Next fact", "facts", show=False),
    KeySpec("facts.up", "up,k", "cursor_up", "Previous fact", "facts", show=False),
    KeySpec(
        "facts.first", "home,g", "cursor_first", "First fact", "facts", show=False, palette=False
    ),
    KeySpec("facts.last", "end,G", "cursor_last", "Last fact", "facts", show=False, palette=False),
    KeySpec("facts.select", "enter", "select_cursor", "Jump to mention", "facts", show=False),
)

TITLES: dict[str, str] = {
    "app.quit": "Quit Sverka",
    "app.help": "Show every key (this help)",
    "app.palette": "Command palette",
    "main.focus-next": "Move to the next pane",
    "main.focus-previous": "Move to the previous pane",
    "main.back": "Back (close search, leave facts, back to the list)",
    "main.filter": "Search the articles' text (finds word forms)",
    "main.toggle-facts": "Show or hide the facts pane",
    "main.toggle-raw": "Show the raw file text instead of the cleaned text",
    "main.toggle-removed": "Show what the cleaner removed, dimmed, in place",
    "main.sort": "Sort by the next column (date, title, outlet, language, words)",
    "main.sort-reverse": "Reverse the sort order",
    "main.outlet": "Show one outlet only",
    "main.language": "Show one language only",
    "main.compare": "Compare this article with another one",
    "main.note": "Add a note to the article or the selected sentence",
    "main.notes": "Show all notes",
    "list.open": "Open the highlighted article",
    "reader.next-sentence": "Select the next sentence (for a note)",
    "reader.previous-sentence": "Select the previous sentence",
    "reader.clear-selection": "Clear the sentence selection",
    "facts.select": "Jump to the fact's next mention; list other articles mentioning it",
}

BY_ID: dict[str, KeySpec] = {spec.id: spec for spec in KEYS}


def bindings_for(group: str) -> list[BindingType]:
    """The Textual bindings of one group, each carrying its stable id."""
    return [
        Binding(
            spec.keys,
            spec.action,
            spec.description,
            show=spec.show,
            id=spec.id,
            priority=spec.priority,
        )
        for spec in KEYS
        if spec.group == group
    ]


def validate_keymap(keymap: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """Split a config `[keymap]` table into the entries we know and readable problems."""
    good: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in keymap.items():
        if binding_id not in BY_ID:
            problems.append(f"unknown binding id {binding_id!r}")
        elif not isinstance(keys, str) or not keys.strip():
            problems.append(f'{binding_id!r}: expected keys like "ctrl+f,f2", got {keys!r}')
        else:
            good[binding_id] = ",".join(_normal_key(k) for k in keys.split(",") if k.strip())
    return good, problems


def _normal_key(key: str) -> str:
    """`"F2"` → `"f2"`, `"Ctrl+Q"` → `"ctrl+q"`; single characters keep their case (`G` ≠ `g`)."""
    key = key.strip()
    return key if len(key) == 1 else key.lower()


def keys_for(spec: KeySpec, keymap: Mapping[str, str]) -> str:
    """The keys currently bound to `spec` (after the user's keymap), as a comma list."""
    return keymap.get(spec.id, spec.keys)
