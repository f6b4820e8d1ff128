from __future__ import annotations

import hashlib
import json
import shutil

import numpy as np
import pytest

from assistant.claims import ClaimAdapter, ClaimChecker, ClaimError, flip_claim
from assistant.claims.features import POLARITY_FEATURES, SENTENCE_FEATURES
from assistant.claims.models import ADAPTER_PATH, MODEL_PATH
from assistant.cli.output import format_verdict
from assistant.index import MemoryIndex
from assistant.search import Searcher, is_followup, resolve_followup
from tests.conftest import OTHER_DOCUMENT, PDF_QA, ROOT, searcher_of_file, searcher_of_files

EV_KEYS = ["text", "doc_id", "title", "start", "end", "page", "label", "score", "section", "page_label"]


@pytest.fixture(scope="module")
def checker(searcher):
    return ClaimChecker(searcher)


def test_supported_claim_with_cited_evidence(checker, searcher):
    v = checker.check("Mindfulness meditation can reshape neural pathways.").to_dict()
    assert list(v) == ["verdict", "confidence", "evidence", "not_mentioned"] and v["not_mentioned"] == []
    assert v["verdict"] == "supported" and 0 <= v["confidence"] <= 1
    top = v["evidence"][0]
    assert list(top) == EV_KEYS and top["label"] == "supports"
    assert "mindfulness meditation can reshape neural pathways" in top["text"]
    doc = searcher.index.document(searcher.index.doc_row(top["doc_id"]))
    assert doc.text[top["start"] : top["end"]] == top["text"]


def test_unsupported_claim_is_not_found(checker):
    v = checker.check("Regular coffee consumption lowers the risk of Alzheimer's disease.")
    assert v.verdict == "not_found"
    assert all(e.label == "related" for e in v.evidence)


def test_own_claim_set_accuracy(checker):
    rows = [json.loads(line) for line in (ROOT / "eval" / "claims.jsonl").read_text().splitlines()]
    plain = [r for r in rows if r["verdict"] != "contradicted"]
    assert len(plain) >= 20 and sum(r["verdict"] == "not_found" for r in plain) >= len(plain) // 2
    right = sum(checker.check(r["claim"]).verdict == r["verdict"] for r in plain)
    assert right / len(plain) >= 0.9


def test_bad_claims_are_refused_with_a_message_that_calls_them_claims(checker):
    with pytest.raises(ClaimError, match="the claim is empty"):
        checker.check("   ")
    with pytest.raises(ValueError, match="the claim is 100,000 characters long"):
        checker.check("x" * 100_000)


def test_a_sentences_place_counts_in_an_abstract_sized_document_only(encoder):
    # The detector learned that an abstract's later sentences report its findings. In a manual or
    # a whole paper, a sentence's place says nothing: every sentence of a document longer than
    # ABSTRACT_SENTENCES stands mid-way, so an early sentence is not marked down for being early.
    from assistant.claims.evidence import ABSTRACT_SENTENCES, sentence_candidates
    from assistant.index import MemoryIndex
    from assistant.ingest import document_from_text
    from assistant.search import Searcher

    short = " ".join(f"Finding {i} concerns sleep and memory in students." for i in range(10))
    long = " ".join(f"Step {i} of the guide concerns sleep and memory in students." for i in range(ABSTRACT_SENTENCES + 5))
    docs = [document_from_text("short.txt", short, title="Short"), document_from_text("long.txt", long, title="Long")]
    searcher = Searcher(encoder=encoder, index=MemoryIndex(docs, encoder))
    claim = "Sleep helps students remember."
    cands, _ = sentence_candidates(searcher, claim, encoder.encode_query(claim))
    at = SENTENCE_FEATURES.index("position")
    places = {d: sorted(c.features[at] for c in cands if c.doc == d) for d in (0, 1)}
    assert places[0][0] == 0.0 and places[0][-1] == 1.0
    assert set(places[1]) == {0.5}


def test_model_artifact_is_small_json_with_provenance():
    spec = json.loads(MODEL_PATH.read_text())
    assert MODEL_PATH.stat().st_size < 64_000
    assert "CC BY-NC" in spec["training_data"]["license"]
    assert spec["command"] == "python -m assistant.claims.train"
    assert 0 < spec["thresholds"]["evidence"] < 1 and 0 < spec["thresholds"]["contradiction"] < 1
    # The adapter the detector was trained with, small and recorded by hash.
    assert ADAPTER_PATH.stat().st_size < 128_000
    assert spec["adapter"]["sha256"] == hashlib.sha256(ADAPTER_PATH.read_bytes()).hexdigest()
    assert np.load(ADAPTER_PATH, allow_pickle=False).shape == (2, 384, spec["adapter"]["rank"])


def test_adapter_moves_claims_only_a_little(encoder):
    # Trained on biomedical claims, applied to any collection: it must nudge a claim towards its
    # evidence, not replace it (a claim far from the source text would find other documents).
    texts = ["Mindfulness meditation can reshape neural pathways.", "What is the capital of France?",
             "Sleep deprivation increases anxiety."]
    q = encoder.encode(texts)
    adapted = ClaimAdapter.load()(q)
    assert np.allclose(np.linalg.norm(adapted, axis=1), 1, atol=1e-5)
    assert ((q * adapted).sum(1) > 0.9).all()
    assert not np.allclose(q, adapted, atol=1e-3)


def test_adapter_other_than_the_trained_one_is_refused(searcher, tmp_path):
    shutil.copy(MODEL_PATH, tmp_path / MODEL_PATH.name)
    factors = np.load(ADAPTER_PATH, allow_pickle=False)
    np.save(tmp_path / ADAPTER_PATH.name, factors * 2, allow_pickle=False)
    with pytest.raises(ClaimError, match="retrain"):
        ClaimChecker(searcher, model_path=tmp_path / MODEL_PATH.name)
    # a model file from before the adapter existed: told to retrain, not a KeyError
    spec = json.loads(MODEL_PATH.read_text())
    del spec["adapter"]
    (tmp_path / "old.json").write_text(json.dumps(spec))
    with pytest.raises(ClaimError, match="no claim adapter"):
        ClaimChecker(searcher, model_path=tmp_path / "old.json")


@pytest.mark.parametrize("claim, flipped", [
    # a negation is removed first: the reversed claim of a negative claim is the positive one
    ("Exercise does not improve sleep.", "Exercise does improve sleep."),
    # else the first direction word becomes its opposite, keeping capitals and punctuation
    ("Stress increases cortisol.", "Stress decreases cortisol."),
    ("Higher doses work better.", "Lower doses work better."),
    # else "not" after the first auxiliary verb
    ("Therapy is useful for panic disorder.", "Therapy is not useful for panic disorder."),
    # no handle at all: the whole claim is denied ("must" is none: the polarity model was trained on
    # the reversed claims of these auxiliaries only, and a later list of every auxiliary verb had
    # taken the place of theirs)
    ("Mindfulness helps.", "It is not true that Mindfulness helps."),
    ("Minocycline must be taken daily.", "It is not true that Minocycline must be taken daily."),
])
def test_flip_claim(claim, flipped):
    assert flip_claim(claim) == flipped


def test_contradicting_sentence_is_closer_to_the_flipped_claim(encoder):
    # The polarity model's flip feature: a sentence stating the opposite direction is nearer the
    # reversed claim than the claim itself, a sentence stating the same direction is not.
    claim = "Sleep deprivation increases anxiety."
    c, f = encoder.encode([claim, flip_claim(claim)])
    against, agrees = encoder.encode(["Sleep deprivation decreased anxiety in the trial.",
                                      "Sleep deprivation increased anxiety in the trial."])
    assert against @ f - against @ c > 0 > agrees @ f - agrees @ c


def test_both_models_match_their_features():
    spec = json.loads(MODEL_PATH.read_text())
    assert spec["polarity"]["features"] == POLARITY_FEATURES
    assert len(spec["polarity"]["coef"]) == len(POLARITY_FEATURES)
    # the detector sees exactly what `sentence_features` computes, named one for one
    assert spec["detector"]["features"] == SENTENCE_FEATURES
    assert len(spec["detector"]["coef"]) == len(SENTENCE_FEATURES)


@pytest.mark.parametrize("damage", [
    lambda spec: spec["detector"]["features"].append("extra"),   # names and weights disagree
    lambda spec: spec["polarity"].pop("coef"),                    # a part missing
    lambda spec: spec["thresholds"].update(evidence="high"),      # a threshold that is no number
])
def test_malformed_model_is_a_clear_error(searcher, tmp_path, damage):
    spec = json.loads(MODEL_PATH.read_text())
    damage(spec)
    shutil.copy(ADAPTER_PATH, tmp_path / ADAPTER_PATH.name)
    (tmp_path / MODEL_PATH.name).write_text(json.dumps(spec))
    with pytest.raises(ClaimError, match="retrain"):
        ClaimChecker(searcher, model_path=tmp_path / MODEL_PATH.name)


def test_missing_nli_model_is_a_clear_error(searcher, tmp_path):
    with pytest.raises(ClaimError, match="no NLI model"):
        ClaimChecker(searcher, nli_model=tmp_path / "none")


@pytest.mark.parametrize("question,kind", [
    ("And for anxiety?", "new-topic"), ("What about schizophrenia?", "new-topic"),
    ("How is it treated?", "reference"), ("What is neuroplasticity?", ""),
    ("Which brain regions are linked to depression?", ""),
    # asking what shows the last answer names nothing of its own: it goes with the last question
    # ("How do we know?" was searched alone, "Says who?" read as a new topic "Says")
    ("How do we know?", "reference"), ("How sure are the researchers?", "reference"), ("Says who?", "reference"),
    ("Are you sure?", "reference"), ("How do we know exercise helps memory?", ""),
])
def test_followup_detection(question, kind):
    assert is_followup(question) == kind


def test_followup_resolution(encoder):
    r = resolve_followup("And for anxiety?", ["Which brain regions are linked to depression?"], encoder)
    assert r.query == "Which brain regions are linked to anxiety?"
    chained = resolve_followup("What about schizophrenia?", ["Which brain regions are linked to depression?",
                                                            "And for anxiety?"], encoder)
    assert chained.query == "Which brain regions are linked to schizophrenia?"
    ref = resolve_followup("How many articles did it identify?", ["Who wrote the narrative review?"], encoder)
    assert "review" in ref.query
    alone = resolve_followup("What is structural neuroplasticity?", ["Which brain regions are linked to depression?"],
                             encoder)
    assert alone.query == "What is structural neuroplasticity?" and alone.kind == "standalone"


def test_followups_read_as_the_question_a_person_would_type(encoder):
    # eval/conversations.jsonl gives the expected rewrite for follow-ups that once read badly:
    # a coordinated phrase replaced whole, a pronoun replaced by a noun phrase, "is" agreeing.
    import json

    from tests.conftest import ROOT

    checked = 0
    for line in (ROOT / "eval" / "conversations.jsonl").read_text().splitlines():
        turns = json.loads(line)["turns"]
        for i, turn in enumerate(turns):
            if "resolved" in turn:
                history = [t["question"] for t in turns[:i]]
                assert resolve_followup(turn["question"], history, encoder).query == turn["resolved"]
                checked += 1
    assert checked >= 3


def test_they_after_a_new_topic_names_both_topics_whole(encoder):
    # "behavioural", the British spelling of a word the model knows, is no name for "mindfulness" to replace
    r = resolve_followup("Do they change neural pathways?", ["What is cognitive behavioural therapy?", "And mindfulness?"],
                         encoder)
    assert r.query == "Do cognitive behavioural therapy and mindfulness change neural pathways?"


def test_followup_never_doubles_a_word(encoder):
    r = resolve_followup("And the secondary outcomes?", ["What is the primary outcome of the trial?"], encoder)
    assert "the the" not in r.query.lower() and "secondary outcomes" in r.query


def test_followup_retrieves_the_anxiety_passage(searcher, encoder):
    r = resolve_followup("And for anxiety?", ["Which brain regions are linked to depression?"], encoder)
    assert "insula" in searcher.search(r.query, k=1)[0].highlight.text


@pytest.mark.skipif(not (ROOT.parent / "shared" / "scifact-claims").exists(), reason="needs ../shared")
def test_cross_encoder_pairs_keep_held_out_claims_out_and_label_every_pair():
    # The held-out fifth of SciFact train calibrates the cross-encoder: none of its claims may be
    # among the training pairs, and every pair carries one of the three labels.
    import random

    from assistant.claims.nli import LABELS
    from assistant.claims.train import heldout, load_claims
    from assistant.claims.train_nli import training_pairs

    shared = ROOT.parent / "shared"
    pairs, counts, test = training_pairs(["scifact", "check-covid"], shared / "scifact-claims", shared / "claims-extra",
                                         random.Random(0))
    held = {c["claim"] for c in load_claims(shared / "scifact-claims" / "claims_train.jsonl") if heldout(c)}
    assert not held & {p.claim for p in pairs if p.source == "scifact"}
    assert {p.claim for p in test} <= held
    assert {p.label for p in pairs} == set(LABELS) and counts["check-covid"] > 1000


def test_flipped_pairs_reverse_the_claim_and_swap_support_with_contradiction():
    from assistant.claims.train_nli import Pair, flipped_pairs

    pairs = [
        # a direction word turned: the evidence that supported the claim now contradicts it
        Pair("Exercise increases memory in older adults.", "Memory improved with exercise.", "SUPPORT", "scifact"),
        # a negation removed: the evidence that contradicted it now supports it
        Pair("Statins do not lower cholesterol.", "Statins lowered LDL cholesterol.", "CONTRADICT", "scifact"),
        # unrelated evidence stays unrelated: a negation alone is no contradiction
        Pair("Coffee is safe in pregnancy.", "The trial enrolled 300 adults.", "NEI", "scifact"),
    ]
    flipped = flipped_pairs(pairs)
    assert [p.claim for p in flipped] == ["Exercise decreases memory in older adults.", "Statins do lower cholesterol.",
                                          "Coffee is not safe in pregnancy."]
    assert [p.label for p in flipped] == ["CONTRADICT", "SUPPORT", "NEI"]
    assert [p.evidence for p in flipped] == [p.evidence for p in pairs]
    assert {p.source for p in flipped} == {"scifact-flipped"}


