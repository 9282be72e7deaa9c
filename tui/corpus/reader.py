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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from tui.corpus.decode import UndecodableError, decode_bytes
from tui.corpus.folder import OUTSIDE_REASON, CorpusError, check_folder, leads_outside
from tui.corpus.markup import html_to_text
from tui.corpus.metadata import (
    MetadataError,
    language_of,
    read_sidecar,
    title_words_text,
)
from tui.corpus.model import Article, Skipped, printable_path
from tui.corpus.outlets import detect_outlet
from tui.corpus.pubdate import detect_date
from tui.corpus.sanitize import escape_name, needs_escape, sanitize_line, sanitize_text

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_BYTES = 20 * 1024 * 1024
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
"""How article files are opened: never blocking on a FIFO or device, never taking a terminal."""


def walk_articles(
    root: Path, want: Callable[[str], bool] | None = None
) -> Iterator[Path | Skipped]:
    """Yield candidate article files under `root` (sorted, recursive) or Skipped entries.

    Hidden folders are not entered. Non-regular files are reported, never opened. `want`, if
    given, is asked about each article file's path relative to `root` ('/'-separated) before
    anything else is done with it; files it declines are passed over silently.
    """
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[Path, str]] = [(root, "")]
    root_real = os.path.realpath(root)
    while stack:
        folder, prefix = stack.pop()
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
        subfolders: list[tuple[Path, str]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if want is not None and entry.name.lower().endswith(ARTICLE_SUFFIXES):
                try:
                    is_file = not entry.is_dir(follow_symlinks=True)
                except OSError:
                    is_file = True
                if is_file and not want(prefix + entry.name):
                    continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if (
                entry.is_symlink()
                and (is_dir or entry.name.lower().endswith(ARTICLE_SUFFIXES))
                and leads_outside(entry.path, root_real)
            ):
                yield Skipped(path, OUTSIDE_REASON)
                continue
            if is_dir:
                subfolders.append((path, prefix + entry.name + "/"))
                continue
            if not entry.name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            if not _is_unicode(path, root):  # as the catalogue, which cannot store such a name
                yield Skipped(path, "file name is not valid Unicode")
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


def _is_unicode(path: Path, root: Path) -> bool:
    """Is the path below `root` valid Unicode (no undecodable byte in a folder or file name)?"""
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = Path(path.name)
    try:
        str(rel).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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


def split_suffix(name: str) -> tuple[str, str]:
    """(stem, suffix) of an article file name: `.txt`/`.md` in any case; ("", "") otherwise."""
    low = name.lower()
    for suffix in ARTICLE_SUFFIXES:
        if low.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], name[-len(suffix) :]
    return "", ""


def _case_variants(suffix: str) -> list[str]:
    variants = [""]
    for ch in suffix:
        variants = [v + c for v in variants for c in dict.fromkeys((ch.lower(), ch.upper()))]
    return variants


_SUFFIX_VARIANTS = [v for suffix in ARTICLE_SUFFIXES for v in _case_variants(suffix)]


def _rank(name: str) -> tuple[int, str]:
    """Which of several files sharing a stem keeps the bare stem as its id: `.txt`, then `.md`,
    then the other spellings of the suffix by name."""
    return (0 if name.endswith(".txt") else 1 if name.endswith(".md") else 2, name)


def id_name(name: str, sibling: Callable[[str], bool]) -> str:
    """The last part of an article's id: its file name without `.txt`/`.md` — unless another
    article file in the same folder has the same stem and ranks before it (`a.txt` beside
    `a.md`): then the whole name (`a.md`). `sibling(name)` says whether an entry (not a folder)
    of that name is in the folder."""
    stem, suffix = split_suffix(name)
    if not stem:
        return name
    if name.endswith(".txt"):  # ranks first: nothing can take the stem from it
        return stem
    mine = _rank(name)
    for variant in _SUFFIX_VARIANTS:
        other = stem + variant
        if other != name and _rank(other) < mine and sibling(other):
            return name
    return stem


def _on_disk(folder: Path) -> Callable[[str], bool]:
    def sibling(name: str) -> bool:
        path = os.path.join(folder, name)
        return os.path.lexists(path) and not os.path.isdir(path)

    return sibling


