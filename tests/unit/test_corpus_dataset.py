"""Datasets as corpora (tui.corpus.dataset): every format reads the same articles, ids are stable,
bad rows are reported with their number and the rest is read, and a file is streamed."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from dataset_material import (
    ROWS,
    write_csv,
    write_gz,
    write_jsonl,
    write_parquet,
    write_zst,
)

from tui.corpus.dataset import (
    BadRow,
    DatasetError,
    Row,
    configure_fields,
    iter_rows,
    normal_date,
    parse_field_flags,
    read_row,
    split_entry,
)
from tui.corpus.reader import load_corpus, read_entry


@pytest.fixture(autouse=True)
def _default_fields() -> Iterator[None]:
    configure_fields(None)
    yield
    configure_fields(None)


WRITERS = {
    "data.jsonl": write_jsonl,
    "data.jsonl.gz": write_gz,
    "data.jsonl.zst": write_zst,
    "data.csv": write_csv,
    "data.parquet": write_parquet,
}


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_every_format_reads_the_same_articles_with_the_id_field_as_id(
    tmp_path: Path, name: str
) -> None:
    path = WRITERS[name](tmp_path / name)
    corpus = load_corpus(path)
    assert [a.id for a in corpus.articles] == [r["id"] for r in ROWS]
    first = corpus.articles[0]
    assert first.title == ROWS[0]["title"]
    assert first.outlet == "zerkalo.io"  # from the url: the row names no outlet
    assert first.language == "ru" and corpus.articles[1].language == "uk"
    assert first.date == "2022-01-10"
    assert first.url == ROWS[0]["url"]
    assert first.raw.startswith(ROWS[0]["title"] + "\n\n")  # the headline above the text
    assert "7939" in first.raw and first.words > 20
    assert not corpus.skipped


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_each_row_is_found_again_by_its_locator(tmp_path: Path, name: str) -> None:
    path = WRITERS[name](tmp_path / name)
    rows = [r for r in iter_rows(path) if isinstance(r, Row)]
    assert len(rows) == 3
    for row in reversed(rows):
        again = read_row(path, row.locator)
        assert isinstance(again, Row)
        assert again.digest() == row.digest() and again.stable_id() == row.stable_id()


def test_ids_without_an_id_field_come_from_the_text_and_are_stable(tmp_path: Path) -> None:
    rows = [{k: v for k, v in r.items() if k != "id"} for r in ROWS]
    first = load_corpus(write_jsonl(tmp_path / "a.jsonl", rows)).articles
    # the same rows in another order, in another format, elsewhere: the same ids
    second = load_corpus(write_parquet(tmp_path / "b.parquet", rows[::-1])).articles
    assert sorted(a.id for a in first) == sorted(a.id for a in second)
    assert all(len(a.id) == 12 and int(a.id, 16) >= 0 for a in first)
    assert len({a.id for a in first}) == 3


def test_duplicate_rows_get_distinct_ids(tmp_path: Path) -> None:
    rows = [ROWS[0], ROWS[1], ROWS[0]]
    ids = [a.id for a in load_corpus(write_jsonl(tmp_path / "d.jsonl", rows)).articles]
    assert ids == ["kz-0107-01", "kz-0107-02", "kz-0107-01~2"]


def test_bad_rows_are_reported_with_their_number_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    lines = [
        json.dumps(ROWS[0], ensure_ascii=False),
        '{"title": "cut off", "text": "Текст',  # a row cut in the middle
        "",
        "[1, 2, 3]",
        json.dumps({"title": "no text here"}),
        json.dumps(ROWS[1], ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    found = list(iter_rows(path))
    bad = {b.number: b.reason for b in found if isinstance(b, BadRow)}
    assert set(bad) == {2, 4, 5}
    assert "not valid JSON" in bad[2] and "JSON object" in bad[4] and "no text" in bad[5]
    corpus = load_corpus(path)
    assert [a.id for a in corpus.articles] == ["kz-0107-01", "kz-0107-02"]
    summary = corpus.skipped_summary() or ""
    assert "row 2" in summary and "row 5" in summary


def test_a_row_in_a_legacy_code_page_is_read_and_said_so(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    odd = json.dumps({"title": "Заявление МИД", "text": "Министерство иностранных дел заявило."},
                     ensure_ascii=False).encode("cp1251")  # fmt: skip
    path.write_bytes(json.dumps(ROWS[0], ensure_ascii=False).encode() + b"\n" + odd + b"\n")
    rows = list(iter_rows(path))
    assert isinstance(rows[1], Row) and rows[1].title == "Заявление МИД"
    assert rows[1].note is not None and "cp1251" in rows[1].note


def test_a_cp1251_csv_reads_as_text(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export.csv", encoding="cp1251")
    corpus = load_corpus(path)
    assert [a.title for a in corpus.articles] == [r["title"] for r in ROWS]


def test_csv_records_of_the_wrong_shape_are_bad_rows(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export.csv")
    with path.open("a", encoding="utf-8", newline="") as f:
        f.write("only,three,fields\n")
        f.write('x,"Итог","Текст строки\nна двух строках",https://kloop.kg/1,2022-01-09,ru\n')
    found = list(iter_rows(path))
    bad = [b for b in found if isinstance(b, BadRow)]
    assert [b.number for b in bad] == [4] and "3 fields" in bad[0].reason
    last = found[-1]
    assert isinstance(last, Row) and last.text == "Текст строки\nна двух строках"
    again = read_row(path, last.locator)
    assert isinstance(again, Row) and again.text == last.text


def test_a_file_without_a_text_column_says_which_columns_it_has(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", "utf-8")
    with pytest.raises(DatasetError, match="no text column .*a, b.*--field text="):
        list(iter_rows(path))
    path = tmp_path / "x.parquet"
    path.write_bytes(b"PAR1 this is not parquet")
    with pytest.raises(DatasetError, match="not a readable Parquet file"):
        list(iter_rows(path))


def test_a_field_mapping_names_other_columns(tmp_path: Path) -> None:
    rows = [{"uid": r["id"], "body": r["text"], "meta": {"link": r["url"]}} for r in ROWS]
    path = write_jsonl(tmp_path / "custom.jsonl", rows)
    configure_fields(parse_field_flags(["id=uid", "url=meta.link"]))
    articles = load_corpus(path).articles
    assert [a.id for a in articles] == [r["id"] for r in ROWS]  # body is a default text name
    assert articles[1].url == ROWS[1]["url"] and articles[1].outlet == "focus.ua"
    with pytest.raises(DatasetError, match="expected FIELD=COLUMN"):
        parse_field_flags(["body"])
    with pytest.raises(DatasetError, match="expected FIELD=COLUMN"):
        parse_field_flags(["texts=body"])


def test_news_please_style_rows_read_with_the_defaults(tmp_path: Path) -> None:
    row = {
        "maintext": ROWS[0]["text"],
        "title": ROWS[0]["title"],
        "date_publish": "2022-01-10 09:30:00",
        "source_domain": "www.zerkalo.io",
        "language": "ru",
    }
    (article,) = load_corpus(write_jsonl(tmp_path / "np.jsonl", [row])).articles
    assert article.date == "2022-01-10" and article.outlet == "www.zerkalo.io"


def test_dates_from_fields() -> None:
    assert normal_date("2022-01-10T09:30:00Z") == "2022-01-10"
    assert normal_date("1641807000") == "2022-01-10"
    assert normal_date("1641807000000") == "2022-01-10"
    assert normal_date("2022-13-40") is None


def test_entry_paths_name_a_dataset_row_only() -> None:
    assert split_entry("sub/data.jsonl#b120") == ("sub/data.jsonl", "b120")
    assert split_entry("#r7") == ("", "r7")
    assert split_entry("notes#1.txt") is None
    assert split_entry("a.txt") is None
    assert split_entry("data.jsonl#row3") is None


def test_read_entry_reads_a_row_as_the_corpus_reader_does(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl")
    loaded = load_corpus(path).articles[1]
    rel = "#" + loaded.path.name.rpartition("#")[2]
    article, text = read_entry(path, rel)
    assert article.raw == loaded.raw and article.title == loaded.title  # type: ignore[union-attr]
    assert text and "1 925" in text


def test_a_folder_of_datasets_and_files_is_one_corpus(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "one.txt").write_text(
        "Токаев обратился к народу\n\nПрезидент выступил 7 января 2022 года.\n", "utf-8"
    )
    write_jsonl(tmp_path / "dump.jsonl", ROWS[:2])
    write_parquet(tmp_path / "more.parquet", ROWS[2:])
    corpus = load_corpus(tmp_path)
    ids = sorted(a.id for a in corpus.articles)
    # a row's id is under its file's path, as a nested file's id is its path
    assert ids == sorted(["pages/one", "dump.jsonl/kz-0107-01", "dump.jsonl/kz-0107-02",
                          "more.parquet/kz-0108-03"])  # fmt: skip
    assert corpus.resolve("kz-0108").id == "more.parquet/kz-0108-03"


def test_a_large_file_is_streamed_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    body = "Жители Алматы рассказали о протестах и задержаниях. " * 80  # ~8 KB a row
    with path.open("w", encoding="utf-8") as f:
        for i in range(3000):
            f.write(
                json.dumps({"id": i, "title": f"Заметка {i}", "text": body}, ensure_ascii=False)
                + "\n"
            )
    size = path.stat().st_size
    assert size > 20_000_000
    tracemalloc.start()
    try:
        count = sum(1 for r in iter_rows(path) if isinstance(r, Row))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 3000
    assert peak < size / 10  # a few rows at a time, never the file
