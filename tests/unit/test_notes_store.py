"""NotesStore: persistence, merge of concurrent changes, refusal to overwrite what it cannot read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.notes import ArticleMeta, NotesError, NotesStore, make_anchor, resolve_notes_path, safefile
from tui.paths import default_notes_file

DOC = "Заголовок\n\nВ Киеве прошла встреча.\n\nПогибли 10 человек."


def fresh(path: Path) -> NotesStore:
    store = NotesStore(path)
    store.load()
    return store


def test_add_update_delete_persist(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "notes.toml"
    store = fresh(path)
    meta = ArticleMeta(title="Встреча", outlet="rbc.ru", date="2022-01-05")
    a = store.add("rbc/1", "первая", tags=["проверить", "Проверить", " two  words "], article=meta)
    anchor = make_anchor(DOC, DOC.index("Погибли"), len(DOC))
    b = store.add("rbc/1", "вторая", anchor=anchor)
    assert a.tags == ("проверить", "Проверить", "two words")
    assert b.quote == "Погибли 10 человек." and b.anchor == anchor

    again = fresh(path)
    assert again.list() == store.list()
    assert again.get(a.id).article == meta

    store.update(a.id, text="изменённая", tags=["x"])
    store.delete(b.id)
    again = fresh(path)
    assert [n.text for n in again.list()] == ["изменённая"]
    assert again.get(a.id).tags == ("x",)
    assert again.get(a.id).created == a.created
    assert again.get(a.id).updated >= a.updated


def test_list_filters_by_article_and_tag(tmp_path: Path) -> None:
    store = fresh(tmp_path / "n.toml")
    store.add("a", "1", tags=["Red"])
    store.add("b", "2", tags=["blue"])
    store.add("a", "3")
    assert [n.text for n in store.list(article_id="a")] == ["1", "3"]
    assert [n.text for n in store.list(tag="red")] == ["1"]
    assert store.tags() == ["blue", "Red"]


@pytest.mark.parametrize(
    "content",
    [
        b"this is [not toml",
        b"\xff\xfe not utf-8",
        b'version = 99\n[[notes]]\nid = "x"\narticle = "a"\n',
        b'[[notes]]\nid = "x"\narticle = "a"\ncolour = "red"\n',
        b'[[notes]]\narticle = "a"\ntext = "no id"\n',
        b'[[notes]]\nid = "x"\narticle = "a"\n[[notes]]\nid = "x"\narticle = "b"\n',
        b'[[notes]]\nid = "x"\narticle = "a"\n[notes.anchor]\nquote = "q"\nstart = -1\nend = 2\n',
    ],
)
def test_unreadable_file_is_never_overwritten(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.toml"
    path.write_bytes(content)
    store = NotesStore(path)
    with pytest.raises(NotesError) as err:
        store.load()
    assert str(path) in str(err.value) and "\n" not in str(err.value)
    # The caller keeps working: the note is in memory, pending, and the file untouched.
    with pytest.raises(NotesError):
        store.add("a", "не потерять")
    assert store.pending and [n.text for n in store.list()] == ["не потерять"]
    assert path.read_bytes() == content
    assert not list(tmp_path.glob("notes.toml.[0-9]"))


def test_file_broken_while_running_is_left_alone_then_merged_once_fixed(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    store = fresh(path)
    first = store.add("a", "first")
    good = path.read_bytes()
    broken = good.replace(b"[[notes]]", b"[[notes]")
    path.write_bytes(broken)
    with pytest.raises(NotesError):
        store.add("a", "second")
    assert path.read_bytes() == broken
    path.write_bytes(good)  # the user fixes the hand edit
    store.save()
    assert [n.text for n in fresh(path).list()] == ["first", "second"]
    assert first.id in store


def test_concurrent_instances_merge_adds_edits_and_deletes(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    one = fresh(path)
    keep = one.add("a", "keep")
    gone = one.add("a", "delete me")
    edit = one.add("a", "edit me")
    two = fresh(path)
    one.add("a", "from one")
    two.add("b", "from two")
    two.delete(gone.id)
    one.update(edit.id, text="edited by one")
    two.update(keep.id, tags=["by-two"])
    one.save()
    final = {n.text: n for n in fresh(path).list()}
    assert set(final) == {"keep", "edited by one", "from one", "from two"}
    assert final["keep"].tags == ("by-two",)
    assert one.list() == fresh(path).list()


def test_same_field_edited_twice_keeps_both_versions(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    one = fresh(path)
    note = one.add("a", "original")
    two = fresh(path)
    one.update(note.id, text="one's version")
    two.update(note.id, text="two's version")
    assert two.last_result is not None and len(two.last_result.conflict_copies) == 1
    texts = sorted(n.text for n in fresh(path).list())
    assert texts == ["one's version", "two's version"]
    assert fresh(path).get(note.id).text == "one's version"


def test_edit_beats_concurrent_delete(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    one = fresh(path)
    note = one.add("a", "original")
    two = fresh(path)
    one.delete(note.id)
    two.update(note.id, text="still wanted")
    assert [n.text for n in fresh(path).list()] == ["still wanted"]


def test_vanished_file_is_rewritten_with_everything(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    store = fresh(path)
    store.add("a", "1")
    path.unlink()
    store.add("a", "2")
    assert [n.text for n in fresh(path).list()] == ["1", "2"]


def test_backups_rotate(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    store = fresh(path)
    versions = []
    for i in range(5):
        store.add("a", f"n{i}")
        versions.append(path.read_bytes())
    assert safefile.backup_path(path, 1).read_bytes() == versions[3]
    assert safefile.backup_path(path, 2).read_bytes() == versions[2]
    assert safefile.backup_path(path, 3).read_bytes() == versions[1]
    assert not safefile.backup_path(path, 4).exists()


def test_stale_temp_files_are_cleaned_at_start(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    stale = tmp_path / ".notes.toml.abc123.tmp"
    stale.write_bytes(b"half a file")
    other = tmp_path / ".other.toml.abc123.tmp"
    other.write_bytes(b"not ours")
    fresh(path)
    assert not stale.exists() and other.exists()


def test_works_degraded_without_fcntl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safefile, "fcntl", None)
    path = tmp_path / "notes.toml"
    store = fresh(path)
    store.add("a", "no lock available")
    assert [n.text for n in fresh(path).list()] == ["no lock available"]


def test_unchanged_save_does_not_rewrite(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    store = fresh(path)
    store.add("a", "x")
    result = store.save()
    assert not result.written and not safefile.backup_path(path, 2).exists()


def test_update_and_delete_unknown_id_raise_keyerror(tmp_path: Path) -> None:
    store = fresh(tmp_path / "n.toml")
    with pytest.raises(KeyError):
        store.update("nope", text="x")
    with pytest.raises(KeyError):
        store.delete("nope")


def test_resolve_notes_path_order(tmp_path: Path) -> None:
    assert (
        resolve_notes_path(str(tmp_path / "cli.toml"), tmp_path / "cfg.toml")
        == tmp_path / "cli.toml"
    )
    assert resolve_notes_path(None, tmp_path / "cfg.toml") == tmp_path / "cfg.toml"
    assert resolve_notes_path(None, None) == default_notes_file()
    assert resolve_notes_path("~/n.toml", None) == Path.home() / "n.toml"


def test_symlinked_notes_file_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "synced" / "notes.toml"
    real.parent.mkdir()
    link = tmp_path / "notes.toml"
    link.symlink_to(real)
    store = fresh(link)
    store.add("a", "x")
    assert link.is_symlink() and [n.text for n in fresh(real).list()] == ["x"]


def test_unwritable_folder_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = NotesStore(blocker / "notes.toml")
    with pytest.raises(NotesError):
        store.load()
    with pytest.raises(NotesError) as err:
        store.add("a", "kept in memory")
    assert "cannot create the notes folder" in str(err.value)
    assert err.value.note is not None and err.value.note.text == "kept in memory"
    assert store.pending


def test_reload_keeps_unsaved_changes(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    store = fresh(path)
    store.add("a", "saved")
    good = path.read_bytes()
    path.write_bytes(b"broken [")
    with pytest.raises(NotesError):
        store.add("a", "unsaved")
    with pytest.raises(NotesError):
        store.load()  # still broken: nothing in memory is dropped
    assert sorted(n.text for n in store.list()) == ["saved", "unsaved"]
    other = NotesStore(path)
    path.write_bytes(good)
    other.load()
    other.add("a", "from another instance")
    store.load()  # fixed on disk: merged, the unsaved note still pending
    assert sorted(n.text for n in store.list()) == ["from another instance", "saved", "unsaved"]
    assert store.pending
    store.save()
    assert sorted(n.text for n in fresh(path).list()) == [
        "from another instance",
        "saved",
        "unsaved",
    ]


def test_vanished_file_on_reload_keeps_notes(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    store = fresh(path)
    store.add("a", "x")
    path.unlink()
    assert [n.text for n in store.load()] == ["x"]
    store.save()
    assert [n.text for n in fresh(path).list()] == ["x"]


def test_hand_written_toml_dates_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    path.write_text(
        '[[notes]]\nid = "x"\narticle = "a"\ntext = "by hand"\ncreated = 2026-01-02T03:04:05+02:00\n'
        "date = 2022-01-05\n",
        encoding="utf-8",
    )
    note = fresh(path).get("x")
    assert note.created == "2026-01-02T01:04:05.000Z" and note.article.date == "2022-01-05"


def test_bom_and_crlf_from_a_windows_editor_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    path.write_bytes(
        b'\xef\xbb\xbfversion = 1\r\n\r\n[[notes]]\r\nid = "x"\r\narticle = "a"\r\ntext = "hi"\r\n'
    )
    store = fresh(path)
    assert store.get("x").text == "hi"
    store.add("a", "more")
    assert [n.text for n in fresh(path).list()] == ["hi", "more"]


def test_notes_made_within_one_millisecond_list_in_the_order_they_were_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.notes import store as store_mod

    monkeypatch.setattr(store_mod, "now_iso", lambda: "2026-12-06T07:00:00.000Z")  # one stamp
    store = fresh(tmp_path / "notes.toml")
    for i in range(20):
        store.add("a", str(i))
    expected = [str(i) for i in range(20)]
    assert [n.text for n in store.list()] == expected
    assert [n.text for n in fresh(tmp_path / "notes.toml").list()] == expected


def test_note_ids_are_unique_32_hex_digits() -> None:
    from tui.notes.model import new_note_id

    ids = [new_note_id() for _ in range(10_000)]
    assert len(set(ids)) == len(ids)
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)
    assert ids == sorted(ids)
