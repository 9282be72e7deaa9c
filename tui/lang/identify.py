"""Which language a text is in: the one detector (`tui.lang.detect`).

Letters decide first, because they are exact and fast: Ukrainian (і ї є ґ, no ы э ъ), Belarusian
(ў; і without и), Kazakh (ә ғ қ ң ө ұ ү һ), Russian (ы э ъ ё, none of the Ukrainian letters).
A page mixing Russian and Ukrainian (a report quoting officials in the other language, bilingual
paragraphs) is decided by its words: each word with a language's own letters, or on its list of
telling words (`tui/lang/<code>/telling_words.txt`), votes for that language. A page of Latin
letters with many English function words is English. langdetect — made deterministic by a fixed
seed — decides the rest, on a short sample (it cost 50–90 ms a page on 4,000 characters; about
half of the mixed pages fell through to it). Ukrainian never comes out as Russian or Bulgarian:
whenever Ukrainian-only letters dominate, the answer is `uk`.

The letters each language is known by are its profile's `evidence` (`tui/lang/<code>/`).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from tui.lang.datafiles import words

_SAMPLE = 4000
_QUICK = 1200
"""Most pages are decided by their first 1,200 characters (see `detect`)."""
_QUICK_EVIDENCE = 12
_MIN_LETTERS = 20
"""Fewer letters than this, none of them telling, give `unknown`."""
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_LANGDETECT_CHARS = 1000
"""langdetect, the last resort, reads this much of the sample."""
_MIN_VOTES = 6
"""Words a mixed Russian/Ukrainian page needs before its words decide."""
_MAJORITY = 1.25
"""How many times the other language's votes the winner needs (below it: langdetect)..."""
_BILINGUAL_VOTES = 40
"""...unless this many words voted: a page that much in both languages is bilingual, and the
language of more of its words is its language."""
_ENGLISH_SHARE = 0.12
"""Share of English telling words that makes a page of Latin letters English."""
_CYRILLIC_WORD = re.compile(r"[а-яёіїєґў'ʼ’-]+")
_LATIN_WORD = re.compile(r"[a-z]+")

# The telling letters of each language (kept in step with the profiles by a test).
KK = "әғқңөұүһ"
UK = "іїєґ"
RU = "ыэъё"
BE = "ў"
_DISTINCT = RU + UK + BE + KK + "и"
"""The letters `_by_letters` weighs (the rest only count towards the Cyrillic total)."""


def _script_counts(sample: str) -> tuple[int, int]:
    """(Cyrillic letters, ASCII letters) in `sample`, counted on its UTF-8 bytes.

    Every character of the Cyrillic block U+0400–U+04FF (all letters but a handful of rare signs)
    starts with byte D0–D3 in UTF-8, and no other character does; bytes.count and
    bytes.translate run at memory speed, where a per-character `str.isalpha` loop cost ~0.2 ms
    per article — the biggest part of language detection when indexing 100k files.
    """
    enc = sample.encode("utf-8", "surrogatepass")
    cyr = enc.count(b"\xd0") + enc.count(b"\xd1") + enc.count(b"\xd2") + enc.count(b"\xd3")
    latin = len(enc) - len(enc.translate(None, _ASCII_LETTERS))
    return cyr, latin


def _letters(text: str) -> Counter[str]:
    lowered = text[:_SAMPLE].lower()
    return Counter({ch: n for ch in _DISTINCT if (n := lowered.count(ch))})


