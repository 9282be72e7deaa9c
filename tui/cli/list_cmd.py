"""`sverka list [CORPUS] [--json]`: the articles of a corpus with their metadata."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.cli.common import add_corpus_option, add_json_option, open_corpus, print_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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


def run(args: argparse.Namespace) -> int:
    """Print the corpus listing."""
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
