/* prospect-close-deal-dialog.h - asks for the close date (and the reason
 * of a loss) before a deal moves to a won or lost stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Called once: with the date ("YYYY-MM-DD") and, for a loss, the reason
 * when the user confirms; with NULL, NULL on Cancel. */
typedef void (*ProspectCloseDealFunc) (const char *closed_on,
                                       const char *lost_reason,
                                       gpointer    user_data);

void prospect_close_deal_dialog_run (GtkWindow             *parent,
                                     const char            *deal_title,
                                     const char            *stage_name,
                                     gboolean               lost,
                                     ProspectCloseDealFunc  func,
                                     gpointer               user_data,
                                     GDestroyNotify         destroy);

G_END_DECLS
