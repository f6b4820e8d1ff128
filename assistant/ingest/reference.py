"""What a reference to a document needs beyond its title: authors, year and DOI, where the file
states them (PDF metadata, HTML `<meta>` tags, a DOI printed on the first pages).

Public API: `find_doi`, `split_authors`, `year_of`.
"""

from __future__ import annotations

import re

__all__ = ["find_doi", "split_authors", "surname", "year_of"]

# A DOI as printed: "doi:10.1186/s13063-014-0542-8", "https://doi.org/10.2196/jmir.1963".
_DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]+")
# A DOI broken at a hyphen by the line end: "10.1136/bmjopen-2016-" then "012345".
_DOI_CONTINUED = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]*-)\s+([^\s\"<>]+)")
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
# Placeholders some producers write where the author should be.
_NO_AUTHOR = {"unknown", "anonymous", "author", "administrator", "admin", "user", "owner", "unspecified", "none", "n/a"}


def _placeholder(name: str) -> bool:
    """Whether a metadata author is a tool's placeholder, bracketed or not ("(anonymous)", as
    ReportLab writes when none is given)."""
    return name.strip(" ()[]<>").casefold() in _NO_AUTHOR


def find_doi(text: str) -> str:
    """The first DOI printed in `text`, without trailing punctuation; "" when none."""
    m = _DOI.search(text)
    if not m:
        return ""
    doi = m.group(0)
    if doi.endswith("-"):
        cont = _DOI_CONTINUED.match(text, m.start())
        if cont:
            doi = cont.group(1) + cont.group(2)
    return doi.rstrip(".,;:)]}’”'")


def split_authors(value: str) -> tuple[str, ...]:
    """Author names from one metadata string: "A; B", "A, B and C", "A and B"; a lone
    "Surname, Given" stays one name; placeholders ("Unknown", "(anonymous)") are no author."""
    value = re.sub(r"\s+", " ", value).strip()
    if not value or _placeholder(value):
        return ()
    if ";" in value:
        parts = value.split(";")
    else:
        parts = re.split(r",\s*|\s+and\s+|\s*&\s*", value)
        if len(parts) == 2 and " " not in parts[0].strip() and "," in value:
            parts = [value]  # "Surname, Given"
    return tuple(p.strip() for p in parts if p.strip() and not _placeholder(p))


def year_of(value: str) -> str:
    """The first plausible year (1900–2099) in a date string ("D:20150131034702", "2014-06-20"); "" when none."""
    m = re.match(r"\s*(?:D:)?((?:19|20)\d\d)", value) or _YEAR.search(value)  # a PDF date, then any year
    return m.group(1) if m else ""


def surname(name: str) -> str:
    """A writer's surname: the last word of the name that is no initial ("Okafor" of "Okafor N", as
    Vancouver style writes names; "Doe" of "Jane Doe")."""
    words = name.split()
    return next((w for w in reversed(words) if not re.fullmatch(r"[A-Z]{1,3}\.?", w)), words[-1])
