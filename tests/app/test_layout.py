"""Layout: the title gets the room, headers read as words, an empty list says why, the status
line keeps what matters when the facts pane narrows the reader."""

from __future__ import annotations

from app_helpers import open_first, ready, settle

from tui.app.widgets.article_list import COLUMN_TITLES, _columns


def _line(widget, y: int) -> str:
    return "".join(segment.text for segment in widget.render_line(y))


def test_titles_keep_most_of_the_row_at_every_width() -> None:
    for width in range(30, 160):
        columns = _columns(width)
        title = width - sum(w + 1 for _, w in columns) - 1
        assert title >= min(width - 2, 29), (width, columns)
        for key, col_width in columns:  # every header is a whole word
            assert len(COLUMN_TITLES[key]) <= col_width, (key, col_width)


async def test_at_120_columns_a_whole_title_fits_and_headers_are_words(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        header = str(screen.query_one("#list-header").render())
        assert "Outlet" in header and "Date" in header
        assert " La " not in header
        rows = [_line(screen.article_list, y) for y in range(len(screen.article_list.source))]
        assert any("США просят Казахстан объясниться" in row for row in rows)


async def test_an_empty_filtered_list_says_why_and_how_to_widen_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"щщщжжж")
        for _ in range(200):
            await settle(pilot, 1)
            if len(screen.article_list.source) == 0 and screen.article_list.empty_hint:
                break
            await pilot.pause(0.02)
        hint = _line(screen.article_list, 1)
        assert "Nothing matches" in hint and "Esc clears the search" in hint
        await pilot.press("escape")
        await settle(pilot)
        assert len(screen.article_list.source) > 0
        assert screen.article_list.empty_hint == ""


async def test_with_the_facts_pane_open_the_status_keeps_the_facts_count_whole(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(pilot)
        for _ in range(300):
            if screen.facts is not None:
                break
            await settle(pilot, 1)
            await pilot.pause(0.02)
        await pilot.press("f")
        await settle(pilot)
        status = screen.query_one("#reader-status")
        text = str(status.render())
        assert text.rstrip().endswith("facts") and "…" not in text
        assert len(text) <= status.size.width
