/* prospect-today-page.c - the day plan: overdue, today, the next seven
 * days and the deals with no next step, run from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-today-page"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-clock.h"

#include "prospect-today-page-private.h"

G_DEFINE_FINAL_TYPE (ProspectTodayPage, prospect_today_page, PROSPECT_TYPE_PAGE)

/* ------------------------------------------------------------ sections */

/* The first (step 1) or last (step -1) row of the nearest section after
 * (or before) list that has rows; an empty Today shows only a note. */
static GtkListBoxRow *
row_next_to (ProspectTodayPage *self,
             GtkListBox        *list,
             int                step)
{
  guint index;

  if (!g_ptr_array_find (self->lists, list, &index))
    return NULL;

  for (int i = (int) index + step; i >= 0 && i < (int) self->lists->len; i += step)
    {
      GtkListBox *next = g_ptr_array_index (self->lists, i);
      int n = 0;

      while (gtk_list_box_get_row_at_index (next, n) != NULL)
        n++;
      if (n > 0)
        return gtk_list_box_get_row_at_index (next, step > 0 ? 0 : n - 1);
    }

  return NULL;
}

/* GtkListBox keeps the arrow keys inside one list; at its end they go on
 * to the next (or previous) section. */
static gboolean
list_keynav_failed_cb (GtkListBox        *list,
                       GtkDirectionType   direction,
                       ProspectTodayPage *self)
{
  GtkListBoxRow *row;

  if (direction != GTK_DIR_DOWN && direction != GTK_DIR_UP)
    return FALSE;

  row = row_next_to (self, list, direction == GTK_DIR_DOWN ? 1 : -1);

  return row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row));
}

static GtkWidget *
focused_row (ProspectTodayPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;

  return gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
}

/* Space checks the focused row off and Delete deletes it, but only when
 * the row itself has the focus: on its buttons the keys keep their own
 * meaning. */
static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     ProspectTodayPage     *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  const char *id;

  if (focus == NULL || !GTK_IS_LIST_BOX_ROW (focus) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  if ((id = prospect_today_row_get_id (focus)) == NULL || g_object_get_data (G_OBJECT (focus), "menu-button") == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      return gtk_widget_activate_action (GTK_WIDGET (self), "today.check-off", "s", id);

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      return gtk_widget_activate_action (GTK_WIDGET (self), "today.delete", "s", id);

    default:
      return FALSE;
    }
}

/* Enter on a row opens its deal: an activity's, or the row's own in
 * "Deals with No Next Step". An activity without a deal opens its menu
 * instead: reschedule, pick a date, delete. */
static void
list_row_activated_cb (GtkListBox    *list,
                       GtkListBoxRow *row,
                       gpointer       user_data)
{
  ProspectTodayPage *self = PROSPECT_TODAY_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (list),
                                                                          PROSPECT_TYPE_TODAY_PAGE));
  GtkMenuButton *button = g_object_get_data (G_OBJECT (row), "menu-button");
  const char *id = prospect_today_row_get_id (GTK_WIDGET (row));
  g_autoptr(ProspectActivity) activity = NULL;

  if (id == NULL)
    return;
  /* only activity rows have a menu */
  if (button == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (list), "win.open-deal", "s", id);
      return;
    }

  activity = prospect_activity_load (prospect_page_get_database (PROSPECT_PAGE (self)), id, NULL);
  if (activity != NULL && prospect_activity_get_deal_id (activity) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (list), "win.open-deal", "s",
                                prospect_activity_get_deal_id (activity));
  else
    gtk_menu_button_popup (button);
}

/* Makes list show the section's items, keeping the rows that look the
 * same and moving them into place. */
