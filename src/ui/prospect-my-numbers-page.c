/* prospect-my-numbers-page.c - the rep's own figures next to the team
 * median, to help the rep: no ranking and no other person's figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-my-numbers-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "prospect-chart-format.h"
#include "prospect-chart-widget.h"
#include "prospect-my-numbers.h"
#include "prospect-person.h"

#include "prospect-my-numbers-page.h"

#define N_FIGURES (PROSPECT_MY_NUMBERS_ACTIVITIES + 1)
#define N_PERIODS 3

struct _ProspectMyNumbersPage
{
  ProspectPage         parent_instance;

  ProspectPeriodKind   period_kind;

  GtkWidget           *period_switcher;
  GtkToggleButton     *period_buttons[N_PERIODS];
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkLabel            *period_label;
  ProspectChartWidget *gauge;
  GtkLabel            *team_label;
  AdwActionRow        *rows[N_FIGURES];
  GtkLabel            *values[N_FIGURES];
  GtkLabel            *details[N_FIGURES];
  GtkWidget           *hints[N_FIGURES];
};

G_DEFINE_FINAL_TYPE (ProspectMyNumbersPage, prospect_my_numbers_page, PROSPECT_TYPE_PAGE)

/* One row's text: the value, a detail under it (may be NULL), the team
 * median (NULL without peers) and whether the rep is below it. */
typedef struct
{
  char     *value;
  char     *detail;
  char     *median;
  gboolean  below;
} RowText;

static void
row_text_clear (RowText *text)
{
  g_clear_pointer (&text->value, g_free);
  g_clear_pointer (&text->detail, g_free);
  g_clear_pointer (&text->median, g_free);
}

/* ------------------------------------------------------------- formatting */

static char *
format_money_median (gint64      median,
                     const char *currency)
{
  /* TRANSLATORS: shown instead of a team median nobody has */
  return median >= 0 ? prospect_chart_format_money (median, currency) : g_strdup (_("n/a"));
}

/* Half activities are possible with an even number of peers: "2.5". */
static char *
format_count_median (double median)
{
  if (!isfinite (median))
    return g_strdup (_("n/a"));
  if (median == floor (median))
    return prospect_chart_format_count ((gint64) median);

  return g_strdup_printf ("%'.1f", median);
}

static char *
format_deals (guint count)
{
  g_autofree char *number = prospect_chart_format_count (count);

  return g_strdup_printf (ngettext ("%s deal", "%s deals", count), number);
}

static void
figure_texts (const ProspectMyNumbers *numbers,
              RowText                  texts[N_FIGURES])
{
  const ProspectFigures *own = prospect_my_numbers_get_figures (numbers);
  const ProspectMyNumbersMedians *median = &numbers->median;
  const char *currency = numbers->report->currency;
  RowText *text;

  text = &texts[PROSPECT_MY_NUMBERS_WON];
  text->value = prospect_chart_format_money (own->won_value, currency);
  text->detail = format_deals (own->won_count);
  text->median = format_money_median (median->won_value, currency);

  text = &texts[PROSPECT_MY_NUMBERS_ATTAINMENT];
  if (own->target_value >= 0)
    {
      g_autofree char *target = prospect_chart_format_money (own->target_value, currency);

      text->value = prospect_chart_format_percent (own->attainment);
      /* TRANSLATORS: under the attainment, "of €100,000.00" */
      text->detail = g_strdup_printf (_("of %s"), target);
    }
  else
    text->value = g_strdup (_("No target"));
  text->median = prospect_chart_format_percent (median->attainment);

  text = &texts[PROSPECT_MY_NUMBERS_OPEN];
  text->value = prospect_chart_format_money (own->open_value, currency);
  text->detail = format_deals (own->open_count);
  text->median = format_money_median (median->open_value, currency);

  text = &texts[PROSPECT_MY_NUMBERS_WEIGHTED];
  text->value = prospect_chart_format_money (own->weighted_value, currency);
  text->median = format_money_median (median->weighted_value, currency);

  text = &texts[PROSPECT_MY_NUMBERS_WIN_RATE];
  text->value = prospect_chart_format_percent (own->win_rate);
  /* TRANSLATORS: under the win rate, "3 won of 10 closed" */
  text->detail = g_strdup_printf (ngettext ("%u won of %u closed", "%u won of %u closed",
                                            own->won_count + own->lost_count),
                                  own->won_count, own->won_count + own->lost_count);
  text->median = prospect_chart_format_percent (median->win_rate);

  text = &texts[PROSPECT_MY_NUMBERS_ACTIVITIES];
  text->value = prospect_chart_format_count (numbers->activities_this_week);
  text->median = format_count_median (median->activities_this_week);

  for (int figure = 0; figure < N_FIGURES; figure++)
    {
      texts[figure].below = prospect_my_numbers_is_below_median (numbers, figure);
      if (numbers->n_peers < 2)
        g_clear_pointer (&texts[figure].median, g_free);
    }
}

