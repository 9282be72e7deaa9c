"""The facts pane: the shown article's facts grouped by kind, and where else they are mentioned.

Choosing an item posts `FactsPane.MentionChosen`; the screen scrolls the reading view to the
mention (choosing it again goes to the next one) and looks up the other articles that mention it.
Every label is a `rich.text.Text` built from plain strings, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, LoadingIndicator, OptionList, Static, Tree
from textual.widgets.option_list import Option

from tui.app.keymap import bindings_for
from tui.app.library import fact_key
from tui.corpus.sanitize import sanitize_line

KIND_TITLES: dict[str, str] = {
    "entities": "Entities",
    "dates": "Dates",
    "quantities": "Quantities",
    "quotes": "Quotes",
    "sources": "Sources",
}


# Which highlight style (of the reading view) each kind uses; entities use their type.
KIND_STYLE: dict[str, str] = {
    "dates": "date",
    "quantities": "quantity",
    "quotes": "",
    "sources": "source",
}


@dataclass
class FactItem:
    """One line of the pane: a fact (grouped by its key) and every mention of it in the text."""

    kind: str
    label: str
    key: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    detail: str = ""
    next_mention: int = 0


def date_label(value: str) -> str:
    """An ISO date value as a reader sees it: `--01-10` (year unknown) → `01-10, year?`."""
    if value.startswith("--"):
        return f"{value[2:]}, year?"
    return value


def group_facts(facts: Any) -> dict[str, list[FactItem]]:
    """Facts grouped by kind; entities by key, dates by value, sources by name."""
    groups: dict[str, dict[str, FactItem]] = {kind: {} for kind in KIND_TITLES}

    def add(kind: str, key: str, label: str, start: int, end: int, detail: str = "") -> None:
        item = groups[kind].get(key)
        if item is None:
            item = groups[kind][key] = FactItem(kind, label, key, detail=detail)
        item.mentions.append((start, end))

    for e in facts.entities:
        add("entities", fact_key("entities", e), e.normal or e.text, e.start, e.end, e.type)
    for d in facts.dates:
        add("dates", fact_key("dates", d), date_label(d.value), d.start, d.end, d.text)
    for q in facts.quantities:
        add("quantities", fact_key("quantities", q), q.text, q.start, q.end)
    for quote in facts.quotes:
        speaker = quote.speaker or "?"
        add("quotes", f"@{quote.start}", f"{speaker}: {quote.text}", quote.start, quote.end)
    for s in facts.sources:
        add("sources", fact_key("sources", s), s.name, s.start, s.end, s.kind)
    return {kind: list(items.values()) for kind, items in groups.items()}


class FactsTree(Tree[FactItem]):
    """The tree of facts, with the pane's key bindings."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("facts")

    def action_cursor_first(self) -> None:
        """First line of the tree."""
        self.cursor_line = 0

    def action_cursor_last(self) -> None:
        """Last line of the tree."""
        self.cursor_line = self.last_line


