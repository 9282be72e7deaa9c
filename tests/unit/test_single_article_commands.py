"""Single-article commands read one article, not the corpus (issue 20, item 9): on a 100,000-file
folder `show`, `facts`, `compare` and `notes add` took 61–67 s (every file was read to number
them); `search` read each hit's whole file for its snippet (a 20 MB hit made every search 20 s).

Files opened are counted at the reader's one door for bytes (`_read_bytes`, a spy that calls the
real function), so these tests do not depend on the machine's speed."""

from __future__ import annotations

import json
import shutil
import tracemalloc
from pathlib import Path

import pytest

from tui.cli import main
from tui.corpus import reader

FILES = 3000


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    root = tmp_path_factory.mktemp("big")
    for i in range(FILES):
        folder = root / f"{i // 1000:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{i:05d}.txt").write_text(
            f"Заголовок номер {i}\n\nВ Алматы задержаны {i} человек, сообщает МВД.\n", "utf-8"
        )
    shutil.copy(next(seeds_dir.glob("000_*.txt")), root / "zerkalo.txt")
    shutil.copy(next(seeds_dir.glob("004_*.txt")), root / "01" / "focus.txt")
    return root


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    opened: list[str] = []
    real = reader._read_bytes

    def spy(path: Path):  # type: ignore[no-untyped-def]
        opened.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(reader, "_read_bytes", spy)
    return opened


def _ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "01/focus"],
        ["show", "zerkalo", "--raw"],
        ["facts", "01/focus", "--json"],
        ["compare", "zerkalo", "01/focus", "--json"],
    ],
)
def test_a_command_given_exact_ids_reads_only_those_articles(
    big: Path, reads: list[str], capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    _ok(capsys, *argv, "--corpus", str(big))
    named = {a.rsplit("/", 1)[-1] + ".txt" for a in argv[1:] if not a.startswith("-")}
    assert sorted(set(reads)) == sorted(named) and len(reads) == len(named)


def test_notes_add_reads_only_the_article_it_is_about(
    big: Path, tmp_path: Path, reads: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    notes = str(tmp_path / "n.toml")
    _ok(capsys, "--notes", notes, "notes", "add", "--corpus", str(big), "01/focus",
        "--text", "x", "--quote", "Алмати")  # fmt: skip
    assert reads == ["focus.txt"]
    [note] = json.loads(_ok(capsys, "--notes", notes, "notes", "list", "--json"))["notes"]
    assert note["article_id"] == "01/focus" and note["status"] == "exact"


def test_a_prefix_walks_names_and_reads_one_file(
    big: Path, reads: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    out = _ok(capsys, "show", "foc", "--corpus", str(big))
    assert out.startswith("Влада Казахстану") and reads == ["focus.txt"]
    assert main(["show", "0", "--corpus", str(big)]) == 2  # ambiguous: one message, no reads
    assert "ambiguous" in capsys.readouterr().err and reads == ["focus.txt"]


def test_an_indexed_corpus_resolves_a_prefix_from_its_catalogue_without_walking(
    big: Path, reads: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["index", "-q", str(big), "--workers", "1"]) == 0
    capsys.readouterr()
    reads.clear()

    def no_walk(*args: object, **kwargs: object) -> None:
        raise AssertionError("walked the corpus")

    monkeypatch.setattr(reader, "walk_articles", no_walk)
    out = _ok(capsys, "show", "zerk", "--corpus", str(big))
    assert out.startswith("В беспорядках") and reads == ["zerkalo.txt"]


def test_search_snippets_read_a_bounded_window_of_a_huge_hit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.index import Catalogue

    root = tmp_path / "c"
    root.mkdir()
    (root / "small.txt").write_text("Протесты в Алматы\n\nВ Алматы прошли протесты.\n", "utf-8")
    huge = root / "huge.txt"
    line = "Протесты в Алматы продолжились, сообщают очевидцы событий в городе. " * 40 + "\n\n"
    with open(huge, "w", encoding="utf-8") as fh:
        fh.write("Большой репортаж из Алматы\n\n")
        while fh.tell() < 19 * 1024 * 1024:
            fh.write(line)
    with Catalogue(root) as cat:
        cat.refresh(workers=1)
        tracemalloc.start()
        try:
            result = cat.search("Алматы")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert result.total == 2 and all("Алматы" in h.snippet for h in result.hits)
    assert peak < 4 * 1024 * 1024, peak  # reading the whole 19 MB hit needs far more
