from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.ingest import IngestError, clean_text, document_from_text, load_file, load_paths
from assistant.ingest.clean import BULLET, guess_title
from assistant.ingest.headings import plain_headings
from assistant.ingest.html import _fences_mended, read_html
from assistant.ingest.markdown import markdown_text
from assistant.text import command_options, normalize_unicode
from tests.conftest import CORPUS, PDF_SAMPLES


def test_unseen_web_capture_debris_found_by_position_and_vocabulary():
    # A page from a template none of the seed documents uses: no line of its furniture is in the
    # seed pages, so only position, shared vocabulary, repetition and form can find it.
    raw = (
        "Skip to navigation\nHome\nBlog\nContact us\nHome › Health › Sleep\n\n"
        "How sleep shapes memory\nShare this article\nBy Maria Gonzalez\nMarch 3, 2021\n\n"
        "Sleep strengthens the memories formed during the day, according to recent studies.\n"
        "Researchers describe three ways it does so:\n"
        "• replay in the hippocampus\n• slow waves\n\n"
        "Short naps also help memory, though less than a full night of sleep.\n\n"
        "Subscribe to our newsletter\n14 comments\nJane Roe\nMarch 4, 2021 at 9:15 am\n"
        "Great read, thanks for writing about sleep and memory research!\nReply\nJohn Doe\n"
        "March 5, 2021\nI sleep better now after reading this about memory.\nReply\nReply\n"
        "Follow us\n(c) 2021 Sleep Matters Ltd\n"
    )
    text = clean_text(raw)
    for debris in ("Skip to navigation", "Home\n", "Blog", "Contact us", "Home › Health", "Share this",
                   "Subscribe", "comments", "Jane Roe", "Great read", "I sleep better", "Reply", "Follow us", "(c)"):
        assert debris not in text, debris
    # The article, its short list items, its byline and its date stay.
    for content in ("How sleep shapes memory", "By Maria Gonzalez", "March 3, 2021",
                    "Sleep strengthens the memories", "three ways it does so:", "• replay in the hippocampus",
                    "• slow waves", "Short naps also help memory"):
        assert content in text, content


def test_a_browser_copy_of_a_wiki_page_loses_its_note_marks_and_edit_links(tmp_path: Path):
    # A wiki page copied as text: each paragraph a line, a note mark after a sentence ("hormone.[1]
    # As a hormone"), "[citation needed]", and "[edit]" after each heading, which kept it from
    # heading its section. A mark inside a word ("argv[1]") or a typed text's is left alone.
    raw = ("Melatonin as a medication and supplement\n\n"
           "Melatonin is a dietary supplement and medication as well as a naturally occurring hormone.[1] As a hormone, "
           "melatonin is released by the pineal gland and is involved in sleep-wake cycles.[2][3] Read sys.argv[1] for it.\n\n"
           "Jet lag[edit]\n\n"
           "Melatonin taken close to the target bedtime at the destination decreases jet lag after flights crossing "
           "five or more time zones, in most of the travellers studied.[4]\n\n"
           "Adverse effects[edit]\n\n"
           "Melatonin appears to cause very few side effects when taken over a short time, up to three months, at low "
           "doses. It may interact with warfarin and increase the risk of bleeding.[citation needed]\n")
    path = tmp_path / "melatonin.txt"
    path.write_text(raw)
    doc = load_file(path, "melatonin.txt")[0]
    assert "hormone. As a hormone" in doc.text and "cycles. Read sys.argv[1] for it." in doc.text, doc.text
    assert "[edit]" not in doc.text and "bleeding.\n" in doc.text + "\n", doc.text
    assert [s.path for s in doc.sections] == [("Jet lag",), ("Adverse effects",)], doc.sections


def test_a_browser_copy_of_a_news_page_loses_its_cookie_notice_and_comments_but_keeps_the_article():
    # What a browser's select-all and copy gives (its innerText): each paragraph on one line, a
    # blank line around it, menus and widgets on lines of their own. The cookie notice and the
    # byline over the share links are a wrapped paragraph's shape (a long line not ending a
    # sentence, then a short one), so the page read as typed with line breaks: no position or
    # vocabulary debris went, the notice named the document, the comments stayed.
    long = ("Older adults who took a short nap after lunch recalled more words later in the day than those "
            "who stayed awake, according to a randomised trial published on Thursday.")
    raw = (
        "We use cookies to improve your experience. Accept all Manage preferences\n"  # no word of the article's
        "Wellness\nSubscribe\n"  # a menu
        "Short naps may help older adults remember more\n\n"  # the heading: the document's title
        "A 30-minute afternoon nap was linked to better recall in a trial of 212 people.\n\n"
        "By Maria Gonzalez, Health Correspondent · 14 March 2025 · 4 min read\n"  # kept: a byline
        "Share on Facebook Share on X Email Copy link\n\n"
        f"{long}\n\n"
        "The researchers assigned 212 volunteers aged 65 to 84 to either a 30-minute nap opportunity or a quiet "
        "rest period without sleep each afternoon for eight weeks, and tested them on lists of words.\n\n"
        "Related stories\nWhy you wake up at 3am\n"  # a box in mid-article: the article goes on after it
        "Longer naps were not better\n\n"
        "Naps longer than an hour were linked to grogginess and did not improve recall further, and the authors "
        "advise that long daytime sleep should be discussed with a doctor.\n\n"
        "Comments (2)\nJohnB 2 hours ago\n\n"  # comment headers dated relative to now
        "I nap every day and my memory is still terrible, which makes me doubt the whole thing.\n\n"
        "Reply\nSleepyNan 1 hour ago\n\nGreat news, I always feel sharper after a nap.\n"
    )
    doc = document_from_text("news.txt", raw)
    assert doc.title == "Short naps may help older adults remember more"
    for debris in ("cookies", "Wellness", "Subscribe", "Comments", "JohnB", "terrible", "Great news"):
        assert debris not in doc.text, debris
    for content in ("By Maria Gonzalez", long, "Longer naps were not better", "discussed with a doctor."):
        assert content in doc.text, content


def test_a_saved_page_s_heading_fused_with_its_paragraph_goes_on_a_line_of_its_own(tmp_path: Path):
    # Copied from a browser, a page can lose the line break after each heading: the heading then
    # opened the paragraph's first sentence ("Sleep Stages Sleep, in adults, ...") and headed no
    # section. Two cues tell it: the sentence restates a word of the heading, or it opens with a
    # function word no title runs on into ("... memory. How Naps Help There is ..."). The other
    # paragraphs open with capitals that are no heading: a name, "I", "Influenza A", a title in
    # title case, a name after "and".
    prose = "and the researchers compared the memories of each group on the following morning."
    page = tmp_path / "sleep.txt"
    page.write_text(
        "Sleep and memory\n\n"
        f"Sleep Stages Sleep, in adults, runs in cycles of about ninety minutes, {prose}\n\n"
        f"Deep sleep replays the day. How Naps Help There is a benefit from naps as well, {prose}\n\n"
        f"The United States Congress is funding sleep research in many places, {prose}\n\n"
        f"Last Christmas I gave my whole family a book about sleep, {prose}\n\n"
        f"Influenza A virus infection disturbs sleep in many patients, {prose}\n\n"
        f"Sleep Deprivation Is a Risk Factor for Memory Loss in Older Adults, a study reported, {prose}\n\n"
        f"Both Cameron and Theresa May have written about sleep, {prose}\n")
    doc, _ = load_file(page, "sleep.txt")
    assert "Sleep Stages\n\nSleep, in adults" in doc.text
    assert "Deep sleep replays the day.\n\nHow Naps Help\n\nThere is a benefit" in doc.text
    assert doc.section_at(doc.text.index("runs in cycles")) == ("Sleep Stages",)
    assert doc.section_at(doc.text.index("a benefit from naps")) == ("How Naps Help",)
    for kept in ("The United States Congress is", "Last Christmas I gave", "Influenza A virus",
                 "Sleep Deprivation Is a Risk Factor", "Theresa May have"):
        assert kept in doc.text, kept
    # A file typed with line breaks is no saved page: its paragraphs are left as written.
    typed = tmp_path / "typed.txt"
    typed.write_text("Sleep and memory\n================\n\nSleep Stages Sleep, in adults, runs in cycles of\n"
                     "about ninety minutes, and the researchers compared the memories of each group.\n")
    assert "Sleep Stages Sleep, in adults" in load_file(typed, "typed.txt")[0].text


def test_an_faqs_labelled_question_heads_its_labelled_answer_however_short():
    # "Q: Why are sessions fifty minutes long?" over a ten-word answer had headed nothing (a heading
    # needed more than 12 words of prose under it), and its answer stood under the question before.
    text = ("Clinic questions and answers\n\nQ: Does the clinic accept walk-in patients?\nA: Yes. Anyone can come "
            "between nine and five without an appointment, and a nurse sees them the same day.\n\n"
            "Q: Why are sessions fifty minutes long?\nA: Ten minutes between sessions let the therapist write notes.\n\n"
            "Why so short?\n\nNo one asked.\n")
    headings = [h for _, h in plain_headings(text)]
    assert headings == ["Q: Does the clinic accept walk-in patients?", "Q: Why are sessions fifty minutes long?"], headings


def test_numbered_headings_and_short_content_lines_are_not_debris():
    # "2 Methods" has the shape of a widget's counter ("12 comments"); it is a heading.
    raw = ("Sleep study\n\n1 Introduction\n\nSleep strengthens the memories formed during the day.\n\n"
           "2 Methods\n\nForty students learned word pairs in the evening and slept.\n")
    for capture in (True, False):
        text = clean_text(raw, capture)
        assert "1 Introduction" in text and "2 Methods" in text


def test_short_sentence_after_the_prose_is_not_a_footer():
    # A note of two lines: the second is too short to count as prose and shares no word with the
    # first, which is what a footer's label looks like; but it is a sentence, and a footer is not.
    raw = "Neuroplasticity is the brain's ability to change.\nIt continues throughout life.\n"
    assert clean_text(raw) == raw.strip()
    # A footer's labels after the same prose still go.
    assert clean_text(raw + "Privacy policy\nContact us\n") == raw.strip()


def test_a_table_after_the_prose_keeps_its_rows_of_numbers():
    # A paper saved as text with its table at the end: the rows are short and share no word with
    # the prose, as a footer's lines do, but they are numbers one above another.
    raw = ("Diet trial\n\nIntake of fruit rose in the advice group while vegetables did not change over the "
           "weeks of the trial.\n\nTable 2 Fruit servings per day by group\nWeek Advice Control\n1 3.1 2.9\n"
           "2 3.4 2.8\n4 3.9 2.9\n\nShare this\nPage 3 of 10\n")
    text = clean_text(raw)
    assert text.endswith("Week Advice Control\n1 3.1 2.9\n2 3.4 2.8\n4 3.9 2.9")
    # a line of two numbers alone ("Page 3 of 10") is no table


def test_seed_documents_lose_exactly_their_furniture():
    # What the cleaner removes from each default article, line by line: the furniture, and not one
    # line of content (bylines, dates and the keywords line stay; the review's "Address for
    # Correspondence" heading goes, the name under it stays; a heading that opened its paragraph,
    # "Understanding Neuroplasticity Neuroplasticity, also known as ...", "Conclusion Neuroplasticity
    # is ...", stands apart).
    removed = {
        "neuroplasticity-and-neuropsychiatry.txt": [
            "Neuroplasticity And Neuropsychiatry: Exploring The Dynamic Relationship Between Brain Insights And M",
            "Thank you for the feedback", "Leave a Reply"],
        "neuroplasticity-in-mental-health-recovery.txt": [
            "top of page", "Prisha Oza", "• 2 min read", "Comments", "Screen Shot 2022-04-09 at 7.28_edited.jp",
            "©2021 by Health in Your Hands.", "bottom of page"],
        "neuropsychotherapy.txt": ["Accueil > Approaches > Neuropsychotherapy"],
        "neuroscience-informed-psychotherapy-review.txt": ["Print Friendly, PDF & Email", "Address for Correspondence"],
    }
    for name, expected in removed.items():
        raw = (CORPUS / name).read_text(encoding="utf-8")
        # A paragraph that opened with its heading stays, its heading on a line of its own.
        paragraphs = [ln for ln in clean_text(raw).split("\n") if ln]
        kept = {" ".join(paragraphs[i:j]) for i in range(len(paragraphs)) for j in range(i + 1, i + 6)}
        lines = [" ".join(ln.split()) for ln in normalize_unicode(raw).split("\n")]
        gone = [ln for ln in lines if ln and BULLET.sub("• ", ln) not in kept]
        assert gone == expected, name


def test_a_one_word_heading_that_opened_its_paragraph_stands_apart_on_a_saved_page():
    # A saved page lost the line break after "Summary": the next word is a common noun the page
    # writes in lower case, capitalised only as the sentence's first word.  "Structural
    # Consolidation" stays whole: the page writes "structural" too.
    raw = ("Sleep and Memory\n\n"
           "Sleep helps memory in many ways, and researchers keep finding new links between the stages of sleep and the "
           "consolidation of what we learn during the day, from facts to skills.\n\n"
           "Deep sleep and structural changes in the brain go together, as studies of adults and children show again "
           "and again across many laboratories and years of careful work.\n\n"
           "Structural Consolidation is slower than the synaptic kind, and it reshapes whole networks of the brain over "
           "weeks rather than hours of rest.\n\n"
           "Summary Consolidation is the process by which memories become stable, and sleep supports it strongly in "
           "adults and children alike, night after night.\n")
    lines = clean_text(raw).split("\n")
    assert "Summary" in lines
    assert any(ln.startswith("Consolidation is the process") for ln in lines)
    assert any(ln.startswith("Structural Consolidation is slower") for ln in lines)


def test_seed_documents_clean_and_titled():
    result = load_paths([CORPUS])
    assert [e.status for e in result.report] == ["ok"] * 4
    titles = {d.doc_id: d.title for d in result.documents}
    assert titles["neuropsychotherapy.txt"] == "What is Neuropsychotherapy?"
    assert titles["neuroplasticity-in-mental-health-recovery.txt"] == "The Role of Neuroplasticity in Mental Health Recovery"
    assert titles["neuroplasticity-and-neuropsychiatry.txt"].startswith("Neuroplasticity and Neuropsychiatry: Exploring")
    for doc in result.documents:
        for debris in ("top of page", "Leave a Reply", "Thank you for the feedback", "Print Friendly", "Accueil >"):
            assert debris not in doc.text, (doc.doc_id, debris)
        assert "´" not in doc.text and "\u00a0" not in doc.text
    # Content next to the debris survives: the last article's conclusion and the review's abstract.
    by_id = {d.doc_id: d.text for d in result.documents}
    assert "neuroplasticity offers the brain the tools it needs to heal and thrive" in by_id[
        "neuroplasticity-in-mental-health-recovery.txt"]
    assert "identified 21 articles" in by_id["neuroscience-informed-psychotherapy-review.txt"]


RUSSIAN = ("Нейропластичность - это способность мозга изменяться и приспосабливаться на протяжении всей "
           "жизни человека.")
JAPANESE = "神経可塑性とは、脳が生涯を通じて変化し、新しい経験に適応する能力のことです。"


def test_encodings_and_bad_files(tmp_path: Path):
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 na\xefve r\xe9sum\xe9 text about therapy.".encode("cp1252"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("   \n\n  ")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "image.png").write_bytes(b"\x89PNG....")
    (tmp_path / "fake.pdf").write_bytes(b"this is not a pdf")
    if PDF_SAMPLES.exists():  # the rest of the test needs no ../shared
        (tmp_path / "truncated.pdf").write_bytes((PDF_SAMPLES / "minimal-document.pdf").read_bytes()[:900])
    (tmp_path / "good.md").write_text("# A Title\n\nSome *emphasis* and a [link](http://x).\n")
    # UTF-16 without a byte-order mark (written by some Windows tools) has a zero in every other byte
    (tmp_path / "utf16.txt").write_bytes("Neuroplasticity lasts a lifetime.".encode("utf-16-be"))
    (tmp_path / "utf32.txt").write_bytes("Neuroplasticity lasts a lifetime.".encode("utf-32-le"))
    # Text in another script in a legacy code page: Russian in KOI8-R and Windows-1251, Japanese in
    # Shift_JIS; read as Windows-1252 they were letters of no language
    for name, text, encoding in [
            ("koi8.txt", RUSSIAN, "koi8_r"), ("cp1251.txt", RUSSIAN, "cp1251"), ("sjis.txt", JAPANESE, "shift_jis")]:
        (tmp_path / name).write_bytes(text.encode(encoding))
    result = load_paths([tmp_path])
    by_name = {Path(e.source).name: e for e in result.report}
    assert by_name["latin.txt"].status == "ok" and "Windows-1252" in by_name["latin.txt"].note
    assert "Café naïve résumé" in next(d.text for d in result.documents if d.doc_id == "latin.txt")
    assert "UTF-16-BE" in by_name["utf16.txt"].note and "UTF-32-LE" in by_name["utf32.txt"].note
    texts = {d.doc_id: d.text for d in result.documents}
    assert texts["utf32.txt"] == "Neuroplasticity lasts a lifetime."
    assert texts["koi8.txt"] == texts["cp1251.txt"] == RUSSIAN and texts["sjis.txt"] == JAPANESE
    assert "KOI8-R" in by_name["koi8.txt"].note and "CP1251" in by_name["cp1251.txt"].note
    assert next(d.text for d in result.documents if d.doc_id == "utf16.txt") == "Neuroplasticity lasts a lifetime."
    assert by_name["empty.txt"].reason == "empty file"
    assert by_name["blank.md"].status == "skipped"
    assert "binary" in by_name["binary.txt"].reason
    assert "unsupported type '.png' (reads .txt, .md" in by_name["image.png"].reason, by_name["image.png"].reason
    assert "not a PDF" in by_name["fake.pdf"].reason
    # cut inside its first stream: pypdf cannot read it, and the reason says so
    if PDF_SAMPLES.exists():
        assert by_name["truncated.pdf"].status == "skipped" and "unreadable PDF" in by_name["truncated.pdf"].reason
    good = next(d for d in result.documents if d.doc_id == "good.md")
    assert good.title == "A Title" and "Some emphasis and a link." in good.text


def test_a_saved_terminal_log_loses_its_colour_codes_and_iso_2022_text_is_still_decoded(tmp_path: Path):
    # A build log saved from a terminal: UTF-8 with ANSI escape codes around its coloured words
    # (and a link). It was read as Windows-1252 "not UTF-8" with "[31m" left in every line.
    # ISO-2022-JP is 7-bit text whose escapes switch the encoding: it is decoded as that.
    (tmp_path / "build.log.txt").write_bytes(b"\x1b[1;31merror\x1b[0m: cannot find crate `serde` in "
                                             b"\x1b]8;;https://docs.rs\x1b\\the registry\x1b]8;;\x1b\\.\n")
    (tmp_path / "jis.txt").write_bytes(JAPANESE.encode("iso2022_jp"))
    result = load_paths([tmp_path])
    texts = {d.doc_id: d.text for d in result.documents}
    notes = {Path(e.source).name: e.note for e in result.report}
    assert texts["build.log.txt"] == "error: cannot find crate `serde` in the registry."
    assert notes["build.log.txt"] == "terminal escape codes removed"
    assert texts["jis.txt"] == JAPANESE and "ISO2022" in notes["jis.txt"]


def test_html_scripts_and_navigation_are_not_text(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>T</title><script>alert(1)</script></head><body>"
                    "<nav>Home | About</nav><h1>Sleep and Memory</h1><p>Sleep &amp; memory are linked.</p>"
                    "<footer>Copyright</footer></body></html>")
    doc, _ = load_file(page, "page.html")
    assert doc.title == "Sleep and Memory"
    assert "alert" not in doc.text and "Home | About" not in doc.text and "Copyright" not in doc.text
    assert "Sleep & memory are linked." in doc.text


def test_html_title_is_the_article_not_every_h1_joined(tmp_path: Path):
    # Many templates print a second h1 (a widget or section); the title is the first. A scholarly
    # page's citation_title tag names the article even when its h1 is the journal's name.
    page = tmp_path / "page.html"
    body = "<h1>Sleep and Memory</h1><p>Sleep &amp; memory are linked in many ways.</p><h1>Related posts</h1>"
    page.write_text(f"<html><head><title>Blog | Sleep</title></head><body>{body}</body></html>")
    assert load_file(page, "page.html")[0].title == "Sleep and Memory"
    page.write_text('<html><head><meta name="citation_title" content="Sleep consolidates memory">'
                    f"</head><body><h1>Journal of Sleep</h1>{body}</body></html>")
    assert load_file(page, "page.html")[0].title == "Sleep consolidates memory"


def test_a_manual_made_one_page_whose_h1s_are_its_sections_is_named_by_its_title_tag(tmp_path: Path):
    # Sphinx's single-page build of a policy: "Abstract", "Contents" and the chapters are h1s; the
    # first shares no word with the <title>, which names the document. (A blog's second h1, a
    # widget, still leaves the first h1 the title: the test above.)
    page = tmp_path / "policy.html"
    page.write_text("<html><head><title>Debian Python Policy 0.12.0.0 documentation</title></head><body>"
                    "<h1>Abstract</h1><p>This document describes the packaging of Python within the Debian "
                    "distribution and the policy requirements for packaged Python programs and modules.</p>"
                    "<h1>Contents</h1><p>Copyright, packaging, modules and programs.</p>"
                    "<h1>Python Packaging</h1><p>Debian ships several versions of Python at once.</p></body></html>")
    assert load_file(page, "policy.html")[0].title == "Debian Python Policy 0.12.0.0 documentation"


def test_superscripts_read_as_exponents_or_citations_in_html_and_markdown(tmp_path: Path):
    # A browser sets "2<sup>31</sup>" raised; read flat it was "231", another number. A citation's
    # number after a word was fused to it ("common12"); a footnote's own label keeps its space.
    body = ("<p>The maximum is 2<sup>31</sup>-1 bytes, at 80 g/m<sup>2</sup> and 10<sup>-3</sup> mol. Depression is "
            "common<sup>12</sup> and treatable<sup><a href='#r3'>[3]</a></sup>, as Smith et al.<sup>4,5</sup> found. "
            "Water is H<sub>2</sub>O on the 1<sup>st</sup> day.</p>"
            "<div class='footnote'><p><sup>[<a href='#f1'>22</a>] </sup>If the source lacks setup.py, add one.</p></div>")
    page = tmp_path / "limits.html"
    page.write_text(f"<html><head><title>Limits</title></head><body><article><h1>Limits</h1>{body}"
                    "<p>A second paragraph keeps the page's main content long enough to be read as such.</p>"
                    "</article></body></html>")
    readme = tmp_path / "README.md"
    readme.write_text(f"# Limits\n\n{body}\n")
    for path in (page, readme):
        text = load_file(path, path.name)[0].text
        assert "The maximum is 2^31-1 bytes, at 80 g/m^2 and 10^-3 mol." in text, path
        assert "Depression is common and treatable, as Smith et al. found." in text, path
        assert "Water is H2O on the 1st day." in text and "[22] If the source lacks setup.py" in text, path


def test_an_inline_quotation_and_a_marked_up_date_read_within_their_sentence(tmp_path: Path):
    # w3m's FAQ quotes words with <q>, which a browser sets in quotation marks inside the sentence;
    # read through trafilatura each was a paragraph of its own ("It's" / "W-three-M" / ". It ...").
    page = tmp_path / "FAQ.html"
    page.write_text("<html><head><title>w3m FAQ</title></head><body><h1>w3m FAQ</h1><dl><dt><b>How do I pronounce "
                    "<q>w3m</q>?</b></dt><dd><p>It's <q>W-three-M</q>. It doesn't rhyme with <q>pteranodon</q>.</p></dd>"
                    "<dt><b>Why is it called <q>w3m</q>?</b></dt><dd><p>It's an abbreviation of <q>WWW-wo-Miru</q>, "
                    "which is Japanese for <q>See the WWW</q>.</p></dd></dl></body></html>")
    text = load_file(page, "FAQ.html")[0].text
    assert "How do I pronounce \u201cw3m\u201d? It's \u201cW-three-M\u201d. It doesn't rhyme with \u201cpteranodon\u201d." in text
    # a date marked up in a sentence keeps its words there (trafilatura left them out)
    page.write_text("<html><head><title>A trial</title></head><body><article><h1>A trial</h1><p>The trial ran from "
                    "<time datetime='2019'>2019</time> to <time>2021</time> in nine general practices across the "
                    "region.</p><p>Another paragraph keeps the page's main content long enough to be read as such."
                    "</p></article></body></html>")
    assert "The trial ran from 2019 to 2021 in nine general practices" in load_file(page, "trial.html")[0].text


def test_words_after_a_line_break_in_a_list_item_keep_their_space_before_marked_up_words(tmp_path: Path):
    # A manual converted from LaTeX (hevea) sets each FAQ answer under its question after a <br>;
    # trafilatura trimmed that text, and with it the space before an emphasised or code word
    # ("under the*Biopython License Agreement*", "See the fileNEWS.rst").
    page = tmp_path / "Tutorial.html"
    page.write_text("<html><head><title>Tutorial</title></head><body><h1>Tutorial</h1><ol><li><em>How is it "
                    "licensed?</em> <br>\n Biopython is distributed under the <em>Biopython License Agreement</em>. "
                    "See the file <code class='verb'>NEWS.rst</code> for <b>each</b> release.</li></ol>"
                    "<p>Another paragraph keeps the page's main content long enough to be read as such.</p></body></html>")
    text = load_file(page, "Tutorial.html")[0].text
    assert ("Biopython is distributed under the Biopython License Agreement. See the file NEWS.rst for each "
            "release.") in text


def test_a_one_line_listing_is_a_block_and_the_paragraph_after_it_starts_apart(tmp_path: Path):
    # git's manual pages (asciidoc) show a program's one-line output as <pre><code>; trafilatura
    # wrote it as an inline code span, and the next paragraph joined its line ("... (roughly 10
    # steps) You should now compile ..."); an R vignette's "## output" lines read as headings.
    page = tmp_path / "git-bisect.html"
    page.write_text("<html><head><title>git-bisect(1)</title></head><body><div id='content'><h2>DESCRIPTION</h2>"
                    "<div class='paragraph'><p>Git selects a commit in the middle of that range of history, checks it "
                    "out, and outputs something similar to the following:</p></div><div class='listingblock'>"
                    "<div class='content'><pre><code>Bisecting: 675 revisions left to test after this (roughly 10 steps)"
                    "</code></pre></div></div><div class='paragraph'><p>You should now compile the checked-out version "
                    "and test it.</p></div><pre><code>## phenoData</code></pre><p>The samples' data is listed above.</p>"
                    "</div></body></html>")
    doc = load_file(page, "git-bisect.html")[0]
    assert "Bisecting: 675 revisions left to test after this (roughly 10 steps)\n\nYou should now compile" in doc.text
    assert "## phenoData" in doc.text and [s.path for s in doc.sections] == [("DESCRIPTION",)]
    # The listing's <div class="content"> is no page's content: trafilatura took the first such div
    # for the page's body and set the listing before the heading it stands under.
    assert doc.text.index("Git selects a commit") < doc.text.index("Bisecting: 675")


def test_a_manual_page_keeps_the_name_line_in_its_header(tmp_path: Path):
    # asciidoc's manual pages set NAME and its one line in the page's header <div>, which trafilatura
    # left out as a header: the line that says what the command does was lost.
    page = tmp_path / "git-stash.html"
    page.write_text("<html><head><title>git-stash(1)</title></head><body class='manpage'><div id='header'>"
                    "<h1>git-stash(1) Manual Page</h1><h2>NAME</h2><div class='sectionbody'><p>git-stash - Stash the "
                    "changes in a dirty working directory away</p></div></div><div id='content'><div class='sect1'>"
                    "<h2 id='_synopsis'>SYNOPSIS</h2><div class='sectionbody'><div class='verseblock'><pre class='content'>"
                    "<em>git stash</em> list [&lt;log-options&gt;]</pre></div></div></div><div class='sect1'>"
                    "<h2 id='_description'>DESCRIPTION</h2><div class='sectionbody'><div class='paragraph'><p>Use "
                    "git stash when you want to record the current state of the working directory and the index, "
                    "but want to go back to a clean working directory.</p></div></div></div></div></body></html>")
    doc = load_file(page, "git-stash.html")[0]
    assert "git-stash - Stash the changes in a dirty working directory away" in doc.text
    assert ("NAME",) in [s.path for s in doc.sections] and doc.title == "git-stash(1) Manual Page"


def test_a_bare_pre_keeps_its_lines_in_a_list_item_and_as_a_quote_shaped_record(tmp_path: Path):
    # A manual converted from LaTeX sets listings as <pre> without <code>. In a list item trafilatura
    # flattened one into the item's line ("Use this: >>> import Bio >>> print(...)"); a FASTA
    # record's ">" line read as a Markdown quotation and took the sequence line into it; and a
    # listed file's path ending ".png" was dropped as an image's caption.
    page = tmp_path / "Tutorial.html"
    page.write_text("<html><head><title>Tutorial</title></head><body><h2>FAQ</h2><ol><li><em>How do I find the "
                    "version?</em> <br>\n Use this:\n<pre class='verbatim'>&gt;&gt;&gt; import Bio\n"
                    "&gt;&gt;&gt; print(Bio.__version__)\n</pre>If the first line fails, Biopython is not installed."
                    "</li></ol><h2>FASTA</h2><p>The file starts like this:</p><pre class='verbatim'>&gt;gi|2765658|emb|"
                    "Z78533.1|CIZ78533 C.irapeanum 5.8S rRNA gene\nCGTAACAAGGTTTCCGTAGGTGAACCTGCGG\n...\n</pre>"
                    "<p>It contains 94 records.</p><pre class='screen'> $ tar -tzf debhello-0.2.tar.gz\n"
                    "debhello-0.2/data/hello.desktop\ndebhello-0.2/data/hello.png\n</pre></body></html>")
    text = load_file(page, "Tutorial.html")[0].text
    assert "Use this:\n" in text and "\n>>> import Bio\n>>> print(Bio.__version__)\n" in text
    assert ">gi|2765658|emb|Z78533.1|CIZ78533 C.irapeanum 5.8S rRNA gene\nCGTAACAAGGTTTCCGTAGGTGAACCTGCGG\n" in text
    assert "debhello-0.2/data/hello.desktop\ndebhello-0.2/data/hello.png" in text


