/* prospect-period-selector.c - the period and scope of the manager pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-period-selector"

#include "config.h"

#include <glib/gi18n.h>

#include "prospect-person.h"

#include "prospect-period-selector.h"

#define SELECTION_KEY "prospect-period-selection"

/* ------------------------------------------------------------ selection */

struct _ProspectPeriodSelection
{
  GObject                 parent_instance;

  ProspectPeriodKind      kind;
  int                     offset;
  GDate                   custom_start;   /* kind CUSTOM only */
  GDate                   custom_end;
  ProspectSelectionScope  scope;
  char                   *person_id;
};

enum {
  SELECTION_CHANGED,
  N_SELECTION_SIGNALS
};

static guint selection_signals[N_SELECTION_SIGNALS];

G_DEFINE_FINAL_TYPE (ProspectPeriodSelection, prospect_period_selection, G_TYPE_OBJECT)

static void
prospect_period_selection_finalize (GObject *object)
{
  ProspectPeriodSelection *self = PROSPECT_PERIOD_SELECTION (object);

  g_free (self->person_id);

  G_OBJECT_CLASS (prospect_period_selection_parent_class)->finalize (object);
}

static void
prospect_period_selection_class_init (ProspectPeriodSelectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = prospect_period_selection_finalize;

  selection_signals[SELECTION_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
prospect_period_selection_init (ProspectPeriodSelection *self)
{
  /* A manager's first question: will the team make this quarter? */
  self->kind = PROSPECT_PERIOD_QUARTER;
  self->scope = PROSPECT_SELECTION_MY_TEAM;
  g_date_clear (&self->custom_start, 1);
  g_date_clear (&self->custom_end, 1);
}

static void
selection_changed (ProspectPeriodSelection *self)
{
  g_signal_emit (self, selection_signals[SELECTION_CHANGED], 0);
}

ProspectPeriodSelection *
prospect_period_selection_get_for_widget (GtkWidget *widget)
{
  GtkRoot *root;
  ProspectPeriodSelection *selection;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  if ((root = gtk_widget_get_root (widget)) == NULL)
    return NULL;

  selection = g_object_get_data (G_OBJECT (root), SELECTION_KEY);
  if (selection == NULL)
    {
      selection = g_object_new (PROSPECT_TYPE_PERIOD_SELECTION, NULL);
      g_object_set_data_full (G_OBJECT (root), SELECTION_KEY, selection, g_object_unref);
    }

  return selection;
}

void
prospect_period_selection_set_kind (ProspectPeriodSelection *self,
                                    ProspectPeriodKind       kind)
{
  g_return_if_fail (PROSPECT_IS_PERIOD_SELECTION (self));

  g_return_if_fail (kind != PROSPECT_PERIOD_CUSTOM);

  if (self->kind == kind)
    return;

  /* Another kind starts again from today: "the previous quarter" means
   * nothing as a month */
  self->kind = kind;
  self->offset = 0;
  selection_changed (self);
}

void
prospect_period_selection_set_custom (ProspectPeriodSelection *self,
                                      const GDate             *start,
                                      const GDate             *end)
{
  g_return_if_fail (PROSPECT_IS_PERIOD_SELECTION (self));
  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (end != NULL && g_date_valid (end) && g_date_compare (start, end) <= 0);

  if (self->kind == PROSPECT_PERIOD_CUSTOM && self->offset == 0 &&
      g_date_compare (&self->custom_start, start) == 0 &&
      g_date_compare (&self->custom_end, end) == 0)
    return;

  self->kind = PROSPECT_PERIOD_CUSTOM;
  self->offset = 0;
  self->custom_start = *start;
  self->custom_end = *end;
  selection_changed (self);
}

ProspectPeriodKind
prospect_period_selection_get_kind (ProspectPeriodSelection *self)
{
  g_return_val_if_fail (PROSPECT_IS_PERIOD_SELECTION (self), PROSPECT_PERIOD_QUARTER);

  return self->kind;
}

void
prospect_period_selection_step (ProspectPeriodSelection *self,
                                int                      steps)
{
  g_return_if_fail (PROSPECT_IS_PERIOD_SELECTION (self));

  if (steps == 0)
    return;

  self->offset += steps;
  selection_changed (self);
}

int
prospect_period_selection_get_offset (ProspectPeriodSelection *self)
{
  g_return_val_if_fail (PROSPECT_IS_PERIOD_SELECTION (self), 0);

  return self->offset;
}

void
prospect_period_selection_set_scope (ProspectPeriodSelection *self,
                                     ProspectSelectionScope   scope,
                                     const char              *person_id)
{
  g_return_if_fail (PROSPECT_IS_PERIOD_SELECTION (self));
  g_return_if_fail (scope != PROSPECT_SELECTION_PERSON || person_id != NULL);

  if (scope != PROSPECT_SELECTION_PERSON)
    person_id = NULL;
  if (self->scope == scope && g_strcmp0 (self->person_id, person_id) == 0)
    return;

  self->scope = scope;
  g_free (self->person_id);
  self->person_id = g_strdup (person_id);
  selection_changed (self);
}

ProspectSelectionScope
prospect_period_selection_get_scope (ProspectPeriodSelection *self)
{
  g_return_val_if_fail (PROSPECT_IS_PERIOD_SELECTION (self), PROSPECT_SELECTION_MY_TEAM);

  return self->scope;
}

const char *
prospect_period_selection_get_person_id (ProspectPeriodSelection *self)
{
  g_return_val_if_fail (PROSPECT_IS_PERIOD_SELECTION (self), NULL);

  return self->person_id;
}

void
prospect_period_selection_get_period (ProspectPeriodSelection *self,
                                      ProspectDatabase        *db,
                                      ProspectPeriod          *period)
{
  g_return_if_fail (PROSPECT_IS_PERIOD_SELECTION (self));
  g_return_if_fail (PROSPECT_IS_DATABASE (db));

  if (self->kind != PROSPECT_PERIOD_CUSTOM ||
      !prospect_period_init_custom (period, &self->custom_start, &self->custom_end,
                                    prospect_fiscal_start_month (db), NULL))
    prospect_period_init_today (period, self->kind == PROSPECT_PERIOD_CUSTOM
                                        ? PROSPECT_PERIOD_QUARTER : self->kind,
                                prospect_fiscal_start_month (db));
  for (int i = 0; i < self->offset; i++)
    prospect_period_next (period, period);
  for (int i = 0; i > self->offset; i--)
    prospect_period_previous (period, period);
}

void
prospect_period_selection_get_scope_for (ProspectPeriodSelection *self,
                                         const char              *me_id,
                                         ProspectScope           *scope)
{
  g_return_if_fail (PROSPECT_IS_PERIOD_SELECTION (self));

  scope->person_id = NULL;
  scope->kind = PROSPECT_SCOPE_EVERYONE;
  if (self->scope == PROSPECT_SELECTION_PERSON)
    {
      scope->kind = PROSPECT_SCOPE_PERSON;
      scope->person_id = self->person_id;
    }
  else if (self->scope == PROSPECT_SELECTION_MY_TEAM && me_id != NULL)
    {
      scope->kind = PROSPECT_SCOPE_TEAM;
      scope->person_id = me_id;
    }
}

static char *
format_day (const GDate *date,
            gboolean     with_year)
{
  char text[64];

  /* TRANSLATORS: a day in a period's span, strftime format: "1 Oct 2026" */
  if (g_date_strftime (text, sizeof text, with_year ? _("%-d %b %Y") : _("%-d %b"), date) == 0)
    return g_strdup ("");

  return g_strdup (text);
}

char *
prospect_period_describe (const ProspectPeriod *period)
{
  g_autofree char *label = prospect_period_get_label (period);
  g_autofree char *first = format_day (&period->start, FALSE);
  g_autofree char *last = format_day (&period->end, TRUE);
  GDate today;

  prospect_date_set_today (&today);
  /* A custom period's name is its span already */
  if (period->kind == PROSPECT_PERIOD_CUSTOM)
    {
      g_autofree char *to_date = format_day (&today, FALSE);

      if (!prospect_period_contains (period, &today))
        return g_steal_pointer (&label);
      /* TRANSLATORS: a custom period · its "to date" day, e.g.
       * "15 Oct – 31 Dec 2026 · to 23 Nov" */
      return g_strdup_printf (_("%s · to %s"), label, to_date);
    }

  if (prospect_period_contains (period, &today))
    {
      g_autofree char *to_date = format_day (&today, FALSE);

      /* TRANSLATORS: period · its span · "to date" day, e.g.
       * "Q4 FY2026 · 1 Oct – 31 Dec 2026 · to 23 Nov" */
      return g_strdup_printf (_("%s · %s – %s · to %s"), label, first, last, to_date);
    }

  /* TRANSLATORS: period · its span, e.g. "Q3 FY2026 · 1 Jul – 30 Sep 2026" */
  return g_strdup_printf (_("%s · %s – %s"), label, first, last);
}

/* ------------------------------------------------------------- selector */

struct _ProspectPeriodSelector
{
  GtkWidget                parent_instance;

  ProspectDatabase        *database;
  gulong                   person_changed_id;
  ProspectPeriodSelection *selection;
  gulong                   selection_changed_id;
  GPtrArray               *person_ids;   /* ids of the scope list after "Everyone" */
  gboolean                 syncing;

  GtkWidget               *kind_dropdown;
  GtkWidget               *dates_button;
  GtkWidget               *from_entry;
  GtkWidget               *to_entry;
  GtkWidget               *dates_error;
  gboolean                 dates_applied;
  GtkWidget               *previous_button;
  GtkWidget               *next_button;
  GtkWidget               *period_label;
  GtkWidget               *scope_dropdown;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ProspectPeriodSelector, prospect_period_selector, GTK_TYPE_WIDGET)

/* Order of the kind list */
static const ProspectPeriodKind kinds[] = {
  PROSPECT_PERIOD_MONTH, PROSPECT_PERIOD_QUARTER, PROSPECT_PERIOD_YEAR, PROSPECT_PERIOD_CUSTOM,
};

#define N_FIXED_SCOPES 2  /* My Team, Everyone */

static void
sync_widgets (ProspectPeriodSelector *self)
{
  ProspectPeriodSelection *selection = self->selection;
  guint scope_position = 0;

  if (selection == NULL)
    return;

  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == prospect_period_selection_get_kind (selection))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->kind_dropdown), i);

  if (prospect_period_selection_get_scope (selection) == PROSPECT_SELECTION_EVERYONE)
    scope_position = 1;
  else if (prospect_period_selection_get_scope (selection) == PROSPECT_SELECTION_PERSON)
    {
      for (guint i = 0; i < self->person_ids->len; i++)
        if (g_strcmp0 (g_ptr_array_index (self->person_ids, i),
                       prospect_period_selection_get_person_id (selection)) == 0)
          scope_position = N_FIXED_SCOPES + i;
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->scope_dropdown), scope_position);

  if (self->database != NULL)
    {
      g_autofree char *text = NULL;
      ProspectPeriod period;

      prospect_period_selection_get_period (selection, self->database, &period);
      text = prospect_period_describe (&period);
      gtk_label_set_text (GTK_LABEL (self->period_label), text);
    }
  self->syncing = FALSE;
}

