"""Plain text files: bytes decoded: UTF-8, UTF-16 with a BOM, UTF-16 of a Latin script without one
(said so), else Windows-1252 (said so).

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
        enc = _bomless_utf16(data[:4096])
        try:
            if enc:
                return data.decode(enc), f"no byte-order mark, read as {enc.upper()}"
        except UnicodeDecodeError:
            pass
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


def _bomless_utf16(sample: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 text of a Latin script saved without a byte-order mark
    (every other byte zero, the rest not), else None: binary data has zeros anywhere."""
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd >= 0.8 and zeros_even <= 0.05:
        return "utf-16-le"
    if zeros_even >= 0.8 and zeros_odd <= 0.05:
        return "utf-16-be"
    return None
