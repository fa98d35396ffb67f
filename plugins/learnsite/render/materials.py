"""What a session needs on the day, in words: its material files, what to bring and its handouts,
each with the copies to make. The session page, the trainer handbook and the facilitator guide
list materials from here, so they always agree with the sessions' front matter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from learnsite.load.mdscan import scan
from learnsite.model.catalogue import Catalogue, LoadedModule, MaterialFile, Session
from learnsite.model.curriculum import FileMaterial, Per
from learnsite.site_paths import material_path
from learnsite.strings import translator

Kind = Literal["file", "handout", "bring"]


@dataclass(frozen=True)
class MaterialLine:
    """One thing a session needs: what it is, how many copies, where it comes from."""

    title: str
    amount: str
    kind: Kind
    site_path: str | None = None
    """The material's page (a file's), for links."""
    for_trainers: bool = False
    file: MaterialFile | None = None


def amount(t: Callable[..., str], per: Per, copies: int, group_size: int | None) -> str:
    """"1 per participant", "1 per group of 4", "1 for the room", in the reader's language."""
    if per == "group":
        return t("per-group", n=copies, size=group_size or "?")
    return t(f"per-{per}", n=copies)


def session_materials(cat: Catalogue, module: LoadedModule, session: Session) -> list[MaterialLine]:
    """A session's materials in the order its front matter lists them, then its handouts (one
    per participant each)."""
    t = translator(cat.language)
    group = session.meta.group_size
    lines = []
    for material in session.meta.materials:
        count = amount(t, material.per, material.copies, group)
        if isinstance(material, FileMaterial):
            found = module.materials.get(material.file)
            lines.append(MaterialLine(found.title if found else material.file, count, "file",
                                      material_path(module.record.id, material.file),
                                      found.for_trainers if found else False, found))
        else:
            lines.append(MaterialLine(material.bring, count, "bring"))
    lines += [MaterialLine(block.title or t("handout"), amount(t, "participant", 1, group), "handout")
              for block in scan(session.source.body).closed("handout")]
    return lines
