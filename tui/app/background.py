"""Long work for a thread worker that stops when the worker is cancelled.

Textual cannot stop a thread worker: cancelling only sets a flag, the thread runs on, and the app
waits for it when it exits (extraction of a 20 MB article kept `q` from exiting for minutes, and
each article left behind kept extracting, holding gigabytes). `run_cancellable` runs the work in
a daemon thread under `tui.cancel.cancellable`, so the core's long loops raise `Cancelled` at their
next check, and returns (raising `Cancelled`) as soon as the worker is cancelled, without waiting
for that check: the worker ends at once, and a daemon thread never keeps the process alive.
Work that reads the catalogue stays in the worker's own thread under `cancellable` instead: the
catalogue keeps a SQLite connection per thread, and a thread per call would leave one behind each
time (three file descriptors apiece).

    @work(thread=True, exclusive=True, group="facts")
    def _facts_worker(self, article, document):
        worker = get_current_worker()
        try:
            facts = run_cancellable(lambda: extract(article, document), lambda: worker.is_cancelled)
        except Cancelled:
            return
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from tui.cancel import Cancelled, cancellable

T = TypeVar("T")
POLL_SECONDS = 0.05
THREAD_NAME = "sverka-work"

_live: set[threading.Thread] = set()
_live_lock = threading.Lock()


def run_cancellable(work: Callable[[], T], is_cancelled: Callable[[], bool]) -> T:
    """`work()`'s result (or its exception); `Cancelled` as soon as `is_cancelled()` is true."""
    done = threading.Event()
    box: dict[str, object] = {}

    def target() -> None:
        try:
            with cancellable(is_cancelled):
                box["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting worker
            box["error"] = exc
        finally:
            done.set()
            with _live_lock:
                _live.discard(threading.current_thread())

    thread = threading.Thread(target=target, name=THREAD_NAME, daemon=True)
    with _live_lock:
        _live.add(thread)
    thread.start()
    while not done.wait(POLL_SECONDS):
        if is_cancelled():
            raise Cancelled
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]


def live_work() -> int:
    """How many pieces of work are still running (cancelled ones until their next check)."""
    with _live_lock:
        return sum(1 for t in _live if t.is_alive())
