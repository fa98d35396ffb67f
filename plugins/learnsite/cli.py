"""The `learnsite` command: check content, screen answers, scaffold, write schemas, list rules,
build the PDFs (handbooks, slide decks).

Exit codes: 0 clean, 1 content problems, 2 bad usage or bad input to `screen`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, get_args

from learnsite import __version__
from learnsite.diagnostics import Diagnostics, Location
from learnsite.load.answers import read_answers
from learnsite.load.layout import SITE_CONFIG
from learnsite.load.mkdocs_config import MKDOCS_FILE, SettingsError, plugin_options
from learnsite.load.project import LoadResult, load_checklist, load_project
from learnsite.load.translations import source_hash, stamp, translation_status
from learnsite.report import Format, default_format, render, render_status
from learnsite.rules import RULES
from learnsite.scaffold import ScaffoldError, new_checklist, new_module, new_session
from learnsite.schema import write_schemas
from learnsite.screening import screen
from learnsite.site_build import Options
from learnsite.strings import counted

if TYPE_CHECKING:
    from learnsite.render.handbook.scheduler import Workers


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` holding site_config.yml (else `start`)."""
    for folder in (start, *start.parents):
        if (folder / SITE_CONFIG).is_file():
            return folder
    return start


def _cmd_check(args: argparse.Namespace) -> int:
    result = load_project(args.root)
    diagnostics = result.diagnostics.sorted()
    print(render(diagnostics, args.format or default_format(), result.files))
    return 1 if result.diagnostics.failed(strict=args.strict) else 0


def _cmd_screen(args: argparse.Namespace) -> int:
    diags = Diagnostics()
    checklist = load_checklist(args.root, args.checklist, diags)
    answers = (read_answers(args.answers, PurePosixPath(args.answers.as_posix()), checklist, diags)
               if checklist is not None and args.answers.is_file() else {})
    if checklist is not None and not args.answers.is_file():
        diags.add("file-missing", Location(PurePosixPath(args.answers.as_posix())),
                  "the answers file does not exist")
    if diags.errors or checklist is None:
        print(render(diags.sorted(), "text"), file=sys.stderr)
        return 2
    result = screen(checklist, answers)
    outcome = result.outcome
    print(json.dumps({
        "checklist": checklist.id, "outcome": outcome.id, "title": outcome.title,
        "tone": outcome.tone, "refer": outcome.refer, "advice": outcome.advice,
        "present": list(result.present), "unknown": list(result.unknown),
        "because": {element: list(facts) for element, facts in result.because.items()},
        "context": list(result.context), "questions": dict(result.questions),
    }, ensure_ascii=False, indent=2))
    return 0


def _cmd_new(args: argparse.Namespace) -> int:
    site = load_project(args.root).catalogue.site
    try:
        if args.kind == "module":
            done = new_module(args.root, args.id, site)
        elif args.kind == "checklist":
            done = new_checklist(args.root, args.id, site)
        else:
            done = new_session(args.root, args.id, args.session)
    except ScaffoldError as exc:
        print(f"learnsite new: {exc}", file=sys.stderr)
        return 1
    for path in done.written:
        print(f"created {path.relative_to(args.root)}")
    print("Next:")
    for step in done.next_steps:
        print(f"  - {step.replace(str(args.root) + '/', '')}")
    return 0


def _cmd_translations(args: argparse.Namespace) -> int:
    if args.stamp:
        return _stamp(args.root, args.stamp)
    result = load_project(args.root)
    statuses = [s for s in translation_status(result.catalogue)
                if not args.language or s.language == args.language]
    fmt = args.format or default_format()
    print(render_status(statuses, args.root, fmt))
    return 0


def _stamp(root: Path, files: list[Path]) -> int:
    """Record the current source version in each named translation."""
    code = 0
    for given in files:
        path = (given if given.is_absolute() else Path.cwd() / given).resolve()
        language = Path(path.stem).suffix.lstrip(".")
        source = path.with_name(f"{Path(path.stem).stem}{path.suffix}")
        if not language or not path.is_file() or not source.is_file():
            print(f"learnsite translations: {given} is not a translation beside its source "
                  "(e.g. content/index.ar.md beside content/index.md)", file=sys.stderr)
            code = 1
            continue
        fingerprint = source_hash(source)
        stamp(path, fingerprint)
        print(f"stamped {path.relative_to(root)}: translates {source.relative_to(root)} "
              f"as of {fingerprint}")
    return code


