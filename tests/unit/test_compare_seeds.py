"""`compare` on the seeds, end to end: cleaning, facts (NER loaded once per session), alignment,
fact diff, corpus matrix and ranking, with unrelated texts as negative controls."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.compare import Comparison, compare_prepared, matrix_of, rank_prepared
from tui.compare.prepare import Prepared, clear_cache, prepare
from tui.corpus import Article

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
DATA = REPO / "tests" / "data" / "compare"
UNRELATED = {
    "unrelated_ru": "ru",
    "unrelated_politics_ru": "ru",
    "unrelated_protest_ru": "ru",
    "unrelated_uk": "uk",
}


def make_article(path: Path, language: str) -> Article:
    """An Article built directly (the pipeline under test starts after the corpus reader)."""
    raw = path.read_text(encoding="utf-8")
    data = raw.encode("utf-8")
    return Article(
        id=path.stem,
        path=path,
        raw=raw,
        encoding="utf-8",
        title=raw.strip().split("\n", 1)[0][:80],
        outlet="test",
        language=language,
        date=None,
        words=len(raw.split()),
        size=len(data),
        mtime=0.0,
        sha1=hashlib.sha1(data).hexdigest(),
    )


@pytest.fixture(scope="session")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Prepared]]:
    """Every seed and unrelated text cleaned and with facts, once per session (own cache dir)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SVERKA_CACHE_DIR", str(tmp_path_factory.mktemp("compare-cache")))
        clear_cache()
        out: dict[str, Prepared] = {}
        for path in sorted(SEEDS.glob("*.txt")):
            out[path.name[:3]] = prepare(
                make_article(path, "uk" if path.name.startswith("004") else "ru")
            )
        for name, lang in UNRELATED.items():
            out[name] = prepare(make_article(DATA / f"{name}.txt", lang))
        yield out
    clear_cache()


def cmp(prepared: dict[str, Prepared], a: str, b: str) -> Comparison:
    return compare_prepared(prepared[a], prepared[b])


def squash(text: str) -> str:
    return " ".join(text.split())


def test_offsets_point_into_cleaned_text(prepared: dict[str, Prepared]) -> None:
    comp = cmp(prepared, "000", "001")
    for pair in comp.pairs:
        assert prepared["000"].text[pair.a.start : pair.a.end] == pair.a.text
        assert prepared["001"].text[pair.b.start : pair.b.end] == pair.b.text
    for group in comp.quantities:
        for v in group.a:
            assert prepared["000"].text[v.start : v.end] == v.text


def test_000_reuses_passages_of_ministry_statement_001(prepared: dict[str, Prepared]) -> None:
    comp = cmp(prepared, "000", "001")
    same = [p for p in comp.pairs if p.kind == "same"]
    assert len(same) >= 4
    for phrase in (
        "среди нападавших есть лица, имеющие опыт боевого участия",
        "подвергся вооруженной агрессии хорошо скоординированных террористических групп",
        "мирные участники протестов не подвергаются никаким преследованиям",
        "Правоохранительным органам поручено провести масштабное расследование",
    ):
        assert any(phrase in squash(p.a.text) and phrase in squash(p.b.text) for p in same), phrase


def test_002_and_003_pair_the_two_tellings_of_the_appeal(prepared: dict[str, Prepared]) -> None:
    comp = cmp(prepared, "002", "003")
    appeal = [
        p
        for p in comp.pairs
        if "Токаев обратился за помощью" in squash(p.a.text)
        and "5 января обратился к членам ОДКБ" in squash(p.b.text)
    ]
    assert appeal and appeal[0].kind == "similar"


def test_003_and_004_share_tokayev_and_almaty_across_languages(
    prepared: dict[str, Prepared],
) -> None:
    comp = cmp(prepared, "003", "004")
    names = {(row.a, row.b) for row in comp.entities.shared}
    assert any(a and b and "Токаев" in a and "Токаєв" in b for a, b in names), names
    assert any(a == "Алматы" and b == "Алмати" for a, b in names), names
    shared_keys = {row.key for row in comp.entities.shared}
    assert not shared_keys & {row.key for row in comp.entities.only_a}
    assert "Блинкен" in " ".join(row.a or "" for row in comp.entities.only_a)
    assert "Сулейменов" in " ".join(row.b or "" for row in comp.entities.only_b)


