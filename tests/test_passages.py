from __future__ import annotations

import re
from pathlib import Path

from assistant.chunking import make_passages, split_sentences
from assistant.config import ChunkingParams
from assistant.ingest import document_from_text, load_file, load_paths
from tests.conftest import CORPUS, PDF_SAMPLES


def test_sentence_split_respects_abbreviations_and_lists():
    text = "Dr. Smith et al. found it. Fig. 2 shows e.g. this.\n1. First item here. Second sentence!"
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == ["Dr. Smith et al. found it.", "Fig. 2 shows e.g. this.", "1. First item here.",
                     "Second sentence!"]


def test_sentences_of_other_scripts_are_split_too():
    # A sentence in Cyrillic or Greek starts with a capital the old rule (A-Z) did not know, and
    # Japanese and Chinese end one with a full-width mark and no space: each was one long sentence.
    text = ("Мозг меняется всю жизнь. Это называют нейропластичностью.\n"
            "Ο εγκέφαλος αλλάζει. Η μάθηση βοηθά.\n"
            "脳は生涯変化します。これを神経可塑性と呼びます！本当ですか？\n"
            "École et santé. Élèves et cerveau.")
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == ["Мозг меняется всю жизнь.", "Это называют нейропластичностью.", "Ο εγκέφαλος αλλάζει.",
                     "Η μάθηση βοηθά.", "脳は生涯変化します。", "これを神経可塑性と呼びます！", "本当ですか？",
                     "École et santé.", "Élèves et cerveau."]


def test_a_sentence_may_open_with_a_name_written_in_lower_case():
    # Papers and manuals open sentences with "mRNA", "iPSCs", "deflateEnd()": each was joined to the
    # sentence before, so a claim's evidence carried the other sentence's negation ("wouldn't").
    # A mark after a space is code's (a ternary, a negation) and "e.g. mRNA" goes on.
    text = ("We wouldn't want a leak, now would we? deflateEnd() can be called at any time.\n"
            "Levels fell. mRNA levels rose, e.g. mRNA of TP53. iPSCs differ.\n"
            "x = ready ? buf.slice(0) : null; y = ! isNotOk;\n"
            "It was cut. then it went on.\nUse amd64. i386 is for old hardware.")
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == ["We wouldn't want a leak, now would we?", "deflateEnd() can be called at any time.",
                     "Levels fell.", "mRNA levels rose, e.g. mRNA of TP53.", "iPSCs differ.",
                     "x = ready ? buf.slice(0) : null; y = ! isNotOk;", "It was cut. then it went on.",
                     "Use amd64.", "i386 is for old hardware."]


def test_a_program_named_in_lower_case_opens_a_sentence_after_a_word_written_elsewhere_without_a_dot():
    # A manual page's "... the same options. dot draws directed graphs. ... a natural ‘‘flow.’’ neato
    # draws ...": eight programs' sentences were one, highlighted whole. "flow" stands elsewhere
    # without a dot, so it is a word that ends a sentence, and so is any word of six letters or more
    # ("options"); "approx." is an abbreviation however the text writes it, and a short word seen
    # only before its dot proves nothing ("cut"). No abbreviation ends in a bracket either, nor
    # inside quotation marks closed after its dot (a dot quoted alone is no sentence's end).
    text = ("The settings below change the flow of the layout, approx values aside.\n"
            "They share the same options. dot draws directed graphs with a natural ‘‘flow.’’ neato draws "
            "undirected graphs. We used approx. ten of them. It was cut. then it went on. Energy is "
            "reduced (see Kamada and Kawai, 1989). twopi draws radial layouts. It is a ‘‘spring.’’ circo draws "
            "circles.\n. a line opening with its mark; substitute ”.” with ”foo” in it.")
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans[1:] == ["They share the same options.", "dot draws directed graphs with a natural ‘‘flow.’’",
                         "neato draws undirected graphs.", "We used approx. ten of them.",
                         "It was cut. then it went on.", "Energy is reduced (see Kamada and Kawai, 1989).",
                         "twopi draws radial layouts.", "It is a ‘‘spring.’’", "circo draws circles.",
                         ". a line opening with its mark; substitute ”.” with ”foo” in it."]


