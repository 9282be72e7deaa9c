"""The corpus view: which article reports which fact, and whom to compare an article with.

`matrix(corpus)` lays the facts (entities by canonical key, quantity groups by what they count)
against the articles; `rank_by_overlap(article, corpus)` orders the other articles by how much they
share with one (tf-idf cosine over entity keys, content-word stems and telling numbers).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tui.compare.facts_diff import (
    describe_signature,
    key_merges,
    quantity_group_key,
    signature_function,
)
from tui.compare.prepare import Prepared, prepare
from tui.compare.text import sentences

if TYPE_CHECKING:
    from tui.corpus import Article, Corpus

Preparer = Callable[["Article"], Prepared]


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One fact and, per article id, what that article says about it.

    For an entity, the cell is the number of mentions; for a quantity group, the list of values.
    """

    kind: str
    """`entity` or `quantity`."""
    key: str
    label: str
    type: str | None
    cells: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """`{"kind", "key", "label", "type", "cells"}`."""
        return {
            "kind": self.kind,
            "key": self.key,
            "label": self.label,
            "type": self.type,
            "cells": self.cells,
        }


@dataclass(frozen=True, slots=True)
class Matrix:
    """Facts × articles, most widely reported facts first."""

    articles: list[str]
    rows: list[MatrixRow]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `sverka matrix --json`: `{"articles", "rows"}`."""
        return {"articles": self.articles, "rows": [row.to_dict() for row in self.rows]}


def _articles(corpus: Corpus | Iterable[Article]) -> list[Article]:
    articles: Iterable[Article] = getattr(corpus, "articles", None) or corpus  # type: ignore[assignment]
    return list(articles)


def matrix_of(prepared: Sequence[Prepared]) -> Matrix:
    """The matrix of already prepared articles."""
    signature = signature_function()
    entity_rows: dict[str, MatrixRow] = {}
    names: dict[str, Counter[str]] = {}
    quantity_rows: dict[Hashable, MatrixRow] = {}
    merges = key_merges(*(art.facts.entities for art in prepared))
    for art in prepared:
        for e in art.facts.entities:
            if not e.key:
                continue
            key = merges.get(e.key, e.key)
            row = entity_rows.setdefault(key, MatrixRow("entity", key, e.normal, e.type))
            row.cells[art.id] = row.cells.get(art.id, 0) + 1
            names.setdefault(key, Counter())[e.normal] += 1
        for q in art.facts.quantities:
            sig = quantity_group_key(q, signature)
            if sig is None:
                continue
            label = describe_signature(sig, q)
            row = quantity_rows.setdefault(sig, MatrixRow("quantity", label, label, None))
            row.cells.setdefault(art.id, []).append(
                {"value": q.value, "approx": q.approx, "text": q.text}
            )
    rows = [
        MatrixRow(r.kind, r.key, names[r.key].most_common(1)[0][0], r.type, r.cells)
        for r in entity_rows.values()
    ]
    rows.extend(quantity_rows.values())
    rows.sort(key=lambda r: (-len(r.cells), r.kind, r.label))
    return Matrix([p.id for p in prepared], rows)


def matrix(corpus: Corpus | Iterable[Article], preparer: Preparer = prepare) -> Matrix:
    """Facts × articles of a corpus (articles are cleaned and their facts extracted as needed)."""
    return matrix_of([preparer(a) for a in _articles(corpus)])


def profile(prepared: Prepared) -> Counter[str]:
    """The keys an article is made of: content stems, numbers, entity keys (`@…`)."""
    counts: Counter[str] = Counter()
    for sent in sentences(prepared.text, prepared.language):
        counts.update(sent.keys)
    counts.update("@" + e.key for e in prepared.facts.entities if e.key)
    return counts


def rank_prepared(target: Prepared, others: Sequence[Prepared]) -> list[tuple[str, float]]:
    """Other articles by tf-idf cosine similarity with `target`, best first."""
    profiles = {p.id: profile(p) for p in (target, *others)}
    df: Counter[str] = Counter()
    for counts in profiles.values():
        df.update(counts.keys())
    n = len(profiles)

    def vector(counts: Counter[str]) -> dict[str, float]:
        vec = {}
        for key, tf in counts.items():
            weight = (1 + math.log(tf)) * math.log(1 + n / df[key])
            if key[0] == "@":
                weight *= 2
            vec[key] = weight
        return vec

    target_vec = vector(profiles[target.id])
    target_norm = math.sqrt(sum(w * w for w in target_vec.values())) or 1.0
    out: list[tuple[str, float]] = []
    for other in others:
        if other.id == target.id:
            continue
        vec = vector(profiles[other.id])
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        dot = sum(w * vec.get(k, 0.0) for k, w in target_vec.items())
        out.append((other.id, round(dot / (target_norm * norm), 4)))
    out.sort(key=lambda item: (-item[1], item[0]))
    return out


def rank_by_overlap(
    article: Article, corpus: Corpus | Iterable[Article], preparer: Preparer = prepare
) -> list[tuple[str, float]]:
    """The other articles of `corpus` as `(article_id, score)`, most overlapping first."""
    others = [preparer(a) for a in _articles(corpus) if a.id != article.id]
    return rank_prepared(preparer(article), others)
