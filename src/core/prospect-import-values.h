/* prospect-import-values.h - dates and amounts written the way people and
 * other CRMs write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PROSPECT_DATE_ORDER_UNKNOWN, /* decide from the column */
  PROSPECT_DATE_ORDER_MDY,     /* 10/20/2017 */
  PROSPECT_DATE_ORDER_DMY,     /* 20/10/2017, 20.10.2017 */
} ProspectDateOrder;

/* Looks at every value of a date column and decides how its d/m/y dates
 * are written: a first part above 12 means DMY, a second part above 12
 * MDY. Dotted dates are DMY. When the column never tells (every part is
 * 12 or less), slash dates are read as fallback. Returns FALSE when the
 * column contradicts itself (both a 13/.. and a ../13 date). */
gboolean prospect_import_guess_date_order (const char * const *values,
                                           guint               n_values,
                                           ProspectDateOrder   fallback,
                                           ProspectDateOrder  *order);

/* Parses YYYY-MM-DD, M/D/YYYY, D/M/YYYY (by order) and D.M.YYYY; a time
 * after the date ("2017-10-20 09:30", "2017-10-20T09:30:00Z") is ignored.
 * Writes "YYYY-MM-DD" into iso (11 bytes). FALSE for text that is not a
 * date or a date that does not exist (2017-02-30). */
gboolean prospect_import_parse_date       (const char         *text,
                                           ProspectDateOrder   order,
                                           char                iso[11]);

/* Parses an amount such as "1234.5", "$1,234.50", "1.234,50 €", "EUR 99",
 * "1 234" into minor units (cents), rounding beyond two decimals. A
 * currency sign or code, when present, is returned in currency (4 bytes,
 * "" when none). Negative amounts are refused. */
gboolean prospect_import_parse_amount     (const char         *text,
                                           gint64             *minor_units,
                                           char                currency[4]);

/* A probability: "40", "40%", "0.4" is not accepted (ambiguous); 0..100. */
gboolean prospect_import_parse_percent    (const char         *text,
                                           int                *percent);

/* true/false as exports write them: true, 1, yes, y (any case) are TRUE;
 * false, 0, no, n are FALSE. Returns FALSE for anything else. */
gboolean prospect_import_parse_bool       (const char         *text,
                                           gboolean           *value);

G_END_DECLS
