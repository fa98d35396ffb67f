"""A text shown as plain text is escaped: in print, and in the HTML blocks of web pages, an
author's `<` or `&` is a character, never markup."""

from __future__ import annotations

from pathlib import Path

from conftest import edit
from learnsite.load.project import load_project
from learnsite.render.handbook.document import build_document
from learnsite.render.pages import generated_pages


def _no_markdown(text: str, config: object, edition: str, language: str) -> str:
    return ""


def test_print_escapes_every_text_of_the_content(project: Path) -> None:
    edit(project / "content/checklists/mini.yml", "summary: A two-indicator checklist.",
         "summary: Signs < proof & <i>more</i>.")
    edit(project / "modules/basics/module.yml", "summary: The basics.", "summary: R&D <b>basics</b>.")
    edit(project / "site_config.yml", "name: Test Centre", "name: Test & Centre")
    cat = load_project(project).catalogue
    handbook = next(h for h in cat.site.handbooks if h.id == "workshop-trainer")
    document = build_document(cat, handbook, convert=_no_markdown)
    pages = dict.fromkeys(document.anchors, 1)
    html = "".join(document.part(part).html for part in document.parts) + document.front(pages).html
    assert "Signs &lt; proof &amp; &lt;i&gt;more&lt;/i&gt;." in html
    assert "R&amp;D &lt;b&gt;basics&lt;/b&gt;." in html
    assert '<meta name="author" content="Test &amp; Centre">' in html
    assert "<i>more</i>" not in html and "<b>basics</b>" not in html


def test_web_pages_escape_texts_inside_html_blocks(project: Path) -> None:
    edit(project / "modules/basics/module.yml", 'version: "1.0"', 'version: "1.0 <b>beta</b>"')
    edit(project / "site_config.yml", "title: Workshop, trainer edition",
         "title: Workshop <i>&</i> trainer edition")
    cat = load_project(project).catalogue
    pages = generated_pages(cat)
    assert "Version 1.0 &lt;b&gt;beta&lt;/b&gt;" in pages["modules/basics/index.md"]
    assert ">Workshop &lt;i&gt;&amp;&lt;/i&gt; trainer edition</a>" in pages["programmes/workshop/index.md"]