def test_abbreviations_of_other_languages_and_those_a_text_uses_do_not_end_a_sentence():
    # German capitalises its nouns, so "z.B. Pakete" and "bzw. Dateien" were cut after the dot
    # (57 and 13 false ends in the German Debian reference). Letter pairs joined by dots are
    # abbreviations in any language; so is a short word the text always writes with a dot and goes
    # on after in lower case more than once ("bzw."). A verb that always ends its sentence ("sein.")
    # never goes on so, and stays an end.
    text = ("Wichtig sind z.B. Pakete und u.a. Dateien. Es kann nötig sein. Die Liste bzw. Tabelle ist lang.\n"
            "Er nennt das Paket bzw. die Datei, bzw. den Ordner. Sie muss bereit sein. Ein Wort bzw. ein Satz.\n"
            "Man wählt bzw. öffnet ihn. Das soll so sein. Danach endet es.")
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == ["Wichtig sind z.B. Pakete und u.a. Dateien.", "Es kann nötig sein.", "Die Liste bzw. Tabelle ist lang.",
                     "Er nennt das Paket bzw. die Datei, bzw. den Ordner.", "Sie muss bereit sein.", "Ein Wort bzw. ein Satz.",
                     "Man wählt bzw. öffnet ihn.", "Das soll so sein.", "Danach endet es."]


def test_a_numbered_heading_is_one_sentence():
    # "5.3." split off its heading, so only the number sat where the section starts: the heading's
    # words then passed for a sentence (a claim's "evidence", a highlight)
    text = "5.3. Programs Shipping Private Modules\n2.1.4 Participants\n1. First item. Second item."
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == ["5.3. Programs Shipping Private Modules", "2.1.4 Participants", "1. First item.", "Second item."]


def test_spans_are_exact_and_fit_the_window(encoder):
    docs = load_paths([CORPUS, PDF_SAMPLES]).documents
    params = ChunkingParams()
    for doc in docs:
        passages = make_passages(doc, encoder.count_tokens, params)
        assert passages, doc.doc_id
        for p in passages:
            assert doc.text[p.start : p.end] == p.text
            for s, e in p.sentences:
                assert p.start <= s < e <= p.end
            n = encoder.count_tokens([doc.title[:200] + "\n" + p.text])[0]
            assert n <= params.max_tokens - 2 + params.title_tokens, (doc.doc_id, n)
        # Every non-space character of the document is in some passage: nothing is dropped.
        covered = bytearray(len(doc.text))
        for p in passages:
            covered[p.start : p.end] = b"\x01" * (p.end - p.start)
        assert all(covered[i] or ch.isspace() for i, ch in enumerate(doc.text)), doc.doc_id


def test_windows_overlap_and_pages(encoder):
    body = " ".join(f"Sentence number {i} talks about topic {i % 7} in some detail." for i in range(120))
    doc = document_from_text("d", body, title="T")
    ps = make_passages(doc, encoder.count_tokens, ChunkingParams(max_tokens=128, overlap_tokens=20))
    assert len(ps) > 3
    for a, b in zip(ps, ps[1:]):
        assert b.start < a.end  # consecutive windows share a sentence
        assert b.start > a.start


def test_very_long_sentence_is_cut(encoder):
    doc = document_from_text("d", "word " * 2000 + ".", title="T")
    ps = make_passages(doc, encoder.count_tokens, ChunkingParams())
    assert len(ps) > 5
    assert all(doc.text[p.start : p.end] == p.text for p in ps)


