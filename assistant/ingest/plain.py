"""Plain text files: bytes decoded (UTF-8, UTF-16 with a BOM, else Windows-1252 and said so).

Public API: `decode_bytes`.
"""

from __future__ import annotations

from assistant.ingest.model import IngestError

__all__ = ["decode_bytes"]


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text, with Windows and old Mac line ends as "\\n", and a note on the encoding used; refuses
    binary data."""
    text, note = _decoded(data)
    return text.replace("\r\n", "\n").replace("\r", "\n"), note


def _decoded(data: bytes) -> tuple[str, str]:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError("not a text file (binary content)")
    for enc in ("utf-8-sig", "utf-16"):
        if enc == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return data.decode(enc), ""
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("cp1252"), "not UTF-8, decoded as Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not UTF-8, decoded as Latin-1"
