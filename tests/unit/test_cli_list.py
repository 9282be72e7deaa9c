"""`sverka list`: a table for people, JSON for scripts, one clear sentence on bad input."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_list_json_gives_every_field_for_each_seed(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", str(seeds_dir), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 5
    for row in rows:
        assert {"id", "path", "title", "outlet", "language", "date", "words", "encoding"} <= set(
            row
        )
    assert [r["language"] for r in rows] == ["ru", "ru", "ru", "ru", "uk"]


def test_list_table_shows_titles_and_outlets(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--corpus", str(seeds_dir)]) == 0
    out = capsys.readouterr().out
    assert "zerkalo.io" in out and "kloop.kg" in out and "focus.ua" in out


@pytest.mark.parametrize("make", ["missing", "empty"])
def test_missing_or_empty_corpus_exits_2_with_one_sentence(
    make: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "x"
    if make == "empty":
        folder.mkdir()
    assert main(["list", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("sverka: ") and err.count("\n") == 1 and "Traceback" not in err


def test_corpus_defaults_to_the_configs_corpus(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'corpus = "{seeds_dir}"\n', encoding="utf-8")
    assert main(["--config", str(cfg), "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 5


def test_python_dash_m_tui_lists_hostile_folder_without_control_characters(tmp_path: Path) -> None:
    (tmp_path / "a\x1b]0;pwned\x07.txt").write_text(
        "\x1b[2JЗаголовок \u202eтекст\n"
        + "Казахстан объявил траур после беспорядков в стране. " * 5,
        encoding="utf-8",
    )
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    for extra in ([], ["--json"]):
        proc = subprocess.run(
            [sys.executable, "-m", "tui", "list", str(tmp_path), *extra],
            capture_output=True, text=True, env=env, timeout=60,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        assert not CONTROL.search(proc.stdout.replace("\n", "")), proc.stdout
        assert not CONTROL.search(proc.stderr.replace("\n", ""))
        assert "skipped 1 file" in proc.stderr


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli import COMMANDS

    for name in COMMANDS:
        with pytest.raises(SystemExit) as info:
            main([name, "--help"])
        assert info.value.code == 0
        assert "usage: sverka" in capsys.readouterr().out


def test_user_cleaning_rules_from_config_apply_to_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "Казахстан объявил траур после беспорядков в стране, сообщили власти. " * 4
    marker = "Редакция напоминает, что сайт работает при поддержке читателей и партнёров."
    (tmp_path / "a.txt").write_text(
        f"Заголовок статьи\n\n{body}\n\n{marker}\n\n{body}\n", encoding="utf-8"
    )
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        '[[clean.rules]]\nname = "my-footer"\npattern = "^Редакция напоминает"\naction = "drop_line"\n',
        encoding="utf-8",
    )
    assert main(["list", str(tmp_path), "--json"]) == 0
    words_default = json.loads(capsys.readouterr().out)[0]["words"]
    assert main(["--config", str(cfg), "list", str(tmp_path), "--json"]) == 0
    words_ruled = json.loads(capsys.readouterr().out)[0]["words"]
    assert words_ruled == words_default - 10
    from tui.clean import configure_rules

    configure_rules(None)


def test_broken_config_fails_every_command_with_one_sentence(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[[clean.rules]]\nname = "x"\npattern = "(unclosed"\n', encoding="utf-8")
    assert main(["--config", str(cfg), "list", str(seeds_dir)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("sverka: ") and "c.toml" in err and err.count("\n") == 1
