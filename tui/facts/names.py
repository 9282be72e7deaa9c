"""Names that meet across languages: one spelling per place, country or person for the keys.

`keys` folds Russian and Ukrainian letters alike, which is enough for «Токаев»/«Токаєв». What it
cannot see is handled here, each step a lookup of data, never a guess:

- **countries** from CLDR through `babel`: the territory names in ru, uk, be, kk and en all point
  to the Russian one («Німеччина», «Germany», «Германія» → «Германия»);
- **places** from the gazetteers `tui/lang/<code>/place_names.txt` (Ukrainian, Kazakh, English
  names and Russian variants → the Russian name: «Львів» → «Львов», «Kyiv» → «Киев»);
- **Ukrainian spellings of Russian-dictionary names**: a Ukrainian name word with «і/и/ї/є» is
  respelled by the regular correspondences (і → о/е/и, и → ы, ї → и/е, є → е, -ський → -ский) and
  taken when the Russian dictionary knows the result as a surname, first name or place
  («Вигівський» → «Выговский», «Бориспіль» → «Борисполь») — a known name, not a near miss, so two
  different people are not merged;
- **Latin script** transliterated to Cyrillic (`latin_to_cyrillic`: «Tokayev» → «токаев»,
  «Almaty» → «алматы»), for keys only.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

LANGS = ("ru", "uk", "be", "kk", "en")


@lru_cache(maxsize=8)
def place_names(lang: str) -> frozenset[str]:
    """The place and country names (lower case) written in `lang`: its CLDR territory names and
    its gazetteer's names (for Russian also the names every gazetteer points to)."""
    names: set[str] = set()
    try:
        from babel import Locale

        names.update(n.lower() for t, n in Locale.parse(lang).territories.items() if len(t) == 2)
    except (ImportError, ValueError):  # pragma: no cover - an unknown code has no names
        pass
    from tui.lang import data

    for code in LANGS:
        for line in data(code, "place_names.txt", default=()):
            name, _, russian = line.partition("\t")
            if code == lang and name:
                names.add(name.strip().lower())
            if lang == "ru" and russian:
                names.add(russian.strip().lower())
    return frozenset(names)


@lru_cache(maxsize=1)
def place_table() -> dict[str, str]:
    """Every known spelling of a country or place (lower case) → its Russian name."""
    from babel import Locale

    table: dict[str, str] = {}
    ru = Locale.parse("ru").territories
    for code in LANGS:
        for territory, name in Locale.parse(code).territories.items():
            # Two-letter codes are countries; numeric ones are world regions («Европа» is kept
            # from the gazetteer instead).
            if len(territory) == 2 and territory.isalpha() and territory in ru:
                table.setdefault(name.lower(), ru[territory])
    from tui.lang import data

    for code in LANGS:
        for line in data(code, "place_names.txt", default=()):
            name, _, russian = line.partition("\t")
            if name and russian:
                table[name.strip().lower()] = russian.strip()
                table.setdefault(russian.strip().lower(), russian.strip())
    return table


@lru_cache(maxsize=20_000)
def is_known_place(lemma: str) -> bool:
    """A base form that names a place: a country or gazetteer entry, or a place in the Russian
    dictionary (as it is or respelled from Ukrainian: «мараш», «луцьк»)."""
    if russian_place(lemma):
        return True
    from tui.facts import nlp

    known = nlp.morph("ru").word_is_known
    for candidate in (lemma.lower(), russian_spelling(lemma, "LOC")):
        if (
            candidate
            and known(candidate)
            and any(
                "Geox" in p.tag.grammemes
                and nlp.from_dictionary(p)
                and p.normal_form == candidate
                and p.tag.case == "nomn"
                for p in nlp.parse(candidate, "ru")
            )
        ):
            return True
    return False


def russian_place(name: str) -> str | None:
    """The Russian name of a country or place spelled `name` in any language the app reads."""
    return place_table().get(name.lower().replace("ё", "е")) or place_table().get(name.lower())


