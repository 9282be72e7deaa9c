"""Search terms: how article text and queries become the tokens the full-text index holds.

The same function turns both sides into terms, so a query finds what the index holds:

1. fold — lower case, ё→е, ґ→г, є→е, і/ї→и, «ьк»→«к», apostrophes inside words dropped. The
   Ukrainian folds make Ukrainian and Russian spellings of one name meet («Україна»/«Украина»,
   «Європа»/«Европа», «Зеленський»/«Зеленский», «Донецьк»/«Донецк») at the cost of a little
   precision inside Ukrainian (кіт/кит); «об'єкт», «об’єкт» and «обєкт» are one word;
2. split into words (letters and digits);
3. stem — the Snowball Russian stemmer (PyStemmer, C) for Cyrillic words, Snowball English for
   Latin ones. It is applied to Ukrainian too: it is not a Ukrainian grammar, but it is applied
   identically at index and query time, so inflected forms still meet. One correction: Snowball
   strips «-ов»/«-ев» as a genitive plural, which would turn the surname «Токаев» into «тока»
   while «Токаева» becomes «токаев». So a word whose only loss was «ов»/«ев» keeps it as its
   term — «Токаев», «Токаева», «Токаеву» all become «токаев» — and the index also gets the short
   stem, so the genitive plural «миротворцев» is still found by «миротворцы».

Stems are cached per process (news vocabulary is Zipfian: after a few thousand articles nearly every
word is a cache hit).
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

from tui.lang.fold import for_search as fold

# A word: letters/digits, possibly joined by apostrophes, stress marks or soft hyphens (which fold
# removes: «об'єкт» is one word).
WORD = re.compile(r"[^\W_]+(?:[\u0301\u00ad'’ʼ`]+[^\W_]+)*")
_CYRILLIC = re.compile(r"[а-яіўәғқңөұүһ]")
_RU = Stemmer.Stemmer("russian")
_EN = Stemmer.Stemmer("english")
# Words longer than this are not stemmed (URLs glued together, hashes): kept as they are.
_MAX_STEM_LEN = 40


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The index term of one already folded word."""
    if len(word) > _MAX_STEM_LEN or word.isdigit():
        return word
    if _CYRILLIC.search(word):
        s = _RU.stemWord(word)
        if len(s) + 2 == len(word) and word.endswith(("ов", "ев")):
            return word
        return s
    return _EN.stemWord(word)


def words(text: str) -> list[str]:
    """Folded words of `text`, in order."""
    return [fold(w) for w in WORD.findall(text.lower())]


def index_terms(word: str) -> str:
    """What the index holds for one folded word: its term, plus the short stem for «-ов/-ев»."""
    term = stem(word)
    if term == word and word.endswith(("ов", "ев")) and _CYRILLIC.search(word):
        short = _RU.stemWord(word)
        if len(short) + 2 == len(word):
            return f"{term} {short}"
    return term


class _TermCache(dict[str, str]):
    """Lower-cased word → its index terms; a miss folds and stems the word (and keeps it while
    the cache holds fewer than 500,000 words)."""

    def __missing__(self, word: str) -> str:
        term = index_terms(fold(word))
        if len(self) < 500_000:
            self[word] = term
        return term


_TERM_CACHE = _TermCache()


class _TokenCache(dict[str, str]):
    """Whitespace token as written («Токаев,» «(Казахстан»), punctuation and all → the index
    terms of the words in it ("" for a dash); a miss lower-cases the token and splits it with
    `WORD` (kept while the cache holds fewer than 300,000 tokens). Keyed by the token as written,
    so the text is never lower-cased as a whole (a capitalised word is one more entry)."""

    def __missing__(self, token: str) -> str:
        found = " ".join(filter(None, map(_TERM_CACHE.__getitem__, WORD.findall(token.lower()))))
        if len(self) < 300_000:
            self[token] = found
        return found


_TOKEN_CACHE = _TokenCache()


def terms(text: str) -> str:
    """The index terms of `text` as one space-separated string (what the engine is given).

    The text is split at whitespace at once (C speed); each token is looked up
    in a cache and split into words, folded and stemmed only on a miss — news vocabulary is
    Zipfian, so after a few thousand articles nearly every token is a hit. No word spans
    whitespace, so this gives exactly the terms of `WORD.findall` over the whole text; it costs a
    third of it (the regex scan of every character was most of the time of indexing a file)."""
    return terms_and_words(text)[0]


def terms_and_words(text: str) -> tuple[str, int]:
    """`terms(text)` and the number of words in `text` — tokens holding a letter or digit, which
    are the tokens with terms, so this equals `tui.corpus.metadata.count_words(text)` without a
    second pass over the text (the scan needs both for every file)."""
    found = list(filter(None, map(_TOKEN_CACHE.__getitem__, text.split())))
    return " ".join(found), len(found)
