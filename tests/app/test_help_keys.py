"""`?` lists the keys of the screen it is pressed on; every binding has an id and can be remapped."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from app_helpers import open_first, ready, settle
from rich.console import Console
from textual.binding import Binding
from textual.dom import DOMNode

import tui.app
from tui.app.keymap import BY_ID, validate_keymap
from tui.app.screens.compare import CompareScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.notes import NotesScreen
from tui.compare import Prepared
from tui.config import Config
from tui.facts.model import Facts


def _app_classes() -> list[type[DOMNode]]:
    classes = []
    for info in pkgutil.walk_packages(tui.app.__path__, "tui.app."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, DOMNode) and cls.__module__ == module.__name__:
                classes.append(cls)
    return classes


def test_every_binding_of_every_screen_and_widget_has_an_id_in_the_keymap() -> None:
    classes = _app_classes()
    assert {c.__name__ for c in classes} >= {"MainScreen", "CompareScreen", "NotesScreen"}
    for cls in classes:
        for binding in cls.__dict__.get("BINDINGS", []):
            assert isinstance(binding, Binding), (cls, binding)
            assert binding.id in BY_ID, (cls.__name__, binding.key, binding.action)
            spec = BY_ID[binding.id]
            assert (binding.key, binding.action) == (spec.keys, spec.action)


def test_keymap_validation_accepts_the_ids_of_every_screen() -> None:
    good, problems = validate_keymap(
        {"compare.next_shared": "n", "notes.edit": "E", "compare.column.down": "ctrl+n"}
    )
    assert problems == []
    assert good == {"compare.next_shared": "n", "notes.edit": "E", "compare.column.down": "ctrl+n"}


def _help_text(app) -> str:
    screen = app.screen
    assert isinstance(screen, HelpScreen)
    from tui.app.screens.help import help_table

    console = Console(width=200, record=True)
    console.print(help_table(app.keymap_in_force, screen.groups))
    return console.export_text()


def _plain(article) -> Prepared:
    return Prepared(article.id, article.raw, article.language, Facts(), article.title, "")


async def test_help_on_the_compare_screen_lists_its_keys_and_not_the_main_screens(
    make_app,
) -> None:
    app = make_app(Config(keymap={"compare.next_shared": "n"}))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(pilot)
        second = screen.article_list.row_at(1).id
        compare = CompareScreen(screen.article, screen.library, second, preparer=_plain)
        app.push_screen(compare)
        await settle(pilot)
        await pilot.press("question_mark")
        text = _help_text(app)
        for key_id in (
            "compare.next_shared",
            "compare.previous_shared",
            "compare.next_disagreement",
            "compare.previous_disagreement",
            "compare.toggle_facts",
            "compare.pick_second",
            "compare.column.down",
            "app.quit",
        ):
            assert key_id in text, key_id
        assert "main.toggle-facts" not in text and "list.open" not in text
        assert "comparison screen" in str(app.screen.query_one("#help-title").render())
        await pilot.press("escape")
        # the remapped key works on the compare screen
        assert compare.comparison is not None and compare.pair_index is None
        await pilot.press("n")
        await pilot.pause()
        assert compare.pair_index == 0 or "No shared passages" in str(
            compare.query_one("#compare-status").render()
        )


async def test_help_on_the_notes_screen_lists_edit_delete_and_scope(make_app, tmp_path) -> None:
    app = make_app(notes_path=tmp_path / "notes.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("N")
        await settle(pilot)
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("question_mark")
        text = _help_text(app)
        for key_id in ("notes.edit", "notes.delete", "notes.toggle-article", "notes.open"):
            assert key_id in text, key_id
        assert "compare.next_shared" not in text


async def test_help_on_the_main_screen_lists_the_panes_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        text = _help_text(app)
        for key_id in ("main.toggle-removed", "list.open", "reader.next-sentence", "facts.select"):
            assert key_id in text, key_id
        assert "notes.edit" not in text and "compare.next_shared" not in text
