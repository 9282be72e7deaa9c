"""Base forms and types a reader of the seeds would notice when wrong (sentences like the seeds')."""

from __future__ import annotations

import pytest

from tui.facts.entities import find_entities


def _found(text: str, lang: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.type, e.normal) for e in find_entities(text, lang)]


@pytest.mark.parametrize(
    ("text", "surface", "normal"),
    [
        (
            "Вооруженные силы Казахстана приведены в готовность.",
            "Вооруженные силы",
            "Вооруженные силы",
        ),
        ("Командование Вооруженных сил сообщило об этом.", "Вооруженных сил", "Вооруженные силы"),
        (
            "Протесты начались в Мангистауской области.",
            "Мангистауской области",
            "Мангистауская область",
        ),
        (
            "Мангистаускую область посетил президент.",
            "Мангистаускую область",
            "Мангистауская область",
        ),
    ],
)
def test_russian_phrases_in_the_nominative(text: str, surface: str, normal: str) -> None:
    assert (surface, normal) in [(s, n) for s, _t, n in _found(text, "ru")]


def test_double_first_name_declines_in_both_parts() -> None:
    ru = _found("Указ поддержали сторонники Касым-Жомарта Токаева.", "ru")
    assert ("Касым-Жомарта Токаева", "PER", "Касым-Жомарт Токаев") in ru
    uk = _found("Указ Касима-Жомарта Токаєва набрав чинності.", "uk")
    assert ("Касима-Жомарта Токаєва", "PER", "Касим-Жомарт Токаєв") in uk


def test_ukrainian_surname_in_the_genitive_after_a_conjunction() -> None:
    found = _found(
        "Лукашенко та Токаєва обговорили ситуацію. За словами Токаєва, все спокійно.", "uk"
    )
    assert [n for s, t, n in found if s == "Токаєва"] == ["Токаєв", "Токаєв"]


def test_kyiv_in_the_locative_is_a_place_not_the_name_kyi() -> None:
    found = find_entities("Зустріч відбулася у Києві. У Києві пройшли протести.", "uk")
    kyiv = [e for e in found if e.text == "Києві"]
    assert len(kyiv) == 2
    assert all(e.type == "LOC" and e.normal == "Київ" and e.key == "киев" for e in kyiv)


def test_preposition_opening_a_sentence_is_not_a_place() -> None:
    found = _found("На площади перед мэрией в Алматы утром началась перестрелка.", "ru")
    assert all(not s.startswith("На ") for s, _t, _n in found)


def test_organisation_head_does_not_swallow_a_preposition() -> None:
    found = _found("По данным МИДа в Казахстане все спокойно.", "ru")
    assert ("МИДа", "ORG", "МИД") in found


def test_place_adjective_in_front_of_an_organisation_is_part_of_its_name() -> None:
    (mid, _person) = find_entities("Глава японского МИДа Сэйдзи Маэхара отметил это.", "ru")
    assert (mid.text, mid.type, mid.normal, mid.key) == (
        "японского МИДа",
        "ORG",
        "японский МИД",
        "мид",
    )
    (centre,) = find_entities("Лидер московского «Центра» выступил.", "ru")
    assert centre.text == "московского «Центра»"
    # a qualitative adjective is not: «новом Конгрессе»
    found = find_entities("Законопроект внесли в новом Конгрессе США.", "ru")
    assert all(not e.text.startswith("новом") for e in found)


def test_an_acronym_does_not_take_a_genitive_phrase() -> None:
    found = _found("Об этом сообщили в МИД страны в пятницу.", "ru")
    assert ("МИД", "ORG", "МИД") in found


def test_a_word_the_dictionary_knows_only_as_a_place_is_a_place() -> None:
    found = find_entities("Новым чемпионом Европы стал гроссмейстер из Хорватии.", "ru")
    assert ("Европы", "LOC") in [(e.text, e.type) for e in found]
    # in quotes it is a name of something else (a car, a ship)
    found = find_entities("Автомобиль «Таврия» выпускался на заводе.", "ru")
    assert all(e.type != "LOC" for e in found)


def test_an_adjective_agreeing_with_a_common_noun_after_it_is_not_a_name() -> None:
    found = _found("Кипрское правительство намерено ужесточить борьбу.", "ru")
    assert all(s != "Кипрское" for s, _t, _n in found)
    found = _found("Протесты прошли в Мангистауской области.", "ru")
    assert ("Мангистауской области", "LOC", "Мангистауская область") in found


def test_a_common_noun_opening_a_sentence_is_not_a_person() -> None:
    text = "Виктор Понедельник выступил в суде. Адвокат ведет себя, словно царь."
    assert "Адвокат" not in [s for s, _t, _n in _found(text, "ru")]
    # a surname that looks like a common noun stays when the text names the person elsewhere
    text = "Лидер группы Василий Шумов выступил. Шумов преподает в университете."
    assert [s for s, t, _n in _found(text, "ru") if t == "PER"][-1] == "Шумов"


def test_a_quoted_name_after_an_organisation_noun_is_an_organisation() -> None:
    found = _found("Конфликт между руководством канала и компанией «Алтек» продолжается.", "ru")
    assert ("Алтек", "ORG") in [(s, t) for s, t, _n in found]
    found = _found("Фонд «Допомога Церкві в нужді» передав гуманітарну допомогу.", "uk")
    assert ("Допомога Церкві в нужді", "ORG") in [(s, t) for s, t, _n in found]


