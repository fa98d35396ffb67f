"""Loading a whole project: every source file parsed once, validated, cross-checked.

`load_project` never raises for bad content: each problem becomes a diagnostic and loading goes
on with what is valid, so an author sees every problem of a change in one run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TypeVar

from pydantic import BaseModel

from learnsite.diagnostics import Diagnostics, Location, Severity
from learnsite.load.cases import check_cases
from learnsite.load.checklist_checks import check_checklist
from learnsite.load.coverage import check_handbook_coverage
from learnsite.load.curriculum_checks import check_activity_minutes, check_reviews, check_schedules
from learnsite.load.frontmatter import split
from learnsite.load.layout import (
    CHECKLISTS_DIR,
    CONTENT_DIR,
    GLOSSARY_FILE,
    MODULES_DIR,
    SITE_CONFIG,
    SOURCES_FILE,
    is_translation,
)
from learnsite.load.markdown_checks import check_markdown
from learnsite.load.materials import check_session_materials, load_materials
from learnsite.load.mdscan import Scan
from learnsite.load.mkdocs_config import MKDOCS_FILE, load_markdown_config
from learnsite.load.reader import SourceReader
from learnsite.load.references import check_references
from learnsite.load.site_map import SiteMap, site_map
from learnsite.load.source import YamlDoc
from learnsite.load.term_checks import check_terms
from learnsite.load.text_checks import check_texts
from learnsite.load.traceability import report_traceability
from learnsite.load.translations import (
    check_stale,
    translatable_sources,
    translate_catalogue,
    translation_entries,
)
from learnsite.model.catalogue import Catalogue, LoadedModule, Page, Session
from learnsite.model.checklist import Checklist
from learnsite.model.curriculum import Module, PageMeta, SessionMeta
from learnsite.model.glossary import Glossary
from learnsite.model.site import SiteConfig
from learnsite.model.sources import Sources
from learnsite.rules import RULES
from learnsite.site_paths import GLOSSARY, HOME, checklist_path, module_folder, module_path, session_path

M = TypeVar("M", bound=BaseModel)



@dataclass
class LoadResult:
    """The catalogue, every diagnostic, and the YAML documents (for located cross-checks)."""

    catalogue: Catalogue
    diagnostics: Diagnostics
    files: int
    docs: dict[str, YamlDoc] = field(default_factory=dict)
    """Each parsed YAML file by its path, so later stages can point at a line (a handbook's entry)."""


def load_project(root: Path) -> LoadResult:
    """Load and check everything under `root`; the one entry point of the core."""
    loader = SourceReader(root.resolve())
    cat = Catalogue(loader.root)
    site_path = loader.root / SITE_CONFIG
    if site_path.is_file():
        cat.site = loader.yaml(site_path, SiteConfig, HOME)
        _apply_severities(loader, cat.site)
        if cat.site is None:
            loader.unverified.add("programmes/")
    else:
        loader.diags.add("file-missing", Location(PurePosixPath(SITE_CONFIG)),
                         "site_config.yml is missing", "Every project needs site_config.yml at its "
                         "root: copy it from the learnsite repository and edit it.")
    cat.markdown = load_markdown_config(loader, loader.root / MKDOCS_FILE)
    languages = {lang.code for lang in cat.site.languages} if cat.site else set()
    _load_modules(loader, cat, languages)
    for path in sorted((loader.root / CHECKLISTS_DIR).glob("*.yml")):
        if is_translation(path, languages):
            continue
        checklist = loader.yaml(path, Checklist, checklist_path(path.stem))
        if checklist is not None:
            check_checklist(checklist, loader.docs[str(loader.rel(path))], loader.diags)
            cat.checklists[checklist.id] = checklist
        else:
            loader.unverified.add(checklist_path(path.stem))
    glossary_path = loader.root / GLOSSARY_FILE
    if glossary_path.is_file():
        glossary = loader.yaml(glossary_path, Glossary, GLOSSARY)
        if glossary is None:
            loader.unverified.add(GLOSSARY)
        cat.glossary = glossary or Glossary()
    sources_path = loader.root / SOURCES_FILE
    if sources_path.is_file():
        cat.sources = loader.yaml(sources_path, Sources, HOME) or Sources()
    _load_pages(loader, cat, languages)
    folders = {p.name for p in (loader.root / MODULES_DIR).glob("*") if p.is_dir()}
    check_references(cat, loader.docs, loader.diags, folders)
    check_reviews(cat, loader.docs, loader.diags)
    check_schedules(cat, loader.docs, loader.diags)
    files = _static_files(loader.root / CONTENT_DIR)
    site = site_map(cat, files, frozenset(loader.unverified))
    _check_all_markdown(loader, cat, site)
    check_texts(loader.records, site, loader.diags)
    check_terms(cat, loader.records, loader.diags)
    for language in sorted(languages - {cat.language}):
        _load_translation(loader, cat, language, files)
    check_handbook_coverage(cat, loader.docs, loader.diags)
    report_traceability(cat, loader.docs, loader.diags)
    return LoadResult(cat, loader.diags, loader.files, loader.docs)


def _load_translation(loader: SourceReader, cat: Catalogue, language: str,
                      files: frozenset[str]) -> None:
    """Build the catalogue in `language`, check its pages and texts, and flag stale translations.
    A page still in the source language is checked too: its links lead to that language's
    pages, whose headings (and so anchors) may be translated. (What it shares with its source
    is reported once.)"""
    read_before = len(loader.records)
    translated = translate_catalogue(loader, cat, language)
    cat.translations[language] = translated
    site = site_map(translated, files, frozenset(loader.unverified))
    check_texts(loader.records[read_before:], site, loader.diags)
    check_terms(translated, loader.records[read_before:], loader.diags)
    for page in translated.pages:
        scanned = check_markdown(page.source, page.site_path, site, loader.diags)
        check_cases(page.source, scanned, translated.checklists, loader.diags)
    for module in translated.modules.values():
        for session in module.all_sessions:
            path = session_path(module.record.id, session.id)
            scanned = check_markdown(session.source, path, site, loader.diags)
            check_cases(session.source, scanned, translated.checklists, loader.diags)
    check_stale(loader, translation_entries(cat.root, language, translatable_sources(cat)))


def load_checklist(root: Path, checklist_id: str, diags: Diagnostics) -> Checklist | None:
    """Load and check one checklist on its own (for `learnsite screen`)."""
    loader = SourceReader(root.resolve())
    loader.diags = diags
    path = loader.root / CHECKLISTS_DIR / f"{checklist_id}.yml"
    if not path.is_file():
        known = sorted(p.stem for p in (loader.root / CHECKLISTS_DIR).glob("*.yml"))
        diags.add("file-missing", Location(loader.rel(path)) if path.is_relative_to(loader.root)
                  else Location(PurePosixPath(checklist_id)),
                  f"there is no checklist `{checklist_id}`",
                  f"Known checklists: {', '.join(known) or 'none'}.")
        return None
    checklist = loader.yaml(path, Checklist, checklist_path(checklist_id))
    if checklist is not None:
        check_checklist(checklist, loader.docs[str(loader.rel(path))], diags)
    return None if diags.errors else checklist


def _apply_severities(loader: SourceReader, site: SiteConfig | None) -> None:
    """Apply `diagnostics:` overrides from site_config.yml before anything else is reported."""
    if site is None:
        return
    doc = loader.docs[SITE_CONFIG]
    for rule_id, severity in site.diagnostics.items():
        if rule_id in RULES:
            loader.diags.overrides[rule_id] = Severity(severity)
        else:
            loader.diags.add("ref-unknown-rule", doc.key_at(("diagnostics", rule_id)),
                             f"`{rule_id}` is not a learnsite rule id",
                             "Rule ids are listed by `learnsite rules`.")


def _load_modules(loader: SourceReader, cat: Catalogue, languages: set[str]) -> None:
    for folder in sorted(p for p in (loader.root / MODULES_DIR).glob("*") if p.is_dir()):
        module_file = folder / "module.yml"
        if not module_file.is_file():
            loader.diags.add("file-missing", Location(loader.rel(folder) / "module.yml"),
                             f"module folder `{folder.name}` has no module.yml",
                             "Create it with `learnsite new module ID`, or remove the folder.")
            continue
        module = loader.yaml(module_file, Module, module_path(folder.name))
        doc = loader.docs.get(str(loader.rel(module_file)))
        if module is None:
            loader.unverified.add(module_folder(folder.name))
            if doc is not None:
                _check_sessions_of_invalid_module(loader, folder, doc)
            continue
        assert doc is not None
        if module.id != folder.name:
            loader.diags.add("id-mismatch", doc.at(("id",)),
                             f"module id `{module.id}` differs from its folder `{folder.name}`")
        if module.id in cat.modules:
            loader.diags.add("id-duplicate", doc.at(("id",)),
                             f"module id `{module.id}` is also used by "
                             f"{cat.modules[module.id].path}", "Give each module its own id.")
            continue
        listed = {*module.sessions, module.assessment}
        sessions = tuple(s for i, sid in enumerate(module.sessions)
                         if (s := _load_session(loader, folder, module.id, sid, doc, ("sessions", i)))
                         is not None)
        assessment = (_load_session(loader, folder, module.id, module.assessment, doc,
                                    ("assessment",)) if module.assessment else None)
        taught = (*sessions, *([assessment] if assessment else []))
        materials = load_materials(loader, folder, module.id, taught, languages,
                                   complete=len(taught) == len(listed - {None}))
        cat.modules[module.id] = LoadedModule(module, loader.rel(module_file), sessions, assessment,
                                              materials)
        loaded = {s.id for s in sessions} | {assessment.id if assessment else None}
        loader.unverified.update(session_path(module.id, sid) for sid in listed - loaded if sid)
        for extra in sorted(folder.glob("*.md")):
            if extra.stem not in listed and "." not in extra.stem:
                loader.diags.add("session-file-unlisted", Location(loader.rel(extra)),
                                 f"`{extra.name}` is not listed under `sessions:` in module.yml")


def _check_sessions_of_invalid_module(loader: SourceReader, folder: Path, doc: YamlDoc) -> None:
    """Still check the session files of a module whose module.yml has errors, so an author
    sees every problem of a new module at once."""
    listed = doc.data.get("sessions") if isinstance(doc.data, dict) else None
    for index, session_id in enumerate(listed if isinstance(listed, list) else []):
        if isinstance(session_id, str) and (folder / f"{session_id}.md").is_file():
            _load_session(loader, folder, folder.name, session_id, doc, ("sessions", index))


def _load_session(loader: SourceReader, folder: Path, module_id: str, session_id: str, doc: YamlDoc,
                  key: tuple[str | int, ...]) -> Session | None:
    path = folder / f"{session_id}.md"
    if not path.is_file():
        loader.diags.add("session-file-missing", doc.at(key),
                         f"session `{session_id}` has no file {loader.rel(path)}",
                         f"Create {path.name} (`learnsite new session {module_id} {session_id}`), "
                         "or fix the id in module.yml.")
        return None
    text = loader.text(path)
    if text is None:
        return None
    rel = loader.rel(path)
    if not text.strip():
        loader.diags.add("file-empty", Location(rel), "the session file is empty",
                         "Start it with front matter (title, minutes, method) and write the session.")
        return None
    parts = split(text, rel, loader.diags)
    if parts.state in ("absent", "empty"):
        loader.diags.add("front-matter-missing", Location(rel, 1 if parts.state == "absent" else 2),
                         f"the session's front matter is {parts.state}",
                         "Start the file with a block between two `---` lines giving at "
                         "least `title:`, `minutes:` and `method:`.")
    if parts.meta is None:
        return None
    if not isinstance(parts.meta.data, dict):
        loader.diags.add("schema-wrong-type", parts.meta.at(()),
                         "the front matter must be `key: value` lines")
        return None
    meta = loader.validate(parts.meta, SessionMeta, session_path(module_id, session_id))
    if meta:
        check_session_materials(loader, folder, meta, parts.meta)
    return Session(session_id, module_id, meta, parts.source) if meta else None


def _load_pages(loader: SourceReader, cat: Catalogue, languages: set[str]) -> None:
    content = loader.root / CONTENT_DIR
    for path in sorted(p for p in content.rglob("*.md") if not is_translation(p, languages)):
        text = loader.text(path)
        if text is None:
            continue
        parts = split(text, loader.rel(path), loader.diags)
        meta = PageMeta()
        site_path = path.relative_to(content).as_posix()
        if parts.meta is not None and isinstance(parts.meta.data, dict):
            loader.docs[str(parts.meta.path)] = parts.meta
            meta = loader.validate(parts.meta, PageMeta, site_path) or PageMeta()
        cat.pages.append(Page(site_path, meta, parts.source))


def _static_files(content: Path) -> frozenset[str]:
    """The files under content/ that the site publishes as they are (images, PDFs...)."""
    if not content.is_dir():
        return frozenset()
    return frozenset(p.relative_to(content).as_posix() for p in content.rglob("*")
                     if p.is_file() and p.suffix != ".md")


def _check_all_markdown(loader: SourceReader, cat: Catalogue, site: SiteMap) -> None:
    """Check every page and session; then report placeholder contacts with the pages showing them."""
    shown: dict[str, set[str]] = {}
    for page in cat.pages:
        scanned = check_markdown(page.source, page.site_path, site, loader.diags)
        check_cases(page.source, scanned, cat.checklists, loader.diags)
        _note_contacts(scanned, page.site_path, cat, shown)
    for module in cat.modules.values():
        for session in module.all_sessions:
            path = session_path(module.record.id, session.id)
            scanned = check_markdown(session.source, path, site, loader.diags)
            check_cases(session.source, scanned, cat.checklists, loader.diags)
            _note_contacts(scanned, path, cat, shown)
            check_activity_minutes(session, scanned, loader.diags)
    for checklist in cat.checklists.values():
        if any(o.refer for o in checklist.outcomes):
            for contact in cat.site.contacts if cat.site else []:
                shown.setdefault(contact.id, set()).add(checklist_path(checklist.id))
    _report_placeholders(loader, cat, shown)


def _note_contacts(scanned: Scan, site_path: str, cat: Catalogue, shown: dict[str, set[str]]) -> None:
    """Record which contacts a page shows: all of them for `{{ contacts }}`, else those named."""
    everything = [None] if any(b.name == "checklist" for b in scanned.blocks) else []
    for ref in [mark.ref for mark in scanned.contacts] + everything:
        ids = [c.id for c in cat.site.contacts] if cat.site and ref is None else [ref]
        for contact_id in ids:
            if contact_id:
                shown.setdefault(contact_id, set()).add(site_path)


def _report_placeholders(loader: SourceReader, cat: Catalogue, shown: dict[str, set[str]]) -> None:
    if cat.site is None:
        return
    doc = loader.docs[SITE_CONFIG]
    for index, contact in enumerate(cat.site.contacts):
        if contact.placeholder:
            pages = ", ".join(sorted(shown.get(contact.id, ()))) or "no page yet"
            loader.diags.add("contact-placeholder", doc.at(("contacts", index, "value")),
                             f"contact `{contact.id}` is still a placeholder, shown as 'to be "
                             f"confirmed' on: {pages}")
