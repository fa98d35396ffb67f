"""Arrows run one way: model → load → render → plugin and CLI. The core (the model, loading and
checks, and the plain modules beside them) never imports the renderers, the MkDocs adapter or
MkDocs itself (design principle 2), so `learnsite check` needs neither and a second engine
could drive the same core."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import learnsite

PACKAGE = Path(learnsite.__file__).parent
FORBIDDEN = ("learnsite.render", "learnsite.plugin", "mkdocs", "material")
#: Top-level modules that drive the renderers, so sit above them with the adapter: the CLI
#: (it builds handbooks), the scaffolds (their templates live with the renderers' own), the
#: orchestration of one site build (which any engine's adapter calls), the export of the site as
#: a plain docs folder for any engine and the build that drives Zensical with it, and a course's
#: paperwork (printed with the renderers' fonts).
#: Every other module is core; list a new one here only if it drives rendering too.
ABOVE_RENDER = {"learnsite.cli", "learnsite.scaffold", "learnsite.site_build",
                "learnsite.export.docs_folder", "learnsite.export.engine_config",
                "learnsite.export.engine_build", "learnsite.course.paperwork"}


def _modules() -> dict[str, Path]:
    found = {m.name: m for m in pkgutil.walk_packages(learnsite.__path__, "learnsite.")}
    return {name: PACKAGE.joinpath(*name.split(".")[1:], *(["__init__"] if m.ispkg else []))
            .with_suffix(".py") for name, m in found.items()}


def _is_forbidden(name: str, forbidden: tuple[str, ...] = FORBIDDEN) -> bool:
    return any(name == f or name.startswith(f"{f}.") for f in forbidden)


def _core(modules: dict[str, Path]) -> list[str]:
    return sorted(name for name in modules if not _is_forbidden(name) and name not in ABOVE_RENDER)


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Every module `name` imports, anywhere in its file (functions and type-only blocks too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names
                         if f"{base}.{alias.name}" in modules)
    return found


def _forbidden_paths(start: str, modules: dict[str, Path]) -> list[str]:
    """Each chain of imports from `start` that ends in a forbidden module."""
    chains, seen, queue = [], {start}, [[start]]
    while queue:
        chain = queue.pop(0)
        for imported in sorted(_imports(chain[-1], modules[chain[-1]], modules)):
            if _is_forbidden(imported):
                chains.append(" → ".join([*chain, imported]))
            elif imported in modules and imported not in seen:
                seen.add(imported)
                queue.append([*chain, imported])
    return chains


def test_core_modules_import_no_renderer_adapter_or_mkdocs_even_indirectly() -> None:
    modules = _modules()
    core = _core(modules)
    assert {"learnsite.load.project", "learnsite.model.catalogue", "learnsite.diagnostics",
            "learnsite.site_paths", "learnsite.strings"} <= set(core)
    upward = [chain for name in core for chain in _forbidden_paths(name, modules)]
    assert not upward, "arrows running upward:\n" + "\n".join(upward)


def test_importing_the_core_loads_no_renderer_adapter_or_mkdocs() -> None:
    """At run time too, in a fresh interpreter: catches an import by name (a template loader)
    or through a third-party package."""
    core = _core(_modules())
    code = ("import sys\n"
            f"for name in {core!r}: __import__(name)\n"
            f"print(sorted(m for m in sys.modules if any(m == f or m.startswith(f + '.') "
            f"for f in {FORBIDDEN!r})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", f"the core loaded: {done.stdout}"


def test_nothing_but_the_adapter_imports_mkdocs() -> None:
    """The renderers and the CLI too: `learnsite handbooks` runs without MkDocs."""
    names = sorted(name for name in _modules() if not _is_forbidden(name, ("learnsite.plugin",)))
    assert "learnsite.render.pages" in names and "learnsite.cli" in names
    code = ("import sys\n"
            f"for name in {names!r}: __import__(name)\n"
            "print(sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", f"MkDocs was imported: {done.stdout}"
