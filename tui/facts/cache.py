"""The on-disk facts cache: one JSON file per (text, language, reference date, pipeline version).

Files live in `tui.paths.cache_dir() / "facts"`, named by the sha1 of the cleaned text together with
the language, the reference date and the pipeline version, so an edited cleaner, a new article date
or a new extractor never serves stale facts. `PIPELINE_VERSION` is bumped by hand for changes in
behaviour; a digest of the extractor sources is added to it automatically, so a code edit alone
also invalidates old entries. Writes are atomic (temp file + `os.replace`); an unreadable or
foreign entry is treated as a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from tui.facts.model import Facts

PIPELINE_VERSION = "1"
ENTRY_MAX_BYTES = 64 * 1024 * 1024
"""A cache entry larger than this is not read (a miss): no facts of a capped text come near it."""


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """`PIPELINE_VERSION` plus a short digest of the extractor code and vocabularies, the
    language layer's (`tui/lang`: its code and word lists) included."""
    import tui.lang

    digest = hashlib.sha1()
    here = Path(__file__).resolve().parent
    # The language layer the extractor reads (its code, gazetteers, lexicons, word lists) counts too.
    lang = Path(tui.lang.__file__).resolve().parent
    files = [*here.glob("*.py"), *here.glob("*.toml")]
    files += [p for p in lang.rglob("*") if p.suffix in (".py", ".txt", ".toml")]
    for path in sorted(files):
        digest.update(str(path.relative_to(here.parent)).encode())
        digest.update(path.read_bytes())
    return f"{PIPELINE_VERSION}-{digest.hexdigest()[:12]}"


def cache_folder() -> Path:
    """Where the facts cache lives (follows SVERKA_CACHE_DIR)."""
    from tui.paths import cache_dir

    return cache_dir() / "facts"


def cache_key(text: str, lang: str, ref_date: str | None) -> str:
    """The file name stem for one extraction."""
    digest = hashlib.sha1()
    for part in (pipeline_version(), lang, ref_date or "", text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def cached_facts(
    text: str, lang: str, ref_date: str | None, compute: Callable[[], Facts] | None
) -> Facts | None:
    """The cached facts for this text, else `compute()` stored and returned (None if no `compute`)."""
    path = cache_folder() / f"{cache_key(text, lang, ref_date)}.json"
    facts = _read(path)
    if facts is not None or compute is None:
        return facts
    facts = compute()
    _write(path, facts)
    return facts


def _read(path: Path) -> Facts | None:
    """The cached facts, or None when there are none usable: a missing, unreadable, damaged or
    foreign file (`[]`, another shape, a half-written one) is a cache miss — the facts are
    extracted again and the file rewritten — never an error."""
    try:
        with path.open("rb") as f:
            if os.fstat(f.fileno()).st_size > ENTRY_MAX_BYTES:
                return None
            raw = f.read(ENTRY_MAX_BYTES + 1)
        if len(raw) > ENTRY_MAX_BYTES:  # grew while being read
            return None
        data = json.loads(raw)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != pipeline_version():
        return None
    try:
        return Facts.from_dict(data["facts"])
    except Exception:  # noqa: BLE001 - any shape from_dict cannot read is a miss
        return None


def _write(path: Path, facts: Facts) -> None:
    """Atomic write; a cache that cannot be written (read-only disk) is not an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(
            {"version": pipeline_version(), "facts": facts.to_dict()}, ensure_ascii=False
        )
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(payload)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return


def clear() -> int:
    """Delete every cached entry; returns how many files were removed."""
    folder = cache_folder()
    n = 0
    for path in folder.glob("*.json") if folder.is_dir() else []:
        path.unlink(missing_ok=True)
        n += 1
    return n
