"""Scale benchmark (issue 8): Sverka on 10k / 100k / 1M synthetic articles, beside baselines.

For each N it generates a corpus under /tmp (tests/benchmarks/gen_corpus.py; kept between runs),
then prints:

- cold indexing (fresh catalogue, OS page cache dropped when allowed) in articles/s, and a warm
  re-scan (nothing changed);
- warm start to first paint of the real app (`sverka CORPUS`) in tmux — time until
  `tmux capture-pane` shows list rows — beside a bare Textual app's start measured the same way;
  RSS of both;
- cursor moves (a page of rows at a random position: what the virtual list fetches), re-sorts,
  and article opens (read + clean, what the reading view needs), p50/p95;
- search p50/p95 over common, rare, two-word and prefix queries, beside `grep -rilF` over the
  same files;
- the two full-text engines on the same terms: SQLite FTS5 (contentless) and tantivy — build time,
  size, query p50/p95 (skipped if tantivy is not installed: `pip install tantivy`).

    python tests/benchmarks/bench_scale.py -n 10000 -n 100000 [--skip-engines] [--skip-app]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_corpus import generate  # noqa: E402

from tui.index import Catalogue  # noqa: E402
from tui.index.store import remove_db  # noqa: E402

PY = sys.executable
BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static
class Bare(App):
    def compose(self):
        yield Header()
        yield Static("bare app ready")
        yield Footer()
Bare().run()
"""


FIRST_PAINT_ROUNDS = 7
"""Starts of each app per run (a single start on a shared 2-core machine swings by ±30%)."""


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def fmt(values: list[float]) -> str:
    return f"p50 {pct(values, 50):7.2f} ms  p95 {pct(values, 95):7.2f} ms"


def drop_page_cache() -> bool:
    try:
        subprocess.run(["sync"], check=False)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def cold_read(corpus: Path) -> float:
    """Seconds to read every article file once with the page cache dropped (walk included): what
    the issue's "reading the files cold costs about 10 s per 100k" refers to."""
    drop_page_cache()
    t = time.perf_counter()
    for folder, _dirs, files in os.walk(corpus):
        for name in files:
            if name.endswith((".txt", ".md")):
                with open(os.path.join(folder, name), "rb") as f:
                    f.read()
    return time.perf_counter() - t


def rss_mb(pid: int) -> float:
    """RSS of a process and its descendants, in MB."""
    total = 0
    pids = [pid]
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    while pids:
        p = pids.pop()
        pids.extend(children.get(p, []))
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def tmux_start(
    command: str, markers: list[str], env: dict[str, str], timeout: float = 60
) -> tuple[float, float]:
    """Seconds until the pane shows any marker, and the RSS (MB) at that moment."""
    session = f"bench{os.getpid()}"
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    t0 = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "45", command],
        env=env,
        check=True,
    )
    elapsed, rss = float("nan"), float("nan")
    try:
        while time.perf_counter() - t0 < timeout:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", session],
                capture_output=True,
                text=True,
                env=env,
            ).stdout
            if any(m in screen for m in markers):
                elapsed = time.perf_counter() - t0
                pid = subprocess.run(
                    ["tmux", "list-panes", "-t", session, "-F", "#{pane_pid}"],
                    capture_output=True,
                    text=True,
                    env=env,
                ).stdout.split()
                time.sleep(0.3)
                rss = rss_mb(int(pid[0])) if pid else float("nan")
                break
            time.sleep(0.01)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, env=env)
    return elapsed, rss


