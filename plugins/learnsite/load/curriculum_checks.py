"""Checks on the curriculum as taught: review dates, activity timings, programme days."""

from __future__ import annotations

from collections.abc import Mapping

from learnsite.diagnostics import Diagnostics, Location
from learnsite.load.layout import SITE_CONFIG
from learnsite.load.markdown_checks import activity_minutes
from learnsite.load.mdscan import Scan
from learnsite.load.source import YamlDoc
from learnsite.model.catalogue import Catalogue, Session
from learnsite.review import review_due_since, today
from learnsite.schedule import clock, schedule_programme


def check_reviews(cat: Catalogue, docs: Mapping[str, YamlDoc], diags: Diagnostics) -> None:
    """Warn for every module whose last review is older than the review policy allows."""
    if cat.site is None:
        return
    months = cat.site.review.max_age_months
    on = today()
    for module in cat.modules.values():
        due = review_due_since(module.record.last_reviewed, months, on)
        if due is not None:
            diags.add("review-due", docs[str(module.path)].at(("last_reviewed",)),
                      f"module `{module.record.id}` was last reviewed on "
                      f"{module.record.last_reviewed.isoformat()}; a review has been due since "
                      f"{due.isoformat()} (every {months} months)")


def check_schedules(cat: Catalogue, docs: Mapping[str, YamlDoc], diags: Diagnostics) -> None:
    """Warn for every programme day that runs past its configured end time."""
    if cat.site is None:
        return
    doc = docs[SITE_CONFIG]
    for p, programme in enumerate(cat.site.programmes):
        for day in schedule_programme(programme, cat.modules):
            if day.overrun and day.end_limit is not None:
                diags.add("schedule-overrun", doc.at(("programmes", p, "days", day.index - 1, "end")),
                          f"programme `{programme.id}`, {day.title or f'Day {day.index}'}: teaching ends at "
                          f"{clock(day.end)}, {day.overrun} minutes past its end time "
                          f"{clock(day.end_limit)}")


def check_activity_minutes(session: Session, scanned: Scan, diags: Diagnostics) -> None:
    """Warn, at the activity that tips it over, when activities need more time than the session."""
    total = 0
    for block in scanned.blocks:
        if block.name != "activity":
            continue
        total += activity_minutes(block)
        if total > session.meta.minutes:
            where = Location(session.source.path, session.source.first_line + block.line - 1, block.col)
            diags.add("activity-overrun", where,
                      f"with this activity the activities add up to {total} minutes, but the "
                      f"session has {session.meta.minutes} (`minutes:` in the front matter)")
            return
