/* prospect-import.h - deals from other CRMs' CSV exports, previewed, then
 * written in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "prospect-database.h"
#include "prospect-import-values.h"

G_BEGIN_DECLS

#define PROSPECT_IMPORT_ERROR (prospect_import_error_quark ())

typedef enum
{
  PROSPECT_IMPORT_ERROR_FILE,      /* a file cannot be read as CSV (message names the line) */
  PROSPECT_IMPORT_ERROR_FORMAT,    /* the columns do not fit the preset */
  PROSPECT_IMPORT_ERROR_PROBLEMS,  /* rows have problems and the mode is "nothing" */
} ProspectImportErrorCode;

GQuark prospect_import_error_quark (void);

typedef enum
{
  PROSPECT_IMPORT_PRESET_AUTO,
  PROSPECT_IMPORT_PRESET_MAVEN,
  PROSPECT_IMPORT_PRESET_SALESFORCE,
  PROSPECT_IMPORT_PRESET_HUBSPOT,
  PROSPECT_IMPORT_PRESET_PIPEDRIVE,
  PROSPECT_IMPORT_PRESET_GENERIC,
} ProspectImportPreset;

typedef enum
{
  PROSPECT_IMPORT_NOTHING_ON_PROBLEMS, /* one bad row and nothing is written */
  PROSPECT_IMPORT_SKIP_BAD_ROWS,       /* write the good rows, skip the bad */
} ProspectImportMode;

typedef struct
{
  char  *file;    /* base name of the file */
  guint  line;    /* 1-based physical line of the row */
  char  *column;  /* header of the column, NULL for the whole row */
  char  *reason;  /* translated sentence */
} ProspectImportProblem;

typedef struct
{
  guint rows;              /* deal rows read */
  guint deals_new;
  guint deals_updated;
  guint deals_unchanged;
  guint rows_with_problems;
  guint people_new;
  guint accounts_new;
  guint accounts_updated;
  guint products_new;
  guint stages_new;
  guint stage_changes_new;
} ProspectImportStats;

/* fraction 0..1 and a short phase text; called on the importing thread. */
typedef void (*ProspectImportProgress) (double      fraction,
                                        const char *phase,
                                        gpointer    user_data);

typedef struct _ProspectImport ProspectImport;

ProspectImport       *prospect_import_new          (void);
void                  prospect_import_free         (ProspectImport *self);

const char           *prospect_import_preset_get_name  (ProspectImportPreset preset);
gboolean              prospect_import_preset_from_name (const char           *name,
                                                        ProspectImportPreset *preset);

/* The Prospect fields a column can be mapped to (generic preset), in the
 * order the CSV export writes them; NULL-terminated. */
const char * const   *prospect_import_get_fields   (void);

void                  prospect_import_set_preset   (ProspectImport       *self,
                                                    ProspectImportPreset  preset);
/* How d/m/y dates are read when a column does not tell (default MDY). */
void                  prospect_import_set_date_order (ProspectImport    *self,
                                                      ProspectDateOrder  order);

/* A file, or a directory holding the Maven set. Reads and parses it:
 * a file that is not usable CSV fails here with a message naming the
 * line. */
gboolean              prospect_import_add_path     (ProspectImport  *self,
                                                    const char      *path,
                                                    GError         **error);

/* The header of the first file added (for a mapping screen). */
const char * const   *prospect_import_get_columns  (ProspectImport *self,
                                                    guint          *n_columns);

/* Generic preset: the field (from prospect_import_get_fields(), or "" to
 * skip) for each column of the first file. Remembered in the database
 * for files with the same header when the import is committed. */
void                  prospect_import_set_mapping  (ProspectImport     *self,
                                                    const char * const *fields,
                                                    guint               n_fields);

/* Maps the rows with the preset (AUTO: detected from the headers) and
 * collects the problems. db is only read (remembered mappings). */
gboolean              prospect_import_prepare      (ProspectImport    *self,
                                                    ProspectDatabase  *db,
                                                    GError           **error);

ProspectImportPreset  prospect_import_get_preset   (ProspectImport *self);
/* char * sentences: encoding conversions, ignored columns, stages made. */
GPtrArray            *prospect_import_get_notices  (ProspectImport *self);
/* ProspectImportProblem *, in file and line order. */
GPtrArray            *prospect_import_get_problems (ProspectImport *self);

/* Writes in one transaction (a savepoint when one is open). dry_run
 * computes the same stats and rolls back: the preview. In
 * NOTHING_ON_PROBLEMS mode any problem fails with
 * PROSPECT_IMPORT_ERROR_PROBLEMS and writes nothing. A cancel (checked
 * between rows) fails with G_IO_ERROR_CANCELLED and writes nothing.
 * Emits ::changed (MANY) for the tables it wrote on db after the commit. */
gboolean              prospect_import_run          (ProspectImport          *self,
                                                    ProspectDatabase        *db,
                                                    ProspectImportMode       mode,
                                                    gboolean                 dry_run,
                                                    GCancellable            *cancellable,
                                                    ProspectImportProgress   progress,
                                                    gpointer                 progress_data,
                                                    ProspectImportStats     *stats,
                                                    GError                 **error);

/* "accounts.csv, line 12, column “Amount”: reason" */
char                 *prospect_import_problem_to_string (const ProspectImportProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectImport, prospect_import_free)

G_END_DECLS
