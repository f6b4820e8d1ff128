"""PDF reading fidelity on papers LaTeX typesets here: how many of their sentences read whole.

    python benchmarks/latex_papers.py [--corpus ../shared/scifact-claims/corpus.jsonl] [--out .cache/latex-papers]

Needs `pdflatex` (Debian: `apt-get install texlive-latex-base texlive-latex-recommended`); the product
does not. Four papers are made from SciFact abstracts (ASCII only, so that every sentence can be set):
two columns on letter and A4 paper, one column with a table of contents, and two columns in T1 fonts
drawn as bitmaps; each has a title, authors with notes, an abstract, numbered sections, a table, a
footnote, a list, an equation and a reference list. Each paper is read as the product reads a PDF,
and every source sentence is looked for whole in the text (letters, digits and spaces compared,
case folded). No hand labels: what a reading splits, fuses, reorders or loses shows as a sentence
not found, and the first few are printed.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

from assistant.ingest import load_paths

ROOT = Path(__file__).resolve().parent.parent
LAYOUTS = (("twocol_letter", r"\documentclass[twocolumn,letterpaper,10pt]{article}", ""),
           ("twocol_a4", r"\documentclass[twocolumn,a4paper,10pt]{article}", ""),
           ("onecol_12", r"\documentclass[12pt,a4paper]{article}", r"\tableofcontents"),
           ("twocol_t1", r"\documentclass[twocolumn,11pt]{article}" "\n" r"\usepackage[T1]{fontenc}", ""))
SECTIONS = ("Introduction", "Methods", "Results", "Discussion", "Limitations", "Conclusion", "Background")
TABLE = (r"\begin{table}[t]\centering\caption{Baseline characteristics of the participants}\begin{tabular}{lrr}"
         r"\hline Characteristic & Intervention & Control\\\hline Age, years & 34.2 & 35.1\\ Women, n (\%) & 120 (54) & "
         r"118 (53)\\ Smokers, n (\%) & 30 (13) & 28 (12)\\\hline\end{tabular}\end{table}")


def _tex(text: str) -> str:
    """A sentence as LaTeX sets it back: its special characters escaped or replaced."""
    text = text.replace("\\", " ").replace("{", "(").replace("}", ")").replace("~", "-").replace("^", "")
    for ch in "&%$#_":
        text = text.replace(ch, "\\" + ch)
    return text.replace("<", "$<$").replace(">", "$>$")


def _source(text: str) -> str:
    """A sentence as the paper prints it (`_tex` without the escapes)."""
    return text.replace("\\", " ").replace("{", "(").replace("}", ")").replace("~", "-").replace("^", "")


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("--", "-").replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", "", text)).strip().casefold()


def _paper(preamble: str, extra: str, abstracts: list[dict]) -> tuple[str, list[str]]:
    """A paper's LaTeX source from abstracts (the first is its title and abstract), and its sentences."""
    first = abstracts[0]
    body = [preamble, r"\begin{document}", r"\title{" + _tex(first["title"]) + "}",
            r"\author{Erwin Schr\"odinger\thanks{Department of Physics, University of Vienna} \and "
            r"Henri Poincar\'e\thanks{Institut Henri Poincar\'e, Paris}}", r"\date{}\maketitle",
            r"\begin{abstract}" + _tex(" ".join(first["abstract"][:3])) + r"\end{abstract}", extra]
    sentences = list(first["abstract"][:3])
    for i, doc in enumerate(abstracts[1:]):
        ab = doc["abstract"]
        half = len(ab) // 2
        body.append(r"\section{" + SECTIONS[i] + "}")
        body.append(" ".join(map(_tex, ab[:half])) + (r"\footnote{" + _tex(ab[0]) + "}" if i == 1 else ""))
        body.append("")
        if i == 2:
            body.append(TABLE)
        if i == 3:
            body.append(r"\subsection{Secondary analyses}\begin{itemize}\item " + _tex(ab[-1])
                        + r"\item The second item of the list is short.\end{itemize}")
        body.append(" ".join(map(_tex, ab[half:])))
        if i == 4:
            body.append(r"\begin{equation} y = \beta_0 + \beta_1 x + \epsilon \end{equation}")
        sentences += ab
    body.append(r"\begin{thebibliography}{9}\bibitem{a} A. Author and B. Author. A study of things. Journal of "
                r"Studies, 12(3):45--67, 2019.\bibitem{b} C. Writer. Another report on matters. Proceedings of the "
                r"Conference, pages 1--10, 2020.\end{thebibliography}\end{document}")
    return "\n".join(body), sentences


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "scifact-claims" / "corpus.jsonl")
    ap.add_argument("--out", type=Path, default=ROOT / ".cache" / "latex-papers")
    ap.add_argument("--show", type=int, default=3, help="sentences not found to print per paper")
    a = ap.parse_args()
    if shutil.which("pdflatex") is None:
        raise SystemExit("needs pdflatex (apt-get install texlive-latex-base texlive-latex-recommended)")
    docs = [json.loads(line) for line in a.corpus.read_text().splitlines() if line.strip()]
    docs = [d for d in docs if len(d["abstract"]) >= 6 and " ".join(d["abstract"] + [d["title"]]).isascii()]
    random.Random(7).shuffle(docs)
    a.out.mkdir(parents=True, exist_ok=True)
    found = total = 0
    for k, (name, preamble, extra) in enumerate(LAYOUTS):
        source, sentences = _paper(preamble, extra, docs[8 * k: 8 * k + 8])
        (a.out / f"{name}.tex").write_text(source)
        for _ in range(2):  # twice, for the contents and the references
            subprocess.run(["pdflatex", "-interaction=nonstopmode", f"{name}.tex"], cwd=a.out, check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        doc = load_paths([a.out / f"{name}.pdf"]).documents[0]
        text = _key(doc.text)
        missing = [s for s in sentences if _key(_source(s)) not in text]
        found += len(sentences) - len(missing)
        total += len(sentences)
        print(f"{name}: {len(sentences) - len(missing)}/{len(sentences)} sentences read whole")
        for s in missing[: a.show]:
            print(f"  not found: {s[:120]}")
    print(f"all: {found}/{total} = {found / total:.3f}")


if __name__ == "__main__":
    main()