def test_numbered_h1s_are_sections_and_the_title_tag_names_the_page(tmp_path: Path):
    # A manual page whose h1s are its numbered chapters ("1. Datatypes In SQLite", "2. Storage ..."):
    # the first shares the <title>'s words but is chapter 1, which opens a section like the rest.
    page = tmp_path / "datatype3.html"
    page.write_text("<html><head><title>Datatypes In SQLite</title></head><body>"
                    "<h1><span>1. </span>Datatypes In SQLite</h1><p>Most SQL database engines use static, rigid "
                    "typing, where the datatype of a value is determined by its container.</p>"
                    "<h1><span>2. </span>Storage Classes and Datatypes</h1><p>Each value stored in an SQLite "
                    "database has one of the following storage classes.</p></body></html>")
    doc, _ = load_file(page, "datatype3.html")
    assert doc.title == "Datatypes In SQLite"
    assert [s.path for s in doc.sections] == [("1. Datatypes In SQLite",), ("2. Storage Classes and Datatypes",)]
    # A Sphinx page's one numbered h1 beside its theme's sidebar h1 naming the site, which the
    # <title>'s last part names: the page's h1 names it, not the whole <title>
    page.write_text("<html><head><title>1 pycparser &#8212; Probe  documentation</title></head><body>"
                    "<div class='body'><h1><span class='sectnum'>1 </span>pycparser</h1><p>pycparser is a parser for "
                    "the C language, written in pure Python.</p></div><div class='sphinxsidebar'><h1 class='logo'>"
                    "<a href='index.html'>Probe</a></h1></div></body></html>")
    doc, _ = load_file(page, "pycparser.html")
    assert doc.title == "1 pycparser", doc.title


def test_html_headings_that_link_to_themselves_are_sections_and_the_menu_title_is_not_the_page_title(tmp_path: Path):
    # A documentation site's page (mdBook's layout): a menu bar's h1 names the book, the page's own
    # h1 and h2s are links to themselves (which trafilatura drops as navigation inside a
    # "content" div), a Sphinx-style permalink "¶" follows one heading, and a link to the source
    # ("[src]", as Node's and rustdoc's pages print) another.
    prose = ("Rustdoc generates documentation for Rust projects from the comments in their code and from "
             "standalone Markdown files, and it runs the examples in the documentation as tests. ")
    page = tmp_path / "what-is-rustdoc.html"
    page.write_text(
        "<html><head><title>What is rustdoc? - The rustdoc book</title></head><body>"
        '<div class="menu-bar"><h1 class="menu-title">The rustdoc book</h1></div><div class="content"><main>'
        '<h1 id="what"><a class="header" href="#what">What is rustdoc?</a></h1>'
        f"<p>{prose * 3}</p>"
        '<h2 id="basic"><a class="header" href="#basic">Basic usage</a><a class="headerlink" href="#basic">¶</a></h2>'
        f"<p>Run it on the crate root. {prose * 2}</p>"
        '<h2 id="cargo"><a class="header" href="#cargo">Using rustdoc with Cargo</a>'
        '<a class="srclink" href="https://github.com/rust-lang/rust/blob/main/src/cargo.rs#L55">[src]</a></h2>'
        f"<p>Cargo calls it for you. {prose * 2}</p></main></div></body></html>")
    doc, _ = load_file(page, "what-is-rustdoc.html")
    assert doc.title == "What is rustdoc?"
    assert doc.section_at(doc.text.index("Run it on the crate root")) == ("Basic usage",)
    assert doc.section_at(doc.text.index("Cargo calls it")) == ("Using rustdoc with Cargo",)
    assert "¶" not in doc.text and "[src]" not in doc.text


def test_an_older_pages_layout_tables_are_read_as_its_blocks_and_its_title_tag_names_it(tmp_path: Path):
    # An older site lays its pages out in nested tables: a banner (the site's h1 over the page's
    # h2, which the <title> repeats), a menu column, and a content cell with headings, paragraphs
    # and a table of parameters. Read as data, the whole page was one row of "| ... |" cells
    # under the site's name, without sections.
    prose = ("Looks up a key in the current source document, computing the keys of that document first "
             "when they have not been computed yet, and returns the node set that matches. ")
    page = tmp_path / "keys.html"
    page.write_text(
        "<html><head><title>Module keys from libxslt</title></head><body>"
        "<table><tr><td><table><tr><td><h1>The XSLT C library for GNOME</h1><h2>Module keys from libxslt</h2>"
        "</td></tr></table></td></tr></table>"
        '<table><tr><td width="200"><ul><li><a href="index.html">Home</a></li><li><a href="docs.html">Documentation</a>'
        "</li><li><a href=\"news.html\">News</a></li></ul></td><td>"
        f"<h3>Function: xsltGetKey</h3><p>{prose * 2}</p>"
        "<table><tr><td>ctxt:</td><td>an XSLT transformation context</td></tr>"
        "<tr><td>name:</td><td>the key name or NULL</td></tr></table>"
        f"<h3>Function: xsltFreeKeys</h3><p>Frees the memory used by the keys of a stylesheet. {prose}</p>"
        "</td></tr></table></body></html>")
    doc, _ = load_file(page, "keys.html")
    assert doc.title == "Module keys from libxslt"
    assert doc.section_at(doc.text.index("Looks up a key")) == ("Function: xsltGetKey",)
    assert doc.section_at(doc.text.index("Frees the memory")) == ("Function: xsltFreeKeys",)
    assert "| ctxt: | an XSLT transformation context |" in doc.text
    assert "|" not in doc.text[: doc.text.index("returns the node set")]
    # A page that is a list of links in a layout table (an API index): read out of the table,
    # trafilatura leaves the links out as navigation; the page keeps its words.
    modules = "".join(f"<h2>Module m{m}:</h2><p>" + "".join(f'<a href="m.html#f{m}x{n}">xsltFunction{m}x{n}</a><br />'
                                                          for n in range(8)) + "</p>" for m in range(5))
    page.write_text("<html><head><title>API index</title></head><body><table><tr><td><table><tr><td>"
                    f"<h2>API index</h2><p>{prose}</p>{modules}</td></tr></table></td></tr></table></body></html>")
    text = load_file(page, "keys.html")[0].text
    assert all(f"xsltFunction{m}x{n}" in text for m in range(5) for n in range(8))
    # A heading commented out inside a table of data makes no layout of it.
    from assistant.ingest.html import _layout_tables_unwrapped

    data = "<table><tr><td><!-- <h2>Old results</h2> -->Sleep</td><td>12.5</td></tr></table>"
    assert _layout_tables_unwrapped(data) == data


def test_a_div_of_text_after_a_code_block_is_read_as_its_paragraph(tmp_path: Path):
    # Expat's reference: each function's heading, its signature in a <pre>, then its description
    # in a <div> of text with a link in it. trafilatura's precision mode dropped such divs, so
    # the reference kept every signature and lost every description.
    intro = "Expat is a stream-oriented XML parser library written in C, used by many applications. " * 4
    functions = "".join(
        f'<h4 id="{name}">{name}</h4><pre class="fcndec">\nvoid XMLCALL\n{name}(XML_Parser p);\n</pre>'
        f'<div class="fcndef">{what} Your application is responsible for freeing any memory associated '
        f'with <a href="#userdata">user data</a>.</div>'
        for name, what in (("XML_ParserFree", "Free memory used by the parser."),
                           ("XML_ParserReset", "Clean up the memory structures maintained by the parser.")))
    page = tmp_path / "reference.html"
    page.write_text(f"<html><head><title>Expat</title></head><body><h1>Expat</h1><p>{intro}</p>{functions}</body></html>")
    doc, _ = load_file(page, "reference.html")
    assert doc.section_at(doc.text.index("Free memory used by the parser.")) == ("XML_ParserFree",)
    assert "Clean up the memory structures maintained by the parser." in doc.text


def test_a_line_of_links_to_the_next_and_previous_pages_is_navigation(tmp_path: Path):
    # A Texinfo manual's chapter page: its header line links the pages around it (rel="next",
    # "prev", "up", "index"), then the chapter lists its sections. With so little else on the page,
    # trafilatura kept the header line as text. A sentence around such links is no navigation.
    page = tmp_path / "Types.html"
    sentence = ('<p>Read <a href="Structures.html" rel="next">the section on structures</a> after '
                '<a href="Simple-Example.html" rel="prev">the simple example</a> when you define your own types.</p>')
    for extra in ("", sentence):
        page.write_text(
            '<html><head><title>Types (libffi)</title></head><body><div class="section"><div class="header"><p>'
            'Next: <a href="Multiple-ABIs.html" rel="next">Multiple ABIs</a>, Previous: <a href="Simple-Example.html" '
            'rel="prev">Simple Example</a>, Up: <a href="Using-libffi.html" rel="up">Using libffi</a> &nbsp; '
            f'[<a href="Index.html" rel="index">Index</a>]</p></div><hr><h3>2.3 Types</h3>{extra}'
            '<ul><li><a href="Primitive-Types.html">Primitive Types</a></li><li><a href="Structures.html">Structures'
            "</a></li></ul></div></body></html>")
        text = load_file(page, "Types.html")[0].text
        assert "Next:" not in text and "Multiple ABIs" not in text, text
    assert "when you define your own types" in text


def test_text_standing_in_a_div_beside_blocks_reads_as_paragraphs_with_its_words_apart(tmp_path: Path):
    # A DocBook tutorial sets its prose straight in a <div>, between code blocks and around inline
    # code. trafilatura split such text at each inline element: the words before one were dropped
    # and the space after it lost ("<tt>params</tt> can be" read "paramscan be").
    intro = "This tutorial shows how to transform a document with a stylesheet from a program written in C. " * 3
    page = tmp_path / "tutorial.html"
    page.write_text(
        f'<html><head><title>libxslt Tutorial</title></head><body><div class="sect1"><h2>Applying</h2><p>{intro}</p>'
        '<div class="sect2"><h3>Applying the Stylesheet</h3>The function that does this is <tt>xsltApplyStylesheet</tt>:'
        '<pre class="programlisting">\nres = xsltApplyStylesheet(cur, doc, params);\n</pre>'
        'The function takes a stylesheet and a document. The third variable, <tt>params</tt> can be used to pass '
        "XSLT parameters to the stylesheet.</div></div></body></html>")
    text = load_file(page, "tutorial.html")[0].text
    assert "The function that does this is xsltApplyStylesheet:" in text, text
    assert "The third variable, params can be used to pass XSLT parameters" in text, text


def test_text_standing_in_the_body_between_listings_reads_as_paragraphs_and_a_bold_listing_keeps_its_lines(
        tmp_path: Path):
    # zlib's usage example sets its prose straight in the <body>, between listings set in bold
    # (<pre><b>). trafilatura split the prose at each inline element ("The <em>zlib</em> format"
    # read "The\n\n*zlib*format") and wrapped each listing in Markdown's "**", which stood in the text
    # with the listing's lines run together.
    page = tmp_path / "zlib_how.html"
    page.write_text(
        '<html><head><title>zlib Usage Example</title></head><body bgcolor="#FFFFFF">'
        '<h2 align="center"> zlib Usage Example </h2>We often get questions about how the <tt>deflate()</tt> and '
        "<tt>inflate()</tt> functions should be used. Users wonder when they should provide more input and when "
        "they should use more output.\n<pre><b>\n#define CHUNK 16384\n</b></pre><!-- -->\nThe output data will be in "
        "the <em>zlib</em> format, which is different from the <em>gzip</em> or <em>zip</em> formats. The "
        "<tt>strm</tt> structure is used to pass information to and from the <em>zlib</em> routines.\n"
        "<pre><b>\n    strm.avail_out = CHUNK;\n    strm.next_out = out;\n</b></pre><!-- -->\n"
        "Now we call the compression engine itself, <tt>deflate()</tt>.\n</body></html>")
    text = load_file(page, "zlib_how.html")[0].text
    assert "The output data will be in the zlib format, which is different from the gzip or zip formats." in text, text
    assert "The strm structure is used to pass information" in text, text
    assert "strm.avail_out = CHUNK;\n" in text and "**" not in text, text


def test_a_programs_comment_in_a_bare_pre_is_no_heading(tmp_path: Path):
    # Valgrind's manual shows a file format in a <pre> without <code>; trafilatura wrote it as plain
    # lines, so "# define file ID mapping" read as a Markdown heading and opened a section. Signatures
    # in <pre>s side by side (libxslt's pages) are code blocks apart: the heading after them holds.
    intro = "The callgrind format is a text format that profiling tools write and visualisation tools read. " * 3
    page = tmp_path / "cl-format.html"
    page.write_text(
        f"<html><head><title>Callgrind Format</title></head><body><h1>Callgrind Format</h1><p>{intro}</p>"
        '<h2>Name Compression</h2><p>The example above can also be written with compressed names:</p>'
        '<pre class="screen"># callgrind format\nevents: Instructions\n\n# define file ID mapping\nfl=(1) file1.c\n</pre>'
        "<p>Each name is given once and referred to by its number afterwards, which keeps the files small.</p>"
        '<pre class="programlisting">int xsltAddKey (xsltStylesheetPtr style);</pre>\n'
        '<pre class="programlisting">void xsltFreeKeys (xsltStylesheetPtr style);</pre>'
        "<h2>Reference</h2><p>The grammar of the format follows, one production a line, with its terminals.</p>"
        "</body></html>")
    doc, _ = load_file(page, "cl-format.html")
    assert [s.path for s in doc.sections] == [("Name Compression",), ("Reference",)], doc.sections
    assert "# define file ID mapping" in doc.text.split("\n")
    assert doc.section_at(doc.text.index("Each name is given once")) == ("Name Compression",)


def test_a_terminal_session_of_several_code_elements_reads_as_one_listing(tmp_path: Path):
    # DocBook's "screen": the prompt, the typed command (in <strong>) and the output are each a
    # <code> of one <pre>. Read apart, "#" stood on a line of its own, the command in a paragraph
    # of its own, and the output's comment "# Translated by ..." opened a section.
    intro = "Whole rule sets can be translated; here we migrate the rules of a computer which has Docker installed. " * 2
    page = tmp_path / "firewall.html"
    page.write_text(
        f"<html><head><title>Firewall</title></head><body><h1>Firewall</h1><h2>Moving to nftables</h2><p>{intro}</p>"
        '<pre class="screen"><code class="computeroutput"># </code><strong class="userinput"><code>'
        'iptables-restore-translate -f rules.txt\n</code></strong><code class="computeroutput">\n'
        "# Translated by iptables-restore-translate v1.8.7\nadd table ip filter\n</code></pre>"
        "<p>The translated rules can then be loaded with the nft command, one table after another.</p>"
        "<h2>Syntax of nft</h2><p>The nft command reads rules much as the iptables commands did, in its own words.</p>"
        "</body></html>")
    doc, _ = load_file(page, "firewall.html")
    assert [s.path for s in doc.sections] == [("Moving to nftables",), ("Syntax of nft",)], doc.sections
    lines = doc.text.split("\n")
    assert "# iptables-restore-translate -f rules.txt" in lines, doc.text
    assert "# Translated by iptables-restore-translate v1.8.7" in lines and "#" not in lines, doc.text


def test_headings_with_an_anchor_closed_in_its_own_tag_are_sections(tmp_path: Path):
    # DocBook's XHTML writes each heading's anchor as '<a id="..."/>'. Read as HTML, that opens a
    # link around the heading's words, and trafilatura left the headings out as links: a chapter of
    # a manual had no sections.
    para = "<p>The hostname resolution is supported by the name service switch mechanism on the system.</p>"
    page = tmp_path / "ch05.html"
    page.write_text(
        "<title>Chapter 5. Network setup</title><body><div>"
        '<h2 class="title"><a id="_basic"/>5.1. The basic network infrastructure</h2></div>'
        "<p>Let's review the basic network infrastructure on the modern Debian system.</p>"
        '<div><h3 class="title"><a id="_hostname"/>5.1.1. The hostname resolution</h3></div>' + para + "</body>")
    doc, _ = load_file(page, "ch05.html")
    assert [s.path for s in doc.sections] == [("5.1. The basic network infrastructure",), (
        "5.1. The basic network infrastructure", "5.1.1. The hostname resolution")], doc.sections


def test_an_admonitions_icon_cell_leaves_no_bar_before_its_words(tmp_path: Path):
    # DocBook sets a "Tip" as a table: an icon cell spanning two rows, the label, then the text.
    # Its rows read "| Tip" and "| For modern ...": an empty cell before the first word is no text.
    page = tmp_path / "ch05.html"
    page.write_text(
        "<html><head><title>Network setup</title></head><body><h1>Network setup</h1>"
        "<p>Let's review the basic network infrastructure on the modern Debian system, step by step.</p>"
        '<div class="tip"><table border="0" summary="Tip"><tr><td rowspan="2"><img alt="[Tip]" src="tip.png"/></td>'
        '<th align="left">Tip</th></tr><tr><td><p>For a guide to the networking, read the handbook.</p></td></tr></table></div>'
        "<p>The hostname resolution is supported by the name service switch mechanism.</p></body></html>")
    lines = load_file(page, "ch05.html")[0].text.split("\n")
    assert "Tip" in lines and "For a guide to the networking, read the handbook." in lines, lines


def test_a_wikis_edit_link_between_bracket_spans_is_no_part_of_its_heading(tmp_path: Path):
    # A wiki sets "[edit]" after each heading as a link between two spans holding the brackets;
    # the sections read "Medical uses[edit]" and "Medical uses[edit] › Jet lag[edit]".
    def heading(level: int, name: str) -> str:
        return (f'<h{level}><span class="mw-headline">{name}</span><span class="mw-editsection"><span class="mw-editsection-bracket">'
                f'[</span><a href="/w/index.php?action=edit" title="Edit section: {name}">edit</a>'
                f'<span class="mw-editsection-bracket">]</span></span></h{level}>')

    para = "<p>Melatonin taken close to the target bedtime decreases jet lag after flights over five time zones.</p>"
    page = tmp_path / "melatonin.html"
    page.write_text("<html><head><title>Melatonin - Wikipedia</title></head><body><main><h1>Melatonin</h1>" + para
                    + heading(2, "Medical uses") + heading(3, "Jet lag") + para + "</main></body></html>")
    doc, _ = load_file(page, "melatonin.html")
    assert [s.path for s in doc.sections] == [("Medical uses",), ("Medical uses", "Jet lag")], doc.sections
    assert "edit" not in doc.text, doc.text


def test_a_wikis_heading_in_its_own_box_beside_its_edit_link_opens_a_section(tmp_path: Path):
    # MediaWiki since 2024 sets each heading in a box of its own with the "[edit]" link after it,
    # outside the heading: trafilatura left every such heading out (a box of a heading and a link)
    # or the heading became the box's bold label, and the article had no sections at all.  Its
    # reference list opens each entry with links back to where it is cited ("^ a b").
    def heading(level: int, name: str) -> str:
        return (f'<div class="mw-heading mw-heading{level}"><h{level} id="{name}">{name}</h{level}><span class="mw-editsection">'
                f'<span class="mw-editsection-bracket">[</span><a href="/w/index.php?action=edit"><span>edit</span></a>'
                f'<span class="mw-editsection-bracket">]</span></span></div>')

    para = "<p>Lithium is used primarily for bipolar disorder, where it reduces the risk of manic episodes.</p>"
    page = tmp_path / "lithium.html"
    page.write_text('<html><head><title>Lithium - Wikipedia</title></head><body><main><h1>Lithium</h1>' + para
                    + heading(2, "Medical uses") + heading(3, "Bipolar disorder") + para + heading(2, "Toxicity")
                    + "<p>Levels above 1.5 mmol/L often cause toxicity, with confusion, coarse tremor and vomiting.</p>"
                    + heading(2, "References") + '<ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink">^ '
                    '<a href="#cite_ref-1a"><sup><i><b>a</b></i></sup></a> <a href="#cite_ref-1b"><sup><i><b>b</b></i></sup></a>'
                    '</span> <span class="reference-text">Malhi GS (2013). "Lithium in bipolar disorder". CNS Drugs. 27: 135-53.'
                    "</span></li></ol></main></body></html>")
    doc, _ = load_file(page, "lithium.html")
    assert [s.path for s in doc.sections] == [("Medical uses",), ("Medical uses", "Bipolar disorder"), ("Toxicity",),
                                              ("References",)], doc.sections
    assert "edit" not in doc.text and "^" not in doc.text and "1. Malhi GS (2013)" in doc.text, doc.text


def test_a_pages_footnotes_at_its_end_are_kept_without_their_back_links(tmp_path: Path):
    # pandoc's HTML sets a document's footnotes in <section class="footnotes" role="doc-endnotes">;
    # trafilatura left them out, and a question about what the counts include had no answer.
    page = tmp_path / "report.html"
    page.write_text(
        "<html><head><title>Annual report</title></head><body><main><h1>Annual report</h1>"
        '<p>The clinic saw 1,240 new patients in 2024, an increase of 18% on the year before.<a href="#fn1" '
        'class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a> Most came from general practice.</p>'
        '<section class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr /><ol>'
        '<li id="fn1" role="doc-endnote"><p>Counts include patients seen in the satellite clinic from June onwards.'
        '<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section></main></body></html>')
    text = load_file(page, "report.html")[0].text
    assert "Counts include patients seen in the satellite clinic from June onwards." in text, text
    assert "↩" not in text, text


def test_a_paragraph_opened_by_an_icon_keeps_its_words(tmp_path: Path):
    # trafilatura leaves out an empty inline element with the words after it, or the paragraph it
    # opens: an icon font's <i class="fa fa-warning"></i> before a warning lost the warning, and a
    # DocBook manual's warning image in a <span> took "The password for this user" with it, the
    # rest of its sentence read onto the paragraph above.
    page = tmp_path / "leaflet.html"
    page.write_text(
        "<html><head><title>Sleep tablets</title></head><body><main><h1>Sleep tablets</h1>"
        "<p>Take one tablet at night, shortly before you go to bed, with a glass of water.</p>"
        '<p><i class="fa fa-warning"></i> Do not drive the morning after taking a tablet.</p>'
        "<p>You will be asked to create an account for the clinic's booking system.</p>"
        '<p><span class="inlinemediaobject"><img src="alert.png" /></span> The password for this user '
        "<strong>must</strong> have at least 8 characters.</p></main></body></html>")
    text = load_file(page, "leaflet.html")[0].text
    assert "\nDo not drive the morning after taking a tablet." in text, text
    assert "booking system.\n\nThe password for this user must have at least 8 characters." in text, text


def test_an_inline_element_holding_only_a_space_keeps_it(tmp_path: Path):
    # Sphinx sets the spaces of a signature and of a highlighted code block in spans of their own
    # (<span class="w"> </span>): dropped as empty, "classmethod" and "date.today()" ran together
    # ("*classmethod*date.today()", the emphasis marks left), and so did a command's words
    # ("$ pythonprog.py-h").
    page = tmp_path / "datetime.html"
    page.write_text(
        '<html><head><title>datetime</title></head><body><div role="main"><h1>datetime</h1>'
        '<p>Other constructors, all class methods:</p><dl class="py method"><dt class="sig sig-object py">'
        '<em class="property"><span class="pre">classmethod</span><span class="w"> </span></em>'
        '<span class="sig-prename descclassname"><span class="pre">date.</span></span><span class="sig-name descname">'
        '<span class="pre">today</span></span><span class="sig-paren">(</span><span class="sig-paren">)</span></dt>'
        '<dd><p>Return the current local date.</p></dd></dl><p>Run the script with its help option:</p>'
        '<div class="highlight-shell-session notranslate"><div class="highlight"><pre><span></span>'
        '<span class="gp">$ </span>python<span class="w"> </span>prog.py<span class="w"> </span>-h\n</pre></div></div>'
        '</div></body></html>')
    text = load_file(page, "datetime.html")[0].text
    assert "classmethod date.today(): Return the current local date." in text, text
    assert "$ python prog.py -h" in text, text


def test_a_doxygen_page_is_named_by_its_title_block_and_keeps_its_listings(tmp_path: Path):
    # Doxygen writes the site's name in <title> on every page and the page's own in a
    # <div class="title">; each function a listing calls is a link marked class="code", and
    # trafilatura left out every listing line that opened with one.
    page = tmp_path / "designated.html"
    page.write_text(
        '<html><head><title>Apophenia: a library for scientific computing</title></head><body>'
        '<div id="titlearea"><h2><a href="http://apophenia.info">Apophenia</a></h2></div>'
        '<div class="header"><div class="headertitle"><div class="title">Designated initializers</div></div></div>'
        '<div class="contents"><div class="textblock"><p>Functions so marked use standard C designated initializers to '
        'let you omit, name or reorder their inputs. The following examples are all equivalent.</p>'
        '<p>The standard format: </p><div class="fragment"><div class="line"><a class="code" href="group__all.html#ga1">'
        'apop_text_to_db</a>(<span class="stringliteral">&quot;infile.txt&quot;</span>, <span class="stringliteral">'
        '&quot;intable&quot;</span>, 0, 1, NULL);</div></div><p>Omitted arguments are left at their default values: </p>'
        '<div class="fragment"><div class="line"><a class="code" href="group__all.html#ga1">apop_text_to_db</a>('
        '<span class="stringliteral">&quot;infile.txt&quot;</span>, <span class="stringliteral">&quot;intable&quot;</span>);'
        '</div></div></div></div></body></html>')
    doc = load_file(page, "designated.html")[0]
    assert doc.title == "Designated initializers"
    assert 'apop_text_to_db("infile.txt", "intable", 0, 1, NULL);' in doc.text, doc.text
    assert 'apop_text_to_db("infile.txt", "intable");' in doc.text, doc.text


def test_a_sections_header_is_its_heading_and_a_click_label_no_text(tmp_path: Path):
    # RDoc sets each section's heading in a <header> of its own ("Public Class Methods"), which
    # trafilatura left out with the page's banner, and writes "click to toggle source" after each
    # method's signature.
    page = tmp_path / "Asciidoctor.html"
    page.write_text(
        '<html><head><title>module Asciidoctor - RDoc Documentation</title></head><body><main role="main">'
        '<h1 class="module">module Asciidoctor</h1><section class="description"><p>Public: The main application interface '
        '(API) for Asciidoctor. This API provides methods to parse AsciiDoc content and convert it.</p></section>'
        '<section class="public-class-method-details"><header><h3>Public Class Methods</h3></header>'
        '<div class="method-detail"><div class="method-heading"><span class="method-name">load_file</span>'
        '<span class="method-args">(filename, options = {})</span><span class="method-click-advice">click to toggle '
        'source</span></div><div class="method-description"><p>Public: Parse the contents of the AsciiDoc source file '
        'into an Asciidoctor::Document.</p></div></div></section></main></body></html>')
    doc = load_file(page, "Asciidoctor.html")[0]
    assert ("Public Class Methods",) in {s.path for s in doc.sections}, doc.sections
    assert "load_file(filename, options = {})\n" in doc.text and "click to toggle" not in doc.text, doc.text


def test_a_named_anchor_holding_a_space_takes_no_text_with_it(tmp_path: Path):
    # man2html ends each section's text with an anchor to the next, `<A NAME="lbAC">&nbsp;</A>`:
    # weighed as a link, it took a manual page's one-line NAME with it.
    page = tmp_path / "bash.html"
    page.write_text(
        'Content-type: text/html; charset=UTF-8\n\n<HTML><HEAD><TITLE>Man page of BASH</TITLE></HEAD><BODY>\n'
        '<H1>BASH</H1>\n<A NAME="lbAB">&nbsp;</A>\n<H2>NAME</H2>\n\nbash - GNU Bourne-Again SHell\n'
        '<A NAME="lbAC">&nbsp;</A>\n<H2>SYNOPSIS</H2>\n\n<B>bash</B>\n\n[options]\n[command_string | file]\n'
        '<A NAME="lbAD">&nbsp;</A>\n<H2>DESCRIPTION</H2>\n\n<B>Bash</B>\n\nis an <B>sh</B>-compatible command language '
        'interpreter that executes commands read from the standard input or from a file.\n</BODY></HTML>\n')
    text = load_file(page, "bash.html")[0].text
    assert "NAME\n\nbash - GNU Bourne-Again SHell\n\nSYNOPSIS" in text, text


def test_a_one_line_display_inside_a_sentence_is_read_in_it(tmp_path: Path):
    # DocBook sets a `<screen>` inside a paragraph, which its HTML writes as a paragraph, a <pre> and
    # a paragraph: "In order to obtain more information about the network hardware" was a sentence
    # of its own, the command apart and "can be used." alone. A display between a paragraph stopped
    # mid-sentence and one going on in lower case is read in the sentence; one that ends its
    # paragraph, a short label over a listing ("Example") and a lead-in ending in a colon keep their
    # listing apart.
    page = tmp_path / "router.html"
    page.write_text(
        "<html><head><title>Router</title></head><body><main><h1>Router</h1>"
        "<p>The interfaces may already be connected to their networks, but they do not have to be.</p>"
        "<p>In order to obtain more information about the network hardware\n</p><pre class=\"screen\">lshw -class network</pre>"
        "<p>can be used.\n</p><p>Then un-configure the two interfaces to be used by running\n</p>"
        "<pre class=\"screen\">ip addr flush &lt;interface&gt;</pre><p>The configuration is then started.</p>"
        "<p>Example</p><pre>uif --check</pre><p>The firewall is set up with the following command:</p>"
        "<pre>dpkg-reconfigure uif</pre></main></body></html>")
    text = load_file(page, "router.html")[0].text
    assert "In order to obtain more information about the network hardware lshw -class network can be used.\n" in text, text
    assert "\nThen un-configure the two interfaces to be used by running\n\nip addr flush <interface>\n\nThe configuration" in text, text
    assert "\nExample\n" in text and "\nuif --check\n" in text and "command:\n\ndpkg-reconfigure uif" in text, text


