"""Search logic on a small in-memory index (the real model; `MemoryIndex` implements the same
interface as an index on disk)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from assistant.config import DEFAULT_FUSION, ChunkingParams
from assistant.index import MemoryIndex
from assistant.ingest import document_from_text, load_file
from assistant.search import QuestionError, Searcher
from assistant.search.answer import (
    RELEVANCE_FEATURES,
    answer_model,
    asked_amount,
    asked_entry,
    asked_term,
    asks_count_done,
    asks_definition,
    asks_figure,
    asks_share,
    counts_with_share,
    is_code_like,
    lists_names_only,
    names_row,
    opens_signature,
    passage_answer,
    pick,
    sentence_features,
    shows_figure,
    states_definition,
    states_share,
    term_weights,
)
from assistant.search.hits import location_text
from assistant.text import (
    acronym_definitions,
    acronyms,
    american_spelling,
    bm25_terms,
    bm25_tokenize,
    dotted_numbers,
    holds_number,
    identifiers,
    mixed_case_names,
    numbered_references,
)
from tests.conftest import same_document_pairs, searcher_of_file

DOCS = [
    # the answering sentence between two that share no topic with the question
    ("sleep.txt", "Notes from a lecture. During deep sleep the hippocampus replays the day's experiences, which "
                  "consolidates memories. The lecture ended at noon."),
    # the same topic words without the answer: BM25 alone likes it, the highlight must not
    ("diet.txt", "Diet and memory\n\nMemory and diet are discussed in many magazines about memory and sleep."),
    # an unrelated document, the only one that names octopuses, long enough for several windows
    ("octopus.txt", "Octopus cognition\n\nAn octopus can open a screw-top jar from the inside with its arms. "
                    + " ".join(f"Observation {i}: the octopus remembered the maze on day {i}." for i in range(12))),
]


def _in_memory(encoder, docs: list, chunking: ChunkingParams | None = None) -> Searcher:
    """A searcher over `docs` in a `MemoryIndex` with the default passages, or `chunking`'s."""
    return Searcher(encoder=encoder, index=MemoryIndex(docs, encoder, chunking or ChunkingParams()))


# passages of a paragraph or two, so a caption or a table stands in passages apart from the prose
_SHORT_PASSAGES = ChunkingParams(max_tokens=48, overlap_tokens=8)


@pytest.fixture(scope="module")
def searcher(encoder):
    docs = [document_from_text(doc_id, text, title=doc_id.removesuffix(".txt")) for doc_id, text in DOCS]
    # small windows, so the long document has several overlapping passages
    return Searcher(encoder=encoder, index=MemoryIndex(docs, encoder, ChunkingParams(max_tokens=64, overlap_tokens=24)))


def test_the_answering_sentence_is_highlighted_not_its_neighbours(searcher):
    hit = next(h for h in searcher.search("What does sleep do for memory?", k=3) if h.doc_id == "sleep.txt")
    assert hit.highlight.text.startswith("During deep sleep the hippocampus")


def test_british_and_american_spellings_share_their_bm25_terms():
    # each part of a hyphenated word too; words breame does not list stay as they are
    assert american_spelling("behavioural") == "behavioral"
    assert american_spelling("cognitive-behavioural") == "cognitive-behavioral"
    assert american_spelling("memory") == "memory"
    assert bm25_tokenize(["Haemoglobin in paediatric anaemia centres"]) == bm25_tokenize(["hemoglobin in pediatric anemia centers"])


@pytest.mark.parametrize("distractor, answer, question", [
    # British spelling in the question, American in the text
    ("Occupational therapy helps with daily tasks.", "Cognitive-behavioral therapy helps with daily tasks.",
     "Which behavioural therapy helps with daily tasks?"),
    # a word written whole in the question, hyphenated in the text
    ("The first visit was at six weeks.", "The first follow-up was at six weeks.", "When was the first followup?"),
    # a name typed without its accent
    ("Dry eyes are a symptom of sicca syndrome.", "Dry eyes are a symptom of Sjögren's syndrome.",
     "Are dry eyes a symptom of Sjogren syndrome?"),
])
def test_bm25_finds_the_word_however_the_question_spells_it(encoder, distractor, answer, question):
    # the distractor shares every other word of the question and comes first in the collection
    docs = [document_from_text("other.txt", distractor, title="Other"), document_from_text("answer.txt", answer, title="Answer")]
    assert _in_memory(encoder, docs).search(question, k=1, mode="bm25")[0].doc_id == "answer.txt"


def test_a_hyphenated_word_of_the_question_counts_once(encoder):
    # the joined form is the passages' only: a question that hyphenates a word matches a passage
    # that does so by the word's parts, as one that writes them apart, not by the joined form again
    docs = [
        document_from_text("apart.txt", "The follow up was at six weeks.", title="Apart"),
        document_from_text("hyphen.txt", "The follow-up was at six weeks.", title="Hyphen"),
    ]
    hits = _in_memory(encoder, docs).search("When was the follow-up?", k=2, mode="bm25")
    assert [h.doc_id for h in hits] == ["apart.txt", "hyphen.txt"]


def test_a_document_filter_keeps_to_those_documents(searcher):
    hits = searcher.search("What does sleep do for memory?", k=5, doc_ids=["octopus"])
    assert hits and {h.doc_id for h in hits} == {"octopus.txt"}


def test_an_unknown_document_in_the_filter_is_named(searcher):
    with pytest.raises(QuestionError, match="'nope.txt'"):
        searcher.search("memory", doc_ids=["nope.txt"])


def test_modes_rank_by_their_own_scores(searcher):
    for mode in ("bm25", "dense", "hybrid"):
        hits = searcher.search("octopus jar", k=3, mode=mode)
        assert hits[0].doc_id == "octopus.txt", mode
        assert all(a.score >= b.score for a, b in zip(hits, hits[1:])), mode


def test_overlapping_windows_are_one_hit(searcher):
    assert len(searcher.index.passage_rows([searcher.index.doc_row("octopus.txt")])) >= 3
    for a, b in same_document_pairs(searcher.search("octopus maze memory", k=10)):
        assert min(a.end, b.end) - max(a.start, b.start) <= 0.5 * min(a.end - a.start, b.end - b.start)
        assert a.highlight.start != b.highlight.start


def test_cited_offsets_are_exact(searcher):
    for hit in searcher.search("memory consolidation", k=5):
        doc = searcher.index.document(searcher.index.doc_row(hit.doc_id))
        assert doc.text[hit.start : hit.end] == hit.text
        assert doc.text[hit.highlight.start : hit.highlight.end] == hit.highlight.text


def test_a_hit_cites_the_section_its_answer_sits_under(encoder, tmp_path):
    # The first passage opens with the title, which sits under no heading; its answer sits under
    # "Sleep", and that is the section the citation must name.
    from assistant.ingest import load_file

    page = tmp_path / "guide.md"
    page.write_text("# A guide to memory\n\n## Sleep\n\nDuring deep sleep the hippocampus replays the day's "
                    "experiences, which consolidates memories of the day.\n\n## Exercise\n\n"
                    "Running helps adults grow new neurons in the hippocampus over several months.\n")
    doc, _ = load_file(page, "guide.md")
    hits = Searcher(encoder=encoder, index=MemoryIndex([doc], encoder)).search("What does sleep do for memory?", k=1)
    assert hits[0].text.startswith("A guide to memory")
    assert hits[0].highlight.text.startswith("During deep sleep") and hits[0].section == ("Sleep",)


def test_an_acronym_matches_itself_not_the_words_it_stems_like(encoder):
    # "LIMIT", the study's name, stems like "limited" and "limits"; the other document uses those
    # words often and would win BM25 on the stem alone.
    docs = [document_from_text("trial.txt", "Trial report\n\nThe LIMIT trial gave pregnant women advice about diet "
                                            "and exercise.", title="trial"),
            document_from_text("budget.txt", "Budget notes\n\nLimited funds limit the limited staff, and time "
                                             "limits are limited by law.", title="budget")]
    searcher = _in_memory(encoder, docs)
    assert searcher.search("What did LIMIT find?", k=1, mode="bm25")[0].doc_id == "trial.txt"
    assert acronyms("The LIMIT and PANSS scores, NK1r, IL, 2015") == ["LIMIT", "PANSS"]
    assert acronyms("STUDY PROTOCOL\nResults of the MRI") == ["MRI"]  # a line all in capitals adds none


def test_the_same_sentence_in_two_documents_is_one_hit_and_one_piece_of_evidence(encoder):
    # The same article saved twice (as a file of its own and inside a whole-book page) beside one
    # other document: the answering sentence is shown once, in search and in a claim's evidence.
    from assistant.claims import ClaimChecker

    chapter = ("Doctests\n\nRustdoc runs every code example in the documentation as a test, so the examples "
               "never go out of date. A line that starts with a hash sign is hidden from the reader.")
    book = "The whole book\n\nAn introduction to the tool comes first.\n\n" + chapter
    other = ("Formatting\n\nThe formatter rewrites code in the house style and leaves the documentation as it "
             "was written. It runs on save in most editors.")
    docs = [document_from_text("doctests.txt", chapter, title="Doctests"),
            document_from_text("print.txt", book, title="The whole book"),
            document_from_text("fmt.txt", other, title="Formatting")]
    searcher = _in_memory(encoder, docs)
    hits = searcher.search("Are code examples in the documentation run as tests?", k=3)
    said = [" ".join(h.highlight.text.split()) for h in hits]
    assert any(t.startswith("Rustdoc runs every code example") for t in said)
    assert len(said) == len(set(said))
    evidence = ClaimChecker(searcher).check("Rustdoc runs the code examples in documentation as tests.").evidence
    texts = [e.text for e in evidence]
    assert any(t.startswith("Rustdoc runs every code example") for t in texts) and len(texts) == len(set(texts))


def test_a_passage_in_two_documents_is_one_hit_even_when_its_highlight_is_short(encoder):
    # A file added twice under two names (a manual's index.html linked to reference.html): the
    # passage's best line is a short name, too short to compare alone, so its passage is.
    reference = "Parser Creation\n\nXML_ParserFree\n\nvoid XML_ParserFree(XML_Parser p);"
    other = "Parsing\n\nXML_Parse parses some more of the document and returns a status."
    docs = [document_from_text("reference.txt", reference, title="Expat"),
            document_from_text("index.txt", reference, title="Expat"),
            document_from_text("parse.txt", other, title="Parsing")]
    searcher = _in_memory(encoder, docs)
    hits = searcher.search("What does XML_ParserFree do?", k=3)
    assert len(hits[0].highlight.text) < 40
    assert [h.doc_id for h in hits][1:] == ["parse.txt"]


def test_a_passage_that_uses_an_abbreviation_is_found_by_its_long_form(encoder):
    # The Methods define "cholera toxin B subunit (CTb)"; the Results say only "CTb". A question in
    # the long form must reach the Results by BM25 too. "(P)" and "(e.g.)" define nothing.
    text = ("Methods\n\nWe injected cholera toxin B subunit (CTb) into the sciatic nerve of each rat (P).\n\n"
            "Results\n\nFew peptidergic afferents were labelled with CTb, since they lack the GM1 ganglioside.")
    assert acronym_definitions(text) == {"CTb": "cholera toxin B subunit"}
    doc = document_from_text("rat.txt", text, title="Rat study")
    index = MemoryIndex([doc], encoder, ChunkingParams(max_tokens=32, overlap_tokens=0))
    results = next(r for r in range(len(index)) if "Few peptidergic" in doc.text[index.passage(r).start : index.passage(r).end])
    assert "cholera" not in doc.text[index.passage(results).start : index.passage(results).end]
    assert index.bm25_scores(bm25_terms(["cholera toxin"])[0])[results] > 0