static void
sync_rows (ProspectTodayPage      *self,
           GtkListBox             *list,
           ProspectDayPlanSection *section,
           gboolean                overdue,
           const char             *today)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) signatures = g_ptr_array_new_with_free_func (g_free);
  GtkListBoxRow *row;

  for (guint i = 0; i < section->items->len; i++)
    {
      gpointer item = g_ptr_array_index (section->items, i);
      char *signature = prospect_today_page_item_signature (self, item, overdue, today);

      g_ptr_array_add (signatures, signature);
      g_hash_table_insert (wanted, (char *) prospect_today_item_get_id (item), signature);
    }

  /* Drop the rows that go or changed, and the "And N more" row */
  for (int n = 0; (row = gtk_list_box_get_row_at_index (list, n)) != NULL;)
    {
      const char *id = prospect_today_row_get_id (GTK_WIDGET (row));
      const char *signature = id != NULL ? g_hash_table_lookup (wanted, id) : NULL;

      if (signature == NULL ||
          g_strcmp0 (signature, g_object_get_data (G_OBJECT (row), "signature")) != 0)
        gtk_list_box_remove (list, GTK_WIDGET (row));
      else
        {
          g_hash_table_insert (kept, (char *) id, row);
          n++;
        }
    }

  for (guint i = 0; i < section->items->len; i++)
    {
      gpointer item = g_ptr_array_index (section->items, i);
      GtkWidget *existing = g_hash_table_lookup (kept, prospect_today_item_get_id (item));

      row = gtk_list_box_get_row_at_index (list, i);
      if (row != NULL && GTK_WIDGET (row) == existing)
        continue;

      if (existing != NULL)
        {
          g_object_ref (existing);
          gtk_list_box_remove (list, existing);
          gtk_list_box_insert (list, existing, i);
          g_object_unref (existing);
        }
      else
        {
          GtkWidget *row = prospect_today_page_new_row (self, item, overdue, today,
                                                        g_ptr_array_index (signatures, i));

          /* An AdwActionRow is not activatable by itself: Enter opens
           * every row's deal or menu (list_row_activated_cb). */
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_list_box_insert (list, row, i);
        }
    }

  if (section->n_total > section->items->len)
    gtk_list_box_append (list, prospect_today_new_more_row (section->n_total - section->items->len));
}

static GtkWidget *
new_section_box (ProspectTodayPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *list = gtk_list_box_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_signal_connect (list, "keynav-failed", G_CALLBACK (list_keynav_failed_cb), self);
  g_signal_connect (list, "row-activated", G_CALLBACK (list_row_activated_cb), NULL);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb), self);
  gtk_widget_add_controller (list, keys);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), list);
  g_object_set_data (G_OBJECT (box), "heading", heading);
  g_object_set_data (G_OBJECT (box), "list", list);

  return box;
}

static GtkWidget *
new_empty_state (void)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Nothing Planned"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Plan a call, meeting or task in one line with Quick Entry (Ctrl+N)."));

  return status;
}

/* The box of the section key, made (at the end) the first time. */
static GtkWidget *
section_box (ProspectTodayPage *self,
             const char        *key,
             GtkWidget        *(*make) (ProspectTodayPage *self))
{
  GtkWidget *box = g_hash_table_lookup (self->sections, key);

  if (box == NULL)
    {
      box = make (self);
      gtk_box_append (self->sections_box, box);
      g_hash_table_insert (self->sections, g_strdup (key), g_object_ref (box));
    }

  return box;
}

static GtkWidget *
make_today_box (ProspectTodayPage *self)
{
  GtkWidget *box = new_section_box (self);
  GtkListBox *list = g_object_get_data (G_OBJECT (box), "list");

  gtk_list_box_set_placeholder (list, prospect_today_new_note (_("Nothing else is due today")));

  return box;
}

/* Says why a deal is listed, and what to do about it. */
static GtkWidget *
make_deals_box (ProspectTodayPage *self)
{
  GtkWidget *box = new_section_box (self);
  GtkWidget *heading = g_object_get_data (G_OBJECT (box), "heading");
  GtkWidget *description = gtk_label_new (_("Open deals with nothing planned from today on. "
                                            "Plan a call or a task for each, so that none is forgotten."));

  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_box_insert_child_after (GTK_BOX (box), description, heading);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (box), "list")),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, description, NULL,
                                  -1);

  return box;
}

static GtkWidget *
make_empty_box (ProspectTodayPage *self)
{
  return new_empty_state ();
}

