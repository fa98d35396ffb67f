"""Slide decks, as a trainer projects them: a 16:9 deck per programme day and language, every
session of the day in timetable order, nothing meant for the trainer alone, no text under 24
points, Arabic right to left, the same file from the same sources, nothing rendered twice.

The deck builder's tests read the plain data (no PDF); those marked `pdf` render the workshop's
two days in English and Arabic once for the module and read the files back."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader

from conftest import REPO, edit, make_bilingual
from learnsite.load.mdscan import scan
from learnsite.load.project import load_project
from learnsite.model.catalogue import Catalogue, Session
from learnsite.render.handbook.document import to_html
from learnsite.render.markdown import convert
from learnsite.render.pages import expand_page
from learnsite.render.slides.deck import Deck, build_deck, pieces, untranslated_days
from learnsite.render.slides.files import programme_decks
from learnsite.render.slides.fit import ROOMS, Slide, fitted
from learnsite.render.slides.markup import Point, clauses, plain, sentences, shortened
from learnsite.render.slides.pdf import CSS, SlidesBuild, build_slides, deck_html
from learnsite.schedule import schedule_programme
from learnsite.site_paths import session_path
from test_arabic_handbooks import XHTML

PROGRAMME = "inspectors-forced-labour"
DECKS = ("inspectors-forced-labour-day-1.pdf", "inspectors-forced-labour-day-1-ar.pdf",
         "inspectors-forced-labour-day-2.pdf", "inspectors-forced-labour-day-2-ar.pdf")
HIDDEN = ("trainer-notes", "answer", "handout", "to-confirm")
"""Blocks whose text is never projected."""
_ITEM = re.compile(r"^\s*(?:[-*]|\d+\.)\s+")
EXPLICIT = ("Four groups, eleven indicators", "أربع مجموعات، أحد عشر مؤشرًا")
"""The title of the `/// slide` in modules/eleven-indicators/indicators-one-by-one(.ar).md."""
_IGNORED = re.compile("[\u064b-\u065f\u0670\u0640\u200e\u200f\u202a-\u202e\u2066-\u2069\\s|:]")
"""What text extraction moves or adds around Arabic letters (diacritics, tatweel, bidi marks),
white space, which line breaks change, and what sets a table's cells apart (a slide gives a row
as "cell: cell")."""


def _squashed(text: str) -> str:
    """Text reduced to what survives any layout and extraction, to look for a sentence in it."""
    return _IGNORED.sub("", text).replace("’", "'")


def _deck_text(deck: Deck) -> str:
    return " ".join(plain(" ".join([s.kicker, s.title, s.facts, s.label, *(p.html for p in s.points)]))
                    for s in deck.slides)


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return load_project(REPO).catalogue


@pytest.fixture(scope="module")
def decks(cat: Catalogue) -> dict[str, Deck]:
    return {f.name: build_deck(cat, f) for f in programme_decks(cat, PROGRAMME)}


def _day_sessions(cat: Catalogue, day: int) -> list[Session]:
    schedule = schedule_programme(cat.programme(PROGRAMME), cat.modules)[day - 1]
    return [next(s for s in cat.modules[slot.module_id].sessions if s.id == slot.session_id)
            for slot in schedule.slots if slot.kind == "session"]


def _sentences_of(lines: list[str]) -> list[str]:
    """The sentences of some Markdown lines, paragraph by paragraph and item by item, without list
    marks, emphasis or citations."""
    chunks = [""]
    for line in lines:
        if not line.strip() or _ITEM.match(line):
            chunks.append("")
        chunks[-1] += " " + _ITEM.sub("", line)
    text = re.sub(r"\[@[^\]]*\]|[*_`]", "", "\n".join(chunks))
    return [s.strip() for chunk in text.split("\n")
            for s in re.split(r"(?<=[.!?؟][\"”»)])\s+|(?<=[.!?؟])\s+", " ".join(chunk.split())) if s.strip()]


def _block_lines(session: Session, names: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The body lines of a session's blocks of those kinds (without their headers, options and
    ends), and every other line."""
    lines = session.source.body.splitlines()
    blocks = [b for name in names for b in scan(session.source.body).closed(name)]
    inside = {n for b in blocks for n in range(b.line, (b.end_line or b.line) + 1)}
    kept = [line for n, line in enumerate(lines, 1)
            if n in inside and not line.startswith(("///", "    "))]
    return kept, [line for n, line in enumerate(lines, 1) if n not in inside]


