"""Pilot tests of the facts pane: grouping, jump to a mention, other articles mentioning it."""

from __future__ import annotations

from app_helpers import open_first, ready, settle, wait_until


async def _open_with_facts(pilot):
    screen = await open_first(pilot)
    await wait_until(pilot, lambda: screen.facts is not None, "the facts")
    return screen


async def test_f_shows_facts_grouped_by_kind(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_with_facts(pilot)
        assert not screen.show_facts
        await pilot.press("f")
        assert screen.show_facts
        tree = screen.facts_pane.facts_tree
        assert app.focused is tree
        kinds = [str(node.label).split(" (")[0] for node in tree.root.children]
        assert kinds == ["Entities", "Dates", "Quantities", "Quotes", "Sources"]
        await pilot.press("f")
        assert not screen.show_facts


async def test_choosing_a_fact_jumps_to_its_mention_and_lists_other_articles(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_with_facts(pilot)
        await pilot.press("f")
        tree = screen.facts_pane.facts_tree
        entities = tree.root.children[0]
        assert entities.children, "the seed article should have entities"
        leaf = entities.children[0]
        tree.move_cursor(leaf)
        await pilot.press("enter")
        await settle(pilot)
        item = leaf.data
        start, end = item.mentions[0]
        assert screen.reader._mention == (start, end)
        others = screen.query_one("#facts-others")
        title = str(screen.query_one("#facts-others-title").render())
        assert others.option_count > 0 or "No other article" in title
        # Choosing it again goes to the next mention.
        await pilot.press("enter")
        if len(item.mentions) > 1:
            assert screen.reader._mention == item.mentions[1]


async def test_other_article_opens_from_the_facts_pane(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_with_facts(pilot)
        first_id = screen.article.id
        await pilot.press("f")
        tree = screen.facts_pane.facts_tree
        others = screen.query_one("#facts-others")
        for leaf in tree.root.children[0].children:
            tree.move_cursor(leaf)
            await pilot.press("enter")
            await settle(pilot)
            if others.option_count:
                break
        if not others.option_count:
            return  # no shared entity in this corpus: nothing more to check
        others.focus()
        others.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        assert screen.article.id != first_id


async def test_narrow_terminal_shows_the_mention_then_f_returns_to_the_facts(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_with_facts(pilot)
        await pilot.press("f")
        assert screen.facts_pane.region.width > 0
        tree = screen.facts_pane.facts_tree
        tree.move_cursor(tree.root.children[0].children[0])
        await pilot.press("enter")
        await settle(pilot)
        assert screen.reader.region.width > 0 and screen.facts_pane.region.width == 0
        assert screen.reader._mention is not None
        await pilot.press("f")
        assert screen.facts_pane.region.width > 0


async def test_facts_tree_vim_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_with_facts(pilot)
        await pilot.press("f")
        tree = screen.facts_pane.facts_tree
        assert tree.cursor_line == 1, "the cursor starts on the first fact"
        await pilot.press("j", "j")
        assert tree.cursor_line == 3
        await pilot.press("k")
        assert tree.cursor_line == 2
        await pilot.press("G")
        assert tree.cursor_line == tree.last_line
        await pilot.press("g")
        assert tree.cursor_line == 0


async def test_keys_keep_working_while_facts_are_extracted(tmp_path) -> None:
    import threading

    from snapshot_app import articles, clean, extract

    from tui.app.app import SverkaApp
    from tui.app.library import MemoryLibrary
    from tui.config import Config

    release = threading.Event()

    def slow_extract(article, document):  # type: ignore[no-untyped-def]
        release.wait(120)  # released by the test (the ceiling only guards against a hang)
        return extract(article, document)

    library = MemoryLibrary(tmp_path, articles(tmp_path))
    app = SverkaApp(
        Config(), tmp_path, open_library=lambda: library, cleaner=clean, extractor=slow_extract
    )
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen.document is not None, "the article to open")
        await pilot.press("f")
        assert screen.facts_pane.query_one("#facts-busy").display
        assert screen.facts is None
        # The UI answers while the worker runs.
        await pilot.press("tab")
        assert app.focused is screen.article_list
        await pilot.press("j")
        assert screen.article_list.cursor == 1
        release.set()
        await settle(pilot)
        assert screen.facts is not None
        assert not screen.facts_pane.query_one("#facts-busy").display
