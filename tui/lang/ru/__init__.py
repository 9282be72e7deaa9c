"""Russian: the reference spelling the other Cyrillic languages are folded to."""

from tui.lang.profile import Language

PROFILE = Language(
    code="ru",
    name="Russian",
    script="Cyrl",
    alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    evidence="ыэъё",
    fold_map={},
    morph_dictionary="ru",
)