def _hidden_sentences(session: Session, day: list[Session]) -> list[str]:
    """Distinctive sentences of a session's trainer-only blocks: six words or more, and said
    nowhere else in the sessions of its `day`."""
    hidden, _ = _block_lines(session, HIDDEN)
    outside = _squashed(" ".join(s for other in day for s in _sentences_of(_block_lines(other, HIDDEN)[1])))
    return [s for s in _sentences_of(hidden) if len(s.split()) >= 6 and _squashed(s) not in outside]


def _visible_sentences(session: Session) -> list[str]:
    """Sentences of a session's case studies: what a slide does show, whole."""
    shown, _ = _block_lines(session, ("case-study",))
    return [s for s in _sentences_of(shown) if len(s.split()) >= 4]


# The deck builder, on plain data -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("<strong>1. Abuse of vulnerability.</strong> The employer takes. e.g. the rest.",
     ["<strong>1. Abuse of vulnerability.</strong>", "The employer takes. e.g. the rest."]),
    ("<strong>1.</strong> Under the Convention (No. 29), it is work. And <em>more.</em> End",
     ["<strong>1.</strong> Under the Convention (No. 29), it is work.", "And <em>more.</em>", "End"]),
    ("هذا نص قصير. وهذا نص آخر؟ نعم هو", ["هذا نص قصير.", "وهذا نص آخر؟", "نعم هو"]),
])
def test_sentences_end_at_a_full_stop_before_a_capital_outside_any_element(text, expected) -> None:
    assert sentences(text) == expected


def test_a_long_sentence_goes_on_at_its_semicolons_and_a_key_point_is_cut_at_a_word() -> None:
    assert clauses("check the list: a; b; <em>c; d</em>") == ["check the list:", "a;", "b;", "<em>c; d</em>"]
    assert shortened("<strong>Means</strong>: threats, force, fraud", lambda s: len(s) <= 20) \
        == "<strong>Means</strong>: threats…"


def test_a_days_deck_has_each_session_in_timetable_order_with_its_minutes(cat, decks) -> None:
    for day in (1, 2):
        deck = decks[f"{PROGRAMME}-day-{day}.pdf"]
        sessions = _day_sessions(cat, day)
        assert [s.title for s in deck.sessions] == [s.meta.title for s in sessions]
        firsts = [s.slides[0] for s in deck.sessions]
        assert [(f.kind, f.facts.split()[0]) for f in firsts] == \
            [("session", str(s.meta.minutes)) for s in sessions]
    assert deck.slides[0].kind == "cover" and deck.slides[0].facts == "Day 2: from inspection to referral"


def test_headings_activities_cases_and_key_messages_become_slides_in_place(decks) -> None:
    deck = decks[f"{PROGRAMME}-day-1.pdf"]
    session = next(s for s in deck.sessions if s.title == "What forced labour is")
    firsts = [(s.kind, s.title) for s in session.slides if not s.continued]
    assert firsts == [
        ("session", "What forced labour is"), ("objectives", "Objectives"),
        ("heading", "The definition in the Convention"), ("heading", "What counts as a penalty"),
        ("heading", 'What "not voluntary" looks like'),
        ("heading", "What the Convention leaves out"), ("activity", "Spot the missing element"),
        ("case-study", "A. The cleaner"), ("case-study", "B. The mason"),
        ("case-study", "C. The conscript"), ("case-study", "D. The waiter"),
        ("case-study", "E. The domestic worker"), ("key-messages", "Key messages")]
    activity = next(s for s in session.slides if s.kind == "activity")
    assert activity.kicker == "Activity · 15 min"
    steps = [p for s in session.slides if s.kind == "activity" for p in s.points]
    assert [(p.marker, p.number) for p in steps] == [("ol", 1), ("ol", 2), ("ol", 3)]
    case = next(s for s in session.slides if s.title == "A. The cleaner")
    assert [p.text for p in case.points] == [
        "A cleaner works 12 hours a day for the pay she was promised. She has her passport and has "
        "changed employer before."], "the case's text, without its checklist options or result"


