"""Turning a follow-up plus the conversation so far into a standalone query, without an LLM.

Public API: `ResolvedQuery`, `resolve_followup`, `is_followup`.

Three kinds of follow-up are handled:
- a new topic for the same question ("And for anxiety?", "What about schizophrenia?"): the phrase of
  the previous question most similar to the new topic (by the embedding model) is replaced by it,
  with the phrases coordinated with it ("depression and anxiety" -> "schizophrenia") and, where it
  ends a noun phrase, that phrase's modifiers ("chronic stress" -> "acute stress"); a name takes
  the place of the previous question's only name ("What about LIMIT?" after "Who funded the FOCUS
  trial?"), and after a preposition the topic takes the place of what followed that preposition
  (or, where it has none, other than "for", leads a circumstance of the topic just put in: "And
  in children?" after "And anxiety?" asks about anxiety in children; "Compared with medication?"
  adds a comparison); a topic like the "of" phrase of the phrase a pronoun stood for takes that
  phrase's place ("What about the FOCUS trial?" after "How was the sample size of the LIMIT
  trial calculated?"); after a request for more, the question the request was about is asked;
- a question word and at most a noun ("How many students?", "When?", "For how long?"): the
  previous question asked again with it, or searched beside it when its words cannot take it;
- the previous question's question word without its noun ("And how many were analysed?" after "How
  many participants were randomised in the LIMIT trial?"): asked with that noun, and with the
  previous question's closing phrases the follow-up does not replace;
- a question that points back ("How is it treated?", "What causes them?"): the pronoun is replaced by
  the previous question's topic: the phrase a follow-up put in ("they" right after one: both
  phrases, "How do CBT and DBT differ?" after "What is CBT?", "And DBT?"), else the noun phrase that ends the
  previous question (after its last preposition or verb: "... involved in depression and anxiety?"),
  or the one it asks about ("What was the primary outcome of the LIMIT trial?", when the pronoun
  agrees with its head; "What dose of minocycline was used?"; "How do I schedule a function ...?");
  "it" never stands for a plural phrase: the singular phrase it owns ("the BeneMin trial" of "the
  secondary outcomes of the BeneMin trial"), else an earlier question's; a pronoun that agrees
  with no phrase ("Were they trained?" after "Who delivered the intervention?": whom the answer
  names) is searched with the previous question, and so is one after a question that was (what
  that answer showed); "Does CBT?" leaves its verb to the previous question, searched with it;
  a choice among what the previous question asked for ("Which one should I use?"), and "this" or
  "that" alone ("How reliable is that?"), are searched with it;
- a request that names no topic ("Tell me more", "Give me an example", "Can you explain that in
  more detail?"): searched with the previous question (the one under an earlier request);
- a noun phrase with "the" that says not whose ("What are the symptoms?"): the previous question's
  topic's ("... of depression"); a choice that names nothing to choose among ("Which is better?"):
  searched with the two topics just compared, else with the previous question.
A conjunction before a whole question ("And is it effective?") only ties it on: the question after
it says which kind it is.
Anything else is already standalone and searched as typed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from typing import Literal, NamedTuple

import numpy as np

from assistant import config
from assistant.ingest.words import english_words
from assistant.search.answer import (
    about_a_document,
    asked_entry,
    asks_document_date,
    asks_front_matter,
    names_no_document,
    names_time,
)
from assistant.text import (
    FUNCTION_WORDS,
    OPPOSITE_WORDS,
    QUESTION_FILLER,
    bm25_tokenize,
    command_options,
    dotted_numbers,
    spelled_out,
    strip_control,
)

__all__ = ["FollowupKind", "ResolvedQuery", "asks_of_the_document", "continues_topic", "documents_asked", "is_followup",
           "resolve_followup"]

# "more": a request for more of the previous answer ("Tell me more"), which shows what it did not
FollowupKind = Literal["standalone", "new-topic", "reference", "more"]
# Prepositions the shared list of function words leaves out end a run of content words too:
# "women" takes the place of "men" in "... reduce smoking among men?", not of "smoking among men".
_STOP = FUNCTION_WORDS | QUESTION_FILLER | {"among", "amongst", "across", "through", "throughout", "toward", "towards",
                                            "against", "despite", "beyond", "upon", "versus", "without"}
_LEADS = re.compile(r"^(and|but|so|also|or|then|ok(ay)?|now)?\s*(what|how)\s+about\s+|^(and|but|also|or|then|now)\s+"
                    r"(?:(for|with|in|regarding|about|of|the same for|same for)\s+)?|^(same|likewise)\s+(for|with)\s+"
                    r"|^(what|how)\s+of\s+|^(?:and\s+)?(?:compared\s+(?:with|to)|versus|vs\.?|relative\s+to)\s+", re.I)
_DEMONSTRATIVES = {"this", "that", "these", "those"}
# An auxiliary, then a quantifier standing for the previous question's noun: "Were any serious?",
# "Did many drop out?".
_QUANTIFIED = re.compile(r"^(?:and\s+)?(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could)\s+"
                         r"(?:any|some|all|none|both|either|neither|each|many|most|few|several)\b(?!\s+of\s+(?:the|these|those)\b)",
                         re.I)
# A choice among what the previous question asked for: "Which one should I use?", "Which of them ...?",
# and each of them: "When should I use each?", "Is either safe?".
_WHICH_OF = re.compile(r"\bwhich\s+(?:ones?|of\s+(?:them|these|those|the\s+two))\b|"
                       r"\b(?:each|either|both|neither)(?:\s+of\s+(?:them|these|those|the\s+two))?\s*[?.!]*$", re.I)
_WHICH_ONE = re.compile(r"^which\s+ones?\b(?!\s+of\b)", re.I)
_PLURAL_PRONOUNS = {"they", "them", "their", "these", "those"}
# ("that" before a subject pronoun opens a clause, "evidence that it works", and points at nothing)
_PRONOUNS = re.compile(r"\b(it|its|they|them|their|this|that(?!\s+(?:it|they|he|she|we|you|i|there)\b)|these|those|he|"
                       r"she|his|her|the latter|the former|(?<!the )(?<!a )(?:mine|yours|ours|theirs))\b", re.I)
# "one" standing alone for one of what the previous question named, at the question's end or before a
# preposition: "How do I create one?" after "What does BufReader do?" asks how to create a BufReader.
# Not a number ("more than one", "only one"), nor "the one", "which one", "each one" (`_one_alone`).
_ONE = re.compile(r"\bone(?=\s*[?.!]*\s*$|\s+(?:with|for|in|on|from|without|to|at)\b)", re.I)
_NOT_ONE_ALONE = {"the", "a", "an", "which", "no", "each", "every", "any", "this", "that", "than", "only", "just", "least",
                  "another", "per", "one", "my", "your", "our", "their", "its", "his", "her", "some", "what"}


def _one_alone(q: str) -> re.Match | None:
    """"one" standing for a thing of the kind the previous question named (`_ONE`), when neither of
    the two words before it is a determiner or a word of number ("a writable one" is a new topic)."""
    m = _ONE.search(q)
    before = [w.lower() for w in _WORD.findall(q[: m.start()])[-2:]] if m else []
    return m if m and before and not _NOT_ONE_ALONE.intersection(before) else None


# "How can I improve mine?": the person's own of what was asked about
_OWN = {"mine": "my", "yours": "your", "ours": "our", "theirs": "their"}
# "dns.lookup" is one word, and so is a path from the root or home ("/var/tmp", "~/.bashrc")
_WORD = re.compile(r"(?<![\w/])~?(?:/[\w.'-]+)+|[\w'-]+(?:\.[\w'-]+)*")
_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
_DETERMINER = re.compile(r"^(?:the|a|an|his|her|their|its|my|your|our)\s+", re.I)
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.I)
_DOUBLED = re.compile(r"\b(\w+)(\s+\1\b)+", re.I)
_COORD = r"(?:\s*,\s*|\s+(?:and|or|&)\s+|\s*,\s*(?:and|or)\s+)"
# The verbs among `_PIVOT`, whose object a pronoun may stand for ("What causes burnout in nurses?").
_ACTING = {"affect", "affects", "cause", "causes", "treat", "treats"}
_PIVOT_VERBS = _ACTING | {"mean", "means"}
# Where the noun phrase that ends a question begins: after its last preposition, auxiliary or verb
# of `_PIVOT_VERBS`.
_PIVOT = re.compile(r"\b(in|on|of|for|to|about|with|by|from|at|is|are|was|were|does|do|did|can|could|has|have|had|"
                    + "|".join(sorted(_PIVOT_VERBS)) + r")\s+", re.I)


_WH_PREPOSITION = r"(?:(?:for|since|until|from|in|at|by|to|with|about|on)\s+)?"  # "For how long?", "With what?"
_WH = rf"{_WH_PREPOSITION}(?:how(?:\s+(?:many|much|long|often|old|far|soon))?|what|which|when|where|why|who|whom|whose)"
_AUX = r"(?:is|are|was|were|do|does|did|can|could|will|would|should|shall|has|have|had|may|might|must)"
# A question that is its question word and at most a noun or two, or a place or time of where or
# when ("Where in the brain?", "When during the trial?"): "How many students?", "For how long?",
# "Why?". Its verb and the rest are the previous question's.
_PLACE_PHRASE = r"(?:in|at|on|during|within|inside|after|before)\s+(?:the\s+|a\s+|an\s+)?[\w'-]+(?:\s+[\w'-]+)?"
_WH_FRAGMENT = re.compile(rf"^(?:(?:and|but|so|also|then)\s+)?({_WH})((?:\s+(?:kinds?|types?|sorts?)\s+of)?"
                          rf"(?:\s+(?!{_AUX}\b|about\b|of\b)[\w'-]+){{0,2}}|\s+{_PLACE_PHRASE}|"
                          rf"(?<=many|much)\s+[a-z]{{2,}}ed(?:\s+[\w'-]+){{1,3}})\s*\?$", re.I)
_ADVERBIAL = re.compile(rf"{_WH_PREPOSITION}(?:how(?:\s+(?:long|often|old|far|soon))?|when|where|why)", re.I)
# A name: a word with a capital or a digit after its first letter ("FOCUS", "BeneMin", "NK1", "U@Uni",
# "STAR*D").
_NAME = re.compile(r"(?<![\w@*])[A-Za-z][\w@*-]{0,40}[A-Z0-9][\w@*-]{0,40}(?![\w@*-])")


def _is_name(word: str) -> bool:
    """A name: a word with a capital or a digit after its first letter, or a lower-case word of
    three or more letters that is no English word ("httpcore", "courlan": a package, a product)."""
    if _NAME.fullmatch(word):
        return True
    known = english_words()
    # the vocabulary holds most words once, in the singular ("trademark", not "trademarks"), and
    # not every word derived from one ("shyness" of "shy", "loneliness" of "lonely")
    return word.isalpha() and word.islower() and len(word) >= 3 and word not in _STOP and word not in known \
        and not (word.endswith("s") and (word[:-1] in known or (word.endswith("es") and word[:-2] in known))) \
        and not _derived(word, known)


_SUFFIXES = ("ness", "nesses", "ment", "ments", "ity", "ities", "ism", "isms", "ful", "less", "ly", "ings", "ing")


def _derived(word: str, known: frozenset[str]) -> bool:
    """Whether `word` is an English word with a derivational suffix (`_SUFFIXES`), its stem a known
    word as written or with a final "y" the suffix turned to "i" ("loneliness")."""
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and (stem in known or (stem.endswith("i") and stem[:-1] + "y" in known)):
            return True
    return False


# How much more like a new topic another phrase must be than the unknown word a name would replace.
_CLEARLY_MORE_LIKE = 0.05
# The cosine at which a phrase of the previous question is like a new topic at all.
_LIKE = 0.25
# The most content words a question may have for the phrase it ends with to be what a pronoun
# stands for: the fewest that keep every follow-up of our tests and eval set reading right (4 loses two).
_LAST_PHRASE_WORDS = 5
MAX_PHRASES = 96  # phrases of the previous question a new topic is compared with (a long question has ~60)


class ResolvedQuery(NamedTuple):
    """What a question was searched as, and why."""

    original: str
    query: str
    kind: FollowupKind
    topic: str | None = None  # the phrase a follow-up put into the query: its new topic, or what its pronoun stood for
    previous: str | None = None  # the last earlier question, as it was searched


def _content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 1]


def is_followup(question: str) -> Literal["new-topic", "reference", ""]:
    """"new-topic", "reference" or "" for a standalone question."""
    q = question.strip()
    if tied := _LEAD_WORD.match(q):
        # "And what is the sample size?", "And is it effective?": the question after the conjunction
        # says which kind it is ("And what about anxiety?" still leads a new topic)
        rest = q[tied.end():]
        return is_followup(rest)
    if _ANY_NOUN.match(q) or _ASKS_HOW_KNOWN.match(q) or _WHICH_ONE.match(q):
        # "And any risks?": are there any of what was just asked about; "How do we know?", "Says
        # who?": what shows the answer just given; "Which one returns the most common elements?",
        # however many words follow: one of what was just asked about
        return "reference"
    if _LEADS.match(q) or _fragment(q):
        return "new-topic"
    words = _WORD.findall(q)
    content = _content_words(q)
    if (_PRONOUNS.search(q) or _WHICH_OF.search(q) or _one_alone(q)) and len(content) <= 4:
        return "reference"
    if _QUANTIFIED.match(q) and len(content) <= 2:
        return "reference"  # "Were any serious?": any of what the previous question asked about
    if _POINTS_BACK.search(q) or _BARE_YES_NO.match(q):
        # "What changes were made as a result?": of what the previous question asked about; "Is
        # the effect lasting?": the effect it asked about
        return "reference"
    if _ELLIPTIC.match(q) or _BARE_PASSIVE.match(q) or _noun_passive(q) or _HELPS.match(q):
        # "Does CBT?": the previous question asked of it; "Who was excluded?" after "Who was
        # eligible for the FOCUS trial?": excluded from what the previous question names
        return "reference"
    if _asks_for_more(q) or _LIST_REQUEST.match(q) or _CHOICE_ASKED.match(q):
        # "Tell me more", "Give me an example", "Name a few", "Which version should I use?": of, or
        # for, what was just asked
        return "reference"
    if _asks_of_the_last(q, content) or _HOW_MANY_ALONE.match(q):
        return "reference"
    question_word = re.match(rf"^(what|how|why|who|which|when|where|{_AUX})\b", q, re.I)
    if len(words) <= 3 and content and q.endswith("?") and not question_word:
        return "new-topic"  # "Anxiety?" after a question
    if question_word and not content and len(words) <= 5:
        return "reference"  # "How many were there?": of what the previous question asked about
    return ""


# A question for what shows the last answer, naming nothing of its own: "How do we know?", "How
# sure are they?", "Are you sure?", "Says who?", "What makes them think so?".
_KNOWERS = r"(?:we|you|they|i|anyone|(?:the\s+)?(?:scientists|researchers|authors|experts|doctors))"
_ASKS_HOW_KNOWN = re.compile(
    rf"^(?:how\s+(?:do|did|can|could|does)\s+{_KNOWERS}\s+know"
    rf"|how\s+(?:sure|certain|confident)\s+(?:are|is|can|could)\s+{_KNOWERS}"
    r"|(?:are|were)\s+(?:you|we|they)\s+(?:sure|certain)|says\s+who|who\s+says(?:\s+so)?"
    r"|what\s+makes\s+(?:you|them|people|scientists|researchers)\s+(?:think|say|believe)\s+(?:so|that))"
    r"(?:\s+(?:that|this|so))?\s*[?.!]*$", re.I)


# What the person should choose for what was just asked about, a noun that is of something (a
# version, a value, a dose), and nothing else named: "Which version should I use?", "What value do
# I set?" ("Which version should I use?" after "How do I specify the C++ standard in CMake?" had
# been searched alone and found a Debian package's version). "Which therapy should I choose?"
# names a topic of its own.
_RELATIONAL = (r"(?:version|release|value|setting|option|flag|parameter|argument|file|format|mode|level|size|number|"
               r"amount|dose|dosage|method|way|approach|type|kind|sort|one|ones)")
_CHOICE_ASKED = re.compile(rf"^(?:which|what)\s+(?:[\w'-]+\s+)?{_RELATIONAL}\s+(?:should|do|can|could|would|must|shall)\s+"
                           r"(?:i|we|you)\s+[\w'-]+\s*[?.!]*$", re.I)


def _asks_of_the_last(q: str, content: list[str]) -> bool:
    """"What are the symptoms?", "Which is better?", "The second one?": of what was just asked about;
    "What evidence is there?": for it; "Does diet matter too?": as what was just asked about does."""
    definite = _BARE_DEFINITE.match(q) or _HOW_IS_THE.match(q) or _HOW_DONE_TO_THE.match(q)
    return bool((_ORDINAL.search(q) and len(content) <= 3) or _THERE_ANY.match(q)
                or (definite and not _names_its_own(q[definite.start("noun"):definite.end("noun")]))
                or _WHICH_IS.match(q) or _WHAT_THERE.match(q) or (_TIE.search(q) and len(content) <= 3))


def _names_its_own(phrase: str) -> bool:
    """Whether a noun phrase with "the" names its own thing by a name ("the Aalen-Johansen estimate",
    "the mgus2 data"): then "What is the Aalen-Johansen estimate?" asks of it, not of the previous
    question's topic, as "What are the symptoms?" does."""
    return any(w[:1].isupper() or _is_name(w) for w in _WORD.findall(phrase))


# "Does CBT?", "Can mindfulness too?": an auxiliary and its subject, the verb left to the previous
# question ("Which therapies change the brain?").
_ELLIPTIC = re.compile(r"^(?:and\s+|but\s+)?(?:do|does|did|can|could|will|would|should)\s+(?!(?:you|i|we)\b)([\w@'-]+)"
                       r"(?:\s+(?:too|also|as well|either))?\s*\?$", re.I)
# Words that tie a question to what was just said: "What changes were made as a result?"
# "there" at a question's end points at a place or a thing just asked about (not "there" of being:
# "Are there?", "How many were there?").
_THERE = re.compile(r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbe )\bthere(?=\s*[?.!]*$)", re.I)
_POINTS_BACK = re.compile(r"\b(?:as a result|in response|in that case|because of (?:this|that)|after that|if so|"
                          r"if not)\b|"
                          # "What happens if you don't get enough?": enough of what was just asked about
                          r"\b(?:enough|too\s+much|too\s+many|too\s+little|too\s+few)\s*[?.!]*$|"
                          # "What does the PRIVATE keyword mean there?": in what was just asked about
                          rf"{_THERE.pattern}", re.I)
# "Is the effect lasting?", "Was the difference significant?": a thing with "the" and nothing
# saying whose, and what is asked of it.
_BARE_YES_NO = re.compile(r"^(?:and\s+)?(?:is|are|was|were)\s+the\s+[\w'-]+\s+[\w'-]+\s*\?$|"
                          # "Can the damage be reversed?": the damage just asked about
                          r"^(?:and\s+)?(?:can|could|will|would|should|may|might|must)\s+the\s+[\w'-]+\s+be\s+[\w'-]+\s*\?$|"
                          # "What kind works best?": a kind of what was just asked about
                          r"^(?:and\s+)?(?:what|which)\s+(?:kinds?|types?|sorts?)\s+(?!of\b)", re.I)
# "Who was excluded?", "What was measured?", "How much is needed?": a passive or a predicate that names
# no subject (a participle in -ed, an adjective in -ble; "What is treatment?" names one).
_BARE_PASSIVE = re.compile(r"^(?:and\s+)?(?:who|what|which|when|where|why|how(?:\s+(?:much|many|long|often))?)\s+"
                           r"(?:is|are|was|were)\s+"
                           r"[a-z]{2,}(?:ed|ble)\s*\?$", re.I)
# "What dose is used?", "Which scale was chosen?", "Which brain regions are affected?": a thing
# asked of a passive without saying whose, or in what.
_NOUN_PASSIVE = re.compile(r"^(?:and\s+)?((?:what|which)\s+[\w'-]+(?:\s+[\w'-]+){0,2}?)(\s+(?:is|are|was|were)\s+"
                           r"([a-z]{2,}(?:ed|en))\s*\?)$", re.I)


def _noun_passive(q: str) -> re.Match | None:
    """`_NOUN_PASSIVE`'s match where the words after "what" or "which" are a noun's, no function word
    among them ("What happens when it is damaged?" asks what happens to the "it" it names)."""
    m = _NOUN_PASSIVE.match(q)
    return m if m and not any(w.lower() in FUNCTION_WORDS for w in m.group(1).split()[1:]) else None


# What a thing undergoes in a condition or a process rather than has of it: "Which brain regions are
# affected?" after "What is schizophrenia?" asks which are affected in schizophrenia, not which
# regions of schizophrenia are.
_UNDERGONE = frozenset({"affected", "involved", "implicated", "impaired", "altered", "changed", "damaged", "activated",
                        "disrupted", "targeted"})
# What is put to use for a condition or a purpose: "Which medications are used?" after "How is
# depression treated?" asks which are used for depression; a dose or a version is still of its owner
# (`_RELATIONAL`: "What dose is used?" after a question on minocycline asks for minocycline's).
_USED_FOR = frozenset({"used", "prescribed", "recommended", "given", "offered", "approved", "indicated"})
# "Does medication help?", "Does melatonin work?": help or work, without saying for what.
_HELPS = re.compile(r"^(?:and\s+|but\s+)?((?:do|does|did|can|could|would|will|might)\s+(?!(?:it|they|this|that|these|those|"
                    r"you|i|we|he|she)\b)[\w@'-]+(?:\s+[\w@'-]+)?\s+(help|work))\s*\?$", re.I)
# "Name a few", "Can you list some?": the things the previous question asked about, named.
_LIST_REQUEST = re.compile(r"^(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?(?:name|list)(?:\s+(?:a\s+few|some|several|all))?"
                           r"(?:\s+please)?\s*[?.!]*$", re.I)
# "Explain the first one", "What about the last?": one of the things the previous answer lists.
_ORDINAL = re.compile(r"\bthe\s+(?:first|second|third|fourth|fifth|last|other|next)\b(?!\s+(?:of|in)\b)", re.I)
# "What are the symptoms?": a noun phrase with "the" and nothing saying whose; the thing just asked
# about is.
_BARE_DEFINITE = re.compile(r"^(?:and\s+)?(?:what|which)\s+(?:is|are|was|were)\s+the\s+(?P<noun>[\w'-]+(?:\s+[\w'-]+)?)\s*\?$",
                            re.I)
# "How big were the groups?", "When are the sessions?": the same of a quality, a time or a place.
_HOW_IS_THE = re.compile(r"^(?:and\s+)?(?:when|where|how\s+[a-z]+)\s+(?:is|are|was|were)\s+the\s+(?P<noun>[\w'-]+(?:\s+[\w'-]+)?)\s*\?$",
                         re.I)
# "How is the threshold chosen?", "How are the reads filtered?": how a thing of the previous
# question's is done to.
_HOW_DONE_TO_THE = re.compile(r"^(?:and\s+)?how\s+(?:is|are|was|were)\s+the\s+(?P<noun>[\w'-]+(?:\s+[\w'-]+)?)\s+"
                              r"(?P<done>[a-z]+(?:ed|en|wn))\s*\?$", re.I)
# "Are there any downsides?": of what was just asked about, too ("Is there anything else?" names
# nothing to ask of it).
_THERE_ANY = re.compile(r"^(?:and\s+)?(?:is|are|was|were)\s+there\s+(?:any\s+)?(?!(?:any|some|no)(?:thing|one)\b)"
                        r"[\w'-]+(?:\s+[\w'-]+)?\s*\?$", re.I)
# "Any risks?", "And any side effects?": "Are there any ...?" of what was just asked about.
_ANY_NOUN = re.compile(r"^(?:(?:and|but|so)\s+)?(?:any|some)\s+(?!(?:of|more)\b)"
                       r"([\w'-]+(?:\s+(?!(?:of|for|in|with|on|at|to|from|by|about)\b)[\w'-]+){0,2})\s*\?$", re.I)
# "Which is better?", "Which one works best?": a choice that names nothing to choose among.
_WHICH_IS = re.compile(r"^(?:and\s+|so\s+)?which(?:\s+one\s+(?:[a-z]+s|has|have|had|does|did|can|could)|(?:\s+one)?\s+"
                       r"(?:is|are|was|were|works?|helps?|should\s+I\s+\w+))(?:\s+[\w'-]+){0,4}\s*\?$", re.I)
# A question asking an amount: a demonstrative after it stands for the amount the answer gives.
_AMOUNT_ASKED = re.compile(r"^\W*(?:(?:and|but|so)\s+)?how\s+(?:long|much|many|often|far|soon|old)\b", re.I)
# "What evidence is there?", "How much research is there?": what there is on the subject just asked about.
_WHAT_THERE = re.compile(r"^(?:and\s+)?(?:what|which|how\s+(?:much|many))(?:\s+(?:kinds?|types?|sorts?)\s+of)?"
                         r"\s+[\w'-]+(?:\s+[\w'-]+)?\s+(?:is|are|was|were)\s+there\s*\?$", re.I)
# A request that names no topic of its own: "Tell me more", "Give me an example", "More details?".
_REQUESTS = {"more", "example", "examples", "detail", "details", "explain", "elaborate", "expand", "continue",
             "go", "keep", "going", "anything"}
_REQUEST_WORDS = _REQUESTS | {"tell", "give", "show", "me", "us", "please", "further", "on", "another", "else",
                              "some", "any", "a", "an", "can", "could", "would", "you", "that", "this", "it", "in",
                              "is", "there"}


def _asks_for_more(text: str) -> bool:
    """Whether the text asks for more of the previous answer and names nothing else."""
    low = [w.lower() for w in _WORD.findall(text)]
    return bool(low) and all(w in _REQUEST_WORDS for w in low) and any(w in _REQUESTS for w in low)


def _fragment(q: str) -> re.Match | None:
    """A question word with at most a noun (`_WH_FRAGMENT`), none of its words a pronoun: "What
    causes it?" points back. After "how many" a verb's past participle with its object is one too:
    what is counted is the previous question's ("And how many completed the study?")."""
    m = _WH_FRAGMENT.match(q)
    if m and len(m.group(2).split()) > 2 and re.search(r"(?:many|much)$", m.group(1), re.I) \
            and not _participle(m.group(2).split()[0]):
        return None
    return m if m and not _PRONOUNS.search(m.group(2)) and not _THERE.search(q) else None


def _strip_lead(q: str) -> str:
    """The new topic of a follow-up: without its lead ("And for", "What about") and without an
    adverb that only ties it to the previous question ("What about Rc instead?", "And anxiety too?")."""
    topic = _LEADS.sub("", _TIE.sub("", q.strip())).strip()
    # "Any risks?": the risks ("What are the any risks of mindfulness?")
    topic = re.sub(r"^(?:any|some)\s+(?=\S)", "", topic, flags=re.I)
    topic = re.sub(r"[?.!]+$", "", topic).strip()
    # "Asynchronously?": an adverb capitalised only as the question's first word
    return topic.lower() if re.fullmatch(r"[A-Z][a-z]+", topic) and _is_adverb(topic.lower()) else topic


_TIE = re.compile(r"(?<=\S),?\s+(?:instead|too|as well|also)(?=[?.!]*$)", re.I)


# A passive's participle: after "be", or an "-ed" word right after "is"/"are"/"was"/"were" ("Which
# genes are linked to autism?"; not "-en" there: "What is oxygen used for?").
_PASSIVE = re.compile(r"\b(?:(?:be|been|being)\s+([a-z]+(?:ed|en))|(?:is|are|was|were)\s+([a-z]{3,}ed))\b", re.I)


_SUBJECT_PRONOUNS = {"it", "they"} | _DEMONSTRATIVES
_BE_QUESTION = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:is|are|was|were)\s+(?:(?:the|a|an)\s+)?(?=\w)", re.I)


def _predicate(text: str) -> int | None:
    """Where the adjective a be-question says of its subject starts: the last of the two or more
    content words after "Is" that the question's end or a function word other than a determiner
    follows, or the one word after a pronoun ("effective" of
    "Is a low-fat diet effective for weight loss?", which "intermittent fasting" took the place of
    with the diet); None otherwise."""
    lead = _BE_QUESTION.match(text)
    if lead is None:
        return None
    run = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, lead.end())]
    # after a pronoun subject the next word is the adjective ("Is it safe?")
    pronoun = bool(run) and run[0][2].lower() in _SUBJECT_PRONOUNS
    run = run[pronoun:]
    n = next((k for k, t in enumerate(run) if t[2].lower() in _STOP), len(run))
    # a noun phrase after the run makes it the subject of a noun ("Is electroconvulsive therapy a
    # neuroplasticity-based intervention?")
    return run[n - 1][0] if n >= 2 - pronoun and (n == len(run) or run[n][2].lower() not in _DETERMINERS) else None


def _phrases(text: str) -> list[tuple[int, int]]:
    """Spans of runs of 1-3 consecutive content words (a verb the question pivots on, "affect",
    ends a run: "stress affect" names nothing, and so do a do-question's verbs, `_verb_after_name`
    and `_closing_verb`)."""
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    closing = _closing_verb(text)
    verbs = {_verb_after_name(text) if closing is None else closing}
    # a passive's participle after "be" is its verb ("How should tables be captioned in ...?")
    verbs |= {m.start(1) if m.group(1) else m.start(2) for m in _PASSIVE.finditer(text)}
    if (participle := _STRANDED_PARTICIPLE.search(text) or _CLOSING_PASSIVE.match(text)) is not None:
        verbs.add(participle.start(1))
    if predicate := _predicate(text):
        verbs.add(predicate)
    words = [w for _, _, w in tokens]
    stops = [(w.lower() in _STOP and not _names_kind(words, k)) or bool(_PIVOT.fullmatch(w + " ")) or s in verbs
             for k, (s, _, w) in enumerate(tokens)]
    out = []
    for i, (s, _, _) in enumerate(tokens):
        if stops[i]:
            continue
        for j in range(i, min(i + 3, len(tokens))):
            if stops[j]:
                break
            out.append((s, tokens[j][1]))
    return out


