"""The comparison screen: two articles side by side, shared passages and disagreeing numbers.

Constructor::

    CompareScreen(
        first: Article,                      # the article being read (column A)
        library: Library | None = None,      # anything with .article(id) and .all_articles()
        second: Article | str | None = None, # column B; None → PickSecondArticle is shown first
        *,
        preparer=tui.compare.prepare,        # Article -> Prepared (cleaned text + facts)
        comparer=tui.compare.compare_prepared,  # (Prepared, Prepared) -> Comparison
        ranker=pick_second.rank_articles,    # for the picker: (Article, [Article]) -> [(id, score)]
    )

How the main screen opens it (`c`): `app.push_screen(CompareScreen(article, library))` — the
screen pushes `PickSecondArticle` (the other articles, ranked by overlap) on mount, and pops itself
if the picker is cancelled. To choose the second article elsewhere, push the picker yourself and
then the screen with `second=`::

    def chosen(second_id: str | None) -> None:
        if second_id:
            app.push_screen(CompareScreen(article, library, second_id))
    app.push_screen(PickSecondArticle(article, library.all_articles()), chosen)

Preparing and comparing run in a thread worker (`@work(thread=True)`) while a LoadingIndicator
shows; the result comes back with `call_from_thread`. Keys (stable binding ids, see BINDINGS):
`]`/`[` next/previous shared passage, `}`/`{` next/previous disagreement (numbers that conflict or
differ), `d` fact-diff panel, `b` pick another second article, `Escape` back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, LoadingIndicator, Static
from textual.worker import get_current_worker

from tui.app.background import run_cancellable
from tui.app.keymap import bindings_for
from tui.app.screens.pick_second import PickSecondArticle, Ranker, rank_articles
from tui.app.widgets.fact_diff import FactDiffPanel
from tui.app.widgets.passage_column import PassageColumn
from tui.app.widgets.text_layout import title_repeats_lead
from tui.cancel import Cancelled
from tui.compare import Comparison, Prepared, ValueGroup, compare_prepared, prepare
from tui.corpus.sanitize import sanitize_line

if TYPE_CHECKING:
    from tui.corpus import Article

Preparer = Callable[["Article"], Prepared]
Comparer = Callable[[Prepared, Prepared], Comparison]


class CompareScreen(Screen[None]):
    """Two articles in aligned columns, with the difference of their facts."""

    CSS_PATH = "compare.tcss"

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("compare")
    HELP_TITLE = "comparison screen"
    HELP_GROUPS = ("compare-column",)
    """The columns' keys, listed by `?` even while the comparison is being computed."""

    NARROW: ClassVar[int] = 100
    """Below this width A and B are stacked, and the fact-diff panel (`d`) takes their place."""

    comparison: var[Comparison | None] = var(None, init=False)
    """The comparison once computed (None while the worker runs)."""
    pair_index: var[int | None] = var(None, init=False)
    """The aligned pair being looked at (index into `comparison.pairs`)."""
    disagreement_index: var[int | None] = var(None, init=False)
    """The disagreement being looked at (index into `comparison.disagreements`)."""

    def __init__(
        self,
        first: Article,
        library: Any | None = None,
        second: Article | str | None = None,
        *,
        preparer: Preparer = prepare,
        comparer: Comparer = compare_prepared,
        ranker: Ranker = rank_articles,
    ) -> None:
        super().__init__()
        self.first = first
        self.library = library
        self.second: Article | None = self._resolve(second)
        self.preparer = preparer
        self.comparer = comparer
        self.ranker = ranker
        self.prepared: tuple[Prepared, Prepared] | None = None
        self._message: str | None = None

    def _resolve(self, second: Article | str | None) -> Article | None:
        if second is None or not isinstance(second, str):
            return second
        if self.library is None:
            raise ValueError("a second article id needs a library to look it up")
        return self.library.article(second)

    # --- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(Text("Comparing…"), id="compare-status")
        yield LoadingIndicator(id="compare-loading")
        yield Horizontal(id="compare-columns")
        yield Footer()

    def on_mount(self) -> None:
        if self.second is None:
            self.action_pick_second()
        else:
            self._start()

    # --- choosing the second article and computing -----------------------------------------

    def action_pick_second(self) -> None:
        """Choose (another) second article from the ranked list (the candidates are gathered in a
        thread worker: on a large corpus that reads a few hundred files)."""
        self._gather_candidates()

    @work(thread=True, exclusive=True, group="compare-candidates")
    def _gather_candidates(self) -> None:
        try:
            candidates = list(self.library.all_articles()) if self.library is not None else []
        except Exception as exc:  # noqa: BLE001 - a message, and the screen stays usable
            message = sanitize_line(f"{type(exc).__name__}: {exc}")
            self.app.call_from_thread(self._candidates_failed, message)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._offer_candidates, candidates)

    def _candidates_failed(self, message: str) -> None:
        self.notify(
            message, title="Cannot list articles to compare with", severity="error", markup=False
        )
        if self.second is None:
            self.dismiss_screen()

    def _offer_candidates(self, candidates: list[Any]) -> None:
        if not candidates:
            self.notify("No other articles to compare with.", severity="warning")
            if self.second is None:
                self.dismiss_screen()
            return
        self.app.push_screen(PickSecondArticle(self.first, candidates, self.ranker), self._picked)

    def _picked(self, second_id: str | None) -> None:
        if second_id is None:
            if self.second is None:
                self.dismiss_screen()
            return
        self.second = self._resolve(second_id)
        self._start()

    def dismiss_screen(self) -> None:
        """Leave the comparison (pop this screen if it is on top)."""
        if self.app.screen is self:
            self.app.pop_screen()
        else:
            self.call_after_refresh(self.dismiss_screen)

    def _start(self) -> None:
        assert self.second is not None
        self.comparison = None
        self.refresh_bindings()
        self.query_one("#compare-loading", LoadingIndicator).display = True
        status = Text("Comparing ")
        status.append(self.first.title or self.first.id, style="bold")
        status.append(" with ")
        status.append(self.second.title or self.second.id, style="bold")
        status.append(" …")
        self.query_one("#compare-status", Static).update(status)
        self._compute(self.first, self.second)

    @work(thread=True, exclusive=True, group="compare")
    def _compute(self, first: Article, second: Article) -> None:
        worker = get_current_worker()

        def prepare_and_compare() -> tuple[Prepared, Prepared, Comparison]:
            a = self.preparer(first)
            b = self.preparer(second)
            return a, b, self.comparer(a, b)

        try:
            a, b, result = run_cancellable(prepare_and_compare, lambda: worker.is_cancelled)
        except Cancelled:
            return  # the comparison was left, or the app is quitting
        except Exception as exc:  # noqa: BLE001 - reported on screen, never a traceback
            if not worker.is_cancelled:
                self.app.call_from_thread(self._failed, f"{type(exc).__name__}: {exc}")
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, a, b, result)  # type: ignore[arg-type]

    def _failed(self, message: str) -> None:
        self.query_one("#compare-loading", LoadingIndicator).display = False
        text = Text("Could not compare: ", style="bold")
        text.append(sanitize_line(message))
        self.query_one("#compare-status", Static).update(text)
        self.notify(
            sanitize_line(message), title="Comparison failed", severity="error", markup=False
        )

    async def _show(self, a: Prepared, b: Prepared, comparison: Comparison) -> None:
        assert self.second is not None
        self.prepared = (a, b)
        columns = self.query_one("#compare-columns", Horizontal)
        await columns.remove_children()
        pa = [(p.a.start, p.a.end, i, p.kind) for i, p in enumerate(comparison.pairs)]
        pb = [(p.b.start, p.b.end, i, p.kind) for i, p in enumerate(comparison.pairs)]
        await columns.mount(
            _column("A", self.first, a, pa, id="column-a"),
            _column("B", self.second, b, pb, id="column-b"),
            FactDiffPanel(id="fact-diff"),
        )
        self.query_one("#compare-loading", LoadingIndicator).display = False
        self.pair_index = None
        self.disagreement_index = None
        self.comparison = comparison
        self.query_one("#fact-diff", FactDiffPanel).show(comparison)
        self.query_one("#column-a", PassageColumn).focus()
        self.refresh_bindings()
        self._update_status()

    # --- navigation ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Navigation applies once there is a comparison; with nothing to go to, the key says so
        in the status line rather than doing nothing."""
        if action in _NAVIGATION or action in ("toggle_facts", "focus_next_column"):
            return self.comparison is not None
        return True

    def action_next_shared(self) -> None:
        """Scroll both columns to the next aligned passage."""
        self._step_pair(1)

    def action_previous_shared(self) -> None:
        """Scroll both columns to the previous aligned passage."""
        self._step_pair(-1)

    def _step_pair(self, step: int) -> None:
        if not self.comparison:
            return
        if not self.comparison.pairs:
            self._say("No shared passages to jump to.")
            return
        if self.has_class("-narrow"):
            self.remove_class("-facts-toggled")  # the passages are what this key shows
        count = len(self.comparison.pairs)
        if self.pair_index is None:
            self.pair_index = 0 if step > 0 else count - 1
        else:
            self.pair_index = (self.pair_index + step) % count

    def watch_pair_index(self, index: int | None) -> None:
        for column_id in ("#column-a", "#column-b"):
            self.query_one(column_id, PassageColumn).show_pair(index)
        self._update_status()

    def action_next_disagreement(self) -> None:
        """Show the next group of numbers that conflict or differ, in both columns."""
        self._step_disagreement(1)

    def action_previous_disagreement(self) -> None:
        """Show the previous group of numbers that conflict or differ."""
        self._step_disagreement(-1)

    def _step_disagreement(self, step: int) -> None:
        if not self.comparison:
            return
        if not self.comparison.disagreements:
            if self.comparison.different_events:
                self._say(
                    "Different events: their numbers are not compared ("
                    + "; ".join(self.comparison.event.reasons if self.comparison.event else [])
                    + ")."
                )
            else:
                self._say("No number differs between the two articles.")
            return
        count = len(self.comparison.disagreements)
        if self.disagreement_index is None:
            self.disagreement_index = 0 if step > 0 else count - 1
        else:
            self.disagreement_index = (self.disagreement_index + step) % count

    def watch_disagreement_index(self, index: int | None) -> None:
        group = self.current_disagreement
        self.query_one("#column-a", PassageColumn).mark(
            [(v.start, v.end) for v in group.a] if group else []
        )
        self.query_one("#column-b", PassageColumn).mark(
            [(v.start, v.end) for v in group.b] if group else []
        )
        if self.comparison is not None:
            panel = self.query_one("#fact-diff", FactDiffPanel)
            panel.show(self.comparison, group)
        self._update_status()

    @property
    def current_disagreement(self) -> ValueGroup | None:
        """The disagreement being looked at, if any."""
        if self.comparison is None or self.disagreement_index is None:
            return None
        groups = self.comparison.disagreements
        return (
            groups[self.disagreement_index] if 0 <= self.disagreement_index < len(groups) else None
        )

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < self.NARROW, "-narrow")

    def action_toggle_facts(self) -> None:
        """Hide the fact-diff panel (wide screens) or show it instead of the columns (narrow)."""
        self.toggle_class("-facts-toggled")

    def action_focus_next_column(self) -> None:
        """Move focus between the two columns and the fact panel."""
        self.focus_next()

    def action_back(self) -> None:
        """Back to the previous screen."""
        self.workers.cancel_group(self, "compare")
        self.dismiss_screen()

    # --- status line ------------------------------------------------------------------------

    def _say(self, message: str) -> None:
        """Show `message` in the status line (until the next move)."""
        self._message = message
        self._update_status()

    def _update_status(self) -> None:
        comp = self.comparison
        if comp is None:
            return
        message, self._message = self._message, None
        same = sum(p.kind == "same" for p in comp.pairs)
        similar = len(comp.pairs) - same
        text = Text()
        text.append(f"{same} same, {similar} similar passages")
        if self.pair_index is not None:
            pair = comp.pairs[self.pair_index]
            text.append(
                f" · passage {self.pair_index + 1}/{len(comp.pairs)} ({pair.kind} {pair.score:.2f})"
            )
        text.append(
            f" · {len(comp.entities.shared)} shared entities"
            f" · {len(comp.disagreements)} disagreements"
        )
        group = self.current_disagreement
        if group is not None and self.disagreement_index is not None:
            text.append(f" · {self.disagreement_index + 1}/{len(comp.disagreements)}: ")
            text.append(f"{group.what} ({group.status})", style="bold")
        if message:
            text.append(" · ")
            text.append(message, style="bold")
        else:
            text.append("   [ { back", style="dim")
        self.query_one("#compare-status", Static).update(text)


_NAVIGATION = frozenset(
    ("next_shared", "previous_shared", "next_disagreement", "previous_disagreement")
)


def _column(
    side: str,
    article: Article,
    prepared: Prepared,
    passages: Sequence[tuple[int, int, int, str]],
    *,
    id: str,  # noqa: A002 - Textual's own name
) -> PassageColumn:
    """A column whose text starts with the title (its heading) and the date line, if any; the
    header names the side and the source, and gives the date only when the text has none."""
    text = prepared.text
    title = prepared.title if prepared.title and text.startswith(prepared.title) else ""
    date_line: tuple[int, int] | None = None
    start = len(title) + 2 if title else 0
    if prepared.date_line and text.startswith(prepared.date_line, start):
        date_line = (start, start + len(prepared.date_line))
    meta = [article.outlet or "—", article.language or "—"]
    if date_line is None:
        meta.append(article.date or "no date")
    meta.append(article.id)
    body_at = date_line[1] if date_line else len(title)
    return PassageColumn(
        side,
        " · ".join(meta),
        text,
        passages,
        heading_end=len(title),
        date_line=date_line,
        hide_heading=bool(title) and title_repeats_lead(title, text[body_at:].lstrip()),
        id=id,
    )
