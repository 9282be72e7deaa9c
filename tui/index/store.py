"""The catalogue's SQLite file: where it lives, its schema, and opening it safely.

One database per corpus folder, `catalog-<sha1 of the folder's absolute path>.sqlite` in the cache
folder (its search index beside it: `catalog-<sha1>.tantivy/`), in WAL mode so the app's list can read while a scan writes. A file that is not a readable
catalogue of the current schema is thrown away and rebuilt (it is only a cache); the reason is
returned so the caller can say so.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
import threading
from pathlib import Path

from tui.index.model import CatalogueError
from tui.paths import cache_dir

SCHEMA_VERSION = "9"
"""4: search indexes the cleaned text (not the raw page) and holds outlet and language;
5: each article row records the reader version it was read with; 6: texts are zstd, not zlib;
7: the scan keeps no texts (only `sverka index --facts` does); 8: ids are made from the path
(`tui.corpus.reader.article_id_for`), no longer by the order files were first seen; 9: claims
(`tui.facts.claims`) are stored with the facts, for the numbers ledger."""

LATE_INDEXES = {
    "art_outlet": "CREATE INDEX IF NOT EXISTS art_outlet ON articles(outlet, title_key);",
    "art_language": "CREATE INDEX IF NOT EXISTS art_language ON articles(language, title_key);",
    "art_words": "CREATE INDEX IF NOT EXISTS art_words ON articles(words);",
    "art_facts": "CREATE INDEX IF NOT EXISTS art_facts ON articles(facts);",
}
"""Indexes a first scan of a large folder builds once at its end instead of row by row (see
`tui.index.scan`): the list's default sorts (date, title) keep theirs throughout."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles(
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL UNIQUE,          -- relative to the corpus root, '/'-separated
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    side_mtime_ns INTEGER NOT NULL DEFAULT 0,  -- the NAME.meta.toml sidecar's, 0 without one
    sha1 TEXT NOT NULL,
    title TEXT NOT NULL,
    title_key TEXT NOT NULL,            -- folded title: the sort key of the title column
    outlet TEXT NOT NULL,
    language TEXT NOT NULL,
    date TEXT,
    words INTEGER NOT NULL,
    encoding TEXT NOT NULL,
    url TEXT,
    facts TEXT NOT NULL DEFAULT 'none', -- none | done | error
    reader TEXT NOT NULL DEFAULT ''     -- tui.index.scan.reader_version() it was read with
);
CREATE INDEX IF NOT EXISTS art_title ON articles(title_key);
CREATE INDEX IF NOT EXISTS art_date ON articles(date);
{late_indexes}
CREATE TABLE IF NOT EXISTS skipped(
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, reason TEXT NOT NULL
);
-- zstd (pack_text) of the cleaned text of the articles whose facts were extracted: entity labels
-- and snippets without reading the file again (the scan itself keeps no texts). The search index
-- is a tantivy folder beside the database (tui.index.engine).
CREATE TABLE IF NOT EXISTS doc(rowid INTEGER PRIMARY KEY, z BLOB NOT NULL);
-- Answers that only change when the articles do: sorted rowid arrays, facet counts (see
-- Catalogue.view); valid while `generation` equals meta's.
CREATE TABLE IF NOT EXISTS viewcache(key TEXT PRIMARY KEY, generation TEXT NOT NULL, data BLOB);
CREATE TABLE IF NOT EXISTS entities(
    key TEXT NOT NULL, article INTEGER NOT NULL, PRIMARY KEY(key, article)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ent_article ON entities(article);
-- The claims of each article whose facts were extracted (`sverka index --facts`), parts of a
-- figure («из них 5 детей») left out: the numbers ledger (`sverka claims`, the app's Numbers
-- screen) reads them without extracting again, newest first by (measure, date).
CREATE TABLE IF NOT EXISTS claims(
    article INTEGER NOT NULL,           -- articles.rowid
    date TEXT,                          -- the article's date (the ledger's order), copied
    measure TEXT NOT NULL,
    value REAL NOT NULL,
    value_max REAL,
    qualifier TEXT,
    as_of TEXT,
    as_of_date TEXT,
    attribution TEXT,
    place TEXT,
    status TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    stop INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_measure ON claims(measure, date);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article);
