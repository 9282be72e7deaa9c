"""Text features for comparing Russian and Ukrainian sentences.

Letters are folded so that the two languages meet (і/ї → и, є → е, ґ → г, ё/э → е, ы → и; soft and
hard signs and apostrophes dropped), words are reduced to base forms with pymorphy3 (Russian or
Ukrainian dictionary, cached), and base forms are cut to a short stem, so that «Токаеву» and
«Токаєву», «Алматы» and «Алмати», «митинги» and «мітинги» share a key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tui.facts.morph import parses
from tui.facts.names import uk_ru_lexicon
from tui.lang import get as language
from tui.lang.fold import for_compare as fold
from tui.lang.morph import analyzer, dictionary, dictionary_for
from tui.lang.sentences import split as split_sentences

STEM_LENGTH = 5
"""Base forms are cut to this many letters: a cheap bridge between близкие ru/uk forms."""

WORD_RE = re.compile(
    r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])|\d+(?:[.,]\d+)?|[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*"
)
"""Numbers (with space-grouped thousands) and words (with inner hyphens and apostrophes)."""

_SKIP_TAGS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO", "PRED", "Apro"})


# Function words and news boilerplate in both languages (folded), ignored as content: the stop
# words and boilerplate lists of the language profiles (`tui/lang/<code>/*.txt`).
_STOP = frozenset(
    fold(w) for code in ("ru", "uk") for w in language(code).stop_words | language(code).boilerplate
)


def number_key(token: str) -> str | None:
    """`#2500` for «2 500», `#7939` for «7939», `#2.5` for «2,5»; None for a word."""
    if not token[0].isdigit():
        return None
    digits = re.sub(r"[ \u00a0\u202f]", "", token).replace(",", ".")
    try:
        value = float(digits)
    except ValueError:
        return None
    return f"#{value:g}"


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> tuple[str, bool]:
    """(folded base form, is_content_word) of one word, cached per language.

    Ukrainian base forms are bridged to Russian ones where a short lexicon or the Russian
    dictionary knows the counterpart (see `bridge_uk`), so both languages share keys.
    """
    low = word.lower()
    folded = fold(low)
    if folded in _STOP or len(folded) < 2:
        return folded, False
    # The parse cache the fact extractors filled for the same words (a compare after extraction
    # costs no second dictionary lookup).
    found = parses(low, dictionary(lang))
    if not found:
        return folded, False
    parse = found[0]
    tag = str(parse.tag)
    pos = parse.tag.POS
    normal_form = parse.normal_form
    if lang == "uk":
        normal_form = bridge_uk(normal_form)
    normal = fold(normal_form)
    if pos in _SKIP_TAGS or "Apro" in tag:
        return normal, False
    return normal, normal not in _STOP


@lru_cache(maxsize=50_000)
def bridge_uk(normal: str) -> str:
    """The Russian counterpart of a Ukrainian base form, or the form itself.

    First the lexicon of news words that are not cognates (`tui/lang/uk/ru_lexicon.txt`: країна →
    страна, доба → сутки); then cognate rules — the regular letter correspondences of the two
    languages (і → о/е: підготовка → подготовка, кінь → конь; prefixes від-/роз-/з- → от-/раз-/с-;
    и → ы), each candidate accepted only when the Russian dictionary knows it as a whole word.
    """
    mapped = uk_ru_lexicon().get(normal)
    if mapped is not None:
        return mapped
    ru = analyzer("ru")
    for candidate in _cognates(normal):
        if candidate != normal and ru.word_is_known(candidate):
            return candidate
    return normal


_PREFIXES = (("від", "от"), ("роз", "раз"), ("без", "бес"), ("з", "с"), ("ви", "вы"))


def _cognates(normal: str) -> list[str]:
    """Russian spellings a Ukrainian base form may have by the regular correspondences."""
    stems = [normal]
    for uk, ru in _PREFIXES:
        if normal.startswith(uk) and len(normal) > len(uk) + 3:
            stems.append(ru + normal[len(uk) :])
    out: list[str] = []
    for word in stems:
        for letter in ("о", "е", "и"):
            if "і" in word:
                out.append(word.replace("і", letter))
        if "и" in word:
            out.append(word.replace("и", "ы"))
        out.append(word.replace("ї", "и").replace("є", "е").replace("ґ", "г"))
    return out


def stem(normal: str) -> str:
    """The comparison key of a folded base form."""
    return normal[:STEM_LENGTH]


@dataclass(slots=True)
class Sentence:
    """One sentence of a text, with offsets and the features used to compare it."""

    index: int
    start: int
    end: int
    text: str
    surface: list[str] = field(default_factory=list)
    """Folded surface tokens, stop words included (for verbatim reuse)."""
    keys: set[str] = field(default_factory=set)
    """Stems of content words, number keys (`#…`), entity keys (`@…`), date keys (`%…`)."""
    name_keys: set[str] = field(default_factory=set)
    """Keys of words found only inside names (a name's words count, but are no statement)."""
    terms: list[tuple[int, int, str]] = field(default_factory=list)
    """(start, end, key) of each content word or number, offsets into the whole text."""


@lru_cache(maxsize=1)
def _number_words() -> tuple[dict[str, float], dict[str, float]]:
    """(units, scales) of both languages' number words, folded: «четыре»/«чотири» 4, «тисяча» 1000."""
    from tui.lang import data

    units: dict[str, float] = {}
    scales: dict[str, float] = {}
    for code in ("ru", "uk"):
        table = data(code, "numbers.toml", default={})
        units.update({fold(k): float(v) for k, v in table.get("units", {}).items()})
        scales.update({fold(k): float(v) for k, v in table.get("scales", {}).items()})
    return units, scales


def _word_value(token: str, normal: str) -> tuple[float | None, float | None]:
    """(value as a number word, value as a scale word) of a word, by its surface or base form."""
    units, scales = _number_words()
    surface = fold(token)
    unit = units.get(surface, units.get(normal))
    scale = scales.get(surface, scales.get(normal))
    return unit, scale


def _key_of(value: float) -> str:
    return f"#{value:g}"


def sentences(text: str, lang: str | None) -> list[Sentence]:
    """Split `text` into sentences and compute their word features (entities are added later).

    Numbers are read as values whatever their spelling: «2 тис.», «дві тисячі» and «2000» are all
    `#2000`, «четыре» and «чотири» `#4`, so a Russian and a Ukrainian sentence meet on them.
    """
    out: list[Sentence] = []
    lang = dictionary_for(text, lang)
    for i, (start, end) in enumerate(split_sentences(text)):
        chunk = text[start:end]
        sent = Sentence(index=i, start=start, end=end, text=chunk)
        last_number: tuple[int, float] | None = (
            None  # (index in terms, value) of a number just read
        )
        for match in WORD_RE.finditer(chunk):
            token = match.group()
            num = number_key(token)
            where = (start + match.start(), start + match.end())
            if num is not None:
                sent.surface.append(num)
                sent.keys.add(num)
                sent.terms.append((*where, num))
                last_number = (len(sent.terms) - 1, float(num[1:]))
                continue
            sent.surface.append(fold(token))
            normal, content = lemma(token, lang)
            unit, scale = _word_value(token, normal)
            if scale is not None and last_number is not None:
                index, value = last_number
                old_start, _, old_key = sent.terms[index]
                key = _key_of(value * scale)  # «2 тисячі» → #2000, in place of #2
                sent.keys.discard(old_key)
                sent.keys.add(key)
                sent.terms[index] = (old_start, where[1], key)
                last_number = None
                continue
            if unit is not None:
                key = _key_of(unit)
                sent.keys.add(key)
                sent.terms.append((*where, key))
                last_number = (len(sent.terms) - 1, unit)
                continue
            last_number = None
            if content:
                sent.keys.add(stem(normal))
                sent.terms.append((*where, stem(normal)))
        out.append(sent)
    return out