def bench_app(corpus: Path, cat: Catalogue, cache: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("LINES", "COLUMNS", "TMUX")}
    env.update(TERM="xterm-256color", SVERKA_CACHE_DIR=str(cache))
    env["SVERKA_CONFIG_DIR"] = str(cache / "config")
    env["SVERKA_DATA_DIR"] = str(cache / "data")
    markers = []
    for sort in ("date", "title", "id"):
        for desc in (False, True):
            markers.extend(r.title[:14] for r in cat.view(sort, desc).rows(0, 2))
    # Both apps start from byte-compiled modules, as after any first start (Textual's were compiled
    # by pip). Without this, PYTHONDONTWRITEBYTECODE in the environment makes every start of Sverka
    # compile its own modules again (~25 ms), which no user's second start pays.
    import compileall

    compileall.compile_dir(str(Path(__file__).resolve().parents[2] / "tui"), quiet=1)
    bare = Path(tempfile.mkdtemp()) / "bare.py"
    bare.write_text(BARE_APP)
    app_cmd = f"{PY} -m tui {corpus}"
    bare_cmd = f"{PY} {bare}"
    tmux_start(app_cmd, markers, env)  # warm OS caches and bytecode
    tmux_start(bare_cmd, ["bare app ready"], env)
    apps, bares, app_rss, bare_rss = [], [], [], []
    for _ in range(FIRST_PAINT_ROUNDS):  # alternating, so load changes hit both alike
        t, r = tmux_start(bare_cmd, ["bare app ready"], env)
        bares.append(t)
        bare_rss.append(r)
        t, r = tmux_start(app_cmd, markers, env)
        apps.append(t)
        app_rss.append(r)
    a, b = statistics.median(apps), statistics.median(bares)
    print(
        f"  first paint (tmux)   sverka {a * 1000:6.0f} ms   bare Textual app {b * 1000:6.0f} ms   ratio {a / b:.2f}x"
        f"  (medians of {FIRST_PAINT_ROUNDS}; best {min(apps) * 1000:.0f} vs {min(bares) * 1000:.0f} ms,"
        f" {min(apps) / min(bares):.2f}x)"
    )
    print(
        f"  RSS at first paint   sverka {max(app_rss):6.0f} MB   bare Textual app {max(bare_rss):6.0f} MB"
    )
    took, peak, after = tmux_scan_rss(app_cmd, markers, env)
    print(
        f"  app's own warm re-scan   {took:6.1f} s  RSS peak {peak:6.0f} MB, after {after:6.0f} MB"
        "  (the check for changed files the app runs after its first paint)"
    )


def tmux_scan_rss(
    command: str, markers: list[str], env: dict[str, str], timeout: float = 300
) -> tuple[float, float, float]:
    """Start the app, wait for its first paint, then for the end of its warm re-scan (the status
    line stops saying «checking files» / «indexing»); seconds the scan took, RSS peak (sampled
    every 0.25 s) and RSS after it (MB)."""
    session = f"benchscan{os.getpid()}"
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "45", command],
        env=env,
        check=True,
    )
    t0 = time.perf_counter()
    painted = None
    seen_scan = False
    peak = after = float("nan")
    try:
        pid = None
        while time.perf_counter() - t0 < timeout:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            if pid is None:
                out = subprocess.run(
                    ["tmux", "list-panes", "-t", session, "-F", "#{pane_pid}"],
                    capture_output=True,
                    text=True,
                ).stdout.split()
                pid = int(out[0]) if out else None
            if pid is not None:
                rss = rss_mb(pid)
                peak = rss if peak != peak else max(peak, rss)
            if painted is None and any(m in screen for m in markers):
                painted = time.perf_counter()
            scanning = "checking files" in screen or "indexing" in screen
            seen_scan = seen_scan or scanning
            waited = time.perf_counter() - painted if painted is not None else 0.0
            if painted is not None and not scanning and (seen_scan or waited > 3.0):
                after = rss_mb(pid) if pid is not None else float("nan")
                return time.perf_counter() - painted, peak, after
            time.sleep(0.25)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    return float("nan"), peak, after


def bench_list(cat: Catalogue) -> None:
    rng = random.Random(7)
    n = cat.count()
    for sort in ("date", "title", "outlet", "words"):
        t = time.perf_counter()
        view = cat.view(sort, descending=sort == "date")
        t_view = (time.perf_counter() - t) * 1000
        print(f"  view sort={sort:7s} {t_view:7.1f} ms ({len(view)} rows)")
    outlet = cat.outlets()[0][0]
    t = time.perf_counter()
    fview = cat.view("date", outlet=outlet, text_filter="казах")
    print(
        f"  view outlet+text filter {(time.perf_counter() - t) * 1000:7.1f} ms ({len(fview)} rows)"
    )
    view = cat.view("date", descending=True)
    moves = []
    for _ in range(300):
        pos = rng.randrange(max(1, n - 50))
        t = time.perf_counter()
        view.rows(pos, 50)
        moves.append((time.perf_counter() - t) * 1000)
    print(f"  cursor move (page of 50 rows at a random position)  {fmt(moves)}")
    from tui.clean import clean_article
    from tui.corpus import read_article

    opens = []
    for _ in range(60):
        row = view.rows(rng.randrange(n), 1)[0]
        t = time.perf_counter()
        article = read_article(row.path, cat.root)
        clean_article(article)
        opens.append((time.perf_counter() - t) * 1000)
    print(f"  article open (read + clean)                         {fmt(opens)}")


