"""The corpus folder itself: the error for a corpus that cannot be used, and the check that a
folder can be one. Kept apart from the reader so the app's start-up does not import the decoders
and metadata detectors just to check its argument."""

from __future__ import annotations

import os
from pathlib import Path

from tui.corpus.sanitize import sanitize_line


class CorpusError(Exception):
    """A problem with the corpus as a whole (missing folder, no articles, unknown id)."""


DATASET_ENDINGS = (".jsonl", ".ndjson", ".csv", ".tsv", ".parquet", ".pq", ".gz", ".zst")
"""Endings of the file names a corpus may be instead of a folder (`tui.corpus.dataset` says which
exactly; this is the quick check the app's start-up makes without importing it)."""


def check_folder(folder: Path) -> Path:
    """Raise CorpusError with one clear sentence unless `folder` is a readable directory or a
    dataset file (JSONL, CSV, Parquet: see `tui.corpus.dataset`)."""
    if not folder.exists():
        raise CorpusError(f"corpus folder not found: {sanitize_line(str(folder))}")
    if not folder.is_dir():
        if folder.is_file() and folder.name.lower().endswith(DATASET_ENDINGS):
            from tui.corpus.dataset import is_dataset_name

            if is_dataset_name(folder.name):
                return folder
        raise CorpusError(
            f"corpus path is not a folder or a dataset (.jsonl, .jsonl.gz, .jsonl.zst, .csv,"
            f" .parquet): {sanitize_line(str(folder))}"
        )
    return folder


_FOLLOW_OUTSIDE = [False]


def configure_links(follow_outside: bool) -> None:
    """Whether symbolic links that lead out of the corpus folder are followed (the config's
    `follow_symlinks_outside`; default no). Process-wide, like the cleaning rules."""
    _FOLLOW_OUTSIDE[0] = bool(follow_outside)


OUTSIDE_REASON = "symlink out of the corpus folder (not followed; see follow_symlinks_outside)"


def leads_outside(link: str, root_real: str) -> bool:
    """True when the symbolic link `link` points out of the folder whose real path is
    `root_real` and such links are not to be followed."""
    if _FOLLOW_OUTSIDE[0]:
        return False
    target = os.path.realpath(link)
    return target != root_real and not target.startswith(root_real.rstrip(os.sep) + os.sep)
