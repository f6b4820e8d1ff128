"""Evaluation data: BEIR folders (corpus.jsonl, queries.jsonl, qrels/<split>.tsv) and our own set.

Public API: `Dataset`, `DatasetError`, `builtin_eval_set`, `load_beir`, `load_own_set`, `read_qrels`,
`read_queries`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from assistant import config
from assistant.fileio import iter_jsonl

__all__ = ["Dataset", "DatasetError", "builtin_eval_set", "load_beir", "load_own_set", "read_qrels", "read_queries"]


class DatasetError(ValueError):
    """A dataset file that cannot be read; the message names the file and line."""


@dataclass
class Dataset:
    name: str
    corpus_path: Path | None            # None: searched in a live index given by the caller
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]
    histories: dict[str, list[str]] = field(default_factory=dict)

    def fingerprint(self) -> str:
        if self.corpus_path is None:
            return "own"
        files = sorted(self.corpus_path.rglob("*")) if self.corpus_path.is_dir() else [self.corpus_path]
        stamp = "|".join(f"{f.resolve()}:{f.stat().st_size}:{f.stat().st_mtime_ns}" for f in files if f.is_file())
        return hashlib.sha1(stamp.encode()).hexdigest()[:10]


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    """TREC-style TSV `query-id corpus-id score`, with or without a header, LF or CRLF."""
    qrels: dict[str, dict[str, int]] = {}
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line:
            continue
        parts = line.split("\t") if "\t" in line else line.split()
        if number == 1 and parts[-1].lower() in ("score", "relevance"):
            continue  # header row
        if len(parts) == 4:  # TREC qrels: qid 0 docid rel
            parts = [parts[0], parts[2], parts[3]]
        if len(parts) != 3:
            raise DatasetError(f"{path}:{number}: expected 'query-id<TAB>corpus-id<TAB>score', got {line[:80]!r}")
        try:
            score = int(float(parts[2]))
        except ValueError as exc:
            raise DatasetError(f"{path}:{number}: score {parts[2]!r} is not a number") from exc
        qrels.setdefault(parts[0], {})[parts[1]] = score
    if not qrels:
        raise DatasetError(f"{path}: no relevance judgements")
    return qrels


def read_queries(path: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    queries: dict[str, str] = {}
    histories: dict[str, list[str]] = {}
    if not path.is_file():
        raise DatasetError(f"missing {path}")
    for number, rec, error in iter_jsonl(path):
        if rec is None:
            raise DatasetError(f"{path}: {error}")
        qid = rec.get("_id", rec.get("id"))
        text = rec.get("text", rec.get("question"))
        if qid is None or not isinstance(text, str):
            raise DatasetError(f"{path}:{number}: each line needs '_id' and 'text'")
        queries[str(qid)] = text
        if isinstance(rec.get("history"), list):
            histories[str(qid)] = [str(h) for h in rec["history"]]
    return queries, histories


def _corpus_ids(path: Path) -> set[str]:
    ids = set()
    for number, rec, error in iter_jsonl(path):
        if rec is None:
            raise DatasetError(f"{path}: {error}")
        if "_id" not in rec:
            raise DatasetError(f"{path}:{number}: no '_id'")
        ids.add(str(rec["_id"]))
    return ids


def load_beir(directory: Path, split: str = "test") -> Dataset:
    """corpus.jsonl, queries.jsonl and qrels/<split>.tsv; unknown ids are errors naming the line."""
    directory = Path(directory)
    corpus = directory / "corpus.jsonl"
    if not corpus.is_file():
        raise DatasetError(f"missing {corpus}")
    queries, histories = read_queries(directory / "queries.jsonl")
    qrels_path = directory / "qrels" / f"{split}.tsv"
    if not qrels_path.is_file():
        raise DatasetError(f"missing {qrels_path} (is --split right?)")
    qrels = read_qrels(qrels_path)
    doc_ids = _corpus_ids(corpus)
    lines = qrels_path.read_text(encoding="utf-8-sig").splitlines()
    for qid, rels in qrels.items():
        if qid not in queries:
            n = next((i for i, ln in enumerate(lines, 1) if ln.split("\t")[0].strip() == qid), "?")
            raise DatasetError(f"{qrels_path}:{n}: query id {qid!r} is not in queries.jsonl")
        for did in rels:
            if did not in doc_ids:
                n = next((i for i, ln in enumerate(lines, 1) if did in ln.split()), "?")
                raise DatasetError(f"{qrels_path}:{n}: document id {did!r} is not in corpus.jsonl")
    return Dataset(directory.name, corpus, {q: queries[q] for q in qrels}, qrels, histories)


def builtin_eval_set(directory: Path | None = None) -> Dataset:
    """Our set (default: the one shipped beside the package) over the four articles it was written
    about, which `run_evaluation` indexes for it under the cache folder: it runs from any folder,
    whatever the live index holds."""
    directory = directory or config.BUILTIN_EVAL_DIR
    if not (directory / "questions.jsonl").exists():
        raise DatasetError(f"no evaluation set in {directory} (questions.jsonl and qrels.tsv); "
                           f"this install does not ship one: pass --eval-dir and --index-dir")
    if not config.BUILTIN_CORPUS.is_dir():
        raise DatasetError(f"no {config.BUILTIN_CORPUS} with the articles the set asks about: pass --index-dir")
    return load_own_set(directory, config.BUILTIN_CORPUS)


def load_own_set(directory: Path, corpus: Path | None = None) -> Dataset:
    """Our set in `eval/`: questions.jsonl + qrels.tsv over the documents in corpus/; with `corpus`,
    that folder is indexed for it under the cache (else the caller's live index is searched)."""
    queries, histories = read_queries(directory / "questions.jsonl")
    qrels = read_qrels(directory / "qrels.tsv")
    missing = [q for q in qrels if q not in queries]
    if missing:
        raise DatasetError(f"{directory / 'qrels.tsv'}: unknown question ids {missing[:5]}")
    return Dataset("own", corpus, {q: queries[q] for q in qrels}, qrels, histories)
