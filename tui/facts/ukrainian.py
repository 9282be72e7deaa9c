"""The Ukrainian path: tag Ukrainian with the Russian NER model, then check it with a Ukrainian dictionary.

slovnet's NER model was trained on Russian. Shown Ukrainian as is, it reads the letters і ї є ґ as
noise and tags place names as people and sentence-initial verbs as names. Two cheap steps fix most of
that:

1. `to_russian_letters` maps each Ukrainian-only letter to the nearest Russian one, character for
   character, so every offset in the tagged text is an offset in the original.
2. `token_kind` asks pymorphy3's Ukrainian dictionary what a token is — a first name or surname, a
   function word (pronoun, conjunction, adverb, verb...), a known common word, or unknown (foreign
   names mostly) — and `entities.refine` uses that to trim, split and re-type the spans.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal

from tui.facts import nlp

UK_ONLY = "іїєґІЇЄҐ"
RU_ONLY = "ыэъёЫЭЪЁ"

# Same length on purpose: offsets into the mapped text are offsets into the original.
_TO_RU = str.maketrans(
    {"і": "и", "ї": "и", "є": "е", "ґ": "г", "І": "И", "Ї": "И", "Є": "Е", "Ґ": "Г"}
)

TokenKind = Literal["name", "function", "word", "unknown"]

# Parts of speech that are never part of a name, whatever else the token could be.
_HARD_FUNCTION = {"NPRO", "CONJ", "PREP", "PRCL", "INTJ"}
# Parts of speech that are not part of a name unless the dictionary also knows the token as one.
_SOFT_FUNCTION = {"VERB", "INFN", "ADVB", "GRND", "PRED", "NUMR", "PRTS", "COMP"}
_NAME_TAGS = {"Name", "Surn", "Patr"}


def to_russian_letters(text: str) -> str:
    """Map Ukrainian-only letters to Russian ones; the result has exactly the same length."""
    return text.translate(_TO_RU)


@lru_cache(maxsize=65536)
def token_kind(word: str, lang: str) -> TokenKind:
    """What the dictionary of `lang` says `word` is: a name, a function word, a common word, or unknown."""
    if not any(ch.isalpha() for ch in word):
        return "function"
    parses = nlp.parse(word, lang)
    known = [p for p in parses if _is_dictionary(p)]
    if not known:
        return "unknown"
    grammemes = [p.tag.grammemes for p in known]
    if any(p.tag.POS in _HARD_FUNCTION for p in known):
        return "function"
    if any(g & _NAME_TAGS for g in grammemes):
        # «Лондоні», «Білорусі»: a surname in the dictionary, but first of all a thing or a place.
        common = any(p.tag.POS in ("NOUN", "ADJF") and "inan" in p.tag.grammemes for p in known)
        first_name = any("Name" in g for g in grammemes)
        return "word" if common and not first_name else "name"
    if all(p.tag.POS in _SOFT_FUNCTION for p in known):
        return "function"
    return "word"


def _is_dictionary(parse: object) -> bool:
    """True when the parse comes from the dictionary rather than a guess from the word's ending."""
    stack: tuple[Any, ...] = getattr(parse, "methods_stack", ())
    return bool(stack) and type(stack[0][0]).__name__ == "DictionaryAnalyzer"


@lru_cache(maxsize=65536)
def is_geo(word: str) -> bool:
    """True when the Russian dictionary knows the (Russian-lettered) lemma as a place name."""
    return any("Geox" in p.tag.grammemes and _is_dictionary(p) for p in nlp.parse(word, "ru"))


@lru_cache(maxsize=65536)
def place_lemma(word: str, lang: str) -> str | None:
    """The lemma of `word` when the dictionary reads it as a common-noun form of a known place.

    «Києві» is both the dative of the name «Кий» and the locative of «Київ»; the Ukrainian
    dictionary marks no places, so a lemma counts as a place when the Russian dictionary knows it
    (letters mapped) or its Russian spelling: a Ukrainian «і»/«ї» in the last syllable is a
    Russian «е»/«о» (Київ ~ Киев, Харків ~ Харьков, Львів ~ Львов).
    """
    for p in nlp.parse(word, lang):
        g = p.tag.grammemes
        if p.tag.POS != "NOUN" or "inan" not in g or g & _NAME_TAGS or not _is_dictionary(p):
            continue
        if any(is_geo(v) for v in _russian_spellings(p.normal_form)):
            return str(p.normal_form)
    return None


def _russian_spellings(lemma_: str) -> list[str]:
    """`lemma_` in Russian letters, and with the last «і»/«ї» read as «е», «о», «ье», «ьо»."""
    out = [to_russian_letters(lemma_)]
    k = max(lemma_.rfind("і"), lemma_.rfind("ї"))
    if k > 0:
        head, tail = to_russian_letters(lemma_[:k]), to_russian_letters(lemma_[k + 1 :])
        out += [head + v + tail for v in ("е", "о", "ье", "ьо")]
    return out


@lru_cache(maxsize=65536)
def lemma(word: str, lang: str) -> str:
    """The dictionary lemma of a single word (the most likely parse)."""
    parses = nlp.parse(word, lang)
    return parses[0].normal_form if parses else word.lower()
