/* prospect-error.c - the core's error domain, carrying the offending field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "prospect-error"

#include "config.h"

#include "prospect-error.h"

typedef struct
{
  char *field;
} ProspectErrorPrivate;

static void
prospect_error_private_init (ProspectErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
prospect_error_private_copy (const ProspectErrorPrivate *src,
                             ProspectErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
prospect_error_private_clear (ProspectErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (ProspectError, prospect_error)

/**
 * prospect_error_get_field:
 *
 * Returns: (nullable): the column name an INVALID error is about, or NULL
 * for errors of other domains or without a field.
 */
const char *
prospect_error_get_field (const GError *error)
{
  if (error == NULL || error->domain != PROSPECT_ERROR)
    return NULL;

  return prospect_error_get_private (error)->field;
}

void
prospect_set_invalid_error (GError    **error,
                            const char *field,
                            const char *format,
                            ...)
{
  g_autofree char *message = NULL;
  GError *new_error;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  new_error = g_error_new_literal (PROSPECT_ERROR, PROSPECT_ERROR_INVALID, message);
  prospect_error_get_private (new_error)->field = g_strdup (field);
  g_propagate_error (error, new_error);
}
