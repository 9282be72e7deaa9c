"""A language profile: what Sverka knows about one language, read from its package's data files.

Every profile is a `Language`; its word lists load on first use from `tui/lang/<code>/`:

- `months.toml` — `[[month]]` rows in calendar order: `genitive` (after a day: «10 января»),
  `nominative` («январь»), `forms` (the other forms: «в январе»), `abbrev` («янв»);
- `numbers.toml` — `[units]` number words → value («пять» = 5), `[scales]` («тысяча» = 1000);
- `speech_verbs.txt` — verbs that introduce reported speech, as lemmas («заявить»);
- `place_nouns.txt` — nouns that make the name before them a place («район», «область»);
- `stop_words.txt` — function words, as base forms (and some frequent forms);
- `boilerplate.txt` — news words that carry no content when comparing two reports («сообщить»).

A missing list is empty: a language is usable with only its letters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from tui.lang import datafiles as _data
from tui.lang import morph as _morph

MONTH_KINDS = ("genitive", "nominative", "forms", "abbrev")
"""The kinds of month words in `months.toml`."""


@dataclass(eq=False)
class Language:
    """One language: letters, word lists, folding, morphology, sentences."""

    code: str
    name: str
    script: str
    """"Cyrl" or "Latn"."""
    alphabet: str
    """The lower-case letters of the language."""
    evidence: str = ""
    """Letters that tell this language from its neighbours in the same script (і ї є ґ for uk)."""
    fold_map: dict[str, str] = field(default_factory=dict)
    """Letters spelt differently from Russian, mapped to the Russian letter (і → и in uk):
    `fold` applies it so the two languages' forms of a name meet."""
    morph_dictionary: str | None = None
    """The pymorphy3 dictionary made for it ("ru", "uk"), None when there is none."""

    def data(self, name: str, default: Any = None) -> Any:
        """A data file of this language (see `tui.lang.data`); `default` when it is missing."""
        return _data.data(self.code, name, default)

    def words(self, name: str) -> frozenset[str]:
        """A `.txt` word list of this language (empty when missing)."""
        return _data.words(self.code, name)

    @cached_property
    def _fold_table(self) -> dict[int, str]:
        table = {"ё": "е"} | self.fold_map
        return str.maketrans(table)

    def fold(self, text: str) -> str:
        """Lower case, «ё» as «е», and this language's own letters as the Russian ones."""
        return text.lower().translate(self._fold_table)

    @cached_property
    def months(self) -> dict[str, int]:
        """Every month word (every form, abbreviations too) → month number."""
        return self.month_words(*MONTH_KINDS)

    @cached_property
    def months_genitive(self) -> dict[str, int]:
        """Month names as they follow a day number («10 января», «10 қаңтар») → month number."""
        return self._months("genitive")

    @cached_property
    def month_abbreviations(self) -> dict[str, int]:
        """Short month names («янв», «sept») → month number."""
        return self._months("abbrev")

    def month_words(self, *kinds: str) -> dict[str, int]:
        """Month words of the given kinds (of `MONTH_KINDS`) → month number."""
        out: dict[str, int] = {}
        for kind in kinds:
            out.update(self._months(kind))
        return out

    def _months(self, kind: str) -> dict[str, int]:
        rows = self.data("months.toml", {}).get("month", [])
        return {w: n for n, row in enumerate(rows, start=1) for w in row.get(kind, [])}

    @cached_property
    def number_words(self) -> dict[str, float]:
        """Number words → value («пять» 5, «полтора» 1.5), scales included («тысяча» 1000)."""
        table = self.data("numbers.toml", {})
        return {**table.get("units", {}), **table.get("scales", {})}

    @cached_property
    def speech_verbs(self) -> frozenset[str]:
        """Lemmas of verbs that introduce reported speech («заявить», «заявити»)."""
        return self.words("speech_verbs.txt")

    @cached_property
    def place_nouns(self) -> frozenset[str]:
        """Lemmas of nouns that make the name before them a place («район», «вулиця»)."""
        return self.words("place_nouns.txt")

    @cached_property
    def stop_words(self) -> frozenset[str]:
        """Function words (base forms and frequent forms)."""
        return self.words("stop_words.txt")

    @cached_property
    def boilerplate(self) -> frozenset[str]:
        """News words without content for comparing reports («сообщить», «фото»)."""
        return self.words("boilerplate.txt")

    def analyzer(self) -> Any:
        """The shared pymorphy3 analyser that reads this language (Russian for one without its own)."""
        return _morph.analyzer(self.morph_dictionary or "ru")

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """Sentence spans of `text` (see `tui.lang.sentences.split`)."""
        from tui.lang.sentences import split

        return split(text)

    def __repr__(self) -> str:
        return f"<Language {self.code}>"
