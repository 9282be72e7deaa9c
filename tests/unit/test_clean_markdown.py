"""Markdown a scraper left in a page (a .md file, or markdown saved as .txt) is read as its words."""

from __future__ import annotations

import pytest

from tui.clean import clean_text
from tui.clean.lines import demarkdown

PAGE = """# Токаев назначил нового премьер-министра

*11 января 2022*

**Нур-Султан.** Президент Казахстана Касым-Жомарт Токаев назначил Алихана Смаилова премьер-министром. Кандидатуру поддержали 82 депутата мажилиса.

> «Правительство должно работать в новых условиях», — сказал Токаев.

[Читайте также: Что происходит в Казахстане](https://kun.uz/news/123)

![Фото: Акорда](https://kun.uz/img.jpg)
"""


@pytest.mark.parametrize(
    ("line", "bare"),
    [
        ("# Заголовок", "Заголовок"),
        ("### Подзаголовок", "Подзаголовок"),
        ("> «Цитата», — сказал он.", "«Цитата», — сказал он."),
        ("**Алматы.** Власти сообщили", "Алматы. Власти сообщили"),
        ("Об этом сообщил *Интерфакс*.", "Об этом сообщил Интерфакс."),
        ("[по данным МВД](https://example.kz/a) задержаны", "по данным МВД задержаны"),
        ("![Фото: Reuters](https://example.com/p.jpg)", "Фото: Reuters"),
    ],
)
def test_markup_is_removed_from_a_line(line: str, bare: str) -> None:
    assert demarkdown(line) == bare


@pytest.mark.parametrize(
    "line",
    ["Цена 5*3 рубля", "a * b * c", "#хештег в тексте", "[1] сноска", "Счёт 2:1 > 1:1", "---"],
)
def test_text_that_only_looks_like_markup_stays(line: str) -> None:
    assert demarkdown(line) == line


def test_a_markdown_page_reads_like_the_plain_page() -> None:
    doc = clean_text(PAGE)
    assert doc.title == "Токаев назначил нового премьер-министра"
    assert doc.date_line == "11 января 2022"
    assert doc.paragraphs == [
        "Нур-Султан. Президент Казахстана Касым-Жомарт Токаев назначил Алихана Смаилова"
        " премьер-министром. Кандидатуру поддержали 82 депутата мажилиса.",
        "«Правительство должно работать в новых условиях», — сказал Токаев.",
    ]
    assert not any(mark in doc.text for mark in ("**", "](", "# ", "> "))
    assert {r.text: r.reason for r in doc.removed}.get("Фото: Акорда") == "photo-credit"
    for block in doc.blocks:  # offsets still lead back to the raw lines
        assert block.text.split()[-1].strip("»«.") in PAGE[block.raw_start : block.raw_end]


def test_a_short_page_in_one_line_keeps_its_text_when_a_rule_matches_inside_it() -> None:
    page = (
        "Главная Новости Политика Токаев заявил о мерах «по наведению порядка» 10:42 11 января 2022"
        " Президент Казахстана Касым-Жомарт Токаев заявил о введении режима ЧП. «Порядок будет"
        " восстановлен», — сказал он. В Алматы задержаны 2 600 человек. По данным МВД, погибли 164"
        " человека. Власти сообщили о восстановлении связи в городе. Читайте также: Что происходит"
        " в Казахстане © 2022 Вечерние новости"
    )
    doc = clean_text(page)
    assert "В Алматы задержаны 2 600 человек." in doc.text
    assert "Главная Новости" not in doc.text and "© 2022" not in doc.text
