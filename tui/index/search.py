"""Full-text search: query words → engine clauses → ranked hits with snippets.

A query is folded, split and stemmed exactly like the indexed text (`tui.index.text`); every word
must occur (AND). While typing, the last word is also a prefix: «Токае» finds «Токаева». A query
that ends with a space treats its last word as complete. Hits are ranked by BM25 with titles
weighted above the body (`tui.index.engine`). Snippets are cut from the hits' cleaned texts only:
the text kept by `sverka index --facts` if there is one, else read again from the file.
"""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING

from tui.index.model import Hit, SearchResult
from tui.index.store import unpack_text
from tui.index.text import stem, words

if TYPE_CHECKING:
    from tui.index.engine import SearchIndex

SNIPPET_CHARS = 70
"""Characters of context either side of the first match."""

# How a folded letter may be spelled in the original text (the search side of `text.fold`).
_SPELLINGS = {"е": "[еёєЕЁЄ]", "и": "[иіїИІЇ]", "г": "[гґГҐ]", "к": "[ьЬ]?[кК]"}


Clause = tuple[list[str], str | None]
"""One query word: the exact terms that satisfy it, and a term prefix that also does (or None)."""


def parse(query: str, prefix: bool = True) -> tuple[list[Clause], list[str]]:
    """The clauses of `query` (all must match) and the terms a snippet should look for.

    Returns ([], []) for a query without words. Query syntax is never passed to the engine: only
    words count.
    """
    found = words(query)
    if not found:
        return [], []
    complete = query[-1:].isspace() or not prefix
    clauses: list[Clause] = []
    looks: list[str] = []
    for i, word in enumerate(found):
        term = stem(word)
        if i == len(found) - 1 and not complete and len(word) >= 2:
            # «токае» is the start of «токаева» (term «токаев»); «токаева» typed in full has the
            # shorter term «токаев»: either satisfies the clause.
            clauses.append(([term] if term != word else [], word))
            looks.append(term if len(term) < len(word) else word)
        else:
            clauses.append(([term], None))
            looks.append(term)
    return clauses, looks


def _finder(looks: list[str]) -> re.Pattern[str]:
    """A regex finding any of the terms at a word start in the original (unfolded) text."""

    def spelled(term: str) -> str:
        return "".join(_SPELLINGS.get(ch, re.escape(ch)) for ch in term)

    alts = sorted({spelled(t) for t in looks if t}, key=len, reverse=True)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alts) + ")", re.IGNORECASE)


def match_finder(query: str) -> re.Pattern[str] | None:
    """A regex finding, in an article's original text, the start of each word `query` matches
    (its word forms, ё/е and ґ/г folded) — what the app highlights; None without words."""
    _clauses, looks = parse(query, prefix=False)
    return _finder(looks) if looks else None


def match_spans(text: str, finder: re.Pattern[str]) -> list[tuple[int, int]]:
    """The whole words of `text` that `finder` (from `match_finder`) matches the start of."""
    spans = []
    for m in finder.finditer(text):
        end = m.end()
        while end < len(text) and (text[end].isalnum() or text[end] in "-'’"):
            end += 1
        spans.append((m.start(), end))
    return spans


def snippet(text: str, finder: re.Pattern[str]) -> str:
    """A one-line passage of `text` around the first match of `finder` (the start if none)."""
    m = finder.search(text)
    if m is None:
        start, end = 0, min(len(text), 2 * SNIPPET_CHARS)
    else:
        start = max(0, m.start() - SNIPPET_CHARS)
        end = min(len(text), m.end() + SNIPPET_CHARS)
        if start > 0:
            space = text.find(" ", start, m.start())
            start = space + 1 if space != -1 else start
        if end < len(text):
            space = text.rfind(" ", m.end(), end)
            end = space if space != -1 else end
    passage = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + passage + ("…" if end < len(text) else "")


def _snippet_of(
    z: bytes | None,
    rel: str,
    root: Path | None,
    finder: re.Pattern[str],
    stored: bytes | None = None,
) -> str:
    """The snippet of a hit: from its kept text, else from its file ("" if neither is readable)."""
    if root is None:  # no files to fall back on
        try:
            text = unpack_text(z) if z else None
        except ValueError:
            text = None
    else:
        from tui.corpus.reader import WINDOW_BYTES
        from tui.index.scan import article_text  # the corpus reader: only when snippets are asked

        text = article_text(root, rel, z, window=WINDOW_BYTES, stored=stored)
    return snippet(text, finder) if text else ""


def search(
    conn: sqlite3.Connection,
    engine: SearchIndex,
    query: str,
    limit: int = 50,
    prefix: bool = True,
    snippets: bool = True,
    outlet: str | None = None,
    language: str | None = None,
    root: Path | None = None,
) -> SearchResult:
    """Run `query` (see module docstring): hits from `engine`, titles from `conn`, snippets from
    the hits' texts (files under `root` when the catalogue keeps no text for them).

    Without `snippets` the hits' snippets are empty and no text is read (the app's list shows 500
    hits as rows). `outlet` and `language` keep only the articles with that exact outlet /
    language (counted in `total`)."""
    t0 = time.perf_counter()
    clauses, looks = parse(query, prefix)
    if not clauses:
        return SearchResult(query, (time.perf_counter() - t0) * 1000, 0, [])
    rowids, total = engine.search(clauses, max(1, limit), outlet, language)
    info: dict[int, tuple[str, str, bytes | None, str, bytes | None]] = {}
    if rowids:
        marks = ",".join("?" * len(rowids))
        sql = (
            "SELECT a.rowid, a.id, a.title, d.z, a.path, r.z FROM articles a LEFT JOIN doc d"
            " ON d.rowid = a.rowid LEFT JOIN rowtext r ON r.rowid = a.rowid"
            f" WHERE a.rowid IN ({marks})"
            if snippets
            else f"SELECT rowid, id, title, NULL, path, NULL FROM articles WHERE rowid IN ({marks})"
        )
        for rowid, aid, title, z, rel, stored in conn.execute(sql, rowids):
            info[rowid] = (aid, title, z, rel, stored)
    finder = _finder(looks)
    hits = []
    for rowid in rowids:
        if rowid not in info:
            continue
        aid, title, z, rel, stored = info[rowid]
        text = _snippet_of(z, rel, root, finder, stored) if snippets else ""
        hits.append(Hit(id=aid, title=title, snippet=text, rowid=rowid))
    return SearchResult(query, (time.perf_counter() - t0) * 1000, total, hits)
