"""The line model of the multi-line path: raw lines with offsets and cheap features."""

from __future__ import annotations

import re

_LINE = re.compile(r"[^\n]+")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Ends a sentence: . ! ? … optionally followed by closing quotes or brackets.
_TERMINAL = re.compile(r"[.!?…][\"'»”“’)\]]*$")
_ENDS_PERIOD = re.compile(r"[.…][\"'»”“’)\]]*$")
_CLOSERS = "\"'»”“’)]"
_SENTENCE_END = ".!?…"
_CLOSER_SET = frozenset(_CLOSERS)  # sets of single characters: "" is in no set, unlike in a str
_SENTENCE_END_SET = frozenset(_SENTENCE_END)
_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+\S")
_BULLET = re.compile(r"^[•·▪●◦‣*–—-]\s+\S")

# A superset of `\d` as a class of plain ranges: ASCII digits, and for the other decimal digits
# (all at U+0660 or above, none in the General Punctuation block; a test checks every code point)
# everything from U+0660 up except that block. Cyrillic, Latin and «—» «…» «“» are outside it.
# The regex engine tests such a class with a bitmap lookup per character; `\d` costs a Unicode
# category lookup per character, about twice as slow, so gates scan for this class instead.
DIGIT_SUPERSET = "0-9\u0660-\u1fff\u2070-\U0010ffff"
MAYBE_DIGIT = re.compile(f"[{DIGIT_SUPERSET}]")

BODY_MIN_WORDS = 6
LONG_WORDS = 25
QUESTION_MIN_WORDS = 15


class Line:
    """One non-blank raw line: stripped text, raw span and what the cleaner decided.

    A plain slotted class rather than a dataclass: one is built per line of every page, and the
    cleaner reads `kept` and `body_like` hundreds of times per page, so both are attributes
    computed once (`kept` follows `status` through its setter; `body_like` depends only on the
    text and the word count, which never change after construction)."""

    __slots__ = (
        "text",
        "start",
        "end",
        "gap_before",
        "words",
        "_status",
        "kept",
        "reason",
        "kind",
        "terminal",
        "ends_with_period",
        "numbered",
        "bulleted",
        "edge_reason",
        "body_like",
        "plain",
        "glued",
    )

    text: str
    start: int
    end: int
    gap_before: bool
    words: int
    kept: bool
    """Still a candidate for the cleaned text (status «keep»)."""
    reason: str
    kind: str
    terminal: bool
    """Ends with sentence punctuation."""
    ends_with_period: bool
    """Ends with a full stop or an ellipsis (not ? or !)."""
    numbered: int | None
    """The item number of a «1. …» / «1) …» line."""
    bulleted: bool
    """A «• …» / «— …» list item."""
    edge_reason: str
    """A rule that removes this line only above or below the body («Политика» as a menu item)."""
    body_like: bool
    """Looks like a paragraph of running text (or a sentence introducing a quote or list)."""
    plain: bool
    """Known to be printable with single spaces (no odd space for `repair_glue` to collapse)."""

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        gap_before: bool,
        words: int,
        status: str = "keep",
        reason: str = "",
        kind: str = "paragraph",
        *,
        plain: bool = False,
    ) -> None:
        self.text = text
        self.plain = plain
        self.start = start
        self.end = end
        self.gap_before = gap_before
        self.words = words
        self._status = status
        self.kept = status == "keep"
        self.reason = reason
        self.kind = kind
        self.edge_reason = ""
        self.glued = False  # sentences of article text with a boilerplate rule's match inside
        # _TERMINAL / _ENDS_PERIOD on the last 8 characters, with str methods (runs on every line).
        # Most lines end with a letter or a mark, not a closing quote: their last character is
        # the one `text[-8:].rstrip(_CLOSERS)[-1:]` gives, without the two copies (a test
        # compares the flags with the regexes).
        last = text[-1:]
        if last in _CLOSER_SET:
            last = text[-8:].rstrip(_CLOSERS)[-1:]
        terminal = self.terminal = last in _SENTENCE_END_SET
        period = self.ends_with_period = last == "." or last == "…"
        self.numbered = None
        self.bulleted = False
        head = text[:1]
        if head.isdigit():
            found = _NUMBERED.match(text)
            self.numbered = int(found.group(1)) if found else None
        elif not head.isalnum():
            self.bulleted = bool(_BULLET.match(text))
        # body_like, as the rules read: long; «…:» / «…;» introducing something; «…?» «…!» (a
        # headline, if short); a sentence of BODY_MIN_WORDS words or more.
        if words >= LONG_WORDS:
            self.body_like = True
        elif text.endswith((":", ";")):
            self.body_like = words >= 4
        elif terminal and not period:
            self.body_like = words >= QUESTION_MIN_WORDS
        else:
            self.body_like = words >= BODY_MIN_WORDS and terminal

    @property
    def status(self) -> str:
        """keep | drop | title | date."""
        return self._status

    @status.setter
    def status(self, value: str) -> None:
        self._status = value
        self.kept = value == "keep"

    def drop(self, reason: str) -> None:
        """Mark the line removed, keeping the first reason given."""
        if self.kept:
            self._status = "drop"
            self.kept = False
            self.reason = reason

    def __repr__(self) -> str:
        return (
            f"Line(text={self.text!r}, start={self.start}, end={self.end}, "
            f"status={self._status!r}, reason={self.reason!r})"
        )