def test_a_books_boxed_sidebar_of_prose_is_read_and_a_sites_sidebar_of_links_is_not(tmp_path: Path):
    # DocBook (the Debian Administrator's Handbook) sets its "BACK TO BASICS" and "NOTE" boxes in
    # <div class="sidebar">, which trafilatura leaves out by the name: 408 boxes, 47,000 words of
    # the handbook were lost. A site's sidebar of links under the same name stays out.
    box = ('<div class="sidebar"><div class="titlepage"><p class="title"><strong><em>BACK TO BASICS</em> Essential network '
           'concepts</strong></p></div><div class="para">Most modern local networks use the Ethernet protocol, where data is '
           'split into small blocks called frames and transmitted on the wire one frame at a time.</div></div>')
    site = ('<div id="sidebar"><h3>Recent posts</h3><ul>' + "".join(
        f'<li><a href="/p{i}">Post number {i} about networks and their many settings</a></li>' for i in range(6)) + '</ul></div>')
    para = ('<div class="para">If the computer has an Ethernet card, the IP network that is associated with it must be '
            'configured by choosing from one of two methods.</div>')
    page = tmp_path / "network.html"
    page.write_text("<html><head><title>8.2. Configuring the Network</title></head><body><div class=\"section\">"
                    "<h2>8.2. Configuring the Network</h2>" + para + box + para + "</div>" + site + "</body></html>")
    text = load_file(page, "network.html")[0].text
    assert "data is split into small blocks called frames" in text, text
    assert "Post number" not in text, text


def test_notes_and_warnings_written_as_asides_in_mid_text_are_read_and_an_articles_closing_asides_are_not(tmp_path: Path):
    # docutils writes a reStructuredText document's notes, warnings, topics and sidebars as
    # <aside> elements, which trafilatura leaves out whatever they hold: the warning about rebound
    # insomnia was lost. An article's related links and its author's note after the last paragraph
    # stay out.
    page = tmp_path / "sleep.html"
    page.write_text(
        "<html><head><title>Sleep guide</title></head><body><main><h1>Sleep guide</h1>"
        "<p>Insomnia is common in adults and often follows a stressful event in their lives.</p>"
        '<aside class="sidebar"><p class="sidebar-title">Melatonin in brief</p><p>Melatonin is a hormone that the body '
        "releases in the evening, and a modified-release tablet is licensed for adults aged 55 and over.</p></aside>"
        '<aside class="admonition warning"><p class="admonition-title">Warning</p><p>Stopping a hypnotic abruptly after '
        "long use can cause rebound insomnia, so the dose should be reduced gradually.</p></aside>"
        "<p>Cognitive behavioural therapy is the first-line treatment for chronic insomnia in adults.</p>"
        '<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Why you wake up at 3am</a></li>'
        '<li><a href="/b">Five foods that may help you sleep</a></li></ul></aside>'
        '<aside class="bio"><p>Jane Doe is a sleep physiologist who has written about insomnia for twenty years and '
        "lives in Leeds with her two cats.</p></aside></main></body></html>")
    text = load_file(page, "sleep.html")[0].text
    assert "Stopping a hypnotic abruptly after long use can cause rebound insomnia" in text, text
    assert "Melatonin in brief" in text and "a modified-release tablet is licensed for adults aged 55" in text, text
    assert "Related stories" not in text and "Jane Doe" not in text, text


def test_a_note_box_titled_by_a_heading_in_mid_section_is_a_label_and_sections_in_divs_stay_sections(tmp_path: Path):
    # DocBook (the PostgreSQL manual) titles a note box with a heading: <div class="note"><h3>Note</h3>.
    # It opened a section, and the manual's next section was read under it ("Note › 9.16.2.3. ...").
    # Sections written as <div>s, each opened by its heading, stay sections.
    page = tmp_path / "json.html"
    page.write_text(
        "<html><head><title>JSON Functions</title></head><body><div class=\"sect2\"><h2>9.16.2. The SQL/JSON Path Language</h2>"
        "<p>SQL/JSON path expressions specify the items to be retrieved from the JSON data.</p>"
        "<div class=\"note\"><h3 class=\"title\">Note</h3><p>The extraction operators return NULL rather than failing when "
        "the input does not have the right structure.</p></div>"
        "<p>Some further operators exist only for jsonb, as the next table shows.</p>"
        "<div class=\"sect3\"><h3>9.16.2.3. SQL/JSON Regular Expressions</h3><p>SQL/JSON path expressions allow matching "
        "text to a regular expression with the like_regex filter.</p></div></div>"
        "<div><h2>9.16.3. Other Functions</h2><p>These functions work on both json and jsonb values alike.</p></div>"
        "<div><h2>9.16.4. Examples</h2><p>Each example below uses a small table of orders.</p></div></body></html>")
    doc = load_file(page, "json.html")[0]
    assert [s.path for s in doc.sections] == [
        ("9.16.2. The SQL/JSON Path Language",), ("9.16.2. The SQL/JSON Path Language", "9.16.2.3. SQL/JSON Regular Expressions"),
        ("9.16.3. Other Functions",), ("9.16.4. Examples",)], doc.sections
    assert "Note\nThe extraction operators return NULL" in doc.text or "Note\n\nThe extraction operators return NULL" in doc.text, doc.text


def test_an_example_after_empty_index_anchors_is_read(tmp_path: Path):
    # DocBook puts index terms as anchors with no text (<a id="..." class="indexterm"></a>) before
    # an example's title and code; trafilatura weighed them as links and left the example out.
    para = ('<div class="para">The simplest method is dynamic configuration with DHCP, and it requires a DHCP server on '
            'the local network.</div>')
    example = ('<div class="example"><a id="example.config-dhcp"></a><p class="title"><strong>Example 8.1. DHCP '
               'configuration</strong></p><div class="example-contents"><a id="id-1.11" class="indexterm"></a>'
               '<pre class="programlisting">auto enp0s31f6\niface enp0s31f6 inet dhcp\n  hostname arrakis\n</pre></div></div>')
    page = tmp_path / "network.html"
    page.write_text("<html><head><title>Ethernet</title></head><body><div class=\"section\"><h3>8.2.1. Ethernet Interface</h3>"
                    + para + example + para + "</div></body></html>")
    text = load_file(page, "network.html")[0].text
    assert "Example 8.1. DHCP configuration" in text and "iface enp0s31f6 inet dhcp" in text, text

def test_html_title_drops_the_site_name_when_the_page_has_no_h1_of_its_own(tmp_path: Path):

    # Node's API pages: the only h1 is the site's name in a page header (left out as furniture),
    # the page's own name is its first h2 and the <title> is "page | site".
    page = tmp_path / "fs.html"
    page.write_text(
        "<html><head><title>File system | Node.js v20 Documentation</title></head><body>"
        "<header><h1>Node.js v20 documentation</h1></header><main><h2>File system</h2>"
        "<p>The node:fs module enables interacting with the file system in a way modeled on standard "
        "POSIX functions, with callback, synchronous and promise-based forms of every operation.</p>"
        "</main></body></html>")
    assert load_file(page, "fs.html")[0].title == "File system"
    # No heading says which part is the page's: the whole title stays.
    page.write_text("<html><head><title>Notes | Lab</title></head><body><p>Sleep &amp; memory.</p></body></html>")
    assert load_file(page, "fs.html")[0].title == "Notes | Lab"


def test_html_faq_questions_in_summaries_and_accordion_buttons_stay_with_their_answers(tmp_path: Path):
    # A clinic's FAQ in the three ways sites set one: a <details>' <summary> (one with an <h3>
    # inside), a Bootstrap accordion (the question a <button> inside an <h2>) and a disclosure
    # widget (a bare <button aria-expanded>). trafilatura writes a summary as a heading, so the
    # one holding an <h3> came out as "## ### Do you offer ...", words with "###" in them and no
    # section; and it leaves buttons out, so those answers stood without their questions. A short
    # toggle ("Show more") is no question and stays out.
    answer = "lasts fifty minutes, and the first assessment of every new patient takes ninety minutes.</p>"
    page = tmp_path / "faq.html"
    page.write_text(
        "<html><head><title>Clinic FAQ</title></head><body><main><h1>Frequently asked questions</h1>"
        "<p>Answers to the questions patients ask us most often about appointments and therapy sessions.</p>"
        f"<details><summary>How long is a therapy session?</summary><p>A standard therapy session {answer}</details>"
        f"<details open><summary><h3>Do you offer online sessions?</h3></summary><p>A video session {answer}</details>"
        "<div class='accordion-item'><h2 class='accordion-header'><button class='accordion-button' type='button' "
        "data-bs-toggle='collapse' data-bs-target='#c1'>How long is a group session?</button></h2><div id='c1' "
        f"class='accordion-collapse collapse show'><div class='accordion-body'><p>A group session {answer}</div></div></div>"
        "<div class='faq-item'><button class='faq-question' aria-expanded='false'>How long is a family session?"
        f"</button><div class='faq-answer' hidden><p>A family session {answer}</div></div>"
        "<button aria-expanded='false'>Show more</button></main></body></html>")
    doc, _ = load_file(page, "faq.html")
    assert "#" not in doc.text and "Show more" not in doc.text, doc.text
    assert doc.section_at(doc.text.index("A standard therapy")) == ("How long is a therapy session?",)
    assert doc.section_at(doc.text.index("A video session")) == ("Do you offer online sessions?",)
    assert doc.section_at(doc.text.index("A group session")) == ("How long is a group session?",)
    assert "How long is a family session?\n\nA family session" in doc.text, doc.text
    # a button beside a heading's own text is an action on it, not its words (rustdoc's "Copy item
    # path" had ended 192 of 727 pages' titles: "Constant STDERR Copy item path")
    page.write_text("<html><head><title>STDERR in std</title></head><body><main><h1>Constant <span>STDERR</span>&nbsp;"
                    "<button id='copy-path' title='Copy item path to clipboard'>Copy item path</button></h1>"
                    "<details class='toggle top-doc' open><summary class='hideme'><span>Expand description</span>"
                    "</summary><div class='docblock'><p>The file descriptor of the standard error stream, which a "
                    "process writes its errors to.</p></div></details></main></body></html>")
    doc, _ = load_file(page, "stderr.html")
    assert doc.title == "Constant STDERR" and "Copy item path" not in doc.text, (doc.title, doc.text)
    # a summary that only says what clicking it does is a control's label, not a section's heading
    assert "Expand description" not in doc.text and not doc.sections and "standard error stream" in doc.text


def test_html_summaries_head_their_answers_a_level_under_the_heading_they_stand_under(tmp_path: Path):
    # trafilatura writes every <summary> as a second-level heading: an FAQ under "Booking › Online
    # sessions" became a section beside "Booking", and CMake's tutorial's "TODO 1: Click to
    # show/hide answer" one beside each exercise, the words of a control in it. A summary after a
    # closed disclosure stands at the same level, not under the one before.
    page = tmp_path / "help.html"
    prose = "Sessions are booked through the front desk or the online form on the booking page of the site."
    page.write_text(
        "<html><head><title>Clinic help</title></head><body><main><h1>Clinic help</h1>"
        f"<p>{prose}</p><h2>Booking</h2><p>{prose}</p><h3>Online sessions</h3><p>{prose}</p>"
        "<details><summary>Do you offer evening sessions?</summary><p>Yes, on Tuesdays and Thursdays until eight in "
        "the evening, by appointment.</p></details>"
        "<details><summary>TODO 2: Click to show/hide answer</summary><pre>project(Tutorial)</pre></details>"
        f"<h2>Payment</h2><p>{prose}</p></main></body></html>")
    doc, _ = load_file(page, "help.html")
    assert doc.section_at(doc.text.index("Yes, on Tuesdays")) == ("Booking", "Online sessions", "Do you offer evening sessions?")
    assert doc.section_at(doc.text.index("project(Tutorial)")) == ("Booking", "Online sessions", "TODO 2")
    assert "Click" not in doc.text, doc.text


def test_html_api_pages_keep_method_headers_examples_and_short_descriptions(tmp_path: Path):
    # An API reference as rustdoc writes one: each method's signature in a <summary>, every name in
    # it a link, beside a "Source" link off the page; each example with an empty "Run code" link;
    # a short description whose one name in code links to its page. trafilatura weighed all those
    # links: it left out signatures (their methods' text then read under the one before), examples
    # and the description. The signature heads its method's section, without "Source" or its
    # permalink "§", and with its types in brackets, which are no "[src]" link.
    def method(name: str, sig: str, doc: str, example: str) -> str:
        return (f"<details class='toggle method-toggle' open><summary><section id='method.{name}' class='method'>"
                "<span class='rightside'><span class='since'>1.0.0</span> · <a class='src' href='../src/vec.rs.html#9'>"
                f"Source</a></span><a href='#method.{name}' class='anchor'>§</a><h4 class='code-header'>pub fn "
                f"<a href='#method.{name}' class='fn'>{name}</a>"
                f"(&amp;mut self, {sig})</h4></section></summary><div class='docblock'><p>{doc}</p>"
                "<h5 id='examples'>Examples</h5><div class='example-wrap'><pre class='rust'><code>"
                f"{example}</code></pre><a class='test-arrow' href='https://play.example.org/?code=fn+main()'></a></div>"
                "</div></details>")
    page = tmp_path / "struct.Queue.html"
    page.write_text(
        "<html><head><title>Queue in queues - Rust</title></head><body><nav class='sidebar'><ul>"
        "<li><a href='#method.push'>push</a></li><li><a href='#method.truncate'>truncate</a></li></ul></nav>"
        "<main><h1>Struct <span>Queue</span></h1><details class='toggle top-doc' open><summary class='hideme'>"
        "<span>Expand description</span></summary><div class='docblock'><p>A queue of jobs, returned by "
        "<a href='struct.Pool.html#method.queue' title='method queues::Pool::queue'><code>Pool::queue</code></a> "
        "method.</p></div></details><h2>Implementations</h2>"
        + method("push", "job: <a href='struct.Job.html'>Job</a>, tag: <a href='primitive.array.html'>[u8; 4]</a>",
                 "Appends a job to the back of the queue, after every job already waiting in it.",
                 "let mut q = Queue::new();\nq.push(job);")
        + method("truncate", "len: <a href='primitive.usize.html'>usize</a>", "Shortens the queue, keeping the first "
                 "len jobs and dropping the rest.", "q.truncate(2);\nassert_eq!(q.len(), 2);")
        + "</main></body></html>")
    doc, _ = load_file(page, "struct.Queue.html")
    assert "A queue of jobs, returned by Pool::queue method." in doc.text, doc.text
    assert "q.truncate(2);" in doc.text and "q.push(job);" in doc.text, doc.text
    assert "Source" not in doc.text and "§" not in doc.text, doc.text
    # each method under the heading its summary stands under
    assert doc.section_at(doc.text.index("Shortens the queue")) == ("Implementations", "1.0.0 · pub fn truncate(&mut self, len: usize)")
    assert doc.section_at(doc.text.index("Appends a job")) == ("Implementations", "1.0.0 · pub fn push(&mut self, job: Job, tag: [u8; 4])")


def test_html_table_of_contents_heading_is_not_the_parent_of_every_section(tmp_path: Path):
    # npm's pages: an h2 over a list of links into the page itself, then the h3 sections. The
    # list is navigation (left out); its heading must not head the sections. A heading over
    # words besides its links is a section of its own.
    prose = "This command installs a project with a clean slate, removing any existing node_modules first. "
    page = tmp_path / "npm-ci.html"
    page.write_text(
        "<html><head><title>npm-ci</title></head><body><main><h1>npm-ci</h1>"
        "<h2>On this page</h2><div><ul><li><a href='#synopsis'>Synopsis</a></li>"
        "<li><a href='#description'>Description</a></li><li><a href='#see-also'>See also</a></li></ul></div>"
        f"<h3 id='synopsis'>Synopsis</h3><p>{prose}</p><h3 id='description'>Description</h3><p>{prose * 2}</p>"
        "<h3 id='see-also'>See also</h3><p>The commands that install, list and prune packages:</p><ul>"
        "<li><a href='#install'>npm install</a></li><li><a href='#ls'>npm ls</a></li>"
        "<li><a href='#prune'>npm prune</a></li></ul>"
        "</main></body></html>")
    doc, _ = load_file(page, "npm-ci.html")
    assert "On this page" not in doc.text
    assert doc.section_at(doc.text.index("This command")) == ("Synopsis",)
    assert [s.path for s in doc.sections][-1] == ("See also",)


def test_a_class_references_member_rows_with_template_types_are_kept(tmp_path: Path):
    # Doxygen's member table: "RTop (const Mat33< T > &r)" holds " > " and was dropped as a
    # breadcrumb trail ("Home > Products > Shoes"); each constructor's row stood without its
    # signature, its description alone ("constructor: from rotation").
    def row(left: str, right: str, doc: str) -> str:
        return (f'<tr class="memitem"><td class="memItemLeft">{left}&#160;</td><td class="memItemRight">{right}</td></tr>'
                f'<tr class="memdesc"><td class="mdescLeft">&#160;</td><td class="mdescRight">{doc}<br /></td></tr>')
    page = tmp_path / "classRTop.html"
    page.write_text(
        '<html><head><title>clipper: clipper::RTop&lt; T &gt; Class Template Reference</title></head><body>'
        '<div class="header"><div class="headertitle"><div class="title">clipper::RTop&lt; T &gt; Class Template Reference'
        '</div></div></div><div class="contents"><p>Rotation-translation operator.</p>'
        '<table class="memberdecls"><tr class="heading"><td colspan="2"><h2>Public Member Functions</h2></td></tr>'
        + row("", '<a class="el" href="#a1">RTop</a> ()', "null constructor")
        + row("", '<a class="el" href="#a2">RTop</a> (const <a class="el" href="m.html">Mat33</a>&lt; T &gt; &amp;r)',
              "constructor: from rotation")
        + row('<a class="el" href="#r">RTop</a>&lt; T &gt;', '<a class="el" href="#a3">inverse</a> () const', "inverse")
        + '</table><p>Home &gt; Classes &gt; RTop</p></div></body></html>')
    doc, _ = load_file(page, "classRTop.html")
    assert "RTop (const Mat33< T > &r)" in doc.text and "inverse () const" in doc.text, doc.text
    assert "Home > Classes" not in doc.text, doc.text


def test_javadoc_descriptions_in_one_item_lists_keep_their_headings_and_paragraphs(tmp_path: Path):
    # Old Javadoc sets a class's description in a one-item list (<ul class="blockList"><li>):
    # trafilatura wrote the item on one line, "### Qualifiers A qualifier may annotate ...", a
    # heading holding the paragraphs after it. A list of words stays a list.
    page = tmp_path / "Inject.html"
    page.write_text(
        '<html><head><title>Inject</title></head><body><div class="contentContainer"><ul class="blockList">'
        '<li class="blockList"><h2 title="Annotation Type Inject">Annotation Type Inject</h2><div class="block">'
        "<p>Identifies injectable constructors, methods, and fields. May apply to static as well as instance members.</p>"
        "<h3>Qualifiers</h3><p>A <a href='Qualifier.html'>qualifier</a> may annotate an injectable field or parameter and, "
        "combined with the type, identify the implementation to inject.</p>"
        "<h3>Injectable Values</h3><p>For a given type T and optional qualifier, an injector must be able to inject a "
        "user-specified class that:</p><ol><li>is assignment compatible with T and</li><li>has an injectable constructor."
        "</li></ol></div></li></ul></div></body></html>")
    doc, _ = load_file(page, "Inject.html")
    assert doc.section_at(doc.text.index("A qualifier may")) == ("Annotation Type Inject", "Qualifiers"), doc.text
    assert "Qualifiers\n\nA qualifier may annotate" in doc.text, doc.text
    assert "1. is assignment compatible with T and\n2. has an injectable constructor." in doc.text, doc.text


def test_a_pages_line_breaks_are_its_own_though_a_capital_follows_a_wordy_line():
    # A page's main content, written as Markdown by trafilatura: a line break there is one the page
    # shows (a sidebar's title over its text). Markdown's rule for a sentence broken before a
    # capital (`test_a_markdown_sentence_broken_before_a_capital_is_one_line`) is for lines a person
    # typed; it had run the Debian handbook's "BACK TO BASICS NFS, a network filesystem" into "NFS
    # is a network filesystem; ...".
    from assistant.ingest.markdown import markdown_text

    shown = "BACK TO BASICS NFS, a network filesystem\nNFS is a network filesystem; under Linux, it allows access to remote files."
    assert markdown_text(shown, typed=False)[0] == shown
    assert markdown_text(shown)[0] == shown.replace("\n", " ")


def test_groff_html_without_a_body_keeps_its_headings_and_a_listings_comments_head_nothing(tmp_path: Path):
    # groff's HTML leaves out <body>, titles each page by its file name and sets a listing as a
    # paragraph with line breaks: trafilatura dropped the page's heading ("14. Macros"), the title
    # was "pic-14.html", and the listing's comment "# Plot a single jumper ..." read as a heading.
    page = tmp_path / "pic-14.html"
    page.write_text(
        '<html><head><title>pic-14.html</title></head><hr>[ <a href="pic-13.html">prev</a> | <a href="pic.html">top</a> ]'
        '<hr><h2>14. Macros\n<a name="14. Macros"></a>\n</h2>'
        '<p style="margin-top: 1em"><font color="#000000">You can define macros in <b>pic</b>, with up to 32 arguments. '
        "This is useful for diagrams with repetitive parts.</font></p>"
        '<p style="margin-left:10%"><font color="#000000"><small>.PS<br>\n# Plot a single jumper in a box, $1 is the '
        "on-off state.<br>\ndefine jumper { [ <br>\nshrinkfactor = 0.8; <br>\nOuter: box invis wid 0.45 ht 1;</small></font></p>"
        "<h3>14.1. Arguments</h3><p>Arguments are substituted for the tokens $1 to $n in the replacement text of the macro.</p>"
        "</html>")
    doc, _ = load_file(page, "pic-14.html")
    assert doc.title == "14. Macros", doc.title
    assert doc.text.index("14. Macros") < doc.text.index("You can define macros"), doc.text
    assert [s.path for s in doc.sections] == [("14.1. Arguments",)], doc.sections


def test_html_short_paragraph_labelling_a_list_of_links_into_the_page_is_left_out_with_it(tmp_path: Path):
    # docutils' "contents" directive (CMake's and many Sphinx pages) labels its list of links with
    # '<p class="topic-title">Contents</p>': trafilatura left the links out and kept "Contents" as
    # a line of the first passage (with five links, as here: fewer, and trafilatura left it out
    # itself). A short paragraph over a list of words (no links) stays.
    links = "".join(f'<li><p><a class="reference internal" href="#{k}-libraries" id="id{i}">{k.title()} Libraries</a></p></li>\n'
                    for i, k in enumerate(("normal", "object", "interface", "imported", "alias"), 2))
    page = tmp_path / "add_library.html"
    page.write_text(
        '<html><head><title>add_library</title></head><body><div class="body" role="main">\n<section id="add-library">\n'
        '<h1><a class="toc-backref" href="#id1">add_library</a><a class="headerlink" href="#add-library">¶</a></h1>\n'
        '<div class="contents topic" id="contents">\n<p class="topic-title">Contents</p>\n<ul class="simple">\n'
        '<li><p><a class="reference internal" href="#add-library" id="id1">add_library</a></p>\n<ul>\n'
        f'{links}</ul>\n</li>\n</ul>\n</div>\n<p>Add a library to the project using the specified source files.</p>\n'
        "<p>Library kinds</p><ul><li>static archives of object files</li><li>shared libraries</li>"
        "<li>modules loaded at run time</li></ul></section></div></body></html>")
    doc, _ = load_file(page, "add_library.html")
    assert doc.text.startswith("add_library\n\nAdd a library to the project"), doc.text
    assert "Library kinds\n\n" in doc.text and "static archives" in doc.text, doc.text
    # the page's heading over the contents and a section's heading stays its title and first line
    # (without the label, it had stood over links alone and gone as the contents' heading)
    page.write_text(page.read_text().replace("<p>Add a library to the project using the specified source files.</p>",
                                             '<section id="normal-libraries"><h2>Normal Libraries</h2><p>Adds a library '
                                             'target called name to be built from the source files listed.</p></section>'))
    doc, _ = load_file(page, "add_library.html")
    assert doc.title == "add_library" and doc.text.startswith("add_library\n\nNormal Libraries\n\n"), (doc.title, doc.text)


def test_html_chapter_over_its_own_sections_contents_is_still_a_section(tmp_path: Path):
    # Texinfo's HTML manuals (R's FAQ) set each chapter's h2 over a list of links to its own
    # sections, then the h3 sections, then the next chapter: taken for a page's contents, "2 R
    # Basics" was left out and its sections stood under "1 Introduction". The page's own contents,
    # an h2 over links before the first chapter, still goes.
    prose = "R is a system for statistical computation and graphics, with a language and a run-time environment. "

    def chapter(n: int, name: str, sections: list[str]) -> str:
        links = "".join(f"<li><a href='#s{n}{k}'>{t}</a></li>" for k, t in enumerate(sections))
        body = "".join(f"<h3 id='s{n}{k}'>{n}.{k + 1} {t}</h3><p>{prose}</p>" for k, t in enumerate(sections))
        return f"<div class='chapter'><h2 class='chapter'>{n} {name}</h2><ul class='section-toc'>{links}</ul>{body}</div>"

    page = tmp_path / "R-FAQ.html"
    page.write_text(
        "<html><head><title>R FAQ</title></head><body><h1>R FAQ</h1><h2 class='contents-heading'>Table of Contents</h2>"
        "<ul><li><a href='#c1'>1 Introduction</a></li><li><a href='#c2'>2 R Basics</a></li><li><a href='#c3'>3 R and S</a></li></ul>"
        + chapter(1, "Introduction", ["Legalese", "Notation", "Feedback"])
        + chapter(2, "R Basics", ["What is R?", "What is CRAN?", "Citing R"])
        + chapter(3, "R and S", ["What is S?", "What is S-PLUS?", "What is R-Forge?"]) + "</body></html>")
    doc, _ = load_file(page, "R-FAQ.html")
    assert "Table of Contents" not in doc.text
    assert doc.section_at(doc.text.index("2.2 What is CRAN?") + 20) == ("2 R Basics", "2.2 What is CRAN?")
    assert ("3 R and S",) in [s.path for s in doc.sections]


def test_markdown_table_of_contents_is_left_out_and_its_heading_heads_no_section(tmp_path: Path):
    # A README's contents (pyenv's, node's): items of nothing but links into the page, one nested,
    # under a heading of its own and a rule. Their words repeat the headings: left out, with the
    # heading, which would otherwise head every section after it. A title over its contents keeps its
    # place; links listed inside an item are that item's words; two links are no table of contents.
    note = tmp_path / "tool.md"
    note.write_text(
        "# Tool\n\nTool switches between versions of an interpreter for each project you work on.\n\n"
        "## Table of Contents\n\n* **[Installation](#installation)**\n  * [Linux](#linux)\n"
        "* [Usage](#usage)\n\n* [Uninstalling](#uninstalling)\n\n----\n\n"
        "## Installation\n\nRun the installer script from the project's page and restart your shell.\n\n"
        "### Linux\n\nThe packages of your distribution may be older than the project's own releases.\n\n"
        "## Usage\n\n* Run one of these, in this order:\n  * [global](#global)\n  * [local](#local)\n"
        "  * [shell](#shell)\n\nSee [Usage](#usage) and [Linux](#linux).\n")
    doc, _ = load_file(note, "tool.md")
    assert doc.title == "Tool"
    assert "Table of Contents" not in doc.text and "Uninstalling" not in doc.text
    assert doc.text.count("Installation") == 1
    assert doc.section_at(doc.text.index("The packages")) == ("Installation", "Linux")
    assert "global\n" in doc.text and "See Usage and Linux." in doc.text

    guide = tmp_path / "guide.md"
    guide.write_text("# Pull requests\n\n* [Setting up](#setting-up)\n* [Step 1: Fork](#step-1-fork)\n"
                     "* [Step 2: Branch](#step-2-branch)\n\n## Setting up\n\nInstall git and clone the "
                     "repository you want to change before anything else.\n")
    doc, _ = load_file(guide, "guide.md")
    assert doc.title == "Pull requests" and "Step 1" not in doc.text
    assert doc.section_at(doc.text.index("Install git")) == ("Setting up",)


def test_a_heading_inside_a_definition_labels_its_box_and_heads_no_section(tmp_path: Path):
    # A DocBook man page (xsltproc's): an option's description holds a "Note" box with an h3. As a
    # section it headed every option after it; it is the box's label.
    page = tmp_path / "tool.html"
    page.write_text(
        "<html><head><title>tool</title></head><body><h1>tool</h1><h2>OPTIONS</h2><dl>"
        "<dt>-o FILE</dt><dd><p>Direct output to the given file instead of the standard output stream.</p>"
        "<div class='note'><h3 class='title'>Note</h3><p>The directory that holds the file must already "
        "exist.</p></div></dd>"
        "<dt>--param NAME VALUE</dt><dd><p>Pass a parameter of the given name and value to the stylesheet.</p></dd>"
        "</dl><h2>ENVIRONMENT</h2><p>The search path is read from the environment variable when it is "
        "set.</p></body></html>")
    doc, _ = load_file(page, "tool.html")
    assert [s.path for s in doc.sections] == [("OPTIONS",), ("ENVIRONMENT",)]
    assert doc.section_at(doc.text.index("Pass a parameter")) == ("OPTIONS",)
    assert "Note" in doc.text and "must already exist" in doc.text


def test_html_code_keeps_its_indentation(tmp_path: Path):
    # Python's blocks are nested by their indent: flattened, the example means something else.
    page = tmp_path / "example.html"
    page.write_text("<html><body><main><h1>Example</h1><p>The function returns one when its argument is "
                    "true and zero otherwise, as the example shows.</p><pre><code>def f(x):\n    if x:\n"
                    "        return 1\n    return 0\n</code></pre></main></body></html>")
    doc, _ = load_file(page, "example.html")
    assert "def f(x):\n    if x:\n        return 1\n    return 0" in doc.text


