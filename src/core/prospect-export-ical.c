/* prospect-export-ical.c - activities as an iCalendar (.ics) file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-export-ical"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "prospect-export-ical.h"
#include "prospect-export-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

#define PRODID "-//Prospect//Prospect " PACKAGE_VERSION "//EN"

static const struct {
  const char *kind;
  const char *label;
} kind_labels[] = {
  { "call", N_("Call") },
  { "meeting", N_("Meeting") },
  { "email", N_("Email") },
  { "visit", N_("Visit") },
  { "demo", N_("Demo") },
  { "task", N_("Task") },
};

static const char *
kind_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    if (g_strcmp0 (kind, kind_labels[i].kind) == 0)
      return g_dgettext (GETTEXT_PACKAGE, kind_labels[i].label);

  return kind;
}

static struct icaltimetype
utc_time (gint64 ms)
{
  return icaltime_from_timet_with_zone ((time_t) (ms / 1000), 0, icaltimezone_get_utc_timezone ());
}

static gint64
column_ms (sqlite3_stmt *stmt,
           int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, column);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* Notes, then the outcome of a done activity. */
static char *
description (sqlite3_stmt *stmt)
{
  const char *notes = column_text (stmt, ACTIVITY_NOTES);
  const char *outcome = column_text (stmt, ACTIVITY_OUTCOME);

  if (outcome == NULL || *outcome == '\0')
    return g_strdup (notes);
  if (notes == NULL || *notes == '\0')
    return g_strdup_printf (_("Outcome: %s"), outcome);

  return g_strdup_printf (_("%s\n\nOutcome: %s"), notes, outcome);
}

static void
add_alarm (icalcomponent *component,
           const char    *summary,
           gint64         remind_at)
{
  icalcomponent *alarm = icalcomponent_new_valarm ();
  struct icaltriggertype trigger = { 0 };

  trigger.time = utc_time (remind_at);
  trigger.duration = icaldurationtype_null_duration ();
  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_property (alarm, icalproperty_new_description (summary));
  icalcomponent_add_component (component, alarm);
}

static void
add_due (icalcomponent *todo,
         sqlite3_stmt  *stmt)
{
  const char *due_date = column_text (stmt, ACTIVITY_DUE_DATE);
  gint64 due_at = column_ms (stmt, ACTIVITY_DUE_AT);
  GDate day;

  if (due_at >= 0)
    icalcomponent_add_property (todo, icalproperty_new_due (utc_time (due_at)));
  else if (due_date != NULL && prospect_date_from_iso (&day, due_date))
    {
      struct icaltimetype date = icaltime_null_date ();

      date.year = g_date_get_year (&day);
      date.month = g_date_get_month (&day);
      date.day = g_date_get_day (&day);
      icalcomponent_add_property (todo, icalproperty_new_due (date));
    }
}

static void
add_common (icalcomponent *component,
            sqlite3_stmt  *stmt)
{
  g_autofree char *uid = g_strconcat (column_text (stmt, ACTIVITY_ID), "@prospect", NULL);
  g_autofree char *text = description (stmt);
  gint64 updated_at = column_ms (stmt, ACTIVITY_UPDATED_AT);

  icalcomponent_add_property (component, icalproperty_new_uid (uid));
  icalcomponent_add_property (component, icalproperty_new_dtstamp (utc_time (updated_at)));
  icalcomponent_add_property (component, icalproperty_new_created (utc_time (column_ms (stmt, ACTIVITY_CREATED_AT))));
  icalcomponent_add_property (component, icalproperty_new_lastmodified (utc_time (updated_at)));
  icalcomponent_add_property (component, icalproperty_new_summary (column_text (stmt, ACTIVITY_SUBJECT)));
  if (text != NULL && *text != '\0')
    icalcomponent_add_property (component, icalproperty_new_description (text));
  icalcomponent_add_property (component, icalproperty_new_categories (kind_label (column_text (stmt, ACTIVITY_KIND))));
}

