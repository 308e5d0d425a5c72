/* test-export.c - CSV and iCalendar exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <libical/ical.h>
#include <string.h>

#include "prospect-export-csv.h"
#include "prospect-export-ical.h"

#include "test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* A manager with two reps, a rep of nobody's, and deals that differ in
 * every filtered field, one of them with text that needs quoting. */
typedef struct
{
  ProspectDatabase *db;
  char             *manager_id;
  char             *ana_id;
  char             *ben_id;
  char             *cleo_id;
  char             *open_stage_id;
  char             *won_stage_id;
  char             *lost_stage_id;
  char             *tricky_deal_id;
} Team;

#define TRICKY_TITLE "Smith, \"Jr\" & Co\nsecond line"

static char *
stage_of_kind (ProspectDatabase *db,
               const char       *kind)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (db),
                                       "SELECT id FROM stage WHERE kind = ? ORDER BY position LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static char *
insert_person (ProspectDatabase *db,
               const char       *name,
               const char       *manager_id)
{
  g_autoptr(ProspectPerson) person = prospect_person_new ();
  g_autoptr(GError) error = NULL;

  prospect_person_set_name (person, name);
  prospect_person_set_manager_id (person, manager_id);
  prospect_record_insert (PROSPECT_RECORD (person), db, &error);
  g_assert_no_error (error);

  return g_strdup (prospect_record_get_id (PROSPECT_RECORD (person)));
}

static char *
insert_deal (Team       *team,
             const char *title,
             const char *owner_id,
             gint64      amount,
             const char *currency,
             const char *expected_close,
             const char *close_stage_id,
             const char *closed_on)
{
  g_autoptr(ProspectDeal) deal = prospect_deal_new ();
  g_autoptr(GError) error = NULL;

  prospect_deal_set_title (deal, title);
  prospect_deal_set_owner_id (deal, owner_id);
  prospect_deal_set_stage_id (deal, team->open_stage_id);
  prospect_deal_set_amount (deal, amount);
  prospect_deal_set_currency (deal, currency);
  prospect_deal_set_expected_close (deal, expected_close);
  prospect_record_insert (PROSPECT_RECORD (deal), team->db, &error);
  g_assert_no_error (error);
  if (close_stage_id != NULL)
    {
      prospect_deal_move_to_stage (deal, team->db, close_stage_id, closed_on, NULL, &error);
      g_assert_no_error (error);
    }

  return g_strdup (prospect_record_get_id (PROSPECT_RECORD (deal)));
}

static void
team_set_up (Team          *team,
             gconstpointer  data)
{
  g_autoptr(ProspectAccount) account = prospect_account_new ();
  g_autoptr(ProspectDeal) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *won = NULL, *lost = NULL, *other = NULL, *gone = NULL;

  team->db = test_db_open_fresh ("export.db");
  team->open_stage_id = test_db_stage_id (team->db, 0);
  team->won_stage_id = stage_of_kind (team->db, "won");
  team->lost_stage_id = stage_of_kind (team->db, "lost");
  team->manager_id = insert_person (team->db, "Mia Manager", NULL);
  team->ana_id = insert_person (team->db, "Ana Novak", team->manager_id);
  team->ben_id = insert_person (team->db, "Ben Okafor", team->manager_id);
  team->cleo_id = insert_person (team->db, "Cleo Diaz", NULL);

  team->tricky_deal_id = insert_deal (team, TRICKY_TITLE, team->ana_id, 1250050, "USD",
                                      "2026-11-10", NULL, NULL);
  won = insert_deal (team, "Won in October", team->ana_id, 1200, "JPY", "2026-10-01",
                     team->won_stage_id, "2026-10-05");
  lost = insert_deal (team, "Lost in August", team->ben_id, 300000, "USD", "2026-08-15",
                      team->lost_stage_id, "2026-08-01");
  other = insert_deal (team, "Cleo's big one", team->cleo_id, 1234567, "KWD", "2026-12-20", NULL, NULL);
  gone = insert_deal (team, "Deleted deal", team->ana_id, 100, "USD", "2026-11-11", NULL, NULL);

  deleted = prospect_deal_load (team->db, gone, &error);
  g_assert_no_error (error);
  prospect_record_delete (PROSPECT_RECORD (deleted), team->db, &error);
  g_assert_no_error (error);

  prospect_account_set_name (account, "Comma, Inc.");
  prospect_account_set_owner_id (account, team->ana_id);
  prospect_record_insert (PROSPECT_RECORD (account), team->db, &error);
  g_assert_no_error (error);
}

