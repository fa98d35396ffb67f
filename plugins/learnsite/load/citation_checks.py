"""Checks on citations: each names a source that content/sources.yml lists, and a paragraph that
names an article of a law or treaty cites its source in the same paragraph (a statement of law
must be traceable), in English or Arabic."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from learnsite.diagnostics import Diagnostics, Location
from learnsite.load.mdscan import Citation, Scan
from learnsite.load.site_map import SiteMap
from learnsite.load.suggest import did_you_mean

_ARTICLE = re.compile(r"\b(?:[Aa]rticles?|[Aa]rts?\.)\s*\(?\d|(?:المادة|المادتين|المادتان|المواد)"
                      r"\s*\(?[0-9٠-٩]")


def check_citations(scanned: Scan, at: Callable[[int, int], Location], site: SiteMap,
                    diags: Diagnostics) -> None:
    """Every citation resolves, and every paragraph naming an article cites."""
    for citation in scanned.citations:
        if citation.source not in site.sources:
            guess = did_you_mean(citation.source, site.sources)
            diags.add("ref-unknown-source", at(citation.line, citation.col),
                      f"`{citation.raw}` names no source in content/sources.yml{guess}")
    for lines, cited in _paragraphs(scanned):
        for number, line in lines:
            mention = _ARTICLE.search(line)
            if mention and not cited:
                diags.add("citation-missing", at(number, mention.start() + 1),
                          f"this paragraph names an article (`{mention.group(0).strip()}…`) but "
                          "cites no source")
                break


def _paragraphs(scanned: Scan) -> Iterator[tuple[list[tuple[int, str]], list[Citation]]]:
    """Runs of non-blank lines outside code, each with the citations made on its lines."""
    run: list[tuple[int, str]] = []
    for number, line in (*scanned.code_free_lines, (0, "")):
        if line.strip():
            run.append((number, line))
            continue
        if run:
            numbers = {n for n, _ in run}
            yield run, [c for c in scanned.citations if c.line in numbers]
        run = []
