/* prospect-deal-card.h - one deal on the pipeline board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "prospect-pipeline.h"

G_BEGIN_DECLS

#define PROSPECT_TYPE_DEAL_CARD (prospect_deal_card_get_type ())
G_DECLARE_FINAL_TYPE (ProspectDealCard, prospect_deal_card, PROSPECT, DEAL_CARD, GtkListBoxRow)

/* stages_menu lists the stages to move to ("pipeline.move-to" with the
 * deal id and a stage id); show_owner adds the owner's name. */
GtkWidget    *prospect_deal_card_new       (const ProspectPipelineCard *card,
                                            const char                 *currency,
                                            GMenuModel                 *stages_menu,
                                            gboolean                    show_owner);
ProspectDeal *prospect_deal_card_get_deal  (ProspectDealCard           *self);

G_END_DECLS
