"""A module's materials: the files its sessions name under `materials:` (handouts, case packs,
role cards, forms), read from the module's folder and checked, so a session never lists a
material that does not exist.

A material is a Markdown file (with `title:` and `for:` in its front matter), rendered as a
page of the site and printed with the handouts, or a PDF, copied as it is. Every file under the
module's `materials/` folder is read, named by a session or not, so an unused one is noticed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from learnsite.diagnostics import Location
from learnsite.load.frontmatter import split
from learnsite.load.layout import MATERIALS_DIR, is_translation
from learnsite.load.reader import SourceReader
from learnsite.load.source import YamlDoc
from learnsite.model.catalogue import LoadedModule, MaterialFile, Session
from learnsite.model.curriculum import FileMaterial, MaterialMeta, SessionMeta
from learnsite.site_paths import material_path


def check_session_materials(loader: SourceReader, folder: Path, meta: SessionMeta,
                            doc: YamlDoc) -> None:
    """Report a named file that does not exist, and group materials without a group size, at
    the session's `materials:` entry."""
    for index, material in enumerate(meta.materials):
        if isinstance(material, FileMaterial) and not (folder / material.file).is_file():
            loader.diags.add("material-missing", doc.at(("materials", index, "file")),
                             f"material `{material.file}` does not exist in {loader.rel(folder)}/",
                             f"Write {loader.rel(folder)}/{material.file} (front matter `title:` "
                             "and `for:`), or fix the path: it is relative to the module's folder.")
        if material.per == "group" and meta.group_size is None:
            loader.diags.add("material-group-size", doc.at(("materials", index, "per")),
                             "a material is given per group, but the session states no group size",
                             "Add `group_size:` (people per group) to the session's front matter.")


def load_materials(loader: SourceReader, folder: Path, module_id: str, sessions: tuple[Session, ...],
                   languages: set[str], *, complete: bool) -> dict[str, MaterialFile]:
    """Every material of a module by its path in the module's folder: the files its sessions
    name and those under `materials/`. An unused file under `materials/` is noticed, when
    every session loaded (one that failed may be the one naming it)."""
    named = {file for session in sessions for file in session.meta.material_files}
    found = {path.relative_to(folder).as_posix() for path in (folder / MATERIALS_DIR).rglob("*")
             if path.suffix in (".md", ".pdf") and not is_translation(path, languages)}
    materials = {}
    for file in sorted(named | found):
        path = folder / file
        if not path.is_file():
            continue
        if file not in named and complete:
            loader.diags.add("material-unused", Location(loader.rel(path)),
                             f"no session of module `{module_id}` names `{file}` under `materials:`")
        material = _read(loader, path, module_id, file)
        if material is not None:
            materials[file] = material
    return materials


def _read(loader: SourceReader, path: Path, module_id: str, file: str) -> MaterialFile | None:
    """One material file; a Markdown one needs valid front matter (reported if not)."""
    if path.suffix == ".pdf":
        loader.files += 1
        return MaterialFile(module_id, file)
    text = loader.text(path)
    if text is None:
        return None
    parts = split(text, loader.rel(path), loader.diags)
    if parts.meta is None:
        loader.diags.add("front-matter-missing", Location(loader.rel(path)),
                         "the material has no front matter",
                         "Start the file with `---`, a `title:` line (and `for: trainers` if "
                         "participants must not see it), and `---`.")
        return None
    meta = loader.validate(parts.meta, MaterialMeta, material_path(module_id, file))
    return MaterialFile(module_id, file, meta, parts.source) if meta else None



def printed_materials(modules: Iterable[LoadedModule], edition: str) -> list[MaterialFile]:
    """The Markdown materials a handbook of `edition` prints with its handouts, in the order
    the sessions name them: a participant edition leaves out what is for trainers only."""
    printed: dict[tuple[str, str], MaterialFile] = {}
    for module in modules:
        for session in module.all_sessions:
            for file in session.meta.material_files:
                material = module.materials.get(file)
                if material and material.source and (edition == "trainer" or not material.for_trainers):
                    printed.setdefault((module.record.id, material.file), material)
    return list(printed.values())