def queries_for(cat: Catalogue, rng: random.Random) -> dict[str, list[str]]:
    """Query sets drawn from the corpus itself."""
    from tui.index.scan import article_text
    from tui.index.text import WORD

    words: list[str] = []
    n = cat.count()
    conn = cat.connection()
    for _ in range(40):
        row = conn.execute(
            "SELECT path FROM articles WHERE rowid = ?", (rng.randrange(1, n + 1),)
        ).fetchone()
        text = article_text(cat.root, row[0]) if row else None
        if text:
            words.extend(w for w in WORD.findall(text) if len(w) >= 7 and not w[0].isupper())
    rng.shuffle(words)
    rare = [w for w in words if cat.search(w + " ", limit=1).total < max(5, n // 2000)][:15]
    common = ["Казахстан ", "президент ", "Токаев ", "Алматы ", "Україна ", "протесты "]
    two = [f"{a} {b} " for a, b in zip(words[:10], words[10:20], strict=False)] + ["Токаев ОДКБ "]
    prefix = [w[:5] for w in words[20:35]] + ["Тока", "казах", "протес"]
    return {"common": common, "rare": rare, "two words": two, "prefix (typing)": prefix}


def bench_search(cat: Catalogue, corpus: Path) -> list[str]:
    rng = random.Random(11)
    sets = queries_for(cat, rng)
    every: list[float] = []
    print("  search as the app runs it (best 500 hits, no snippets):")
    for name, qs in sets.items():
        times, totals = [], []
        for q in qs:
            cat.search(q, limit=500, snippets=False)  # warm
            for _ in range(3):
                r = cat.search(q, limit=500, snippets=False)
                times.append(r.took_ms)
            totals.append(r.total)
        every.extend(times)
        print(f"  search {name:16s} {fmt(times)}  (hits: {min(totals)}..{max(totals)})")
    print(f"  search all queries      {fmt(every)}")
    cli = []
    for q in [q for qs in sets.values() for q in qs]:
        for _ in range(2):
            cli.append(cat.search(q, limit=50).took_ms)  # as `sverka search`: snippets of 50
    print(f"  search as `sverka search` runs it (50 hits with snippets)  {fmt(cli)}")
    greps = []
    for q in ["Токаев", sets["rare"][0].strip() if sets["rare"] else "Алматы"]:
        t = time.perf_counter()
        subprocess.run(["grep", "-rilF", q, str(corpus)], capture_output=True)
        greps.append((time.perf_counter() - t) * 1000)
    print(
        f"  grep -rilF baseline     {' / '.join(f'{g:.0f} ms' for g in greps)} (same files, page cache warm)"
    )
    return [q for qs in sets.values() for q in qs]


def bench_engines(cat: Catalogue, queries: list[str], limit_docs: int | None) -> None:
    """FTS5 (contentless) vs tantivy on the same term strings."""
    try:
        import tantivy
    except ImportError:
        print("  engines: tantivy not installed (pip install tantivy) — skipped")
        return
    import sqlite3

    from tui.index.scan import article_text
    from tui.index.search import parse
    from tui.index.text import terms

    tmp = Path(tempfile.mkdtemp(prefix="sverka-engines-"))
    fts = sqlite3.connect(tmp / "fts.sqlite", isolation_level=None)
    fts.execute("PRAGMA journal_mode=WAL")
    fts.execute("PRAGMA synchronous=NORMAL")
    fts.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, body, content='', prefix='2 3',"
        " tokenize='unicode61 remove_diacritics 0')"
    )
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("rowid", stored=True, indexed=True)
    sb.add_text_field("title", tokenizer_name="whitespace", index_option="freq")
    sb.add_text_field("body", tokenizer_name="whitespace", index_option="freq")
    schema = sb.build()
    (tmp / "tantivy").mkdir()
    index = tantivy.Index(schema, path=str(tmp / "tantivy"))
    writer = index.writer(heap_size=200_000_000, num_threads=2)
    t_fts = t_tan = 0.0
    fts.execute("BEGIN")
    n = 0
    # The texts the scan indexed: the catalogue keeps none, so they are read from the files again.
    for rowid, title, rel in cat.connection().execute(
        "SELECT rowid, title, path FROM articles ORDER BY rowid"
    ):
        text = article_text(cat.root, rel)
        if text is None:
            continue
        tt, bt = terms(title), terms(text)
        t = time.perf_counter()
        fts.execute("INSERT INTO fts(rowid, title, body) VALUES (?,?,?)", (rowid, tt, bt))
        t_fts += time.perf_counter() - t
        t = time.perf_counter()
        writer.add_document(tantivy.Document(rowid=rowid, title=tt, body=bt))
        t_tan += time.perf_counter() - t
        n += 1
        if limit_docs and n >= limit_docs:
            break
    t = time.perf_counter()
    fts.execute("COMMIT")
    t_fts += time.perf_counter() - t
    t = time.perf_counter()
    writer.commit()
    writer.wait_merging_threads()
    t_tan += time.perf_counter() - t
    index.reload()
    searcher = index.searcher()
    size = lambda p: sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) / 1e6  # noqa: E731
    fts_size = size(tmp) - size(tmp / "tantivy")
    print(
        f"  engines build ({n} docs)  FTS5 {t_fts:6.1f} s {fts_size:6.0f} MB   tantivy {t_tan:6.1f} s {size(tmp / 'tantivy'):6.0f} MB"
    )

    from tui.index.engine import SearchIndex

    engine = SearchIndex.__new__(SearchIndex)  # only for its query builder, on this schema
    engine.schema = schema

    def fts_match(clauses: list) -> str:
        parts = []
        for exact, prefix in clauses:
            alts = [f'"{t}"' for t in exact] + ([f'"{prefix}"*'] if prefix else [])
            parts.append("(" + " OR ".join(alts) + ")")
        return " AND ".join(parts)

    f_times, t_times, mism = [], [], 0
    for q in queries:
        clauses, _ = parse(q)
        if not clauses:
            continue
        match = fts_match(clauses)
        tq = engine.query(clauses)
        for _ in range(3):
            t = time.perf_counter()
            fts.execute(
                "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 5.0, 1.0) LIMIT 50",
                (match,),
            ).fetchall()
            ftotal = fts.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (match,)).fetchone()[
                0
            ]
            f_times.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            res = searcher.search(tq, limit=50, count=True)
            t_times.append((time.perf_counter() - t) * 1000)
        mism += res.count != ftotal
    print(f"  engine query top-50 + count   FTS5 {fmt(f_times)}")
    print(
        f"                                tantivy {fmt(t_times)}  ({mism} queries with different totals)"
    )
    fts.close()
    shutil.rmtree(tmp, ignore_errors=True)


