"""The one pymorphy3 loader: a `MorphAnalyzer` per dictionary per process, built on first use.

pymorphy3 ships dictionaries for Russian and Ukrainian. Text in another language of the Cyrillic
script (Belarusian, Kazakh) or of unknown language is analysed with the Russian dictionary, as
Sverka always did: its guesser still gives parts of speech to most words. A language profile names
its dictionary (`tui.lang.get(code).morph_dictionary`).

Building an analyser takes ~0.1 s and ~15 MB; the lock makes sure threads (the app's workers) build
each one once.
"""

from __future__ import annotations

import threading
from typing import Any, Literal

Dictionary = Literal["ru", "uk"]
DICTIONARIES: tuple[Dictionary, ...] = ("ru", "uk")
_ANALYZERS: dict[str, Any] = {}
_LOCK = threading.Lock()


def dictionary(lang: str | None) -> Dictionary:
    """The pymorphy3 dictionary that analyses `lang`: "uk" for Ukrainian, "ru" for anything else."""
    return "uk" if (lang or "").strip().lower()[:2] in ("uk", "ua") else "ru"


def dictionary_for(text: str, lang: str | None = None) -> Dictionary:
    """The dictionary to analyse `text` with: that of `lang` when it names a language ("uk" for
    Ukrainian, "ru" for Russian and every other), else the one `text`'s letters point to
    (`ru_or_uk`: a snippet, an article of unknown language)."""
    from tui.lang.codes import normalize
    from tui.lang.identify import ru_or_uk

    if normalize(lang):
        return dictionary(lang)
    return "uk" if ru_or_uk(text) == "uk" else "ru"


def analyzer(lang: str | None = "ru") -> Any:
    """The shared pymorphy3 `MorphAnalyzer` for `lang` (see `dictionary`)."""
    key = dictionary(lang)
    found = _ANALYZERS.get(key)
    if found is not None:
        return found
    with _LOCK:
        if key not in _ANALYZERS:
            import pymorphy3

            _ANALYZERS[key] = pymorphy3.MorphAnalyzer(lang=key)
        return _ANALYZERS[key]


def loaded() -> tuple[str, ...]:
    """The dictionaries loaded so far in this process (for tests and warm-up progress)."""
    return tuple(sorted(_ANALYZERS))
