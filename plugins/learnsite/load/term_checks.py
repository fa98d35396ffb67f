"""The termbase at work: a wording the glossary marks as not to be used (`deprecated:` on a term,
in that language's glossary) is reported wherever it appears in that language's pages,
sessions and texts, with the preferred term as the fix. Arabic is matched without its
diacritics and tatweel, so a vowelled spelling is found too."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from learnsite.diagnostics import Diagnostics, Location
from learnsite.load.reader import ReadRecord
from learnsite.load.text_checks import texts
from learnsite.model.catalogue import Catalogue, MarkdownSource
from learnsite.model.glossary import Glossary
from learnsite.model.sources import Sources
from learnsite.site_paths import session_path

_MARKS = re.compile("[\u0640\u064b-\u0652\u0670]")
"""Arabic diacritics (harakat, shadda, sukun, superscript alif) and tatweel."""
Locate = Callable[[int, int], Location]


@dataclass(frozen=True)
class _Deprecated:
    wording: str
    plain: str
    preferred: str
    source: str | None


def check_terms(cat: Catalogue, records: Iterable[ReadRecord], diags: Diagnostics) -> None:
    """Report every deprecated wording in the catalogue's pages and sessions (those in its own
    language) and in the texts of `records` (its YAML files), except in the glossary's own lists
    of wordings and in the titles of sources, which are quoted as published."""
    wordings = list(_deprecated(cat.glossary))
    if not wordings:
        return
    for page in cat.pages:
        if cat.is_translated(page.site_path):
            _check_source(page.source, wordings, diags)
    for module in cat.modules.values():
        for session in module.all_sessions:
            if cat.is_translated(session_path(module.record.id, session.id)):
                _check_source(session.source, wordings, diags)
    for record in records:
        if record.model in (Sources,):
            continue
        for key, text in texts(record.model, record.doc.data):
            if record.model is Glossary and key[-2:-1] and key[-2] in ("deprecated", "synonyms"):
                continue
            at: Locate = partial(record.doc.text_at, key)
            for line_number, line in enumerate(text.split("\n"), start=1):
                _check_line(line, line_number, at, wordings, diags)


def _deprecated(glossary: Glossary) -> Iterator[_Deprecated]:
    for term in glossary.terms:
        for wording in term.deprecated:
            yield _Deprecated(wording, _plain(wording), term.term, term.term_source)


def _check_source(source: MarkdownSource, wordings: list[_Deprecated], diags: Diagnostics) -> None:
    def at(line: int, col: int) -> Location:
        return Location(source.path, source.first_line + line - 1, col)

    for number, line in enumerate(source.body.split("\n"), start=1):
        _check_line(line, number, at, wordings, diags)


def _check_line(line: str, number: int, at: Locate, wordings: list[_Deprecated],
                diags: Diagnostics) -> None:
    plain, columns = _plain_with_columns(line)
    for item in wordings:
        start = plain.find(item.plain)
        while start >= 0:
            source = f" ({item.source})" if item.source else ""
            diags.add("term-deprecated", at(number, columns[start] + 1),
                      f"`{item.wording}` is a wording the glossary says not to use",
                      f"Write `{item.preferred}`, the preferred term{source}.")
            start = plain.find(item.plain, start + len(item.plain))


def _plain(text: str) -> str:
    return _MARKS.sub("", text)


def _plain_with_columns(line: str) -> tuple[str, list[int]]:
    """The line without diacritics, and for each of its characters the column it came from."""
    kept = [(char, index) for index, char in enumerate(line) if not _MARKS.match(char)]
    return "".join(char for char, _ in kept), [index for _, index in kept]
