"""Mostly-valid UTF-8 stays UTF-8: a stray byte or a file cut inside a character becomes U+FFFD
where it is, the rest of the article is read as written, and the encoding says so (issue 20,
item 3). Before, one 0xFF in a 9 KB article turned all of it into KOI8-R mojibake."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main
from tui.corpus import load_corpus
from tui.corpus.decode import LEGACY_ENCODINGS, decode_bytes

REPO = Path(__file__).resolve().parents[2]


def _seed(seeds_dir: Path, n: str) -> bytes:
    return next(seeds_dir.glob(f"{n}_*.txt")).read_bytes()


@pytest.mark.parametrize("n", ["000", "004"])
def test_one_stray_byte_in_a_utf8_article_is_replaced_and_the_rest_kept(
    seeds_dir: Path, n: str
) -> None:
    data = _seed(seeds_dir, n)
    middle = data.index(b"\n", len(data) // 2)
    damaged = data[:middle] + b"\xff" + data[middle:]
    decoded = decode_bytes(damaged)
    assert decoded.text == data.decode("utf-8").replace("\r\n", "\n")[: len(
        data[:middle].decode("utf-8").replace("\r\n", "\n"))] + "\ufffd" + data[middle:].decode(
        "utf-8").replace("\r\n", "\n")  # fmt: skip
    assert decoded.encoding.startswith("utf-8") and "1 invalid byte" in decoded.encoding


def test_a_file_cut_inside_a_character_is_utf8_with_one_replacement(seeds_dir: Path) -> None:
    data = _seed(seeds_dir, "004")
    cut = data[: data.index("Алмати".encode()) + 3]  # inside the second letter
    decoded = decode_bytes(cut)
    assert decoded.text.endswith("А\ufffd") and "1 invalid byte" in decoded.encoding


def test_damaged_article_keeps_its_title_and_language_and_list_says_so(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in ("000", "004"):
        data = _seed(seeds_dir, n)
        at = data.index(b"\n", 400)  # after the title
        (tmp_path / f"{n}.txt").write_bytes(data[:at] + b"\xff" + data[at:])
        (tmp_path / f"{n}-clean.txt").write_bytes(data)
    articles = {a.id: a for a in load_corpus(tmp_path).articles}
    for n in ("000", "004"):
        damaged, clean = articles[n], articles[f"{n}-clean"]
        assert (damaged.title, damaged.language) == (clean.title, clean.language)
    assert main(["list", str(tmp_path), "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["000"]["encoding"] == "utf-8 (1 invalid byte replaced)"
    assert rows["000-clean"]["encoding"] == "utf-8"


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
def test_legacy_cyrillic_is_still_read_as_legacy(seeds_dir: Path, encoding: str) -> None:
    text = _seed(seeds_dir, "000").decode("utf-8")[:3000]
    data = text.encode(encoding, errors="replace")
    decoded = decode_bytes(data)
    assert decoded.encoding in LEGACY_ENCODINGS
    assert "Казахстан" in decoded.text
