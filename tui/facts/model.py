"""The facts extracted from one text: plain frozen dataclasses with a stable JSON shape.

Every item carries `start`/`end` offsets into the text it was extracted from (for an article, the
cleaned `Document.text`) and its surface `text`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

EntityType = Literal["PER", "ORG", "LOC"]
SourceKind = Literal["agency", "official"]


@dataclass(frozen=True, slots=True)
class Entity:
    """A named person, organisation or place, with its base form and a cross-language key."""

    start: int
    end: int
    text: str
    type: EntityType
    normal: str
    key: str


@dataclass(frozen=True, slots=True)
class DateFact:
    """A calendar date or range; `value` is ISO (`2022-01-10`, `2022-01`, or `2022-01-05/2022-01-07`)."""

    start: int
    end: int
    text: str
    value: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with what it counts: «задержали 7939 человек» → value 7939, counted «человек», event «задержать»."""

    start: int
    end: int
    text: str
    value: float
    approx: str | None = None
    counted: str | None = None
    event: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted statement and who said it (resolved to an entity's normal form and key when possible)."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_key: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """A cited source: a news agency, or an official body (ministry, police, commandant's office)."""

    start: int
    end: int
    text: str
    name: str
    kind: SourceKind = "agency"


ClaimStatus = Literal["current", "superseded", "part"]


@dataclass(frozen=True, slots=True)
class Claim:
    """A number read as a statement (see `tui.facts.claims`): what is counted by meaning
    (`measure`: «deaths», «detained», … or «other:<counted>|<event>»), the value (`value_max` for a
    range), the `qualifier` (about, almost, more, at_least, up_to, less, vague), the as-of time, who
    says so, where, and whether the article still stands by it (`status`: current, superseded — an
    earlier figure the article reports as replaced —, or part — «из них 5 детей»).

    `start`/`end` cover the number as its quantity does; `sentence_start`/`sentence_end` its sentence.
    """

    start: int
    end: int
    text: str
    measure: str
    value: float
    value_max: float | None = None
    qualifier: str | None = None
    as_of: str | None = None
    as_of_date: str | None = None
    attribution: str | None = None
    place: str | None = None
    status: str = "current"
    sentence_start: int = 0
    sentence_end: int = 0
    counted: str | None = None
    """What the number counts, as its quantity says (base form), for labels of `other:` measures."""
    event: str | None = None
    """The quantity's event (base form), likewise."""


_KINDS: dict[str, type] = {
    "entities": Entity,
    "dates": DateFact,
    "quantities": Quantity,
    "quotes": Quote,
    "sources": Source,
    "claims": Claim,
}


@dataclass(frozen=True, slots=True)
class Facts:
    """All facts of one text."""

    entities: list[Entity] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    covered: int | None = None
    """Set when the text was too long to read whole: the facts come from its first `covered`
    characters only (None: from all of it)."""

    @property
    def limit_message(self) -> str:
        """One sentence for the user when the facts do not cover the whole text, else ""."""
        if self.covered is None:
            return ""
        return f"Facts from the first {self.covered:,} characters only (the text is longer)."

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `sverka facts --json` (`covered` only when set)."""
        out: dict[str, Any] = {
            name: [asdict(item) for item in getattr(self, name)] for name in _KINDS
        }
        if self.covered is not None:
            out["covered"] = self.covered
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Facts:
        """Inverse of `to_dict`; unknown fields are ignored so old caches stay readable."""
        kwargs: dict[str, list[Any]] = {}
        for name, kind in _KINDS.items():
            allowed = {f.name for f in fields(kind)}
            kwargs[name] = [
                kind(**{k: v for k, v in item.items() if k in allowed})
                for item in data.get(name, [])
            ]
        covered = data.get("covered")
        return cls(**kwargs, covered=covered if isinstance(covered, int) else None)
