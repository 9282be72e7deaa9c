"""Pilot tests of the comparison screen and the second-article picker, on a tiny host app.

The articles are the seeds read as they are (no cleaning); facts are hand-built, so these tests
exercise the screen, not the extractor.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Label, LoadingIndicator, OptionList, Static

from tui.app.screens.compare import CompareScreen
from tui.app.screens.pick_second import PickSecondArticle
from tui.app.widgets.fact_diff import FactDiffPanel
from tui.app.widgets.passage_column import PassageColumn, cut_pieces
from tui.compare import Prepared
from tui.corpus import Article
from tui.facts.model import Facts, Quantity

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
HOSTILE = "[@click=app.quit]Нажми[/] и [b]жирный[/b]: задержали 1 000 человек в Казахстане."


def article(art_id: str, raw: str, language: str = "ru") -> Article:
    data = raw.encode("utf-8")
    return Article(
        id=art_id,
        path=Path(f"{art_id}.txt"),
        raw=raw,
        encoding="utf-8",
        title=raw.split("\n", 1)[0][:60],
        outlet="test",
        language=language,
        date=None,
        words=len(raw.split()),
        size=len(data),
        mtime=0.0,
        sha1=hashlib.sha1(data).hexdigest(),
    )


def seed_articles() -> list[Article]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        prefix = path.name[:3]
        out.append(
            article(prefix, path.read_text(encoding="utf-8"), "uk" if prefix == "004" else "ru")
        )
    return out


DETAINED = re.compile(r"(задержали|затримано)\s+(\d{1,3}(?: \d{3})+|\d+)")


def fake_prepare(art: Article) -> Prepared:
    """Raw text, and a quantity for every «задержали N человек» / «затримано N осіб»."""
    quantities = [
        Quantity(
            m.start(2),
            m.end(2),
            m.group(2),
            float(m.group(2).replace(" ", "")),
            None,
            "человек",
            "задержать",
        )  # fmt: skip
        for m in DETAINED.finditer(art.raw)
    ]
    return Prepared(
        art.id, art.raw, art.language, Facts(quantities=quantities), art.title, art.outlet
    )


def lexical_rank(first: Article, candidates: Sequence[Article]) -> list[tuple[str, float]]:
    from tui.compare import rank_prepared

    return rank_prepared(fake_prepare(first), [fake_prepare(a) for a in candidates])


class Library:
    """The two methods the screen needs of the app's library."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = articles

    def article(self, article_id: str) -> Article:
        return next(a for a in self.articles if a.id == article_id)

    def all_articles(self) -> list[Article]:
        return self.articles