@pytest.mark.parametrize(("history", "question", "expected"), [
    # the topic takes the place of what followed the same preposition
    ("Does exercise improve memory in children?", "And in older adults?", "Does exercise improve memory in older adults?"),
    # "they" stands for the plural phrase, not the singular one the question ends with
    ("Do mindfulness apps have trial evidence?", "How should they be tested?", "How should mindfulness apps be tested?"),
    # in a do-question the referent is the subject, not the subject and its verb
    ("What risk does the protocol describe?", "When does it end?", "When does the protocol end?"),
    # "that phenomenon" names nothing in the previous question: both are searched together
    ("Why do people fear lifts after being stuck in one?", "What is that phenomenon called?",
     "What is that phenomenon called? (Why do people fear lifts after being stuck in one?)"),
    # a new topic takes the place of the whole noun phrase, modifiers and all, not of its noun alone
    ("How does chronic stress affect memory?", "And acute stress?", "How does acute stress affect memory?"),
    ("Does exercise reduce symptoms of major depression?", "What about anxiety?", "Does exercise reduce symptoms of anxiety?"),
    # ... but a run that opens the question holds its subject and verb, which stay
    ("Which therapies help depression?", "And anxiety?", "Which therapies help anxiety?"),
    ("Does exercise help depression?", "And anxiety?", "Does exercise help anxiety?"),
    ("What triggers migraines in children?", "And headaches?", "What triggers headaches in children?"),
    ("Can older adults build new neurons?", "And synapses?", "Can older adults build new synapses?"),
    # ... nor does the phrase holding that verb ("regulate brain activity")
    ("Which techniques regulate brain activity?", "And neurotransmitter balance?",
     "Which techniques regulate neurotransmitter balance?"),
    # ... except that the verb after a named subject is known, and the modifiers after it go
    ("Did U@Uni reduce binge drinking?", "And smoking?", "Did U@Uni reduce smoking?"),
    # ... and a subject's article opens the run ("Does the sockets?", "Can the trauma?")
    ("Does the library support proxies?", "And sockets?", "Does the library support sockets?"),
    ("Can the brain repair damage?", "And trauma?", "Can the brain repair trauma?"),
    # ... but after "is" or "are" a run holds a verb only as a participle, and one that "be" ends is
    # the subject alone: the modifiers go with it ("What is chronic acute stress?")
    ("What is chronic stress?", "And acute stress?", "What is acute stress?"),
    ("Are private modules on sys.path?", "What about public modules?", "Are public modules on sys.path?"),
    ("Should private modules be on sys.path?", "What about public modules?", "Should public modules be on sys.path?"),
    ("Is deflate() guaranteed to consume all input?", "What about inflate()?",
     "Is inflate() guaranteed to consume all input?"),
    # a question word that takes a noun takes the topic without its article ("Which the disk group")
    ("Which group owns /etc/shadow?", "What about the disk group?", "Which disk group owns /etc/shadow?"),
    # after "does" the subject is singular: "them" is the plural after its verb ("configure library
    # support proxies")
    ("Does the library support proxies?", "How do I configure them?", "How do I configure proxies?"),
    # so after "How does": the plural after the subject and its verb ("Why are DESeq2 estimate
    # dispersions shrunk?" before)
    ("How does DESeq2 estimate dispersions?", "Why are they shrunk?", "Why are dispersions shrunk?"),
    # ... all of it, its modifiers too ("How do I enable keys?" before)
    ("Does SQLite enforce foreign keys?", "How do I enable them?", "How do I enable foreign keys?"),
    ("Why does stress damage neurons?", "Can they recover?", "Can neurons recover?"),
    # a new topic like no phrase of the previous question is searched beside it, not glued after
    # its question mark ("What was the mean BMI at baseline in LIMIT? the control group")
    ("What was the mean BMI at baseline in LIMIT?", "What about the control group?",
     "What about the control group? (What was the mean BMI at baseline in LIMIT?)"),
    # "it" for a pair: the verb agrees with the pair
    ("Which brain regions are involved in depression and anxiety?", "How is it treated?",
     "How are depression and anxiety treated?"),
    ("Which brain regions are involved in depression and anxiety?", "Does it affect sleep?",
     "Do depression and anxiety affect sleep?"),
    # ... and a do-question's closing verb is no part of the noun phrase before it
    ("What do top-down-focused CBT models promote?", "And the models in the review?",
     "What do the models in the review promote?"),
    # documentation: an adverb takes an adverb's place, not its verb's object's
    ("How do I read a file asynchronously?", "And synchronously?", "How do I read a file synchronously?"),
    # a name with dots is one word, and a do-question's closing verb is no part of its subject
    ("What does dns.lookup do?", "How is it different from dns.resolve?", "How is dns.lookup different from dns.resolve?"),
    # a new topic that points back: its pronoun stands for the previous question's topic
    ("How do I spawn a child process?", "What about killing it?", "What about killing a child process?"),
    # the object of "How do I <verb> ..." ends at its preposition or infinitive: "it" is the
    # function, not "run after a delay", and the children are no disease
    ("How do I schedule a function to run after a delay?", "How do I cancel it?", "How do I cancel a function?"),
    ("How do I treat depression in children?", "Is it common?", "Is depression common?"),
    # "What is/was the <noun phrase>?": the whole phrase, when its head agrees with the pronoun
    ("What was the primary outcome of the LIMIT trial?", "How was it measured?",
     "How was the primary outcome of the LIMIT trial measured?"),
    ("What are the side effects of minocycline?", "How common are they?",
     "How common are the side effects of minocycline?"),
    # the subject between the question word and its verb; the object after a verb with no
    # preposition or auxiliary after it
    ("What dose of minocycline was used?", "Was it well tolerated?", "Was the dose of minocycline well tolerated?"),
    ("Who funded the GoActive study?", "When did it start?", "When did the GoActive study start?"),
    ("Where was the trial run?", "Who ran it?", "Who ran the trial?"),
    # "they" for a plural without an -s, at the start of its run of words
    ("How many women took part in the LIMIT trial?", "How old were they?", "How old were women?"),
    # "them" after a thing of a kind named in general ("a ..."): things of that kind; it had been
    # searched beside the previous question, the pronoun unread
    ("What is a generator expression?", "Can I use them in install?", "Can I use generator expressions in install?"),
    ("What is a policy?", "Who sets them?", "Who sets policies?"),
    # "one" stands for the noun: the new word takes the place of the old one before it
    ("Which events does a readable stream emit?", "And a writable one?", "Which events does a writable stream emit?"),
    # "one" alone is one of the thing the previous question named; a number is not
    ("What does BufReader do?", "How do I create one?", "How do I create a BufReader?"),
    ("What is an exclusion criterion?", "Can you give me one?", "Can you give me an exclusion criterion?"),
    ("What is a shim?", "Do I need one for every command?", "Do I need a shim for every command?"),
    # "there" at a question's end: the place the previous question named, else what it asked of
    # ("What does the PRIVATE keyword mean there?" had been searched as a question of its own);
    # "there" of being stays
    ("What does target_compile_options do?", "What does the PRIVATE keyword mean there?",
     "What does the PRIVATE keyword mean in target_compile_options?"),
    ("How common is depression in Japan?", "What is the treatment there?", "What is the treatment in Japan?"),
    ("Is CBT offered at the Maudsley hospital?", "Who works there?", "Who works at the Maudsley hospital?"),
    ("Which schools took part in GoActive?", "How many students were there?",
     "How many students were there? (Which schools took part in GoActive?)"),
    # one of a plural is one thing ("How do I add a tests?" had been searched)
    ("How do I run tests with ctest?", "How do I add one?", "How do I add a test?"),
    ("How many arms did the trial have?", "Was there more than one?", "Was there more than one?"),
    # a question word with a noun asks the previous question of that noun; an adverbial question
    # word takes another's place; one that the previous question cannot take is searched beside it
    ("How many schools took part in GoActive?", "How many students?", "How many students took part in GoActive?"),
    ("How often do patients attend the groups?", "For how long?", "For how long do patients attend the groups?"),
    ("Where was the trial run?", "When?", "When was the trial run?"),
    ("What dose of minocycline is used in BeneMin?", "For how long?",
     "For how long? (What dose of minocycline is used in BeneMin?)"),
    ("What is neuropsychotherapy?", "Why?", "Why? (What is neuropsychotherapy?)"),
    # a question word with the place or time it asks about is a fragment too (it was searched alone)
    ("Can adults grow new neurons?", "Where in the brain?", "Where in the brain? (Can adults grow new neurons?)"),
    # "how many" and a verb's past participle with its object counts what the previous question counted
    ("How many participants were recruited?", "And how many completed the study?",
     "How many participants completed the study?"),
    # ... but a question word with a pronoun points back
    ("What are the symptoms of depression?", "What causes it?", "What causes depression?"),
    # a name takes the place of the only name (the embedding model knows neither)
    ("Who funded the FOCUS trial?", "What about LIMIT?", "Who funded the LIMIT trial?"),
    # the new topic after a preposition takes the place of that phrase only, not of what follows
    ("What were the results for girls in GoActive?", "And for boys?", "What were the results for boys in GoActive?"),
    ("What is the default value of maxBuffer?", "And of timeout?", "What is the default value of timeout?"),
    # a do-question's subject ends at its verb
    ("How does exercise affect neuroplasticity?", "Does it also help memory?", "Does exercise also help memory?"),
    # ... even where the verb is none the rules list: English gives it a past tense ("reduced"),
    # where the object has none ("anxiety"); a modal's subject ends at its verb alike (these read
    # "How long does therapy reduce take?", "Is mindfulness change the brain safe?")
    ("How does therapy reduce anxiety?", "How long does it take?", "How long does therapy take?"),
    ("How does sleep quality impact mood?", "How is it measured?", "How is sleep quality measured?"),
    ("How can mindfulness change the brain?", "Is it safe?", "Is mindfulness safe?"),
    # ... and a verb closing the question leaves the words before it whole
    ("How does physical exercise help?", "Is it safe?", "Is physical exercise safe?"),
    # a question about one thing asks about the new one
    ("What is neuroplasticity?", "What about NK1?", "What is NK1?"),
    # a phrase opening with a preposition takes the place of that preposition's phrase (article and
    # all), or is added when the previous question has none; "for" only marks a new topic
    ("Can neuroplasticity help recovery after a stroke?", "What about after brain injury?",
     "Can neuroplasticity help recovery after brain injury?"),
    ("How does stress affect the brain?", "And in children?", "How does stress affect the brain in children?"),
    # a verb the question pivots on is no part of the phrase a new topic replaces
    ("How does stress affect the brain?", "What about chronic stress in adults?",
     "How does chronic stress in adults affect the brain?"),
    # the auxiliary agrees with the new topic's head, either way; a do-question's verb may come
    # before its preposition, and its subject's modifiers go with it
    ("What does the magic file start with?", "And the treemagic files?", "What do the treemagic files start with?"),
    ("What do the treemagic files start with?", "And the magic file?", "What does the magic file start with?"),
    ("Has the drug been approved?", "And the devices?", "Have the devices been approved?"),
    # the verb closing a do-question that asks for its object is no part of the subject the topic
    # replaces, whatever the subject's form (a call, a command's name and its argument)
    ("What does os.cpus() return?", "What about os.totalmem()?", "What does os.totalmem() return?"),
    ("Which files does pyenv local write?", "What about pyenv global?", "Which files does pyenv global write?"),
    ("What does exercise do for depression?", "And anxiety?", "What does exercise do for anxiety?"),
    # a possessive before a noun of the topic's head's kind stands for the topic's complement; one
    # before the last noun after a topic holding a preposition reads "the <noun> of <topic>"
    ("What was the primary outcome of the LIMIT trial?", "What were its secondary outcomes?",
     "What were the LIMIT trial's secondary outcomes?"),
    ("What is the default priority of a magic rule?", "What about its maximum?",
     "What about the maximum of the default priority of a magic rule?"),
    ("What is minocycline?", "What are its side effects?", "What are minocycline's side effects?"),
    # an owner is a phrase of its own: a new topic like it takes its place and owns what it owned
    # ("What are atomoxetine side effects?" had dropped the "'s"; "the non-stimulants", like no
    # phrase, had replaced "treatments' side effects" whole), and one like what is owned takes the
    # place of that alone ("And the benefits?" had lost methylphenidate)
    ("What are methylphenidate's side effects?", "And atomoxetine?", "What are atomoxetine's side effects?"),
    ("What are treatments' side effects?", "And the non-stimulants?", "What are the non-stimulants' side effects?"),
    ("What are methylphenidate's side effects?", "And the benefits?", "What are methylphenidate's benefits?"),
    ("What are methylphenidate's side effects?", "And the dose?", "What is methylphenidate's dose?"),
    # "How <adjective> is X in Y?" asks of X in the circumstance Y: "it" is X ("Does pregnancy cause
    # birth defects?", "How long does insomnia take to work?" had been searched)
    ("How safe is sertraline in pregnancy?", "Does it cause birth defects?", "Does sertraline cause birth defects?"),
    ("How effective is CBT for insomnia?", "How long does it take to work?", "How long does CBT take to work?"),
    ("How common is ADHD in children?", "Is it more common in men?", "Is ADHD more common in men?"),
    # a degree word before the phrase is the phrase's ("for more less severe depression" had been searched)
    ("What is the first-line treatment for more severe depression?", "And for less severe depression?",
     "What is the first-line treatment for less severe depression?"),
    ("What is the first-line treatment for more severe depression?", "And for anxiety?",
     "What is the first-line treatment for anxiety?"),
    # the conjunction that tied a whole question to the one before goes once it stands alone
    ("How do I stop the parser from inside a handler?", "And how do I resume it?", "How do I resume the parser?"),
    ("What is CBT?", "But is it effective?", "Is CBT effective?"),
    # a choice among what the previous question asked for is searched with that question ("Which of
    # them" read "Which of decode DER data ..."); a choice that names its own set stands alone
    ("What functions decode DER data?", "Which of them should I use?",
     "Which of them should I use? (What functions decode DER data?)"),
    ("What treatments are there for anxiety?", "Which ones are evidence based?",
     "Which ones are evidence based? (What treatments are there for anxiety?)"),
    ("What is CBT?", "Which one of the therapies for insomnia works best in older adults?",
     "Which one of the therapies for insomnia works best in older adults?"),
    # the previous question's question word without its noun asks about that noun, in the previous
    # question's setting ("How many participants were randomised in the LIMIT trial? how many were
    # analysed"); a phrase with the same preposition replaces the old one
    ("How many participants were randomised in the LIMIT trial?", "And how many were analysed?",
     "How many participants were analysed in the LIMIT trial?"),
    ("Which scales were used for depression in FOCUS?", "Which were used for psychosis?",
     "Which scales were used for psychosis in FOCUS?"),
    # a lower-case word that is no English word names something (a package, a product), as a
    # word with a capital or a digit does: the new one takes its place
    ("How do I install bm25s?", "And httpcore?", "How do I install httpcore?"),
    ("Which Python versions does courlan support?", "And htmldate?", "Which Python versions does htmldate support?"),
    # ... but a word the model lacks in lower case is no name when a phrase is like it ("burnout" is like stress)
    ("Does mindfulness reduce stress?", "What about burnout?", "Does mindfulness reduce burnout?"),
    # a British spelling of a word the model knows ("behavioural" of "behavioral") is an English
    # word, no name: the new topic takes the place of the whole phrase, not of the "name"
    ("What is cognitive behavioural therapy?", "And mindfulness?", "What is mindfulness?"),
    # the preposition left at the end of the previous question is not part of what "it" stands for
    ("What license is courlan under?", "Is it free for commercial use?", "Is courlan free for commercial use?"),
    # "any" stands for what the previous question asked about (it had been searched beside it),
    # after another verb than "be" for its subject; a short question with a subject of its own is
    # a new question
    ("What side effects did participants report?", "Were any serious?", "Were any side effects serious?"),
    ("What side effects did participants report?", "Did many report headaches?", "Did many participants report headaches?"),
    ("How were schools recruited?", "Did any drop out?", "Did any schools drop out?"),
    ("How were schools recruited?", "Did many schools drop out?", "Did many schools drop out?"),
    ("What side effects did participants report?", "Was anxiety reduced?", "Was anxiety reduced?"),
    # a do-question's subject that is a name ends at the verb after it (the verb is no name)
    ("How does httpcore handle HTTP/2?", "Is it thread-safe?", "Is httpcore thread-safe?"),
    ("How does Rust handle memory safety?", "What about concurrency?", "How does Rust handle concurrency safety?"),
    # "about" leads a new topic as "in" and "with" do
    ("What did the authors conclude about CBT?", "And about medication?", "What did the authors conclude about medication?"),
    # a stranded preposition goes with the predicate before it; a particle goes with its verb; the
    # subject of "What does X do?" is X
    ("What is the hippocampus responsible for?", "Where is it located?", "Where is the hippocampus located?"),
    ("How can I speed up BM25 retrieval?", "Does it use a lot of memory?", "Does BM25 retrieval use a lot of memory?"),
    ("What does the borrow checker do in Rust?", "Why is it needed?", "Why is the borrow checker needed?"),
    # "one" without an article after a word that may be a verb: the verb of "How do I ...?" may go
    ("How do I create a virtual environment in Python?", "And delete one?",
     "How do I delete a virtual environment in Python?"),
    # "one" after a preposition in a new topic is one of what the previous question named ("How do
    # I list my objects in buckets?" had been searched)
    ("How do I list my buckets?", "What about the objects in one?", "How do I list my objects in a bucket?"),
    # a new topic's article gives way to the possessive it takes the place of ("How do I back up my
    # the photos?")
    ("How do I back up my files?", "And the photos?", "How do I back up my photos?"),
    ("How do I change my password?", "And a username?", "How do I change my username?"),
    # so it does where the verb is also a noun and "one" the object ("How do I copy download to S3?")
    ("How do I copy a file to S3?", "And download one?", "How do I download a file to S3?"),
    # an adverb, capitalised as the question's first word, says how and names nothing ("How do I
    # invoke a Asynchronously?")
    ("How do I invoke a Lambda function?", "Asynchronously?", "How do I invoke a Lambda function asynchronously?"),
    # a phrase with "from" takes the place of what the previous question's thing was part of
    ("How do I read an element of a vector?", "And from a hash map?", "How do I read an element from a hash map?"),
    # ... and one with the same preposition as before takes that one's place, whichever it is
    ("How do I copy a file to a server?", "And to a USB stick?", "How do I copy a file to a USB stick?"),
    # a verb with its preposition acts on the noun phrase after that preposition, up to the
    # infinitive; a plural there is no "it"
    ("How do I wait for a new thread to finish?", "Can it return a value?", "Can a new thread return a value?"),
    ("How do I listen for events on a socket?", "Can it time out?", "Can a socket time out?"),
    # a capitalised name takes the place of the capitalised word inside the previous question when it
    # has no other name ("How does Go?" before; "Rust handle Python safety")
    ("How does Rust handle memory safety?", "And Go?", "How does Go handle memory safety?"),
    ("How does Rust handle memory safety?", "And Python?", "How does Python handle memory safety?"),
    ("What does the Apache license say about trademarks?", "And the GPL?", "What does the GPL license say about trademarks?"),
    # a bare verb phrase after "How do I ...?" is another thing the person does with it
    ("How do I insert a value?", "And read it back?", "How do I read a value back?"),
    # ... and so is one with an object or a "to" phrase of its own ("How do I connect to run a
    # query?", "How do I set the log to a file level?"), its particle kept; a noun's form before
    # "to" is a new topic
    ("How do I connect to a database?", "And run a query?", "How do I run a query?"),
    ("How do I set the logging level?", "And log to a file?", "How do I log to a file?"),
    ("How do I deploy the app?", "And roll back a release?", "How do I roll back a release?"),
    ("How can I reduce stress?", "And exposure to noise?", "How can I reduce exposure to noise?"),
    # ... and a word that narrows a phrase with a preposition goes with the follow-up's lead ("Does
    # neuroplasticity decline with only in older adults?")
    ("Does neuroplasticity decline with age?", "And only in older adults?", "Does neuroplasticity decline with age in older adults?"),
    # a word that narrows the topic goes before the article it takes the place of ("How do I list
    # the only the Python files ...?")
    ("How do I list the files in a directory with pathlib?", "And only the Python files?",
     "How do I list only the Python files in a directory with pathlib?"),
    ("How do I back up my files?", "And only my photos?", "How do I back up only my photos?"),
    # a clause opened as the previous question's is takes its place, its pronoun standing for
    # that clause's subject ("How do I whether a file exists is a directory?")
    ("How do I test whether a file exists?", "And whether it is a directory?", "How do I test whether a file is a directory?"),
    ("How do I check if a string is empty?", "And if it contains spaces?", "How do I check if a string contains spaces?"),
    ("Can I drive if I take the tablet?", "And if I drink alcohol?", "Can I drive if I drink alcohol?"),
    ("How do I test whether a file exists?", "What if it is a symlink?", "What if a file is a symlink?"),
    # a function word between an article and a noun names a kind: the topic takes the place of
    # the whole phrase ("How do I write a for a while loop?", "What does the with the try
    # statement do?"), and "it" stands for all of it ("Can loop iterate over an array?")
    ("How do I write a for loop?", "And a while loop?", "How do I write a while loop?"),
    ("What does the with statement do?", "And the try statement?", "What does the try statement do?"),
    ("How do I write a for loop?", "Can it iterate over an array?", "Can a for loop iterate over an array?"),
    # "one" with its verb's particle ("How do I read write one back into a dictionary?")
    ("How do I read a JSON file into a dictionary?", "And write one back?",
     "How do I write back a JSON file into a dictionary?"),
    # what "it" stands for is acted on by both verbs of "read and write", and not the second verb's
    # own object ("What if a shell command and capture its output fails?")
    ("How do I read and write a file?", "What if it is missing?", "What if a file is missing?"),
    ("How do I run a shell command and capture its output?", "What if it fails?", "What if a shell command fails?"),
    # "for" a topic like no phrase of the previous question is added to it with its preposition
    ("Where should I put the notice?", "And for a library?", "Where should I put the notice for a library?"),
    # an adverb that only ties the new topic to the previous question is no part of it
    ("Why is a mutex wrapped in an Arc?", "What about Rc instead?", "Why is a mutex wrapped in an Rc?"),
    ("Does exercise improve memory in children?", "And in older adults too?",
     "Does exercise improve memory in older adults?"),
    # a noun phrase like no phrase of the previous question takes the place of its article-led one
    # (it was appended after the question mark)
    ("How long did the walking sessions last?", "And the cooking classes?", "How long did the cooking classes last?"),
    # "it" is the singular phrase a plural one modifies, not the plural ("nurses")
    ("What causes burnout in nurses?", "How can it be prevented?", "How can burnout in nurses be prevented?"),
    # "among" ends a run of content words, as "in" does
    ("Did the intervention reduce smoking among men?", "What about women?",
     "Did the intervention reduce smoking among women?"),
    # the same thing under another preposition takes that preposition's place
    ("Is CBT effective without medication?", "And with medication?", "Is CBT effective with medication?"),
    # a topic's own prepositional phrase takes the place of the one after the phrase it replaces
    ("What is the prevalence of anxiety among students?", "And depression among nurses?",
     "What is the prevalence of depression among nurses?"),
    # "those in", "that of": the previous question's thing under a new circumstance; the verb a
    # do-question ends with stays
    ("What did the participants in the control group receive?", "And those in the intervention group?",
     "What did the participants in the intervention group receive?"),
    ("What was the mean age of the boys?", "And that of the girls?", "What was the mean age of the girls?"),
    # the phrase after the preposition ends where it is most like the topic, not at the verb after
    # it; and a topic's own "with" phrase replaces the one there
    ("How many women in the walking group completed the study?", "And in the control group?",
     "How many women in the control group completed the study?"),
    ("Which brain regions change in people with chronic pain?", "And in people with depression?",
     "Which brain regions change in people with depression?"),
    # a pronoun alone is no topic to put in ("What is the that rate?")
    ("What is the dropout rate?", "And that?", "And that? (What is the dropout rate?)"),
    # "it" after a passive asking which thing is the one the answer names, not the infinitive's object
    ("What questionnaire was used to measure anxiety?", "Is it validated?",
     "Is it validated? (What questionnaire was used to measure anxiety?)"),
    # so after one of two words ("How do I change default?" before), and not after "What dose of
    # minocycline was used ...?", whose "it" is the drug or the trial
    ("Which desktop environment is installed by default?", "How do I change it?",
     "How do I change it? (Which desktop environment is installed by default?)"),
    ("What dose of minocycline was used in BeneMin?", "Was it safe?", "Was BeneMin safe?"),
    # a thing's mechanism of action is a relation, as its role is: "it" is the thing
    ("What is the mechanism of action of ketamine?", "How fast does it work?", "How fast does ketamine work?"),
    # a name after a preposition takes the place of the one name in the phrase there, which keeps
    # its article and head noun ("in BeneMin trial", "in GoActive U@Uni study" before)
    ("Did the intervention lower symptom scores in the FOCUS trial?", "And in BeneMin?",
     "Did the intervention lower symptom scores in the BeneMin trial?"),
    ("What was the dropout rate in the U@Uni study?", "And in GoActive?", "What was the dropout rate in the GoActive study?"),
    # an article alone ends no phrase: the whole phrase is replaced ("in the GoActive trial U@Uni study")
    ("What was the dropout rate in the U@Uni study?", "And in the GoActive trial?",
     "What was the dropout rate in the GoActive trial?"),
    # a name written with an asterisk is one name ("And CATIE?" read "... the CATIE*D trial")
    ("Which outcome measures did the STAR*D trial use?", "And CATIE?", "Which outcome measures did the CATIE trial use?"),
    # a topic with its own "of" phrase takes the place of the previous one's phrase joined by "of"
    # ("What was the mean age of the proportion of women?")
    ("What was the mean age of participants?", "And the proportion of women?", "What was the proportion of women?"),
    ("How does exercise affect the volume of the hippocampus?", "And the size of the amygdala?",
     "How does exercise affect the size of the amygdala?"),
    # a past-tense verb after the question word asks what the previous question's noun did
    # ("How many completed were randomised?"), where the previous question closed
    ("How many participants were randomised in the LIMIT trial?", "And how many completed?",
     "How many participants completed in the LIMIT trial?"),
    ("How many women were recruited?", "And how many dropped out?", "How many women dropped out?"),
    # after "who", a person pronoun is whom the answer names, searched with the question
    # ("Were the sessions trained?")
    ("Who delivered the sessions?", "Were they trained?", "Were they trained? (Who delivered the sessions?)"),
    # a "why" or "how" question's subject may hold an "of" phrase, and ends before its predicate and
    # a degree adverb ("How can sleep harmful be prevented?", "Does the brain so change in adults?",
    # "What are the upsides of ISA features concerning?")
    ("Why is the lack of sleep harmful?", "How can it be prevented?", "How can the lack of sleep be prevented?"),
    ("When was the first version of Python released?", "Who wrote it?", "Who wrote the first version of Python?"),
    ("Why is the brain so adaptable?", "Does it change in adults?", "Does the brain change in adults?"),
    ("Why is the growth of ISA features concerning?", "What are the upsides?", "What are the upsides of ISA features?"),
    # "it" is the singular thing a population after "in" goes with ("How is it treated? (What are
    # the symptoms of burnout in nurses?)": "nurses" disagreed with "it")
    ("What are the symptoms of burnout in nurses?", "How is it treated?", "How is burnout in nurses treated?"),
    ("What are the causes of anxiety in children?", "How is it diagnosed?", "How is anxiety in children diagnosed?"),
    # "it" after "the role of X in Y" is X ("What happens when the hippocampus in memory is damaged?")
    ("What is the role of the hippocampus in memory?", "What happens when it is damaged?",
     "What happens when the hippocampus is damaged?"),
    # a possessive is no plural "they" stands for ("How do Alzheimer's work?")
    ("Which drugs are approved for Alzheimer's disease?", "How do they work?", "How do drugs work?"),
    # a topic that starts with a preposition's letters is no preposition ("an teractive figures"),
    # and the indefinite article agrees with what takes its noun's place ("an figure set")
    ("How do I include an animation in an AAS manuscript?", "And interactive figures?",
     "How do I include interactive figures in an AAS manuscript?"),
    ("How do I include an animation in an AAS manuscript?", "And a figure set?",
     "How do I include a figure set in an AAS manuscript?"),
    # a passive's participle is its verb, not a phrase a topic replaces ("How should tables be figures ...?")
    ("How should tables be captioned in ASME journals?", "What about figures?",
     "How should figures be captioned in ASME journals?"),
    # a be-question's adjective is no part of its subject ("Is a low-fat intermittent fasting for weight
    # loss?"), and a noun written without an article takes none ("an intermittent fasting")
    ("Is a low-fat diet effective for weight loss?", "What about intermittent fasting?",
     "Is intermittent fasting effective for weight loss?"),
    ("Is a low-fat diet effective for weight loss?", "And a ketogenic diet?", "Is a ketogenic diet effective for weight loss?"),
    ("Is electroconvulsive therapy a neuroplasticity-based intervention?", "And psychotherapy?",
     "Is psychotherapy a neuroplasticity-based intervention?"),
    # what a be-question says of its subject holds for a population led by a preposition ("Are children?")
    ("Is lithium safe?", "And for children?", "Is lithium safe for children?"),
    ("Is it safe?", "And for children?", "Is it safe for children?"),
    # so does what a do-question asks its subject does, where no phrase of it is like the topic (its
    # one run of content words, "DESeq2 need un-normalized counts", had been replaced whole)
    ("Why does DESeq2 need un-normalized counts?", "What about for tximport data?",
     "Why does DESeq2 need un-normalized counts for tximport data?"),
    ("Are SSRIs addictive?", "And benzodiazepines?", "Are benzodiazepines addictive?"),
    # "do" as the verb: the question's last word is no verb, and "do" before a preposition does not
    # agree with the topic ("... class do with the abstract heads?", "... class does with ...")
    ("What does the llncs class do with the running heads?", "And with the abstract?",
     "What does the llncs class do with the abstract?"),
    # a be-question ends in what it asks the thing is, which is no part of the phrase the topic
    # replaces ("Is finding optimal pp-partitions of genotype matrices?" had lost "NP-hard")
    ("Is finding optimal pp-partitions of haplotype matrices NP-hard?", "And of genotype matrices?",
     "Is finding optimal pp-partitions of genotype matrices NP-hard?"),
    ("Are the results of the pilot trial positive?", "And of the main trial?",
     "Are the results of the main trial positive?"),
    # a one-word topic like the kind a name is framed by names another of that kind, and takes the
    # name's place alone ("Which font does the metropolis use?" had lost "theme")
    ("Which font does the trigon theme use?", "And metropolis?", "Which font does the metropolis theme use?"),
    ("How do I install the bm25s package?", "And numpy?", "How do I install the numpy package?"),
    # a path is one word ("What is /var//tmp used for?" had put the topic in place of "tmp" alone)
    ("What is /var/tmp used for?", "And /tmp?", "What is /tmp used for?"),
    # the object of a how-to question's verb is replaced up to its head ("How do I record a dividend
    # split?" had kept the compound's head)
    ("How do I record a stock split?", "And a dividend?", "How do I record a dividend?"),
    # an age bound goes with the noun it bounds ("children over 70", "adults under 5", "people
    # under 40 over 50", "children than 65 years")
    ("Is melatonin effective for adults over 70?", "And for children?", "Is melatonin effective for children?"),
    ("Is melatonin effective for adults over 70 with insomnia?", "What about children?",
     "Is melatonin effective for children with insomnia?"),
    ("Does aspirin prevent heart attacks in people over 50?", "And in people under 40?",
     "Does aspirin prevent heart attacks in people under 40?"),
    ("Which drugs are approved for patients older than 65 years?", "And for children?",
     "Which drugs are approved for children?"),
    ("How much sleep do children under 12 need?", "And teenagers?", "How much sleep do teenagers need?"),
    # "for" marks a new topic, which takes the place of a phrase far more like it than what follows
    # "for" ("... of ibuprofen for paracetamol?"), and not otherwise ("Which depression are approved ...?")
    ("What is the maximum dose of ibuprofen for adults?", "And for paracetamol?",
     "What is the maximum dose of paracetamol for adults?"),
    ("Which drugs are approved for depression in adults?", "And for children?",
     "Which drugs are approved for depression in children?"),
    ("Which drugs are approved for patients older than 65 years?", "And for depression?",
     "Which drugs are approved for depression?"),
    # a preposition with nothing after it is no place for the topic ("used for teenagersin mental health")
    ("What are brain stimulation techniques used for in mental health?", "And for teenagers?",
     "What are brain stimulation techniques used for in teenagers?"),
    # the topic goes on through its own prepositions ("carers of people with stroke with dementia")
    ("What support is available for carers of people with dementia?", "And for carers of people with stroke?",
     "What support is available for carers of people with stroke?"),
    # a disease that ends in "s" is what "it" stands for ("diabetes" is no plural)
    ("What are the risk factors for type 2 diabetes?", "How is it diagnosed?", "How is type 2 diabetes diagnosed?"),
    # a participle before the closing preposition is the verb ("What is valproate for?", "What are
    # children used for?")
    ("What is lithium used for?", "And valproate?", "What is valproate used for?"),
    ("What is lithium used for?", "And for children?", "What is lithium used for, for children?"),
    # "it" after a question that ends in a preposition is its subject, without the passive's
    # participle or what the subject is said to be ("Is lithium used safe?", "neuroplasticity the foundation")
    ("What is lithium used for?", "Is it safe?", "Is lithium safe?"),
    ("What is neuroplasticity the foundation of?", "What field emerged from interest in it?",
     "What field emerged from interest in neuroplasticity?"),
    ("What is the amygdala a part of?", "How large is it?", "How large is the amygdala?"),
    # a "How many ... does X <verb>?" question keeps its verb, and what it counts takes no article
    # ("How many credits does the thesis?", "How many the thesis does the course require?")
    ("How many credits does the course require?", "And the thesis?", "How many credits does the thesis require?"),
    # with no phrase after an article, it is what is counted, without its article ("How many the
    # pupils?" had been searched)
    ("How many primary schools took part in GoActive?", "And the pupils?", "How many pupils took part in GoActive?"),
    ("How much water was used?", "And the energy?", "How much energy was used?"),
    ("How many hours does the course take?", "And the exam?", "How many hours does the exam take?"),
    # a topic with its article takes the place of the noun phrase with its modifiers ("in the online
    # the control group")
    ("Why did so many students in the online arm drop out?", "And the control group?",
     "Why did so many students in the control group drop out?"),
    # a topic with the phrase's head brings its own modifiers ("depression anxiety severity"); after
    # "What" it takes no article ("What the exclusion criteria"), and the auxiliary after it agrees
    ("How was depression severity measured?", "And anxiety severity?", "How was anxiety severity measured?"),
    ("What inclusion criteria did the study use?", "And the exclusion criteria?",
     "What exclusion criteria did the study use?"),
    ("What primary outcome was chosen?", "And the secondary outcomes?", "What secondary outcomes were chosen?"),
    # after "What is the ...", the noun phrase asked about goes whole, up to its head ("the gap
    # penalties matrix" was left when the topic was most like "default scoring")
    ("What is the default scoring matrix for protein comparisons?", "And the gap penalties?",
     "What are the gap penalties for protein comparisons?"),
    ("What is the default port number used by PostgreSQL?", "And the config file?",
     "What is the config file used by PostgreSQL?"),
    # ... and after a preposition, where the noun phrase ends the question ("about the non-free
    # section software" when the topic was most like "free")
    ("What does the Debian Social Contract say about free software?", "And for the non-free section?",
     "What does the Debian Social Contract say about the non-free section?"),
    # ... not through a participle after its head, nor past the noun "one" stands for
    ("What was the primary outcome measure used?", "And the secondary measures?",
     "What were the secondary measures used?"),
    ("Which is the largest brain region involved?", "And the smallest one?", "Which is the smallest brain region involved?"),
    # ... but not an auxiliary whose own subject follows it ("What prizes were the school promised?")
    ("What reward was the winning school promised?", "And the prizes?", "What prizes was the winning school promised?"),
    ("What dose does the protocol recommend?", "And the side effects?", "What side effects does the protocol recommend?"),
    # a name takes the place of the one name when the phrase after its preposition names none
    # ("for Brazil to Kenya"); a clause takes the place of a prepositional phrase ("during while")
    ("Which vaccines are recommended for travellers to Kenya?", "And for Brazil?",
     "Which vaccines are recommended for travellers to Brazil?"),
    ("Is ibuprofen safe during pregnancy?", "And while breastfeeding?", "Is ibuprofen safe while breastfeeding?"),
    # no indefinite article before a plural, however it is written, and the follow-up's own
    # article before a name ("a Excel files", "a Excel file")
    ("How do I read a CSV file with pandas?", "What about Excel files?", "How do I read Excel files with pandas?"),
    ("How do I read a CSV file with pandas?", "And an Excel file?", "How do I read an Excel file with pandas?"),
    # a phrase ends at no word of a name before another ("In women Children Safe trial, ...")
    ("In the Keeping Children Safe trial, what share of the questionnaires came in through the reminders?",
     "And in women?", "In women, what share of the questionnaires came in through the reminders?"),
    # one thing in the place of the plural kind a which-question asks for is one of them: the
    # question asks whether it does what they do ("Which serotonin is involved ...?", "Which
    # mindfulness help depression?"); another plural is another kind asked for
    ("Which neurotransmitters are involved in depression?", "What about serotonin?",
     "Is serotonin involved in depression?"),
    ("Which therapies help depression?", "What about mindfulness?", "Does mindfulness help depression?"),
    ("What drugs cause weight gain?", "What about olanzapine?", "Does olanzapine cause weight gain?"),
    # the kind may be of two words ("Which hippocampus in particular is ...?" had been searched, the
    # kind read as "brain" with the verb "regions")
    ("Which brain regions are involved in depression?", "What about the hippocampus in particular?",
     "Is the hippocampus in particular involved in depression?"),
    ("What drugs cause weight gain?", "And antipsychotics?", "What antipsychotics cause weight gain?"),
    # a participle after "are" is a verb, which no topic replaces ("Which genes are SHANK3 to autism?")
    ("Which genes are linked to autism?", "What about SHANK3?", "What about SHANK3? (Which genes are linked to autism?)"),
    ("Which genes are linked to autism?", "And schizophrenia?", "Which genes are linked to schizophrenia?"),
    # the verb before "to do" is no part of the subject ("Who developed neuropsychotherapy aim?")
    ("What does neuropsychotherapy aim to do?", "Who developed it?", "Who developed neuropsychotherapy?"),
    # "Which is the most effective?" chooses among what was asked for; it owns nothing ("Which is
    # the most effective of use neuroplasticity?")
    ("What therapies use neuroplasticity?", "Which is the most effective?",
     "Which is the most effective? (What therapies use neuroplasticity?)"),
    # ... as does a longer choice ("Which is easiest to start with?" was searched alone)
    ("What techniques promote neuroplasticity?", "Which is easiest to start with?",
     "Which is easiest to start with? (What techniques promote neuroplasticity?)"),
    # what there is, or a thing doing the same too, of what was just asked (each was searched alone)
    ("Can psychotherapy change the brain?", "What evidence is there?",
     "What evidence is there? (Can psychotherapy change the brain?)"),
    ("How does exercise promote neuroplasticity?", "Does diet matter too?",
     "Does diet matter too? (How does exercise promote neuroplasticity?)"),
    # "that" after a question asking an amount is the amount ("Is form a new habit the same ...?")
    ("How long does it take to form a new habit?", "Is that the same for everyone?",
     "Is that the same for everyone? (How long does it take to form a new habit?)"),
    # "who" is the subject, so the word after it (or after its auxiliary) is its verb, which stays
    # ("Who commander express?", "Who the review the paper?", "Who should not valproate?")
    ("Who maintains express?", "And commander?", "Who maintains commander?"),
    ("Who wrote the paper?", "And the review?", "Who wrote the review?"),
    ("Who should not take lithium?", "And valproate?", "Who should not take valproate?"),
    # a topic opening with the word a phrase is takes the place of the noun phrase that word opens,
    # not of the shared modifier alone ("git cherry-pick rebase", "vitamin B12 D")
    ("What does git rebase do?", "And git cherry-pick?", "What does git cherry-pick do?"),
    ("Who should take vitamin D?", "And vitamin B12?", "Who should take vitamin B12?"),
    ("Does exercise improve memory?", "How do we know?", "How do we know? (Does exercise improve memory?)"),
    ("Does exercise improve memory?", "Says who?", "Says who? (Does exercise improve memory?)"),
    # a name's own article goes where the previous question has one ("What is a OrderedDict?")
    ("What is a defaultdict?", "And an OrderedDict?", "What is an OrderedDict?"),
    # "Which one ...?" chooses among what was just asked about, however long it goes on (it was
    # searched alone)
    ("Which methods does a Counter have?", "Which one returns the most common elements?",
     "Which one returns the most common elements? (Which methods does a Counter have?)"),
    # "ones" with a modifier like no phrase stands for the one plural noun, which the modifier goes
    # before; it stands for no verb ("How do I remote branches?", "What chronic?", "Which newer?")
    ("How do I define options in commander?", "What about required ones?", "How do I define required options in commander?"),
    ("How do I create branches?", "And remote ones?", "How do I create remote branches?"),
    ("What causes migraines?", "And chronic ones?", "What causes chronic migraines?"),
    ("Which drugs treat depression?", "And newer ones?", "Which newer drugs treat depression?"),
    # what the person does in "How do I <verb> ...?" stays when another thing is named ("How do I
    # the molecular weight?"), and a bare word like the verb takes its place ("How do I read write?")
    ("How do I calculate GC content?", "And the molecular weight?", "How do I calculate the molecular weight?"),
    ("How do I read a file?", "And write?", "How do I write a file?"),
    ("How do I install pandas?", "And uninstall?", "How do I uninstall pandas?"),
    # an adverb says how: it takes the place of a phrase saying where or by what means, preposition
    # and all ("How do I run BLAST over the locally?"), else it is added ("How do I read
    # asynchronously?"); never the verb ("How do I manually pandas with pip?")
    ("How do I run BLAST over the internet?", "And locally?", "How do I run BLAST locally?"),
    ("How do I read a file?", "And asynchronously?", "How do I read a file asynchronously?"),
    ("How do I back up the database from the command line?", "And programmatically?",
     "How do I back up the database programmatically?"),
    # "a <modifier> one" keeps the noun of the phrase it replaces ("How do I parse a gzipped?",
    # "Which newer treats depression?")
    ("How do I parse a Swiss-Prot file?", "What about a gzipped one?", "How do I parse a gzipped file?"),
    ("Which drug treats depression?", "And a newer one?", "Which newer drug treats depression?"),
    ("How do I create a branch?", "And a remote one?", "How do I create a remote branch?"),
    # after a preposition, "a <modifier> one" takes the place of the previous phrase after it but
    # for its noun ("for a wide one character")
    ("What does wcwidth return for a zero-width character?", "And for a wide one?",
     "What does wcwidth return for a wide character?"),
    ("What is the dose for a small dog?", "And for a large one?", "What is the dose for a large dog?"),
    # in a question of its own, "the <modifier> one" is the kind of thing the previous question
    # asked for, or the noun it ended with; a pronoun beside it is resolved as ever
    ("Which calendars does dateparser support?", "How do I use the Jalali one?", "How do I use the Jalali calendar?"),
    ("Which antidepressants cause weight gain?", "Are the newer ones safer?", "Are the newer antidepressants safer?"),
    ("How do I create a virtual environment?", "How do I delete an old one?", "How do I delete an old environment?"),
    ("What does wcwidth return for a zero-width character?", "What does it return for a wide one?",
     "What does wcwidth return for a wide character?"),
    # "do it", "do so" is what the previous question asked how or whether to do ("How often should
    # I do the list?"; "Is stress safe to do so ...?": the "it" of "Is it safe" points at nothing)
    ("How do I update the list of TLD names?", "How often should I do it?",
     "How often should I update the list of TLD names?"),
    ("How do I back up the database?", "Can I do that automatically?", "Can I back up the database automatically?"),
    ("How can I reduce stress at work?", "Is it safe to do so during pregnancy?",
     "Is it safe to reduce stress at work during pregnancy?"),
    ("Should I stretch before running?", "How long should I do it for?", "How long should I stretch before running for?"),
    # "it" of what doing a thing takes or is stands for the doing ("How long does my own kernel
    # take?", "Is the next stable release safe?"); a thing is still "it" where the question asks of one
    ("How do I compile my own kernel?", "How long does it take?", "How long does it take to compile my own kernel?"),
    ("How can I upgrade to the next stable release?", "Is it safe?", "Is it safe to upgrade to the next stable release?"),
    ("How do I enable a default firewall?", "How do I make it start at boot?",
     "How do I make a default firewall start at boot?"),
    # "the maximum", "the highest" alone is a degree of what was asked about, as "the maximum one"
    # asks ("What is the maximum of zopiclone?"); a noun alone ("the risks") is a thing of its own
    ("What is the starting dose of zopiclone?", "What about the maximum?", "What is the maximum dose of zopiclone?"),
    ("What was the lowest dose used?", "And the highest?", "What was the highest dose used?"),
    ("What is the starting dose of zopiclone?", "What about the risks?", "What are the risks of zopiclone?"),
    ("What is the biggest risk?", "And the interest?", "What is the interest?"),
    # "one" for the thing asked about, the "And" that tied the question on gone
    ("How do I create a new user account?", "And how do I remove one?", "How do I remove a new user account?"),
    # "Does the same apply to X?", "Is that true for X too?" ask as "And X?", "And in X?" do ("for"
    # where the previous question has a "for" phrase); "for" before a topic where the previous
    # question has none takes the place of no phrase unlike it ("Does meditation change the children?")
    ("How does therapy change the brain?", "Does the same apply to medication?", "How does medication change the brain?"),
    ("Does meditation change the brain?", "Is that true for children too?", "Does meditation change the brain in children?"),
    ("Is CBT effective for insomnia?", "Does that hold for anxiety?", "Is CBT effective for anxiety?"),
    ("Does meditation change the brain?", "And for children?", "Does meditation change the brain for children?"),
    # "Can the damage be reversed?", "What kind works best?": of what was just asked about, searched
    # with it (they had been searched alone)
    ("How does trauma affect the brain?", "Can the damage be reversed?",
     "Can the damage be reversed? (How does trauma affect the brain?)"),
    ("Does exercise help depression?", "What kind works best?", "What kind works best? (Does exercise help depression?)"),
    # which of some things is better, one of them named before: better for what was asked before
    # ("Which is safer, yoga or running?" names nothing of it and stands alone)
    ("Does CBT work for anxiety?", "Which is better, CBT or medication?",
     "Which is better, CBT or medication? (Does CBT work for anxiety?)"),
    ("Does CBT work for anxiety?", "Which is safer, yoga or running?", "Which is safer, yoga or running?"),
    # "How much of it" with a bare noun in its place does without "of" ("How much of exercise")
    ("How does exercise help depression?", "How much of it is needed?", "How much exercise is needed?"),
    # "enough", "too much" at the end: of what the previous question asked about, searched with it
    # (it had been searched alone)
    ("How does sleep affect neuroplasticity?", "What happens if you don't get enough?",
     "What happens if you don't get enough? (How does sleep affect neuroplasticity?)"),
    ("Is coffee bad for sleep?", "How much is too much?", "How much is too much? (Is coffee bad for sleep?)"),
    # a comparison qualifies the noun, in the place of the comparison or participle phrase that
    # closed the question ("How do I find larger than 1 GB modified in the last 7 days?"); a verb
    # in -ed after "were" is no qualifier, nor, after "Which papers", a word that may be the verb
    ("How do I find files modified in the last 7 days?", "And larger than 1 GB?", "How do I find files larger than 1 GB?"),
    ("Which studies enrolled patients older than 65?", "And younger than 18?",
     "Which studies enrolled patients younger than 18?"),
    ("How many patients were treated with lithium?", "And older than 65?",
     "And older than 65? (How many patients were treated with lithium?)"),
    # "the reverse" asks the previous question with its two ends swapped ("How do I convert a
    # reverse to RNA?")
    ("How do I convert a DNA sequence to RNA?", "What about the reverse?", "How do I convert RNA to a DNA sequence?"),
    ("What is the effect of sleep on memory?", "And vice versa?", "What is the effect of memory on sleep?"),
    ("Does stress cause depression?", "What about the other way round?", "Does depression cause stress?"),
    # "And back?" asks a conversion's way back; where the question says "from", its ends are what
    # "from" and "to" name, not the thing converted ("How do I reshape a table from wide to back?",
    # "... reshape long to a table from wide?" had been asked)
    ("How do I reshape a data.table from wide to long?", "And back?", "How do I reshape a data.table from long to wide?"),
    ("How do I convert a DNA sequence to RNA?", "And back again?", "How do I convert RNA to a DNA sequence?"),
    ("Can I convert from CSV to JSON?", "What about the other way?", "Can I convert from JSON to CSV?"),
    # the participle closing a how-question asked with "be" is its verb, no part of its topic: "for"
    # before a topic adds what it is asked for ("How are the competing risks?" and "How are the
    # interval-censored data?" had been asked)
    ("How is the concordance statistic computed?", "And for competing risks?",
     "How is the concordance statistic computed for competing risks?"),
    ("How is the Cox model fitted?", "And for interval-censored data?", "How is the Cox model fitted for interval-censored data?"),
    ("How is the primary outcome measured?", "And the secondary outcomes?", "How are the secondary outcomes measured?"),
    # a release's number alone takes the place of the release's number, its name kept ("What
    # changed in 3.3.0?" had lost "ggplot2"), R's patch number after a dash with it
    ("What changed in ggplot2 3.4.0?", "And in 3.3.0?", "What changed in ggplot2 3.3.0?"),
    ("What was new in data.table v1.12.4?", "What about v1.12.2?", "What was new in data.table v1.12.2?"),
    ("What changed in car version 3.1-0?", "And version 3.0-13?", "What changed in car version 3.0-13?"),
    # "the opposite" turns its direction round ("Does the opposite mood?"), or else swaps its ends
    ("Does exercise improve mood?", "And the opposite?", "Does exercise worsen mood?"),
    ("Which drugs increase weight?", "What about the opposite?", "Which drugs decrease weight?"),
    ("How do I convert Markdown to HTML?", "And the opposite?", "How do I convert HTML to Markdown?"),
    # a name takes the place of a whole name written in capitals, with its version ("the CDC
    # Organization", "the MPL License" and "the MIT License 2.0" had been left)
    ("What does the World Health Organization recommend for hand hygiene?", "And the CDC?",
     "What does the CDC recommend for hand hygiene?"),
    ("What patent rights does a contributor grant under the Apache License?", "And under the MPL?",
     "What patent rights does a contributor grant under the MPL?"),
    ("How is the Apache License 2.0 applied to a project?", "And the MIT License?", "How is the MIT License applied to a project?"),
    # a name with its number takes the place of the name and its number ("Windows 11 10" had been left)
    ("Does it run on Windows 10?", "And Windows 11?", "Does it run on Windows 11?"),
    ("What does Table 2 show?", "And Table 3?", "What does Table 3 show?"),
    # a study's name in a phrase of its own takes the place of the one the previous question names,
    # the phrase's preposition with it ("... of BeneMin in the FOCUS trial?" had been asked)
    ("How long is the treatment of BeneMin?", "And in the FOCUS trial?", "How long is the treatment in the FOCUS trial?"),
    ("What was the retention rate of the LIMIT trial?", "And in the GoActive trial?",
     "What was the retention rate in the GoActive trial?"),
    # so too before the participle a passive question closes with, the old name's "trial" with it
    # ("How was the primary outcome of the FOCUS trial measured in BeneMin?" had been asked)
    ("How was the primary outcome of the FOCUS trial measured?", "And in BeneMin?",
     "How was the primary outcome in BeneMin measured?"),
    # a do-question's last word is a verb made with a prefix ("redefine"), so the subject is all
    # the words before it ("Who wrote the newspaper?" had taken "package" for the verb)
    ("What does the newspaper package redefine?", "Who wrote it?", "Who wrote the newspaper package?"),
    # a topic whose head is the noun after the phrase most like it takes the place of both
    # ("What does mixed-effects models model assume ...?" had been left)
    ("What does a random-effects model assume about the true effects?", "And for mixed-effects models?",
     "What do mixed-effects models assume about the true effects?"),
    # "What does ..." asks what a subject does, not which of a kind: the question keeps its "What"
    # ("Does the mixed-effects model assume about the true effects?" had been asked)
    ("What does a random-effects model assume about the true effects?", "What about the mixed-effects model?",
     "What does a mixed-effects model assume about the true effects?"),
    # after a person asked of ("do we"), the word is a verb and stays ("Why do we random slopes?")
    ("Why do we need random intercepts?", "And random slopes?", "Why do we need random slopes?"),
    # the phrase of "do that" led by the follow-up's preposition is the one it changes ("How do I
    # select columns with dplyr with base R?" had been asked)
    ("How do I select columns with dplyr?", "How do I do that with base R?", "How do I select columns with base R?"),
    # an "of" phrase without an article is part of what "it" stands for ("When the homogeneity is violated?")
    ("How do I test the homogeneity of variances?", "And when is it violated?", "When is the homogeneity of variances violated?"),
    # "that" closing a preposition, or what happens, is the happening a how-question asked about,
    # its verb the one an object follows ("chronic stressing change the brain" had been read)
    ("How does chronic stress change the brain?", "What role does the amygdala play in that?",
     "What role does the amygdala play in chronic stress changing the brain?"),
    ("How does chronic stress change the brain?", "Why does that happen?", "Why does chronic stress changing the brain happen?"),
    # what doing a thing takes, or whether it is safe, asked of what a subject can do ("How long
    # does that take?" had been searched beside the question)
    ("Can the adult brain form new neurons?", "How long does that take?",
     "How long does it take the adult brain to form new neurons?"),
    ("Can pregnant women take lithium?", "Is it safe?", "Is it safe for pregnant women to take lithium?"),
    # a doing in the place of what the person asked how to do is its plain verb ("How do I writing ...")
    ("How do I read a CSV file with a header row?", "What about writing?", "How do I write a CSV file with a header row?"),
    ("How do I create a virtual environment?", "And deleting?", "How do I delete a virtual environment?"),
])
def test_followup_rewrites_follow_the_grammar_of_the_previous_question(encoder, history, question, expected):
    assert resolve_followup(question, [history], encoder).query == expected


