"""What the app reads articles from: a view of rows for the list, and full articles by id.

The list never holds one object per article on screen; it asks a *view* for `rows(start, count)`.
Two libraries provide views with the same interface:

- `MemoryLibrary` — over `tui.corpus.load_corpus(folder).articles` (small corpora, tests);
- the SQLite catalogue of `tui.index` (large corpora), wrapped by `CatalogueLibrary`.

No Textual import here: this is the app's model, kept apart from its widgets (as toolong keeps
its log file model apart from `LogLines`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from tui.corpus import Article

SORT_KEYS: tuple[str, ...] = ("date", "title", "outlet", "language", "words")
"""The sorts the list offers, in the order `s` cycles through them."""


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the article list."""

    id: str
    title: str
    outlet: str
    language: str
    date: str | None
    words: int


class RowSource(Protocol):
    """Anything the article list can page through."""

    def __len__(self) -> int: ...

    def rows(self, start: int, count: int) -> Sequence[Any]: ...


@dataclass(frozen=True, slots=True)
class ViewQuery:
    """How the list is sorted and filtered."""

    sort: str = "date"
    descending: bool = True
    outlet: str | None = None
    language: str | None = None
    text: str = ""

    def describe(self) -> str:
        """A short human summary of the filters for the status line (the sort is in the header)."""
        parts: list[str] = []
        if self.outlet:
            parts.append(f"outlet {self.outlet}")
        if self.language:
            parts.append(f"lang {self.language}")
        if self.text:
            parts.append(f"filter «{self.text}»")
        return " · ".join(parts)


def row_of(article: Article) -> Row:
    """The list row of an article."""
    return Row(
        id=article.id,
        title=article.title,
        outlet=article.outlet,
        language=article.language,
        date=article.date,
        words=article.words,
    )


class MemoryView:
    """A sorted, filtered list of rows held in memory (fine up to tens of thousands)."""

    def __init__(self, rows: list[Row], snippets: dict[str, str] | None = None) -> None:
        self._rows = rows
        self.snippets = snippets
        """For a text search: a line of each hit's text around the match (by article id)."""

    def __len__(self) -> int:
        return len(self._rows)

    def rows(self, start: int, count: int) -> list[Row]:
        """Rows `start .. start+count` (fewer at the end)."""
        return self._rows[max(0, start) : max(0, start) + max(0, count)]

    def index_of(self, article_id: str) -> int | None:
        """Position of an article in this view, if present."""
        for index, row in enumerate(self._rows):
            if row.id == article_id:
                return index
        return None


def fact_key(kind: str, fact: Any) -> str:
    """What makes two mentions "the same fact" across articles, per kind."""
    if kind == "entities":
        return str(fact.key or fact.normal)
    if kind == "dates":
        return str(fact.value)
    if kind == "quantities":
        return f"{fact.value:g} {fact.counted or ''}".strip()
    if kind == "quotes":
        return str(fact.speaker_key or fact.speaker or f"@{fact.start}")
    return str(fact.name)


def mentions_in(facts: Any, kind: str, key: str) -> bool:
    """True if `facts` holds a fact of `kind` with `key`."""
    return any(fact_key(kind, fact) == key for fact in getattr(facts, kind))


SNIPPET_LEAD = 24
"""Characters of a snippet kept before the match: the list shows one line of it."""


def lead_in(snippets: dict[str, str], query: str) -> dict[str, str]:
    """Snippets cut to start shortly before their first match, so a narrow list shows it."""
    from tui.index.search import match_finder

    finder = match_finder(query)
    if finder is None:
        return snippets
    out = {}
    for key, text in snippets.items():
        m = finder.search(text)
        if m is None or m.start() <= SNIPPET_LEAD:
            out[key] = text
            continue
        cut = text.find(" ", m.start() - SNIPPET_LEAD, m.start())
        cut = cut + 1 if cut != -1 else m.start() - SNIPPET_LEAD
        out[key] = "…" + text[cut:]
    return out


class HitsView:
    """Search hits as list rows, best first (a `RowSource`)."""

    def __init__(
        self,
        rows: list[Any],
        total: int,
        took_ms: float,
        snippets: dict[str, str] | None = None,
    ) -> None:
        self._rows = rows
        self.snippets = snippets if snippets is not None else {}
        """A line of text around the match, by article id (for the best `SNIPPET_HITS`)."""
        self.total = total
        """How many articles match in all (more than `len(self)` when capped)."""
        self.took_ms = took_ms

    def __len__(self) -> int:
        return len(self._rows)

    def rows(self, start: int, count: int) -> list[Any]:
        """Rows `start .. start+count`."""
        return self._rows[max(0, start) : max(0, start) + max(0, count)]

    def index_of(self, article_id: str) -> int | None:
        """Position of an article among the hits."""
        return next((i for i, row in enumerate(self._rows) if row.id == article_id), None)


