"""How fast the numbers ledger answers over a large indexed corpus (issue 15: ≤ 1 s at 100,000).

    .venv/bin/python tests/benchmarks/bench_claims_ledger.py [-n 100000] [--per-article 3]

Builds a catalogue of N articles whose facts are marked extracted, with `--per-article` claims
each (measures, values, dates, outlets, places drawn at random as a news corpus spreads them),
written straight into the catalogue's tables (extracting facts for 100,000 articles takes hours;
what is timed here is the ledger read, which is the same whatever wrote the rows). Then times,
each the best of 5:

- `Catalogue.ledger()` in process (all measures, the newest 200 of each), against the baseline of
  one `SELECT count(*) FROM claims` in the same process;
- `Catalogue.ledger(measure="deaths", limit=0)`: every claim of one measure;
- `Catalogue.ledger(rowids=…)` restricted to 5,000 articles (a search's hits);
- the whole command `sverka claims --no-refresh --json` (a new process: imports, catalogue,
  ledger, JSON), against the baseline of `python -c "import tui.cli"` run the same way.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

MEASURES = [
    ("deaths", 0.3), ("injured", 0.2), ("detained", 0.12), ("evacuated", 0.08),
    ("missing", 0.05), ("hospitalised", 0.05), ("damaged", 0.05), ("troops", 0.03),
    ("hostages", 0.02), ("weapons", 0.02), ("money", 0.03), ("other:человек|задействовать", 0.05),
]  # fmt: skip
OUTLETS = [f"outlet{i}.example" for i in range(60)]
PLACES = ["Киев", "Днепр", "Харьков", "Москва", "Алматы", "Белгород", "Одесса", "Кемерово"]


def build(folder: Path, n: int, per_article: int, seed: int = 7) -> None:
    from tui.index import Catalogue

    rng = random.Random(seed)
    names = [m for m, _ in MEASURES]
    weights = [w for _, w in MEASURES]
    with Catalogue(folder) as cat:
        conn = cat.connection()
        conn.execute("BEGIN")
        articles = []
        claims = []
        for i in range(1, n + 1):
            day = f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            aid = f"a{i:07d}"
            articles.append(
                (i, aid, f"{aid}.txt", 1000, 0, "0" * 40, f"Заголовок {i}", f"заголовок {i}",
                 rng.choice(OUTLETS), rng.choice(["ru", "uk"]), day, 300, "utf-8", "done")
            )  # fmt: skip
            for k in range(per_article):
                measure = rng.choices(names, weights)[0]
                value = float(rng.choice([rng.randint(1, 60), rng.randint(100, 5000)]))
                status = "superseded" if rng.random() < 0.15 else "current"
                claims.append(
                    (i, day, measure, value, None, rng.choice([None, None, "about", "more"]),
                     rng.choice([None, "по состоянию на 10:00"]), None,
                     rng.choice([None, "МЧС", "ДСНС", "МВД"]), rng.choice(PLACES), status,
                     f"{value:g} человек", 100 + 40 * k, 112 + 40 * k, 80 + 40 * k, 160 + 40 * k)
                )  # fmt: skip
        conn.executemany(
            "INSERT INTO articles(rowid, id, path, size, mtime_ns, sha1, title, title_key, outlet,"
            " language, date, words, encoding, facts) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            articles,
        )
        conn.executemany(f"INSERT INTO claims VALUES ({','.join('?' * 16)})", claims)
        conn.execute("COMMIT")
        conn.execute("ANALYZE")


def best(fn, rounds: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=100_000)
    parser.add_argument("--per-article", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SVERKA_CACHE_DIR"] = str(Path(tmp) / "cache")
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        t0 = time.perf_counter()
        build(folder, args.n, args.per_article)
        print(
            f"built {args.n:,} articles × {args.per_article} claims in {time.perf_counter() - t0:.1f} s"
        )
        from tui.index import Catalogue

        with Catalogue(folder) as cat:
            conn = cat.connection()
            base = best(lambda: conn.execute("SELECT count(*) FROM claims").fetchone())
            t_all = best(lambda: cat.ledger())
            t_one = best(lambda: cat.ledger(measure="deaths", limit=0))
            sample = random.Random(3).sample(range(1, args.n + 1), min(5000, args.n))
            t_some = best(lambda: cat.ledger(rowids=sample))
        print(f"ledger, all measures (newest 200 each): {t_all * 1000:.0f} ms"
              f" (count(*) baseline {base * 1000:.1f} ms, ×{t_all / base:.1f})")  # fmt: skip
        print(f"ledger, every «deaths» claim: {t_one * 1000:.0f} ms")
        print(f"ledger, 5,000 articles (a search's hits): {t_some * 1000:.0f} ms")
        env = dict(os.environ)
        cmd = [sys.executable, "-m", "tui", "claims", "--corpus", str(folder), "--no-refresh"]
        t_cli = best(
            lambda: subprocess.run([*cmd, "--json"], env=env, capture_output=True, check=True), 3
        )
        t_bare = best(
            lambda: subprocess.run([sys.executable, "-c", "import tui.cli"], env=env, check=True),
            3,
        )
        print(f"`sverka claims --no-refresh --json`: {t_cli * 1000:.0f} ms"
              f" (bare `import tui.cli` {t_bare * 1000:.0f} ms, ×{t_cli / t_bare:.1f})")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