/* ------------------------------------------------------------------ rows */

static void
show_row (ProspectMyNumbersPage   *self,
          ProspectMyNumbersFigure  figure,
          const RowText           *text)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;
  const char *parts[5] = { NULL };
  guint n = 0;

  if (text->median != NULL)
    subtitle = g_strdup_printf (_("Team median: %s"), text->median);
  adw_action_row_set_subtitle (self->rows[figure], subtitle != NULL ? subtitle : "");
  gtk_label_set_text (self->values[figure], text->value);
  gtk_label_set_text (self->details[figure], text->detail != NULL ? text->detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details[figure]), text->detail != NULL);
  gtk_widget_set_visible (self->hints[figure], text->below);

  /* Everything the row shows, in reading order, for a screen reader */
  parts[n++] = text->value;
  if (text->detail != NULL)
    parts[n++] = text->detail;
  if (subtitle != NULL)
    parts[n++] = subtitle;
  if (text->below)
    parts[n++] = _("Below the team median");
  description = g_strjoinv (". ", (char **) parts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows[figure]),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static GtkWidget *
new_hint (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
  GtkWidget *label = gtk_label_new (_("below the team median"));

  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_widget_add_css_class (box, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
add_row (ProspectMyNumbersPage   *self,
         AdwPreferencesGroup     *group,
         ProspectMyNumbersFigure  figure,
         const char              *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (suffix, 6);
  gtk_widget_set_margin_bottom (suffix, 6);
  gtk_label_set_xalign (GTK_LABEL (value), 1);
  gtk_widget_add_css_class (value, "heading");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_xalign (GTK_LABEL (detail), 1);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "numeric");

  self->rows[figure] = ADW_ACTION_ROW (row);
  self->values[figure] = GTK_LABEL (value);
  self->details[figure] = GTK_LABEL (detail);
  self->hints[figure] = new_hint ();
  gtk_box_append (GTK_BOX (suffix), value);
  gtk_box_append (GTK_BOX (suffix), detail);
  gtk_box_append (GTK_BOX (suffix), self->hints[figure]);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_preferences_group_add (group, row);
}

/* --------------------------------------------------------------- showing */

static void
show_gauge (ProspectMyNumbersPage   *self,
            const ProspectMyNumbers *numbers)
{
  const ProspectReport *report = numbers->report;
  const ProspectFigures *own = &report->total;
  g_autoptr(ProspectGaugeData) data = prospect_gauge_data_new (_("Won to date"), report->currency);
  guint elapsed = prospect_period_get_elapsed_days (&report->period, &report->today);

  data->target = MAX (own->target_value, 0);
  data->won_to_date = own->won_to_date_value;
  data->expected_end = own->expected_end_value;
  data->previous_year_to_date = own->previous_year_to_date_value;
  data->elapsed_share = (double) elapsed / prospect_period_get_n_days (&report->period);
  prospect_chart_widget_set_gauge (self->gauge, data);
}

static void
show_period (ProspectMyNumbersPage   *self,
             const ProspectMyNumbers *numbers,
             const char              *period_label)
{
  const ProspectPeriod *period = &numbers->report->period;
  guint n_days = prospect_period_get_n_days (period);
  guint elapsed = prospect_period_get_elapsed_days (period, &numbers->report->today);
  g_autofree char *text = NULL;

  /* TRANSLATORS: "Q4 FY2026 · day 54 of 92" */
  text = g_strdup_printf (_("%s · day %u of %u"), period_label, elapsed, n_days);
  gtk_label_set_text (self->period_label, text);
}

static void
show_team (ProspectMyNumbersPage   *self,
           const ProspectMyNumbers *numbers)
{
  g_autofree char *text = NULL;

  if (numbers->n_peers < 2)
    text = g_strdup (_("No other rep reports to your manager, so there is no team median to compare with."));
  else
    text = g_strdup_printf (ngettext ("The team median is the middle value of the %u rep who reports to your manager, you included.",
                                      "The team median is the middle value of the %u reps who report to your manager, you included.",
                                      numbers->n_peers),
                            numbers->n_peers);
  gtk_label_set_text (self->team_label, text);
}

static void
show_numbers (ProspectMyNumbersPage   *self,
              const ProspectMyNumbers *numbers)
{
  g_autofree char *period_label = prospect_period_get_label (&numbers->report->period);
  RowText texts[N_FIGURES] = { { 0 } };

  show_period (self, numbers, period_label);
  show_gauge (self, numbers);
  show_team (self, numbers);
  figure_texts (numbers, texts);
  for (int figure = 0; figure < N_FIGURES; figure++)
    {
      show_row (self, figure, &texts[figure]);
      row_text_clear (&texts[figure]);
    }
  gtk_stack_set_visible_child_name (self->stack, "numbers");
}

static void
show_empty (ProspectMyNumbersPage *self,
            const char            *title,
            const char            *description,
            gboolean               can_switch)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_widget_set_visible (self->period_switcher, can_switch);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The "me" person when that is a rep; otherwise says why there is
 * nothing to show. */
static ProspectPerson *
load_rep (ProspectMyNumbersPage *self)
{
  ProspectDatabase *database = prospect_page_get_database (PROSPECT_PAGE (self));
  g_autofree char *me_id = prospect_database_get_me (database);
  g_autoptr(ProspectPerson) me = NULL;

  if (me_id == NULL || !(me = prospect_person_load (database, me_id, NULL)))
    {
      show_empty (self, _("No Numbers to Show"),
                  _("Choose who you are in Preferences to see your own numbers."), FALSE);
      return NULL;
    }

  if (g_strcmp0 (prospect_person_get_role (me), "rep") != 0)
    {
      show_empty (self, _("No Numbers to Show"),
                  _("My Numbers shows a sales rep’s own figures, and you are not set up as a rep. "
                    "Your team’s figures are in the Manager workspace."), FALSE);
      return NULL;
    }

  return g_steal_pointer (&me);
}

static void
prospect_my_numbers_page_refresh (ProspectPage *page)
{
  ProspectMyNumbersPage *self = PROSPECT_MY_NUMBERS_PAGE (page);
  ProspectDatabase *database = prospect_page_get_database (page);
  g_autoptr(ProspectPerson) me = NULL;
  g_autoptr(ProspectMyNumbers) numbers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *period_label = NULL;
  g_autofree char *description = NULL;
  ProspectPeriod period;
  gint64 started = g_get_monotonic_time ();

  if (database == NULL || !(me = load_rep (self)))
    return;

  prospect_period_init_today (&period, self->period_kind,
                              prospect_fiscal_start_month (database));
  numbers = prospect_my_numbers_compute (database, &period,
                                         prospect_record_get_id (PROSPECT_RECORD (me)), &error);
  g_debug ("Numbers computed in %.1f ms", (g_get_monotonic_time () - started) / 1000.0);
  if (numbers == NULL)
    {
      g_warning ("Could not compute your numbers: %s", error->message);
      show_empty (self, _("No Numbers to Show"), error->message, FALSE);
      return;
    }

  gtk_widget_set_visible (self->period_switcher, TRUE);
  if (!prospect_my_numbers_is_empty (numbers))
    {
      show_numbers (self, numbers);
      return;
    }

  period_label = prospect_period_get_label (&period);
  description = g_strdup_printf (_("Nothing won, lost or expected to close in %s yet, no target and "
                                   "no activity done this week. Your figures will appear here as you work."),
                                 period_label);
  show_empty (self, _("No Numbers Yet"), description, TRUE);
}

static void
map_cb (ProspectMyNumbersPage *self)
{
  /* "This week" and "to date" move on with the clock, not only with edits */
  prospect_page_queue_refresh (PROSPECT_PAGE (self));
}

static void
period_toggled_cb (GtkToggleButton       *button,
                   ProspectMyNumbersPage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  for (guint i = 0; i < N_PERIODS; i++)
    if (self->period_buttons[i] == button)
      self->period_kind = (ProspectPeriodKind) i;
  prospect_page_queue_refresh (PROSPECT_PAGE (self));
}

/* ----------------------------------------------------------------- build */

static char *
without_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  /* "_M" is M; "__" is one underscore */
  for (const char *c = label; *c != '\0'; c++)
    {
      if (*c == '_' && *++c == '\0')
        break;
      g_string_append_c (text, *c);
    }

  return g_string_free (text, FALSE);
}