def _cmd_handbooks(args: argparse.Namespace) -> int:
    from learnsite.render.handbook.pdf import start_workers

    with start_workers() as workers:  # they start up while the project loads
        return _handbooks(args, workers)


def _refused(args: argparse.Namespace, result: LoadResult, command: str, noun: str,
             asked: list[str], known: set[str]) -> int | None:
    """Why a command that builds from the checked content cannot run: the content's errors,
    printed (1), or ids the site does not declare (2); None when it can."""
    if result.diagnostics.errors:
        print(render(result.diagnostics.sorted(), args.format or default_format(), result.files))
        return 1
    return _unknown(command, noun, asked, sorted(known))


def _unknown(command: str, noun: str, asked: list[str], known: list[str]) -> int | None:
    """2, having said which, when an id asked for is not declared in site_config.yml."""
    unknown = sorted(set(asked) - set(known))
    if unknown:
        print(f"learnsite {command}: no {noun} {', '.join(unknown)} in site_config.yml; "
              f"known: {', '.join(known) or 'none'}", file=sys.stderr)
        return 2
    return None


def _handbooks(args: argparse.Namespace, workers: Workers) -> int:
    from learnsite.render.handbook.pdf import CACHE, build_all, log_line
    from learnsite.render.handbook.render_warnings import render_warnings

    result = load_project(args.root)
    cat = result.catalogue
    refused = _refused(args, result, "handbooks", "handbook", args.ids,
                       {h.id for h in cat.site.handbooks} if cat.site else set())
    if refused is not None:
        return refused
    written, failures = build_all(cat, args.out or args.root / "site" / "handbooks", only=args.ids,
                                  cache=args.root / CACHE, workers=workers)
    for rendered in written:
        print(f"wrote {log_line(rendered, str(rendered.path))}")
    warnings = render_warnings(result, written)
    if warnings.items:
        print(render(warnings.sorted(), args.format or default_format()))
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if failures or warnings.errors else 0


def _cmd_course(args: argparse.Namespace) -> int:
    from learnsite.course.details import check_dates, find_programme, plan_course
    from learnsite.course.output import OutputError, check_target, publish
    from learnsite.course.paperwork import FILE_NAMES, PaperworkError, write_paperwork
    from learnsite.course.participants import read_participants
    from learnsite.course.wording import duration

    fmt = args.format or default_format()
    try:
        check_target(args.out, args.root, FILE_NAMES)
    except OutputError as exc:
        print(f"learnsite course: {exc}", file=sys.stderr)
        return 2
    if args.root in args.participants.resolve().parents:
        print(f"learnsite course: note: {args.participants} is inside the project folder; keep "
              "participants' data outside it, so it is never committed", file=sys.stderr)
    result = load_project(args.root)
    if result.diagnostics.errors:
        print(render(result.diagnostics.sorted(), fmt, result.files))
        return 1
    diags = Diagnostics(overrides=result.diagnostics.overrides)
    doc = result.docs[SITE_CONFIG]
    found = find_programme(result.catalogue, args.programme, doc, diags)
    dates = check_dates(args.dates, found[1], found[0], doc, diags) if found else []
    participants = read_participants(args.participants, PurePosixPath(args.participants.as_posix()),
                                     diags)
    if diags.errors or found is None:
        print(render(diags.sorted(), fmt), file=sys.stderr)
        return 1
    course = plan_course(result.catalogue, found[1], dates, participants)
    try:
        written = publish(args.out, lambda folder: write_paperwork(course, folder))
    except PaperworkError as exc:
        print(f"learnsite course: {exc}", file=sys.stderr)
        return 1
    for item in written:
        pages = f" ({counted(item.pages, 'page')})" if item.pages else ""
        print(f"wrote {args.out / item.name}{pages}")
    print(f"{counted(len(participants), 'participant')}, {counted(len(dates), 'day')}, "
          f"{duration(course.minutes, 'en')} of teaching; each certificate's code is in "
          f"{args.out / 'certificates.csv'}")
    return 0


