/* prospect-targets-page.c - the Targets page: the manager's targets for
 * each rep and the team, one fiscal year's quarters at a time, edited in
 * place from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-targets-page"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-targets.h"

#include "prospect-targets-page.h"

/* What the toast's Undo puts back: one cell's earlier value. */
typedef struct
{
  char                 *person_id;
  ProspectPeriod        quarter;
  ProspectTargetMetric  metric;
  gint64                value;
} CellUndo;

struct _ProspectTargetsPage
{
  ProspectPage          parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkLabel             *period_label;
  GtkToggleButton      *metric_buttons[PROSPECT_TARGET_N_METRICS];
  GtkButton            *copy_button;
  GtkGrid              *grid;
  GtkLabel             *error_label;
  GtkLabel             *hint_label;

  ProspectPeriod        quarter;       /* the chosen one; the grid shows its fiscal year */
  ProspectTargetMetric  metric;
  ProspectTargetGrid   *model;
  /* The people the grid was built for: while they stay, a refresh only
   * updates the cells, so that the keyboard focus stays where it is. */
  char                 *built_for;
  gboolean              building;
  GPtrArray            *entries;       /* GtkEntry*, rows in order, 4 per row */
  GtkWidget            *headers[PROSPECT_TARGET_N_QUARTERS];
  GtkWidget            *sum_labels[PROSPECT_TARGET_N_QUARTERS];
  GtkWidget            *sum_icons[PROSPECT_TARGET_N_QUARTERS];

  AdwToast             *cell_toast;    /* the Undo of the last cell edit, while shown */
  CellUndo             *cell_undo;
  GPtrArray            *copied_ids;    /* the Undo of the last copy */
};

G_DEFINE_FINAL_TYPE (ProspectTargetsPage, prospect_targets_page, PROSPECT_TYPE_PAGE)

#define ROW_KEY "prospect-target-row"
#define QUARTER_KEY "prospect-target-quarter"

static void
cell_undo_free (CellUndo *undo)
{
  g_free (undo->person_id);
  g_free (undo);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CellUndo, cell_undo_free)

/* ---------------------------------------------------------------- texts */

static char *
quarter_label (const ProspectPeriod *quarter)
{
  return prospect_period_get_label (quarter);
}

static const char *
metric_hint (ProspectTargetMetric metric)
{
  switch (metric)
    {
    case PROSPECT_TARGET_WON_VALUE:
      return _("Won value, typed like 12k, 12,000 or 12000.50. An empty cell has no target.");
    case PROSPECT_TARGET_WON_COUNT:
      return _("Deals won, as a whole number. An empty cell has no target.");
    case PROSPECT_TARGET_ACTIVITIES:
      return _("Activities done, as a whole number. An empty cell has no target.");
    case PROSPECT_TARGET_N_METRICS:
    default:
      g_assert_not_reached ();
    }
}

static char *
format_cell (ProspectTargetsPage *self,
             gint64               value)
{
  return prospect_target_format_value (value, self->metric);
}

/* "Ana Murphy, Q3 FY2026": the name a screen reader gives a cell */
static char *
cell_name (ProspectTargetsPage *self,
           guint                row_index,
           guint                quarter)
{
  ProspectTargetRow *row = g_ptr_array_index (self->model->rows, row_index);
  g_autofree char *period = quarter_label (&self->model->quarters[quarter]);

  /* Translators: a target cell: the rep (or "Team") and the quarter */
  return g_strdup_printf (_("%s, %s"), row->name, period);
}

/* ---------------------------------------------------------------- cells */

static ProspectTargetRow *
entry_row (ProspectTargetsPage *self,
           GtkWidget           *entry)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), ROW_KEY));

  return g_ptr_array_index (self->model->rows, index);
}

static guint
entry_quarter (GtkWidget *entry)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), QUARTER_KEY));
}

static gint64
entry_stored_value (ProspectTargetsPage *self,
                    GtkWidget           *entry)
{
  return entry_row (self, entry)->values[self->metric][entry_quarter (entry)];
}

