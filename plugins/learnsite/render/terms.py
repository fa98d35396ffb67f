"""Glossary marks in Markdown: `[[debt bondage]]` or `[[shown text|term-id]]` become links to the
glossary entry, with the definition as a tooltip (Material's `content.tooltips`)."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from learnsite.load.mdscan import Mark, replace_marks, scan
from learnsite.model.glossary import Glossary, Term, term_index
from learnsite.site_paths import GLOSSARY


def find_term(index: Mapping[str, Term], mark: Mark) -> Term | None:
    """The term a mark names: by its explicit reference, else by its text."""
    return index.get((mark.ref or mark.text).casefold())


def link_terms(markdown: str, site_path: str, glossary: Glossary) -> str:
    """Replace every known mark outside code by a link; unknown marks are left for the checker."""
    marks = scan(markdown).terms
    if not marks:
        return markdown
    index = term_index(glossary)
    target = posixpath.relpath(GLOSSARY, posixpath.dirname(site_path) or ".")

    def link(mark: Mark) -> str | None:
        term = find_term(index, mark)
        if term is None:
            return None
        tooltip = " ".join(term.definition.split()).replace('"', "&quot;")
        return f'[{mark.text}]({target}#{term.id} "{tooltip}")'

    return replace_marks(markdown, marks, link)
