"""Pilot tests of the notes pane and the note editor, on a tiny host app (not the full Sverka app)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Input, Label, OptionList, Static, TextArea

from tui.app.screens.note_editor import DiscardChanges, NoteEditor
from tui.app.screens.notes import ConfirmDelete, NotesScreen
from tui.notes import ArticleMeta, Note, NotesStore, make_anchor

HOSTILE = "[@click=app.quit]жми[/] [b]жирный[/b] \x1b[31mкрасный"
DOC = "Заголовок\n\nПогибли 10 человек, ещё 25 ранены.\n\nМинистр заявил, что расследование продолжается."


class Host(App[None]):
    """Pushes one screen and records what it dismissed with."""

    def __init__(self, make_screen: Any) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.results: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Label("host")

    def on_mount(self) -> None:
        self.push_screen(self.make_screen(), self.results.append)


def loaded(path: Path) -> NotesStore:
    store = NotesStore(path)
    store.load()
    return store


def text_of(widget: Static) -> str:
    return str(widget.render())


async def test_new_passage_note_is_saved_with_tags(tmp_path: Path) -> None:
    store = loaded(tmp_path / "notes.toml")
    article = SimpleNamespace(id="rbc/1", title="Встреча", outlet="rbc.ru", date="2022-01-05")
    document = SimpleNamespace(text=DOC)
    span = (DOC.index("Погибли"), DOC.index(", ещё"))
    app = Host(lambda: NoteEditor.for_article(store, article, document, span))
    async with app.run_test() as pilot:
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert "Погибли 10 человек" in text_of(editor.query_one("#note-editor-quote", Static))
        await pilot.press(*"проверить")
        await pilot.press("tab")
        assert isinstance(app.focused, Input)
        for ch in "факты, Жертвы":
            await pilot.press("space" if ch == " " else ch)
        await pilot.press("ctrl+s")
        await pilot.pause()
    (note,) = app.results
    assert isinstance(note, Note)
    assert note.text == "проверить" and note.tags == ("факты", "Жертвы")
    assert note.quote == "Погибли 10 человек" and note.anchor is not None
    assert note.article == ArticleMeta("Встреча", "rbc.ru", "2022-01-05")
    assert loaded(tmp_path / "notes.toml").list() == [note]


async def test_escape_asks_before_discarding_a_typed_note(tmp_path: Path) -> None:
    store = loaded(tmp_path / "notes.toml")
    app = Host(lambda: NoteEditor(store, "a"))
    async with app.run_test() as pilot:
        await pilot.press(*"draft")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DiscardChanges)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor) and app.screen.query_one(TextArea).text == "draft"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.results == [None]
    assert not (tmp_path / "notes.toml").exists()


async def test_empty_note_is_not_saved(tmp_path: Path) -> None:
    store = loaded(tmp_path / "notes.toml")
    app = Host(lambda: NoteEditor(store, "a"))
    async with app.run_test() as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor) and app.results == []
    assert len(store) == 0


async def test_edit_keeps_untouched_text_exactly_and_never_renders_markup(tmp_path: Path) -> None:
    store = loaded(tmp_path / "notes.toml")
    original = store.add("a", HOSTILE + "\r\nвторая строка", tags=["x"], quote="[i]цитата[/i]")
    app = Host(lambda: NoteEditor(store, note=original))
    async with app.run_test() as pilot:
        area = app.screen.query_one(TextArea)
        assert "[@click=app.quit]" in area.text and "\x1b" not in area.text
        assert "[i]цитата[/i]" in text_of(app.screen.query_one("#note-editor-quote", Static))
        tags = app.screen.query_one("#note-editor-tags", Input)
        tags.value = "x, y"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (note,) = app.results
    assert note.text == original.text  # the TextArea's view of it was not saved over it
    assert note.tags == ("x", "y")
    assert loaded(tmp_path / "notes.toml").get(original.id).tags == ("x", "y")


async def test_save_failure_keeps_the_note_and_leaves_the_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    store = loaded(path)
    path.write_bytes(b"[[notes]\nbroken")  # hand-edited while the app runs
    app = Host(lambda: NoteEditor(store, "a"))
    async with app.run_test() as pilot:
        await pilot.press(*"important")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("not written" in (n.title or "") for n in app._notifications)
    (note,) = app.results
    assert note is not None and note.text == "important" and store.pending
    assert path.read_bytes() == b"[[notes]\nbroken"


def seeded(path: Path) -> tuple[NotesStore, dict[str, Note]]:
    store = loaded(path)
    start = DOC.index("Погибли")
    notes = {
        "a": store.add("art-a", "про жертвы", anchor=make_anchor(DOC, start, start + 18), tags=["жертвы"],
                       article=ArticleMeta("Статья А", "rbc.ru", "2022-01-05")),
        "b": store.add("art-b", HOSTILE, tags=["проверить"], article=ArticleMeta("Статья Б")),
        "c": store.add("art-a", "министр", tags=["жертвы", "министр"],
                       anchor=make_anchor(DOC, DOC.index("Министр"), DOC.index("Министр") + 7)),
    }  # fmt: skip
    return store, notes


async def test_notes_screen_lists_filters_and_marks_orphans(tmp_path: Path) -> None:
    store, notes = seeded(tmp_path / "notes.toml")
    new_text = "Заголовок\n\nВсе живы.\n\nМинистр заявил, что расследование продолжается."
    app = Host(
        lambda: NotesScreen(store, documents=lambda aid: new_text if aid == "art-a" else None)
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        assert [n.id for n in screen.shown] == [notes[k].id for k in "abc"]
        first = str(screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "orphaned" in first
        second = str(screen.query_one(OptionList).get_option_at_index(1).prompt)
        assert "[@click=app.quit]" in second and "\x1b" not in second
        assert "orphaned" not in str(screen.query_one(OptionList).get_option_at_index(2).prompt)
        await pilot.press("slash")
        await pilot.press(*"жерт")
        await pilot.pause()
        assert [n.id for n in screen.shown] == [notes["a"].id, notes["c"].id]
        await pilot.press("enter")  # back to the list
        assert isinstance(app.focused, OptionList)
        await pilot.press("j")
        assert screen.current_note() == store.get(notes["c"].id)
    reloaded = loaded(tmp_path / "notes.toml")
    assert reloaded.get(notes["a"].id).orphaned  # the re-anchoring was saved, the note kept
    assert reloaded.get(notes["c"].id).anchor.start == new_text.index("Министр")  # type: ignore[union-attr]


async def test_delete_asks_first(tmp_path: Path) -> None:
    store, notes = seeded(tmp_path / "notes.toml")
    app = Host(lambda: NotesScreen(store))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDelete)
        await pilot.press("n")
        await pilot.pause()
        assert len(store) == 3
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        assert notes["a"].id not in store and len(app.screen.shown) == 2
    assert notes["a"].id not in loaded(tmp_path / "notes.toml")


async def test_enter_closes_the_notes_with_the_note_to_open(tmp_path: Path) -> None:
    store, notes = seeded(tmp_path / "notes.toml")
    app = Host(lambda: NotesScreen(store, article_id="art-b"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
    assert [n.id if n else n for n in app.results] == [notes["b"].id]


async def test_e_edits_the_highlighted_note(tmp_path: Path) -> None:
    store, notes = seeded(tmp_path / "notes.toml")
    app = Host(lambda: NotesScreen(store, article_id="art-b"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert [n.id for n in screen.shown] == [notes["b"].id]  # starts with this article's notes
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        area = app.screen.query_one(TextArea)
        area.text = "переписано"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert "переписано" in str(screen.query_one(OptionList).get_option_at_index(0).prompt)
        await pilot.press("a")  # all notes
        await pilot.pause()
        assert len(screen.shown) == 3
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]
    assert loaded(tmp_path / "notes.toml").get(notes["b"].id).text == "переписано"


async def test_notes_added_by_another_instance_show_up(tmp_path: Path) -> None:
    store, _ = seeded(tmp_path / "notes.toml")
    loaded(tmp_path / "notes.toml").add("art-z", "from the other window")
    app = Host(lambda: NotesScreen(store))
    async with app.run_test(size=(100, 30)):
        assert "from the other window" in [n.text for n in app.screen.shown]


async def test_escape_on_an_untouched_editor_closes_at_once(tmp_path: Path) -> None:
    store = loaded(tmp_path / "notes.toml")
    note = store.add("a", "existing", tags=["t"])
    app = Host(lambda: NoteEditor(store, note=note))
    async with app.run_test() as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None] and store.get(note.id) == note


async def test_tags_complete_from_tags_in_use(tmp_path: Path) -> None:
    store = loaded(tmp_path / "notes.toml")
    store.add("a", "old", tags=["Проверить", "жертвы"])
    app = Host(lambda: NoteEditor(store, "b"))
    async with app.run_test() as pilot:
        await pilot.press(*"new", "tab")
        await pilot.press(*"жер")
        await pilot.pause()
        await pilot.press("right")  # accept the suggestion
        for ch in ", про":
            await pilot.press("space" if ch == " " else ("comma" if ch == "," else ch))
        await pilot.pause()
        await pilot.press("right")
        assert app.screen.query_one("#note-editor-tags", Input).value == "жертвы, Проверить"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results[0].tags == ("жертвы", "Проверить")


async def test_notes_screen_orphans_a_note_whose_article_changed_identity(tmp_path: Path) -> None:
    """The file under a note's id now holds another article (issue 20, item 1): the note is
    listed as orphaned with the reason, its passage is not looked for in the other text — even
    where that text holds the same words — and a note on the right article is left alone."""
    from tui.notes import ArticleState

    store = loaded(tmp_path / "notes.toml")
    start = DOC.index("Министр")
    meta = ArticleMeta(title="Заголовок", sha1="aaa")
    moved = store.add("art-a", "про министра", anchor=make_anchor(DOC, start, start + 14),
                      article=meta)  # fmt: skip
    whole = store.add("art-a", "на всю статью", article=meta)
    kept = store.add("art-b", "другая", article=ArticleMeta(title="Вторая", sha1="bbb"))
    other = "Совсем другая статья\n\nМинистр заявил, что всё спокойно."  # same quote words
    states = {
        "art-a": ArticleState(other, sha1="ccc", title="Совсем другая статья"),
        "art-b": ArticleState("Вторая\n\nТекст.", sha1="bbb", title="Вторая"),
    }
    app = Host(lambda: NotesScreen(store, documents=states.get))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        labels = [
            str(screen.query_one(OptionList).get_option_at_index(i).prompt) for i in (0, 1, 2)
        ]
        assert "orphaned" in labels[0] and "orphaned" in labels[1]
        assert "orphaned" not in labels[2]
        preview = text_of(screen.query_one("#notes-preview", Static))
        assert "no longer the one this note was made on" in preview
    reloaded = loaded(tmp_path / "notes.toml")
    assert reloaded.get(moved.id).detached and reloaded.get(whole.id).detached
    assert reloaded.get(moved.id).anchor == moved.anchor  # not moved into the other text
    assert not reloaded.get(kept.id).detached