def test_blocks_are_packed_whole_and_never_cross_a_section(encoder, tmp_path: Path):
    # Three short paragraphs under one heading, a list introduced by a colon, then a second
    # heading: whole paragraphs share a passage, the colon line travels with its list, and the
    # second section starts a passage of its own, while windows run across all of it.
    para = "Sleep consolidates memories of the day in the hippocampus. It also clears waste from the brain."
    page = tmp_path / "sleep.md"
    page.write_text("# A guide\n\n## Sleep and memory\n\n" + "\n\n".join([para] * 3) + "\n\nThe review names three stages:\n\n"
                    + "\n".join(f"- Stage {n} has its own rhythm and its own part in memory." for n in (1, 2, 3))
                    + "\n\n## Exercise\n\nExercise helps the brain grow new neurons in adults of every age.\n")
    doc, _ = load_file(page, "sleep.md")
    windows = make_passages(doc, encoder.count_tokens, ChunkingParams(max_tokens=96, unit="windows"))
    blocks = make_passages(doc, encoder.count_tokens, ChunkingParams(max_tokens=96))
    assert any("Exercise helps" in p.text and "Stage 3" in p.text for p in windows)
    assert [p.section[-1:] for p in blocks] == [("Sleep and memory",)] * (len(blocks) - 1) + [("Exercise",)]
    assert blocks[-1].text.startswith("Exercise\n\nExercise helps")
    paragraphs = [m.start() for m in re.finditer(re.escape(para), doc.text)]
    for start in paragraphs:  # each paragraph whole inside one passage
        assert any(p.start <= start and start + len(para) <= p.end for p in blocks)
    listed = next(p for p in blocks if "Stage 1" in p.text)
    assert listed.text.startswith("The review names three stages:") and "Stage 3" in listed.text
    assert all(a.end <= b.start for a, b in zip(blocks, blocks[1:]))  # packed blocks never overlap


def test_table_rows_and_windows_carry_the_caption_and_prose_carries_nothing(encoder):
    # A table longer than the window (one block: its caption line, then a row per line) and a long
    # one-line paragraph: each row, and each later window of the table, is embedded with the
    # caption (what its rows are rows of); no sentence or window of the paragraph gets a line of
    # its own, and the budget still fits the window with the caption added.
    caption = "Table 2 Sleep duration by age group and treatment arm"
    rows = "\n".join(f"Age group {n} sleep hours {n % 9}.{n % 7} ({n % 5}.{n % 3} to {n % 4}.{n % 6})" for n in range(40))
    para = " ".join(f"Sentence {i} of a long paragraph talks about topic {i % 7}." for i in range(60))
    doc = document_from_text("d", f"{caption}\n{rows}\n\n{para}", title="T")
    params = ChunkingParams(max_tokens=128)
    ps = make_passages(doc, encoder.count_tokens, params)
    table = [p for p in ps if p.start < len(caption) + len(rows)]
    prose = [p for p in ps if p.start > len(caption) + len(rows)]
    assert len(table) > 2 and len(prose) > 2
    assert table[0].text.startswith(caption)
    for p in table[1:]:
        assert caption not in p.text and p.embedded == f"T\n{caption}\n{p.text}"
    for p in table:
        for (s, e), seen in zip(p.sentences, p.embedded_sentences):
            assert seen == (doc.text[s:e] if s < len(caption) else f"{caption}\n{doc.text[s:e]}")
    for p in prose:
        assert p.embedded == f"T\n{p.text}"
        assert list(p.embedded_sentences) == [doc.text[s:e] for s, e in p.sentences]
    assert max(encoder.count_tokens([p.embedded for p in ps])) <= params.max_tokens - 2


def test_list_items_carry_their_lead_in_but_never_a_sibling_item(encoder):
    # Two lists: one introduced by a lead-in line, one that starts straight with an item. An item
    # is embedded after the lead-in; the first item of a list is not a header of the others.
    text = ("Notes\n\nThe review names three stages:\n• Stage one is light.\n• Stage two has spindles.\n\n"
            "• Sleep helps memory.\n• Naps help less.\n1. Exercise helps too.")
    doc = document_from_text("d", text, title="Notes")
    ps = make_passages(doc, encoder.count_tokens, ChunkingParams())
    seen = {doc.text[s:e]: t for p in ps for (s, e), t in zip(p.sentences, p.embedded_sentences)}
    assert seen["• Stage two has spindles."] == "The review names three stages:\n• Stage two has spindles."
    assert seen["• Naps help less."] == "• Naps help less."
    assert seen["1. Exercise helps too."] == "1. Exercise helps too."


