"""Anchoring passage notes in `Document.text`, and finding them again after the text shifts.

The order of trust when re-attaching (`locate`):
1. the quote is still at its offsets -> `EXACT`;
2. the quote occurs elsewhere -> `MOVED` to the occurrence whose surrounding text best matches the
   saved context (ties go to the occurrence nearest the old offset). A short quote (under
   `SHORT_QUOTE` characters) or one with several occurrences must also share some context, so a
   note is never re-attached to a mere look-alike;
3. otherwise -> `ORPHANED`: the note keeps its quote and old offsets and is listed as orphaned.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tui.notes.model import Anchor, AnchorStatus

CONTEXT = 40
"""Characters of context saved on each side of a quote."""

SHORT_QUOTE = 20
"""Quotes shorter than this need matching context to be re-attached away from their offsets."""

MIN_CONTEXT_SCORE = 3
"""Characters of matching context needed where context is required (see `SHORT_QUOTE`)."""


def make_anchor(document_text: str, start: int, end: int) -> Anchor:
    """An anchor for `document_text[start:end]` with up to `CONTEXT` characters each side.

    Raises ValueError for an empty or out-of-range span.
    """
    if not 0 <= start < end <= len(document_text):
        raise ValueError(
            f"passage {start}..{end} is empty or outside the text (0..{len(document_text)})"
        )
    return Anchor(
        quote=document_text[start:end],
        prefix=document_text[max(0, start - CONTEXT) : start],
        suffix=document_text[end : end + CONTEXT],
        start=start,
        end=end,
    )


def find_quote(document_text: str, quote: str) -> tuple[int, int] | None:
    """The span of the first occurrence of `quote`, exactly or else ignoring whitespace differences.

    Meant for quotes a person typed (the CLI's `--quote`): runs of whitespace in the quote match any
    run of whitespace in the text. Returns None when the quote is not in the text.
    """
    quote = quote.strip()
    if not quote:
        return None
    pos = document_text.find(quote)
    if pos >= 0:
        return pos, pos + len(quote)
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    match = re.search(pattern, document_text)
    return (match.start(), match.end()) if match else None


def count_occurrences(document_text: str, quote: str) -> int:
    """How many (possibly overlapping) times `quote` occurs in `document_text`."""
    return len(_occurrences(document_text, quote))


def locate(anchor: Anchor, document_text: str) -> Anchor:
    """`anchor` re-attached to `document_text`: same quote, new offsets and a new `status`.

    The quote and context are never changed; an orphaned anchor keeps its old offsets.
    """
    quote = anchor.quote
    if not quote:
        return replace(anchor, status=AnchorStatus.ORPHANED)
    if document_text[anchor.start : anchor.end] == quote and anchor.start >= 0:
        return replace(anchor, status=AnchorStatus.EXACT)
    hits = _occurrences(document_text, quote)
    if not hits:
        return replace(anchor, status=AnchorStatus.ORPHANED)
    scored = [
        (_context_score(anchor, document_text, pos), -abs(pos - anchor.start), pos) for pos in hits
    ]
    best_score, _, best_pos = max(scored)
    needs_context = len(hits) > 1 or len(quote) < SHORT_QUOTE
    if needs_context and best_score < MIN_CONTEXT_SCORE:
        return replace(anchor, status=AnchorStatus.ORPHANED)
    return replace(anchor, start=best_pos, end=best_pos + len(quote), status=AnchorStatus.MOVED)


def _occurrences(text: str, quote: str) -> list[int]:
    hits: list[int] = []
    pos = text.find(quote)
    while pos >= 0 and quote:
        hits.append(pos)
        pos = text.find(quote, pos + 1)
    return hits


def _context_score(anchor: Anchor, text: str, pos: int) -> int:
    """Characters of saved context that match around an occurrence at `pos` (prefix + suffix)."""
    before = text[max(0, pos - len(anchor.prefix)) : pos]
    after_start = pos + len(anchor.quote)
    after = text[after_start : after_start + len(anchor.suffix)]
    return _common_suffix(before, anchor.prefix) + _common_prefix(after, anchor.suffix)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n
