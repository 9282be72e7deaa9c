"""Ukrainian: і ї є ґ and the apostrophe; no ы э ъ ё."""

from tui.lang.profile import Language

PROFILE = Language(
    code="uk",
    name="Ukrainian",
    script="Cyrl",
    alphabet="абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    evidence="іїєґ",
    fold_map={"і": "и", "ї": "и", "є": "е", "ґ": "г", "'": "", "’": "", "ʼ": ""},
    morph_dictionary="uk",
)