def test_a_nested_lists_item_is_marked_and_embedded_after_the_item_it_belongs_to(encoder, tmp_path: Path):
    # A manual's nested list: "workstation or standalone: 30 GiB." answers "How much disk space
    # does a workstation need?" only under its parent item. HTML's and Markdown's nesting had been
    # read flat ("• " for every item), and each nested item was embedded alone.
    page = tmp_path / "requirements.html"
    page.write_text(
        "<html><head><title>Requirements</title></head><body><main><h1>Requirements</h1>"
        "<p>The hardware a school network needs is listed below for each profile.</p>"
        "<ul><li><p>Thin clients with only 256 MiB RAM are possible.</p></li>"
        "<li><p>The minimum disk space depends on the profile which is installed:</p>"
        "<ul><li><p>LTSP server: 40 GiB.</p></li><li><p>workstation or standalone: 30 GiB.</p></li></ul></li>"
        "<li><p>LTSP servers need two network cards.</p></li></ul></main></body></html>")
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\nThe hardware is listed below.\n\n- Thin clients are possible.\n"
                     "- The minimum disk space depends on the profile:\n  - LTSP server: 40 GiB.\n  - workstation: 30 GiB.\n"
                     "- Two network cards.\n")
    parent = {"requirements.html": "• The minimum disk space depends on the profile which is installed:",
              "notes.md": "• The minimum disk space depends on the profile:"}
    for path in (page, notes):
        doc, _ = load_file(path, path.name)
        assert "\n◦ LTSP server: 40 GiB.\n" in doc.text, doc.text
        ps = make_passages(doc, encoder.count_tokens, ChunkingParams())
        seen = {doc.text[s:e]: t for p in ps for (s, e), t in zip(p.sentences, p.embedded_sentences)}
        assert seen["◦ LTSP server: 40 GiB."] == parent[path.name] + "\n◦ LTSP server: 40 GiB.", seen
        assert all(t == line for line, t in seen.items() if line.startswith("•")), seen  # a top item has no parent


def test_a_lead_in_never_stands_alone_before_a_block_too_long_to_share_its_passage(encoder, tmp_path: Path):
    # Two lead-ins before a list longer than the window: a Markdown heading with a colon line under
    # it (both go with the list, not the heading alone), and a short line the reader does not take
    # for a heading (a PDF's boxed "Strengths and limitations" title), which goes with its list
    # too. A passage holding only a heading answers nothing and wins on the heading's words.
    items = "\n".join(f"- Point {n} says the trial had {n} more sites than planned in the region." for n in range(30))
    page = tmp_path / "notes.md"
    page.write_text(f"# Notes\n\nIntro text about the notes here.\n\n## Extra tools\n\nThe current tools are:\n\n{items}\n")
    doc, _ = load_file(page, "notes.md")
    ps = make_passages(doc, encoder.count_tokens, ChunkingParams(max_tokens=96))
    tools = next(p for p in ps if "Extra tools" in p.text)
    assert tools.text.startswith("Extra tools\n\nThe current tools are:\n\n• Point 0")
    plain = document_from_text("d", "The trial ran for a year in four towns.\n\nStrengths and limitations of this study\n\n"
                                    + items.replace("- ", "▪ "), title="A trial")
    assert not any("Strengths" in " ".join(s.path) for s in plain.sections)
    ps = make_passages(plain, encoder.count_tokens, ChunkingParams(max_tokens=96))
    assert not any(p.text.strip() == "Strengths and limitations of this study" for p in ps)
    assert any(p.text.startswith("Strengths and limitations of this study\n\n• Point 0") for p in ps)
    # A sentence that ends in a full stop is a paragraph, and stays where it was.
    closing = document_from_text("d", "The trial ran for a year.\n\nIt ended early.\n\n" + items, title="A trial")
    ps = make_passages(closing, encoder.count_tokens, ChunkingParams(max_tokens=96))
    assert not any(p.text.startswith("It ended early.\n\n- Point 0") for p in ps)


def test_a_label_and_the_short_line_under_it_go_with_what_follows(encoder):
    # A shell manual's builtins: each a label ("trap:"), its synopsis on a short line, then what it
    # does. The passage before had ended on the label and the synopsis, and "What does the trap
    # builtin do?" found them without their description. A lead-in ending in a colon and its one
    # line of code go together with the paragraph after them; a short line under a sentence stays.
    entries = "\n\n".join(f"{name}:\n\n{name} [-lp] [arg]\n\nThe {name} builtin reads its arguments and runs them as "
                          f"one command when the shell receives a signal, {'and reports what it ran. ' * 6}"
                          for name in ("times", "trap", "type", "ulimit", "umask"))
    doc = document_from_text("bashref.txt", entries, title="Bash Reference Manual")
    ps = make_passages(doc, encoder.count_tokens, ChunkingParams(max_tokens=128))
    assert len(ps) > 2
    for p in ps:
        assert not p.text.rstrip().endswith("[-lp] [arg]"), p.text
    assert any(p.text.startswith("trap:\n\ntrap [-lp] [arg]\n\nThe trap builtin reads") for p in ps)