def test_a_section_heading_and_a_line_of_code_are_never_claim_evidence(encoder, tmp_path):
    # API documentation: the heading "path.relative(from, to)" and the example's code line repeat
    # the claim's names but state nothing it could agree or disagree with; the sentences do.
    from assistant.claims.evidence import sentence_candidates

    text = ("# Path\n\n## path.relative(from, to)\n\nThe path.relative() method returns the relative path from from "
            "to to, based on the current working directory.\n\n```\npath.relative('/data/test/aaa', '/data/impl/bbb');\n"
            "```\n\nIf from and to each resolve to the same path, a zero-length string is returned.\n")
    searcher = searcher_of_file(encoder, tmp_path / "path.md", text)
    claim = "path.relative returns the relative path between two paths."
    cands, _ = sentence_candidates(searcher, claim, encoder.encode([claim])[0])
    said = [searcher.index.sentence_text(c.row) for c in cands]
    assert any(s.startswith("The path.relative() method returns") for s in said)
    assert any(s.startswith("If from and to each resolve") for s in said)
    # (The title stays a candidate: a paper's title often states its finding.)
    assert not any(s.startswith("path.relative(") for s in said), said


def test_a_papers_acknowledgements_are_evidence_only_for_a_claim_that_names_them(encoder, tmp_path):
    # A trial report's declarations name the trial in every line ("for their contribution to the
    # walking trial") and say nothing of what it did or found: no evidence for a claim about it.
    # A claim about its funding names the heading's word, and the funding statement is evidence.
    from assistant.claims.evidence import sentence_candidates

    text = ("# A walking trial\n\n## Methods\n\nThe walking trial enrolled 120 students from two universities in "
            "groups of at most eight.\n\n## Acknowledgements\n\nThe authors would like to thank the students and "
            "the walking group leaders for their contribution to the walking trial.\n\n## Funding\n\n"
            "The walking trial was funded by the city council.\n")
    searcher = searcher_of_file(encoder, tmp_path / "trial.md", text)

    def said(claim: str) -> list[str]:
        cands, _ = sentence_candidates(searcher, claim, encoder.encode([claim])[0])
        return [searcher.index.sentence_text(c.row) for c in cands]

    groups = said("The walking trial had groups of at most eight students.")
    assert any(s.startswith("The walking trial enrolled") for s in groups)
    assert not any(s.startswith("The authors would like to thank") for s in groups), groups
    assert not any(s.startswith("The walking trial was funded") for s in groups), groups
    assert any(s.startswith("The walking trial was funded") for s in said("The walking trial was funded by the council."))


def test_a_claim_naming_what_no_document_mentions_is_never_supported(encoder, tmp_path):
    from assistant.ui.render import render_verdict

    # "distributed under the Apache License" came back supported by "distributed under the Biopython
    # License Agreement": the sentence says the same but of another licence, one the document never
    # names. Such a claim has no evidence here, and the verdict says which name is missing.
    text = ("# Biopython FAQ\n\n## How is the Biopython software licensed?\n\nBiopython is distributed under the "
            "Biopython License Agreement. Since release 1.69, some files are dual licensed under the BSD 3-Clause "
            "License.\n\n## Which Python versions are supported?\n\nAs of Biopython 1.77, we only support Python 3.\n")
    checker = ClaimChecker(searcher_of_file(encoder, tmp_path / "faq.md", text))
    for claim, name in (("Biopython is distributed under the Apache License.", "Apache"),
                        ("Biopython is distributed under the MIT License.", "MIT")):
        verdict = checker.check(claim)
        assert verdict.verdict == "not_found" and verdict.not_mentioned == (name,), (claim, verdict)
        assert all(e.label == "related" for e in verdict.evidence)
        assert f'None of these documents mentions "{name}", which the claim names.' in format_verdict(verdict)
        assert verdict.to_dict()["not_mentioned"] == [name]
        assert f"mentions &quot;{name}&quot;, which the claim names" in render_verdict(verdict.to_dict())
        assert checker.abstract_predictions(claim) == {}
    named = checker.check("Biopython is distributed under the Biopython License Agreement.")
    assert named.verdict == "supported" and named.not_mentioned == ()


def test_a_sentence_whose_passage_does_not_name_what_the_claim_names_is_no_evidence(encoder, tmp_path):
    # "R was developed by Microsoft." came back supported by "It was founded by the members of the R
    # Core Team ...": the collection names Microsoft elsewhere (a product's name), so the claim's
    # names are not unknown, but the sentence's passage never names it.
    text = ("# R FAQ\n\n## What is the R Foundation?\n\nThe R Foundation is a not-for-profit organization. It was "
            "founded by the members of the R Core Team to provide support for the R project.\n\n"
            "## Which operating systems are supported?\n\nR runs on Linux, macOS and Microsoft Windows, and binaries "
            "for each are on every mirror of the archive.\n")
    checker = ClaimChecker(searcher_of_file(encoder, tmp_path / "faq.md", text))
    verdict = checker.check("The R Foundation was founded by Microsoft.")
    assert verdict.verdict == "not_found" and all(e.label == "related" for e in verdict.evidence), verdict
    named = checker.check("The R Foundation was founded by the members of the R Core Team.")
    assert named.verdict == "supported", named


def test_evidence_is_cited_with_the_section_it_stands_in(encoder, tmp_path):
    # A citation of evidence says where it stands, as a search hit's does: a licence's term.
    text = ("# Licence\n\n## 4. Conveying Verbatim Copies\n\nYou may charge any price or no price for each copy "
            "that you convey, and you may offer support or warranty protection for a fee.\n\n## 8. Termination\n\n"
            "You may not propagate or modify a covered work except as expressly provided under this License.\n")
    searcher = searcher_of_file(encoder, tmp_path / "licence.md", text)
    verdict = ClaimChecker(searcher).check("You may charge a fee for each copy you convey.")
    top = verdict.evidence[0]
    assert top.text.startswith("You may charge any price") and top.section == "4. Conveying Verbatim Copies"
    assert "4. Conveying Verbatim Copies · chars" in format_verdict(verdict)


def test_reference_entries_and_lists_of_abbreviations_or_addresses_are_never_claim_evidence(encoder, tmp_path):
    # A trial report as a user adds it: its abbreviation list and its authors' addresses repeat the
    # claim's words ("children's centres"), and a reference entry's title states another study's
    # finding; none of them says whether this study's centres withdrew. The sentence that does is
    # a candidate, and the title, printed under the journal's name, counts as the title.
    from assistant.claims.evidence import sentence_candidates
    from assistant.claims.features import SENTENCE_FEATURES

    text = ("Injury Prevention Trials (2015) 16:25\n\n# Recruiting children's centres to a trial\n\n"
            "## Results\n\nNone of the 36 children's centres withdrew from the study. Parent retention was 68% at 12 months.\n\n"
            "AOR, Adjusted odds ratio; CC, Children's centres; CI, Confidence interval; IPB, Injury prevention briefing.\n\n"
            "Contact: Ann Lee (ann.lee@example.ac.uk), Bo Chan (bo.chan@example.ac.uk) for the children's centres.\n\n"
            # a pointer elsewhere says nothing either (CMake's "See documentation of ... for details
            # on adding preprocessor definitions" had supported a claim about them)
            "See the protocol page for details on how the children's centres were recruited.\n\n"
            "## References\n\n1. Smith J. Children's centres withdrew from most injury prevention trials. "
            "Inj Prev 2010;16:1-5.\n")
    searcher = searcher_of_file(encoder, tmp_path / "trial.md", text)
    claim = "Children's centres withdrew from the trial."
    cands, _ = sentence_candidates(searcher, claim, encoder.encode([claim])[0])
    said = [searcher.index.sentence_text(c.row) for c in cands]
    assert any(s.startswith("None of the 36 children's centres withdrew") for s in said), said
    assert not any(s.startswith(("AOR,", "Contact:", "1. Smith", "Inj Prev", "See the protocol")) for s in said), said
    title = SENTENCE_FEATURES.index("is_title")
    assert [c.features[title] for c in cands if searcher.index.sentence_text(c.row).startswith("Recruiting")] == [1.0]


@pytest.mark.parametrize("text, listing", [
    ("AOR, Adjusted odds ratio; CC, Children's centres; CI, Confidence interval", True),
    ("Abbreviations: CTb, cholera toxin B subunit; NK1r, neurokinin 1 receptor; VGLUT2, vesicular glutamate "
     "transporter 2", True),
    ("Paul Hindmarch (paul.h@nuth.nhs.uk) Adrian Hawkins (adrian.h@nuth.nhs.uk)", True),
    # prose with semicolons, and one definition in a sentence, are statements
    ("Retention was 65% in one arm; 68% in the other; the difference was not significant.", False),
    ("CC, the children's centre, recruited parents; staff posted packs; researchers phoned.", False),
    ("Write to ann.lee@example.ac.uk for the data.", False),
])
def test_lists_of_abbreviations_or_addresses_are_listings(text, listing):
    from assistant.claims.evidence import is_listing

    assert is_listing(text) is listing


def test_a_question_too_long_to_search_is_neither_rewritten_nor_a_previous_question(encoder):
    # Rewriting costs time in a question's length (every phrase of the previous question is
    # embedded), and the HTTP API takes the history from the client: a question longer than any
    # that can be searched is left as typed, and such an earlier one points nowhere.
    from assistant import config

    long = "Which brain regions are involved in " + "depression and anxiety and " * 400 + "stress?"
    assert len(long) > config.MAX_QUESTION_CHARS
    resolved = resolve_followup("How is it treated?", [long], encoder)
    assert (resolved.kind, resolved.query, resolved.previous) == ("standalone", "How is it treated?", None)
    resolved = resolve_followup("And for " + "anxiety " * 600 + "?", ["Which brain regions are linked to depression?"], encoder)
    assert resolved.kind == "standalone"


def test_a_typographic_apostrophe_negates_as_an_ascii_one():
    # Web pages, books and PDFs set "doesn’t" with U+2019; read as "doesn" and "t", the negation
    # was lost and "Rust doesn’t allow us to index into a String" agreed with its opposite.
    from assistant.claims.features import POLARITY_FEATURES, polarity_features

    claim = "You can index into a String to get a character."
    curly = polarity_features(claim, "Rust doesn\u2019t allow us to index into a String.", 0.8, 0.0)
    plain = polarity_features(claim, "Rust doesn't allow us to index into a String.", 0.8, 0.0)
    assert curly == plain and curly[POLARITY_FEATURES.index("negation_mismatch")] == 1.0


@pytest.mark.parametrize(("claim", "sentence", "agree", "oppose"), [
    # The sentence's first direction word ("induce") goes up as the claim does; what it moves is
    # another thing. The one that moves the claim's object ("reduce anxiety symptoms") goes down.
    ("Exposure therapy increases anxiety symptoms.",
     "Exposure therapy can induce neuroplastic changes that reduce anxiety symptoms.", False, True),
    # Read by stem: "worsened" and "alleviates" are direction words though neither list names them.
    ("The drug worsened depressive symptoms.", "The drug alleviates depressive symptoms in most patients.", False, True),
    # A negation before the direction word reverses it.
    ("Sleep loss raises blood pressure.", "Sleep loss did not raise blood pressure in the trial.", False, True),
    ("Sleep loss raises blood pressure.", "In the trial, sleep loss raised systolic blood pressure.", True, False),
    # A direction word whose object the claim does not name says nothing about it.
    ("Exercise improves memory.", "Exercise reduces weight.", False, False),
])
def test_direction_is_read_on_what_the_claim_changes(claim, sentence, agree, oppose):
    from assistant.claims.features import POLARITY_FEATURES, polarity_features

    f = dict(zip(POLARITY_FEATURES, polarity_features(claim, sentence, 0.8, 0.0)))
    assert (f["object_agree"], f["object_oppose"]) == (float(agree), float(oppose))


def test_a_claim_the_evidence_states_with_a_not_is_never_supported(encoder, tmp_path):
    # A chapter of documentation that says the claims' own words with a negation: the polarity
    # model, trained on SciFact's paraphrased evidence, read both as support.  A claim that the
    # text states as it is written stays supported.
    from assistant.claims.features import negates

    text = ("# Strings and threads\n\n## Indexing\n\nThe error tells the story: Rust strings don’t support indexing. "
            "A String is a wrapper over a vector of bytes.\n\n## Sharing\n\nUnfortunately, `Rc<T>` is not safe to share "
            "across threads. `Arc<T>` is a type like `Rc<T>` that is safe to use in concurrent situations.\n")
    checker = ClaimChecker(searcher_of_file(encoder, tmp_path / "book.md", text))
    for claim in ("Rust strings support indexing.", "Rc<T> is safe to use across multiple threads."):
        verdict = checker.check(claim)
        assert verdict.verdict != "supported", (claim, verdict)
    assert checker.check("A String is a wrapper over a vector of bytes.").verdict == "supported"
    # a "not" of a word the claim does not say, or "not only", negates nothing it says
    assert not negates("Exercise improves memory.", "It is not surprising that exercise improves memory.")
    assert not negates("Exercise improves memory.", "Not only does exercise improve memory, it also helps mood.")
    assert not negates("Exercise improves memory.", "Exercise improves memory, not attention.")
    assert negates("Exercise does not improve memory.", "Exercise improves memory in older adults.")
    assert negates("The program comes with a warranty.", "This program comes with absolutely no warranty.")
    # "no longer" ends the verb after it; "no longer than" bounds a number
    assert negates("tzlocal returns pytz objects.", "Since version 3.0, tzlocal no longer returns pytz objects.")
    assert not negates("Treatment lasted 5 days.", "Treatment lasted no longer than 5 days.")
    # two of the claim's three content words, one of them negated, are enough: a list item under
    # its subject ("Raw pointers:") or a sentence naming the thing in one word ("nulls")
    assert negates("Rust has null values.", "As such, Rust does not have nulls, but it does have an enum.")
    assert negates("Raw pointers are guaranteed to point to valid memory.", "• Aren’t guaranteed to point to valid memory")
    assert not negates("Rust has null values.", "Rust does not have classes.")
    # a direction word said of another thing on either side ("improve attention" against "improve
    # memory") negates nothing the claim says; after another word the next need not be its object
    assert not negates("Exercise improves memory in older adults.", "Exercise did not improve attention in older adults.")
    assert not negates("Exercise does not improve memory.", "Exercise improves attention.")
    # a negation reaches through a word of permission or ability, and "can", "us" say nothing
    assert negates("Rust strings can be indexed by integer.", "Rust doesn't allow us to index into a String.")
    assert negates("The MIME database stores user preferences.", "The MIME database is NOT intended to store user preferences.")
    # the negation stands in another clause than the claim's words
    assert not negates("Pioglitazone use is associated with cancer risk.",
                       "There was no association with 8 other cancers; pioglitazone use was associated with cancer risk.")
    # "lack" as a clause's verb negates what it has, a word or two on ("lack research evidence");
    # "lacking" and "the lack of" name a thing without it
    assert negates("Most psychotherapy models are backed by clinical trial evidence.",
                   "Most reviewed psychotherapy models lack research evidence from clinical trials.")
    assert not negates("Sirt1 deficiency increases apoptosis in mice.", "Mice lacking Sirt1 show increased apoptosis.")
    assert not negates("Apoptosis in mice depends on Sirt1.", "The lack of Sirt1 in mice increases apoptosis.")
    # "unable to", "failed to" and "lose the ability to" say a thing is not done, on either side;
    # "lose weight" and "failure" negate nothing
    assert negates("The brain loses the ability to change and adapt after childhood.",
                   "The good news is that the brain possesses an incredible ability to adapt and change.")
    assert negates("The drug reduces pain.", "The drug failed to reduce pain.")
    assert negates("Mice are unable to learn the task.", "Mice learn the task quickly.")
    assert not negates("Patients lose weight on metformin.", "Patients on metformin had their weight measured.")
    assert not negates("Treatment failure reduces survival.", "Treatment reduces survival.")
    # a noun of state is read as the word it is made from ("adulthood" says "adults"), which the
    # stemmer keeps apart; "worship" is no "wor-ship"
    assert negates("Neuroplasticity is absent in adults.",
                   "Neuroplasticity is present throughout our lives, from early development to adulthood.")
    assert negates("Friends do not help.", "Friendship helps.")
    assert not negates("Worship is not common.", "Wor is common.")
    # what a thing does to another or the state it leaves ("keeps" against "deleting", "enabled"
    # against "disabled"), also where a consequence clause after ", so" says the claim's word;
    # kinds of a thing ("acute", "chronic") are two things, not one said two ways
    assert negates("apt purge keeps the configuration files.",
                   "The purge command removes packages, deleting the configuration files as well.")
    assert negates("Foreign key constraints are enabled by default.",
                   "Foreign key constraints are disabled by default, so must be enabled separately for each connection.")
    assert not negates("Acute stress impairs memory.", "Chronic stress impairs memory.")