def _before_pivot(text: str) -> str:
    """`text` up to its first preposition, auxiliary or pivot verb (`_PIVOT`), one that names a
    kind aside ("a for loop", `_names_kind`)."""
    for m in _PIVOT.finditer(text):
        words = [w.group() for w in _WORD.finditer(text[: m.start()])][-1:] + [m.group(1)]
        words += [w.group() for w in _WORD.finditer(text, m.end())][:1]
        if not _names_kind(words, len(words) - 2 if len(words) == 3 else 0):
            return text[: m.start()]
    return text


def _names_kind(words: list[str], k: int) -> bool:
    """Whether the function word `words[k]` names a kind, between an article and a content word ("a
    for loop", "the with statement"): a content word there."""
    return (0 < k < len(words) - 1 and words[k - 1].lower() in ("a", "an", "the") and words[k].lower() in _STOP
            and words[k + 1].lower() not in _STOP)


def _verb_after_name(text: str) -> int | None:
    """Where the verb of a do-question whose subject is a name starts, when words follow it: the
    word after the names ("handle" in "How does Rust handle memory safety?"); None otherwise."""
    do = re.search(r"\b(?:does|do|did)\s+", text, re.I)
    words = list(_WORD.finditer(text, do.end())) if do else []
    named = next((k for k, m in enumerate(words) if not (_is_name(m.group()) or m.group()[:1].isupper()
                                                          or (k and m.group().lower() in ("and", "or")))), len(words))
    return words[named].start() if 0 < named < len(words) - 1 else None


# A do-question whose question word is what its verb acts on: "What does os.cpus() return?",
# "Which files does pyenv local write?".
# ("How many credits does the course require?" asks for its object too)
_OBJECT_ASKED = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:what|which|how\s+(?:many|much|long|often))(?:\s+[\w'-]+){0,2}?"
                           r"\s+(?:do|does|did)\s", re.I)


def _closing_verb(text: str) -> int | None:
    """Where the verb that closes a do-question asking for its object starts, after a subject of
    content words ("return" of "What does os.cpus() return?"; the subject's verb, not a name's
    following word as `_verb_after_name` guesses: "local" of "Which files does pyenv local
    write?"); None for other questions."""
    asked = _OBJECT_ASKED.match(text)
    do = _DO_VERB.search(text) if asked else None
    # Its subject is a noun phrase: a preposition before the last word ("What does exercise do for
    # depression?") leaves the verb unknown.
    if not do or any(w.lower() in _STOP - _DETERMINERS for w in _WORD.findall(text, asked.end(), do.start(1))):
        return None
    return do.start(1)


def _asked_after(question: str, previous: str | None) -> str | None:
    """The previous question a follow-up is rewritten after: "What does it say about trauma?" after
    "Who wrote this article? (Why does ...?)" is of the question before (`documents_asked`), whose
    thing "it" is; "they" may be the writers that answer named."""
    return documents_asked(previous) if previous and not _PERSONS.search(question) else previous


_PERSONS = re.compile(r"\b(?:they|them|their|he|she|his|her|him)\b", re.I)


# "What does it say about trauma?", "Does it mention exercise?", "What did this find?": "it" is the
# subject of a verb a document is the subject of, so it stands for the previous answer's document.
_SAYS_OF_IT = re.compile(r"^\W*(?:and\s+)?(?:(?:what|how|why|where|when|which(?:\s+[\w'-]+)?)\s+)?(?:does|did|do)\s+"
                         r"(?:it|this|that)\s+(?:also\s+)?(?:say|says|mention|report|discuss|state|conclude|recommend|"
                         r"suggest|describe|find|show)\b", re.I)


# "How should I cite it?", "How do I install it?", "Where can I download it?": "it" is what a
# document is or is about, a paper or a program, which is cited, installed or downloaded whole, no
# part of it ("How do I install --min-length?" had been asked after "What does --min-length do?").
_WHOLE_OF_IT = re.compile(r"^\W*(?:and\s+)?(?:how|where|when|can|could|should|do|does|must|may)\b(?:\s+[\w'-]+){0,4}?\s+"
                          r"(?:cite|reference|install|uninstall|reinstall|download|update|upgrade)\s+(?:it|this|that)\s*[?.!]*$", re.I)


# What only a document is: peer reviewed, published, retracted, open access, under a licence ("Was
# it peer reviewed?", "What licence is it under?", "Who holds its copyright?").
_STANDING_OF_IT = re.compile(r"^\W*(?:and\s+)?(?:(?:is|was|has|have)\s+(?:it|this|that)\s+(?:been\s+|yet\s+|already\s+)?"
                             r"(?:peer[\s-]?reviewed|published|retracted|open[\s-]access|preprinted)\b|"
                             r"(?:what|which|under\s+what|under\s+which)\s+(?:licen[cs]e|copyright)\s+(?:is|was)\s+(?:it|this|that)\b|"
                             r"(?:what|who)\s+(?:is|holds|owns)\s+its\s+(?:licen[cs]e|copyright)\b|"
                             r"(?:where|when|at\s+what|at\s+which)(?:\s+\w+)?\s+(?:was|is|were)\s+(?:it|this|that)\s+"
                             r"(?:first\s+)?(?:presented|published)\b)", re.I)


def asks_of_the_document(q: str) -> bool:
    """Whether the question asks what the previous answer's document says, names, reports or finds
    ("What does it say about trauma?", "Does it mention exercise?"), or how it, or what it is
    about, is cited, installed or downloaded (`_WHOLE_OF_IT`), or whether it was peer reviewed or
    published, under what licence, or where it was presented (`_STANDING_OF_IT`): "it" stands for the document, no
    phrase of the previous question ("What does neuroplasticity say about trauma?" had been
    asked)."""
    return _SAYS_OF_IT.match(q) is not None or _WHOLE_OF_IT.match(q) is not None or _STANDING_OF_IT.match(q) is not None


def _of_the_document(q: str) -> bool:
    """Whether the question asks of the previous answer's document (`asks_of_the_document`), or
    what a document's front matter answers (`asks_front_matter`: who wrote it, when, its DOI, what
    it is about), naming no document but by its kind ("Who are the authors?", "Who wrote this
    article?", "When was it published?", "What is it about?"): a pronoun other than a document's
    determiner stands for the previous question's thing where it asks who ("Who wrote it?" after
    "What does the newspaper package redefine?")."""
    if asks_of_the_document(q):
        return True
    if not (asks_front_matter(q) and names_no_document(q)):
        return False
    pronoun = _PRONOUNS.search(q)
    kind = re.match(r"\s+([\w'-]+)", q[pronoun.end():]) if pronoun else None
    return asks_document_date(q) or not pronoun or (kind is not None and about_a_document(kind.group(1)))


def documents_asked(previous: str) -> str:
    """The question whose answer's documents a follow-up of `previous` is about: `previous`, but
    for a question of those documents' front matter searched with the one before it ("Who are the
    authors? (Why does neuroplasticity matter for recovery?)"), the one before, whose answer they
    came from."""
    while (inner := _TOGETHER.fullmatch(previous)) and _of_the_document(inner.group(1)):
        previous = inner.group(2)
    return previous


def continues_topic(question: str, previous: str | None) -> bool:
    """Whether a question that stands alone goes on with the previous one's subject: it names
    nothing (no word with a capital after its first) while the previous one did, and they share a
    content word ("How many women were lost to follow-up?" after "How long was follow-up in the
    LIMIT trial?"); or it asks what a document's front matter answers (who wrote it, when, its DOI,
    what it is about) and names none ("And who are the authors?" after "How were participants
    recruited in the HOPE trial?" or "Why does neuroplasticity matter for recovery?"): the previous
    answer's document."""
    if previous and asks_front_matter(question) and names_no_document(question):
        return True
    if not previous or _NAMES_IN.search(_body(question)[1:]) or not _NAMES_IN.search(_body(previous)[1:]):
        return False
    return bool({w.lower() for w in _content_words(question)} & {w.lower() for w in _content_words(previous)})


# A word set in a capital or with one inside ("LIMIT", "GoActive", "U@Uni"), not a question's first.
_NAMES_IN = re.compile(r"(?<![\w@.-])[A-Za-z]*[A-Z][\w@.-]*")


def resolve_followup(question: str, history: list[str], encoder, long_forms: Mapping[str, str] | None = None
                     ) -> ResolvedQuery:
    """The standalone query for `question` given earlier questions (oldest first). A question
    longer than any that can be searched is not rewritten (searching it says why), and such an
    earlier one is passed over: rewriting costs time in its length. `long_forms`: abbreviations the
    documents define, with their long forms, which phrases are compared by (`_SpelledOut`)."""
    if long_forms:
        encoder = _SpelledOut(encoder, long_forms)
    previous, slot, pair = None, None, None
    replaced = False  # whether the slot is a topic a follow-up named, not a pronoun's referent
    earlier: list[str] = []  # the questions before `previous`, as they were searched
    for past in history:
        past = strip_control(past or "")
        if past and len(past) <= config.MAX_QUESTION_CHARS:
            resolved = _resolve_one(past, _asked_after(past, previous), slot, encoder, pair, tuple(earlier), replaced)
            # a pair a pronoun stood for stays one ("Which is better?" after "Are they evidence-based?")
            pair = _pair(previous, resolved) or (pair if pair and resolved.topic == pair else None)
            if previous:
                earlier.append(previous)
            # a topic the follow-up names itself, not one a pronoun of it stood for
            replaced = resolved.topic is not None and resolved.topic.lower() in past.lower()
            previous, slot = resolved.query, resolved.topic
    q = strip_control(question or "")
    if len(q) > config.MAX_QUESTION_CHARS:
        return ResolvedQuery(question, q, "standalone", previous=previous)
    return _resolve_one(q, _asked_after(q, previous), slot, encoder, pair, tuple(earlier), replaced)._replace(previous=previous)


class _SpelledOut:
    """An encoder that reads each abbreviation the documents define as its long form: the model
    knows "cognitive behavioural therapy", not "CBT", so "What about mindfulness?" after "Is CBT
    effective for insomnia?" had taken the place of insomnia, the phrase more like it."""

    def __init__(self, encoder, long_forms: Mapping[str, str]) -> None:
        self._encoder = encoder
        self._long = dict(long_forms)

    def encode(self, texts: list[str]) -> np.ndarray:
        return self._encoder.encode([spelled_out(t, self._long) for t in texts])


# "What about the reverse?", "And vice versa?": the previous question with its two ends swapped;
# "And the opposite?": with its direction or quality turned round.
_TURNED_LEAD = r"^\W*(?:(?:and|but|so|now|then)\s+)?(?:(?:what|how)\s+about\s+)?(?:the\s+)?"
# "And back?", "And back again?", "What about the other way?": a conversion's way back.
_REVERSE_ASKED = re.compile(rf"{_TURNED_LEAD}(?:reverse|converse|opposite\s+direction|other\s+way(?:\s+(?:round|around))?|"
                            r"vice\s+versa|back(?:\s+again)?)\s*[?.!]*$", re.I)
_OPPOSITE_ASKED = re.compile(rf"{_TURNED_LEAD}opposite\s*[?.!]*$", re.I)
_END = r"(?P<end>\s*[?.!]*)$"
_SWAPPED = (
    # "How do I reshape a table from wide to long?" -> "... from long to wide?": the ends a "from"
    # names, not the thing converted
    re.compile(rf"^(?P<head>.*?\b(?:do|does|can|could|should|would|will)\s+(?:I|you|we|one)\s+[\w'-]+\s+.*?\bfrom\s+)"
               rf"(?P<a>.+?)(?P<mid>\s+(?:to|into)\s+)(?P<b>[^?.!]+?){_END}", re.I),
    # "How do I convert a DNA sequence to RNA?" -> "How do I convert RNA to a DNA sequence?"
    re.compile(rf"^(?P<head>.*?\b(?:do|does|can|could|should|would|will)\s+(?:I|you|we|one)\s+[\w'-]+\s+(?:from\s+)?)"
               rf"(?P<a>.+?)(?P<mid>\s+(?:to|into)\s+)(?P<b>[^?.!]+?){_END}", re.I),
    # "What is the effect of sleep on memory?" -> "... of memory on sleep?"
    re.compile(rf"^(?P<head>.*?\b(?:effects?|impact|influence|role)\s+of\s+)(?P<a>.+?)(?P<mid>\s+on\s+)(?P<b>[^?.!]+?){_END}",
               re.I),
    # "Does stress cause depression?" -> "Does depression cause stress?"
    re.compile(rf"^(?P<head>\W*(?:does|do|did|can|could)\s+)(?P<a>.+?)(?P<mid>\s+(?:cause|affect|predict|influence|"
               rf"lead\s+to|precede|increase|reduce|protect\s+against)\s+)(?P<b>[^?.!]+?){_END}", re.I),
)


_OPPOSITE = {a: b for pair in OPPOSITE_WORDS for a, b in (pair, pair[::-1])}


def _turned_round(q: str, previous: str) -> str | None:
    """The previous question asked the other way round, for "What about the reverse?" (its two ends
    swapped, `_reversed`) or "And the opposite?" (its direction turned round, `_opposite`, else its
    ends swapped); None for another follow-up, or a question without either."""
    if _REVERSE_ASKED.match(q):
        return _reversed(previous)
    if _OPPOSITE_ASKED.match(q):
        return _opposite(previous) or _reversed(previous)
    return None


def _opposite(previous: str) -> str | None:
    """The previous question with its first word of a direction or quality replaced by the
    opposite word ("Does exercise improve mood?" -> "Does exercise worsen mood?"); None where it
    has none."""
    for m in _WORD.finditer(previous):
        if (word := m.group()).lower() in _OPPOSITE:
            other = _OPPOSITE[word.lower()]
            return previous[: m.start()] + (other.capitalize() if word[0].isupper() else other) + previous[m.end():]
    return None


def _reversed(previous: str) -> str | None:
    """The previous question asked the other way round ("What about the reverse?" after "How do I
    convert a DNA sequence to RNA?" asks how to convert RNA to a DNA sequence): its two ends, what
    it goes from and to, or what acts and what is acted on, swapped; None where it names no such
    pair."""
    for pattern in _SWAPPED:
        if m := pattern.match(previous):
            return _tidy(f"{m.group('head')}{m.group('b')}{m.group('mid')}{m.group('a')}{m.group('end')}")
    return None


# A question comparing two things it names: "How does X differ from Y?", "What is the difference
# between X and Y?".
_TWO_COMPARED = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:how\s+(?:does|do|is|are)\s+(?P<a>[\w' -]+?)\s+(?:differ|different)\s+from\s+(?P<b>[\w' -]+?)|"
    r"what\s+(?:is|are)\s+the\s+differences?\s+between\s+(?P<c>[\w' -]+?)\s+and\s+(?P<d>[\w' -]+?))\s*[?.!]*$", re.I)


def _pair(previous: str | None, resolved: ResolvedQuery) -> str | None:
    """"unwrap and expect" when a follow-up ("And expect?") put its topic in the place of a phrase
    of the previous question ("What does unwrap do?"), or the two things a question compares
    (`_TWO_COMPARED`): what "they" or "them" or "Which one ...?" in the next question may stand for.
    None otherwise, or when either is already plural."""
    if compared := _TWO_COMPARED.match(resolved.query):
        # "How does neuropsychotherapy differ from CBT?": the two things it compares
        both = compared.group("a", "b") if compared.group("a") else compared.group("c", "d")
        return None if any(map(_is_plural, both)) else " and ".join(both)
    if not previous or resolved.kind != "new-topic" or not resolved.topic:
        return None
    old, new = previous.rstrip("?.! ").split(), resolved.query.rstrip("?.! ").split()
    # "the prefrontal cortex" after "the amygdala": the article the two share stays out of the diff
    bare = _ARTICLE.sub("", resolved.topic)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "replace" and " ".join(new[j1:j2]) in (resolved.topic, bare):
            phrase = " ".join(old[i1:i2])
            if bare != resolved.topic and i1 and _ARTICLE.match(old[i1 - 1] + " "):
                phrase = f"{old[i1 - 1]} {phrase}"
            return None if _is_plural(phrase) or _is_plural(resolved.topic) else f"{phrase} and {resolved.topic}"
    return None


# "And the maximum?", "What about the lowest?": the question is a degree alone after "the".
_DEGREE_ALONE = re.compile(r"^(\W*(?:(?:and|but|so)\s+)?(?:(?:what|how)\s+about\s+)?the\s+[a-z]+)(\s*[?.!]*)$", re.I)
_DEGREE_WORDS = {"maximum", "minimum", "optimum", "maximal", "minimal", "best", "worst", "least", "most"}


def _is_degree(word: str) -> bool:
    """Whether a word names a degree of something: a superlative of an English adjective
    ("highest", "largest", "earliest": the model's English has its comparative) or a word that
    means one ("maximum")."""
    word = word.lower()
    if word in _DEGREE_WORDS:
        return True
    # a superlative has its comparative ("highest", "higher"); "interest", "forest" have none
    return word.endswith("est") and len(word) >= 6 and word[:-3] + "er" in english_words()


# A follow-up that adds a condition to the previous question: "And if she is pregnant?", "What if
# they are on a drug that causes hypoglycaemia?".
# ("What if it doesn't work?" after "What is CBT?" asks what then of CBT: a person's condition only.)
_CONDITION = re.compile(r"^\W*(?:(?:and|but|so)\s+(?:what\s+)?if\s+|what\s+if\s+(?=(?:i|you|we|he|she|they|my|your|our|his|her|their)\b))"
                        r"(\S.*?)\s*[?.!]*$", re.I)


def _conditioned(q: str, previous: str) -> str | None:
    """The previous question under the condition a follow-up adds (`_CONDITION`: "What is the HbA1c
    target if they are on a drug that causes hypoglycaemia?"), where it has none of its own (one
    it has, the follow-up's takes the place of by the previous question's frame, `_same_frame`:
    "How do I check if a string contains spaces?"); None for another question."""
    asked = _underlying(previous).strip().rstrip("?.!").rstrip()
    if not (condition := _CONDITION.match(q)) or re.search(r"\bif\b", asked, re.I):
        return None
    return f"{asked} if {condition.group(1)}?"


def _resolve_one(question: str, previous: str | None, slot: str | None, encoder, pair: str | None = None,
                 earlier: tuple[str, ...] = (), replaced: bool = True) -> ResolvedQuery:
    """`slot`: the topic the previous question was resolved with; `replaced`: whether a follow-up
    named it (else a pronoun stood for it)."""
    if previous and _of_the_document(question.strip()):
        # "Who are the authors?", "When was it published?": of the document the previous answer came
        # from, which its question finds again (a phrase of it put in the pronoun's place, "When was
        # neuroplasticity published?", finds other documents)
        return ResolvedQuery(question, f"{_unled(question.strip())} ({_underlying(previous)})", "reference")
    return _rewritten(question, previous, slot, encoder, pair, earlier, replaced)


def _rewritten(question: str, previous: str | None, slot: str | None, encoder, pair: str | None,
               earlier: tuple[str, ...], replaced: bool) -> ResolvedQuery:
    """`_resolve_one` for a question of another thing than the previous answer's document."""
    q = question.strip()
    if previous:
        # "And those in the intervention group?", "And that of the girls?": the previous question's
        # thing under a new circumstance, as "And in the intervention group?" asks
        q = _THOSE_IN.sub(r"\1", q)
        q = _same_or_this(q, previous)
        # "And the maximum?" after "What is the starting dose of zopiclone?": a degree of the same
        # thing, as "the maximum one" asks (`_one_of_kind`), not a thing of its own
        q = _DEGREE_ALONE.sub(lambda m: f"{m.group(1)} one{m.group(2)}" if _is_degree(m.group(1).split()[-1]) else m.group(),
                              q)
    if previous and (whole := _same_frame(q, previous) or _turned_round(q, _underlying(previous)) or _conditioned(q, previous)):
        # the previous question's frame with new words, turned round ("And vice versa?") or under
        # a condition ("And if she is pregnant?")
        return ResolvedQuery(question, whole, "new-topic")
    kind = (is_followup(q) or _compares_named(q, previous)) if previous else ""
    q, of_kind = _with_one_named(question, q, previous, kind)
    if of_kind:
        return of_kind
    if not kind or not previous:
        # "And is mindfulness effective?": a question of its own, without the word that tied it on
        return ResolvedQuery(question, _unled(q), "standalone")
    if fragment := _fragment(_unled(q)):
        return _fragment_followup(question, fragment, previous)
    if kind == "new-topic":
        together = _TOGETHER.fullmatch(previous)
        if together and _asks_for_more(together.group(1)):
            # "What about in older adults?" after "Give an example": of the question the request was about
            previous = _underlying(previous)
        elif together and _LEAD_PREPOSITION.match(q):
            # "And at 10 weeks?" after "How many completed follow-up? (How many ... were randomised?)":
            # a circumstance of the short question, which keeps the one it was searched with
            short = _new_topic(question, q, together.group(1), slot, encoder, replaced)
            return short._replace(query=f"{short.query} ({together.group(2)})")
        elif together and not _content_words(together.group(1)):
            # "What about inflate()?" after "When? (Is deflate() guaranteed to consume all input?)":
            # the new topic goes into the question under the bare one, which keeps its place
            inner = _new_topic(question, q, together.group(2), slot, encoder, replaced)
            if inner.topic is not None:  # it took a phrase's place, rather than going beside it
                return inner._replace(query=f"{together.group(1)} ({inner.query})")
            # beside it, the two are searched together, the bare one left out: "What about travel
            # costs?" after "How much? (Will I be paid?)" had asked "Will I be travel costs?" under it
            return inner
        return _new_topic(question, q, previous, slot, encoder, replaced)
    return _reference(question, q, previous, slot, pair, earlier)


def _reference(question: str, q: str, previous: str, slot: str | None, pair: str | None,
               earlier: tuple[str, ...] = ()) -> ResolvedQuery:
    """A follow-up that points back (`is_followup`'s "reference"); `pair`: both topics of the two
    questions before (`_pair`); `earlier`: the questions before the previous one, as searched.  The
    topic a pronoun stood for is kept as the next slot."""
    kind: FollowupKind = "reference"
    if _asks_for_more(q):
        # "Tell me more", "Can you explain that in more detail?": more of the question just asked
        # (the one under an earlier request: "Give me an example" after "Tell me more")
        return ResolvedQuery(question, f"{q} ({_underlying(previous)})", "more")
    if found := _study_found(question, q, previous, earlier):
        return found
    if owned := _there(question, q, previous, slot, earlier) or _owned(question, q, previous, slot, earlier) \
            or _one_of(question, q, previous, slot, earlier) or _how_many_of(question, q, previous, slot, earlier) \
            or _happening(question, q, previous) or _quantified(question, q, previous):
        return owned
    if _WHICH_IS.match(q) and pair:
        # "Which is better?" after "What is CBT?", "And mindfulness?": one of the two
        return ResolvedQuery(question, f"{q} ({pair.replace(' and ', ' or ')})", kind)
    if (elliptic := _ELLIPTIC.match(q)) and not _PRONOUNS.fullmatch(elliptic.group(1)):
        # "Does CBT?" after "Which therapies change the brain?": searched with it, and CBT is the
        # topic a next follow-up replaces ("And mindfulness?")
        return ResolvedQuery(question, f"{q} ({_underlying(previous)})", kind, elliptic.group(1))
    pronoun = _PRONOUNS.search(q)
    if pronoun and (together := _TOGETHER.fullmatch(previous)):
        under = _under_together(question, q, together, pronoun.group(), earlier)
        if isinstance(under, ResolvedQuery):
            return under
        previous = under
    determiner = re.match(r"\s+([\w'-]+)", q[pronoun.end():]) if pronoun else None
    demonstrative = pronoun is not None and pronoun.group().lower() in _DEMONSTRATIVES
    if _WHICH_OF.search(q) or _WHICH_IS.match(q) or not pronoun or (
            demonstrative and determiner and determiner.group(1).lower() not in _STOP) or (
            demonstrative and pronoun.group().lower() in ("this", "that") and not determiner) or (
            demonstrative and _AMOUNT_ASKED.match(_underlying(previous))):
        # The things to choose among are what the previous question asked for, which no phrase of
        # it names alone ("What functions decode DER data?"); "Were any serious?" after "What side
        # effects did participants report?": no word of it stands for a phrase of the previous
        # question; "What is that phenomenon called?": the phenomenon is what the previous question
        # describes; "How reliable is that?": what the previous question and its answer say; "Is that
        # the same for everyone?" after "How long does it take to form a habit?": the amount the
        # answer gives.  The two are searched together.
        return ResolvedQuery(question, f"{q} ({_underlying(previous)})", kind)
    plural = pronoun.group().lower() in _PLURAL_PRONOUNS
    as_object = _is_object(q, pronoun.start())
    # "How can it work offline?" after "Does Cargo work on Windows?", "And with C code?": what does
    # the verb now is what did it then, not the phrase the follow-up put in
    doer = "" if as_object else _doer(previous, q[pronoun.end():], plural)
    # "When should I use them?" after "What does unwrap do?", "And expect?": both
    topic = doer or (pair if plural and pair else _topic_of(previous, slot, pronoun.group(), earlier, as_object))
    topic = _measured_owner(topic, q[pronoun.end():])
    topic = _study_instead(q, pronoun.group(), topic, previous, earlier)
    # "Which therapies use it?" after "Are there any risks of neuroplasticity helping with
    # depression?": what is used is the thing that acts, not its act
    topic = _act_subject(topic) or topic if as_object else topic
    topic = _agreeing_person(pronoun.group(), _before_restated(topic, q[pronoun.end():]), previous)
    personal = pronoun.group().lower() in ("it", "its", "they", "them", "their")
    topic = _kind_of(topic) if plural and personal else topic
    if _answer_named(previous, pronoun.group()) or (
            topic and personal and _is_plural(topic) != plural and " and " not in topic):
        # "Were they trained?" after "Who delivered the GoActive intervention?": they are whom the
        # answer names, no phrase of the question ("Were the GoActive intervention trained?"), as
        # after "Who delivered the sessions?" ("Were the sessions trained?")
        return ResolvedQuery(question, f"{q} ({_underlying(previous)})", kind)
    if not topic:
        return ResolvedQuery(question, f"{q} ({previous})", kind)
    replaced, n = _substitute(q, topic)
    if n and pronoun.group().lower() == "it" and " and " in topic and _is_plural(topic):
        # "How is it treated?" for "depression and anxiety": the verb agrees with the pair.
        at = pronoun.start()
        replaced = _SINGULAR_VERB.sub(_plural_verb, replaced[:at]) + replaced[at:]
    return ResolvedQuery(question, _unled(_tidy(replaced)), kind, topic) if n else \
        ResolvedQuery(question, f"{q} {topic}", kind)


# What is done to a study and seldom to anything else: funded, sponsored, conducted, registered.
_STUDY_ACT = re.compile(r"\b(?:fund(?:s|ed)?|sponsor(?:s|ed)?|financ(?:e|es|ed)|conduct(?:s|ed)?|carried\s+out|"
                        r"register(?:s|ed)?)\b", re.I)


# A measure of a thing ("the bioavailability of lithium", "the prevalence of depression"), and what
# is said of an amount as such: how it is measured or set, that it is the same, higher or normal.
# (Not a dose, which is itself taken, tolerated or safe: "Was it well tolerated?" after "What dose of
# minocycline was used?" asks of the dose.)
_MEASURE_OF = re.compile(r"^(?:the|a|an)\s+(?:(?:mean|average|usual|maximum|minimum|normal)\s+)?"
                         r"(?:level|concentration|half-life|bioavailability|clearance|prevalence|incidence|"
                         r"mortality|rate|weight|size|temperature|pressure)s?\s+of\s+(\S.*)$", re.I)
_SAID_OF_AMOUNTS = re.compile(r"\b(?:measured|calculated|assessed|defined|estimated|determined|computed|reported|expressed|"
                              r"monitored|checked|tested|adjusted|increased|decreased|reduced|raised|lowered|changed|titrated|"
                              r"same|different|higher|lower|normal|high|low|significant|split|divided|measure|calculate|"
                              r"adjust|increase|reduce|lower|raise|change|check|monitor)\b", re.I)


def _measured_owner(topic: str, after: str) -> str:
    """What a pronoun standing for a measure of a thing (`_MEASURE_OF`) stands for: the thing, which
    the next question speaks of ("How is it excreted?" after "What is the bioavailability of
    lithium?" had asked how the bioavailability was excreted, "What are its trade names?" whose
    trade names), but for what is said of an amount as such (`_SAID_OF_AMOUNTS`: "How is it
    adjusted?", "Is it the same for children?"), the measure."""
    m = _MEASURE_OF.match(topic)
    return m.group(1) if m and not _SAID_OF_AMOUNTS.search(after) else topic


# What a study's researchers do with what they learned: find, conclude, report, show, recommend.
_FOUND_ACT = re.compile(r"\b(?:find|found|conclude|concluded|report|reported|show|showed|shown|observe|observed|discover|"
                        r"discovered|demonstrate|demonstrated|recommend|recommended|suggest|suggested)\b", re.I)
# The verb before a plural subject that a singular one takes otherwise ("do they" -> "does the study").
_SINGULAR_OF = {"do": "does", "have": "has", "are": "is", "were": "was"}


def _study_found(question: str, q: str, previous: str, earlier: tuple[str, ...]) -> ResolvedQuery | None:
    """"What did they find?" after "How many rats were used in the lamina I study?": what the study
    the conversation named found, not the rats (they are its researchers, `_FOUND_ACT`); the study
    latest named, its verb made singular ("What do they conclude?" -> "What does ... conclude?").
    None for another question, or where no study was named."""
    they = re.search(r"\bthey\b", q, re.I)
    if not they or not _FOUND_ACT.search(q[they.end():]):
        return None
    for past in (previous, *map(_underlying, reversed(earlier))):
        study = re.search(rf"\bthe\s+(?:[\w@'’-]+\s+){{0,4}}?(?:{_STUDY_HEADS})\b", _underlying(past), re.I)
        if study:
            before = re.sub(r"\b(do|have|are|were)(\s+)$", lambda m: _SINGULAR_OF[m.group(1).lower()] + m.group(2),
                            q[: they.start()], flags=re.I)
            return ResolvedQuery(question, _unled(_tidy(f"{before}{study.group()}{q[they.end():]}")), "reference", study.group())
    return None


