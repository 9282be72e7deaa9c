"""`sverka [--config F] [--notes F] [--theme NAME] [CORPUS]`: open the terminal app.

Only argument parsing and config loading happen here; the app itself lives in `tui.app` and is
imported after the arguments are known to be good (so `--help` and errors stay instant).
"""

from __future__ import annotations

import argparse
import gc
from collections.abc import Sequence
from pathlib import Path

from tui.cli.common import DEFAULT_CORPUS, fail
from tui.config import Config, ConfigError, load_config
from tui.corpus.folder import CorpusError, check_folder


def build_app_parser() -> argparse.ArgumentParser:
    """The parser of the app's own command line."""
    parser = argparse.ArgumentParser(
        prog="sverka",
        description=(
            "Open the Sverka reader on a folder of articles. Other commands: "
            "sverka list|show|facts|compare|notes|index|search (see sverka COMMAND --help)."
        ),
    )
    parser.add_argument(
        "--config", metavar="FILE", help="config file (default: per-user config.toml)"
    )
    parser.add_argument(
        "--notes", metavar="FILE", help="notes file (default: from config, else per-user)"
    )
    parser.add_argument(
        "--theme",
        metavar="NAME",
        help="colour theme, e.g. sverka-dark, sverka-light, sverka-high-contrast",
    )
    parser.add_argument(
        "--field",
        action="append",
        metavar="FIELD=COLUMN",
        help="for a JSONL/CSV/Parquet corpus: the column holding FIELD, e.g. --field text=body",
    )
    parser.add_argument(
        "corpus",
        metavar="CORPUS",
        nargs="?",
        type=Path,
        help="folder of articles, or a dataset file (JSONL, CSV, Parquet) (default: config, else ./seeds)",
    )
    return parser


def app_config(path: Path | None) -> tuple[Config, list[str]]:
    """The config for the app, and what to tell the user about it. A config that cannot be used
    does not keep the app from starting: it starts with the defaults and says why in its first
    frame (the file is left as it is; the other commands still refuse it, for scripts' sake)."""
    try:
        return load_config(path), []
    except ConfigError as exc:
        return Config(), [f"{exc} — using the default settings until it is fixed"]


def run_app(argv: Sequence[str]) -> int:
    """Parse `argv`, load the config, check the corpus folder, run the app; the exit status."""
    args = build_app_parser().parse_args(list(argv))
    config, problems = app_config(Path(args.config) if args.config else None)
    corpus = args.corpus or config.corpus or DEFAULT_CORPUS
    try:
        check_folder(corpus)
    except CorpusError as exc:
        return fail(str(exc))
    if config.dataset or args.field:
        from tui.corpus.dataset import DatasetError, configure_fields, parse_field_flags

        try:
            configure_fields({**config.dataset, **parse_field_flags(args.field or [])})
        except DatasetError as exc:
            return fail(str(exc))

    # Open the catalogue in a thread while Textual is imported: the first frame shows the rows.
    from tui.app.library import CatalogueLibrary, LibraryPreload

    preload = LibraryPreload(lambda: CatalogueLibrary(corpus, config.cache_dir))

    from tui.app.app import SverkaApp

    app = SverkaApp(
        config,
        corpus,
        startup_problems=problems,
        notes_path=Path(args.notes) if args.notes else None,
        theme=args.theme,
        preload=preload,
        resume_gc=not gc.isenabled(),
    )
    result = app.run()
    return int(result or app.return_code or 0)
