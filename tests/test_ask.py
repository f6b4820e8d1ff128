"""A question asked in a conversation (`assistant.search.ask`), on a small in-memory index with the
real model: a follow-up is looked for in the documents the previous answer came from."""

from __future__ import annotations

import pytest

from assistant.index import MemoryIndex
from assistant.ingest import document_from_text, load_paths
from assistant.search import Searcher, ask
from assistant.search.findings import asks_appraisal
from tests.conftest import OTHER_DOCUMENT, searcher_of_file, searcher_of_files

DOCS = [
    # the conversation's document: it answers the first question and, in passing, the follow-up
    ("lobes.txt", "Brain regions in psychiatric illness\n\nChanges in the temporal lobes and the hippocampus have "
                  "been linked to schizophrenia. Antipsychotic medications and cognitive remediation therapy can "
                  "reverse some of these changes."),
    # names the follow-up's words more often than the conversation's document does, so the rewritten
    # follow-up alone ranks it first
    ("clinic.txt", "How schizophrenia is treated at our clinic\n\nAt our clinic schizophrenia is treated on "
                   "Tuesdays. Ask us how schizophrenia is treated and how treatment is paid for."),
    # unrelated, for a standalone question after the conversation
    ("octopus.txt", "Octopus cognition\n\nAn octopus can open a screw-top jar from the inside with its arms."),
]
HISTORY = ["Which brain regions are linked to schizophrenia?"]


@pytest.fixture(scope="module")
def searcher(encoder):
    docs = [document_from_text(doc_id, text, title=doc_id.removesuffix(".txt")) for doc_id, text in DOCS]
    return Searcher(encoder=encoder, index=MemoryIndex(docs, encoder))


def test_a_followup_is_answered_from_the_document_the_conversation_is_about(searcher):
    answer = ask(searcher, "How is it treated?", HISTORY, k=1)
    assert answer.resolved.query == "How is schizophrenia treated?"
    # the rewritten question alone goes elsewhere: the conversation is what keeps it on lobes.txt
    assert searcher.search(answer.resolved.query, k=1)[0].doc_id == "clinic.txt"
    assert answer.context == ("lobes.txt",)
    assert [h.doc_id for h in answer.hits] == ["lobes.txt"]
    assert "Antipsychotic" in answer.hits[0].text


def test_the_whole_collection_keeps_places_beside_the_conversations_documents(searcher):
    answer = ask(searcher, "How is it treated?", HISTORY, k=3)
    assert answer.hits[0].doc_id in answer.context
    assert "clinic.txt" in {h.doc_id for h in answer.hits}
    assert [h.rank for h in answer.hits] == list(range(1, len(answer.hits) + 1))
    assert len({(h.doc_id, h.start) for h in answer.hits}) == len(answer.hits)


def test_a_standalone_question_after_a_conversation_is_searched_as_typed(searcher):
    question = "Can an octopus open a jar?"
    answer = ask(searcher, question, HISTORY, k=2)
    assert answer.resolved.kind == "standalone" and answer.context == ()
    assert [(h.doc_id, h.start) for h in answer.hits] == [(h.doc_id, h.start) for h in searcher.search(question, k=2)]


def test_an_empty_earlier_question_gives_no_context(searcher):
    answer = ask(searcher, "How is it treated?", ["", "   "], k=2)
    assert answer.context == () and answer.hits


def test_search_ranks_by_the_query_vector_it_is_given(searcher):
    # A follow-up searched twice is embedded once: the vector handed in is the one ranked by, so
    # the question's own vector changes nothing and another question's vector moves the dense ranking.
    question = "How does an octopus open a jar?"
    own = searcher.encoder.encode_query(question)
    other = searcher.encoder.encode_query("Which brain regions are linked to schizophrenia?")
    plain = searcher.search(question, k=3, mode="dense")
    assert [(h.doc_id, h.start) for h in searcher.search(question, k=3, mode="dense", query_vector=own)] == \
        [(h.doc_id, h.start) for h in plain]
    assert plain[0].doc_id == "octopus.txt"
    assert searcher.search(question, k=1, mode="dense", query_vector=other)[0].doc_id == "lobes.txt"


def test_a_request_for_more_shows_the_passages_the_previous_answer_did_not(searcher):
    # "Tell me more" searched as the previous question again showed the same passages again.
    first = ask(searcher, HISTORY[0], [], k=1)
    more = ask(searcher, "Tell me more", HISTORY, k=2)
    assert more.resolved.kind == "more" and more.resolved.query == f"Tell me more ({HISTORY[0]})"
    assert more.hits and {(h.doc_id, h.start) for h in more.hits}.isdisjoint({(h.doc_id, h.start) for h in first.hits})
    assert [h.rank for h in more.hits] == list(range(1, len(more.hits) + 1))


def _searcher_of(encoder, docs: list[tuple[str, str]]) -> Searcher:
    """A searcher over text documents given as (file name, text), each titled by its name."""
    return Searcher(encoder=encoder, index=MemoryIndex(
        [document_from_text(d, t, title=d.removesuffix(".txt")) for d, t in docs], encoder))


def test_a_question_going_on_with_the_named_study_is_looked_for_in_its_documents(encoder):
    # Two trials report women lost to follow-up; the conversation is about the LIMIT trial, and the
    # next question, naming nothing, shares "follow-up" with the one before: it stays on LIMIT.
    # The other trial says the follow-up's words more often, so alone it ranks first.
    from assistant.search.conversation import continues_topic

    docs = [("limit.txt", "The LIMIT trial\n\nWomen in the LIMIT trial were followed up six months after birth. "
                          "Of them, 12 were lost to follow-up."),
            ("hope.txt", "The HOPE trial\n\nHow many women were lost to follow-up? Women were lost to follow-up "
                         "in the HOPE trial: 40 women were lost to follow-up by twelve months.")]
    searcher = _searcher_of(encoder, docs)
    question, history = "How many women were lost to follow-up?", ["How long was follow-up in the LIMIT trial?"]
    assert searcher.search(question, k=1)[0].doc_id == "hope.txt"
    answer = ask(searcher, question, history, k=1)
    assert answer.resolved.query == question and answer.context == ("limit.txt",)
    assert [h.doc_id for h in answer.hits] == ["limit.txt"]
    # a question naming its own subject, or sharing no word with the one before, stands alone
    assert not continues_topic("How long was follow-up in the HOPE trial?", history[0])
    assert not continues_topic("What is neuroplasticity?", history[0])


def test_who_wrote_a_document_asked_in_a_conversation_is_answered_for_the_document_talked_about(encoder):
    # Two papers with their authors' lines; the conversation is about the FOCUS trial, and "And who
    # are the authors?" names no document: its authors come first, not the other paper's (alone,
    # every document's list answers it, the other's first by score).
    from assistant.search.conversation import continues_topic

    docs = [("focus.txt", "The FOCUS trial\n\nLouise B Glenthoj, Birgitte Fagerlund, Lasse Randers and Merete Nordentoft\n\n"
                          "Participants in the FOCUS trial were recruited from early-intervention services in Copenhagen."),
            ("limit.txt", "The LIMIT trial\n\nJodie M Dodd, Courtney Cramp, Zhixian Sui and Lisa N Yelland\n\n"
                          "Women in the LIMIT trial were recruited at their first antenatal visit in Adelaide.")]
    searcher = _searcher_of(encoder, docs)
    history = ["How were participants recruited in the FOCUS trial?"]
    answer = ask(searcher, "And who are the authors?", history, k=2)
    assert answer.context and answer.context[0] == "focus.txt"
    assert answer.hits[0].doc_id == "focus.txt" and answer.hits[0].highlight.text.startswith("Louise B Glenthoj")
    assert answer.answered
    assert not continues_topic("Who wrote the LIMIT paper?", history[0])
    assert not continues_topic("Who funded it?", "What is neuroplasticity?")


