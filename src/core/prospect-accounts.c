/* prospect-accounts.c - what the Accounts page reads and writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "prospect-activity.h"
#include "prospect-deal.h"
#include "prospect-error.h"
#include "prospect-quick-entry.h"

#include "prospect-accounts.h"

/* Rows read per query when the list asks for a row it does not hold */
#define PAGE_SIZE 50

/* Summary */

struct _ProspectAccountSummary
{
  GObject parent_instance;

  char   *id;
  char   *name;
  char   *sector;
  char   *region;
  char   *owner_name;
  gint64  open_deals;
  gint64  open_amount;
  char   *currency;
};

G_DEFINE_FINAL_TYPE (ProspectAccountSummary, prospect_account_summary, G_TYPE_OBJECT)

static void
prospect_account_summary_finalize (GObject *object)
{
  ProspectAccountSummary *self = PROSPECT_ACCOUNT_SUMMARY (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->sector);
  g_free (self->region);
  g_free (self->owner_name);
  g_free (self->currency);

  G_OBJECT_CLASS (prospect_account_summary_parent_class)->finalize (object);
}

static void
prospect_account_summary_class_init (ProspectAccountSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = prospect_account_summary_finalize;
}

static void
prospect_account_summary_init (ProspectAccountSummary *self)
{
}

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Columns: id, name, sector, region, owner name, open count, open sum,
 * lowest and highest currency code of the open deals. */
static ProspectAccountSummary *
summary_new_from_statement (sqlite3_stmt *stmt)
{
  ProspectAccountSummary *self = g_object_new (PROSPECT_TYPE_ACCOUNT_SUMMARY, NULL);
  const char *currency_min = (const char *) sqlite3_column_text (stmt, 7);
  const char *currency_max = (const char *) sqlite3_column_text (stmt, 8);

  self->id = dup_column_text (stmt, 0);
  self->name = dup_column_text (stmt, 1);
  self->sector = dup_column_text (stmt, 2);
  self->region = dup_column_text (stmt, 3);
  self->owner_name = dup_column_text (stmt, 4);
  self->open_deals = sqlite3_column_int64 (stmt, 5);
  if (currency_min != NULL && g_strcmp0 (currency_min, currency_max) == 0)
    {
      self->currency = g_strdup (currency_min);
      self->open_amount = sqlite3_column_int64 (stmt, 6);
    }

  return self;
}

const char *
prospect_account_summary_get_id (ProspectAccountSummary *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT_SUMMARY (self), NULL);
  return self->id;
}

const char *
prospect_account_summary_get_name (ProspectAccountSummary *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT_SUMMARY (self), NULL);
  return self->name;
}

const char *
prospect_account_summary_get_sector (ProspectAccountSummary *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT_SUMMARY (self), NULL);
  return self->sector;
}

const char *
prospect_account_summary_get_region (ProspectAccountSummary *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT_SUMMARY (self), NULL);
  return self->region;
}

const char *
prospect_account_summary_get_owner_name (ProspectAccountSummary *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT_SUMMARY (self), NULL);
  return self->owner_name;
}

gint64
prospect_account_summary_get_open_deals (ProspectAccountSummary *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT_SUMMARY (self), 0);
  return self->open_deals;
}

gint64
prospect_account_summary_get_open_amount (ProspectAccountSummary *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT_SUMMARY (self), 0);
  return self->open_amount;
}

const char *
prospect_account_summary_get_currency (ProspectAccountSummary *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT_SUMMARY (self), NULL);
  return self->currency;
}

/* The list */

typedef struct
{
  char *id;
  char *name;
  char *folded;   /* prospect_quick_entry_fold (name) */
  char *sort_key; /* g_utf8_collate_key (name): the user's alphabet, accents included */
} Entry;

struct _ProspectAccountList
{
  GObject           parent_instance;

