"""The HTTP API's request and response schemas (they are its OpenAPI document at `/api/openapi.json`).

Public API: the models below.  They describe the dictionaries `Service` answers with.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.service.citations import CitationFormat
from assistant.service.core import MAX_CONTEXT, MAX_HISTORY, MAX_K

__all__ = ["CheckRequest", "CheckResponse", "CiteRequest", "CiteResponse", "DocumentsResponse", "EvidenceOut", "HitOut", "PassageResponse",
           "SearchRequest", "SearchResponse", "UploadResponse"]

Match = Literal["strong match", "partial match", "weak match"]


class _Strict(BaseModel):
    # A misspelt field is an error, not silently ignored.
    model_config = ConfigDict(extra="forbid")


class SearchRequest(_Strict):
    question: str = Field(description="The question, as a person would type it (at most 4,000 characters).")
    history: list[str] = Field(default_factory=list, max_length=MAX_HISTORY,
                               description="Earlier questions of the conversation, oldest first; a follow-up "
                                           "such as 'And for anxiety?' is read against them.")
    k: int = Field(5, ge=1, le=MAX_K, description="How many passages to return.")
    documents: list[str] | None = Field(None, description="Search only these documents (ids or file names).")


class HighlightOut(BaseModel):
    text: str
    start: int = Field(description="Offset of the sentence in the document's cleaned text.")
    end: int


class HitOut(BaseModel):
    rank: int
    score: float = Field(description="The fused retrieval score (ranking only; not a probability).")
    doc_id: str
    title: str
    source: str = Field(description="The file, as the indexed folder's name and the path in it.")
    start: int = Field(description="Offset of the passage in the document's cleaned text.")
    end: int
    page: int | list[int] | None = Field(description="PDF page, [first, last] across pages, null without pages.")
    page_label: str | None = Field(description="The page number printed on the page, when it has one.")
    section: str = Field(description="The headings the answering sentence sits under, joined by ' › '.")
    text: str
    highlight: HighlightOut = Field(description="The sentence of the passage that best answers the question.")
    probability: float = Field(description="Calibrated probability that the passage holds the answer.")
    match: Match = Field(description="The probability in words: strong (>= 2/3), partial (>= 1/3) or weak.")


class SearchResponse(BaseModel):
    question: str
    searched_for: str = Field(description="The question as searched: a follow-up rewritten from the history.")
    conversation_documents: list[str] = Field(
        description="For a follow-up (or a question going on with the previous one's named subject), the "
                    "documents of the previous question's hits, also searched: their hits take the first half of "
                    "the places. Empty for a question that stands alone.")
    answered: bool = Field(description="Whether some hit is likely enough to hold the answer; when false, the "
                                       "hits are the closest passages, not answers.")
    not_mentioned: list[str] = Field(default_factory=list, description="Names the question uses that no searched "
                                     "document mentions but in a list of abbreviations (\"France\" asked of a programming "
                                     "book); then it is not answered.")
    not_reported: bool = Field(False, description="Whether the question asks what a study found and the passages that "
                               "match it stand where their papers report no finding of their own (Methods, Background, "
                               "a protocol); then it is not answered.")
    hits: list[HitOut]


class CiteRequest(_Strict):
    hits: list[HitOut] = Field(max_length=MAX_K, description="Hits as /api/search answers them.")
    format: CitationFormat = Field("plain", description="plain, markdown, bibtex or ris.")


class CiteResponse(BaseModel):
    citations: str = Field(description="One entry per hit, linked to the page's viewer at the passage.")


class CheckRequest(_Strict):
    claim: str = Field(description="One claim to check against the collection.")


class EvidenceOut(BaseModel):
    text: str
    doc_id: str
    title: str
    start: int
    end: int
    page: int | None
    label: Literal["supports", "contradicts", "related"]
    score: float = Field(description="Probability that the sentence is evidence about the claim.")
    section: str = Field("", description="The headings the sentence stands under, joined by ' › '.")
    page_label: str = Field("", description="The page number printed on its page, where it differs from `page`.")


class CheckResponse(BaseModel):
    verdict: Literal["supported", "contradicted", "not_found"]
    confidence: float = Field(description="For supported/contradicted: P(evidence) of the best sentence times "
                                          "P(its polarity); for not_found: 1 - P(evidence) of the closest, or 1 "
                                          "when the claim names what no document mentions.")
    evidence: list[EvidenceOut]
    not_mentioned: list[str] = Field(default_factory=list, description="Names the claim uses that no document "
                                     "mentions; when any, the verdict is not_found.")


class DocumentOut(BaseModel):
    doc_id: str
    title: str


class DocumentsResponse(BaseModel):
    documents: list[DocumentOut]


class PassageResponse(BaseModel):
    doc_id: str
    title: str
    start: int
    end: int
    text: str
    before: str = Field(description=f"Up to `context` (at most {MAX_CONTEXT}) characters before the passage.")
    after: str
    pages: list[int]
    page_labels: list[str]
    section: str
    document_characters: int


class IndexedOut(BaseModel):
    doc_id: str
    passages: int
    characters: int


class SkippedOut(BaseModel):
    file: str
    reason: str


class UploadResponse(BaseModel):
    indexed: list[IndexedOut]
    skipped: list[SkippedOut]
    documents: int = Field(description="Documents in the collection after the upload.")
    passages: int
