"""`sverka claims [--corpus DIR] [--query Q] [--measure M] [--json]`: the numbers ledger.

Every claim of each measure (deaths, injured, detained, evacuated, …) across the corpus or the
articles a full-text query finds: outlet, figure with its qualifier, as-of time, publication date,
who says so, place, and whether the article reports it as superseded — in time order, with the
figures that diverge from what other outlets published the same day marked.

Claims come from the catalogue (`sverka index --facts` stores them); articles whose facts are not
extracted yet are extracted first (once: then they are stored). Text goes through `rich.text.Text`,
never parsed as markup.
"""

from __future__ import annotations

import argparse
import sys

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from tui.cli.common import add_corpus_option, add_json_option, corpus_folder, fail, print_json
from tui.compare.ledger import DEFAULT_LIMIT, LedgerMeasure
from tui.corpus.folder import CorpusError, check_folder

SEARCH_LIMIT = 100_000
"""At most this many articles a `--query` restricts the ledger to (the best matches)."""


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `claims` subcommand."""
    parser = sub.add_parser(
        "claims",
        help="the numbers ledger: who reported how many, when, citing whom",
        description=(
            "List every claim of each measure (deaths, injured, detained, evacuated, …) in the"
            " corpus or in the articles QUERY finds, in time order: outlet, figure, as-of time,"
            " publication date, attribution, place, and whether the figure is superseded or"
            " diverges from what other outlets reported the same days."
        ),
    )
    add_corpus_option(parser)
    add_json_option(parser)
    parser.add_argument("--query", "-q", metavar="Q", help="only articles this search finds")
    parser.add_argument(
        "--measure", "-m", metavar="M", help="one measure (deaths, injured, detained, …)"
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"most recent claims per measure (default {DEFAULT_LIMIT}; 0: all)",
    )
    parser.add_argument(
        "--all",
        action="store_true",
        dest="include_other",
        help="also numbers no measure of the vocabulary fits (other:<counted>|<event>)",
    )
    parser.add_argument(
        "--no-refresh",
        action="store_true",
        help="use the catalogue as it is: no check for new or changed files, no extraction",
    )
    parser.add_argument("--workers", type=int, metavar="N", help="processes extracting facts")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the ledger (or its JSON: `{"corpus", "query", "measure", "articles", "measures"}`)."""
    from tui.cli.common import Progress
    from tui.index import Catalogue

    try:
        folder = check_folder(corpus_folder(args))
    except CorpusError as exc:
        return fail(str(exc))
    with Catalogue(folder) as catalogue:
        for message in catalogue.messages:
            print(f"sverka: {message}", file=sys.stderr)
        if args.no_refresh and catalogue.count() == 0:
            return fail(f"{folder} has no catalogue yet: run `sverka index` (or drop --no-refresh)")
        if not args.no_refresh:
            report = catalogue.refresh(progress=Progress("indexing", quiet=False))
            if report.read:
                print(f"sverka: indexed {report.summary()}", file=sys.stderr)
            missing = catalogue.facts_status().get("none", 0)
            if missing:
                from tui.index.facts_pool import extract_all

                done = extract_all(
                    catalogue, progress=Progress("facts", quiet=False), workers=args.workers
                )
                print(f"sverka: {done.summary()}", file=sys.stderr)
        else:
            missing = catalogue.facts_status().get("none", 0)
            if missing:
                print(
                    f"sverka: {missing} article(s) have no facts yet and are not in the ledger"
                    " (run `sverka index --facts`)",
                    file=sys.stderr,
                )
        rowids = None
        if args.query:
            result = catalogue.search(args.query, limit=SEARCH_LIMIT, snippets=False)
            rowids = [hit.rowid for hit in result.hits]
        measures = catalogue.ledger(
            measure=args.measure,
            rowids=rowids,
            include_other=args.include_other,
            limit=max(0, args.limit),
        )
    if args.measure and not measures:
        from tui.facts.claims import measure_labels

        known = ", ".join(sorted(measure_labels()))
        print(f"sverka: no claims of measure {args.measure!r} (measures: {known})", file=sys.stderr)
    if args.json:
        print_json(
            {
                "corpus": str(folder),
                "query": args.query,
                "measure": args.measure,
                "articles": None if rowids is None else len(rowids),
                "measures": [m.to_dict() for m in measures],
            },
            indent=None,  # thousands of claims: one line, by the C encoder
        )
        return 0
    Console(highlight=False).print(render(measures))
    return 0


def render(measures: list[LedgerMeasure]) -> Group:
    """One table per measure (rich renderables built from Text only)."""
    if not measures:
        return Group(Text("No claims.", style="dim"))
    parts: list[Table | Text] = []
    for m in measures:
        shown = len(m.entries)
        more = f", the last {shown} shown" if shown < m.total else ""
        title = Text.assemble((m.label, "bold"), (f"  {m.measure} · {m.total} claims{more}", "dim"))
        table = Table(title=title, expand=True, title_justify="left")
        table.add_column(Text("published"), no_wrap=True)
        table.add_column(Text("outlet"), ratio=2, overflow="fold")
        table.add_column(Text("figure"), ratio=3)
        table.add_column(Text("as of · according to"), ratio=3)
        table.add_column(Text("place"), ratio=2)
        table.add_column(Text(""), no_wrap=True)
        for e in m.entries:
            mark = Text("earlier", style="dim") if e.status == "superseded" else Text("")
            if e.diverges:
                mark = Text("≠", style="bold red")
            style = "dim" if e.status == "superseded" else ""
            table.add_row(
                Text(e.date or "—"),
                Text(e.outlet),
                Text(" ".join(e.text.split()), style=style),
                _framing(e.as_of, e.attribution),
                Text(e.place or "—", style="dim" if not e.place else ""),
                mark,
            )
        parts.extend([table, Text("")])
    parts.append(Text("≠: differs from what other outlets reported the same day", style="dim"))
    return Group(*parts)


def _framing(as_of: str | None, attribution: str | None) -> Text:
    out = Text()
    if as_of:
        out.append(as_of)
    if attribution:
        if as_of:
            out.append(" · ", style="dim")
        out.append(attribution)
    return out or Text("—", style="dim")
