/* prospect-export-ical.h - activities as an iCalendar (.ics) file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-export.h"

G_BEGIN_DECLS

/* One VCALENDAR (RFC 5545, written by libical) with, for each activity
 * the filter lets through (status "open" or "done", owners, due period):
 *  - a VEVENT for a timed activity that is not a task: DTSTART in UTC,
 *    DURATION when it has one;
 *  - a VTODO for a task and for an all-day or undated activity: DUE as a
 *    DATE for an all-day one, in UTC for a timed task;
 *  - UID "<activity id>@prospect", so that importing the file again
 *    updates the same entries; SUMMARY, DESCRIPTION (notes and outcome),
 *    CATEGORIES (the kind), CREATED, LAST-MODIFIED, DTSTAMP;
 *  - a done VTODO has STATUS:COMPLETED, COMPLETED and PERCENT-COMPLETE;
 *  - a VALARM (ACTION:DISPLAY, an absolute TRIGGER) for a reminder of an
 *    activity not done yet: a calendar would otherwise announce every
 *    old reminder of finished work as missed.
 * Components stream out one at a time. */
typedef struct
{
  guint64 n_events;
  guint64 n_todos;
  guint64 n_alarms;
} ProspectIcalCounts;

gboolean prospect_export_ical_write (ProspectDatabase            *db,
                                     const ProspectExportFilter  *filter,
                                     GOutputStream               *stream,
                                     ProspectIcalCounts          *counts,
                                     GCancellable                *cancellable,
                                     GError                     **error);
/* The same into path, replaced in one step (prospect_export_to_file). */
gboolean prospect_export_ical_save  (ProspectDatabase            *db,
                                     const ProspectExportFilter  *filter,
                                     const char                  *path,
                                     ProspectIcalCounts          *counts,
                                     GCancellable                *cancellable,
                                     GError                     **error);

G_END_DECLS
