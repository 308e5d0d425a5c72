/* prospect-cli-demo.c - "prospect-cli demo": a sample sales team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "prospect-cli-private.h"

#define DEFAULT_SEED 1

typedef struct
{
  gboolean enabled;
  int      last_percent;
  char    *last_phase;
} Progress;

static void
progress_cb (double      fraction,
             const char *phase,
             gpointer    user_data)
{
  Progress *progress = user_data;
  int percent = (int) (fraction * 100);

  if (!progress->enabled ||
      (percent == progress->last_percent && g_strcmp0 (phase, progress->last_phase) == 0))
    return;

  progress->last_percent = percent;
  g_free (progress->last_phase);
  progress->last_phase = g_strdup (phase);

  /* Redraw one line in place: carriage return, erase to end of line. */
  g_printerr ("\r\033[K%3d%%  %s", percent, phase);
}

static void
progress_finish (Progress *progress)
{
  if (progress->enabled && progress->last_phase != NULL)
    g_printerr ("\r\033[K");

  g_clear_pointer (&progress->last_phase, g_free);
}

static gboolean
parse_scale (const char        *text,
             ProspectDemoScale *scale)
{
  if (text == NULL || g_str_equal (text, "small"))
    *scale = PROSPECT_DEMO_SMALL;
  else if (g_str_equal (text, "large"))
    *scale = PROSPECT_DEMO_LARGE;
  else
    return FALSE;

  return TRUE;
}

static void
print_stats (const char              *path,
             guint32                  seed,
             const char              *today,
             double                   seconds,
             const ProspectDemoStats *stats)
{
  const struct {
    const char *label;
    gint64      value;
  } rows[] = {
    { N_("people"), stats->people },
    { N_("accounts"), stats->accounts },
    { N_("contacts"), stats->contacts },
    { N_("products"), stats->products },
    { N_("deals"), stats->deals },
    { N_("stage changes"), stats->stage_changes },
    { N_("activities"), stats->activities },
    { N_("to-do items"), stats->todo_items },
    { N_("targets"), stats->targets },
  };

  g_print (_("Sample team written to “%s” in %.1f s (seed %u, today %s):\n"),
           path, seconds, seed, today);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_print ("  %-16s %10" G_GINT64_FORMAT "\n", _(rows[i].label), rows[i].value);

  g_print (_("Start Prospect on this file and choose who you are on its welcome page.\n"));
}

/* A failed run into a file that did not exist before leaves nothing behind. */
static void
remove_new_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
}

static int
generate (const char        *path,
          ProspectDemoScale  scale,
          guint32            seed,
          const char        *today,
          gboolean           show_progress)
{
  g_autoptr(ProspectDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  gboolean existed = g_file_test (path, G_FILE_TEST_EXISTS);
  Progress progress = { show_progress, -1, NULL };
  ProspectDemoStats stats = { 0 };
  gboolean ok;

  db = prospect_database_open (path, &error);
  if (db == NULL)
    return prospect_cli_fail ("%s", error->message);

  ok = prospect_demo_generate (db, scale, seed, today, progress_cb, &progress, &stats, &error);
  progress_finish (&progress);

  if (!ok)
    {
      g_clear_object (&db);
      if (!existed)
        remove_new_database (path);
      return prospect_cli_fail ("%s: %s", path, error->message);
    }

  print_stats (path, seed, today, g_timer_elapsed (timer, NULL), &stats);
  return PROSPECT_CLI_EXIT_OK;
}

int
prospect_cli_demo (ProspectCli  *cli,
                   int           argc,
                   char        **argv)
{
  g_autofree char *scale_name = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *today = NULL;
  const GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_name,
      N_("“small” (the default): a director, 2 managers, 8 reps, about 40 accounts, 400 deals "
         "and 3,000 activities; “large”: 200 people, 5,000 accounts, 100,000 deals and "
         "1,000,000 activities"), N_("SCALE") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Seed for the random choices, 0 to 4294967295 (default: 1)"), N_("N") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("Make the data as if today were DATE, written YYYY-MM-DD (default: today)"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    prospect_cli_context_new (cli, "demo", NULL,
                              _("Fill an empty database with a sample sales team."),
                              _("The team has a history over the previous and the current fiscal year: "
                                "deals with their stage changes, activities (done, overdue, today and "
                                "planned), to-do items and quarterly targets. The same seed and the same "
                                "day always give the same data. The database must not hold any people, "
                                "accounts or deals yet; nothing is changed otherwise."),
                              entries);
  ProspectDemoScale scale;
  guint64 seed = DEFAULT_SEED;

  if (!prospect_cli_parse (context, "demo", &argc, &argv))
    return PROSPECT_CLI_EXIT_USAGE;

  if (argc > 1)
    return prospect_cli_usage_error ("demo", _("Unexpected argument “%s”"), argv[1]);

  if (!parse_scale (scale_name, &scale))
    return prospect_cli_usage_error ("demo", _("The scale must be “small” or “large”, not “%s”"), scale_name);

  if (seed_text != NULL && !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT32, &seed, NULL))
    return prospect_cli_usage_error ("demo", _("The seed must be a whole number from 0 to 4294967295, not “%s”"),
                                     seed_text);

  if (today == NULL)
    today = prospect_clock_today_iso ();
  else if (!prospect_date_is_valid (today))
    return prospect_cli_usage_error ("demo", _("“%s” is not a date of the form YYYY-MM-DD"), today);

  return generate (prospect_cli_get_database_path (cli), scale, (guint32) seed, today,
                   cli->stderr_is_terminal);
}
