"""Pilot tests of the keys that open other issues' screens: n, N, c, and notes export."""

from __future__ import annotations

from app_helpers import open_first, palette_highlights, ready, settle

from tui.app.screens.compare import CompareScreen
from tui.app.screens.note_editor import NoteEditor
from tui.app.screens.notes import NotesScreen


async def test_n_adds_a_note_to_the_selected_sentence(make_app, tmp_path) -> None:
    notes = tmp_path / "notes.toml"
    app = make_app(notes_path=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(pilot)
        await pilot.press("right_parenthesis")
        span = screen.reader.selected_span
        assert span is not None
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"проверить цифры")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, NoteEditor)
        saved = app.notes_store().list()
        assert len(saved) == 1
        assert saved[0].article_id == screen.article.id
        assert saved[0].anchor is not None
        assert saved[0].anchor.quote == screen.document.text[span[0] : span[1]]


async def test_n_without_selection_notes_the_whole_article(make_app, tmp_path) -> None:
    app = make_app(notes_path=tmp_path / "notes.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.passage is None
        await pilot.press("escape")
        assert not isinstance(app.screen, NoteEditor)


async def test_capital_n_shows_notes_and_escape_returns(make_app, tmp_path) -> None:
    app = make_app(notes_path=tmp_path / "notes.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_export_from_the_palette_writes_a_file(make_app, tmp_path) -> None:
    notes = tmp_path / "notes.toml"
    app = make_app(notes_path=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(pilot)
        app.notes_store().add(screen.article.id, "заметка")
        await pilot.press("ctrl+p", *"Export notes as Markdown")
        await palette_highlights(pilot, "Export notes as Markdown")
        await pilot.press("enter")
        await settle(pilot)
        exported = tmp_path / "notes-export.md"
        assert exported.exists()
        assert "заметка" in exported.read_text(encoding="utf-8")


async def test_c_opens_the_comparison(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen), "c needs an open article"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen) or isinstance(
            app.screen_stack[-2], CompareScreen
        )
