"""A conversational retrieval assistant: cited, highlighted passages from your documents."""

from __future__ import annotations

from assistant import config as _config  # noqa: F401  (sets the offline environment first)

__version__ = "0.1.0"
