"""Dates: ru/uk day-month forms, ranges, years, and the year inferred from the article or the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from news_strategies import NEWS_ALPHABET

from tui.facts.dates import find_dates

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def values(text: str, ref: str | None = None) -> list[str]:
    return [d.value for d in find_dates(text, None, ref)]


def test_seed_001_has_10_january_2022_with_its_own_year() -> None:
    dates = find_dates(seed("001"), "ru", None)
    assert [(d.text, d.value) for d in dates] == [("10 января 2022 года", "2022-01-10")]


def test_seed_004_ukrainian_10_sichnia_takes_the_year_of_a_partial_article_date() -> None:
    text = seed("004")
    dates = find_dates(text, "uk", "2022-01")
    assert [(d.value, text[d.start : d.end]) for d in dates] == [("2022-01-10", "10 січня")]


def test_seed_003_day_months_take_the_year_of_the_one_dated_mention() -> None:
    got = values(seed("003"))
    assert "2022-01-02" in got and "2022-01-09" in got and "2022-01-06" in got
    assert all(v.startswith("2022-01-") for v in got)


def test_seed_000_date_glued_to_the_previous_sentence_is_found() -> None:
    text = seed("000")
    assert values(text, "2022-01") == ["2022-01-02", "2022-01-07", "2022-01-10"]


def test_without_any_year_a_day_month_is_iso_month_day() -> None:
    assert values("Протесты начались 2 января.") == ["--01-02"]


def test_year_is_chosen_nearest_to_the_article_date_across_new_year() -> None:
    assert values("ещё 30 декабря", "2022-01") == ["2021-12-30"]
    assert values("до 3 января", "2021-12-28") == ["2022-01-03"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9-10 января", "2022-01-09/2022-01-10"),
        ("9–10 січня", "2022-01-09/2022-01-10"),
        ("с 5 по 7 января", "2022-01-05/2022-01-07"),
        ("з 5 по 7 січня", "2022-01-05/2022-01-07"),
        ("с 30 декабря по 2 января", "2021-12-30/2022-01-02"),
    ],
)
def test_ranges_are_iso_intervals(text: str, expected: str) -> None:
    assert values(text, "2022-01") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("в январе 2022 года", "2022-01"),
        ("у січні 2022 року", "2022-01"),
        ("в 2021 году", "2021"),
        ("у 2020 р.", "2020"),
        ("в 2021-2022 годах", "2021/2022"),
        ("от 10.01.2022", "2022-01-10"),
        ("2 січня 2022 р.", "2022-01-02"),
        ("с 1-го января 2022 г.", "2022-01-01"),
    ],
)
def test_explicit_years_months_and_numeric_dates(text: str, expected: str) -> None:
    assert values(text, "1999") == [expected]


def test_relative_days_need_a_full_article_date() -> None:
    assert values("Вчера в Алматы", "2022-01-06") == ["2022-01-05"]
    assert values("Учора в Алмати", "2022-01-06") == ["2022-01-05"]
    assert values("Вчера в Алматы", "2022-01") == []
    assert values("Вчера в Алматы", None) == []


def test_numbers_that_are_not_dates_are_left_alone() -> None:
    assert values("«Оскар-2025»: лучшим фильмом") == []
    assert values("задержали 7939 человек, 2 500 миротворцев") == []
    assert values("31 февраля") == []


def test_offsets_point_at_the_surface_text() -> None:
    text = "Об этом 9 января сообщил Блинкен."
    (d,) = find_dates(text, "ru", "2022-01")
    assert text[d.start : d.end] == d.text == "9 января"


@settings(max_examples=150, deadline=None)
@given(st.lists(NEWS_ALPHABET, max_size=60).map("".join))
def test_any_text_gives_items_whose_offsets_match_their_text(text: str) -> None:
    for item in find_dates(text, None, "2022-01-05"):
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start : item.end] == item.text


def test_a_list_of_days_shares_the_last_days_month_and_year() -> None:
    assert values("5, 6 та 7 січня 2021 року") == ["2021-01-05", "2021-01-06", "2021-01-07"]
    assert values("митинги 6 и 7 января", "2022-01") == ["2022-01-06", "2022-01-07"]
    assert values("в 2 и 3 раза больше, 7 января", "2022-01") == ["2022-01-07"]
