/* prospect-export-private.h - the row queries the exports share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-export-csv.h"

G_BEGIN_DECLS

/* The columns of the activity query, for the calendar export. The CSV
 * writes the first ACTIVITY_N_CSV_COLUMNS of them. */
enum
{
  ACTIVITY_ID,
  ACTIVITY_KIND,
  ACTIVITY_SUBJECT,
  ACTIVITY_NOTES,
  ACTIVITY_DUE_AT,
  ACTIVITY_DUE_DATE,
  ACTIVITY_DURATION,
  ACTIVITY_DONE_AT,
  ACTIVITY_OUTCOME,
  ACTIVITY_DEAL_ID,
  ACTIVITY_DEAL_TITLE,
  ACTIVITY_ACCOUNT,
  ACTIVITY_CONTACT,
  ACTIVITY_OWNER,
  ACTIVITY_REMIND_AT,
  ACTIVITY_CREATED_AT,
  ACTIVITY_N_CSV_COLUMNS,
  ACTIVITY_UPDATED_AT = ACTIVITY_N_CSV_COLUMNS,
};

/* The statement that reads table's rows under filter (checked first),
 * bound and ready to step. It is the database's cached statement: step
 * it to the end or reset it. */
sqlite3_stmt *prospect_export_prepare (ProspectDatabase            *db,
                                       ProspectExportTable          table,
                                       const ProspectExportFilter  *filter,
                                       GError                     **error);

/* Stream writes, every few thousand rows a look at the cancellable. */
#define PROSPECT_EXPORT_CANCEL_EVERY 4096

G_END_DECLS
