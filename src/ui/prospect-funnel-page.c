/* prospect-funnel-page.c - the Funnel page: where in the process deals
 * are lost, for the chosen period and scope, with the stage table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-funnel-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "prospect-analytics.h"
#include "prospect-chart-format.h"
#include "prospect-person.h"

#include "prospect-chart-widget.h"
#include "prospect-deal-list-window.h"
#include "prospect-funnel-page.h"
#include "prospect-period-selector.h"

/* One funnel of the chart: its scope and figures. */
typedef struct
{
  ProspectScope   scope;
  char           *person_id;
  char           *name;
  ProspectFunnel *funnel;
} Series;

struct _ProspectFunnelPage
{
  ProspectPage            parent_instance;


  ProspectPeriod          period;
  Series                  series[2];
  guint                   n_series;

  ProspectPeriodSelector *selector;
  ProspectChartWidget    *chart;
  GtkWidget              *by_value;
  GtkListBox             *stage_list;
};

G_DEFINE_FINAL_TYPE (ProspectFunnelPage, prospect_funnel_page, PROSPECT_TYPE_PAGE)

static void
series_clear (Series *series)
{
  g_clear_pointer (&series->person_id, g_free);
  g_clear_pointer (&series->name, g_free);
  g_clear_pointer (&series->funnel, prospect_funnel_free);
  series->scope.person_id = NULL;
}

/* ------------------------------------------------------------ the deals */

static void
open_deals (ProspectFunnelPage *self,
            guint               series_index,
            guint               step)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  Series *series = &self->series[series_index];
  const ProspectFunnelStep *funnel_step;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *period = prospect_period_get_label (&self->period);
  g_autofree char *title = NULL;
  ProspectDealListWindow *window;

  if (series_index >= self->n_series || step >= series->funnel->steps->len)
    return;

  funnel_step = &g_array_index (series->funnel->steps, ProspectFunnelStep, step);
  rows = prospect_funnel_list_deals (database, &self->period, &series->scope, step, &error);
  if (rows == NULL)
    {
      g_warning ("Could not list the deals: %s", error->message);
      return;
    }

  /* TRANSLATORS: the deals window's title: stage · period · whose funnel */
  title = g_strdup_printf (_("%s · %s · %s"), funnel_step->name, period, series->name);
  window = prospect_deal_list_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                          title, rows, series->funnel->currency);
  gtk_window_present (GTK_WINDOW (window));
}

static void
chart_activated_cb (ProspectFunnelPage *self,
                    guint               series,
                    int                 index)
{
  if (index >= 0)
    open_deals (self, series, index);
}

static void
stage_row_activated_cb (ProspectFunnelPage *self,
                        GtkListBoxRow      *row)
{
  open_deals (self, 0, gtk_list_box_row_get_index (row));
}

/* ---------------------------------------------------------------- chart */

static ProspectFunnelMode
mode (ProspectFunnelPage *self)
{
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->by_value))
    ? PROSPECT_FUNNEL_BY_VALUE : PROSPECT_FUNNEL_BY_COUNT;
}

static ProspectFunnelData *
chart_data (ProspectFunnelPage *self)
{
  ProspectFunnelData *data = prospect_funnel_data_new (mode (self), self->series[0].funnel->currency);

  for (guint i = 0; i < self->n_series; i++)
    {
      ProspectFunnel *funnel = self->series[i].funnel;
      ProspectFunnelSeries *series;

      series = prospect_funnel_data_add_series (data, self->n_series > 1 ? self->series[i].name : NULL);
      for (guint j = 0; j < funnel->steps->len; j++)
        {
          const ProspectFunnelStep *step = &g_array_index (funnel->steps, ProspectFunnelStep, j);

          prospect_funnel_series_add_stage (series, step->name, step->reached_count,
                                            step->reached_value, step->step_up_rate);
        }
    }

  return data;
}