def test_front_matter_of_a_title_and_fields_opens_the_first_sections_passage(encoder, tmp_path: Path):
    # A spec's title over "Status:" and "URL:" fields had made a passage of its own that named the
    # topic and said nothing of it; it ranked first for "What does the Protected field do?" and
    # highlighted the title. With no prose of its own it goes with the section it opens. A title
    # over a paragraph of prose still has that paragraph in its passage.
    def passages(name: str, text: str) -> list[str]:
        (tmp_path / name).write_text(text)
        doc, _ = load_file(tmp_path / name, name)
        return [p.text for p in make_passages(doc, encoder.count_tokens, ChunkingParams())]

    spec = passages("protected-field.txt", "Support for a Protected field\n=============================\n\n"
                    "Status: draft, experimental\nURL: https://wiki.example.org/ProtectedField\n\nSummary\n-------\n\n"
                    "The goal of this proposal is to standardize a field that marks packages which must never be removed "
                    "without an explicit request.\n\nBackground\n----------\n\nOur current use of the Essential field "
                    "conflates several things that would be worth splitting up into fields of their own.\n")
    assert spec[0].startswith("Support for a Protected field") and "The goal of this proposal" in spec[0]
    assert "Status: draft" not in spec[1]
    # A licence's title, version, address and a heading in capitals: front matter too ("Is the
    # Apache License irrevocable?" had found "Version 2.0, January 2004").
    licence = passages("licence.txt", "Apache License\nVersion 2.0, January 2004\nhttp://www.apache.org/licenses/\n\n"
                       "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION\n\n1. Definitions.\n\n"
                       "\"License\" shall mean the terms and conditions for use, reproduction, and distribution as defined "
                       "by Sections 1 through 9 of this document.\n\n2. Grant of Copyright License.\n\nEach Contributor "
                       "grants to You a perpetual, worldwide, irrevocable copyright license to reproduce the Work.\n")
    assert licence[0].startswith("Apache License") and "shall mean the terms" in licence[0]
    # A line that leads in to what follows is prose: the front matter keeps its own passage.
    readme = passages("README.txt", "MPFR\n\nThe distribution contains the following files:\nAUTHORS - the authors of the "
                      "library\nBUGS - bugs in the library\n\nInstallation\n-------------\n\nTo install the library, run "
                      "the configure script, then make and make install, as the manual describes in detail.\n")
    assert "To install" not in readme[0]
    # A title longer than a heading over its author's name is front matter too: etm's vignette had a
    # passage of its title and author alone, which a question about plotting found and highlighted.
    title = ("Computing Cumulative Incidence Functions with the etmCIF Function, with a view Towards Pregnancy "
             "Applications")
    vignette = passages("etm.md", f"{title}\n\nArthur Allignol\n\n# 1 Introduction\n\nThis paper documents the use of "
                        "the etmCIF function to compute the cumulative incidence function (CIF) in pregnancy data.\n")
    assert vignette[0].startswith(title) and "This paper documents" in vignette[0], vignette


def test_a_unit_after_a_slash_ends_a_sentence_where_an_initial_does_not():
    # "0.4 to 1.0 mmol/L. Kidney ..." was one sentence: the "L" of the unit was read as an initial.
    text = "The target is 0.4 to 1.0 mmol/L. Kidney function is checked. See J. Smith for details."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The target is 0.4 to 1.0 mmol/L.", "Kidney function is checked.", "See J. Smith for details."]


def test_thousands_of_sentences_on_one_line_split_into_each_with_abbreviations_kept():
    # A text saved without line breaks: each full stop had read the line from its start for the word
    # before it (5,000 sentences took 30 s); an abbreviation a long way into the line is still one.
    text = " ".join(f"Sentence {i} is here." for i in range(5_000)) + " See Dr. Smith, e.g. at noon."
    spans = split_sentences(text)
    assert len(spans) == 5_001 and text[slice(*spans[1])] == "Sentence 1 is here."
    assert text[slice(*spans[-1])] == "See Dr. Smith, e.g. at noon."
