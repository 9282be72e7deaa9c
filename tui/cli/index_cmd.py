"""`sverka index [CORPUS] [--facts]`: build or update the corpus catalogue and search index."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.common import Progress, add_corpus_option, add_field_option, corpus_folder, fail
from tui.corpus.folder import CorpusError, check_folder


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `index` subcommand."""
    parser = sub.add_parser(
        "index",
        help="build or update the catalogue and search index of a corpus",
        description=(
            "Scan a corpus folder and bring its catalogue (metadata, sort indexes, full-text "
            "search index; kept in the per-user cache folder) up to date. Only new and changed "
            "files are read; deleted files are dropped. Progress goes to stderr."
        ),
    )
    parser.add_argument(
        "folder",
        nargs="?",
        type=Path,
        metavar="CORPUS",
        help="folder of articles, or a dataset file (.jsonl, .jsonl.gz, .jsonl.zst, .csv, .parquet)",
    )
    add_corpus_option(parser)
    add_field_option(parser, dest="sub_field")
    parser.add_argument(
        "--facts",
        action="store_true",
        help="also extract facts (entities, dates, ...) for every article not done yet",
    )
    parser.add_argument(
        "--cluster",
        nargs="?",
        const="local",
        metavar="ADDRESS",
        help=(
            "with --facts: extract on a Dask cluster — the scheduler at ADDRESS"
            " (tcp://host:8786; its workers need Sverka installed), or without ADDRESS a local"
            " cluster of one worker per core"
        ),
    )
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="processes reading files / extracting facts (default: one per core)",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress, only the summary")
    parser.set_defaults(func=run)


ROWS_SHOWN = 20
"""Bad dataset rows named one by one on stderr (the rest are counted)."""


def print_skipped(report: object) -> None:
    """Skipped files counted by reason; bad dataset rows named with their row number (the first
    ROWS_SHOWN of them), and rows read in an unexpected encoding."""
    from tui.corpus.sanitize import sanitize_line

    skipped = getattr(report, "skipped", [])
    from tui.corpus.dataset import is_dataset_name

    rows = [(p, r) for p, r in skipped if ": row " in p or is_dataset_name(p)]
    files = [(p, r) for p, r in skipped if ": row " not in p and not is_dataset_name(p)]
    for path, reason in rows[:ROWS_SHOWN]:
        print(f"sverka: {sanitize_line(path)}: {sanitize_line(reason)} (skipped)", file=sys.stderr)
    if len(rows) > ROWS_SHOWN:
        print(f"sverka: … and {len(rows) - ROWS_SHOWN} more bad rows skipped", file=sys.stderr)
    notes = getattr(report, "notes", [])
    for note in notes[:ROWS_SHOWN]:
        print(f"sverka: {sanitize_line(note)}", file=sys.stderr)
    if len(notes) > ROWS_SHOWN:
        print(f"sverka: … and {len(notes) - ROWS_SHOWN} more rows read that way", file=sys.stderr)
    if files:
        reasons: dict[str, int] = {}
        for _path, reason in files:
            key = reason.split(" (")[0]
            reasons[key] = reasons.get(key, 0) + 1
        parts = ", ".join(f"{n} {r}" for r, n in sorted(reasons.items()))
        print(f"sverka: skipped {len(files)} file(s): {parts}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Scan the corpus (and extract facts with --facts); print a summary on stderr."""
    from tui.index import Catalogue

    try:
        folder = check_folder(corpus_folder(args, args.folder))
    except CorpusError as exc:
        return fail(str(exc))
    with Catalogue(folder) as catalogue:
        for message in catalogue.messages:
            print(f"sverka: {message}", file=sys.stderr)
        report = catalogue.refresh(progress=Progress("reading", args.quiet), workers=args.workers)
        print_skipped(report)
        print(f"sverka: {report.summary()}", file=sys.stderr)
        if report.total == 0:
            return fail(f"no articles (.txt or .md files, or dataset rows) in {folder}")
        if args.cluster and not args.facts:
            return fail("--cluster runs fact extraction: use it with --facts")
        if args.facts:
            progress = Progress("facts", args.quiet)
            if args.cluster:
                from tui.index.facts_cluster import extract_on_cluster

                address = None if args.cluster == "local" else args.cluster
                try:
                    done = extract_on_cluster(
                        catalogue, address, workers=args.workers, progress=progress
                    )
                except OSError as exc:  # no scheduler there, a timeout
                    return fail(f"cannot use the Dask cluster at {address}: {exc}")
            else:
                from tui.index.facts_pool import extract_all

                done = extract_all(catalogue, progress=progress, workers=args.workers)
            print(f"sverka: {done.summary()}", file=sys.stderr)
    return 0
