"""Fact extraction on a real Dask LocalCluster (two worker processes): the same facts as the
process pool, streamed into the catalogue and cache; a killed run and its rerun extract each
article exactly once; exports of facts and claims read back with pyarrow."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from dataset_material import ROWS, seed_rows, write_jsonl, write_parquet

from tui.index import Catalogue

distributed = pytest.importorskip("distributed")

PATIENCE = 600.0
"""Seconds a wait may take on a loaded machine before the test gives up."""


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A LocalCluster of two single-threaded worker processes, shared by this module's tests."""
    from distributed import Client, LocalCluster

    worker_cache = tmp_path_factory.mktemp("worker-cache")
    old = os.environ.get("SVERKA_CACHE_DIR")
    os.environ["SVERKA_CACHE_DIR"] = str(worker_cache)  # what the worker processes inherit
    try:
        local = LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=40,
            death_timeout=PATIENCE,
        )
    finally:
        if old is None:
            os.environ.pop("SVERKA_CACHE_DIR", None)
        else:
            os.environ["SVERKA_CACHE_DIR"] = old
    client = Client(local, timeout=PATIENCE)
    client.wait_for_workers(2, timeout=PATIENCE)
    yield client
    client.close()
    local.close()


def facts_by_id(cat: Catalogue) -> dict[str, dict]:
    from tui.facts.cache import cached_facts
    from tui.index.store import unpack_text
    from tui.lang import resolve

    out = {}
    for aid, lang, date, z in cat.connection().execute(
        "SELECT a.id, a.language, a.date, d.z FROM articles a JOIN doc d ON d.rowid = a.rowid"
    ):
        text = unpack_text(z)
        facts = cached_facts(text, resolve(lang, text), date, None)
        assert facts is not None
        out[aid] = facts.to_dict()
    return out


def test_the_cluster_extracts_what_the_process_pool_extracts(
    tmp_path: Path, cluster: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.index.facts_cluster import extract_on_cluster
    from tui.index.facts_pool import extract_all

    path = write_parquet(tmp_path / "d.parquet", ROWS + seed_rows(5))
    results = {}
    for engine in ("cluster", "pool"):
        monkeypatch.setenv("SVERKA_CACHE_DIR", str(tmp_path / f"cache-{engine}"))
        with Catalogue(path) as cat:
            cat.refresh(workers=1)
            seen: list[tuple[int, int]] = []
            if engine == "cluster":
                report = extract_on_cluster(
                    cat, client=cluster, progress=lambda d, t, s=seen: s.append((d, t))
                )
            else:
                report = extract_all(cat, workers=1)
            assert report.done == 8 and report.failed == 0
            assert cat.facts_status() == {"done": 8}
            results[engine] = (facts_by_id(cat), cat.entity_counts())
            if engine == "cluster":
                assert seen[-1] == (8, 8)
    assert results["cluster"] == results["pool"]
    keys = dict(results["cluster"][1])
    assert keys["казахстан"] >= 3  # «Казахстана», «Казахстану», «Казахстане» are one key


def test_a_second_run_sends_nothing(tmp_path: Path, cluster: object) -> None:
    from tui.index.facts_cluster import extract_on_cluster

    path = write_jsonl(tmp_path / "d.jsonl")
    with Catalogue(path) as cat:
        cat.refresh(workers=1)
        assert extract_on_cluster(cat, client=cluster).done == 3
        with cat.connection() as conn:
            conn.execute("UPDATE articles SET facts = 'none'")  # as if the records were lost
        log = tmp_path / "extracted.log"
        os.environ["SVERKA_FACTS_LOG"] = str(log)
        try:
            again = extract_on_cluster(cat, client=cluster)
        finally:
            os.environ.pop("SVERKA_FACTS_LOG")
        assert again.done == 3 and cat.facts_status() == {"done": 3}
        assert not log.exists()  # every article was found in the cache by its content hash


def _done(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(
                conn.execute("SELECT count(*) FROM articles WHERE facts = 'done'").fetchone()[0]
            )
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_a_killed_run_and_its_rerun_extract_each_article_exactly_once(
    tmp_path: Path, cluster: object
) -> None:
    rows = seed_rows(48)
    path = write_jsonl(tmp_path / "many.jsonl", rows)
    log = tmp_path / "extracted.log"
    env = {**os.environ, "SVERKA_FACTS_LOG": str(log)}
    address = cluster.scheduler.address  # type: ignore[attr-defined]
    command = [sys.executable, "-m", "tui", "index", "--facts", "--cluster", address, str(path),
               "-q"]  # fmt: skip
    assert (
        subprocess.run(command[:4] + [str(path), "-q"], env=env, timeout=PATIENCE).returncode == 0
    )
    with Catalogue(path) as cat:
        db = cat.db_path
    first = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + PATIENCE
    while _done(db) < 8 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert first.poll() is None, "the first run ended before it could be killed"
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=PATIENCE)
    killed_at = _done(db)
    assert 8 <= killed_at < len(rows)
    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=PATIENCE)
    assert second.returncode == 0, second.stderr
    assert _done(db) == len(rows)
    # each article computed once over both runs (the log names each extraction's content key)
    extracted = log.read_text().split()
    assert len(extracted) == len(set(extracted)) == len(rows)


def test_exports_of_facts_and_claims_read_back(
    tmp_path: Path, cluster: object, capsys: pytest.CaptureFixture[str]
) -> None:
    import pyarrow.parquet as pq

    from tui.cli import main
    from tui.index.facts_cluster import extract_on_cluster

    path = write_jsonl(tmp_path / "d.jsonl")
    with Catalogue(path) as cat:
        cat.refresh(workers=1)
        extract_on_cluster(cat, client=cluster)
        expected = facts_by_id(cat)
    out = tmp_path / "facts.parquet"
    assert main(["export", "facts", str(path), "--out", str(out)]) == 0
    table = pq.read_table(out)
    total = sum(len(v) for f in expected.values() for k, v in f.items() if k != "claims")
    assert table.num_rows == total
    rows = table.to_pylist()
    kinds = {r["kind"] for r in rows}
    assert {"entity", "quantity"} <= kinds <= {"entity", "date", "quantity", "quote", "source"}
    detained = [r for r in rows if r["kind"] == "quantity" and r["value"] == 7939]
    assert detained and detained[0]["article_id"] == "kz-0107-01"
    assert detained[0]["outlet"] == "zerkalo.io" and detained[0]["article_date"] == "2022-01-10"
    capsys.readouterr()
    assert main(["export", "facts", str(path), "--format", "jsonl", "--out", "-"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines == rows  # the same rows, in the same order, in either format
    claims_out = tmp_path / "claims.parquet"
    assert main(["export", "claims", str(path), "--out", str(claims_out)]) == 0
    claims = pq.read_table(claims_out)
    assert "measure" in claims.schema.names and "sentence" in claims.schema.names
    assert claims.num_rows == sum(len(f.get("claims", [])) for f in expected.values())


def test_export_counts_articles_without_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.cli import main

    path = write_jsonl(tmp_path / "d.jsonl")
    assert main(["index", str(path), "-q"]) == 0
    assert main(["export", "facts", str(path), "--out", str(tmp_path / "f.jsonl"),
                 "--format", "jsonl"]) == 0  # fmt: skip
    assert "3 article(s) without facts" in capsys.readouterr().err
    assert (tmp_path / "f.jsonl").read_text() == ""
