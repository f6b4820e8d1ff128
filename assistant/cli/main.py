"""The `assistant` command: the argument parser and the dispatch to `cli.commands`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from assistant import config
from assistant.cli.commands import (
    EXIT_FAIL,
    EXIT_USAGE,
    CommandError,
    print_error,
    run_check,
    run_eval,
    run_index,
    run_search,
    run_serve,
)
from assistant.embedding import PRECISIONS
from assistant.index import INDEX_TYPES, StoreError
from assistant.search import MODES, QuestionError
from assistant.service.citations import FORMATS

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Cited, highlighted passages from your documents: "
                                     "index, search, check claims, evaluate, serve.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("index", help="read documents and build or update the index")
    p.add_argument("paths", nargs="*", type=Path, help="files or folders (default: corpus/)")
    p.add_argument("--index-dir", default=str(config.DEFAULT_INDEX_DIR))
    p.add_argument("--add", action="store_true", help="keep documents already indexed that are not in PATHS")
    p.add_argument("--rebuild", action="store_true", help="ignore the existing index and embed everything")
    p.add_argument("--json", action="store_true", help="print the ingest report as JSON")
    p.add_argument("--ray", metavar="ADDRESS", help="embed on a Ray cluster (e.g. 127.0.0.1:6379; needs the ray extra)")
    p.add_argument("--ray-actors", type=int, default=2, help="model replicas on the Ray cluster (default 2)")
    p.add_argument("--index-type", choices=INDEX_TYPES,
                   help="vector index (default: as before, else auto: exact up to 50,000 passages, IVF-Flat up "
                        "to 2,000,000, IVF-PQ above; hnsw only on request)")

    p = sub.add_parser("search", help="find the passages that answer a question")
    p.add_argument("question", nargs="?")
    p.add_argument("-k", "--k", type=int, default=5, help="how many passages (default 5)")
    p.add_argument("--doc", action="append", help="only these documents (repeatable)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--batch", help="file of questions, one a line: plain text or JSON {\"id\", \"question\"[, \"history\"]}")
    p.add_argument("--history", action="append", help="an earlier question of the conversation (repeatable, oldest first)")
    p.add_argument("--mode", choices=MODES, default="hybrid", help="ranking (also for --batch)")
    p.add_argument("--context", type=int, default=0, metavar="N",
                   help="show N characters of the document before and after each hit (JSON: 'before', 'after')")
    p.add_argument("--cite", choices=FORMATS, help="print the hits as citations in this format (with --json: as "
                                                   "a 'citations' field)")
    p.add_argument("--index-dir", default=str(config.DEFAULT_INDEX_DIR))

    p = sub.add_parser("eval", help="evaluate retrieval on our set (eval/) or a BEIR dataset")
    p.add_argument("--dataset", help="a BEIR folder: corpus.jsonl, queries.jsonl, qrels/<split>.tsv")
    p.add_argument("--split", default="test")
    p.add_argument("--config", action="append", help="bm25, dense, hybrid, dense-whole-doc (repeatable)")
    p.add_argument("-k", "--k", type=int, action="append", help="extra cutoffs for nDCG@k and Recall@k (repeatable)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--report", help="folder for report.md, report.json, recall.png and TREC runs")
    p.add_argument("--eval-dir", default=str(config.BUILTIN_EVAL_DIR),
                   help="our own evaluation set (default: the eval/ shipped beside the package)")
    p.add_argument("--index-dir", help="search our own set in this index (default: the four default articles, "
                                       "indexed for it under the cache folder)")

    p = sub.add_parser("check", help="check which sources support or contradict a claim")
    p.add_argument("claim", nargs="?")
    p.add_argument("--json", action="store_true")
    p.add_argument("--batch", help="file of claims, one a line: plain text or JSON {\"id\", \"claim\"}")
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
            "--precision", choices=PRECISIONS,
            help="encoder arithmetic (default auto: the fastest accurate one on this CPU, measured once; "
                 "or ASSISTANT_PRECISION)")
    return parser


def main(argv: list[str] | None = None) -> int:
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
        print_error(str(exc))
        return EXIT_USAGE if isinstance(exc, QuestionError) else EXIT_FAIL
    except KeyboardInterrupt:
        print_error("interrupted")
        return 130
    except BrokenPipeError:
        # The reader stopped reading (`assistant search ... | head`): no traceback, and nothing more
        # written at exit, as a command killed by SIGPIPE (exit status 128 + 13).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
