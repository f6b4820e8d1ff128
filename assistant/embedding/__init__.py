"""Embedding: the `Encoder` interface, the packaged local model, a Ray-backed encoder and the cache."""

from __future__ import annotations

from assistant.embedding.base import Arithmetic, Encoder, encode_cached, encode_with_spans_cached
from assistant.embedding.cache import EmbeddingCache
from assistant.embedding.local import LocalEncoder, cpu_features, cpu_has_bf16, get_encoder

__all__ = ["Arithmetic", "EmbeddingCache", "Encoder", "LocalEncoder", "cpu_features", "cpu_has_bf16", "encode_cached",
           "encode_with_spans_cached", "get_encoder"]
