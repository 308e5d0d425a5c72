/* prospect-team-page.c - the Team page: a target gauge for the team and
 * one per rep (a director: per manager's team) for the chosen period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-team-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "prospect-analytics.h"
#include "prospect-person.h"

#include "prospect-chart-widget.h"
#include "prospect-deal-list-window.h"
#include "prospect-period-selector.h"
#include "prospect-team-page.h"

struct _ProspectTeamPage
{
  ProspectPage            parent_instance;

  gboolean                by_name;

  ProspectReport         *report;
  ProspectMonthlyWon     *monthly;
  GPtrArray              *members;   /* ProspectFigures * into report, in card order */
  ProspectPeriod          period;
  ProspectScope           scope;
  char                   *scope_person_id;
  char                   *scope_title;

  ProspectPeriodSelector *selector;
  GtkStack               *stack;
  AdwStatusPage          *empty_page;
  ProspectChartWidget    *team_gauge;
  GtkLabel               *members_heading;
  GtkFlowBox             *flow;
  GtkWidget              *sort_attainment;
  ProspectChartWidget    *months_chart;
  ProspectChartWidget    *people_chart;
};

G_DEFINE_FINAL_TYPE (ProspectTeamPage, prospect_team_page, PROSPECT_TYPE_PAGE)

#define FIGURES_KEY "prospect-figures"

/* The width a person's pair of bars needs for their name under it */
#define PERSON_BAR_WIDTH 96

/* ---------------------------------------------------------------- gauges */

static ProspectGaugeData *
gauge_data (const ProspectReport  *report,
            const ProspectFigures *figures,
            const char            *title)
{
  ProspectGaugeData *data = prospect_gauge_data_new (title, report->currency);
  guint n_days = prospect_period_get_n_days (&report->period);

  data->target = MAX (figures->target_value, 0);
  data->won_to_date = figures->won_to_date_value;
  data->expected_end = figures->expected_end_value;
  data->previous_year_to_date = figures->previous_year_to_date_value;
  data->elapsed_share = n_days > 0
    ? (double) prospect_period_get_elapsed_days (&report->period, &report->today) / n_days
    : 0.0;

  return data;
}

static void
set_gauge (ProspectChartWidget   *chart,
           const ProspectReport  *report,
           const ProspectFigures *figures,
           const char            *title)
{
  g_autoptr(ProspectGaugeData) data = gauge_data (report, figures, title);

  prospect_chart_widget_set_gauge (chart, data);
  prospect_chart_widget_set_title (chart, title);
}

/* ------------------------------------------------------------ the deals */

static void
open_deals_in (ProspectTeamPage     *self,
               const ProspectPeriod *in,
               const ProspectScope  *scope,
               const char           *who)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *period = prospect_period_get_label (in);
  g_autofree char *title = NULL;
  ProspectDealListWindow *window;

  rows = prospect_report_list_deals (database, in, scope, &error);
  if (rows == NULL)
    {
      g_warning ("Could not list the deals: %s", error->message);
      return;
    }

  /* TRANSLATORS: the deals window's title: whose deals · the period */
  title = g_strdup_printf (_("%s · %s"), who, period);
  window = prospect_deal_list_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                          title, rows, self->report->currency);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_deals (ProspectTeamPage    *self,
            const ProspectScope *scope,
            const char          *who)
{
  open_deals_in (self, &self->period, scope, who);
}

static void
team_gauge_activated_cb (ProspectTeamPage *self)
{
  if (self->report != NULL)
    open_deals (self, &self->scope, self->scope_title);
}

static void
member_gauge_activated_cb (ProspectChartWidget *chart,
                           guint                series,
                           int                  index,
                           ProspectTeamPage    *self)
{
  const ProspectFigures *figures = g_object_get_data (G_OBJECT (chart), FIGURES_KEY);
  ProspectScope scope = { PROSPECT_SCOPE_PERSON, figures->key };

  /* A director's cards are managers' teams */
  if (self->report->grouping == PROSPECT_GROUP_MANAGER)
    scope.kind = PROSPECT_SCOPE_TEAM;
  open_deals (self, &scope, figures->label);
}

/* A bar of a month opens the deals won in that month (series 1: the same
 * month of the year before). */
static void
months_chart_activated_cb (ProspectTeamPage *self,
                           guint             series,
                           int               index)
{
  ProspectPeriod month;
  GDate first;

  if (self->monthly == NULL || index < 0 || index >= 12)
    return;

  first = self->monthly->year.start;
  g_date_add_months (&first, (guint) index);
  if (series == 1)
    g_date_subtract_months (&first, 12);
  prospect_period_init (&month, PROSPECT_PERIOD_MONTH, &first, self->period.fiscal_start_month);
  open_deals_in (self, &month, &self->scope, self->scope_title);
}

