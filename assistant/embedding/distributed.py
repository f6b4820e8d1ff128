"""Embedding across a Ray cluster (optional extra: `pip install -e ".[ray]"`).

`RayEncoder` implements `Encoder`, so a distributed build writes exactly the same index format as a local one:
chunking, BM25 and the index files stay on this machine; only the model's forward passes go to
the cluster, as a Ray Data `map_batches` over actors that each load the packaged model once.

Public API: `RayEncoder`.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Sequence

import numpy as np

from assistant.embedding.base import Arithmetic, encode_cached
from assistant.embedding.cache import EmbeddingCache
from assistant.embedding.local import LocalEncoder, get_encoder

__all__ = ["RayEncoder"]


class _EmbedBatch:
    """One Ray actor: the packaged model, loaded once, embedding batches of texts."""

    def __init__(self, precision: str) -> None:
        self.encoder = LocalEncoder(precision=precision)
        self.encoder.warm_up()

    def __call__(self, batch: dict) -> dict:
        texts = [str(t) for t in batch["text"]]
        spans = [json.loads(str(s)) for s in batch["spans"]]
        vectors, span_vectors = self.encoder.encode_with_spans(texts, [[tuple(x) for x in s] for s in spans])
        # Ray's numpy batches need one shape per column: each row's span vectors travel as bytes.
        return {"row": batch["row"], "vector": vectors,
                "spans": np.array([v.astype(np.float32).tobytes() for v in span_vectors], dtype=object)}


def _check_reachable(address: str, timeout: float = 5.0) -> None:
    """Fail fast on a HOST:PORT nothing answers on (Ray itself retries for minutes)."""
    if "://" in address or ":" not in address:
        return  # "auto" or a ray:// client address: left to Ray
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=timeout):
            pass
    except (OSError, ValueError) as exc:
        raise ConnectionError(f"nothing answers at {address} ({exc}); start the cluster with "
                              "`ray start --head` and pass the address it prints") from exc


class RayEncoder:
    """Sends `encode` to a Ray cluster at `address`; everything else is the local encoder's."""

    def __init__(self, address: str, actors: int = 2, batch_size: int = 256) -> None:
        try:
            import ray  # noqa: F401
        except ImportError as exc:
            raise RuntimeError("--ray needs the Ray extra: pip install -e '.[ray]'") from exc
        self.address = address
        self.actors = actors
        self.batch_size = batch_size
        self.local = get_encoder()
        self.model_id, self.dim, self.key = self.local.model_id, self.local.dim, self.local.key
        self._connected = False

    @property
    def arithmetic(self) -> Arithmetic:
        return self.local.arithmetic

    def encode_query(self, text: str) -> np.ndarray:
        return self.local.encode_query(text)  # one question is not worth a trip to the cluster

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return self.local.count_tokens(texts)

    def warm_up(self) -> None:
        self._connect()

    def _connect(self) -> None:
        import ray

        if not self._connected:
            _check_reachable(self.address)
            ray.init(address=self.address, ignore_reinit_error=True, log_to_driver=False,
                     logging_level="ERROR")
            self._connected = True

    def encode(self, texts: Sequence[str], progress: bool = False, cache: EmbeddingCache | None = None) -> np.ndarray:
        return encode_cached(texts, self.dim, self._forward, progress, cache)

    def encode_with_spans(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]],
                          progress: bool = False) -> tuple[np.ndarray, list[np.ndarray]]:
        return self._run(list(texts), [list(s) for s in spans], progress)

    def _forward(self, texts: list[str], progress: bool) -> np.ndarray:
        return self._run(texts, [[] for _ in texts], progress)[0]

    def _run(self, texts: list[str], spans: list[list[tuple[int, int]]],
             progress: bool) -> tuple[np.ndarray, list[np.ndarray]]:
        """Vectors of `texts` and their spans, embedded by actors on the cluster, in the order given."""
        import ray

        self._connect()
        ray.data.DataContext.get_current().enable_progress_bars = progress
        ds = ray.data.from_items([{"row": i, "text": t, "spans": json.dumps(s)} for i, (t, s) in enumerate(zip(texts, spans))])
        ds = ds.map_batches(_EmbedBatch, fn_constructor_kwargs={"precision": self.local.precision},
                            batch_size=self.batch_size, concurrency=self.actors, batch_format="numpy")
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        span_out = [np.zeros((0, self.dim), np.float32) for _ in texts]
        for batch in ds.iter_batches(batch_size=None, batch_format="numpy"):
            rows = np.asarray(batch["row"], dtype=np.int64)
            out[rows] = np.stack(batch["vector"])
            for r, raw in zip(rows, batch["spans"]):
                span_out[r] = np.frombuffer(raw, dtype=np.float32).reshape(-1, self.dim).copy()
        return out, span_out
