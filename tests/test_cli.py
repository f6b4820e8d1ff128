"""The `assistant` command end to end on a copy of the corpus: its `main` in this process, and in
subprocesses where only a process shows the behaviour."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

KEYS = ["rank", "score", "doc_id", "title", "source", "start", "end", "page", "page_label", "section", "text", "highlight",
        "probability", "match"]


def run(*args: str, cwd: Path, check: bool = False) -> subprocess.CompletedProcess:
    """`assistant ARGS` in `cwd` as a program calls it: `main(ARGS)` in this process, its output and
    exit status captured (the model loaded once per worker, not once a command). What only a process
    shows, an environment variable read at start, a closed pipe, is tested in subprocesses below."""
    from assistant import config
    from assistant.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    here, cache, precision = os.getcwd(), config.CACHE_DIR, config.ENCODER_PRECISION
    os.chdir(cwd)
    config.CACHE_DIR = cwd / ".cache"
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.chdir(here)
        config.CACHE_DIR, config.ENCODER_PRECISION = cache, precision
    proc = subprocess.CompletedProcess(["assistant", *args], code, out.getvalue(), err.getvalue())
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def workdir(tmp_path_factory, corpus_index) -> Path:
    """A folder with corpus/ and a ready index/ (copied from the session index)."""
    import shutil

    from tests.conftest import CORPUS

    d = tmp_path_factory.mktemp("cli")
    shutil.copytree(CORPUS, d / "corpus")
    shutil.copytree(corpus_index, d / "index")
    return d


def test_index_prints_report_and_is_incremental(workdir):
    out = run("index", "--json", cwd=workdir, check=True).stdout
    payload = json.loads(out)
    assert len(payload["files"]) == 4 and all(f["status"] == "ok" and f["passages"] > 0 for f in payload["files"])
    assert payload["index"]["embedded_passages"] == 0 and payload["index"]["reused_documents"] == 4
    text = run("index", cwd=workdir, check=True).stdout
    assert "ok       corpus/neuropsychotherapy.txt" in text and "4 unchanged" in text


def test_the_number_of_passages_may_be_given_as_minus_k():
    # "-k 2" is how grep, pytest and most search tools spell it; argparse took it for no option
    from assistant.cli.main import build_parser

    assert build_parser().parse_args(["search", "What is neuroplasticity?", "-k", "2"]).k == 2
    assert build_parser().parse_args(["eval", "-k", "20", "-k", "50"]).k == [20, 50]


def test_search_json_and_human(workdir):
    proc = run("search", "Which brain regions are linked to depression?", "--json", "--k", "3", cwd=workdir, check=True)
    out = json.loads(proc.stdout)
    hits = out["hits"]
    assert out["answered"] is True and out["searched_for"] == "Which brain regions are linked to depression?"
    assert out["conversation_documents"] == []  # a question that stands alone
    assert len(hits) == 3 and list(hits[0]) == KEYS
    assert hits[0]["doc_id"] == "neuroplasticity-and-neuropsychiatry.txt"
    human = run("search", "Which brain regions are linked to depression?", "--k", "1", cwd=workdir, check=True).stdout
    assert "Neuroplasticity and Neuropsychiatry" in human and "score" in human and "»" in human
    assert out["not_mentioned"] == [] and out["not_reported"] is False
    # a name no document mentions: not answered, and the person is told which
    france = json.loads(run("search", "Who treats depression in France?", "--json", cwd=workdir, check=True).stdout)
    assert france["answered"] is False and france["not_mentioned"] == ["France"]
    human = run("search", "Who treats depression in France?", "--k", "1", cwd=workdir, check=True).stdout
    assert 'none of them says anything about "France"' in human and "not answers" in human


def test_search_output_read_in_part_ends_quietly(workdir):
    # `assistant search ... | head`: the reader closes the pipe after a line while more than a pipe's
    # buffer is still to come (each line of a batch is written at once); no traceback.
    batch = workdir / "many.jsonl"
    batch.write_text("".join(json.dumps({"id": i, "question": "How does the brain change?"}) + "\n" for i in range(40)))
    env = dict(os.environ, PYTHONPATH=str(ROOT), ASSISTANT_CACHE=str(workdir / ".cache"))
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "search", "--batch", str(batch), "--k", "16",
                             "--context", "2000"], cwd=workdir, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(b'{"id": 0')
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=600) == 141 and "Traceback" not in err, err


def test_search_cite_prints_the_hits_as_citations_in_the_format_asked(workdir):
    ris = run("search", "Which brain regions are linked to depression?", "--k", "2", "--cite", "ris", cwd=workdir,
              check=True).stdout
    assert ris.count("TY  - ") == 2 and ris.count("ER  - ") == 2
    assert "TI  - Neuroplasticity and Neuropsychiatry" in ris
    out = json.loads(run("search", "What is neuropsychotherapy?", "--k", "1", "--cite", "bibtex", "--json", cwd=workdir,
                         check=True).stdout)
    assert out["citations"].startswith("@misc{") and len(out["hits"]) == 1
    refused = run("search", "--batch", "q.jsonl", "--cite", "plain", cwd=workdir)
    assert refused.returncode != 0 and "--cite is for one question" in refused.stderr


def test_search_context_shows_the_text_around_each_hit(workdir):
    out = json.loads(run("search", "What is neuropsychotherapy?", "--k", "2", "--context", "80", "--json", cwd=workdir,
                         check=True).stdout)
    from assistant.index import open_index

    index = open_index(workdir / "index")
    for hit in out["hits"]:
        text = index.document(index.doc_row(hit["doc_id"])).text
        assert hit["before"] == text[max(0, hit["start"] - 80):hit["start"]] and hit["after"] == text[hit["end"]:hit["end"] + 80]
        assert hit["before"] or hit["after"]
    human = run("search", "What is neuropsychotherapy?", "--k", "1", "--context", "40", cwd=workdir, check=True).stdout
    assert "[…" in human or "…]" in human  # the surrounding text, marked off from the passage
    (workdir / "ctx.jsonl").write_text(json.dumps({"id": "q1", "question": "What is neuropsychotherapy?"}) + "\n")
    line = json.loads(run("search", "--batch", "ctx.jsonl", "--k", "1", "--context", "30", cwd=workdir,
                          check=True).stdout)
    hit = line["hits"][0]
    text = index.document(index.doc_row(hit["doc_id"])).text
    assert hit["after"] == text[hit["end"]:hit["end"] + 30]  # --batch lines carry the context too
    both = run("search", "What is neuropsychotherapy?", "--context", "30", "--cite", "ris", cwd=workdir)
    assert both.returncode != 0 and "no place for --context" in both.stderr  # never accepted and ignored
    refused = run("search", "What is neuropsychotherapy?", "--context", "5000", cwd=workdir)
    assert refused.returncode != 0 and "--context must be between 0 and 2000" in refused.stderr


def test_search_filter_and_history(workdir):
    hits = json.loads(run("search", "anxiety", "--doc", "neuropsychotherapy.txt", "--json", cwd=workdir,
                          check=True).stdout)["hits"]
    assert {h["doc_id"] for h in hits} == {"neuropsychotherapy.txt"}
    proc = run("search", "And for anxiety?", "--history", "Which brain regions are linked to depression?",
               "--k", "1", cwd=workdir, check=True)
    assert "searched for: Which brain regions are linked to anxiety?" in proc.stdout
    assert "insula" in proc.stdout


def test_batch(workdir, tmp_path):
    batch = tmp_path / "q.jsonl"
    batch.write_text(json.dumps({"id": "a", "question": "What is structural neuroplasticity?"}) + "\n"
                     + json.dumps({"id": "b", "question": "And for anxiety?",
                                   "history": ["Which brain regions are linked to depression?"]}) + "\n"
                     + '{"id": "broken", "question": \n' + json.dumps({"id": "c", "question": ""}) + "\n"
                     # a question typed as it is, as in a file of questions one a line
                     + "Which brain regions are linked to anxiety?\n")
    proc = run("search", "--batch", str(batch), "--k", "2", cwd=workdir)
    lines = [json.loads(ln) for ln in proc.stdout.splitlines()]
    assert [ln["id"] for ln in lines] == ["a", "b", 3, "c", 5]
    assert lines[4]["question"] == "Which brain regions are linked to anxiety?" and lines[4]["answered"]
    assert "insula" in lines[4]["hits"][0]["highlight"]["text"]
    assert lines[0]["question"] == "What is structural neuroplasticity?"
    assert lines[0]["hits"][0]["doc_id"] == "neuroplasticity-in-mental-health-recovery.txt"
    assert "insula" in lines[1]["hits"][0]["highlight"]["text"]
    # every line says what it was searched as, as `--json` does; a follow-up also where it was
    # looked for first
    assert lines[0]["searched_for"] == "What is structural neuroplasticity?" and lines[0]["conversation_documents"] == []
    assert "anxiety" in lines[1]["searched_for"] and lines[1]["conversation_documents"]
    assert lines[0]["not_mentioned"] == []
    assert "not valid JSON" in lines[2]["error"] and "empty" in lines[3]["error"]
    assert all(isinstance(ln["latency_ms"], float) for ln in lines)
    assert proc.returncode == 1  # some lines failed, and the exit says so


def test_check_batch_reads_claims_typed_one_a_line_beside_json_lines(workdir, tmp_path):
    batch = tmp_path / "claims.txt"
    batch.write_text("Neuropsychotherapy combines psychotherapy and neurobiology.\n\n"
                     + json.dumps({"id": "tower", "claim": "The Eiffel Tower is located in Berlin."}) + "\n")
    proc = run("check", "--batch", str(batch), cwd=workdir, check=True)
    lines = [json.loads(ln) for ln in proc.stdout.splitlines()]
    assert [(ln["id"], ln["claim"]) for ln in lines] == [
        (1, "Neuropsychotherapy combines psychotherapy and neurobiology."), ("tower", "The Eiffel Tower is located in Berlin.")]
    assert lines[0]["verdict"] == "supported" and lines[1]["verdict"] == "not_found"


def test_batch_lines_name_what_no_document_mentions(workdir, tmp_path):
    # the batch says why a line is not answered, as `search --json` does
    batch = tmp_path / "names.jsonl"
    batch.write_text(json.dumps({"id": "fr", "question": "Who treats depression in France?"}) + "\n"
                     + json.dumps({"id": "ok", "question": "Which brain regions are linked to depression?"}) + "\n")
    lines = {ln["id"]: ln for ln in map(json.loads, run("search", "--batch", str(batch), cwd=workdir, check=True).stdout.splitlines())}
    assert lines["fr"]["answered"] is False and lines["fr"]["not_mentioned"] == ["France"]
    assert lines["ok"]["answered"] is True and lines["ok"]["not_mentioned"] == []


def test_a_followup_names_the_documents_it_was_looked_for_in_first(workdir):
    human = run("search", "And for anxiety?", "--history", "Which brain regions are linked to depression?", "--k", "2",
                cwd=workdir, check=True).stdout
    assert "(searched for: Which brain regions are linked to anxiety?; first in the previous answer's documents: " in human


def test_a_question_going_on_with_a_named_subject_says_where_it_was_looked_for_first(workdir):
    # searched as typed (nothing to rewrite), yet among the previous answer's documents first
    human = run("search", "Which models use neuroscience?", "--history", "What are the limitations of CBT models?",
                "--k", "2", cwd=workdir, check=True).stdout
    assert human.startswith("(searched first in the previous answer's documents: "), human[:200]


def test_bad_input_messages(workdir, tmp_path):
    cases = [
        (("search", ""), "empty"),
        (("search", "x" * 100_000), "limit"),
        (("search", "q", "--index-dir", str(tmp_path / "missing")), "no index directory"),
        (("index", str(tmp_path / "nowhere")), "no such file or folder"),
        (("search", "q", "--k", "0"), "--k"),
        (("search", "q", "--doc", "nope.txt"), "no document"),
    ]
    for args, message in cases:
        proc = run(*args, cwd=workdir)
        assert proc.returncode != 0, args
        assert message in proc.stderr, (args, proc.stderr)
        assert "Traceback" not in proc.stderr
    # Control characters are cleaned, not fatal.
    ok = run("search", "depression\x07\x1b[31m brain", "--json", cwd=workdir, check=True)
    assert json.loads(ok.stdout)["hits"]


def test_nothing_lost_when_corpus_unreadable(workdir, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    proc = run("index", str(empty), cwd=workdir)
    assert proc.returncode != 0 and "left as it is" in proc.stderr
    hits = json.loads(run("search", "depression", "--json", cwd=workdir, check=True).stdout)["hits"]
    assert hits  # the index still answers


def test_damaged_index_message(workdir, tmp_path):
    import shutil

    broken = tmp_path / "broken-index"
    shutil.copytree(workdir / "index", broken)
    gen = broken / (broken / "CURRENT").read_text().strip()
    (gen / "passage_span.npy").write_bytes(b"garbage")
    proc = run("search", "q", "--index-dir", str(broken), cwd=workdir)
    assert proc.returncode == 1 and "--rebuild" in proc.stderr and "Traceback" not in proc.stderr


def test_fresh_clone_first_search_builds_index(tmp_path):
    import shutil

    from tests.conftest import CORPUS

    shutil.copytree(CORPUS, tmp_path / "corpus")
    proc = run("search", "What is neuropsychotherapy?", "--json", "--k", "1", cwd=tmp_path, check=True)
    assert json.loads(proc.stdout)["hits"][0]["doc_id"] == "neuropsychotherapy.txt"
    assert "building it from corpus/" in proc.stderr
    assert (tmp_path / "index" / "CURRENT").exists()


def test_every_flag_added_acts_or_is_refused(workdir, tmp_path):
    # --mode in a batch ranks as it does for one question
    batch = tmp_path / "q.jsonl"
    batch.write_text(json.dumps({"id": "a", "question": "Which brain regions are linked to depression?"}) + "\n")
    single = json.loads(run("search", "Which brain regions are linked to depression?", "--mode", "bm25", "--json",
                            cwd=workdir, check=True).stdout)["hits"]
    batched = json.loads(run("search", "--batch", str(batch), "--mode", "bm25", cwd=workdir, check=True).stdout)
    hybrid = json.loads(run("search", "--batch", str(batch), cwd=workdir, check=True).stdout)
    assert [h["score"] for h in batched["hits"]] == [h["score"] for h in single]
    assert [h["score"] for h in batched["hits"]] != [h["score"] for h in hybrid["hits"]]
    # flags a command cannot act on are refused, not ignored
    both = run("search", "a question", "--batch", str(batch), cwd=workdir)
    assert both.returncode == 1 and "--batch reads questions" in both.stderr
    eval_both = run("eval", "--dataset", str(tmp_path), "--index-dir", "index", cwd=workdir)
    assert eval_both.returncode == 1 and "--index-dir is for our own set" in eval_both.stderr
    # --index-type hnsw, --precision int8, ASSISTANT_VECTORS and ASSISTANT_PASSAGES reach the manifest
    env = dict(os.environ, PYTHONPATH=str(ROOT), ASSISTANT_CACHE=str(tmp_path / ".cache"),
               ASSISTANT_VECTORS="late", ASSISTANT_PASSAGES="windows")
    subprocess.run([sys.executable, "-m", "assistant", "index", "corpus", "--index-dir", str(tmp_path / "idx"),
                    "--index-type", "hnsw", "--precision", "int8"], cwd=workdir, env=env, check=True,
                   capture_output=True, timeout=600)
    from assistant.index import open_index

    manifest = open_index(tmp_path / "idx").manifest
    assert manifest["index"]["type"] == "hnsw" and manifest["chunking"]["vectors"] == "late"
    assert manifest["chunking"]["unit"] == "windows"
    assert manifest["model"]["precision"] == "int8"
    # eval --index-dir asks our set of that live index: one holding a single article misses the
    # questions about the other three (the default, the four articles indexed for it, misses none)
    subprocess.run([sys.executable, "-m", "assistant", "index", "corpus/neuropsychotherapy.txt", "--index-dir",
                    str(tmp_path / "one")], cwd=workdir, env=env, check=True, capture_output=True, timeout=600)
    live = subprocess.run([sys.executable, "-m", "assistant", "eval", "--index-dir", str(tmp_path / "one"), "--json",
                           "--report", str(tmp_path / "rep")], cwd=workdir, env=env, capture_output=True, text=True,
                          timeout=600)
    assert live.returncode == 0, live.stderr
    assert json.loads(live.stdout)["metrics"]["hybrid"]["recall@100"] < 0.9
    bad = subprocess.run([sys.executable, "-m", "assistant", "search", "x"], cwd=workdir, capture_output=True,
                         text=True, env=dict(env, ASSISTANT_VECTORS="fast"), timeout=120)
    assert bad.returncode != 0 and "ASSISTANT_VECTORS" in bad.stderr


def test_a_highlight_on_two_lines_is_printed_indented_under_its_label():
    # "... the following command:" and the command under it: the command must not fall to column 0,
    # out of the hit it belongs to.
    from assistant.cli.output import format_hit
    from assistant.search import Highlight, Hit

    text = "Step 3\nNow run the checker with this command:\n\ncargo check-all"
    hit = Hit(1, 0.8, "README.md", "Checker", "README.md", 0, len(text), None, text,
              Highlight(text[7:], 7, len(text)))
    lines = format_hit(hit, color=False).split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith("   best sentence: "))
    assert lines[at:at + 2] == ["   best sentence: Now run the checker with this command:", "                  cargo check-all"]


def test_a_table_rows_best_sentence_names_each_cells_column():
    # "Panic disorder | 25 mg a day | 200 mg a day" alone does not say which dose is the starting
    # one: the summary line reads each cell under its column's header; a row the passage shows no
    # header for is printed as it stands.
    from assistant.cli.output import format_hit
    from assistant.search import Highlight, Hit

    text = ("How to take it\nCondition | Starting dose | Usual maximum\nDepression | 50 mg a day | 200 mg a day\n"
            "Panic disorder | 25 mg a day | 200 mg a day")
    at = text.index("Panic")
    hit = Hit(1, 0.8, "leaflet.md", "Sertraline", "leaflet.md", 0, len(text), None, text, Highlight(text[at:], at, len(text)))
    assert "   best sentence: Panic disorder | Starting dose: 25 mg a day | Usual maximum: 200 mg a day" in format_hit(hit, False)
    cut = text[text.index("Depression"):]
    alone = Hit(1, 0.8, "leaflet.md", "Sertraline", "leaflet.md", 0, len(cut), None, cut,
                Highlight(cut[cut.index("Panic"):], cut.index("Panic"), len(cut)))
    assert "   best sentence: Panic disorder | 25 mg a day | 200 mg a day" in format_hit(alone, False)


def test_the_page_says_where_a_question_searched_as_typed_was_looked_for_first():
    from assistant.ui.render import render_turn

    turn = {"question": "Which models use neuroscience?", "resolved": "Which models use neuroscience?",
            "conversation_documents": ["review.txt"], "answered": True, "hits": []}
    assert "Searched first in the previous answer's documents: review.txt" in render_turn(turn)
    assert "Searched" not in render_turn({**turn, "conversation_documents": []})


def test_search_says_when_a_finding_is_not_reported_in_json_batch_and_text(tmp_path):
    # A trial's protocol beside another document: its Methods name the outcome the question asks
    # about, but it reports no result; every output of `search` says so.
    from tests.test_findings import OTHER, PROTOCOL

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "protocol.md").write_text(PROTOCOL)
    (tmp_path / "docs" / "sleep.md").write_text(OTHER)
    run("index", "docs", cwd=tmp_path, check=True)
    question = "In BeneMin, did minocycline lower PANSS negative symptom scores compared with placebo?"
    out = json.loads(run("search", question, "--json", cwd=tmp_path, check=True).stdout)
    assert out["answered"] is False and out["not_reported"] is True and out["hits"]
    batch = tmp_path / "q.jsonl"
    batch.write_text(json.dumps({"id": "f", "question": question}) + "\n"
                     + json.dumps({"id": "m", "question": "What is the primary outcome of the BeneMin trial?"}) + "\n")
    lines = {ln["id"]: ln for ln in map(json.loads, run("search", "--batch", str(batch), cwd=tmp_path, check=True).stdout.splitlines())}
    assert lines["f"]["not_reported"] is True and lines["f"]["answered"] is False
    assert lines["m"]["not_reported"] is False and lines["m"]["answered"] is True
    human = run("search", question, "--k", "1", cwd=tmp_path, check=True).stdout
    assert "asks what a study found" in human and "not answers" in human
    # the Service behind the HTTP API and the MCP tools says so too
    from assistant.service import Service

    served = Service(tmp_path / "index", tmp_path / "uploads").search(question, [], 3)
    assert served["not_reported"] is True and served["answered"] is False
