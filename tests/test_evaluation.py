from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from assistant.evaluation import (
    DatasetError,
    doc_run,
    load_beir,
    paired_tests,
    read_qrels,
    score_metrics,
    write_trec_run,
)
from tests.conftest import SCIFACT


def test_metrics_match_hand_computation():
    # q1: relevant d1 (rank 2) and d3 (rank 4); q2: relevant d9 not retrieved at all.
    qrels = {"q1": {"d1": 1, "d3": 1}, "q2": {"d9": 1}}
    run = {"q1": {"d2": 0.9, "d1": 0.8, "d4": 0.7, "d3": 0.6}, "q2": {"d5": 1.0}}
    means, per = score_metrics(qrels, run)
    dcg = 1 / math.log2(3) + 1 / math.log2(5)
    idcg = 1 + 1 / math.log2(3)
    assert per["ndcg@10"]["q1"] == pytest.approx(dcg / idcg)
    assert per["ndcg@10"]["q2"] == 0
    assert means["ndcg@10"] == pytest.approx(dcg / idcg / 2)
    assert per["mrr@10"]["q1"] == pytest.approx(0.5)
    assert per["recall@5"]["q1"] == 1.0 and per["recall@5"]["q2"] == 0.0
    assert per["map"]["q1"] == pytest.approx((1 / 2 + 2 / 4) / 2)


def test_query_without_results_counts_as_zero():
    means, _ = score_metrics({"q1": {"d1": 1}, "q2": {"d2": 1}}, {"q1": {"d1": 1.0}})
    assert means["recall@5"] == pytest.approx(0.5)


def test_doc_run_takes_best_passage():
    import numpy as np

    # passages 0,1 belong to doc a; 2 to doc b
    run = doc_run(np.array([0, 1, 2]), np.array([0.2, 0.9, 0.5]), ["a", "a", "b"])
    assert run == {"a": 0.9, "b": 0.5}


def test_paired_test_identical_and_different():
    per = {"x": {"ndcg@10": {"q1": 0.1, "q2": 0.2, "q3": 0.3}}, "y": {"ndcg@10": {"q1": 0.1, "q2": 0.2, "q3": 0.3}},
           "z": {"ndcg@10": {"q1": 0.9, "q2": 0.95, "q3": 0.99}}}
    tests = {(t["a"], t["b"]): t for t in paired_tests(per)}
    assert tests[("x", "y")]["p_value"] == 1.0
    assert tests[("x", "z")]["p_value"] < 0.05


def test_qrels_header_crlf_and_errors(tmp_path: Path):
    f = tmp_path / "q.tsv"
    f.write_bytes(b"query-id\tcorpus-id\tscore\r\n1\td1\t1\r\n1\td2\t2\r\n")
    assert read_qrels(f) == {"1": {"d1": 1, "d2": 2}}
    f.write_text("query-id\tcorpus-id\tscore\n1\td1\n")
    with pytest.raises(DatasetError, match=":2:"):
        read_qrels(f)


def _mini_beir(root: Path, qrels: str) -> Path:
    (root / "qrels").mkdir(parents=True)
    (root / "corpus.jsonl").write_text(json.dumps({"_id": "d1", "title": "T", "text": "x"}) + "\n")
    (root / "queries.jsonl").write_text(json.dumps({"_id": "1", "text": "q"}) + "\n")
    (root / "qrels" / "test.tsv").write_text(qrels)
    return root


def test_unknown_ids_name_the_line(tmp_path: Path):
    with pytest.raises(DatasetError, match=r"test.tsv:3: document id 'd7'"):
        load_beir(_mini_beir(tmp_path / "a", "query-id\tcorpus-id\tscore\n1\td1\t1\n1\td7\t1\n"))
    with pytest.raises(DatasetError, match=r"query id '9'"):
        load_beir(_mini_beir(tmp_path / "b", "9\td1\t1\n"))
    with pytest.raises(DatasetError, match="missing"):
        load_beir(tmp_path / "nothing")


def test_trec_run_file(tmp_path: Path):
    write_trec_run({"q1": {"a": 0.5, "b": 0.9}}, tmp_path / "r.trec", "hybrid")
    assert (tmp_path / "r.trec").read_text().splitlines() == ["q1 Q0 b 1 0.900000 hybrid", "q1 Q0 a 2 0.500000 hybrid"]


@pytest.mark.skipif(not SCIFACT.exists(), reason="needs ../shared/beir/scifact")
def test_scifact_files_load():
    ds = load_beir(SCIFACT, "test")
    assert len(ds.queries) == 300 and sum(len(r) for r in ds.qrels.values()) == 339


