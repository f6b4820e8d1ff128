"""The `assistant` command: arguments in, calls to the library, text or JSON out."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from assistant import config
from assistant.documents import IngestEntry, load_paths
from assistant.store import StoreError, current_generation

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """Stops a command with a message and a non-zero exit."""


def _err(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# index


def run_index(paths: list[Path], index_dir: Path, *, add: bool = False, rebuild: bool = False,
              as_json: bool = False, quiet: bool = False, out=sys.stdout, ray_address: str | None = None,
              ray_actors: int = 2, index_type: str | None = None) -> int:
    from assistant.encoder import get_encoder
    from assistant.store import build_index

    missing = [p for p in paths if not p.exists()]
    if missing:
        raise CommandError(f"cannot read {', '.join(map(str, missing))}: no such file or folder "
                           "(nothing was changed in the index)")
    loaded = load_paths(paths)
    if not loaded.documents:
        _print_report(loaded.report, {}, as_json, out)
        raise CommandError(f"no readable documents in {', '.join(map(str, paths))} (the index was left as it is)")
    progress = not quiet and sys.stderr.isatty()
    encoder = get_encoder()
    if ray_address:
        from assistant.distributed import RayEncoder

        try:
            encoder = RayEncoder(ray_address, actors=ray_actors)
            encoder.warm_up()  # connect now, so a wrong address fails before anything is written
        except Exception as exc:  # noqa: BLE001 (Ray raises several types for an unreachable cluster)
            raise CommandError(f"cannot use the Ray cluster at {ray_address}: {exc}") from exc
    report = build_index(index_dir, loaded.documents, encoder, keep_existing=add, rebuild=rebuild,
                         progress=progress, index_type=index_type)
    _print_report(loaded.report, report.passages_per_doc, as_json, out, report)
    return EXIT_OK


def _print_report(entries: list[IngestEntry], passages: dict[str, int], as_json: bool, out, build=None) -> None:
    for e in entries:
        if e.status == "ok":
            e.passages = passages.get(e.doc_id, 0)
    if as_json:
        payload = {"files": [e.__dict__ for e in entries]}
        if build is not None:
            payload["index"] = {
                "documents": build.documents, "embedded_documents": build.embedded_documents,
                "reused_documents": build.reused_documents, "removed_documents": build.removed_documents,
                "passages": build.passages, "sentences": build.sentences,
                "embedded_passages": build.embedded_passages, "embed_seconds": round(build.embed_seconds, 3),
                "passages_per_second": round(build.passages_per_second, 2),
                "tokens_per_second": round(build.tokens_per_second, 1), "notice": build.notice,
            }
        print(json.dumps(payload, ensure_ascii=False), file=out)
        return
    ok = sum(e.status == "ok" for e in entries)
    if len(entries) <= 200:
        for e in entries:
            print(e.line(), file=out)
    else:  # a JSONL collection: list only the problems
        for e in entries:
            if e.status != "ok":
                print(e.line(), file=out)
    print(f"{ok} of {len(entries)} inputs read, {len(entries) - ok} skipped", file=out)
    if build is not None:
        if build.notice:
            print(f"note: {build.notice}", file=out)
        speed = (f"; embedding {build.passages_per_second:.1f} passages/s, {build.tokens_per_second:.0f} tokens/s"
                 if build.embedded_passages else "")
        print(f"index: {build.documents} documents ({build.embedded_documents} embedded, "
              f"{build.reused_documents} unchanged, {build.removed_documents} removed), "
              f"{build.passages} passages, {build.sentences} sentences{speed}", file=out)


def ensure_index(index_dir: Path) -> None:
    """With no index yet in the default place, build one from corpus/ (a fresh clone's first command).

    An index directory named explicitly must exist: a typo should not silently build a new index.
    """
    if index_dir != config.DEFAULT_INDEX_DIR:
        if not index_dir.exists():
            raise CommandError(f"no index directory {index_dir}: build one with "
                               f"`assistant index PATH --index-dir {index_dir}`")
        return
    try:
        if current_generation(index_dir) is not None:
            return
    except StoreError:
        return  # damaged: let open_store report it with the repair command
    corpus = config.DEFAULT_CORPUS
    if not corpus.exists():
        raise CommandError(f"no index at {index_dir} and no {corpus}/ folder to build one from: "
                           f"run `assistant index PATH --index-dir {index_dir}`")
    print(f"no index at {index_dir} yet: building it from {corpus}/ ...", file=sys.stderr)
    run_index([corpus], index_dir, quiet=True, out=sys.stderr)


# ---------------------------------------------------------------------------------------------
# search


def _format_hit(hit, color: bool) -> str:
    rel = hit.highlight.start - hit.start, hit.highlight.end - hit.start
    on, off = ("\033[1;33m", "\033[0m") if color else ("»", "«")
    text = hit.text[: rel[0]] + on + hit.text[rel[0] : rel[1]] + off + hit.text[rel[1] :]
    lines = [f"{hit.rank}. {hit.title}", f"   {hit.doc_id} · {hit.location} · score {hit.score:.3f}",
             f"   best sentence: {hit.highlight.text}", ""]
    lines += ["   " + ln for ln in text.splitlines() if ln.strip()]
    return "\n".join(lines) + "\n"


def run_search(args: argparse.Namespace) -> int:
    from assistant.conversation import resolve_followup
    from assistant.retrieve import Searcher

    index_dir = Path(args.index_dir)
    if args.k < 1 or args.k > 100:
        raise CommandError("--k must be between 1 and 100")
    ensure_index(index_dir)
    searcher = Searcher(index_dir)
    if args.batch:
        return _run_batch(searcher, Path(args.batch), args.k, args.doc)
    if args.question is None:
        raise CommandError("give a QUESTION or --batch FILE.jsonl")
    resolved = resolve_followup(args.question, args.history or [], searcher.encoder)
    hits = searcher.search(resolved.query, k=args.k, doc_ids=args.doc, mode=args.mode)
    if args.json:
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=1))
        return EXIT_OK
    if resolved.query != resolved.original:
        print(f"(searched for: {resolved.query})\n")
    if not hits:
        print("no passages found")
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    for hit in hits:
        print(_format_hit(hit, color))
    return EXIT_OK


def _run_jsonl_batch(path: Path, handle, failure_fields: dict) -> int:
    """One JSON line out per line in: `handle(record, line_number)` or the error, with latency."""
    from assistant.claims import ClaimError
    from assistant.documents import iter_jsonl
    from assistant.retrieve import QuestionError

    if not path.is_file():
        raise CommandError(f"cannot read batch file {path}")
    failures = 0
    for number, rec, error in iter_jsonl(path):
        rid = rec.get("id", number) if rec else number
        start = time.perf_counter()
        try:
            if error:
                raise QuestionError(error)
            line = {"id": rid, **handle(rec, number)}
        except (QuestionError, ClaimError) as exc:
            failures += 1
            line = {"id": rid, **failure_fields, "error": str(exc)}
        line["latency_ms"] = round((time.perf_counter() - start) * 1000, 2)
        print(json.dumps(line, ensure_ascii=False), flush=True)
    return EXIT_FAIL if failures else EXIT_OK


def _run_batch(searcher, path: Path, k: int, doc_ids: list[str] | None) -> int:
    from assistant.conversation import resolve_followup
    from assistant.retrieve import QuestionError

    def handle(rec: dict, number: int) -> dict:
        history = rec.get("history") or []
        if not isinstance(history, list):
            raise QuestionError(f"line {number}: 'history' must be a list of questions")
        resolved = resolve_followup(rec.get("question", ""), [str(h) for h in history], searcher.encoder)
        line = {"hits": [h.to_dict() for h in searcher.search(resolved.query, k=k, doc_ids=doc_ids)]}
        if resolved.query != resolved.original:
            line["resolved_query"] = resolved.query
        return line

    searcher.encoder.warm_up()
    return _run_jsonl_batch(path, handle, {"hits": []})


# ---------------------------------------------------------------------------------------------
# eval


def run_eval(args: argparse.Namespace) -> int:
    from assistant.eval_runner import DEFAULT_CONFIGS, run_evaluation
    from assistant.evaluation import DatasetError, load_beir, load_own_set, markdown_table, write_report

    try:
        if args.dataset:
            dataset = load_beir(Path(args.dataset), args.split)
        else:
            ensure_index(Path(args.index_dir))
            dataset = load_own_set(Path(args.eval_dir))
    except DatasetError as exc:
        raise CommandError(str(exc)) from exc
    configs = args.config or list(DEFAULT_CONFIGS)
    try:
        result = run_evaluation(dataset, configs, args.split, Path(args.index_dir),
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


# ---------------------------------------------------------------------------------------------
# check


def _format_verdict(v) -> str:
    title = {"supported": "SUPPORTED", "contradicted": "POSSIBLE CONFLICT (contradicted; review the evidence)",
             "not_found": "NO SUPPORT FOUND"}[v.verdict]
    lines = [f"{title} · confidence {v.confidence:.2f}", ""]
    for i, e in enumerate(v.evidence, start=1):
        where = f"p. {e.page}, " if e.page else ""
        lines.append(f"{i}. [{e.label} {e.score:.2f}] {e.title} · {e.doc_id} · {where}chars {e.start}-{e.end}")
        lines.append(f"   {e.text}")
    return "\n".join(lines)


def run_check(args: argparse.Namespace) -> int:
    from assistant.claims import ClaimChecker, ClaimError
    from assistant.retrieve import QuestionError, Searcher

    index_dir = Path(args.index_dir)
    ensure_index(index_dir)
    try:
        checker = ClaimChecker(Searcher(index_dir), nli_model=Path(args.nli_model) if args.nli_model else None)
    except ClaimError as exc:
        raise CommandError(str(exc)) from exc
    if args.batch:
        return _run_jsonl_batch(Path(args.batch), lambda rec, _n: checker.check(str(rec.get("claim", ""))).to_dict(), {})
    if args.claim is None:
        raise CommandError("give a CLAIM or --batch FILE.jsonl")
    try:
        verdict = checker.check(args.claim)
    except ClaimError as exc:
        raise QuestionError(str(exc)) from exc
    print(json.dumps(verdict.to_dict(), ensure_ascii=False, indent=1) if args.json else _format_verdict(verdict))
    return EXIT_OK


# ---------------------------------------------------------------------------------------------
# serve

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
    from ui.app import serve

    serve(index_dir, host=args.host, port=args.port, upload_dir=Path(args.upload_dir) if args.upload_dir else None,
          auth=auth)
    return EXIT_OK


# ---------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("index", help="read documents and build or update the index")
    p.add_argument("paths", nargs="*", type=Path, help="files or folders (default: corpus/)")
    p.add_argument("--index-dir", default=str(config.DEFAULT_INDEX_DIR))
    p.add_argument("--add", action="store_true", help="keep documents already indexed that are not in PATHS")
    p.add_argument("--rebuild", action="store_true", help="ignore the existing index and embed everything")
    p.add_argument("--json", action="store_true", help="print the ingest report as JSON")
    p.add_argument("--ray", metavar="ADDRESS", help="embed on a Ray cluster (e.g. 127.0.0.1:6379; needs the ray extra)")
    p.add_argument("--ray-actors", type=int, default=2, help="model replicas on the Ray cluster (default 2)")
    p.add_argument("--index-type", choices=("auto", "flat", "ivf_flat", "ivf_pq"),
                   help="FAISS index (default: as before, else auto: exact up to 50,000 passages, IVF-Flat up "
                        "to 2,000,000, IVF-PQ above)")

    p = sub.add_parser("search", help="find the passages that answer a question")
    p.add_argument("question", nargs="?")
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--doc", action="append", help="only these documents (repeatable)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--batch", help="JSONL file of {\"id\", \"question\"[, \"history\"]} lines")
    p.add_argument("--history", action="append", help="an earlier question of the conversation (repeatable, oldest first)")
    p.add_argument("--mode", choices=("hybrid", "dense", "bm25"), default="hybrid")
    p.add_argument("--index-dir", default=str(config.DEFAULT_INDEX_DIR))

    p = sub.add_parser("eval", help="evaluate retrieval on our set (eval/) or a BEIR dataset")
    p.add_argument("--dataset", help="a BEIR folder: corpus.jsonl, queries.jsonl, qrels/<split>.tsv")
    p.add_argument("--split", default="test")
    p.add_argument("--config", action="append", help="bm25, dense, hybrid, dense-whole-doc (repeatable)")
    p.add_argument("--k", type=int, action="append", help="extra cutoffs for nDCG@k and Recall@k (repeatable)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--report", help="folder for report.md, report.json, recall.png and TREC runs")
    p.add_argument("--eval-dir", default="eval", help="our own evaluation set (default: eval/)")
    p.add_argument("--index-dir", default=str(config.DEFAULT_INDEX_DIR))

    p = sub.add_parser("check", help="check which sources support or contradict a claim")
    p.add_argument("claim", nargs="?")
    p.add_argument("--json", action="store_true")
    p.add_argument("--batch", help="JSONL file of {\"id\", \"claim\"} lines")
    p.add_argument("--nli-model", help="a local NLI cross-encoder folder to decide support vs contradiction")
    p.add_argument("--index-dir", default=str(config.DEFAULT_INDEX_DIR))

    p = sub.add_parser("serve", help="open the browser app")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--index-dir", default=str(config.DEFAULT_INDEX_DIR))
    p.add_argument("--upload-dir", help="where uploaded files are kept (default: corpus/uploads)")
    p.add_argument("--auth", help="USER:PASSWORD login (or the ASSISTANT_AUTH environment variable)")
    p.add_argument("--no-login", action="store_true", help="allow a non-loopback host without a login")
    for name in ("index", "search", "eval", "check", "serve"):
        sub.choices[name].add_argument(
            "--precision", choices=("auto", "fp32", "bf16"),
            help="encoder arithmetic (default auto: bf16 where the CPU has it natively; or ASSISTANT_PRECISION)")
    return parser


def main(argv: list[str] | None = None) -> int:
    from assistant.retrieve import QuestionError

    args = build_parser().parse_args(argv)
    if getattr(args, "precision", None):
        config.ENCODER_PRECISION = args.precision
    try:
        if args.command == "index":
            return run_index(args.paths or [config.DEFAULT_CORPUS], Path(args.index_dir), add=args.add,
                             rebuild=args.rebuild, as_json=args.json, ray_address=args.ray,
                             ray_actors=args.ray_actors, index_type=args.index_type)
        if args.command == "search":
            return run_search(args)
        if args.command == "eval":
            return run_eval(args)
        if args.command == "serve":
            return run_serve(args)
        if args.command == "check":
            return run_check(args)
    except (CommandError, StoreError, QuestionError) as exc:
        _err(str(exc))
        return EXIT_USAGE if isinstance(exc, QuestionError) else EXIT_FAIL
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