static void
set_entry_error (ProspectTargetsPage *self,
                 GtkEntry            *entry,
                 const char          *message)
{
  gboolean has_error = message != NULL;

  if (has_error)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY,
                                     has_error ? "dialog-error-symbolic" : NULL);
  gtk_entry_set_icon_tooltip_text (entry, GTK_ENTRY_ICON_SECONDARY, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, has_error ? message : "",
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               has_error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  g_object_set_data_full (G_OBJECT (entry), "error", g_strdup (message), g_free);
}

/* The message under the grid names the first cell in error, so that it
 * is seen also when the cell's own icon is not. */
static void
update_error_label (ProspectTargetsPage *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      GtkWidget *entry = g_ptr_array_index (self->entries, i);
      const char *message = g_object_get_data (G_OBJECT (entry), "error");

      if (message != NULL)
        {
          g_autofree char *name = cell_name (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), ROW_KEY)),
                                             entry_quarter (entry));
          g_autofree char *text = g_strdup_printf ("%s: %s", name, message);

          gtk_label_set_text (self->error_label, text);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
          return;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
show_entry_value (ProspectTargetsPage *self,
                  GtkWidget           *entry)
{
  g_autofree char *text = format_cell (self, entry_stored_value (self, entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_object_set_data_full (G_OBJECT (entry), "shown", g_steal_pointer (&text), g_free);
  set_entry_error (self, GTK_ENTRY (entry), NULL);
}

/* Typed in and not stored yet (or refused): a refresh leaves it be. A
 * new cell shows nothing yet. */
static gboolean
entry_is_edited (GtkWidget *entry)
{
  const char *shown = g_object_get_data (G_OBJECT (entry), "shown");

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), shown ? shown : "") != 0;
}

static void
cell_toast_dismissed_cb (AdwToast            *toast,
                         ProspectTargetsPage *self)
{
  if (self->cell_toast == toast)
    {
      self->cell_toast = NULL;
      g_clear_pointer (&self->cell_undo, cell_undo_free);
    }
}

static void
show_error_toast (ProspectTargetsPage *self,
                  const GError        *error)
{
  g_autofree char *markup = g_markup_escape_text (error->message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

static void
cell_toast_undo_cb (AdwToast            *toast,
                    ProspectTargetsPage *self)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autoptr(CellUndo) undo = g_steal_pointer (&self->cell_undo);
  g_autofree char *me_id = NULL;
  g_autoptr(GError) error = NULL;

  if (undo == NULL || database == NULL ||
      (me_id = prospect_database_get_me (database)) == NULL)
    return;

  if (!prospect_targets_set (database, me_id, undo->person_id, &undo->quarter,
                             undo->metric, undo->value, &error))
    show_error_toast (self, error);
}

/* One toast for a run of edits, showing the last one: tabbing through
 * a column must not queue a toast per cell. */
static void
offer_cell_undo (ProspectTargetsPage *self,
                 GtkWidget           *entry,
                 gint64               old_value)
{
  g_autofree char *name = cell_name (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), ROW_KEY)),
                                     entry_quarter (entry));
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  /* Translators: a toast after editing a target; %s is e.g. "Ana Murphy, Q3 FY2026" */
  g_autofree char *title = g_strdup_printf (_("Target changed: %s"), escaped);
  CellUndo *undo = g_new0 (CellUndo, 1);

  undo->person_id = g_strdup (entry_row (self, entry)->person_id);
  undo->quarter = self->model->quarters[entry_quarter (entry)];
  undo->metric = self->metric;
  undo->value = old_value;
  g_clear_pointer (&self->cell_undo, cell_undo_free);
  self->cell_undo = undo;

  if (self->cell_toast != NULL)
    {
      adw_toast_set_title (self->cell_toast, title);
      return;
    }

  self->cell_toast = adw_toast_new (title);
  adw_toast_set_button_label (self->cell_toast, _("Undo"));
  g_signal_connect (self->cell_toast, "button-clicked", G_CALLBACK (cell_toast_undo_cb), self);
  g_signal_connect (self->cell_toast, "dismissed", G_CALLBACK (cell_toast_dismissed_cb), self);
  adw_toast_overlay_add_toast (self->toast_overlay, self->cell_toast);
}