_LONE_MARKS = (" — ", " – ", " - ", " • ", " | ", " / ")
# (the mark's character, the mark, the mark as a text may start or end with it): sliced once here,
# not on every line (a slice of a non-Latin-1 string is a new string each time).
_LONE_MARK_PARTS = tuple((mark[1], mark, mark[1:], mark[:-1]) for mark in _LONE_MARKS)


def count_words(text: str) -> int:
    """Whitespace-separated tokens, less lone dashes and bullets (cheap: this runs on every line).

    Printable text (no tab, no-break or other odd space) with single spaces and no space at
    either end has one word more than spaces: counted without splitting it into a list."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        words = text.count(" ") + 1 if text else 0
    else:
        words = len(text.split())
    if " " in text:
        words -= _lone_marks(text)
    return words


def _lone_marks(text: str) -> int:
    """How many lone dashes, bullets and bars (« — », « | » …) `text` holds, at its ends too."""
    padded = ""
    found = 0
    for char, mark, head, tail in _LONE_MARK_PARTS:
        if char in text:  # one character: a much faster scan than the three
            if text.startswith(head) or text.endswith(tail):
                padded = padded or f" {text} "
                found += padded.count(mark)
            else:  # no mark at either end: the same occurrences without copying the text
                found += text.count(mark)
    return found


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


# Markdown a scraper left in the text (a .md file, or markdown saved as .txt): heading and quote
# markers at the start of a line, emphasis, links and images. The reader sees their words only.
_MD_PREFIX = re.compile(r"^(?:#{1,6}|>)\s+(?=\S)")
_MD_MAX_LINE = 20_000
"""Longer lines are not searched for markup (a page scraped into one line is read as it is)."""
# Every span below is bounded (a link text of 300 characters, a URL of 2,000, emphasis of 300): an
# unbounded one would make a hostile line of a million unclosed «**» or «![» cost minutes.
_MD_IMAGE = re.compile(r"!\[([^\]\n]{0,300})\]\([^)\s]{1,2000}(?:\s+\"[^\"\n]{0,300}\")?\)")
_MD_LINK = re.compile(
    r"\[([^\]\n]{1,300})\]\((?:https?://|/|\.)[^)\s]{0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)"
)
_MD_STRONG = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)([^\n]{1,300}?)(?<=\S)\1(?![\w*])")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,300}?)(?<=[^\s*])\*(?![\w*])")


def demarkdown(text: str) -> str:
    """`text` (one stripped line) without markdown markup: «# Заголовок» → «Заголовок», «> цитата»
    → «цитата», «**Нур-Султан.**» → «Нур-Султан.», «[текст](https://…)» → «текст»; an image
    («![Фото: Акорда](…)») becomes its alt text, which the credit rules then judge."""
    text = _MD_PREFIX.sub("", text)
    if "](" in text:
        text = _MD_LINK.sub(r"\1", _MD_IMAGE.sub(r"\1", text))
    if "**" in text or "__" in text:
        text = _MD_STRONG.sub(r"\2", text)
    if "*" in text:
        text = _MD_EMPHASIS.sub(r"\1", text)
    return text.strip()


def _inline_markup(text: str) -> bool:
    """Whether `text` may hold inline markup `demarkdown` removes (emphasis, links, images): a
    cheap gate, tried on the whole page first (two scans; most pages have neither character)."""
    return "*" in text or "](" in text


def split_lines(raw: str) -> list[Line]:
    """Non-blank lines with the raw offsets of their stripped content.

    Fast path: a printable line with single spaces (most lines) has no odd space to collapse, no
    invisible character to take out (all of them are non-printable) and one word more than
    spaces, so it costs three scans instead of the dozen `has_odd_space`, the invisible-character
    tests and `count_words` make."""
    lines: list[Line] = []
    append = lines.append
    pos = 0
    gap = True  # a blank line since the last line kept (the first line starts a paragraph)
    inline = _inline_markup(raw)
    for segment in raw.split("\n"):
        start = pos
        pos += len(segment) + 1
        if not segment:  # an empty line (a third of a page's segments)
            gap = True
            continue
        stripped = segment.strip()
        if not stripped:
            gap = True
            continue
        if len(stripped) != len(segment):
            start += len(segment) - len(segment.lstrip())
        end = start + len(stripped)
        if len(stripped) <= _MD_MAX_LINE and (
            stripped[0] in "#>" or (inline and (_inline_markup(stripped) or "__" in stripped))
        ):
            stripped = demarkdown(stripped)  # (the raw span stays the marked-up line's)
            if not stripped:  # nothing but markup («[](…)»)
                gap = True
                continue
        if stripped.isprintable() and "  " not in stripped:
            text = stripped
            words = stripped.count(" ") + 1
            if words > 1:
                words -= _lone_marks(text)
            append(Line(text, start, end, gap, words, plain=True))
        else:
            text = " ".join(stripped.split()) if has_odd_space(stripped) else stripped
            if "\u200b" in text or "\u00ad" in text or "\ufeff" in text:  # invisible characters
                text = text.replace("\u200b", "").replace("\u00ad", "").replace("\ufeff", "")
                text = text.strip()
                if not text:
                    gap = True
                    continue
            append(Line(text, start, end, gap, count_words(text)))
        gap = False
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
