"""HTML a scraper left in a page is decoded to plain text before anything else reads the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.clean import clean_text
from tui.corpus import read_article
from tui.corpus.markup import html_to_text


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("<p>Один.</p><p>Два.</p>", "\n\nОдин.\n\nДва.\n\n"),
        ("первая<br>вторая<br/>третья", "первая\nвторая\nтретья"),
        ("<b>Жирный</b> и <a href='https://x.kz'>ссылка</a>", "Жирный и ссылка"),
        ("&laquo;ОДКБ&raquo;&nbsp;&mdash; &#171;да&#187; &#x41;", "«ОДКБ»\xa0— «да» A"),
        ("<script>var a = '<p>';</script>Текст<!-- скрыто -->", "\nТекст"),
    ],
)
def test_tags_and_references_become_text(text: str, plain: str) -> None:
    assert html_to_text(text) == plain


@pytest.mark.parametrize(
    "text", ["Счёт 2 < 3, а 5 > 4", "AT&T и Procter & Gamble", "Обычный текст без разметки"]
)
def test_plain_text_that_only_looks_like_markup_is_unchanged(text: str) -> None:
    assert html_to_text(text) == text


def test_an_article_saved_with_html_reads_like_the_plain_article(tmp_path: Path) -> None:
    page = (
        "Токаев заявил&nbsp;о мерах &laquo;по наведению порядка&raquo;\n\n"
        "<p>Президент Казахстана Касым-Жомарт Токаев заявил&nbsp;о введении режима ЧП.</p>"
        "<p>В Алматы задержаны&nbsp;2&nbsp;600 человек.<br>По данным МВД, погибли 164 человека.</p>\n"
    )
    (tmp_path / "a.txt").write_text(page, encoding="utf-8")
    article = read_article(tmp_path / "a.txt", tmp_path)
    assert article.title == "Токаев заявил о мерах «по наведению порядка»"
    doc = clean_text(article.raw)
    assert doc.paragraphs == [
        "Президент Казахстана Касым-Жомарт Токаев заявил о введении режима ЧП.",
        "В Алматы задержаны 2 600 человек.",
        "По данным МВД, погибли 164 человека.",
    ]
    assert "<" not in article.raw and "&nbsp;" not in article.raw


def test_blocks_and_comments_without_an_end_keep_the_text_after_them() -> None:
    assert html_to_text("<p>Один</p><script>Два<script>Три") == "\n\nОдин\n\nДваТри"
    assert html_to_text("<p>Один</p><!-- Два <!-- Три") == "\n\nОдин\n\n<!-- Два <!-- Три"
    assert html_to_text("<p>Один</p><style>x</style>Два") == "\n\nОдин\n\nДва"
