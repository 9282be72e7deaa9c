"""Cross-article views read from the catalogue's `entities` table (filled by `sverka index --facts`).

For a corpus too large to load and extract on the spot, `sverka matrix` reads these instead of
`tui.compare.matrix` / `rank_by_overlap` — no article file is read, cleaned or extracted:

- `fact_rows(catalogue, limit, ids)` — entity keys ranked by how many articles mention them
  (`Catalogue.entity_counts`: one SQL aggregate), each with a label, a type, its article count
  and the ids of (the first `ids` of) those articles;
- `labels(catalogue, keys)` — a readable label per key. The table stores only the canonical key,
  which is folded (`tui.facts.keys.fold`: lower case, ё/є/э→е, і/ї/ы/й→и, г/ґ→х, soft signs
  dropped, doubled letters single — «Грузия» is «хрузия», «Зеленский» is «зеленскии»), so a
  label is looked up in a few articles that mention the key, in this order:

  1. their cached facts (`tui.facts.cache`): the commonest base form (`Entity.normal`) and type —
     what the small-corpus matrix shows. The cache is keyed by the cleaned text, language and
     date, which the catalogue keeps (`doc`, `articles`), so this is one small JSON read each;
  2. when the facts cache has no entry (cleared, or written by another version of the
     extractor): the commonest spelling, in those articles' cleaned text, of the word(s) that
     fold to the key (it may be inflected: «Грузии»); type unknown (None);
  3. else the key itself with capitals (all capitals up to three letters: «мид» → «МИД»).

  At most `LABEL_READS` articles are read (or texts searched) per call; the keys left after
  that get label 3.
- `rank_by_shared_entities(catalogue, article_id)` — the other articles by tf-idf cosine over
  entity keys only (binary weights, idf from the table's document frequencies).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import sqlite3

    from tui.facts.model import Facts
    from tui.index.catalogue import Catalogue

LABEL_SAMPLE = 3
"""Articles consulted per key for its label."""
LABEL_READS = 2000
"""Most articles read for labels in one call (≈0.3 ms each: a cached-facts JSON and the text kept
by `sverka index --facts`; ≈1 ms for one whose text is read from its file)."""
RANK_POOL = 2000
"""Candidates (by shared idf weight) scored exactly by `rank_by_shared_entities`."""
_CHUNK = 500
_T = TypeVar("_T")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’ʼ][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class FactRow:
    """One entity key of the corpus: how many articles mention it, and which."""

    key: str
    label: str
    type: str | None
    """PER / ORG / LOC, or None when the label did not come from cached facts."""
    count: int
    articles: list[str]
    """Ids of the articles mentioning it (all of them, or the first `ids` asked for)."""

    def to_dict(self) -> dict[str, object]:
        """`{"kind": "entity", "key", "label", "type", "count", "articles"}`."""
        return {
            "kind": "entity",
            "key": self.key,
            "label": self.label,
            "type": self.type,
            "count": self.count,
            "articles": self.articles,
        }


@dataclass(frozen=True, slots=True)
class Ranking:
    """The answer of `rank_by_shared_entities`."""

    articles: list[Overlap]
    """Best first: at most the `limit` asked for, and at most `RANK_POOL`."""
    candidates: int
    """How many other articles share at least one entity key with it."""


@dataclass(frozen=True, slots=True)
class Overlap:
    """One article ranked against another by shared entity keys."""

    id: str
    title: str
    score: float
    shared: int
    """Number of entity keys the two articles share."""


def fact_rows(
    catalogue: Catalogue, limit: int | None = None, ids: int | None = None
) -> Iterator[FactRow]:
    """The `limit` most reported entity keys (None: all), most reported first, with labels and
    up to `ids` article ids each (None: all). Rows are made as they are consumed."""
    counts = catalogue.entity_counts(limit)
    named = labels(catalogue, [key for key, _ in counts])
    for key, count in counts:
        label, kind = named[key]
        yield FactRow(key, label, kind, count, catalogue.entity_articles(key, ids))


# -- labels ------------------------------------------------------------------------------------


def labels(catalogue: Catalogue, keys: Sequence[str]) -> dict[str, tuple[str, str | None]]:
    """`{key: (label, type or None)}` for each key (see the module docstring for the order)."""
    conn = catalogue.connection()
    wanted = set(keys)
    names: dict[str, Counter[str]] = {}
    types: dict[str, Counter[str]] = {}
    spellings: dict[str, Counter[str]] = {}
    read: set[int] = set()
    texts: dict[int, str] = {}  # of the articles read whose facts are not in the cache
    work = 0  # articles read + texts searched: at most LABEL_READS
    for key in keys:
        if key in names or work >= LABEL_READS:
            continue
        sample = conn.execute(
            "SELECT article FROM entities WHERE key = ? LIMIT ?", (key, LABEL_SAMPLE)
        ).fetchall()
        for (rowid,) in sample:
            if work >= LABEL_READS:
                break
            if rowid not in read:
                read.add(rowid)
                work += 1
                found = _cached_text_and_facts(conn, rowid, catalogue.root)
                if found is None:
                    continue
                text, facts = found
                if facts is None:
                    texts[rowid] = text
                else:
                    for e in facts.entities:
                        if e.key in wanted:
                            names.setdefault(e.key, Counter())[e.normal] += 1
                            types.setdefault(e.key, Counter())[e.type] += 1
            if key not in names and rowid in texts:
                work += 1
                spellings.setdefault(key, Counter()).update(_spellings(texts[rowid], key))
    out: dict[str, tuple[str, str | None]] = {}
    for key in keys:
        if key in names:
            out[key] = (names[key].most_common(1)[0][0], types[key].most_common(1)[0][0])
        elif spellings.get(key):
            out[key] = (spellings[key].most_common(1)[0][0], None)
        else:
            out[key] = (label_from_key(key), None)
    return out


def label_from_key(key: str) -> str:
    """The key with capitals: «мид» → «МИД», «северна македония» → «Северна Македония»."""
    letters = key.replace(" ", "")
    if len(letters) <= 3 and letters.isalpha():
        return key.upper()
    return " ".join(word[:1].upper() + word[1:] for word in key.split())


def _cached_text_and_facts(
    conn: sqlite3.Connection, rowid: int, root: Path
) -> tuple[str, Facts | None] | None:
    """An article's cleaned text — the one `sverka index --facts` kept, else read again from its
    file — and its facts if the cache has them."""
    from tui.facts.cache import cached_facts
    from tui.lang import resolve  # the language rule `tui.facts` keys its cache with

    row = conn.execute(
        "SELECT a.language, a.date, d.z, a.path, r.z FROM articles a LEFT JOIN doc d"
        " ON d.rowid = a.rowid LEFT JOIN rowtext r ON r.rowid = a.rowid WHERE a.rowid = ?",
        (rowid,),
    ).fetchone()
    if row is None:
        return None
    from tui.index.scan import article_text

    lang, date, z, rel, stored = row
    text = article_text(root, rel, z, stored)
    if text is None:
        return None
    return text, cached_facts(text, resolve(lang, text), date, None)


def _spellings(text: str, key: str) -> Counter[str]:
    """Spellings in `text` of the word sequences (as many words as the key has) folding to `key`."""
    size = len(key.split())
    words = _WORD.findall(text)
    found: Counter[str] = Counter()
    first = key[:1]
    for i in range(len(words) - size + 1):
        if _fold(words[i])[:1] != first:
            continue
        phrase = " ".join(words[i : i + size])
        if _fold(phrase) == key:
            found[phrase] += 1
    return found


@lru_cache(maxsize=100_000)
def _fold(text: str) -> str:
    from tui.facts.keys import alias, fold

    return alias(fold(text))


# -- ranking -----------------------------------------------------------------------------------


def rank_by_shared_entities(
    catalogue: Catalogue, article_id: str, limit: int | None = None
) -> Ranking:
    """Other articles by cosine similarity of their entity-key sets with `article_id`'s, best first.

    Each key weighs its idf, log(1 + N / df) (N: articles with facts, df: articles mentioning it),
    so sharing «Россия» counts for little and sharing a rare name for much. Only entity keys are
    compared (the small-corpus ranking also compares words and numbers of the texts). The
    `RANK_POOL` articles sharing the most weight with it are scored exactly; the rest (sharing
    only common keys) are left out.
    """
    conn = catalogue.connection()
    rowid = catalogue.rowid_of(article_id)
    if rowid is None:
        return Ranking([], 0)
    n = int(conn.execute("SELECT count(*) FROM articles WHERE facts = 'done'").fetchone()[0])
    mine = [r[0] for r in conn.execute("SELECT key FROM entities WHERE article = ?", (rowid,))]
    if not mine or n == 0:
        return Ranking([], 0)
    idf = _idf(conn, mine, n)
    dots: dict[int, float] = {}
    shared: Counter[int] = Counter()
    for part in _chunks(mine):
        marks = ",".join("?" * len(part))
        for other, key in conn.execute(
            f"SELECT article, key FROM entities WHERE key IN ({marks}) AND article != ?",
            (*part, rowid),
        ):
            dots[other] = dots.get(other, 0.0) + idf[key] ** 2
            shared[other] += 1
    pool = sorted(dots, key=lambda r: (-dots[r], r))[:RANK_POOL]
    keys_of: dict[int, list[str]] = {}
    for part_ids in _chunks(pool):
        marks = ",".join("?" * len(part_ids))
        for other, key in conn.execute(
            f"SELECT article, key FROM entities WHERE article IN ({marks})", part_ids
        ):
            keys_of.setdefault(other, []).append(key)
    idf.update(_idf(conn, {k for ks in keys_of.values() for k in ks} - idf.keys(), n))
    norm = math.sqrt(sum(idf[k] ** 2 for k in mine))
    scored = []
    for other in pool:
        other_norm = math.sqrt(sum(idf[k] ** 2 for k in keys_of.get(other, ()))) or 1.0
        scored.append((round(dots[other] / (norm * other_norm), 4), other))
    scored.sort(key=lambda item: (-item[0], item[1]))
    if limit:
        scored = scored[:limit]
    rows = {r.rowid: r for r in catalogue.rows_by_rowid(other for _, other in scored)}
    found = [
        Overlap(rows[other].id, rows[other].title, score, shared[other])
        for score, other in scored
        if other in rows
    ]
    return Ranking(found, len(dots))


def _idf(conn: sqlite3.Connection, keys: Iterable[str], n: int) -> dict[str, float]:
    out: dict[str, float] = {}
    for part in _chunks(list(keys)):
        marks = ",".join("?" * len(part))
        for key, df in conn.execute(
            f"SELECT key, count(*) FROM entities WHERE key IN ({marks}) GROUP BY key", part
        ):
            out[key] = math.log(1 + n / df)
    return out


def _chunks(items: Sequence[_T]) -> Iterable[Sequence[_T]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]
