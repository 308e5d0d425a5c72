/* prospect-import.c - reading, mapping and the import job's options
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "prospect-import"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "prospect-import-private.h"

#define MAPPING_SETTING_PREFIX "import-mapping:"

G_DEFINE_QUARK (prospect-import-error-quark, prospect_import_error)

static const char * const maven_files[] = {
  "sales_pipeline.csv", "accounts.csv", "products.csv", "sales_teams.csv",
};

static const char * const preset_names[] = {
  [PROSPECT_IMPORT_PRESET_AUTO] = "auto",
  [PROSPECT_IMPORT_PRESET_MAVEN] = "maven",
  [PROSPECT_IMPORT_PRESET_SALESFORCE] = "salesforce",
  [PROSPECT_IMPORT_PRESET_HUBSPOT] = "hubspot",
  [PROSPECT_IMPORT_PRESET_PIPEDRIVE] = "pipedrive",
  [PROSPECT_IMPORT_PRESET_GENERIC] = "generic",
};

static void
problem_free (gpointer data)
{
  ProspectImportProblem *problem = data;

  g_free (problem->file);
  g_free (problem->column);
  g_free (problem->reason);
  g_free (problem);
}

ProspectImport *
prospect_import_new (void)
{
  ProspectImport *self = g_new0 (ProspectImport, 1);

  self->requested = PROSPECT_IMPORT_PRESET_AUTO;
  self->date_order = PROSPECT_DATE_ORDER_UNKNOWN;
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) prospect_csv_table_free);
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->strings = g_string_chunk_new (64 * 1024);
  self->people = g_array_new (FALSE, FALSE, sizeof (ImportPerson));
  self->accounts = g_array_new (FALSE, FALSE, sizeof (ImportAccount));
  self->products = g_array_new (FALSE, FALSE, sizeof (ImportProduct));
  self->deals = g_array_new (FALSE, FALSE, sizeof (ImportDeal));
  self->notices = g_ptr_array_new_with_free_func (g_free);
  self->problems = g_ptr_array_new_with_free_func (problem_free);

  return self;
}

void
prospect_import_free (ProspectImport *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->tables);
  g_ptr_array_unref (self->names);
  g_strfreev (self->mapping);
  g_free (self->mapping_key);
  g_string_chunk_free (self->strings);
  g_array_unref (self->people);
  g_array_unref (self->accounts);
  g_array_unref (self->products);
  g_array_unref (self->deals);
  g_ptr_array_unref (self->notices);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

const char *
prospect_import_preset_get_name (ProspectImportPreset preset)
{
  g_return_val_if_fail (preset <= PROSPECT_IMPORT_PRESET_GENERIC, NULL);

  return preset_names[preset];
}

gboolean
prospect_import_preset_from_name (const char           *name,
                                  ProspectImportPreset *preset)
{
  for (guint i = 0; i < G_N_ELEMENTS (preset_names); i++)
    if (g_ascii_strcasecmp (name, preset_names[i]) == 0)
      {
        *preset = (ProspectImportPreset) i;
        return TRUE;
      }

  return FALSE;
}

const char *
prospect_import_intern (ProspectImport *self,
                        const char     *text)
{
  const char *end;

  if (text == NULL)
    return NULL;

  while (*text == ' ')
    text++;
  end = text + strlen (text);
  while (end > text && end[-1] == ' ')
    end--;

  if (end == text)
    return NULL;

  return g_string_chunk_insert_len (self->strings, text, end - text);
}

void
prospect_import_problem (ProspectImport *self,
                         const char     *file,
                         guint           line,
                         const char     *column,
                         const char     *format,
                         ...)
{
  ProspectImportProblem *problem = g_new0 (ProspectImportProblem, 1);
  va_list args;

  problem->file = g_strdup (file);
  problem->line = line;
  problem->column = g_strdup (column);
  va_start (args, format);
  problem->reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->problems, problem);
}

void
prospect_import_notice (ProspectImport *self,
                        const char     *format,
                        ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  /* A preview and then the import say the same things once. */
  for (guint i = 0; i < self->notices->len; i++)
    if (g_str_equal (g_ptr_array_index (self->notices, i), text))
      return;

  g_ptr_array_add (self->notices, g_steal_pointer (&text));
}

