"""The glossary (content/glossary.yml): terms pages can link to."""

from __future__ import annotations

from pydantic import Field

from learnsite.model.base import Id, Record, Text


class Term(Record):
    """One glossary entry."""

    id: Id
    term: Text
    abbreviation: Text | None = None
    definition: Text
    related: list[Id] = Field(default_factory=list, description="Ids of related terms.")


class Glossary(Record):
    """The whole glossary file."""

    terms: list[Term] = Field(default_factory=list)


def term_index(glossary: Glossary) -> dict[str, Term]:
    """Every way a term may be named in a mark (id, term, abbreviation), case-folded."""
    index: dict[str, Term] = {}
    for term in glossary.terms:
        for name in (term.id, term.term, term.abbreviation):
            if name:
                index.setdefault(name.casefold(), term)
    return index
