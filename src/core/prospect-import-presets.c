/* prospect-import-presets.c - what the columns of known exports mean
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "prospect-chart-format.h"
#include "prospect-import-private.h"
#include "prospect-validate.h"

#define MAVEN_REVENUE_UNIT G_GINT64_CONSTANT (1000000) /* accounts.revenue is in USD millions */

/* The deal fields a column can feed. The first ones, up to F_ID, are the
 * generic preset's names (and the CSV export's headers); the rest only
 * serve the presets. */
typedef enum
{
  F_TITLE,
  F_ACCOUNT,
  F_CONTACT,
  F_OWNER,
  F_STAGE,
  F_AMOUNT,
  F_CURRENCY,
  F_PROBABILITY,
  F_EXPECTED_CLOSE,
  F_PRIORITY,
  F_NEXT_STEP,
  F_CHALLENGES,
  F_REGION,
  F_CHANNEL,
  F_PRODUCT,
  F_SOURCE,
  F_STATUS,
  F_LOST_REASON,
  F_CLOSED_ON,
  F_EXTERNAL_ID,
  F_ID,
  F_CREATED_ON,
  N_GENERIC_FIELDS,
  F_CLOSE_DATE = N_GENERIC_FIELDS,      /* the close date if closed, else the expected one */
  F_IS_CLOSED,
  F_IS_WON,
  F_WON_TIME,
  F_LOST_TIME,
  F_ACCOUNT_ID,
  N_FIELDS
} Field;

static const char * const generic_fields[N_GENERIC_FIELDS + 1] = {
  "title", "account", "contact", "owner", "stage", "amount", "currency",
  "probability", "expected_close", "priority", "next_step", "challenges",
  "region", "channel", "product", "source", "status", "lost_reason",
  "closed_on", "external_id", "id", "created", NULL
};

typedef struct
{
  const char *header;
  Field       field;
} ColumnRule;

/* Several headers may feed one field: the first one present wins
 * (Owner.Name before OwnerId). */
static const ColumnRule salesforce_rules[] = {
  { "Id", F_EXTERNAL_ID },
  { "Name", F_TITLE },
  { "Account.Name", F_ACCOUNT },
  { "AccountId", F_ACCOUNT_ID },
  { "StageName", F_STAGE },
  { "Amount", F_AMOUNT },
  { "Probability", F_PROBABILITY },
  { "CloseDate", F_CLOSE_DATE },
  { "Owner.Name", F_OWNER },
  { "OwnerId", F_OWNER },
  { "IsClosed", F_IS_CLOSED },
  { "IsWon", F_IS_WON },
  { "CurrencyIsoCode", F_CURRENCY },
  { "NextStep", F_NEXT_STEP },
  { "LeadSource", F_SOURCE },
  { "Type", F_CHANNEL },
  { "CreatedDate", F_CREATED_ON },
  { NULL, 0 }
};

static const ColumnRule hubspot_rules[] = {
  { "Record ID", F_EXTERNAL_ID },
  { "Deal Name", F_TITLE },
  { "Deal Stage", F_STAGE },
  { "Amount", F_AMOUNT },
  { "Close Date", F_CLOSE_DATE },
  { "Deal owner", F_OWNER },
  { "Pipeline", F_CHANNEL },
  { "Create Date", F_CREATED_ON },
  { "Associated Company", F_ACCOUNT },
  { "Currency", F_CURRENCY },
  { NULL, 0 }
};

static const ColumnRule pipedrive_rules[] = {
  { "Deal - ID", F_EXTERNAL_ID },
  { "Deal - Title", F_TITLE },
  { "Deal - Value", F_AMOUNT },
  { "Deal - Currency of value", F_CURRENCY },
  { "Deal - Organization", F_ACCOUNT },
  { "Deal - Contact person", F_CONTACT },
  { "Deal - Owner", F_OWNER },
  { "Deal - Stage", F_STAGE },
  { "Deal - Expected close date", F_EXPECTED_CLOSE },
  { "Deal - Status", F_STATUS },
  { "Deal - Won time", F_WON_TIME },
  { "Deal - Lost time", F_LOST_TIME },
  { "Deal - Lost reason", F_LOST_REASON },
  { "Deal - Probability", F_PROBABILITY },
  { "Deal - Deal created", F_CREATED_ON },
  { NULL, 0 }
};

static const char * const maven_stage_order[] = { "Prospecting", "Engaging", NULL };

const char * const *
prospect_import_get_fields (void)
{
  return generic_fields;
}