def test_html_figures_keep_their_code_listing_and_caption(tmp_path: Path):
    # A book's code listing and an article's figure caption are each set in a <figure>, which
    # trafilatura leaves out whole.
    page = tmp_path / "errors.html"
    page.write_text("<html><body><main><h1>Errors</h1><p>Listing 9-6 shows a function that reads a username "
                    "from a file and returns its errors to the caller.</p><figure class='listing'>"
                    "<span class='file-name'>Filename: src/main.rs</span><pre><code>fn read_username() {\n"
                    "    let f = File::open(\"hello.txt\");\n}</code></pre><figcaption>Listing 9-6: A function "
                    "that returns errors to the calling code</figcaption></figure><p>The function can be written "
                    "in a much shorter way, as the next section shows.</p><figure><img src='scan.png'>"
                    "<figcaption>Figure 2: Hippocampal volume before and after eight weeks of training."
                    "</figcaption></figure></main></body></html>")
    doc, _ = load_file(page, "errors.html")
    for kept in ("Filename: src/main.rs", 'fn read_username() {\n    let f = File::open("hello.txt");\n}',
                 "Listing 9-6: A function that returns errors to the calling code",
                 "Figure 2: Hippocampal volume before and after eight weeks of training."):
        assert kept in doc.text, kept


def test_an_older_manuals_heading_with_a_line_break_and_signatures_set_in_tables_read_as_shown(tmp_path: Path):
    # LaTeX2HTML (Python's documentation of the 2000s): a line break in the heading after its
    # anchors, and each method's signature set as a one-row table in the term of a definition list.
    page = tmp_path / "cache-objects.html"
    page.write_text("<html><head><title>1.1.2 Cache Objects</title></head><body><h2><a name='cache'></a>\n<br>\n"
                    "1.1.2 Cache Objects\n</h2>\n<p>If you wish to supply your own caching implementation then "
                    "you will need to pass in an object that supports the following methods.\n<p>\n"
                    "<dl><dt><table cellpadding='0' cellspacing='0'><tr valign='baseline'>\n"
                    "  <td><nobr><b><tt class='method'>get</tt></b>(</nobr></td>\n  <td><var>key</var>)</td></tr>"
                    "</table></dt>\n<dd>\nTakes a string <var>key</var> and returns the value as a string.\n</dl>\n"
                    "</body></html>")
    doc, _ = load_file(page, "cache-objects.html")
    assert read_html(page.read_bytes()).headings == ((2, "1.1.2 Cache Objects"),)  # an empty "##" before
    assert "##" not in doc.text
    assert "get(key): Takes a string key and returns the value as a string." in doc.text


# A documentation page's parts: a paragraph of prose, and a navigation list above the content.
_IDLE = ("IDLE is the integrated development and learning environment that ships with Python, with a "
         "shell window and an editor window that share their menus. ")
_NAVIGATION = ("<div id='navigation'><ul><li><a href='a.html'>Home</a></li><li><a href='b.html'>Library</a></li>"
               "</ul></div>")


def test_a_page_without_a_main_element_keeps_its_headings_and_leaves_out_its_navigation(tmp_path: Path):
    # An older or generated page marks no <main> or <article>: its headings must still open sections,
    # while its navigation list and footer stay out.
    page = tmp_path / "old.html"
    page.write_text(
        f"<html><head><title>IDLE</title></head><body>{_NAVIGATION}<div class='body'><h1>IDLE</h1><p>{_IDLE * 2}</p>"
        f"<h2>Menus</h2><p>The File menu opens and saves files. {_IDLE}</p><h2>Editing</h2>"
        f"<p>Key bindings move the cursor by words and lines. {_IDLE}</p></div>"
        "<div class='footer'>Copyright 2024 Example Corp. All rights reserved.</div></body></html>")
    doc, _ = load_file(page, "old.html")
    assert doc.title == "IDLE"
    assert doc.section_at(doc.text.index("The File menu opens")) == ("Menus",)
    assert doc.section_at(doc.text.index("Key bindings move")) == ("Editing",)
    assert "Home" not in doc.text and "Copyright 2024" not in doc.text


def test_a_documentation_section_named_like_navigation_is_kept(tmp_path: Path):
    # Sphinx names each section's anchor after its heading: "Menus" -> id="menus", "Editing and
    # Navigation" -> id="editing-and-navigation". Anchors that sound like page chrome must not cost
    # the page those sections (trafilatura drops elements by such names); a real navigation block
    # still goes.
    page = tmp_path / "help.html"
    page.write_text(
        f"<html><head><title>IDLE</title></head><body>{_NAVIGATION}<div class='body' role='main'><section id='idle'>"
        f"<h1>IDLE</h1><p>{_IDLE * 2}</p><section id='menus'><h2>Menus</h2><p>The File menu opens and saves files. "
        f"{_IDLE}</p></section><section id='editing-and-navigation'><span id='id2'></span><h2>Editing and Navigation"
        f"</h2><p>Key bindings move the cursor by words and lines. {_IDLE}</p></section></section></div></body></html>")
    doc, _ = load_file(page, "help.html")
    assert doc.section_at(doc.text.index("The File menu opens")) == ("Menus",)
    assert doc.section_at(doc.text.index("Key bindings move")) == ("Editing and Navigation",)
    assert "Home" not in doc.text


def test_a_generated_manuals_source_line_breaks_are_spaces_and_its_code_blocks_stay_blocks(tmp_path: Path):
    # A DocBook or Texinfo page wraps its source lines inside paragraphs and inline code; a browser
    # shows those breaks as spaces. An inline <code> holding a break came out of trafilatura as a
    # fence in mid-sentence, whose closing fence opened a code block that swallowed the headings
    # after it; the paragraph's breaks stood as line breaks in its sentences. Its option lists
    # (<dl>) came out as alternating bullets, each option apart from what it does.
    wrapped = "Memcheck is a memory error\n    detector for programs that\n    run on Linux."
    page = tmp_path / "manual.html"
    page.write_text(
        "<html><head><title>Memcheck manual</title></head><body><div class='chapter'>"
        f"<h1>4. Memcheck</h1><p>{wrapped} {_IDLE}</p>"
        "<h2>4.1. Sizes</h2><p>The question is how large is <code class='varname'>struct\nS</code>,\nin bytes:\n"
        f"perhaps a <code class='varname'>struct\n  S</code> occupies 5 bytes? {_IDLE}</p>\n"
        "<pre class='programlisting'>\nstruct S { int x; char c; };\nstruct S s1, s2;\n</pre>\n"
        # an option list: each term opens its definition's paragraph; a variable inside code keeps its text
        "<dl><dt>\n<a name='opt'></a><span class='term'>\n  <code class='option'>--error-exitcode=&lt;number&gt; "
        "[default: 0] </code>\n</span>\n</dt>\n<dd><p>Specifies an alternative exit code to return if errors were "
        "reported.</p></dd>\n<dt><code>--format=<var>format</var></code></dt><dd><p>Use <var>format</var> as the "
        "format string.</p></dd></dl>"
        f"<h2>4.2. Writing suppression files</h2><p>The basic suppression format is described elsewhere. {_IDLE}</p>"
        "<h2>4.3. Client requests</h2><p>The following client requests are defined in memcheck.h.</p>"
        "</div></body></html>")
    doc, _ = load_file(page, "manual.html")
    lines = doc.text.split("\n")
    assert "```" not in doc.text and "#" not in doc.text
    assert any(ln.startswith("Memcheck is a memory error detector for programs that run on Linux.") for ln in lines)
    assert any(ln.startswith("The question is how large is struct S, in bytes: perhaps a struct S occupies 5 bytes?")
               for ln in lines)
    assert "struct S { int x; char c; };" in lines and "struct S s1, s2;" in lines
    assert "--error-exitcode=<number> [default: 0]: Specifies an alternative exit code to return if errors were reported." \
        in lines
    assert "--format=format: Use format as the format string." in lines
    assert doc.section_at(doc.text.index("The basic suppression format")) == ("4.2. Writing suppression files",)
    assert doc.section_at(doc.text.index("The following client requests")) == ("4.3. Client requests",)


def test_code_fences_trafilatura_misplaces_are_put_where_markdown_reads_them():
    # As trafilatura wrote them: a <pre> right after a paragraph (its fence ends the paragraph's
    # line), a <pre> in a list item (its opening fence indented, its closing one not), and a fence
    # of four backticks around code that holds three, which stays as it is.
    after_text = "by the first command. ```\n  A\n / \\\nB   C\n```\n## 4.8. Memory pools"
    assert _fences_mended(after_text) == "by the first command.\n\n```\n  A\n / \\\nB   C\n```\n## 4.8. Memory pools"
    in_item = "- provides this lookup facility:\n    ```\nxsltTransformContextPtr\n```\n- The next item"
    assert _fences_mended(in_item) == "- provides this lookup facility:\n```\nxsltTransformContextPtr\n```\n- The next item"
    four = "with these contents:\n\n````\n# Docs\n```rust\nfn foo() {}\n```\n````\nAnd call rustdoc"
    assert _fences_mended(four) == four
    for md in (after_text, in_item):
        text, headings = markdown_text(_fences_mended(md))
        assert "```" not in text
    # a <pre> after a paragraph that ends in code
    after_code = "In `entry.js` script:\n\n`node entry.js` ```\nModule {\n}\n```\n ##### `require.resolve(request)`\n\nText."
    text, headings = markdown_text(_fences_mended(after_code))
    assert "#" not in text and headings == ((5, "require.resolve(request)"),)
    # two <code> elements side by side: two spans, not one holding "``"
    text, _ = markdown_text(_fences_mended("accessed using:\n\n`import url from 'node:url';``const url = require('node:url');`"))
    assert text.endswith("\n\nimport url from 'node:url'; const url = require('node:url');")


def test_a_line_that_differs_from_an_earlier_one_only_at_its_end_is_no_cut_off_copy():
    # The same option described under two functions, the second without its full stop, and two
    # code lines that differ in their last character, are content; a page title repeated cut off
    # ("... A G") is not.
    option = "insecureHTTPParser <boolean> If set to true, it will use a parser with leniency flags. Default: false"
    text = "\n\n".join([  # paragraphs of a saved page, which are not unwrapped into one another
        "Neuroplasticity in Mental Health Recovery: A Guide", "Body text of the article goes here.",
        option + ".", option, "npx postject hello.exe NODE_SEA_BLOB sea-prep.blob `",
        "npx postject hello.exe NODE_SEA_BLOB sea-prep.blob ^", "Neuroplasticity in Mental Health Recovery: A G"])
    kept = clean_text(text, capture=True).split("\n")
    assert option in kept and option + "." in kept
    assert "npx postject hello.exe NODE_SEA_BLOB sea-prep.blob ^" in kept
    assert "Neuroplasticity in Mental Health Recovery: A G" not in kept
    # Markdown and a page's main content hold no cut-off copies: a shorter code line stays.
    code = "const rl = readline.createInterface({ input, output });\nconst rl = readline.createInterface({"
    assert clean_text(code, capture=False).split("\n") == code.split("\n")


def test_a_markdown_line_that_leaves_a_bracket_open_goes_on_in_the_next_and_an_address_may_hold_parentheses(
        tmp_path: Path):
    # courlan's README: a photo credit wrapped inside its parentheses, the next lines opening with a
    # link and a capital, and the link's address holding parentheses of its own: read as four
    # lines, one of them "Russ.jpg),", each a sentence of its own. A quoted line is not joined on.
    page = tmp_path / "README.md"
    page.write_text("# courlan\n\nHere is a [courlan](https://en.wiktionary.org/wiki/courlan) (source:\n"
                    "[Limpkin at Harn's Marsh by\n"
                    "Russ](https://commons.wikimedia.org/wiki/File:Limpkin,_harns_marsh_(33723700146).jpg),\n"
                    "CC BY 2.0).\n\nDeprecated: use the new API instead (also see\n> Buffer.alloc()).\n")
    doc, _ = load_file(page, "README.md")
    assert "Here is a courlan (source: Limpkin at Harn's Marsh by Russ, CC BY 2.0)." in doc.text
    assert "(also see\nBuffer.alloc())." in doc.text


def test_markdown_code_is_not_headings_and_backslash_escapes_are_literal(tmp_path: Path):
    # A "# comment" in a fenced code block is code; "\<stdio.h>" is text (CommonMark escapes),
    # not a tag to strip, and "Z\_OK" is a name, not emphasis.
    note = tmp_path / "build.md"
    note.write_text("# Building\n\nInclude \\<stdio.h> and check for Z\\_OK.\n\n```sh\n# install the tools\n"
                    "make install\n```\n\n<!-- YAML\nadded: v0.1.90\n-->\n\n```js\n"
                    "exec('my.bat', (err, stdout, stderr) => { // a long line of code that runs on and on\n"
                    "  console.log(stdout);\n});\n```\n\n## Testing\n\nRun the tests.\n")
    doc, _ = load_file(note, "build.md")
    assert "Include <stdio.h> and check for Z_OK." in doc.text
    assert [s.path for s in doc.sections] == [("Testing",)]
    assert doc.section_at(doc.text.index("make install")) == ()
    assert "# install the tools\nmake install" in doc.text  # code is kept as written, line by line
    assert "runs on and on\n  console.log(stdout);" in doc.text  # and its indent
    assert "YAML" not in doc.text and "v0.1.90" not in doc.text  # an HTML comment is no text


def test_a_typed_release_notes_file_keeps_every_line(tmp_path: Path):
    # A NEWS file typed with line breaks is no saved web page: read as one, its dated release
    # headers below rules looked like a comment section's headers (everything after them went),
    # its underlined heading above the first paragraph and the shortlog after the last one like a
    # page's menus and footer.
    def release(version: str, date: str, entry: str) -> str:
        return f"What's New in Frobnicator {version}\nReleased on {date}\n{'=' * 30}\n\n{entry}\n\n"

    notes = tmp_path / "NEWS.txt"
    notes.write_text(
        "Frobnicator Release Notes\n=========================\n\nFixes since v3.3\n----------------\n\n"
        + release("3.3", "2020-09-01", "gh-110: The editor no longer freezes when a signature cannot be\n"
                  "fetched for a calltip in the shell window.")
        + release("3.2", "2020-06-27", "gh-101: Selecting code context lines no longer causes the window to\n"
                  "jump to the top of the file being edited.")
        + release("3.1", "2020-03-10", "gh-95: Go to Line uses a query box with the standard behaviour and\n"
                  "improved error checking of the line number.")
        + release("3.0", "2019-12-18", "gh-90: Add a context menu to the shell window that offers copy and\n"
                  "paste of the selected text.")
        + "Ann Lee (2):\n      shell: plug a memory leak\n      docs: fix a typo in the tutorial\n")
    doc, _ = load_file(notes, "NEWS.txt")
    for kept in ("Fixes since v3.3", "gh-110: The editor no longer freezes when a signature cannot be fetched",
                 "Released on 2019-12-18", "gh-90: Add a context menu", "Ann Lee (2):", "shell: plug a memory leak"):
        assert kept in doc.text
    assert doc.title == "Frobnicator Release Notes"


def test_underlined_headings_are_headings_in_plain_text_and_markdown(tmp_path: Path):
    # reStructuredText and AsciiDoc underline headings with a rule of marks, and so can Markdown
    # (setext): the first underlined line is the title, the others open sections, and no rule of
    # dashes is left in the text (or taken for the title). A rule between paragraphs stays.
    prose = "Each trigger is named, and at any time zero or more packages may be interested in it."
    plain = tmp_path / "triggers.txt"
    plain.write_text(f"TRIGGERS\n========\n\nIntroduction\n------------\n{prose}\n\nConcepts\n--------\n\n{prose}\n\n"
                     f"-----\n\n{prose}\n")
    doc, _ = load_file(plain, "triggers.txt")
    assert doc.title == "TRIGGERS"
    assert [s.path for s in doc.sections] == [("Introduction",), ("Concepts",)]
    assert "========" not in doc.text and "--------" not in doc.text and "\n-----\n" in doc.text
    md = tmp_path / "notes.md"
    md.write_text(f"My Project\n==========\n\n{prose}\n\nUsage\n-----\n\n{prose}\n")
    doc, _ = load_file(md, "notes.md")
    assert doc.title == "My Project" and [s.path for s in doc.sections] == [("Usage",)]
    # the same file saved with Windows line ends reads the same
    md.write_bytes(md.read_bytes().replace(b"\n", b"\r\n"))
    crlf, _ = load_file(md, "notes.md")
    assert (crlf.title, crlf.text, crlf.sections) == (doc.title, doc.text, doc.sections)


def test_restructured_text_in_a_text_file_reads_as_its_rendered_page(tmp_path: Path):
    # A package README in reStructuredText saved as .txt. Each line is there for a reason:
    # a comment and a logo image before the title (they were the title), a row of badge
    # substitutions, a line cut short by a link's address going (it still joins its paragraph),
    # a note whose body is text, code under a directive whose marks stay, a link target and a
    # section reference by name ("Usage_"), a raw HTML block, a literal block after "::", a
    # subsection in a third adornment and a doctest.
    readme = tmp_path / "tqdmlike.txt"
    readme.write_text(
        ".. Note that we use raw HTML in the header section\n\n"
        ".. image:: https://example.org/logo.png\n   :alt: Logo\n   :width: 500\n\n"
        "progressbar\n===========\n\n|Build-Status| |Coverage| |PyPI-Downloads|\n\n"
        "Overhead is low -- about 60ns per iteration (80ns with ``tqdm.gui``). By comparison, the well-established\n"
        "`ProgressBar <https://github.com/example/python-progressbar>`__ has\n"
        "an 800ns/iter overhead, as **measured** on *one* machine; see Usage_ and libwidth_.\n\n"
        ".. note:: Windows consoles often need ``ascii=True``.\n\n"
        ".. _libwidth: https://example.org/libwidth\n\n"
        ".. raw:: html\n\n   <p align=\"center\"><b>Sponsors</b></p>\n\n"
        "Usage\n-----\n\nWrap any iterable and the bar shows how far the loop has gone:\n\n"
        ".. code:: python\n\n    for i in bar(range(10)):\n        total += i\n\n"
        "Pipe it on the command line::\n\n    $ seq 10 | bar --bytes\n    10.0B [00:00, 217B/s]\n\n"
        "Timeouts\n~~~~~~~~\n\nA match that runs too long raises an error, as the traceback shows:\n\n"
        ">>> bar.match(pattern, timeout=0.1)\nTraceback (most recent call last):\nTimeoutError: timed out\n\n"
        "Versions follow :pep:`440`. To release:\n\n#. tag the commit\n#. upload the wheel\n")
    doc, _ = load_file(readme, "tqdmlike.txt")
    assert doc.title == "progressbar"
    assert ("Overhead is low -- about 60ns per iteration (80ns with tqdm.gui). By comparison, the well-established "
            "ProgressBar has an 800ns/iter overhead, as measured on one machine; see Usage and libwidth.") in doc.text
    assert "Windows consoles often need ascii=True." in doc.text
    # code keeps its lines and their indent, a doctest and a literal block their lines
    assert "the loop has gone:" in doc.text and "for i in bar(range(10)):\n    total += i" in doc.text
    assert "Pipe it on the command line:" in doc.text and "$ seq 10 | bar --bytes\n10.0B [00:00, 217B/s]" in doc.text
    assert ">>> bar.match(pattern, timeout=0.1)\nTraceback (most recent call last):\nTimeoutError" in doc.text
    for markup in ("..", "|Build-Status|", ":alt:", "Logo", "https://", "``", "Sponsors", "<p", "::", "\\", "```"):
        assert markup not in doc.text, markup
    # a standard role reads as docutils writes it; "#." items count on
    assert "Versions follow PEP 440." in doc.text and "1. tag the commit\n2. upload the wheel" in doc.text
    # the title's adornment is the first style, so "Usage" is level 2 and "Timeouts" under it
    assert [s.path for s in doc.sections] == [("Usage",), ("Usage", "Timeouts")]


def test_text_without_restructured_markup_keeps_its_marks_and_a_rst_file_is_read_as_restructured_text(tmp_path: Path):
    # Backticks, stars, a pipe-delimited line and a closing "::" mean nothing in a file with no
    # directive or link target: a shell transcript's notes keep every mark.
    notes = tmp_path / "notes.txt"
    text = "Run ``make`` twice, then *all* tests.\n\n|a| |b|\n\nThe ratio is a::b in the config.\n"
    notes.write_text(text)
    doc, _ = load_file(notes, "notes.txt")
    assert "``make``" in doc.text and "*all*" in doc.text and "|a| |b|" in doc.text and "a::b" in doc.text
    # without explicit markup, a literal block ("Example::" over indented code) under an underlined
    # heading says reStructuredText (tzlocal's README): its ``literals`` read as their text
    readme = tmp_path / "tzlike.txt"
    readme.write_text("tzlike\n======\n\nWith ``tzlike`` you only need to call ``get_localzone()``. For example::\n\n"
                      "    >>> from tzlike import get_localzone\n    >>> tz = get_localzone()\n\nThat is all.\n")
    doc, _ = load_file(readme, "tzlike.txt")
    assert "With tzlike you only need to call get_localzone(). For example:" in doc.text, doc.text
    assert ">>> from tzlike import get_localzone\n>>> tz = get_localzone()" in doc.text
    # directives nested deeper than any page nests them read without running out of stack, their text kept
    nested = tmp_path / "nested.rst"
    nested.write_text("Nested\n======\n\n" + "".join(" " * i + ".. note::\n\n" for i in range(2000)) + " " * 2000 + "deep\n")
    doc, _ = load_file(nested, "nested.rst")
    assert "deep" in doc.text
    # a .rst file is reStructuredText whatever it holds: its marks are markup, its underlined lines headings
    rst = tmp_path / "guide.rst"
    rst.write_text("Guide\n=====\n\nBuilding\n--------\n\n" + text)
    doc, _ = load_file(rst, "guide.rst")
    assert doc.title == "Guide" and [s.path for s in doc.sections] == [("Building",)]
    assert "Run make twice, then all tests." in doc.text and "|a| |b|" not in doc.text


def test_sphinx_roles_opening_a_line_and_version_notes_read_as_the_rendered_page(tmp_path: Path):
    # A command's page in Sphinx's reStructuredText, as CMake's and Python's manuals are written.
    # A wrapped line that opens with a role is the paragraph going on, not a field list (":Author:
    # Me" is one); a role's target may hold angle brackets of its own; "~" shows a name's last part;
    # a field list stays one field a line; version notes read as Sphinx writes them.
    page = tmp_path / "add_thing.rst"
    page.write_text(
        "add_thing\n---------\n\nAdd a thing to the build.\n\n"
        ":Author: Someone\n:Version: 2\n\n"
        "A language standard may be set by setting the :prop_tgt:`CXX_STANDARD` target property or\n"
        ":variable:`CMAKE_CXX_STANDARD` variable.\n\n"
        ":prop_tgt:`IMPORTED` targets may have the same properties\npopulated as binary targets.\n\n"
        "It expands if the :variable:`compiler version <CMAKE_<LANG>_COMPILER_VERSION>` is old, see\n"
        ":variable:`CMAKE_<LANG>_FLAGS` and :func:`~os.path.join`.\n\n"
        ".. versionadded:: 3.2\n\n"
        ".. versionchanged:: 3.20\n  Arguments may use generator expressions.\n\n"
        ".. deprecated:: 3.0 Use add_other instead.\n\n"
        # a program's name for the options after it, no text of the page ("cmake" had been a line)
        ".. program:: cmake\n\n.. option:: --build <dir>\n\n  Project binary directory to be built.\n")
    doc, _ = load_file(page, "add_thing.rst")
    assert ("A language standard may be set by setting the CXX_STANDARD target property or CMAKE_CXX_STANDARD "
            "variable.") in doc.text
    assert "IMPORTED targets may have the same properties populated as binary targets." in doc.text
    assert "It expands if the compiler version is old, see CMAKE_<LANG>_FLAGS and join." in doc.text
    assert ":Author: Someone\n:Version: 2" in doc.text
    assert "Added in version 3.2." in doc.text
    assert "Changed in version 3.20: Arguments may use generator expressions." in doc.text
    assert "Deprecated since version 3.0: Use add_other instead." in doc.text
    assert "```" not in doc.text and ":variable:" not in doc.text
    assert doc.text.endswith("--build <dir>\n\nProject binary directory to be built.") and "\ncmake\n" not in doc.text
    # fields before anything else are Sphinx's metadata for the file, and a table's row names no page
    flags = tmp_path / "flags.rst"
    flags.write_text(":orphan:\n:tocdepth: 2\n\n+------+---------+\n| Flag | Meaning |\n+======+=========+\n"
                     "| -O2  | Speed   |\n+------+---------+\n\nThe flags above set how the compiler optimises.\n")
    doc, _ = load_file(flags, "flags.rst")
    assert ":orphan:" not in doc.text and "tocdepth" not in doc.text and doc.title == "flags.rst"


def test_restructured_tables_read_as_rows_of_cells(tmp_path: Path):
    # reStructuredText's four ways to set a table: a grid, a simple table (a row going on on the
    # next line), a list-table and a csv-table. Each had kept its borders or run its rows together
    # ("small", 10 "large", 100); each now reads a row a line, its cells parted by " | ", as a
    # Markdown table does, with inline markup read in the cells.
    page = tmp_path / "tables.rst"
    page.write_text("Tables\n======\n\n+------+-----------+\n| Flag | Meaning   |\n+======+===========+\n"
                    "| -O2  | Optimise  |\n|      | for speed |\n+------+-----------+\n\n"
                    "=======  ========\nTarget   Default\n=======  ========\nRUNTIME  ``bin``\n"
                    "LIBRARY  ``lib``\n         or lib64\n=======  ========\n\n"
                    ".. list-table:: Compiler flags\n   :header-rows: 1\n\n   * - Flag\n     - Meaning\n"
                    "   * - -g\n     - Keep debug\n       information\n\n"
                    ".. csv-table:: Sizes\n   :header: \"Name\", \"Size\"\n\n   \"small\", 10\n   \"large, wide\", 100\n\nThe end.\n")
    doc, _ = load_file(page, "tables.rst")
    for rows in ("Flag | Meaning\n-O2 | Optimise for speed", "Target | Default\nRUNTIME | bin\nLIBRARY | lib or lib64",
                 "Compiler flags\n\nFlag | Meaning\n-g | Keep debug information",
                 "Sizes\n\nName | Size\nsmall | 10\nlarge, wide | 100"):
        assert rows in doc.text, (rows, doc.text)
    for border in ("+---", "====", "* -", "``", '"small"'):
        assert border not in doc.text, border


def test_a_bold_line_standing_alone_heads_the_text_under_it(tmp_path: Path):
    # Command examples written with bold lines for headings, as the AWS CLI's reStructuredText
    # examples and many READMEs are: each bold line alone heads its example, one level below the
    # heading above it (never the page's title); a bold sentence, a bold line inside a paragraph and
    # code keep their text. A page of bold headings and no other is named by its file, not by its
    # first example nor the lead-in line under it ("The following cp command copies ...:" had been
    # the title).
    md = tmp_path / "guide.md"
    md.write_text("# Guide\n\n**Example 1: Copying a file**\n\nThe cp command copies a file.\n\n```\n**kept**\n```\n\n"
                  "**Example 2: Moving a file**\n\nThe mv command moves a file.\n**Not alone**\n\n**This is bold prose.**\n")
    doc, _ = load_file(md, "guide.md")
    assert [s.path for s in doc.sections] == [("Example 1: Copying a file",), ("Example 2: Moving a file",)]
    assert "**kept**" in doc.text and "This is bold prose." in doc.text and "Not alone" in doc.text
    rst = tmp_path / "cp.rst"
    rst.write_text("**Example 1: Copying a local file to S3**\n\nThe following ``cp`` command copies a single file to a "
                   "specified bucket and key::\n\n    aws s3 cp test.txt s3://bucket/test2.txt\n\n"
                   "**Example 2: Copying a file from S3 to S3**\n\nThe following ``cp`` command copies a single s3 object::\n\n"
                   "    aws s3 cp s3://bucket/test.txt s3://bucket/test2.txt\n")
    doc, _ = load_file(rst, "cp.rst")
    assert doc.title == "cp.rst"
    assert [s.path for s in doc.sections] == [("Example 1: Copying a local file to S3",),
                                              ("Example 2: Copying a file from S3 to S3",)]


def test_a_readme_reads_as_prose_without_badges_and_with_its_wrapped_lines_joined(tmp_path: Path):
    # A project README: badges (linked images) beside the title, a line wrapped after a link whose
    # address made it long (stripped, it looks short), a list item's continuation indented under
    # it, _underscore emphasis_ beside a snake_case name, and a reference-style link.
    readme = tmp_path / "README.md"
    readme.write_text(
        "# pytool [![build](https://ci.example.org/badge.svg)](https://ci.example.org) [![Join the chat](https://chat.example.org/b.svg)](https://chat.example.org)\n\n"
        "This project was forked from [rbenv](https://github.com/rbenv/rbenv) and\n"
        "ruby-build, and modified for Python. It reads _every_ file named in tool_config.\n\n"
        "* **Need to be loaded into your shell.** Instead, the shim\n"
        "    approach works by adding a directory to your `PATH`.\n"
        "* It follows the [WHATWG URL Standard][] closely.\n\n"
        "`rehash` installs shims for all binaries (i.e.,\n`~/.tool/versions/*/bin/*`). Run it after an install.\n\n"
        "[WHATWG URL Standard]: https://url.spec.whatwg.org/\n")
    doc, _ = load_file(readme, "README.md")
    assert doc.title == "pytool" and "chat" not in doc.text and "build" not in doc.text.split("\n")[0]
    lines = doc.text.split("\n")
    assert "This project was forked from rbenv and ruby-build, and modified for Python. It reads every file named " \
           "in tool_config." in lines
    assert "• Need to be loaded into your shell. Instead, the shim approach works by adding a directory to your PATH." in lines
    assert "• It follows the WHATWG URL Standard closely." in lines and "url.spec.whatwg.org" not in doc.text
    # a line that goes on after "(i.e.," with a code span joins it, and the span's "*" are no emphasis
    assert "rehash installs shims for all binaries (i.e., ~/.tool/versions/*/bin/*). Run it after an install." in lines


