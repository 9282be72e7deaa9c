"""Outlet and publication date come from the page's own signatures, not from its body."""

from __future__ import annotations

import pytest

from tui.corpus.outlets import copyright_holder, detect_outlet
from tui.corpus.pubdate import detect_date

BODY = "Президент подписал указ. Об этом сообщила пресс-служба. Меры продлятся до 19 января 2022 года.\n"


@pytest.mark.parametrize(
    ("line", "holder"),
    [
        ("© 1999–2022 ООО «Лента.Ру»", "Лента.Ру"),
        ("(c) 1991-2022 Интерфакс", "Интерфакс"),
        ("Copyright (c) 2013-2021 Kun.uz. Все права защищены.", "Kun.uz"),
        ("© АО «РОСБИЗНЕСКОНСАЛТИНГ», 1995–2022", "РОСБИЗНЕСКОНСАЛТИНГ"),
        ("© 2000-2022, Українська правда.", "Українська правда"),
        ("© 2021 АНО «Редакционно-издательский дом «Новая газета»", "Новая газета"),
        ("Фото: Reuters", None),
    ],
)
def test_copyright_holder_is_read_from_the_footer_line(line: str, holder: str | None) -> None:
    assert copyright_holder(line) == holder


@pytest.mark.parametrize(
    ("page", "outlet"),
    [
        (
            "Главное\nРоссия\n" + BODY + "© 1999–2022 ООО «Лента.Ру»\nВсе права защищены. 18+",
            "lenta.ru",
        ),
        ("УНІАН\nНовини\n" + BODY + "Теги: газ\n© 1993-2022 УНІАН.", "unian.ua"),
        ("Новости\n" + BODY + "© 2023 Вечерний Урюпинск", "Вечерний Урюпинск"),
        ("Новости\n" + BODY + "(c) 2023 Example-News.ru", "example-news.ru"),
        ("Tengrinews.kz\nЖаңалықтар\n" + BODY, "tengrinews.kz"),
        (BODY + "Как сообщает lenta.ru, указ вступил в силу.\n" + BODY * 30, "unknown"),
        ("Поддержать команду Зеркала\nБеларусы на войне\n" + BODY, "zerkalo.io"),
        (
            "Мы используем cookies для улучшения работы сайта. Продолжая пользоваться сайтом,"
            " вы соглашаетесь с этим.\nПринять\nРБК\nПолитика\n" + BODY * 3,
            "rbc.ru",
        ),
        ("Главное\nПолитика\nЗаголовок\n" + BODY * 3 + "РБК\n", "unknown"),  # not near the top
        ("Заголовок\n" + BODY.strip() + " " + BODY + "РБК\n" + BODY * 3, "unknown"),  # in the text
    ],
)
def test_outlet_comes_from_signature_copyright_or_masthead(page: str, outlet: str) -> None:
    assert detect_outlet(page) == outlet


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("Меню\nЗаголовок\n10:42 14.01.2022 (обновлено: 11:05 14.01.2022)\n" + BODY, "2022-01-14"),
        ("Заголовок\n24 января 2022 года 13:11\n" + BODY, "2022-01-24"),
        ("Headline\nJanuary 10, 2022 8:41 pm\n" + BODY, "2022-01-10"),
        ("Тақырып\n18 қаңтар 2022 10:15\n" + BODY, "2022-01-18"),
        ("Загаловак\n20 студзеня 2022\n" + BODY, "2022-01-20"),
        (
            "Meduza Новости Байден пригрозил санкциями 21:10, 26 января 2022 Источник: Meduza "
            + BODY,
            "2022-01-26",
        ),
        (" date 2022-01 США просят Казахстан объясниться. " + BODY, "2022-01"),
        ("Заголовок\n" + BODY + "В этой связи 10 января 2022 года объявлен траур.\n", None),
    ],
)
def test_publication_date_is_the_pages_own_date_line(page: str, expected: str | None) -> None:
    assert detect_date(page) == expected


def test_a_footer_domain_names_the_outlet_only_as_a_whole_domain() -> None:
    assert detect_outlet("Новости\n" + BODY + "Все материалы: www.lenta.ru/rubrics") == "lenta.ru"
    assert detect_outlet("Новости\n" + BODY + "Все материалы: notlenta.ru") == "unknown"


@pytest.mark.parametrize(
    ("page", "date_line", "expected"),
    [
        # the year a site leaves out for the current year: from the scraper's header …
        (" date 2026-02-11 Новости\nЗаголовок\n11 февраля, 13:20\n" + BODY, "11 февраля, 13:20", "2026-02-11"),
        # … or from another full date near the top (a December date line on a January page)
        ("Заголовок\n30 декабря, 23:10 (обновлено 02.01.2026)\n" + BODY, "30 декабря, 23:10", "2025-12-30"),
        # … or from the copyright line, which states the year the page was made
        ("Заголовок\n9 лютого, 07:45\n" + BODY + "© 2008–2026 Видання\n", "9 лютого, 07:45", "2026-02-09"),
        # no year anywhere: no date rather than a guess
        ("Заголовок\n9 лютого, 07:45\n" + BODY, "9 лютого, 07:45", None),
        # nominative months and abbreviations
        ("Заголовок\n14:30, 04 Февраль 2026\n" + BODY, "14:30, 04 Февраль 2026", "2026-02-04"),
        ("Заголовок\n16 янв 2026, 15:10\n" + BODY, "16 янв 2026, 15:10", "2026-01-16"),
        # the article's own date line beats the scraper's header
        (" date 2026-03-07 Новости\nЗаголовок\n06.03.2026, 21:55\n" + BODY, "06.03.2026, 21:55", "2026-03-06"),
    ],
)  # fmt: skip
def test_the_date_line_beside_the_headline_gives_the_date_with_its_year_inferred_where_safe(
    page: str, date_line: str, expected: str | None
) -> None:
    assert detect_date(page, date_line) == expected


def test_related_headlines_timestamps_at_the_foot_are_not_the_publication_date() -> None:
    page = "Заголовок\n" + BODY * 3 + "Популярные новости\nВ Москве выпал снег\n10:15, 3 марта 2026\n"
    assert detect_date(page) is None


def test_the_pages_own_date_after_the_scrapers_header_on_its_line_wins() -> None:
    page = " date 2026-03-07 06.03.2026, 21:55 1691\nЗаголовок\n" + BODY
    assert detect_date(page, "2026-03-07 06.03") == "2026-03-06"
