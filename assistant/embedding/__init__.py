"""Embedding: the `Encoder` interface, the packaged local model (torch fp32/bf16 or ONNX Runtime int8,
chosen per machine), a Ray-backed encoder and the cache."""

from __future__ import annotations

from assistant.embedding.base import Arithmetic, Encoder, encode_cached, encode_with_spans_cached
from assistant.embedding.cache import EmbeddingCache
from assistant.embedding.local import LocalEncoder, get_encoder
from assistant.embedding.precision import PRECISIONS, cpu_features, cpu_has_bf16

__all__ = ["PRECISIONS", "Arithmetic", "EmbeddingCache", "Encoder", "LocalEncoder", "cpu_features", "cpu_has_bf16", "encode_cached",
           "encode_with_spans_cached", "get_encoder"]