/* Parses and stores the cell's text. Bad input stays in the cell, marked,
 * and writes nothing. */
static void
commit_entry (ProspectTargetsPage *self,
              GtkWidget           *entry)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *me_id = NULL;
  g_autoptr(GError) error = NULL;
  gint64 old_value, value;

  if (self->building || self->model == NULL || database == NULL)
    return;

  old_value = entry_stored_value (self, entry);
  if (!prospect_target_parse_value (text, self->metric, self->model->currency, &value, &error))
    {
      set_entry_error (self, GTK_ENTRY (entry), error->message);
      update_error_label (self);
      return;
    }

  if (value != old_value &&
      ((me_id = prospect_database_get_me (database)) == NULL ||
       !prospect_targets_set (database, me_id, entry_row (self, entry)->person_id,
                              &self->model->quarters[entry_quarter (entry)], self->metric,
                              value, &error)))
    {
      set_entry_error (self, GTK_ENTRY (entry),
                       error != NULL ? error->message : _("Choose who you are in Preferences first"));
      update_error_label (self);
      return;
    }

  if (value != old_value)
    {
      /* the refresh that ::changed::target queues shows the rest */
      entry_row (self, entry)->values[self->metric][entry_quarter (entry)] = value;
      offer_cell_undo (self, entry, old_value);
    }
  show_entry_value (self, entry);
  update_error_label (self);
}

static void
entry_activate_cb (GtkEntry            *entry,
                   ProspectTargetsPage *self)
{
  commit_entry (self, GTK_WIDGET (entry));
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

/* Leaving a cell (Tab, a click elsewhere) keeps what was typed. */
static void
entry_focus_leave_cb (GtkEventControllerFocus *controller,
                      ProspectTargetsPage     *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (!self->building && self->model != NULL && entry_is_edited (entry))
    commit_entry (self, entry);
}

static GtkWidget *
entry_at (ProspectTargetsPage *self,
          int                  row_index,
          guint                quarter)
{
  if (row_index < 0 || (guint) row_index >= self->model->rows->len)
    return NULL;

  return g_ptr_array_index (self->entries, row_index * PROSPECT_TARGET_N_QUARTERS + quarter);
}

/* Escape puts the stored value back; Up and Down move along the column,
 * as in a spreadsheet (Tab and Shift+Tab move along the row). */
static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      ProspectTargetsPage   *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  int row_index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), ROW_KEY));
  GtkWidget *next = NULL;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0 || self->model == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      show_entry_value (self, entry);
      update_error_label (self);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      next = entry_at (self, row_index - 1, entry_quarter (entry));
      break;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      next = entry_at (self, row_index + 1, entry_quarter (entry));
      break;

    default:
      return FALSE;
    }

  return next != NULL && gtk_widget_grab_focus (next);
}

static GtkWidget *
new_entry (ProspectTargetsPage *self,
           guint                row_index,
           guint                quarter)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 9);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_widget_set_hexpand (entry, TRUE);
  g_object_set_data (G_OBJECT (entry), ROW_KEY, GUINT_TO_POINTER (row_index));
  g_object_set_data (G_OBJECT (entry), QUARTER_KEY, GUINT_TO_POINTER (quarter));

  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (entry, keys);

  return entry;
}

/* ----------------------------------------------------------------- grid */

static GtkWidget *
new_name_label (const char *text,
                gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  if (heading)
    gtk_widget_add_css_class (label, "heading");

  return label;
}

static void
clear_grid (ProspectTargetsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->entries, 0);
  for (guint q = 0; q < PROSPECT_TARGET_N_QUARTERS; q++)
    self->headers[q] = self->sum_labels[q] = self->sum_icons[q] = NULL;
}