def _cmd_slides(args: argparse.Namespace) -> int:
    from learnsite.render.slides.files import FOLDER
    from learnsite.render.slides.pdf import CACHE, build_slides, log_line

    result = load_project(args.root)
    cat = result.catalogue
    refused = _refused(args, result, "slides", "programme", args.programmes,
                       {p.id for p in cat.site.programmes} if cat.site else set())
    if refused is not None:
        return refused
    done = build_slides(cat, args.out or args.root / "site" / FOLDER, only=args.programmes,
                        cache=args.root / CACHE)
    for written in done.written:
        print(f"wrote {log_line(written, str(written.path))}")
    for note in done.notes:
        print(note)
    for failure in done.failures:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if done.failures else 0


def _cmd_export(args: argparse.Namespace) -> int:
    from learnsite.xlsform.workbook import write_xlsform

    result = load_project(args.root)
    if args.checklist not in result.catalogue.checklists:
        known = ", ".join(sorted(result.catalogue.checklists)) or "none"
        print(f"learnsite export: no checklist {args.checklist} in content/checklists/; known: "
              f"{known}", file=sys.stderr)
        return 2
    if result.diagnostics.errors:
        print(render(result.diagnostics.sorted(), args.format or default_format(), result.files))
        return 1
    out = args.out or Path(f"{args.checklist}.xlsx")
    write_xlsform(result.catalogue, args.checklist, out)
    print(f"wrote {out}")
    return 0


def _cmd_export_docs(args: argparse.Namespace) -> int:
    from learnsite.builds import Build
    from learnsite.export.docs_folder import ExportRefusedError, check_target, export_docs
    from learnsite.site_build import SiteBuild

    try:
        check_target(args.root, args.out)
    except ExportRefusedError as exc:
        print(f"learnsite export-docs: {exc}", file=sys.stderr)
        return 2
    result = load_project(args.root)
    print(render(result.diagnostics.sorted(), args.format or default_format(), result.files))
    if result.diagnostics.errors:
        return 1
    site = result.catalogue.site
    codes = [lang.code for lang in site.languages] if site else []
    unknown = _unknown("export-docs", "language", [args.language] if args.language else [], codes)
    if unknown is not None:
        return unknown
    language = args.language if args.language and codes and args.language != codes[0] else None
    # the app's worker and manifests, like the handbooks, are written after the pages
    run = SiteBuild(args.root, Options(app=args.app), serving=False,
                    build=Build(language, nested=False), loaded=result)
    try:
        done = export_docs(run, args.out, args.site_dir or args.out / "site")
    except SettingsError as exc:
        print(f"learnsite export-docs: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {done.config} and {counted(done.pages, 'page')}, {counted(done.files, 'file')} "
          f"under {done.config.parent / 'docs'}")
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    site_dir = (args.site_dir or args.root / "site").resolve()
    if args.engine == "mkdocs":  # the plugin does learnsite's part, from MkDocs' events
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir),
                               *(["--strict"] if args.strict else [])], cwd=args.root,
                              check=False).returncode
    from learnsite.builds import BuildError
    from learnsite.export.engine_build import build_with_zensical

    result = load_project(args.root)
    print(render(result.diagnostics.sorted(), args.format or default_format(), result.files))
    if result.diagnostics.failed(strict=args.strict):
        return 1
    try:
        done = build_with_zensical(args.root, result, site_dir, _site_options(args.root),
                                   strict=args.strict)
    except (BuildError, SettingsError) as exc:
        print(f"learnsite build: {exc}", file=sys.stderr)
        return 1
    for line in done.log:
        print(f"learnsite: {line}")
    if done.warnings.items:
        print(render(done.warnings.sorted(), args.format or default_format()))
    for failure in done.failures:
        print(f"error: {failure}", file=sys.stderr)
    print(f"built {site_dir} with zensical")
    return 1 if done.failures or done.warnings.failed(strict=args.strict) else 0


