"""Putting a course's paperwork in its folder all at once, or not at all.

Everything is written into a new folder beside the target and moved into place only when every
document succeeded, so a failure leaves the target as it was (or absent): a trainer never prints
half a set, or last week's sheets mixed with this week's. The folder is private to its owner
(as `mkdtemp` makes it), since it holds participants' names. It must lie outside the project, so
those names can never be committed or published with the site.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class OutputError(Exception):
    """The target folder cannot take the paperwork; the message says why and what to do."""


def check_target(out: Path, root: Path, ours: re.Pattern[str]) -> None:
    """Raise OutputError unless `out` can receive the paperwork: outside the project `root`, in
    an existing folder, and new, empty, or holding only files named by `ours` (an earlier run's,
    which are replaced)."""
    out = out.resolve()
    if out == root or root in out.parents:
        raise OutputError(f"{out} is inside the project folder {root}; participants' names must "
                          "never enter the repository or the site: write the paperwork elsewhere, "
                          "e.g. --out ~/courses/2026-03-inspectors")
    if not out.parent.is_dir():
        raise OutputError(f"the folder {out.parent} does not exist; create it first")
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} is a file, not a folder")
    others = sorted(path.name for path in out.iterdir() if not ours.fullmatch(path.name)) \
        if out.is_dir() else []
    if others:
        raise OutputError(f"{out} holds other files ({', '.join(others[:3])}"
                          f"{', …' if len(others) > 3 else ''}); give a new or empty folder, "
                          "or one holding only an earlier run's paperwork")


def publish(out: Path, write: Callable[[Path], T]) -> T:
    """Call `write` with a fresh folder beside `out`, then put that folder in place of `out`.
    If `write` raises, `out` is left as it was and the fresh folder is removed."""
    out = out.resolve()
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        result = write(staging)
        if out.exists():  # an earlier run's paperwork: swapped out, then removed
            old = staging.with_name(staging.name + ".old")
            out.rename(old)
            staging.rename(out)
            shutil.rmtree(old)
        else:
            staging.rename(out)
        return result
    finally:
        if staging.exists():
            shutil.rmtree(staging)
