/* prospect-error.h - the core's error domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PROSPECT_ERROR (prospect_error_quark ())

typedef enum
{
  PROSPECT_ERROR_INVALID,    /* a field failed validation; see prospect_error_get_field() */
  PROSPECT_ERROR_NOT_FOUND,  /* no (live) row with that id */
  PROSPECT_ERROR_DATABASE,   /* SQLite said no; the message carries its text */
  PROSPECT_ERROR_MIGRATION,  /* the file is newer than this build, or a migration failed */
  PROSPECT_ERROR_CONSTRAINT, /* a foreign key or unique constraint refused the change */
} ProspectErrorCode;

/* PROSPECT_ERROR is an extended error domain (GLib >= 2.68): an INVALID
 * error carries the name of the offending field (the SQL column name, e.g.
 * "expected_close"), so that forms can show the message next to the right
 * row instead of in a generic dialog. */
GQuark       prospect_error_quark        (void);
const char  *prospect_error_get_field    (const GError *error);
void         prospect_set_invalid_error  (GError    **error,
                                          const char *field,
                                          const char *format,
                                          ...) G_GNUC_PRINTF (3, 4);

G_END_DECLS
