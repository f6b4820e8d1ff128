"""Checking what a user typed before it is searched.

Public API: `QuestionError`, `clean_question`, `own_words`, `unquoted`.
"""

from __future__ import annotations

import re
from typing import Literal

from assistant import config
from assistant.text import strip_control

__all__ = ["QuestionError", "clean_question", "own_words", "unquoted"]


class QuestionError(ValueError):
    """A question the assistant cannot search with; the message says why."""


def clean_question(question: str, what: Literal["question", "claim"] = "question") -> str:
    """The text without control characters; `what` it is names it in the error."""
    if not isinstance(question, str):
        raise QuestionError(f"the {what} must be text")
    q = strip_control(question)
    if not q:
        raise QuestionError(f"the {what} is empty")
    if len(q) > config.MAX_QUESTION_CHARS:
        raise QuestionError(f"the {what} is {len(q):,} characters long; the limit is "
                            f"{config.MAX_QUESTION_CHARS:,}")
    return q


# A term in quotation marks: "What does 'consider' mean?" asks what the word means, as without them
# (with them the question's embedding had led to another sentence of the passage holding the term).
_QUOTED = re.compile(r"(?<![\w'’])[\"'‘“]([^\W\d_][^\"'‘’“”]{0,59}?)[\"'’”](?![\w'’])")


def unquoted(question: str) -> str:
    """The question without the quotation marks around a term or a phrase (`_QUOTED`)."""
    return _QUOTED.sub(r"\1", question)


# The question a follow-up is searched with, in brackets after it ("Who gave the talk? (How long do
# the benefits last?)"): context for the search, asking nothing itself.
_CONTEXT = re.compile(r"(?<=\?)\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*$")


def own_words(question: str) -> str:
    """The question without the earlier question it is searched with (`_CONTEXT`)."""
    return _CONTEXT.sub("", question) or question