def _study_instead(q: str, pronoun: str, topic: str, previous: str, earlier: tuple[str, ...]) -> str:
    """For "it" of what is done to a study (`_STUDY_ACT`: "Who funded it?", "Where was it
    conducted?"), a study the conversation named (a phrase whose head is a study's, `_STUDY_HEADS`),
    latest first, where `topic` names none: after "What about gestational weight gain?" following
    questions on the LIMIT trial, "Who funded it?" had asked who funded gestational weight gain;
    after "What about its primary outcome?" it asks who funded the trial, not its outcome, and after
    "What is the primary outcome of the BeneMin trial?" who funded the BeneMin trial."""
    if pronoun.lower() not in ("it", "its") or not _STUDY_ACT.search(q):
        return topic
    for found in (topic, *(_referent(past, False) for past in (previous, *map(_underlying, reversed(earlier))))):
        if found and _A_STUDY.search(found):
            # the study that owns what was asked of ("the LIMIT trial's primary outcome"), not that
            owner = re.match(rf"^(.*?\b(?:{_STUDY_HEADS}))['’]s?\s", found, re.I)
            # nor of what was asked "of" it ("the primary outcome of the BeneMin trial")
            of = re.search(rf"\bof\s+((?:the|this|that|its|their)\s+(?:[\w@'’-]+\s+){{0,4}}?(?:{_STUDY_HEADS}))\s*$", found, re.I)
            return owner.group(1) if owner else of.group(1) if of else found
    return topic



def _under_together(question: str, q: str, together: re.Match, pronoun: str, earlier: tuple[str, ...]
                    ) -> ResolvedQuery | str:
    """For a follow-up with `pronoun` after a question searched with the one before (`together`:
    "Explain the second one (What are the four aspects ...?)"), the question to read the pronoun
    in, or the follow-up resolved: after a request for more, the pronoun is the topic of the
    question under it; after a short question pointing back, the phrase of the question under it
    that the pronoun can be; else it points at what that answer showed, which no phrase names, and
    the follow-up is searched with a question that asked for it."""
    short, under = together.group(1), together.group(2)
    if (choice := _CHOICE.fullmatch(under)) and pronoun.lower() in _PLURAL_PRONOUNS:
        # "How should they be stored?" after "Which one causes weight gain? (amitriptyline or
        # sertraline)": both things chosen among ("... (Which one causes weight gain? (...))" had
        # nested a question a level)
        both = f"{choice.group(1)} and {choice.group(2)}"
        replaced, n = _substitute(q, both)
        if n:
            return ResolvedQuery(question, _unled(_tidy(replaced)), "reference", both)
    inner = _PRONOUNS.search(short)
    bare = not [w for w in _content_words(short) if w.lower() not in ("one", "ones")]
    if not _asks_for_more(short) and ((inner and inner.group().lower() == pronoun.lower()) or bare):
        # "Who developed it?" after "How reliable is it? (Which questionnaire ...?)": the same
        # thing the answer named, searched with the question that asked for it; so too after a
        # question word alone ("Did they also retain the most?" after "Why? (Which sites ...?)"),
        # or with "ones" for the noun ("Were they all in Cambridgeshire?" after "Which ones? (How
        # many schools ...?)")
        return ResolvedQuery(question, f"{q} ({under})", "reference")
    if _asks_for_more(short):
        return _underlying(together.group())
    if inner and _topic_of(under, None, pronoun, earlier):
        # "Which therapies use it?" after "Is that proven? (How does neuroplasticity help with
        # depression?)": the short question points at the one under it, whose phrase "it" is
        # too ("Which therapies use it? (Is that proven? (...))" had nested a question a level)
        return under
    plural = pronoun.lower() in _PLURAL_PRONOUNS
    if (own := _referent(short, plural)) and _is_plural(own) == plural and not re.search(r"\bones?\b", own, re.I):
        # "How long do they last?" after "What are the withdrawal symptoms? (Why should ...?)": the
        # short question names what the pronoun is, as it would alone ("How long do they last? (What
        # are the withdrawal symptoms? (...))" had nested a question a level)
        return short
    return ResolvedQuery(question, f"{q} ({together.group()})", "reference")


# The things a choice names, searched beside it ("Which is better? (CBT or mindfulness)").
_CHOICE = re.compile(r"([^?()]+?) or ([^?()]+)")


# "What side effects did ...?", "How many schools ...?": the noun a question asks for.
_ASKED_FOR = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:what|which|how\s+many)\s+((?:[\w'-]+\s+){0,2}?[\w'-]+)\s+"
                        r"(?:do|does|did|are|were|have|had|can|could|will|would)\b", re.I)


def _quantified(question: str, q: str, previous: str) -> ResolvedQuery | None:
    """"Were any serious?" after "What side effects did participants report?": "Were any side
    effects serious?" (`_quantified_noun`); None for another follow-up."""
    quantified = _QUANTIFIED.match(q)
    if quantified is None or not (noun := _quantified_noun(q, quantified.end(), _underlying(previous))):
        return None
    at = quantified.end()
    return ResolvedQuery(question, _unled(_tidy(f"{q[:at]} {noun}{q[at:]}")), "reference", noun)


def _quantified_noun(q: str, at: int, previous: str) -> str:
    """The noun a quantifier standing alone (at `at` of `q`: "any" of "Were any serious?") stands
    for: after "be", the plural noun the previous question asks for ("side effects" of "What side
    effects did participants report?"); after another verb, and where it asks for none, its
    plural referent, the subject of a do-question ("Did many report headaches?": participants;
    "Did any drop out?" after "How were schools recruited?": schools); "" where the quantifier has
    a plural noun of its own after it ("Did many schools drop out?") or the previous question none."""
    after = re.match(r"\s+([\w'-]+)", q[at:])
    if after is None or _is_plural(after.group(1)):
        return ""
    asked = _ASKED_FOR.match(previous) if re.match(r"\W*(?:and\s+)?(?:is|are|was|were)\b", q, re.I) else None
    noun = asked.group(1) if asked else _referent(previous, True)
    return noun if noun and _is_plural(noun) else ""


def _doer(previous: str, after: str, plural: bool) -> str:
    """The subject of the previous question where the pronoun's verb (the word `after` it) is the
    verb that subject did there: "Cargo" of "Does Cargo work on Windows with C code?" for "it" of
    "How can it work offline?"; "" where the question has no such subject or another verb."""
    verb = re.match(r"\s+([a-z]{2,})\b", after)
    if verb is None or verb.group(1) in _STOP or re.fullmatch(_AUX, verb.group(1)) or plural:
        return ""
    body = _body(previous)
    yes_no = re.match(rf"(?:and\s+)?{_AUX}\s+(\S.*)$", body, re.I)
    subject = _yes_no_subject(yes_no.group(1)) if yes_no else ""
    if not subject:
        do = re.match(rf"(?:how|why|when|where|what)\s+{_AUX}\s+((?:\S+\s+){{0,3}}?\S+)\s+{re.escape(verb.group(1))}\b",
                      body, re.I)
        subject = do.group(1) if do and not _PRONOUNS.search(do.group(1)) else ""
    forms = rf"{re.escape(verb.group(1))}(?:s|es|ed|d)?"
    if not _content_words(subject) or _is_plural(subject) or \
            not re.search(rf"(?<![\w-]){re.escape(subject)}\s+{forms}\b", body):
        return ""
    return subject


def _happening(question: str, q: str, previous: str) -> ResolvedQuery | None:
    """"What role does the amygdala play in that?", "Why does that happen?" after "How does chronic
    stress change the brain?": "this" or "that" closing a preposition, or what happens, is the
    happening the previous question asked about (`_event_of`), and a verb's "this" or "that" after
    "What happens to ...?" is what happens ("Can exercise reverse that?"); None for another follow-up."""
    pronoun = re.search(r"\b(?:this|that)\b", q, re.I)
    after = re.match(r"\s+([\w'-]+)", q[pronoun.end():]) if pronoun else None
    what_happens = _WHAT_HAPPENS.match(_underlying(previous))
    if what_happens and pronoun and not after and _is_object(q, pronoun.start()):
        # "Can exercise reverse that?" after "What happens to the brain during chronic stress?":
        # what happens is what it does something to ("reverse what happens to the brain during ...")
        event = f"what {what_happens.group(1)}"
        return ResolvedQuery(question, _tidy(q[: pronoun.start()] + event + q[pronoun.end():]), "reference", event)
    if not pronoun or not (after.group(1).lower() in _HAPPENS if after else _LED.search(q[: pronoun.start()])):
        return None
    event = _event_of(_underlying(previous))
    return ResolvedQuery(question, _tidy(q[: pronoun.start()] + event + q[pronoun.end():]), "reference", event) if event else None


# "What happens to the brain during chronic stress?": a question of what happens, its clause after "what".
_WHAT_HAPPENS = re.compile(r"^\W*(?:(?:and|but|so)\s+)?what\s+((?:happens|happened|occurs|occurred|changes)\s+"
                           r"(?:to|in|during|when|after)\s+[^?.!]+?)\s*[?.!]*$", re.I)
# What a happening does ("Why does that happen?"), and a preposition a happening closes ("in that?").
_HAPPENS = {"happen", "happens", "happened", "occur", "occurs", "occurred"}
_LED = re.compile(r"\b(?:in|for|to|of|on|with|after|before|during|from|by|about|behind)\s+$", re.I)
# A question of why, how or when something happens: "Why do car functions fail inside other functions?"
_EVENT_ASKED = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:why|how|when|where)\s+(?:do|does|did)\s+(?P<clause>\S.*?)\W*$", re.I)
_SUBJECT_WORDS = 4  # the most words of the subject of such a question, before its verb


def _event_of(question: str) -> str:
    """What "this" or "that" stands for after a question of why, how or when its subject does
    something: the subject doing it, its verb made a gerund ("car functions failing inside other
    functions"; "How can this be fixed?" had been "How can car functions fail inside other
    functions be fixed?"); "" where the question is none such or its verb is not told (the first
    word after the subject's first that may be a verb, `_has_verb_forms`)."""
    m = _EVENT_ASKED.match(question)
    if not m:
        return ""
    words = m.group("clause").split()
    verb = _verb_at(words)
    if verb is None or words[0].lower() in ("i", "you", "we", "one"):
        return ""
    return " ".join([*words[:verb], _gerund(words[verb]), *words[verb + 1 :]])


def _verb_at(words: list[str]) -> int | None:
    """Where the verb after a clause's subject stands: the first word after the subject's first
    (its second after a determiner: "the index") that may be a verb (`_has_verb_forms`), of two
    the one its object or a preposition follows ("change" of "chronic stress change the brain",
    not "stress": "chronic stressing change the brain" had been read); None where none may be."""
    first = 2 if words[0].lower() in _DETERMINERS else 1
    may_be = [k for k in range(first, min(len(words), _SUBJECT_WORDS + 1))
              if words[k].isalpha() and words[k].islower() and words[k] not in _STOP and _has_verb_forms(words[k])]
    return next((k for k in may_be if k + 1 == len(words) or words[k + 1].lower() in _STOP), may_be[0] if may_be else None)


def _has_verb_forms(word: str) -> bool:
    """Whether English writes `word` with a past tense (`_takes_past`, "stopped") or an "-ing" form
    ("growing", "making"), as a verb's base form has."""
    known = english_words()
    return _takes_past(word) or word + word[-1] + "ed" in known or any(
        f in known for f in (word + "ing", word + word[-1] + "ing", word[:-1] + "ing" if word.endswith("e") else ""))


def _plain_verb(gerund: str) -> str:
    """The plain form of a verb's "-ing" form ("writing": "write", "reading": "read", "running":
    "run", "dying": "die"), by the words English knows, else by how such forms are made (a final
    consonant after one vowel, which would double, or an ending no verb has without its "e":
    "parsing": "parse", "deleting": "delete")."""
    known = english_words()
    stem = gerund[:-3]
    if gerund.endswith("ying") and stem[:-1] + "ie" in known:
        return stem[:-1] + "ie"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem not in known:
        return stem[:-1]
    with_e = stem + "e"
    if (stem in known) != (with_e in known):
        return stem if stem in known else with_e
    return with_e if _TAKES_E.search(stem) else stem


_TAKES_E = re.compile(r"(?:^|[^aeiou])[aeiou][^aeiouwxy]$|(?:v|[^aeiou]s|[rn]c|[rd]g|u)$")


def _as_act(previous: str, span: tuple[int, int], topic: str) -> str:
    """`topic` as it takes the place of `span` of the previous question: a doing ("writing") in the
    place of what the person asked how to do is its plain verb ("What about writing?" after "How
    do I read a CSV file?" asks "How do I write a CSV file?", not "How do I writing ...")."""
    acts = _ACTS.search(previous)
    if acts and span == acts.span(1) and re.fullmatch(r"[a-z]{4,}ing", topic):
        return _plain_verb(topic)
    return topic


def _gerund(verb: str) -> str:
    """The "-ing" form of `verb` ("fail": "failing", "make": "making", "stop": "stopping", "die":
    "dying"), the first English knows of the ways it is spelled, else the regular one."""
    known = english_words()
    forms = [verb + "ing", verb + verb[-1] + "ing", verb[:-1] + "ing", verb[:-2] + "ying"]
    found = next((f for f in forms if f in known), None)
    if found:
        return found
    return verb[:-1] + "ing" if verb.endswith("e") and not verb.endswith("ee") else verb + "ing"


def _before_restated(topic: str, after: str) -> str:
    """`topic` up to the word that follows the pronoun in the follow-up, where it holds that word
    after a content word: the follow-up restates what the previous question said of its subject,
    which is no part of it ("How much more did they remember?" after "Did the nap group remember
    more words?": "the nap group")."""
    word = re.match(r"\s+([a-z][\w'-]{2,})", after)
    cut = re.search(rf"\s{re.escape(word.group(1))}\b", topic, re.I) if word else None
    return topic[: cut.start()] if cut and _content_words(topic[: cut.start()]) else topic


_GENDERED = {"he", "she", "his", "her"}
# The nouns English names a single person by in general, whatever the field (a closed class: roles,
# kin, ages), which tell the phrase "she" stands for ("the teacher" of "What helped the teacher
# most in returning to work?", not "work").
_PERSON_NOUN = (r"(?:person|man|woman|child|boy|girl|baby|infant|toddler|adolescent|teenager|adult|patient|participant|"
                r"teacher|doctor|nurse|student|pupil|mother|father|parent|wife|husband|partner|son|daughter|author|"
                r"client|user|subject|volunteer|worker|employee|carer|caregiver|clinician|therapist|physician|surgeon|"
                r"respondent|interviewee|resident|individual|friend|colleague|manager|researcher|investigator|"
                r"applicant|customer|victim|survivor|smoker|mom|dad|staff|technician|contractor|employer|officer|"
                r"assistant|pharmacist|dentist|midwife|midwives|paramedic|engineer|scientist|consultant|practitioner|"
                r"trainee|intern|visitor|member|driver|receptionist|administrator|donor|recipient|tenant|learner)")
# A group of people, perhaps of an age or sex: "older adults", "people with insomnia", "children".
_PEOPLE = re.compile(rf"\b(?:(?:older|younger|young|elderly|adult|male|female|pregnant)\s+)?"
                     rf"(?:{_PERSON_NOUN}s?|people|persons|men|women|children|babies)\b", re.I)
_PERSON_PHRASE = re.compile(rf"\b(?:the|a|an|this|that|my|our|your|their)\s+(?:[\w'-]+\s+){{0,2}}?{_PERSON_NOUN}\b", re.I)


def _agreeing_person(pronoun: str, topic: str, previous: str) -> str:
    """`topic`, or for "he" and "she" the person the previous question names, since they stand for
    a person and never for what it asked about; "" where they find none, or where "it" would
    stand for a person ("How long did it take to work?" after "What medication did the
    participant take?"): then the two questions are searched together."""
    if pronoun.lower() in _GENDERED:
        return _person_phrase(previous)
    if pronoun.lower() in ("it", "its") and topic and _PERSON_PHRASE.fullmatch(topic):
        return ""
    return topic


def _person_phrase(previous: str) -> str:
    """The previous question's first phrase naming one person ("the teacher", "a 70-year-old
    patient"), or ""."""
    m = _PERSON_PHRASE.search(previous)
    return m.group() if m else ""


# "Which is better, CBT or medication?": which of two or more things does something best or more
_WHICH_BETTER = re.compile(r"^\W*(?:(?:and|but|so)\s+)?which\s+(?:one\s+)?(?:is|are|works?|helps?|has|have)\s+"
                           r"(?:better|best|worse|worst|safer|safest|faster|cheaper|more\s+\w+|less\s+\w+|\w+er)\b"
                           r"[^?]*\b(?:or|vs\.?|versus)\b", re.I)


def _compares_named(q: str, previous: str) -> FollowupKind | Literal[""]:
    """"reference" for a question of which of some things is better where one of them is a word of
    the previous question ("Which is better, CBT or medication?" after "Does CBT work for
    anxiety?": better for anxiety, what that question asked), else ""."""
    if not _WHICH_BETTER.match(q):
        return ""
    said = {w.lower() for w in _content_words(previous)}
    return "reference" if any(w.lower() in said for w in _content_words(q)) else ""


def _with_one_named(question: str, q: str, previous: str | None, kind: FollowupKind | Literal[""]
                    ) -> tuple[str, ResolvedQuery | None]:
    """A follow-up that is no new topic with what "do it" does (`_done_again`) or its modified
    "one" named (`_one_of_kind`): "How often should I do it?" after "How do I update the list of
    TLD names?" and "How do I use the Jalali one?" after "Which calendars does dateparser support?"
    are resolved by it; a pronoun beside "one" is resolved as ever ("What does it return for a wide
    one?"), from the `q` given back."""
    if not previous or kind == "new-topic":
        return q, None
    if done := _done_again(q, previous) or _action_weighed(q, previous):
        return q, ResolvedQuery(question, done[0], "reference", done[1])
    kinded = _one_of_kind(q, previous)
    if not kinded:
        return q, None
    return kinded[0], None if kind else ResolvedQuery(question, kinded[0], "reference", kinded[1])


# "do it" as a verb of its own after the one doing it, a modal or "to" ("should I do it", "to do so"),
# not "does it" asking of a thing ("How long does it take?").
_DO_IT = re.compile(r"\b(?:I|you|we|to|should|could|would|must|might|can|will|may)\s+(do\s+(?:it|that|this|so))\b", re.I)
# What the person asked how to do, or whether to: "How do I back up the database?", "Should I
# stretch before running?"
_ACTION_ASKED = re.compile(r"^\W*(?:how\s+(?:do|can|could|should|would|will)|should|can|could|do|must|may)\s+"
                           r"(?:I|you|we|one)\s+(?!(?:do|have|get|be)\b)([a-z][\w'-]*(?:\s+[^?.!]+?)?)\s*[?.!]*$", re.I)


def _done_again(q: str, previous: str) -> tuple[str, str] | None:
    """`q` with "do it" ("How often should I do it?") as what the previous question asked how to
    do, and that action; or None."""
    do = _DO_IT.search(q)
    action = _ACTION_ASKED.match(previous) if do else None
    if not do or not action:
        return None
    done, rest = action.group(1), q[do.end(1):]
    # "How do I do that with base R?" after "How do I select columns with dplyr?": the phrase led by
    # the same preposition that ends the action is the one the follow-up changes
    led = re.match(r"\s+(with|without|in|on|using|for|from|by|via|into|to)\s+\S", rest, re.I)
    if led and (same := re.search(rf"\s+{led.group(1)}\s+[^,;]+$", done, re.I)):
        done = done[:same.start()]
    return _tidy(q[: do.start(1)] + done + rest), action.group(1)


# "it" as what doing a thing takes or is ("How long does it take?", "Is it safe?"), a question that
# asks it of an action, not of a thing: "How long does my own kernel take?" after "How do I compile
# my own kernel?" had taken the kernel for it.
_ACTION_WEIGHED = re.compile(r"^\W*(?:(?:and|but|so)\s+)?((?:how\s+(?:long|much(?:\s+time)?|many\s+\w+)\s+(?:does|will|would|did)"
                             r"\s+(?:it|that)\s+(?:usually\s+|normally\s+|typically\s+)?(?:take|cost))|(?:is|was|would|will)\s+it\s+"
                             r"(?:be\s+)?(?:(?:really|very|too|always|still)\s+)?(?:safe|risky|dangerous|hard|difficult|easy|"
                             r"possible|necessary|required|worth\s+it|a\s+good\s+idea|recommended|ok|okay))\s*[?.!]*$", re.I)


def _action_weighed(q: str, previous: str) -> tuple[str, str] | None:
    """`q` ("Is it safe?") asked of what the previous question asked how or whether to do ("Is it
    safe to upgrade to the next release?"), and that action; or None."""
    weighed = _ACTION_WEIGHED.match(q)
    action = _ACTION_ASKED.match(previous) if weighed else None
    asked = re.sub(r"\bthat\b", "it", weighed.group(1)) if weighed else ""  # "How long does it take to ...?"
    took = re.match(r"(.*\btake)\b(.*)$", asked, re.I | re.S)
    if weighed and not action and (done := _subject_action(previous)) and (took or _PEOPLE.search(done[0])):
        # "How long does that take?" after "Can the adult brain form new neurons?": it takes the
        # subject that long to do it; "Is it safe?" after "Can pregnant women take lithium?": it
        # is safe for them to do it (after "Does mindfulness reshape neural pathways?" it is
        # mindfulness, no people, that is safe)
        subject, act = done
        said = f"{took.group(1)} {subject}{took.group(2)}" if took else f"{asked} for {subject}"
        return f"{said[:1].upper()}{said[1:]} to {act}?", f"{subject} {act}"
    if not action:
        return None
    return f"{asked[:1].upper()}{asked[1:]} to {action.group(1)}?", action.group(1)


# A yes-or-no question of what a subject can or does do: "Can the adult brain form new neurons?"
_SUBJECT_ACTS = re.compile(r"^\W*(?:can|could|should|may|might|will|would|do|does|did)\s+(?P<clause>\S.*?)\W*$", re.I)


def _subject_action(previous: str) -> tuple[str, str] | None:
    """The subject of a yes-or-no question of what it can or does do, and the doing ("the adult
    brain", "form new neurons"), its verb the word its object or a preposition follows
    (`_verb_at`); None for a question of what a person does (`_ACTION_ASKED`) or another."""
    m = _SUBJECT_ACTS.match(previous)
    words = m.group("clause").split() if m else []
    if not words or words[0].lower() in ("i", "you", "we", "one", "it", "they", "he", "she"):
        return None
    verb = _verb_at(words)
    return (" ".join(words[:verb]), " ".join(words[verb:])) if verb is not None else None


# "one" after an article and a modifier or two ("the Jalali one", "a cheaper one"), not where it
# counts ("a single one of them") or compares ("one another"), nor after an ordinal ("the first
# one" is an item of the previous answer, searched with the question that listed them).
_MODIFIED_ONE = re.compile(r"\b(?:the|a|an)\s+(?!(?:first|second|third|fourth|fifth|last|other|next|former|latter|same|"
                           r"only|very)\b)(?:[\w'-]+\s+){1,2}?(ones?)\b(?!\s+(?:of|another)\b)", re.I)


def _one_of_kind(q: str, previous: str) -> tuple[str, str] | None:
    """A question of its own but for a modified "one" (`_MODIFIED_ONE`), with "one" as the noun the
    previous question asked about: the kind of thing it asked for ("Which calendars ...?") or the
    head of the noun phrase it ends with ("... for a zero-width character?"); with that noun, or
    None."""
    one = _MODIFIED_ONE.search(q)
    if not one or any(w.lower() in _NOT_ONE_ALONE - {"the", "a", "an"} for w in _WORD.findall(one.group()[:-4])):
        return None
    if one.group(1)[0].isupper():
        return None  # a capital "One" inside a question ends a name: "the GlucoCheck One", "the Apple Watch One"
    asked = _asked_kind(previous)
    if asked and not re.fullmatch(_AUX, asked.group(1).split()[0], re.I):
        noun = asked.group(1).split()[-1]
    else:
        words = _WORD.findall(_last_phrase(_body(previous), False))
        noun = words[-1] if words else ""
    if not noun or noun.lower() in _STOP or not noun.isalpha():
        return None
    noun = _singular(noun) if one.group(1).lower() == "one" else noun if _is_plural(noun) else noun + "s"
    # the topic is what the follow-up said of it ("Jalali"), which a next one replaces ("And the Hijri one?")
    modifiers = q[one.start():one.start(1)].split()[1:]
    return _tidy(q[: one.start(1)] + noun + q[one.end(1):]), " ".join(modifiers) or noun


def _head_changed(phrase: str, change: Callable[[str], str]) -> str:
    """`phrase` with its head, the last word before a preposition, changed: "unit tests" ->
    "unit test", "models in the review" -> "model in the review" (`_singular`)."""
    head = _HEAVY.split(f" {phrase} ")[0].strip()
    words = head.rsplit(" ", 1)
    return " ".join([*words[:-1], change(words[-1])]) + phrase[len(head):]


def _head_singular(phrase: str) -> str:
    return _head_changed(phrase, _singular)


def _kind_of(topic: str) -> str:
    """What "they" stand for where the topic is a thing of a kind named in general ("a generator
    expression"): things of that kind ("Can I use them in install?" asks of generator expressions);
    else the topic."""
    generic = re.match(r"(?:a|an)\s+(?=\S)", topic, re.I)
    return _head_plural(topic[generic.end():]) if generic and not _is_plural(topic) else topic


def _head_plural(phrase: str) -> str:
    """`phrase` with its head made plural by English's regular endings (`_head_changed`):
    "generator expression" -> "generator expressions", "policy" -> "policies"."""
    return _head_changed(phrase, _plural)


def _plural(word: str) -> str:
    if re.search(r"[^aeiou]y$", word, re.I):
        return word[:-1] + "ies"
    return word + ("es" if re.search(r"(?:s|x|z|ch|sh)$", word, re.I) else "s")


def _singular(word: str) -> str:
    """The singular of a plural noun the model's English vocabulary knows ("calendars", "policies"),
    else the word."""
    known = english_words()
    for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
        if word.lower().endswith(cut) and (word[: -len(cut)] + add).lower() in known:
            return word[: -len(cut)] + add
    return word


# "How many should I use?": "How many" with its noun left out, an auxiliary right after it.
_HOW_MANY_ALONE = re.compile(rf"^(?:and\s+)?how\s+many\s+(?={_AUX}\b)", re.I)


def _how_many_of(question: str, q: str, previous: str, slot: str | None, earlier: tuple[str, ...]) -> ResolvedQuery | None:
    """"How many should I use?" after "What is a surrogate variable?": how many of what the
    previous question asked about ("How many surrogate variables should I use?"), or None."""
    many = _HOW_MANY_ALONE.match(q)
    topic = _topic_of(previous, slot, "they", earlier) if many else ""
    if not many or not topic:
        return None
    if re.search(rf"\b(?:{_STUDY_HEADS})$", topic, re.I) and not re.search(r"\s(?:in|of|for|with|among|at|from)\s", topic, re.I):
        # "How many were randomised?" after "What is the FOCUS trial?" counts the study's people,
        # not studies ("How many FOCUS trials were randomised?"); "schools in the HOPE trial" are counted
        return ResolvedQuery(question, _unled(_tidy(f"{q.rstrip(' ?')} in {topic}?")), "reference", topic)
    bare = re.sub(r"^(?:the|a|an|my|your|our|their|his|her|its)\s+", "", topic, flags=re.I)
    words = bare.split()
    counted = bare if _is_plural(bare) else " ".join(words[:-1] + [_plural(words[-1])])
    return ResolvedQuery(question, _unled(_tidy(f"{q[:many.end()]}{counted} {q[many.end():]}")), "reference", topic)


def _one_of(question: str, q: str, previous: str, slot: str | None, earlier: tuple[str, ...]) -> ResolvedQuery | None:
    """"How do I create one?" after "What does BufReader do?": "How do I create a BufReader?"
    (`_one_alone`, in a question without another pronoun; the topic "it" would take), or None."""
    one = None if _PRONOUNS.search(q) else _one_alone(q)
    topic = _topic_of(previous, slot, "it", earlier) if one else ""
    if not one or not topic:
        return None
    return ResolvedQuery(question, _unled(_tidy(q[: one.start()] + _one_named(topic) + q[one.end() :])), "reference", topic)


def _there(question: str, q: str, previous: str, slot: str | None, earlier: tuple[str, ...]) -> ResolvedQuery | None:
    """"What does the PRIVATE keyword mean there?" after "What does target_compile_options do?":
    "... mean in target_compile_options?"; after "How common is depression in Japan?", the place
    the previous question named ("What is the treatment there?" -> "... in Japan?"). None for
    another question, or where no pronoun-free topic is found."""
    there = _THERE.search(q)
    if not there or _PRONOUNS.search(q) or _TOGETHER.fullmatch(previous):
        return None
    place = list(re.finditer(r"\b(in|at)\s+(?=\S)", _body(previous), re.I))
    if place and (phrase := _phrase_at(_body(previous), place[-1].end())) and phrase[1] > place[-1].end():
        where = f"{place[-1].group(1).lower()} {_body(previous)[place[-1].end():phrase[1]]}"
    elif topic := _topic_of(previous, slot, "it", earlier):
        where = f"in {topic}"
    else:
        return None
    return ResolvedQuery(question, _unled(_tidy(q[: there.start()] + where + q[there.end():])), "reference", where.split(" ", 1)[1])


