"""Which arithmetic the encoder runs in on this machine: fp32, bf16 (native on AVX-512-BF16, AMX and
ARM's BF16 extension) or int8 (ONNX Runtime, for CPUs without native bf16).

"auto" is decided once per machine by a self-check: each path this CPU can run encodes the same
texts; a path is accurate when its vectors are within cosine `MIN_MEAN_COSINE` of fp32 on average
and `MIN_COSINE` at worst, and when the difference between two sentences that differ by one word
keeps its direction (cosine `MIN_DIFFERENCE_COSINE` on average: claim checking reads such
differences); the fastest accurate path wins if it beats fp32 by `MIN_GAIN`.  The result, with the figures, is kept in
`config.MACHINE_CACHE_DIR/precision.json`, keyed by the CPU's vector extensions and the library
versions, so a new CPU or a new ONNX Runtime measures again.

Public API: `PRECISIONS`, `Precision`, `VECTOR_FLAGS`, `cpu_features`, `cpu_has_bf16`, `machine_precision`.
"""

from __future__ import annotations

import json
import os
import platform
import threading
import time
from importlib import metadata
from pathlib import Path
from typing import Literal, get_args

import numpy as np

from assistant import config

__all__ = ["PRECISIONS", "VECTOR_FLAGS", "Precision", "cpu_features", "cpu_has_bf16", "machine_precision"]

Precision = Literal["auto", "fp32", "bf16", "int8"]
PRECISIONS: tuple[Precision, ...] = get_args(Precision)

# The vector extensions that decide which arithmetic is fast here (x86 and ARM names).
VECTOR_FLAGS = ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "avx512_bf16", "amx_bf16", "amx_int8", "asimd",
                "asimddp", "bf16", "i8mm", "sve")

# int8 moves a vector by about 0.005 in cosine on average (per-batch activation scales), short texts
# the most; a path that moves vectors further than this is not used.
MIN_MEAN_COSINE = 0.99
MIN_COSINE = 0.97
# bf16 keeps such differences to 0.998 and more; int8 with every layer quantised scattered them
# (0.67-0.99, see int8.py).
MIN_DIFFERENCE_COSINE = 0.97
# A path other than fp32 must be this much faster to be worth the change in numerics.
MIN_GAIN = 1.15


def cpu_features() -> list[str]:
    """The CPU's vector extensions among VECTOR_FLAGS, from /proc/cpuinfo (empty where unreadable)."""
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return []
    flags = set()
    for line in text.splitlines():
        if line.startswith(("flags", "Features")):
            flags.update(line.split(":", 1)[1].split())
    return [f for f in VECTOR_FLAGS if f in flags]


def cpu_has_bf16() -> bool:
    """Native bf16 arithmetic: AVX-512-BF16 or AMX on x86, the BF16 extension on ARM."""
    return bool({"avx512_bf16", "amx_bf16", "bf16"} & set(cpu_features()))


def _has_onnxruntime() -> bool:
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "none"


def _machine_key() -> str:
    return " ".join([platform.machine(), f"cores={os.cpu_count()}", *cpu_features(), f"torch={_version('torch')}",
                     f"onnxruntime={_version('onnxruntime')}", config.MODEL_ID])


# Self-check texts: plain sentences of everyday prose, joined into 48 texts of about 15 to 250
# word pieces, the range of sentences and passages.
_SENTENCES = [
    "The committee met on Tuesday to review the budget for the coming year.",
    "Rainfall in the northern valleys was twice the average, and several roads were closed.",
    "She measured the samples three times before writing down the result.",
    "A new bridge will connect the two halves of the town by the end of the decade.",
    "Most of the patients reported better sleep after the first month of treatment.",
    "The library extended its opening hours during the examination period.",
    "Engineers replaced the old pumps, which had failed twice in one winter.",
    "Prices of fresh vegetables rose sharply after the early frost.",
    "The museum's collection includes letters written by sailors in the nineteenth century.",
    "Children who read every day learned new words faster than the others in the study.",
    "The software update fixed a bug that had made the reports print blank pages.",
    "Local farmers formed a cooperative to share machines and storage.",
]


