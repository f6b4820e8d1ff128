"""A follow-up that points at an item of the list the previous answer showed by its place
(`assistant.search.ordinals`), read on small hand-written texts."""

from __future__ import annotations

import pytest

from assistant.search.ordinals import ListedItem, in_sentence, listed_item, ordinal_reference

# A lead sentence, then a numbered list whose items have labels before a colon.
TYPES = ("Understanding neuroplasticity\n\nThere are two main types of neuroplasticity:\n\n"
         "1. Structural Neuroplasticity: This type involves physical changes in the brain.\n\n"
         "2. Functional Neuroplasticity: Functions move from damaged areas to undamaged areas.\n\n"
         "Neuroplasticity is present throughout life.")
# A bulleted list whose items have labels before a dash, and one item without a label whose first
# sentence is long.
ASPECTS = ("The therapist considers four aspects:\n"
           "• The client's brain – This involves brain structure and memory\n"
           "• therapeutic relationship with the client – Promoting a positive relationship\n"
           "• Sleep matters a great deal to every client and to everyone who works with them, because tired people, "
           "whatever their age or their illness, remember less of what was said in a session. It is asked about first.\n"
           "• The client's emotional state – Mostly resiliency\n")


@pytest.mark.parametrize(("question", "position", "noun"), [
    ("Tell me more about the second one.", 2, ""),
    ("And the last one?", -1, ""),
    ("What about the first?", 1, ""),
    ("Give an example of the third type", 3, "type"),
    ("Explain point 4.", 4, ""),
    ("What does the 2nd aspect involve?", 2, "aspect"),
])
def test_a_reference_to_an_item_by_its_place_is_read_with_the_kind_it_names(question, position, noun):
    ref = ordinal_reference(question)
    assert ref is not None and (ref.position, ref.noun) == (position, noun)


@pytest.mark.parametrize("question", [
    "When was it described for the first time?",  # a time, not an item
    "What happened in the second half of the trial?",
    "How many pills are taken after the first fortnight?",
    "Is more than one session needed?",
    "What was the dose at point 5 mg?",  # a number with a unit
    "Explain point 0.",  # no place in a list
])
def test_a_place_in_time_or_a_number_is_no_reference_to_an_item(question):
    assert ordinal_reference(question) is None


def test_the_item_is_read_from_the_list_the_highlighted_sentence_introduces_by_its_label():
    at = TYPES.index("There are two")
    assert listed_item(TYPES, at, ordinal_reference("Give an example of the second one.")) == \
        ListedItem("Functional Neuroplasticity", 2)
    assert listed_item(TYPES, at, ordinal_reference("What is the first type?")) == ListedItem("Structural Neuroplasticity", 1)
    assert listed_item(TYPES, at, ordinal_reference("And the last one?")) == ListedItem("Functional Neuroplasticity", 2)


def test_an_item_highlighted_itself_names_the_list_it_stands_in():
    at = ASPECTS.index("• The client's emotional state")
    assert listed_item(ASPECTS, at, ordinal_reference("And the first one?")).name == "The client's brain"
    assert listed_item(ASPECTS, at, ordinal_reference("Explain the second aspect.")).name == \
        "therapeutic relationship with the client"


def test_an_item_without_a_label_is_named_by_the_first_clause_of_a_long_first_sentence():
    item = listed_item(ASPECTS, 0, ordinal_reference("Tell me more about the third one.")).name
    assert item == ("Sleep matters a great deal to every client and to everyone who works with them, because tired people, "
                    "whatever their age or their illness")


def test_no_item_where_the_list_is_shorter_the_kind_differs_or_the_sentence_introduces_no_list():
    at = TYPES.index("There are two")
    assert listed_item(TYPES, at, ordinal_reference("Tell me about the third one.")) is None
    # "the second phase" is a phase of its own: the list is of types
    assert listed_item(TYPES, at, ordinal_reference("What happened in the second phase?")) is None
    # the kind the previous question asked for counts as the lead's
    assert listed_item(TYPES, at, ordinal_reference("And the second form?"), asked="What forms does it take?").name == \
        "Functional Neuroplasticity"
    assert listed_item(TYPES, TYPES.index("Neuroplasticity is present"), ordinal_reference("And the second one?")) is None


def test_an_items_article_is_written_in_lower_case_inside_a_question():
    ref = ordinal_reference("Tell me more about the last one.")
    assert ref.named("Tell me more about the last one.", "The client's emotional state") == \
        "Tell me more about the client's emotional state."
    assert in_sentence("Structural Neuroplasticity") == "Structural Neuroplasticity"


def test_the_next_or_previous_one_is_counted_from_the_item_named_before():
    ref = ordinal_reference("And the next one?")
    assert (ref.position, ref.step) == (0, 1)
    at = ASPECTS.index("The therapist")
    # read by itself it names no place in the list
    assert listed_item(ASPECTS, at, ref) is None
    assert listed_item(ASPECTS, at, ref.after(ListedItem("therapeutic relationship with the client", 2))).position == 3
    assert ordinal_reference("What about the previous one?").after(ListedItem("The client's brain", 1)) is None


# A list written inside a sentence, its items marked "(1)", "(2)", "(3)", one with an aside in brackets.
INLINE = ("Three classes of projection neuron were identified: (1) NK1r-immunoreactive cells (NK1r+), (2) giant "
          "cells (identified by their dense VGLUT2 boutons [35]), and (3) projection neurons that lacked the NK1r. "
          "The next sentence says (1) nothing more.")


def test_an_item_of_a_list_written_inside_the_highlighted_sentence_is_named_by_its_words_before_an_aside():
    assert listed_item(INLINE, 0, ordinal_reference("Tell me more about the second one.")) == ListedItem("giant cells", 2)
    assert listed_item(INLINE, 0, ordinal_reference("What about the first class?")).name == "NK1r-immunoreactive cells"
    # the last item ends with its sentence
    assert listed_item(INLINE, 0, ordinal_reference("And the last one?")) == \
        ListedItem("projection neurons that lacked the NK1r", 3)
    assert listed_item(INLINE, 0, ordinal_reference("And the fourth one?")) is None
    assert listed_item(INLINE, 0, ordinal_reference("And the third type?")) is None  # "classes", not types