  ProspectDatabase *db;
  char             *search;
  char             *folded_search;
  GArray           *entries;  /* Entry, every live account, by sort_key */
  GArray           *matches;  /* guint indexes into entries, in list order */
  GHashTable       *rows;     /* id -> ProspectAccountSummary read so far */
  guint             refresh_id;
  gboolean          names_stale;
};

static void prospect_account_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ProspectAccountList, prospect_account_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, prospect_account_list_model_init))

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->id);
  g_free (entry->name);
  g_free (entry->folded);
  g_free (entry->sort_key);
}

static int
entry_compare (gconstpointer a,
               gconstpointer b)
{
  const Entry *ea = a;
  const Entry *eb = b;
  int result = strcmp (ea->sort_key, eb->sort_key);

  return result != 0 ? result : strcmp (ea->id, eb->id);
}

static void
load_entries (ProspectAccountList *self)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_size (self->entries, 0);
  stmt = prospect_database_prepare (self->db,
                                    "SELECT id, name FROM account WHERE deleted_at IS NULL",
                                    &error);
  if (stmt == NULL)
    {
      g_warning ("Could not read the accounts: %s", error->message);
      return;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      Entry entry = {
        .id = dup_column_text (stmt, 0),
        .name = g_strdup (name),
        .folded = prospect_quick_entry_fold (name),
        .sort_key = g_utf8_collate_key (name, -1),
      };

      g_array_append_val (self->entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      prospect_database_set_sqlite_error (self->db, rc, &error);
      g_warning ("Could not read the accounts: %s", error->message);
    }
  sqlite3_reset (stmt);

  g_array_sort (self->entries, entry_compare);
}

/* 0: the name starts with the text; 1: a word in it does; 2: it is
 * inside a word; -1: no match. */
static int
match_rank (const char *folded_name,
            const char *folded_search)
{
  const char *found = strstr (folded_name, folded_search);

  if (found == NULL)
    return -1;
  if (found == folded_name)
    return 0;
  for (; found != NULL; found = strstr (found + 1, folded_search))
    if (found[-1] == ' ')
      return 1;
  return 2;
}

static void
compute_matches (ProspectAccountList *self)
{
  g_autofree gint8 *ranks = NULL;

  g_array_set_size (self->matches, 0);

  if (self->folded_search == NULL)
    {
      for (guint i = 0; i < self->entries->len; i++)
        g_array_append_val (self->matches, i);
      return;
    }

  ranks = g_new (gint8, MAX (self->entries->len, 1));
  for (guint i = 0; i < self->entries->len; i++)
    ranks[i] = match_rank (g_array_index (self->entries, Entry, i).folded, self->folded_search);

  /* entries are in name order, so each pass keeps it within its rank */
  for (int rank = 0; rank <= 2; rank++)
    for (guint i = 0; i < self->entries->len; i++)
      if (ranks[i] == rank)
        g_array_append_val (self->matches, i);
}

static const char *
page_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      g_autoptr(GString) list = g_string_new (NULL);
      char *text;

      for (guint i = 1; i <= PAGE_SIZE; i++)
        g_string_append_printf (list, "%s?%u", i > 1 ? ", " : "", i);

      /* "+status": without it SQLite reads every open deal through
       * deal_by_closed instead of the page's deals through deal_by_account
       * (40 ms instead of 2 on 100,000 deals). */
      text = g_strdup_printf ("SELECT a.id, a.name, a.sector, a.region, p.name,"
                              " ifnull(o.n, 0), o.total, o.currency_min, o.currency_max"
                              " FROM account a"
                              " LEFT JOIN person p ON p.id = a.owner_id"
                              " LEFT JOIN (SELECT account_id, count(*) AS n, sum(amount) AS total,"
                              "   min(currency) AS currency_min, max(currency) AS currency_max"
                              "   FROM deal WHERE deleted_at IS NULL AND +status = 'open'"
                              "   AND account_id IN (%s) GROUP BY account_id) o ON o.account_id = a.id"
                              " WHERE a.id IN (%s)",
                              list->str, list->str);
      g_once_init_leave (&sql, text);
    }

  return sql;
}

