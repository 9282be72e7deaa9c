"""Search: folding (case, ё/е, ґ/г, Ukrainian/Russian spellings), word forms, prefixes, snippets."""

from __future__ import annotations

import pytest

from tui.index import Catalogue
from tui.index.search import parse
from tui.index.text import fold, terms

ARTICLES = {
    "tokaev": "Обращение президента\n\nПрезидент Токаева поддержали в Астане. Ёлки стояли у входа.\n",
    "ganok": "Новини з Києва\n\nНа ґанку біля Верховної Ради зібралися люди. Україна чекає.\n",
    "latin": "Blinken speaks\n\nSecretary Blinken asked questions about the CSTO mission.\n",
    "rare": "Редкое слово\n\nЗдесь встречается слово борвиталь и ещё миротворцы из ОДКБ.\n",
}


@pytest.fixture(scope="module")
def cat(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    root = tmp_path_factory.mktemp("search")
    for name, text in ARTICLES.items():
        (root / f"{name}.txt").write_text(text, "utf-8")
    catalogue = Catalogue(root, db_path=root.parent / "search-test.sqlite")
    catalogue.refresh(workers=1)
    yield catalogue
    catalogue.close()


def ids(cat: Catalogue, query: str) -> list[str]:
    return sorted(h.id for h in cat.search(query).hits)


def test_fold_letters() -> None:
    assert fold("ЁЛКА Ґанок Її Європа об’єкт") == "елка ганок ии европа обект"
    assert terms("Зеленський") == terms("Зеленского") == terms("ЗЕЛЕНСКИЙ")
    assert terms("Україна") == terms("Украины")
    assert terms("Токаев") == "токаев тока" and terms("Токаева") == "токаев"


def test_word_forms_meet(cat: Catalogue) -> None:
    assert ids(cat, "Токаев ") == ["tokaev"]  # the index holds «Токаева»
    assert ids(cat, "токаеву ") == ["tokaev"]
    assert ids(cat, "президентом ") == ["tokaev"]
    assert ids(cat, "миротворцам ") == ["rare"]
    # A genitive plural in the text is indexed under the short stem too.
    assert terms("миротворцев").split()[1] == terms("миротворцы")


def test_case_and_letter_folding(cat: Catalogue) -> None:
    assert ids(cat, "елки ") == ["tokaev"]  # ё in the text, е in the query
    assert ids(cat, "ЁЛКИ ") == ["tokaev"]
    assert ids(cat, "ганку ") == ["ganok"]  # ґ in the text, г in the query
    assert ids(cat, "Ґанку ") == ["ganok"]
    assert ids(cat, "украина ") == ["ganok"]  # Russian spelling finds the Ukrainian one
    assert ids(cat, "BLINKEN ") == ["latin"]


def test_prefix_while_typing(cat: Catalogue) -> None:
    assert ids(cat, "борви") == ["rare"]
    assert ids(cat, "борви ") == []  # a finished word is not a prefix
    assert ids(cat, "Токае") == ["tokaev"]
    assert ids(cat, "президент Токае") == ["tokaev"]
    assert ids(cat, "президент Blinken") == []  # every word must occur


def test_result_shape_and_snippet(cat: Catalogue) -> None:
    result = cat.search("борвиталь")
    assert result.total == 1 and result.took_ms >= 0
    hit = result.hits[0]
    assert hit.id == "rare" and hit.title
    assert "борвиталь" in hit.snippet
    assert set(result.to_dict()) == {"query", "took_ms", "total", "hits"}
    assert set(result.to_dict()["hits"][0]) == {"id", "title", "snippet"}


def test_queries_without_words_or_with_syntax(cat: Catalogue) -> None:
    assert cat.search("").total == 0
    assert cat.search("  ...  ").hits == []
    assert cat.search('"OR" AND NOT (*').total == 0  # FTS5 syntax is never passed through
    assert parse("a b", prefix=False)[0] == [(["a"], None), (["b"], None)]


def test_limit_and_total(cat: Catalogue) -> None:
    result = cat.search("в", limit=1)
    assert len(result.hits) <= 1


def test_snippet_marks_the_original_spelling(cat: Catalogue) -> None:
    assert "Ёлки" in cat.search("елки ").hits[0].snippet
    assert "ґанку" in cat.search("ганку ").hits[0].snippet


def test_search_finds_body_words_but_not_words_only_in_removed_boilerplate(tmp_path) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "page.txt").write_text(
        "Главная\nНовости\nПолитика\n\n"
        "Протесты в Алматы продолжаются\n\n"
        "В Алматы третий день продолжаются протесты, власти ввели режим чрезвычайного положения"
        " и отключили связь в нескольких районах города.\n\n"
        "Читайте также:\n"
        "Квазиморфный ураган обрушился на побережье\n\n"
        "Фото: Reuters\n",
        "utf-8",
    )
    catalogue = Catalogue(root, db_path=tmp_path / "boiler.sqlite")
    try:
        catalogue.refresh(workers=1)
        assert [h.id for h in catalogue.search("чрезвычайного").hits] == ["page"]
        assert catalogue.search("квазиморфный").total == 0
        hit = catalogue.search("Алматы").hits[0]
        assert "Главная" not in hit.snippet and "Читайте" not in hit.snippet
    finally:
        catalogue.close()


def test_search_without_snippets_returns_the_same_hits_with_empty_snippets(cat: Catalogue) -> None:
    full = cat.search("Токаев", limit=10)
    bare = cat.search("Токаев", limit=10, snippets=False)
    assert [h.id for h in bare.hits] == [h.id for h in full.hits] and bare.total == full.total
    assert all(h.snippet for h in full.hits) and not any(h.snippet for h in bare.hits)
    assert [h.title for h in bare.hits] == [h.title for h in full.hits]


def test_filtered_search_ranks_and_counts_within_the_outlet_and_language(tmp_path) -> None:
    root = tmp_path / "mixed"
    root.mkdir()
    for i in range(3):
        (root / f"ru{i}.txt").write_text(
            f"Протесты в Алматы, день {i + 1}\n\nВ Алматы продолжаются протесты и задержания.\n",
            "utf-8",
        )
    (root / "uk.txt").write_text(
        "Протести в Алмати\n\nУ Алмати тривають протести, затримано сотні людей.\n", "utf-8"
    )
    catalogue = Catalogue(root, db_path=tmp_path / "mixed.sqlite")
    try:
        catalogue.refresh(workers=1)
        assert catalogue.search("Алматы").total == 4
        uk = catalogue.search("Алматы", language="uk")
        assert uk.total == 1 and [h.id for h in uk.hits] == ["uk"]
        ru = catalogue.search("Алматы", limit=2, language="ru")
        assert ru.total == 3 and len(ru.hits) == 2
        assert catalogue.search("Алматы", outlet="no such outlet").total == 0
        unknown = catalogue.row("uk").outlet
        assert catalogue.search("Алматы", outlet=unknown, language="uk").total == 1
    finally:
        catalogue.close()