SEARCH_LIMIT = 500
"""Hits shown for a full-text search (best first)."""

SNIPPET_HITS = 60
"""Hits shown with a snippet (each reads the hit's text: the best ones, in the worker)."""


def _real_facts(article: Article) -> Any:
    from tui import pipeline

    return pipeline.facts(article)


def _sort_value(row: Row, key: str) -> Any:
    if key == "words":
        return row.words
    if key == "date":
        return row.date or ""
    return (getattr(row, key) or "").casefold()


class Library(Protocol):
    """The app's source of rows and articles."""

    root: Path

    def __len__(self) -> int: ...

    def view(self, query: ViewQuery) -> RowSource: ...

    def facet(self, field: str) -> list[tuple[str, int]]: ...

    def article(self, article_id: str) -> Article: ...

    def all_articles(self) -> Sequence[Article]: ...


class MemoryLibrary:
    """A library over a corpus loaded into memory."""

    def __init__(
        self,
        root: Path,
        articles: Sequence[Article],
        facts_of: Callable[[Article], Any] | None = None,
    ) -> None:
        self.root = root
        self._facts_of = facts_of
        self._articles = list(articles)
        self._by_id = {a.id: a for a in self._articles}
        self._rows = [row_of(a) for a in self._articles]

    @classmethod
    def load(cls, root: Path) -> MemoryLibrary:
        """Read the corpus folder (raises `tui.corpus.CorpusError`)."""
        from tui.corpus import load_corpus

        corpus = load_corpus(root)
        return cls(root, corpus.articles)

    def __len__(self) -> int:
        return len(self._rows)

    def view(self, query: ViewQuery) -> MemoryView:
        """Rows matching `query`, sorted."""
        needle = query.text.casefold().strip()
        rows = [
            r
            for r in self._rows
            if (query.outlet is None or r.outlet == query.outlet)
            and (query.language is None or r.language == query.language)
            and (
                not needle
                or needle in r.title.casefold()
                or needle in r.outlet.casefold()
                or needle in self._by_id[r.id].raw.casefold()
            )
        ]
        rows.sort(key=lambda r: (_sort_value(r, query.sort), r.id), reverse=query.descending)
        if not needle:
            return MemoryView(rows)
        from tui.index.search import snippet

        finder = re.compile(re.escape(needle), re.IGNORECASE)
        return MemoryView(rows, {r.id: snippet(self._by_id[r.id].raw, finder) for r in rows})

    def facet(self, field: str) -> list[tuple[str, int]]:
        """Distinct values of `field` ("outlet" or "language") with their counts."""
        counts = Counter(getattr(r, field) for r in self._rows)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def article(self, article_id: str) -> Article:
        """The full article (raises KeyError)."""
        return self._by_id[article_id]

    def all_articles(self) -> Sequence[Article]:
        """Every article, in corpus order."""
        return self._articles

    def ledger(
        self,
        source: RowSource,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> tuple[list[Any], str]:
        """The numbers ledger of the articles in `source` (facts extracted or read from the
        cache, article by article: run in a worker), and a note for the reader ("" if none)."""
        from tui.compare.ledger import build, entries_of

        facts_of = self._facts_of or _real_facts
        rows = list(source.rows(0, len(source)))
        entries = []
        for done, row in enumerate(rows, 1):
            if cancelled is not None and cancelled():
                break
            article = self._by_id[row.id]
            facts = facts_of(article)
            claims = getattr(facts, "claims", [])
            entries.extend(entries_of(article.id, article.outlet, row.title, article.date, claims))
            if progress is not None:
                progress(done, len(rows))
        return build(entries, limit=LEDGER_LIMIT), ""

    def mentions(self, kind: str, key: str, exclude: str | None = None) -> list[tuple[str, str]]:
        """(id, title) of the articles whose facts hold `kind`/`key` (slow: run in a worker)."""
        facts_of = self._facts_of or _real_facts
        found: list[tuple[str, str]] = []
        for article in self._articles:
            if article.id == exclude:
                continue
            facts = facts_of(article)
            if mentions_in(facts, kind, key):
                found.append((article.id, article.title))
        return found


LEDGER_LIMIT = 500
"""Most recent claims per measure the Numbers screen lists."""
LEDGER_EXTRACT = 300
"""Up to this many articles of a list without stored facts, the Numbers screen extracts them
(and stores their claims); above it, it lists what is stored and says how many are missing."""

SMALL_CORPUS = 300
"""Up to this many articles, "other mentions" of non-entity facts are found by extracting facts
from every article (cached on disk); above it only the catalogue's entity index is used."""


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a real stderr.

    Inside the app `sys.stderr` is Textual's capture object whose `fileno()` is -1, and the
    tracker (started on the first process pool) passes that fd to its child: "bad value(s) in
    fds_to_keep". Starting it here with stderr on /dev/null avoids that and keeps stray child
    output off the screen.
    """
    import os
    import sys
    from multiprocessing import resource_tracker

    saved = sys.stderr
    try:
        with open(os.devnull, "w") as devnull:
            sys.stderr = devnull
            resource_tracker.ensure_running()
    except OSError:
        pass
    finally:
        sys.stderr = saved


class CatalogueLibrary:
    """A library over the SQLite catalogue of `tui.index` (any corpus size).

    Opening is instant (the catalogue from the last run paints at once); `refresh` brings it up
    to date with the folder and is run by the screen in a worker.
    """

    def __init__(self, root: Path, cache_dir: Path | None = None) -> None:
        from tui.index import Catalogue
        from tui.index.store import db_path_for

        self.root = root
        db_path = cache_dir / db_path_for(root).name if cache_dir else None
        self.catalogue = Catalogue(root, db_path)
        self.messages: list[str] = list(self.catalogue.messages)
        self.skipped: list[tuple[str, str]] = []
        """(relative path, reason) of the corpus's files that could not be read as articles."""

    def __len__(self) -> int:
        return self.catalogue.count()

    def refresh(self, progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> str:
        """Read new and changed files into the catalogue; a one-line summary."""
        _start_resource_tracker()
        report = self.catalogue.refresh(progress=progress, cancelled=cancelled)
        self.messages.extend(self.catalogue.messages[len(self.messages) :])
        # every file still skipped, so every open says so (not only the scan that found them)
        self.skipped = self.catalogue.skipped_files(report)
        return report.summary()

    def view(self, query: ViewQuery) -> RowSource:
        """Rows matching `query`, sorted by the catalogue's indexes."""
        return self.catalogue.view(
            sort=query.sort,
            descending=query.descending,
            outlet=query.outlet,
            language=query.language,
            text_filter=query.text or None,
        )

    def search_view(self, query: ViewQuery) -> HitsView:
        """Full-text search for `query.text` (word forms, prefix while typing), best hits first,
        restricted to the chosen outlet and language. Run in a worker."""
        result = self.catalogue.search(
            query.text,
            limit=SEARCH_LIMIT,
            snippets=False,
            outlet=query.outlet,
            language=query.language,
        )
        rows = self.catalogue.rows_by_rowid([hit.rowid for hit in result.hits])
        # The best hits again, with snippets (read from their texts): a second, capped search.
        best = self.catalogue.search(
            query.text,
            limit=SNIPPET_HITS,
            snippets=True,
            outlet=query.outlet,
            language=query.language,
        )
        snippets = {hit.id: hit.snippet for hit in best.hits if hit.snippet}
        return HitsView(rows, result.total, result.took_ms, lead_in(snippets, query.text))

    def facet(self, field: str) -> list[tuple[str, int]]:
        """Distinct outlets or languages with their counts."""
        return self.catalogue.outlets() if field == "outlet" else self.catalogue.languages()

    def ledger(
        self,
        source: RowSource,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> tuple[list[Any], str]:
        """The numbers ledger of the articles in `source` from the claims the catalogue stores
        (run in a worker); up to `LEDGER_EXTRACT` articles without stored facts are extracted
        first, more are named in the note for the reader ("" if none)."""
        from tui.index.claims_view import missing_facts
        from tui.index.facts_pool import extract_all

        rowids: list[int] | None
        if len(source) >= len(self):
            rowids = None  # the whole corpus
        elif hasattr(source, "rowids"):
            rowids = list(source.rowids)
        else:
            rowids = [r.rowid for r in source.rows(0, len(source))]
        conn = self.catalogue.connection()
        missing = missing_facts(conn, rowids)
        note = ""
        if missing and missing <= LEDGER_EXTRACT:
            extract_all(self.catalogue, progress, workers=1, cancelled=cancelled, rowids=rowids)
            missing = missing_facts(conn, rowids)
        if missing:
            note = (
                f"{missing:,} article(s) of this list have no facts yet and are not in the"
                " ledger: `sverka index --facts` extracts them all"
            )
        return self.catalogue.ledger(rowids=rowids, limit=LEDGER_LIMIT), note

    def article(self, article_id: str) -> Article:
        """Read one article from its file or dataset row (raises KeyError if unknown, OSError when
        it cannot be read); it keeps the catalogue's id (which may have been disambiguated)."""
        return self.catalogue.article(article_id)

    def all_articles(self) -> Sequence[Article]:
        """Every article (reads every file: only for small corpora)."""
        view = self.catalogue.view(sort="id")
        return [self.article(row.id) for row in view.rows(0, len(view))]

    def related_ids(self, article: Article, limit: int) -> list[str]:
        """Ids of up to `limit` articles likely about the same event as `article`, best first:
        shared entities (when `sverka index --facts` has run), else shared title words."""
        from collections import Counter as _Counter

        scores: _Counter[str] = _Counter()
        for key in self.catalogue.entity_keys(article.id):
            scores.update(self.catalogue.articles_with_entity(key))
        if not scores:
            title_words = sorted(
                {w for w in article.title.split() if len(w) > 4}, key=len, reverse=True
            )
            for word in title_words[:4]:
                for hit in self.catalogue.search(word + " ", limit=limit, snippets=False).hits:
                    scores[hit.id] += 1
        scores.pop(article.id, None)
        ranked = [article_id for article_id, _ in scores.most_common(limit)]
        if len(ranked) < limit:
            view = self.catalogue.view(sort="date", descending=True)
            for row in view.rows(0, limit * 2):
                if row.id != article.id and row.id not in scores:
                    ranked.append(row.id)
                if len(ranked) >= limit:
                    break
        return ranked

    def mentions(
        self, kind: str, key: str, exclude: str | None = None
    ) -> list[tuple[str, str]] | None:
        """(id, title) of other articles mentioning `kind`/`key` (run in a worker); None when
        the corpus is too large to look without `sverka index --facts`."""
        rows: list[tuple[str, str]] = []
        if kind == "entities":
            ids = [i for i in self.catalogue.articles_with_entity(key) if i != exclude]
            if ids or self.catalogue.facts_status().get("done", 0) >= len(self) > 0:
                for article_id in ids:
                    row = self.catalogue.row(article_id)
                    if row is not None:
                        rows.append((row.id, row.title))
                return rows
        if len(self) > SMALL_CORPUS:
            return None
        from tui import pipeline

        for article in self.all_articles():
            if article.id == exclude:
                continue
            if mentions_in(pipeline.facts(article), kind, key):
                rows.append((article.id, article.title))
        return rows


class LibraryPreload:
    """Opens a library and its first view in a thread, started before Textual is imported.

    `sverka CORPUS` starts one at once, so the catalogue is open (and the rows of the default
    sort fetched) while Textual loads; the main screen then paints its first frame with the rows
    instead of an empty list. The scan is not part of it: the screen starts that after the first
    paint.
    """

    def __init__(self, opener: Callable[[], Any], query: ViewQuery | None = None) -> None:
        import threading

        self.query = query or ViewQuery()
        """The query whose rows are prepared (the list's default sort)."""
        self._opener = opener
        self._library: Any | None = None
        self._view: RowSource | None = None
        self._error: BaseException | None = None
        self._done = threading.Event()
        threading.Thread(target=self._run, name="sverka-preload", daemon=True).start()

    def _run(self) -> None:
        try:
            library = self._opener()
            if hasattr(library, "search_view"):  # a catalogue: the first page is one blob away
                try:
                    self._view = library.view(self.query)
                except Exception:  # noqa: BLE001 - the list asks again and reports it
                    self._view = None
            self._library = library
        except BaseException as exc:  # noqa: BLE001 - re-raised by `library()`
            self._error = exc
        finally:
            self._done.set()

    def ready(self, timeout: float = 0.0) -> tuple[Any, RowSource | None] | None:
        """(library, first view or None) if opened successfully within `timeout` seconds, else
        None."""
        if not self._done.wait(timeout) or self._error is not None:
            return None
        return self._library, self._view

    def library(self) -> Any:
        """The library, waiting for the thread if needed (re-raises what opening raised)."""
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._library


COMPARE_CANDIDATES = 200
"""At most this many second articles are offered for a comparison on a large corpus."""


class CompareLibrary:
    """What the comparison screen sees: `article(id)` and a short candidate list for its picker.

    On a small corpus every article is a candidate. On a large one only articles related to
    `first` are (shared entities or title words), so the picker never reads the whole corpus.
    """

    def __init__(self, library: Any, first: Article, limit: int = COMPARE_CANDIDATES) -> None:
        self.library = library
        self.first = first
        self.limit = limit

    def article(self, article_id: str) -> Article:
        """One article by id."""
        return self.library.article(article_id)

    def all_articles(self) -> Sequence[Article]:
        """The candidates for the second article."""
        if len(self.library) <= self.limit or not hasattr(self.library, "related_ids"):
            return list(self.library.all_articles())
        ids = self.library.related_ids(self.first, self.limit)
        return [self.first, *(self.library.article(i) for i in ids)]
