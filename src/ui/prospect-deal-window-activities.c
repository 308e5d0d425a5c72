/* prospect-deal-window-activities.c - the deal's activities, each with
 * its to-do items: planned minutes, resources and measured result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-deal-window"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "prospect-deal-window-private.h"

/* Activities shown, newest first: a deal with more is an old deal, and
 * its history section has the rest. */
#define ACTIVITIES_LIMIT 50

#define ACTIVITY_ID_KEY "prospect-activity-id"
#define ITEM_ROWS_KEY "prospect-item-rows"
#define ADD_ROW_KEY "prospect-add-row"

static void fill_items (ProspectDealWindow *self,
                        AdwExpanderRow     *expander);

static const struct
{
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
    if (g_strcmp0 (kind_labels[i].kind, kind) == 0)
      return _(kind_labels[i].label);

  return kind;
}

AdwExpanderRow *
prospect_deal_window_find_activity_row (ProspectDealWindow *self,
                                        const char         *activity_id)
{
  for (guint i = 0; i < self->activity_rows->len; i++)
    if (g_strcmp0 (g_object_get_data (self->activity_rows->pdata[i], ACTIVITY_ID_KEY),
                   activity_id) == 0)
      return self->activity_rows->pdata[i];

  return NULL;
}

/* ------------------------------------------------------------- progress */

static char *
format_due (ProspectActivity *activity)
{
  gint64 done_at = prospect_activity_get_done_at (activity);
  gint64 due_at = prospect_activity_get_due_at (activity);
  const char *due_date = prospect_activity_get_due_date (activity);
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;

  if (done_at >= 0)
    {
      when = g_date_time_new_from_unix_local (done_at / 1000);
      text = g_date_time_format (when, "%x");
      /* Translators: %s is a date */
      return g_strdup_printf (_("done %s"), text);
    }
  if (due_at >= 0)
    {
      when = g_date_time_new_from_unix_local (due_at / 1000);
      return g_date_time_format (when, "%x %H:%M");
    }
  if (due_date != NULL)
    {
      int year, month, day;

      if (sscanf (due_date, "%d-%d-%d", &year, &month, &day) == 3 &&
          (when = g_date_time_new_local (year, month, day, 12, 0, 0)) != NULL)
        return g_date_time_format (when, "%x");
    }

  return g_strdup (_("no date"));
}

/* "Call · 24/11/26 10:30 · 2 of 5 done · 90 min planned" */
static void
update_subtitle (ProspectDealWindow *self,
                 AdwExpanderRow     *expander)
{
  const char *activity_id = g_object_get_data (G_OBJECT (expander), ACTIVITY_ID_KEY);
  ProspectActivity *activity = g_object_get_data (G_OBJECT (expander), "activity");
  g_autofree char *due = format_due (activity);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint n_done = 0, n_items = 0;
  gint64 minutes = 0;

  g_string_append_printf (subtitle, "%s · %s", kind_label (prospect_activity_get_kind (activity)), due);

  if (!prospect_todo_item_progress (self->database, activity_id, &n_done, &n_items, &minutes, &error))
    g_warning ("Could not count the to-do items: %s", error->message);
  else if (n_items > 0)
    {
      /* Translators: to-do items of an activity, "2 of 5 done" */
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, ngettext ("%u of %u done", "%u of %u done", n_items), n_done, n_items);
      if (minutes > 0)
        {
          g_string_append (subtitle, " · ");
          g_string_append_printf (subtitle, _("%" G_GINT64_FORMAT " min planned"), minutes);
        }
    }

  adw_expander_row_set_subtitle (expander, subtitle->str);
}

/* ------------------------------------------------------------ to-do item */

static ProspectTodoItem *
load_item (ProspectDealWindow *self,
           GtkWidget          *row)
{
  g_autoptr(GError) error = NULL;
  ProspectTodoItem *item = prospect_todo_item_load (self->database,
                                                    g_object_get_data (G_OBJECT (row), "item-id"), &error);

  if (item == NULL)
    prospect_deal_window_show_toast (self, error->message, TRUE);

  return item;
}

static AdwExpanderRow *
expander_of (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "expander");
}

