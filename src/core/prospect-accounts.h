/* prospect-accounts.h - what the Accounts page reads and writes: the
 * searchable account list, an account's contacts, deals and history, and
 * deleting an account with its contacts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-account.h"
#include "prospect-contact.h"

G_BEGIN_DECLS

/* One row of the account list: the account's own fields and the figures of
 * its open deals. Read-only; a change makes the list hand out new rows. */
#define PROSPECT_TYPE_ACCOUNT_SUMMARY (prospect_account_summary_get_type ())
G_DECLARE_FINAL_TYPE (ProspectAccountSummary, prospect_account_summary, PROSPECT, ACCOUNT_SUMMARY, GObject)

const char *prospect_account_summary_get_id          (ProspectAccountSummary *self);
const char *prospect_account_summary_get_name        (ProspectAccountSummary *self);
const char *prospect_account_summary_get_sector      (ProspectAccountSummary *self); /* NULL = unknown */
const char *prospect_account_summary_get_region      (ProspectAccountSummary *self);
const char *prospect_account_summary_get_owner_name  (ProspectAccountSummary *self);
gint64      prospect_account_summary_get_open_deals  (ProspectAccountSummary *self);
/* Sum of the open deals' amounts in minor units of the currency. The
 * currency is NULL when the open deals use several currencies (the sum
 * then means nothing and is 0) or when there are none. */
gint64      prospect_account_summary_get_open_amount (ProspectAccountSummary *self);
const char *prospect_account_summary_get_currency    (ProspectAccountSummary *self);

/* A GListModel of ProspectAccountSummary: the live accounts whose name
 * matches the search, best matches first (the name starts with the text,
 * then a word in it does, then it appears inside), by name within each.
 * Matching uses prospect_quick_entry_fold(), so "cafe MULLER" finds
 * "Café Müller GmbH". Names are kept in memory (a few hundred kilobytes
 * for thousands of accounts) so that each keystroke costs no query; the
 * rows' figures are read a page at a time, for the rows asked for.
 * Refreshes itself on ::changed::account and ::changed::deal. */
#define PROSPECT_TYPE_ACCOUNT_LIST (prospect_account_list_get_type ())
G_DECLARE_FINAL_TYPE (ProspectAccountList, prospect_account_list, PROSPECT, ACCOUNT_LIST, GObject)

ProspectAccountList *prospect_account_list_new           (ProspectDatabase    *db);
const char          *prospect_account_list_get_search    (ProspectAccountList *self);
/* NULL or blank: every account. */
void                 prospect_account_list_set_search    (ProspectAccountList *self,
                                                          const char          *text);
/* Live accounts, whatever the search: tells "no accounts yet" from "no
 * results". */
guint                prospect_account_list_get_n_accounts (ProspectAccountList *self);
/* Position of the account among the matches, or G_MAXUINT. */
guint                prospect_account_list_find          (ProspectAccountList *self,
                                                          const char          *account_id);

/* An account's contacts (ProspectContact), by name. */
GPtrArray *prospect_accounts_get_contacts (ProspectDatabase  *db,
                                           const char        *account_id,
                                           GError           **error);

typedef enum
{
  PROSPECT_ACCOUNT_DEALS_OPEN,   /* by expected close, undated first */
  PROSPECT_ACCOUNT_DEALS_CLOSED, /* won and lost, latest close first */
} ProspectAccountDeals;

/* Up to limit deals (ProspectDeal) of the account; n_total (optional) gets
 * how many there are in all. */
GPtrArray *prospect_accounts_get_deals    (ProspectDatabase      *db,
                                           const char            *account_id,
                                           ProspectAccountDeals   which,
                                           guint                  limit,
                                           gint64                *n_total,
                                           GError               **error);

/* The account's activities (ProspectActivity), done and planned, newest
 * first (by done time, else due time or day, else creation), at most
 * limit: those of its deals, and those on the account with no deal. */
GPtrArray *prospect_accounts_get_history  (ProspectDatabase  *db,
                                           const char        *account_id,
                                           guint              limit,
                                           GError           **error);

/* The checks the contact form makes on top of the record's own (a name):
 * an e-mail address needs one "@" with text before it and a dotted domain
 * after it, no spaces; a phone number holds digits (at least three), and
 * spaces, "+", "-", ".", "/", parentheses or an "x" for an extension.
 * NULL and "" pass. Errors are PROSPECT_ERROR_INVALID on "email"/"phone". */
gboolean   prospect_accounts_check_email  (const char  *email,
                                           GError     **error);
gboolean   prospect_accounts_check_phone  (const char  *phone,
                                           GError     **error);
/* The record's validation and both checks above: what the form shows. */
gboolean   prospect_accounts_check_contact (ProspectDatabase  *db,
                                            ProspectContact   *contact,
                                            GError           **error);
/* The form checks, then insert or update. Nothing is written on failure. */
gboolean   prospect_accounts_save_contact (ProspectDatabase  *db,
                                           ProspectContact   *contact,
                                           GError           **error);

/* Deleting an account.
 *
 * An account with open deals is not deleted: the error
 * (PROSPECT_ERROR_CONSTRAINT) says how many, because those deals would
 * stay in the pipeline pointing at a company that is gone. Otherwise the
 * account and its contacts are soft-deleted in one transaction; its closed
 * deals and its activities stay as they are (the figures and the history
 * of past quarters keep them). The returned deletion undoes exactly that:
 * the account and the contacts it took along, not a contact that had been
 * deleted on its own before. */
typedef struct _ProspectAccountDeletion ProspectAccountDeletion;

ProspectAccountDeletion *prospect_accounts_delete (ProspectDatabase  *db,
                                                   const char        *account_id,
                                                   GError           **error);
const char *prospect_account_deletion_get_account_name (ProspectAccountDeletion *deletion);
guint       prospect_account_deletion_get_n_contacts   (ProspectAccountDeletion *deletion);
gboolean    prospect_account_deletion_undo             (ProspectAccountDeletion  *deletion,
                                                        ProspectDatabase         *db,
                                                        GError                  **error);
void        prospect_account_deletion_free             (ProspectAccountDeletion *deletion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProspectAccountDeletion, prospect_account_deletion_free)

G_END_DECLS
