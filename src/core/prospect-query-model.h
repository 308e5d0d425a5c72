/* prospect-query-model.h - a lazily paged GListModel over a ProspectQuery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-query.h"

G_BEGIN_DECLS

/* Holds the row count, the rows' order (their rowids, read on the first
 * item request) and a few recently used pages of rows, so that a list of
 * 100,000 deals costs one COUNT(*), one narrow sorted read and a page of
 * rows per screenful.
 * Listens to the database's ::changed::<table> and re-counts, emitting
 * items-changed for the whole range (views keep their scroll position). */
#define PROSPECT_TYPE_QUERY_MODEL (prospect_query_model_get_type ())
G_DECLARE_FINAL_TYPE (ProspectQueryModel, prospect_query_model, PROSPECT, QUERY_MODEL, GObject)

ProspectQueryModel *prospect_query_model_new        (ProspectDatabase   *db,
                                                     ProspectQuery      *query);
ProspectQuery      *prospect_query_model_get_query  (ProspectQueryModel *self);
/* Call after changing the query's filter/sort: re-counts and reloads. */
void                prospect_query_model_reload     (ProspectQueryModel *self);
guint               prospect_query_model_get_page_size (ProspectQueryModel *self);
void                prospect_query_model_set_page_size (ProspectQueryModel *self,
                                                     guint               page_size);

G_END_DECLS