def test_key_points_are_list_items_first_sentences_and_table_rows_without_citations(decks) -> None:
    deck = decks[f"{PROGRAMME}-day-1.pdf"]
    session = next(s for s in deck.sessions if s.title == "What forced labour is")
    points = [p.text for s in session.slides if s.title == "The definition in the Convention"
              for p in s.points]
    assert points[1:] == [
        "Work or service: Any work for someone else, in any sector, whether or not it is paid.",
        "Menace of a penalty: A threat or a punishment that keeps the person working.",
        "Not voluntary: The person did not freely agree to this work, or is no longer free to stop."]
    text = _deck_text(deck)
    assert "[@" not in text and "\u2983" not in text, "no citation left raw"
    assert "to do freely." in " ".join(text.split()), "a citation leaves no space before the stop"


def test_what_is_for_the_trainer_alone_never_reaches_a_slide(cat, decks) -> None:
    checked = 0
    for language in ("en", "ar"):
        language_cat = cat if language == "en" else cat.translations["ar"]
        suffix = "" if language == "en" else "-ar"
        for day in (1, 2):
            text = _squashed(_deck_text(decks[f"{PROGRAMME}-day-{day}{suffix}.pdf"]))
            sessions = _day_sessions(language_cat, day)
            for session in sessions:
                hidden = _hidden_sentences(session, sessions)
                assert not [s for s in hidden if _squashed(s) in text], session.id
                checked += len(hidden)
                shown = _visible_sentences(session)
                assert all(_squashed(s) in text for s in shown), session.id
    assert checked > 300


def test_an_authors_slide_is_on_the_slides_only(cat, decks) -> None:
    for language, title in zip(("en", "ar"), EXPLICIT, strict=True):
        language_cat = cat if language == "en" else cat.translations["ar"]
        session = next(s for s in language_cat.modules["eleven-indicators"].sessions
                       if s.id == "indicators-one-by-one")
        kinds = [(p.kind, p.title) for p in pieces(language_cat, session)]
        assert kinds[0] == ("slide", title), "in place: before the first heading, as written"
        markdown = expand_page(session.source.body, language_cat,
                               session_path("eleven-indicators", session.id))
        web = convert(markdown, language_cat.markdown, {"learnsite.render.blocks": {"language": language}})
        printed = [to_html(markdown, language_cat.markdown, edition, language)
                   for edition in ("trainer", "participant")]
        assert title not in web and not [html for html in printed if title in html]
        assert "///" not in web
    deck = decks[f"{PROGRAMME}-day-1.pdf"]
    slide = next(s for s in deck.slides if s.kind == "slide")
    assert [p.text for p in slide.points] == ["The person's situation: 1, 3, 4 and 7", "Recruitment: 2 and 9",
                                              "Work and pay: 8, 10 and 11", "Threats and violence: 5 and 6"]


def test_a_long_piece_goes_on_over_slides_titled_continued_with_its_numbers() -> None:
    items = tuple(Point(f"Step {n}: " + "read the situation and say what is missing " * 2, "ol", n)
                  for n in range(1, 10))
    activity = Slide("activity", "Sort the cards", "k", points=items)
    slides = list(fitted(activity, ROOMS["ltr"], {}, "(continued)"))
    assert len(slides) > 2
    assert [s.continued for s in slides] == [False] + [True] * (len(slides) - 1)
    assert [p.number for s in slides for p in s.points] == list(range(1, 10))
    assert len(list(fitted(activity, ROOMS["ltr"], {"k": 2}, ""))) > len(slides), \
        "a slide that ran over is cut tighter"
    for before in range(4):
        points = (*items[:before], Point("Cards:", "p"), *items[before:])
        cut = list(fitted(Slide("activity", "Sort", "k", points=points), ROOMS["ltr"], {}, ""))
        assert not [s for s in cut if s.points[-1].text == "Cards:"], "a lead-in goes on with its list"


def test_decks_are_listed_for_each_day_and_each_language_wholly_translated(cat) -> None:
    listed = [(f.programme, f.day, f.language, f.name, f.path) for f in programme_decks(cat, PROGRAMME)]
    assert [name for *_, name, _ in listed] == list(DECKS)
    assert listed[1] == (PROGRAMME, 1, "ar", DECKS[1], f"slides/{DECKS[1]}")
    assert programme_decks(cat.translations["ar"], PROGRAMME) == programme_decks(cat, PROGRAMME)
    trainers = programme_decks(cat, "training-of-trainers")
    assert [f.language for f in trainers] == ["en", "en", "en"], "not translated: no Arabic deck"
    notes = untranslated_days(cat, "training-of-trainers")
    assert len(notes) == 3 and notes[0].startswith("no slides in العربية (ar) for training-of-trainers day 1")
    assert programme_decks(cat, "no-such-programme") == []


