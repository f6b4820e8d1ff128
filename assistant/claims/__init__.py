"""Claims: which sources support or contradict a claim, with the evidence sentences.

`features` (shared by training and checking), `models` (the trained parts and how each is
applied), `evidence` (candidate sentences), `checker` (verdicts), `train` (the one command that
reproduces the artifacts: `python -m assistant.claims.train`).
"""

from __future__ import annotations

from assistant.claims.checker import (
                                      VERDICT_WORDS,
                                      VERDICTS,
                                      ClaimChecker,
                                      Evidence,
                                      Verdict,
                                      VerdictKind,
                                      confidence_text,
                                      not_mentioned_text,
)
from assistant.claims.features import flip_claim, polarity_features, sentence_features
from assistant.claims.models import ClaimAdapter, ClaimError, ClaimModel

__all__ = ["VERDICTS", "VERDICT_WORDS", "ClaimAdapter", "ClaimChecker", "ClaimError", "ClaimModel", "Evidence", "Verdict",
           "VerdictKind", "confidence_text", "flip_claim", "not_mentioned_text", "polarity_features", "sentence_features"]
