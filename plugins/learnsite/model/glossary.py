"""The glossary (content/glossary.yml) and its translations: terms pages can link to, and the
termbase of each language (the preferred term, accepted synonyms, wordings not to use, and the
legal text the preferred term comes from)."""

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
    synonyms: list[Text] = Field(default_factory=list, description="Other wordings that may be "
                                 "used, e.g. العمل الجبري beside السخرة أو الخدمة قسرًا.")
    deprecated: list[Text] = Field(default_factory=list, description="Wordings not to use: `learnsite "
                                   "check` reports each in this language's files (term-deprecated).")
    term_source: Id | None = Field(None, description="The source (an id in content/sources.yml) whose "
                                   "text gives the preferred term, e.g. palermo-protocol.")
    term_to_confirm: Text | None = Field(None, description="Why the preferred wording is not yet "
                                         "confirmed against an official text; the glossary says so.")


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
