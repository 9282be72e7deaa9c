"""Corpus: files on disk → decoded, sanitised text with metadata. Never imports textual.

The names below are loaded on first use (PEP 562), so importing `tui.corpus.sanitize` — which the
app's first frame needs — does not import the reader, the decoders and the metadata detectors.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.corpus.reader import (
        Article,
        Corpus,
        CorpusError,
        Skipped,
        article_id_for,
        load_corpus,
        read_article,
        walk_articles,
    )
    from tui.corpus.sanitize import sanitize_line, sanitize_text

_WHERE = {
    "Article": "reader",
    "Corpus": "reader",
    "CorpusError": "folder",
    "Skipped": "reader",
    "article_id_for": "reader",
    "load_corpus": "reader",
    "read_article": "reader",
    "walk_articles": "reader",
    "sanitize_line": "sanitize",
    "sanitize_text": "sanitize",
}

__all__ = [
    "Article",
    "Corpus",
    "CorpusError",
    "Skipped",
    "article_id_for",
    "load_corpus",
    "read_article",
    "sanitize_line",
    "sanitize_text",
    "walk_articles",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'tui.corpus' has no attribute {name!r}")
    value = getattr(import_module(f"tui.corpus.{module}"), name)
    globals()[name] = value
    return value
