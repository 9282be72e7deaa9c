"""Pages that mix Russian and Ukrainian, and English pages, are decided without langdetect.

About half of the mixed pages (a Ukrainian report quoting Russian officials, and the reverse) fell
through to langdetect on a 4,000-character sample, 50–90 ms each: indexing such a corpus ran at
166 articles/s. Their words decide now; langdetect, the last resort, reads a short sample."""

from __future__ import annotations

import pytest

import tui.lang.identify as identify
from tui.lang import detect

UK_QUOTING_RU = """Влада Казахстану заявила про завершення антитерористичної операції

У Казахстані завершується антитерористична операція, повідомила пресслужба президента. За
даними відомства, ситуація в Алмати стабілізувалася, а в більшості регіонів відновлено роботу
банків і мобільного зв'язку.

«Мы считаем, что основная фаза операции завершена, и миротворцы ОДКБ в ближайшие дни начнут
покидать страну», — заявил журналистам представитель министерства обороны. «Всё это время
военные охраняли только стратегические объекты, в задержаниях они не участвовали», — добавил він.

Раніше президент Токаєв доручив уряду знизити ціни на газ, після чого протести почали
вщухати. Як зазначають у МВС, за тиждень затримали понад 9 900 осіб, а кримінальні справи
відкрито щодо кількох сотень учасників заворушень.

Опозиційні політики вимагають незалежного розслідування подій. «Мы будем добиваться, чтобы
все виновные были наказаны», — сказал один із них в ефірі місцевого телеканалу.
"""

RU_QUOTING_UK = """Зеленский призвал мировых лидеров поддержать Казахстан

Президент Украины обратился к международным партнерам с призывом не допустить эскалации в
Центральной Азии. Об этом сообщила его пресс-служба в воскресенье.

«Ми уважно стежимо за подіями в Казахстані і закликаємо всі сторони до діалогу, бо це
єдиний шлях до миру», — говорится в заявлении. «Україна готова допомогти, якщо це буде
потрібно», — добавил президент.

Ранее министр иностранных дел заявил, что посольство работает в обычном режиме, а граждан
просят воздержаться от поездок в Алматы до отмены чрезвычайного положения. По данным
ведомства, эвакуация туристов из страны пока не требуется.
"""

EN_REPORT = """Kazakhstan says order restored after week of unrest

President Kassym-Jomart Tokayev said on Friday that constitutional order had largely been
restored across the country, after a week of violent protests that began over a sharp rise in
fuel prices. The interior ministry said more than 4,000 people had been detained and that
security forces were still clearing parts of Almaty, the largest city.

Troops from the Russian-led CSTO alliance, which arrived at Tokayev's request, were guarding
strategic sites and would leave once their mission was complete, officials said.
"""


@pytest.fixture
def no_langdetect(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Fails a detection that asks langdetect; records the length of what langdetect is given."""
    asked: list[int] = []

    def refuse(sample: str) -> str:
        asked.append(len(sample))
        raise AssertionError("langdetect was asked")

    monkeypatch.setattr(identify, "_langdetect", refuse)
    return asked


def test_a_ukrainian_report_quoting_russian_officials_is_ukrainian(no_langdetect) -> None:
    assert detect(UK_QUOTING_RU) == "uk"


def test_a_russian_report_quoting_ukrainian_officials_is_russian(no_langdetect) -> None:
    assert detect(RU_QUOTING_UK) == "ru"


def test_an_english_report_is_english_without_langdetect(no_langdetect) -> None:
    assert detect(EN_REPORT) == "en"


def test_paragraphs_alternating_between_the_languages_are_decided_by_their_words(
    no_langdetect,
) -> None:
    uk = UK_QUOTING_RU.split("\n\n")  # title, 1 and 3 in Ukrainian; 2 and 4 mostly Russian
    ru = RU_QUOTING_UK.split("\n\n")  # title, 1 and 3 in Russian; 2 in Ukrainian
    mostly_uk = "\n\n".join([uk[0], uk[1], ru[1], uk[3], ru[3], uk[1]])
    assert detect(mostly_uk) == "uk"
    mostly_ru = "\n\n".join([ru[0], ru[1], ru[3], uk[1], ru[3], ru[1]])
    assert detect(mostly_ru) == "ru"


def test_langdetect_is_the_last_resort_on_a_short_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    real = identify._langdetect

    def recording(sample: str) -> str:
        asked.append(len(sample))
        return real(sample)

    monkeypatch.setattr(identify, "_langdetect", recording)
    french = (
        "Le président du Kazakhstan a déclaré vendredi que l'ordre constitutionnel était rétabli "
        "dans tout le pays, après une semaine de manifestations contre la hausse des prix. " * 40
    )
    assert detect(french) == "fr"
    assert asked and max(asked) <= identify._LANGDETECT_CHARS <= 1000
