"""Every theme can be read: the WCAG contrast of what the app draws, checked and enforced."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import open_first, ready
from rich.segment import Segment
from textual.color import Color

from tui import paths
from tui.app.contrast import (
    MUTED_MINIMUM,
    TEXT_MINIMUM,
    check_theme,
    contrast_ratio,
    readable,
)
from tui.app.themes import load_themes
from tui.app.widgets.article_list import OPEN_MARK
from tui.app.widgets.styling import component_style

SHIPPED = sorted(load_themes([paths.project_themes_dir()]).themes)

PALE = """name = "pale"
dark = false
primary = "#336699"
background = "#FBF9F4"
surface = "#FBF9F4"
foreground = "#999999"
"""


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio(Color(0, 0, 0), Color(255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio(Color(255, 255, 255), Color(255, 255, 255)) == pytest.approx(1.0)
    # #767676 on white is the well-known lightest grey that passes AA (4.54:1).
    assert contrast_ratio(Color.parse("#767676"), Color(255, 255, 255)) == pytest.approx(
        4.54, abs=0.01
    )


@pytest.mark.parametrize("name", SHIPPED)
def test_every_pair_a_shipped_theme_draws_is_readable(name: str) -> None:
    theme = load_themes([paths.project_themes_dir()]).themes[name]
    assert [str(f) for f in check_theme(theme)] == []


def test_a_faint_user_theme_is_refused_with_the_pair_named(tmp_path: Path) -> None:
    (tmp_path / "pale.toml").write_text(PALE, encoding="utf-8")
    loaded = load_themes([paths.project_themes_dir(), tmp_path])
    assert "pale" not in loaded.themes and "pale" in loaded.unreadable
    (problem,) = loaded.problems
    assert "pale.toml" in problem and "hard to read" in problem and ":1" in problem


async def test_a_faint_theme_asked_for_warns_and_the_default_is_used(
    make_app, tmp_path: Path
) -> None:
    (tmp_path / "pale.toml").write_text(PALE, encoding="utf-8")
    app = make_app(theme="pale", theme_folders=[paths.project_themes_dir(), tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.theme == "sverka-dark"
        (note,) = list(app._notifications)
        assert "pale.toml" in note.message and "hard to read" in note.message


async def test_the_palette_offers_only_readable_themes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        from tui.app.commands import SverkaCommands

        offered = [
            c.title.removeprefix("Theme: ").removesuffix(" (current)")
            for c in SverkaCommands(app.screen).commands()
            if c.title.startswith("Theme: ")
        ]
        assert set(SHIPPED) <= set(offered)
        for name in offered:
            assert readable(app.available_themes[name]), name
        refused = [n for n in app.theme_names if not readable(app.available_themes[n])]
        assert refused and not set(refused) & set(offered)


def _cells(strip: list[Segment], background: Color) -> list[tuple[str, Color, Color]]:
    out = []
    for segment in strip:
        if not segment.text.strip() or segment.style is None:
            continue
        style = segment.style
        fg = Color.from_rich_color(style.color) if style.color else None
        bg = Color.from_rich_color(style.bgcolor) if style.bgcolor else background
        assert fg is not None, segment
        out.append((segment.text, fg, bg))
    return out


@pytest.mark.parametrize("name", SHIPPED)
async def test_every_cell_of_the_list_and_the_article_is_readable(make_app, name: str) -> None:
    """What is drawn, not what the theme says: each cell's colours as rendered."""
    app = make_app(theme=name)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(pilot)
        await pilot.press("right_parenthesis")  # a selected sentence
        await pilot.pause()
        for widget in (screen.article_list, screen.reader):
            background = widget.background_colors[1]
            muted = {
                Color.from_rich_color(component_style(widget, c).color)
                for c in ("article-list--meta", "reading-view--date-line", "reading-view--removed")
                if c in widget.COMPONENT_CLASSES
            }
            for y in range(widget.size.height):
                for text, fg, bg in _cells(list(widget.render_line(y)), background):
                    ratio = contrast_ratio(fg, bg)
                    minimum = MUTED_MINIMUM if fg in muted else TEXT_MINIMUM
                    assert ratio >= minimum, (name, widget, text, fg.hex, bg.hex, ratio)


@pytest.mark.parametrize("name", SHIPPED)
async def test_the_cursor_row_has_its_own_background_and_the_open_article_a_mark(
    make_app, name: str
) -> None:
    app = make_app(theme=name)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(pilot)
        articles = screen.article_list
        opened = articles.cursor
        articles.focus()
        await pilot.press("j")
        await pilot.pause()

        def row(index: int) -> list[Segment]:
            return list(articles.render_line(index - int(articles.scroll_offset.y)))

        def backgrounds(index: int) -> set[str]:
            return {s.style.bgcolor.name for s in row(index) if s.style and s.style.bgcolor}

        cursor = articles.cursor
        assert cursor != opened
        assert backgrounds(cursor) and backgrounds(cursor).isdisjoint(backgrounds(opened))
        assert "".join(s.text for s in row(opened)).startswith(OPEN_MARK)
        assert not "".join(s.text for s in row(cursor)).startswith(OPEN_MARK)
        # blurred: the cursor row still has a background of its own
        screen.reader.focus()
        await pilot.pause()
        assert backgrounds(cursor).isdisjoint(
            backgrounds(cursor + 1 if cursor + 1 < len(articles.source) else opened)
        )
