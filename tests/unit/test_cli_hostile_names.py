"""No output crashes on undecodable names or text, under any locale (issue 20, item 5).

Before: under a UTF-8 locale (Python's stdout then raises on a lone surrogate) `list --json` was
cut off with a traceback on a file name holding invalid UTF-8, and `notes list` crashed on a note
holding an undecodable byte. Each command here runs as the real `sverka` program with a strict
UTF-8 stdout (`PYTHONIOENCODING=utf-8`) over a corpus of hostile names; every one must exit 0
and print text that is valid UTF-8, names escaped as `ls -b` shows them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tui.notes import NotesStore

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def hostile(tmp_path: Path, seeds_dir: Path) -> Path:
    corpus = tmp_path / "c"
    corpus.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    shutil.copy(seeds[0], corpus / "000.txt")
    shutil.copy(seeds[1], os.fsdecode(bytes(corpus) + b"/bad\xff\xfe name.txt"))
    shutil.copy(seeds[4], corpus / "ctl\x1b[31m\u202e.txt")
    shutil.copy(seeds[2], corpus / "back\\slash.txt")
    return corpus


def _sverka(tmp: Path, *args: str, env_extra: dict[str, str] | None = None) -> subprocess.Popen:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "PYTHONIOENCODING": "utf-8",  # strict: a lone surrogate would raise
        "LC_ALL": "C.UTF-8",
        "SVERKA_CACHE_DIR": str(tmp / "cache"),
        "SVERKA_DATA_DIR": str(tmp / "data"),
        "SVERKA_CONFIG_DIR": str(tmp / "config"),
        **(env_extra or {}),
    }
    code = "import sys; from tui.cli import main; sys.exit(main())"
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _finish(proc: subprocess.Popen) -> tuple[str, str]:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode("utf-8", "replace")
    return out.decode("utf-8"), err.decode("utf-8")  # strict: every byte printed is UTF-8


def test_every_command_survives_hostile_names_with_a_strict_utf8_stdout(
    tmp_path: Path, hostile: Path
) -> None:
    c = str(hostile)
    notes = str(tmp_path / "n.toml")
    bad_text = os.fsdecode(b"note with a bad \xff byte")
    _finish(_sverka(tmp_path, "--notes", notes, "notes", "add", "--corpus", c, "000",
                    "--text", bad_text, "--tag", os.fsdecode(b"\xfe")))  # fmt: skip
    store = NotesStore(notes)  # a lone surrogate cannot come through argv: the store keeps one
    store.load()
    store.add("ctl\\033[31m\\342\\200\\256", "lone \ud800 surrogate")
    commands = [
        ["list", c], ["list", c, "--json"], ["matrix", "--corpus", c],
        ["show", "--corpus", c, "ctl"], ["facts", "--corpus", c, "back"],
        ["compare", "--corpus", c, "000", "ctl"], ["index", c], ["search", "Казахстан", "--corpus", c],
        ["--notes", notes, "notes", "list"], ["--notes", notes, "notes", "list", "--json"],
        ["--notes", notes, "notes", "list", "--corpus", c],
        ["--notes", notes, "notes", "export", "--format", "md"],
        ["--notes", notes, "notes", "export", "--format", "csv"],
    ]  # fmt: skip
    procs = [(cmd, _sverka(tmp_path, *cmd)) for cmd in commands]
    outs = {" ".join(cmd[-3:]): _finish(proc) for cmd, proc in procs}
    listed = json.loads(outs[f"list {c} --json"][0])
    ids = sorted(a["id"] for a in listed)
    assert ids == ["000", "back\\\\slash", "ctl\\033[31m\\342\\200\\256"]
    assert all("\x1b" not in a["path"] and "\u202e" not in a["path"] for a in listed)
    assert "file name is not valid Unicode" in outs[f"list {c} --json"][1]
    text_notes = outs[f"{notes} notes list"][0]
    assert "bad \\377 byte" in text_notes and "lone \\ud800 surrogate" in text_notes
