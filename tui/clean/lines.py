"""The line model of the multi-line path: raw lines with offsets and cheap features."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\n]+")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Ends a sentence: . ! ? … optionally followed by closing quotes or brackets.
_TERMINAL = re.compile(r"[.!?…][\"'»”“’)\]]*$")
_ENDS_PERIOD = re.compile(r"[.…][\"'»”“’)\]]*$")
_CLOSERS = "\"'»”“’)]"
_SENTENCE_END = ".!?…"
_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+\S")
_BULLET = re.compile(r"^[•·▪●◦‣*–—-]\s+\S")

BODY_MIN_WORDS = 6
LONG_WORDS = 25
QUESTION_MIN_WORDS = 15


@dataclass(slots=True)
class Line:
    """One non-blank raw line: stripped text, raw span and what the cleaner decided."""

    text: str
    start: int
    end: int
    gap_before: bool
    words: int
    status: str = "keep"  # keep | drop | title | date
    reason: str = ""
    kind: str = "paragraph"
    terminal: bool = False
    """Ends with sentence punctuation."""
    ends_with_period: bool = False
    """Ends with a full stop or an ellipsis (not ? or !)."""
    numbered: int | None = None
    """The item number of a «1. …» / «1) …» line."""
    bulleted: bool = False
    """A «• …» / «— …» list item."""
    edge_reason: str = ""
    """A rule that removes this line only above or below the body («Политика» as a menu item)."""

    def __post_init__(self) -> None:
        # _TERMINAL / _ENDS_PERIOD on the last 8 characters, with str methods (runs on every line)
        last = self.text[-8:].rstrip(_CLOSERS)[-1:]
        self.terminal = last in _SENTENCE_END if last else False
        self.ends_with_period = last in ".…" if last else False
        head = self.text[:1]
        if head.isdigit():
            found = _NUMBERED.match(self.text)
            self.numbered = int(found.group(1)) if found else None
        elif not head.isalnum():
            self.bulleted = bool(_BULLET.match(self.text))

    @property
    def kept(self) -> bool:
        """Still a candidate for the cleaned text."""
        return self.status == "keep"

    @property
    def body_like(self) -> bool:
        """Looks like a paragraph of running text (or a sentence introducing a quote or list)."""
        if self.words >= LONG_WORDS:
            return True
        if self.text.endswith((":", ";")):
            return self.words >= 4
        if self.terminal and not self.ends_with_period:  # «…?» «…!»: a headline, if short
            return self.words >= QUESTION_MIN_WORDS
        return self.words >= BODY_MIN_WORDS and self.terminal

    def drop(self, reason: str) -> None:
        """Mark the line removed, keeping the first reason given."""
        if self.status == "keep":
            self.status = "drop"
            self.reason = reason


_LONE_MARKS = (" — ", " – ", " - ", " • ", " | ", " / ")


def count_words(text: str) -> int:
    """Whitespace-separated tokens, less lone dashes and bullets (cheap: this runs on every line).

    Printable text (no tab, no-break or other odd space) with single spaces and no space at
    either end has one word more than spaces: counted without splitting it into a list."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        words = text.count(" ") + 1 if text else 0
    else:
        words = len(text.split())
    if " " in text:
        padded = ""
        for mark in _LONE_MARKS:
            if mark[1] in text:  # one character: a much faster scan than the three
                padded = padded or f" {text} "
                words -= padded.count(mark)
    return words


def has_odd_space(text: str) -> bool:
    """Double spaces, tabs or non-breaking and thin spaces (str tests: faster than a regex)."""
    return (
        "  " in text
        or "\u00a0" in text
        or "\t" in text
        or "\u2009" in text
        or "\u202f" in text
        or "\r" in text
        or "\u2002" in text
        or "\u2003" in text
    )


def split_lines(raw: str) -> list[Line]:
    """Non-blank lines with the raw offsets of their stripped content."""
    lines: list[Line] = []
    previous_end = 0
    for found in _LINE.finditer(raw):
        segment = found.group()
        stripped = segment.strip()
        if not stripped:
            continue
        start = found.start() + (len(segment) - len(segment.lstrip()))
        end = start + len(stripped)
        gap = raw.count("\n", previous_end, found.start()) > 1 or not lines
        text = " ".join(stripped.split()) if has_odd_space(stripped) else stripped
        if "\u200b" in text or "\u00ad" in text or "\ufeff" in text:  # invisible characters
            text = text.replace("\u200b", "").replace("\u00ad", "").replace("\ufeff", "").strip()
            if not text:
                continue
        lines.append(Line(text, start, end, gap, count_words(text)))
        previous_end = found.end()
    return lines


def headline_like(line: Line, max_words: int = 25) -> bool:
    """A short line without a closing full stop: a headline, menu item or caption."""
    return 1 <= line.words <= max_words and not line.ends_with_period and len(line.text) <= 300


def stopword_ratio(text: str, stopwords: frozenset[str]) -> float:
    """Share of words that are function words (high in prose, near zero in menus and tags)."""
    words = [w.casefold().replace("ё", "е") for w in _WORD.findall(text)]
    if not words:
        return 0.0
    return sum(w in stopwords for w in words) / len(words)


def title_case_ratio(text: str) -> float:
    """Share of words that start with a capital (high in menus: «Новости Политика Спорт»)."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    return sum(w[0].isupper() for w in words) / len(words)
