/* prospect-activity.h - a call, meeting, email, visit, demo or task
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "prospect-query.h"

G_BEGIN_DECLS

/* Properties (= columns of table "activity"): kind ("call", "meeting",
 * "email", "visit", "demo", "task"), subject, notes, due-at (UTC ms, -1 =
 * none) for a timed activity or due-date ("YYYY-MM-DD") for an all-day
 * one, never both; duration-minutes, done-at (UTC ms, -1 = not done),
 * outcome, deal-id, account-id, contact-id, owner-id, remind-at,
 * snoozed-until and reminded-at (UTC ms, -1 = none). */
#define PROSPECT_TYPE_ACTIVITY (prospect_activity_get_type ())
G_DECLARE_FINAL_TYPE (ProspectActivity, prospect_activity, PROSPECT, ACTIVITY, ProspectRecord)

ProspectActivity *prospect_activity_new                  (void);
ProspectActivity *prospect_activity_load                 (ProspectDatabase  *db,
                                                          const char        *id,
                                                          GError           **error);
const char       *prospect_activity_get_kind             (ProspectActivity *self);
void              prospect_activity_set_kind             (ProspectActivity *self,
                                                          const char       *kind);
const char       *prospect_activity_get_subject          (ProspectActivity *self);
void              prospect_activity_set_subject          (ProspectActivity *self,
                                                          const char       *subject);
const char       *prospect_activity_get_notes            (ProspectActivity *self);
void              prospect_activity_set_notes            (ProspectActivity *self,
                                                          const char       *notes);
gint64            prospect_activity_get_due_at           (ProspectActivity *self);
void              prospect_activity_set_due_at           (ProspectActivity *self,
                                                          gint64            due_at);
const char       *prospect_activity_get_due_date         (ProspectActivity *self);
void              prospect_activity_set_due_date         (ProspectActivity *self,
                                                          const char       *due_date);
gint              prospect_activity_get_duration_minutes (ProspectActivity *self);
void              prospect_activity_set_duration_minutes (ProspectActivity *self,
                                                          gint              duration_minutes);
gint64            prospect_activity_get_done_at          (ProspectActivity *self);
void              prospect_activity_set_done_at          (ProspectActivity *self,
                                                          gint64            done_at);
const char       *prospect_activity_get_outcome          (ProspectActivity *self);
void              prospect_activity_set_outcome          (ProspectActivity *self,
                                                          const char       *outcome);
const char       *prospect_activity_get_deal_id          (ProspectActivity *self);
void              prospect_activity_set_deal_id          (ProspectActivity *self,
                                                          const char       *deal_id);
const char       *prospect_activity_get_account_id       (ProspectActivity *self);
void              prospect_activity_set_account_id       (ProspectActivity *self,
                                                          const char       *account_id);
const char       *prospect_activity_get_contact_id       (ProspectActivity *self);
void              prospect_activity_set_contact_id       (ProspectActivity *self,
                                                          const char       *contact_id);
const char       *prospect_activity_get_owner_id         (ProspectActivity *self);
void              prospect_activity_set_owner_id         (ProspectActivity *self,
                                                          const char       *owner_id);
gint64            prospect_activity_get_remind_at        (ProspectActivity *self);
void              prospect_activity_set_remind_at        (ProspectActivity *self,
                                                          gint64            remind_at);
gint64            prospect_activity_get_snoozed_until    (ProspectActivity *self);
void              prospect_activity_set_snoozed_until    (ProspectActivity *self,
                                                          gint64            snoozed_until);
gint64            prospect_activity_get_reminded_at      (ProspectActivity *self);
void              prospect_activity_set_reminded_at      (ProspectActivity *self,
                                                          gint64            reminded_at);

gboolean          prospect_activity_is_done        (ProspectActivity *self);
/* Sets done-at to now and saves. */
gboolean          prospect_activity_mark_done      (ProspectActivity  *self,
                                                    ProspectDatabase  *db,
                                                    GError           **error);

/* Convenience queries: the not-done activities of owner_id (SQL sorts
 * NULL first: undated and all-day ones by date, then timed ones by time),
 * and every activity of deal_id (newest first). */
ProspectQuery    *prospect_activity_query_open_for_owner (const char *owner_id);
ProspectQuery    *prospect_activity_query_for_deal       (const char *deal_id);

G_END_DECLS
