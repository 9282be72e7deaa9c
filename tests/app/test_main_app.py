"""Pilot tests of app-wide keys: help, quit, palette, themes, keymap, narrow terminals."""

from __future__ import annotations

from pathlib import Path

from app_helpers import open_first, palette_highlights, ready, settle, wait_until
from textual.command import CommandPalette

from tui import paths
from tui.app.app import SverkaApp, read_state
from tui.app.keymap import KEYS
from tui.app.screens.help import HelpScreen, help_table
from tui.config import Config


async def test_question_mark_shows_help_generated_from_bindings(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


def test_help_table_lists_every_binding_with_remapped_keys() -> None:
    from rich.console import Console

    console = Console(width=200, record=True)
    console.print(help_table({"main.toggle-facts": "F2"}))
    text = console.export_text()
    for spec in KEYS:
        assert spec.id in text
    assert "F2" in text


async def test_q_quits(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_p_palette_lists_every_action_and_themes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        from tui.app.commands import SverkaCommands

        titles = [c.title for c in SverkaCommands(app.screen).commands()]
        for spec in KEYS:
            if spec.in_palette:
                assert spec.title in titles
        assert any(t.startswith("Theme: sverka-light") for t in titles)
        assert "Export notes as Markdown" in titles
        await pilot.press(*"sverka-light")
        await palette_highlights(pilot, "Theme: sverka-light")
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "sverka-light"
        assert read_state()["theme"] == "sverka-light"


async def test_palette_runs_an_action(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(pilot)
        await pilot.press("ctrl+p", *"facts pane")
        await palette_highlights(pilot, "Show or hide the facts pane")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.show_facts


async def test_theme_choice_persists_and_cli_theme_wins(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.theme == "sverka-dark"
        app.set_theme("sverka-high-contrast")
    assert paths.state_file().exists()
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert again.theme == "sverka-high-contrast"
    cli = make_app(theme="sverka-light")
    async with cli.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert cli.theme == "sverka-light"


async def test_broken_theme_file_gives_one_notification(make_app, tmp_path: Path) -> None:
    folder = tmp_path / "themes"
    folder.mkdir()
    (folder / "bad-colour.toml").write_text('primary = "not-a-colour"\n', encoding="utf-8")
    (folder / "extra-key.toml").write_text(
        'primary = "#ffffff"\nsparkle = true\n', encoding="utf-8"
    )
    (folder / "not-toml.toml").write_text("primary = [\n", encoding="utf-8")
    (folder / "fine.toml").write_text('name = "fine"\nprimary = "#6FB0E0"\n', encoding="utf-8")
    app = make_app(theme="bad-colour", theme_folders=[paths.project_themes_dir(), folder])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        notes = list(app._notifications)
        assert len(notes) == 1
        message = notes[0].message
        assert "bad-colour.toml" in message and "not a colour" in message
        assert "extra-key.toml" in message and "sparkle" in message
        assert "not-toml.toml" in message
        assert app.theme == "sverka-dark"
        assert "fine" in app.theme_names


async def test_an_unusable_config_is_said_in_the_first_frame_and_the_app_works(make_app) -> None:
    problem = "/home/u/.config/sverka/config.toml: `theme` must be a string — using the defaults"
    app = make_app(startup_problems=[problem])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        (note,) = list(app._notifications)
        assert "config.toml" in note.message and "theme" in note.message
        await pilot.press("j", "enter")
        await pilot.pause()
        assert screen.article is not None


async def test_keymap_from_config_remaps_a_binding(make_app) -> None:
    config = Config(keymap={"main.toggle-facts": "F2", "no.such-binding": "x"})
    app = make_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert any("no.such-binding" in n.message for n in app._notifications)
        screen = await open_first(pilot)
        await pilot.press("f")
        assert not screen.show_facts
        await pilot.press("f2")
        assert screen.show_facts


async def test_narrow_terminal_collapses_panes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert screen.narrow
        assert screen.article_list.region.width > 0
        assert screen.reader.region.width == 0
        await pilot.press("enter")
        await settle(pilot)
        assert screen.reading
        assert screen.reader.region.width > 0
        assert screen.article_list.region.width == 0
        await pilot.press("f")
        assert screen.facts_pane.region.width > 0
        assert screen.reader.region.width == 0
        await pilot.press("escape")
        assert screen.reader.region.width > 0
        await pilot.press("escape")
        assert not screen.reading
        assert screen.article_list.region.width > 0


async def test_missing_corpus_is_reported_not_raised(tmp_path: Path) -> None:
    app = SverkaApp(Config(), tmp_path / "nowhere")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.is_running
        assert app.main_screen is not None


FIRST_PAINT_NEVER = (
    "natasha", "slovnet", "razdel", "tui.facts", "tui.facts.nlp", "tui.compare", "tui.clean",
    "tui.notes", "tui.index.search", "tui.index.scan", "tui.index.engine", "tantivy", "Stemmer",
    "pymorphy2", "pymorphy3", "langdetect", "multiprocessing", "numpy",
    "tui.app.screens.compare", "tui.app.screens.notes", "tui.app.screens.note_editor",
    "tui.app.screens.help", "tui.app.screens.pick", "tui.app.commands", "tomli_w",
    "tui.corpus.reader", "tui.corpus.decode", "tui.corpus.outlets", "tui.corpus.pubdate",
)  # fmt: skip
"""Modules the first frame never needs: loaded later, on use or after the first paint."""


async def test_first_paint_imports_no_heavy_modules(seeds_dir: Path) -> None:
    import os
    import subprocess
    import sys

    from tui.index import Catalogue

    with Catalogue(seeds_dir) as catalogue:  # in SVERKA_CACHE_DIR, set for every test
        catalogue.refresh(workers=1)
    # What `sverka CORPUS` loads before its first frame: the app modules, and the catalogue with
    # the first rows opened by the preload thread (not its scan, its search engine, the cleaner).
    code = (
        "import sys; from pathlib import Path; import tui.app.app, tui.cli.app_cmd;"
        "from tui.app.library import CatalogueLibrary, LibraryPreload, ViewQuery;"
        f"p = LibraryPreload(lambda: CatalogueLibrary(Path({str(seeds_dir)!r})));"
        "library = p.library(); assert len(p.ready()[1].rows(0, 40)) == 5;"
        f"heavy=[m for m in {FIRST_PAINT_NEVER!r} if m in sys.modules];"
        "print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    ).stdout
    assert out.strip() == "[]"


async def test_reopening_resumes_the_last_article(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("j", "j", "enter")
        await settle(pilot)
        opened = screen.article.id
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await settle(pilot)
        assert screen.article_list.highlighted_row.id == opened
        assert again.focused is screen.article_list


async def test_a_keymap_conflict_is_reported_at_start(make_app) -> None:
    # «n» for facts: the note key would never run on the main screen (issue 20, item 12)
    app = make_app(Config(keymap={"main.toggle-facts": "n"}))
    async with app.run_test(size=(120, 40)) as pilot:

        def reported() -> bool:
            messages = [n.message for n in app._notifications]
            return any("'main.note' and 'main.toggle-facts'" in m and "'n'" in m for m in messages)

        await wait_until(pilot, reported, "the keymap conflict to be reported")
