"""Pilot tests of the article list: keys, sorting, filtering, mouse, and that it is virtual."""

from __future__ import annotations

from dataclasses import dataclass, replace

from app_helpers import ready, settle, wait_until

from tui.app.library import Row
from tui.app.screens.pick import PickScreen
from tui.app.widgets.article_list import ArticleList


async def test_list_shows_every_article(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        assert len(screen.article_list.source) == 6
        status = str(screen.query_one("#list-status").render())
        assert "6 articles" in status


async def test_vim_and_arrow_keys_move_the_cursor(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        articles = screen.article_list
        assert articles.cursor == 0
        await pilot.press("j", "j", "down")
        assert articles.cursor == 3
        await pilot.press("k", "up")
        assert articles.cursor == 1
        await pilot.press("G")
        assert articles.cursor == 5
        await pilot.press("g")
        assert articles.cursor == 0
        await pilot.press("end")
        assert articles.cursor == 5
        await pilot.press("home", "pagedown")
        assert articles.cursor == 5


async def test_sort_cycles_and_reverses(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        assert screen.query_state.sort == "date"
        def titles() -> list[str]:
            return [r.title.casefold() for r in screen.article_list.source.rows(0, 10)]

        await pilot.press("s")
        assert screen.query_state.sort == "title"
        # the rows of the new order come from a worker
        await wait_until(pilot, lambda: titles() == sorted(titles()), "rows sorted by title")
        await pilot.press("S")
        assert screen.query_state.descending
        await wait_until(pilot, lambda: titles() == sorted(titles(), reverse=True), "reversed")


async def test_slash_filters_by_text_and_escape_clears(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash")
        assert app.focused is screen.query_one("#filter")
        await pilot.press(*"Нажми")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_state.text == "Нажми"
        assert len(screen.article_list.source) == 1
        # Enter opened the hit, its words marked in the text
        assert screen.article.id == screen.article_list.row_at(0).id
        assert app.focused is screen.reader and screen.reader.matches
        await pilot.press("escape")  # drops the marks
        assert not screen.reader.matches
        await pilot.press("escape")  # back to the list
        assert app.focused is screen.article_list
        await pilot.press("escape")  # clears the search
        assert screen.query_state.text == ""
        await wait_until(pilot, lambda: len(screen.article_list.source) == 6, "all six rows")


async def test_outlet_and_language_filters(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, PickScreen), "the language dialog")
        languages = dict(screen.library.facet("language"))
        assert "uk" in languages
        # Pick "uk": find its row in the option list.
        options = app.screen.query_one("OptionList")
        index = next(
            i for i in range(options.option_count) if options.get_option_at_index(i).id == "uk"
        )
        options.highlighted = index
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_state.language == "uk"
        assert all(r.language == "uk" for r in screen.article_list.source.rows(0, 10))
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, PickScreen), "the outlet dialog")
        await pilot.press("escape")
        assert screen.query_state.outlet is None
        await pilot.press("l", "home", "enter")
        await settle(pilot)
        assert screen.query_state.language is None


async def test_click_opens_an_article(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.click(ArticleList, offset=(5, 2))
        await settle(pilot)
        assert screen.article_list.cursor == 2
        assert screen.article is not None
        assert screen.article.id == screen.article_list.highlighted_row.id


@dataclass
class BigSource:
    """A million rows, made up on demand; counts how many were asked for."""

    size: int = 1_000_000
    fetched: int = 0

    def __len__(self) -> int:
        return self.size

    def rows(self, start: int, count: int) -> list[Row]:
        end = min(self.size, start + count)
        self.fetched += end - start
        return [
            Row(f"id{i}", f"Статья {i}", "outlet", "ru", "2022-01-05", i) for i in range(start, end)
        ]


async def test_list_is_virtual(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await settle(pilot)  # no list rebuild still on its way to replace the source below
        source = BigSource()
        widgets_before = len(list(screen.walk_children()))
        screen.article_list.set_source(source)
        await pilot.pause()
        await pilot.press("G")
        await wait_until(pilot, lambda: screen.article_list.cursor == source.size - 1, "the end")
        assert screen.article_list.highlighted_row.title == f"Статья {source.size - 1}"
        assert len(list(screen.walk_children())) == widgets_before
        assert source.fetched < 1000


async def test_slash_searches_the_full_text_with_word_forms(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"Токаев", "enter")
        await settle(pilot)
        rows = screen.article_list.source.rows(0, 10)
        assert rows, "«Токаев» should find the articles that mention «Токаева»"
        for row in rows:
            raw = screen.library.article(row.id).raw.casefold()
            assert "токаев" in raw or "токаєв" in raw
        assert "matching" in str(screen.query_one("#list-status").render())


async def test_clicking_a_column_title_sorts_by_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.click("#list-header", offset=(3, 0))
        await settle(pilot)
        assert screen.query_state.sort == "title" and not screen.query_state.descending
        await pilot.click("#list-header", offset=(3, 0))
        await settle(pilot)
        assert screen.query_state.descending
        header = screen.query_one("#list-header")
        await pilot.click("#list-header", offset=(header.size.width - 3, 0))
        await settle(pilot)
        from tui.app.widgets.article_list import _columns

        # the rightmost column at this width (at 120 columns: the date; words give way to titles)
        width = screen.article_list.scrollable_content_region.width
        assert screen.query_state.sort == _columns(width)[-1][0] == "date"
        await pilot.click("#list-header", offset=(header.size.width - 3, 0))
        await settle(pilot)
        assert not screen.query_state.descending


async def test_unfiltered_status_counts_the_listed_rows_even_when_the_catalogue_is_ahead(
    make_app, monkeypatch
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        pane = screen.list_pane
        # A scan has committed more articles than the list has loaded so far.
        monkeypatch.setattr(type(screen.library), "__len__", lambda self: 2048)
        pane.update_status()
        status = str(pane.query_one("#list-status").render())
        assert "6 articles" in status and "of 2,048" not in status
        pane.query_state = replace(pane.query_state, language="uk")
        await settle(pilot)
        status = str(pane.query_one("#list-status").render())
        assert "of 2,048 articles" in status and "lang uk" in status


async def test_a_slow_list_rebuild_says_sorting_until_its_rows_arrive(
    make_app, monkeypatch
) -> None:
    import threading

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        library = screen.library
        gate = threading.Event()
        real_view = library.view

        def slow_view(query):
            gate.wait(120)  # released by the test (the ceiling only guards against a hang)
            return real_view(query)

        def status() -> str:
            return str(screen.query_one("#list-status").render())

        monkeypatch.setattr(library, "view", slow_view)
        await pilot.press("s")
        await wait_until(pilot, lambda: "sorting…" in status(), "«sorting…»")
        gate.set()
        await settle(pilot)
        await wait_until(pilot, lambda: "sorting…" not in status(), "«sorting…» to go")


async def test_the_configs_cleaning_rules_apply_to_the_apps_list(make_app) -> None:
    from tui.clean import configure_rules
    from tui.config import CleanConfig, Config

    rule = {"name": "sponsored-headline", "pattern": "^Влада Казахстану проводить"}
    app = make_app(Config(clean=CleanConfig(rules=(rule,))))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await ready(pilot)
            source = screen.article_list.source
            titles = {row.id: row.title for row in source.rows(0, len(source))}
            focus = next(i for i in titles if i.startswith("004"))
            assert not titles[focus].startswith("Влада Казахстану проводить")
    finally:
        configure_rules(None)
    app = make_app()  # a later app without rules cleans with the shipped ones again
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        source = screen.article_list.source
        titles = {row.id: row.title for row in source.rows(0, len(source))}
        assert titles[focus].startswith("Влада Казахстану проводить")