static void
show_section (ProspectTodayPage      *self,
              GPtrArray              *order,
              const char             *key,
              const char             *title,
              ProspectDayPlanSection *section,
              gboolean                overdue,
              const char             *today)
{
  gboolean is_today = g_str_equal (key, "today");
  GtkWidget *(*make) (ProspectTodayPage *) = new_section_box;
  GtkWidget *box;
  GtkListBox *list;

  /* Today stays, with a note, while there is anything else */
  if (section->n_total == 0 && !is_today)
    return;

  if (is_today)
    make = make_today_box;
  else if (g_str_equal (key, "deals"))
    make = make_deals_box;
  box = section_box (self, key, make);
  list = g_object_get_data (G_OBJECT (box), "list");
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "heading"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  sync_rows (self, list, section, overdue, today);
  g_ptr_array_add (order, box);
}

static void
show_plan (ProspectTodayPage *self,
           GPtrArray         *order,
           ProspectDayPlan   *plan)
{
  if (plan == NULL || prospect_day_plan_is_empty (plan))
    g_ptr_array_add (order, section_box (self, "empty", make_empty_box));
  else
    {
      show_section (self, order, "overdue", _("Overdue"), &plan->overdue, TRUE, plan->today);
      show_section (self, order, "today", _("Today"), &plan->today_section, FALSE, plan->today);
      for (guint i = 0; i < PROSPECT_DAY_PLAN_UPCOMING_DAYS; i++)
        {
          g_autofree char *heading = prospect_today_format_day_heading (plan->upcoming[i].date, plan->today);

          show_section (self, order, plan->upcoming[i].date, heading,
                        &plan->upcoming[i], FALSE, plan->today);
        }
      show_section (self, order, "undated", _("No Date"), &plan->undated, FALSE, plan->today);
    }

  if (plan != NULL)
    show_section (self, order, "deals", _("Deals with No Next Step"),
                  &plan->no_next_step, FALSE, plan->today);
}

static gboolean
section_unused_cb (gpointer key,
                   gpointer value,
                   gpointer user_data)
{
  GPtrArray *order = user_data;
  GtkWidget *box = value;

  if (g_ptr_array_find (order, box, NULL))
    return FALSE;

  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (box)), box);

  return TRUE;
}

/* Shows the sections in order, drops the others, and notes the lists
 * for moving between them with the arrows. */
static void
arrange_sections (ProspectTodayPage *self,
                  GPtrArray         *order)
{
  GtkWidget *previous = NULL;
  GtkWidget *empty;

  g_hash_table_foreach_remove (self->sections, section_unused_cb, order);

  /* Alone, the empty state sits in the middle at full size; above the
   * deals with no next step it is compact */
  if ((empty = g_hash_table_lookup (self->sections, "empty")) != NULL)
    {
      if (order->len > 1)
        gtk_widget_add_css_class (empty, "compact");
      else
        gtk_widget_remove_css_class (empty, "compact");
    }
  gtk_widget_set_valign (GTK_WIDGET (self->sections_box),
                         empty != NULL && order->len == 1 ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);

  g_ptr_array_set_size (self->lists, 0);
  for (guint i = 0; i < order->len; i++)
    {
      GtkWidget *box = g_ptr_array_index (order, i);
      GtkWidget *list = g_object_get_data (G_OBJECT (box), "list");

      gtk_box_reorder_child_after (self->sections_box, box, previous);
      previous = box;
      if (list != NULL)
        g_ptr_array_add (self->lists, list);
    }
}

/* The first timed activity still to come today, or the end of the day:
 * the moment the plan changes without any edit. */
static gint64
next_boundary (ProspectDayPlan *plan)
{
  g_autoptr(GDateTime) today_noon = prospect_today_date_from_iso (plan->today);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today_noon, 1);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                                         g_date_time_get_month (tomorrow),
                                                         g_date_time_get_day_of_month (tomorrow),
                                                         0, 0, 0);
  gint64 boundary = g_date_time_to_unix (midnight) * 1000;

  for (guint i = 0; i < plan->today_section.items->len; i++)
    {
      gint64 due_at = prospect_activity_get_due_at (g_ptr_array_index (plan->today_section.items, i));

      if (due_at != -1)
        return MIN (boundary, due_at);
    }

  return boundary;
}

GtkWidget *
prospect_today_page_find_row (ProspectTodayPage *self,
          const char        *id)
{
  for (guint i = 0; i < self->lists->len; i++)
    {
      GtkListBox *list = g_ptr_array_index (self->lists, i);
      GtkListBoxRow *row;

      for (int n = 0; (row = gtk_list_box_get_row_at_index (list, n)) != NULL; n++)
        if (g_strcmp0 (prospect_today_row_get_id (GTK_WIDGET (row)), id) == 0)
          return GTK_WIDGET (row);
    }

  return NULL;
}