WINDOW_BYTES = 64 * 1024
"""How much of a file `cleaned_window` reads: a search snippet's passage comes from the start of
the article, so a 20 MB hit costs what a short one does."""


def cleaned_window(path: Path, max_bytes: int = WINDOW_BYTES) -> str | None:
    """The cleaned text of the first `max_bytes` of an article file (cut at a line end), decoded
    and cleaned as the reader does the whole file; None if it cannot be read as text."""
    try:
        fd = os.open(path, OPEN_FLAGS)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            chunk = os.read(fd, max_bytes + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError:
        return None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_bytes:  # cut: end at the last line end inside the window
        data = data[:max_bytes]
        cut = data.rfind(b"\n")
        if cut > 0:
            data = data[: cut + 2 if data[cut + 1 : cut + 2] == b"\x00" else cut + 1]
    if not data.strip():
        return None
    try:
        decoded = decode_bytes(data)
    except UndecodableError:
        return None
    return title_words_text(sanitize_text(html_to_text(decoded.text)), False)[2]


def article_id_for(
    path: Path, root: Path | None = None, sibling: Callable[[str], bool] | None = None
) -> str:
    """The id of the article file `path`: its path relative to the corpus `root`, '/'-separated,
    without `.txt`/`.md` (`sub/a` for `root/sub/a.txt`; a file at the top keeps its bare name).

    It depends on nothing but the file's place (and, for `a.md` beside an `a.txt`, on that
    neighbour): never on the order files are found in, what else the corpus holds, or what a
    catalogue remembers — so the CLI, the catalogue, search and the app all give an article
    the same id, and it stays its id for as long as the file is where it is. Names are escaped
    as `ls -b` does (`escape_name`), which keeps two different files' ids apart.
    `sibling(name)` answers whether the folder holds an entry of that name (default: look)."""
    rel: Path
    if root is not None:
        try:
            rel = path.relative_to(root)
        except ValueError:
            rel = Path(path.name)
    else:
        rel = Path(path.name)
    parts = rel.parts or (path.name,)
    last = id_name(parts[-1], sibling or _on_disk(path.parent))
    return "/".join(escape_name(p) for p in (*parts[:-1], last)) or "untitled"


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
    found = _read_article(path, root, words, has_sidecar)
    return found if isinstance(found, tuple) else (found, "")


def _read_article(
    path: Path, root: Path | None = None, count: bool = True, has_sidecar: bool | None = None
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
    title, words, text, date_line = title_words_text(raw, count)
    article = Article(
        id=article_id_for(path, root),
        path=path,
        raw=raw,
        encoding=decoded.encoding,
        title=sidecar.get("title") or title or "(untitled)",
        outlet=sidecar.get("outlet") or detect_outlet(raw, sidecar.get("url")),
        language=sidecar.get("language") or language_of(raw),
        date=sidecar.get("date") or detect_date(raw, date_line),
        words=words,
        size=len(data),
        mtime=st.st_mtime,
        sha1=hashlib.sha1(data).hexdigest(),
        url=sidecar.get("url"),
    )
    return article, text


def entry_path(root: Path, rel: str) -> Path:
    """The path people see for the catalogue entry `rel`: the file, or `<dataset file>#<locator>`
    for a dataset row (`root#b123` when the corpus is one dataset file)."""
    if rel.startswith("#"):
        return Path(f"{root}{rel}")
    return root / rel


def read_entry(
    root: Path, rel: str, stored: bytes | None = None, words: bool = True
) -> tuple[Article | Skipped, str]:
    """`read_article_text` of the catalogue entry `rel` of the corpus `root` (a folder or a
    dataset file): a file, or a dataset row (`<dataset>#<locator>`, see `tui.corpus.dataset`),
    read from `stored` (the row's fields kept by the catalogue, `pack_row`) when given, else from
    the dataset. A row's id is `dataset.row_id`'s (the catalogue may have added `~2`)."""
    from tui.corpus.dataset import split_entry

    entry = split_entry(rel)
    if entry is None:
        return read_article_text(root / rel, root, words=words)
    file, locator = entry
    dataset = root / file if file else root
    path = Path(f"{dataset}#{locator}")
    from tui.corpus.dataset import BadRow, DatasetError, read_row, row_article, row_id, unpack_row

    try:
        row = unpack_row(stored, locator) if stored is not None else read_row(dataset, locator)
    except (OSError, DatasetError, ValueError) as exc:
        return Skipped(path, f"unreadable ({sanitize_line(str(exc))})"), ""
    if isinstance(row, BadRow):
        return Skipped(path, row.reason), ""
    try:
        mtime = dataset.stat().st_mtime
    except OSError:
        mtime = 0.0
    try:
        return row_article(dataset, file, row, row_id(file, row), count=words, mtime=mtime)
    except ValueError as exc:
        return Skipped(path, str(exc)), ""


def dataset_articles(dataset: Path, rel: str, skipped: list[Skipped]) -> Iterator[Article]:
    """Every row of one dataset file (`rel`: its path in the corpus, "" when it is the corpus)
    as an article; bad rows go to `skipped` with their number. Rows wanting an id already given
    get `~2`, `~3`… in file order (as the catalogue gives them)."""
    from tui.corpus.dataset import BadRow, DatasetError, iter_rows, row_article, row_id

    taken: set[str] = set()
    try:
        mtime = dataset.stat().st_mtime
        for row in iter_rows(dataset):
            if isinstance(row, BadRow):
                skipped.append(Skipped(dataset, row.message()))
                continue
            wanted = row_id(rel, row)
            aid, n = wanted, 2
            while aid in taken:
                aid, n = f"{wanted}~{n}", n + 1
            try:
                article = row_article(dataset, rel, row, aid, mtime=mtime)[0]
            except ValueError as exc:
                skipped.append(Skipped(dataset, f"row {row.number}: {exc}"))
                continue
            taken.add(aid)
            yield article
    except (OSError, DatasetError, EOFError) as exc:
        skipped.append(Skipped(dataset, f"unreadable ({sanitize_line(str(exc))})"))


def assign_ids(articles: list[Article], root: Path) -> list[Article]:
    """Ids are unique by construction (`article_id_for`); in the one case they are not — a file
    `a.md.txt` beside `a.txt` and `a.md` — the file whose path sorts later gets `~2`, `~3`…
    (the catalogue does the same, `tui.index.scan`)."""
    final: dict[Path, str] = {}
    taken: set[str] = set()
    for article in sorted(articles, key=lambda a: str(a.path)):
        new_id, n = article.id, 2
        while new_id in taken:
            new_id, n = f"{article.id}~{n}", n + 1
        taken.add(new_id)
        final[article.path] = new_id
    return [a if final[a.path] == a.id else replace(a, id=final[a.path]) for a in articles]


def article_by_id(root: Path, article_id: str) -> Article | Skipped | None:
    """The article whose id is exactly `article_id`, found from the id alone: a few stats in one
    folder, however large the corpus (`article_id_for` run backwards). None when no file has
    that id in this simple way — an id with escapes or a `~n`, a path through a symbolic link,
    a hidden folder — and the caller walks the corpus instead (`find_article`)."""
    parts = article_id.split("/")
    if not article_id or "\\" in article_id or any(not p or p.startswith(".") for p in parts):
        return None
    folder = root.joinpath(*parts[:-1])
    last = parts[-1]
    names = [last + suffix for suffix in _SUFFIX_VARIANTS]
    if split_suffix(last)[0]:  # `a.md` beside an `a.txt`: the id is the whole name
        names.append(last)
    expected_folder = os.path.join(os.path.realpath(root), *parts[:-1])
    for name in names:
        path = folder / name
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                continue
        except (OSError, ValueError):
            continue
        if os.path.realpath(path) != os.path.join(expected_folder, name):
            return None  # a link on the way: the walk knows what to follow
        if article_id_for(path, root) == article_id:
            return read_article(path, root)
    return None


def find_article(root: Path, prefix: str) -> Article:
    """The one article `prefix` names (`Corpus.resolve`'s rules) without reading the corpus:
    an exact id is found at once (`article_by_id`); anything else walks the folder's names and
    reads only the file chosen. CorpusError when none, several, or the file cannot be read."""
    root = check_folder(root)
    found = article_by_id(root, prefix)
    if isinstance(found, Skipped):
        raise CorpusError(
            f"{escape_name(prefix)}: cannot read {printable_path(found.path)} ({found.reason})"
        )
    if found is not None:
        return found
    exact: Path | None = None
    matches: list[tuple[str, Path]] = []

    def could_match(rel: str) -> bool:
        # an id is its path without the suffix, escaped: a prefix of it (or of its last part)
        # is a prefix of the path (or of the file name) unless escaping changed the name
        return (
            rel.startswith(prefix) or rel.rpartition("/")[2].startswith(prefix) or needs_escape(rel)
        )

    for item in walk_articles(root, could_match):
        if isinstance(item, Skipped):
            continue
        aid = article_id_for(item, root)
        if aid == prefix:
            exact = item
            break
        if id_matches(aid, prefix):
            matches.append((aid, item))
    if exact is None:
        if not matches:
            raise CorpusError(
                f"no article with id starting with {escape_name(prefix)!r} in"
                f" {escape_name(str(root))}"
            )
        if len(matches) > 1:
            shown = ", ".join(aid for aid, _ in sorted(matches)[:5])
            more = "…" if len(matches) > 5 else ""
            raise CorpusError(f"id prefix {escape_name(prefix)!r} is ambiguous: {shown}{more}")
        exact = matches[0][1]
    result = read_article(exact, root)
    if isinstance(result, Skipped):
        raise CorpusError(f"cannot read {printable_path(result.path)} ({result.reason})")
    return result


def id_matches(article_id: str, prefix: str) -> bool:
    """True when `prefix` abbreviates `article_id`: the id starts with it, or the id's last part
    does (`a` finds `sub/a` — a file in a subfolder by its name)."""
    return bool(prefix) and (
        article_id.startswith(prefix) or article_id.rpartition("/")[2].startswith(prefix)
    )


@dataclass(slots=True)
class Corpus:
    """The articles of one folder, and the files that could not be loaded."""

    root: Path
    articles: list[Article]
    skipped: list[Skipped]

    def resolve(self, prefix: str) -> Article:
        """The article whose id is `prefix`, or the one whose id — or file name, for an article in
        a subfolder — starts with it (must be unique; see `id_matches`)."""
        exact = [a for a in self.articles if a.id == prefix]
        if exact:
            return exact[0]
        matches = [a for a in self.articles if id_matches(a.id, prefix)]
        if not matches:
            raise CorpusError(
                f"no article with id starting with {escape_name(prefix)!r} in"
                f" {escape_name(str(self.root))}"
            )
        if len(matches) > 1:
            shown = ", ".join(a.id for a in matches[:5])
            more = "…" if len(matches) > 5 else ""
            raise CorpusError(f"id prefix {escape_name(prefix)!r} is ambiguous: {shown}{more}")
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
    """Read every article under `folder` — a folder of .txt/.md files and datasets, or one dataset
    file. Raises CorpusError if it is missing or holds none."""
    root = check_folder(Path(folder))
    articles: list[Article] = []
    skipped: list[Skipped] = []
    if root.is_file():
        articles.extend(dataset_articles(root, "", skipped))
    else:
        for item in walk_articles(root):
            if isinstance(item, Skipped):
                skipped.append(item)
                continue
            result = read_article(item, root)
            (skipped if isinstance(result, Skipped) else articles).append(result)  # type: ignore[arg-type]
        from tui.corpus.dataset import dataset_files

        for dataset in dataset_files(root):
            rel = dataset.relative_to(root).as_posix()
            articles.extend(dataset_articles(dataset, rel, skipped))
    if not articles:
        detail = f" ({len(skipped)} file(s) skipped)" if skipped else ""
        raise CorpusError(
            f"no articles (.txt or .md files, or dataset rows) in {sanitize_line(str(root))}{detail}"
        )
    return Corpus(root, assign_ids(articles, root), skipped)
