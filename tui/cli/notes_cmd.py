"""`sverka notes add|list|export`: the notes store for scripts.

The notes file is `--notes FILE` (a global option, before `notes`), else the config's `notes`,
else notes.toml in the per-user data folder. Everything printed that comes from notes or articles
passes through `sanitize_text`; `export -o FILE` writes the exact export instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.common import (
    CliError,
    add_corpus_option,
    config_from_args,
    fail,
    open_article,
    open_corpus,
)
from tui.corpus.sanitize import sanitize_line, sanitize_text
from tui.notes import (
    FORMATS,
    ArticleMeta,
    Note,
    NotesError,
    NotesStore,
    export,
    find_quote,
    make_anchor,
    resolve_notes_path,
)
from tui.notes.anchoring import count_occurrences


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    """Add the `notes` subcommand and its `add`, `list` and `export` actions."""
    parser = sub.add_parser(
        "notes",
        help="add, list and export notes",
        description=(
            "Notes on articles and passages. The notes file is --notes FILE (given before "
            "'notes'), else the config's notes path, else notes.toml in the per-user data folder."
        ),
    )
    actions = parser.add_subparsers(dest="notes_action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a note to an article (or to a quoted passage of it)")
    add.add_argument("article", metavar="ID", help="article id, or a unique prefix of one")
    add_corpus_option(add)
    add.add_argument("--text", required=True, help="the note")
    add.add_argument("--quote", help="a passage of the cleaned article text to anchor the note to")
    add.add_argument("--tag", action="append", default=[], metavar="TAG", help="a tag (repeatable)")
    add.set_defaults(func=run_add)

    lst = actions.add_parser("list", help="list notes")
    lst.add_argument("--json", action="store_true", help="print JSON for scripts")
    lst.add_argument("--tag", metavar="TAG", help="only notes with this tag")
    lst.add_argument("--article", metavar="ID", help="only notes on this article (id or id prefix)")
    lst.add_argument(
        "--corpus",
        metavar="DIR",
        type=Path,
        help="check each note against this corpus: a note whose article is no longer the one it"
        " was made on, or whose passage is gone, is listed as orphaned (the file is not changed)",
    )
    lst.set_defaults(func=run_list)

    exp = actions.add_parser("export", help="export notes as Markdown, JSON, TOML or CSV")
    exp.add_argument("--format", required=True, choices=FORMATS, help="output format")
    exp.add_argument(
        "-o", "--output", metavar="FILE", type=Path, help="write to FILE instead of stdout"
    )
    exp.add_argument("--tag", metavar="TAG", help="only notes with this tag")
    exp.set_defaults(func=run_export)


def notes_path(args: argparse.Namespace) -> Path:
    """The notes file chosen by --notes, the config, or the default."""
    cli_value = getattr(args, "notes", None)
    config_value = None if cli_value else config_from_args(args).notes
    return resolve_notes_path(cli_value, config_value)


def open_store(args: argparse.Namespace) -> NotesStore:
    """The loaded notes store (CliError with one sentence if the file cannot be read)."""
    store = NotesStore(notes_path(args))
    try:
        store.load()
    except NotesError as exc:
        raise CliError(str(exc)) from None
    return store


def run_add(args: argparse.Namespace) -> int:
    """Add one note; prints its id."""
    store = open_store(args)  # first: a broken notes file fails before the corpus is read
    try:
        article = open_article(args, args.article)
    except CliError as exc:
        return fail(str(exc))
    anchor = None
    if args.quote is not None:
        from tui import pipeline

        text = pipeline.document(article).text
        span = find_quote(text, args.quote)
        if span is None:
            return fail(
                f"the quote was not found in the cleaned text of {article.id}; the note was not added"
            )
        anchor = make_anchor(text, *span)
        hits = count_occurrences(text, anchor.quote)
        if hits > 1:
            print(f"note: the quote occurs {hits} times; anchored to the first", file=sys.stderr)
    meta = ArticleMeta(
        title=article.title, outlet=article.outlet, date=article.date, sha1=article.sha1
    )
    try:
        note = store.add(article.id, args.text, anchor=anchor, tags=args.tag, article=meta)
    except NotesError as exc:
        return fail(f"{exc}; the note was not saved")
    print(note.id)
    return 0


def run_list(args: argparse.Namespace) -> int:
    """Print notes, oldest first."""
    store = open_store(args)
    article_id = args.article
    if article_id is not None:
        ids = {n.article_id for n in store.list()}
        exact = article_id if article_id in ids else None
        prefixed = sorted(i for i in ids if i.startswith(article_id))
        article_id = exact or (prefixed[0] if len(prefixed) == 1 else article_id)
    notes = store.list(article_id=article_id, tag=args.tag)
    if args.corpus is not None:
        notes = check_notes(store, notes, args)
    if args.json:
        sys.stdout.write(sanitize_text(export(notes, "json")))  # a no-op: JSON export escapes them
        return 0
    if not notes:
        print(f"no notes in {sanitize_line(str(store.path))}", file=sys.stderr)
        return 0
    for note in notes:
        print(format_note(note))
    return 0


def check_notes(store: NotesStore, notes: list[Note], args: argparse.Namespace) -> list[Note]:
    """`notes` as they stand against the corpus now (in memory only): each article read once,
    a note whose article changed identity marked orphaned, passages re-anchored; a note whose
    article is not in the corpus keeps its saved status."""
    from tui import pipeline
    from tui.notes import ArticleState

    corpus = open_corpus(args)
    by_id = corpus.by_id()
    states: dict[str, ArticleState] = {}
    for note in notes:
        article = by_id.get(note.article_id)
        if article is None:
            continue
        state = states.get(article.id)
        if state is None:
            text = pipeline.document(article).text if note.anchor is not None else ""
            state = states[article.id] = ArticleState(text, article.sha1, article.title)
        elif note.anchor is not None and not state.text:
            state = states[article.id] = ArticleState(
                pipeline.document(article).text, article.sha1, article.title
            )
        store.reanchor(note, state)
    return [store.get(n.id) for n in notes]


def format_note(note: Note) -> str:
    """One note as a few lines of plain, sanitised text."""
    head = [note.id[:12], note.article_id, note.created[:16].replace("T", " ")]
    if note.tags:
        head.append("[" + ", ".join(note.tags) + "]")
    if note.orphaned:
        head.append(f"(orphaned: {note.orphan_reason})")
    lines = [sanitize_line("  ".join(head))]
    if note.article.title:
        lines.append("  " + sanitize_line(note.article.title))
    if note.quote:
        lines += ["  > " + line for line in sanitize_text(note.quote).strip("\n").split("\n")]
    lines += ["  " + line for line in sanitize_text(note.text.replace("\r\n", "\n")).split("\n")]
    return "\n".join(lines) + "\n"


def run_export(args: argparse.Namespace) -> int:
    """Export notes to stdout (sanitised) or to a file (exact)."""
    store = open_store(args)
    notes = store.list(tag=args.tag)
    text = export(notes, args.format)
    if args.output is None:
        sys.stdout.write(sanitize_text(text))
        return 0
    try:
        with open(args.output, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    except OSError as exc:
        return fail(f"{args.output}: cannot write ({exc.strerror or exc})")
    print(f"exported {len(notes)} note(s) to {sanitize_line(str(args.output))}", file=sys.stderr)
    return 0
