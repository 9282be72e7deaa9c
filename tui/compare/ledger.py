"""The numbers ledger: every claim of each measure across a set of articles, in time order, with
who diverges from the rest.

For a set of articles (a search, a filter, a whole corpus) the ledger lists, per measure
(«погибшие», «задержанные», …), each claim with its outlet, value, qualifier, as-of time,
publication date, attribution, place and status (current, or superseded — an earlier figure the
article itself reports as replaced). Entries are in time order: publication date, then the as-of
date, then article and position, so a toll's evolution reads top to bottom.

An article's headline figure `diverges` when, among the headline figures of the same measure that
other articles published the same day about the same place (compared by the consonants ru and uk
spellings share; an unknown place only meets unknown ones), at least two agree on one value and
this one differs from it (`tui.compare.claims_diff.agreement`). A figure
published a day earlier or later is a stage of the toll, not a divergence.

`LedgerEntry.to_dict()` / `LedgerMeasure.to_dict()` are the JSON shape of `sverka claims --json`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import lru_cache
from typing import Any

from tui.compare.claims_diff import agreement, measure_label, skeleton
from tui.compare.model import ClaimRef
from tui.facts.model import Claim

DEFAULT_LIMIT = 200
"""Entries shown per measure unless asked otherwise (the most recent ones)."""


@dataclass(slots=True)
class LedgerEntry:
    """One claim of one article, as the ledger lists it (not frozen: a ledger builds tens of
    thousands of them, and a frozen dataclass's `__init__` costs three times as much)."""

    article: str
    outlet: str
    title: str
    date: str | None
    measure: str
    value: float
    value_max: float | None
    qualifier: str | None
    as_of: str | None
    as_of_date: str | None
    attribution: str | None
    place: str | None
    status: str
    text: str
    start: int
    end: int
    sentence_start: int = 0
    sentence_end: int = 0
    diverges: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Every field by name (flat values: no deep copy as `asdict` makes)."""
        return {name: getattr(self, name) for name in _ENTRY_FIELDS}


_ENTRY_FIELDS = tuple(f.name for f in fields(LedgerEntry))


@dataclass(frozen=True, slots=True)
class LedgerMeasure:
    """The entries of one measure, in time order; `total` counts those left out by a limit too."""

    measure: str
    label: str
    entries: list[LedgerEntry] = field(default_factory=list)
    total: int = 0

    def to_dict(self) -> dict[str, Any]:
        """`{"measure", "label", "total", "claims": [entry, …]}`."""
        return {
            "measure": self.measure,
            "label": self.label,
            "total": self.total,
            "claims": [e.to_dict() for e in self.entries],
        }


def entries_of(
    article: str, outlet: str, title: str, pub_date: str | None, claims: Iterable[Claim]
) -> list[LedgerEntry]:
    """Ledger entries of one article's claims (parts of a figure, «из них 5 детей», left out)."""
    return [
        LedgerEntry(
            article,
            outlet,
            title,
            pub_date,
            c.measure,
            c.value,
            c.value_max,
            c.qualifier,
            c.as_of,
            c.as_of_date,
            c.attribution,
            c.place,
            c.status,
            c.text,
            c.start,
            c.end,
            c.sentence_start,
            c.sentence_end,
        )  # fmt: skip
        for c in claims
        if c.status != "part"
    ]


def time_key(e: LedgerEntry) -> tuple[str, str, str, int]:
    """Publication date, as-of date, article, position: the ledger's order."""
    return (e.date or "", e.as_of_date or "", e.article, e.start)


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _ref(e: LedgerEntry) -> ClaimRef:
    return ClaimRef(e.start, e.end, e.text, e.value, e.qualifier, value_max=e.value_max)


def collapse(entries: Sequence[LedgerEntry]) -> list[LedgerEntry]:
    """One entry per article, measure, value and status (a headline «64» and the body's «64
    человек» are one claim), keeping the first mention's place in the text and the as-of time,
    source and place any mention gives."""
    first: dict[tuple[str, str, float, str, str | None], int] = {}
    out: list[LedgerEntry] = []
    for e in entries:
        key = (e.article, e.measure, e.value, e.status, e.qualifier)
        if key not in first:
            first[key] = len(out)
            out.append(e)
            continue
        known = out[first[key]]
        out[first[key]] = replace(
            known,
            as_of=known.as_of or e.as_of,
            as_of_date=known.as_of_date or e.as_of_date,
            attribution=known.attribution or e.attribution,
            place=known.place or e.place,
        )
    return out


def headlines(entries: Sequence[LedgerEntry]) -> dict[str, LedgerEntry]:
    """Each article's headline figure: its first exact current one, else its first current one."""
    out: dict[str, LedgerEntry] = {}
    for e in entries:
        if e.status != "current":
            continue
        known = out.get(e.article)
        if known is None or (known.qualifier is not None and e.qualifier is None):
            out[e.article] = e
    return out


@lru_cache(maxsize=10_000)
def _place_key(place: str | None) -> str:
    """Places compared as the first consonants of their first word («Днепр»/«Дніпро» → «днп»)."""
    return skeleton(place.split()[0])[:3] if place else ""


def mark_divergent(entries: Sequence[LedgerEntry]) -> list[LedgerEntry]:
    """One measure's entries (already `collapse`d), with `diverges` set on the headline figures
    that differ from what at least two other articles agree on the same day (module docstring).
    Linear: headlines are grouped by day and place once, each group's values counted once."""
    groups: dict[tuple[date | None, str], list[LedgerEntry]] = {}
    for e in headlines(entries).values():
        groups.setdefault((_day(e.date), _place_key(e.place)), []).append(e)
    divergent: set[tuple[str, int]] = set()
    for heads in groups.values():
        if len(heads) < 3:
            continue
        counts = Counter(p.value for p in heads)
        examples = {p.value: p for p in heads}
        common = counts.most_common(2)
        for e in heads:
            # the most common value among the others (this article's own figure not counted)
            top = [(v, n - (v == e.value)) for v, n in common]
            value, n = max(top, key=lambda vn: vn[1])
            if n >= 2 and agreement(_ref(e), _ref(examples[value])) == "differ":
                divergent.add((e.article, e.start))
    return [replace(e, diverges=True) if (e.article, e.start) in divergent else e for e in entries]


def build(
    entries: Iterable[LedgerEntry],
    measure: str | None = None,
    include_other: bool = False,
    limit: int | None = DEFAULT_LIMIT,
    lang: str | None = None,
) -> list[LedgerMeasure]:
    """Entries grouped by measure (most entries first), each in time order, the most recent
    `limit` of each kept (None or 0: all). `measure` keeps one measure; `other:` measures (numbers
    no vocabulary entry fits) only with `include_other` or when asked for by name."""
    groups: dict[str, list[LedgerEntry]] = {}
    for e in entries:
        if measure is not None and e.measure != measure:
            continue
        if measure is None and not include_other and e.measure.startswith("other:"):
            continue
        groups.setdefault(e.measure, []).append(e)
    out = []
    for mid, items in groups.items():
        items.sort(key=time_key)
        items = collapse(items)
        total = len(items)
        if limit:
            items = items[-limit:]
        out.append(LedgerMeasure(mid, measure_label(mid, lang), mark_divergent(items), total))
    out.sort(key=lambda m: (-m.total, m.measure))
    return out
