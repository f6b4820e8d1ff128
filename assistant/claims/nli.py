"""The claim–evidence model that ships: the packaged MiniLM fine-tuned here as a cross-encoder.

Public API: `ClaimNLI`, `LABELS`, `NLI_PATH`, `MAX_TOKENS`, `build_cross_encoder`, `pair_batch`.

It reads a claim and one sentence together and gives P(SUPPORT), P(CONTRADICT), P(NEI): whether
the sentence supports the claim, contradicts it, or neither.  The token embeddings and the lowest
layers are the packaged model's own (frozen in training, so they are not stored again); the upper
layers and the three-way head are stored in `claim_nli.safetensors` as float16, described by
`claim_nli.json` (what it learned from, the figures, the command that reproduces it:
`python -m assistant.claims.train_nli`).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant.fileio import file_sha256

__all__ = ["LABELS", "MAX_TOKENS", "NLI_PATH", "ClaimNLI", "build_cross_encoder", "pair_batch"]

LABELS = ("SUPPORT", "CONTRADICT", "NEI")
NLI_PATH = Path(__file__).resolve().parent.parent / "models" / "claim_nli.json"
MAX_TOKENS = 160  # claim + sentence; longer evidence is cut from its end


def build_cross_encoder():
    """The packaged MiniLM with a three-way head over its mean-pooled token states."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    from assistant.embedding.local import model_path

    class CrossEncoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = AutoModel.from_pretrained(str(model_path()), local_files_only=True)
            self.head = torch.nn.Linear(self.bert.config.hidden_size, len(LABELS))

        def forward(self, input_ids, attention_mask, token_type_ids):
            states = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                               token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(states.dtype)
            return self.head((states * mask).sum(1) / mask.sum(1).clamp(min=1.0))

    tokenizer = AutoTokenizer.from_pretrained(str(model_path()), local_files_only=True)
    return CrossEncoder(), tokenizer


def pair_batch(tokenizer, claims: Sequence[str], evidence: Sequence[str]) -> dict:
    """Token tensors for (claim, evidence) pairs: the claim first, the evidence cut to fit."""
    return tokenizer(list(claims), list(evidence), padding=True, truncation="only_second", max_length=MAX_TOKENS,
                     return_tensors="pt")


class ClaimNLI:
    """The shipped model, loaded on first use (one per process is enough: it is thread-safe)."""

    def __init__(self, path: Path = NLI_PATH) -> None:
        from assistant.claims.models import ClaimError

        if not Path(path).exists():
            raise ClaimError(f"no claim model at {path}; train it with `python -m assistant.claims.train_nli`")
        self.spec = json.loads(Path(path).read_text())
        self.weights = Path(path).with_name(self.spec["weights"]["file"])
        if not self.weights.exists() or file_sha256(self.weights) != self.spec["weights"]["sha256"]:
            raise ClaimError(f"{self.weights} is missing or does not match {path}; "
                             "train it again with `python -m assistant.claims.train_nli`")
        self._model = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        with self._lock:
            if self._model is None:
                from safetensors.torch import load_file

                model, tokenizer = build_cross_encoder()
                state = {k: v.float() for k, v in load_file(str(self.weights)).items()}
                missing = [k for k in state if k not in model.state_dict()]
                if missing:
                    from assistant.claims.models import ClaimError

                    raise ClaimError(f"{self.weights} holds weights this model does not have: {missing[:3]}")
                model.load_state_dict(state, strict=False)
                model.eval()
                self._model, self._tokenizer = model, tokenizer

    def probabilities(self, claim: str, sentences: Sequence[str]) -> np.ndarray:
        """(n, 3): P(SUPPORT), P(CONTRADICT), P(NEI) of each sentence for the claim."""
        import torch

        if not len(sentences):
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        self.warm_up()
        # One forward pass at a time: the fast tokenizer's truncation state is shared.
        with self._lock, torch.inference_mode():
            enc = pair_batch(self._tokenizer, [claim] * len(sentences), sentences)
            return torch.softmax(self._model(**enc), dim=-1).numpy()
