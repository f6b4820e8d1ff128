"""The `assistant` subcommands: arguments in, calls to the library, text or JSON out.

Public API: `run_index`, `run_search`, `run_eval`, `run_check`, `run_serve`, `ensure_index`,
`CommandError`, and the exit codes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import TextIO

from assistant import config
from assistant.claims import ClaimError
from assistant.cli.output import format_hit, format_verdict, print_report
from assistant.embedding import get_encoder
from assistant.fileio import iter_batch
from assistant.index import build_index, index_arithmetic, index_exists
from assistant.ingest import load_paths
from assistant.search import Hit, Mode, QuestionError, Searcher, ask, not_answered_text
from assistant.service import MAX_CONTEXT
from assistant.service.citations import cite_hits

__all__ = ["EXIT_FAIL", "EXIT_OK", "EXIT_USAGE", "CommandError", "ensure_index", "print_error", "run_check", "run_eval", "run_index",
           "run_search", "run_serve"]

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """Stops a command with a message and a non-zero exit."""


def print_error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


def run_index(paths: list[Path], index_dir: Path, *, add: bool = False, rebuild: bool = False,
              as_json: bool = False, quiet: bool = False, out: TextIO | None = None, ray_address: str | None = None,
              ray_actors: int = 2, index_type: str | None = None) -> int:
    out = out or sys.stdout  # looked up when called: a caller may have redirected it since import
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise CommandError(f"cannot read {', '.join(map(str, missing))}: no such file or folder "
                           "(nothing was changed in the index)")
    progress = not quiet and sys.stderr.isatty()
    loaded = load_paths(paths, workers=os.cpu_count() or 1, progress=progress)
    if not loaded.documents:
        print_report(loaded.report, {}, as_json, out)
        raise CommandError(f"no readable documents in {', '.join(map(str, paths))} (the index was left as it is)")
    # Documents added to an index are embedded as its others were; a rebuild as this machine chooses.
    encoder = get_encoder(None if rebuild else index_arithmetic(index_dir))
    if ray_address:
        from assistant.embedding.distributed import RayEncoder

        try:
            encoder = RayEncoder(ray_address, actors=ray_actors)
            encoder.warm_up()  # connect now, so a wrong address fails before anything is written
        except Exception as exc:  # noqa: BLE001 (Ray raises several types for an unreachable cluster)
            raise CommandError(f"cannot use the Ray cluster at {ray_address}: {exc}") from exc
    report = build_index(index_dir, loaded.documents, encoder, keep_existing=add, rebuild=rebuild,
                         progress=progress, index_type=index_type)
    print_report(loaded.report, report.passages_per_doc, as_json, out, report)
    return EXIT_OK


def ensure_index(index_dir: Path) -> None:
    """With no index yet in the default place, build one from corpus/ (a fresh clone's first command).

    An index directory named explicitly must exist: a typo should not silently build a new index.
    """
    if index_dir != config.DEFAULT_INDEX_DIR:
        if not index_dir.exists():
            raise CommandError(f"no index directory {index_dir}: build one with "
                               f"`assistant index PATH --index-dir {index_dir}`")
        return
    if index_exists(index_dir):
        return  # a damaged one is reported by open_index, with the repair command
    corpus = config.DEFAULT_CORPUS
    if not corpus.exists():
        raise CommandError(f"no index at {index_dir} and no {corpus}/ folder to build one from: "
                           f"run `assistant index PATH --index-dir {index_dir}`")
    print(f"no index at {index_dir} yet: building it from {corpus}/ ...", file=sys.stderr)
    run_index([corpus], index_dir, quiet=True, out=sys.stderr)


def _check_search_args(args: argparse.Namespace) -> None:
    if args.k < 1 or args.k > 100:
        raise CommandError("--k must be between 1 and 100")
    if not 0 <= args.context <= MAX_CONTEXT:
        raise CommandError(f"--context must be between 0 and {MAX_CONTEXT} characters")
    if args.batch and (args.question is not None or args.history):
        raise CommandError("--batch reads questions and histories from the file: give no QUESTION or --history")
    if args.batch and args.cite:
        raise CommandError("--cite is for one question; --batch prints hits as JSON lines")
    if args.cite and args.context and not args.json:
        raise CommandError("--cite prints citations instead of the hits, so there is no place for --context "
                           "(with --json the hits carry both)")


def run_search(args: argparse.Namespace) -> int:
    index_dir = Path(args.index_dir)
    _check_search_args(args)
    ensure_index(index_dir)
    searcher = Searcher(index_dir)
    if args.batch:
        return _run_batch(searcher, Path(args.batch), args.k, args.doc, args.mode, args.context)
    if args.question is None:
        raise CommandError("give a QUESTION or --batch FILE.jsonl")
    answer = ask(searcher, args.question, args.history or [], args.k, args.doc, args.mode)
    resolved, hits, answered, context = answer.resolved, answer.hits, answer.answered, answer.context
    citations = cite_hits(searcher.index, [h.to_dict() for h in hits], args.cite) if args.cite else None
    if args.json:
        out = {"question": resolved.original, "searched_for": resolved.query,
               "conversation_documents": list(context), "answered": answered,
               "not_mentioned": list(answer.not_mentioned), "not_reported": answer.not_reported,
               "hits": _hit_dicts(searcher, hits, args.context)}
        print(json.dumps(out if citations is None else {**out, "citations": citations}, ensure_ascii=False, indent=1))
        return EXIT_OK
    first = f"first in the previous answer's documents: {', '.join(context)}" if context else ""
    if resolved.query != resolved.original:
        print(f"(searched for: {resolved.query}{'; ' + first if first else ''})\n")
    elif first:  # a question that goes on with the conversation's subject, searched as typed
        print(f"(searched {first})\n")
    if not hits:
        print("no passages found")
    elif not answered:
        print(f"{not_answered_text(answer.not_mentioned, answer.not_reported)} The closest passages, which are not "
              "answers:\n")
    if citations is not None:
        print(citations)
        return EXIT_OK
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    for hit in hits:
        print(format_hit(hit, color, *_around(searcher, hit, args.context)))
    return EXIT_OK


def _around(searcher: Searcher, hit: Hit, n: int) -> tuple[str, str]:
    """The `n` characters of the document before and after a hit."""
    if n <= 0:
        return "", ""
    text = searcher.index.document(searcher.index.doc_row(hit.doc_id)).text
    return text[max(0, hit.start - n):hit.start], text[hit.end:hit.end + n]


def _hit_dicts(searcher: Searcher, hits: list[Hit], context: int) -> list[dict]:
    """Hits as JSON objects; with `context`, each also has the text `before` and `after` it."""
    if not context:
        return [h.to_dict() for h in hits]
    return [{**h.to_dict(), **dict(zip(("before", "after"), _around(searcher, h, context)))} for h in hits]



def _run_batch_lines(path: Path, field: str, handle, failure_fields: dict) -> int:
    """One JSON line out per line in (a JSON object, or the `field` itself as text):
    `handle(record, line_number)` or the error, with latency."""
    if not path.is_file():
        raise CommandError(f"cannot read batch file {path}")
    failures = 0
    for number, rec, error in iter_batch(path, field):
        rid = rec.get("id", number) if rec else number
        asked = {field: rec[field]} if rec and isinstance(rec.get(field), str) else {}
        start = time.perf_counter()
        try:
            if error:
                raise QuestionError(error)
            line = {"id": rid, **asked, **handle(rec, number)}
        except (QuestionError, ClaimError) as exc:
            failures += 1
            line = {"id": rid, **asked, **failure_fields, "error": str(exc)}
        line["latency_ms"] = round((time.perf_counter() - start) * 1000, 2)
        print(json.dumps(line, ensure_ascii=False), flush=True)
    return EXIT_FAIL if failures else EXIT_OK


def _run_batch(searcher: Searcher, path: Path, k: int, doc_ids: list[str] | None, mode: Mode, context: int) -> int:
    def handle(rec: dict, number: int) -> dict:
        history = rec.get("history") or []
        if not isinstance(history, list):
            raise QuestionError(f"line {number}: 'history' must be a list of questions")
        answer = ask(searcher, rec.get("question", ""), [str(h) for h in history], k, doc_ids, mode)
        resolved, documents = answer.resolved, answer.context
        # The fields `search --json` prints for one question, so that a batch reads the same.
        return {"searched_for": resolved.query, "conversation_documents": list(documents),
                "answered": answer.answered, "not_mentioned": list(answer.not_mentioned),
                "not_reported": answer.not_reported, "hits": _hit_dicts(searcher, answer.hits, context)}

    searcher.encoder.warm_up()
    return _run_batch_lines(path, "question", handle, {"answered": False, "hits": []})


def run_eval(args: argparse.Namespace) -> int:
    from assistant.evaluation import (
        DEFAULT_CONFIGS,
        DatasetError,
        builtin_eval_set,
        load_beir,
        load_own_set,
        markdown_table,
        run_evaluation,
        write_report,
    )

    if args.dataset and args.index_dir is not None:
        raise CommandError("--index-dir is for our own set; a --dataset is indexed under the cache folder")
    index_dir = Path(args.index_dir) if args.index_dir else None
    try:
        if args.dataset:
            dataset = load_beir(Path(args.dataset), args.split)
        elif index_dir is not None:
            ensure_index(index_dir)
            dataset = load_own_set(Path(args.eval_dir))
        else:
            dataset = builtin_eval_set(Path(args.eval_dir))
    except DatasetError as exc:
        raise CommandError(str(exc)) from exc
    configs = args.config or list(DEFAULT_CONFIGS)
    try:
        result = run_evaluation(dataset, configs, args.split, index_dir,
                                progress=sys.stderr.isatty(), extra_k=args.k)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    report_dir = Path(args.report) if args.report else Path("reports") / dataset.name
    written = write_report(result, report_dir)
    if args.json:
        print(json.dumps({"dataset": result.dataset, "split": result.split, "queries": result.n_queries,
                          "metrics": result.metrics, "significance": result.significance,
                          "seconds": result.seconds, "report": str(report_dir)}, indent=1))
    else:
        print(f"{result.dataset} ({result.split}): {result.n_queries} queries\n")
        print(markdown_table(result))
        for t in result.significance:
            print(f"{t['a']} vs {t['b']}: nDCG@10 {t['mean_a']:.4f} vs {t['mean_b']:.4f}, "
                  f"paired t-test p = {t['p_value']:.3g}{' (significant)' if t['significant'] else ''}")
        print(f"\nreport: {', '.join(str(p) for p in written[:3])} and {len(written) - 3} more in {report_dir}")
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    from assistant.claims import ClaimChecker

    index_dir = Path(args.index_dir)
    ensure_index(index_dir)
    try:
        checker = ClaimChecker(Searcher(index_dir), nli_model=Path(args.nli_model) if args.nli_model else None)
    except ClaimError as exc:
        raise CommandError(str(exc)) from exc
    if args.batch:
        return _run_batch_lines(Path(args.batch), "claim", lambda rec, _n: checker.check(str(rec.get("claim", ""))).to_dict(), {})
    if args.claim is None:
        raise CommandError("give a CLAIM or --batch FILE.jsonl")
    try:
        verdict = checker.check(args.claim)
    except ClaimError as exc:
        raise QuestionError(str(exc)) from exc
    print(json.dumps(verdict.to_dict(), ensure_ascii=False, indent=1) if args.json else format_verdict(verdict))
    return EXIT_OK


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def run_serve(args: argparse.Namespace) -> int:
    index_dir = Path(args.index_dir)
    auth_text = args.auth or os.environ.get("ASSISTANT_AUTH", "")
    auth = None
    if auth_text:
        user, sep, password = auth_text.partition(":")
        if not sep or not user or not password:
            raise CommandError("--auth / ASSISTANT_AUTH must look like USER:PASSWORD")
        auth = (user, password)
    if args.host not in LOOPBACK and auth is None and not args.no_login:
        raise CommandError(f"refusing to serve on {args.host} without a login: pass --auth USER:PASSWORD "
                           "(or set ASSISTANT_AUTH), or --no-login if the network is trusted")
    ensure_index(index_dir)
    from assistant.ui.app import serve

    serve(index_dir, host=args.host, port=args.port, upload_dir=Path(args.upload_dir) if args.upload_dir else None,
          auth=auth)
    return EXIT_OK
