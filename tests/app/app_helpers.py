"""Small helpers shared by the Pilot tests."""

from __future__ import annotations

import time
from collections.abc import Callable

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


async def wait_until(
    pilot: Pilot[int], condition: Callable[[], object], what: str = "", timeout: float = 120.0
) -> None:
    """Let the app run until `condition()` holds; fail after a generous `timeout` (seconds).

    Tests wait for what they need, never for a fixed time: on a busy machine a worker may take
    many times longer than on an idle one."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        await pilot.pause(0.05)  # (not `settle`: a test may hold a worker back on purpose)


async def palette_highlights(pilot: Pilot[int], title: str) -> None:
    """Wait until the open command palette highlights a command whose text holds `title` (its
    search runs in a worker: Enter before it has answered would pick an older match)."""
    from textual.command import CommandList, CommandPalette

    def highlighted() -> bool:
        screen = pilot.app.screen
        if not isinstance(screen, CommandPalette):
            return False
        found = screen.query_one(CommandList)
        if found.highlighted is None:
            return False
        prompt = found.get_option_at_index(found.highlighted).prompt
        return title in getattr(prompt, "plain", str(prompt))

    await wait_until(pilot, highlighted, f"the palette to offer {title!r}")


async def ready(pilot: Pilot[int]) -> MainScreen:
    """Wait until the list is filled; return the main screen."""
    app = pilot.app
    assert isinstance(app, SverkaApp)

    def filled() -> bool:
        screen = app.main_screen
        return (
            screen is not None
            and screen.library is not None
            and bool(len(screen.article_list.source))
            and not screen.list_pane.scan_state
        )

    await wait_until(pilot, filled, "the article list to fill")
    assert app.main_screen is not None
    return app.main_screen


async def open_first(pilot: Pilot[int]) -> MainScreen:
    """Open the article under the cursor and wait for it (and its facts)."""
    screen = await ready(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert screen.article is not None
    return screen
