/* prospect-coaching-view.c - what the Coaching and My Coaching pages and
 * the 1:1 sheet show in common: indicator texts, the funnels, plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-coaching-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "prospect-chart-format.h"

#include "prospect-coaching-view.h"

/* Recent shared notes on the sheet */
#define SHEET_NOTES 5

char *
prospect_coaching_format_value (ProspectIndicatorKind  kind,
                                double                 value,
                                const char            *currency)
{
  if (!isfinite (value))
    return g_strdup (_("n/a"));

  switch (kind)
    {
    case PROSPECT_INDICATOR_STEP_UP:
    case PROSPECT_INDICATOR_WIN_RATE:
      return prospect_chart_format_percent (value);

    case PROSPECT_INDICATOR_ACTIVITIES:
      return g_strdup_printf ("%'.1f", value);

    case PROSPECT_INDICATOR_DAYS_IN_STAGE:
      /* TRANSLATORS: average days in a stage, "4.5 days" */
      return g_strdup_printf (_("%'.1f days"), value);

    case PROSPECT_INDICATOR_DEAL_SIZE:
      return prospect_chart_format_money ((gint64) floor (value + 0.5), currency);

    case PROSPECT_INDICATOR_NEW_DEALS:
    default:
      return prospect_chart_format_count ((gint64) value);
    }
}

static ProspectIndicatorKind
kind_of_key (const char *key)
{
  static const struct { const char *prefix; ProspectIndicatorKind kind; } kinds[] = {
    { "step-up", PROSPECT_INDICATOR_STEP_UP },
    { "activities", PROSPECT_INDICATOR_ACTIVITIES },
    { "days-in-stage", PROSPECT_INDICATOR_DAYS_IN_STAGE },
    { "win-rate", PROSPECT_INDICATOR_WIN_RATE },
    { "deal-size", PROSPECT_INDICATOR_DEAL_SIZE },
  };

  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_has_prefix (key, kinds[i].prefix))
      return kinds[i].kind;

  return PROSPECT_INDICATOR_NEW_DEALS;
}

char *
prospect_coaching_format_key_value (const char *key,
                                    double      value,
                                    const char *currency)
{
  return prospect_coaching_format_value (kind_of_key (key), value, currency);
}

char *
prospect_coaching_format_day (const char *iso)
{
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (iso == NULL || !prospect_date_from_iso (&date, iso))
    return g_strdup (iso != NULL ? iso : "");

  day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                               g_date_get_day (&date), 0, 0, 0);
  /* TRANSLATORS: a day, see g_date_time_format(): "20 Nov 2026" */
  return g_date_time_format (day, _("%-d %b %Y"));
}

char *
prospect_coaching_window_label (const ProspectCoachingIndicators *indicators)
{
  g_autofree char *start_iso = prospect_date_to_iso (&indicators->start);
  g_autofree char *end_iso = prospect_date_to_iso (&indicators->end);
  g_autofree char *start = prospect_coaching_format_day (start_iso);
  g_autofree char *end = prospect_coaching_format_day (end_iso);

  /* TRANSLATORS: "Last 90 days · 28 Aug 2026 – 25 Nov 2026" */
  return g_strdup_printf (_("Last %u days · %s – %s"), PROSPECT_COACHING_WINDOW_DAYS, start, end);
}

static GtkWidget *
grid_label (const char *text,
            float       xalign,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), xalign == 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

void
prospect_coaching_fill_grid (GtkGrid                          *grid,
                             const ProspectCoachingIndicators *indicators)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))))
    gtk_grid_remove (grid, child);

  gtk_grid_attach (grid, grid_label (_("Indicator"), 0, "heading"), 0, 0, 2, 1);
  gtk_grid_attach (grid, grid_label (_("Rep"), 1, "heading"), 2, 0, 1, 1);
  gtk_grid_attach (grid, grid_label (_("Team"), 1, "heading"), 3, 0, 1, 1);

  for (guint i = 0; i < indicators->indicators->len; i++)
    {
      const ProspectIndicator *indicator = &g_array_index (indicators->indicators, ProspectIndicator, i);
      g_autofree char *value = prospect_coaching_format_value (indicator->kind, indicator->value,
                                                               indicators->currency);
      g_autofree char *median = prospect_coaching_format_value (indicator->kind, indicator->median,
                                                                indicators->currency);
      g_autofree char *description = NULL;
      GtkWidget *name = grid_label (indicator->label, 0, NULL);
      GtkWidget *own = grid_label (value, 1, "numeric");
      GtkWidget *team = grid_label (median, 1, "numeric");
      GtkWidget *mark = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_add_css_class (team, "dim-label");
      gtk_widget_set_visible (mark, indicator->marked);
      gtk_widget_set_tooltip_text (mark, _("One of the largest gaps to the team median"));
      if (indicator->marked)
        {
          gtk_widget_add_css_class (name, "error");
          gtk_widget_add_css_class (own, "error");
        }

      /* TRANSLATORS: read out for one indicator row, "Win rate: 25%, team 38%" */
      description = g_strdup_printf (_("%s: %s, team %s%s"), indicator->label, value, median,
                                     indicator->marked ? _(", a large gap") : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (name),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);

      gtk_grid_attach (grid, mark, 0, i + 1, 1, 1);
      gtk_grid_attach (grid, name, 1, i + 1, 1, 1);
      gtk_grid_attach (grid, own, 2, i + 1, 1, 1);
      gtk_grid_attach (grid, team, 3, i + 1, 1, 1);
    }
}

