"""Caption files (WebVTT, SubRip) to the transcript they hold: what was said, in paragraphs.

Public API: `caption_transcript`.

A lecture's or an interview's captions, saved as .vtt, .srt or as a .txt file, are cues: a number,
a timing line ("00:01:02.900 --> 00:01:08.000"), then a line or two of speech that often breaks
mid-sentence. Read as text, every timing line became a heading and every sentence that ran over
two cues was cut in two. The cues are parsed by webvtt-py (both formats); what is said is joined
into paragraphs, which break where the speaker changes, at a pause, or at a sentence's end once a
paragraph is long enough to stand as a passage's block.
"""

from __future__ import annotations

import html
import io
import re

import webvtt
from webvtt.errors import MalformedFileError

__all__ = ["caption_transcript"]

_SRT_START = re.compile(r"\A\s*\d+\s*\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}")
_VTT_START = re.compile(r"\A\s*WEBVTT(?:[ \t].*)?$", re.M)
# A line that is no speech: a sound or music described ("[Music]", "(laughs)", "♪ ... ♪").
_NON_SPEECH = re.compile(r"^\s*(?:\[[^\]]*\]|\([^)]*\)|♪.*|[♪#]+)\s*$")
# A dialogue dash opens a second speaker's line within one cue ("- Hi. / - Hello.").
_DASH = re.compile(r"^\s*[-\u2010\u2013]\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")

PAUSE_SECONDS = 2.0  # silence between two cues that ends a paragraph at a sentence's end
PARAGRAPH_CHARS = 600  # a paragraph this long ends at the next sentence's end
MAX_PARAGRAPH_CHARS = 1500  # and this long at the next cue, punctuated or not (automatic captions)


def caption_transcript(text: str, always: bool = False) -> str | None:
    """The transcript of captions in `text`, paragraphs apart by blank lines; None when `text` is no
    caption file (a .txt file is one when it opens as WebVTT or SubRip does; `always`, for a .vtt or
    .srt file, reads it as one whatever it opens with, and None means no cue could be read)."""
    stripped = text.lstrip("\ufeff")
    if _VTT_START.match(stripped):
        kind = "vtt"
    elif _SRT_START.match(stripped):
        kind = "srt"
    elif always:
        kind = "vtt" if "WEBVTT" in stripped[:200] else "srt"
    else:
        return None
    try:
        captions = webvtt.from_buffer(io.StringIO(_normalise(stripped, kind)), format=kind).captions
    except MalformedFileError:
        return None
    transcript = _paragraphs(captions)
    return transcript or None


def _normalise(text: str, kind: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if kind == "srt":
        # webvtt-py wants a blank line between SubRip cues and none before the first
        text = text.strip() + "\n"
    return text


def _paragraphs(captions: list[webvtt.Caption]) -> str:
    paragraphs: list[str] = []
    current: list[str] = []
    recent: list[str] = []  # the last lines said, for captions that roll a line over into the next cue
    speaker: str | None = None
    last_end: float | None = None

    def close() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for caption in captions:
        lines = [html.unescape(ln).strip() for ln in caption.text.split("\n")]
        lines = [ln for ln in lines if ln and not _NON_SPEECH.match(ln)]
        # Captions shown two lines at a time repeat the line the last cue ended with.
        lines = [ln for ln in lines if ln not in recent]
        if not lines:
            continue
        said = " ".join(current)
        voice = caption.voice
        paused = last_end is not None and caption.start_time.in_milliseconds() / 1000 - last_end >= PAUSE_SECONDS
        ended = bool(_SENTENCE_END.search(said))
        if (voice is not None and voice != speaker) or (ended and (paused or len(said) >= PARAGRAPH_CHARS)) \
                or len(said) >= MAX_PARAGRAPH_CHARS:
            close()
        if voice is not None and voice != speaker:
            lines[0] = f"{voice}: {lines[0]}"
            speaker = voice
        for line in lines:
            if _DASH.match(line):
                close()  # each dash opens a speaker's turn
                line = _DASH.sub("", line)
            current.append(line)
        recent = (recent + lines)[-2:]
        last_end = caption.end_time.in_milliseconds() / 1000
    close()
    return "\n\n".join(paragraphs)
