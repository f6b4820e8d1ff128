"""The one error the index package raises."""

from __future__ import annotations

__all__ = ["StoreError"]


class StoreError(Exception):
    """The index cannot be used or written; the message says why and what to run."""
