"""Wishes half said in Spanish, French or Portuguese."""

from __future__ import annotations

import pytest

from nlu.extraction import as_dict, extract
from nlu.extraction.glosses import glossed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 horas al día máximo y principiante", {"hours_per_week": 21, "level": "introductory"}),
        ("no necesito créditos, and max 2 months", {"credit_bearing": False, "max_weeks": 8}),
        ("Je peux consacrer 3 heures par semaine.", {"hours_per_week": 3}),
        ("Nível intermediário, por favor.", {"level": "undergraduate"}),
        ("Pode procurar cursos, máximo 4 semanas?", {"max_weeks": 4}),
        ("des cours de pas plus que 3 mois?", {"max_weeks": 12}),
        ("gratis porfa, no tengo dinero", {"budget": 0}),
        ("et pas besoin de crédits universitaires", {"credit_bearing": False}),
        ("niente crediti, livello base", {"credit_bearing": False, "level": "introductory"}),
        ("changer de carrière, honnêtement. Maybe psychology?", {"goal": "career_change"}),
        ("Quiero aprender programación", {"subject": "computing-it"}),
        ("C'est quoi la différence entre le premier et le deuxième?", {"course_index": [1, 2]}),
        ("compara el primero y el tercero", {"course_index": [1, 3]}),
    ],
)
def test_wishes_in_spanish_french_or_portuguese_are_read(text: str, expected: dict) -> None:
    found = as_dict(extract(text))
    assert {key: found.get(key) for key in expected} == expected


def test_values_point_at_the_learners_own_words() -> None:
    text = "Busca algo, like 5 hours max, y que no dure más de 6 semanas."
    [weeks] = [item for item in extract(text) if item.entity == "max_weeks"]
    assert weeks.value == 6
    assert text[weeks.start : weeks.end] == weeks.text
    assert "6" in weeks.text and "semanas" in weeks.text


def test_english_only_text_is_not_glossed() -> None:
    assert glossed("3 hours a week, beginner, no credit needed") is None
    # Words that are also English with another meaning are left alone.
    assert glossed("my mes and my livres") is None


def test_a_glossed_span_maps_back_inside_the_original() -> None:
    text = "3 horas por semana"
    gloss = glossed(text)
    assert gloss is not None and gloss.text == "3 hours a week"
    assert gloss.span(0, len(gloss.text)) == (0, len(text))
