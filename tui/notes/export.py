"""Export notes to Markdown (for writing), JSON, TOML or CSV (for other tools).

`export(notes, fmt, articles_meta=None) -> str`. JSON and TOML hold every value exactly (and escape
control and bidi characters, so their text is also safe to print); CSV does too, except that a
cell a spreadsheet would run as a formula (starting with `= + - @`, TAB or CR) gets a leading `'`
(`csv_cell`); all formats replace lone surrogates with U+FFFD. Markdown groups notes by article and
escapes the user's text so that nothing in it can start a heading, list, quote, code block, table,
HTML, link or emphasis: the document's structure is always the exporter's.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

import tomli_w

from tui.corpus.sanitize import sanitize_line, sanitize_text
from tui.notes.codec import escape_unsafe
from tui.notes.model import ArticleMeta, Note, now_iso

FORMATS = ("md", "json", "toml", "csv")
EXPORT_VERSION = 1
CSV_COLUMNS = (
    "id",
    "article_id",
    "title",
    "outlet",
    "date",
    "status",
    "quote",
    "text",
    "tags",
    "created",
    "updated",
    "start",
    "end",
)

_SURROGATES = re.compile("[\ud800-\udfff]")
# Characters json.dumps(ensure_ascii=False) leaves raw but that must not reach a terminal.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")


def export(notes: Iterable[Note], fmt: str, articles_meta: Mapping[str, Any] | None = None) -> str:
    """`notes` as text in `fmt` ('md', 'json', 'toml' or 'csv'). ValueError for another format.

    `articles_meta` maps article id -> `ArticleMeta` (or a dict / object with title, outlet, date)
    and fills in what a note did not capture when it was made.
    """
    notes = list(notes)
    meta = {n.id: _meta(n, articles_meta) for n in notes}
    if fmt == "json":
        return _json_text(
            {"version": EXPORT_VERSION, "notes": [_record(n, meta[n.id]) for n in notes]}
        )
    if fmt == "toml":
        doc = {
            "version": EXPORT_VERSION,
            "notes": [_drop_none(_record(n, meta[n.id])) for n in notes],
        }
        return escape_unsafe(tomli_w.dumps(_no_surrogates(doc)))
    if fmt == "csv":
        return _csv(notes, meta)
    if fmt == "md":
        return _markdown(notes, meta)
    raise ValueError(f"unknown export format {fmt!r} (expected one of: {', '.join(FORMATS)})")


def _meta(note: Note, articles_meta: Mapping[str, Any] | None) -> ArticleMeta:
    own = note.article
    extra = (articles_meta or {}).get(note.article_id)
    if extra is None:
        return own

    def pick(name: str) -> Any:
        value = getattr(own, name)
        if value:
            return value
        return extra.get(name) if isinstance(extra, Mapping) else getattr(extra, name, None)

    return ArticleMeta(title=pick("title") or "", outlet=pick("outlet") or "", date=pick("date"))


def _record(note: Note, meta: ArticleMeta) -> dict[str, Any]:
    a = note.anchor
    return {
        "id": note.id,
        "article_id": note.article_id,
        "article": {"title": meta.title, "outlet": meta.outlet, "date": meta.date},
        "text": note.text,
        "quote": note.quote,
        "tags": list(note.tags),
        "status": note.status.value,
        "anchor": None
        if a is None
        else {"start": a.start, "end": a.end, "prefix": a.prefix, "suffix": a.suffix},
        "created": note.created,
        "updated": note.updated,
    }


def _json_text(value: Any) -> str:
    """Readable JSON (Cyrillic as is) in which terminal-unsafe characters are escapes."""
    text = json.dumps(_no_surrogates(value), ensure_ascii=False, indent=2)
    # Outside strings JSON has only ASCII, so every match is inside a string, where \\uXXXX is exact.
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def _no_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATES.sub("\ufffd", value)
    if isinstance(value, dict):
        return {k: _no_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_no_surrogates(v) for v in value]
    return value


def _csv(notes: list[Note], meta: dict[str, ArticleMeta]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for n in notes:
        m = meta[n.id]
        row = [
            n.id,
            n.article_id,
            m.title,
            m.outlet,
            m.date or "",
            n.status.value,
            n.quote or "",
            n.text,
            ", ".join(n.tags),
            n.created,
            n.updated,
            "" if n.anchor is None else n.anchor.start,
            "" if n.anchor is None else n.anchor.end,
        ]
        writer.writerow([csv_cell(_no_surrogates(v)) for v in row])
    return out.getvalue()


FORMULA_START = tuple("=+-@\t\r＝＋－＠")
"""What makes a spreadsheet read a cell as a formula (OWASP's list, and the full-width signs some
spreadsheets also take)."""


def csv_cell(value: object) -> object:
    """A CSV cell that no spreadsheet runs as a formula: text starting with `= + - @`, TAB or CR
    gets a leading `'` (OWASP's advice; the value is the rest of the cell). Numbers are left as
    they are."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


# -- Markdown -------------------------------------------------------------------------------------

# Escaped wherever they appear: inline code, emphasis, links/images, HTML and entities, tables,
# strikethrough, math, headings' closing hashes, and the backslash itself.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>&|~$#!])")
# At the start of a line (after indentation), these would start a block: list items, quotes,
# setext underlines, thematic breaks.
_MD_LINE_START = re.compile(r"^([-+=>])")
_MD_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def md_escape(text: str) -> str:
    """User text as Markdown that renders as that text and can start no block or inline construct.

    Newlines are kept (paragraphs stay paragraphs); leading indentation becomes character
    references so it cannot start a code block.
    """
    text = _SURROGATES.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = sanitize_text(text)
    lines = []
    for line in text.split("\n"):
        body = line.lstrip(" \t")
        indent = "".join("&#9;" if c == "\t" else "&#32;" for c in line[: len(line) - len(body)])
        body = _MD_INLINE.sub(r"\\\1", body)
        body = _MD_LINE_START.sub(r"\\\1", body)
        body = _MD_ORDERED.sub(r"\1\\\2", body)
        lines.append(indent + body if body else "")
    return "\n".join(lines).strip("\n")


def md_escape_line(text: str) -> str:
    """A one-line value (title, outlet, tag) escaped for Markdown, newlines flattened."""
    return md_escape(sanitize_line(text))


def _markdown(notes: list[Note], meta: dict[str, ArticleMeta]) -> str:
    groups: dict[str, list[Note]] = {}
    for n in sorted(notes, key=lambda n: (n.created, n.id)):
        groups.setdefault(n.article_id, []).append(n)
    out = ["# Sverka notes", "", f"Exported {now_iso()}, {len(notes)} note(s).", ""]
    for article_id, group in groups.items():
        m = meta[group[0].id]
        title = md_escape_line(m.title) or md_escape_line(article_id)
        out += [f"## {title}", ""]
        details = [
            md_escape_line(m.outlet) if m.outlet else "",
            md_escape_line(m.date) if m.date else "",
        ]
        details.append(f"id: {md_escape_line(article_id)}")
        out += [" · ".join(d for d in details if d), ""]
        for n in group:
            out += _md_note(n)
    return "\n".join(out).rstrip("\n") + "\n"


def _md_note(note: Note) -> list[str]:
    out: list[str] = [
        f"### Note {md_escape_line(note.created[:16].replace('T', ' ')) or md_escape_line(note.id[:8])}",
        "",
    ]
    quote = md_escape(note.quote or "")
    if quote:
        if note.orphaned:
            out += ["*Passage no longer found in the article's current text:*", ""]
        out += [("> " + line) if line else ">" for line in quote.split("\n")]
        out.append("")
    body = md_escape(note.text)
    if body:
        out += [body, ""]
    if note.tags:
        out += ["Tags: " + ", ".join(md_escape_line(t) for t in note.tags), ""]
    return out