static void
load_page (ProspectAccountList *self,
           guint                position)
{
  g_autoptr(GError) error = NULL;
  guint start = position - position % PAGE_SIZE;
  guint end = MIN (start + PAGE_SIZE, self->matches->len);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prospect_database_prepare (self->db, page_sql (), &error);
  if (stmt == NULL)
    {
      g_warning ("Could not read accounts: %s", error->message);
      return;
    }

  for (guint i = start; i < end; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, g_array_index (self->matches, guint, i));

      sqlite3_bind_text (stmt, i - start + 1, entry->id, -1, SQLITE_TRANSIENT);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ProspectAccountSummary *row = summary_new_from_statement (stmt);

      g_hash_table_replace (self->rows, row->id, row);
    }
  if (rc != SQLITE_DONE)
    {
      prospect_database_set_sqlite_error (self->db, rc, &error);
      g_warning ("Could not read accounts: %s", error->message);
    }
  sqlite3_reset (stmt);
}

/* A row deleted after the names were read: its name until the refresh. */
static ProspectAccountSummary *
summary_from_entry (const Entry *entry)
{
  ProspectAccountSummary *row = g_object_new (PROSPECT_TYPE_ACCOUNT_SUMMARY, NULL);

  row->id = g_strdup (entry->id);
  row->name = g_strdup (entry->name);

  return row;
}

static GType
prospect_account_list_get_item_type (GListModel *model)
{
  return PROSPECT_TYPE_ACCOUNT_SUMMARY;
}

static guint
prospect_account_list_get_n_items (GListModel *model)
{
  return PROSPECT_ACCOUNT_LIST (model)->matches->len;
}

static gpointer
prospect_account_list_get_item (GListModel *model,
                                guint       position)
{
  ProspectAccountList *self = PROSPECT_ACCOUNT_LIST (model);
  const Entry *entry;
  ProspectAccountSummary *row;

  if (position >= self->matches->len)
    return NULL;

  entry = &g_array_index (self->entries, Entry, g_array_index (self->matches, guint, position));
  row = g_hash_table_lookup (self->rows, entry->id);
  if (row == NULL)
    {
      load_page (self, position);
      row = g_hash_table_lookup (self->rows, entry->id);
    }
  if (row == NULL)
    {
      row = summary_from_entry (entry);
      g_hash_table_replace (self->rows, row->id, row);
    }

  return g_object_ref (row);
}

static void
prospect_account_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = prospect_account_list_get_item_type;
  iface->get_n_items = prospect_account_list_get_n_items;
  iface->get_item = prospect_account_list_get_item;
}

static void
refilter (ProspectAccountList *self)
{
  guint before = self->matches->len;

  g_hash_table_remove_all (self->rows);
  compute_matches (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before, self->matches->len);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  ProspectAccountList *self = PROSPECT_ACCOUNT_LIST (user_data);

  self->refresh_id = 0;
  if (self->names_stale)
    load_entries (self);
  self->names_stale = FALSE;
  refilter (self);

  return G_SOURCE_REMOVE;
}

/* An import writes thousands of rows: refresh once, after the burst. */
static void
queue_refresh (ProspectAccountList *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

static void
account_changed_cb (ProspectDatabase    *db,
                    const char          *kind,
                    const char          *id,
                    ProspectChangeKind   change,
                    ProspectAccountList *self)
{
  self->names_stale = TRUE;
  queue_refresh (self);
}

static void
deal_changed_cb (ProspectDatabase    *db,
                 const char          *kind,
                 const char          *id,
                 ProspectChangeKind   change,
                 ProspectAccountList *self)
{
  queue_refresh (self);
}

static void
prospect_account_list_dispose (GObject *object)
{
  ProspectAccountList *self = PROSPECT_ACCOUNT_LIST (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->db != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->db, self);
      g_clear_object (&self->db);
    }

  G_OBJECT_CLASS (prospect_account_list_parent_class)->dispose (object);
}

