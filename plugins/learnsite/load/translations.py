"""Translations: `x.<lang>.md` beside `x.md`, and `x.<lang>.yml` beside `x.yml` holding the text
fields of the source in the same structure (records matched by `id`). From these, a catalogue
per language; a page without a translation keeps its source text and is marked untranslated.

Each translation records, in its `translation: source:` header, a hash of the source it
translates (`learnsite translations --stamp` writes it), so a source edited afterwards shows
the translation as stale.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel

from learnsite.diagnostics import Diagnostics, Location
from learnsite.load.coverage import Coverage, programme_coverage
from learnsite.load.frontmatter import split
from learnsite.load.layout import (
    CHECKLISTS_DIR,
    GLOSSARY_FILE,
    SITE_CONFIG,
    SOURCES_FILE,
)
from learnsite.load.reader import ReadRecord, SourceReader
from learnsite.load.source import Key, YamlDoc
from learnsite.load.validate import validate
from learnsite.model.catalogue import (
    Catalogue,
    LoadedModule,
    MarkdownSource,
    MaterialFile,
    Page,
    Session,
)
from learnsite.model.checklist import Checklist
from learnsite.model.curriculum import (
    MaterialMeta,
    Module,
    PageMeta,
    SessionMeta,
    TranslationMeta,
)
from learnsite.model.glossary import Glossary
from learnsite.model.site import SiteConfig
from learnsite.model.sources import Sources
from learnsite.site_paths import (
    GLOSSARY,
    HOME,
    SOURCES,
    audience_path,
    checklist_path,
    decision_path,
    guide_path,
    material_path,
    module_path,
    programme_path,
    session_path,
)

M = TypeVar("M", bound=BaseModel)
HEADER = "translation"
Status = Literal["current", "stale", "unstamped", "missing"]


def translation_path(source: Path, language: str) -> Path:
    """Where the translation of `source` into `language` lives: x.md → x.ar.md."""
    return source.with_name(f"{source.stem}.{language}{source.suffix}")


def source_hash(path: Path) -> str:
    """The fingerprint a translation records of its source (12 hex digits of SHA-256)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


@dataclass(frozen=True)
class Entry:
    """One source file and the state of its translation into one language."""

    source: Path
    translation: Path
    status: Status


def overlay(base: Any, over: Any, doc: YamlDoc, key: Key, diags: Diagnostics) -> Any:
    """The source data with the translation's text laid over it, reporting what does not fit."""
    if isinstance(base, dict) and isinstance(over, dict):
        merged = dict(base)
        for name, value in over.items():
            if key == () and name == HEADER:
                continue
            # A key the source leaves out (an optional text) may be given; a key the format does
            # not know is reported by the model's own validation, with "did you mean".
            merged[name] = overlay(base[name], value, doc, (*key, name), diags) if name in base else value
        return merged
    if isinstance(base, list) and isinstance(over, list) and base and isinstance(base[0], dict):
        return _overlay_records(base, over, doc, key, diags)
    return over


def _overlay_records(base: list[Any], over: list[Any], doc: YamlDoc, key: Key,
                     diags: Diagnostics) -> list[Any]:
    """Records matched by `id` where the source gives them one, else by position (days, breaks)."""
    merged = list(base)
    by_id = {item.get("id"): i for i, item in enumerate(base) if isinstance(item, dict) and "id" in item}
    for index, item in enumerate(over):
        if by_id:
            item_id = item.get("id") if isinstance(item, dict) else None
            position = by_id.get(item_id)
            problem = f"no record with id `{item_id}` in the source"
            fix = "Copy each record's `id:` from the source unchanged."
        else:
            position = index if index < len(base) else None
            problem = f"the source has only {len(base)} entries here, so entry {index + 1} has no source"
            fix = "Keep the entries in the source's order, one for each."
        if position is None:
            diags.add("translation-mismatch", doc.at((*key, index)), problem, fix)
            continue
        merged[position] = overlay(base[position], item, doc, (*key, index), diags)
    return merged


