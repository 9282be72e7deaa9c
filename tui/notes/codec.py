"""The notes file format: notes <-> TOML bytes, with validation of what a person may have hand-edited.

```toml
version = 1

[[notes]]
id = "18a3…"              # 32 hex digits, stable
article = "rbc/2022-01-05-…" # Article.id
text = "The note itself"
tags = ["check", "casualties"]
created = "2026-11-22T03:00:00.000Z"
updated = "2026-11-22T03:05:10.412Z"
title = "Article title"    # captured when the note was made
outlet = "rbc.ru"
date = "2022-01-05"
sha1 = "5f0c…"             # the article file's hash when the note was made
detached = true            # only when the article under `article` is no longer that one
quote = "…"                # only for a quote without anchor

[notes.anchor]             # only for a passage note
quote = "the passage"
prefix = "text before"
suffix = "text after"
start = 120
end = 131
status = "exact"           # exact | moved | orphaned
```

Strings are always written as single-line basic strings (tomli-w's multiline mode turns `\\r\\n` into
`\\n`). Values TOML cannot hold never reach tomli-w: None is left out, and a string with lone
surrogates is written twice — readable, with U+FFFD, under its key, and exactly, in Python's ASCII
`unicode_escape` form, under `<key>_exact` (used on reading only while the readable copy was not
edited by hand). JSON escapes would not do: a JSON reader joins `\\ud800\\udc00` into one character.
C1 controls, bidi controls and line/paragraph separators are written as `\\uXXXX` escapes so that
`cat notes.toml` is safe.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from tui.notes.model import Anchor, AnchorStatus, ArticleMeta, Note, NotesError, normalize_tags

FORMAT_VERSION = 1

_SURROGATES = re.compile("[\ud800-\udfff]")
# Characters that are legal raw in a TOML basic string but unsafe to show in a terminal.
_UNSAFE = re.compile("[\x80-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")

_NOTE_STRINGS = (
    "article", "text", "title", "outlet", "date", "sha1", "quote", "created", "updated",
)  # fmt: skip
_NOTE_KEYS = {
    "id",
    "article",
    "tags",
    "anchor",
    "detached",
    *_NOTE_STRINGS,
    *(f"{k}_exact" for k in _NOTE_STRINGS),
}
_ANCHOR_STRINGS = ("quote", "prefix", "suffix")
_ANCHOR_KEYS = {
    "start",
    "end",
    "status",
    *_ANCHOR_STRINGS,
    *(f"{k}_exact" for k in _ANCHOR_STRINGS),
}


def dumps(notes: list[Note]) -> bytes:
    """The whole notes file for `notes`, as UTF-8 bytes."""
    doc = {"version": FORMAT_VERSION, "notes": [note_to_table(n) for n in notes]}
    return escape_unsafe(tomli_w.dumps(doc)).encode("utf-8")


def escape_unsafe(toml_text: str) -> str:
    r"""Replace terminal-unsafe characters with `\uXXXX` escapes.

    Only valid for TOML in which every such character sits inside a basic string (as tomli-w writes
    it, without multiline strings), where the escape means the same character.
    """
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04X}", toml_text)


def note_to_table(note: Note) -> dict[str, Any]:
    """One note as a TOML table (None values left out, surrogates made writable)."""
    table: dict[str, Any] = {"id": note.id}
    _put(table, "article", note.article_id)
    _put(table, "text", note.text)
    table["tags"] = [_SURROGATES.sub("\ufffd", t) for t in note.tags]
    _put(table, "created", note.created)
    _put(table, "updated", note.updated)
    _put(table, "title", note.article.title)
    _put(table, "outlet", note.article.outlet)
    if note.article.date is not None:
        _put(table, "date", note.article.date)
    if note.article.sha1:
        _put(table, "sha1", note.article.sha1)
    if note.detached:
        table["detached"] = True
    if note.anchor is not None:
        a = note.anchor
        anchor: dict[str, Any] = {}
        _put(anchor, "quote", a.quote)
        _put(anchor, "prefix", a.prefix)
        _put(anchor, "suffix", a.suffix)
        anchor.update(start=a.start, end=a.end, status=a.status.value)
        table["anchor"] = anchor
    elif note.quote is not None:
        _put(table, "quote", note.quote)
    return table


def _put(table: dict[str, Any], key: str, value: str) -> None:
    if _SURROGATES.search(value):
        table[key] = _SURROGATES.sub("\ufffd", value)
        table[f"{key}_exact"] = value.encode("unicode_escape").decode("ascii")  # exact for any str
    else:
        table[key] = value


def loads(raw: bytes, path: Path) -> dict[str, Note]:
    """Parse a notes file. Raises NotesError naming the file and the problem; never guesses."""
    where = str(path)
    try:
        doc = tomllib.loads(raw.decode("utf-8-sig"))  # a BOM from a Windows editor is fine
    except UnicodeDecodeError as exc:
        raise NotesError(f"{where}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise NotesError(f"{where}: not valid TOML ({exc})") from None
    version = doc.get("version", FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        raise NotesError(f"{where}: 'version' should be an integer")
    if version > FORMAT_VERSION:
        raise NotesError(
            f"{where}: written by a newer Sverka (format version {version}, this one reads {FORMAT_VERSION})"
        )
    unknown = set(doc) - {"version", "notes"}
    if unknown:
        raise NotesError(
            f"{where}: unknown top-level key {sorted(unknown)[0]!r} (expected 'version' or 'notes')"
        )
    tables = doc.get("notes", [])
    if not isinstance(tables, list):
        raise NotesError(f"{where}: 'notes' should be an array of tables ([[notes]])")
    notes: dict[str, Note] = {}
    for i, table in enumerate(tables, 1):
        note = _note_from_table(table, f"{where}: note #{i}")
        if note.id in notes:
            raise NotesError(f"{where}: note #{i}: id {note.id!r} is used twice")
        notes[note.id] = note
    return notes


def _note_from_table(table: object, where: str) -> Note:
    if not isinstance(table, dict):
        raise NotesError(f"{where}: should be a table")
    _check_keys(table, _NOTE_KEYS, where)
    note_id = _str(table, "id", where, required=True)
    if not note_id:
        raise NotesError(f"{where}: 'id' is empty")
    where = f"{where} (id {note_id})"
    tags = table.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise NotesError(f"{where}: 'tags' should be an array of strings")
    anchor = None
    if "anchor" in table:
        anchor = _anchor_from_table(table["anchor"], f"{where}: anchor")
    date = _str(table, "date", where) if "date" in table else None
    detached = table.get("detached", False)
    if not isinstance(detached, bool):
        raise NotesError(f"{where}: 'detached' should be true or false")
    quote = (
        anchor.quote
        if anchor is not None
        else (_str(table, "quote", where) if "quote" in table else None)
    )
    return Note(
        id=note_id,
        article_id=_str(table, "article", where, required=True),
        text=_str(table, "text", where),
        tags=normalize_tags(tags),
        quote=quote,
        anchor=anchor,
        article=ArticleMeta(
            title=_str(table, "title", where),
            outlet=_str(table, "outlet", where),
            date=date,
            sha1=_str(table, "sha1", where),
        ),
        created=_str(table, "created", where),
        updated=_str(table, "updated", where),
        detached=detached,
    )


def _anchor_from_table(table: object, where: str) -> Anchor:
    if not isinstance(table, dict):
        raise NotesError(f"{where}: should be a table")
    _check_keys(table, _ANCHOR_KEYS, where)
    start, end = table.get("start"), table.get("end")
    if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in (start, end)):
        raise NotesError(f"{where}: 'start' and 'end' should be non-negative integers")
    assert isinstance(start, int) and isinstance(end, int)
    status_value = table.get("status", AnchorStatus.EXACT.value)
    try:
        status = AnchorStatus(status_value)
    except ValueError:
        raise NotesError(f"{where}: 'status' should be 'exact', 'moved' or 'orphaned'") from None
    if status is AnchorStatus.ARTICLE:
        raise NotesError(f"{where}: 'status' should be 'exact', 'moved' or 'orphaned'")
    return Anchor(
        quote=_str(table, "quote", where, required=True),
        prefix=_str(table, "prefix", where),
        suffix=_str(table, "suffix", where),
        start=start,
        end=end,
        status=status,
    )


def _check_keys(table: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise NotesError(f"{where}: unknown key {unknown[0]!r}")


def _str(table: dict[str, Any], key: str, where: str, required: bool = False) -> str:
    """A string value, preferring the exact `<key>_exact` copy while the readable copy matches it."""
    if key not in table:
        if required:
            raise NotesError(f"{where}: missing {key!r}")
        return ""
    value = table[key]
    if key in ("created", "updated", "date") and isinstance(value, datetime.date | datetime.time):
        return _iso(value)  # a hand-written TOML date/datetime
    if not isinstance(value, str):
        raise NotesError(f"{where}: {key!r} should be a string")
    exact = table.get(f"{key}_exact")
    if isinstance(exact, str):
        try:
            decoded = exact.encode("ascii").decode("unicode_escape")
        except UnicodeError:
            decoded = None
        if decoded is not None and _SURROGATES.sub("\ufffd", decoded) == value:
            return decoded
    return value


def _iso(value: datetime.date | datetime.time) -> str:
    """A TOML date/time as the ISO string the notes file uses (UTC datetimes end in `Z`)."""
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        value = value.astimezone(datetime.UTC)
        return value.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return value.isoformat()
