"""Cross-file checks: ids are unique and every reference by id resolves (design principle 4)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from learnsite.diagnostics import Diagnostics
from learnsite.load.layout import GLOSSARY_FILE, SITE_CONFIG, SOURCES_FILE
from learnsite.load.source import Key, YamlDoc
from learnsite.load.suggest import did_you_mean
from learnsite.model.catalogue import Catalogue


def check_references(cat: Catalogue, docs: Mapping[str, YamlDoc], diags: Diagnostics,
                     module_folders: set[str]) -> None:
    """Check ids and references across site_config.yml, modules, checklists, glossary, pages.

    `module_folders` names every folder under modules/: a module whose module.yml failed to
    load is still known by its folder, so references to it add no second, misleading error.
    """
    modules = _declared_module_ids(docs) | set(cat.modules) | module_folders
    site_doc = docs.get(SITE_CONFIG)
    audiences: set[str] = set()
    if cat.site is not None and site_doc is not None:
        site = cat.site
        audiences = {a.id for a in site.audiences}
        languages = {lang.code for lang in site.languages}
        for name in ("audiences", "programmes", "handbooks", "contacts"):
            unique(site_doc, _ids(name, getattr(site, name)), diags, name)
        unique(site_doc, _ids("languages", site.languages, "code"), diags, "languages")
        programmes = {p.id for p in site.programmes}
        for i, programme in enumerate(site.programmes):
            base: Key = ("programmes", i)
            refs(site_doc, _listed((*base, "audiences"), programme.audiences), audiences,
                 "ref-unknown-audience", "audience", diags)
            for d, day in enumerate(programme.days):
                refs(site_doc, _listed((*base, "days", d, "modules"), day.modules), modules,
                     "ref-unknown-module", "module", diags)
            refs(site_doc, [((*base, name), ref) for name in ("pre_test", "post_test", "evaluation")
                            if (ref := getattr(programme, name))],
                 {f"{m.record.id}/{s.id}" for m in cat.modules.values() for s in m.all_sessions},
                 "ref-unknown-session", "session", diags)
        for i, handbook in enumerate(site.handbooks):
            if handbook.programme:
                refs(site_doc, [(("handbooks", i, "programme"), handbook.programme)], programmes,
                     "ref-unknown-programme", "programme", diags)
            refs(site_doc, _listed(("handbooks", i, "modules"), handbook.modules or []), modules,
                 "ref-unknown-module", "module", diags)
            refs(site_doc, [(("handbooks", i, "language"), handbook.language)], languages,
                 "ref-unknown-language", "language", diags)
    for module in cat.modules.values():
        doc = docs[str(module.path)]
        if cat.site is not None:
            refs(doc, _listed(("audiences",), module.record.audiences), audiences,
                 "ref-unknown-audience", "audience", diags)
        refs(doc, _listed(("prerequisites",), module.record.prerequisites), modules,
             "ref-unknown-module", "module", diags)
        unique(doc, _listed(("sessions",), module.record.sessions), diags, "sessions")
    _check_cycles(cat, docs, diags)
    checklist_paths = {doc.data.get("id"): path for path, doc in docs.items()
                       if path.startswith("content/checklists/") and isinstance(doc.data, dict)}
    sources_doc = docs.get(SOURCES_FILE)
    if sources_doc is not None:
        unique(sources_doc, _ids("sources", cat.sources.sources), diags, "sources")
    sources = {source.id for source in cat.sources.sources}
    for checklist_id, checklist in cat.checklists.items():
        doc = docs[checklist_paths[checklist_id]]
        if cat.site is not None:
            refs(doc, _listed(("audiences",), checklist.audiences), audiences,
                 "ref-unknown-audience", "audience", diags)
        refs(doc, [(("indicators", i, "source"), indicator.source)
                   for i, indicator in enumerate(checklist.indicators) if indicator.source],
             sources, "ref-unknown-source", "source", diags)
    glossary = docs.get(GLOSSARY_FILE)
    if glossary is not None:
        terms = _ids("terms", cat.glossary.terms)
        unique(glossary, terms, diags, "glossary terms")
        for i, term in enumerate(cat.glossary.terms):
            refs(glossary, _listed(("terms", i, "related"), term.related), {t for _, t in terms},
                 "ref-unknown-term", "glossary term", diags)
    for page in cat.pages:
        page_doc = docs.get(str(page.source.path))
        if page_doc is not None and cat.site is not None:
            refs(page_doc, _listed(("audiences",), page.meta.audiences), audiences,
                 "ref-unknown-audience", "audience", diags)


def _declared_module_ids(docs: Mapping[str, YamlDoc]) -> set[str]:
    """Ids of modules whose module.yml parsed, valid or not: a module with a typo elsewhere in
    its file is still known, so references to it do not add a second, misleading error."""
    return {doc.data["id"] for path, doc in docs.items()
            if path.endswith("/module.yml") and isinstance(doc.data, dict)
            and isinstance(doc.data.get("id"), str)}


def unique(doc: YamlDoc, items: Sequence[tuple[Key, str]], diags: Diagnostics,
           what: str) -> None:
    """Report the second and later uses of an id among `items` (key of each id, id)."""
    seen: set[str] = set()
    for key, value in items:
        if value in seen:
            diags.add("id-duplicate", doc.at(key), f"`{value}` is used twice among the {what}")
        seen.add(value)


def refs(doc: YamlDoc, items: Sequence[tuple[Key, str]], known: set[str], rule: str, kind: str,
         diags: Diagnostics) -> bool:
    """Report every referenced id not in `known`, with a near match if any; True if all known."""
    ok = True
    for key, value in items:
        if value in known:
            continue
        ok = False
        guess = did_you_mean(value, known)
        listing = ", ".join(sorted(known)) or "none are declared yet"
        diags.add(rule, doc.at(key), f"unknown {kind} `{value}`{guess}", f"Known {kind}s: {listing}.")
    return ok


def _listed(base: Key, values: Iterable[str]) -> list[tuple[Key, str]]:
    """(key, value) pairs for a YAML list of ids at `base`."""
    return [((*base, i), value) for i, value in enumerate(values)]


def _ids(name: str, records: Iterable[object], attr: str = "id") -> list[tuple[Key, str]]:
    """(key, id) pairs for a list of records at top-level key `name`."""
    return [((name, i, attr), str(getattr(r, attr))) for i, r in enumerate(records)]


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

