/* prospect-account.h - a customer company
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-query.h"

G_BEGIN_DECLS

/* Properties (= columns of table "account"): name, sector, region,
 * revenue (minor units of currency, -1 = unknown), currency, employees
 * (-1 = unknown), location, parent-id (group company), owner-id,
 * external-id (for idempotent re-import). */
#define PROSPECT_TYPE_ACCOUNT (prospect_account_get_type ())
G_DECLARE_FINAL_TYPE (ProspectAccount, prospect_account, PROSPECT, ACCOUNT, ProspectRecord)

ProspectAccount *prospect_account_new             (void);
ProspectAccount *prospect_account_load            (ProspectDatabase  *db,
                                                   const char        *id,
                                                   GError           **error);
const char      *prospect_account_get_name        (ProspectAccount *self);
void             prospect_account_set_name        (ProspectAccount *self,
                                                   const char      *name);
const char      *prospect_account_get_sector      (ProspectAccount *self);
void             prospect_account_set_sector      (ProspectAccount *self,
                                                   const char      *sector);
const char      *prospect_account_get_region      (ProspectAccount *self);
void             prospect_account_set_region      (ProspectAccount *self,
                                                   const char      *region);
gint64           prospect_account_get_revenue     (ProspectAccount *self);
void             prospect_account_set_revenue     (ProspectAccount *self,
                                                   gint64           revenue);
const char      *prospect_account_get_currency    (ProspectAccount *self);
void             prospect_account_set_currency    (ProspectAccount *self,
                                                   const char      *currency);
gint             prospect_account_get_employees   (ProspectAccount *self);
void             prospect_account_set_employees   (ProspectAccount *self,
                                                   gint             employees);
const char      *prospect_account_get_location    (ProspectAccount *self);
void             prospect_account_set_location    (ProspectAccount *self,
                                                   const char      *location);
const char      *prospect_account_get_parent_id   (ProspectAccount *self);
void             prospect_account_set_parent_id   (ProspectAccount *self,
                                                   const char      *parent_id);
const char      *prospect_account_get_owner_id    (ProspectAccount *self);
void             prospect_account_set_owner_id    (ProspectAccount *self,
                                                   const char      *owner_id);
const char      *prospect_account_get_external_id (ProspectAccount *self);
void             prospect_account_set_external_id (ProspectAccount *self,
                                                   const char      *external_id);

/* Convenience queries, sorted by name: every account, and the accounts
 * owned by owner_id. */
ProspectQuery   *prospect_account_query_all      (void);
ProspectQuery   *prospect_account_query_by_owner (const char *owner_id);

G_END_DECLS
