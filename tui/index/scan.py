"""Bring a catalogue up to date with its corpus folder: walk, stat, read only what changed.

The walk only stats (one `scandir` per folder) and holds one folder at a time. Files whose size
and mtime (and sidecar's mtime) match the catalogue, and that were read with the current reader
version (`reader_version`: the reader, cleaner and search-term code and the user's clean rules),
are not opened. New and changed files are read by the corpus reader and turned into index terms —
of the cleaned text — in a process pool (one process per core) when there are many of them, in
this process when there are few; the writer (this process) stores them in batches, one transaction
each (the first one small), so a reader sees the list grow while the scan runs. Files that
disappeared are removed. The search index (tantivy, `tui.index.engine`) is committed just before
each SQLite transaction.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sqlite3
import stat as stat_mod
import threading
import time
from collections.abc import Callable, Generator, Iterator
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from tui.corpus import Skipped
from tui.corpus.dataset import DATASET_SUFFIXES, configured_fields, is_dataset_name
from tui.corpus.folder import OUTSIDE_REASON, leads_outside
from tui.corpus.metadata import sidecar_name
from tui.corpus.reader import OPEN_FLAGS, cleaned_window, id_name, read_article_text, read_entry
from tui.corpus.sanitize import escape_name
from tui.index.engine import SearchIndex
from tui.index.model import ScanReport
from tui.index.store import LATE_INDEXES, unpack_text
from tui.index.text import fold, terms, terms_and_words

ProgressFn = Callable[[int, int], None]
"""`progress(done, total)`: files processed so far out of the files that need reading."""

SUFFIXES = (".txt", ".md")
BATCH = 256
"""Files per task sent to a worker process (64 cost the writer process 0.05 ms per file in
pool traffic, 256 0.03 ms; a batch still takes a worker only ~0.2 s)."""
COMMIT_EVERY = 2000
"""Articles per transaction (and search index commit) during a scan."""
FIRST_COMMIT = 128
"""The first transaction of a scan is small, so a list painting from the catalogue shows rows at
once."""
LOOKUP_BATCH = 500
"""Files of one folder looked up in the catalogue per query."""
LATE_INDEXES_FROM = 20_000
"""A first scan reading at least this many files builds `store.LATE_INDEXES` at its end."""
SCAN_CHECKPOINT_PAGES = 16384
"""WAL pages between checkpoints while a scan writes (64 MB; SQLite's default is 1,000)."""
POOL_THRESHOLD = 400
"""Fewer changed files than this are read in this process (a pool costs ~0.3 s to start)."""

Signature = tuple[int, int, int]
"""(size, mtime_ns, sidecar mtime_ns or 0) of one article file."""


def walk_folders(
    root: Path, report: ScanReport | None = None
) -> Iterator[tuple[str, list[tuple[str, Signature, str]]]]:
    """Each folder under `root` as ('/'-prefix of its relative path, [(file name, signature, id)]).

    The id is `tui.corpus.reader.article_id_for`'s, made from the names the walk sees (no extra
    stat): the one id the CLI, the catalogue and the app give the file.

    Same rules as `tui.corpus.walk_articles` (hidden entries ignored, symlinked folders followed
    but never the same folder twice), but only stats: no sorting, no Path objects, and one folder
    in memory at a time. Non-regular files, broken links and names that are not valid Unicode are
    left out (listed in `report`).
    """
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[str, str, str]] = [(str(root), "", "")]
    root_real = os.path.realpath(root)
    while stack:
        folder, prefix, id_prefix = stack.pop()
        try:
            st = os.stat(folder)
            key = (st.st_dev, st.st_ino)
            if key in seen:
                if report is not None:  # as the corpus reader says
                    report.skipped.append(
                        (prefix.rstrip("/"), "symlink loop (folder already visited)")
                    )
                continue
            seen.add(key)
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            if report is not None:
                report.skipped.append(
                    (prefix.rstrip("/") or ".", f"unreadable folder ({exc.strerror or exc})")
                )
            continue
        names: set[str] | None = None
        not_folders: set[str] | None = None
        files: list[tuple[str, Signature, str]] = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):  # hidden, as the corpus reader does
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:  # a symlink loop: not a folder; the stat below says what it is
                is_dir = False
            low = name.lower()
            if (
                (is_dir or low.endswith(SUFFIXES) or low.endswith(DATASET_SUFFIXES))
                and entry.is_symlink()
                and leads_outside(entry.path, root_real)
            ):
                if report is not None:
                    report.skipped.append((prefix + name, OUTSIDE_REASON))
                continue
            if is_dir:
                stack.append((entry.path, prefix + name + "/", id_prefix + escape_name(name) + "/"))
                continue
            if not low.endswith(SUFFIXES) and not low.endswith(DATASET_SUFFIXES):
                continue
            rel = prefix + name
            try:
                rel.encode("utf-8")
            except UnicodeEncodeError:
                if report is not None:
                    report.skipped.append(
                        (rel.encode("utf-8", "replace").decode(), "file name is not valid Unicode")
                    )
                continue
            try:
                st = entry.stat()
            except OSError as exc:
                if report is not None:
                    reason = (
                        "broken symlink"  # as the corpus reader says
                        if entry.is_symlink()
                        else f"cannot stat: {exc.strerror or exc}"
                    )
                    report.skipped.append((rel, reason))
                continue
            if not stat_mod.S_ISREG(st.st_mode):
                if report is not None:
                    report.skipped.append((rel, "not a regular file"))
                continue
            side = 0
            if names is None:
                names = {e.name for e in entries}
            side_name = sidecar_name(name)
            if side_name in names:
                side = _mtime_ns(os.path.join(folder, side_name))
            if name.endswith(".txt"):  # the common case: its id is its stem, whatever is beside it
                last = name[:-4]
            else:
                if not_folders is None:
                    not_folders = {e.name for e in entries if not _is_dir(e)}
                last = id_name(name, not_folders.__contains__)
            files.append((name, (st.st_size, st.st_mtime_ns, side), id_prefix + escape_name(last)))
        if files:
            yield prefix, files


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def count_files(root: Path, stop_at: int | None = None) -> int:
    """How many articles `walk_folders` finds: files, and the rows dataset files probably hold
    (stops counting at `stop_at`)."""
    from tui.index.scan_dataset import estimated_rows

    if root.is_file():
        return estimated_rows(root)
    count = 0
    for prefix, files in walk_folders(root):
        for name, _sig, _id in files:
            count += estimated_rows(root / (prefix + name)) if is_dataset_name(name) else 1
        if stop_at is not None and count >= stop_at:
            break
    return count


