"""Every fact traceable: a citation is a numbered note with its full reference on the web and in
print, the sources page lists who cites what, handbooks end with a bibliography, and what the
centre must still confirm is marked, queued, and kept out of participant handbooks."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import FIXTURE, edit, mkdocs_build

pytestmark = pytest.mark.pdf  # the build renders the handbooks too

SESSION = "modules/basics/definitions.md"
CITED = """
## The law

Article 2(1) of the Convention defines forced labour [@ilo-indicators-2012, p. 3]. The indicators
say the same [@ilo-indicators-2012, p. 3], and more. Among their signs
[@ilo-indicators-2012]:

- debt that cannot be paid off.

/// answer
A citation only trainers see [@ilo-indicators-2012, p. 9].
///

/// to-confirm | The hotline's hours
    reason: the centre has not confirmed them
    owner: the referral coordinator

The hotline answers day and night, says the quince note.
///
"""
PARTICIPANT = """  - id: workshop-participant
    title: Workshop, participant edition
    programme: workshop
    edition: participant
    language: en
"""
PDF_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("citations")
    project = root / "project"
    shutil.copytree(FIXTURE, project)
    (project / SESSION).write_text((project / SESSION).read_text(encoding="utf-8") + CITED,
                                   encoding="utf-8")
    edit(project / "site_config.yml", "contacts:", PARTICIPANT + "contacts:")
    done = mkdocs_build(project, root / "site", strict=False)
    assert done.returncode == 0, done.stderr
    assert "to-confirm-open" in done.stderr, "the open item is reported, as a notice"
    return root / "site"


def _pdf_text(path: Path) -> str:
    return PDF_MARKS.sub("", " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages))


def test_a_citation_is_a_numbered_note_with_its_full_reference(built: Path) -> None:
    html = (built / "modules/basics/definitions/index.html").read_text(encoding="utf-8")
    marks = re.findall(r'<sup class="ls-cite"[^>]*><a href="#ls-note-(\d)">\d</a></sup>', html)
    assert marks == ["1", "1", "2"], "one number per reference, in reading order (also for a " \
        "citation opening a line before a colon, which is no link definition)"
    notes = re.search(r'<div class="ls-notes">.*?</div>', html, re.S)
    assert notes is not None
    assert '<li id="ls-note-1"><em>ILO indicators of forced labour</em>, International Labour ' \
           "Office, 2012, p. 3.</li>" in notes.group(0)
    assert "p. 9" not in html, "a citation inside a model answer leaves no note on the web"
    assert "[@" not in html


def test_the_sources_page_lists_every_source_with_the_pages_citing_it(built: Path) -> None:
    html = (built / "sources/index.html").read_text(encoding="utf-8")
    assert '<h2 id="ilo-indicators-2012">ILO indicators of forced labour' in html
    assert "International Labour Office, 2012 · Guidelines" in html
    assert '<a href="../modules/basics/definitions/">Definitions</a>' in html
    assert '<a href="../checklists/mini-decision/">Mini checklist: how the result is decided</a>' in html


def test_an_open_item_is_marked_on_its_page_and_listed_for_the_centre(built: Path) -> None:
    page = (built / "modules/basics/definitions/index.html").read_text(encoding="utf-8")
    assert re.search(r'<div class="admonition ls-block ls-to-confirm">\s*<p class="admonition-title">'
                     r"To be confirmed by the centre: The hotline(&#x27;|')s hours</p>", page)
    assert "Why: the centre has not confirmed them. Who can confirm it: the referral coordinator." \
        in re.sub(r"<[^>]+>", "", page)
    queue = (built / "review-queue/index.html").read_text(encoding="utf-8")
    text = " ".join(re.sub(r"<[^>]+>", " ", queue).split())
    assert "Open items: 1. Pages: 1." in text
    assert "The hotline's hours. The hotline answers day and night, says the quince note." in \
        text.replace("&#x27;", "'").replace("&#39;", "'")
    assert "modules/basics/definitions.md:" in text


def test_handbooks_print_notes_and_a_bibliography_and_participants_get_no_open_item(built: Path) -> None:
    trainer = _pdf_text(built / "handbooks/workshop-trainer.pdf")
    participant = _pdf_text(built / "handbooks/workshop-participant.pdf")
    for text in (trainer, participant):
        assert "ILO indicators of forced labour, International Labour Office, 2012, p. 3." in text
        assert "ILO indicators of forced labour. International Labour Office, 2012. Guidelines." in text
    assert "says the quince note" in trainer and "To be confirmed by the centre" in trainer
    assert "says the quince note" not in participant
    assert "To be confirmed" not in participant
    outline = [item.title for item in PdfReader(built / "handbooks/workshop-trainer.pdf").outline
               if not isinstance(item, list)]
    assert outline[-1] == "Sources"
