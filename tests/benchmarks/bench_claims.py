"""Score `compare` on the claims test material (tests/data/claims, see its README).

    .venv/bin/python tests/benchmarks/bench_claims.py [dev|heldout ...] [-v]

For every labelled pair (two articles of one event, a measure, `agree` or `differ`) it runs
`tui.compare.compare_prepared` and checks the row of that measure:

- with the claim model (`Comparison.claims`): the row of the pair's measure has status `differ`
  (expected differ), or `agree`/`compatible` (expected agree), and holds each article's headline
  figure;
- without it (the number groups of before issue 15): some group holds both headline figures with
  the expected status (`conflict` or `differ` for differ, `agree` for agree).

Unrelated pairs (listed, plus every pair of articles from two files) must get no agree/differ row.
Prints the rates per split; `-v` lists the failures.
"""

from __future__ import annotations

import sys
import time
import tomllib
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data" / "claims"


@dataclass
class Item:
    id: str
    group: str
    outlet: str
    lang: str
    date: str | None
    text: str
    headline: dict[str, float]


def load(split: str) -> tuple[dict[str, Item], list[dict[str, Any]], list[tuple[str, str]]]:
    """Articles by id, labelled pairs, unrelated pairs of one split."""
    items: dict[str, Item] = {}
    pairs: list[dict[str, Any]] = []
    unrelated: list[tuple[str, str]] = []
    for path in sorted((DATA / split).glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        for art in data.get("article", []):
            group = f"{path.stem}/{art['id']}" if data.get("mixed") else path.stem
            items[art["id"]] = Item(
                art["id"], group, art["outlet"], art["lang"], art.get("date"),
                art["text"].strip() + "\n", {k: float(v) for k, v in art.get("headline", {}).items()},
            )  # fmt: skip
        pairs.extend(data.get("pair", []))
        unrelated.extend((u["a"], u["b"]) for u in data.get("unrelated", []))
    listed = {frozenset(p) for p in unrelated}
    for a, b in combinations(sorted(items), 2):
        if items[a].group != items[b].group and frozenset((a, b)) not in listed:
            unrelated.append((a, b))
    return items, pairs, unrelated


def write_corpus(split: str, folder: Path) -> list[str]:
    """Write a split's articles as a corpus folder (one .txt each, with a .meta.toml sidecar for
    outlet, date and language); returns the file stems."""
    items, _, _ = load(split)
    folder.mkdir(parents=True, exist_ok=True)
    for item in items.values():
        (folder / f"{item.id}.txt").write_text(item.text, "utf-8")
        (folder / f"{item.id}.meta.toml").write_text(
            f'outlet = "{item.outlet}"\nlanguage = "{item.lang}"\n'
            + (f'date = "{item.date}"\n' if item.date else ""),
            "utf-8",
        )
    return sorted(items)


def prepared(items: dict[str, Item]) -> dict[str, Any]:
    from tui.compare import Prepared
    from tui.facts import extract

    out = {}
    for item in items.values():
        facts = extract(item.text, item.lang, item.date)
        title = item.text.split("\n", 1)[0]
        extra = {"date": item.date} if "date" in Prepared.__dataclass_fields__ else {}
        out[item.id] = Prepared(
            item.id, item.text, item.lang, facts, title=title, outlet=item.outlet, **extra
        )
    return out


def _claim_row_ok(comp: Any, measure: str, expect: str, ha: float, hb: float) -> tuple[bool, str]:
    rows = [r for r in comp.claims if r.measure == measure]
    if not rows:
        return False, "no row"
    row = rows[0]
    va = [c.value for c in row.a]
    vb = [c.value for c in row.b]
    holds = ha in va and hb in vb
    if expect == "differ":
        ok = row.status == "differ" and holds
    else:
        ok = row.status in ("agree", "compatible") and holds
    return ok, f"{row.status} A={va} B={vb}"


def _group_ok(comp: Any, expect: str, ha: float, hb: float) -> tuple[bool, str]:
    wanted = ("conflict", "differ") if expect == "differ" else ("agree",)
    seen = []
    for g in comp.quantities:
        va = [float(v.value) for v in g.a]
        vb = [float(v.value) for v in g.b]
        if ha in va and hb in vb:
            seen.append(g.status)
            if g.status in wanted:
                return True, g.status
    return False, ",".join(seen) or "no group"


def unrelated_rows(comp: Any) -> int:
    if hasattr(comp, "claims"):
        return sum(1 for r in comp.claims if r.status in ("agree", "differ", "compatible"))
    return sum(
        1 for g in comp.quantities if g.a and g.b and g.status in ("agree", "differ", "conflict")
    )


def score(split: str, verbose: bool = False) -> dict[str, Any]:
    from tui.compare import compare_prepared

    items, pairs, unrelated = load(split)
    t0 = time.perf_counter()
    prep = prepared(items)
    t_extract = time.perf_counter() - t0
    hits = {"agree": [0, 0], "differ": [0, 0]}
    for p in pairs:
        a, b = items[p["a"]], items[p["b"]]
        ha, hb = a.headline[p["measure"]], b.headline[p["measure"]]
        comp = compare_prepared(prep[a.id], prep[b.id])
        if hasattr(comp, "claims"):
            ok, why = _claim_row_ok(comp, p["measure"], p["expect"], ha, hb)
        else:
            ok, why = _group_ok(comp, p["expect"], ha, hb)
        hits[p["expect"]][0] += ok
        hits[p["expect"]][1] += 1
        if verbose and not ok:
            print(f"  FAIL {p['expect']:6} {p['measure']:9} {a.id} {ha:g} | {b.id} {hb:g}: {why}")
    bad_rows = bad_pairs = 0
    for a_id, b_id in unrelated:
        comp = compare_prepared(prep[a_id], prep[b_id])
        n = unrelated_rows(comp)
        bad_rows += n
        bad_pairs += n > 0
        if verbose and n:
            print(f"  UNRELATED {a_id} | {b_id}: {n} rows")
    return {
        "split": split,
        "articles": len(items),
        "differ": hits["differ"],
        "agree": hits["agree"],
        "unrelated_pairs": len(unrelated),
        "unrelated_with_rows": bad_pairs,
        "unrelated_rows": bad_rows,
        "extract_s": t_extract,
    }


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    splits = [a for a in argv if not a.startswith("-")] or ["dev", "heldout"]
    for split in splits:
        r = score(split, verbose)
        d, a = r["differ"], r["agree"]
        print(
            f"{split}: {r['articles']} articles; differ shown as differ {d[0]}/{d[1]}"
            f" ({100 * d[0] / max(1, d[1]):.0f} %), agree as agree {a[0]}/{a[1]}"
            f" ({100 * a[0] / max(1, a[1]):.0f} %); unrelated pairs with agree/differ rows"
            f" {r['unrelated_with_rows']}/{r['unrelated_pairs']} ({r['unrelated_rows']} rows);"
            f" extraction {r['extract_s']:.1f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