class FactsPane(Vertical):
    """Facts of the open article, grouped by kind, and the other articles mentioning one."""

    DEFAULT_CSS = """
    FactsPane {
        & > #facts-status { color: $text-muted; height: auto; padding: 0 1; }
        & > #facts-busy { height: 1; }
        & > FactsTree { height: 1fr; background: $surface; }
        & > #facts-others-title { color: $text-muted; padding: 0 1; height: 1; }
        & > #facts-others { height: auto; max-height: 8; border: none; background: $surface; }
    }
    """

    @dataclass
    class MentionChosen(Message):
        """A fact was chosen: jump to `span` in the text; find other articles mentioning it."""

        item: FactItem
        span: tuple[int, int]

    @dataclass
    class ArticleChosen(Message):
        """An article in the "also mentioned in" list was chosen (`item`: the fact it names)."""

        article_id: str
        item: FactItem | None = None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # Children are made here, not found by query: the screen mounts the pane after its first
        # frame, and an article may fill it before the pane has composed.
        self._status = Static(Text("No article open."), id="facts-status")
        self._busy = LoadingIndicator(id="facts-busy")
        self._tree: FactsTree = FactsTree(Text("Facts"), id="facts-tree")
        self._tree.show_root = False
        self._tree.guide_depth = 2
        self._others_title = Label(Text("Also mentioned in"), id="facts-others-title")
        self._others = OptionList(id="facts-others")
        self._others_item: FactItem | None = None
        self._groups: dict[str, list[FactItem]] = {}
        self._busy.display = False
        self._others_title.display = False
        self._others.display = False

    def compose(self) -> ComposeResult:
        yield self._status
        yield self._busy
        yield self._tree
        yield self._others_title
        yield self._others

    @property
    def facts_tree(self) -> FactsTree:
        """The facts tree (focus target)."""
        return self._tree

    @property
    def others_list(self) -> OptionList:
        """«Also mentioned in»: the other articles naming the chosen fact (focus target)."""
        return self._others

    def first_mention(self, kind: str, key: str) -> tuple[int, int] | None:
        """The first mention of the fact (`kind`, `key`) among the shown facts, if any."""
        for item in self._groups.get(kind, []):
            if item.key == key and item.mentions:
                return min(item.mentions)
        return None

    def set_status(self, message: str, busy: bool = False) -> None:
        """One line above the tree: progress (`busy` adds a spinner) or a problem."""
        self._status.update(Text(message))
        self._status.display = bool(message)
        self._busy.display = busy

    def show_facts(self, facts: Any | None, styles: dict[str, Style] | None = None) -> None:
        """Fill the tree (None: empty it); `styles` colour each item as the text highlights it."""
        tree = self.facts_tree
        tree.clear()
        self.show_others(None, [])
        self._groups = {}
        if facts is None:
            return
        groups = self._groups = group_facts(facts)
        for kind, title in KIND_TITLES.items():
            items = groups[kind]
            branch = tree.root.add(
                Text(f"{title} ({len(items)})", style="bold"), expand=kind != "quotes"
            )
            for item in items:
                style = (styles or {}).get(item.detail if kind == "entities" else KIND_STYLE[kind])
                label = Text(sanitize_line(item.label)[:80], style=style or "")
                muted = (styles or {}).get("muted") or "dim"
                if len(item.mentions) > 1:
                    label.append(f" ×{len(item.mentions)}", style=muted)
                if item.detail:
                    label.append(f" {item.detail}", style=muted)
                branch.add_leaf(label, data=item)
        first = next((b.children[0] for b in tree.root.children if b.children), None)
        if first is not None:  # on the first fact, so Enter jumps at once
            tree.call_after_refresh(tree.move_cursor, first)
        self.set_status(getattr(facts, "limit_message", ""))

    def show_others(self, item: FactItem | None, rows: Sequence[tuple[str, str]] | None) -> None:
        """List the other articles (id, title) mentioning `item` (None: not known)."""
        title = self._others_title
        others = self._others
        self._others_item = item
        others.clear_options()
        if item is None:
            title.display = others.display = False
            return
        title.display = others.display = True
        if rows is None:
            title.update(Text("Other mentions: run `sverka index --facts` on this corpus"))
            others.display = False
            return
        if not rows:
            title.update(Text(f"No other article mentions {sanitize_line(item.label)[:40]}"))
            others.display = False
            return
        title.update(Text(f"Also mentioned in ({len(rows)}) · Tab, Enter opens at the mention:"))
        others.add_options(
            Option(Text(sanitize_line(t), no_wrap=True, overflow="ellipsis"), id=article_id)
            for article_id, t in rows
        )

    @on(Tree.NodeSelected)
    def _node_selected(self, event: Tree.NodeSelected[FactItem]) -> None:
        event.stop()
        item = event.node.data
        if item is None or not item.mentions:
            return
        span = item.mentions[item.next_mention % len(item.mentions)]
        item.next_mention += 1
        self.post_message(self.MentionChosen(item, span))

    @on(OptionList.OptionSelected, "#facts-others")
    def _other_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.ArticleChosen(event.option.id, self._others_item))