/* ---- helpers ------------------------------------------------------------- */

static const char *
cell (const ProspectCsvRecord *record,
      int                      column)
{
  const char *text;

  if (column < 0 || (guint) column >= record->n_fields)
    return NULL;

  text = record->fields[column];
  while (*text == ' ')
    text++;

  return *text != '\0' ? text : NULL;
}

static const char *
header_name (const ProspectCsvTable *table,
             int                     column)
{
  return table->records[0].fields[column];
}

/* Lower-case letters and digits only: "GTXPro" and "GTX Pro" agree,
 * "Closed Won" and "closedwon" too. */
char *
prospect_import_squash (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
    else if ((guchar) *p >= 0x80)
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static char
status_from_stage_name (const char *stage)
{
  g_autofree char *key = NULL;

  if (stage == NULL)
    return 0;

  key = prospect_import_squash (stage);
  if (g_str_equal (key, "won") || g_str_equal (key, "closedwon"))
    return 'w';
  if (g_str_equal (key, "lost") || g_str_equal (key, "closedlost"))
    return 'l';

  return 0;
}

static gboolean
row_has_all_fields (ProspectImport          *self,
                    const ProspectCsvTable  *table,
                    const ProspectCsvRecord *record,
                    const char              *file)
{
  guint expected = table->records[0].n_fields;

  if (record->n_fields == expected)
    return TRUE;

  prospect_import_problem (self, file, record->line, NULL,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "The row has %u field, the header has %u",
                                        "The row has %u fields, the header has %u",
                                        record->n_fields),
                           record->n_fields, expected);
  return FALSE;
}

/* ---- tabular presets ------------------------------------------------------ */

typedef struct
{
  ProspectImport          *import;
  const ProspectCsvTable  *table;
  const char              *file;
  int                      columns[N_FIELDS];
  ProspectDateOrder        date_order[N_FIELDS];
  const char              *prefix;    /* external id prefix, "" for generic */
} TableMap;

static const ColumnRule *
preset_rules (ProspectImportPreset preset)
{
  switch (preset)
    {
    case PROSPECT_IMPORT_PRESET_SALESFORCE:
      return salesforce_rules;
    case PROSPECT_IMPORT_PRESET_HUBSPOT:
      return hubspot_rules;
    case PROSPECT_IMPORT_PRESET_PIPEDRIVE:
      return pipedrive_rules;
    case PROSPECT_IMPORT_PRESET_AUTO:
    case PROSPECT_IMPORT_PRESET_MAVEN:
    case PROSPECT_IMPORT_PRESET_GENERIC:
    default:
      return NULL;
    }
}

static int
generic_field_index (const char *name)
{
  for (int f = 0; f < N_GENERIC_FIELDS; f++)
    if (g_ascii_strcasecmp (generic_fields[f], name) == 0)
      return f;

  return -1;
}

static void
map_columns (TableMap             *map,
             ProspectImportPreset  preset,
             const char * const   *user_mapping)
{
  const ProspectCsvRecord *header = &map->table->records[0];
  const ColumnRule *rules = preset_rules (preset);

  for (guint f = 0; f < N_FIELDS; f++)
    map->columns[f] = -1;

  for (guint c = 0; c < header->n_fields; c++)
    {
      const char *name = user_mapping != NULL ? user_mapping[c] : header->fields[c];
      int field = -1;

      if (rules != NULL)
        {
          for (const ColumnRule *rule = rules; rule->header != NULL && field < 0; rule++)
            if (g_str_equal (rule->header, name))
              field = rule->field;
        }
      else if (name != NULL && *name != '\0')
        {
          field = generic_field_index (name);
        }

      if (field >= 0 && map->columns[field] < 0)
        map->columns[field] = (int) c;
      else if (field < 0 && header->fields[c][0] != '\0' && (user_mapping == NULL || user_mapping[c] == NULL ||
                                                              user_mapping[c][0] != '\0'))
        prospect_import_notice (map->import, _("%s: the column “%s” is not imported"),
                                map->file, header->fields[c]);
    }
}

