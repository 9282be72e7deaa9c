"""`sverka matrix [--corpus DIR] [--json] [--rank ID]`: who reports what, who leaves it out.

Facts (entities by canonical key, quantity groups by what they count) × articles. With `--rank ID`,
instead: the other articles ranked by overlap with that one (whom to compare it with).

From `LARGE_CORPUS` article files on, both read the catalogue's entity table instead of loading
and extracting the corpus (`tui.cli.matrix_catalogue`).
"""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.cli import list_cmd
from tui.cli.common import (
    CliError,
    add_corpus_option,
    add_json_option,
    fail,
    open_corpus,
    print_json,
)
from tui.compare import MatrixRow, matrix, rank_by_overlap
from tui.corpus import CorpusError


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `matrix` subcommand."""
    parser = sub.add_parser(
        "matrix",
        help="facts × articles: who reports what; or rank articles by overlap with one",
        description=(
            "Lay the facts of a corpus (entities, quantity groups) against its articles. "
            "With --rank ID, list the other articles by how much they share with ID. "
            f"A corpus of {LARGE_CORPUS:,} files or more is read from its catalogue instead "
            "(the entity keys `sverka index --facts` stored; quantities are not there): the "
            "entities ranked by how many articles mention them, and --rank by shared entities "
            'only. Its --json is then {"source": "catalogue", "articles_total", '
            '"articles_with_facts", "facts_total", "rows": [{"kind": "entity", '
            '"key", "label", "type", "count", "articles": [ids]}]} (no '
            'articles × facts grid; "label" and "type" come from the cached facts, else the '
            'label from the text or the key and "type" null), and --rank --json adds "shared" '
            '(entity keys in common) to each {"id", "score"}.'
        ),
    )
    add_corpus_option(parser)
    add_json_option(parser)
    parser.add_argument("--rank", metavar="ID", help="rank the other articles by overlap with ID")
    parser.add_argument(
        "--rows",
        type=int,
        default=60,
        metavar="N",
        help=(
            "facts shown in the table (0: all; default 60); for a large corpus also the facts "
            "in --json and the articles --rank lists"
        ),
    )
    parser.set_defaults(func=run)


LARGE_CORPUS = list_cmd.LARGE_CORPUS
"""From this many article files on, `matrix` reads the catalogue (as `sverka list` does)."""


def run(args: argparse.Namespace) -> int:
    """Print the matrix, or the ranking for `--rank`."""
    large = _large_corpus_matrix(args)
    if large is not None:
        return large
    try:
        corpus = open_corpus(args)
        target = corpus.resolve(args.rank) if args.rank else None
    except (CliError, CorpusError) as exc:
        return fail(str(exc))
    console = Console(highlight=False)
    if target is not None:
        ranked = rank_by_overlap(target, corpus)
        if args.json:
            print_json([{"id": art_id, "score": score} for art_id, score in ranked])
            return 0
        titles = {a.id: a.title for a in corpus.articles}
        table = Table(box=None, header_style="bold", title=Text(f"Overlap with {target.id}"))
        table.add_column(Text("id"))
        table.add_column(Text("score"), justify="right")
        table.add_column(Text("title"), overflow="ellipsis")
        for art_id, score in ranked:
            table.add_row(Text(art_id), Text(f"{score:.3f}"), Text(titles.get(art_id, "")))
        console.print(table)
        return 0
    result = matrix(corpus)
    if args.json:
        print_json(result.to_dict())
        return 0
    rows = result.rows if args.rows <= 0 else result.rows[: args.rows]
    if len(result.articles) > WIDE_ABOVE:
        _print_compact(console, result.articles, rows)
    else:
        _print_grid(console, result.articles, rows)
    if len(rows) < len(result.rows):
        console.print(
            Text(f"… {len(result.rows) - len(rows)} more facts (--rows 0 shows all)", style="dim")
        )
    return 0


WIDE_ABOVE = 12
"""More articles than this: one line per fact listing who reports it, instead of a grid."""


def _print_grid(console: Console, articles: list[str], rows: list[MatrixRow]) -> None:
    table = Table(header_style="bold", title=Text("Facts × articles"))
    # Wide enough for the longest word of a fact («Касым-Жомарт»), so labels wrap between words
    # rather than in them; the article columns give up the room.
    fact_width = _longest_word(rows)
    table.add_column(Text("fact"), overflow="fold", min_width=fact_width)
    # what is left after the fact column and the borders (3 cells a column, 1 at the end)
    share = max(
        4, (console.width - fact_width - 3 * (len(articles) + 1) - 1) // max(1, len(articles))
    )
    for i, art_id in enumerate(articles):
        table.add_column(
            Text(_short(art_id, i)), justify="center", overflow="fold", max_width=share
        )
    for row in rows:
        cells: list[Text] = []
        for art_id in articles:
            cell = row.cells.get(art_id)
            if cell is None:
                cells.append(Text("·", style="dim"))
            elif row.kind == "entity":
                cells.append(Text(f"✓{cell}", style="green"))
            else:
                cells.append(Text(", ".join(v["text"] for v in cell), style="yellow"))
        table.add_row(_label(row), *cells)
    console.print(table)
    ids = Text("Articles: ", style="dim")
    ids.append(", ".join(f"{_short(a, i)}={a}" for i, a in enumerate(articles)))
    console.print(ids)


def _large_corpus_matrix(args: argparse.Namespace) -> int | None:
    """The matrix (or ranking) of a large corpus from its catalogue; None when the corpus is
    small (or not a folder): then the whole corpus is loaded as before."""
    from tui.cli.common import corpus_folder, is_large_corpus

    try:
        folder = corpus_folder(args)
    except CliError as exc:
        return fail(str(exc))
    if not is_large_corpus(folder, LARGE_CORPUS):
        return None
    from tui.cli.matrix_catalogue import run_from_catalogue

    return run_from_catalogue(args, folder)


def _print_compact(console: Console, articles: list[str], rows: list[MatrixRow]) -> None:
    table = Table(header_style="bold", title=Text(f"Facts × {len(articles)} articles"))
    table.add_column(Text("fact"), overflow="fold")
    table.add_column(Text("articles"), justify="right")
    table.add_column(Text("reported by"), overflow="ellipsis", no_wrap=True)
    for row in rows:
        table.add_row(_label(row), Text(str(len(row.cells))), Text(", ".join(row.cells)))
    console.print(table)


LABEL_WORD_CAP = 24
"""A longer word than this may still be cut (a URL, a run of letters without spaces)."""


def _longest_word(rows: list[MatrixRow]) -> int:
    """Cells of the longest word in the fact labels (at most `LABEL_WORD_CAP`)."""
    from rich.cells import cell_len

    longest = max((cell_len(w) for row in rows for w in _label(row).plain.split()), default=4)
    return min(max(4, longest), LABEL_WORD_CAP)


def _label(row: MatrixRow) -> Text:
    label = Text(f"{row.type or '#'} ", style="dim")
    label.append(row.label)
    return label


def _short(art_id: str, index: int) -> str:
    """A column header: the id's part before the first underscore, else its first 8 characters."""
    head = art_id.split("_", 1)[0]
    return head if 0 < len(head) <= 8 else f"{index + 1}"