def test_a_question_naming_an_identifier_finds_the_passage_that_holds_it_first(encoder):
    # Rust's error pages: the model reads "E0382" and "E0387" alike, and the page that names the
    # question's code is a passage mostly about moves and code, far from the question in meaning;
    # BM25 alone weighs too little in the fusion to put it first.
    e0382 = ("Error code E0382\n\nA variable was used after its contents have been moved elsewhere.\n\n"
             "Erroneous code example:\n\nstruct MyStruct { s: u32 }\nfn main() {\n    let mut x = MyStruct{ s: 5u32 };\n"
             "    let y = x;\n    x.s = 6;\n    println!(\"{}\", x.s);\n}\n\nSince MyStruct is a type that is not "
             "marked Copy, the data gets moved out of x when we set y. This is fundamental to Rust's ownership "
             "system: outside of workarounds like Rc, a value cannot be owned by more than one variable.\n\n"
             "Sometimes we don't need to move the value. Using a reference, we can let another function borrow "
             "the value without changing its ownership.")
    e0387 = ("Error code E0387\n\nNote: this error code is no longer emitted by the compiler.\n\nThis error occurs "
             "when an attempt is made to mutate or mutably reference data that a closure has captured immutably.")
    # other pages, so that "error" and "code" are common words, as in the whole error index
    others = {"E0381": "It is not allowed to use or capture an uninitialized variable.",
              "E0383": "This error occurs when an attempt is made to partially reinitialize a structure that is "
                       "currently uninitialized.",
              "E0384": "An immutable variable was reassigned.",
              "E0499": "A variable was borrowed as mutable more than once."}
    docs = [document_from_text("E0382.html", e0382, title="E0382"), document_from_text("E0387.html", e0387, title="E0387"),
            *(document_from_text(f"{c}.html", f"Error code {c}\n\n{t}", title=c) for c, t in others.items())]
    index = MemoryIndex(docs, encoder, ChunkingParams())
    question = "What does error E0382 mean?"
    searcher = Searcher(encoder=encoder, index=index)
    assert searcher.search(question, k=1)[0].doc_id == "E0382.html"
    # On the whole index the two pages tied without the identifier's share (0.651 each): it is
    # the passages that hold "E0382", and only those, that the fusion lifts.
    cand = searcher.candidates(question)
    holds = np.array([index.passage(int(r)).doc == index.doc_row("E0382.html") for r in cand.rows])
    assert (cand.identifier == holds).all()
    without = replace(DEFAULT_FUSION, identifier_weight=0.0)
    assert np.allclose(cand.fused(DEFAULT_FUSION) - cand.fused(without), DEFAULT_FUSION.identifier_weight * holds)
    assert identifiers(["what", "error", "e0382", "brca2", "p53", "19", "covid"]) == ["e0382", "brca2", "p53"]


def test_a_code_written_in_three_parts_counts_as_one_identifier(encoder):
    # Django's release notes: "CVE-2018-6188" was read as "cve", "2018" and "6188", no identifier,
    # and another note's vulnerability came first. Held whole, it lifts the passages that name it;
    # a name of two parts ("IL-6") is searched by its parts, as before.
    notes = {"2.0.2": ("CVE-2018-6188: Information leakage in AuthenticationForm\n\nA regression in Django 1.11.8 "
                       "made AuthenticationForm run its confirm_login_allowed() method even if an incorrect password "
                       "is entered."),
             "1.10.8": ("CVE-2017-12794: Possible XSS in traceback section of technical 500 debug page\n\nIn older "
                        "versions, HTML autoescaping was disabled in a portion of the template for the technical 500 "
                        "debug page, and versions fixed in 2018 escape it."),
             "3.1.13": ("CVE-2021-35042: Potential SQL injection via unsanitized QuerySet.order_by() input\n\n"
                        "Unsanitized user input passed to order_by() could bypass intended column reference "
                        "validation in versions fixed by 6188 patches.")}
    docs = [document_from_text(f"{v}.txt", t, title=f"Django {v} release notes") for v, t in notes.items()]
    searcher = Searcher(encoder=encoder, index=MemoryIndex(docs, encoder, ChunkingParams()))
    cand = searcher.candidates("Which versions fixed CVE-2018-6188?")
    holds = np.array([searcher.index.passage(int(r)).doc == searcher.index.doc_row("2.0.2.txt") for r in cand.rows])
    assert (cand.identifier == holds).all()
    assert searcher.search("Which versions fixed CVE-2018-6188?", k=1)[0].doc_id == "2.0.2.txt"
    assert not searcher.candidates("Does IL-6 rise after exercise?").identifier.any()


def test_an_acronym_or_a_mixed_case_name_that_names_one_document_counts_as_an_identifier(encoder):
    # "LIMIT" names one trial's paper; "DNA" is in two documents, so it names neither.
    docs = [document_from_text("limit.txt", "The LIMIT trial\n\nWomen in the LIMIT trial walked briskly on most days, "
                                            "and their DNA was stored.", title="The LIMIT trial"),
            document_from_text("goactive.txt", "GoActive\n\nTeenagers in the GoActive study walked to school, "
                                               "and their DNA was not collected.", title="GoActive")]
    searcher = _in_memory(encoder, docs)
    limit = searcher.index.doc_row("limit.txt")
    cand = searcher.candidates("How far did women walk in the LIMIT trial?")
    assert [float(s) for s in cand.identifier] == [float(searcher.index.passage(int(r)).doc == limit) for r in cand.rows]
    assert not searcher.candidates("Was DNA collected from the walkers?").identifier.any()
    # a name written in mixed case ("GoActive", "BeneMin") names its study's paper just as well
    goactive = searcher.index.doc_row("goactive.txt")
    cand = searcher.candidates("How did teenagers in GoActive get to school?")
    assert [float(s) for s in cand.identifier] == [float(searcher.index.passage(int(r)).doc == goactive) for r in cand.rows]
    assert mixed_case_names("The GoActive and BeneMin trials, PubMed, LIMIT") == ["goactiv", "benemin", "pubm"]


def test_an_acronym_naming_a_document_is_held_by_its_passages_that_do_not_repeat_it(encoder):
    # A paper names its trial in the abstract, not in every paragraph nor always in its title: the
    # results passage answers "... in the LIMIT trial?" without saying "LIMIT".
    results = " ".join(f"At {w} weeks the women reported {w * 10} more minutes of brisk walking than at entry."
                       for w in range(12, 40, 2))
    docs = [document_from_text("limit.txt", f"Advice in pregnancy\n\nThe LIMIT trial gave advice on diet and walking."
                                            f"\n\nResults\n\n{results}", title="Advice in pregnancy"),
            document_from_text("goactive.txt", "GoActive\n\nTeenagers in the GoActive study walked to school.",
                               title="GoActive")]
    searcher = Searcher(encoder=encoder, index=MemoryIndex(docs, encoder, ChunkingParams(max_tokens=64, overlap_tokens=0)))
    index = searcher.index
    limit = index.doc_row("limit.txt")
    cand = searcher.candidates("How much did women walk in the LIMIT trial?")
    silent = [i for i, r in enumerate(cand.rows) if index.passage(int(r)).doc == limit
              and "LIMIT" not in index.document(limit).text[index.passage(int(r)).start : index.passage(int(r)).end]]
    assert silent and all(cand.identifier[i] == 1.0 for i in silent)


def test_a_numbered_table_or_listing_is_held_by_the_passage_its_caption_opens(encoder):
    # BM25 drops one-character numbers, so "Table 2" matched every "table"; the caption is what
    # the question names, a mention in running text ("as Table 2 shows") is not.
    assert numbered_references("What do Table 2 and Fig. 3B show? In 2015, of 20 cases") == ["tab 2", "fig 3"]
    assert numbered_references("Listing 9-6: A function\nsee Section 2.3\n  Table S1 lists", captions=True) == [
        "lis 9-6", "tab s1"]
    assert numbered_references("Table 2015 was a good year") == []
    rows = "\n".join(f"Week {w} {w * 3} {w * 4}" for w in range(1, 9))
    mention = "Intake of fruit rose in the advice group, as Table 2 shows, while vegetables did not change (Table 3). "
    docs = [document_from_text("paper.txt", f"Diet trial\n\nResults\n\n{mention * 3}\n\n"
                                            f"Table 2 Fruit servings per day by group\n{rows}\n\n"
                                            f"Table 3 Vegetable servings per day by group\n{rows}", title="Diet trial",
                               capture=False)]
    searcher = Searcher(encoder=encoder, index=MemoryIndex(docs, encoder, ChunkingParams(max_tokens=48, overlap_tokens=0)))
    index, text = searcher.index, docs[0].text
    cand = searcher.candidates("What does Table 2 show?")
    held = {text[index.passage(int(r)).start : index.passage(int(r)).end].split("\n")[0]: float(s)
            for r, s in zip(cand.rows, cand.identifier)}
    assert held.pop("Table 2 Fruit servings per day by group") == 1.0
    # Table 3's caption, and the results that mention Table 2 but are not it
    assert "Table 3 Vegetable servings per day by group" in held and not any(held.values())


def test_a_one_letter_option_the_question_names_counts_among_its_identifiers(encoder, tmp_path):
    # BM25 indexes no "-k", and the passage that says "option" most is another option's; the
    # identifier share reads the candidates' texts for the option the question names.
    from assistant.text import command_options, holds_option

    assert command_options("What does -k do, and --keep? Not IL-6 nor e-mail.") == ["-k", "--keep"]
    assert holds_option("-k --keep: keep files", "-k") and not holds_option("-kv: verbose", "-k")
    text = ("# Manual\n\n## Options\n\nThe option -d makes the program decompress a file, and the option -c "
            "writes it to standard output.\n\n## Keeping files\n\n"
            "-k --keep: With this option the input files are kept. Without it, the program removes each "
            "input file once its output is written.\n")
    searcher = searcher_of_file(encoder, tmp_path / "manual.md", text)
    assert searcher.search("What does the -k option do?", k=1)[0].section[-1] == "Keeping files"


def test_a_list_of_keywords_lends_its_passage_no_sentence_score_unless_the_question_names_it(encoder, tmp_path):
    # The front matter of a review: a title that names no topic, a keywords line that echoes every
    # question on the topic, and an author's name.  For a question about the topic the passage's
    # best sentence is its title, so it ranks below the two passages that answer; asked for
    # the keywords, the line counts.
    text = ("# A narrative review\n\n"
            "Keywords: neuroscience, psychotherapy, counselling, depression, anxiety, brain\n\n"
            "Yu Takizawa, University of Tokyo.\n\n"  # a sentence: no front matter that opens the next section (`chunking`)
            "## Depression\n\nIn depression the prefrontal cortex and the hippocampus shrink.\n\n"
            "## Anxiety\n\nIn anxiety the amygdala responds more strongly to threats.\n\n"
            "## Counselling\n\nCounselling sessions last fifty minutes.\n")
    searcher = searcher_of_file(encoder, tmp_path / "review.md", text)

    def front_matter(question: str) -> tuple[float, int]:
        cand = searcher.candidates(question)
        rows = [int(r) for r in cand.rows]
        row = next(r for r in rows if "Keywords" in searcher.index.passage_text(r))
        order = np.argsort(-cand.fused(searcher.fusion)).tolist()
        return float(cand.sentence[rows.index(row)]), order.index(rows.index(row))

    sentence, rank = front_matter("How does the brain change in depression and anxiety?")
    assert sentence < 0.25 and rank >= 2, (sentence, rank)  # below the depression and anxiety passages
    sentence, _ = front_matter("Which keywords describe the review?")
    assert sentence > 0.3, sentence


