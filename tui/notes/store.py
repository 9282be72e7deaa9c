"""`NotesStore`: the user's notes in one TOML file, safe under crashes and concurrent instances.

Every change (`add`, `update`, `delete`) is applied in memory and saved at once. A save takes the
lock, re-reads the file and merges three ways — what we last read or wrote (the base), our notes,
and the file now — field by field, so two instances never lose each other's notes, edits or
deletions. If both changed the same field of the same note differently, the file's version keeps the
id and ours is kept as a new note (listed in `SaveResult.conflict_copies`); an edit beats a delete.

A file that does not parse (or is of a newer format) is never written: the save raises `NotesError`
with one readable message, the file stays byte for byte as it was, and the change stays in memory
(`pending`) to be saved by a later successful save.
"""

from __future__ import annotations

import builtins
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path

from tui.notes import codec, safefile
from tui.notes.anchoring import locate
from tui.notes.model import (
    Anchor,
    AnchorStatus,
    ArticleMeta,
    ArticleState,
    Note,
    NotesError,
    new_note_id,
    normalize_tags,
    now_iso,
    same_article,
)

_UNSET = object()


@dataclass(frozen=True)
class SaveResult:
    """What a save did."""

    written: bool
    """False when the file already held exactly the merged notes."""
    conflict_copies: tuple[str, ...] = ()
    """Ids of new notes holding our version of a note another instance changed differently."""


class NotesStore:
    """The notes file at `path`. Call `load()` first; it is safe to use before a file exists."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._notes: dict[str, Note] = {}
        self._base: dict[str, Note] = {}
        self._digest: str | None = None
        self.last_result: SaveResult | None = None

    # -- reading ----------------------------------------------------------------------------

    def load(self) -> list[Note]:
        """(Re)read the file. Cleans stale temp files first.

        Changes not yet saved (`pending`) are not dropped: they are merged with the file as it is
        now, and stay pending until the next successful save. A vanished file keeps every note in
        memory (the next save writes them back).

        Raises NotesError if the file cannot be read or parsed; the notes in memory are then
        unchanged, the file untouched, and saves refuse to overwrite it until it parses again.
        """
        target = self._target()
        if target.parent.is_dir():
            try:  # one try, no wait: a held lock means a save is under way, and cleaning can wait
                with safefile.FileLock(target, timeout=0) as lock:
                    safefile.clean_stale_temps(target, any_age=lock.real)
            except NotesError:
                pass  # locked or read-only: reading still works; a save will say what is wrong
        raw = safefile.read_bytes(target)
        if raw is None:
            self._base, self._digest = {}, None
            return self.list()
        disk = codec.loads(raw, self.path)
        if self.pending:
            self._notes, _ = merge(self._base, self._notes, disk)
        else:
            self._notes = dict(disk)
        self._base, self._digest = dict(disk), _digest(raw)
        return self.list()

    @property
    def pending(self) -> bool:
        """True while some change is not yet in the file (a save failed)."""
        return self._notes != self._base

    def get(self, note_id: str) -> Note:
        """The note with this id (KeyError if none)."""
        return self._notes[note_id]

    def __contains__(self, note_id: object) -> bool:
        return note_id in self._notes

    def __len__(self) -> int:
        return len(self._notes)

    def list(self, article_id: str | None = None, tag: str | None = None) -> list[Note]:
        """Notes, oldest first, optionally only one article's or those carrying `tag` (case-insensitive)."""
        wanted = tag.casefold().strip() if tag else None
        out = [
            n
            for n in self._notes.values()
            if (article_id is None or n.article_id == article_id)
            and (wanted is None or any(t.casefold() == wanted for t in n.tags))
        ]
        out.sort(key=lambda n: (n.created, n.id))
        return out

    def tags(self) -> builtins.list[str]:
        """Every tag in use, sorted case-insensitively."""
        return sorted({t for n in self._notes.values() for t in n.tags}, key=str.casefold)

    # -- changing ---------------------------------------------------------------------------

    def add(
        self,
        article_id: str,
        text: str,
        quote: str | None = None,
        anchor: Anchor | None = None,
        tags: Iterable[str] = (),
        article: ArticleMeta | None = None,
    ) -> Note:
        """Add a note (on the article, or on `anchor`'s passage) and save. Returns the new note.

        `quote` alone records a passage without a position; with `anchor` it must equal
        `anchor.quote`. On NotesError the note stays in memory (`pending`) and the error, whose
        `note` attribute is the new note, propagates.
        """
        if anchor is not None:
            if quote is not None and quote != anchor.quote:
                raise ValueError("quote differs from anchor.quote")
            quote = anchor.quote
        stamp = now_iso()
        note = Note(
            id=new_note_id(),
            article_id=str(article_id),
            text=str(text),
            tags=normalize_tags(tags),
            quote=quote,
            anchor=anchor,
            article=article or ArticleMeta(),
            created=stamp,
            updated=stamp,
        )
        self._notes[note.id] = note
        self._save_keeping(note)
        return self._notes.get(note.id, note)

    def update(
        self,
        note_id: str,
        text: str | None = None,
        tags: Iterable[str] | None = None,
        anchor: Anchor | None | object = _UNSET,
    ) -> Note:
        """Change a note's text, tags and/or anchor, then save. KeyError if there is no such note."""
        note = self._notes[note_id]
        changes: dict[str, object] = {}
        if text is not None and text != note.text:
            changes["text"] = str(text)
        if tags is not None and normalize_tags(tags) != note.tags:
            changes["tags"] = normalize_tags(tags)
        if anchor is not _UNSET and anchor != note.anchor:
            assert anchor is None or isinstance(anchor, Anchor)
            changes["anchor"] = anchor
            changes["quote"] = anchor.quote if anchor is not None else None
        if changes:
            note = replace(note, updated=now_iso(), **changes)  # type: ignore[arg-type]
            self._notes[note_id] = note
        self._save_keeping(note)
        return self._notes.get(note_id, note)

    def delete(self, note_id: str) -> None:
        """Delete a note and save. KeyError if there is no such note."""
        del self._notes[note_id]
        self.save()

    def reanchor(self, note: Note | str, article: ArticleState | str) -> AnchorStatus:
        """Check a note against its article as it is now and re-attach its passage to the current
        cleaned text; returns the note's status.

        `article` is an `ArticleState` (cleaned text, content hash, title) or just the cleaned
        text. With an `ArticleState`, a note whose article changed identity (`same_article`) is
        marked `detached` (orphaned) and its passage is not looked for in the other article's
        text. The result is kept in memory (not saved: call `save()` if `pending`). The quote and
        context never change; an orphaned note keeps its old offsets.
        """
        current = self._notes[note if isinstance(note, str) else note.id]
        if isinstance(article, ArticleState):
            detached = not same_article(current.article, article.sha1, article.title)
            if detached != current.detached:
                current = self._notes[current.id] = replace(current, detached=detached)
            if detached:
                return AnchorStatus.ORPHANED
            text = article.text
        else:
            text = article
        if current.anchor is None:
            return current.status
        found = locate(current.anchor, text)
        if found != current.anchor:
            current = self._notes[current.id] = replace(current, anchor=found)
        return current.status

    # -- saving -----------------------------------------------------------------------------

    def _target(self) -> Path:
        """The file actually written: a symlinked notes file is written through, not replaced."""
        return Path(os.path.realpath(self.path))

    def _save_keeping(self, note: Note) -> None:
        """Save; on failure the change stays in memory and the error carries the note."""
        try:
            self.save()
        except NotesError as exc:
            exc.note = note
            raise

    def save(self) -> SaveResult:
        """Merge with the file as it is now and write the result atomically (see module doc)."""
        target = self._target()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise NotesError(
                f"{target.parent}: cannot create the notes folder ({exc.strerror or exc})"
            ) from None
        with safefile.FileLock(target) as lock:
            safefile.clean_stale_temps(target, any_age=lock.real)
            raw = safefile.read_bytes(target)
            if raw is None or _digest(raw) == self._digest:
                disk = (
                    self._base
                )  # unchanged (a vanished file is rewritten with everything we have)
            else:
                disk = codec.loads(raw, self.path)  # NotesError: nothing is written
            merged, copies = merge(self._base, self._notes, disk)
            ordered = sorted(merged.values(), key=lambda n: (n.created, n.id))
            data = codec.dumps(ordered)
            written = data != raw
            if written:
                try:
                    safefile.replace_keeping_backups(target, data, raw)
                except OSError as exc:
                    raise NotesError(
                        f"{self.path}: cannot save notes ({exc.strerror or exc})"
                    ) from None
        self._notes, self._base, self._digest = dict(merged), dict(merged), _digest(data)
        self.last_result = SaveResult(written=written, conflict_copies=tuple(copies))
        return self.last_result


