"""Language detection: letters first, langdetect (seeded) for the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.lang import detect as detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Влада Казахстану проводить масові зачистки: за добу затримано майже дві тисячі осіб.",
            "uk",
        ),
        (
            "Місцева генпрокуратура запустила сайт, на якому користувачі можуть викладати матеріали.",
            "uk",
        ),
        (
            "Власти Казахстана проводят массовые зачистки: за сутки задержаны почти две тысячи человек.",
            "ru",
        ),
        ("Улады Беларусі заявілі, што сітуацыя ў краіне стабільная і пад кантролем.", "be"),
        (
            "Қазақстан Республикасының Президенті халыққа үндеу жасады және төтенше жағдай енгізді.",
            "kk",
        ),
        ("The president of Kazakhstan declared a state of emergency in Almaty on Wednesday.", "en"),
        ("", "unknown"),
        ("12345 — 678", "unknown"),
    ],
)
def test_language_is_recognised(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_short_ukrainian_text_is_never_russian_or_bulgarian() -> None:
    for text in ("Він сказав, що їх немає.", "Це є правда", "Київ і Харків"):
        assert detect_language(text) == "uk"


def test_detection_is_deterministic() -> None:
    text = "Ceci est un court texte en français pour vérifier la stabilité de la détection."
    assert len({detect_language(text) for _ in range(5)}) == 1


def test_scripts_other_than_cyrillic_and_latin_still_reach_langdetect() -> None:
    greek = "Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την οικονομία και τις τιμές ενέργειας."
    assert detect_language(greek) == "el"
    assert detect_language("… — 12:30 · 2022 ¶") == "unknown"


def test_mostly_latin_page_with_a_cyrillic_quote_is_not_taken_for_russian() -> None:
    text = (
        "The president of Kazakhstan addressed the nation on Wednesday evening and said that "
        "order would be restored soon. Local media quoted him: «Порядок будет восстановлен»."
    )
    assert detect_language(text) == "en"


def test_a_long_page_is_judged_by_its_head_only_when_the_head_is_clear_cut(monkeypatch) -> None:
    import tui.lang.identify as language

    seeds = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
    for path in seeds:
        text = path.read_text("utf-8")
        quick = detect_language(text)
        monkeypatch.setattr(language, "_QUICK", 0)  # no head verdict: the full sample decides
        assert detect_language(text) == quick, path.name
        monkeypatch.undo()
    # a head of mixed letters is not enough: the rest of the page decides
    mixed = "Київ і Москва: ёлка, съезд. " * 40 + "Влада України заявила, що ціни зростуть. " * 80
    assert detect_language(mixed) == "uk"


@pytest.mark.parametrize("text", ["x", "Hello world", "Токаев заявил", "2022 — 15:40 · ok"])
def test_too_few_letters_without_a_telling_one_is_unknown_not_a_guess(text: str) -> None:
    assert detect_language(text) == "unknown"


def test_a_short_text_with_a_telling_letter_still_gets_its_language() -> None:
    assert detect_language("Мы выехали") == "ru"
    assert detect_language("Їх затримали") == "uk"
