"""Facts for a whole corpus on a Dask distributed cluster (`sverka index --facts --cluster`).

The client (this process) reads the articles whose facts are not done, cleans them (the corpus
files need not be on the workers: only cleaned texts travel) and checks the facts cache by content
hash — the cache key is a digest of the cleaned text, its language, reference date and the
extractor version — so an article extracted before, by any run, is recorded without being sent.
The rest go to the cluster in partitions (`PARTITION` articles per task); at most a few partitions
per worker thread are in flight, so the client's memory stays flat at any corpus size. As each
partition finishes its facts are written to the facts cache and the catalogue (entity keys, the
cleaned text, `facts = 'done'`), one transaction per partition.

Idempotent and resumable: a killed run leaves every recorded article done, and the workers write
each extraction to their own facts cache as it finishes (with a local cluster, or a cache folder
shared by the machines, that is the client's cache), so a rerun extracts only what no run
finished. `SVERKA_FACTS_LOG=FILE` makes workers append the cache key of every article they
actually extract (not served from a cache) to FILE — an audit of what was computed where.

Workers need Sverka installed (the same version: the extractor version is part of the cache key).
Without an address a `LocalCluster` with one single-threaded worker process per core is started.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from distributed.diagnostics.plugin import WorkerPlugin

from tui.index.facts_pool import (
    FactsReport,
    Result,
    claim_row,
    one_per_value,
    stored_row,
    write_results,
)
from tui.index.store import pack_text

if TYPE_CHECKING:
    from tui.index.catalogue import Catalogue

PARTITION = 16
"""Articles per task: ~0.4 s of work at 40 articles/s, so the scheduler's ~1 ms per task is
noise, and a killed run loses little."""
IN_FLIGHT_PER_THREAD = 3
"""Partitions submitted per worker thread (one running, the next ones queued on the worker)."""
READ_CHUNK = 256
"""Articles read from the catalogue per query."""

Item = tuple[int, str, str, "str | None"]
"""(rowid, cleaned text, language, reference date) sent to a worker."""


class SverkaWorker(WorkerPlugin):
    """A Dask worker plugin: the worker reads and extracts as the client does (clean rules,
    outlets, dataset fields; the facts cache folder when it is shared) and loads the models once.
    Registered by `extract_on_cluster`; importable on every worker that has Sverka installed."""

    name = "sverka"

    def __init__(self, settings: tuple, cache_dir: str | None, log: str | None) -> None:
        self.settings = settings
        self.cache_dir = cache_dir
        self.log = log

    def setup(self, worker: Any = None) -> None:
        from tui.facts.nlp import warm_up
        from tui.index.scan import worker_init

        if self.cache_dir:
            os.environ["SVERKA_CACHE_DIR"] = self.cache_dir
            from tui.paths import use_cache_dir

            use_cache_dir(Path(self.cache_dir))
        if self.log:
            os.environ["SVERKA_FACTS_LOG"] = self.log
        worker_init(*self.settings)
        warm_up()

    def teardown(self, worker: Any = None) -> None:
        pass


def extract_partition(items: list[Item]) -> list[tuple[int, str, dict | None]]:
    """Worker: the facts of each item through the worker's facts cache; (rowid, 'done' or
    'error: …', `Facts.to_dict()` or None)."""
    from tui.facts import extract
    from tui.facts.cache import cache_key, cached_facts

    log = os.environ.get("SVERKA_FACTS_LOG")
    out: list[tuple[int, str, dict | None]] = []
    for rowid, text, lang, date in items:
        try:
            computed = False

            def compute(text: str = text, lang: str = lang, date: str | None = date) -> Any:
                nonlocal computed
                computed = True
                return extract(text, lang, date)

            facts = cached_facts(text, lang, date, compute)
            assert facts is not None
            if computed and log:
                _append(log, cache_key(text, lang, date))
            out.append((rowid, "done", facts.to_dict()))
        except Exception as exc:  # one bad article must not stop a corpus-wide run
            out.append((rowid, f"error: {type(exc).__name__}: {exc}", None))
    return out


def _append(path: str, line: str) -> None:
    """Append one line with one write (O_APPEND: lines from many processes never interleave)."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, (line + "\n").encode())
    finally:
        os.close(fd)


def _todo(catalogue: Catalogue, redo: bool) -> Iterator[list[tuple[int, str, str | None, str]]]:
    """(rowid, path, date, id) of the articles to do, in chunks (rowid order)."""
    conn = catalogue.connection()
    where = "" if redo else " AND facts != 'done'"
    last = 0
    while True:
        chunk = conn.execute(
            f"SELECT rowid, path, date, id FROM articles WHERE rowid > ?{where}"
            " ORDER BY rowid LIMIT ?",
            (last, READ_CHUNK),
        ).fetchall()
        if not chunk:
            return
        last = chunk[-1][0]
        yield chunk


