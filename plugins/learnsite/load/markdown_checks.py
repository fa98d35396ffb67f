"""Checks on Markdown: links and anchors resolve, blocks are known and well-formed, and no raw
HTML runs code or loads anything from another host. The same checks serve a page's body and a
text written in YAML (load/text_checks.py): only the way back to a file position differs."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote

import yaml
from pydantic import ValidationError

from learnsite.diagnostics import Diagnostics, Location
from learnsite.load.citation_checks import check_citations
from learnsite.load.mdscan import Block, Link, Scan, scan
from learnsite.load.site_map import SiteMap
from learnsite.load.source import YamlDoc, parse_yaml
from learnsite.load.suggest import did_you_mean
from learnsite.load.validate import validate
from learnsite.model.blocks import BLOCKS, ActivityOptions
from learnsite.model.catalogue import MarkdownSource

#: Link texts that say nothing out of context (screen readers list links by their text alone).
VAGUE_LINK_TEXT = frozenset({
    "click here", "here", "click", "read more", "more", "this link", "link", "this page",
    "this", "go", "details", "هنا", "اضغط هنا", "انقر هنا", "المزيد", "اقرأ المزيد", "هذا الرابط",
})
_IMG_TAG = re.compile(r"<\s*img\b[^>]*>", re.I)
_ALT = re.compile(r"""\salt\s*=\s*(["'])\s*\S""", re.I)
_SCHEME = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
_UNSAFE_TAG = re.compile(r"<\s*(script|iframe|object|embed|frame|frameset|applet|base)\b", re.I)
_EVENT_HANDLER = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-zA-Z]+)\s*=", re.I)
_JS_URL = re.compile(r"""(?:href|src)\s*=\s*["']?\s*javascript:""", re.I)
_HANDLER_NAME = re.compile(r"on[a-z]+", re.I)
_JS_VALUE = re.compile(r"\s*javascript:", re.I)
_REMOTE = r"""["']?\s*(?:https?:)?//"""
_EXTERNAL_RESOURCES = (
    re.compile(r"<\s*(?:img|source|video|audio|track|link|input|image|use)\b[^>]*?\s"
               rf"(?:src|srcset|href|poster|data|xlink:href)\s*=\s*{_REMOTE}", re.I),
    re.compile(rf"url\(\s*{_REMOTE}", re.I),
    re.compile(rf"@import\s+{_REMOTE}", re.I),
)


#: Where a line and column of the checked text are in its file.
Locate = Callable[[int, int], Location]


def check_markdown(source: MarkdownSource, site_path: str, site: SiteMap, diags: Diagnostics) -> Scan:
    """Run every Markdown check on one page or session body; return the scan for reuse."""
    def locate(line: int, col: int) -> Location:
        return Location(source.path, source.first_line + line - 1, col)

    return check_text(source.body, locate, site_path, site, diags)


def check_text(text: str, at: Locate, site_path: str, site: SiteMap, diags: Diagnostics) -> Scan:
    """Run every Markdown check on `text`, shown on the page at `site_path`."""
    result = scan(text)
    for link in result.links:
        _check_link(at(link.line, link.col), site_path, link.target, link.image, site, diags)
        _check_link_text(at(link.line, link.col), link, diags)
    for block in result.blocks:
        _check_block(at(block.line, block.col), block, site, diags)
    _check_list_indent(text, at, diags)
    for mark in result.terms:
        name = (mark.ref or mark.text).casefold()
        if name not in site.terms:
            guess = did_you_mean(name, site.terms, cutoff=0.7, show=lambda term: f"`[[{term}]]`")
            diags.add("ref-unknown-term", at(mark.line, mark.col),
                      f"`{mark.raw}` names no glossary term{guess}",
                      "Use a term, abbreviation or id from content/glossary.yml (or add the term "
                      "there); `[[shown text|term-id]]` shows other words.")
    for mark in result.contacts:
        if mark.ref is not None and mark.ref not in site.contacts:
            guess = did_you_mean(mark.ref, site.contacts)
            diags.add("ref-unknown-contact", at(mark.line, mark.col),
                      f"unknown contact `{mark.ref}`{guess}",
                      f"Known contacts: {', '.join(sorted(site.contacts)) or 'none'}; "
                      "`{{ contacts }}` lists them all.")
    check_citations(result, at, site, diags)
    _check_html(at, result, diags)
    return result


def _check_link(where: Location, site_path: str, target: str, image: bool, site: SiteMap,
                diags: Diagnostics) -> None:
    if _SCHEME.match(target):
        if image and not target.startswith(("data:", "mailto:", "tel:")):
            diags.add("content-external-resource", where,
                      f"image loaded from another host: `{target}`")
        return
    path, _, anchor = target.partition("#")
    if not path:
        resolved = site_path
    else:
        base = "" if path.startswith("/") else posixpath.dirname(site_path)
        resolved = posixpath.normpath(posixpath.join(base, unquote(path).lstrip("/")))
        if path.endswith("/") or f"{resolved}/index.md" in site.pages:
            resolved = f"{resolved}/index.md".removeprefix("./")
    if resolved in site.files or site.is_unverified(resolved):
        return
    anchors = site.pages.get(resolved)
    if anchors is None:
        here = posixpath.dirname(site_path) or "."
        guess = did_you_mean(resolved, site.pages, cutoff=0.75,
                             show=lambda page: f"`{posixpath.relpath(page, here)}`")
        diags.add("link-broken", where, f"link target `{path}` does not exist{guess}",
                  "Links are relative to this page's place in the site: content/ pages at the "
                  "root, modules under modules/<id>/, checklists under checklists/.")
    elif anchor and anchor not in anchors:
        guess = did_you_mean(anchor, anchors, cutoff=0.5, show=lambda name: f"`#{name}`")
        if site.language is None:
            diags.add("link-anchor-missing", where,
                      f"`{resolved}` has no heading with the anchor `#{anchor}`{guess}")
        else:
            diags.add("link-anchor-missing", where,
                      f"on the `{site.language}` site, `{resolved}` has no heading with the anchor "
                      f"`#{anchor}`{guess}", "Give the translated heading the source's anchor: "
                      f"`## Translated heading {{: #{anchor} }}`.")