def bench_facts(corpus: Path, sample: int) -> None:
    """Facts extraction for `sample` articles with one process, then two (fresh caches each)."""
    from tui.index.facts_pool import extract_all

    files = sorted(corpus.rglob("*.txt"))[:sample]
    sub = Path(tempfile.mkdtemp(prefix="sverka-facts-"))
    for i, f in enumerate(files):
        (sub / f"{i:05d}.txt").write_bytes(f.read_bytes())
    rates, steady = {}, {}
    for workers in (1, 2):
        cache = Path(tempfile.mkdtemp(prefix="sverka-facts-cache-"))
        os.environ["SVERKA_CACHE_DIR"] = str(cache)
        stamps: list[float] = []
        with Catalogue(sub) as cat:
            cat.refresh(workers=1)
            report = extract_all(
                cat,
                workers=workers,
                progress=lambda d, t, s=stamps: s.append(time.perf_counter()) if d else None,
            )
        rates[workers] = report.done / report.seconds
        # Steady state: from the 10th finished article to the last (models loaded by then).
        steady[workers] = (
            (len(stamps) - 10) / (stamps[-1] - stamps[9]) if len(stamps) > 20 else rates[workers]
        )
        print(f"  facts, {workers} process(es)   {report.seconds:6.1f} s  {rates[workers]:5.1f} articles/s"
              f" (steady {steady[workers]:5.1f}/s; {report.entities} entity keys; models loaded inside)")  # fmt: skip
        shutil.rmtree(cache, ignore_errors=True)
    print(f"  facts speed-up with two processes  {rates[2] / rates[1]:.2f}x overall,"
          f" {steady[2] / steady[1]:.2f}x steady")  # fmt: skip
    shutil.rmtree(sub, ignore_errors=True)