def test_a_papers_declarations_answer_only_what_they_declare(encoder, tmp_path):
    # "Author contributions" names the trial in every line and says nothing of it: it must not
    # outrank the passage that describes the trial, yet it stays first for a question that asks
    # who, or names its heading ("contributions").
    from assistant.ingest import load_file

    page = tmp_path / "paper.md"
    page.write_text(
        "# The ALPHA trial of walking in pregnancy\n\n## Methods\n\nPregnant women were randomised to weekly "
        "supervised walking sessions or to standard antenatal care, and their diet was recorded at 28 weeks.\n\n"
        "## Author contributions\n\nAll members of the ALPHA trial group designed the ALPHA trial. The ALPHA trial "
        "group ran the ALPHA trial, and JMD wrote the first draft on the ALPHA trial.\n")
    doc, _ = load_file(page, "paper.md")
    searcher = Searcher(encoder=encoder, index=MemoryIndex([doc], encoder))
    assert searcher.search("What is the ALPHA trial?", k=1)[0].section == ("Methods",)
    assert searcher.search("Who designed the ALPHA trial?", k=1)[0].section == ("Author contributions",)
    assert searcher.search("What were the contributions to the ALPHA trial?", k=1)[0].section == ("Author contributions",)


def test_a_question_for_an_abbreviations_long_form_is_answered_by_the_sentence_that_spells_it_out(encoder):
    # Every passage about CTb says "CTb", most of them more often and closer to the question's
    # other words than the one sentence that spells it out, early in the paper; that sentence is the
    # answer, and it is said to be one. A definition may open its parentheses with more after it.
    text = ("Introduction\n\nWe injected cholera toxin B subunit (CTb) into the sciatic nerve of each rat. "
            "It was then transported to the spinal cord.\n\n"
            + "\n\n".join(f"Results part {n}\n\nCTb labelled boutons in lamina {n} stand for the CTb afferents; "
                          f"CTb boutons were counted and CTb contacts were mapped in region {n}." for n in range(1, 6)))
    searcher = _in_memory(encoder, [document_from_text("ctb.txt", text, title="Afferents in lamina I")])
    hits = searcher.search("What does CTb stand for?", k=3)
    assert hits[0].highlight.text.startswith("We injected cholera toxin B subunit (CTb)")
    assert hits[0].probability == 1.0 and searcher.answered(hits, "What does CTb stand for?")
    spelled = acronym_definitions("time in moderate-to-vigorous physical activity (MVPA; at least 2000 counts/min)")
    assert spelled == {"MVPA": "moderate-to-vigorous physical activity"}


def test_a_question_for_what_a_term_is_is_answered_by_the_sentence_that_defines_it(encoder):
    # A tool's manual: the sentence that names the term beside the most other words ("a directory
    # of shims ... PATH") is not what a shim is; the one with the term as its subject and a class
    # after "are" is. Sentences that open with the term but describe it ("is present", "are
    # shown", "are as follows") define nothing.
    text = ("Understanding Shims\n\nThe tool works by inserting a directory of shims at the front of your PATH, "
            "so a shim for every command comes first. Through a process called rehashing, the tool keeps a shim "
            "in that directory for every command of every installed version. Shims are lightweight executables "
            "that simply pass your command along to the tool. So when you run pip, the shim runs first.")
    searcher = _in_memory(encoder, [document_from_text("tool.md", text, title="The tool")])
    for question in ("What is a shim?", "What are shims?", "What does shim mean?"):
        assert searcher.search(question, k=1)[0].highlight.text.startswith("Shims are lightweight executables"), question
    assert asked_term("What is the role of the hippocampus?") == "role of the hippocampus"
    assert asked_term("What is it?") is None and asked_term("How is it treated?") is None
    assert states_definition("Neuroplasticity, also known as brain plasticity, refers to the brain's ability to "
                             "adapt.", "neuroplasticity")
    assert states_definition("The primary outcome is the change in symptoms at 12 weeks.", "primary outcome")
    assert states_definition("Unsafe Rust has two new types called raw pointers that are similar to references.", "raw pointer")
    assert states_definition('"Contribution" shall mean any work of authorship submitted to the Licensor.', "Contribution")
    assert not states_definition("We can create raw pointers in safe code.", "raw pointer")
    # what the term is of may stand between it and its class
    assert states_definition("The type affinity of a column is the recommended type for data stored in that column.",
                             "type affinity")
    assert not states_definition("The type affinity of the operands is shown in Table 2.", "type affinity")
    # a thing no one counts is defined by a noun without an article, before "of" or a gerund; an
    # adjective there describes it ("Insomnia is trouble falling ..." had lost to a list that names it)
    assert states_definition("Insomnia is trouble falling or staying asleep on three nights a week.", "insomnia")
    assert states_definition("Anxiety is fear of what may happen.", "anxiety")
    for describes in ("Insomnia is common in older adults.", "Insomnia is capable of ruining lives.",
                      "Sleep is essential for memory."):
        assert not states_definition(describes, describes.split()[0].lower()), describes
    page = ("Treating insomnia without pills\n\nInsomnia is trouble falling or staying asleep on at least three nights "
            "a week for three months or more.\n\nWhat CBT-I involves\n\nCognitive behavioural therapy for insomnia "
            "(CBT-I) has five parts:\n\n1. Sleep restriction: time in bed is cut to the hours actually slept.\n"
            "2. Stimulus control: the bed is used only for sleep.\n3. Sleep hygiene: no caffeine after noon.\n")
    insomnia = _in_memory(encoder, [document_from_text("insomnia.txt", page, title="Treating insomnia without pills")])
    assert insomnia.search("What is insomnia?", k=1)[0].highlight.text.startswith("Insomnia is trouble falling")
    for describes in ("Neuroplasticity is present throughout our lives.", "The results are shown in Table 2.",
                      "Results are as follows:", "A directory of shims is inserted."):
        assert not states_definition(describes, "results" if "esults" in describes else
                                     "shim" if "shim" in describes else "neuroplasticity"), describes


def test_what_a_term_is_is_answered_by_its_definition_before_a_sentence_of_what_it_does(encoder, tmp_path):
    # A vignette's section on nonlinear models opens "Quantile regression models with response
    # functions ... can be estimated with nlrq", which reads as what quantile regression does
    # ("models"), and matched the question's words far better than the abstract's definition: the
    # definition answers "What is ...?"; "What does ... do?" still takes what it does.
    text = ("## Abstract\n\nThis vignette offers a brief tutorial introduction to the package. Quantile regression is an "
            "evolving body of statistical methods for estimating and drawing inferences about conditional quantile "
            "functions. Data sets and functions of the package are shown along the way, with their printed output.\n\n"
            "## Nonlinear quantile regression\n\nQuantile regression models with response functions that are nonlinear "
            "in parameters can be estimated with the function nlrq. What quantile regression is for such models: "
            "nonlinear quantile regression is fitted by an interior point method for quantile regression problems.")
    page = tmp_path / "rq.md"
    page.write_text(text)
    searcher = _in_memory(encoder, [load_file(page, "rq.md")[0]])
    assert searcher.search("What is quantile regression?", k=1)[0].highlight.text.startswith("Quantile regression is")
    assert asks_definition("What is quantile regression?") and asks_definition("Define quantile regression")
    assert not asks_definition("What does nlrq do?")
    # a manual page's name line says what its program is ("clusterdb — cluster a PostgreSQL
    # database" had lost the highlight to the synopsis under it); a table's row does not
    assert states_definition("clusterdb — cluster a PostgreSQL database", "clusterdb")
    assert states_definition("bash(1) - GNU Bourne-Again SHell", "bash")
    assert not states_definition("Depression - 12 patients (23%)", "depression")


def test_an_api_references_entry_defines_the_name_it_documents(encoder, tmp_path):
    # A library reference: each entry opens with the name, its module, its signature and what it
    # is ("class", "classmethod", a decorator's "@"); the tutorial's sentence on dumps() shares
    # more words with "What does json.dumps return?" and came first. A dotted name is one term,
    # never the plural of another ("json.dumps" is not "json.dump").
    from assistant.ingest import load_file

    assert asked_term("What does json.dumps return?") == "json.dumps" and asked_term("What is os.path.split?") == "os.path.split"
    for entry, term in (("json.dumps(obj, *, skipkeys=False, indent=None): Serialize obj to a JSON formatted str.", "json.dumps"),
                        ("class collections.deque([iterable[, maxlen]]): Returns a new deque object.", "deque"),
                        ("classmethod date.today(): Return the current local date.", "date.today"),
                        ("@functools.lru_cache(maxsize=128, typed=False): Decorator to wrap a function.", "functools.lru_cache")):
        assert states_definition(entry, term), entry
    assert not states_definition("json.dump(obj, fp): Serialize obj as a JSON formatted stream to fp.", "json.dumps")
    page = tmp_path / "json.md"
    page.write_text("# json\n\n## Basic Usage\n\njson.dump(obj, fp, *, skipkeys=False): Serialize obj as a JSON formatted "
                    "stream to fp.\n\njson.dumps(obj, *, skipkeys=False, indent=None): Serialize obj to a JSON formatted str "
                    "using this conversion table.\n\n## Saving structured data\n\nThe dumps() function returns the JSON "
                    "string of what it is given: json.dumps returns a str, and json.dumps of a list returns a JSON array.\n")
    doc, _ = load_file(page, "json.md")
    searcher = Searcher(encoder=encoder, index=MemoryIndex([doc], encoder, ChunkingParams(max_tokens=64, overlap_tokens=24)))
    hit = searcher.search("What does json.dumps return?", k=1)[0]
    assert hit.highlight.text.startswith("json.dumps(obj, *, skipkeys=False"), hit
    # printed, the entry is its signature wrapped over lines of code, then what it does: the first
    # sentence in words under it answers (the note above it had been the highlight)
    printed = document_from_text("json.pdf", (
        "Basic Usage\n\nNote: Unlike pickle and marshal, JSON is not a framed protocol, so trying to serialize multiple "
        "objects with repeated calls to dump() using the same fp will result in an invalid JSON file.\n\n"
        "json.dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,\nallow_nan=True, cls=None, indent=None, "
        "separators=None, default=None,\nsort_keys=False, **kw)\n\nSerialize obj to a JSON formatted str using this "
        "conversion table. The arguments have the same meaning as in dump().\n\nThe tutorial's dumps() returns the JSON "
        "string of what json.dumps is given, and json.dumps of a list returns a JSON array.\n"), title="json")
    searcher = Searcher(encoder=encoder, index=MemoryIndex([printed], encoder, ChunkingParams(max_tokens=96, overlap_tokens=24)))
    hit = searcher.search("What does json.dumps return?", k=1)[0]
    assert hit.highlight.text.startswith("Serialize obj to a JSON formatted str"), hit


def test_a_term_whose_last_word_is_introduced_as_a_name_is_defined_where_nothing_defines_the_whole_term(encoder):
    # A guideline names "stunning" as it introduces it ("a phenomenon termed “stunning” may occur
    # when ..."); asked about "thyroid stunning", which no sentence defines whole, that is the
    # answer, not the first sentence, which shares more of the question's words.
    text = ("Diagnostic imaging and thyroid stunning\n\nDiagnostic whole-body imaging is recommended after thyroid "
            "surgery to assess the thyroid remnant. However, a phenomenon termed \u201cstunning\u201d may occur when "
            "imaging doses of iodine damage the follicular cells. Stunning of the thyroid remnant lowers the uptake of "
            "the treatment dose that follows.")
    searcher = _in_memory(encoder, [document_from_text("guideline.txt", text, title="A guideline")])
    hit = searcher.search("What is thyroid stunning?", k=1)[0]
    assert hit.highlight.text.startswith("However, a phenomenon termed"), hit.highlight


