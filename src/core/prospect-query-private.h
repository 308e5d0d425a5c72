/* prospect-query-private.h - what the query model needs from queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-query.h"

G_BEGIN_DECLS

/* The rowids (gint64) of the matching rows, in the query's order. */
GArray    *prospect_query_fetch_rowids    (ProspectQuery     *self,
                                           ProspectDatabase  *db,
                                           GError           **error);
/* The rows with these rowids, in the same order; a row that no longer
 * exists leaves a NULL. */
GPtrArray *prospect_query_fetch_by_rowids (ProspectQuery     *self,
                                           ProspectDatabase  *db,
                                           const gint64      *rowids,
                                           guint              n_rowids,
                                           GError           **error);

G_END_DECLS
