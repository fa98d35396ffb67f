"""The trainer's kit: every material a session names exists, the facilitator guide gathers them
from the sessions (web and print alike), and the timetable carries the day's own items."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfWriter

from conftest import REPO, edit, mkdocs_build
from learnsite.load.project import load_project
from learnsite.render.pages import generated_pages

GUIDE = "programmes/workshop/guide.md"
SESSION = "modules/basics/definitions.md"


def _guide(root: Path) -> str:
    return generated_pages(load_project(root).catalogue)[GUIDE]


def test_no_session_of_the_workshop_or_the_training_of_trainers_names_a_missing_material() -> None:
    result = load_project(REPO)
    assert [d for d in result.diagnostics.items if d.rule_id.startswith("material-")] == []
    cat = result.catalogue
    for programme_id in ("inspectors-forced-labour", "training-of-trainers"):
        programme = cat.programme(programme_id)
        assert programme is not None
        named = [(m, file) for m in programme.module_ids for s in cat.modules[m].all_sessions
                 for file in s.meta.material_files]
        assert named, programme_id
        assert all(file in cat.modules[m].materials for m, file in named)


def test_the_guide_lists_each_sessions_materials_and_follows_their_changes(project: Path) -> None:
    guide = _guide(project)
    assert "| 14 days before | Book the room. |" in guide
    assert ("| [Cards: the three parts](../../modules/basics/materials/part-cards.md) "
            "| 1 per group of 3 | Definitions |") in guide
    assert re.search(r"\| \[Key: the three parts\]\([^)]*\) \| 1 for the room \| Definitions "
                     r"\| [^|]*trainers only", guide)
    assert "| Pens | 1 per participant | Definitions | Bring |" in guide
    assert "Tables for groups of 3, for: Definitions." in guide
    edit(project / SESSION, "{bring: Pens, per: participant}", "{bring: Scissors, per: group, copies: 2}")
    changed = _guide(project)
    assert "| Scissors | 2 per group of 3 | Definitions | Bring |" in changed
    assert "Pens" not in changed


def test_the_guide_shows_the_days_own_items_and_what_to_do_after(project: Path) -> None:
    guide = _guide(project)
    assert "**Welcome and introductions**" in guide
    assert "1. Introduce the trainers." in guide
    assert "[Signs](../../modules/indicators/signs.md)) and summarise them" in guide, "the evaluation"
    assert "learnsite course workshop --participants FILE.csv --dates YYYY-MM-DD" in guide
    assert "Certificates state 1 h 35 min of training" in guide  # 20 + 45 + 30 minutes


def test_a_session_page_links_its_materials_and_says_how_many(project: Path) -> None:
    page = generated_pages(load_project(project).catalogue)[SESSION]
    assert "- [Cards: the three parts](materials/part-cards.md) · 1 per group of 3" in page
    assert "- [Key: the three parts](materials/part-cards-key.md) · 1 for the room · *trainers only*" in page
    assert "- Pens · 1 per participant" in page


@pytest.mark.pdf
def test_the_guide_and_materials_are_pages_of_the_real_site(built_site: Path) -> None:
    guide = (built_site / "programmes/inspectors-forced-labour/guide/index.html").read_text("utf-8")
    for said in ("Facilitator guide", "Before the course", "Materials", "The day at a glance",
                 "After the course", "Book a room where groups of four", "Recap of day 1",
                 "Noon prayer", "Role cards"):
        assert said in guide, said
    programme = (built_site / "programmes/inspectors-forced-labour/index.html").read_text("utf-8")
    assert 'href="guide/"' in programme
    role_cards = built_site / "modules/interviewing-workers/materials/role-cards/index.html"
    assert "interpreter" in role_cards.read_text("utf-8").lower()
    arabic = (built_site / "ar/programmes/inspectors-forced-labour/guide/index.html").read_text("utf-8")
    assert "دليل الميسّر" in arabic and "قبل الدورة" in arabic and "صلاة الظهر" in arabic


@pytest.mark.pdf
def test_a_pdf_material_is_copied_into_the_site_and_linked(project: Path, tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with (project / "modules/basics/materials/ranking-sheet.pdf").open("wb") as handle:
        writer.write(handle)
    edit(project / SESSION, "{bring: Pens, per: participant}",
         "{bring: Pens, per: participant}, {file: materials/ranking-sheet.pdf}")
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site/modules/basics/materials/ranking-sheet.pdf").read_bytes().startswith(b"%PDF")
    page = (tmp_path / "site/modules/basics/definitions/index.html").read_text("utf-8")
    assert 'href="../materials/ranking-sheet.pdf"' in page


def test_the_programme_page_gives_the_partnership_a_paragraph_of_its_own(project: Path) -> None:
    page = generated_pages(load_project(project).catalogue)["programmes/workshop/index.md"]
    assert "**For:** Labour inspectors\n\nLaunched with UNODC.\n\n**Total contact time:**" in page
