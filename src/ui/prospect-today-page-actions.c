/* prospect-today-page-actions.c - what the day plan's rows do: check
 * off, delete and reschedule, each with an Undo toast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-today-page"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-today-page-private.h"

static ProspectActivity *
load_activity (ProspectTodayPage *self,
               const char        *id)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autoptr(GError) error = NULL;
  ProspectActivity *activity = prospect_activity_load (database, id, &error);

  if (activity == NULL)
    prospect_today_page_show_error (self, error);

  return activity;
}

/* Before a row leaves the list, the focus is promised to its neighbour. */
static void
focus_neighbour_of (ProspectTodayPage *self,
                    const char        *id)
{
  GtkWidget *row = prospect_today_page_find_row (self, id);
  GtkWidget *neighbour;

  if (row == NULL)
    return;

  neighbour = gtk_widget_get_next_sibling (row);
  if (neighbour == NULL || prospect_today_row_get_id (neighbour) == NULL)
    neighbour = gtk_widget_get_prev_sibling (row);

  g_free (self->focus_id);
  self->focus_id = neighbour != NULL ? g_strdup (prospect_today_row_get_id (neighbour)) : NULL;
}

static void
show_undo_toast (ProspectTodayPage *self,
                 const char        *title,
                 const char        *undo_action,
                 const char        *id)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (markup);

  /* No mnemonic: libadwaita 1.2 would read it out as "_Undo Undo" */
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, undo_action);
  adw_toast_set_action_target_value (toast, g_variant_new_string (id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Remembers activity as it is now, for Undo. */
static void
remember (ProspectTodayPage *self,
          ProspectActivity  *activity)
{
  g_hash_table_replace (self->undo,
                        g_strdup (prospect_record_get_id (PROSPECT_RECORD (activity))),
                        g_object_ref (activity));
}

static void
check_off_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ProspectTodayPage *self = PROSPECT_TODAY_PAGE (widget);
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(ProspectActivity) activity = load_activity (self, id);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (activity == NULL || prospect_activity_is_done (activity))
    return;

  focus_neighbour_of (self, id);
  if (!prospect_activity_mark_done (activity, database, &error))
    {
      GtkWidget *row = prospect_today_page_find_row (self, id);
      GtkWidget *check = row != NULL ? g_object_get_data (G_OBJECT (row), "check-button") : NULL;

      if (check != NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
      prospect_today_page_show_error (self, error);
      return;
    }

  /* Translators: a toast after checking an activity off */
  title = g_strdup_printf (_("“%s” done"), prospect_activity_get_subject (activity));
  show_undo_toast (self, title, "today.undo-done", id);
}

static void
undo_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ProspectTodayPage *self = PROSPECT_TODAY_PAGE (widget);
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(ProspectActivity) activity = load_activity (self, id);
  g_autoptr(GError) error = NULL;

  if (activity == NULL || !prospect_activity_is_done (activity))
    return;

  g_free (self->focus_id);
  self->focus_id = g_strdup (id);
  if (!prospect_day_plan_mark_not_done (activity, database, &error))
    prospect_today_page_show_error (self, error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ProspectTodayPage *self = PROSPECT_TODAY_PAGE (widget);
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(ProspectActivity) activity = load_activity (self, id);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (activity == NULL)
    return;

  focus_neighbour_of (self, id);
  if (!prospect_record_delete (PROSPECT_RECORD (activity), database, &error))
    {
      prospect_today_page_show_error (self, error);
      return;
    }

  remember (self, activity);
  /* Translators: a toast after deleting an activity */
  title = g_strdup_printf (_("“%s” deleted"), prospect_activity_get_subject (activity));
  show_undo_toast (self, title, "today.undo-delete", id);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ProspectTodayPage *self = PROSPECT_TODAY_PAGE (widget);
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  const char *id = g_variant_get_string (parameter, NULL);
  ProspectActivity *activity = g_hash_table_lookup (self->undo, id);
  g_autoptr(GError) error = NULL;

  if (activity == NULL)
    return;

  g_free (self->focus_id);
  self->focus_id = g_strdup (id);
  if (!prospect_record_restore (PROSPECT_RECORD (activity), database, &error))
    prospect_today_page_show_error (self, error);
  g_hash_table_remove (self->undo, id);
}

static void
show_moved_toast (ProspectTodayPage *self,
                  ProspectActivity  *activity)
{
  g_autofree char *title = NULL;

  /* Translators: a toast after rescheduling an activity */
  title = g_strdup_printf (_("“%s” rescheduled"), prospect_activity_get_subject (activity));
  show_undo_toast (self, title, "today.undo-reschedule",
                   prospect_record_get_id (PROSPECT_RECORD (activity)));
}

static void
reschedule_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ProspectTodayPage *self = PROSPECT_TODAY_PAGE (widget);
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autoptr(ProspectActivity) activity = NULL;
  g_autoptr(ProspectActivity) before = NULL;
  g_autoptr(GError) error = NULL;
  const char *id, *when;
  gboolean moved;

  g_variant_get (parameter, "(&s&s)", &id, &when);
  if ((activity = load_activity (self, id)) == NULL || (before = load_activity (self, id)) == NULL)
    return;

  g_free (self->focus_id);
  self->focus_id = g_strdup (id);
  if (g_str_equal (action_name, "today.reschedule-to"))
    moved = prospect_day_plan_reschedule_to_date (activity, database, when, &error);
  else if (g_str_equal (when, "later-today"))
    moved = prospect_day_plan_reschedule (activity, database, PROSPECT_RESCHEDULE_LATER_TODAY, &error);
  else if (g_str_equal (when, "tomorrow"))
    moved = prospect_day_plan_reschedule (activity, database, PROSPECT_RESCHEDULE_TOMORROW, &error);
  else
    moved = prospect_day_plan_reschedule (activity, database, PROSPECT_RESCHEDULE_NEXT_WEEK, &error);

  if (!moved)
    {
      prospect_today_page_show_error (self, error);
      return;
    }

  remember (self, before);
  show_moved_toast (self, activity);
}

static void
undo_reschedule_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ProspectTodayPage *self = PROSPECT_TODAY_PAGE (widget);
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  const char *id = g_variant_get_string (parameter, NULL);
  ProspectActivity *before = g_hash_table_lookup (self->undo, id);
  g_autoptr(ProspectActivity) activity = NULL;
  g_autoptr(GError) error = NULL;

  if (before == NULL || (activity = load_activity (self, id)) == NULL)
    return;

  prospect_activity_set_due_at (activity, prospect_activity_get_due_at (before));
  prospect_activity_set_due_date (activity, prospect_activity_get_due_date (before));
  g_free (self->focus_id);
  self->focus_id = g_strdup (id);
  if (!prospect_record_update (PROSPECT_RECORD (activity), database, &error))
    prospect_today_page_show_error (self, error);
  g_hash_table_remove (self->undo, id);
}

void
prospect_today_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "today.check-off", "s", check_off_action);
  gtk_widget_class_install_action (widget_class, "today.undo-done", "s", undo_done_action);
  gtk_widget_class_install_action (widget_class, "today.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "today.undo-delete", "s", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "today.reschedule", "(ss)", reschedule_action);
  gtk_widget_class_install_action (widget_class, "today.reschedule-to", "(ss)", reschedule_action);
  gtk_widget_class_install_action (widget_class, "today.undo-reschedule", "s", undo_reschedule_action);
}
