"""Work for an article the user has left stops, and `q` does not wait for it.

Textual cannot stop a thread worker; cancelling only sets a flag. Extraction for a 20 MB article
kept running after the user had moved on (15 GB at 100 s) and `q` waited for it. The app now runs
such work so that the core's long loops stop at their next check once the worker is cancelled,
and the worker itself ends at once. Each test watches the real extraction (real cleaner, real
taggers, real catalogue) and waits for conditions, never for a length of time."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

from app_helpers import ready, settle

from tui.cancel import Cancelled
from tui.facts import facts_for

LONG_ID = "aa_long"


class WatchedExtractor:
    """The real `facts_for`, recording when each extraction starts and how it ends."""

    def __init__(self) -> None:
        self.started: dict[str, threading.Event] = {}
        self.outcome: dict[str, str] = {}

    def __call__(self, article: Any, document: Any) -> Any:
        self.started.setdefault(article.id, threading.Event()).set()
        try:
            facts = facts_for(article, document)
        except Cancelled:
            self.outcome[article.id] = "cancelled"
            raise
        self.outcome[article.id] = "done"
        return facts


def _long_article(corpus: Path, seeds_dir: Path) -> None:
    """A 300 KB article of many paragraphs: quick to clean, about 15 chunks of extraction."""
    seed = next(seeds_dir.glob("002_*.txt")).read_text(encoding="utf-8")
    paragraphs = [line for line in seed.splitlines() if len(line) > 200]
    body = "\n\n".join(  # each paragraph unique: repeated lines are boilerplate to the cleaner
        f"{paragraphs[i % len(paragraphs)]} Это {i}-е сообщение корреспондента."
        for i in range(300_000 // 400)
    )
    (corpus / f"{LONG_ID}.txt").write_text("Очень длинная статья\n\n" + body, encoding="utf-8")


async def _until(pilot: Any, condition: Any, what: str, rounds: int = 2_400) -> None:
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"never happened: {what}")


async def _open_long_and_wait_for_extraction(pilot: Any, watched: WatchedExtractor) -> Any:
    screen = await ready(pilot)
    screen.open_article(LONG_ID)
    await _until(
        pilot,
        lambda: LONG_ID in watched.started and watched.started[LONG_ID].is_set(),
        "the long article's extraction started",
    )
    return screen


async def test_leaving_an_article_stops_its_fact_extraction(corpus, seeds_dir, make_app) -> None:
    _long_article(corpus, seeds_dir)
    watched = WatchedExtractor()
    app = make_app(extractor=watched)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_long_and_wait_for_extraction(pilot, watched)
        await pilot.press("escape")
        other = next(p.stem for p in sorted(corpus.glob("00*.txt")))
        screen.open_article(other)
        await _until(pilot, lambda: LONG_ID in watched.outcome, "the long extraction ended")
        assert watched.outcome[LONG_ID] == "cancelled"
        await _until(pilot, lambda: screen.facts is not None, "the other article's facts")
        assert screen.article is not None and screen.article.id == other


async def test_q_ends_the_workers_without_waiting_for_a_long_extraction(
    corpus, seeds_dir, make_app
) -> None:
    _long_article(corpus, seeds_dir)
    watched = WatchedExtractor()
    app = make_app(extractor=watched)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_long_and_wait_for_extraction(pilot, watched)
        workers = list(app.workers)
        await pilot.press("q")
    # every worker of the app has finished — and the extraction had not run to its end for that
    await asyncio.gather(*(w.wait() for w in workers), return_exceptions=True)
    assert all(w.is_finished for w in workers)
    assert watched.outcome.get(LONG_ID) != "done"
    for _ in range(2_400):  # the abandoned extraction stops at its next check
        if LONG_ID in watched.outcome:
            break
        await asyncio.sleep(0.05)
    assert watched.outcome[LONG_ID] == "cancelled"


async def test_a_cancelled_open_never_shows_the_article_it_was_opening(
    corpus, seeds_dir, make_app
) -> None:
    """Opening A then B at once: only B is shown, A's cleaning is dropped."""
    _long_article(corpus, seeds_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        other = next(p.stem for p in sorted(corpus.glob("00*.txt")))
        screen.open_article(LONG_ID)
        screen.open_article(other)
        await settle(pilot)
        await _until(pilot, lambda: screen.article is not None, "an article is shown")
        await settle(pilot)
        assert screen.article.id == other


async def test_opening_many_articles_keeps_few_catalogue_connections(corpus, make_app) -> None:
    """The catalogue keeps a connection per thread: opening articles must reuse threads."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        ids = sorted(p.stem for p in corpus.glob("*.txt"))
        for round_ in range(3):
            for article_id in ids:
                screen.open_article(article_id)
                await _until(
                    pilot,
                    lambda a=article_id: screen.article is not None and screen.article.id == a,
                    f"article {article_id} shown (round {round_})",
                )
        catalogue = screen.library.catalogue
        assert len(catalogue._conns) < len(ids) * 3 // 2
