/* chart-gallery.c - the three chart widgets with fixed sample figures in
 * one window: for looking at them (light, dark, high contrast) and for
 * the UI test that reads them over AT-SPI. Not installed.
 *
 *   chart-gallery [--export DIR]
 *
 * --export writes every chart, as drawn on screen, to DIR as PNG and PDF
 * once the window is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "prospect-chart-widget.h"

typedef struct
{
  GtkLabel           *activated_label;
  GPtrArray          *charts;
  char               *export_dir;
  ProspectFunnelData *funnel;
} Gallery;

static ProspectFunnelData *
sample_funnel (ProspectFunnelMode mode)
{
  static const char *stages[] = { "Lead", "Qualified", "Proposal", "Negotiation", "Won" };
  static const gint64 rep_counts[] = { 60, 42, 20, 12, 8 };
  static const double rep_rates[] = { 0.70, 0.48, 0.60, 0.67, NAN };
  static const gint64 team_counts[] = { 240, 150, 90, 40, 25 };
  static const double team_rates[] = { 0.625, 0.60, 0.44, 0.625, NAN };
  ProspectFunnelData *data = prospect_funnel_data_new (mode, "EUR");
  ProspectFunnelSeries *rep = prospect_funnel_data_add_series (data, "Ana Novak");
  ProspectFunnelSeries *team = prospect_funnel_data_add_series (data, "Team");

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      /* Deals grow on the way: later stages are worth more per deal. */
      prospect_funnel_series_add_stage (rep, stages[i], rep_counts[i],
                                        rep_counts[i] * (1500000 + 250000 * i), rep_rates[i]);
      prospect_funnel_series_add_stage (team, stages[i], team_counts[i],
                                        team_counts[i] * (1400000 + 200000 * i), team_rates[i]);
    }

  return data;
}

static ProspectGaugeData *
sample_gauge (const char *title,
              gint64      target,
              gint64      won,
              gint64      expected,
              gint64      previous)
{
  ProspectGaugeData *data = prospect_gauge_data_new (title, "EUR");

  data->target = target;
  data->won_to_date = won;
  data->expected_end = expected;
  data->previous_year_to_date = previous;
  data->elapsed_share = 0.6;

  return data;
}

static ProspectBarData *
sample_bars (void)
{
  static const char *months[] = { "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                  "Oct", "Nov", "Dec", "Jan", "Feb", "Mar" };
  static const gint64 this_year[] = { 4200000, 5100000, 6350000, 3900000, 2800000, 7400000,
                                      6900000, 0, 0, 0, 0, 0 };
  static const gint64 last_year[] = { 3600000, 4400000, 5200000, 4100000, 3000000, 5900000,
                                      6100000, 6600000, 8200000, 3500000, 4700000, 7900000 };
  ProspectBarData *data = prospect_bar_data_new (PROSPECT_BAR_UNIT_MONEY, "EUR",
                                                 "This fiscal year", "Previous fiscal year");

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    prospect_bar_data_add (data, months[i], this_year[i], last_year[i]);

  return data;
}

static void
activated_cb (ProspectChartWidget *chart,
              guint                series,
              int                  index,
              Gallery             *gallery)
{
  g_autofree char *text = g_strdup_printf ("Activated: %s, series %u, item %d",
                                           prospect_chart_widget_get_title (chart), series, index);

  gtk_label_set_text (gallery->activated_label, text);
}

static void
by_value_toggled_cb (GtkToggleButton *button,
                     Gallery         *gallery)
{
  g_autoptr(ProspectFunnelData) data = sample_funnel (gtk_toggle_button_get_active (button)
                                                      ? PROSPECT_FUNNEL_BY_VALUE
                                                      : PROSPECT_FUNNEL_BY_COUNT);

  prospect_chart_widget_set_funnel (g_ptr_array_index (gallery->charts, 0), data);
}

static GtkWidget *
card (const char *heading,
      GtkWidget  *chart)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (heading);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_vexpand (chart, TRUE);
  gtk_widget_set_hexpand (chart, TRUE);
  gtk_box_append (GTK_BOX (box), chart);

  return box;
}

static GtkWidget *
add_chart (Gallery    *gallery,
           const char *title)
{
  GtkWidget *chart = prospect_chart_widget_new ();

  prospect_chart_widget_set_title (PROSPECT_CHART_WIDGET (chart), title);
  g_signal_connect (chart, "activated", G_CALLBACK (activated_cb), gallery);
  g_ptr_array_add (gallery->charts, chart);

  return chart;
}

