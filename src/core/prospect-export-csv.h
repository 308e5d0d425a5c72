/* prospect-export-csv.h - deals, activities, accounts and contacts as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-export.h"

G_BEGIN_DECLS

/* The layouts (README, "Export"): UTF-8, a header line with the column
 * names, one line per row, "\n" line ends. Every text field is quoted by
 * libcsv (quotes doubled, commas and newlines kept inside the quotes);
 * numbers are bare; an unset value is an empty unquoted field, an empty
 * text "". Ids are written as external_id so that the generic import
 * preset finds the same rows again. Money is decimal in major units with
 * '.' and no grouping (12500.50 USD, 1200 JPY); days are YYYY-MM-DD and
 * instants UTC ISO 8601 ("2026-11-23T09:30:00Z"); priority is low,
 * normal or high. Rows stream out one at a time, so a million activities
 * never sit in memory. */
typedef enum
{
  PROSPECT_EXPORT_DEALS,
  PROSPECT_EXPORT_ACTIVITIES,
  PROSPECT_EXPORT_ACCOUNTS,
  PROSPECT_EXPORT_CONTACTS,
} ProspectExportTable;

/* "deals", "activities", "accounts", "contacts" */
gboolean            prospect_export_table_from_string (const char                  *text,
                                                       ProspectExportTable         *table);

/* The header, NULL-terminated. */
const char * const *prospect_export_csv_columns       (ProspectExportTable          table);

/* Checks that the filter only uses what table has (no status for
 * accounts, "done" is not a deal status, …): PROSPECT_ERROR_INVALID with
 * a sentence saying what is accepted. */
gboolean            prospect_export_filter_check      (const ProspectExportFilter  *filter,
                                                       ProspectExportTable          table,
                                                       GError                     **error);

/* n_rows (may be NULL): the lines written after the header. */
gboolean            prospect_export_csv_write         (ProspectDatabase            *db,
                                                       ProspectExportTable          table,
                                                       const ProspectExportFilter  *filter,
                                                       GOutputStream               *stream,
                                                       guint64                     *n_rows,
                                                       GCancellable                *cancellable,
                                                       GError                     **error);
/* The same into path, replaced in one step (prospect_export_to_file). */
gboolean            prospect_export_csv_save          (ProspectDatabase            *db,
                                                       ProspectExportTable          table,
                                                       const ProspectExportFilter  *filter,
                                                       const char                  *path,
                                                       guint64                     *n_rows,
                                                       GCancellable                *cancellable,
                                                       GError                     **error);

/* "12500.50": minor units as a decimal in major units of currency. */
char               *prospect_export_format_amount     (gint64                       minor,
                                                       const char                  *currency);

G_END_DECLS