static void
add_sum_cell (ProspectTargetsPage *self,
              int                  row,
              guint                quarter)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->sum_icons[quarter] = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  self->sum_labels[quarter] = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->sum_labels[quarter]), 1.0);
  gtk_widget_set_hexpand (self->sum_labels[quarter], TRUE);
  gtk_widget_add_css_class (self->sum_labels[quarter], "numeric");
  gtk_widget_set_margin_end (box, 8);
  gtk_box_append (GTK_BOX (box), self->sum_icons[quarter]);
  gtk_box_append (GTK_BOX (box), self->sum_labels[quarter]);
  gtk_grid_attach (self->grid, box, 1 + quarter, row, 1, 1);
}

/* The rows for the model's people: a header, one row per rep, a line,
 * the team, and the sum of the reps' targets under it. */
static void
build_grid (ProspectTargetsPage *self)
{
  guint n_rows = self->model->rows->len;
  int row = 0;

  self->building = TRUE;
  clear_grid (self);

  gtk_grid_attach (self->grid, new_name_label (_("Rep"), TRUE), 0, row, 1, 1);
  for (guint q = 0; q < PROSPECT_TARGET_N_QUARTERS; q++)
    {
      self->headers[q] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->headers[q]), 1.0);
      gtk_widget_set_margin_end (self->headers[q], 8);
      gtk_grid_attach (self->grid, self->headers[q], 1 + q, row, 1, 1);
    }
  row++;

  for (guint i = 0; i < n_rows; i++, row++)
    {
      ProspectTargetRow *target_row = g_ptr_array_index (self->model->rows, i);
      gboolean team = i + 1 == n_rows;

      if (team)
        gtk_grid_attach (self->grid, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, row++, 5, 1);
      gtk_grid_attach (self->grid, new_name_label (team ? _("Team") : target_row->name, team),
                       0, row, 1, 1);
      for (guint q = 0; q < PROSPECT_TARGET_N_QUARTERS; q++)
        {
          GtkWidget *entry = new_entry (self, i, q);

          g_ptr_array_add (self->entries, entry);
          gtk_grid_attach (self->grid, entry, 1 + q, row, 1, 1);
        }
    }

  gtk_grid_attach (self->grid, new_name_label (_("Sum of Reps"), FALSE), 0, row, 1, 1);
  for (guint q = 0; q < PROSPECT_TARGET_N_QUARTERS; q++)
    add_sum_cell (self, row, q);

  self->building = FALSE;
}

static void
update_headers (ProspectTargetsPage *self)
{
  for (guint q = 0; q < PROSPECT_TARGET_N_QUARTERS; q++)
    {
      const ProspectPeriod *quarter = &self->model->quarters[q];
      gboolean chosen = g_date_compare (&quarter->start, &self->quarter.start) == 0;
      char first[32], last[32];
      g_autofree char *markup = NULL;

      g_date_strftime (first, sizeof first, "%b", &quarter->start);
      g_date_strftime (last, sizeof last, "%b %Y", &quarter->end);
      /* Translators: a column heading: the quarter, and its months */
      markup = g_markup_printf_escaped (_("<b>Q%u</b>\n<small>%s – %s</small>"), q + 1, first, last);
      gtk_label_set_markup (GTK_LABEL (self->headers[q]), markup);
      gtk_label_set_justify (GTK_LABEL (self->headers[q]), GTK_JUSTIFY_RIGHT);
      if (chosen)
        gtk_widget_add_css_class (self->headers[q], "accent");
      else
        gtk_widget_remove_css_class (self->headers[q], "accent");
    }
}

