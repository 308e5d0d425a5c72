/* prospect-validate.h - field checks shared by the entities (and importers)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-database.h"

G_BEGIN_DECLS

/* TRUE when text is a real calendar date written YYYY-MM-DD
 * ("2026-02-30" and "2026-2-3" are not). */
gboolean prospect_date_is_valid          (const char *text);
/* TRUE for three upper-case ASCII letters (ISO 4217 form). */
gboolean prospect_currency_is_valid      (const char *code);

/* Each sets a PROSPECT_ERROR_INVALID error naming field and returns FALSE
 * when the check fails. message is the already translated text. */
gboolean prospect_validate_not_blank     (const char  *value,
                                          const char  *field,
                                          const char  *message,
                                          GError     **error);
gboolean prospect_validate_non_negative  (gint64       value,
                                          const char  *field,
                                          const char  *message,
                                          GError     **error);
/* NULL passes unless required. */
gboolean prospect_validate_date          (const char  *value,
                                          const char  *field,
                                          gboolean     required,
                                          GError     **error);
gboolean prospect_validate_currency      (const char  *value,
                                          const char  *field,
                                          GError     **error);
/* value must be one of the NULL-terminated allowed list. */
gboolean prospect_validate_one_of        (const char          *value,
                                          const char * const  *allowed,
                                          const char          *field,
                                          const char          *message,
                                          GError             **error);
/* A NULL id passes; otherwise a row with that id must exist in table
 * (soft-deleted rows count: old records may point at them). */
gboolean prospect_validate_reference     (ProspectDatabase  *db,
                                          const char        *table,
                                          const char        *id,
                                          const char        *field,
                                          const char        *message,
                                          GError           **error);

G_END_DECLS
