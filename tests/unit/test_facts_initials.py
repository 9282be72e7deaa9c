"""«К.Токаева», «К. Токаев» link to «Касым-Жомарт Токаев»: one key in an article, across articles and languages."""

from __future__ import annotations

import pytest

from tui.facts.entities import find_entities

FULL = "Президент Касым-Жомарт Токаев заявил, что порядок восстановлен."


@pytest.mark.parametrize(
    ("text", "lang", "surface", "normal"),
    [
        ("Заявление К.Токаева опубликовано на сайте.", "ru", "К.Токаева", "К.Токаев"),
        ("Заявление К. Токаева опубликовано на сайте.", "ru", "К. Токаева", "К. Токаев"),
        ("Указ подписан К.Токаевым в понедельник.", "ru", "К.Токаевым", "К.Токаев"),
        ("Заява К.Токаєва оприлюднена на сайті.", "uk", "К.Токаєва", "К.Токаєв"),
        ("Президент К. Токаєв заявив про це.", "uk", "К. Токаєв", "К. Токаєв"),
    ],
)
def test_initial_and_surname_share_the_full_names_key(
    text: str, lang: str, surface: str, normal: str
) -> None:
    (full,) = [e for e in find_entities(FULL, "ru") if e.type == "PER"]
    # across articles (and languages): the key alone links them
    (short,) = [e for e in find_entities(text, lang) if e.type == "PER"]
    assert (short.text, short.normal) == (surface, normal)
    assert short.key == full.key == "токаев"
    # within one article
    both = [e for e in find_entities(f"{FULL} {text}", lang) if e.type == "PER"]
    assert {e.key for e in both} == {"токаев"}