def test_a_passage_that_defines_the_term_asked_about_comes_first_and_is_as_relevant_as_its_definition(encoder):
    # A manual's chapter on affinity: its subsections say "affinity" in every sentence and match the
    # question's words best; the passage that says what type affinity is comes first.
    expressions = ("Type Affinity Of Expressions\n\nEvery table column has a type affinity but expressions do "
                   "not necessarily have a type affinity. An expression of the form CAST(expr AS type) has a type affinity "
                   "that is the same as a column with a declared type of type. A COLLATE operator has the same "
                   "type affinity as its left-hand side operand. Otherwise, an expression has no type affinity.")
    columns = ("Determination Of Column Type Affinity\n\nThe type affinity of a column is determined by the "
               "declared type of the column. If the declared type contains the string INT then it is assigned INTEGER type affinity. "
               "If the declared type contains the string CHAR then that column has TEXT type affinity.")
    defined = ("Datatypes\n\nType Affinity\n\nSQL database engines that use rigid typing will usually try to "
               "automatically convert values to the appropriate datatype. Consider this:\n\n"
               "CREATE TABLE t1(a INT, b VARCHAR(10));\n\nINSERT INTO t1(a,b) VALUES('123',456);\n\n"
               "Rigidly-typed database will convert the string '123' into an integer 123 and the integer 456 into "
               "a string '456' prior to doing the insert.\n\n"
               "In order to maximize compatibility between SQLite and other database engines, SQLite supports the "
               "concept of \"type affinity\" on columns. The type affinity of a column is the recommended type for data "
               "stored in that column. The important idea here is that the type is recommended, not required. Any "
               "column can still store any kind of data. It is just that some columns, given the choice, will "
               "prefer to use one storage class over another.")
    docs = [document_from_text(f"{name}.txt", text, title=title) for name, text, title in (
        ("expressions", expressions, "Affinity Of Expressions"), ("columns", columns, "Column Affinity"),
        ("affinity", defined, "Datatypes In SQLite"))]
    searcher = _in_memory(encoder, docs)
    question = "What is type affinity?"
    hit = searcher.search(question, k=3)[0]
    assert hit.doc_id == "affinity.txt" and hit.highlight.text.startswith("The type affinity of a column is")
    # The heading the model scores best hands the highlight on to the sentence after it, which says
    # nothing of affinity; the passage's relevance is that of the definition, which the model
    # scores higher, not that sentence's.
    index = searcher.index
    row = next(r for r in range(len(index)) if index.passage(r).doc == 2)
    q = encoder.encode_query(question)
    terms = term_weights(index, question, bm25_tokenize([question])[0])
    sentences, x, heading, leads, _, _ = sentence_features(index, row, q, terms)
    logits = answer_model().sentence_logits(x)
    answer = passage_answer(index, row, q, terms, (0.5, 0.5), True, term=asked_term(question))
    shown = answer.sentence - sentences.start
    assert index.sentence_text(answer.sentence).startswith("The type affinity of a column is")
    assert logits[shown] > logits[pick(logits, heading, leads)]
    assert answer.relevance[RELEVANCE_FEATURES.index("answer_logit")] == pytest.approx(logits[shown])


def test_what_a_named_thing_does_is_the_first_sentence_under_its_own_heading(encoder, tmp_path):
    # An API reference as its generators set one: each function's signature heads its section, and
    # the first sentence under it says what it does. A later sentence names the function beside
    # more of the question's words ("emulate truncate") and only mentions it; so does another
    # function's section. A heading over code is no heading over words: its first line of code is
    # not the answer.
    searcher = searcher_of_file(encoder, tmp_path / "lists.md", (
        "# Lists\n\n## truncate(len)\n\nShortens the list, keeping the first len items and dropping the rest.\n\n"
        "The drain method can emulate what truncate does, but it returns the items instead of dropping them.\n\n"
        "## clear()\n\nRemoves every item. Unlike truncate, it keeps no item at all.\n\n"
        "## Examples of truncate\n\n```\nlist.truncate(2)\n```\n"))
    hit = searcher.search("What does truncate do?", k=1)[0]
    assert hit.section == ("truncate(len)",) and hit.highlight.text.startswith("Shortens the list"), hit.highlight
    assert asked_term("What does the drain method do?") == "drain method"
    assert asked_term("What does it do?") is None


def test_what_an_option_does_is_said_under_the_line_that_opens_its_entry(encoder, tmp_path):
    # A manual page saved as text: each option's line ("-J destination") over its description. The
    # synopsis names every option, another option's entry mentions -J ("see also -J"), and the
    # entry's last sentence names more of the question's words ("jump hosts", "ssh") than its
    # first, which says what the option does. "the -J option" had been the term asked of, so
    # no passage defined it and the synopsis came first.
    searcher = searcher_of_file(encoder, tmp_path / "ssh.txt", (
        "NAME\nssh - OpenSSH remote login client\n\n"
        "SYNOPSIS\nssh [-46AaCf] [-B bind_interface] [-J destination] [-L address] destination [command]\n\n"
        "DESCRIPTION\nssh is a program for logging into a remote machine and for executing commands on it.\n\n"
        "-A Enables forwarding of connections from an authentication agent. A safer alternative may be to use "
        "a jump host (see -J).\n\n"
        "-J destination\nConnect to the target host by first making a connection to the host described by "
        "destination and then establishing a TCP forwarding from there. Use ssh's own configuration file to "
        "configure the jump hosts that the -J option of ssh names.\n\n"
        "-L address\nSpecifies that connections to the given TCP port on the local host are to be forwarded.\n"))
    for question in ("What does the -J option of ssh do?", "What does -J do in ssh?", "What is -J for?"):
        assert asked_term(question) == "-J"
        hit = searcher.search(question, k=1)[0]
        assert hit.highlight.text.startswith("Connect to the target host"), (question, hit.highlight)
    assert asked_term("What does the --location flag mean?") == "--location"
    # a one-digit option is one where the question calls it so or asks what it does; "-2" alone
    # is a number
    assert asked_term("What does -4 do in ssh?") == "-4" and asked_term("What is the -9 flag for?") == "-9"
    # the program may be named before its option ("What does cmake --build do?" had asked of nothing)
    assert asked_entry("What does cmake --build do?") == "--build"
    assert asked_entry("What does git log --oneline do?") == "--oneline"
    assert asked_term("What is -2?") is None
    assert asked_term("What does the drain method do?") == "drain method"


def test_an_option_set_in_an_examples_object_literal_opens_no_entry(encoder, tmp_path):
    # A JavaScript package's README: an example sets the option ("changeOrigin: true," inside
    # createProxyServer({...})) before the list of options says what it does. The example's line had
    # been taken for the option's entry, and was the highlight.
    page = tmp_path / "proxy.md"
    page.write_text("# node-proxy\n\n## Using HTTPS\n\nProxy to an HTTPS target:\n\n```js\n"
                    "httpProxy.createProxyServer({\n  target: {\n    protocol: 'https:',\n    host: 'my-domain-name',\n"
                    "    port: 443,\n  },\n  changeOrigin: true,\n}).listen(8000);\n```\n\n## Options\n\n"
                    "* **target**: url string to be parsed with the url module\n"
                    "* **ws**: true/false, if you want to proxy websockets\n"
                    "* **changeOrigin**: true/false, Default: false - changes the origin of the host header to the "
                    "target URL\n")
    searcher = searcher_of_file(encoder, page, page.read_text())
    assert is_code_like("changeOrigin: true,") and is_code_like("port: 443,") and not is_code_like("Location: Room 2,")
    hit = searcher.search("What does the changeOrigin option do?", k=1)[0]
    assert hit.highlight.text.startswith("• changeOrigin: true/false"), hit.highlight


def test_what_a_parameter_does_is_said_under_the_line_that_names_and_types_it(encoder, tmp_path):
    # A package README's parameter list ("• leave : bool, optional" over its description), the
    # class's signature naming every parameter, and a later tip that opens with one's name in a
    # sentence ("• mininterval is more intuitive ..."), which is no entry. The passages about
    # monitoring had come first, and the entry's own line had been the highlight.
    searcher = searcher_of_file(encoder, tmp_path / "progress.txt", (
        "progress\n\nclass progress(iterable=None, leave=True, mininterval=0.1, miniters=None)\n\n"
        "Parameters\n\n• iterable : iterable, optional\nIterable to decorate with a progress bar.\n"
        "• leave : bool, optional\nIf [default: True], keeps all traces of the progress bar upon termination of "
        "iteration.\n• mininterval : float, optional\nMinimum progress display update interval [default: 0.1] "
        "seconds.\n\nMonitoring thread, intervals and miniters\n\nThe bar avoids frequent refreshing: mininterval "
        "defines how long to wait between each refresh.\n\n• mininterval is more intuitive to configure than "
        "miniters, and the default mininterval suits most terminals.\n"))
    for question, answer in (("What does the leave parameter do in progress?", "If [default: True], keeps all traces"),
                             ("What is the default mininterval?", "Minimum progress display update interval"),
                             ("What is the default value of the mininterval argument?",
                              "Minimum progress display update interval")):
        assert asked_entry(question) in ("leave", "mininterval")
        hit = searcher.search(question, k=1)[0]
        assert hit.highlight.text.startswith(answer), (question, hit.highlight)
    assert asked_entry("What does the drain method do?") is None and asked_entry("What is a shim?") is None
    # what a parameter does may be asked with any verb ("What does the PS1 variable control?" had
    # been searched as words, and PS2's entry, which names PS1, came first)
    assert asked_entry("What does the PS1 variable control?") == "PS1"
    # a builtin or a command is listed under its name, its synopsis under that: what it does is
    # said after the synopsis (the label "trap:" had been the highlight)
    assert asked_entry("What does the trap builtin do?") == "trap"
    shell = searcher_of_file(encoder, tmp_path / "builtins.md", (
        "# Shell builtins\n\n" + "\n\n".join(f"{name}:\n\n{name} [-lp] [arg]\n\n{what}" for name, what in (
            ("times", "Print out the user and system times used by the shell and its children."),
            ("trap", "The commands in arg are to be read and executed when the shell receives a signal."),
            ("type", "Indicate how each name would be interpreted if used as a command name.")))))
    hit = shell.search("What does the trap builtin do?", k=1)[0]
    assert hit.highlight.text.startswith("The commands in arg are to be read"), hit.highlight
    # a manual page's name with its section heads its page, no entry: "debmake(1) manpage" had been
    # the highlight for "What does the debmake command do?", over the NAME line and DESCRIPTION
    manual = searcher_of_file(encoder, tmp_path / "guide.md", (
        "# Guide\n\n## debmake(1) manpage\n\nA.1 NAME\n\ndebmake - program to make a Debian source package\n\n"
        "A.2 DESCRIPTION\n\ndebmake helps to build a Debian package from the upstream source.\n"))
    hit = manual.search("What does the debmake command do?", k=1)[0]
    assert hit.highlight.text.startswith("debmake "), hit.highlight
    assert asked_entry("What does the mininterval parameter set in progress?") == "mininterval"
    # an options table's row opens its option's entry: the row the question names is the highlight,
    # not the first row, which scored best
    table = searcher_of_file(encoder, tmp_path / "client.md", (
        "# client\n\n## Options\n\n| Option | Description | Default |\n|---|---|---|\n"
        "| timeout | Seconds to wait for the server to answer before giving up. | 30 |\n"
        "| retries | How many times a failed request is sent again. | 3 |\n"
        "| verify | Whether the server's TLS certificate is checked. | true |\n"))
    hit = table.search("What does the verify option do?", k=1)[0]
    assert hit.highlight.text.startswith("verify | Whether the server's TLS certificate"), hit.highlight
    # a passage opening the entry of the option asked of answers it, whatever the probability the
    # sentence model gives a table's row; an option the table has no row for is not answered so
    for question, answered in (("What does the verify option do?", True), ("What does the proxy option do?", False)):
        assert table.hits_answer(table.search(question, k=3), question)[0] is answered, question


