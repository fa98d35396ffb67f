"""The core never imports MkDocs (design principle 2): only learnsite.plugin may."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import learnsite


def test_core_modules_do_not_import_mkdocs() -> None:
    core = sorted(m.name for m in pkgutil.walk_packages(learnsite.__path__, "learnsite.")
                  if not m.name.startswith("learnsite.plugin"))
    assert "learnsite.load.project" in core and "learnsite.render.pages" in core
    code = ("import sys\n"
            f"for name in {core!r}: __import__(name)\n"
            "print(sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", f"the core imported MkDocs: {done.stdout}"
