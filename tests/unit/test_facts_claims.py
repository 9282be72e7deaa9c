"""Claims: numbers read by meaning, with qualifier, as-of time, attribution, place and status."""

from __future__ import annotations

import pytest

from tui.facts import Claim, extract
from tui.facts.claims import sentence_spans


def claims(text: str, lang: str) -> list[Claim]:
    return extract(text, lang).claims


def claim_of(text: str, lang: str, value: float) -> Claim:
    found = [c for c in claims(text, lang) if c.value == value]
    assert found, [(c.text, c.value) for c in claims(text, lang)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "lang", "value", "measure"),
    [
        ("При пожаре погибли 18 человек.", "ru", 18, "deaths"),
        ("Унаслідок удару загинули 14 осіб.", "uk", 14, "deaths"),
        ("Жертвами пожара стали 64 человека.", "ru", 64, "deaths"),
        ("Відомо про 35 загиблих.", "uk", 35, "deaths"),
        ("Ранения получили 18 342 человека.", "ru", 18342, "injured"),
        ("Число раненых выросло до 18 342.", "ru", 18342, "injured"),
        ("Травмовано 75 осіб.", "uk", 75, "injured"),
        ("Из зоны подтопления эвакуировали более 2300 человек.", "ru", 2300, "evacuated"),
        ("З підтоплених територій вивезли 2 300 людей.", "uk", 2300, "evacuated"),
        ("В Казахстане задержали 7939 человек.", "ru", 7939, "detained"),
        ("Полиция сообщила о 1074 задержанных.", "ru", 1074, "detained"),
        ("У місті затримано 1 925 ймовірних учасників протестів.", "uk", 1925, "detained"),
        ("Боевики удерживают 240 заложников.", "ru", 240, "hostages"),
        ("69 человек числятся пропавшими без вести.", "ru", 69, "missing"),
        ("Численность сил составляет 2 030 военнослужащих.", "ru", 2030, "troops"),
        ("Пошкоджено 77 житлових будинків.", "uk", 77, "damaged"),
        ("Вилучено 38 одиниць вогнепальної зброї.", "uk", 38, "weapons"),
        ("В больницах остаются 10 госпитализированных.", "ru", 10, "hospitalised"),
        ("Медицинская помощь потребовалась 108 пострадавшим.", "ru", 108, "injured"),
    ],
)
def test_measure_is_found_by_meaning_whatever_the_wording(
    text: str, lang: str, value: float, measure: str
) -> None:
    assert claim_of(text, lang, value).measure == measure


def test_a_number_no_measure_fits_keeps_what_it_counts() -> None:
    c = claim_of("В тушении задействовано около 660 человек.", "ru", 660)
    assert c.measure.startswith("other:") and "человек" in c.measure


def test_earlier_figure_is_superseded_and_the_new_one_current() -> None:
    text = (
        "Число погибших при пожаре выросло до 64 человек, заявил глава МЧС. "
        "Ранее официально сообщалось о 56 погибших."
    )
    assert claim_of(text, "ru", 64).status == "current"
    assert claim_of(text, "ru", 56).status == "superseded"


@pytest.mark.parametrize(
    ("text", "lang", "old", "new"),
    [
        ("Число погибших увеличилось с 56 до 64 человек.", "ru", 56, 64),
        ("Если ранее говорилось о 35 пропавших, то теперь их число выросло до 69.", "ru", 35, 69),
        ("Кількість загиблих зросла до 52 осіб. Раніше йшлося про 51 загиблого.", "uk", 51, 52),
        ("Погибли 40 человек. Накануне власти сообщали о 30 погибших.", "ru", 30, 40),
    ],
)
def test_updates_mark_the_old_figure(text: str, lang: str, old: float, new: float) -> None:
    assert claim_of(text, lang, old).status == "superseded"
    assert claim_of(text, lang, new).status == "current"


def test_a_part_of_a_figure_is_not_the_figure() -> None:
    text = "Загинули 50 осіб, з них п'ятеро дітей."
    assert claim_of(text, "uk", 50).status == "current"
    assert claim_of(text, "uk", 5).status == "part"
    after = "В больницах остаются 10 пострадавших, двое из них в тяжелом состоянии."
    assert claim_of(after, "ru", 10).status == "current"
    assert claim_of(after, "ru", 2).status == "part"


