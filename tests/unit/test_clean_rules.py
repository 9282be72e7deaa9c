"""Rules as data: the shipped rules file, user rules from the config, their validation."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tui.clean import clean_text, default_rules, rules_from_config
from tui.clean.rules import RULES_FILE

EXAMPLE = Path(__file__).resolve().parents[2] / "tui" / "clean" / "RULES_CONFIG_EXAMPLE.toml"

ARTICLE = (
    "Заголовок статьи о протестах в Казахстане\n\n"
    "Первый абзац статьи: власти сообщили о задержании нескольких сотен человек за сутки.\n\n"
    "Подпишитесь на нашу рассылку\n\n"
    "Второй абзац статьи: в городе восстановлена работа транспорта и банков.\n\n"
    "Материалы по теме\n\n"
    "Как прошла первая неделя протестов в Казахстане и что будет дальше.\n"
)


def test_the_shipped_rules_file_parses_and_names_every_rule() -> None:
    rules = default_rules()
    assert len(rules) > 20
    assert all(rule.name and rule.action for rule in rules.rules)
    names = {rule.name for rule in rules.rules}
    for expected in ("navigation", "related-link", "photo-credit", "advertising", "share-buttons",
                     "tags", "cookie-notice", "copyright", "comment-prompt", "typo-prompt",
                     "donation-banner", "zerkalo-header"):  # fmt: skip
        assert expected in names
    assert "ru" in tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))["stopwords"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Читайте также: Как это было", "related-link"),
        ("Читайте також:", "related-link"),
        ("Поделиться", "share-buttons"),
        ("Поділитися:", "share-buttons"),
        ("Реклама", "advertising"),
        ("Теги: Казахстан, протесты", "tags"),
        ("Мы используем файлы cookie для улучшения работы сайта", "cookie-notice"),
        ("© 2024 Издание. Все права защищены.", "copyright"),
        ("Нашли ошибку? Выделите её и нажмите Ctrl+Enter", "typo-prompt"),
        ("Комментарии (5)", "comments"),
        ("Оставьте свой комментарий", "comment-prompt"),
        ("Фото: Reuters", "photo-credit"),
        ("Фото: ТАСС | Силовики в Казахстане", "photo-credit"),
        ("Здание администрации Алматы. Фото: Reuters", "photo-credit"),
        ("Скриншот с видео", "media-stub"),
        ("Related video", "media-stub"),
        ("Поддержать команду Зеркала", "zerkalo-header"),
        ("Главная / Новости / Мир", "navigation"),
        ("Фото – Reuters", "photo-credit"),
        ("Иллюстративное фото", "media-stub"),
        ("pic.twitter.com/abc123", "social-embed"),
        ("— Иван Петров (@ivan) January 9, 2022", "social-embed"),
        ("https://example.com/news/1", "bare-link"),
        ("Еще больше новостей — в нашем Telegram-канале", "outlet-promo"),
        ("Фокус в Telegram", "outlet-promo"),
        ("***", "decoration"),
        (
            "Источник: https://example.com/news/2022/01/10/ochen-dlinnyi-adres-stati-o-protestah",
            "meta-label",
        ),
        ("Подробнее: https://example.com/a/b", "bare-link"),
        ("Сообщить об ошибке", "typo-prompt"),
        ("Подпишись на нас в Google News", "outlet-promo"),
        ("Читайте РБК в Telegram", "donation-banner"),
        ("Хотите сообщить новость? Пишите в наш бот", "outlet-promo"),
        ("Все права на информацию, размещенную на сайте, принадлежат АО «Интерфакс».", "copyright"),
        ("Reporting by Olzhas Auyezov; Editing by Frances Kerry", "agency-credit"),
        ("Additional reporting by Tom Balmforth in Moscow", "agency-credit"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "agency-credit"),
        ("Associated Press writer Dasha Litvinova contributed to this report.", "agency-credit"),
    ],
)
def test_boilerplate_lines_match_their_rule(line: str, reason: str) -> None:
    rule = default_rules().match(line)
    assert rule is not None and rule.name == reason


@pytest.mark.parametrize(
    "line",
    [
        "Самый популярный лозунг: «Шал, кет!» («Старик, уходи!»).",
        "Реклама на телевидении подорожала на 20% за год, сообщили аналитики рынка.",
        "Фото с места событий публикуют очевидцы в соцсетях, но их подлинность не проверена.",
        "Раніше Фокус розбирався в тому, чому Захід пробачив Токаєву те, за що засуджує Лукашенко.",
        "Комментарии властей пока не поступало, сообщили в редакции.",
        "Видео с места событий появилось в соцсетях вечером в понедельник.",
        "Reporting by state media suggested that the protests had spread to Almaty.",
        "Editing by the censors removed every mention of the shootings, the paper said.",
    ],
)
def test_body_sentences_with_boilerplate_words_match_no_rule(line: str) -> None:
    assert default_rules().match(line) is None


def test_the_config_example_is_valid_and_its_rules_apply() -> None:
    items = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))["clean"]["rules"]
    rules = rules_from_config(items)
    doc = clean_text(ARTICLE, rules)
    assert "Подпишитесь на нашу рассылку" not in doc.text
    assert "Материалы по теме" not in doc.text
    assert "Как прошла первая неделя" not in doc.text  # dropped from here on
    assert "Второй абзац статьи" in doc.text
    assert {r.reason for r in doc.removed} >= {"my-outlet-banner", "my-outlet-footer"}


def test_user_rules_come_on_top_of_the_shipped_ones() -> None:
    rules = rules_from_config([{"name": "mine", "phrase": "Особое слово"}])
    assert rules.match("Особое слово!").name == "mine"  # type: ignore[union-attr]
    assert rules.match("Поделиться").name == "share-buttons"  # type: ignore[union-attr]


def test_drop_from_here_does_not_eat_a_body_longer_than_what_precedes_it() -> None:
    rules = rules_from_config(
        [{"name": "early", "phrase": "Первый абзац", "action": "drop_from_here"}]
    )
    raw = "Первый абзац\n\n" + ARTICLE
    doc = clean_text(raw, rules)
    assert "Второй абзац статьи" in doc.text
    assert [r.text for r in doc.removed if r.reason == "early"] == ["Первый абзац"]


def test_user_pattern_is_case_insensitive_and_searched_in_the_line() -> None:
    rules = rules_from_config([{"name": "promo", "pattern": r"^промокод\b"}])
    doc = clean_text(ARTICLE.replace("Подпишитесь на нашу рассылку", "ПРОМОКОД SALE20"), rules)
    assert "SALE20" not in doc.text
    assert ("promo", "ПРОМОКОД SALE20") in [(r.reason, r.text) for r in doc.removed]


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ({"name": "x"}, "expected a list"),
        (["x"], "clean.rules[0]: expected a table"),
        ([{"pattern": "a"}], "clean.rules[0]: 'name' must be a non-empty string"),
        ([{"name": "x"}], "needs a 'phrase' or a 'pattern'"),
        ([{"name": "x", "pattern": "("}], "'pattern' is not a valid regular expression"),
        ([{"name": "x", "pattern": "a", "phrase": "b"}], "either 'phrase' or 'pattern'"),
        ([{"name": "x", "phrase": "a", "action": "zap"}], "'action' must be one of drop_line"),
        ([{"name": "x", "pattern": "a", "colour": 1}], "unknown key 'colour'"),
        ([{"name": "x", "pattern": ".*"}], "matches an empty line"),
        ([{"name": "x", "phrase": "!!!"}], "'phrase' has no letters or digits"),
        ([{"name": "x", "phrase": "a", "max_chars": -1}], "'max_chars' must be a positive integer"),
        ([{"name": "x", "phrase": 5}], "'phrase' must be a non-empty string"),
        ([{"name": "x", "phrase": "a", "where": "top"}], "'where' must be one of anywhere, edges"),
        ([{"name": "ok", "phrase": "a"}, {"name": "y", "pattern": "["}], "clean.rules[1] ('y')"),
    ],
)
def test_bad_user_rules_raise_value_error_naming_the_key(items: object, message: str) -> None:
    with pytest.raises(ValueError) as error:
        rules_from_config(items)  # type: ignore[arg-type]
    assert message in str(error.value)


def test_configured_rules_become_the_default_for_every_caller_until_reset() -> None:
    from tui.clean import active_rules, configure_rules, default_rules

    try:
        configure_rules([{"name": "mine", "phrase": "Подпишитесь на нашу рассылку"}])
        assert "mine" in {r.reason for r in clean_text(ARTICLE).removed}
    finally:
        configure_rules(None)
    assert active_rules() is default_rules()
    assert "mine" not in {r.reason for r in clean_text(ARTICLE).removed}