def test_whether_the_documents_answer_does_not_depend_on_how_many_passages_are_shown(encoder):
    # "What does the abbreviation CET mean?" ranks first a passage the answer model finds unlikely
    # and second one it finds likely: asked for one passage, the person was told nothing in the
    # documents answers, which five passages showed to be false.
    docs = [document_from_text(doc_id, text, title=doc_id) for doc_id, text in [
        ("cet.txt", "Case study: CET\n\nControl-flow enforcement technology defends against code-reuse attacks such "
                    "as return-oriented programming. It consists of two mechanisms: a shadow stack, and indirect "
                    "branch tracking."),
        ("branch.txt", "Indirect branches\n\nCET also includes indirect branch tracking to prevent misdirection of "
                       "function pointers: after an indirect jump, an exception is raised unless the next instruction "
                       "is a valid branch target."),
        ("octopus.txt", "Octopus cognition\n\nAn octopus can open a screw-top jar from the inside with its arms.")]]
    searcher = Searcher(encoder=encoder, index=MemoryIndex(docs, encoder))
    first, *others = searcher.search("What does the abbreviation CET mean?", k=5)
    assert first.probability < searcher.answers.answer_bar <= max(h.probability for h in others)
    question = "What does the abbreviation CET mean?"
    assert ask(searcher, question, k=1).answered and ask(searcher, question, k=5).answered
    assert len(ask(searcher, question, k=1).hits) == 1
    assert not ask(searcher, "Who won the 2018 World Cup?", k=1).answered


def test_a_question_for_a_date_or_a_count_is_not_answered_by_passages_that_give_none(corpus_index, encoder):
    # The default collection's narrative review says what it found but neither when it was
    # published nor how many studies it read: its passages are on topic and likely enough by the
    # model, yet none can answer "When ...?" or "How many ...?"; a count the text gives is answered.
    searcher = Searcher(corpus_index, encoder=encoder)
    for question in ("What year was the narrative review published?", "How many studies did the review include?"):
        assert max(h.probability for h in searcher.search(question, k=5)) >= searcher.answers.answer_bar, question
        assert not ask(searcher, question).answered, question
    assert ask(searcher, "How many articles did the literature search on neuroscience-informed psychotherapy find?").answered


def test_a_new_topic_is_compared_with_an_abbreviation_as_the_documents_spell_it_out(encoder):
    # The model knows "cognitive behavioural therapy", not "CBT": "mindfulness" was more like
    # "insomnia" and took its place ("Is CBT effective for mindfulness?"). The document defines the
    # abbreviation; a list of abbreviations defines one too; an undefined one has no long form.
    docs = [("sleep.txt", "Treating insomnia\n\nCognitive behavioural therapy (CBT) is effective for insomnia. "
                          "Mindfulness also helps some patients sleep."),
            ("trial.txt", "Abbreviations: PANSS, Positive and Negative Syndrome Scale; QALY, quality adjusted life "
                          "year.\n\nThe PANSS was used.")]
    searcher = _searcher_of(encoder, docs)
    assert searcher.long_forms(["Is CBT effective?", "Was the PANSS used?", "And XYZ?"]) == {
        "CBT": "Cognitive behavioural therapy", "PANSS": "Positive and Negative Syndrome Scale"}
    answer = ask(searcher, "What about mindfulness?", ["Is CBT effective for insomnia?"])
    assert answer.resolved.query == "Is mindfulness effective for insomnia?"
    # a condition still takes the condition's place
    assert ask(searcher, "What about depression?", ["Is CBT effective for insomnia?"]).resolved.query == \
        "Is CBT effective for depression?"


def test_a_line_of_numbers_alone_is_never_the_highlight_beside_a_line_in_words(encoder):
    # A statistics paper's R output, read from a PDF a value a line: the "2" of "I2" (set as a
    # superscript, a line of its own) had been the highlight for "What does the I2 statistic
    # measure?", beside the line that names it.
    text = ("Leave-one-out\n\nR> res <- rma(yi, vi, data = dat)\nR> leave1out(res, transf = exp)\nestimate\n0.493\n0.520"
            "\n\n1\n2\n3\n\nQ\n\nI2\n\n2\n")
    searcher = _searcher_of(encoder, [("meta.txt", text)])
    assert searcher.search("What does the I2 statistic measure?", k=1)[0].highlight.text == "I2"
    # nor is a line of numbers alone, a plot's axis, beside a line in words ("−2.0 −1.0 0.0 1.0"
    # had been the highlight of "How many observations ...?")
    text = ("Funnel plot\n\nFigure 9: Radial plot of the observed log relative risks of the 13 trials.\n\n"
            "−2.0 −1.0 0.0 1.0 −1.0 0.0 1.0\n")
    searcher = _searcher_of(encoder, [("plot.txt", text)])
    assert searcher.search("How many trials does the plot show?", k=1)[0].highlight.text.startswith("Figure 9")


def test_a_followup_searched_with_the_previous_question_finds_no_unknown_name_in_its_first_word(searcher):
    # "Who led it?" is searched with the question before it in brackets; that question's first word
    # is capitalised because it opens a question, and was taken for a name no document mentions
    # ("none of them says anything about "Do""), so a question the documents answer went unanswered.
    answer = ask(searcher, "Who studied it?", ["Do octopuses open jars?"], k=2)
    assert answer.resolved.query.endswith("(Do octopuses open jars?)")
    assert answer.not_mentioned == ()
    # a name inside the bracketed question is still a name
    answer = ask(searcher, "Who studied it?", ["Do octopuses in France open jars?"], k=2)
    assert "France" in answer.not_mentioned
    # and a name in brackets that hold no question is one too
    assert "France" in ask(searcher, "Can an octopus open a jar (France)?", [], k=2).not_mentioned


def test_a_new_topic_the_conversations_documents_never_mention_is_looked_for_everywhere(encoder):
    # "And in zoo?" after a question on lme4: the previous answer's document never says "zoo", so
    # looking there first showed lme4's passages on the old topic above zoo's answer.
    docs = [
        # the previous answer's document, on the old topic only
        ("lme4.txt", "Mixed models in lme4\n\nMissing values in lme4 are dropped row by row before the model is "
                     "fitted, and the output leaves p values out."),
        # the only document that names the new topic
        ("zoo.txt", "Time series in zoo\n\nThe zoo package handles missing values by carrying the last observation "
                    "forward or by interpolating between observations."),
    ]
    searcher = Searcher(encoder=encoder, index=MemoryIndex(
        [document_from_text(doc_id, text, title=doc_id.removesuffix(".txt")) for doc_id, text in docs], encoder))
    answer = ask(searcher, "And in zoo?", ["How are missing values handled in lme4?"], k=1)
    assert answer.resolved.query == "How are missing values handled in zoo?"
    assert answer.context == ()
    assert [h.doc_id for h in answer.hits] == ["zoo.txt"]


def test_a_new_topic_that_titles_a_document_of_its_own_is_asked_of_that_document(encoder):
    # "And add_executable?" after "What does add_library do?": add_library's page names
    # add_executable in passing, and looking there first showed that mention above the page the new
    # topic titles.
    docs = [("add_library.txt", "add_library\n\nAdd a library to the project using the specified source files. Other "
                                "targets created by add_library() or add_executable() may reference an object library's objects."),
            ("add_executable.txt", "add_executable\n\nAdd an executable to the project using the specified source files."),
            ("install.txt", "install\n\nSpecify rules to run at install time, for targets made by add_executable.")]
    searcher = _searcher_of(encoder, docs)
    answer = ask(searcher, "And add_executable?", ["What does add_library do?"], k=2)
    assert answer.resolved.query == "What does add_executable do?"
    assert answer.context == () and answer.hits[0].doc_id == "add_executable.txt", answer


def test_a_document_named_by_its_title_and_its_kind_is_searched_first(encoder):
    # Three vignettes speak of concordance; "the concordance vignette" is the one titled so, whose
    # date answers when it was written (another vignette's "[merge with concordance vignette]"
    # had come first). A title no document has names none.
    docs = [("Concordance.txt", "Terry Therneau, Elizabeth Atkinson\n\nFebruary 6, 2023\n\nThe concordance is the fraction "
                                "of concordant pairs, an estimate of the probability that predictions and outcomes agree."),
            ("Discrimination and Calibration.txt", "The most commonly used measure of discrimination is the concordance. "
                                                   "[merge with concordance vignette] Calibration compares predicted with observed."),
            ("Time dependent covariates.txt", "The concordance for a time-dependent risk score is computed at each event "
                                              "time, written into the vignette as an example.")]
    searcher = _searcher_of(encoder, docs)
    assert searcher.named_document("When was the concordance vignette written?") == 0
    assert searcher.named_document("Who wrote the Discrimination and Calibration paper?") == 1
    assert searcher.named_document("When was the calibration vignette written?") is None
    hit = searcher.search("When was the concordance vignette written?", k=1)[0]
    assert hit.doc_id == "Concordance.txt", hit


