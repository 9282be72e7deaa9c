"""Languages without a real NER path (be, kk, en): only names a dictionary vouches for."""

from __future__ import annotations

from tui.facts import extract

BE = (
    "Лукашэнка прапанаваў правесці рэферэндум па Канстытуцыі ў лютым\n\n"
    "Аляксандр Лукашэнка падпісаў указ аб правядзенні рэспубліканскага рэферэндуму па "
    "змяненнях і дапаўненнях Канстытуцыі. Галасаванне прызначана на 27 лютага.\n\n"
    "Фота: БелТА\n\n"
    "Праект новай Канстытуцыі быў апублікаваны ў канцы снежня. Ён прадугледжвае стварэнне "
    "Усебеларускага народнага сходу.\n\n"
    "Прадстаўнікі дэмакратычных сіл заклікалі грамадзян не ўдзельнічаць у рэферэндуме."
)
KK = (
    "Алматыда бірнеше ауданда ыстық су болмайды\n\n"
    "Алматы қаласында 19 қаңтар күні бірнеше ауданда ыстық су уақытша өшіріледі. Бұл туралы "
    "қалалық жылу желілері кәсіпорнының баспасөз қызметі хабарлады."
)
EN = (
    "Russian and U.S. diplomats ended nearly eight hours of talks in Geneva on Jan. 10 without "
    "any sign of progress. The talks will continue on Jan. 12 in Brussels."
)


def test_belarusian_common_words_are_not_people() -> None:
    entities = extract(BE, "be").entities
    surfaces = {e.text for e in entities}
    assert not surfaces & {"Канстытуцыі", "Прадстаўнікі", "Ён", "Усебеларускага"}
    people = {e.text for e in entities if e.type == "PER"}
    assert "Аляксандр Лукашэнка" in people
    assert "Лукашэнка" in people  # the headline's repeat
    assert len({e.key for e in entities if e.type == "PER"}) == 1
    for e in entities:
        assert BE[e.start : e.end] == e.text


def test_kazakh_locative_is_the_place_in_base_form() -> None:
    entities = extract(KK, "kk").entities
    almaty = [e for e in entities if e.text.startswith("Алматы")]
    assert {e.text for e in almaty} == {"Алматыда", "Алматы"}
    assert all(e.type == "LOC" and e.normal == "Алматы" and e.key == "алмати" for e in almaty)
    assert all(e.type != "ORG" for e in entities)  # no sentence taken for an organisation


def test_english_month_abbreviation_is_not_a_person() -> None:
    entities = extract(EN, "en").entities
    assert all(e.text.rstrip(".") not in ("Jan", "January") for e in entities)


def test_no_quantities_from_ru_uk_dictionaries_in_other_languages() -> None:
    assert extract(EN, "en").quantities == []
    assert extract(BE, "be").quantities == []
