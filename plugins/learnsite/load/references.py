"""Cross-file checks: ids are unique and every reference by id resolves (design principle 4)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from learnsite.diagnostics import Diagnostics
from learnsite.load.source import Key, YamlDoc
from learnsite.model.catalogue import Catalogue

SITE = "site_config.yml"


def check_references(cat: Catalogue, docs: Mapping[str, YamlDoc], diags: Diagnostics) -> None:
    """Check ids and references across site_config.yml, modules, checklists, glossary, pages."""
    modules = _declared_module_ids(docs) | set(cat.modules)
    site_doc = docs.get(SITE)
    audiences: set[str] = set()
    if cat.site is not None and site_doc is not None:
        site = cat.site
        audiences = {a.id for a in site.audiences}
        languages = {lang.code for lang in site.languages}
        for name in ("audiences", "programmes", "handbooks", "contacts"):
            _unique(site_doc, name, [r.id for r in getattr(site, name)], diags)
        _unique(site_doc, "languages", [lang.code for lang in site.languages], diags, key="code")
        programmes = {p.id for p in site.programmes}
        for i, programme in enumerate(site.programmes):
            base: Key = ("programmes", i)
            _refs(site_doc, (*base, "audiences"), programme.audiences, audiences,
                  "ref-unknown-audience", "audience", diags)
            for d, day in enumerate(programme.days):
                _refs(site_doc, (*base, "days", d, "modules"), day.modules, modules,
                      "ref-unknown-module", "module", diags)
        for i, handbook in enumerate(site.handbooks):
            if handbook.programme:
                _refs(site_doc, ("handbooks", i), [handbook.programme], programmes,
                      "ref-unknown-programme", "programme", diags, field="programme")
            _refs(site_doc, ("handbooks", i, "modules"), handbook.modules or [], modules,
                  "ref-unknown-module", "module", diags)
            _refs(site_doc, ("handbooks", i), [handbook.language], languages,
                  "ref-unknown-language", "language", diags, field="language")
    for module in cat.modules.values():
        doc = docs[str(module.path)]
        if cat.site is not None:
            _refs(doc, ("audiences",), module.record.audiences, audiences,
                  "ref-unknown-audience", "audience", diags)
        _refs(doc, ("prerequisites",), module.record.prerequisites, modules,
              "ref-unknown-module", "module", diags)
        _unique(doc, "sessions", module.record.sessions, diags, key=None)
    _check_cycles(cat, docs, diags)
    for checklist_id, checklist in cat.checklists.items():
        doc = docs[f"content/checklists/{checklist_id}.yml"]
        if cat.site is not None:
            _refs(doc, ("audiences",), checklist.audiences, audiences,
                  "ref-unknown-audience", "audience", diags)
    glossary = docs.get("content/glossary.yml")
    if glossary is not None:
        terms = [t.id for t in cat.glossary.terms]
        _unique(glossary, "terms", terms, diags)
        for i, term in enumerate(cat.glossary.terms):
            _refs(glossary, ("terms", i, "related"), term.related, set(terms),
                  "ref-unknown-term", "glossary term", diags)
    for page in cat.pages:
        page_doc = docs.get(str(page.source.path))
        if page_doc is not None and cat.site is not None:
            _refs(page_doc, ("audiences",), page.meta.audiences, audiences,
                  "ref-unknown-audience", "audience", diags)


def _declared_module_ids(docs: Mapping[str, YamlDoc]) -> set[str]:
    """Ids of modules whose module.yml parsed, valid or not: a module with a typo elsewhere in
    its file is still known, so references to it do not add a second, misleading error."""
    return {doc.data["id"] for path, doc in docs.items()
            if path.endswith("/module.yml") and isinstance(doc.data, dict)
            and isinstance(doc.data.get("id"), str)}


def _unique(doc: YamlDoc, name: str, ids: list[str], diags: Diagnostics,
            key: str | None = "id") -> None:
    """Report the second and later uses of an id within one list of `doc`."""
    seen: set[str] = set()
    for index, value in enumerate(ids):
        if value in seen:
            where = doc.at((name, index, key) if key else (name, index))
            diags.add("id-duplicate", where, f"`{value}` appears twice in `{name}`",
                      "Ids must be unique: rename or remove one of them.")
        seen.add(value)


def _refs(doc: YamlDoc, base: Key, values: Iterable[str], known: set[str], rule: str, kind: str,
          diags: Diagnostics, field: str | None = None) -> None:
    """Report every value of `values` that is not in `known`, with a near match if any."""
    for index, value in enumerate(values):
        if value in known:
            continue
        where = doc.at((*base, field) if field else (*base, index))
        near = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
        guess = f"; did you mean `{near[0]}`?" if near else ""
        listing = ", ".join(sorted(known)) or "none are declared yet"
        diags.add(rule, where, f"unknown {kind} `{value}`{guess}", f"Known {kind}s: {listing}.")


def _check_cycles(cat: Catalogue, docs: Mapping[str, YamlDoc], diags: Diagnostics) -> None:
    """Find prerequisite cycles and name every module in each, once per cycle."""
    graph = {mid: [p for p in m.record.prerequisites if p in cat.modules]
             for mid, m in cat.modules.items()}
    reported: set[frozenset[str]] = set()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt):], nxt]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    first = cat.modules[cycle[0]]
                    doc = docs[str(first.path)]
                    index = first.record.prerequisites.index(cycle[1])
                    diags.add("prerequisite-cycle", doc.at(("prerequisites", index)),
                              "prerequisites form a cycle: " + " → ".join(cycle),
                              "Remove one of these prerequisites so the modules can be ordered.")
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)