class Home(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Label("home")


class Host(App[None]):
    """A tiny app that pushes the screen under test."""

    def __init__(self, make: Callable[[], Screen]) -> None:  # type: ignore[type-arg]
        super().__init__()
        self.make = make

    def on_mount(self) -> None:
        self.push_screen(Home())
        self.push_screen(self.make())


async def settle(pilot, rounds: int = 4) -> None:  # type: ignore[no-untyped-def]
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def make_screen(
    first: str, second: str | None, articles: list[Article] | None = None
) -> Callable[[], CompareScreen]:
    arts = articles or seed_articles()
    lib = Library(arts)
    return lambda: CompareScreen(
        lib.article(first), lib, second, preparer=fake_prepare, ranker=lexical_rank
    )


def current_pieces(column: PassageColumn) -> list[str]:
    return [str(w.render()) for w in column.query(".piece.-current")]


@pytest.mark.asyncio
async def test_compare_shows_columns_and_jumps_between_shared_passages() -> None:
    app = Host(make_screen("000", "001"))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.comparison is not None
        assert not screen.query_one("#compare-loading", LoadingIndicator).display
        pairs = screen.comparison.pairs
        assert len(pairs) >= 5
        col_a = screen.query_one("#column-a", PassageColumn)
        col_b = screen.query_one("#column-b", PassageColumn)
        assert col_a.query(".piece.-same")
        await pilot.press("right_square_bracket")
        assert screen.pair_index == 0
        assert current_pieces(col_a) and current_pieces(col_b)
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert screen.pair_index == 2
        assert pairs[2].b.text.split()[0] in " ".join(current_pieces(col_b))
        await pilot.press("left_square_bracket")
        assert screen.pair_index == 1
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert screen.pair_index == len(pairs) - 1  # wraps around


@pytest.mark.asyncio
async def test_disagreement_keys_mark_the_numbers_on_both_sides() -> None:
    app = Host(make_screen("000", "004"))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.comparison is not None
        (group,) = screen.comparison.disagreements
        assert [v.value for v in group.a] == [7939]
        assert [v.value for v in group.b] == [1925, 1700]
        await pilot.press("right_curly_bracket")
        assert screen.current_disagreement is group
        col_a = screen.query_one("#column-a", PassageColumn)
        marked = col_a.piece_widget(col_a._marked[0]).render()
        assert "7939" in str(marked)
        panel = screen.query_one("#fact-diff", FactDiffPanel)
        assert "7939" in panel.render_text().plain and "1 925" in panel.render_text().plain
        await pilot.press("left_curly_bracket")
        assert screen.disagreement_index == 0


@pytest.mark.asyncio
async def test_fact_panel_toggles_and_escape_goes_back() -> None:
    app = Host(make_screen("002", "003"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert not screen.has_class("-narrow")  # 100 columns: three panes
        assert screen.query_one("#fact-diff").display
        await pilot.press("d")
        await pilot.pause()
        assert not screen.query_one("#fact-diff").display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen.has_class("-narrow")
        assert screen.query_one("#fact-diff").display  # narrow + d: the facts, full width
        assert not screen.query_one("#column-a").display
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Home)


@pytest.mark.asyncio
async def test_picker_ranks_other_articles_and_opens_the_choice() -> None:
    app = Host(make_screen("000", None))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickSecondArticle)
        assert picker.ranked is not None
        assert picker.ranked[0][0] == "001"  # the ministry statement 000 quotes
        assert "000" not in [art_id for art_id, _ in picker.ranked]
        options = picker.query_one(OptionList)
        assert options.get_option_at_index(0).id == "001"
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.second is not None and screen.second.id == "001"
        assert screen.comparison is not None and screen.comparison.b == "001"


@pytest.mark.asyncio
async def test_cancelling_the_picker_leaves_the_comparison() -> None:
    app = Host(make_screen("000", None))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PickSecondArticle)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, Home)


@pytest.mark.asyncio
async def test_article_text_is_never_markup() -> None:
    arts = [article("evil", HOSTILE), *seed_articles()]
    app = Host(make_screen("evil", "000", arts))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        col_a = screen.query_one("#column-a", PassageColumn)
        shown = " ".join(str(w.render()) for w in col_a.query(Static))
        assert "[@click=app.quit]Нажми[/]" in shown
        await pilot.click("#column-a")
        await pilot.press("right_square_bracket")
        assert app.is_running


def test_bindings_have_stable_ids() -> None:
    ids = {b.id for b in CompareScreen.BINDINGS}  # type: ignore[union-attr]
    assert {
        "compare.next_shared",
        "compare.previous_shared",
        "compare.next_disagreement",
        "compare.previous_disagreement",
        "compare.toggle_facts",
        "compare.back",
    } <= ids


def test_pieces_cover_passages_and_skip_blank_lines() -> None:
    text = "Первый абзац. Общее предложение.\n\nВторой абзац."
    start = text.index("Общее")
    pieces = cut_pieces(text, [(start, start + len("Общее предложение."), 0, "same")])
    assert [(text[p.start : p.end], p.kind) for p in pieces] == [
        ("Первый абзац. ", None),
        ("Общее предложение.", "same"),
        ("Второй абзац.", None),
    ]


def test_compare_screen_snapshot(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()

    assert snap_compare(
        Host(make_screen("000", "001")), terminal_size=(120, 36), run_before=run_before
    )


@pytest.mark.asyncio
async def test_a_failing_comparison_is_reported_not_raised() -> None:
    def broken(art: Article) -> Prepared:
        raise ValueError("bad \x1b[31marticle")

    arts = seed_articles()
    lib = Library(arts)
    app = Host(
        lambda: CompareScreen(arts[0], lib, arts[1].id, preparer=broken, ranker=lexical_rank)
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.comparison is None
        status = str(screen.query_one("#compare-status", Static).render())
        assert "Could not compare" in status and "\x1b" not in status
        await pilot.press("right_square_bracket")  # nothing to navigate: no crash
        assert app.is_running


@pytest.mark.asyncio
async def test_b_picks_another_second_article() -> None:
    app = Host(make_screen("000", "001"))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await pilot.press("right_square_bracket")
        await pilot.press("b")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickSecondArticle)
        picker.query_one(OptionList).highlighted = [
            o.id for o in picker.query_one(OptionList).options
        ].index("004")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert screen.comparison is not None and screen.comparison.b == "004"
        assert screen.pair_index is None
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Home)


