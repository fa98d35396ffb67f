"""The catalogue: everything loaded and validated, the single input of every renderer."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from learnsite.model.checklist import Checklist
from learnsite.model.curriculum import MaterialMeta, Module, PageMeta, SessionMeta
from learnsite.model.glossary import Glossary
from learnsite.model.markdown_config import MarkdownConfig
from learnsite.model.site import ENGLISH, Handbook, Language, Programme, SiteConfig
from learnsite.model.sources import Sources


@dataclass(frozen=True)
class MarkdownSource:
    """A Markdown file's body (front matter removed) and where that body starts in the file."""

    path: PurePosixPath
    body: str
    first_line: int


@dataclass(frozen=True)
class Session:
    """A session of a module: validated front matter plus its Markdown."""

    id: str
    module_id: str
    meta: SessionMeta
    source: MarkdownSource


@dataclass(frozen=True)
class MaterialFile:
    """A material kept under a module's folder: Markdown, rendered like a page and printed with
    the handouts, or a PDF, copied as it is."""

    module_id: str
    file: str
    """Its path inside the module's folder, as sessions name it: `materials/role-cards.md`."""
    meta: MaterialMeta | None = None
    """The front matter of a Markdown material (a PDF has none)."""
    source: MarkdownSource | None = None

    @property
    def title(self) -> str:
        """The material's title; a PDF's file name."""
        return self.meta.title if self.meta else posixpath.basename(self.file)

    @property
    def for_trainers(self) -> bool:
        """Whether only trainers may see it (printed only in trainer outputs)."""
        return self.meta is not None and self.meta.audience == "trainers"


@dataclass(frozen=True)
class LoadedModule:
    """A module with its sessions in teaching order (sessions whose file failed are left out)."""

    record: Module
    path: PurePosixPath
    sessions: tuple[Session, ...]
    assessment: Session | None = None
    materials: dict[str, MaterialFile] = field(default_factory=dict)
    """The module's material files by their path in its folder."""

    @property
    def all_sessions(self) -> tuple[Session, ...]:
        """The sessions in teaching order, then the assessment if there is one: every page the
        module has, on the web and in print."""
        return (*self.sessions, *([self.assessment] if self.assessment else []))

    def session(self, session_id: str | None) -> Session | None:
        """The session (or assessment) of that id, or None."""
        return next((s for s in self.all_sessions if s.id == session_id), None)


@dataclass(frozen=True)
class Page:
    """A content page under content/, at `site_path` in the site."""

    site_path: str
    meta: PageMeta
    source: MarkdownSource

    @property
    def title(self) -> str:
        """The page's title: front matter, else its first heading, else its file name."""
        if self.meta.title:
            return self.meta.title
        for line in self.source.body.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
        return posixpath.basename(self.site_path).removesuffix(".md").replace("-", " ").capitalize()


@dataclass
class Catalogue:
    """Programmes, modules, sessions, checklists, glossary, sources and pages of one project."""

    root: Path
    site: SiteConfig | None = None
    modules: dict[str, LoadedModule] = field(default_factory=dict)
    checklists: dict[str, Checklist] = field(default_factory=dict)
    glossary: Glossary = field(default_factory=Glossary)
    sources: Sources = field(default_factory=Sources)
    pages: list[Page] = field(default_factory=list)
    language: str = "en"
    #: Site paths of the pages that have a translation into `language` (all, for the source).
    translated: frozenset[str] | None = None
    #: The same content in each other language of the site, by language code.
    translations: dict[str, Catalogue] = field(default_factory=dict)
    #: The Markdown extensions and options pages and handbooks render with (mkdocs.yml's).
    markdown: MarkdownConfig = field(default_factory=MarkdownConfig)

    def is_translated(self, site_path: str) -> bool:
        """Whether a page is in this catalogue's language (always, for the source language)."""
        return self.translated is None or site_path in self.translated

    @property
    def source_language(self) -> Language:
        """The language the content is written in (the site's first): what is not yet
        translated stays in it, and in its direction."""
        return self.site.languages[0] if self.site and self.site.languages else ENGLISH

    def programme(self, programme_id: str | None) -> Programme | None:
        """The programme of that id, or None (also when there is no site configuration)."""
        programmes = self.site.programmes if self.site else []
        return next((p for p in programmes if p.id == programme_id), None)

    def handbook_modules(self, handbook: Handbook) -> list[LoadedModule]:
        """The loaded modules a handbook prints, in teaching order: its programme's, or the
        ones it lists."""
        programme = self.programme(handbook.programme)
        ids = programme.module_ids if programme else handbook.modules or []
        return [self.modules[m] for m in dict.fromkeys(ids) if m in self.modules]