def test_a_claim_the_evidence_states_with_an_opposite_word_is_contradicted(encoder, tmp_path):
    # Each sentence says a claim's own words with one of them replaced by its opposite ("harmful"
    # for "beneficial", "ineffective" for "effective", "rare" for "common"): the polarity model
    # read these as support.  The sentence as written stays supported.
    from assistant.claims.features import negates

    text = ("# Sleep and habits\n\n## Exercise\n\nIn our cohort, evening exercise was harmful for sleep quality in older "
            "adults. Morning walks were popular with participants.\n\n## Medication\n\nThe new hypnotic was ineffective "
            "against chronic insomnia in the trial. Side effects were mild.\n\n## Genetics\n\nThe long allele of the clock "
            "gene is rare in European populations.\n")
    checker = ClaimChecker(searcher_of_file(encoder, tmp_path / "sleep.md", text))
    for claim in ("Evening exercise is beneficial for sleep quality in older adults.",
                  "The new hypnotic is effective against chronic insomnia.",
                  "The long allele of the clock gene is common in European populations."):
        verdict = checker.check(claim)
        assert verdict.verdict == "contradicted", (claim, verdict)
    assert checker.check("Evening exercise was harmful for sleep quality in older adults.").verdict == "supported"
    # an opposite under a negation says the claim ("not low" for "high"), and a sentence that says
    # both the word and its opposite reverses nothing ("higher A ... lower B" for "lower A ... higher B")
    assert negates("Minocycline has high toxicity.", "Minocycline has low toxicity.")
    assert not negates("Minocycline has high toxicity.", "Minocycline does not have low toxicity.")
    assert not negates("Lower sodium intake leads to higher potassium levels.",
                       "Higher potassium levels follow lower sodium intake.")
    # general antonyms count as opposites too ("small" for "large"), and "absent from" negates where
    # a thing is; a word with a second sense as a noun is one only where an adjective stands ("a
    # complex process" against "a simple process", not the mTORC1 complex)
    assert negates("The zlib format has a large header.", "The zlib format has a very small header of only two bytes.")
    assert not negates("The zlib format has a small header.", "The zlib format has a very small header of only two bytes.")
    assert negates("Private Python modules must be on sys.path.",
                   "Directories with private Python modules must be absent from the sys.path.")
    assert not negates("The simple mTORC1 pathway controls growth.", "The mTORC1 complex pathway controls growth.")
    assert negates("Neuroplasticity is a simple process.", "Neuroplasticity is a complex process that involves changes.")
    # the scale's other end ("least common" of an annual report's "most common diagnosis" came back
    # supported), and a figure's other way
    assert negates("Alzheimer's disease was the least common diagnosis.",
                   "Alzheimer's disease remained the most common diagnosis (46%), followed by mixed dementia (19%).")
    assert negates("The median wait rose after April.", "The median wait fell after April.")
    # and a sequence's other end ("the first command" of Bash's "the exit status of the last
    # command in the pipeline" came back supported)
    assert negates("The exit status of a pipeline is the exit status of the first command.",
                   "The exit status of a pipeline is the exit status of the last command in the pipeline.")
    # and a bound's other end ("the maximum FDR" of qvalue's "the minimum FDR incurred when calling
    # a test significant" came back supported)
    assert negates("The q-value is the maximum FDR incurred when calling a test significant.",
                   "The q-value is the minimum FDR incurred when calling a test significant.")
    assert not negates("Alzheimer's disease was the most common diagnosis.",
                       "Alzheimer's disease remained the most common diagnosis (46%), followed by mixed dementia (19%).")
    # a degree of a word is read as the word, against the other end said with "most" ("the
    # cheapest method" of a mixed-models chapter's "the most expensive method" came back supported)
    assert negates("The Kenward-Roger approximation is the cheapest method in terms of computational resources.",
                   "However, the Kenward-Roger approximation is the most expensive method in terms of computational "
                   "resources.")
    assert not negates("Kenward-Roger is the most expensive method in terms of computational resources.",
                       "However, the Kenward-Roger approximation is the most expensive method in terms of computational "
                       "resources.")
    # a word and its prefixed opposite ("discourage" of an AAS guide's "encouraged" came back supported)
    assert negates("The AAS journals discourage authors from including animations.",
                   "Authors may, and are in fact encouraged, to include animations in their manuscripts.")
    assert negates("Line numbers are optional in ASME papers.", "Line numbers are mandatory in ASME papers.")
    # any word of five letters or more against itself with "un-" ("unbiased" of lmtest's "The
    # Durbin-Watson test is biased in dynamic models" came back supported); "unless" is no "less"
    assert negates("The Durbin-Watson test is unbiased in dynamic models.",
                   "The Durbin-Watson test is biased in dynamic models and should therefore not be applied.")
    assert negates("The index format changed in version 2.", "The index format is unchanged in version 2.")
    assert not negates("Backups run less often at night.", "Backups run unless the disk is full at night.")
    # and with "in-", of a compound's last part too ("case-insensitive" of Node's path docs'
    # "basename treats the extension as a case-sensitive string" came back supported)
    assert negates("path.basename treats the extension as a case-insensitive string.",
                   "On Windows, basename treats the extension as a case-sensitive string.")
    assert negates("The monitor is inaccurate at diagnosing hypertension.", "The monitor is accurate at diagnosing hypertension.")
    assert not negates("path.basename treats the extension as a case-sensitive string.",
                       "On Windows, basename treats the extension as a case-sensitive string.")


def test_a_claim_whose_object_the_evidence_moves_the_other_way_is_contradicted(encoder, tmp_path):
    # "shortens total sleep time" against "extends total sleep time": the polarity model read it as
    # support.  The sentence as written stays supported.
    from assistant.claims.features import moves_opposite

    text = ("# Habits\n\n## Ageing\n\nRegular aerobic exercise can trigger brain changes that protect against cognitive "
            "decline in later life. Most participants walked.\n\n## Light\n\nEvening light exposure shortens total sleep "
            "time in adolescents.\n")
    checker = ClaimChecker(searcher_of_file(encoder, tmp_path / "habits.md", text))
    assert checker.check("Evening light exposure extends total sleep time in adolescents.").verdict == "contradicted"
    assert checker.check("Regular aerobic exercise protects against cognitive decline.").verdict == "supported"
    # the object matched by two of its words, and the sentence moves nothing the claim moves the same way
    assert moves_opposite("Neuroplasticity reduces the effectiveness of medication.",
                          "It can enhance the effectiveness of medication and reduce side effects.")
    assert not moves_opposite("Neuroplasticity reduces the effectiveness of medication.",
                              "It can enhance the effectiveness of exercise.")
    assert not moves_opposite("Exercise reduces anxiety symptoms.", "Exercise can reduce anxiety symptoms and increase sleep.")
    # two objects share as many stems ("effectiveness" and "effects" stem alike): the one moved the
    # claim's way counts too
    assert not moves_opposite("Neuroplasticity reduces side effects of medication.",
                              "It can enhance the effectiveness of medication and reduce side effects.")


@pytest.mark.parametrize(("history", "question", "expected"), [
    # "they" after a new topic took a phrase's place: the two things the person is comparing
    (["What does unwrap do?", "And expect?"], "When should I use them?", "When should I use unwrap and expect?"),
    (["What is CBT?", "And DBT?"], "How do they differ?", "How do CBT and DBT differ?"),
    (["Which brain regions are linked to depression?", "And for anxiety?"], "How are they treated?",
     "How are depression and anxiety treated?"),
    # with the article both topics have ("the amygdala", "the prefrontal cortex")
    (["What role does the amygdala play in anxiety?", "And the prefrontal cortex?"], "How do they interact?",
     "How do the amygdala and the prefrontal cortex interact?"),
    # "it" is the new topic alone, and after a question of its own "they" is that question's
    (["What does unwrap do?", "And expect?"], "When should I use it?", "When should I use expect?"),
    # a name put in with its article is what "it" stands for, article and all ("Is Uploaders field
    # mandatory?" had lost it)
    (["What does the Maintainer field contain?", "And the Uploaders field?"], "Is it mandatory?",
     "Is the Uploaders field mandatory?"),
    (["What does unwrap do?", "And expect?", "What are the side effects of minocycline?"], "How common are they?",
     "How common are the side effects of minocycline?"),
])
def test_they_after_a_new_topic_stands_for_both_topics(encoder, history, question, expected):
    assert resolve_followup(question, history, encoder).query == expected


@pytest.mark.parametrize(("history", "question", "expected"), [
    # a request that names no topic asks for more of the question just asked; it was searched alone
    (["What is neuroplasticity?"], "Tell me more", "Tell me more (What is neuroplasticity?)"),
    # "that" is the answer, not a phrase of the question ("explain the brain in more detail")
    (["How does stress affect the brain?"], "Can you explain that in more detail?",
     "Can you explain that in more detail? (How does stress affect the brain?)"),
    # a second request asks for more of the same question, not of the first request
    (["What is neuroplasticity?", "Tell me more"], "Give me an example",
     "Give me an example (What is neuroplasticity?)"),
    # a request that names its topic stands alone
    (["What is neuroplasticity?"], "Explain neuropsychotherapy", "Explain neuropsychotherapy"),
])
def test_a_request_for_more_asks_the_previous_question_again(encoder, history, question, expected):
    assert resolve_followup(question, history, encoder).query == expected


@pytest.mark.parametrize(("history", "question", "expected"), [
    # a preposition leads a circumstance of the topic just put in, not a new topic in its place
    # ("What causes children?", "What causes in children?")
    (["What causes depression?", "And anxiety?"], "And in children?", "What causes anxiety in children?"),
    (["What causes depression?", "And anxiety?"], "What about in children?", "What causes anxiety in children?"),
    # the phrase a follow-up put in goes with the "of" phrase it stands with ("How are the
    # secondary outcomes measured?" lost the trial)
    (["What is the primary outcome of the PRIDE trial?", "And the secondary outcomes?"], "How are they measured?",
     "How are the secondary outcomes of the PRIDE trial measured?"),
    # "it" is no plural phrase: the singular one it owns, or an earlier question's ("Who funded the
    # secondary outcomes?", "Did the students work?")
    (["What is the primary outcome of the PRIDE trial?", "And the secondary outcomes?", "How are they measured?"],
     "Who funded it?", "Who funded the PRIDE trial?"),
    (["How many schools took part in ActiveKids?", "What did the students do?"], "Did it work?", "Did ActiveKids work?"),
    (["How many schools took part in ActiveKids?", "What did the students do?", "Did it work?"], "What about in girls?",
     "Did ActiveKids work in girls?"),
    # so too where the previous question has no phrase "it" could be ("Who funded it? (How many women
    # took part?)"), unless its answer names the thing ("How reliable is it?" after "Which questionnaire ...?")
    (["Where was the LIMIT trial conducted?", "How many women took part?"], "Who funded it?", "Who funded the LIMIT trial?"),
    # a modal question's subject before the verb it closes with is a phrase "it" may be ("Who should
    # deliver severe depression?" had taken an earlier question's)
    (["What is offered for less severe depression?", "How long should the exercise programme last?"], "Who should deliver it?",
     "Who should deliver the exercise programme?"),
    (["When should the treatment start?"], "Who pays for it?", "Who pays for the treatment?"),
    # "it" after a question for a measure of a thing is the thing ("How is the bioavailability of
    # lithium excreted?"), but where the next question speaks of an amount as such
    (["What is the bioavailability of lithium?"], "How is it excreted?", "How is lithium excreted?"),
    (["What is the bioavailability of lithium?"], "What are its trade names?", "What are lithium's trade names?"),
    (["What is the prevalence of depression?"], "How is it treated?", "How is depression treated?"),
    # "What kind of X is Y?" is of Y, which "it" stands for, unless Y says something of the thing
    # asked for ("How does the drug class interact with ibuprofen?", "What is the elimination
    # half-life of the drug class?")
    (["What drug class is lithium?"], "How does it interact with ibuprofen?", "How does lithium interact with ibuprofen?"),
    (["What type of drug is lithium?"], "What is the elimination half-life?", "What is the elimination half-life of lithium?"),
    (["What dose is safe?"], "Is it the same for children?", "Is the dose the same for children?"),
    # a question searched with the one under it owns what that one asked of, not its brackets
    # ("What were the outcomes of the review say?)?")
    (["What does the review say?", "What would they change?"], "What were the outcomes?", "What were the outcomes of the review?"),
    (["What is the prevalence of depression?"], "Has it increased?", "Has the prevalence of depression increased?"),
    (["Who was eligible for the trial?", "Who was excluded?", "Which questionnaire measured alcohol use?"],
     "How reliable is it?", "How reliable is it? (Which questionnaire measured alcohol use?)"),
    # after a short question pointing back ("Is that proven? (How does ...?)"), "it" is the phrase of
    # the question under it, not a question nested a level deeper
    (["What is neuroplasticity?", "How does it help with depression?", "Is that proven?"], "Which therapies use it?",
     "Which therapies use neuroplasticity?"),
    # "ones" stands for the noun of the question under it, as a question word alone does
    (["How many schools took part in GoActive?", "Which ones?"], "Were they all in Cambridgeshire?",
     "Were they all in Cambridgeshire? (How many schools took part in GoActive?)"),
    # without a singular phrase before, "it" is what the previous question and its answer say, and
    # "they" after "Who ...?" are whom the answer names: searched with it ("Did the students work?",
    # "Were the GoActive intervention trained?")
    (["What did the students do?"], "Did it work?", "Did it work? (What did the students do?)"),
    (["Who delivered the ActiveKids intervention?"], "Were they trained?",
     "Were they trained? (Who delivered the ActiveKids intervention?)"),
    # "they" after a do-question with two subjects is both ("Are CBT and DBT differ effective?")
    (["How do CBT and DBT differ?"], "Are they effective?", "Are CBT and DBT effective?"),
    # the phrase a follow-up put in keeps its "for" phrase too
    (["What were the inclusion criteria for the HOPE trial?", "And the exclusion criteria?"], "How many women met them?",
     "How many women met the exclusion criteria for the HOPE trial?"),
    # an auxiliary and its subject leave the verb to the previous question ("Does CBT?" was searched
    # alone), and the subject is the topic the next follow-up replaces
    (["Which therapies change the brain?"], "Does CBT?", "Does CBT? (Which therapies change the brain?)"),
    # a new topic after a bare "When?" searched with its question goes into that question, and
    # after one that asked a yes-or-no question again
    (["What input does deflate() consume?", "When?"], "What about inflate()?", "When? (What input does inflate() consume?)"),
    (["Is deflate() guaranteed to consume all input?", "When?"], "What about inflate()?",
     "When is inflate() guaranteed to consume all input?"),
    (["Which therapies change the brain?", "Does CBT?"], "And mindfulness?",
     "Does mindfulness? (Which therapies change the brain?)"),
    # after a question searched with the one before, "it" points at what that answer showed ("Why
    # is the four aspects neuropsychotherapy considers?) important?"); after a request for more, at
    # the topic of the question under it
    (["What are the four aspects therapy considers?", "Explain the second one"], "Why is it important?",
     "Why is it important? (Explain the second one (What are the four aspects therapy considers?))"),
    # ... but a short question that names the thing the pronoun is reads it as alone ("How long do
    # they last? (What are the withdrawal symptoms? (...))" had nested a question a level)
    (["How should antidepressants be stopped?", "Why?", "What are the withdrawal symptoms?"], "How long do they last?",
     "How long do the withdrawal symptoms last?"),
    (["What is neuroplasticity?", "Tell me more"], "Is it harmful?", "Is neuroplasticity harmful?"),
    # a circumstance after a short question searched with the one before goes with the short one
    # ("For how long? (What dose ...?) in children?")
    (["What dose of minocycline is used in BeneMin?", "For how long?"], "And in children?",
     "For how long in children? (What dose of minocycline is used in BeneMin?)"),
    # "How many completed follow-up?" counts what the question before counted, and the circumstance
    # goes with it (it had been searched beside that question: "How many completed follow-up at 10
    # weeks? (How many participants were randomised ...?)")
    (["How many participants were randomised in the HOPE trial?", "How many completed follow-up?"], "And at 10 weeks?",
     "How many participants completed follow-up in the HOPE trial at 10 weeks?"),
    # "Compared to ..." leads a comparison added to the previous question (it was searched alone)
    (["What was the dropout rate in the HOPE trial?"], "Compared to the control group?",
     "What was the dropout rate in the HOPE trial compared to the control group?"),
    # a new topic like the "of" phrase of the slot takes that phrase's place ("How was the PRIDE
    # trial calculated?")
    (["What is the sample size of the HOPE trial?", "How was it calculated?"], "What about the PRIDE trial?",
     "How was the sample size of the PRIDE trial calculated?"),
    # "for" with a "for" phrase before replaces it, even after a pronoun's slot ("Is for chronic
    # pain effective for insomnia?"); "compared with" adds a comparison ("Is Compared with ...")
    (["What does CBT stand for?", "Is it effective for insomnia?"], "What about for chronic pain?",
     "Is CBT effective for chronic pain?"),
    (["What does CBT stand for?", "Is it effective for insomnia?", "What about for chronic pain?"],
     "Compared with medication?", "Is CBT effective for chronic pain compared with medication?"),
    # "that" alone stands for what was just asked and answered ("How reliable is outcomes?")
    (["Which outcomes were measured?", "Were they self-reported?"], "How reliable is that?",
     "How reliable is that? (Were the outcomes self-reported?)"),
    # a topic after a preposition the previous question lacks, of the same kind as one of its
    # phrases, takes that phrase's place ("... symptoms of schizophrenia in depression?"); a
    # circumstance is added
    (["Which medications can improve symptoms of schizophrenia?"], "And in depression?",
     "Which medications can improve symptoms of depression?"),
    (["What do adults need?"], "And in children?", "What do children need?"),
    (["How does stress affect the brain?"], "What about in children?", "How does stress affect the brain in children?"),
    # "any" asks whether there are, of what was just asked about ("What are the any risks ...?"; the
    # noun took the place of the phrase most like it: "... benefits of exercise for risks?")
    (["What are the benefits of mindfulness?"], "Any risks?", "Are there any risks of mindfulness?"),
    (["What are the benefits of exercise for mental health?"], "Any risks?",
     "Are there any risks of exercise for mental health?"),
    (["Does minocycline reduce negative symptoms?"], "And any side effects?", "Are there any side effects of minocycline?"),
    (["How is the FOCUS trial run?"], "Any limitations?", "Are there any limitations of the FOCUS trial?"),
    # a yes/no question's subject is one word the model lacks, not two ("mindfulness reshape")
    (["Does mindfulness reshape neural pathways?"], "Any side effects?", "Are there any side effects of mindfulness?"),
    (["Does mindfulness reshape neural pathways?"], "Is it safe?", "Is mindfulness safe?"),
    # a phrase's head is its word before "under" ("children"): "it" is not the children
    (["What is the recommended dose of vitamin D for adults?", "And for children under 5?"], "Is it safe during pregnancy?",
     "Is the recommended dose of vitamin D for children under 5 safe during pregnancy?"),
    # a request to name what the previous question asked about is searched with it ("Name a few"
    # was searched alone)
    (["How do neurons communicate?", "What are neurotransmitters?"], "Name a few",
     "Name a few (What are neurotransmitters?)"),
    (["What are the treatments for anxiety?"], "Can you list some?",
     "Can you list some? (What are the treatments for anxiety?)"),
    # a new topic after a request for more goes into the question the request was about
    (["What is neuroplasticity?", "Can it be harmful?", "Give an example"], "What about in older adults?",
     "Can neuroplasticity be harmful in older adults?"),
    # "it" after the role or function of a thing is the thing ("Where is the role of the NK1
    # receptor expressed?"); the outcome of a trial stays the outcome
    (["What is the role of the NK1 receptor?"], "Where is it expressed?", "Where is the NK1 receptor expressed?"),
    (["What is the function of the hippocampus?"], "How does it work?", "How does the hippocampus work?"),
    # "it" doing the verb the previous question's subject did is that subject, not the phrase a
    # follow-up put in ("How can C code work offline?", "How does anxiety help?")
    (["Does Cargo work on Windows?", "And with C code?"], "How can it work offline?", "How can Cargo work offline?"),
    (["Does mindfulness help with depression?", "And with anxiety?"], "How does it help?", "How does mindfulness help?"),
    (["Is neuroplasticity important for depression?", "And for anxiety?"], "How is it treated?", "How is anxiety treated?"),
    # the participle a passive question ends with is no part of the phrase a follow-up put in
    # ("When were the secondary outcomes of the BeneMin trial measured assessed?")
    (["What is the primary outcome of the BeneMin trial?", "How was it measured?", "And the secondary outcomes?"],
     "When were they assessed?", "When were the secondary outcomes of the BeneMin trial assessed?"),
    # "it" after "What did the LIMIT trial find?" is the trial, whose verb's past English makes
    # otherwise ("trial" had been read as the verb), and so after a name with "@" in it
    (["What did the LIMIT trial find?"], "Did it reduce weight gain?", "Did the LIMIT trial reduce weight gain?"),
    (["What did the U@Uni trial find?"], "Did it reduce binge drinking?", "Did the U@Uni trial reduce binge drinking?"),
    # "its" of a new topic owns what its referent owned in the previous question ("And the LIMIT
    # trial's limitations' strengths?" had been asked), and the owner stays the next "its"
    (["What were the limitations of the LIMIT trial?"], "And its strengths?", "What were the strengths of the LIMIT trial?"),
    (["Tell me about the LIMIT trial.", "What were its limitations?"], "And its strengths?",
     "What were the LIMIT trial's strengths?"),
    (["Tell me about the LIMIT trial.", "What were its limitations?", "And its strengths?"], "And its weaknesses?",
     "What were the LIMIT trial's weaknesses?"),
    # "that" before a subject pronoun opens a clause ("Is there evidence neuropsychotherapy
    # differing from CBT it works?" had been asked)
    (["What is neuropsychotherapy?", "How does it differ from CBT?"], "Is there evidence that it works?",
     "Is there evidence that neuropsychotherapy works?"),
    # "Why use X for Y?": "it" is what is used ("Is insomnia safe?" had been asked)
    (["Why use CBT for insomnia?"], "Is it safe?", "Is CBT safe?"),
    # what follows "Why does" is a clause, no phrase for "it" ("How can I reduce my build take up
    # so much space?"): the two questions are searched together
    (["Why does my build take up so much space?"], "How can I reduce it?",
     "How can I reduce it? (Why does my build take up so much space?)"),
    (["What was the primary outcome of the HOPE trial?"], "Was it significant?",
     "Was the primary outcome of the HOPE trial significant?"),
    # a passive that names no subject is said of what the previous question names ("Who was
    # excluded?" was searched alone); "What is treatment?" names its subject
    (["Who was eligible for the HOPE trial?"], "Who was excluded?", "Who was excluded? (Who was eligible for the HOPE trial?)"),
    (["How was the HOPE trial run?"], "What was measured?", "What was measured? (How was the HOPE trial run?)"),
    (["What is neuroplasticity?"], "What is treatment?", "What is treatment?"),
    # ... and so is an amount asked with no noun ("How much is needed?" was searched alone)
    (["Does exercise help depression?"], "How much is needed?", "How much is needed? (Does exercise help depression?)"),
    (["Is CBT effective for insomnia?"], "How long is required?", "How long is required? (Is CBT effective for insomnia?)"),
    # after "Which <thing> ...?" the thing is the one the answer names ("How reliable is U@Uni?");
    # asked of again, with the question that asked for it (not nested in the one between)
    (["Which questionnaire measured alcohol use in the HOPE trial?"], "How reliable is it?",
     "How reliable is it? (Which questionnaire measured alcohol use in the HOPE trial?)"),
    (["Which questionnaire measured alcohol use in the HOPE trial?", "How reliable is it?"], "Who developed it?",
     "Who developed it? (Which questionnaire measured alcohol use in the HOPE trial?)"),
    # a singular head before "between ... and ..." keeps a singular verb ("Are the link ...")
    (["What is the link between stress and depression?"], "Is it reversible?",
     "Is the link between stress and depression reversible?"),
    # "as a result" and a bare "the effect" point back ("Is the effect lasting?" was searched alone)
    (["How does CBT change the brain?"], "Is the effect lasting?", "Is the effect lasting? (How does CBT change the brain?)"),
    (["What did the focus groups in the HOPE trial say?"], "What changes were made as a result?",
     "What changes were made as a result? (What did the focus groups in the HOPE trial say?)"),
    # the subject of "How is X treated with Y?" is no "X treated" ("Does depression treated use
    # medication?"): what it ends with is
    (["How is depression treated with neuropsychotherapy?"], "Does it use medication?",
     "Does neuropsychotherapy use medication?"),
    # ... but after "in" or "for" a passive's subject is, with that circumstance ("Was BeneMin reached?")
    (["How was the sample size calculated for BeneMin?"], "Was it reached?", "Was the sample size for BeneMin reached?"),
    (["How was adherence measured in the FOCUS trial?"], "Was it good?", "Was adherence in the FOCUS trial good?"),
    # ... and after "after", "before" or "following" (not "radioactive iodine recommended after thyroidectomy")
    (["When is radioactive iodine recommended after thyroidectomy?"], "What are its side effects?",
     "What are the side effects of radioactive iodine after thyroidectomy?"),
    # a slot's "of" phrase ends before the verb of a do-question ("the intervention arm of HOPE receive")
    (["What did participants in the control arm of HOPE receive?", "And the intervention arm?"], "How did it differ?",
     "How did the intervention arm of HOPE differ?"),
    # "in" replaces the phrase most like the new topic, not the one after "in" ("What happens in
    # depression during anxiety?")
    (["What happens in the amygdala during anxiety?"], "And in depression?",
     "What happens in the amygdala during depression?"),
    # "Which is ...?" agrees with the noun it asks about ("Which therapies is most studied ...?")
    (["Which therapies are based on neuroscience?"], "Which is most studied?",
     "Which therapies are most studied on neuroscience?"),
    # "Are there any downsides?" asks of what the previous question was about (searched alone)
    (["What are the benefits of neuroplasticity for mental health?"], "Are there any downsides?",
     "Are there any downsides of neuroplasticity for mental health?"),
    # a plural in -s takes the apostrophe alone ("CBT models's limitations"); "What kind of X?" is a
    # question word with its noun, searched with the previous question (it was searched alone)
    (["How do CBT models explain depression?"], "What are their limitations?", "What are CBT models' limitations?"),
    (["Can training strengthen the prefrontal cortex?"], "What kind of training?",
     "What kind of training? (Can training strengthen the prefrontal cortex?)"),
    # after a question opened by an auxiliary, "it" is its subject where the words tell it, else
    # the two are searched together ("Can neuroplasticity help after a stroke" and "stress damage
    # the hippocampus" were taken as referents)
    (["Can neuroplasticity help after a stroke?"], "What kinds of therapy support it?",
     "What kinds of therapy support neuroplasticity?"),
    (["Does CBT help with anxiety?"], "Is it effective for children?", "Is CBT effective for children?"),
    (["Can stress damage the hippocampus?"], "Is it reversible?", "Is it reversible? (Can stress damage the hippocampus?)"),
    # a request names its topic ("Does it decline with age? (Explain neuroplasticity.)"); "it" after
    # a possessive put in is what it owns, as after an "of" phrase ("Was the HOPE trial significant?")
    (["Explain neuroplasticity.", "Give an example."], "Does it decline with age?", "Does neuroplasticity decline with age?"),
    (["Summarise the HOPE trial."], "What was its main finding?", "What was the HOPE trial's main finding?"),
    (["Summarise the HOPE trial.", "What was its main finding?"], "Was it significant?",
     "Was the HOPE trial's main finding significant?"),
    # "Which is better for depression?" names nothing to choose among (searched alone)
    (["Compare CBT and neuropsychotherapy."], "Which is better for depression?",
     "Which is better for depression? (Compare CBT and neuropsychotherapy.)"),
    # a question word whose noun is that of the short question before goes with it, not only with
    # the question under it ("Which medications change with schizophrenia?")
    (["Which regions change with schizophrenia?", "Can medication reverse that?"], "Which medications?",
     "Which medications? (Can medication reverse that? (Which regions change with schizophrenia?))"),
    # ... and "Is there anything else?" asks for more of the previous answer
    (["What are the benefits of neuroplasticity?"], "Is there anything else?",
     "Is there anything else? (What are the benefits of neuroplasticity?)"),
    # a question of function words alone asks of what the previous question asked about (it was
    # searched alone); "How many" counts it
    (["How were schools randomised in the HOPE trial?"], "How many were there?",
     "How many schools in the HOPE trial were there?"),
    (["How were schools randomised in the HOPE trial?"], "Why were there?",
     "Why were there? (How were schools randomised in the HOPE trial?)"),
    # after a question word searched with the question before, that question alone ("(Why? (...))")
    (["Which sites recruited the most families?", "Why?"], "Did they also retain the most?",
     "Did they also retain the most? (Which sites recruited the most families?)"),
    # the verb a follow-up says of "they" ends the phrase it stands for ("How much more did the nap
    # group remember more words remember?"); a group is no plural, so the two go together
    (["Did the nap group remember more words?"], "How much more did they remember?",
     "How much more did they remember? (Did the nap group remember more words?)"),
    # a group of people after "in" or "among" is whom the question is asked of: it takes the
    # group's place or is added, whatever phrase it is like ("Do people with insomnia help memory?")
    (["Do naps help memory?"], "Is that true for people with insomnia?", "Do naps help memory in people with insomnia?"),
    (["Does exercise help adults sleep?"], "What about in adolescents?", "Does exercise help adolescents sleep?"),
    (["How common is depression in men?"], "And among women?", "How common is depression in women?"),
    # a pronoun's referent is no slot a new topic must take: the topic the follow-up named is
    # (not "Does OCD work for PTSD?"), and a topic an elliptic follow-up named is
    (["What is neuropsychotherapy?", "Does it work for PTSD?"], "And what about OCD?", "Does neuropsychotherapy work for OCD?"),
    (["What is CBT?", "Is it effective for anxiety?"], "What about DBT?", "Is DBT effective for anxiety?"),
    # "this" after a question of why or how its subject does something is the subject doing it
    # ("How can car functions fail inside other functions be fixed?")
    (["Why do car functions fail inside other functions?"], "How can this be fixed?",
     "How can car functions failing inside other functions be fixed?"),
    (["Why does the index grow so fast?"], "Can that be avoided?", "Can the index growing so fast be avoided?"),
    # "one" takes the article its noun is said with ("How do I delete an user account?")
    (["How do I create a user account?"], "And how do I delete one?", "How do I delete a user account?"),
    (["How do I install a package?"], "And an unused one?", "How do I install an unused package?"),
    # what to choose for what was just asked about goes with it; a choice naming a topic stands alone
    (["How do I specify the C++ standard in CMake?"], "Which version should I use?",
     "Which version should I use? (How do I specify the C++ standard in CMake?)"),
    (["How do I specify the C++ standard in CMake?"], "Which therapy should I choose?", "Which therapy should I choose?"),
    # a circumstance of where or of when takes the place of the one of its kind the previous
    # question closes with ("How many days can I work from home in the office?"); one of the other
    # kind, or one closing on whom the question is asked of, stays beside it
    (["How many days can I work from home?"], "And in the office?", "How many days can I work in the office?"),
    (["What was her creatinine on admission?"], "And at discharge?", "What was her creatinine at discharge?"),
    (["Does exercise help sleep at night?"], "And in the morning?", "Does exercise help sleep in the morning?"),
    (["How many patients were recruited in London?"], "And at 12 months?",
     "How many patients were recruited in London at 12 months?"),
    (["How does CBT work for insomnia in older adults?"], "And at home?", "How does CBT work for insomnia in older adults at home?"),
    # a group of people asked of in the place of the one asking ("How many days can I laboratory
    # technicians from home?"), whatever leads it
    (["How many days can I work from home?"], "What about laboratory technicians?",
     "How many days can laboratory technicians work from home?"),
    (["How many days can I work from home?"], "And for reception staff?", "How many days can reception staff work from home?"),
    (["Am I eligible for remote working?"], "And contractors?", "Are contractors eligible for remote working?"),
    # a group of the people asked of is those people in that group ("How many control group do
    # BeneMin participants take each day?" had put it in the place of the thing counted)
    (["How many pills do BeneMin participants take each day?"], "And what about the control group?",
     "How many pills do BeneMin participants in the control group take each day?"),
    (["How many patients dropped out?"], "What about the placebo arm?", "How many patients in the placebo arm dropped out?"),
    (["What was the mean age of the women?"], "And the control group?", "What was the mean age of the women in the control group?"),
    (["How many patients in the intervention group dropped out?"], "And the control group?",
     "How many patients in the control group dropped out?"),
    # the verb a yes/no do-question closes with is no part of the phrase a topic replaces ("Did
    # quality of life?"); like no phrase of it, the topic is searched beside it
    (["Did fear of falling improve?"], "What about quality of life?", "What about quality of life? (Did fear of falling improve?)"),
    # "it" funded or conducted is the study named, not what was asked of it
    (["How was the LIMIT trial designed?", "What about its primary outcome?"], "Who funded it?", "Who funded the LIMIT trial?"),
    (["What is the primary outcome of the BeneMin trial?"], "Who funded it?", "Who funded the BeneMin trial?"),
    # a word derived from an English one is no name ("shyness" had taken the place of the study's
    # name GoActive, as "httpcore" takes bm25s's)
    (["How was well-being measured in GoActive?"], "And shyness?", "How was shyness measured in GoActive?"),
    (["How do I install bm25s?"], "And httpcore?", "How do I install httpcore?"),
    # what the counted noun did, an irregular verb's past too ("How many dropped out took part in
    # ...?", "How many withdrew did U@Uni recruit?")
    (["How many children's centres took part in Keeping Children Safe?"], "How many dropped out?",
     "How many children's centres dropped out?"),
    (["How many students did U@Uni recruit?"], "How many withdrew?", "How many students withdrew?"),
    # "its" after a measure of a thing that people take is the thing, not the people's name
    # ("What are BeneMin's side effects?")
    (["What dose of minocycline do BeneMin participants take?"], "What are its side effects?",
     "What are minocycline's side effects?"),
    (["What kind of exercise should older adults do?"], "Is it safe?", "Is exercise safe?"),
    # "they" after what a study did is what it did, however many words follow its name ("Did Keeping
    # Children Safe offer families work?")
    (["What incentives did Keeping Children Safe offer families?"], "Did they work?",
     "Did the incentives of Keeping Children Safe work?"),
    # but where the one doing it is one thing, "it" doing something may be that one
    (["What limitation of CBT does the review mention?"], "What keywords does it list?", "What keywords does the review list?"),
    (["What is the primary outcome of the BeneMin trial?"], "Where was it conducted?", "Where was the BeneMin trial conducted?"),
    # "it" after a question of a thing's plural property is the thing that owns it, not a phrase
    # of a question before ("Is the half-life of valproate safe in pregnancy?")
    (["What is the half-life of lithium?", "And of valproate?", "What are its common side effects?"], "Is it safe in pregnancy?",
     "Is valproate safe in pregnancy?"),
    # a thing of another kind than the one asked of before is of what owned that ("What is the
    # treatment of the symptoms of shingles?")
    (["What are the symptoms of shingles?", "How long do they last?"], "What is the treatment?", "What is the treatment of shingles?"),
    # nor is a do-question's verb part of its owner ("What is the treatment of shingles last?")
    (["How long do the symptoms of shingles last?"], "What is the treatment?", "What is the treatment of shingles?"),
    # a thing of the same kind is of what owned that one, and of nothing where a qualifier stood in
    # its place ("What is the maximum dose of the starting dose for panic disorder?")
    (["What is the starting dose of sertraline?"], "What is the maximum dose?", "What is the maximum dose of sertraline?"),
    (["What is the starting dose for panic disorder?"], "What is the maximum dose?", "What is the maximum dose?"),
    # the study asked of is the document's, of no thing asked before ("Where is the study run of
    # the secondary outcomes?"), only of a study named
    (["What are the secondary outcomes?", "Who do I contact?"], "Where is the study run?", "Where is the study run?"),
    # a choice of one of two with any verb is between the two asked of ("Which one causes weight
    # gain? (What is the starting dose of sertraline?)"), and "they" after it is both
    (["What is the starting dose of amitriptyline?", "And for sertraline?"], "Which one causes weight gain?",
     "Which one causes weight gain? (amitriptyline or sertraline)"),
    (["What is the starting dose of amitriptyline?", "And for sertraline?", "Which one causes weight gain?"],
     "How should they be stored?", "How should amitriptyline and sertraline be stored?"),
    (["What is the LIMIT trial?"], "What are the study groups?", "What are the study groups of the LIMIT trial?"),
    # a condition added is the previous question's, in place of its own ("And if the HbA1c target
    # are on a drug ...?"); "What if it ...?" asks what then of the thing
    (["What is the HbA1c target?"], "And if they are on a drug that causes hypoglycaemia?",
     "What is the HbA1c target if they are on a drug that causes hypoglycaemia?"),
    (["What should I do if I miss a dose?"], "And if I miss two?", "What should I do if I miss two?"),
    (["Can I take ibuprofen?"], "What if I am pregnant?", "Can I take ibuprofen if I am pregnant?"),
    (["What is CBT?"], "What if it doesn't work?", "What if CBT doesn't work?"),
])
def test_a_pronoun_agrees_in_number_and_a_preposition_leads_a_circumstance(encoder, history, question, expected):
    assert resolve_followup(question, history, encoder).query == expected