def test_no_text_on_a_slide_is_hard_coded(cat, decks, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every word of a deck's HTML that is not the content's comes from strings.py."""
    from learnsite.strings import STRINGS

    marked = {key: f"⟪{key}⟫" for key in STRINGS["en"]}
    monkeypatch.setitem(STRINGS, "en", marked)
    deck = build_deck(cat, programme_decks(cat, PROGRAMME)[0])
    page = re.sub(r"<(style|script)\b.*?</\1>|<[^>]+>|⟪[a-z-]+⟫", " ", deck_html(deck), flags=re.S)
    content = _squashed(" ".join([_deck_text(deck), deck.title, deck.day, deck.organisation, deck.date]))
    words = set(re.findall(r"[A-Za-z]{2,}", page))
    assert {word for word in words if word not in content} == set()


# The rendered decks ------------------------------------------------------------------------------

@dataclass
class Rendered:
    folder: Path
    cache: Path
    built: SlidesBuild


@pytest.fixture(scope="module")
def rendered(cat, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    root = tmp_path_factory.mktemp("slides")
    built = build_slides(cat, root / "slides", only=[PROGRAMME], cache=root / "cache")
    assert not built.failures, built.failures
    return Rendered(root / "slides", root / "cache", built)


def _font_sizes(reader: PdfReader) -> list[tuple[float, str]]:
    """Every text run's size on the page, in points: the font size times the text and current
    matrices' scale."""
    sizes: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            sizes.append((size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1]), text))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return sizes


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.pdf
def test_every_deck_is_written_a_slide_a_page_16_by_9(rendered) -> None:
    assert sorted(w.file.name for w in rendered.built.written) == sorted(DECKS)
    for written in rendered.built.written:
        reader = PdfReader(written.path)
        assert len(reader.pages) == written.slides, f"{written.file.name}: a slide ran over"
        for page in reader.pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert abs(width / height / (16 / 9) - 1) < 0.005


@pytest.mark.pdf
def test_no_text_on_any_slide_is_under_24_points(rendered) -> None:
    for name in DECKS:
        sizes = _font_sizes(PdfReader(rendered.folder / name))
        assert len(sizes) > 500
        small = [(round(size, 1), text) for size, text in sizes if size < 24 - 0.01]
        assert not small, (name, small[:5])


@pytest.mark.pdf
def test_every_session_of_the_day_is_on_its_slides_and_nothing_for_the_trainer(cat, rendered) -> None:
    for language, suffix in (("en", ""), ("ar", "-ar")):
        language_cat = cat if language == "en" else cat.translations["ar"]
        for day in (1, 2):
            path = rendered.folder / f"{PROGRAMME}-day-{day}{suffix}.pdf"
            sessions = _day_sessions(language_cat, day)
            assert [title for title, _ in _outline(PdfReader(path))] == [s.meta.title for s in sessions], \
                "a bookmark per session, in timetable order"
            if language == "en":  # Arabic extraction reorders marks too freely to prove absence
                text = _squashed(_pdf_text(path))
                for session in sessions:
                    hidden = _hidden_sentences(session, sessions)
                    assert not [s for s in hidden if _squashed(s) in text], session.id
                    assert all(_squashed(s) in text for s in _visible_sentences(session)), session.id
    day_one = dict(_outline(PdfReader(rendered.folder / DECKS[0])))
    assert day_one["The eleven indicators, one by one"][:2] == ["Objectives", EXPLICIT[0]]


def _outline(reader: PdfReader) -> list[tuple[str, list[str]]]:
    """Each session's bookmark with its slides' (pypdf gives an entry, then its children's list)."""
    entries = list(reader.outline)
    return [(entry.title, [child.title for child in entries[i + 1]]
             if i + 1 < len(entries) and isinstance(entries[i + 1], list) else [])
            for i, entry in enumerate(entries) if not isinstance(entry, list)]


