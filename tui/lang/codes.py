"""Language codes: the languages with a profile, and how Sverka writes a code."""

from __future__ import annotations

CODES = ("ru", "uk", "be", "kk", "en")
"""The languages with a profile, in the order Sverka weighs them."""
_ALIASES = {"ua": "uk", "ukr": "uk", "rus": "ru", "bel": "be", "by": "be", "kaz": "kk", "eng": "en"}


def normalize(code: str | None) -> str | None:
    """A language code as Sverka writes it: "ru-RU" → "ru", "ua"/"ukr" → "uk"; None for "", None,
    "unknown" or anything that is not a two-letter (or known three-letter) code."""
    if not code:
        return None
    low = code.strip().lower().replace("_", "-").split("-")[0]
    low = _ALIASES.get(low, low)
    if len(low) == 2 and low.isascii() and low.isalpha():
        return low
    return None
