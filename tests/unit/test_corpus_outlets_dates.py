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
