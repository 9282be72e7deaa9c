"""English, as a profile: months, number words and stop words for pages and quotes in English."""

from tui.lang.profile import Language

PROFILE = Language(
    code="en",
    name="English",
    script="Latn",
    alphabet="abcdefghijklmnopqrstuvwxyz",
    evidence="",
    fold_map={},
    morph_dictionary=None,
)
