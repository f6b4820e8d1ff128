"""Search: a question (and the conversation so far) in, cited and highlighted passages out."""

from __future__ import annotations

from assistant.search.ask import Answer, ask, names_listed, not_answered_text, resolve
from assistant.search.conversation import ResolvedQuery, is_followup, resolve_followup
from assistant.search.hits import Highlight, Hit, location_text
from assistant.search.questions import QuestionError, clean_question
from assistant.search.searcher import MODES, Candidates, Mode, Searcher, names_missing

__all__ = ["MODES", "Answer", "Candidates", "Highlight", "Hit", "Mode", "QuestionError", "ResolvedQuery", "Searcher",
           "ask", "clean_question", "is_followup", "location_text", "names_listed", "names_missing", "not_answered_text", "resolve",
           "resolve_followup"]