@pytest.mark.asyncio
async def test_each_column_names_its_title_once() -> None:
    """The header says which side and which source; the title is the text's own first line (a
    heading), followed by the date line — neither is repeated in the header."""
    raw = "США просят Казахстан объясниться\n\n9 января 2022\n\nЗадержали 100 человек."

    def with_date_line(art: Article) -> Prepared:
        prepared = fake_prepare(art)
        if art.id != "dated":
            return prepared
        return Prepared(
            art.id, art.raw, art.language, prepared.facts, art.title, "kloop.kg", "9 января 2022"
        )

    arts = [article("dated", raw), *seed_articles()]
    lib = Library(arts)
    app = Host(lambda: CompareScreen(arts[0], lib, "000", preparer=with_date_line))
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        col_a = app.screen.query_one("#column-a", PassageColumn)
        shown = [str(w.render()) for w in col_a.query(Static)]
        assert shown[0].startswith("A · ") and "США" not in shown[0]
        assert "no date" not in shown[0]  # the date line gives it
        assert sum("США просят" in s for s in shown) == 1
        assert "США просят" in str(col_a.query_one(".-heading", Static).render())
        assert str(col_a.query_one(".-dateline", Static).render()) == "9 января 2022"
        col_b = app.screen.query_one("#column-b", PassageColumn)
        header_b = str(col_b.query(Static).first().render())
        assert header_b.startswith("B · ") and "no date" in header_b
        assert "В беспорядках" not in header_b


@pytest.mark.asyncio
async def test_nothing_to_jump_to_is_said_in_the_status() -> None:
    app = Host(make_screen("002", "003"))
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.comparison is not None and not screen.comparison.disagreements
        status = screen.query_one("#compare-status", Static)
        await pilot.press("right_curly_bracket")
        assert "No number differs" in str(status.render())
        assert screen.disagreement_index is None
        await pilot.press("right_square_bracket")  # the message goes with the next move
        assert "No number differs" not in str(status.render())


