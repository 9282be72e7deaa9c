"""Lazy, once-per-process loading of the language models (natasha/slovnet, pymorphy3).

Threaded BLAS makes slovnet about 3x slower on a small machine, so `OPENBLAS_NUM_THREADS=1` is set
before anything imports numpy. Every loader is cached: the first call pays (about a second), the
rest are free. Nothing here is loaded at import time.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from functools import lru_cache  # noqa: E402
from typing import Any  # noqa: E402


@lru_cache(maxsize=1)
def embedding() -> Any:
    """natasha's news word embedding (shared by the NER and morphology taggers)."""
    from natasha import NewsEmbedding

    return NewsEmbedding()


@lru_cache(maxsize=1)
def segmenter() -> Any:
    """natasha's razdel-based sentence and token segmenter, run on the linear-time razdel
    segmenters of `tui.lang.sentences` (razdel's own are quadratic in a run of joined parts)."""
    from natasha import Segmenter
    from natasha.segment import adapt_sent, adapt_token

    from tui.lang.sentences import sentenize, tokenize

    class LinearSegmenter(Segmenter):  # type: ignore[misc]
        def tokenize(self, text: str) -> Any:
            for token in tokenize(text):
                yield adapt_token(token)

        def sentenize(self, text: str) -> Any:
            if not text:
                return
            for sent in sentenize(text):
                yield adapt_sent(sent)

    return LinearSegmenter()


@lru_cache(maxsize=1)
def ner_tagger() -> Any:
    """slovnet's Russian news NER tagger (PER/LOC/ORG)."""
    from natasha import NewsNERTagger

    return NewsNERTagger(embedding())


@lru_cache(maxsize=1)
def morph_tagger() -> Any:
    """slovnet's Russian morphology tagger (case and gender of names in context)."""
    from natasha import NewsMorphTagger

    return NewsMorphTagger(embedding())


def morph(lang: str = "ru") -> Any:
    """The pymorphy3 analyser for `lang` ("ru" or "uk"), shared with the whole program."""
    from tui.lang.morph import analyzer

    return analyzer(lang)


def parse(word: str, lang: str = "ru") -> tuple[Any, ...]:
    """pymorphy3 parses of `word`, best first (cached per process, shared with the other extractors)."""
    from tui.facts.morph import parses
    from tui.lang.morph import dictionary

    return parses(word, dictionary(lang))


def from_dictionary(parse_: Any) -> bool:
    """A parse of the whole word found in the dictionary, not guessed from a prefix or an ending."""
    stack: tuple[Any, ...] = getattr(parse_, "methods_stack", ())
    return len(stack) == 1 and type(stack[0][0]).__name__ == "DictionaryAnalyzer"


def warm_up() -> None:
    """Load every model now (for a worker process or a progress screen)."""
    segmenter()
    ner_tagger()
    morph_tagger()
    morph("ru")
    morph("uk")
