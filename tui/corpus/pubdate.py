"""The publication date a page states about itself.

Sources, strongest first: a `date YYYY-MM` header (kloop.kg), a labelled line («Опубликовано:
12.01.2022», «Оновлено …», "Published …"), a short line near the top that is nothing but a date
(with perhaps a time, a weekday or a city), and a date written right beside a time near the top
(«21:10, 26 января 2022», which also finds dates on pages scraped into one line). A date merely
mentioned in the body is not a publication date.
"""

from __future__ import annotations

import re
from datetime import date

from tui.lang import months

# Month words of every language profile (`tui/lang/<code>/months.toml`): genitive («26 января»),
# other forms (Kazakh and Kyrgyz sites write «04 Февраль 2026») and abbreviations («16 янв.»).
_MONTHS = months()

_LETTERS = r"[а-яёіїєґўәғқңөұүһa-z]+"
_HEADER_MONTH = re.compile(r"\A\s*date (\d{4})-(\d{2})(?:-(\d{2}))?\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+({_LETTERS})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b({_LETTERS})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
# «11 февраля, 13:20», «9 лютого»: a date line without its year (sites leave it out for the
# current year), and the day and month written «11.02» are not taken (a time looks the same).
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+({_LETTERS})\.?(?![\w.])(?!,?\s+\d{{4}})", re.IGNORECASE)
_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)[^\n]{0,80}?((?:19|20)\d{2})(?:\s*[-–—]\s*((?:19|20)\d{2}))?", re.IGNORECASE)
_LABEL = re.compile(
    r"^\s*(опубликовано|обновлено|опубліковано|оновлено|апублікавана|published|updated|posted|дата"
    r"(?: публикации| публікації)?)\s*:?\s*(.*)$",
    re.IGNORECASE,
)
_FILLER = re.compile(
    r"\b\d{1,2}:\d{2}\b|\bг(?:ода?)?\b\.?|\bр(?:оку)?\b\.?|\bgg?\.|\b(?:am|pm)\b|\bмск\b|\butc\b"
    r"|\([^)]*\)|\bсегодня\b|\bвчера\b|\bсьогодні\b|\bвчора\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
_HEAD_LINES = 40  # menus can be long: the date line is looked for among the first lines
_HEAD_CHARS = 1500  # and, beside a time, within the first characters of one-line pages


def _iso(year: int, month: int, day: int | None) -> str | None:
    try:
        if day is None:
            date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return date(year, month, day).isoformat()
    except ValueError:
        return None


_FOUR_DIGITS = re.compile(r"\d{4}")
_WINDOW_BEFORE = 64
"""How far before its year a written date may start («16 января 2022», «January 16, 2022»)."""
_WINDOW_AFTER = 8
"""How far after its year it may end (the «-01-16» of «2022-01-16»)."""


def _dates_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO) of every full date written in `text`.

    Every date holds a four-digit year, so a long text is only searched around each of its
    four-digit numbers: the month-name patterns start with any word and cost ~140 µs on the
    first 1,500 characters of a page; most of those characters are far from any year."""
    if len(text) <= 2 * _WINDOW_BEFORE:
        return _scan_dates(text)
    found: dict[tuple[int, int], str] = {}
    for year in _FOUR_DIGITS.finditer(text):
        lo = max(0, year.start() - _WINDOW_BEFORE)
        while lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] == "_"):
            lo -= 1  # start at a word's start, so `\b` sees the real text before it
        hi = year.end() + _WINDOW_AFTER
        for start, end, iso in _scan_dates(text[lo:hi]):
            if start + lo <= year.start() and end + lo >= year.end():  # this year's date only
                found.setdefault((start + lo, end + lo), iso)
    return sorted((start, end, iso) for (start, end), iso in found.items())


def _scan_dates(text: str) -> list[tuple[int, int, str]]:
    """`_dates_in` by scanning all of `text`."""
    found: list[tuple[int, int, str]] = []
    for m in _NUMERIC.finditer(text):
        iso = (
            _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if m.group(1)
            else _iso(int(m.group(4)), int(m.group(5)), int(m.group(6)))
        )
        if iso:
            found.append((m.start(), m.end(), iso))
    for m in _DAY_MONTH_YEAR.finditer(text):
        month = _MONTHS.get(m.group(2).lower())
        iso = _iso(int(m.group(3)), month, int(m.group(1))) if month else None
        if iso:
            found.append((m.start(), m.end(), iso))
    for m in _MONTH_DAY_YEAR.finditer(text):
        month = _MONTHS.get(m.group(1).lower())
        iso = _iso(int(m.group(3)), month, int(m.group(2))) if month else None
        if iso:
            found.append((m.start(), m.end(), iso))
    return sorted(found)


def _is_date_line(line: str, spans: list[tuple[int, int, str]]) -> bool:
    """A line that is a date (with perhaps a time, weekday or city), not a sentence."""
    rest = line
    for start, end, _ in reversed(spans):
        rest = rest[:start] + " " + rest[end:]
    rest = _FILLER.sub(" ", rest)
    return len(_WORD.findall(rest)) <= 2


def detect_date(raw: str, date_line: str | None = None) -> str | None:
    """The publication date the page states (ISO; `YYYY-MM` when only the month is given).

    `date_line` is the date line the cleaner found beside the headline (tui.clean): the
    article's own date, preferred to the page's other dates (a related story's timestamp, the
    scraper's `date` header). A date line without a year («11 февраля, 13:20») takes the year
    the page states elsewhere: the scraper's header, another full date near the top, or the
    copyright line's latest year — sites leave the year out only for the current year."""
    header = _HEADER_MONTH.match(raw)
    header_iso = (
        _iso(int(header.group(1)), int(header.group(2)), int(header.group(3)) if header.group(3) else None)
        if header
        else None
    )
    lines = raw.split("\n")
    for line in lines:
        label = _LABEL.match(line)
        if label and label.group(2).strip():
            spans = _dates_in(label.group(2))
            if spans:
                return spans[0][2]
    if header:  # the page's own date line may follow the header on its line: « date 2026-03-07 06.03.2026, 21:55»
        rest = raw[header.end() : raw.find("\n", header.end()) % (len(raw) + 1)][:80]
        spans = _dates_in(rest)
        if spans:
            return spans[0][2]
    if date_line:
        spans = [span for span in _dates_in(date_line) if span[2] != header_iso or header is None]
        if spans:
            return spans[0][2]
        partial = _day_month(date_line)
        if partial is not None:
            year = _page_year(raw, header_iso, *partial)
            if year is not None:
                return _iso(year, partial[1], partial[0])
    head = [ln for ln in _top(raw).split("\n")[: _HEAD_LINES * 3] if ln.strip()][:_HEAD_LINES]
    for line in head:
        if len(line) <= 80:
            spans = _dates_in(line)
            if spans and _is_date_line(line, spans):
                return spans[0][2]
    if header_iso:
        return header_iso
    return next(iter(_timestamps(_top(raw))), None)


def _top(raw: str) -> str:
    """The page down to the end of its first line of running text (the lead): a date after it
    belongs to the body or to other stories (related headlines with their timestamps)."""
    head = raw[:_HEAD_CHARS]
    pos = 0
    for line in head.split("\n"):
        pos += len(line) + 1
        text = line.rstrip().rstrip("»\"”)")
        if text[-1:] in (".", "!", "?", "…") and len(line.split()) >= 8:
            return raw[:pos]
    return head


def _timestamps(top: str) -> list[str]:
    """Full dates in `top` written beside a time («21:10, 26 января 2022»): timestamps, not
    dates mentioned in a sentence."""
    found = []
    for start, end, iso in _dates_in(top):
        if _TIME.search(top[max(0, start - 8) : start]) or _TIME.search(top[end : end + 10]):
            found.append(iso)
    return found


def _day_month(text: str) -> tuple[int, int] | None:
    """(day, month) of a date written without its year («11 февраля», «9 лютого, 07:45»)."""
    m = _DAY_MONTH.search(text)
    if m is None:
        return None
    month = _MONTHS.get(m.group(2).lower())
    day = int(m.group(1))
    if month is None or not 1 <= day <= 31:
        return None
    return day, month


_YEAR_WINDOW_DAYS = 62


def _page_year(raw: str, header_iso: str | None, day: int, month: int) -> int | None:
    """The year of a date line without one: the scraper header's year, a full date near the top
    within two months of it (a date line of 30 December beside «2 января 2026» is 2025), else
    the copyright line's latest year."""
    if header_iso:
        return _nearest_year(int(header_iso[:4]), int(header_iso[5:7]), day, month)
    head = [ln for ln in raw[:_HEAD_CHARS].split("\n") if 0 < len(ln) <= 80]
    stated = [spans[0][2] for ln in head if (spans := _dates_in(ln)) and _is_date_line(ln, spans)]
    for iso in stated + _timestamps(_top(raw)):
        year = _nearest_year(int(iso[:4]), int(iso[5:7]), day, month)
        try:
            gap = abs((date(year, month, day) - date.fromisoformat(iso if len(iso) == 10 else iso + "-01")).days)
        except ValueError:
            continue
        if gap <= _YEAR_WINDOW_DAYS:
            return year
    found = [m for m in _COPYRIGHT_YEAR.finditer(raw[-3000:])]
    if found:
        last = found[-1]
        return int(last.group(2) or last.group(1))
    return None


def _nearest_year(year: int, ref_month: int, day: int, month: int) -> int:
    """The year putting day/month nearest to the reference month of `year` (December's date
    line on a January page belongs to the year before)."""
    if month - ref_month > 6:
        return year - 1
    if ref_month - month > 6:
        return year + 1
    return year