@pytest.mark.parametrize(("history", "question", "expected"), [
    # the slot an earlier follow-up filled is a circumstance ("on Windows", "in children"); a new
    # topic like the thing asked of takes that one's place, not the circumstance's
    (["What does path.basename do?", "What about on Windows?"], "And path.dirname?", "What does path.dirname do on Windows?"),
    (["Is lithium safe in pregnancy?", "And in children?"], "And valproate?", "Is valproate safe in children?"),
    # a topic like the slot still takes its place
    (["Is lithium safe in pregnancy?", "And in children?"], "And in adolescents?", "Is lithium safe in adolescents?"),
    (["Which brain regions are involved in depression?", "And anxiety?"], "And schizophrenia?",
     "Which brain regions are involved in schizophrenia?"),
])
def test_a_new_topic_takes_the_place_of_the_phrase_it_is_like_rather_than_the_slot(encoder, history, question, expected):
    assert resolve_followup(question, history, encoder).query == expected


@pytest.mark.parametrize(("history", "question", "expected"), [
    # an option takes the place of an option with its value, and its name is no plural ("What are
    # --show-leak-kinds=full's default?" had been searched after Valgrind's manual's questions)
    (["What does --leak-check=full do?", "What is its default?"], "And --show-leak-kinds?",
     "What is --show-leak-kinds's default?"),
    (["What does --leak-check=full do?"], "And --show-leak-kinds?", "What does --show-leak-kinds do?"),
])
def test_an_option_takes_the_place_of_an_option_and_its_value(encoder, history, question, expected):
    assert resolve_followup(question, history, encoder).query == expected


@pytest.mark.parametrize(("history", "question", "expected"), [
    # "itself": what the previous question named as a means or a whole is now what is asked of, in
    # the place of the thing asked of, and its phrase goes (it had been "How do I uninstall a Python
    # version with pyenv itself?"); a name takes no article
    (["How do I uninstall a Python version with pyenv?"], "And pyenv itself?", "How do I uninstall pyenv itself?"),
    (["How do I update the plugins of pyenv?"], "And pyenv itself?", "How do I update pyenv itself?"),
    (["Does exercise change the structure of the brain?"], "And the brain itself?", "Does exercise change the brain itself?"),
    # without such a phrase it is a new topic as any other
    (["Does CBT help depression?"], "And anxiety itself?", "Does CBT help anxiety itself?"),
])
def test_a_topic_asked_of_itself_takes_the_place_of_the_thing_asked_of(encoder, history, question, expected):
    assert resolve_followup(question, history, encoder).query == expected


@pytest.mark.parametrize(("history", "question", "expected"), [
    # "she" and "he" stand for the person the previous question names, never for its topic ("What
    # medication did work take?"); a possessive "her" is that person's
    (["What helped the teacher most in returning to work?"], "What medication did she take?",
     "What medication did the teacher take?"),
    (["What antibiotic was the patient discharged on?"], "What is her blood pressure?", "What is the patient's blood pressure?"),
    # with no person named, the two are searched together
    (["What is neuroplasticity?"], "What did he find?", "What did he find? (What is neuroplasticity?)"),
    # and "it" stands for no person ("How long did the participant take to work?")
    (["What medication did the participant take?"], "And how long did it take to work?",
     "And how long did it take to work? (What medication did the participant take?)"),
])
def test_he_and_she_stand_for_a_person_and_it_for_none(encoder, history, question, expected):
    assert resolve_followup(question, history, encoder).query == expected


@pytest.mark.parametrize(("history", "question", "expected"), [
    # "What does X do ...?": the words before "do" are the subject alone, modifiers and all, so a
    # topic with the same head takes the place of the whole phrase ("What does deep REM sleep do
    # for memory?" had kept "deep", read as a verb's subject)
    (["What does deep sleep do for memory?"], "What about REM sleep?", "What does REM sleep do for memory?"),
    (["What does slow-wave sleep do for memory?"], "And REM sleep?", "What does REM sleep do for memory?"),
    # "What <things> can ...?": "they" are those things, the modal's subject, not the question's
    # last words ("Are occur when stopping antidepressants usually severe?")
    (["What withdrawal symptoms can occur when stopping antidepressants?"], "Are they usually severe?",
     "Are withdrawal symptoms usually severe?"),
])
def test_a_subject_before_do_or_a_modal_is_what_a_follow_up_means(encoder, history, question, expected):
    assert resolve_followup(question, history, encoder).query == expected


@pytest.mark.parametrize(("history", "question", "expected"), [
    # "How long does it take?" puts an act after "to": what a thing asked of it is of (the risks of
    # "neuroplasticity helping with depression"), a pronoun before a verb (the act, "Is change the
    # brain reversible?" had been asked) and one after a verb (the thing that acts) read it back;
    # "Are there any risks?" had been searched with the whole previous question, and "Which
    # therapies use it?" with both, one inside the other
    (["Can neuroplasticity help with depression?", "How long does it take?"], "Are there any risks?",
     "Are there any risks of neuroplasticity helping with depression?"),
    (["Can neuroplasticity help with depression?", "How long does it take?", "Are there any risks?"],
     "Which therapies use it?", "Which therapies use neuroplasticity?"),
    (["Does stress change the brain?", "How long does it take?"], "Is it reversible?",
     "Is stress changing the brain reversible?"),
    # after "Which ... do I need?" "it" is what the person asks for ("Is I need free?" had been asked)
    (["How do I build Node.js on Windows?", "Which Visual Studio version do I need?"], "Is it free?",
     "Is the Visual Studio version free?"),
    (["What tools do I need?"], "Are they free?", "Are the tools free?"),
    (["Which Python do I need?"], "Is it free?", "Is Python free?"),
    # a verb's "that" after "What happens to ...?" is what happens (it had been searched with it)
    (["What happens to the brain during chronic stress?"], "Can exercise reverse that?",
     "Can exercise reverse what happens to the brain during chronic stress?"),
])
def test_an_act_put_after_to_is_read_back_as_that_act_or_what_acts(encoder, history, question, expected):
    assert resolve_followup(question, history, encoder).query == expected


@pytest.mark.parametrize(("history", "question", "expected"), [
    # a pronoun a verb takes as its object stands for the object of a yes-or-no question ("Which
    # version added SQLite?"); one before the verb for its subject
    (["Does SQLite support RIGHT JOIN?"], "Which version added it?", "Which version added RIGHT JOIN?"),
    (["Does SQLite support RIGHT JOIN?"], "Can it be used with triggers?", "Can SQLite be used with triggers?"),
    (["Does xts depend on zoo?"], "Who maintains it?", "Who maintains zoo?"),
    # a bare noun phrase asked of in a place or a whole is what "it" stands for, not the place
    # ("Is Django 1.4 enabled by default?")
    (["What is time zone support in Django 1.4?"], "Is it enabled by default?",
     "Is time zone support in Django 1.4 enabled by default?"),
    # two names that qualify one head make no plural ("What are the Peng and Huang estimator?")
    (["What is the Powell estimator?"], "What about the Peng and Huang estimator?", "What is the Peng and Huang estimator?"),
])
def test_a_pronoun_stands_for_a_verbs_object_or_a_bare_phrase_asked_of_and_joined_names_qualify_one_thing(
        encoder, history, question, expected):
    assert resolve_followup(question, history, encoder).query == expected


@pytest.mark.parametrize(("history", "question", "expected"), [
    # "And" before a whole question ties it on; the question says which kind it is. Both read as a
    # new topic put into the previous question ("What was the primary outcome of the what is the
    # sample size?", "What is mindfulness effective?")
    (["What is CBT?"], "And is mindfulness effective?", "Is mindfulness effective?"),
    # "the sample size" says not whose: the thing the previous question asked about, after its "of"
    (["What was the primary outcome of the LIMIT trial?"], "And what is the sample size?",
     "What is the sample size of the LIMIT trial?"),
    (["How is depression diagnosed?"], "What are the symptoms?", "What are the symptoms of depression?"),
    # ... up to its verb ("the side effects of minocycline was used in BeneMin")
    (["What dose of minocycline was used in BeneMin?"], "And what were the side effects?",
     "What were the side effects of minocycline?"),
    # a thing asked of a passive without saying whose ("What dose is used?" was searched alone)
    (["Does minocycline reduce negative symptoms?"], "What dose is used?", "What dose of minocycline is used?"),
    # a thing of several words, undergoing something in what was asked of, or put to use for it
    # (each was searched alone: "Which brain regions are affected?" found the regions of the
    # neuropsychotherapy page, not those affected in schizophrenia)
    (["What is schizophrenia?"], "Which brain regions are affected?", "Which brain regions are affected in schizophrenia?"),
    (["How is depression treated?"], "Which medications are used?", "Which medications are used for depression?"),
    (["What is the FOCUS trial?"], "Which cognitive tests were used?", "Which cognitive tests were used in the FOCUS trial?"),
    (["What is CMake?"], "Which version is recommended?", "Which version of CMake is recommended?"),
    # a participle's preposition stranded before a circumstance ends the subject ("How is
    # schizophrenia linked to in the brain treated?")
    (["What is schizophrenia linked to in the brain?"], "How is it treated?", "How is schizophrenia treated?"),
    # what "they" found after a question on a study is what the study found, not its rats ("What did
    # rats find?"), its verb made singular; how many were randomised in a study counts its people
    # ("How many FOCUS trials were randomised?")
    (["How many rats were used in the lamina I study?"], "What did they find?", "What did the lamina I study find?"),
    (["How many women took part in the LIMIT trial?"], "What do they conclude?", "What does the LIMIT trial conclude?"),
    (["What is the FOCUS trial?"], "How many were randomised?", "How many were randomised in the FOCUS trial?"),
    # an owner with a place of its own keeps "of" ("Which tests were used in cognition in the FOCUS trial?")
    (["How was cognition assessed in the FOCUS trial?"], "Which tests were used?",
     "Which tests of cognition in the FOCUS trial were used?"),
    # help or work without saying for what: for the previous topic ("Does medication help?" was searched alone)
    (["How is PTSD treated?"], "Does medication help?", "Does medication help with PTSD?"),
    # the phrase a long question ends with is no referent ("Was trial entry significant?")
    # "each" or "either" of what was asked about is searched with that question ("When should I
    # use each?" was searched alone)
    (["What is the difference between a list and a tuple?"], "When should I use each?",
     "When should I use each? (What is the difference between a list and a tuple?)"),
    (["What are CBT and DBT?"], "Is either safe?", "Is either safe? (What are CBT and DBT?)"),
    (["What share of the older HOPE patients were smokers at trial entry?"], "Was it significant?",
     "Was it significant? (What share of the older HOPE patients were smokers at trial entry?)"),
    # "How <adjective> is the ...?" asks about the thing before its relative clause; a subject that
    # holds a question word is a clause ("How was do the trial authors see ... measured?")
    (["How rare is the lupus-like reaction that has been linked to minocycline?"], "How was it measured?",
     "How was the lupus-like reaction measured?"),
    (["What do the trial authors see as the main weakness in how adherence was measured?"], "Who funded it?",
     "Who funded it? (What do the trial authors see as the main weakness in how adherence was measured?)"),
    # a named subject of a long do-question ends at the verb after it ("the risks of placebo after 12 months")
    (["In BeneMin, by how many points did minocycline lower PANSS scores compared with placebo after 12 months?"],
     "Any risks?", "Are there any risks of minocycline?"),
    (["What causes insomnia?"], "Does melatonin work?", "Does melatonin work for insomnia?"),
    # the phrase a pronoun stood for is the topic the next follow-up replaces or owns
    (["What causes depression?", "How is it diagnosed?"], "What are the symptoms?",
     "What are the symptoms of depression?"),
    (["What causes depression?", "How is it diagnosed?"], "And anxiety?", "How is anxiety diagnosed?"),
    # a choice that names nothing to choose among: the two topics just compared, else the question
    (["What is CBT?", "And mindfulness?"], "Which is better?", "Which is better? (CBT or mindfulness)"),
    # or the two a question compares, and a pair "they" stood for stays one ("Which one is better
    # for anxiety?" had been searched with the whole comparison; "they" had pointed at its answer)
    (["What is neuropsychotherapy?", "How does it differ from CBT?"], "Which one is better for anxiety?",
     "Which one is better for anxiety? (neuropsychotherapy or CBT)"),
    (["What is the difference between a list and a tuple?"], "When should I use them?",
     "When should I use a list and a tuple?"),
    (["How does CBT differ from DBT?", "Are they evidence-based?"], "Which is better?", "Which is better? (CBT or DBT)"),
    (["What treatments are there for anxiety?"], "Which works best?",
     "Which works best? (What treatments are there for anxiety?)"),
    # one of the things the previous answer lists: searched with the question that asked for them
    (["What are the types of neuroplasticity?"], "Explain the first one",
     "Explain the first one (What are the types of neuroplasticity?)"),
    (["What are the types of neuroplasticity?", "Explain the first one"], "And the second?",
     "Explain the second (What are the types of neuroplasticity?)"),
    # after "which" comes a noun: "it" is not "change the brain"
    (["Which therapies change the brain?"], "How long does it take?",
     "How long does it take? (Which therapies change the brain?)"),
    # a second short follow-up goes with the question under the first, not with both run together
    (["Does meditation change the brain?", "With what?"], "Which regions?", "Which regions? (Does meditation change the brain?)"),
    # a bare "Why?", "How?" or "When?" after a yes-or-no question asks it of what that question
    # asked (it had been searched beside it)
    (["Did any schools drop out?"], "Why?", "Why did any schools drop out?"),
    (["Does meditation change the brain?"], "How?", "How does meditation change the brain?"),
    (["Does meditation change the brain?", "How?"], "Which regions?", "Which regions? (How does meditation change the brain?)"),
    (["Is depression treatable?"], "With what?", "With what? (Is depression treatable?)"),
    # "mine" is the person's own of what was asked about; "the mine" is a mine
    (["What is neuroplasticity?"], "How can I improve mine?", "How can I improve my neuroplasticity?"),
    (["What is a coal mine?"], "How deep is the mine?", "How deep is the mine?"),
    # "how big", "when", "where" of a bare "the" noun ask of what was just asked about, as "what" does,
    # unless the previous question named that noun
    (["What is FOCUS training?"], "How big were the groups?", "How big were the groups of FOCUS training?"),
    (["Is minocycline safe?"], "How common are the side effects?", "How common are the side effects of minocycline?"),
    (["Do naps help older adults remember?"], "How long was the nap?", "How long was the nap?"),
    # so does "how" of what is done to a bare "the" noun, and the owner goes with the noun, before
    # the participle ("Where are the logs written of ...?" before)
    (["What is the independent filtering?"], "How is the threshold chosen?",
     "How is the threshold of the independent filtering chosen?"),
    (["What does dada2 do?"], "How are the reads filtered?", "How are the reads of dada2 filtered?"),
    (["How do I debug an error in bplapply?"], "Where are the logs written?", "Where are the logs of an error written?"),
    (["What is the LIMIT trial?"], "How was the trial funded?", "How was the trial funded?"),
    # a "the" noun phrase that names its own thing by a name asks of it ("What is the Aalen-Johansen
    # estimate of the first one?" had been asked, and searched with a question about data sets)
    (["How many subjects does the first one have?"], "What is the Aalen-Johansen estimate?", "What is the Aalen-Johansen estimate?"),
    (["Which data sets are used?"], "How is the Kaplan-Meier curve computed?", "How is the Kaplan-Meier curve computed?"),
    # "How many" with its noun left out counts what the previous question asked about
    (["What is a surrogate variable?"], "How many should I use?", "How many surrogate variables should I use?"),
    (["What is a surrogate variable?", "How many should I use?"], "What about with svaseq?",
     "How many surrogate variables should I use with svaseq?"),
    (["What are surrogate variables?"], "How many are needed?", "How many surrogate variables are needed?"),
    # a definite noun phrase that says whose stands alone
    (["What is CBT?"], "What are the two main types of neuroplasticity?", "What are the two main types of neuroplasticity?"),
    # another parameter or option of the program takes the place of the one asked of, not of the
    # program's name ("What does the leave parameter do in ncols?")
    (["What does the leave parameter do in tqdm?"], "And ncols?", "What does the ncols parameter do in tqdm?"),
    (["What does the -J option of ssh do?"], "And -L?", "What does the -L option of ssh do?"),
    # an option after a question that names none is asked of itself, not put in a phrase's place
    # ("How do I set a default node attribute from the -E?")
    (["How do I set a default node attribute from the command line?"], "What about -E?", "What does the -E option do?"),
    (["How do I list the output formats my installation supports?"], "And --verbose?", "What does the --verbose option do?"),
    # what "the Jalali one" said of the calendar is what "the Hijri one" replaces ("How do I use
    # the Jalali the Hijri?")
    (["Which calendars does dateparser support?", "How do I use the Jalali one?"], "And the Hijri one?",
     "How do I use the Hijri calendar?"),
    # what a person asks to do is no thing a noun takes the place of ("Can I caffeine?" before); a
    # verb does, and a noun the verb's object
    (["Can I drive?"], "What about caffeine?", "What about caffeine? (Can I drive?)"),
    (["Can I drive?"], "And swim?", "Can I swim?"),
    (["Can I take ibuprofen?"], "What about paracetamol?", "Can I take paracetamol?"),
    # "it" that was funded or conducted is the study the conversation named, not the outcome asked
    # of since ("Who funded gestational weight gain?" before); a thing that names no study keeps it
    (["What was the LIMIT trial about?", "Were there differences in birth weight?", "What about gestational weight gain?"],
     "Who funded it?", "Who funded the LIMIT trial?"),
    (["What is the FOCUS trial?", "What is cognitive remediation?"], "Where was it conducted?",
     "Where was the FOCUS trial conducted?"),
    (["What is the Eiffel Tower?"], "Who funded it?", "Who funded the Eiffel Tower?"),
    # a bare "the" noun after a question that asked about nothing is of what an earlier one asked about
    (["What was the LIMIT trial about?", "How many women took part?"], "What were the main outcomes?",
     "What were the main outcomes of the LIMIT trial?"),
    # the participle closing "How long is ... kept?" is its verb, no part of the owner ("What are
    # the risks of my data kept?")
    (["How long is my data kept?"], "What are the risks?", "What are the risks of my data?"),
    (["How often is the meter cleaned?"], "What are the risks?", "What are the risks of the meter?"),
    # a clause closing the previous question is no phrase a later one is asked of ("What is the
    # measurement range of left when the symbol appears?", "What are the risks of if I miss a dose?"):
    # with none left, the two are searched together; a clause the verb asks for still names its thing
    (["How many tests are left when the symbol appears?"], "What is the measurement range?",
     "What is the measurement range? (How many tests are left when the symbol appears?)"),
    (["What should I do if I miss a dose?"], "What are the risks?", "What are the risks? (What should I do if I miss a dose?)"),
    (["Can I drive if I feel sleepy?"], "What are the risks?", "What are the risks? (Can I drive if I feel sleepy?)"),
    # a capital "One" ends a product's name, no "one" standing for the last thing asked of
    (["Who makes the meter?"], "Who made the GlucoCheck One?", "Who made the GlucoCheck One?"),
    (["What is the meter?"], "Is the new one better?", "Is the new meter better?"),
    # a do-question's verb ends its subject, "apply" (English writes "applied") too ("What does the
    # policy apply include?"); "when" or "where" with a passive after a modal asks of its subject
    (["Who does the policy apply to?"], "What does it include?", "What does the policy include?"),
    (["Who does the policy apply to?", "Does it apply to maternity?", "When must the risk assessment be done?"],
     "What does it include?", "What does the risk assessment include?"),
    (["Where should the samples be stored?"], "Who keeps them?", "Who keeps the samples?"),
    # nor does "they" stand for words of a closing clause ("Should I move patient falls?")
    (["What should I do if a patient falls?"], "Should I move them?", "Should I move them? (What should I do if a patient falls?)"),
    # after a question asking what a thing applies to, "this" is that thing ("Who does the
    # emergency department apply to?"); the same question for a new case stays one
    (["Who does the policy apply to?"], "Does this apply to the emergency department?",
     "Does the policy apply to the emergency department?"),
    (["Does the rule apply to adults?"], "Does this apply to children?", "Does the rule apply to children?"),
    # "Why?" after a whole question searched with the one before for context asks of that one
    # ("Why? (Who delivered the therapy?)" had asked of the one under it)
    (["Who delivered the therapy?", "Who was excluded?"], "Why?", "Why? (Who was excluded?)"),
    (["Does meditation change the brain?", "How?"], "Why?", "Why does meditation change the brain?"),
    # whether "it" was peer reviewed or published, or its licence, is of the document ("Was the
    # therapy peer reviewed?")
    (["Who delivered the therapy?"], "Was it peer reviewed?", "Was it peer reviewed? (Who delivered the therapy?)"),
    (["Who delivered the therapy?"], "What licence is it under?", "What licence is it under? (Who delivered the therapy?)"),
    (["Who delivered the therapy?"], "Is it effective?", "Is the therapy effective?"),
    # a passive after "how long" or "how often" is of its subject, as after "when" ("the risks of
    # z-drugs be used" had been searched)
    (["How long can z-drugs be used?"], "What are the risks?", "What are the risks of z-drugs?"),
    (["How long should antidepressants be taken?"], "What are the side effects?", "What are the side effects of antidepressants?"),
    # what someone other than the person asking acts on is what "it" stands for, without the time
    # it is done at ("stop zopiclone before CBT-I" and "sertraline before surgery" had stood for it)
    (["Did they have to stop zopiclone before CBT-I?"], "How long did it take to work?", "How long did zopiclone take to work?"),
    (["Do I have to stop sertraline before surgery?"], "Is it addictive?", "Is sertraline addictive?"),
    # "there" and "any" name nothing a pronoun stands for, and an owner-less "Were there any ...?"
    # owns nothing for the next one ("adverse events of there any side effects" had been searched)
    (["Are there any side effects?"], "Are they serious?", "Are side effects serious?"),
    (["Were there any side effects?"], "Were there any adverse events?",
     "Were there any adverse events? (Were there any side effects?)"),
    # where a talk or a poster was presented is of the document ("Where was PHQ-9 presented?")
    (["How much did PHQ-9 scores fall?"], "Where was it presented?", "Where was it presented? (How much did PHQ-9 scores fall?)"),
])
def test_a_question_tied_on_or_naming_no_owner_reads_the_conversation(encoder, history, question, expected):
    assert resolve_followup(question, history, encoder).query == expected


