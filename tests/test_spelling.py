"""A question's misspelt words read as the collection writes them (`assistant.search.spelling`), and
what the person is shown as searched for (the real model, an in-memory index)."""

from __future__ import annotations

from assistant.index import MemoryIndex
from assistant.ingest import document_from_text
from assistant.search import Searcher, ask
from assistant.search.spelling import Vocabulary, corrected

# A guide's words: "neuroplasticity" and "hippocampus" are no word of the model's dictionary (they
# are split into pieces), "depression" and "running" are; "stratified" and "clinical" are forms or
# neighbours of words a question may use as meant; "ruining" is a word the guide uses one
# letter away from "running"; "matter" and "mutter" are equally used, each a letter from "mstter".
TEXTS = ["Neuroplasticity helps recovery from depression. The hippocampus changes with exercise. Clinical "
         "trials stratified patients by age. Anxiety and depression often occur together.",
         "Stress kept ruining her sleep. Therapy matters, she would mutter, and so does matter."]
VOCABULARY = Vocabulary(TEXTS)


def test_a_word_no_document_uses_and_no_dictionary_holds_is_read_as_the_collections_nearest_word():
    assert corrected("What is neuroplastisity?", VOCABULARY) == "What is neuroplasticity?"
    assert corrected("Neuroplastisity and the hipocampus?", VOCABULARY) == "Neuroplasticity and the hippocampus?"
    # a word with a letter beyond ASCII is one word, replaced whole ("neuroplasticityé" had been left)
    assert corrected("Qu'est-ce que la neuroplasticité ?", VOCABULARY) == "Qu'est-ce que la neuroplasticity ?"
    # a dictionary word is spelt as meant, even one the collection never uses
    assert corrected("Does running help depression?", VOCABULARY) == "Does running help depression?"
    # another form of a word the collection uses ("stratified") is spelt as meant, and two edits
    # in a word of under twelve letters turn a real word into another ("clinician", "clinical")
    assert corrected("Who stratifies patients?", VOCABULARY) == "Who stratifies patients?"
    assert corrected("What do clinician trials show?", VOCABULARY) == "What do clinician trials show?"
    # a name written with a capital inside the question is left for the not-mentioned check
    assert corrected("What does Neuroplastisity say?", VOCABULARY) == "What does Neuroplastisity say?"
    # too far from any word, or equally near two, it stays as typed
    assert corrected("What is psilocybin?", VOCABULARY) == "What is psilocybin?"
    assert VOCABULARY.nearest("mstter") is None


def test_the_collections_words_are_read_only_when_a_question_needs_them():
    loads = []

    def load() -> Vocabulary:
        loads.append(1)
        return VOCABULARY

    assert corrected("Does exercise help depression?", load=load) == "Does exercise help depression?"
    assert not loads
    assert corrected("What is neuroplastisity?", load=load) == "What is neuroplasticity?" and loads == [1]


def test_a_misspelt_question_is_searched_as_corrected_and_says_so(encoder):
    docs = [document_from_text(f"{i}.txt", f"Notes {i}\n\n{text}", title=f"Notes {i}") for i, text in enumerate(TEXTS)]
    searcher = Searcher(encoder=encoder, index=MemoryIndex(docs, encoder))
    answer = ask(searcher, "How does neuroplastisity help recovery?")
    assert answer.resolved.query == "How does neuroplasticity help recovery?"
    assert answer.resolved.original == "How does neuroplastisity help recovery?"
    assert answer.hits[0].doc_id == "0.txt"
    # a follow-up's misspelt topic is spelt before the follow-up is rewritten, so it takes the
    # place of the previous question's topic ("... involved in depression for anxiety?" before)
    answer = ask(searcher, "And for anxeity?", ["Which brain regions are involved in depression?"])
    assert answer.resolved.query == "Which brain regions are involved in anxiety?", answer.resolved
    assert answer.resolved.original == "And for anxeity?"
