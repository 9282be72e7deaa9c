"""Entities in languages without a real NER path (Belarusian, Kazakh, English...): strict and few.

slovnet was trained on Russian. On Belarusian it takes capitalised common words for people
(«Канстытуцыі», «Прадстаўнікі», «Ён»), on Kazakh a place with a case ending («Алматыда») or a
whole sentence, on English a month («Jan»). For such a language `find_foreign` keeps only what a
reader can trust:

- Cyrillic (be, kk...): the text is tagged with its own letters mapped to Russian ones (same
  length, so offsets hold); every span is cut into runs of capitalised words, and a run is kept
  only when the Russian or Ukrainian dictionary knows one of its words as a first name, surname,
  patronymic, place or organisation (a whole-word dictionary entry, not a guess from the ending),
  or a word has the shape of a surname («Лукашэнка», «Токаеў», «Сулейменов»), or the run is an
  acronym («БелТА»). The dictionary tag gives the type. A Kazakh case ending is cut from a place
  whose stem is a known place: «Алматыда» → «Алматы».
- Latin script: the tagger's spans minus months and weekdays («Jan», «Monday»).

Base forms are the surface (no dictionary to inflect these languages), apart from the Kazakh stems.
"""

from __future__ import annotations

import re
from typing import Any

from tui.facts import keys, nlp
from tui.facts.refine import propagate
from tui.facts.spans import Span, Tok, pieces, sentence_start
from tui.facts.ukrainian import is_geo

_TO_RU = str.maketrans(
    {
        "ў": "у", "Ў": "У", "і": "и", "І": "И", "ї": "и", "Ї": "И", "є": "е", "Є": "Е",
        "ґ": "г", "Ґ": "Г", "ә": "а", "Ә": "А", "ғ": "г", "Ғ": "Г", "қ": "к", "Қ": "К",
        "ң": "н", "Ң": "Н", "ө": "о", "Ө": "О", "ұ": "у", "Ұ": "У", "ү": "у", "Ү": "У",
        "һ": "х", "Һ": "Х",
    }
)  # fmt: skip

# Kazakh case endings (with their vowel-harmony and consonant variants), longest first.
_KK_CASE_WORDS = (
    "дағы дегі тағы тегі нда нде да де та те ға ге қа ке на не а е "
    "ның нің дың дің тың тің ны ні ды ді ты ті н "
    "дан ден тан тен нан нен мен бен пен"
)
_KK_CASES = sorted(_KK_CASE_WORDS.split(), key=len, reverse=True)
# Surname shapes of Belarusian, Russian, Ukrainian and Kazakh names (lowercase, Russian letters).
_SURNAME_ENDS = (
    "енко", "енка", "ович", "евич", "вич", "ов", "ев", "ова", "ева", "оу", "еу", "ау",
    "ский", "ская", "ски", "улы", "кызы",
)  # fmt: skip
_MONTHS_DAYS_WORDS = (
    "jan feb mar apr jun jul aug sep sept oct nov dec january february march april june july "
    "august september october november december monday tuesday wednesday thursday friday "
    "saturday sunday mon tue tues wed thu thurs fri sat sun"
)
_MONTHS_DAYS = frozenset(_MONTHS_DAYS_WORDS.split())
_TAG_TYPES = (("Geox", "LOC"), ("Orgn", "ORG"), ("Surn", "PER"), ("Name", "PER"), ("Patr", "PER"))
_LATIN = re.compile(r"[A-Za-z]")


def to_russian_letters(text: str) -> str:
    """Belarusian and Kazakh letters mapped to the nearest Russian ones; same length."""
    return text.translate(_TO_RU)