@pytest.mark.skipif(not SCIFACT.exists(), reason="needs ../shared/beir/scifact")
def test_eval_command_on_a_scifact_slice(tmp_path: Path):
    """The whole `assistant eval --dataset` path on 10 test queries and their abstracts plus 30 distractors."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    ds = load_beir(SCIFACT, "test")
    qids = sorted(ds.qrels)[:10]
    wanted = {d for q in qids for d in ds.qrels[q]}
    root = tmp_path / "slice"
    (root / "qrels").mkdir(parents=True)
    lines = (SCIFACT / "corpus.jsonl").read_text().splitlines()
    keep = [ln for ln in lines if json.loads(ln)["_id"] in wanted] + lines[:30]
    (root / "corpus.jsonl").write_text("\n".join(dict.fromkeys(keep)) + "\n")
    (root / "queries.jsonl").write_text("".join(json.dumps({"_id": q, "text": ds.queries[q]}) + "\n" for q in qids))
    (root / "qrels" / "test.tsv").write_text(
        "query-id\tcorpus-id\tscore\r\n" + "".join(f"{q}\t{d}\t1\r\n" for q in qids for d in ds.qrels[q]))
    env = {"PYTHONPATH": str(ROOT), "ASSISTANT_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    cmd = [sys.executable, "-m", "assistant", "eval", "--dataset", str(root), "--report", str(tmp_path / "rep"), "--json"]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert first.returncode == 0, first.stderr
    result = json.loads(first.stdout)
    m = result["metrics"]
    assert set(m) == {"bm25", "dense", "hybrid"}
    assert m["hybrid"]["ndcg@10"] >= max(m["bm25"]["ndcg@10"], m["dense"]["ndcg@10"]) - 0.05
    assert m["hybrid"]["recall@100"] > 0.9
    for name in ("report.md", "report.json", "recall.png", "bm25.trec", "dense.trec", "hybrid.trec"):
        assert (tmp_path / "rep" / name).stat().st_size > 0
    # A second run over the same corpus embeds nothing: the index and embedding cache are reused.
    import shutil

    shards = sorted((tmp_path / "cache" / "embeddings").rglob("*.npy"))
    assert shards
    shutil.rmtree(tmp_path / "cache" / "eval")  # force a rebuild of the index from the cache
    second = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert second.returncode == 0, second.stderr
    assert sorted((tmp_path / "cache" / "embeddings").rglob("*.npy")) == shards  # nothing new was embedded
    assert json.loads(second.stdout)["metrics"] == m


def test_eval_runs_our_set_from_any_folder(tmp_path: Path):
    # A fresh folder with no eval/, corpus/ or index/: `assistant eval` still runs the shipped set
    # over the articles it asks about, indexed for it under the cache folder.
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = {"PYTHONPATH": str(ROOT), "ASSISTANT_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin",
           "HOME": str(Path.home())}
    out = subprocess.run([sys.executable, "-m", "assistant", "eval", "--json"], cwd=tmp_path, capture_output=True,
                         text=True, env=env, timeout=600)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["dataset"] == "own" and result["queries"] == 45
    assert result["metrics"]["hybrid"]["recall@5"] > 0.9
    assert (tmp_path / "reports" / "own" / "report.md").exists()
    assert not (tmp_path / "index").exists(), "the live index is not where our set is searched"


def test_the_identifier_grid_scores_each_weight_on_the_fused_runs():
    # Two passages of two documents for one query: "a" leads on the other scores, "b" holds the
    # query's identifier and is the relevant one, so only a large enough identifier weight finds it.
    import numpy as np

    from assistant.search.searcher import Candidates
    from benchmarks.tune_fusion import identifier_grid

    cand = Candidates(rows=np.array([0, 1]), dense=np.array([0.6, 0.5], np.float32),
                      bm25=np.array([1.0, 1.0], np.float32), sentence=np.array([0.6, 0.5], np.float32),
                      identifier=np.array([0.0, 1.0], np.float32))
    grid = identifier_grid({"q": cand}, ["a", "b"], {"q": {"b": 1}}, weights=(0.0, 0.15))
    assert [w for w, _ in grid] == [0.0, 0.15]
    assert grid[0][1] < 1.0 and grid[1][1] == pytest.approx(1.0)


def test_search_latency_times_an_index_of_ones_own_with_its_questions(corpus_index, tmp_path, monkeypatch, capsys):
    # `--index-dir` with `--questions` (JSONL or a question a line) times that index's searches;
    # either alone is refused rather than ignored.
    from benchmarks import search_latency

    questions = tmp_path / "questions.jsonl"
    questions.write_text('{"id": "a", "question": "What is neuroplasticity?"}\n{"id": "b", "text": "What is neuropsychotherapy?"}\n')
    monkeypatch.setattr("sys.argv", ["search_latency.py", "--index-dir", str(corpus_index), "--questions", str(questions)])
    search_latency.main()
    assert "search latency over 2 questions" in capsys.readouterr().out
    plain = tmp_path / "questions.txt"
    plain.write_text("What is neuroplasticity?\n\nHow does therapy change the brain?\nWhat causes anxiety?\n")
    monkeypatch.setattr("sys.argv", ["search_latency.py", "--index-dir", str(corpus_index), "--questions", str(plain), "--n", "2"])
    search_latency.main()
    assert "search latency over 2 questions" in capsys.readouterr().out
    monkeypatch.setattr("sys.argv", ["search_latency.py", "--index-dir", str(corpus_index)])
    with pytest.raises(SystemExit):
        search_latency.main()