static gboolean
decide_date_orders (TableMap  *map,
                    GError   **error)
{
  static const Field date_fields[] = {
    F_EXPECTED_CLOSE, F_CLOSED_ON, F_CREATED_ON, F_CLOSE_DATE, F_WON_TIME, F_LOST_TIME,
  };
  const ProspectCsvTable *table = map->table;

  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    {
      Field field = date_fields[i];
      int column = map->columns[field];
      g_autofree const char **values = NULL;

      if (column < 0)
        continue;

      values = g_new0 (const char *, table->n_records);
      for (guint r = 1; r < table->n_records; r++)
        values[r - 1] = cell (&table->records[r], column);

      if (!prospect_import_guess_date_order (values, table->n_records - 1,
                                             map->import->date_order, &map->date_order[field]))
        {
          g_set_error (error, PROSPECT_IMPORT_ERROR, PROSPECT_IMPORT_ERROR_FORMAT,
                       _("%s: the column “%s” has dates written day first (13/01/2017) and others "
                         "written month first (01/13/2017); write them one way"),
                       map->file, header_name (table, column));
          return FALSE;
        }
    }

  return TRUE;
}

static const char *
text_field (TableMap                *map,
            const ProspectCsvRecord *record,
            Field                    field)
{
  return prospect_import_intern (map->import, cell (record, map->columns[field]));
}

/* FALSE (and a problem) when the cell holds something that is not a date. */
static gboolean
date_field (TableMap                *map,
            const ProspectCsvRecord *record,
            Field                    field,
            char                     iso[11])
{
  const char *text = cell (record, map->columns[field]);

  iso[0] = '\0';
  if (text == NULL || prospect_import_parse_date (text, map->date_order[field], iso))
    return TRUE;

  prospect_import_problem (map->import, map->file, record->line, header_name (map->table, map->columns[field]),
                           _("“%s” is not a date that exists (write it as YYYY-MM-DD)"), text);
  return FALSE;
}

static gboolean
bool_field (TableMap                *map,
            const ProspectCsvRecord *record,
            Field                    field,
            int                     *value)
{
  const char *text = cell (record, map->columns[field]);
  gboolean parsed;

  *value = -1;
  if (text == NULL)
    return TRUE;

  if (prospect_import_parse_bool (text, &parsed))
    {
      *value = parsed;
      return TRUE;
    }

  prospect_import_problem (map->import, map->file, record->line, header_name (map->table, map->columns[field]),
                           _("“%s” is neither true nor false"), text);
  return FALSE;
}

static gboolean
map_amount (TableMap                *map,
            const ProspectCsvRecord *record,
            ImportDeal              *deal)
{
  const char *text = cell (record, map->columns[F_AMOUNT]);
  const char *code = cell (record, map->columns[F_CURRENCY]);
  char sign_currency[4];

  if (text != NULL && !prospect_import_parse_amount (text, &deal->amount, sign_currency))
    {
      prospect_import_problem (map->import, map->file, record->line, header_name (map->table, map->columns[F_AMOUNT]),
                               _("“%s” is not an amount (a number such as 1234.50, without a minus sign)"), text);
      return FALSE;
    }

  if (code != NULL && !prospect_currency_is_valid (code))
    {
      prospect_import_problem (map->import, map->file, record->line, header_name (map->table, map->columns[F_CURRENCY]),
                               _("“%s” is not a currency code such as USD or EUR"), code);
      return FALSE;
    }

  if (code != NULL)
    g_strlcpy (deal->currency, code, sizeof deal->currency);
  else if (text != NULL && sign_currency[0] != '\0')
    g_strlcpy (deal->currency, sign_currency, sizeof deal->currency);

  /* Amounts are read in hundredths; a currency without minor units (JPY)
   * stores whole units. */
  if (deal->amount > 0 && deal->currency[0] != '\0' && prospect_chart_currency_digits (deal->currency) == 0)
    deal->amount = (deal->amount + 50) / 100;

  return TRUE;
}

static gboolean
map_percent (TableMap                *map,
             const ProspectCsvRecord *record,
             Field                    field,
             int                     *value)
{
  const char *text = cell (record, map->columns[field]);

  *value = -1;
  if (text == NULL || prospect_import_parse_percent (text, value))
    return TRUE;

  prospect_import_problem (map->import, map->file, record->line, header_name (map->table, map->columns[field]),
                           _("“%s” is not a percentage from 0 to 100"), text);
  return FALSE;
}

static gboolean
map_priority (TableMap                *map,
              const ProspectCsvRecord *record,
              ImportDeal              *deal)
{
  static const char * const names[] = { "low", "normal", "high" };
  const char *text = cell (record, map->columns[F_PRIORITY]);

  deal->priority = -1;
  if (text == NULL)
    return TRUE;

  for (int i = 0; i < (int) G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i]) == 0 || (text[0] == '0' + i && text[1] == '\0'))
      {
        deal->priority = i;
        return TRUE;
      }

  prospect_import_problem (map->import, map->file, record->line, header_name (map->table, map->columns[F_PRIORITY]),
                           _("“%s” is not a priority (low, normal or high, or 0 to 2)"), text);
  return FALSE;
}