static gboolean
save_item (ProspectDealWindow *self,
           ProspectTodoItem   *item,
           GtkWidget          *row)
{
  g_autoptr(GError) error = NULL;

  if (!prospect_record_update (PROSPECT_RECORD (item), self->database, &error))
    {
      prospect_deal_window_refuse (self, row, error->message);
      return FALSE;
    }

  prospect_deal_window_clear_refusal (row);
  update_subtitle (self, expander_of (row));

  return TRUE;
}

static void
item_text_apply_cb (AdwEntryRow        *row,
                    ProspectDealWindow *self)
{
  g_autoptr(ProspectTodoItem) item = load_item (self, GTK_WIDGET (row));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (item == NULL)
    return;

  prospect_todo_item_set_text (item, text);
  save_item (self, item, GTK_WIDGET (row));
}

static void
item_done_toggled_cb (GtkCheckButton     *check,
                      ProspectDealWindow *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (check), "row");
  g_autoptr(ProspectTodoItem) item = load_item (self, row);

  if (item == NULL)
    return;

  prospect_todo_item_set_done (item, gtk_check_button_get_active (check));
  save_item (self, item, row);
}

typedef struct
{
  GtkSpinButton *minutes;
  GtkEditable   *resources;
  GtkEditable   *result;
} DetailEntries;

static char *
null_if_blank (const char *text)
{
  char *copy = g_strstrip (g_strdup (text));

  if (copy[0] == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

static void
details_save_cb (GtkButton          *button,
                 ProspectDealWindow *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  DetailEntries *entries = g_object_get_data (G_OBJECT (button), "entries");
  g_autoptr(ProspectTodoItem) item = load_item (self, row);
  g_autofree char *resources = NULL;
  g_autofree char *result = NULL;

  if (item == NULL)
    return;

  resources = null_if_blank (gtk_editable_get_text (entries->resources));
  result = null_if_blank (gtk_editable_get_text (entries->result));
  gtk_spin_button_update (entries->minutes);
  prospect_todo_item_set_planned_minutes (item, gtk_spin_button_get_value_as_int (entries->minutes));
  prospect_todo_item_set_resources (item, resources);
  prospect_todo_item_set_result (item, result);
  if (save_item (self, item, row))
    gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
}

static GtkEditable *
add_detail (GtkGrid    *grid,
            int         line,
            const char *label_text,
            GtkWidget  *entry)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_grid_attach (grid, label, 0, line, 1, 1);
  gtk_grid_attach (grid, entry, 1, line, 1, 1);

  return GTK_EDITABLE (entry);
}

/* Planned minutes, resources and the measured result, in a popover: the
 * row itself stays one line. */
static GtkWidget *
new_details_button (ProspectDealWindow *self,
                    ProspectTodoItem   *item,
                    GtkWidget          *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  DetailEntries *entries = g_new0 (DetailEntries, 1);

  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);
  entries->minutes = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 100000, 5));
  gtk_spin_button_set_value (entries->minutes, prospect_todo_item_get_planned_minutes (item));
  add_detail (grid, 0, _("_Planned minutes"), GTK_WIDGET (entries->minutes));
  entries->resources = add_detail (grid, 1, _("_Resources"), gtk_entry_new ());
  gtk_editable_set_text (entries->resources, prospect_todo_item_get_resources (item) ?: "");
  entries->result = add_detail (grid, 2, _("Measured r_esult"), gtk_entry_new ());
  gtk_editable_set_text (entries->result, prospect_todo_item_get_result (item) ?: "");

  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_halign (save, GTK_ALIGN_END);
  g_object_set_data (G_OBJECT (save), "row", row);
  g_object_set_data_full (G_OBJECT (save), "entries", entries, g_free);
  g_signal_connect (save, "clicked", G_CALLBACK (details_save_cb), self);
  gtk_grid_attach (grid, save, 1, 3, 1, 1);

  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (grid));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (button, _("Planned Minutes, Resources, Result"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  return button;
}

typedef struct
{
  ProspectDealWindow *self;
  ProspectTodoItem   *item;
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_object_unref (undo->self);
  g_object_unref (undo->item);
  g_free (undo);
}

static void
refill_activity (ProspectDealWindow *self,
                 const char         *activity_id)
{
  AdwExpanderRow *expander = prospect_deal_window_find_activity_row (self, activity_id);

  if (expander != NULL)
    {
      fill_items (self, expander);
      update_subtitle (self, expander);
    }
}

typedef struct
{
  ProspectDealWindow *self;
  char               *activity_id;
  gboolean            focus_add;
} Refill;

static void
refill_free (gpointer data)
{
  Refill *refill = data;

  g_object_unref (refill->self);
  g_free (refill->activity_id);
  g_free (refill);
}

static gboolean
refill_idle_cb (gpointer data)
{
  Refill *refill = data;
  AdwExpanderRow *expander;

  refill_activity (refill->self, refill->activity_id);
  expander = prospect_deal_window_find_activity_row (refill->self, refill->activity_id);
  if (refill->focus_add && expander != NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (expander), ADD_ROW_KEY));

  return G_SOURCE_REMOVE;
}

