"""Property: instances working from stale copies of the notes file never lose a note or an edit.

Model: every add or edit is a version of a note. A version may only disappear from the file if a
later edit or delete was made by an instance that had already seen it (had synced with the file
since it was written, or was looking at it, possibly as a conflict copy under a new id). Every
instance syncs on each of its own saves and on `reload`.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.notes import NotesStore

ops = st.lists(
    st.tuples(
        st.sampled_from(["add", "edit", "delete", "tag", "reload"]),
        st.integers(0, 1),  # which instance
        st.integers(0, 3),  # which of its notes
    ),
    max_size=20,
)


@dataclass
class Version:
    note_id: str
    text: str
    written: int  # op index
    superseded: bool = False


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=ops)
def test_stale_instances_never_lose_notes_or_edits(ops: list[tuple[str, int, int]]) -> None:
    with tempfile.TemporaryDirectory() as tmp, mock.patch("os.fsync"):
        path = Path(tmp) / "notes.toml"
        stores = [NotesStore(path) for _ in range(2)]
        for s in stores:
            s.load()
        synced = [-1, -1]  # op index of each instance's last sync
        versions: list[Version] = []

        def supersede(note_id: str, seen_text: str, seen_until: int) -> None:
            for v in versions:
                # The version the instance is looking at (maybe under a conflict copy's new id),
                # and every older version of this note it had synced.
                if v.text == seen_text or (v.note_id == note_id and v.written <= seen_until):
                    v.superseded = True

        for t, (op, who, pick) in enumerate(ops):
            store = stores[who]
            notes = store.list()
            if op == "add":
                note = store.add("a", f"note {t}")
                versions.append(Version(note.id, note.text, t))
            elif op == "reload":
                store.load()
            elif notes:
                note = notes[pick % len(notes)]
                if op == "delete":
                    supersede(note.id, note.text, synced[who])
                    store.delete(note.id)
                elif op == "edit":
                    supersede(note.id, note.text, synced[who])
                    store.update(note.id, text=f"edit {t}")
                    versions.append(Version(note.id, f"edit {t}", t))
                else:
                    store.update(note.id, tags=[*note.tags, f"t{t}"])
            synced[who] = t
        for s in stores:
            s.save()
        final = NotesStore(path)
        final.load()
        texts = {n.text for n in final.list()}
        for v in versions:
            if not v.superseded:
                assert v.text in texts, f"lost {v.text!r}"
        for s in stores:
            s.save()
        for s in stores:
            assert s.list() == NotesStore(path).load()