static GtkWidget *
gauges_grid (Gallery *gallery)
{
  GtkWidget *grid = gtk_grid_new ();
  struct {
    const char *title;
    gint64      target, won, expected, previous;
  } people[] = {
    { "Team", 40000000, 23500000, 38000000, 19000000 },
    { "Ana Novak", 10000000, 5200000, 8900000, 4500000 },
    { "Bo Larsen", 12000000, 3100000, 7000000, 5800000 },
    { "Cleo Marin", 0, 2400000, 4100000, 1900000 },
  };

  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(ProspectGaugeData) data = sample_gauge (people[i].title, people[i].target,
                                                        people[i].won, people[i].expected,
                                                        people[i].previous);
      g_autofree char *title = g_strdup_printf ("%s target", people[i].title);
      GtkWidget *chart = add_chart (gallery, title);
      GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      prospect_chart_widget_set_gauge (PROSPECT_CHART_WIDGET (chart), data);
      gtk_widget_add_css_class (frame, "card");
      gtk_box_append (GTK_BOX (frame), chart);
      gtk_grid_attach (GTK_GRID (grid), frame, i % 2, i / 2, 1, 1);
    }

  return grid;
}

static void
export_all (Gallery *gallery)
{
  g_assert_no_errno (g_mkdir_with_parents (gallery->export_dir, 0755));

  for (guint i = 0; i < gallery->charts->len; i++)
    {
      ProspectChartWidget *chart = g_ptr_array_index (gallery->charts, i);
      const char *extensions[] = { "png", "pdf" };

      for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *name = g_strdup_printf ("chart-%u.%s", i, extensions[e]);
          g_autofree char *path = g_build_filename (gallery->export_dir, name, NULL);

          if (!prospect_chart_widget_export_to_file (chart, path, &error))
            g_printerr ("chart-gallery: %s\n", error->message);
        }
    }
}

/* Exports once the charts have their on-screen size. */
static gboolean
export_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Gallery *gallery = user_data;

  if (gtk_widget_get_width (g_ptr_array_index (gallery->charts, 0)) <= 0)
    return G_SOURCE_CONTINUE;

  export_all (gallery);
  g_print ("exported %u charts to %s\n", gallery->charts->len, gallery->export_dir);

  return G_SOURCE_REMOVE;
}

static void
activate_cb (GtkApplication *app,
             Gallery        *gallery)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *by_value = gtk_toggle_button_new_with_label ("By Value");
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *funnel = add_chart (gallery, "Funnel");
  GtkWidget *bars = NULL;
  GtkWidget *activated = gtk_label_new ("Activated: nothing yet");
  g_autoptr(ProspectBarData) bar_data = sample_bars ();

  gtk_window_set_title (GTK_WINDOW (window), "Chart Gallery");
  gtk_window_set_default_size (GTK_WINDOW (window), 1240, 760);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), by_value);
  g_signal_connect (by_value, "toggled", G_CALLBACK (by_value_toggled_cb), gallery);
  gtk_box_append (GTK_BOX (content), header);

  prospect_chart_widget_set_funnel (PROSPECT_CHART_WIDGET (funnel), gallery->funnel);
  gtk_widget_set_size_request (funnel, 560, -1);
  gtk_box_append (GTK_BOX (body), card ("Funnel, this quarter", funnel));

  gtk_box_append (GTK_BOX (side), gauges_grid (gallery));
  bars = add_chart (gallery, "Won per month");
  prospect_chart_widget_set_bars (PROSPECT_CHART_WIDGET (bars), bar_data);
  gtk_box_append (GTK_BOX (side), card ("Won per month", bars));
  gtk_box_append (GTK_BOX (body), side);

  g_object_set (body, "margin-top", 18, "margin-bottom", 12, "margin-start", 18, "margin-end", 18,
                "vexpand", TRUE, NULL);
  gtk_box_append (GTK_BOX (content), body);

  gallery->activated_label = GTK_LABEL (activated);
  gtk_widget_add_css_class (activated, "dim-label");
  gtk_widget_set_margin_bottom (activated, 12);
  gtk_box_append (GTK_BOX (content), activated);

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), content);
  if (gallery->export_dir != NULL)
    gtk_widget_add_tick_callback (window, export_tick_cb, gallery, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  Gallery gallery = { NULL };
  int status;

  setlocale (LC_ALL, "");
  g_set_prgname ("chart-gallery");

  if (argc == 3 && g_str_equal (argv[1], "--export"))
    gallery.export_dir = g_strdup (argv[2]);
  else if (argc != 1)
    {
      g_printerr ("usage: chart-gallery [--export DIR]\n");
      return 2;
    }

  gallery.charts = g_ptr_array_new ();
  gallery.funnel = sample_funnel (PROSPECT_FUNNEL_BY_COUNT);
  app = adw_application_new ("io.github.prospect.ChartGallery", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), &gallery);
  status = g_application_run (G_APPLICATION (app), 1, argv);

  g_ptr_array_unref (gallery.charts);
  prospect_funnel_data_free (gallery.funnel);
  g_free (gallery.export_dir);

  return status;
}
