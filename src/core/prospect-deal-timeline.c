/* prospect-deal-timeline.c - what happened to one deal, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-deal-timeline"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "prospect-chart-format.h"
#include "prospect-deal-timeline.h"
#include "prospect-error.h"

/* The stage moves are their own source (deal_stage_change, with names);
 * the stage and status columns' field_change rows would say it twice. */
#define FIELD_CHANGES_SQL \
  "SELECT f.changed_at, p.name, f.field, f.old_value, f.new_value," \
  " CASE f.field WHEN 'account_id' THEN (SELECT name FROM account WHERE id = f.old_value)" \
  "  WHEN 'contact_id' THEN (SELECT name FROM contact WHERE id = f.old_value)" \
  "  WHEN 'owner_id' THEN (SELECT name FROM person WHERE id = f.old_value)" \
  "  WHEN 'product_id' THEN (SELECT name FROM product WHERE id = f.old_value) END," \
  " CASE f.field WHEN 'account_id' THEN (SELECT name FROM account WHERE id = f.new_value)" \
  "  WHEN 'contact_id' THEN (SELECT name FROM contact WHERE id = f.new_value)" \
  "  WHEN 'owner_id' THEN (SELECT name FROM person WHERE id = f.new_value)" \
  "  WHEN 'product_id' THEN (SELECT name FROM product WHERE id = f.new_value) END" \
  " FROM field_change f LEFT JOIN person p ON p.id = f.changed_by" \
  " WHERE f.entity = 'deal' AND f.entity_id = ?1 AND f.deleted_at IS NULL" \
  " AND f.field NOT IN ('stage_id', 'status')" \
  " ORDER BY f.changed_at DESC, f.rowid DESC LIMIT ?2"

#define STAGE_CHANGES_SQL \
  "SELECT c.changed_at, p.name, fs.name, ts.name" \
  " FROM deal_stage_change c JOIN stage ts ON ts.id = c.to_stage_id" \
  " LEFT JOIN stage fs ON fs.id = c.from_stage_id LEFT JOIN person p ON p.id = c.changed_by" \
  " WHERE c.deal_id = ?1 AND c.deleted_at IS NULL" \
  " ORDER BY c.changed_at DESC, c.rowid DESC LIMIT ?2"

/* Done: when it was done; planned: when it is due (an all-day one at its
 * day); neither: when it was written down. */
#define ACTIVITIES_SQL \
  "SELECT coalesce (a.done_at, a.due_at, unixepoch (a.due_date) * 1000, a.created_at) AS at," \
  " a.done_at IS NULL AND a.due_at IS NULL AND a.due_date IS NOT NULL," \
  " a.done_at IS NOT NULL, a.kind, a.subject, p.name" \
  " FROM activity a LEFT JOIN person p ON p.id = a.owner_id" \
  " WHERE a.deal_id = ?1 AND a.deleted_at IS NULL" \
  " ORDER BY at DESC, a.rowid DESC LIMIT ?2"

typedef struct
{
  const char *field;
  const char *label;
} FieldLabel;

static const FieldLabel field_labels[] = {
  { "title", N_("Title") },
  { "account_id", N_("Account") },
  { "contact_id", N_("Contact") },
  { "owner_id", N_("Owner") },
  { "amount", N_("Amount") },
  { "currency", N_("Currency") },
  { "probability", N_("Probability") },
  { "expected_close", N_("Expected close") },
  { "priority", N_("Priority") },
  { "next_step", N_("Next step") },
  { "challenges", N_("Challenges") },
  { "region", N_("Region") },
  { "channel", N_("Channel") },
  { "product_id", N_("Product") },
  { "source", N_("Source") },
  { "lost_reason", N_("Lost reason") },
  { "closed_on", N_("Close date") },
};

typedef struct
{
  const char *kind;
  const char *done;     /* %1$s who, %2$s subject */
  const char *planned;
} KindSentences;

static const KindSentences kind_sentences[] = {
  { "call", N_("%s called: %s"), N_("%s planned a call: %s") },
  { "meeting", N_("%s held a meeting: %s"), N_("%s planned a meeting: %s") },
  { "email", N_("%s sent an email: %s"), N_("%s planned an email: %s") },
  { "visit", N_("%s visited: %s"), N_("%s planned a visit: %s") },
  { "demo", N_("%s gave a demo: %s"), N_("%s planned a demo: %s") },
  { "task", N_("%s finished a task: %s"), N_("%s planned a task: %s") },
};

