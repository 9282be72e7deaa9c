"""Outlet, date, title and boilerplate on pages in the style of many news sites (tests/data/sites).

Scores what `read_article` gives for each page: outlet right / wrong / unknown, date right,
title right, boilerplate lines removed, body lines kept (every one must be).

Run: .venv/bin/python tests/benchmarks/bench_pages.py [--held-out | --dev] [-v]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sites_gold import GoldPage, gold_pages  # noqa: E402

from tui.clean import clean_text  # noqa: E402
from tui.corpus.reader import read_article  # noqa: E402


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def score(pages: list[GoldPage], verbose: bool = False) -> dict[str, float]:
    """Counts over `pages` (printed per page when `verbose`)."""
    out = dict.fromkeys(
        ["pages", "outlet_right", "outlet_wrong", "outlet_unknown", "date_right", "title_right",
         "boiler", "boiler_removed", "body", "body_kept"], 0,
    )  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            path = Path(tmp) / f"{page.name}.txt"
            path.write_text(page.raw, encoding="utf-8")
            article = read_article(path)
            doc = clean_text(page.raw)
            blocks = [_norm(b) for b in doc.paragraphs]
            flat = " ".join(blocks)
            out["pages"] += 1
            outlet = article.outlet  # type: ignore[union-attr]
            if outlet == page.outlet:
                out["outlet_right"] += 1
            elif outlet == "unknown":
                out["outlet_unknown"] += 1
            else:
                out["outlet_wrong"] += 1
            out["date_right"] += article.date == page.date  # type: ignore[union-attr]
            out["title_right"] += _norm(doc.title) == _norm(page.title)
            left = [b for b in page.boilerplate if _kept(_norm(b), blocks, flat)]
            lost = [b for b in page.body if _norm(b) not in flat]
            out["boiler"] += len(page.boilerplate)
            out["boiler_removed"] += len(page.boilerplate) - len(left)
            out["body"] += len(page.body)
            out["body_kept"] += len(page.body) - len(lost)
            if verbose:
                marks = []
                if outlet != page.outlet:
                    marks.append(f"outlet {outlet!r} (gold {page.outlet!r})")
                if article.date != page.date:  # type: ignore[union-attr]
                    marks.append(f"date {article.date!r} (gold {page.date!r})")  # type: ignore[union-attr]
                if _norm(doc.title) != _norm(page.title):
                    marks.append(f"title {doc.title!r}")
                marks += [f"left {b!r}" for b in left] + [f"LOST {b[:60]!r}" for b in lost]
                print(f"{page.name}: " + ("ok" if not marks else "\n    ".join(["", *marks])))
    return out


def _kept(line: str, blocks: list[str], flat: str) -> bool:
    """A boilerplate line is still there: a block is that line, or (a line long enough not to
    occur by chance) it is inside a block."""
    return line in blocks or (len(line) >= 25 and line in flat)


def report(name: str, s: dict[str, float]) -> None:
    n = s["pages"]
    print(
        f"{name}: {n} pages | outlet right {s['outlet_right']}/{n}, wrong {s['outlet_wrong']}, "
        f"unknown {s['outlet_unknown']} | date {s['date_right']}/{n} | title {s['title_right']}/{n}"
        f" | boilerplate removed {s['boiler_removed']}/{s['boiler']}"
        f" ({s['boiler_removed'] / max(s['boiler'], 1):.0%}) | body kept {s['body_kept']}/{s['body']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--held-out", action="store_true")
    group.add_argument("--dev", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if not args.dev:
        report("held-out", score(gold_pages(held_out=True), args.verbose))
    if not args.held_out:
        report("dev", score(gold_pages(held_out=False), args.verbose))


if __name__ == "__main__":
    main()