def _yaml_overlay(reader: SourceReader, source: Path, language: str, model: type[M],
                  translated: set[str], site_path: str | None) -> M | None:
    """The source record with its translation laid over it, or None when there is none.
    `site_path` is the page the file makes, if it makes one."""
    path = translation_path(source, language)
    base = reader.docs.get(str(reader.rel(source)))
    if not path.is_file() or base is None:
        return None
    doc = reader.mapping(path)
    if doc is None:
        return None
    header = doc.data.get(HEADER) if isinstance(doc.data, dict) else None
    if isinstance(header, dict):
        validate(replace(doc, data=header), TranslationMeta, reader.diags, ())
    merged = replace(doc, data=overlay(base.data, doc.data, doc, (), reader.diags))
    reader.records.append(ReadRecord(doc, model, site_path or HOME))  # texts at their own lines
    record = validate(merged, model, reader.diags)
    if record is not None and site_path:
        translated.add(site_path)
    return record


def _markdown(reader: SourceReader, source: MarkdownSource, language: str, meta_model: type[Any],
              site_path: str) -> tuple[Any, MarkdownSource] | None:
    """A Markdown translation's front matter and body, or None when there is none."""
    path = translation_path(reader.root / source.path, language)
    if not path.is_file():
        return None
    text = reader.text(path)
    if text is None:
        return None
    parts = split(text, reader.rel(path), reader.diags)
    meta = reader.validate(parts.meta, meta_model, site_path) if parts.meta is not None else None
    return (meta, parts.source) if meta is not None else None


def translate_catalogue(reader: SourceReader, cat: Catalogue, language: str) -> Catalogue:
    """The catalogue in `language`: translated where a translation exists, source text elsewhere."""
    done: set[str] = set()
    root = reader.root
    site = _yaml_overlay(reader, root / SITE_CONFIG, language, SiteConfig, done, None)
    if site is not None and cat.site is not None:
        done.update(path(p.id) for p in site.programmes for path in (programme_path, guide_path))
        done.update(audience_path(a.id) for a in site.audiences)
    modules = {}
    for module_id, module in cat.modules.items():
        record = _yaml_overlay(reader, root / module.path, language, Module, done,
                               module_path(module_id)) or module.record
        sessions = tuple(_session(reader, s, language, done) for s in module.sessions)
        assessment = _session(reader, module.assessment, language, done) if module.assessment else None
        materials = {file: _material(reader, material, language, done)
                     for file, material in module.materials.items()}
        modules[module_id] = LoadedModule(record, module.path, sessions, assessment, materials)
    checklists = {
        checklist_id: _yaml_overlay(reader, root / f"{CHECKLISTS_DIR}/{checklist_id}.yml", language,
                                    Checklist, done, checklist_path(checklist_id)) or checklist
        for checklist_id, checklist in cat.checklists.items()}
    # A checklist's decision page is written from the checklist: translated when it is.
    done.update(decision_path(c) for c in cat.checklists if checklist_path(c) in done)
    glossary = (_yaml_overlay(reader, root / GLOSSARY_FILE, language, Glossary, done,
                              GLOSSARY) or cat.glossary)
    sources = _yaml_overlay(reader, root / SOURCES_FILE, language, Sources, done,
                            SOURCES) or cat.sources
    pages = []
    for page in cat.pages:
        found = _markdown(reader, page.source, language, PageMeta, page.site_path)
        if found:
            done.add(page.site_path)
            page = Page(page.site_path, found[0], found[1])
        pages.append(page)
    return Catalogue(cat.root, site or cat.site, modules, checklists, glossary, sources=sources,
                     pages=pages, language=language, translated=frozenset(done),
                     markdown=cat.markdown)


def _session(reader: SourceReader, session: Session, language: str, done: set[str]) -> Session:
    found = _markdown(reader, session.source, language, SessionMeta,
                      session_path(session.module_id, session.id))
    if found is None:
        return session
    done.add(session_path(session.module_id, session.id))
    meta, source = found
    if (meta.minutes, meta.method) != (session.meta.minutes, session.meta.method):
        reader.diags.add("translation-mismatch", Location(source.path, 1, 1),
                         f"the translation's minutes or method differ from the source "
                         f"({session.meta.minutes}, {session.meta.method})",
                         "Keep `minutes:` and `method:` as in the source; translate only text.")
    if meta.material_files != session.meta.material_files:
        reader.diags.add("translation-mismatch", Location(source.path, 1, 1),
                         "the translation's material files differ from the source's: "
                         f"{', '.join(session.meta.material_files) or 'none'}",
                         "List the same `file:` entries as the source (the translated file is "
                         "picked by itself); translate only the `bring:` texts.")
    return Session(session.id, session.module_id, meta, source)