void
prospect_timeline_entry_free (ProspectTimelineEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->who);
  g_free (entry->text);
  g_free (entry);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static ProspectTimelineEntry *
entry_new (gint64                at,
           ProspectTimelineKind  kind,
           const char           *who,
           char                 *text)
{
  ProspectTimelineEntry *entry = g_new0 (ProspectTimelineEntry, 1);

  entry->at = at;
  entry->kind = kind;
  entry->who = g_strdup (who);
  entry->text = text;

  return entry;
}

static const char *
someone (const char *who)
{
  return who != NULL ? who : _("Someone");
}

static const char *
field_label (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].field, field))
      return _(field_labels[i].label);

  return field;
}

/* Whole units when the amount has no cents, so that "$12,000" reads as
 * people write it, and cents only when they matter. */
static char *
format_money (const char *minor_text,
              const char *currency)
{
  gint64 minor = g_ascii_strtoll (minor_text, NULL, 10);
  gint64 unit = 1;

  for (guint i = 0; i < prospect_chart_currency_digits (currency); i++)
    unit *= 10;

  if (minor % unit == 0)
    return prospect_chart_format_money_whole (minor, currency);

  return prospect_chart_format_money (minor, currency);
}

static char *
format_date (const char *iso)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3 ||
      (date = g_date_time_new_local (year, month, day, 12, 0, 0)) == NULL)
    return g_strdup (iso);

  return g_date_time_format (date, "%x");
}

static char *
format_priority (const char *value)
{
  switch (g_ascii_strtoll (value, NULL, 10))
    {
    case 0: return g_strdup (C_("priority", "Low"));
    case 2: return g_strdup (C_("priority", "High"));
    default: return g_strdup (C_("priority", "Normal"));
    }
}

/* A stored value as the user reads it; name is the referenced row's name
 * for id columns. NULL stays NULL (the sentence says "cleared"). */
static char *
format_value (const char *field,
              const char *value,
              const char *name,
              const char *currency)
{
  if (value == NULL)
    return NULL;

  if (g_str_equal (field, "amount"))
    return format_money (value, currency);
  if (g_str_equal (field, "probability"))
    return g_strdup_printf ("%s%%", value);
  if (g_str_equal (field, "priority"))
    return format_priority (value);
  if (g_str_equal (field, "expected_close") || g_str_equal (field, "closed_on"))
    return format_date (value);
  if (g_str_has_suffix (field, "_id"))
    return g_strdup (name != NULL ? name : _("(deleted)"));
  if (g_str_equal (field, "currency"))
    return g_strdup (value);

  /* free text reads best quoted */
  return g_strdup_printf (_("“%s”"), value);
}

static char *
field_sentence (const char *who,
                const char *field,
                const char *old_text,
                const char *new_text)
{
  const char *label = field_label (field);

  /* A probability back at NULL follows the stage again: say so. */
  if (new_text == NULL && g_str_equal (field, "probability"))
    return g_strdup_printf (_("%s set %s back to the stage default"), someone (who), label);
  if (new_text == NULL)
    return g_strdup_printf (_("%s cleared %s"), someone (who), label);
  if (old_text == NULL && g_str_equal (field, "probability"))
    return g_strdup_printf (_("%s changed %s from the stage default to %s"), someone (who), label, new_text);
  if (old_text == NULL)
    return g_strdup_printf (_("%s set %s to %s"), someone (who), label, new_text);

  /* Translators: "Ana Murphy changed Amount from $12,000 to $15,000" */
  return g_strdup_printf (_("%s changed %s from %s to %s"), someone (who), label, old_text, new_text);
}

static gboolean
finish (ProspectDatabase  *db,
        sqlite3_stmt      *stmt,
        int                rc,
        GError           **error)
{
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE || prospect_database_set_sqlite_error (db, rc, error);
}

static sqlite3_stmt *
prepare_for (ProspectDatabase  *db,
             const char        *sql,
             const char        *deal_id,
             guint              limit,
             GError           **error)
{
  sqlite3_stmt *stmt = prospect_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, deal_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);

  return stmt;
}

static gboolean
add_field_changes (ProspectDatabase  *db,
                   const char        *deal_id,
                   const char        *currency,
                   guint              limit,
                   GPtrArray         *entries,
                   GError           **error)
{
  sqlite3_stmt *stmt = prepare_for (db, FIELD_CHANGES_SQL, deal_id, limit, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *who = column_text (stmt, 1);
      const char *field = column_text (stmt, 2);
      g_autofree char *old_text = format_value (field, column_text (stmt, 3), column_text (stmt, 5), currency);
      g_autofree char *new_text = format_value (field, column_text (stmt, 4), column_text (stmt, 6), currency);

      g_ptr_array_add (entries, entry_new (sqlite3_column_int64 (stmt, 0), PROSPECT_TIMELINE_FIELD_CHANGE,
                                           who, field_sentence (who, field, old_text, new_text)));
    }

  return finish (db, stmt, rc, error);
}

