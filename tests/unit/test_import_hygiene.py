"""The core never imports textual: only tui.app may."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import tui

PACKAGE = Path(tui.__file__).resolve().parent
CORE = [
    "lang", "corpus", "clean", "facts", "compare", "notes", "index", "config.py", "paths.py",
    "pipeline.py",
]  # fmt: skip


def _core_files() -> list[Path]:
    files: list[Path] = []
    for name in CORE:
        target = PACKAGE / name
        files.extend(sorted(target.rglob("*.py")) if target.is_dir() else [target])
    return [f for f in files if f.exists()]


def test_no_core_module_mentions_textual_in_an_import() -> None:
    offenders = []
    for file in _core_files():
        tree = ast.parse(file.read_text("utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(
                n == "textual" or n.startswith("textual.") or n.startswith("tui.app") for n in names
            ):
                offenders.append(f"{file.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []


def test_importing_the_core_at_run_time_does_not_load_textual() -> None:
    modules = ["tui.corpus", "tui.config", "tui.paths", "tui.cli.common"]
    for name in CORE:
        if (PACKAGE / name).is_dir() and (PACKAGE / name / "__init__.py").exists():
            modules.append(f"tui.{name}")
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_import_contracts_of_pyproject_hold() -> None:
    """Layers only downwards, no Textual in the core, tui.lang on its own, no cycles (import-linter)."""
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run(
        [str(lint), "--no-cache"], cwd=PACKAGE.parent, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "0 broken" in out.stdout


def test_no_module_imports_another_modules_private_name() -> None:
    offenders = []
    for file in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(file.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tui"):
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        offenders.append(f"{file.relative_to(PACKAGE)}:{node.lineno} {alias.name}")
    assert offenders == []
