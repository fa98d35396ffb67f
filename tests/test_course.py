"""`learnsite course`: a course's paperwork read back from the PDFs, and every bad participants
file, date list or output folder refused with a located message, nothing written."""

from __future__ import annotations

import csv
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO, edit, make_bilingual
from learnsite.cli import main
from learnsite.course import paperwork
from learnsite.course.details import verification_code
from learnsite.course.participants import Participant
from learnsite.course.wording import date_list, duration, plural
from learnsite.load.project import load_project
from learnsite.schedule import schedule_programme
from learnsite.strings import STRINGS

SAMPLE = Path(__file__).parent / "data" / "participants.csv"
"""Fictional participants: Arabic and English names, one with only an Arabic name, one with only
an English one, organisations in both scripts, one quoted because of its comma; saved as Excel
saves "CSV UTF-8" (a BOM, CRLF line ends)."""
ARTIFACTS = REPO / "test-artifacts"
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
DATES = ("2026-03-03", "2026-03-05")
RULES_TESTED_HERE = ("participants-header", "participants-column-unknown", "participants-row-fields",
                     "participants-name-missing", "participants-name-script", "participants-duplicate",
                     "participants-none", "course-dates")
TWO_DAYS = ('        modules: [basics, indicators]\n',
            '        modules: [basics]\n'
            '      - title: Indicators in practice\n        start: "09:00"\n        modules: [indicators]\n')