static void
update_chart (ProspectFunnelPage *self)
{
  g_autoptr(ProspectFunnelData) data = NULL;
  g_autofree char *period = prospect_period_get_label (&self->period);
  g_autofree char *title = NULL;

  if (self->n_series == 0)
    return;

  data = chart_data (self);
  /* TRANSLATORS: the chart's name: whose funnel, the period */
  title = g_strdup_printf (_("Funnel · %s · %s"), self->series[0].name, period);
  prospect_chart_widget_set_funnel (self->chart, data);
  prospect_chart_widget_set_title (self->chart, title);
}

/* ---------------------------------------------------------- stage table */

static GtkWidget *
new_stage_row (const ProspectFunnel     *funnel,
               guint                     index,
               gboolean                  weakest)
{
  const ProspectFunnelStep *step = &g_array_index (funnel->steps, ProspectFunnelStep, index);
  g_autofree char *count = prospect_chart_format_count (step->reached_count);
  g_autofree char *value = prospect_chart_format_money (step->reached_value, funnel->currency);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) description = NULL;
  GtkWidget *rate;

  subtitle = g_strdup_printf (ngettext ("%s deal reached it · %s", "%s deals reached it · %s",
                                        step->reached_count),
                              count, value);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), step->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  description = g_string_new (subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (!isnan (step->step_up_rate) && index + 1 < funnel->steps->len)
    {
      g_autofree char *percent = prospect_chart_format_percent (step->step_up_rate);
      g_autofree char *text = NULL;
      const char *next = g_array_index (funnel->steps, ProspectFunnelStep, index + 1).name;

      /* TRANSLATORS: the step-up rate: "46% go on to Qualified" */
      text = g_strdup_printf (_("%s go on to %s"), percent, next);
      g_string_append_printf (description, ". %s", text);
      rate = gtk_label_new (text);
      /* In a narrow window the rate gives way, not the window */
      gtk_label_set_ellipsize (GTK_LABEL (rate), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (rate, "numeric");
      if (weakest)
        {
          GtkWidget *pill = gtk_label_new (_("Weakest step"));

          g_string_append_printf (description, ". %s", _("Weakest step"));

          gtk_widget_add_css_class (pill, "caption-heading");
          gtk_widget_add_css_class (pill, "error");
          gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
          gtk_widget_add_css_class (rate, "error");
        }
      gtk_widget_set_valign (rate, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), rate);
    }
  /* libadwaita 1.2 does not state the subtitle to screen readers */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
  /* Activating the row opens its deals */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static void
update_stage_list (ProspectFunnelPage *self)
{
  g_autoptr(ProspectFunnelData) data = chart_data (self);
  ProspectFunnel *funnel = self->series[0].funnel;
  int weakest = prospect_funnel_weakest_step (g_ptr_array_index (data->series, 0));
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->stage_list))) != NULL)
    gtk_list_box_remove (self->stage_list, row);

  for (guint i = 0; i < funnel->steps->len; i++)
    gtk_list_box_append (self->stage_list, new_stage_row (funnel, i, (int) i == weakest));
}

/* -------------------------------------------------------------- refresh */

static gboolean
compute_series (ProspectFunnelPage  *self,
                Series              *series,
                ProspectScopeKind    kind,
                const char          *person_id,
                const char          *name,
                GError             **error)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  series->person_id = g_strdup (person_id);
  series->scope.kind = kind;
  series->scope.person_id = series->person_id;
  series->name = g_strdup (name);
  series->funnel = prospect_funnel_compute (database, &self->period, &series->scope, error);

  return series->funnel != NULL;
}

/* The scope's name: "Team", "Everyone", or the person; for one person
 * also their manager's team, for the side-by-side funnel. */
