"""Checking what a user typed before it is searched.

Public API: `QuestionError`, `clean_question`.
"""

from __future__ import annotations

from assistant import config
from assistant.text import strip_control

__all__ = ["QuestionError", "clean_question"]


class QuestionError(ValueError):
    """A question the assistant cannot search with; the message says why."""


def clean_question(question: str) -> str:
    if not isinstance(question, str):
        raise QuestionError("the question must be text")
    q = strip_control(question)
    if not q:
        raise QuestionError("the question is empty")
    if len(q) > config.MAX_QUESTION_CHARS:
        raise QuestionError(f"the question is {len(q):,} characters long; the limit is "
                            f"{config.MAX_QUESTION_CHARS:,}")
    return q