def _visual_lines(path: Path) -> list[list[tuple[float, float, str]]]:
    """Each page's lines as a reader sees them, as (left, right, text): words side by side,
    whatever marks above or below them (pdftotext's own lines split at Arabic vowel marks)."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for page in ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out)).iter(f"{XHTML}page"):
        words = sorted(((float(w.get("yMin")) + float(w.get("yMax"))) / 2, float(w.get("xMin")),
                        float(w.get("xMax")), w.text or "") for w in page.iter(f"{XHTML}word"))
        rows: list[list[tuple[float, float, float, str]]] = []
        for word in words:
            if rows and word[0] - rows[-1][0][0] < 16:
                rows[-1].append(word)
            else:
                rows.append([word])
        pages.append([(min(w[1] for w in row), max(w[2] for w in row), " ".join(w[3] for w in row))
                      for row in rows])
    return pages


@pytest.mark.pdf
def test_the_arabic_deck_is_arabic_and_right_to_left(rendered) -> None:
    path = rendered.folder / f"{PROGRAMME}-day-1-ar.pdf"
    reader = PdfReader(path)
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    assert PdfReader(rendered.folder / DECKS[0]).trailer["/Root"]["/Lang"] == "en"
    right = float(reader.pages[0].mediabox.width) - 17 * 72 / 25.4
    pages = _visual_lines(path)
    arabic = [line for lines in pages for line in lines if re.search("[\u0600-\u06ff]", line[2])]
    assert len(arabic) > 800
    assert all(right - 35 < line_right < right + 1 for _, line_right, _ in arabic), \
        "every line starts at the right margin (or a list's indent)"
    numbers = [line for number, lines in enumerate(pages, 1) for line in lines if line[2] == str(number)]
    assert len(numbers) == len(pages) - 1, "every slide but the cover is numbered"
    assert all(line_right < 200 for _, line_right, _ in numbers), "at the bottom left"
    english = [line for lines in _visual_lines(rendered.folder / DECKS[0]) for line in lines
               if not line[2].isdigit()]
    left_margin = 17 * 72 / 25.4
    assert all(left_margin - 1 < left < left_margin + 35 for left, _, _ in english), \
        "while English lines start at the left margin"


@pytest.mark.pdf
def test_a_second_build_renders_nothing_and_writes_the_same_bytes(cat, rendered, tmp_path: Path) -> None:
    before = {name: (rendered.folder / name).read_bytes() for name in DECKS}
    again = build_slides(cat, tmp_path, only=[PROGRAMME], cache=rendered.cache)
    assert [w.rendered for w in again.written] == [False] * 4
    assert all((tmp_path / name).read_bytes() == before[name] for name in DECKS)


@pytest.mark.pdf
def test_same_sources_give_identical_decks_and_an_arabic_deck_waits_for_every_session(
        tmp_path: Path, learnsite) -> None:
    root = make_bilingual(tmp_path / "project")
    first = learnsite("--root", str(root), "slides", "--out", str(tmp_path / "a"))
    assert first.code == 0, first.err
    assert "wrote" in first.out and "workshop-day-1.pdf (" in first.out
    assert "no slides in العربية (ar) for workshop day 1: 1 of 2 sessions not translated (definitions)" \
        in first.out
    shutil.rmtree(root / ".cache")
    assert learnsite("--root", str(root), "slides", "--out", str(tmp_path / "b")).code == 0
    assert (tmp_path / "a/workshop-day-1.pdf").read_bytes() == \
        (tmp_path / "b/workshop-day-1.pdf").read_bytes()
    shutil.copy(root / "modules/basics/definitions.md", root / "modules/basics/definitions.ar.md")
    edit(root / "modules/basics/definitions.ar.md", "title: Definitions", "title: التعريفات")
    assert learnsite("--root", str(root), "translations", "--stamp",
                     str(root / "modules/basics/definitions.ar.md")).code == 0
    done = learnsite("--root", str(root), "slides", "workshop", "--out", str(tmp_path / "c"))
    assert done.code == 0 and "workshop-day-1-ar.pdf" in done.out
    assert "التعريفات" in _pdf_text(tmp_path / "c/workshop-day-1-ar.pdf")
    assert learnsite("--root", str(root), "slides", "nope").code == 2


@pytest.mark.pdf
def test_the_slides_stylesheet_renders_without_a_warning(rendered) -> None:
    assert not [note for note in rendered.built.notes if ": " in note and note.startswith("slides/")]
    assert "@font-face" in CSS


@pytest.mark.pdf
def test_a_site_build_writes_the_decks_beside_the_handbooks(bilingual_site: Path) -> None:
    assert (bilingual_site / "slides/workshop-day-1.pdf").is_file()
    assert (bilingual_site / "handbooks").is_dir()
    assert not (bilingual_site / "ar/slides").exists(), "only the default language's build makes them"