/* The activity as a VEVENT or VTODO; counts what it made. */
static icalcomponent *
activity_component (sqlite3_stmt       *stmt,
                    ProspectIcalCounts *counts)
{
  gint64 due_at = column_ms (stmt, ACTIVITY_DUE_AT);
  gint64 done_at = column_ms (stmt, ACTIVITY_DONE_AT);
  gint64 remind_at = column_ms (stmt, ACTIVITY_REMIND_AT);
  gboolean is_task = g_strcmp0 (column_text (stmt, ACTIVITY_KIND), "task") == 0;
  icalcomponent *component;

  if (due_at >= 0 && !is_task)
    {
      int minutes = sqlite3_column_int (stmt, ACTIVITY_DURATION);

      component = icalcomponent_new_vevent ();
      add_common (component, stmt);
      icalcomponent_add_property (component, icalproperty_new_dtstart (utc_time (due_at)));
      if (minutes > 0)
        icalcomponent_add_property (component, icalproperty_new_duration (icaldurationtype_from_int (minutes * 60)));
      counts->n_events++;
    }
  else
    {
      component = icalcomponent_new_vtodo ();
      add_common (component, stmt);
      add_due (component, stmt);
      if (done_at >= 0)
        {
          icalcomponent_add_property (component, icalproperty_new_status (ICAL_STATUS_COMPLETED));
          icalcomponent_add_property (component, icalproperty_new_completed (utc_time (done_at)));
          icalcomponent_add_property (component, icalproperty_new_percentcomplete (100));
        }
      else
        icalcomponent_add_property (component, icalproperty_new_status (ICAL_STATUS_NEEDSACTION));
      counts->n_todos++;
    }

  if (remind_at >= 0 && done_at < 0)
    {
      add_alarm (component, column_text (stmt, ACTIVITY_SUBJECT), remind_at);
      counts->n_alarms++;
    }

  return component;
}

static gboolean
write_ical_text (GOutputStream  *out,
                 char           *text,
                 GError        **error)
{
  gboolean ok = g_output_stream_write_all (out, text, strlen (text), NULL, NULL, error);

  free (text);
  return ok;
}

/* The calendar's own lines, as libical writes them, without its end. */
static char *
calendar_head (void)
{
  g_autoptr(icalcomponent) calendar = icalcomponent_new_vcalendar ();
  char *text;
  char *end;

  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));

  text = icalcomponent_as_ical_string_r (calendar);
  end = strstr (text, "END:VCALENDAR");
  g_assert (end != NULL);
  *end = '\0';

  return text;
}

static gboolean
write_components (ProspectDatabase    *db,
                  sqlite3_stmt        *stmt,
                  GOutputStream       *out,
                  ProspectIcalCounts  *counts,
                  GCancellable        *cancellable,
                  GError             **error)
{
  guint64 rows = 0;
  int rc;

  if (!write_ical_text (out, calendar_head (), error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(icalcomponent) component = activity_component (stmt, counts);

      if (!write_ical_text (out, icalcomponent_as_ical_string_r (component), error))
        return FALSE;
      if (++rows % PROSPECT_EXPORT_CANCEL_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return prospect_database_set_sqlite_error (db, rc, error);

  return g_output_stream_write_all (out, "END:VCALENDAR\r\n", strlen ("END:VCALENDAR\r\n"), NULL, NULL, error);
}

gboolean
prospect_export_ical_write (ProspectDatabase            *db,
                            const ProspectExportFilter  *filter,
                            GOutputStream               *stream,
                            ProspectIcalCounts          *counts,
                            GCancellable                *cancellable,
                            GError                     **error)
{
  g_autoptr(GOutputStream) out = NULL;
  ProspectIcalCounts made = { 0 };
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = prospect_export_prepare (db, PROSPECT_EXPORT_ACTIVITIES, filter, error);
  if (stmt == NULL)
    return FALSE;

  out = g_buffered_output_stream_new_sized (stream, 64 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (out), FALSE);
  ok = write_components (db, stmt, out, &made, cancellable, error);
  sqlite3_reset (stmt);

  if (!ok || !g_output_stream_flush (out, cancellable, error))
    return FALSE;

  if (counts != NULL)
    *counts = made;
  return TRUE;
}

typedef struct
{
  ProspectDatabase           *db;
  const ProspectExportFilter *filter;
  ProspectIcalCounts         *counts;
} SaveClosure;

static gboolean
save_write_cb (GOutputStream  *stream,
               gpointer        user_data,
               GCancellable   *cancellable,
               GError        **error)
{
  SaveClosure *closure = user_data;

  return prospect_export_ical_write (closure->db, closure->filter, stream, closure->counts,
                                     cancellable, error);
}

gboolean
prospect_export_ical_save (ProspectDatabase            *db,
                           const ProspectExportFilter  *filter,
                           const char                  *path,
                           ProspectIcalCounts          *counts,
                           GCancellable                *cancellable,
                           GError                     **error)
{
  SaveClosure closure = { db, filter, counts };

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  if (!prospect_export_filter_check (filter, PROSPECT_EXPORT_ACTIVITIES, error))
    return FALSE;

  return prospect_export_to_file (path, save_write_cb, &closure, cancellable, error);
}
