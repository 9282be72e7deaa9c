"""Facts of one text: entities, dates, quantities, quotes, cited sources (core: no UI imports).

- `extract(text, lang=None, ref_date=None) -> Facts` (entities, dates, quantities, quotes, sources,
  and the quantities read as claims: `tui.facts.claims`) — no cleaning, offsets into `text`, no cache.
- `facts_for(article, document) -> Facts` — the facts of `document.text` (the cleaned article),
  cached on disk (see `tui.facts.cache`): a second look costs one small JSON read.
- `extract_batch(items, workers=None)` — many texts at once, in a process pool; each item is
  `(text, lang, ref_date)`; results come back in order and go through the same disk cache.
  `extract_cached` is the picklable per-item function (for an index builder's own pool).

Models load lazily, once per process (`tui.facts.nlp`); `OPENBLAS_NUM_THREADS=1` is set before numpy.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from collections.abc import Iterable, Sequence  # noqa: E402
from dataclasses import replace  # noqa: E402
from typing import Any  # noqa: E402

from tui.cancel import check  # noqa: E402
from tui.facts.cache import PIPELINE_VERSION, cached_facts  # noqa: E402
from tui.facts.model import Claim, DateFact, Entity, Facts, Quantity, Quote, Source  # noqa: E402
from tui.lang import resolve  # noqa: E402

__all__ = [
    "PIPELINE_VERSION",
    "Claim",
    "DateFact",
    "Entity",
    "Facts",
    "Quantity",
    "Quote",
    "Source",
    "extract",
    "extract_batch",
    "extract_cached",
    "facts_for",
]


CHUNK_CHARS = 20_000
"""Texts longer than this are read in chunks of about this size, cut at a line end (else a
sentence end, else a space): the taggers' memory stays that of one chunk and time grows linearly
(a whole 400 KB text held 540 MB). An article is rarely a tenth of it."""
FACT_KINDS = ("entities", "dates", "quantities", "quotes", "sources", "claims")
FACTS_MAX_CHARS = 1_000_000
"""Facts are taken from this many characters at most (`Facts.covered` says so)."""


def extract(text: str, lang: str | None = None, ref_date: str | None = None) -> Facts:
    """All facts of `text` (taken as is: no cleaning); `lang` "ru"/"uk" or None to detect it.

    Another language code (be, kk, en...) gives only the entities a dictionary vouches for
    (`tui.facts.foreign`), dates, quotes and sources — no quantities.

    `ref_date` (ISO, possibly partial like "2022-01") is the article's date, used to give a year to
    «10 января». Entities come first: quotes resolve their speakers against them.

    A text longer than CHUNK_CHARS is read chunk by chunk (offsets still into `text`); past
    FACTS_MAX_CHARS it is not read, and `covered` tells how far it was.
    """
    lang = resolve(lang, text)
    if len(text) <= CHUNK_CHARS:
        return _extract_chunk(text, lang, ref_date)
    limit = min(len(text), FACTS_MAX_CHARS)
    merged = Facts(covered=limit if limit < len(text) else None)
    for start, end in chunk_spans(text, limit):
        check()  # an article the user has left stops here
        part = _extract_chunk(text[start:end], lang, ref_date)
        for name in FACT_KINDS:
            getattr(merged, name).extend(_shifted(item, start) for item in getattr(part, name))
    return merged


def _shifted(item: Any, offset: int) -> Any:
    """`item` with its offsets (and a claim's sentence offsets) moved by `offset`."""
    moved = {"start": item.start + offset, "end": item.end + offset}
    if isinstance(item, Claim):
        moved["sentence_start"] = item.sentence_start + offset
        moved["sentence_end"] = item.sentence_end + offset
    return replace(item, **moved)


def chunk_spans(
    text: str, limit: int | None = None, size: int | None = None
) -> list[tuple[int, int]]:
    """[start, end) spans covering `text[:limit]` in pieces of at most `size` characters, each
    cut at the last line end in its second half, else a sentence end, else a space."""
    limit = len(text) if limit is None else min(limit, len(text))
    size = size or CHUNK_CHARS
    spans: list[tuple[int, int]] = []
    start = 0
    while start < limit:
        end = min(start + size, limit)
        if end < limit:
            half = start + size // 2
            cut = text.rfind("\n", half, end)
            if cut < 0:
                cut = max(text.rfind(mark, half, end) for mark in (". ", "! ", "? "))
                cut = cut + 1 if cut >= 0 else text.rfind(" ", half, end)
            if cut > start:
                end = cut + 1
        spans.append((start, end))
        start = end
    return spans


def _extract_chunk(text: str, lang: str, ref_date: str | None) -> Facts:
    """The facts of one text read whole."""
    from tui.facts.claims import find_claims
    from tui.facts.dates import find_dates
    from tui.facts.entities import find_entities
    from tui.facts.quantities import find_quantities
    from tui.facts.quotes import find_quotes
    from tui.facts.sources import find_sources

    entities = find_entities(text, lang)
    dates = find_dates(text, lang, ref_date)
    # Counted nouns and events come from the ru/uk dictionaries: in another language they
    # would be nonsense («10 without», «27 лютага» read as a count).
    quantities = find_quantities(text, lang) if lang in ("ru", "uk") else []
    sources = find_sources(text, lang)
    return Facts(
        entities=entities,
        dates=dates,
        quantities=quantities,
        quotes=find_quotes(text, lang, entities),
        sources=sources,
        claims=find_claims(text, lang, quantities, entities, dates, sources),
    )


def facts_for(article: Any, document: Any) -> Facts:
    """The facts of `document.text` (the cleaned `article`), from the disk cache when known."""
    lang = getattr(article, "language", None)
    ref_date = getattr(article, "date", None)
    return extract_cached((document.text, lang, ref_date))


def extract_cached(item: tuple[str, str | None, str | None]) -> Facts:
    """`extract(text, lang, ref_date)` through the disk cache; top-level so a process pool can run it."""
    text, lang, ref_date = item
    lang = resolve(lang, text)
    facts = cached_facts(text, lang, ref_date, lambda: extract(text, lang, ref_date))
    assert facts is not None  # always computed on a miss
    return facts


def extract_batch(
    items: Iterable[tuple[str, str | None, str | None]], workers: int | None = None
) -> list[Facts]:
    """Facts of many `(text, lang, ref_date)` items, in order, using up to `workers` processes.

    Cached items are read in this process; only the rest go to the pool (each worker loads the
    models once). `workers=1` (or a single uncached item) runs everything here.
    """
    items = list(items)
    results: list[Facts | None] = [None] * len(items)
    todo: list[int] = []
    for i, (text, lang, ref_date) in enumerate(items):
        hit = cached_facts(text, resolve(lang, text), ref_date, None)
        if hit is not None:
            results[i] = hit
        else:
            todo.append(i)
    workers = workers or max(1, min(len(todo), os.cpu_count() or 1))
    if workers <= 1 or len(todo) <= 1:
        for i in todo:
            results[i] = extract_cached(items[i])
    else:
        results_todo = _pool_map([items[i] for i in todo], workers)
        for i, facts in zip(todo, results_todo, strict=True):
            results[i] = facts
    return [r if r is not None else Facts() for r in results]


def _pool_map(items: Sequence[tuple[str, str | None, str | None]], workers: int) -> list[Facts]:
    from concurrent.futures import ProcessPoolExecutor

    from tui.facts.nlp import warm_up

    with ProcessPoolExecutor(max_workers=workers, initializer=warm_up) as pool:
        return list(pool.map(extract_cached, items, chunksize=4))
