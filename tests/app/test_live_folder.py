"""The folder is live: files added, changed or removed while the app runs show in the list."""

from __future__ import annotations

from pathlib import Path

from app_helpers import ready, settle

PAGE = (
    "{title}\n\n"
    "Агентство сообщает, что в Алматы в понедельник открылись банки и заработала мобильная "
    "связь, а власти сняли ограничения на передвижение по городу в дневное время.\n"
)


async def _until(pilot, condition, what: str, ceiling: int = 1500) -> None:
    """Poll (no wall-clock assumption: a generous number of rounds)."""
    for _ in range(ceiling):
        if condition():
            return
        await settle(pilot, 1)
        await pilot.pause(0.02)
    raise AssertionError(what)


def _titles(screen) -> list[str]:
    source = screen.article_list.source
    return [row.title for row in source.rows(0, len(source))]


async def test_files_added_changed_and_removed_show_while_the_app_runs(
    make_app, corpus: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        before = len(screen.article_list.source)
        new = corpus / "zz_live.txt"
        new.write_text(PAGE.format(title="В Алматы заработала связь"), encoding="utf-8")
        await _until(
            pilot, lambda: "В Алматы заработала связь" in _titles(screen), "added file not shown"
        )
        assert len(screen.article_list.source) == before + 1
        assert f"{before + 1} articles" in str(screen.query_one("#list-status").render())

        new.write_text(PAGE.format(title="В Алматы открылись банки"), encoding="utf-8")
        await _until(
            pilot, lambda: "В Алматы открылись банки" in _titles(screen), "change not shown"
        )
        assert "В Алматы заработала связь" not in _titles(screen)

        new.unlink()
        await _until(pilot, lambda: len(screen.article_list.source) == before, "removal not shown")
        assert "В Алматы открылись банки" not in _titles(screen)


async def test_open_folder_from_the_palette_reads_another_corpus(make_app, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text(PAGE.format(title="В Алматы заработала связь"), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("ctrl+p", *"Open folder")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        from tui.app.screens.open_folder import OpenFolder

        assert isinstance(app.screen, OpenFolder)
        box = app.screen.query_one("#open-folder-path")
        box.value = str(tmp_path / "missing")
        await pilot.press("enter")
        assert isinstance(app.screen, OpenFolder)  # says why, stays open
        assert "No such folder" in str(app.screen.query_one("#open-folder-problem").render())
        box.value = str(other)
        await pilot.press("enter")
        await _until(pilot, lambda: _titles(screen) == ["В Алматы заработала связь"], "not read")
        assert app.corpus_path == other
        # and the new folder is live too
        (other / "b.txt").write_text(
            PAGE.format(title="В Алматы открылись банки"), encoding="utf-8"
        )
        await _until(pilot, lambda: len(_titles(screen)) == 2, "new folder not watched")