static void
prospect_account_list_finalize (GObject *object)
{
  ProspectAccountList *self = PROSPECT_ACCOUNT_LIST (object);

  g_free (self->search);
  g_free (self->folded_search);
  g_array_unref (self->entries);
  g_array_unref (self->matches);
  g_hash_table_unref (self->rows);

  G_OBJECT_CLASS (prospect_account_list_parent_class)->finalize (object);
}

static void
prospect_account_list_class_init (ProspectAccountListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = prospect_account_list_dispose;
  object_class->finalize = prospect_account_list_finalize;
}

static void
prospect_account_list_init (ProspectAccountList *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
}

ProspectAccountList *
prospect_account_list_new (ProspectDatabase *db)
{
  ProspectAccountList *self;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);

  self = g_object_new (PROSPECT_TYPE_ACCOUNT_LIST, NULL);
  self->db = g_object_ref (db);
  g_signal_connect (db, "changed::account", G_CALLBACK (account_changed_cb), self);
  g_signal_connect (db, "changed::deal", G_CALLBACK (deal_changed_cb), self);
  load_entries (self);
  compute_matches (self);

  return self;
}

const char *
prospect_account_list_get_search (ProspectAccountList *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT_LIST (self), NULL);

  return self->search;
}

void
prospect_account_list_set_search (ProspectAccountList *self,
                                  const char          *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (PROSPECT_IS_ACCOUNT_LIST (self));

  folded = text != NULL ? prospect_quick_entry_fold (text) : NULL;
  if (folded != NULL && folded[0] == '\0')
    g_clear_pointer (&folded, g_free);

  g_free (self->search);
  self->search = g_strdup (text);
  if (g_strcmp0 (folded, self->folded_search) == 0)
    return;

  g_free (self->folded_search);
  self->folded_search = g_steal_pointer (&folded);
  refilter (self);
}

guint
prospect_account_list_get_n_accounts (ProspectAccountList *self)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT_LIST (self), 0);

  return self->entries->len;
}

guint
prospect_account_list_find (ProspectAccountList *self,
                            const char          *account_id)
{
  g_return_val_if_fail (PROSPECT_IS_ACCOUNT_LIST (self), G_MAXUINT);
  g_return_val_if_fail (account_id != NULL, G_MAXUINT);

  for (guint i = 0; i < self->matches->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, g_array_index (self->matches, guint, i));

      if (g_str_equal (entry->id, account_id))
        return i;
    }

  return G_MAXUINT;
}

/* An account's contacts, deals and history */

GPtrArray *
prospect_accounts_get_contacts (ProspectDatabase  *db,
                                const char        *account_id,
                                GError           **error)
{
  g_autoptr(ProspectQuery) query = NULL;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  query = prospect_contact_query_for_account (account_id);
  return prospect_query_fetch (query, db, 0, -1, error);
}

GPtrArray *
prospect_accounts_get_deals (ProspectDatabase      *db,
                             const char            *account_id,
                             ProspectAccountDeals   which,
                             guint                  limit,
                             gint64                *n_total,
                             GError               **error)
{
  g_autoptr(ProspectQuery) query = NULL;
  gboolean open = which == PROSPECT_ACCOUNT_DEALS_OPEN;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  query = prospect_deal_query_for_account (account_id);
  prospect_query_where_text (query, "status", open ? PROSPECT_OP_EQ : PROSPECT_OP_NE, "open");
  prospect_query_clear_order (query);
  /* Open ones by expected close, the undated first: they need a date. */
  if (open)
    prospect_query_order_by (query, "expected_close", FALSE);
  else
    prospect_query_order_by (query, "closed_on", TRUE);

  if (n_total != NULL)
    {
      *n_total = prospect_query_count (query, db, error);
      if (*n_total < 0)
        return NULL;
    }

  return prospect_query_fetch (query, db, 0, limit, error);
}

