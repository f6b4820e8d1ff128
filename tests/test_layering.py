"""The packages are the pipeline: a stage imports only the stages before it (what the README's
architecture section says)."""

from __future__ import annotations

import ast
import re

from tests.conftest import ROOT

# Each stage, in pipeline order; a module may import its own stage and those listed before it.
STAGES = ["config", "text", "fileio", "ingest", "chunking", "embedding", "index", "search", "claims", "evaluation",
          "service", "cli", "ui"]
# Training a claim or answer model reads an evaluation dataset (and SciFact's rationale sentences
# through the claim trainer's loaders): tools beside the pipeline, not stages of it.
ALLOWED = {("claims/train.py", "evaluation"), ("search/train_answer.py", "evaluation"),
           ("search/train_answer.py", "claims"), ("cli", "ui")}


def _stage(module: str) -> str:
    return module.split(".")[1] if module.startswith("assistant.") else ""


def test_no_stage_imports_a_later_one():
    wrong = []
    for path in sorted((ROOT / "assistant").rglob("*.py")):
        rel = path.relative_to(ROOT / "assistant").as_posix()
        own = rel.split("/")[0].removesuffix(".py")
        if own not in STAGES:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                target = _stage(name)
                if target in STAGES and STAGES.index(target) > STAGES.index(own) \
                        and (rel, target) not in ALLOWED and (own, target) not in ALLOWED:
                    wrong.append(f"{rel} imports {name}")
    assert not wrong, wrong


def test_nothing_outside_the_index_package_reads_its_files_or_tables():
    # file names of a generation, and raw table access (the Index methods have other names)
    pattern = re.compile(r"faiss\.index|documents\.jsonl|manifest\.json|bm25_vocab|_offsets\.npy|\.tables\b"
                         r"|\.(passage_span|passage_sent|passage_doc|sentence_doc|sentence_span|dense|bm25_terms)\[")
    offenders = [f"{p.relative_to(ROOT)}: {m.group()}" for p in (ROOT / "assistant").rglob("*.py")
                 if p.relative_to(ROOT / "assistant").parts[0] != "index"
                 for m in pattern.finditer(p.read_text())]
    assert not offenders, offenders