def test_markdown_tables_list_code_autolinks_and_footnotes_read_as_written(tmp_path: Path):
    # A build guide's Markdown as projects write it: a pipe table padded to line its columns up
    # (its delimiter row aligns, it says nothing; a footnote mark in a cell), a fence indented
    # under a list item (its "```sh" is no text), an autolink (the address is the text), a
    # footnote whose text wraps onto indented lines, and code spans "`` `x` ``" and "`\`".
    guide = tmp_path / "BUILDING.md"
    guide.write_text(
        "# Building\n\nDepending on the host platform, the toolchains vary.\n\n"
        "| Operating System | Compiler Versions   |\n"
        "| ---------------- | :------------------ |\n"
        "| Linux            | GCC >= 10.1 [^1]    |\n"
        "| macOS            | Xcode >= 11         |\n\n"
        "1. To uninstall, remove its root directory:\n\n"
        "    ```sh\n    rm -rf $(tool root)\n    ```\n\n"
        "Binaries at <https://example.org/release/> are produced on RHEL 8.\n\n"
        "Quote a name as `` `x` ``; the separator is `/` on POSIX and `\\` on Windows.\n\n"
        "[^1]: Older compilers may work. However, official release\n"
        "    binaries are built with this one.\n")
    doc, _ = load_file(guide, "BUILDING.md")
    lines = doc.text.split("\n")
    assert "Operating System | Compiler Versions\nLinux | GCC >= 10.1\nmacOS | Xcode >= 11" in doc.text
    assert "---" not in doc.text and "[^" not in doc.text
    assert "rm -rf $(tool root)" in doc.text.replace("    ", "") and "sh" not in lines and "`sh" not in doc.text
    assert "Binaries at https://example.org/release/ are produced on RHEL 8." in lines
    assert "Quote a name as `x`; the separator is / on POSIX and \\ on Windows." in lines
    assert "Older compilers may work. However, official release binaries are built with this one." in lines


def test_a_source_files_comment_header_names_it_without_its_marks(tmp_path: Path):
    # TeX Live's manifests open with a header in TeX comments ("%", then "% CONTENTS OF THE MFNFSS
    # BUNDLE" over "% ====="): the title had been "% CONTENTS OF THE MFNFSS BUNDLE".
    manifest = tmp_path / "manifest.txt"
    manifest.write_text(
        "%\n% CONTENTS OF THE MFNFSS BUNDLE\n% =============================\n\noldgerm.dtx\n"
        "        Package to typeset with old german fonts designed by Yannis\n"
        "        Haralambous.  These fonts use special ligatures to access\n"
        "        accented characters and may therefore need additional\n"
        "        definitions if used with packages like babel or\n"
        "        german.  Please don't report those kind of problems as bugs,\n"
        "        we do know about it.\n\noldgerm.ins\n        Installation script for the oldgerm package.\n")
    assert load_file(manifest, "manifest.txt")[0].title == "CONTENTS OF THE MFNFSS BUNDLE"


def test_a_sentence_is_no_title_and_front_matter_or_an_html_heading_names_a_markdown_page(tmp_path: Path):
    # A README that opens with sentences has no title line: the file names it. A documentation
    # page names itself in its front matter, above a "Synopsis" heading; an empty one names nothing.
    readme = tmp_path / "README.txt"
    readme.write_text("This directory contains the 4.3 release of GNU Make.\n\nSee the file NEWS for the "
                      "user-visible changes from previous releases.\nIn addition, there have been bugs fixed.\n")
    assert load_file(readme, "make-README.txt")[0].title == "make-README.txt"
    page = tmp_path / "npm-trust.md"
    page.write_text("---\ntitle: npm-trust\nsection: 1\n---\n\n### Synopsis\n\nManage trusted publishing.\n")
    doc, _ = load_file(page, "npm-trust.md")
    assert doc.title == "npm-trust" and "title:" not in doc.text
    page.write_text("---\nname: Bug report\ntitle: ''\n---\n\n# Report a bug\n\nSteps to reproduce it.\n")
    assert load_file(page, "bug_report.md")[0].title == "Report a bug"
    # A README that centres its title in HTML, and a section opened by an HTML heading.
    page.write_text('<h1 align="center">Charset Detection, for <b>Everyone</b></h1>\n\n<p align="center">Read text '
                    'from an unknown encoding.</p>\n\n## Installation\n\nUse pip.\n\n<h3>Backporting patches</h3>\n\n'
                    'Apply them by hand.\n')
    doc, _ = load_file(page, "README.md")
    assert doc.title == "Charset Detection, for Everyone"
    assert [s.path for s in doc.sections] == [("Installation",), ("Installation", "Backporting patches")]


def test_a_markdown_pages_front_matter_names_its_authors_and_year(tmp_path: Path):
    # pandoc's and static sites' front matter gives the authors and the date a citation needs; they
    # had been left out with it. A list of names, or of records with a name, is read too; front
    # matter that is no YAML names nothing and loses no text.
    page = tmp_path / "report.md"
    page.write_text('---\ntitle: "Annual Report 2024"\nauthor: "Jane Example and John Sample"\ndate: "January 2025"\n---\n\n'
                    "# Summary\n\nThe clinic saw 1,240 new patients in 2024.\n")
    doc, _ = load_file(page, "report.md")
    assert (doc.title, doc.authors, doc.year) == ("Annual Report 2024", ("Jane Example", "John Sample"), "2025")
    # and the made page prints them under its title, where they answer who wrote it and when
    assert doc.text.startswith("Jane Example and John Sample\n\nJanuary 2025\n\nSummary\n\n"), doc.text
    page.write_text("---\nauthors:\n  - name: Ada Lovelace\n  - Charles Babbage\ndate: 2019-10-01\n---\n\nNotes on the engine.\n")
    doc, _ = load_file(page, "notes.md")
    assert (doc.authors, doc.year) == (("Ada Lovelace", "Charles Babbage"), "2019"), doc
    assert doc.text == "Ada Lovelace\n\nCharles Babbage\n\n2019-10-01\n\nNotes on the engine.", doc.text
    # a date the page computes when it is made prints nothing we can read
    page.write_text('---\ntitle: Notes\ndate: "`r Sys.Date()`"\n---\n\nNotes on the engine.\n')
    assert load_file(page, "notes.Rmd")[0].text == "Notes on the engine."
    page.write_text("---\ntitle: [unclosed\n---\n\nThe text stays.\n")
    doc, _ = load_file(page, "broken.md")
    assert doc.authors == () and "The text stays." in doc.text


def test_a_markdown_pages_front_matter_says_when_it_was_updated_and_its_version(tmp_path: Path):
    # A lab protocol's front matter gives "version: 2.3" and "last_updated: 2026-05-14", which its
    # site prints by its title: "When was it last updated?" had nothing to answer it. A field of
    # another kind (a layout, a list of tags) prints nothing.
    page = tmp_path / "protocol.md"
    page.write_text("---\ntitle: RNA extraction\nauthor: Core Genomics Facility\nversion: 2.3\nlast_updated: 2026-05-14\n"
                    "lastModified: 2026-06-01\nlayout: protocol\ntags: [rna, blood]\n---\n\n# RNA extraction\n\nAdd TRIzol.\n")
    doc, _ = load_file(page, "protocol.md")
    assert doc.text.startswith("Core Genomics Facility\n\nVersion: 2.3\n\nLast updated: 2026-05-14\n\nLast modified: 2026-06-01\n\n"
                               "RNA extraction"), doc.text
    assert "layout" not in doc.text.lower() and "tags" not in doc.text.lower(), doc.text


def test_an_r_markdown_file_reads_as_its_made_page_shows_it(tmp_path: Path):
    # A Bioconductor vignette (.Rmd): its front matter's abstract is the page's first text, as
    # pandoc sets it, and its title loses its emphasis marks; a chunk whose code the page does not
    # show (echo or include false, in its braces or on a Quarto "#|" line) is no text, a shown one is
    # code without its options, and `r Biocpkg("scater")` shows the name. A style sheet shows nothing.
    page = tmp_path / "vignette.Rmd"
    page.write_text(
        '---\ntitle: "Introduction to *BiocParallel*"\nabstract: >\n  The package runs code in parallel\n'
        '  on many back-ends.\noutput: html_document\n---\n\n'
        '```{r setup, echo=FALSE}\nknitr::opts_chunk$set(cache = FALSE)\n```\n\n'
        '<style type="text/css">\nh1 { line-height: 120%; }\n</style>\n\n'
        '# Introduction\n\n`r Biocpkg("BiocParallel")` provides a unified interface.\n\n'
        '```{r register}\nregister(SnowParam(4))\n```\n\n'
        '```{r}\n#| include: false\nsessionInfo()\n```\n')
    doc, _ = load_file(page, "vignette.Rmd")
    assert doc.title == "Introduction to BiocParallel", doc.title
    assert doc.text.startswith("Abstract\n\nThe package runs code in parallel on many back-ends."), doc.text
    assert "BiocParallel provides a unified interface." in doc.text and "register(SnowParam(4))" in doc.text, doc.text
    for hidden in ("opts_chunk", "line-height", "sessionInfo", "{r", "#|", "Biocpkg"):
        assert hidden not in doc.text, (hidden, doc.text)
    assert [s.path for s in doc.sections] == [("Abstract",), ("Introduction",)], doc.sections


def test_a_quarto_callout_reads_as_a_box_and_a_fenced_div_as_what_it_holds(tmp_path: Path):
    # Quarto and pandoc fence a box or a figure with ":::" lines: they had stayed as text ("::: {.callout-note}"),
    # and a callout's title ("## Recruitment") had been a section of the report beside "Methods".
    page = tmp_path / "report.qmd"
    page.write_text('---\ntitle: "Sleep study report"\n---\n\n## Methods\n\n::: {.callout-note}\n## Recruitment\n'
                    "Participants were recruited from three sleep clinics.\n:::\n\n"
                    '::: {.callout-warning title="Caution"}\nActigraphy overestimates sleep.\n:::\n\n'
                    "::: {#fig-hours}\n![Hours slept per night](hours.png)\n:::\n\n"
                    "::: {.column-margin}\nSleep was measured by actigraphy.\n:::\n")
    doc, _ = load_file(page, "report.qmd")
    lines = doc.text.split("\n")
    assert ":::" not in doc.text and "callout" not in doc.text, doc.text
    assert [s.path for s in doc.sections] == [("Methods",)], doc.sections
    for line in ("Recruitment", "Participants were recruited from three sleep clinics.", "Caution",
                 "Actigraphy overestimates sleep.", "Hours slept per night", "Sleep was measured by actigraphy."):
        assert line in lines, (line, lines)


def test_markdown_tex_math_reads_as_the_characters_it_shows(tmp_path: Path):
    # DESeq2's vignette: "The dispersion prior variance $\\sigma_d^2$ is stored ..." and a display
    # "$$ K_{ij} \\sim \\textrm{NB}(\\mu_{ij}, \\alpha_i) $$" read as TeX. Money, a code span and a
    # regular expression whose code span its own backtick breaks are no math.
    page = tmp_path / "model.Rmd"
    page.write_text("# Model\n\nThe dispersion prior variance $\\sigma_d^2$ is stored as an attribute.\n\n"
                    "$$ K_{ij} \\sim \\textrm{NB}(\\mu_{ij}, \\alpha_i) $$\n\n"
                    "It costs $5 and $10. Use `dds$condition` and `a$b$c`.\n\n"
                    "Names must match /^[a-z_!#$%&'*+.^`|~-]+$/ or an error is thrown.\n")
    lines = load_file(page, "model.Rmd")[0].text.split("\n")
    assert "The dispersion prior variance σ_d^2 is stored as an attribute." in lines, lines
    assert any(ln.startswith("K_ij") and "μ_ij, α_i" in ln for ln in lines), lines
    assert "It costs $5 and $10. Use dds$condition and a$b$c." in lines, lines
    assert any("#$%&'*+.^`|~-]+$/" in ln for ln in lines), lines
    # TeX the parser gives up on stays as written, and the file is read
    page.write_text("# Model\n\nThe matrix $\\begin{array}$ is left open here, and $\\frac{a$ too.\n")
    assert "The matrix $\\begin{array}$ is left open here, and $\\frac{a$ too." in load_file(page, "model.Rmd")[0].text


def test_a_pages_mathjax_math_reads_as_the_characters_it_shows(tmp_path: Path):
    # An R Markdown vignette made by pandoc for MathJax: trafilatura wrote its spans as TeX between
    # dollars ("among $K$ doses $x_1,\\dots,x_K$"). LaTeX2HTML's "MATH" spans hold an image's text,
    # and its prose's dollars are a shell's ("$#"), which stay.
    prose = "<p>MCP-Mod tests and estimates the dose-response relationship of a trial with several doses and a placebo.</p>"
    page = tmp_path / "faq.html"
    page.write_text(f"<html><body><main><h1>MCP-Mod FAQ</h1>{prose}<p>One tests the relationship among "
                    '<span class="math inline">\\(K\\)</span> doses <span class="math inline">\\(x_1,\\dots,x_K\\)</span> '
                    'utilizing <span class="math inline">\\(M\\)</span> candidate models, each with a parameter '
                    '<span class="math inline">\\(\\theta_m\\)</span>.</p></main></body></html>')
    text = load_file(page, "faq.html")[0].text
    assert "One tests the relationship among K doses x_1,…,x_K utilizing M candidate models, each with a parameter θ_m." \
        in text.split("\n"), text
    page.write_text(f'<html><body><h1>Using</h1>{prose}<p>The default width is set by <SPAN CLASS="MATH">4#4</SPAN>. '
                    "The symbol $# in a using specifier is the number of columns, so column($#) is the last.</p></body></html>")
    assert "The symbol $# in a using specifier is the number of columns, so column($#) is the last." in load_file(page, "u.html")[0].text


def test_markdown_attribute_blocks_show_nothing(tmp_path: Path):
    # pandoc, Quarto, kramdown and MkDocs' attr_list set an id, a class or a property in braces:
    # "{#sec-methods}" had ended a section's name, '{target="_blank"}' followed a link's text, and
    # "[span]{.mark}" kept its brackets. A brace in the text that sets nothing stays.
    page = tmp_path / "analysis.md"
    page.write_text("---\ntitle: Analysis\n---\n\n# Methods {#sec-methods}\n\nWe fitted a mixed model to the repeated measures.\n\n"
                    "## Results {.tabset .tabset-fade}\n\n### Table {-}\n\nThe effect was 0.42 (95% CI 0.30 to 0.54).\n"
                    "{: .note}\n\nSee [Table 2](#tbl-two){target=\"_blank\"} and ![a plot](plot.png){width=50%}, "
                    "a [marked]{.mark} word, and the set {1, 2}.\n")
    doc, _ = load_file(page, "analysis.md")
    assert [s.path for s in doc.sections] == [("Methods",), ("Methods", "Results"), ("Methods", "Results", "Table")]
    assert "See Table 2 and a plot, a marked word, and the set {1, 2}." in doc.text.split("\n"), doc.text
    assert "{" not in doc.text.replace("{1, 2}", ""), doc.text


def test_a_markdown_pages_one_top_heading_names_it_and_a_line_ending_in_a_comma_goes_on(tmp_path: Path):
    # ComplexHeatmap's FAQ: "## Most probably asked questions" over its questions, each "###"; a
    # line of R code had been taken for the title. A paragraph of one link a line, each ending in a
    # comma or "and", is one sentence, as a browser shows it ("edgeR, limma,", "DSS," apart).
    page = tmp_path / "faq.md"
    page.write_text("## Most probably asked questions\n\n```r\noptions(markdown.HTML.options = c('toc'))\n```\n\n"
                    "### Can the heatmaps be added vertically?\n\nYes, use %v% instead of +.\n\n"
                    "### Can I make an interactive heatmap?\n\nOther packages with similar aims are\n"
                    "[edgeR](http://bioconductor.org/packages/edgeR),\n[DSS](http://bioconductor.org/packages/DSS), and\n"
                    "[baySeq](http://bioconductor.org/packages/baySeq).\n")
    doc, _ = load_file(page, "faq.md")
    assert doc.title == "Most probably asked questions", doc.title
    assert "Other packages with similar aims are edgeR, DSS, and baySeq." in doc.text.split("\n"), doc.text
    # two headings at the top level: neither is the page's title
    page.write_text("## Install\n\nRun the installer.\n\n## Use\n\nRun the program.\n")
    assert load_file(page, "faq.md")[0].title not in ("Install", "Use")


def test_a_title_blocks_author_and_date_set_as_headings_head_no_section(tmp_path: Path):
    # R Markdown's HTML sets the title block's author and date as <h4 class="author"> and
    # <h4 class="date">: "Edited: October, 2022; Compiled: December 23, 2022" had headed the
    # vignette's text up to its first section; the lines stay as text.
    page = tmp_path / "vignette.html"
    page.write_text('<html><head><title>Introduction to BiocParallel</title></head><body><div id="header">'
                    '<h1 class="title toc-ignore">Introduction to BiocParallel</h1>'
                    '<h4 class="author">Valerie Obenchain</h4>'
                    '<h4 class="date">Edited: October, 2022; Compiled: December 23, 2022</h4></div>'
                    "<p>BiocParallel runs code in parallel on many back-ends, chosen by a parameter object.</p>"
                    "<h1>1 Introduction</h1><p>Numerous approaches are available for parallel computing in R, "
                    "and this package gives them one interface.</p><h1>2 Quick start</h1><p>The package is "
                    "installed with BiocManager, and its registered back-ends are listed by registered().</p></body></html>")
    doc, _ = load_file(page, "vignette.html")
    assert [s.path for s in doc.sections] == [("1 Introduction",), ("2 Quick start",)], doc.sections
    assert "Edited: October, 2022; Compiled: December 23, 2022" in doc.text and "Valerie Obenchain" in doc.text, doc.text


def test_a_title_blocks_date_line_gives_the_year_its_citation_names(tmp_path: Path):
    # pandoc's and R Markdown's pages date themselves in the title block ('<h4 class="date">'), not
    # in a <meta> tag: brms' vignettes were cited with their author and no year.
    page = tmp_path / "families.html"
    page.write_text('<html><head><title>Parameterization of Response Distributions in brms</title></head><body>'
                    '<div id="header"><h1 class="title">Parameterization of Response Distributions in brms</h1>'
                    '<h4 class="author">Paul Bürkner</h4><h4 class="date">2022-09-19</h4></div>'
                    "<p>The purpose of this vignette is to discuss the parameterizations of the families used in brms.</p>"
                    "</body></html>")
    doc, _ = load_file(page, "families.html")
    assert (doc.authors, doc.year) == (("Paul Bürkner",), "2022"), (doc.authors, doc.year)


def test_html_in_markdown_reads_as_a_browser_shows_it(tmp_path: Path):
    # READMEs mix HTML into Markdown: character references, <br> line breaks (also inside a pipe
    # table's cell, whose rows have no outer bars and are long enough to look hard-wrapped), a
    # <details> block, and an HTML table of options with one row spread over lines.  Code shows
    # "&amp;" as written.
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Tool\n\nFish &amp; chips cost &lt;5&nbsp;EUR &mdash; cheap.\nLine one<br>line two.\n\n"
        "name | default | description\n-----|---------|------------\n"
        "`TOOL_VERSION` | | Specifies the version of the tool to be used.<br>Also see `tool shell`\n"
        "`TOOL_ROOT` | `~/.tool` | Defines the directory under which the versions and the shims reside.\n\n"
        "<details>\n<summary>Install notes</summary>\n\nInstall it with pip.\n\n</details>\n\n"
        "<table>\n  <tr><th>Option</th><th>Meaning</th></tr>\n  <tr><td>-v</td><td>Verbose <b>output</b></td></tr>\n"
        "  <tr>\n    <td>-q</td>\n    <td>Quiet mode</td>\n  </tr>\n</table>\n\nUse `a &amp;&amp; b` as written.\n")
    doc, _ = load_file(readme, "README.md")
    lines = doc.text.split("\n")
    assert "Fish & chips cost <5 EUR — cheap." in lines and "Line one" in lines and "line two." in lines
    assert "TOOL_VERSION | | Specifies the version of the tool to be used. Also see tool shell" in lines
    assert "TOOL_ROOT | ~/.tool | Defines the directory under which the versions and the shims reside." in lines
    assert "Install notes" in lines and "Install it with pip." in lines
    # a GitHub alert's type is its box's label, not "[!IMPORTANT]"
    readme.write_text("# Tool\n\n> [!IMPORTANT]\n> Get security updates for version 0.\n\nText.\n")
    assert load_file(readme, "README.md")[0].text.split("\n")[2:4] == ["Important", "Get security updates for version 0."]
    assert "Option | Meaning\n-v | Verbose output\n-q | Quiet mode" in doc.text
    assert "Use a &amp;&amp; b as written." in lines


def test_an_mkdocs_admonition_reads_as_its_title_over_its_body_as_prose(tmp_path: Path):
    # MkDocs documentation sets notes as Python-Markdown admonitions: "!!! warning" or '!!! tip
    # "Exporting"' over a body indented four spaces, which after a blank line read as a code block
    # (its lines kept apart, the marker line as text). The box shows its title, or its type.
    page = tmp_path / "guide.md"
    page.write_text(
        "# sleepkit\n\nA toolkit for analysing sleep diaries.\n\n!!! warning\n\n"
        "    Never delete the raw diary files: the summaries cannot be recomputed\n    without them.\n\n"
        "    ```bash\n    sleepkit export diaries/\n    ```\n\n"
        '??? note "Why two weeks?"\n    Two weeks cover both working days and weekends.\n\nBack to the text.\n')
    lines = load_file(page, "guide.md")[0].text.split("\n")
    assert "Warning" in lines and "!!! warning" not in lines, lines
    assert "Never delete the raw diary files: the summaries cannot be recomputed without them." in lines, lines
    assert "sleepkit export diaries/" in lines, lines
    assert "Why two weeks?" in lines and "Two weeks cover both working days and weekends." in lines, lines


def test_a_myst_admonition_reads_as_its_title_over_its_body_as_prose(tmp_path: Path):
    # Sphinx projects written in MyST fence their notes ("```{note}"): read as a code fence, the
    # body's wrapped lines stayed apart and its list kept the source's dashes. Its options are no text.
    page = tmp_path / "installs.md"
    page.write_text(
        "# Local installs\n\nInstall the project in place.\n\n```{note}\n:class: margin\n"
        "This is the same as develop mode, and that is the mechanism\nused for such projects.\n\n"
        "- It works with any build backend.\n- The metadata is written beside the project.\n```\n\n"
        "```{admonition} Why in place?\nEdits show at once.\n```\n\nBack to the text.\n")
    lines = load_file(page, "installs.md")[0].text.split("\n")
    assert "Note" in lines and not any("{note}" in ln or ":class:" in ln for ln in lines), lines
    assert "This is the same as develop mode, and that is the mechanism used for such projects." in lines, lines
    assert "• It works with any build backend." in lines, lines
    assert "Why in place?" in lines and "Edits show at once." in lines and "Back to the text." in lines, lines


def test_a_shortcut_reference_link_reads_as_its_text(tmp_path: Path):
    # Cargo's README: "learn more at [The Cargo Book]." with the label defined below (two
    # definitions in a row, which unwrapping joins into one line); a bracketed word no definition
    # names, a footnote's mark and a task list's box stay as they read.
    page = tmp_path / "README.md"
    page.write_text(
        "# Cargo\n\nTo start using Cargo, learn more at [The Cargo Book].\n\nRead the **[Contributor Guide]** first.\n\n"
        "Check [x] the box, as noted[^1] in [citation needed].\n\n"
        "[The Cargo Book]: https://doc.rust-lang.org/cargo/\n[contributor guide]: https://example.org/contrib/\n\n"
        "[^1]: A footnote.\n")
    text = load_file(page, "README.md")[0].text
    assert "learn more at The Cargo Book." in text and "Read the Contributor Guide first." in text, text
    assert "Check [x] the box, as noted in [citation needed]." in text and "https://" not in text, text


def test_a_markdown_files_title_is_a_top_heading_with_nothing_before_it_or_its_title_block(tmp_path: Path):
    # double-conversion's README opens with its address and an introduction, then "Building" over
    # "=====": a section, not the title (its introduction had run on into it, unsectioned). A MyST
    # target line ("(ssl-certificates)=") shows nothing; pandoc's "% Title" block names the page.
    readme = tmp_path / "README.md"
    readme.write_text("https://github.com/google/double-conversion\n\nThis project provides conversion routines.\n\n"
                      "Building\n========\n\nRun make test to run all tests.\n\nScons\n-----\n\nUse scons install.\n")
    doc = load_file(readme, "README.md")[0]
    assert doc.title != "Building" and ("Building",) in [sc.path for sc in doc.sections], (doc.title, doc.sections)
    certs = tmp_path / "certs.md"
    certs.write_text("(ssl-certificates)=\n\n# HTTPS Certificates\n\npip verifies certificates.\n")
    doc = load_file(certs, "certs.md")[0]
    assert doc.title == "HTTPS Certificates" and "ssl-certificates" not in doc.text, (doc.title, doc.text)
    notes = tmp_path / "RELEASES.md"
    notes.write_text("% Rust Release Notes\n\nVersion 1.95 (2026-04-16)\n==========================\n\nLanguage changes.\n")
    doc = load_file(notes, "RELEASES.md")[0]
    assert doc.title == "Rust Release Notes" and "%" not in doc.text, (doc.title, doc.text)


def test_a_wrapped_line_that_opens_with_a_code_span_of_marks_goes_on(tmp_path: Path):
    # Node's path docs: "resolving `'..'` and" over "`'.'` segments." is one sentence (its highlight
    # had ended "resolving '..' and"); a line under a finished sentence still starts its own.
    page = tmp_path / "path.md"
    page.write_text("# Path\n\nThe `path.normalize()` method normalizes the given `path`, resolving `'..'` and\n"
                    "`'.'` segments.\n\nIt is fast.\n`..` is the parent.\n")
    lines = load_file(page, "path.md")[0].text.split("\n")
    assert "The path.normalize() method normalizes the given path, resolving '..' and '.' segments." in lines, lines
    assert "It is fast." in lines, lines


def test_a_code_blocks_own_stars_and_dashes_stay_as_written(tmp_path: Path):
    # A shell session marks the active version with "* ", a YAML list opens its items with "- ":
    # inside code they are the program's, not list bullets (they had read "• 2.7.6", "• stable").
    page = tmp_path / "versions.md"
    page.write_text(
        "# Versions\n\nList them:\n\n    $ pyenv versions\n      system\n    * 2.7.6 (set by ~/.pyenv/version)\n\n"
        "In CI:\n\n```yaml\nrust:\n  - stable\n  - beta\n```\n\n* a list item of prose\n- and another\n")
    lines = load_file(page, "versions.md")[0].text.split("\n")
    assert "* 2.7.6 (set by ~/.pyenv/version)" in lines and "  - stable" in lines, lines
    assert "• a list item of prose" in lines and "• and another" in lines, lines


def test_a_markdown_disclosures_summary_heads_its_answer_a_level_under_its_section(tmp_path: Path):
    # A README's FAQ as <details>: each question heads its answer, as on a web page, one level under
    # the heading it stands in, even after a code block; an empty summary and one in code head nothing.
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Tool\n\n## Install\n\n<details><summary>bun</summary><br>\n\n```sh\nbun add tool\n"
        "<summary>not a heading</summary>\n```\n</details>\n<details><summary>yarn</summary>\n\n```sh\n"
        "yarn add tool\n```\n</details>\n\n## FAQ\n\n<details><summary>Should I commit my `.env` file?"
        "</summary><br/>\n\nNo.\n\nUnless you encrypt it.\n</details>\n<details>\n<summary></summary>\n\n"
        "Nothing here.\n</details>\n")
    doc, _ = load_file(readme, "README.md")
    assert [s.path for s in doc.sections] == [
        ("Install",), ("Install", "bun"), ("Install", "yarn"), ("FAQ",), ("FAQ", "Should I commit my .env file?")]
    assert "<summary>not a heading</summary>" in doc.text
    answer = next(s for s in doc.sections if s.path[-1].startswith("Should"))
    assert doc.text[answer.start:].split("\n\n")[:3] == ["Should I commit my .env file?", "No.", "Unless you encrypt it."]


def test_unclosed_markdown_links_and_comments_swallow_nothing_after_them(tmp_path: Path):
    # A changelog's link missing its ")" ran to the next ")" lines below, taking a version heading
    # with it; a comment opened and never closed is text; one closed is left out.
    log = tmp_path / "CHANGELOG.md"
    log.write_text("# Changelog\n\n* Add the launcher [#894](https://example.org/pull/894\n\n## v3.3.1 2016-03-04\n\n"
                   "* Fix the generator (Robert) [#889](https://example.org/pull/889)\n\n<!-- a note -->Done.\n\n"
                   "An <!-- open comment, then text.\n")
    doc, _ = load_file(log, "CHANGELOG.md")
    assert [s.path for s in doc.sections] == [("v3.3.1 2016-03-04",)]
    assert "• Fix the generator (Robert) #889" in doc.text and "Done." in doc.text and "a note" not in doc.text
    assert "An <!-- open comment, then text." in doc.text


def test_markdown_indented_code_is_code_and_a_list_items_indented_paragraph_is_prose(tmp_path: Path):
    # A command reference: usage in an indented code block ("<version>" is no tag, "# ..." no
    # heading, each line stays a line); a list item's second paragraph indented to its text is
    # prose, joined as typed; code four spaces deeper than an item's text is code.
    ref = tmp_path / "COMMANDS.md"
    ref.write_text(
        "# Command Reference\n\nInstall a version.\n\n"
        "    Usage: tool install [-f] <version>\n"
        "           tool install -l|--list\n\n"
        "    # list what can be installed\n    -l/--list    List all available versions\n\n"
        "1. To uninstall, remove the root directory.\n\n"
        "   If you installed it with a package manager,\n   remove the package too:\n\n"
        "       brew uninstall tool\n\n"
        "## Next\n\nMore text here.\n")
    doc, _ = load_file(ref, "COMMANDS.md")
    lines = [ln.strip() for ln in doc.text.split("\n")]
    assert "Usage: tool install [-f] <version>" in lines and "tool install -l|--list" in lines
    assert "       tool install -l|--list" in doc.text.split("\n")  # code keeps its indent
    assert "# list what can be installed" in lines and "-l/--list List all available versions" in lines
    assert [s.path for s in doc.sections] == [("Next",)]
    assert "If you installed it with a package manager, remove the package too:" in lines
    assert "brew uninstall tool" in lines


