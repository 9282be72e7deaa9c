"""`sverka notes add|list|export`: scripts can add, list and export notes; bad input is one sentence."""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from pathlib import Path

import pytest

from tui.clean import clean_article
from tui.cli import main
from tui.corpus import load_corpus
from tui.paths import default_notes_file

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def passage(seeds_dir: Path) -> tuple[str, str, str]:
    """(article id, a quote from its cleaned text, its title)."""
    article = load_corpus(seeds_dir).articles[0]
    text = clean_article(article).text
    paragraph = max(text.split("\n\n"), key=len)
    words = paragraph.split()[:6]
    return article.id, " ".join(words), article.title


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_export_round_trip(
    seeds_dir: Path,
    tmp_path: Path,
    passage: tuple[str, str, str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    notes = tmp_path / "my-notes.toml"
    article_id, quote, title = passage
    hostile = "проверить \x1b[31mкрасное\x1b[0m\n# не заголовок"
    code, out, err = run(
        ["--notes", str(notes), "notes", "add", article_id[:6], "--corpus", str(seeds_dir),
         "--text", hostile, "--quote", quote, "--tag", "check", "--tag", "жертвы"],
        capsys,
    )  # fmt: skip
    assert code == 0, err
    note_id = out.strip()
    assert re.fullmatch(r"[0-9a-f]{32}", note_id)
    code, out, _ = run(["--notes", str(notes), "notes", "add", article_id, "--corpus", str(seeds_dir),
                        "--text", "на всю статью"], capsys)  # fmt: skip
    assert code == 0

    code, out, _ = run(["--notes", str(notes), "notes", "list"], capsys)
    assert code == 0 and "на всю статью" in out and "check" in out
    assert not CONTROL.search(out.replace("\n", ""))

    code, out, _ = run(["--notes", str(notes), "notes", "list", "--json", "--tag", "check"], capsys)
    data = json.loads(out)
    assert [n["id"] for n in data["notes"]] == [note_id]
    first = data["notes"][0]
    assert first["text"] == hostile and first["article"]["title"] == title
    assert " ".join(first["quote"].split()) == quote and first["anchor"] is not None

    code, out, _ = run(
        ["--notes", str(notes), "notes", "list", "--article", article_id[:6]], capsys
    )
    assert code == 0 and out.count("\n\n") >= 1

    for fmt in ("json", "toml", "csv", "md"):
        target = tmp_path / f"out.{fmt}"
        code, _, err = run(
            ["--notes", str(notes), "notes", "export", "--format", fmt, "-o", str(target)], capsys
        )
        assert code == 0 and "2 note(s)" in err
    assert json.loads((tmp_path / "out.json").read_text("utf-8"))["notes"][0]["text"] == hostile
    assert tomllib.loads((tmp_path / "out.toml").read_text("utf-8"))["notes"][0]["text"] == hostile
    with open(tmp_path / "out.csv", encoding="utf-8", newline="") as fh:
        assert list(csv.DictReader(fh))[0]["text"] == hostile
    md = (tmp_path / "out.md").read_text("utf-8")
    assert "\n# не заголовок" not in md and "> " in md

    code, out, _ = run(["--notes", str(notes), "notes", "export", "--format", "md"], capsys)
    assert code == 0 and not CONTROL.search(out.replace("\n", ""))
    code, out, _ = run(["--notes", str(notes), "notes", "export", "--format", "csv"], capsys)
    assert len(list(csv.reader(io.StringIO(out)))) == 3


def test_quote_not_found_fails_clearly(
    seeds_dir: Path,
    tmp_path: Path,
    passage: tuple[str, str, str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    notes = tmp_path / "n.toml"
    code, out, err = run(["--notes", str(notes), "notes", "add", passage[0], "--corpus", str(seeds_dir),
                          "--text", "x", "--quote", "этой фразы нет в статье"], capsys)  # fmt: skip
    assert code != 0 and "quote was not found" in err and err.count("\n") == 1
    assert not notes.exists()


def test_unknown_article_fails_clearly(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["--notes", str(tmp_path / "n.toml"), "notes", "add", "zzz-none", "--corpus",
                        str(seeds_dir), "--text", "x"], capsys)  # fmt: skip
    assert code != 0 and err.startswith("sverka: ") and err.count("\n") == 1


def test_corrupt_notes_file_is_reported_and_untouched(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "n.toml"
    notes.write_bytes(b"[[notes]\nbroken = \n")
    for args in (
        ["notes", "list"],
        ["notes", "add", "000", "--corpus", str(seeds_dir), "--text", "x"],
    ):
        code, _, err = run(["--notes", str(notes), *args], capsys)
        assert code == 2 and str(notes) in err and err.count("\n") == 1
    assert notes.read_bytes() == b"[[notes]\nbroken = \n"


def test_default_location_is_the_per_user_data_folder(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = load_corpus(seeds_dir).articles[0].id
    code, _, err = run(
        ["notes", "add", article_id, "--corpus", str(seeds_dir), "--text", "x"], capsys
    )
    assert code == 0, err
    assert default_notes_file().exists()


def test_config_notes_path_is_used(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "from-config.toml"
    config = tmp_path / "config.toml"
    config.write_text(f'notes = "{target.as_posix()}"\n', encoding="utf-8")
    article_id = load_corpus(seeds_dir).articles[0].id
    code, _, err = run(["--config", str(config), "notes", "add", article_id, "--corpus", str(seeds_dir),
                        "--text", "x"], capsys)  # fmt: skip
    assert code == 0, err
    assert target.exists()
