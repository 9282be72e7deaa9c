"""Start-up: the catalogue opened before Textual loads paints in the first frame; the scan follows."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import ready, wait_until

from tui.app.library import CatalogueLibrary, LibraryPreload
from tui.index import Catalogue


def _preload(corpus: Path) -> LibraryPreload:
    with Catalogue(corpus) as catalogue:  # a catalogue from an earlier run
        catalogue.refresh(workers=1)
    preload = LibraryPreload(lambda: CatalogueLibrary(corpus))
    preload.library()  # wait for the thread
    return preload


async def test_preloaded_catalogue_fills_the_list_at_mount_then_scans(
    make_app, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.app.screens.main import MainScreen

    def no_worker(self, query):
        raise AssertionError("the preloaded catalogue should not be opened again")

    monkeypatch.setattr(MainScreen, "load_library", no_worker)
    (corpus / "new_article.txt").write_text(
        "Новая статья о выборах\n\nТекст новой статьи, добавленной после прошлого запуска.\n",
        encoding="utf-8",
    )
    preload = _preload(corpus)
    (corpus / "later.txt").write_text("Поздняя статья\n\nЕщё один текст.\n", encoding="utf-8")
    app = make_app(preload=preload)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.main_screen
        assert screen is not None
        # Rows from the catalogue as the last run left it, without a worker.
        assert screen.library is preload.library()
        assert len(screen.article_list.source) in (7, 8)
        screen = await ready(pilot)
        # the scan ran after the first paint and found the new file (the list shows it once its
        # new view is built, which may come after the scan's end on a busy machine)
        await wait_until(pilot, lambda: len(screen.article_list.source) == 8, "the eighth row")


async def test_failed_preload_is_reported_like_any_opening_error(make_app) -> None:
    def broken() -> CatalogueLibrary:
        raise OSError("disk on fire")

    preload = LibraryPreload(broken)
    with pytest.raises(OSError):
        preload.library()
    assert preload.ready() is None
    app = make_app(preload=preload)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        assert "disk on fire" in str(app.main_screen.list_pane.query_one("#list-status").render())


def test_run_app_opens_the_catalogue_before_the_app(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.cli.app_cmd import run_app

    seen = {}

    def fake_run(self):
        preload = self._preload
        seen["rows"] = len(preload.library())
        return 0

    monkeypatch.setattr("tui.app.app.SverkaApp.run", fake_run)
    assert run_app([str(seeds_dir)]) == 0
    assert seen["rows"] >= 0


def test_the_cli_pauses_the_garbage_collector_only_while_the_app_runs(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from tui.cli import main

    seen = {}

    def fake_run(self):
        seen.update(enabled=gc.isenabled(), resume=self._resume_gc)
        return 0

    monkeypatch.setattr("tui.app.app.SverkaApp.run", fake_run)
    assert gc.isenabled()
    assert main([str(seeds_dir)]) == 0
    assert seen == {"enabled": False, "resume": True}
    assert gc.isenabled()


async def test_the_app_resumes_a_paused_garbage_collector_after_the_first_frame(
    make_app,
) -> None:
    import gc

    gc.disable()
    try:
        app = make_app(resume_gc=True)
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(pilot)
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