""".replace("{late_indexes}", "\n".join(LATE_INDEXES.values()))

DATASET_TABLES = """
CREATE TABLE IF NOT EXISTS datasets(
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, reader TEXT, rows INTEGER, bad INTEGER
);
CREATE TABLE IF NOT EXISTS rowtext(rowid INTEGER PRIMARY KEY, z BLOB NOT NULL);
"""
"""Dataset files read into the catalogue (`tui.index.scan_dataset`) and the fields of the rows of
those that cannot be reached by seeking (Parquet, .gz, .zst; `tui.corpus.dataset.pack_row`).
Added to catalogues of schema 7 when they are opened."""


def db_path_for(corpus: Path) -> Path:
    """Where the catalogue of `corpus` lives."""
    digest = hashlib.sha1(str(corpus.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return cache_dir() / f"catalog-{digest}.sqlite"


def engine_path(db_path: Path) -> Path:
    """The search index folder that belongs to the catalogue at `db_path`."""
    return db_path.with_suffix(".tantivy")


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the catalogue's pragmas (WAL, relaxed fsync, a bigger page cache; no mmap,
    which would count the whole file into the app's RSS)."""
    conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA cache_size=-32000")
    conn.execute("PRAGMA temp_store=MEMORY")
    return conn


def remove_db(path: Path) -> None:
    """Delete the database file, its WAL/SHM companions and its search index folder."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    remove_path(engine_path(path))


def remove_path(path: Path) -> None:
    """Remove a folder with its contents, or a file (or link) of that name; nothing if absent."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


def open_db(path: Path, corpus: Path) -> tuple[sqlite3.Connection, str | None]:
    """Open (creating or rebuilding as needed) the catalogue at `path`.

    Returns the connection and, when an existing file had to be thrown away, one sentence saying
    why (None otherwise).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CatalogueError(
            f"cannot use the cache folder {path.parent} ({exc.strerror or exc}); set cache_dir in"
            " the config or SVERKA_CACHE_DIR to a folder you can write"
        ) from None
    message = None
    if path.exists():
        conn = None
        try:
            conn = connect(path)
            rows = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            conn.execute("SELECT count(*) FROM articles WHERE rowid < 0").fetchone()
            if rows.get("schema") == SCHEMA_VERSION:
                if (
                    conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'rowtext'").fetchone()
                    is None
                ):
                    conn.executescript(DATASET_TABLES)
                return conn, None
            conn.close()
            message = f"catalogue {path} was of an older format; rebuilding it"
        except sqlite3.DatabaseError as exc:
            message = f"catalogue {path} was unreadable ({exc}); rebuilding it"
            if conn is not None:
                with contextlib.suppress(Exception):
                    conn.close()
        remove_db(path)
    try:
        conn = connect(path)
        conn.executescript(SCHEMA + DATASET_TABLES)
    except sqlite3.Error as exc:
        raise CatalogueError(
            f"cannot create the catalogue {path} ({exc}); set cache_dir in the config or"
            " SVERKA_CACHE_DIR to a folder you can write"
        ) from None
    conn.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', ?), ('corpus', ?), ('generation', '0')",
        (SCHEMA_VERSION, str(corpus.resolve())),
    )
    return conn, message


_LOCAL = threading.local()


def pack_text(text: str) -> bytes:
    """The stored form of an article's cleaned text: zstd level 1 of its UTF-8 — 3.2× smaller,
    at 23 µs per article where zlib level 1 took 62 µs and packed less (3.1×); every indexed file
    pays this. (A compressor is not thread-safe: one per thread.)"""
    packer = getattr(_LOCAL, "packer", None)
    if packer is None:
        import zstandard  # not at import time: the first frame does not need it

        packer = _LOCAL.packer = zstandard.ZstdCompressor(level=1)
    return packer.compress(text.encode("utf-8", "surrogatepass"))


def unpack_text(data: bytes) -> str:
    """The text `pack_text` stored. Raises ValueError if `data` is not one."""
    import zstandard

    try:
        return zstandard.decompress(data).decode("utf-8", "surrogatepass")
    except zstandard.ZstdError as exc:
        raise ValueError(f"not a stored text: {exc}") from None
