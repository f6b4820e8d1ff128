"""A question asked in a conversation: rewritten from the earlier questions, and looked for in the
documents the conversation is about as well as in the whole collection.

Public API: `Answer`, `ask`, `not_answered_text`, `resolve`.

A follow-up ("How is it treated?", "What keywords does it list?") is about what the previous answer
showed.  Rewriting it into a standalone query ("How is schizophrenia treated?") names the topic but
not the document: in a large collection the rewritten query finds other documents that name the
same topic.  So a follow-up is also searched among the documents of the previous question's hits
(the previous question searched again, as it was searched then), and those hits take the first half of the
places, the whole collection's best the rest: the conversation's documents come first, and a
follow-up that changes the subject still finds what answers it elsewhere.  A request for more
("Tell me more", "Give me an example") shows the best passages the previous answer did not.  A
question that stands alone is searched in the whole collection only, unless it goes on with the
previous one's subject (`continues_topic`: it names nothing where that one named a study, and
shares a word with it), which is searched as a follow-up is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from assistant.search.answer import asks_front_matter, names_no_document
from assistant.search.conversation import (
    ResolvedQuery,
    asks_of_the_document,
    continues_topic,
    documents_asked,
    resolve_followup,
)
from assistant.search.hits import Hit
from assistant.search.ordinals import ListedItem, OrdinalReference, in_sentence, listed_item, ordinal_reference
from assistant.search.questions import QuestionError, clean_question, own_words, unquoted
from assistant.search.searcher import Mode, Searcher
from assistant.text import FUNCTION_WORDS, bm25_tokenize

__all__ = ["ANSWER_DEPTH", "Answer", "ask", "not_answered_text"]

# How many of the best passages the answer is looked for in, however few are shown: the answer
# model's bar was set, and abstention measured, on the best hit of five.
ANSWER_DEPTH = 5


class Answer(NamedTuple):
    """What was searched, the hits best first, whether one of them answers, the documents of the
    previous answer a follow-up was also looked for in (empty for a standalone question), and the
    names the question uses that no searched document mentions but in a list of abbreviations
    (`Searcher.unknown_names`: then nothing answers, and the person is told which), and whether it
    asks what a study found and the passages that match it report no finding of their own
    (`Searcher.hits_answer`: then nothing answers, and the person is told so)."""

    resolved: ResolvedQuery
    hits: list[Hit]
    answered: bool
    context: tuple[str, ...] = ()
    not_mentioned: tuple[str, ...] = ()
    not_reported: bool = False


def resolve(searcher: Searcher, question: str, history: Sequence[str] = ()) -> ResolvedQuery:
    """`question` rewritten after the earlier questions `history` (`resolve_followup`), its phrases
    compared by the long forms the collection gives the abbreviations they use."""
    long_forms = searcher.long_forms([question, *history]) if history else {}
    return resolve_followup(question, list(history), searcher.encoder, long_forms)


def ask(searcher: Searcher, question: str, history: Sequence[str] = (), k: int = 5,
        doc_ids: list[str] | None = None, mode: Mode = "hybrid") -> Answer:
    """Search `question` after the earlier questions `history` (oldest first), its likely misspelt
    words as the collection writes them (`Searcher.spelled`); `doc_ids` limits every search to
    those documents."""
    # Misspelt words are read as the collection writes them before a follow-up is rewritten, so
    # that "And for anxeity?" takes its topic's place; the question stays as typed, and what was
    # searched for shows the spelling.
    *earlier, asked = _items_named(searcher, [searcher.spelled(q) for q in (*history, question)], doc_ids, mode)
    resolved = resolve(searcher, asked, earlier)
    resolved = resolved._replace(original=question)
    goes_on = resolved.kind != "standalone" or continues_topic(question, resolved.previous)
    previous = _previous_hits(searcher, resolved.previous and documents_asked(resolved.previous), k, doc_ids, mode) \
        if goes_on else []
    context = tuple(dict.fromkeys(h.doc_id for h in previous))
    if resolved.kind == "new-topic" and resolved.topic and context and (
            not searcher.mentions(resolved.topic, context) or _names_another(searcher, resolved.query, context)):
        # "And in zoo?" after a question on lme4: the previous answer's documents never mention the
        # new topic, so their passages would answer the old one; "And add_executable?" after "What
        # does add_library do?" asks of the page that topic titles, though add_library's names it
        context = ()
    elif resolved.kind == "reference" and context and _names_another(searcher, question, context):
        # "What does the review say about its evidence base?" after questions the other articles
        # answered: of the document it names, which the rewritten question finds first
        context = ()
    hits = _hits(searcher, resolved, previous, context, k, doc_ids, mode)
    # Whether the documents answer does not depend on how many passages are shown: "nothing in
    # these documents answers" is said only when none of the ANSWER_DEPTH best does.
    pool = hits if k >= ANSWER_DEPTH or len(hits) < k else _hits(searcher, resolved, previous, context, ANSWER_DEPTH,
                                                                 doc_ids, mode)
    spelled_in = tuple(h.doc_id for h in pool)  # where an abbreviation the question uses may be written out
    unmentioned = tuple(dict.fromkeys([*(_name_phrase(resolved.query, n)
                                         for n in searcher.unknown_names(resolved.query, doc_ids, spelled_in)),
                                       *searcher.unknown_releases(resolved.query, pool)])) if hits else ()
    if hits and not unmentioned and resolved.kind in ("new-topic", "reference") and resolved.topic and \
            not searcher.mentions(resolved.topic, doc_ids or list(searcher.index.doc_ids)):
        # "What about breastfeeding?" after "Is sertraline safe in pregnancy?": what the follow-up
        # asks of is in no document searched, and the passages found answer the old topic; so too
        # what its pronoun or its omitted owner stands for ("What is the half-life?" after "Can I
        # drink alcohol?" of a label that never names alcohol had answered with sertraline's)
        unmentioned = (_ARTICLE.sub("", resolved.topic),)
    answered, unreported = (False, False) if unmentioned else searcher.hits_answer(pool, resolved.query)
    return Answer(resolved, hits, answered, context, unmentioned, unreported)


def _items_named(searcher: Searcher, questions: list[str], doc_ids: list[str] | None, mode: Mode) -> list[str]:
    """The questions of a conversation (oldest first), each that points at an item of a list by its
    place ("Tell me more about the second one", `ordinal_reference`) with the item's name in its
    place: the item of the list that the first hit of the answer before it highlights or introduces
    (`listed_item`); "the next one" is counted from the item the question before named.  A
    reference alone ("And the last one?") asks what the previous question asked of another item
    where that question named one, else about the item."""
    out: list[str] = []
    named: ListedItem | None = None  # the item the previous question was made to name
    for q in questions:
        ref = ordinal_reference(q) if out else None
        if ref is not None and ref.step:
            ref = ref.after(named) if named is not None else None
        item = _listed_item(searcher, out, ref, doc_ids, mode) if ref is not None else None
        if ref is not None and item is not None:
            if not _ALONE_BEFORE.fullmatch(q[: ref.start]) or q[ref.end:].strip(" ?.!"):
                q = ref.named(q, item.name)
            elif named is not None:
                q = out[-1].replace(named.name, item.name)
            else:
                q = f"Tell me about {in_sentence(item.name)}."
        out.append(q)
        named = item
    return out


# What a reference to an item may follow and be the whole question ("And the last one?", "What about point 5?").
_ALONE_BEFORE = re.compile(r"\W*(?:(?:and|but|so|also|then|ok|okay)\W+)?(?:(?:what|how)\s+about\s+)?", re.I)


def _listed_item(searcher: Searcher, questions: list[str], ref: OrdinalReference, doc_ids: list[str] | None,
                 mode: Mode) -> ListedItem | None:
    """The name of the item `ref` points at in the list of the first passage the answer to the last
    of `questions` showed (`listed_item`): the answer read first, not a list further down."""
    previous = resolve(searcher, questions[-1], questions[:-1]).query
    hits = _previous_hits(searcher, documents_asked(previous), 1, doc_ids, mode)
    row = searcher.index.doc_row(hits[0].doc_id) if hits else None
    return None if row is None else listed_item(searcher.index.document(row).text, hits[0].highlight.start, ref, previous)


def _names_another(searcher: Searcher, query: str, context: tuple[str, ...]) -> bool:
    """Whether the query names one document (`Searcher.named_document`) other than the one the
    previous answer came from first (`context`'s first)."""
    named = searcher.named_document(query)
    return named is not None and searcher.index.document(named).doc_id != context[0]


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def _name_phrase(question: str, name: str) -> str:
    """The run of capitalised words of the question that holds `name`, as a person reads the name
    ("World Cup" of "Who won the 2018 World Cup?", where the documents say "world" elsewhere but
    never "Cup"); its first word is the sentence's, not the name's."""
    for m in re.finditer(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", question):
        if m.start() > 0 and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", m.group()):
            return m.group()
    return name


def _hits(searcher: Searcher, resolved: ResolvedQuery, previous: list[Hit], context: tuple[str, ...], k: int,
          doc_ids: list[str] | None, mode: Mode) -> list[Hit]:
    """The `k` hits shown for the question as `ask` searches it."""
    if resolved.kind == "more":
        shown = {(h.doc_id, h.start) for h in previous}
        pool = searcher.search(resolved.query, k=k + len(shown), doc_ids=doc_ids, mode=mode)
        return [replace(h, rank=i + 1) for i, h in enumerate([h for h in pool if (h.doc_id, h.start) not in shown][:k])]
    if not context:
        return searcher.search(resolved.query, k=k, doc_ids=doc_ids, mode=mode)
    q = searcher.encoder.encode_query(unquoted(clean_question(resolved.query)))  # for both searches
    everywhere = searcher.search(resolved.query, k=k, doc_ids=doc_ids, mode=mode, query_vector=q)
    # "And who are the authors?", "When was it published?", "What does it say about trauma?" ask of
    # the one document the previous answer came from first, as typed: the previous question searched
    # with it names the topic, not the document, and is no part of a writer's or a date's line
    front = (asks_front_matter(resolved.original) and names_no_document(resolved.original)) or \
        asks_of_the_document(resolved.original)
    # Inside those documents the question searched with the one before it ("What was the primary
    # outcome? (How many participants completed follow-up?)") asks with its own words, where it
    # has some: the documents carry the context, whose words had put the follow-up's passage first.
    own = own_words(resolved.query)
    asks_itself = own != resolved.query and bool(set(bm25_tokenize([own])[0]) - FUNCTION_WORDS)
    inside_query = resolved.original if front else own if asks_itself else resolved.query
    inside = searcher.search(inside_query, k=(k + 1) // 2, doc_ids=list(context[:1] if front else context), mode=mode,
                             query_vector=searcher.encoder.encode_query(unquoted(clean_question(own))) if asks_itself else q)
    shown = {(h.doc_id, h.start) for h in inside}
    merged = (inside + [h for h in everywhere if (h.doc_id, h.start) not in shown])[:k]
    return [replace(h, rank=i + 1) for i, h in enumerate(merged)]


def not_answered_text(not_mentioned: Sequence[str] = (), not_reported: bool = False) -> str:
    """What a person is told when nothing answers, and why when the question names what no
    searched document mentions (`Answer.not_mentioned`) or asks a finding that the passages
    matching it do not report (`Answer.not_reported`)."""
    if not not_mentioned and not_reported:
        return ("Nothing in these documents answers this question: it asks what a study found, and the passages "
                "that match it describe a study's methods or background, or a protocol's plan, not its results.")
    if not not_mentioned:
        return "Nothing in these documents answers this question."
    return f"Nothing in these documents answers this question: none of them says anything about {names_listed(not_mentioned)}."


def names_listed(names: Sequence[str]) -> str:
    """Names quoted and listed as a sentence lists them: '"A"', '"A" or "B"', '"A", "B" or "C"'."""
    quoted = [f'"{n}"' for n in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def _previous_hits(searcher: Searcher, previous: str | None, k: int, doc_ids: list[str] | None,
                   mode: Mode) -> list[Hit]:
    """The hits the previous question (as it was searched) got."""
    if not previous:
        return []
    try:
        return searcher.search(previous, k=k, doc_ids=doc_ids, mode=mode)
    except QuestionError:  # an empty or overlong earlier question points nowhere
        return []
