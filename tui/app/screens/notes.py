"""`NotesScreen`: every note in the store — filter by tag, edit, delete with confirmation.

How to open it:

    app.push_screen(NotesScreen(store))                       # all notes
    app.push_screen(NotesScreen(store, article_id=article.id)) # starts with one article's notes
                                                               # (`a` toggles all / this article)
    app.push_screen(NotesScreen(store, documents=text_for))    # re-anchor first

`store` is a `tui.notes.NotesStore` (the screen calls `store.load()` on opening, which keeps unsaved
changes, so notes added by another running Sverka show up; a NotesError is shown, not raised).
`documents`, if given, is a callable `article_id -> ArticleState | str | None` returning the
article as it is now (`tui.notes.ArticleState`: cleaned text, content hash, title — or just the
cleaned text); it is called in a thread worker, and each note is then checked against it: a note
whose article changed identity is orphaned (never moved into the other article), passage notes
are re-attached to the text (moved offsets and orphans are saved), so "orphaned" reflects the
corpus as it is now. Without it the status saved with each note is shown.

Keys: `/` filter by tag (typing filters as you go; Enter or ↓ goes back to the list), `Enter`/`o`
open the note's article at its passage (the screen dismisses with the note; the app opens it),
`e` edit (opens `NoteEditor`), `d`/`Delete` delete (asks first), `a` all notes / this article,
`Escape` closes. Note and article text is never rendered as markup, and is sanitised.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import var
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.app.keymap import bindings_for
from tui.app.screens.note_editor import CSS_FILE, NoteEditor
from tui.corpus.sanitize import sanitize_line, sanitize_text
from tui.notes import ArticleState, Note, NotesError, NotesStore

PREVIEW_LINES = 2
"""Lines of a note's text shown in the list (the preview below shows all of it)."""


def note_matches(note: Note, tag_filter: str) -> bool:
    """True when `tag_filter` is empty or is part of one of the note's tags (case-insensitive)."""
    wanted = tag_filter.strip().lstrip("#").casefold()
    return not wanted or any(wanted in tag.casefold() for tag in note.tags)


def note_label(note: Note) -> Text:
    """A few lines describing `note` in the list: status, article, tags, quote and text."""
    label = Text()
    if note.orphaned:
        label.append("⚠ orphaned ", style="bold red")
    meta = note.article
    head = " · ".join(
        sanitize_line(v) for v in (meta.title or note.article_id, meta.outlet, meta.date or "") if v
    )
    label.append(head, style="bold")
    if note.tags:
        label.append("  " + " ".join(f"#{sanitize_line(t)}" for t in note.tags), style="italic")
    if note.quote:
        label.append("\n  “" + sanitize_line(note.quote)[:120] + "”", style="dim")
    lines = [
        sanitize_line(line)
        for line in sanitize_text(note.text.replace("\r\n", "\n")).split("\n")
        if line.strip()
    ]
    for line in lines[:PREVIEW_LINES]:
        label.append("\n  " + line[:200])
    if len(lines) > PREVIEW_LINES:
        label.append(" …", style="dim")
    return label


def note_details(note: Note) -> Text:
    """The whole note, for the preview pane."""
    out = Text()
    meta = note.article
    out.append(sanitize_line(meta.title or note.article_id), style="bold")
    details = [sanitize_line(v) for v in (meta.outlet, meta.date or "", note.article_id) if v]
    out.append("\n" + " · ".join(details), style="dim")
    if note.detached:
        out.append(
            "\nOrphaned: the article under this id is no longer the one this note was made on.",
            style="bold red",
        )
    if note.quote:
        if note.orphaned and not note.detached:
            out.append("\nPassage no longer found in the article's current text:", style="bold red")
        out.append(
            "\n> " + sanitize_text(note.quote).strip("\n").replace("\n", "\n> "), style="italic"
        )
    out.append("\n" + sanitize_text(note.text.replace("\r\n", "\n")))
    stamp = f"created {note.created[:16].replace('T', ' ')}"
    if note.updated != note.created:
        stamp += f", edited {note.updated[:16].replace('T', ' ')}"
    out.append(
        "\n"
        + stamp
        + (("  tags: " + ", ".join(sanitize_line(t) for t in note.tags)) if note.tags else ""),
        style="dim",
    )
    return out


