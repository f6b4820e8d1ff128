"""How often the highlighted sentence is the one that answers: on our own questions and on SciFact.

    python -m benchmarks.highlight_eval [--split dev|train] [--claims ../shared/scifact-claims] [--beir ../shared/beir/scifact]
                                        [--pdf-qa ../shared/pdf-qa] [--pdf-index .cache/pdf-qa/index]

Each hit carries "the sentence that best answers" (`Hit.highlight`).  Counted over hits that contain
an answer at all, so retrieval quality does not enter:
- own set (eval/questions.jsonl, index/): hits among the top 5 whose passage contains the
  question's answer text; right when the highlight overlaps that text;
- SciFact dev claims as questions (the SciFact index): hits among the top 10 from a gold
  abstract whose passage contains a rationale sentence; right when the highlight is one.
- ../shared/pdf-qa (its index as `benchmarks/pdf_qa.py` builds it): for the top hit of each
  answerable question, whether its highlight overlaps an answer string; and among the top 5 hits
  that contain an answer string, the share whose highlight does.
Beside each, the share a highlight of the passage's first sentence would get, and the share a
sentence picked at random would get on average, so the figure has a floor to compare with.  Then
per answer: of the questions (SciFact: claim and gold abstract) whose answer lies in one of the
hits, the share where some hit highlights it (what a reader sees; a window that would highlight
an already highlighted sentence is not returned, so per-hit shares count fewer right repeats).
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path

from assistant.claims.train import gold_spans, load_claims, load_corpus
from assistant.evaluation import dataset_searcher, load_beir
from assistant.search import Hit, Searcher


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) - max(a[0], b[0]) > 0


def _score(searcher: Searcher, hit: Hit, answers: list[tuple[int, int]]) -> tuple[int, int, float] | None:
    """(highlight right, first sentence right, chance of a random sentence) for one hit, or None
    when no answer lies inside the hit's passage."""
    index = searcher.index
    row = next(p.row for p in map(index.passage, index.passage_rows([index.doc_row(hit.doc_id)]))
               if (p.start, p.end) == (hit.start, hit.end))
    spans = [index.sentence_span(r) for r in index.passage_sentences(row)]
    inside = [s for s in spans if any(_overlaps(s, ans) for ans in answers)]
    if not inside or not spans:
        return None
    right = any(_overlaps((hit.highlight.start, hit.highlight.end), ans) for ans in answers)
    return int(right), int(spans[0] in inside), len(inside) / len(spans)


def _report(name: str, scored: list[tuple[int, int, float]], answers: list[bool]) -> None:
    n = len(scored)
    print(f"{name}: highlight right in {sum(s[0] for s in scored)}/{n} = {sum(s[0] for s in scored) / n:.3f} of hits "
          f"that contain an answer (first sentence {sum(s[1] for s in scored) / n:.3f}, "
          f"random sentence {sum(s[2] for s in scored) / n:.3f}); answer highlighted in some hit for "
          f"{sum(answers)}/{len(answers)} = {sum(answers) / len(answers):.3f} of answers found")


def own_set(index_dir: Path, questions: Path) -> None:
    searcher = Searcher(index_dir)
    scored, answers = [], []
    for line in questions.read_text().splitlines():
        q = json.loads(line)
        if not q.get("answer"):
            continue
        mine = []
        for hit in searcher.search(q["text"], k=5):
            doc = searcher.index.document(searcher.index.doc_row(hit.doc_id))
            at = doc.text.find(q["answer"], hit.start)
            if 0 <= at and at + len(q["answer"]) <= hit.end:
                s = _score(searcher, hit, [(at, at + len(q["answer"]))])
                if s:
                    mine.append(s)
        scored += mine
        if mine:
            answers.append(any(s[0] for s in mine))
    _report(f"own set ({questions}, top 5)", scored, answers)


def scifact(claims_dir: Path, beir: Path, split: str = "dev") -> None:
    searcher = dataset_searcher(load_beir(beir, "test"))
    corpus = load_corpus(claims_dir)
    scored, answers = [], []
    for claim in load_claims(claims_dir / f"claims_{split}.jsonl"):
        gold = {d: [i for ev in evs for i in ev["sentences"]] for d, evs in (claim.get("evidence") or {}).items()}
        per_doc: dict[str, list] = {}
        for hit in searcher.search(claim["claim"], k=10):
            if hit.doc_id in gold:
                s = _score(searcher, hit, gold_spans(searcher, corpus, hit.doc_id, gold[hit.doc_id]))
                if s:
                    per_doc.setdefault(hit.doc_id, []).append(s)
        for mine in per_doc.values():
            scored += mine
            answers.append(any(s[0] for s in mine))
    _report(f"SciFact {split} claims (top 10, rationale sentences)", scored, answers)


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).replace("\u00ad", "").split()).casefold()


def pdf_qa(pdf_qa_dir: Path, index_dir: Path) -> None:
    searcher = Searcher(index_dir)
    top_right = inside = inside_right = answerable = 0
    for line in (pdf_qa_dir / "questions.jsonl").read_text().splitlines():
        q = json.loads(line)
        if not q["doc"]:
            continue
        answerable += 1
        for rank, hit in enumerate(searcher.search(q["question"], k=5)):
            doc = searcher.index.document(searcher.index.doc_row(hit.doc_id))
            spans = _answer_spans(doc.text, hit.start, hit.end, q["contains"])
            if not spans:
                continue
            inside += 1
            right = any(_overlaps((hit.highlight.start, hit.highlight.end), s) for s in spans)
            inside_right += right
            top_right += right and rank == 0
    print(f"pdf-qa: the top hit's highlight is the answer for {top_right}/{answerable} = {top_right / answerable:.3f} "
          f"of answerable questions; among the top-5 hits that contain the answer, {inside_right}/{inside} = "
          f"{inside_right / max(1, inside):.3f}")


def _answer_spans(text: str, start: int, end: int, contains: list[str]) -> list[tuple[int, int]]:
    """Spans in `text` of the answer strings found whole inside [start, end), compared as the
    set's scorer does (NFKC, soft hyphens out, whitespace collapsed, case-folded)."""
    spans = []
    for c in contains:
        words = _norm(c).split()
        pattern = r"\s+".join(re.escape(w) for w in words)
        for m in re.finditer(pattern, unicodedata.normalize("NFKC", text[start:end]).casefold()):
            spans.append((start + m.start(), start + m.end()))
    return spans


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", default="../shared/scifact-claims")
    ap.add_argument("--beir", default="../shared/beir/scifact")
    ap.add_argument("--questions", default="eval/questions.jsonl")
    ap.add_argument("--index-dir", default="index")
    ap.add_argument("--split", default="dev", choices=["train", "dev"], help="SciFact claims to use (tune on train)")
    ap.add_argument("--pdf-qa", default="../shared/pdf-qa")
    ap.add_argument("--pdf-index", default=".cache/pdf-qa/index", help="built by benchmarks/pdf_qa.py")
    args = ap.parse_args()
    if Path(args.pdf_index).exists():
        pdf_qa(Path(args.pdf_qa), Path(args.pdf_index))
    own_set(Path(args.index_dir), Path(args.questions))
    scifact(Path(args.claims), Path(args.beir), args.split)


if __name__ == "__main__":
    main()
