/* prospect-csv-reader.c - CSV files as they come, over libcsv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-csv-reader"

#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "prospect-csv-reader.h"

#define UTF8_BOM           "\xef\xbb\xbf"
#define BINARY_SNIFF_BYTES 8192

G_DEFINE_QUARK (prospect-csv-error-quark, prospect_csv_error)

typedef struct
{
  guint line;
  guint first_field;
  guint n_fields;
} PendingRecord;

typedef struct
{
  ProspectCsvTable *table;
  GArray           *records;        /* PendingRecord */
  guint             record_line;    /* 0 = between records */
  guint             record_first;
} ParseState;

static void
field_cb (void   *text,
          size_t  length,
          void   *user_data)
{
  ParseState *state = user_data;
  char *field = g_string_chunk_insert_len (state->table->strings, text ? text : "", length);

  g_ptr_array_add (state->table->field_store, field);
}

static void
record_cb (int   terminator,
           void *user_data)
{
  ParseState *state = user_data;
  PendingRecord record;

  record.line = state->record_line;
  record.first_field = state->record_first;
  record.n_fields = state->table->field_store->len - state->record_first;
  g_array_append_val (state->records, record);

  state->record_line = 0;
  state->record_first = state->table->field_store->len;
}

/* libcsv trims tabs too by default, which would eat empty fields of a
 * tab-separated file. */
static int
is_space (unsigned char c)
{
  return c == ' ';
}

static gboolean
is_blank_line (const char *line,
               gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (line[i] != '\r' && line[i] != '\n')
      return FALSE;

  return TRUE;
}

/* Control characters other than tab, CR and LF do not occur in text a
 * spreadsheet or a CRM writes; a few percent of them means a binary file. */
static gboolean
looks_binary (const char *data,
              gsize       length)
{
  gsize sniffed = MIN (length, BINARY_SNIFF_BYTES);
  gsize controls = 0;

  if (memchr (data, '\0', length) != NULL)
    return TRUE;

  for (gsize i = 0; i < sniffed; i++)
    {
      guchar c = data[i];

      if (c < 0x20 && c != '\t' && c != '\r' && c != '\n')
        controls++;
    }

  return controls * 100 > sniffed;
}

/* The header decides: the candidate seen most often outside quotes. */
static char
detect_delimiter (const char *data,
                  gsize       length)
{
  const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  char best = ',';
  guint best_count = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && (data[i] == '\n' || data[i] == '\r'))
        break;
      else if (!quoted)
        for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
          if (data[i] == candidates[c])
            counts[c]++;
    }

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    if (counts[c] > best_count)
      {
        best = candidates[c];
        best_count = counts[c];
      }

  return best;
}

static char *
to_utf8 (const char  *data,
         gsize        length,
         gboolean    *converted)
{
  char *text;

  *converted = FALSE;
  if (g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);

  *converted = TRUE;
  /* Windows-1252 leaves five bytes undefined; Latin-1 maps every byte. */
  text = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (text == NULL)
    text = g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);

  return text;
}

static gboolean
parse_lines (struct csv_parser  *parser,
             ParseState         *state,
             const char         *text,
             gsize               length,
             GError            **error)
{
  const char *line = text;
  const char *end = text + length;
  guint line_number = 1;

  while (line < end)
    {
      const char *newline = memchr (line, '\n', end - line);
      gsize line_length = newline ? (gsize) (newline - line) + 1 : (gsize) (end - line);

      if (state->record_line == 0 && !is_blank_line (line, line_length))
        state->record_line = line_number;

      if (csv_parse (parser, line, line_length, field_cb, record_cb, state) != line_length)
        {
          g_set_error (error, PROSPECT_CSV_ERROR, PROSPECT_CSV_ERROR_MALFORMED,
                       _("line %u: a quote in a field is not closed or is followed by more text"),
                       line_number);
          return FALSE;
        }

      line += line_length;
      line_number++;
    }

  if (csv_fini (parser, field_cb, record_cb, state) != 0)
    {
      g_set_error (error, PROSPECT_CSV_ERROR, PROSPECT_CSV_ERROR_MALFORMED,
                   _("line %u: a quoted field is never closed"),
                   state->record_line);
      return FALSE;
    }

  return TRUE;
}

static void
finish_records (ParseState *state)
{
  ProspectCsvTable *table = state->table;

  table->n_records = state->records->len;
  table->records = g_new0 (ProspectCsvRecord, table->n_records);

  for (guint i = 0; i < table->n_records; i++)
    {
      PendingRecord *pending = &g_array_index (state->records, PendingRecord, i);

      table->records[i].line = pending->line;
      table->records[i].n_fields = pending->n_fields;
      table->records[i].fields = (char **) &table->field_store->pdata[pending->first_field];
    }
}

ProspectCsvTable *
prospect_csv_table_parse (const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(ProspectCsvTable) table = NULL;
  g_autoptr(GArray) records = NULL;
  g_autofree char *text = NULL;
  struct csv_parser parser;
  ParseState state = { 0 };
  gboolean converted;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length == 0)
    {
      g_set_error (error, PROSPECT_CSV_ERROR, PROSPECT_CSV_ERROR_EMPTY,
                   _("line 1: the file is empty (0 bytes)"));
      return NULL;
    }

  if (looks_binary (data, length))
    {
      g_set_error (error, PROSPECT_CSV_ERROR, PROSPECT_CSV_ERROR_BINARY,
                   _("line 1: this is not a text file (it holds binary data), so it cannot be a CSV file"));
      return NULL;
    }

  if (length >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  text = to_utf8 (data, length, &converted);
  table = g_new0 (ProspectCsvTable, 1);
  table->converted = converted;
  table->strings = g_string_chunk_new (MAX (length, 4096));
  table->field_store = g_ptr_array_new ();
  table->delimiter = detect_delimiter (text, strlen (text));

  records = g_array_new (FALSE, FALSE, sizeof (PendingRecord));
  state.table = table;
  state.records = records;

  csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI);
  csv_set_delim (&parser, table->delimiter);
  csv_set_space_func (&parser, is_space);
  ok = parse_lines (&parser, &state, text, strlen (text), error);
  csv_free (&parser);
  if (!ok)
    return NULL;

  finish_records (&state);

  if (table->n_records == 0)
    {
      g_set_error (error, PROSPECT_CSV_ERROR, PROSPECT_CSV_ERROR_EMPTY,
                   _("line 1: the file is empty (it has no header line)"));
      return NULL;
    }

  if (table->n_records == 1)
    {
      g_set_error (error, PROSPECT_CSV_ERROR, PROSPECT_CSV_ERROR_NO_ROWS,
                   _("line %u: the file has a header line but no rows below it"),
                   table->records[0].line);
      return NULL;
    }

  return g_steal_pointer (&table);
}

ProspectCsvTable *
prospect_csv_table_load (const char  *path,
                         GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;

  return prospect_csv_table_parse (data, length, error);
}

void
prospect_csv_table_free (ProspectCsvTable *table)
{
  if (table == NULL)
    return;

  g_free (table->records);
  g_clear_pointer (&table->field_store, g_ptr_array_unref);
  g_clear_pointer (&table->strings, g_string_chunk_free);
  g_free (table);
}

int
prospect_csv_table_find_column (const ProspectCsvTable *table,
                                const char             *name)
{
  const ProspectCsvRecord *header;

  g_return_val_if_fail (table != NULL && table->n_records > 0, -1);

  header = &table->records[0];
  for (guint i = 0; i < header->n_fields; i++)
    if (g_str_equal (header->fields[i], name))
      return (int) i;

  return -1;
}