def _owned(question: str, q: str, previous: str, slot: str | None, earlier: tuple[str, ...] = ()) -> ResolvedQuery | None:
    """"What are the symptoms?", "Are there any downsides?", "Any risks?" (as "Are there any
    risks?"), "What dose is used?", "Does medication help?": of what the previous question asked about (`_owner`: "What are the symptoms of
    depression?" after "How is depression diagnosed?"), or where it asked about nothing, what an
    `earlier` one did, latest first ("What were the main outcomes?" after "What was the LIMIT
    trial about?", "How many women took part?").  None for another question, or without an owner."""
    # a previous "Were there any side effects?" owns nothing itself: "Were there any adverse
    # events?" after it asks the same of what an earlier question asked about, not "... of side effects"
    if not _owner(previous, slot) or _THERE_ANY.match(previous.strip()):
        previous, slot = ("", None) if _THERE_ANY.match(previous.strip()) else (previous, slot)
        for past in reversed(earlier):
            if _owner(_underlying(past), None):
                previous, slot = _underlying(past), None
                break
    if any_noun := _ANY_NOUN.match(q):
        q = f"Are there any {any_noun.group(1)}?"
    if (helps := _HELPS.match(q)) and (owner := _owner(previous, slot)):
        # "Does medication help?" after "How is PTSD treated?": with PTSD
        joined = "with" if helps.group(2).lower() == "help" else "for"
        return ResolvedQuery(question, _unled(_tidy(f"{helps.group(1)} {joined} {owner}?")), "reference", owner)
    if (asked := _noun_passive(q)) and (owner := _owner(previous, slot)):
        return ResolvedQuery(question, _unled(_tidy(_passive_owned(asked, owner))), "reference", owner)
    how = _HOW_IS_THE.match(q) or _HOW_DONE_TO_THE.match(q)
    if how and set(bm25_tokenize([how.group("noun")])[0]) & set(bm25_tokenize([previous])[0]):
        # "How deep is the mine?" after "What is a coal mine?" names what it asks about itself, where
        # "How big were the groups?" after "What is group therapy?" asks of group therapy's
        return ResolvedQuery(question, _unled(q), "standalone")
    # "Which is the most effective?" chooses among what the previous question asked for; it owns nothing
    bare = _BARE_DEFINITE.match(q)
    if (bare or how) and about_a_document((bare or how).group("noun").split()[0]) and \
            not _NAMES_IN.search(_owner(previous, slot)):
        # "Where is the study run?", "What is the review question?": of the document asked, owned
        # by no thing asked before ("Where is the study run of the secondary outcomes?"), only by
        # a study named ("What are the study groups of the LIMIT trial?")
        return ResolvedQuery(question, _unled(q), "standalone")
    if ((bare and not _WHICH_IS.match(q)) or how or _THERE_ANY.match(q)) and (owner := _owner(previous, slot)):
        noun = (bare or how).group("noun").split()[-1] if (bare or how) else ""
        if not (owner := _noun_owner(noun, owner)):
            return ResolvedQuery(question, _unled(q), "standalone")
        if how and (at := _owner_place(how)) is not None:
            return ResolvedQuery(question, _unled(_tidy(f"{q[:at]} of {owner}{q[at:]}")), "reference", owner)
        return ResolvedQuery(question, _unled(_tidy(f"{q.rstrip('?').rstrip()} of {owner}?")), "reference", owner)
    return None


def _passive_owned(asked: re.Match, owner: str) -> str:
    """A passive asked of a thing (`_noun_passive`) with `owner`, what the previous question asked
    of, in its place: "What dose of minocycline is used?", "Which brain regions are affected in
    schizophrenia?" (`_UNDERGONE`), "Which medications are used for depression?" (`_USED_FOR`)."""
    done = asked.group(3).lower()
    # an owner placed already ("cognition in the FOCUS trial") keeps "of": "Which tests of cognition
    # in the FOCUS trial were used?", not "... used in cognition in the FOCUS trial?"
    placed = re.search(r"\s(?:in|of|for|with|among|during|after|before)\s", owner, re.I)
    if not placed and (done in _UNDERGONE or (done in _USED_FOR and not re.fullmatch(_RELATIONAL, asked.group(1).split()[-1], re.I))):
        # what is used in a study is used "in" it ("Which cognitive tests were used in the FOCUS trial?")
        joined = "in" if done in _UNDERGONE or _A_STUDY.search(owner) else "for"
        return f"{asked.group(1)}{asked.group(2)[:-1].rstrip()} {joined} {owner}?"
    return f"{asked.group(1)} of {owner}{asked.group(2)}"


def _noun_owner(noun: str, owner: str) -> str:
    """What owns the thing `noun` names, `owner` being what the previous question asked of: a thing
    of the same kind is owned by what owned that one ("What were the secondary outcomes?" after
    "What was the LIMIT trial's primary outcome?"), or by nothing ("" where the previous question
    names no owner of it); a thing of another kind than the owner's own thing ("the symptoms of
    shingles") by what owns that ("What is the treatment?" after "How long do the symptoms of
    shingles last?": of shingles)."""
    if noun and _singular(noun).lower() == _singular(owner.split()[-1]).lower():
        own = re.match(r"(.+?)['’]s?\s+\S.*$", owner)
        return own.group(1) if own else ""
    qualified = _QUALIFIED.match(owner)
    if noun and qualified and _singular(noun).lower() == _singular(qualified.group(1)).lower():
        # "What is the maximum dose?" after "What is the starting dose for panic disorder?": a dose
        # of what owned that one ("... of sertraline"), and none where a qualifier stands in its
        # place ("the maximum dose of the starting dose for panic disorder" had been searched)
        return qualified.group(3) if qualified.group(2).lower() == "of" else ""
    if noun and (of := _OF_PHRASE.match(owner)) and _content_words(of.group(2)):
        return of.group(2)
    return owner


def _owner_place(how: re.Match) -> int | None:
    """Where the owner of a how-question's noun goes when a participle follows the noun ("Where are
    the logs written?", "How is the threshold chosen?"): after the noun, not after the participle
    ("Where are the logs written of ...?"); None where the noun ends the question."""
    if "done" in how.re.groupindex:
        return how.end("noun")
    passive = re.fullmatch(rf"([\w'-]+)\s+{_PARTICIPLE_FORM}", how.group("noun"))
    return how.start("noun") + len(passive.group(1)) if passive else None


def _answer_named(previous: str, pronoun: str) -> bool:
    """Whether a personal pronoun stands for the people the answer to a who-question names."""
    return pronoun.lower() in ("they", "them", "their", "he", "she", "his", "her", "him") and \
        re.match(r"^\s*(?:and\s+)?(?:who|whom)\b", _underlying(previous), re.I) is not None


_SAME_FOR = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:(?:does|do|would|will|could|can|is|are|was)\s+)?"
                       r"(?:the\s+same|that|this)\s+(?:also\s+)?(?:apply|applies|hold|holds|go|goes|true|the\s+case|work|works)"
                       r"\s+(?:too\s+|also\s+|as\s+well\s+)?(to|for|with|in)\s+(\S.*?)(?:,?\s+(?:too|as\s+well|also))?\s*[?.!]*$",
                       re.I)
_FOR = re.compile(r"\bfor\b", re.I)
_SAME_VERB = re.compile(r"\b(?:apply|applies|hold|holds|work|works)\b", re.I)
_THIS_DOES = re.compile(r"\b(?:that|this)\b", re.I)


def _fragment_followup(question: str, fragment: re.Match, previous: str) -> ResolvedQuery:
    """A question word and at most a noun (`_fragment`) after `previous`. A previous question
    searched together with the one before it ("How? (Does meditation change the brain?)") is that
    one's: a second short follow-up goes with the question under both, unless its noun is the
    short one's ("Which medications?" after "Can medication reverse that? (Which regions change
    with schizophrenia?)" asks which medication can), or the short one asked a whole question of
    its own, searched with the one before for its context ("Who was excluded? (Who delivered the
    therapy?)"): "Why?" asks of that one."""
    together = _TOGETHER.fullmatch(previous)
    noun = bm25_tokenize([fragment.group(2)])[0]
    if together and noun and set(noun) <= set(bm25_tokenize([together.group(1)])[0]):
        return ResolvedQuery(question, f"{fragment.group().strip()} ({previous})", "new-topic")
    if together and _WHOLE_QUESTION.match(together.group(1)) and not _fragment(_unled(together.group(1))):
        return ResolvedQuery(question, _wh_followup(fragment, together.group(1)), "new-topic")
    return ResolvedQuery(question, _wh_followup(fragment, _underlying(previous)), "new-topic")


def _same_or_this(q: str, previous: str) -> str:
    """"Does the same apply to medication?", "Is that true for children too?": as "And medication?",
    "And in children?" ask (`_SAME_FOR`; "for" where the previous question has a "for" phrase:
    "Does that hold for anxiety?" after "Is CBT effective for insomnia?"). But after a question
    asking what a thing applies to ("Who does the policy apply to?"), "this" is that thing: "Does
    this apply to the emergency department?" asks it of the policy."""
    same = _SAME_FOR.match(q)
    if same and (verb := _SAME_VERB.search(same.group())) and _THIS_DOES.search(same.group()) and \
            re.search(rf"\b{re.escape(verb.group()[:4])}\w*\s+(?:to|for|with|in)\W*$", _underlying(previous), re.I):
        return _THIS_DOES.sub("it", q, count=1)
    return _SAME_FOR.sub(lambda m: f"And {_same_for(m.group(1).lower(), previous)}{m.group(2)}?", q)


def _same_for(preposition: str, previous: str) -> str:
    """The preposition "And ...?" takes for `_SAME_FOR`'s: none for what the same applies to or
    works with (the new topic), "for" where the previous question asks for something, else "in"."""
    if preposition in ("to", "with"):
        return ""
    return "for " if preposition == "for" and _FOR.search(previous) else "in "


_THOSE_IN = re.compile(r"^((?:and|but|what\s+about|how\s+about)\s+)(?:those|the\s+ones|the\s+one|that)\s+"
                       r"(?=(?:in|of|from|with|at|among|on|without|during|after|before)\s)", re.I)


# A question word and its own verb: "Who was excluded?", "What does it include?".
_WHOLE_QUESTION = re.compile(r"^\W*(?:and\s+)?(?:who|what|which|where|when|why|how)\s+(?:is|are|was|were|do|does|did|can|could|"
                             r"should|will|would|has|have|had|must)\s+\w", re.I)
# A short follow-up searched together with the question before it: "Tell me more (What is X?)".
_TOGETHER = re.compile(r"(.{1,60}?) \((.+)\)")


def _underlying(previous: str) -> str:
    """The question under a follow-up that was searched together with it ("What is neuroplasticity?"
    of "Tell me more (What is neuroplasticity?)"), else `previous` itself."""
    while (inner := _TOGETHER.fullmatch(previous)) and len(_content_words(inner.group(1))) <= 4:
        previous = inner.group(2)
    return previous


def _owner(previous: str, slot: str | None) -> str:
    """Whose thing "the symptoms" of a question that does not say is: the phrase a follow-up put
    into the previous question, else what follows its last "of" up to a verb ("the LIMIT trial" of
    "What was the primary outcome of the LIMIT trial?"), else its referent (`_referent`)."""
    if slot and slot in previous:
        return slot
    if slot and (act := _act_owned(slot, previous)):
        return act
    # of a question searched with the one under it, that one's ("What would they change? (Who
    # suggested the programme to P07?)" had given "P07?)", its brackets and all)
    previous = _underlying(previous)
    if named := _named_subject(_body(previous)):
        return named  # "lithium" of "What type of drug is lithium?", not "drug"
    # within the subject of "Why is the growth of ISA features concerning?", not up to its predicate
    subject = _ADVERB_SUBJECT.match(_body(previous))
    scope = subject.group(1) if subject else previous
    of = list(re.finditer(r"\bof\s+", scope, re.I))
    # up to a verb: "minocycline" of "What dose of minocycline was used in BeneMin?"
    tail = re.split(rf"\s+{_AUX}\b", _STRANDED.sub("", _body(scope[of[-1].end():])), maxsplit=1, flags=re.I)[0] if of else ""
    if tail and _DO_ASKED.match(_body(scope)):
        # the subject of a do-question ends before its verb: "shingles" of "How long do the
        # symptoms of shingles last?" (had been "shingles last")
        tail = _before_verb(tail)
    return tail if _content_words(tail) else _referent(previous, False)


# A wh-question's do-verb and a subject other than the person asking: "How long do the symptoms ...".
_DO_ASKED = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:how(?:\s+(?:long|often|much|many|far|quickly|soon|well))?|why|when|where|what|which)"
                       r"\s+(?:do|does|did)\s+(?!(?:i|you|we|one|they|it)\b)", re.I)


def _act_subject(topic: str) -> str:
    """The subject of a topic that is an act, a gerund and a preposition or determiner after up to
    `_SUBJECT_WORDS` words ("neuroplasticity" of "neuroplasticity helping with depression"; not
    "cognitive" of "cognitive training programmes"); "" for another topic."""
    words = topic.split()
    for k in range(1, min(len(words) - 1, _SUBJECT_WORDS + 1)):
        if re.fullmatch(r"[a-z]{3,}ing", words[k]) and words[k + 1].lower() in _ACT_LINKS and \
                _has_verb_forms(_plain_verb(words[k])):
            return " ".join(words[:k])
    return ""


_ACT_LINKS = frozenset({"with", "to", "for", "in", "on", "of", "from", "into", "the", "a", "an"})


def _act_owned(slot: str, previous: str) -> str:
    """A slot that is an act ("neuroplasticity help with depression", of "Can neuroplasticity help
    with depression?") as the owner of a thing, where the previous question put it after "to"
    ("How long does it take neuroplasticity to help with depression?"): its verb made a gerund
    ("Are there any risks?" asks the risks of "neuroplasticity helping with depression", and had
    been searched with the whole previous question); "" where the previous question does not."""
    words = slot.split()
    for k in range(1, min(len(words), _SUBJECT_WORDS + 1)):
        if re.search(rf"\b{re.escape(' '.join(words[:k]))}\s+to\s+{re.escape(' '.join(words[k:]))}\b", previous) \
                and words[k].isalpha() and words[k].islower():
            return " ".join([*words[:k], _gerund(words[k]), *words[k + 1:]])
    return ""


# A question asked with "do" of what its subject does: "Why does DESeq2 need ...?", "How do I ...?".
def _of_run(question: str, q: str, previous: str, topic: str, lead: re.Match | None) -> ResolvedQuery | None:
    """The follow-up asked of the previous question's one run of content words, where it has one:
    "What about NK1?" after "What is neuroplasticity?" asks about NK1 in its place; None otherwise."""
    kind: FollowupKind = "new-topic"
    runs = _runs(previous)
    # "And for children?" after "Is lithium safe?": what a be-question says of its subject holds
    # for the topic, which is added with its preposition (not "Are children?"); so does what a
    # do-question asks its subject does ("What about for tximport data?" after "Why does DESeq2
    # need un-normalized counts?", whose one run of content words holds its verb)
    said_of = lead is not None and (_predicate(previous) is not None or _STRANDED_PARTICIPLE.search(previous) is not None
                                    or _CLOSING_PASSIVE.match(previous) is not None or _DO_QUESTION.match(previous) is not None)
    # A run that is only what a person asks to do ("drive" of "Can I drive?") is no thing a noun
    # takes the place of: "What about caffeine?" had asked "Can I caffeine?"
    verb_at = _person_verb(previous)
    person_act = len(runs) == 1 and " " not in runs[0] and verb_at >= 0 and previous.startswith(runs[0], verb_at)
    # nor is a do-question's run whole, which holds its subject and verb: the topic takes the place
    # of what follows the verb ("How does neuroplasticity help learning new skills?", where "How do
    # learning new skills?" had been asked), or, with nothing after it ("Does exercise help?"), goes
    # beside the question ("Do side effects?" had been asked)
    if len(runs) == 1 and verb_at < 0 and not said_of and not lead and (acted := _do_object_replaced(previous, runs[0], topic)):
        together = ResolvedQuery(question, f"{_unled(q)} ({previous})", kind)
        return ResolvedQuery(question, acted, kind, topic) if acted != previous else together
    if len(runs) == 1 and not said_of and not (person_act and not _acts(topic)) or _is_adverb(topic):
        return ResolvedQuery(question, _of_its_run(previous, runs, topic), kind, topic)
    return None


# A do-question's few words after "do" up to its last (`_do_subject` reads its subject in them).
_DO_TAIL = re.compile(r"\b(?:does|do|did)\s+((?:(?:the|a|an|this|that)\s+)?(?:[\w'.@-]+\s+){1,3})[\w'./-]+$", re.I)


def _do_object_replaced(previous: str, run: str, topic: str) -> str | None:
    """For a do-question whose one run of content words (`run`) is its subject, its verb and what
    follows ("neuroplasticity help overcome trauma"), the question with `topic` after the verb in
    place of the rest; the question itself where nothing follows the verb; None for another question."""
    if not _DO_QUESTION.match(previous) or not previous.rstrip("?.! ").endswith(run):
        return None
    body = _body(previous)
    do = _DO_TAIL.search(body)
    subject = _do_subject(body, do)
    if not subject or not run.startswith(subject) or len(run.split()) <= len(subject.split()):
        return None
    after = run[len(subject):].split()
    if len(after) == 1:
        return previous if _has_verb_forms(after[0].lower()) else None
    start = previous.rfind(run) + len(run) - len(" ".join(after[1:]))
    return _tidy(previous[:start] + topic + previous[previous.rfind(run) + len(run):])


_DO_QUESTION = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:(?:how|why|when|where|what|which)\s+(?:[\w'-]+\s+)?)?(?:do|does|did)\s+\S", re.I)
_ONE_AT_END = re.compile(r"(?<=\S)\s+ones?$")  # "a writable one": modifiers, then the noun "one" stands for


def _new_topic(question: str, q: str, previous: str, slot: str | None, encoder, replaced: bool = True) -> ResolvedQuery:
    """A follow-up that asks the previous question of a new topic ("And for anxiety?"); `replaced`:
    whether `slot` is a topic a follow-up named, which the new one takes the place of."""
    kind: FollowupKind = "new-topic"
    q = _TIE.sub("", q)
    topic = _one_in_topic(_strip_lead(q), previous)
    if found := _people_instead(question, topic, previous) or _group_instead(question, topic, previous) \
            or _release_instead(question, topic, previous) \
            or _itself_asked(question, q, topic, previous, encoder) \
            or _clause_instead(q, topic, previous, slot) \
            or _topic_pointing_back(q, topic, previous, slot) \
            or _verb_of_one(question, previous, topic) or _done_instead(q, topic, previous):
        return found
    # "And a writable one?": "one" stands for the noun, and the rest takes its modifier's place.
    bare_one = re.fullmatch(r"[A-Za-z][\w'-]*\s+ones?", topic) is not None and not _ARTICLE.match(topic)
    for_noun = _ONE_AT_END.search(topic) is not None  # "the smallest one": a modifier, the noun kept
    plural_one = bare_one and topic.endswith("ones")
    topic = _ONE_AT_END.sub("", topic)
    # A topic led by a preposition takes the place of the previous question's phrase after it, or
    # is a circumstance of its topic: "And in children?" after "And anxiety?" asks about anxiety in
    # children ("for" may only mark a new topic: "And for anxiety?").
    lead = _LEAD_PREPOSITION.match(q)
    if lead:
        if led := _prepositional_topic(question, previous, lead, encoder):
            return led
        topic = lead.group(2)  # "What about in depression?": the topic is what follows the preposition
    # The phrase an earlier follow-up put in is the slot the next one replaces
    # ("depression" -> "anxiety" -> "schizophrenia"). A pronoun's referent is no such slot: "What
    # about OCD?" after "Does it work for PTSD?" (it: a therapy asked of before) replaces the phrase it is
    # most like.
    if topic and slot and slot in previous and replaced and not _other_phrase_likelier(previous, slot, topic, encoder):
        return ResolvedQuery(question, _into_slot(previous, slot, topic, encoder), kind, topic)
    if named := (_other_entry(question, previous, topic) or _named_topic(question, previous, topic, encoder)
                 or _compared(question, previous, topic)):
        return named
    spans = _replaceable(previous, topic, _may_be_verb(topic, bare_one and not plural_one, for_noun))
    sims = np.zeros(0)
    if topic and spans:
        vecs = encoder.encode([topic] + [previous[s:e] for s, e in spans])
        sims = vecs[1:] @ vecs[0]
        # Prefer the longest phrase among near-equals ("major depression" over "depression") and,
        # as questions put their topic last, later phrases.
        bonus = np.array([0.02 * previous[s:e].count(" ") + 0.05 * e / len(previous) for s, e in spans])
        best = int(np.argmax(sims + bonus))
        # "for" before a topic where the previous question has none says whom or what it is asked
        # for: "And for children?" after "Does meditation change the brain?" takes the place only
        # of a phrase of the same kind ("Does meditation change the children?"), else it is added
        for_whom = lead is not None and lead.group(1).lower() == "for" and not _FOR.search(previous)
        if sims[best] > (SAME_KIND if for_whom else _LIKE):
            topic = _as_act(previous, spans[best], topic)
            replaced = (_framed_name_replaced(previous, *spans[best], topic) or _asked_thing_replaced(previous, *spans[best], topic)
                        or _in_place_of(previous, *spans[best], topic, to_head=not for_noun))
            return ResolvedQuery(question, replaced, kind, topic)
    if plural_one and (noun := _sole_plural_noun(previous)) is not None:
        # "What about required ones?" after "How do I define options in commander?": the modifier,
        # like no phrase, goes before the one plural noun "ones" can stand for
        return ResolvedQuery(question, _tidy(previous[:noun] + topic + " " + previous[noun:]), kind, topic)
    if not lead and _ARTICLE.match(topic) and (replaced := _article_phrase_replaced(previous, spans, sims, topic,
                                                                                    to_head=not for_noun)):
        return ResolvedQuery(question, replaced, kind, topic)
    if topic and (of_run := _of_run(question, q, previous, topic, lead)):
        return of_run
    if lead:
        # "And for a library?" after "Where should I put the notice?": no phrase of it is like the
        # topic, which is added to it with its preposition
        return _added(question, previous, lead)
    # nothing of the previous question is like the topic: the two are searched together
    return ResolvedQuery(question, f"{_unled(q)} ({previous})", kind)


# A group of a study's people: "the control group", "the placebo arm", "the intervention cohort".
_GROUP_TOPIC = re.compile(r"^(?:(?:the|a|an|its|their)\s+)?(?:[\w@'’-]+\s+){0,3}?(?:group|arm|cohort)s?$", re.I)
_GROUP_WORD = re.compile(r"\b(?:group|arm|cohort)s?\b", re.I)


def _group_instead(question: str, topic: str, previous: str) -> ResolvedQuery | None:
    """A group of the people the previous question asks of: "And what about the control group?"
    after "How many pills do BeneMin participants take each day?" asks "How many pills do BeneMin
    participants in the control group take each day?" (it had put the group in the place of
    "pills"). None unless the topic is a group (`_GROUP_TOPIC`) and the previous question names
    people (`_PEOPLE`) and no group of its own, which the topic takes the place of as any phrase."""
    group = topic.strip().rstrip("?.! ")
    people = list(_PEOPLE.finditer(previous))
    if not _GROUP_TOPIC.match(group) or not people or _GROUP_WORD.search(previous):
        return None
    group = group if _ARTICLE.match(group) else f"the {group}"
    end = people[-1].end()
    return ResolvedQuery(question, _tidy(f"{previous[:end]} in {group}{previous[end:]}"), "new-topic", group)


# The one asking as the previous question's subject: "can I", "should we", "do you", "am I".
_ASKER = re.compile(r"\b(?:(can|could|should|do|did|may|might|must|will|would|shall|am|have)\s+)(I|we|you)\b", re.I)
_FOR_WHOM = re.compile(r"^(?:for|in|among)\s+", re.I)


def _people_instead(question: str, topic: str, previous: str) -> ResolvedQuery | None:
    """A group of people asked of where the previous question asks of the one asking: "What about
    laboratory technicians?" (or "And for reception staff?") after "How many days can I work from
    home?" asks "How many days can laboratory technicians work from home?" (it had put the topic
    in the place of "work"). None unless the topic is a group of people (`_PEOPLE`, whole) and the
    previous question's subject is "I", "we" or "you" after its auxiliary."""
    people = _FOR_WHOM.sub("", topic)
    asker = _ASKER.search(previous)
    if asker is None or not (m := _PEOPLE.search(people)) or m.end() != len(people.rstrip("?.! ")):
        return None
    aux = "are" if asker.group(1).lower() == "am" else asker.group(1)
    if not previous[: asker.start()].strip():
        aux = aux.capitalize()
    said = previous[: asker.start()] + f"{aux} {people.rstrip('?.! ')}" + previous[asker.end():]
    return ResolvedQuery(question, _tidy(said), "new-topic", people)


# "Which neurotransmitters are involved in depression?", "What hormones regulate sleep?": the noun
# after the question word is the kind of thing asked for, with the verb after it.
_ASKED_KIND = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:which|what)\s+((?:[\w'-]+\s+){0,2}?[\w'-]+)\s+"
                         r"(?:(?P<be>is|are|was|were)|(?P<verb>[a-z]{3,}))\s+(?P<rest>\S.*?)[?.!]*$", re.I)
# The same with "be" after the kind, read first: the kind may be of two words ("brain regions" of
# "Which brain regions are involved ...?", not "brain" with the verb "regions").
_ASKED_KIND_BE = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:which|what)\s+((?:[\w'-]+\s+){0,2}?[\w'-]+)\s+"
                            r"(?P<be>is|are|was|were)(?P<verb>(?!))?\s+(?P<rest>\S.*?)[?.!]*$", re.I)


def _framed_name_replaced(previous: str, s: int, e: int, topic: str) -> str | None:
    """The previous question with `topic` in the place of the one name of the noun phrase [s, e)
    stands in, when that phrase is an article, the name and the kind of thing it names ("the
    trigon theme", "the bm25s package") and `topic` is one word in the singular: the topic names
    another such thing ("And metropolis?" after "Which font does the trigon theme use?" asks of
    the metropolis theme; "the metropolis" had lost the kind). None otherwise."""
    if _ends_run(previous, e):
        s = _run_start(previous, s)  # the head alone ("theme") stands for its noun phrase, modifiers and all
    words = list(_WORD.finditer(previous, s, e))
    if (len(topic.split()) != 1 or _ARTICLE.match(topic) or _is_plural(topic) or not 2 <= len(words) <= 3
            or _is_name(words[-1].group()) or not re.search(r"\b(?:the|a|an)\s+$", previous[:s], re.I)):
        return None
    names = [m for m in words[:-1] if _is_name(m.group())]
    return _tidy(_put(previous, names[0].start(), names[0].end(), topic)) if len(names) == 1 else None


def _asked_kind(question: str) -> re.Match | None:
    """The kind of thing a which-question asks for, with its verb (`_ASKED_KIND`); none where an
    auxiliary follows the question word ("What does a random-effects model assume ...?" asks what
    its subject does, of no kind)."""
    m = _ASKED_KIND_BE.match(question) or _ASKED_KIND.match(question)
    return None if m and re.fullmatch(_AUX, m.group(1).split()[0], re.I) else m