static void
selection_changed_cb (ProspectPeriodSelector *self)
{
  sync_widgets (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The scope list: My Team, Everyone, then every active person by name. */
static void
load_people (ProspectPeriodSelector *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(ProspectQuery) query = prospect_person_query_all ();
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  gtk_string_list_append (names, _("My Team"));
  gtk_string_list_append (names, _("Everyone"));
  g_ptr_array_set_size (self->person_ids, 0);

  if (self->database != NULL &&
      (people = prospect_query_fetch (query, self->database, 0, -1, &error)) == NULL)
    g_warning ("Could not list the people: %s", error->message);

  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      ProspectPerson *person = g_ptr_array_index (people, i);

      if (!prospect_person_get_active (person))
        continue;
      gtk_string_list_append (names, prospect_person_get_name (person));
      g_ptr_array_add (self->person_ids, g_strdup (prospect_record_get_id (PROSPECT_RECORD (person))));
    }

  self->syncing = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->scope_dropdown), G_LIST_MODEL (names));
  self->syncing = FALSE;
  sync_widgets (self);
}

static void
person_changed_cb (ProspectPeriodSelector *self)
{
  load_people (self);
}

/* Custom asks for the days first; the selection changes once they are
 * given (see dates_closed_cb for when they are not). */
static void
kind_selected_cb (ProspectPeriodSelector *self)
{
  guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->kind_dropdown));

  if (self->syncing || self->selection == NULL || position >= G_N_ELEMENTS (kinds))
    return;

  if (kinds[position] == PROSPECT_PERIOD_CUSTOM)
    {
      if (prospect_period_selection_get_kind (self->selection) != PROSPECT_PERIOD_CUSTOM)
        gtk_menu_button_popup (GTK_MENU_BUTTON (self->dates_button));
      return;
    }

  prospect_period_selection_set_kind (self->selection, kinds[position]);
}