def test_a_question_naming_a_label_of_a_list_item_gets_the_value_the_item_gives_under_it(encoder, tmp_path):
    # An API reference's options (Node's readline): each item describes its option, and its default
    # stands under a label at the item's end. Asked for the default, the highlight runs on to it;
    # asked what the option does, it stays the description; another item's default is not taken.
    # The options are nested under `options`, so their items read "◦".
    from assistant.ingest import load_file

    page = tmp_path / "readline.md"
    page.write_text(
        "# Readline\n\n## createInterface(options)\n\n"
        "* `options` {Object}\n"
        "  * `historySize` {number} Maximum number of history lines retained. To disable\n"
        "    the history set this value to `0`. This option makes sense only if\n"
        "    `terminal` is set to `true`.\n"
        "    **Default:** `30`.\n"
        "  * `prompt` {string} The prompt string to use. **Default:** `'> '`.\n"
        "  * `tabSize` {integer} The number of spaces a tab is equal to (minimum 1).\n"
        "    **Default:** `8`.\n")
    doc, _ = load_file(page, "readline.md")
    searcher = Searcher(encoder=encoder, index=MemoryIndex([doc], encoder))
    hit = searcher.search("What is the default history size?", k=1)[0]
    assert hit.highlight.text.startswith("◦ historySize") and hit.highlight.text.endswith("Default: 30."), hit.highlight
    hit = searcher.search("What does historySize set?", k=1)[0]
    assert hit.highlight.text.startswith("◦ historySize") and "Default" not in hit.highlight.text
    hit = searcher.search("What is the default tab size?", k=1)[0]
    assert hit.highlight.text.endswith("Default: 8.") and "30" not in hit.highlight.text


def test_a_caption_set_without_a_separator_after_its_number_stands_aside_too(encoder, tmp_path):
    # A guideline's table under its recommendation, captioned as journals and guidelines set one,
    # "Table 1" and the title in capitals with no colon between: the title repeats the question's
    # words and states nothing; the recommendation answers. "Table 2 shows ..." is a sentence.
    text = ("# Depression in adults\n\n## 1.3 Treatment for more severe depression\n\n1.3.1 Offer a combination of "
            "individual cognitive behavioural therapy and an antidepressant as the first choice of treatment for more "
            "severe depression.\n\nTable 1 Treatment options for more severe depression\n\n"
            "| Treatment | Sessions |\n|---|---|\n| Individual CBT | 16 to 20 |\n| Behavioural activation | 16 to 20 |\n")
    searcher = searcher_of_file(encoder, tmp_path / "guideline.md", text)
    hit = searcher.search("What is the first choice of treatment for more severe depression?", k=1)[0]
    assert hit.highlight.text.startswith("1.3.1 Offer a combination"), hit.highlight


def test_a_captions_title_names_what_a_figure_shows_and_answers_only_a_question_about_figures(encoder):
    # A figure's caption (a rat spinal cord paper's): its title holds every word of the question and
    # states nothing; the caption's later sentence says what the figure shows. Asked which figure
    # shows something, the title is the answer.
    text = ("Results\n\nSections were cut at 60 micrometres and stained overnight.\n\n"
            "Fig. 6. Contact density on dendrites of projection neurons by distance from the cell body. "
            "Shells of 20 micrometres were centred on the soma of each cell. Although density varied within "
            "each shell, it showed no clear trend with distance from the soma.")
    searcher = _in_memory(encoder, [document_from_text("lamina.txt", text, title="Projection neurons in lamina I")])
    hit = searcher.search("Does contact density on projection neuron dendrites change with distance from the "
                          "cell body?", k=1)[0]
    assert hit.highlight.text.startswith("Although density varied"), hit.highlight
    hit = searcher.search("Which figure shows contact density on dendrites by distance from the cell body?", k=1)[0]
    assert hit.highlight.text.startswith("Contact density on dendrites"), hit.highlight


def test_a_question_about_a_figure_is_answered_by_its_caption_before_prose_saying_the_same(encoder):
    # A trial paper (as journals set one): the intervention's prose says how mentors and peer
    # leaders are organised in the question's own words; the figure's caption, on a later page
    # among the measurements, names it in other words. Asked which figure shows it, the caption
    # answers; asked how they are organised, the prose still does.
    text = ("Intervention\n\nMentors are older students who support each class. Mentors are helped by in-class "
            "peer leaders who change weekly, and the leaders report to their mentors at the end of each week.\n\n"
            "Each tutor group chooses two activities a week from a menu of twenty.\n\n"
            "Figure 1 Tiered leadership system.\n\n"
            "Measurements\n\nMeasurement sessions took place at baseline and fourteen weeks later in every school. "
            "Accelerometers were worn on the wrist for seven days.")
    searcher = _in_memory(encoder, [document_from_text("goactive.txt", text, title="A school physical activity trial")],
                          _SHORT_PASSAGES)
    hit = searcher.search("Which figure shows how the mentors and in-class peer leaders are organised?", k=1)[0]
    assert hit.highlight.text.startswith("Figure 1 Tiered leadership system"), hit.highlight
    hit = searcher.search("How are the mentors and in-class peer leaders organised?", k=1)[0]
    assert hit.highlight.text.startswith("Mentors are helped"), hit.highlight


@pytest.mark.parametrize(("question", "asks"), [
    ("Which figure shows the flow of participants?", True),
    ("What does Fig. 3 show?", True),
    ("What is the website called, according to its homepage figure?", True),
    ("How did they figure out the dose?", False),  # a verb
    ("What was the figure for unemployment in 2020?", False),  # a number
    ("What are the sales figures?", False),
    ("What does the chart show?", True),
    ("What is a Gantt chart?", False),  # a kind of chart, which prose defines
    ("Who is the most famous public figure in the field?", False),
    ("Who made it? (Which figure shows the flow of participants?)", False),  # a follow-up, the earlier question in brackets
])
def test_a_question_asks_about_a_figure_only_when_it_names_one_as_a_picture(question, asks):
    assert asks_figure(question) is asks


@pytest.mark.parametrize(("text", "caption"), [
    ("Results\n\nFigure 1 Tiered leadership system.\n\nMeasurements", True),
    ("Fig. 2. Example of a Fluorogold injection site.", True),
    ("Figure 1. Homepage of the Internet Doctor website.", True),
    ("Figure 2 shows the flow of participants.", False),  # a sentence about the figure
    ("as shown in Figure 2. The rates rose.", False),  # not where a line opens
])
def test_a_figures_caption_is_a_line_opening_with_its_label_and_a_title(text, caption):
    assert shows_figure(text) is caption


def test_an_amount_asked_of_a_row_a_borderless_table_names_is_answered_by_that_row_first(encoder):
    # A trial report as a PDF's borderless table reads: each row a label and then numbers alone
    # (percentage, a dash for an empty cell, count; control arm, then intervention). The results'
    # prose speaks of smokers in the question's words and gives other numbers; the row says it.
    text = ("Results\n\nAt 6-month follow-up the intervention and control arms differed in the number of current "
            "smokers at follow-up (B = .65, SE = .25, p = .010), and fewer students in the control arm reported "
            "smoking at baseline than at follow-up.\n\n"
            "Table 1 Baseline characteristics\n"
            "Has smoked 37.24 - 264 37.23 - 274\n"
            "Has never smoked 62.76 - 445 62.77 - 462\n"
            "Current smokers 11.99 - 85 11.28 - 83\n"
            "N students 709 736\n\n"
            "Discussion\n\nEngagement with the website was low, and few students downloaded the app.")
    searcher = _in_memory(encoder, [document_from_text("uni.txt", text, title="A health behaviour trial for new university students")],
                          _SHORT_PASSAGES)
    hit = searcher.search("What percentage of control-arm students were current smokers at baseline?", k=1)[0]
    assert "Current smokers 11.99" in hit.text, hit.text
    # a row whose label is one word ("N students") names what the whole table counts, no amount asked
    assert not names_row("N students 709 736", {"student", "number"})
    assert names_row("28 weeks 1009.34 (366.54) 984.56 (400.48) 0.04 40.73 (1.57 to 79.88)", {"28", "week", "calcium"})
    assert not names_row("Current smokers were 11.99% of the arm, 85 students", {"current", "smoker"})  # prose
    asked = set(bm25_tokenize(["When did the Public Health Research Programme fund it, from September?"])[0])
    assert names_row("Public Health Research Programme September 2015 2016", asked)
    assert not names_row("Public Health Research Programme September 2015 to", asked)  # a line of prose cut short


def test_a_count_of_those_who_did_something_is_answered_by_a_count_with_its_share_first(encoder):
    # A trial's methods describe the walking sessions in the question's words and count other things
    # (locations, minutes); its results count the women who declined, each count with its share.
    text = ("Walking group\n\nWomen offered the walking sessions could walk at three outdoor walking locations or two "
            "indoor walking locations in shopping centres, and each walking session lasted 40 minutes.\n\n"
            "Participation\n\nOf the women randomised to the Walking group, 190 (66%) subsequently declined to take part "
            "when contacted, 57 (20%) booked but did not attend, and 40 (14%) attended at least one session.")
    searcher = _in_memory(encoder, [document_from_text("limit.txt", text, title="Antenatal advice for women who are overweight")],
                          _SHORT_PASSAGES)
    hit = searcher.search("Of the pregnant women offered the walking sessions, how many turned the offer down?", k=1)[0]
    assert "190 (66%)" in hit.text, hit.text


@pytest.mark.parametrize(("question", "asks"), [
    ("Of the pregnant women offered the walking sessions, how many turned the offer down?", True),
    ("How many students actually put the app on their phones?", True),
    ("How many died?", True),
    # what was done to them, what they were: the count is of a group, not of those who did something
    ("How many patients were sent letters asking them to join the study?", False),
    ("Among smokers at baseline, how many were non-smokers six months later?", False),
    ("How many articles did the search find?", False),
    # "how many" inside another question, and a span of time
    ("What effect did they treat as meaningful when working out how many participants they needed?", False),
    ("How many weeks did the programme last?", False),
])
def test_a_question_counts_those_who_did_something_only_by_its_own_verb(question, asks):
    assert asks_count_done(question) is asks


@pytest.mark.parametrize(("text", "share"), [
    ("190 (66%) subsequently declined", True),
    ("only 15 participants (2%) downloaded the app", True),
    ("collected by 170/324 (52.5%) eligible participants", True),
    ("Non-owner occupied 369 (59) 254 (41)", False),  # a table's cells without the per cent sign
    ("aged 18 (SD 2.1) years", False),
    ("in 2015 (see 3%)", False),
])
def test_a_share_is_a_count_with_its_per_cent_in_brackets(text, share):
    assert counts_with_share(text) is share


def test_a_share_asked_for_is_answered_by_a_passage_writing_a_share_first(encoder):
    # A trial's methods describe the reminder questionnaires in the question's words and give other
    # numbers (pages, questions); its results give the share of responses they brought in.
    text = ("Questionnaires\n\nThe 12-month follow-up questionnaire comprised 14 pages with 42 questions. Two shorter "
            "reminder versions of the follow-up questionnaire were developed, of six pages and of four pages, and sent to "
            "parents who had not returned it.\n\n"
            "Retention\n\nWe received 751 completed questionnaires from 1,060 parents approached. Most came from the first "
            "distribution; 20% (n = 149) of the total responses came from the reminders.")
    searcher = _in_memory(encoder, [document_from_text("kcs.txt", text, title="Retaining families in a trial")], _SHORT_PASSAGES)
    hit = searcher.search("What share of the returned follow-up questionnaires came in through the shorter reminder versions?", k=1)[0]
    assert "20% (n = 149)" in hit.text, hit.text


@pytest.mark.parametrize(("question", "asks"), [
    ("What share of the returned questionnaires came in through the reminders?", True),
    ("What percentage of control-arm students were current smokers at baseline?", True),
    ("What proportion of patients relapsed?", True),
    ("How many patients relapsed?", False),  # a count, not a share
    ("Did the briefing increase the proportion of families with a fire escape plan?", False),  # asks whether
])
def test_a_question_asks_for_a_share_by_what_percentage_proportion_or_share(question, asks):
    assert asks_share(question) is asks


