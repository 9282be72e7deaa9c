"""Unit tests of the app's plain parts: wrapping, sentences, themes, keymap, the memory library."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import wait_until
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text
from snapshot_app import articles, clean

from tui.app.keymap import KEYS, validate_keymap
from tui.app.library import MemoryLibrary, ViewQuery
from tui.app.themes import ThemeError, load_theme_file, load_themes
from tui.app.widgets.article_list import _fit
from tui.app.widgets.text_layout import document_paras, sentences, wrap_offsets
from tui.paths import project_themes_dir


@pytest.mark.parametrize("width", [1, 5, 20, 80])
def test_wrap_covers_the_text_and_fits_the_width(width: int) -> None:
    text = "Слово " * 30 + "\n\nсверхдлинноеслововкотороенепомещаетсявстроку и ещё\nстрока"
    lines = wrap_offsets(text, width)
    for start, end in lines:
        assert cell_len(text[start:end].rstrip()) <= width
    covered = "".join(text[s:e] for s, e in lines)
    assert covered.replace("\n", "") == text.replace("\n", "")


@given(
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),
    st.integers(-1, 24),
)
def test_list_cells_are_fitted_as_rich_truncates_them(value: str, width: int) -> None:
    # The list builds its rows from plain strings; `_fit` must cut and pad like rich's Text did.
    expected = ""
    if width > 0:
        text = Text(value)
        text.truncate(width, overflow="ellipsis", pad=True)
        expected = text.plain
    assert _fit(value, width) == expected


def test_sentences_split_within_blocks(tmp_path: Path) -> None:
    doc = clean(articles(tmp_path)[0])
    spans = sentences(doc)
    texts = [doc.text[s:e] for s, e in spans]
    assert texts[0].startswith("США просят") and texts[0].endswith("ОДКБ.")
    assert texts[1].startswith("Об этом 9 января")
    assert all(t == t.strip() for t in texts)


def test_removed_blocks_appear_in_place(tmp_path: Path) -> None:
    doc = clean(articles(tmp_path)[0])
    kinds = [p.kind for p in document_paras(doc, reveal_removed=True)]
    # This page has no headline: its title is the lead's first clause, shown once, in the lead;
    # the banner above the lead shows first, in document order.
    assert kinds == ["removed", "date", "paragraph", "paragraph", "removed"]
    assert [p.kind for p in document_paras(doc, reveal_removed=False)] == [
        "date",
        "paragraph",
        "paragraph",
    ]


def test_a_real_headline_is_shown_and_a_title_made_from_the_lead_is_not_repeated() -> None:
    from tui.clean import clean_text

    headline = clean_text(
        "Токаев отправил правительство в отставку\n\n"
        "Президент Казахстана Касым-Жомарт Токаев принял отставку правительства на фоне протестов"
        " в нескольких городах страны, сообщила его пресс-служба.\n"
    )
    paras = document_paras(headline, reveal_removed=False)
    assert [p.kind for p in paras][:2] == ["title", "paragraph"]
    assert paras[0].text == "Токаев отправил правительство в отставку"
    lead_only = clean_text(
        "Президент Казахстана Касым-Жомарт Токаев принял отставку правительства на фоне протестов"
        " в нескольких городах страны, сообщила его пресс-служба. Об этом стало известно утром.\n"
    )
    paras = document_paras(lead_only, reveal_removed=False)
    assert paras[0].kind == "paragraph" and paras[0].text.startswith("Президент Казахстана")
    assert lead_only.title  # the list still has a title for it


def test_shipped_themes_load_cleanly() -> None:
    loaded = load_themes([project_themes_dir()])
    assert loaded.problems == []
    assert {"sverka-dark", "sverka-light", "sverka-high-contrast"} <= set(loaded.themes)
    assert loaded.themes["sverka-light"].dark is False


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('primary = "#12345"\n', "not a colour"),
        ('primary = "#123456"\nsparkle = 1\n', "unknown key `sparkle`"),
        ('secondary = "#123456"\n', "`primary` colour is required"),
        ('primary = "#123456"\ndark = "yes"\n', "`dark` must be true or false"),
        (
            'primary = "#123456"\n[variables]\nblock-cursor-background = "nope"\n',
            "variables.block-cursor-background",
        ),
        ("primary = [\n", "not valid TOML"),
    ],
)
def test_broken_theme_files_name_the_key(tmp_path: Path, content: str, expected: str) -> None:
    file = tmp_path / "broken.toml"
    file.write_text(content, encoding="utf-8")
    with pytest.raises(ThemeError) as info:
        load_theme_file(file)
    assert "broken.toml" in str(info.value)
    assert expected in str(info.value)


def test_keymap_validation_names_unknown_ids() -> None:
    good, problems = validate_keymap({"app.quit": "Ctrl+Q, F10", "nope": "x", "main.filter": ""})
    assert good == {"app.quit": "ctrl+q,f10"}
    assert any("nope" in p for p in problems)
    assert any("main.filter" in p for p in problems)


def test_binding_ids_are_unique_and_grouped() -> None:
    ids = [spec.id for spec in KEYS]
    assert len(ids) == len(set(ids))
    # the id names the group it belongs to («compare.column.down» is in «compare-column»)
    for spec in KEYS:
        prefix = spec.id.split(".")[0]
        assert spec.group == prefix or spec.group.startswith(prefix + "-"), spec.id


def test_memory_library_sorts_and_filters(tmp_path: Path) -> None:
    library = MemoryLibrary(tmp_path, articles(tmp_path))
    view = library.view(ViewQuery(sort="date", descending=True))
    assert [r.id for r in view.rows(0, 10)] == ["002_focus", "001_kloop", "003_zerkalo"]
    view = library.view(ViewQuery(language="uk"))
    assert [r.id for r in view.rows(0, 10)] == ["002_focus"]
    view = library.view(ViewQuery(text="алматы"))
    assert {r.id for r in view.rows(0, 10)} == {"003_zerkalo"}
    assert dict(library.facet("outlet"))["kloop.kg"] == 1


async def test_reading_view_defuses_control_characters_without_moving_offsets(
    tmp_path: Path,
) -> None:
    from textual.app import App, ComposeResult

    from tui.app.widgets.reading_view import ReadingView

    article = articles(tmp_path)[0]
    document = clean(article)
    evil = document.text.replace("США", "\x1b[2J\x07\u202e", 1)
    document = type(document)(
        document.title, document.date_line, document.blocks, document.removed, evil
    )

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield ReadingView()

    async with Host().run_test(size=(80, 24)) as pilot:
        view = pilot.app.query_one(ReadingView)
        view.show(article, document)
        await pilot.pause()
        shown = view.visible_text()
        assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
        assert "\ufffd[2J" in shown


def test_compare_candidates_on_a_large_corpus_are_related_articles(
    tmp_path: Path, seeds_dir: Path
) -> None:
    from tui.app.library import CatalogueLibrary, CompareLibrary

    library = CatalogueLibrary(seeds_dir, tmp_path / "cache")
    library.refresh(lambda done, total: None, lambda: False)
    first = library.article(library.view(ViewQuery()).rows(0, 1)[0].id)
    everything = CompareLibrary(library, first, limit=10).all_articles()
    assert len(everything) == 5
    few = CompareLibrary(library, first, limit=2).all_articles()
    assert few[0].id == first.id
    assert len(few) == 3 and len({a.id for a in few}) == 3


async def test_a_huge_article_is_laid_out_off_the_ui_thread(tmp_path: Path) -> None:
    from textual.app import App, ComposeResult

    from tui.app.widgets.reading_view import ASYNC_WRAP_CHARS, ReadingView
    from tui.clean.document import Block, Document

    article = articles(tmp_path)[0]
    body = "Очень длинный абзац без конца. " * (ASYNC_WRAP_CHARS // 20)
    text = "Заголовок\n\n" + body
    document = Document(
        "Заголовок", None, [Block("paragraph", body, 11, len(text), 0, len(body))], [], text
    )

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield ReadingView()

    async with Host().run_test(size=(80, 24)) as pilot:
        view = pilot.app.query_one(ReadingView)
        view.show(article, document)
        assert view.line_count == 0  # not laid out on the UI thread
        await wait_until(pilot, lambda: view.line_count, "the wrapped lines")
        assert view.line_count > len(body) // 80
        await pilot.press("end")


def test_removed_lines_show_in_document_order_navigation_above_the_headline() -> None:
    from tui.clean import clean_text

    raw = (
        "Главная | Новости | Политика | Экономика | Спорт\n\n"
        "Парламент Казахстана одобрил поправки о местном самоуправлении\n\n"
        "Мажилис Казахстана во втором чтении одобрил поправки в закон о местном "
        "самоуправлении, сообщила пресс-служба палаты в среду.\n\n"
        "Документ теперь направят в сенат, который должен рассмотреть его в течение месяца, "
        "добавили в пресс-службе.\n\n"
        "Читайте также: Токаев подписал указ о новом составе правительства\n"
    )
    document = clean_text(raw)
    assert document.removed, "the cleaner should drop the menu and the «Читайте также» line"
    paras = document_paras(document, reveal_removed=True, raw=raw)
    kinds = [p.kind for p in paras]
    title_at = kinds.index("title")
    menu = next(i for i, p in enumerate(paras) if p.kind == "removed" and "Главная" in p.text)
    related = next(i for i, p in enumerate(paras) if "Читайте" in p.text)
    assert menu < title_at < related
    assert related == len(paras) - 1


def test_keymap_conflicts_are_named_and_the_shipped_keymap_has_none_new() -> None:
    assert validate_keymap({})[1] == []
    _, problems = validate_keymap({"main.note": "q"})  # hides «quit» on the main screen
    assert problems == [
        "'main.note' and 'app.quit' are both bound to 'q' (Main screen): only one of them would run"
    ]
    _, problems = validate_keymap({"list.down": "j,x"})  # the list hides the screen's «x»
    assert len(problems) == 1 and "'list.down' and 'main.toggle-removed'" in problems[0]
    # the same key in two panes of one screen is not a conflict: only the focused pane's runs
    assert validate_keymap({"reader.down": "j", "facts.down": "j,n"})[1] != []  # n: main.note
    assert validate_keymap({"reader.down": "j,down", "facts.down": "j"})[1] == []
