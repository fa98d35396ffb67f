"""PDF handbooks, read back as a trainer would see them: outline, contents page numbers,
editions, Arabic text, running headers, determinism, and a lost part caught."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from conftest import edit, make_bilingual, mkdocs_build
from learnsite.cli import main
from learnsite.load.project import load_project
from learnsite.render.handbook import pdf
from learnsite.render.handbook.pdf import CSS, HandbookError, build_all, render_handbook
from test_arabic_handbooks import pdf_lines

pytestmark = pytest.mark.pdf

PARTICIPANT = """  - id: workshop-participant
    title: Workshop, participant edition
    programme: workshop
    edition: participant
    language: en
"""
ARABIC = """  - id: workshop-ar
    title: الورشة، نسخة المدرب
    programme: workshop
    edition: trainer
    language: ar
"""
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
RULES_TESTED_HERE = ("handbook-render-warning",)


def _outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    entries: list[tuple[int, str, int]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                entries.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return entries


def _text(reader: PdfReader, page: int) -> str:
    return BIDI.sub("", reader.pages[page - 1].extract_text())


@pytest.fixture(scope="module")
def handbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = make_bilingual(tmp_path_factory.mktemp("handbooks") / "project")
    edit(root / "site_config.yml", "contacts:", PARTICIPANT + ARABIC + "contacts:")
    # A link back to an earlier chapter: its target is a stand-in in this chapter's own render.
    edit(root / "modules/indicators/signs.md", "## Try it",
         "Recall [the parts](../basics/definitions.md).\n\n## Try it")
    assert main(["--root", str(root), "translations", "--stamp",
                 str(root / "modules/indicators/signs.ar.md")]) == 0
    cat = load_project(root).catalogue
    out = root / "out"
    rendered = {h.id: render_handbook(cat, h, out / f"{h.id}.pdf").path for h in cat.site.handbooks}
    assert set(rendered) == {"workshop-trainer", "workshop-participant", "workshop-ar"}
    return rendered


def test_outline_lists_parts_and_sessions(handbooks) -> None:
    reader = PdfReader(handbooks["workshop-trainer"])
    titles = [(depth, title) for depth, title, _ in _outline(reader)]
    assert titles == [(0, "Programme overview"), (0, "Facilitator guide"), (0, "Basics"),
                      (1, "Definitions"), (0, "Indicators"), (1, "Signs"), (0, "Checklists"),
                      (1, "Mini checklist"), (0, "Glossary"), (0, "Handouts"),
                      (1, "Cards: the three parts"), (1, "Key: the three parts"), (0, "Sources")]
    assert reader.metadata.title == "Workshop, trainer edition"
    assert "/StructTreeRoot" in reader.trailer["/Root"], "tagged for screen readers"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert reader.metadata.author == "Test Centre"


def test_contents_page_numbers_match_where_parts_start(handbooks) -> None:
    reader = PdfReader(handbooks["workshop-trainer"])
    contents = _text(reader, 2)
    assert contents.startswith("Contents")
    for _, title, page in _outline(reader):
        listed = re.search(rf"{re.escape(title)}[ .]*?(\d+)\s*$", contents, re.M)
        assert listed and int(listed.group(1)) == page, title
        assert title in _text(reader, page)


def test_chapters_start_on_a_right_hand_page_with_a_running_header(handbooks) -> None:
    reader = PdfReader(handbooks["workshop-trainer"])
    starts = [(page, title) for depth, title, page in _outline(reader) if depth == 0]
    assert all(page % 2 == 1 for page, _ in starts), starts
    for page, title in starts:  # the header on a chapter's first page, above its title
        assert _text(reader, page).count(title) == 2, (page, title)
    definitions = next(page for _, title, page in _outline(reader) if title == "Definitions")
    lines = [line.strip() for line in _text(reader, definitions).splitlines()]
    assert "Basics" in lines, "the running header names the chapter"
    assert str(definitions) in lines, "the footer numbers the page"


def test_editions_differ_in_notes_and_answers(handbooks) -> None:
    trainer = " ".join(p.extract_text() for p in PdfReader(handbooks["workshop-trainer"]).pages)
    participant = " ".join(
        p.extract_text() for p in PdfReader(handbooks["workshop-participant"]).pages)
    for text in ("For trainers", "Let participants talk first", "Work, menace of a penalty",
                 "What the checklist gives for this case", "Mini checklist: Refer"):
        assert text in trainer
        assert text not in participant
    assert "Your answer" in participant
    assert "Spot the parts" in participant


def test_the_guide_and_trainer_materials_print_only_for_trainers(handbooks) -> None:
    trainer = PdfReader(handbooks["workshop-trainer"])
    participant = PdfReader(handbooks["workshop-participant"])
    titles = [title for _, title, _ in _outline(participant)]
    assert "Facilitator guide" not in titles and "Key: the three parts" not in titles
    assert "Cards: the three parts" in titles, "participant materials print with the handouts"
    guide = next(page for _, title, page in _outline(trainer) if title == "Facilitator guide")
    text = " ".join(_text(trainer, guide).split())
    for said in ("Book the room.", "14 days before", "Welcome and introductions",
                 "Cards: the three parts 1 per group of 3 Definitions", "1 per participant"):
        assert said in text, said
    cards = next(page for _, title, page in _outline(trainer) if title == "Cards: the three parts")
    assert "A worker may not leave the site." in _text(trainer, cards)


def test_checklists_print_as_forms_with_how_the_result_is_decided(handbooks) -> None:
    reader = PdfReader(handbooks["workshop-trainer"])
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "“What did you pay to get this job?” A debt for the job's fees keeps the worker in it." \
        in text
    assert "How the result is decided" in text
    assert "Refer, when there is a sign of Involuntary and there is a sign of Coercion." in text
    assert "No indicators observed, in every other case." in text
    assert "Deception (Source: ILO indicators of forced labour, International Labour Office, " \
        "2012.)" in text


def test_what_is_still_english_prints_left_to_right_in_an_arabic_handbook(handbooks) -> None:
    """The fixture's Basics module is not translated: its title, session and activity read left
    to right in English, and the contents says so."""
    pages = pdf_lines(handbooks["workshop-ar"])
    left = min(line.left for page in pages for line in page)
    [session] = [page for page in pages if any(line.text == "Three parts" for line in page)]
    for title in ("Definitions", "Three parts", "Activity: Spot the parts · 15 min · Exercise"):
        [line] = [line for line in session if line.text == title]
        assert line.left < left + 20, f"{title!r} starts at the left margin"
    contents = BIDI.sub("", PdfReader(handbooks["workshop-ar"]).pages[1].extract_text())
    assert re.search(r"Basics\W*بالإنجليزية", contents), "marked in the contents"
    assert not re.search(r"نظرة عامة على البرنامج\W*بالإنجليزية", contents), "only what is English"


def test_arabic_handbook_reads_in_order(handbooks) -> None:
    reader = PdfReader(handbooks["workshop-ar"])
    text = " ".join(BIDI.sub("", page.extract_text()) for page in reader.pages)
    assert "المحتويات" in text
    assert "يُعدّ جَوازُ السفر المحتجز علامةً مهمة" in text
    assert "ماذا دفعت للحصول على هذا العمل؟" in text and "دين رسوم العمل يُبقي العامل فيه" in text
    assert [title for _, title, _ in _outline(reader)][:3] == ["نظرة عامة على البرنامج", "دليل الميسّر",
                                                             "Basics"]


def test_same_sources_give_identical_bytes(handbooks, tmp_path: Path) -> None:
    root = handbooks["workshop-trainer"].parent.parent
    cat = load_project(root).catalogue
    handbook = next(h for h in cat.site.handbooks if h.id == "workshop-trainer")
    again = render_handbook(cat, handbook, tmp_path / "again.pdf")
    assert again.path.read_bytes() == handbooks["workshop-trainer"].read_bytes()


def test_a_part_lost_while_rendering_fails_and_writes_nothing(tmp_path: Path) -> None:
    root = make_bilingual(tmp_path / "project")
    session = root / "modules/basics/definitions.md"
    session.write_text(session.read_text(encoding="utf-8") + "".join(
        f"\n\nParagraph {n} of a session running over several pages." for n in range(80)),
        encoding="utf-8")
    cat = load_project(root).catalogue
    handbook = next(h for h in cat.site.handbooks if h.id == "workshop-trainer")
    out = tmp_path / "out"
    # A known WeasyPrint bug: `height: 100%` on html and body stops rendering partway, silently;
    # the module's title and its session's heading survive, the pages after them do not.
    with pytest.raises(HandbookError, match="handbook `workshop-trainer` lost content while "
                       "rendering: Basics › Definitions; Basics did not render in full"):
        render_handbook(cat, handbook, out / "broken.pdf", css=CSS + "html, body { height: 100%; }")
    assert not out.exists() or not list(out.iterdir())


def test_editing_one_session_renders_only_its_chapter_again(tmp_path: Path) -> None:
    root = make_bilingual(tmp_path / "project")
    cache, out = root / ".cache" / "handbooks", tmp_path / "out"
    cat = load_project(root).catalogue
    written, failures = build_all(cat, out, cache=cache)
    assert not failures
    assert written and all(r.reused == 0 for r in written)
    edit(root / "modules/basics/definitions.md", "Find the three parts.", "Name the three parts.")
    cat = load_project(root).catalogue
    written, failures = build_all(cat, out, cache=cache)
    assert not failures
    trainer = next(r for r in written if r.path.stem == "workshop-trainer")
    assert (trainer.rendered, trainer.reused) == (1, 8), "the Basics chapter, nothing else"
    assert "Name the three parts." in " ".join(p.extract_text() for p in PdfReader(trainer.path).pages)
    cold = render_handbook(cat, next(h for h in cat.site.handbooks if h.id == "workshop-trainer"),
                           tmp_path / "cold.pdf")
    assert cold.path.read_bytes() == trainer.path.read_bytes(), "reused parts change nothing"


def test_links_between_chapters_lead_to_their_targets(handbooks) -> None:
    reader = PdfReader(handbooks["workshop-trainer"])
    definitions = next(page for _, title, page in _outline(reader) if title == "Definitions")
    signs = next(page for _, title, page in _outline(reader) if title == "Signs")
    targets = {}
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            name = annotation.get("/Dest")
            if name is not None:
                dest = reader.named_destinations[str(name)]
                targets.setdefault(number, set()).add(reader.get_destination_page_number(dest) + 1)
    assert definitions in targets[signs], "the Signs session links back to Definitions"
    assert all(targets.values())


def test_merged_handbook_is_one_tagged_document_with_one_copy_of_each_font(handbooks) -> None:
    with pikepdf.open(handbooks["workshop-ar"]) as pdf:
        assert not pdf.check_pdf_syntax(), "qpdf finds nothing wrong"
        root = pdf.Root.StructTreeRoot
        [document] = list(root.K)
        assert document.S == "/Document" and len(document.K) > 5
        parents = dict(zip(root.ParentTree.Nums[::2], root.ParentTree.Nums[1::2], strict=True))
        for page in pdf.pages:
            if "/StructParents" in page.obj:
                elements = parents[int(page.obj.StructParents)]
                assert all(element.Pg.objgen == page.obj.objgen for element in elements)
                marked = re.findall(rb"/MCID (\d+)", page.obj.Contents.read_bytes()
                                    if isinstance(page.obj.Contents, pikepdf.Stream) else
                                    b"".join(part.read_bytes() for part in page.obj.Contents))
                assert len(elements) == len({int(n) for n in marked}), "every marked run has its element"
        assert pdf.Root.MarkInfo.Marked and pdf.Root.Lang == "ar"
        fonts: dict[str, set[tuple[int, int]]] = {}
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
                fonts.setdefault(str(obj.FontName).partition("+")[2], set()).add(obj.FontFile2.objgen)
        assert "Noto-Naskh-Arabic" in fonts
        assert all(len(copies) == 1 for copies in fonts.values()), fonts


def test_a_failing_handbook_is_named_and_does_not_stop_the_others(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_bilingual(tmp_path / "project")
    edit(root / "site_config.yml", "contacts:", PARTICIPANT + "contacts:")
    real_merge = pdf.merge

    def full_disk(units, numbers, target, *args, **kwargs):
        if target.name.startswith(".workshop-trainer."):
            target.write_bytes(b"%PDF-1.7 half")
            raise OSError("No space left on device")
        return real_merge(units, numbers, target, *args, **kwargs)

    monkeypatch.setattr(pdf, "merge", full_disk)
    out = tmp_path / "out"
    assert main(["--root", str(root), "handbooks", "--out", str(out)]) == 1
    printed = capsys.readouterr()
    assert "handbook `workshop-trainer` failed to render: No space left on device" in printed.err
    assert "workshop-participant.pdf" in printed.out
    assert sorted(path.name for path in out.iterdir()) == ["workshop-participant.pdf"], \
        "the other handbook is written; nothing partial is left of the failed one"


def test_a_handbook_without_cover_or_contents_and_one_with_nothing_to_print(tmp_path: Path) -> None:
    root = make_bilingual(tmp_path / "project")
    edit(root / "site_config.yml", "contacts:", """  - id: bare
    title: Modules only
    programme: workshop
    edition: trainer
    language: en
    include: [modules]
  - id: empty
    title: Nothing
    programme: workshop
    edition: participant
    language: en
    include: [guide]
