"""The full-text engine: a tantivy index beside the catalogue, holding the index terms per article.

Why tantivy and not SQLite FTS5 (measured by tests/benchmarks/bench_scale.py on the same terms):
FTS5 has to score every match to rank and count, so a query matching most of a 10k corpus took
~30 ms (p95 29 ms at 10k, growing linearly with the corpus), while tantivy answered top-50 + total
in p95 0.5 ms; tantivy also built 5x faster and 20x smaller (no positions needed). The terms
themselves (folding, stemming) are made in Python (`tui.index.text`) and given to tantivy as
space-separated words, so both engines saw exactly the same tokens.

Documents: `rowid` (the catalogue's article rowid; indexed, stored, fast), `title` and `body`
(terms, whitespace-tokenised, frequencies but no positions). Only the catalogue's writer (the scan)
writes; any thread may search (tantivy searchers are thread-safe).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

TITLE_BOOST = 5.0
"""How much more a match in the title weighs than one in the body."""
WRITER_HEAP = 64_000_000


def _tantivy() -> Any:
    import tantivy

    return tantivy


def _schema() -> Any:
    tantivy = _tantivy()
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("rowid", stored=True, indexed=True, fast=True)
    builder.add_text_field("title", tokenizer_name="whitespace", index_option="freq")
    builder.add_text_field("body", tokenizer_name="whitespace", index_option="freq")
    # Exact-value fields for the list's outlet and language filters, so a filtered search counts
    # and ranks within the filter instead of filtering the best hits of the whole corpus.
    builder.add_text_field("outlet", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("language", tokenizer_name="raw", index_option="basic")
    return builder.build()


class SearchIndex:
    """A tantivy index in `path` (created if missing; rebuilt by the caller if unreadable)."""

    def __init__(self, path: Path) -> None:
        tantivy = _tantivy()
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.schema = _schema()
        self.index = tantivy.Index(self.schema, path=str(path), reuse=True)
        self._writer: Any = None
        self._lock = threading.Lock()
        self._reloaded = 0.0

    # -- writing (the scan) ---------------------------------------------------------------

    def writer(self) -> Any:
        """The index writer, opened on first use (one per index; waits for another process's)."""
        if self._writer is None:
            deadline = time.monotonic() + 30
            while True:
                try:
                    self._writer = self.index.writer(heap_size=WRITER_HEAP, num_threads=1)
                    break
                except ValueError:  # locked by another writer (another sverka process)
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
        return self._writer

    def add(
        self, rowid: int, title_terms: str, body_terms: str, outlet: str = "", language: str = ""
    ) -> None:
        """Index one article."""
        doc = _tantivy().Document(
            rowid=rowid, title=title_terms, body=body_terms, outlet=outlet, language=language
        )
        self.writer().add_document(doc)

    def delete(self, rowid: int) -> None:
        """Remove one article."""
        self.writer().delete_documents_by_term("rowid", rowid)

    def commit(self) -> None:
        """Make what was added and deleted visible to searchers."""
        if self._writer is not None:
            self._writer.commit()
            self.index.reload()

    def close_writer(self) -> None:
        """Commit and release the writer lock."""
        if self._writer is not None:
            self._writer.commit()
            self._writer.wait_merging_threads()
            self._writer = None
            self.index.reload()

    def clear(self) -> None:
        """Remove every document (before a rebuild)."""
        self.writer().delete_all_documents()
        self.commit()

    # -- reading --------------------------------------------------------------------------

    def num_docs(self) -> int:
        """Documents visible to searchers."""
        self._maybe_reload(force=True)
        return int(self.index.searcher().num_docs)

    def _maybe_reload(self, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._reloaded > 1.0:
            self.index.reload()  # pick up commits of other processes (a CLI run beside the app)
            self._reloaded = now

    def query(
        self,
        clauses: list[tuple[list[str], str | None]],
        outlet: str | None = None,
        language: str | None = None,
    ) -> Any:
        """All clauses must match; a clause is (exact terms, prefix or None), any one will do.
        `outlet` / `language` restrict the matches to that exact value."""
        tantivy = _tantivy()
        q = tantivy.Query
        musts = []
        for exact, prefix in clauses:
            alts = []
            for field, boost in (("title", TITLE_BOOST), ("body", 1.0)):
                for term in exact:
                    part = q.term_query(self.schema, field, term)
                    alts.append(
                        (tantivy.Occur.Should, q.boost_query(part, boost) if boost != 1.0 else part)
                    )
                if prefix:
                    # A one-word phrase prefix is a term-range lookup; a regex query would compile
                    # a UTF-8 automaton per query (up to ~9 ms for Cyrillic, measured).
                    part = q.phrase_prefix_query(self.schema, field, [prefix])
                    alts.append(
                        (tantivy.Occur.Should, q.boost_query(part, boost) if boost != 1.0 else part)
                    )
            musts.append((tantivy.Occur.Must, q.boolean_query(alts)))
        for field, value in (("outlet", outlet), ("language", language)):
            if value is not None:
                musts.append((tantivy.Occur.Must, q.term_query(self.schema, field, value)))
        return q.boolean_query(musts)

    def search(
        self,
        clauses: list[tuple[list[str], str | None]],
        limit: int,
        outlet: str | None = None,
        language: str | None = None,
    ) -> tuple[list[int], int]:
        """Rowids of the best `limit` matches, best first, and the number of matches."""
        self._maybe_reload()
        searcher = self.index.searcher()
        result = searcher.search(self.query(clauses, outlet, language), limit=limit, count=True)
        addresses = [address for _score, address in result.hits]
        # the rowid column, read in one batch (a stored-document fetch per hit cost ~5 µs each)
        rowids = [int(r) for r in searcher.fast_field_values("rowid", addresses) if r is not None]
        return rowids, int(result.count or 0)