def _material(reader: SourceReader, material: MaterialFile, language: str,
              done: set[str]) -> MaterialFile:
    """A Markdown material in `language` where it is translated (a PDF stays as it is)."""
    site_path = material_path(material.module_id, material.file)
    found = _markdown(reader, material.source, language, MaterialMeta,
                      site_path) if material.source else None
    if found is None:
        return material
    done.add(site_path)
    return replace(material, meta=found[0], source=found[1])


def translatable_sources(cat: Catalogue) -> list[Path]:
    """Every source file a translation can exist for, in a stable order."""
    root = cat.root
    sources = [root / SITE_CONFIG, root / GLOSSARY_FILE, root / SOURCES_FILE]
    sources += [root / page.source.path for page in cat.pages]
    for module in cat.modules.values():
        sources.append(root / module.path)
        sources += [root / session.source.path for session in module.all_sessions]
        sources += [root / m.source.path for m in module.materials.values() if m.source]
    sources += [root / f"{CHECKLISTS_DIR}/{checklist_id}.yml" for checklist_id in cat.checklists]
    return sorted(path for path in sources if path.is_file())


def check_stale(reader: SourceReader, entries: list[Entry]) -> None:
    """Warn for every translation whose source changed since it was stamped, or never was."""
    for entry in entries:
        if entry.status in ("stale", "unstamped"):
            rel = reader.rel(entry.translation)
            why = ("its source changed after it was translated" if entry.status == "stale"
                   else "it records no source version")
            reader.diags.add("translation-stale", Location(rel, 1, 1),
                             f"{rel} may not match {reader.rel(entry.source)}: {why}",
                             "Bring the translation up to date with the source, then run "
                             f"`learnsite translations --stamp {rel}`.")


@dataclass(frozen=True)
class LanguageStatus:
    """How far one language's translation has come."""

    language: str
    name: str
    entries: tuple[Entry, ...]
    programmes: tuple[tuple[str, Coverage], ...] = ()
    """Each programme's id and how much of it is in this language."""

    def with_status(self, *statuses: Status) -> list[Entry]:
        """The entries in any of `statuses`."""
        return [e for e in self.entries if e.status in statuses]


def translation_status(cat: Catalogue) -> list[LanguageStatus]:
    """Every other language's translation state, source by source."""
    if cat.site is None:
        return []
    sources = translatable_sources(cat)
    return [LanguageStatus(lang.code, lang.name,
                           tuple(translation_entries(cat.root, lang.code, sources)),
                           tuple((p.id, coverage) for p in cat.site.programmes
                                 if (coverage := programme_coverage(cat, p, lang.code))))
            for lang in cat.site.languages if lang.code != cat.language]


def translation_entries(root: Path, language: str, sources: list[Path]) -> list[Entry]:
    """The state of every source's translation into `language`."""
    entries = []
    for source in sources:
        target = translation_path(source, language)
        if not target.is_file():
            entries.append(Entry(source, target, "missing"))
            continue
        recorded = recorded_hash(target)
        status: Status = ("unstamped" if recorded is None
                          else "current" if recorded == source_hash(source) else "stale")
        entries.append(Entry(source, target, status))
    return entries


def recorded_hash(path: Path) -> str | None:
    """The `source:` hash in a translation's `translation:` header, read without a full parse."""
    inside = False
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stripped = line.strip()
        if stripped.startswith(f"{HEADER}:"):
            inside = True
        elif inside and stripped.startswith("source:"):
            value = stripped.removeprefix("source:").split("#")[0].strip().strip("\"'")
            return value or None
        elif inside and line and not line.startswith((" ", "\t")):
            inside = False
    return None


def stamp(path: Path, fingerprint: str) -> None:
    """Record in a translation's header which version of its source it translates."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    markdown = path.suffix == ".md"
    start = 1 if markdown and lines and lines[0].strip() == "---" else 0
    header = next((i for i, line in enumerate(lines) if line.rstrip() == f"{HEADER}:"), None)
    if header is None:
        lines[start:start] = [f"{HEADER}:\n", f"  source: {fingerprint}\n", "  status: draft\n"]
    else:
        end = header + 1
        while end < len(lines) and lines[end].startswith((" ", "\t")):
            end += 1
        block = [line for line in lines[header + 1:end] if not line.strip().startswith("source:")]
        lines[header + 1:end] = [f"  source: {fingerprint}\n", *block]
    path.write_text("".join(lines), encoding="utf-8")