def test_a_claim_whose_comparison_the_evidence_makes_the_other_way_round_is_contradicted(encoder, tmp_path):
    # "more common in men than in women" against "more common in women than in men": every word is
    # the sentence's, so the polarity model read it as support. The sentence as written stays
    # supported, and a comparison of another thing ("thyroid cancer") contradicts nothing.
    from assistant.claims.features import swaps_comparison

    text = ("# Thyroid nodules\n\n## Epidemiology\n\nThyroid nodules are approximately 4 times more common in women "
            "than in men. Most nodules are found by chance on imaging.\n\n## Trials\n\nIn the trial, the new drug was "
            "more effective than placebo at twelve weeks.\n")
    checker = ClaimChecker(searcher_of_file(encoder, tmp_path / "thyroid.md", text))
    verdict = checker.check("Thyroid nodules are more common in men than in women.")
    assert verdict.verdict == "contradicted", verdict
    assert checker.check("Thyroid nodules are more common in women than in men.").verdict == "supported"
    # sides swapped, or the same sides with the opposite comparative, or a negated one
    sentence = "Thyroid nodules are approximately 4 times more common in women than in men."
    assert swaps_comparison("Thyroid nodules are less common in women than in men.", sentence)
    assert swaps_comparison("Thyroid nodules are not more common in women than in men.", sentence)
    assert not swaps_comparison("Thyroid nodules are less common in men than in women.", sentence)
    assert not swaps_comparison("Thyroid cancer is more common in men than in women.", sentence)
    assert swaps_comparison("Placebo is more effective than the new drug.",
                            "In the trial, the new drug was more effective than placebo at twelve weeks.")
    # a preference is a comparison, said in its own verbs ("recommended over" against "should be used
    # instead of": CMake's manual had supported the claim that reverses it); "over" of an amount is none
    advice = "The add_subdirectory command should be used instead of subdirs although subdirs will still work."
    assert swaps_comparison("The subdirs command is recommended over add_subdirectory.", advice)
    assert not swaps_comparison("add_subdirectory is recommended over subdirs.", advice)
    assert swaps_comparison("Exercise is preferred over medication for mild depression.",
                            "For mild depression, medication rather than exercise is recommended.")
    assert not swaps_comparison("The trial lasted over 20 weeks.", "The trial lasted 20 weeks rather than 12.")
    # a comparative that opens a hyphenated word compares as the word alone ("longer-lasting")
    assert swaps_comparison("Sleeping pills have longer-lasting benefits than CBT-I.",
                            "In trials, CBT-I had longer-lasting benefits than sleeping pills.")
    assert not swaps_comparison("CBT-I has longer-lasting benefits than sleeping pills.",
                                "In trials, CBT-I had longer-lasting benefits than sleeping pills.")


def test_a_claim_the_evidence_gives_another_number_or_says_is_done_without_is_contradicted(encoder, tmp_path):
    # "lists 200 instructions" against "lists 96 instructions", and "relies on a trusted kernel"
    # against "without relying on a trusted kernel": every word of the claim is the sentence's, so
    # both came back supported. The claim as written stays supported; a bound ("over 50"), a
    # difference ("10% higher"), a name's number ("COVID-19") and "without" before a noun ("patients
    # without diabetes") contradict nothing.
    from assistant.claims.features import changes_number, negates

    text = ("# Extensions\n\n## Background\n\nThe 386 reference manual lists 96 instructions. Its descendants "
            "acquired floating point and vector extensions.\n\n## Enclaves\n\nSGX runs distrusting enclaves "
            "concurrently without relying on a trusted kernel or hypervisor.\n")
    checker = ClaimChecker(searcher_of_file(encoder, tmp_path / "isa.md", text))
    assert checker.check("The 386 reference manual lists 200 instructions.").verdict == "contradicted"
    assert checker.check("The 386 reference manual lists 96 instructions.").verdict == "supported"
    assert checker.check("SGX relies on a trusted kernel.").verdict == "contradicted"
    sentence = "The 386 reference manual lists 96 instructions."
    assert not changes_number("The 386 reference manual lists over 50 instructions.", sentence)
    assert not changes_number("The 386 reference manual lists 10% more instructions.", sentence)
    assert not changes_number("COVID-19 is common.", "COVID-2019 is common.")
    # an estimate differs from a number more than twice or half it, each the sentence gives of the
    # thing; a version's number is a number; thousands' commas are no decimal point
    overhead = "Overhead is low -- about 60ns per iteration (80ns with tqdm.gui), and is unit tested."
    assert changes_number("tqdm's overhead is about 800ns per iteration.", overhead)
    assert not changes_number("tqdm's overhead is about 70ns per iteration.", overhead)
    assert changes_number("About 1,000,000 people live in the city.", "About 3 million people live in the city.")
    assert not changes_number("About 1,000,000 people live in the city.", "About 1.2 million people live in the city.")
    assert changes_number("It follows the 1.0.0 version of the SemVer scheme.", "It follows strictly the 2.0.0 version "
                          "of the SemVer scheme.")
    assert not changes_number("The city has 1,000 hospitals.", "The city has 1000 hospitals.")
    # a number written as a word is that number; "one" is a pronoun as often
    assert changes_number("There are three main types of neuroplasticity.", "There are two main types of neuroplasticity:")
    assert not changes_number("There are 2 main types of neuroplasticity.", "There are two main types of neuroplasticity:")
    assert not changes_number("One can train the brain.", "Two can train the brain.")
    # a number joined to its unit measures as one set apart does, and a rate counts none of the
    # thing: "for 6 months" against "the 12-month treatment" and "ten schools" against "the three
    # pilot schools ... (average N=153 per school)" had both come back supported
    dose = "Participants take 100 mg minocycline, 2 per day for 2 weeks and 3 per day for the rest of the 12-month treatment."
    assert changes_number("Participants take minocycline for 6 months.", dose)
    assert not changes_number("Participants take minocycline for 12 months.", dose)
    schools = "Across the three pilot schools, 596 students were invited to take part (average N=153 per school)."
    assert changes_number("Students were invited across ten schools.", schools)
    assert not changes_number("Students were invited across three schools.", schools)
    # an adjective may stand between a number and what it counts, and the claim's number is no word
    # the sentence must say: the claim's other words are
    review = ("The literature search identified 21 articles that report five different neuroscience-informed "
              "psychotherapy models specifically designed to overcome the limitations of CBT.")
    assert changes_number("The review reported seven psychotherapy models.", review)
    assert not changes_number("The review reported five psychotherapy models.", review)
    assert changes_number("The review identified 35 articles.", review)
    assert not changes_number("The review identified 21 articles.", review)
    assert not changes_number("The manual lists 200 instructions.", "The manual lists 96 of 200 instructions.")
    assert not negates("Patients with diabetes had a lower risk.", "Patients without diabetes had a lower risk.")


def test_a_claim_the_evidence_gives_another_path_is_contradicted(encoder, tmp_path):
    # A handbook's "AppArmor profiles are stored in /etc/apparmor.d/ ...": the claim "... in
    # /etc/selinux/." came back supported, every other word of it the sentence's. The path as
    # written stays supported (a trailing slash is no difference); "mg/kg" and "receptor /CD3" are
    # no paths, and a sentence that also names the claim's path changes nothing.
    from assistant.claims.features import changes_path

    text = ("# Security modules\n\n## AppArmor\n\nAppArmor is a mandatory access control system built on the "
            "security modules interface of the kernel. AppArmor profiles are stored in /etc/apparmor.d/ and they "
            "contain a list of access control rules on resources that each program can make use of.\n")
    checker = ClaimChecker(searcher_of_file(encoder, tmp_path / "security.md", text))
    assert checker.check("AppArmor profiles are stored in /etc/selinux/.").verdict == "contradicted"
    assert checker.check("AppArmor profiles are stored in /etc/apparmor.d.").verdict == "supported"
    assert changes_path("The mirror is https://deb.example.org/debian.", "The mirror is https://ftp.example.net/debian.")
    assert not changes_path("The dose was 5 mg/kg daily.", "The dose was 10 mg/kg daily.")
    assert not changes_path("T cell receptor /CD3 microdomains are required.", "T cell receptor /CD4 microdomains are required.")
    assert not changes_path("Keys are kept in /etc/ssl/private.", "Keys are kept in /etc/ssl/private or in /srv/keys.")


def test_a_claim_the_evidence_gives_another_bound_is_contradicted(encoder, tmp_path):
    # A school network's manual: "The first user's password must have at least 8 characters." came
    # back supported by "... must have a length of at least 5 characters ...": a requirement's
    # least (or most) at another number is another requirement. The bound as written stays
    # supported; a sentence with the claim's number too changes nothing; "more than" (which 100
    # satisfies where 50 is said) is no requirement's bound.
    from assistant.claims.features import changes_bound

    text = ("# Installing\n\n## The first user\n\nAfter giving the root password, you create a normal user account. "
            "The password for this user must have a length of at least 5 characters and must differ from the "
            "username. The account is used to manage the school network.\n")
    checker = ClaimChecker(searcher_of_file(encoder, tmp_path / "manual.md", text))
    assert checker.check("The first user's password must have at least 8 characters.").verdict == "contradicted"
    assert checker.check("The first user's password must have at least 5 characters.").verdict == "supported"
    assert changes_bound("Take a maximum of 4 tablets a day.", "Take a maximum of 8 tablets a day.")
    assert not changes_bound("Take a maximum of 4 tablets a day.", "Take a maximum of 4 tablets a day, or 8 tablets in hospital.")
    assert changes_bound("Take a maximum of 4 tablets a day.", "Take at least 2 tablets and a maximum of 8 tablets a day.")
    assert not changes_bound("More than 100 patients were enrolled.", "More than 50 patients were enrolled.")


def test_a_claim_the_evidence_gives_other_years_is_contradicted():
    # "The Skolelinux project was founded in 2005." came back supported by "... was founded on July
    # 2nd 2001 ...". A sentence naming the claim's year too, a count ("2001 patients") and a claim
    # naming two years change nothing.
    from assistant.claims.features import changes_year

    sentence = "The Skolelinux project in Norway was founded on July 2nd 2001 and Debian-Edu started in France."
    assert changes_year("The Skolelinux project was founded in 2005.", sentence)
    assert not changes_year("The Skolelinux project was founded in 2001.", sentence)
    assert not changes_year("The Skolelinux project was founded in 2005.", sentence.replace("2001", "2001 (renamed in 2005)"))
    assert not changes_year("The trial enrolled 2005 patients.", "The trial enrolled 2001 patients in 2010.")
    assert not changes_year("The project ran from 2001 to 2005.", "The project ran from 2001 to 2006.")


def test_a_claim_of_what_happens_by_default_is_contradicted_by_a_default_that_denies_it(encoder, tmp_path):
    # Python's json docs: "json.dumps sorts dictionary keys by default." came back supported by "If
    # sort_keys is true (default: False), then the output of dictionaries will be sorted by key". A
    # claim that it does not, or one that says nothing of a default, is not denied by it; "(the
    # default)" gives no value.
    from assistant.claims.features import changes_default

    text = ("# Basic usage\n\njson.dumps(obj, *, skipkeys=False, ensure_ascii=True, sort_keys=False): Serialize obj to "
            "a JSON formatted str. If sort_keys is true (default: False), then the output of dictionaries will be sorted "
            "by key; this is useful for regression tests to ensure that JSON serializations can be compared.\n")
    checker = ClaimChecker(searcher_of_file(encoder, tmp_path / "json.md", text))
    assert checker.check("json.dumps sorts dictionary keys by default.").verdict == "contradicted"
    sentence = "If sort_keys is true (default: False), then the output of dictionaries will be sorted by key."
    assert not changes_default("json.dumps does not sort dictionary keys by default.", sentence)
    assert not changes_default("json.dumps sorts dictionary keys.", sentence)
    assert changes_default("The parser does not follow links by default.", "follow_links: whether the parser follows links "
                           "(default: True).")
    assert not changes_default("json.dumps escapes non-ASCII characters by default.", "If ensure_ascii is true (the "
                               "default), the output has all incoming non-ASCII characters escaped.")


def test_a_claim_limited_to_a_case_is_contradicted_by_a_sentence_that_says_not_just_that_case(encoder, tmp_path):
    # dplyr's row-wise vignette: "rowwise() only works with functions that return a length-1
    # vector." came back supported by "rowwise() doesn't just work with functions that return a
    # length-1 vector ...". A claim without "only", or one whose "only" limits its subject, is not
    # denied by "not just".
    from assistant.claims.features import widens

    text = ("# Repeated function calls\n\nrowwise() doesn't just work with functions that return a length-1 vector "
            "(aka summary functions); it can work with any function if the result is a list. This means that "
            "rowwise() and mutate() provide an elegant way to call a function many times with varying arguments.\n")
    checker = ClaimChecker(searcher_of_file(encoder, tmp_path / "rowwise.md", text))
    assert checker.check("rowwise() only works with functions that return a length-1 vector.").verdict == "contradicted"
    sentence = "rowwise() doesn't just work with functions that return a length-1 vector."
    assert not widens("rowwise() works with functions that return a length-1 vector.", sentence)
    assert not widens("Only rowwise() works with functions that return a length-1 vector.", sentence)
    assert widens("Aspirin is given solely to patients with diabetes.", "Aspirin is not only given to patients with diabetes.")


def test_a_claim_said_to_hold_without_limit_is_contradicted_by_a_sentence_that_limits_it(encoder, tmp_path):
    # ssh's manual: "The escape character is recognized anywhere in a line." came back supported
    # by "The escape character is only recognized at the beginning of a line.": every word of the
    # claim but "anywhere" is the sentence's. "Not only" widens, and a claim with "only" is no
    # claim without limit.
    from assistant.claims.features import restricts

    text = ("# ESCAPE CHARACTERS\n\nWhen a pseudo-terminal has been requested, ssh supports a number of functions "
            "through the use of an escape character. The escape character is only recognized at the beginning of a "
            "line. The escape character can be changed in configuration files.\n")
    checker = ClaimChecker(searcher_of_file(encoder, tmp_path / "ssh.md", text))
    assert checker.check("The escape character is recognized anywhere in a line.").verdict == "contradicted"
    assert checker.check("The escape character is recognized at the beginning of a line.").verdict == "supported"
    sentence = "Aspirin reduced the risk of stroke only in patients with diabetes."
    assert restricts("Aspirin reduces the risk of stroke in all patients.", sentence)
    assert not restricts("Aspirin reduces the risk of stroke in all patients.",
                         "Aspirin reduced the risk of stroke not only in patients with diabetes.")
    assert not restricts("Aspirin reduces the risk of stroke only in patients with diabetes.", sentence)
    assert not restricts("Aspirin reduces the risk of stroke in all patients.", "Only aspirin was given.")
    # "very few" and "rarely" say a small part of what the claim says of all; "not a few" says many
    assert restricts("pycparser supports all GCC extensions.", "pycparser supports very few GCC extensions, but it is "
                     "fairly easy to set things up so that it parses code with GCC-isms.")
    assert restricts("The escape character is always recognized.", "The escape character is rarely recognized.")
    assert not restricts("pycparser supports all GCC extensions.", "pycparser supports not a few GCC extensions.")


def test_a_bound_given_for_each_of_two_things_in_clauses_of_their_own_is_read_per_clause():
    # The GFDL bounds two texts in one sentence; "a Front-Cover Text may be at most 10 words" came
    # back supported, the sentence giving "at most" words two numbers. Each clause bounds one thing:
    # the front cover's clause says 5, and the back cover's 25 is no bound of the front cover's.
    from assistant.claims.features import changes_bound

    sentence = "A Front-Cover Text may be at most 5 words, and a Back-Cover Text may be at most 25 words."
    assert changes_bound("Under the GFDL, a Front-Cover Text may be at most 10 words.", sentence)
    assert changes_bound("A Back-Cover Text may be at most 5 words.", sentence)
    assert not changes_bound("Under the GFDL, a Front-Cover Text may be at most 5 words.", sentence)
    assert not changes_bound("Under the GFDL, a Back-Cover Text may be at most 25 words.", sentence)


def test_a_claim_about_the_thing_another_is_set_against_is_not_supported(encoder, tmp_path):
    # A poster's manual: "Static frames are re-typeset on each page." came back supported by "A
    # dynamic frame is similar to a static frame, but its contents are re-typeset on each page.":
    # what follows "but" holds of the dynamic frame alone. The claim about the dynamic frame stays
    # supported, and so does one about a thing a sentence says is like another ("Like X, Y ...").
    from assistant.claims.features import contrasts

    text = ("# Frames\n\n## Static frames\n\nA static frame is a rectangular area into which text neither flows in "
            "nor out.\n\n## Dynamic frames\n\nA dynamic frame is similar to a static frame, but its contents are "
            "re-typeset on each page.\n")
    checker = ClaimChecker(searcher_of_file(encoder, tmp_path / "frames.md", text))
    assert checker.check("Static frames are re-typeset on each page.").verdict != "supported"
    assert checker.check("Dynamic frames are re-typeset on each page.").verdict == "supported"
    claim = "Melatonin is licensed for children."
    assert contrasts(claim, "Unlike melatonin, zopiclone is licensed for children.")
    assert not contrasts(claim, "Unlike zopiclone, melatonin is licensed for children.")
    assert not contrasts(claim, "Like zopiclone, melatonin is licensed for children.")


def test_a_sentence_holding_every_term_of_the_claim_is_evidence_whatever_the_detector_says(encoder, tmp_path):
    # The evidence detector, trained on SciFact's paraphrased rationales, gave "... rarefaction
    # curves can cross." 0.13 for "Rarefaction curves never cross.", under its bar: the claim came
    # back with no evidence. A sentence holding all the claim's terms (its "never" aside) is
    # evidence; a claim of fewer than three terms is not judged so, nor a sentence missing one.
    from assistant.claims.features import holds_claim_terms

    text = ("# Rarefaction\n\nSpecies richness increases with sample size, so richness is rarefied to the same number "
            "of individuals before sites are compared. However, rank orders typically differ among different "
            "rarefaction sample sizes, rarefaction curves can cross.\n\n## Accumulation\n\nSpecies accumulation "
            "models study how species accumulate when the number of sites increases.\n")
    checker = ClaimChecker(searcher_of_file(encoder, tmp_path / "diversity.md", text))
    verdict = checker.check("Rarefaction curves never cross.")
    assert verdict.verdict == "contradicted" and "curves can cross" in verdict.evidence[0].text, verdict
    held = holds_claim_terms("Rarefaction curves never cross.", ["Rarefaction curves can cross.", "Rarefaction curves differ."])
    assert held.tolist() == [True, False]
    assert not holds_claim_terms("Curves cross.", ["Rarefaction curves can cross."]).any()


def test_an_faq_answer_says_yes_or_no_to_its_headings_question(encoder, tmp_path):
    # An FAQ answers "Does the clinic accept walk-in patients?" with "Yes!" and says why in the
    # next sentence, which repeats none of the claim's words: "The clinic does not accept walk-in
    # patients." had come back with no evidence. The answer's word says yes or no to the heading's
    # question; "No." to a question the claim asserts contradicts it, and the evidence shown is the
    # answer with what follows it. A text file's FAQ labels its questions and answers ("Q: ...?"
    # heads the "A: Yes." under it).
    markdown = ("# Frequently asked questions\n\n## Does the clinic accept walk-in patients?\n\nYes!\n\nAnyone can come "
                "between nine and five without an appointment, and a nurse sees them the same day.\n\n"
                "## Is therapy covered by national insurance?\n\nNo. Sessions are paid privately, and some employers "
                "refund part of the fee.\n\n## Why are sessions fifty minutes long?\n\nTen minutes between sessions let "
                "the therapist write notes.\n")
    labelled = ("Clinic questions and answers\n\nQ: Does the clinic accept walk-in patients?\nA: Yes. Anyone can come "
                "between nine and five without an appointment, and a nurse sees them the same day.\n\nQ: Is therapy "
                "covered by national insurance?\nA: No. Sessions are paid privately, and some employers refund part of "
                "the fee.\n")
    for name, text, (yes, no) in (("faq.md", markdown, ("Yes!\n\nAnyone can come", "No. Sessions")),
                                  ("faq.txt", labelled, ("A: Yes. Anyone can come", "A: No. Sessions"))):
        checker = ClaimChecker(searcher_of_file(encoder, tmp_path / name, text))
        denied = checker.check("The clinic does not accept walk-in patients.")
        assert denied.verdict == "contradicted" and denied.evidence[0].text.startswith(yes), (name, denied)
        affirmed = checker.check("The clinic accepts walk-in patients.")
        assert affirmed.verdict == "supported" and affirmed.evidence[0].text.startswith(yes), (name, affirmed)
        covered = checker.check("Therapy is covered by national insurance.")
        assert covered.verdict == "contradicted" and covered.evidence[0].text.startswith(no), (name, covered)


@pytest.mark.skipif(not (PDF_QA / "keeping-children-safe-recruitment-trials-2015.pdf").exists(), reason="needs ../shared/pdf-qa")
def test_a_sentence_holding_the_claims_terms_by_an_abbreviation_is_evidence_and_comes_first(encoder):
    # A trial's report defines "children's centres (CCs)" and then says "CCs": the sentence that
    # answers "None of the children's centres withdrew from the study." holds the claim's terms only
    # as the document spells the abbreviation out, and a sentence the detector scores higher, on the
    # centres' role in other countries, had been shown first and decided the verdict.
    from assistant.config import ChunkingParams
    from assistant.ingest import load_file

    path = PDF_QA / "keeping-children-safe-recruitment-trials-2015.pdf"
    searcher = Searcher(encoder=encoder, index=MemoryIndex([load_file(path, path.name)[0]], encoder, ChunkingParams()))
    verdict = ClaimChecker(searcher).check("None of the children's centres withdrew from the study.")
    assert verdict.verdict == "supported" and verdict.evidence[0].text == "None of the 36 CCs withdrew from the study.", verdict


