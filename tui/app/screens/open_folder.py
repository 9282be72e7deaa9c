"""«Open folder…» (command palette): type the path of another corpus folder."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.app.keymap import bindings_for
from tui.corpus.sanitize import sanitize_line


def folder_problem(value: str) -> str:
    """Why `value` cannot be opened as a corpus folder ("" if it can)."""
    if not value.strip():
        return "Type the path of a folder."
    path = Path(value.strip()).expanduser()
    if not path.exists():
        return f"No such folder: {sanitize_line(str(path))}"
    if not path.is_dir():
        return f"Not a folder: {sanitize_line(str(path))}"
    return ""


class OpenFolder(ModalScreen["Path | None"]):
    """Asks for a folder; dismisses with its path, or None (Esc)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("open-folder")

    DEFAULT_CSS = """
    OpenFolder { align: center middle; }
    OpenFolder > #open-folder-dialog {
        width: 80;
        max-width: 95%;
        height: auto;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    OpenFolder #open-folder-problem { color: $text-error; height: auto; }
    """

    def __init__(self, current: Path) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="open-folder-dialog"):
            yield Label(Text("Open folder (Enter opens, Esc cancels)", style="bold"))
            yield Input(str(self.current), id="open-folder-path")
            yield Label(Text(""), id="open-folder-problem")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = folder_problem(event.value)
        if problem:
            self.query_one("#open-folder-problem", Label).update(Text(problem))
            return
        self.dismiss(Path(event.value.strip()).expanduser())

    def action_cancel(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)
