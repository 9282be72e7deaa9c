"""Cleaner speed: per-article time of `clean_text` on the seeds and the hand-written pages.

Run: .venv/bin/python tests/benchmarks/bench_clean.py [FOLDER ...]
Reports, per file, the best of several rounds (CPU time, so other processes on the machine
disturb the figure less) and the total for multi-line vs one-line pages.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tui.clean import clean_text  # noqa: E402
from tui.clean.cleaner import LONG_LINE, SHORT_PAGE_LINE  # noqa: E402


def best_time(raw: str, rounds: int = 7, number: int = 40) -> float:
    """Best CPU seconds per call over `rounds` rounds of `number` calls."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(number):
            clean_text(raw, reuse=False)  # each call cleans (no document kept from the last)
        best = min(best, (time.process_time() - start) / number)
    return best


def main(folders: list[Path]) -> None:
    files = [f for folder in folders for f in sorted(folder.glob("*.txt"))]
    clean_text(files[0].read_text(encoding="utf-8"))  # load rules once
    totals: dict[str, list[float]] = {"multi-line": [], "one-line": []}
    for path in files:
        raw = path.read_text(encoding="utf-8")
        longest = max((len(line.strip()) for line in raw.splitlines()), default=0)
        one_line = longest >= LONG_LINE or (
            longest >= SHORT_PAGE_LINE and longest >= 0.8 * len(raw.strip())
        )
        seconds = best_time(raw)
        totals["one-line" if one_line else "multi-line"].append(seconds)
        kind = "one-line" if one_line else "multi"
        print(f"{path.name:36s} {len(raw.encode()):6d} B  {kind:8s} {seconds * 1000:7.3f} ms")
    for kind, values in totals.items():
        if values:
            print(
                f"{kind}: mean {sum(values) / len(values) * 1000:.3f} ms over {len(values)} pages"
            )


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]] or [ROOT / "seeds", ROOT / "tests" / "data" / "pages"]
    main(args)
