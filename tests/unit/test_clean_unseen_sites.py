"""Pages in the style of sites the cleaner had not seen (written for the held-out QA findings):
each checks a mechanism — a date inside a headline, read-also cues in other languages, a related
list introduced by a long marker, caption labels, «skip … and continue reading» embeds, one-line
pages with a menu and a donation appeal glued in — never one page's exact strings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.clean import Document, clean_text

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"

BODY = (
    "Власти области сообщили о новых ограничениях для грузового транспорта на трассе М-4. "
    "По данным ведомства, запрет будет действовать до конца недели.\n\n"
    "Водителям рекомендуют заранее планировать маршрут и следить за сообщениями дорожных служб."
)


def page(name: str) -> Document:
    return clean_text((PAGES / name).read_text(encoding="utf-8"))


def assert_gone(doc: Document, *fragments: str) -> None:
    for fragment in fragments:
        assert fragment not in doc.text, f"should be removed: {fragment!r}"


def assert_kept(doc: Document, *fragments: str) -> None:
    for fragment in fragments:
        assert fragment in doc.text, f"should be kept: {fragment!r}"


@pytest.mark.parametrize(
    ("headline", "date_line"),
    [
        ("На трассе М-4 ограничили движение грузовиков до 25 февраля", "14:05, 20 февраля 2022"),
        ("Запуск спутника «Ионосфера» перенесли на 3 ноября", "14:05, 20 февраля 2022"),
        ("Уряд продовжив карантин до 31 березня", "14:05, 20 февраля 2022"),
        ("Talks on grain exports postponed until March 3", "14:05, 20 февраля 2022"),
    ],
)  # fmt: skip
def test_a_date_the_headline_speaks_of_stays_in_the_title(headline: str, date_line: str) -> None:
    doc = clean_text(f"Новости\nОбщество\n{headline}\n{date_line}\n\n{BODY}")
    assert doc.title == headline
    assert doc.date_line == date_line


def test_a_publication_date_or_time_after_the_headline_still_moves_to_the_date_line() -> None:
    doc = clean_text(f"На трассе М-4 ограничили движение грузовиков, 20 февраля 2022\n\n{BODY}")
    assert (doc.title, doc.date_line) == (
        "На трассе М-4 ограничили движение грузовиков",
        "20 февраля 2022",
    )
