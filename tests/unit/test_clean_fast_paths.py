"""The cleaner's fast paths give exactly what the plain versions give: word counts without
splitting, sentence-end flags without regexes, per-line `needs` gating and the per-process cache of
rule matches, the repeated-line check that casefolds only lines of equal word count, and lazy
morphology."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.clean import clean_text, default_rules, rules_from_config
from tui.clean.dates import split_title_date
from tui.clean.glue import repair_glue
from tui.clean.lines import Line, count_words
from tui.clean.morph import Morph, analyzer

_MARKS = (" — ", " – ", " - ", " • ", " | ", " / ")
_TERMINAL = re.compile(r"[.!?…][\"'»”“’)\]]*$")
_ENDS_PERIOD = re.compile(r"[.…][\"'»”“’)\]]*$")
_TEXT = st.text(alphabet="ab Яя—–-•|/.!?…\"'»”“’)]\t\u00a0\u2005\u200b«„1", max_size=14)
_GLUE_TEXT = st.text(alphabet="абЯБzZ .!?…»”)«„1", max_size=16)
LINES = [
    "Поделиться", "Фото: Reuters", "Читайте также:", "Подписывайтесь на наш канал в Telegram",
    "© 2022 Агентство", "Мы используем cookies для работы сайта", "Все права защищены",
    "Президент подписал указ о продлении режима до конца месяца.", "Политика", "Теги: газ, цены",
    "Нашли ошибку? Нажмите Ctrl+Enter", "pic.twitter.com/abc", "Фото иллюстративное",
]  # fmt: skip


def reference_count_words(text: str) -> int:
    words = len(text.split())
    if " " in text and any(mark in text for mark in "—–-•|/"):
        padded = f" {text} "
        for mark in _MARKS:
            words -= padded.count(mark)
    return words


@settings(max_examples=3000, deadline=None)
@given(_TEXT)
def test_word_count_without_splitting_is_the_split_count(text: str) -> None:
    assert count_words(text) == reference_count_words(text)


@settings(max_examples=3000, deadline=None)
@given(_TEXT.filter(lambda t: t.strip() != ""))
def test_sentence_end_flags_without_regexes_match_the_regexes(text: str) -> None:
    line = Line(text, 0, len(text), False, 1)
    tail = text[-8:]
    assert line.terminal == bool(_TERMINAL.search(tail))
    assert line.ends_with_period == (line.terminal and bool(_ENDS_PERIOD.search(tail)))


@settings(max_examples=3000, deadline=None)
@given(_GLUE_TEXT)
def test_the_one_scan_glue_gate_never_skips_a_repair(text: str) -> None:
    repaired = repair_glue(text)
    camel = re.compile(
        r"(?<![а-яёіїєґА-ЯЁІЇЄҐ\w])([а-яёіїєґ][а-яёіїєґ'’-]{2,})([А-ЯЁІЇЄҐ][а-яёіїєґ]{2,})\b"
    )
    spaced = camel.sub(r"\1. \2", " ".join(text.split()))
    spaced = re.sub(r"(?<=[а-яёіїєґa-z]{2}[.!?…])(?=[А-ЯЁІЇЄҐ\d«„])", " ", spaced)
    spaced = re.sub(r"(?<=[»”)])(?=[А-ЯЁІЇЄҐ][а-яёіїєґ])", " ", spaced)
    assert repaired == spaced.strip()


def test_rule_matches_are_the_same_from_the_cache_and_from_fresh_rules() -> None:
    cached = default_rules()
    first = [cached.match(line) for line in LINES]
    again = [cached.match(line) for line in LINES]
    fresh = rules_from_config([], base=default_rules())  # a new Rules object, an empty cache
    assert first == again
    assert [r and r.name for r in first] == [r and r.name for r in map(fresh.match, LINES)]
    assert [r and r.name for r in first][:3] == ["share-buttons", "photo-credit", "related-link"]


def test_user_rules_keep_their_own_cache() -> None:
    user = rules_from_config([{"name": "mine", "phrase": "Поделиться"}])
    assert default_rules().match("Поделиться").name == "share-buttons"  # type: ignore[union-attr]
    assert user.match("Поделиться").name == "mine"  # type: ignore[union-attr]
    assert default_rules().match("Поделиться").name == "share-buttons"  # type: ignore[union-attr]


def test_a_line_repeating_another_in_other_case_goes_and_one_of_another_length_stays() -> None:
    body = "Власти сообщили о новых ограничениях для грузового транспорта на трассе."
    doc = clean_text(
        f"Заголовок статьи о новых ограничениях\n\n{body}\n\nКОРОТКАЯ ЦИТАТА ДЛЯ ВЫНОСА\n\n"
        f"{body} Еще одно предложение.\n\nКороткая цитата для выноса\n\nКороткая цитата"
    )
    assert [r.text for r in doc.removed if r.reason == "repeated"] == ["Короткая цитата для выноса"]


def test_a_title_without_digits_keeps_its_words() -> None:
    assert split_title_date("Власти продлили режим до конца весны") == (
        "Власти продлили режим до конца весны",
        None,
    )


def test_morphology_loads_on_the_first_question_not_on_construction() -> None:
    analyzer.cache_clear()
    morph = Morph("uk")
    assert analyzer.cache_info().currsize == 0
    assert morph.is_proper("Кшиштофополь")  # a word no cache holds; unknown: a name
    assert analyzer.cache_info().currsize == 1
