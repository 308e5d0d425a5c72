/* prospect-record-private.h - what the core's own files share about records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-record.h"

G_BEGIN_DECLS

typedef struct
{
  const char          *property;    /* interned, e.g. "account-id" */
  const char          *column;      /* interned, e.g. "account_id" */
  GType                value_type;
  ProspectColumnFlags  flags;
} ProspectColumn;

/* The column named column of record_type (the base columns id,
 * created_at, updated_at and deleted_at included), or NULL. */
const ProspectColumn *prospect_record_type_lookup_column (GType       record_type,
                                                          const char *column);
/* The class's own columns, in select-list order after the four base ones. */
const ProspectColumn *prospect_record_type_get_columns   (GType       record_type,
                                                          guint      *n_columns);

/* Replaces *ptr with a copy of value; TRUE when it changed (for notify). */
static inline gboolean
prospect_str_set (char       **ptr,
                  const char  *value)
{
  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;

  g_free (*ptr);
  *ptr = g_strdup (value);

  return TRUE;
}

G_END_DECLS
