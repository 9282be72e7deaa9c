"""Folding: how Russian and Ukrainian spellings of one word are made to meet, for each use.

The letters the two languages (and Belarusian) write differently are listed once here; each use
folds a little differently, and each has its function:

- `for_search` — search terms (`tui.index.text`): ё/є → е, і/ї → и, ґ → г, apostrophes,
  stress marks and soft hyphens dropped, «ьк» → «к». It must stay the same at index and query
  time (an index built with another fold would have to be rebuilt), so э and ы are kept.
- `for_compare` — words of two reports compared (`tui.compare.text`): also э → е, ы → и, soft
  and hard signs dropped, doubled letters single (террор/терор).
- `for_counting` — what a figure counts and what happened (`tui.facts.quantities`): the
  letters as for compare but the soft sign kept, and the Ukrainian infinitive -ти read as -ть.
- `KEY_TABLE` — the letter step of entity keys (`tui.facts.keys.fold`, which adds its own name
  rules): also й → и, ґ → х (Hunt is «Хант» and «Гант»), quotes dropped.
"""

from __future__ import annotations

import re

UK_LETTERS = {"і": "и", "ї": "и", "є": "е", "ґ": "г"}
"""Ukrainian letters → the Russian letter in the same place of a cognate («Київ» ~ «Киев»)."""
RU_LETTERS = {"ё": "е", "э": "е", "ы": "и"}
"""Russian letters Ukrainian writes otherwise («ёлка», «этап» ~ «етап», «мы» ~ «ми»)."""
APOSTROPHES = "'’ʼ"
"""The apostrophes of Ukrainian (and Belarusian) spelling: «п'ять», «об’єкт»."""
SIGNS = "ьъ"


def _table(letters: dict[str, str], drop: str) -> dict[int, int | None]:
    table: dict[str, str | None] = {**letters, **dict.fromkeys(drop)}
    return str.maketrans(table)  # type: ignore[arg-type]  # (typeshed: values are str or None)


_SEARCH = _table({"ё": "е", **UK_LETTERS}, APOSTROPHES + "`\u0301\u00ad")
_COMPARE = _table({**RU_LETTERS, **UK_LETTERS}, SIGNS + APOSTROPHES)
_COUNTING = _table({**RU_LETTERS, **UK_LETTERS}, APOSTROPHES + "ъ")
KEY_TABLE = _table({**RU_LETTERS, **UK_LETTERS, "й": "и", "ґ": "х"}, SIGNS + APOSTROPHES + '`«»"“”')
"""The letter step of entity keys (`tui.facts.keys.fold`)."""

_DOUBLE = re.compile(r"([^\W\d])\1")
# uk -ити/-ати/-ути… ↔ ru -ить/-ать/-уть…; consonant + «ти» (нести, йти) is the same in both
_INFINITIVE = re.compile(r"(?<=[аеиоуяіїє])ти(ся|сь)?$")


def for_search(text: str) -> str:
    """Lower-case `text` and fold the letters search treats as one (see the module docstring)."""
    return text.lower().translate(_SEARCH).replace("ьк", "к")


def for_compare(word: str) -> str:
    """Lower-case, fold ru/uk letter differences away and undouble letters (террор/терор)."""
    return _DOUBLE.sub(r"\1", word.lower().translate(_COMPARE))


def for_counting(word: str) -> str:
    """Letter folding shared by ru and uk: «боєприпас» and «боеприпас» → «боеприпас»; -ти → -ть."""
    w = word.lower().replace("ё", "е")
    w = _INFINITIVE.sub(lambda m: "ть" + ("ся" if m[1] else ""), w)
    return w.translate(_COUNTING)
