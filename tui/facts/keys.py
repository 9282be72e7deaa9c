"""Canonical keys: one string per real-world entity, the same in Russian and Ukrainian text.

A key is built from an entity's base form, never from its surface, and carries no type (the
Russian and Ukrainian gold annotations disagree on whether the EU is a place or an organisation;
the key «ес» links both). The steps:

- `fold` spells Russian and Ukrainian alike: lowercase, ё/є/э → е, і/ї/ы → и, ґ → г, soft and hard
  signs and apostrophes dropped, doubled letters single («Алматы»/«Алмати» → «алмати»,
  «Токаєв» → «токаев», «Хмельницький» → «хмельницкии»).
- people are keyed by surname (`person_key`); a first name alone or initials link to the full name
  in the same article (done in `entities.link_people`).
- organisations are keyed by their acronym: an acronym as it is, an expansion by the initials of its
  content words, ignoring a place at the end («Организация Договора о коллективной безопасности» →
  «одкб», «Міністерство закордонних справ України» → «мзс»).
- `ALIASES` is a short table for the well-known pairs whose spellings differ across the languages
  (МЗС ↔ МИД, Київ ↔ Киев, Евросоюз ↔ ЕС); the general mechanism does the rest.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.facts.names import latin_to_cyrillic, place_table, russian_spelling, russian_word
from tui.lang.fold import KEY_TABLE

_FOLD = KEY_TABLE  # the letter step (tui.lang.fold)
_DOUBLE = re.compile(r"(\w)\1+")
_SPACES = re.compile(r"[\s\u00a0]+")

# Words that do not give a letter to an acronym.
FUNCTION_WORDS = frozenset(
    [
        "и",
        "й",
        "і",
        "та",
        "а",
        "в",
        "во",
        "у",
        "на",
        "о",
        "об",
        "обо",
        "по",
        "при",
        "про",
        "для",
        "за",
        "с",
        "со",
        "з",
        "із",
        "зі",
        "до",
        "от",
        "від",
        "к",
        "ко",
        "of",
        "the",
        "and",
        "for",
        "de",
    ]
)

# Cross-language and short-form pairs the general rules cannot see, in plain spelling (folded at
# import): left side → the shared key.
_ALIAS_SOURCE: dict[str, str] = {
    "МЗС": "МИД",
    "ОДА": "ОГА",
    "РДА": "РГА",
    "КДБ": "КГБ",
    "ДСНС": "ГСЧС",
    "МНС": "МЧС",
    "МОЗ": "Минздрав",
    "Міністерство охорони здоров'я": "Минздрав",
    "Министерство здравоохранения": "Минздрав",
    "Мінздоров'я": "Минздрав",
    "МАГАТЕ": "МАГАТЭ",
    "Держприкордонслужба": "Госпогранслужба",
    "ДПСУ": "Госпогранслужба",
    "ГПСУ": "Госпогранслужба",
    "Укргідрометцентр": "Укргидрометцентр",
    "Нацполіція": "Нацполиция",
    "Національна поліція": "Нацполиция",
    "Национальная полиция": "Нацполиция",
    "МВС": "МВД",
    "РНБО": "СНБО",
    "Київ": "Киев",
    "Харків": "Харьков",
    "Євросоюз": "ЕС",
    "Европейский союз": "ЕС",
    "Єврокомісія": "ЕК",
    "Еврокомиссия": "ЕК",
    "РФ": "Россия",
    "Российская Федерация": "Россия",
    "Російська Федерація": "Россия",
    "Росія": "Россия",
    "Соединённые Штаты Америки": "США",
    "Сполучені Штати Америки": "США",
    "Соединённые Штаты": "США",
    "Великая Британия": "Великобритания",
    "Велика Британія": "Великобритания",
    "Соединённое Королевство": "Великобритания",
    "Сполучене Королівство": "Великобритания",
    "Білорусь": "Беларусь",
    "Белоруссия": "Беларусь",
}


# Word stems that differ between the languages in place names (after letter folding).
_STEMS = (
    ("пивнична", "северна"), ("пивничн", "северн"), ("пивденн", "южн"), ("захидн", "западн"),
    ("схидн", "восточн"),
)  # fmt: skip
_ADJ_END = re.compile(r"(?<=\w{3})(ая|ое|ые|яя|ие)\b")
_ADJ_UK = {"ая": "а", "ое": "е", "ые": "и", "яя": "я", "ие": "и"}
_ADJ_OI = re.compile(r"(?<=\w{3})ои\b")
_GLIDE = re.compile(r"(?<=[аеоуяю])и(?=[еаоуяю])")


def fold(text: str) -> str:
    """Spell Russian and Ukrainian alike (see the module docstring); lowercase, single spaces.

    Besides letters: г/ґ/х are one letter (Hunt is «Хант» in Russian and «Гант» in Ukrainian),
    feminine and neuter adjective endings are cut to the Ukrainian ones («Северная» ~ «Північна»),
    and the few stems that differ in place names are mapped (північн- → северн-).
    """
    folded = latin_to_cyrillic(text.lower()).translate(_FOLD)
    folded = folded.replace("г", "х")
    folded = folded.replace("-", " ").replace(".", " ")
    folded = _ADJ_END.sub(lambda m: _ADJ_UK[m.group(1)], folded)
    folded = _ADJ_OI.sub("и", folded)  # «Кривой» ~ «Кривий»
    folded = _GLIDE.sub("", folded)  # «Ляйен» ~ «Ляєн», «Tokayev» ~ «Токаев»
    for uk, ru in _STEMS:
        folded = re.sub(rf"\b{uk}", ru, folded)
    folded = _DOUBLE.sub(r"\1", folded)
    return _SPACES.sub(" ", folded).strip()


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Folded spelling → shared key: the pairs above, then every country and gazetteer place
    (`names.place_table`: «Німеччина», «Germany» → «Германия»)."""
    table = {fold(k): fold(v) for k, v in place_table().items()}
    table.update({fold(k): fold(v) for k, v in _ALIAS_SOURCE.items()})
    return table