static void
describe_scope (ProspectFunnelPage   *self,
                const ProspectScope  *scope,
                char                **name,
                char                **manager_id)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autoptr(ProspectPerson) person = NULL;

  *manager_id = NULL;
  if (scope->kind == PROSPECT_SCOPE_EVERYONE)
    *name = g_strdup (_("Everyone"));
  else if (scope->kind == PROSPECT_SCOPE_TEAM)
    *name = g_strdup (_("Team"));
  else if ((person = prospect_person_load (database, scope->person_id, NULL)) != NULL)
    {
      *name = g_strdup (prospect_person_get_name (person));
      *manager_id = g_strdup (prospect_person_get_manager_id (person));
    }
  else
    *name = g_strdup (_("Unknown Person"));
}

static void
prospect_funnel_page_refresh (ProspectPage *page)
{
  ProspectFunnelPage *self = PROSPECT_FUNNEL_PAGE (page);
  ProspectDatabase *database = prospect_page_get_database (page);
  ProspectPeriodSelection *selection = prospect_period_selector_get_selection (self->selector);
  g_autofree char *me_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *manager_id = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();
  ProspectScope scope;

  if (database == NULL || selection == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->series); i++)
    series_clear (&self->series[i]);
  self->n_series = 0;

  me_id = prospect_database_get_me (database);
  prospect_period_selection_get_period (selection, database, &self->period);
  prospect_period_selection_get_scope_for (selection, me_id, &scope);
  describe_scope (self, &scope, &name, &manager_id);

  if (!compute_series (self, &self->series[0], scope.kind, scope.person_id, name, &error) ||
      (manager_id != NULL &&
       !compute_series (self, &self->series[1], PROSPECT_SCOPE_TEAM, manager_id, _("Team"), &error)))
    {
      g_warning ("Could not compute the funnel: %s", error->message);
      return;
    }
  self->n_series = manager_id != NULL ? 2 : 1;

  update_chart (self);
  update_stage_list (self);

  g_debug ("Funnel computed and shown in %.1f ms", (g_get_monotonic_time () - started) / 1000.0);
}

static void
mode_toggled_cb (ProspectFunnelPage *self)
{
  update_chart (self);
}

static void
notify_database_cb (ProspectFunnelPage *self)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  prospect_period_selector_set_database (self->selector, database);
}

/* --------------------------------------------------------------- object */

static void
prospect_funnel_page_dispose (GObject *object)
{
  ProspectFunnelPage *self = PROSPECT_FUNNEL_PAGE (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->series); i++)
    series_clear (&self->series[i]);
  self->n_series = 0;

  G_OBJECT_CLASS (prospect_funnel_page_parent_class)->dispose (object);
}

static void
prospect_funnel_page_class_init (ProspectFunnelPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = prospect_funnel_page_dispose;

  PROSPECT_PAGE_CLASS (klass)->refresh = prospect_funnel_page_refresh;
  prospect_page_class_watch_tables (PROSPECT_PAGE_CLASS (klass), "deal", "stage", "person", NULL);

  g_type_ensure (PROSPECT_TYPE_CHART_WIDGET);
  g_type_ensure (PROSPECT_TYPE_PERIOD_SELECTOR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/prospect-funnel-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ProspectFunnelPage, selector);
  gtk_widget_class_bind_template_child (widget_class, ProspectFunnelPage, chart);
  gtk_widget_class_bind_template_child (widget_class, ProspectFunnelPage, by_value);
  gtk_widget_class_bind_template_child (widget_class, ProspectFunnelPage, stage_list);
  gtk_widget_class_bind_template_callback_full (widget_class, "queue_refresh",
                                                G_CALLBACK (prospect_page_queue_refresh));
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stage_row_activated_cb);
}

static void
prospect_funnel_page_init (ProspectFunnelPage *self)
{
  prospect_page_setup (PROSPECT_PAGE (self),
                       _("Funnel"), "view-sort-descending-symbolic",
                       _("Funnel"), NULL);
  /* The template replaces the base class's placeholder */
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::database", G_CALLBACK (notify_database_cb), NULL);
}
