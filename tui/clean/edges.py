"""The edges of a page: what sits above the first paragraph (title, date line, menus) and below
the last (tags, related headlines, footers), plus the position-based checks inside the body
(captions touching a photo credit, blocks of headlines)."""

from __future__ import annotations

import re

from tui.clean.dates import date_in_byline, date_line_of
from tui.clean.lines import Line, headline_like, stopword_ratio
from tui.clean.rules import Rules
from tui.clean.titles import INNER_SENTENCE_END, is_title_candidate, pick_title

DATE_SEARCH_LINES = 40  # a date line sits near the headline, not 40 lines down
_CREDIT_REASONS = ("photo-credit", "media-stub", "copyright")
# A credit with nothing else in it: «Фото: Reuters», «© Агентство / Иван Петров».
_BARE_CREDIT = re.compile(
    r"^(?:(?:фото|фота|photo|видео|відео|video|иллюстрация|ілюстрація|скриншот|скріншот)\s*[:©]|©)"
    r"[^|.!?:]{0,60}$",
    re.IGNORECASE,
)


def drop_captions_near_credits(lines: list[Line], body_start: int) -> None:
    """A short line right next to a photo credit (no blank line between) inside the body is
    that photo's caption.

    Above the body a caption is left to the top edge (the headline often sits right above the
    lead photo's credit). The line before the credit is taken first; a bare credit («Фото:
    Reuters», «© Агентство / Иван Петров») after a paragraph takes the short line after it.
    """
    for i, line in enumerate(lines):
        if line.kept or line.status != "drop":  # (`kept` first: an attribute, not a property)
            continue
        if line.reason not in _CREDIT_REASONS or line.start < body_start:
            continue
        prev = lines[i - 1] if i > 0 else None
        if (
            prev is not None
            and prev.kept
            and not line.gap_before
            and prev.start >= body_start
            and _caption_like(prev)
        ):
            prev.drop("caption")
            continue
        after = lines[i + 1] if i + 1 < len(lines) else None
        if (
            after is not None
            and after.kept
            and not after.gap_before
            and _bare_credit(line)
            and _caption_like(after)
        ):
            after.drop("caption")


def _bare_credit(line: Line) -> bool:
    """A credit with no caption in it: «Фото: Reuters», «© Агентство / Иван Петров», «Фото из
    открытых источников» (a caption then follows on the next line)."""
    if _BARE_CREDIT.match(line.text):
        return True
    return line.words <= 6 and "|" not in line.text and not INNER_SENTENCE_END.search(line.text)


def _caption_like(line: Line) -> bool:
    """Short, not a paragraph of running text, not introducing something («…:»), not a question
    or an exclamation (captions describe; they do not ask or exclaim)."""
    if line.body_like or line.text.endswith(":") or (line.terminal and not line.ends_with_period):
        return False
    return 1 <= line.words <= 15


def drop_link_runs(middle: list[Line]) -> None:
    """Three or more headline-like lines in a row inside the body are a block of links to other
    stories (an article never has three subheadings in a row), unless a line ending in «:»
    introduces them as a list."""
    run: list[Line] = []
    start = 0
    for i, line in enumerate([*middle, None]):
        if line is not None and line.kept and not line.body_like and _is_link_like(line):
            if not run:
                start = i
            run.append(line)
            continue
        if run and line is not None and line.kept and line.body_like:
            run.pop()  # the last one leads into a paragraph: the article's own subheading
        if len(run) >= 3 and (start == 0 or not middle[start - 1].text.endswith(":")):
            for item in run:
                item.drop("link-list")
            if line is not None and _block_label(line):
                line.drop("link-list")  # «Pro», «Реклама»: the block's label under it
        run = []


def _block_label(line: Line) -> bool:
    """One or two unpunctuated words right under a block of links (no blank line between)."""
    return line.kept and not line.gap_before and line.words <= 2 and not line.terminal


def _is_link_like(line: Line) -> bool:
    """A headline: capitalised, 3–20 words, no closing full stop or exclamation mark."""
    if line.ends_with_period or line.text.rstrip('»"”)').endswith("!"):
        return False
    return 3 <= line.words <= 20 and line.text[:1].isupper()