/* The rows go while one of them is still handling the click or the
 * Enter: rebuild them once that is over. */
static void
queue_refill (ProspectDealWindow *self,
              const char         *activity_id,
              gboolean            focus_add)
{
  Refill *refill = g_new0 (Refill, 1);

  refill->self = g_object_ref (self);
  refill->activity_id = g_strdup (activity_id);
  refill->focus_add = focus_add;
  g_idle_add_full (G_PRIORITY_DEFAULT, refill_idle_cb, refill, refill_free);
}

static void
undo_delete_cb (AdwToast *toast,
                Undo     *undo)
{
  g_autoptr(GError) error = NULL;

  if (!prospect_record_restore (PROSPECT_RECORD (undo->item), undo->self->database, &error))
    {
      prospect_deal_window_show_toast (undo->self, error->message, TRUE);
      return;
    }
  refill_activity (undo->self, prospect_todo_item_get_activity_id (undo->item));
}

static void
item_delete_cb (GtkButton          *button,
                ProspectDealWindow *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  g_autoptr(ProspectTodoItem) item = load_item (self, row);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;
  AdwToast *toast;
  Undo *undo;

  if (item == NULL)
    return;

  if (!prospect_record_delete (PROSPECT_RECORD (item), self->database, &error))
    {
      prospect_deal_window_show_toast (self, error->message, TRUE);
      return;
    }

  /* the focus was on the deleted row: it goes to the entry for a new one */
  queue_refill (self, prospect_todo_item_get_activity_id (item), TRUE);
  undo = g_new0 (Undo, 1);
  undo->self = g_object_ref (self);
  undo->item = g_object_ref (item);

  /* Translators: a toast; %s is a to-do item's text */
  title = g_strdup_printf (_("“%s” deleted"), prospect_todo_item_get_text (item));
  markup = g_markup_escape_text (title, -1);
  toast = adw_toast_new (markup);
  /* No mnemonic: libadwaita 1.2 would read it out as "_Undo Undo".
   * High priority: Undo must not wait behind an earlier toast. */
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), undo, undo_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWidget *
new_item_row (ProspectDealWindow *self,
              AdwExpanderRow     *expander,
              ProspectTodoItem   *item)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *text = prospect_todo_item_get_text (item);
  g_autofree char *done_label = g_strdup_printf (_("Done: %s"), text);
  g_autofree char *delete_label = g_strdup_printf (_("Delete “%s”"), text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("To-do"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_object_set_data_full (G_OBJECT (row), "item-id",
                          g_strdup (prospect_record_get_id (PROSPECT_RECORD (item))), g_free);
  g_object_set_data (G_OBJECT (row), "expander", expander);
  g_signal_connect (row, "apply", G_CALLBACK (item_text_apply_cb), self);
  g_signal_connect (row, "changed", G_CALLBACK (prospect_deal_window_clear_refusal), NULL);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), prospect_todo_item_get_done (item));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, done_label, -1);
  g_object_set_data (G_OBJECT (check), "row", row);
  g_signal_connect (check, "toggled", G_CALLBACK (item_done_toggled_cb), self);
  adw_entry_row_add_prefix (row, check);

  adw_entry_row_add_suffix (row, new_details_button (self, item, GTK_WIDGET (row)));

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Delete"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  g_object_set_data (G_OBJECT (remove), "row", row);
  g_signal_connect (remove, "clicked", G_CALLBACK (item_delete_cb), self);
  adw_entry_row_add_suffix (row, remove);

  return GTK_WIDGET (row);
}