static gboolean
map_status (TableMap                *map,
            const ProspectCsvRecord *record,
            ImportDeal              *deal)
{
  const char *text = cell (record, map->columns[F_STATUS]);
  int is_closed;
  int is_won;

  if (!bool_field (map, record, F_IS_CLOSED, &is_closed) || !bool_field (map, record, F_IS_WON, &is_won))
    return FALSE;

  if (text != NULL)
    {
      if (g_ascii_strcasecmp (text, "open") == 0)
        deal->status = 'o';
      else if (g_ascii_strcasecmp (text, "won") == 0)
        deal->status = 'w';
      else if (g_ascii_strcasecmp (text, "lost") == 0)
        deal->status = 'l';
      else
        {
          prospect_import_problem (map->import, map->file, record->line, header_name (map->table, map->columns[F_STATUS]),
                                   _("“%s” is not a status (open, won or lost)"), text);
          return FALSE;
        }
    }
  else if (is_closed == 0)
    deal->status = 'o';
  else if (is_closed == 1)
    deal->status = is_won == 1 ? 'w' : 'l';
  else
    deal->status = status_from_stage_name (deal->stage);

  return TRUE;
}

static gboolean
map_dates (TableMap                *map,
           const ProspectCsvRecord *record,
           ImportDeal              *deal)
{
  char close_date[11];
  char won_time[11];
  char lost_time[11];

  const char *created = cell (record, map->columns[F_CREATED_ON]);
  g_autoptr(GDateTime) instant = created ? g_date_time_new_from_iso8601 (created, NULL) : NULL;

  /* A full instant (as the CSV export writes "created") keeps its time. */
  if (instant != NULL)
    deal->created_ms = g_date_time_to_unix (instant) * 1000 + g_date_time_get_microsecond (instant) / 1000;

  if (!date_field (map, record, F_EXPECTED_CLOSE, deal->expected_close) ||
      !date_field (map, record, F_CLOSED_ON, deal->closed_on) ||
      !date_field (map, record, F_CREATED_ON, deal->created_on) ||
      !date_field (map, record, F_CLOSE_DATE, close_date) ||
      !date_field (map, record, F_WON_TIME, won_time) ||
      !date_field (map, record, F_LOST_TIME, lost_time))
    return FALSE;

  if (deal->closed_on[0] == '\0' && deal->status == 'w')
    memcpy (deal->closed_on, won_time, sizeof won_time);
  else if (deal->closed_on[0] == '\0' && deal->status == 'l')
    memcpy (deal->closed_on, lost_time, sizeof lost_time);

  /* A close date means "closed on" once the deal is closed; while it is
   * open (or the stage decides later) it is the expected close. */
  if (close_date[0] != '\0' && (deal->status == 'w' || deal->status == 'l') && deal->closed_on[0] == '\0')
    memcpy (deal->closed_on, close_date, sizeof close_date);
  else if (close_date[0] != '\0' && deal->expected_close[0] == '\0')
    memcpy (deal->expected_close, close_date, sizeof close_date);

  return TRUE;
}

