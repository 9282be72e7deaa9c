"""What a reader is shown of the numbers: readable scopes and dates, trivial counts left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main
from tui.compare.facts_diff import Side, diff_quantities
from tui.compare.model import Value, ValueGroup
from tui.compare.reading import format_date, reader_quantities, value_runs
from tui.facts.model import DateFact, Entity, Quantity

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def group(what: str, a: int, b: int, status: str, counted: str, event: str | None) -> ValueGroup:
    def values(n: int) -> list[Value]:
        return [Value(i, i + 1, f"{i + 2} {counted}", float(i + 2)) for i in range(n)]

    return ValueGroup(what, values(a), values(b), status, counted=counted, event=event)


def test_shared_groups_first_then_one_sided_people_money_things() -> None:
    groups = [
        group("начаться · раз", 1, 0, "only_a", "раз", "начаться"),
        group("высказать · страна", 0, 1, "only_b", "страна", "высказать"),
        group("отойти · метр", 1, 0, "only_a", "метр", "отойти"),
        group("случай мародерства", 1, 0, "only_a", "случай мародерства", None),
        group("вилучити · боєприпас", 0, 1, "only_b", "боєприпас", "вилучити"),
        group("інвестувати · долар", 0, 1, "only_b", "долар", "інвестувати"),
        group("пострадать · человек", 1, 0, "only_a", "человек", "пострадать"),
        group("задержать · человек", 1, 1, "agree", "человек", "задержать"),
        group("погибнуть · человек", 1, 1, "conflict", "человек", "погибнуть"),
    ]
    shown, hidden = reader_quantities(groups)
    assert [g.what for g in shown] == [
        "погибнуть · человек",
        "задержать · человек",
        "пострадать · человек",
        "інвестувати · долар",
        "вилучити · боєприпас",
    ]
    assert hidden == 4


def test_a_shared_count_is_shown_even_when_trivial() -> None:
    shown, hidden = reader_quantities([group("начаться · раз", 1, 1, "differ", "раз", "начаться")])
    assert len(shown) == 1 and hidden == 0


def test_scope_reads_as_the_article_spells_it() -> None:
    text = "Во второй раз 2 января в Мангистауской области задержали 40 человек."
    place = text.index("Мангистауской области")
    when = text.index("2 января")
    number = text.index("40 человек")
    side = Side(
        text,
        [Entity(place, place + 21, "Мангистауской области", "LOC", "Мангистауская область",
                "манхистауска област")],
        [DateFact(when, when + 8, "2 января", "2022-01-02")],
        [Quantity(number, number + 10, "40 человек", 40.0, None, "человек", "задержать")],
    )  # fmt: skip
    empty = Side("", [], [], [])
    (only,) = diff_quantities(side, empty)
    value = only.a[0]
    assert value.scope == "манхистауска област 2022-01-02"  # the comparison key stays
    assert value.scope_text == "Мангистауская область, 02.01.2022"
    assert (only.counted, only.event) == ("человек", "задержать")
    assert "scope_text" in value.to_dict() and set(only.to_dict()) == {"what", "a", "b", "status"}


def test_dates_are_formatted_as_people_write_them() -> None:
    assert format_date("2022-01-02") == "02.01.2022"
    assert format_date("--01-10") == "10.01"
    assert format_date("2022-01") == "01.2022"
    assert format_date("date of «…»") == "date of «…»"


def test_repeated_mentions_fold_into_one() -> None:
    values = [Value(0, 1, "14 регіонах", 14.0), Value(5, 6, "14  регіонах", 14.0)]
    assert value_runs(values) == [("14 регіонах", None, 2)]


def test_cli_numbers_are_readable_and_json_keeps_everything(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["compare", "003", "004", "--corpus", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    numbers = out[out.index("Numbers") :]
    for folded in ("манхистауска", "кирхизстан", "one day]", "--01-"):
        assert folded not in numbers
    assert "два раза" not in numbers and "пять стран" not in numbers
    assert "Кыргызстан" in numbers and "minor numbers not shown" in numbers
    assert main(["compare", "003", "004", "--corpus", str(SEEDS), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    texts = [v["text"] for g in data["quantities"] for v in g["a"]]
    assert "два раза" in texts and "пять стран" in texts


def test_cli_never_cuts_a_word_at_80_columns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["compare", "002", "003", "--corpus", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "…" not in out and "ликвидировать" in out
