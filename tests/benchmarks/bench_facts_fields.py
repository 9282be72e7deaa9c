"""Speed of the non-entity extractors (dates, quantities, quotes, sources) on the seed articles.

Run: .venv/bin/python tests/benchmarks/bench_facts_fields.py [FOLDER]
Prints per-article milliseconds with cold word caches (every word analysed afresh by pymorphy3)
and warm ones, after a one-off analyser load. Quotes get no entities here (speaker resolution is a
list scan; the entity extractor's cost is measured by its own benchmark).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tui.facts import morph
from tui.facts.dates import find_dates
from tui.facts.quantities import find_quantities
from tui.facts.quotes import find_quotes
from tui.facts.sources import find_sources

STEPS = {
    "dates": lambda t, lang: find_dates(t, lang, None),
    "quantities": find_quantities,
    "quotes": lambda t, lang: find_quotes(t, lang, []),
    "sources": find_sources,
}


def _clear_word_caches() -> None:
    for fn in (morph.parses, morph.lemma, morph.lemmas, morph.pos):
        fn.cache_clear()


def main(folder: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    t0 = time.perf_counter()
    morph.analyzer("ru"), morph.analyzer("uk")
    find_sources("сообщает ТАСС", "ru")  # loads sources.toml
    print(f"analysers + tables load: {(time.perf_counter() - t0) * 1000:.0f} ms (once per process)")
    for label, clear in (("cold word caches", True), ("warm word caches", False)):
        totals = dict.fromkeys(STEPS, 0.0)
        for text in texts:
            if clear:
                _clear_word_caches()
            lang = morph.text_lang(text)
            for name, step in STEPS.items():
                t = time.perf_counter()
                step(text, lang)
                totals[name] += time.perf_counter() - t
        per = {k: v * 1000 / len(texts) for k, v in totals.items()}
        line = ", ".join(f"{k} {v:.1f}" for k, v in per.items())
        print(f"{label}: {sum(per.values()):.1f} ms/article ({line}); {len(texts)} articles")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "seeds")
