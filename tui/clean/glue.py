"""Repair sentences glued together by scrapers: «человекПрезидент», «ситуация.10 января»."""

from __future__ import annotations

import re

from tui.clean.lines import DIGIT_SUPERSET, has_odd_space

_LOWER = "а-яёіїєґ"
_UPPER = "А-ЯЁІЇЄҐ"

# A word that starts in lower case and turns into a capitalised word: two words whose boundary
# (a full stop and a space) was lost. Brand names in camel case start with a capital (ПриватБанк,
# МегаФон) and are left alone.
_CAMEL_GLUE = re.compile(
    rf"(?<![{_LOWER}{_UPPER}\w])([{_LOWER}][{_LOWER}'’-]{{2,}})([{_UPPER}][{_LOWER}]{{2,}})\b"
)

# Sentence punctuation followed directly by a capital, a digit or an opening quote: a space goes
# after the mark. Both patterns start with the mark they put the space after (the regex engine
# scans quickly for a leading character class; a leading lookbehind is tried at every position)
# and are replaced by it and a space (`_SPACE_AFTER`): the same places as a space inserted
# between the lookarounds `(?<=[a-я]{2}[.!?…])(?=[А-Я\d«„])` and `(?<=[»”)])(?=[А-Я][а-я])`.
_MISSING_SPACE = re.compile(rf"[.!?…](?<=[{_LOWER}a-z]{{2}}.)(?=[{_UPPER}\d«„])")
# A closing quote or bracket followed directly by a capitalised word.
_QUOTE_GLUE = re.compile(rf"[»”)](?=[{_UPPER}][{_LOWER}])")
_SPACE_AFTER = r"\g<0> "

# A cheap gate (it starts with a character class, which the regex engine scans for quickly):
# a capital right after a lower-case letter.
_CAMEL_GATE = re.compile(rf"[{_UPPER}](?<=[{_LOWER}].)")
# Both gates in one scan: a capital, digit or quote right after a lower-case letter or punctuation.
# The digits are scanned for as DIGIT_SUPERSET (see lines.py), not `\d`: twice as fast, and a
# wider gate only sends a few more lines to the exact regexes below.
_GATE_START = rf"{_UPPER}«„{DIGIT_SUPERSET}"
_ANY_GATE = re.compile(rf"[{_GATE_START}](?<=[{_LOWER}.!?…»”)].)")


def repair_glue(text: str, *, plain: bool = False) -> str:
    """Return `text` with lost sentence boundaries restored and runs of spaces collapsed.

    `plain=True` says the caller knows `text` has single spaces only (a line the line splitter
    found printable with no double space): the odd-space test is skipped."""
    if not plain and has_odd_space(text):
        text = " ".join(text.split())
    if not _ANY_GATE.search(text):
        return text.strip()
    if _CAMEL_GATE.search(text):
        text = _CAMEL_GLUE.sub(r"\1. \2", text)
    text = _MISSING_SPACE.sub(_SPACE_AFTER, text)
    return _QUOTE_GLUE.sub(_SPACE_AFTER, text).strip()
