"""`sverka facts ID [--corpus DIR] [--json]` and `sverka facts --jsonl FILE`.

- With an article id (or a unique prefix): the facts of its cleaned text (what `sverka show`
  prints), from the disk cache when known. `--json` prints `Facts.to_dict()`; otherwise tables:
  people, organisations, places, then dates, quantities, quotes and sources.
- With `--jsonl FILE` (`-` for stdin): each line `{"id", "text"[, "lang"]}` gives one output line
  `{"id", "entities": [...], "dates": [...], ...}` extracted from the text exactly as given (no
  cleaning, no cache; offsets into that text). This is the shape `../shared/eval/score_ner.py` reads.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, TextIO

from tui.cli.common import CliError, add_corpus_option, add_json_option, open_article, print_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    """Add the `facts` subcommand."""
    parser = sub.add_parser(
        "facts",
        help="facts of an article: people, organisations, places, dates, numbers, quotes, sources",
        description=(
            "Facts of one article's cleaned text (entities with base form and key, dates, "
            "quantities, quotes, cited sources), or of every line of a JSONL file with --jsonl."
        ),
    )
    parser.add_argument("article", nargs="?", metavar="ID", help="article id or unique prefix")
    add_corpus_option(parser)
    add_json_option(parser)
    parser.add_argument(
        "--jsonl",
        metavar="FILE",
        help='extract from each line {"id", "text"} of FILE ("-" for stdin) and print JSONL',
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the facts of one article, or of every line of a JSONL file."""
    if args.jsonl:
        if args.article:
            raise CliError("give either an article ID or --jsonl FILE, not both")
        return run_jsonl(args.jsonl, sys.stdout)
    if not args.article:
        raise CliError("which article? give an ID (see `sverka list`) or --jsonl FILE")
    from tui import pipeline

    article = open_article(args, args.article)
    facts = pipeline.facts(article)
    if facts.limit_message:
        print(f"{article.id}: {facts.limit_message}", file=sys.stderr)
    if args.json:
        print_json(facts.to_dict())
    else:
        print_tables(facts.to_dict(), title=f"{article.id}  {article.title}")
    return 0


def run_jsonl(path: str, out: TextIO) -> int:
    """Extract from each input line and write one output line per input, in order."""
    from tui.facts import extract

    stream = sys.stdin if path == "-" else _open(path)
    n = 0
    try:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            doc_id, text, lang = _jsonl_item(line, f"{path}:{n}")
            facts = extract(text, lang)
            out.write(json.dumps({"id": doc_id, **facts.to_dict()}, ensure_ascii=False) + "\n")
    except UnicodeDecodeError as exc:
        raise CliError(f"{path}:{n + 1}: not UTF-8 text ({exc.reason})") from None
    finally:
        if stream is not sys.stdin:
            stream.close()
    return 0


def _jsonl_item(line: str, where: str) -> tuple[object, str, str | None]:
    """(id, text, lang) of one input line; CliError naming the line when it is not that."""
    try:
        item = json.loads(line)
    except ValueError:
        raise CliError(f'{where}: expected a JSON object with "id" and "text"') from None
    if not isinstance(item, dict) or "id" not in item or "text" not in item:
        raise CliError(f'{where}: expected a JSON object with "id" and "text"')
    doc_id, text, lang = item["id"], item["text"], item.get("lang")
    if not isinstance(text, str):
        raise CliError(f'{where}: "text" should be a string, not {type(text).__name__}')
    if not isinstance(doc_id, str | int) or isinstance(doc_id, bool):
        raise CliError(f'{where}: "id" should be a string or a number, not {type(doc_id).__name__}')
    if lang is not None and not isinstance(lang, str):
        raise CliError(f'{where}: "lang" should be a string, not {type(lang).__name__}')
    return doc_id, text, lang


def _open(path: str) -> TextIO:
    try:
        return Path(path).open(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror or exc}") from None


_GROUPS = (("PER", "People"), ("ORG", "Organisations"), ("LOC", "Places"))


def print_tables(data: dict[str, list[dict[str, Any]]], title: str = "") -> None:
    """Readable tables: entities grouped by key with their mentions, then the other facts."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from tui.corpus import sanitize_line

    console = Console(highlight=False)
    if title:
        console.print(Text(sanitize_line(title), style="bold"))
    for type_, label in _GROUPS:
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for e in data["entities"]:
            if e["type"] == type_:
                groups[e["key"]].append(e)
        if not groups:
            continue
        table = Table(title=label, title_justify="left", box=None, header_style="bold")
        for col in ("name", "key", "n", "as written"):
            table.add_column(col, justify="right" if col == "n" else "left")
        for key, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            normals = sorted({i["normal"] for i in items}, key=len, reverse=True)
            written = sorted({i["text"] for i in items})
            table.add_row(
                Text(sanitize_line(normals[0])),
                Text(key),
                Text(str(len(items))),
                Text(sanitize_line(", ".join(written))),
            )
        console.print(table)
    _simple(console, "Dates", data["dates"], ("text", "value"))
    _simple(
        console, "Quantities", data["quantities"], ("text", "value", "approx", "counted", "event")
    )
    _simple(console, "Quotes", data["quotes"], ("speaker", "text"))
    _simple(console, "Sources", data["sources"], ("name", "kind", "text"))
    _simple(
        console,
        "Claims",
        [c for c in data.get("claims", []) if not c["measure"].startswith("other:")],
        ("text", "measure", "qualifier", "status", "as_of", "attribution", "place"),
    )


def _simple(console: Any, label: str, items: list[dict[str, Any]], cols: tuple[str, ...]) -> None:
    from rich.table import Table
    from rich.text import Text

    from tui.corpus import sanitize_line

    if not items:
        return
    table = Table(title=label, title_justify="left", box=None, header_style="bold")
    for col in cols:
        table.add_column(col, overflow="fold")
    for item in items:
        cells = []
        for col in cols:
            value = item.get(col)
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            cells.append(Text(sanitize_line("—" if value is None else str(value))))
        table.add_row(*cells)
    console.print(table)
