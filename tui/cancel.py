"""Cooperative cancellation of long core work (cleaning, fact extraction, comparison).

A thread doing work for someone who may stop wanting it (the app's worker for an article the user
has left) runs it inside `cancellable(is_cancelled)`; the long loops of the core call `check()`,
which raises `Cancelled` once `is_cancelled()` is true. Elsewhere (the CLI, tests, the index
builder) no check is installed and `check()` costs one thread-local lookup.

    with cancellable(lambda: worker.is_cancelled):
        document = clean_article(article)      # raises Cancelled soon after the flag is set

Imports nothing of the project, so every layer may use it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
_LOCAL = threading.local()


class Cancelled(Exception):
    """The work was cancelled by whoever asked for it."""


@contextmanager
def cancellable(is_cancelled: Callable[[], bool]) -> Iterator[None]:
    """Make `check()` in this thread raise `Cancelled` once `is_cancelled()` is true."""
    previous = getattr(_LOCAL, "is_cancelled", None)
    _LOCAL.is_cancelled = is_cancelled
    try:
        yield
    finally:
        _LOCAL.is_cancelled = previous


def check() -> None:
    """Raise `Cancelled` if this thread's work has been cancelled."""
    is_cancelled = getattr(_LOCAL, "is_cancelled", None)
    if is_cancelled is not None and is_cancelled():
        raise Cancelled


def checked(items: Iterable[T], every: int = 256) -> Iterator[T]:
    """`items`, calling `check()` before the first and then every `every` items."""
    for n, item in enumerate(items):
        if n % every == 0:
            check()
        yield item
