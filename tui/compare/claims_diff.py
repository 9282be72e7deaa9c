"""Compare by claim: the figures of two articles side by side by what they count, once the two are
judged to report the same event.

**Same event.** Two articles are taken to report one event when they share passages (aligned
pairs), a place that names the event (one in either headline, or an article's most named place,
found in the other article by key or by the consonants ru and uk spellings share: «Днепр» /
«Дніпрі») or a venue or company a headline names («Крокус Сити Холл»; not a body like «МЧС»), or a figure of one measure unlikely to meet by chance (≥ 20, not round: «3 419
погибших») — and their publication dates (when both are known) are at most `MAX_DAYS` apart.
Otherwise they are `different events`: no figure is set against another (a fire in Surgut is not
«differ» from a fire in Kemerovo), and the reasons say why.

**Rows.** For each measure (`tui.facts.claims`) the current figures of each article, the headline
first — the first exact current figure that is not a part («из них 5 детей»), else the first
current one — and the superseded ones as the article's history. Headlines are set against each
other as intervals their qualifiers allow:

- exact: the value; «около»/«близько» ± a margin: 5 %, or half the rounding step (50 for
  «2 500») when that is more, but never over 10 % («около 100» is 90–110);
- «почти»/«майже»: down to twice the margin below; «более», «понад», «не менее», «щонайменше»:
  as much above (a reporter's «more than 2300» is 2 3xx, not 121 000);
- «до»/«менее»: anything below; «десятки», «сотни»: up to ten times;

`agree` when the values are equal, `compatible` when the intervals meet, `differ` when they do
not; `only_a`/`only_b` when one article gives no current figure.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from tui.compare.model import ClaimRef, ClaimRow, EventMatch, Pair, Value, ValueGroup
from tui.facts.model import Claim, Entity

if TYPE_CHECKING:
    from tui.compare.prepare import Prepared

MAX_DAYS = 14
"""Publication dates further apart than this make two articles different events, unless one
reuses passages of the other word for word (two `same` pairs: a reprint)."""

_ORDER = {"differ": 0, "compatible": 1, "agree": 2, "only_a": 3, "only_b": 4, "history": 5}


# -- same event --------------------------------------------------------------------------------


def _iso(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _event_places(text: str, entities: Sequence[Entity]) -> set[str]:
    """Keys of the places that name an article's event: those in its headline (first line), and
    its most named place(s)."""
    title_end = text.find("\n")
    title_end = len(text) if title_end < 0 else title_end
    places = [e for e in entities if e.type == "LOC" and e.key]
    out = {e.key for e in places if e.start < title_end}
    counts = Counter(e.key for e in places)
    if counts:
        top = max(counts.values())
        out |= {k for k, n in counts.items() if n == top}
    return out


_VOWELS = str.maketrans("", "", "аеёиіїоуыэюяєьъйaeiouy'’ʼ-")


def skeleton(word: str) -> str:
    """A place name's consonants, doubles collapsed: «Днепр»/«Дніпрі» → «днпр», «Харків»/
    «Харькове» → «хркв», «Одеса»/«Одессе» → «дс» — the part ru and uk spellings share."""
    bare = word.lower().translate(_VOWELS)
    return "".join(ch for i, ch in enumerate(bare) if i == 0 or ch != bare[i - 1])


def _place_met(places: Sequence[Entity], text: str) -> list[str]:
    """Places of one article named in another text, by the skeleton of a capitalised word
    (which catches what the other side's recogniser missed and the other language's spelling)."""
    words = {skeleton(w) for w in re.findall(r"[A-ZА-ЯЁІЇЄҐ][\w'’ʼ-]+", text)}
    met = []
    for e in places:
        bone = skeleton((e.normal or e.text).split()[0])
        if (len(bone) >= 3 and any(w.startswith(bone) for w in words)) or (
            len(bone) == 2 and bone in words  # «Київ»/«Киеве», «Одеса»/«Одессе»: the whole name
        ):
            met.append(e.normal or e.text)
    return met


def _named_venues(p: Prepared) -> list[Entity]:
    """Organisations named in an article's headline that are not a cited body or an acronym
    («Крокус Сити Холл», «Зимняя вишня»; not «МЧС», «ФСБ», which head unrelated stories too)."""
    title_end = p.text.find("\n")
    title_end = len(p.text) if title_end < 0 else title_end
    cited = {(s.start, s.end) for s in p.facts.sources}
    return [
        e
        for e in p.facts.entities
        if e.type == "ORG"
        and e.start < title_end
        and (e.start, e.end) not in cited
        and not (e.text.isupper() and len(e.text) <= 6)
    ]


def _shared_figures(a: Sequence[Claim], b: Sequence[Claim]) -> list[str]:
    """Figures of one measure both articles give that are unlikely to meet by chance: 20 or more
    and not round («3 419», «75»)."""

    def specific(cs: Sequence[Claim]) -> set[tuple[str, float]]:
        return {
            (c.measure, c.value)
            for c in cs
            if not c.measure.startswith("other:")
            and c.value >= 20
            and _step(c.value) < 10
            and c.qualifier is None
        }

    return [f"{v:g} {m}" for m, v in sorted(specific(a) & specific(b))]


def same_event(
    a: Prepared, b: Prepared, pairs: Sequence[Pair] = (), merges: dict[str, str] | None = None
) -> EventMatch:
    """Whether two articles report the same event (see the module docstring)."""
    merges = merges or {}

    def keyed(ents: Sequence[Entity]) -> list[Entity]:
        return [
            Entity(e.start, e.end, e.text, e.type, e.normal, merges.get(e.key, e.key)) for e in ents
        ]

    ea, eb = keyed(a.facts.entities), keyed(b.facts.entities)
    all_a = {e.key for e in ea if e.type == "LOC" and e.key}
    all_b = {e.key for e in eb if e.type == "LOC" and e.key}
    event_a, event_b = _event_places(a.text, ea), _event_places(b.text, eb)
    names = {e.key: e.normal or e.text for e in (*ea, *eb)}
    shared = {names[k] for k in (event_a & all_b) | (event_b & all_a)}
    shared |= set(_place_met([e for e in ea if e.key in event_a], b.text))
    shared |= set(_place_met([e for e in eb if e.key in event_b], a.text))
    shared |= set(_place_met(_named_venues(a), b.text)) | set(_place_met(_named_venues(b), a.text))
    figures = _shared_figures(a.facts.claims, b.facts.claims)
    reasons: list[str] = []
    da, db = _iso(a.date), _iso(b.date)
    days = abs((da - db).days) if da and db else None
    if pairs:
        reasons.append(f"{len(pairs)} shared passage{'s' if len(pairs) > 1 else ''}")
    if shared:
        reasons.append("same place: " + ", ".join(sorted(shared)))
    if figures:
        reasons.append("same figures: " + ", ".join(figures))
    reused = sum(1 for p in pairs if p.kind == "same")
    if days is not None and days > MAX_DAYS and reused < 2:
        return EventMatch(False, [f"published {days} days apart", *reasons])
    if pairs or shared or figures:
        return EventMatch(True, reasons)
    return EventMatch(False, ["no shared passage, place of the event or figure"])


# -- rows --------------------------------------------------------------------------------------


def _step(value: float) -> float:
    """The rounding step a figure was given with: 1000 for 2000, 100 for 2300, 1 for 37."""
    if value <= 0 or not float(value).is_integer():
        return 0.0
    step, v = 1.0, int(value)
    while v % 10 == 0 and v >= 10:
        v //= 10
        step *= 10
    return step


def interval(value: float, qualifier: str | None) -> tuple[float, float]:
    """The values a figure with this qualifier allows (see the module docstring)."""
    step = _step(value)
    if qualifier is None:
        return value, value
    # the rounding step widens the margin, but never past a tenth of the figure: «около 100» is
    # 90–110, not 50–150
    margin = max(0.05 * value, min(step / 2, 0.1 * value))
    if qualifier == "about":
        return value - margin, value + margin
    if qualifier == "almost":
        return value - 2 * margin, value
    if qualifier in ("more", "at_least"):
        return value, value + 2 * margin
    if qualifier in ("up_to", "less"):
        return 0.0, value
    if qualifier == "vague":
        return value, value * 10
    return value, value


def agreement(x: ClaimRef, y: ClaimRef) -> str:
    """`agree`, `compatible` or `differ` for two headline figures."""
    if x.value == y.value and (x.value_max or x.value) == (y.value_max or y.value):
        return "agree"
    lx, hx = interval(x.value, x.qualifier)
    ly, hy = interval(y.value, y.qualifier)
    if x.value_max is not None:
        hx = max(hx, x.value_max)
    if y.value_max is not None:
        hy = max(hy, y.value_max)
    return "compatible" if lx <= hy and ly <= hx else "differ"


def _ref(c: Claim) -> ClaimRef:
    return ClaimRef(
        c.start, c.end, c.text, c.value, c.qualifier, c.as_of, c.as_of_date, c.attribution,
        c.place, c.status, c.value_max,
    )  # fmt: skip


def _current(claims: Sequence[Claim]) -> list[ClaimRef]:
    """Current figures, the headline first, each value once (its best-documented mention)."""
    current = [c for c in claims if c.status == "current"]
    exact = [c for c in current if c.qualifier is None and c.value_max is None]
    head = (exact or current)[0] if current else None
    ordered = ([head] if head else []) + [c for c in current if c is not head]
    by_value: dict[tuple[float, str | None], Claim] = {}
    for c in ordered:
        key = (c.value, c.qualifier)
        known = by_value.get(key)
        if known is None:
            by_value[key] = c
        elif _documented(c) > _documented(known):
            by_value[key] = _merge(known, c)
    return [_ref(c) for c in by_value.values()]


def _documented(c: Claim) -> int:
    return (c.attribution is not None) + (c.as_of is not None)


def _merge(first: Claim, better: Claim) -> Claim:
    """The first mention's place in the text with the better mention's as-of time and source."""
    from dataclasses import replace

    return replace(
        first,
        as_of=first.as_of or better.as_of,
        as_of_date=first.as_of_date or better.as_of_date,
        attribution=first.attribution or better.attribution,
        place=first.place or better.place,
    )


def _by_measure(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    for c in claims:
        if c.status != "part":
            out.setdefault(c.measure, []).append(c)
    return out


def measure_label(measure: str, lang: str | None = None) -> str:
    """How a reader sees a measure: the language's label («погибшие»), or for an `other:` measure
    the event and what is counted («задействовать · человек»)."""
    if measure.startswith("other:"):
        counted, _, event = measure[len("other:") :].partition("|")
        return " · ".join(p for p in (event, counted) if p) or "number"
    from tui.facts.claims import measure_labels

    labels = measure_labels().get(measure, {})
    return labels.get(lang or "", "") or labels.get("ru") or measure


def _label(measure: str, claims: Sequence[Claim], lang: str | None) -> str:
    """A measure's label; an `other:` one in the words of its first claim («задействовать ·
    человек»), not the folded key."""
    if measure.startswith("other:") and claims:
        first = claims[0]
        words = " · ".join(p for p in (first.event, first.counted) if p)
        if words:
            return words
    return measure_label(measure, lang)


def diff_claims(
    a: Sequence[Claim], b: Sequence[Claim], lang_a: str | None = None
) -> list[ClaimRow]:
    """Rows of the measures either article gives (see the module docstring): disagreements
    first, vocabulary measures before `other:` ones, then by first mention in A."""
    by_a, by_b = _by_measure(a), _by_measure(b)
    rows: list[tuple[tuple[int, int, int], ClaimRow]] = []
    for measure in by_a.keys() | by_b.keys():
        ca, cb = by_a.get(measure, []), by_b.get(measure, [])
        cur_a, cur_b = _current(ca), _current(cb)
        hist_a = [_ref(c) for c in ca if c.status == "superseded"]
        hist_b = [_ref(c) for c in cb if c.status == "superseded"]
        if cur_a and cur_b:
            status = agreement(cur_a[0], cur_b[0])
        elif cur_a or (hist_a and not cur_b and not hist_b):
            status = "only_a"
        elif cur_b or (hist_b and not hist_a):
            status = "only_b"
        else:
            status = "history"  # both give only figures they report as superseded
        row = ClaimRow(
            measure, _label(measure, [*ca, *cb], lang_a), status, cur_a, cur_b, hist_a, hist_b
        )
        first = min((c.start for c in ca), default=10**9)
        rows.append(((_ORDER[status], measure.startswith("other:"), first), row))
    return [row for _, row in sorted(rows, key=lambda item: item[0])]


def separate_rows(
    a: Sequence[Claim], b: Sequence[Claim], lang_a: str | None = None
) -> list[ClaimRow]:
    """For two different events: each article's figures on rows of their own (never agree/differ)."""
    rows: list[ClaimRow] = []
    for side, claims in (("only_a", a), ("only_b", b)):
        for measure, cs in _by_measure(claims).items():
            cur = _current(cs)
            hist = [_ref(c) for c in cs if c.status == "superseded"]
            label = _label(measure, cs, lang_a)
            if side == "only_a":
                rows.append(ClaimRow(measure, label, side, cur, [], hist, []))
            else:
                rows.append(ClaimRow(measure, label, side, [], cur, [], hist))
    return rows


def _describe(c: ClaimRef) -> str | None:
    parts = [p for p in (c.place, c.as_of, c.attribution) if p]
    if c.status == "superseded":
        parts.insert(0, "earlier figure")
    return " · ".join(parts) or None


def _values(refs: Sequence[ClaimRef]) -> list[Value]:
    return [Value(c.start, c.end, c.text, c.value, c.qualifier, None, _describe(c)) for c in refs]


def groups_of(rows: Sequence[ClaimRow]) -> list[ValueGroup]:
    """The claim rows as the number groups the two-column views show (`Comparison.quantities`):
    the current figures (headline first) with place, as-of time and source as their scope text,
    then the superseded ones marked «earlier figure»."""
    out = []
    for row in rows:
        out.append(
            ValueGroup(
                row.label,
                _values(row.a) + _values(row.history_a),
                _values(row.b) + _values(row.history_b),
                row.status,
                counted=None,
                event=None,
                measure=row.measure,
            )
        )
    return out
