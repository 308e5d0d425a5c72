/* prospect-account-editor.h - the short form for an account or a contact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "prospect-record.h"

G_BEGIN_DECLS

/* A modal window editing a ProspectAccount (name, sector, region,
 * location) or a ProspectContact (name, job title, e-mail, phone), new or
 * stored. Every keystroke runs the core's checks: the field at fault is
 * marked, the reason shows under the form, and Save stays disabled until
 * the form is valid. Saving writes the record and emits ::saved (record,
 * previous), previous being the stored row as it was before an edit (for
 * Undo) or NULL for a new record. Cancel and Escape write nothing. */
#define PROSPECT_TYPE_ACCOUNT_EDITOR (prospect_account_editor_get_type ())
G_DECLARE_FINAL_TYPE (ProspectAccountEditor, prospect_account_editor, PROSPECT, ACCOUNT_EDITOR, AdwWindow)

ProspectAccountEditor *prospect_account_editor_new (GtkWindow        *parent,
                                                    ProspectDatabase *db,
                                                    ProspectRecord   *record);

G_END_DECLS
