"""The gate patterns must agree with the plain alternations they stand for."""

from __future__ import annotations

import random
import re

import pytest

from geomap.gates import literal_gate, word_start_gate


def _random_texts(rng: random.Random, alphabet: str, count: int) -> list[str]:
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def test_literal_gate_finds_exactly_the_literals() -> None:
    rng = random.Random(1)
    for _ in range(500):
        literals = _random_texts(rng, "abAB ", rng.randint(1, 6))
        literals = [lit for lit in literals if lit] or ["a"]
        gate = literal_gate(literals)
        for text in _random_texts(rng, "abAB c.", 20):
            assert (gate.search(text) is not None) == any(lit in text for lit in literals)


def test_literal_gate_without_literals_never_matches() -> None:
    assert literal_gate([]).search("anything") is None


def test_word_start_gate_is_a_leading_word_boundary() -> None:
    rng = random.Random(2)
    for _ in range(500):
        literals = [
            rng.choice("abAB") + "".join(rng.choice("abAB -") for _ in range(rng.randint(0, 3)))
            for _ in range(rng.randint(1, 6))
        ]
        gate = word_start_gate(literals)
        plain = re.compile(r"\b(?:" + "|".join(map(re.escape, literals)) + ")")
        for text in _random_texts(rng, "abAB c-\n", 20):
            assert (gate.search(text) is not None) == (plain.search(text) is not None)


def test_word_start_gate_needs_word_characters_first() -> None:
    with pytest.raises(ValueError):
        word_start_gate(["-x"])
