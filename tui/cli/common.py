"""Pieces every subcommand shares: the --corpus option, config loading, error reporting."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.config import Config, ConfigError, load_config
from tui.corpus.sanitize import sanitize_line

if TYPE_CHECKING:
    from tui.corpus import Article, Corpus

DEFAULT_CORPUS = Path("seeds")


class CliError(Exception):
    """A failure to report as one line on stderr with exit status 2."""


def add_corpus_option(parser: argparse.ArgumentParser) -> None:
    """`--corpus DIR`, defaulting to the config's corpus, else ./seeds."""
    parser.add_argument(
        "--corpus",
        metavar="DIR",
        type=Path,
        help="folder of articles (default: the config's corpus, else ./seeds)",
    )


def add_field_option(parser: argparse.ArgumentParser, dest: str = "field") -> None:
    """`--field FIELD=COLUMN` (repeatable): the dataset column holding an article field (a
    subcommand's own copy uses another `dest`: argparse would reset the global one)."""
    parser.add_argument(
        "--field",
        dest=dest,
        action="append",
        metavar="FIELD=COLUMN",
        help=(
            "for a JSONL/CSV/Parquet corpus: the column holding FIELD (text, title, url, date,"
            " outlet, language, id), e.g. --field text=body; repeatable"
        ),
    )


def add_json_option(parser: argparse.ArgumentParser) -> None:
    """`--json`: machine-readable output for scripts."""
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def config_from_args(args: argparse.Namespace) -> Config:
    """The config named by --config, else the per-user one (raises CliError when invalid)."""
    try:
        return load_config(Path(args.config) if getattr(args, "config", None) else None)
    except ConfigError as exc:
        raise CliError(str(exc)) from None


def apply_config(args: argparse.Namespace) -> Config:
    """Load the config once per command and apply what is process-wide (the user's cleaning
    rules), so every command cleans alike and offsets agree between show, facts and notes."""
    config = config_from_args(args)
    from tui.clean import configure_rules
    from tui.paths import use_cache_dir

    configure_rules(list(config.clean.rules))  # already validated by load_config
    if config.outlets or "tui.corpus.outlets" in sys.modules:
        from tui.corpus.outlets import configure_outlets

        configure_outlets(list(config.outlets))
    use_cache_dir(config.cache_dir)
    from tui.corpus.folder import configure_links

    configure_links(config.follow_symlinks_outside)
    apply_fields(
        config, [*(getattr(args, "field", None) or []), *(getattr(args, "sub_field", None) or [])]
    )
    return config


def apply_fields(config: Config, flags: list[str] | None) -> None:
    """Set the dataset field mapping: the config's `[dataset]`, then `--field F=COLUMN` flags
    (CliError when a flag or key is malformed). Without either, nothing is imported."""
    if not config.dataset and not flags:
        loaded = sys.modules.get("tui.corpus.dataset")
        if loaded is not None:  # an earlier command in this process set some
            loaded.configure_fields(None)
        return
    from tui.corpus.dataset import DatasetError, configure_fields, parse_field_flags

    try:
        configure_fields({**config.dataset, **parse_field_flags(flags or [])})
    except DatasetError as exc:
        raise CliError(str(exc)) from None


def corpus_folder(args: argparse.Namespace, positional: Path | None = None) -> Path:
    """The corpus folder chosen by argument, config or default."""
    chosen = positional or getattr(args, "corpus", None)
    if chosen:
        return Path(chosen)
    config = config_from_args(args)
    return config.corpus or DEFAULT_CORPUS


def open_corpus(args: argparse.Namespace, positional: Path | None = None) -> Corpus:
    """Load the chosen corpus; print the skipped-files summary to stderr; CliError on failure."""
    from tui.corpus.reader import CorpusError, load_corpus  # not needed by the app's start-up

    folder = corpus_folder(args, positional)
    try:
        corpus = load_corpus(folder)
    except CorpusError as exc:
        raise CliError(str(exc)) from None
    summary = corpus.skipped_summary()
    if summary:
        print(summary, file=sys.stderr)
    return corpus


def open_article(args: argparse.Namespace, prefix: str) -> Article:
    """The one article `prefix` names in the chosen corpus, read without reading the corpus: an
    exact id is found from the id alone; another prefix through the catalogue when the folder
    has one (`sverka index`), else by walking the folder's names. Only the chosen file is read
    (on a 100,000-file folder this is what keeps `show`, `facts`, `compare` and `notes add` as
    quick as on five files). CliError with one sentence when there is no such article."""
    from tui.corpus.reader import (
        CorpusError,
        Skipped,
        article_by_id,
        check_folder,
        find_article,
    )

    folder = corpus_folder(args)
    try:
        root = check_folder(folder)
        if root.is_file():  # a dataset: its rows are found through its catalogue
            return _dataset_article(root, prefix)
        found = article_by_id(root, prefix)
        if isinstance(found, Skipped):
            raise CorpusError(f"{prefix}: cannot read {found.path} ({found.reason})")
        found = found or _catalogued_article(root, prefix)
        if found is not None:
            return found
        try:
            return find_article(root, prefix)
        except CorpusError:
            from tui.corpus.dataset import dataset_files

            if not dataset_files(root):
                raise
            return _dataset_article(root, prefix)  # a row of one of the folder's datasets
    except CorpusError as exc:
        raise CliError(str(exc)) from None