/* ---------------------------------------------------------- custom days */

static void
mark_entry (GtkWidget  *entry,
            const char *problem)
{
  if (problem != NULL)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem ? problem : "", -1);
}

static gboolean
read_day (GtkWidget  *entry,
          GDate      *day,
          char      **problem)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (prospect_date_from_iso (day, text))
    return TRUE;

  /* TRANSLATORS: %s is what was typed in a "From" or "To" field */
  *problem = g_strdup_printf (_("“%s” is not a day: write it as 2026-10-15"), text);
  return FALSE;
}

static void
apply_dates_cb (ProspectPeriodSelector *self)
{
  g_autofree char *problem = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *wrong = NULL;
  ProspectPeriod period;
  GDate start, end;

  if (!read_day (self->from_entry, &start, &problem))
    wrong = self->from_entry;
  else if (!read_day (self->to_entry, &end, &problem))
    wrong = self->to_entry;
  else if (!prospect_period_init_custom (&period, &start, &end, 1, &error))
    {
      wrong = self->to_entry;
      problem = g_strdup (error->message);
    }

  mark_entry (self->from_entry, wrong == self->from_entry ? problem : NULL);
  mark_entry (self->to_entry, wrong == self->to_entry ? problem : NULL);
  gtk_label_set_text (GTK_LABEL (self->dates_error), problem ? problem : "");
  gtk_widget_set_visible (self->dates_error, problem != NULL);
  if (wrong != NULL)
    {
      gtk_widget_grab_focus (wrong);
      return;
    }

  self->dates_applied = TRUE;
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->dates_button));
  if (self->selection != NULL)
    prospect_period_selection_set_custom (self->selection, &start, &end);
}

