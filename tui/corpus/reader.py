"""Read a folder of articles: walk it safely, decode each file, derive its metadata.

The walk never blocks or loops: only regular files are opened (FIFOs, sockets and devices are
skipped before any open), symlinked folders are followed once (loops are cut by remembering
device and inode), and every problem becomes a `Skipped` entry with a reason instead of an
exception — the rest of the corpus always loads.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from tui.corpus.decode import UndecodableError, decode_bytes
from tui.corpus.folder import CorpusError, check_folder
from tui.corpus.markup import html_to_text
from tui.corpus.metadata import (
    MetadataError,
    language_of,
    read_sidecar,
    title_words_text,
)
from tui.corpus.outlets import detect_outlet
from tui.corpus.pubdate import detect_date
from tui.corpus.sanitize import sanitize_line, sanitize_text

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_BYTES = 20 * 1024 * 1024
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
"""How article files are opened: never blocking on a FIFO or device, never taking a terminal."""


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its decoded, sanitised text and metadata."""

    id: str
    path: Path
    raw: str
    encoding: str
    title: str
    outlet: str
    language: str
    date: str | None
    words: int
    size: int
    mtime: float
    sha1: str
    url: str | None = None

    def meta(self) -> dict[str, object]:
        """The JSON-able metadata (everything but the text)."""
        return {
            "id": self.id,
            "path": str(self.path),
            "title": self.title,
            "outlet": self.outlet,
            "language": self.language,
            "date": self.date,
            "words": self.words,
            "encoding": self.encoding,
            "url": self.url,
        }


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that was not loaded, and why."""

    path: Path
    reason: str


def walk_articles(root: Path) -> Iterator[Path | Skipped]:
    """Yield candidate article files under `root` (sorted, recursive) or Skipped entries.

    Hidden folders are not entered. Non-regular files are reported, never opened.
    """
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
        except OSError as exc:
            yield Skipped(folder, f"unreadable folder ({exc.strerror or exc})")
            continue
        if (st.st_dev, st.st_ino) in seen:
            yield Skipped(folder, "symlink loop (folder already visited)")
            continue
        seen.add((st.st_dev, st.st_ino))
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield Skipped(folder, f"unreadable folder ({exc.strerror or exc})")
            continue
        subfolders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append(path)
                continue
            if not entry.name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            try:
                mode = os.stat(path).st_mode
            except OSError as exc:
                reason = (
                    "broken symlink"
                    if entry.is_symlink()
                    else f"cannot stat ({exc.strerror or exc})"
                )
                yield Skipped(path, reason)
                continue
            if not stat.S_ISREG(mode):
                yield Skipped(path, "not a regular file")
                continue
            yield path
        stack.extend(reversed(subfolders))


def _read_bytes(path: Path) -> tuple[bytes, os.stat_result]:
    """The file's bytes and its stat, from one open (never blocks on a FIFO or device)."""
    fd = os.open(path, OPEN_FLAGS)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise IsADirectoryError("not a regular file")
        if st.st_size > MAX_BYTES:
            raise OverflowError(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        chunks = []
        size = 0
        want = st.st_size + 1  # one byte more than stat says: a file that grew is noticed
        while size <= MAX_BYTES:
            chunk = os.read(fd, max(want - size, 65536))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_BYTES:
            raise OverflowError(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        return (chunks[0] if len(chunks) == 1 else b"".join(chunks)), st
    finally:
        os.close(fd)


def article_id_for(path: Path) -> str:
    """The id an article gets: its file name without extension (sanitised)."""
    return sanitize_line(path.name.rsplit(".", 1)[0]) or "untitled"


def read_article(path: Path, root: Path | None = None) -> Article | Skipped:
    """Read and describe one article file; any problem becomes a Skipped with its reason."""
    return read_article_text(path, root)[0]


def read_article_text(
    path: Path,
    root: Path | None = None,
    *,
    words: bool = True,
    has_sidecar: bool | None = None,
) -> tuple[Article | Skipped, str]:
    """`read_article`, and the cleaned text its title and word count came from ("" if skipped).

    The catalogue indexes that text for search, so cleaning runs once per file. For the
    catalogue's scan, which already knows and counts more: `words=False` leaves the word count 0
    (the scan counts words while making search terms), `has_sidecar` says whether the file has a
    sidecar (None: look)."""
    found = _read_article(path, words, has_sidecar)
    return found if isinstance(found, tuple) else (found, "")


def _read_article(
    path: Path, count: bool = True, has_sidecar: bool | None = None
) -> tuple[Article, str] | Skipped:
    try:
        data, st = _read_bytes(path)
    except OverflowError as exc:
        return Skipped(path, str(exc))
    except OSError as exc:
        return Skipped(path, f"unreadable ({exc.strerror or exc})")
    if not data.strip():
        return Skipped(path, "empty file")
    try:
        decoded = decode_bytes(data)
    except UndecodableError as exc:
        return Skipped(path, str(exc))
    raw = sanitize_text(html_to_text(decoded.text))
    if not raw.strip():
        return Skipped(path, "empty file (whitespace only)")
    try:
        sidecar = read_sidecar(path) if has_sidecar is not False else {}
    except MetadataError as exc:
        return Skipped(path, str(exc))
    title, words, text = title_words_text(raw, count)
    article = Article(
        id=article_id_for(path),
        path=path,
        raw=raw,
        encoding=decoded.encoding,
        title=sidecar.get("title") or title or "(untitled)",
        outlet=sidecar.get("outlet") or detect_outlet(raw),
        language=sidecar.get("language") or language_of(raw),
        date=sidecar.get("date") or detect_date(raw),
        words=words,
        size=len(data),
        mtime=st.st_mtime,
        sha1=hashlib.sha1(data).hexdigest(),
        url=sidecar.get("url"),
    )
    return article, text


def assign_ids(articles: list[Article], root: Path) -> list[Article]:
    """Make ids unique, the way the catalogue does (tui.index.scan._unique_id).

    The first file with a name keeps it as its id; a later file with the same name gets its path
    relative to the corpus root without extension, then `~2`, `~3`… So adding a file never
    changes the id of one already there — notes stay attached.
    """
    out: list[Article] = []
    taken: set[str] = set()
    for article in articles:
        new_id = article.id
        if new_id in taken:
            try:
                rel = article.path.relative_to(root)
            except ValueError:
                rel = Path(article.path.name)
            base = sanitize_line(rel.with_suffix("").as_posix()) or article.id
            new_id, n = base, 2
            while new_id in taken:
                new_id, n = f"{base}~{n}", n + 1
        taken.add(new_id)
        out.append(article if new_id == article.id else replace(article, id=new_id))
    return out


@dataclass(slots=True)
class Corpus:
    """The articles of one folder, and the files that could not be loaded."""

    root: Path
    articles: list[Article]
    skipped: list[Skipped]

    def resolve(self, prefix: str) -> Article:
        """The article whose id is `prefix` or starts with it (must be unique)."""
        exact = [a for a in self.articles if a.id == prefix]
        if exact:
            return exact[0]
        matches = [a for a in self.articles if a.id.startswith(prefix)]
        if not matches:
            raise CorpusError(
                f"no article with id starting with {sanitize_line(prefix)!r} in {self.root}"
            )
        if len(matches) > 1:
            shown = ", ".join(a.id for a in matches[:5])
            more = "…" if len(matches) > 5 else ""
            raise CorpusError(f"id prefix {sanitize_line(prefix)!r} is ambiguous: {shown}{more}")
        return matches[0]

    def by_id(self) -> dict[str, Article]:
        """Articles keyed by id."""
        return {a.id: a for a in self.articles}

    def skipped_summary(self) -> str | None:
        """One line for stderr about the skipped files, or None when none were skipped."""
        if not self.skipped:
            return None
        counts = count_reasons(s.reason for s in self.skipped)
        return sanitize_line(
            f"sverka: skipped {len(self.skipped)} file(s) in {self.root}: {counts}"
        )


def count_reasons(reasons: Iterable[str]) -> str:
    """«2 binary file, 1 empty file»: skip reasons counted, details in brackets dropped."""
    counts: dict[str, int] = {}
    for reason in reasons:
        key = reason.split(" (")[0]
        counts[key] = counts.get(key, 0) + 1
    return ", ".join(f"{n} {reason}" for reason, n in sorted(counts.items()))


def load_corpus(folder: Path) -> Corpus:
    """Read every article under `folder`. Raises CorpusError if it is missing or holds none."""
    root = check_folder(Path(folder))
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in walk_articles(root):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        result = read_article(item, root)
        (skipped if isinstance(result, Skipped) else articles).append(result)  # type: ignore[arg-type]
    if not articles:
        detail = f" ({len(skipped)} file(s) skipped)" if skipped else ""
        raise CorpusError(f"no articles (.txt or .md files) in {sanitize_line(str(root))}{detail}")
    return Corpus(root, assign_ids(articles, root), skipped)
