"""The article pipeline — the one path from a file to its facts:

    file ──tui.corpus──▶ Article ──tui.clean──▶ Document ──tui.facts──▶ Facts
          (decode, sanitise,        (boilerplate out,         (entities, dates, quantities,
           title, language…)         title, paragraphs)        quotes, sources, claims)

Every face goes through here: the CLI (`sverka facts`, `show`, `notes`), the app (reading view,
facts pane, «also mentioned in»), compare (`tui.compare.prepare`), the index and its worker pool
(`tui.index.facts_pool`). So a page is cleaned the same way everywhere, and facts always refer to
offsets in the same `Document.text`.

Cleaning happens once per open: `tui.clean.clean_text` keeps the last few documents, so the
cleaning done while reading an article's metadata (its title and word count are those of its
cleaned text) serves the `document` asked for right after. Facts are cached on disk by `tui.facts`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.clean.document import Document
    from tui.corpus import Article, Skipped
    from tui.facts import Facts

__all__ = ["document", "document_and_facts", "facts", "read"]


def read(path: Path, root: Path | None = None) -> Article | Skipped:
    """The article in the file `path` (its id relative to the corpus `root`), or why it is skipped."""
    from tui.corpus import read_article

    return read_article(path, root)


def document(article: Article) -> Document:
    """The article's cleaned document (cleaned once: see the module docstring)."""
    from tui.clean import clean_article

    return clean_article(article)


def facts(article: Article, doc: Document | None = None) -> Facts:
    """The facts of the article's cleaned text (`doc`, when the caller holds it already), from
    the disk cache when known."""
    from tui.facts import facts_for

    return facts_for(article, doc if doc is not None else document(article))


def document_and_facts(article: Article) -> tuple[Document, Facts]:
    """The cleaned document and its facts."""
    doc = document(article)
    return doc, facts(article, doc)
