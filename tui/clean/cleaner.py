"""Raw page text → Document: rules, edge heuristics, title and date, paragraphs with offsets.

The common path works on lines and costs a few regular expressions per line. Only lines of
running text longer than LONG_LINE characters (pages scraped into one line) or long lines with a
photo credit inside go through the sentence-level pass in `sentences.py`.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict

from tui.cancel import checked
from tui.clean.dates import (
    date_line_of,
    split_glued_headline,
    split_title_date,
)
from tui.clean.document import BlockKind, Document, Piece, Removed, assemble, new_removed
from tui.clean.edges import (
    bottom_date,
    bottom_edge,
    bottom_title,
    drop_captions_near_credits,
    drop_link_runs,
    top_edge,
)
from tui.clean.glue import repair_glue
from tui.clean.lines import Line, headline_like, split_lines
from tui.clean.rules import Rules, active_rules
from tui.clean.sentences import RELATED, RELATED_WORDS, clean_long_line
from tui.clean.titles import strip_site_name, title_from_lead

LONG_LINE = 1500
RULE_LINE_MAX = 700  # longer lines are article text: no rule is tested on them
SHORT_PAGE_LINE = 400
INLINE_CREDIT_WORDS = 12  # «Подпись. Фото: X» is shorter: the rules drop such a line whole
_INLINE_CREDIT = re.compile(
    r"[.!?»]\s+(?:Фото|Фота|Photo|Скриншот|Скріншот|Видео|Відео|Иллюстрация|Ілюстрація)\s*[:©]",
    re.IGNORECASE,
)
# Searched from two characters before the end: a match of «x$» can only start there.
_JOINABLE_END = re.compile(r"[\w,\-–—]$")
# «Пропустить Подкаст и продолжить чтение.» … «Окончание Подкаст»: an embed the reader may skip.
_SKIP_START = re.compile(
    r"^(?:пропустить|пропустити|skip)\s+(?P<what>.{1,60}?)\s+(?:и|і|та|and)\s+"
    r"(?:продолжить|продовжити|continue)\s+(?:чтение|читання|reading)\W*$",
    re.IGNORECASE,
)
_SKIP_END = re.compile(
    r"^(?:окончание|конец|кінець|закінчення|end of)\s+(?P<what>.{1,60}?)\W*$", re.IGNORECASE
)
SKIP_BLOCK_LINES = 15
_LABEL = re.compile(r"^[\w-]+\s*:")


_RECENT_SIZE = 16
"""Cleaned documents kept for the next request of the same page (see `clean_text`)."""
_RECENT: OrderedDict[tuple[int, int], tuple[str, Rules, Document]] = OrderedDict()
_RECENT_LOCK = threading.Lock()


def clean_text(raw: str, rules: Rules | None = None, *, reuse: bool = True) -> Document:
    """Clean one page: drop boilerplate, find title and date line, keep every body sentence.

    `rules` defaults to `active_rules()`: the shipped rules, plus the user's once
    `configure_rules(config.clean.rules)` has been called.

    The last few documents are kept (a `Document` is immutable): reading an article's metadata
    cleans it for its title and word count, and opening it right after asks for the same page
    again — it is cleaned once. `reuse=False` cleans afresh (benchmarks)."""
    all_rules = rules if rules is not None else active_rules()
    if not reuse:
        return _clean(raw, all_rules)
    key = (hash(raw), id(all_rules))
    with _RECENT_LOCK:
        hit = _RECENT.get(key)
        if hit is not None and hit[1] is all_rules and (hit[0] is raw or hit[0] == raw):
            _RECENT.move_to_end(key)
            return hit[2]
    document = _clean(raw, all_rules)
    with _RECENT_LOCK:
        _RECENT[key] = (raw, all_rules, document)
        while len(_RECENT) > _RECENT_SIZE:
            _RECENT.popitem(last=False)
    return document


def _clean(raw: str, all_rules: Rules) -> Document:
    """`clean_text` without the cache."""
    lines, title_line, date_line = _classify_lines(split_lines(raw), all_rules)
    pieces: list[Piece] = []
    removed: list[Removed] = []
    title = _title_of(raw, title_line, removed) if title_line else None
    kept = [i for i, line in enumerate(lines) if line.kept]
    kept_chars = sum([len(lines[i].text) for i in kept])
    last_kept = kept[-1] if kept else -1
    for index, line in enumerate(checked(lines)):
        if not line.kept:
            if line.status == "drop":
                removed.append(new_removed(line.text, line.start, line.end, line.reason))
            continue
        if _needs_sentences(line, kept_chars):
            result = clean_long_line(
                raw,
                line.start,
                line.end,
                all_rules,
                page_start=not pieces,
                want_title=title is None,
                page_end=index == last_kept,
            )
            pieces.extend(result.pieces)
            removed.extend(result.removed)
            date_line = date_line or result.date_line
            title = title or result.title
            continue
        kind: BlockKind = "subheading" if _is_subheading(line) else "paragraph"
        pieces.append(Piece(kind, repair_glue(line.text, plain=line.plain), line.start, line.end))
    title, date_line = _final_title(raw, pieces, title, date_line)
    return assemble(title, date_line, pieces, removed)


def clean_article(article: object, rules: Rules | None = None) -> Document:
    """Clean a `tui.corpus.Article` (its already decoded, sanitised `raw` text)."""
    return clean_text(article.raw, rules)  # type: ignore[attr-defined]


def _classify_lines(lines: list[Line], rules: Rules) -> tuple[list[Line], Line | None, str | None]:
    """Mark every line kept or dropped (with a reason); return the lines (hard-wrapped ones
    joined), the title line and the date line."""
    _apply_rules(lines, rules)
    _drop_skip_blocks(lines)
    _drop_repeats(lines)
    _drop_numbered_lists(lines)
    lines = _join_wrapped(lines)
    kept = [line for line in lines if line.kept]
    body_start = next((line.start for line in kept if line.body_like), None)
    if body_start is None:  # no paragraph of running text: keep every line, find title and date
        for line in kept:
            if line.edge_reason:
                line.drop(line.edge_reason)
        kept = [line for line in kept if line.kept]
        title_line, date_line = top_edge(kept, rules, drop_rest=False)
        return lines, title_line, date_line
    drop_captions_near_credits(lines, body_start)
    kept = [line for line in lines if line.kept]
    first, last = _body_span(kept)
    edges = [line for line in kept[:first] + kept[last + 1 :] if line.edge_reason]
    for line in edges:  # «Политика» above or below the article: a menu item
        line.drop(line.edge_reason)
    if edges:
        kept = [line for line in lines if line.kept]
        first, last = _body_span(kept)
    drop_link_runs(kept[first : last + 1])
    title_line, date_line = top_edge(kept[:first], rules, page_start=lines[0].start)
    if title_line is None:  # some scrapes put the headline under the article
        title_line = bottom_title(kept[last + 1 :], kept[first])
    bottom_edge(kept[last + 1 :], rules, kept[last])
    return lines, title_line, date_line or bottom_date(kept[last + 1 :])


def _body_span(kept: list[Line]) -> tuple[int, int]:
    """Indexes of the first paragraph-like line and of the last line that is paragraph-like or
    a full sentence, however short (the body's extent; `kept` holds a paragraph-like line)."""
    first = next(i for i, line in enumerate(kept) if line.body_like)
    last = len(kept) - 1
    while not (kept[last].body_like or _sentence(kept[last])):
        last -= 1
    return first, last


def _final_title(
    raw: str, pieces: list[Piece], title: str | None, date_line: str | None
) -> tuple[str, str | None]:
    """The title: the headline found, else one glued to the lead («Headline 11.11.2018 Lead…»,
    split off the first piece in place), else made from the lead; a time or date at either end
    of it moves to the date line."""
    if title is None and pieces and pieces[0].kind == "paragraph":
        glued = split_glued_headline(pieces[0].text)
        if glued is not None:
            title, found_date, at = glued
            date_line = date_line or found_date
            lead = pieces[0]
            pieces[0] = Piece("paragraph", lead.text[at:], _raw_offset(raw, lead, at), lead.raw_end)
    if title is None:
        first = next((p for p in pieces if p.kind == "paragraph"), pieces[0] if pieces else None)
        title = title_from_lead(first.text) if first else ""
    title, title_date = split_title_date(title)
    return title, date_line or title_date


def _title_of(raw: str, line: Line, removed: list[Removed]) -> str:
    """The headline line's text, without a site name after it (recorded as removed)."""
    title = strip_site_name(line.text)
    if title != line.text:
        suffix = line.text[len(title) :].strip()
        at = raw.rfind(suffix, line.start, line.end)
        if at >= 0:
            removed.append(Removed(suffix, at, at + len(suffix), "site-name"))
    return title


def _raw_offset(raw: str, piece: Piece, at: int) -> int:
    """Where `piece.text[at:]` starts in the raw text (the piece text may have normalised spaces)."""
    probe = piece.text[at : at + 24]
    found = raw.find(probe, piece.raw_start, piece.raw_end)
    return found if found >= 0 else piece.raw_start


def _sentence(line: Line) -> bool:
    """A full sentence of three words or more (ends with . ! ? …)."""
    return line.terminal and line.words >= 3


_SENTENCE_BREAK = re.compile(r"[.!?…][\"»”)]*\s+[«\"A-ZА-ЯЁІЇЄҐ]")


def _several_sentences(line: Line) -> bool:
    """Three or more sentences of running text: not a boilerplate line, whatever it contains."""
    return line.words >= 30 and len(_SENTENCE_BREAK.findall(line.text)) >= 3


def _needs_sentences(line: Line, kept_chars: int) -> bool:
    """Long lines (a page scraped into one line, or most of one) and lines with a photo credit
    or another rule's match glued inside are cleaned sentence by sentence."""
    if line.glued:
        return True
    size = len(line.text)
    if size >= LONG_LINE or (size >= SHORT_PAGE_LINE and size >= 0.8 * kept_chars):
        return True
    return _mixed(line)


def _mixed(line: Line) -> bool:
    """A line of article text with boilerplate glued in: a long «Читайте также: …» line, or
    sentences with «… Фото: Reuters» inside."""
    if line.words > RELATED_WORDS and RELATED.match(line.text):
        return True
    text = line.text  # a credit needs «:» or «©»: one-character scans before the regex
    return (
        line.words >= INLINE_CREDIT_WORDS
        and (":" in text or "©" in text)
        and bool(_INLINE_CREDIT.search(text))
    )


def _apply_rules(lines: list[Line], rules: Rules) -> None:
    """Drop lines matched by a rule; extend drop_with_next and drop_from_here as they say."""
    markers: list[tuple[int, str]] = []
    match = rules.match
    for i, line in enumerate(checked(lines)):
        if not line.kept or len(line.text) > RULE_LINE_MAX:
            continue
        rule = match(line.text)
        if rule is None or _mixed(line):
            continue  # article text with a link or credit glued in: the sentence pass sorts it
        if _several_sentences(line):
            # a short page scraped into one line («Главная Новости … Токаев заявил … © 2022 …»):
            # the rule matched a piece of it, so the sentence pass decides piece by piece
            line.glued = True
            continue
        if rule.where == "edges":
            line.edge_reason = rule.name  # decided once the body's extent is known
            continue
        line.drop(rule.name)
        if rule.action == "drop_with_next" and (line.words <= 4 or line.text.endswith(":")):
            markers.append((i, rule.name))
        elif rule.action == "drop_from_here" and _less_text_after(lines, i):
            for rest in lines[i + 1 :]:
                rest.drop(rule.name)
    for i, reason in markers:  # after every rule ran, so the end of a link list is known
        _drop_linked(lines, i, reason)


def _less_text_after(lines: list[Line], i: int) -> bool:
    """Less article text (lines of six words or more) after line i than before it (a footer
    starts here, not a stray match inside the body). Summed only when a footer rule matches."""
    sizes = [len(line.text) if line.words >= 6 else 0 for line in lines]
    return sum(sizes[i + 1 :]) < sum(sizes[:i])


def _drop_linked(lines: list[Line], i: int, reason: str) -> None:
    """After a bare «Читайте также»: the linked headline, and the headlines or list items that
    follow it without a blank line — unless the last of them leads into a paragraph (then it is
    the article's own subheading)."""
    run: list[Line] = []
    for j, line in enumerate(lines[i + 1 : i + 12]):
        if not line.kept:
            if run:
                break
            continue
        is_item = line.numbered is not None or line.bulleted
        if (
            is_item
            and headline_like(line, 30)
            or headline_like(line)
            and (j == 0 or not run or not line.gap_before)
        ):
            run.append(line)
        else:
            break
    if (
        len(run) > 1 and date_line_of(run[-1].text) is None
    ):  # a linked story's date: not a subheading
        following = lines.index(run[-1]) + 1
        nxt = next((n for n in lines[following:] if n.kept), None)
        if nxt is not None and nxt.body_like and not (run[-1].numbered or run[-1].bulleted):
            run.pop()
    for line in run:
        line.drop(reason)


def _drop_skip_blocks(lines: list[Line]) -> None:
    """«Пропустить Подкаст и продолжить чтение.» up to its «Окончание Подкаст»: a promo embed
    the page lets the reader skip (without its closing line only the skip line goes)."""
    for i, line in enumerate(lines):
        start = _SKIP_START.match(line.text) if line.kept and len(line.text) <= 120 else None
        if start is None:
            continue
        line.drop("promo-block")
        what = start.group("what").casefold()
        for j in range(i + 1, min(len(lines), i + SKIP_BLOCK_LINES)):
            end = _SKIP_END.match(lines[j].text) if len(lines[j].text) <= 120 else None
            if end is not None and end.group("what").casefold() == what:
                for inner in lines[i + 1 : j + 1]:
                    inner.drop("promo-block")
                break


def _drop_repeats(lines: list[Line]) -> None:
    """A line that repeats an earlier line word for word (pull quotes, doubled captions); list
    items may repeat (a schedule, a results table)."""
    # Casefolding keeps every space and mark, so only lines of equal word count can repeat each
    # other: a paragraph whose count is new is not casefolded at all.
    seen: dict[int, set[str]] = {}
    first: dict[int, str] = {}
    for line in lines:
        if line.edge_reason:
            continue  # a section name is a menu item or a subheading: decided by position
        keys = seen.get(line.words)
        if keys is None:
            if line.words not in first:
                first[line.words] = line.text
                continue
            keys = seen[line.words] = {first.pop(line.words).casefold()}
        key = line.text.casefold()
        if key in keys and not (line.bulleted or line.numbered is not None):  # table rows repeat
            line.status, line.reason = "drop", "repeated"
        keys.add(key)


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


def _join_wrapped(lines: list[Line]) -> list[Line]:
    """Join hard-wrapped paragraphs: runs of kept lines with no blank line between them, all but
    the last long, most of them not ending a sentence; also a single line that stops mid-phrase
    and continues in lower case on the next."""
    out: list[Line] = []
    i = 0
    n = len(lines)
    while i < n:
        j = i + 1
        first = lines[i]
        if first.kept:
            while j < n and lines[j].kept and not lines[j].gap_before:
                j += 1
        if j == i + 1:
            # A group of one line (most lines) joins nothing: a kept line joins only a kept line
            # right before it with no blank line between, and such lines form one group (the
            # loop below, which joins inside a group, needs not look at it).
            out.append(first)
            i = j
            continue
        if j - i >= 2 and _wrapped(lines[i:j]):
            out.append(_merge(lines[i:j]))
            i = j
            continue
        for line in lines[i:j]:
            prev = out[-1] if out else None
            if (
                prev is not None
                and not line.gap_before
                and prev.kept
                and line.kept
                and len(prev.text) >= 15
                and _JOINABLE_END.search(prev.text, len(prev.text) - 2)
                and line.text[:1].islower()
                and not _LABEL.match(line.text)
                and date_line_of(line.text) is None
            ):
                out[-1] = _merge([prev, line])
            else:
                out.append(line)
        i = j
    return out


def _wrapped(group: list[Line]) -> bool:
    """Lines of one paragraph broken at a fixed width: all but the last long and of similar
    length, most not ending a sentence, and at least one continuing in lower case."""
    heads = group[:-1]
    widths = [len(line.text) for line in heads]
    if min(widths) < 50 or min(widths) < 0.75 * max(widths):
        return False
    if any(line.numbered is not None or line.bulleted for line in group):
        return False
    if sum(not line.terminal for line in heads) < 0.6 * len(heads):
        return False
    return any(line.text[:1].islower() for line in group[1:])


def _merge(group: list[Line]) -> Line:
    """One line from several, rejoining words hyphenated at the break."""
    text = group[0].text
    for line in group[1:]:
        if text.endswith("-") and text[-2:-1].isalpha() and line.text[:1].islower():
            text = text[:-1] + line.text
        else:
            text = text + " " + line.text
    first = group[0]
    words = sum(g.words for g in group)
    plain = all(g.plain for g in group)  # stripped parts joined by one space or none
    return Line(text, first.start, group[-1].end, first.gap_before, words, plain=plain)


def _is_subheading(line: Line) -> bool:
    """A short line inside the body without sentence punctuation (or a short question)."""
    if line.words > 12 or len(line.text) > 120 or line.bulleted:
        return False  # «— Что дальше?» is a line of dialogue
    return not line.terminal or (line.text.rstrip('»"”)').endswith("?") and line.words <= 6)