@lru_cache(maxsize=1)
def _code_digest() -> str:
    digest = hashlib.sha1()
    here = Path(__file__).resolve().parent
    package = here.parent
    files = [
        *sorted((package / "corpus").glob("*.py")),
        *sorted((package / "corpus").glob("*.toml")),
        *sorted((package / "clean").glob("*.py")),
        *sorted((package / "clean").glob("*.toml")),
        here / "text.py",
        here / "scan.py",
        here / "scan_dataset.py",
    ]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def reader_version() -> str:
    """What an article row was made with: a digest of the reader, cleaner and search-term code
    and of the user's `[[clean.rules]]`. A row read with another version is read again by the
    next scan (titles, word counts and search terms follow a new cleaner or new rules), updated
    in place so the list stays usable and ids — and the notes on them — stay put."""
    from tui.clean.rules import configured_items
    from tui.corpus.outlets import configured_outlets

    rules = json.dumps(
        [configured_items(), configured_outlets(), configured_fields().describe()],
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return f"{_code_digest()}-{hashlib.sha1(rules.encode()).hexdigest()[:8]}"


def _mtime_ns(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0


Record = tuple
"""What a worker returns per file: ("a", rel, sig, fields..., title terms, body terms) or
("s", rel, sig, reason)."""


def signature(path: Path) -> Signature:
    """(size, mtime_ns, sidecar mtime_ns or 0) of one article file, now ((0, 0, 0) if gone)."""
    name = os.fspath(path)
    try:
        st = os.stat(name)
    except OSError:
        return (0, 0, 0)
    folder, file_name = os.path.split(name)
    side = _mtime_ns(os.path.join(folder, sidecar_name(file_name)))
    return (st.st_size, st.st_mtime_ns, side)


def read_one(root: Path, rel: str) -> Record:
    """Read one file with the corpus reader and prepare everything the writer stores.

    Search indexes the cleaned text (headline and paragraphs, as the reading view shows them):
    site menus, lists of other stories and photo credits would otherwise make every article
    whose sidebar names «Токаев» a hit for «Токаев». The text itself is not stored (see
    `article_text`).

    The signature is taken just before reading: a file changed after that has a newer mtime than
    the one stored, so the next scan reads it again."""
    path = root / rel
    sig = signature(path)
    try:
        result, text = read_article_text(path, root, words=False, has_sidecar=sig[2] != 0)
    except Exception as exc:  # a reader bug must not stop a 100k-file scan
        return ("s", rel, sig, f"reader failed: {type(exc).__name__}: {exc}")
    if isinstance(result, Skipped):
        return ("s", rel, sig, result.reason)
    a = result
    body, words = terms_and_words(text)
    return (
        "a",
        rel,
        sig,
        a.id,
        a.sha1,
        a.title,
        fold(a.title),  # the title column's sort key (folded here: the writer is the busier side)
        a.outlet,
        a.language,
        a.date,
        words,
        a.encoding,
        a.url,
        terms(a.title),
        body,
    )


def read_batch(root: str, rels: list[str]) -> list[Record]:
    """Worker entry point: read a batch of files (asking the OS to fetch them all first)."""
    base = Path(root)
    prefetch(root, rels)
    return [read_one(base, rel) for rel in rels]


def prefetch(root: str, rels: list[str]) -> None:
    """Ask the OS to start reading `rels` from disk now (POSIX_FADV_WILLNEED), so a cold scan
    cleans one file while the disk fetches the next ones instead of waiting for each in turn.
    A no-op where the call does not exist; errors are left for the real read to report."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return
    for rel in rels:
        try:
            fd = os.open(os.path.join(root, rel), OPEN_FLAGS)
        except OSError:
            continue
        try:
            advise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
        except OSError:
            pass
        finally:
            os.close(fd)


def worker_init(
    rules: list[dict] | None = None,
    outlets: list[dict] | None = None,
    fields: dict[str, str] | None = None,
) -> None:
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    if rules:  # a spawned worker starts with the shipped rules only
        from tui.clean.rules import configure_rules

        configure_rules(rules)
    if outlets:  # and the shipped outlets only
        from tui.corpus.outlets import configure_outlets

        configure_outlets(outlets)
    if fields:  # and the default dataset field mapping
        from tui.corpus.dataset import configure_fields

        configure_fields(fields)


def worker_settings() -> tuple[list[dict], list[dict], dict[str, str]]:
    """What a worker process needs to read and clean as this one does: the configured
    `[[clean.rules]]`, `[[outlets]]` and dataset field mapping (`worker_init`'s arguments)."""
    from tui.clean.rules import configured_items
    from tui.corpus.outlets import configured_outlets

    return list(configured_items()), list(configured_outlets()), configured_fields().overrides()


def worker_pool(workers: int, initializer: Callable[..., None] = worker_init) -> Any:
    """A process pool whose workers clean as this process does (`initializer(*worker_settings())`),
    forked when that is safe."""
    return _pool_context().Pool(workers, initializer=initializer, initargs=worker_settings())


def _pool_context() -> multiprocessing.context.BaseContext:
    # fork is cheapest, but forking a process that runs other threads (the TUI) is unsafe.
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _results(root: Path, todo: list[str], workers: int) -> Generator[list[Record], None, None]:
    if workers <= 1 or len(todo) < POOL_THRESHOLD:
        for i in range(0, len(todo), BATCH):
            yield read_batch(str(root), todo[i : i + BATCH])
        return
    chunks = [todo[i : i + BATCH] for i in range(0, len(todo), BATCH)]
    with worker_pool(workers) as pool:
        yield from pool.imap_unordered(partial(read_batch, str(root)), chunks)


def default_workers() -> int:
    """One worker per core."""
    return max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )


def remove_rows(conn: sqlite3.Connection, engine: SearchIndex, rowids: list[int]) -> None:
    """Remove articles (and their search index entries, text, entity keys and claims)."""
    for rowid in rowids:
        engine.delete(rowid)
        conn.execute("DELETE FROM doc WHERE rowid = ?", (rowid,))
        conn.execute("DELETE FROM entities WHERE article = ?", (rowid,))
        conn.execute("DELETE FROM claims WHERE article = ?", (rowid,))
        conn.execute("DELETE FROM rowtext WHERE rowid = ?", (rowid,))
        conn.execute("DELETE FROM articles WHERE rowid = ?", (rowid,))


def _unique_id(conn: sqlite3.Connection, wanted: str, own: int | None) -> str:
    """`wanted`, or `wanted~2`, `wanted~3`… if another article holds it.

    Ids are unique by construction (`tui.corpus.reader.article_id_for`); two files want one id
    only when `a.md.txt` sits beside `a.txt` and `a.md`, or for a moment while a scan moves an
    id from one file to its neighbour (`fix_ids` settles that at the end of the scan)."""

    def free(candidate: str) -> bool:
        row = conn.execute("SELECT rowid FROM articles WHERE id = ?", (candidate,)).fetchone()
        return row is None or row[0] == own

    candidate, n = wanted, 2
    while not free(candidate):
        candidate, n = f"{wanted}~{n}", n + 1
    return candidate


def fix_ids(conn: sqlite3.Connection, wanted: dict[int, str]) -> None:
    """Give the rows that had to take a `~n` id during this scan the id they want, where it is
    free now (its holder was updated after them), until nothing changes."""
    while wanted:
        progress = False
        for rowid, aid in list(wanted.items()):
            if _unique_id(conn, aid, rowid) == aid:
                conn.execute("UPDATE articles SET id = ? WHERE rowid = ?", (aid, rowid))
                del wanted[rowid]
                progress = True
        if not progress:
            return


def _store(
    conn: sqlite3.Connection,
    engine: SearchIndex,
    rec: Record,
    changed: dict[str, int],
    report: ScanReport,
    was_skipped: set[str] | None = None,
    reader: str = "",
    ids: dict[str, str] | None = None,
    displaced: dict[int, str] | None = None,
) -> None:
    """Store one worker record; `changed` maps the paths already in the catalogue to their rowid
    (every other path is new), `was_skipped` holds the paths in the skipped table, `ids` the id
    the walk gave each path (else the reader's), `displaced` collects rows that could not take
    their id yet (see `fix_ids`)."""
    kind, rel, sig = rec[0], rec[1], rec[2]
    old = changed.get(rel)
    if kind == "s":
        if old is not None:
            remove_rows(conn, engine, [old])
            report.removed += 1
        conn.execute(
            "INSERT OR REPLACE INTO skipped(path, size, mtime_ns, reason) VALUES (?, ?, ?, ?)",
            (rel, sig[0], sig[1], rec[3]),
        )
        report.skipped.append((rel, rec[3]))
        return
    (
        _,
        _,
        _,
        aid,
        sha1,
        title,
        key,
        outlet,
        language,
        date,
        words,
        encoding,
        url,
        tterms,
        bterms,
    ) = rec
    fields = (sha1, title, key, outlet, language, date, words, encoding, url)
    wanted = aid = (ids or {}).get(rel, aid)
    if old is not None:
        rowid = old
        engine.delete(rowid)
        conn.execute("DELETE FROM entities WHERE article = ?", (rowid,))
        conn.execute("DELETE FROM claims WHERE article = ?", (rowid,))
        conn.execute("DELETE FROM doc WHERE rowid = ?", (rowid,))  # the text changed
        aid = _unique_id(conn, aid, rowid)
        conn.execute(
            "UPDATE articles SET id=?, size=?, mtime_ns=?, side_mtime_ns=?, sha1=?, title=?,"
            " title_key=?, outlet=?, language=?, date=?, words=?, encoding=?, url=?, facts='none',"
            " reader=? WHERE rowid=?",
            (aid, *sig, *fields, reader, rowid),
        )
        report.updated += 1
    else:
        insert = (
            "INSERT INTO articles(id, path, size, mtime_ns, side_mtime_ns, sha1, title, title_key,"
            " outlet, language, date, words, encoding, url, reader)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        )
        try:  # ids rarely collide: the unique index says so, no lookup first
            cur = conn.execute(insert, (aid, rel, *sig, *fields, reader))
        except sqlite3.IntegrityError as exc:
            if "articles.id" not in str(exc):
                raise
            aid = _unique_id(conn, aid, None)
            cur = conn.execute(insert, (aid, rel, *sig, *fields, reader))
        rowid = int(cur.lastrowid or 0)
        report.added += 1
    if aid != wanted and displaced is not None:
        displaced[rowid] = wanted
    engine.add(rowid, tterms, bterms, outlet, language)
    if was_skipped is None or rel in was_skipped:
        conn.execute("DELETE FROM skipped WHERE path = ?", (rel,))


def rebuild_engine(conn: sqlite3.Connection, engine: SearchIndex) -> int:
    """Empty the search index and mark every article to be read again by the next scan (which
    puts each back in the index, updating its row in place: ids and notes stay). Returns the
    number of articles to read."""
    engine.clear()
    with conn:
        conn.execute("UPDATE articles SET reader = ''")
        conn.execute("UPDATE datasets SET reader = ''")
    return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def article_text(
    root: Path,
    rel: str,
    kept: bytes | None = None,
    window: int | None = None,
    stored: bytes | None = None,
) -> str | None:
    """The cleaned text the catalogue indexed for the article file `rel`: `kept` (a text `sverka
    index --facts` stored, `store.pack_text`) if given and readable, else read again from the
    file (None if it cannot be read) — only its first `window` bytes when given (a snippet
    needs no more; `tui.corpus.reader.cleaned_window`). The scan does not keep the texts — at a
    million articles they were most of a 4.3 GB catalogue and 5% of the indexing time; snippets
    and entity labels read the few files they need."""
    if kept is not None:
        try:
            return unpack_text(kept)
        except ValueError:
            pass  # unreadable: the file has it
    try:
        if window is not None and "#" not in rel:  # a file: read only its start
            return cleaned_window(root / rel, window)
        result, text = read_entry(root, rel, stored)
    except Exception:  # a reader bug must not break a search
        return None
    return None if isinstance(result, Skipped) else text


def bump_generation(conn: sqlite3.Connection) -> None:
    """Mark cached views stale (inside the transaction that changed articles)."""
    conn.execute(
        "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation'"
    )


def scan(
    conn: sqlite3.Connection,
    engine: SearchIndex,
    root: Path,
    progress: ProgressFn | None = None,
    workers: int | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ScanReport:
    """Bring the catalogue on `conn` up to date with the folder `root` (see module docstring).

    Memory stays small at a million files: the walk holds one folder at a time and looks its
    files up in the catalogue (one indexed query per 500 files); articles seen are ticked in a
    bitmap by rowid, so the ones gone are those left unticked; only the paths to read are kept.
    """
    t0 = time.perf_counter()
    report = ScanReport()
    reader = reader_version()
    top = conn.execute("SELECT max(rowid) FROM articles").fetchone()[0] or 0
    seen = bytearray(top + 1)
    known_skipped = {
        path: (size, mtime)
        for path, size, mtime in conn.execute("SELECT path, size, mtime_ns FROM skipped")
    }
    skipped_seen: set[str] = set()
    todo: list[str] = []
    ids: dict[str, str] = {}
    changed: dict[str, int] = {}
    from tui.index import scan_dataset as ds_mod

    known_skipped = {p: v for p, v in known_skipped.items() if not ds_mod.is_bad_row_entry(p)}
    datasets: list[tuple[str, Signature]] = []
    if root.is_file():
        walked: Iterator[tuple[str, list[tuple[str, Signature, str]]]] = iter(())
        datasets.append(("", signature(root)))
    else:
        walked = walk_folders(root, report)
    for prefix, all_files in walked:
        files = []
        for name, sig, aid in all_files:
            if is_dataset_name(name):
                datasets.append((prefix + name, sig))
            else:
                files.append((name, sig, aid))
        for i in range(0, len(files), LOOKUP_BATCH):
            chunk = files[i : i + LOOKUP_BATCH]
            rels = [prefix + name for name, _sig, _id in chunk]
            found = {
                path: (rowid, (size, mtime, side), made_with, aid)
                for path, rowid, size, mtime, side, made_with, aid in conn.execute(
                    "SELECT path, rowid, size, mtime_ns, side_mtime_ns, reader, id FROM articles"
                    f" WHERE path IN ({','.join('?' * len(rels))})",
                    rels,
                )
            }
            for (_name, sig, aid), rel in zip(chunk, rels, strict=True):
                old = found.get(rel)
                if old is not None:
                    if old[0] <= top:
                        seen[old[0]] = 1
                    if old[1] == sig and old[2] == reader and old[3] == aid:
                        report.unchanged += 1
                        continue
                    changed[rel] = old[0]
                elif rel in known_skipped:
                    skipped_seen.add(rel)
                    if known_skipped[rel] == sig[:2]:
                        continue
                todo.append(rel)
                ids[rel] = aid
    changed_datasets: list[tuple[str, Signature]] = []
    for rel, sig in datasets:
        skipped_seen.add(rel)
        for rowid in ds_mod.dataset_rowids(conn, rel):
            if rowid <= top:
                seen[rowid] = 1
        rows = ds_mod.unchanged(conn, rel, sig, reader)
        if rows is None:
            changed_datasets.append((rel, sig))
        else:
            report.unchanged += rows
    gone = [
        rowid
        for (rowid,) in conn.execute("SELECT rowid FROM articles WHERE rowid <= ?", (top,))
        if not seen[rowid]
    ]
    del seen
    gone_skipped = [rel for rel in known_skipped if rel not in skipped_seen]
    present = {rel for rel, _sig in datasets}
    if gone or gone_skipped or conn.execute("SELECT 1 FROM datasets").fetchone():
        conn.execute("BEGIN IMMEDIATE")
        ds_mod.forget_missing(conn, present)
        remove_rows(conn, engine, gone)
        conn.executemany("DELETE FROM skipped WHERE path = ?", [(r,) for r in gone_skipped])
        bump_generation(conn)
        engine.commit()
        conn.execute("COMMIT")
        report.removed += len(gone)
    was_skipped = set(known_skipped)
    total = len(todo)
    if progress:
        progress(0, total)
    done = 0
    workers = default_workers() if workers is None else workers
    pending = 0
    limit = FIRST_COMMIT
    results = _results(root, todo, workers)
    displaced: dict[int, str] = {}
    # Checkpoint the write-ahead log every 64 MB instead of every 4 MB while the scan writes: the
    # same index pages, rewritten by every transaction, are copied back far fewer times (~10% of
    # the writer's time at the default).
    conn.execute(f"PRAGMA wal_autocheckpoint = {SCAN_CHECKPOINT_PAGES}")
    # A first scan of a large folder builds the indexes of the less used sorts and filters once
    # at its end (a sort is ~3x cheaper than keeping them row by row); otherwise make sure they
    # exist (a first scan that was killed left them out).
    late = top == 0 and (
        total
        + sum(ds_mod.estimated_rows(root / rel if rel else root) for rel, _ in changed_datasets)
        >= LATE_INDEXES_FROM
    )
    for name, create in LATE_INDEXES.items():
        conn.execute(f"DROP INDEX IF EXISTS {name}" if late else create)
    conn.execute("BEGIN IMMEDIATE")
    try:
        for batch in results:
            for rec in batch:
                _store(conn, engine, rec, changed, report, was_skipped, reader, ids, displaced)
            done += len(batch)
            pending += len(batch)
            report.read += len(batch)
            if pending >= limit:
                bump_generation(conn)
                engine.commit()
                conn.execute("COMMIT")
                conn.execute("BEGIN IMMEDIATE")
                pending, limit = 0, COMMIT_EVERY
            if progress:
                progress(done, total)
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
        if changed_datasets and not report.cancelled:

            def commit() -> None:
                bump_generation(conn)
                engine.commit()
                conn.execute("COMMIT")
                conn.execute("BEGIN IMMEDIATE")

            pending = 1
            done = ds_mod.scan_datasets(
                conn,
                engine,
                root,
                changed_datasets,
                report,
                reader,
                top,
                workers,
                progress,
                cancelled,
                done,
                total,
                commit,
                worker_pool,
                lambda rowids: remove_rows(conn, engine, rowids),
            )
            report.read = done
        fix_ids(conn, displaced)
        if pending or displaced:
            bump_generation(conn)
        engine.commit()
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        results.close()
        engine.close_writer()
        conn.execute("PRAGMA wal_autocheckpoint = 1000")  # SQLite's default
        if late:
            for create in LATE_INDEXES.values():
                conn.execute(create)
    report.total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    report.seconds = time.perf_counter() - t0
    return report
