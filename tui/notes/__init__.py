"""Notes on articles and on passages of their cleaned text, kept in one TOML file.

Core module: never imports textual. Public API:

- `NotesStore(path)`: `load()`, `add(article_id, text, quote=None, anchor=None, tags=(), article=None)`,
  `update(note_id, text=None, tags=None, anchor=...)`, `delete(note_id)`,
  `list(article_id=None, tag=None)`, `reanchor(note, ArticleState | text) -> AnchorStatus`, `save()`.
- `Note`, `Anchor`, `ArticleMeta`, `ArticleState`, `AnchorStatus`, `NotesError`, `SaveResult`;
  `same_article(meta, sha1, title)`: is the article under a note's id still the one it was made on.
- `make_anchor(document_text, start, end) -> Anchor`, `find_quote(document_text, quote)`.
- `export(notes, fmt, articles_meta=None) -> str` for 'md', 'json', 'toml', 'csv'.
- `resolve_notes_path(cli_value, config_value) -> Path`.
"""

from __future__ import annotations

from tui.notes.anchoring import find_quote, locate, make_anchor
from tui.notes.export import FORMATS, export
from tui.notes.location import resolve_notes_path
from tui.notes.model import (
    Anchor,
    AnchorStatus,
    ArticleMeta,
    ArticleState,
    Note,
    NotesError,
    normalize_tags,
    same_article,
)
from tui.notes.store import NotesStore, SaveResult

__all__ = [
    "FORMATS",
    "Anchor",
    "AnchorStatus",
    "ArticleMeta",
    "ArticleState",
    "Note",
    "NotesError",
    "NotesStore",
    "SaveResult",
    "export",
    "find_quote",
    "locate",
    "make_anchor",
    "normalize_tags",
    "same_article",
    "resolve_notes_path",
]