@pytest.mark.parametrize(("text", "share"), [
    ("20% (n = 149) of the total responses", True),
    ("12.7 per cent of women smoked", True),
    ("Smoker, n (%) 124 (12.7) 97 (10.2)", True),  # the label says the cells are shares
    ("collected by 170/324 eligible participants", True),
    ("two-thirds were randomly assigned to the intervention", True),  # a fraction in words
    ("half of the schools took part", True),
    ("one in five parents did not reply", True),
    ("It comprised 14 pages with 42 questions.", False),
    ("dated 12/05/2014", False),
    ("in the first half, one of the sites withdrew", False),  # a half that is no share of a group
])
def test_a_share_is_written_as_a_per_cent_a_count_of_a_whole_or_a_fraction_in_words(text, share):
    assert states_share(text) is share


def test_what_someone_got_for_doing_something_is_answered_by_a_passage_naming_a_sum_first(encoder):
    # The trial's recruitment section says "send back completed ... form" in the question's words and
    # names no reward; the follow-up section says what was given for each questionnaire returned.
    text = ("Recruitment of parents\n\nFamilies who did not send back their completed questionnaire or consent form "
            "(n = 119) were counted as passive refusals, and forms sent back blank were not used.\n\n"
            "Follow-up\n\nParticipants were told that a £5 gift voucher for local shops would be given for every "
            "questionnaire returned.")
    searcher = _in_memory(encoder, [document_from_text("kcs.txt", text, title="Keeping families in a trial")], _SHORT_PASSAGES)
    hit = searcher.search("Did families receive anything for sending back completed forms?", k=1)[0]
    assert hit.highlight.text.startswith("Participants were told that a £5 gift voucher"), hit.highlight


@pytest.mark.parametrize(("question", "money"), [
    ("Did families receive anything for sending back completed forms?", True),
    ("What did participants get for completing the survey?", True),
    ("What do volunteers receive for taking part?", True),
    ("Did patients receive anything for pain?", False),  # for a condition, not for doing something
    ("Who was given the task of recruiting?", False),
])
def test_a_question_for_what_was_got_for_doing_something_asks_for_money(question, money):
    assert (asked_amount(question) == "money") is money


def test_a_passages_sentence_score_reads_two_adjacent_sentences_together(encoder):
    # The second sentence says what "these" are only with the first: the number sent is in one, the
    # invitations in the other. Read together, the two match the question better than either alone.
    text = ("Participants were recruited by mailed invitations to take part in a study of ways to stop colds and flu "
            "spreading. These were sent to 8150 people aged over 18, sampled at random from the lists of nine general "
            "practices.")
    searcher = _in_memory(encoder, [document_from_text("hands.txt", text, title="Hand hygiene online")])
    question = "How many people were sent invitations to take part in the study?"
    q = encoder.encode_query(question)
    cand = searcher.candidates(question, query_vector=q)
    row = int(cand.rows[0])
    sentences = searcher.index.sentence_vectors(searcher.index.passage_sentences(row))
    assert len(sentences) == 2
    single = sentences @ q
    both = sentences.sum(axis=0)
    both = float(both @ q / np.linalg.norm(both))
    assert both > single.max() + 0.01, (both, single)
    assert cand.sentence[0] == pytest.approx(both, abs=1e-4)


def test_a_caption_whose_label_and_title_are_one_sentence_answers_only_a_question_about_listings(encoder):
    # A programming book's code listing, captioned "Listing 8-19: ..." (one sentence with its
    # label): it holds the question's words and says nothing of why; the prose around it does.
    # "Table 2 shows ..." is a sentence in words, not a caption.
    text = ("Indexing into Strings\n\nA String holds text encoded as UTF-8.\n\n"
            "let s1 = String::from(\"hi\");\nlet h = s1[0];\n\n"
            "Listing 8-19: Attempting to use indexing syntax with a String\n\n"
            "Rust strings don't support indexing, because a String is a wrapper over a vector of bytes "
            "and one character may take several bytes.")
    searcher = _in_memory(encoder, [document_from_text("strings.txt", text, title="Storing text")])
    hit = searcher.search("Why can't I use indexing syntax with a String?", k=1)[0]
    assert hit.highlight.text.startswith("Rust strings don't support indexing"), hit.highlight
    hit = searcher.search("Which listing attempts to use indexing syntax with a String?", k=1)[0]
    assert hit.highlight.text.startswith("Listing 8-19"), hit.highlight


def test_a_version_number_the_question_names_is_matched_whole(encoder, tmp_path):
    # Release notes (pyenv's, cut short): BM25 keeps "16" of "3.16" and drops "3", and the release
    # that updated "3.10-dev and 3.11-dev" came first. The one naming "3.16" whole answers; "3.16"
    # is not in "3.16.1" nor "13.16".
    from assistant.ingest import load_file

    notes = tmp_path / "CHANGELOG.md"
    notes.write_text(
        "# Version History\n\n## Release v2.6.30\n* Add CPython 3.16-dev, switch 3.15-dev to maintenance branch by "
        "@nedbat in https://github.com/pyenv/pyenv/pull/3442\n\n## Release v2.6.29\n* Add PyPy v7.3.22 by @jsirois "
        "in https://github.com/pyenv/pyenv/pull/3438\n* Add CPython 3.15.0b1 by @jsirois in "
        "https://github.com/pyenv/pyenv/pull/3440\n\n## Release 2.0.0\n\n* Support for CPython 3.9.5 has been "
        "added.\n* Support for CPython 3.10.0b1 has been added.\n* CPython 3.10-dev target branch renamed.\n"
        "* CPython 3.10-dev and 3.11-dev updated.\n* Bump OpenSSL to 1.1.1x for all Pythons that support MacOS 11\n"
        "* Report cache filename at download\n* Add micropython 1.15\n")
    doc, _ = load_file(notes, "CHANGELOG.md")
    searcher = Searcher(encoder=encoder, index=MemoryIndex([doc], encoder))
    assert searcher.search("Which release added CPython 3.16-dev?", k=1)[0].section == ("Release v2.6.30",)
    # No sentence restates "What changed in ...": the heading naming the release answers it.
    hits = searcher.search("What changed in release 2.6.29?", k=2)
    assert hits[0].section == ("Release v2.6.29",) and hits[0].probability == 1.0
    assert searcher.answered(hits, "What changed in release 2.6.29?")
    # A number in a document's title names the document: every passage of Git's 2.33 notes holds it,
    # not only the title's short passage.
    notes = tmp_path / "2.33.0.txt"
    notes.write_text(  # its first lines
        'Git 2.33 Release Notes\n'
        '======================\n'
        '\n'
        'Updates since Git 2.32\n'
        '----------------------\n'
        '\n'
        'UI, Workflows & Features\n'
        '\n'
        ' * "git send-email" learned the "--sendmail-cmd" command line option\n'
        '   and the "sendemail.sendmailCmd" configuration variable, which is a\n'
        '   more sensible approach than the current way of repurposing the\n'
        '   "smtp-server" that is meant to name the server to instead name the\n'
        '   command to talk to the server.\n'
        '\n'
        ' * The userdiff pattern for C# learned the token "record".\n'
        '\n'
        ' * "git rev-list" learns to omit the "commit <object-name>" header\n'
        '   lines from the output with the `--no-commit-header` option.\n'
        '\n'
        ' * "git worktree add --lock" learned to record why the worktree is\n'
        '   locked with a custom message.\n'
        '\n'
        '\n'
        'Performance, Internal Implementation, Development Support etc.\n'
        '\n'
        ' * The code to handle the "--format" option in "for-each-ref" and\n'
        '   friends made too many string comparisons on %(atom)s used in the\n'
        '   format string, which has been corrected by converting them into\n')
    doc, _ = load_file(notes, "2.33.0.txt")
    searcher = Searcher(encoder=encoder, index=MemoryIndex([doc], encoder))
    hit = searcher.search("What option did git rev-list learn in 2.33?", k=1)[0]
    assert "--no-commit-header" in hit.highlight.text, hit.highlight
    assert dotted_numbers("Was v2.6.30 or 3.16 first, at 12 weeks?") == ["2.6.30", "3.16"]
    assert holds_number("Add CPython 3.16-dev", "3.16") and holds_number("v3.16.", "3.16")
    assert not holds_number("CPython 3.16.1", "3.16") and not holds_number("13.16", "3.16")


def test_a_question_that_names_one_paper_is_answered_from_that_paper_first(encoder):
    # Two protocols, each with a sample size section; the other paper's heading matches the
    # question's words word for word. A name one title holds and no other document ("BeneMin")
    # puts its paper's passages first; a name two documents hold ("DNA"), or two names of two
    # papers, put none first. A name of several words one document alone writes names it, its
    # title silent ("the Keeping Children Safe trial"); one that two documents write names none.
    docs = [document_from_text("focus.txt", "Sample size calculation\n\nThe sample size calculation is based on the "
                                            "primary outcome; the sample size was calculated for 80% power.",
                               title="The FOCUS trial protocol"),
            document_from_text("benemin.txt", "Recruitment\n\nWe aim to enrol 226 participants in 8 centres, allowing "
                                              "for 20% loss to follow-up. BeneMin stores DNA.",
                               title="Minocycline in early psychosis (BeneMin): a protocol"),
            document_from_text("other.txt", "Storage\n\nSamples of DNA were frozen as the Safe Storage Guide says.",
                               title="A biobank"),
            document_from_text("kcs.txt", "Recruitment\n\nFamilies joined the Keeping Children Safe trial through "
                                          "children's centres, and were given the Safe Storage Guide.",
                               title="Recruitment and retention in children's centres")]
    searcher = _in_memory(encoder, docs)
    hits = searcher.search("How was the sample size calculated in BeneMin?", k=2)
    assert [h.doc_id for h in hits] == ["benemin.txt", "focus.txt"]
    assert searcher.named_document("How was the sample size calculated in BeneMin?") == searcher.index.doc_row("benemin.txt")
    assert searcher.named_document("Where is the DNA of BeneMin and FOCUS kept?") is None
    assert searcher.named_document("Where is DNA stored?") is None
    kcs = "Did the Keeping Children Safe briefing increase the use of fire escape plans?"
    assert searcher.named_document(kcs) == searcher.index.doc_row("kcs.txt")
    assert searcher.named_document("What does the Safe Storage Guide say?") is None


def test_a_manual_page_titled_by_the_term_asked_of_comes_first(encoder):
    # A manual with a page per command: the developer guide names find_package in every sentence
    # and scored best for "What does find_package do?"; the page titled by it is the answer. A
    # manual page's section ("ls(1)") is no part of the name; a term that titles no page names none.
    docs = [document_from_text("find_package.rst", "Find a package, usually provided by something external to the "
                                                   "project, and load its package-specific details.",
                               title="find_package"),
            document_from_text("developer.rst", "Find Modules\n\nA find module is what find_package does "
                                                "for a package without its own configuration: find_package "
                                                "calls find_package modules to find the package.",
                               title="cmake-developer(7)"),
            document_from_text("ls.txt", "List information about the files in a directory.", title="ls(1)")]
    searcher = _in_memory(encoder, docs)
    assert searcher.search("What does find_package do?", k=1)[0].doc_id == "find_package.rst"
    # and its opening says what it does, before a later section that names it more often
    long_page = document_from_text("find_package.rst", "find_package\n\nFind a package, usually provided by something external to "
                                   "the project, and load its package-specific details.\n\nSearch Modes\n\n"
                                   + " ".join(f"In mode {i}, find_package searches for what find_package was "
                                              "asked to find." for i in range(40)),
                                   title="find_package")
    searcher = _in_memory(encoder, [long_page, docs[1], docs[2]])
    hit = searcher.search("What does find_package do?", k=1)[0]
    assert hit.start == 0 and hit.highlight.text.startswith("Find a package"), hit
    assert searcher.named_document("What is ls?") == searcher.index.doc_row("ls.txt")
    assert searcher.named_document("What does a find module do?") is None


