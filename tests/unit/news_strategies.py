"""Hypothesis strategies shared by the fact extractors' property tests."""

from __future__ import annotations

from hypothesis import strategies as st

NEWS_ALPHABET = st.sampled_from(
    list("абвгдежзийклмнопрстуфхцчшщыьэюяіїєґАБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯІЇЄ")
    + list("0123456789 \u00a0\u202f\n.,:;!?%$-–—()«»„“”\"'’№")
    + ["января", "січня", "2022 года", "около", "майже", "тыс.", "тисячі", "человек", "осіб"]
    + ["сказал он", "заявив", "ТАСС", "сообщает", "Интерфакс", "МИД", "по данным", "Фото:"]
)
"""Pieces of ru/uk news text (letters, digits, punctuation, cue words) to build hostile inputs."""
