"""Page edges of many sites: a ticker, a tag line or breadcrumbs is never the title; a headline
printed under the article is; captions glued to their credit go with a reason; and on every page
of the sites set every body line is kept."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tui.clean import clean_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from sites_gold import gold_pages  # noqa: E402

LEAD = (
    "Правительство одобрило законопроект, который обязывает маркетплейсы хранить данные о "
    "продавцах не менее трех лет. Документ внесут в Госдуму до конца месяца."
)
BODY = (
    f"{LEAD}\n\nПо словам собеседника, требования затронут крупные площадки с большим оборотом.\n\n"
    "Участники рынка считают, что изменения потребуют значительных затрат на хранение данных.\n"
)
HEADLINE = "Маркетплейсы обяжут хранить данные о продавцах три года"


@pytest.mark.parametrize(
    "ticker",
    [
        "НОВИНИ ДНЯ: У Львові запрацював новий пункт незламності біля ратуші",
        "Главное за день: ЦБ сохранил ставку, курс доллара опустился ниже 80 рублей",
        " date 2026-02-12   • Новость часаВ Подмосковье ограничили движение фур",
        "Срочно: в Москве перекрыли Садовое кольцо из-за аварии",
        "Городская среда · Транспорт · ЖКХ",
    ],
)
def test_a_ticker_or_tag_line_above_the_headline_is_removed_and_never_the_title(ticker: str) -> None:
    doc = clean_text(f"{ticker}\nЭкономика\n{HEADLINE}\n11 февраля 2026, 18:05\n\n{BODY}")
    assert doc.title == HEADLINE
    assert ticker.strip() not in doc.text
    assert any(r.text.split() == ticker.split() for r in doc.removed)


def test_a_headline_printed_under_the_article_is_its_title_not_boilerplate() -> None:
    doc = clean_text(f"11.02.2026, 18:05\n\n{BODY}\n{HEADLINE}\nКоммерсантъ\n© АО «Коммерсантъ», 1991–2026\n")
    assert doc.title == HEADLINE
    assert LEAD in doc.text and "Коммерсантъ" not in doc.text


def test_a_related_headline_under_the_article_is_not_taken_for_its_title() -> None:
    doc = clean_text(f"{BODY}\nВ Петербурге подорожает проезд на метро с первого марта\n")
    assert doc.title != "В Петербурге подорожает проезд на метро с первого марта"


@pytest.mark.parametrize(
    "caption",
    ["Нове укриття у ЛуцькуФото: Луцька міська рада", "Будівля суду у КиєвіФото: hromadske/Олена Ковальчук"],
)
def test_a_caption_glued_to_its_credit_is_removed_as_a_caption(caption: str) -> None:
    doc = clean_text(f"{HEADLINE}\n\n{LEAD}\n\n{caption}\n\n{BODY}")
    assert caption not in doc.text
    assert [r.reason for r in doc.removed if r.text == caption] == ["caption"]


def test_a_body_sentence_about_a_photo_is_kept() -> None:
    line = "Фотограф сказал, что снимок сделан в Луцьку на рассвете, и показал его журналистам."
    doc = clean_text(f"{HEADLINE}\n\n{LEAD}\n\n{line}\n\n{BODY}")
    assert line in doc.text


def test_every_body_line_of_every_page_in_the_sites_set_is_kept() -> None:
    for page in gold_pages():
        text = " ".join(clean_text(page.raw).text.split())
        for line in page.body:
            assert " ".join(line.split()) in text, (page.name, line[:60])


def test_under_a_block_of_other_stories_headlines_the_headline_is_the_one_under_the_date_line() -> None:
    block = (
        "Песков прокомментировал слухи о перестановках в правительстве\n"
        "Курс евро опустился ниже 90 рублей впервые с осени\n"
        "МЧС предупредило о сильном ветре в Московском регионе\n"
    )
    doc = clean_text(f"{block}11 февраля 2026, 11:05 • Новости дня\n\n{HEADLINE}\n\n{BODY}")
    assert doc.title == HEADLINE
    assert "Курс евро" not in doc.text and "МЧС" not in doc.text