static void
team_tear_down (Team          *team,
                gconstpointer  data)
{
  g_clear_object (&team->db);
  g_free (team->manager_id);
  g_free (team->ana_id);
  g_free (team->ben_id);
  g_free (team->cleo_id);
  g_free (team->open_stage_id);
  g_free (team->won_stage_id);
  g_free (team->lost_stage_id);
  g_free (team->tricky_deal_id);
}

/* ------------------------------------------------------------ reading */

typedef struct
{
  GPtrArray *rows;  /* of GPtrArray of char * (NULL = empty unquoted field) */
  GPtrArray *row;
} Parsed;

static void
field_cb (void   *text,
          size_t  length,
          void   *data)
{
  Parsed *parsed = data;

  if (parsed->row == NULL)
    parsed->row = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (parsed->row, text != NULL ? g_strndup (text, length) : NULL);
}

static void
row_cb (int   terminator,
        void *data)
{
  Parsed *parsed = data;

  g_ptr_array_add (parsed->rows, parsed->row);
  parsed->row = NULL;
}

/* Reads CSV back with libcsv's strict parser: quoting mistakes fail. */
static GPtrArray *
parse_csv (const char *text)
{
  struct csv_parser parser;
  Parsed parsed = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref), NULL };
  gsize length = strlen (text);

  g_assert_cmpint (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL), ==, 0);
  g_assert_cmpuint (csv_parse (&parser, text, length, field_cb, row_cb, &parsed), ==, length);
  g_assert_cmpint (csv_fini (&parser, field_cb, row_cb, &parsed), ==, 0);
  csv_free (&parser);

  return parsed.rows;
}

static char *
export_csv (ProspectDatabase           *db,
            ProspectExportTable         table,
            const ProspectExportFilter *filter,
            guint64                    *n_rows)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (prospect_export_csv_write (db, table, filter, stream, n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static int
column_index (GPtrArray  *rows,
              const char *name)
{
  GPtrArray *header = rows->pdata[0];

  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (header->pdata[i], name))
      return i;

  g_assert_not_reached ();
}

/* The row whose external_id is id, or NULL. */
static GPtrArray *
find_row (GPtrArray  *rows,
          const char *id)
{
  for (guint i = 1; i < rows->len; i++)
    {
      GPtrArray *row = rows->pdata[i];

      if (g_strcmp0 (row->pdata[0], id) == 0)
        return row;
    }

  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char **) a, *(char **) b);
}

/* The ids the SQL (with ?1 = param, when given) returns, sorted and
 * joined, to compare with an export's. */
static char *
ids_from_sql (ProspectDatabase *db,
              const char       *sql,
              const char       *param)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (sqlite3_prepare_v2 (prospect_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);

  return g_strjoinv (" ", (GStrv) ids->pdata);
}

static char *
ids_from_export (ProspectDatabase           *db,
                 ProspectExportTable         table,
                 const ProspectExportFilter *filter)
{
  g_autofree char *csv = export_csv (db, table, filter, NULL);
  g_autoptr(GPtrArray) rows = parse_csv (csv);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 1; i < rows->len; i++)
    g_ptr_array_add (ids, ((GPtrArray *) rows->pdata[i])->pdata[0]);
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);

  return g_strjoinv (" ", (GStrv) ids->pdata);
}

/* --------------------------------------------------------------- CSV */

