"""Snapshots of what a person sees: the main screen, the facts pane and the help screen.

They run on `snapshot_app` (fixed articles and a fixed pipeline), so they change only when the
app's look changes. Update after an intended change with
`pytest tests/app/test_main_snapshots.py --snapshot-update` and look at the SVGs in
`__snapshots__/` before committing.
"""

from __future__ import annotations

from pathlib import Path

from app_helpers import ready, settle
from snapshot_app import snapshot_app

SIZE = (120, 40)


async def _open_kloop(pilot) -> None:  # type: ignore[no-untyped-def]
    screen = await ready(pilot)
    await pilot.press("j", "enter")
    await settle(pilot)
    assert screen.facts is not None


def test_main_screen(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(snapshot_app(tmp_path), terminal_size=SIZE, run_before=_open_kloop)


def test_main_screen_with_selected_sentence_and_removed_blocks(
    snap_compare, tmp_path: Path
) -> None:
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _open_kloop(pilot)
        await pilot.press("x", "right_parenthesis", "right_parenthesis")
        await pilot.pause()

    assert snap_compare(snapshot_app(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_facts_pane(snap_compare, tmp_path: Path) -> None:
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _open_kloop(pilot)
        await pilot.press("f", "down", "enter")
        await settle(pilot)

    assert snap_compare(snapshot_app(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare, tmp_path: Path) -> None:
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(snapshot_app(tmp_path), terminal_size=SIZE, run_before=run_before)


def test_main_screen_narrow(snap_compare, tmp_path: Path) -> None:
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)

    assert snap_compare(snapshot_app(tmp_path), terminal_size=(80, 24), run_before=run_before)


def test_reader_narrow(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(snapshot_app(tmp_path), terminal_size=(80, 24), run_before=_open_kloop)
