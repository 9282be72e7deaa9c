"""Recognise date lines («12 января 2022, 14:30», «09.01.2022», «date 2022-01») near the title."""

from __future__ import annotations

import re

from tui.clean.lines import MAYBE_DIGIT
from tui.lang import months

# Month words of the Russian, Ukrainian and English profiles (`tui/lang/<code>/months.toml`), the
# abbreviated ones too («12 янв. 2022», «12 січ. 2022»), longest first.
_NAMES = months("ru", "uk", "en", kinds=("genitive", "nominative", "abbrev"))
_MONTHS = "|".join(sorted(_NAMES, key=lambda w: (-len(w), w)))
_DATE_WORDS = r"сегодня|вчера|сьогодні|вчора|today|yesterday"  # the only dates without a digit
_YEAR_WORD = r"(?:\s*(?:года|год|року|рік|г\.?|р\.?))?"
DATE = (
    rf"(?:\d{{1,2}}\s+(?:{_MONTHS})\.?(?:,?\s+\d{{4}}{_YEAR_WORD})?"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}"
    r"|\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})"
    r"|\d{4}-\d{2}(?:-\d{2})?(?:T\d{2}:\d{2}(?::\d{2})?\S*)?"
    rf"|{_DATE_WORDS})"
)
TIME = r"\d{1,2}[:.]\d{2}"
_DATE_RE = re.compile(DATE, re.IGNORECASE)
_LABEL = (  # longest first: «дата публикации» before «дата»
    r"(?:дата публикации|дата публікації|дата обновления|дата оновлення|опубликовано|"
    r"обновлено|опубліковано|оновлено|published|updated|изменено|змінено|date|дата)"
)
_FILLER = re.compile(
    rf"{_LABEL}|{TIME}|\b(?:в|о|об|at|on|г|р|года|року|понедельник|вторник|среда|четверг|"
    r"пятница|суббота|воскресенье|понеділок|вівторок|середа|четвер|п'ятниця|пʼятниця|субота|"
    r"неділя|monday|tuesday|wednesday|thursday|friday|saturday|sunday|пн|вт|ср|чт|пт|сб|вс|нд)\b"
    r"|[\s,.:|/—–\-()]+",
    re.IGNORECASE,
)
_LEADING_LABEL = re.compile(rf"^\s*{_LABEL}\s*:?\s*", re.IGNORECASE)
HEADER = re.compile(rf"^\s*{_LABEL}\s*:?\s*((?:{DATE})(?:[,\s]+{TIME})?)\s+", re.IGNORECASE)
_DATE_AND_TIME = re.compile(
    rf"(?:{TIME}[,\s]+)?(?:{DATE})(?:[,\s|]+(?:в\s+|о\s+)?{TIME})?", re.IGNORECASE
)


# Every date holds a digit but «сегодня», «вчера» and the like: a line with neither is no date
# line (the date regex's month alternatives are slow to rule out on such a line, ~40 µs).
_DATE_WORD = re.compile(_DATE_WORDS, re.IGNORECASE)


def date_line_of(line: str) -> str | None:
    """The line without its label if it is only a date (and time), else None."""
    if len(line) > 80 or not (MAYBE_DIGIT.search(line) or _DATE_WORD.search(line)):
        return None
    rest, dates = _DATE_RE.subn(" ", line)  # one scan: no date found is no substitution made
    if not dates or _FILLER.sub("", rest):
        return None
    return _LEADING_LABEL.sub("", line).strip() or None


def date_in_byline(line: str) -> str | None:
    """A date (with its time) inside a short byline such as «Иван Петров, 12 января 2022, 14:30»."""
    if len(line) > 100 or len(line.split()) > 8 or not MAYBE_DIGIT.search(line):
        return None  # (the date found must hold «dddd» or «d:dd»: a line without digits has none)
    found = _DATE_AND_TIME.search(line)
    if found is None or not re.search(r"\d{4}|\d:\d\d", found.group()):
        return None
    return found.group().strip(" ,|")


_DATE_OR_TIME = rf"(?:(?:{DATE})(?:[,\s]+(?:в\s+|о\s+)?{TIME})?|{TIME})"
_LEADING = re.compile(rf"^({_DATE_OR_TIME})[\s,|—–-]+(?=\S)", re.IGNORECASE)
# The «date 2022-01» header kloop.kg pages start with, glued before the headline.
_HEADER = re.compile(r"^date\s+(\d{4}-\d{2}(?:-\d{2})?)\s+(?=\S)")
_TRAILING = re.compile(rf"[\s,|—–-]+({_DATE_OR_TIME})\.?$", re.IGNORECASE)
# «Заголовок 11.11.2018 По словам адвоката…»: a headline, a date, then the lead.
_GLUED = re.compile(
    rf"^(?P<title>\S.{{15,200}}?)\s+(?P<date>(?:{TIME}[,\s]+)?(?:{DATE})(?:[,\s]+{TIME})?|{TIME})"
    rf"\s+(?=[A-ZА-ЯЁІЇЄҐ«\"])"
)


# A date the headline itself speaks of: «…продлили ЧП до 19 января», «…перенесли на 18 марта».
_PREPOSITION_BEFORE = re.compile(
    r"(?:^|\s)(?:до|на|с|со|по|к|ко|в|во|от|из|за|после|перед|к|з|із|зі|від|у|після|перед|"
    r"until|by|on|from|to|till|since|before|after)$",
    re.IGNORECASE,
)


def split_title_date(title: str) -> tuple[str, str | None]:
    """Take a time or date off either end of a title: «11:57 Исламисты…», «…в отставку 17:36».

    A date that is part of the headline's phrase stays: one after a preposition («…до 19
    января») or a date in words joined to the headline by a plain space («Выборы 19 января»);
    only a time, or a date set off by a comma, a bar or a dash, is the publication date."""
    if not MAYBE_DIGIT.search(title):
        return title, None  # the date or time taken off must hold a digit
    header = _HEADER.match(title)
    if header and len(title[header.end() :].split()) >= 3:
        return title[header.end() :].strip(), header.group(1)
    for pattern in (_LEADING, _TRAILING):
        found = pattern.search(title)
        if found and re.search(r"\d", found.group(1)):
            if pattern is _TRAILING and _part_of_phrase(title, found):
                continue
            rest = (title[: found.start()] + title[found.end() :]).strip()
            if len(rest.split()) >= 3:
                return rest, found.group(1).strip()
    return title, None


def _part_of_phrase(title: str, found: re.Match[str]) -> bool:
    """A trailing date the headline's words lead into (no time, no separator before it)."""
    date = found.group(1)
    if re.search(r"\d:\d\d", date) or title[found.start() : found.start(1)].strip():
        return False  # a time, or «…, 12 января»: set off from the headline
    head = title[: found.start()].rstrip()
    return bool(_PREPOSITION_BEFORE.search(head)) or bool(re.search(r"[^\W\d_]", date))


def split_glued_headline(text: str) -> tuple[str, str, int] | None:
    """(headline, date, offset of the lead) when a line starts «Headline DATE Lead…»."""
    if not MAYBE_DIGIT.search(text):
        return None  # the date must hold «dddd» or «d:dd» (checked below): no digit, no headline
    found = _GLUED.match(text)
    if found is None or not re.search(r"\d{4}|\d:\d\d", found.group("date")):
        return None
    head = found.group("title")
    if not 4 <= len(head.split()) <= 20 or re.search(r"[.!?…]\s", head):
        return None
    return head, found.group("date"), found.end()
