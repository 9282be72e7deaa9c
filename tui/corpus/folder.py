"""The corpus folder itself: the error for a corpus that cannot be used, and the check that a
folder can be one. Kept apart from the reader so the app's start-up does not import the decoders
and metadata detectors just to check its argument."""

from __future__ import annotations

from pathlib import Path

from tui.corpus.sanitize import sanitize_line


class CorpusError(Exception):
    """A problem with the corpus as a whole (missing folder, no articles, unknown id)."""


def check_folder(folder: Path) -> Path:
    """Raise CorpusError with one clear sentence unless `folder` is a readable directory."""
    if not folder.exists():
        raise CorpusError(f"corpus folder not found: {sanitize_line(str(folder))}")
    if not folder.is_dir():
        raise CorpusError(f"corpus path is not a folder: {sanitize_line(str(folder))}")
    return folder