def run(n: int, args: argparse.Namespace) -> None:
    corpus = Path(args.base) / f"sverka-corpus-{n}"
    if not (corpus / ".done").exists():
        t = time.perf_counter()
        generate(corpus, n)
        (corpus / ".done").write_text("ok")
        print(f"  generated {n} articles in {time.perf_counter() - t:.0f} s")
    size = sum(f.stat().st_size for f in corpus.rglob("*.txt")) / 1e6
    print(f"\n== N = {n:,} articles ({size:,.0f} MB) in {corpus}")
    cache = Path(args.base) / f"sverka-cache-{n}"
    cache.mkdir(exist_ok=True)
    os.environ["SVERKA_CACHE_DIR"] = str(cache)
    cat = Catalogue(corpus)
    if not args.skip_cold:
        cat.close()
        remove_db(cat.db_path)
        dropped = drop_page_cache()
        cat = Catalogue(corpus)
        t = time.perf_counter()
        report = cat.refresh(workers=args.workers)
        dt = time.perf_counter() - t
        db = sum(
            Path(str(cat.db_path) + s).stat().st_size
            for s in ("", "-wal")
            if Path(str(cat.db_path) + s).exists()
        )
        load = os.getloadavg()[0]
        print(f"  cold index            {dt:7.1f} s  {report.total / dt:7.0f} articles/s"
              f"  (page cache {'dropped' if dropped else 'NOT dropped'}; catalogue {db / 1e6:.0f} MB;"
              f" load average after {load:.1f})")  # fmt: skip
        if dropped:
            took = cold_read(corpus)
            print(f"  baseline: read every file cold, one process  {took:7.1f} s"
                  f"  {report.total / took:7.0f} files/s  (indexing took {dt / took:.2f}x as long)")  # fmt: skip
    t = time.perf_counter()
    report = cat.refresh()
    print(
        f"  warm re-scan          {(time.perf_counter() - t) * 1000:7.0f} ms  ({report.unchanged} unchanged)"
    )
    if not args.skip_app:
        bench_app(corpus, cat, cache)
    bench_list(cat)
    queries = bench_search(cat, corpus)
    print(
        f"  bench process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:7.0f} MB"
    )
    if not args.skip_engines:
        bench_engines(cat, queries, args.engine_docs)
    cat.close()
    if args.facts_sample:
        bench_facts(corpus, args.facts_sample)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "-n", type=int, action="append", help="corpus size (repeatable); default 10000"
    )
    parser.add_argument("--base", default="/tmp", help="where corpora and caches go (default /tmp)")
    parser.add_argument(
        "--workers", type=int, default=None, help="indexing processes (default: cores)"
    )
    parser.add_argument("--skip-cold", action="store_true", help="reuse the existing catalogue")
    parser.add_argument("--skip-app", action="store_true", help="no tmux start-up measurement")
    parser.add_argument("--skip-engines", action="store_true", help="no FTS5 vs tantivy comparison")
    parser.add_argument(
        "--facts-sample",
        type=int,
        default=0,
        help="also time facts for N articles, 1 vs 2 processes",
    )
    parser.add_argument(
        "--engine-docs", type=int, default=None, help="documents for the engine comparison"
    )
    args = parser.parse_args()
    print(f"Sverka scale benchmark — {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    for n in args.n or [10000]:
        run(n, args)


if __name__ == "__main__":
    main()
