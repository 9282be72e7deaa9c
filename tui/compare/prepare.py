"""One article made ready for comparison: its cleaned text, language and facts.

`prepare(article)` cleans the article and gets its facts (cached on disk by the facts module); the
result is also kept in memory per process, keyed by the article's content hash, so that ranking a
corpus and comparing pairs never prepares one article twice.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.facts.model import Facts

if TYPE_CHECKING:
    from tui.clean import Document
    from tui.corpus import Article

_CACHE: dict[tuple[str, str], Prepared] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Prepared:
    """What comparison needs of one article. `text` is the cleaned `Document.text`."""

    id: str
    text: str
    language: str | None = None
    facts: Facts = field(default_factory=Facts)
    title: str = ""
    """The cleaned document's title (what `text` starts with), else the article's."""
    outlet: str = ""
    date_line: str | None = None
    """The cleaned document's date line (the paragraph after the title in `text`), if any."""
    date: str | None = None
    """The article's publication date (ISO, possibly partial), if known."""


def prepare(article: Article) -> Prepared:
    """Clean `article`, extract its facts, and remember the result for this process."""
    key = (article.id, article.sha1)
    with _LOCK:
        hit = _CACHE.get(key)
    if hit is not None:
        return hit
    document, facts = _clean_and_extract(article)
    prepared = Prepared(
        id=article.id,
        text=document.text,
        language=article.language,
        facts=facts,
        title=document.title or article.title,
        outlet=article.outlet,
        date_line=document.date_line,
        date=article.date,
    )
    with _LOCK:
        _CACHE[key] = prepared
    return prepared


def _clean_and_extract(article: Article) -> tuple[Document, Facts]:
    """The cleaned document and its facts (cached on disk by `tui.facts`)."""
    from tui import pipeline

    return pipeline.document_and_facts(article)


def clear_cache() -> None:
    """Forget prepared articles (tests; a corpus reloaded from disk)."""
    with _LOCK:
        _CACHE.clear()
