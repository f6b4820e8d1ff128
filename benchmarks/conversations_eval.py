"""Follow-up questions on eval/conversations.jsonl, with and without the conversation.

    python benchmarks/conversations_eval.py [--index-dir index]

Three measures per follow-up: document-level Recall@k (a relevant document among the top k hits,
as the qrels in eval/ give them), answer-level (one of the top k passages contains the answering
sentence) and highlight-level (the first hit's highlighted sentence holds it).  On the default
corpus alone (4 documents, 13 passages) the first two saturate at k=5 for any ranking, so the
benchmark is also run on the corpus hidden among 5,183 SciFact abstracts,
where a follow-up such as "And for anxiety?" has plenty of wrong places to go:

    # the SciFact index that `assistant eval --dataset ../shared/beir/scifact` left in .cache, or
    # (8 minutes) assistant index ../shared/beir/scifact/corpus.jsonl --index-dir /tmp/conv-distractors
    cp -r .cache/eval/scifact-* /tmp/conv-distractors
    assistant index corpus --add --index-dir /tmp/conv-distractors
    python benchmarks/conversations_eval.py --index-dir /tmp/conv-distractors

Standalone questions are also asked after an unrelated conversation to show the resolver leaves
them alone.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from assistant.search import Searcher, ask


def found(searcher: Searcher, question: str, history: list[str], turn: dict, k: int
          ) -> tuple[tuple[bool, bool, bool], str]:
    """((a relevant document in the top k, the answering sentence in one of the top k passages,
    it in the first hit's highlight), the query searched), asked as the product asks it after `history`."""
    answer = ask(searcher, question, history, k=k)
    hits = answer.hits
    return (any(h.doc_id in turn["relevant"] for h in hits), any(turn["answer"] in h.text for h in hits),
            bool(hits) and turn["answer"] in hits[0].highlight.text), answer.resolved.query


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index-dir", default="index")
    ap.add_argument("--file", default="eval/conversations.jsonl")
    args = ap.parse_args()
    searcher = Searcher(Path(args.index_dir))
    convs = [json.loads(line) for line in Path(args.file).read_text().splitlines() if line.strip()]
    for k in (5, 1):
        report(searcher, convs, k)


def report(searcher: Searcher, convs: list[dict], k: int) -> None:
    with_h, without, n = [0, 0, 0], [0, 0, 0], 0
    for conv in convs:
        history: list[str] = []
        for i, turn in enumerate(conv["turns"]):
            if i and "relevant" in turn:  # a turn without answer data only checks its rewrite (tests)
                n += 1
                ok_with, resolved = found(searcher, turn["question"], history, turn, k)
                ok_without, _ = found(searcher, turn["question"], [], turn, k)
                for j in (0, 1, 2):
                    with_h[j] += ok_with[j]
                    without[j] += ok_without[j]
                if not ok_with[1]:
                    print(f"  miss at {k} with history: {turn['question']!r} -> {resolved!r}")
            history.append(turn["question"])
    alone, after = [0, 0, 0], [0, 0, 0]
    convs = [c for c in convs if "relevant" in c["turns"][0]]
    for prev, conv in zip(convs[-1:] + convs[:-1], convs):
        first = conv["turns"][0]
        alone_found, _ = found(searcher, first["question"], [], first, k)
        after_found, _ = found(searcher, first["question"], [t["question"] for t in prev["turns"]], first, k)
        for j, (a, b) in enumerate(zip(alone_found, after_found)):
            alone[j] += a
            after[j] += b
    print(f"{len(convs)} conversations, {n} follow-ups, index of {len(searcher.index)} passages")
    for j, level in enumerate(("document", "answer", "highlight")):
        print(f"  {level}-level follow-up Recall@{k}: with history {with_h[j] / n:.3f}, without {without[j] / n:.3f}, "
              f"gain {(with_h[j] - without[j]) / n:+.3f}; standalone alone {alone[j] / len(convs):.3f}, "
              f"after another conversation {after[j] / len(convs):.3f}")


if __name__ == "__main__":
    main()