def test_a_papers_author_list_is_no_evidence_and_its_named_study_is_this_project(encoder, tmp_path):
    # "The LIMIT trial was funded by the NHMRC." had been supported by the paper's list of authors
    # ("... For the LIMIT Randomised Trial Group"), and its funding statement, which calls the trial
    # "this project", was no evidence: a byline says nothing a claim could agree with, and a sentence
    # of the paper the claim names holds the terms its title gives ("the LIMIT trial").
    limit = (
        "# The effects of antenatal lifestyle advice: the LIMIT randomised trial\n\n"
        "Jodie M Dodd, Courtney Cramp, Zhixian Sui, Lisa N Yelland and For the LIMIT Randomised Trial Group\n\n"
        "## Methods\n\nWomen were randomised to lifestyle advice or standard care.\n\n## Funding\n\n"
        "This project was funded by a four-year project grant from the NHMRC, Australia.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"limit.md": limit, **OTHER_DOCUMENT}))
    funded = checker.check("The LIMIT trial was funded by the NHMRC.")
    assert funded.verdict == "supported" and funded.evidence[0].text.startswith("This project was funded"), funded
    assert not any(e.text.startswith("Jodie M Dodd") for e in funded.evidence), funded
    # a claim of who wrote it may still find them
    wrote = checker.check("Courtney Cramp is an author of the LIMIT trial paper.")
    assert any(e.text.startswith("Jodie M Dodd") for e in wrote.evidence), wrote


def test_who_paid_for_a_study_is_read_in_its_acknowledgements_in_other_words(encoder, tmp_path):
    # "The hand hygiene study was funded by the Medical Research Council." had found no evidence:
    # the paper says so in its Acknowledgments ("This work was supported by the UK Medical Research
    # Council"), a section of declarations no claim's words named, in other words than "funded", and
    # calls its study by its title's "Trial".
    calm = ("# The CALM randomised controlled trial of mindfulness for carers\n\n## Methods\n\nThe CALM trial tested "
            "eight weekly mindfulness sessions in carers of people with dementia. Carers on a waiting list formed the "
            "control group.\n\n## Results\n\nStress fell more in the mindfulness group than in the control group.\n\n"
            "## Acknowledgements\n\nWe thank the carers who took part. This work was supported by the Wellcome Trust "
            "(grant 123456).\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"calm.md": calm, **OTHER_DOCUMENT}))
    for claim in ("The CALM trial was funded by the Wellcome Trust.", "The carers mindfulness study was funded by the Wellcome Trust."):
        funded = checker.check(claim)
        assert funded.verdict == "supported" and "supported by the Wellcome Trust" in funded.evidence[0].text, (claim, funded)
    assert checker.check("The CALM trial was funded by the Gates Foundation.").verdict != "supported"
    # thanks are still no evidence of what the study found
    assert not any("We thank" in e.text for e in checker.check("Mindfulness reduced stress in carers.").evidence)


def test_a_funder_named_by_a_phrase_the_named_paper_writes_elsewhere_is_still_what_the_claim_says_of_it(encoder, tmp_path):
    # "The BeneMin trial is funded by the Wellcome Trust." had been supported by "The project is
    # funded by the EME Programme": the paper names a "Wellcome Trust Centre" among its sites, so the
    # phrase counted as a name of the paper, not as the funder the claim names; and "Wellcome", no
    # word of the model's vocabulary, was no name a sentence must hold. A phrase names a paper only
    # where that paper alone writes it; every word of a name of several is one to hold.
    from assistant.search import names_missing

    assert names_missing("The trial is funded by the Wellcome Trust.", "funded by the EME Programme, an NHS Trust") == ["Wellcome"]
    benemin = ("# The benefit of minocycline in early psychosis (BeneMin): study protocol\n\n## Methods\n\nScans take place "
               "at the Wellcome Trust Centre for Neuroimaging and at Salford.\n\n## Acknowledgements\n\nThe project is "
               "funded by the Efficacy and Mechanisms Evaluation Programme.\n")
    nk1 = ("# Lamina I projection neurons in the rat\n\n## Acknowledgements\n\nFinancial support from the Wellcome Trust "
           "is gratefully acknowledged.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"benemin.md": benemin, "nk1.md": nk1, **OTHER_DOCUMENT}))
    verdict = checker.check("The BeneMin trial is funded by the Wellcome Trust.")
    assert verdict.verdict != "supported", verdict
    assert checker.check("The BeneMin trial is funded by the Efficacy and Mechanisms Evaluation Programme.").verdict == "supported"


def test_none_of_a_group_negates_what_the_group_did_and_a_named_study_is_the_papers(encoder, tmp_path):
    # "None of the children's centres withdrew from the Keeping Children Safe study." had found no
    # evidence: the paper's title never says "Keeping Children Safe", so its "None of the 36 CCs
    # withdrew from the study." lacked the claim's name; and "None of" negated only the number after
    # it, so "Children's centres withdrew ..." had been supported by a sentence that says none did.
    from assistant.claims.features import negates

    assert negates("Children's centres withdrew from the study.", "None of the 36 children's centres withdrew from the study.")
    assert not negates("None of the centres withdrew from the study.", "None of the 36 centres withdrew from the study.")
    kcs = ("# Recruitment and retention in a randomised controlled trial in children's centres\n\n## Methods\n\n"
           "The Keeping Children Safe study recruited families through children's centres (CCs) in four study areas. "
           "Each CC was paid for its staff time.\n\n## Results\n\nFamilies were recruited from 36 CCs. "
           "None of the 36 CCs withdrew from the study. Retention of families was highest in the smallest areas.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"kcs.md": kcs, **OTHER_DOCUMENT}))
    none = checker.check("None of the children's centres withdrew from the Keeping Children Safe study.")
    assert none.verdict == "supported" and none.evidence[0].text == "None of the 36 CCs withdrew from the study.", none
    some = checker.check("Children's centres withdrew from the Keeping Children Safe study.")
    assert some.verdict == "contradicted" and some.evidence[0].text == "None of the 36 CCs withdrew from the study.", some


def test_a_claim_opening_with_a_papers_name_is_read_against_that_papers_sentences(encoder, tmp_path):
    # "Minocycline has low toxicity." had found no evidence: its paper says "The medication has low
    # toxicity", and a claim's first word had never been read as a name; "... high toxicity" says
    # the one word otherwise, which a rule reads, though the sentence lacks that word.
    mino = ("# The benefit of minocycline on negative symptoms of psychosis\n\n## Discussion\n\nNegative symptoms are "
            "hard to treat. The medication has low toxicity and is not expensive to manufacture, hence it could be a "
            "straightforward addition to standard care.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"mino.md": mino, **OTHER_DOCUMENT}))
    assert checker.searcher.named_document("Minocycline has low toxicity.") is not None
    assert checker.searcher.named_document("Deep sleep consolidates memories.") is None  # an English word opens it
    low = checker.check("Minocycline has low toxicity.")
    assert low.verdict == "supported" and low.evidence[0].text.startswith("The medication has low toxicity"), low
    high = checker.check("Minocycline has high toxicity.")
    assert high.verdict == "contradicted" and high.evidence[0].text.startswith("The medication has low toxicity"), high


def test_a_share_under_half_of_what_the_claim_says_most_do_contradicts_it(encoder, tmp_path):
    # "Most participants downloaded the app." against "only 15 participants (2%) downloaded the
    # app": a share under half of what the claim says most do contradicts it, over half "few"; the
    # part of the sentence saying the claim's words gives the share ("383 ... (52%) had completed the
    # task" is another part), and a change by a percentage is no share of a group.
    from assistant.claims.features import changes_share

    results = ("At 6 months only 383 of the 736 participants (52%) had completed the task, only 8 participants (1%) "
               "had made a plan and only 15 participants (2%) downloaded the app.")
    assert changes_share("Most participants downloaded the app.", results)
    assert changes_share("Few participants completed the task.", results)
    assert not changes_share("Most participants completed the task.", results)
    assert not changes_share("Participants downloaded the app.", results)
    assert not changes_share("Most patients improved.", "Symptoms improved by 30% in patients.")
    uni = (
        "# A health app for new university students (U@Uni): a randomised trial\n\n## Method\n\nParticipants "
        "downloaded the app from the study website after an email invited them.\n\n## Results\n\n" + results + "\n")
    verdict = ClaimChecker(searcher_of_files(encoder, tmp_path, {"uni.md": uni, **OTHER_DOCUMENT})).check(
        "Most participants downloaded the app.")
    assert verdict.verdict == "contradicted" and "(2%) downloaded the app" in verdict.evidence[0].text, verdict


@pytest.mark.skipif(not (PDF_QA / "u-at-uni-students-bmcpublichealth-2014.pdf").exists(), reason="needs ../shared/pdf-qa")
def test_a_sentence_reversing_the_claims_words_comes_before_one_that_mentions_them(encoder, tmp_path):
    # U@Uni's Methods say participants were "invited to download a smartphone app" (the detector
    # scores it 0.54) and its Results that "only 15 participants (2%) downloaded the app" (0.27):
    # both hold the claim's terms, and the one a rule reads as saying them the other way decides.
    from assistant.config import ChunkingParams
    from assistant.ingest import load_file

    path = PDF_QA / "u-at-uni-students-bmcpublichealth-2014.pdf"
    (tmp_path / "sleep.md").write_text(OTHER_DOCUMENT["sleep.md"])  # a second document, as a collection has
    docs = [load_file(path, path.name)[0], load_file(tmp_path / "sleep.md", "sleep.md")[0]]
    checker = ClaimChecker(Searcher(encoder=encoder, index=MemoryIndex(docs, encoder, ChunkingParams())))
    verdict = checker.check("Most U@Uni intervention participants downloaded the app.")
    assert verdict.verdict == "contradicted" and "(2%) downloaded the app" in verdict.evidence[0].text, verdict


def test_a_sentence_of_the_named_study_reverses_the_claim_without_the_words_naming_it(encoder, tmp_path):
    # "The patients and treatment providers will not be blinded." says "blinded" with a "not" but
    # too few of the claim's words while "FOCUS trial" counted among them: the paper's sentences
    # leave its name out, so the rules read the claim without it ("randomised, blinded" had
    # supported the claim).
    from assistant.search.searcher import naming_words

    title = "The FOCUS trial: cognitive remediation plus standard treatment for patients at risk of psychosis"
    assert naming_words("Patients in the FOCUS trial are blinded to their treatment.", title) == {"FOCUS", "trial"}
    focus = (
        f"# {title}\n\n## Methods\n\nThe FOCUS trial is a randomised, blinded, parallel-group trial enrolling 126 patients "
        "who receive treatment for a year.\n\n### Blinding\n\nThe patients and treatment providers will not be blinded.\n")
    verdict = ClaimChecker(searcher_of_files(encoder, tmp_path, {"focus.md": focus, **OTHER_DOCUMENT})).check(
        "Patients in the FOCUS trial are blinded to their treatment.")
    assert verdict.verdict == "contradicted" and verdict.evidence[0].text.startswith("The patients and treatment"), verdict


def test_another_count_of_what_the_named_review_counts_contradicts_the_claim(encoder, tmp_path):
    # "The review identified 30 articles." had found no evidence: "the review" followed by its verb
    # names the one document titled a review, and "The literature search ... identified 21 articles"
    # holds the claim's other terms with that title, so its other count contradicts the claim.
    review = (
        "# Neuroscience-informed psychotherapy: a narrative review\n\nThe literature search on online databases "
        "identified 21 articles that report five different models. Most models lack evidence from clinical trials.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"review.md": review, **OTHER_DOCUMENT})
    assert searcher.named_document("The review identified 30 articles.") == 0
    assert searcher.named_document("The review process took a year.") is None
    checker = ClaimChecker(searcher)
    assert checker.check("The review identified 30 articles.").verdict == "contradicted"
    assert checker.check("The review identified 21 articles.").verdict == "supported"


def test_a_list_item_or_a_table_row_is_read_with_the_line_it_stands_under(encoder, tmp_path):
    # A leaflet lists its drug's common side effects under a lead-in and its doses in a table: "•
    # diarrhoea" says diarrhoea is a common side effect only under "Common side effects of Zolmera
    # ...:", and "Depression | 50 mg a day" what dose only under its header row. "Diarrhoea is a
    # common side effect of Zolmera." had been supported by the lead-in, which names no diarrhoea.
    from assistant.chunking import lead_line

    leaflet = ("# Zolmera: a guide for patients\n\n## Side effects\n\nCommon side effects of Zolmera happen in more than "
               "1 in 100 people:\n\n- feeling sick\n- diarrhoea\n- headache\n\n## Doses\n\n"
               "| Condition | Starting dose | Usual maximum |\n|---|---|---|\n| Depression | 50 mg a day | 200 mg a day |\n"
               "| Panic disorder | 25 mg a day | 200 mg a day |\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"zolmera.md": leaflet, **OTHER_DOCUMENT}))
    verdict = checker.check("Diarrhoea is a common side effect of Zolmera.")
    assert verdict.verdict == "supported" and verdict.evidence[0].text == "• diarrhoea", verdict
    # a row is read column by column, in the column whose header the claim names: another
    # starting dose contradicts it, the maximum's 200 mg beside the right one does not
    wrong = checker.check("The starting dose of Zolmera for depression is 100 mg a day.")
    assert wrong.verdict == "contradicted" and wrong.evidence[0].text.startswith("Depression |"), wrong
    right = checker.check("The starting dose of Zolmera for panic disorder is 25 mg a day.")
    assert right.verdict == "supported" and right.evidence[0].text.startswith("Panic disorder |"), right
    text = checker.searcher.index.document(0).text
    assert lead_line(text, text.index("• headache")) == "Common side effects of Zolmera happen in more than 1 in 100 people:"
    assert lead_line(text, text.index("Panic disorder")) == "Condition | Starting dose | Usual maximum"
    assert lead_line(text, text.index("Condition |")) == ""  # the header row stands under nothing
    assert lead_line(text, text.index("Common side effects")) == ""  # nor does prose


def test_a_claim_saying_how_often_is_contradicted_by_another_frequency(encoder, tmp_path):
    # "once a day" against "twice a day": every other word is the sentence's, and neither counts a
    # thing by a number, so the claim had been supported. How often is a number of a unit of time.
    from assistant.claims.features import changes_number

    leaflet = ("# Lumofen tablets\n\n## How to take Lumofen\n\nTake the tablets twice a day with food. Swallow them whole "
               "with a glass of water.\n\n## Storage\n\nKeep the tablets below 25 degrees.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"lumofen.md": leaflet, **OTHER_DOCUMENT}))
    once = checker.check("Take the tablets once a day.")
    assert once.verdict == "contradicted" and once.evidence[0].text.startswith("Take the tablets twice a day"), once
    assert checker.check("Take the tablets twice a day.").verdict == "supported"
    assert changes_number("Take the tablets 3 times a day.", "Take the tablets twice daily.")
    assert not changes_number("Take the tablets twice daily.", "Take the tablets twice a day.")
    # a span of days is no frequency
    assert not changes_number("Take the tablets for 3 days.", "Take the tablets twice a day for 3 days.")


def test_a_claim_giving_a_span_of_time_far_from_its_sentences_is_contradicted(encoder, tmp_path):
    # "within a few days" against "4 to 6 weeks": another unit, and no number of the same thing for
    # `changes_number`, so the claim had been supported. Spans that overlap or lie near contradict
    # nothing, and a rate ("50 mg a day", "twice a day") is no span.
    from assistant.claims.features import changes_span

    leaflet = ("# Zolmera: a guide for patients\n\n## How to take it\n\nTake 50 mg of Zolmera a day. It usually takes "
               "4 to 6 weeks for Zolmera to work fully.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"zolmera.md": leaflet, **OTHER_DOCUMENT}))
    days = checker.check("Zolmera works within a few days.")
    assert days.verdict == "contradicted" and days.evidence[0].text.startswith("It usually takes 4 to 6 weeks"), days
    assert checker.check("Zolmera takes 4 to 6 weeks to work fully.").verdict == "supported"
    sentence = "It usually takes 4 to 6 weeks for Zolmera to work fully."
    assert changes_span("Zolmera takes a year to work fully.", sentence)
    assert not changes_span("Zolmera works fully within 6 weeks.", sentence)  # overlaps
    assert not changes_span("Zolmera takes a month to work fully.", sentence)  # near
    assert not changes_span("Take Zolmera for 3 days.", "Take Zolmera twice a day.")
    assert not changes_span("Take 50 mg of Zolmera for 3 weeks.", "Take 50 mg of Zolmera a day.")


def test_a_claim_giving_another_value_than_the_table_cell_it_names_is_contradicted(encoder, tmp_path):
    # A results table gives each arm's value in a column: "14.2 with digital CBT-I" is the other
    # arm's value, and "90%" no arm's; both had been supported (a row giving several numbers, and a
    # number under "(%)" written without its unit, had changed none).
    results = ("# The SLEEPWELL trial\n\nThe SLEEPWELL trial randomised 240 adults with chronic insomnia.\n\n"
               "## Outcomes at 8 weeks\n\n| Outcome | Digital CBT-I | Sleep hygiene |\n|---|---|---|\n"
               "| Insomnia Severity Index | 9.1 | 14.2 |\n| Sleep efficiency (%) | 86 | 78 |\n| Dropout (%) | 12 | 9 |\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"sleepwell.md": results, **OTHER_DOCUMENT}))
    for claim in ("The Insomnia Severity Index was 14.2 with digital CBT-I.", "Sleep efficiency was 90% with digital CBT-I."):
        verdict = checker.check(claim)
        assert verdict.verdict == "contradicted" and " | " in verdict.evidence[0].text, (claim, verdict)
    # and the cell holding the claim's number is evidence for it, whatever the detector makes of a row
    for claim in ("The Insomnia Severity Index was 9.1 with digital CBT-I.", "Sleep efficiency was 78% with sleep hygiene.",
                  "Dropout was 9% in the sleep hygiene group."):
        verdict = checker.check(claim)
        assert verdict.verdict == "supported" and " | " in verdict.evidence[0].text, (claim, verdict)
    from assistant.chunking import TableCell, table_cells

    assert table_cells("Outcome | Digital CBT-I | Sleep hygiene", "Sleep efficiency (%) | 86 | 78") == [
        TableCell("Sleep efficiency", "Digital CBT-I", "86%"), TableCell("Sleep efficiency", "Sleep hygiene", "78%")]


def test_a_claim_making_a_trials_comparison_of_the_other_group_is_contradicted(encoder, tmp_path):
    # "more common in the sleep hygiene group" against "more common in the CBT-I group": every other
    # word is the sentence's, so the claim had been supported. The other way round of the other
    # group says the same, and another symptom is no such claim.
    report = ("# The SLEEPWELL trial\n\n## Adverse events\n\nNo serious adverse events were reported. Daytime "
              "sleepiness was more common in the CBT-I group during the first two weeks.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"sleepwell.md": report, **OTHER_DOCUMENT}))
    verdict = checker.check("Daytime sleepiness was more common in the sleep hygiene group.")
    assert verdict.verdict == "contradicted" and verdict.evidence[0].text.startswith("Daytime sleepiness"), verdict
    from assistant.claims.features import swaps_group

    sentence = "Daytime sleepiness was more common in the CBT-I group during the first two weeks."
    assert not swaps_group("Daytime sleepiness was less common in the sleep hygiene group.", sentence)
    assert not swaps_group("Headache was more common in the sleep hygiene group.", sentence)
    assert not swaps_group("Daytime sleepiness was more common in the CBT-I group.", sentence)


def test_an_irregular_verbs_past_forms_hold_the_verb_for_a_claims_terms():
    # "Sertraline is taken twice a day." against "Take sertraline twice a day": the stemmer keeps
    # "taken" apart from "take" (as "given" from "give", "written" from "write"), so the sentence
    # had not held the claim's terms.
    from assistant.claims.features import holds_claim_terms

    assert holds_claim_terms("Sertraline is taken twice a day.", ["Take sertraline twice a day, in the morning."]).all()
    assert holds_claim_terms("The drug was given to all children.", ["Nurses give the drug to all children."]).all()
    assert not holds_claim_terms("The drug was given to all children.", ["Nurses take the drug to all children."]).any()


def test_a_sentence_is_read_against_a_claim_with_the_heading_it_stands_under(faq_checker):
    # A page of questions and answers leaves its topic to the heading: "Men are diagnosed more
    # often than women" says ADHD nowhere, so the swapped comparison went unread (the claim's side
    # "women diagnosed ADHD" was not all the sentence's) and the claim came back supported; "There
    # is no single test." under "How is ADHD diagnosed?" says neither ADHD nor diagnosed, and a
    # single blood test was not found.
    from assistant.claims.features import swaps_comparison

    checker = faq_checker
    swapped = checker.check("Women are diagnosed with ADHD more often than men.")
    assert swapped.verdict == "contradicted" and swapped.evidence[0].text.startswith("Men are diagnosed"), swapped
    single = checker.check("ADHD can be diagnosed with a single blood test.")
    assert single.verdict == "contradicted" and single.evidence[0].text.startswith("There is no single test"), single
    claim = "Women are diagnosed with ADHD more often than men."
    said = "Men are diagnosed more often than women, but the gap is narrower in adults than in children."
    assert not swaps_comparison(claim, said) and swaps_comparison(claim, f"{said}\nHow common is ADHD in adults?")


@pytest.fixture(scope="module")
def faq_checker(encoder, tmp_path_factory):
    """A checker over the page `_FAQ` alone."""
    page = "<html><head><title>ADHD in Adults: Frequently Asked Questions</title></head><body><main>" + "".join(_FAQ) + \
        "</main></body></html>"
    return ClaimChecker(searcher_of_files(encoder, tmp_path_factory.mktemp("faq"), {"adhd-faq.html": page}))


# An adult ADHD clinic's page of questions and answers, each answer under its question.
_FAQ = (
    '<article>',
    '<h1>ADHD in Adults: Frequently Asked Questions</h1>',
    '<p class="byline">By Dr. Maria Keller, Consultant Psychiatrist · Updated 14 March 2025</p>',
    '<h2>What is ADHD?</h2>',
    '<p>Attention-deficit/hyperactivity disorder (ADHD) is a neurodevelopmental condition marked by persistent '
    'inattention, hyperactivity and impulsivity that interfere with daily functioning. Symptoms begin in childhood,'
    ' although many adults are first diagnosed later in life.</p>',
    '<h2>How common is ADHD in adults?</h2>',
    '<p>Estimates from population surveys suggest that about 2.5% to 4% of adults worldwide meet the criteria for '
    'ADHD. Men are diagnosed more often than women, but the gap is narrower in adults than in children.</p>',
    '<h2>How is ADHD diagnosed?</h2>',
    '<p>There is no single test. A psychiatrist or specialist psychologist takes a detailed history, uses rating '
    'scales such as the Adult ADHD Self-Report Scale (ASRS), and asks for information from a partner or family '
    'member where possible. Symptoms must have been present before the age of 12 and cause problems in at least two'
    ' settings, such as work and home.</p>',
    '<h2>What treatments are available?</h2>',
    '<p>Treatment usually combines medication with psychological support. Stimulant medicines such as '
    'methylphenidate and lisdexamfetamine are the first-line option for most adults. Non-stimulants such as '
    'atomoxetine are used when stimulants are not tolerated or are unsuitable.</p>',
    '<p>Cognitive behavioural therapy adapted for ADHD helps people build routines, manage time and cope with '
    'procrastination.</p>',
    '<h2>What are the side effects of stimulants?</h2>',
    '<p>The most common side effects are reduced appetite, trouble sleeping, headache and a raised heart rate. '
    'Blood pressure and pulse should be checked before starting treatment and at every dose change.</p>',
    '<h2>Can I drink alcohol while taking ADHD medication?</h2>',
    '<p>Small amounts of alcohol are unlikely to be dangerous for most people, but alcohol can worsen concentration'
    ' and mood and may increase side effects. Talk to your prescriber about what is safe for you.</p>',
    '<h2>How long will I need treatment?</h2>',
    '<p>Many adults take medication for several years. Your doctor will review the treatment at least once a year '
    'to decide whether it is still needed.</p>',
    '</article>',
)


def test_a_guidelines_numbers_and_its_do_not_routinely_contradict_a_claim(encoder, tmp_path):
    # A guideline's recommendations: "Do not routinely offer" says not to offer (the negation had
    # reached "routinely" alone); "6 sessions" lies outside "16 to 20 sessions" (a range counted
    # nothing: "20" follows "to"); "one session a week" counts one ("one" had counted nothing, as a
    # pronoun may). Claims that agree stay supported.
    from assistant.claims.features import changes_number, negates

    guideline = ("# Depression in adults\n\n## Less severe depression\n\n2.2 Do not routinely offer antidepressant "
                 "medication as first-line treatment for less severe depression, unless that is the person's preference.\n"
                 "2.3 Offer group exercise as a first-line option. Group exercise should consist of 3 sessions a week of "
                 "moderate intensity over 10 weeks.\n\n## More severe depression\n\n3.2 Individual CBT typically consists "
                 "of 16 to 20 sessions over 3 to 4 months.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"guideline.md": guideline, **OTHER_DOCUMENT}))
    for claim in ("Antidepressants should be offered as first-line treatment for less severe depression.",
                  "Individual CBT usually consists of 6 sessions.", "Group exercise should consist of one session a week."):
        assert checker.check(claim).verdict == "contradicted", claim
    for claim in ("Individual CBT usually consists of 16 to 20 sessions.", "Group exercise should consist of 3 sessions a week."):
        assert checker.check(claim).verdict == "supported", claim
    assert not changes_number("Individual CBT usually consists of 18 sessions.", "CBT consists of 16 to 20 sessions.")
    assert not changes_number("One can do group exercise.", "Group exercise should consist of 3 sessions a week.")
    assert not negates("Do not offer antidepressants routinely.", "Do not routinely offer antidepressants.")


def test_another_value_of_what_only_one_thing_can_be_contradicts(faq_checker):
    # "The most common side effects are reduced appetite, ..." shares every word of "The most common
    # side effect of stimulants is weight gain." but what they are: the claim had come back
    # supported. A value the sentence gives, or a claim of something else, is no such case.
    from assistant.claims.features import changes_value

    checker = faq_checker
    other = checker.check("The most common side effect of stimulants is weight gain.")
    assert other.verdict == "contradicted" and other.evidence[0].text.startswith("The most common side effects"), other
    assert checker.check("The most common side effects of stimulants are reduced appetite and headache.").verdict == "supported"
    said = "The primary outcome for the trial was the incidence of large for gestational age infants."
    assert changes_value("The primary outcome of the LIMIT trial was birth weight.", said)
    assert not changes_value("The primary outcome was the incidence of large infants.", said)
    assert not changes_value("The secondary outcome was birth weight.", said)  # of another thing
    assert not changes_value("The primary outcome was not birth weight.", said)


def test_a_thing_named_as_one_of_a_kinds_negation_contradicts_that_it_is_of_the_kind(faq_checker):
    # "Non-stimulants such as atomoxetine ..." says every word of "Atomoxetine is a stimulant." and
    # had supported it; another thing of that sentence, or a claim of the kind's negation, is no case.
    from assistant.claims.features import names_other_kind

    checker = faq_checker
    kind = checker.check("Atomoxetine is a stimulant.")
    assert kind.verdict == "contradicted" and kind.evidence[0].text.startswith("Non-stimulants such as atomoxetine"), kind
    said = "Non-stimulants such as atomoxetine are used when stimulants are not tolerated or are unsuitable."
    assert not names_other_kind("Methylphenidate is a stimulant.", said)
    assert not names_other_kind("Atomoxetine is a non-stimulant.", said)
    assert names_other_kind("Atomoxetine is a stimulant.", "Atomoxetine, a non-stimulant, is tried second.")


def test_a_claim_that_makes_a_choice_a_must_is_contradicted(encoder, tmp_path):
    # "You can take it with or without food." leaves to choice what "Sertraline must be taken with
    # food." says must be done; the claim had found no evidence. Another verb is no such case.
    from assistant.claims.features import makes_option_a_must

    leaflet = ("# Sertraline: a guide for patients\n\n## How to take it\n\nTake sertraline once a day, in the morning or "
               "the evening. You can take it with or without food.\n\n## Storage\n\nKeep the tablets below 25 degrees.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"sertraline.md": leaflet, **OTHER_DOCUMENT}))
    must = checker.check("Sertraline must be taken with food.")
    assert must.verdict == "contradicted" and must.evidence[0].text.startswith("You can take it with or without food"), must
    assert not makes_option_a_must("Sertraline can be taken with food.", "You can take it with or without food.")
    assert not makes_option_a_must("Sertraline must be stored with care.", "You can take it with or without food.")


def test_a_trial_records_counts_and_ages_contradict_a_claim_giving_others(encoder, tmp_path):
    # A registry's record: "Enrollment (Estimated) | 120 participants" says no "trial", and the
    # claim's "500" is a term a row cannot hold, so "The trial will enrol 500 participants." had
    # no evidence; "three weeks apart" had stood for "three doses" (a span counts no doses), and an
    # age outside "18 Years to 65 Years" (a unit after each end) contradicted nothing.
    from assistant.claims.features import changes_number

    record = ("<html><head><title>Psilocybin for Depression - Study Record</title></head><body><main>"
              "<h1>Psilocybin for Depression</h1><h2>Study Design</h2><table>"
              "<tr><th>Allocation</th><td>Randomized</td></tr><tr><th>Enrollment (Estimated)</th><td>120 participants</td></tr>"
              "</table><h2>Arms</h2><p>Two oral doses of psilocybin are given, three weeks apart.</p>"
              "<h2>Eligibility</h2><p>Ages Eligible for Study: 18 Years to 65 Years (Adult, Older Adult)</p></main></body></html>")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"record.html": record, **OTHER_DOCUMENT}))
    assert checker.check("The trial will enrol 500 participants.").verdict == "contradicted"
    assert checker.check("The trial will enrol 120 participants.").verdict != "contradicted"
    doses = "Two oral doses of psilocybin are given, three weeks apart."
    assert changes_number("Three oral doses of psilocybin are given.", doses)
    assert not changes_number("Two oral doses of psilocybin are given.", doses)
    assert changes_number("The doses are given two weeks apart.", doses)
    ages = "Ages Eligible for Study: 18 Years to 65 Years (Adult, Older Adult)"
    assert changes_number("Adults aged 70 are eligible for the study.", ages)
    assert changes_number("A 70-year-old adult is eligible for the study.", ages)
    assert not changes_number("Adults aged 40 are eligible for the study.", ages)


def test_a_participant_sheets_own_study_its_class_length_and_related_sentences(encoder, tmp_path):
    # A trial's participant information sheet, its questions as headings. "The study will recruit
    # 240 people." had no evidence ("We plan to recruit ..." says no "study": the sheet's own study
    # is "we"); "each lasting one hour" had not been read against "last two hours" (the sentence
    # gives two spans, "for 12 weeks" as well); and "No." under "Do I have to take part?" came
    # first among the related sentences of every claim without evidence.
    from assistant.claims.features import changes_span, holds_claim_terms

    assert holds_claim_terms("The study will recruit 240 people.", ["We plan to recruit 240 people from six clinics."])[0]
    assert not holds_claim_terms("The MOVE study will recruit 240 people.", ["We plan to recruit 240 people."])[0]
    sheet = ("# The MOVE Study\n\n## Do I have to take part?\n\nNo. It is up to you to decide whether or not to take part. "
             "You are free to withdraw at any time.\n\n## Why have I been invited?\n\nWe plan to recruit 240 people from "
             "six physiotherapy clinics.\n\n## What will happen to me if I take part?\n\nHalf of the participants will be "
             "offered two exercise classes a week for 12 weeks, each lasting one hour.\n\n## Will I be paid?\n\nYou will "
             "receive a £20 shopping voucher after completing each set of questionnaires.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"sheet.md": sheet, **OTHER_DOCUMENT}))
    assert checker.check("The study will recruit 240 people.").verdict == "supported"
    assert checker.check("Exercise classes last two hours.").verdict == "contradicted"
    classes = "Half of the participants will be offered two exercise classes a week for 12 weeks, each lasting one hour."
    assert not changes_span("Exercise classes last one hour.", classes)
    assert not changes_span("Exercise classes are offered for 3 weeks.", classes)  # no span's words say so alone
    unanswered = checker.check("Participants are paid £50 for each questionnaire.")
    assert unanswered.evidence[0].text.startswith("You will receive a £20 shopping voucher"), unanswered.evidence[0]


@pytest.mark.parametrize(("history", "question", "expected"), [
    # a participant sheet's questions, as a person asks them: no clause of the person stands for
    # "it" ("Who funds I change my mind?"), nor a light verb with its bare noun ("Who funds take
    # part?"); then the two are searched together
    (["What if I change my mind?"], "Who funds it?", "Who funds it? (What if I change my mind?)"),
    (["Do I have to take part?"], "Who funds it?", "Who funds it? (Do I have to take part?)"),
    # a participle after the person's "be" is what is done to them, no thing a topic replaces
    (["Will I be paid?"], "What about travel costs?", "What about travel costs? (Will I be paid?)"),
    # nor under a bare question searched with it ("How much? (Will I be travel costs?)")
    (["Will I be paid?", "How much?"], "What about travel costs?", "What about travel costs? (Will I be paid?)"),
])
def test_a_pronoun_stands_for_no_clause_and_a_topic_replaces_no_verb_of_the_person(encoder, history, question, expected):
    assert resolve_followup(question, history, encoder).query == expected


def test_a_light_verbs_bare_noun_is_part_of_the_verb_not_what_a_pronoun_stands_for():
    from assistant.search.conversation import _referent

    assert _referent("Do I have to take part?", False) == ""
    assert _referent("Where did the study take place?", False) == "the study"  # had been "the study take"
    assert _referent("How do I make a backup?", False) == "a backup"  # an article: a thing made
    assert _referent("How do I get help?", False) == "help"


@pytest.mark.parametrize(("history", "question", "expected"), [
    # a medicine taken is what is acted on, no light verb's idiom ("take part"): "it" had been
    # left unresolved after "Can I take ibuprofen?"
    (["Can I take ibuprofen?"], "Is it safe in pregnancy?", "Is ibuprofen safe in pregnancy?"),
    # who is asked, and the verb acts on what follows it: "How should not take sertraline be
    # stored?", "Does not take sertraline interact with warfarin?" had been searched
    (["Who should not take sertraline?"], "How should it be stored?", "How should sertraline be stored?"),
    (["Who should not take sertraline?"], "Does it interact with warfarin?", "Does sertraline interact with warfarin?"),
    (["Who can get the shingles vaccine?"], "How well does it work?", "How well does the shingles vaccine work?"),
])
def test_a_medicine_taken_and_what_a_who_question_acts_on_are_what_a_pronoun_stands_for(encoder, history, question, expected):
    assert resolve_followup(question, history, encoder).query == expected


def test_a_sentence_posing_the_question_is_no_evidence_for_or_against_a_claim(encoder, tmp_path):
    # A review's "We wanted to find out whether ..." had supported the claim it asks about: it says
    # what the review set out to learn, not what it found.
    review = ("# Exercise for depression\n\n## What did we want to find out?\n\nWe wanted to find out whether exercise is "
              "better than antidepressants for depression in adults.\n\n## How up to date is this review?\n\nThe evidence "
              "is up to date to January 2025.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"review.md": review, **OTHER_DOCUMENT}))
    verdict = checker.check("Exercise is better than antidepressants for depression.")
    assert verdict.verdict == "not_found", verdict
    assert verdict.evidence[0].text.startswith("We wanted to find out whether") and verdict.evidence[0].label == "related"


@pytest.mark.parametrize(("history", "question", "expected"), [
    # what the thing asked of is compared with is added, however like a phrase of the question it is
    # ("Does exercise help antidepressants?" had been asked)
    (["Does exercise help depression?"], "Compared with antidepressants?", "Does exercise help depression compared with antidepressants?"),
    (["How effective is minocycline?"], "Versus placebo?", "How effective is minocycline versus placebo?"),
    # a do-question's one run of words that holds its verb is no thing a new topic replaces whole
    # ("Do side effects?" had been asked); it is searched beside it
    (["Does exercise help?"], "What about side effects?", "What about side effects? (Does exercise help?)"),
    (["Does exercise help?"], "What about yoga?", "Does yoga help?"),
    # what follows the verb gives way to the topic ("How do learning new skills?" had been asked)
    (["How does neuroplasticity help overcome trauma?"], "And what about learning new skills?",
     "How does neuroplasticity help learning new skills?"),
])
def test_a_comparison_is_added_and_a_do_questions_verb_is_kept(encoder, history, question, expected):
    assert resolve_followup(question, history, encoder).query == expected


def test_a_claim_giving_an_age_is_read_against_the_row_whose_range_holds_it(encoder, tmp_path):
    # A dose table by age: "The maximum dose for a 10-year-old is 5 mg." had been contradicted by
    # the row "1 month to 5 years" (whose maximum is 5 mg), the "10" of its age read as a dose; the
    # row that names a 10-year-old is "6 to 11 years".
    from assistant.chunking import TableCell
    from assistant.claims.features import changes_cell, states_cell

    rows = [TableCell("1 month to 5 years", "Maximum dose", "5 mg"), TableCell("6 to 11 years", "Maximum dose", "10 mg")]
    assert [changes_cell("The maximum dose for a 10-year-old is 5 mg.", r) for r in rows] == [False, True]
    assert [states_cell("The maximum dose for a 10-year-old is 10 mg.", r) for r in rows] == [False, True]
    assert [states_cell("The maximum dose for a 3-year-old is 5 mg.", r) for r in rows] == [True, False]
    page = ("# Melatonin for children\n\n## Dose\n\nGive melatonin 30 to 60 minutes before bedtime.\n\n| Age | Starting dose "
            "| Maximum dose |\n|---|---|---|\n| 1 month to 5 years | 1 mg | 5 mg |\n| 6 to 11 years | 2 mg | 10 mg |\n\n"
            "## Storage\n\nKeep the liquid in the fridge.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"melatonin.md": page, **OTHER_DOCUMENT}))
    verdict = checker.check("The maximum dose for a 10-year-old is 5 mg.")
    assert verdict.verdict == "contradicted" and verdict.evidence[0].text.startswith("6 to 11 years"), verdict


def test_a_case_reports_day_and_span_claims_are_read_against_its_course(encoder, tmp_path):
    # A case report's course by hospital day and its laboratory table by day: "She was discharged
    # on day 4." had been supported by "She was discharged on day 9." (a number after its word was
    # no number); "The creatine kinase was raised on day 3." had been contradicted by the row
    # "Creatine kinase (U/L) | 110 | 1450", its "3" read as a value of the column "Day 3"; "Her
    # symptoms took two weeks to resolve." found no evidence in "Her symptoms resolved within 48 hours."
    from assistant.chunking import TableCell
    from assistant.claims.features import changes_cell, changes_number

    assert changes_number("She was discharged on day 4.", "She was discharged on day 9.")
    assert not changes_number("She was discharged on day 9.", "She was discharged on day 9 after review.")
    assert not changes_cell("The creatine kinase was raised on day 3.", TableCell("Creatine kinase", "Day 3", "1450"))
    assert changes_cell("The creatine kinase was 900 on day 3.", TableCell("Creatine kinase", "Day 3", "1450"))
    page = ("# Serotonin syndrome: a case report\n\n## Case presentation\n\nLinezolid was started on day 1. On day 3 she "
            "became agitated and confused.\n\n| Test | Day 1 | Day 3 |\n|---|---|---|\n| Creatine kinase (U/L) | 110 | 1450 |\n"
            "| Sodium (mmol/L) | 138 | 134 |\n\n## Outcome\n\nHer symptoms resolved within 48 hours. She was discharged on day 9.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"case.md": page, **OTHER_DOCUMENT}))
    for claim in ("She was discharged on day 4.", "Her symptoms took two weeks to resolve."):
        verdict = checker.check(claim)
        assert verdict.verdict == "contradicted", (claim, verdict)
    assert checker.check("The creatine kinase was raised on day 3.").verdict != "contradicted"
    assert checker.check("She was discharged on day 9.").verdict == "supported"


def test_a_trials_count_and_a_lost_effect_are_read_against_an_abstract(encoder, tmp_path):
    # "The trial randomised 500 older adults." found no evidence in "We randomly assigned 312
    # adults ..." (its "trial" is the document's own, which says "we"); "Effects were lost by 24
    # weeks." was supported by "Effects were maintained at 24 weeks."
    from assistant.claims.features import changes_number, reverses

    assert changes_number("The trial randomised 500 older adults.", "We randomly assigned 312 older adults to two groups.")
    assert reverses("Effects were lost by 24 weeks.", "Effects were maintained at 24 weeks.")
    page = ("Effect of digital CBT-I in older adults\n\nMethods: We randomly assigned 312 older adults with insomnia to "
            "six weekly sessions of digital CBT-I or sleep hygiene education.\n\nResults: At 10 weeks, insomnia scores fell "
            "by 7.2 points with digital CBT-I. Effects were maintained at 24 weeks.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"abstract.txt": page, **OTHER_DOCUMENT}))
    for claim in ("The trial randomised 500 older adults.", "Effects were lost by 24 weeks."):
        verdict = checker.check(claim)
        assert verdict.verdict == "contradicted", (claim, verdict)


def test_a_guidelines_prohibitions_and_age_bounds_are_read_against_claims(encoder, tmp_path):
    # "Benzodiazepines are recommended for long-term insomnia." had been supported by "Do not offer
    # benzodiazepines ..." (offering is recommending, in a guideline's words); "Digital CBT-I must
    # never be offered." by "... may be offered to people who ... cannot attend ..." (a negation in
    # another clause); "... for people aged 40." by "... for people aged 55 and over ...".
    from assistant.claims.features import changes_number, negates

    assert negates("Benzodiazepines are recommended for long-term insomnia.",
                   "Do not offer benzodiazepines for long-term insomnia, because of the risk of dependence.")
    assert negates("Digital CBT-I must never be offered.", "Digital CBT-I may be offered to people who cannot attend sessions.")
    assert not negates("Digital CBT-I must never be offered to people who can attend.",
                       "Digital CBT-I must never be offered to people who can attend.")
    assert changes_number("Melatonin can be considered for people aged 40.", "Consider melatonin for people aged 55 and over.")
    assert not changes_number("Melatonin can be considered for people aged 60.", "Consider melatonin for people aged 55 and over.")
    page = ("<html><head><title>Insomnia in adults</title></head><body><main><h1>Insomnia in adults</h1>"
            "<h2>Managing long-term insomnia</h2><p>1.3.1 Offer cognitive behavioural therapy for insomnia (CBT-I) as the "
            "first-line treatment for long-term insomnia.</p><p>1.3.2 Do not offer benzodiazepines or Z-drugs for long-term "
            "insomnia, because of the risk of dependence and falls.</p><p>1.3.3 Digital CBT-I may be offered to people who "
            "prefer it or who cannot attend face-to-face sessions.</p><p>1.3.4 Consider melatonin for people aged 55 and "
            "over, for up to 13 weeks.</p></main></body></html>")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"guideline.html": page, **OTHER_DOCUMENT}))
    for claim in ("Benzodiazepines are recommended for long-term insomnia.", "Digital CBT-I must never be offered.",
                  "Melatonin can be considered for people aged 40."):
        verdict = checker.check(claim)
        assert verdict.verdict == "contradicted", (claim, verdict)
    assert checker.check("CBT-I is the first-line treatment for long-term insomnia.").verdict == "supported"


def test_a_claims_number_said_anywhere_in_the_sentence_is_not_changed(encoder, tmp_path):
    # "Recruitment stands at 187 participants." had been contradicted by "Recruitment stands at 187
    # of the 312 participants planned (60%).": its 187 counts "of", and only 312 was read as counting
    # participants.
    from assistant.claims.features import changes_number

    assert not changes_number("Recruitment stands at 187 participants.", "Recruitment stands at 187 of the 312 participants planned.")
    assert changes_number("Recruitment stands at 200 participants.", "Recruitment stands at 187 of the 312 participants planned.")
    page = ("# Steering committee minutes\n\n## Recruitment\n\nRecruitment stands at 187 of the 312 participants planned (60%). "
            "Two sites are behind target.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"minutes.md": page, **OTHER_DOCUMENT}))
    assert checker.check("Recruitment stands at 187 participants.").verdict == "supported"


def test_a_claims_other_day_contradicts_and_its_month_is_no_unknown_name(encoder, tmp_path):
    # "The next meeting is on 15 March 2026." had found no evidence: "March", named by no document,
    # was read as a name they lack, and the day was not compared with "20 January 2026".
    from assistant.claims.features import changes_number

    assert changes_number("The next meeting is on 15 March 2026.", "The next meeting will be held on 20 January 2026 at 10:00.")
    assert not changes_number("The next meeting is on 20 January 2026.", "The next meeting will be held on 20 January 2026.")
    page = "# Minutes\n\n## Next meeting\n\nThe next meeting will be held on 20 January 2026 at 10:00.\n"
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"minutes.md": page, **OTHER_DOCUMENT}))
    assert checker.check("The next meeting is on 15 March 2026.").verdict == "contradicted"
    assert checker.check("The next meeting is on 20 January 2026.").verdict == "supported"


def test_a_value_of_a_measure_a_sum_of_money_and_a_number_past_a_bound_are_other_numbers(encoder, tmp_path):
    # A policy and a discharge summary: "The home-working allowance is £40 per month." had been
    # supported by "... an allowance of £26 per month ..." (a sum's sign is no word it counts);
    # "Employees may work remotely five days a week." by "... for up to three days in a five-day
    # week." (its "five-day" read as the claim's number); "Her CURB-65 score was 1." by "Her
    # CURB-65 score was 3." (a value after its measure was no number); "Ramipril was continued ..."
    # found nothing against "Ramipril was withheld ...".
    from assistant.claims.features import changes_number, negates

    assert changes_number("The home-working allowance is £40 per month.", "A home-working allowance of £26 per month is paid.")
    assert not changes_number("The home-working allowance is £26 per month.", "A home-working allowance of £26 per month is paid.")
    assert changes_number("Employees may work remotely five days a week.", "Employees may work remotely for up to three days in a week.")
    assert not changes_number("Employees may work remotely two days a week.", "Employees may work remotely for up to three days in a week.")
    assert changes_number("Her CURB-65 score was 1.", "Her CURB-65 score was 3.")
    assert not changes_number("Her CURB-65 score was 3.", "On arrival her CURB-65 score was 3.")
    assert negates("Ramipril was continued because of the kidney injury.", "Ramipril was withheld because of the kidney injury.")
    policy = ("# Remote Working Policy\n\n## 3. Working arrangements\n\n3.1 Employees may work remotely for up to three days in "
              "a five-day week. At least two days must be spent in the office.\n\n## 4. Equipment and expenses\n\n4.2 A "
              "home-working allowance of £26 per month is paid to employees who work remotely at least one day per week.\n\n"
              "## 5. Assessment\n\nOn arrival her CURB-65 score was 3. Ramipril was withheld because of the kidney injury.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"policy.md": policy, **OTHER_DOCUMENT}))
    for claim in ("The home-working allowance is £40 per month.", "Employees may work remotely five days a week.",
                  "Her CURB-65 score was 1.", "Ramipril was continued because of the kidney injury."):
        verdict = checker.check(claim)
        assert verdict.verdict == "contradicted", (claim, verdict)
    assert checker.check("The home-working allowance is £26 per month.").verdict == "supported"


def test_a_claim_of_what_a_rule_excepts_is_not_negated_by_the_rule(encoder, tmp_path):
    # A leaflet's "Sertraline should not be used in children and adolescents under the age of 18,
    # except for patients with obsessive-compulsive disorder." had contradicted "Sertraline can be
    # used in children with obsessive-compulsive disorder.", the one case it allows.
    from assistant.claims.features import negates

    rule = ("Sertraline should not be used in children and adolescents under the age of 18, except for patients with "
            "obsessive-compulsive disorder.")
    assert not negates("Sertraline can be used in children with obsessive-compulsive disorder.", rule)
    assert negates("Sertraline can be used in children.", rule)
    assert negates("Sertraline can be used in children with depression.", rule)
    page = ("# Sertraline 50 mg film-coated tablets\n\n## Before you take Sertraline\n\n" + rule + " Talk to your doctor "
            "before taking Sertraline if you have epilepsy.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"leaflet.md": page, **OTHER_DOCUMENT}))
    assert checker.check("Sertraline can be used in children with obsessive-compulsive disorder.").verdict != "contradicted"
    assert checker.check("Sertraline can be used in children and adolescents.").verdict == "contradicted"


def test_safe_against_avoided_and_faster_against_more_slowly_contradict(encoder, tmp_path):
    # An encyclopedia's page on lithium: "Lithium is safe in the first trimester of pregnancy." and
    # "Lithium works faster than antipsychotics in acute mania." had both come back supported by the
    # sentences that say the opposite ("should be avoided", "works more slowly").
    from assistant.claims.features import negates

    avoided = "Lithium should be avoided in the first trimester of pregnancy where possible."
    slowly = "In acute mania lithium works more slowly than antipsychotics, so it is often combined with one."
    assert negates("Lithium is safe in the first trimester of pregnancy.", avoided)
    assert negates("Lithium works faster than antipsychotics in acute mania.", slowly)
    assert not negates("Lithium should be avoided in the first trimester of pregnancy.", avoided)
    page = ("# Lithium (medication)\n\n## Uses\n\n" + slowly + "\n\n## Pregnancy\n\n" + avoided + " It slightly increases the risk "
            "of heart malformations.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"lithium.md": page, **OTHER_DOCUMENT}))
    for claim in ("Lithium is safe in the first trimester of pregnancy.", "Lithium works faster than antipsychotics in acute mania."):
        verdict = checker.check(claim)
        assert verdict.verdict == "contradicted", (claim, verdict)


def test_cannot_get_bounds_far_apart_and_a_two_word_claim_said_the_other_way_contradict(encoder, tmp_path):
    # A health page on shingles: "You can catch shingles from someone who has shingles." came back
    # supported by "You cannot get shingles from someone with shingles." (the negation reached
    # "get" alone); "The shingles rash heals within a week." by "The rash can take up to 4 weeks to
    # heal." (two bounds from above were one span); "Shingles is not painful." by a sentence about
    # chickenpox, its two terms too few to be held by "... causes a painful rash.".
    from assistant.claims.features import changes_span, negates

    assert negates("You can catch shingles from someone who has shingles.", "You cannot get shingles from someone with shingles.")
    assert changes_span("The shingles rash heals within a week.", "The rash can take up to 4 weeks to heal.")
    assert not changes_span("The shingles rash heals within 3 weeks.", "The rash can take up to 4 weeks to heal.")
    page = ("# Shingles\n\nShingles is an infection that causes a painful rash.\n\n## Check if you have shingles\n\nThe rash can "
            "take up to 4 weeks to heal.\n\n## How you catch shingles\n\nYou cannot get shingles from someone with shingles. But "
            "you can get chickenpox from someone with shingles if you have not had chickenpox before.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"shingles.md": page, **OTHER_DOCUMENT}))
    for claim in ("You can catch shingles from someone who has shingles.", "The shingles rash heals within a week.",
                  "Shingles is not painful."):
        verdict = checker.check(claim)
        assert verdict.verdict == "contradicted", (claim, verdict)
    assert checker.check("Shingles causes a painful rash.").verdict == "supported"


def test_another_amount_in_a_unit_a_low_risk_against_the_highest_and_not_to_be_used_against_safe_contradict(encoder, tmp_path):
    # A talk's slides and an encyclopedia's page: "The maximum dose of metformin is 3 g per day."
    # found nothing against "• Maximum dose 2 g per day" (an amount in a unit was no number it
    # counted); "Sulfonylureas carry a low risk of hypoglycaemia." and "Valproate is safe in
    # pregnancy." came back supported by "... carry the highest risk" and "... should not be used
    # in women who could become pregnant".
    from assistant.claims.features import changes_number, negates

    assert changes_number("The maximum dose of metformin is 3 g per day.", "• Maximum dose 2 g per day")
    assert not changes_number("The maximum dose of metformin is 2 g per day.", "• Maximum dose 2 g per day")
    assert negates("Sulfonylureas carry a low risk of hypoglycaemia.", "• Sulfonylureas and insulin carry the highest risk")
    unused = "Valproate causes birth defects and should not be used in women who could become pregnant."
    assert negates("Valproate is safe in pregnancy.", unused + " A pregnancy prevention programme must be in place.")
    assert not negates("Valproate causes birth defects.", unused)
    deck = ("# Managing type 2 diabetes\n\n## First-line treatment\n\n• Metformin, start at 500 mg once daily with food\n"
            "• Maximum dose 2 g per day\n\n## Hypoglycaemia\n\n• Sulfonylureas and insulin carry the highest risk\n"
            "• Treat with 15 to 20 g of fast-acting glucose\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"deck.md": deck, **OTHER_DOCUMENT}))
    for claim in ("The maximum dose of metformin is 3 g per day.", "Sulfonylureas carry a low risk of hypoglycaemia."):
        verdict = checker.check(claim)
        assert verdict.verdict == "contradicted", (claim, verdict)
    assert checker.check("Metformin is started at 500 mg once daily with food.").verdict == "supported"


def test_a_share_in_words_and_spans_in_figures_that_part_contradict(encoder, tmp_path):
    # A magazine's article on teenagers' sleep: "Most 15-year-olds get enough sleep on school
    # nights." was supported by "Fewer than a third of 15-year-olds get enough sleep ..." (a share in
    # words was none), and "Teenagers need 5 to 6 hours of sleep a night." by "... 8 to 10 hours ..."
    # (spans less than twice apart were one time).
    from assistant.claims.features import changes_share, changes_span

    third = "Fewer than a third of 15-year-olds get enough sleep on school nights."
    assert changes_share("Most 15-year-olds get enough sleep on school nights.", third)
    assert not changes_share("Few 15-year-olds get enough sleep on school nights.", third)
    assert changes_share("Few patients completed treatment.", "More than half of patients completed treatment.")
    assert changes_span("Teenagers need 5 to 6 hours of sleep a night.", "Teenagers need 8 to 10 hours of sleep a night.")
    assert not changes_span("Teenagers need 9 hours of sleep a night.", "Teenagers need 8 to 10 hours of sleep a night.")
    article = ("# Sleep and adolescent mental health\n\n## How much sleep do teenagers need?\n\nTeenagers need 8 to 10 hours of "
               "sleep a night. " + third + "\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"teen-sleep.md": article, **OTHER_DOCUMENT}))
    for claim in ("Most 15-year-olds get enough sleep on school nights.", "Teenagers need 5 to 6 hours of sleep a night."):
        verdict = checker.check(claim)
        assert verdict.verdict == "contradicted", (claim, verdict)
    assert checker.check("Teenagers need 8 to 10 hours of sleep a night.").verdict == "supported"


def test_an_act_done_in_place_of_another_and_a_risk_moved_the_other_way_contradict(encoder, tmp_path):
    # A drug label: "Sertraline should be stopped abruptly." had come back supported by "Gradually
    # reduce the dosage rather than stopping sertraline abruptly" (what is done instead is not
    # done), and "Sertraline lowers the risk of bleeding." by "... increase the risk of bleeding
    # events" ("risk" had been read as going up in both, and what "lowers" acts on as nothing).
    from assistant.claims.features import moves_opposite, negates

    rather = "Gradually reduce the dosage rather than stopping sertraline abruptly whenever possible."
    bleeding = "Drugs that interfere with serotonin reuptake inhibition, including sertraline, increase the risk of bleeding events."
    assert negates("Sertraline should be stopped abruptly.", rather)
    assert not negates("The dosage should be reduced gradually.", rather)
    assert moves_opposite("Sertraline lowers the risk of bleeding.", bleeding)
    assert moves_opposite("Sertraline reduces the risk of bleeding.", "Sertraline increases the risk of bleeding.")
    assert not moves_opposite("Sertraline raises the risk of bleeding.", bleeding)
    # less of a loss is more of what is lost
    assert moves_opposite("Exercise reduced the loss of neurons.", "Exercise reduced the number of neurons.")
    label = ("# Sertraline tablets\n\n## 2.4 Discontinuing treatment\n\nAdverse reactions may occur upon discontinuation of "
             "sertraline. " + rather + "\n\n## 5.3 Increased risk of bleeding\n\n" + bleeding + " Concomitant use of aspirin "
             "and warfarin may add to this risk.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"label.md": label, **OTHER_DOCUMENT}))
    for claim in ("Sertraline should be stopped abruptly.", "Sertraline lowers the risk of bleeding."):
        verdict = checker.check(claim)
        assert verdict.verdict == "contradicted", (claim, verdict)
    assert checker.check("Sertraline raises the risk of bleeding.").verdict == "supported"


def test_an_exception_for_the_person_addressed_and_a_span_without_end_leave_a_claim_contradicted(encoder, tmp_path):
    # A clinic's FAQ: "You should take sleeping tablets on the night of the study." had come back
    # supported by "Do not take sleeping tablets on the night of the study unless you take them
    # every night." (the claim's "you", said only in the exception, made it the exception's), and
    # "CPAP is only needed for a few weeks." by "... need CPAP long term" (a span in words had been
    # no span).
    from assistant.claims.features import changes_span, negates

    tablets = "Do not take sleeping tablets on the night of the study unless you take them every night."
    cpap = "Most people with moderate or severe sleep apnoea need CPAP long term."
    assert negates("You should take sleeping tablets on the night of the study.", tablets)
    assert not negates("You can take sleeping tablets every night.", tablets)  # the exception's own case
    assert changes_span("CPAP is only needed for a few weeks.", cpap)
    assert not changes_span("People with sleep apnoea need CPAP for 2 years.", cpap)
    assert changes_span("You need insulin for life.", "Most people need insulin for 2 weeks.")
    faq = ("# Sleep clinic FAQ\n\n## Should I take my usual medicines?\n\nTake your usual medicines unless your doctor has "
           "told you otherwise. " + tablets + "\n\n## Will I have to use CPAP forever?\n\n" + cpap + " Losing weight can "
           "reduce symptoms.\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"faq.md": faq, **OTHER_DOCUMENT}))
    for claim in ("You should take sleeping tablets on the night of the study.", "CPAP is only needed for a few weeks."):
        verdict = checker.check(claim)
        assert verdict.verdict == "contradicted", (claim, verdict)


def test_a_dose_given_as_a_dosage_a_day_as_daily_is_the_same_thing_counted(encoder, tmp_path):
    # A drug label: "The maximum dose of sertraline is 400 mg a day." had found nothing against it
    # in "The maximum recommended dosage is 200 mg once daily.": the stemmer keeps "dose" and
    # "dosage", "day" and "daily" apart, so the sentence said too few of the claim's words.
    from assistant.claims.features import changes_number, holds_claim_terms

    label = "The maximum recommended dosage is 200 mg once daily."
    assert changes_number("The maximum dose of sertraline is 400 mg a day.", label)
    assert not changes_number("The maximum dose is 200 mg a day.", label)
    assert holds_claim_terms("The maximum daily dose", [label])[0]
    text = ("# Sertraline tablets\n\n## 2.1 Dosage in adults\n\nThe recommended initial dosage of sertraline in adults is 50 mg "
            "once daily. Patients not responding to a 50 mg dose may benefit from dose increases. " + label + "\n")
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"label.md": text, **OTHER_DOCUMENT}))
    verdict = checker.check("The maximum dose of sertraline is 400 mg a day.")
    assert verdict.verdict == "contradicted" and verdict.evidence[0].text == label, verdict


def test_a_claims_rate_per_another_period_contradicts_and_the_same_rate_does_not(encoder, tmp_path):
    # A device's instructions: "The meter should be cleaned once a day." had come back supported by
    # "Clean the meter once a week ...": a rate per day was compared with no rate per week.
    from assistant.claims.features import changes_number

    said = "Clean the meter once a week and disinfect it at least once a month."
    assert changes_number("The meter should be cleaned once a day.", said)
    assert changes_number("The meter should be cleaned 7 times a week.", said)
    assert not changes_number("The meter should be cleaned once a week.", said)
    assert not changes_number("Take the tablet 14 times a fortnight.", "Take the tablet once a day.")  # no period it knows
    page = "# GlucoCheck One\n\n## Care and cleaning\n\nClean the outside of the meter with a damp cloth. " + said + "\n"
    checker = ClaimChecker(searcher_of_files(encoder, tmp_path, {"meter.md": page, **OTHER_DOCUMENT}))
    assert checker.check("The meter should be cleaned once a day.").verdict == "contradicted"
    assert checker.check("The meter should be cleaned once a week.").verdict == "supported"


# A handbook's chapter on anxiety: a treatment paragraph giving a starting dose and the dose it is
# raised to, a comparison said as a multiple ("twice as often as"), and a table's caption.
_ANXIETY = ("# Anxiety disorders\n\n## Epidemiology\n\nAbout 6% of adults have generalised anxiety disorder in any year, and "
            "women are affected about twice as often as men. Fewer than half of people with the disorder are diagnosed.\n\n"
            "## Treatment\n\nSertraline is the most cost-effective drug treatment. Start at 25 mg daily for one week, then "
            "increase to 50 mg. Benzodiazepines should not be used beyond 2 to 4 weeks.\n\nTable 4.2 Treatments for "
            "generalised anxiety disorder\n\n| Treatment | Typical course | Response rate |\n| --- | --- | --- |\n"
            "| Individual CBT | 12 to 15 sessions | 50 to 60% |\n| Sertraline | At least 12 weeks | 55% |\n")


def test_a_claim_giving_another_amount_a_thing_is_done_at_or_reversing_a_multiple_is_contradicted(encoder, tmp_path):
    # "started at 50 mg" against "Start at 25 mg daily ..., then increase to 50 mg": the claim's
    # number was in the sentence (where the dose goes), so nothing changed. "more often than women"
    # against "women are affected about twice as often as men" was supported: a multiple said with
    # "as ... as" compared nothing.
    from assistant.claims.features import changes_number, swaps_comparison

    said = "Start at 25 mg daily for one week, then increase to 50 mg."
    assert changes_number("Sertraline should be started at 50 mg daily.", said)
    assert not changes_number("Sertraline should be started at 25 mg daily.", said)
    assert not changes_number("The dose is increased to 50 mg after a week.", said)
    sentence = "About 6% of adults have generalised anxiety disorder in any year, and women are affected about twice as often as men."
    assert swaps_comparison("Men are affected by generalised anxiety disorder more often than women.", sentence)
    assert not swaps_comparison("Women are affected by generalised anxiety disorder more often than men.", sentence)
    assert not swaps_comparison("Women do as well as men on treatment.", sentence)
    checker = ClaimChecker(searcher_of_file(encoder, tmp_path / "anxiety.md", _ANXIETY))
    assert checker.check("Sertraline should be started at 50 mg daily.").verdict == "contradicted"
    assert checker.check("Men are affected by generalised anxiety disorder more often than women.").verdict == "contradicted"
    assert checker.check("Women are affected by generalised anxiety disorder about twice as often as men.").verdict == "supported"


def test_a_tables_caption_is_never_a_claims_evidence(encoder, tmp_path):
    # "Table 4.2 Treatments for generalised anxiety disorder" names what the table shows and states
    # nothing: it had been the first of the closest sentences for a claim about long-term treatment.
    from assistant.search.answer import is_caption_title

    assert is_caption_title("Table 4.2 Treatments for generalised anxiety disorder")
    assert not is_caption_title("Figure 2. CBT-I reduced sleep onset latency in every trial.")
    checker = ClaimChecker(searcher_of_file(encoder, tmp_path / "anxiety.md", _ANXIETY))
    verdict = checker.check("Benzodiazepines can be used for long-term treatment of anxiety.")
    assert verdict.evidence and not any(e.text.startswith("Table 4.2") for e in verdict.evidence), verdict