void
prospect_import_deal_init (ImportDeal *deal,
                           const char *file,
                           guint       line)
{
  memset (deal, 0, sizeof *deal);
  deal->file = file;
  deal->line = line;
  deal->amount = -1;
  deal->probability = -1;
  deal->priority = -1;
}

void
prospect_import_set_preset (ProspectImport       *self,
                            ProspectImportPreset  preset)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (preset <= PROSPECT_IMPORT_PRESET_GENERIC);

  self->requested = preset;
}

void
prospect_import_set_date_order (ProspectImport    *self,
                                ProspectDateOrder  order)
{
  g_return_if_fail (self != NULL);

  self->date_order = order;
}

static gboolean
add_file (ProspectImport  *self,
          const char      *path,
          GError         **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GError) local_error = NULL;
  ProspectCsvTable *table;

  table = prospect_csv_table_load (path, &local_error);
  if (table == NULL)
    {
      g_set_error (error, PROSPECT_IMPORT_ERROR, PROSPECT_IMPORT_ERROR_FILE,
                   "%s: %s", name, local_error->message);
      return FALSE;
    }

  if (table->converted)
    prospect_import_notice (self, _("%s is not UTF-8; it was read as Windows-1252 (Western European)"), name);

  g_ptr_array_add (self->tables, table);
  g_ptr_array_add (self->names, g_steal_pointer (&name));
  return TRUE;
}

gboolean
prospect_import_add_path (ProspectImport  *self,
                          const char      *path,
                          GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return add_file (self, path, error);

  /* A directory is the unpacked Maven download. */
  for (guint i = 0; i < G_N_ELEMENTS (maven_files); i++)
    {
      g_autofree char *file = g_build_filename (path, maven_files[i], NULL);

      if (g_file_test (file, G_FILE_TEST_EXISTS) && !add_file (self, file, error))
        return FALSE;
    }

  if (self->tables->len == 0)
    {
      g_set_error (error, PROSPECT_IMPORT_ERROR, PROSPECT_IMPORT_ERROR_FORMAT,
                   _("The folder “%s” holds none of the Maven files (sales_pipeline.csv, accounts.csv, "
                     "products.csv, sales_teams.csv)"), path);
      return FALSE;
    }

  return TRUE;
}

const char * const *
prospect_import_get_columns (ProspectImport *self,
                             guint          *n_columns)
{
  const ProspectCsvTable *table;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_columns != NULL, NULL);

  if (self->tables->len == 0)
    {
      *n_columns = 0;
      return NULL;
    }

  table = g_ptr_array_index (self->tables, 0);
  *n_columns = table->records[0].n_fields;
  return (const char * const *) table->records[0].fields;
}

/* The setting key names the header, so a mapping comes back for every
 * file with the same columns. */
static char *
mapping_key (const ProspectCsvTable *table)
{
  const ProspectCsvRecord *header = &table->records[0];
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);

  for (guint i = 0; i < header->n_fields; i++)
    {
      g_checksum_update (checksum, (const guchar *) header->fields[i], -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }

  return g_strconcat (MAPPING_SETTING_PREFIX, g_checksum_get_string (checksum), NULL);
}

void
prospect_import_set_mapping (ProspectImport     *self,
                             const char * const *fields,
                             guint               n_fields)
{
  g_return_if_fail (self != NULL);

  g_strfreev (self->mapping);
  self->mapping = g_new0 (char *, n_fields + 1);
  for (guint i = 0; i < n_fields; i++)
    self->mapping[i] = g_strdup (fields[i] ? fields[i] : "");
  self->n_mapping = n_fields;
}

static void
load_remembered_mapping (ProspectImport   *self,
                         ProspectDatabase *db,
                         const ProspectCsvTable *table)
{
  g_autofree char *value = NULL;
  g_auto(GStrv) fields = NULL;

  if (self->mapping != NULL)
    return;

  value = prospect_database_get_setting (db, self->mapping_key);
  if (value == NULL)
    return;

  fields = g_strsplit (value, "\n", -1);
  if (g_strv_length (fields) != table->records[0].n_fields)
    return;

  prospect_import_set_mapping (self, (const char * const *) fields, g_strv_length (fields));
  prospect_import_notice (self, _("The columns are mapped as the last time a file with this header was imported"));
}

