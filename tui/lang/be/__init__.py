"""Belarusian: ў, and і where Russian has и; no dictionary of its own (Russian's guesser reads it)."""

from tui.lang.profile import Language

PROFILE = Language(
    code="be",
    name="Belarusian",
    script="Cyrl",
    alphabet="абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    evidence="ў",
    fold_map={"ў": "в", "і": "и", "'": "", "’": "", "ʼ": ""},
    morph_dictionary=None,
)