static void
add_series (ProspectFunnelData   *data,
            const ProspectFunnel *funnel,
            const char           *name)
{
  ProspectFunnelSeries *series = prospect_funnel_data_add_series (data, name);

  for (guint i = 0; i < funnel->steps->len; i++)
    {
      const ProspectFunnelStep *step = &g_array_index (funnel->steps, ProspectFunnelStep, i);

      prospect_funnel_series_add_stage (series, step->name, step->reached_count,
                                        step->reached_value, step->step_up_rate);
    }
}

ProspectFunnelData *
prospect_coaching_funnel_data (const ProspectCoachingIndicators *indicators,
                               const char                       *rep_name)
{
  ProspectFunnelData *data = prospect_funnel_data_new (PROSPECT_FUNNEL_BY_COUNT, indicators->currency);

  add_series (data, indicators->funnel, indicators->team_funnel != NULL ? rep_name : NULL);
  if (indicators->team_funnel != NULL)
    add_series (data, indicators->team_funnel, _("Team"));

  return data;
}

const char *
prospect_coaching_status_label (const char *status)
{
  if (g_strcmp0 (status, "planned") == 0)
    return _("Planned");
  if (g_strcmp0 (status, "reviewed") == 0)
    return _("Reviewed");

  return _("Active");
}

char *
prospect_coaching_plan_summary (ProspectDatabase     *db,
                                ProspectCoachingPlan *plan,
                                const char           *currency)
{
  const char *key = prospect_coaching_plan_get_indicator (plan);
  g_autofree char *starts = prospect_coaching_format_day (prospect_coaching_plan_get_starts_on (plan));
  g_autofree char *ends = prospect_coaching_format_day (prospect_coaching_plan_get_ends_on (plan));
  g_autofree char *baseline = prospect_coaching_format_key_value (key, prospect_coaching_plan_get_baseline_value (plan), currency);
  g_autofree char *target = prospect_coaching_format_key_value (key, prospect_coaching_plan_get_target_value (plan), currency);
  GString *text = g_string_new (prospect_coaching_status_label (prospect_coaching_plan_get_status (plan)));

  /* TRANSLATORS: " · 25 Nov 2026 – 25 Dec 2026 · baseline 25%, target 60%" */
  g_string_append_printf (text, _(" · %s – %s · baseline %s, target %s"), starts, ends, baseline, target);
  if (g_strcmp0 (prospect_coaching_plan_get_status (plan), "reviewed") == 0)
    {
      g_autofree char *now = prospect_coaching_format_key_value (key, prospect_coaching_plan_get_reviewed_value (plan),
                                                                 currency);

      /* TRANSLATORS: the value measured when the plan was reviewed */
      g_string_append_printf (text, _(", at review %s"), now);
    }

  return g_string_free (text, FALSE);
}

char *
prospect_coaching_person_name (ProspectDatabase *db,
                               const char       *person_id)
{
  g_autoptr(ProspectPerson) person = NULL;

  if (person_id != NULL && (person = prospect_person_load (db, person_id, NULL)))
    return g_strdup (prospect_person_get_name (person));

  return g_strdup (_("Someone"));
}

