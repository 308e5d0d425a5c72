/* prospect-query.h - filter / sort / page over one entity table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-record.h"

G_BEGIN_DECLS

/* A query names columns, never SQL: every column is checked against the
 * record class's column list (programming error otherwise), and every
 * value is bound. Soft-deleted rows are excluded unless asked for. */

typedef enum
{
  PROSPECT_OP_EQ,
  PROSPECT_OP_NE,
  PROSPECT_OP_LT,
  PROSPECT_OP_LE,
  PROSPECT_OP_GT,
  PROSPECT_OP_GE,
} ProspectOp;

#define PROSPECT_TYPE_QUERY (prospect_query_get_type ())
G_DECLARE_FINAL_TYPE (ProspectQuery, prospect_query, PROSPECT, QUERY, GObject)

ProspectQuery *prospect_query_new              (GType          record_type);
GType          prospect_query_get_record_type  (ProspectQuery *self);

void           prospect_query_where_text       (ProspectQuery *self,
                                                const char    *column,
                                                ProspectOp     op,
                                                const char    *value);
void           prospect_query_where_int        (ProspectQuery *self,
                                                const char    *column,
                                                ProspectOp     op,
                                                gint64         value);
void           prospect_query_where_null       (ProspectQuery *self,
                                                const char    *column,
                                                gboolean       is_null);
/* Case-insensitive substring match over the SEARCHABLE columns. NULL or ""
 * clears it. */
void           prospect_query_set_search       (ProspectQuery *self,
                                                const char    *text);
/* Sort keys apply in the order added; the id is always the last tie-break
 * so that paging is stable. Text sorts are case-insensitive. */
void           prospect_query_order_by         (ProspectQuery *self,
                                                const char    *column,
                                                gboolean       descending);
/* Sorts by related_column of the related_type row that column (a foreign
 * key) points at, e.g. a deal's account_id by the account's name. Rows
 * pointing nowhere come first in ascending order. */
void           prospect_query_order_by_related (ProspectQuery *self,
                                                const char    *column,
                                                GType          related_type,
                                                const char    *related_column,
                                                gboolean       descending);
void           prospect_query_clear_order      (ProspectQuery *self);
void           prospect_query_set_include_deleted (ProspectQuery *self,
                                                gboolean       include_deleted);

gint64         prospect_query_count            (ProspectQuery     *self,
                                                ProspectDatabase  *db,
                                                GError           **error);
/* Rows [offset, offset+limit) in order; limit -1 = all. Element type is the
 * query's record type; the array owns references. */
GPtrArray     *prospect_query_fetch            (ProspectQuery     *self,
                                                ProspectDatabase  *db,
                                                gint64             offset,
                                                gint64             limit,
                                                GError           **error);

G_END_DECLS