def test_a_guessed_adjective_alone_goes_to_the_nominative_and_takes_the_shared_noun() -> None:
    found = _found("Положение отменили в Мангистауской и Актюбинской областях.", "ru")
    assert ("Мангистауской", "LOC", "Мангистауская область") in found


def test_regions_sharing_one_noun_get_it_both_and_one_key_in_both_languages() -> None:
    from tui.facts.entities import find_entities

    uk = find_entities("Становище зберігається в Алматинській і Жамбилській областях.", "uk")
    ru = find_entities("Положение сохраняется в Алматинской и Жамбылской областях.", "ru")
    assert [e.normal for e in uk] == ["Алматинська область", "Жамбилська область"]
    assert [e.normal for e in ru] == ["Алматинская область", "Жамбылская область"]
    assert [e.key for e in uk] == [e.key for e in ru]
    assert (uk[0].start, uk[0].end) == (25, 37)  # the mention itself is unchanged


def test_a_quoted_name_after_an_organisation_noun_is_its_own_base_form() -> None:
    found = _found("Фонд «Допомога Церкві в нужді» передав гуманітарну допомогу.", "uk")
    assert ("Допомога Церкві в нужді", "ORG", "Допомога Церкві в нужді") in found


def test_a_declined_quoted_name_is_still_put_in_the_nominative() -> None:
    found = _found("Представители фонда «Помощи церкви в беде» приехали в Пакистан.", "ru")
    assert [n for s, t, n in found if s == "Помощи церкви в беде"] == ["Помощь церкви в беде"]


@pytest.mark.parametrize(
    ("text", "lang", "surface", "normal"),
    [
        ("АЛМА-АТА, 10 января. /ТАСС/. Власти ввели режим ЧП.", "ru", "АЛМА-АТА", "Алма-Ата"),
        (
            "МОСКВА, 7 января. /ТАСС/. Президент России Владимир Путин провел совещание с"
            " постоянными членами Совета безопасности.",
            "ru",
            "МОСКВА",
            "Москва",
        ),
    ],
)
def test_a_place_in_capitals_gets_its_ordinary_case(
    text: str, lang: str, surface: str, normal: str
) -> None:
    assert (surface, "LOC", normal) in _found(text, lang)


def test_acronyms_in_capitals_stay_capitals() -> None:
    found = _found("Делегация США прибыла в Алматы, сообщили в КНБ и ЕАЭС.", "ru")
    normals = {n for _s, _t, n in found}
    assert "США" in normals
    assert not {"Сша", "Кнб", "Еаэс"} & normals


@pytest.mark.parametrize(
    ("text", "lang", "place", "person"),
    [
        (
            "Президент України Володимир Зеленський провів нараду з питань безпеки в Казахстані.",
            "uk",
            ("України", "LOC", "Україна"),
            ("Володимир Зеленський", "PER", "Володимир Зеленський"),
        ),
        (
            "Посол України Василь Бодня заявив про це журналістам.",
            "uk",
            ("України", "LOC", "Україна"),
            ("Василь Бодня", "PER", "Василь Бодня"),
        ),
    ],
)
def test_the_country_of_an_office_is_not_part_of_the_holders_name(
    text: str, lang: str, place: tuple[str, str, str], person: tuple[str, str, str]
) -> None:
    found = _found(text, lang)
    assert place in found and person in found


def test_a_capitalised_title_before_a_name_is_left_out_of_it() -> None:
    found = _found("Ксендз Вальдемар Цисло заявил, что нападавших так и не нашли.", "ru")
    assert ("Вальдемар Цисло", "PER", "Вальдемар Цисло") in found
    assert not [f for f in found if f[0].startswith("Ксендз")]


def test_a_council_the_tagger_took_for_a_person_is_an_organisation_in_its_base_form() -> None:
    found = _found(
        "Про це він сказав на засіданні Ради колективної безпеки ОДКБ, передає «Інтерфакс».", "uk"
    )
    assert ("Ради колективної безпеки", "ORG", "Рада колективної безпеки") in found
    assert not [f for f in found if f[1] == "PER"]


def test_a_council_has_one_key_in_russian_and_ukrainian() -> None:
    from tui.facts.entities import find_entities

    uk = find_entities("Про це він сказав на засіданні Ради колективної безпеки ОДКБ.", "uk")
    ru = find_entities("Об этом он заявил на сессии Совета коллективной безопасности ОДКБ.", "ru")
    uk_keys = {e.key for e in uk if e.normal.startswith("Рада")}
    ru_keys = {e.key for e in ru if e.normal.startswith("Совет")}
    assert uk_keys and uk_keys == ru_keys


def test_a_ukrainian_place_the_dictionary_lacks_gets_its_nominative_and_the_russian_key() -> None:
    from tui.facts.entities import find_entities

    uk = find_entities(
        "Генпрокурор заявив на брифінгу в Нур-Султані, що поранених понад 4,5 тисячі.", "uk"
    )
    ru = find_entities(
        "Генпрокурор заявил на брифинге в Нур-Султане, что раненых более 4,5 тысячи.", "ru"
    )
    # (the gazetteer knows the city by its present name: the key is Astana's in both languages)
    assert [(e.normal, e.key) for e in uk if e.type == "LOC"] == [("Нур-Султан", "астана")]
    assert {e.key for e in ru if e.type == "LOC"} == {"астана"}


def test_regions_followed_by_their_noun_in_plain_text_take_it() -> None:
    found = _found(
        "Комендатура повідомляє, що зачищено житлові масиви Бостандицького та Турксибського районів.",
        "uk",
    )
    assert [n for _s, t, n in found if t == "LOC"] == ["Бостандицький район", "Турксибський район"]
