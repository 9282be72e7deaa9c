"""The difference of two articles' facts: entities by canonical key, numbers by what they count.

Quantities are grouped by their (counted, event) signature — «задержали 7939 человек» and
«затримано 1 925 осіб» fall in one group; all counts of people under one event are one group —
and each group gets a status:

- `agree`: some value of A equals (or, when one is approximate, is within 10 % of) a value of B;
- `conflict`: no value agrees, and two values have the same scope — the same place (nearest place
  entity in the sentence), date, and time window («за сутки», «протягом минулої доби» make a
  one-day count) — or stand in passages aligned as telling the same thing;
- `differ`: no value agrees, but the scope differs or cannot be told;
- `only_a` / `only_b`: one article does not give such a number.

Dates are grouped by ISO value (`agree`, `only_a`, `only_b`); two aligned passages that give
different dates for the same statement add a `conflict` group.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from tui.compare.model import EntityDiff, EntityRow, Pair, Value, ValueGroup
from tui.compare.people import is_person_noun
from tui.compare.text import fold
from tui.facts.model import DateFact, Entity, Quantity
from tui.lang.sentences import split as split_sentences

APPROX_TOLERANCE = 0.10
"""Relative gap under which an approximate number agrees with another («почти 8 тысяч» ≈ 7939)."""

# Fallback ru/uk bridge for quantity signatures while tui.facts.quantities is missing (folded).
_UK_TO_RU = {
    fold(uk): fold(ru)
    for uk, ru in {
        "затримати": "задержать",
        "заарештувати": "арестовать",
        "загинути": "погибнуть",
        "постраждати": "пострадать",
        "поранити": "ранить",
        "вилучити": "изъять",
        "направити": "направить",
        "відправити": "отправить",
        "особа": "человек",
        "людина": "человек",
        "одиниця": "единица",
        "боєприпас": "боеприпас",
        "зброя": "оружие",
    }.items()
}


def _fallback_signature(q: Quantity) -> Hashable:
    """(counted, event), folded and bridged uk→ru; used when facts provide no signature."""

    def norm(word: str | None) -> str | None:
        if not word:
            return None
        f = fold(word)
        return _UK_TO_RU.get(f, f)

    return (norm(q.counted), norm(q.event))


def signature_function() -> Callable[[Quantity], Hashable]:
    """`tui.facts.quantities.quantity_signature` if it exists, else a local fallback."""
    try:
        from tui.facts.quantities import quantity_signature
    except ImportError:
        return _fallback_signature
    return quantity_signature


PERSONS = "people"
"""Counted-noun class shared by every animate noun (человек, особа, учасник, демонстрант …)."""

_TIME_SCOPE_RE = re.compile(
    r"\b(за\s+(?:минувшие\s+|прошедшие\s+|последние\s+)?сутки|за\s+(?:минулу\s+)?добу|"
    r"(?:протягом|в\s+течение)\s+(?:минулої\s+|минувших\s+|прошедших\s+)?(?:доби|суток)|"
    r"за\s+день|на\s+день|накануне|напередодні|вчера|вчора|сегодня|сьогодні)",
    re.IGNORECASE,
)
"""Words that tie a number to one day rather than to the whole event."""


def quantity_group_key(q: Quantity, signature: Callable[[Quantity], Hashable]) -> Hashable | None:
    """The group a quantity falls in: its (counted, event) signature, except that all counts of
    people under one event form one group («задержали 7939 человек» ≈ «затримано 1 925
    учасників»). None when the quantity says neither what it counts nor what happened."""
    if not (q.counted or q.event):
        return None
    sig = signature(q)
    if sig is None:
        return None
    event = sig[1] if isinstance(sig, tuple) and len(sig) == 2 else None
    counted = sig[0] if isinstance(sig, tuple) and len(sig) == 2 else None
    # (the signature may name people where the text did not: «7939 задержанных» → человек)
    if event and (
        is_person_noun(q.counted) or (isinstance(counted, str) and is_person_noun(counted))
    ):
        return (PERSONS, event)
    return sig


def describe_signature(signature: Hashable, example: Quantity) -> str:
    """Readable name of a quantity group: «задержать · человек»."""
    if isinstance(signature, str):
        return signature
    parts = [example.event, example.counted]
    text = " · ".join(p for p in parts if p)
    if text:
        return text
    if isinstance(signature, tuple):
        return " · ".join(str(p) for p in signature if p)
    return str(signature)


# --- entities -------------------------------------------------------------------------------


_CASE_ENDINGS = frozenset("аяуюиыеоь")


def key_merges(*groups: Sequence[Entity]) -> dict[str, str]:
    """Keys to merge across articles: a key that is another key of the same type plus one case
    ending («токаева» → «токаев») — a base form the lemmatiser missed in one article."""
    types: dict[str, set[str]] = defaultdict(set)
    for entities in groups:
        for e in entities:
            if e.key:
                types[e.key].add(e.type)
    merges: dict[str, str] = {}
    for key in types:
        stem_key = key[:-1]
        if (
            len(stem_key) >= 4
            and key[-1] in _CASE_ENDINGS
            and types.get(stem_key, set()) & types[key]
        ):
            merges[key] = stem_key
    # Place names of several words whose case endings the lemmatiser left in one language
    # («банска бистрице» ~ «банска бистрица»): every word equal but for a final vowel.
    loose: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, key_types in types.items():
        words = key.split()
        if key in merges or len(words) < 2 or any(len(w) < 4 for w in words):
            continue
        shape = " ".join(w[:-1] if w[-1] in _CASE_ENDINGS else w for w in words)
        for t in key_types:
            loose[(t, shape)].append(key)
    for same in loose.values():
        target = min(same, key=lambda k: (len(k), k))
        for key in same:
            if key != target:
                merges[key] = target
    return merges


def diff_entities(a: Sequence[Entity], b: Sequence[Entity]) -> EntityDiff:
    """Entities by canonical key: shared, only in A, only in B (most mentioned first).

    Keys that differ only by a case ending are merged (see `key_merges`)."""
    merges = key_merges(a, b)
    by_a = _by_key(a, merges)
    by_b = _by_key(b, merges)
    shared: list[EntityRow] = []
    only_a: list[EntityRow] = []
    only_b: list[EntityRow] = []
    for key in by_a.keys() | by_b.keys():
        ea, eb = by_a.get(key, []), by_b.get(key, [])
        kind = Counter(e.type for e in (*ea, *eb)).most_common(1)[0][0]
        row = EntityRow(
            key=key,
            type=kind,
            a=_most_common_normal(ea),
            b=_most_common_normal(eb),
            mentions_a=len(ea),
            mentions_b=len(eb),
        )
        (shared if ea and eb else only_a if ea else only_b).append(row)

    def order(row: EntityRow) -> tuple[int, str]:
        return (-(row.mentions_a + row.mentions_b), row.key)

    return EntityDiff(
        sorted(shared, key=order), sorted(only_a, key=order), sorted(only_b, key=order)
    )


def _by_key(entities: Sequence[Entity], merges: dict[str, str]) -> dict[str, list[Entity]]:
    out: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        if e.key:
            out[merges.get(e.key, e.key)].append(e)
    return out


def _most_common_normal(entities: Sequence[Entity]) -> str | None:
    if not entities:
        return None
    return Counter(e.normal for e in entities).most_common(1)[0][0]


# --- scope of a number ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Side:
    """One article's text and facts, as the diff needs them."""

    text: str
    entities: Sequence[Entity]
    dates: Sequence[DateFact]
    quantities: Sequence[Quantity]


