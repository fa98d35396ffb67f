"""The sources the content relies on (content/sources.yml): conventions, protocols, laws,
guidelines. Indicators name theirs by id, so an expert can trace every rule to where it
comes from."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from learnsite.model.base import Id, Record, Text

SourceKind = Literal["convention", "protocol", "recommendation", "law", "guideline", "manual",
                     "report"]


class Source(Record):
    """One source, as a reference list would give it."""

    id: Id
    title: Text
    author: Text = Field(description="The author or issuing body, e.g. International Labour "
                         "Organization.")
    year: int = Field(ge=1800, le=2100)
    kind: SourceKind
    url: Text | None = Field(None, description="Where the text is published (read by people, never "
                             "fetched by the site).")


class Sources(Record):
    """The whole sources file."""

    sources: list[Source] = Field(default_factory=list)

    def by_id(self) -> dict[str, Source]:
        """Each source by its id."""
        return {source.id: source for source in self.sources}