static void
map_row (TableMap                *map,
         const ProspectCsvRecord *record)
{
  ProspectImport *self = map->import;
  const char *external_id = cell (record, map->columns[F_EXTERNAL_ID]);
  const char *account_id = cell (record, map->columns[F_ACCOUNT_ID]);
  ImportDeal deal;
  gboolean ok;

  prospect_import_deal_init (&deal, map->file, record->line);

  if (!row_has_all_fields (self, map->table, record, map->file))
    {
      deal.bad = TRUE;
      g_array_append_val (self->deals, deal);
      return;
    }

  if (external_id != NULL)
    {
      g_autofree char *prefixed = g_strconcat (map->prefix, external_id, NULL);
      deal.external_id = prospect_import_intern (self, prefixed);
    }
  if (account_id != NULL)
    {
      g_autofree char *prefixed = g_strconcat (map->prefix, account_id, NULL);
      deal.account_external_id = prospect_import_intern (self, prefixed);
    }

  /* The generic preset's id (or external_id, as the export writes a
   * deal's own id there) may be a Prospect id: the writer tries it as one
   * first, so that an export read back updates the same deals. */
  deal.id = text_field (map, record, F_ID);
  if (deal.id == NULL && map->prefix[0] == '\0')
    deal.id = deal.external_id;
  deal.title = text_field (map, record, F_TITLE);
  deal.account = text_field (map, record, F_ACCOUNT);
  if (deal.account == NULL)
    deal.account = prospect_import_intern (self, account_id);
  deal.contact = text_field (map, record, F_CONTACT);
  deal.owner = text_field (map, record, F_OWNER);
  deal.stage = text_field (map, record, F_STAGE);
  deal.next_step = text_field (map, record, F_NEXT_STEP);
  deal.challenges = text_field (map, record, F_CHALLENGES);
  deal.region = text_field (map, record, F_REGION);
  deal.channel = text_field (map, record, F_CHANNEL);
  deal.product = text_field (map, record, F_PRODUCT);
  deal.source = text_field (map, record, F_SOURCE);
  deal.lost_reason = text_field (map, record, F_LOST_REASON);

  /* Every check runs, so that one pass lists all of a row's problems. */
  ok = map_status (map, record, &deal);
  ok = map_amount (map, record, &deal) && ok;
  ok = map_percent (map, record, F_PROBABILITY, &deal.probability) && ok;
  ok = map_priority (map, record, &deal) && ok;
  ok = map_dates (map, record, &deal) && ok;

  if (deal.title == NULL)
    {
      prospect_import_problem (self, map->file, record->line,
                               map->columns[F_TITLE] >= 0 ? header_name (map->table, map->columns[F_TITLE]) : NULL,
                               _("The deal has no title"));
      ok = FALSE;
    }

  deal.bad = !ok;
  g_array_append_val (self->deals, deal);
}

ProspectImportPreset
prospect_import_detect_preset (const ProspectCsvTable *table)
{
  if (prospect_csv_table_find_column (table, "opportunity_id") >= 0 ||
      prospect_csv_table_find_column (table, "sales_agent") >= 0 ||
      prospect_csv_table_find_column (table, "series") >= 0 ||
      (prospect_csv_table_find_column (table, "account") >= 0 &&
       prospect_csv_table_find_column (table, "subsidiary_of") >= 0))
    return PROSPECT_IMPORT_PRESET_MAVEN;
  if (prospect_csv_table_find_column (table, "StageName") >= 0)
    return PROSPECT_IMPORT_PRESET_SALESFORCE;
  if (prospect_csv_table_find_column (table, "Deal Stage") >= 0)
    return PROSPECT_IMPORT_PRESET_HUBSPOT;
  if (prospect_csv_table_find_column (table, "Deal - Title") >= 0)
    return PROSPECT_IMPORT_PRESET_PIPEDRIVE;

  return PROSPECT_IMPORT_PRESET_GENERIC;
}

gboolean
prospect_import_map_table (ProspectImport          *self,
                           ProspectImportPreset     preset,
                           const ProspectCsvTable  *table,
                           const char              *file,
                           const char * const      *user_mapping,
                           GError                 **error)
{
  TableMap map = { self, table, file, { 0 }, { 0 }, "" };
  g_autofree char *prefix = NULL;

  /* Ids of other CRMs get the preset's name in front ("salesforce:006…"),
   * so that two sources never claim the same deal; the generic preset
   * keeps them as they are, for a lossless round trip. */
  if (preset != PROSPECT_IMPORT_PRESET_GENERIC)
    map.prefix = prefix = g_strconcat (prospect_import_preset_get_name (preset), ":", NULL);

  map_columns (&map, preset, user_mapping);

  if (map.columns[F_TITLE] < 0)
    {
      g_set_error (error, PROSPECT_IMPORT_ERROR, PROSPECT_IMPORT_ERROR_FORMAT,
                   _("%s: no column gives the deal’s title (the %s preset needs one)"),
                   file, prospect_import_preset_get_name (preset));
      return FALSE;
    }

  if (!decide_date_orders (&map, error))
    return FALSE;

  for (guint r = 1; r < table->n_records; r++)
    map_row (&map, &table->records[r]);

  return TRUE;
}

/* ---- Maven ---------------------------------------------------------------- */

typedef struct
{
  ProspectImport         *import;
  const ProspectCsvTable *pipeline;
  const ProspectCsvTable *accounts;
  const ProspectCsvTable *products;
  const ProspectCsvTable *teams;
  const char             *pipeline_file;
  const char             *accounts_file;
  const char             *products_file;
  const char             *teams_file;
  GHashTable             *product_by_key;  /* squashed name -> ImportProduct index + 1 */
  GHashTable             *office_by_rep;   /* name -> region */
} Maven;

