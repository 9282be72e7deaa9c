"""Lazy morphology (pymorphy3) for the sentence-level passes on one-line pages only.

The analysers are the shared ones of `tui.lang.morph` (loaded on the first question)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from tui.lang.morph import analyzer

_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"}


# A word of Cyrillic letters (two or more), hyphens and apostrophes: pymorphy3 parses it exactly as
# its lower-case form (see `_parse_key`).
_PLAIN_CYRILLIC = re.compile(r"[а-яёіїєґА-ЯЁІЇЄҐ'’-]*[а-яёіїєґА-ЯЁІЇЄҐ][а-яёіїєґА-ЯЁІЇЄҐ'’-]*")


@lru_cache(maxsize=65536)
def _parses(lang: str, word: str) -> tuple[tuple[Any, float], ...]:
    """(tag, score) of every parse of `word`, most likely first (cached across pages: news reuse
    their words, and a word the dictionary lacks costs ~0.2 ms to guess)."""
    return tuple((p.tag, p.score) for p in analyzer(lang).parse(word))


def _parse_key(word: str) -> str:
    """The form to parse `word` as: its lower-case form when that provably parses the same, so
    «Протесты» shares the parse already made for «протесты», else the word itself.

    pymorphy3 lower-cases a word itself; only its shape units read the word as given: initials
    (one capital letter), Roman numbers (capitals I V X L C D M), Latin words (letters whose
    Unicode name says LATIN: the Kelvin sign lower-cases to a Latin k), numbers and punctuation.
    A word of two or more characters with a Cyrillic letter and nothing but Cyrillic letters,
    hyphens and apostrophes is none of these in either case, so both forms parse alike (a test
    compares them)."""
    if len(word) >= 2 and _PLAIN_CYRILLIC.fullmatch(word):
        return word.lower()
    return word


@lru_cache(maxsize=65536)
def _best_tag(lang: str, word: str) -> Any:
    """The tag of the most likely parse (of the lower-cased word the callers pass)."""
    return _parses(lang, word)[0][0]


@lru_cache(maxsize=65536)
def _known(lang: str, word: str) -> bool:
    """Whether the dictionary knows the (lower-cased) word."""
    return bool(analyzer(lang).word_is_known(word))


@lru_cache(maxsize=65536)
def _proper(lang: str, word: str) -> bool:
    """A name, place or organisation by the most likely parse, or an unknown word."""
    if not _known(lang, word.lower()):
        return True
    tag = _parses(lang, _parse_key(word))[0][0]
    return bool(_PROPER & set(str(tag).replace(" ", ",").split(",")))


@lru_cache(maxsize=65536)
def _nominative(lang: str, word: str) -> bool:
    """The most likely parse (or any close one) is in the nominative case."""
    parses = _parses(lang, _parse_key(word))
    best = parses[0][1]
    return any("nomn" in tag for tag, score in parses if score >= best * 0.5)


class Morph:
    """Questions about single words, answered from their most likely parse."""

    def __init__(self, lang: str) -> None:
        self._lang = lang  # the analyzer loads on the first question (some pages ask none)

    def _tag(self, word: str) -> Any:
        return _best_tag(self._lang, word)

    def is_finite_verb(self, word: str) -> bool:
        """A personal verb form (заявил, делает) — not an infinitive or participle."""
        return "VERB" in self._tag(word.lower())

    def is_verb_like(self, word: str) -> bool:
        """Any verb form: personal, infinitive, participle, gerund."""
        grammemes = set(str(self._tag(word.lower())).replace(" ", ",").split(","))
        return bool({"VERB", "INFN", "PRTF", "PRTS", "GRND"} & grammemes)

    def is_past_verb(self, word: str) -> bool:
        """A past-tense verb (заявил, сообщила)."""
        tag = self._tag(word.lower())
        return "VERB" in tag and "past" in tag

    def is_preposition(self, word: str) -> bool:
        """A preposition (в, у, на, по)."""
        return "PREP" in self._tag(word.lower())

    def is_function_word(self, word: str) -> bool:
        """A preposition, conjunction or particle (в, и, же)."""
        tag = self._tag(word.lower())
        return bool({"PREP", "CONJ", "PRCL"} & set(str(tag).replace(" ", ",").split(",")))

    def starts_clause(self, word: str) -> bool:
        """A capitalised preposition, conjunction, pronoun or adverb (По, Но, Он, Ранее)."""
        if not _known(self._lang, word.lower()):
            return False
        grammemes = set(str(self._tag(word.lower())).replace(" ", ",").split(","))
        return bool({"PREP", "CONJ", "NPRO", "ADVB"} & grammemes) and not (_PROPER & grammemes)

    def is_adjective(self, word: str) -> bool:
        """An adjective or participle (Верховный, Европейская): part of a name when capitalised."""
        grammemes = set(str(self._tag(word.lower())).replace(" ", ",").split(","))
        return bool({"ADJF", "ADJS", "PRTF"} & grammemes)

    def is_noun_or_adjective(self, word: str) -> bool:
        """A noun, adjective or numeral: how a noun-phrase heading opens."""
        grammemes = set(str(self._tag(word.lower())).replace(" ", ",").split(","))
        return bool({"NOUN", "ADJF", "NUMR", "NPRO"} & grammemes)

    def is_nominative_noun(self, word: str) -> bool:
        """A noun whose likely parse is nominative (a sentence's subject, a heading's head)."""
        tag = self._tag(word.lower())
        return "NOUN" in tag and "nomn" in tag

    def agrees(self, noun: str, verb: str) -> bool:
        """Could `noun` be the subject of `verb`? Number must match; gender too in the past."""
        n = self._tag(noun.lower())
        v = self._tag(verb.lower())
        if n.number and v.number and n.number != v.number:
            return False
        if v.number == "sing" and v.gender and n.gender and n.gender != v.gender:
            return "ms-f" in str(n) or "Ms-f" in str(n)  # common gender (сирота, судья)
        return True

    def is_proper(self, word: str) -> bool:
        """A name, surname, place, organisation, or a word the dictionary does not know."""
        return _proper(self._lang, word)

    def is_nominative(self, word: str) -> bool:
        """The most likely parse (or any close one) is in the nominative case."""
        return _nominative(self._lang, word)