_ITEM = re.compile(r"^( *)(?:[-*+]|\d+[.)]) ")


def _check_list_indent(text: str, at: Locate, diags: Diagnostics) -> None:
    """A list meant to sit inside a list item but indented by fewer than four spaces: the site's
    Markdown reads its items as more items of the outer list (numbered on, on the web, in print
    and on slides), which no preview of another Markdown shows."""
    in_list = told = False
    for number, line in enumerate(text.split("\n"), start=1):
        item = _ITEM.match(line)
        indent = len(item.group(1)) if item else None
        wrong = bool(item and in_list and 0 < (indent or 0) < 4)
        if wrong and not told:  # once per list, at its first item
            diags.add("list-indent", at(number, 1),
                      f"this list is indented by {indent} space{'s' if indent != 1 else ''}, so it "
                      "prints as more items of the list above, not inside its item",
                      "Indent a list inside a list item by four spaces.")
        told = wrong or (told and not item)
        if line.strip():
            in_list = indent == 0 or (in_list and line.startswith(" "))


def _check_link_text(where: Location, link: Link, diags: Diagnostics) -> None:
    """Images need a text alternative; links need text that says where they go."""
    text = " ".join(link.text.split()).strip(" .:!").casefold()
    if link.image and not text:
        diags.add("content-image-alt", where, f"the image `{link.target}` has no alternative text",
                  "Describe the image between the brackets: ![what the image shows](file.png).")
    elif not link.image and text in VAGUE_LINK_TEXT:
        diags.add("content-link-text", where, f"the link text `{link.text}` does not say where "
                  "the link goes")


def _check_block(where: Location, block: Block, site: SiteMap, diags: Diagnostics) -> None:
    options_model = BLOCKS.get(block.name)
    if options_model is None:
        guess = did_you_mean(block.name, BLOCKS)
        diags.add("block-unknown", where, f"unknown block type `{block.name}`{guess}",
                  f"Known block types: {', '.join(BLOCKS)}.")
        return
    if not block.closed:
        diags.add("block-unclosed", where, f"the `{block.name}` block is never closed")
    if block.name == "checklist":
        known = sorted(p.removeprefix("checklists/").removesuffix(".md") for p in site.pages
                       if p.startswith("checklists/"))
        if block.title not in known:
            guess = did_you_mean(block.title or "", known)
            diags.add("ref-unknown-checklist", where,
                      f"unknown checklist `{block.title or ''}`{guess}",
                      f"Write `/// checklist | ID` with one of: {', '.join(known) or 'none yet'}.")
    if block.options:
        doc = parse_yaml(block.options, where.path, diags, line_offset=where.line)
        if doc is not None:
            if not isinstance(doc.data, dict):
                diags.add("schema-wrong-type", where, f"the options of `{block.name}` must be "
                          "`key: value` lines", "Indent each option by four spaces.")
            else:
                validate(doc, options_model, diags)
                _check_attrs(doc, diags)


def _check_attrs(doc: YamlDoc, diags: Diagnostics) -> None:
    """A block's `attrs` become HTML attributes as written: none may run code."""
    attrs = doc.data.get("attrs")
    for name, value in attrs.items() if isinstance(attrs, dict) else ():
        if _HANDLER_NAME.fullmatch(name):
            diags.add("content-unsafe-html", doc.key_at(("attrs", name)),
                      f"inline event handler `{name.lower()}=` is not allowed")
        elif isinstance(value, str) and _JS_VALUE.match(value):
            diags.add("content-unsafe-html", doc.at(("attrs", name)),
                      "a `javascript:` link is not allowed")


def activity_minutes(block: Block) -> int:
    """The minutes an activity block declares (0 when absent or invalid: reported elsewhere)."""
    if not block.options:
        return 0
    try:
        options = ActivityOptions.model_validate(yaml.safe_load(block.options))
    except (ValidationError, yaml.YAMLError):
        return 0
    return options.minutes or 0


def _check_html(at: Locate, result: Scan, diags: Diagnostics) -> None:
    for number, line in result.code_free_lines:
        if "<" not in line and "url(" not in line and "@import" not in line:
            continue
        for pattern, message in ((_UNSAFE_TAG, "raw HTML `<{}>` is not allowed in content"),
                                 (_EVENT_HANDLER, "inline event handler `{}=` is not allowed"),
                                 (_JS_URL, "a `javascript:` link is not allowed")):
            for match in pattern.finditer(line):
                diags.add("content-unsafe-html", at(number, match.start() + 1),
                          message.format(*(g.lower() for g in match.groups())))
        for match in _IMG_TAG.finditer(line):
            if not _ALT.search(match.group(0)):
                diags.add("content-image-alt", at(number, match.start() + 1),
                          "the <img> has no alternative text",
                          'Add alt="what the image shows" to the tag.')
        for pattern in _EXTERNAL_RESOURCES:
            for match in pattern.finditer(line):
                diags.add("content-external-resource", at(number, match.start() + 1),
                          f"resource loaded from another host: `{match.group(0).strip()}`")