static gboolean
add_stage_changes (ProspectDatabase  *db,
                   const char        *deal_id,
                   guint              limit,
                   GPtrArray         *entries,
                   GError           **error)
{
  sqlite3_stmt *stmt = prepare_for (db, STAGE_CHANGES_SQL, deal_id, limit, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *who = column_text (stmt, 1);
      const char *from = column_text (stmt, 2);
      const char *to = column_text (stmt, 3);
      char *text;

      if (from == NULL)
        /* Translators: "Ana Murphy created it in Prospecting" */
        text = g_strdup_printf (_("%s created it in %s"), someone (who), to);
      else
        /* Translators: "Ana Murphy moved it from Qualified to Proposal" */
        text = g_strdup_printf (_("%s moved it from %s to %s"), someone (who), from, to);

      g_ptr_array_add (entries, entry_new (sqlite3_column_int64 (stmt, 0), PROSPECT_TIMELINE_STAGE_CHANGE,
                                           who, text));
    }

  return finish (db, stmt, rc, error);
}

static char *
activity_sentence (const char *kind,
                   gboolean    done,
                   const char *who,
                   const char *subject)
{
  const KindSentences *sentences = &kind_sentences[G_N_ELEMENTS (kind_sentences) - 1];

  for (guint i = 0; i < G_N_ELEMENTS (kind_sentences); i++)
    if (g_strcmp0 (kind_sentences[i].kind, kind) == 0)
      sentences = &kind_sentences[i];

  return g_strdup_printf (_(done ? sentences->done : sentences->planned), someone (who), subject);
}

static gboolean
add_activities (ProspectDatabase  *db,
                const char        *deal_id,
                guint              limit,
                GPtrArray         *entries,
                GError           **error)
{
  sqlite3_stmt *stmt = prepare_for (db, ACTIVITIES_SQL, deal_id, limit, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *who = column_text (stmt, 5);
      gboolean done = sqlite3_column_int (stmt, 2) != 0;
      ProspectTimelineEntry *entry;

      entry = entry_new (sqlite3_column_int64 (stmt, 0),
                         done ? PROSPECT_TIMELINE_ACTIVITY_DONE : PROSPECT_TIMELINE_ACTIVITY_PLANNED,
                         who, activity_sentence (column_text (stmt, 3), done, who, column_text (stmt, 4)));
      entry->all_day = sqlite3_column_int (stmt, 1) != 0;
      g_ptr_array_add (entries, entry);
    }

  return finish (db, stmt, rc, error);
}

/* The deal's currency; NULL + NOT_FOUND when there is no such live deal. */
static char *
deal_currency (ProspectDatabase  *db,
               const char        *deal_id,
               GError           **error)
{
  sqlite3_stmt *stmt;
  char *currency = NULL;
  int rc;

  stmt = prospect_database_prepare (db, "SELECT currency FROM deal WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, deal_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    currency = g_strdup (column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_NOT_FOUND, _("The deal no longer exists"));
  else if (rc != SQLITE_ROW)
    prospect_database_set_sqlite_error (db, rc, error);

  return currency;
}

/* Newest first; on equal times the later source wins, so that a stage
 * move shows above the field changes written with it. */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const ProspectTimelineEntry *x = *(ProspectTimelineEntry **) a;
  const ProspectTimelineEntry *y = *(ProspectTimelineEntry **) b;

  if (x->at != y->at)
    return x->at < y->at ? 1 : -1;

  return (int) y->kind - (int) x->kind;
}

GPtrArray *
prospect_deal_timeline (ProspectDatabase  *db,
                        const char        *deal_id,
                        guint              limit,
                        GError           **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *currency = NULL;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (deal_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((currency = deal_currency (db, deal_id, error)) == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) prospect_timeline_entry_free);
  if (!add_activities (db, deal_id, limit, entries, error) ||
      !add_stage_changes (db, deal_id, limit, entries, error) ||
      !add_field_changes (db, deal_id, currency, limit, entries, error))
    return NULL;

  g_ptr_array_sort (entries, compare_newest_first);
  if (entries->len > limit)
    g_ptr_array_set_size (entries, limit);

  return g_steal_pointer (&entries);
}
