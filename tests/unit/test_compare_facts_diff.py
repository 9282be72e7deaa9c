"""Fact comparison on hand-built facts (independent of the extractor)."""

from __future__ import annotations

from tui.compare.comparison import compare_prepared
from tui.compare.facts_diff import Side, diff_dates, diff_entities, diff_quantities
from tui.compare.model import Pair, Span
from tui.compare.prepare import Prepared
from tui.facts.model import DateFact, Entity, Facts, Quantity


def ent(text: str, word: str, type_: str, normal: str, key: str) -> Entity:
    start = text.index(word)
    return Entity(start, start + len(word), word, type_, normal, key)  # type: ignore[arg-type]


def qty(
    text: str, word: str, value: float, counted: str, event: str, approx: str | None = None
) -> Quantity:
    start = text.index(word)
    return Quantity(start, start + len(word), word, value, approx, counted, event)


def date(text: str, word: str, value: str) -> DateFact:
    start = text.index(word)
    return DateFact(start, start + len(word), word, value)


RU = "По последним данным, в Казахстане задержали 7939 человек. Токаев выступил 7 января."
UK = "У місті Алмати було затримано 1 925 осіб. Токаєв виступив 7 січня."


def ru_side() -> Side:
    return Side(
        RU,
        [
            ent(RU, "Казахстане", "LOC", "Казахстан", "казахстан"),
            ent(RU, "Токаев", "PER", "Токаев", "токаев"),
        ],
        [date(RU, "7 января", "2022-01-07")],
        [qty(RU, "7939 человек", 7939, "человек", "задержать")],
    )


def uk_side() -> Side:
    return Side(
        UK,
        [
            ent(UK, "Алмати", "LOC", "Алмати", "алматы"),
            ent(UK, "Токаєв", "PER", "Токаєв", "токаев"),
        ],
        [date(UK, "7 січня", "2022-01-07")],
        [qty(UK, "1 925 осіб", 1925, "особа", "затримати")],
    )


def test_entities_shared_and_only_by_key() -> None:
    diff = diff_entities(ru_side().entities, uk_side().entities)
    assert [(r.key, r.a, r.b) for r in diff.shared] == [("токаев", "Токаев", "Токаєв")]
    assert [r.key for r in diff.only_a] == ["казахстан"]
    assert [r.key for r in diff.only_b] == ["алматы"]


def test_detained_counts_side_by_side_differ_in_scope() -> None:
    (group,) = diff_quantities(ru_side(), uk_side())
    assert [v.value for v in group.a] == [7939]
    assert [v.value for v in group.b] == [1925]
    assert group.status == "differ"  # Kazakhstan vs Almaty
    assert group.a[0].scope == "казахстан"
    assert group.b[0].scope == "алматы"


def test_same_scope_different_number_is_a_conflict() -> None:
    a = ru_side()
    b_text = "В Казахстане задержали 5000 человек."
    b = Side(
        b_text,
        [ent(b_text, "Казахстане", "LOC", "Казахстан", "казахстан")],
        [],
        [qty(b_text, "5000 человек", 5000, "человек", "задержать")],
    )
    (group,) = diff_quantities(a, b)
    assert group.status == "conflict"


def test_numbers_in_aligned_passages_conflict_even_without_place() -> None:
    a_text = "Задержали 100 человек."
    b_text = "Задержали 120 человек."
    a = Side(a_text, [], [], [qty(a_text, "100 человек", 100, "человек", "задержать")])
    b = Side(b_text, [], [], [qty(b_text, "120 человек", 120, "человек", "задержать")])
    assert diff_quantities(a, b)[0].status == "differ"
    pair = Pair(Span(0, len(a_text), a_text), Span(0, len(b_text), b_text), 0.9, "similar")
    assert diff_quantities(a, b, [pair])[0].status == "conflict"


def test_approximate_number_agrees_within_tolerance() -> None:
    b_text = "Задержаны почти 8 тысяч человек."
    b = Side(
        b_text,
        [],
        [],
        [qty(b_text, "почти 8 тысяч человек", 8000, "человек", "задержать", "почти")],
    )
    assert diff_quantities(ru_side(), b)[0].status == "agree"


def test_quantity_found_on_one_side_only() -> None:
    b_text = "Погибли 16 силовиков."
    b = Side(b_text, [], [], [qty(b_text, "16 силовиков", 16, "силовик", "погибнуть")])
    statuses = sorted(g.status for g in diff_quantities(ru_side(), b))
    assert statuses == ["only_a", "only_b"]


def test_dates_agree_by_value() -> None:
    (group,) = diff_dates(ru_side(), uk_side())
    assert group.what == "2022-01-07"
    assert group.status == "agree"


def test_aligned_passages_with_other_dates_conflict() -> None:
    a_text = "Токаев обратился к ОДКБ 5 января."
    b_text = "Токаев обратился к ОДКБ 6 января."
    a = Side(a_text, [], [date(a_text, "5 января", "2022-01-05")], [])
    b = Side(b_text, [], [date(b_text, "6 января", "2022-01-06")], [])
    pair = Pair(Span(0, len(a_text), a_text), Span(0, len(b_text), b_text), 0.8, "similar")
    groups = diff_dates(a, b, [pair])
    assert groups[0].status == "conflict"
    assert [v.value for v in groups[0].a] == ["2022-01-05"]


def test_compare_prepared_to_dict_shape() -> None:
    ra, ub = ru_side(), uk_side()
    a = Prepared("a", RU, "ru", Facts(list(ra.entities), list(ra.dates), list(ra.quantities)))
    b = Prepared("b", UK, "uk", Facts(list(ub.entities), list(ub.dates), list(ub.quantities)))
    data = compare_prepared(a, b).to_dict()
    assert set(data) == {"a", "b", "pairs", "entities", "quantities", "dates", "event", "claims"}
    assert set(data["event"]) == {"same", "reasons"}
    assert set(data["entities"]) == {"shared", "only_a", "only_b"}
    assert data["quantities"][0]["a"][0]["value"] == 7939
    assert set(data["quantities"][0]) == {"what", "a", "b", "status"}
    for pair in data["pairs"]:
        assert set(pair) == {"a", "b", "score", "kind"}
        assert set(pair["a"]) == {"start", "end", "text"}


def test_keys_differing_by_a_case_ending_are_merged() -> None:
    a_text = "Токаев выступил."
    b_text = "Токаєва критикують."
    a = [ent(a_text, "Токаев", "PER", "Токаев", "токаев")]
    b = [ent(b_text, "Токаєва", "PER", "Токаєва", "токаева")]
    diff = diff_entities(a, b)
    assert [(r.a, r.b) for r in diff.shared] == [("Токаев", "Токаєва")]
    assert not diff.only_a and not diff.only_b
    # a different type is a different thing
    c = [ent(b_text, "Токаєва", "LOC", "Токаєва", "токаева")]
    assert not diff_entities(a, c).shared


def test_a_count_of_detained_people_meets_a_count_of_people_detained() -> None:
    b_text = "Ранее МВД Казахстана сообщало о 7939 задержанных."
    b = Side(b_text, [], [], [qty(b_text, "7939 задержанных", 7939, "задержанный", None)])  # type: ignore[arg-type]
    (group,) = diff_quantities(ru_side(), b)
    assert [v.value for v in group.a] == [7939] and [v.value for v in group.b] == [7939]
    assert group.status == "agree"
