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

    @property
    def in_palette(self) -> bool:
        """Listed in the command palette (which runs main-screen actions)."""
        return self.palette and self.group in PALETTE_GROUPS


# Group titles, in the order the help screen shows them. A screen's help lists "app" and the
# groups whose bindings are on that screen (see `tui.app.screens.help.screen_groups`).
GROUPS: dict[str, str] = {
    "app": "Everywhere",
    "main": "Main screen",
    "list": "Article list",
    "reader": "Reading view",
    "facts": "Facts pane",
    "compare": "Comparison",
    "compare-column": "Comparison columns",
    "compare-pick": "Choosing the article to compare with",
    "numbers": "Numbers ledger",
    "notes": "Notes",
    "notes-confirm": "Deleting a note",
    "note-editor": "Note editor",
    "note-editor-discard": "Discarding an edit",
    "pick": "Choosing an outlet or language",
    "open-folder": "Opening another folder",
    "help": "This help",
}

PALETTE_GROUPS: frozenset[str] = frozenset({"app", "main", "list", "reader", "facts"})
"""Groups whose actions the command palette runs (on the main screen and its panes)."""

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
    KeySpec("main.copy", "y", "copy", "Copy", "main", show=False),
    KeySpec("main.open-url", "u", "open_url", "Open source", "main", show=False),
    KeySpec("main.notes", "N", "show_notes", "Notes", "main", show=False),
    KeySpec("main.numbers", "number_sign", "show_numbers", "Numbers", "main"),
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
    KeySpec("reader.find", "slash", "find", "Find", "reader"),
    KeySpec("reader.next-match", "n", "next_match", "Next match", "reader"),
    KeySpec("reader.previous-match", "N", "previous_match", "Previous match", "reader", show=False),
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
    # Comparison screen
    KeySpec("compare.next_shared", "right_square_bracket", "next_shared", "Next shared", "compare"),
    KeySpec(
        "compare.previous_shared",
        "left_square_bracket",
        "previous_shared",
        "Prev shared",
        "compare",
        show=False,
    ),
    KeySpec(
        "compare.next_disagreement",
        "right_curly_bracket",
        "next_disagreement",
        "Next disagreement",
        "compare",
    ),
    KeySpec(
        "compare.previous_disagreement",
        "left_curly_bracket",
        "previous_disagreement",
        "Prev disagreement",
        "compare",
        show=False,
    ),
    KeySpec("compare.toggle_facts", "d", "toggle_facts", "Fact diff", "compare"),
    KeySpec("compare.pick_second", "b", "pick_second", "Other article", "compare"),
    KeySpec("compare.focus_next", "tab", "focus_next_column", "Next column", "compare", show=False),
    KeySpec("compare.back", "escape", "back", "Back", "compare"),
    KeySpec("compare.column.down", "j", "scroll_down", "Scroll down", "compare-column", show=False),
    KeySpec("compare.column.up", "k", "scroll_up", "Scroll up", "compare-column", show=False),
    KeySpec("compare.column.top", "g", "scroll_home", "Top", "compare-column", show=False),
    KeySpec("compare.column.bottom", "G", "scroll_end", "Bottom", "compare-column", show=False),
    KeySpec("compare.pick.cancel", "escape", "cancel", "Cancel", "compare-pick"),
    KeySpec("compare.pick.down", "j", "cursor('down')", "Down", "compare-pick", show=False),
    KeySpec("compare.pick.up", "k", "cursor('up')", "Up", "compare-pick", show=False),
    # Numbers ledger
    KeySpec("numbers.close", "escape", "close", "Back", "numbers"),
    KeySpec("numbers.open", "enter", "open_claim", "Open at figure", "numbers"),
    KeySpec(
        "numbers.next-measure", "right_square_bracket", "next_measure", "Next measure", "numbers"
    ),
    KeySpec(
        "numbers.previous-measure",
        "left_square_bracket",
        "previous_measure",
        "Prev measure",
        "numbers",
        show=False,
    ),
    KeySpec("numbers.down", "j", "cursor('down')", "Down", "numbers", show=False),
    KeySpec("numbers.up", "k", "cursor('up')", "Up", "numbers", show=False),
    # Notes
    KeySpec("notes.close", "escape", "close", "Back", "notes"),
    KeySpec("notes.filter", "slash", "focus_filter", "Filter by tag", "notes"),
    KeySpec("notes.open", "enter,o", "open_article", "Open", "notes"),
    KeySpec("notes.edit", "e", "edit", "Edit", "notes"),
    KeySpec("notes.delete", "d,delete", "delete", "Delete", "notes"),
    KeySpec("notes.toggle-article", "a", "toggle_article", "All / this article", "notes"),
    KeySpec("notes.down", "j", "cursor('down')", "Down", "notes", show=False),
    KeySpec("notes.up", "k", "cursor('up')", "Up", "notes", show=False),
    KeySpec("notes.confirm-yes", "y", "answer(True)", "Delete", "notes-confirm"),
    KeySpec("notes.confirm-no", "n,escape", "answer(False)", "Keep", "notes-confirm"),
    KeySpec("note-editor.save", "ctrl+s", "save", "Save", "note-editor", priority=True),
    KeySpec("note-editor.cancel", "escape", "cancel", "Cancel", "note-editor"),
    KeySpec("note-editor.discard-yes", "y", "answer(True)", "Discard", "note-editor-discard"),
    KeySpec(
        "note-editor.discard-no", "n,escape", "answer(False)", "Keep editing", "note-editor-discard"
    ),
    # Small dialogs
    KeySpec("pick.cancel", "escape", "cancel", "Cancel", "pick"),
    KeySpec("pick.down", "j", "cursor('down')", "Down", "pick", show=False),
    KeySpec("pick.up", "k", "cursor('up')", "Up", "pick", show=False),
    KeySpec("open-folder.cancel", "escape", "cancel", "Cancel", "open-folder"),
    KeySpec("help.close", "escape,q,question_mark", "dismiss", "Close", "help"),
    KeySpec("help.down", "j,down", "scroll('down')", "Scroll down", "help", show=False),
    KeySpec("help.up", "k,up", "scroll('up')", "Scroll up", "help", show=False),
)

