"""Follow-up questions on eval/conversations.jsonl, with and without the conversation.

    python benchmarks/conversations_eval.py [--index-dir index]

A follow-up counts as found when one of the top 5 passages contains its answering sentence
(passage-level: with four documents, document-level Recall@5 is 1.0 for any ranking).  Standalone
questions are also asked after an unrelated conversation to show the resolver leaves them alone.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from assistant.conversation import resolve_followup
from assistant.retrieve import Searcher


def found(searcher: Searcher, query: str, answer: str, k: int = 5) -> bool:
    return any(answer in h.text for h in searcher.search(query, k=k))


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
    with_h = without = n = 0
    for conv in convs:
        history: list[str] = []
        for i, turn in enumerate(conv["turns"]):
            if i:
                n += 1
                resolved = resolve_followup(turn["question"], history, searcher.encoder).query
                ok_with = found(searcher, resolved, turn["answer"], k)
                ok_without = found(searcher, turn["question"], turn["answer"], k)
                with_h += ok_with
                without += ok_without
                if not ok_with and k == 1:
                    print(f"  miss with history: {turn['question']!r} -> {resolved!r}")
            history.append(turn["question"])
    s_alone = s_after = 0
    for prev, conv in zip(convs[-1:] + convs[:-1], convs):
        first = conv["turns"][0]
        s_alone += found(searcher, first["question"], first["answer"], k)
        resolved = resolve_followup(first["question"], [t["question"] for t in prev["turns"]], searcher.encoder).query
        s_after += found(searcher, resolved, first["answer"], k)
    print(f"{len(convs)} conversations, {n} follow-ups")
    print(f"follow-up Recall@{k} with history {with_h / n:.3f}, without {without / n:.3f}, "
          f"gain {(with_h - without) / n:+.3f}")
    print(f"standalone Recall@{k} alone {s_alone / len(convs):.3f}, "
          f"after another conversation {s_after / len(convs):.3f}")


if __name__ == "__main__":
    main()