static void
update_sum (ProspectTargetsPage *self,
            guint                quarter)
{
  gint64 sum = prospect_target_grid_rep_sum (self->model, self->metric, quarter);
  gint64 team = prospect_target_grid_get_team (self->model)->values[self->metric][quarter];
  gboolean flagged = prospect_target_grid_is_flagged (self->model, self->metric, quarter);
  g_autofree char *sum_text = format_cell (self, MAX (sum, 0));
  g_autofree char *team_text = format_cell (self, team);
  g_autofree char *period = quarter_label (&self->model->quarters[quarter]);
  g_autofree char *name = NULL;
  g_autofree char *warning = NULL;
  GtkWidget *label = self->sum_labels[quarter];

  gtk_label_set_text (GTK_LABEL (label), sum >= 0 ? sum_text : "—");
  if (flagged)
    /* Translators: the flag on a team's target; the numbers follow */
    warning = g_strdup_printf (_("Team target differs from the sum of rep targets (team %s, reps %s)"),
                               team_text, sum_text);

  gtk_widget_set_visible (self->sum_icons[quarter], flagged);
  gtk_widget_set_tooltip_text (gtk_widget_get_parent (label), warning);
  if (flagged)
    gtk_widget_add_css_class (gtk_widget_get_parent (label), "warning");
  else
    gtk_widget_remove_css_class (gtk_widget_get_parent (label), "warning");

  /* Translators: a screen reader's name for a sum cell, e.g. "Sum of Reps, Q3 FY2026" */
  name = g_strdup_printf (_("Sum of Reps, %s"), period);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, flagged ? warning : "",
                                  -1);
}

/* The cells show the model; a cell being typed in keeps its text. */
static void
update_cells (ProspectTargetsPage *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      GtkWidget *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *name = cell_name (self, i / PROSPECT_TARGET_N_QUARTERS, i % PROSPECT_TARGET_N_QUARTERS);

      gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      if (!entry_is_edited (entry))
        show_entry_value (self, entry);
    }

  for (guint q = 0; q < PROSPECT_TARGET_N_QUARTERS; q++)
    update_sum (self, q);
  update_headers (self);
  update_error_label (self);
}

static char *
people_signature (ProspectTargetGrid *grid)
{
  g_autoptr(GString) signature = g_string_new (NULL);

  for (guint i = 0; i < grid->rows->len; i++)
    {
      ProspectTargetRow *row = g_ptr_array_index (grid->rows, i);

      g_string_append_printf (signature, "%s\t%s\n", row->person_id ? row->person_id : "", row->name);
    }

  return g_string_free (g_steal_pointer (&signature), FALSE);
}

static void
update_toolbar (ProspectTargetsPage *self)
{
  g_autofree char *label = quarter_label (&self->quarter);
  g_autofree char *tooltip = NULL;
  ProspectPeriod previous;
  g_autofree char *previous_label = NULL;

  gtk_label_set_text (self->period_label, label);
  prospect_period_previous (&self->quarter, &previous);
  previous_label = quarter_label (&previous);
  /* Translators: the tooltip of "Copy Last Quarter's Targets" */
  tooltip = g_strdup_printf (_("Fill the empty cells of %s with the targets of %s"), label, previous_label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->copy_button), tooltip);
  gtk_label_set_text (self->hint_label, metric_hint (self->metric));
}

static void
prospect_targets_page_refresh (ProspectPage *page)
{
  ProspectTargetsPage *self = PROSPECT_TARGETS_PAGE (page);
  ProspectDatabase *database = prospect_page_get_database (page);
  g_autoptr(ProspectTargetGrid) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *me_id = NULL;
  g_autofree char *signature = NULL;

  if (database == NULL)
    return;

  if (!g_date_valid (&self->quarter.start))
    prospect_period_init_today (&self->quarter, PROSPECT_PERIOD_QUARTER,
                                prospect_fiscal_start_month (database));
  update_toolbar (self);

  me_id = prospect_database_get_me (database);
  if (me_id != NULL &&
      !(model = prospect_target_grid_load (database, me_id, &self->quarter.start, &error)))
    g_warning ("Could not load the targets: %s", error->message);

  /* the team row alone: nobody reports to me */
  if (model == NULL || model->rows->len < 2)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      g_clear_pointer (&self->model, prospect_target_grid_free);
      g_clear_pointer (&self->built_for, g_free);
      clear_grid (self);
      return;
    }

  prospect_target_grid_free (self->model);
  self->model = g_steal_pointer (&model);
  signature = people_signature (self->model);
  if (g_strcmp0 (signature, self->built_for) != 0)
    {
      build_grid (self);
      g_free (self->built_for);
      self->built_for = g_steal_pointer (&signature);
    }
  update_cells (self);
  gtk_stack_set_visible_child_name (self->stack, "grid");
}

