"""Number words times group nouns, and clock times that are not quantities."""

from __future__ import annotations

import pytest

from tui.facts import extract


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [
        ("Поліція звільнила два десятки заручників.", 20, "заручник"),
        ("Около трех десятков человек пострадали в ДТП.", 30, "человек"),
        ("Полтора десятка домов сгорели за ночь.", 15, "дом"),
        ("Эвакуировали три сотни жителей поселка.", 300, "житель"),
        ("Вилучено півтори тисячі набоїв.", 1500, "набій"),
        ("Десятки тысяч людей остались без света.", 10_000, "человек"),
    ],
)
def test_a_number_word_with_a_group_noun_is_multiplied(text: str, value: float, counted: str) -> None:
    found = [(q.value, q.counted) for q in extract(text).quantities]
    assert (value, counted) in found


@pytest.mark.parametrize(
    "text",
    [
        "Поліція звільнила заручників о 20.30.",
        "Эвакуацию начали в 9.15 утра.",
        "Магазины работают до 18.00, сообщили в мэрии.",
    ],
)
def test_a_clock_time_after_a_preposition_is_not_a_quantity(text: str) -> None:
    assert not [q for q in extract(text).quantities if q.value in (20.3, 9.15, 18.0)]


def test_a_decimal_amount_after_a_preposition_is_still_a_quantity() -> None:
    values = [q.value for q in extract("Расходы выросли до 20.30 млн рублей.").quantities]
    assert 20_300_000 in values


def test_a_day_with_an_abbreviated_month_is_a_date_not_a_quantity() -> None:
    assert not extract("Бишкек, 16 янв. /АКИpress/. Нацбанк повысил учетную ставку.").quantities


def test_a_day_before_a_nominative_month_is_a_date_not_a_quantity() -> None:
    found = extract("Токаев провел разговор\n\n14:30, 04 Февраль 2026\n\nГлава государства провел разговор.")
    assert not [q for q in found.quantities if q.value == 4]
