"""The numbers ledger: claims of each measure across articles, in time order, stored in the
catalogue, with the figures that diverge marked; `sverka claims` on top of it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.compare.ledger import LedgerEntry, build, collapse, mark_divergent

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))


def entry(article: str, value: float, date: str | None = "2024-01-01", **kw: object) -> LedgerEntry:
    fields: dict[str, object] = {
        "outlet": article + ".ru", "title": "t", "measure": "deaths", "value_max": None,
        "qualifier": None, "as_of": None, "as_of_date": None, "attribution": None, "place": None,
        "status": "current", "text": f"{value:g}", "start": 0, "end": 1,
    }  # fmt: skip
    fields.update(kw)
    return LedgerEntry(article=article, date=date, value=value, **fields)  # type: ignore[arg-type]


def test_a_figure_three_outlets_contradict_is_marked_divergent() -> None:
    marked = mark_divergent([entry("a", 64), entry("b", 64), entry("c", 37), entry("d", 64)])
    assert [e.diverges for e in marked] == [False, False, True, False]


def test_figures_days_apart_are_an_evolution_not_a_divergence() -> None:
    marked = mark_divergent(
        [entry("a", 37, "2018-03-25"), entry("b", 64, "2018-03-28"), entry("c", 64, "2018-03-28")]
    )
    assert not any(e.diverges for e in marked)


def test_a_superseded_or_secondary_figure_never_diverges() -> None:
    marked = mark_divergent(
        [
            entry("a", 64),
            entry("a", 6, start=40),  # «тела шести погибших» after the headline
            entry("b", 64),
            entry("c", 56, status="superseded"),
            entry("c", 64, start=10),
        ]
    )
    assert not any(e.diverges for e in marked)


def test_one_entry_per_article_and_value_keeps_the_source_any_mention_gives() -> None:
    merged = collapse([entry("a", 64), entry("a", 64, attribution="МЧС", start=30)])
    assert len(merged) == 1 and merged[0].attribution == "МЧС" and merged[0].start == 0


def test_ledger_is_in_time_order_and_limited_to_the_latest() -> None:
    entries = [
        entry("c", 3, "2024-01-03"),
        entry("a", 1, "2024-01-01"),
        entry("b", 2, "2024-01-02"),
    ]
    (deaths,) = build(entries, limit=2)
    assert [e.value for e in deaths.entries] == [2, 3] and deaths.total == 3


def test_other_measures_only_when_asked() -> None:
    entries = [entry("a", 5), entry("b", 660, measure="other:человек|задействовать")]
    assert [m.measure for m in build(entries)] == ["deaths"]
    assert len(build(entries, include_other=True)) == 2
    assert [m.measure for m in build(entries, measure="other:человек|задействовать")] == [
        "other:человек|задействовать"
    ]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bench_claims import write_corpus

    folder = tmp_path_factory.mktemp("claims-corpus")
    write_corpus("dev", folder)
    return folder


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # one cache for the module: the catalogue and the facts of the corpus are built once
    cache = tmp_path_factory.getbasetemp() / "claims-ledger-cache"
    monkeypatch.setenv("SVERKA_CACHE_DIR", str(cache))


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["claims", *args, "--json", "--workers", "1"]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_ledger_lists_who_reported_how_many_when_and_citing_whom(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = run_json(capsys, "--corpus", str(corpus), "--measure", "deaths")
    assert set(data) == {"corpus", "query", "measure", "articles", "measures"}
    (deaths,) = data["measures"]
    assert deaths["measure"] == "deaths" and deaths["label"]
    claims = deaths["claims"]
    expected = {
        "article", "outlet", "title", "date", "measure", "value", "value_max", "qualifier",
        "as_of", "as_of_date", "attribution", "place", "status", "text", "start", "end",
        "sentence_start", "sentence_end", "diverges",
    }  # fmt: skip
    assert set(claims[0]) == expected
    dates = [c["date"] or "" for c in claims]
    assert dates == sorted(dates)
    kemerovo = [c for c in claims if c["place"] == "Кемерово"]
    by_outlet = {(c["outlet"], c["value"], c["status"]) for c in kemerovo}
    assert ("tass.ru", 37, "current") in by_outlet and ("ria.ru", 64, "current") in by_outlet
    assert ("ria.ru", 56, "superseded") in by_outlet
    tass = next(c for c in kemerovo if c["outlet"] == "tass.ru" and c["value"] == 37)
    assert tass["diverges"] and tass["attribution"] == "МЧС"


def test_cli_query_restricts_the_ledger_to_what_the_search_finds(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = run_json(capsys, "--corpus", str(corpus), "--query", "Кемерово")
    assert data["articles"] and data["articles"] <= 5
    places = {c["place"] for m in data["measures"] for c in m["claims"]}
    assert "Днепр" not in places and "Дніпро" not in places


def test_cli_text_view_and_unknown_measure(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["claims", "--corpus", str(corpus), "--measure", "evacuated"]) == 0
    out = capsys.readouterr().out
    assert "эвакуированные" in out and "2300" in out.replace(" ", "")
    assert main(["claims", "--corpus", str(corpus), "--measure", "nonsense", "--no-refresh"]) == 0
    captured = capsys.readouterr()
    assert "No claims" in captured.out and "deaths" in captured.err


def test_cli_no_refresh_on_a_folder_never_indexed_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("Погибли 5 человек.\n", "utf-8")
    assert main(["claims", "--corpus", str(tmp_path), "--no-refresh"]) != 0
    assert "sverka index" in capsys.readouterr().err


def test_facts_text_view_lists_claims_with_measure_and_status(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["facts", "004", "--corpus", str(ROOT / "seeds")]) == 0
    out = capsys.readouterr().out
    claims = out[out.index("Claims") :]
    assert "detained" in claims and "superseded" in claims and "Алмати" in claims