TITLES: dict[str, str] = {
    "app.quit": "Quit Sverka",
    "app.help": "Show the keys of this screen (this help)",
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
    "main.numbers": "Numbers: the listed articles' figures by measure, in time order",
    "numbers.open": "Open the article at the figure's sentence",
    "numbers.next-measure": "Next measure",
    "numbers.previous-measure": "Previous measure",
    "numbers.close": "Back to the articles",
    "main.copy": "Copy the selected sentence, quote or passage (terminal clipboard, OSC 52)",
    "main.open-url": "Open the article's source URL in the browser",
    "list.open": "Open the highlighted article",
    "reader.next-sentence": "Select the next sentence (for a note)",
    "reader.previous-sentence": "Select the previous sentence",
    "reader.clear-selection": "Clear the sentence selection",
    "reader.find": "Find in this article (word forms, as / in less)",
    "reader.next-match": "Next match of the search (else: n adds a note)",
    "reader.previous-match": "Previous match of the search (else: N lists notes)",
    "facts.select": "Jump to the fact's next mention; list other articles mentioning it",
    "compare.next_shared": "Next passage the two articles share (both columns scroll)",
    "compare.previous_shared": "Previous shared passage",
    "compare.next_disagreement": "Next numbers that differ or conflict",
    "compare.previous_disagreement": "Previous numbers that differ or conflict",
    "compare.toggle_facts": "Show or hide the fact diff (shared and missing facts)",
    "compare.pick_second": "Compare with another article",
    "compare.focus_next": "Move between the columns and the fact diff",
    "compare.back": "Back to the article",
    "compare.column.down": "Scroll the column down",
    "compare.column.up": "Scroll the column up",
    "compare.column.top": "Top of the column",
    "compare.column.bottom": "Bottom of the column",
    "compare.pick.cancel": "Close without choosing",
    "notes.close": "Back to the article",
    "notes.filter": "Filter the notes by tag",
    "notes.open": "Open the note's article at its passage",
    "notes.edit": "Edit the highlighted note",
    "notes.delete": "Delete the highlighted note (asks first)",
    "notes.toggle-article": "Show all notes or this article's only",
    "notes.confirm-yes": "Yes, delete the note",
    "notes.confirm-no": "No, keep the note",
    "note-editor.save": "Save the note",
    "note-editor.cancel": "Close the editor (asks if there are changes)",
    "note-editor.discard-yes": "Yes, discard the changes",
    "note-editor.discard-no": "No, go on editing",
    "pick.cancel": "Close without choosing",
    "open-folder.cancel": "Close without opening a folder",
    "help.close": "Close this help",
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
    default = _conflicts({})
    for first, second, key in sorted(_conflicts(good) - default):
        where = GROUPS.get(BY_ID[first].group, BY_ID[first].group)
        problems.append(
            f"{first!r} and {second!r} are both bound to {key!r} ({where}): only one of them"
            " would run"
        )
    return good, problems


NESTED_IN: dict[str, str] = {
    "list": "main",
    "reader": "main",
    "facts": "main",
    "compare-column": "compare",
}
"""Groups whose bindings live on a widget inside another group's screen: a key they bind hides
the same key of the enclosing group (and of "app", which encloses every group)."""


def _enclosing(group: str) -> list[str]:
    """`group` and the groups whose keys it can hide, innermost first."""
    chain = [group]
    while chain[-1] in NESTED_IN:
        chain.append(NESTED_IN[chain[-1]])
    if group != "app":
        chain.append("app")
    return chain


def _conflicts(keymap: Mapping[str, str]) -> set[tuple[str, str, str]]:
    """(binding id, binding id, key) for two bindings that share a key where both are active: in
    one group, or one in a group enclosing the other's."""
    keys = {spec.id: {k.strip() for k in keys_for(spec, keymap).split(",")} for spec in KEYS}
    found: set[tuple[str, str, str]] = set()
    for spec in KEYS:
        scope = _enclosing(spec.group)
        for other in KEYS:
            if other.id == spec.id or other.group not in scope:
                continue
            if other.group == spec.group and other.id < spec.id:
                continue  # the pair is found from the other side
            for key in keys[spec.id] & keys[other.id]:
                found.add((spec.id, other.id, key))
    return found


def _normal_key(key: str) -> str:
    """`"F2"` → `"f2"`, `"Ctrl+Q"` → `"ctrl+q"`; single characters keep their case (`G` ≠ `g`)."""
    key = key.strip()
    return key if len(key) == 1 else key.lower()


def keys_for(spec: KeySpec, keymap: Mapping[str, str]) -> str:
    """The keys currently bound to `spec` (after the user's keymap), as a comma list."""
    return keymap.get(spec.id, spec.keys)
