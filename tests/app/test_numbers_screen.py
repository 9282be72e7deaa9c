"""The Numbers screen: the ledger of the listed articles, Enter opens the article at the figure."""

from __future__ import annotations

from pathlib import Path

from app_helpers import ready, settle
from snapshot_app import snapshot_app
from textual.widgets import OptionList

from tui.app.keymap import BY_ID
from tui.app.screens.numbers import NumbersScreen


async def wait_ledger(pilot, screen: NumbersScreen) -> None:  # type: ignore[no-untyped-def]
    for _ in range(300):
        await settle(pilot, 1)
        if screen.measures is not None:
            return
        await pilot.pause(0.05)
    raise AssertionError("the ledger never came")


async def test_number_sign_lists_figures_by_measure_and_enter_opens_the_article(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(pilot)
        await pilot.press("number_sign")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NumbersScreen)
        await wait_ledger(pilot, screen)
        detained = [m for m in screen.measures or [] if m.measure == "detained"]
        assert detained and {7939, 1925} <= {e.value for e in detained[0].entries}
        options = screen.query_one(OptionList)
        target = next(oid for oid, e in screen.entries.items() if e.value == 1925)
        options.highlighted = options.get_option_index(target)
        entry = screen.current_entry
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is main
        assert main.article is not None and main.article.id == entry.article
        for _ in range(100):
            if main.document is not None:
                break
            await pilot.pause(0.05)
        text = main.document.text
        assert "1 925" in text[entry.sentence_start : entry.sentence_end]


async def test_escape_leaves_the_numbers_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        main = await ready(pilot)
        await pilot.press("number_sign")
        await pilot.pause()
        assert isinstance(app.screen, NumbersScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is main


def test_numbers_key_is_in_help_and_palette_with_an_id() -> None:
    spec = BY_ID["main.numbers"]
    assert spec.in_palette and spec.show and "Numbers" in spec.title
    assert {"numbers.open", "numbers.close", "numbers.next-measure"} <= set(BY_ID)


async def test_next_measure_jumps_to_the_first_figure_of_the_next_measure(tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await pilot.press("number_sign")
        screen = app.screen
        assert isinstance(screen, NumbersScreen)
        await wait_ledger(pilot, screen)
        options = screen.query_one(OptionList)
        assert options.highlighted == 1  # the first figure, under its measure's header
        await pilot.press("right_square_bracket")
        assert options.highlighted == 1  # one measure only: back to its first figure


def test_numbers_screen_snapshot(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)
        await pilot.press("number_sign")
        await wait_ledger(pilot, pilot.app.screen)

    assert snap_compare(snapshot_app(tmp_path), terminal_size=(100, 20), run_before=run_before)