class ConfirmDelete(ModalScreen[bool]):
    """Asks "Delete this note?"; dismisses with True for y/Enter on Delete, False otherwise."""

    CSS_PATH = CSS_FILE
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("notes-confirm")

    def __init__(self, note: Note) -> None:
        super().__init__()
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="notes-confirm-dialog"):
            yield Label(
                Text("Delete this note? y deletes, n or Esc keeps it."), id="notes-confirm-question"
            )
            yield Static(note_label(self.note), id="notes-confirm-note")

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)


class NotesScreen(Screen["Note | None"]):
    """The notes pane: list (filterable by tag), preview, edit, delete."""

    CSS_PATH = CSS_FILE
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("notes")
    HELP_TITLE = "notes screen"

    tag_filter: var[str] = var("")
    """Only notes with a tag containing this text are listed ("" lists all)."""

    only_article: var[bool] = var(False)
    """List only the notes of `article_id`."""

    def __init__(
        self,
        store: NotesStore,
        article_id: str | None = None,
        documents: Callable[[str], ArticleState | str | None] | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.article_id = article_id
        self.documents = documents
        self.set_reactive(NotesScreen.only_article, article_id is not None)
        self.shown: list[Note] = []
        """The notes currently listed, in order."""
        self._ready = False

    def compose(self) -> ComposeResult:
        with Vertical(id="notes-body"):
            with Horizontal(id="notes-top"):
                yield Label(
                    Text(f"Notes — {sanitize_line(str(self.store.path))}"), id="notes-title"
                )
            yield Input(placeholder="/ filter by tag", id="notes-filter")
            yield OptionList(id="notes-list")
            with VerticalScroll(id="notes-preview-box"):
                yield Static(Text(""), id="notes-preview")
        yield Footer()

    def on_mount(self) -> None:
        try:
            self.store.load()  # pick up other instances' notes; unsaved changes are kept
        except NotesError as exc:
            self._report(exc)
        self._ready = True
        self.refresh_list()
        self.query_one("#notes-list", OptionList).focus()
        if self.documents is not None:
            ids = sorted({n.article_id for n in self.store.list()})
            if ids:
                self._fetch_texts(ids)

    @work(thread=True, exclusive=True, group="notes-reanchor")
    def _fetch_texts(self, article_ids: list[str]) -> None:
        """Get each article's current cleaned text (slow: cleaning) off the UI thread."""
        worker = get_current_worker()
        texts: dict[str, ArticleState | str] = {}
        for article_id in article_ids:
            if worker.is_cancelled:
                return
            try:
                text = self.documents(article_id) if self.documents else None
            except Exception:  # noqa: BLE001 - an article that cannot be read keeps its status
                text = None
            if text is not None:
                texts[article_id] = text
        self.app.call_from_thread(self._reanchor, texts)

    def _reanchor(self, texts: dict[str, ArticleState | str]) -> None:
        """Check notes against their articles as they are now (identity, passage); save moves
        and orphans."""
        for note in self.store.list():
            if note.article_id in texts:
                self.store.reanchor(note, texts[note.article_id])
        if self.store.pending:
            self._save()
        self.refresh_list()

    def _save(self) -> None:
        try:
            self.store.save()
        except NotesError as exc:
            self._report(exc)

    def _report(self, exc: NotesError) -> None:
        self.app.notify(
            f"{exc}. Changes are kept while Sverka runs.",
            title="Notes file not written",
            severity="error",
            markup=False,
        )

    # -- state -> view ------------------------------------------------------------------------

    def watch_tag_filter(self) -> None:
        if self._ready:
            self.refresh_list()

    def watch_only_article(self) -> None:
        if self._ready:
            self.refresh_list()

    def refresh_list(self, keep: str | None = None) -> None:
        """Rebuild the list from the store, keeping the highlight on note id `keep` if listed."""
        options = self.query_one("#notes-list", OptionList)
        if (
            keep is None
            and options.highlighted is not None
            and options.highlighted < len(self.shown)
        ):
            keep = self.shown[options.highlighted].id
        article = self.article_id if self.only_article else None
        self.shown = [
            n for n in self.store.list(article_id=article) if note_matches(n, self.tag_filter)
        ]
        options.clear_options()
        items: list[Option | None] = []
        for note in self.shown:
            if items:
                items.append(None)  # a separator line between notes
            items.append(Option(note_label(note), id=note.id))
        options.add_options(items)
        if self.shown:
            ids = [n.id for n in self.shown]
            options.highlighted = ids.index(keep) if keep in ids else 0
        self._show_preview()
        scope = "this article" if article else "all articles"
        orphans = sum(1 for n in self.shown if n.orphaned)
        summary = f"{len(self.shown)} note(s), {scope}" + (
            f", {orphans} orphaned" if orphans else ""
        )
        if self.tag_filter.strip():
            summary += f", tag contains {sanitize_line(self.tag_filter.strip())!r}"
        if self.store.pending:
            summary += " — NOT SAVED to the notes file"
        self.query_one("#notes-title", Label).update(Text(f"Notes — {summary}"))

    def _show_preview(self) -> None:
        note = self.current_note()
        preview = self.query_one("#notes-preview", Static)
        if note is None:
            empty = (
                "No notes match."
                if self.tag_filter.strip()
                else "No notes yet: press n on an article."
            )
            preview.update(Text(empty, style="dim"))
        else:
            preview.update(note_details(note))

    def current_note(self) -> Note | None:
        """The highlighted note, if any."""
        index = self.query_one("#notes-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.shown):
            return None
        return self.shown[index]

    # -- events -------------------------------------------------------------------------------

    @on(Input.Changed, "#notes-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.tag_filter = event.value

    @on(Input.Submitted, "#notes-filter")
    def _filter_submitted(self) -> None:
        self.query_one("#notes-list", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#notes-list")
    def _highlighted(self) -> None:
        self._show_preview()

    @on(OptionList.OptionSelected, "#notes-list")
    def _selected(self) -> None:
        self.action_open_article()

    # -- actions ------------------------------------------------------------------------------

    def action_close(self) -> None:
        """Back to where the notes pane was opened from (Esc in the filter returns to the list)."""
        if self.focused is self.query_one("#notes-filter", Input):
            self.query_one("#notes-list", OptionList).focus()
            return
        self.dismiss(None)

    def action_focus_filter(self) -> None:
        """Type a tag to filter by."""
        self.query_one("#notes-filter", Input).focus()

    def action_cursor(self, direction: str) -> None:
        """Move the highlight (vim keys)."""
        options = self.query_one("#notes-list", OptionList)
        if direction == "down":
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_toggle_article(self) -> None:
        """Switch between this article's notes and all notes."""
        if self.article_id is None:
            self.notify("Opened without an article: showing all notes.", markup=False)
            return
        self.only_article = not self.only_article

    def action_open_article(self) -> None:
        """Close the notes and open the highlighted note's article at its passage."""
        note = self.current_note()
        if note is None:
            return
        self.dismiss(note)

    def action_edit(self) -> None:
        """Edit the highlighted note."""
        note = self.current_note()
        if note is None:
            return

        def done(result: Note | None) -> None:
            self.refresh_list(keep=result.id if result is not None else note.id)

        self.app.push_screen(NoteEditor(self.store, note=note), done)

    def action_delete(self) -> None:
        """Delete the highlighted note, after asking."""
        note = self.current_note()
        if note is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.store.delete(note.id)
            except KeyError:
                pass
            except NotesError as exc:
                self._report(exc)
            self.refresh_list()
            self.notify("Note deleted.", markup=False)

        self.app.push_screen(ConfirmDelete(note), answered)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Edit and delete need a highlighted note; the filter's letters must reach the Input."""
        if (
            action in ("edit", "delete", "open_article", "toggle_article", "cursor", "focus_filter")
            and self.is_mounted
        ):
            if isinstance(self.focused, Input):
                return False
            if action in ("edit", "delete", "open_article") and self.current_note() is None:
                return None
        return True
