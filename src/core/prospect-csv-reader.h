/* prospect-csv-reader.h - CSV files as they come: delimiter, encoding,
 * quoting and the line number of every record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PROSPECT_CSV_ERROR (prospect_csv_error_quark ())

typedef enum
{
  PROSPECT_CSV_ERROR_EMPTY,     /* no header line at all */
  PROSPECT_CSV_ERROR_BINARY,    /* not text */
  PROSPECT_CSV_ERROR_MALFORMED, /* broken quoting */
  PROSPECT_CSV_ERROR_NO_ROWS,   /* a header and nothing else */
} ProspectCsvError;

GQuark prospect_csv_error_quark (void);

typedef struct
{
  guint        line;      /* 1-based physical line where the record starts */
  guint        n_fields;
  char       **fields;    /* UTF-8, owned by the table */
} ProspectCsvRecord;

/* The first record is the header; records[1..] are the data rows. */
typedef struct
{
  char               delimiter;   /* ',', ';' or '\t' */
  gboolean           converted;   /* the file was Windows-1252 / Latin-1 */
  guint              n_records;
  ProspectCsvRecord *records;
  /* private */
  GStringChunk      *strings;
  GPtrArray         *field_store;
} ProspectCsvTable;

/* name is only used in messages ("accounts.csv"). A UTF-8 byte order
 * mark is dropped; text that is not UTF-8 is read as Windows-1252. */
ProspectCsvTable *prospect_csv_table_parse (const char  *data,
                                            gsize        length,
                                            GError     **error);
ProspectCsvTable *prospect_csv_table_load  (const char  *path,
                                            GError     **error);
void              prospect_csv_table_free  (ProspectCsvTable *table);

/* Index of the header column named name (exact match), or -1. */
int               prospect_csv_table_find_column (const ProspectCsvTable *table,
                                                  const char             *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectCsvTable, prospect_csv_table_free)

G_END_DECLS
