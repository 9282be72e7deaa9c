"""The `sverka` command line: a thin face on the core.

`sverka [CORPUS]` opens the app; `sverka <command> ...` runs one of the subcommands listed in
COMMANDS, each in its own module `tui/cli/<name>_cmd.py` with a `register(subparsers)` function.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import sys
from collections.abc import Sequence

# Subcommand modules, in the order `--help` lists them.
COMMANDS: list[str] = [
    "list",
    "show",
    "facts",
    "compare",
    "matrix",
    "notes",
    "index",
    "search",
    "claims",
    "export",
]


def build_parser() -> argparse.ArgumentParser:
    """The full parser: global options, the app's positional corpus, and every subcommand."""
    parser = argparse.ArgumentParser(
        prog="sverka",
        description=(
            "Sverka (сверка, 'cross-check'): read, clean, extract facts from and compare news "
            "articles in a folder. Without a command, opens the terminal app."
        ),
    )
    add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"tui.cli.{name}_cmd")
        module.register(sub)
    return parser


def add_global_options(parser: argparse.ArgumentParser) -> None:
    """Options accepted before any subcommand."""
    parser.add_argument(
        "--config", metavar="FILE", help="config file (default: per-user config.toml)"
    )
    parser.add_argument(
        "--notes", metavar="FILE", help="notes file (default: from config, else per-user)"
    )
    parser.add_argument("--theme", metavar="NAME", help="colour theme for the app")
    from tui.cli.common import add_field_option

    add_field_option(parser)


def split_app_args(argv: Sequence[str]) -> bool:
    """True when argv names no subcommand, i.e. the app should open."""
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
            continue
        if arg in ("--config", "--notes", "--theme", "--field"):
            skip_next = True
            continue
        if arg.startswith("-"):
            return arg not in ("-h", "--help")
        return arg not in COMMANDS
    return True


def robust_output() -> None:
    """Make stdout and stderr unable to fail on what they are given, under any locale: a
    character the output's encoding cannot hold is escaped instead of raising — an undecodable
    byte of a file name (a lone surrogate) as `\\377`, the way `ls -b` and git show it, anything
    else as `\\uXXXX`. (Python's default for a UTF-8 locale is to raise, for stdout.)"""
    import codecs

    try:
        codecs.lookup_error(ESCAPE_ERRORS)
    except LookupError:
        codecs.register_error(ESCAPE_ERRORS, _escape_unencodable)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # closed or detached: nothing to do
                reconfigure(errors=ESCAPE_ERRORS)


ESCAPE_ERRORS = "sverka-escape"
"""The codec error handler `robust_output` installs."""


def _escape_unencodable(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for char in exc.object[exc.start : exc.end]:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\{code - 0xDC00:03o}")
        elif code > 0xFFFF:
            out.append(f"\\U{code:08x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), exc.end


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `sverka` console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if argv is None:  # the real command line (tests pass argv and capture output themselves)
        robust_output()
    if split_app_args(args_list):
        # Start-up allocates much and frees little, so collections before the first frame only
        # cost time (tens of ms). The app resumes the collector once it has painted.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            from tui.cli.app_cmd import run_app

            return run_app(args_list)
        finally:
            if was_enabled:
                gc.enable()
    parser = build_parser()
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    from tui.cli.common import CliError, apply_config, fail
    from tui.index.model import CatalogueError

    try:
        apply_config(args)
        return int(args.func(args) or 0)
    except (CliError, CatalogueError) as exc:
        return fail(str(exc))
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
