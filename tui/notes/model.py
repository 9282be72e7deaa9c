"""The notes data model: `Note`, `Anchor`, `ArticleMeta`, `AnchorStatus` and `NotesError`.

Plain frozen dataclasses, so notes compare by value (the store's three-way merge relies on it) and
can be handed to the UI without anyone mutating them behind the store's back.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from tui.corpus.sanitize import sanitize_line


class NotesError(Exception):
    """The notes file could not be read or written. The message is one readable sentence.

    Raised by `NotesStore.add`/`update` after the change was made in memory; `note` is then the
    note as it stands (kept, `pending`, saved by the next successful save).
    """

    note: Note | None = None


class AnchorStatus(StrEnum):
    """Where a passage note's quote was found in the current cleaned text."""

    ARTICLE = "article"
    """The note is on the whole article; it has no passage."""
    EXACT = "exact"
    """The quote is where it was when the note was made."""
    MOVED = "moved"
    """The quote was found elsewhere in the text (the text shifted); the offsets were updated."""
    ORPHANED = "orphaned"
    """The quote is no longer in the text. The note is kept; it is never moved to a look-alike."""


@dataclass(frozen=True)
class Anchor:
    """A passage in `Document.text`: the quoted text, some context either side, and its offsets."""

    quote: str
    """The passage exactly as it was in the cleaned text when the note was made."""
    prefix: str
    """Up to `CONTEXT` characters of text just before the passage."""
    suffix: str
    """Up to `CONTEXT` characters of text just after the passage."""
    start: int
    """Offset of the passage's first character in `Document.text`."""
    end: int
    """Offset just past the passage's last character (`text[start:end] == quote`)."""
    status: AnchorStatus = AnchorStatus.EXACT
    """What the last re-anchoring found."""


@dataclass(frozen=True)
class ArticleMeta:
    """What a note remembers about its article, captured when the note is made (used by export,
    and to tell whether the article now under the note's id is still the one it was made on)."""

    title: str = ""
    outlet: str = ""
    date: str | None = None
    sha1: str = ""
    """`Article.sha1` (the hash of the file's bytes) when the note was made; "" if unknown."""


@dataclass(frozen=True)
class ArticleState:
    """An article as it is now, for checking and re-anchoring its notes (`NotesStore.reanchor`)."""

    text: str
    """Its cleaned text (`Document.text`)."""
    sha1: str = ""
    title: str = ""


def same_article(meta: ArticleMeta, sha1: str, title: str) -> bool:
    """Is the article now under a note's id (content hash `sha1`, `title`) the one the note was
    made on (`meta`)? The same bytes, or — a file edited since — the same title. A note made
    before hashes were kept is judged by its title alone; with neither, it cannot be told and
    counts as the same."""
    if meta.sha1 and sha1 and meta.sha1 == sha1:
        return True
    if meta.title and title:
        return _title_key(meta.title) == _title_key(title)
    return not (meta.sha1 and sha1)


def _title_key(title: str) -> str:
    return " ".join(title.casefold().replace("ё", "е").split())


def now_iso() -> str:
    """The current time as an ISO 8601 UTC string with milliseconds, e.g. `2026-11-22T03:00:00.123Z`."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


_last_id_ns = 0


def new_note_id() -> str:
    """A fresh, stable note id: 32 hex digits, the creation time in nanoseconds (never repeated in
    a process) then 64 random bits. Notes list by creation stamp, which has milliseconds, then by
    id, so notes made within one millisecond (a script adding several) keep the order they were
    made in; the random half keeps ids from two processes apart."""
    global _last_id_ns
    _last_id_ns = max(time.time_ns(), _last_id_ns + 1)
    return f"{_last_id_ns:016x}{secrets.randbits(64):016x}"


@dataclass(frozen=True)
class Note:
    """One note: on a whole article, or on a passage of its cleaned text (`anchor`)."""

    id: str
    """Stable id (32 hex digits, `new_note_id`); never changes once the note exists."""
    article_id: str
    """`Article.id` of the article the note is about."""
    text: str
    """The user's own text, kept exactly as typed."""
    tags: tuple[str, ...] = ()
    """Normalised tags (see `normalize_tags`), in the order given, without duplicates."""
    quote: str | None = None
    """The quoted passage (equal to `anchor.quote` when there is an anchor)."""
    anchor: Anchor | None = None
    """Where the quote sits in `Document.text`, or None for a note on the whole article."""
    article: ArticleMeta = field(default_factory=ArticleMeta)
    """Article title/outlet/date as they were when the note was made."""
    created: str = ""
    """ISO 8601 UTC time the note was made."""
    updated: str = ""
    """ISO 8601 UTC time the note was last changed."""
    detached: bool = False
    """The last check found another article under `article_id` (neither the bytes nor the
    title the note was made on, `same_article`): the note is orphaned — kept, listed, and never
    re-anchored into that other article's text."""

    @property
    def status(self) -> AnchorStatus:
        """`ORPHANED` for a detached note, `ARTICLE` for a note without anchor, else the anchor's
        last known status."""
        if self.detached:
            return AnchorStatus.ORPHANED
        if self.anchor is None:
            return AnchorStatus.ARTICLE
        return self.anchor.status

    @property
    def orphaned(self) -> bool:
        """True when the note's article changed identity or its passage was not found."""
        return self.status is AnchorStatus.ORPHANED

    @property
    def orphan_reason(self) -> str:
        """Why the note is orphaned, in a few words ("" if it is not)."""
        if self.detached:
            return "the article under this id is no longer the one the note was made on"
        if self.orphaned:
            return "passage not found"
        return ""


def normalize_tag(tag: str) -> str:
    """One tag as stored: no control characters, commas or surrounding/repeated whitespace."""
    return " ".join(sanitize_line(_no_surrogates(tag)).replace(",", " ").split())


def normalize_tags(tags: Iterable[str] | str | None) -> tuple[str, ...]:
    """Normalise an iterable of tags (or one comma-separated string); drop empties and repeats."""
    if isinstance(tags, str):
        tags = tags.split(",")
    out: list[str] = []
    for tag in tags or ():
        norm = normalize_tag(str(tag))
        if norm and norm not in out:
            out.append(norm)
    return tuple(out)


def _no_surrogates(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD."""
    return _SURROGATES.sub("\ufffd", text) if text else text


_SURROGATES = re.compile("[\ud800-\udfff]")
