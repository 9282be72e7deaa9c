"""The language layer: everything Sverka knows about a language, in one place.

    from tui import lang
    lang.detect(text)            # "ru", "uk", "be", "kk", "en", another ISO code, or "unknown"
    profile = lang.get("uk")     # a `Language`: letters, months, number words, speech verbs,
                                 # place nouns, stop words, fold(), analyzer(), sentences()
    lang.data("uk", "measures.toml")   # any data file of a language package (dict or tuple)
    lang.words("ru", "speech_verbs.txt")  # a .txt list as a frozenset

One package per language, `tui/lang/<code>/`: its `__init__.py` builds the profile (`PROFILE`), its
word lists are data files beside it (`*.txt`, one entry a line; `*.toml`). Adding a language means
adding such a package, its data and its tests, and its code to `CODES`.

Cross-language folding (Russian and Ukrainian spellings made to meet, for keys, search and
comparison) is `tui.lang.fold`; the pymorphy3 analysers are `tui.lang.morph`; sentence splitting
is `tui.lang.sentences`.

This package imports nothing else of Sverka (an import-linter contract checks it).
"""

from __future__ import annotations

import importlib
from functools import cache

from tui.lang.codes import CODES, normalize
from tui.lang.datafiles import data, words
from tui.lang.identify import detect, ru_or_uk
from tui.lang.profile import MONTH_KINDS, Language

__all__ = [
    "CODES",
    "Language",
    "data",
    "detect",
    "get",
    "known",
    "months",
    "normalize",
    "resolve",
    "ru_or_uk",
    "words",
    "words_of",
]

def resolve(code: str | None, text: str) -> str:
    """The language to treat `text` as: `code` normalised when it names one ("ua" → "uk", "be",
    "en"...), else "ru" or "uk" as `text`'s letters say (`ru_or_uk`) — what the fact extractors
    and the comparison use when an article's language is missing or "unknown"."""
    return normalize(code) or ru_or_uk(text)


def months(*codes: str, kinds: tuple[str, ...] = MONTH_KINDS) -> dict[str, int]:
    """Month words of the languages `codes` (every profile when none is given) → month number,
    of the kinds asked for (see `Language.month_words`)."""
    out: dict[str, int] = {}
    for code in codes or CODES:
        out.update(get(code).month_words(*kinds))
    return out


def words_of(name: str, *codes: str) -> frozenset[str]:
    """The union of the `.txt` list `name` of the languages `codes` (every profile when none)."""
    return _union(name, codes or CODES)


@cache
def _union(name: str, codes: tuple[str, ...]) -> frozenset[str]:
    return frozenset().union(*(words(code, name) for code in codes))


def known(code: str | None) -> bool:
    """Whether `code` (normalised) has a profile."""
    return normalize(code) in CODES


@cache
def _profile(code: str) -> Language:
    module = importlib.import_module(f"tui.lang.{code}")
    profile: Language = module.PROFILE
    return profile


def get(code: str | None) -> Language:
    """The profile of `code` ("uk", "ua", "ru-RU"...); `KeyError` for a language without one."""
    norm = normalize(code)
    if norm not in CODES:
        raise KeyError(f"no language profile for {code!r}")
    return _profile(norm)
