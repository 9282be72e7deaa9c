"""Datasets and the cluster: indexing a JSONL dataset, opening it in the app, and fact extraction
on a Dask LocalCluster with 1 and 2 workers against the process pool.

Every figure is printed beside a baseline run in the same process:

- indexing (no facts) of an N-row JSONL file (`gen_dataset.py`: the page texts of the folder
  corpus `gen_corpus.py` writes, one row each) — rows/s and the peak RSS of the indexing process
  and of all its processes — beside the same articles as a folder of files (`--folder`);
- first paint of the app on the dataset beside the same on the folder (`--app`, needs tmux);
- facts for a sample of S articles: the process pool with 2 processes, a LocalCluster with 1
  worker, then with 2; each with an empty facts cache; rates overall and in steady state (from
  the 10th article on: the models are loaded by then).

    .venv/bin/python tests/benchmarks/bench_datasets.py -n 100000 --folder --app --facts-sample 400
    .venv/bin/python tests/benchmarks/bench_datasets.py -n 1000000      # 6 GB of JSONL in /tmp
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from bench_scale import rss_mb  # noqa: E402

from tui.index import Catalogue  # noqa: E402

PY = sys.executable


def dataset(base: Path, n: int) -> Path:
    from gen_dataset import write

    path = base / f"sverka-dataset-{n}.jsonl"
    if not path.exists():
        t = time.perf_counter()
        write(path.with_suffix(".part"), n)
        path.with_suffix(".part").rename(path)
        print(f"  generated {n:,} rows in {time.perf_counter() - t:.0f} s")
    return path


def folder(base: Path, n: int) -> Path:
    """The same articles as files (shared with bench_scale.py, which writes the same folder)."""
    from gen_corpus import generate

    path = base / f"sverka-corpus-{n}"
    if not (path / ".done").exists():
        t = time.perf_counter()
        generate(path, n)
        (path / ".done").write_text("ok")
        print(f"  generated {n:,} files in {time.perf_counter() - t:.0f} s")
    return path


def index_cold(corpus: Path, cache: Path, workers: int | None) -> tuple[float, float, float, str]:
    """(seconds, peak RSS of the indexing process, peak RSS of it and its workers, summary) of
    `sverka index` on an empty cache, as a separate process."""
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    env = {**os.environ, "SVERKA_CACHE_DIR": str(cache)}
    command = [PY, "-m", "tui", "index", str(corpus), "-q"]
    if workers:
        command += ["--workers", str(workers)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    own, total = 0.0, 0.0

    def watch() -> None:
        nonlocal own, total
        while proc.poll() is None:
            try:
                for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        own = max(own, int(line.split()[1]) / 1024)
            except OSError:
                pass
            total = max(total, rss_mb(proc.pid))
            time.sleep(0.25)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _out, err = proc.communicate()
    took = time.perf_counter() - t0
    watcher.join()
    summary = err.strip().splitlines()[-1] if err.strip() else ""
    return took, own, total, summary


def bench_index(args: argparse.Namespace, n: int) -> None:
    base = Path(args.base)
    data = dataset(base, n)
    size = data.stat().st_size / 1e6
    print(f"\n== indexing {n:,} rows ({size:,.0f} MB of JSONL), no facts; load average before"
          f" {os.getloadavg()[0]:.1f}")  # fmt: skip
    runs = [("dataset", data)]
    if args.folder:
        runs.append(("folder", folder(base, n)))
    rates: dict[str, float] = {}
    for label, corpus in runs:
        cache = base / f"sverka-bench-cache-{label}-{n}"
        took, own, total, summary = index_cold(corpus, cache, args.workers)
        rates[label] = n / took
        print(f"  {label:8s} {took:7.1f} s  {n / took:7,.0f} rows/s  RSS peak: indexing process"
              f" {own:5.0f} MB, with its workers {total:5.0f} MB   [{summary}]")  # fmt: skip
    if "folder" in rates:
        print(f"  dataset / folder throughput  {rates['dataset'] / rates['folder']:.2f}x")
    if args.app:
        from bench_scale import bench_app

        for label, corpus in runs:
            cache = base / f"sverka-bench-cache-{label}-{n}"
            os.environ["SVERKA_CACHE_DIR"] = str(cache)
            with Catalogue(corpus) as cat:
                print(f"  app on the {label}:")
                bench_app(corpus, cat, cache)


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (pool and cluster processes are
    reaped by the end of a run)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _facts_run(corpus: Path, engine: str, workers: int) -> tuple[float, float, int, float]:
    """(overall rate, steady rate, articles, CPU ms per article) of one extraction with an empty
    facts cache. CPU time does not depend on what else the machine runs nearly as much as wall
    time does: on a busy machine it is the fairer comparison of the two paths' costs."""
    from tui.index.facts_cluster import extract_on_cluster
    from tui.index.facts_pool import extract_all

    cache = Path(tempfile.mkdtemp(prefix="sverka-bench-facts-"))
    os.environ["SVERKA_CACHE_DIR"] = str(cache)
    stamps: list[tuple[float, int]] = []
    try:
        with Catalogue(corpus) as cat:
            cat.refresh(workers=1)
            cpu0 = _cpu()
            t0 = time.perf_counter()
            note = lambda d, t: stamps.append((time.perf_counter(), d)) if d else None  # noqa: E731
            if engine == "pool":
                report = extract_all(cat, workers=workers, progress=note)
            else:
                report = extract_on_cluster(cat, workers=workers, progress=note)
            took = time.perf_counter() - t0
            cpu = _cpu() - cpu0
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    # Steady state: from the first progress report at or past 10% of the articles (the models are
    # loaded by then) to the last; the cluster reports per partition, the pool per article.
    steady = 0.0
    first = next(((t, d) for t, d in stamps if d >= report.done // 10), None)
    if first is not None and stamps[-1][1] > first[1] and stamps[-1][0] > first[0]:
        steady = (stamps[-1][1] - first[1]) / (stamps[-1][0] - first[0])
    return report.done / took, steady, report.done, 1000 * cpu / max(1, report.done)


def bench_facts(args: argparse.Namespace) -> None:
    base = Path(args.base)
    sample = args.facts_sample
    data = dataset(base, max(sample, 1000))
    sub = Path(tempfile.mkdtemp(prefix="sverka-facts-sample-")) / "sample.jsonl"
    with data.open("rb") as src, sub.open("wb") as out:
        for _ in range(sample):
            out.write(src.readline())
    print(f"\n== facts for {sample} articles (each run from an empty facts cache; models loaded"
          f" inside; load average before {os.getloadavg()[0]:.1f})")  # fmt: skip
    results: dict[str, tuple[float, float, int, float]] = {}
    for label, engine, workers in (
        ("process pool, 2 processes", "pool", 2),
        ("LocalCluster, 1 worker", "cluster", 1),
        ("LocalCluster, 2 workers", "cluster", 2),
    ):
        rate, steady, done, cpu = _facts_run(sub, engine, workers)
        results[label] = (rate, steady, done, cpu)
        print(f"  {label:27s} {rate:6.1f} articles/s overall, {steady:6.1f}/s steady ({done} done),"
              f" {cpu:5.1f} ms CPU per article (all processes)")  # fmt: skip
    pool = results["process pool, 2 processes"]
    one = results["LocalCluster, 1 worker"]
    two = results["LocalCluster, 2 workers"]
    print(f"  cluster 2 workers / 1 worker   {two[0] / one[0]:.2f}x overall, "
          f"{two[1] / one[1] if one[1] else float('nan'):.2f}x steady")  # fmt: skip
    print(f"  cluster time / process pool time (2 each)   {pool[0] / two[0]:.2f}x overall, "
          f"{pool[1] / two[1] if two[1] else float('nan'):.2f}x steady")  # fmt: skip
    print(f"  CPU per article, cluster (2 workers) / process pool   {two[3] / pool[3]:.2f}x")
    per_core = (two[1] or two[0]) / 2
    print(f"  per-core rate (cluster, 2 workers, steady when known)   {per_core:.1f} articles/s;"
          f" 10 million articles on N cores ≈ {1e7 / max(per_core, 1e-9) / 3600:,.0f} / N hours")  # fmt: skip
    shutil.rmtree(sub.parent, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, action="append", help="rows to index (repeatable)")
    parser.add_argument("--base", default="/tmp", help="where data and caches go (default /tmp)")
    parser.add_argument("--workers", type=int, help="indexing processes (default: cores)")
    parser.add_argument("--folder", action="store_true", help="also index the same as files")
    parser.add_argument("--app", action="store_true", help="first paint on each (needs tmux)")
    parser.add_argument("--facts-sample", type=int, default=0, metavar="S",
                        help="articles for the facts comparison (0: skip)")  # fmt: skip
    args = parser.parse_args()
    for n in args.n or []:
        bench_index(args, n)
    if args.facts_sample:
        bench_facts(args)


if __name__ == "__main__":
    main()
