"""The sentence encoder: unit vectors whose closeness follows meaning, files found or named."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from actions.store.sentence_encoder import EncoderMissing, SentenceEncoder, get_encoder


def test_vectors_have_unit_length_one_row_per_text() -> None:
    vectors = get_encoder().encode(["Spanish for beginners", "", "x" * 5000])
    assert vectors.shape == (3, 384)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert get_encoder().encode([]).shape == (0, 384)


@pytest.mark.parametrize(
    ("request_text", "near", "far"),
    [
        (
            "why do storms turn into hurricanes",
            "Understanding the weather and the atmosphere",
            "Italian cooking at home",
        ),
        (
            "keeping the books for my corner shop",
            "Bookkeeping and accounting for small businesses",
            "Keeping chickens in your garden",
        ),
        (
            "my dad keeps forgetting things and his memory is going",
            "Understanding dementia and memory loss",
            "Cooking Italian food",
        ),
    ],
)
def test_closeness_follows_meaning_not_shared_words(request_text: str, near: str, far: str) -> None:
    query, close, other = get_encoder().encode([request_text, near, far])
    assert float(query @ close) > float(query @ other) + 0.1


def test_a_query_is_encoded_once_and_batches_agree_with_single_texts() -> None:
    encoder = get_encoder()
    first = encoder.encode_query("project management for engineers")
    assert encoder.encode_query("project management for engineers") is first
    texts = ["a short one", "a rather longer text about the history of medieval castles"]
    together = encoder.encode(texts)
    alone = np.vstack([encoder.encode([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-5)  # padding changes nothing


def test_missing_files_are_named_with_the_command_that_fetches_them(tmp_path: Path) -> None:
    with pytest.raises(EncoderMissing, match="make setup"):
        SentenceEncoder(tmp_path)
