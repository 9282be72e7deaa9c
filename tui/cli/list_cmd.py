"""`sverka list [CORPUS] [--json]`: the articles of a corpus with their metadata."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.cli.common import add_corpus_option, add_json_option, open_corpus, print_json


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `list` subcommand."""
    parser = sub.add_parser(
        "list",
        help="list the articles of a corpus",
        description="List the articles of a corpus: id, title, outlet, language, date, words.",
    )
    parser.add_argument("folder", nargs="?", type=Path, metavar="CORPUS", help="folder of articles")
    add_corpus_option(parser)
    add_json_option(parser)
    parser.set_defaults(func=run)


LARGE_CORPUS = 2000
"""From this many article files on, `list` reads from the catalogue (`tui.index`): only new and
changed files are read, in parallel, and later runs take about a second at 100,000 articles."""


def run(args: argparse.Namespace) -> int:
    """Print the corpus listing."""
    large = _large_corpus_listing(args)
    if large is not None:
        return large
    corpus = open_corpus(args, args.folder)
    if args.json:
        print_json([a.meta() for a in corpus.articles])
        return 0
    table = Table(box=None, pad_edge=False, header_style="bold", expand=True)
    for name, justify in (("id", "left"), ("title", "left"), ("outlet", "left"),
                          ("lang", "left"), ("date", "left"), ("words", "right")):  # fmt: skip
        table.add_column(
            name, justify=justify, overflow="ellipsis", no_wrap=True,  # type: ignore[arg-type]
            ratio=1 if name == "title" else None, min_width=12 if name == "title" else None,
        )  # fmt: skip
    for a in corpus.articles:
        table.add_row(
            Text(a.id), Text(a.title), Text(a.outlet), Text(a.language),
            Text(a.date or "—"), Text(str(a.words)),
        )  # fmt: skip
    Console(highlight=False).print(table)
    return 0


def _large_corpus_listing(args: argparse.Namespace) -> int | None:
    """List a large corpus from its catalogue; None when the corpus is small (or not a folder)."""
    import sys

    from tui.cli.common import corpus_folder, is_large_corpus, refresh_catalogue
    from tui.corpus.sanitize import sanitize_line

    folder = corpus_folder(args, args.folder)
    if not is_large_corpus(folder, LARGE_CORPUS):
        return None
    from tui.index import Catalogue

    with Catalogue(folder) as catalogue:
        status = refresh_catalogue(catalogue, folder)
        if status is not None:
            return status
        if args.json:
            print_json(list(catalogue.listing()))
            return 0
        out = sys.stdout
        rows = catalogue.listing()
        width = shutil.get_terminal_size((100, 24)).columns
        fixed = 24 + 14 + 5 + 11 + 7 + 5  # id, outlet, lang, date, words and the gaps
        title_width = max(12, width - fixed)

        def cut(text: str, n: int) -> str:
            text = sanitize_line(text)
            return text if len(text) <= n else text[: n - 1] + "…"

        out.write(
            f"{'id':<24} {'title':<{title_width}} {'outlet':<14} {'lang':<4} {'date':<10} {'words':>6}\n"
        )
        for r in rows:
            out.write(
                f"{cut(str(r['id']), 24):<24} {cut(str(r['title']), title_width):<{title_width}} "
                f"{cut(str(r['outlet']), 14):<14} {str(r['language']):<4} {str(r['date'] or '—'):<10} "
                f"{r['words']:>6}\n"
            )
    return 0
