"""Search that lands: Enter opens the best hit, its words are highlighted, n/N go through them,
`/` finds within the open article, and the hits carry snippets."""

from __future__ import annotations

from app_helpers import ready, settle

from tui.app.screens.note_editor import NoteEditor


async def _wait(pilot, condition, what: str) -> None:
    for _ in range(300):
        if condition():
            return
        await settle(pilot, 1)
        await pilot.pause(0.02)
    raise AssertionError(what)


async def test_enter_in_the_search_box_opens_the_best_hit_with_its_matches(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("G")  # the cursor away from the top: it must not stay there
        await pilot.press("slash", *"Токаев", "enter")
        await _wait(pilot, lambda: screen.article is not None, "no article opened")
        articles = screen.article_list
        best = articles.row_at(0)
        assert screen.article.id == best.id and articles.cursor == 0
        assert articles.open_id == best.id
        text = screen.document.text
        matches = screen.reader.matches
        assert matches, "the search words are highlighted in the reading view"
        for start, end in matches:
            assert text[start:end].casefold().startswith(("токаев", "токаєв")), text[start:end]
        assert screen.reader.current_match == 0
        assert screen.focused is screen.reader
        status = str(screen.query_one("#reader-status").render())
        assert f"match 1/{len(matches)}" in status
        if len(matches) > 1:
            await pilot.press("n")
            assert screen.reader.current_match == 1
            await pilot.press("N")
            assert screen.reader.current_match == 0
        await pilot.press("N")
        assert screen.reader.current_match == len(matches) - 1  # wraps around


async def test_search_hits_show_a_snippet_line_with_the_word(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"задержан")
        articles = screen.article_list
        await _wait(pilot, lambda: getattr(articles.source, "snippets", None), "no snippets")
        first = articles.row_at(0)
        snippet = articles.source.snippets[first.id]
        assert "задерж" in snippet.casefold()  # a word form of «задержан»
        line = "".join(s.text for s in articles.render_line(1))
        assert line.strip()[:20] in " ".join(snippet.split())


async def test_slash_in_the_article_finds_word_forms_and_n_walks_them(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("enter")
        await _wait(pilot, lambda: screen.article is not None, "no article opened")
        assert screen.reader.matches == []
        await pilot.press("slash")
        assert screen.focused is screen.find_input
        await pilot.press(*"Казахстан", "enter")
        matches = screen.reader.matches
        assert len(matches) >= 2
        text = screen.document.text
        # word forms: «Казахстане», «Казахстана» are found by «Казахстан»
        assert all(text[s:e].casefold().startswith("казахстан") for s, e in matches)
        assert screen.focused is screen.reader
        assert screen.reader.current_match == 0
        await pilot.press("n")
        assert screen.reader.current_match == 1
        await pilot.press("escape")  # drops the matches; n adds a note again
        assert screen.reader.matches == []
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