void
prospect_today_page_show_error (ProspectTodayPage *self,
            const GError      *error)
{
  g_autofree char *markup = g_markup_escape_text (error->message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

static void
prospect_today_page_refresh (ProspectPage *page)
{
  ProspectTodayPage *self = PROSPECT_TODAY_PAGE (page);
  ProspectDatabase *database = prospect_page_get_database (page);
  g_autoptr(ProspectDayPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *me_id = NULL;
  g_autofree char *focus_id = NULL;
  g_autoptr(GPtrArray) order = NULL;
  GtkWidget *row;
  gint64 started = g_get_monotonic_time ();

  if (database == NULL)
    return;

  /* Keep the keyboard user's place across the rebuild */
  if (self->focus_id != NULL)
    focus_id = g_steal_pointer (&self->focus_id);
  else if ((row = focused_row (self)) != NULL)
    focus_id = g_strdup (prospect_today_row_get_id (row));

  me_id = prospect_database_get_me (database);
  if (me_id != NULL && !(plan = prospect_day_plan_load (database, me_id, &error)))
    g_warning ("Could not load the day plan: %s", error->message);

  g_hash_table_remove_all (self->names);
  order = g_ptr_array_new ();
  show_plan (self, order, plan);
  arrange_sections (self, order);
  self->next_boundary_ms = plan != NULL ? next_boundary (plan) : G_MAXINT64;

  if (focus_id != NULL && (row = prospect_today_page_find_row (self, focus_id)) != NULL)
    gtk_widget_grab_focus (row);

  g_debug ("Day plan loaded and built in %.1f ms",
           (g_get_monotonic_time () - started) / 1000.0);
}

/* ------------------------------------------------------------ refreshes */

static gboolean
tick_cb (gpointer user_data)
{
  ProspectTodayPage *self = PROSPECT_TODAY_PAGE (user_data);

  if (prospect_clock_now_ms () >= self->next_boundary_ms)
    prospect_page_queue_refresh (PROSPECT_PAGE (self));

  return G_SOURCE_CONTINUE;
}

/* The base class refreshes a stale page; a day boundary passed while the
 * page was hidden makes it stale too. */
static void
map_cb (ProspectTodayPage *self)
{
  if (prospect_clock_now_ms () >= self->next_boundary_ms)
    prospect_page_queue_refresh (PROSPECT_PAGE (self));
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (20, tick_cb, self);
}

static void
unmap_cb (ProspectTodayPage *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
}

/* Undo entries belong to the database they were made in */
static void
notify_database_cb (ProspectTodayPage *self)
{
  g_hash_table_remove_all (self->undo);
}

/* -------------------------------------------------------------- object */

static void
prospect_today_page_dispose (GObject *object)
{
  ProspectTodayPage *self = PROSPECT_TODAY_PAGE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_pointer (&self->undo, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->sections, g_hash_table_unref);
  g_clear_pointer (&self->lists, g_ptr_array_unref);
  g_clear_pointer (&self->focus_id, g_free);

  G_OBJECT_CLASS (prospect_today_page_parent_class)->dispose (object);
}

static void
prospect_today_page_class_init (ProspectTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prospect_today_page_dispose;

  PROSPECT_PAGE_CLASS (klass)->refresh = prospect_today_page_refresh;
  prospect_page_class_watch_tables (PROSPECT_PAGE_CLASS (klass), "activity", "deal", "account", NULL);

  prospect_today_page_class_add_actions (widget_class);
}

static void
prospect_today_page_init (ProspectTodayPage *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller;

  prospect_page_setup (PROSPECT_PAGE (self),
                       _("Today"), "x-office-calendar-symbolic",
                       _("Today"), NULL);

  self->lists = g_ptr_array_new ();
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->undo = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->next_boundary_ms = G_MAXINT64;

  self->sections_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_margin_top (GTK_WIDGET (self->sections_box), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->sections_box), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->sections_box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->sections_box), 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->sections_box));

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, scroller);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toast_overlay));

  g_signal_connect (self, "notify::database", G_CALLBACK (notify_database_cb), NULL);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (unmap_cb), NULL);
}
