"""From a fact, a note or «Also mentioned in» straight to the passage; noted passages marked."""

from __future__ import annotations

from pathlib import Path

from app_helpers import ready, settle
from snapshot_app import articles, clean, snapshot_app

from tui.app.screens.notes import NotesScreen
from tui.notes import NotesStore, make_anchor


async def _open(pilot, screen, article_id: str) -> None:
    screen.open_article(article_id)
    await settle(pilot)
    for _ in range(100):
        if screen.article is not None and screen.article.id == article_id and screen.facts:
            return
        await pilot.pause(0.02)
    raise AssertionError(f"{article_id} never opened")


async def test_also_mentioned_in_can_be_reached_with_tab_and_opens_at_the_mention(
    tmp_path: Path,
) -> None:
    app = snapshot_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await _open(pilot, screen, "001_kloop")
        await pilot.press("f")
        tree = screen.facts_pane.facts_tree
        leaf = next(
            n for n in tree.root.children[0].children if n.data and n.data.key.endswith("казахстан")
        )
        tree.move_cursor(leaf)
        await pilot.press("enter")
        await settle(pilot)
        others = screen.facts_pane.others_list
        assert others.display and others.option_count >= 1
        await pilot.press("tab")
        assert screen.focused is others
        others.highlighted = [
            others.get_option_at_index(i).id for i in range(others.option_count)
        ].index("002_focus")
        await pilot.press("enter")
        await settle(pilot)
        for _ in range(100):
            if screen.article.id == "002_focus" and screen.reader._mention is not None:
                break
            await pilot.pause(0.02)
        assert screen.article.id == "002_focus"
        start, end = screen.reader._mention
        assert screen.document.text[start:end] == "Казахстану"


async def test_enter_on_a_note_opens_its_article_at_the_passage_which_is_marked(
    tmp_path: Path,
) -> None:
    notes = tmp_path / "notes.toml"
    target = articles(tmp_path)[1]
    text = clean(target).text
    start = text.index("Президент")
    end = text.index("порядку.") + len("порядку.")
    store = NotesStore(notes)
    store.load()
    store.add(target.id, "сверить с МВД", anchor=make_anchor(text, start, end))
    app = snapshot_app(tmp_path)
    app.notes_path = notes
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await _open(pilot, screen, "001_kloop")
        assert screen.reader.noted == []
        await pilot.press("N")
        await settle(pilot)
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("a")  # all notes, not only this article's
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        for _ in range(100):
            if screen.article and screen.article.id == target.id and screen.reader.noted:
                break
            await pilot.pause(0.02)
        assert app.screen is screen
        assert screen.article.id == target.id
        assert screen.reader._mention == (start, end)
        assert screen.reader.noted == [(start, end)]
        assert screen.focused is screen.reader
