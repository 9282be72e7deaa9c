"""The fact-diff panel of the comparison screen: what both articles name, what each leaves out,
and their numbers and dates side by side with a status.

Built from `tui.compare.Comparison`; every string is put into `rich.text.Text` as plain text.
Status colours come from the theme through component classes (no hard-coded colours).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.app.widgets.styling import component_style
from tui.compare import Comparison, Value, ValueGroup
from tui.compare.reading import format_date, reader_quantities, value_runs

STATUS_LABEL = {
    "conflict": "CONFLICT",
    "differ": "DIFFER",
    "compatible": "compatible",
    "agree": "agree",
    "only_a": "only A",
    "only_b": "only B",
}


class FactDiffPanel(VerticalScroll):
    """Entities shared / only in A / only in B, then numbers and dates with their status."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "fact-diff--heading",
        "fact-diff--conflict",
        "fact-diff--differ",
        "fact-diff--agree",
        "fact-diff--muted",
        "fact-diff--current",
    }

    DEFAULT_CSS = """
    FactDiffPanel {
        padding: 0 1;
        scrollbar-size-vertical: 1;
        & > .fact-diff--heading { text-style: bold; color: $text-primary; }
        & > .fact-diff--conflict { color: $text-error; text-style: bold; }
        & > .fact-diff--differ { color: $text-warning; }
        & > .fact-diff--agree { color: $text-success; }
        & > .fact-diff--muted { color: $foreground-muted; }
        & > .fact-diff--current { background: $accent 40%; color: $foreground; }
        & > Static { width: 1fr; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's own name
        super().__init__(id=id)
        self.comparison: Comparison | None = None
        self.current: ValueGroup | None = None
        self._body = Static(Text("Comparing…"), id="fact-diff-body")

    def compose(self) -> ComposeResult:
        yield self._body

    def show(self, comparison: Comparison, current: ValueGroup | None = None) -> None:
        """Render `comparison`, highlighting the group `current` (a disagreement being viewed)."""
        self.comparison = comparison
        self.current = current
        self._body.update(self.render_text())
        if current is not None:
            line = self._line_of(current)
            if line is not None:
                self.scroll_to(y=max(0, line - 2), animate=False)

    def _style(self, name: str) -> Style:
        return component_style(self, f"fact-diff--{name}")

    def _line_of(self, group: ValueGroup) -> int | None:
        lines = self.render_text().plain.split("\n")
        marker = _group_line(group)
        for i, line in enumerate(lines):
            if line.startswith(marker):
                return i
        return None

    def render_text(self) -> Text:
        """The whole panel as one Text."""
        out = Text()
        comp = self.comparison
        if comp is None:
            return Text("Comparing…")
        heading, muted = self._style("heading"), self._style("muted")
        ents = comp.entities
        out.append(f"Shared entities ({len(ents.shared)})\n", heading)
        for row in ents.shared:
            out.append(f"{row.type} ", muted)
            out.append(row.a or "")
            if row.b and row.b != row.a:
                out.append(" / " + row.b)
            out.append("\n")
        out.append(f"\nOnly in A ({len(ents.only_a)})\n", heading)
        for row in ents.only_a:
            out.append(f"{row.type} ", muted)
            out.append(f"{row.a or ''}\n")
        out.append(f"\nOnly in B ({len(ents.only_b)})\n", heading)
        for row in ents.only_b:
            out.append(f"{row.type} ", muted)
            out.append(f"{row.b or ''}\n")
        shown, hidden = reader_quantities(comp.quantities)
        out.append("\nNumbers\n", heading)
        if comp.event is not None:
            reasons = "; ".join(comp.event.reasons)
            if comp.event.same:
                out.append(f"Same event ({reasons})\n" if reasons else "Same event\n", muted)
            else:
                out.append("Different events", self._style("differ"))
                out.append(f" ({reasons}): numbers listed, not compared\n", muted)
        self._groups(out, shown)
        if hidden:
            out.append(f"({hidden} minor numbers not shown; sverka compare --json)\n", muted)
        out.append("\nDates\n", heading)
        self._groups(out, comp.dates)
        out.rstrip()
        return out

    def _groups(self, out: Text, groups: Sequence[ValueGroup]) -> None:
        if not groups:
            out.append("—\n", self._style("muted"))
        for group in groups:
            line = Text(_group_line(group))
            status = (
                "differ"
                if group.status == "compatible"
                else group.status
                if group.status in ("conflict", "differ", "agree")
                else "muted"
            )
            line.append(STATUS_LABEL.get(group.status, group.status), self._style(status))
            for side, values in (("A", group.a), ("B", group.b)):
                if values or not (group.a or group.b):
                    line.append(f"\n  {side}: ")
                    line.append(_values(values))
            line.append("\n")
            if group is self.current:
                line.stylize(self._style("current"))
            out.append_text(line)


def _group_line(group: ValueGroup) -> str:
    return f"{format_date(group.what)}: "


def _values(values: Sequence[Value]) -> str:
    if not values:
        return "—"
    return "; ".join(
        text + (f" ×{count}" if count > 1 else "") + (f" ({scope})" if scope else "")
        for text, scope, count in value_runs(values)
    )
