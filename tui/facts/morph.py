"""Cached word lookups for the fact extractors, on the shared pymorphy3 analysers.

The analysers are `tui.lang.morph`'s (one per dictionary per process); `text_lang` is its
`dictionary_for`. Every lookup here goes through an `lru_cache`, so a word is analysed once per
process however many articles mention it. Other fact extractors (entities included) may reuse
`parses`, `lemma` and `text_lang`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from tui.lang.morph import Dictionary as Lang
from tui.lang.morph import analyzer
from tui.lang.morph import dictionary_for as text_lang

__all__ = ["WORD_RE", "Lang", "Token", "analyzer", "best", "lemma", "lemmas", "parses", "pos"]
__all__ += ["text_lang", "tokenize"]

#: Words: letters/digits, inner hyphens and apostrophes («Касым-Жомарт», «п'ять», «Kun.uz» kept apart).
WORD_RE = re.compile(r"[^\W_]+(?:['’ʼ-][^\W_]+)*")


@lru_cache(maxsize=200_000)
def parses(word: str, lang: Lang) -> tuple[Any, ...]:
    """All pymorphy3 parses of `word` (lowercased), best first.

    A word the `lang` dictionary does not know but the other language's does is analysed in that
    other language (a Russian quote in a Ukrainian article, a mis-detected language).
    """
    low = word.lower()
    if lang == "uk":
        low = low.replace("’", "'").replace("ʼ", "'")  # the dictionary's apostrophe
    own = analyzer(lang)
    if not own.word_is_known(low) and low.isalpha():
        other = analyzer("uk" if lang == "ru" else "ru")
        if other.word_is_known(low):
            return tuple(other.parse(low))
    return tuple(own.parse(low))


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: Lang) -> str:
    """The most likely base form of `word`, lowercased («осіб» → «особа», «задержали» → «задержать»)."""
    found = parses(word, lang)
    return found[0].normal_form.replace("ё", "е") if found else word.lower()


@lru_cache(maxsize=200_000)
def lemmas(word: str, lang: Lang) -> frozenset[str]:
    """Every base form pymorphy3 considers for `word` (for lookups that tolerate ambiguity)."""
    return frozenset(p.normal_form.replace("ё", "е") for p in parses(word, lang)) | {
        word.lower().replace("ё", "е")
    }


@lru_cache(maxsize=200_000)
def pos(word: str, lang: Lang) -> str | None:
    """The part of speech of the best parse (`NOUN`, `VERB`, `PRTS`, `ADJF`...), None if unknown."""
    found = parses(word, lang)
    return found[0].tag.POS if found else None


def best(word: str, lang: Lang) -> Any | None:
    """The best parse of `word`, or None."""
    found = parses(word, lang)
    return found[0] if found else None


class Token(NamedTuple):
    """A word, a number (thousands groups joined: «2 500») or one punctuation character."""

    start: int
    end: int
    text: str
    kind: Literal["num", "word", "punct"]


_TOKEN_RE = re.compile(
    r"(?P<num>\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d])(?:,\d+)?|\d+(?:[.,]\d+)?)"
    r"|(?P<word>[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*)"
    r"|(?P<punct>\S)"
)
# «человекПрезидент»: two words glued where a line break or full stop was lost.
_GLUE_RE = re.compile(r"(?<=[a-zа-яёіїєґ])(?=[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ])")


def tokenize(text: str) -> list[Token]:
    """The tokens of `text` with offsets; glued words («человекПрезидент») are split in two."""
    return list(_tokens(text))


@lru_cache(maxsize=8)
def _tokens(text: str) -> tuple[Token, ...]:
    """Tokens of recent texts: the extractors of one article share one tokenisation."""
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        kind, word = m.lastgroup, m[0]
        if kind == "word" and not word[1:].islower() and _GLUE_RE.search(word):
            pos_ = m.start()
            for part in _GLUE_RE.split(word):
                out.append(Token(pos_, pos_ + len(part), part, "word"))
                pos_ += len(part)
        else:
            out.append(Token(m.start(), m.end(), word, kind))  # type: ignore[arg-type]
    return tuple(out)
