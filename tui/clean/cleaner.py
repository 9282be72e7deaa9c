"""Raw page text → Document: rules, edge heuristics, title and date, paragraphs with offsets.

The common path works on lines and costs a few regular expressions per line. Only lines of
running text longer than LONG_LINE characters (pages scraped into one line) or long lines with a
photo credit inside go through the sentence-level pass in `sentences.py`.
"""

from __future__ import annotations

import re

from tui.clean.dates import date_in_byline, date_line_of
from tui.clean.document import Document, Piece, Removed, assemble
from tui.clean.glue import repair_glue
from tui.clean.lines import Line, headline_like, split_lines, stopword_ratio
from tui.clean.rules import Rules, default_rules
from tui.clean.sentences import clean_long_line
from tui.clean.titles import pick_title, title_from_lead

LONG_LINE = 1500
_INLINE_CREDIT = re.compile(
    r"[.!?»]\s+(?:Фото|Photo|Скриншот|Скріншот|Видео|Відео|Иллюстрация|Ілюстрація)\s*[:©]",
    re.IGNORECASE,
)
_JOINABLE_END = re.compile(r"[\w,\-–—]$")


def clean_text(raw: str, rules: Rules | None = None) -> Document:
    """Clean one page: drop boilerplate, find title and date line, keep every body sentence."""
    rules = rules if rules is not None else default_rules()
    lines = split_lines(raw)
    removed: list[Removed] = []
    _apply_rules(lines, rules)
    _drop_repeats(lines)
    _drop_numbered_lists(lines)
    _drop_captions_near_credits(lines)
    lines = _join_wrapped(lines)
    kept = [line for line in lines if line.kept]
    body = [i for i, line in enumerate(kept) if line.body_like]
    first, last = (body[0], body[-1]) if body else (0, len(kept) - 1)
    title_line, date_line = _top_edge(kept[:first], rules)
    _bottom_edge(kept[last + 1 :], rules)
    if date_line is None:
        date_line = _bottom_date(kept[last + 1 :])
    pieces: list[Piece] = []
    title = title_line.text if title_line else None
    for line in lines:
        if line.status == "drop":
            removed.append(Removed(line.text, line.start, line.end, line.reason))
        if not line.kept:
            continue
        if len(line.text) >= LONG_LINE or (line.words >= 30 and _INLINE_CREDIT.search(line.text)):
            result = clean_long_line(raw, line.start, line.end, rules, page_start=not pieces)
            pieces.extend(result.pieces)
            removed.extend(result.removed)
            date_line = date_line or result.date_line
            title = title or result.title
            continue
        kind = "subheading" if _is_subheading(line) else "paragraph"
        pieces.append(Piece(kind, repair_glue(line.text), line.start, line.end))
    if title is None:
        lead = next((p for p in pieces if p.kind == "paragraph"), None)
        title = title_from_lead(lead.text) if lead else ""
    return assemble(title, date_line, pieces, removed)


def clean_article(article: object, rules: Rules | None = None) -> Document:
    """Clean a `tui.corpus.Article` (its already decoded, sanitised `raw` text)."""
    return clean_text(article.raw, rules)  # type: ignore[attr-defined]


def _apply_rules(lines: list[Line], rules: Rules) -> None:
    """Drop lines matched by a rule; extend drop_with_next and drop_from_here as they say."""
    sizes = [len(line.text) if line.words >= 6 else 0 for line in lines]
    total = sum(sizes)
    before = 0
    for i, line in enumerate(lines):
        before += sizes[i]
        if not line.kept or len(line.text) > 700:
            continue
        rule = rules.match(line.text)
        if rule is None:
            continue
        line.drop(rule.name)
        if rule.action == "drop_with_next" and line.words <= 4:
            _drop_linked(lines, i, rule.name)
        elif rule.action == "drop_from_here":
            after = total - before
            if after < before - sizes[i]:
                for rest in lines[i + 1 :]:
                    rest.drop(rule.name)


def _drop_linked(lines: list[Line], i: int, reason: str) -> None:
    """After a bare «Читайте также»: the linked headline, and list items that follow it."""
    for j, line in enumerate(lines[i + 1 : i + 10]):
        if not line.kept and line.reason:
            continue
        is_item = line.numbered is not None or line.bulleted
        if (j == 0 and headline_like(line)) or (is_item and headline_like(line, 30)):
            line.drop(reason)
        else:
            break


