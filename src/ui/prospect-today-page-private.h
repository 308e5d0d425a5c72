/* prospect-today-page-private.h - what the day plan's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "prospect-day-plan.h"
#include "prospect-today-page.h"

G_BEGIN_DECLS

struct _ProspectTodayPage
{
  ProspectPage      parent_instance;

  AdwToastOverlay  *toast_overlay;
  GtkBox           *sections_box;

  guint             tick_id;
  /* When the plan changes by time alone: the next timed activity of today
   * falls overdue, or the day ends. */
  gint64            next_boundary_ms;

  /* The id of the row to give the focus after the next rebuild. */
  char             *focus_id;
  /* Each shown GtkListBox, top to bottom, for moving between sections. */
  GPtrArray        *lists;
  /* account and deal id -> name, filled while building rows */
  GHashTable       *names;
  /* activity id -> the activity as it was before the last change to it,
   * for the toast's Undo */
  GHashTable       *undo;
  /* section key ("overdue", "today", a date, "undated", "deals",
   * "empty") -> its box. A refresh edits the sections in place: a row
   * that still looks the same stays, so checking one activity off a
   * full plan changes one row, not a thousand. */
  GHashTable       *sections;
};

/* prospect-today-page.c */
GtkWidget  *prospect_today_page_find_row            (ProspectTodayPage *self,
                                                     const char        *id);
void        prospect_today_page_show_error          (ProspectTodayPage *self,
                                                     const GError      *error);

/* prospect-today-page-rows.c: the rows and what they say */
const char *prospect_today_item_get_id              (gpointer           item);
const char *prospect_today_row_get_id               (GtkWidget         *row);
/* Everything a row shows, to tell whether a row of an earlier refresh
 * still looks right. */
char       *prospect_today_page_item_signature      (ProspectTodayPage *self,
                                                     gpointer           item,
                                                     gboolean           overdue,
                                                     const char        *today);
/* A row for an activity or a deal */
GtkWidget  *prospect_today_page_new_row             (ProspectTodayPage *self,
                                                     gpointer           item,
                                                     gboolean           overdue,
                                                     const char        *today,
                                                     const char        *signature);
GtkWidget  *prospect_today_new_more_row             (gint64             n_more);
GtkWidget  *prospect_today_new_note                 (const char        *text);
char       *prospect_today_format_day_heading       (const char        *date,
                                                     const char        *today);
GDateTime  *prospect_today_date_from_iso            (const char        *date);

/* prospect-today-page-actions.c: check off, delete, reschedule, undo */
void        prospect_today_page_class_add_actions   (GtkWidgetClass    *widget_class);

G_END_DECLS
