"""Snapshots of what a person sees: the main screen, the facts pane and the help screen.

Update after an intended change with `pytest tests/app/test_main_snapshots.py --snapshot-update`
and look at the SVGs in `__snapshots__/` before committing.
"""

from __future__ import annotations

from app_helpers import open_first, ready, settle

SIZE = (120, 40)


async def _facts_arrived(pilot) -> None:  # type: ignore[no-untyped-def]
    screen = await open_first(pilot)
    for _ in range(100):
        if screen.facts is not None:
            break
        await settle(pilot)
        await pilot.pause(0.05)
    await settle(pilot)


def test_main_screen(snap_compare, make_app) -> None:
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _facts_arrived(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_facts_pane(snap_compare, make_app) -> None:
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _facts_arrived(pilot)
        await pilot.press("f", "down", "enter")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare, make_app) -> None:
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_main_screen_narrow(snap_compare, make_app) -> None:
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)