def test_000_and_004_put_detained_counts_side_by_side(prepared: dict[str, Prepared]) -> None:
    comp = cmp(prepared, "000", "004")
    groups = [
        g
        for g in comp.quantities
        if 7939 in [v.value for v in g.a] and 1925 in [v.value for v in g.b]
    ]
    assert len(groups) == 1
    (group,) = groups
    assert group.status in ("differ", "conflict")
    assert group in comp.disagreements


def test_000_and_004_detained_claims_disagree_with_both_figures_and_their_framing(
    prepared: dict[str, Prepared],
) -> None:
    comp = cmp(prepared, "000", "004")
    assert comp.event is not None and comp.event.same
    (detained,) = [r for r in comp.claims if r.measure == "detained"]
    assert detained.status == "differ"
    assert detained.a[0].value == 7939 and detained.b[0].value == 1925
    assert detained.a[0].as_of  # «По последним данным»
    assert detained.b[0].attribution and "Интерфакс" in detained.b[0].attribution
    assert detained.b[0].place == "Алмати"


@pytest.mark.parametrize("other", sorted(UNRELATED))
def test_unrelated_text_gives_no_claim_rows(prepared: dict[str, Prepared], other: str) -> None:
    comp = cmp(prepared, "000", other)
    assert not [r for r in comp.claims if r.status in ("agree", "differ", "compatible")]


def test_date_without_year_meets_the_full_date(prepared: dict[str, Prepared]) -> None:
    comp = cmp(prepared, "000", "001")
    mourning = [g for g in comp.dates if g.what == "2022-01-10"]
    assert mourning and mourning[0].status == "agree"


@pytest.mark.parametrize("other", sorted(UNRELATED))
@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_unrelated_text_yields_no_pairs(
    prepared: dict[str, Prepared], seed: str, other: str
) -> None:
    comp = cmp(prepared, seed, other)
    assert comp.pairs == []
    assert not [g for g in comp.quantities if g.status in ("agree", "conflict")]


def test_unrelated_articles_align_with_nothing_across_the_seeds(
    prepared: dict[str, Prepared],
) -> None:
    # 003 (Blinken, the protests) and 004 (detentions in Almaty) tell different stories.
    assert len(cmp(prepared, "003", "004").pairs) <= 1


def test_matrix_lays_facts_against_articles(prepared: dict[str, Prepared]) -> None:
    seeds = [prepared[k] for k in ("000", "001", "002", "003", "004")]
    result = matrix_of(seeds)
    assert result.articles == [p.id for p in seeds]
    tokayev = [r for r in result.rows if r.kind == "entity" and "Токаев" in r.label]
    assert tokayev and len(tokayev[0].cells) >= 4  # every seed but one names him
    detained = [
        r
        for r in result.rows
        if r.kind == "quantity" and prepared["000"].id in r.cells and prepared["004"].id in r.cells
    ]
    assert detained
    data = result.to_dict()
    assert set(data) == {"articles", "rows"}
    assert result.rows[0].kind == "entity" and len(result.rows[0].cells) == 5


def test_rank_by_overlap_puts_the_reused_statement_first(prepared: dict[str, Prepared]) -> None:
    seeds = [prepared[k] for k in ("000", "001", "002", "003", "004")]
    ranked = rank_prepared(prepared["000"], seeds)
    assert [art_id for art_id, _ in ranked][0] == prepared["001"].id
    assert prepared["000"].id not in [art_id for art_id, _ in ranked]
    assert all(0 <= score <= 1 for _, score in ranked)
    with_noise = rank_prepared(prepared["004"], [*seeds, prepared["unrelated_uk"]])
    assert with_noise[-1][0] == prepared["unrelated_uk"].id
