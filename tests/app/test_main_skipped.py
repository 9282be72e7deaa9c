"""Files the scan cannot read are reported readably on every open, and the rest of the corpus loads."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from app_helpers import ready, settle

from tui.app.app import SverkaApp
from tui.app.screens.main import skipped_summary


def test_skipped_summary_groups_reasons_and_strips_control_characters() -> None:
    line = skipped_summary(
        [("a\x1b[2J.txt", "binary file"), ("b.txt", "empty file"), ("c.txt", "binary file")]
    )
    assert line.startswith("3 file(s) not loaded: 2 binary file, 1 empty file")
    assert "\x1b" not in line


async def test_binary_empty_and_fifo_files_give_one_warning_and_the_rest_loads(
    corpus: Path, make_app: Callable[..., SverkaApp]
) -> None:
    (corpus / "image.txt").write_bytes(b"\x89PNG\x00\x00" * 100)
    (corpus / "empty.txt").write_bytes(b"")
    os.mkfifo(corpus / "pipe.txt")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await settle(pilot)
        assert len(screen.article_list.source) == 6
        warnings = [n for n in app._notifications if n.title == "Files skipped"]
        assert len(warnings) == 1
        assert "not loaded" in warnings[0].message and "binary file" in warnings[0].message


async def test_reopening_a_folder_warns_again_about_files_still_skipped(
    corpus: Path, make_app: Callable[..., SverkaApp]
) -> None:
    (corpus / "image.txt").write_bytes(b"\x89PNG\x00\x00" * 100)
    for _ in range(2):  # the second open finds the file unchanged: nothing is read again
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(pilot)
            await settle(pilot)
            warnings = [n for n in app._notifications if n.title == "Files skipped"]
            assert len(warnings) == 1
            assert "1 file(s) not loaded: 1 binary file" in warnings[0].message
    (corpus / "image.txt").unlink()  # gone: no warning
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert not [n for n in app._notifications if n.title == "Files skipped"]
