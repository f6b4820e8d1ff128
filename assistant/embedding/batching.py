"""Questions asked at the same time, embedded in one forward pass (`QueryBatcher`).

Public API: `QueryBatcher`.

A server answers many clients at once; each question alone is a forward pass of a dozen tokens,
which costs nearly as much as a pass over ten questions.  `QueryBatcher` wraps an encoder: each
`encode_query` call waits in a queue, and one thread embeds everything waiting in a single batch
while the next questions queue up.  Nothing waits on a timer, so a lone question costs one hand-off
between threads.  Every other method goes straight to the wrapped encoder.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Sequence
from concurrent.futures import Future

import numpy as np

from assistant.embedding.base import Arithmetic, Encoder
from assistant.embedding.cache import EmbeddingCache

__all__ = ["QueryBatcher"]


class QueryBatcher:
    """An `Encoder` whose `encode_query` batches concurrent calls (at most `max_batch` at a time)."""

    def __init__(self, encoder: Encoder, max_batch: int = 32) -> None:
        self.encoder = encoder
        self.model_id = encoder.model_id
        self.dim = encoder.dim
        self.max_batch = max_batch
        self._queue: queue.SimpleQueue[tuple[str, Future]] = queue.SimpleQueue()
        self._worker: threading.Thread | None = None
        self._start_lock = threading.Lock()

    @property
    def key(self) -> str:
        return self.encoder.key

    @property
    def arithmetic(self) -> Arithmetic:
        return self.encoder.arithmetic

    def warm_up(self) -> None:
        self.encoder.warm_up()

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return self.encoder.count_tokens(texts)

    def encode(self, texts: Sequence[str], progress: bool = False, cache: EmbeddingCache | None = None) -> np.ndarray:
        return self.encoder.encode(texts, progress, cache)

    def encode_with_spans(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]],
                          progress: bool = False) -> tuple[np.ndarray, list[np.ndarray]]:
        return self.encoder.encode_with_spans(texts, spans, progress)

    def encode_query(self, text: str) -> np.ndarray:
        future: Future = Future()
        self._queue.put((text, future))
        self._ensure_worker()
        return future.result()

    def _ensure_worker(self) -> None:
        if self._worker is None:
            with self._start_lock:
                if self._worker is None:
                    self._worker = threading.Thread(target=self._run, name="query-batcher", daemon=True)
                    self._worker.start()

    def _run(self) -> None:
        many = getattr(self.encoder, "encode_queries", None) or self.encoder.encode
        while True:
            batch = [self._queue.get()]
            while len(batch) < self.max_batch:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            try:
                vectors = many([text for text, _ in batch])
            except Exception as exc:  # noqa: BLE001 - every waiting caller gets the error
                for _, future in batch:
                    future.set_exception(exc)
                continue
            for (_, future), vector in zip(batch, vectors):
                future.set_result(vector)