/* Another database: back to the current quarter, and nothing to undo */
static void
notify_database_cb (ProspectTargetsPage *self)
{
  g_date_clear (&self->quarter.start, 1);
  g_clear_pointer (&self->copied_ids, g_ptr_array_unref);
}

/* ------------------------------------------------------------- toolbar */

static void
step_quarter (ProspectTargetsPage *self,
              int                  step)
{
  ProspectPeriod other;

  if (!g_date_valid (&self->quarter.start))
    return;

  if (step < 0)
    prospect_period_previous (&self->quarter, &other);
  else
    prospect_period_next (&self->quarter, &other);
  self->quarter = other;
  prospect_targets_page_refresh (PROSPECT_PAGE (self));
}

static void
previous_clicked_cb (ProspectTargetsPage *self)
{
  step_quarter (self, -1);
}

static void
next_clicked_cb (ProspectTargetsPage *self)
{
  step_quarter (self, 1);
}

static void
metric_toggled_cb (GtkToggleButton     *button,
                   ProspectTargetsPage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  for (guint m = 0; m < PROSPECT_TARGET_N_METRICS; m++)
    if (self->metric_buttons[m] == button)
      self->metric = m;
  if (self->model != NULL)
    {
      update_cells (self);
      update_toolbar (self);
    }
}

static void
copy_toast_undo_cb (AdwToast            *toast,
                    ProspectTargetsPage *self)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autoptr(GPtrArray) ids = g_steal_pointer (&self->copied_ids);
  g_autoptr(GError) error = NULL;

  if (ids != NULL && database != NULL &&
      !prospect_targets_delete (database, ids, &error))
    show_error_toast (self, error);
}

static void
copy_clicked_cb (ProspectTargetsPage *self)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *me_id = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  guint n = 0;

  if (database == NULL || (me_id = prospect_database_get_me (database)) == NULL)
    return;

  if (!prospect_targets_copy_previous (database, me_id, &self->quarter, ids, &n, &error))
    {
      show_error_toast (self, error);
      return;
    }

  if (n == 0)
    {
      ProspectPeriod previous;
      g_autofree char *previous_label = NULL;

      prospect_period_previous (&self->quarter, &previous);
      previous_label = quarter_label (&previous);
      /* Translators: %s is a quarter, e.g. "Q2 FY2026" */
      title = g_strdup_printf (_("Nothing to copy from %s"), previous_label);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
      return;
    }

  g_clear_pointer (&self->copied_ids, g_ptr_array_unref);
  self->copied_ids = g_steal_pointer (&ids);
  title = g_strdup_printf (ngettext ("%u target copied", "%u targets copied", n), n);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (copy_toast_undo_cb), self);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWidget *
new_quarter_stepper (ProspectTargetsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *previous = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *next = gtk_button_new_from_icon_name ("go-next-symbolic");

  /* icon buttons: the tooltip for the eye, the label for screen readers */
  gtk_widget_set_tooltip_text (previous, _("Previous Quarter"));
  gtk_widget_set_tooltip_text (next, _("Next Quarter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (previous),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Previous Quarter"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (next),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Next Quarter"), -1);
  gtk_widget_add_css_class (previous, "flat");
  gtk_widget_add_css_class (next, "flat");
  g_signal_connect_swapped (previous, "clicked", G_CALLBACK (previous_clicked_cb), self);
  g_signal_connect_swapped (next, "clicked", G_CALLBACK (next_clicked_cb), self);

  self->period_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->period_label), "heading");
  gtk_label_set_width_chars (self->period_label, 10);

  gtk_box_append (GTK_BOX (box), previous);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->period_label));
  gtk_box_append (GTK_BOX (box), next);

  return box;
}