# One word changed to its opposite or a different one.
_SWAPS = [("Tuesday", "Friday"), ("twice", "half"), ("three", "two"), ("new", "old"), ("better", "worse"),
          ("extended", "reduced"), ("failed", "worked"), ("rose", "fell"), ("sailors", "soldiers"),
          ("faster", "slower"), ("fixed", "caused"), ("share", "sell")]


def _self_check_texts() -> list[str]:
    n = len(_SENTENCES)
    return [" ".join(_SENTENCES[(i + j) % n] for j in range(1 + i % 9)) for i in range(48)]


def _one_word_pairs() -> tuple[list[str], list[str]]:
    pairs = [(s, s.replace(f" {a} ", f" {b} ", 1)) for s in _SENTENCES for a, b in _SWAPS if f" {a} " in s]
    return [a for a, _ in pairs], [b for _, b in pairs]


def _difference_directions(vectors: np.ndarray, n: int) -> np.ndarray:
    d = vectors[:n] - vectors[n:]
    return d / np.maximum(np.linalg.norm(d, axis=1, keepdims=True), 1e-12)


_lock = threading.Lock()
_decided: dict[str, str] = {}


def machine_precision() -> str:
    """The arithmetic "auto" means on this machine: read from the machine cache, or measured once."""
    key = _machine_key()
    with _lock:
        if key in _decided:
            return _decided[key]
        path = config.MACHINE_CACHE_DIR / "precision.json"
        try:
            known = json.loads(path.read_text())
        except (OSError, ValueError):
            known = {}
        entry = known.get(key) if isinstance(known, dict) else None
        if not (isinstance(entry, dict) and entry.get("precision") in ("fp32", "bf16", "int8")):
            entry = self_check()
            known = known if isinstance(known, dict) else {}
            known[key] = entry
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(known, indent=1))
            os.replace(tmp, path)
        _decided[key] = entry["precision"]
        return entry["precision"]


def self_check() -> dict:
    """Time each path this CPU can run on the same texts and pick one (see the module docstring)."""
    from assistant.embedding.local import LocalEncoder

    texts = _self_check_texts()
    first, second = _one_word_pairs()
    paths = ["fp32"] + (["bf16"] if cpu_has_bf16() else []) + (["int8"] if _has_onnxruntime() else [])
    encoders = {p: LocalEncoder(precision=p) for p in paths}
    tokens = sum(encoders["fp32"].count_tokens(texts)) + 2 * len(texts)
    vectors: dict[str, np.ndarray] = {}
    best: dict[str, float] = {}
    directions: dict[str, np.ndarray] = {}
    for p, enc in encoders.items():
        enc.encode(texts[:8])  # loads the model and meets the kernels once
        vectors[p] = enc.encode(texts)
        directions[p] = _difference_directions(enc.encode(first + second), len(first))
    for _ in range(3):  # interleaved, so a burst of load elsewhere on the machine hits every path
        for p, enc in encoders.items():
            t0 = time.perf_counter()
            enc.encode(texts)
            best[p] = min(best.get(p, float("inf")), time.perf_counter() - t0)
    cosines = {p: (vectors[p] * vectors["fp32"]).sum(1) for p in paths}
    kept = {p: float((directions[p] * directions["fp32"]).sum(1).mean()) for p in paths}
    figures = {p: {"tokens_per_s": round(tokens / best[p]), "mean_cosine_to_fp32": round(float(cosines[p].mean()), 5),
                   "min_cosine_to_fp32": round(float(cosines[p].min()), 5),
                   "one_word_difference_cosine_to_fp32": round(kept[p], 5)} for p in paths}
    choice = "fp32"
    for p in paths:
        fast = best["fp32"] / best[p] >= MIN_GAIN and best[p] < best[choice]
        accurate = (cosines[p].mean() >= MIN_MEAN_COSINE and cosines[p].min() >= MIN_COSINE
                    and kept[p] >= MIN_DIFFERENCE_COSINE)
        if p != "fp32" and fast and accurate:
            choice = p
    return {"precision": choice, "measured": figures, "when": time.strftime("%Y-%m-%d %H:%M:%S")}