def merge(
    base: dict[str, Note], ours: dict[str, Note], theirs: dict[str, Note]
) -> tuple[dict[str, Note], list[str]]:
    """Three-way merge of notes by id, field by field. Returns the notes and ids of conflict copies."""
    merged: dict[str, Note] = {}
    copies: list[str] = []
    for note_id in list(dict.fromkeys([*theirs, *ours, *base])):
        b, o, t = base.get(note_id), ours.get(note_id), theirs.get(note_id)
        if o == t:
            result = o
        elif o == b:
            result = t
        elif t == b:
            result = o
        elif o is None or t is None:
            result = t if o is None else o  # an edit beats a delete
        else:
            result = _merge_fields(b, o, t)
            if result is None:  # same field changed both ways: keep both
                result = t
                copy = replace(o, id=new_note_id())
                merged[copy.id] = copy
                copies.append(copy.id)
        if result is not None:
            merged[note_id] = result
    return merged, copies


def _merge_fields(base: Note | None, ours: Note, theirs: Note) -> Note | None:
    """Field-wise merge of two versions of one note, or None on a real conflict."""
    values: dict[str, object] = {}
    for f in fields(Note):
        if f.name == "updated":
            continue
        o, t = getattr(ours, f.name), getattr(theirs, f.name)
        b = getattr(base, f.name) if base is not None else _UNSET
        if o in (t, b):
            values[f.name] = t
        elif t == b:
            values[f.name] = o
        elif f.name == "anchor" and _same_passage(o, t):
            values[f.name] = t  # only offsets/status differ: a re-anchoring, not a user's edit
        elif f.name == "detached":
            values[f.name] = t  # the result of a check, not a user's edit: the later one holds
        else:
            return None
    values["updated"] = max(ours.updated, theirs.updated)
    values["quote"] = values["anchor"].quote if values["anchor"] is not None else values["quote"]  # type: ignore[attr-defined]
    return Note(**values)  # type: ignore[arg-type]


def _same_passage(a: Anchor | None, b: Anchor | None) -> bool:
    return (
        a is not None
        and b is not None
        and (a.quote, a.prefix, a.suffix) == (b.quote, b.prefix, b.suffix)
    )


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()