static const char *
history_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      const char *columns = prospect_record_type_select_list (PROSPECT_TYPE_ACTIVITY);
      const char *sort_key = "coalesce(done_at, due_at, unixepoch(due_date) * 1000, created_at)";
      char *text;

      /* Two branches so that each uses activity_by_deal: the activities of
       * the account's deals, and the few with no deal (deal_id IS NULL is
       * in that index too). One "account_id = ?" over the table would read
       * every activity: there is no index on it. */
      text = g_strdup_printf ("SELECT %s, %s AS sort_key FROM activity"
                              " WHERE deleted_at IS NULL AND deal_id IN"
                              "   (SELECT id FROM deal WHERE account_id = ?1 AND deleted_at IS NULL)"
                              " UNION ALL"
                              " SELECT %s, %s FROM activity"
                              " WHERE deal_id IS NULL AND deleted_at IS NULL AND account_id = ?1"
                              " ORDER BY sort_key DESC, id DESC LIMIT ?2",
                              columns, sort_key, columns, sort_key);
      g_once_init_leave (&sql, text);
    }

  return sql;
}

GPtrArray *
prospect_accounts_get_history (ProspectDatabase  *db,
                               const char        *account_id,
                               guint              limit,
                               GError           **error)
{
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  stmt = prospect_database_prepare (db, history_sql (), error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, account_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (activities, prospect_record_new_from_statement (PROSPECT_TYPE_ACTIVITY, stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      prospect_database_set_sqlite_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&activities);
}

/* Contact form checks */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
prospect_accounts_check_email (const char  *email,
                               GError     **error)
{
  const char *at;
  const char *dot;

  if (is_blank (email))
    return TRUE;

  at = strchr (email, '@');
  dot = at != NULL ? strrchr (at, '.') : NULL;
  for (const char *p = email; *p != '\0'; p++)
    if (g_ascii_isspace (*p))
      goto invalid;
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL ||
      dot == NULL || dot == at + 1 || dot[1] == '\0')
    goto invalid;

  return TRUE;

invalid:
  prospect_set_invalid_error (error, "email",
                              _("An e-mail address looks like name@example.com"));
  return FALSE;
}

gboolean
prospect_accounts_check_phone (const char  *phone,
                               GError     **error)
{
  guint digits = 0;

  if (is_blank (phone))
    return TRUE;

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +-./()xX", *p) == NULL)
        {
          prospect_set_invalid_error (error, "phone",
                                      _("A phone number holds digits, spaces and + - . / ( )"));
          return FALSE;
        }
    }

  if (digits < 3)
    {
      prospect_set_invalid_error (error, "phone", _("A phone number needs at least three digits"));
      return FALSE;
    }

  return TRUE;
}

gboolean
prospect_accounts_check_contact (ProspectDatabase  *db,
                                 ProspectContact   *contact,
                                 GError           **error)
{
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (PROSPECT_IS_CONTACT (contact), FALSE);

  /* The record's own check first, so that an empty name is reported
   * before a doubtful phone number. */
  return prospect_record_validate (PROSPECT_RECORD (contact), db, error) &&
         prospect_accounts_check_email (prospect_contact_get_email (contact), error) &&
         prospect_accounts_check_phone (prospect_contact_get_phone (contact), error);
}

gboolean
prospect_accounts_save_contact (ProspectDatabase  *db,
                                ProspectContact   *contact,
                                GError           **error)
{
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (PROSPECT_IS_CONTACT (contact), FALSE);

  return prospect_accounts_check_contact (db, contact, error) &&
         prospect_record_save (PROSPECT_RECORD (contact), db, error);
}

/* Deleting an account */

