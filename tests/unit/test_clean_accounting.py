"""Nothing is dropped silently: every word of the raw page is in the cleaned text or in a
removed block (with its reason). Checked on every fixture page and on generated pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.clean import Document, clean_text
from tui.clean.glue import repair_glue

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/data/pages").glob("*.txt"))
WORD = re.compile(r"[^\W\d_]{3,}")
# Labels of date lines: the date itself moves to `date_line`, its label goes.
LABELS = {"date", "дата", "опубликовано", "обновлено", "опубліковано", "оновлено", "published"}


def unaccounted(raw: str, doc: Document) -> set[str]:
    seen = set(WORD.findall(doc.text.casefold()))
    for item in doc.removed:
        seen |= set(WORD.findall(item.text.casefold()))
    # glue repair splits «человекПрезидент» into two words
    return set(WORD.findall(repair_glue(raw).casefold())) - seen - LABELS


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_every_word_of_a_page_is_kept_or_removed_with_a_reason(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    assert unaccounted(raw, clean_text(raw)) == set()


CHROME = [
    "Главная", "Новости", "Поделиться", "Реклама", "Читайте также:", "Теги: Казахстан, протесты",
    "Фото: Reuters", "© 2022 Издание. Все права защищены.", "Комментарии", "Меню",
    "Нашли ошибку? Выделите её и нажмите Ctrl+Enter", "Главная / Новости / Мир",
    "1. Первый заголовок другой новости", "2. Второй заголовок другой новости",
    "3. Третий заголовок другой новости", "12 января 2022, 10:15", "Автор: Иван Петров",
    "Related video", "Подписывайтесь на наш Telegram-канал", "Токаев под час засідання",
]  # fmt: skip
BODY = [
    "Власти Казахстана сообщили о задержании почти десяти тысяч человек.",
    "Правозащитники считают, что часть задержанных не имеет отношения к беспорядкам.",
    "«Ситуация стабилизировалась», — сказал представитель МВД.",
    "Що відомо про загиблих",
    "Банки возобновили работу, а очереди у банкоматов исчезли к полудню понедельника.",
    "Уряд пообіцяв зберегти ціни на газ на рівні 50 тенге за літр ще пів року.",
]


@settings(max_examples=120, deadline=None)
@given(
    parts=st.lists(st.sampled_from(CHROME + BODY), min_size=1, max_size=25),
    separators=st.lists(st.sampled_from(["\n", "\n\n", " "]), min_size=25, max_size=25),
)
def test_generated_pages_account_for_every_word(parts: list[str], separators: list[str]) -> None:
    raw = "".join(part + sep for part, sep in zip(parts, separators, strict=False))
    doc = clean_text(raw)
    assert unaccounted(raw, doc) == set()
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
