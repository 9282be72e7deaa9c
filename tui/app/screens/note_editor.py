"""`NoteEditor`: a modal that writes a new note, or edits one, and saves it to the notes store.

How to open it (the screen saves through the store itself; a caller may still use the result):

    # A new note on a whole article, or on a passage of its cleaned text (`span` into
    # `document.text`, e.g. the reading view's selected sentence):
    app.push_screen(NoteEditor.for_article(store, article, document, span))

    # The same, with the pieces given one by one:
    NoteEditor(store, article_id, meta=ArticleMeta(title, outlet, date), anchor=make_anchor(...))
    NoteEditor(store, article_id, meta=..., quote="passage with no known position")

    # Edit an existing note (its quote is shown, its text and tags are editable):
    NoteEditor(store, note=store.get(note_id))

It dismisses with the saved `Note`, or None when cancelled (Escape). If the notes file cannot be
written (`NotesError`) the note is kept in memory, a warning says why, and it still dismisses
with the note. Ctrl+S saves; Escape closes, asking first if anything was typed. Text is never rendered as markup, and shown text is sanitised.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, Static, TextArea

from tui.app.keymap import bindings_for
from tui.corpus.sanitize import sanitize_line, sanitize_text
from tui.notes import Anchor, ArticleMeta, Note, NotesError, NotesStore, make_anchor, normalize_tags

CSS_FILE = Path(__file__).with_name("notes.tcss")


class TagSuggester(Suggester):
    """Completes the tag being typed (after the last comma) from the tags already in use."""

    def __init__(self, tags: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.tags = tags

    async def get_suggestion(self, value: str) -> str | None:
        """`value` with its last, partly typed tag completed (spelled as in use), or None."""
        head, _, last = value.rpartition(",")
        typed = last.lstrip()
        if not typed:
            return None
        taken = {t.strip().casefold() for t in head.split(",")}
        for tag in self.tags:
            if (
                tag.casefold().startswith(typed.casefold())
                and tag.casefold() not in taken
                and len(tag) > len(typed)
            ):
                return value[: len(value) - len(typed)] + tag  # the tag as it is spelled
        return None


class NoteEditor(ModalScreen[Note | None]):
    """Write or edit one note: its text (TextArea), its tags (Input) and, read-only, its quote."""

    CSS_PATH = CSS_FILE
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("note-editor")

    def __init__(
        self,
        store: NotesStore,
        article_id: str | None = None,
        *,
        meta: ArticleMeta | None = None,
        anchor: Anchor | None = None,
        quote: str | None = None,
        note: Note | None = None,
    ) -> None:
        """A new note on `article_id` (optionally on `anchor`'s passage), or an edit of `note`."""
        super().__init__()
        if note is None and article_id is None:
            raise ValueError("NoteEditor needs an article_id for a new note, or a note to edit")
        self.store = store
        self.note = note
        self.article_id = note.article_id if note is not None else str(article_id)
        self.meta = note.article if note is not None else (meta or ArticleMeta())
        self.passage: Anchor | None = note.anchor if note is not None else anchor
        self.quote = (
            note.quote if note is not None else (anchor.quote if anchor is not None else quote)
        )
        self._original_text = note.text if note is not None else ""
        self._shown_text = sanitize_text(self._original_text.replace("\r\n", "\n"))

    @classmethod
    def for_article(
        cls,
        store: NotesStore,
        article: Any,
        document: Any = None,
        span: tuple[int, int] | None = None,
    ) -> NoteEditor:
        """A new note on `article` (a `tui.corpus.Article`), on `document.text[span]` if given."""
        meta = ArticleMeta(
            title=getattr(article, "title", "") or "",
            outlet=getattr(article, "outlet", "") or "",
            date=getattr(article, "date", None),
            sha1=getattr(article, "sha1", "") or "",
        )
        anchor = None
        if span is not None and document is not None:
            start, end = span
            if 0 <= start < end <= len(document.text):
                anchor = make_anchor(document.text, start, end)
        return cls(store, article.id, meta=meta, anchor=anchor)

    def compose(self) -> ComposeResult:
        heading = "Edit note" if self.note is not None else "New note"
        with Vertical(id="note-editor-dialog"):
            yield Label(
                Text(f"{heading} — {sanitize_line(self.meta.title or self.article_id)}"),
                id="note-editor-title",
            )
            if self.quote:
                with VerticalScroll(id="note-editor-quote-box"):
                    yield Static(
                        Text(sanitize_text(self.quote).strip("\n"), style="italic"),
                        id="note-editor-quote",
                    )
                if self.note is not None and self.note.orphaned:
                    yield Label(
                        Text("This passage is no longer in the article's text."),
                        id="note-editor-orphaned",
                    )
            yield TextArea(self._shown_text, id="note-editor-text", placeholder="Your note…")
            yield Input(
                ", ".join(self.note.tags) if self.note is not None else "",
                placeholder="tags, comma-separated (→ completes a tag in use)",
                id="note-editor-tags",
                suggester=TagSuggester(self.store.tags()),
            )
            with Horizontal(id="note-editor-buttons"):
                yield Button("Save", id="note-editor-save", variant="primary")
                yield Button("Cancel", id="note-editor-cancel")
            yield Label(Text("Ctrl+S saves · Tab moves · Esc cancels"), id="note-editor-hint")

    def on_mount(self) -> None:
        area = self.query_one("#note-editor-text", TextArea)
        self._shown_text = area.text  # as the TextArea normalised it, to spot "unchanged"
        area.focus()

    @on(Button.Pressed, "#note-editor-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#note-editor-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted, "#note-editor-tags")
    def _tags_submitted(self) -> None:
        self.action_save()

    def action_cancel(self) -> None:
        """Close without saving; asks first if the text or tags were changed."""
        if not self.changed():
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(DiscardChanges(), answered)

    def changed(self) -> bool:
        """True when the text or the tags differ from what the editor opened with."""
        text = self.query_one("#note-editor-text", TextArea).text
        tags = normalize_tags(self.query_one("#note-editor-tags", Input).value)
        return text != self._shown_text or tags != (self.note.tags if self.note is not None else ())

    def action_save(self) -> None:
        """Save the note through the store and dismiss with it."""
        area_text = self.query_one("#note-editor-text", TextArea).text
        # An untouched text keeps the original exactly (CRLF, control characters and all).
        text = self._original_text if area_text == self._shown_text else area_text
        tags = normalize_tags(self.query_one("#note-editor-tags", Input).value)
        if not text.strip() and not self.quote:
            self.notify("Write something first (or press Esc).", severity="warning")
            return
        saved: Note | None
        try:
            if self.note is not None:
                saved = self.store.update(self.note.id, text=text, tags=tags)
            else:
                saved = self.store.add(
                    self.article_id,
                    text,
                    quote=self.quote,
                    anchor=self.passage,
                    tags=tags,
                    article=self.meta,
                )
        except NotesError as exc:
            self.app.notify(
                f"{exc}. The note is kept while Sverka runs and saved when the file can be written.",
                title="Notes file not written",
                severity="error",
                markup=False,
            )
            saved = exc.note
        except KeyError:
            self.app.notify("That note was deleted meanwhile.", severity="warning", markup=False)
            saved = None
        self.dismiss(saved)


class DiscardChanges(ModalScreen[bool]):
    """Asks whether to throw away an unsaved note; True for y, False for n or Esc."""

    CSS_PATH = CSS_FILE
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("note-editor-discard")

    def compose(self) -> ComposeResult:
        with Vertical(id="notes-confirm-dialog"):
            yield Label(
                Text("Discard this note? y discards it, n or Esc goes back to editing."),
                id="notes-confirm-question",
            )

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)