static void
people_chart_activated_cb (ProspectTeamPage *self,
                           guint             series,
                           int               index)
{
  const ProspectFigures *figures;
  ProspectScope scope = { PROSPECT_SCOPE_PERSON, NULL };

  if (self->members == NULL || index < 0 || (guint) index >= self->members->len)
    return;

  figures = g_ptr_array_index (self->members, index);
  scope.person_id = figures->key;
  if (self->report->grouping == PROSPECT_GROUP_MANAGER)
    scope.kind = PROSPECT_SCOPE_TEAM;
  open_deals (self, &scope, figures->label);
}

/* ----------------------------------------------------------------- bars */

/* This fiscal year's won value per month beside the year before's. */
static void
fill_months_chart (ProspectTeamPage *self)
{
  g_autoptr(ProspectBarData) data = NULL;
  g_autofree char *this_year = NULL;
  g_autofree char *last_year = NULL;
  ProspectPeriod previous;
  GDate month;

  this_year = prospect_period_get_label (&self->monthly->year);
  prospect_period_previous (&self->monthly->year, &previous);
  last_year = prospect_period_get_label (&previous);
  data = prospect_bar_data_new (PROSPECT_BAR_UNIT_MONEY, self->monthly->currency,
                                this_year, last_year);

  month = self->monthly->year.start;
  for (guint i = 0; i < 12; i++)
    {
      char name[64];

      /* TRANSLATORS: a month under a bar of the chart, strftime format */
      g_date_strftime (name, sizeof name, C_("bar chart month", "%b"), &month);
      prospect_bar_data_add (data, name, self->monthly->won_value[i],
                             self->monthly->previous_won_value[i]);
      g_date_add_months (&month, 1);
    }

  prospect_chart_widget_set_bars (self->months_chart, data);
  prospect_chart_widget_set_title (self->months_chart, _("Won by Month"));
}

/* Each person's won value in the period beside the same span of the year
 * before, in the order of the cards. */
static void
fill_people_chart (ProspectTeamPage *self)
{
  g_autoptr(ProspectBarData) data = NULL;

  data = prospect_bar_data_new (PROSPECT_BAR_UNIT_MONEY, self->report->currency,
                                _("Won"), _("Same Time Last Year"));
  for (guint i = 0; i < self->members->len; i++)
    {
      const ProspectFigures *figures = g_ptr_array_index (self->members, i);

      prospect_bar_data_add (data, figures->label, figures->won_value,
                             figures->previous_year_to_date_value);
    }

  prospect_chart_widget_set_bars (self->people_chart, data);
  prospect_chart_widget_set_title (self->people_chart, _("Won per Person"));
  /* Room for a name under each pair of bars; more people scroll */
  gtk_widget_set_size_request (GTK_WIDGET (self->people_chart),
                               self->members->len > 8 ? (int) self->members->len * PERSON_BAR_WIDTH : -1,
                               -1);
}

/* ---------------------------------------------------------------- cards */

/* The card's footer: the rep's overdue activities, dimmed when none. */
static GtkWidget *
new_overdue_footer (ProspectTeamPage *self,
                    const char       *person_id)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autoptr(GError) error = NULL;
  gint64 overdue = prospect_count_overdue_activities (database, person_id, &error);
  g_autofree char *text = NULL;
  GtkWidget *footer, *label;

  if (overdue < 0)
    {
      g_warning ("Could not count overdue activities: %s", error->message);
      return NULL;
    }

  if (overdue == 0)
    text = g_strdup (_("No overdue activities"));
  else
    text = g_strdup_printf (ngettext ("%'d overdue activity", "%'d overdue activities", overdue),
                            (int) overdue);

  footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (footer, "caption");
  gtk_widget_add_css_class (footer, overdue == 0 ? "dim-label" : "warning");
  gtk_widget_set_margin_start (footer, 12);
  gtk_widget_set_margin_end (footer, 12);
  gtk_widget_set_margin_bottom (footer, 10);
  gtk_box_append (GTK_BOX (footer), gtk_image_new_from_icon_name ("alarm-symbolic"));
  gtk_box_append (GTK_BOX (footer), label);

  return footer;
}

