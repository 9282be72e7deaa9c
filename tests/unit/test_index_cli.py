"""`sverka index` and `sverka search` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "one.txt").write_text(
        "Токаев обратился к народу\n\nПрезидент Токаев выступил в Астане 7 января 2022 года.\n",
        "utf-8",
    )
    (root / "two.txt").write_text(
        "Протесты в Алматы\n\nВ Алматы прошли протесты, Токаева критиковали.\n", "utf-8"
    )
    return root


def test_index_then_search_json(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(corpus), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "2 articles" in err
    assert main(["search", "токаеву", "--corpus", str(corpus), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"query", "took_ms", "total", "hits"}
    assert data["query"] == "токаеву" and data["total"] == 2
    assert {h["id"] for h in data["hits"]} == {"one", "two"}
    assert all(set(h) == {"id", "title", "snippet"} for h in data["hits"])


def test_search_for_people(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "Алматы", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 article(s) match") and "two" in out


def test_missing_corpus_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(tmp_path / "nowhere")]) == 2
    assert main(["search", "x", "--corpus", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("sverka: ") for line in err)


def test_list_of_a_large_corpus_reads_the_catalogue(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.cli import list_cmd

    assert main(["list", str(seeds_dir), "--json"]) == 0
    direct = json.loads(capsys.readouterr().out)
    monkeypatch.setattr(list_cmd, "LARGE_CORPUS", 1)
    assert main(["list", str(seeds_dir), "--json"]) == 0
    via_catalogue = json.loads(capsys.readouterr().out)
    key = lambda item: item["id"]  # noqa: E731
    for a, b in zip(sorted(direct, key=key), sorted(via_catalogue, key=key), strict=True):
        assert {k: a[k] for k in a if k != "path"} == {k: b[k] for k in b if k != "path"}
        assert Path(a["path"]).resolve() == Path(b["path"])
    assert main(["list", str(seeds_dir)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:2] == ["id", "title"] and len(table) == 6


def test_search_no_refresh_uses_the_catalogue_as_left_and_needs_one(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "Алматы", "--corpus", str(corpus), "--no-refresh"]) == 2
    assert "sverka index" in capsys.readouterr().err
    assert main(["index", str(corpus), "--workers", "1"]) == 0
    (corpus / "three.txt").write_text(
        "Новости из Алматы\n\nВ Алматы открылись магазины и банки после протестов.\n", "utf-8"
    )
    capsys.readouterr()
    assert main(["search", "Алматы", "--corpus", str(corpus), "--no-refresh", "--json"]) == 0
    assert {h["id"] for h in json.loads(capsys.readouterr().out)["hits"]} == {"two"}
    assert main(["search", "Алматы", "--corpus", str(corpus), "--json"]) == 0
    assert {h["id"] for h in json.loads(capsys.readouterr().out)["hits"]} == {"two", "three"}


def test_the_configs_cache_dir_holds_the_catalogue_unless_the_environment_names_one(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    chosen = tmp_path / "my-cache"
    config = tmp_path / "config.toml"
    config.write_text(f'cache_dir = "{chosen}"\n', "utf-8")
    monkeypatch.delenv("SVERKA_CACHE_DIR")
    assert main(["--config", str(config), "index", str(corpus), "--workers", "1"]) == 0
    assert list(chosen.glob("catalog-*.sqlite"))
    assert main(["--config", str(config), "search", "Токаев", "--corpus", str(corpus)]) == 0
    assert "2 article(s) match" in capsys.readouterr().out
    elsewhere = tmp_path / "env-cache"
    monkeypatch.setenv("SVERKA_CACHE_DIR", str(elsewhere))
    assert main(["--config", str(config), "index", str(corpus), "--workers", "1"]) == 0
    assert list(elsewhere.glob("catalog-*.sqlite"))


def test_an_unusable_cache_folder_is_one_sentence_not_a_traceback(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", "utf-8")
    monkeypatch.setenv("SVERKA_CACHE_DIR", str(blocker / "cache"))
    assert main(["index", str(corpus), "--workers", "1"]) == 2
    assert main(["search", "Токаев", "--corpus", str(corpus)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(
        line.startswith("sverka: cannot use the cache folder") for line in err
    )