def _site_options(root: Path) -> Options:
    """What mkdocs.yml asks of the learnsite plugin, for a build without it."""
    asked = plugin_options(root / MKDOCS_FILE, "learnsite")
    known = {f.name for f in fields(Options)}
    return Options(**{key: value for key, value in asked.items() if key in known})


def _cmd_schema(args: argparse.Namespace) -> int:
    for path in write_schemas(args.out or args.root / "schemas"):
        print(f"wrote {path}")
    return 0


def _cmd_rules(args: argparse.Namespace) -> int:
    for rule in RULES.values():
        print(f"{rule.id:28} {rule.severity.value:8} {rule.description}")
    return 0


def _format_option(command: argparse.ArgumentParser,
                   help: str = "report format (default: github inside GitHub Actions, else text)"
                   ) -> None:
    """`--format`: how a command prints the problems it reports (report.Format)."""
    command.add_argument("--format", choices=list(get_args(Format)), help=help)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="learnsite", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"learnsite {__version__}")
    parser.add_argument("--root", type=Path, default=None,
                        help="project folder (default: the nearest one with site_config.yml)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate all content without rendering")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    _format_option(check)
    check.set_defaults(run=_cmd_check)

    schema = commands.add_parser("schema", help="write JSON Schemas for the YAML formats")
    schema.add_argument("--out", type=Path, help="folder to write into (default: schemas/)")
    schema.set_defaults(run=_cmd_schema)

    screen_cmd = commands.add_parser(
        "screen", help="screen a set of answers with a checklist; prints the outcome as JSON")
    screen_cmd.add_argument("checklist", metavar="CHECKLIST", help="checklist id, e.g. "
                            "forced-labour-indicators")
    screen_cmd.add_argument("answers", metavar="ANSWERS.yml", type=Path,
                            help="YAML mapping of indicator, sign or question id to yes/no/unknown")
    screen_cmd.set_defaults(run=_cmd_screen)

    new = commands.add_parser("new", help="create a module, session or checklist from a template")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")
    module_cmd = kinds.add_parser("module", help="modules/ID/ with module.yml and a first session")
    module_cmd.add_argument("id", metavar="ID")
    session_cmd = kinds.add_parser("session", help="a session file in an existing module")
    session_cmd.add_argument("id", metavar="MODULE_ID")
    session_cmd.add_argument("session", metavar="SESSION_ID")
    checklist_cmd = kinds.add_parser("checklist", help="content/checklists/ID.yml")
    checklist_cmd.add_argument("id", metavar="ID")
    new.set_defaults(run=_cmd_new)

    translations = commands.add_parser(
        "translations", help="what is missing or stale in each language; --stamp records a "
        "translation as up to date with its source")
    translations.add_argument("--language", help="only this language code, e.g. ar")
    _format_option(translations)
    translations.add_argument("--stamp", nargs="+", type=Path, metavar="FILE",
                              help="translation files now up to date with their sources")
    translations.set_defaults(run=_cmd_translations)

    handbooks = commands.add_parser("handbooks", help="build the PDF handbooks (all, or those named)")
    handbooks.add_argument("ids", nargs="*", metavar="ID", help="handbook ids from site_config.yml")
    handbooks.add_argument("--out", type=Path, help="folder for the PDFs (default: site/handbooks/)")
    _format_option(handbooks, "format of content problems, if any")
    handbooks.set_defaults(run=_cmd_handbooks)

    course = commands.add_parser(
        "course", help="a course's paperwork: attendance sheets, evaluation forms, certificates",
        description="Write the paperwork of one course of a programme: an attendance sheet per day "
        "(attendance-day-N.pdf), the anonymous evaluation form in English and Arabic "
        "(evaluation-en.pdf, evaluation-ar.pdf), a certificate per participant (certificates.pdf) "
        "and their verification codes (certificates.csv). Nothing is written unless everything "
        "succeeds.")
    course.add_argument("programme", metavar="PROGRAMME", help="programme id from site_config.yml")
    course.add_argument("--participants", type=Path, required=True, metavar="FILE.csv",
                        help="UTF-8 CSV file with the header name_en,name_ar,organisation "
                        "(organisation optional; each row needs at least one name); keep it "
                        "outside the project")
    course.add_argument("--dates", nargs="+", required=True, metavar="DATE",
                        help="the date of each programme day, YYYY-MM-DD, in order")
    course.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="folder for the paperwork, outside the project: new, empty, or "
                        "holding an earlier run's paperwork, which is replaced")
    _format_option(course, "format of problems, if any")
    course.set_defaults(run=_cmd_course)


    slides = commands.add_parser("slides", help="build the slide decks: a PDF per programme day and "
                                 "language (all programmes, or those named)")
    slides.add_argument("programmes", nargs="*", metavar="PROGRAMME",
                        help="programme ids from site_config.yml")
    slides.add_argument("--out", type=Path, help="folder for the PDFs (default: site/slides/)")
    _format_option(slides, "format of content problems, if any")
    slides.set_defaults(run=_cmd_slides)

    export = commands.add_parser("export", help="write a checklist in another format")
    formats = export.add_subparsers(dest="kind", required=True, metavar="FORMAT")
    xlsform = formats.add_parser(
        "xlsform", help="a checklist as an XLSForm (.xlsx) for KoboToolbox and ODK Collect",
        description="Write a checklist as an XLSForm for KoboToolbox and ODK Collect: a yes / no / "
        "not sure question per sign, in every language the checklist is translated into, and the "
        "result computed from the checklist's own rule.")
    xlsform.add_argument("checklist", metavar="CHECKLIST", help="checklist id, e.g. "
                         "forced-labour-indicators")
    xlsform.add_argument("--out", type=Path, metavar="FILE.xlsx",
                         help="where to write the form (default: CHECKLIST.xlsx here)")
    _format_option(xlsform, "format of content problems, if any")
    export.set_defaults(run=_cmd_export)

    build = commands.add_parser(
        "build", help="build the whole site (both languages, handbooks, slides, app) with MkDocs "
        "or Zensical",
        description="Build the site into site/: every language, the handbooks, the slide decks and "
        "the app. With --engine mkdocs (the default) this is `mkdocs build`, learnsite's plugin "
        "doing its part; with --engine zensical, learnsite checks the content, exports each "
        "language (as `export-docs` does), has Zensical build it, and then writes what follows "
        "the pages itself.")
    build.add_argument("--engine", choices=["mkdocs", "zensical"], default="mkdocs")
    build.add_argument("--strict", action="store_true", help="fail on warnings too")
    build.add_argument("--site-dir", type=Path, metavar="DIR", help="where to build (default: site/)")
    _format_option(build)
    build.set_defaults(run=_cmd_build)

    export_docs = commands.add_parser(
        "export-docs", help="write one language of the site as a plain docs folder with a "
        "plugin-free mkdocs.yml, for MkDocs or Zensical",
        description="Check the content (printing the problems, and stopping on errors as `check` "
        "does), then write one language of the site into DIR: docs/ (the content pages with marks "
        "filled and translations in place, the generated pages, assets and downloads), "
        "overrides/ (the theme's templates) and mkdocs.yml (navigation, theme language and "
        "direction, styles, scripts and Markdown extensions). `mkdocs build -f DIR/mkdocs.yml` "
        "or `zensical build -f DIR/mkdocs.yml` then builds it without learnsite's plugin.")
    export_docs.add_argument("--language", metavar="CODE",
                             help="language code from site_config.yml (default: the first)")
    export_docs.add_argument("--out", type=Path, required=True, metavar="DIR",
                             help="folder to write into; an earlier export there is replaced")
    export_docs.add_argument("--site-dir", type=Path, metavar="DIR",
                             help="where the engine should build the site (default: DIR/site)")
    export_docs.add_argument("--app", action="store_true",
                             help="include the app's pages and links (its worker and manifests "
                             "are written after the pages, by `learnsite build`)")
    _format_option(export_docs)
    export_docs.set_defaults(run=_cmd_export_docs)

    rules = commands.add_parser("rules", help="list the diagnostic rules and their severities")
    rules.set_defaults(run=_cmd_rules)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = _parser().parse_args(argv)
    args.root = (args.root or find_root(Path.cwd())).resolve()
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
