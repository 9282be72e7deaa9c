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
from typing import Any  # noqa: E402

from tui.facts.cache import PIPELINE_VERSION, cached_facts  # noqa: E402
from tui.facts.model import Claim, DateFact, Entity, Facts, Quantity, Quote, Source  # noqa: E402
from tui.facts.ukrainian import detect_language  # noqa: E402

__all__ = [
    "PIPELINE_VERSION",
    "Claim",
    "DateFact",
    "Entity",
    "Facts",
    "Quantity",
    "Quote",
    "Source",
    "detect_language",
    "extract",
    "extract_batch",
    "extract_cached",
    "facts_for",
]


def extract(text: str, lang: str | None = None, ref_date: str | None = None) -> Facts:
    """All facts of `text` (taken as is: no cleaning); `lang` "ru"/"uk" or None to detect it.

    Another language code (be, kk, en...) gives only the entities a dictionary vouches for
    (`tui.facts.foreign`), dates, quotes and sources — no quantities.

    `ref_date` (ISO, possibly partial like "2022-01") is the article's date, used to give a year to
    «10 января». Entities come first: quotes resolve their speakers against them.
    """
    from tui.facts.claims import find_claims
    from tui.facts.dates import find_dates
    from tui.facts.entities import find_entities
    from tui.facts.quantities import find_quantities
    from tui.facts.quotes import find_quotes
    from tui.facts.sources import find_sources

    lang = _language(text, lang)
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


def _language(text: str, lang: str | None) -> str:
    """ "ru"/"uk" as given (or "ua"); another two-letter code (be, kk, en...) as given; else detected."""
    code = (lang or "").strip().lower()
    if code[:2] in ("ru", "uk"):
        return code[:2]
    if code[:2] == "ua":
        return "uk"
    if len(code) == 2 and code.isalpha():
        return code
    return detect_language(text)


def facts_for(article: Any, document: Any) -> Facts:
    """The facts of `document.text` (the cleaned `article`), from the disk cache when known."""
    lang = getattr(article, "language", None)
    ref_date = getattr(article, "date", None)
    return extract_cached((document.text, lang, ref_date))


def extract_cached(item: tuple[str, str | None, str | None]) -> Facts:
    """`extract(text, lang, ref_date)` through the disk cache; top-level so a process pool can run it."""
    text, lang, ref_date = item
    lang = _language(text, lang)
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
        hit = cached_facts(text, _language(text, lang), ref_date, None)
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
