"""Compare by claim: same measure in the same event agrees, differs or is compatible; superseded
figures are history; two different events get no agree/differ row."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tui.compare import Prepared, compare_prepared
from tui.compare.claims_diff import agreement, interval, skeleton
from tui.compare.model import ClaimRef
from tui.facts import extract

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))


def prep(pid: str, text: str, lang: str, date: str | None = None) -> Prepared:
    return Prepared(
        pid, text, lang, extract(text, lang, date), title=text.split("\n")[0], date=date
    )


def row(comp, measure: str):  # type: ignore[no-untyped-def]
    rows = [r for r in comp.claims if r.measure == measure]
    assert rows, [(r.measure, r.status) for r in comp.claims]
    return rows[0]


FIRST = "В Ростове при пожаре погибли 12 человек\n\nПри пожаре в общежитии в Ростове-на-Дону погибли 12 человек, сообщили в МЧС.\n"
UPDATE = (
    "Число погибших при пожаре в Ростове выросло до 14\n\nЧисло погибших при пожаре в общежитии"
    " в Ростове-на-Дону выросло до 14 человек. Ранее в МЧС сообщали о 12 погибших.\n"
)


def test_an_updated_toll_differs_from_the_old_one_and_keeps_it_as_history() -> None:
    comp = compare_prepared(prep("a", FIRST, "ru"), prep("b", UPDATE, "ru"))
    deaths = row(comp, "deaths")
    assert deaths.status == "differ"
    assert deaths.a[0].value == 12 and deaths.b[0].value == 14
    assert [c.value for c in deaths.history_b] == [12]
    assert deaths.a[0].attribution == "МЧС"
    assert any(g.status == "differ" for g in comp.disagreements)


def test_same_toll_worded_differently_across_languages_agrees() -> None:
    ru = "Удар по Днепру: погибли 40 человек\n\nВ Днепре в результате удара погибли 40 человек.\n"
    uk = "Дніпро: загинули 40 осіб\n\nУ Дніпрі внаслідок удару загинули 40 осіб.\n"
    comp = compare_prepared(prep("a", ru, "ru"), prep("b", uk, "uk"))
    assert comp.event is not None and comp.event.same
    assert row(comp, "deaths").status == "agree"


def test_different_wordings_of_evacuation_meet_in_one_row() -> None:
    a = "Херсонщина: эвакуировали более 2300 человек\n\nИз Херсонской области эвакуировали более 2300 человек.\n"
    b = "Херсонщина: вивезли 2 300 людей\n\nЗ Херсонської області вивезли 2 300 людей.\n"
    comp = compare_prepared(prep("a", a, "ru"), prep("b", b, "uk"))
    assert row(comp, "evacuated").status == "agree"


def test_two_different_events_give_no_agree_or_differ_rows() -> None:
    kemerovo = (
        "Пожар в Кемерове: погибли 64 человека\n\nПри пожаре в Кемерове погибли 64 человека.\n"
    )
    surgut = "Пожар в Сургуте: погибли 7 человек\n\nПри пожаре в Сургуте погибли 7 человек.\n"
    comp = compare_prepared(prep("a", kemerovo, "ru"), prep("b", surgut, "ru"))
    assert comp.different_events
    assert comp.claims == []
    assert not [g for g in comp.quantities if g.status in ("agree", "differ", "compatible")]
    assert comp.disagreements == []


def test_a_venue_named_in_both_headlines_is_one_event() -> None:
    a = "Теракт в «Крокус Сити Холле»: погибли 115 человек\n\nЖертвами стали 115 человек.\n"
    b = "СК: погибших в «Крокус Сити Холле» стало 133\n\nЧисло погибших выросло до 133 человек.\n"
    comp = compare_prepared(prep("a", a, "ru"), prep("b", b, "ru"))
    assert comp.event is not None and comp.event.same, comp.event
    assert row(comp, "deaths").status == "differ"


def test_same_place_far_apart_in_time_is_another_event() -> None:
    a = "Атака на Київ\n\nУ Києві внаслідок атаки травмовано 5 людей.\n"
    b = "Атака на Київ\n\nУ Києві внаслідок атаки травмовано 49 людей.\n"
    comp = compare_prepared(prep("a", a, "uk", "2023-11-25"), prep("b", b, "uk", "2024-01-02"))
    assert comp.different_events
    assert comp.event is not None and "days apart" in comp.event.reasons[0]


@pytest.mark.parametrize(
    ("x", "y", "status"),
    [
        ((7939, None), (7939, None), "agree"),
        ((2300, "more"), (2300, None), "agree"),
        ((8000, "almost"), (7939, None), "compatible"),
        ((100, "about"), (98, None), "compatible"),
        ((100, "about"), (87, None), "differ"),
        ((2500, "about"), (2030, None), "differ"),
        ((76000, "more"), (121000, "more"), "differ"),
        ((39, "at_least"), (50, None), "differ"),
        ((7939, None), (1925, None), "differ"),
    ],
)
def test_agreement_of_headlines(x: tuple, y: tuple, status: str) -> None:
    cx = ClaimRef(0, 1, "", float(x[0]), x[1])
    cy = ClaimRef(0, 1, "", float(y[0]), y[1])
    assert agreement(cx, cy) == status
    assert agreement(cy, cx) == status


def test_a_range_is_compatible_with_a_figure_inside_it() -> None:
    inside = ClaimRef(0, 1, "", 5.0, None, value_max=7.0)
    assert agreement(inside, ClaimRef(0, 1, "", 6.0)) == "compatible"
    assert agreement(inside, ClaimRef(0, 1, "", 9.0)) == "differ"


def test_intervals_are_never_wider_than_a_tenth_for_round_figures() -> None:
    low, high = interval(100, "about")
    assert (low, high) == (90, 110)


def test_place_skeletons_meet_across_spellings() -> None:
    assert skeleton("Днепр") == skeleton("Дніпро")[: len(skeleton("Днепр"))]
    assert skeleton("Харків") == skeleton("Харьков")
    assert skeleton("Одеса") == skeleton("Одессе")


@pytest.mark.parametrize("split", ["dev", "heldout", "heldout2"])
def test_own_claims_set_meets_the_targets(split: str) -> None:
    from bench_claims import score

    result = score(split)
    differ_hit, differ_all = result["differ"]
    agree_hit, agree_all = result["agree"]
    assert differ_hit >= 0.85 * differ_all, result
    assert agree_hit >= 0.85 * agree_all, result
    assert result["unrelated_rows"] == 0, result