struct _ProspectAccountDeletion
{
  ProspectAccount *account;
  GPtrArray       *contacts;  /* ProspectContact deleted with it */
};

void
prospect_account_deletion_free (ProspectAccountDeletion *deletion)
{
  if (deletion == NULL)
    return;

  g_clear_object (&deletion->account);
  g_clear_pointer (&deletion->contacts, g_ptr_array_unref);
  g_free (deletion);
}

static gboolean
refuse_open_deals (ProspectDatabase  *db,
                   ProspectAccount   *account,
                   GError           **error)
{
  g_autoptr(ProspectQuery) query = prospect_deal_query_for_account (prospect_record_get_id (PROSPECT_RECORD (account)));
  gint64 n_open;

  prospect_query_where_text (query, "status", PROSPECT_OP_EQ, "open");
  n_open = prospect_query_count (query, db, error);
  if (n_open < 0)
    return FALSE;
  if (n_open == 0)
    return TRUE;

  g_set_error (error, PROSPECT_ERROR, PROSPECT_ERROR_CONSTRAINT,
               g_dngettext (GETTEXT_PACKAGE,
                            "“%s” has %d open deal: close it or move it to another account first",
                            "“%s” has %d open deals: close them or move them to another account first",
                            n_open),
               prospect_account_get_name (account), (int) n_open);
  return FALSE;
}

static gboolean
delete_with_contacts (ProspectDatabase         *db,
                      ProspectAccountDeletion  *deletion,
                      GError                  **error)
{
  const char *account_id = prospect_record_get_id (PROSPECT_RECORD (deletion->account));

  if (!refuse_open_deals (db, deletion->account, error))
    return FALSE;

  deletion->contacts = prospect_accounts_get_contacts (db, account_id, error);
  if (deletion->contacts == NULL)
    return FALSE;

  for (guint i = 0; i < deletion->contacts->len; i++)
    if (!prospect_record_delete (g_ptr_array_index (deletion->contacts, i), db, error))
      return FALSE;

  return prospect_record_delete (PROSPECT_RECORD (deletion->account), db, error);
}

ProspectAccountDeletion *
prospect_accounts_delete (ProspectDatabase  *db,
                          const char        *account_id,
                          GError           **error)
{
  g_autoptr(ProspectAccountDeletion) deletion = g_new0 (ProspectAccountDeletion, 1);

  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  deletion->account = prospect_account_load (db, account_id, error);
  if (deletion->account == NULL)
    return NULL;

  if (!prospect_database_begin (db, error))
    return NULL;

  if (!delete_with_contacts (db, deletion, error))
    {
      prospect_database_rollback (db);
      return NULL;
    }

  if (!prospect_database_commit (db, error))
    return NULL;

  return g_steal_pointer (&deletion);
}

const char *
prospect_account_deletion_get_account_name (ProspectAccountDeletion *deletion)
{
  g_return_val_if_fail (deletion != NULL, NULL);

  return prospect_account_get_name (deletion->account);
}

guint
prospect_account_deletion_get_n_contacts (ProspectAccountDeletion *deletion)
{
  g_return_val_if_fail (deletion != NULL, 0);

  return deletion->contacts->len;
}

gboolean
prospect_account_deletion_undo (ProspectAccountDeletion  *deletion,
                                ProspectDatabase         *db,
                                GError                  **error)
{
  g_return_val_if_fail (deletion != NULL, FALSE);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);

  if (!prospect_database_begin (db, error))
    return FALSE;

  if (!prospect_record_restore (PROSPECT_RECORD (deletion->account), db, error))
    goto failed;
  for (guint i = 0; i < deletion->contacts->len; i++)
    if (!prospect_record_restore (g_ptr_array_index (deletion->contacts, i), db, error))
      goto failed;

  return prospect_database_commit (db, error);

failed:
  prospect_database_rollback (db);
  return FALSE;
}