static gboolean
maven_columns (const ProspectCsvTable  *table,
               const char              *file,
               const char * const      *names,
               int                     *columns,
               GError                 **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      columns[i] = prospect_csv_table_find_column (table, names[i]);
      if (columns[i] < 0)
        {
          g_set_error (error, PROSPECT_IMPORT_ERROR, PROSPECT_IMPORT_ERROR_FORMAT,
                       _("%s: line 1 has no column “%s”, which the Maven preset needs"),
                       file, names[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static void
maven_add_person (Maven      *maven,
                  GHashTable *seen,
                  const char *name,
                  const char *manager,
                  const char *region,
                  const char *role)
{
  ImportPerson person = { name, manager, region, role };

  if (g_hash_table_contains (seen, name))
    return;

  g_hash_table_add (seen, (gpointer) name);
  g_array_append_val (maven->import->people, person);
}

static gboolean
maven_map_teams (Maven   *maven,
                 GError **error)
{
  static const char * const names[] = { "sales_agent", "manager", "regional_office", NULL };
  ProspectImport *self = maven->import;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int c[3];

  if (!maven_columns (maven->teams, maven->teams_file, names, c, error))
    return FALSE;

  /* Managers first, so that reps can point at them when written. */
  for (int pass = 0; pass < 2; pass++)
    for (guint r = 1; r < maven->teams->n_records; r++)
      {
        const ProspectCsvRecord *record = &maven->teams->records[r];
        const char *agent = prospect_import_intern (self, cell (record, c[0]));
        const char *manager = prospect_import_intern (self, cell (record, c[1]));
        const char *office = prospect_import_intern (self, cell (record, c[2]));

        if (pass == 0 && !row_has_all_fields (self, maven->teams, record, maven->teams_file))
          continue;
        if (pass == 0 && agent == NULL)
          prospect_import_problem (self, maven->teams_file, record->line, "sales_agent", _("The name is empty"));
        if (agent == NULL || record->n_fields != maven->teams->records[0].n_fields)
          continue;

        if (pass == 0 && manager != NULL)
          maven_add_person (maven, seen, manager, NULL, office, "manager");
        else if (pass == 1)
          {
            maven_add_person (maven, seen, agent, manager, office, "rep");
            g_hash_table_insert (maven->office_by_rep, (gpointer) agent, (gpointer) office);
          }
      }

  return TRUE;
}

static gboolean
maven_map_products (Maven   *maven,
                    GError **error)
{
  static const char * const names[] = { "product", "series", "sales_price", NULL };
  ProspectImport *self = maven->import;
  int c[3];

  if (!maven_columns (maven->products, maven->products_file, names, c, error))
    return FALSE;

  for (guint r = 1; r < maven->products->n_records; r++)
    {
      const ProspectCsvRecord *record = &maven->products->records[r];
      const char *price = cell (record, c[2]);
      ImportProduct product = { prospect_import_intern (self, cell (record, c[0])),
                                prospect_import_intern (self, cell (record, c[1])), 0 };
      char currency[4];

      if (!row_has_all_fields (self, maven->products, record, maven->products_file) || product.name == NULL)
        continue;

      if (price != NULL && !prospect_import_parse_amount (price, &product.list_price, currency))
        {
          prospect_import_problem (self, maven->products_file, record->line, "sales_price",
                                   _("“%s” is not an amount (a number such as 1234.50, without a minus sign)"), price);
          continue;
        }

      g_array_append_val (self->products, product);
      g_hash_table_insert (maven->product_by_key, prospect_import_squash (product.name), GUINT_TO_POINTER (self->products->len));
    }

  return TRUE;
}

static gboolean
maven_parse_count (const char *text,
                   gint64     *value)
{
  guint64 parsed;

  *value = -1;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &parsed, NULL))
    return FALSE;

  *value = (gint64) parsed;
  return TRUE;
}

static gboolean
maven_map_accounts (Maven   *maven,
                    GError **error)
{
  static const char * const names[] = { "account", "sector", "revenue", "employees",
                                        "office_location", "subsidiary_of", NULL };
  ProspectImport *self = maven->import;
  int c[6];

  if (!maven_columns (maven->accounts, maven->accounts_file, names, c, error))
    return FALSE;

  for (guint r = 1; r < maven->accounts->n_records; r++)
    {
      const ProspectCsvRecord *record = &maven->accounts->records[r];
      const char *revenue = cell (record, c[2]);
      const char *employees = cell (record, c[3]);
      ImportAccount account = { NULL, prospect_import_intern (self, cell (record, c[0])),
                                prospect_import_intern (self, cell (record, c[1])), -1, -1,
                                prospect_import_intern (self, cell (record, c[4])),
                                prospect_import_intern (self, cell (record, c[5])) };
      char currency[4];

      if (!row_has_all_fields (self, maven->accounts, record, maven->accounts_file) || account.name == NULL)
        continue;

      if (revenue != NULL && !prospect_import_parse_amount (revenue, &account.revenue, currency))
        {
          prospect_import_problem (self, maven->accounts_file, record->line, "revenue",
                                   _("“%s” is not an amount (a number such as 1234.50, without a minus sign)"), revenue);
          continue;
        }
      if (account.revenue >= 0)
        account.revenue *= MAVEN_REVENUE_UNIT;

      if (!maven_parse_count (employees, &account.employees))
        {
          prospect_import_problem (self, maven->accounts_file, record->line, "employees",
                                   _("“%s” is not a whole number"), employees);
          continue;
        }

      {
        g_autofree char *external_id = g_strconcat ("maven:", account.name, NULL);
        account.external_id = prospect_import_intern (self, external_id);
      }
      g_array_append_val (self->accounts, account);
    }

  return TRUE;
}

static const ImportProduct *
maven_find_product (Maven      *maven,
                    const char *name)
{
  g_autofree char *key = prospect_import_squash (name);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (maven->product_by_key, key));

  return index > 0 ? &g_array_index (maven->import->products, ImportProduct, index - 1) : NULL;
}

static gboolean
maven_date (Maven                   *maven,
            const ProspectCsvRecord *record,
            int                      column,
            const char              *header,
            char                     iso[11])
{
  const char *text = cell (record, column);

  iso[0] = '\0';
  if (text == NULL || prospect_import_parse_date (text, PROSPECT_DATE_ORDER_MDY, iso))
    return TRUE;

  prospect_import_problem (maven->import, maven->pipeline_file, record->line, header,
                           _("“%s” is not a date that exists (write it as YYYY-MM-DD)"), text);
  return FALSE;
}

/* Won deals carry their close value; open and lost ones the product's
 * list price (Maven writes nothing or 0 there), so that the pipeline
 * and the lost business have a size. */
static gboolean
maven_amount (Maven                   *maven,
              const ProspectCsvRecord *record,
              int                      column,
              ImportDeal              *deal,
              const ImportProduct     *product)
{
  const char *text = cell (record, column);
  char currency[4];

  if (deal->status == 'w' && text == NULL)
    {
      prospect_import_problem (maven->import, maven->pipeline_file, record->line, "close_value",
                               _("A won deal needs its close value"));
      return FALSE;
    }

  if (text != NULL && !prospect_import_parse_amount (text, &deal->amount, currency))
    {
      prospect_import_problem (maven->import, maven->pipeline_file, record->line, "close_value",
                               _("“%s” is not an amount (a number such as 1234.50, without a minus sign)"), text);
      return FALSE;
    }

  /* Without products.csv the price is unknown: a new deal gets 0, a
   * stored one keeps its amount. */
  if (deal->status != 'w')
    deal->amount = product != NULL ? product->list_price : -1;

  return TRUE;
}

static void
maven_map_opportunity (Maven                   *maven,
                       const ProspectCsvRecord *record,
                       const int               *c)
{
  ProspectImport *self = maven->import;
  const char *id = cell (record, c[0]);
  const char *product_name = cell (record, c[2]);
  const char *stage = cell (record, c[4]);
  const ImportProduct *product = product_name ? maven_find_product (maven, product_name) : NULL;
  g_autofree char *external_id = NULL;
  g_autofree char *title = NULL;
  char engaged[11];
  gboolean ok = TRUE;
  ImportDeal deal;

  prospect_import_deal_init (&deal, maven->pipeline_file, record->line);
  if (!row_has_all_fields (self, maven->pipeline, record, maven->pipeline_file))
    {
      deal.bad = TRUE;
      g_array_append_val (self->deals, deal);
      return;
    }

  if (id == NULL || stage == NULL)
    {
      prospect_import_problem (self, maven->pipeline_file, record->line, id == NULL ? "opportunity_id" : "deal_stage",
                               _("The value is empty"));
      ok = FALSE;
    }

  external_id = g_strconcat ("maven:", id ? id : "", NULL);
  deal.external_id = prospect_import_intern (self, external_id);
  deal.owner = prospect_import_intern (self, cell (record, c[1]));
  deal.product = product != NULL ? product->name : prospect_import_intern (self, product_name);
  deal.account = prospect_import_intern (self, cell (record, c[3]));
  deal.status = status_from_stage_name (stage);
  deal.stage = deal.status == 0 ? prospect_import_intern (self, stage) : NULL;
  deal.region = deal.owner ? g_hash_table_lookup (maven->office_by_rep, deal.owner) : NULL;
  g_strlcpy (deal.currency, "USD", sizeof deal.currency);

  ok = maven_date (maven, record, c[5], "engage_date", engaged) && ok;
  ok = maven_date (maven, record, c[6], "close_date", deal.closed_on) && ok;
  ok = maven_amount (maven, record, c[7], &deal, product) && ok;

  if (deal.status != 0 && deal.closed_on[0] == '\0' && ok)
    {
      prospect_import_problem (self, maven->pipeline_file, record->line, "close_date",
                               _("A won or lost deal needs its close date"));
      ok = FALSE;
    }

  memcpy (deal.created_on, engaged, sizeof engaged);
  if (deal.status == 0)
    memcpy (deal.stage_on, engaged, sizeof engaged);
  else if (engaged[0] != '\0')
    {
      deal.via_stage = "Engaging";
      memcpy (deal.via_on, engaged, sizeof engaged);
    }

  title = g_strdup_printf ("%s – %s", deal.product ? deal.product : "?",
                           deal.account ? deal.account : (id ? id : "?"));
  deal.title = prospect_import_intern (self, title);
  deal.title_made = TRUE;
  deal.bad = !ok;
  g_array_append_val (self->deals, deal);
}

static gboolean
maven_map_pipeline (Maven   *maven,
                    GError **error)
{
  static const char * const names[] = { "opportunity_id", "sales_agent", "product", "account",
                                        "deal_stage", "engage_date", "close_date", "close_value", NULL };
  int c[8];

  if (!maven_columns (maven->pipeline, maven->pipeline_file, names, c, error))
    return FALSE;

  for (guint r = 1; r < maven->pipeline->n_records; r++)
    maven_map_opportunity (maven, &maven->pipeline->records[r], c);

  return TRUE;
}

static gboolean
maven_assign_tables (Maven   *maven,
                     GError **error)
{
  ProspectImport *self = maven->import;

  for (guint i = 0; i < self->tables->len; i++)
    {
      const ProspectCsvTable *table = g_ptr_array_index (self->tables, i);
      const char *file = g_ptr_array_index (self->names, i);

      if (prospect_csv_table_find_column (table, "opportunity_id") >= 0)
        maven->pipeline = table, maven->pipeline_file = file;
      else if (prospect_csv_table_find_column (table, "subsidiary_of") >= 0)
        maven->accounts = table, maven->accounts_file = file;
      else if (prospect_csv_table_find_column (table, "series") >= 0)
        maven->products = table, maven->products_file = file;
      else if (prospect_csv_table_find_column (table, "sales_agent") >= 0)
        maven->teams = table, maven->teams_file = file;
      else
        prospect_import_notice (self, _("%s is not one of the Maven files; it is not imported"), file);
    }

  if (maven->pipeline == NULL)
    {
      g_set_error (error, PROSPECT_IMPORT_ERROR, PROSPECT_IMPORT_ERROR_FORMAT,
                   _("The Maven preset needs sales_pipeline.csv (the file with the column “opportunity_id”)"));
      return FALSE;
    }

  return TRUE;
}

gboolean
prospect_import_map_maven (ProspectImport  *self,
                           GError         **error)
{
  Maven maven = { self };
  gboolean ok;

  maven.product_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  maven.office_by_rep = g_hash_table_new (g_str_hash, g_str_equal);
  self->stage_order = maven_stage_order;

  ok = maven_assign_tables (&maven, error) &&
       (maven.teams == NULL || maven_map_teams (&maven, error)) &&
       (maven.products == NULL || maven_map_products (&maven, error)) &&
       (maven.accounts == NULL || maven_map_accounts (&maven, error)) &&
       maven_map_pipeline (&maven, error);

  g_hash_table_unref (maven.product_by_key);
  g_hash_table_unref (maven.office_by_rep);

  return ok;
}
