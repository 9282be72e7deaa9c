"""Lazy morphology (pymorphy3) for the sentence-level passes on one-line pages only."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"}


@lru_cache(maxsize=2)
def analyzer(lang: str) -> Any:
    """One MorphAnalyzer per language per process (ru or uk)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk" if lang == "uk" else "ru")


@lru_cache(maxsize=65536)
def _best_tag(lang: str, word: str) -> Any:
    """The tag of the most likely parse (cached across pages: news reuse their words)."""
    return analyzer(lang).parse(word)[0].tag


@lru_cache(maxsize=65536)
def _known(lang: str, word: str) -> bool:
    """Whether the dictionary knows the (lower-cased) word."""
    return bool(analyzer(lang).word_is_known(word))


@lru_cache(maxsize=65536)
def _proper(lang: str, word: str) -> bool:
    """A name, place or organisation by the most likely parse, or an unknown word."""
    if not _known(lang, word.lower()):
        return True
    tag = analyzer(lang).parse(word)[0].tag
    return bool(_PROPER & set(str(tag).replace(" ", ",").split(",")))


@lru_cache(maxsize=65536)
def _nominative(lang: str, word: str) -> bool:
    """The most likely parse (or any close one) is in the nominative case."""
    parses = analyzer(lang).parse(word)
    best = parses[0].score
    return any("nomn" in p.tag for p in parses if p.score >= best * 0.5)


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
