"""The way out to the source: the URL under the headline, `u` opens it, `y` copies a passage."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest
from app_helpers import ready, settle

URL = "https://example.org/news/2022/01/almaty?id=7939&src=[b]x[/b]"


async def _open(pilot, screen, article_id: str) -> None:
    screen.open_article(article_id)
    for _ in range(200):
        await settle(pilot, 1)
        if screen.article is not None and screen.article.id == article_id:
            return
        await pilot.pause(0.02)
    raise AssertionError(f"{article_id} never opened")


@pytest.fixture
def with_url(corpus: Path) -> Path:
    (corpus / "zz_hostile.meta.toml").write_text(f'url = "{URL}"\n', encoding="utf-8")
    return corpus


async def test_the_url_is_shown_under_the_headline(make_app, with_url) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await _open(pilot, screen, "zz_hostile")
        lines = [line for line in screen.reader.visible_text().splitlines() if line.strip()]
        assert URL in lines[:3]


async def test_y_copies_the_selected_sentence_with_a_toast(make_app, with_url) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await _open(pilot, screen, "zz_hostile")
        await pilot.press("y")  # nothing selected: says how to select
        assert app.clipboard == ""
        await pilot.press("right_parenthesis", "right_parenthesis")
        start, end = screen.reader.selected_span
        await pilot.press("y")
        assert app.clipboard == screen.document.text[start:end]
        assert any(n.title.startswith("Copied") for n in app._notifications)


async def test_u_opens_the_url_in_the_browser(
    make_app, with_url, tmp_path: Path, monkeypatch
) -> None:
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f"#!/bin/sh\nprintf '%s' \"$1\" > {opened}\n", encoding="utf-8")
    browser.chmod(0o755)
    monkeypatch.setenv("BROWSER", f"{browser} %s")
    monkeypatch.setattr(webbrowser, "_tryorder", None)
    monkeypatch.setattr(webbrowser, "_browsers", {})
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await _open(pilot, screen, "zz_hostile")
        await pilot.press("u")
        for _ in range(300):
            await settle(pilot, 1)
            if opened.exists() and opened.read_text(encoding="utf-8"):
                break
            await pilot.pause(0.02)
        assert opened.read_text(encoding="utf-8") == URL


async def test_without_a_browser_u_copies_the_url(make_app, with_url, monkeypatch) -> None:
    for name in ("BROWSER", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await _open(pilot, screen, "zz_hostile")
        await pilot.press("u")
        await pilot.pause()
        assert app.clipboard == URL


async def test_a_url_that_is_not_http_is_never_opened(make_app, corpus: Path) -> None:
    (corpus / "zz_hostile.meta.toml").write_text('url = "file:///etc/passwd"\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await _open(pilot, screen, "zz_hostile")
        await pilot.press("u")
        await pilot.pause()
        assert app.clipboard == ""
        assert any("only http" in str(n.message) for n in app._notifications)