def _dataset_article(root: Path, prefix: str) -> Article:
    """The dataset row `prefix` names, through the corpus's catalogue (brought up to date first:
    only changed dataset files are read, as a stream). CorpusError when there is none."""
    from tui.corpus.reader import CorpusError
    from tui.index import Catalogue, CatalogueError

    with Catalogue(root) as catalogue:
        catalogue.refresh(progress=Progress("indexing", quiet=False))
        try:
            row = catalogue.resolve(prefix)
            return catalogue.article(row.id)
        except (CatalogueError, KeyError) as exc:
            raise CorpusError(str(exc).strip("'\"")) from None
        except OSError as exc:
            raise CorpusError(f"{prefix}: {exc}") from None


def _catalogued_article(root: Path, prefix: str) -> Article | None:
    """The article the folder's catalogue resolves `prefix` to, if it has a catalogue and the
    file is still there under that id; None otherwise (the caller walks the folder)."""
    from tui.index.store import db_path_for

    if not db_path_for(root).exists():
        return None
    from tui.corpus.reader import Skipped, article_id_for, read_article
    from tui.index import Catalogue, CatalogueError

    try:
        with Catalogue(root) as catalogue:
            row = catalogue.resolve(prefix)
            if "#" in row.path.name:  # a dataset row: read from its dataset
                return catalogue.article(row.id)
    except (CatalogueError, OSError, KeyError, sqlite3.Error):
        return None
    path = Path(row.path)
    if not path.is_file() or article_id_for(path, catalogue.root) != row.id:
        return None
    result = read_article(path, catalogue.root)
    return None if isinstance(result, Skipped) else result


def is_large_corpus(folder: Path, threshold: int) -> bool:
    """A folder with at least `threshold` article files (counted only up to it): such a corpus is
    read from its catalogue instead of being loaded whole."""
    if not folder.is_dir() and not folder.is_file():
        return False
    from tui.index.scan import count_files

    return count_files(folder, stop_at=threshold) >= threshold


def refresh_catalogue(catalogue: Any, folder: Path) -> int | None:
    """Bring the catalogue of a large corpus up to date for a command: its messages, the scan's
    progress and the number of skipped files go to stderr. An exit status (after one message)
    when the folder holds no articles, else None."""
    for message in catalogue.messages:
        print(f"sverka: {sanitize_line(message)}", file=sys.stderr)
    told = len(catalogue.messages)
    report = catalogue.refresh(progress=Progress("indexing", quiet=False))
    for message in catalogue.messages[told:]:
        print(f"sverka: {sanitize_line(message)}", file=sys.stderr)
    skipped = len(catalogue.skipped_files(report))
    if skipped:
        print(
            f"sverka: skipped {skipped} file(s) in {sanitize_line(str(folder))} (see sverka index)",
            file=sys.stderr,
        )
    if report.total == 0:
        return fail(f"no articles (.txt or .md files, or dataset rows) in {folder}")
    return None


def print_json(data: Any, indent: int | None = 2) -> None:
    """Pretty JSON on stdout, Cyrillic kept readable (one write: `json.dump` makes one per token,
    which costs more than the encoding for a large answer). `indent=None`: one line, by the C
    encoder (an indented dump runs in pure Python, ~10× slower on thousands of rows)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent) + "\n")


def fail(message: str) -> int:
    """Print `sverka: message` on stderr; return exit status 2."""
    print(f"sverka: {sanitize_line(message)}", file=sys.stderr)
    return 2


class Progress:
    """Progress on stderr: a line rewritten in place on a terminal, a few lines otherwise."""

    def __init__(self, label: str, quiet: bool) -> None:
        self.label = label
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.last = 0.0
        self.t0 = time.perf_counter()

    def __call__(self, done: int, total: int) -> None:
        if self.quiet or total == 0:
            return
        now = time.perf_counter()
        if done < total and now - self.last < (0.1 if self.tty else 2.0):
            return
        self.last = now
        rate = done / (now - self.t0) if now > self.t0 else 0.0
        line = f"{self.label}: {done}/{total} ({100 * done // total}%, {rate:,.0f}/s)"
        if self.tty:
            end = "\n" if done >= total else ""
            sys.stderr.write("\r\x1b[K" + line + end)
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()
