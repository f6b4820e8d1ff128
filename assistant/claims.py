"""Checking a claim: evidence sentences from the collection and a verdict.

Public API: `ClaimChecker`, `Verdict`, `Evidence`, `ClaimError`, `VERDICTS`, `sentence_features`,
`polarity_features`, `flip_claim`, `ClaimAdapter`.

Method (no NLI model ships on PyPI, so the verdict model is trained here; see
`benchmarks/train_claims.py` and `assistant/models/README.md`):
1. the claim's embedding goes through a small learned adapter (`ClaimAdapter`: q + q U V,
   normalised; rank 64, trained on SciFact train to move claims towards their evidence), then the
   hybrid retriever proposes the best documents for the claim;
2. an evidence detector (logistic regression over similarity, lexical and position features) scores
   every sentence of those documents: P(the sentence is evidence for the claim);
3. a polarity model (logistic regression over negation and direction cues, and over how much
   closer the sentence's embedding is to the claim reversed by `flip_claim` than to the claim)
   scores each evidence sentence: P(it contradicts the claim);
4. thresholds calibrated on SciFact train turn these into `supported`, `contradicted` or `not_found`.
A user may point at an NLI cross-encoder of their own (`nli_model=PATH`): it then replaces step 3.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from assistant.retrieve import Searcher, clean_question
from assistant.store import english_stemmer, file_sha256

VERDICTS = ("supported", "contradicted", "not_found")
MODEL_PATH = Path(__file__).parent / "models" / "claims.json"
ADAPTER_PATH = MODEL_PATH.with_name("claim_adapter.npy")
CANDIDATE_DOCS = 10

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_STOP = set("""a an the of to in on for with and or but by from at as is are was were be been being do does did
have has had can could should would may might will this that these those it its they them their there than
then so such also any some into which who whom whose what when where why how we our us i he she his her
between within during after before over under about via per""".split())
_NEG = {"not", "no", "never", "without", "none", "neither", "nor", "cannot", "fail", "fails", "failed",
        "unable", "lack", "lacks", "lacking", "absence", "absent", "nothing", "n't", "non", "unaffected",
        "independent", "irrespective", "regardless"}
_NULL_RESULT = re.compile(r"\b(no|not|nor)\b[^.]{0,40}\b(significant|significantly|difference|differences|effect|"
                          r"effects|association|associated|correlat\w*|change|changes|impact|influence|benefit|"
                          r"increase|decrease|reduc\w*)\b|\bdid not\b|\bdoes not\b|\bwas not\b|\bwere not\b|"
                          r"\bn\.?s\.?\b|\bunchanged\b|\bsimilar\b|\bcomparable\b", re.I)
_UP = {"increase", "increases", "increased", "increasing", "higher", "high", "more", "elevated", "elevates",
       "promote", "promotes", "promoted", "enhance", "enhances", "enhanced", "induce", "induces", "induced",
       "activate", "activates", "activated", "upregulate", "upregulates", "upregulated", "raise", "raises",
       "raised", "improve", "improves", "improved", "greater", "positive", "positively", "accelerate",
       "accelerates", "accelerated", "stimulate", "stimulates", "stimulated", "gain", "augment", "augments",
       "exacerbate", "exacerbates", "worsens", "risk", "associated", "correlated", "required", "necessary",
       "essential", "causes", "cause", "leads", "triggers", "major", "strong", "stronger"}
_DOWN = {"decrease", "decreases", "decreased", "decreasing", "lower", "low", "less", "fewer", "reduce",
         "reduces", "reduced", "reduction", "inhibit", "inhibits", "inhibited", "inhibition", "suppress",
         "suppresses", "suppressed", "impair", "impairs", "impaired", "downregulate", "downregulates",
         "downregulated", "prevent", "prevents", "prevented", "attenuate", "attenuates", "attenuated",
         "block", "blocks", "blocked", "negative", "negatively", "diminish", "diminishes", "diminished",
         "slow", "slows", "slowed", "loss", "protect", "protects", "protective", "decline", "minor", "weak",
         "weaker", "dispensable", "unnecessary", "rare", "rarely"}


class ClaimError(ValueError):
    """A claim the checker cannot work with; the message says why."""


@dataclass(frozen=True)
class Evidence:
    text: str
    doc_id: str
    title: str
    start: int
    end: int
    page: int | None
    label: str   # "supports", "contradicts" or "related"
    score: float  # P(this sentence is evidence for the claim)


@dataclass(frozen=True)
class Verdict:
    verdict: str
    confidence: float
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict:
        return {"verdict": self.verdict, "confidence": round(float(self.confidence), 4),
                "evidence": [{**asdict(e), "score": round(float(e.score), 4)} for e in self.evidence]}


# ---------------------------------------------------------------------------------------------
# Features (shared by training and checking)


def _stems(text: str) -> list[str]:
    words = [w for w in _WORD.findall(text.lower()) if w not in _STOP]
    return english_stemmer().stemWords(words)


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:\.\d+)?", text))


SENTENCE_FEATURES = ["cosine", "cosine_rank_in_doc", "gap_to_doc_best", "doc_score", "doc_rank", "claim_terms_covered",
                     "sentence_terms_in_claim", "numbers_shared", "numbers_missing", "position", "is_title",
                     "log_length", "bigrams_shared"]


def sentence_features(claim: str, claim_stems: list[str], sentence: str, cosine: float, rank_in_doc: int,
                      doc_best: float, doc_score: float, doc_rank: int, position: float, is_title: bool) -> list[float]:
    s_stems = _stems(sentence)
    cs, ss = set(claim_stems), set(s_stems)
    covered = len(cs & ss) / len(cs) if cs else 0.0
    back = len(cs & ss) / len(ss) if ss else 0.0
    cb = set(zip(claim_stems, claim_stems[1:]))
    sb = set(zip(s_stems, s_stems[1:]))
    bigrams = len(cb & sb) / len(cb) if cb else 0.0
    cn, sn = _numbers(claim), _numbers(sentence)
    return [cosine, 1.0 / (1 + rank_in_doc), doc_best - cosine, doc_score, 1.0 / (1 + doc_rank), covered, back,
            float(bool(cn & sn)), float(bool(cn) and not (cn & sn)), position, float(is_title),
            math.log1p(len(s_stems)), bigrams]


POLARITY_FEATURES = ["negation_mismatch", "claim_negated", "sentence_negated", "null_result", "claim_null_result",
                     "direction_agree", "direction_oppose", "claim_up", "claim_down", "sentence_up", "sentence_down",
                     "cosine", "claim_terms_covered", "flip_delta", "bias"]

# Opposites for `flip_claim` (both directions are used).
_OPPOSITES = [
    ("increase", "decrease"), ("increases", "decreases"), ("increased", "decreased"), ("increasing", "decreasing"),
    ("higher", "lower"), ("high", "low"), ("more", "less"), ("greater", "smaller"), ("enhances", "reduces"),
    ("enhance", "reduce"), ("enhanced", "reduced"), ("promotes", "inhibits"), ("promote", "inhibit"),
    ("promoted", "inhibited"), ("activates", "suppresses"), ("activate", "suppress"), ("activated", "suppressed"),
    ("positive", "negative"), ("positively", "negatively"), ("upregulates", "downregulates"),
    ("upregulated", "downregulated"), ("improves", "worsens"), ("improve", "worsen"), ("improved", "worsened"),
    ("accelerates", "slows"), ("induces", "prevents"), ("induce", "prevent"), ("induced", "prevented"),
    ("elevated", "reduced"), ("raises", "lowers"), ("stimulates", "inhibits"), ("facilitates", "impairs"),
    ("beneficial", "harmful"), ("effective", "ineffective"), ("required", "dispensable"),
    ("necessary", "unnecessary"), ("gain", "loss"), ("risk", "protection"), ("protects", "predisposes"),
    ("better", "worse"), ("strong", "weak"), ("stronger", "weaker"), ("major", "minor"), ("common", "rare"),
    ("can", "cannot"), ("with", "without"), ("associated", "unassociated"),
]
_FLIP = {}
for _a, _b in _OPPOSITES:
    _FLIP.setdefault(_a, _b)
    _FLIP.setdefault(_b, _a)
_AUXILIARIES = {"is", "are", "was", "were", "does", "do", "did", "has", "have", "can", "could", "may", "will",
                "should"}


def flip_claim(claim: str) -> str:
    """The claim with its direction reversed, for the polarity model to compare against: the first
    negation removed, or else the first direction word replaced by its opposite, or else "not"
    after the first auxiliary verb ("X increases Y" -> "X decreases Y"; "X is safe" -> "X is not
    safe").  The embedding model hardly separates a claim from its opposite, but a sentence that
    contradicts the claim sits measurably closer to the reversed one (SciFact train)."""
    words = claim.split()
    for i, w in enumerate(words):
        core = re.sub(r"[^\w-]", "", w)
        low = core.lower()
        if low in ("not", "no", "never"):
            return " ".join(words[:i] + words[i + 1 :])
        if low in _FLIP:
            rep = _FLIP[low] if core.islower() else _FLIP[low].capitalize()
            return " ".join(words[:i] + [w.replace(core, rep)] + words[i + 1 :])
    for i, w in enumerate(words):
        if w.lower() in _AUXILIARIES:
            return " ".join(words[: i + 1] + ["not"] + words[i + 1 :])
    return "It is not true that " + claim


def _direction(words: list[str]) -> tuple[int, int]:
    return sum(w in _UP for w in words), sum(w in _DOWN for w in words)


def polarity_features(claim: str, sentence: str, cosine: float, flip_delta: float) -> list[float]:
    """`flip_delta`: cos(sentence, flip_claim(claim)) - cos(sentence, claim)."""
    cw = _WORD.findall(claim.lower().replace("n't", " not"))
    sw = _WORD.findall(sentence.lower().replace("n't", " not"))
    cneg = any(w in _NEG for w in cw)
    sneg = any(w in _NEG for w in sw)
    cu, cd = _direction(cw)
    su, sd = _direction(sw)
    cdir = np.sign(cu - cd) * (-1 if cneg else 1)
    sdir = np.sign(su - sd) * (-1 if sneg else 1)
    cs, ss = set(_stems(claim)), set(_stems(sentence))
    return [float(cneg != sneg), float(cneg), float(sneg), float(bool(_NULL_RESULT.search(sentence))),
            float(bool(_NULL_RESULT.search(claim))), float(cdir * sdir > 0), float(cdir * sdir < 0),
            float(cu > cd), float(cd > cu), float(su > sd), float(sd > su), cosine,
            len(cs & ss) / len(cs) if cs else 0.0, flip_delta, 1.0]


class LinearModel:
    """Logistic regression stored as JSON (weights, feature names, scaling), never pickled."""

    def __init__(self, spec: dict) -> None:
        self.features = spec["features"]
        self.mean = np.array(spec["mean"], dtype=np.float64)
        self.scale = np.array(spec["scale"], dtype=np.float64)
        self.coef = np.array(spec["coef"], dtype=np.float64)
        self.intercept = float(spec["intercept"])
        if not len(self.features) == len(self.mean) == len(self.scale) == len(self.coef):
            raise ValueError(f"{len(self.features)} feature names for {len(self.coef)} weights")

    def predict(self, x: np.ndarray) -> np.ndarray:
        z = ((np.asarray(x, dtype=np.float64) - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


def load_model(path: Path = MODEL_PATH) -> dict:
    try:
        spec = json.loads(Path(path).read_text())
    except (OSError, json.JSONDecodeError) as exc:
        raise ClaimError(f"claim model unreadable at {path} ({exc}); retrain with "
                         "`python benchmarks/train_claims.py`") from exc
    return spec


# ---------------------------------------------------------------------------------------------


@dataclass
class SentenceCandidate:
    row: int
    doc: int
    cosine: float
    features: list[float]


class NLIModel:
    """A user's own NLI cross-encoder (a local Hugging Face sequence-classification folder)."""

    def __init__(self, path: Path) -> None:
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        if not Path(path).is_dir():
            raise ClaimError(f"no NLI model folder at {path}")
        self.tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        self.model = AutoModelForSequenceClassification.from_pretrained(str(path), local_files_only=True).eval()
        labels = {i: str(lab).lower() for i, lab in self.model.config.id2label.items()}
        self.contradiction = next((i for i, lab in labels.items() if lab.startswith("contradict")), None)
        self.entailment = next((i for i, lab in labels.items() if lab.startswith("entail")), None)
        if self.contradiction is None or self.entailment is None:
            raise ClaimError(f"NLI model at {path} must have 'entailment' and 'contradiction' labels, has {labels}")

    def contradiction_probability(self, claim: str, sentences: list[str]) -> np.ndarray:
        import torch

        if not sentences:
            return np.zeros(0)
        enc = self.tokenizer(sentences, [claim] * len(sentences), padding=True, truncation=True, max_length=256,
                             return_tensors="pt")
        with torch.inference_mode():
            probs = torch.softmax(self.model(**enc).logits, dim=-1).numpy()
        c, e = probs[:, self.contradiction], probs[:, self.entailment]
        return c / np.maximum(c + e, 1e-9)


def sentence_candidates(searcher: Searcher, claim: str, q: np.ndarray) -> tuple[list[SentenceCandidate], dict[int, float]]:
    """Every sentence of the best documents for the claim, with detector features."""
    s = searcher
    store = s.store
    cand = s.candidates(claim, query_vector=q)
    fused = cand.fused(s.fusion)
    doc_best: dict[int, float] = {}
    for row, score in zip(cand.rows.tolist(), fused.tolist()):
        d = int(store.passage_doc[row])
        doc_best[d] = max(doc_best.get(d, -1e9), score)
    docs = sorted(doc_best, key=lambda d: -doc_best[d])[:CANDIDATE_DOCS]
    claim_stems = _stems(claim)
    out: list[SentenceCandidate] = []
    for doc_rank, d in enumerate(docs):
        a = int(store.passage_sent[store.doc_passage_start[d], 0])
        b = int(store.passage_sent[store.doc_passage_start[d + 1] - 1, 1])
        if b <= a:
            continue
        sims = np.asarray(store.sentence_vectors[a:b], dtype=np.float32) @ q
        order = np.argsort(-sims)
        ranks = np.empty(len(sims), dtype=int)
        ranks[order] = np.arange(len(sims))
        best = float(sims.max())
        for i, row in enumerate(range(a, b)):
            text = store.sentence_text(row)
            feats = sentence_features(claim, claim_stems, text, float(sims[i]), int(ranks[i]), best,
                                      doc_best[d], doc_rank, i / max(1, b - a - 1), i == 0)
            out.append(SentenceCandidate(row, d, float(sims[i]), feats))
    return out, {d: doc_best[d] for d in docs}


def flip_deltas(store, cands: list[SentenceCandidate], claim_vector: np.ndarray, flip_vector: np.ndarray) -> np.ndarray:
    """cos(sentence, reversed claim) - cos(sentence, claim) for each candidate (both embeddings
    as the model gives them, not adapted)."""
    rows = np.array([c.row for c in cands], dtype=np.int64)
    vecs = np.asarray(store.sentence_vectors[rows], dtype=np.float32)
    return vecs @ (flip_vector - claim_vector)


class ClaimAdapter:
    """A claim embedding moved towards the sentences that are evidence for such claims:
    normalise(q + (q @ U) @ V), U and V rank-64 factors stored as one float16 .npy (2, dim, rank)
    with V transposed; trained by benchmarks/train_claims.py."""

    def __init__(self, factors: np.ndarray) -> None:
        if factors.ndim != 3 or factors.shape[0] != 2:
            raise ClaimError(f"claim adapter factors have shape {factors.shape}, expected (2, dim, rank)")
        factors = factors.astype(np.float32)
        self.u, self.v = factors[0], factors[1].T

    @classmethod
    def load(cls, path: Path = ADAPTER_PATH, sha256: str | None = None) -> ClaimAdapter:
        """The adapter stored at `path`; with `sha256`, only if the file has that hash."""
        retrain = "retrain with `python benchmarks/train_claims.py`"
        try:
            digest = file_sha256(Path(path)) if sha256 is not None else None
            factors = np.load(path, allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise ClaimError(f"claim adapter unreadable at {path} ({exc}); {retrain}") from exc
        if digest != sha256:
            raise ClaimError(f"claim adapter {path} is not the one the claim model was trained with; {retrain}")
        return cls(factors)

    def __call__(self, q: np.ndarray) -> np.ndarray:
        x = q + (q @ self.u) @ self.v
        return (x / np.linalg.norm(x, axis=-1, keepdims=True)).astype(np.float32)


class ClaimChecker:
    """Checks claims against the collection a `Searcher` searches."""

    def __init__(self, searcher: Searcher, model_path: Path = MODEL_PATH, nli_model: Path | None = None) -> None:
        self.searcher = searcher
        spec = load_model(model_path)
        try:
            self.detector = LinearModel(spec["detector"])
            self.polarity = LinearModel(spec["polarity"])
            self.thresholds = {k: float(spec["thresholds"][k]) for k in ("evidence", "contradiction")}
        except (KeyError, TypeError, ValueError) as exc:
            raise ClaimError(f"claim model at {model_path} is malformed ({exc!r}); retrain with "
                             "`python benchmarks/train_claims.py`") from exc
        adapter = spec.get("adapter")
        if not isinstance(adapter, dict) or not {"file", "sha256"} <= set(adapter):
            raise ClaimError(f"{model_path} names no claim adapter (trained by an older version); retrain with "
                             "`python benchmarks/train_claims.py`")
        self.adapter = ClaimAdapter.load(Path(model_path).with_name(Path(str(adapter["file"])).name),
                                         sha256=adapter["sha256"])
        self.nli = NLIModel(nli_model) if nli_model else None

    def score(self, claim: str) -> tuple[list[SentenceCandidate], np.ndarray, np.ndarray]:
        """Candidates, P(evidence) and P(contradicts) for each."""
        claim = clean_question(claim)
        encoder = self.searcher.encoder
        # The reversed claim feeds the polarity model; one forward pass embeds both.
        q, flip = encoder.encode([claim, flip_claim(claim)]) if self.nli is None else (encoder.encode_query(claim), None)
        cands, _ = sentence_candidates(self.searcher, claim, self.adapter(q))
        if not cands:
            return [], np.zeros(0), np.zeros(0)
        p_ev = self.detector.predict(np.array([c.features for c in cands]))
        texts = [self.searcher.store.sentence_text(c.row) for c in cands]
        if self.nli is not None:
            top = np.argsort(-p_ev)[:8]
            p_con = np.zeros(len(cands))
            p_con[top] = self.nli.contradiction_probability(claim, [texts[i] for i in top])
        else:
            deltas = flip_deltas(self.searcher.store, cands, q, flip)
            p_con = self.polarity.predict(np.array([polarity_features(claim, t, c.cosine, float(dl))
                                                    for t, c, dl in zip(texts, cands, deltas)]))
        return cands, p_ev, p_con

    def retrieve(self, claim: str) -> list[str]:
        """Step 1 alone: the ids of the documents the retriever proposes, best first."""
        q = self.adapter(self.searcher.encoder.encode_query(clean_question(claim)))
        _, docs = sentence_candidates(self.searcher, claim, q)
        return [self.searcher.store.doc_ids[d] for d in sorted(docs, key=lambda d: -docs[d])]

    def check(self, claim: str, max_evidence: int = 5) -> Verdict:
        if not isinstance(claim, str) or not claim.strip():
            raise ClaimError("the claim is empty")
        cands, p_ev, p_con = self.score(claim)
        store = self.searcher.store
        t_ev, t_con = self.thresholds["evidence"], self.thresholds["contradiction"]
        order = np.argsort(-p_ev)[:max_evidence]
        evidence = []
        for i in order:
            c = cands[i]
            doc = store.documents[c.doc]
            s, e = (int(x) for x in store.sentence_span[c.row])
            if p_ev[i] >= t_ev:
                label = "contradicts" if p_con[i] >= t_con else "supports"
            else:
                label = "related"
            pages = doc.page_range(s, e)
            evidence.append(Evidence(doc.text[s:e], doc.doc_id, doc.title, s, e, pages[0] if pages else None,
                                     label, float(p_ev[i])))
        if not len(order) or p_ev[order[0]] < t_ev:
            best = float(p_ev[order[0]]) if len(order) else 0.0
            return Verdict("not_found", 1.0 - best, tuple(evidence))
        top = order[0]
        if p_con[top] >= t_con:
            return Verdict("contradicted", float(p_ev[top] * p_con[top]), tuple(evidence))
        return Verdict("supported", float(p_ev[top] * (1 - p_con[top])), tuple(evidence))

    def abstract_predictions(self, claim: str) -> dict[str, str]:
        """SciFact-style abstract-level labels: doc_id -> SUPPORT or CONTRADICT, for evaluation."""
        cands, p_ev, p_con = self.score(claim)
        t_ev, t_con = self.thresholds["evidence"], self.thresholds["contradiction"]
        best: dict[int, int] = {}
        for i, c in enumerate(cands):
            if p_ev[i] >= t_ev and (c.doc not in best or p_ev[i] > p_ev[best[c.doc]]):
                best[c.doc] = i
        return {self.searcher.store.doc_ids[d]: ("CONTRADICT" if p_con[i] >= t_con else "SUPPORT")
                for d, i in best.items()}