static GtkWidget *
new_period_switcher (ProspectMyNumbersPage *self)
{
  static const char *labels[N_PERIODS] = {
    [PROSPECT_PERIOD_MONTH] = N_("_Month"),
    [PROSPECT_PERIOD_QUARTER] = N_("_Quarter"),
    [PROSPECT_PERIOD_YEAR] = N_("Fiscal _Year"),
  };
  static const char *tooltips[N_PERIODS] = {
    [PROSPECT_PERIOD_MONTH] = N_("This month"),
    [PROSPECT_PERIOD_QUARTER] = N_("This fiscal quarter"),
    [PROSPECT_PERIOD_YEAR] = N_("This fiscal year"),
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Period"),
                                  -1);
  for (guint i = 0; i < N_PERIODS; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_mnemonic (_(labels[i]));
      g_autofree char *name = without_mnemonic (_(labels[i]));

      /* GTK 4.8 names a button "This _Month This Month": its raw label,
       * then the label it is labelled by */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);

      gtk_widget_set_tooltip_text (button, _(tooltips[i]));
      self->period_buttons[i] = GTK_TOGGLE_BUTTON (button);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->period_buttons[0]);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_toggle_button_set_active (self->period_buttons[self->period_kind], TRUE);
  for (guint i = 0; i < N_PERIODS; i++)
    g_signal_connect (self->period_buttons[i], "toggled", G_CALLBACK (period_toggled_cb), self);

  return box;
}