static gboolean
check_mapping_size (ProspectImport          *self,
                    const ProspectCsvTable  *table,
                    GError                 **error)
{
  if (self->mapping == NULL || self->n_mapping == table->records[0].n_fields)
    return TRUE;

  g_set_error (error, PROSPECT_IMPORT_ERROR, PROSPECT_IMPORT_ERROR_FORMAT,
               _("The mapping names %u columns, the file has %u"),
               self->n_mapping, table->records[0].n_fields);
  return FALSE;
}

static gboolean
map_tables (ProspectImport    *self,
            ProspectDatabase  *db,
            GError           **error)
{
  for (guint i = 0; i < self->tables->len; i++)
    {
      const ProspectCsvTable *table = g_ptr_array_index (self->tables, i);
      const char *file = g_ptr_array_index (self->names, i);
      ProspectImportPreset preset = self->preset;
      const char * const *mapping = NULL;

      if (preset == PROSPECT_IMPORT_PRESET_AUTO)
        preset = prospect_import_detect_preset (table);

      if (i == 0 && preset == PROSPECT_IMPORT_PRESET_GENERIC)
        {
          self->mapping_key = mapping_key (table);
          load_remembered_mapping (self, db, table);
          if (!check_mapping_size (self, table, error))
            return FALSE;
          mapping = (const char * const *) self->mapping;
        }

      if (preset == PROSPECT_IMPORT_PRESET_MAVEN)
        {
          g_set_error (error, PROSPECT_IMPORT_ERROR, PROSPECT_IMPORT_ERROR_FORMAT,
                       _("%s looks like a file of the Maven set; import the Maven files on their own"), file);
          return FALSE;
        }

      if (!prospect_import_map_table (self, preset, table, file, mapping, error))
        return FALSE;
    }

  return TRUE;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const ProspectImportProblem *pa = *(ProspectImportProblem * const *) a;
  const ProspectImportProblem *pb = *(ProspectImportProblem * const *) b;
  int by_file = g_strcmp0 (pa->file, pb->file);

  if (by_file != 0)
    return by_file;

  return pa->line < pb->line ? -1 : pa->line > pb->line;
}

gboolean
prospect_import_prepare (ProspectImport    *self,
                         ProspectDatabase  *db,
                         GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (PROSPECT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (!self->prepared, FALSE);

  if (self->tables->len == 0)
    {
      g_set_error (error, PROSPECT_IMPORT_ERROR, PROSPECT_IMPORT_ERROR_FORMAT, _("No file to import"));
      return FALSE;
    }

  self->preset = self->requested;
  if (self->preset == PROSPECT_IMPORT_PRESET_AUTO)
    self->preset = prospect_import_detect_preset (g_ptr_array_index (self->tables, 0));

  if (self->preset == PROSPECT_IMPORT_PRESET_MAVEN)
    {
      if (!prospect_import_map_maven (self, error))
        return FALSE;
    }
  else if (!map_tables (self, db, error))
    return FALSE;

  /* Sorted, so that a person reads them in file order. */
  g_ptr_array_sort (self->problems, compare_problems);
  self->prepared = TRUE;
  return TRUE;
}

ProspectImportPreset
prospect_import_get_preset (ProspectImport *self)
{
  g_return_val_if_fail (self != NULL, PROSPECT_IMPORT_PRESET_AUTO);

  return self->prepared ? self->preset : self->requested;
}

GPtrArray *
prospect_import_get_notices (ProspectImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->notices;
}

GPtrArray *
prospect_import_get_problems (ProspectImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->problems;
}

char *
prospect_import_problem_to_string (const ProspectImportProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->column != NULL)
    return g_strdup_printf (_("%s, line %u, column “%s”: %s"),
                            problem->file, problem->line, problem->column, problem->reason);

  return g_strdup_printf (_("%s, line %u: %s"), problem->file, problem->line, problem->reason);
}

/* Used by the writer: saved in the same transaction as the rows. */
gboolean
prospect_import_save_mapping (ProspectImport    *self,
                              ProspectDatabase  *db,
                              GError           **error)
{
  g_autofree char *value = NULL;

  if (self->mapping == NULL || self->mapping_key == NULL)
    return TRUE;

  value = g_strjoinv ("\n", self->mapping);
  return prospect_database_set_setting (db, self->mapping_key, value, error);
}