static GtkWidget *
new_card (ProspectTeamPage      *self,
          const ProspectFigures *figures)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *chart = prospect_chart_widget_new ();
  GtkWidget *footer;

  gtk_widget_add_css_class (card, "card");
  set_gauge (PROSPECT_CHART_WIDGET (chart), self->report, figures, figures->label);
  g_object_set_data (G_OBJECT (chart), FIGURES_KEY, (gpointer) figures);
  g_signal_connect (chart, "activated", G_CALLBACK (member_gauge_activated_cb), self);
  gtk_widget_set_margin_top (chart, 6);
  gtk_widget_set_margin_start (chart, 6);
  gtk_widget_set_margin_end (chart, 6);
  gtk_box_append (GTK_BOX (card), chart);

  /* Overdue work is the rep's own: a director's manager cards have none */
  if (self->report->grouping == PROSPECT_GROUP_REP &&
      (footer = new_overdue_footer (self, figures->key)) != NULL)
    gtk_box_append (GTK_BOX (card), footer);
  else
    gtk_widget_set_margin_bottom (chart, 6);

  return card;
}

/* Highest attainment first; no target last; then by name. */
static int
compare_figures (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const ProspectFigures *x = *(const ProspectFigures * const *) a;
  const ProspectFigures *y = *(const ProspectFigures * const *) b;
  gboolean by_name = GPOINTER_TO_INT (user_data);

  if (!by_name && isnan (x->attainment) != isnan (y->attainment))
    return isnan (x->attainment) ? 1 : -1;
  if (!by_name && !isnan (x->attainment) && x->attainment != y->attainment)
    return x->attainment > y->attainment ? -1 : 1;

  return g_utf8_collate (x->label != NULL ? x->label : "", y->label != NULL ? y->label : "");
}

/* The cards point into the report: they go before it does. */
static void
clear_cards (ProspectTeamPage *self)
{
  GtkWidget *child;

  g_clear_pointer (&self->members, g_ptr_array_unref);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow))) != NULL)
    gtk_flow_box_remove (self->flow, child);
}

static void
fill_cards (ProspectTeamPage *self)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  GPtrArray *members;
  GtkWidget *child;
  g_autofree char *me_id = prospect_database_get_me (database);

  clear_cards (self);
  members = self->members = g_ptr_array_new ();

  for (guint i = 0; i < self->report->rows->len; i++)
    {
      ProspectFigures *figures = &g_array_index (self->report->rows, ProspectFigures, i);

      /* Unowned deals have no rep to open; a manager's own deals group
       * under their director */
      if (figures->key == NULL || g_strcmp0 (figures->key, me_id) == 0)
        continue;
      g_ptr_array_add (members, figures);
    }
  g_ptr_array_sort_with_data (members, compare_figures, GINT_TO_POINTER (self->by_name));

  for (guint i = 0; i < members->len; i++)
    {
      gtk_flow_box_append (self->flow, new_card (self, g_ptr_array_index (members, i)));
      child = GTK_WIDGET (gtk_flow_box_get_child_at_index (self->flow, i));
      /* The gauge inside takes the focus and Enter */
      gtk_widget_set_focusable (child, FALSE);
    }

  fill_people_chart (self);
}

/* -------------------------------------------------------------- refresh */

static char *
scope_title (ProspectTeamPage *self)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autoptr(ProspectPerson) person = NULL;

  if (self->scope.kind == PROSPECT_SCOPE_EVERYONE)
    return g_strdup (_("Everyone"));
  if (self->scope.kind == PROSPECT_SCOPE_TEAM)
    return g_strdup (_("Team"));
  if ((person = prospect_person_load (database, self->scope.person_id, NULL)) != NULL)
    return g_strdup (prospect_person_get_name (person));

  return g_strdup (_("Unknown Person"));
}

static ProspectGrouping
grouping_for (ProspectTeamPage *self,
              const char       *me_id)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autoptr(ProspectPerson) me = NULL;

  if (self->scope.kind == PROSPECT_SCOPE_TEAM && me_id != NULL &&
      (me = prospect_person_load (database, me_id, NULL)) != NULL &&
      g_strcmp0 (prospect_person_get_role (me), "director") == 0)
    return PROSPECT_GROUP_MANAGER;

  return PROSPECT_GROUP_REP;
}

static void
show_empty (ProspectTeamPage *self,
            const char       *title,
            const char       *description)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static gboolean
has_members (ProspectTeamPage *self)
{
  for (guint i = 0; i < self->report->rows->len; i++)
    if (g_array_index (self->report->rows, ProspectFigures, i).key != NULL)
      return TRUE;

  return FALSE;
}

