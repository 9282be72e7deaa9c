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
