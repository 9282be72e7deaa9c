"""Kazakh (Cyrillic): ә ғ қ ң ө ұ ү һ і beside the Russian letters; no dictionary of its own."""

from tui.lang.profile import Language

PROFILE = Language(
    code="kk",
    name="Kazakh",
    script="Cyrl",
    alphabet="аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    evidence="әғқңөұүһ",
    fold_map={},
    morph_dictionary=None,
)
