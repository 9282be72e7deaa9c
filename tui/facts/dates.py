"""Dates in Russian and Ukrainian news text, as ISO values.

Recognised (any case of the month name where it makes sense):

- «6 января», «10 січня», «10 января 2022 года», «2 січня 2022 р.» → ``2022-01-10``
- ranges «9-10 января», «с 5 по 7 января», «з 30 грудня по 2 січня» → ``2022-01-05/2022-01-07``
- month and year «в январе 2022 года», «у січні 2022 року» → ``2022-01``
- a year with its word «2022 года», «в 2022 году», «2022 р.» → ``2022``; «в 2021-2022 годах» → ``2021/2022``
- numeric «10.01.2022» and ISO «2022-01-10»
- «вчера», «сегодня», «завтра», «позавчера» (uk «вчора/учора», «сьогодні», «завтра», «позавчора») —
  only when `ref_date` is a full day (``YYYY-MM-DD``); otherwise they are not dates we can place.

A day and month without a year take the year that puts the date nearest to the reference: the
article's date (`ref_date`, may be partial like ``2022-01``), else the nearest date in the text
that has an explicit year. So «30 декабря» in an article of ``2022-01`` is ``2021-12-30``. When no
year can be inferred, the value is the ISO 8601 month-day form ``--01-10``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from tui.facts.model import DateFact
from tui.lang import months

# Month names of the Russian and Ukrainian profiles (`tui/lang/<code>/months.toml`): genitive
# (after a day number) and other forms (with a year: «январь/январе 2022»).
_MONTHS_GEN: dict[str, int] = months("ru", "uk", kinds=("genitive",))
_MONTHS_ANY: dict[str, int] = months("ru", "uk", kinds=("genitive", "nominative", "forms"))

_GEN = "|".join(sorted(_MONTHS_GEN, key=len, reverse=True))
_ANY = "|".join(sorted(_MONTHS_ANY, key=len, reverse=True))
_DASH = r"\s*[-‐‑–—]\s*"
_SP = r"[ \t\u00a0\u202f]+"
_DAY = r"(?<!\d)(?<!\d[.,:])([0-3]?\d)(?![\d.,:]\d)"
_YEAR_WORD = r"(?:года|году|год|годах|годов|гг?\.|року|рік|році|роках|років|рр?\.|-?го\b)"
_YEAR = rf"(?:{_SP}((?:19|20)\d\d)(?:{_SP}?{_YEAR_WORD})?)?"

# «6 и 7 января», «5, 6 та 7 січня»: the earlier days of a list take the last day's month and year
_DAY_LIST = re.compile(
    rf"{_DAY}((?:\s*,\s*[0-3]?\d)*)(?:\s*,)?{_SP}(?:и|і|та|й){_SP}(?=[0-3]?\d(?:-?(?:го|е))?{_SP}(?:{_GEN})\b)",
    re.IGNORECASE,
)
_RANGE_SAME_MONTH = re.compile(rf"{_DAY}{_DASH}([0-3]?\d){_SP}({_GEN})\b{_YEAR}", re.IGNORECASE)
_RANGE_FROM_TO = re.compile(
    rf"\b(?:с|со|з|із|від|от){_SP}([0-3]?\d)(?:{_SP}({_GEN}))?{_SP}(?:по|до){_SP}([0-3]?\d){_SP}({_GEN})\b{_YEAR}",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(rf"{_DAY}(?:-?(?:го|е|ое|ого))?{_SP}({_GEN})\b{_YEAR}", re.IGNORECASE)
_MONTH_YEAR = re.compile(
    rf"\b({_ANY}){_SP}((?:19|20)\d\d)(?!\d)(?:{_SP}?{_YEAR_WORD})?", re.IGNORECASE
)
_YEAR_RANGE = re.compile(
    rf"(?<![\d.,])((?:19|20)\d\d){_DASH}((?:19|20)\d\d){_SP}?(?:годах|годов|годы|гг\.|роках|років|роки|рр\.)",
    re.IGNORECASE,
)
_YEAR_ONLY = re.compile(rf"(?<![\d.,-])((?:19|20)\d\d){_SP}?{_YEAR_WORD}", re.IGNORECASE)
_NUMERIC = re.compile(r"(?<![\d.])([0-3]?\d)\.([01]?\d)\.((?:19|20)\d\d)(?![\d])")
_ISO = re.compile(r"(?<![\d-])((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?![\d])")
_RELATIVE = re.compile(
    r"\b(позавчера|позавчора|вчера|вчора|учора|сегодня|сьогодні|послезавтра|післязавтра|завтра)\b",
    re.IGNORECASE,
)
_RELATIVE_DAYS = {
    "позавчера": -2,
    "позавчора": -2,
    "вчера": -1,
    "вчора": -1,
    "учора": -1,
    "сегодня": 0,
    "сьогодні": 0,
    "завтра": 1,
    "послезавтра": 2,
    "післязавтра": 2,
}


@dataclass
class _Raw:
    """A date mention before year inference: year None means «infer it»."""

    start: int
    end: int
    parts: list[tuple[int | None, int | None, int | None]]  # (year, month, day) for each end
    iso: str | None = None  # already final (year-only, month-year, relative)


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    try:
        date(year or 2000, month or 1, day or 1)  # 2000 is a leap year: «29 февраля» passes
    except ValueError:
        return False
    return True


def _parse_ref(ref_date: str | None) -> tuple[int, int | None, int | None] | None:
    """'2022', '2022-01', '2022-01-10' (or longer) → (year, month|None, day|None)."""
    if not ref_date:
        return None
    m = re.match(r"\s*((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?", ref_date)
    if not m:
        return None
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    return year, month or None, day or None


def _ordinal(year: int, month: int | None, day: int | None) -> int:
    """A day number for distance comparisons; a partial date is taken at its middle."""
    if month is None:
        return date(year, 7, 1).toordinal()
    if day is None:
        return date(year, month, 15).toordinal()
    return date(year, month, min(day, 28 if month == 2 else day)).toordinal()


def _nearest_year(month: int, day: int | None, ref: tuple[int, int | None, int | None]) -> int:
    """The year (ref's, or one either side) that puts day/month nearest the reference date."""
    target = _ordinal(*ref)
    candidates = [y for y in (ref[0] - 1, ref[0], ref[0] + 1) if _valid(y, month, day)]
    return min(candidates, key=lambda y: (abs(_ordinal(y, month, day) - target), y != ref[0]))


def _iso(year: int | None, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _year(m: re.Match[str], group: int) -> int | None:
    return int(m[group]) if m[group] else None


def _collect(text: str, ref: tuple[int, int | None, int | None] | None) -> list[_Raw]:
    """All mentions, longest first at each place; overlapping shorter ones dropped."""
    found: list[_Raw] = []
    for m in _RANGE_FROM_TO.finditer(text):
        end_month = _MONTHS_GEN[m[4].lower()]
        start_month = _MONTHS_GEN[m[2].lower()] if m[2] else end_month
        year = _year(m, 5)
        found.append(
            _Raw(m.start(), m.end(), [(year, start_month, int(m[1])), (year, end_month, int(m[3]))])
        )
    for m in _RANGE_SAME_MONTH.finditer(text):
        month, year = _MONTHS_GEN[m[3].lower()], _year(m, 4)
        if int(m[1]) < int(m[2]):
            found.append(
                _Raw(m.start(), m.end(), [(year, month, int(m[1])), (year, month, int(m[2]))])
            )
    day_month: dict[int, re.Match[str]] = {}
    for m in _DAY_MONTH.finditer(text):
        day_month[m.start()] = m
        found.append(
            _Raw(m.start(), m.end(), [(_year(m, 3), _MONTHS_GEN[m[2].lower()], int(m[1]))])
        )
    for m in _DAY_LIST.finditer(text):
        tail = day_month.get(m.end())
        if tail is None:
            continue
        month, year = _MONTHS_GEN[tail[2].lower()], _year(tail, 3)
        for d in re.finditer(r"\d+", m[0]):
            found.append(
                _Raw(m.start() + d.start(), m.start() + d.end(), [(year, month, int(d[0]))])
            )
    for m in _NUMERIC.finditer(text):
        found.append(_Raw(m.start(), m.end(), [(int(m[3]), int(m[2]), int(m[1]))]))
    for m in _ISO.finditer(text):
        found.append(_Raw(m.start(), m.end(), [(int(m[1]), int(m[2]), int(m[3]))]))
    for m in _MONTH_YEAR.finditer(text):
        month = _MONTHS_ANY[m[1].lower()]
        found.append(_Raw(m.start(), m.end(), [], iso=f"{int(m[2]):04d}-{month:02d}"))
    for m in _YEAR_RANGE.finditer(text):
        if int(m[1]) < int(m[2]):
            found.append(_Raw(m.start(), m.end(), [], iso=f"{m[1]}/{m[2]}"))
    for m in _YEAR_ONLY.finditer(text):
        found.append(_Raw(m.start(), m.end(), [], iso=m[1]))
    if ref and ref[1] and ref[2]:
        base = date(*ref)  # type: ignore[arg-type]
        for m in _RELATIVE.finditer(text):
            day = base + timedelta(days=_RELATIVE_DAYS[m[1].lower()])
            found.append(_Raw(m.start(), m.end(), [], iso=day.isoformat()))

    found.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[_Raw] = []
    for raw in found:
        if kept and raw.start < kept[-1].end:
            continue
        if raw.parts and not all(_valid(*p) for p in raw.parts):
            continue
        kept.append(raw)
    return kept


def find_dates(text: str, lang: str | None = None, ref_date: str | None = None) -> list[DateFact]:
    """Every date mention in `text` with its ISO value (see the module docstring for the forms).

    `lang` is accepted for symmetry with the other extractors (both languages are always tried).
    """
    del lang
    ref = _parse_ref(ref_date)
    raws = _collect(text, ref)
    # Mentions with their own year anchor the others when there is no article date.
    anchors = [
        (r.start, (r.parts[-1][0], r.parts[-1][1], r.parts[-1][2]))
        for r in raws
        if r.parts and r.parts[-1][0] is not None
    ]
    facts: list[DateFact] = []
    for raw in raws:
        if raw.iso is None:
            here = ref
            if here is None and anchors:
                _, here = min(anchors, key=lambda a: abs(a[0] - raw.start))
            values: list[str] = []
            end_year: int | None = None
            for i, (year, month, day) in enumerate(reversed(raw.parts)):
                assert month is not None and day is not None
                if year is None and i > 0 and end_year is not None:
                    # a range start takes the end's year, one less if it wraps over New Year
                    prev_month, prev_day = raw.parts[-1][1], raw.parts[-1][2]
                    year = end_year - 1 if (month, day) > (prev_month, prev_day) else end_year
                elif year is None and here is not None:
                    year = _nearest_year(month, day, here)
                end_year = year if i == 0 else end_year
                values.append(_iso(year, month, day))
            raw.iso = "/".join(reversed(values))
        facts.append(DateFact(raw.start, raw.end, text[raw.start : raw.end], raw.iso))
    return facts