static GtkWidget *
new_metric_switcher (ProspectTargetsPage *self)
{
  static const char *labels[PROSPECT_TARGET_N_METRICS] = {
    N_("Won Value"), N_("Won Count"), N_("Activities"),
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "linked");
  for (guint m = 0; m < PROSPECT_TARGET_N_METRICS; m++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(labels[m]));

      self->metric_buttons[m] = GTK_TOGGLE_BUTTON (button);
      if (m > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->metric_buttons[0]);
      g_signal_connect (button, "toggled", G_CALLBACK (metric_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_toggle_button_set_active (self->metric_buttons[PROSPECT_TARGET_WON_VALUE], TRUE);

  return box;
}

/* The quarter and the metric: side by side when there is room, stacked
 * in a narrow window. */
static GtkWidget *
new_toolbar (ProspectTargetsPage *self)
{
  GtkWidget *wrap = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (wrap), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (wrap), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (wrap), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (wrap), 6);
  gtk_flow_box_append (GTK_FLOW_BOX (wrap), new_quarter_stepper (self));
  gtk_flow_box_append (GTK_FLOW_BOX (wrap), new_metric_switcher (self));
  /* Tab goes to the buttons, not to the boxes around them */
  for (GtkWidget *child = gtk_widget_get_first_child (wrap); child; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  return wrap;
}

/* What a cell takes, and the copy of the previous quarter. */
static GtkWidget *
new_footer (ProspectTargetsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->hint_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->hint_label, TRUE);
  gtk_label_set_xalign (self->hint_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->hint_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "dim-label");

  self->copy_button = GTK_BUTTON (gtk_button_new_with_label (_("Copy Last Quarter’s Targets")));
  gtk_widget_set_valign (GTK_WIDGET (self->copy_button), GTK_ALIGN_START);
  g_signal_connect_swapped (self->copy_button, "clicked", G_CALLBACK (copy_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->hint_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->copy_button));

  return box;
}

static GtkWidget *
new_empty_state (void)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "system-users-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No One Reports to You"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Targets are set here for the people who report to you, and for your team."));

  return status;
}

static GtkWidget *
new_grid_view (ProspectTargetsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 6);
  gtk_grid_set_column_spacing (self->grid, 6);
  gtk_widget_set_margin_top (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 12);
  gtk_widget_add_css_class (card, "card");
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->grid));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), new_toolbar (self));
  gtk_box_append (GTK_BOX (box), card);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), new_footer (self));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  return scroller;
}

/* -------------------------------------------------------------- object */

static void
prospect_targets_page_dispose (GObject *object)
{
  ProspectTargetsPage *self = PROSPECT_TARGETS_PAGE (object);

  self->building = TRUE;
  g_clear_pointer (&self->model, prospect_target_grid_free);
  g_clear_pointer (&self->built_for, g_free);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->cell_undo, cell_undo_free);
  g_clear_pointer (&self->copied_ids, g_ptr_array_unref);
  if (self->cell_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->cell_toast, self);
  self->cell_toast = NULL;

  G_OBJECT_CLASS (prospect_targets_page_parent_class)->dispose (object);
}

static void
prospect_targets_page_class_init (ProspectTargetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = prospect_targets_page_dispose;

  PROSPECT_PAGE_CLASS (klass)->refresh = prospect_targets_page_refresh;
  prospect_page_class_watch_tables (PROSPECT_PAGE_CLASS (klass), "target", "person", NULL);
}

static void
prospect_targets_page_init (ProspectTargetsPage *self)
{
  prospect_page_setup (PROSPECT_PAGE (self),
                       _("Targets"), "find-location-symbolic",
                       _("Targets"), NULL);

  self->entries = g_ptr_array_new ();
  self->metric = PROSPECT_TARGET_WON_VALUE;
  g_date_clear (&self->quarter.start, 1);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, new_empty_state (), "empty");
  gtk_stack_add_named (self->stack, new_grid_view (self), "grid");

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toast_overlay));

  g_signal_connect (self, "notify::database", G_CALLBACK (notify_database_cb), NULL);
}