/* The fields start on the period on show, so that "a bit longer than this
 * quarter" is one edit. */
static void
dates_shown_cb (ProspectPeriodSelector *self)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  ProspectPeriod period;

  self->dates_applied = FALSE;
  mark_entry (self->from_entry, NULL);
  mark_entry (self->to_entry, NULL);
  gtk_widget_set_visible (self->dates_error, FALSE);
  if (self->selection == NULL || self->database == NULL)
    return;

  prospect_period_selection_get_period (self->selection, self->database, &period);
  start = prospect_date_to_iso (&period.start);
  end = prospect_date_to_iso (&period.end);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), start);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), end);
  gtk_widget_grab_focus (self->from_entry);
}

/* Closed without days: the list shows the kind still in force. */
static void
dates_closed_cb (ProspectPeriodSelector *self)
{
  if (!self->dates_applied)
    sync_widgets (self);
}

static GtkWidget *
new_day_entry (GtkGrid    *grid,
               const char *label_text,
               int         row)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_widget_add_css_class (label, "dim-label");
  /* TRANSLATORS: the placeholder of a day field: the form it takes */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, entry, 1, row, 1, 1);

  return entry;
}

static GtkWidget *
new_dates_button (ProspectPeriodSelector *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *apply = gtk_button_new_with_label (_("Show Period"));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Choose Days…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose Days…"), -1);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  self->from_entry = new_day_entry (GTK_GRID (grid), _("_From"), 0);
  self->to_entry = new_day_entry (GTK_GRID (grid), _("_To"), 1);

  self->dates_error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->dates_error), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->dates_error), 28);
  gtk_label_set_xalign (GTK_LABEL (self->dates_error), 0);
  gtk_widget_add_css_class (self->dates_error, "error");
  gtk_widget_add_css_class (self->dates_error, "caption");
  gtk_widget_set_visible (self->dates_error, FALSE);

  gtk_widget_add_css_class (apply, "suggested-action");
  g_signal_connect_swapped (apply, "clicked", G_CALLBACK (apply_dates_cb), self);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (GTK_BOX (box), self->dates_error);
  gtk_box_append (GTK_BOX (box), apply);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), apply);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (dates_shown_cb), self);
  g_signal_connect_swapped (popover, "closed", G_CALLBACK (dates_closed_cb), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  return button;
}

static void
scope_selected_cb (ProspectPeriodSelector *self)
{
  guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->scope_dropdown));

  if (self->syncing || self->selection == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  if (position < N_FIXED_SCOPES)
    prospect_period_selection_set_scope (self->selection,
                                         position == 0 ? PROSPECT_SELECTION_MY_TEAM
                                                       : PROSPECT_SELECTION_EVERYONE,
                                         NULL);
  else if (position - N_FIXED_SCOPES < self->person_ids->len)
    prospect_period_selection_set_scope (self->selection, PROSPECT_SELECTION_PERSON,
                                         g_ptr_array_index (self->person_ids, position - N_FIXED_SCOPES));
}

static void
step_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ProspectPeriodSelector *self = PROSPECT_PERIOD_SELECTOR (widget);

  if (self->selection != NULL)
    prospect_period_selection_step (self->selection, g_variant_get_int32 (parameter));
}