# A comparison qualifies a noun ("larger than 1 GB", "more recent than 2020"), as "other than"
# and "rather than" do not.
_THAN = r"(?:(?:more|less|fewer)\s+[\w'-]+|(?!other\b|rather\b)[a-z]{3,}er)\s+than\s+"
_COMPARISON = re.compile(rf"^{_THAN}\S", re.I)
# The comparison or participle phrase ("files modified in the last 7 days") that closes a question
# qualifies the noun before it; in mid-question, where it ends is not known.
_COMPARED = re.compile(rf"\b{_THAN}[^?.!,;]+(?=[?.!]*\s*$)", re.I)
_WH_NOUN_ED = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:which|what)\s+[\w'-]+\s+[a-z]{3,}(?:ed|en)\b", re.I)
_QUALIFIER = re.compile(r"(?<=[\w'-])\s+(?:[a-z]{3,}(?:ed|en))\s+(?:in|on|at|by|within|during|since|before|after|over|"
                        r"from|with|under|for)\b[^?.!,;]*(?=[?.!]*\s*$)", re.I)


def _compared(question: str, previous: str, topic: str) -> ResolvedQuery | None:
    """A comparison asked after a question ("And larger than 1 GB?" after "How do I find files
    modified in the last 7 days?") qualifies its noun in the place of the comparison or the
    participle phrase that qualified it ("How do I find files larger than 1 GB?"); None for
    another topic, or where no such qualifier is there, so that the comparison is not taken for
    a noun."""
    if not _COMPARISON.match(topic):
        return None
    # After "Which papers", a word in -ed may be the question's verb ("Which papers published since
    # 2020 report a benefit?", "Which studies enrolled patients ...?"), its phrase not the noun's.
    qualifier = None if _WH_NOUN_ED.match(previous) else _QUALIFIER.search(previous)
    if qualifier and re.fullmatch(_AUX + r"|be|been|being|get|got", previous[:qualifier.start()].split()[-1], re.I):
        qualifier = None  # "were treated with lithium": the verb, not a qualifier of "patients"
    m = _COMPARED.search(previous) or qualifier
    if not m:
        return None
    query = _tidy(f"{previous[:m.start()].rstrip()} {topic} {previous[m.end():].lstrip()}").replace(" ?", "?")
    return ResolvedQuery(question, query, "new-topic", topic)


def _sole_plural_noun(previous: str) -> int | None:
    """Where the previous question's only plural noun stands (a plural content word that ends its
    run: a noun's head, not "causes" before its object), if it has one; else None."""
    plural = [m for m in _WORD.finditer(previous) if m.group().lower() not in _STOP and _is_plural(m.group())
              and not re.fullmatch(_AUX, m.group(), re.I) and _run_end(previous, m.start()) == m.end()]
    return plural[0].start() if len(plural) == 1 else None


def _asked_thing_replaced(previous: str, s: int, e: int, topic: str) -> str | None:
    """One thing in the place of the plural kind a which-question asks for is one of that kind, and
    the question asks whether it does what the others do: "What about serotonin?" after "Which
    neurotransmitters are involved in depression?" is "Is serotonin involved in depression?" (not
    "Which serotonin is ..."). None for another phrase or topic, or a verb whose plain form is not
    known (a plural kind's present verb is: "regulate" of "What hormones regulate sleep?")."""
    m = _asked_kind(previous)
    # One thing in the place of a plural kind is one of them; another plural is another kind of
    # thing asked for ("And antipsychotics?" after "Which drugs cause weight gain?"), and what
    # follows "was" may be its subject ("What reward was the winning school promised?").
    if (not m or not (m.start(1) <= s and e <= m.end(1)) or not _content_words(m.group(1))
            or not _is_plural(m.group(1)) or _is_plural(topic)
            or m.group("rest").split()[0].lower() in _DETERMINERS):
        return None
    if be := m.group("be"):
        return _tidy(f"{'Was' if be.lower() in ('was', 'were') else 'Is'} {topic} {m.group('rest')}?")
    verb = m.group("verb")
    if verb.lower() in _STOP or verb.lower().endswith(("s", "ed")) or re.fullmatch(_AUX, verb, re.I):
        return None
    return _tidy(f"Does {topic} {verb} {m.group('rest')}?")


def _of_its_run(previous: str, runs: list[str], topic: str) -> str:
    """The previous question, of one run of content words, asked of `topic` in that run's place;
    an adverb is added instead ("And asynchronously?" after "How do I read a file?" asks how to
    do the same, not "How do I read asynchronously?")."""
    if _is_adverb(topic):
        asked = re.sub(r"[\s?]*$", "", previous)
        return _tidy(f"{asked} {topic}?")
    words = runs[0].split()
    i = previous.rfind(words[0])
    # A run with an owner ("treatments' side effects") asks of what is owned: the topic takes
    # the owner's place ("What are the non-stimulants' side effects?", not "What are the non-stimulants?").
    owner = next((w for w in words[:-1] if _OWNER.search(w)), None)
    last = owner or words[-1]
    e = previous.find(last, i) + len(last)
    return _tidy(_put(previous, i, e, topic))


def _acts(topic: str) -> bool:
    """Whether a follow-up's topic is one word that English uses as a verb ("swim", "exercise"; not
    "caffeine")."""
    return re.fullmatch(r"[a-z][a-z'-]*", topic) is not None and _has_verb_forms(topic)


def _may_be_verb(topic: str, one: bool, for_noun: bool) -> bool:
    """Whether a follow-up's topic may be a verb: a word before a singular "one" ("And delete
    one?"), or a bare lower-case word that is no adverb ("And write?"); "ones" stands for no verb."""
    if one:
        return True
    return not for_noun and re.fullmatch(r"[a-z][a-z'-]*", topic) is not None and not _is_adverb(topic)


def _one_in_topic(topic: str, previous: str) -> str:
    """A new topic whose "one" after a preposition is one of what the previous question named:
    "the objects in one" after "How do I list my buckets?" is "the objects in a bucket"."""
    one = re.search(r"\b(?:in|of|from|on|for|to|with|inside|within)\s+(one)$", topic, re.I)
    referent = _referent(previous, False) if one else ""
    return topic[: one.start(1)] + _one_named(referent) if referent else topic


def _one_named(phrase: str) -> str:
    """One of what a noun phrase names, with an indefinite article: "a BufReader", "a test" of
    "tests", "a bucket" of "my buckets" (a pair, "depression and anxiety", stays whole)."""
    bare = re.sub(r"^(?:the|a|an|my|your|our|their|his|her|its)\s+", "", phrase, flags=re.I)
    if _is_plural(bare) and " and " not in bare:
        bare = _head_singular(bare)
    return f"{_indefinite_article(bare)} {bare}"


def _indefinite_article(phrase: str) -> str:
    """"a" or "an" as a phrase's first word sounds: "an animation", "a user" and "a unit" (a "u"
    said "you": one consonant, then a vowel), "an update", "an uninstall" (the prefix "un-" before
    an English word), "a one-off", "a euro", "an hour", "an SQL query" (letters said one by one)."""
    word = (phrase.split() or [""])[0]
    w = word.lower()
    if 1 < len(word) <= 5 and word.isupper():
        return "an" if w[0] in "aefhilmnorsx" else "a"
    if w.startswith(("eu", "ewe", "one", "once", "uni")) and not (w.startswith("un") and w[2:] in english_words()):
        return "a"
    if w.startswith("u") and len(w) > 2 and w[1] not in "aeiou" and w[2] in "aeiou":
        return "an" if w.startswith("un") and len(w) >= 6 and w[2:] in english_words() else "a"
    return "an" if w[:1] in "aeiou" or w.startswith(("hour", "honest", "honor", "honour", "heir")) else "a"


def _verb_of_one(question: str, previous: str, topic: str) -> ResolvedQuery | None:
    """"And download one?" after "How do I copy a file to S3?": without an article the word
    before "one" is a verb, in the place of the verb of "How do I ...?", and "one" the thing the
    previous question acts on ("And write one back?": the verb with its particle); None for another
    follow-up."""
    verb = re.fullmatch(r"([a-z][\w'-]*)\s+one(?:\s+(up|down|out|off|over|back|away))?", topic)
    acts = _ACTS.search(previous) if verb and not _ARTICLE.match(topic) and not _is_adverb(verb.group(1)) else None
    if not acts:
        return None
    done = " ".join(w for w in verb.groups() if w)
    return ResolvedQuery(question, _tidy(_put(previous, *acts.span(1), done)), "new-topic", done)


def _counted_noun(previous: str, start: int) -> list[tuple[int, int]]:
    """The span of what "How many" counts, from `start` to its first plural word ("primary schools"
    of "How many primary schools took part?"), or what "How much" measures, its first word; [] where
    none is."""
    words = list(_WORD.finditer(previous, start))
    many = re.search(r"many\s*$", previous[:start], re.I) is not None
    end = next((m.end() for m in words if many and m.group().lower() not in _STOP and _is_plural(m.group())),
               words[0].end() if words else None)
    return [(start, end)] if end is not None else []


# The verb of "How do I <verb> ...?", "What can we <verb> ...?".
_ACTS = re.compile(r"\b(?:do|does|can|could|should|would|will)\s+(?:I|you|we|one)\s+([\w'-]+)\s+\S", re.I)


# A yes/no do-question closing on its verb: "Did fear of falling improve?" (a word with a verb's
# forms, after no article nor preposition: not "... the structure of the brain?").
_CLOSING_DO_VERB = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:do|does|did)\s+(?!(?:I|you|we|they|one)\b)\S.*\s([a-z]+)\W*$", re.I)


def _replaceable(previous: str, topic: str, may_be_verb: bool) -> list[tuple[int, int]]:
    """The phrases of the previous question a new topic may take the place of: the last ones only
    (a question puts its topic last, and each phrase is embedded), no verb unless the topic
    `may_be_verb`."""
    verbs = [v for v in (_who_verb(previous), _person_verb(previous)) if v >= 0]
    # the verb a yes/no do-question closes with ("Did fear of falling improve?") is no part of its subject
    if (closing := _CLOSING_DO_VERB.match(previous)) and not may_be_verb and _has_verb_forms(closing.group(1)) \
            and previous[: closing.start(1)].split()[-1].lower() not in FUNCTION_WORDS:
        verbs.append(closing.start(1))
    spans = [(s, e) for s, e in _verb_free(previous, _phrases(previous)[-MAX_PHRASES:]) if not any(s <= v < e for v in verbs)]
    if _ARTICLE.match(topic) and (counted := re.match(r"\W*how\s+(?:many|much)\s+", previous, re.I)):
        # a topic with an article takes the place of a phrase with one ("And the thesis?" after "How
        # many credits does the course require?"), else of what is counted ("And the pupils?" after
        # "How many schools took part?"), its article dropped (`_tidy`)
        kept = [(s, e) for s, e in spans if s != counted.end()]
        spans = kept if any(_ARTICLE_BEFORE.search(previous[:s]) for s, _ in kept) else _counted_noun(previous, counted.end())
    acts = _ACTS.search(previous)
    if acts and may_be_verb:
        # "And delete one?" after "How do I create a virtual environment?", "And write?" after "How
        # do I read a file?": a word without an article may be a verb, so the verb of "How do I
        # <verb> ...?" is a phrase it may replace
        spans.append(acts.span(1))
    return spans


def _article_phrase_replaced(previous: str, spans: list[tuple[int, int]], sims: np.ndarray, topic: str,
                             to_head: bool = True) -> str | None:
    """"And the cooking classes?" after "How long did the walking sessions last?": a noun phrase
    like none of the previous question's takes the place of the one after an article that is most
    like it (appended, it made no question).  None where no phrase follows an article."""
    led = [k for k, (s, _) in enumerate(spans) if _ARTICLE_BEFORE.search(previous[:s])]
    if not led or not len(sims):
        return None
    s, e = spans[max(led, key=lambda k: sims[k])]
    return _tidy(_put(previous, s - len(_ARTICLE_BEFORE.search(previous[:s]).group()), _to_head(previous, e) if to_head else e,
                      _with_its_noun(previous, s, e, topic, to_head)))


def _with_its_noun(previous: str, s: int, e: int, topic: str, to_head: bool) -> str:
    """`topic`, an article and modifiers that stood before "one" ("a gzipped" of "What about a
    gzipped one?"), with the noun that ends the phrase [s, e) they replace, when the phrase ends
    its noun phrase: "a gzipped file", not "How do I parse a gzipped?" ("write" of "And write
    one?" is a verb, and takes none)."""
    if to_head or not _ARTICLE.match(topic) or not _ends_run(previous, e) or not (words := _WORD.findall(previous[s:e])):
        return topic
    return f"{topic} {words[-1]}"


# "What is the ...", "Which are the ...": what follows the verb is a noun phrase, verb-free.
_BE_ASKS = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:what|which|who)\s+(?:is|are|was|were)\s+", re.I)


# A preposition, and an article after it: the run of content words after it is a noun phrase.
_AFTER_PREPOSITION = re.compile(r"\b(?:about|of|for|in|on|at|from|with|without|by|to|into|over|under|among|between)\s+"
                                r"(?:(?:the|a|an)\s+)?$", re.I)


def _to_head(previous: str, e: int, s: int | None = None) -> int:
    """Where the noun phrase a phrase [s, e) stands in ends, in a question that asks what something
    is, or where the phrase follows a preposition and its run of content words ends the question:
    a new topic with its own article takes its place up to its head ("the gap penalties" for "the
    default scoring matrix", not "the default scoring", which left "the gap penalties matrix"; "the
    non-free section" for "free software", not "free"), not through a participle after it ("the
    outcome measure used": "What were the secondary measures used?"); so does the object of the
    verb a how-to question asks of, when its run ends the question ("a dividend" for "a stock
    split" of "How do I record a stock split?", not "a dividend split"). Elsewhere the words after
    it may be a verb ("How does the brain change?"). An owner ("treatments'") ends its own phrase:
    what it owns is asked of the new topic ("the non-stimulants' side effects")."""
    if _OWNER.search(previous[:e]):
        return e
    be = _BE_ASKS.match(previous)
    acts = _ACTS.search(previous)
    led = s is not None and (_AFTER_PREPOSITION.search(previous[:s]) is not None or (acts is not None and acts.end(1) < s)) \
        and not previous[_run_end(previous, e):].strip(" ?.!")
    if not led and (not be or e <= be.end()):
        return e
    for m in _WORD.finditer(previous, e, _run_end(previous, e)):
        if _participle(m.group()):
            break
        e = m.end()
    return e


def _participle(word: str) -> bool:
    """Whether `word` is the past participle of a verb English has ("used", "involved", "reported")."""
    w = word.lower()
    return w.endswith("ed") and (_takes_past(w[:-2]) or _takes_past(w[:-1]))


# A new topic that opens with a preposition: "And in children?", "What about after brain injury?".
# ("And only in older adults?": a word that narrows the phrase goes with its lead)
_LEAD_PREPOSITION = re.compile(r"^(?:(?:and|but|also|or|then|now)\s+|(?:what|how)\s+about\s+)?"
                               r"(?:(?:only|just|even|especially|mainly|mostly|particularly)\s+)?(in|for|of|with|on|at|about|during|among|after|before|without|from|to|into|by|under|"
                               r"over|between|within|across|compared\s+(?:with|to)|versus|vs\.?|relative\s+to)\s+(\S.*?)[?.!]*$",
                               re.I)


# A release named by its number alone, after a preposition or "version": "in 3.3.0", "version 3.1", "v1.12.2".
# R numbers a release's patch after a dash: "3.0-13".
_RELEASE_TOPIC = re.compile(r"(?:(?:in|for|of|from|since|with)\s+)?(?:(?:the\s+)?(?:version|release)\s+)?v?(\d+(?:\.\d+)+(?:-\d+)?)",
                            re.I)


def _release_instead(question: str, topic: str, previous: str) -> ResolvedQuery | None:
    """"And in 3.3.0?" after "What changed in ggplot2 3.4.0?": a release's number alone takes the
    place of the one number with parts the previous question names, its name kept ("What changed
    in 3.3.0?" had lost "ggplot2"); None for another topic, or a question naming no such number or
    several."""
    m = _RELEASE_TOPIC.fullmatch(topic.strip())
    numbers = dotted_numbers(previous)
    at = re.search(rf"(?<![\d.]){re.escape(numbers[0])}(?:-\d+)?(?!\.?\d)", previous) if m and len(numbers) == 1 else None
    if at is None:
        return None
    return ResolvedQuery(question, previous[: at.start()] + m.group(1) + previous[at.end():], "new-topic", m.group(1))


def _named_topic(question: str, previous: str, topic: str, encoder) -> ResolvedQuery | None:
    """"What about LIMIT?" after "Who funded the FOCUS trial?", "And httpcore?" after "How do I
    install bm25s?": a name takes the place of the previous question's only name (the embedding
    model knows neither).  None when the topic or the question names no one thing."""
    name = _ARTICLE.sub("", topic)
    if _is_adverb(name):
        return None  # "asynchronously", a word the model may not know, says how, and names nothing
    named = _is_name(name)
    written = list(_NAME.finditer(previous))
    # a word inside a name is that name ("STAR" of "STAR*D")
    words = [m for m in _WORD.finditer(previous) if not any(n.start() <= m.start() < n.end() for n in written)]
    names = {m.group(): m.start() for m in [*written, *words] if _is_name(m.group())}
    spans = _phrases(previous)
    capitals = _NAME.fullmatch(name) is not None
    if named and not any(_NAME.fullmatch(w) for w in names) and len(spans) > 1:
        # A word is a name only by being no English word to the model ("httpcore", but also
        # "neuroplasticity", "burnout"): a name written with capitals ("PTSD") does not take its
        # place when another phrase is clearly more like it ("And PTSD?" after "How does
        # neuroplasticity help with depression?" asks about PTSD, not of it; "And HTTPX?" after
        # "How do I configure httpcore with proxies?" replaces httpcore, "And BDNF?" after "Does
        # minocycline reduce negative symptoms?" minocycline), nor does an unknown word in lower
        # case when that phrase is also like it at all ("And burnout?" after "Does mindfulness
        # reduce stress?" asks about burnout in the place of stress; "And htmldate?" after "Which
        # Python versions does courlan support?", like no phrase, replaces courlan).
        vecs = encoder.encode([name] + [previous[s:e] for s, e in spans])
        sims = vecs[1:] @ vecs[0]
        holds = np.array([any(s <= i < e for i in names.values()) for s, e in spans])
        bar = sims[holds].max() + _CLEARLY_MORE_LIKE if holds.any() else np.inf
        if (~holds).any() and sims[~holds].max() >= (bar if capitals else max(bar, _LIKE)):
            names = {}
    if not names and name[:1].isupper():
        # Without one, a capitalised word inside the question names something, and so does a
        # capitalised topic: "Apache" of "What does the Apache license say about trademarks?" for
        # "And the GPL?", "Rust" of "How does Rust handle memory safety?" for "And Go?"
        names = {m.group(): m.start() for m in _WORD.finditer(previous)
                 if m.start() > 0 and len(m.group()) > 1 and m.group()[0].isupper()}
        named = True
    if named and len(names) == 1:
        (old, i), = names.items()
        # the follow-up's own article goes where the previous question has one ("an OrderedDict"
        # for "a defaultdict")
        put = topic if _ARTICLE.match(topic) and _ARTICLE_BEFORE.search(previous[:i]) else name
        # the name's number goes with it: "Windows 11" for "Windows 10", "Table 3" for "Table 2"
        end = i + len(old) + (len(version.group()) if (version := _NUMBER_AFTER.match(previous, i + len(old))) else 0)
        replaced = _asked_thing_replaced(previous, i, end, name) or _tidy(_put(previous, i, end, put))
        # the topic as the question now writes it, its article with it, is what a pronoun next stands
        # for ("Is it mandatory?" after "And the Uploaders field?": "Is the Uploaders field mandatory?")
        return ResolvedQuery(question, replaced, "new-topic", put if put in replaced else name)
    return None


def _other_entry(question: str, previous: str, topic: str) -> ResolvedQuery | None:
    """"And ncols?" after "What does the leave parameter do in tqdm?": another parameter or option
    of the same program, a word of one token, in the place of the one asked of (`asked_entry`), not
    of the program's name; a command-line option where the previous question names none is asked of
    itself ("What about -E?" after "How do I set a default node attribute from the command line?":
    "What does the -E option do?", not "... from the -E?"); else None."""
    entry = asked_entry(previous)
    if not entry and _OPTION_TOPIC.fullmatch(topic) and not command_options(previous):
        return ResolvedQuery(question, f"What does the {topic} option do?", "new-topic", topic)
    if not entry or topic == entry or not re.fullmatch(r"-{0,2}[A-Za-z_][\w.-]*", topic):
        return None
    at = re.search(rf"(?<![\w-]){re.escape(entry)}(?![\w-])", previous)
    return ResolvedQuery(question, _tidy(previous[: at.start()] + topic + previous[at.end():]), "new-topic", topic) if at else None


# A command-line option alone: "-E", "--force".
_OPTION_TOPIC = re.compile(r"--?[A-Za-z][\w-]*")
_ITSELF = re.compile(r"\s+(?:itself|themselves)$", re.I)
_WITH_WHAT = r"\s+(?:with|in|of|for|from|on|using|by)\s+(?:the\s+)?"


def _itself_asked(question: str, q: str, topic: str, previous: str, encoder) -> ResolvedQuery | None:
    """"And pyenv itself?" after "How do I uninstall a Python version with pyenv?": the thing the
    previous question named as a means or a whole is now what is asked of, in the place of the
    thing asked of there, and its phrase goes ("How do I uninstall pyenv itself?"); a name takes
    no article there.  None unless the topic ends in "itself" and the previous question names it
    after a preposition."""
    own = _ITSELF.search(topic)
    if not own:
        return None
    named = _ARTICLE.sub("", topic[: own.start()]).strip()
    phrase = re.search(rf"{_WITH_WHAT}{re.escape(named)}(?![\w-])", previous, re.I) if named else None
    if phrase is None:
        return None
    asked = _new_topic(question, q, previous[: phrase.start()] + previous[phrase.end():], None, encoder)
    if _is_name(named) or named[:1].isupper():
        asked = asked._replace(query=re.sub(rf"\b(?:the|a|an)\s+(?={re.escape(topic)})", "", asked.query, flags=re.I))
    return asked


def _other_phrase_likelier(previous: str, slot: str, topic: str, encoder) -> bool:
    """Whether a phrase of the previous question outside the slot is like the new topic and clearly
    more like it than the slot: "And path.dirname?" after "What does path.basename do on Windows?"
    (the slot: "Windows") asks about path.dirname in path.basename's place, and "And valproate?"
    after "Is lithium safe in children?" about valproate in lithium's.  Only phrases of the slot's own
    question count: in "Does CBT? (Which therapies change the brain?)" the one in brackets is what
    "Does CBT?" was searched with, and "And mindfulness?" asks it of mindfulness."""
    s = previous.rfind(slot)
    lo, hi = 0, len(previous)
    if together := _TOGETHER.fullmatch(previous):
        lo, hi = together.span(1) if s < together.end(1) else together.span(2)
    others = [(a, b) for a, b in _phrases(previous) if lo <= a and b <= hi and (b <= s or a >= s + len(slot))][:MAX_PHRASES]
    if not others:
        return False
    vecs = encoder.encode([topic, slot] + [previous[a:b] for a, b in others])
    sims = vecs[1:] @ vecs[0]
    return float(sims[1:].max()) >= max(float(sims[0]) + _CLEARLY_MORE_LIKE, _LIKE)


def _into_slot(previous: str, slot: str, topic: str, encoder) -> str:
    """The previous question with `topic` in the place of `slot`, or of the slot's "of" phrase when
    the topic is more like that ("What about the FOCUS trial?" after "How was the sample size of the
    LIMIT trial calculated?" keeps the sample size)."""
    s = previous.rfind(slot)
    e = s + len(slot)
    if of := _OF_PHRASE.match(slot):
        vecs = encoder.encode([topic, of.group(2), slot[: of.start(2)]])
        if float(vecs[1] @ vecs[0]) > float(vecs[2] @ vecs[0]):
            s += of.start(2)
    return _tidy(_put(previous, s, e, topic))


def _prepositional_topic(question: str, previous: str, lead: re.Match, encoder) -> ResolvedQuery | None:
    """A new topic led by a preposition (`_LEAD_PREPOSITION`): it takes the place of what followed
    the same preposition in the previous question ("And in emotional regulation?" after "What role
    does it play in medication?"), a "from" phrase that of an "of" phrase; where the previous
    question has neither, the phrase is added to it ("And in children?" after "How does stress
    affect the brain?").  None for "for", which may only mark a new topic ("And for anxiety?" asks
    about anxiety, not "for" it), and for a topic of the same kind as a phrase of the previous
    question (`SAME_KIND`): "And in depression?" after "Which medications improve symptoms of
    schizophrenia?" asks about depression in its place."""
    preposition, topic = " ".join(lead.group(1).lower().split()), lead.group(2)
    # "And for a wide one?" after "... for a zero-width character?": "one" stands for the noun, and
    # the article and modifiers before it take the place of the phrase's own ("a wide character")
    for_noun = _ARTICLE.match(topic) is not None and _ONE_AT_END.search(topic) is not None
    topic = _ONE_AT_END.sub("", topic) if for_noun else topic
    after = list(re.finditer(r"\b" + re.escape(preposition).replace(r"\ ", r"\s+") + r"\s+", previous, re.I))
    # a preposition with no noun phrase after it is no place for one ("used for in mental health",
    # "and for how long")
    after = [m for m in after if _phrase_at(previous, m.end())[1] > m.end()]
    of = list(re.finditer(r"\bof\s+", previous, re.I))
    if not after and preposition == "from" and of:
        # "And from a hash map?" after "How do I read an element of a vector?": where a thing is
        # taken from, the previous question said what it is part of
        _, e = _phrase_at(previous, of[-1].end())
        return ResolvedQuery(question, _tidy(_put(previous, of[-1].start(), e, f"from {topic}")), "new-topic", topic)
    if after:
        # Only the words up to the next preposition go: "for girls in GoActive" + "And for boys?"
        # keeps "in GoActive".
        s, e = _phrase_at(previous, after[-1].end())
        if ((do := _DO_VERB.search(previous)) and s < do.start(1) < e
                and not re.search(r"\b(?:do|does|did)\s+(?:I|you|we|they|one)\s", previous, re.I)
                and not _DO_AS_VERB.search(previous)):
            # "What did the participants in the control group receive?": the verb a do-question
            # ends with is no part of the phrase ("And in the intervention group?" keeps it)
            e = len(previous[: do.start(1)].rstrip())
        inner = list(_NAME.finditer(previous, s, e))
        if (topic[:1].isupper() and not re.search(r"\b[A-Z]", previous[s:e])
                and (named := _named_topic(question, previous, topic, encoder))):
            # "And for Brazil?" after "Which vaccines are recommended for travellers to Kenya?": a
            # name takes the place of the question's one name when the phrase after the
            # preposition names none ("for Brazil to Kenya")
            return named
        if _NAME.fullmatch(topic) and len(inner) == 1:
            # "And in BeneMin?" after "... in the FOCUS trial?": a name takes the place of the
            # phrase's one name, which the phrase's article and head noun ("the ... trial") frame
            m = inner[0]
            return ResolvedQuery(question, _tidy(_put(previous, m.start(), m.end(), topic)), "new-topic", topic)
        e = _through_own_phrase(previous, _likest_start(previous, s, e, topic, encoder), topic)
        spans = _phrases(previous)[-MAX_PHRASES:]
        # a phrase that says the topic already is no place for it ("Keeping Children Safe")
        said = re.compile(r"(?<![\w-])" + re.escape(_ARTICLE.sub("", topic)) + r"(?![\w-])", re.I)
        spans = [(a, b) for a, b in spans if not said.search(previous, a, b)]
        if spans:
            v = encoder.encode([topic] + [previous[a:b] for a, b in spans])
            sims = v[1:] @ v[0]
            a, b = spans[int(np.argmax(sims))]
            # "for" may only mark a new topic, so what follows "for" gives way only to a phrase far
            # more like the topic ("And for paracetamol?" after "What is the maximum dose of
            # ibuprofen for adults?"; "depression" is as like "drugs" as "patients")
            inside = [x for x, (c, d) in zip(sims, spans, strict=True) if s <= c and d <= e]
            margin = FOR_MARGIN if preposition == "for" else -1.0
            if (sims.max() >= SAME_KIND and sims.max() - max(inside, default=0.0) >= margin
                    and not (s <= a and b <= e)):
                # "And in depression?" after "What happens in the amygdala during anxiety?": in
                # the place of the phrase most like it (anxiety), not of the amygdala
                return ResolvedQuery(question, _in_place_of(previous, a, b, topic, to_head=not for_noun), "new-topic", topic)
        put = _with_its_noun(previous, s, e, topic, to_head=not for_noun)
        s, e = _whole_name(previous, s, e, topic)
        return ResolvedQuery(question, _tidy(_put(previous, s, e, put)), "new-topic", topic)
    if preposition in ("in", "among") and _PEOPLE.search(topic):
        # A group of people is whom the previous question is asked of: it takes the place of the
        # group that question names ("What about in adolescents?" after "Does exercise help adults
        # sleep?"), else it is added ("And in people with insomnia?" after "Do naps help memory?"),
        # however like another phrase it is (insomnia and naps)
        if group := _PEOPLE.search(previous):
            return ResolvedQuery(question, _tidy(_put(previous, group.start(), group.end(), topic)), "new-topic", topic)
        return _added(question, previous, lead)
    if replaced := (_name_phrase_replaced(previous, preposition, topic) or _said_replaced(previous, preposition, topic)
                    or _circumstance_replaced(previous, preposition, topic)):
        return ResolvedQuery(question, replaced, "new-topic", topic)
    # what the previous question's thing is compared with is added, whatever it is like: "Compared
    # with antidepressants?" after "Does exercise help depression?" had asked "Does exercise help
    # antidepressants?"
    if preposition not in _COMPARING and (preposition == "for" or _most_like(previous, topic, encoder) >= SAME_KIND):
        return None
    return _added(question, previous, lead)


_COMPARING = frozenset({"compared with", "compared to", "versus", "vs", "vs.", "relative to"})

# Prepositions of where and when, and a short phrase one leads closing a question ("from home", "on
# admission", "at night"): a circumstance, which another of its kind takes the place of.
_CIRCUMSTANTIAL = frozenset({"in", "at", "on", "from", "during", "after", "before", "within"})
_CLOSING_CIRCUMSTANCE = re.compile(r"\b(?:in|at|on|from|during|after|before|within)\s+(?:(?:the|a|an|her|his|their|my|your|our)\s+)?"
                                   r"[\w'-]+(?:\s+[\w'-]+)?(?=\s*[?.!]*\s*$)", re.I)


def _circumstance_replaced(previous: str, preposition: str, topic: str) -> str | None:
    """`previous` with the circumstance it closes with replaced by the new one, when both say
    where or both say when (`names_time`): "And in the office?" after "How many days can I work
    from home?" asks "How many days can I work in the office?", "And at discharge?" after "What was
    her creatinine on admission?" asks "What was her creatinine at discharge?". None where the
    closing phrase names people or a name ("in older adults", "in BeneMin": whom or what it is
    asked of), or says when while the new one says where, or the other way round ("in London" and
    "at 12 months" both hold)."""
    new = f"{preposition} {topic}"
    closing = _CLOSING_CIRCUMSTANCE.search(previous)
    if (preposition not in _CIRCUMSTANTIAL or closing is None or _PEOPLE.search(closing.group())
            or _NAME.search(closing.group()) or re.search(r"\s[A-Z]", closing.group())
            or names_time(closing.group()) != names_time(new)):
        return None
    return _tidy(_put(previous, closing.start(), closing.end(), new))


def _said_replaced(previous: str, preposition: str, topic: str) -> str | None:
    """"And with medication?" after "Is CBT effective without medication?": the same thing under
    another preposition, which takes the place of the previous one; None where the previous
    question does not say it, or for "for"."""
    said = re.search(r"\b(?:with|without|before|after|during|in|on|at|by|from|to|into|under|over|among|within|across)"
                     r"\s+(?:the\s+)?" + re.escape(_ARTICLE.sub("", topic)) + r"(?![\w-])", previous, re.I)
    return _tidy(_put(previous, said.start(), said.end(), f"{preposition} {topic}")) if said and preposition != "for" else None


_STUDY_HEADS = r"trials?|study|studies|protocol|review|programme|program|intervention|project|cohort|survey"
_A_STUDY = re.compile(rf"\b(?:{_STUDY_HEADS})\b", re.I)  # a phrase naming a study (`_study_instead`)


