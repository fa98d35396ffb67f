"""The centre's review queue: every `/// to-confirm` block of the content (a statement still to be
confirmed: a procedure, an agency's name, a penalty, the hotline), with the page that shows it,
why it is open and who can confirm it. Computed from the catalogue, so the queue page, the
check's notices and the pull-request summary all see the same items."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

import yaml
from pydantic import ValidationError

from learnsite.load.layout import GLOSSARY_FILE
from learnsite.load.mdscan import Block, scan
from learnsite.load.source import Key
from learnsite.model.blocks import ToConfirmOptions
from learnsite.model.catalogue import Catalogue, MarkdownSource
from learnsite.site_paths import GLOSSARY, session_path
from learnsite.strings import translator

_EXCERPT = 240
"""How many characters of the statement the queue shows."""


@dataclass(frozen=True)
class OpenItem:
    """One statement the centre has still to confirm."""

    site_path: str
    page_title: str
    path: PurePosixPath
    """The file to edit once it is confirmed."""
    where: int | Key
    """The block's line in a Markdown file, or the key of the text in a YAML file."""
    title: str | None
    reason: str | None
    owner: str | None
    excerpt: str


def open_items(cat: Catalogue) -> list[OpenItem]:
    """Every open item of the content, page by page in the site's order: the to-confirm blocks
    of pages and sessions, and the glossary's terms whose official wording, in any language, is
    still to be confirmed."""
    items: list[OpenItem] = []
    for page in cat.pages:
        items += _items(page.site_path, page.title, page.source)
    for module in cat.modules.values():
        for session in module.all_sessions:
            items += _items(session_path(module.record.id, session.id), session.meta.title,
                            session.source)
    for language in (cat, *cat.translations.values()):
        items += _wordings(language)
    return items


def _wordings(cat: Catalogue) -> Iterator[OpenItem]:
    """The glossary terms of one language whose official wording is still to be confirmed."""
    path = PurePosixPath(GLOSSARY_FILE)
    if cat.translated is not None:
        path = path.with_name(f"{path.stem}.{cat.language}{path.suffix}")
    for index, term in enumerate(cat.glossary.terms):
        if term.term_to_confirm:
            yield OpenItem(GLOSSARY, translator(cat.language)("glossary"), path,
                           ("terms", index, "term_to_confirm"),
                           f"{term.term} ({cat.language})", _sentence(term.term_to_confirm), None,
                           translator(cat.language)("term-wording-to-confirm", term=term.term))


def _items(site_path: str, title: str, source: MarkdownSource) -> Iterator[OpenItem]:
    lines = source.body.splitlines()
    for block in scan(source.body).blocks:
        if block.name == "to-confirm" and block.end_line is not None:
            options = _options(block)
            first = block.line + len(block.options.splitlines())  # the body, after the options
            excerpt = " ".join(" ".join(lines[first:block.end_line - 1]).split())
            if len(excerpt) > _EXCERPT:
                excerpt = excerpt[:_EXCERPT].rsplit(" ", 1)[0] + "…"
            yield OpenItem(site_path, title, source.path, source.first_line + block.line - 1,
                           block.title, _sentence(options.reason), _sentence(options.owner), excerpt)


def _sentence(text: str | None) -> str | None:
    """A reason or an owner without its closing full stop: the page's wording adds one."""
    return text.rstrip(". ") if text else None


def _options(block: Block) -> ToConfirmOptions:
    """The block's reason and owner (none when its options are invalid: the checks say why)."""
    try:
        return ToConfirmOptions.model_validate(yaml.safe_load(block.options) if block.options else {})
    except (ValidationError, yaml.YAMLError):
        return ToConfirmOptions()