static void
add_item_apply_cb (AdwEntryRow        *row,
                   ProspectDealWindow *self)
{
  AdwExpanderRow *expander = g_object_get_data (G_OBJECT (row), "expander");
  const char *activity_id = g_object_get_data (G_OBJECT (expander), ACTIVITY_ID_KEY);
  g_autoptr(ProspectTodoItem) item = prospect_todo_item_new ();
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;
  guint n_items = 0;

  if (!prospect_todo_item_progress (self->database, activity_id, NULL, &n_items, NULL, &error))
    {
      prospect_deal_window_show_toast (self, error->message, TRUE);
      return;
    }

  prospect_todo_item_set_activity_id (item, activity_id);
  prospect_todo_item_set_position (item, (gint) n_items);
  prospect_todo_item_set_text (item, text);
  if (!prospect_record_insert (PROSPECT_RECORD (item), self->database, &error))
    {
      prospect_deal_window_refuse (self, GTK_WIDGET (row), error->message);
      return;
    }

  /* The next item is typed straight after: the new entry keeps the focus. */
  queue_refill (self, activity_id, TRUE);
}

static void
fill_items (ProspectDealWindow *self,
            AdwExpanderRow     *expander)
{
  const char *activity_id = g_object_get_data (G_OBJECT (expander), ACTIVITY_ID_KEY);
  GPtrArray *rows = g_object_get_data (G_OBJECT (expander), ITEM_ROWS_KEY);
  g_autoptr(ProspectQuery) query = prospect_todo_item_query_for_activity (activity_id);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *add;

  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_remove (expander, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);

  items = prospect_query_fetch (query, self->database, 0, -1, &error);
  if (items == NULL)
    {
      g_warning ("Could not load the to-do items: %s", error->message);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      GtkWidget *row = new_item_row (self, expander, items->pdata[i]);

      adw_expander_row_add_row (expander, row);
      g_ptr_array_add (rows, row);
    }

  add = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("Add a To-Do Item"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add), TRUE);
  g_object_set_data (G_OBJECT (add), "expander", expander);
  g_signal_connect (add, "apply", G_CALLBACK (add_item_apply_cb), self);
  g_signal_connect (add, "changed", G_CALLBACK (prospect_deal_window_clear_refusal), NULL);
  adw_expander_row_add_row (expander, add);
  g_ptr_array_add (rows, add);
  g_object_set_data (G_OBJECT (expander), ADD_ROW_KEY, add);
}

/* ------------------------------------------------------------ activities */

static void
expanded_cb (AdwExpanderRow     *expander,
             GParamSpec         *pspec,
             ProspectDealWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (expander), ACTIVITY_ID_KEY);

  if (adw_expander_row_get_expanded (expander))
    g_hash_table_add (self->expanded, g_strdup (id));
  else
    g_hash_table_remove (self->expanded, id);
}

static GtkWidget *
new_activity_row (ProspectDealWindow *self,
                  ProspectActivity   *activity)
{
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  const char *id = prospect_record_get_id (PROSPECT_RECORD (activity));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), prospect_activity_get_subject (activity));
  g_object_set_data_full (G_OBJECT (expander), ACTIVITY_ID_KEY, g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (expander), "activity", g_object_ref (activity), g_object_unref);
  g_object_set_data_full (G_OBJECT (expander), ITEM_ROWS_KEY, g_ptr_array_new (),
                          (GDestroyNotify) g_ptr_array_unref);
  if (prospect_activity_is_done (activity))
    adw_expander_row_set_icon_name (expander, "object-select-symbolic");

  fill_items (self, expander);
  update_subtitle (self, expander);
  adw_expander_row_set_expanded (expander, g_hash_table_contains (self->expanded, id));
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (expanded_cb), self);

  return GTK_WIDGET (expander);
}

