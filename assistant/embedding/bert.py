"""The packaged model's transformer (a BERT encoder) as a small torch module, loaded from its
`config.json` and `model.safetensors`.

Why not `transformers.AutoModel`: importing transformers costs about 4 s of every process that
embeds (an `assistant index` of 300 abstracts spends a third of its time there), and this
encoder needs only the forward pass.  transformers still exports the int8 model
(`int8.py`), and the tests hold these outputs to the sentence-transformers pipeline's.

Public API: `load_bert`.
"""

from __future__ import annotations

import json
from pathlib import Path

import torch
from torch import nn
from torch.nn import functional as F

__all__ = ["load_bert"]


class _Layer(nn.Module):
    def __init__(self, hidden: int, heads: int, inner: int, eps: float) -> None:
        super().__init__()
        self.heads = heads
        self.attention = nn.Module()
        self.attention.self = nn.Module()
        self.attention.self.query = nn.Linear(hidden, hidden)
        self.attention.self.key = nn.Linear(hidden, hidden)
        self.attention.self.value = nn.Linear(hidden, hidden)
        self.attention.output = nn.Module()
        self.attention.output.dense = nn.Linear(hidden, hidden)
        self.attention.output.LayerNorm = nn.LayerNorm(hidden, eps=eps)
        self.intermediate = nn.Module()
        self.intermediate.dense = nn.Linear(hidden, inner)
        self.output = nn.Module()
        self.output.dense = nn.Linear(inner, hidden)
        self.output.LayerNorm = nn.LayerNorm(hidden, eps=eps)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        att = self.attention

        def split(proj: nn.Linear) -> torch.Tensor:
            return proj(x).view(b, t, self.heads, d // self.heads).transpose(1, 2)

        ctx = F.scaled_dot_product_attention(split(att.self.query), split(att.self.key), split(att.self.value),
                                             attn_mask=mask)
        x = att.output.LayerNorm(att.output.dense(ctx.transpose(1, 2).reshape(b, t, d)) + x)
        return self.output.LayerNorm(self.output.dense(F.gelu(self.intermediate.dense(x))) + x)


class Bert(nn.Module):
    """BERT's encoder without the pooler; `forward` gives the last hidden states."""

    def __init__(self, cfg: dict) -> None:
        super().__init__()
        hidden, eps = cfg["hidden_size"], cfg["layer_norm_eps"]
        self.embeddings = nn.Module()
        self.embeddings.word_embeddings = nn.Embedding(cfg["vocab_size"], hidden)
        self.embeddings.position_embeddings = nn.Embedding(cfg["max_position_embeddings"], hidden)
        self.embeddings.token_type_embeddings = nn.Embedding(cfg["type_vocab_size"], hidden)
        self.embeddings.LayerNorm = nn.LayerNorm(hidden, eps=eps)
        self.encoder = nn.Module()
        self.encoder.layer = nn.ModuleList(
            _Layer(hidden, cfg["num_attention_heads"], cfg["intermediate_size"], eps) for _ in range(cfg["num_hidden_layers"]))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor) -> torch.Tensor:
        emb = self.embeddings
        positions = torch.arange(input_ids.shape[1], device=input_ids.device)
        x = emb.word_embeddings(input_ids) + emb.position_embeddings(positions) + emb.token_type_embeddings(token_type_ids)
        x = emb.LayerNorm(x)
        # Padding is masked out as keys; (batch, 1, 1, tokens) broadcasts over heads and queries.
        mask = attention_mask.bool()[:, None, None, :]
        for layer in self.encoder.layer:
            x = layer(x, mask)
        return x


def load_bert(model_dir: Path) -> Bert:
    """The model in `model_dir` (a BERT with absolute positions and GELU), in eval mode, fp32."""
    from safetensors.torch import load_file

    cfg = json.loads((model_dir / "config.json").read_text())
    if cfg.get("model_type") != "bert" or cfg.get("hidden_act") != "gelu" \
            or cfg.get("position_embedding_type", "absolute") != "absolute":
        raise ValueError(f"{model_dir} is not a BERT encoder this module implements")
    model = Bert(cfg)
    weights = {k: v for k, v in load_file(str(model_dir / "model.safetensors")).items()
               if not k.startswith("pooler.") and k != "embeddings.position_ids"}
    model.load_state_dict(weights, strict=True)
    return model.eval()
