"""`PickSecondArticle`: choose the article to compare with, the most overlapping first.

    PickSecondArticle(first: Article, candidates: Sequence[Article], ranker=rank_articles)

The list shows the candidates at once (corpus order); a thread worker then ranks them by overlap
with `first` (`ranker(first, candidates) -> list[(article_id, score)]`, by default
`tui.compare.rank_by_overlap`, which extracts facts as needed) and the list is re-ordered with the
scores shown. Enter dismisses with the chosen article id; Escape dismisses with None.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, LoadingIndicator, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.app.keymap import bindings_for
from tui.corpus.sanitize import sanitize_line

if TYPE_CHECKING:
    from tui.corpus import Article

Ranker = Callable[["Article", Sequence["Article"]], list[tuple[str, float]]]

LEXICAL_ONLY_ABOVE = 200
"""With more candidates than this, the default ranker skips fact extraction (words only)."""
LEXICAL_CHARS = 2000
"""… and reads only the start of each article (headline and lead carry the story)."""


def rank_articles(first: Article, candidates: Sequence[Article]) -> list[tuple[str, float]]:
    """Rank `candidates` by overlap with `first` (facts included for small corpora)."""
    from tui.compare import rank_by_overlap
    from tui.compare.prepare import Prepared

    if len(candidates) <= LEXICAL_ONLY_ABOVE:
        return rank_by_overlap(first, candidates)

    def lexical(article: Article) -> Prepared:
        return Prepared(
            article.id, article.raw[:LEXICAL_CHARS], article.language, title=article.title
        )

    return rank_by_overlap(first, candidates, preparer=lexical)


class PickSecondArticle(ModalScreen["str | None"]):
    """The other articles, ranked by overlap with the first; dismisses with an id or None."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("compare-pick")

    DEFAULT_CSS = """
    PickSecondArticle {
        align: center middle;
    }
    PickSecondArticle > #pick-second-dialog {
        width: 90%;
        max-width: 110;
        height: 80%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    PickSecondArticle #pick-second-title { width: 1fr; text-style: bold; }
    PickSecondArticle #pick-second-loading { height: 1; }
    PickSecondArticle OptionList { height: 1fr; }
    """

    def __init__(
        self, first: Article, candidates: Sequence[Article], ranker: Ranker = rank_articles
    ) -> None:
        super().__init__()
        self.first = first
        self.candidates = [a for a in candidates if a.id != first.id]
        self.ranker = ranker
        self.ranked: list[tuple[str, float]] | None = None
        """The ranking once the worker has produced it (tests wait for it)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-second-dialog"):
            title = Text("Compare with… (Enter chooses, Esc cancels)\n")
            title.append(self.first.title, style="dim")
            yield Label(title, id="pick-second-title")
            yield LoadingIndicator(id="pick-second-loading")
            yield OptionList(*self._options(None), id="pick-second-options")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._rank()

    def _options(self, ranked: list[tuple[str, float]] | None) -> list[Option]:
        by_id = {a.id: a for a in self.candidates}
        order = [art_id for art_id, _ in ranked] if ranked else list(by_id)
        scores = dict(ranked or [])
        options = []
        for art_id in order:
            article = by_id.get(art_id)
            if article is None:
                continue
            label = Text()
            if ranked is not None:
                label.append(f"{scores.get(art_id, 0.0):5.2f}  ", style="bold")
            label.append(article.title or article.id)
            label.append(
                f"  · {article.outlet} · {article.language} · {article.date or '—'}", style="dim"
            )
            options.append(Option(label, id=art_id))
        return options

    @work(thread=True, exclusive=True, group="compare-rank")
    def _rank(self) -> None:
        try:
            ranked = self.ranker(self.first, self.candidates)
        except Exception as exc:  # noqa: BLE001 - the list stays usable, unranked
            self.app.call_from_thread(self._rank_failed, f"{type(exc).__name__}: {exc}")
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_ranking, ranked)

    def _rank_failed(self, message: str) -> None:
        self.query_one(LoadingIndicator).display = False
        self.notify(
            sanitize_line(message),
            title="Could not rank articles",
            severity="warning",
            markup=False,
        )

    def _show_ranking(self, ranked: list[tuple[str, float]]) -> None:
        """Re-order by overlap. The article under the cursor stays under it once the user has
        moved (the list never changes what Enter would choose); untouched, the best comes first."""
        self.ranked = ranked
        options = self.query_one(OptionList)
        index = options.highlighted
        current = options.get_option_at_index(index).id if index is not None else None
        moved = bool(index)
        options.clear_options()
        options.add_options(self._options(ranked))
        if options.option_count:
            ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
            options.highlighted = ids.index(current) if moved and current in ids else 0
            options.scroll_to_highlight()
        self.query_one(LoadingIndicator).display = False

    def action_cursor(self, direction: str) -> None:
        """Move the highlight (vim keys)."""
        options = self.query_one(OptionList)
        if direction == "down":
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
