/* prospect-import-writer.c - the mapped rows into the database, in one
 * transaction, matching what is already there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-import"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "prospect-clock.h"
#include "prospect-import-private.h"

#define ROWS_PER_CHECK 256
/* The whole import is one transaction: with SQLite's default 2 MB page
 * cache its pages spill into the WAL file long before the commit (and a
 * preview, which rolls back, would write them for nothing). The cache
 * grows only as far as the import needs, and is set back afterwards. */
#define IMPORT_CACHE_KIB 262144
#define TEMP_STORE_MEMORY 2
#define MS_PER_SECOND  1000
#define NOON           12

typedef struct
{
  char *id;
  char  kind;        /* 'o', 'w', 'l' */
  int   position;
  int   probability;
} StageInfo;

typedef struct
{
  ProspectImport      *import;
  ProspectDatabase    *db;
  ProspectImportStats *stats;
  GCancellable        *cancellable;
  ProspectImportProgress progress;
  gpointer             progress_data;
  gint64               now;
  char                *default_currency;
  char                *today;

  GPtrArray           *stage_list;        /* StageInfo, owned */
  GHashTable          *stages;            /* casefolded name -> StageInfo */
  GHashTable          *people;            /* casefolded name -> id */
  GHashTable          *accounts_by_ext;   /* external id -> id */
  GHashTable          *accounts_by_name;  /* casefolded name -> id */
  GHashTable          *new_accounts;      /* ids inserted by this run */
  GHashTable          *products;          /* squashed name -> id */
  GHashTable          *contacts;          /* account id + casefolded name -> id */
  GHashTable          *date_ms;           /* "YYYY-MM-DD" -> gint64 * */
  GHashTable          *deals_by_ext;      /* external id -> StoredDeal */

  sqlite3_stmt        *find_deal_by_id;
  sqlite3_stmt        *insert_deal;
  sqlite3_stmt        *update_deal;
  sqlite3_stmt        *insert_stage_change;
  sqlite3_stmt        *insert_first_stage_change;
  sqlite3_stmt        *insert_person;
  sqlite3_stmt        *update_person;
  sqlite3_stmt        *insert_account;
  sqlite3_stmt        *update_account;
  sqlite3_stmt        *set_account_parent;
  sqlite3_stmt        *insert_product;
  sqlite3_stmt        *insert_contact;
} Writer;

/* Every write is one row, so OR FAIL (stop at the failing row, keep
 * nothing of it) is the same as the default OR ABORT, without the
 * statement journal that ABORT keeps around every statement: the import
 * rolls back as a whole on any failure anyway. */

/* The deal columns bound by number in both statements below:
 * ?1 id, ?2 now, ?3 title, ?4 account_id, ?5 contact_id, ?6 owner_id,
 * ?7 stage_id, ?8 amount, ?9 currency, ?10 probability, ?11 expected_close,
 * ?12 priority, ?13 next_step, ?14 challenges, ?15 region, ?16 channel,
 * ?17 product_id, ?18 source, ?19 status, ?20 lost_reason, ?21 closed_on,
 * ?22 external_id, and for an insert ?23 created_at, ?24 default currency. */
#define INSERT_DEAL_SQL \
  "INSERT OR FAIL INTO deal (id, created_at, updated_at, title, account_id, contact_id, owner_id, stage_id," \
  " amount, currency, probability, expected_close, priority, next_step, challenges, region, channel," \
  " product_id, source, status, lost_reason, closed_on, external_id)" \
  " VALUES (?1, ?23, ?2, ?3, ?4, ?5, ?6, ?7, ifnull(?8, 0), ifnull(?9, ?24), ?10, ?11, ifnull(?12, 1)," \
  " ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)"

/* A value the file does not give (bound NULL) keeps the stored one; the
 * WHERE clause makes an identical row a no-op, so a re-import of the same
 * file changes nothing, updated_at included. */
#define KEEP(col, n) col " = ifnull(?" #n ", " col ")"
#define DIFFERS(col, n) " OR " col " IS NOT ifnull(?" #n ", " col ")"
#define UPDATE_DEAL_SQL \
  "UPDATE OR FAIL deal SET updated_at = ?2, " KEEP ("title", 3) ", " KEEP ("account_id", 4) ", " \
  KEEP ("contact_id", 5) ", " KEEP ("owner_id", 6) ", stage_id = ?7, " KEEP ("amount", 8) ", " \
  KEEP ("currency", 9) ", " KEEP ("probability", 10) ", " KEEP ("expected_close", 11) ", " \
  KEEP ("priority", 12) ", " KEEP ("next_step", 13) ", " KEEP ("challenges", 14) ", " \
  KEEP ("region", 15) ", " KEEP ("channel", 16) ", " KEEP ("product_id", 17) ", " \
  KEEP ("source", 18) ", status = ?19, " KEEP ("lost_reason", 20) ", closed_on = ?21, " \
  KEEP ("external_id", 22) \
  " WHERE id = ?1 AND (stage_id IS NOT ?7 OR status IS NOT ?19 OR closed_on IS NOT ?21" \
  DIFFERS ("title", 3) DIFFERS ("account_id", 4) DIFFERS ("contact_id", 5) DIFFERS ("owner_id", 6) \
  DIFFERS ("amount", 8) DIFFERS ("currency", 9) DIFFERS ("probability", 10) \
  DIFFERS ("expected_close", 11) DIFFERS ("priority", 12) DIFFERS ("next_step", 13) \
  DIFFERS ("challenges", 14) DIFFERS ("region", 15) DIFFERS ("channel", 16) \
  DIFFERS ("product_id", 17) DIFFERS ("source", 18) DIFFERS ("lost_reason", 20) \
  DIFFERS ("external_id", 22) ")"

/* One history row per stage a deal reached: a re-import adds nothing, a
 * deal that moved on gets the new stage. */
