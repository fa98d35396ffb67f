"""Printing diagnostics: one reporter for text, GitHub annotations and JSON."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from learnsite.diagnostics import Diagnostic, Severity
from learnsite.load.translations import Entry, LanguageStatus
from learnsite.strings import counted

Format = Literal["text", "github", "json"]


def default_format() -> Format:
    """GitHub annotations inside GitHub Actions, plain text elsewhere."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def render(diagnostics: Sequence[Diagnostic], fmt: Format, files: int | None = None) -> str:
    """The whole report as one string, ending with a summary line (text and github)."""
    if fmt == "json":
        return json.dumps([_as_dict(d) for d in diagnostics], ensure_ascii=False, indent=2)
    lines = [_github(d) if fmt == "github" else _text(d) for d in diagnostics]
    lines.append(summary(diagnostics, files))
    return "\n".join(lines)


def _text(d: Diagnostic) -> str:
    loc = d.location
    head = f"{loc.path}:{loc.line}:{loc.col}: {d.severity.value}[{d.rule_id}]: {d.message}"
    return f"{head}\n  hint: {d.hint}" if d.hint else head


def _escape(text: str, *, prop: bool = False) -> str:
    """GitHub's workflow-command escaping (properties also escape ':' and ',')."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _github(d: Diagnostic) -> str:
    loc = d.location
    level = d.severity.value
    props = (f"file={_escape(str(loc.path), prop=True)},line={loc.line},col={loc.col},"
             f"title={_escape(d.rule_id, prop=True)}")
    body = f"{d.message}\n{d.hint}" if d.hint else d.message
    return f"::{level} {props}::{_escape(body)}"


def _as_dict(d: Diagnostic) -> dict[str, object]:
    loc = d.location
    return {"rule": d.rule_id, "severity": d.severity.value, "path": str(loc.path),
            "line": loc.line, "col": loc.col, "message": d.message, "hint": d.hint}


def summary(diagnostics: Sequence[Diagnostic], files: int | None = None) -> str:
    """"3 problems (2 errors, 1 warning) in 2 files; 40 files checked", or a clean bill."""
    checked = f"; {counted(files, 'file')} checked" if files is not None else ""
    if not diagnostics:
        return f"No problems found{checked}."
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = sum(d.severity is Severity.WARNING for d in diagnostics)
    notices = len(diagnostics) - errors - warnings
    paths = len({d.location.path for d in diagnostics})
    counts = [counted(errors, "error"), counted(warnings, "warning")]
    if notices:
        counts.append(counted(notices, "notice"))
    return (f"{counted(len(diagnostics), 'problem')} ({', '.join(counts)}) "
            f"in {counted(paths, 'file')}{checked}.")


def render_status(statuses: Sequence[LanguageStatus], root: Path, fmt: Format) -> str:
    """The translation status of each language, in the chosen format."""
    def rel(path: Path) -> str:
        return path.relative_to(root).as_posix()

    if fmt == "json":
        return json.dumps({s.language: {
            "name": s.name,
            "total": len(s.entries),
            "current": [rel(e.translation) for e in s.with_status("current")],
            "stale": [rel(e.translation) for e in s.with_status("stale", "unstamped")],
            "missing": [rel(e.source) for e in s.with_status("missing")],
            "programmes": {programme: {
                "sessions": coverage.sessions,
                "translated_sessions": coverage.translated_sessions,
                "untranslated": [text.source for text in coverage.untranslated],
            } for programme, coverage in s.programmes},
        } for s in statuses}, ensure_ascii=False, indent=2)
    lines = []
    for status in statuses:
        stale = status.with_status("stale", "unstamped")
        missing = status.with_status("missing")
        done = len(status.entries) - len(missing)
        if fmt == "github":
            lines += [f"::warning file={rel(e.translation)},line=1,title=translation-stale::"
                      f"{_escape(_why(e, rel))}" for e in stale]
            lines += [f"::notice file={rel(e.source)},line=1,title=translation-missing::"
                      f"no {status.name} translation yet" for e in missing]
        else:
            lines.append(f"{status.language} ({status.name}): {done} of {len(status.entries)} "
                         f"translated; {len(stale)} stale, {len(missing)} missing")
            lines += [f"  programme {programme}: {coverage.translated_sessions} of "
                      f"{coverage.sessions} sessions"
                      + ("" if coverage.complete else f"; {len(coverage.untranslated)} files to go")
                      for programme, coverage in status.programmes]
            lines += [f"  stale    {rel(e.translation)}: {_why(e, rel)}" for e in stale]
            lines += [f"  missing  {rel(e.source)}" for e in missing]
    return "\n".join(lines)


def _why(entry: Entry, rel: Callable[[Path], str]) -> str:
    if entry.status == "unstamped":
        return f"records no version of {rel(entry.source)}; check it, then stamp it"
    return f"{rel(entry.source)} changed after it was translated"