def _name_phrase_replaced(previous: str, preposition: str, topic: str) -> str | None:
    """`previous` with its one name and the preposition that leads it ("of BeneMin", "in the LIMIT
    trial", the topic's head noun after it) replaced by the new topic's phrase: "And in the FOCUS
    trial?" after "How long is the treatment of BeneMin?" asks "How long is the treatment in the
    FOCUS trial?" (it had asked "... of BeneMin in the FOCUS trial?"). None unless each names one
    thing (`_NAME`), the previous one's closing its phrase, or coming before the participle a
    passive question closes with."""
    new, old = list(_NAME.finditer(topic)), list(_NAME.finditer(previous))
    if len(new) != 1 or len(old) != 1:
        return None
    head = re.match(r"\s+([a-z][\w-]*)\s*$", topic[new[0].end():])
    # closing the question, or before the participle a passive question closes with ("How was the
    # primary outcome of the FOCUS trial measured?")
    closing = r"(?=\s*[?.!,;:]|\s*$" + (rf"|\s+{re.escape(p.group(1))}\W*$" if (p := _CLOSING_PASSIVE.match(previous)) else "") + ")"
    # the old name's own head noun, where it names a study ("the FOCUS trial"), goes with it
    heads = "|".join([*([re.escape(head.group(1))] if head else []), _STUDY_HEADS])
    phrase = re.compile(r"\b(?:of|in|for|from|on|at|with|among)\s+(?:the\s+)?" + re.escape(old[0].group())
                        + rf"(?:\s+(?:{heads}))?" + closing, re.I)
    m = phrase.search(previous)
    return _tidy(_put(previous, m.start(), m.end(), f"{preposition} {topic}")) if m else None


def _likest_start(text: str, s: int, e: int, topic: str, encoder) -> int:
    """Where the phrase [s, e) after a preposition ends: at the end of the start of it most like
    `topic`, since a run of content words may go on into the verb ("in the walking group completed
    the study": "the control group" takes the place of "the walking group").  A coordinated phrase,
    and one that ends the question, is kept whole."""
    # an article alone ends no phrase ("the" of "the U@Uni study")
    # nor does a name's word before another of it ("the Keeping" of "the Keeping Children Safe trial")
    ends = [s + m.end() for m in re.finditer(r"[\w'-]+", text[s:e])
            if not re.fullmatch(r"(?:the|a|an)", text[s : s + m.end()].strip(), re.I)
            and not (m.group()[:1].isupper() and re.match(r"\s+[A-Z]", text[s + m.end() : e]))]
    # a phrase that ends the question is whole ("the running heads" of "... do with the running
    # heads?": "the abstract" took the place of "the running" alone), but for a question that opens
    # with "is" or "are", which may end in what it asks the thing is ("of haplotype matrices
    # NP-hard?")
    if (len(ends) < 3 or re.search(r",|\b(?:and|or)\b", text[s:e], re.I)
            or (not text[e:].strip(" ?.!") and not _COPULA_OPENING.match(text))):
        return e
    vecs = encoder.encode([topic] + [text[s:x] for x in ends])
    return ends[int(np.argmax(vecs[1:] @ vecs[0]))]


_COPULA_OPENING = re.compile(r"^\s*(?:is|are|was|were)\s", re.I)


# Cosine of two things of one kind by the embedding model ("depression" and "schizophrenia" 0.48,
# "children" and "adults" 0.56), not a thing and a circumstance of it ("children" and "the brain"
# 0.29, "adolescents" and "depression" 0.37).
SAME_KIND = 0.45
# How much more like a "for" topic a phrase elsewhere must be than the phrase after "for" it would
# otherwise replace ("paracetamol": "ibuprofen" 0.53, "adults" 0.17; "depression": "drugs" 0.50,
# "patients older than 65 years" 0.13, "patients" 0.40).
FOR_MARGIN = 0.2


def _most_like(previous: str, topic: str, encoder) -> float:
    """The highest cosine of `topic` with a phrase of the previous question (`_phrases`)."""
    spans = _phrases(previous)[-MAX_PHRASES:]
    if not spans or not topic:
        return 0.0
    vecs = encoder.encode([topic] + [previous[s:e] for s, e in spans])
    return float(np.max(vecs[1:] @ vecs[0]))


def _phrase_at(text: str, start: int) -> tuple[int, int]:
    """The noun phrase after a preposition ending at `start`: its article, its run of content words
    and the phrases coordinated with it ("the girls and boys" of "for the girls and boys in ...")."""
    article = re.match(r"(?:the|a|an)\s+", text[start:], re.I)
    return _coordinated(text, start, _run_end(text, start + (article.end() if article else 0)))


def _body(question: str) -> str:
    """The question without its closing punctuation."""
    return re.sub(r"[?.!]+\s*$", "", question.strip())


def _added(question: str, previous: str, lead: re.Match) -> ResolvedQuery:
    """The previous question with the follow-up's prepositional phrase added at its end."""
    body = _body(previous)
    # "What is lithium used for, for children?": the comma keeps the preposition the question ends with
    joint = "," if body.lower().endswith(f" {lead.group(1).lower()}") else ""
    return ResolvedQuery(question, _tidy(f"{body}{joint} {lead.group(1).lower()} {lead.group(2)}?"), "new-topic",
                         lead.group(2))


# A question word, perhaps a noun phrase it asks about, an auxiliary and the rest: "How many
# participants were randomised in the LIMIT trial?", "how many were analysed".
_FRAME = re.compile(rf"^({_WH})\s+(?:((?:[\w'-]+\s+){{0,3}}?[\w'-]+)\s+)?({_AUX})\s+(\S.*?)[?.!]*$", re.I)
_TAIL = re.compile(r"\s(in|at|of|for|during|among|on|from|with|by|after|before|between|within)\s", re.I)
_ASKS_NOUN = re.compile(r"how\s+(?:many|much)|which", re.I)  # question words that ask about a noun


def _same_frame(q: str, previous: str) -> str | None:
    """"And how many were analysed?" after "How many participants were randomised in the LIMIT
    trial?": the same question word without the noun it asked about, so the previous question's
    noun, and its closing phrase when the follow-up has none: "How many participants were analysed
    in the LIMIT trial?"."""
    new, old = _FRAME.match(_strip_lead(q) + "?"), _FRAME.match(previous.strip())
    if not new or not old or new.group(2) or not old.group(2) or new.group(1).lower() != old.group(1).lower() \
            or not _ASKS_NOUN.fullmatch(new.group(1)) or _PRONOUNS.search(new.group(4)):
        return None
    # The previous question's closing phrases ("in the LIMIT trial") go on, but for one led by a
    # preposition the follow-up has its own phrase with ("for sleep" replaces "for depression").
    used = {m.group(1).lower() for m in _TAIL.finditer(" " + new.group(4) + " ")}
    kept = _closing_phrases(old.group(4), used)
    verb = new.group(3)
    if _is_plural(old.group(2)) and verb.lower() in _PLURAL_VERB:
        verb = _agree(verb, _PLURAL_VERB)  # "Which is most studied?" after "Which therapies ...?"
    return _tidy(" ".join([old.group(1), old.group(2), verb, new.group(4), *kept]) + "?")


def _closing_phrases(rest: str, used: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The phrases led by a preposition (`_TAIL`) that `rest` holds, but for those led by one in
    `used` ("in the LIMIT trial" of "randomised in the LIMIT trial")."""
    rest = " " + rest
    cuts = [m.start() for m in _TAIL.finditer(rest)] + [len(rest)]
    return [rest[a:b].strip() for a, b in zip(cuts, cuts[1:]) if _TAIL.match(rest[a:b] + " ").group(1).lower() not in used]


# A past-tense verb of more than a few letters, perhaps with its particle: "completed", "dropped out".
_PAST_VERB = re.compile(r"^[a-z][a-z'-]{2,}ed(?:\s+(?:out|up|off|away))?$")
# Common verbs whose past is no "-ed" form, as a counted noun's verb ("How many schools took part?").
_IRREGULAR_PAST = (r"took|went|left|got|gave|made|came|began|ran|saw|had|did|chose|fell|grew|kept|won|lost|quit|sent|spent|"
                   r"became|withdrew|drew|wrote|stood|heard|felt|paid|met|brought|bought|thought|found|told")
_PAST_WORD = re.compile(rf"^(?:[a-z][a-z'-]{{2,}}ed|{_IRREGULAR_PAST})$")


def _wh_followup(fragment: re.Match, previous: str) -> str:
    """The previous question asked again with the fragment's question word: "How many students?"
    after "How many schools took part in GoActive?" asks how many students took part; "For how
    long?" after "How often do patients attend the groups?" asks for how long they do. When the
    previous question opens otherwise, both are searched together."""
    wh, noun = fragment.group(1), fragment.group(2).strip()
    body = _body(previous)
    opening = re.match(rf"^({_WH})\b", body, re.I)
    old = _FRAME.match(previous.strip())
    if opening and noun and opening.group(1).lower() == wh.lower() and _PAST_WORD.match(noun.split()[0]) and old \
            and old.group(2) and _ASKS_NOUN.fullmatch(wh):
        # "And how many completed?" after "How many participants were randomised in the trial?":
        # a past-tense verb, not a noun, after the question word asks what the same noun did
        # ("How many participants completed in the trial?")
        return _tidy(" ".join([old.group(1), old.group(2), noun, *_closing_phrases(old.group(4))]) + "?")
    if opening and noun and opening.group(1).lower() == wh.lower() and _PAST_WORD.match(noun.split()[0]) and _ASKS_NOUN.fullmatch(wh):
        # "How many dropped out?" after "How many children's centres took part in the study?": what
        # the counted noun did, in the place of what it did before ("How many dropped out took
        # part ..." had put the verb in the noun's place)
        counted = re.match(rf"((?:[\w'’-]+\s+){{0,2}}?[\w'’-]+)\s+(?:[a-z][a-z'-]{{2,}}ed|{_IRREGULAR_PAST})\b",
                           body[opening.end():].lstrip())
        if counted:
            return _tidy(f"{body[:opening.end()].rstrip()} {counted.group(1)} {noun}?")
    if opening and noun and opening.group(1).lower() == wh.lower():
        # The noun the question word asked about, as many words as the new one has ("schools" in
        # "How many schools took part"; no word class is known, so no more than that is taken).
        words = list(_WORD.finditer(body, opening.end()))[: len(noun.split())]
        if words and all(m.group().lower() not in _STOP for m in words):
            return _tidy(f"{body[:opening.start()]}{wh} {noun}{body[words[-1].end():]}?")
    # An adverbial question word for another ("Where was the trial run?" + "When?"); "Why?" after
    # "What is X?" asks nothing that question's words can say.
    if opening and not noun and _ADVERBIAL.fullmatch(wh) and _ADVERBIAL.fullmatch(opening.group(1)) \
            and re.match(rf"\s+{_AUX}\b", body[opening.end():], re.I):
        return _tidy(f"{wh[:1].upper()}{wh[1:]}{body[opening.end():]}?")
    # and asks how, why, when or where of what a yes-or-no question asked ("Why?" after "Did any
    # schools drop out?": "Why did any schools drop out?"; "How?" after "Does exercise help
    # depression?"), the answer to which it takes to be yes
    yes_no = re.match(rf"^\W*(?:(?:and|but|so)\s+)?({_AUX})\s+(?!not\b)\S", body, re.I)
    if yes_no and not noun and _ADVERBIAL.fullmatch(wh):
        return _tidy(f"{wh[:1].upper()}{wh[1:]} {yes_no.group(1).lower()}{body[yes_no.end(1):]}?")
    return f"{fragment.group().strip()} ({previous})"


def _run_end(text: str, s: int) -> int:
    """Where the run of content words from `s` ends: at the next function word, verb the question
    pivots on, or the end of the question."""
    e = s
    for m in _WORD.finditer(text, s):
        if m.group().lower() in _STOP or _PIVOT.fullmatch(m.group() + " ") or re.fullmatch(_AUX, m.group(), re.I):
            break
        e = m.end()
    return e


def _topic_pointing_back(q: str, topic: str, previous: str, slot: str | None) -> ResolvedQuery | None:
    """"What about killing it?": a new topic that points back is what is searched, its pronoun
    standing for the previous question's topic, as the person typed it; None for any other topic."""
    pronoun = _PRONOUNS.search(topic)
    if pronoun and pronoun.group() == topic.strip():
        # "And that?", "What about them?": a pronoun alone names no topic to put in; what it points
        # at is searched with the previous question
        return ResolvedQuery(q, f"{q} ({_underlying(previous)})", "reference")
    if not pronoun or len(_content_words(topic)) <= len(_content_words(pronoun.group())):
        return None
    # "her" stands for a person the previous question names, never for what it asked about ("And her
    # foot ulcer?" after "How long did the serotonin syndrome take to resolve?")
    referent = _person_phrase(_underlying(previous)) if pronoun.group().lower() in _GENDERED else \
        _topic_of(previous, slot, pronoun.group())
    if not referent:
        return None
    if (owned := _owned_instead(topic, pronoun, referent, previous)) is not None:
        return ResolvedQuery(q, owned[0], "new-topic", owned[1])
    frame = _HOW_DO_I.match(previous)
    if frame and re.match(r"^(?:and|but|also|or|then|now)\s+", q, re.I) and not _TOPIC_OPENING.match(topic):
        # "And read it back?" after "How do I insert a value?": what else the person does with it
        return ResolvedQuery(q, _tidy(f"{frame.group()}{_substitute(topic, referent)[0]}?"), "new-topic", referent)
    return ResolvedQuery(q, _unled(_tidy(_substitute(q, referent)[0])), "new-topic", referent)


def _owned_instead(topic: str, pronoun: re.Match, referent: str, previous: str) -> tuple[str, str] | None:
    """"And its strengths?" after "What were the limitations of the LIMIT trial?" (or "... the LIMIT
    trial's limitations?"): the previous question with the thing the possessive owns in place of
    what its referent owned there ("What were the strengths of the LIMIT trial?"), and the owner
    (the next "its" stands for it); None where the topic is no possessive and a noun phrase, or the
    previous question has its referent own nothing."""
    if pronoun.group().lower() not in ("its", "their") or pronoun.start() != 0:
        return None
    thing = topic[pronoun.end():].strip()
    if not _content_words(thing):
        return None
    if (owner := re.fullmatch(r"(.+?['’]s?)\s+(\S.*)", referent)) and referent in previous:
        # "it" stood for what a possessive owns ("the LIMIT trial's limitations"): "its" is the owner's
        at = previous.find(referent) + owner.start(2)
        return f"{previous[:at]}{thing}{previous[at + len(owner.group(2)):]}", re.sub(r"['’]s?$", "", owner.group(1))
    ref = re.escape(referent)
    of = re.search(rf"\b(the\s+)((?:[\w-]+\s+){{0,3}}?[\w-]+)(\s+of\s+{ref})\b", previous)
    if of:
        return f"{previous[: of.start(2)]}{thing}{previous[of.end(2):]}", referent
    owns = re.search(rf"{ref}['’]s?\s+((?:[\w-]+\s+){{0,3}}?[\w-]+)(?=\W*$)", previous)
    if owns:
        return f"{previous[: owns.start(1)]}{thing}{previous[owns.end(1):]}", referent
    return None


def _clause_instead(q: str, topic: str, previous: str, slot: str | None) -> ResolvedQuery | None:
    """"And whether it is a directory?" after "How do I test whether a file exists?": a clause
    opened as one of the previous question's is takes its place, its pronoun standing for what
    that one was about; None for any other topic."""
    opening = re.match(r"(whether|if)\s+\S", topic, re.I)
    held = re.search(rf"\b{opening.group(1)}\s+\S", previous, re.I) if opening else None
    if not held:
        return None
    pronoun = _PRONOUNS.search(topic)
    referent = _topic_of(previous, slot, pronoun.group()) if pronoun else ""
    clause = _substitute(topic, referent)[0] if referent else topic
    return ResolvedQuery(q, _tidy(f"{previous[: held.start()]}{clause}?"), "new-topic", referent or None)


def _done_instead(q: str, topic: str, previous: str) -> ResolvedQuery | None:
    """"And run a query?", "And log to a file?" after "How do I ...?": a topic that opens with a
    verb (`_VERB_PHRASE`) is another thing the person does, asked in the previous question's
    frame; None for any other topic."""
    frame = _HOW_DO_I.match(previous)
    m = _VERB_PHRASE.match(topic)
    if not (frame and m and re.match(r"^(?:and|but|also|or|then|now)\s+", q, re.I)):
        return None
    word, after = m.group(1), m.group(2)
    if word in _STOP or _is_adverb(word) or word.endswith("ing") or (
            after in _OPENS_NOUN and (_NOUN_FORM.search(word) or word.endswith("ss"))):
        return None
    return ResolvedQuery(q, _tidy(f"{frame.group()}{topic}?"), "new-topic", topic)


# A word before an article or a possessive (perhaps with its particle: "roll back a release") takes
# it as its object: a verb ("run a query", "close the connection"), unless it is an "-ing" form,
# which names the doing ("logging the errors"); a word before "to", "into" or "from" may be a verb
# ("log to a file") or a noun ("exposure to noise", "access to care"), which the word's form tells
# (`_NOUN_FORM`, or "-ss").
_OPENS_NOUN = {"to", "into", "from", "onto"}
_VERB_PHRASE = re.compile(r"^([a-z][a-z'-]*)(?:\s+(?:up|down|out|off|over|back|away))?\s+"
                          r"(the|a|an|my|your|our|their|its|this|that|these|those|to|into|from|onto)\s+\S")
# A noun's ending, or a plural's: "exposure", "adherence", "therapy", "family", "changes" (not
# "focus", nor a verb's "-fy" or "-ply": "modify", "apply").
_NOUN_FORM = re.compile(r"(?:tion|sion|ment|ness|ance|ence|ure|ism|ist|ship|hood|(?<!l)al|(?<![su])s|(?<![aeioufl])y|(?<!p)ly)$")


# "How do I ", "How can we ": the frame of a question about doing something.
_HOW_DO_I = re.compile(r"^how\s+(?:do|can|could|should|would|will)\s+(?:I|you|we|one)\s+", re.I)
# A topic that opens as a noun phrase or a phrase of its own, not as a verb: "the ...", "for ...",
# "killing it" (a verb's -ing form names the doing).
_TOPIC_OPENING = re.compile(r"^(?:the|a|an|this|that|these|those|its?|their|his|her|my|your|our|in|for|with|of|on|"
                            r"at|about|to|from|by|what|how|which|who|when|where|why|\w+ing)\b", re.I)


# The verb a do-question ends with, perhaps before its preposition ("What do CBT models promote?",
# "What does the magic file start with?").
_DO_VERB = re.compile(r"\b(?:do|does|did)\s+\S.*?\s([\w'-]+)(?:\s+(?:with|to|for|from|on|in|of|about|at|by|into))?[?.!\s]*$",
                      re.I)


def _ends_run(text: str, e: int) -> bool:
    """Whether the phrase ending at `e` ends its run of content words: the next word is a function
    word, a verb the question pivots on, the verb a do-question ends with or a be-question's
    adjective (`_predicate`), or none follows."""
    m = _WORD.search(text, e)
    # a do-question whose verb follows its named subject ends in its object, not its verb
    do = _DO_VERB.search(text) if _verb_after_name(text) is None else None
    return (m is None or m.group().lower() in _STOP or bool(_PIVOT.fullmatch(m.group() + " "))
            or (do is not None and m.start() == do.start(1))
            or m.start() == _predicate(text))


def _is_object(q: str, at: int) -> bool:
    """Whether the pronoun at `at` stands right after a verb, as its object ("Which version added
    it?"), not after an auxiliary ("Can it ...?"), a preposition or a question word."""
    before = re.search(r"([A-Za-z'-]+)\s+$", q[:at])
    word = before.group(1).lower() if before else ""
    return bool(word) and word not in _STOP and not re.fullmatch(_AUX, word) and not re.fullmatch(_WH, word)


# A yes-or-no question's verb and its object after the subject: " support RIGHT JOIN", " depend on zoo".
_VERB_OBJECT = re.compile(r"^\s+[a-z]{2,}\s+(?:(?:on|with|to|for|from|in|into|about)\s+)?(?P<object>\S.*?)\W*$")
_YES_NO_AUX = re.compile(r"^(?:and\s+)?(?:does|do|did|can|could|will|would)\s+", re.I)


def _object_of(previous: str, subject: str) -> str:
    """The object of a yes-or-no question's verb after its subject ("RIGHT JOIN" of "Does SQLite
    support RIGHT JOIN?"), "" where it has none."""
    body = _body(previous)
    if not subject or not _YES_NO_AUX.match(body) or (at := body.find(subject)) < 0:
        return ""
    m = _VERB_OBJECT.match(body[at + len(subject):])
    if m is None or not _content_words(m.group("object")):
        return ""
    # a noun phrase, not a circumstance ("help after a stroke" takes none)
    first = m.group("object").split()[0].lower()
    return m.group("object") if first in ("the", "a", "an") or first not in _STOP else ""


# "Which questionnaire ...?", "What side effects ...?": a question whose answer names a thing.
_ANSWER_NAMES = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:which|what)\s+(?!(?:is|are|was|were|do|does|did|can|could|will|"
                           r"would|should|has|have|had|about|if)\b)[\w'-]+", re.I)


def _topic_of(previous: str, slot: str | None, pronoun: str, earlier: tuple[str, ...] = (), as_object: bool = False) -> str:
    """What a pronoun stands for: the phrase a follow-up put into the previous question, with the
    "of", "for" or "in" phrase that follows it there ("the secondary outcomes of the BeneMin
    trial", "the exclusion criteria for the LIMIT trial"), else that
    question's referent for this pronoun (`_referent`).  "it" agrees in number: where that phrase
    is plural, its "of" phrase, else the singular referent of the previous question or of an
    `earlier` one, latest first ("Did it work?" after "How many schools took part in GoActive?",
    "What did the students do?" asks whether GoActive worked); so too where the previous question
    has no referent ("Who funded it?" after "Where was the LIMIT trial conducted?", "How many women
    took part?" asks who funded the LIMIT trial). "This" or "that" after a question
    of why or how something happens is that happening (`_event_of`). A pronoun that is a verb's
    object (`as_object`) after a yes-or-no question stands for that question's object (`_object_of`)."""
    if pronoun.lower() in ("this", "that") and (event := _event_of(_underlying(previous))):
        return event
    plural = pronoun.lower() in _PLURAL_PRONOUNS
    if slot and slot not in previous and (act := _act_owned(slot, previous)):
        # "How long does it take stress to change the brain?": the act, "stress changing the brain"
        return act
    if slot and slot in previous:
        start = previous.rfind(slot)
        of = re.match(r"\s+(?:of|for|in)\s+", previous[start + len(slot) :])
        end = _phrase_at(previous, start + len(slot) + of.end())[1] if of else start + len(slot)
        if owned := re.match(r"'s?\s+(?=\w)", previous[start + len(slot) :]):
            # "the LIMIT trial's main finding": what a possessive put in owns is what "it" is now
            end = _run_end(previous, start + len(slot) + owned.end())
        # "What did participants in the intervention arm of U@Uni receive?": the verb a do-question
        # ends with is no part of the phrase
        if (do := _DO_VERB.search(previous)) and start + len(slot) < do.start(1) < end:
            end = len(previous[: do.start(1)].rstrip())
        # nor the participle a passive ends with ("How were the secondary outcomes of the trial
        # measured?": "When were they assessed?" is of the outcomes, not of "... trial measured")
        if (passive := _CLOSING_PASSIVE.match(previous)) and start + len(slot) < passive.start(1) < end:
            end = len(previous[: passive.start(1)].rstrip())
        topic = previous[start:end]
    elif not plural and (thing := _DO_ASKED_OF.match(_body(previous))) and not _is_plural(thing.group(1)) \
            and _is_plural(thing.group("subject")):
        # "What are its side effects?" after "What dose of minocycline do BeneMin participants
        # take?": the thing a measure was asked of, not the people who take it ("BeneMin's")
        return thing.group(1)
    else:
        topic = _referent(previous, plural)
        # "Which version added it?" after "Does SQLite support RIGHT JOIN?": the object stands for the object
        if as_object and (thing := _object_of(previous, topic)) and _is_plural(thing) == plural:
            topic = thing
    if pronoun.lower() not in ("it", "its") or (topic and (not _is_plural(topic) or " and " in topic)) or (
            not topic and _ANSWER_NAMES.match(previous)):
        # "How reliable is it?" after "Which questionnaire measured alcohol use?": what the answer names
        return topic
    if owner := _singular_owner(topic):
        return owner
    singular = (found for past in (previous, *map(_underlying, reversed(earlier))) if (found := _referent(past, False))
                and not _is_plural(found))
    return next(singular, topic)


# "What dose of minocycline do participants take?", "What kind of exercise should older adults do?":
# what is asked of a thing that people do something with.
# The people who do it are the do-question's plural subject ("participants", "older adults"): where
# that subject is one thing ("What limitation of CBT does the review mention?"), "it" may be that.
_DO_ASKED_OF = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:what|which|how\s+much)\s+(?:[\w'-]+\s+){0,2}?of\s+"
                          r"((?:(?:the|a|an)\s+)?[\w@'’-]+(?:\s+[\w@'’-]+)?)\s+(?:do|does|did|should|can|could|must|will|would)\s+"
                          r"(?P<subject>(?:[\w@'’-]+\s+){0,3}?[\w@'’-]+)\s+[a-z]+\W*$", re.I)


def _singular_owner(phrase: str) -> str:
    """The one thing a plural phrase is of, by "of" ("the side effects of valproate") or a
    possessive ("valproate's common side effects"), which "it" may stand for; else ""."""
    if (owner := _OF_PHRASE.match(phrase)) and not _is_plural(owner.group(2)):
        return owner.group(2)
    if (owner := _POSSESSOR.match(phrase)) and not _is_plural(owner.group(1)):
        return owner.group(1)
    return ""


_VERSION = re.compile(r"v?\d+(?:\.\d+)*")
_NUMBER_AFTER = re.compile(rf"\s+{_VERSION.pattern}(?![\w.-])")  # a version or a number after a name


def _whole_name(previous: str, s: int, e: int, topic: str) -> tuple[int, int]:
    """For a topic that is a name (capitalised), the span of the name written in capitals that the
    phrase [s, e) is part of, with a version number after it ("Apache License 2.0"; the question's
    first word is none of it): a name takes the place of a whole name, "the CDC", not "the CDC
    Organization" for "the World Health Organization", "the MIT License", not "the MIT License
    2.0". An option takes the place of an option with its value ("--show-leak-kinds" of
    "--leak-check=full"). Else [s, e) as it is."""
    if topic.startswith("-") and (value := _OPTION_VALUE.match(previous, e)):
        return s, value.end()
    if not _ARTICLE.sub("", topic)[:1].isupper():
        return s, e
    words = list(_WORD.finditer(previous))[1:]
    inside = [k for k, m in enumerate(words) if s <= m.start() < e and m.group().lower() not in ("the", "a", "an")]
    if not inside or not all(words[k].group()[:1].isupper() for k in inside):
        return s, e
    first, last = inside[0], inside[-1]
    while first > 0 and words[first - 1].group()[:1].isupper() and words[first - 1].end() + 1 == words[first].start():
        first -= 1
    while last + 1 < len(words) and words[last + 1].start() == words[last].end() + 1 and (
            words[last + 1].group()[:1].isupper() or _VERSION.fullmatch(words[last + 1].group())):
        last += 1
    return min(s, words[first].start()), max(e, words[last].end())


def _in_place_of(previous: str, s: int, e: int, topic: str, to_head: bool = True) -> str:
    """The previous question with `topic` in the place of its phrase [s, e) and the phrases
    coordinated with it; a topic of modifiers (`to_head` false: "a gzipped one") keeps the noun
    the phrase ends in."""
    topic = _with_its_noun(previous, s, e, topic, to_head)
    s, e = _whole_name(previous, s, e, topic)
    if len(topic.split()) > 1 and topic.split()[0].casefold() == previous[s:e].casefold() and not _ends_run(previous, e):
        # the phrase is the topic's own first word, a modifier both share: the topic takes the
        # place of the noun phrase it opens ("git cherry-pick" of "git rebase", "vitamin B12" of
        # "vitamin D"), not of the modifier alone
        e = _run_end(previous, e)
    head = re.match(r"\s+([\w'-]+)", previous[e:])
    if (len(topic.split()) > 1 and head and _singular(head.group(1).lower()) == _singular(topic.split()[-1].lower())
            and not _holds_verb(previous, s, e + head.end())):
        # the topic's head is the noun right after the phrase: "mixed-effects models" takes the
        # place of "random-effects model", not of "random-effects" ("... mixed-effects models model")
        e += head.end()
    if _ends_run(previous, e) and not _both_adverbs(previous[s:e], topic) and not _holds_verb(previous, s, e):
        # A phrase that ends its run of content words ends a noun phrase, whose modifiers go with
        # it: "acute stress" takes the place of "chronic stress", not of "stress" alone, which
        # would leave "chronic acute stress".
        s = _run_start(previous, s)
    elif (len(topic.split()) > 1 and topic.split()[-1].lower() == previous[s:e].split()[-1].lower()
          and not _holds_verb(previous, s, e)):
        # a topic with the phrase's head has its own modifiers: "anxiety severity" takes the place
        # of "depression severity" ("How was depression severity measured?")
        s = _run_start(previous, s)
    # a possessive determines its phrase as an article does ("her foot ulcer" in place of "the
    # serotonin syndrome", not of "syndrome")
    determined = _DETERMINER.match(topic) is not None
    if determined and to_head:
        e = _to_head(previous, e, s)
    modified = re.search(r"\b(?:the|a|an)\s+((?:[\w'-]+\s+){1,3})$", previous[:s], re.I)
    between = ["a", *modified.group(1).split(), previous[s:e]] if modified else []
    if (determined and modified and not any(w.lower() in _STOP and not _names_kind(between, k)
                                                       for k, w in enumerate(between[1:-1], 1))
            and not re.match(rf"\W*{_AUX}\b", previous, re.I)):
        # a phrase with its own article takes the place of the whole noun phrase, modifiers and
        # all ("in the web-programme the control group"); in a question opened by an auxiliary
        # the words before it may hold the subject's verb ("Does the brain stay adaptable ...?")
        s = modified.start()
    if _is_adverb(topic) and (led := _LED_BY_PREPOSITION.search(previous[:s])):
        # an adverb says how, in place of the phrase that said where or by what means: "And
        # locally?" after "How do I run BLAST over the internet?" drops "over the" with "internet"
        s = led.start()
    s, e = _coordinated(previous, _from_own_phrase(previous, s, topic), _through_own_phrase(previous, e, topic))
    return _tidy(_put(previous, s, e, topic))


# The opening of a question whose first run of content words holds its subject and its verb: a
# wh-word with no auxiliary anywhere after it ("Which therapies help depression?", "What reduces
# anxiety?"), or an auxiliary before the subject ("Does exercise help depression?").
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "both", "each", "all", "some", "any", "my", "your",
                "our", "their", "its", "his", "her"}
