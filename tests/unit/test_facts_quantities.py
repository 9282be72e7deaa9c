"""Quantities: numbers with their approximation, counted noun and event, comparable across ru/uk."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from news_strategies import NEWS_ALPHABET

from tui.facts.model import Quantity
from tui.facts.quantities import find_quantities, fold, quantity_signature

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def by_value(qs: list[Quantity], value: float) -> Quantity:
    found = [q for q in qs if q.value == value]
    assert found, f"no quantity {value} in {[(q.text, q.value) for q in qs]}"
    return found[0]


def one(text: str, lang: str | None = None) -> Quantity:
    qs = find_quantities(text, lang)
    assert len(qs) == 1, [(q.text, q.value) for q in qs]
    return qs[0]


def test_seed_000_7939_people_detained() -> None:
    q = by_value(find_quantities(seed("000"), "ru"), 7939)
    assert (q.text, q.approx, q.counted, q.event) == ("7939 человек", None, "человек", "задержать")


def test_seed_000_almost_8_thousand_in_words_glued_to_next_sentence() -> None:
    q = by_value(find_quantities(seed("000"), "ru"), 8000)
    assert (q.approx, q.counted, q.event) == ("почти", "человек", "задержать")


def test_seed_001_about_2500_peacekeepers_sent() -> None:
    text = seed("001")
    q = by_value(find_quantities(text, "ru"), 2500)
    assert (q.approx, q.counted, q.event) == ("около", "человек", "направить")
    assert text[q.start : q.end] == "около 2 500 человек"


def test_seed_001_the_date_is_not_a_quantity() -> None:
    assert [q.value for q in find_quantities(seed("001"), "ru")] == [2500]


def test_seed_004_1925_detained_in_ukrainian() -> None:
    q = by_value(find_quantities(seed("004"), "uk"), 1925)
    assert (q.counted, q.event) == ("учасник", "затримати")


def test_seed_004_1486_munitions_counted_in_base_form() -> None:
    q = by_value(find_quantities(seed("004"), "uk"), 1486)
    assert (q.counted, q.event) == ("боєприпас", "вилучити")


def test_seed_004_almost_2_thousand_abbreviated() -> None:
    q = by_value(find_quantities(seed("004"), "uk"), 2000)
    assert (q.text, q.approx, q.counted, q.event) == (
        "майже 2 тис. осіб",
        "майже",
        "особа",
        "затримати",
    )


def test_seed_004_one_and_a_half_thousand_in_words_inherits_the_verbal_noun() -> None:
    q = by_value(find_quantities(seed("004"), "uk"), 1500)
    assert (q.text, q.counted, q.event) == ("півтори тисячі боєприпасів", "боєприпас", "вилучення")


def test_seed_004_money_with_scale_and_currency_abbreviation() -> None:
    q = by_value(find_quantities(seed("004"), "uk"), 100e9)
    assert (q.approx, q.counted, q.event) == ("понад", "долар", "інвестувати")


def test_seed_002_vague_tens_and_measure_word_with_complement() -> None:
    qs = find_quantities(seed("002"), "ru")
    tens = by_value(qs, 10)
    assert (tens.approx, tens.counted, tens.event) == ("десятки", "нападавший", "ликвидировать")
    assert by_value(qs, 50).counted == "единица техники"
    assert by_value(qs, 150).approx == "минимум"


def test_seed_003_participle_gives_the_event() -> None:
    qs = find_quantities(seed("003"), "ru")
    assert (by_value(qs, 16).counted, by_value(qs, 16).event) == ("силовик", "погибнуть")
    assert by_value(qs, 2265).event == "пострадать"


def test_ru_and_uk_detentions_share_a_signature() -> None:
    ru = by_value(find_quantities(seed("000"), "ru"), 7939)
    uk = by_value(find_quantities(seed("004"), "uk"), 2000)
    assert quantity_signature(ru) == quantity_signature(uk) == ("человек", "задержать")


def test_signature_folds_letters_and_maps_measure_complements() -> None:
    uk = Quantity(0, 1, "x", 38, None, "одиниця вогнепальної зброї", "вилучити")
    ru = Quantity(0, 1, "x", 38, None, "единица оружия", "изъять")
    assert quantity_signature(uk) == quantity_signature(ru)
    assert fold("боєприпас") == fold("боеприпас")
    assert fold("направити") == fold("направить")
    assert fold("нести") == "нести"


@pytest.mark.parametrize(
    ("text", "value", "approx", "counted"),
    [
        ("Погибли 25 человек", 25, None, "человек"),
        ("собрались 2\u00a0500 человек", 2500, None, "человек"),
        ("собрались 2\u202f500 человек", 2500, None, "человек"),
        ("выделено 1,5 млн долларов", 1.5e6, None, "доллар"),
        ("получили 3,5 тыс. рублей", 3500, None, "рубль"),
        ("затримано близько двадцяти п'яти осіб", 25, "близько", "особа"),
        ("Сотни тысяч людей вышли", 100_000, "сотни", "человек"),
        ("не менее 40 человек погибли", 40, "не менее", "человек"),
        ("сто с лишним человек", 100, "с лишним", "человек"),
        ("рост на 15% за год", 15, None, "%"),
        ("понад 20 відсотків", 20, "понад", "%"),
        ("стоит $100", 100, None, "доллар"),
        ("в два раза", 2, None, "раз"),
    ],
)
def test_tricky_number_forms(text: str, value: float, approx: str | None, counted: str) -> None:
    q = one(text)
    assert (q.value, q.approx, q.counted) == (value, approx, counted)


@pytest.mark.parametrize(
    "text",
    [
        "в 2021 году",
        "в 10:30 утра",
        "близько 11 вечора",
        "телефон +7 (727) 123-45-67",
        "согласно ст. 272 УК",
        "дом № 5",
        "«Оскар-2025» и COVID-19",
        "во 2-й раз",
        "от 5-7 человек",
        "телеканал «Хабар 24»",
        "  1. Трамп: Украина готова",
        "один из задержанных",
        "6 января",
    ],
)
def test_numbers_that_are_not_quantities_are_skipped(text: str) -> None:
    assert find_quantities(text) == []


def test_reporting_verbs_are_not_events() -> None:
    q = one("Сообщается о минимум 150 случаях мародерства.")
    assert q.event is None and q.counted == "случай мародерства"


def test_offsets_cover_marker_through_counted_noun() -> None:
    text = "Силы численностью около 2 500 человек."
    q = one(text)
    assert text[q.start : q.end] == q.text == "около 2 500 человек"


def test_currency_sign_keeps_its_marker_and_a_sentence_end_is_not_an_abbreviation() -> None:
    (q,) = find_quantities("Потери составили около $3 млрд. Всего в акции", "ru")
    assert (q.text, q.value, q.approx, q.counted) == ("около $3 млрд", 3e9, "около", "доллар")


def test_russian_words_in_a_ukrainian_text_are_analysed_in_russian() -> None:
    text = "Цитата: «в результате погибли 12 человек»."
    (q,) = find_quantities(text, "uk")
    assert (q.counted, q.event) == ("человек", "погибнуть")


@settings(max_examples=150, deadline=None)
@given(st.lists(NEWS_ALPHABET, max_size=60).map("".join))
def test_any_text_gives_items_whose_offsets_match_their_text(text: str) -> None:
    for item in find_quantities(text, None):
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start : item.end] == item.text


def test_numbers_that_count_nothing_in_no_event_are_dropped() -> None:
    assert find_quantities("Гата Камский (США, 31, 2686)", "ru") == []


def test_a_day_before_a_nominative_month_is_not_a_quantity() -> None:
    assert find_quantities("14:54, 2 Ноябрь, 2018 Власти Пакистана", "ru") == []


def test_several_thousand_keeps_several_as_the_marker() -> None:
    (q,) = find_quantities("Погибло несколько тысяч рыб", "ru")
    assert (q.value, q.approx, q.counted, q.event) == (1000, "несколько", "рыба", "погибнуть")


def test_duration_phrases_are_not_events() -> None:
    (q,) = find_quantities("Он занимал пост на протяжении двух лет", "ru")
    assert q.event == "занимать"


@pytest.mark.parametrize(
    ("verb", "noun"),
    [
        ("вилучити", "вилучення"),
        ("затримати", "затримання"),
        ("звільнити", "звільнення"),
        ("задержать", "задержание"),
        ("изъять", "изъятие"),
        ("освободить", "освобождение"),
        ("задержать", "затримання"),
        ("изъять", "вилучення"),
    ],
)
def test_verb_and_its_verbal_noun_share_an_event_signature(verb: str, noun: str) -> None:
    def sig(event: str) -> tuple[str | None, str | None]:
        return quantity_signature(Quantity(0, 1, "1", 1.0, None, "человек", event))

    assert sig(verb) == sig(noun)


def test_a_noun_that_is_no_verbal_noun_keeps_its_own_event() -> None:
    from tui.facts.quantities import verb_of_noun

    assert verb_of_noun("течение", "ru") is None
    assert verb_of_noun("гибель", "ru") is None


def test_currency_abbreviation_in_ukrainian_is_spelled_in_ukrainian() -> None:
    (uk,) = find_quantities("Захід інвестував у Казахстан понад 100 млрд дол.", "uk")
    (ru,) = find_quantities("Запад инвестировал в Казахстан более 100 млрд долл.", "ru")
    assert (uk.counted, ru.counted) == ("долар", "доллар")
    assert quantity_signature(uk) == quantity_signature(ru)


@pytest.mark.parametrize(
    ("text", "lang", "event"),
    [
        ("Ранее МВД сообщало о 7939 задержанных.", "ru", "задержать"),
        ("МВД сообщило о 164 погибших.", "ru", "погибнуть"),
        ("МВС повідомило про 164 загиблих.", "uk", "погибнуть"),
        ("Медики повідомили про 30 постраждалих.", "uk", "пострадать"),
    ],
)
def test_people_counted_by_what_happened_to_them_compare_as_people_with_that_event(
    text: str, lang: str, event: str
) -> None:
    (q,) = find_quantities(text, lang)
    assert quantity_signature(q) == ("человек", fold(event))


def test_a_participle_with_its_own_event_keeps_its_signature() -> None:
    (q,) = find_quantities("Задержаны 7939 человек.", "ru")
    assert quantity_signature(q) == ("человек", "задержать")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Среди 1300 раненых есть дети.", "ru"),  # «есть» is «быть» here, not «to eat»
        ("Серед 30 постраждалих є діти, повідомили медики.", "uk"),  # «діти»: children
    ],
)
def test_a_copula_or_a_noun_that_reads_as_an_infinitive_is_not_the_event(
    text: str, lang: str
) -> None:
    (q,) = find_quantities(text, lang)
    assert q.event is None
    assert quantity_signature(q)[0] == "человек"
