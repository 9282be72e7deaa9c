"""Corpus: files on disk → decoded, sanitised text with metadata. Never imports textual."""

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
