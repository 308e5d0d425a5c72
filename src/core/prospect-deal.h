/* prospect-deal.h - a sales opportunity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-query.h"

G_BEGIN_DECLS

/* Properties (= columns of table "deal"): title, account-id, contact-id,
 * owner-id, stage-id, amount (minor units of currency), currency,
 * probability (0-100, -1 = the stage's default), expected-close and
 * closed-on ("YYYY-MM-DD" or NULL), priority (0 low, 1 normal, 2 high),
 * next-step, challenges, region, channel, product-id, source, status
 * ("open", "won", "lost"), lost-reason, external-id.
 *
 * The status follows the stage's kind on every write; closing a deal
 * without a close date closes it today. Stage changes (including the
 * first stage on insert) are written to deal_stage_change, and changes of
 * the main fields to field_change. */
#define PROSPECT_TYPE_DEAL (prospect_deal_get_type ())
G_DECLARE_FINAL_TYPE (ProspectDeal, prospect_deal, PROSPECT, DEAL, ProspectRecord)

ProspectDeal *prospect_deal_new                (void);
ProspectDeal *prospect_deal_load               (ProspectDatabase  *db,
                                                const char        *id,
                                                GError           **error);
const char   *prospect_deal_get_title          (ProspectDeal *self);
void          prospect_deal_set_title          (ProspectDeal *self,
                                                const char   *title);
const char   *prospect_deal_get_account_id     (ProspectDeal *self);
void          prospect_deal_set_account_id     (ProspectDeal *self,
                                                const char   *account_id);
const char   *prospect_deal_get_contact_id     (ProspectDeal *self);
void          prospect_deal_set_contact_id     (ProspectDeal *self,
                                                const char   *contact_id);
const char   *prospect_deal_get_owner_id       (ProspectDeal *self);
void          prospect_deal_set_owner_id       (ProspectDeal *self,
                                                const char   *owner_id);
const char   *prospect_deal_get_stage_id       (ProspectDeal *self);
void          prospect_deal_set_stage_id       (ProspectDeal *self,
                                                const char   *stage_id);
gint64        prospect_deal_get_amount         (ProspectDeal *self);
void          prospect_deal_set_amount         (ProspectDeal *self,
                                                gint64        amount);
const char   *prospect_deal_get_currency       (ProspectDeal *self);
void          prospect_deal_set_currency       (ProspectDeal *self,
                                                const char   *currency);
gint          prospect_deal_get_probability    (ProspectDeal *self);
void          prospect_deal_set_probability    (ProspectDeal *self,
                                                gint          probability);
const char   *prospect_deal_get_expected_close (ProspectDeal *self);
void          prospect_deal_set_expected_close (ProspectDeal *self,
                                                const char   *expected_close);
gint          prospect_deal_get_priority       (ProspectDeal *self);
void          prospect_deal_set_priority       (ProspectDeal *self,
                                                gint          priority);
const char   *prospect_deal_get_next_step      (ProspectDeal *self);
void          prospect_deal_set_next_step      (ProspectDeal *self,
                                                const char   *next_step);
const char   *prospect_deal_get_challenges     (ProspectDeal *self);
void          prospect_deal_set_challenges     (ProspectDeal *self,
                                                const char   *challenges);
const char   *prospect_deal_get_region         (ProspectDeal *self);
void          prospect_deal_set_region         (ProspectDeal *self,
                                                const char   *region);
const char   *prospect_deal_get_channel        (ProspectDeal *self);
void          prospect_deal_set_channel        (ProspectDeal *self,
                                                const char   *channel);
const char   *prospect_deal_get_product_id     (ProspectDeal *self);
void          prospect_deal_set_product_id     (ProspectDeal *self,
                                                const char   *product_id);
const char   *prospect_deal_get_source         (ProspectDeal *self);
void          prospect_deal_set_source         (ProspectDeal *self,
                                                const char   *source);
const char   *prospect_deal_get_status         (ProspectDeal *self);
void          prospect_deal_set_status         (ProspectDeal *self,
                                                const char   *status);
const char   *prospect_deal_get_lost_reason    (ProspectDeal *self);
void          prospect_deal_set_lost_reason    (ProspectDeal *self,
                                                const char   *lost_reason);
const char   *prospect_deal_get_closed_on      (ProspectDeal *self);
void          prospect_deal_set_closed_on      (ProspectDeal *self,
                                                const char   *closed_on);
const char   *prospect_deal_get_external_id    (ProspectDeal *self);
void          prospect_deal_set_external_id    (ProspectDeal *self,
                                                const char   *external_id);

/* Moves the deal to stage_id in one transaction: stage, status (the
 * stage's kind), closed_on (for won/lost: closed_on, or today when NULL;
 * cleared for open) and lost_reason (kept only for lost), plus a
 * deal_stage_change row by the "me" setting. On failure nothing is
 * written and the deal object is left as it was. */
gboolean         prospect_deal_move_to_stage     (ProspectDeal      *self,
                                                  ProspectDatabase  *db,
                                                  const char        *stage_id,
                                                  const char        *closed_on,
                                                  const char        *lost_reason,
                                                  GError           **error);
/* The deal's probability, or its stage's default when it has none. */
gint             prospect_deal_get_effective_probability (ProspectDeal     *self,
                                                          ProspectDatabase *db);

/* Convenience queries: every deal (most recently updated first); the open
 * deals of owner_id (by expected close); the deals of account_id and the
 * deals in stage_id (most recently updated first). */
ProspectQuery   *prospect_deal_query_all            (void);
ProspectQuery   *prospect_deal_query_open_for_owner (const char *owner_id);
ProspectQuery   *prospect_deal_query_for_account    (const char *account_id);
ProspectQuery   *prospect_deal_query_in_stage       (const char *stage_id);

G_END_DECLS