def test_a_page_titled_by_the_term_asked_of_opens_the_answer_before_its_sections_signatures(encoder, tmp_path):
    # CMake's page per command: "add_library" opens "Add a library to the project ..." and each
    # section gives a signature of it ("add_library(<name> OBJECT ...)"), which read as a
    # definition and came first: "Creates an Object Library." answered "What does add_library do?".
    from assistant.ingest import load_file

    page = tmp_path / "add_library.md"
    page.write_text("# add_library\n\nAdd a library to the project using the specified source files.\n\n"
                    "## Object Libraries\n\n```\nadd_library(<name> OBJECT [<source>...])\n```\n\nCreates an Object "
                    "Library. An object library compiles source files but does not archive or link their object files "
                    "into a library.\n\n## Interface Libraries\n\n```\nadd_library(<name> INTERFACE)\n```\n\nCreates an "
                    "Interface Library. An interface library target does not compile sources.\n")
    doc, _ = load_file(page, "add_library.md")
    other = document_from_text("tutorial.html", "Adding a Library\n\nTo add a library in CMake, use the add_library() "
                               "command and specify which source files should make up the library.", title="Step 2: Adding a Library")
    searcher = _in_memory(encoder, [doc, other])
    hit = searcher.search("What does add_library do?", k=1)[0]
    assert (hit.doc_id, hit.start) == ("add_library.md", 0), hit
    assert hit.highlight.text == "Add a library to the project using the specified source files.", hit.highlight


def test_what_is_x_of_a_page_titled_x_gives_its_definition_before_the_pages_opening(encoder, tmp_path):
    # tidyr's vignette "Tidy data" opens with a note on itself; its definition stands in a later
    # section. "What is tidy data?" had the note first, for opening the page titled by the term.
    from assistant.ingest import load_file

    page = tmp_path / "tidy-data.md"
    page.write_text("# Tidy data\n\n(This is an informal and code heavy version of the full tidy data paper. Please "
                    "refer to that for more details.)\n\n## Data tidying\n\n" + " ".join(
                        f"Step {n} of cleaning a dataset takes time, since it must be repeated with every new problem "
                        f"or new data that come to light, and analysts spend much of their day on it." for n in range(12))
                    + "\n\n## Defining tidy data\n\n"
                    "Tidy data is a standard way of mapping the meaning of a dataset to its structure. A dataset is "
                    "messy or tidy depending on how rows, columns and tables are matched up with observations, "
                    "variables and types.\n")
    doc, _ = load_file(page, "tidy-data.md")
    other = document_from_text("pivot.html", "Pivoting\n\npivot_longer() makes datasets longer by increasing the "
                               "number of rows, one step towards tidy data.", title="Pivoting")
    searcher = _in_memory(encoder, [doc, other])
    hit = searcher.search("What is tidy data?", k=1)[0]
    assert hit.highlight.text.startswith("Tidy data is a standard way"), hit.highlight


def test_a_page_titled_by_a_name_of_code_answers_what_that_kind_of_thing_does(encoder):
    # Javadoc titles a page "Inject (JSR 330: Dependency Injection for Java)"; the question names
    # the thing with its kind ("the Inject annotation"). The page was not found as titled by it, and
    # another page's mention of @Inject came first.
    docs = [document_from_text("Inject.html", "Annotation Type Inject\n\nIdentifies injectable constructors, methods, and "
                               "fields. May apply to static as well as instance members.",
                               title="Inject (JSR 330: Dependency Injection for Java)"),
            document_from_text("Provider.html", "Interface Provider\n\nProvides instances of T. For any type T that can be "
                               "injected, you can also inject Provider<T>; the @Inject annotation marks where.",
                               title="Provider (JSR 330: Dependency Injection for Java)")]
    searcher = _in_memory(encoder, docs)
    assert searcher.named_document("What does the Inject annotation do?") == searcher.index.doc_row("Inject.html")
    hit = searcher.search("What does the Inject annotation do?", k=1)[0]
    assert hit.doc_id == "Inject.html" and hit.highlight.text.startswith("Identifies injectable constructors"), hit
    assert searcher.named_document("What does the Provider class do?") == searcher.index.doc_row("Provider.html")


def test_a_section_headed_by_the_term_asked_of_opens_the_answer(encoder, tmp_path):
    # A library reference with a section per class: a tokenizer's section names namedtuple twice,
    # and the class section's closing "See also" list names "NamedTuple" and "named tuples" (it came
    # first for "What is a namedtuple?"); the answer is where the section headed by it opens.
    from assistant.ingest import load_file

    page = tmp_path / "collections.md"
    page.write_text("# collections\n\n## Tokenizer\n\nThe tokenizer returns each token as a namedtuple: a Token namedtuple "
                    "holds the type, the value, the line and the column of the token.\n\n## namedtuple() Factory Function for "
                    "Tuples with Named Fields\n\nNamed tuples assign meaning to each position in a tuple and allow for more "
                    "readable, self-documenting code. They can be used wherever regular tuples are used.\n\n"
                    + "\n\n".join(f"Example {i}: p = Point{i}(x={i}, y={i + 1}) builds a point whose fields are read by name."
                                  for i in range(14))
                    + "\n\nSee also\n\n• See typing.NamedTuple for a way to add type hints for named tuples.\n"
                    "• See types.SimpleNamespace() for a mutable namespace.\n")
    doc, _ = load_file(page, "collections.md")
    searcher = Searcher(encoder=encoder, index=MemoryIndex([doc], encoder, ChunkingParams()))
    assert len(searcher.index) == 3
    hit = searcher.search("What is a namedtuple?", k=1)[0]
    assert hit.highlight.text.startswith("Named tuples assign meaning"), hit
    # a heading may mark its entry before the name (Doxygen's "◆ apop_estimate()"); a listing's call of
    # it, broken after the bracket or a statement, is no signature
    page = tmp_path / "functions.md"
    page.write_text("# Public functions\n\n## ◆ apop_update()\n\nTake in a prior and likelihood distribution, and "
                    "output a posterior distribution.\n\n```\napop_model *post = apop_update(\n    apop_estimate(\n"
                    "        data, apop_normal),\n    prior);\napop_draw(out, r, post);\n```\n\n"
                    "## ◆ apop_estimate()\n\nEstimate the parameters of a model given data.\n\n"
                    "## ◆ apop_draw()\n\nDraw from a model.\n")
    doc, _ = load_file(page, "functions.md")
    searcher = Searcher(encoder=encoder, index=MemoryIndex([doc], encoder, ChunkingParams(max_tokens=48, overlap_tokens=8)))
    hit = searcher.search("What does apop_estimate do?", k=1)[0]
    assert hit.highlight.text == "Estimate the parameters of a model given data.", hit
    assert not opens_signature("apop_estimate(", "apop_estimate") and not opens_signature("apop_draw(out, r, post);", "apop_draw")
    assert opens_signature("json.dumps(obj, *, skipkeys=False, ensure_ascii=True,", "json.dumps")


def test_a_heading_that_coordinates_the_term_asked_of_with_another_opens_the_answer(encoder, tmp_path):
    # A trial report's Methods: the design section names the trial twice and points to where its
    # methods were reported, and matches the question better than the section that states the
    # criteria, headed "Inclusion and exclusion criteria" rather than by the term asked of alone
    # (the design section had come first). A second paper makes the trial's name name one document.
    from assistant.ingest import load_file

    report = tmp_path / "limit.md"
    report.write_text("# Antenatal advice for women who are overweight: the LIMIT randomised trial\n\n## Methods\n\n"
                      "### Study design\n\nThe study was a multicentre randomised trial across the three major maternity "
                      "hospitals within Adelaide. The methods [42] and primary findings [41] of the LIMIT randomised trial "
                      "have been reported previously, and the trial has been registered on the Australian and New Zealand "
                      "Clinical Trials Registry (ACTRN12607000161426).\n\n### Inclusion and exclusion criteria\n\n"
                      "Women with a BMI of 25 or more and a singleton pregnancy between 10 and 20 weeks gestation were "
                      "eligible for enrolment. Women with a multiple pregnancy were ineligible.\n\n"
                      "### Primary clinical outcome\n\nThe incidence of infants born large for gestational age, with a "
                      "birth weight at or above the 90th centile.\n")
    other = tmp_path / "walking.md"
    other.write_text("# Walking groups for older adults: a pilot trial\n\n## Methods\n\nOlder adults from twelve general "
                     "practices were invited by letter. Those who walked less than an hour a week were eligible, and the "
                     "groups met twice a week for twelve weeks.\n")
    docs = [load_file(f, f.name)[0] for f in (report, other)]
    searcher = Searcher(encoder=encoder, index=MemoryIndex(docs, encoder, ChunkingParams()))
    hit = searcher.search("What were the inclusion criteria for the LIMIT trial?", k=1)[0]
    assert hit.highlight.text.startswith("Women with a BMI of 25"), hit
    # and a heading with a word between the term's two ("Primary clinical outcome")
    hit = searcher.search("What was the primary outcome of the LIMIT trial?", k=1)[0]
    assert hit.highlight.text.startswith("The incidence of infants born large"), hit


def test_an_abbreviation_spelled_out_only_in_the_list_of_abbreviations_is_answered_from_it(encoder, tmp_path):
    # A paper that uses "QALY" in its text but spells it out only in its list of abbreviations; its
    # reference list has an entry whose author initials read like one ("PR: Perl ER") and is no
    # answer to "What does PR stand for?".
    from assistant.ingest import load_file
    from assistant.text import glossary_definitions

    page = tmp_path / "paper.md"
    page.write_text("# A trial of an online health intervention\n\n## Results\n\nThe cost per QALY was not estimated, "
                    "and the QALY gained was small in both arms of the trial.\n\n## Abbreviations\n\nBMI: Body mass "
                    "index; QALY: Quality adjusted life years; RCT: Randomised controlled trial.\n\n## References\n\n"
                    "1. Smith J, PR: Perl ER. A public relations study. 2010.\n")
    doc, _ = load_file(page, "paper.md")
    searcher = Searcher(encoder=encoder, index=MemoryIndex([doc], encoder))
    hit = searcher.search("What does QALY stand for?", k=1)[0]
    assert hit.section == ("Abbreviations",) and hit.highlight.text == "QALY: Quality adjusted life years"
    assert hit.probability == 1.0 and doc.text[hit.highlight.start : hit.highlight.end] == hit.highlight.text
    assert glossary_definitions("BMI: Body mass index; QALY: Quality adjusted life years;")["QALY"] == "Quality adjusted life years"
    assert "PR" in glossary_definitions("Smith J, PR: Perl ER. A study.")  # why reference lists are left out
    assert searcher.search("What does PR stand for?", k=1)[0].probability < 1.0


def test_a_list_item_announcing_a_nested_list_is_highlighted_with_it_and_not_its_siblings(encoder, tmp_path):
    # A guideline's "• Ask about the following symptoms:" over its nested items: the highlight took
    # the announced list and ran on into the next top-level item ("• Check the medication history"),
    # which is the announcing item's sibling, not one of its items.
    from assistant.ingest import load_file

    page = tmp_path / "insomnia.md"
    page.write_text(
        "# Managing insomnia\n\n## Assessment\n\nAssess sleep with a diary over two weeks before any treatment.\n\n"
        "- Ask about the following symptoms:\n"
        "    - difficulty falling asleep for more than 30 minutes;\n"
        "    - waking up during the night three or more times;\n"
        "- Check the medication history, including over-the-counter products.\n"
        "- Exclude sleep apnoea by asking about snoring.\n")
    doc, _ = load_file(page, "insomnia.md")
    searcher = Searcher(encoder=encoder, index=MemoryIndex([doc], encoder))
    hit = searcher.search("What symptoms should I ask about?", k=1)[0]
    assert hit.highlight.text.startswith("• Ask about the following symptoms:"), hit.highlight
    assert hit.highlight.text.endswith("◦ waking up during the night three or more times;"), hit.highlight