static void
add_sheet_plans (ProspectOneOnOneSheet *sheet,
                 ProspectDatabase      *db,
                 GPtrArray             *plans,
                 const char            *currency)
{
  for (guint i = 0; i < plans->len; i++)
    {
      ProspectCoachingPlan *plan = g_ptr_array_index (plans, i);
      g_autofree char *summary = NULL;
      const char *text = prospect_coaching_plan_get_plan (plan);

      if (g_strcmp0 (prospect_coaching_plan_get_status (plan), "reviewed") == 0)
        continue;

      summary = prospect_coaching_plan_summary (db, plan, currency);
      g_ptr_array_add (sheet->plans, g_strdup_printf ("%s — %s%s%s", prospect_coaching_plan_get_skill (plan),
                                                      summary, text != NULL && *text ? "\n" : "",
                                                      text != NULL ? text : ""));
    }
}

ProspectOneOnOneSheet *
prospect_coaching_sheet_new (ProspectDatabase                 *db,
                             const ProspectCoachingIndicators *indicators,
                             const ProspectDiagnosis          *diagnosis,
                             const char                       *rep_name,
                             GPtrArray                        *plans,
                             GPtrArray                        *notes)
{
  g_autofree char *title = g_strdup_printf (_("1:1 · %s"), rep_name);
  g_autofree char *window = prospect_coaching_window_label (indicators);
  g_autofree char *manager = prospect_coaching_person_name (db, indicators->manager_id);
  g_autofree char *subtitle = indicators->manager_id != NULL
    /* TRANSLATORS: under the sheet's title: the window, then the manager */
    ? g_strdup_printf (_("%s · team of %s"), window, manager) : g_strdup (window);
  ProspectOneOnOneSheet *sheet = prospect_one_on_one_sheet_new (title, subtitle);
  guint shown = 0;

  for (guint i = 0; i < indicators->indicators->len; i++)
    {
      const ProspectIndicator *indicator = &g_array_index (indicators->indicators, ProspectIndicator, i);
      g_autofree char *value = prospect_coaching_format_value (indicator->kind, indicator->value, indicators->currency);
      g_autofree char *median = prospect_coaching_format_value (indicator->kind, indicator->median, indicators->currency);

      prospect_one_on_one_sheet_add_indicator (sheet, indicator->label, value, median, indicator->marked);
    }

  sheet->funnel = prospect_coaching_funnel_data (indicators, rep_name);
  if (diagnosis != NULL)
    sheet->diagnosis = diagnosis->status == PROSPECT_DIAGNOSIS_FOUND
      ? g_strdup_printf (_("Work on %s.\n%s"), diagnosis->skill, diagnosis->evidence)
      : g_strdup (diagnosis->evidence);
  add_sheet_plans (sheet, db, plans, indicators->currency);

  for (guint i = 0; i < notes->len && shown < SHEET_NOTES; i++)
    {
      ProspectCoachingNote *note = g_ptr_array_index (notes, i);
      g_autofree char *day = NULL;

      if (!prospect_coaching_note_get_shared (note))
        continue;
      day = prospect_coaching_format_day (prospect_coaching_note_get_held_on (note));
      g_ptr_array_add (sheet->notes, g_strdup_printf ("%s — %s", day, prospect_coaching_note_get_body (note)));
      shown++;
    }

  return sheet;
}

GtkWidget *
prospect_coaching_note_row_new (ProspectDatabase     *db,
                                ProspectCoachingNote *note)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *day = prospect_coaching_format_day (prospect_coaching_note_get_held_on (note));
  g_autofree char *author = prospect_coaching_person_name (db, prospect_coaching_note_get_author_id (note));
  g_autofree char *subtitle = NULL;
  g_autofree char *body = g_markup_escape_text (prospect_coaching_note_get_body (note), -1);

  /* TRANSLATORS: under a 1:1 note: "20 Nov 2026 · Max Weber · Private" */
  subtitle = g_strdup_printf (_("%s · %s · %s"), day, author,
                              prospect_coaching_note_get_shared (note) ? _("Shared") : _("Private"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), body);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (!prospect_coaching_note_get_shared (note))
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("changes-prevent-symbolic"));

  return row;
}

GtkWidget *
prospect_coaching_button_new (const char *mnemonic_label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic_label);
  g_autofree char *name = NULL;
  GString *text = g_string_new (NULL);

  /* "_E" is E; "__" is one underscore */
  for (const char *c = mnemonic_label; *c != '\0'; c++)
    {
      if (*c == '_' && *++c == '\0')
        break;
      g_string_append_c (text, *c);
    }
  name = g_string_free (text, FALSE);

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  return button;
}

GtkWidget *
prospect_coaching_section_new (const char *title,
                               GtkWidget  *child)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), child);

  return box;
}

GtkListBox *
prospect_coaching_boxed_list_new (const char *name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  return GTK_LIST_BOX (list);
}
