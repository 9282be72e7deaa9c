"""Facts for a whole corpus: extraction in a process pool, entity keys written to the catalogue.

`extract_all(catalogue)` runs `tui.facts.facts_for` (which caches every article's facts on disk,
where the app reads them) for each article whose facts are not done yet, in one worker process per
core (`OPENBLAS_NUM_THREADS=1`, models loaded once per worker). The main process writes the entity
keys and the claims of each article to the catalogue in batches, so cross-article views — "other articles
mentioning this entity" (`Catalogue.articles_with_entity`), the matrix — read from the cache
instead of extracting again. Interrupted runs resume where they stopped.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.facts.model import Claim
from tui.index.store import pack_text

if TYPE_CHECKING:
    from tui.index.catalogue import Catalogue

WRITE_BATCH = 50


@dataclass(slots=True)
class FactsReport:
    """What one `extract_all` did."""

    done: int = 0
    failed: int = 0
    entities: int = 0
    seconds: float = 0.0
    cancelled: bool = False

    def summary(self) -> str:
        """One line for people."""
        rate = f", {self.done / self.seconds:.1f} articles/s" if self.seconds and self.done else ""
        failed = f", {self.failed} failed" if self.failed else ""
        return (
            f"facts for {self.done} articles ({self.entities} entity mentions){failed}"
            f" in {self.seconds:.1f} s{rate}"
        )


ClaimRow = tuple[Any, ...]
"""A claim as the catalogue's `claims` table stores it (columns after `article`)."""
Result = tuple[int, str, list[str], bytes | None, list[ClaimRow]]


def claim_row(c: Claim) -> ClaimRow:
    """The `claims` table columns of one claim (without the article)."""
    return (
        c.measure, c.value, c.value_max, c.qualifier, c.as_of, c.as_of_date, c.attribution,
        c.place, c.status, c.text, c.start, c.end, c.sentence_start, c.sentence_end,
    )  # fmt: skip


def one_per_value(claims: list[Claim]) -> list[Claim]:
    """The claims the ledger stores of one article: parts of a figure («из них 5 детей») left
    out, and one claim per measure, value, qualifier and status (a headline «64» and the body's
    «64 человек» are one), with the as-of time, source and place any of its mentions gives."""
    from dataclasses import replace

    out: dict[tuple[str, float, str | None, str], Claim] = {}
    for c in claims:
        if c.status == "part":
            continue
        key = (c.measure, c.value, c.qualifier, c.status)
        known = out.get(key)
        if known is None:
            out[key] = c
        else:
            out[key] = replace(
                known,
                as_of=known.as_of or c.as_of,
                as_of_date=known.as_of_date or c.as_of_date,
                attribution=known.attribution or c.attribution,
                place=known.place or c.place,
            )
    return list(out.values())


def stored_row(db: str | None, rowid: int, rel: str) -> bytes | None:
    """The fields the catalogue at `db` keeps for a dataset row that cannot be reached by seeking
    (None for files and seekable rows, or when there is no catalogue to ask)."""
    if db is None or "#" not in rel or rel.rpartition("#")[2].startswith("b"):
        return None
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        found = conn.execute("SELECT z FROM rowtext WHERE rowid = ?", (rowid,)).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return found[0] if found else None


def facts_of_file(root: str, item: tuple[int, str], db: str | None = None) -> Result:
    """Worker: read, clean and extract one article; (rowid, 'done'|'error: …', entity keys, the
    packed cleaned text, its claims). The catalogue keeps the text of each article with facts:
    labels of entities in cross-article views come from it without reading the file again; and
    its claims, for the numbers ledger."""
    rowid, rel = item
    try:
        from tui import pipeline
        from tui.corpus.reader import read_entry

        article = read_entry(Path(root), rel, stored_row(db, rowid, rel))[0]
        if not hasattr(article, "raw"):
            return rowid, f"error: {getattr(article, 'reason', 'unreadable')}", [], None, []
        document, facts = pipeline.document_and_facts(article)  # type: ignore[arg-type]
        keys = sorted({e.key for e in facts.entities if e.key})
        claims = [claim_row(c) for c in one_per_value(facts.claims)]
        return rowid, "done", keys, pack_text(document.text), claims
    except Exception as exc:  # one bad article must not stop a corpus-wide run
        return rowid, f"error: {type(exc).__name__}: {exc}", [], None, []


