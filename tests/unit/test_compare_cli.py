"""`sverka compare` and `sverka matrix` on the seeds (real corpus reader, cleaner and facts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import COMMANDS, main

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main([*argv, "--corpus", str(SEEDS), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_commands_are_registered() -> None:
    assert "compare" in COMMANDS and "matrix" in COMMANDS


def test_compare_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "compare", "000", "001")
    assert isinstance(data, dict)
    assert set(data) == {"a", "b", "pairs", "entities", "quantities", "dates", "event", "claims"}
    assert data["a"].startswith("000") and data["b"].startswith("001")
    assert any(p["kind"] == "same" for p in data["pairs"])
    for pair in data["pairs"]:
        assert set(pair) == {"a", "b", "score", "kind"}
        assert set(pair["a"]) == {"start", "end", "text"}
    assert set(data["entities"]) == {"shared", "only_a", "only_b"}
    for group in data["quantities"]:
        assert set(group) == {"what", "a", "b", "status"}


def test_compare_json_detained_counts(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "compare", "000", "004")
    assert isinstance(data, dict)
    assert any(
        7939 in [v["value"] for v in g["a"]] and 1925 in [v["value"] for v in g["b"]]
        for g in data["quantities"]
    )


def test_compare_two_columns_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "003", "004", "--corpus", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "Токаєв" in out and "Алмати" in out
    assert "\x1b" not in out  # not a terminal: no control sequences


def test_compare_unknown_id_is_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "000", "nope", "--corpus", str(SEEDS)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("sverka: ") and "nope" in err and "Traceback" not in err


def test_matrix_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "matrix")
    assert isinstance(data, dict)
    assert len(data["articles"]) == 5
    assert data["rows"][0]["kind"] == "entity" and len(data["rows"][0]["cells"]) == 5


def test_matrix_rank(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "matrix", "--rank", "000")
    assert isinstance(data, list) and len(data) == 4
    assert data[0]["id"].startswith("001")


def test_matrix_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["matrix", "--corpus", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "Казахстан" in out and "Articles:" in out


def test_compare_prints_hostile_text_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = (
        "[bold]Жирный[/bold] [@click=app.quit]клик[/] \x1b[31mкрасный\n\n"
        "Задержали 100 человек в Казахстане [link=x]ссылка[/link].\n"
    )
    (tmp_path / "a_hostile.txt").write_text(hostile, encoding="utf-8")
    (tmp_path / "b_copy.txt").write_text(hostile, encoding="utf-8")
    assert main(["compare", "a_", "b_", "--corpus", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "[link=x]ссылка[/link]" in out
    assert "\x1b" not in out


@pytest.mark.parametrize("width", [80, 120])
def test_matrix_fits_the_terminal_and_wraps_facts_between_words(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    assert main(["matrix", "--corpus", str(SEEDS)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= width
    facts = [line.split("│")[1].strip() for line in lines if line.startswith("│")]
    # every word of a fact label is whole on its line («Касым-Жомарт», never «Касым-Жома»/«рт»)
    assert "Касым-Жомарт" in " ".join(facts).split()
    assert not any(f in ("рт Токаев", "рт") for f in facts)