def _sentence_of(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    for start, end in spans:
        if start <= offset < end:
            return start, end
    return offset, offset


def _scope(
    side: Side, spans: Sequence[tuple[int, int]], q: Quantity
) -> tuple[str | None, str | None]:
    """Where and when `q` applies: the nearest place entity and date of its sentence, and whether
    the sentence ties it to one day. Returned twice: as a comparison key (the entity's folded
    key, the ISO date) and as a reader sees it (the entity's `normal`, «02.01.2022»)."""
    from tui.compare.reading import format_date

    start, end = _sentence_of(spans, q.start)
    places = [e for e in side.entities if e.type == "LOC" and start <= e.start < end]
    dates = [d for d in side.dates if start <= d.start < end]
    parts: list[str] = []
    shown: list[str] = []
    if places:
        nearest = min(places, key=lambda e: min(abs(e.start - q.end), abs(q.start - e.end)))
        parts.append(nearest.key)
        shown.append(nearest.normal or nearest.text)
    if dates:
        nearest_date = min(dates, key=lambda d: min(abs(d.start - q.end), abs(q.start - d.end)))
        parts.append(nearest_date.value)
        shown.append(format_date(nearest_date.value))
    if _TIME_SCOPE_RE.search(side.text, start, end):
        parts.append("one day")
        shown.append("in one day")
    return (" ".join(parts) or None, ", ".join(shown) or None)


def _agree(x: Value, y: Value) -> bool:
    vx, vy = float(x.value), float(y.value)
    if vx == vy:
        return True
    if x.approx or y.approx:
        return abs(vx - vy) <= APPROX_TOLERANCE * max(abs(vx), abs(vy))
    return False


def _same_scope(x: Value, y: Value) -> bool:
    return x.scope is not None and x.scope == y.scope


def _in_pair(x: Value, y: Value, pairs: Sequence[Pair]) -> bool:
    return any(p.a.start <= x.start < p.a.end and p.b.start <= y.start < p.b.end for p in pairs)


def diff_quantities(a: Side, b: Side, pairs: Sequence[Pair] = ()) -> list[ValueGroup]:
    """Quantity groups of both articles, side by side with a status (see the module docstring)."""
    signature = signature_function()
    spans_a, spans_b = split_sentences(a.text), split_sentences(b.text)
    groups: dict[Hashable, tuple[list[Value], list[Value]]] = {}
    examples: dict[Hashable, Quantity] = {}
    for index, (side, spans) in enumerate(((a, spans_a), (b, spans_b))):
        for q in side.quantities:
            sig = quantity_group_key(q, signature)
            if sig is None:
                continue
            examples.setdefault(sig, q)
            scope, scope_text = _scope(side, spans, q)
            value = Value(q.start, q.end, q.text, q.value, q.approx, scope, scope_text)
            groups.setdefault(sig, ([], []))[index].append(value)
    out: list[ValueGroup] = []
    for sig, (va, vb) in groups.items():
        q = examples[sig]
        status = _quantity_status(va, vb, pairs)
        out.append(
            ValueGroup(describe_signature(sig, q), va, vb, status, counted=q.counted, event=q.event)
        )
    return sorted(out, key=_group_order)


def _quantity_status(va: Sequence[Value], vb: Sequence[Value], pairs: Sequence[Pair]) -> str:
    if not vb:
        return "only_a"
    if not va:
        return "only_b"
    if any(_agree(x, y) for x in va for y in vb):
        return "agree"
    if any(_same_scope(x, y) or _in_pair(x, y, pairs) for x in va for y in vb):
        return "conflict"
    return "differ"


_STATUS_ORDER = {"conflict": 0, "differ": 1, "agree": 2, "only_a": 3, "only_b": 4}


def _group_order(group: ValueGroup) -> tuple[int, int, str]:
    first = min((v.start for v in (*group.a, *group.b)), default=0)
    if group.a:
        first = min(v.start for v in group.a)
    return (_STATUS_ORDER.get(group.status, 9), first, group.what)


# --- dates ----------------------------------------------------------------------------------


def _canonical_dates(values: Sequence[str]) -> dict[str, str]:
    """Map each date value to its group: a yearless `--MM-DD` joins the one full date it fits."""
    full = [v for v in values if not v.startswith("--")]
    out: dict[str, str] = {}
    for value in values:
        if value.startswith("--"):
            fits = sorted({f for f in full if f.endswith(value[1:]) and len(f) == 10})
            out[value] = fits[0] if len(fits) == 1 else value
        else:
            out[value] = value
    return out


def diff_dates(a: Side, b: Side, pairs: Sequence[Pair] = ()) -> list[ValueGroup]:
    """Dates by ISO value, plus a `conflict` group for aligned passages giving other dates.

    A date without a year («10 января», `--01-10`) is grouped with the one full date of the same
    day and month («10 января 2022 года»), if there is exactly one.
    """
    canon = _canonical_dates([d.value for d in (*a.dates, *b.dates)])
    by_value: dict[str, tuple[list[Value], list[Value]]] = {}
    for index, side in enumerate((a, b)):
        for d in side.dates:
            by_value.setdefault(canon[d.value], ([], []))[index].append(
                Value(d.start, d.end, d.text, d.value)
            )
    out: list[ValueGroup] = []
    for value, (va, vb) in by_value.items():
        status = "agree" if va and vb else "only_a" if va else "only_b"
        out.append(ValueGroup(value, va, vb, status))
    for pair in pairs:
        da = [d for d in a.dates if pair.a.start <= d.start < pair.a.end]
        db = [d for d in b.dates if pair.b.start <= d.start < pair.b.end]
        if da and db and not ({canon[d.value] for d in da} & {canon[d.value] for d in db}):
            out.append(
                ValueGroup(
                    f"date of «{_short(pair.a.text)}»",
                    [Value(d.start, d.end, d.text, d.value) for d in da],
                    [Value(d.start, d.end, d.text, d.value) for d in db],
                    "conflict",
                )
            )
    # by day of the year, so «--01-10» (no year) sits among the January 2022 dates
    return sorted(out, key=lambda g: (g.status != "conflict", g.what[-5:], g.what))


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
