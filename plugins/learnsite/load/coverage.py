"""How much of a handbook or a programme is in the language it is offered in: its sessions, and
the other texts it prints (overview, checklists, glossary, sources), translated or not. A
trainer sees it before printing an "Arabic" handbook, an author sees which files are left; the
build log, the programme page, `learnsite translations` and the `handbook-untranslated` check
all count the same way.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from learnsite.diagnostics import Diagnostics
from learnsite.load.layout import SITE_CONFIG
from learnsite.load.materials import printed_materials
from learnsite.load.mdscan import scan
from learnsite.load.page_sources import page_sources
from learnsite.load.source import YamlDoc
from learnsite.model.catalogue import Catalogue, LoadedModule
from learnsite.model.site import Handbook, Programme
from learnsite.site_paths import (
    GLOSSARY,
    SOURCES,
    checklist_path,
    guide_path,
    material_path,
    module_path,
    programme_path,
    session_path,
)
from learnsite.strings import counted

_NAMED = 8
"""How many untranslated files the warning names before it says how many more."""


@dataclass(frozen=True)
class Text:
    """One page's text as a handbook prints it."""

    source: str
    """The file to translate, relative to the project root."""
    session: bool
    translated: bool


@dataclass(frozen=True)
class Coverage:
    """The texts of a handbook or programme in one language, and which are translated."""

    texts: tuple[Text, ...]

    @property
    def sessions(self) -> int:
        """How many sessions it holds."""
        return sum(1 for text in self.texts if text.session)

    @property
    def translated_sessions(self) -> int:
        """How many of its sessions are translated."""
        return sum(1 for text in self.texts if text.session and text.translated)

    @property
    def untranslated(self) -> list[Text]:
        """The texts still in the source language, sessions first."""
        left = [text for text in self.texts if not text.translated]
        return sorted(left, key=lambda text: not text.session)

    @property
    def complete(self) -> bool:
        """Whether everything it prints is translated."""
        return not self.untranslated


def handbook_coverage(cat: Catalogue, handbook: Handbook) -> Coverage | None:
    """What a handbook prints in its language (`cat` in the source language), or None for a
    handbook in the source language, which has nothing to translate."""
    translated = cat.translations.get(handbook.language)
    if translated is None:
        return None
    return Coverage(tuple(_texts(translated, _printed(translated, handbook))))


def programme_coverage(cat: Catalogue, programme: Programme, language: str) -> Coverage | None:
    """A programme's sessions and module pages in `language` (None for the source language)."""
    translated = cat.translations.get(language)
    if translated is None:
        return None
    modules = [translated.modules[m] for m in programme.module_ids if m in translated.modules]
    paths = [programme_path(programme.id), *_module_texts(modules)]
    return Coverage(tuple(_texts(translated, paths)))


def _printed(cat: Catalogue, handbook: Handbook) -> list[str]:
    """The site paths of the texts a handbook prints, in its order."""
    modules = cat.handbook_modules(handbook)
    paths: list[str] = []
    for part in handbook.include:
        if part == "overview" and handbook.programme:
            paths.append(programme_path(handbook.programme))
        elif part == "guide" and handbook.programme and handbook.edition == "trainer":
            paths.append(guide_path(handbook.programme))
        elif part == "modules":
            paths += _module_texts(modules)
        elif part == "handouts":
            paths += [session_path(m.record.id, s.id) for m in modules for s in m.all_sessions
                      if scan(s.source.body).closed("handout")]
            paths += [material_path(m.module_id, m.file)
                      for m in printed_materials(modules, handbook.edition)]
        elif part == "checklists":
            paths += [checklist_path(c) for c in cat.checklists]
        elif part == "glossary":
            paths.append(GLOSSARY)
        elif part == "sources" and cat.sources.sources:
            paths.append(SOURCES)
    return list(dict.fromkeys(paths))


def _module_texts(modules: list[LoadedModule]) -> Iterator[str]:
    for module in modules:
        yield module_path(module.record.id)
        yield from (session_path(module.record.id, s.id) for s in module.all_sessions)


def _texts(cat: Catalogue, paths: list[str]) -> Iterator[Text]:
    sources = page_sources(cat)
    sessions = {session_path(m.record.id, s.id) for m in cat.modules.values() for s in m.all_sessions}
    for path in paths:
        yield Text(sources[path], path in sessions, cat.is_translated(path))


def check_handbook_coverage(cat: Catalogue, docs: Mapping[str, YamlDoc], diags: Diagnostics) -> None:
    """Warn where a handbook offered in a language prints text still in the source language,
    naming each file to translate, at the handbook's `language:` in site_config.yml."""
    doc = docs.get(SITE_CONFIG)
    if doc is None or cat.site is None:
        return
    names = {lang.code: lang.name for lang in cat.site.languages}
    for index, handbook in enumerate(cat.site.handbooks):
        coverage = handbook_coverage(cat, handbook)
        if coverage is None or coverage.complete:
            continue
        left = coverage.untranslated
        sessions = sum(1 for text in left if text.session)
        kinds = [f"{sessions} of its {coverage.sessions} sessions"] if sessions else []
        if len(left) > sessions:
            kinds.append(counted(len(left) - sessions, "other text"))
        files = ", ".join(text.source for text in left[:_NAMED])
        more = f" and {len(left) - _NAMED} more" if len(left) > _NAMED else ""
        language = names.get(handbook.language, handbook.language)
        diags.add("handbook-untranslated", doc.at(("handbooks", index, "language")),
                  f"handbook `{handbook.id}` is offered in {language} but prints "
                  f"{' and '.join(kinds)} in {names.get(cat.language, cat.language)}: "
                  f"{files}{more}",
                  f"Translate each beside its source (`x.{handbook.language}.md` beside `x.md`, "
                  f"`x.{handbook.language}.yml` beside `x.yml`) and stamp it with `learnsite "
                  f"translations --stamp FILE`, or offer the handbook in {language} once they are.")