static GtkWidget *
new_gauge_section (ProspectMyNumbersPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *card = gtk_frame_new (NULL);

  self->period_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->period_label, 0);
  gtk_label_set_wrap (self->period_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->period_label), "heading");

  self->gauge = PROSPECT_CHART_WIDGET (prospect_chart_widget_new ());
  prospect_chart_widget_set_title (self->gauge, _("Won against your target"));
  gtk_widget_set_size_request (GTK_WIDGET (self->gauge), -1, 96);
  gtk_widget_set_margin_start (GTK_WIDGET (self->gauge), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->gauge), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->gauge), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->gauge), 12);
  gtk_widget_add_css_class (card, "card");
  gtk_frame_set_child (GTK_FRAME (card), GTK_WIDGET (self->gauge));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->period_label));
  gtk_box_append (GTK_BOX (box), card);

  return box;
}

/* The heading labels the section, so that a screen reader (and the
 * first-run UI test) finds it by name. */
static GtkWidget *
new_figures_section (ProspectMyNumbersPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Your Numbers"));
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  self->team_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->team_label, 0);
  gtk_label_set_wrap (self->team_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->team_label), "dim-label");
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->team_label), 6);

  add_row (self, group, PROSPECT_MY_NUMBERS_WON, _("Won"));
  add_row (self, group, PROSPECT_MY_NUMBERS_ATTAINMENT, _("Target and attainment"));
  add_row (self, group, PROSPECT_MY_NUMBERS_OPEN, _("Open pipeline"));
  add_row (self, group, PROSPECT_MY_NUMBERS_WEIGHTED, _("Weighted pipeline"));
  add_row (self, group, PROSPECT_MY_NUMBERS_WIN_RATE, _("Win rate"));
  add_row (self, group, PROSPECT_MY_NUMBERS_ACTIVITIES, _("Activities done this week"));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->team_label, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->team_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (group));

  return box;
}

static GtkWidget *
new_numbers_view (ProspectMyNumbersPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), new_gauge_section (self));
  gtk_box_append (GTK_BOX (box), new_figures_section (self));

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);

  return scroller;
}

/* -------------------------------------------------------------- object */

static void
prospect_my_numbers_page_class_init (ProspectMyNumbersPageClass *klass)
{
  PROSPECT_PAGE_CLASS (klass)->refresh = prospect_my_numbers_page_refresh;
  /* person: the reporting line (who the peers are); setting: "me", the
   * fiscal year and the currency */
  prospect_page_class_watch_tables (PROSPECT_PAGE_CLASS (klass),
                                    "deal", "activity", "target", "person", "setting", NULL);
}

static void
prospect_my_numbers_page_init (ProspectMyNumbersPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  prospect_page_setup (PROSPECT_PAGE (self),
                       _("My Numbers"), "x-office-spreadsheet-symbolic",
                       _("Your Numbers"), NULL);

  self->period_kind = PROSPECT_PERIOD_QUARTER;
  self->period_switcher = new_period_switcher (self);
  gtk_widget_set_margin_top (self->period_switcher, 18);
  gtk_widget_set_margin_start (self->period_switcher, 12);
  gtk_widget_set_margin_end (self->period_switcher, 12);

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "x-office-spreadsheet-symbolic");
  gtk_widget_set_vexpand (GTK_WIDGET (self->empty_page), TRUE);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, new_numbers_view (self), "numbers");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");

  gtk_box_append (GTK_BOX (box), self->period_switcher);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), box);

  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}
