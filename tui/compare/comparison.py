"""`compare`: two articles → aligned passages and the difference of their facts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.compare.align import Anchor, align
from tui.compare.claims_diff import diff_claims, groups_of, same_event, separate_rows
from tui.compare.facts_diff import Side, diff_dates, diff_entities, diff_quantities, key_merges
from tui.compare.model import Comparison
from tui.compare.prepare import Prepared, prepare
from tui.facts.model import Facts

if TYPE_CHECKING:
    from tui.corpus import Article


def anchors(facts: Facts, merges: dict[str, str] | None = None) -> list[Anchor]:
    """Entity keys (`@key`) and date values (`%value`) located in the text, for alignment."""
    merges = merges or {}
    out = [Anchor(e.start, e.end, "@" + merges.get(e.key, e.key)) for e in facts.entities if e.key]
    out.extend(Anchor(d.start, d.end, "%" + d.value) for d in facts.dates)
    return out


def compare_prepared(a: Prepared, b: Prepared) -> Comparison:
    """Compare two prepared articles (offsets into each one's cleaned text)."""
    merges = key_merges(a.facts.entities, b.facts.entities)
    pairs = align(
        a.text, b.text, a.language, b.language, anchors(a.facts, merges), anchors(b.facts, merges)
    )
    side_a = Side(a.text, a.facts.entities, a.facts.dates, a.facts.quantities)
    side_b = Side(b.text, b.facts.entities, b.facts.dates, b.facts.quantities)
    event = same_event(a, b, pairs, merges)
    rows = diff_claims(a.facts.claims, b.facts.claims, a.language) if event.same else []
    # The numbers the views show: by claim when the facts have claims (else by quantity group).
    if a.facts.claims or b.facts.claims:
        shown = rows if event.same else separate_rows(a.facts.claims, b.facts.claims, a.language)
        quantities = groups_of(shown)
    else:
        quantities = diff_quantities(side_a, side_b, pairs)
    return Comparison(
        a=a.id,
        b=b.id,
        pairs=pairs,
        entities=diff_entities(a.facts.entities, b.facts.entities),
        quantities=quantities,
        dates=diff_dates(side_a, side_b, pairs),
        claims=rows,
        event=event,
    )


def compare(a: Article, b: Article) -> Comparison:
    """Clean both articles, get their facts, and compare them."""
    return compare_prepared(prepare(a), prepare(b))