def find_foreign(text: str, lang: str) -> list[tuple[Span, str]]:
    """(span, base form) of the names worth showing in a text in `lang` (not ru/uk)."""
    from natasha import Doc

    found: list[tuple[Span, str]] = []
    # The tagger sees the text twice, as written and in Russian letters: each misses names the
    # other finds («Лукашэнка» in a headline is found only as written).
    mapped = to_russian_letters(text)
    for variant in (text, mapped) if mapped != text else (text,):
        doc = Doc(variant)
        doc.segment(nlp.segmenter())
        doc.tag_ner(nlp.ner_tagger())
        tokens = [Tok(t.start, t.stop, text[t.start : t.stop]) for t in doc.tokens]
        starts = {t.start: i for i, t in enumerate(tokens)}
        for s in doc.spans:
            i = starts.get(s.start)
            toks: list[Tok] = []
            while i is not None and i < len(tokens) and tokens[i].end <= s.stop:
                toks.append(tokens[i])
                i += 1
            for piece in pieces(text, toks):
                for run in _capitalised_runs(piece):
                    checked = _check(text, run, s.type)
                    if checked is not None:
                        found.append(checked)
    kept: dict[Span, str] = {}
    last_end = -1
    for span, normal in sorted(found, key=lambda f: (f[0].start, -f[0].end)):
        if span.start >= last_end:
            kept[span] = normal
            last_end = span.end
    # Repeats the tagger missed (a surname alone in the headline) take the kept names' type.
    by_surface = {text[sp.start : sp.end]: normal for sp, normal in kept.items()}
    for sp, normal in list(kept.items()):
        if sp.type == "PER" and " " in normal:
            by_surface.setdefault(normal.split()[-1], normal.split()[-1])
    spans = propagate(text, tokens, sorted(kept, key=lambda sp: (sp.start, sp.end)))
    return [(sp, kept.get(sp) or by_surface.get(text[sp.start : sp.end], "")) for sp in spans]


def _capitalised_runs(toks: list[Tok]) -> list[list[Tok]]:
    """Runs of capitalised words («Алматы» of «Алматы қаласында 19 қаңтар»)."""
    runs: list[list[Tok]] = [[]]
    for t in toks:
        if t.text[:1].isupper() or (runs[-1] and t.text in (".", "-")):
            runs[-1].append(t)
        else:
            runs.append([])
    return [r for r in runs if r and r[0].text[:1].isupper()]


def _check(text: str, run: list[Tok], type_: str) -> tuple[Span, str] | None:
    surface = text[run[0].start : run[-1].end]
    span = Span(run[0].start, run[-1].end, type_)
    words = [t.text for t in run if t.text[:1].isalpha()]
    if not words:
        return None
    if _LATIN.search(surface):
        if any(w.lower().rstrip(".") in _MONTHS_DAYS for w in words):
            return None
        return span, surface
    if len(words) == 1 and (keys.is_acronym(words[0]) or sum(map(str.isupper, words[0])) >= 2):
        return Span(span.start, span.end, "ORG"), surface
    found_type: str | None = None
    for w in words:
        found_type = found_type or _dictionary_type(w)
    if found_type is None and any(_surname_shaped(w) for w in words):
        found_type = "PER"
    if found_type is None and len(words) == 1:
        stem = _kazakh_place_stem(words[0])
        if stem:
            return Span(span.start, span.end, "LOC"), stem
    if found_type is None:
        return None
    # A capitalised first word is a name only when the dictionary says so without doubt.
    if (
        len(words) == 1
        and sentence_start(text, span.start)
        and not _surname_shaped(words[0])
        and found_type != "LOC"
        and _dictionary_type(words[0], strict=True) is None
    ):
        return None
    return Span(span.start, span.end, found_type), surface


def _dictionary_type(word: str, strict: bool = False) -> str | None:
    """PER/LOC/ORG when a dictionary (ru, then uk) knows the whole word as a name, else None.

    `strict`: every dictionary reading of the word is a name (no common word of that spelling).
    """
    low = to_russian_letters(word).lower()
    for lang, form in (("ru", low), ("ru", low.replace("э", "е")), ("uk", low)):
        parses = [p for p in nlp.parse(form, lang) if _whole_word(p)]
        named = [p for p in parses if p.tag.grammemes & {"Geox", "Orgn", "Surn", "Name", "Patr"}]
        if not named or (strict and len(named) < len(parses)):
            continue
        for tag, type_ in _TAG_TYPES:
            if any(tag in p.tag.grammemes for p in named):
                return type_
    return None


def _whole_word(parse: object) -> bool:
    stack: tuple[Any, ...] = getattr(parse, "methods_stack", ())
    return len(stack) == 1 and type(stack[0][0]).__name__ == "DictionaryAnalyzer"


def _surname_shaped(word: str) -> bool:
    low = to_russian_letters(word).lower().replace("э", "е").replace("ё", "е")
    return len(low) >= 5 and low.endswith(_SURNAME_ENDS)


def _kazakh_place_stem(word: str) -> str | None:
    """«Алматыда» → «Алматы»: a known place with a Kazakh case ending cut off."""
    low = word.lower()
    for end in _KK_CASES:
        stem = word[: len(word) - len(end)]
        if low.endswith(end) and len(stem) >= 3 and is_geo(to_russian_letters(stem).lower()):
            return stem
    return None
