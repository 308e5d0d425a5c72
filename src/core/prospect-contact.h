/* prospect-contact.h - a person at a customer account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-query.h"

G_BEGIN_DECLS

/* Properties (= columns of table "contact"): account-id, name, title (the
 * job title), email, phone. */
#define PROSPECT_TYPE_CONTACT (prospect_contact_get_type ())
G_DECLARE_FINAL_TYPE (ProspectContact, prospect_contact, PROSPECT, CONTACT, ProspectRecord)

ProspectContact *prospect_contact_new            (void);
ProspectContact *prospect_contact_load           (ProspectDatabase  *db,
                                                  const char        *id,
                                                  GError           **error);
const char      *prospect_contact_get_account_id (ProspectContact *self);
void             prospect_contact_set_account_id (ProspectContact *self,
                                                  const char      *account_id);
const char      *prospect_contact_get_name       (ProspectContact *self);
void             prospect_contact_set_name       (ProspectContact *self,
                                                  const char      *name);
const char      *prospect_contact_get_title      (ProspectContact *self);
void             prospect_contact_set_title      (ProspectContact *self,
                                                  const char      *title);
const char      *prospect_contact_get_email      (ProspectContact *self);
void             prospect_contact_set_email      (ProspectContact *self,
                                                  const char      *email);
const char      *prospect_contact_get_phone      (ProspectContact *self);
void             prospect_contact_set_phone      (ProspectContact *self,
                                                  const char      *phone);

/* Convenience queries, sorted by name: every contact, and the contacts of
 * account_id. */
ProspectQuery   *prospect_contact_query_all         (void);
ProspectQuery   *prospect_contact_query_for_account (const char *account_id);

G_END_DECLS