/* Adopts the selection of the window it was put in. */
static void
prospect_period_selector_root (GtkWidget *widget)
{
  ProspectPeriodSelector *self = PROSPECT_PERIOD_SELECTOR (widget);
  ProspectPeriodSelection *selection;

  GTK_WIDGET_CLASS (prospect_period_selector_parent_class)->root (widget);

  selection = prospect_period_selection_get_for_widget (widget);
  if (selection == self->selection)
    return;

  if (self->selection != NULL)
    g_clear_signal_handler (&self->selection_changed_id, self->selection);
  g_set_object (&self->selection, selection);
  self->selection_changed_id = g_signal_connect_swapped (selection, "changed",
                                                         G_CALLBACK (selection_changed_cb), self);
  selection_changed_cb (self);
}

static void
disconnect_database (ProspectPeriodSelector *self)
{
  if (self->database != NULL)
    g_clear_signal_handler (&self->person_changed_id, self->database);
  g_clear_object (&self->database);
}

static void
prospect_period_selector_dispose (GObject *object)
{
  ProspectPeriodSelector *self = PROSPECT_PERIOD_SELECTOR (object);
  GtkWidget *child;

  disconnect_database (self);
  if (self->selection != NULL)
    g_clear_signal_handler (&self->selection_changed_id, self->selection);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->person_ids, g_ptr_array_unref);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (prospect_period_selector_parent_class)->dispose (object);
}

static void
prospect_period_selector_class_init (ProspectPeriodSelectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = prospect_period_selector_dispose;
  widget_class->root = prospect_period_selector_root;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "period.step", "i", step_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "periodselector");
}

static GtkWidget *
new_step_button (const char *icon_name,
                 const char *tooltip,
                 int         step)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "period.step");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", step);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  return button;
}

static void
prospect_period_selector_init (ProspectPeriodSelector *self)
{
  const char *kind_names[] = { _("Month"), _("Quarter"), _("Fiscal Year"), _("Custom"), NULL };
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *period_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (widget);

  self->person_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  /* Narrow windows wrap the row: the period first, the scope under it */
  gtk_widget_add_css_class (period_box, "linked");
  self->kind_dropdown = gtk_drop_down_new_from_strings (kind_names);
  gtk_widget_set_tooltip_text (self->kind_dropdown, _("Period Length"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Period Length"), -1);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected",
                            G_CALLBACK (kind_selected_cb), self);
  self->previous_button = new_step_button ("go-previous-symbolic", _("Previous Period"), -1);
  self->next_button = new_step_button ("go-next-symbolic", _("Next Period"), 1);
  gtk_box_append (GTK_BOX (period_box), self->kind_dropdown);
  self->dates_button = new_dates_button (self);
  gtk_box_append (GTK_BOX (period_box), self->dates_button);
  gtk_box_append (GTK_BOX (period_box), self->previous_button);
  gtk_box_append (GTK_BOX (period_box), self->next_button);
  gtk_widget_set_parent (period_box, widget);

  self->period_label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->period_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (self->period_label), 0);
  gtk_widget_add_css_class (self->period_label, "heading");
  gtk_widget_set_parent (self->period_label, widget);

  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_widget_set_parent (spacer, widget);

  self->scope_dropdown = gtk_drop_down_new (NULL, NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->scope_dropdown), TRUE);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (self->scope_dropdown),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_widget_set_tooltip_text (self->scope_dropdown, _("Whose Figures"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scope_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Whose Figures"), -1);
  g_signal_connect_swapped (self->scope_dropdown, "notify::selected",
                            G_CALLBACK (scope_selected_cb), self);
  gtk_widget_set_parent (self->scope_dropdown, widget);

  load_people (self);
}

GtkWidget *
prospect_period_selector_new (void)
{
  return g_object_new (PROSPECT_TYPE_PERIOD_SELECTOR, NULL);
}

void
prospect_period_selector_set_database (ProspectPeriodSelector *self,
                                       ProspectDatabase       *database)
{
  g_return_if_fail (PROSPECT_IS_PERIOD_SELECTOR (self));

  if (self->database == database)
    return;

  disconnect_database (self);
  if (database != NULL)
    {
      self->database = g_object_ref (database);
      self->person_changed_id = g_signal_connect_swapped (database, "changed::person",
                                                          G_CALLBACK (person_changed_cb), self);
    }
  load_people (self);
}

ProspectPeriodSelection *
prospect_period_selector_get_selection (ProspectPeriodSelector *self)
{
  g_return_val_if_fail (PROSPECT_IS_PERIOD_SELECTOR (self), NULL);

  return self->selection;
}
