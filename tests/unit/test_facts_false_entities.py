"""Fewer false entities: a word capitalised only by its sentence, offices and companies the tagger
calls places or people, a lone country it calls an organisation."""

from __future__ import annotations

from tui.facts import extract


def entities(text: str) -> set[tuple[str, str]]:
    return {(e.text, e.type) for e in extract(text).entities}


def test_a_sentence_initial_word_the_text_also_writes_in_lower_case_is_no_name() -> None:
    found = entities(
        "Маркетплейсы обяжут хранить данные о продавцах. Правительство одобрило законопроект, "
        "который обязывает маркетплейсы хранить данные три года."
    )
    assert not [e for e in found if e[0] == "Маркетплейсы"]


def test_a_surname_opening_a_sentence_is_still_a_name() -> None:
    found = entities("Лавров провел переговоры в Анкаре. Министр обсудил ситуацию с коллегой.")
    assert ("Лавров", "PER") in found


def test_offices_and_companies_are_organisations_and_a_lone_country_a_place() -> None:
    found = entities(
        "Про це повідомив голова Сумської ОВА Олег Григоров. Затримку поїздів підтвердили в "
        "Укрзалізниці, а графіки відключень оголосили в Укренерго для восьми областей України."
    )
    types = {text: kind for text, kind in found}
    assert types.get("Сумської ОВА") == "ORG"
    assert types.get("Укрзалізниці") == "ORG"
    assert types.get("Укренерго") == "ORG"
    assert types.get("України", "LOC") == "LOC"