def _drop_repeats(lines: list[Line]) -> None:
    """A line that repeats an earlier line word for word (pull quotes, doubled captions)."""
    seen: set[str] = set()
    for line in lines:
        key = line.text.casefold()
        if key in seen and line.words >= 1:
            line.status, line.reason = "drop", "repeated"
        seen.add(key)


def _drop_numbered_lists(lines: list[Line]) -> None:
    """Runs of ≥3 numbered headline-like lines above or below the body: lists of other stories."""
    i = 0
    while i < len(lines):
        number = lines[i].numbered if lines[i].kept else None
        if number is None:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].kept and lines[j].numbered == number + (j - i):
            j += 1
        run = lines[i:j]
        headlines = sum(headline_like(line, 40) for line in run)
        body_before = any(
            line.kept and line.body_like and line.numbered is None for line in lines[:i]
        )
        body_after = any(
            line.kept and line.body_like and line.numbered is None for line in lines[j:]
        )
        if len(run) >= 3 and headlines >= 0.7 * len(run) and not (body_before and body_after):
            for line in run:
                line.drop("headline-list")
        i = j


def _drop_captions_near_credits(lines: list[Line]) -> None:
    """A short line right above a photo credit is that photo's caption or alt text."""
    for i, line in enumerate(lines):
        if line.reason not in ("photo-credit", "media-stub") or i == 0:
            continue
        prev = lines[i - 1]
        if (
            prev.kept
            and not prev.body_like
            and 1 <= prev.words <= 15
            and not prev.text.endswith(":")
        ):
            prev.drop("caption")


def _join_wrapped(lines: list[Line]) -> list[Line]:
    """Join hard-wrapped lines: no blank line between, no sentence end, next starts in lower case."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kept
            and line.kept
            and not line.gap_before
            and len(prev.text) >= 40
            and _JOINABLE_END.search(prev.text)
            and line.text[:1].islower()
        ):
            glue = "" if prev.text.endswith("-") and prev.text[-2:-1].isalpha() else " "
            text = (prev.text[:-1] if glue == "" else prev.text) + glue + line.text
            out[-1] = Line(text, prev.start, line.end, prev.gap_before, prev.words + line.words)
            continue
        out.append(line)
    return out


def _top_edge(top: list[Line], rules: Rules) -> tuple[Line | None, str | None]:
    """Above the first paragraph: pick the title and the date line, drop the rest."""
    date_line: str | None = None
    for line in top:
        found = date_line_of(line.text)
        if found is not None:
            line.status = "date"
            date_line = date_line or found
        elif date_line is None and (found := date_in_byline(line.text)) is not None:
            line.drop("byline")
            date_line = found
    title = pick_title(top)
    if title is not None:
        title.status = "title"
    seen_title = title is None
    for line in top:
        if line is title:
            seen_title = True
            continue
        if not line.kept:
            continue
        standfirst = line.words >= 8 and stopword_ratio(line.text, rules.stopwords) >= 0.12
        if not (seen_title and standfirst):
            line.drop("top-edge")
    return title, date_line


def _bottom_edge(bottom: list[Line], rules: Rules) -> None:
    """Below the last paragraph: short unpunctuated lines, headline runs and tag clouds go."""
    for i, line in enumerate(bottom):
        if not line.kept or date_line_of(line.text) is not None:
            continue
        neighbours = [n for n in bottom[max(0, i - 1) : i + 2] if n is not line]
        in_run = any(n.kept and headline_like(n, 20) for n in neighbours)
        if line.words <= 10 and not line.terminal:
            line.drop("bottom-edge")
        elif headline_like(line, 20) and in_run:
            line.drop("headline-list")
        elif line.words >= 4 and stopword_ratio(line.text, rules.stopwords) < 0.06:
            line.drop("bottom-edge")


def _bottom_date(bottom: list[Line]) -> str | None:
    """A date line under the article (some sites print it there)."""
    for line in bottom:
        if line.kept and (found := date_line_of(line.text)) is not None:
            line.status = "date"
            return found
    return None


def _is_subheading(line: Line) -> bool:
    """A short line inside the body without sentence punctuation (or a short question)."""
    if line.words > 12 or len(line.text) > 120:
        return False
    return not line.terminal or (line.text.rstrip('»"”)').endswith("?") and line.words <= 6)
