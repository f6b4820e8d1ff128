"""The `assistant` command line (`main.py` parses, `commands.py` runs, `output.py` formats)."""

from __future__ import annotations

from assistant.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