def _init_worker(
    rules: list[dict] | None = None,
    outlets: list[dict] | None = None,
    fields: dict[str, str] | None = None,
) -> None:
    from tui.facts.nlp import warm_up
    from tui.index.scan import worker_init

    worker_init(rules, outlets, fields)  # one BLAS thread; the configured cleaning rules
    warm_up()


def _results(
    root: Path, todo: list[tuple[int, str]], workers: int, db: str | None = None
) -> Generator[Result, None, None]:
    if workers <= 1 or len(todo) <= 1:
        for item in todo:
            yield facts_of_file(str(root), item, db)
        return
    from tui.index.scan import worker_pool

    with worker_pool(workers, _init_worker) as pool:
        yield from pool.imap_unordered(partial(facts_of_file, str(root), db=db), todo, chunksize=4)


def write_results(conn: Any, results: list[Result]) -> None:
    """Store extraction results in the catalogue in one transaction: entity keys, claims, the
    cleaned text, and the article's facts status."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for rowid, status, keys, packed, claims in results:
            conn.execute("DELETE FROM entities WHERE article = ?", (rowid,))
            conn.execute("DELETE FROM claims WHERE article = ?", (rowid,))
            if claims:
                found = conn.execute(
                    "SELECT date FROM articles WHERE rowid = ?", (rowid,)
                ).fetchone()
                conn.executemany(
                    f"INSERT INTO claims VALUES ({', '.join('?' * 16)})",
                    [(rowid, found[0] if found else None, *row) for row in claims],
                )
            if packed is not None:
                conn.execute("INSERT OR REPLACE INTO doc(rowid, z) VALUES (?, ?)", (rowid, packed))
            conn.executemany(
                "INSERT OR IGNORE INTO entities(key, article) VALUES (?, ?)",
                [(k, rowid) for k in keys],
            )
            conn.execute(
                "UPDATE articles SET facts = ? WHERE rowid = ?",
                ("done" if status == "done" else "error", rowid),
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def extract_all(
    catalogue: Catalogue,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    cancelled: Callable[[], bool] | None = None,
    redo: bool = False,
    rowids: Sequence[int] | None = None,
) -> FactsReport:
    """Extract facts for every article not done yet (all with `redo`; only those of `rowids`
    when given); see module docstring."""
    from tui.index.scan import default_workers

    t0 = time.perf_counter()
    report = FactsReport()
    conn = catalogue.connection()
    where = "" if redo else " WHERE facts != 'done'"
    todo = [
        (r, p) for r, p in conn.execute(f"SELECT rowid, path FROM articles{where} ORDER BY rowid")
    ]
    if rowids is not None:
        wanted = set(rowids)
        todo = [(r, p) for r, p in todo if r in wanted]
    total = len(todo)
    if progress:
        progress(0, total)
    workers = default_workers() if workers is None else workers
    pending: list[Result] = []

    def flush() -> None:
        write_results(conn, pending)
        pending.clear()

    results = _results(catalogue.root, todo, workers, str(catalogue.db_path))
    try:
        for n, result in enumerate(results, 1):
            pending.append(result)
            status, keys = result[1], result[2]
            if status == "done":
                report.done += 1
                report.entities += len(keys)
            else:
                report.failed += 1
            if len(pending) >= WRITE_BATCH:
                flush()
            if progress:
                progress(n, total)
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
        if pending:
            flush()
    finally:
        results.close()
    report.seconds = time.perf_counter() - t0
    return report
