"""The result of comparing two articles: aligned passages and the difference of their facts.

All offsets point into each article's cleaned `Document.text`. `Comparison.to_dict()` is the JSON
shape of `sverka compare --json`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

PairKind = Literal["same", "similar"]
"""`same`: verbatim or near-verbatim reuse; `similar`: the same statement in other words."""

QuantityStatus = Literal["agree", "compatible", "differ", "conflict", "only_a", "only_b"]
"""`agree`: a value in common; `conflict`: same event and scope, different number; `differ`: same
thing counted but a different scope (place or date) or no scope to tell; `only_a`/`only_b`: one
article does not give this number at all; `compatible` (claims): not the same figure, but both can
hold given their qualifiers («почти 8 тысяч» and «7 939»)."""


@dataclass(frozen=True, slots=True)
class Span:
    """A passage of one article: offsets into its `Document.text` and the text itself."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """`{"start", "end", "text"}`."""
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Pair:
    """Two aligned passages, one from each article."""

    a: Span
    b: Span
    score: float
    kind: PairKind

    def to_dict(self) -> dict[str, Any]:
        """`{"a", "b", "score", "kind"}`."""
        return {
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "score": self.score,
            "kind": self.kind,
        }


@dataclass(frozen=True, slots=True)
class EntityRow:
    """One entity (by canonical key) and how each article names it (None: not mentioned)."""

    key: str
    type: str
    a: str | None
    b: str | None
    mentions_a: int = 0
    mentions_b: int = 0

    def to_dict(self) -> dict[str, Any]:
        """`{"key", "type", "a", "b", "mentions_a", "mentions_b"}`."""
        return {
            "key": self.key,
            "type": self.type,
            "a": self.a,
            "b": self.b,
            "mentions_a": self.mentions_a,
            "mentions_b": self.mentions_b,
        }


@dataclass(frozen=True, slots=True)
class EntityDiff:
    """Entities in both articles, only in A, only in B."""

    shared: list[EntityRow] = field(default_factory=list)
    only_a: list[EntityRow] = field(default_factory=list)
    only_b: list[EntityRow] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """`{"shared", "only_a", "only_b"}`, each a list of entity rows."""
        return {
            "shared": [row.to_dict() for row in self.shared],
            "only_a": [row.to_dict() for row in self.only_a],
            "only_b": [row.to_dict() for row in self.only_b],
        }


@dataclass(frozen=True, slots=True)
class Value:
    """One mention of a number or date in one article."""

    start: int
    end: int
    text: str
    value: float | str
    approx: str | None = None
    scope: str | None = None
    """Where/when the number applies (an entity key or date of its sentence), if one was found.
    A comparison key (folded), not for display: see `scope_text`."""
    scope_text: str | None = None
    """The same scope for a reader: the place as the article spells it («Мангистауская область»),
    the date as dd.mm.yyyy, «in one day»."""

    def to_dict(self) -> dict[str, Any]:
        """`{"start", "end", "text", "value", "approx", "scope", "scope_text"}`."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "approx": self.approx,
            "scope": self.scope,
            "scope_text": self.scope_text,
        }


@dataclass(frozen=True, slots=True)
class ValueGroup:
    """Numbers counting the same thing (or mentions of one date), side by side, with a status."""

    what: str
    a: list[Value]
    b: list[Value]
    status: str
    counted: str | None = field(default=None, compare=False)
    """Base form of what is counted («человек»), for ranking (not in the JSON)."""
    event: str | None = field(default=None, compare=False)
    """Base form of the event («задержать»), for ranking (not in the JSON)."""
    measure: str | None = field(default=None, compare=False)
    """The claim measure of this group («deaths»), when it was built from claims (not in the JSON)."""

    def to_dict(self) -> dict[str, Any]:
        """`{"what", "a", "b", "status"}`."""
        return {
            "what": self.what,
            "a": [v.to_dict() for v in self.a],
            "b": [v.to_dict() for v in self.b],
            "status": self.status,
        }


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """One article's claim as a comparison shows it (offsets into its cleaned text)."""

    start: int
    end: int
    text: str
    value: float
    qualifier: str | None = None
    as_of: str | None = None
    as_of_date: str | None = None
    attribution: str | None = None
    place: str | None = None
    status: str = "current"
    value_max: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Every field by name."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "value_max": self.value_max,
            "qualifier": self.qualifier,
            "as_of": self.as_of,
            "as_of_date": self.as_of_date,
            "attribution": self.attribution,
            "place": self.place,
            "status": self.status,
        }


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One measure in both articles: their current figures (the headline first), the status of the
    headlines against each other, and the figures each article reports as superseded."""

    measure: str
    label: str
    status: str
    """`agree`, `compatible`, `differ`, `only_a`, `only_b`; `history` when both give only
    superseded figures."""
    a: list[ClaimRef] = field(default_factory=list)
    b: list[ClaimRef] = field(default_factory=list)
    history_a: list[ClaimRef] = field(default_factory=list)
    history_b: list[ClaimRef] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """`{"measure", "label", "status", "a", "b", "history_a", "history_b"}`."""
        return {
            "measure": self.measure,
            "label": self.label,
            "status": self.status,
            "a": [c.to_dict() for c in self.a],
            "b": [c.to_dict() for c in self.b],
            "history_a": [c.to_dict() for c in self.history_a],
            "history_b": [c.to_dict() for c in self.history_b],
        }


@dataclass(frozen=True, slots=True)
class EventMatch:
    """Whether two articles report the same event, and why Sverka thinks so."""

    same: bool
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """`{"same", "reasons"}`."""
        return {"same": self.same, "reasons": list(self.reasons)}


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything Sverka knows about how two articles relate."""

    a: str
    b: str
    pairs: list[Pair] = field(default_factory=list)
    entities: EntityDiff = field(default_factory=EntityDiff)
    quantities: list[ValueGroup] = field(default_factory=list)
    dates: list[ValueGroup] = field(default_factory=list)
    claims: list[ClaimRow] = field(default_factory=list)
    """Figures compared by measure (empty for two different events: see `event`)."""
    event: EventMatch | None = None

    @property
    def disagreements(self) -> list[ValueGroup]:
        """Quantity groups whose numbers conflict or differ, in reading order of article A."""
        return [g for g in self.quantities if g.status in ("conflict", "differ")]

    @property
    def different_events(self) -> bool:
        """True when the two articles were judged to report different events."""
        return self.event is not None and not self.event.same

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `sverka compare --json`."""
        return {
            "a": self.a,
            "b": self.b,
            "pairs": [p.to_dict() for p in self.pairs],
            "entities": self.entities.to_dict(),
            "quantities": [g.to_dict() for g in self.quantities],
            "dates": [g.to_dict() for g in self.dates],
            "event": self.event.to_dict() if self.event is not None else None,
            "claims": [row.to_dict() for row in self.claims],
        }
