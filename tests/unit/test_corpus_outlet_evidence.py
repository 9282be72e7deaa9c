"""Who published a page: from the page's own words (masthead, footer, promo, dateline, the outlet
spoken to) or its sidecar's url — and `unknown` rather than a guess when the page only cites."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tui.config import ConfigError, parse_config
from tui.corpus.outlets import (
    configure_outlets,
    declined,
    detect_outlet,
    names_in,
    outlet_of_url,
    outlet_table,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from sites_gold import gold_pages  # noqa: E402

LEAD = "Власти области ввели ограничения для грузовиков на трассе до конца недели."
BODY = (
    "По данным ведомства, запрет будет действовать до воскресенья.\n\n"
    "Водителям рекомендуют заранее планировать маршрут и следить за сообщениями дорожных служб.\n"
)


def page(lead: str, top: str = "Новости\nОбщество\n", foot: str = "") -> str:
    return f"{top}На трассе М-4 ограничили движение грузовиков\n\n{lead}\n\n{BODY}{foot}"


@pytest.mark.parametrize(
    ("lead", "outlet"),
    [
        ("Ограничения ввели с понедельника, сообщили РБК в пресс-службе ведомства.", "rbc.ru"),
        ("Ограничения ввели с понедельника, рассказал «Коммерсанту» источник.", "kommersant.ru"),
        ("Об этом «Фонтанке» сообщили в комитете по транспорту города.", "fontanka.ru"),
        ("Про це Суспільному повідомили в пресслужбі обласної адміністрації.", "suspilne.media"),
        ("АНКАРА, 11 февраля. /ТАСС/. Власти провинции ввели ограничения для грузовиков.", "tass.ru"),
        ("ТУРЦИЯ, 10 февраля, ФедералПресс. Власти провинции ввели ограничения на дорогах.", "fedpress.ru"),
        ("Москва. 28 января. — Интерфакс. Власти области ввели ограничения для грузовиков.", "interfax.ru"),
        ("МИНСК, 19 января (БЕЛТА) — Власти области ввели ограничения для грузовиков.", "belta.by"),
        ("Ограничения ввели с понедельника, передает корреспондент ТАСС с места событий.", "tass.ru"),
    ],
)  # fmt: skip
def test_an_outlet_naming_itself_in_the_lead_is_the_outlet(lead: str, outlet: str) -> None:
    assert detect_outlet(page(lead)) == outlet


@pytest.mark.parametrize(
    "lead",
    [
        "Ограничения ввели с понедельника, передает ТАСС со ссылкой на пресс-службу.",
        "Ограничения ввели с понедельника, пишет «Коммерсантъ» со ссылкой на источники.",
        "Ограничения ввели с понедельника, сообщает tengrinews.kz со ссылкой на полицию.",
        "Глава ведомства рассказал РБК о мерах, передает ТАСС. Ограничения продлятся неделю.",
        "Глава ведомства заявил Reuters, что ограничения продлятся до конца недели.",
        "На Фонтанке нашли брошенную лодку, спасатели осмотрели ее вечером в субботу.",
        "Как сообщает Интерфакс, власти области ввели ограничения для грузовиков.",
    ],
)
def test_an_outlet_cited_as_reporting_is_a_source_so_the_outlet_stays_unknown(lead: str) -> None:
    assert detect_outlet(page(lead)) == "unknown"


def test_a_reprint_keeps_the_agencys_dateline_but_its_masthead_and_footer_name_the_publisher() -> None:
    lead = "Москва. 28 января. — Интерфакс. Власти области ввели ограничения для грузовиков."
    assert detect_outlet(page(lead, top="URA.RU\nНовости\n")) == "ura.news"
    assert detect_outlet(page(lead, foot="© 2026 Вечерний Урюпинск\n")) == "Вечерний Урюпинск"


@pytest.mark.parametrize(
    ("top", "foot", "outlet"),
    [
        ("ZAXID.NET\nНовини\n", "", "zaxid.net"),
        (" date 2026-02-02 Kloop\nНовости\n", "", "kloop.kg"),
        ("", "Термінові повідомлення читайте на каналі DailyLviv в Telegram\n", "dailylviv.com"),
        ("", "Подписывайтесь на канал Интерфакса в Telegram\n", "interfax.ru"),
        ("", "Підтримайте hromadske\n", "hromadske.ua"),
        ("", "Копирование материалов допускается только с гиперссылкой на fontanka.ru\n", "fontanka.ru"),
        ("", "© 1999–2026 ООО «Лента.Ру»\n", "lenta.ru"),
        ("", "© 2006–2026 «URA.RU — Российское информационное агентство»\n", "ura.news"),
        ("", "Читайте Example-News.by в Telegram\n", "example-news.by"),
    ],
)  # fmt: skip
def test_mastheads_footers_and_promos_name_the_outlet(top: str, foot: str, outlet: str) -> None:
    assert detect_outlet(page(LEAD, top=top or "Новости\n", foot=foot)) == outlet


def test_a_photo_credit_or_a_source_line_names_no_outlet() -> None:
    assert detect_outlet(page(LEAD, top="Новости\nReuters\n")) == "unknown"
    assert detect_outlet(page(LEAD, foot="Фото: Reuters\nИсточник: https://www.rbc.ru/x\n")) == "unknown"


def test_the_sidecars_url_names_the_outlet_first() -> None:
    assert detect_outlet(page(LEAD, foot="© 2026 ТАСС"), "https://sport.rbc.ru/news/1") == "rbc.ru"
    assert outlet_of_url("https://www.unknown-paper.kz/a/b") == "unknown-paper.kz"
    assert outlet_of_url("not a url") is None


def test_names_are_found_declined_and_whole() -> None:
    assert "Интерфаксу" in declined("Интерфакс")
    assert "Медузе" in declined("Медуза")
    assert "Суспільному" in declined("Суспільне")
    assert declined("РБК") == [] and declined("Наша Ніва") == []
    found = [(o.name) for _, _, o in names_in("сказала «Медузе», а не РБКшнику и не «Українській правді».")]
    assert found == ["meduza.io", "pravda.com.ua"]


def test_the_table_holds_hundreds_of_outlets_each_named_once() -> None:
    table = outlet_table()
    assert len(table) >= 400
    names = [o.name for o in table]
    assert len(names) == len(set(names))
    assert all("." in o.name for o in table)  # shown as the outlet's domain
    kinds = {o.agency for o in table}
    assert kinds == {True, False}


def test_the_users_outlets_extend_and_override_the_table() -> None:
    text = page(LEAD, foot="Читайте «Вечерку» в Telegram\n")
    assert detect_outlet(text) == "unknown"
    try:
        configure_outlets([{"name": "vecherka.example", "names": ["Вечерка"], "domains": ["vecherka.example"]}])
        assert detect_outlet(text) == "vecherka.example"
        configure_outlets([{"name": "rbc.ru", "names": ["Росбизнес"], "domains": ["rbc.ru"]}])
        assert detect_outlet(page(LEAD, top="Росбизнес\n")) == "rbc.ru"
    finally:
        configure_outlets(None)
    assert detect_outlet(text) == "unknown"


def test_a_bad_outlets_table_in_the_config_is_named_in_one_sentence() -> None:
    with pytest.raises(ConfigError, match=r"\[\[outlets\]\].*`domains` must be a list"):
        parse_config({"outlets": [{"name": "x.ru", "domains": "x.ru"}]}, Path("c.toml"))
    with pytest.raises(ConfigError, match="unknown key `url`"):
        parse_config({"outlets": [{"name": "x.ru", "url": "x"}]}, Path("c.toml"))
    config = parse_config({"outlets": [{"name": "x.ru", "names": ["Икс"]}]}, Path("c.toml"))
    assert config.outlets[0]["name"] == "x.ru"


def test_no_page_of_the_sites_set_gets_a_wrong_outlet_and_every_dev_page_a_right_one() -> None:
    for gold in gold_pages():
        found = detect_outlet(gold.raw)
        assert found in (gold.outlet, "unknown"), gold.name
        if not gold.held_out:
            assert found == gold.outlet, gold.name


def test_the_readmes_sidecar_example_is_read_as_documented(tmp_path: Path) -> None:
    from tui.corpus.reader import read_article

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "kz-unrest-07.txt").write_text(page(LEAD), encoding="utf-8")
    (tmp_path / "kz-unrest-07.meta.toml").write_text(example, encoding="utf-8")
    article = read_article(tmp_path / "kz-unrest-07.txt")
    assert (article.outlet, article.date, article.url) == (  # type: ignore[union-attr]
        "kloop.kg", "2022-01-09", "https://kloop.kg/blog/2022/01/09/ssha-prosyat-kazahstan/"
    )
    (tmp_path / "kz-unrest-07.meta.toml").write_text('url = "https://sport.rbc.ru/news/1"\n')
    assert read_article(tmp_path / "kz-unrest-07.txt").outlet == "rbc.ru"  # type: ignore[union-attr]