_SUBJECT_FIRST = re.compile(rf"^\W*(?:(?:and|but|so)\s+)?(?:(?:which|what|who)\s+(?!.*\b{_AUX}\b)|"
                            rf"(?:(?P<wh>how|why|when|where|what|which)\s+)?(?P<aux>{_AUX})\s+)", re.I)
# After "do" or a modal the subject's verb follows it; "is" or "has" may be the verb itself ("What
# is the primary outcome of the trial?" holds no verb after its subject).
_MAIN_VERB_FOLLOWS = {"do", "does", "did", "can", "could", "will", "would", "should", "shall", "may", "might", "must"}
_BE = {"be", "been", "being", "is", "are", "was", "were"}


def _subject_verb_run(text: str) -> list[re.Match]:
    """The words of the run of content words right after a `_SUBJECT_FIRST` opening when it holds
    the question's subject, its verb and what follows ("therapies help depression", "exercise help
    depression", "triggers migraines" of "What triggers migraines in children?"): not when a verb
    the question pivots on or a do-question's closing verb ends it ("How does chronic stress affect
    memory?", "What do CBT models promote?"); [] otherwise."""
    opening = _SUBJECT_FIRST.match(text)
    if not opening or _verb_after_name(text) is not None:
        return []  # the verb after a named subject is known, and phrases and runs stop at it
    aux = (opening.group("aux") or "").lower()
    # a question word before "do" is what a closing verb acts on ("What do CBT models promote?");
    # a yes/no question's last word is its object ("Does exercise help depression?")
    do = _DO_VERB.search(text) if opening.group("wh") else None
    run, ended_by = [], ""
    for m in _WORD.finditer(text, opening.end()):
        word = m.group().lower()
        if not run and word in _DETERMINERS and aux in _MAIN_VERB_FOLLOWS:
            continue  # "Does the library support proxies?": the subject's article opens the run
        if do is not None and m.start() == do.start(1):
            return []
        if word in _STOP or _PIVOT.fullmatch(word + " ") or re.fullmatch(_AUX, word, re.I):
            ended_by = word
            break
        run.append(m)
    # One word holds no subject and verb together. A run that a form of "be" ends is the subject
    # alone ("private modules" of "Should private modules be on sys.path?"); after "is" or "has"
    # the run holds a verb only as a participle ("Is deflate() guaranteed to ...", "Has exercise
    # improved mood?"; "What is chronic stress?" holds none).
    # So is one that "do" ends ("deep sleep" of "What does deep sleep do for memory?").
    if len(run) < 2 or ended_by in _PIVOT_VERBS or ended_by in _BE or ended_by in ("do", "does", "did"):
        return []
    if aux and aux not in _MAIN_VERB_FOLLOWS and not any(_PAST_VERB.match(m.group().lower()) for m in run[1:]):
        return []
    return run


def _holds_verb(text: str, s: int, e: int) -> bool:
    """Whether the phrase [s, e) ends the question's subject-and-verb run (`_subject_verb_run`):
    its words before the phrase are no modifiers of it, and without word classes the verb among
    them is unknown, so none goes with it ("And anxiety?" after "Which therapies help depression?"
    keeps "therapies help")."""
    run = _subject_verb_run(text)
    return bool(run) and run[0].start() <= s and e == run[-1].end()


def _verb_free(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The phrases that hold no verb of the question's subject-and-verb run: none of more than one
    word holding its second word, the verb after a one-word subject or the second word of a
    longer one ("therapies help" and "regulate brain activity" go; "brain activity" stays)."""
    run = _subject_verb_run(text)
    if len(run) < 2:
        return spans
    second = run[1]
    return [(s, e) for s, e in spans if not (s <= second.start() < e and (s, e) != second.span())]


# "who" is a subject, so the word after it, or after its auxiliary, is its verb ("maintains" of "Who
# maintains express?", "take" of "Who should not take lithium?").
_WHO_VERB = re.compile(rf"^\W*(?:(?:and|but|so)\s+)?who\s+(?:{_AUX}\s+(?:(?:not|also|ever|usually)\s+)?)?(?!{_AUX}\b)(?=[a-z])", re.I)


def _who_verb(text: str) -> int:
    """Where the verb of a question asking who starts, or -1."""
    m = _WHO_VERB.match(text)
    return m.end() if m else -1


def _how_to_verb(text: str) -> int:
    """Where the verb of "How do I <verb> ...?" starts, or -1: what the person does stays when a
    follow-up names another thing to do it to ("And the molecular weight?" after "How do I
    calculate GC content?" asks how to calculate the molecular weight)."""
    m = _HOW_DO_I.match(text)
    return m.end() if m else -1


def _person_verb(text: str) -> int:
    """Where the verb after a person asked of starts (`_PERSON_DOES`: "need" of "Why do we need
    ...?"), or -1: no phrase a new topic replaces holds it."""
    m = _HOW_DO_I.match(text) or _PERSON_DOES.match(text)
    return m.end() if m else -1


# "Why do we need ...?", "When should I use ...?", "Can I drive?", "Will I be paid?": after a person
# asked of, the word is a verb, a participle after "be" too ("And random slopes?" after "Why do we
# need random intercepts?" had replaced "need"; "What about travel costs?" had asked "Will I be
# travel costs?").
_PERSON_DOES = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:(?:how|why|when|where|what|which)\s+)?"
                          r"(?:do|does|did|can|could|should|would|will|must|may|might)\s+(?:I|you|we|they|one)\s+"
                          r"(?:(?:not|still|also|ever|really|always)\s+)?(?:(?:be|get)\s+(?=[a-z]+ed\b|paid\b|told\b|seen\b|given\b))?"
                          r"(?=[a-z])", re.I)


def _from_own_phrase(previous: str, s: int, topic: str) -> int:
    """Where a phrase starting at `s` that `topic` replaces starts, with the noun phrase before it
    when the two are joined by a preposition the topic has too: "And the proportion of women?"
    after "What was the mean age of participants?" replaces "the mean age of participants"."""
    own = _TOPIC_PREPOSITION.search(topic)
    if not own or not (joined := re.search(rf"\s{own.group(1)}\s+(?:(?:the|a|an)\s+)?$", previous[:s], re.I)):
        return s
    words = list(_WORD.finditer(previous[: joined.start()]))
    start = None
    while words and words[-1].group().lower() not in _STOP:
        start = words.pop().start()
    if start is None:
        return s
    article = re.search(r"\b(?:the|a|an)\s+$", previous[:start], re.I)
    return article.start() if article else start


def _through_own_phrase(previous: str, e: int, topic: str) -> int:
    """Where a phrase ending at `e` that `topic` replaces ends, with the phrase after it led by a
    preposition the topic has too: "And depression among nurses?" after "... of anxiety among
    students?" replaces "anxiety among students"; and so on through the topic's prepositions ("And
    for carers of people with stroke?" replaces "carers of people with dementia")."""
    for own in _TOPIC_PREPOSITION.finditer(topic):
        if not (same := re.match(rf"\s+{own.group(1)}\s+", previous[e:], re.I)):
            break
        e = _phrase_at(previous, e + same.end())[1]
    return e


# "do" as a do-question's verb, then a preposition: its last word is no verb ("What does the llncs
# class do with the running heads?": "the abstract" took the place of "the running" alone).
_DO_AS_VERB = re.compile(r"\b(?:do|does|did)\s.*\s(?:do|does|did)\s+(?:with|to|for|about|in|on|at|by)\s", re.I)
_TOPIC_PREPOSITION = re.compile(r"\s(in|among|for|with|at|during|after|before|from|of)\s+\S", re.I)


# An adverb of manner: an adjective's ending before "-ly" ("asynchronously", "manually",
# "repeatedly"), or a word of the model's dictionary before it (`_is_adverb`).
_ADVERB_FORM = re.compile(r"[a-z]{3,}(?:ous|ive|al|ent|ant|ful|less|ate|ar|ed|ing)ly", re.I)
# Where a place or means is said: "over the internet", "in a browser", "from the command line".
_LED_BY_PREPOSITION = re.compile(r"\b(?:over|in|on|at|from|via|through|with|by|across|into|to)\s+"
                                 r"(?:(?:the|a|an|my|your|our|their)\s+)?$", re.I)


def _is_adverb(word: str) -> bool:
    """Whether a lower-case word is an adverb in -ly: of an adjective's form, or of a dictionary
    word of four letters or more ("locally", "easily"; not "family", "only" or "supply")."""
    if not re.fullmatch(r"[a-z]+ly", word):
        return False
    stem = word[:-3] + "y" if word.endswith("ily") else word[:-2]
    return _ADVERB_FORM.fullmatch(word) is not None or (len(stem) >= 4 and stem in english_words())


def _both_adverbs(phrase: str, topic: str) -> bool:
    """Whether the phrase and the topic are one adverb each ("asynchronously", "synchronously"): an
    adverb ends no noun phrase, so the words before it stay ("read a file synchronously")."""
    return all(len(t.split()) == 1 and t.lower().endswith("ly") and len(t) > 4 for t in (phrase, topic))


def _run_start(text: str, s: int) -> int:
    """Where the run of content words holding the phrase at `s` starts (at most three words)."""
    words = [m for m in _WORD.finditer(text[:s])]
    verbs = (_verb_after_name(text), _who_verb(text), _person_verb(text))
    # the words up to the phrase and its first, to tell a function word that names a kind ("a for loop")
    named = [m.group() for m in words] + [m.group() for m in _WORD.finditer(text, s)][:1]
    taken = 0
    # nor back over an owner, which is a phrase of its own ("methylphenidate's" of "methylphenidate's
    # side effects": "the benefits" take the place of the side effects, not of whose they are)
    while words and taken < 2 and (words[-1].group().lower() not in _STOP or _names_kind(named, len(words) - 1)) \
            and not _PIVOT.fullmatch(words[-1].group() + " ") and words[-1].start() not in verbs \
            and not _OWNER.search(text[: words[-1].end() + 1].rstrip()):
        s = words.pop().start()
        taken += 1
    return s


_PLURAL_VERB = {"is": "are", "was": "were", "does": "do", "has": "have"}
_SINGULAR_VERB = re.compile(r"\b(is|was|does|has)\b(?=\s*$)", re.I)


def _plural_verb(m: re.Match) -> str:
    word = _PLURAL_VERB[m.group(1).lower()]
    return word if m.group(1).islower() else word.capitalize()


def _coordinated(text: str, s: int, e: int) -> tuple[int, int]:
    """[s, e) widened over the phrases coordinated with it ("depression and anxiety", "A, B or C")."""
    content = r"[\w'-]+(?:\s+[\w'-]+){0,2}"
    while m := re.match(_COORD + f"({content})", text[e:], re.I):
        if not _content_words(m.group(1)) or m.group(1).split()[0].lower() in _STOP:
            break
        e += m.end()
    while m := re.search(f"({content})" + _COORD + "$", text[:s], re.I):
        words = m.group(1).split()
        keep = []
        for w in reversed(words):  # only the content words next to the conjunction
            if w.lower() in _STOP:
                break
            keep.insert(0, w)
        if not keep:
            break
        s = m.end() - len(m.group()) + len(m.group(1)) - len(" ".join(keep))
    return s, e


_BE_HAVE = r"(?:is|are|was|were|has|have|had)"
# "What was the primary outcome of the LIMIT trial?": the whole noun phrase asked about, taken when
# its head agrees with the pronoun ("it" after "What are the symptoms of depression?" is depression)
# "What is the ...?", or a bare noun phrase in a place or a whole ("What is time zone support in
# Django 1.4?": a pronoun after it stands for the support, not the release); no participle or
# pronoun opens one ("What is known about ...?", "What is involved in ...?")
_ASKED = re.compile(r"^(?:what|who)\s+(?:is|are|was|were)\s+((?:the|a|an)\s+.+|"
                    r"(?!(?:it|this|that|there|done|said|meant|new|needed)\b)(?![\w'-]+(?:ed|en|wn|ing)\b)"
                    r"[\w'-]+(?:\s+[\w'-]+){0,2}\s+(?:in|of|for|on)\s+\S.*)$", re.I)
# "What dose of minocycline was used?", "Where was the trial run?": the subject before the verb
_SUBJECT = re.compile(rf"^(?:what|which)\s+(.+?)\s+{_BE_HAVE}\s+([\w'-]+)$", re.I)
# What a "What kind of drug is lithium?" question says its subject is: a word that reads as a
# participle or an adjective by its ending ("used", "toxic", "effective", "best") or is one of the
# common adjectives without one, or a word that points ("there"), says of the thing asked for;
# another word, or a name, is the subject ("lithium"), which "it" then stands for, not "the kind of drug".
_SAID_OF_ASKED = re.compile(r"(?:ed|en|wn|ing|ic|ous|ful|ive|able|ible|al|ant|ent|est|er|less|ary|ory|ish|y|ile)$|"
                            r"^(?:safe|best|worst|good|bad|free|true|false|right|wrong|high|low|fast|slow|new|old|first|last|"
                            r"next|same|open|correct|wise|there|here|it|this|that|so|missing)$", re.I)
# (no preposition inside: "How is depression treated with neuropsychotherapy?" has none of these)
_NO_PREPOSITION = r"(?!(?:with|in|on|for|to|of|by|from|at|about|during|after|before|under|over|into)\b)"
# (but an "of" phrase is part of it: "Why is the growth of ISA features concerning?"; and a degree
# adverb before the last word is not: "Why is the brain so adaptable?")
_OF_THE = r"(?:of\s+(?:(?:the|a|an)\s+)?)?"
_ADVERB_SUBJECT = re.compile(rf"^(?:where|when|how|why)\s+{_BE_HAVE}\s+((?:(?:the|a|an|this|that)\s+)?[\w'-]+"
                             rf"(?:\s+{_OF_THE}{_NO_PREPOSITION}[\w'-]+){{0,3}}?)"
                             r"(?:\s+(?:so|very|too|really|still|also|more|less|most|least|often|usually|always))?\s+[\w'-]+$", re.I)
# "How was adherence measured in the FOCUS trial?": a passive's subject, with the circumstance named
# after its verb (a participle, told by its ending); after "with" or "by" comes an instrument, which a
# pronoun may stand for instead ("How is depression treated with neuropsychotherapy?")
_PASSIVE_IN = re.compile(rf"^(?:where|when|how|why)\s+{_BE_HAVE}\s+((?:(?:the|a|an|this|that)\s+)?[\w'-]+"
                         rf"(?:\s+{_NO_PREPOSITION}[\w'-]+){{0,2}}?)\s+[a-z]+(?:ed|en|wn)\s+((?:in|for|among|during|at|after|before|following)\s+\S.*)$",
                         re.I)
# "How rare is the lupus-type reaction that has been linked to minocycline?": the reaction.
_HOW_IS = re.compile(r"^how\s+[\w'-]+\s+(?:is|are|was|were)\s+((?:the|a|an)\s+[^,]+?)\s+(?:that|which|who)\s+\S.*$", re.I)
# "How common is ADHD in children?", "How safe is sertraline in pregnancy?": the subject before the
# circumstance it is asked of ("it" after either is ADHD, sertraline, not the children).
_HOW_IS_IN = re.compile(r"^how\s+[\w'-]+\s+(?:is|are|was|were)\s+((?:(?:the|a|an)\s+)?[\w'-]+(?:\s+[\w'-]+){0,2}?)\s+"
                        r"(?:in|for|among|during|with|after|at|on|to|of|by)\s+\S.*$", re.I)
_CLAUSE_WORD = re.compile(r"\b(?:do|does|did|how|why|what|when|where|which|who)\b", re.I)
# The noun a do-question asks about: "side effects" of "What side effects does minocycline have?".
_ASKED_NOUN = re.compile(r"^(?:what|which)\s+((?:[\w'-]+\s+){0,2}?[\w'-]+)\s+(?:does|do|did)\s", re.I)
# "Who funded the GoActive study?": without a preposition or an auxiliary, what follows its verb
# ("Which therapies change the brain?": after "which" comes a noun, not the verb)
_AFTER_VERB = re.compile(r"^(?:who|what)\s+[\w'-]+\s+(.+)$", re.I)


def _plural_start(run: str) -> str:
    """The longest start of a run of words that ends in a plural ("women" of "women took part"), or ""."""
    words = run.split()
    return next((" ".join(words[:k]) for k in range(len(words), 0, -1) if _is_plural(" ".join(words[:k]))), "")


# "and capture its output": a conjunction, then a word with an object of its own (a determiner
# or pronoun right after it), is a second thing done, not more of the thing acted on.
_SECOND_ACT = re.compile(r"\s+(?:and|or|then)\s+(?=[a-z][\w'-]*\s+(?:its|their|the|a|an|it|them|his|her|my|your|our|this|"
                         r"that|these|those)\b)")


# A clause the person asks about ("whether a file exists"), its subject before its verb.
_CLAUSE_SUBJECT = re.compile(r"^(?:whether|if)\s+((?:(?:the|a|an|my|your|our|this|that|its|their)\s+)?[\w'.-]+(?:\s+[\w'.-]+)?)\s+"
                             r"(?:is|are|was|were|exists?|has|have|had|can|could|will|would|does|do|did|contains?|matches)\b", re.I)


def _acted_on(body: str, plural: bool) -> str:
    """"How do I spawn a child process?": what the person acts on, after one verb or two ("a file"
    of "read and write a file"), up to a preposition or an infinitive ("a function" in "schedule a
    function to run after a delay") or a second verb with its own object ("a shell command" of "run
    a shell command and capture its output"); "" when the question is no such question."""
    acts_on = re.search(r"\b(?:do|does|did|can|could|should|would|will|shall)\s+(?:I|you|we|one|they|he|she|anyone|someone|people)\s+"
                        r"(?:(?:have|need|want|ought|got)\s+to\s+)?(?P<verb>[\w'-]+)"
                        r"(?:\s+(?:and|or)\s+[\w'-]+)?\s+(?P<rest>.+)$", body, re.I) or _WHY_DO.match(body) or _WHO_ACTS.match(body)
    if not acts_on:
        return ""
    rest, verb = acts_on.group("rest"), acts_on.groupdict().get("verb") or ""
    # a clause after the verb is no object ("Can I drive if I feel sleepy?" acts on nothing), unless
    # the verb asks it ("check if a string is empty", `_CLAUSE_SUBJECT`)
    if not _CLAUSE_SUBJECT.match(rest):
        rest = _CLOSING_CLAUSE.sub("", " " + rest).strip()
    obj = _SECOND_ACT.split(_before_pivot(rest), maxsplit=1)[0].strip()
    # nor is a time it is done at ("sertraline" of "stop sertraline before surgery")
    obj = _WHEN_DONE.split(obj, maxsplit=1)[0].strip()
    if verb.lower() in _LIGHT_VERBS and obj.lower() in _LIGHT_NOUNS:
        # a light verb and its bare noun are one predicate ("take part", "make sense"): the person
        # acts on nothing; but "take sertraline" acts on a medicine
        return ""
    if clause := _CLAUSE_SUBJECT.match(obj):
        obj = clause.group(1)  # "a file" of "test whether a file exists"
    obj = _PARTICLE.sub("", obj)  # "How can I speed up BM25 retrieval?": "up" goes with the verb
    governed = _GOVERNED.match(rest) if not obj else None
    if governed and _is_plural(governed.group(1)) == plural:
        # "How do I wait for a new thread to finish?": a verb with its preposition acts on the noun
        # phrase after it, up to the next preposition or infinitive, when that one agrees with the
        # pronoun ("events" of "listen for events on a socket" is no "it")
        obj = _before_pivot(governed.group(1)).strip()
    at = rest.find(obj) if obj and not plural else -1
    if at >= 0 and (named := _BARE_OF.match(rest, at + len(obj))) and _content_words(named.group(1)):
        # "the homogeneity of variances": an "of" with no article after it names what the head is
        # of, one thing with it ("When is it violated?" is not of "the homogeneity")
        obj += named.group()
    return obj


# A time an act is done at, after its object: "before surgery", "during pregnancy", "after a meal".
_WHEN_DONE = re.compile(r"\s+(?:before|after|during|until|while)\s+", re.I)


# Verbs that make one predicate with a bare noun after them ("take part", "take place", "make
# sense"), and the nouns English joins to them so: a closed set of idioms, where any other bare noun
# is what is taken or made ("take sertraline").
_LIGHT_VERBS = frozenset({"take", "make"})
_LIGHT_NOUNS = frozenset({"part", "place", "sense", "care", "effect", "time", "turns", "notice", "action", "advantage",
                          "note", "progress", "use", "hold", "shape", "charge", "root", "sure", "room", "way"})
_LIGHT_PREDICATE = re.compile(rf"\b(?:{'|'.join(sorted(_LIGHT_VERBS))})\s+(?:{'|'.join(sorted(_LIGHT_NOUNS))})\b", re.I)
# "Why have Cargo.lock in version control?", "Why use CBT for insomnia?": a verb with no subject
# after "why" (lower case, no auxiliary), acting on what follows it.
_WHY_DO = re.compile(rf"^\W*(?i:why)\s+(?!(?:not|so|{_AUX[3:-1]})\b)[a-z][\w'-]*\s+(?P<rest>.+)$")


# "Who should not take sertraline?", "Who can get the vaccine?": who is asked, and the verb acts on
# what follows it.
_WHO_ACTS = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?i:who)\s+(?i:should|can|could|must|may|might|will|would|shall)"
                       r"(?i:n't|not)?(?:\s+(?i:not))?\s+(?!be\b)(?P<verb>[a-z][\w'-]*)\s+(?P<rest>.+)$")


# An "of" phrase closing a question without an article or determiner: "of variances", "of memory".
_BARE_OF = re.compile(r"\s+of\s+(?!(?:the|a|an|this|that|these|those|my|your|its|their|our|his|her)\b)"
                      r"([\w'-]+(?:\s+[\w'-]+)?)(?=\s*[?.!]*$)", re.I)


def _referent(question: str, plural: bool) -> str:
    """What a pronoun of the next question most likely stands for: what the person acts on in "How
    do I <verb> ...?", the subject of a do-question ("What limitation does the review mention?"),
    the phrase a "What was the ...?" question asks about, the subject before its verb (`_SUBJECT`),
    else the noun phrase the question ends with; for "they"/"them", the last plural phrase when
    that one is singular.  "" when none is a noun phrase."""
    body = _body(question)
    if (opening := _opening_referent(body, plural)) is not None:
        return opening
    do = _DO_TAIL.search(body)
    obj = _acted_on(body, plural)
    asked, subject = _ASKED.match(body), _subject(body)
    does_do = _DOES_DO.match(body)
    do_subject = None
    if _content_words(obj):
        tail = obj
    elif does_do and _content_words(does_do.group(1)):
        tail = does_do.group(1)
    elif (do_subject := _do_subject(body, do)) is not None:
        tail = do_subject
    elif asked and _is_plural(_before_pivot(asked.group(1))) == plural:
        asked_phrase = _asked_subject(asked.group(1))
        # "What is the role of the NK1 receptor?": a role is not expressed or damaged; the thing is
        relation = _RELATION_OF.match(asked_phrase)
        return relation.group(1) if relation and _is_plural(relation.group(1)) == plural else asked_phrase
    elif _content_words(subject):
        tail = subject
    else:
        # a long question holds many phrases, and the one it ends with is seldom what a pronoun
        # points at ("Was it significant?" after "What percentage of the LIMIT women were smokers at
        # trial entry?" is no "Was trial entry significant?"): then there is none
        tail = _verb_left_out(body, _last_phrase(body, plural)) if len(_content_words(body)) <= _LAST_PHRASE_WORDS else ""
        clause = _WH_DO_CLAUSE.match(body)
        if clause and not any(p.start() >= clause.end() for p in _PIVOT.finditer(body)):
            # what follows "Why does" is a subject and its verb ("my build take up so much space"),
            # no noun phrase
            tail = ""
    if plural and not _is_plural(tail):
        # (a do-question's subject, however many words follow it: "What incentives did Keeping
        # Children Safe offer families?" asks of the incentives of Keeping Children Safe)
        tail = _plural_referent(_CLOSING_CLAUSE.sub("", body), tail, do is not None or tail == do_subject)
    # "What license is courlan under?": the preposition left at the end belongs to the question
    if (stranded := _STRANDED.sub("", tail)) != tail:
        tail = _subject_of_stranded(stranded)
    # a subject's pronoun opens a clause, no noun phrase ("What if I change my mind?": "Who funds
    # it?" after it had asked "Who funds I change my mind?"), and a light verb with a bare noun is a
    # predicate ("Do I have to take part?")
    if not _content_words(tail) or _PERSONAL_CLAUSE.match(tail) or _LIGHT_PREDICATE.fullmatch(tail.strip()):
        return ""
    # "Were there any side effects?" asks whether side effects were: "there" and "any" name nothing
    return _EXISTENTIAL.sub("", tail)


_EXISTENTIAL = re.compile(r"^\s*there\s+(?:(?:any|some|no|many|much|few)\s+)?", re.I)


def _verb_left_out(body: str, phrase: str) -> str:
    """The phrase a question ends with without the participle closing it, which is its verb ("my
    data" of "How long is my data kept?")."""
    if (passive := _CLOSING_PASSIVE.match(body)) and phrase.endswith(passive.group(1)):
        return phrase[: -len(passive.group(1))].rstrip()
    return phrase


_PERSONAL_CLAUSE = re.compile(r"^\s*(?:i|you|we|he|she|they)\s+(?!and\b|or\b)[a-z]", re.I)


# "Which Visual Studio version do I need?", "What compiler should we use?": a thing the person asks
# for, the subject the person asking.
_WH_NOUN_PERSON = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:which|what)\s+((?:[\w'.@+-]+\s+){0,3}?[\w'.@+-]+)\s+"
                             r"(?:do|does|did|should|can|could|will|would|must)\s+(?:i|you|we|one)\s+\w+", re.I)
# A wh-question's do-verb and a subject other than the person asking: "Why does my build ...".
_WH_DO_CLAUSE = re.compile(r"^(?:why|how|when|where|what)\s+(?:does|do|did)\s+(?!(?:i|you|we|one)\b)", re.I)


def _asked_subject(phrase: str) -> str:
    """The subject of what a "What is ...?" question asks about: without a preposition left at the
    end and the predicate before it ("the hippocampus" of "What is the hippocampus responsible
    for?"), or a participle's preposition stranded before a circumstance ("schizophrenia" of "What is
    schizophrenia linked to in the brain?")."""
    bare = _STRANDED.sub("", phrase)
    if bare != phrase:
        return _subject_of_stranded(bare)
    if (linked := _LINKED_TO.match(phrase)) and _content_words(linked.group(1)):
        return linked.group(1)
    return phrase


def _subject_of_stranded(phrase: str) -> str:
    """The subject of a phrase a closing preposition was cut from: without the predicate, told by
    its ending ("lithium used" of "What is lithium used for?", "the hippocampus responsible"), or
    the noun phrase it is said to be ("neuroplasticity the foundation" of "What is neuroplasticity
    the foundation of?")."""
    words = phrase.split()
    if (len(words) >= 2 and re.fullmatch(_PARTICIPLE_FORM, words[-1])) or (len(words) >= 3 and _PREDICATE.search(phrase)):
        return " ".join(words[:-1])
    said_to_be = re.match(r"^((?:(?:the|a|an)\s+)?[\w'-]+(?:\s+(?!(?:the|a|an)\s)[\w'-]+)*?)\s+(?:the|a|an)\s+\S", phrase, re.I)
    return said_to_be.group(1) if said_to_be and _content_words(said_to_be.group(1)) else phrase


def _do_subject(body: str, do: re.Match | None) -> str | None:
    """The subject of a do-question (`do`: its words after "do" up to its last word, when they are
    few): words up to the verb, all of them content words ("How does exercise affect
    neuroplasticity?": "exercise"; "How do CBT and DBT differ?": both), a name up to the verb after
    it ("How does httpcore handle proxies?"), however long the question ("In BeneMin, by how many
    points did minocycline lower PANSS scores compared with placebo?": "minocycline"), or the
    subject of a modal question (`_modal_subject`); None where the words tell none."""
    verb = _verb_after_name(body)
    if do and len(_content_words(do.group(1))) == len([w for w in _ARTICLE.sub("", do.group(1)).split()
                                                       if w.lower() not in ("and", "or")]):
        # (a name's verb that leaves no subject before it is none: "trial" of "the LIMIT trial find")
        if verb is not None and verb < do.end(1) and _content_words(body[do.start(1) : verb]):
            return body[do.start(1) : verb].strip()
        subject = _before_pivot(do.group(1)).strip()
        if (light := _LIGHT_PREDICATE.search(body)) and light.end() == len(body.rstrip("?.! ")) and \
                do.start(1) < light.start() < do.end(1):
            # "Where did the study take place?": a light verb and its bare noun are the verb
            return body[do.start(1) : light.start()].strip()
        # no listed verb, and the last word is the object; but "what" is the object of "What did
        # the LIMIT trial find?", whose last word is its verb however English makes its past
        if subject == do.group(1).strip() and not _takes_past(body[do.end(1) :]) and not _WHAT_OBJECT.match(body):
            return _before_verb(subject)
        return subject
    if verb is None:
        return _modal_subject(body)
    if aux := re.search(r"\b(?:does|do|did)\s+", body, re.I):
        subject = body[aux.end() : verb].strip()
        # "How do I listen for events on a socket?": the person asking is no referent
        return None if subject.lower() in ("i", "you", "we", "one") else subject
    return None