@pytest.mark.skipif(not PDF_SAMPLES.exists(), reason="needs ../shared/pdf-samples")
def test_every_sample_pdf_is_ingested_or_reported():
    result = load_paths([PDF_SAMPLES])
    pdfs = [e for e in result.report if e.source.endswith(".pdf")]
    assert len(pdfs) == len(list(PDF_SAMPLES.glob("*.pdf")))
    by_name = {Path(e.source).name: e for e in pdfs}
    assert by_name["libreoffice-writer-password.pdf"].status == "skipped"
    assert "encrypted" in by_name["libreoffice-writer-password.pdf"].reason
    for name in ("minimal-document.pdf", "multicolumn.pdf", "pdflatex-4-pages.pdf", "habibi.pdf"):
        assert by_name[name].status == "ok", by_name[name].line()
    docs = {d.doc_id: d for d in result.documents}
    four = docs["pdflatex-4-pages.pdf"]
    assert [p.page for p in four.pages] == [1, 2, 3, 4]
    assert "حَبيبي" in docs["habibi.pdf"].text
    # Visual line breaks are joined back into sentences, hyphenation undone.
    assert "adipiscing elit" in docs["multicolumn.pdf"].text
    files = json.loads((PDF_SAMPLES / "files.json").read_text())
    assert any(f.get("encrypted") for f in files["data"])


@pytest.mark.skipif(not PDF_SAMPLES.exists(), reason="needs ../shared/pdf-samples")
def test_pdfs_read_in_worker_processes_come_out_as_read_one_by_one(tmp_path: Path):
    # Several PDFs are read in a process pool; the documents, their order and every report entry
    # (an encrypted file's reason, a text file between the PDFs) must be what one process reads.
    (tmp_path / "notes.txt").write_text("Notes\n\nA plain text file among the PDFs.")
    paths = [PDF_SAMPLES, tmp_path / "notes.txt", tmp_path / "missing.pdf"]
    alone, pooled = load_paths(paths, workers=1), load_paths(paths, workers=2)
    assert [e.line() for e in pooled.report] == [e.line() for e in alone.report]
    assert [d.doc_id for d in pooled.documents] == [d.doc_id for d in alone.documents]
    assert pooled.documents == alone.documents
    assert any(e.status == "skipped" and "encrypted" in e.reason for e in pooled.report)


def test_reading_shows_progress_only_when_asked(tmp_path: Path, capsys):
    for name in ("a.txt", "b.md"):
        (tmp_path / name).write_text("Notes\n\nSome text to read.")
    load_paths([tmp_path])
    assert "reading" not in capsys.readouterr().err
    load_paths([tmp_path], progress=True)
    assert "reading" in (err := capsys.readouterr().err) and "2/2" in err


def test_missing_path_reported(tmp_path: Path):
    result = load_paths([tmp_path / "nope"])
    assert result.documents == [] and result.report[0].reason == "no such file or folder"


def test_unreadable_file_reported(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text("text")
    f.chmod(0)
    try:
        import os

        if os.geteuid() == 0:
            pytest.skip("root reads any file")
        with pytest.raises(IngestError):
            load_file(f, "a.txt")
    finally:
        f.chmod(0o644)


def test_lone_surrogates_in_a_jsonl_corpus(tmp_path: Path, encoder):
    # JSON may escape half of a surrogate pair ("\ud800"): such text cannot be written as UTF-8.
    # In a title or text it becomes U+FFFD and the document is indexed; in an id (matched exactly
    # against qrels) the line is skipped with its reason; the other lines are indexed.
    from assistant.index import build_index, open_index

    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        '{"_id": "d1", "title": "Sleep \\ud800 study", "text": "Sleep loss raises anxiety \\udfff in adults."}\n'
        '{"_id": "d\\ud83d", "title": "Bad id", "text": "Exercise helps mood."}\n'
        '{"_id": "d3", "title": "Fine", "text": "Therapy changes the brain."}\n')
    loaded = load_paths([corpus])
    by_line = {e.source.rsplit(":", 1)[1]: e for e in loaded.report}
    assert by_line["1"].status == "ok" and by_line["3"].status == "ok"
    assert by_line["2"].status == "skipped" and "surrogate" in by_line["2"].reason
    d1 = next(d for d in loaded.documents if d.doc_id == "d1")
    assert "\ufffd" in d1.title and "\ufffd" in d1.text
    build_index(tmp_path / "idx", loaded.documents, encoder)
    assert open_index(tmp_path / "idx").doc_ids == ["d1", "d3"]


# A blog page as saved from a browser: navigation, a sidebar of other posts, a byline, share buttons,
# comments and a footer around an article with nested headings.
BLOG_PAGE = """<html><head><title>Sleep and memory | Health Blog</title></head><body>
<header><nav><a href="/">Home</a> <a href="/about">About</a> <a href="/blog">Blog</a></nav></header>
<div class="sidebar"><h3>Popular posts</h3><ul><li><a href="/x">Ten tips for better sleep</a></li>
<li><a href="/y">Why we dream</a></li></ul></div>
<article><h1>Sleep consolidates memory</h1><p class="byline">By Ada Lovelace</p>
<h2>Background</h2><p>Sleep after learning strengthens new memories. During slow-wave sleep the hippocampus replays
the day's experiences, and this replay is thought to move them into long-term storage in the cortex.</p>
<h2>Methods</h2><p>Forty students learned word pairs in the evening and were tested the next morning. Half of them
slept normally; the other half were kept awake in the laboratory until the test.</p>
<h3>Participants</h3><p>All participants were healthy adults aged 18 to 30 years who reported regular sleep
schedules and no history of sleep disorders.</p>
<h2>Results</h2><p>Students who slept recalled 20% more word pairs than those kept awake, and the benefit was
largest for the pairs learned last.</p></article>
<div class="share">Share on Facebook Share on Twitter</div>
<section class="comments"><h2>3 comments</h2><p>Great post! I always sleep after studying.</p></section>
<footer>Copyright 2021 Health Blog. Privacy. Terms</footer></body></html>"""


def test_a_web_page_is_its_article_with_section_paths(tmp_path: Path):
    page = tmp_path / "sleep.html"
    page.write_text(BLOG_PAGE)
    doc, _ = load_file(page, "sleep.html")
    assert doc.title == "Sleep consolidates memory"
    assert "kept awake in the laboratory" in doc.text and "healthy adults aged 18 to 30" in doc.text
    for debris in ("Home", "Popular posts", "Why we dream", "Share on Facebook", "Great post", "Privacy"):
        assert debris not in doc.text, debris
    at = doc.text.index("All participants were healthy")
    assert doc.section_at(at) == ("Methods", "Participants")
    assert doc.section_at(doc.text.index("Students who slept")) == ("Results",)
    assert doc.section_at(doc.text.index("Sleep after learning")) == ("Background",)


def test_markdown_headings_give_section_paths_and_keep_paragraphs_apart(tmp_path: Path):
    note = tmp_path / "notes.md"
    note.write_text("# Notes on **sleep**\n\nWhy it matters.\n\n## Methods\n\nWe asked *forty* people.\n\n"
                    "### Sample\n\nStudents aged 18 to 30.\n\n## Results\n\nRecall improved.\n")
    doc, _ = load_file(note, "notes.md")
    assert doc.title == "Notes on sleep"  # the title opens no section of its own
    assert doc.section_at(doc.text.index("Students aged")) == ("Methods", "Sample")
    assert doc.section_at(doc.text.index("Recall improved")) == ("Results",)
    assert doc.section_at(doc.text.index("Why it matters")) == ()
    assert "\n\nMethods\n\n" in doc.text  # a heading's blank line above is kept


def test_plain_text_headings_stand_alone_before_prose(tmp_path: Path):
    page = tmp_path / "capture.txt"
    page.write_text(
        "Health\n\n"  # a site's category above the title: no section
        "Sleep and memory in students\n\n"
        "Sleep after learning strengthens new memories, and this note collects what we know about it so far.\n\n"
        "How Does It Work?\n\n"  # a heading: alone, short, then prose
        "During slow-wave sleep the hippocampus replays the day's experiences and moves them into the cortex.\n\n"
        "Short line\nNot prose either\n\n"  # no blank line between them and no prose after: not headings
        "It is thought to matter most for facts.\n\n"  # a sentence, not a heading
        "Students who slept recalled more word pairs than those kept awake until the test the next morning.\n")
    doc, _ = load_file(page, "capture.txt")
    assert doc.title == "Sleep and memory in students"
    assert [s.path for s in doc.sections] == [("How Does It Work?",)]
    assert doc.section_at(doc.text.index("Students who slept")) == ("How Does It Work?",)
    assert doc.section_at(doc.text.index("Sleep after learning")) == ()


def test_a_change_logs_dated_byline_with_an_address_is_no_heading(tmp_path: Path):
    # A change log in plain text: each entry opens with a date, a name and an e-mail address. The
    # first, over a long item, had read as a heading, and every older entry was cited under it.
    page = tmp_path / "changes.txt"
    page.write_text(
        "This lists changes to the files in reverse chronological order, newest first, for convenience only.\n\n"
        "2017-12-10 Frank Mittelbach <frank@example.org>\n\n"
        "* As the bundle is no longer part of the core distribution, I moved the sources to a public repository.\n\n"
        "1998-06-07 Frank Mittelbach <bugs@example.org>\n\n* oldgerm.dtx: allow to load yinit in any size\n")
    doc, _ = load_file(page, "changes.txt")
    assert doc.sections == (), doc.sections


def test_a_licences_numbered_headings_end_in_a_full_stop_and_may_follow_a_paragraph_directly(tmp_path: Path):
    # A licence as plain text: its terms are numbered headings ending in a full stop ("8.
    # Termination."), some with no blank line after the paragraph before. Read as no headings,
    # every term was cited as "Preamble"; so was every definition under "0. Definitions.", whose
    # first paragraph is one short sentence. A numbered step in lower case and a numbered sentence
    # are no headings.
    prose = "the licence lets anyone copy, change and share the work, on the conditions this section states. "
    page = tmp_path / "LICENSE.txt"
    page.write_text(
        # the copyright notice, longer than the licence's name, names its holder, not the licence
        "EXAMPLE GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\n\nCopyright © 2007 Example Software Foundation, Inc. <https://example.org/>\n\n"
        "Everyone may copy and share this licence word for word, but changing it is not allowed at all.\n\n"
        "Preamble\n\n" + "Free software " + prose * 2 + "\n\n"
        # a term whose first paragraph is one short sentence
        "0. Definitions.\n\n\"This License\" refers to version 3 of this licence.\n\n" + "\"The work\" is " + prose + "\n\n"
        # a defined term numbered without a full stop, over its one-line definition
        "0.1. \"Contribution\"\n    means the work of a particular contributor.\n\n"
        "1. Source Code.\n" + "The source code of " + prose * 2 + "\n"
        "8. Termination.\n" + "Your rights end if you break " + prose * 2 + "\n\n"
        "1. install the program before you read the rest of this notice.\n" + "Installing " + prose + "\n\n"
        "2. You must give every other recipient of the work a copy of this licence.\n" + "Giving " + prose + "\n")
    doc, _ = load_file(page, "LICENSE.txt")
    assert doc.title == "EXAMPLE GENERAL PUBLIC LICENSE"
    assert doc.section_at(doc.text.index("The source code of")) == ("1. Source Code.",)
    assert doc.section_at(doc.text.index("Your rights end")) == ("8. Termination.",)
    # the copyright notice, alone before prose, heads no section either
    assert doc.section_at(doc.text.index("\"The work\" is")) == ("0. Definitions.",)
    # a term numbered under "0." nests under it
    assert doc.section_at(doc.text.index("means the work of")) == ("0. Definitions.", "0.1. \"Contribution\"")
    assert [s.path[-1] for s in doc.sections] == ["Preamble", "0. Definitions.", "0.1. \"Contribution\"", "1. Source Code.",
                                                  "8. Termination."]


def test_a_clause_name_opening_its_paragraph_is_a_heading_and_a_boxed_disclaimer_loses_its_frame(tmp_path: Path):
    # The Apache licence names each numbered term at the start of its hard-wrapped paragraph ("2.
    # Grant of Copyright License. Subject to ..."): read as no headings, every term was cited as
    # "1. Definitions.". The Mozilla licence sets its disclaimer in a box of asterisks, whose
    # frame read as bullets and text ("• basis, without warranty of any kind, ... *"), its heading
    # inside lost. A numbered step that names nothing in capitals stays in its paragraph.
    wrap = ("Subject to the terms and conditions of this License, each Contributor hereby grants\n"
            "      to You a perpetual, worldwide, non-exclusive, no-charge, royalty-free licence\n"
            "      to reproduce and distribute the Work in Source or Object form.\n\n")
    box = "*" * 72 + "\n" + "".join(f"*  {line:<68}*\n" for line in [
        "", "6. Disclaimer of Warranty", "-------------------------", "",
        'Covered Software is provided under this License on an "as is"', "basis, without warranty of any kind, "
        "either expressed, implied, or", "statutory, including, without limitation, warranties that the",
        "Covered Software is free of defects.", ""]) + "*" * 72 + "\n\n"
    page = tmp_path / "LICENSE.txt"
    page.write_text("                                 Example License\n\n   1. Definitions.\n\n      " + wrap
                    + "   2. Grant of Copyright License. " + wrap + "   3. Grant of Patent License. " + wrap
                    + "   4. install the program. " + wrap + box)
    doc, _ = load_file(page, "LICENSE.txt")
    assert [s.path[-1] for s in doc.sections] == ["1. Definitions.", "2. Grant of Copyright License.",
                                                   "3. Grant of Patent License.", "6. Disclaimer of Warranty"]
    assert doc.section_at(doc.text.index("4. install the program. Subject")) == ("3. Grant of Patent License.",)
    assert 'on an "as is" basis, without warranty of any kind' in doc.text
    assert "*" not in doc.text and "•" not in doc.text


def test_a_line_repeating_the_title_below_the_headings_does_not_hide_them():
    # Cargo's manual pages are titled "cargo build" and end with the example command "cargo build"
    # on a line of its own: taken for the title's line, it made every heading above it no section
    # (0 sections on 18 of Cargo's command pages). A category line above the title stays no section.
    from assistant.ingest.headings import section_spans

    prose = "Compile the local packages and all of their dependencies, as the options below select them.\n\n"
    text = ("cargo-build(1)\n\nDESCRIPTION\n\n" + prose + "OPTIONS\n\n--release: Build optimized artifacts.\n\n"
            + prose + "EXAMPLES\n\n" + prose + "cargo build\n")
    headings = ((1, "cargo-build(1)"), (2, "DESCRIPTION"), (2, "OPTIONS"), (2, "EXAMPLES"))
    spans = section_spans(text, headings, "cargo build")
    assert [s.path for s in spans] == [("cargo-build(1)",), ("cargo-build(1)", "DESCRIPTION"),
                                       ("cargo-build(1)", "OPTIONS"), ("cargo-build(1)", "EXAMPLES")]
    article = "Neuropsychiatry\n\nThe Brain in Mental Health\n\n" + prose + "How It Works\n\n" + prose
    spans = section_spans(article, ((1, "Neuropsychiatry"), (1, "How It Works")), "The Brain in Mental Health")
    assert [s.path for s in spans] == [("How It Works",)]


def test_a_numbered_lists_last_item_and_a_wrapped_paragraphs_first_line_are_no_headings():
    # From Vim's options reference: a list of values whose last item is short and ends a sentence,
    # under items too long to be headings; and a paragraph whose first line was not joined to the
    # next (that one opens with a link), so that it stood alone, short, after a blank line.
    prose = "Concealed text is shown as the character this option names, in the highlight group it sets. "
    text = ("Conceal level\n\n" + prose * 2 + "\n"
            "1 Concealed text is replaced with one character, unless the syntax item has a custom replacement.\n"
            "2 Concealed text is completely hidden unless it has a custom replacement character defined (see\n"
            "|:syn-cchar|).\n3 Concealed text is completely hidden.\n" + prose * 2 + "\n\n"
            "The value is evaluated like with 'statusline'. You can use\n|tabpagenr()| to find " + prose * 2 + "\n\n"
            "1. Tab pages\n\n" + prose * 2 + "\n9. Acceptance Not Required.\n" + prose * 2 + "\n"
            "10. Automatic Licensing.\n" + prose * 2)
    assert [h for _, h in plain_headings(text)] == ["Conceal level", "1. Tab pages", "9. Acceptance Not Required.",
                                                    "10. Automatic Licensing."]


def test_a_file_typed_with_line_breaks_is_named_by_its_first_line(tmp_path: Path):
    # The Apache licence as text: its name, version and address, then its terms' heading (the
    # longest line before the prose, which names a saved page), then paragraphs hard-wrapped at 80
    # columns: a file typed so is named by its first line.
    page = tmp_path / "LICENSE-APACHE.txt"
    page.write_text(
        "                                 Apache License\n                           Version 2.0, January 2004\n"
        "                        http://www.apache.org/licenses/\n\n"
        "   TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION\n\n   1. Definitions.\n\n"
        '      "License" shall mean the terms and conditions for use, reproduction,\n'
        "      and distribution as defined by Sections 1 through 9 of this document.\n")
    assert load_file(page, "LICENSE-APACHE.txt")[0].title == "Apache License"


def test_a_typed_page_opening_with_its_sites_menu_is_named_by_the_line_after_the_menu(tmp_path: Path):
    # A handbook page saved as text by a text browser: the site's link lines and a menu of short
    # items come first, then the section's heading and its hard-wrapped paragraphs. A menu of
    # longer items (a byline, a date) is no menu, and a file without one keeps its first line.
    page = tmp_path / "sect.backup.txt"
    page.write_text(
        "Download the ebook\n\nProduct SiteDocumentation Site\n\n  • Prev\n  • The Debian Administrator's Handbook\n"
        "  • Next\n\n9.10. Backup\n\nMaking backups is one of the main responsibilities of any administrator, but it\n"
        "is a complex subject, involving powerful tools which are often difficult to master.\nMany programs exist, "
        "such as amanda, bacula, or BackupPC. Those are client/server systems\nfeaturing many options.\n")
    assert load_file(page, "sect.backup.txt")[0].title == "9.10. Backup"
    page.write_text("Backup notes\n\n  • Written by the operations team of the data centre\n  • Reviewed in spring\n\n"
                    "Making backups is one of the main responsibilities of any administrator, but it\nis a complex "
                    "subject, involving powerful tools which are often difficult to master.\n")
    assert load_file(page, "notes.txt")[0].title == "Backup notes"


def test_a_readme_names_itself_under_its_editors_settings_and_its_steps_and_address_head_nothing(tmp_path: Path):
    # A GNU README: Emacs's settings on the first line, the underlined name, a line giving the web
    # home; later, install steps numbered one under another with blank lines between. The name is
    # the title; the address and the steps are text, the "Installation" heading a section.
    readme = tmp_path / "wget-README.txt"
    readme.write_text(
        "                                                          -*- text -*-\nGNU Wget\n========\n"
        "                  Current Web home: https://www.gnu.org/software/wget/\n\nGNU Wget is a free utility for "
        "non-interactive download of files from\nthe Web.  It supports HTTP, HTTPS, and FTP protocols, as well as\n"
        "retrieval through HTTP proxies.\n\nInstallation\n\nTo install from a tar.bz2 distribution, as most people "
        "do, follow the steps below one after another:\n\n  4. Run ./configure, with some options if you wish.\n\n"
        "  5. Run \"make\".\n\n  6. Run \"make install\", possibly as root if the destination permissions\n"
        "     require that.\n")
    doc, _ = load_file(readme, "wget-README.txt")
    assert doc.title == "GNU Wget"
    assert [s.path for s in doc.sections] == [("Installation",)]


def test_a_wrapped_line_before_one_that_opens_with_a_link_is_joined(tmp_path: Path):
    # Node's collaborator guide: a paragraph wrapped at 80 columns whose second line opens with a
    # link ("[CI](#testing-and-ci)"), in capitals, and whose later lines go on in lower case. The
    # lower-case lines, joined first, made one line so long that the first looked short beside it
    # and stayed apart: "... the needed approvals," / "CI, wait time ...".
    guide = tmp_path / "guide.md"
    guide.write_text(
        "# Guide\n\n"
        "A pull request can land if it has the needed [approvals](#code-reviews),\n"
        "[CI](#testing-and-ci), [wait time](#waiting-for-approvals) and no\n"
        "[outstanding objections](#objections). [Breaking changes](#breaking-changes)\n"
        "must receive [TSC review](#involving-the-tsc) in addition to other\n"
        "requirements.\n")
    text = load_file(guide, "guide.md")[0].text
    assert ("A pull request can land if it has the needed approvals, CI, wait time and no outstanding objections. "
            "Breaking changes must receive TSC review in addition to other requirements.") in text.split("\n"), text


def test_a_word_broken_at_a_typed_lines_end_is_rejoined_as_the_document_writes_it(tmp_path: Path):
    # A manual page saved as text (`man tar > tar.txt`): groff breaks words at the line's end with a
    # typographic hyphen (U+2010), which stood in the middle of the joined line ("pat‐ tern"); a
    # note typed with ASCII hyphens kept "treat-ment". A word whole elsewhere in the document or in
    # English is joined; a compound the document writes with its hyphen ("self-blame") keeps it.
    page = tmp_path / "tar.txt"
    page.write_text(
        "NAME\n       tar - an archiving utility\n\nOPTIONS\n"
        "       Exclude files matching PATTERN, a glob(3)-style wildcard pat\u2010\n"
        "       tern. Every member of the archive is compared with the pattern before it is written.\n\n"
        "       Patients described self-blame and asked about treatment, and their self-\n"
        "       blame eased within a month of the day on which the clinic's new treat-\n"
        "       ment had begun. The clinic recorded every session in the same way.\n")
    doc, _ = load_file(page, "tar.txt")
    assert "wildcard pattern. Every member" in doc.text, doc.text
    assert "their self-blame eased within a month of the day on which the clinic's new treatment had begun." in doc.text, doc.text
    assert "\u2010" not in doc.text


def test_an_options_minus_sign_reads_as_the_hyphen_a_reader_types(tmp_path: Path):
    # groff prints a manual page's options with the minus sign (U+2212): "−P", "−−force". Searched
    # for as typed ("What does the -P switch do?") they named no option and the answer was missed.
    # A minus sign in arithmetic, between spaces or before a number, stays one.
    page = tmp_path / "dot.txt"
    page.write_text("The \u2212P switch lists plugins; \u2212\u2212force overwrites. Here x \u2212 y is \u22121.5, "
                    "and an edge reads tail\u2212\u2212head.\n")
    text = load_file(page, "dot.txt")[0].text
    assert "The -P switch" in text and "--force" in text and command_options(text) == ["-P", "--force"]
    assert "x \u2212 y is \u22121.5" in text and "tail\u2212\u2212head" in text


def test_a_code_paragraph_of_lines_parted_by_breaks_is_a_listing_whose_comments_head_nothing(tmp_path: Path):
    # The Apache manual sets examples as <p><code>...<br>...</code></p>, no <pre>: a comment in one,
    # "# Lowercase HTTP method", came out as a heading, and the 60 directives after it went under it.
    page = tmp_path / "core.html"
    page.write_text(
        "<html><head><title>core - Apache HTTP Server</title></head><body><div id='page-content'>"
        "<h2>HttpProtocolOptions Directive</h2><p>This directive changes the rules applied to the HTTP "
        "request line and headers, and registered methods are checked by the server.</p>"
        "<div class='example'><h3>Example of a request leading to HTTP 501</h3><p><code>\n"
        "  # Unknown HTTP method<br>\n  WOW / HTTP/1.0<br><br>\n  # Lowercase HTTP method<br>\n"
        "  get / HTTP/1.0<br>\n</code></p></div>"
        "<p>Reviewing the messages logged to the error log can help identify such faulty requests.</p>"
        "<h2>KeepAlive Directive</h2><p>The Keep-Alive extension provides long-lived HTTP sessions which "
        "allow multiple requests to be sent over the same TCP connection.</p>"
        "<p>To enable Keep-Alive connections, set KeepAlive On in the server configuration.</p>"
        "</div></body></html>")
    doc, _ = load_file(page, "core.html")
    assert [s.path for s in doc.sections if "Lowercase" in " ".join(s.path)] == []
    assert ("KeepAlive Directive",) in [s.path for s in doc.sections]
    assert "WOW / HTTP/1.0\n# Lowercase HTTP method\nget / HTTP/1.0" in doc.text, doc.text


def test_a_definitions_empty_category_mark_opens_no_term(tmp_path: Path):
    # Texinfo's HTML sets a definition's category before its name, and Octave's manual leaves it
    # empty: '<span class="category">: </span>' made every entry read ": intmax (var): Return ...",
    # the second and third forms of a function too. A category that says something stays.
    page = tmp_path / "Integer-Data-Types.html"
    page.write_text(
        "<html><head><title>Integer Data Types</title></head><body><h2>4.4 Integer Data Types</h2>"
        "<p>Octave supports integer matrices, and the largest value of a type is asked of intmax.</p>"
        "<dl class='def'><dt id='index-intmax'><span class='category'>: </span><span><strong>intmax</strong> "
        "<em>()</em></span></dt><dt id='index-intmax-1'><span class='category'>: </span><span><strong>intmax</strong>"
        " <em>(var)</em></span></dt><dd><p>Return the largest integer that can be represented by a specific "
        "integer type.</p></dd></dl>"
        "<dl class='def'><dt><span class='category'>Function: </span><span><strong>sha256_init</strong> "
        "<em>(ctx)</em></span></dt><dd><p>Initialize the SHA256 state.</p></dd></dl></body></html>")
    text = load_file(page, "Integer-Data-Types.html")[0].text
    assert "intmax (var): Return the largest integer" in text and not re.search(r"(?m)^:", text), text
    assert "Function: sha256_init (ctx)" in text, text


def test_a_bar_escaped_in_a_table_cell_reads_as_the_bar_it_shows(tmp_path: Path):
    # GFM escapes a bar inside a cell ("On\|Off"), and trafilatura writes an HTML table's cells so:
    # the Apache manual's syntax rows had read "KeepAlive On\|Off". The bars between cells stay.
    page = tmp_path / "directives.md"
    page.write_text("# Directives\n\nThe directives below control connections.\n\n| Field | Value |\n|---|---|\n"
                    "| Syntax: | KeepAlive On\\|Off |\n| Default: | `LuaScope once\\|request` |\n")
    text = load_file(page, "directives.md")[0].text
    assert "Syntax: | KeepAlive On|Off" in text and "Default: | LuaScope once|request" in text, text


def test_a_manual_page_saved_as_text_has_its_sections_in_capitals(tmp_path: Path):
    # `man grep > grep.txt`: each section's name in capitals at the margin over an indented body,
    # whose first line may be short ("grep - print lines that match patterns", a synopsis line, an
    # option group's name): none of them opened a section, so "What does grep do?" cited the whole
    # page as one. A line in capitals over another one in capitals stays text.
    page = tmp_path / "grep.txt"
    page.write_text(
        "GREP(1)                 User Commands                 GREP(1)\n\n"
        "NAME\n       grep - print lines that match patterns\n\n"
        "SYNOPSIS\n       grep [OPTION...] PATTERNS [FILE...]\n\n"
        "DESCRIPTION\n       grep searches for PATTERNS in each FILE. PATTERNS is one or more patterns separated by\n"
        "       newline characters, and grep prints each line that matches a pattern.\n\n"
        "OPTIONS\n   Generic Program Information\n       --help Output a usage message and exit.\n\n"
        "EXIT STATUS\nNORMALLY ZERO\n\nSEE ALSO\n       awk(1), cmp(1), diff(1), find(1), perl(1), sed(1), sort(1)\n")
    doc, _ = load_file(page, "grep.txt")
    assert doc.section_at(doc.text.index("grep - print lines")) == ("NAME",), doc.sections
    assert doc.section_at(doc.text.index("grep [OPTION...]")) == ("SYNOPSIS",)
    assert doc.section_at(doc.text.index("Generic Program")) == ("OPTIONS",)
    assert doc.section_at(doc.text.index("awk(1)")) == ("SEE ALSO",)
    assert ("EXIT STATUS",) not in [s.path for s in doc.sections]


def test_hard_wrapped_paragraphs_are_joined_and_lists_tables_and_addresses_are_not(tmp_path: Path):
    # A Markdown note typed with line breaks at 80 columns: a line break ends a sentence, so each
    # paragraph and each wrapped list item must become one line; a long heading with its
    # paragraph right under it, a list, a short-lined address and a table of numbers keep theirs.
    note = tmp_path / "notes.md"
    note.write_text(
        "# Notes\n\n## A heading long enough to reach most of the way across the typed page\n"
        "Sleep consolidates memories of the day in the hippocampus, and it also clears\n"
        "waste from the brain through the glymphatic system, which is most active\n"
        "during deep sleep.\n\n"
        "The review names three stages:\n"
        "- Stage one has its own rhythm and is the lightest, with slow rolling eye\n"
        "  movements and a drop in muscle tone.\n"
        "- Stage two has spindles.\n\n"
        "Address for correspondence\nJane Smith\nDepartment of Psychiatry\n\n"
        "Participants in the trial by group, age in years and recall scores per week\n"
        "Group A 30 12.5 13.1 12.9 14.0 13.3 12.8 13.7 14.2 13.9 12.6\n"
        "Group B 41 13.1 12.2 12.7 13.5 12.9 13.8 12.4 13.0 13.6 12.1\n")
    doc, _ = load_file(note, "notes.md")
    lines = doc.text.split("\n")
    assert ("Sleep consolidates memories of the day in the hippocampus, and it also clears waste from the brain "
            "through the glymphatic system, which is most active during deep sleep.") in lines
    assert "• Stage one has its own rhythm and is the lightest, with slow rolling eye movements and a drop in muscle tone." in lines
    assert "• Stage two has spindles." in lines
    assert doc.section_at(doc.text.index("Sleep consolidates")) == (
        "A heading long enough to reach most of the way across the typed page",)
    for kept in ("The review names three stages:", "Jane Smith", "Department of Psychiatry",
                 "Group A 30 12.5 13.1 12.9 14.0 13.3 12.8 13.7 14.2 13.9 12.6"):
        assert kept in lines


