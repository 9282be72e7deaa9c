"""`sverka search QUERY [--corpus DIR] [--json]`: full-text search over a corpus."""

from __future__ import annotations

import argparse
import sys

from tui.cli.common import add_corpus_option, add_json_option, corpus_folder, fail, print_json
from tui.corpus.folder import CorpusError, check_folder


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `search` subcommand."""
    parser = sub.add_parser(
        "search",
        help="full-text search over a corpus",
        description=(
            "Search every article of the corpus. Case, ё/е, ґ/г and Ukrainian/Russian spellings "
            "are folded and word forms are found from one form (Токаев finds Токаева); the last "
            "word also matches as a prefix. The catalogue is brought up to date first."
        ),
    )
    parser.add_argument("query", metavar="QUERY", help="words to find (all must occur)")
    add_corpus_option(parser)
    add_json_option(parser)
    parser.add_argument(
        "--limit", type=int, default=50, metavar="N", help="hits to show (default 50)"
    )
    parser.add_argument(
        "--no-refresh",
        action="store_true",
        help="search the catalogue as the last scan left it, without checking the folder for"
        " new or changed files (a warm check of 1,000,000 files takes seconds)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the hits (or the JSON shape `{"query", "took_ms", "total", "hits"}`)."""
    from tui.corpus.sanitize import sanitize_line
    from tui.index import Catalogue

    try:
        folder = check_folder(corpus_folder(args))
    except CorpusError as exc:
        return fail(str(exc))
    with Catalogue(folder) as catalogue:
        told = 0

        def tell() -> None:
            nonlocal told
            for message in catalogue.messages[told:]:
                print(f"sverka: {sanitize_line(message)}", file=sys.stderr)
            told = len(catalogue.messages)

        tell()
        from tui.cli.common import Progress

        if args.no_refresh and catalogue.count() == 0:
            return fail(f"{folder} has no catalogue yet: run `sverka index` (or drop --no-refresh)")
        if not args.no_refresh:
            report = catalogue.refresh(progress=Progress("indexing", quiet=False))
            if report.read:
                print(f"sverka: indexed {report.summary()}", file=sys.stderr)
        result = catalogue.search(args.query, limit=max(1, args.limit))
        tell()
    if args.json:
        print_json(result.to_dict())
        return 0
    shown = len(result.hits)
    print(f"{result.total} article(s) match {sanitize_line(args.query)!r}"
          f" ({result.took_ms:.1f} ms){f', showing {shown}' if shown < result.total else ''}")  # fmt: skip
    for hit in result.hits:
        print(f"\n{hit.id}  {sanitize_line(hit.title)}\n    {sanitize_line(hit.snippet)}")
    return 0