static void
test_header (Team          *team,
             gconstpointer  data)
{
  /* The generic import preset maps these names: they are a contract. */
  static const char deals[] =
    "\"external_id\",\"title\",\"account\",\"contact\",\"owner\",\"stage\",\"amount\",\"currency\","
    "\"probability\",\"expected_close\",\"priority\",\"next_step\",\"challenges\",\"region\","
    "\"channel\",\"product\",\"source\",\"status\",\"lost_reason\",\"closed_on\",\"created\"\n";
  ProspectExportTable tables[] = { PROSPECT_EXPORT_DEALS, PROSPECT_EXPORT_ACTIVITIES,
                                   PROSPECT_EXPORT_ACCOUNTS, PROSPECT_EXPORT_CONTACTS };
  g_auto(ProspectExportFilter) filter;
  g_autofree char *csv = NULL;

  prospect_export_filter_init (&filter);
  csv = export_csv (team->db, PROSPECT_EXPORT_DEALS, &filter, NULL);
  g_assert_true (g_str_has_prefix (csv, deals));

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *text = export_csv (team->db, tables[t], &filter, NULL);
      g_autoptr(GPtrArray) rows = parse_csv (text);
      GPtrArray *header = rows->pdata[0];
      const char * const *columns = prospect_export_csv_columns (tables[t]);

      g_assert_cmpuint (header->len, ==, g_strv_length ((GStrv) columns));
      for (guint i = 0; i < header->len; i++)
        g_assert_cmpstr (header->pdata[i], ==, columns[i]);
      for (guint r = 1; r < rows->len; r++)
        g_assert_cmpuint (((GPtrArray *) rows->pdata[r])->len, ==, header->len);
    }
}

static void
test_quoting (Team          *team,
              gconstpointer  data)
{
  g_auto(ProspectExportFilter) filter;
  g_autofree char *csv = NULL;
  g_autofree char *accounts = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) account_rows = NULL;
  GPtrArray *row;
  guint64 n_rows = 0;

  prospect_export_filter_init (&filter);
  csv = export_csv (team->db, PROSPECT_EXPORT_DEALS, &filter, &n_rows);
  rows = parse_csv (csv);

  /* four live deals; the deleted one stays out */
  g_assert_cmpuint (n_rows, ==, 4);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpint (n_rows, ==, test_db_query_int (team->db, "SELECT count(*) FROM deal WHERE deleted_at IS NULL"));

  /* the comma, the quotes and the newline come back as they were */
  row = find_row (rows, team->tricky_deal_id);
  g_assert_nonnull (row);
  g_assert_cmpstr (row->pdata[column_index (rows, "title")], ==, TRICKY_TITLE);
  g_assert_nonnull (strstr (csv, "\"Smith, \"\"Jr\"\" & Co\nsecond line\""));
  g_assert_cmpstr (row->pdata[column_index (rows, "owner")], ==, "Ana Novak");
  g_assert_cmpstr (row->pdata[column_index (rows, "amount")], ==, "12500.50");
  g_assert_cmpstr (row->pdata[column_index (rows, "currency")], ==, "USD");
  g_assert_cmpstr (row->pdata[column_index (rows, "status")], ==, "open");
  g_assert_cmpstr (row->pdata[column_index (rows, "priority")], ==, "normal");
  g_assert_cmpstr (row->pdata[column_index (rows, "expected_close")], ==, "2026-11-10");
  /* unset is an empty field, not "" or 0 */
  g_assert_null (row->pdata[column_index (rows, "probability")]);
  g_assert_null (row->pdata[column_index (rows, "closed_on")]);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       row->pdata[column_index (rows, "created")], 0, 0));

  /* minor digits follow the currency */
  for (guint i = 1; i < rows->len; i++)
    {
      GPtrArray *other = rows->pdata[i];
      const char *currency = other->pdata[column_index (rows, "currency")];
      const char *amount = other->pdata[column_index (rows, "amount")];

      if (g_str_equal (currency, "JPY"))
        g_assert_cmpstr (amount, ==, "1200");
      else if (g_str_equal (currency, "KWD"))
        g_assert_cmpstr (amount, ==, "1234.567");
    }

  accounts = export_csv (team->db, PROSPECT_EXPORT_ACCOUNTS, &filter, NULL);
  account_rows = parse_csv (accounts);
  g_assert_cmpuint (account_rows->len, ==, 2);
  g_assert_cmpstr (((GPtrArray *) account_rows->pdata[1])->pdata[1], ==, "Comma, Inc.");
}

