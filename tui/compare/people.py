"""Which counted nouns count people: «человек», «осіб», «учасників», «силовиков».

A count of people is one kind of figure whatever noun counts them, so «задержали 7939 человек» and
«затримано 1 925 учасників» are compared. The nouns every report uses are the profiles' lists
(`tui/lang/<code>/person_nouns.txt`); any other animate noun the dictionary knows counts too.
"""

from __future__ import annotations

from functools import lru_cache

from tui.compare.text import fold
from tui.lang import get as language


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    return frozenset(
        fold(w) for code in ("ru", "uk") for w in language(code).words("person_nouns.txt")
    )


@lru_cache(maxsize=4096)
def is_person_noun(word: str | None) -> bool:
    """True for nouns that count people («человек», «осіб», «учасників», «силовиков»)."""
    if not word:
        return False
    head = word.split()[0]
    if fold(head) in _person_words():
        return True
    from tui.lang import ru_or_uk
    from tui.lang.morph import analyzer

    parse = analyzer(ru_or_uk(head)).parse(head.lower())[0]
    return parse.tag.POS == "NOUN" and "anim" in str(parse.tag) and "Name" not in str(parse.tag)
