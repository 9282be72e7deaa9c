"""`sverka matrix` for a large corpus: read from the catalogue's entity table, not the articles.

Loading 100,000 articles and extracting their facts would take minutes of reading, a gigabyte of
memory and hours of extraction; `sverka index --facts` has already stored every article's entity
keys, so the matrix is one SQL aggregate over them (`tui.index.entity_view`). Only entities are
there (no quantities), and only for the articles whose facts were extracted — stderr says how many.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import textwrap
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.cli.common import fail, print_json, refresh_catalogue
from tui.corpus.sanitize import sanitize_line
from tui.index import Catalogue, CatalogueError
from tui.index.entity_view import RANK_POOL, fact_rows, rank_by_shared_entities

SHOWN_IDS = 40
"""Article ids fetched per fact for the table (the column is cut at the terminal's width)."""


def run_from_catalogue(args: argparse.Namespace, folder: Path) -> int:
    """Refresh the catalogue of `folder`, then print its matrix (or `--rank` ranking) from it."""
    with Catalogue(folder) as catalogue:
        exit_status = refresh_catalogue(catalogue, folder)
        if exit_status is not None:
            return exit_status
        status = catalogue.facts_status()
        done, total = status.get("done", 0), sum(status.values())
        hint = f"sverka index --facts {shlex.quote(str(folder))}"
        if done == 0:
            return fail(
                f"no facts extracted yet for the {total:,} articles in {folder}: the matrix of a "
                f"corpus this large is read from them; run `{hint}` first"
            )
        if done < total:
            failed = status.get("error", 0)
            note = f" ({failed:,} failed)" if failed else ""
            print(
                f"sverka: facts extracted for {done:,} of {total:,} articles{note}"
                f" — run `{sanitize_line(hint)}` for the rest",
                file=sys.stderr,
            )
        limit = args.rows if args.rows > 0 else None
        if args.rank:
            return _rank(catalogue, args.rank, limit, args.json)
        if args.json:
            _write_json(catalogue, total, done, limit)
        else:
            _print_table(catalogue, done, limit)
    return 0


def _print_table(catalogue: Catalogue, done: int, limit: int | None) -> None:
    """The compact layout of the small-corpus matrix (one line per fact: count, who)."""
    console = Console(highlight=False)
    rows = list(fact_rows(catalogue, limit, ids=SHOWN_IDS))
    labels = [f"{row.type or '?'} {sanitize_line(row.label)}" for row in rows]
    table = Table(header_style="bold", title=Text(f"Entities × {done:,} articles (catalogue)"))
    # The ids column is cut to what is left, so labels and counts are never squeezed out.
    fact_width = min(max((len(label) for label in labels), default=4), 32)
    count_width = max(len("articles"), *(len(f"{row.count:,}") for row in rows))
    ids_width = max(10, console.width - fact_width - count_width - 10)
    table.add_column(Text("fact"), overflow="fold", width=fact_width)
    table.add_column(Text("articles"), justify="right", no_wrap=True, width=count_width)
    table.add_column(Text("reported by"), overflow="ellipsis", no_wrap=True, max_width=ids_width)
    for row, label in zip(rows, labels, strict=True):
        cell = Text(label[: len(row.type or "?")], style="dim")
        cell.append(label[len(row.type or "?") :])
        ids = ", ".join(row.articles) + (", …" if row.count > len(row.articles) else "")
        table.add_row(cell, Text(f"{row.count:,}"), Text(ids))
    console.print(table)
    hidden = catalogue.entity_total() - len(rows)
    if hidden > 0:
        console.print(Text(f"… {hidden:,} more entities (--rows 0 shows all)", style="dim"))


def _write_json(catalogue: Catalogue, total: int, done: int, limit: int | None) -> None:
    """The JSON described in `sverka matrix --help`, written row by row (all rows of a large
    corpus, with every article id, need not fit in memory at once)."""
    out = sys.stdout
    head = {
        "source": "catalogue",
        "articles_total": total,
        "articles_with_facts": done,
        "facts_total": catalogue.entity_total(),
    }
    out.write("{\n")
    for name, value in head.items():
        out.write(f"  {json.dumps(name)}: {json.dumps(value)},\n")
    out.write('  "rows": [')
    for i, row in enumerate(fact_rows(catalogue, limit)):
        text = json.dumps(row.to_dict(), ensure_ascii=False, indent=2)
        out.write(("," if i else "") + "\n" + textwrap.indent(text, "    "))
    out.write("\n  ]\n}\n")


def _rank(catalogue: Catalogue, target: str, limit: int | None, as_json: bool) -> int:
    try:
        row = catalogue.resolve(target)
    except CatalogueError as exc:
        return fail(str(exc))
    state = (
        catalogue.connection()
        .execute("SELECT facts FROM articles WHERE rowid = ?", (row.rowid,))
        .fetchone()[0]
    )
    if state != "done":
        why = "failed" if state == "error" else "were not extracted yet"
        return fail(f"the facts of {row.id} {why}; run `sverka index --facts` and try again")
    ranking = rank_by_shared_entities(catalogue, row.id, limit)
    if as_json:
        print_json([{"id": r.id, "score": r.score, "shared": r.shared} for r in ranking.articles])
        return 0
    console = Console(highlight=False)
    table = Table(
        box=None,
        header_style="bold",
        title=Text(f"Overlap with {row.id}: by shared entities only (from the catalogue)"),
    )
    id_width = max((len(r.id) for r in ranking.articles), default=2)
    title_width = max(12, console.width - id_width - 5 - 6 - 10)  # 4 columns padded by 2
    table.add_column(Text("id"), no_wrap=True, width=id_width)
    table.add_column(Text("score"), justify="right", width=5)
    table.add_column(Text("shared"), justify="right", width=6)
    table.add_column(Text("title"), overflow="ellipsis", no_wrap=True, max_width=title_width)
    for r in ranking.articles:
        table.add_row(Text(r.id), Text(f"{r.score:.3f}"), Text(str(r.shared)), Text(r.title))
    console.print(table)
    hidden = ranking.candidates - len(ranking.articles)
    if hidden > 0:
        more = (
            f"--rows 0 shows up to {RANK_POOL:,}"
            if ranking.candidates > RANK_POOL
            else "--rows 0 shows all"
        )
        console.print(
            Text(f"… {hidden:,} more articles share an entity with it ({more})", style="dim")
        )
    return 0
