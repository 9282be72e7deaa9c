"""Across the language line: names that meet, Ukrainian places found, passages that align."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crossling_data import load_distinct, load_names, load_ner, load_pairs  # noqa: E402


def _key(typ: str, name: str) -> str:
    from tui.facts.entities import link
    from tui.facts.spans import Span

    return link(name, [(Span(0, len(name), typ), name)])[0].key


@pytest.mark.parametrize(
    ("typ", "a", "b"),
    [
        ("LOC", "Германия", "Німеччина"),
        ("LOC", "Венгрия", "Угорщина"),
        ("LOC", "Германия", "Germany"),
        ("LOC", "Германия", "Германія"),  # Belarusian, from CLDR
        ("LOC", "Казахстан", "Қазақстан"),  # Kazakh, from CLDR
        ("LOC", "Львов", "Львів"),
        ("LOC", "Борисполь", "Бориспіль"),
        ("LOC", "Киевская область", "Київська область"),
        ("LOC", "Алматы", "Almaty"),
        ("PER", "Иван Выговский", "Іван Вигівський"),
        ("PER", "Касым-Жомарт Токаев", "Kassym-Jomart Tokayev"),
        ("PER", "Майкл О'Лири", "Майкл О'Лірі"),
        ("PER", "Урсула фон дер Ляйен", "Урсула фон дер Ляєн"),
        ("ORG", "КГБ", "КДБ"),
        ("ORG", "Государственная пограничная служба", "Державна прикордонна служба"),
        ("ORG", "Министерство обороны Румынии", "Міністерство оборони Румунії"),
    ],
)
def test_one_entity_in_two_languages_gets_one_key(typ: str, a: str, b: str) -> None:
    assert _key(typ, a) == _key(typ, b)


@pytest.mark.parametrize(
    ("typ", "a", "b"),
    [
        ("PER", "Андрей Садовый", "Андрій Садовський"),
        ("PER", "Клаус Йоханнис", "Йоганнес"),
        ("LOC", "Австрия", "Австралія"),
        ("LOC", "Словакия", "Словенія"),
        ("LOC", "Ирак", "Іран"),
        ("ORG", "МВД", "МЗС"),
    ],
)
def test_look_alikes_of_different_entities_keep_apart(typ: str, a: str, b: str) -> None:
    assert _key(typ, a) != _key(typ, b)


def test_the_dev_name_lists_meet_almost_everywhere_and_look_alikes_do_not() -> None:
    rows = load_names("dev")
    same = sum(_key(t, ru) == _key(t, uk) for t, ru, uk, _ in rows)
    assert same / len(rows) >= 0.95
    merged = [(a, b) for t, a, b in load_distinct() if _key(t, a) == _key(t, b)]
    # Two people of one surname share it (keys are surnames by design): the Klitschko brothers.
    assert merged == [("Виталий Кличко", "Володимир Кличко")]


def test_a_ukrainian_surname_respelled_only_to_a_known_russian_surname() -> None:
    from tui.facts.names import russian_spelling

    assert russian_spelling("Вигівський", "PER") == "выговский"
    assert russian_spelling("Бориспіль", "LOC") == "борисполь"
    assert russian_spelling("Йоганніс", "PER") is None  # «Йоганнес» is a first name, not a surname
    assert russian_spelling("Токаев", "PER") is None  # nothing Ukrainian to respell


def test_latin_names_are_transliterated_for_keys() -> None:
    from tui.facts.names import latin_to_cyrillic

    assert latin_to_cyrillic("Tokayev") == "токаев"
    assert latin_to_cyrillic("Zhanaozen, Almaty") == "жанаозен, алматы"
    assert latin_to_cyrillic("Київ") == "Київ"


def _entities(text: str, lang: str) -> list[tuple[str, str, str]]:
    from tui.facts.entities import find_entities

    return [(e.text, e.type, e.normal) for e in find_entities(text, lang)]


def test_places_after_settlement_abbreviations_are_found_without_the_abbreviation() -> None:
    found = _entities(
        "У м. Бровари поліцейські затримали чоловіка. Жителі с. Плауру чули вибухи.", "uk"
    )
    assert ("Бровари", "LOC", "Бровари") in found
    assert any(text == "Плауру" and typ == "LOC" for text, typ, _ in found)
    found_ru = _entities("В г. Черновцы из-за ливней вышел из берегов Прут.", "ru")
    assert ("Черновцы", "LOC", "Черновцы") in found_ru


def test_a_year_abbreviation_after_a_number_is_no_place() -> None:
    found = _entities("В 2022 г. Президент подписал указ.", "ru")
    assert not any(typ == "LOC" for _, typ, _ in found)


def test_ukrainian_countries_in_oblique_cases_are_places_with_their_base_form() -> None:
    found = _entities("У Туреччині кількість загиблих зросла. Допомогу надіслали до Польщі.", "uk")
    assert ("Туреччині", "LOC", "Туреччина") in found
    assert ("Польщі", "LOC", "Польща") in found


def test_one_word_places_take_the_gazetteer_or_dictionary_base_form() -> None:
    found = _entities("У центрі Луцька чоловік захопив автобус. У Мараші тривають роботи.", "uk")
    assert ("Луцька", "LOC", "Луцьк") in found
    assert ("Мараші", "LOC", "Мараш") in found


def test_numbers_meet_whatever_their_spelling() -> None:
    from tui.compare.text import sentences

    ru = sentences("Задержаны почти 2 тыс. человек и четыре иностранца.", "ru")[0].keys
    uk = sentences("Затримано майже дві тисячі осіб і чотирьох іноземців.", "uk")[0].keys
    assert {"#2000", "#4"} <= ru & uk


def _aligned(ru: str, uk: str) -> list[tuple[int, int]]:
    from tui.compare.comparison import compare_prepared
    from tui.compare.prepare import Prepared
    from tui.facts import extract

    a = Prepared(id="ru", text=ru, language="ru", facts=extract(ru, "ru"))
    b = Prepared(id="uk", text=uk, language="uk", facts=extract(uk, "uk"))
    return [(p.a.start, p.b.start) for p in compare_prepared(a, b).pairs]


def test_independently_written_ru_and_uk_reports_of_one_event_share_passages() -> None:
    pairs = load_pairs("loose_dev")
    hits = sum(bool(_aligned(d.ru, d.uk)) for d in pairs)
    assert hits / len(pairs) >= 2 / 3


def test_reports_of_different_events_share_no_passage() -> None:
    pairs = load_pairs("loose_dev")
    for d, e in zip(pairs, pairs[1:] + pairs[:1], strict=True):
        assert _aligned(d.ru, e.uk) == [], (d.id, e.id)


def test_the_hand_annotated_ukrainian_news_reads_as_marked() -> None:
    docs = load_ner("uk_dev")
    assert len(docs) >= 15
    for d in docs:
        for e in d["entities"]:
            assert d["text"][e["start"] : e["end"]] == e["text"]


def test_two_sentences_that_share_only_names_are_not_a_shared_passage() -> None:
    ru = "Президент Украины Владимир Зеленский в среду прибыл с визитом в Польшу."
    uk = "Президент України Володимир Зеленський засудив напад на прем'єра Словаччини."
    assert _aligned(ru, uk) == []


def test_a_retelling_in_the_other_language_with_a_number_and_a_date_aligns() -> None:
    ru = "Полиция Алматы отчиталась о задержании 1925 предполагаемых участников беспорядков за сутки."
    uk = "У місті Алмати протягом минулої доби було затримано 1 925 ймовірних учасників протестів."
    assert len(_aligned(ru, uk)) == 1


def test_a_two_word_place_whose_case_ending_stayed_in_one_language_is_one_entity() -> None:
    from tui.compare.facts_diff import key_merges
    from tui.facts.model import Entity

    ru = [Entity(0, 15, "Банска-Бистрице", "LOC", "Банска-Бистрице", "банска бистрице")]
    uk = [Entity(0, 16, "Банській Бистриці", "LOC", "Банська Бистриця", "банска бистрица")]
    merges = key_merges(ru, uk)
    assert merges.get("банска бистрице", "банска бистрице") == merges.get(
        "банска бистрица", "банска бистрица"
    )


def test_regional_administrations_are_organisations_keyed_by_their_region() -> None:
    uk = _entities("Очільник Харківської ОВА Олег Синєгубов повідомив про обстріл.", "uk")
    assert ("Харківської ОВА", "ORG", "Харківська ОВА") in uk
    from tui.facts.entities import find_entities

    key_uk = next(
        e.key for e in find_entities("Очільник Харківської ОВА заявив.", "uk") if e.type == "ORG"
    )
    key_ru = next(
        e.key for e in find_entities("Глава Харьковской ОВА заявил.", "ru") if e.type == "ORG"
    )
    assert key_uk == key_ru


def test_state_companies_by_their_compound_names_are_organisations() -> None:
    uk = _entities(
        "Укрзалізниця призначила поїзди, а енергетики Прикарпаттяобленерго працюють.", "uk"
    )
    assert ("Укрзалізниця", "ORG", "Укрзалізниця") in uk
    assert any(t == "Прикарпаттяобленерго" and typ == "ORG" for t, typ, _ in uk)
    ru = _entities("Роснефть и Росгвардия в Ростове, Россия.", "ru")
    assert [(t, typ) for t, typ, _ in ru if typ == "ORG"] == [
        ("Роснефть", "ORG"),
        ("Росгвардия", "ORG"),
    ]


def test_surnames_in_oblique_cases_take_their_nominative() -> None:
    uk = _entities("Нагороду Денису Половинці вручив голова. Денис Половинка подякував.", "uk")
    assert [n for _, typ, n in uk if typ == "PER"] == ["Денис Половинка", "Денис Половинка"]
    ru = _entities("Переговоры с Зеленским и с Кривошем продолжались.", "ru")
    assert [n for _, typ, n in ru if typ == "PER"] == ["Зеленский", "Кривош"]


def test_names_with_an_apostrophe_are_one_name() -> None:
    uk = _entities(
        "Нагороду вручив голова В'ячеслав Чаус. Директор Ryanair Майкл О’Лірі заявив.", "uk"
    )
    assert ("В'ячеслав Чаус", "PER", "В'ячеслав Чаус") in uk
    assert any(t == "Майкл О’Лірі" and typ == "PER" for t, typ, _ in uk)
    ru = _entities("Генеральный директор Ryanair Майкл О'Лири заявил.", "ru")
    assert any(t == "Майкл О'Лири" and typ == "PER" for t, typ, _ in ru)


def test_a_common_noun_opening_the_sentence_is_no_part_of_the_place_after_it() -> None:
    uk = _entities("Прем'єр-міністр Угорщини Віктор Орбан знову заблокував рішення.", "uk")
    assert ("Угорщини", "LOC", "Угорщина") in uk
    assert ("Віктор Орбан", "PER", "Віктор Орбан") in uk


def test_a_name_the_tagger_missed_on_one_side_meets_the_entity_on_the_other() -> None:
    from tui.compare.align import _add_anchors, _name_words_as_entities
    from tui.compare.comparison import anchors
    from tui.compare.text import sentences
    from tui.facts import extract

    ru = "Раньше Смаилов был первым вице-премьером."
    uk = "Раніше Смаїлов обіймав посаду першого віцепрем'єра."
    sa, sb = sentences(ru, "ru"), sentences(uk, "uk")
    single = _add_anchors(sa, anchors(extract(ru, "ru")))
    single.update({w: k for w, k in _add_anchors(sb, []).items()})
    _name_words_as_entities(sa, single)
    _name_words_as_entities(sb, single)
    named = {k for k in sa[0].keys if k.startswith("@")}
    assert named and named <= sb[0].keys
