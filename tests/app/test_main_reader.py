"""Pilot tests of the reading view: open, raw, removed blocks, sentences, panes, safety."""

from __future__ import annotations

from app_helpers import open_first, ready, settle

from tui.app.widgets.reading_view import ReadingView


async def test_enter_opens_the_cleaned_article(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(pilot)
        assert app.focused is screen.reader
        assert screen.reader.document is screen.document
        assert screen.document.title.split()[0] in screen.reader.visible_text()


async def test_r_toggles_raw_and_x_reveals_removed(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        # The zerkalo article has boilerplate the cleaner removes.
        for index in range(len(screen.article_list.source)):
            row = screen.article_list.row_at(index)
            if row.id.startswith("000"):
                screen.article_list.cursor = index
        await pilot.press("enter")
        await settle(pilot)
        reader = screen.reader
        cleaned = reader.visible_text()
        assert "Поддержать команду Зеркала" not in cleaned
        await pilot.press("r")
        assert reader.raw
        assert "Поддержать команду Зеркала" in reader.visible_text()
        await pilot.press("r")
        assert not reader.raw
        assert screen.document.removed, "the seed should have removed blocks"
        await pilot.press("x")
        assert reader.reveal_removed
        assert "Поддержать команду Зеркала" in reader.visible_text()
        assert reader.line_count > len(cleaned.splitlines())


async def test_sentences_are_selectable_from_the_keyboard(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(pilot)
        reader = screen.reader
        assert reader.selected_span is None
        await pilot.press("right_parenthesis")
        first = reader.selected_span
        assert first is not None
        await pilot.press("right_parenthesis")
        second = reader.selected_span
        assert second is not None and second[0] > first[0]
        await pilot.press("left_parenthesis")
        assert reader.selected_span == first
        await pilot.press("shift+down")
        assert reader.selected_span == second
        sentence = screen.document.text[second[0] : second[1]]
        assert sentence.strip() == sentence and sentence
        await pilot.press("escape")
        assert reader.selected_span is None
        await pilot.press("escape")
        assert app.focused is screen.article_list


async def test_tab_moves_between_panes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(pilot)
        assert app.focused is screen.reader
        await pilot.press("tab")
        assert app.focused is screen.article_list
        await pilot.press("tab")
        assert app.focused is screen.reader
        await pilot.press("f")
        assert app.focused is screen.facts_pane.facts_tree
        await pilot.press("shift+tab")
        assert app.focused is screen.reader


async def test_reader_scrolls_with_vim_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot)
        reader = screen.reader
        assert reader.scroll_y == 0
        await pilot.press("j", "j")
        assert reader.scroll_y == 2
        await pilot.press("k")
        assert reader.scroll_y == 1
        await pilot.press("G")
        assert reader.scroll_y == reader.max_scroll_y > 0
        await pilot.press("g")
        assert reader.scroll_y == 0


async def test_markup_in_an_article_is_just_text(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"Нажми", "enter")
        await settle(pilot)
        assert len(screen.article_list.source) == 1
        await pilot.press("enter")
        await settle(pilot)
        text = screen.reader.visible_text()
        assert "[@click=app.quit]" in text
        assert "\x1b" not in text and "\u202e" not in text
        # Click every cell of the lines holding markup: nothing may quit the app.
        lines = [i for i, line in enumerate(text.splitlines()) if "[" in line]
        assert lines
        for y in lines[:3]:
            for x in range(0, 60, 6):
                await pilot.click(ReadingView, offset=(x + 1, y))
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None
        # The list line shows the markup literally too.
        line = screen.article_list.render_line(0).text
        assert "[@click=app.quit]" in line


async def test_click_selects_the_sentence_under_the_mouse(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(pilot)
        reader = screen.reader
        lines = reader.visible_text().splitlines()
        y = next(i for i, line in enumerate(lines) if len(line) > 40 and i > 2)
        await pilot.click(ReadingView, offset=(5, y))
        span = reader.selected_span
        offset = reader.offset_at(5, y)
        assert span is not None and offset is not None
        assert span[0] <= offset < span[1]


async def test_a_page_with_no_article_text_says_so_and_how_to_see_it(corpus, make_app) -> None:
    (corpus / "index.txt").write_text(
        "Главная\nНовости\nПолитика\n  1. Токаев назначил нового премьера\n"
        "  2. В Алматы восстановили интернет\n  3. ОДКБ начала вывод миротворцев\n",
        encoding="utf-8",
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        for index in range(len(screen.article_list.source)):
            if screen.article_list.row_at(index).id == "index":
                screen.article_list.cursor = index
        await pilot.press("enter")
        await settle(pilot)
        assert screen.article.id == "index" and not screen.document.blocks
        text = " ".join(screen.reader.visible_text().split())
        assert "No article text was found on this page" in text
        assert "x shows them in place, r the file as read" in text
        await pilot.press("x")
        assert "Токаев назначил нового премьера" in screen.reader.visible_text()