@pytest.mark.asyncio
async def test_narrow_terminal_stacks_the_columns_full_width() -> None:
    app = Host(make_screen("000", "001"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.has_class("-narrow")
        col_a = screen.query_one("#column-a", PassageColumn)
        col_b = screen.query_one("#column-b", PassageColumn)
        assert col_a.region.width >= 76 and col_b.region.width >= 76
        assert col_b.region.y >= col_a.region.bottom  # B below A
        assert col_a.region.height >= 8 and col_b.region.height >= 8
        await pilot.press("right_square_bracket")
        await pilot.pause()
        for column in (col_a, col_b):  # the pair is in view in both
            (first,) = [w for w in column.query(".piece.-current")][:1]
            assert column.scroll_y <= first.virtual_region.y < column.scroll_y + column.size.height


@pytest.mark.asyncio
async def test_passage_kinds_show_without_colour_too() -> None:
    """Same: a solid bar; similar: a dashed bar; the current pair: a thick bar — in both columns."""
    text_a = "Свой абзац.\n\nОбщее предложение. Пересказ того же.\n\nЕщё абзац."
    text_b = "Общее предложение.\n\nТо же другими словами."
    same_a, same_b = text_a.index("Общее"), 0
    sim_a, sim_b = text_a.index("Пересказ"), text_b.index("То же")
    pa = [(same_a, same_a + 18, 0, "same"), (sim_a, sim_a + 18, 1, "similar")]
    pb = [(same_b, same_b + 18, 0, "same"), (sim_b, len(text_b), 1, "similar")]

    class Columns(App[None]):
        def compose(self) -> ComposeResult:
            yield PassageColumn("A", "a", text_a, pa, id="column-a")
            yield PassageColumn("B", "b", text_b, pb, id="column-b")

    app = Columns()
    async with app.run_test(size=(80, 24)) as pilot:
        for column in app.query(PassageColumn):
            (same,) = column.query(".piece.-same")
            (similar,) = column.query(".piece.-similar")
            assert same.styles.border_left[0] == "heavy"
            assert similar.styles.border_left[0] == "dashed"
            column.show_pair(1)
            await pilot.pause()
            assert similar.has_class("-current") and not same.has_class("-current")
            assert similar.styles.border_left[0] == "thick"
        plain = app.query_one("#column-a").query(".piece").exclude(".-same, .-similar").first()
        assert plain.styles.border_left[0] == "blank"  # plain text stays aligned with passages


@pytest.mark.asyncio
async def test_a_pair_starts_on_the_same_row_in_both_columns() -> None:
    app = Host(make_screen("000", "001"))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.comparison is not None
        for _ in screen.comparison.pairs:
            await pilot.press("right_square_bracket")
            await pilot.pause()
            rows, at_end = [], False
            for column in screen.query(PassageColumn):
                rows.append(column.query(".piece.-current").first().region.y)
                at_end = at_end or column.scroll_y >= column.max_scroll_y  # cannot go further
            assert rows[0] == rows[1] or at_end, screen.pair_index


@pytest.mark.asyncio
async def test_narrow_facts_view_gives_way_to_the_columns_on_next_shared() -> None:
    app = Host(make_screen("000", "001"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await pilot.press("d")
        await pilot.pause()
        assert not screen.query_one("#column-a").display
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.query_one("#column-a").display and screen.query_one("#column-b").display
        assert screen.pair_index == 0
        await pilot.pause()
        for column in screen.query(PassageColumn):  # and scrolled to the pair
            first = column.query(".piece.-current").first()
            assert column.scroll_y <= first.virtual_region.y < column.scroll_y + column.size.height


@pytest.mark.asyncio
async def test_candidates_are_gathered_off_the_ui_thread_and_a_failure_is_one_message() -> None:
    import threading

    arts = seed_articles()

    class SlowLibrary(Library):
        threads: list[str] = []

        def all_articles(self) -> list[Article]:
            self.threads.append(threading.current_thread().name)
            return self.articles

    lib = SlowLibrary(arts)
    app = Host(
        lambda: CompareScreen(
            lib.article("000"), lib, None, preparer=fake_prepare, ranker=lexical_rank
        )
    )
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PickSecondArticle)
        assert lib.threads and lib.threads[0] != threading.main_thread().name

    class BrokenLibrary(Library):
        def all_articles(self) -> list[Article]:
            raise OSError("disk gone [@click=app.quit]")

    broken = BrokenLibrary(arts)
    app = Host(
        lambda: CompareScreen(
            broken.article("000"), broken, None, preparer=fake_prepare, ranker=lexical_rank
        )
    )
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, Home) and app.is_running


@pytest.mark.asyncio
async def test_the_ranking_arriving_late_never_changes_the_article_under_the_cursor() -> None:
    import threading

    release = threading.Event()
    arts = seed_articles()

    def slow_rank(first: Article, candidates: Sequence[Article]) -> list[tuple[str, float]]:
        release.wait(timeout=60)  # the ranking arrives when the test says so
        return lexical_rank(first, candidates)

    app = Host(lambda: PickSecondArticle(arts[0], arts, slow_rank))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickSecondArticle) and picker.ranked is None
        options = picker.query_one(OptionList)
        await pilot.press("j", "j")
        chosen = options.get_option_at_index(options.highlighted).id
        release.set()
        await settle(pilot)
        assert picker.ranked is not None
        order = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert order == [art_id for art_id, _ in picker.ranked]  # ranked, best first
        assert options.get_option_at_index(options.highlighted).id == chosen


@pytest.mark.asyncio
async def test_a_title_made_from_the_lead_is_not_shown_twice_in_a_column() -> None:
    from tui.app.screens.compare import _column

    lead = "Президент Казахстана принял отставку правительства на фоне протестов"
    text = f"{lead}\n\n{lead}, сообщила пресс-служба. Второе предложение абзаца."
    art = article("lead", text)
    prepared = Prepared("lead", text, "ru", Facts(), lead, "test")
    headline = "Парламент одобрил поправки"
    text2 = f"{headline}\n\n{lead}, сообщила пресс-служба."
    prepared2 = Prepared("head", text2, "ru", Facts(), headline, "test")

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield _column("A", art, prepared, [], id="column-a")
            yield _column("B", article("head", text2), prepared2, [], id="column-b")

    app = One()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()

        def shown(column_id: str) -> str:
            column = app.query_one(column_id, PassageColumn)
            return "\n".join(str(w.render()) for w in column.query(".piece") if w.display)

        assert shown("#column-a").count("Президент Казахстана принял отставку") == 1
        assert shown("#column-b").startswith(headline)  # a real headline stays