static void
test_filter (Team          *team,
             gconstpointer  data)
{
  g_auto(ProspectExportFilter) filter;
  ProspectScope scope = { PROSPECT_SCOPE_TEAM, team->manager_id };
  ProspectPeriod quarter;
  GDate day;
  g_autoptr(GError) error = NULL;
  g_autofree char *team_ids = NULL, *won_ids = NULL, *quarter_ids = NULL, *combined = NULL;
  g_autofree char *expected = NULL;

  prospect_export_filter_init (&filter);

  /* the manager's team: Ana's and Ben's live deals, not Cleo's */
  g_assert_true (prospect_export_filter_set_scope (&filter, team->db, &scope, &error));
  g_assert_no_error (error);
  team_ids = ids_from_export (team->db, PROSPECT_EXPORT_DEALS, &filter);
  expected = ids_from_sql (team->db, "SELECT id FROM deal WHERE deleted_at IS NULL AND owner_id IN"
                           " (SELECT id FROM person WHERE manager_id = ?1)", team->manager_id);
  g_assert_cmpstr (team_ids, ==, expected);
  g_assert_cmpuint (strlen (team_ids), >, 0);
  g_assert_nonnull (strstr (team_ids, team->tricky_deal_id));

  /* won only */
  prospect_export_filter_clear (&filter);
  filter.status = g_strdup ("won");
  won_ids = ids_from_export (team->db, PROSPECT_EXPORT_DEALS, &filter);
  g_clear_pointer (&expected, g_free);
  expected = ids_from_sql (team->db, "SELECT id FROM deal WHERE deleted_at IS NULL AND status = 'won'", NULL);
  g_assert_cmpstr (won_ids, ==, expected);
  g_assert_cmpuint (strlen (won_ids), ==, 36);

  /* Q4 2026: closed in it, or open and expected in it */
  prospect_export_filter_clear (&filter);
  g_date_set_dmy (&day, 15, 11, 2026);
  prospect_period_init (&quarter, PROSPECT_PERIOD_QUARTER, &day, 1);
  prospect_export_filter_set_period (&filter, &quarter);
  quarter_ids = ids_from_export (team->db, PROSPECT_EXPORT_DEALS, &filter);
  g_clear_pointer (&expected, g_free);
  expected = ids_from_sql (team->db, "SELECT id FROM deal WHERE deleted_at IS NULL AND"
                           " ifnull (closed_on, expected_close) BETWEEN '2026-10-01' AND '2026-12-31'", NULL);
  g_assert_cmpstr (quarter_ids, ==, expected);
  g_assert_cmpuint (strlen (quarter_ids), ==, 3 * 36 + 2);

  /* everything at once: Ana's open deals in the first stage in Q4 */
  filter.owner_ids = g_strsplit (team->ana_id, " ", -1);
  filter.status = g_strdup ("open");
  filter.stage_id = g_strdup (team->open_stage_id);
  filter.priority = 1;
  combined = ids_from_export (team->db, PROSPECT_EXPORT_DEALS, &filter);
  g_assert_cmpstr (combined, ==, team->tricky_deal_id);

  /* an empty team exports nothing, not everything */
  prospect_export_filter_clear (&filter);
  filter.owner_ids = g_new0 (char *, 1);
  g_clear_pointer (&combined, g_free);
  combined = ids_from_export (team->db, PROSPECT_EXPORT_DEALS, &filter);
  g_assert_cmpstr (combined, ==, "");
}

