"""The int8 encoder path for CPUs without native bf16: ONNX Runtime running a dynamically quantised
copy of the packaged model (per-channel int8 weights, activations quantised per batch).

The feed-forward layers stay in fp32: quantising the activations entering them (GELU outputs with a
few large values) moved the difference between two sentences that differ by one word ("rose" /
"fell") by up to 48 degrees, which is the signal claim checking reads; with them in fp32 that
difference keeps its direction to a cosine of 0.94-0.998 and whole vectors to 0.998.

The int8 file is made once per machine from the packaged weights (a torch ONNX export, then
`onnxruntime.quantization.quantize_dynamic`) and kept in `config.MACHINE_CACHE_DIR`; after that,
encoding needs neither torch nor transformers.

Public API: `Int8Runner`, `int8_model_file`.
"""

from __future__ import annotations

import os
import tempfile
import threading
import warnings
from pathlib import Path

import numpy as np

from assistant import config

__all__ = ["Int8Runner", "int8_model_file"]

_build_lock = threading.Lock()


def _reduce_range(features: list[str]) -> bool:
    """7-bit weights where the CPU has no VNNI: the AVX2 u8*s8 multiply-add saturates at 16 bits
    with full-range weights (ONNX Runtime's quantisation guide)."""
    return not ({"avx512_vnni", "avx_vnni", "asimddp"} & set(features))


def int8_model_file(model_dir: Path, model_id: str, features: list[str]) -> Path:
    """The quantised model for this machine, built on first use (about 10 s)."""
    import onnxruntime

    reduce_range = _reduce_range(features)
    name = f"{model_id.replace('/', '--')}-ort{onnxruntime.__version__}-int8-attention{'-rr' if reduce_range else ''}.onnx"
    out = config.MACHINE_CACHE_DIR / name
    with _build_lock:
        if not out.exists():
            out.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
                fp32 = Path(tmp) / "fp32.onnx"
                _export(model_dir, fp32)
                part = Path(tmp) / "int8.onnx"
                _quantise(fp32, part, reduce_range)
                # Another process may finish first; either file is the same model.
                os.replace(part, out)
    return out


def _export(model_dir: Path, dest: Path) -> None:
    import torch
    from transformers import AutoModel

    bert = AutoModel.from_pretrained(str(model_dir)).eval()

    class _Hidden(torch.nn.Module):
        """The last hidden states only, with the three inputs by name."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    names = ["input_ids", "attention_mask", "token_type_ids"]
    ids = torch.ones(2, 16, dtype=torch.long)
    axes = {n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]}
    with warnings.catch_warnings():
        # The tracer warns about every shape-dependent branch; the axes are declared dynamic.
        warnings.simplefilter("ignore")
        torch.onnx.export(_Hidden().eval(), (ids, torch.ones_like(ids), torch.zeros_like(ids)), str(dest),
                          input_names=names, output_names=["last_hidden_state"], dynamic_axes=axes,
                          opset_version=17, dynamo=False)


def _quantise(src: Path, dest: Path, reduce_range: bool) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    graph = onnx.load(str(src)).graph
    feed_forward = [n.name for n in graph.node if n.op_type == "MatMul" and "/attention/" not in n.name
                    and ("/intermediate/dense/" in n.name or "/output/dense/" in n.name)]
    # Shape inference leaves some MatMul outputs untyped in this export; they are all float32.
    quantize_dynamic(str(src), str(dest), weight_type=QuantType.QInt8, per_channel=True, reduce_range=reduce_range,
                     nodes_to_exclude=feed_forward, extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})


class Int8Runner:
    """One ONNX Runtime session; `hidden(batch)` gives the last hidden states as float32.

    Each call runs on one intra-op thread: the encoder runs one batch per core, as on torch."""

    def __init__(self, path: Path) -> None:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])

    def hidden(self, batch: dict[str, np.ndarray]) -> np.ndarray:
        return self.session.run(["last_hidden_state"], batch)[0]
