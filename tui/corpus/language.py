"""Which language an article is in.

Letters decide first, because they are exact and fast: Ukrainian (і ї є ґ, no ы э ъ), Belarusian
(ў; і without и), Kazakh (ә ғ қ ң ө ұ ү һ), Russian (ы э ъ ё, none of the Ukrainian letters).
langdetect — made deterministic by a fixed seed — decides the rest. Ukrainian never comes out as
Russian or Bulgarian: whenever Ukrainian-only letters dominate, the answer is `uk`.
"""

from __future__ import annotations

import re
from collections import Counter

_CYRILLIC = re.compile(r"[а-яёіїєґўәғқңөұүһ]", re.IGNORECASE)
_SAMPLE = 4000


_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўәғқңөұүһ"


def _letters(text: str) -> Counter[str]:
    lowered = text[:_SAMPLE].lower()
    return Counter({ch: n for ch in _LETTERS if (n := lowered.count(ch))})


def detect_language(text: str) -> str:
    """ISO 639-1 code of `text`'s language, or `unknown`."""
    sample = text[:_SAMPLE]
    counts = _letters(sample)
    cyr = sum(counts.values())
    alpha = sum(map(str.isalpha, sample))
    if alpha == 0:
        return "unknown"
    if cyr / alpha > 0.5:
        by_letters = _by_letters(counts, cyr)
        if by_letters:
            return by_letters
    return _langdetect(sample)


def _by_letters(c: Counter[str], total: int) -> str | None:
    kazakh = sum(c[ch] for ch in "әғқңөұүһ")
    if kazakh / total > 0.01:
        return "kk"
    uk_only = c["ї"] + c["є"] + c["ґ"] + c["і"]
    ru_only = c["ы"] + c["э"] + c["ъ"] + c["ё"]
    if c["ў"] and c["і"] and c["и"] < c["і"] / 4:
        return "be"
    if uk_only and uk_only > 4 * ru_only:
        return "uk"
    if ru_only and ru_only > 4 * uk_only:
        return "ru"
    return None


def _langdetect(sample: str) -> str:
    try:
        from langdetect import DetectorFactory, detect
        from langdetect.lang_detect_exception import LangDetectException
    except ImportError:  # pragma: no cover - a declared dependency
        return "unknown"
    DetectorFactory.seed = 0
    try:
        return str(detect(sample))
    except LangDetectException:
        return "unknown"
