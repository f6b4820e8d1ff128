"""Plain text files: bytes decoded: UTF-8 (a terminal's colour codes dropped, said so), UTF-16 or
UTF-32 with a byte-order mark, or of a Latin script without one (said so); else the encoding
charset-normalizer finds when the text it gives is in another script than the Latin one (Cyrillic,
Greek, Hebrew, Arabic, Thai, Chinese, Japanese, Korean), said so; else Windows-1252, said so.

Public API: `decode_bytes`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from assistant.ingest.model import IngestError

__all__ = ["decode_bytes"]

_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_OTHER_SCRIPTS = ("CYRILLIC", "GREEK", "HEBREW", "ARABIC", "THAI", "CJK", "HIRAGANA", "KATAKANA", "HANGUL",
                  "HALFWIDTH", "FULLWIDTH", "BOPOMOFO")
SAMPLE = 200_000  # bytes charset-normalizer reads to find an encoding
# ANSI control sequences: CSI ("\x1b[1;31m", "\x1b[2K") and OSC ("\x1b]0;title\x07", a link).
_TERMINAL_CODES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text, with Windows and old Mac line ends as "\\n", and a note on the encoding used; refuses
    binary data."""
    text, note = _decoded(data)
    return text.replace("\r\n", "\n").replace("\r", "\n"), note


def _decoded(data: bytes) -> tuple[str, str]:
    if data.startswith(_BOMS):
        try:  # a UTF-32 mark starts like a UTF-16 one: try UTF-32 first
            return data.decode("utf-32" if data.startswith(_BOMS[:2]) else "utf-16"), ""
        except UnicodeDecodeError:
            return data.decode("utf-16"), ""
    if b"\x00" in data[:4096]:
        found = _unmarked_utf(data[:4096])
        if found:
            try:
                return data.decode(found), f"no byte-order mark, read as {_name(found)}"
            except UnicodeDecodeError:
                pass
        raise IngestError("not a text file (binary content)")
    utf8 = _utf8(data)
    if utf8 is not None:
        return utf8
    # Not UTF-8, or 7-bit text with escape sequences (ISO-2022-JP): another script's encoding, or
    # a Western one. Among Western code pages the text alone rarely tells one from another, and
    # Windows-1252 is the one most files not in UTF-8 are in.
    found = _detected(data)
    if found:
        try:
            text = data.decode(found)
            if _in_another_script(text):
                return text, f"not UTF-8, decoded as {_name(found)}"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("cp1252"), "not UTF-8, decoded as Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not UTF-8, decoded as Latin-1"


def _utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 text and a note, or None: not UTF-8, or 7-bit text with the escapes of another
    encoding (ISO-2022-JP's "\x1b$B" switch it).  A terminal's output saved to a file (a build
    log) colours its words with escape codes ("\x1b[31m"), which are no text and go."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if "\x1b" not in text:
        return text, ""
    bare = _TERMINAL_CODES.sub("", text)
    return (bare, "terminal escape codes removed") if "\x1b" not in bare else None


def _unmarked_utf(sample: bytes) -> str | None:
    """UTF-16 or UTF-32 of a Latin script saved without a byte-order mark: in each unit of 2 (4)
    bytes all but one are zero, at the same places, and the one left is not. Binary data has its
    zeros anywhere."""
    for encoding, unit in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        if len(sample) < 2 * unit:
            continue
        text_at = 0 if encoding.endswith("le") else unit - 1
        lanes = [sample[i::unit] for i in range(unit)]
        zero = [lane.count(0) / len(lane) for lane in lanes]
        if zero[text_at] <= 0.05 and all(z >= 0.8 for i, z in enumerate(zero) if i != text_at):
            return encoding
    return None


def _detected(data: bytes) -> str | None:
    """charset-normalizer's encoding for `data` (its first `SAMPLE` bytes), or None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:SAMPLE]).best()
    return best.encoding if best is not None else None


def _in_another_script(text: str) -> bool:
    """Whether most of the letters beyond ASCII belong to a script other than the Latin one."""
    letters = [c for c in text if ord(c) > 127 and c.isalpha()]
    other = sum(unicodedata.name(c, "").startswith(_OTHER_SCRIPTS) for c in letters)
    return bool(letters) and other > len(letters) / 2


def _name(encoding: str) -> str:
    return codecs.lookup(encoding).name.upper()
