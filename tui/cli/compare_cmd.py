"""`sverka compare A B [--corpus DIR] [--json]`: what two articles share, omit and disagree on.

Without `--json`, a two-column view: aligned passages side by side (`same` in green, `similar` in
yellow), then the entities each article names or leaves out, the numbers side by side with their
status, and the dates. Article text is printed through `rich.text.Text`, never parsed as markup.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from tui.cli.common import (
    CliError,
    add_corpus_option,
    add_json_option,
    fail,
    open_article,
    print_json,
)
from tui.compare import Comparison, Value, ValueGroup, compare
from tui.compare.reading import format_date, reader_quantities, value_runs
from tui.corpus import Article

KIND_STYLE = {"same": "green", "similar": "yellow"}
STATUS_STYLE = {
    "conflict": "bold red",
    "differ": "bold red",
    "compatible": "yellow",
    "agree": "green",
    "only_a": "dim",
    "only_b": "dim",
}


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `compare` subcommand."""
    parser = sub.add_parser(
        "compare",
        help="compare two articles: shared passages, missing facts, disagreeing numbers",
        description=(
            "Compare two articles (ids or unique id prefixes): passages one reuses or retells "
            "from the other, entities shared and missing, numbers and dates side by side."
        ),
    )
    parser.add_argument("a", metavar="A", help="first article id (or unique prefix)")
    parser.add_argument("b", metavar="B", help="second article id (or unique prefix)")
    add_corpus_option(parser)
    add_json_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the comparison of the two articles."""
    try:
        a = open_article(args, args.a)
        b = open_article(args, args.b)
    except CliError as exc:
        return fail(str(exc))
    comparison = compare(a, b)
    if args.json:
        print_json(comparison.to_dict())
        return 0
    Console(highlight=False).print(render(comparison, a, b))
    return 0


def render(comparison: Comparison, a: Article, b: Article) -> Group:
    """The terminal view of a comparison (rich renderables built from Text only)."""
    return Group(
        _passages(comparison, a, b),
        Text(""),
        _entities(comparison),
        Text(""),
        event_line(comparison),
        _numbers(comparison),
        Text(""),
        _groups("Dates", comparison.dates, what=format_date),
    )


def event_line(comparison: Comparison) -> Text:
    """One line saying whether the two articles report the same event, and why."""
    event = comparison.event
    if event is None:
        return Text("")
    why = "; ".join(event.reasons)
    if event.same:
        return Text.assemble(("Same event", "bold"), (f" ({why})" if why else "", "dim"))
    return Text.assemble(
        ("Different events", "bold yellow"),
        (f" ({why})" if why else "", "dim"),
        ": numbers are listed, not compared",
    )


def _header(article: Article) -> Text:
    text = Text(article.id, style="bold")
    text.append(f"\n{article.outlet} · {article.language} · {article.date or '—'}", style="dim")
    text.append(f"\n{article.title}")
    return text


def _passages(comparison: Comparison, a: Article, b: Article) -> Table:
    table = Table(expand=True, show_lines=True, title=Text("Aligned passages", style="bold"))
    table.add_column(_header(a), ratio=1, vertical="top")
    table.add_column(_header(b), ratio=1, vertical="top")
    if not comparison.pairs:
        table.add_row(Text("no shared passages", style="dim"), Text(""))
    for pair in comparison.pairs:
        style = KIND_STYLE.get(pair.kind, "")
        label = Text(f"{pair.kind} {pair.score:.2f}\n", style=f"bold {style}")
        table.add_row(label + Text(pair.a.text, style=style), Text(pair.b.text, style=style))
    return table


def _entities(comparison: Comparison) -> Table:
    table = Table(expand=True, title=Text("Entities", style="bold"))
    table.add_column(Text("shared"), ratio=2)
    table.add_column(Text("only in A"), ratio=1)
    table.add_column(Text("only in B"), ratio=1)
    shared = Text()
    for row in comparison.entities.shared:
        shared.append(f"{row.type} ", style="dim")
        shared.append(row.a or "")
        if row.b and row.b != row.a:
            shared.append(" / ")
            shared.append(row.b)
        shared.append("\n")
    only_a = Text("\n".join(r.a or "" for r in comparison.entities.only_a))
    only_b = Text("\n".join(r.b or "" for r in comparison.entities.only_b))
    shared.rstrip()
    dash = Text("—", style="dim")
    table.add_row(shared or dash, only_a or dash, only_b or dash)
    return table


def _values(values: list[Value]) -> Text:
    out = Text()
    for i, (text, scope, count) in enumerate(value_runs(values)):
        if i:
            out.append("; ")
        out.append(text)
        if count > 1:
            out.append(f" ×{count}", style="dim")
        if scope:
            out.append(f" ({scope})", style="dim")
    return out or Text("—", style="dim")


def _numbers(comparison: Comparison) -> Table:
    shown, hidden = reader_quantities(comparison.quantities)
    caption = f"{hidden} minor numbers not shown (--json lists all)" if hidden else None
    return _groups("Numbers", shown, caption=caption)


def _groups(
    title: str,
    groups: list[ValueGroup],
    *,
    what: Callable[[str], str] = str,
    caption: str | None = None,
) -> Table:
    table = Table(expand=True, title=Text(title, style="bold"), caption=caption)
    # room for a whole base form («ликвидировать ·») at 80 columns: words are never cut to «…»
    table.add_column(Text("what"), ratio=3, overflow="fold")
    table.add_column(Text("A"), ratio=4)
    table.add_column(Text("B"), ratio=4)
    table.add_column(Text("status"), no_wrap=True)
    for group in groups:
        table.add_row(
            Text(what(group.what)),
            _values(group.a),
            _values(group.b),
            Text(group.status, style=STATUS_STYLE.get(group.status, "")),
        )
    if not groups:
        table.add_row(Text("—", style="dim"), Text(""), Text(""), Text(""))
    return table