_VERB_PREFIXES = ("re", "un", "de", "dis", "mis", "pre", "over", "under", "out", "co")


_WHAT_OBJECT = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:what|which)\s+(?:does|do|did)\s", re.I)


def _takes_past(word: str) -> bool:
    """Whether English has a past tense of `word` ("reduce": "reduced", "apply": "applied"), or of the verb it makes
    with a prefix ("redefine": "defined"), so it may be a verb; a noun has none ("plasticity",
    "anxiety")."""
    w = word.lower()
    known = english_words()

    def past(v: str) -> bool:
        # "apply": "applied", after a consonant; not "play": "plaied"
        return v + "ed" in known or (v.endswith("e") and v + "d" in known) or (
            len(v) > 2 and v.endswith("y") and v[-2] not in "aeiou" and v[:-1] + "ied" in known)

    return w.isalpha() and (past(w) or any(w.startswith(p) and len(w) - len(p) >= 4 and past(w[len(p):]) for p in _VERB_PREFIXES))


def _before_verb(words: str) -> str:
    """The subject of "How does <words> <object>?", where the object cannot be a verb: the verb is
    among the words, the last after the first that may be one (`_takes_past`), and ends the subject
    ("therapy" of "How does therapy reduce anxiety?", "drug use" of "How does drug use change
    behaviour?"); all the words where none may be."""
    split = words.split()
    at = next((k for k in range(len(split) - 1, 0, -1) if _takes_past(split[k])), None)
    return " ".join(split[:at]) if at is not None else words


# "How can mindfulness change the brain?": a modal's subject (content words only, not the person
# asking or a pronoun), then its verb, then the object's determiner.
_MODAL_SUBJECT = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:how|why|when|where)\s+(?:can|could|will|would|should|might|may)\s+"
                            r"(?!(?:i|you|we|one|it|they|this|that)\b)((?:(?:the|a|an)\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}?)\s+"
                            r"([\w'-]+)\s+(?:the|a|an|their|its|our|your|his|her)\s", re.I)


# "How long should the exercise programme last?": a modal's subject and the verb it closes with.
_MODAL_CLOSING = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:how(?:\s+(?:long|often|soon))?|why|when|where)\s+"
                            r"(?:can|could|will|would|should|might|may|must)\s+(?!(?:i|you|we|one|it|they|this|that|he|she)\b)"
                            r"((?:(?:the|a|an)\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}?)\s+(?P<be>be\s+)?([\w'-]+)\s*[?.!]*$", re.I)


def _modal_subject(body: str) -> str | None:
    """The subject of "How can <subject> <verb> the ...?" where the verb may be one (`_takes_past`),
    or of "How long should <subject> <verb>?" and "When must <subject> be <participle>?"
    (`_MODAL_CLOSING`), the subject's words all content words; None otherwise."""
    m = _MODAL_SUBJECT.match(body) or _MODAL_CLOSING.match(body)
    verb = m.groups()[-1] if m else ""
    # or a passive's participle after "be" when the question asks when, where, how long or how
    # often ("When must the risk assessment be done?", "How long can z-drugs be used?"); "How should
    # antidepressants be stopped?" asks of the stopping
    passive = bool(m and m.groupdict().get("be") and re.fullmatch(_PARTICIPLE, verb, re.I)
                   and re.match(r"\W*(?:(?:and|but|so)\s+)?(?:when|where|how\s+(?:long|often|soon))\b", body, re.I))
    if not m or not (_takes_past(verb) or passive):
        return None
    subject = m.group(1)
    return subject if len(_content_words(subject)) == len(_ARTICLE.sub("", subject).split()) else None


def _named_subject(body: str) -> str:
    """The subject a "What kind of X is Y?" question names after its verb (`_SAID_OF_ASKED`):
    "lithium" of "What drug class is lithium?", "Pfizer" of "Which company is Pfizer?"; "" for another."""
    m = _SUBJECT.match(body)
    if m and not _CLAUSE_WORD.search(m.group(1)) and _content_words(m.group(2)) and (
            m.group(2)[:1].isupper() or not _SAID_OF_ASKED.search(m.group(2))):
        return m.group(2)
    return ""


def _subject(body: str) -> str:
    """The subject before the verb (`_SUBJECT`, `_ADVERB_SUBJECT`), or a passive's subject with the
    circumstance after its verb (`_PASSIVE_IN`: "adherence in the FOCUS trial"), or what "How <adjective>
    is the ...?" asks about, up to a relative clause (`_HOW_IS`); "" when none.  A subject holding a
    question word or a do-verb is a clause, not a noun phrase ("do the authors see as the main
    weakness in how behaviour change" of "What do the authors see as ... was measured?")."""
    if named := _named_subject(body):
        return named
    if (m := _SUBJECT.match(body)) and not _CLAUSE_WORD.search(m.group(1)):
        # "What dose of minocycline was used?": "what" stood for the article ("Was the dose ... safe?")
        return m.group(1) if m.group(1).split()[0].lower() in _DETERMINERS else f"the {m.group(1)}"
    if (m := _ADVERB_SUBJECT.match(body)) and not _CLAUSE_WORD.search(m.group(1)):
        return m.group(1)
    if m := _PASSIVE_IN.match(body):
        return f"{m.group(1)} {m.group(2)}"
    if m := _HOW_IS.match(body):
        return m.group(1)
    return m.group(1) if (m := _HOW_IS_IN.match(body)) and not _CLAUSE_WORD.search(m.group(1)) else ""


_CLOSING_CLAUSE = re.compile(r"\s*,?\s+\b(?:when|whenever|if|while|because|unless|although|though)\b.*$", re.I)


def _last_phrase(body: str, plural: bool) -> str:
    """The noun phrase a question ends with, after its last preposition or verb; for a singular
    pronoun, the singular phrase a plural one modifies, with it: "it" after "What causes burnout in
    nurses?" is "burnout in nurses", not "nurses"."""
    # a clause closing the question is no part of its phrase: "How many tests are left when the
    # symbol appears?" ends its phrase at "left", a participle, which names nothing
    body = _CLOSING_CLAUSE.sub("", body)
    pivots = list(_PIVOT.finditer(body))
    verb = _AFTER_VERB.match(body)
    tail = body[pivots[-1].end():].strip() if pivots else verb.group(1) if verb else ""
    if re.fullmatch(_PARTICIPLE, tail, re.I):
        return ""
    # So is "burnout in nurses" after "What are the symptoms of burnout in nurses?": a population
    # after "in" or "among" goes with the thing named after "of".
    within = len(pivots) > 1 and (pivots[-2].group(1).lower() in _ACTING or (
        pivots[-2].group(1).lower() == "of" and pivots[-1].group(1).lower() in ("in", "among")))
    if (not plural and within and _is_plural(tail) and " and " not in tail
            and not _is_plural(body[pivots[-2].end():])):
        tail = body[pivots[-2].end():].strip()
    return tail


def _plural_referent(body: str, singular: str, do_subject: bool) -> str:
    """What "they" stands for where the phrase `_referent` found is `singular`: the last plural
    phrase of the question, and for a do-question about a plural noun that noun of its subject
    ("What side effects does minocycline have?": the side effects of minocycline, not side effects
    at large)."""
    asked_noun = _ASKED_NOUN.match(body)
    if do_subject and singular and asked_noun and _is_plural(asked_noun.group(1)) and _content_words(asked_noun.group(1)):
        return f"the {asked_noun.group(1)} of {singular}"
    heads = [h for h in map(_plural_start, _runs(body)) if h]
    run = " ".join(m.group() for m in _subject_verb_run(body))
    if run and heads and heads[-1] == _plural_start(run) and re.match(r"\W*(?:and\s+)?does\b", body, re.I):
        # "Does the library support proxies?": after "does" the subject is singular, so the plural
        # is what follows its verb, the shortest plural ending of the run ("proxies")
        words = run.split()
        heads[-1] = next((" ".join(words[k:]) for k in range(len(words) - 1, 0, -1) if _is_plural(" ".join(words[k:]))),
                         singular)
    bare = _ARTICLE.sub("", singular)
    if do_subject and bare and heads and heads[-1].lower().startswith(bare.lower() + " ") and re.search(r"\bdoes\b", body, re.I):
        # "How does DESeq2 estimate dispersions?": the run holds the do-question's singular subject
        # and its verb, and the plural is all that follows them ("foreign keys" of "Does SQLite
        # enforce foreign keys?"), else the shortest plural ending after them ("dispersions")
        words = heads[-1][len(bare):].split()
        heads[-1] = " ".join(words[1:]) if len(words) > 1 and _is_plural(" ".join(words[1:])) else next(
            (" ".join(words[k:]) for k in range(len(words) - 1, -1, -1) if _is_plural(" ".join(words[k:]))), heads[-1])
    return heads[-1] if heads else singular


# A request that names its topic: "Explain neuroplasticity.", "Summarise the LIMIT trial."
_REQUEST_OPENING = re.compile(r"^(?:please\s+)?(?:explain|describe|summari[sz]e|list|compare|define|outline|"
                              r"tell\s+(?:me|us)\s+(?:more\s+)?about|give\s+(?:me\s+)?an\s+overview\s+of)\s+"
                              r"(?!(?:it|them|this|that|these|those|more)\b)(\S.*)$", re.I)


def _opening_referent(body: str, plural: bool) -> str | None:
    """What a pronoun stands for when the question's opening decides it: what a request names
    ("the LIMIT trial" of "Summarise the LIMIT trial."), the subject of a question opened by an
    auxiliary (`_yes_no_subject`, for a singular pronoun); after "Which questionnaire measured
    alcohol use in U@Uni?" the thing the answer names, no phrase of the question ("How reliable
    is U@Uni?"), so "" (after "Which areas does mindfulness affect?" it may be the subject).
    None when the opening decides nothing."""
    if request := _REQUEST_OPENING.match(body):
        return _STRANDED.sub("", request.group(1).strip())
    yes_no = re.match(rf"{_AUX}\s+(?!(?:there|it|they|you|i|we|he|she)\b)(\S.*)$", body, re.I)
    if yes_no and not plural:
        return _yes_no_subject(yes_no.group(1))
    which = re.match(r"which\s+([\w'-]+)", body, re.I) if not re.search(rf"\b{_AUX}\b", body, re.I) else None
    if which and _is_plural(which.group(1)) == plural:
        return ""
    # "What withdrawal symptoms can occur when stopping antidepressants?": "they" are the things
    # asked about, the modal's subject ("Are they usually severe?"; its last phrase had been taken)
    modal = re.match(r"(?:which|what)\s+((?:[\w'-]+\s+){0,2}[\w'-]+)\s+(?:can|could|may|might|will|would|should)\s+", body, re.I)
    if modal and plural and _is_plural(modal.group(1)) and _content_words(modal.group(1)):
        return modal.group(1)
    # "Which Visual Studio version do I need?": "it" is what the person asks for ("Is I need free?"
    # had been asked), with an article unless a name ends it ("Which Node.js do I need?")
    asked = _WH_NOUN_PERSON.match(body)
    if asked and _is_plural(asked.group(1)) == plural and _content_words(asked.group(1)):
        return asked.group(1) if re.search(r"(?:^|\s)(?:[A-Z]|\S*[^\w\s])\S*$", asked.group(1)) else f"the {asked.group(1)}"
    # "What questionnaire was used to measure anxiety?", "Which desktop environment is installed by
    # default?": a passive asking which thing, of content words alone (not "What dose of
    # minocycline was used ...?", whose "it" is the drug); "it" is the one the answer names
    # (searched with the question), not the infinitive's object ("Is measure anxiety validated?")
    passive = re.match(r"(?:which|what)\s+((?:[\w'-]+\s+){0,2}[\w'-]+)\s+(?:is|was)\s+[\w'-]+(?:ed|en)\b", body, re.I)
    thing = passive.group(1) if passive else ""
    if thing and not plural and not _is_plural(thing) and len(_content_words(thing)) == len(thing.split()):
        return ""
    return None


def _yes_no_subject(rest: str) -> str:
    """The subject of a question opened by an auxiliary, from the words after it, where they tell
    it without word classes: "Is neuroplasticity important?", "Does exercise help?" (a word and its
    predicate), "Is the insula involved?", "Does CBT help with anxiety?" (a name before the verb);
    else "": "Can neuroplasticity help after a stroke?" gives no way to tell where the subject
    ends ("neuroplasticity help after a stroke" is no referent)."""
    words = rest.split()
    if len(words) == 2:
        return words[0]
    if len(words) == 3 and _ARTICLE.match(words[0] + " "):
        return " ".join(words[:2])
    names = 0
    # after the first, only a word in capitals goes on a name: a word the model lacks in lower case
    # may be the verb ("reshape" of "Does mindfulness reshape neural pathways?")
    while names < len(words) and ((_is_name(words[names]) if not names else _NAME.fullmatch(words[names]))
                                  or words[names][:1].isupper()):
        names += 1
    return " ".join(words[:names]) if 0 < names < len(words) else ""


# A noun naming what something is or does for something else: what a next question says of "it"
# is said of that thing ("Where is it expressed?" after "What is the role of the NK1 receptor?"),
# without what it does that for ("the role of the hippocampus in memory": the hippocampus).
_RELATION_OF = re.compile(r"^(?:the|a|an)\s+(?:main\s+|exact\s+|precise\s+)?(?:role|function|purpose|importance|"
                          r"significance|meaning|definition|relevance|involvement|mechanism\s+of\s+action|mechanism|"
                          r"mode\s+of\s+action)\s+of\s+(\S.*?)(?:\s+(?:in|for|during|within)\s+\S.*)?$", re.I)
# The noun phrase after the preposition a verb takes: "for a new thread to finish".
_GOVERNED = re.compile(r"^(?:for|to|on|with|from|at|into|about|of)\s+((?:(?:the|a|an)\s+)?[\w'-].*)$", re.I)
_PREDICATE = re.compile(r"\s[a-z]+(?:ed|en|wn|ble|ant|ent|ive|ful|ous)$")
_PARTICLE = re.compile(r"^(?:up|down|out|off|over|back|away)\s+(?=\S)", re.I)
# "What does the borrow checker do in Rust?": the subject of "do" itself, without the verb that
# takes "to do" ("What does neuropsychotherapy aim to do?", "What did the trial set out to do?")
_DOES_DO = re.compile(r"^(?:what|how|why|when|where)\s+(?:does|do|did)\s+(.+?)"
                      r"(?:\s+[\w'-]+(?:\s+(?:out|up))?\s+to)?\s+do\b", re.I)
_CLOSING_PREPOSITION = r"(?:under|for|with|to|from|on|in|of|about|at|by|into|over|after)"
# A regular past participle's form ("used", "taken", "known").
_PARTICIPLE_FORM = r"[a-z]+(?:ed|en|wn)"
_STRANDED = re.compile(rf"\s+{_CLOSING_PREPOSITION}$", re.I)
# A subject, a passive's participle and its stranded preposition before a circumstance: "schizophrenia
# linked to in the brain".
_LINKED_TO = re.compile(rf"^(.+?)\s+{_PARTICIPLE_FORM}\s+(?:to|with|by|for|from)\s+(?:in|on|at|during|after|among)\s+\S.*$")


# A passive's participle before the preposition a question ends with is its verb ("What is lithium
# used for?": "What is valproate for?" had replaced "lithium used").
_STRANDED_PARTICIPLE = re.compile(rf"\b({_PARTICIPLE_FORM})\s+{_CLOSING_PREPOSITION}\W*$")


def _runs(text: str) -> list[str]:
    """Maximal runs of consecutive content words (a passive's participle before a closing
    preposition, or closing a how-question asked with "be", ends one, and so does the verb after
    "who" or "How do I")."""
    participle = _STRANDED_PARTICIPLE.search(text) or _CLOSING_PASSIVE.match(text)
    verbs = {participle.start(1) if participle else _who_verb(text), _how_to_verb(text)}
    out, run = [], []
    for m in [*_WORD.finditer(text), None]:
        w = m.group() if m else "."
        if w.lower() in _STOP or w == "." or (m is not None and m.start() in verbs):
            if run:
                out.append(" ".join(run))
            run = []
        else:
            run.append(w)
    return out


# English plurals without an -s.
_IRREGULAR_PLURALS = {"men", "women", "children", "people", "mice", "feet", "teeth", "geese", "data", "criteria",
                      "phenomena", "bacteria", "fungi", "nuclei", "stimuli", "cacti"}
# Nouns that end in "s" and take "is": diseases, fields of study and a few others ("How is it
# diagnosed?" after "... risk factors for diabetes?").
_SINGULAR_IN_S = {"diabetes", "herpes", "rabies", "measles", "mumps", "scabies", "rickets", "shingles", "news",
                  "series", "species", "lens", "physics", "mathematics", "economics", "genetics", "ethics",
                  "linguistics", "bias", "gas", "pancreas", "atlas", "canvas", "alias", "chaos", "ethos"}


_OPTION_VALUE = re.compile(r"=[^\s'’?!,;]*")


def _is_plural(phrase: str) -> bool:
    """Whether the noun phrase's head, its last word before a preposition, is plural ("the models
    in the review"; not a name, "ActiveKids"), or it joins two with "and" (not two names that
    qualify one head, "the Kaplan and Meier estimator")."""
    phrase = _HEAVY.split(f" {phrase} ")[0]
    written = phrase.split()[-1] if phrase.split() else ""
    if _NAME.fullmatch(written) and not re.fullmatch(r"[A-Z0-9]+s", written):
        return False  # a name ("ActiveKids"), unless an acronym's plural ("SSRIs")
    if written.startswith("-") or re.search(r"\w[_=(]", written):
        return False  # a program's option or name ("--show-leak-kinds", "max_items")
    last = written.lower()
    # a possessive ("Alzheimer's") is no plural
    coordinated = " and " in phrase and _NAMES_JOINED.search(phrase) is None
    return coordinated or last in _IRREGULAR_PLURALS or (
        last.endswith("s") and not last.endswith(("ss", "is", "us", "'s", "’s")) and last not in _SINGULAR_IN_S)


# Two names joined before the noun they qualify: "the Peng and Huang estimator" is one estimator.
_NAMES_JOINED = re.compile(r"\b[A-Z][\w'-]*\s+and\s+[A-Z][\w'-]*\s+[a-z]")
# A noun phrase with a complement: "the primary outcome of the LIMIT trial".
_POSSESSOR = re.compile(r"^((?:(?:the|a|an)\s+)?[\w-]+(?:\s+[\w-]+){0,3}?)['’]s?\s+\w", re.I)  # "valproate's common side effects"
# A noun phrase's head and the prepositional phrase after it: "the starting dose for panic disorder".
_QUALIFIED = re.compile(r"^(?:(?:the|a|an)\s+)?(?:[\w'-]+\s+)*?([\w'-]+)\s+(of|for|in|with|on|at|during|after|before)\s+(\S.*)$", re.I)
_OF_PHRASE = re.compile(r"^(?:(?:the|a|an)\s+)?(?:[\w'-]+\s+)*?([\w'-]+)\s+of\s+(\S.*)$", re.I)
# A preposition inside a noun phrase makes it too heavy for "'s": "a magic rule's maximum" would
# read as the rule's.
_HEAVY = re.compile(r"\s(of|in|for|on|with|from|to|at|by|about|among|during|under|over|after|before|between|within|"
                    r"without)\s", re.I)


def _substitute(q: str, topic: str) -> tuple[str, int]:
    """`q` with its first pronoun replaced by `topic`, and how many were (0 or 1). A possessive
    before a noun that names the same kind of thing as the topic's head stands for the topic's
    complement ("its secondary outcomes" after "the primary outcome of the LIMIT trial": the
    trial's); a possessive before the question's last noun after a topic that holds a preposition
    becomes "the <noun> of <topic>" ("its maximum" of "the default priority of a magic rule")."""
    m = _PRONOUNS.search(q)
    if not m:
        return q, 0
    if m.group().lower() in ("its", "their"):
        rest = re.match(r"\s+((?:[\w-]+\s+){0,2}[\w-]+)\s*([?.!]*)\s*$", q[m.end():])
        of = _OF_PHRASE.match(topic)
        noun = _WORD.findall(q[m.end():])[:3]
        if of and any(w[:5].lower() == of.group(1)[:5].lower() for w in noun if len(w) >= 4):
            return q[:m.start()] + _possessive(of.group(2)) + q[m.end():], 1
        if rest and _HEAVY.search(f" {topic} ") and not any(w.lower() in _STOP for w in rest.group(1).split()):
            return q[:m.start()] + f"the {rest.group(1)} of {topic}{rest.group(2)}", 1
    if m.group().lower() in _OWN:
        return q[:m.start()] + f"{_OWN[m.group().lower()]} {_ARTICLE.sub('', topic)}" + q[m.end():], 1
    possessive = m.group().lower() in ("its", "their", "his", "her")
    return q[:m.start()] + (_possessive(topic) if possessive else topic) + q[m.end():], 1


def _possessive(phrase: str) -> str:
    """"the trial's", "CBT models'" (a plural in -s takes the apostrophe alone), "women's"."""
    return f"{phrase}'" if _is_plural(phrase) and phrase.endswith("s") else f"{phrase}'s"


_PREPOSITION_WORD = r"(?:with|to|for|about|in|on|at|by|of|from|into)"  # a verb before one does not govern the topic


_OWNER = re.compile(r"\w(?:['’]s|s['’])$")


def _put(text: str, s: int, e: int, topic: str) -> str:
    """`text` with [s, e) replaced by `topic`; the topic's article goes where the text has one
    ("What is the primary outcome" + "the secondary outcomes": one "the") or a question word
    that takes a noun ("Which drug" + "the new drug": "Which new drug"), marks that end both
    are written once ("deflate()" + "inflate()"), and "is" agrees."""
    # "only the Python files" in the place of "the files": the word that narrows it goes before the
    # article ("list the only the Python files" had been searched)
    if re.match(r"(?:only|just|even|mainly|mostly|especially)\s+(?:the|a|an|my|your|our|their)\s", topic, re.I) and (
            held := re.search(r"\b(?:the|a|an|my|your|our|their)\s+$", text[:s], re.I)):
        s = held.start()
    # a degree word before the phrase is its own ("more severe depression"): "less severe depression"
    # takes its place too ("the first-line treatment for more less severe depression" had been searched)
    if degree := re.search(r"\b(?:more|less|most|least)\s+$", text[:s], re.I):
        s = degree.start()
    own = _ARTICLE.match(topic)
    own_article = own is not None
    e = _qualifier_end(text, s, e)
    if _OWNER.search(text[s:e]) and not _OWNER.search(topic):
        # the new topic owns what the old one did: "What are methylphenidate's side effects?" +
        # "atomoxetine" is "atomoxetine's side effects", not "atomoxetine side effects"
        topic = _possessive(topic)
    if re.search(r"\b(the|a|an|which|whose)\s+$|^\W*what\s+$|\w(?:['’]s|s['’])\s+$", text[:s], re.I):
        topic = _ARTICLE.sub("", topic)
    ending = re.search(r"[^\w\s]+$", topic)
    if ending and text.startswith(ending.group(), e):
        e += len(ending.group())
    before, after = text[:s], text[e:]
    if not own_article and re.match(r"(?:while|whilst|when|if|unless)\s", topic, re.I):
        # a clause takes the place of a prepositional phrase whole ("Is ibuprofen safe during while
        # breastfeeding?")
        before = re.sub(r"\b(?:during|in|on|at|for|with|without|after|before|under|among|by)\s+$", "", before, flags=re.I)
    written_indefinite = own is not None and own.group(1).lower() in ("a", "an")
    if (indefinite := re.search(r"\b(an?)\s+$", before, re.I)) and (
            topic[:1].islower() or _is_plural(topic) or written_indefinite):
        # "an animation" -> "interactive figures", "intermittent fasting" (no article before a
        # plural, nor before a noun the follow-up wrote without one: "a Excel files"), "a figure
        # set", "an Excel file" (the follow-up's own); a name written without one keeps the
        # article it is read with ("an Rc")
        article = ("" if _is_plural(topic) or not own_article else f"{own.group(1).lower()} " if written_indefinite
                   else f"{_indefinite_article(topic)} ")
        if indefinite.group(1)[:1].isupper():
            article = article.capitalize()
        before = before[: indefinite.start()] + article
    if _is_plural(topic) != _is_plural(text[s:e]):
        # The auxiliary before the topic agrees with it: "What is the primary outcome" -> "What are
        # the secondary outcomes", "What do the treemagic files start with" -> "What does the magic file".
        verbs = _PLURAL_VERB if _is_plural(topic) else {v: k for k, v in _PLURAL_VERB.items()}
        before = re.sub(rf"\b({'|'.join(verbs)})(\s+(?:(?:the|a|an)\s+)?(?:(?!{_PREPOSITION_WORD}\s)[\w'’-]+\s+)?)$",
                        lambda m: _agree(m.group(1), verbs) + m.group(2), before, flags=re.I)
        if re.search(r"^\W*(?:what|which)\s+$", before, re.I):
            # the noun a question word asks about is the subject of a passive's auxiliary right
            # after it ("What secondary outcomes were chosen?"; not "What reward were the school
            # promised?", whose subject follows the auxiliary)
            after = re.sub(rf"^(\s+)({'|'.join(verbs)})(?=\s+{_PARTICIPLE}\b)",
                           lambda m: m.group(1) + _agree(m.group(2), verbs), after, flags=re.I)
    return before + topic + after


# An age or size bound written after a noun ("adults over 70", "children under 5", "patients older
# than 65 years") says which of those things are meant, so it goes with the noun it bounds.
_BOUND = re.compile(r"\s+(?:(?:over|under|above|below|aged)|(?:older|younger|more|less|fewer|greater)\s+than)"
                    r"\s+(?:the\s+age\s+of\s+)?\d[\d.,]*%?(?:\s*(?:-|to|and)\s*\d[\d.,]*%?)?"
                    r"(?:\s+(?:years?|months?|weeks?|days?|kg|cm|mg)(?:\s+(?:old|of\s+age))?)?"
                    r"(?:\s+(?:and|or)\s+(?:over|older|above|under|younger|below))?(?![\w-])", re.I)


def _qualifier_end(text: str, s: int, e: int) -> int:
    """The end of [s, e) with the bound its noun carries ("adults over 70": "And for children?"
    asks about children, not "children over 70"); a comparative ending the span is the bound's
    ("older" of "patients older than 65")."""
    comparative = re.search(r"\s+(?:older|younger|more|less|fewer|greater)$", text[s:e], re.I)
    start = s + comparative.start() if comparative else e
    bound = _BOUND.match(text, start)
    return bound.end() if bound and bound.end() > e else e


# A past participle: regular, or one of the common irregular ones.
_PARTICIPLE = (rf"(?:{_PARTICIPLE_FORM}|made|found|held|built|kept|taught|brought|sent|spent|done|set|put|cut|read|run|"
               r"led|fed|met|paid|said|told|sold|won|lost|left|felt|meant|heard|seen|known|shown|grown|drawn)")
# So is the participle that closes a how-, why-, when- or where-question asked with "be" ("How is
# the concordance statistic computed?": "And for competing risks?" had replaced "concordance
# statistic computed", asking "How are the competing risks?"), "how long" and "how often" too
# ("How long is my data kept?": "What are the risks?" had been asked "of my data kept").
_CLOSING_PASSIVE = re.compile(r"^\W*(?:(?:and|but|so)\s+)?(?:how(?:\s+(?:long|often|frequently|soon|quickly|far|well|much))?|why|when|"
                              rf"where)\s+(?:is|are|was|were)\s+\S.*?\s({_PARTICIPLE})\W*$", re.I)


def _agree(verb: str, verbs: dict[str, str]) -> str:
    word = verbs[verb.lower()]
    return word.capitalize() if verb[:1].isupper() else word


# "And", "But", "So" before a whole question tie it to the one before; resolved, it stands alone.
_LEAD_WORD = re.compile(rf"^(?:and|but|so|also|then|now|ok(?:ay)?),?\s+(?=(?:{_WH}|{_AUX})\b)", re.I)


def _unled(query: str) -> str:
    """The resolved question without the conjunction that tied it to the one before: "And how do I
    resume it?" searched as "How do I resume the parser?"."""
    m = _LEAD_WORD.match(query)
    return query[m.end():m.end() + 1].upper() + query[m.end() + 1:] if m else query


# "How much of exercise": "of" before a bare noun in lower case (a pronoun's place taken) goes;
# before a determiner or a name ("How much of Europe") it stays.
_OF_BARE = re.compile(r"\b(how\s+(?:much|many))\s+of\s+(?!(?:the|a|an|this|that|these|those|his|her|its|their|my|your|"
                      r"our|them|it|us|you|each|all|any|some|both)\b)(?=[a-z])", re.I)


def _tidy(query: str) -> str:
    """No word twice in a row, single spaces, no "of" a bare noun does without (`_OF_BARE`), no
    article after a possessive (`_OWNED_ARTICLE`)."""
    query = _COUNTED_ARTICLE.sub(r"\1 ", _OWNED_ARTICLE.sub(r"\1 ", _DOUBLED.sub(r"\1", query)))
    return _OF_BARE.sub(r"\1 ", re.sub(r"\s+", " ", query).strip())


# What "How many" counts takes no article ("How many the pupils took part?").
_COUNTED_ARTICLE = re.compile(r"\b(how\s+(?:many|much))\s+(?:the|a|an)\s+(?=\w)", re.I)
# A new topic's article after the possessive it took the place of: "How do I back up my the
# photos?" for "And the photos?" after "How do I back up my files?" ("her" may be an object:
# "Did they give her the results?").
_OWNED_ARTICLE = re.compile(r"\b(my|your|our|their|his|its)\s+(?:the|a|an)\s+(?=\w)", re.I)