@pytest.mark.parametrize(
    ("text", "lang", "value", "qualifier"),
    [
        ("Пострадали около 100 человек.", "ru", 100, "about"),
        ("Евакуювали понад 76 тисяч мешканців.", "uk", 76000, "more"),
        ("Погибли не менее 39 человек.", "ru", 39, "at_least"),
        ("Загинули щонайменше 12 людей.", "uk", 12, "at_least"),
        ("Задержаны почти 8 тысяч человек.", "ru", 8000, "almost"),
        ("Число жертв превысило 3,4 тысячи человек.", "ru", 3400, "more"),
        ("Погибли 18 человек.", "ru", 18, None),
    ],
)
def test_qualifier(text: str, lang: str, value: float, qualifier: str | None) -> None:
    assert claim_of(text, lang, value).qualifier == qualifier


def test_as_of_time_in_the_sentence_and_its_date() -> None:
    text = "Станом на ранок 19 січня загинули 44 людини."
    c = extract(text, "uk", "2023-01-19").claims[0]
    assert c.as_of is not None and c.as_of.startswith("Станом на ранок 19 січня")
    assert c.as_of_date == "2023-01-19"
    clock = claim_of("По состоянию на 15:00 погибли 5 человек.", "ru", 5)
    assert clock.as_of == "По состоянию на 15:00"


def test_as_of_of_an_earlier_sentence_of_the_paragraph_holds() -> None:
    text = "Данные приведены по состоянию на 10:00. Задержаны 7 939 человек."
    assert claim_of(text, "ru", 7939).as_of == "по состоянию на 10:00"


@pytest.mark.parametrize(
    ("text", "lang", "value", "who"),
    [
        ("По данным МЧС, погибли 12 человек.", "ru", 12, "МЧС"),
        ("За інформацією ДСНС, поранено 46 осіб.", "uk", 46, "ДСНС"),
        ("Погибли 24 человека, сообщил губернатор Вячеслав Гладков.", "ru", 24, "Гладков"),
        (
            "В Алмати було затримано 1 925 учасників протестів. "
            "Про це повідомляє Інтерфакс із посиланням на міську комендатуру.",
            "uk",
            1925,
            "Интерфакс",
        ),
    ],
)
def test_attribution(text: str, lang: str, value: float, who: str) -> None:
    attribution = claim_of(text, lang, value).attribution
    assert attribution is not None and who in attribution, attribution


def test_a_figure_with_no_one_citing_it_has_no_attribution() -> None:
    assert claim_of("В Казахстане задержали 7939 человек.", "ru", 7939).attribution is None


def test_place_is_the_nearest_place_of_the_sentence() -> None:
    text = "В Кемерове при пожаре погибли 37 человек. В Москве эвакуировали 200 человек."
    assert claim_of(text, "ru", 37).place == "Кемерово"
    assert claim_of(text, "ru", 200).place == "Москва"


def test_verb_of_the_next_clause_is_not_taken() -> None:
    text = "Погибли 12 человек, еще 30 госпитализированы."
    assert claim_of(text, "ru", 12).measure == "deaths"
    assert claim_of(text, "ru", 30).measure == "hospitalised"
    relative = claim_of("В ДТП 5 человек, которые ехали в автобусе, пострадали.", "ru", 5)
    assert relative.measure == "injured"


def test_claims_survive_the_json_round_trip() -> None:
    from tui.facts import Facts

    facts = extract("По данным МЧС, погибли 12 человек. Ранее сообщалось о 10 погибших.", "ru")
    again = Facts.from_dict(facts.to_dict())
    assert again.claims == facts.claims and len(again.claims) == 2


def test_sentences_end_at_line_breaks_and_full_stops_not_abbreviations() -> None:
    text = "Заголовок\n\nЗатримано 2 тис. осіб у місті. Нове речення."
    spans = [text[s:e] for s, e in sentence_spans(text)]
    assert spans == ["Заголовок", "Затримано 2 тис. осіб у місті.", "Нове речення."]


@pytest.mark.parametrize(
    ("text", "lang", "low", "high"),
    [
        ("Погибли от 5 до 7 человек.", "ru", 5, 7),
        ("Загинули від 12 до 15 людей.", "uk", 12, 15),
        ("Ранены 10–12 человек.", "ru", 10, 12),
        ("Эвакуированы от 2 до 3 тысяч жителей.", "ru", 2000, 3000),
    ],
)
def test_a_range_is_one_claim_with_both_ends(text: str, lang: str, low: float, high: float) -> None:
    (c,) = [c for c in claims(text, lang) if c.status != "part"]
    assert (c.value, c.value_max, c.status) == (low, high, "current")


def test_from_to_after_a_change_verb_is_an_update_not_a_range() -> None:
    text = "Кількість загиблих зросла з 20 до 21 особи."
    assert claim_of(text, "uk", 20).status == "superseded"
    assert claim_of(text, "uk", 20).measure == "deaths"
    assert claim_of(text, "uk", 21).value_max is None
