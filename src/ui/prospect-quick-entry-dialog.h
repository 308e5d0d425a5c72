/* prospect-quick-entry-dialog.h - Ctrl+N: add an activity or a deal in one line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "prospect-database.h"

G_BEGIN_DECLS

#define PROSPECT_TYPE_QUICK_ENTRY_DIALOG (prospect_quick_entry_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ProspectQuickEntryDialog, prospect_quick_entry_dialog, PROSPECT, QUICK_ENTRY_DIALOG, AdwWindow)

/* Emits ::saved (ProspectRecord *record, const char *message) once the
 * record is stored, then closes; message is a sentence for a toast. */
ProspectQuickEntryDialog *prospect_quick_entry_dialog_new (GtkWindow        *parent,
                                                           ProspectDatabase *database);

G_END_DECLS