static void
prospect_team_page_refresh (ProspectPage *page)
{
  ProspectTeamPage *self = PROSPECT_TEAM_PAGE (page);
  ProspectDatabase *database = prospect_page_get_database (page);
  ProspectPeriodSelection *selection = prospect_period_selector_get_selection (self->selector);
  g_autofree char *me_id = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();

  if (database == NULL || selection == NULL)
    return;

  me_id = prospect_database_get_me (database);
  prospect_period_selection_get_period (selection, database, &self->period);
  prospect_period_selection_get_scope_for (selection, me_id, &self->scope);
  g_free (self->scope_person_id);
  self->scope.person_id = self->scope_person_id = g_strdup (self->scope.person_id);
  g_free (self->scope_title);
  self->scope_title = scope_title (self);

  clear_cards (self);
  g_clear_pointer (&self->report, prospect_report_free);
  self->report = prospect_report_compute (database, &self->period, &self->scope,
                                          grouping_for (self, me_id), &error);
  g_clear_pointer (&self->monthly, prospect_monthly_won_free);
  if (self->report != NULL)
    self->monthly = prospect_monthly_won_compute (database, &self->period, &self->scope, &error);
  if (self->report == NULL || self->monthly == NULL)
    {
      show_empty (self, _("Could Not Compute the Figures"), error->message);
      return;
    }

  if (!has_members (self) && self->scope.kind == PROSPECT_SCOPE_TEAM)
    {
      show_empty (self, _("No Team Yet"),
                  _("Nobody reports to you. Choose Everyone or a person above to see their figures."));
      return;
    }

  set_gauge (self->team_gauge, self->report, &self->report->total, self->scope_title);
  gtk_label_set_text (self->members_heading,
                      self->report->grouping == PROSPECT_GROUP_MANAGER ? _("Managers’ Teams") : _("Reps"));
  fill_cards (self);
  fill_months_chart (self);
  gtk_stack_set_visible_child_name (self->stack, "figures");

  g_debug ("Team figures computed and shown in %.1f ms",
           (g_get_monotonic_time () - started) / 1000.0);
}

static void
sort_toggled_cb (ProspectTeamPage *self)
{
  gboolean by_name = !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->sort_attainment));

  if (by_name == self->by_name)
    return;

  self->by_name = by_name;
  if (self->report != NULL)
    fill_cards (self);
}

static void
notify_database_cb (ProspectTeamPage *self)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  prospect_period_selector_set_database (self->selector, database);
}

/* --------------------------------------------------------------- object */

static void
prospect_team_page_dispose (GObject *object)
{
  ProspectTeamPage *self = PROSPECT_TEAM_PAGE (object);

  if (self->flow != NULL)
    clear_cards (self);
  g_clear_pointer (&self->report, prospect_report_free);
  g_clear_pointer (&self->monthly, prospect_monthly_won_free);
  g_clear_pointer (&self->scope_person_id, g_free);
  g_clear_pointer (&self->scope_title, g_free);

  G_OBJECT_CLASS (prospect_team_page_parent_class)->dispose (object);
}

static void
prospect_team_page_class_init (ProspectTeamPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = prospect_team_page_dispose;

  PROSPECT_PAGE_CLASS (klass)->refresh = prospect_team_page_refresh;
  prospect_page_class_watch_tables (PROSPECT_PAGE_CLASS (klass),
                                    "deal", "activity", "target", "person", NULL);

  g_type_ensure (PROSPECT_TYPE_CHART_WIDGET);
  g_type_ensure (PROSPECT_TYPE_PERIOD_SELECTOR);
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               RESOURCE_PREFIX "/ui/prospect-team-page.ui");
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), ProspectTeamPage, selector);
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), ProspectTeamPage, stack);
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), ProspectTeamPage, empty_page);
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), ProspectTeamPage, team_gauge);
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), ProspectTeamPage, members_heading);
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), ProspectTeamPage, flow);
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), ProspectTeamPage, sort_attainment);
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), ProspectTeamPage, months_chart);
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), ProspectTeamPage, people_chart);
  gtk_widget_class_bind_template_callback_full (GTK_WIDGET_CLASS (klass), "queue_refresh",
                                                G_CALLBACK (prospect_page_queue_refresh));
  gtk_widget_class_bind_template_callback (GTK_WIDGET_CLASS (klass), sort_toggled_cb);
  gtk_widget_class_bind_template_callback (GTK_WIDGET_CLASS (klass), team_gauge_activated_cb);
  gtk_widget_class_bind_template_callback (GTK_WIDGET_CLASS (klass), months_chart_activated_cb);
  gtk_widget_class_bind_template_callback (GTK_WIDGET_CLASS (klass), people_chart_activated_cb);
}

static void
prospect_team_page_init (ProspectTeamPage *self)
{
  prospect_page_setup (PROSPECT_PAGE (self),
                       _("Team"), "system-users-symbolic",
                       _("Your Team"), NULL);
  /* The template replaces the base class's placeholder */
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::database", G_CALLBACK (notify_database_cb), NULL);
}
