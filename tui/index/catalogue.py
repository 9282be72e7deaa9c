"""The catalogue of one corpus folder: metadata of every article, sorted views, search, entities.

Typical use (the app runs `refresh` in a thread worker and paints from `view` meanwhile)::

    cat = Catalogue(Path("corpus"))
    report = cat.refresh(progress=lambda done, total: ...)
    view = cat.view(sort="date", descending=True, outlet="zerkalo.io")
    len(view)                      # number of matching articles
    view.rows(start=0, count=40)   # one screenful of Row

Every thread gets its own SQLite connection (WAL: readers never block the writer), so `view`,
`rows`, `search` may be called from any thread.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from tui.index.model import SORTS, CatalogueError, Row, ScanReport, SearchResult
from tui.index.store import connect, db_path_for, engine_path, open_db, remove_db, remove_path

if TYPE_CHECKING:
    from tui.compare.ledger import LedgerMeasure
    from tui.corpus import Article
    from tui.index.engine import SearchIndex

ProgressFn = Callable[[int, int], None]
"""`progress(done, total)`: files processed so far out of the files that need reading."""

_ORDER = {
    "title": "title_key, rowid",
    "outlet": "outlet, title_key, rowid",
    "language": "language, title_key, rowid",
    "date": "date, rowid",
    "words": "words, rowid",
    "id": "id",
}
_ROW_COLUMNS = "rowid, id, title, outlet, language, date, words, path"


class ArticleView:
    """One sorted, filtered list of articles, for a virtual list widget.

    Holds only the matching rowids in display order (`array('q')`, 8 bytes per article: 8 MB at
    1,000,000), so its length is known at once and any page is one indexed query:

    - `len(view)` — number of rows;
    - `view.rows(start, count)` — the `Row`s at positions `start .. start+count-1` (fewer at the
      end), fetched by `rowid IN (...)`, never by OFFSET; cheap enough to call on every scroll
      (≈0.1 ms for a screenful) — a small LRU of pages in the widget is plenty;
    - `view.index_of(article_id)` — position of an article (keep the cursor on it after a re-sort),
      or None.

    A view is a snapshot: after `Catalogue.refresh` adds or removes articles, ask for a new view.
    Rows of articles removed since are left out of `rows()`.
    """

    def __init__(self, catalogue: Catalogue, rowids: array, sort: str, descending: bool) -> None:
        self.catalogue = catalogue
        self.rowids = rowids
        self.sort = sort
        self.descending = descending

    def __len__(self) -> int:
        return len(self.rowids)

    def rows(self, start: int, count: int) -> list[Row]:
        """The rows at positions `start` .. `start + count - 1`, in view order."""
        start = max(0, start)
        ids = self.rowids[start : start + max(0, count)].tolist()
        return self.catalogue.rows_by_rowid(ids)

    def index_of(self, article_id: str) -> int | None:
        """Position of the article with id `article_id` in this view, or None."""
        rowid = self.catalogue.rowid_of(article_id)
        if rowid is None:
            return None
        try:
            return self.rowids.index(rowid)
        except ValueError:
            return None


class Catalogue:
    """Metadata, sorted views and full-text search of one corpus folder, cached in SQLite."""

    def __init__(self, corpus: Path, db_path: Path | None = None) -> None:
        self.root = corpus.resolve()
        self.db_path = db_path or db_path_for(self.root)
        conn, message = open_db(self.db_path, self.root)
        self.messages: list[str] = [message] if message else []
        """Things worth telling the user once (e.g. a broken catalogue was rebuilt)."""
        self._local = threading.local()
        self._local.conn = conn
        self._conns: list[sqlite3.Connection] = [conn]
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._engine: SearchIndex | None = None

    # -- connections -------------------------------------------------------------------------

    def connection(self) -> sqlite3.Connection:
        """This thread's connection to the catalogue."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.db_path)
            self._local.conn = conn
            with self._lock:
                self._conns.append(conn)
        return conn

    def engine(self) -> SearchIndex:
        """The search index (opened on first use: importing tantivy is kept off the first paint).

        Something that is not a search index where it should be (a plain file, a folder tantivy
        cannot open) is removed and an empty index made in its place, with a message; the next
        refresh fills it again (it sees fewer documents than articles)."""
        with self._lock:
            if self._engine is None:
                from tui.index.engine import SearchIndex

                where = engine_path(self.db_path)
                try:
                    self._engine = SearchIndex(where)
                except (OSError, ValueError) as exc:
                    remove_path(where)
                    self.messages.append(f"search index {where} was unusable ({exc}); rebuilt it")
                    self._engine = SearchIndex(where)
            return self._engine

    def close(self) -> None:
        """Close every connection this catalogue opened."""
        if self._engine is not None:
            self._engine.close_writer()
            self._engine = None
        with self._lock:
            for conn in self._conns:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
            self._conns.clear()
        self._local = threading.local()

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- indexing ----------------------------------------------------------------------------

    def refresh(
        self,
        progress: ProgressFn | None = None,
        workers: int | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ScanReport:
        """Walk the corpus and read only new and changed files; drop deleted ones.

        `progress(done, total)` is called as files are processed (total = files needing a read).
        `workers` processes read in parallel (default: one per core). `cancelled()` returning
        True stops after the current batch; what was stored so far stays.
        If the database file turns out to be damaged, it is rebuilt and the scan redone.
        """
        with self._write_lock:
            try:
                return self._refresh(progress, workers, cancelled)
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                    raise
                self.close()
                remove_db(self.db_path)
                conn, _ = open_db(self.db_path, self.root)
                self.messages.append(f"catalogue {self.db_path} was damaged ({exc}); rebuilt it")
                self._local.conn = conn
                self._conns.append(conn)
                return self._refresh(progress, workers, cancelled)

    def _refresh(
        self,
        progress: ProgressFn | None,
        workers: int | None,
        cancelled: Callable[[], bool] | None,
    ) -> ScanReport:
        from tui.index import scan as scan_mod  # the corpus reader: not needed for the first paint

        conn = self.connection()
        try:
            engine = self.engine()
            in_engine = engine.num_docs()
        except (OSError, ValueError) as exc:  # an unreadable search index: start it afresh
            self.messages.append(
                f"search index {engine_path(self.db_path)} was unreadable ({exc}); rebuilt it"
            )
            remove_path(engine_path(self.db_path))
            self._engine = None
            engine, in_engine = self.engine(), -1
        if in_engine != self.count():  # lost or partly written: every file is read again
            scan_mod.rebuild_engine(conn, engine)
        return scan_mod.scan(conn, engine, self.root, progress, workers, cancelled)

    # -- list --------------------------------------------------------------------------------

    def count(self) -> int:
        """Number of articles in the catalogue (cached per generation: a full scan at 1M)."""
        row = (
            self.connection()
            .execute(
                "SELECT data FROM viewcache WHERE key = 'count' AND generation = ?",
                (self._generation(),),
            )
            .fetchone()
        )
        if row is not None:
            return int(row[0])
        n = int(self.connection().execute("SELECT count(*) FROM articles").fetchone()[0])
        self._store_cached("count", str(n).encode())
        return n

    def view(
        self,
        sort: str = "title",
        descending: bool = False,
        outlet: str | None = None,
        language: str | None = None,
        text_filter: str | None = None,
    ) -> ArticleView:
        """Articles sorted by `sort` (one of SORTS), optionally filtered.

        `outlet` / `language` keep exact matches; `text_filter` keeps articles whose title contains
        it (case- and ё/е-insensitive) or whose id starts with it (or has a part that does).
        """
        if sort not in _ORDER:
            raise CatalogueError(f"unknown sort {sort!r}; expected one of {', '.join(SORTS)}")
        where, params = [], []
        if outlet is not None:
            where.append("outlet = ?")
            params.append(outlet)
        if language is not None:
            where.append("language = ?")
            params.append(language)
        if text_filter and text_filter.strip():
            needle = text_filter.strip()
            where.append(
                "(instr(title_key, ?) > 0 OR id LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\')"
            )
            escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            from tui.index.text import fold

            params.extend([fold(needle), escaped + "%", "%/" + escaped + "%"])
        sql = "SELECT rowid FROM articles"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY " + _ORDER[sort]
        cache_key = (
            None if text_filter and text_filter.strip() else f"view|{sort}|{outlet}|{language}"
        )
        rowids = self._cached(cache_key) if cache_key else None
        if rowids is None:
            rowids = array("q")
            cur = self.connection().execute(sql, params)
            while True:
                chunk = cur.fetchmany(65536)
                if not chunk:
                    break
                rowids.extend(r[0] for r in chunk)
            if cache_key:
                self._store_cached(cache_key, rowids.tobytes())
        if descending:
            rowids.reverse()
        return ArticleView(self, rowids, sort, descending)

    # Sorted rowid arrays, facet counts and the article count are kept in the database for the
    # current catalogue generation (bumped by every scan that changes something): the app's first
    # paint loads one blob instead of walking 100,000 index entries.

    def _generation(self) -> str:
        row = (
            self.connection().execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        )
        return row[0] if row else "0"

    def _cached(self, key: str) -> array | None:
        row = (
            self.connection()
            .execute(
                "SELECT data FROM viewcache WHERE key = ? AND generation = ?",
                (key, self._generation()),
            )
            .fetchone()
        )
        if row is None:
            return None
        out = array("q")
        out.frombytes(row[0])
        return out

    def _store_cached(self, key: str, data: bytes) -> None:
        """Remember a computed answer, unless a scan is writing right now (then don't wait)."""
        conn = self.connection()
        try:
            conn.execute("PRAGMA busy_timeout = 0")
            conn.execute(
                "INSERT OR REPLACE INTO viewcache(key, generation, data) VALUES (?, ?, ?)",
                (key, self._generation(), data),
            )
        except sqlite3.OperationalError:
            pass
        finally:
            conn.execute("PRAGMA busy_timeout = 30000")

    def rows_by_rowid(self, rowids: Iterable[int]) -> list[Row]:
        """Rows for these rowids, in the same order (unknown rowids left out)."""
        ids = list(rowids)
        if not ids:
            return []
        found: dict[int, Row] = {}
        conn = self.connection()
        for i in range(0, len(ids), 30000):
            part = ids[i : i + 30000]
            marks = ",".join("?" * len(part))
            for rowid, aid, title, outlet, lang, date, words, path in conn.execute(
                f"SELECT {_ROW_COLUMNS} FROM articles WHERE rowid IN ({marks})", part
            ):
                found[rowid] = Row(rowid, aid, title, outlet, lang, date, words, self._path(path))
        return [found[r] for r in ids if r in found]

    def _path(self, rel: str) -> Path:
        """What people see as the place of the entry `rel` (a file, or `dataset#locator`)."""
        if "#" in rel:
            from tui.corpus.reader import entry_path

            return entry_path(self.root, rel)
        return self.root / rel

    def article(self, article_id: str) -> Article:
        """One article read again from the corpus — its file, or its dataset row (from the fields
        the catalogue keeps for rows that cannot be reached by seeking) — with the catalogue's id.
        Raises KeyError if unknown, OSError if it cannot be read now."""
        import dataclasses

        from tui.corpus import Skipped
        from tui.corpus.reader import read_entry

        found = (
            self.connection()
            .execute(
                "SELECT a.path, r.z FROM articles a LEFT JOIN rowtext r ON r.rowid = a.rowid"
                " WHERE a.id = ?",
                (article_id,),
            )
            .fetchone()
        )
        if found is None:
            raise KeyError(article_id)
        result, _text = read_entry(self.root, found[0], found[1])
        if isinstance(result, Skipped):
            raise OSError(f"cannot read {self._path(found[0])}: {result.reason}")
        return result if result.id == article_id else dataclasses.replace(result, id=article_id)

    def rowid_of(self, article_id: str) -> int | None:
        """The rowid of the article with id `article_id`, or None."""
        row = (
            self.connection()
            .execute("SELECT rowid FROM articles WHERE id = ?", (article_id,))
            .fetchone()
        )
        return row[0] if row else None

    def row(self, article_id: str) -> Row | None:
        """The list row of one article, or None."""
        rowid = self.rowid_of(article_id)
        rows = self.rows_by_rowid([rowid]) if rowid is not None else []
        return rows[0] if rows else None

    def resolve(self, prefix: str) -> Row:
        """The article whose id is `prefix`, or the one whose id — or file name, for an article
        in a subfolder — starts with it (`tui.corpus.reader.id_matches`); CatalogueError if none
        or several."""
        from tui.corpus.reader import id_matches
        from tui.corpus.sanitize import escape_name

        exact = self.row(prefix)
        if exact is not None:
            return exact
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        found: list[int] = []
        for rowid, aid in self.connection().execute(
            "SELECT rowid, id FROM articles WHERE id LIKE ? ESCAPE '\\'"
            " OR id LIKE ? ESCAPE '\\' ORDER BY id",
            (escaped + "%", "%/" + escaped + "%"),
        ):
            if id_matches(aid, prefix):
                found.append(rowid)
                if len(found) > 5:
                    break
        if not found:
            raise CatalogueError(f"no article id starts with {escape_name(prefix)!r}")
        if len(found) > 1:
            rows = self.rows_by_rowid(found[:5])
            raise CatalogueError(
                f"{escape_name(prefix)!r} is ambiguous: "
                + ", ".join(r.id for r in rows)
                + ("…" if len(found) > 5 else "")
            )
        return self.rows_by_rowid([found[0]])[0]

    def listing(self) -> Iterator[dict[str, object]]:
        """Every article's metadata in the shape of `Article.meta()` (for `sverka list`), by path."""
        from tui.corpus.reader import printable_path

        for aid, path, title, outlet, lang, date, words, encoding, url in self.connection().execute(
            "SELECT id, path, title, outlet, language, date, words, encoding, url FROM articles"
            " ORDER BY path"
        ):
            yield {
                "id": aid,
                "path": printable_path(self._path(path)),
                "title": title,
                "outlet": outlet,
                "language": lang,
                "date": date,
                "words": words,
                "encoding": encoding,
                "url": url,
            }

    def _counts(self, column: str) -> list[tuple[str, int]]:
        key = f"facet|{column}"
        row = (
            self.connection()
            .execute(
                "SELECT data FROM viewcache WHERE key = ? AND generation = ?",
                (key, self._generation()),
            )
            .fetchone()
        )
        if row is not None:
            return [(str(v), int(n)) for v, n in json.loads(row[0])]
        counts = [
            (value, n)
            for value, n in self.connection().execute(
                f"SELECT {column}, count(*) FROM articles GROUP BY {column} ORDER BY count(*) DESC, {column}"
            )
        ]
        self._store_cached(key, json.dumps(counts, ensure_ascii=False).encode())
        return counts

    def outlets(self) -> list[tuple[str, int]]:
        """(outlet, number of articles), most frequent first — for the filter menu."""
        return self._counts("outlet")

    def languages(self) -> list[tuple[str, int]]:
        """(language, number of articles), most frequent first — for the filter menu."""
        return self._counts("language")

    # -- search ------------------------------------------------------------------------------

    def search(
        self,
        query: str,
        limit: int = 50,
        prefix: bool = True,
        snippets: bool = True,
        outlet: str | None = None,
        language: str | None = None,
    ) -> SearchResult:
        """Full-text search (see `tui.index.search`); safe to call from any thread."""
        from tui.index.search import search

        return search(
            self.connection(),
            self.engine(),
            query,
            limit,
            prefix,
            snippets,
            outlet,
            language,
            root=self.root,
        )

    # -- entities (filled by `sverka index --facts`) ------------------------------------------

    def articles_with_entity(self, key: str) -> list[str]:
        """Ids of the articles whose extracted facts mention the entity `key`, by id."""
        return [
            r[0]
            for r in self.connection().execute(
                "SELECT a.id FROM entities e JOIN articles a ON a.rowid = e.article"
                " WHERE e.key = ? ORDER BY a.id",
                (key,),
            )
        ]

    def entity_keys(self, article_id: str) -> list[str]:
        """Entity keys recorded for one article."""
        return [
            r[0]
            for r in self.connection().execute(
                "SELECT e.key FROM entities e JOIN articles a ON a.rowid = e.article"
                " WHERE a.id = ? ORDER BY e.key",
                (article_id,),
            )
        ]

    def entity_counts(self, limit: int | None = None) -> list[tuple[str, int]]:
        """(entity key, number of articles mentioning it), most mentioned first, ties by key.

        One aggregate over the `entities` index (`GROUP BY key ORDER BY count DESC LIMIT n`):
        nothing but the `limit` answers reaches Python. `limit` None or 0: every key.
        """
        sql = "SELECT key, count(*) AS n FROM entities GROUP BY key ORDER BY n DESC, key"
        params: tuple[int, ...] = ()
        if limit:
            sql += " LIMIT ?"
            params = (limit,)
        return [(key, int(n)) for key, n in self.connection().execute(sql, params)]

    def entity_total(self) -> int:
        """Number of distinct entity keys recorded."""
        sql = "SELECT count(*) FROM (SELECT DISTINCT key FROM entities)"
        return int(self.connection().execute(sql).fetchone()[0])

    def entity_articles(self, key: str, limit: int | None = None) -> list[str]:
        """Ids of the articles mentioning `key`, by id; the first `limit` of them (None: all)."""
        sql = (
            "SELECT a.id FROM entities e JOIN articles a ON a.rowid = e.article"
            " WHERE e.key = ? ORDER BY a.id"
        )
        params: tuple[str | int, ...] = (key,)
        if limit is not None:
            sql += " LIMIT ?"
            params = (key, limit)
        return [r[0] for r in self.connection().execute(sql, params)]

    # -- the numbers ledger (claims stored by `sverka index --facts`) --------------------------

    def ledger(
        self,
        measure: str | None = None,
        rowids: Iterable[int] | None = None,
        include_other: bool = False,
        limit: int | None = 200,
        lang: str | None = None,
    ) -> list[LedgerMeasure]:
        """The numbers ledger of the stored claims (see `tui.index.claims_view.ledger`)."""
        from tui.index.claims_view import ledger

        return ledger(self.connection(), measure, rowids, include_other, limit, lang)

    def skipped_files(self, report: ScanReport | None = None) -> list[tuple[str, str]]:
        """(relative path, reason) of every file the corpus holds but the catalogue could not read
        as an article: those of earlier scans (kept while the file is unchanged) and those
        `report`'s scan found (including files that cannot be stored, like a FIFO), by path."""
        found = {}
        for path, reason in self.connection().execute("SELECT path, reason FROM skipped"):
            head, sep, number = path.rpartition("#row")
            if sep and number.isdigit():  # a bad row of a dataset: «dump.jsonl: row 17»
                path = f"{head or self.root.name}: row {number}"
            found[path] = reason
        if report is not None:
            found.update(report.skipped)
        return sorted(found.items())

    def facts_status(self) -> dict[str, int]:
        """How many articles have facts extracted ('done'), failed ('error') or not yet ('none')."""
        return dict(
            self.connection()
            .execute("SELECT facts, count(*) FROM articles GROUP BY facts")
            .fetchall()
        )
