"""Small helpers shared by the Pilot tests."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from tui.app.app import SverkaApp
from tui.app.screens.main import MainScreen


async def settle(pilot: Pilot[int], rounds: int = 3) -> None:
    """Let workers finish and their messages be handled."""
    for _ in range(rounds):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:  # an exclusive worker replaced by a newer one
            continue
        await pilot.pause()


async def ready(pilot: Pilot[int]) -> MainScreen:
    """Wait until the list is filled; return the main screen."""
    app = pilot.app
    assert isinstance(app, SverkaApp)
    for _ in range(200):
        await settle(pilot, 1)
        screen = app.main_screen
        if (
            screen is not None
            and screen.library is not None
            and len(screen.article_list.source)
            and not screen.list_pane.scan_state
        ):
            return screen
        await pilot.pause(0.02)
    raise AssertionError("the article list never filled")


async def open_first(pilot: Pilot[int]) -> MainScreen:
    """Open the article under the cursor and wait for it (and its facts)."""
    screen = await ready(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert screen.article is not None
    return screen