def top_edge(
    top: list[Line], rules: Rules, *, drop_rest: bool = True, page_start: int = -1
) -> tuple[Line | None, str | None]:
    """Above the first paragraph: pick the title and the date line, drop the rest — except, after
    the title, a standfirst: a sentence with its full stop, or a line of prose."""
    date_line: str | None = None
    date_at = -1
    for at, line in enumerate(top[:DATE_SEARCH_LINES]):
        found = date_line_of(line.text)
        if found is not None and date_line is None:
            line.status = "date"
            date_line, date_at = found, at
        elif found is not None:
            line.drop("date-line")  # «обновлено: …» after «опубликовано: …»
        elif date_line is None and (found := date_in_byline(line.text)) is not None:
            line.drop("byline")
            date_line, date_at = found, at
    if drop_rest:
        title = _title_after_a_headline_block(top, date_at) or pick_title(top)
        alone = [n for n in top if n.kept]
        if title is None and len(alone) == 1 and alone[0].start == page_start:
            title = alone[0] if _short_title(alone[0]) else None
    else:  # a page of short lines: its first line is the best guess
        title = next((n for n in top if n.kept and n.words >= 2 and headline_like(n)), None)
    if title is not None:
        title.status = "title"
    seen_title = title is None
    for line in top:
        if line is title:
            seen_title = True
            continue
        if not line.kept:
            continue
        standfirst = line.terminal or (
            line.words >= 8
            and (
                line.words >= 15
                or INNER_SENTENCE_END.search(line.text) is not None
                or stopword_ratio(line.text, rules.stopwords) >= 0.1
            )
        )
        if drop_rest and not (seen_title and standfirst):
            line.drop("top-edge")
    return title, date_line


def _title_after_a_headline_block(top: list[Line], date_at: int) -> Line | None:
    """Three or more other stories' headlines in a row right above the date line (a site's «most
    read» strip) and a headline right under it: the article's headline is the one under its
    date line."""
    if date_at < 0:
        return None
    run = 0  # kept headlines in a row right above the date line
    for line in reversed(top[:date_at]):
        if not line.kept:
            continue
        if not (is_title_candidate(line) and not line.terminal):
            break
        run += 1
    if run < 3:
        return None
    first = next((n for n in top[date_at + 1 : date_at + 4] if n.kept), None)
    if first is not None and is_title_candidate(first) and not first.terminal and 4 <= first.words <= 20:
        return first
    return None


def _short_title(line: Line) -> bool:
    """A page's very first line, short and unpunctuated, alone above the body: its title even
    with one to three words («Космос», «Лекция с фокусами»)."""
    return 1 <= line.words <= 15 and not line.terminal and not line.text.endswith((":", ","))


_STEM_WORD = re.compile(r"[^\W\d_]{4,}")


def _stems(text: str) -> set[str]:
    """The first five letters of the words of four letters or more («маркетплейсы» → «марке»):
    enough to see a headline and its lead speak of the same things across word forms."""
    return {word[:5].casefold() for word in _STEM_WORD.findall(text)}


def bottom_title(bottom: list[Line], lead: Line) -> Line | None:
    """The headline printed under the article (a page with none above it): the first line below
    the body, if it reads as a headline and shares at least three words with the lead (a related
    story's headline below the article speaks of something else)."""
    line = next((n for n in bottom if n.kept), None)
    if line is None or not is_title_candidate(line) or INNER_SENTENCE_END.search(line.text):
        return None
    if not 4 <= line.words <= 20 or len(_stems(line.text) & _stems(lead.text)) < 3:
        return None
    line.status = "title"
    return line


def bottom_edge(bottom: list[Line], rules: Rules, last_body: Line | None = None) -> None:
    """Below the last paragraph: short unpunctuated lines, runs of headlines and tag clouds go;
    a list the article introduces with «…:» stays, and so does any full sentence not in a run."""
    previous = last_body
    in_list = False
    for i, line in enumerate(bottom):
        if not line.kept or date_line_of(line.text) is not None:
            continue
        if previous is not None and previous.kept and previous.text.endswith(":"):
            in_list = True
        elif not _is_item(line):
            in_list = False
        if in_list:
            previous = line
            continue
        neighbours = [n for n in bottom[max(0, i - 1) : i + 2] if n is not line]
        in_run = any(n.kept and _is_link_like(n) and not n.terminal for n in neighbours)
        if line.words <= 10 and not line.terminal:
            line.drop("bottom-edge")
        elif _is_link_like(line) and not line.terminal and in_run:
            line.drop("headline-list")
        elif line.words >= 4 and stopword_ratio(line.text, rules.stopwords) < 0.06:
            line.drop("bottom-edge")
        previous = line


def _is_item(line: Line) -> bool:
    """A list item: «• …», «— …», «1. …»."""
    return line.bulleted or line.numbered is not None


def bottom_date(bottom: list[Line]) -> str | None:
    """A date line under the article (some sites print it there)."""
    for line in bottom:
        if line.kept and (found := date_line_of(line.text)) is not None:
            line.status = "date"
            return found
    return None
