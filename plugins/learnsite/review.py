"""The review policy: when a module's content is due for another expert review.

"Today" comes from SOURCE_DATE_EPOCH when it is set, so a build of the same sources on the same
declared date gives the same pages; otherwise from the calendar, because a review falling due
is news the build must be able to tell.
"""

from __future__ import annotations

import calendar
import os
from datetime import UTC, date, datetime


def today() -> date:
    """The build's date: SOURCE_DATE_EPOCH if set, else the current UTC date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return datetime.now(tz=UTC).date()


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the end of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_due_since(last_reviewed: date, max_age_months: int, on: date) -> date | None:
    """The date a review fell due, if it is due on `on`; None while the review is current."""
    due = add_months(last_reviewed, max_age_months)
    return due if on >= due else None
