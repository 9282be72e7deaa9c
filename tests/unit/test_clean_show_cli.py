"""`sverka show ID [--corpus DIR] [--raw] [--removed]`."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.clean import configure_rules
from tui.cli import main
from tui.corpus import load_corpus


@pytest.fixture(autouse=True)
def _shipped_rules_only() -> Iterator[None]:
    """`sverka show` installs the config's rules process-wide; put the shipped ones back."""
    yield
    configure_rules(None)


def test_show_prints_exactly_the_cleaned_document_text(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.clean import clean_article

    article = load_corpus(seeds_dir).resolve("003")
    assert main(["show", "003", "--corpus", str(seeds_dir)]) == 0
    out = capsys.readouterr().out
    assert out == clean_article(article).text + "\n"
    assert out.startswith("США просят Казахстан объясниться\n\n2022-01\n\n")
    assert "Фото: Wikimedia" not in out


def test_show_raw_prints_the_text_as_read(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", "004", "--corpus", str(seeds_dir), "--raw"]) == 0
    out = capsys.readouterr().out
    assert "Related video" in out and "Фото: ТАСС | Силовики в Казахстані" in out


def test_show_removed_lists_each_removed_block_with_its_reason(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", "000", "--corpus", str(seeds_dir), "--removed"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split(None, 1) == ["zerkalo-header", "Поддержать команду Зеркала"]
    assert sum(line.startswith("headline-list ") for line in lines) == 18
    assert any(line.startswith("photo-credit") and "Фото: Reuters" in line for line in lines)


def test_show_applies_the_users_config_rules(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        "[[clean.rules]]\nname = \"no-reminders\"\npattern = '^Напомним'\n", encoding="utf-8"
    )
    assert (
        main(["--config", str(config), "show", "002", "--corpus", str(seeds_dir), "--removed"]) == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert any(
        line.split(None, 1) == ["no-reminders", line.split(None, 1)[1]]
        and "Напомним, после того" in line
        for line in lines
    )


def test_show_sanitises_control_sequences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Заголовок статьи про \x1b]52;c;ZXZpbA==\x07буфер обмена\n\n"
        "Текст статьи с \x1b[31mкрасным\x1b[0m словом и \u202eперевёрнутым текстом.\n",
        encoding="utf-8",
    )
    assert main(["show", "a", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "красным" in out


def test_show_unknown_id_and_missing_corpus_exit_2_with_a_message(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", "zzz", "--corpus", str(seeds_dir)]) == 2
    assert capsys.readouterr().err.startswith("sverka: ")
    assert main(["show", "000", "--corpus", str(tmp_path / "missing")]) == 2
    assert "sverka: " in capsys.readouterr().err


def test_show_raw_and_removed_are_exclusive(seeds_dir: Path) -> None:
    with pytest.raises(SystemExit):
        main(["show", "000", "--corpus", str(seeds_dir), "--raw", "--removed"])


def test_show_a_copied_seed_by_prefix(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(next(seeds_dir.glob("004_*.txt")), corpus)
    assert main(["show", "004", "--corpus", str(corpus)]) == 0
    assert capsys.readouterr().out.startswith("Влада Казахстану проводить масові")
