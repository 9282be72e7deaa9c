"""Named entities on the seed articles: who and where, in base form, linked by key across ru/uk."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.facts.model import Entity

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _seed_text(prefix: str) -> str:
    from tui.clean import clean_text

    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return clean_text(path.read_text("utf-8")).text


@pytest.fixture(scope="session")
def seed_entities() -> dict[str, list[Entity]]:
    """Entities of every seed's cleaned text; the models load once for the whole session."""
    from tui.facts.entities import find_entities

    return {p: find_entities(_seed_text(p)) for p in ("000", "001", "002", "003", "004")}


def _people(entities: list[Entity]) -> dict[str, set[str]]:
    """key → normal forms of the people mentioned."""
    out: dict[str, set[str]] = {}
    for e in entities:
        if e.type == "PER":
            out.setdefault(e.key, set()).add(e.normal)
    return out


def test_offsets_point_at_the_surface(seed_entities: dict[str, list[Entity]]) -> None:
    for prefix, entities in seed_entities.items():
        text = _seed_text(prefix)
        assert entities, prefix
        for e in entities:
            assert text[e.start : e.end] == e.text
            assert e.type in ("PER", "ORG", "LOC")
            assert e.key and e.normal


def test_people_of_003_with_linked_mentions(seed_entities: dict[str, list[Entity]]) -> None:
    people = _people(seed_entities["003"])
    for key in ("блинкен", "борел", "назарбаев", "токаев"):
        assert key in people, sorted(people)
    assert "Нурсултан Назарбаев" in people["назарбаев"]
    assert {"Касым-Жомарт Токаев", "Токаев"} <= people["токаев"]
    # «Касым-Жомарта Токаева» and «Токаев» are one person
    surfaces = {e.text for e in seed_entities["003"] if e.key == "токаев"}
    assert {"Касым-Жомарта Токаева", "Токаев"} <= surfaces
    assert all(e.type == "PER" for e in seed_entities["003"] if e.key == "блинкен")


def test_initials_link_to_the_surname(seed_entities: dict[str, list[Entity]]) -> None:
    (tokayev,) = [e for e in seed_entities["001"] if e.text == "К.Токаева"]
    assert tokayev.normal == "К.Токаев"
    assert tokayev.key == "токаев"


def test_004_base_forms_in_ukrainian(seed_entities: dict[str, list[Entity]]) -> None:
    people = _people(seed_entities["004"])
    assert "Жанат Сулейменов" in people["сулеименов"]
    assert {e.normal for e in seed_entities["004"] if e.text.startswith("Токаєв")} == {"Токаєв"}


def test_no_ukrainian_common_word_is_a_person(seed_entities: dict[str, list[Entity]]) -> None:
    from tui.facts.ukrainian import token_kind

    persons = [e for e in seed_entities["004"] if e.type == "PER"]
    words = {w for e in persons for w in e.text.replace(".", " ").split()}
    for word in ("Місцева", "Захід", "Комітету", "Влада", "Білорусі", "Бостандицького"):
        assert word not in words
    # and generally: every word of a person is a name, an initial, or unknown to the dictionary
    for w in words:
        assert len(w) == 1 or token_kind(w, "uk") in ("name", "unknown"), w


def test_tokayev_same_key_in_russian_and_ukrainian(seed_entities: dict[str, list[Entity]]) -> None:
    ru = {e.key for e in seed_entities["003"] if e.text.startswith("Токаев")}
    uk = {e.key for e in seed_entities["004"] if e.text.startswith("Токаєв")}
    assert ru == uk == {"токаев"}


def test_csto_acronym_and_expansion_share_a_key(seed_entities: dict[str, list[Entity]]) -> None:
    keys = {e.text: e.key for e in seed_entities["001"] if e.type == "ORG"}
    assert keys["ОДКБ"] == keys["Организации Договора о коллективной безопасности"] == "одкб"
    full = [e for e in seed_entities["001"] if e.text.startswith("Организации Договора")]
    assert full[0].normal == "Организация Договора о коллективной безопасности"


def test_almaty_same_key_in_russian_and_ukrainian(seed_entities: dict[str, list[Entity]]) -> None:
    ru = {e.key for e in seed_entities["003"] if e.text == "Алматы"}
    uk = {e.key for e in seed_entities["004"] if e.text == "Алмати"}
    assert ru and ru == uk
    assert all(e.type == "LOC" for e in seed_entities["004"] if e.text == "Алмати")


def test_ukrainian_acronym_expansion_keys() -> None:
    from tui.facts.keys import org_key, person_key, place_key

    assert org_key("Організація Договору про колективну безпеку") == "одкб"
    assert org_key("Міністерство закордонних справ") == org_key("МИД")
    assert org_key("Европейский союз") == org_key("ЄС") == org_key("Євросоюз")
    assert person_key("Касым-Жомарт Токаев") == person_key("К. Токаев") == person_key("Токаєв")
    assert place_key("Київ") == place_key("Киев")


def test_extract_detects_language_and_keeps_offsets() -> None:
    from tui.facts import extract

    text = "Президент Казахстану Касим-Жомарт Токаєв прибув до Москви."
    facts = extract(text)
    by_key = {e.key: e for e in facts.entities}
    assert by_key["токаев"].type == "PER"
    assert by_key["токаев"].normal == "Касим-Жомарт Токаєв"
    assert by_key["казахстан"].type == "LOC"
    for e in facts.entities:
        assert text[e.start : e.end] == e.text


def test_empty_text_has_no_facts() -> None:
    from tui.facts import extract

    facts = extract("")
    assert facts.entities == []


@pytest.mark.parametrize(
    "text",
    [
        "«ОАО «Газпром» и Джоэл Саймон (Joel Simon) — в Москве\n\nКИЇВ. Тереза Мей,",
        "Прем'єр Великої Британії Тереза Мей зустрілася з Т.Мей у Брюсселі та Лондоні.",
        "(((«»)))— Мей",
        "Путин\u00a0и Токаев 🙂 в Нур-Султане; • Коста Рика • Эфиопия",
        "\n\n   \n",
    ],
)
def test_awkward_text_gives_sorted_non_overlapping_exact_spans(text: str) -> None:
    from tui.facts.entities import find_entities

    entities = find_entities(text)
    prev_end = 0
    for e in entities:
        assert text[e.start : e.end] == e.text
        assert e.start >= prev_end and e.end > e.start
        assert e.text == e.text.strip()
        prev_end = e.end