contacts:""")
    cat = load_project(root).catalogue
    written, failures = build_all(cat, tmp_path / "out", only=["bare", "empty"])
    assert failures == ["handbook `empty` has nothing to print: `include` (guide) names no part "
                        "with content"], "the facilitator guide is for trainers only"
    reader = PdfReader(written[0].path)
    assert [title for _, title, _ in _outline(reader)] == ["Basics", "Definitions", "Indicators", "Signs"]
    assert _text(reader, 1).splitlines()[-1].strip() == "1", "without a cover, page 1 is numbered"


def test_each_face_is_one_font_where_the_chapters_agree_on_its_text(handbooks) -> None:
    with pikepdf.open(handbooks["workshop-trainer"]) as pdf:
        faces = [str(obj.BaseFont) for obj in pdf.objects
                 if isinstance(obj, pikepdf.Dictionary) and obj.get("/Subtype") == "/Type0"]
    assert len(faces) == len(set(faces)), faces


def test_parts_print_in_the_order_the_handbook_lists_them(tmp_path: Path) -> None:
    root = make_bilingual(tmp_path / "project")
    edit(root / "site_config.yml", "contacts:", """  - id: reference-first
    title: Reference first
    programme: workshop
    edition: trainer
    language: en
    include: [cover, contents, glossary, checklists, modules]