def test_a_location_on_pages_that_print_one_number_cites_one_page():
    # a slide shown in four steps prints its frame's number on each; a passage across two printed
    # pages cites both, and a page printing its place in the file says it once
    assert location_text(10, 90, (7, 8, 9, 10), "7") == "p. 7 (PDF pp. 7-10), chars 10-90"
    assert location_text(10, 90, (2, 3), "147-148") == "pp. 147-148 (PDF pp. 2-3), chars 10-90"
    assert location_text(10, 90, (2,), "S-3") == "p. S-3 (PDF p. 2), chars 10-90"
    assert location_text(10, 90, (5, 6), "5-6") == "pp. 5-6, chars 10-90"


def test_an_option_a_guide_describes_in_a_sentence_is_answered_there_before_a_listing_that_sets_it(encoder, tmp_path):
    # A theme's slides: a listing sets the options one a line ("pageofpages=of,"), which opens no
    # entry that says anything, and a later slide says in a sentence what the option does. The
    # listing had come first, its line the highlight.
    searcher = searcher_of_file(encoder, tmp_path / "theme.md", (
        "# Thesis theme\n\n## The configuration phase\n\nThe general code is shown here. An example is:\n\n"
        "```\n\\usetheme[language=english,\ntitlepagelogo=logopolito,\nbullet=circle,\npageofpages=of,\n"
        "titleline=true\n]{TorinoTh}\n```\n\n## Some general options\n\n"
        "* The pageofpages option defines the string between the current page number and the total page count; "
        "the default is of.\n* If the titleline option is set to true, a horizontal line is drawn below the title.\n"
        "* The titlepagelogo is the name of the principal logo.\n"))
    hit = searcher.search("What does the pageofpages option do?", k=1)[0]
    assert hit.highlight.text.lstrip("• ").startswith("The pageofpages option defines the string"), hit.highlight


def test_a_greek_letter_is_searched_by_its_name_as_a_question_types_it(encoder, tmp_path):
    # BM25 read one character as no word, so "coefficient alpha" never matched "coefficient α",
    # nor "TNF-alpha" "TNF-α"; Unicode's "lamda" is read as people spell it.
    assert bm25_tokenize(["coefficient α"]) == bm25_tokenize(["coefficient alpha"])
    assert bm25_tokenize(["TNF-α and IL-1β"])[0] == ["tnf", "alpha", "il", "beta"]
    assert bm25_tokenize(["λ, ς, ϕ"])[0] == ["lambda", "sigma", "phi"]
    searcher = searcher_of_file(encoder, tmp_path / "scales.md", (
        "# Scoring scales\n\n## Reliability\n\nSome people like to find coefficient α as an estimate of the reliability "
        "of a scale.\n\n## Item statistics\n\nThe items of a scale are scored and their correlations with the total "
        "are reported for each coefficient of the model.\n"))
    hit = searcher.search("What is coefficient alpha?", k=1, mode="bm25")[0]
    assert "coefficient α" in hit.text, hit.text


def test_what_a_program_does_is_answered_where_a_sentence_has_it_do_something(encoder, tmp_path):
    # groff's dot(1): "What does twopi do?" ranked twopi's own attributes ("If not specified, twopi
    # will randomly pick ...") above the description's "twopi draws graphs using a radial layout",
    # the sentence that has it, as its subject, do something.
    searcher = searcher_of_file(encoder, tmp_path / "dot.md", (
        "# dot\n\n## DESCRIPTION\n\nThese are programs for drawing graphs. dot draws directed graphs as "
        "hierarchies. neato draws undirected graphs using springs. twopi draws graphs using a radial "
        "layout. circo draws graphs using a circular layout.\n\n## ATTRIBUTES\n\n### twopi attributes\n\n"
        "root=ctr specifies the node to be used as the center of the twopi layout. If not specified, twopi will "
        "randomly pick one of the nodes that are furthest from a leaf node. ranksep=val specifies the radial "
        "distance in inches between the rings of a twopi layout.\n"))
    hit = searcher.search("What does twopi do?", k=1)[0]
    assert hit.highlight.text == "twopi draws graphs using a radial layout.", hit.highlight


def test_a_see_also_list_of_names_comes_after_the_section_of_the_name_it_lists(encoder, tmp_path):
    # The Apache manual closes each directive with "See also" and a list of names: its item
    # "• MaxKeepAliveRequests" opened like that directive's entry and came first, its bullet the
    # highlight, above the directive's own section. A list of names answers nothing.
    searcher = searcher_of_file(encoder, tmp_path / "core.md", (
        "# Core features\n\n## KeepAlive Directive\n\nThe Keep-Alive extension provides long-lived sessions "
        "which allow several requests to be sent over the same connection.\n\n### See also\n\n"
        "- MaxKeepAliveRequests\n- KeepAliveTimeout\n\n## MaxKeepAliveRequests Directive\n\nThe "
        "MaxKeepAliveRequests directive limits the number of requests allowed per connection when KeepAlive "
        "is on. If it is set to 0, unlimited requests are allowed.\n\n## KeepAliveTimeout Directive\n\nThe "
        "KeepAliveTimeout directive sets how long the server waits for the next request on a connection.\n"))
    hits = searcher.search("What does the MaxKeepAliveRequests directive do?", k=3)
    assert hits[0].highlight.text.startswith("The MaxKeepAliveRequests directive limits"), hits[0].highlight
    # a list of short items that head no section of their own is an answer like any other
    headings = {"flu", "symptoms", "treatment", "maxkeepaliverequests directive"}
    assert not lists_names_only("Symptoms\n\n• Fever\n• Cough\n• Sore throat", headings)
    assert lists_names_only("See also\n\n• MaxKeepAliveRequests\n• Treatment", headings)


def test_a_field_with_a_section_of_its_own_is_answered_there_before_a_list_that_names_it(encoder, tmp_path):
    # A packaging manual: each control file's list of fields names every field ("• Maintainer
    # (mandatory)"), and a later section per field says what it holds, its example opening with the
    # field's own line ("Files:"). The lists had come first, their bullet the highlight; in the
    # field's section the example's checksum line had been.
    searcher = searcher_of_file(encoder, tmp_path / "policy.txt", (
        "Control files\n\n5.2. Source package control files\n\nThe source package control file holds these fields:\n\n"
        "• Source (mandatory)\n• Maintainer (mandatory)\n• Uploaders\n• Standards-Version (recommended)\n\n"
        "5.3. Changes files\n\nThe changes file holds these fields:\n\n• Maintainer (mandatory)\n• Files (mandatory)\n\n"
        "5.6. List of fields\n\n5.6.2. \"Maintainer\"\n\nThe package maintainer's name and email address. The name must "
        "come first, then the email address inside angle brackets.\n\n5.6.21. Files\n\nThis field contains a list of "
        "files with information about each one.\n\nFiles:\n c6f698f19f2a2aa07dbb9bbda90a2754 571925 example_1.2.orig.tar.gz\n"
        " 938512f08422f3509ff36f125f5873ba 6220 example_1.2-1.diff.gz\n\nThe exact forms of the file names are "
        "described elsewhere.\n"))
    for question, answer in (("What is the Maintainer field?", "The package maintainer's name and email address."),
                             ("What does the Files field contain in a changes file?", "This field contains a list of files"),
                             ("What is the purpose of the Files field?", "This field contains a list of files")):
        assert asked_entry(question) in ("Maintainer", "Files"), question
        hit = searcher.search(question, k=1)[0]
        assert hit.highlight.text.startswith(answer), (question, hit.highlight)
    # where it is asked of may follow in a few words; "What goes in ...?" asks it too
    assert asked_entry("What does the Files field do in debian/copyright?") == "Files"
    assert asked_entry("What goes in the Description field?") == "Description"
    assert asked_entry("What is the Maintainer field used for?") == "Maintainer"


def test_a_cover_sheet_matching_a_question_by_its_title_alone_comes_after_the_text(encoder, tmp_path):
    # A provisional PDF's cover sheet and its writers' addresses print the paper's title and the
    # study's name: "What recruitment strategies did the Keeping Children Safe study use?" had
    # ranked them first, "Submission date 11 August 2014" highlighted. Asked who wrote it, the
    # front matter still answers.
    from tests.conftest import searcher_of_file

    text = ("# Recruitment and retention strategies in a trial of home safety advice\n\n"
            "Trials Sample\n\nArticle type Methodology\n\nSubmission date 11 August 2014\n\n"
            "Jane Doe (jane.doe@uni.ac.uk) John Roe (john.roe@uni.ac.uk)\n\n"
            "On behalf of the Safe Homes study group\n\n"
            + "".join(f"{n} Department of Child Health, Building {n}, University Road, Newcastle upon Tyne NE{n} 4AX, UK\n\n"
                      for n in range(1, 13))
            + "## Abstract\n\nWe report the recruitment and retention strategies of a randomised controlled trial of "
            "home safety advice for families.\n\n## Methods\n\n### Parent recruitment\n\nThe strategies were "
            "multifaceted: small monetary incentives for families, newsletters and reminder calls.\n")
    searcher = searcher_of_file(encoder, tmp_path / "safe-homes.md", text)
    hits = searcher.search("What recruitment strategies did the Safe Homes study use?", k=3)
    assert not hits[0].text.startswith(("Trials Sample", "Recruitment and retention strategies in a trial")), hits[0].text
    assert "Submission date" not in hits[0].highlight.text
    writers = searcher.search("Who wrote the Safe Homes paper?", k=1)[0]
    assert "Jane Doe" in writers.text


@pytest.mark.parametrize(("question", "text", "says"), [
    ("How were participants recruited?", "Participants were recruited by mailed invitations to take part.", True),
    ("How were participants in the hand hygiene trial recruited?", "Adults were recruited through primary care.", True),
    ("How were schools randomised in GoActive?", "Randomisation was conducted using random number generation.", True),
    ("How were participants recruited?", "We recruited 517 participants.", False),  # the verb with no means after it
    ("How were participants recruited?", "Participants were mostly recruited in the spring of 2010.", False),
])
def test_a_question_of_the_means_a_thing_was_done_by_is_answered_by_its_verb_with_a_means(question, text, says):
    from assistant.search.answer import asked_means

    means = asked_means(question)
    assert means is not None and means(text) is says


@pytest.mark.parametrize("question", [
    "How was alcohol use measured in the trial?",  # measured, assessed, recorded: a paper says it with any
    "How is depression treated?",  # a treatment, `asks_treatment`
    "How is neuroplasticity defined?",
    "How long were they followed up?",
])
def test_a_question_of_how_a_thing_was_measured_treated_or_defined_asks_no_means(question):
    from assistant.search.answer import asked_means

    assert asked_means(question) is None


@pytest.mark.parametrize(("question", "text", "says"), [
    ("How long after the nerve injection were the rats perfused?", "Three days after the injections, they were perfused.", True),
    ("How long after the nerve injection were the rats perfused?", "The segments were post-fixed for 2 h.", False),  # lasted
    ("How many weeks after birth was the infant seen?", "The infant was seen 6 weeks after birth.", True),
    ("How long before surgery did patients stop eating?", "Patients fasted from midnight, 12 hours before surgery.", True),
    ("How long before surgery did patients stop eating?", "Patients were seen 2 days after surgery.", False),
])
def test_a_question_of_the_time_between_two_events_is_answered_by_a_span_before_after_or_before(question, text, says):
    from assistant.search.answer import asked_interval

    interval = asked_interval(question)
    assert interval is not None and interval(text) is says
    assert asked_interval("How long did the sessions last?") is None