#define INSERT_STAGE_CHANGE_SQL \
  "INSERT OR FAIL INTO deal_stage_change (id, created_at, updated_at, deal_id, from_stage_id, to_stage_id," \
  " changed_at, changed_by) SELECT ?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7" \
  " WHERE NOT EXISTS (SELECT 1 FROM deal_stage_change WHERE deal_id = ?3 AND to_stage_id = ?5" \
  " AND deleted_at IS NULL)"
/* A deal made by this run has no history to compare with. */
#define INSERT_FIRST_STAGE_CHANGE_SQL \
  "INSERT OR FAIL INTO deal_stage_change (id, created_at, updated_at, deal_id, from_stage_id, to_stage_id," \
  " changed_at, changed_by) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7)"

/* A deal already in the database (or written earlier in this run). */
typedef struct
{
  char     *id;
  char     *stage_id;
  gboolean  deleted;
} StoredDeal;

static void
stored_deal_clear (StoredDeal *stored)
{
  g_clear_pointer (&stored->id, g_free);
  g_clear_pointer (&stored->stage_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StoredDeal, stored_deal_clear)

static StoredDeal *
stored_deal_new (const char *id,
                 const char *stage_id,
                 gboolean    deleted)
{
  StoredDeal *stored = g_new0 (StoredDeal, 1);

  stored->id = g_strdup (id);
  stored->stage_id = g_strdup (stage_id);
  stored->deleted = deleted;
  return stored;
}

static void
stored_deal_free (gpointer data)
{
  stored_deal_clear (data);
  g_free (data);
}

static void
stage_info_free (gpointer data)
{
  StageInfo *stage = data;

  g_free (stage->id);
  g_free (stage);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_int (sqlite3_stmt *stmt,
          int           index,
          gint64        value)
{
  if (value >= 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static void
statement_restart (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Steps a write statement; TRUE when it succeeded. */
static gboolean
step_done (Writer        *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  return prospect_database_set_sqlite_error (self->db, rc, error);
}

static gboolean
changed_rows (Writer *self)
{
  return sqlite3_changes (prospect_database_get_handle (self->db)) > 0;
}

static char *
fold (const char *text)
{
  return g_utf8_casefold (text, -1);
}

static gint64
date_to_ms (Writer     *self,
            const char *iso)
{
  gint64 *cached = g_hash_table_lookup (self->date_ms, iso);
  g_autoptr(GDateTime) noon = NULL;
  int year, month, day;

  if (cached != NULL)
    return *cached;

  /* Noon: the day stays the same day in every time zone a team works in. */
  if (sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3 ||
      (noon = g_date_time_new_local (year, month, day, NOON, 0, 0)) == NULL)
    return self->now;

  cached = g_new (gint64, 1);
  *cached = g_date_time_to_unix (noon) * MS_PER_SECOND;
  g_hash_table_insert (self->date_ms, g_strdup (iso), cached);

  return *cached;
}

/* ---- what is already there ------------------------------------------------ */

typedef void (*RowFunc) (Writer       *self,
                         sqlite3_stmt *stmt);

static gboolean
for_each_row (Writer      *self,
              const char  *sql,
              RowFunc      func,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (prospect_database_get_handle (self->db), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return prospect_database_set_sqlite_error (self->db, rc, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (self, stmt);

  if (rc != SQLITE_DONE)
    return prospect_database_set_sqlite_error (self->db, rc, error);

  return TRUE;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static void
add_stage (Writer     *self,
           const char *id,
           const char *name,
           char        kind,
           int         position,
           int         probability)
{
  StageInfo *stage = g_new0 (StageInfo, 1);

  stage->id = g_strdup (id);
  stage->kind = kind;
  stage->position = position;
  stage->probability = probability;
  g_ptr_array_add (self->stage_list, stage);
  if (!g_hash_table_contains (self->stages, name))
    g_hash_table_insert (self->stages, fold (name), stage);
}

static void
stage_row (Writer       *self,
           sqlite3_stmt *stmt)
{
  add_stage (self, column_text (stmt, 0), column_text (stmt, 1), column_text (stmt, 2)[0],
             sqlite3_column_int (stmt, 3), sqlite3_column_int (stmt, 4));
}

/* The first of two people with one name wins, every time. */
static void
insert_new (GHashTable *table,
            char       *key,
            const char *id)
{
  if (g_hash_table_contains (table, key))
    g_free (key);
  else
    g_hash_table_insert (table, key, g_strdup (id));
}

static void
person_row (Writer       *self,
            sqlite3_stmt *stmt)
{
  insert_new (self->people, fold (column_text (stmt, 1)), column_text (stmt, 0));
}

static void
account_row (Writer       *self,
             sqlite3_stmt *stmt)
{
  const char *external_id = column_text (stmt, 2);

  if (external_id != NULL)
    insert_new (self->accounts_by_ext, g_strdup (external_id), column_text (stmt, 0));
  if (sqlite3_column_int (stmt, 3) == 0)
    insert_new (self->accounts_by_name, fold (column_text (stmt, 1)), column_text (stmt, 0));
}

static void
product_row (Writer       *self,
             sqlite3_stmt *stmt)
{
  insert_new (self->products, prospect_import_squash (column_text (stmt, 1)), column_text (stmt, 0));
}

static char *
contact_key (const char *account_id,
             const char *name)
{
  g_autofree char *folded = fold (name);

  return g_strconcat (account_id ? account_id : "", "\x1f", folded, NULL);
}

static void
contact_row (Writer       *self,
             sqlite3_stmt *stmt)
{
  insert_new (self->contacts, contact_key (column_text (stmt, 1), column_text (stmt, 2)), column_text (stmt, 0));
}

/* One read of every external id: a lookup per row costs more than this
 * on large files, and an empty database costs nothing. */
static void
deal_row (Writer       *self,
          sqlite3_stmt *stmt)
{
  g_hash_table_insert (self->deals_by_ext, g_strdup (column_text (stmt, 0)),
                       stored_deal_new (column_text (stmt, 1), column_text (stmt, 2),
                                        sqlite3_column_int (stmt, 3) != 0));
}

static gboolean
load_existing (Writer  *self,
               GError **error)
{
  /* Soft-deleted accounts keep their external id (it is unique over all
   * rows), so they are found by it, but never by name. */
  return for_each_row (self, "SELECT id, name, substr(kind, 1, 1), position, probability FROM stage"
                             " WHERE deleted_at IS NULL ORDER BY position", stage_row, error) &&
         for_each_row (self, "SELECT id, name FROM person WHERE deleted_at IS NULL ORDER BY created_at, id",
                       person_row, error) &&
         for_each_row (self, "SELECT id, name, external_id, deleted_at IS NOT NULL FROM account"
                             " ORDER BY created_at, id", account_row, error) &&
         for_each_row (self, "SELECT id, name FROM product WHERE deleted_at IS NULL ORDER BY created_at, id",
                       product_row, error) &&
         for_each_row (self, "SELECT id, account_id, name FROM contact WHERE deleted_at IS NULL"
                             " ORDER BY created_at, id", contact_row, error) &&
         for_each_row (self, "SELECT external_id, id, stage_id, deleted_at IS NOT NULL FROM deal"
                             " WHERE external_id IS NOT NULL", deal_row, error);
}

static gboolean
prepare_statements (Writer  *self,
                    GError **error)
{
  const struct {
    sqlite3_stmt **stmt;
    const char    *sql;
  } statements[] = {
    { &self->find_deal_by_id, "SELECT id, stage_id, deleted_at IS NOT NULL FROM deal WHERE id = ?1" },
    { &self->insert_deal, INSERT_DEAL_SQL },
    { &self->update_deal, UPDATE_DEAL_SQL },
    { &self->insert_stage_change, INSERT_STAGE_CHANGE_SQL },
    { &self->insert_first_stage_change, INSERT_FIRST_STAGE_CHANGE_SQL },
    { &self->insert_person,
      "INSERT OR FAIL INTO person (id, created_at, updated_at, name, role, manager_id, region)"
      " VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6)" },
    { &self->update_person,
      "UPDATE OR FAIL person SET updated_at = ?2, manager_id = ifnull(manager_id, ?3), region = ifnull(region, ?4)"
      " WHERE id = ?1 AND ((manager_id IS NULL AND ?3 IS NOT NULL) OR (region IS NULL AND ?4 IS NOT NULL))" },
    { &self->insert_account,
      "INSERT OR FAIL INTO account (id, created_at, updated_at, name, sector, revenue, currency, employees,"
      " location, external_id) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)" },
    { &self->update_account,
      "UPDATE OR FAIL account SET updated_at = ?2, " KEEP ("sector", 3) ", " KEEP ("revenue", 4) ", "
      KEEP ("employees", 5) ", " KEEP ("location", 6) ", external_id = ifnull(external_id, ?7)"
      " WHERE id = ?1 AND (external_id IS NOT ifnull(external_id, ?7)" DIFFERS ("sector", 3)
      DIFFERS ("revenue", 4) DIFFERS ("employees", 5) DIFFERS ("location", 6) ")" },
    { &self->set_account_parent,
      "UPDATE OR FAIL account SET updated_at = ?3, parent_id = ?2 WHERE id = ?1 AND parent_id IS NOT ?2" },
    { &self->insert_product,
      "INSERT OR FAIL INTO product (id, created_at, updated_at, name, family, list_price, currency)"
      " VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6)" },
    { &self->insert_contact,
      "INSERT OR FAIL INTO contact (id, created_at, updated_at, account_id, name) VALUES (?1, ?2, ?2, ?3, ?4)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    if ((*statements[i].stmt = prospect_database_prepare (self->db, statements[i].sql, error)) == NULL)
      return FALSE;

  return TRUE;
}

/* ---- stages --------------------------------------------------------------- */

static StageInfo *
first_stage_of_kind (Writer *self,
                     char    kind)
{
  StageInfo *best = NULL;

  for (guint i = 0; i < self->stage_list->len; i++)
    {
      StageInfo *stage = g_ptr_array_index (self->stage_list, i);

      if (stage->kind == kind && (best == NULL || stage->position < best->position))
        best = stage;
    }

  return best;
}

/* A new open stage goes right after the stage that precedes it in the
 * source's own order when Prospect has that one (Maven: Engaging after
 * Prospecting), else after the last open stage. Later stages move down. */
static void
new_stage_place (Writer     *self,
                 const char *name,
                 int        *position,
                 int        *probability)
{
  const char * const *order = self->import->stage_order;
  StageInfo *before = NULL;
  int next_probability = 100;

  for (guint i = 1; order != NULL && order[i] != NULL; i++)
    if (g_ascii_strcasecmp (order[i], name) == 0)
      {
        g_autofree char *key = fold (order[i - 1]);
        before = g_hash_table_lookup (self->stages, key);
      }

  for (guint i = 0; before == NULL && i < self->stage_list->len; i++)
    {
      StageInfo *stage = g_ptr_array_index (self->stage_list, i);

      if (stage->kind == 'o' && (before == NULL || stage->position > before->position))
        before = stage;
    }

  for (guint i = 0; i < self->stage_list->len; i++)
    {
      StageInfo *stage = g_ptr_array_index (self->stage_list, i);

      if (before != NULL && stage->position == before->position + 1)
        next_probability = stage->probability;
    }

  *position = before != NULL ? before->position + 1 : 0;
  /* Halfway between its neighbours: a guess the user can change. */
  *probability = before != NULL ? (before->probability + next_probability) / 2 : 10;
}

static StageInfo *
create_stage (Writer      *self,
              const char  *name,
              char         kind,
              GError     **error)
{
  static const char * const kinds[] = { "open", "won", "lost" };
  const char *kind_name = kind == 'w' ? kinds[1] : kind == 'l' ? kinds[2] : kinds[0];
  g_autofree char *id = prospect_id_new ();
  sqlite3_stmt *stmt;
  int position;
  int probability;

  new_stage_place (self, name, &position, &probability);
  if (kind != 'o')
    probability = kind == 'w' ? 100 : 0;

  stmt = prospect_database_prepare (self->db, "UPDATE stage SET position = position + 1, updated_at = ?2"
                                              " WHERE position >= ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, position);
  sqlite3_bind_int64 (stmt, 2, self->now);
  if (!step_done (self, stmt, error))
    return NULL;

  for (guint i = 0; i < self->stage_list->len; i++)
    {
      StageInfo *stage = g_ptr_array_index (self->stage_list, i);
      if (stage->position >= position)
        stage->position++;
    }

  stmt = prospect_database_prepare (self->db, "INSERT OR FAIL INTO stage (id, created_at, updated_at, name, position,"
                                              " kind, probability) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, self->now);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, position);
  sqlite3_bind_text (stmt, 5, kind_name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, probability);
  if (!step_done (self, stmt, error))
    return NULL;

  self->stats->stages_new++;
  prospect_import_notice (self->import, _("The stage “%s” is added to the pipeline"), name);
  add_stage (self, id, name, kind, position, probability);

  return g_ptr_array_index (self->stage_list, self->stage_list->len - 1);
}

static StageInfo *
stage_by_name (Writer     *self,
               const char *name)
{
  g_autofree char *key = fold (name);

  return g_hash_table_lookup (self->stages, key);
}

static StageInfo *
closed_stage (Writer      *self,
              const char  *name,
              char         kind,
              GError     **error)
{
  StageInfo *stage = name != NULL ? stage_by_name (self, name) : NULL;

  if (stage != NULL && stage->kind == kind)
    return stage;

  stage = first_stage_of_kind (self, kind);
  if (stage != NULL)
    return stage;

  return create_stage (self, kind == 'w' ? _("Won") : _("Lost"), kind, error);
}

/* status: in, the file's status or 0; out, the status of the stage. */
static StageInfo *
resolve_stage (Writer            *self,
               const ImportDeal  *deal,
               char              *status,
               GError           **error)
{
  StageInfo *stage;

  if (deal->status == 'w' || deal->status == 'l')
    stage = closed_stage (self, deal->stage, deal->status, error);
  else if (deal->stage == NULL)
    stage = first_stage_of_kind (self, 'o');   /* a file without stages: the pipeline's start */
  else if ((stage = stage_by_name (self, deal->stage)) == NULL)
    stage = create_stage (self, deal->stage, 'o', error);

  if (stage == NULL && error != NULL && *error == NULL)
    g_set_error (error, PROSPECT_IMPORT_ERROR, PROSPECT_IMPORT_ERROR_FORMAT,
                 _("The database has no open stage to put the deal in"));
  if (stage != NULL)
    *status = stage->kind;

  return stage;
}

/* ---- people, products, accounts, contacts --------------------------------- */

static const char *
ensure_person (Writer      *self,
               const char  *name,
               const char  *role,
               const char  *manager,
               const char  *region,
               GError     **error)
{
  g_autofree char *key = fold (name);
  const char *manager_id = NULL;
  const char *id = g_hash_table_lookup (self->people, key);

  if (manager != NULL && g_utf8_collate (manager, name) != 0)
    {
      manager_id = ensure_person (self, manager, "manager", NULL, NULL, error);
      if (manager_id == NULL)
        return NULL;
    }

  if (id != NULL)
    {
      statement_restart (self->update_person);
      bind_text (self->update_person, 1, id);
      sqlite3_bind_int64 (self->update_person, 2, self->now);
      bind_text (self->update_person, 3, manager_id);
      bind_text (self->update_person, 4, region);
      return step_done (self, self->update_person, error) ? id : NULL;
    }

  {
    g_autofree char *new_id = prospect_id_new ();
    const char *stored = new_id;

    statement_restart (self->insert_person);
    bind_text (self->insert_person, 1, new_id);
    sqlite3_bind_int64 (self->insert_person, 2, self->now);
    bind_text (self->insert_person, 3, name);
    bind_text (self->insert_person, 4, role);
    bind_text (self->insert_person, 5, manager_id);
    bind_text (self->insert_person, 6, region);
    if (!step_done (self, self->insert_person, error))
      return NULL;

    self->stats->people_new++;
    g_hash_table_insert (self->people, g_steal_pointer (&key), g_steal_pointer (&new_id));
    return stored;
  }
}

static const char *
ensure_product (Writer      *self,
                const char  *name,
                const char  *family,
                gint64       list_price,
                GError     **error)
{
  g_autofree char *key = prospect_import_squash (name);
  g_autofree char *id = NULL;
  const char *found = g_hash_table_lookup (self->products, key);

  if (found != NULL)
    return found;

  id = prospect_id_new ();
  statement_restart (self->insert_product);
  bind_text (self->insert_product, 1, id);
  sqlite3_bind_int64 (self->insert_product, 2, self->now);
  bind_text (self->insert_product, 3, name);
  bind_text (self->insert_product, 4, family);
  sqlite3_bind_int64 (self->insert_product, 5, MAX (list_price, 0));
  bind_text (self->insert_product, 6, self->default_currency);
  if (!step_done (self, self->insert_product, error))
    return NULL;

  self->stats->products_new++;
  found = id;
  g_hash_table_insert (self->products, g_steal_pointer (&key), g_steal_pointer (&id));
  return found;
}

static const char *
insert_account (Writer               *self,
                const ImportAccount  *account,
                GError              **error)
{
  g_autofree char *id = prospect_id_new ();
  const char *stored = id;

  statement_restart (self->insert_account);
  bind_text (self->insert_account, 1, id);
  sqlite3_bind_int64 (self->insert_account, 2, self->now);
  bind_text (self->insert_account, 3, account->name);
  bind_text (self->insert_account, 4, account->sector);
  bind_int (self->insert_account, 5, account->revenue);
  bind_text (self->insert_account, 6, self->default_currency);
  bind_int (self->insert_account, 7, account->employees);
  bind_text (self->insert_account, 8, account->location);
  bind_text (self->insert_account, 9, account->external_id);
  if (!step_done (self, self->insert_account, error))
    return NULL;

  self->stats->accounts_new++;
  g_hash_table_add (self->new_accounts, g_strdup (id));
  if (account->external_id != NULL)
    g_hash_table_insert (self->accounts_by_ext, g_strdup (account->external_id), g_strdup (id));
  g_hash_table_insert (self->accounts_by_name, fold (account->name), g_steal_pointer (&id));

  return stored;
}

static const char *
find_account (Writer     *self,
              const char *external_id,
              const char *name)
{
  const char *id = external_id != NULL ? g_hash_table_lookup (self->accounts_by_ext, external_id) : NULL;

  if (id == NULL && name != NULL)
    {
      g_autofree char *key = fold (name);
      id = g_hash_table_lookup (self->accounts_by_name, key);
    }

  return id;
}

static const char *
ensure_account (Writer               *self,
                const ImportAccount  *account,
                GError              **error)
{
  const char *id = find_account (self, account->external_id, account->name);

  if (id == NULL)
    return insert_account (self, account, error);

  statement_restart (self->update_account);
  bind_text (self->update_account, 1, id);
  sqlite3_bind_int64 (self->update_account, 2, self->now);
  bind_text (self->update_account, 3, account->sector);
  bind_int (self->update_account, 4, account->revenue);
  bind_int (self->update_account, 5, account->employees);
  bind_text (self->update_account, 6, account->location);
  bind_text (self->update_account, 7, account->external_id);
  if (!step_done (self, self->update_account, error))
    return NULL;

  if (changed_rows (self) && !g_hash_table_contains (self->new_accounts, id))
    self->stats->accounts_updated++;

  return id;
}

static gboolean
link_parent (Writer               *self,
             const ImportAccount  *account,
             GError              **error)
{
  const char *id = find_account (self, account->external_id, account->name);
  const char *parent_id = find_account (self, NULL, account->parent);

  if (parent_id == NULL || g_strcmp0 (id, parent_id) == 0)
    {
      prospect_import_notice (self->import, _("The parent account “%s” of “%s” is not known; it was not linked"),
                              account->parent, account->name);
      return TRUE;
    }

  statement_restart (self->set_account_parent);
  bind_text (self->set_account_parent, 1, id);
  bind_text (self->set_account_parent, 2, parent_id);
  sqlite3_bind_int64 (self->set_account_parent, 3, self->now);
  if (!step_done (self, self->set_account_parent, error))
    return FALSE;

  if (changed_rows (self) && !g_hash_table_contains (self->new_accounts, id))
    self->stats->accounts_updated++;

  return TRUE;
}

static const char *
ensure_contact (Writer      *self,
                const char  *account_id,
                const char  *name,
                GError     **error)
{
  g_autofree char *key = contact_key (account_id, name);
  g_autofree char *id = NULL;
  const char *found = g_hash_table_lookup (self->contacts, key);

  if (found != NULL)
    return found;

  id = prospect_id_new ();
  statement_restart (self->insert_contact);
  bind_text (self->insert_contact, 1, id);
  sqlite3_bind_int64 (self->insert_contact, 2, self->now);
  bind_text (self->insert_contact, 3, account_id);
  bind_text (self->insert_contact, 4, name);
  if (!step_done (self, self->insert_contact, error))
    return NULL;

  found = id;
  g_hash_table_insert (self->contacts, g_steal_pointer (&key), g_steal_pointer (&id));
  return found;
}

static gboolean
write_side_tables (Writer  *self,
                   GError **error)
{
  ProspectImport *import = self->import;

  for (guint i = 0; i < import->people->len; i++)
    {
      const ImportPerson *person = &g_array_index (import->people, ImportPerson, i);

      if (!ensure_person (self, person->name, person->role, person->manager, person->region, error))
        return FALSE;
    }

  for (guint i = 0; i < import->products->len; i++)
    {
      const ImportProduct *product = &g_array_index (import->products, ImportProduct, i);

      if (!ensure_product (self, product->name, product->family, product->list_price, error))
        return FALSE;
    }

  for (guint i = 0; i < import->accounts->len; i++)
    if (!ensure_account (self, &g_array_index (import->accounts, ImportAccount, i), error))
      return FALSE;

  /* Parents once every account exists: a subsidiary may come first. */
  for (guint i = 0; i < import->accounts->len; i++)
    {
      const ImportAccount *account = &g_array_index (import->accounts, ImportAccount, i);

      if (account->parent != NULL && !link_parent (self, account, error))
        return FALSE;
    }

  return TRUE;
}

/* ---- deals ---------------------------------------------------------------- */

typedef struct
{
  const char *owner_id;
  const char *account_id;
  const char *contact_id;
  const char *product_id;
  StageInfo  *stage;
  char        status;
  char        expected_close[11];
  char        closed_on[11];
} DealRefs;


/* Generic files may carry Prospect's own ids (an export read back). */
static gboolean
find_by_id (Writer        *self,
            const char    *key,
            StoredDeal    *stored,
            GError       **error)
{
  sqlite3_stmt *stmt = self->find_deal_by_id;
  int rc;

  if (key == NULL)
    return TRUE;

  statement_restart (stmt);
  bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stored->id = g_strdup (column_text (stmt, 0));
      stored->stage_id = g_strdup (column_text (stmt, 1));
      stored->deleted = sqlite3_column_int (stmt, 2) != 0;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return prospect_database_set_sqlite_error (self->db, rc, error);

  return TRUE;
}

static gboolean
resolve_refs (Writer            *self,
              const ImportDeal  *deal,
              DealRefs          *refs,
              GError           **error)
{
  memset (refs, 0, sizeof *refs);

  if (deal->owner != NULL && !(refs->owner_id = ensure_person (self, deal->owner, "rep", NULL, NULL, error)))
    return FALSE;

  if (deal->account != NULL || deal->account_external_id != NULL)
    {
      ImportAccount account = { deal->account_external_id, deal->account ? deal->account : deal->account_external_id,
                                NULL, -1, -1, NULL, NULL };

      refs->account_id = find_account (self, account.external_id, account.name);
      if (refs->account_id == NULL && !(refs->account_id = insert_account (self, &account, error)))
        return FALSE;
    }

  if (deal->contact != NULL && !(refs->contact_id = ensure_contact (self, refs->account_id, deal->contact, error)))
    return FALSE;

  if (deal->product != NULL && !(refs->product_id = ensure_product (self, deal->product, NULL, 0, error)))
    return FALSE;

  refs->status = deal->status;
  if (!(refs->stage = resolve_stage (self, deal, &refs->status, error)))
    return FALSE;

  /* A closed deal's only date may be its expected close; an open deal has
   * no close date. */
  memcpy (refs->expected_close, deal->expected_close, sizeof refs->expected_close);
  memcpy (refs->closed_on, deal->closed_on, sizeof refs->closed_on);
  if (refs->status == 'o')
    refs->closed_on[0] = '\0';
  else if (refs->closed_on[0] == '\0' && refs->expected_close[0] != '\0')
    memcpy (refs->closed_on, refs->expected_close, sizeof refs->closed_on);
  else if (refs->closed_on[0] == '\0')
    g_strlcpy (refs->closed_on, self->today, sizeof refs->closed_on);

  return TRUE;
}

static void
bind_deal (Writer           *self,
           sqlite3_stmt     *stmt,
           const char       *id,
           const char       *external_id,
           const ImportDeal *deal,
           const DealRefs   *refs)
{
  static const char * const statuses[] = { "open", "won", "lost" };

  statement_restart (stmt);
  bind_text (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, self->now);
  /* A title the preset made up never replaces the one the deal has. */
  bind_text (stmt, 3, deal->title_made && stmt == self->update_deal ? NULL : deal->title);
  bind_text (stmt, 4, refs->account_id);
  bind_text (stmt, 5, refs->contact_id);
  bind_text (stmt, 6, refs->owner_id);
  bind_text (stmt, 7, refs->stage->id);
  bind_int (stmt, 8, deal->amount);
  bind_text (stmt, 9, deal->currency);
  bind_int (stmt, 10, deal->probability);
  bind_text (stmt, 11, refs->expected_close);
  bind_int (stmt, 12, deal->priority);
  bind_text (stmt, 13, deal->next_step);
  bind_text (stmt, 14, deal->challenges);
  bind_text (stmt, 15, deal->region);
  bind_text (stmt, 16, deal->channel);
  bind_text (stmt, 17, refs->product_id);
  bind_text (stmt, 18, deal->source);
  bind_text (stmt, 19, statuses[refs->status == 'w' ? 1 : refs->status == 'l' ? 2 : 0]);
  bind_text (stmt, 20, deal->lost_reason);
  bind_text (stmt, 21, refs->closed_on);
  bind_text (stmt, 22, external_id);
}

static gint64
created_ms (Writer           *self,
            const ImportDeal *deal,
            const DealRefs   *refs)
{
  const char *dates[] = { deal->created_on, deal->via_on, deal->stage_on, refs->closed_on };

  if (deal->created_ms > 0)
    return deal->created_ms;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (dates[i][0] != '\0')
      return date_to_ms (self, dates[i]);

  return self->now;
}

static gboolean
insert_stage_change (Writer       *self,
                     sqlite3_stmt *stmt,
                     const char   *deal_id,
                     const char  *from_stage_id,
                     const char  *to_stage_id,
                     gint64       at,
                     const char  *by,
                     GError     **error)
{
  g_autofree char *id = prospect_id_new ();

  statement_restart (stmt);
  bind_text (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, self->now);
  bind_text (stmt, 3, deal_id);
  bind_text (stmt, 4, from_stage_id);
  bind_text (stmt, 5, to_stage_id);
  sqlite3_bind_int64 (stmt, 6, at);
  bind_text (stmt, 7, by);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (changed_rows (self))
    self->stats->stage_changes_new++;

  return TRUE;
}

/* The history the file tells: the stage passed on the way (with its
 * date), then the deal's stage, dated by the most precise date known. */
static gboolean
write_history (Writer            *self,
               const char        *deal_id,
               const ImportDeal  *deal,
               const DealRefs    *refs,
               const StoredDeal  *stored,
               gint64             created_at,
               GError           **error)
{
  sqlite3_stmt *stmt = stored != NULL ? self->insert_stage_change : self->insert_first_stage_change;
  const char *from = stored != NULL ? stored->stage_id : NULL;
  gint64 at;

  if (deal->via_stage != NULL)
    {
      StageInfo *via = stage_by_name (self, deal->via_stage);

      if (via == NULL && !(via = create_stage (self, deal->via_stage, 'o', error)))
        return FALSE;

      if (via != refs->stage)
        {
          if (!insert_stage_change (self, stmt, deal_id, from, via->id, date_to_ms (self, deal->via_on),
                                    refs->owner_id, error))
            return FALSE;
          from = via->id;
        }
    }

  if (deal->stage_on[0] != '\0')
    at = date_to_ms (self, deal->stage_on);
  else if (refs->status != 'o')
    at = date_to_ms (self, refs->closed_on);
  else
    at = stored != NULL ? self->now : created_at;

  return insert_stage_change (self, stmt, deal_id, from, refs->stage->id, at, refs->owner_id, error);
}

/* A Prospect id (a UUID in text), e.g. from an export of another
 * Prospect database: the deal keeps it. */
static gboolean
looks_like_id (const char *text)
{
  static const char pattern[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

  if (text == NULL || strlen (text) != sizeof pattern - 1)
    return FALSE;

  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == '-' ? text[i] != '-' : !g_ascii_isxdigit (text[i]))
      return FALSE;

  return TRUE;
}

static gboolean
write_deal (Writer            *self,
            const ImportDeal  *deal,
            GError           **error)
{
  g_auto(StoredDeal) by_id = { NULL };
  g_autofree char *new_id = NULL;
  const StoredDeal *stored = NULL;
  const char *deal_id;
  DealRefs refs;
  gint64 created_at;

  if (!find_by_id (self, deal->id, &by_id, error))
    return FALSE;

  if (by_id.id != NULL)
    stored = &by_id;
  else if (deal->external_id != NULL)
    stored = g_hash_table_lookup (self->deals_by_ext, deal->external_id);

  /* A deal deleted in Prospect stays deleted. */
  if (stored != NULL && stored->deleted)
    {
      self->stats->deals_unchanged++;
      return TRUE;
    }

  if (!resolve_refs (self, deal, &refs, error))
    return FALSE;

  created_at = created_ms (self, deal, &refs);
  if (stored != NULL)
    {
      deal_id = stored->id;
      /* Found by its own id: it needs no external id. */
      bind_deal (self, self->update_deal, deal_id, stored == &by_id ? NULL : deal->external_id, deal, &refs);
      if (!step_done (self, self->update_deal, error))
        return FALSE;
      if (changed_rows (self))
        self->stats->deals_updated++;
      else
        self->stats->deals_unchanged++;
    }
  else
    {
      gboolean own_id = looks_like_id (deal->id);

      deal_id = new_id = own_id ? g_strdup (deal->id) : prospect_id_new ();
      bind_deal (self, self->insert_deal, deal_id,
                 own_id && g_strcmp0 (deal->id, deal->external_id) == 0 ? NULL : deal->external_id,
                 deal, &refs);
      sqlite3_bind_int64 (self->insert_deal, 23, created_at);
      bind_text (self->insert_deal, 24, self->default_currency);
      if (!step_done (self, self->insert_deal, error))
        return FALSE;
      self->stats->deals_new++;
    }

  if (!write_history (self, deal_id, deal, &refs, stored, created_at, error))
    return FALSE;

  /* A second row with the same id updates the deal the first one made. */
  if (deal->external_id != NULL)
    g_hash_table_insert (self->deals_by_ext, g_strdup (deal->external_id),
                         stored_deal_new (deal_id, refs.stage->id, FALSE));

  return TRUE;
}

static void
report (Writer     *self,
        double      fraction,
        const char *phase)
{
  if (self->progress != NULL)
    self->progress (fraction, phase, self->progress_data);
}

static gboolean
write_deals (Writer  *self,
             GError **error)
{
  GArray *deals = self->import->deals;

  for (guint i = 0; i < deals->len; i++)
    {
      const ImportDeal *deal = &g_array_index (deals, ImportDeal, i);

      if (i % ROWS_PER_CHECK == 0)
        {
          if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
            return FALSE;
          report (self, 0.05 + 0.9 * i / deals->len, _("Importing deals"));
        }

      if (!deal->bad && !write_deal (self, deal, error))
        {
          g_prefix_error (error, _("%s, line %u: "), deal->file, deal->line);
          return FALSE;
        }
    }

  return TRUE;
}

/* ---- the job -------------------------------------------------------------- */

static void
writer_init (Writer           *self,
             ProspectImport   *import,
             ProspectDatabase *db)
{
  self->import = import;
  self->db = db;
  self->now = prospect_clock_now_ms ();
  self->today = prospect_clock_today_iso ();
  self->default_currency = prospect_database_get_setting (db, "currency");
  if (self->default_currency == NULL)
    self->default_currency = g_strdup ("USD");

  self->stage_list = g_ptr_array_new_with_free_func (stage_info_free);
  self->stages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->accounts_by_ext = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->accounts_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->new_accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->products = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->contacts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->date_ms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->deals_by_ext = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stored_deal_free);
}

static void
writer_clear (Writer *self)
{
  g_free (self->today);
  g_free (self->default_currency);
  g_hash_table_unref (self->stages);
  g_ptr_array_unref (self->stage_list);
  g_hash_table_unref (self->people);
  g_hash_table_unref (self->accounts_by_ext);
  g_hash_table_unref (self->accounts_by_name);
  g_hash_table_unref (self->new_accounts);
  g_hash_table_unref (self->products);
  g_hash_table_unref (self->contacts);
  g_hash_table_unref (self->date_ms);
  g_hash_table_unref (self->deals_by_ext);
}

static int
get_cache_size (ProspectDatabase *db)
{
  sqlite3_stmt *stmt = prospect_database_prepare (db, "PRAGMA cache_size", NULL);
  int size = -2000;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return size;
}

static void
set_cache_size (ProspectDatabase *db,
                int               size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", size);

  sqlite3_exec (prospect_database_get_handle (db), sql, NULL, NULL, NULL);
}

static int
get_temp_store (ProspectDatabase *db)
{
  sqlite3_stmt *stmt = prospect_database_prepare (db, "PRAGMA temp_store", NULL);
  int value = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return value;
}

/* Every write inside the import's savepoint keeps a statement journal;
 * in a temporary file that is a write to disk per changed page (about
 * 1 GB for the Maven set), in memory it is a copy. Only possible outside
 * a transaction, so a caller's open transaction keeps its setting. */
static void
set_temp_store (ProspectDatabase *db,
                int               value)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA temp_store = %d", value);

  if (!prospect_database_in_transaction (db))
    sqlite3_exec (prospect_database_get_handle (db), sql, NULL, NULL, NULL);
}

static guint
count_problem_rows (GPtrArray *problems)
{
  guint rows = 0;

  /* Sorted by file and line: a row with three problems counts once. */
  for (guint i = 0; i < problems->len; i++)
    {
      const ProspectImportProblem *problem = g_ptr_array_index (problems, i);
      const ProspectImportProblem *previous = i > 0 ? g_ptr_array_index (problems, i - 1) : NULL;

      if (previous == NULL || previous->line != problem->line || g_strcmp0 (previous->file, problem->file) != 0)
        rows++;
    }

  return rows;
}

static void
notify_tables (ProspectDatabase *db)
{
  static const char * const tables[] = {
    "stage", "person", "account", "contact", "product", "deal", "deal_stage_change",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    prospect_database_notify_changed (db, tables[i], NULL, PROSPECT_CHANGE_MANY);
}

static gboolean
refuse_problems (ProspectImport       *self,
                 const ProspectImportStats *stats,
                 GError              **error)
{
  g_autofree char *first = prospect_import_problem_to_string (g_ptr_array_index (self->problems, 0));

  g_set_error (error, PROSPECT_IMPORT_ERROR, PROSPECT_IMPORT_ERROR_PROBLEMS,
               g_dngettext (GETTEXT_PACKAGE,
                            "%u row has a problem, so nothing was imported. %s",
                            "%u rows have problems, so nothing was imported. The first: %s",
                            stats->rows_with_problems),
               stats->rows_with_problems, first);
  return FALSE;
}

/* The triggers that keep each deal's furthest stage (schema v4) run once
 * per written row; an import drops them inside its transaction and works
 * the furthest stage out once, for the deals it wrote, at the end. A
 * rollback (preview, failure, cancel) brings them back with the rest. */
#define FURTHEST_TRIGGERS_SQL \
  "SELECT sql FROM sqlite_master WHERE type = 'trigger'" \
  " AND name IN ('deal_furthest_on_insert', 'deal_furthest_on_move', 'deal_furthest_on_history')"

#define RECOMPUTE_FURTHEST_SQL \
  "UPDATE deal SET furthest_stage_id =" \
  " (SELECT s.id FROM stage s WHERE s.deleted_at IS NULL AND s.kind <> 'lost'" \
  "   AND (s.id = deal.stage_id OR s.id IN (SELECT c.to_stage_id FROM deal_stage_change c" \
  "        WHERE c.deal_id = deal.id AND c.deleted_at IS NULL))" \
  "  ORDER BY s.kind = 'won' DESC, s.position DESC LIMIT 1)" \
  " WHERE updated_at = ?1 OR id IN (SELECT deal_id FROM deal_stage_change WHERE created_at = ?1)"

static GPtrArray *
suspend_furthest_triggers (Writer  *self,
                           GError **error)
{
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = prospect_database_prepare (self->db, FURTHEST_TRIGGERS_SQL, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      prospect_database_set_sqlite_error (self->db, rc, error);
      return NULL;
    }

  if (!prospect_database_exec (self->db, "DROP TRIGGER IF EXISTS deal_furthest_on_insert;"
                                         " DROP TRIGGER IF EXISTS deal_furthest_on_move;"
                                         " DROP TRIGGER IF EXISTS deal_furthest_on_history", error))
    return NULL;

  return g_steal_pointer (&triggers);
}

static gboolean
resume_furthest_triggers (Writer     *self,
                          GPtrArray  *triggers,
                          GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < triggers->len; i++)
    if (!prospect_database_exec (self->db, triggers->pdata[i], error))
      return FALSE;

  if ((stmt = prospect_database_prepare (self->db, RECOMPUTE_FURTHEST_SQL, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->now);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE || prospect_database_set_sqlite_error (self->db, rc, error);
}

static gboolean
write_all (Writer  *self,
           gboolean dry_run,
           GError **error)
{
  g_autoptr(GPtrArray) triggers = NULL;

  report (self, 0.0, _("Reading what the database holds"));

  if ((triggers = suspend_furthest_triggers (self, error)) == NULL ||
      !load_existing (self, error) || !prepare_statements (self, error))
    return FALSE;

  report (self, 0.03, _("Importing people, products and accounts"));
  if (!write_side_tables (self, error) || !write_deals (self, error) ||
      !resume_furthest_triggers (self, triggers, error))
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  if (!dry_run && !prospect_import_save_mapping (self->import, self->db, error))
    return FALSE;

  notify_tables (self->db);
  return TRUE;
}

gboolean
prospect_import_run (ProspectImport          *self,
                     ProspectDatabase        *db,
                     ProspectImportMode       mode,
                     gboolean                 dry_run,
                     GCancellable            *cancellable,
                     ProspectImportProgress   progress,
                     gpointer                 progress_data,
                     ProspectImportStats     *stats,
                     GError                 **error)
{
  ProspectImportStats local_stats = { 0 };
  Writer writer = { 0 };
  int cache_size;
  int temp_store;
  gboolean ok;

  g_return_val_if_fail (self != NULL && self->prepared, FALSE);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (stats == NULL)
    stats = &local_stats;
  memset (stats, 0, sizeof *stats);
  stats->rows = self->deals->len;
  stats->rows_with_problems = count_problem_rows (self->problems);

  if (!dry_run && mode == PROSPECT_IMPORT_NOTHING_ON_PROBLEMS && self->problems->len > 0)
    return refuse_problems (self, stats, error);

  temp_store = get_temp_store (db);
  set_temp_store (db, TEMP_STORE_MEMORY);
  if (!prospect_database_begin (db, error))
    {
      set_temp_store (db, temp_store);
      return FALSE;
    }

  cache_size = get_cache_size (db);
  set_cache_size (db, -IMPORT_CACHE_KIB);
  /* References are checked once, at the commit, instead of with a
   * statement journal around every row (SQLite resets this pragma when
   * the transaction ends). */
  sqlite3_exec (prospect_database_get_handle (db), "PRAGMA defer_foreign_keys = ON", NULL, NULL, NULL);
  writer_init (&writer, self, db);
  writer.stats = stats;
  writer.cancellable = cancellable;
  writer.progress = progress;
  writer.progress_data = progress_data;

  ok = write_all (&writer, dry_run, error);
  if (ok && !dry_run)
    {
      report (&writer, 0.97, _("Saving"));
      ok = prospect_database_commit (db, error);
    }

  /* A preview, a failure and a cancel all leave the file as it was. */
  if (!ok || dry_run)
    prospect_database_rollback (db);
  set_cache_size (db, cache_size);
  set_temp_store (db, temp_store);

  if (ok)
    report (&writer, 1.0, _("Done"));

  writer_clear (&writer);
  return ok;
}