def test_a_markdown_sentence_broken_before_a_capital_is_one_line(tmp_path: Path):
    # setspace's README breaks a sentence short before a name ("... unchanged from Geoffrey" over
    # "Tobin's LaTeX 2.09 original, ..."): Markdown joins the lines, and the reader had kept the
    # break, the name cut in two. Short lines of names and a field under a line stay apart.
    readme = tmp_path / "README.md"
    readme.write_text(
        "# setspace\n\nThe code is unchanged from Geoffrey\nTobin's LaTeX 2.09 original, except for patches that avoid a "
        "problem\nwith the size commands, when the package is used with other packages under LaTeX 2e.\n\n"
        "The package is maintained by the LaTeX team\nLicense: LaTeX Project Public License\n\nAuthors\nJane Doe\nJohn Smith\n")
    doc, _ = load_file(readme, "README.md")
    lines = doc.text.split("\n")
    assert ("The code is unchanged from Geoffrey Tobin's LaTeX 2.09 original, except for patches that avoid a problem "
            "with the size commands, when the package is used with other packages under LaTeX 2e.") in lines, lines
    assert "License: LaTeX Project Public License" in lines and "Jane Doe" in lines and "John Smith" in lines, lines


def _paginated(pages: list[list[str]], head: str, foot: str, length: int | None = None) -> str:
    """Pages of text with a running head and a numbered foot: separated by form feeds, or (with
    `length`) padded with blank lines to that many lines each, as groff formats a manual page."""
    out = []
    for n, body in enumerate(pages, 1):
        lines = [head, "", "", *body, "", ""]
        lines += [""] * ((length or 0) - len(lines) - 1) + [foot.format(n)]
        out.append("\n".join(lines) + "\n")
    return "".join(out) if length else "\f".join(out)


# Four pages of an RFC-like memo, typed at 72 columns: a paragraph broken across the first page
# break mid-word ("proto-" / "col"); a word broken on the second page that only the first writes
# whole ("for-" / "warding", two English words); a paragraph ending with its sentence at the
# second break; one broken after "an" before a name ("an" / "SSH tunnel"). "Note:" stands alone
# three times, near the foot of two pages: a line of the text, no furniture.
_MEMO = [
    ["1. Introduction", "",
     "   The transfer protocol described here moves files between two hosts",
     "   that share no file system. Each transfer opens a connection, names",
     "   the file and its size, and sends it in blocks of fixed size, forwarding",
     "   them through the hosts between. The",
     "", "   Note:", "   The receiving host acknowledges each block it gets; the proto-"],
    ["   col resends a block that is not acknowledged within the time the",
     "   sender allows for it, and gives up after three tries.", "", "   Note:",
     "   A host that gives up closes the connection, stops for-",
     "   warding, reports the failure to the user who asked for the file,",
     "   and keeps the blocks it received so that a later transfer can begin",
     "   where this one stopped."],
    ["2. Security Considerations", "",
     "   Blocks are sent in the clear, so the transfer must run inside a",
     "   secured channel when the files are private. The sender then uses an"],
    ["   SSH tunnel or a TLS connection.", "", "   Note:", "   None of this is new."],
]


@pytest.mark.parametrize("length", [None, 30], ids=["form feeds", "fixed page length"])
def test_paginated_text_loses_its_running_heads_and_feet_and_joins_a_paragraph_across_pages(
        tmp_path: Path, length: int | None):
    # An RFC, a PDF's text saved by pdftotext (a form feed between pages) or a manual page formatted
    # by groff (pages of a fixed length): the head and the numbered foot stood in the text as
    # sections ("RFC 9999  File Transfer  June 2025") and split the paragraph the page break cut.
    path = tmp_path / "memo.txt"
    path.write_text(_paginated(_MEMO, "RFC 9999                 File Transfer                 June 2025",
                               "Doe                       Informational                 [Page {}]", length))
    doc, _ = load_file(path, "memo.txt")
    assert "RFC 9999" not in doc.text and "Informational" not in doc.text and "[Page" not in doc.text, doc.text
    assert ("the receiving host acknowledges each block it gets; the protocol resends a block that is not "
            "acknowledged within the time the sender allows for it, and gives up after three tries.") in doc.text.lower()
    assert "closes the connection, stops forwarding, reports" in doc.text, doc.text
    assert "within a secured channel" not in doc.text  # no words added
    assert doc.text.count("Note:") == 3
    assert doc.section_at(doc.text.index("Blocks are sent")) == ("2. Security Considerations",), doc.sections
    assert "The sender then uses an SSH tunnel or a TLS connection." in doc.text
    # A paragraph that ends with its page stays apart from the next page's text.
    assert "where this one stopped.\n" in doc.text
    if length is None:
        # Paged by form feeds, the text is cited by its pages: the paragraph the first break cut
        # stands on pages 1-2, the security section on page 3.
        at = doc.text.index("The receiving host acknowledges")
        assert doc.page_range(at, doc.text.index("three tries.")) == (1, 2), doc.pages
        blocks = doc.text.index("Blocks are sent")
        assert doc.page_range(blocks, blocks + 10) == (3,)
        assert doc.page_range(doc.text.index("None of this"), len(doc.text)) == (4,)
    else:
        assert doc.pages == ()


def test_a_line_repeated_at_no_page_length_and_a_text_of_nothing_but_heads_are_kept(tmp_path: Path):
    # A short line repeated, but not a page apart each time, is text ("Default: off" under each
    # option); a PDF whose text is its heads and feet alone (a template's dummy pages) keeps them,
    # as there is nothing else to read.
    options = tmp_path / "options.txt"
    options.write_text("".join(f"--option-{n}\n    Turns feature {n} on for every file that is read.\n"
                               f"{chr(10) * (n % 4)}    Default: off for every file\n\n" for n in range(12)))
    doc, _ = load_file(options, "options.txt")
    assert doc.text.count("Default: off for every file") == 12, doc.text
    # A text holding the same long section several times (a form filled in four times, a page
    # saved twice) repeats each line a section's length apart, more than a printed page holds.
    fields = ("name surname address town county postcode country phone email employer occupation income "
              "savings pension partner children school doctor allergies medicines insurer policy bank account "
              "sortcode referee relation signature date witness notes").split()
    section = "".join(f"Applicant {field}\n\n    The applicant writes the value asked for here.\n\n" for field in fields)
    forms = tmp_path / "forms.txt"
    forms.write_text(section * 4)
    doc, _ = load_file(forms, "forms.txt")
    assert doc.text.count("Applicant occupation\n") == 4, doc.text[:500]
    dummy = tmp_path / "dummy.txt"
    dummy.write_text("\f".join(f"This is the header of the included document\n\nPage {n}\n\n"
                               "This is the footer of the included document\n" for n in range(1, 5)))
    doc, _ = load_file(dummy, "dummy.txt")
    assert doc.text.count("This is the header") == 4 and "Page 3" in doc.text, doc.text


def test_a_news_file_paged_by_form_feeds_keeps_the_version_heading_atop_each_page(tmp_path: Path):
    # GNU's NEWS files put a form feed before each release: "Version 3.61", "Version 3.60", ... head
    # the pages alike but for their numbers, which count down, not as pages do; a page number
    # counts up with the pages. The versions had gone as running heads.
    changes = ["The pager reads compressed pages.", "A new option lists every section.", "Startup is faster.",
               "The cache is rebuilt less often.", "Warnings name the file they concern."]
    releases = [f"Version 3.{61 - n}\n\nChanges in this release:\n\n{change}\n" for n, change in enumerate(changes)]
    path = tmp_path / "NEWS.txt"
    path.write_text("\f\n".join(releases))
    doc, _ = load_file(path, "NEWS.txt")
    assert all(f"Version 3.{61 - n}" in doc.text for n in range(5)), doc.text


def test_a_footnote_closing_a_page_is_not_joined_to_the_next_pages_text(tmp_path: Path):
    # A manual formatted with groff -ms: a footnote under a rule ends the page, and the next page
    # goes on with the paragraph the footnote interrupted. The footnote's text had run on into it.
    pages = [["The theory: if you go to a library to take a book out, what do you do?", "",
              "a) Go and look where it might be on a terminal and then go look at the", "OR",
              "____________________", "1 originally conceived after observing the pager suite"],
             ["b) start at one end of the ground floor and look along every shelf until you have",
              "found it, then go up a level and start again."],
             ["c) ask at the desk.", "", "The same holds for manual pages."]]
    path = tmp_path / "manual.txt"
    path.write_text(_paginated(pages, "", "man-db v2.11.2 2023-01-08 {}"))
    doc, _ = load_file(path, "manual.txt")
    assert "man-db v2.11.2" not in doc.text, doc.text
    assert "pager suite b)" not in doc.text and "b) start at one end" in doc.text


# A page as `pdftotext -layout` writes a two-column article: the title across the page, then each
# line holding a line of the left column and one of the right. The left column's last paragraph
# goes on at the right column's top ("... the training" / "sessions were ..."); a table under the
# columns parts its cells by gaps too, and keeps its rows.
_LEFT = ["Background", "Cognitive remediation improves the thinking skills",
         "of people with psychosis. Little is known about its", "effect in young people at risk, so we ran a trial",
         "in which they took part in the training or in usual", "", "Methods",
         "Young people aged 16 to 35 were recruited from two", "early intervention services and were given the",
         "training or usual care at random; the training"]
_RIGHT = ["sessions were delivered once a week in groups of", "eight, and every session was led by two trained",
          "psychologists who followed a written manual all", "through the twenty four weeks of the training.", "",
          "Results", "Attention improved by week twelve and the gain held", "at the six month visit, while memory did not",
          "change in either of the groups compared here."]
_LAYOUT = "\n".join(["                      Brain Training for Young People at Risk", "", *(
    f"{left:<56}{right}" for left, right in zip(_LEFT, _RIGHT + [""])), "",
    "Table 1    Visit             Attention at the visit          Memory at the visit",
    "           Week 12           0.45                            0.10",
    "           Month 6           0.41                            0.08"]) + "\n"


def test_two_columns_saved_side_by_side_are_read_column_by_column(tmp_path: Path):
    # Each line had been read across both columns: "Cognitive remediation improves the thinking
    # skills sessions were delivered once a week in groups of".
    path = tmp_path / "article.txt"
    path.write_text(_LAYOUT + "\f" + _LAYOUT.replace("Brain Training", "Brain Training, page two"))
    doc, _ = load_file(path, "article.txt")
    assert "Cognitive remediation improves the thinking skills of people with psychosis." in doc.text, doc.text
    assert "training or usual care at random; the training sessions were delivered once a week" in doc.text
    assert doc.text.index("Young people aged 16") < doc.text.index("Attention improved by week twelve")
    assert doc.text.index("compared here.") < doc.text.index("Table 1")
    assert "Week 12 0.45 0.10\n" in doc.text
    assert "skills sessions" not in doc.text


def test_a_wrapped_line_opening_with_an_initial_goes_on_and_a_lettered_list_keeps_its_items(tmp_path: Path):
    # "W. Eaton" at a line's start had been taken for a list item lettered "W.", so the sentence
    # stopped at "written by John". Lists are lettered from the start of the alphabet.
    path = tmp_path / "manual.txt"
    path.write_text(
        "man-db originally started out life as program suite man-1.1B, written by John\n"
        "W. Eaton and maintained by Rik Faith, to which support for cat directories was\n"
        "added by the newly formed committee that proposed the file system standard.\n\n"
        "To find a book in a library you may do one of two things, neither of them quick:\n"
        "a. Go and look where it might be on a terminal, and then go look at the shelf\n"
        "b. Start at one end of the ground floor and look along every bookshelf\n")
    doc, _ = load_file(path, "manual.txt")
    assert "written by John W. Eaton and maintained by Rik Faith" in doc.text, doc.text
    assert "\na. Go and look" in doc.text and "\nb. Start at one end" in doc.text


def test_text_paged_by_form_feeds_gives_the_page_numbers_its_feet_print(tmp_path: Path):
    # A journal article saved by pdftotext: its feet print the journal's page numbers, 2291 on the
    # first page, which a citation gives beside the page's own number, as for the PDF.
    body = ["The spinal cord's lamina I holds projection neurons that carry pain signals to the brain.",
            "Most of them express the neurokinin 1 receptor, which substance P activates.",
            "We counted the contacts that peptidergic afferents make on these cells.",
            "Each cell received contacts from both kinds of afferent that we labelled."]
    path = tmp_path / "article.txt"
    path.write_text("\f".join(f"PAIN 155 (2014) 2291-2300\n\n{line}\n\n{2290 + n}\n" for n, line in enumerate(body, 1)))
    doc, _ = load_file(path, "article.txt")
    assert "2291-2300" not in doc.text and "2293" not in doc.text, doc.text
    at = doc.text.index("We counted")
    assert doc.page_range(at, at + 5) == (3,) and doc.page_label(3) == "2293"
    memo = tmp_path / "memo.txt"  # feet that print the page's own number add nothing
    memo.write_text(_paginated(_MEMO, "RFC 9999  File Transfer  June 2025", "Doe  Informational  [Page {}]"))
    doc, _ = load_file(memo, "memo.txt")
    assert [p.label for p in doc.pages] == ["", "", "", ""]


def test_a_manual_page_formatted_into_pages_is_named_by_its_name_line(tmp_path: Path):
    # groff's pages lose their running head "SSH(1) ... SSH(1)", and the text opens with the
    # section label "NAME", which had become the document's title in every citation.
    pages = [["NAME", "     ssh - OpenSSH remote login client", "", "SYNOPSIS", "     ssh [-46AaCf] destination",
              "", "DESCRIPTION", "     ssh is a program for logging into a remote machine and for executing",
              "     commands on a remote machine."],
             ["     It is intended to provide secure encrypted communications between two",
              "     untrusted hosts over an insecure network."],
             ["AUTHORS", "     OpenSSH is a derivative of the original ssh 1.2.12 release."]]
    path = tmp_path / "ssh.txt"
    path.write_text(_paginated(pages, "SSH(1)          BSD General Commands Manual          SSH(1)",
                               "BSD                 November 28, 2022                 {}", length=30))
    doc, _ = load_file(path, "ssh.txt")
    assert doc.title == "ssh - OpenSSH remote login client", doc.title
    assert "General Commands Manual" not in doc.text


def test_a_printed_manual_pages_title_is_no_section_label_nor_its_scripts_first_line():
    # A manual page printed to PDF by groff: its running heads are furniture, so its text opens
    # with the label "NAME". Under it, one page names itself in a line; another names eight programs
    # in one paragraph, no title, so the file's name is. A script's "#!" is no Markdown heading.
    script = ("NAME\n\ngv_python - graph manipulation in python\n\nSYNOPSIS\n\n#!/usr/bin/python import gv\n\n"
              "USAGE INTRODUCTION\n\ngv_python is a dynamically loaded extension for python.")
    assert guess_title(script, "gv.3python") == "gv_python - graph manipulation in python"
    programs = "NAME\n\n" + " ".join(f"{p} − filter for drawing graphs" for p in ("dot", "neato", "twopi", "circo",
                                                                                  "fdp", "sfdp", "osage"))
    assert guess_title(programs, "dot.1") == "dot.1"
    assert guess_title("# Release notes\n\nWhat changed.", "notes") == "Release notes"


# A lecture's captions as a player saves them: header metadata, a note and a style block (no
# speech), cue identifiers and settings, a voice tag, an entity, a sentence running over two
# cues, a line that the next cue rolls over again (captions shown two lines at a time), a
# described sound, and the next speaker's turn.
_LECTURE_VTT = """WEBVTT
Kind: captions
Language: en

NOTE recorded in room 4.12

STYLE
::cue { color: yellow }

intro
00:00:00.000 --> 00:00:04.000 align:start position:0%
<v Dr Lee>Sleep spindles are short bursts of activity
at twelve to fifteen hertz &amp; they predict

00:00:04.000 --> 00:00:06.000
at twelve to fifteen hertz &amp; they predict
how much of a word list people recall.

00:00:06.000 --> 00:00:07.000
[Music]

00:00:12.000 --> 00:00:15.000
<v Sam>Does one night without sleep matter?
"""


def test_captions_read_as_what_was_said_without_timings(tmp_path: Path):
    for name in ("lecture.vtt", "lecture.txt"):  # a .txt file that opens as WebVTT is captions too
        path = tmp_path / name
        path.write_text(_LECTURE_VTT)
        doc, _ = load_file(path, name)
        assert doc.text == ("Dr Lee: Sleep spindles are short bursts of activity at twelve to fifteen hertz & they "
                            "predict how much of a word list people recall.\n\nSam: Does one night without sleep "
                            "matter?"), doc.text
        assert doc.sections == () and doc.title == name
    # SubRip, with Windows line ends: a dialogue dash opens each speaker's line, and cue numbers and
    # timings are no text
    srt = tmp_path / "clinic.srt"
    srt.write_bytes(b"1\r\n00:00:01,000 --> 00:00:03,000\r\n- How long were you off work?\r\n- Seven months.\r\n\r\n"
                    b"2\r\n00:00:03,500 --> 00:00:05,000\r\nThen a phased return.\r\n")
    doc, _ = load_file(srt, "clinic.srt")
    assert doc.text == "How long were you off work?\n\nSeven months. Then a phased return.", doc.text
    # a .vtt file with no cue is skipped with the reason, and the batch goes on
    (tmp_path / "empty.vtt").write_text("WEBVTT\n\nNOTE nothing was said\n")
    result = load_paths([tmp_path / "empty.vtt", srt])
    assert [(e.status, e.reason) for e in result.report] == [
        ("skipped", "no captions could be read (not a WebVTT file)"), ("ok", "")]


# A clinic letter's head is a list of fields (one line holding three), then a form's labels each
# alone over their text; a transcript opens with its study's fields, then turns under speakers'
# labels. Fields had been dropped as a saved page's debris ("Ward: 7B", "Interviewer: RK") or
# joined as a wrapped paragraph, and a line of fields named the document.
_LETTER = """DISCHARGE SUMMARY

Patient: Jane Example    Date of birth: 02/05/1961    Hospital number: 000000
Admitted: 03/01/2024    Discharged: 09/01/2024
Ward: 7B

Presenting complaint:
Three days of fever, productive cough and shortness of breath.

Diagnosis:
Community-acquired pneumonia, right lower lobe.

Treatment:
Intravenous co-amoxiclav for 48 hours, then oral amoxicillin when afebrile.
"""
_TRANSCRIPT = """Study: Experiences of returning to work after depression
Interview transcript – Participant 07
Date of interview: 14 March 2023
Interviewer: RK

RK: Thank you for agreeing to talk with me today. Could you start by telling me a little about your job before you went on sick leave?

P07: I was a primary school teacher, year four mostly, for about eleven years, and I loved it.
"""


def test_a_reports_fields_stay_lines_of_their_own_and_its_labels_head_sections(tmp_path: Path):
    letter = tmp_path / "letter.txt"
    letter.write_text(_LETTER)
    doc, _ = load_file(letter, "letter.txt")
    assert doc.title == "DISCHARGE SUMMARY"
    assert "Admitted: 03/01/2024 Discharged: 09/01/2024\nWard: 7B\n" in doc.text
    assert [s.path for s in doc.sections] == [("Presenting complaint",), ("Diagnosis",), ("Treatment",)]
    assert doc.text[doc.sections[1].start:doc.sections[1].end].strip() == (
        "Diagnosis:\nCommunity-acquired pneumonia, right lower lobe.")
    transcript = tmp_path / "p07.txt"
    transcript.write_text(_TRANSCRIPT)
    doc, _ = load_file(transcript, "p07.txt")
    # the study's name, not the interviewer's first question, names it; every field is kept on its line
    assert doc.title == "Study: Experiences of returning to work after depression"
    assert doc.text.startswith(_TRANSCRIPT.split("\n\n")[0] + "\n\n"), doc.text[:300]
    # a label set again and again is a record's field, not a heading: a Debian copyright file's "Files:"
    records = tmp_path / "copyright.txt"
    records.write_text("".join(f"Files:\n src/{n}.c\nCopyright: 2020 A. Author\nLicense: MIT\n\n" for n in "abc"))
    doc, _ = load_file(records, "copyright.txt")
    assert doc.sections == () and "Copyright: 2020 A. Author\nLicense: MIT" in doc.text


def test_a_fields_value_wrapped_onto_the_next_line_is_joined_to_it(tmp_path: Path):
    # A format specification typed at 76 columns: a field's description opens with its kind and a
    # colon, a label to the list-of-fields rule, and its wrapped second line had stayed a line of
    # its own (the first a sentence cut at "covered by"). The field list under it keeps its lines.
    spec = tmp_path / "format.txt"
    spec.write_text(
        "Copyright format\n\n6.9. Files\n\n"
        "   Whitespace-separated list: list of patterns indicating files covered by\n"
        "   the license and copyright specified in this stanza.\n\n"
        "   Filename patterns in the Files field are specified using a simplified\n"
        "   shell glob syntax. Patterns are separated by whitespace.\n\n"
        "Format: https://example.org/format\nUpstream-Name: example\nSource: https://example.org/src\n")
    doc, _ = load_file(spec, "format.txt")
    assert ("Whitespace-separated list: list of patterns indicating files covered by the license and copyright "
            "specified in this stanza.") in doc.text, doc.text
    assert "Format: https://example.org/format\nUpstream-Name: example\nSource:" in doc.text


def test_a_text_that_underlines_its_headings_nests_them_so_and_other_headings_go_under_them(tmp_path: Path):
    # Sphinx's text output: headings underlined with rules of marks ("*" under the chapters, "-"
    # under their sections), and between them a definition list (a term over its indented
    # definition) and a line that opens a list ("In addition, the packages in *main*"). Read as
    # headings of the first level, those had headed every later section of the chapter; they go
    # under the underlined heading before them.
    manual = tmp_path / "policy.txt"
    manual.write_text(
        "Policy Manual\n*************\n\n1. About this manual\n********************\n\n"
        "1.1. Scope\n----------\n\nThis manual describes the policy requirements for the distribution and the "
        "conventions its packages follow, and it is written for the maintainers of those packages.\n\n"
        "Chosen Convention\n   If there are a number of technically viable choices that can be made, but one needs "
        "to select one of these options for inter-operability.\n\n"
        "1.2. New versions of this document\n----------------------------------\n\nThis manual is distributed via "
        "the policy package, and a new version is published with every change that the maintainers accept.\n\n"
        "In addition, the packages in *main*\n\n* must not require a package outside of *main* for compilation\n\n"
        "1.3. Authors\n------------\n\nOriginally the manual was written by two developers, and many people have "
        "since added to it on the mailing list of the project.\n")
    doc, _ = load_file(manual, "policy.txt")
    assert [s.path for s in doc.sections if s.path[-1][0].isdigit()] == [
        ("1. About this manual",), ("1. About this manual", "1.1. Scope"),
        ("1. About this manual", "1.2. New versions of this document"), ("1. About this manual", "1.3. Authors")], doc.sections
    assert ("1. About this manual", "1.1. Scope", "Chosen Convention") in [s.path for s in doc.sections]


def test_a_markdown_hard_line_break_ends_a_line_unless_the_sentence_goes_on(tmp_path: Path):
    # Meeting notes' fields set one to a line by two trailing spaces (a browser shows them so) had
    # been joined as a wrapped paragraph; a sentence broken by a backslash (Node's docs) goes on.
    md = tmp_path / "notes.md"
    md.write_text("# Steering group\n\n**Date:** 12 February 2024  \n**Present:** AB (chair), CD, EF, GH (notes)  \n"
                  "**Apologies:** IJ\n\nUnless there is a need for direct access to functionality which is not\\\n"
                  "exposed by Node-API, use Node-API.\n")
    doc, _ = load_file(md, "notes.md")
    assert "Present: AB (chair), CD, EF, GH (notes)\nApologies: IJ" in doc.text, doc.text
    assert "functionality which is not exposed by Node-API" in doc.text


def test_numbered_plain_text_headings_nest_by_their_numbers(tmp_path: Path):
    # A guideline's outline: "1 Recommendations" over its first subsection (it had been dropped as a
    # saved page's stray line and no section held it), subsections under it, and a recommendation
    # numbered one level deeper, a sentence, no heading. "3.1" with no "3" above it nests under
    # nothing rather than under "2".
    guide = tmp_path / "guideline.txt"
    guide.write_text("Depression in adults: treatment and management\n\n1 Recommendations\n\n1.1 Principles of care\n\n"
                     "1.1.1 When working with people with depression, build a trusting relationship and work in an "
                     "open, engaging and non-judgemental manner.\n\n1.2 Stopping antidepressant medication\n\n"
                     "1.2.1 Advise people that withdrawal symptoms can occur when stopping or reducing the dose of an "
                     "antidepressant, and that they are usually mild.\n\n3.1 Review\n\n3.1.1 Review the person within "
                     "two weeks of starting treatment, or within one week if they are aged 18 to 25.\n")
    doc, _ = load_file(guide, "guideline.txt")
    assert [s.path for s in doc.sections] == [
        ("1 Recommendations",), ("1 Recommendations", "1.1 Principles of care"),
        ("1 Recommendations", "1.2 Stopping antidepressant medication"), ("3.1 Review",)]


def test_a_wrapped_line_opening_with_a_cited_section_number_goes_on_its_sentence(tmp_path: Path):
    # A licence cites sections mid-sentence and wraps there: "10.3, no one ..." and "2.1 of this
    # License ..." had been read as list items, so the sentence stopped at "Section". A subsection's
    # numbered name ("2.1. Grants") still starts a line of its own.
    path = tmp_path / "licence.txt"
    path.write_text(
        "Mozilla Foundation is the license steward. Except as provided in Section\n"
        "10.3, no one other than the license steward has the right to modify or\n"
        "publish new versions of this License.\n\n"
        "If You initiate litigation against any entity by asserting a patent\n"
        "infringement claim, then the rights granted to You by any and all Contributors under Section\n"
        "2.1 of this License shall terminate.\n\n"
        "The licenses granted in this Section are the only rights granted under this\n"
        "2.1. Grants in Section 2 are conditions.\n")
    doc, _ = load_file(path, "licence.txt")
    assert "Except as provided in Section 10.3, no one other than" in doc.text, doc.text
    assert "Contributors under Section 2.1 of this License shall terminate." in doc.text, doc.text
    assert "\n2.1. Grants in Section 2" in doc.text


def test_short_numbered_lines_that_complete_the_outline_between_two_headings_are_headings():
    # The MPL's "3.2. Distribution of Executable Form" heads only a lead-in too short to pass for
    # prose ("If You distribute ... then:"), and "2." and "2.1." each head one line; their numbers
    # fill the outline between headings found. A numbered list's items inside a section leave no
    # chain to the next heading ("2 Results" does not follow "2. Run the tests").
    text = ("1. Definitions\n\nThe words below are used in this License with the meanings they are given here.\n\n"
            "2. License Grants and Conditions\n\n2.1. Grants\n\nEach Contributor grants You a license:\n\n"
            "2.2. Effective Date\n\nThe licenses granted in Section 2.1 become effective on the date the work is shared.\n\n"
            "3. Responsibilities\n\n3.1. Distribution of Source Form\n\nAll distribution of Covered Software in Source Code "
            "Form must be under the terms of this License and no other.\n\n3.2. Distribution of Executable Form\n\n"
            "If You distribute Covered Software then:\n\n3.3. Distribution of a Larger Work\n\n"
            "You may create and distribute a Larger Work under terms of Your choice, provided that You comply.\n\n"
            "4. Inability to Comply\n\nIf it is impossible for You to comply with any of the terms of this License, "
            "You must comply with it to the maximum extent possible.\n")
    assert [h for _, h in plain_headings(text)] == [
        "1. Definitions", "2. License Grants and Conditions", "2.1. Grants", "2.2. Effective Date", "3. Responsibilities",
        "3.1. Distribution of Source Form", "3.2. Distribution of Executable Form", "3.3. Distribution of a Larger Work",
        "4. Inability to Comply"]
    manual = ("1 Usage\n\nTo build the program from its sources, follow these steps one after the other in order.\n\n"
              "1. Get the sources\n\n2. Run the tests\n\n2 Results\n\nThe program printed the results we expected on "
              "every machine where it ran for the study.\n")
    assert [h for _, h in plain_headings(manual)] == ["1 Usage", "2 Results"]


def test_a_records_blocks_are_headed_by_the_short_lines_that_open_them():
    # A trial registry's record saved as text: each block opens with a short line over labelled
    # lines ("Study Overview" over "Study Type: Interventional"), too short for prose, so only
    # "Brief Summary" had been a heading and "What is the primary outcome?" highlighted the line
    # "Primary Outcome Measures" under it. Three blocks opened so make a record: then a short line
    # over text of its own heads it, and so does one over a second short line that does.
    text = ("Brief Summary\nThe purpose of this study is to find out whether an online mindfulness course reduces anxiety.\n\n"
            "Official Title\nA Randomised Controlled Trial of Online Mindfulness for Anxiety in Students\n\n"
            "Conditions\nAnxiety\n\nStudy Overview\nStudy Type: Interventional\nEnrollment (Estimated): 240\n\n"
            "Outcome Measures\nPrimary Outcome Measures\nChange in GAD-7 score [Time Frame: baseline to 12 weeks]\n\n"
            "Eligibility Criteria\nAges Eligible for Study: 18 Years and older\n\n"
            "Contacts and Locations\nCentral Contact: Dr Amira Haddad\nPhone: +44 1632 960123\n")
    assert [h for _, h in plain_headings(text)] == [
        "Brief Summary", "Official Title", "Study Overview", "Outcome Measures", "Primary Outcome Measures",
        "Eligibility Criteria", "Contacts and Locations"]
    # two labelled blocks are no record: a letter's short lines stay text
    letter = ("Dear Dr Haddad\nThank you for the referral.\n\nAppointment\nDate: 3 March\n\nClinic\nRoom: 2.14\n")
    assert [h for _, h in plain_headings(letter)] == []