def _participants() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _pages(pdf: Path) -> list[str]:
    """Each page's text, direction marks removed and spaces collapsed."""
    return [" ".join(BIDI.sub("", page.extract_text()).split()) for page in PdfReader(pdf).pages]


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The bilingual fixture as a two-day programme (the first day untitled in English and titled
    in Arabic, the second the other way round; one module's title translated), and the
    paperwork of a course of it: (project, output folder)."""
    base = tmp_path_factory.mktemp("course")
    root = make_bilingual(base / "project")
    edit(root / "site_config.yml", *TWO_DAYS)
    (root / "modules/indicators/module.ar.yml").write_text("title: المؤشرات\n", encoding="utf-8")
    assert main(["--root", str(root), "translations", "--stamp",
                 str(root / "modules/indicators/module.ar.yml")]) == 0
    out = base / "paperwork"
    assert main(["--root", str(root), "course", "workshop", "--participants", str(SAMPLE),
                 "--dates", *DATES, "--out", str(out)]) == 0
    return root, out


@pytest.mark.pdf
def test_paperwork_is_every_file_and_only_those(course) -> None:
    _, out = course
    assert sorted(path.name for path in out.iterdir()) == [
        "attendance-day-1.pdf", "attendance-day-2.pdf", "certificates.csv", "certificates.pdf",
        "evaluation-ar.pdf", "evaluation-en.pdf"]


@pytest.mark.pdf
def test_attendance_sheet_of_each_day_lists_everyone(course) -> None:
    _, out = course
    days = {1: ("Day 1", "اليوم الأول", "3 March 2026"), 2: ("Indicators in practice", None, "5 March 2026")}
    for number, (title, arabic_title, when) in days.items():
        [page] = _pages(out / f"attendance-day-{number}.pdf")
        assert "Attendance sheet" in page and "كشف الحضور" in page
        assert "Programme: Workshop" in page and "الورشة" in page
        assert title in page and f"Date: {when}" in page
        assert arabic_title is None or arabic_title in page
        for person in _participants():
            assert all(name in page for name in person.values() if name), person
        assert "5 participants" in page and "مشاركين" in page
        assert "Trainer's name and signature" in page and "اسم المدرّب وتوقيعه" in page


@pytest.mark.pdf
def test_each_certificate_names_its_participant_as_given_with_code_and_hours(course) -> None:
    root, out = course
    people = _participants()
    pages = _pages(out / "certificates.pdf")
    assert len(pages) == len(people)
    cat = load_project(root).catalogue
    minutes = sum(day.teaching_minutes for day in schedule_programme(cat.programme("workshop"), cat.modules))
    with (out / "certificates.csv").open(encoding="utf-8-sig", newline="") as handle:
        listed = list(csv.DictReader(handle))
    assert [(row["name_en"], row["name_ar"]) for row in listed] == [
        (person["name_en"], person["name_ar"]) for person in people]
    for page, person, row in zip(pages, people, listed, strict=True):
        names = [name for name in (person["name_en"], person["name_ar"]) if name]
        assert all(name in page for name in names), (names, page)
        others = [name for other in people if other is not person
                  for name in (other["name_en"], other["name_ar"]) if name]
        assert not [name for name in others if name in page], "only this participant's names"
        assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", row["code"])
        assert row["code"] in page
        assert f"{duration(minutes, 'en')} of training" in page
        assert "Certificate of completion" in page and "شهادة إتمام" in page
        assert "Workshop" in page and "الورشة" in page, "the programme in English and Arabic"
        assert "held on 3 and 5 March 2026" in page
        assert "Launched with UNODC." in page, "the organisation's partnership, as configured"
    assert duration(minutes, "en") == "1 hour and 35 minutes", "sessions and the opening, no breaks"
    assert len({row["code"] for row in listed}) == len(listed)
    [only_arabic] = [row for row in listed if not row["name_en"]]
    assert only_arabic["name_ar"] == "ريم نموذج", "no English name is made up"


@pytest.mark.pdf
def test_evaluation_form_in_both_languages_asks_about_each_module_and_for_no_name(course) -> None:
    _, out = course
    english = " ".join(_pages(out / "evaluation-en.pdf"))
    arabic = " ".join(_pages(out / "evaluation-ar.pdf"))
    for key in ("evaluation-title", "evaluation-relevance", "evaluation-learning", "evaluation-use"):
        assert STRINGS["en"][key] in english
        assert STRINGS["ar"][key].rstrip(".") in arabic, "(text extraction moves the final stop)"
    assert "Basics" in english and "Indicators" in english
    assert "المؤشرات" in arabic, "the module's title from its module.ar.yml"
    assert "Basics" in arabic, "an untranslated module keeps its English title"
    assert "Workshop" in english and "الورشة" in arabic
    for text in (english, arabic):
        assert "Name" not in text and "الاسم" not in text, "the form asks for no name"
        for person in _participants():
            assert not [value for value in person.values() if value and value in text], "anonymous"


@pytest.mark.pdf
def test_same_course_gives_the_same_bytes(course, tmp_path: Path) -> None:
    root, out = course
    again = tmp_path / "again"
    assert main(["--root", str(root), "course", "workshop", "--participants", str(SAMPLE),
                 "--dates", *DATES, "--out", str(again)]) == 0
    for path in out.iterdir():
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.pdf
def test_pictures_of_a_certificate_and_the_arabic_form_are_kept_for_a_reader(course) -> None:
    _, out = course
    ARTIFACTS.mkdir(exist_ok=True)
    for name, pdf in (("course-certificate", "certificates.pdf"),
                      ("course-evaluation-ar", "evaluation-ar.pdf")):
        target = ARTIFACTS / name
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", "-f", "1", "-l", "1",
                        str(out / pdf), str(target)], check=True)
        assert target.with_suffix(".png").stat().st_size > 15_000, f"{name} has content"


@pytest.mark.pdf
def test_a_certificate_that_cannot_fit_its_page_stops_everything(project: Path, tmp_path: Path,
                                                                 learnsite) -> None:
    participants = tmp_path / "long.csv"
    participants.write_text("name_en,name_ar\nAmal Example,\n" + "Very " * 200 + "Long,\n",
                            encoding="utf-8")
    out = tmp_path / "out"
    run = learnsite("--root", str(project), "course", "workshop", "--participants", str(participants),
                    "--dates", "2026-03-03", "--out", str(out))
    assert run.code == 1
    assert "(line 3 of the participants file) does not fit on one page" in run.err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["long.csv", "project"], "no trace"


# Bad input: each case is a participants file, and the message it must give.
HEADER = "name_en,name_ar,organisation\n"
CSV_CASES = [
    ("missing name column", "name_en,organisation\nAmal Example,Inspectorate\n",
     "participants-header", 1, 1, "the header lacks the column `name_ar`"),
    ("unknown column", "name_en,name_ar,email\nAmal Example,أمل مثال,a@example.org\n",
     "participants-column-unknown", 1, 17, "unknown column `email`"),
    ("misspelt column", "name_en,name_arabic\nAmal Example,أمل مثال\n",
     "participants-column-unknown", 1, 9, "unknown column `name_arabic`; did you mean `name_ar`?"),
    ("no header", "Amal Example,أمل مثال,Inspectorate\n",
     "participants-header", 1, 1, "the first row is not a header"),
    ("semicolons", "name_en;name_ar\nAmal Example;أمل مثال\n",
     "participants-header", 1, 1, "separates its fields with semicolons"),
    ("empty name", HEADER + "Amal Example,أمل مثال,\n,,Inspectorate\n",
     "participants-name-missing", 3, 1, "has no name"),
    ("too many fields", HEADER + "Amal Example,أمل مثال,Ministry of Labour, Inspection\n",
     "participants-row-fields", 2, 42, "this row has 4 fields where the header has 3"),
    ("too few fields", HEADER + "Amal Example,أمل مثال,\nYusuf Sample,يوسف عيّنة\n",
     "participants-row-fields", 3, 1, "this row has 2 fields where the header has 3"),
    ("quote left open", HEADER + 'Amal Example,أمل مثال,"Ministry\nYusuf Sample,يوسف عيّنة,\n',
     "participants-row-fields", 2, 23, "never closed"),
    ("duplicate", HEADER + "Amal Example,أمل مثال,\nYusuf Sample,,\namal example,أمل مثال,Other\n",
     "participants-duplicate", 4, 1, "“amal example / أمل مثال” is listed already, on line 2"),
    ("names swapped", HEADER + "أمل مثال,Amal Example,\n",
     "participants-name-script", 2, 1, "`name_en` holds “أمل مثال”"),
    ("nobody", HEADER, "participants-none", 1, 1, "lists no participants"),
]


def _course(learnsite, project: Path, participants: Path, *dates: str, out: Path,
            programme: str = "workshop"):
    return learnsite("--root", str(project), "course", programme, "--participants", str(participants),
                     "--dates", *dates, "--out", str(out))


def _located(err: str, where: str, rule: str, message: str) -> None:
    """The report holds `where: error[rule]: ...message...` with a hint on the next line."""
    lines = err.splitlines()
    found = [index for index, line in enumerate(lines)
             if line.startswith(f"{where}: error[{rule}]: ") and message in line]
    assert found, err
    assert lines[found[0] + 1].startswith("  hint: "), err


@pytest.mark.parametrize(("name", "text", "rule", "line", "col", "message"), CSV_CASES,
                         ids=[case[0] for case in CSV_CASES])
def test_bad_participants_file_is_located_and_nothing_is_written(
        name, text, rule, line, col, message, project: Path, tmp_path: Path, learnsite) -> None:
    participants = tmp_path / "participants.csv"
    participants.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    run = _course(learnsite, project, participants, "2026-03-03", out=out)
    assert run.code == 1
    _located(run.err, f"{participants}:{line}:{col}", rule, message)
    assert not out.exists()


def test_a_file_excel_saved_in_its_arabic_code_page_is_refused_saying_how_to_save_it(
        project: Path, tmp_path: Path, learnsite) -> None:
    participants = tmp_path / "participants.csv"
    participants.write_bytes((HEADER + "Amal Example,أمل مثال,\n").encode("cp1256"))
    run = _course(learnsite, project, participants, "2026-03-03", out=tmp_path / "out")
    assert run.code == 1
    _located(run.err, f"{participants}:2:14", "file-encoding", "not UTF-8 text")
    assert 'CSV UTF-8 (Comma delimited)' in run.err


def _days_line(project: Path) -> int:
    return (project / "site_config.yml").read_text(encoding="utf-8").splitlines().index("    days:") + 1


@pytest.mark.parametrize(("dates", "offset", "message"), [
    (("2026-03-03", "2026-03-04"), 0,
     "programme `workshop` has 1 day, so the course needs 1 date; 2 were given"),
    (("2026-02-30",), 1, "the date of day 1, `2026-02-30`, is not a date written YYYY-MM-DD"),
    (("3/3/2026",), 1, "the date of day 1, `3/3/2026`, is not a date"),
], ids=["count", "no such day", "not ISO"])
def test_dates_that_do_not_fit_the_programme_are_located_at_its_days(
        dates, offset, message, project: Path, tmp_path: Path, learnsite) -> None:
    out = tmp_path / "out"
    run = _course(learnsite, project, SAMPLE, *dates, out=out)
    assert run.code == 1
    assert f"site_config.yml:{_days_line(project) + offset}:" in run.err
    _located(run.err, f"site_config.yml:{_days_line(project) + offset}:{5 if offset == 0 else 9}",
             "course-dates", message)
    assert not out.exists()


def test_dates_must_follow_the_days_in_order(bilingual: Path, tmp_path: Path, learnsite) -> None:
    edit(bilingual / "site_config.yml", *TWO_DAYS)
    run = _course(learnsite, bilingual, SAMPLE, "2026-03-05", "2026-03-04", out=tmp_path / "out")
    assert run.code == 1
    second_day = _days_line(bilingual) + 9  # after day 1: start, end, its opening (5 lines), modules
    _located(run.err, f"site_config.yml:{second_day}:9", "course-dates",
             "the date of day 2, 2026-03-04, is not after the date before it, 2026-03-05")


def test_unknown_programme_is_located_with_a_suggestion(project: Path, tmp_path: Path, learnsite) -> None:
    run = _course(learnsite, project, SAMPLE, "2026-03-03", out=tmp_path / "out", programme="worshop")
    assert run.code == 1
    line = (project / "site_config.yml").read_text(encoding="utf-8").splitlines().index("programmes:") + 1
    _located(run.err, f"site_config.yml:{line}:1", "ref-unknown-programme",
             "no programme `worshop` in site_config.yml; did you mean `workshop`?")


def test_every_problem_is_reported_at_once(project: Path, tmp_path: Path, learnsite) -> None:
    participants = tmp_path / "participants.csv"
    participants.write_text("name_en,name_ar,email\n,,\nAmal Example,أمل مثال,x\n,,nobody\n",
                            encoding="utf-8")
    run = _course(learnsite, project, participants, "2026-03-03", "2026-03-04", out=tmp_path / "out")
    assert run.code == 1
    assert re.findall(r"error\[([a-z-]+)\]", run.err) == [
        "participants-column-unknown", "participants-name-missing", "course-dates"]
    assert run.err.rstrip().endswith("3 problems (3 errors, 0 warnings) in 2 files.")


def test_output_inside_the_project_is_refused(project: Path, learnsite) -> None:
    run = _course(learnsite, project, SAMPLE, "2026-03-03", out=project / "course")
    assert run.code == 2
    assert "inside the project folder" in run.err
    assert not (project / "course").exists()


def test_output_folder_holding_other_files_is_left_alone(project: Path, tmp_path: Path, learnsite) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    run = _course(learnsite, project, SAMPLE, "2026-03-03", out=out)
    assert run.code == 2
    assert "holds other files (notes.txt)" in run.err
    assert [path.name for path in out.iterdir()] == ["notes.txt"]


def test_a_failure_while_writing_leaves_no_trace(project: Path, tmp_path: Path, learnsite,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def half_written(course, folder: Path) -> list[paperwork.Written]:
        (folder / "attendance-day-1.pdf").write_bytes(b"%PDF")
        raise paperwork.PaperworkError("evaluation-en.pdf stopped before its end; nothing was written")

    monkeypatch.setattr(paperwork, "write_paperwork", half_written)
    out = tmp_path / "course" / "out"
    out.parent.mkdir()
    run = _course(learnsite, project, SAMPLE, "2026-03-03", out=out)
    assert run.code == 1
    assert "evaluation-en.pdf stopped before its end" in run.err
    assert list(out.parent.iterdir()) == [], "neither the output folder nor the staging folder"


def test_a_second_run_replaces_the_first_runs_paperwork_whole(project: Path, tmp_path: Path, learnsite,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def write(names: list[str]):
        def fake(course, folder: Path) -> list[paperwork.Written]:
            for name in names:
                (folder / name).write_text(str(len(course.certificates)), encoding="utf-8")
            return [paperwork.Written(name) for name in names]
        return fake

    out = tmp_path / "course" / "out"
    out.parent.mkdir()
    monkeypatch.setattr(paperwork, "write_paperwork", write(["attendance-day-1.pdf", "attendance-day-2.pdf"]))
    assert _course(learnsite, project, SAMPLE, "2026-03-03", out=out).code == 0
    monkeypatch.setattr(paperwork, "write_paperwork", write(["attendance-day-1.pdf"]))
    assert _course(learnsite, project, SAMPLE, "2026-03-03", out=out).code == 0
    assert [path.name for path in out.iterdir()] == ["attendance-day-1.pdf"], "nothing left of the first"
    assert [path.name for path in out.parent.iterdir()] == ["out"], "no staging or old folder left"


@pytest.mark.parametrize(("n", "english", "arabic"), [
    (1, "1 hour", "ساعة واحدة"), (2, "2 hours", "ساعتان"), (3, "3 hours", "3 ساعات"),
    (10, "10 hours", "10 ساعات"), (11, "11 hours", "11 ساعة"), (100, "100 hours", "100 ساعة"),
    (103, "103 hours", "103 ساعات"),
])
def test_counts_take_the_form_their_number_needs(n: int, english: str, arabic: str) -> None:
    assert plural("en", "course-hours", n) == english
    assert plural("ar", "course-hours", n) == arabic


def test_durations_and_dates_read_as_people_write_them() -> None:
    assert duration(75, "en") == "1 hour and 15 minutes"
    assert duration(75, "ar") == "ساعة واحدة و15 دقيقة"
    assert duration(690, "ar") == "11 ساعة و30 دقيقة"
    assert duration(120, "en") == "2 hours"
    assert date_list([date(2026, 3, 3), date(2026, 3, 4), date(2026, 3, 5)], "en") == "3, 4 and 5 March 2026"
    assert date_list([date(2026, 3, 3), date(2026, 3, 4)], "ar") == "3 و4 مارس 2026"
    assert date_list([date(2026, 2, 27), date(2026, 3, 2)], "en") == "27 February and 2 March 2026"
    assert date_list([date(2025, 12, 31), date(2026, 1, 1)], "en") == "31 December 2025 and 1 January 2026"


def test_verification_code_depends_on_the_course_and_the_names_only() -> None:
    amal = Participant(2, "Amal Example", "أمل مثال", "Inspectorate")
    days = [date(2026, 3, 3), date(2026, 3, 4)]
    code = verification_code("workshop", days, amal)
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}", code) and not set(code) & set("ILOU")
    assert verification_code("workshop", days, Participant(9, "Amal Example", "أمل مثال")) == code
    assert verification_code("workshop", days[:1], amal) != code
    assert verification_code("other", days, amal) != code
    assert verification_code("workshop", days, Participant(2, "Amal Example", "")) != code