void
prospect_deal_window_fill_activities (ProspectDealWindow *self)
{
  g_autoptr(ProspectQuery) query = prospect_activity_query_for_deal (self->deal_id);
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->activity_rows->len; i++)
    adw_preferences_group_remove (self->activities_group, self->activity_rows->pdata[i]);
  g_ptr_array_set_size (self->activity_rows, 0);

  activities = prospect_query_fetch (query, self->database, 0, ACTIVITIES_LIMIT, &error);
  if (activities == NULL)
    {
      g_warning ("Could not load the activities: %s", error->message);
      return;
    }

  for (guint i = 0; i < activities->len; i++)
    {
      GtkWidget *row = new_activity_row (self, activities->pdata[i]);

      adw_preferences_group_add (self->activities_group, row);
      g_ptr_array_add (self->activity_rows, row);
    }
}

/* ----------------------------------------------------- adding activities */

/* A timed activity's instant, or an all-day one's date, from the parse. */
static void
set_due (ProspectActivity         *activity,
         const ProspectQuickEntry *entry)
{
  int year, month, day;
  g_autoptr(GDateTime) when = NULL;

  if (entry->due_date == NULL)
    return;
  if (entry->due_hour < 0 || sscanf (entry->due_date, "%d-%d-%d", &year, &month, &day) != 3)
    {
      prospect_activity_set_due_date (activity, entry->due_date);
      return;
    }

  when = g_date_time_new_local (year, month, day, entry->due_hour, entry->due_minute, 0);
  if (when != NULL)
    prospect_activity_set_due_at (activity, g_date_time_to_unix (when) * 1000);
}

/* The line is read as in Quick Entry ("call tomorrow 10:30 pricing"),
 * for this deal. */
static void
add_activity_apply_cb (AdwEntryRow        *row,
                       ProspectDealWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  ProspectQuickEntryContext *context = prospect_quick_entry_context_new (prospect_deal_get_currency (self->deal));
  g_autoptr(GDateTime) now = prospect_clock_now_local ();
  g_autoptr(ProspectActivity) activity = prospect_activity_new ();
  g_autofree char *me = prospect_database_get_me (self->database);
  g_autofree char *subject = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  ProspectQuickEntry *entry = prospect_quick_entry_parse (text, now, context);

  prospect_quick_entry_context_free (context);

  if (text[0] == '\0' || entry->kind == PROSPECT_QUICK_ENTRY_DEAL)
    {
      prospect_deal_window_refuse (self, GTK_WIDGET (row),
                                   _("Describe an activity, e.g. “call tomorrow 10:30 about pricing”"));
      prospect_quick_entry_free (entry);
      return;
    }
  if (entry->problem != NULL)
    {
      prospect_deal_window_refuse (self, GTK_WIDGET (row), entry->problem);
      prospect_quick_entry_free (entry);
      return;
    }

  subject = prospect_quick_entry_dup_title (entry);
  prospect_activity_set_kind (activity, prospect_quick_entry_kind_to_string (entry->kind));
  prospect_activity_set_subject (activity, subject);
  set_due (activity, entry);
  if (entry->duration_minutes >= 0)
    prospect_activity_set_duration_minutes (activity, entry->duration_minutes);
  prospect_activity_set_deal_id (activity, self->deal_id);
  prospect_activity_set_account_id (activity, prospect_deal_get_account_id (self->deal));
  prospect_activity_set_contact_id (activity, prospect_deal_get_contact_id (self->deal));
  prospect_activity_set_owner_id (activity, me != NULL ? me : prospect_deal_get_owner_id (self->deal));
  prospect_quick_entry_free (entry);

  if (!prospect_record_insert (PROSPECT_RECORD (activity), self->database, &error))
    {
      prospect_deal_window_refuse (self, GTK_WIDGET (row), error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  /* Translators: a toast, %s is the new activity's subject */
  message = g_strdup_printf (_("“%s” added"), subject);
  prospect_deal_window_show_toast (self, message, FALSE);
}

void
prospect_deal_window_build_activities (ProspectDealWindow *self)
{
  self->new_activity_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_activity_row),
                                 _("New Activity, e.g. “call tomorrow 10:30 pricing”"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->new_activity_row), FALSE);
  adw_entry_row_set_show_apply_button (self->new_activity_row, TRUE);
  g_signal_connect (self->new_activity_row, "apply", G_CALLBACK (add_activity_apply_cb), self);
  g_signal_connect (self->new_activity_row, "changed", G_CALLBACK (prospect_deal_window_clear_refusal), NULL);
  adw_preferences_group_add (self->activities_group, GTK_WIDGET (self->new_activity_row));
}
