"""Bring the catalogue up to date with the dataset files of a corpus (JSONL, CSV, Parquet).

A dataset file whose size, mtime and reader version match the `datasets` table is not opened: its
rows stay as they are. A changed (or new) one is streamed (`tui.corpus.dataset.iter_rows`): the
main process parses rows and looks them up in the catalogue 500 at a time, by id and by path; a
row whose fields digest and reader version match its article is only moved (its locator may have
changed), the others are cleaned and turned into search terms in the process pool — with a bounded
number of batches in flight, so memory stays flat whatever the file's size — and stored. Rows of
the file that were not met again are removed at the end (unless the file could not be read to its
end: then nothing is removed). Bad rows are reported with their row number and listed in the
`skipped` table as `<file>#row<N>`.

Articles of a dataset have the path `<file>#<locator>` (`""` for the file when the corpus is the
file itself); rows of files that cannot be reached by seeking (Parquet, .gz, .zst) keep their
fields in the `rowtext` table (`tui.corpus.dataset.pack_row`).
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tui.corpus.dataset import (
    BadRow,
    DatasetError,
    Row,
    count_rows_hint,
    iter_rows,
    pack_row,
    row_article,
    row_id,
    seekable,
)
from tui.corpus.sanitize import sanitize_line
from tui.index.model import ScanReport
from tui.index.store import DATASET_TABLES
from tui.index.text import fold, terms, terms_and_words

LOOKUP = 500
"""Rows looked up in the catalogue per query."""
BATCH = 256
"""Rows per task sent to a worker process."""
IN_FLIGHT_PER_WORKER = 3
"""Batches waiting or being read per worker: bounds memory on a file of any size."""
MAX_BAD_LISTED = 1000
"""Bad rows of one file listed one by one (the rest are counted in one entry)."""
POOL_FROM_BYTES = 2 * 1024 * 1024
"""Smaller dataset files are read in this process (a pool costs ~0.3 s to start)."""

Item = tuple[str, str, tuple, bool, int]
"""(path, wanted id, row fields, keep the row's fields, row size) sent to a worker."""


def ensure_tables(conn: sqlite3.Connection) -> None:
    """Create the dataset tables in a catalogue made before datasets were read."""
    conn.executescript(DATASET_TABLES)


def bounds(rel: str) -> tuple[str, str]:
    """The range of article paths of the dataset `rel` («rel#» ≤ path < «rel$»)."""
    return rel + "#", rel + "$"


def dataset_rowids(conn: sqlite3.Connection, rel: str) -> Iterator[int]:
    """Rowids of the articles of the dataset file `rel`."""
    lo, hi = bounds(rel)
    for (rowid,) in conn.execute(
        "SELECT rowid FROM articles WHERE path >= ? AND path < ?", (lo, hi)
    ):
        yield rowid


def unchanged(conn: sqlite3.Connection, rel: str, sig: tuple, reader: str) -> int | None:
    """The number of rows of the dataset `rel` if the catalogue holds it as it is now, else None."""
    row = conn.execute(
        "SELECT size, mtime_ns, reader, rows FROM datasets WHERE path = ?", (rel,)
    ).fetchone()
    if row and (row[0], row[1]) == tuple(sig[:2]) and row[2] == reader:
        return int(row[3])
    return None


def forget_missing(conn: sqlite3.Connection, present: set[str]) -> None:
    """Drop the records (and bad-row entries) of dataset files no longer in the corpus; their
    articles go with the scan's removal of unseen rows."""
    for (rel,) in conn.execute("SELECT path FROM datasets").fetchall():
        if rel not in present:
            conn.execute("DELETE FROM datasets WHERE path = ?", (rel,))
            _drop_bad(conn, rel)


def _drop_bad(conn: sqlite3.Connection, rel: str) -> None:
    conn.execute("DELETE FROM skipped WHERE path >= ? AND path < ?", (rel + "#row", rel + "#rox"))
    conn.execute("DELETE FROM skipped WHERE path = ?", (rel,))


def is_bad_row_entry(path: str) -> bool:
    """True for a `skipped` entry naming a bad row of a dataset (managed here, not by the walk)."""
    head, sep, tail = path.rpartition("#row")
    return bool(sep) and tail.isdigit()


# -- workers ---------------------------------------------------------------------------------------


def read_rows(dataset: str, rel: str, mtime_ns: int, items: list[Item]) -> list[tuple]:
    """Worker: clean rows and make what the writer stores (the shape of `scan.read_one`'s records,
    with the packed row fields, or None, last)."""
    out: list[tuple] = []
    path = Path(dataset)
    for entry, wanted, fields, keep, size in items:
        sig = (size, mtime_ns, 0)
        row = Row(entry.rpartition("#")[2], 0, *fields, size=size)
        try:
            article, text = row_article(path, rel, row, wanted, count=False)
        except ValueError as exc:
            out.append(("s", entry, sig, str(exc)))
            continue
        except Exception as exc:  # a reader bug must not stop a million-row scan
            out.append(("s", entry, sig, f"reader failed: {type(exc).__name__}: {exc}"))
            continue
        a = article
        body, words = terms_and_words(text)
        out.append(
            (
                "a",
                entry,
                sig,
                a.id,
                a.sha1,
                a.title,
                fold(a.title),
                a.outlet,
                a.language,
                a.date,
                words,
                a.encoding,
                a.url,
                terms(a.title),
                body,
                pack_row(row) if keep else None,
            )
        )
    return out


# -- the writer ------------------------------------------------------------------------------------


class DatasetScan:
    """Streams one changed dataset file into the catalogue (see module docstring)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        engine: Any,
        root: Path,
        rel: str,
        sig: tuple,
        report: ScanReport,
        reader: str,
        top: int,
    ) -> None:
        self.conn = conn
        self.engine = engine
        self.root = root
        self.rel = rel
        self.dataset = root / rel if rel else root
        self.sig = sig
        self.report = report
        self.reader = reader
        self.keep = not seekable(self.dataset.name)
        self.met = bytearray(top + 1)
        self.claims: dict[str, int | None] = {}
        """Path → the rowid its record updates (None: a new article), for records in flight."""
        self.rows = 0
        self.bad = 0
        self.complete = True

    # -- decisions ---------------------------------------------------------------------------

    def _in_dataset(self, path: str) -> bool:
        lo, hi = bounds(self.rel)
        return lo <= path < hi

    def _claim(self, rowid: int) -> bool:
        if rowid < len(self.met):
            if self.met[rowid]:
                return False
            self.met[rowid] = 1
            return True
        return False

    def decide(self, rows: list[Row]) -> list[Item]:
        """Rows to read: those new or changed; unchanged ones are only moved and ticked."""
        conn = self.conn
        wanted = [row_id(self.rel, r) for r in rows]
        paths = [f"{self.rel}#{r.locator}" for r in rows]
        by_id: dict[str, tuple] = {}
        marks = ",".join("?" * len(rows))
        for found in conn.execute(
            f"SELECT id, rowid, sha1, reader, path FROM articles WHERE id IN ({marks})", wanted
        ):
            by_id[found[0]] = found
        by_path: dict[str, tuple] = {}
        for found in conn.execute(
            f"SELECT id, rowid, sha1, reader, path FROM articles WHERE path IN ({marks})", paths
        ):
            by_path[found[4]] = found
        todo: list[Item] = []
        for row, aid, path in zip(rows, wanted, paths, strict=True):
            old = by_id.get(aid)
            if (
                old is None
                or not self._in_dataset(old[4])
                or (old[1] < len(self.met) and self.met[old[1]])
            ):
                old = by_path.get(path)
                if old is not None and not (old[0] == aid or old[0].startswith(aid + "~")):
                    old = None
            own = old[1] if old is not None and self._claim(old[1]) else None
            digest = row.digest()
            if own is not None and old is not None and old[2] == digest and old[3] == self.reader:
                if old[4] != path:
                    self._move(own, path)
                self.report.unchanged += 1
                continue
            self.claims[path] = own
            fields = (row.text, row.title, row.url, row.date, row.outlet, row.language, row.id)
            todo.append(
                (
                    path,
                    old[0] if own is not None and old is not None else aid,
                    fields,
                    self.keep,
                    row.size,
                )
            )
        return todo

    def _move(self, rowid: int, path: str) -> None:
        """Set an article's path, moving aside a stale article that holds it."""
        try:
            self.conn.execute("UPDATE articles SET path = ? WHERE rowid = ?", (path, rowid))
        except sqlite3.IntegrityError:
            self._free_path(path)
            self.conn.execute("UPDATE articles SET path = ? WHERE rowid = ?", (path, rowid))

    def _free_path(self, path: str) -> None:
        holder = self.conn.execute("SELECT rowid FROM articles WHERE path = ?", (path,)).fetchone()
        if holder is not None:
            self.conn.execute(
                "UPDATE articles SET path = ? WHERE rowid = ?",
                (f"{self.rel}#moved{holder[0]}", holder[0]),
            )

    def _free_id(self, wanted: str, own: int | None) -> str:
        def free(candidate: str) -> bool:
            found = self.conn.execute(
                "SELECT rowid FROM articles WHERE id = ?", (candidate,)
            ).fetchone()
            return found is None or found[0] == own

        if free(wanted):
            return wanted
        n = 2
        while not free(f"{wanted}~{n}"):
            n += 1
        return f"{wanted}~{n}"

    # -- storing -----------------------------------------------------------------------------

    def bad_row(self, bad: BadRow) -> None:
        """Report and list one bad row."""
        self.bad += 1
        if self.bad > MAX_BAD_LISTED:
            return
        entry = f"{self.rel}#row{bad.number}"
        reason = sanitize_line(bad.reason)
        self.conn.execute(
            "INSERT OR REPLACE INTO skipped(path, size, mtime_ns, reason) VALUES (?, ?, ?, ?)",
            (entry, self.sig[0], self.sig[1], reason),
        )
        self.report.skipped.append((self._shown(entry), reason))

    def _shown(self, entry: str) -> str:
        name = self.rel or self.dataset.name
        return name + entry[len(self.rel) :].replace("#row", ": row ", 1)

    def store(self, rec: tuple) -> None:
        """Store one worker record."""
        conn, engine = self.conn, self.engine
        path = rec[1]
        own = self.claims.pop(path, None)
        if rec[0] == "s":
            self.bad += 1
            if own is not None:
                self.met[own] = 0  # removed at the end with the rows not met
            reason = sanitize_line(rec[3])
            if self.bad <= MAX_BAD_LISTED:
                self.report.skipped.append((self._shown(path), reason))
            return
        (_, _, sig, aid, sha1, title, key, outlet, language, date, words, encoding, url,
         tterms, bterms, packed) = rec  # fmt: skip
        fields = (sha1, title, key, outlet, language, date, words, encoding, url)
        if own is not None:
            engine.delete(own)
            conn.execute("DELETE FROM entities WHERE article = ?", (own,))
            conn.execute("DELETE FROM claims WHERE article = ?", (own,))
            conn.execute("DELETE FROM doc WHERE rowid = ?", (own,))
            aid = self._free_id(aid, own)
            update = (
                "UPDATE articles SET id=?, path=?, size=?, mtime_ns=?, side_mtime_ns=?, sha1=?,"
                " title=?, title_key=?, outlet=?, language=?, date=?, words=?, encoding=?, url=?,"
                " facts='none', reader=? WHERE rowid=?"
            )
            params = (aid, path, *sig, *fields, self.reader, own)
            try:
                conn.execute(update, params)
            except sqlite3.IntegrityError:
                self._free_path(path)
                conn.execute(update, params)
            rowid = own
            self.report.updated += 1
        else:
            insert = (
                "INSERT INTO articles(id, path, size, mtime_ns, side_mtime_ns, sha1, title,"
                " title_key, outlet, language, date, words, encoding, url, reader)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            )
            try:
                cur = conn.execute(insert, (aid, path, *sig, *fields, self.reader))
            except sqlite3.IntegrityError as exc:
                if "articles.path" in str(exc):
                    self._free_path(path)
                aid = self._free_id(aid, None)
                cur = conn.execute(insert, (aid, path, *sig, *fields, self.reader))
            rowid = int(cur.lastrowid or 0)
            self.report.added += 1
        if packed is not None:
            conn.execute("INSERT OR REPLACE INTO rowtext(rowid, z) VALUES (?, ?)", (rowid, packed))
        engine.add(rowid, tterms, bterms, outlet, language)

    def rows_in(self) -> Iterator[list[Row]]:
        """The file's usable rows in chunks of LOOKUP; bad rows are reported on the way."""
        chunk: list[Row] = []
        try:
            for row in iter_rows(self.dataset):
                if isinstance(row, BadRow):
                    self.bad_row(row)
                    continue
                self.rows += 1
                if row.note and len(self.report.notes) < MAX_BAD_LISTED:
                    self.report.notes.append(
                        f"{self._shown(f'{self.rel}#row{row.number}')}: {row.note}"
                    )
                chunk.append(row)
                if len(chunk) >= LOOKUP:
                    yield chunk
                    chunk = []
        except (OSError, EOFError, DatasetError, ValueError) as exc:
            self.complete = False
            where = f" after row {self.rows + self.bad}" if self.rows + self.bad else ""
            self.report.skipped.append(
                (self.rel or self.dataset.name, f"unreadable{where} ({sanitize_line(str(exc))})")
            )
            self.conn.execute(
                "INSERT OR REPLACE INTO skipped(path, size, mtime_ns, reason) VALUES (?, ?, ?, ?)",
                (
                    self.rel,
                    self.sig[0],
                    self.sig[1],
                    f"unreadable{where} ({sanitize_line(str(exc))})",
                ),
            )
        if chunk:
            yield chunk

    def finish(self, old_rowids: list[int]) -> list[int]:
        """Record the file as read; the rowids of its articles not met again (to remove)."""
        self.conn.execute(
            "INSERT OR REPLACE INTO datasets(path, size, mtime_ns, reader, rows, bad)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                self.rel,
                self.sig[0],
                self.sig[1],
                self.reader if self.complete else "",
                self.rows,
                self.bad,
            ),
        )
        if not self.complete:
            return []
        if self.bad > MAX_BAD_LISTED:
            self.report.skipped.append(
                (
                    self.rel or self.dataset.name,
                    f"{self.bad - MAX_BAD_LISTED} more bad rows not listed",
                )
            )
        return [r for r in old_rowids if r >= len(self.met) or not self.met[r]]


def estimated_rows(path: Path) -> int:
    """Rows a dataset file probably holds (for progress): Parquet says; else by its size."""
    hint = count_rows_hint(path)
    if hint is not None:
        return hint
    try:
        size = path.stat().st_size
    except OSError:
        return 0
    return max(1, size // (4000 if seekable(path.name) else 1200))


class _Pipeline:
    """Rows in, records out: batches read in the pool (or here), at most `window` in flight,
    stored in order as they finish; commits every COMMIT_EVERY rows."""

    def __init__(
        self,
        pool: Any,
        window: int,
        commit: Callable[[], None],
        progress: Callable[[int, int], None] | None,
        done: int,
        total: int,
    ) -> None:
        self.pool = pool
        self.window = window
        self.commit = commit
        self.progress = progress
        self.done = done
        self.total = total
        self.pending = 0
        self.in_flight: deque = deque()

    def submit(self, ds: DatasetScan, items: list[Item]) -> None:
        args = (str(ds.dataset), ds.rel, ds.sig[1], items)
        if self.pool is not None:
            self.in_flight.append((ds, self.pool.apply_async(read_rows, args)))
        else:
            self.in_flight.append((ds, read_rows(*args)))
        self.drain(self.window)

    def skip(self, count: int) -> None:
        """Rows met but not read (unchanged)."""
        self.done += count

    def drain(self, limit: int = 0) -> None:
        while len(self.in_flight) > limit:
            ds, batch = self.in_flight.popleft()
            records = batch if isinstance(batch, list) else batch.get()
            for rec in records:
                ds.store(rec)
            self.pending += len(records)
            self.done += len(records)
            if self.pending >= COMMIT_EVERY:
                self.commit()
                self.pending = 0
            if self.progress:
                self.progress(self.done, max(self.total, self.done + 1))


COMMIT_EVERY = 2000
"""Rows per transaction (as `tui.index.scan.COMMIT_EVERY`)."""


def scan_datasets(
    conn: sqlite3.Connection,
    engine: Any,
    root: Path,
    datasets: list[tuple[str, tuple]],
    report: ScanReport,
    reader: str,
    top: int,
    workers: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
    done: int,
    total: int,
    commit: Callable[[], None],
    pool_factory: Callable[[int], Any],
    remove: Callable[[list[int]], None],
) -> int:
    """Stream each changed dataset file into the catalogue; the number of rows processed so far
    (files before them included). `commit()` ends the open transaction and begins the next."""
    estimates = [estimated_rows(root / rel if rel else root) for rel, _ in datasets]
    use_pool = workers > 1 and any(sig[0] >= POOL_FROM_BYTES for _, sig in datasets)
    pool = pool_factory(workers) if use_pool else None
    pipe = _Pipeline(pool, workers * IN_FLIGHT_PER_WORKER, commit, progress, done,
                     total + sum(estimates))  # fmt: skip
    try:
        for (rel, sig), estimate in zip(datasets, estimates, strict=True):
            ds = DatasetScan(conn, engine, root, rel, sig, report, reader, top)
            _drop_bad(conn, rel)
            old_rowids = list(dataset_rowids(conn, rel))
            met = 0
            for chunk in ds.rows_in():
                met += len(chunk)
                todo = ds.decide(chunk)
                pipe.skip(len(chunk) - len(todo))
                for i in range(0, len(todo), BATCH):
                    pipe.submit(ds, todo[i : i + BATCH])
                if cancelled is not None and cancelled():
                    report.cancelled = True
                    break
            pipe.drain()
            if report.cancelled:
                ds.complete = False
            pipe.total += met - estimate
            gone = ds.finish(old_rowids)
            if gone:
                remove(gone)
                report.removed += len(gone)
            commit()
            pipe.pending = 0
            if report.cancelled:
                break
    finally:
        if pool is not None:
            pool.terminate()
    return pipe.done