def test_a_document_named_by_the_kind_its_title_says_it_is_is_searched_first(encoder):
    # "the review" of a collection where one title says "A narrative review": the other articles
    # speak of therapy and the brain more, and had come first for "What does the review conclude?".
    # Only a title counts (the first article's text says "review"), a modifier names no document
    # ("the review process"), and two reviews leave it open.
    docs = [("Integration of clinical neuroscience into psychotherapy: A narrative review.txt",
             "Most reviewed neuroscience-informed psychotherapy models lack evidence from clinical trials."),
            ("What is Neuropsychotherapy.txt", "Neuropsychotherapy combines psychotherapy and neurobiology; a "
                                               "review of the client's brain and experiences guides the therapy."),
            ("Neuroplasticity in recovery.txt", "Therapy can rewire the brain, and the brain can change at any age.")]
    searcher = _searcher_of(encoder, docs)
    assert searcher.named_document("What does the review conclude?") == 0
    assert searcher.named_document("How many articles did the review include?") == 0
    assert searcher.named_document("What keywords describe the review of neuroscience-informed psychotherapy?") == 0
    assert searcher.named_document("How long does the review process take?") is None
    assert searcher.search("What does the review conclude?", k=1)[0].doc_id.startswith("Integration"), \
        searcher.search("What does the review conclude?", k=1)
    # what the document it names is about, its opening says, whatever the answer model makes of it;
    # what a topic is about, no document's opening need say
    about = searcher.search("What is the review about?", k=1)[0]
    assert (about.highlight.text, about.probability) == (
        "Most reviewed neuroscience-informed psychotherapy models lack evidence from clinical trials.", 1.0), about
    assert searcher.search("What is neuroplasticity about?", k=1)[0].probability < 1.0
    two = _searcher_of(encoder, [*docs, ("Exercise and depression: a systematic review.txt", "Exercise helps.")])
    assert two.named_document("What does the review conclude?") is None
    # A follow-up naming another document than the previous answer's is asked of the one it names:
    # "its evidence base" had been looked for in the previous answer's article first.
    followed = ask(searcher, "What does the review say about its evidence base?", ["What does neuropsychotherapy combine?"], k=2)
    assert followed.resolved.kind == "reference" and followed.context == (), followed
    assert followed.hits[0].doc_id.startswith("Integration"), followed.hits


def test_what_a_study_found_is_its_abstracts_conclusions_and_a_study_is_named_by_words_of_its_title(encoder, tmp_path):
    # Two trials' reports: "What were the main results of the LIMIT trial?" had been answered by its
    # Methods ("The methods and primary findings of the LIMIT trial have been reported previously")
    # and "What did the hand hygiene trial conclude?" by the other trial (no capitalised name
    # named it). The abstract's "Conclusions:" says what a study found as a whole; a few words of
    # one title before "trial" name that study; a result of one kind is no such question.
    (tmp_path / "limit.md").write_text(
        "# The effects of antenatal dietary and lifestyle advice: the LIMIT randomised trial\n\n## Abstract\n\n"
        "Background: Overweight is common in pregnancy.\n\nMethods: We randomised 2,212 women to lifestyle advice "
        "or standard care.\n\nResults: Women given advice reported higher diet quality scores at 28 weeks.\n\n"
        "Conclusions: Antenatal lifestyle advice improves maternal diet and physical activity during pregnancy.\n\n"
        "## Methods\n\nThe methods and primary findings of the LIMIT trial have been reported previously, and the "
        "main results were analysed by intention to treat.\n")
    (tmp_path / "hygiene.md").write_text(
        "# Evaluation of a web-based intervention to promote hand hygiene: randomised controlled trial\n\n"
        "## Abstract\n\nBackground: Hand-washing may reduce infection.\n\nMethods: Participants used a website "
        "for four weeks.\n\nConclusions: A web-based intervention can increase hand-washing in the home.\n\n"
        "## Discussion\n\nThe trial concluded early for the pandemic; its main results held at 12 weeks.\n")
    docs = load_paths([tmp_path / "limit.md", tmp_path / "hygiene.md"]).documents
    searcher = Searcher(encoder=encoder, index=MemoryIndex(docs, encoder))
    found = searcher.search("What were the main results of the LIMIT trial?", k=1)[0]
    assert found.highlight.text.startswith("Conclusions: Antenatal lifestyle advice improves") and found.probability == 1.0, found
    assert searcher.named_document("What did the hand hygiene trial conclude?") == 1
    # so does the thing it tests, where the title says it ("Evaluation of a web-based intervention ...")
    assert searcher.named_document("Did the hand hygiene intervention work?") == 1
    assert searcher.named_document("Did the lifestyle intervention work?") is None  # "intervention" in no title of it
    assert searcher.named_document("What did the randomised trial conclude?") is None  # both titles say so
    # "I" after a word is a numeral, no pronoun: "the rat lamina I study" describes its title's words
    (tmp_path / "nk1.md").write_text("# Contacts on lamina I projection neurons in the rat spinal cord: a study\n\n"
                                     "Financial support from the Wellcome Trust.\n")
    three = Searcher(encoder=encoder, index=MemoryIndex(load_paths([tmp_path / "limit.md", tmp_path / "nk1.md"]).documents, encoder))
    assert three.named_document("Who funded the rat lamina I study?") == 1
    concluded = searcher.search("What did the hand hygiene trial conclude?", k=1)[0]
    assert concluded.highlight.text.startswith("Conclusions: A web-based intervention"), concluded
    # one result asked of is looked for as any question is
    assert searcher.search("What were the results for diet quality?", k=1)[0].probability < 1.0
    # "Tell me about the LIMIT trial." asks what the paper is about, and "What did it find?" after it
    # what that paper found (it had said that nothing answers)
    about = searcher.search("Tell me about the LIMIT trial.", k=1)[0]
    assert about.doc_id == "limit.md" and about.probability == 1.0, about
    followed = ask(searcher, "What did it find?", ["Tell me about the LIMIT trial."], k=2)
    assert followed.answered and followed.hits[0].highlight.text.startswith("Conclusions: Antenatal"), followed
    # a request for a summary naming no document but by its kind is of the previous answer's
    for request in ("Summarise the paper.", "Give me an overview of the article."):
        summary = ask(searcher, request, ["How many women were randomised in the LIMIT trial?"], k=2)
        assert summary.hits[0].doc_id == "limit.md" and summary.hits[0].probability == 1.0, (request, summary)


