"""Cited sources: agencies told apart from official bodies, any case form, credits are not citations."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from news_strategies import NEWS_ALPHABET

from tui.facts.sources import find_sources

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def names(text: str, kind: str | None = None) -> list[str]:
    return [s.name for s in find_sources(text, None) if kind is None or s.kind == kind]


def test_seed_002_cites_tass_sputnik_rbc_ria_and_khabar() -> None:
    agencies = set(names(seed("002"), "agency"))
    assert agencies == {"ТАСС", "Sputnik", "РБК", "РИА Новости", "Хабар 24"}


def test_seed_002_photo_and_video_credits_are_not_citations() -> None:
    text = seed("002")
    assert "Reuters" not in names(text)
    tass = [s for s in find_sources(text, "ru") if s.name == "ТАСС"]
    assert len(tass) == 1 and text[tass[0].start - 9 : tass[0].start] == "сообщает "


def test_seed_004_interfax_in_ukrainian_is_an_agency_and_the_commandants_office_official() -> None:
    found = find_sources(seed("004"), "uk")
    by_name = {s.name: s.kind for s in found}
    assert by_name["Интерфакс"] == "agency"
    assert by_name["комендатура"] == "official"
    assert by_name["КНБ"] == "official"
    assert "ТАСС" not in by_name  # «Фото: ТАСС» is a credit


def test_seed_004_local_prosecutors_site_is_not_a_citation() -> None:
    assert "Генпрокуратура" not in names(seed("004"))


def test_seed_000_khabar_and_the_foreign_ministry_in_inflected_forms() -> None:
    found = find_sources(seed("000"), "ru")
    assert {"Хабар 24", "МИД"} <= {s.name for s in found}
    assert "МИДа" in {s.text for s in found}
    assert "Reuters" not in {s.name for s in found}


def test_seed_003_cnn_and_interior_ministry() -> None:
    assert names(seed("003")) == ["CNN", "МВД"]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Об этом сообщает ТАСС.", "ТАСС", "agency"),
        ("как сообщили «Интерфаксу» в пятницу", "Интерфакс", "agency"),
        ("По данным агентства Reuters, протесты продолжаются.", "Reuters", "agency"),
        ("со ссылкой на РИА Новостей", "РИА Новости", "agency"),
        ("Про це повідомляє УНІАН.", "УНИАН", "agency"),
        ("передає Укрінформ", "Укрінформ", "agency"),
        ("пишет Kun.uz", "Kun.uz", "agency"),
        ("заявили в Министерстве иностранных дел", "МИД", "official"),
        ("повідомили в МЗС", "МИД", "official"),
        ("по данным Генпрокуратуры", "Генпрокуратура", "official"),
        ("сообщили в Комитете национальной безопасности", "КНБ", "official"),
        ("как сообщает пресс-служба ведомства", "пресс-служба", "official"),
    ],
)
def test_cited_forms(text: str, name: str, kind: str) -> None:
    found = find_sources(text, None)
    assert [(s.name, s.kind) for s in found] == [(name, kind)]
    assert text[found[0].start : found[0].end] == found[0].text


def test_agency_and_official_in_one_citation() -> None:
    found = find_sources("как сообщили «Интерфаксу» в полиции", "ru")
    assert [(s.name, s.kind) for s in found] == [("Интерфакс", "agency"), ("полиция", "official")]


@pytest.mark.parametrize(
    "text",
    [
        "Фото: ТАСС",
        "Фото: Reuters\nЗдание администрации",
        "Видео: телеграм-канал ТАСС",
        "Журналист ТАСС побывал на площади.",
        "Спутник вышел на орбиту, сообщает ведомство.",
        "Местная генпрокуратура запустила сайт.",
    ],
)
def test_mentions_that_are_not_citations(text: str) -> None:
    assert find_sources(text, None) == []


@settings(max_examples=150, deadline=None)
@given(st.lists(NEWS_ALPHABET, max_size=60).map("".join))
def test_any_text_gives_items_whose_offsets_match_their_text(text: str) -> None:
    for item in find_sources(text, None):
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start : item.end] == item.text
