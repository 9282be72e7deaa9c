"""What a reader is shown of a comparison: which numbers are worth comparing, and how dates and
scopes read.

The comparison itself (`Comparison.quantities`, the JSON of `sverka compare --json`) keeps every
number the extractor found. The two-column views show fewer, by one rule:

1. every group both articles give a number for (conflict, then differ, then agree);
2. a group only one article gives, when it names an event *and* counts people, money or things —
   not repetitions («два раза»), units of measure or time («100 метров», «три дня») or places
   («пять стран», «в трёх регионах»: counted in passing, rarely the news);

ranked people, money, things, larger numbers first. `reader_quantities` returns the shown groups
and how many were left out, so a view can say so.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.compare.model import Value, ValueGroup
from tui.compare.text import fold

MONTH_DAY_LEN = len("--01-02")

_TRIVIAL = frozenset(
    fold(w)
    for w in [
        # repetitions
        "раз",
        # units of measure and time
        "метр", "километр", "км", "сантиметр", "процент", "градус", "тонна", "литр",
        "секунда", "минута", "час", "день", "сутки", "неделя", "месяц", "год",
        "хвилина", "година", "доба", "тиждень", "місяць", "рік", "відсоток", "кілометр",
        # places, counted in passing
        "страна", "країна", "регион", "регіон", "область", "город", "місто", "район",
        "село", "населенный пункт", "населений пункт",
    ]
)  # fmt: skip

_MONEY = frozenset(
    fold(w)
    for w in [
        "доллар", "долар", "дол", "рубль", "тенге", "теньге", "евро", "євро", "гривна",
        "гривня", "грн", "руб", "сом", "юань", "фунт",
    ]
)  # fmt: skip

SHARED, PEOPLE, MONEY, THINGS = 0, 1, 2, 3
"""Relevance ranks, most relevant first."""

_STATUS_RANK = {"conflict": 0, "differ": 1, "compatible": 2, "agree": 3}


def counted_kind(counted: str | None) -> int | None:
    """`PEOPLE`, `MONEY` or `THINGS` for a counted noun worth showing on its own; None for
    repetitions, units, places and a missing noun."""
    if not counted:
        return None
    head = counted.split()[0]
    if fold(head) in _TRIVIAL or fold(counted) in _TRIVIAL:
        return None
    if fold(head) in _MONEY:
        return MONEY
    from tui.compare.people import is_person_noun

    return PEOPLE if is_person_noun(counted) else THINGS


def relevance(group: ValueGroup) -> tuple[int, int, float] | None:
    """Sort key of a quantity group for a reader (smaller first), None to leave it out.

    A group built from claims of a vocabulary measure (deaths, detained, …) is always shown; one
    of an `other:` measure is judged by what it counts and its event, as a quantity group is."""
    if group.a and group.b:
        return (SHARED, _STATUS_RANK.get(group.status, 3), 0.0)
    counted, event = group.counted, group.event
    if group.measure is not None:
        if not group.measure.startswith("other:"):
            biggest = max((float(v.value) for v in (*group.a, *group.b)), default=0.0)
            return (PEOPLE, 0, -biggest)
        counted, _, event = group.measure[len("other:") :].partition("|")
    kind = counted_kind(counted)
    if kind is None or not event:
        return None
    biggest = max((float(v.value) for v in (*group.a, *group.b)), default=0.0)
    return (kind, 0, -biggest)


def reader_quantities(groups: Sequence[ValueGroup]) -> tuple[list[ValueGroup], int]:
    """The quantity groups worth showing, most relevant first, and how many were left out."""
    keyed = [(relevance(g), i, g) for i, g in enumerate(groups)]
    shown = sorted((k, i, g) for k, i, g in keyed if k is not None)
    return [g for _, _, g in shown], len(groups) - len(shown)


_MONTHS = ("", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12")


def format_date(value: str) -> str:
    """An ISO date as people in ru/uk write it: «02.01.2022», «10.01» (no year), «01.2022»."""
    parts = value.split("-")
    if value.startswith("--") and len(value) == MONTH_DAY_LEN:
        return f"{value[5:7]}.{value[2:4]}"
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{parts[2]}.{parts[1]}.{parts[0]}"
    if len(parts) == 2 and all(p.isdigit() for p in parts) and parts[1] in _MONTHS:
        return f"{parts[1]}.{parts[0]}"
    return value


def value_runs(values: Sequence[Value]) -> list[tuple[str, str | None, int]]:
    """Values as a reader sees them: (text, scope_text, how many times), repeats folded into one
    («14 регіонах ×2»), in order of first mention."""
    counts: dict[tuple[str, str | None], int] = {}
    for v in values:
        key = (" ".join(v.text.split()), v.scope_text)
        counts[key] = counts.get(key, 0) + 1
    return [(text, scope, n) for (text, scope), n in counts.items()]