def test_a_studys_limitations_are_what_its_discussion_says_one_is(encoder, tmp_path):
    # "limitations" is the LIMIT trial's name to BM25 (both stem to "limit"): "What are the
    # limitations of the LIMIT trial?" had been answered by a Methods sentence naming the trial.
    # The Discussion's sentence that says what a limitation of the study is answers it, before one
    # about a device's limitations; and its strengths likewise; a topic's limitations ask no study.
    limit = (
        "# The LIMIT randomised trial of antenatal lifestyle advice\n\n## Methods\n\nThe methods of the LIMIT trial "
        "have been reported previously, and women wore pedometers for a week.\n\n## Discussion\n\nPedometers are "
        "not without their limitations, including poor measurement of upper body movement. A potential limitation "
        "of our trial is the reliance on self-reported questionnaires of diet and activity. A strength of the trial "
        "is its size: more than two thousand women took part. More studies have examined diet than activity in "
        "pregnancy. Future research should test the advice in women of a healthy weight.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"limit.md": limit, **OTHER_DOCUMENT})
    limits = searcher.search("What are the limitations of the LIMIT trial?", k=1)[0]
    assert limits.highlight.text.startswith("A potential limitation of our trial") and limits.probability == 1.0, limits
    strengths = searcher.search("What are the strengths of the LIMIT trial?", k=1)[0]
    assert strengths.highlight.text.startswith("A strength of the trial is its size"), strengths
    # however a person puts it; "What is a limitation?" asks what the word means
    for asked in ("What do the LIMIT trial authors see as the main weakness in how diet was measured?",
                  "What limitations do the authors of the LIMIT trial acknowledge?", "Did the LIMIT trial have any "
                  "limitations?", "What weaknesses did the LIMIT trial have?", "Which limitations of the LIMIT trial "
                  "are mentioned?"):
        said = searcher.search(asked, k=1)[0]
        assert said.highlight.text.startswith("A potential limitation of our trial") and said.probability == 1.0, (asked, said)
    # and the research its authors say should come next, not research that was done
    for asked in ("What future research do the authors of the LIMIT trial recommend?", "Is further research needed "
                  "after the LIMIT trial?"):
        said = searcher.search(asked, k=1)[0]
        assert said.highlight.text.startswith("Future research should test") and said.probability == 1.0, (asked, said)
    assert asks_appraisal("What did further studies find about sleep?") is None
    assert asks_appraisal("What is a limitation?") is None and asks_appraisal("What are limitations?") is None
    assert asks_appraisal("Does exercise reduce the weakness of older adults?") is None
    assert searcher.search("What are the limitations of pedometers?", k=1)[0].probability < 1.0
    # outside its Discussion, a sentence naming limitations that are not its own says none of its
    # study ("designed to overcome the limitations of CBT models" of a review's abstract)
    (tmp_path / "review.md").write_text(
        "# A narrative review of neuroscience-informed psychotherapy\n\nThe search found 21 articles that report "
        "models designed to overcome the limitations of top-down CBT models. Most models lack trial evidence.\n")
    docs = load_paths([tmp_path / "review.md", tmp_path / "sleep.md"]).documents
    review = Searcher(encoder=encoder, index=MemoryIndex(docs, encoder))
    assert review.search("What are the limitations of the review?", k=1)[0].probability < 1.0


def test_a_limitation_is_shown_with_the_sentence_after_it_that_says_what_it_does(encoder, tmp_path):
    # "Another limitation is that the intervention is an add-on to standard treatment." had been the
    # whole highlight, and the drawback, which the next sentence gives ("This design could cause
    # patients ... to receive less standard treatment"), was left out of it.
    focus = (
        "# The FOCUS trial of cognitive remediation\n\n## Methods\n\nPatients attend twelve group sessions.\n\n"
        "## Discussion\n\nAnother limitation is that the experimental intervention is an add-on to standard treatment. "
        "This design could cause patients in the intervention group to receive less standard treatment. "
        "Trial initiation was April 2014.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"focus.md": focus, **OTHER_DOCUMENT})
    said = searcher.search("What are the limitations of the FOCUS trial?", k=1)[0]
    assert said.highlight.text.startswith("Another limitation is") and said.highlight.text.endswith(
        "receive less standard treatment."), said


def test_a_thing_asked_of_a_named_study_is_looked_for_as_that_term_in_that_study(encoder, tmp_path):
    # "What is the primary outcome of the FOCUS trial?" had another trial's "The primary outcome for
    # the trial was ..." first (the term's definitions came before the named study's passages),
    # and "What were the inclusion criteria of the FOCUS trial?" its Recruitment: the thing asked
    # of is the term its section heads, and the study it names comes first, past tense or present.
    (tmp_path / "focus.md").write_text(
        "# The FOCUS trial: cognitive remediation for patients at ultra-high risk\n\n## Methods\n\n### Recruitment\n\n"
        "The FOCUS trial is a randomised, blinded trial enrolling 126 help-seeking patients.\n\n### Inclusion criteria\n\n"
        "Participants aged 18-40 years who give written consent and meet the criteria for ultra-high risk.\n\n"
        "### Primary outcome\n\nOverall cognitive function, measured with the BACS composite score after 6 months.\n\n"
        "### Adverse events\n\nThe participants' well-being will be a primary focus during the trial.\n")
    (tmp_path / "hope.md").write_text(
        "# The HOPE trial of a fire safety briefing\n\n## Method\n\nThe primary outcome for the trial was the "
        "proportion of families with a fire escape plan at 12 months.\n")
    docs = load_paths([tmp_path / "focus.md", tmp_path / "hope.md"]).documents
    searcher = Searcher(encoder=encoder, index=MemoryIndex(docs, encoder))
    outcome = searcher.search("What is the primary outcome of the FOCUS trial?", k=2)
    assert outcome[0].doc_id == "focus.md" and outcome[0].highlight.text.startswith("Overall cognitive function"), outcome
    criteria = searcher.search("What were the inclusion criteria of the FOCUS trial?", k=1)[0]
    assert criteria.section[-1] == "Inclusion criteria", criteria
    hope = searcher.search("What was the primary outcome in the HOPE trial?", k=1)[0]
    assert hope.doc_id == "hope.md", hope


def test_who_wrote_and_when_asked_in_a_conversation_are_of_the_previous_answers_document(encoder):
    # A blog post prints its writer and date under its title; a review lists its authors. After a
    # question the post answers, "Who are the authors?" had been asked of the whole collection (the
    # review's authors came first: the question named nothing before it), "When was it published?"
    # had searched "When was neuroplasticity published?", and "What does it say about trauma?"
    # after "Who wrote this article?" had been asked of both questions before it.
    post = ("The Role of Neuroplasticity in Mental Health Recovery\n\n• Writer: Prisha Oza\n• Apr 23, 2022\n\n"
            "Neuroplasticity plays a crucial role in mental health recovery, as the brain adapts and heals.\n\n"
            "Overcoming Trauma: in cases of trauma, the brain may develop maladaptive coping patterns.\n")
    review = ("Integration of clinical neuroscience into psychotherapy: a narrative review\n\nYu Takizawa, Judith "
              "Murray, Matthew Bambling, Yuki Matsumoto\n\nNeuroscience-informed psychotherapy models promote the "
              "bottom-up regulation of the brain; neuroplasticity underlies them.\n")
    other = ("Neuroplasticity and Neuropsychiatry\n\nNeuroplasticity is the foundation of learning, memory and "
             "recovery from brain injury, and trauma can trigger neuroplastic changes.\n")
    searcher = _searcher_of(encoder, [("recovery.txt", post), ("review.txt", review), ("neuropsychiatry.txt", other)])
    first = "Why does neuroplasticity matter for mental health recovery?"
    assert ask(searcher, first, k=1).hits[0].doc_id == "recovery.txt"
    authors = ask(searcher, "Who are the authors?", [first], k=3)
    assert authors.resolved.query == f"Who are the authors? ({first})"
    assert (authors.hits[0].doc_id, authors.hits[0].highlight.text) == ("recovery.txt", "• Writer: Prisha Oza"), authors.hits
    published = ask(searcher, "When was it published?", [first, "Who are the authors?"], k=3)
    assert (published.hits[0].doc_id, published.hits[0].highlight.text) == ("recovery.txt", "• Apr 23, 2022"), published.hits
    about = ask(searcher, "What is this article about?", [first], k=3).hits[0]
    assert (about.doc_id, about.probability) == ("recovery.txt", 1.0) and about.highlight.text.startswith(
        "Neuroplasticity plays a crucial role"), about
    after_writers = ask(searcher, "What does it say about trauma?", [first, "Who wrote this article?"], k=1)
    said = ask(searcher, "What does it say about trauma?", [first], k=1)
    assert after_writers.resolved.query == said.resolved.query
    # "it" is what says: the previous answer's document, not a phrase of the previous question
    # ("What does neuroplasticity say about trauma?" had been asked)
    assert said.resolved.query == f"What does it say about trauma? ({first})", said.resolved
    assert said.hits[0].doc_id == "recovery.txt" and "in cases of trauma" in said.hits[0].text, said.hits
    from assistant.search.conversation import asks_of_the_document
    assert asks_of_the_document("Does it mention medication?") and asks_of_the_document("What did this study find?") is False
    assert not asks_of_the_document("How does it work?") and not asks_of_the_document("What does it do?")
    # "it" standing for a thing the previous question named still takes its place
    assert ask(searcher, "Who wrote it?", ["What does the review say about bottom-up regulation?"], k=1).resolved.query \
        != "Who wrote it? (What does the review say about bottom-up regulation?)"


def test_a_question_naming_a_release_is_answered_under_the_heading_that_names_it(encoder, tmp_path):
    # A change log's releases are its headings: "What changed in ggplot2 3.4.0?" had been answered
    # by another release's section, which says "changed" more often. A heading's own section
    # number ("3.4 Results") names no release.
    from assistant.text import heading_names_number

    news = ("# News\n\n## ggplot2 3.4.0\n\nThis is a minor release focusing on tightening up the internals and "
            "ironing out some inconsistencies in the API of the package.\n\n## ggplot2 3.3.0\n\nThis release changed "
            "many things: what changed is listed below, and the changes that developers of extensions should "
            "know about come first.\n\n## ggplot2 3.2.0\n\nThis release changed the way scales are trained, and what "
            "changed for extension developers is listed below in its own section.\n")
    searcher = searcher_of_file(encoder, tmp_path / "NEWS.md", news)
    first = searcher.search("What changed in ggplot2 3.4.0?", k=3)[0]
    assert first.section[-1:] == ("ggplot2 3.4.0",), first
    assert heading_names_number("Changes to Version 3.1-0", "3.1") and heading_names_number("data.table v1.12.4", "1.12.4")
    assert not heading_names_number("3.4 Results", "3.4") and not heading_names_number("ggplot2 3.45", "3.4")
    # a series names its releases: "What changed in ggplot2 3.4?" asks of 3.4.0, 3.4.1 ...
    assert heading_names_number("ggplot2 3.4.0", "3.4")
    assert searcher.search("What changed in ggplot2 3.4?", k=3)[0].section[-1:] == ("ggplot2 3.4.0",)


def test_an_identifier_in_a_files_name_is_held_by_its_passages(encoder, tmp_path):
    # ggplot2's specification vignette never writes "ggplot2"; the one on using it in packages does
    # in every sentence: "What line types can I use in ggplot2?" had every passage of the second
    # first. The file's name names the package, as a title does.
    specs = ("# Aesthetic specifications\n\n## Line type\n\nLine types can be specified with an integer or a name: "
             "0 is blank, 1 is solid, 2 is dashed, 3 is dotted, 4 is dotdash, 5 is longdash and 6 is twodash.\n\n"
             "## Colour\n\nColours can be given by name, such as red, or as an RGB string.\n")
    packages = ("# Using ggplot2 in packages\n\n## Imports\n\nIf you use ggplot2 in your package, list ggplot2 under "
                "Imports and call ggplot2 functions with ggplot2::, so ggplot2 can be used in the package.\n\n"
                "## Themes\n\nA ggplot2 theme in a package can be exported, so that users of the package can use "
                "ggplot2 plots that look like yours.\n")
    (tmp_path / "ggplot2-specs.md").write_text(specs)
    (tmp_path / "ggplot2-in-packages.md").write_text(packages)
    docs = load_paths([tmp_path / "ggplot2-specs.md", tmp_path / "ggplot2-in-packages.md"]).documents
    searcher = Searcher(encoder=encoder, index=MemoryIndex(docs, encoder))
    first = searcher.search("What line types can I use in ggplot2?", k=3)[0]
    assert first.doc_id == "ggplot2-specs.md" and "Line types can be specified" in first.highlight.text, first


def test_a_release_no_document_names_is_not_in_these_documents(encoder, tmp_path):
    # "What changed in ggplot2 9.9.9?" had another release's notes as its answer (weak, but
    # answered); a release no title, text or heading names is in no document. A named one is
    # answered, and a measurement ("0.05") is no release.
    from assistant.text import release_numbers

    news = ("# News\n\n## ggplot2 3.4.0\n\nThis is a minor release focusing on tightening up the internals and "
            "ironing out some inconsistencies in the API of the package.\n\n## ggplot2 3.3.0\n\nThis release changed "
            "many things: the changes that developers of extensions should know about come first.\n")
    searcher = searcher_of_file(encoder, tmp_path / "NEWS.md", news)
    missing = ask(searcher, "What changed in ggplot2 9.9.9?")
    assert not missing.answered and missing.not_mentioned == ("9.9.9",), missing
    assert ask(searcher, "What changed in ggplot2 3.4.0?").not_mentioned == ()
    assert release_numbers("Is version 3.1-0 out? Glucose at 0.05% and v1.12.4.") == ["3.1", "1.12.4"]


def test_what_a_section_heads_is_answered_by_that_sections_opening(encoder, tmp_path):
    # "Who funded the LIMIT trial?" had the authors' list first (names read close to "who") and
    # the funding statement fifth: the section whose heading holds every word the question asks
    # with, beyond the study it names, opens with its answer. A heading of which those words are
    # less than half ("Neuroplasticity and mental health") is no such section.
    limit = (
        "# The LIMIT randomised trial of antenatal lifestyle advice\n\nJodie M Dodd, Courtney Cramp, Lisa N Yelland\n\n"
        "## Methods\n\nWomen were randomised to lifestyle advice or standard care.\n\n## Funding statement\n\n"
        "This project was funded by a four-year project grant from the NHMRC, Australia.\n\n## Competing interests\n\n"
        "The authors declare that they have no competing interests.\n")
    brain = (
        "# The brain that changes\n\n## Neuroplasticity and mental health\n\nNeuroplasticity matters in recovery from "
        "depression.\n\n## Definitions\n\nNeuroplasticity is the brain's ability to reorganise itself by forming new "
        "connections.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"limit.md": limit, "brain.md": brain})
    for asked in ("Who funded the LIMIT trial?", "How was the LIMIT trial funded?"):
        funded = searcher.search(asked, k=1)[0]
        assert funded.highlight.text.startswith("This project was funded") and funded.probability == 1.0, (asked, funded)
    declared = searcher.search("Are there any competing interests?", k=1)[0]
    assert declared.highlight.text.startswith("The authors declare") and declared.probability == 1.0, declared
    defined = searcher.search("What is neuroplasticity?", k=2)
    assert not any(h.probability == 1.0 and "Neuroplasticity and mental health" in h.section for h in defined), defined


def test_a_question_heading_the_question_restates_is_answered_before_one_sharing_as_many_words(encoder, tmp_path):
    # A page of questions and answers: "How is ADHD diagnosed in adults?" shares "ADHD" and
    # "adults" with the heading "How common is ADHD in adults?" and had found it first; the
    # heading that asks it, but for one word, is "How is ADHD diagnosed?". A heading that is no
    # question ("Diagnosis in adults") is no such section, however its words fit.
    faq = ("# ADHD in adults: questions and answers\n\n## What is ADHD?\n\nADHD is a neurodevelopmental condition marked "
           "by inattention, hyperactivity and impulsivity.\n\n## How common is ADHD in adults?\n\n"
           "About 2.5% to 4% of adults in population surveys meet the criteria for ADHD, and many adults are "
           "diagnosed late.\n\n## How is ADHD diagnosed?\n\nThere is no single test: a specialist takes a detailed "
           "history and uses rating scales such as the ASRS.\n\n## What are the side effects of stimulants?\n\n"
           "The most common side effects are reduced appetite, trouble sleeping and headache.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"faq.md": faq, **OTHER_DOCUMENT})
    diagnosed = searcher.search("How is ADHD diagnosed in adults?", k=1)[0]
    assert diagnosed.section[-1] == "How is ADHD diagnosed?", diagnosed
    effects = searcher.search("What are the side effects of stimulants in adults?", k=1)[0]  # four words asked
    assert effects.highlight.text.startswith("The most common side effects"), effects
    from assistant.search.searcher import _restates

    asked = "How is ADHD diagnosed in adults?"
    assert _restates("How is ADHD diagnosed?", asked) and not _restates("Diagnosis of ADHD in adults", asked)
    assert not _restates("How common is ADHD in adults?", asked)
    # only a circumstance the question closes with may go unsaid, and the question word is the same:
    # "What is ADHD?" does not answer how it is treated, nor why it is missed
    assert not _restates("What is ADHD?", "How is ADHD treated?") and not _restates("What is ADHD?", "What is ADHD caused by?")
    assert not _restates("How is ADHD diagnosed?", "What is ADHD diagnosed with?")
    what = searcher.search("How is ADHD treated?", k=1)[0]
    assert what.section[-1] != "What is ADHD?", what


def test_a_new_topic_no_document_mentions_is_not_answered(encoder, tmp_path):
    # "What about breastfeeding?" after "Is sertraline safe in pregnancy?" was searched as "Is
    # sertraline safe in breastfeeding?" and answered (weakly) by the pregnancy passage: the leaflet
    # never says breastfeeding. A topic it mentions is answered as before.
    leaflet = ("# Sertraline: a guide for patients\n\n## Pregnancy\n\nSertraline is one of the antidepressants most "
               "often used in pregnancy. Talk to your doctor before you become pregnant.\n\n## Children\n\nSertraline "
               "is used to treat OCD in children aged 6 to 12.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"sertraline.md": leaflet, **OTHER_DOCUMENT})
    history = ["Is sertraline safe in pregnancy?"]
    unsaid = ask(searcher, "What about breastfeeding?", history)
    assert unsaid.resolved.kind == "new-topic" and not unsaid.answered and unsaid.not_mentioned == ("breastfeeding",), unsaid
    said = ask(searcher, "And for children?", history)
    assert said.answered and said.not_mentioned == (), said


def test_a_follow_up_of_a_thing_no_document_mentions_is_not_answered(encoder, tmp_path):
    # "What is the half-life?" after "Can I drink alcohol?" of a label that never names alcohol was
    # searched as "What is the half-life of alcohol?" and answered by sertraline's half-life; "Is it
    # safe for children?" after it, as "Is alcohol safe ...". A thing the documents name is answered.
    label = ("# Sertraline tablets\n\n## Pharmacokinetics\n\nThe mean elimination half-life of sertraline is approximately "
             "26 hours.\n\n## Pediatric use\n\nSertraline is approved for obsessive compulsive disorder in children aged 6 "
             "to 17.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"label.md": label, **OTHER_DOCUMENT})
    history = ["Can I drink alcohol?"]
    for question in ("What is the half-life?", "Is it safe for children?"):
        unsaid = ask(searcher, question, history)
        assert unsaid.resolved.topic == "alcohol" and not unsaid.answered and unsaid.not_mentioned == ("alcohol",), unsaid
    said = ask(searcher, "What is the half-life?", ["What is sertraline?"])
    assert said.answered and said.not_mentioned == (), said


def test_it_installed_or_cited_is_the_program_or_paper_not_the_option_asked_of(encoder, tmp_path):
    # A tool's README: "How do I install it?" after "What does --min-length do?" was searched as
    # "How do I install --min-length?" and answered by the option's row, "How should I cite it?"
    # too: a program or a paper is installed or cited whole, and "it" is what the document is of.
    readme = ("# seqtrim\n\nseqtrim trims adapters and low-quality bases from FASTQ reads.\n\n## Installation\n\n"
              "Install with cargo: cargo install seqtrim. Or download a prebuilt binary from the releases page.\n\n"
              "## Options\n\n| Option | Default | Description |\n|---|---|---|\n| --quality | 20 | Trim bases below this Phred "
              "quality |\n| --min-length | 30 | Discard reads shorter than this after trimming |\n\n## Citation\n\nIf you use "
              "seqtrim, please cite: Okafor N, Lindqvist M (2025). seqtrim: fast adapter trimming. Bioinformatics 41: btaf012.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"README.md": readme, **OTHER_DOCUMENT})
    history = ["What does --min-length do?"]
    for question, section in (("How do I install it?", "Installation"), ("How should I cite it?", "Citation")):
        answer = ask(searcher, question, history, k=1)
        assert "--min-length" not in answer.resolved.query.split("(")[0], answer.resolved
        assert answer.hits[0].section == (section,), answer.hits[0]


def test_a_title_word_the_question_asks_with_is_no_name_of_the_document(encoder, tmp_path):
    # The paper's title says "cluster-randomised", so "randomised" had been dropped with the words
    # that name the paper, and "How were schools randomised in MOVE?" was answered at probability 1
    # by the opening of "School recruitment", the heading that held the one word left.
    move = ("# Pilot cluster-randomised trial of the MOVE programme for adolescents\n\n## School recruitment\n\n"
            "Head teachers of ten secondary schools were sent a letter inviting them to take part.\n\n## Allocation\n\n"
            "Schools were randomised to the programme or control by a statistician using a computer-generated list.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"move.md": move, **OTHER_DOCUMENT})
    randomised = searcher.search("How were schools randomised in MOVE?", k=1)[0]
    assert randomised.highlight.text.startswith("Schools were randomised"), randomised
    for recruited in ("How were schools recruited in MOVE?", "How were schools recruited in the MOVE trial?"):
        hit = searcher.search(recruited, k=1)[0]  # the words naming it still go: "School recruitment" heads the rest
        assert hit.highlight.text.startswith("Head teachers") and hit.probability == 1.0, (recruited, hit)


def test_a_finding_asked_for_is_highlighted_by_the_sentence_reporting_one(encoder, tmp_path):
    # "Did adding immune-boosting advice such as echinacea make people wash their hands less?" had
    # highlighted "half of the participants were randomly assigned to also receive advice ... (eg,
    # taking echinacea)", what was done, rather than the next sentence, which says what was found.
    from assistant.search.findings import reports_result

    assert reports_result("Comparison of the groups revealed absolutely no differences in outcomes.")
    assert reports_result("Hand-washing increased in the intervention group (P = .02).")
    assert not reports_result("Half of the participants were randomly assigned to also receive advice on how to reduce risk.")
    wash = ("# A web-based hand hygiene trial\n\n## Methods\n\nOn logging on to the second session, half of the participants "
            "were randomly assigned to also receive advice on boosting the immune system, such as taking echinacea, to "
            "make hand-washing seem less necessary. Comparison of the groups with and without this advice revealed "
            "absolutely no differences in outcomes, so both were pooled for analysis.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"wash.md": wash, **OTHER_DOCUMENT})
    hit = searcher.search("Did adding immune-boosting advice such as echinacea make people wash their hands less?", k=1)[0]
    assert hit.highlight.text.startswith("Comparison of the groups"), hit


def test_the_most_a_thing_may_be_is_answered_by_a_number_stated_as_a_bound(encoder, tmp_path):
    # "How large can a group get?" and "What is the maximum dose?" had highlighted the usual size and
    # dose ("usually has 12 people"), which are numbers too: the most a thing may be is a bound.
    from assistant.search.answer import asked_amount

    assert asked_amount("How large can one training class get?") == "bound"
    assert asked_amount("What is the maximum dose of zopiclone?") == "bound"
    assert asked_amount("How large was the group?") == "number"
    doc = ("# Zopiclone\n\n## Dosage\n\nThe usual dose of zopiclone for adults is one 7.5 mg tablet at bedtime. "
           "Older adults start with a 3.75 mg dose. Do not take more than 7.5 mg in one night.\n\n"
           "## Groups\n\nEach sleep course group usually has 12 people and meets for 90 minutes. "
           "When demand is high, up to 15 people may join.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"zopiclone.md": doc, **OTHER_DOCUMENT})
    dose = searcher.search("What is the maximum dose of zopiclone?", k=1)[0]
    assert dose.highlight.text == "Do not take more than 7.5 mg in one night.", dose
    for asked in ("How many people can a sleep course group have at most?", "How large can a sleep course group get?"):
        group = searcher.search(asked, k=1)[0]
        assert group.highlight.text == "When demand is high, up to 15 people may join.", (asked, group)


def test_what_was_paid_or_given_is_answered_by_a_sentence_stating_a_sum_of_money(encoder, tmp_path):
    # "What reward was the first school promised ...?" had highlighted "We ran the feasibility study
    # with the first school that agreed ...", its passage's likest words, not the £200 it was told it
    # would receive; a reward, a payment, a cost is a sum of money, as "How many ...?" is a count.
    from assistant.search.answer import asked_amount, gives_amount

    assert asked_amount("What reward was the first school promised?") == "money"
    assert asked_amount("How much did the programme cost?") == "money"
    assert asked_amount("How many vouchers were given?") == "count"
    assert asked_amount("Chenodeoxycholic acid treatment increases energy costs.") is None  # a claim asks nothing
    assert gives_amount("Each family received a £5 gift voucher.", "money")
    assert gives_amount("The licence costs 25 euros a year.", "money") and gives_amount("It cost USD 300.", "money")
    assert not gives_amount("The programme ran for twelve weeks in 8 schools.", "money")
    bright = ("# The BRIGHT pilot trial of school gardening\n\n## Methods\n\nWe ran the feasibility study with the first school "
              "that agreed to take part, after its head teacher signed an acceptance form. The school was told that it would "
              "receive £200 of gardening tools once the final measurements were done. Pupils in each class chose two crops "
              "to grow over twelve weeks.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"bright.md": bright, **OTHER_DOCUMENT})
    reward = searcher.search("What reward was the first school promised for taking part in the BRIGHT feasibility study?", k=1)[0]
    assert "£200 of gardening tools" in reward.highlight.text, reward


def test_who_made_or_paid_for_a_thing_is_answered_only_by_a_sentence_naming_someone(encoder, tmp_path):
    # "Who developed neuropsychotherapy?" had been answered by "Neuropsychotherapy is a therapeutic
    # approach that ..." (and "Who created Rust?" by a sentence naming the language alone): the
    # answer names someone the question does not; "Who was eligible?" asks a role, which none need.
    from assistant.search.answer import asks_origin
    from assistant.search.searcher import names_someone

    assert asks_origin("Who developed neuropsychotherapy?") and asks_origin("And who funded the trial?")
    assert not asks_origin("Who was eligible for the trial?") and not asks_origin("Who delivered the sessions?")
    assert not names_someone("Some concerns treated with Neuropsychotherapy include:", "Who developed neuropsychotherapy?")
    assert names_someone("Cognitive therapy was developed by Aaron Beck in the 1960s.", "Who developed cognitive therapy?")
    npt = (
        "# What is neuropsychotherapy?\n\nNeuropsychotherapy is a therapeutic approach that combines psychotherapy and "
        "neurobiology. Some concerns treated with Neuropsychotherapy include anxiety and depression.\n")
    ct = "# Cognitive therapy\n\nCognitive therapy was developed by Aaron Beck in the 1960s.\n"
    searcher = searcher_of_files(encoder, tmp_path, {"npt.md": npt, "ct.md": ct})
    assert not ask(searcher, "Who developed neuropsychotherapy?", [], k=3).answered
    assert ask(searcher, "Who developed cognitive therapy?", [], k=3).answered


def test_who_paid_for_a_study_is_first_answered_by_the_sentence_saying_who(encoder, tmp_path):
    # "Who funded the hand hygiene trial?" had been answered by sentences saying "funded" or the
    # trial's words, its Acknowledgments' "This work was supported by the UK Medical Research
    # Council" not among the first: the sentence saying who paid comes first, and is the highlight.
    from assistant.search.answer import states_origin

    assert states_origin("This project was funded by a four-year project grant from the NHMRC.", "Who funded LIMIT?")
    assert states_origin("The Manchester Trust is the research sponsor.", "Who sponsored the trial?")
    assert states_origin("Cognitive therapy was developed by Aaron Beck in the 1960s.", "Who developed cognitive therapy?")
    assert not states_origin("We were funded by the LIMIT group.", "Who funded LIMIT?")  # the question's own name
    assert not states_origin("Neuropsychotherapy developed from neuroscience.", "Who developed neuropsychotherapy?")
    assert not states_origin("The trial was funded by the Wellcome Trust.", "Who developed the trial?")  # paid, not made
    calm = ("# The CALM trial of mindfulness for carers\n\n## Methods\n\nThe CALM trial was funded to run for two years in "
            "carers of people with dementia. Funded places were offered to carers on a waiting list.\n\n"
            "## Acknowledgements\n\nWe thank the carers who took part. This work was supported by the Wellcome Trust "
            "(grant 123456).\n")
    searcher = searcher_of_files(encoder, tmp_path, {"calm.md": calm, **OTHER_DOCUMENT})
    for asked in ("Who funded the CALM trial?", "Who sponsored the CALM trial?"):
        first = searcher.search(asked, k=1)[0]
        assert "supported by the Wellcome Trust" in first.highlight.text, (asked, first)


def test_who_paid_for_a_study_asked_in_other_words_is_answered_by_its_funding_not_by_fees_its_authors_declare(encoder, tmp_path):
    # Questions a user wrote about papers the pdf-qa set does not ask of: "Who pays for the BeneMin
    # trial?" had no funding sentence in the top 10 ("pays for" was no verb of paying for a study;
    # "paid" asked for a sum), "Who funded ...?" had a declaration of competing interests first
    # ("SML has received ... research grants from Abbvie"), the answering acknowledgement came at
    # probability 0.02 (so "not in these documents"), "Funding for this trial was provided by ..."
    # stated no funder, and "This paper presents independent research commissioned by the NIHR"
    # went after the others, read as a paper's aim. "Who gave ethical approval?" had the authors'
    # list first, read as "Who gave the talk?".
    from assistant.search.answer import asked_amount, asks_origin, asks_writers, states_origin

    assert asks_origin("Who pays for the BeneMin trial?") and asks_origin("Who paid for the LIMIT trial?")
    assert asked_amount("Who paid for the LIMIT trial?") is None and asked_amount("Were participants paid?") == "money"
    assert states_origin("Funding for this trial was provided by Mental Health Services of the Capital Region.", "Who pays for it?")
    assert not states_origin("Data were provided by the Office for National Statistics.", "Who funded the trial?")
    assert asks_writers("Who gave the talk?") and asks_writers("Who gave this lecture?")
    assert not asks_writers("Who gave ethical approval for the study?")
    benemin = (
        "# The benefit of minocycline in early psychosis (BeneMin): study protocol\n\nEileen M Joyce, Bill Deakin\n\n"
        "## Methods\n\nParticipants will take minocycline or placebo for 12 months. Ethics approval was given by the "
        "North West Research Ethics Committee.\n\n## Competing interests\n\nSML has received personal fees from Roche, and "
        "research grants from Abbvie and Pfizer. None of this funding was used for the present study.\n\n"
        "## Acknowledgements\n\nWe thank the participants. The project is funded by the Efficacy and Mechanisms Evaluation "
        "Programme, an MRC and NIHR partnership.\n")
    kcs = (
        "# Recruitment and retention of families in children's centres\n\n## Methods\n\nThe Keeping Children Safe study "
        "recruited parents through 36 children's centres in England.\n\n## Funding\n\nThis paper presents independent "
        "research commissioned by the National Institute for Health Research under its Programme Grants scheme. The views "
        "expressed are those of the authors.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"benemin.md": benemin, "kcs.md": kcs, **OTHER_DOCUMENT})
    for asked in ("Who pays for the BeneMin trial?", "Who funded the BeneMin trial?", "Who paid for the BeneMin trial?"):
        first = searcher.search(asked, k=1)[0]
        assert "funded by the Efficacy" in first.highlight.text and first.probability == 1.0, (asked, first)
    fees = [h for h in searcher.search("Who funded the BeneMin trial?", k=5) if "Competing interests" in h.section]
    assert all(h.probability < 1.0 for h in fees), fees
    first = searcher.search("Who funded the Keeping Children Safe study?", k=1)[0]
    assert first.highlight.text.startswith("This paper presents independent research commissioned"), first
    approved = searcher.search("Who gave ethical approval for the BeneMin trial?", k=1)[0]
    assert "North West Research Ethics Committee" in approved.highlight.text, approved


def test_where_a_study_was_done_is_highlighted_and_answered_only_by_a_sentence_naming_a_place(encoder, tmp_path):
    # "Where was the SHINE trial conducted?" had highlighted "Sessions were conducted weekly by ...",
    # which says "conducted" and no place, and "Where was the BLUE study carried out?" was answered
    # by "The BLUE study was conducted to compare ...", though the study names no place at all.
    from assistant.search.answer import asks_place, states_place
    from assistant.text import bm25_tokenize

    assert asks_place("Where was the trial conducted?") and asks_place("In which country did the study take place?")
    assert asks_place("And where were participants recruited?") and asks_place("Where was neuropsychotherapy developed?")
    # a place in the body, a file, a tool: no place's name answers them
    for other in ("Where is the hippocampus located?", "Where can I find the config file?", "Where do I run the script?",
                  "Where did the antibody come from?"):
        assert not asks_place(other), other
    asked = bm25_tokenize(["Where was the GoActive trial carried out?"])[0]
    for placed in ("Patients were enrolled from facilities in the catchment area of Copenhagen.",
                   "Head teachers of all Cambridgeshire government-funded, all-ability secondary schools were sent a letter.",
                   "The programme was run in three schools over a year.", "The survey was carried out in the UK in 2010."):
        assert states_place(placed, asked), placed
    for unplaced in ("Outcomes are shown in Table 2 of the appendix.", "Change in MVPA was adjusted for baseline values.",
                     "Results in GoActive were better than we had expected.", "Recruitment started in January 2013 and ended later.",
                     "Division of Primary Care, University Park, Nottingham NG7 2RD, UK",  # an address says where writers work
                     "• Role of Neuroplasticity in Mental Illness: changes can contribute to the development of illness."):  # a label
        assert not states_place(unplaced, asked), unplaced
    shine = ("# The SHINE trial\n\n## Methods\n\nThe SHINE trial was conducted to test whether a sleep programme improves "
             "mood in adolescents. Sessions were conducted weekly by trained research nurses, who also carried out the "
             "follow-up interviews.\n\nParticipants came from twelve secondary schools in Leeds and Bradford.\n")
    blue = ("# The BLUE study\n\n## Methods\n\nThe BLUE study was conducted to compare two asthma inhalers over six "
            "months. It was carried out with 200 adults who had used an inhaler for at least a year.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"shine.md": shine, "blue.md": blue})
    where = searcher.search("Where was the SHINE trial conducted?", k=1)[0]
    assert where.highlight.text.startswith("Participants came from twelve secondary schools"), where
    assert not ask(searcher, "Where was the BLUE study carried out?", [], k=3).answered


# A list the answer to "What types ...?" introduces, each item with a label, and examples further
# down; a second document so that a search has somewhere else to go.
PLASTICITY = {
    "plasticity.md": "# Neuroplasticity\n\n## Types\n\nThere are two main types of neuroplasticity:\n\n"
                     "1. Structural Neuroplasticity: the brain's physical structure changes.\n"
                     "2. Functional Neuroplasticity: functions move from damaged areas to undamaged ones.\n\n"
                     "## After a stroke\n\nFunctional neuroplasticity lets undamaged areas take over speech after a stroke.\n\n"
                     "## Juggling\n\nLearning to juggle is an example of structural neuroplasticity: grey matter grows.\n",
    "sleep.md": OTHER_DOCUMENT["sleep.md"],
}


def test_a_reference_to_an_item_of_the_list_the_answer_showed_asks_of_that_item(encoder, tmp_path):
    s = searcher_of_files(encoder, tmp_path, PLASTICITY)
    history = ["What types of neuroplasticity are there?"]
    answer = ask(s, "Give an example of the second one.", history, k=3)
    assert answer.resolved.query == "Give an example of Functional Neuroplasticity."
    assert answer.resolved.original == "Give an example of the second one."
    assert answer.hits[0].highlight.text.startswith("2. Functional Neuroplasticity")  # not the list's lead
    # a reference alone asks what the previous question asked of the other item
    answer = ask(s, "And the first one?", [*history, "Give an example of the second one."], k=3)
    assert answer.resolved.query == "Give an example of Structural Neuroplasticity."
    assert answer.hits[0].highlight.text.startswith("1. Structural Neuroplasticity")
    # the next one is counted from the item the question before named
    answer = ask(s, "And the next one?", [*history, "Give an example of the first one."], k=3)
    assert answer.resolved.query == "Give an example of Functional Neuroplasticity."


def test_a_reference_to_an_item_where_the_answer_lists_none_is_searched_with_the_previous_question(encoder, tmp_path):
    s = searcher_of_files(encoder, tmp_path, PLASTICITY)
    answer = ask(s, "Explain the first one", ["Does sleep help memory?"], k=3)
    assert answer.resolved.query == "Explain the first one (Does sleep help memory?)"


# A trial's record as a registry's page gives it: fields under labels, a table of the design, the
# outcome measures each with its time frame, who is excluded. Each line is there for one question:
# the sponsor's and the location's labelled lines, the contact's labelled list (which names a
# hospital too, and is no place where the study is done), the time frames, the dates, the criteria.
REGISTRY_RECORD = (
    "<html><head><title>Sertraline for Insomnia in Older Adults - Study Record</title></head><body><main>"
    "<h1>Sertraline for Insomnia in Older Adults (SLEEP-OA)</h1>"
    "<p>Sponsor: Eastbrook Medical School</p><p>Last Update Posted: 2026-02-10</p>"
    "<h2>Brief Summary</h2><p>The purpose of this study is to find out whether sertraline 50 mg taken at night "
    "improves sleep in adults over 65 with chronic insomnia, compared with a placebo tablet.</p>"
    "<h2>Outcome Measures</h2><h3>Primary Outcome Measures</h3><ol><li>Change in Insomnia Severity Index score. "
    "The index runs from 0 to 28. [Time Frame: Baseline to week 8]</li></ol>"
    "<h2>Exclusion Criteria</h2><ul><li>Current depression with psychotic features.</li><li>Use of another "
    "antidepressant in the past month.</li></ul>"
    "<h2>Contacts and Locations</h2><p>Study contact: Sleep Research Unit, Eastbrook General Hospital, telephone "
    "0100 555 0123, email sleep@eastbrook.example.</p>"
    "<p>Location: Eastbrook General Hospital, Sleep Research Unit, Eastbrook, Ireland.</p>"
    "<h2>Study Record Dates</h2><dl><dt>Study Start (Actual)</dt><dd>2025-10-01</dd>"
    "<dt>Study Completion (Estimated)</dt><dd>2027-09-30</dd></dl></main></body></html>"
)


def test_a_trial_records_labelled_lines_answer_where_who_paid_and_when(encoder, tmp_path):
    # "Where is the study conducted?" had been answered by nothing (the "Location:" line has no clause,
    # and the contact's list, its label sharing "study" with the question, stood in its place);
    # "Who sponsors the trial?" by "Last Update Posted"; "When is the primary outcome measured?" by
    # the measure's name, not its time frame.
    from assistant.search.answer import asked_amount, asks_origin, list_asked

    assert asked_amount("When is the primary outcome measured?") == "time"
    assert asked_amount("At what time points are participants assessed?") == "time"
    assert asked_amount("When will the study be completed?") == "date"
    assert asked_amount("When should I take it?") == "time"  # a time of day, or of a course
    assert asked_amount("When should I use WAL mode?") is None  # a circumstance, no time
    assert asks_origin("Who sponsors the trial?") and asks_origin("Who funds the study?")
    # a list's label is named by its last word, the noun it lists
    contact = "Study contact: Sleep Research Unit, Eastbrook General Hospital, telephone 0100, email sleep@eastbrook.example."
    assert list_asked(contact, {"studi", "conduct"}) is False
    assert list_asked(contact, {"contact"}) is True
    s = searcher_of_files(encoder, tmp_path, {"record.html": REGISTRY_RECORD, **OTHER_DOCUMENT})
    expected = {
        "Where is the study conducted?": "Location: Eastbrook General Hospital, Sleep Research Unit, Eastbrook, Ireland.",
        "Who sponsors the trial?": "Sponsor: Eastbrook Medical School",
        "When is the primary outcome measured?": "[Time Frame: Baseline to week 8]",
        "When will the study be completed?": "Study Completion (Estimated): 2027-09-30",
        # "excluded" and "Exclusion" stem apart ("exclud", "exclus"): a verb's noun heads its section
        "Who is excluded?": "• Current depression with psychotic features.",
    }
    for question, highlight in expected.items():
        answer = ask(s, question, [], k=3)
        assert answer.answered and answer.hits[0].highlight.text == highlight, (question, answer.hits[0])


def test_a_follow_up_searched_with_the_question_before_it_still_finds_the_section_its_words_head(encoder, tmp_path):
    # "Who is excluded?" after "When is it measured?" is searched with that question in brackets,
    # whose words had made it too wide for any heading: "Exclusion Criteria" was not found.
    s = searcher_of_files(encoder, tmp_path, {"record.html": REGISTRY_RECORD, **OTHER_DOCUMENT})
    answer = ask(s, "Who is excluded?", ["What is the primary outcome?", "When is it measured?"], k=3)
    assert answer.resolved.query.startswith("Who is excluded? (")
    assert answer.hits[0].highlight.text == "• Current depression with psychotic features.", answer.hits[0]


def test_limitations_announced_in_a_short_sentence_are_the_sentence_after_it(encoder, tmp_path):
    # A falls trial's Discussion: "Our trial has limitations." (four words) then what they are. "What
    # were the limitations?" highlighted the announcement alone ("were" was read as naming a
    # document); "strength and balance training" is no strength of the study.
    falls = ("# Home-based strength and balance training to prevent falls\n\n## Methods\n\nParticipants were asked to "
             "exercise three times a week and to walk at least twice a week.\n\n## Discussion\n\nA home-based strength and "
             "balance programme reduced falls by a third over a year in older people who had already fallen.\n\nOur trial "
             "has limitations. Falls were self-reported, participants could not be blinded, and the population was mainly "
             "white British.\n")
    searcher = searcher_of_file(encoder, tmp_path / "falls.md", falls)
    limits = ask(searcher, "What were the limitations?", [], k=1).hits[0]
    assert limits.highlight.text.startswith("Our trial has limitations. Falls were self-reported"), limits
    from assistant.search.findings import appraises

    assert not appraises("A home-based strength and balance programme reduced falls.", "strengths")
    assert appraises("A strength of the trial is its size.", "strengths") and appraises("Its strengths include its size.", "strengths")


def test_a_follow_up_searched_with_the_question_before_asks_with_its_own_words_inside_that_answers_document(encoder, tmp_path):
    # A conference poster: "What was the primary outcome?" after "How many completed follow-up?" is
    # searched with it in brackets; inside the poster its words had put the follow-up's sentence
    # first, over "The primary outcome was attendance ...".
    poster = ("# Walking football for older adults with depression: a pilot randomised trial\n\n## Methods\n\nWe recruited 48 "
              "adults aged 65 to 84 with a PHQ-9 score of 10 or more from four general practices. Participants were randomised "
              "to walking football twice a week for 12 weeks or to a waiting list. The primary outcome was attendance; secondary "
              "outcomes were PHQ-9 and loneliness scores at 12 weeks.\n\n## Results\n\nOf 48 participants, 44 (92%) completed "
              "follow-up. Mean attendance was 78% of sessions. PHQ-9 scores fell by 4.1 points in the football group.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"poster.md": poster, **OTHER_DOCUMENT})
    answer = ask(searcher, "What was the primary outcome?", ["How many completed follow-up?"], k=3)
    assert answer.resolved.query.endswith("(How many completed follow-up?)"), answer.resolved
    assert answer.hits[0].highlight.text.startswith("The primary outcome was attendance"), answer.hits[0]