_UK_LETTERS = re.compile("[іїєґІЇЄҐ'’ʼ]")
# The spelling folding already gives comes first, so the nearest known name wins («Бібі» → «биби»).
_VARIANTS = {"і": ("и", "о", "е"), "и": ("и", "ы"), "ї": ("и", "е"), "є": ("е", "э"), "ґ": ("г",)}
_KINDS = {"PER": frozenset({"Surn"}), "LOC": frozenset({"Geox"})}
_MAX_CANDIDATES = 64


@lru_cache(maxsize=20_000)
def russian_spelling(word: str, kind: str) -> str | None:
    """The Russian spelling of a Ukrainian name word, if the Russian dictionary knows it as such.

    `kind` "PER" (a surname) or "LOC" (a place): «Вигівський» → «выговский», «Бориспіль» →
    «борисполь»; None when no respelling is a known surname or place of that kind (the word keeps
    its own spelling — a first name «Йоганнес» is not taken for the surname «Йоганніс»).
    """
    wanted = _KINDS.get(kind, frozenset())
    if not _UK_LETTERS.search(word):
        return None
    from tui.facts import nlp

    low = word.lower().replace("'", "").replace("’", "").replace("ʼ", "")
    low = re.sub(r"([сцз])ьк", r"\1к", low)  # -ський, -цький → -ский, -цкий
    slots = [_VARIANTS.get(ch, (ch,)) for ch in low]
    if sum(len(s) > 1 for s in slots) > 6:
        return None
    known = nlp.morph("ru").word_is_known  # a dictionary lookup, far cheaper than a parse
    for n, letters in enumerate(product(*slots)):
        if n >= _MAX_CANDIDATES:
            break
        candidate = "".join(letters)
        if not known(candidate):
            continue
        for p in nlp.parse(candidate, "ru"):
            if not nlp.from_dictionary(p) or p.word != candidate:
                continue
            grammemes = p.tag.grammemes
            if grammemes & wanted and "nomn" in grammemes:
                return candidate
    return None


_LATIN_MULTI = (
    ("shch", "щ"), ("tsch", "ч"), ("sch", "ш"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"),
    ("tz", "ц"), ("ch", "ч"), ("sh", "ш"), ("ya", "я"), ("yu", "ю"), ("yo", "ё"), ("ye", "е"),
    ("ia", "ия"), ("yy", "ий"), ("ph", "ф"), ("ck", "к"), ("oo", "у"), ("ee", "и"),
)  # fmt: skip
_LATIN_ONE = str.maketrans(
    {
        "a": "а", "b": "б", "c": "ц", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и",
        "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р",
        "s": "с", "t": "т", "u": "у", "v": "в", "w": "в", "x": "кс", "y": "ы", "z": "з",
    }
)  # fmt: skip
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def latin_to_cyrillic(text: str) -> str:
    """Lower-case Cyrillic spelling of Latin words (the romanisations of the region's names):
    «Tokayev» → «токаев», «Almaty» → «алматы», «Zhanaozen» → «жанаозен»; other text unchanged."""

    def one(m: re.Match[str]) -> str:
        word = m.group().lower()
        for latin, cyr in _LATIN_MULTI:
            word = word.replace(latin, cyr)
        word = re.sub(r"(?<=[aeiouаеиоуыяюё])y(?=[^aeiouаеиоуыяюё]|$)", "й", word)
        return word.translate(_LATIN_ONE)

    return _LATIN_WORD.sub(one, text)


@lru_cache(maxsize=1)
def uk_ru_lexicon() -> dict[str, str]:
    """Ukrainian → Russian base forms of news words (`tui/lang/uk/ru_lexicon.txt`, lower case)."""
    from tui.lang import data

    table: dict[str, str] = {}
    for line in data("uk", "ru_lexicon.txt"):
        uk, _, ru = line.partition(" ")
        if uk and ru:
            table.setdefault(uk.lower(), ru.strip().lower())
    return table


@lru_cache(maxsize=20_000)
def russian_word(word: str) -> str:
    """The Russian counterpart of a Ukrainian word the lexicon knows («Державна» → «государственный»),
    else the word itself; for the initials of organisation names."""
    if not word[:1].isalpha() or word.isupper():
        return word
    from tui.facts import nlp

    low = word.lower()
    for p in nlp.parse(low, "uk")[:2]:
        mapped = uk_ru_lexicon().get(p.normal_form)
        if mapped:
            return mapped
    return word
