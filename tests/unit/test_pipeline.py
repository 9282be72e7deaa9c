"""The article pipeline: file → Article → cleaned Document → Facts, one path for every face."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui import pipeline
from tui.clean import clean_text, cleaner
from tui.corpus import Article
from tui.facts import extract

PAGE = (
    "Главная / Новости\n\n"
    "В Алматы задержали 7939 человек\n\n"
    "10 января 2022, 14:30\n\n"
    "Президент Казахстана Касым-Жомарт Токаев заявил, что в стране восстановлен порядок. "
    "По данным МВД, за сутки задержаны 7939 человек, сообщает «Интерфакс».\n\n"
    "Читайте также: Как менялся курс тенге\n"
)


@pytest.fixture
def counted_cleaning(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The raw texts the cleaner really cleans (not served from its recent documents)."""
    seen: list[str] = []
    real = cleaner._clean

    def counting(raw, rules):  # type: ignore[no-untyped-def]
        seen.append(raw)
        return real(raw, rules)

    monkeypatch.setattr(cleaner, "_clean", counting)
    return seen


def test_reading_then_opening_an_article_cleans_it_once(
    tmp_path: Path, counted_cleaning: list[str]
) -> None:
    path = tmp_path / "almaty.txt"
    path.write_text(PAGE, encoding="utf-8")
    article = pipeline.read(path, tmp_path)
    assert isinstance(article, Article)
    assert article.title == "В Алматы задержали 7939 человек"  # the metadata cleaned the page
    document = pipeline.document(article)
    assert counted_cleaning == [article.raw]
    assert "Главная" not in document.text and "Читайте также" not in document.text


def test_a_changed_page_or_other_rules_are_cleaned_again(counted_cleaning: list[str]) -> None:
    from tui.clean import Rules

    page = PAGE.replace("Новости", "Новости дня")  # a page no other test cleaned
    first = clean_text(page)
    assert clean_text(page) is first
    assert counted_cleaning == [page]
    edited = page.replace("7939", "7 939")
    assert clean_text(edited) is not first
    clean_text(page, Rules([]))
    assert len(counted_cleaning) == 3
    assert clean_text(page, reuse=False) is not first
    assert len(counted_cleaning) == 4


def test_facts_of_an_article_are_the_facts_of_its_cleaned_text(tmp_path: Path) -> None:
    path = tmp_path / "almaty.txt"
    path.write_text(PAGE, encoding="utf-8")
    article = pipeline.read(path, tmp_path)
    assert isinstance(article, Article)
    document, facts = pipeline.document_and_facts(article)
    expected = extract(document.text, article.language, article.date)
    assert facts.to_dict() == expected.to_dict()
    assert pipeline.facts(article).to_dict() == expected.to_dict()
    for entity in facts.entities:
        assert document.text[entity.start : entity.end] == entity.text
    assert any(q.value == 7939 for q in facts.quantities)
