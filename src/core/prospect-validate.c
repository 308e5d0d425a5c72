/* prospect-validate.c - field checks shared by the entities (and importers)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-validate"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "prospect-error.h"
#include "prospect-validate.h"

/* Tables a reference may point into: the only names put into SQL text. */
static const char * const referenced_tables[] = {
  "person", "account", "contact", "product", "stage", "deal", "activity",
};

static int
parse_digits (const char *text,
              guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }

  return value;
}

gboolean
prospect_date_is_valid (const char *text)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  year = parse_digits (text, 4);
  month = parse_digits (text + 5, 2);
  day = parse_digits (text + 8, 2);

  if (year < 1 || month < 1 || month > 12 || day < 1)
    return FALSE;

  return g_date_valid_dmy (day, month, year);
}

gboolean
prospect_currency_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isupper (code[i]))
      return FALSE;

  return TRUE;
}

gboolean
prospect_validate_not_blank (const char  *value,
                             const char  *field,
                             const char  *message,
                             GError     **error)
{
  if (value != NULL)
    for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return TRUE;

  prospect_set_invalid_error (error, field, "%s", message);

  return FALSE;
}

gboolean
prospect_validate_non_negative (gint64       value,
                                const char  *field,
                                const char  *message,
                                GError     **error)
{
  if (value >= 0)
    return TRUE;

  prospect_set_invalid_error (error, field, "%s", message);

  return FALSE;
}

gboolean
prospect_validate_date (const char  *value,
                        const char  *field,
                        gboolean     required,
                        GError     **error)
{
  if (value == NULL && !required)
    return TRUE;

  if (value == NULL || value[0] == '\0')
    {
      prospect_set_invalid_error (error, field, _("A date is needed (use YYYY-MM-DD)"));
      return FALSE;
    }

  if (!prospect_date_is_valid (value))
    {
      prospect_set_invalid_error (error, field, _("“%s” is not a date (use YYYY-MM-DD)"), value);
      return FALSE;
    }

  return TRUE;
}

gboolean
prospect_validate_currency (const char  *value,
                            const char  *field,
                            GError     **error)
{
  if (prospect_currency_is_valid (value))
    return TRUE;

  prospect_set_invalid_error (error, field,
                              _("“%s” is not a currency code (use three capital letters, like EUR)"),
                              value != NULL ? value : "");

  return FALSE;
}

gboolean
prospect_validate_one_of (const char          *value,
                          const char * const  *allowed,
                          const char          *field,
                          const char          *message,
                          GError             **error)
{
  if (value != NULL && g_strv_contains (allowed, value))
    return TRUE;

  prospect_set_invalid_error (error, field, "%s", message);

  return FALSE;
}

gboolean
prospect_validate_reference (ProspectDatabase  *db,
                             const char        *table,
                             const char        *id,
                             const char        *field,
                             const char        *message,
                             GError           **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean known_table = FALSE;
  gboolean exists;

  if (id == NULL || id[0] == '\0')
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (referenced_tables); i++)
    known_table |= g_str_equal (referenced_tables[i], table);
  g_return_val_if_fail (known_table, FALSE);

  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", table);
  stmt = prospect_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (!exists)
    prospect_set_invalid_error (error, field, "%s", message);

  return exists;
}