contacts:""")
    cat = load_project(root).catalogue
    handbook = next(h for h in cat.site.handbooks if h.id == "reference-first")
    reader = PdfReader(render_handbook(cat, handbook, tmp_path / "out.pdf").path)
    assert [title for _, title, _ in _outline(reader)] == [
        "Glossary", "Checklists", "Mini checklist", "Basics", "Definitions", "Indicators", "Signs"]
    contents = _text(reader, 2)
    assert contents.index("Glossary") < contents.index("Checklists") < contents.index("Basics")


def test_a_modules_own_assessment_prints_at_the_end_of_its_chapter(tmp_path: Path) -> None:
    root = make_bilingual(tmp_path / "project")
    edit(root / "modules/basics/module.yml", "sessions:", "assessment: quiz\nsessions:")
    (root / "modules/basics/quiz.md").write_text(
        "---\ntitle: Quiz\nminutes: 10\nmethod: assessment\n---\n\n# Quiz\n\nName the three "
        "parts.\n\n/// answer\nWork, a penalty, no consent.\n///\n", encoding="utf-8")
    cat = load_project(root).catalogue
    handbook = next(h for h in cat.site.handbooks if h.id == "workshop-trainer")
    reader = PdfReader(render_handbook(cat, handbook, tmp_path / "out.pdf").path)
    titles = [(depth, title) for depth, title, _ in _outline(reader)]
    assert titles[2:5] == [(0, "Basics"), (1, "Definitions"), (1, "Quiz")]
    assert "Work, a penalty, no consent." in " ".join(page.extract_text() for page in reader.pages)


UNKNOWN_STYLE = 'Find the <span style="colour: red">three</span> parts.'
STYLE_WARNING = ("site_config.yml:29:5: warning[handbook-render-warning]: handbook `workshop-trainer`, "
                 "Basics: Ignored `colour: red` at 1:1, unknown property.")


def test_weasyprint_warnings_are_located_at_the_handbook_even_when_reused(project: Path, learnsite) -> None:
    edit(project / "modules/basics/definitions.md", "Find the three parts.", UNKNOWN_STYLE)
    out = project / "out"
    cold = learnsite("--root", str(project), "handbooks", "--out", str(out))
    warm = learnsite("--root", str(project), "handbooks", "--out", str(out))
    assert "0 of 9 parts rendered, the others reused" in warm.out
    for run in (cold, warm):
        assert run.code == 0, run.err
        assert STYLE_WARNING in run.out
        assert "hint: Fix what the message names" in run.out


def test_a_strict_site_build_fails_on_a_handbook_warning(project: Path, tmp_path: Path) -> None:
    edit(project / "modules/basics/definitions.md", "Find the three parts.", UNKNOWN_STYLE)
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 1
    assert STYLE_WARNING in done.stderr
    assert "Aborted with 1 warnings in strict mode" in done.stdout


def test_a_warning_from_the_print_stylesheet_names_it_once(tmp_path: Path) -> None:
    root = make_bilingual(tmp_path / "project")
    cat = load_project(root).catalogue
    handbook = next(h for h in cat.site.handbooks if h.id == "workshop-trainer")
    css = CSS + "p { colour: red; }\n"
    rendered = render_handbook(cat, handbook, tmp_path / "out.pdf", css=css)
    line = css.count("\n")
    assert rendered.warnings == (f"print stylesheet: Ignored `colour: red` at {line}:5, unknown property.",)


def test_the_shipped_stylesheet_prints_without_a_warning(handbooks) -> None:
    root = handbooks["workshop-trainer"].parent.parent
    cat = load_project(root).catalogue
    written, failures = build_all(cat, root / "again")
    assert not failures and written
    assert [r.warnings for r in written] == [()] * len(written)


def _workers() -> set[int]:
    """This process's worker processes (spawned by multiprocessing), as the system lists them."""
    children = {pid for task in Path("/proc/self/task").iterdir()
                for pid in (task / "children").read_text().split()}
    return {int(pid) for pid in children
            if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()}


def test_workers_go_before_the_last_merge_unless_kept_for_serve(tmp_path: Path) -> None:
    """A build lets its worker processes go once nothing is left to render, so the last merge
    does not hold their memory too; `mkdocs serve` keeps them for the next change."""
    root = make_bilingual(tmp_path / "project")
    cat = load_project(root).catalogue
    for keep in (False, True):
        with pdf.start_workers(keep=keep) as workers:
            written, failures = build_all(cat, tmp_path / f"out-{keep}", cache=tmp_path / "cache",
                                          workers=workers)
            assert written and not failures
            assert bool(_workers()) == keep, "kept for serve" if keep else "let go before merging"
    with pdf.start_workers() as workers:  # let go after one build, they start again for the next
        for run in range(2):
            written, failures = build_all(cat, tmp_path / f"again-{run}", workers=workers)
            assert written and not failures