static void
test_refused (Team          *team,
              gconstpointer  data)
{
  g_auto(ProspectExportFilter) filter;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_db_path ("kept.csv");
  g_autofree char *content = NULL;
  g_autofree char *missing = test_db_path ("no-such-dir/out.csv");

  g_assert_true (g_file_set_contents (path, "old content\n", -1, NULL));
  prospect_export_filter_init (&filter);

  filter.status = g_strdup ("open");
  g_assert_false (prospect_export_csv_save (team->db, PROSPECT_EXPORT_ACCOUNTS, &filter, path, NULL, NULL, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "accounts"));
  g_clear_error (&error);

  g_free (filter.status);
  filter.status = g_strdup ("done");
  g_assert_false (prospect_export_csv_save (team->db, PROSPECT_EXPORT_DEALS, &filter, path, NULL, NULL, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "open, won, lost"));
  g_clear_error (&error);

  g_clear_pointer (&filter.status, g_free);
  filter.stage_id = g_strdup (team->open_stage_id);
  g_assert_false (prospect_export_csv_save (team->db, PROSPECT_EXPORT_ACTIVITIES, &filter, path, NULL, NULL, &error));
  g_assert_error (error, PROSPECT_ERROR, PROSPECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, "old content\n");

  g_clear_pointer (&filter.stage_id, g_free);
  g_assert_false (prospect_export_csv_save (team->db, PROSPECT_EXPORT_DEALS, &filter, missing, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a good export replaces the file */
  g_assert_true (prospect_export_csv_save (team->db, PROSPECT_EXPORT_DEALS, &filter, path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&content, g_free);
  g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
  g_assert_true (g_str_has_prefix (content, "\"external_id\",\"title\""));
}

static void
test_amount (void)
{
  static const struct {
    gint64      minor;
    const char *currency;
    const char *text;
  } cases[] = {
    { 0, "USD", "0.00" },
    { 5, "EUR", "0.05" },
    { 1250050, "USD", "12500.50" },
    { 123456789012, "EUR", "1234567890.12" },
    { 1200, "JPY", "1200" },
    { 1234567, "KWD", "1234.567" },
    { -250, "USD", "-2.50" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = prospect_export_format_amount (cases[i].minor, cases[i].currency);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* ----------------------------------------------------------- iCalendar */

typedef struct
{
  ProspectDatabase *db;
  char             *meeting_id;   /* timed, 45 min, reminder */
  char             *day_id;       /* all-day visit */
  char             *task_id;      /* timed task, reminder */
  char             *done_id;      /* done task with an old reminder */
  gint64            meeting_at;
  gint64            meeting_remind_at;
  gint64            done_at;
} Calendar;

static char *
insert_activity (ProspectDatabase *db,
                 const char       *kind,
                 const char       *subject,
                 gint64            due_at,
                 const char       *due_date,
                 int               minutes,
                 gint64            remind_at,
                 gint64            done_at)
{
  g_autoptr(ProspectActivity) activity = prospect_activity_new ();
  g_autoptr(GError) error = NULL;

  prospect_activity_set_kind (activity, kind);
  prospect_activity_set_subject (activity, subject);
  prospect_activity_set_notes (activity, "Bring the price list, the demo unit; and coffee");
  prospect_activity_set_due_at (activity, due_at);
  prospect_activity_set_due_date (activity, due_date);
  prospect_activity_set_duration_minutes (activity, minutes);
  prospect_activity_set_remind_at (activity, remind_at);
  prospect_activity_set_done_at (activity, done_at);
  prospect_record_insert (PROSPECT_RECORD (activity), db, &error);
  g_assert_no_error (error);

  return g_strdup (prospect_record_get_id (PROSPECT_RECORD (activity)));
}

static void
calendar_set_up (Calendar      *calendar,
                 gconstpointer  data)
{
  /* 2026-11-24 09:30 UTC */
  calendar->meeting_at = G_GINT64_CONSTANT (1795512600) * 1000;
  calendar->meeting_remind_at = calendar->meeting_at - 15 * 60 * 1000;
  calendar->done_at = calendar->meeting_at - 2 * 24 * 3600 * 1000;

  calendar->db = test_db_open_fresh ("calendar.db");
  calendar->meeting_id = insert_activity (calendar->db, "meeting", "Kick-off, with Acme", calendar->meeting_at,
                                          NULL, 45, calendar->meeting_remind_at, -1);
  calendar->day_id = insert_activity (calendar->db, "visit", "Trade fair", -1, "2026-11-26", 0, -1, -1);
  calendar->task_id = insert_activity (calendar->db, "task", "Send the quote", calendar->meeting_at + 3600000,
                                       NULL, 0, calendar->meeting_at, -1);
  calendar->done_id = insert_activity (calendar->db, "task", "Old follow-up", -1, "2026-11-20", 0,
                                       calendar->done_at - 3600000, calendar->done_at);
}

static void
calendar_tear_down (Calendar      *calendar,
                    gconstpointer  data)
{
  g_clear_object (&calendar->db);
  g_free (calendar->meeting_id);
  g_free (calendar->day_id);
  g_free (calendar->task_id);
  g_free (calendar->done_id);
}

static icalcomponent *
find_component (icalcomponent *vcalendar,
                const char    *activity_id)
{
  g_autofree char *uid = g_strconcat (activity_id, "@prospect", NULL);

  for (icalcomponent *c = icalcomponent_get_first_component (vcalendar, ICAL_ANY_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (vcalendar, ICAL_ANY_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (c), uid) == 0)
      return c;

  return NULL;
}

static gint64
utc_ms (struct icaltimetype time)
{
  g_assert_true (icaltime_is_utc (time));

  return (gint64) icaltime_as_timet (time) * 1000;
}

static void
test_ical (Calendar      *calendar,
           gconstpointer  data)
{
  g_auto(ProspectExportFilter) filter;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(icalcomponent) vcalendar = NULL;
  g_autofree char *text = NULL;
  ProspectIcalCounts counts;
  icalcomponent *meeting, *day, *task, *done, *alarm;
  icalproperty *trigger;
  struct icaltimetype due;

  prospect_export_filter_init (&filter);
  g_assert_true (prospect_export_ical_write (calendar->db, &filter, stream, &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpuint (counts.n_events, ==, 1);
  g_assert_cmpuint (counts.n_todos, ==, 3);
  g_assert_cmpuint (counts.n_alarms, ==, 2);

  vcalendar = icalparser_parse_string (text);
  g_assert_nonnull (vcalendar);
  g_assert_cmpint (icalcomponent_isa (vcalendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (vcalendar), ==, 0);
  g_assert_nonnull (icalcomponent_get_first_property (vcalendar, ICAL_PRODID_PROPERTY));
  g_assert_cmpint (icalcomponent_count_components (vcalendar, ICAL_VEVENT_COMPONENT), ==, 1);
  g_assert_cmpint (icalcomponent_count_components (vcalendar, ICAL_VTODO_COMPONENT), ==, 3);

  /* the meeting: an event at its UTC time, for 45 minutes, with an alarm */
  meeting = find_component (vcalendar, calendar->meeting_id);
  g_assert_nonnull (meeting);
  g_assert_cmpint (icalcomponent_isa (meeting), ==, ICAL_VEVENT_COMPONENT);
  g_assert_cmpstr (icalcomponent_get_summary (meeting), ==, "Kick-off, with Acme");
  g_assert_cmpstr (icalcomponent_get_description (meeting), ==, "Bring the price list, the demo unit; and coffee");
  g_assert_cmpint (utc_ms (icalcomponent_get_dtstart (meeting)), ==, calendar->meeting_at);
  g_assert_cmpint (icaldurationtype_as_int (icalcomponent_get_duration (meeting)), ==, 45 * 60);
  alarm = icalcomponent_get_first_component (meeting, ICAL_VALARM_COMPONENT);
  g_assert_nonnull (alarm);
  g_assert_cmpint (icalproperty_get_action (icalcomponent_get_first_property (alarm, ICAL_ACTION_PROPERTY)),
                   ==, ICAL_ACTION_DISPLAY);
  trigger = icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY);
  g_assert_cmpint (utc_ms (icalproperty_get_trigger (trigger).time), ==, calendar->meeting_remind_at);

  /* the all-day visit: a to-do due on that day, as a DATE */
  day = find_component (vcalendar, calendar->day_id);
  g_assert_nonnull (day);
  g_assert_cmpint (icalcomponent_isa (day), ==, ICAL_VTODO_COMPONENT);
  due = icalcomponent_get_due (day);
  g_assert_true (due.is_date);
  g_assert_cmpint (due.year, ==, 2026);
  g_assert_cmpint (due.month, ==, 11);
  g_assert_cmpint (due.day, ==, 26);
  g_assert_cmpint (icalcomponent_get_status (day), ==, ICAL_STATUS_NEEDSACTION);
  g_assert_null (icalcomponent_get_first_component (day, ICAL_VALARM_COMPONENT));

  /* the timed task: a to-do due at its UTC time */
  task = find_component (vcalendar, calendar->task_id);
  g_assert_nonnull (task);
  g_assert_cmpint (icalcomponent_isa (task), ==, ICAL_VTODO_COMPONENT);
  g_assert_cmpint (utc_ms (icalcomponent_get_due (task)), ==, calendar->meeting_at + 3600000);
  g_assert_nonnull (icalcomponent_get_first_component (task, ICAL_VALARM_COMPONENT));

  /* the done task: completed, and its old reminder is not an alarm */
  done = find_component (vcalendar, calendar->done_id);
  g_assert_nonnull (done);
  g_assert_cmpint (icalcomponent_get_status (done), ==, ICAL_STATUS_COMPLETED);
  g_assert_cmpint (utc_ms (icalproperty_get_completed (icalcomponent_get_first_property (done, ICAL_COMPLETED_PROPERTY))),
                   ==, calendar->done_at);
  g_assert_null (icalcomponent_get_first_component (done, ICAL_VALARM_COMPONENT));
}

static void
test_ical_filter (Calendar      *calendar,
                  gconstpointer  data)
{
  g_auto(ProspectExportFilter) filter;
  g_autofree char *path = test_db_path ("open.ics");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(icalcomponent) vcalendar = NULL;
  ProspectIcalCounts counts;

  prospect_export_filter_init (&filter);
  filter.status = g_strdup ("open");
  g_date_set_dmy (&filter.first_day, 24, 11, 2026);
  g_date_set_dmy (&filter.last_day, 25, 11, 2026);
  g_assert_true (prospect_export_ical_save (calendar->db, &filter, path, &counts, NULL, &error));
  g_assert_no_error (error);

  /* the meeting and the task are due then; the visit is on the 26th */
  g_assert_cmpuint (counts.n_events, ==, 1);
  g_assert_cmpuint (counts.n_todos, ==, 1);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  vcalendar = icalparser_parse_string (text);
  g_assert_nonnull (find_component (vcalendar, calendar->meeting_id));
  g_assert_nonnull (find_component (vcalendar, calendar->task_id));
  g_assert_null (find_component (vcalendar, calendar->day_id));
  g_assert_null (find_component (vcalendar, calendar->done_id));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("TZ", "America/New_York", TRUE);

  g_test_add ("/core/export/csv/header", Team, NULL, team_set_up, test_header, team_tear_down);
  g_test_add ("/core/export/csv/quoting", Team, NULL, team_set_up, test_quoting, team_tear_down);
  g_test_add ("/core/export/csv/filter", Team, NULL, team_set_up, test_filter, team_tear_down);
  g_test_add ("/core/export/csv/refused", Team, NULL, team_set_up, test_refused, team_tear_down);
  g_test_add_func ("/core/export/csv/amount", test_amount);
  g_test_add ("/core/export/ical/parse", Calendar, NULL, calendar_set_up, test_ical, calendar_tear_down);
  g_test_add ("/core/export/ical/filter", Calendar, NULL, calendar_set_up, test_ical_filter, calendar_tear_down);

  return g_test_run ();
}
