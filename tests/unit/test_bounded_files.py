"""Sidecars, cache entries and the state file are read only up to a size that fits their purpose.

A 3 GB `.meta.toml` beside an article took 6.3 GB of RSS: every such file was read whole. The
files here are sparse (no disk used); memory is measured with tracemalloc, not time."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tui.corpus.metadata import MetadataError, read_sidecar
from tui.corpus.reader import Article, Skipped, read_article
from tui.facts.cache import cache_folder, cache_key, cached_facts, pipeline_version
from tui.facts.model import Entity, Facts

BIG = 200 * 1024 * 1024


def _sparse(path: Path, size: int, head: bytes = b"") -> Path:
    with path.open("wb") as f:
        f.write(head)
        f.truncate(size)
    return path


def _peak(call: Callable[[], Any]) -> tuple[Any, int]:
    tracemalloc.start()
    try:
        result = call()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_huge_sidecar_is_refused_without_reading_it(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Заголовок\n\nТекст статьи о событиях в Алматы.\n", encoding="utf-8")
    _sparse(tmp_path / "a.meta.toml", BIG, b'outlet = "x"\n')
    with pytest.raises(MetadataError, match="larger than 64 KB"):
        _peak(lambda: read_sidecar(article))
    found, peak = _peak(lambda: read_article(article, tmp_path))
    assert isinstance(found, Skipped) and "larger than 64 KB" in found.reason
    assert peak < 10 * 1024 * 1024


def test_a_sidecar_value_of_a_megabyte_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Заголовок\n\nТекст.\n", encoding="utf-8")
    (tmp_path / "a.meta.toml").write_text(f'outlet = "{"x" * 60_000}"\n', encoding="utf-8")
    with pytest.raises(MetadataError, match="longer than"):
        read_sidecar(article)


def test_a_normal_sidecar_still_applies(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Заголовок\n\nТекст статьи о событиях в Алматы.\n", encoding="utf-8")
    (tmp_path / "a.meta.toml").write_text('outlet = "Интерфакс"\n', encoding="utf-8")
    found = read_article(article, tmp_path)
    assert isinstance(found, Article) and found.outlet == "Интерфакс"


def _entry(text: str) -> Path:
    path = cache_folder() / f"{cache_key(text, 'ru', None)}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


COMPUTED = Facts(entities=[Entity(0, 6, "Алматы", "LOC", "Алматы", "алмати")])


def test_a_huge_facts_cache_entry_is_a_miss_and_not_read() -> None:
    text = "Алматы — крупнейший город Казахстана."
    head = json.dumps({"version": pipeline_version(), "facts": {"entities": []}}).encode()
    _sparse(_entry(text), BIG, head[:-1])
    found, peak = _peak(lambda: cached_facts(text, "ru", None, lambda: COMPUTED))
    assert found == COMPUTED
    assert peak < 10 * 1024 * 1024


@pytest.mark.parametrize("content", ["[]", '{"version": 5}', '{"facts": []}', "null", '"x"'])
def test_a_facts_cache_entry_of_another_shape_is_a_miss(content: str) -> None:
    text = f"Текст для проверки кэша {content}."
    entry = _entry(text)
    entry.write_text(content, encoding="utf-8")
    assert cached_facts(text, "ru", None, None) is None
    assert cached_facts(text, "ru", None, lambda: COMPUTED) == COMPUTED


def test_a_huge_state_file_is_ignored() -> None:
    from tui import paths
    from tui.app.app import read_state

    state = paths.state_file()
    state.parent.mkdir(parents=True, exist_ok=True)
    _sparse(state, BIG, b'theme = "light"\n')
    found, peak = _peak(read_state)
    assert found == {}
    assert peak < 10 * 1024 * 1024