def _prepare(catalogue: Catalogue, rowid: int, rel: str) -> tuple[str, str, str | None, Any] | str:
    """(cleaned text, language, reference date, cached facts or None) of one article, or the
    reason it cannot be read."""
    from tui.corpus import Skipped
    from tui.corpus.reader import read_entry
    from tui.facts.cache import cached_facts
    from tui.lang import resolve

    article, text = read_entry(catalogue.root, rel, stored_row(str(catalogue.db_path), rowid, rel))
    if isinstance(article, Skipped):
        return f"error: {article.reason}"
    lang = resolve(article.language, text)
    return text, lang, article.date, cached_facts(text, lang, article.date, None)


def open_client(address: str | None, workers: int | None) -> tuple[Any, Any]:
    """(client, local cluster or None): a client of the scheduler at `address`, else of a new
    LocalCluster of `workers` single-threaded processes (default: one per core)."""
    from distributed import Client, LocalCluster

    if address:
        return Client(address, timeout="60s"), None
    from tui.index.scan import default_workers

    cluster = LocalCluster(
        n_workers=workers or default_workers(),
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        worker_dashboard_address=None,
        silence_logs=40,  # logging.ERROR
    )
    return Client(cluster), cluster


def extract_on_cluster(
    catalogue: Catalogue,
    address: str | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    redo: bool = False,
    client: Any = None,
) -> FactsReport:
    """Extract facts for every article not done yet (all with `redo`) on a Dask cluster: the one
    at `address`, `client`'s, or a local one with `workers` processes (see module docstring)."""
    from distributed import as_completed

    from tui.facts.cache import cached_facts
    from tui.facts.model import Facts
    from tui.index.scan import worker_settings
    from tui.paths import cache_dir

    t0 = time.perf_counter()
    report = FactsReport()
    conn = catalogue.connection()
    where = "" if redo else " WHERE facts != 'done'"
    total = int(conn.execute(f"SELECT count(*) FROM articles{where}").fetchone()[0])
    if progress:
        progress(0, total)
    if total == 0:
        report.seconds = time.perf_counter() - t0
        return report
    own = client is None
    cluster = None
    window = 0
    started: list[Any] = []

    def connect() -> Any:
        """The client, connected (and the cluster started) on the first partition to send: a
        rerun with everything cached starts nothing."""
        nonlocal client, cluster, window
        if not started:
            if own:
                client, cluster = open_client(address, workers)
            shared = None if address and own else str(cache_dir())
            client.register_plugin(
                SverkaWorker(worker_settings(), shared, os.environ.get("SVERKA_FACTS_LOG")),
                name="sverka",
            )
            threads = max(1, sum(client.nthreads().values()))
            window = threads * IN_FLIGHT_PER_THREAD
            started.append(as_completed())
        return client

    try:
        done = 0
        texts: dict[int, tuple[str, str, str | None]] = {}

        def record(results: list[tuple[int, str, dict | None]]) -> None:
            nonlocal done
            rows: list[Result] = []
            for rowid, status, data in results:
                text, lang, date = texts.pop(rowid, ("", "", None))
                if status == "done" and data is not None:
                    facts = Facts.from_dict(data)
                    cached_facts(text, lang, date, lambda facts=facts: facts)  # the local cache
                    keys = sorted({e.key for e in facts.entities if e.key})
                    claims = [claim_row(c) for c in one_per_value(facts.claims)]
                    rows.append((rowid, "done", keys, pack_text(text), claims))
                    report.done += 1
                    report.entities += len(keys)
                else:
                    rows.append((rowid, status, [], None, []))
                    report.failed += 1
            write_results(conn, rows)
            done += len(results)
            if progress:
                progress(done, total)

        in_flight = 0
        partition: list[Item] = []

        def submit(items: list[Item]) -> None:
            nonlocal in_flight
            future = connect().submit(extract_partition, items, pure=False)
            started[0].add(future)
            in_flight += 1

        def collect(down_to: int) -> None:
            nonlocal in_flight
            while in_flight > down_to:
                future = next(started[0])
                in_flight -= 1
                record(future.result())
                future.release()

        stop = False
        for chunk in _todo(catalogue, redo):
            ready: list[tuple[int, str, dict | None]] = []
            for rowid, rel, _date, _aid in chunk:
                prepared = _prepare(catalogue, rowid, rel)
                if isinstance(prepared, str):
                    ready.append((rowid, prepared, None))
                    continue
                text, lang, date, cached = prepared
                texts[rowid] = (text, lang, date)
                if cached is not None:  # extracted before, by any run: not sent again
                    ready.append((rowid, "done", cached.to_dict()))
                    continue
                partition.append((rowid, text, lang, date))
                if len(partition) >= PARTITION:
                    submit(partition)
                    partition = []
                    collect(window)
            if ready:
                record(ready)
            if cancelled is not None and cancelled():
                report.cancelled = stop = True
                break
        if partition and not stop:
            submit(partition)
        collect(0)
    finally:
        if own and started:
            client.close()
            if cluster is not None:
                cluster.close()
    report.seconds = time.perf_counter() - t0
    return report
