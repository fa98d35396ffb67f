"""Web and print render through one Markdown configuration, mkdocs.yml's: every block kind and
every configured extension feature shows its content on the built page and in the handbook's PDF
text, with nothing left as raw `///` or `!!!`, and what is interactive on the web laid out for
paper (tabs one after another under their titles, details open)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import FIXTURE, edit, mkdocs_build
from learnsite.load.project import load_project
from learnsite.model.blocks import BLOCKS, CURRICULUM_BLOCKS, GENERAL_BLOCKS
from learnsite.render.handbook.pdf import build_all

EVERYTHING = """---
title: Everything
minutes: 60
method: exercise
---

# Everything

Every block and every extension, in one session. The ILO wrote it.

*[ILO]: International Labour Organization

## Curriculum blocks

/// trainer-notes
Notes say kiwi.
///

/// activity | Sort the cards
    minutes: 10
    method: exercise

The activity says lime.
///

/// case-study | Maria's story
The case says mango.
///

/// key-messages
The key message says olive.
///

/// handout | Rights card
The handout says peach.
///

/// answer
The answer says quince.
///

/// slide | Only projected
The slide says xigua.
///

/// to-confirm | The hotline's hours
    reason: the centre has not yet confirmed them
    owner: the referral coordinator

The hotline answers day and night, says plum.
///

## General blocks

/// note | Note title
The note says apple.
///

/// tip | Tip title
The tip says banana.
///

/// info | Info title
The info says cherry.
///

/// warning | Warning title
The warning says damson.
///

/// danger | Danger title
The danger says elder.
///

/// example | Example title
The example says fig.
///

/// quote | Quote title
The quote says grape.
///

/// admonition | Plain title
    type: note

The admonition says hazel.
///

/// details | Details title
The details say juniper.
///

/// tab | First tab
The first tab says lemon.
///

/// tab | Second tab
The second tab says melon.

```text
Code in a tab says nutmeg.
```
///

/// checklist | mini
///

## Extensions

Term of art
:   The definition says orange.

A footnote follows.[^source]

[^source]: The footnote says papaya.

<div class="aside" markdown>
**Markdown in HTML says raisin.**
</div>

The attribute list says sage.
{: #sage-paragraph }

| Column | Value |
|---|---|
| The table says tamarind. | 1 |

- [x] The done task says ugli.
- [ ] The open task says vanilla.

```python
print("The fence says walnut.")
```
"""
SHOWN = {
    "to-confirm": "The hotline answers day and night, says plum.",
    "trainer-notes": "Notes say kiwi.", "activity": "The activity says lime.",
    "case-study": "The case says mango.", "key-messages": "The key message says olive.",
    "handout": "The handout says peach.",
    "note": "The note says apple.", "tip": "The tip says banana.", "info": "The info says cherry.",
    "warning": "The warning says damson.", "danger": "The danger says elder.",
    "example": "The example says fig.", "quote": "The quote says grape.",
    "admonition": "The admonition says hazel.", "details": "The details say juniper.",
    "tab": "The first tab says lemon.",
    "abbr": "ILO", "def_list": "The definition says orange.", "footnotes": "The footnote says papaya.",
    "md_in_html": "Markdown in HTML says raisin.", "attr_list": "The attribute list says sage.",
    "tables": "The table says tamarind.", "pymdownx.tasklist": "The done task says ugli.",
    "pymdownx.superfences": "Code in a tab says nutmeg.", "fenced_code": "The fence says walnut.",
    "toc": "Curriculum blocks",
}
"""What each block kind and extension shows, on the web and in print."""
ANSWER = "The answer says quince."
"""Only the trainer's handbook has the model answer; the web never does."""
SLIDE = "The slide says xigua."
"""An author's slide is projected only (tests/test_slides.py): neither the web nor print has it."""
LAID_OUT_FOR_PAPER = ["First tab", "The first tab says lemon.", "Second tab",
                      "The second tab says melon.", "Code in a tab says nutmeg."]


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """The session's web page (as text) and the trainer handbook's text, from one strict build
    that makes both (the plugin builds the handbooks with the function `learnsite handbooks`
    calls)."""
    root = tmp_path_factory.mktemp("everything")
    project = root / "project"
    shutil.copytree(FIXTURE, project)
    (project / "modules/basics/everything.md").write_text(EVERYTHING, encoding="utf-8")
    edit(project / "modules/basics/module.yml", "  - definitions\n", "  - definitions\n  - everything\n")
    done = mkdocs_build(project, root / "site")
    assert done.returncode == 0, done.stderr
    assert "handbook-render-warning" not in done.stderr
    page = (root / "site/modules/basics/everything/index.html").read_text(encoding="utf-8")
    pdf = PdfReader(root / "site/handbooks/workshop-trainer.pdf")
    return page, _words(" ".join(p.extract_text() for p in pdf.pages))


def test_every_block_kind_and_configured_extension_is_exercised() -> None:
    extensions = load_project(FIXTURE).catalogue.markdown.extensions
    covered = set(SHOWN) | {"answer", "checklist", "slide"}
    assert set(BLOCKS) <= covered, set(BLOCKS) - covered
    assert set(extensions) - covered == {"pymdownx.blocks.admonition", "pymdownx.blocks.details",
                                         "pymdownx.blocks.tab", "learnsite.render.blocks"}
    assert {*CURRICULUM_BLOCKS, *GENERAL_BLOCKS} - {"answer", "slide"} <= set(SHOWN)


def test_every_block_and_extension_shows_on_the_web(built) -> None:
    page, _ = built
    text = _words(re.sub(r"<[^>]+>", " ", page))
    for feature, content in SHOWN.items():
        assert content in text, feature
    assert '<abbr title="International Labour Organization">ILO</abbr>' in page
    assert 'id="sage-paragraph"' in page
    assert "The work differs from the job the worker was promised." in text, \
        "the embedded checklist's form"
    assert ANSWER not in text, "model answers never reach the web"
    assert SLIDE not in text and "Only projected" not in text
    assert "///" not in text and "!!!" not in text


def test_every_block_and_extension_prints(built) -> None:
    _, text = built
    for feature, content in SHOWN.items():
        assert content in text, feature
    assert ANSWER in text
    assert SLIDE not in text and "Only projected" not in text
    assert "Use the printable form of this checklist in the Checklists part." in text
    assert "///" not in text and "!!!" not in text


def test_what_is_interactive_on_the_web_is_laid_out_for_paper(built) -> None:
    _, text = built
    places = [text.index(piece) for piece in LAID_OUT_FOR_PAPER]
    assert places == sorted(places), "each tab under its own title, one after another"
    assert "Details title The details say juniper." in text, "details print open"
    assert "ILO (International Labour Organization)" in text, "an abbreviation spelt out once"
    assert "¶" not in text and "↩" not in text, "no permalink or back-link symbols"


def test_an_edit_to_the_markdown_extensions_converts_every_text_anew(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    edit(project / "modules/basics/definitions.md", "## Three parts\n",
         "## Three parts\n\nThe ILO defines it.\n\n*[ILO]: International Labour Organization\n")
    cache, spelt_out = tmp_path / "cache", "ILO (International Labour Organization)"

    def printed() -> str:
        written, failures = build_all(load_project(project).catalogue, tmp_path / "out", cache=cache)
        assert not failures
        return _words(" ".join(page.extract_text() for page in PdfReader(written[0].path).pages))

    assert spelt_out in printed()
    edit(project / "mkdocs.yml", "  - abbr\n", "")
    assert spelt_out not in printed(), "the cached conversion with the old extensions is not reused"
