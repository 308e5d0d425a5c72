/* bench-sync.c - syncing laptops through a real team server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it prints figures for the README's performance table. It
 * runs against a throw-away team server with the test team:
 *
 *   ninja -C _build tests/bench/bench-sync
 *   tests/server/with-team-server.sh data/server/prospect-server.sql \
 *     tests/server/pg-cluster.sh tests/server/team.sql \
 *     _build/tests/bench/bench-sync [DEALS]
 *
 * Rita's laptop makes DEALS deals (default 1,000) and syncs them (the
 * first push: each deal and its first stage-history row); then changes
 * the amount of 1,000 of them and syncs again (the incremental sync the
 * goal is about: under 1 s on loopback); then Max's new laptop joins and
 * pulls his team (the first pull). Times are wall-clock, over TCP on
 * 127.0.0.1 with a password, as a laptop connects. */

#include "config.h"

#include <glib/gstdio.h>

#include "prospect-core.h"
#include "prospect-sync.h"

#define CHANGES 1000

static char *work_dir;

static ProspectSyncConnection *
connect_as (const char *role)
{
  g_autofree char *password = g_strdup_printf ("%s secret", role);
  ProspectSyncServer server = {
    (char *) "127.0.0.1", (guint) g_ascii_strtoull (g_getenv ("PGPORT"), NULL, 10),
    (char *) "team", (char *) role,
  };
  g_autoptr(GError) error = NULL;
  ProspectSyncConnection *connection = prospect_sync_connection_open (&server, password, NULL, &error);

  if (connection == NULL)
    g_error ("bench-sync: %s", error->message);
  return connection;
}

/* One sync; its wall-clock time in ms. */
static double
timed_sync (ProspectDatabase   *db,
            const char         *role,
            ProspectSyncReport *report)
{
  g_autoptr(ProspectSyncConnection) connection = connect_as (role);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  prospect_sync_report_clear (report);
  if (!prospect_sync_run (db, connection, report, NULL, &error))
    g_error ("bench-sync: %s", error->message);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static ProspectDatabase *
laptop_new (const char *name,
            const char *me,
            const char *role)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_auto(ProspectSyncReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  ProspectDatabase *db = prospect_database_open (path, &error);

  if (db == NULL ||
      !prospect_database_exec (db, "DELETE FROM stage", &error) ||
      !prospect_database_set_setting (db, "me", me, &error) ||
      !prospect_sync_enable (db, FALSE, &error))
    g_error ("bench-sync: %s", error->message);

  timed_sync (db, role, &report);
  return db;
}

static GPtrArray *
make_deals (ProspectDatabase *db,
            guint             n)
{
  GPtrArray *deals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (!prospect_database_begin (db, &error))
    g_error ("bench-sync: %s", error->message);
  for (guint i = 0; i < n; i++)
    {
      ProspectDeal *deal = prospect_deal_new ();
      g_autofree char *title = g_strdup_printf ("Deal %u", i + 1);

      prospect_deal_set_title (deal, title);
      prospect_deal_set_owner_id (deal, "p-rita");
      prospect_deal_set_stage_id (deal, "s1");
      prospect_deal_set_amount (deal, 100000 + i);
      if (!prospect_record_insert (PROSPECT_RECORD (deal), db, &error))
        g_error ("bench-sync: %s", error->message);
      g_ptr_array_add (deals, deal);
    }
  if (!prospect_database_commit (db, &error))
    g_error ("bench-sync: %s", error->message);

  return deals;
}

static void
change_amounts (ProspectDatabase *db,
                GPtrArray        *deals,
                guint             n)
{
  g_autoptr(GError) error = NULL;

  if (!prospect_database_begin (db, &error))
    g_error ("bench-sync: %s", error->message);
  for (guint i = 0; i < n && i < deals->len; i++)
    {
      ProspectDeal *deal = deals->pdata[i];

      prospect_deal_set_amount (deal, prospect_deal_get_amount (deal) + 500);
      if (!prospect_record_update (PROSPECT_RECORD (deal), db, &error))
        g_error ("bench-sync: %s", error->message);
    }
  if (!prospect_database_commit (db, &error))
    g_error ("bench-sync: %s", error->message);
}

int
main (int    argc,
      char **argv)
{
  guint n_deals = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000;
  g_autoptr(ProspectDatabase) rita = NULL;
  g_autoptr(GPtrArray) deals = NULL;
  g_auto(ProspectSyncReport) report = { 0 };
  double ms;

  if (g_getenv ("PGPORT") == NULL)
    {
      g_printerr ("bench-sync: run it with tests/server/with-team-server.sh (see the top of bench-sync.c)\n");
      return 2;
    }
  work_dir = g_dir_make_tmp ("prospect-bench-sync-XXXXXX", NULL);

  rita = laptop_new ("rita.db", "p-rita", "rita");
  deals = make_deals (rita, n_deals);
  ms = timed_sync (rita, "rita", &report);
  g_print ("first push of %u deals (%u operations)        %8.0f ms\n", n_deals, report.pushed, ms);

  change_amounts (rita, deals, CHANGES);
  ms = timed_sync (rita, "rita", &report);
  g_print ("incremental sync of %u changes (%u operations) %8.0f ms\n", CHANGES, report.pushed, ms);

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (work_dir, "max.db", NULL);
    g_autoptr(ProspectDatabase) fresh = prospect_database_open (path, &error);

    if (fresh == NULL || !prospect_database_exec (fresh, "DELETE FROM stage", &error) ||
        !prospect_database_set_setting (fresh, "me", "p-max", &error) ||
        !prospect_sync_enable (fresh, FALSE, &error))
      g_error ("bench-sync: %s", error->message);
    ms = timed_sync (fresh, "max", &report);
    g_print ("first pull by a manager's new laptop (%u rows)   %8.0f ms\n", report.pulled, ms);
  }

  return 0;
}