def detect(text: str) -> str:
    """ISO 639-1 code of `text`'s language, or `unknown`.

    A long text is first judged by its first `_QUICK` characters; when those are mostly
    Cyrillic and give at least `_QUICK_EVIDENCE` of the letters that decide, that is the answer
    (a third of the work per file when indexing; the full sample is read only for pages that
    are not clear-cut)."""
    if len(text) > _SAMPLE // 2:
        quick = text[:_QUICK]
        cyr, latin = _script_counts(quick)
        if cyr > latin:
            verdict = _by_letters(_letters(quick), cyr, _QUICK_EVIDENCE)
            if verdict:
                return verdict
    sample = text[:_SAMPLE]
    cyr, latin = _script_counts(sample)
    if cyr > latin:  # mostly Cyrillic: the letters decide unless they are ambiguous
        letters = _letters(sample)
        by_letters = _by_letters(letters, cyr)
        if by_letters:
            return by_letters
        if not (letters["ў"] or sum(letters[ch] for ch in KK)):
            by_words = _ru_or_uk_by_words(sample)
            if by_words:
                return by_words
    elif not cyr and not latin and not any(map(str.isalpha, sample)):
        return "unknown"
    elif latin > cyr and _english(sample):
        return "en"
    if cyr + latin < _MIN_LETTERS and sum(map(str.isalpha, sample)) < _MIN_LETTERS:
        return "unknown"  # too little to go on: langdetect would guess («x» came out Somali)
    return _langdetect(sample[:_LANGDETECT_CHARS])


@lru_cache(maxsize=1)
def _telling() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    return (
        words("ru", "telling_words.txt"),
        words("uk", "telling_words.txt"),
        words("en", "telling_words.txt"),
    )


def _ru_or_uk_by_words(sample: str) -> str | None:
    """ "ru" or "uk" by the words of a Cyrillic sample that mixes the two (a word with a
    language's own letters, or one of its telling words, votes for it); None when the vote is
    too thin or too close."""
    ru_words, uk_words, _ = _telling()
    ru = uk = 0
    for word in _CYRILLIC_WORD.findall(sample.lower()):
        if word in ru_words:
            ru += 1
        elif word in uk_words:
            uk += 1
        else:
            has_ru = any(ch in word for ch in RU)
            has_uk = any(ch in word for ch in UK)
            if has_ru != has_uk:
                ru += has_ru
                uk += has_uk
    if max(ru, uk) < _MIN_VOTES:
        return None
    if ru >= _MAJORITY * uk:
        return "ru"
    if uk >= _MAJORITY * ru:
        return "uk"
    if ru + uk >= _BILINGUAL_VOTES and ru != uk:
        return "ru" if ru > uk else "uk"
    return None


def _english(sample: str) -> bool:
    """A sample of Latin letters in which English function words are frequent."""
    found = _LATIN_WORD.findall(sample.lower())
    if len(found) < 5:
        return False
    english = _telling()[2]
    hits = sum(1 for w in found if w in english)
    return hits >= 3 and hits >= _ENGLISH_SHARE * len(found)


def _by_letters(c: Counter[str], total: int, evidence: int = 1) -> str | None:
    """The language the distinctive letters point to, if at least `evidence` of them do."""
    kazakh = sum(c[ch] for ch in KK)
    if kazakh / total > 0.01:
        return "kk" if kazakh >= evidence else None
    uk_only = sum(c[ch] for ch in UK)
    ru_only = sum(c[ch] for ch in RU)
    if c["ў"] and c["і"] and c["и"] < c["і"] / 4:
        return "be" if c["ў"] + c["і"] >= evidence else None
    if uk_only and uk_only > 4 * ru_only:
        return "uk" if uk_only >= evidence else None
    if ru_only and ru_only > 4 * uk_only:
        return "ru" if ru_only >= evidence else None
    return None


def _langdetect(sample: str) -> str:
    try:
        from langdetect import DetectorFactory
        from langdetect import detect as langdetect_detect
        from langdetect.lang_detect_exception import LangDetectException
    except ImportError:  # pragma: no cover - a declared dependency
        return "unknown"
    DetectorFactory.seed = 0
    try:
        return str(langdetect_detect(sample))
    except LangDetectException:
        return "unknown"


def ru_or_uk(text: str) -> str:
    """ "uk" when Ukrainian-only letters (і ї є ґ) outnumber Russian-only ones (ы э ъ ё), else "ru".

    For a snippet too short for `detect` (a word, a name, a phrase) that must be analysed with one
    of the two dictionaries."""
    uk = sum(text.count(ch) for ch in "іїєґІЇЄҐ")
    ru = sum(text.count(ch) for ch in "ыэъёЫЭЪЁ")
    return "uk" if uk > ru else "ru"