def alias(key: str) -> str:
    """The shared key for a folded key that the alias table knows, else the key itself."""
    return aliases().get(key, key)


def is_acronym(word: str) -> bool:
    """«ОДКБ», «МВД», «ЄС», «NATO»: two to seven letters, mostly capitals."""
    letters = [ch for ch in word if ch.isalpha()]
    if not 2 <= len(letters) <= 7 or len(letters) != len(word.replace("-", "")):
        return False
    upper = sum(ch.isupper() for ch in letters)
    return upper >= 2 and upper >= len(letters) - 1 and word[:1].isupper()


def initials(words: list[str]) -> str:
    """The acronym a multi-word name would have: first letters of its content words, folded."""
    letters = [w[0] for w in words if w and w.lower() not in FUNCTION_WORDS and w[0].isalpha()]
    return fold("".join(letters))


def org_key(normal: str, drop_tail: int = 0) -> str:
    """Key of an organisation from its base form; `drop_tail` words at the end are a place to ignore."""
    words = normal.split()
    if drop_tail and len(words) - drop_tail >= 1:
        words = words[: len(words) - drop_tail]
    if len(words) == 1 or (len(words) >= 1 and is_acronym(words[0])):
        return alias(fold(words[0]) if is_acronym(words[0]) else fold(" ".join(words)))
    whole = fold(" ".join(words))
    if whole in aliases():
        return aliases()[whole]
    if len(words) == 2 and words[1] in _ADMINISTRATIONS:
        # «Харківська ОВА» ~ «Харьковская ОВА»: the region's key and the administration
        region = alias(fold(f"{words[0]} область"))
        return f"{region} {alias(fold(words[1]))}"
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    if len(content) >= 2 and all(w.isalpha() for w in content):
        # A council heading the name is «Рада» in Ukrainian and «Совет» in Russian («Рада
        # колективної безпеки» ~ «Совет коллективной безопасности»); «Верховна Рада» is not headed by it.
        head = _HEAD_NOUNS.get(fold(words[0]))
        # Other Ukrainian words give the letter of their Russian counterpart («Державна
        # прикордонна служба» ~ «Государственная пограничная служба»).
        bridged = [russian_word(w) for w in words[1:]]
        return alias(initials([head or russian_word(words[0]), *bridged]))
    return alias(fold(" ".join(words)))


def person_key(normal: str) -> str:
    """Key of a person: the folded surname (the last word that is not an initial)."""
    words = [w for w in re.split(r"[\s.]+", normal) if len(w) > 1]
    if not words:
        return fold(normal)
    surname = words[-1]
    return alias(fold(russian_spelling(surname, "PER") or surname))


_HEAD_NOUNS = {"рада": "совет"}
_ADMINISTRATIONS = frozenset({"ОВА", "ОДА", "РДА", "ВЦА", "МВА", "РВА", "ОГА", "РГА", "ВГА"})
"""Acronyms of regional administrations, named after their region («Одеська ОВА»)."""
"""Organisation nouns that differ between the languages, as the first word of a name (folded)."""

# Words in front of a place name that do not change the place («Республика Казахстан»).
_PLACE_PREFIXES = frozenset(
    fold(w) for w in ("республика", "город", "місто", "город-герой", "штат")
)


def place_key(normal: str) -> str:
    """Key of a place: its folded base form (through the alias table), without «Республика»."""
    key = fold(normal)
    first, _, rest = key.partition(" ")
    if rest and first in _PLACE_PREFIXES:
        key = rest
    if key not in aliases() and " " not in normal.strip():
        respelled = russian_spelling(normal.strip(), "LOC")  # «Бориспіль» → «борисполь»
        if respelled:
            key = fold(respelled)
    return alias(key)
