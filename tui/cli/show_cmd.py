"""`sverka show ID [--corpus DIR] [--raw] [--removed]`: one article, cleaned (default) or raw.

The cleaned text is exactly `Document.text` (title, date line, paragraphs separated by a blank
line), the text that fact offsets and note anchors refer to. `--removed` lists what the cleaner
left out and which rule or heuristic removed it. User rules from the config's `[[clean.rules]]`
apply. Everything printed passes through the sanitiser.
"""

from __future__ import annotations

import argparse
import sys

from tui.cli.common import CliError, add_corpus_option, config_from_args, open_article


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    """Add the `show` subcommand."""
    parser = sub.add_parser(
        "show",
        help="print an article's cleaned text (or --raw, or what --removed took out)",
        description=(
            "Print one article's cleaned text: title, date line, paragraphs separated by a blank "
            "line. --raw prints the text as read; --removed lists the removed blocks and why."
        ),
    )
    parser.add_argument("article", metavar="ID", help="article id or unique prefix")
    add_corpus_option(parser)
    view = parser.add_mutually_exclusive_group()
    view.add_argument("--raw", action="store_true", help="print the raw (decoded) text")
    view.add_argument(
        "--removed", action="store_true", help="list the removed blocks with the reason for each"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the chosen view of one article."""
    from tui import pipeline
    from tui.clean import configure_rules
    from tui.corpus import sanitize_text

    try:  # before the corpus loads: titles are cleaned with the same rules
        configure_rules(list(config_from_args(args).clean.rules))
    except ValueError as exc:
        raise CliError(f"config [[clean.rules]]: {exc}") from None
    article = open_article(args, args.article)
    if args.raw:
        _write(sanitize_text(article.raw))
        return 0
    document = pipeline.document(article)
    if args.removed:
        width = max((len(r.reason) for r in document.removed), default=0)
        lines = [f"{r.reason:<{width}}  {r.text}" for r in document.removed]
        _write(sanitize_text("\n".join(lines)) if lines else "(nothing removed)")
        return 0
    _write(sanitize_text(document.text))
    return 0


def _write(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