def test_a_change_logs_release_lines_are_headings_however_short_their_items():
    # car's NEWS: "Changes to Version 3.0-12" heads items long enough for prose, "Changes to Version
    # 3.1-0" items too short to pass for it, and its items had been the previous release's. A line
    # standing alone that opens as two headings found do, up to its number, is one of them; a line
    # of that opening inside a paragraph, or without a number, is not.
    long = "o The rio package is now suggested, not required, and the functions that use it say so when it is missing."
    text = (f"Changes to Version 3.1-1\n\n{long}\n\nChanges to Version 3.1-0\n\no More flexible recode().\n\n"
            "o New take on vif.lm().\n\nChanges to Version 3.0-13\n\no Handle singularities better in Anova.mlm().\n\n"
            f"Changes to Version 3.0-12\n\n{long}\n\nChanges to Version 3.0-11\n\n{long}\n"
            "Changes to Version 3.0-10 are listed in the old file.\n\nChanges to Version control\n\no Fixed.\n")
    assert [h for _, h in plain_headings(text)] == [f"Changes to Version {v}" for v in ("3.1-1", "3.1-0", "3.0-13", "3.0-12", "3.0-11")]


def test_an_enumeration_wrapped_at_its_next_mark_goes_on_its_sentence_and_heads_nothing(tmp_path: Path):
    # The GPL's preamble wraps "(1) copyright the software, and" / "(2) offer you this license":
    # "(2)" had been read as a list item, leaving the line before it standing alone as a heading
    # ending on "and". A lettered list opened by a lead-in keeps its items.
    path = tmp_path / "licence.txt"
    path.write_text(
        "GNU GENERAL PUBLIC LICENSE\n\nPreamble\n\nThe licenses for most software are designed to take away your freedom to share and\n"
        "change it, so we wrote this one to guarantee your freedom instead.\n\n"
        "We protect your rights with two steps: (1) copyright the software, and\n"
        "(2) offer you this license which gives you legal permission to copy,\n"
        "distribute and/or modify the software.\n\n"
        "You may convey the work provided that you meet all of these conditions:\n"
        "(a) The work must carry prominent notices stating that you modified it.\n"
        "(b) The work must carry prominent notices stating that it is released.\n")
    doc, _ = load_file(path, "licence.txt")
    assert "(1) copyright the software, and (2) offer you this license" in doc.text, doc.text
    assert "conditions:\n(a) The work" in doc.text and "modified it.\n(b) The work" in doc.text
    assert [s.path for s in doc.sections] == [("Preamble",)]


def test_a_table_set_with_spaces_keeps_its_rows_and_cells_and_sentences_two_spaces_apart_stay_prose(tmp_path: Path):
    # dpkg's triggers spec sets its overview table with runs of spaces: cleaned, the rows had run
    # together as one wrapped paragraph ("... (when requested) t.-awaited yes always ..."). A
    # paragraph typed with two spaces after each full stop is no table.
    path = tmp_path / "triggers.txt"
    path.write_text(
        "TRIGGERS\n========\n\nOverview table\n--------------\n\n"
        "  Status      Pending   Awaited   Remedy\n"
        "  unpacked    never      maybe    postinst configure\n"
        "  c.-failed   never      maybe    postinst configure (when requested)\n"
        "  t.-awaited  yes        always   postinst triggered + fix awaited pkg(s)\n"
        "  installed   never      never    n/a\n\n"
        "A package which has pending triggers is not considered properly installed.  There are two\n"
        "new dpkg status values.  They lie between config-failed and installed in the order of\n"
        "states that dpkg keeps for each package.\n")
    doc, _ = load_file(path, "triggers.txt")
    assert ("Status | Pending | Awaited | Remedy\nunpacked | never | maybe | postinst configure\n"
            "c.-failed | never | maybe | postinst configure (when requested)\n"
            "t.-awaited | yes | always | postinst triggered + fix awaited pkg(s)\ninstalled | never | never | n/a") in doc.text
    assert ("A package which has pending triggers is not considered properly installed. There are two new dpkg status "
            "values. They lie between") in doc.text


def test_a_wrapped_line_ending_in_a_colon_or_semicolon_goes_on_when_the_next_runs_on_in_words(tmp_path: Path):
    # The GPL 2 breaks "... any derivative work under copyright law:" / "that is to say, a work ...",
    # and the Apache boilerplate '(the "License");' / "you may not use this file ...": each had
    # been two paragraphs. A list's short entries and a command set under a lead-in keep their lines.
    path = tmp_path / "licence.txt"
    path.write_text(
        "The \"Program\", below, refers to any such program or work, and a \"work based on the Program\"\n"
        "means either the Program or any derivative work under copyright law:\n"
        "that is to say, a work containing the Program or a portion of it, either verbatim\n"
        "or with modifications and/or translated into another language.\n\n"
        "Licensed under the Apache License, Version 2.0 (the \"License\");\n"
        "you may not use this file except in compliance with the License.\n\n"
        "A trigger may be activated explicitly by a maintainer script with:\n"
        "dpkg-trigger --by-package <package> <name-of-trigger> --no-await\n\n"
        "The package provides the following tools for compressed files:\n"
        "gzip compresses files\ngunzip decompresses them\n")
    doc, _ = load_file(path, "licence.txt")
    assert "under copyright law: that is to say, a work containing" in doc.text, doc.text
    assert '(the "License"); you may not use this file' in doc.text
    assert "with:\ndpkg-trigger --by-package" in doc.text
    assert "compressed files:\ngzip compresses files\ngunzip decompresses them" in doc.text


# An older site's page (SQLite's documentation) sets its header in plain <div>s: the logo's link, a
# tagline, a menu and a search form, then the title block. The manual strikes statements that no
# longer hold, and sets a pragma's syntax in bold and italics broken by a line break.
OLD_SITE_PAGE = """<!DOCTYPE html><html><head><title>Write-Ahead Logging</title></head><body>
<div class=nosearch>
<a href="index.html"><img class="logo" src="logo.gif" alt="SQLite"></a>
<div class="tagline">Small. Fast. Reliable.<br>Choose any three.</div>
<div class="menu"><ul><li><a href="index.html">Home</a><li><a href="about.html">About</a>
<li><a href="docs.html">Documentation</a><li><a href="download.html">Download</a></ul></div>
<div class="searchmenu"><form method="GET" action="search"><input type="text" name="q"></form></div>
</div>
<div class=fancy><div class=fancy_title>Write-Ahead Logging</div>
<h1>1. Overview</h1>
<p>There are advantages and disadvantages to using WAL instead of a rollback journal. Disadvantages include:</p>
<ol><li>All processes using a database must be on the same host computer.</li>
<li><s>It is not possible to open read-only WAL databases.</s></li>
<li><s>WAL works best with smaller transactions.</s> Large transactions are as efficient since version 3.11.0.</li>
<li><s>strikethrough</s> - Puts a horizontal line through the center of the text.</li></ol>
<h1>2. The journal_mode pragma</h1>
<p><b>PRAGMA </b><i>schema.</i><b>journal_mode;
<br>PRAGMA </b><i>schema.</i><b>journal_mode = <i>DELETE | WAL | OFF</i></b></p>
<p>This pragma queries or sets the journal mode for databases associated with the current connection.</p>
</div></body></html>"""


def test_an_older_sites_header_tagline_is_no_text_of_its_page(tmp_path: Path):
    page = tmp_path / "wal.html"
    page.write_text(OLD_SITE_PAGE)
    doc, _ = load_file(page, "wal.html")
    assert doc.title == "Write-Ahead Logging"
    assert "Choose any three" not in doc.text and "Small. Fast." not in doc.text, doc.text[:200]
    assert doc.text.lstrip().startswith("Write-Ahead Logging"), doc.text[:200]
    # a block of a few links and many words before the first heading is the page's, not a menu
    page.write_text("<html><body><div><p>This short note says where to read more about the write-ahead log and "
                    "how it compares with the rollback journal, before the first heading:</p><ul>"
                    "<li><a href=a.html>One</a></li><li><a href=b.html>Two</a></li><li><a href=c.html>Three</a></li>"
                    "</ul></div><h1>Overview</h1><p>The write-ahead log is a file beside the database.</p></body></html>")
    doc, _ = load_file(page, "note.html")
    assert "This short note says where to read more" in doc.text


def test_struck_out_statements_are_withdrawn_and_a_struck_term_opening_its_item_stays(tmp_path: Path):
    page = tmp_path / "wal.html"
    page.write_text(OLD_SITE_PAGE)
    doc, _ = load_file(page, "wal.html")
    assert "read-only WAL databases" not in doc.text and "smaller transactions" not in doc.text
    assert "~~" not in doc.text
    assert "as efficient since version 3.11.0" in doc.text
    assert "strikethrough - Puts a horizontal line" in doc.text
    note = tmp_path / "clippy.md"
    note.write_text("You can choose how much Clippy is supposed to ~~annoy~~ help you.\n\n"
                    "* ~~strikethrough~~ - Puts a horizontal line through the text.\n")
    doc, _ = load_file(note, "clippy.md")
    assert "supposed to help you." in doc.text and "annoy" not in doc.text
    assert "strikethrough - Puts a horizontal line" in doc.text


def test_emphasis_broken_by_a_line_break_or_ending_before_a_word_leaves_no_stars(tmp_path: Path):
    page = tmp_path / "wal.html"
    page.write_text(OLD_SITE_PAGE)
    doc, _ = load_file(page, "wal.html")
    assert "PRAGMA schema.journal_mode;\n" in doc.text, doc.text
    assert "PRAGMA schema.journal_mode = DELETE | WAL | OFF" in doc.text
    assert "*" not in doc.text
    # Markdown: a star may close before a word after a letter, and open inside a word; after a mark
    # followed by a word it closes nothing (CommonMark), and a run's first star opens nothing
    text, _ = markdown_text("Of the form *MM*m*SS*.*FF*s, the *n*th word.\n\n"
                            "Modify ~/.*rc instead of ~/.*profile, and pass *args and **kwargs.\n")
    assert "Of the form MMmSS.FFs, the nth word." in text
    assert "Modify ~/.*rc instead of ~/.*profile, and pass *args and **kwargs." in text


def test_a_sites_name_above_a_pages_title_is_no_text_of_the_page(tmp_path: Path):
    # libxslt's pages: the site's name as an h1 over each page's own title; the Debian handbook's
    # "Prev" link and book title over each section's
    page = tmp_path / "extra.html"
    page.write_text("<html><head><title>Module extra from libxslt</title></head><body>"
                    "<h1>The XSLT C library for GNOME</h1><h2>Module extra from libxslt</h2>"
                    "<p>This module holds the extra functions of the XSLT engine, beyond the standard.</p>"
                    "<h3>Description</h3><p>Each function registers itself with the engine.</p></body></html>")
    doc, _ = load_file(page, "extra.html")
    assert doc.title == "Module extra from libxslt"
    assert "XSLT C library for GNOME" not in doc.text
    assert doc.text.lstrip().startswith("Module extra from libxslt")
    # words above the title that are more than a line or two are the page's
    page.write_text("<html><head><title>Comparing histograms</title></head><body>"
                    "<p>" + "An empirical distribution is read from data, and the PMF model wraps it. " * 3 + "</p>"
                    "<h1>Comparing histograms</h1><p>Two histograms are compared bin by bin.</p></body></html>")
    doc, _ = load_file(page, "hist.html")
    assert "An empirical distribution is read from data" in doc.text


def test_a_pages_one_numbered_h1_sharing_no_word_with_its_title_is_a_section_not_its_name(tmp_path: Path):
    # SQLite's "CREATE INDEX" page opens with "1. Syntax", its only h1; the Python tutorial's chapter
    # "3. An Informal Introduction to Python" is its page's name
    page = tmp_path / "createindex.html"
    page.write_text("<html><head><title>CREATE INDEX</title></head><body><h1>1. Syntax</h1>"
                    "<p>The CREATE INDEX command consists of the keywords CREATE INDEX followed by a name.</p>"
                    "<h2>1.1. Unique Indexes</h2><p>Duplicate entries are not allowed.</p></body></html>")
    doc, _ = load_file(page, "createindex.html")
    assert doc.title == "CREATE INDEX"
    assert doc.section_at(doc.text.index("Duplicate entries")) == ("1. Syntax", "1.1. Unique Indexes")
    page.write_text("<html><head><title>3. An Informal Introduction to Python &#8212; Python 3.11 documentation</title>"
                    "</head><body><h1>3. An Informal Introduction to Python</h1><p>In the following examples, input "
                    "and output are distinguished by the presence or absence of prompts.</p></body></html>")
    doc, _ = load_file(page, "introduction.html")
    assert doc.title == "3. An Informal Introduction to Python"


def test_an_older_sites_header_is_dropped_from_a_page_without_headings(tmp_path: Path):
    page = tmp_path / "droptrigger.html"
    page.write_text(OLD_SITE_PAGE.split("<div class=fancy>")[0]
                    + "<p>The DROP TRIGGER statement removes a trigger created by the CREATE TRIGGER statement.</p>"
                    "</body></html>")
    doc, _ = load_file(page, "droptrigger.html")
    assert "Choose any three" not in doc.text
    assert doc.text.strip().startswith("The DROP TRIGGER statement removes a trigger")


# A library's reference as gtk-doc writes it: a navigation bar set as a table (jumps within the page,
# pictures linking home, up, back and on), and each parameter in a table row with a third cell for
# annotations, empty on every row.
GTK_DOC_PAGE = """<html><head><title>libtasn1: GNU Libtasn1 Reference Manual</title></head><body>
<table class="navigation" id="top" width="100%"><tr valign="middle">
<td class="shortcuts"><a href="#" class="shortcut">Top</a><span class="dim">|</span>
<a href="#libtasn1.description" class="shortcut">Description</a></td>
<td><a accesskey="h" href="index.html"><img src="home.png" alt="Home"></a></td>
<td><a accesskey="u" href="ch01.html"><img src="up.png" alt="Up"></a></td>
<td><a accesskey="n" href="api-index-full.html"><img src="right.png" alt="Next"></a></td></tr></table>
<h2>asn1_parser2tree ()</h2>
<pre class="programlisting">int asn1_parser2tree (const char *file, char *error_desc);</pre>
<p>Function used to start the parse algorithm. Creates the structures needed to manage the definitions.</p>
<h4>Parameters</h4>
<table class="informaltable"><tbody>
<tr><td class="parameter_name"><p>file</p></td><td class="parameter_description"><p>specify the path and the name of
the file that contains ASN.1 declarations.</p></td><td class="parameter_annotations"></td></tr>
<tr><td class="parameter_name"><p>error_desc</p></td><td class="parameter_description"><p>return the error
description or an empty string if success.</p></td><td class="parameter_annotations"></td></tr>
</tbody></table>
<h4>Returns</h4><p>ASN1_SUCCESS if the file has a correct syntax and every identifier is known.</p>
</body></html>"""


def test_a_navigation_bar_set_as_a_table_is_dropped_and_a_column_empty_in_every_row_left_out(tmp_path: Path):
    page = tmp_path / "libtasn1.html"
    page.write_text(GTK_DOC_PAGE)
    doc, _ = load_file(page, "libtasn1.html")
    assert "Top" not in doc.text and "Description" not in doc.text
    assert "| file | specify the path and the name of the file that contains ASN.1 declarations. |\n" in doc.text, doc.text
    # a table of links that are words leading elsewhere stays: it may be what the page lists
    page.write_text(GTK_DOC_PAGE.replace('href="#" class="shortcut">Top', 'href="intro.html">Introduction'))
    doc, _ = load_file(page, "libtasn1.html")
    assert "Introduction" in doc.text


def test_a_preformatted_cell_in_a_table_opens_no_code_block_that_swallows_the_page(tmp_path: Path):
    # A Texinfo manual on one page: its menu is a table whose comment rows are <pre> cells. Their
    # fences inside the table's rows had opened a code block running to the end of the page: no
    # heading was read after it, and every "**name**" kept its stars.
    page = tmp_path / "nettle.html"
    page.write_text(
        "<html><head><title>Nettle: a low-level cryptographic library</title></head><body><h1>Nettle</h1>"
        "<p>This document describes the Nettle low-level cryptographic library.</p>"
        '<table class="menu"><tr><td><a href="other.html">Introduction</a></td><td>What is Nettle?</td></tr>'
        '<tr><th colspan="2"><pre class="menu-comment"> &mdash; The Detailed Node Listing &mdash;\n\nReference\n</pre></th></tr>'
        '<tr><td><a href="hash.html">Hash functions</a></td><td>Digests of messages.</td></tr></table>'
        "<h2>7.1.1 Recommended hash functions</h2><p>The following hash functions have no known weaknesses.</p>"
        "<dl><dt>Constant: <strong>SHA256_DIGEST_SIZE</strong></dt><dd><p>The size of a SHA256 digest, i.e. 32.</p></dd></dl>"
        "</body></html>")
    doc, _ = load_file(page, "nettle.html")
    assert doc.section_at(doc.text.index("no known weaknesses"))[-1] == "7.1.1 Recommended hash functions"
    assert "SHA256_DIGEST_SIZE: The size of a SHA256 digest" in doc.text and "**" not in doc.text, doc.text


def test_a_short_lists_items_with_links_inside_their_sentences_are_kept_and_a_menu_is_not(tmp_path: Path):
    # SQLite's release notes nest a short list in an item (its `</li>` left out, as HTML allows);
    # two short links inside its sentences ("in triggers and views") read to trafilatura as a list
    # of links, and the sub-items were left out. A menu's items, links alone, stay navigation.
    page = tmp_path / "releaselog.html"
    page.write_text(
        '<html><head><title>Release 3.25.0</title></head><body>'
        '<ul class="menu"><li><a href="/">Home</a><li><a href="/docs.html">Documentation</a><li><a href="/news.html">News</a></ul>'
        '<h2>Release 3.25.0 On 2018-09-15</h2><p><ol>'
        '<li>Add support for <a href="windowfunctions.html">window functions</a> in every query of the library'
        '<li>Enhancements the <a href="lang_altertable.html">ALTER TABLE</a> command:<ol type="a">'
        '<li>Add support for renaming columns within a table using the new rename syntax.'
        '<li>Fix table rename so that it also updates references to the renamed table in '
        '<a href="lang_createtrigger.html">triggers</a> and <a href="lang_createview.html">views</a>.</ol>'
        '<li>Query planner improvements for queries that use an index on several of their columns at once'
        '<li>Output infinity as 1e999 in the dump command of the command-line shell of the project</ol>'
        '</body></html>')
    text = load_file(page, "releaselog.html")[0].text
    assert "renaming columns within a table" in text and "in triggers and views." in text, text
    assert "Documentation" not in text, text


def test_a_bar_of_links_with_separators_is_navigation_wherever_it_stands(tmp_path: Path):
    # The Haskell 98 report opens and ends each page with "top | back | next | contents | function
    # index", links set inline in the body with no element marking them: the bar had opened the
    # page's text. Links inside a sentence stay, and a synopsis's options are no bar.
    page = tmp_path / "pragmas.html"
    bar = ('<a href="index.html">top</a> | <a href="derived.html">back</a> | <a href="ratio.html">next</a> | '
           '<a href="index98.html">contents</a> | <a href="prelude-index.html">function index</a>')
    page.write_text(
        f'<html><head><title>Compiler Pragmas</title></head><body><i>The Report</i><br>{bar}<br><hr>'
        '<h2>11 Compiler Pragmas</h2><p>Some compiler implementations support compiler pragmas, which give hints to '
        'the compiler; see <a href="decls.html">declarations</a> and <a href="syntax.html">syntax</a> for where they '
        'stand. An implementation is not required to respect any pragma.</p>'
        '<p>Usage: <tt>ghc [<a href="v.html">-v</a> | <a href="q.html">-q</a> | <a href="x.html">-x</a>] file</tt> '
        'compiles a module with the pragmas it holds.</p>'
        f'<hr><i>The Report</i><br>{bar}</body></html>')
    text = load_file(page, "pragmas.html")[0].text
    assert "contents" not in text and "function index" not in text and "back" not in text, text
    assert "see declarations and syntax for where they stand" in text and "-v | -q | -x" in text, text


# A news page saved as text: a menu of title-case items, the title, a byline longer than it, a date,
# a share widget's run of one-word lines, the article, its related links, a cookie banner.
SAVED_NEWS_PAGE = """Skip to main content
Menu
Home
Health A-Z
Live Well
Search

Why teenagers need more sleep

By Laura Bennett, Health Reporter
Published 3 March 2026
Share
Facebook
Twitter
Email

Teenagers need 8 to 10 hours of sleep a night, but most get less than 7, according to a new survey of 2,000 pupils.

The survey found that 62% of pupils used a phone in bed after midnight at least once a week.

Related articles
How much sleep do children need?

Cookie settings
Accept all cookies
"""


def test_a_saved_pages_menu_items_and_share_widget_go_and_its_byline_is_no_title(tmp_path: Path):
    # The byline, the longest line above the article, had been the title; the menu's "Health A-Z"
    # and "Live Well" stayed as a byline would (two capitalised words); the widget's last line,
    # "Email", stayed as the first paragraph's heading.
    path = tmp_path / "sleep-and-teens.txt"
    path.write_text(SAVED_NEWS_PAGE)
    doc = load_paths([path]).documents[0]
    assert doc.title == "Why teenagers need more sleep"
    lines = {ln.strip() for ln in doc.text.splitlines()}
    assert {"Health A-Z", "Live Well", "Email"}.isdisjoint(lines), doc.text
    assert {"By Laura Bennett, Health Reporter", "Published 3 March 2026"} <= lines


def test_short_lines_set_as_the_documents_headings_are_head_a_list_or_a_one_sentence_section():
    # A discharge summary sets its headings alone after a blank line, right over their text.
    # "Past medical history" over a bullet list and "Diagnosis on discharge" over a one-sentence
    # diagnosis are too short to be taken for prose, yet set as "Hospital course" is: they had left
    # their lines under the section before. A short line set so in a text that sets no headings so
    # ("Dear Sam" over a short note) heads nothing, and neither does a line ending as a clause does.
    text = ("DISCHARGE SUMMARY\n\nDiagnosis on discharge\nCommunity-acquired pneumonia, complicated by acute kidney injury.\n\n"
            "Presenting complaint\nShe presented with four days of productive cough, fever and increasing breathlessness "
            "over the week before admission.\n\nPast medical history\n- Type 2 diabetes mellitus\n- Hypertension\n\n"
            "Investigations\nChest radiograph showed consolidation of the right lower lobe, and the white cell count was "
            "raised at 17.2.\n\nHospital course\nShe was started on intravenous antibiotics and switched to benzylpenicillin "
            "on day 3 once the sensitivities were known.\n\nShe was advised as follows:\n- Return if the fever recurs.\n")
    assert [h for _, h in plain_headings(text)] == [
        "DISCHARGE SUMMARY", "Diagnosis on discharge", "Presenting complaint", "Past medical history", "Investigations",
        "Hospital course"]
    note = "Dear Sam\nThanks for the notes from the meeting on Tuesday.\n\nSee you soon\n- Alex\n"
    assert plain_headings(note) == ()


# A medicine's leaflet from its contents list on: the list names four numbered sections, each then
# opened under the same line.
LEAFLET_CONTENTS_ON = ("What is in this leaflet\n1. What Sertraline is and what it is "
            "used for\n2. What you need to know before you take Sertraline\n3. How to take Sertraline\n4. Possible side "
            "effects\n\n1. What Sertraline is and what it is used for\n\nSertraline contains the active substance sertraline.\n\n"
            "2. What you need to know before you take Sertraline\n\nDo not take Sertraline if you are allergic to sertraline "
            "or any of the other ingredients of this medicine.\n\n3. How to take Sertraline\n\nThe usual starting dose for "
            "adults with depression is 50 mg daily, taken with or without food.\n\n4. Possible side effects\n\nLike all "
            "medicines, this medicine can cause side effects, although not everybody gets them.\n")

def test_a_leaflets_table_of_contents_names_its_sections_without_opening_them(tmp_path: Path):
    # A medicine's leaflet lists its numbered sections under "What is in this leaflet", then opens
    # each: every section had been found at its line in the list, so the whole leaflet sat under
    # "5. How to store Sertraline"; and "1. What Sertraline is and what it is used for", ten words
    # over a six-word sentence, was no heading at all.
    from assistant.ingest import load_file

    text = ("Package leaflet: Information for the patient\n\nSertraline 50 mg film-coated tablets\n\nRead all of this leaflet "
            "carefully before you start taking this medicine because it contains important information for you.\n\n"
            + LEAFLET_CONTENTS_ON)
    path = tmp_path / "leaflet.txt"
    path.write_text(text)
    doc, _ = load_file(path, "leaflet.txt")

    def section_of(words: str) -> tuple[str, ...]:
        return doc.section_at(doc.text.index(words))

    assert section_of("Sertraline contains the active") == ("1. What Sertraline is and what it is used for",)
    assert section_of("Do not take Sertraline if") == ("2. What you need to know before you take Sertraline",)
    assert section_of("The usual starting dose") == ("3. How to take Sertraline",)
    assert section_of("Like all medicines") == ("4. Possible side effects",)


def test_a_contents_list_above_the_text_that_the_text_repeats_as_its_headings_is_kept():
    # A short leaflet saved as text: its contents list stands above the first paragraph, as a
    # site's menu does, and had been dropped but for its last entries ("1." and "2." gone, "3." and
    # "4." kept). Lines the text says again as its own (its headings) are its contents, not a menu.
    from assistant.ingest.clean import clean_text

    text = "Package leaflet: Information for the patient\n\n" + LEAFLET_CONTENTS_ON
    cleaned = clean_text(text)
    for entry in ("1. What Sertraline is and what it is used for", "2. What you need to know before you take Sertraline"):
        assert cleaned.count(entry) == 2, (entry, cleaned[:400])


# A talk's slides saved as text: its title over the speaker and the date, each line broken by hand,
# then each slide's number over its title over a few short bullets.
SLIDES_AS_TEXT = ("Managing Type 2 Diabetes in Primary Care\nDr Aisha Rahman, GP Partner\nPractice Learning Session, 12 February 2026\n\n"
                  "Slide 2\nLearning objectives\n• Understand the current first-line treatment\n• Know when to intensify therapy\n\n"
                  "Slide 3\nDiagnosis\n• HbA1c of 48 mmol/mol (6.5%) or above confirms diabetes\n• Repeat the test within 2 weeks\n\n"
                  "Slide 4\nFirst-line treatment\n• Metformin, start at 500 mg once daily with food\n• Maximum dose 2 g per day\n\n"
                  "Slide 5\nHypoglycaemia\n• Sulfonylureas and insulin carry the highest risk\n")


def test_a_deck_saved_as_text_keeps_its_title_lines_apart_and_its_slide_titles_head_their_slides(tmp_path: Path):
    # The title, the speaker and the date had been joined into one wrapped paragraph, and that
    # paragraph was the title; no slide's title headed its bullets, too short to pass for prose.
    path = tmp_path / "deck.txt"
    path.write_text(SLIDES_AS_TEXT)
    doc, _ = load_file(path, "deck")
    assert doc.title == "Managing Type 2 Diabetes in Primary Care"
    assert "Primary Care\nDr Aisha Rahman, GP Partner\nPractice Learning Session" in doc.text
    assert [s.path for s in doc.sections] == [("Learning objectives",), ("Diagnosis",), ("First-line treatment",), ("Hypoglycaemia",)]
    # a paragraph wrapped at a width is still joined
    wrapped = ("Notes\n\nMetformin is the usual first treatment for type 2 diabetes in adults, started at a\n"
               "low dose and increased over several weeks to reduce the gastrointestinal side\neffects that lead some to stop.\n")
    (tmp_path / "notes.txt").write_text(wrapped)
    notes, _ = load_file(tmp_path / "notes.txt", "notes")
    assert "started at a low dose and increased over several weeks to reduce the gastrointestinal side effects" in notes.text


def test_a_forum_threads_later_posts_are_kept_not_cut_as_comments(tmp_path: Path):
    # A forum thread saved as text: each post under its writer, rank and date, "Reply" and "Like"
    # under it. The posts after the second's "Like" had been cut as a comment section (a foreign
    # line after half the prose, dated lines after it): the answer on stopping zopiclone was lost.
    posts = [("nightowl_22", "12 Feb 2026", "I've had trouble sleeping for about two years. My GP suggested CBT for insomnia "
              "instead of sleeping pills. Has anyone here done it, and did it actually help?"),
             ("MarthaB", "12 Feb 2026", "I did a six-week course through the sleep clinic last year. The sleep restriction "
              "part was hard for the first two weeks, but by week four I was falling asleep within twenty minutes."),
             ("dave.r", "13 Feb 2026", "I used the Sleepio app rather than face-to-face sessions. It took about three weeks "
              "before I saw any change."),
             ("nightowl_22", "13 Feb 2026", "Thanks both. Did either of you have to stop taking zopiclone first?"),
             ("MarthaB", "14 Feb 2026", "My GP tapered me off zopiclone over a month before I started the course. She said "
              "it works better without the tablets.")]
    text = "Forums\nSleep problems\n\nHas anyone tried CBT-I for insomnia?\n\n" + "\n\n".join(
        f"{who}\nMember\n{date}\n#{n}\n{said}\nReply\nLike" for n, (who, date, said) in enumerate(posts, 1))
    page = tmp_path / "thread.txt"
    page.write_text(text + "\n\nYou must log in or register to reply here.\nShare:\nFacebook\nTwitter\n")
    kept = load_file(page, "thread.txt")[0].text
    assert "Did either of you have to stop taking zopiclone first?" in kept and "My GP tapered me off zopiclone" in kept, kept
