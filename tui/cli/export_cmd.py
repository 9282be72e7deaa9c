"""`sverka export facts|claims --format parquet|jsonl [--out FILE] [CORPUS]`: the facts or claims
`sverka index --facts` extracted, as a table for DuckDB, pandas or Spark."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.common import add_corpus_option, corpus_folder, fail
from tui.corpus.folder import CorpusError, check_folder


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `export` subcommand."""
    parser = sub.add_parser(
        "export",
        help="export the extracted facts or claims as Parquet or JSON lines",
        description=(
            "Write one row per fact (entities, dates, quantities, quotes, cited sources) or per"
            " claim (numbers read by meaning: measure, value, qualifier, as-of time, attribution,"
            " place, status), with the article's id, title, outlet, language, date and url, in a"
            " fixed schema. Reads what `sverka index --facts` stored; articles without facts are"
            " counted and left out."
        ),
    )
    parser.add_argument("what", choices=("facts", "claims"), help="what to export")
    parser.add_argument("folder", nargs="?", type=Path, metavar="CORPUS", help="the corpus")
    add_corpus_option(parser)
    parser.add_argument(
        "--format", choices=("parquet", "jsonl"), default="parquet", help="default: parquet"
    )
    parser.add_argument(
        "--out",
        "-o",
        type=Path,
        metavar="FILE",
        help="output file (default: facts.parquet / claims.jsonl …; `-` for JSON lines on stdout)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Export; a one-line summary on stderr."""
    from tui.index import Catalogue
    from tui.index.export import export

    try:
        folder = check_folder(corpus_folder(args, args.folder))
    except CorpusError as exc:
        return fail(str(exc))
    to_stdout = args.out is not None and str(args.out) == "-"
    if to_stdout and args.format != "jsonl":
        return fail("only --format jsonl can go to stdout (-)")
    out = None if to_stdout else (args.out or Path(f"{args.what}.{args.format}"))
    with Catalogue(folder) as catalogue:
        if catalogue.count() == 0:
            return fail(f"{folder} has no catalogue yet: run `sverka index --facts {folder}`")
        try:
            report = export(catalogue, args.what, args.format, out, sys.stdout)
        except BrokenPipeError:
            raise
        except OSError as exc:
            return fail(f"cannot write {out}: {exc.strerror or exc}")
    print(f"sverka: {report.summary(args.what, str(out or 'stdout'))}", file=sys.stderr)
    return 0
