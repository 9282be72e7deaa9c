"""Repair sentences glued together by scrapers: «человекПрезидент», «ситуация.10 января»."""

from __future__ import annotations

import re

from tui.clean.lines import has_odd_space

_LOWER = "а-яёіїєґ"
_UPPER = "А-ЯЁІЇЄҐ"

# A word that starts in lower case and turns into a capitalised word: two words whose boundary
# (a full stop and a space) was lost. Brand names in camel case start with a capital (ПриватБанк,
# МегаФон) and are left alone.
_CAMEL_GLUE = re.compile(
    rf"(?<![{_LOWER}{_UPPER}\w])([{_LOWER}][{_LOWER}'’-]{{2,}})([{_UPPER}][{_LOWER}]{{2,}})\b"
)

# Sentence punctuation followed directly by a capital, a digit or an opening quote.
_MISSING_SPACE = re.compile(rf"(?<=[{_LOWER}a-z]{{2}}[.!?…])(?=[{_UPPER}\d«„])")
# A closing quote or bracket followed directly by a capitalised word.
_QUOTE_GLUE = re.compile(rf"(?<=[»”)])(?=[{_UPPER}][{_LOWER}])")

# Cheap gates (each starts with a character class, which the regex engine scans for quickly):
# a capital right after a lower-case letter; a capital, digit or quote right after punctuation.
_CAMEL_GATE = re.compile(rf"[{_UPPER}](?<=[{_LOWER}].)")
_PUNCT_GATE = re.compile(rf"[.!?…»”)][{_UPPER}\d«„]")
# Both gates in one scan: a capital, digit or quote right after a lower-case letter or punctuation.
_ANY_GATE = re.compile(rf"[{_UPPER}\d«„](?<=[{_LOWER}.!?…»”)].)")


def repair_glue(text: str) -> str:
    """Return `text` with lost sentence boundaries restored and runs of spaces collapsed."""
    if has_odd_space(text):
        text = " ".join(text.split())
    if not _ANY_GATE.search(text):
        return text.strip()
    camel = _CAMEL_GATE.search(text)
    if not camel and not _PUNCT_GATE.search(text):
        return text.strip()
    if camel and _CAMEL_GLUE.search(text):
        text = _CAMEL_GLUE.sub(r"\1. \2", text)
    if _MISSING_SPACE.search(text):
        text = _MISSING_SPACE.sub(" ", text)
    if _QUOTE_GLUE.search(text):
        text = _QUOTE_GLUE.sub(" ", text)
    return text.strip()
