"""The language layer: one detector, one profile per language, data files through one loader."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tui import lang
from tui.lang import datafiles, identify, morph

LANG_DIR = Path(lang.__file__).resolve().parent


@pytest.mark.parametrize("code", lang.CODES)
def test_every_language_has_a_profile_with_months_numbers_and_stop_words(code: str) -> None:
    profile = lang.get(code)
    assert profile.code == code
    assert len(set(profile.months_genitive.values())) == 12
    assert set(profile.months.values()) == set(range(1, 13))
    assert profile.number_words, code
    assert profile.stop_words, code
    assert profile.place_nouns, code
    assert profile.speech_verbs, code
    assert all(w == w.strip() and w for w in profile.stop_words)


def test_profiles_know_their_month_names_and_numbers() -> None:
    assert lang.get("ru").months["января"] == 1
    assert lang.get("ru").months["декабре"] == 12
    assert lang.get("uk").months["листопада"] == 11
    assert lang.get("uk").months["листопад"] == 11
    assert lang.get("be").months_genitive["жніўня"] == 8
    assert lang.get("kk").months_genitive["желтоқсан"] == 12
    assert lang.get("en").month_abbreviations["sept"] == 9
    assert lang.get("ru").number_words["тысяча"] == 1000
    assert lang.get("uk").number_words["п'ять"] == 5
    assert lang.get("kk").number_words["жүз"] == 100


def test_codes_are_normalised_and_an_unknown_language_has_no_profile() -> None:
    assert lang.get("ua").code == "uk"
    assert lang.get("ru-RU").code == "ru"
    assert lang.get("UK").code == "uk"
    assert lang.normalize("unknown") is None
    assert lang.normalize("") is None
    assert lang.normalize(None) is None
    assert lang.normalize("de") == "de"
    assert not lang.known("de")
    with pytest.raises(KeyError):
        lang.get("de")
    with pytest.raises(KeyError):
        lang.get(None)


def test_the_detector_is_weighed_by_the_letters_the_profiles_name() -> None:
    assert set(identify.UK) == set(lang.get("uk").evidence)
    assert set(identify.RU) == set(lang.get("ru").evidence)
    assert set(identify.KK) == set(lang.get("kk").evidence)
    assert set(identify.BE) == set(lang.get("be").evidence)
    for code in ("ru", "uk", "be", "kk"):
        profile = lang.get(code)
        assert set(profile.evidence) <= set(profile.alphabet), code


def test_fold_makes_ukrainian_and_belarusian_spellings_meet_russian_ones() -> None:
    assert lang.get("uk").fold("Україна") == lang.get("ru").fold("Украина")
    assert lang.get("uk").fold("Європа") == lang.get("ru").fold("Европа")
    assert lang.get("uk").fold("об'єкт") == lang.get("ru").fold("обект")
    assert lang.get("ru").fold("Ёлка") == "елка"
    assert lang.get("be").fold("Беларусь") == "беларусь"


def test_ru_or_uk_decides_short_snippets_by_their_telling_letters() -> None:
    assert lang.ru_or_uk("Токаєв") == "uk"
    assert lang.ru_or_uk("Токаев") == "ru"
    assert lang.ru_or_uk("съезд") == "ru"
    assert lang.ru_or_uk("") == "ru"


def test_the_text_list_loader_skips_comments_and_blank_lines_and_keeps_inner_spaces() -> None:
    text = "# a comment\n\nзаявить\n  как минимум  # a phrase\n#\nсказать\n"
    assert datafiles.parse_list(text) == ("заявить", "как минимум", "сказать")


def test_data_reads_toml_and_txt_and_a_missing_file_is_an_error_unless_defaulted() -> None:
    months = lang.data("ru", "months.toml")
    assert months["month"][0]["genitive"] == ["января"]
    assert "заявить" in lang.words("ru", "speech_verbs.txt")
    with pytest.raises(FileNotFoundError):
        lang.data("ru", "no-such-list.toml")
    assert lang.data("ru", "no-such-list.toml", default={}) == {}
    assert lang.words("kk", "no-such-list.txt") == frozenset()


@pytest.mark.parametrize("name", ["../pyproject.toml", "/etc/passwd", ".hidden.txt"])
def test_data_refuses_paths_outside_the_language_package(name: str) -> None:
    with pytest.raises(ValueError):
        lang.data("ru", name)


def test_every_data_file_parses() -> None:
    files = [p for p in LANG_DIR.glob("*/*") if p.suffix in (".txt", ".toml")]
    assert len(files) >= 20
    for file in files:
        content = lang.data(file.parent.name, file.name)
        assert content, file


def test_one_analyzer_per_dictionary_is_shared() -> None:
    assert morph.analyzer("uk") is morph.analyzer("ua")
    assert morph.analyzer("ru") is morph.analyzer("kk") is morph.analyzer(None)
    assert morph.analyzer("uk") is not morph.analyzer("ru")
    assert lang.get("uk").analyzer() is morph.analyzer("uk")
    assert lang.get("be").analyzer() is morph.analyzer("ru")
    assert morph.analyzer("uk").parse("осіб")[0].normal_form == "особа"


def test_sentences_split_lines_first_then_razdel_inside_each() -> None:
    text = "Заголовок без точки\n\nПервое предложение. Второе, т. е. то же самое. Третье!"
    spans = lang.get("ru").sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Заголовок без точки",
        "Первое предложение.",
        "Второе, т. е. то же самое.",
        "Третье!",
    ]


def test_the_language_layer_imports_nothing_else_of_sverka() -> None:
    for file in LANG_DIR.rglob("*.py"):
        tree = ast.parse(file.read_text("utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith("tui.") or name.startswith("tui.lang"), (file, name)


def test_each_fold_makes_the_two_spellings_of_a_word_meet() -> None:
    from tui.lang import fold

    assert fold.for_search("Україна") == fold.for_search("Украина")
    assert fold.for_search("об'єкт") == fold.for_search("об’єкт") == fold.for_search("обєкт")
    assert fold.for_search("Донецьк") == fold.for_search("Донецк")
    assert fold.for_compare("терор") == fold.for_compare("террор")
    assert fold.for_compare("Токаєву") == fold.for_compare("Токаеву")
    assert fold.for_counting("затримати") == fold.for_counting("затримать")
    assert fold.for_counting("боєприпас") == fold.for_counting("боеприпас")
    assert "Хант".lower().translate(fold.KEY_TABLE) != "Гант".lower().translate(fold.KEY_TABLE)
    assert "ґ".translate(fold.KEY_TABLE) == "х"


def test_the_folds_agree_with_the_ukrainian_profile_letters() -> None:
    from tui.lang import fold

    uk = lang.get("uk")
    for letter, ru in fold.UK_LETTERS.items():
        assert uk.fold(letter) == ru
        assert letter in uk.alphabet
